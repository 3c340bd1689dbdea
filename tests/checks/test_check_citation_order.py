"""CF305: references must be numbered in order of first citation."""

from __future__ import annotations

from check_helpers import manuscript_findings


def test_first_break_is_reported_once() -> None:
    assert manuscript_findings("out-of-order.md", "CF305") == [
        "out-of-order.md:3:70: CF305 reference 2 is cited before reference 1 (order of first "
        "citation)"]


def test_unlisted_numbers_do_not_count_for_order() -> None:
    assert manuscript_findings("citation-problems.md", "CF305") == [
        "citation-problems.md:3:52: CF305 reference 3 is cited before reference 2 (order of "
        "first citation)"]
