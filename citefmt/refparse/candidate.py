"""What a grammar returns: an item, how sure it is, and what it had to repair or guess."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citefmt.model import Item


@dataclass
class Candidate:
    """One grammar's reading of a reference.

    `repairs` are (position in the repaired text, code, message) and become warnings;
    `truncated_authors` records "et al." / "[и др.]" (never turned into a name).
    `raw_confidence`, `failed_checks` and `unexplained` are filled in by calibration
    (citefmt.refparse.plausibility), which lowers `confidence` accordingly.
    """

    grammar: str
    item: Item
    confidence: float
    repairs: list[tuple[int, str, str]] = field(default_factory=list)
    truncated_authors: bool = False
    title_span: tuple[int, int] | None = None
    raw_confidence: float = 0.0
    failed_checks: list[str] = field(default_factory=list)
    unexplained: float = 0.0


_SENTENCE_MARKS_RE = re.compile(r"[()\[\].?!]")
_NO_BREAK_ABBREVIATIONS = frozenset({"St", "vs", "Mt", "Ste", "Dr", "Inc", "p", "pp"})


def _last_word(text: str, start: int, end: int) -> str:
    """The run of non-space characters that ends at `end` (not before `start`), found backwards:
    searching forward from the sentence start for every mark made a long sentence quadratic."""
    k = end
    while k > start and not text[k - 1].isspace():
        k -= 1
    return text[k:end]


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of ". "-separated sentences in text[start:end], not splitting inside () or [] or after
    one-letter or common abbreviations ("St. Louis", "vs. autologous")."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    depth = 0
    seg_start = start
    for mark in _SENTENCE_MARKS_RE.finditer(text, start, end):
        i = mark.start()
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= bool(depth)
        elif depth == 0 and (i + 1 >= end or text[i + 1] == " "):
            w = _last_word(text, seg_start, i)
            if c == "." and (w in _NO_BREAK_ABBREVIATIONS or (len(w) == 1 and "A" <= w <= "Z")):
                continue
            if text[seg_start:i].strip():
                spans.append((seg_start, i))
            seg_start = i + 1
    if text[seg_start:end].strip():
        spans.append((seg_start, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()),
             b - (len(text[a:b]) - len(text[a:b].rstrip())))
            for a, b in spans]
