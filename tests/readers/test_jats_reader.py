"""JATS reader: article record in both languages, references in both languages, safe parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.errors import InputError
from citefmt.language import detect_language
from citefmt.model import Item
from citefmt.readers.jats import extract_article_versions, read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "jats"


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


ARTICLE_COMMON = {
    "type": "article-journal", "id": "article", "volume": "10", "issue": "4",
    "page": "121-128", "DOI": "10.35401/2541-9897-2025-10-4-121-128",
    "issued": {"date-parts": [[2025, 8, 20]]}, "ISSN": "2541-9897",
    "container-title-short": "Innov Med Kuban",
    "publisher": "НИИ – ККБ № 1 им. проф. С.В. Очаповского",
}


def test_article_record_in_both_languages_is_exact(
        seed_article_by_language: dict[str, Item]) -> None:
    versions = extract_article_versions(_text("article_ru_alternatives.xml"))
    assert list(versions) == ["ru", "en"]
    assert versions["ru"].item == {**ARTICLE_COMMON, **seed_article_by_language["ru"]}
    assert versions["en"].item == {**ARTICLE_COMMON, **seed_article_by_language["en"]}
    assert versions["ru"].line == 19


def test_read_gives_the_article_in_its_own_language() -> None:
    result = read(_text("article_ru_alternatives.xml"))
    assert result.article is not None
    assert result.article.item["language"] == "ru"
    assert result.article.item["author"] == [{"family": "Киролос", "given": "Э."}]


def test_element_citations_give_exact_fields() -> None:
    records = read(_text("article_ru_alternatives.xml")).records
    assert records[1].item == {
        "type": "article-journal", "id": "cit2",
        "author": [{"family": "Moretti", "given": "L"}, {"family": "Stalfort", "given": "J"},
                   {"family": "Barker", "given": "TH"}, {"family": "Abebayehu", "given": "D"}],
        "title": "The interplay of fibroblasts, the extracellular matrix, and inflammation in "
                 "scar formation",
        "container-title": "J Biol Chem", "volume": "298", "issue": "2", "PMID": "34953859",
        "DOI": "10.1016/j.jbc.2021.101530", "number": "101530",
        "issued": {"date-parts": [[2022]]},
    }
    assert records[2].item == {
        "type": "chapter", "id": "cit3",
        "author": [{"family": "Wallace", "given": "HA"}, {"family": "Basehore", "given": "BM"},
                   {"family": "Zito", "given": "PM"}],
        "title": "Wound Healing Phases", "container-title": "StatPearls",
        "publisher-place": "Treasure Island (FL)", "publisher": "StatPearls Publishing",
        "URL": "https://www.ncbi.nlm.nih.gov/books/NBK470443/",
        "issued": {"date-parts": [[2023]]},
    }


def test_citation_alternatives_split_into_records_and_alternates() -> None:
    pytest.importorskip("citefmt.refparse", reason="needs the plain-text reference parser")
    result = read(_text("article_ru_alternatives.xml"), source="a.xml")
    assert [r.item["id"] for r in result.records] == ["cit1", "cit2", "cit3", "cit4"]
    assert [r.line for r in result.records] == [50, 56, 75, 90]
    assert list(result.alternates) == ["en"]
    ru, en = result.records[0], result.alternates["en"][0]
    assert (en.item["id"], en.line) == ("cit1", 51)
    assert ru.item["author"] == [{"family": "Иванов", "given": "И. И."},
                                 {"family": "Петрова", "given": "А. С."}]
    assert ru.item["title"] == "Экзосомы в заживлении ран"
    assert ru.item["container-title"] == "Хирургия"
    assert en.item["title"] == "Exosomes in wound healing"
    assert en.item["container-title"] == "Khirurgiia"
    for record in (ru, en):
        assert record.item["type"] == "article-journal"
        assert record.item["issued"] == {"date-parts": [[2019]]}
        assert (record.item["volume"], record.item["issue"], record.item["page"]) == (
            "96", "3", "121-128")
        assert record.item["DOI"] == "10.17116/hirurgia2019031121"
    assert ru.raw.startswith("Иванов ИИ, Петрова АС.")


def test_unknown_elements_and_empty_refs_are_reported_and_kept() -> None:
    pytest.importorskip("citefmt.refparse", reason="needs the plain-text reference parser")
    result = read(_text("article_ru_alternatives.xml"), source="a.xml")
    assert [d.format() for d in result.diagnostics] == [
        "a.xml:87: CF121 unknown citation element <fancy-field> ignored",
        "a.xml:90: CF120 reference 'cit4' has no citation element",
    ]
    assert result.records[3].item == {"type": "document", "id": "cit4"}


def test_two_unmarked_ref_lists_become_records_and_english_alternates() -> None:
    result = read(_text("article_two_ref_lists.xml"))
    assert [r.item["title"] for r in result.records] == [
        "Экзосомы в заживлении ран", "Раны и раневая инфекция"]
    assert list(result.alternates) == ["en"]
    assert [r.item for r in result.alternates["en"]] == [
        {"type": "article-journal", "author": [{"family": "Ivanov", "given": "I.I."}],
         "title": "Exosomes in wound healing", "container-title": "Khirurgiia", "volume": "96",
         "issue": "3", "note": "In Russ.", "page": "121-128",
         "issued": {"date-parts": [[2019]]}, "id": "r1"},
        {"type": "book", "author": [{"family": "Petrov", "given": "P.P."}],
         "title": "Rany i ranevaya infektsiya", "publisher-place": "Moscow",
         "publisher": "Meditsina", "number-of-pages": "456",
         "issued": {"date-parts": [[2018]]}, "id": "r2"},
    ]
    assert result.records[1].item["publisher-place"] == "Москва"
    assert result.article is not None
    assert result.article.item == {
        "type": "article-journal", "id": "article",
        "author": [{"family": "Сидоров", "given": "С.С."}, {"literal": "Группа изучения ран"}],
        "title": "Хирургическое лечение хронических ран", "number": "e0042",
        "issued": {"date-parts": [[2024, 3]]}, "language": "ru",
    }


@pytest.mark.parametrize(("name", "message"), [
    ("billion_laughs.xml", "billion_laughs.xml:3: refused: XML declares entities"),
    ("external_entity.xml", "external_entity.xml:2: refused: XML declares entities"),
    ("malformed.xml", "malformed.xml:6: malformed XML: Opening and ending tag mismatch: ref "
                      "line 5 and ref-list, line 6, column 16"),
])
def test_dangerous_or_broken_xml_is_a_one_line_error(name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read(_text(name), source=name)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_xml_that_is_not_jats_is_refused_with_the_root_line() -> None:
    with pytest.raises(InputError) as caught:
        read("<?xml version='1.0'?>\n<html><body><p>hi</p></body></html>", source="page.xml")
    assert str(caught.value) == "page.xml:2: not JATS: root element <html> has no article-meta " \
                                "or ref-list"


def test_html_entities_are_kept_without_loading_the_dtd_and_unknown_ones_refused() -> None:
    text = ('<!DOCTYPE article SYSTEM "http://example.org/jats.dtd">\n<article><back><ref-list>'
            '<ref><element-citation publication-type="journal"><source>Хирургия</source>'
            '<fpage>121</fpage><lpage>128</lpage><comment>В&nbsp;печати&ndash;2025 &amp; позже'
            '</comment></element-citation></ref></ref-list></back></article>')
    # the no-break space is collapsed like all whitespace in a citation
    assert read(text).records[0].item["note"] == "В печати–2025 & позже"
    with pytest.raises(InputError) as caught:
        read(text.replace("&ndash;", "\n&madeup;"), source="x.xml")
    assert str(caught.value) == "x.xml:3: malformed XML: undefined entity &madeup;"


def test_element_citation_with_namespace_and_windows_encoding_declaration() -> None:
    text = ('<?xml version="1.0" encoding="windows-1251"?>\n'
            '<article xmlns="http://jats.nlm.nih.gov" xml:lang="en"><back><ref-list>'
            '<ref><element-citation publication-type="webpage"><collab>WHO</collab>'
            '<source>Wound care</source><uri>https://www.who.int/wounds</uri>'
            '<date-in-citation content-type="access-date" iso-8601-date="2025-03-01">'
            '1 March 2025</date-in-citation></element-citation></ref></ref-list></back></article>')
    [record] = read(text).records
    assert record.item == {"type": "webpage", "id": "ref-1", "author": [{"literal": "WHO"}],
                           "title": "Wound care", "URL": "https://www.who.int/wounds",
                           "accessed": {"date-parts": [[2025, 3, 1]]}}


def test_language_guess() -> None:
    assert detect_language("Иванов И.И. Экзосомы. Хирургия. 2019") == "ru"
    assert detect_language("Ivanov II. Exosomes. Khirurgiia. 2019") == "en"


def test_elocation_id_is_the_article_number_and_pages_stay_pages() -> None:
    """`elocation-id` → CSL `number` (GOST "Art. …"); an article that has pages as well keeps
    both, and fpage alone stays `page`."""
    def citation(locators: str) -> str:
        return ("<article><back><ref-list><ref id='c1'><element-citation publication-type="
                "'journal'><article-title>T</article-title><source>J Test</source><year>2020"
                f"</year><volume>3</volume>{locators}</element-citation></ref></ref-list></back>"
                "</article>")

    def locators(xml: str) -> tuple[str | None, str | None]:
        item = read(xml).records[0].item
        return item.get("page"), item.get("number")

    assert locators(citation("<elocation-id>e41465</elocation-id>")) == (None, "e41465")
    assert locators(citation("<fpage>945</fpage>")) == ("945", None)
    assert locators(citation("<fpage>1</fpage><lpage>12</lpage>"
                             "<elocation-id>101530</elocation-id>")) == ("1-12", "101530")
