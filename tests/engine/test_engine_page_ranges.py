"""Page ranges in each CSL 1.0.2 page-range-format. Gap: citeproc-py 0.11.1 shortened "1-18"
to "1-8" in minimal form (the first user's reference 42, Acta Biomater. 2023;155:1-18, came
out as pages 1 to 8) and shortened ranges as written ("1536-538" → "1536–5")."""

from __future__ import annotations

import pytest

from citefmt.engine import render_bibliography
from citefmt.engine.page_ranges import last_page

SALTHOUSE = {"id": "42", "type": "article-journal",
             "title": "Interplay between biomaterials and the immune system",
             "author": [{"family": "Salthouse", "given": "D"}],
             "container-title-short": "Acta Biomater", "issued": {"date-parts": [[2023]]},
             "volume": "155", "page": "1-18"}


def test_gap_vancouver_minimal_range_lost_a_digit():
    text = render_bibliography([SALTHOUSE], "vancouver").entries[0].text
    assert text == ("1. Salthouse D. Interplay between biomaterials and the immune system. "
                    "Acta Biomater. 2023;155:1-18.")


@pytest.mark.parametrize(("first", "last", "expected"), [
    ("1", "18", {"expanded": "18", "minimal": "18", "minimal-two": "18", "chicago": "18"}),
    ("1536", "538", {"expanded": "1538", "minimal": "8", "minimal-two": "38",
                     "chicago": "38"}),
    ("600", "13", {"expanded": "613", "minimal": "13", "minimal-two": "13",
                   "chicago": "613"}),
    ("107", "108", {"expanded": "108", "minimal": "8", "minimal-two": "08", "chicago": "8"}),
    ("1496", "1504", {"expanded": "1504", "minimal": "504", "minimal-two": "504",
                      "chicago": "1504", "chicago-16": "504"}),
    ("96", "117", {"expanded": "117", "minimal": "117", "chicago": "117"}),
    ("S93", "S99", {"expanded": "S99", "minimal": "9"}),
    ("e101", "105", {"minimal": "5"}),
])
def test_second_number_in_each_format(first, last, expected):
    for range_format, second in expected.items():
        assert last_page(first, last, range_format) == second, range_format


def test_ranges_are_printed_as_written_without_a_format_or_digits():
    assert last_page("110", "5", None) == "5"
    assert last_page("iv", "xii", "minimal") == "xii"
    assert last_page("20", "3", "minimal") == "3"
