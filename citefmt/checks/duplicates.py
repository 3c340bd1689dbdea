"""CF300: the same work listed twice — and only then.

Two records are duplicates when

- an identifier agrees: a normalised DOI, PMID or PMCID, or an ISBN of two whole works of the
  same type (the chapters of one book share its ISBN and are not duplicates); or
- the description agrees: the same first author's family name, the same year, near-identical
  titles (case, punctuation and spacing ignored; similarity ≥ 0.9) that carry the same numbers
  ("part I" and "part II", "Vol. 2" and "Vol. 3" differ), and the same container, volume and
  pages wherever both records give them.

The later record is reported once, naming the earliest one it repeats. Two BibTeX entries with
the same key are the reader's CF111 already, so they are not reported a second time here.
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

#: CSL types that are a part of a larger work, whose ISBN is the whole work's
_PART_TYPES = frozenset({"chapter", "entry", "entry-dictionary", "entry-encyclopedia",
                         "paper-conference", "article", "article-journal", "article-magazine",
                         "article-newspaper"})
#: numbers and roman numerals in a title: "part I" and "part II" are two works
_TITLE_NUMBERS = re.compile(
    r"\b(?:\d+|(?=[mdclxvi])m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))\b")


def find(doc: Document) -> list[Diagnostic]:
    found = []
    first_with: dict[tuple[str, str], int] = {}
    by_author_year: dict[tuple[str, str], list[int]] = {}
    for index, record in enumerate(doc.records):
        item = record.item
        earlier: int | None = None
        reason = ""
        by_identifier = _earlier_by_identifier(item, first_with)
        if by_identifier is not None:
            earlier, reason = by_identifier
        group = _author_year(item)
        if earlier is None and group is not None:
            for other in by_author_year.get(group, []):
                if _same_description(item, doc.records[other].item):
                    earlier, reason = other, "same first author, year and title (container, " \
                                             "volume and pages do not differ)"
                    break
        if earlier is not None and not _same_bibtex_key(doc, index, earlier):
            where = f" (line {doc.line(earlier)})" if doc.line(earlier) is not None else ""
            found.append(doc.diagnostic(
                "CF300", f"{doc.label(index)} is a duplicate of {doc.label(earlier)}{where}: "
                         f"{reason}", index=index))
        if earlier is not None:
            continue
        for key in _identifier_keys(item):
            first_with.setdefault(key, index)
        if group is not None:
            by_author_year.setdefault(group, []).append(index)
    return found


def _earlier_by_identifier(item: Item,
                           first_with: dict[tuple[str, str], int]) -> tuple[int, str] | None:
    for key in _identifier_keys(item):
        if key in first_with:
            return first_with[key], f"same {key[0]}"
    return None


def _same_bibtex_key(doc: Document, index: int, earlier: int) -> bool:
    """Two entries under one key: the reader reported that (CF111); one finding is enough."""
    if doc.kind != "bibtex":
        return False
    key, other = doc.records[index].item.get("id"), doc.records[earlier].item.get("id")
    return bool(key) and str(key).casefold() == str(other).casefold()


def _identifier_keys(item: Item) -> list[tuple[str, str]]:
    from citefmt.identifiers import normalize_doi, normalize_pmid

    keys = []
    doi = normalize_doi(str(item["DOI"])) if item.get("DOI") else None
    if doi:
        keys.append(("DOI", doi))
    pmid = normalize_pmid(str(item["PMID"])) if item.get("PMID") else None
    if pmid:
        keys.append(("PMID", pmid))
    pmcid = re.sub(r"(?i)^(?:pmc)?", "PMC", str(item.get("PMCID") or "").strip())
    if re.fullmatch(r"PMC\d+", pmcid):
        keys.append(("PMCID", pmcid))
    item_type = str(item.get("type") or "")
    if item.get("ISBN") and item_type not in _PART_TYPES:
        for isbn in re.split(r"[;,\s]+(?=[\dXx])", str(item["ISBN"])):
            digits = re.sub(r"[^\dXx]", "", isbn).upper()
            if len(digits) in (10, 13):
                keys.append((f"ISBN ({item_type})", _isbn13(digits)))
    return keys


def _isbn13(digits: str) -> str:
    """ISBN-10 and ISBN-13 of one book compare equal (978 + the first nine digits)."""
    return digits[:12] if len(digits) == 13 else "978" + digits[:9]


def _author_year(item: Item) -> tuple[str, str] | None:
    authors = item.get("author") or item.get("editor") or []
    issued = (item.get("issued") or {}).get("date-parts") or [[None]]
    year = issued[0][0] if issued and issued[0] else None
    if not authors or year is None:
        return None
    first = authors[0]
    family = first.get("family") or first.get("literal") or ""
    return (_fold(family), str(year))


def _same_description(item: Item, other: Item) -> bool:
    """Title near-identical with the same numbers; container, volume, pages equal where both
    records give them."""
    title, other_title = str(item.get("title") or ""), str(other.get("title") or "")
    if not title or not _similar(_fold(title), _fold(other_title)):
        return False
    if _numbers(title) != _numbers(other_title):
        return False
    for variable in ("DOI", "PMID"):
        mine, theirs = item.get(variable), other.get(variable)
        if mine and theirs and str(mine).strip().casefold() != str(theirs).strip().casefold():
            return False
    for variable in ("container-title", "volume", "issue", "page", "number"):
        mine, theirs = item.get(variable), other.get(variable)
        if mine and theirs and _normal_value(variable, mine) != _normal_value(variable, theirs):
            return False
    return True


def _numbers(title: str) -> list[str]:
    return sorted(_TITLE_NUMBERS.findall(title.casefold()))


def _normal_value(variable: str, value: object) -> str:
    text = str(value)
    if variable == "page":
        text = re.sub(r"\s*[-–—]+\s*", "-", text)
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= TITLE_SIMILARITY and matcher.ratio() >= TITLE_SIMILARITY
