"""The engine's speed paths must not change what is rendered: each cache is keyed by
everything that changes its answer. These tests render the same parsed style in situations
where a wrongly keyed cache would leak one render's answer into the next."""

from __future__ import annotations

from pathlib import Path

from citeproc.string import MixedString, String

from citefmt.engine import render_bibliography
from citefmt.engine.loading import parse_csl_bytes
from citefmt.engine.punctuation import concatenate, join_merging
from citefmt.engine.render import Renderer
from citefmt.engine.source import prepare_source
from citefmt.language import detect_language as infer_language

HEAD = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" '
        'default-locale="{locale}"><info><title>t</title><id>t</id>'
        "<updated>2025-01-01T00:00:00+00:00</updated></info>")

TERMS_AND_CASE = ('<citation><layout><text variable="title"/></layout></citation>'
                  '<bibliography><layout delimiter=" "><group delimiter=" ">'
                  '<text term="and others" font-style="italic"/>'
                  '<text variable="title" text-case="title"/>'
                  '<choose><if type="book"><text value="BOOK"/></if>'
                  '<else-if variable="volume"><text variable="volume" prefix="v. "/></else-if>'
                  '<else><text value="OTHER"/></else></choose>'
                  "</group></layout></bibliography>")


def renderer(body: str, *, fmt: str = "text", locale: str = "en-US") -> Renderer:
    tree = parse_csl_bytes((HEAD.format(locale=locale) + body + "</style>").encode(),
                           path=Path("t.csl"), expect="style")
    return Renderer(tree, locale=locale, fmt=fmt)


def test_term_text_is_kept_per_output_format():
    ampersand_term = ('<locale><terms><term name="and others">A &amp; B</term></terms></locale>'
                      + TERMS_AND_CASE)
    style_tree = renderer(ampersand_term).tree
    item = {"id": "a", "type": "book", "title": "a tale"}
    html = Renderer(style_tree, locale="en-US", fmt="html").bibliography([item])
    text = Renderer(style_tree, locale="en-US", fmt="text").bibliography([item])
    html_again = Renderer(style_tree, locale="en-US", fmt="html").bibliography([item])
    assert text.entries[0].text == "A & B A Tale BOOK"
    assert html.entries[0].text == html_again.entries[0].text == "<i>A &amp; B</i> A Tale BOOK"


def test_conditions_are_evaluated_for_each_item():
    items = [{"id": "a", "type": "book", "title": "one"},
             {"id": "b", "type": "article", "title": "two", "volume": "3"},
             {"id": "c", "type": "article", "title": "three"}]
    entries = renderer(TERMS_AND_CASE).bibliography(items).entries
    assert [e.text for e in entries] == ["and others One BOOK", "and others Two v. 3",
                                         "and others Three OTHER"]


def test_title_case_follows_each_items_language_and_the_style_default():
    items = [{"id": "a", "type": "book", "title": "a tale", "language": "fr"},
             {"id": "b", "type": "book", "title": "a tale"}]
    english = renderer(TERMS_AND_CASE, locale="en-US").bibliography(items).entries
    assert [e.text for e in english] == ["and others a tale BOOK", "and others A Tale BOOK"]
    # no language: the style's default-locale (fr) decides, and French is not title-cased
    french = renderer(TERMS_AND_CASE, locale="fr-FR").bibliography(items[1:]).entries
    assert french[0].text == "et autres a tale BOOK"


def test_reference_language_falls_back_to_the_default_without_being_a_variable():
    prepared = prepare_source([{"id": "a", "title": "x"}, {"id": "b", "title": "y",
                                                           "language": "de-DE"}],
                              "text", default_language="ru")
    first, second = (prepared.source[key] for key in prepared.keys)
    assert first.language == "ru" and "language" not in first
    assert second.language == "de-DE" and second["language"] == "de-DE"


def test_same_style_renders_the_same_after_other_styles_and_formats(numeric_style, article):
    before = render_bibliography([article], numeric_style).text
    render_bibliography([article], "vancouver", fmt="html")
    render_bibliography([article], numeric_style, fmt="markdown")
    assert render_bibliography([article], numeric_style).text == before


def test_concatenate_keeps_plain_strings_plain_and_segments_in_order():
    assert concatenate("Smith", " J") == "Smith J"
    assert isinstance(concatenate("Smith", " J"), str)
    joined = concatenate(MixedString([String("A"), String("B")]), String("C"))
    assert isinstance(joined, MixedString) and str(joined) == "ABC"
    assert str(join_merging([MixedString([String("Why?")]), String("Next")], ". ")) == \
        "Why? Next"


def test_language_inferred_from_the_majority_script():
    assert infer_language("Рубцы кожи") == "ru"
    assert infer_language("Scar 2020") == "en"
    assert infer_language("Рубцы skin and more words") == "en"
    assert infer_language("") == "en"
