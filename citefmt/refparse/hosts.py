"""The host title of a chapter or proceedings paper, cleared of what belongs to other fields.

A grammar or the tagger that reads "In R. K. Merton, The Sociology of Science, pp. 286-324."
as the host keeps the editor and the pages inside the title. Chicago (17th ed., 14.9) and APA
print the chapter's pages after the host ("…, pp. 286–324", "(pp. 286–324)"); Elsevier's
physics style names the series after the book ("Clusters in Nuclei, in: Lecture Notes in
Physics 818"). These steps take each back out, after the reading is chosen.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.common import normalise_page
from citefmt.refparse.names import parse_initials_first_names
from citefmt.refparse.places import place_population

_HOST_TYPES = ("chapter", "paper-conference")
#: the chapter's pages at the end of its host: ", pp. 286-324", " (pp. 45–67)", ", p. 12", ", pp",
#: " (pages 154-158)"
_TRAILING_PAGES = re.compile(r"(?:[,.]\s*|\s)\(?\s*\b(?:pp?|pages)\b\s?\.?\s*"
                             r"(?P<page>\d+(?:\s*[-–—]\s*\d+)?)?\s*\)?$")
#: an editor printed before the host without a label: "R. K. Merton, The Sociology of …"
_LEADING_EDITOR = re.compile(r"^(?P<names>(?:[A-Z]\.\s?-?){1,3}\s?[A-Z][\w'’-]+"
                             r"(?:(?:,\s*|\s+(?:and|&)\s+)(?:[A-Z]\.\s?-?){1,3}\s?[A-Z][\w'’-]+)*)"
                             r",\s+(?=[A-Z])")
#: "Book, in: Series 818": the series (with its number) after the book
_SERIES_AFTER = re.compile(r"^(?P<book>.+?),\s+in:\s+(?P<series>[^,]+?)(?:\s+(?P<number>\d+))?$",
                           re.I)


def pages_out_of_host(item: Item) -> None:
    """", pp. 286-324" at the end of a chapter's host is the chapter's page range."""
    host = item.get("container-title")
    if item.get("type") not in _HOST_TYPES or not isinstance(host, str):
        return
    m = _TRAILING_PAGES.search(host)
    if not m or m.start() == 0:
        return
    page = normalise_page(m.group("page")) if m.group("page") else None
    if page and not item.get("page"):
        item["page"] = page
    elif page and item.get("page") != page:
        return
    item["container-title"] = host[:m.start()].rstrip(" .,")


#: the chapter's pages inside its host, then the imprint: "Proceedings of …, pp. 729-734. San
#: Jose, CA", "Proceedings of … (pages 154-158)", "Reasoning About Actions & Plans, pp. 99-122.
#: Morgan Kaufmann"
_PAGES_THEN_IMPRINT = re.compile(r"^(?P<host>.+?)(?:,\s*|\s+\(?)(?:pp?\.|pages)\s*"
                                 r"(?P<page>\d+(?:\s*[-–—]\s*\d+)?)\s*\)?\s*[.,]?\s*"
                                 r"(?P<rest>\S.*)$")


def imprint_out_of_host_pages(item: Item) -> None:
    """"In Proceedings of National Conference on Artificial Intelligence, pp. 729-734. San Jose,
    CA": APA and Chicago print a chapter's pages after its host and then the imprint; the
    pages are the chapter's, the place after them the place, when none was read."""
    host = item.get("container-title")
    if item.get("type") not in _HOST_TYPES or not isinstance(host, str) or "p" not in host:
        return
    m = _PAGES_THEN_IMPRINT.match(host)
    if not m or len(m.group("host").split()) < 2:
        return
    rest = m.group("rest").strip(" .,;")
    page = normalise_page(m.group("page"))
    if item.get("page") not in (None, page):
        return
    if place_population(rest) and not item.get("publisher-place"):
        item["publisher-place"] = rest
    elif _PUBLISHER_NAME.search(rest) and not item.get("publisher"):
        item["publisher"] = rest
    else:
        return
    item["container-title"], item["page"] = m.group("host").rstrip(" .,"), page


#: a publisher's name that says it is one (the imprint after a host's pages)
_PUBLISHER_NAME = re.compile(r"\b(?:Press|Publish\w*|Verlag|Books|Inc|Ltd|GmbH|Kaufmann|Wiley|"
                             r"Springer|Elsevier)\b")


def editor_out_of_host(item: Item) -> None:
    """"R. K. Merton, The Sociology of Science": the names before a chapter's host title are its
    editors, when the chapter has none."""
    host = item.get("container-title")
    if item.get("type") not in _HOST_TYPES or not isinstance(host, str) or item.get("editor"):
        return
    m = _LEADING_EDITOR.match(host)
    if not m or len(host[m.end():].split()) < 2:
        return
    names = parse_initials_first_names(m.group("names")).names
    if names:
        item["editor"] = names
        item["container-title"] = host[m.end():]


def series_out_of_host(item: Item) -> None:
    """"Clusters in Nuclei, in: Lecture Notes in Physics 818": the book, then its series and the
    series number (given as the volume, as the style prints it)."""
    host = item.get("container-title")
    if item.get("type") not in _HOST_TYPES or not isinstance(host, str) or \
            item.get("collection-title"):
        return
    if m := _SERIES_AFTER.match(host):
        item["container-title"] = m.group("book").strip()
        item["collection-title"] = m.group("series").strip()
        if m.group("number") and not item.get("volume"):
            item["volume"] = m.group("number")


#: the words that lead into a host and are not part of its title (Chicago, APA, ISO 690 and
#: physics lists print them before the host; PDF extraction may glue "in" to it): "In", "in:",
#: "inAdvanced …", "Dans", "En:", "Em:", "given at", "Translated from", "Cite this as:", the
#: editor label left after the editors' names ("(Eds.),", "editors,") and the "of" of "vol. 1
#: of Series". "In Vivo", "In Vitro", "In Silico" and "In Practice" are journals' own words.
_HOST_LEAD = re.compile(
    r"^(?:(?:[Ii]n(?!\s+(?:[Vv]ivo|[Vv]itro|[Ss]ilico|[Ss]itu|[Pp]ractice)\b)|Dans)(?:\s*:\s*|\s+)"
    r"|in(?=[A-Z][a-z])|(?:En|Em)\s*:\s*|given\s+at\s+|[Tt]ranslated\s*from\s+"
    r"|Cite\s+this\s+as\s*:\s*|\(\s*(?:[Ee]ds?|[Ee]ditors?)\s*\.?\s*\)\s*[.,:]?\s*"
    r"|(?:[Ee]ds?\.|[Ee]ds?\s*[,:]|[Ee]ditors?\s*[.,:])\s*|of\s+)"
    r"(?=\S)")


def label_out_of_host(item: Item) -> None:
    """"In Proceedings of the IEEE", "inAdvanced Accelerator Concepts", "(eds.), Proceedings of
    …", "of CBMS Regional Conference Series": the label a list prints before the host (or the
    end of the statement before it) is not part of the host's title."""
    host = item.get("container-title")
    if not isinstance(host, str) or not (m := _HOST_LEAD.match(host)):
        return
    rest = host[m.end():]
    if len(rest) >= 2:
        item["container-title"] = rest


#: the journal's locators a reading left at the end of its host: ", 11(1) 1-39, Jan",
#: ", 35(8) 66-80", ", Vol. 7", " (Vol. 3", ", Nr. 253", ", T. 21"
_LOCATORS_AFTER_HOST = re.compile(
    r"(?:,\s*|\s+)(?:(?P<volume>\d{1,4})\s*\((?P<issue>[\w/-]{1,7})\)\s*[:,]?\s*"
    r"(?P<page>\d+(?:\s*[-–]\s*\d+)?)?(?:\s*,\s*[A-Z][a-z]{2,8}\.?)?"
    r"|\(?\s*(?:Vol|Volume|Nr|T)\s*\.?\s*(?P<labelled>\d{1,4}))\s*\.?$")


def locators_out_of_host(item: Item) -> None:
    """"ACM Transactions on Graphics, 11(1) 1-39, Jan", "Handbook of child psychology (Vol. 3":
    the volume, issue and pages printed after the host's name are the item's own, when none was
    read; the host's name ends before them."""
    host = item.get("container-title")
    if not isinstance(host, str) or item.get("volume") or not host[-1:].isalnum() \
            or not (m := _LOCATORS_AFTER_HOST.search(host)) or len(host[:m.start()].split()) < 2:
        return
    item["container-title"] = host[:m.start()].rstrip(" ,.")
    if m.group("labelled"):
        item["volume"] = m.group("labelled")
        return
    item["volume"] = m.group("volume")
    item.setdefault("issue", m.group("issue"))
    if m.group("page") and not item.get("page"):
        item["page"] = normalise_page(m.group("page"))


#: "… held in San Jose": the words that lead into a conference's place
_HELD_IN = re.compile(r"^(?P<lead>.*?)\s+(?:held\s+)?in\s+(?P<place>[A-Z].*)$")


def place_out_of_proceedings(item: Item) -> None:
    """"Proc. Neutrino Workshop, Honolulu, Hawaii" / "… Meeting held in San Jose, California":
    the place a conference host ends with is the place of the proceedings."""
    host = item.get("container-title")
    if item.get("type") != "paper-conference" or not isinstance(host, str) or \
            item.get("publisher-place"):
        return
    parts = [p.strip() for p in host.split(",")]
    for k in range(1, len(parts)):
        head, tail = ", ".join(parts[:k]), ", ".join(parts[k:])
        if not place_population(tail):
            continue
        if k == 1 and (held := _HELD_IN.match(head)) and place_population(
                f"{held.group('place')}, {tail}"):
            head, tail = held.group("lead"), f"{held.group('place')}, {tail}"
        if len(head.split()) >= 2:
            item["container-title"], item["publisher-place"] = head, tail
        return


#: Proceedings of Science cited INSPIRE's way: the volume is the conference's name and year
#: ("PoS LATTICE2013 (2014) 002", "PoS LAT 2009 (2009) 010", "PoS(LATTICE 2014)209"), then the
#: year of the volume and the article's number
_POS_VOLUME = re.compile(r"\bPoS\s*\(?\s*(?P<volume>[A-Z][A-Za-z-]{1,14}\s?\d{2,4})\s*\)?\s*"
                         r"(?:\(\s*(?:19|20)\d\d\s*\)\s*,?\s*(?P<page>\d{1,4})\b)?")


def pos_volume(item: Item, text: str) -> None:
    """"PoS LAT 2009 (2009) 010" read as the journal "PoS LAT" (or "PoSLATTICE") with a year
    for its volume or page: the journal is "PoS", its volume the conference, as PoS numbers it."""
    host = item.get("container-title")
    if not isinstance(host, str) or not re.fullmatch(r"PoS\s*[A-Za-z-]*", host.strip()):
        return
    if not (m := _POS_VOLUME.search(text)):
        return
    volume = m.group("volume")
    item["container-title"], item["volume"] = "PoS", volume
    if m.group("page"):
        item["page"] = m.group("page")
    elif isinstance(item.get("page"), str) and item["page"] in volume:
        del item["page"]  # the conference's year read as the page


def year_not_issue(item: Item) -> None:
    """"Nature 166 (1950): 717-718", "Phys. Rev. Lett. 111 (2013) 14, 141601": the year printed
    in parentheses after the volume is the date (Chicago, INSPIRE), not the issue — an issue
    read as the very year of the reference is dropped."""
    issue, issued = item.get("issue"), item.get("issued")
    if not isinstance(issue, str) or len(issue) != 4 or not isinstance(issued, dict):
        return
    parts = issued.get("date-parts")
    if parts and parts[0] and str(parts[0][0]) == issue and item.get("volume"):
        del item["issue"]


#: ACM's "volume, issue (Month Year)" and the humanities' "volume.issue (Year)" after the
#: journal: "Communications of the ACM, 18, 4 (April 1975)", "Helios 10.1 (1983)"
_ISSUE_BEFORE_DATE = re.compile(r"(?<![\d.])(?P<volume>\d+)\s*(?:,\s*|\.)(?P<issue>\d{1,3})\s*"
                                r"\((?:[A-Z][a-z]{2,8}\.?\s+)?(?:1[5-9]|20)\d\d\)")


def issue_before_date(item: Item, text: str) -> None:
    """"Communications of the ACM, 18, 4 (April 1975), pages 216-217": the number between the
    volume and the bracketed date (ACM's form; "10.1 (1983)" in humanities lists) is the issue,
    when a reading gave the volume and no issue."""
    volume = item.get("volume")
    if not isinstance(volume, str) or item.get("issue") or not volume.isdigit() \
            or "(" not in text:
        return
    m = next((found for found in _ISSUE_BEFORE_DATE.finditer(text)
              if found.group("volume") == volume), None)
    page = item.get("page")
    # the pages follow the date (physics prints "18, 4 (1975)": volume, page, year)
    if m and isinstance(page, str) and (first := re.match(r"\d+", page)) \
            and first.group() != m.group("issue") \
            and re.match(rf"[\s,.:;]*(?:pp?\.?|pages?)?\s*{first.group()}\b", text[m.end():]):
        item["issue"] = m.group("issue")


#: a date in PubMed's order, year then month (and day): "2018 Nov 6", "2019 Jan 2", "2018 Apr"
_PUBMED_DATE = re.compile(r"(?:1[89]|20)\d\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                          r"[a-z]*\.?(?:\s+\d{1,2})?")


def date_not_volume(item: Item) -> None:
    """"Front Oncol. 2018; 2018 Nov 6. PMID: 30460196": PubMed prints an article published
    ahead of print with its electronic date where the volume will stand; a date is never the
    volume."""
    volume = item.get("volume")
    if isinstance(volume, str) and volume[:1] in "12" and _PUBMED_DATE.fullmatch(volume.strip()):
        del item["volume"]


#: journals numbered by year and monthly issue, with no volumes (SISSA/IOP): "JHEP 09 (2015)
#: 050", "JCAP 08 (2016) 013", "J. Cosmology Astropart. Phys., 8, 013"
_ISSUE_ONLY_JOURNAL = re.compile(r"^(?:JHEP|JCAP|J\.?\s*(?:High\s+Energy\s+Phys|Cosmol(?:ogy)?\.?"
                                 r"\s*Astropart(?:icle)?\.?\s*Phys)\.?)$", re.I)


def issue_of_monthly_journal(item: Item) -> None:
    """"JHEP 09 (2015) 050": a journal numbered by monthly issue within the year has no volume;
    the one- or two-digit number before the year is the issue (INSPIRE prints it so; the older
    four-digit "JHEP 0505" stays as printed)."""
    journal, volume = item.get("container-title"), item.get("volume")
    if (isinstance(journal, str) and isinstance(volume, str) and re.fullmatch(r"\d{1,2}", volume)
            and not item.get("issue") and _ISSUE_ONLY_JOURNAL.match(journal.strip())):
        item["issue"] = volume
        del item["volume"]
