"""APA and Harvard references: the year in parentheses right after the authors.

    Smith, J. A., & Lee, K. (2020). Title. Journal, 12(3), 45–67. https://doi.org/…
    Smith, J. A. (2022). Title. Journal, 298(2), Article 101530.   (`number`, not `page`)
    Smith, J.A. and Lee, K. (2020) 'Title', Journal, 12(3), pp. 45-67.
    Smith, J. (2019). Book title (2nd ed.). Publisher.
    Smith, J. (2019). Chapter. In A. Editor (Ed.), Book (pp. 1–10). Publisher.

Journal titles are printed in full, so they go into `container-title` only.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate, sentences
from citefmt.refparse.common import date_parts, month_day, normalise_page, squeezed, tidy
from citefmt.refparse.locators import ARTICLE_LABEL
from citefmt.refparse.names import (
    Names,
    parse_inverted_names,
    parse_vancouver_names,
    split_names,
    strip_et_al,
)

_HEAD_RE = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>\d{4})[a-z]?(?:,\s*(?P<md>[^)]+))?\)[.,]?\s*"
                      r"(?P<rest>.*)$")
#: a title in double quotes (which may quote a word in single ones: "'Seaborgium' fails to win
#: approval") or in single quotes
_QUOTED_TITLE_RE = re.compile(r"^(?:[\"“](?P<title>.+?)[\"”]|[‘'](?P<single>.+?)[’'](?=[,.]?\s|$))"
                              r"[,.]?\s*(?P<rest>.*)$")
_JOURNAL_RE = re.compile(
    r"^(?P<journal>[^,]+?(?:,\s*+[^,\d\s][^,]*?)*?),\s*(?:[Vv]ol\.\s*)?(?P<vol>\d+)\s*"
    r"(?:\((?P<issue>[^)]+)\)|,\s*(?:[Nn]o\.|[Ii]ss(?:ue)?\.?)\s*(?P<issue2>\w+))?"
    r"(?:,\s*(?:pp?\.\s*|(?P<label>" + ARTICLE_LABEL + r")\s*)?"
    r"(?P<page>\w+(?:\s*[–—-]\s*\w+)?))?\s*\.?$")
#: the NLM journal block PLOS prints after an author–year head: "Microbiol Rev 58: 233–267.",
#: "PLoS Pathog 9(6): e1003435.", "Bioinformatics 19 Suppl 2: ii215–ii225."
_NLM_JOURNAL_RE = re.compile(
    r"^(?P<journal>[^\d:;,.]+?)\s+(?P<vol>\d+(?:\s+Suppl\s*\d*)?)\s*"
    r"(?:\((?P<issue>\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?|Suppl\.?\s*\d*|S\d+)\))?\s*:\s*"
    r"(?P<page>\w+(?:\s*[–—-]\s*\w+)?)\.?$")
#: "Surname AB, Surname C, et al.": names written as NLM writes them, with compact initials
_NLM_NAMES_RE = re.compile(r"^(?:[^\W\d_][\w'’ -]*?\s[A-Z]{1,3}(?:\s?\d?(?:Jr|Sr|rd|th|nd)?)?"
                           r"(?:,\s+(?:(?:&|and)\s+)?|\s+(?:&|and)\s+|$))+$")
_NLM_AND_RE = re.compile(r",?\s+(?:&|and)\s+")
#: "(2nd ed.)", "(6ª ed.)", "(3a ed.)", "(2.ª ed.)": the edition after the title
_EDITION_RE = re.compile(r"\s*\((?P<ed>\d+)\.?\s?(?:st|nd|rd|th|ª|º|a|o)?\s*ed\.\)")
#: Chicago's chapter host after an author–date head: "In Book Title, eds. Jed Roe and Ann Vega,
#: pp. 403-424. Cambridge, MA: MIT Press."
_IN_EDS_AFTER_RE = re.compile(r"^In\s+(?P<book>[^.]+?)\s*,\s*eds?\.\s*(?P<editors>[^,]+?)\s*,\s*"
                              r"pp?\.\s*(?P<page>\d+\s*[–—-]\s*\d+)\.\s*"
                              r"(?:(?P<place>[^:]+?)\s*:\s*)?(?P<publisher>[^:]+?)\.?$")
_IN_RE = re.compile(r"^In\s+(?:(?P<editors>.+?)\s+\((?:Eds?\.|Hrsg\.)\),\s*)?(?P<book>.+?)"
                    r"(?:\s*\((?:pp?\.\s*)(?P<page>[^)]+)\))?\.\s*(?P<publisher>[^.]*)\.?$")


#: APA 7's bracketed thesis description after the title, in the languages SciELO lists use
_THESIS_RE = re.compile(
    r"\s*\[(?P<genre>(?:Doctoral|Master['’]s|PhD|Ph\.D\.)\s+(?:dissertation|thesis)|"
    r"(?:Dissertação|Tese|Tesis|Trabalho)\s+de\s+[^,\]]+),\s*(?P<school>[^\]]+)\]\s*$", re.I)

#: APA's signature: the year in parentheses, with a letter or a short date ("(2019a)", "(2020,
#: March 3)")
_YEAR_IN_PARENTHESES_RE = re.compile(r"\(\d{4}[a-z]?(?:,\s*[^)]{1,20})?\)")


def looks_like(body: str) -> bool:
    return bool(_YEAR_IN_PARENTHESES_RE.search(body[:300]))


def parse(body: str) -> Candidate | None:
    """Read an APA/Harvard reference: "Author, A. A. (Year). Title. Source." — the author–date
    head, the title, then the source as a journal, an edited book ("In …") or a publisher."""
    text = squeezed(body)
    head = _HEAD_RE.match(text)
    if not head:
        return None
    item: Item = {"type": "article-journal"}
    cand = Candidate("apa", item, 0.0)
    names = _names(head.group("authors"))
    if not names.names:
        return None
    item["author"] = names.names
    cand.truncated_authors = names.truncated
    month, day = month_day(head.group("md"))
    item["issued"] = date_parts(head.group("year"), month, day)
    score = 0.3
    rest = head.group("rest").strip()
    title_and_rest = _title_element(rest, body, cand)
    if title_and_rest is None:
        return None
    title, remainder = _title_through_journal(*_title_through_nlm_journal(*title_and_rest))
    if em := _EDITION_RE.search(title):
        item["edition"] = em.group("ed")
        title = title[:em.start()] + title[em.end():]
    if tm := _THESIS_RE.search(title):
        # APA 7: "Title [Doctoral dissertation, University]. Archive." — the archive is where
        # the thesis is kept, not its publisher
        item.update(type="thesis", genre=tm.group("genre").strip(),
                    publisher=tidy(tm.group("school")))
        title = title[:tm.start()]
        if tidy(remainder):
            item["archive"] = tidy(remainder)
        item["title"] = tidy(title)
        cand.confidence = min(score + 0.15 + 0.35, 0.95)
        return cand
    item["title"] = tidy(title)
    score += 0.15
    cand.confidence = min(score + _source_element(tidy(remainder), item), 0.95)
    return cand


def _names(statement: str) -> Names:
    """The author list: NLM's "Surname AB, Surname C" (PLOS prints it before the year) or the
    inverted "Surname, A. B." of APA and Harvard."""
    bare, _ = strip_et_al(statement)
    if _NLM_NAMES_RE.match(bare.strip(" ,.")):
        # "Lo DC. (1996)": the period before the date closes the list, not an initial
        listed = re.sub(r"(?<=[A-Z])\.$", "", statement.strip(" ,"))
        return parse_vancouver_names(_NLM_AND_RE.sub(", ", listed))
    return parse_inverted_names(statement)


def _title_element(rest: str, body: str, cand: Candidate) -> tuple[str, str] | None:
    """The title after the date (quoted, or the first sentence, keeping a final "?"/"!") and
    what follows it; its span in `body` goes to `cand`."""
    if q := _QUOTED_TITLE_RE.match(rest):
        return q.group("title") or q.group("single"), q.group("rest")
    spans = sentences(rest)
    if not spans:
        return None
    offset = body.find(rest[:20]) if rest else -1
    title_start, title_end = spans[0]
    title = rest[title_start:title_end + (1 if rest[title_end:title_end + 1] in "?!" else 0)]
    if offset >= 0:
        cand.title_span = (offset + spans[0][0], offset + spans[0][1])
    return title, rest[spans[0][1] + 1:].strip()


#: the last ". " before a journal block whose name would otherwise start with a sentence
_LAST_SENTENCE_RE = re.compile(r"^(?P<before>.*[a-z]{3}[?!.]?)\.\s+(?P<journal>[A-Z][^.]*)$")


def _title_through_journal(title: str, remainder: str) -> tuple[str, str]:
    """"Does active learning work? A review of the research. Journal, 93(3), 223-231.": the
    title's second sentence is not part of the journal's name, which holds no sentence."""
    block = _JOURNAL_RE.match(remainder)
    if not block or ". " not in block.group("journal"):
        return title, remainder
    head = _LAST_SENTENCE_RE.match(block.group("journal"))
    if not head or len(head.group("before").split()) < 3:
        return title, remainder
    joiner = " " if title.endswith(("?", "!")) else ". "
    return f"{title}{joiner}{head.group('before')}", remainder[len(head.group("before")) + 2:]


def _title_through_nlm_journal(title: str, remainder: str) -> tuple[str, str]:
    """A title of several sentences before an NLM journal block ("… equation. Modification of
    Diet in Renal Disease Study Group. Ann Intern Med 130: 461–470."): the title runs to the
    block, whose journal name holds no period."""
    if _NLM_JOURNAL_RE.match(remainder) or ". " not in remainder:
        return title, remainder
    before, _, last = remainder.rpartition(". ")
    if _NLM_JOURNAL_RE.match(last):
        return f"{title}. {before}", last
    return title, remainder


def _source_element(remainder: str, item: Item) -> float:
    """The source after the title — "Journal, 12(3), 45–67." / "In A. Editor (Ed.), Book
    (pp. 1–10). Publisher." / "Place: Publisher." — into `item`; returns what it scores."""
    if m := _JOURNAL_RE.match(remainder):
        item["container-title"] = tidy(m.group("journal"))
        item["volume"] = m.group("vol")
        if m.group("issue") or m.group("issue2"):
            item["issue"] = m.group("issue") or m.group("issue2")
        if m.group("page") and m.group("label"):
            item["number"] = m.group("page")  # APA 7: "12(3), Article 101530."
        elif m.group("page"):
            item["page"] = normalise_page(m.group("page"))
        return 0.45
    if m := _NLM_JOURNAL_RE.match(remainder):
        item["container-title"] = tidy(m.group("journal"))
        item["volume"] = m.group("vol")
        if m.group("issue"):
            item["issue"] = m.group("issue")
        item["page"] = normalise_page(m.group("page"))
        return 0.45
    if m := _IN_EDS_AFTER_RE.match(remainder):
        item["type"] = "chapter"
        item["editor"] = split_names(m.group("editors"))  # "Jed Roe and Ann Vega"
        item["container-title"] = tidy(m.group("book"))
        item["page"] = normalise_page(m.group("page"))
        if m.group("place"):
            item["publisher-place"] = tidy(m.group("place"))
        item["publisher"] = tidy(m.group("publisher"))
        return 0.4
    if m := _IN_RE.match(remainder):
        item["type"] = "chapter"
        if m.group("editors"):
            item["editor"] = parse_inverted_names(m.group("editors")).names
        item["container-title"] = tidy(m.group("book"))
        if m.group("page"):
            item["page"] = normalise_page(m.group("page"))
        if m.group("publisher"):
            item["publisher"] = tidy(m.group("publisher"))
        return 0.4
    if remainder and "," not in remainder and len(remainder) < 80:
        item["type"] = "book"
        place, colon, publisher = remainder.rpartition(":")
        if colon:
            item["publisher-place"] = tidy(place)
        item["publisher"] = tidy(publisher if colon else remainder)
        return 0.35
    if not remainder:
        item["type"] = "book" if "edition" in item else "document"
        return 0.1
    return 0.0
