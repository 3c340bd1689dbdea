"""ACS (American Chemical Society) journal references: "Surname, I. I.;" names separated by
semicolons, an optional title, the abbreviated journal, then "Year, Volume, Pages".

    Roe, A. B.; Doe, C.; Vega, L. M. Green Chem. 2016, 18, 6675.
    Roe, A. B.; Doe, C. Catalysis in water. J. Org. Chem. 2011, 76 (4), 1123-1130.

The journal is the run of capitalised words (and "of", "and", "&" …) that ends the text before
the year; what precedes it, up to a sentence end, is the title. The journal goes into
`container-title` as printed.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import date_parts, normalise_page, squeezed
from citefmt.refparse.names import split_names, strip_et_al

_NAME = (r"(?>(?:(?:de|da|van|von|der|di|du|dos|le|la)\s)?[A-ZÀ-Þ][\w'’‐-]+"
         r"(?:\s[A-ZÀ-Þ][\w'’‐-]+)?,\s(?:[A-ZÀ-Þ][a-z]?\.\s?-?)+)")
_AUTHORS_RE = re.compile(rf"^(?P<authors>{_NAME}(?:\s*;\s*(?:and\s+)?{_NAME})+"
                         r"(?:\s*;?\s*et\s+al\.)?)\s*;?\s*")
_YEAR = r"(?:1[6-9]|20)\d\d"
_TAIL_RE = re.compile(rf"(?P<head>[^;]+?)\s*,?\s+(?P<year>{_YEAR}),\s*(?P<volume>\d+)"
                      r"(?:\s*\((?P<issue>[\w-]+)\))?,\s*"
                      r"(?P<page>[A-Za-z]{0,4}\d+[A-Za-z]?(?:\s*[–—-]\s*[A-Za-z]{0,4}\d+)?)\.?$")
_JOURNAL_WORD_RE = re.compile(r"^(?:[A-ZÀ-Þ][^\s]*|of|and|the|in|for|de|der|und|&)$")


def looks_like(body: str) -> bool:
    return _AUTHORS_RE.match(body.strip()) is not None


def parse(body: str) -> Candidate | None:
    """Read an ACS journal reference from `body` (identifiers already blanked)."""
    text = squeezed(body)
    authors = _AUTHORS_RE.match(text)
    if not authors:
        return None
    tail = _TAIL_RE.match(text, authors.end())
    if not tail:
        return None
    title, journal = _title_and_journal(tail.group("head"))
    statement, truncated = strip_et_al(authors.group("authors"))
    names = split_names(statement)
    if not names or not journal:
        return None
    item: Item = {"type": "article-journal", "author": names}
    if title:
        item["title"] = title
    item |= {"container-title": journal, "issued": date_parts(tail.group("year")),
             "volume": tail.group("volume")}
    if tail.group("issue"):
        item["issue"] = tail.group("issue")
    item["page"] = normalise_page(tail.group("page"))
    return Candidate("acs", item, 0.8 if title else 0.75, truncated_authors=truncated)


def _title_and_journal(head: str) -> tuple[str, str]:
    """Split "Catalysis in water. J. Org. Chem." into title and journal: the journal is the
    longest run of journal words that ends the head and starts after a sentence end."""
    words = head.split()
    start = len(words)
    while start > 0 and _JOURNAL_WORD_RE.match(words[start - 1]):
        start -= 1
    while start < len(words) and start > 0 and not words[start - 1].endswith((".", "?", "!")):
        start += 1  # the title's last words were capitalised: the journal starts later
    title = " ".join(words[:start]).rstrip(".").strip()
    return title, " ".join(words[start:])
