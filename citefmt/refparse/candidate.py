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


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of ". "-separated sentences in text[start:end], not splitting inside () or [] or after
    one-letter or common abbreviations ("St. Louis", "vs. autologous")."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    depth = 0
    seg_start = start
    i = start
    while i < end:
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]" and depth:
            depth -= 1
        elif c in ".?!" and depth == 0 and (i + 1 >= end or text[i + 1] == " "):
            word = re.search(r"(\S+)$", text[seg_start:i])
            w = word.group(1) if word else ""
            if c == "." and (w in {"St", "vs", "Mt", "Ste", "Dr", "Inc", "p", "pp"}
                             or re.fullmatch(r"[A-Z]", w)):
                i += 1
                continue
            if text[seg_start:i].strip():
                spans.append((seg_start, i))
            seg_start = i + 1
        i += 1
    if text[seg_start:end].strip():
        spans.append((seg_start, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip())))
            for a, b in spans]
