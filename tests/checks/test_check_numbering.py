"""CF301, CF302: gaps and repeats in reference numbering."""

from __future__ import annotations

from pathlib import Path

from citefmt.checks import check_text
from citefmt.config import Settings

MANUSCRIPTS = Path(__file__).resolve().parents[1] / "fixtures" / "manuscripts"


def findings(name: str, code: str, **settings: object) -> list[str]:
    path = MANUSCRIPTS / name
    found = check_text(path.read_text(encoding="utf-8"), Settings(**settings), source=name)
    return [d.format() for d in found if d.code == code]


def test_gap_and_repeat_are_reported_at_the_entry() -> None:
    assert findings("citation-problems.md", "CF302") == [
        "citation-problems.md:10: CF302 reference number 3 is repeated (first at line 9)"]
    assert findings("citation-problems.md", "CF301") == [
        "citation-problems.md:11: CF301 reference numbering jumps to 5: 4 missing"]


def test_consecutive_numbering_is_clean() -> None:
    assert findings("out-of-order.md", "CF301") == findings("out-of-order.md", "CF302") == []
