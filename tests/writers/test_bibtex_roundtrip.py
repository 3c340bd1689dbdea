"""Round trips: BibTeX → CSL-JSON → BibTeX keeps every entry and mapped field (Cyrillic too);
CSL-JSON → BibTeX → CSL-JSON likewise; CSL-JSON and CSL-YAML re-read to equal items."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.readers import bibtex as bib_reader
from citefmt.readers import csljson as json_reader
from citefmt.readers import cslyaml as yaml_reader
from citefmt.writers import bibtex as bib_writer
from citefmt.writers import csljson as json_writer
from citefmt.writers import cslyaml as yaml_writer

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bib" / "ru_en_medical.bib"


@pytest.fixture(scope="module")
def fixture_items() -> list[dict]:
    result = bib_reader.read(FIXTURE.read_text(encoding="utf-8"))
    assert result.diagnostics == []
    return result.items


def test_fixture_has_many_types_and_both_languages(fixture_items: list[dict]) -> None:
    assert len(fixture_items) == 17
    assert {i["type"] for i in fixture_items} == {
        "article-journal", "book", "chapter", "paper-conference", "thesis", "report",
        "webpage", "manuscript"}
    assert {i.get("language") for i in fixture_items} == {"ru", "en", None}


@pytest.mark.parametrize("ascii", [False, True])
def test_bibtex_csl_bibtex_keeps_every_entry_and_field(fixture_items: list[dict],
                                                       ascii: bool) -> None:
    text = bib_writer.write(fixture_items, ascii=ascii)
    assert text.isascii() is ascii
    again = bib_reader.read(text)
    assert again.diagnostics == []
    assert again.items == fixture_items
    assert bib_writer.write(again.items, ascii=ascii) == text


def test_csl_bibtex_csl(fixture_items: list[dict]) -> None:
    csl_text = json_writer.write(fixture_items)
    items = json_reader.read(csl_text).items
    assert bib_reader.read(bib_writer.write(items)).items == items


def test_cyrillic_survives_unescaped(fixture_items: list[dict]) -> None:
    text = bib_writer.write(fixture_items)
    assert "author = {Иванов, Иван Иванович and Петрова, Анна Сергеевна and Щукин, Юрий}" in text
    assert "type = {дис. … канд. мед. наук}" in text


def test_csl_json_and_yaml_reread_equal(fixture_items: list[dict]) -> None:
    from_json = json_reader.read(json_writer.write(fixture_items)).items
    from_yaml = yaml_reader.read(yaml_writer.write(fixture_items)).items
    assert from_json == fixture_items
    assert from_yaml == fixture_items


def test_seed_page_references_survive_bibtex(seed_page: str) -> None:
    """Real references of the first user's journal (refs 2 and 16 of its page) as CSL items."""
    assert "Villarreal-Gómez LJ" in seed_page
    items = [
        {"id": "2", "type": "article-journal",
         "author": [{"family": "Moretti", "given": "L"}, {"family": "Stalfort", "given": "J"},
                    {"family": "Barker", "given": "TH"}, {"family": "Abebayehu", "given": "D"}],
         "title": "The interplay of fibroblasts, the extracellular matrix, and inflammation in "
                  "scar formation",
         "container-title": "J Biol Chem", "issued": {"date-parts": [[2022]]},
         "volume": "298", "issue": "2", "page": "101530", "PMID": "34953859",
         "PMCID": "PMC8784641", "DOI": "10.1016/j.jbc.2021.101530"},
        {"id": "16", "type": "article-journal",
         "author": [{"family": "Villarreal-Gómez", "given": "LJ"},
                    {"family": "Origel-Lucio", "given": "S"},
                    {"family": "Hernández-Hernández", "given": "DA"},
                    {"family": "Pérez-González", "given": "GL"}],
         "title": "Use of Exosomes for Cosmetics Applications", "container-title": "Cosmetics",
         "issued": {"date-parts": [[2025]]}, "volume": "12", "issue": "1", "page": "9",
         "DOI": "10.3390/cosmetics12010009"},
    ]
    text = bib_writer.write(items)
    assert text.startswith("@article{morettiinterplayfibroblastsextracellular2022,\n")
    assert "@article{villarrealgomezuseexosomescosmetics2025,\n" in text
    again = bib_reader.read(text).items
    assert [{k: v for k, v in i.items() if k != "id"} for i in again] == \
        [{k: v for k, v in i.items() if k != "id"} for i in items]
