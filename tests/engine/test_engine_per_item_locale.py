"""Per-item locales (CSL-M `<layout locale="…">`): one bibliography, each entry in its own
language's terms; Russian collation of the sorted list."""

from __future__ import annotations

import pytest

from citefmt.engine import render_bibliography
from citefmt.language import detect_language as infer_language
from citefmt.language import item_language


def article(id_: str, title: str, authors: list[tuple[str, str]], journal: str, year: int,
            **extra: object) -> dict:
    return {"id": id_, "type": "article-journal", "title": title,
            "author": [{"family": f, "given": g} for f, g in authors],
            "container-title": journal, "issued": {"date-parts": [[year]]}, **extra}


@pytest.fixture
def mixed_items() -> list[dict]:
    return [
        article("en1", "The immediate prospects", [("DeRidder", "Jody L")],
                "Knowledge Organization", 2007, volume="34", issue="4", page="227-246"),
        article("ru1", "Турбулентный пограничный слой", [("Корнилов", "Виктор Иванович")],
                "Теплофизика и аэромеханика", 2006, volume="13", issue="3", page="369-385"),
        article("ru2", "Ёлки", [("Ёлкин", "Пётр")], "Лес", 2010, volume="1", page="1-2"),
        article("ru3", "Яблоки", [("Яковлев", "Иван")], "Сад", 2011, page="5"),
        article("en2", "Fibroblasts", [("Moretti", "L"), ("Stalfort", "J"), ("Barker", "T H"),
                                       ("Abebayehu", "D")], "J Biol Chem", 2022,
                language="en-GB", volume="298", issue="2", page="101530"),
        article("ru4", "Роль фибробластов", [("Смирнова", "А В"), ("Козлов", "Д С"),
                                             ("Алексеева", "Ю И"), ("Фёдоров", "Е К")],
                "Вестник", 2023, volume="15", issue="4", page="112-121"),
        article("de1", "Narben", [("Müller", "Hans")], "Chirurg", 2019, language="de",
                volume="90", page="1-9"),
    ]


def test_each_entry_uses_its_own_languages_terms(multilingual_style, mixed_items):
    bibliography = render_bibliography(mixed_items, multilingual_style)
    assert bibliography.text == (
        "1. Ёлкин П. Ёлки // Лес. 2010. Т. 1. С. 1–2.\n"
        "2. Корнилов В. И. Турбулентный пограничный слой // Теплофизика и аэромеханика. 2006. "
        "Т. 13, № 3. С. 369–385.\n"
        "3. Смирнова А. В. [и др.] Роль фибробластов // Вестник. 2023. Т. 15, № 4. "
        "С. 112–121.\n"
        "4. Яковлев И. Яблоки // Сад. 2011. С. 5.\n"
        "5. DeRidder J. L. The immediate prospects // Knowledge Organization. 2007. "
        "Vol. 34, No. 4. P. 227–246.\n"
        "6. Moretti L. [et al.] Fibroblasts // J Biol Chem. 2022. Vol. 298, No. 2. P. 101530.\n"
        "7. Müller H. Narben // Chirurg. 2019. Т. 90. С. 1–9.\n")
    assert [e.id for e in bibliography.entries] == ["ru2", "ru1", "ru4", "ru3", "en1", "en2",
                                                    "de1"]


def test_declared_language_overrides_script(multilingual_style, mixed_items):
    russian_titled_but_english = dict(mixed_items[1], language="en")
    text = render_bibliography([russian_titled_but_english], multilingual_style).text
    assert "Vol. 13, No. 3. P. 369–385." in text


def test_style_without_localized_layouts_uses_one_locale_for_all(numeric_style):
    item = {"id": "a", "type": "webpage", "title": "Сайт", "issued": {"date-parts": [[2023, 5]]}}
    assert render_bibliography([item], numeric_style).text == "1. Сайт. 2023 May.\n"


@pytest.mark.parametrize(("item", "language"), [
    ({"language": "ru-RU"}, "ru"), ({"language": "rus"}, "ru"), ({"language": "Russian"}, "ru"),
    ({"language": "en_GB"}, "en"), ({"language": "English"}, "en"), ({"language": "de"}, "de"),
    ({"title": "Рубцы кожи"}, "ru"), ({"title": "Skin scars", "container-title": "Хирургия"}, "en"),
    ({"title": "Рубцы", "container-title": "Хирургия"}, "ru"), ({}, "en"),
])
def test_item_language(item, language):
    assert item_language(item) == language


def test_infer_language_counts_letters_only():
    assert infer_language("Вестник 2023; 15(4): 112–121") == "ru"
    assert infer_language("miR-1248 в рубцах") == "ru"
    assert infer_language("miR-1248 in scars (обзор)") == "en"
