"""CF201–CF205: malformed DOI, PMID, PMCID, ISBN and ISSN."""

from __future__ import annotations

from check_helpers import ARTICLE, brief, data_document

from citefmt.checks import identifiers


def test_valid_identifiers_give_nothing() -> None:
    book = {"type": "book", "id": "b", "title": "T", "ISBN": "978-5-9704-5247-9",
            "ISSN": "0028-4793"}
    assert identifiers.find(data_document(ARTICLE, book)) == []


def test_each_malformed_identifier_is_reported_with_its_code() -> None:
    bad = dict(ARTICLE, DOI="10.1016/j. nantod.2022.101531", PMID="3495385912", PMCID="8784641")
    book = {"type": "book", "id": "b", "title": "T", "ISBN": "978-5-9704-5247-8",
            "ISSN": "0028-4794"}
    assert brief(identifiers.find(data_document(bad, book))) == [
        (1, "CF201", "item 'moretti2022': malformed DOI '10.1016/j. nantod.2022.101531'"),
        (1, "CF202", "item 'moretti2022': malformed PMID '3495385912'"),
        (1, "CF203", "item 'moretti2022': malformed PMCID '8784641'"),
        (2, "CF204", "item 'b': malformed ISBN '978-5-9704-5247-8'"),
        (2, "CF205", "item 'b': malformed ISSN '0028-4794'"),
    ]


def test_several_isbns_in_one_field_are_checked_one_by_one() -> None:
    book = {"type": "book", "id": "b", "title": "T",
            "ISBN": "978-5-9704-5247-9 (print), 978-5-9704-5247-1 (online)"}
    assert brief(identifiers.find(data_document(book))) == [
        (1, "CF204", "item 'b': malformed ISBN '978-5-9704-5247-1'")]
