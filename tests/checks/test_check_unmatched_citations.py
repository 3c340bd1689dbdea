"""CF304: citations of numbers the list does not have."""

from __future__ import annotations

from check_helpers import manuscript_findings

from citefmt.checks import check_text
from citefmt.config import Settings


def test_citation_of_a_missing_number_is_reported_at_the_citation() -> None:
    assert manuscript_findings("citation-problems.md", "CF304") == [
        "citation-problems.md:3:38: CF304 citation [4] cites reference 4, which is not in the "
        "reference list"]


def test_range_past_the_end_names_each_missing_number() -> None:
    text = "Body [1-4].\n\nReferences\n\n1. Roman J. A title. Biomolecules. 2023;13(6):945.\n" \
           "2. Xue Z. Another title. Genes Dis. 2023;11(1):135-147.\n"
    assert [d.format() for d in check_text(text, Settings(), source="x.md")
            if d.code == "CF304"] == [
        "x.md:1:6: CF304 citation [1-4] cites reference 3, which is not in the reference list",
        "x.md:1:6: CF304 citation [1-4] cites reference 4, which is not in the reference list"]
