"""NLM-elided page ranges are read as the full range the source means; others stay as printed."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference
from citefmt.refparse.pages import expand_page_range


@pytest.mark.parametrize("printed, full", [
    ("2707-20", "2707-2720"),
    ("121-8", "121-128"),
    ("S93-9", "S93-S99"),
    ("1477-81", "1477-1481"),
    ("e1234-5", "e1234-e1235"),
])
def test_elided_last_page_is_written_in_full(printed: str, full: str) -> None:
    assert expand_page_range(printed) == full


@pytest.mark.parametrize("printed", [
    "48-51",        # already full
    "112–121",      # full, en dash kept
    "199-2",        # would end before it starts: not an NLM elision
    "S93-A9",       # the last page has a prefix of its own
    "10434",        # a single page or article number
    "xii-xv",       # roman numerals
])
def test_other_ranges_stay_as_printed(printed: str) -> None:
    assert expand_page_range(printed) == printed


def test_parser_writes_the_full_range_without_reporting_it() -> None:
    parsed = parse_reference("Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in "
                             "HIV-infected patients. N Engl J Med. 2002 Jul 25;347(4):284-7.")
    assert parsed.item["page"] == "284-287"
    assert parsed.diagnostics == []
