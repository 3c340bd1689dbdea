"""CSL 1.0.2 text-case through citefmt's engine: the citeproc-py 0.11.1 gaps (spacing lost
next to nocase spans, nocase spans upper-cased, hyphenated words half title-cased) and the
exact output citefmt gives instead."""

from __future__ import annotations

from pathlib import Path

from citeproc.string import MixedString, NoCase, String

from citefmt.engine.loading import parse_csl_bytes
from citefmt.engine.render import Renderer
from citefmt.engine.text_case import change_case

HEAD = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2025-01-01T00:00:00+00:00</updated></info>")


def titles(text_case: str, titles: list[str], *, fmt: str = "text",
           language: str | None = None) -> list[str]:
    body = ('<citation><layout><text variable="title"/></layout></citation><bibliography>'
            f'<layout><text variable="title" text-case="{text_case}"/></layout></bibliography>')
    tree = parse_csl_bytes((HEAD + body + "</style>").encode(), path=Path("t.csl"),
                           expect="style")
    items = [{"id": str(n), "type": "book", "title": title,
              **({"language": language} if language else {})}
             for n, title in enumerate(titles)]
    entries = Renderer(tree, locale="en-US", fmt=fmt).bibliography(items).entries
    return [entry.text for entry in entries]


def test_gap_title_case_of_hyphenated_dashed_and_slashed_words():
    assert titles("title", ["closing the scientist–practitioner gap",
                            "out-of-fashion initiatives: a second story",
                            "a cat/mouse pencil", "the “new career” and commitment",
                            "07-x test"]) == [
        "Closing the Scientist–Practitioner Gap",
        "Out-of-Fashion Initiatives: A Second Story",
        "A Cat/Mouse Pencil",
        "The “New Career” and Commitment",
        "07-x Test"]


def test_title_case_keeps_capitalised_words_and_stop_word_rules():
    assert titles("title", ["this IS a pen that is a UK pencil for"]) == [
        "This IS a Pen That Is a UK Pencil For"]


def test_title_case_only_for_english_items():
    assert titles("title", ["рубцы кожи and more"], language="ru") == ["рубцы кожи and more"]


def test_gap_nocase_span_keeps_its_case_and_spacing():
    title = 'The <span class="nocase">mirror</span>, the window'
    assert titles("title", [title]) == ["The mirror, the Window"]
    assert titles("uppercase", [title]) == ["THE mirror, THE WINDOW"]


def test_html_markup_and_entities_are_not_cased():
    assert titles("title", ["<i>salt</i> & pepper"], fmt="html") == ["<i>Salt</i> &amp; Pepper"]


def test_change_case_works_on_segments():
    text = MixedString([String("the "), NoCase("iPod"), String(" of things")])
    assert str(change_case(text, "title")) == "The iPod of Things"
    assert str(change_case(text, "lowercase")) == "the iPod of things"
    # CSL 1.0.2: the first character of the first word, if the word is lower-case
    assert str(change_case(text, "capitalize-first")) == "The iPod of things"
    assert str(change_case(text, "capitalize-all")) == "The iPod Of Things"
    assert change_case("jr", "capitalize-first") == "Jr"  # a name part: a plain str


def test_title_case_stop_word_first_in_compound_greek_letters_and_final_nocase():
    # CSL test suite textcase_StopWordBeforeHyphen, _TitleCaseWithHyphens, _NonEnglishChars,
    # _TitleCaseWithFinalNocase
    assert change_case("employee pro-environmental behavior", "title") == (
        "Employee Pro-Environmental Behavior")
    assert change_case("out-of-fashion initiatives", "title") == "Out-of-Fashion Initiatives"
    assert change_case("saline solution of β-carotine", "title") == (
        "Saline Solution of β-Carotine")
    assert [str(s) for s in change_case(MixedString([String("vision of the "),
                                                      NoCase("Universe")]), "title")] == [
        "Vision of the ", "Universe"]
