"""IEEE and physics (AIP, APS, OSA) journal references: initials before the surname, a quoted
title or none, and the journal block in one of two fixed shapes.

    K. Roe, S. Doe, and J. Vega, “Title of the paper,” Optics Letters 18, 1786–1788 (1993).
    J. F. Roe and R. W. Doe, “Title,” AIAA Journal, vol. 9, no. 8, pp. 1624–1626, Aug. 1971.
    J. P. Roe, P. T. Doe, and U. K. Vega, Appl. Phys. Lett. 77, pp. 250–252 (2000)

Only journal articles are read here (books and proceedings are left to the other readers). The
journal is printed as given, often abbreviated, and goes into `container-title`.
"""

from __future__ import annotations

import re

from citefmt.dates import MONTHS
from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import date_parts, normalise_page
from citefmt.refparse.names import split_names, strip_et_al

#: one name, matched atomically so a long author list that fails later is not re-split
_NAME = r"(?>(?:[A-Z][a-z]?\.\s?-?)+\s?[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)"
_AUTHORS_RE = re.compile(rf"^(?P<authors>{_NAME}(?:,\s*{_NAME})*(?:,?\s+(?:and|&)\s+{_NAME})?"
                         r"(?:,?\s*et\s+al\.)?),\s*")
_TITLE = r"[“\"](?P<title>[^“”\"]+?)[,.]?[”\"],?\s+"
_LOCATOR = r"[A-Za-z]{0,4}\d+[A-Za-z]?(?:\s*[–—-]\s*[A-Za-z]{0,4}\d+[A-Za-z]?)?"
#: "Optics Letters 18, 1786–1788 (1993)" / "Appl. Phys. Lett. 77, pp. 250–2 (2000)"
_PHYSICS_HOST = (r"(?P<journal>[A-Z][^,\d“”\"]*?)\s+(?P<volume>\d+),\s*(?:pp?\.\s*)?"
                 rf"(?P<page>{_LOCATOR})\s*\((?P<year>(?:1[6-9]|20)\d\d)\)\.?$")
#: "AIAA Journal, vol. 9, no. 8, pp. 1624–1626, August 1971."
_IEEE_HOST = (r"(?P<journal>[A-Z][^,“”\"]*?),\s*vol\.\s*(?P<volume>\w+)"
              r"(?:,\s*no\.\s*(?P<issue>[\w/–-]+))?"
              rf"(?:,\s*pp?\.\s*(?P<page>{_LOCATOR}))?,\s*"
              r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?:\d{1,2},\s*)?)?"
              r"(?P<year>(?:1[6-9]|20)\d\d)\.?$")
_FORMS = (
    (re.compile(_TITLE + _PHYSICS_HOST), 0.85),
    (re.compile(_TITLE + _IEEE_HOST), 0.85),
    (re.compile(_PHYSICS_HOST), 0.8),
)


def looks_like(body: str) -> bool:
    return re.match(rf"^{_NAME}[,\s]", body.strip()) is not None


def parse(body: str) -> Candidate | None:
    """Read an IEEE/physics journal reference from `body` (identifiers already blanked)."""
    text = re.sub(r"\s+", " ", body).strip()
    authors = _AUTHORS_RE.match(text)
    if not authors:
        return None
    for form, confidence in _FORMS:
        match = form.match(text, authors.end())
        if match:
            return _candidate(authors.group("authors"), match, confidence)
    return None


def _candidate(authors: str, match: re.Match[str], confidence: float) -> Candidate | None:
    statement, truncated = strip_et_al(authors)
    names = split_names(statement)
    if not names:
        return None
    groups = match.groupdict()
    item: Item = {"type": "article-journal", "author": names}
    if groups.get("title"):
        item["title"] = groups["title"].strip()
    item["container-title"] = groups["journal"].strip()
    month = MONTHS.get(groups["month"][:3].lower()) if groups.get("month") else None
    item["issued"] = date_parts(groups["year"], month)
    item["volume"] = groups["volume"]
    if groups.get("issue"):
        item["issue"] = groups["issue"]
    if groups.get("page"):
        item["page"] = normalise_page(groups["page"])
    return Candidate("ieee", item, confidence, truncated_authors=truncated)
