"""CF200: fields each item type needs."""

from __future__ import annotations

from check_helpers import ARTICLE, brief, data_document

from citefmt.checks import required_fields


def test_complete_items_give_nothing() -> None:
    book = {"type": "book", "id": "b", "title": "T", "publisher": "P",
            "issued": {"date-parts": [[2020]]}}
    assert required_fields.find(data_document(ARTICLE, book)) == []


def test_article_number_in_page_counts_as_pages() -> None:
    item = {k: v for k, v in ARTICLE.items() if k != "volume"}
    assert required_fields.find(data_document(item)) == []


def test_article_number_alone_counts_as_pages() -> None:
    """A journal article needs pages OR an article number: `number` without `page`/`volume`."""
    item = {k: v for k, v in ARTICLE.items() if k not in ("volume", "page")} | {"number": "101530"}
    assert required_fields.find(data_document(item)) == []
    without = {k: v for k, v in item.items() if k != "number"}
    assert brief(required_fields.find(data_document(without))) == [
        (1, "CF200", "item 'moretti2022': journal article has no volume or pages")]


def test_each_type_names_what_it_lacks() -> None:
    ahead_of_print = {k: v for k, v in ARTICLE.items() if k not in ("issued", "volume", "page")}
    chapter = {"type": "chapter", "id": "statpearls", "title": "Wound Healing Phases",
               "container-title": "StatPearls", "publisher": "StatPearls"}
    book = {"type": "book", "id": "b", "title": "T"}
    web = {"type": "webpage", "id": "w"}
    assert brief(required_fields.find(data_document(ahead_of_print, chapter, book, web))) == [
        (1, "CF200", "item 'moretti2022': journal article has no year and no volume or pages"),
        (2, "CF200", "item 'statpearls': chapter has no year"),
        (3, "CF200", "item 'b': book has no year and no publisher"),
        (4, "CF200", "item 'w': web page has no title and no URL"),
    ]
