"""CF305: references must be numbered in order of first citation."""

from __future__ import annotations

from pathlib import Path

from citefmt.checks import check_text
from citefmt.config import Settings

MANUSCRIPTS = Path(__file__).resolve().parents[1] / "fixtures" / "manuscripts"


def findings(name: str, code: str, **settings: object) -> list[str]:
    path = MANUSCRIPTS / name
    found = check_text(path.read_text(encoding="utf-8"), Settings(**settings), source=name)
    return [d.format() for d in found if d.code == code]


def test_first_break_is_reported_once() -> None:
    assert findings("out-of-order.md", "CF305") == [
        "out-of-order.md:3:70: CF305 reference 2 is cited before reference 1 (order of first "
        "citation)"]


def test_unlisted_numbers_do_not_count_for_order() -> None:
    assert findings("citation-problems.md", "CF305") == [
        "citation-problems.md:3:52: CF305 reference 3 is cited before reference 2 (order of "
        "first citation)"]
