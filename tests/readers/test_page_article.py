"""The article's own record from its journal page: both languages, exact fields."""

from __future__ import annotations

import pytest

from citefmt.model import Item
from citefmt.readers.page import extract_article, extract_article_versions

pytest.importorskip("citefmt.refparse", reason="needs the plain-text reference parser")

SEED_SHARED = {
    "type": "article-journal", "id": "article", "issued": {"date-parts": [[2025]]},
    "volume": "10", "issue": "4", "page": "121-128",
    "DOI": "10.35401/2541-9897-2025-10-4-121-128",
}


def test_seed_page_gives_russian_and_english_records_exactly(
        seed_page: str, seed_article_by_language: dict[str, Item]) -> None:
    versions = extract_article_versions(seed_page, source="seed.txt")
    assert list(versions) == ["ru", "en"]
    assert versions["ru"].item == {**SEED_SHARED, **seed_article_by_language["ru"]}
    assert versions["en"].item == {**SEED_SHARED, **seed_article_by_language["en"]}
    assert (versions["ru"].line, versions["en"].line) == (79, 81)
    assert versions["en"].raw.startswith("Kirolos E. Exosome-Based Therapies")


def test_extract_article_is_the_page_language_version(seed_page: str) -> None:
    record = extract_article(seed_page, source="seed.txt")
    assert record is not None
    assert record.item["language"] == "ru"
    assert record.item["container-title"] == "Инновационная медицина Кубани"


ENGLISH_PAGE = """Wound care in rural clinics
https://doi.org/10.1234/wcr.2024.15
Abstract
A short abstract written for this test.
For citation: Smith J, Brown A. Wound care in rural clinics. Rural Medicine. 2024;15(2):33-41.
Для цитирования: Смит Дж, Браун А. Уход за ранами в сельских клиниках. Сельская медицина.\
 2024;15(2):33-41.
"""


def test_citation_on_the_heading_line_and_doi_from_the_page() -> None:
    versions = extract_article_versions(ENGLISH_PAGE)
    assert list(versions) == ["en", "ru"]
    en, ru = versions["en"].item, versions["ru"].item
    assert en["author"] == [{"family": "Smith", "given": "J."},
                            {"family": "Brown", "given": "A."}]
    assert en["container-title"] == "Rural Medicine"
    assert ru["title"] == "Уход за ранами в сельских клиниках"
    assert ru["container-title"] == "Сельская медицина"
    for item in (en, ru):
        assert item["DOI"] == "10.1234/wcr.2024.15"
        assert (item["volume"], item["issue"], item["page"]) == ("15", "2", "33-41")
    assert versions["en"].line == 5


def test_page_without_citation_lines_falls_back_to_title_doi_and_authors() -> None:
    page = ("Хирургическое лечение хронических ран\n"
            "https://doi.org/10.35401/2541-9897-2024-9-1-10-15\n"
            "Об авторах\n"
            "И. ИвановРоссия\n"
            "Иван Иванович Иванов, д.м.н., профессор\n"
            "Анна Петрова, к.м.н.\n"
            "Список литературы\n"
            "Мария Сидорова, в списке литературы, не автор\n")
    record = extract_article(page)
    assert record is not None
    assert record.item == {
        "type": "article-journal", "id": "article",
        "title": "Хирургическое лечение хронических ран",
        "author": [{"family": "Иванов", "given": "Иван Иванович"},
                   {"family": "Петрова", "given": "Анна"}],
        "DOI": "10.35401/2541-9897-2024-9-1-10-15", "language": "ru",
    }


def test_text_that_is_not_an_article_page_has_no_article() -> None:
    assert extract_article("1. Smith J. Title. J Med. 2020;1:1-2.\n") is None
    assert extract_article_versions("") == {}
