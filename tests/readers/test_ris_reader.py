"""RIS reader: exact CSL-JSON fields from realistic exports, and every broken case reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.errors import InputError
from citefmt.readers import get_reader
from citefmt.readers._fields import csl_language, date_parts, serial_number, split_name

read = get_reader("ris")  # the reader and the shared clean-up stack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "ris"


def _read_fixture(name: str):
    # newline="" keeps the CRLF line ends and the BOM exactly as the exporter wrote them
    text = (FIXTURES / name).open(encoding="utf-8", newline="").read()
    return read(text, source=name)


def test_zotero_export_with_bom_and_crlf_reads_every_record_in_order() -> None:
    result = _read_fixture("zotero_multilang.ris")
    assert [r.line for r in result.records] == [1, 21, 39, 54, 64]
    assert result.diagnostics == []
    assert result.records[0].raw.startswith("TY  - JOUR")


def test_russian_journal_article_fields_are_exact() -> None:
    item = _read_fixture("zotero_multilang.ris").records[0].item
    assert item == {
        "type": "article-journal",
        "id": "kirolos2025",
        "author": [{"family": "Киролос", "given": "Э."}],
        "title": "Экзосомальная терапия для безрубцового восстановления кожи: клиническое "
                 "применение и новые тенденции",
        "container-title": "Инновационная медицина Кубани",
        "container-title-short": "Инновационная медицина Кубани",
        "volume": "10",
        "issue": "4",
        "issued": {"date-parts": [[2025, 8, 15]]},
        "page": "121-128",
        "DOI": "10.35401/2541-9897-2025-10-4-121-128",
        "URL": "https://www.innovmedkub.ru/jour/article/view/1234",
        "ISSN": "2541-9897",
        "language": "ru",
        "keyword": "экзосомы, регенерация кожи",
    }


def test_journal_names_doi_url_prefix_and_year_with_empty_parts() -> None:
    item = _read_fixture("zotero_multilang.ris").records[1].item
    assert item["id"] == "ref-2"
    assert item["author"][2] == {"family": "Barker", "given": "Thomas H."}
    assert item["container-title"] == "The Journal of Biological Chemistry"
    assert item["container-title-short"] == "J Biol Chem"
    assert item["issued"] == {"date-parts": [[2022]]}
    assert item["page"] == "101530"
    assert item["DOI"] == "10.1016/j.jbc.2021.101530"
    assert item["language"] == "en"
    assert item["note"] == "PMID: 34953859; PMCID: PMC8784641"


def test_chapter_with_editor_book_title_and_isbn() -> None:
    item = _read_fixture("zotero_multilang.ris").records[2].item
    assert item["type"] == "chapter"
    assert item["editor"] == [{"literal": "StatPearls Editorial Board"}]
    assert item["container-title"] == "StatPearls"
    assert item["publisher"] == "StatPearls Publishing"
    assert item["publisher-place"] == "Treasure Island (FL)"
    assert item["ISBN"] == "978-5-02-033278-3"
    assert item["edition"] == "2nd"
    assert "ISSN" not in item


def test_wrapped_lines_join_urls_without_space_and_text_with_one() -> None:
    records = _read_fixture("zotero_multilang.ris").records
    web, conf = records[3].item, records[4].item
    assert web["type"] == "webpage"
    assert web["URL"] == "https://www.who.int/news-room/fact-sheets/detail/wound-care"
    assert web["accessed"] == {"date-parts": [[2025, 3, 1]]}
    assert web["author"] == [{"literal": "World Health Organization"}]
    assert conf["type"] == "paper-conference"
    assert conf["title"] == ("Применение экзосом в хирургии ран: предварительные результаты "
                             "многоцентрового исследования")
    assert conf["author"] == [{"family": "Иванов", "given": "Иван Иванович"},
                              {"family": "Petrov", "given": "P."},
                              {"family": "Smith", "given": "John", "suffix": "Jr."}]
    assert conf["event-title"] == "XII съезд хирургов России"
    assert conf["genre"] == "Тезисы доклада"
    assert conf["language"] == "ru"


def test_broken_file_keeps_every_record_and_reports_each_defect() -> None:
    result = _read_fixture("broken.ris")
    assert [(r.line, r.item["type"], r.item.get("title")) for r in result.records] == [
        (3, "article-journal",
         "Adipose tissue-derived mesenchymal stem cell-derived exosomes promote wound healing"),
        (11, "document", "A record with an unknown type"),
        (15, "document", "A record that lost its TY line"),
        (18, "article-journal", "Last record, never closed"),
    ]
    assert [d.format() for d in result.diagnostics] == [
        "broken.ris:1: CF120 text outside any record: 'Exported from SomeManager 3.1'",
        "broken.ris:3: CF120 record not closed by 'ER  -' before the next 'TY'",
        "broken.ris:10: CF121 unknown RIS tag 'XY' ignored",
        "broken.ris:11: CF121 unknown RIS type 'ZZZ'; read as a document",
        "broken.ris:11: CF206 date 'n.d.' has no year",
        "broken.ris:15: CF120 record starts with 'AU' instead of 'TY'",
        "broken.ris:18: CF120 last record is not closed by 'ER  -'",
    ]
    assert result.records[1].item["issued"] == {"raw": "n.d."}
    assert result.records[2].item["author"] == [{"family": "Orphan", "given": "Author"}]


def test_text_that_is_not_ris_is_a_one_line_error_with_position() -> None:
    with pytest.raises(InputError) as caught:
        read("\n@article{key,\n  title = {Not RIS}\n}\n", source="refs.ris")
    assert str(caught.value) == "refs.ris:2: not RIS: no 'TY  - ' tag lines found"


def test_one_space_tags_and_sid_tags_from_older_exporters() -> None:
    text = "TY - BOOK\nT1 - Хирургия ран\nY1 - 2019/05//\nSN - 5-02-013850-9\nER -\n"
    item = read(text).records[0].item
    assert item == {"type": "book", "id": "ref-1", "title": "Хирургия ран",
                    "issued": {"date-parts": [[2019, 5]]}, "ISBN": "5-02-013850-9"}


@pytest.mark.parametrize(("value", "expected"), [
    ("rus", "ru"), ("Russian", "ru"), ("русский", "ru"), ("eng", "en"), ("en-US", "en-US"),
    ("Klingon", "Klingon"),
])
def test_language_codes_become_csl_language(value: str, expected: str) -> None:
    assert csl_language(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("Smith, John", {"family": "Smith", "given": "John"}),
    ("Smith J", {"family": "Smith", "given": "J"}),
    ("Иванов И.И.", {"family": "Иванов", "given": "И.И."}),
    ("Ivanov I. I.", {"family": "Ivanov", "given": "I. I."}),
    ("Cochrane Wounds Group", {"literal": "Cochrane Wounds Group"}),
    ("Plato", {"family": "Plato"}),
])
def test_names_split_only_when_safe(value: str, expected: dict[str, str]) -> None:
    assert split_name(value) == expected


@pytest.mark.parametrize(("value", "bookish", "expected"), [
    ("0021-9258", False, "ISSN"), ("978-5-02-033278-3", False, "ISBN"),
    ("2541-9897", True, "ISSN"), ("1234-5678", True, "ISSN"), ("12345", True, "ISBN"),
])
def test_serial_numbers_are_told_apart(value: str, bookish: bool, expected: str) -> None:
    assert serial_number(value, bookish=bookish) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2022", [2022]), ("2022///", [2022]), ("2022/02/15/", [2022, 2, 15]),
    ("2022 Feb", [2022, 2]), ("2022 Jan-Feb", [2022, 1]), ("2021 Winter", [2021]),
    ("n.d.", None),
])
def test_date_parts(value: str, expected: list[int] | None) -> None:
    assert date_parts(value) == expected
