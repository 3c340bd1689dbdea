"""CF300: the same work listed twice.

Two records are duplicates when they share a normalised DOI or a PMID, or when they have the
same first author's family name, the same year and near-identical titles (case, punctuation and
spacing ignored; similarity ≥ 0.9). The later record is reported, naming the earlier one.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic
from citefmt.model import Item

CODES = ("CF300",)
TITLE_SIMILARITY = 0.9


def find(doc: Document) -> list[Diagnostic]:
    found = []
    first_with: dict[tuple[str, str], int] = {}
    by_author_year: dict[tuple[str, str], list[int]] = {}
    for index, record in enumerate(doc.records):
        item = record.item
        earlier, reason = None, ""
        for key in _identifier_keys(item):
            if key in first_with:
                earlier, reason = first_with[key], f"same {key[0]}"
                break
        group = _author_year(item)
        if earlier is None and group is not None:
            title = _normal_title(item)
            for other in by_author_year.get(group, []):
                if title and _similar(title, _normal_title(doc.records[other].item)):
                    earlier, reason = other, "same first author, year and title"
                    break
        if earlier is not None:
            where = f" (line {doc.line(earlier)})" if doc.line(earlier) is not None else ""
            found.append(doc.diagnostic(
                "CF300", f"{doc.label(index)} is a duplicate of {doc.label(earlier)}{where}: "
                         f"{reason}", index=index))
            continue
        for key in _identifier_keys(item):
            first_with.setdefault(key, index)
        if group is not None:
            by_author_year.setdefault(group, []).append(index)
    return found


def _identifier_keys(item: Item) -> list[tuple[str, str]]:
    from citefmt.identifiers import normalize_doi, normalize_pmid

    keys = []
    doi = normalize_doi(str(item["DOI"])) if item.get("DOI") else None
    if doi:
        keys.append(("DOI", doi))
    pmid = normalize_pmid(str(item["PMID"])) if item.get("PMID") else None
    if pmid:
        keys.append(("PMID", pmid))
    return keys


def _author_year(item: Item) -> tuple[str, str] | None:
    authors = item.get("author") or []
    issued = (item.get("issued") or {}).get("date-parts") or [[None]]
    year = issued[0][0] if issued and issued[0] else None
    if not authors or year is None:
        return None
    first = authors[0]
    family = first.get("family") or first.get("literal") or ""
    return (_fold(family), str(year))


def _normal_title(item: Item) -> str:
    return _fold(str(item.get("title") or ""))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= TITLE_SIMILARITY and matcher.ratio() >= TITLE_SIMILARITY
