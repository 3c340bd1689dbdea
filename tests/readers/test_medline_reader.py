"""MEDLINE (.nbib) reader: exact fields from a PubMed export; broken records reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.errors import InputError
from citefmt.readers import get_reader
from citefmt.readers.medline import expand_page_range

read = get_reader("medline")  # the reader and the shared clean-up stack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "medline"


def _read_fixture(name: str):
    return read((FIXTURES / name).read_text(encoding="utf-8"), source=name)


def test_pubmed_export_records_in_order_with_lines() -> None:
    result = _read_fixture("pubmed_export.nbib")
    assert [(r.line, r.item["id"]) for r in result.records] == [
        (1, "pmid-34953859"), (42, "pmid-31112345"), (65, "pmid-29262065")]
    assert [d.format() for d in result.diagnostics] == [
        "pubmed_export.nbib:63: CF121 unknown MEDLINE tag 'XX' ignored"]
    assert result.diagnostics[0].severity == "warning"  # a dropped field is always shown


def test_journal_article_fields_are_exact() -> None:
    item = _read_fixture("pubmed_export.nbib").records[0].item
    assert item == {
        "type": "article-journal",
        "id": "pmid-34953859",
        "author": [{"family": "Moretti", "given": "Luca"}, {"family": "Stalfort", "given": "Jack"},
                   {"family": "Barker", "given": "Thomas Harrison"},
                   {"family": "Abebayehu", "given": "Daniel"}],
        "title": "The interplay of fibroblasts, the extracellular matrix, and inflammation in "
                 "scar formation",
        "container-title": "The Journal of biological chemistry",
        "container-title-short": "J Biol Chem",
        "issued": {"date-parts": [[2022, 2]]},
        "volume": "298",
        "issue": "2",
        "abstract": "Abstract of the review, shortened for this test fixture; it runs over two "
                    "lines as PubMed wraps it.",
        "DOI": "10.1016/j.jbc.2021.101530",
        "PMCID": "PMC8784641",
        "ISSN": "1083-351X",
        "page": "101530",
        "PMID": "34953859",
        "language": "en",
        "keyword": "fibroblasts",
    }


def test_russian_article_short_pages_translated_title_and_group_author() -> None:
    item = _read_fixture("pubmed_export.nbib").records[1].item
    assert item["page"] == "121-128"
    assert item["title"] == "Exosomes in wound healing after surgery"
    assert item["original-title"] == "Экзосомы в заживлении ран после хирургических вмешательств"
    assert item["language"] == "ru"
    assert item["author"] == [{"family": "Ivanov", "given": "Ivan I"},
                              {"family": "Petrova", "given": "Anna S"},
                              {"literal": "Russian Wound Society"}]
    assert item["DOI"] == "10.17116/hirurgia2019031121"
    assert item["issued"] == {"date-parts": [[2019]]}


def test_book_chapter_from_bookshelf_uses_au_when_fau_is_missing() -> None:
    item = _read_fixture("pubmed_export.nbib").records[2].item
    assert item == {
        "type": "chapter", "id": "pmid-29262065",
        "editor": [{"family": "Ackley", "given": "William"}],
        "author": [{"family": "Wallace", "given": "Heather A"},
                   {"family": "Basehore", "given": "BM"}, {"family": "Zito", "given": "PM"}],
        "title": "Wound Healing Phases", "container-title": "StatPearls",
        "issued": {"date-parts": [[2025, 1]]}, "publisher": "StatPearls Publishing",
        "publisher-place": "Treasure Island (FL)", "PMID": "29262065", "language": "en",
    }


def test_broken_record_is_kept_and_its_defects_reported() -> None:
    result = _read_fixture("broken.nbib")
    assert len(result.records) == 1
    item = result.records[0].item
    assert item["title"] == "Record without a closing line that continues here"
    assert item["issued"] == {"raw": "someday"}
    assert [d.format() for d in result.diagnostics] == [
        "broken.nbib:1: CF206 date 'someday' has no year",
        "broken.nbib:6: CF120 line is neither a tag nor a 6-space continuation; joined to the "
        "value above",
    ]


def test_record_without_pmid_gets_a_positional_id_and_a_warning() -> None:
    text = "PMID- 1\nTI  - First.\n\nTI  - Second, no PMID.\nDP  - 2020 Mar 5\nLID - e1645 [pii]\n"
    result = read(text, source="x.nbib")
    assert [r.item["id"] for r in result.records] == ["pmid-1", "ref-2"]
    second = result.records[1].item
    assert second["issued"] == {"date-parts": [[2020, 3, 5]]}
    assert second["number"] == "e1645" and "page" not in second
    assert [d.format() for d in result.diagnostics] == [
        "x.nbib:4: CF120 record starts with 'TI' instead of 'PMID'"]


def test_file_that_is_not_medline_is_a_one_line_error() -> None:
    with pytest.raises(InputError) as caught:
        read("\n\nJust some text.\n", source="refs.nbib")
    assert str(caught.value) == "refs.nbib:3: not MEDLINE: no 'PMID- ' lines found"


@pytest.mark.parametrize(("short", "full"), [
    ("121-8", "121-128"), ("1021-35", "1021-1035"), ("99-102", "99-102"), ("e1645", "e1645"),
    ("S12-5", "S12-S15"), ("121-8, 130-2", "121-128, 130-132"),
])
def test_nlm_page_ranges_are_expanded(short: str, full: str) -> None:
    assert expand_page_range(short) == full
