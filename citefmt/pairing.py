"""The two reference lists of a Russian journal page, entry by entry.

A page that prints "Список литературы" and "References" gives the same sources twice, in the
same order. Entry i of one list must be entry i of the other: same DOI, year, volume, issue and
pages wherever both give them. This module pairs the lists by position, says where a pair does
not correspond, and takes from a References entry what the original list lacks: the English
title (in square brackets after the transliteration, or a title that is not a transliteration
at all) and the journal's official English name (a journal name that is not a transliteration
of the original's).
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from citefmt.model import Item, Record
from citefmt.translit import DEFAULT_SCHEME, cyrillic_language, transliterator

#: how alike a References string and a transliteration must be to count as that transliteration
#: (schemes differ in й/ь/ъ/ё, journals in apostrophes and hyphens, so not exactly alike)
SAME_WORDS = 0.75

_BRACKETED = re.compile(r"^(?P<latin>.*?)\s*\[(?P<english>[^\[\]]+)\]\s*$", re.S)


@dataclass(frozen=True)
class Mismatch:
    """One field the two entries give differently."""

    field: str
    original: str
    references: str

    def __str__(self) -> str:
        return f"{self.field} {self.original} ≠ {self.references}"


@dataclass
class Pair:
    """Entry `position` (1-based, in the original list; in the References list for an entry
    that has no original) of each list; None where one list has no counterpart."""

    position: int
    original: Record | None
    references: Record | None
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def corresponds(self) -> bool:
        return self.original is not None and self.references is not None and not self.mismatches


def pair_lists(original: list[Record], references: list[Record]) -> list[Pair]:
    """The two lists side by side, each pair with its mismatches.

    Lists of equal length pair by position. Otherwise the lists are aligned (edit distance,
    where a pair that corresponds costs nothing, a pair that does not costs 1 and an entry
    without a counterpart costs 1), so that one entry missing in the middle leaves one unpaired
    entry, not every later pair out of step."""
    steps: list[tuple[int | None, int | None]]
    if len(original) == len(references):
        steps = [(i, i) for i in range(len(original))]
    else:
        steps = _align(original, references)
    pairs = []
    for i, j in steps:
        a = original[i] if i is not None else None
        b = references[j] if j is not None else None
        position = (i if i is not None else j if j is not None else 0) + 1
        pair = Pair(position, a, b)
        if a is not None and b is not None:
            pair.mismatches = compare(a.item, b.item)
        pairs.append(pair)
    return pairs


def _align(original: list[Record], references: list[Record]) -> list[tuple[int | None, int | None]]:
    n, m = len(original), len(references)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            pair = 0 if not compare(original[i - 1].item, references[j - 1].item) else 1
            cost[i][j] = min(cost[i - 1][j - 1] + pair, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    steps: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        if i and j:
            pair = 0 if not compare(original[i - 1].item, references[j - 1].item) else 1
            if cost[i][j] == cost[i - 1][j - 1] + pair:
                steps.append((i - 1, j - 1))
                i, j = i - 1, j - 1
                continue
        if i and cost[i][j] == cost[i - 1][j] + 1:
            steps.append((i - 1, None))
            i -= 1
        else:
            steps.append((None, j - 1))
            j -= 1
    return steps[::-1]


def compare(original: Item, references: Item) -> list[Mismatch]:
    """The identifying fields that both entries give and that differ."""
    found = []
    for name, a, b in (
        ("DOI", _doi(original), _doi(references)),
        ("year", _year(original), _year(references)),
        ("volume", _plain(original.get("volume")), _plain(references.get("volume"))),
        ("issue", _plain(original.get("issue")), _plain(references.get("issue"))),
        ("pages", _pages(original), _pages(references)),
    ):
        if a and b and a != b:
            found.append(Mismatch(name, a, b))
    return found


def with_english(original: Item, references: Item,
                 scheme: str = DEFAULT_SCHEME) -> tuple[Item, bool]:
    """`original` with the English title and official journal name its References entry gives,
    as Juris-M multilingual fields (`multi._keys.title.en`, `multi._keys.container-title.en`);
    what the item's own `multi` already gives wins. `original` itself is not changed.

    The flag says that the References entry gives the English title alone (an official title,
    cited instead of "transliteration [translation]"), so a rewritten entry keeps that form."""
    language = cyrillic_language(original)
    if language is None:
        return original, False
    translate = transliterator(scheme)
    english: dict[str, str] = {}
    title = english_title(str(original.get("title") or ""), str(references.get("title") or ""),
                          translate)
    if title:
        english["title"] = title
    journal = str(references.get("container-title") or "")
    own_journal = str(original.get("container-title") or "")
    if journal and own_journal and not _is_transliteration(journal, translate(own_journal)):
        english["container-title"] = journal
    alone = bool(title) and not _BRACKETED.match(str(references.get("title") or ""))
    if not english:
        return original, False
    out = copy.deepcopy(original)
    multi: dict[str, Any] = out.setdefault("multi", {})
    keys: dict[str, Any] = multi.setdefault("_keys", {})
    for variable, text in english.items():
        keys.setdefault(variable, {}).setdefault("en", text)
    return out, alone


def english_title(original: str, references: str, translate: Any) -> str | None:
    """The English title a References entry gives for `original`: the bracketed part after the
    transliteration, or the whole title when it is not a transliteration (an official English
    title); None when it gives only the transliteration."""
    if not references:
        return None
    match = _BRACKETED.match(references)
    if match:
        return match.group("english").strip()
    if original and _is_transliteration(references, translate(original)):
        return None
    return references.strip()


def _is_transliteration(latin: str, ours: str) -> bool:
    a, b = _letters(latin), _letters(ours)
    if not a or not b:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_WORDS


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _doi(item: Item) -> str:
    return str(item.get("DOI") or "").strip().lower()


def _year(item: Item) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return str(parts[0][0]) if parts and parts[0] else ""


def _plain(value: Any) -> str:
    return re.sub(r"\s+", "", str(value or "")).lower()


def _pages(item: Item) -> str:
    """"80-6", "80–86" and "80-86" alike: first page, hyphen, last page written in full."""
    page = str(item.get("page") or "").strip()
    m = re.fullmatch(r"([A-Za-z]*)(\d+)\s*[-‐‑–—]\s*([A-Za-z]*)(\d+)", page)
    if not m:
        return _plain(page)
    prefix, first, _, last = m.groups()
    if len(last) < len(first):
        last = first[:len(first) - len(last)] + last
    return f"{prefix}{first}-{last}"
