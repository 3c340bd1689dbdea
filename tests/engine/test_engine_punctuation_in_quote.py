"""The locale option `punctuation-in-quote`, which citeproc-py 0.11.1 read and ignored: in
en-US a period or comma after a closing quote the style printed moves inside it."""

from __future__ import annotations

from pathlib import Path

from citefmt.engine.loading import parse_csl_bytes
from citefmt.engine.render import Renderer

HEAD = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2025-01-01T00:00:00+00:00</updated></info>")

QUOTED_TITLE = ('<citation><layout><text variable="title"/></layout></citation>'
                '<bibliography><layout suffix="."><group delimiter=", ">'
                '<text variable="title" quotes="true"/><text variable="publisher"/>'
                "</group></layout></bibliography>")


def entries(locale: str, items: list[dict]) -> list[str]:
    tree = parse_csl_bytes((HEAD + QUOTED_TITLE + "</style>").encode(), path=Path("t.csl"),
                           expect="style")
    renderer = Renderer(tree, locale=locale, fmt="text")
    return [entry.text for entry in renderer.bibliography(items).entries]


ITEMS = [{"id": "a", "type": "book", "title": "The Title", "publisher": "Press"},
         {"id": "b", "type": "book", "title": "The Title"},
         {"id": "c", "type": "book", "title": "Why?"}]


def test_gap_comma_and_period_move_inside_english_quotes():
    assert entries("en-US", ITEMS) == ["“The Title,” Press.", "“The Title.”", "“Why?”"]


def test_quotes_keep_punctuation_outside_where_the_locale_says_so():
    assert entries("en-GB", ITEMS) == ["‘The Title’, Press.", "‘The Title’.", "‘Why?’."]
    assert entries("ru-RU", ITEMS[:1]) == ["«The Title», Press."]


def test_quotes_in_the_data_are_left_alone():
    item = {"id": "d", "type": "book", "title": "Said “no”", "publisher": "Press"}
    assert entries("en-US", [item]) == ["“Said “no”,” Press."]
