"""EndNote XML reader: exact fields through style runs; broken records reported and kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.errors import InputError
from citefmt.readers import get_reader

read = get_reader("endnote-xml")  # the reader and the shared clean-up stack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "endnote"


def _read_library():
    return read((FIXTURES / "library.xml").read_text(encoding="utf-8"), source="library.xml")


def test_journal_article_fields_are_exact() -> None:
    record = _read_library().records[0]
    assert record.line == 1
    assert record.item == {
        "type": "article-journal", "id": "rec-12",
        "author": [{"family": "Moretti", "given": "L."}, {"family": "Stalfort", "given": "J."},
                   {"family": "Barker", "given": "T. H."}, {"family": "Abebayehu", "given": "D."}],
        "title": "The interplay of fibroblasts, the extracellular matrix, and inflammation in "
                 "scar formation",
        "container-title": "Journal of Biological Chemistry",
        "container-title-short": "J Biol Chem",
        "issued": {"date-parts": [[2022, 2]]}, "volume": "298", "issue": "2",
        "archive_location": "34953859", "page": "101530", "DOI": "10.1016/j.jbc.2021.101530",
        "URL": "https://www.ncbi.nlm.nih.gov/pubmed/34953859", "ISSN": "0021-9258",
        "language": "en", "keyword": "Fibroblasts, Cicatrix",
    }


def test_russian_book_section_joins_style_runs_and_reads_isbn() -> None:
    item = _read_library().records[1].item
    assert item == {
        "type": "chapter", "id": "rec-13",
        "author": [{"family": "Иванов", "given": "И. И."}],
        "editor": [{"family": "Петров", "given": "П. П."}],
        "title": "Раневой процесс: фазы и регуляция",
        "container-title": "Раны и раневая инфекция", "issued": {"date-parts": [[2018]]},
        "publisher": "Медицина", "publisher-place": "Москва", "page": "45-67",
        "ISBN": "978-5-02-033278-3", "language": "ru",
    }


def test_broken_records_are_kept_and_reported() -> None:
    result = _read_library()
    assert result.records[2].item == {"type": "document", "id": "rec-14",
                                      "issued": {"raw": "in press"}}
    assert [d.format() for d in result.diagnostics] == [
        "library.xml:2: CF121 unknown EndNote element <custom-field> ignored",
        "library.xml:3: CF121 unknown EndNote reference type 'Hologram'; read as a document",
        "library.xml:3: CF206 date 'in press' has no year",
        "library.xml:3: CF120 record 3 has no title",
    ]


def test_xml_without_records_is_not_endnote() -> None:
    with pytest.raises(InputError) as caught:
        read("<?xml version='1.0'?>\n<article><front/></article>", source="x.xml")
    assert str(caught.value) == "x.xml:2: not EndNote XML: root element <article> has no <records>"


def test_malformed_endnote_xml_names_the_line() -> None:
    with pytest.raises(InputError) as caught:
        read("<xml><records>\n<record><titles><title>Open</titles></record>\n</records></xml>",
             source="lib.xml")
    assert str(caught.value).startswith("lib.xml:2: malformed XML: Opening and ending tag mismatch")
