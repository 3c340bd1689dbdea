"""raw/EDTF date strings → date-parts, and the Markdown formatter's escaping."""

from __future__ import annotations

import pytest

from citefmt.engine.dates import normalise_date, parse_date_string
from citefmt.engine.formatters import markdown


@pytest.mark.parametrize(("text", "expected"), [
    ("2024", {"date-parts": [[2024]]}),
    ("2024-03", {"date-parts": [[2024, 3]]}),
    ("2024-03-05", {"date-parts": [[2024, 3, 5]]}),
    ("2024/2025", {"date-parts": [[2024], [2025]]}),
    ("2024-03-05/2024-03-07", {"date-parts": [[2024, 3, 5], [2024, 3, 7]]}),
    ("2024?", {"date-parts": [[2024]], "circa": True}),
    ("2024-22", {"date-parts": [[2024]], "season": 2}),
    ("05.03.2024", {"date-parts": [[2024, 3, 5]]}),
    ("2020 Mar 15", {"date-parts": [[2020, 3, 15]]}),
    ("15 March 2020", {"date-parts": [[2020, 3, 15]]}),
    ("март 2020", {"date-parts": [[2020, 3]]}),
    ("2024-13", None),
    ("5/3/2024", None),
    ("in press", None),
])
def test_parse_date_string(text, expected):
    assert parse_date_string(text) == expected


def test_normalise_date_keeps_date_parts_and_reports_literals():
    assert normalise_date({"date-parts": [[2020]]}) == ({"date-parts": [[2020]]}, None)
    assert normalise_date({"raw": "2021-07", "circa": True}) == (
        {"date-parts": [[2021, 7]], "circa": True}, None)
    assert normalise_date({"raw": "Spring term"}) == (
        {"literal": "Spring term"}, "date 'Spring term' not understood; printed as given")


def test_markdown_wrappers_and_escaping():
    assert markdown.Italic("x") == "*x*"
    assert markdown.Bold("x") == "**x**"
    assert markdown.Superscript("2") == "^2^"
    assert markdown.Subscript("2") == "~2~"
    assert markdown.preformat("a*b_c[d]") == "a\\*b\\_c\\[d\\]"
