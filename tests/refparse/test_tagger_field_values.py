"""Field values the tagger's segments give (tagger/fields.py): TeX's "--" range dash, arXiv
identifiers and access notes beside a date. Segments written for these tests."""

from __future__ import annotations

import pytest

from citefmt.refparse.tagger.fields import item_from_segments, pages


@pytest.mark.parametrize(("text", "expected"), [
    ("pp. 211--219.", "211-219"), ("45 -- 52", "45-52"), ("pages 7--9", "7-9"),
    ("pp. 211–219", "211-219")])
def test_tex_double_hyphen_is_a_range_dash(text: str, expected: str) -> None:
    assert pages(text) == {"page": expected}


@pytest.mark.parametrize(("date", "year"), [
    ("2103.01234, 2021.", 2021),             # "CoRR, abs/2103.01234, 2021"
    ("1812.04567v2 (2019)", 2019),
    ("2014 [cited 2020 Mar 3]", 2014),       # NLM
    ("2016 [citado 2022 jan 10]", 2016),     # NLM in Portuguese / Spanish lists
    ("[acesso em 5 de maio de 2021] 2012", 2012),
    ("2009 [updated 2011 Feb 2; cited 2012 Jan 5]", 2009),
    ("1998.", 1998)])
def test_year_of_a_date_segment(date: str, year: int) -> None:
    item = item_from_segments([("title", "A study of things."), ("date", date)])
    assert item["issued"] == {"date-parts": [[year]]}


def test_untitled_thesis_of_a_physics_list_is_read() -> None:
    from citefmt.refparse import parse_reference

    parsed = parse_reference("Lund T 2011 PhD Thesis University of Bergen")
    assert parsed.grammar == "tagger"
    assert parsed.item["type"] == "thesis"
    assert parsed.item["issued"] == {"date-parts": [[2011]]}
    assert parsed.item["author"][0]["family"] == "Lund"


def test_journal_and_locators_without_a_year_are_read() -> None:
    from citefmt.refparse import parse_reference

    item = parse_reference("Ann Surg Oncol 14:1121-1130.").item
    assert (item["container-title"], item["volume"], item["page"]) == (
        "Ann Surg Oncol", "14", "1121-1130")
