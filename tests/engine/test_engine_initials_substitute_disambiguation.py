"""CSL 1.0.2 features citeproc-py 0.11.1 lacks and citefmt's engine adds: initials as the test
suite writes them, `subsequent-author-substitute`, and year-suffix disambiguation. Each test
names the gap, shows it in plain citeproc-py where it can, and pins citefmt's exact output."""

from __future__ import annotations

import io
from pathlib import Path

from citeproc import CitationStylesBibliography, CitationStylesStyle
from citeproc.formatter import plain
from citeproc.source import Citation, CitationItem
from citeproc.source.json import CiteProcJSON

from citefmt.engine.disambiguation import suffix_letters
from citefmt.engine.initials import initialize_given
from citefmt.engine.loading import parse_csl_bytes
from citefmt.engine.render import Renderer

HEAD = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2025-01-01T00:00:00+00:00</updated></info>")


def renderer(body: str) -> Renderer:
    tree = parse_csl_bytes((HEAD + body + "</style>").encode(), path=Path("t.csl"),
                           expect="style")
    return Renderer(tree, locale="en-US", fmt="text")


def plain_citeproc_bibliography(body: str, items: list[dict]) -> list[str]:
    style = CitationStylesStyle(io.BytesIO((HEAD + body + "</style>").encode()), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), plain)
    bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
    return [str(entry) for entry in bibliography.bibliography()]


def book(key: str, family: str, given: str, title: str, year: int, **extra: object) -> dict:
    return {"id": key, "type": "book", "title": title,
            "author": [{"family": family, "given": given}],
            "issued": {"date-parts": [[year]]}, **extra}


# -- initials --------------------------------------------------------------------------------

INITIALS = ('<citation><layout><text variable="title"/></layout></citation>'
            '<bibliography><layout><names variable="author">'
            '<name initialize-with=". " name-as-sort-order="all"/></names></layout></bibliography>')


def test_gap_abbreviated_given_name_parts_cut_to_one_letter():
    items = [book("a", "Smith", "Ph. M.E.", "T", 2000), book("b", "Петров", "Дж.", "T", 2000)]
    assert plain_citeproc_bibliography(INITIALS, items) == ["Smith, P. M. E.", "Петров, Д."]
    entries = renderer(INITIALS).bibliography(items).entries
    assert [e.text for e in entries] == ["Smith, Ph. M. E.", "Петров, Дж."]


def test_initialize_false_keeps_whole_names_and_normalises_initials():
    assert initialize_given("John M.E.", ". ", initialize=False) == "John M. E."
    assert initialize_given("A. Alan", ".", initialize=False) == "A. Alan"
    assert initialize_given("ME", "", initialize=False) == "ME"


def test_initials_follow_the_csl_test_suite_rules():
    assert initialize_given("John M.E.", "") == "JME"
    assert initialize_given("ME", " ") == "M"
    assert initialize_given("ME.", " ") == "ME"
    assert initialize_given("TSerendorjiin", ". ") == "Ts."
    assert initialize_given("Jean-Paul", ". ") == "J.-P."
    assert initialize_given("Jean-Paul", "", hyphen=False) == "JP"
    assert initialize_given("J van", ". ") == "J. van"


# -- subsequent-author-substitute -----------------------------------------------------------

def substitute_style(rule: str = "") -> str:
    rule_attribute = f' subsequent-author-substitute-rule="{rule}"' if rule else ""
    return ('<citation><layout><text variable="title"/></layout></citation>'
            f'<bibliography subsequent-author-substitute="———"{rule_attribute}>'
            '<layout><group delimiter=", "><names variable="author">'
            '<name and="text" delimiter=", "/><substitute><text variable="title"/></substitute>'
            '</names><text variable="title"/></group></layout></bibliography>')


def two_author_book(key: str, title: str, second: str) -> dict:
    return {"id": key, "type": "book", "title": title,
            "author": [{"family": "Smith", "given": "John"}, {"family": second, "given": "Jane"}]}


def test_gap_subsequent_author_substitute_ignored():
    items = [two_author_book("a", "Book A", "Roe"), two_author_book("b", "Book B", "Roe")]
    assert plain_citeproc_bibliography(substitute_style(), items)[1] == \
        "John Smith and Jane Roe, Book B"
    entries = renderer(substitute_style()).bibliography(items).entries
    assert [e.text for e in entries] == ["John Smith and Jane Roe, Book A", "———, Book B"]


def test_subsequent_author_substitute_needs_the_whole_list_to_match():
    items = [two_author_book("a", "Book A", "Roe"), two_author_book("b", "Book B", "Doe")]
    entries = renderer(substitute_style()).bibliography(items).entries
    assert entries[1].text == "John Smith and Jane Doe, Book B"


def test_subsequent_author_substitute_partial_each_replaces_matching_leading_names():
    items = [two_author_book("a", "Book A", "Roe"), two_author_book("b", "Book B", "Doe")]
    entries = renderer(substitute_style("partial-each")).bibliography(items).entries
    assert entries[1].text == "——— and Jane Doe, Book B"


def test_subsequent_author_substitute_compares_substituted_titles_too():
    # the title standing in for the author is not printed again (CSL cs:substitute)
    items = [{"id": "a", "type": "book", "title": "Anon"},
             {"id": "b", "type": "book", "title": "Anon"}]
    entries = renderer(substitute_style()).bibliography(items).entries
    assert [e.text for e in entries] == ["Anon", "———"]


# -- year-suffix ------------------------------------------------------------------------------

YEAR_SUFFIX = ('<citation disambiguate-add-year-suffix="true"><layout prefix="(" suffix=")" '
               'delimiter="; "><group delimiter=" "><names variable="author"><name form="short"/>'
               '</names><date variable="issued"><date-part name="year"/></date></group>'
               '</layout></citation>'
               '<bibliography><sort><key variable="title"/></sort><layout><group delimiter=", ">'
               '<names variable="author"><name form="short"/></names><text variable="title"/>'
               '<date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date>'
               '</group></layout></bibliography>')


def test_gap_no_year_suffix_for_same_author_and_year():
    items = [book("b", "Doe", "J", "Book B", 1990), book("a", "Doe", "J", "Book A", 1990),
             book("c", "Doe", "J", "Book C", 1991)]
    style = renderer(YEAR_SUFFIX)
    assert style.citations(items, [["a", "b", "c"]]).texts == ["(Doe 1990a; Doe 1990b; Doe 1991)"]
    assert [e.text for e in style.bibliography(items).entries] == [
        "Doe, Book A, (1990a)", "Doe, Book B, (1990b)", "Doe, Book C, (1991)"]


def test_explicit_year_suffix_variable_is_printed_where_the_style_puts_it():
    explicit = YEAR_SUFFIX.replace('<date-part name="year"/></date></group></layout></citation>',
                                   '<date-part name="year"/></date>'
                                   '<text variable="year-suffix" prefix="/"/></group>'
                                   '</layout></citation>')
    items = [book("a", "Doe", "J", "Book A", 1990), book("b", "Doe", "J", "Book B", 1990)]
    assert renderer(explicit).citations(items, [["a", "b"]]).texts == [
        "(Doe 1990 /a; Doe 1990 /b)"]


def test_year_suffix_letters_continue_after_z():
    assert [suffix_letters(i) for i in (0, 25, 26, 27, 51, 52)] == [
        "a", "z", "aa", "ab", "az", "ba"]


CONDITION = ('<citation><layout delimiter="; "><group delimiter=", "><names variable="author">'
             '<name form="short"/></names><choose><if disambiguate="true">'
             '<text variable="title"/></if></choose><date variable="issued">'
             '<date-part name="year"/></date></group></layout></citation>')


def test_gap_disambiguate_condition_taken_for_every_item():
    items = [book("a", "Doe", "J", "Book A", 1990), book("b", "Doe", "J", "Book B", 1990),
             book("c", "Roe", "J", "Book C", 1990)]
    assert renderer(CONDITION).citations(items, [["a", "b", "c"]]).texts == [
        "Doe, Book A, 1990; Doe, Book B, 1990; Roe, 1990"]


# -- name count -------------------------------------------------------------------------------

COUNT = ('<citation et-al-min="4" et-al-use-first="3"><layout><names variable="author editor">'
         '<name form="count"/></names></layout></citation>')


def people(count: int) -> list[dict]:
    return [{"family": f"F{n}", "given": "G"} for n in range(count)]


def test_gap_name_count_over_two_variables_printed_side_by_side():
    items = [{"id": "a", "type": "book", "author": people(3), "editor": people(2)},
             {"id": "b", "type": "book", "author": people(5), "editor": people(1)}]
    # 3 + 2 names; 5 authors truncated to 3 (et-al-min 4) + 1 editor
    assert renderer(COUNT).citations(items, [["a"], ["b"]]).texts == ["5", "4"]


# -- et-al-subsequent -------------------------------------------------------------------------

ET_AL_SUBSEQUENT = ('<citation et-al-min="5" et-al-use-first="1" et-al-subsequent-min="3" '
                    'et-al-subsequent-use-first="1"><layout><names variable="author"><name/>'
                    '</names></layout></citation>')


def test_gap_et_al_subsequent_ignored():
    item = {"id": "a", "type": "book", "author": people(4)}
    assert renderer(ET_AL_SUBSEQUENT).citations([item], [["a"], ["a"]]).texts == [
        "G F0, G F1, G F2, G F3", "G F0 et al."]


# -- names written out as they are ----------------------------------------------------------

NAMES = ('<citation><layout delimiter="; "><names variable="author">'
         '<name initialize-with=". "/></names></layout></citation>')


def test_gap_cjk_names_family_first_without_space_and_mononyms_not_initialised():
    items = [{"id": "a", "type": "book", "author": [{"family": "我妻", "given": "栄"}]},
             {"id": "b", "type": "book", "author": [{"given": "Banksy"}]},
             {"id": "c", "type": "book", "author": [{"family": "Иванов", "given": "Иван"}]}]
    assert renderer(NAMES).citations(items, [["a", "b", "c"]]).texts == [
        "我妻栄; Banksy; И. Иванов"]


def test_gap_lower_case_syllable_after_a_hyphen_goes_with_the_initial():
    # gap: "Guo-ping" initialised "G-ping" (CSL test suite name_LowercaseSurnameSuffix: "G Chen")
    assert initialize_given("Guo-ping", "") == "G"
    assert initialize_given("Guo-ping", ". ") == "G."
    assert initialize_given("Jean-Paul", ".") == "J.-P."
