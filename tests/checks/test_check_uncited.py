"""CF303: references never cited, only in texts that cite by number."""

from __future__ import annotations

from check_helpers import manuscript, manuscript_findings

from citefmt.checks import check_text
from citefmt.config import Settings


def test_uncited_references_are_reported() -> None:
    assert manuscript_findings("citation-problems.md", "CF303") == [
        "citation-problems.md:8: CF303 reference 2 is never cited in the text",
        "citation-problems.md:11: CF303 reference 5 is never cited in the text"]


def test_a_list_without_any_in_text_citation_gets_no_citation_findings() -> None:
    text = manuscript("out-of-order.md")
    body_removed = text.replace("[2]", "").replace("[1, 3]", "")
    assert [d.code for d in check_text(body_removed, Settings(), source="x.md")] == []
