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
#: how alike each word must be, where both strings have as many words ("i" and "i", "Iadernaia"
#: and "Yadernaya", "is" and "s" are; "and" and "i" are not)
SAME_WORD = 0.5

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
    #: the two entries give at least one identifying field in common (DOI, year, volume …)
    comparable: bool = False

    @property
    def corresponds(self) -> bool:
        """Both entries are there, share an identifying field, and none differs."""
        return self.comparable and not self.mismatches


def pair_lists(original: list[Record], references: list[Record]) -> list[Pair]:
    """The two lists side by side, each pair with its mismatches.

    Entries pair by their ids where the ids say so (JATS gives both citations of a `<ref>` its
    id, a page's two lists number alike) and every such pair corresponds; else lists of equal
    length pair by position, and lists of different length are aligned (edit distance, where
    a pair that corresponds costs nothing, another pair 1 and an entry without a counterpart 1),
    so that one entry missing in the middle leaves one unpaired entry, not every later pair
    out of step."""
    steps = _by_id(original, references)
    if steps is None:
        steps = ([(i, i) for i in range(len(original))] if len(original) == len(references)
                 else _align(original, references))
    pairs = []
    for i, j in steps:
        a = original[i] if i is not None else None
        b = references[j] if j is not None else None
        position = (i if i is not None else j if j is not None else 0) + 1
        pair = Pair(position, a, b)
        if a is not None and b is not None:
            pair.mismatches = compare(a.item, b.item)
            pair.comparable = comparable(a.item, b.item)
        pairs.append(pair)
    return pairs


Steps = list[tuple[int | None, int | None]]


def _by_id(original: list[Record], references: list[Record]) -> Steps | None:
    """Pairs by item id, when every References entry's id names an original entry and each
    such pair corresponds; None otherwise."""
    index = {r.item.get("id"): i for i, r in enumerate(original)}
    if len(index) != len(original) or None in index:
        return None
    paired: dict[int, int] = {}
    for j, record in enumerate(references):
        i = index.get(record.item.get("id"))
        if i is None or i in paired:
            return None
        a, b = original[i].item, record.item
        if not comparable(a, b) or compare(a, b):
            return None
        paired[i] = j
    return [(i, paired.get(i)) for i in range(len(original))]


def _align(original: list[Record], references: list[Record]) -> Steps:
    n, m = len(original), len(references)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            pair = _cost(original[i - 1].item, references[j - 1].item)
            cost[i][j] = min(cost[i - 1][j - 1] + pair, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    steps: Steps = []
    i, j = n, m
    while i or j:
        if i and j:
            pair = _cost(original[i - 1].item, references[j - 1].item)
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


def _cost(a: Item, b: Item) -> int:
    return 0 if comparable(a, b) and not compare(a, b) else 1


def comparable(original: Item, references: Item) -> bool:
    """The entries give at least one identifying field in common."""
    return any(a and b for _, a, b in _fields(original, references))


def compare(original: Item, references: Item) -> list[Mismatch]:
    """The identifying fields that both entries give and that differ.

    A volume and issue given the other way round agree: References lists write "Т. 31, № 4"
    as "no. 31 (4)", which reads as issue 31 of volume 4 (found on the pages of Izvestiya
    vuzov. Yadernaya Energetika, bench/translit_real.py)."""
    fields = _fields(original, references)
    if _swapped(original, references):
        fields = [f for f in fields if f[0] not in ("volume", "issue")]
    return [Mismatch(name, a, b) for name, a, b in fields if a and b and a != b]


def _swapped(original: Item, references: Item) -> bool:
    volume, issue = _plain(original.get("volume")), _plain(original.get("issue"))
    return bool(volume and issue and volume != issue
                and (volume, issue) == (_plain(references.get("issue")),
                                        _plain(references.get("volume"))))


def _fields(original: Item, references: Item) -> list[tuple[str, str, str]]:
    return [
        ("DOI", _doi(original), _doi(references)),
        ("year", _year(original), _year(references)),
        ("volume", _plain(original.get("volume")), _plain(references.get("volume"))),
        ("issue", _plain(original.get("issue")), _plain(references.get("issue"))),
        ("pages", _pages(original), _pages(references)),
    ]


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
    if (journal and own_journal and _is_journal_name(journal)
            and not _is_transliteration(journal, translate(own_journal))):
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


_LANGUAGE_NOTE = re.compile(r"\(?\s*(in\s+)?(russ(ian|\.)?|ukr(ainian|\.)?)\s*\)?\.?", re.I)


def _is_journal_name(text: str) -> bool:
    """Not what a misread References entry leaves in the journal's place: its language note, or
    a fragment of it ("Russian)" from "… pp. 76-85 (in Russian)."), i.e. unbalanced brackets —
    found on a real page (bench/translit_real.py)."""
    return (text.count("(") == text.count(")") and text.count("[") == text.count("]")
            and not _LANGUAGE_NOTE.fullmatch(text.strip()))


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
    """`latin` is (another scheme's) transliteration of the text `ours` transliterates: the
    letters alike, and — where both have as many words — no word unlike its counterpart. A
    translation made of cognates ("Radiation and Risk" for "Radiatsiya i risk", the official
    name the journal's References give, bench/translit_real.py) has its letters alike but
    "and" for "i"."""
    a, b = _letters(latin), _letters(ours)
    if not a or not b:
        return False
    if difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() < SAME_WORDS:
        return False
    words_a, words_b = _words(latin), _words(ours)
    return len(words_a) != len(words_b) or all(
        difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= SAME_WORD
        for x, y in zip(words_a, words_b, strict=True))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))


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
