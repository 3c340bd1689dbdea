"""Punctuation merging at affix and delimiter seams: the citeproc-py 0.11.1 gap ("Why?.") and
citefmt's output in each bundled style and output format."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from citeproc import CitationStylesBibliography, CitationStylesStyle
from citeproc.formatter import plain
from citeproc.source import Citation, CitationItem
from citeproc.source.json import CiteProcJSON
from helpers import REPO

from citefmt.engine import render_bibliography
from citefmt.engine.punctuation import (
    join_merging,
    last_visible_char,
    merge_seam,
    wrap_merging,
)

NBSP = "\u00a0"

QUESTION = {"id": "q", "type": "article-journal", "author": [{"family": "Smith", "given": "J"}],
            "title": "Do scars itch?", "container-title": "Burns",
            "issued": {"date-parts": [[2020]]}, "volume": "4", "page": "1-5"}


def test_gap_title_ending_in_question_mark_got_the_styles_period():
    style = CitationStylesStyle(io.BytesIO(Path(REPO / "styles" / "vancouver.csl").read_bytes()),
                                validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([QUESTION]), plain)
    bibliography.register(Citation([CitationItem("q")]))
    assert "Do scars itch?. Burns" in str(bibliography.bibliography()[0])
    assert render_bibliography([QUESTION], "vancouver").entries[0].text == (
        "1. Smith J. Do scars itch? Burns. 2020;4:1-5.")


@pytest.mark.parametrize("style, expected", [
    ("gost-r-7.0.5-2008", f"1. Smith J. Do scars itch? // Burns. 2020. Vol.{NBSP}4. P.{NBSP}1–5."),
    ("gost-r-7.0.100-2018", "1. Smith, J. Do scars itch? / J. Smith. – Текст : непосредственный "
                            f"// Burns. – 2020. – Vol.{NBSP}4. – P.{NBSP}1–5."),
])
def test_question_mark_title_in_gost(style, expected):
    assert render_bibliography([QUESTION], style).entries[0].text == expected


def test_exclamation_mark_before_the_area_separator_of_gost_2018():
    book = {"id": "b", "type": "book", "language": "ru", "title": "Раны!",
            "publisher-place": "Москва", "publisher": "Наука", "issued": {"date-parts": [[2020]]}}
    assert render_bibliography([book], "gost-r-7.0.100-2018").entries[0].text == (
        "1. Раны! – Москва : Наука, 2020. – Текст : непосредственный.")


def test_abbreviation_period_is_not_doubled_by_the_delimiter_or_the_closing_period():
    book = {"id": "b", "type": "book", "title": "Wounds, burns, etc.", "publisher-place": "Moscow",
            "publisher": "Nauka Publ.", "issued": {"date-parts": [[2020]]}}
    assert render_bibliography([book], "vancouver").entries[0].text == (
        "1. Wounds, burns, etc. Moscow: Nauka Publ.; 2020.")
    assert render_bibliography([book], "gost-r-7.0.5-2008").entries[0].text == (
        "1. Wounds, burns, etc. Moscow : Nauka Publ., 2020.")


@pytest.mark.parametrize("fmt, expected", [
    ("html", "1. Smith J. <i>Do scars itch?</i> Burns. 2020;4:1-5."),
    ("markdown", "1. Smith J. *Do scars itch?* Burns. 2020;4:1-5."),
])
def test_marks_are_merged_through_emphasis_markup(fmt, expected):
    item = dict(QUESTION, title="<i>Do scars itch?</i>")
    assert render_bibliography([item], "vancouver", fmt=fmt).entries[0].text == expected


@pytest.mark.parametrize("left, right, expected", [
    ("Why?", ". ", "Why? "),
    ("Wow!", ".", "Wow!"),
    ("Publ.", ". ", "Publ. "),
    ("Publ.", ", ", "Publ., "),
    ("Why?", ", ", "Why?, "),
    ("a;", "; ", "a; "),
    ("a", ". ", "a. "),
])
def test_merge_seam_table(left, right, expected):
    assert left + merge_seam(left, right) == expected


def test_last_visible_char_looks_through_tags_entities_and_markdown():
    assert last_visible_char("<i>Why?</i>", "html") == "?"
    assert last_visible_char("Smith &#38;", "html") == "&"
    assert last_visible_char("*Why?*", "markdown") == "?"
    assert last_visible_char("2 \\*", "markdown") == "*"


def test_join_and_wrap_merge_every_seam():
    assert str(join_merging(["Why?", "Burns", None, "2020"], ". ")) == "Why? Burns. 2020"
    assert str(wrap_merging("(", "Why?", ").")) == "(Why?)."
    assert str(wrap_merging("", "Why?", ".")) == "Why?"
