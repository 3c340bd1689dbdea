"""Date ranges given as two `date-parts`: the gap in citeproc-py 0.11.1 and citefmt's output."""

from __future__ import annotations

import pytest
from helpers import REPO

from citefmt.engine import render_bibliography


def conference(event_date: list[list[int]]) -> dict:
    return {"id": "talk", "type": "paper-conference", "author": [{"family": "Roe", "given": "J"}],
            "title": "Talk", "container-title": "Proceedings", "event": "Meeting",
            "event-date": {"date-parts": event_date}, "event-place": "Kinsdale, Ireland",
            "publisher-place": "Berlin", "publisher": "Springer",
            "issued": {"date-parts": [[2002]]}}


def test_gap_date_range_crashed_citeproc_py():
    from citeproc import CitationStylesBibliography, CitationStylesStyle
    from citeproc.formatter import plain
    from citeproc.source import Citation, CitationItem
    from citeproc.source.json import CiteProcJSON

    item = conference([[2002, 4, 3], [2002, 4, 5]])
    style = CitationStylesStyle(str(REPO / "styles" / "vancouver.csl"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    with pytest.raises(TypeError):
        bibliography.bibliography()
    assert render_bibliography([item], "vancouver").entries[0].text == (
        "1. Roe J. Talk. In: Proceedings. Meeting; 2002 Apr 3-5; Kinsdale, Ireland. "
        "Berlin: Springer; 2002.")


def test_localized_date_range_in_a_year_first_locale_date(numeric_style, article):
    item = dict(article, issued={"date-parts": [[2020, 3, 15], [2020, 3, 17]]})
    assert render_bibliography([item], numeric_style).entries[0].text == (
        "1. Smith JA. Scar formation. J Biol Chem. 2020 Mar 15–17;12(3):284–287.")


@pytest.mark.parametrize("event_date, expected", [
    ([[2002, 4, 3], [2002, 4, 5]], "2002 Apr 3-5"),
    ([[2002, 4, 30], [2002, 5, 2]], "2002 Apr 30-May 2"),
    ([[2001, 12, 30], [2002, 1, 2]], "2001 Dec 30-2002 Jan 2"),
    ([[2002, 4], [2002, 6]], "2002 Apr-Jun"),
    ([[2001], [2002]], "2001-2002"),
    ([[2002, 4, 3], [2002, 4, 3]], "2002 Apr 3"),
    ([[2002, 4, 3], [0, 0, 0]], "2002 Apr 3-"),
], ids=["days", "months", "years", "month-only", "year-only", "same-day", "open"])
def test_range_delimiter_and_shared_parts_once_in_a_year_first_date(event_date, expected):
    """Vancouver's date parts: year, " month", " day", each with range-delimiter="-"."""
    entry = render_bibliography([conference(event_date)], "vancouver").entries[0].text
    assert entry == ("1. Roe J. Talk. In: Proceedings. Meeting; "
                     f"{expected}; Kinsdale, Ireland. Berlin: Springer; 2002.")


@pytest.mark.parametrize("event_date, expected", [
    ([[2003, 8, 10], [2003, 8, 23]], "August 10–23, 2003"),
    ([[2003, 8, 3], [2003, 10, 23]], "August 3–October 23, 2003"),
    ([[2002, 4], [2002, 6]], "April–June 2002"),
    ([[2001, 12, 30], [2002, 1, 2]], "December 30, 2001–January 2, 2002"),
], ids=["days", "months", "month-only", "years"])
def test_localized_text_date_range_keeps_the_locale_order(event_date, expected):
    """GOST prints an English item's event date with the en-US text form (month day, year)."""
    entry = render_bibliography([conference(event_date)], "gost-r-7.0.5-2008").entries[0].text
    assert entry == (f"1. Roe J. Talk // Proceedings (Kinsdale, Ireland, {expected}). "
                     "Berlin : Springer, 2002.")


SEASON_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>season</title><id>season</id><updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <date variable="issued"><date-part name="month" suffix=" "/><date-part name="year"/></date>
  </layout></bibliography>
</style>
"""


@pytest.mark.parametrize("date_parts, expected", [
    ([[1999, 22]], "Summer 1999"),
    ([[1999, 21], [1999, 22]], "Spring–Summer 1999"),
    ([[1999, 21], [2001, 22]], "Spring 1999–Summer 2001"),
])
def test_gap_seasons_written_as_months_21_to_24_printed_nothing(tmp_path, date_parts, expected):
    style = tmp_path / "season.csl"
    style.write_text(SEASON_STYLE, encoding="utf-8")
    item = {"id": "s", "type": "book", "title": "T", "issued": {"date-parts": date_parts}}
    assert render_bibliography([item], str(style)).entries[0].text == expected
