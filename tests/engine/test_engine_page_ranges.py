"""Page ranges in each CSL 1.0.2 page-range-format. Gap: citeproc-py 0.11.1 shortened "1-18"
to "1-8" in minimal form (the first user's reference 42, Acta Biomater. 2023;155:1-18, came
out as pages 1 to 8) and shortened ranges as written ("1536-538" → "1536–5")."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.engine import render_bibliography
from citefmt.engine.loading import parse_csl_bytes
from citefmt.engine.page_ranges import last_page
from citefmt.engine.render import Renderer

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


def _page_style(tmp_path, range_format, body):
    path = tmp_path / "pages.csl"
    path.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" '
        f'page-range-format="{range_format}"><info><id/><title/>'
        '<updated>2009-08-10T04:49:00+09:00</updated></info>'
        '<locale><terms><term name="and" form="symbol">AMPERSAND</term></terms></locale>'
        f'<citation><layout>{body}</layout></citation>'
        f'<bibliography><layout>{body}</layout></bibliography></style>', "utf-8")
    return str(path)


@pytest.mark.parametrize(("range_format", "page", "expected"), [
    # CSL test suite page_Expand, page_Minimal, page_ChicagoWeird (citeproc-js's reading)
    ("expanded", "N110 - 5", "N110-5"),  # a prefix on one number only: not a range
    ("expanded", "N110 - N5", "N110–N115"),
    ("expanded", "110 - N6", "110-N6"),
    ("expanded", "N110 - P5", "N110-P5"),
    ("expanded", "123N110 - N5, 456K200 - 99", "123N110-N5, 456K200-99"),
    ("minimal", "n11564 - n1568", "n11564–8"),
    ("minimal", "n11564 - 1568", "n11564-1568"),
    ("chicago", "8n11564-8n1568", "8n11564–68"),
    ("expanded", "Michaelson-Morely", "Michaelson-Morely"),  # words keep their hyphen
    ("expanded", "i-ix", "i–ix"),
])
def test_gap_hyphen_between_numbers_of_different_prefixes_is_not_a_range(
        tmp_path, range_format, page, expected):
    # gap: citeproc-py made every hyphen an en dash and shortened "N110-5" to "N110–115"
    style = _page_style(tmp_path, range_format, '<text variable="page"/>')
    item = {"id": "a", "type": "book", "page": page}
    assert render_bibliography([item], style).entries[0].text == expected


def test_gap_locator_ampersand_is_the_locales_symbol_and_escaped_in_html(tmp_path):
    # gap: citeproc-py printed a locator's "&" unescaped in HTML ("213 & 235"), never the
    # locale's "and" symbol (CSL test suite label_PluralWithLocalizedAmpersand)
    style = _page_style(tmp_path, "expanded",
                        '<group delimiter=" "><label variable="locator"/>'
                        '<text variable="locator"/></group>')
    tree = parse_csl_bytes(Path(style).read_bytes(), path=Path(style), expect="style")
    renderer = Renderer(tree, locale="en-US", fmt="html")
    item = {"id": "a", "type": "book", "title": "T"}
    cites = [[{"id": "a", "locator": "213 & 235", "label": "page"}],
             [{"id": "a", "locator": "327\\-30", "label": "page"}],
             [{"id": "a", "locator": "427-30", "label": "page"}]]
    assert renderer.citations([item], cites).texts == [
        "pages 213 AMPERSAND 235", "page 327-30", "pages 427–430"]
