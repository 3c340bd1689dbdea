"""CF301, CF302: gaps and repeats in reference numbering."""

from __future__ import annotations

from check_helpers import manuscript_findings


def test_gap_and_repeat_are_reported_at_the_entry() -> None:
    assert manuscript_findings("citation-problems.md", "CF302") == [
        "citation-problems.md:10: CF302 reference number 3 is repeated (first at line 9)"]
    assert manuscript_findings("citation-problems.md", "CF301") == [
        "citation-problems.md:11: CF301 reference numbering jumps to 5: 4 missing"]


def test_consecutive_numbering_is_clean() -> None:
    assert manuscript_findings("out-of-order.md", "CF301") == []
    assert manuscript_findings("out-of-order.md", "CF302") == []
