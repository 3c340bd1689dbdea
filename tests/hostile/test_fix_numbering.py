"""`check --fix` on manuscripts whose numbering has a gap or whose text cites a number the list
does not have (issue 10): idempotent, and a dangling citation never ends up pointing at another
reference."""

from __future__ import annotations

from citefmt.checks import fix_document
from citefmt.config import Settings

SMITH = "Smith J. Title one. J Med. 2000;1:1-2."
DOE = "Doe A. Title two. J Med. 2001;2:3-4."
ROE = "Roe B. Title three. Vestnik. 2002;3:5-6."


def paper(body: str, *entries: str) -> str:
    return f"# P\n\n{body}\n\n## References\n\n" + "\n".join(entries) + "\n"


def test_a_gap_in_the_numbering_is_closed_once_and_then_left_alone() -> None:
    text = paper("See [3] and [1].", f"1. {SMITH}", f"3. {DOE}")
    once = fix_document(text, Settings(), source="paper.md")[0]
    assert once == paper("See [1] and [2].", f"1. {DOE}", f"2. {SMITH}")
    assert fix_document(once, Settings(), source="paper.md")[0] == once


def test_a_dangling_citation_is_never_pointed_at_another_reference() -> None:
    # [2] cites nothing: renumbering 3 → 2 would make it cite Doe
    text = paper("See [2], [1] and [3].", f"1. {SMITH}", f"3. {DOE}", "")
    once = fix_document(text, Settings(), source="paper.md")[0]
    assert once == text
    assert fix_document(once, Settings(), source="paper.md")[0] == once


def test_the_fuzzers_case_is_idempotent() -> None:
    # found by bench/fuzz.py: "2.*a" is no list marker, so entry 2 is part of entry 3
    text = paper("See [2], [1] and [3].", f"1. {SMITH}", f"3. {DOE}", f"2.*a {ROE}")
    once = fix_document(text.replace("\n", "\r\n"), Settings(), source="paper.md")[0]
    assert fix_document(once, Settings(), source="paper.md")[0] == once


def test_a_control_character_python_counts_as_a_line_break_does_not_shift_lines() -> None:
    # found by bench/fuzz.py: str.splitlines() breaks at U+001D, "\n" does not; the reader and
    # --fix disagreed about where entries stand (IndexError)
    text = paper("See [3], [2] and [1].", f"1. Smith J.\x1dA. {SMITH[9:]}", f"2. {DOE}",
                 f"3. {ROE}")
    once = fix_document(text, Settings(), source="paper.md")[0]
    assert once == paper("See [1], [2] and [3].", f"1. {ROE}", f"2. {DOE}",
                         f"3. Smith J.\x1dA. {SMITH[9:]}")
    assert fix_document(once, Settings(), source="paper.md")[0] == once
