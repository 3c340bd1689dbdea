"""Cite grouping and collapsing (CSL 1.0.2 `collapse="year"`, `"year-suffix"`,
`"year-suffix-ranged"`, `cite-group-delimiter`), which citeproc-py 0.11.1 ignores: it printed
"(Smith 1900, Smith 2000)"."""

from __future__ import annotations

from pathlib import Path

from citefmt.engine.cite_groups import _ranges
from citefmt.engine.loading import parse_csl_bytes
from citefmt.engine.render import Renderer

HEAD = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2025-01-01T00:00:00+00:00</updated></info>")


def citations(citation_attributes: str, clusters: list[list], items: list[dict],
              sort: str = "") -> list[str]:
    body = (f"<citation {citation_attributes}>{sort}"
            '<layout prefix="(" suffix=")" delimiter="; "><group delimiter=" ">'
            '<names variable="author"><name form="short"/></names>'
            '<date variable="issued"><date-part name="year"/></date></group>'
            '<text variable="locator" prefix=", "/></layout></citation>')
    tree = parse_csl_bytes((HEAD + body + "</style>").encode(), path=Path("t.csl"),
                           expect="style")
    return Renderer(tree, locale="en-US", fmt="text").citations(items, clusters).texts


def work(key: str, family: str, year: int) -> dict:
    return {"id": key, "type": "book", "title": key, "author": [{"family": family}],
            "issued": {"date-parts": [[year]]}}


ITEMS = [work("s1", "Smith", 1900), work("r", "Roe", 1950), work("s2", "Smith", 2000),
         work("s3", "Smith", 2000), work("s4", "Smith", 2000), work("s5", "Smith", 2000)]


#: a citation sort: citeproc-js groups cites of the same names across others only under one
BY_YEAR = '<sort><key variable="issued"/></sort>'


def test_gap_collapse_year_groups_cites_by_author():
    assert citations('collapse="year"', [["s1", "r", "s2"]], ITEMS, BY_YEAR) == [
        "(Smith 1900, 2000; Roe 1950)"]


def test_cite_group_delimiter_alone_groups_without_collapsing():
    assert citations('cite-group-delimiter=", "', [["s1", "r", "s2"]], ITEMS, BY_YEAR) == [
        "(Smith 1900, Smith 2000; Roe 1950)"]


def test_without_a_citation_sort_only_neighbouring_cites_are_grouped():
    # CSL test suite name_CiteGroupDelimiterWithYearSuffixCollapse2: "Cite grouping is
    # applied only if the citations are sorted in some way" (citeproc-js's grouped sort)
    assert citations('collapse="year"', [["s1", "r", "s2", "s3"]], ITEMS) == [
        "(Smith 1900; Roe 1950; Smith 2000, 2000)"]


def test_collapse_year_suffix_prints_bare_suffixes():
    attributes = 'collapse="year-suffix" disambiguate-add-year-suffix="true"'
    assert citations(attributes, [["s1", "s2", "s3"]], ITEMS) == ["(Smith 1900, 2000a; b)"]


def test_collapse_year_suffix_ranged_makes_ranges_of_three_or_more():
    attributes = ('collapse="year-suffix-ranged" disambiguate-add-year-suffix="true" '
                  'year-suffix-delimiter=","')
    assert citations(attributes, [["s2", "s3", "s4", "s5"], ["s2", "s4", "s5"]], ITEMS) == [
        "(Smith 2000a–d)", "(Smith 2000a,c,d)"]


def test_cite_with_locator_is_not_reduced_and_is_followed_by_after_collapse_delimiter():
    attributes = 'collapse="year" after-collapse-delimiter="; "'
    cluster = [{"id": "s1", "locator": "12"}, {"id": "s2"}, {"id": "r"}]
    assert citations(attributes, [cluster], ITEMS) == ["(Smith 1900, 12; 2000; Roe 1950)"]


def test_suffix_ranges():
    assert _ranges(["a", "b", "c", "e", "f"], "–") == ["a–c", "e", "f"]
