"""IEEE and physics (AIP, APS, OSA, Elsevier physics and chemistry) references: initials before
the surname, a quoted title, an unquoted one or none, and the host in one of a few fixed shapes.

    K. Roe, S. Doe, and J. Vega, “Title of the paper,” Optics Letters 18, 1786–1788 (1993).
    J. F. Roe and R. W. Doe, “Title,” AIAA Journal, vol. 9, no. 8, pp. 1624–1626, Aug. 1971.
    J. P. Roe, P. T. Doe, and U. K. Vega, Appl. Phys. Lett. 77, pp. 250–252 (2000)
    A. B. Roe et al. Nucl. Phys. B 512 (1998) 263.               (volume, year, page)
    P. ROE et J. DOE. J. Chem. Soc. 1498 (1961).                  (no volume)
    J. Roe and K. Doe, Wave equations on surfaces, J. Math. Phys. 16:1597-1614 (1975).
    L. Roe, Lectures on Elasticity, 2nd ed. (Dover, New York, 1981).    (a book)

The journal is printed as given, often abbreviated, and goes into `container-title`; a series
letter printed with the volume ("Phys. Rev. D72", "Phys. Lett. B 716") belongs to the journal's
name. An arXiv tail ("[arXiv:1410.8813 [hep-lat]]", "; astro-ph/9801044") is the e-print the
identifiers already hold. Books are read only in the physics shape "Title (Publisher, Place,
Year)", "Title (Publisher, Year)" and "Title, Publisher, Place (Year)" (the last only when the
place is a place); other books are left to the other readers.
"""

from __future__ import annotations

import re

from citefmt.dates import MONTHS
from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import (
    TITLE_ABBREVIATIONS,
    date_parts,
    normalise_page,
    squeezed,
    without_final_marks,
)
from citefmt.refparse.names import split_names, strip_et_al
from citefmt.refparse.places import is_place

#: one name, matched atomically so a long author list that fails later is not re-split; a
#: second surname word is taken only when no period follows it ("F. Roe Phys. Rev." is
#: "F. Roe" and the journal "Phys. Rev."), and an abbreviated journal word after an initial
#: is the journal, not a name ("J. Phys. A", "J. Stat. Mech.", "J. Clean. Prod.")
_NAME = (r"(?>(?:[A-Z][a-z]?\s?\.\s?-?|[A-Z]\s(?=[A-Z][a-z]))+\s?"
         r"(?:(?:de|da|van|von|der|den|di|du|dos|le|la)\s)*"
         rf"(?!(?i:{'|'.join(sorted(TITLE_ABBREVIATIONS))})\.)"
         r"(?![A-ZÀ-Þ][a-z][\w'’\-]*\.\s*[A-Z][a-z]{1,8}\.)"
         r"[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+(?![\w'’\-]*\.))?)")
#: "and", "&", French "et", Portuguese and Italian "e", German "und" between two names
_CONJUNCTION = r"(?:\s*,?\s+(?:and|&|et|e|und)\s+|\s*,\s*)"
_AUTHORS_RE = re.compile(rf"^(?P<authors>{_NAME}(?:{_CONJUNCTION}{_NAME})*"
                         r"(?P<etal>,?\s*et\s*\.?\s*al\b\s*\.?)?)"
                         r"(?P<sep>\s*,\s*|\.\s+|(?<=\.)\s+|\s+(?=[A-Z][a-z]*\.\s))")
_YEAR = r"(?:1[6-9]|20)\d\d"
_TITLE = r"[“\"](?P<title>[^“”\"]+?)[,.]?[”\"],?\s+"
#: an unquoted title: the comma-separated segment(s) before a journal host
_PLAIN_TITLE = r"(?P<title>[A-Z][^“”\"()]{8,300}?)\s*,\s*"
_LOCATOR = r"[A-Za-z]{0,4}\d+[A-Za-z]?(?:\s*[–—-]\s*[A-Za-z]{0,4}\d+[A-Za-z]?)?"
#: the journal's name, a series letter printed with the volume included ("Phys. Rev. D");
#: names, titles and journals are bounded so that a failing match costs linear time
_JOURNAL = r"(?P<journal>[A-Z][^,\d“”\"]{0,150}?(?:\s*\b[A-Z](?=,?\s?\d))?)\s*,?\s*"
_END = r"\s*[.;,]?$"
#: "Optics Letters 18, 1786–1788 (1993)" / "Appl. Phys. Lett. 77, pp. 250–2 (2000)" /
#: "Applied Optics 38(33) 6818 (1999)" / "J. Math. Phys. 16: 1597-1614 (1975)"
_PHYSICS_HOST = (_JOURNAL + r"(?P<volume>\d+)(?:\s*\(\s*(?P<issue>\d+)\s*\)\s*|\s*[,:]\s*|\s+)"
                 rf"(?:pp?\.\s*)?(?P<page>{_LOCATOR})\s*\(\s*(?P<year>{_YEAR})\s*\)" + _END)
#: "Nucl. Phys. B 512 (1998) 263" / "Phys. Rev. D72( 2001)023003"
#: "Cerâmica 61, 359 (2015) 367": an issue after the volume
#: "Phys. Rev. D 88 (2013) 10, 105030": INSPIRE's issue between the year and the page
_YEAR_FIRST_HOST = (_JOURNAL + r"(?P<volume>\d+)(?:\s*,\s*(?P<issue>\d+))?"
                    rf"\s*\(\s*(?P<year>{_YEAR})\s*\)\s*,?\s*"
                    r"(?:(?P<issue_after>\d{1,3})\s*,\s*(?=[A-Za-z]{0,4}\d))?"
                    rf"(?:pp?\.\s*)?(?P<page>{_LOCATOR})" + _END)
#: "J. Chem. Soc. 1498 (1961)": a journal without volumes, the page and the year
_PAGE_ONLY_HOST = (r"(?P<journal>[A-Z][^,\d“”\"]{0,150}?)\s*,?\s*"
                   rf"(?P<page>{_LOCATOR})\s*\(\s*(?P<year>{_YEAR})\s*\)" + _END)
#: "Rivista del Nuovo Cimento, 26(5-6) (2003), pp. 1-150." / "J. Lumin. 119-120, (2006), pp
#: 277-282.": the year in parentheses between the volume and the labelled pages
_PAGES_AFTER_YEAR_HOST = (_JOURNAL + r"(?P<volume>\d+(?:\s*[–-]\s*\d+)?)\s*"
                          r"(?:\(\s*(?P<issue>\d+(?:\s*[–-]\s*\d+)?)\s*\)\s*)?,?\s*"
                          rf"\(\s*(?P<year>{_YEAR})\s*\)\s*,?\s*pp?\.?\s*"
                          rf"(?P<page>{_LOCATOR})" + _END)
#: Proceedings of Science, whose volumes are conference names: "PoS LATTICE2012 (2012) 017",
#: "PoS LAT 2009 (2009) 010", "PoSLATTICE 2008(2008) 002"
_POS_HOST = (r"(?P<journal>PoS)\s*(?P<volume>[A-Z][A-Za-z]{1,12}\s?\d{2,4})\s*"
             rf"\(\s*(?P<year>{_YEAR})\s*\)\s*,?\s*(?P<page>\d+)" + _END)
#: "AIAA Journal, vol. 9, no. 8, pp. 1624–1626, August 1971."
_IEEE_HOST = (r"(?P<journal>[A-Z][^,“”\"]{0,150}?),\s*vol\.\s*(?P<volume>\w+)"
              r"(?:,\s*no\.\s*(?P<issue>[\w/–-]+))?"
              rf"(?:,\s*pp?\.\s*(?P<page>{_LOCATOR}))?,\s*"
              r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?:\d{1,2},\s*)?)?"
              rf"(?P<year>{_YEAR})\.?$")
#: "Lectures on Elasticity, 2nd ed. (Dover, New York, 1981)" — also "(Wiley, New York), 1977"
_BOOK = (r"(?P<title>[A-Z][^()“”\"]{0,300}?)"
         r"(?:,\s*(?P<edition>\d+(?:st|nd|rd|th))\s+ed(?:\.|ition))?"
         r"(?:,\s*Vol\.\s*(?P<volume>[\w-]+))?\s*"
         r"\(\s*(?P<publisher>[^,()]+?)\s*,\s*(?P<place>[^()]+?)\s*"
         rf"(?:,\s*(?P<year>{_YEAR})\s*\)|\)\s*,?\s*(?P<year_after>{_YEAR}))" + _END)
#: "Nonlinear Waves (SIAM, 2010)": the publisher and year, no place
_BOOK_NO_PLACE = (r"(?P<title>[A-Z][^()“”\"]{0,300}?)(?:,\s*[Vv]ol\.\s*(?P<volume>[\w-]+))?\s*"
                  rf"\(\s*(?P<publisher>[^,()\d]+?)\s*,\s*(?P<year>{_YEAR})\s*\)" + _END)
#: "Turbulent Flows, Cambridge Univ. Press, Cambridge (2000)": AIP's book without parentheses
#: around the imprint; accepted only when the last part is a place (places.py)
_PLAIN_BOOK = (r"(?P<title>[A-Z](?:(?!,\s*[Vv]ol\.)[^()“”\"]){0,300}?)"
               r"(?:,\s*(?P<edition>\d+(?:st|nd|rd|th))\s+ed(?:\.|ition))?"
               r"(?:,\s*[Vv]ol\.\s*(?P<volume>[\w-]+))?\s*,\s*"
               r"(?P<publisher>[^,()\d]+?)\s*,\s*(?P<place>[^,()\d]+?(?:,\s*[A-Z][\w.]{0,5})?)\s*"
               rf"\(\s*(?P<year>{_YEAR})\s*\)" + _END)
_PLAIN_BOOK_RE = re.compile(_PLAIN_BOOK)
_FORMS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(_POS_HOST), 0.85),
    (re.compile(_TITLE + _PHYSICS_HOST), 0.85),
    (re.compile(_TITLE + _YEAR_FIRST_HOST), 0.85),
    (re.compile(_TITLE + _IEEE_HOST), 0.85),
    (re.compile(_PHYSICS_HOST), 0.8),
    (re.compile(_YEAR_FIRST_HOST), 0.8),
    (re.compile(_PAGE_ONLY_HOST), 0.7),
    (re.compile(_BOOK), 0.75),
    (re.compile(_PLAIN_TITLE + _PHYSICS_HOST), 0.75),
    (re.compile(_PLAIN_TITLE + _YEAR_FIRST_HOST), 0.75),
    (re.compile(_TITLE + _PAGES_AFTER_YEAR_HOST), 0.85),
    (re.compile(_PAGES_AFTER_YEAR_HOST), 0.8),
    (re.compile(_PLAIN_TITLE + _PAGES_AFTER_YEAR_HOST), 0.75),
    (re.compile(_BOOK_NO_PLACE), 0.75),
    (_PLAIN_BOOK_RE, 0.75),
)
_COMPANY_SUFFIX_RE = re.compile(r"^(?:Inc|Ltd|Co|GmbH|S\.\s?A|Corp|LLC|Publ\w*)\b\s*\.?$")
#: an e-print printed after the host: "[arXiv:1410.8813 [hep-lat]]", "; astro-ph/9801044",
#: ", arXiv:1506.02817[nucl-th]"
_EPRINT_TAIL_RE = re.compile(
    r"\s*[,;]?\s*(?:\[\s*(?:arXiv|hep|astro|nucl|gr-qc|cond-mat|quant-ph|math|physics)"
    r"[^\[\]]*(?:\[[^\]]*\]\s*)?\]|"
    r"(?:arXiv\s*:\s*)?(?:hep|astro|nucl|gr|cond|quant|math)(?:\s?[-.]\s?[a-z]+)*\s*/\s*\d{7}|"
    r"arXiv\s*:\s*\d{4}\.\s?\d{4,5}(?:v\d+)?(?:\s*\[[^\]]*\])?)"
    r"\s*[.;]?\s*$",
    re.I)
#: what every e-print tail of `_EPRINT_TAIL_RE` holds (a bracket, a slash or "arXiv", same
#: flags): most references have none, and this search is far cheaper than the tail's
_EPRINT_TAIL_HINT_RE = re.compile(r"[\[/]|arxiv", re.I)


#: Springer's physics and mathematics journals and Nature's: "Roe, A.B., Doe, C.: Title. Journal
#: 8, 609 (1975)", "Roe, A. B., Doe, C. & Vega, L. Title. Journal 18, 093006 (2016)." —
#: inverted names, a colon or the initials' period after the list, the title ending in a period
_INVERTED_NAME = (r"(?>[A-ZÀ-Þ][\w'’‐\-]+(?:\s[A-ZÀ-Þ][\w'’‐\-]+)?,\s*[A-Z][a-z]?\."
                  r"(?:\s?-?\s?[A-Z][a-z]?\.)*"
                  r"(?:\s(?:Jr|Sr)\.)?)")
_INVERTED_AUTHORS_RE = re.compile(rf"^(?P<authors>{_INVERTED_NAME}(?:\s*(?:,|,?\s*&|,?\s+and)\s*"
                                  rf"{_INVERTED_NAME})*(?:,?\s*et\s+al\.)?)(?:\s*:\s*|(?<=\.)\s+)")
_SENTENCE_TITLE = (r"(?P<title>[A-Z][^“”\"\s]*(?:\s[^“”\"\s]+?){2,60}?"
                   r"(?:[^\W\d_]{2}\)?(?=\s*\.)|[^\W\d_]{2}\?))\s*\.?\s*")
_SPRINGER_FORMS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(_POS_HOST), 0.85),
    (re.compile(_SENTENCE_TITLE + _PHYSICS_HOST), 0.8),
    (re.compile(_PHYSICS_HOST), 0.75),
    (re.compile(_PAGES_AFTER_YEAR_HOST), 0.75),
)


_OLD_ARXIV_ID_RE = re.compile(r"(?:hep|astro|nucl|gr|cond|quant|math|physics)(?:\s?[-.]\s?[a-z]+)*"
                              r"\s*/\s*\d{7}")


#: a name at the start (compiled once: formatting and looking up the pattern at each call cost
#: more than matching it)
_NAME_HEAD_RE = re.compile(rf"^{_NAME}[,.\s]")


def looks_like(body: str) -> bool:
    text = body.strip()
    return _NAME_HEAD_RE.match(text) is not None \
        or _INVERTED_AUTHORS_RE.match(text) is not None


def parse(body: str) -> Candidate | None:
    """Read an IEEE/physics reference from `body` (identifiers already blanked)."""
    text = squeezed(body)
    tail = _EPRINT_TAIL_RE.search(text) if _EPRINT_TAIL_HINT_RE.search(text) else None
    old_id = _OLD_ARXIV_ID_RE.search(tail.group(0)) if tail else None
    text = text[:tail.start()] if tail else text
    authors = _AUTHORS_RE.match(text)
    forms = _FORMS
    if not authors:
        authors, forms = _INVERTED_AUTHORS_RE.match(text), _SPRINGER_FORMS
    if not authors:
        return None
    for form, confidence in forms:
        match = form.match(text, authors.end())
        if match and form is _PLAIN_BOOK_RE and (not is_place(match.group("place"))
                                                 or is_place(match.group("publisher"))):
            continue  # "…, Honolulu, Hawaii (1992)": a place, not a publisher and its place
        if match:
            candidate = _candidate(authors.group("authors"), match, confidence)
            if candidate and old_id:  # "hep-lat/0503024": an arXiv id of the old scheme
                candidate.item.setdefault("number", "arXiv:" + re.sub(r"\s+", "", old_id.group()))
            return candidate
    return None


_ABBREVIATED_WORD_RE = re.compile(r"\b[A-Z][a-z]{0,6}\s?\.")


def _journal_as_title(match: re.Match[str]) -> bool:
    """An unquoted "title" made of abbreviations ("J. Phys. G, Nucl. Part. Phys. 29") is the
    first part of a journal name that holds a comma, not a title."""
    title = match.groupdict().get("title")
    return bool(title) and match.re.pattern.startswith(_PLAIN_TITLE) \
        and len(_ABBREVIATED_WORD_RE.findall(title or "")) >= 2


def _ends_in_al(authors: str) -> bool:
    """The text ends in "al" once its final white space and periods are set aside, as every
    text ending in "et al." does (tests/refparse/test_throughput_gates.py)."""
    return without_final_marks(authors).endswith("al")


def _names(authors: str) -> tuple[list[dict[str, str]], bool]:
    """The names of the statement; "e" between two initials-first names is a conjunction."""
    statement, truncated = strip_et_al(re.sub(r"\s*et\s*\.?\s*al\b\s*\.?$", " et al.", authors)
                                       if _ends_in_al(authors) else authors)
    statement = re.sub(r"\s+e\s+(?=(?:[A-Z][a-z]?\.\s?-?)+\s?[A-Z])", ", ", statement)
    return split_names(statement), truncated


def _candidate(authors: str, match: re.Match[str], confidence: float) -> Candidate | None:
    names, truncated = _names(authors)
    if not names:
        return None
    groups = match.groupdict()
    if groups.get("publisher"):
        return _book(names, groups, confidence, truncated)
    item: Item = {"type": "article-journal", "author": names}
    if _journal_as_title(match):
        item["container-title"] = match.string[match.start("title"):match.end("journal")].strip()
    else:
        if groups.get("title"):
            item["title"] = groups["title"].strip()
        item["container-title"] = groups["journal"].strip()
    month = MONTHS.get(groups["month"][:3].lower()) if groups.get("month") else None
    item["issued"] = date_parts(groups["year"], month)
    if groups.get("volume"):
        item["volume"] = groups["volume"]
    if groups.get("issue") or groups.get("issue_after"):
        item["issue"] = groups.get("issue") or groups["issue_after"]
    if groups.get("page"):
        item["page"] = normalise_page(groups["page"])
    return Candidate("ieee", item, confidence, truncated_authors=truncated)


def _book(names: list[dict[str, str]], groups: dict[str, str | None], confidence: float,
          truncated: bool) -> Candidate:
    """The physics book shape: "Title, 2nd ed. (Publisher, Place, Year)"."""
    item: Item = {"type": "book", "author": names, "title": (groups["title"] or "").strip()}
    if groups.get("edition"):
        item["edition"] = re.sub(r"\D", "", groups["edition"] or "")
    item["issued"] = date_parts(groups.get("year") or groups.get("year_after") or "")
    if groups.get("volume"):
        item["volume"] = groups["volume"]
    publisher, place = (groups["publisher"] or "").strip(), (groups.get("place") or "").strip()
    if _COMPANY_SUFFIX_RE.match(place):
        publisher, place = f"{publisher}, {place}", ""  # "(McGraw-Hill, Inc., 1976)"
    item["publisher"] = publisher
    if place:
        item["publisher-place"] = place
    return Candidate("ieee", item, confidence, truncated_authors=truncated)
