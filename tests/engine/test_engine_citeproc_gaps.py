"""Each test names the citeproc-py 0.11.1 gap that citefmt's engine layer closes, and pins the
exact output citefmt gives instead."""

from __future__ import annotations

import io
from pathlib import Path

from citeproc import CitationStylesBibliography, CitationStylesStyle
from citeproc.formatter import plain
from citeproc.source import Citation, CitationItem
from citeproc.source.json import CiteProcJSON

from citefmt.engine import render_bibliography, render_citation
from citefmt.engine.dates import clean_date_parts
from citefmt.engine.loading import parse_csl_bytes
from citefmt.engine.render import Renderer, normalise_locator


def plain_citeproc(style_path: str, items: list[dict]) -> list[str]:
    """The same items through citeproc-py alone, to show the gap is real."""
    style = CitationStylesStyle(io.BytesIO(Path(style_path).read_bytes()), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), plain)
    bibliography.register(Citation([CitationItem(i["id"]) for i in items]))
    return [str(entry) for entry in bibliography.bibliography()]


def test_gap_localized_date_delimiter_ignored(numeric_style, article, webpage):
    assert "2020Mar15" in plain_citeproc(numeric_style, [article])[0]
    text = render_bibliography([article, webpage], numeric_style).text
    assert text == ("1. Smith JA. Scar formation. J Biol Chem. 2020 Mar 15;12(3):284–287.\n"
                    "2. Site. 2023 May [cited 2024 Feb 1].\n")


def test_gap_no_space_after_citation_number_with_second_field_align(numeric_style, article):
    assert plain_citeproc(numeric_style, [article])[0].startswith("1.Smith")
    entry = render_bibliography([article], numeric_style).entries[0]
    assert entry.text.startswith("1. Smith JA.")


def test_second_field_align_in_html_gets_margin_and_body_divs(numeric_style, article):
    html = render_bibliography([article], numeric_style, fmt="html").text
    assert html == (
        '<div class="csl-bib-body">\n'
        '  <div class="csl-entry">\n'
        '    <div class="csl-left-margin">1.</div>'
        '<div class="csl-right-inline">Smith JA. Scar formation. J Biol Chem. '
        '2020 Mar 15;12(3):284–287.</div>\n'
        '  </div>\n'
        '</div>\n')


def test_gap_number_of_pages_label_rendered_nothing(numeric_style, book):
    assert plain_citeproc(numeric_style, [book])[0].endswith("2002. 280.")
    assert render_bibliography([book], numeric_style).entries[0].text.endswith("2002. 280 p.")


def test_gap_collapse_citation_number_not_implemented(numeric_style, article):
    items = [dict(article, id=f"r{n}") for n in range(1, 7)]
    assert render_citation(items, ["r1", "r2", "r3", "r4"], numeric_style) == "[1–4]"
    assert render_citation(items, ["r4", "r1", "r2", "r3", "r6"], numeric_style) == "[1–4,6]"
    assert render_citation(items, ["r1", "r2", "r5"], numeric_style) == "[1,2,5]"
    assert render_citation(items, ["r1", "r3"], numeric_style) == "[1,3]"


def test_cites_with_locator_are_not_collapsed(numeric_style, article):
    from citefmt.engine.render import Renderer

    items = [dict(article, id=f"r{n}") for n in range(1, 5)]
    renderer = Renderer.for_style(numeric_style)
    cluster = ["r1", {"id": "r2", "locator": "5"}, "r3", "r4"]
    assert renderer.citations(items, [cluster]).texts == ["[1,2,3,4]"]


def test_gap_ids_lower_cased_and_colliding(numeric_style, article):
    items = [dict(article, id="Smith2020"), dict(article, id="smith2020", title="Other")]
    bibliography = render_bibliography(items, numeric_style)
    assert [e.id for e in bibliography.entries] == ["Smith2020", "smith2020"]
    assert bibliography.entries[1].text.startswith("2. Smith JA. Other.")


def test_gap_raw_and_edtf_dates_dropped(numeric_style, article, webpage):
    raw = dict(article, issued={"raw": "2020-03-15"})
    edtf = dict(webpage, issued={"edtf": "2023-05"}, accessed={"raw": "2024-02-01"})
    text = render_bibliography([raw, edtf], numeric_style).text
    assert text == ("1. Smith JA. Scar formation. J Biol Chem. 2020 Mar 15;12(3):284–287.\n"
                    "2. Site. 2023 May [cited 2024 Feb 1].\n")


def test_unparseable_raw_date_is_printed_and_reported(numeric_style, article):
    bibliography = render_bibliography([dict(article, issued={"raw": "in press"})],
                                       numeric_style)
    assert bibliography.entries[0].text == (
        "1. Smith JA. Scar formation. J Biol Chem. in press;12(3):284–287.")
    assert [(d.code, d.message) for d in bibliography.warnings] == [
        ("CF206", "item 'Smith2020': date 'in press' not understood; printed as given")]


def test_gap_rich_text_tags_leak_into_plain_text(numeric_style, article):
    title = "Role of <i>S. aureus</i> in CO<sub>2</sub> and m<sup>2</sup> <b>scars</b>"
    item = dict(article, title=title)
    assert "<i>" in plain_citeproc(numeric_style, [item])[0]
    text = render_bibliography([item], numeric_style).entries[0].text
    assert text.startswith("1. Smith JA. Role of S. aureus in CO₂ and m² scars.")
    html = render_bibliography([item], numeric_style, fmt="html").entries[0].text
    assert "Role of <i>S. aureus</i> in CO<sub>2</sub> and m<sup>2</sup> <b>scars</b>." in html
    markdown = render_bibliography([item], numeric_style, fmt="markdown").entries[0].text
    assert markdown.startswith("1. Smith JA. Role of *S. aureus* in CO~2~ and m^2^ **scars**.")


def test_html_escapes_text_that_is_not_markup(numeric_style, article):
    item = dict(article, title="Risk <5% & benefit")
    html = render_bibliography([item], numeric_style, fmt="html").entries[0].text
    assert "Risk &#60;5% &amp; benefit." in html  # citeproc-js's "<" (Zotero's HTML)


def test_markdown_escapes_specials_in_field_values(numeric_style, article):
    item = dict(article, title="p_value *star*")
    markdown = render_bibliography([item], numeric_style, fmt="markdown").entries[0].text
    assert "p\\_value \\*star\\*." in markdown


def test_engine_problems_are_diagnostics_not_tracebacks(numeric_style, article):
    broken = {"id": "bad", "type": "article-journal", "title": "X", "issued": "2020"}
    bibliography = render_bibliography([article, broken], numeric_style)
    assert [e.id for e in bibliography.entries] == ["Smith2020"]
    assert [d.code for d in bibliography.warnings] == ["CF400"]
    assert "'bad'" in bibliography.warnings[0].message


def test_unusable_date_parts_are_printed_as_given_and_reported(numeric_style):
    item = {"id": "odd", "type": "book", "title": "X", "issued": {"date-parts": [["spring"]]}}
    bibliography = render_bibliography([item], numeric_style)
    assert [e.text for e in bibliography.entries] == ["1. X. spring."]
    assert [d.code for d in bibliography.warnings] == ["CF206"]


NUMERIC_DATE_STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
    "<info><title>t</title><id>t</id><updated>2025-01-01T00:00:00+00:00</updated></info>"
    '<citation><layout><text variable="title"/></layout></citation><bibliography><layout>'
    '<date variable="issued"><date-part name="month" form="numeric-leading-zeros" suffix="/"/>'
    '<date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/>'
    "</date></layout></bibliography></style>")


def test_gap_empty_and_out_of_range_date_parts(tmp_path):
    style = tmp_path / "numeric-date.csl"
    style.write_text(NUMERIC_DATE_STYLE, encoding="utf-8")
    items = [{"id": "a", "type": "book", "issued": {"date-parts": [["2020", "", ""]]}},
             {"id": "b", "type": "book", "issued": {"date-parts": [[2020, 60, 1]]}},
             {"id": "c", "type": "book", "issued": {"date-parts": [[2020, 3, 40]]}}]
    assert plain_citeproc(str(style), items[:1]) == ["00/00/2020"]
    entries = render_bibliography(items, str(style)).entries
    assert [e.text for e in entries] == ["2020", "2020", "03/2020"]
    assert clean_date_parts([[1965, 13, 1], [1965, 17], [1965, 24, 0]]) == [
        [1965, 21], [1965, 21], [1965, 24]]


def test_gap_calling_date_part_overrides_leak_into_later_dates(tmp_path, article):
    """citeproc-py writes a calling cs:date-part's attributes into the locale's date-part; the
    second date (accessed, no override) came out italic too."""
    style = tmp_path / "leak.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <info><title>leak</title><id>leak</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter="; ">
    <date variable="issued" form="text"><date-part name="month" font-style="italic"/></date>
    <date variable="accessed" form="text"/>
  </group></layout></bibliography>
</style>""", "utf-8")
    item = dict(article, accessed={"date-parts": [[2024, 2, 1]]})
    html = render_bibliography([item], str(style), fmt="html").entries[0].text
    assert html == "<i>March</i> 15, 2020; February 1, 2024"


def test_importing_the_engine_does_not_import_citeproc():
    import subprocess
    import sys

    code = "import sys, citefmt.engine; print('citeproc' in sys.modules, 'lxml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["False", "False"]


LABEL_STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
    "<info><title>t</title><id>t</id><updated>2025-01-01T00:00:00+00:00</updated></info>"
    '<citation><layout><text variable="title"/><label variable="page" form="short" '
    'prefix=", "/><text variable="page" prefix=" "/></layout></citation>'
    '<bibliography><layout><text variable="title"/></layout></bibliography></style>')


def test_gap_label_printed_for_an_empty_variable(tmp_path):
    style = tmp_path / "label.csl"
    style.write_text(LABEL_STYLE, encoding="utf-8")
    items = [{"id": "a", "type": "book", "title": "Book"},
             {"id": "b", "type": "book", "title": "Book", "page": "5-7"}]
    assert render_citation(items, ["a"], str(style)) == "Book"
    assert render_citation(items, ["b"], str(style)) == "Book, pp. 5–7"


IBID_STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
    "<info><title>t</title><id>t</id><updated>2025-01-01T00:00:00+00:00</updated></info>"
    '<citation><layout suffix="." delimiter="; "><choose><if position="subsequent">'
    '<text term="ibid"/></if><else><text variable="title"/></else></choose></layout>'
    "</citation></style>")


def test_gap_note_beginning_with_a_term_is_not_capitalised():
    tree = parse_csl_bytes(IBID_STYLE.encode(), path=Path("ibid.csl"), expect="style")
    renderer = Renderer(tree, locale="en-US", fmt="text")
    items = [{"id": "a", "type": "book", "title": "Book"}]
    clusters = [["a"], ["a"], [{"id": "a", "prefix": "As said. "}],
                [{"id": "a", "prefix": "cf. "}]]
    assert renderer.citations(items, clusters).texts == [
        "Book.", "Ibid.", "As said. Ibid.", "cf. ibid."]


LOCATOR_STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
    "<info><title>t</title><id>t</id><updated>2025-01-01T00:00:00+00:00</updated></info>"
    '<citation><layout><text variable="title"/><group prefix=", " delimiter=" ">'
    '<label variable="locator" form="short"/><text variable="locator"/></group></layout>'
    "</citation></style>")


def test_gap_locator_range_with_spaces_and_leading_space():
    tree = parse_csl_bytes(LOCATOR_STYLE.encode(), path=Path("locator.csl"), expect="style")
    renderer = Renderer(tree, locale="en-US", fmt="text")
    items = [{"id": "a", "type": "book", "title": "Book"}]
    cites = [[{"id": "a", "locator": "100 - 103"}], [{"id": "a", "locator": " 7"}]]
    assert renderer.citations(items, cites).texts == ["Book, pp. 100–103", "Book, p. 7"]
    assert normalise_locator("A - B") == "A - B"
