"""The engine's Russian grammar and GOST derived values (citefmt/engine/russian.py, gost.py).

Expected forms are Russian grammar (genitive of names and months) and GOST R 7.0.12-2011's
list of city abbreviations and language abbreviations, not citefmt's output."""

from __future__ import annotations

import pytest

from citefmt.engine import render_bibliography
from citefmt.engine.dates import parse_date_string
from citefmt.engine.gost import abbreviated_place, derived_variables
from citefmt.engine.russian import genitive_month, genitive_name


@pytest.mark.parametrize("family, given, expected", [
    ("Иванов", "А. Б.", ("Иванова", "А. Б.")),
    ("Иванова", "Анна Борисовна", ("Ивановой", "Анны Борисовны")),
    ("Толстой", "Л. Н.", ("Толстого", "Л. Н.")),
    ("Костюкович", "Елена", ("Костюкович", "Елены")),         # feminine: indeclinable
    ("Шевченко", "Т. Г.", ("Шевченко", "Т. Г.")),             # indeclinable
    ("Салтыков-Щедрин", "М. Е.", ("Салтыкова-Щедрина", "М. Е.")),
    ("Веселовского", "И. Н.", ("Веселовского", "И. Н.")),     # already genitive: untouched
    ("Smith", "J.", ("Smith", "J.")),                          # Latin script: untouched
])
def test_genitive_of_russian_names(family, given, expected):
    assert genitive_name(family, given) == expected


@pytest.mark.parametrize("nominative, genitive", [
    ("январь", "января"), ("май", "мая"), ("июнь", "июня"), ("Август", "Августа"),
    ("янв.", "янв."), ("May", "May"),
])
def test_genitive_of_month_names(nominative, genitive):
    assert genitive_month(nominative) == genitive


@pytest.mark.parametrize("place, short", [
    ("Москва", "М."), ("Санкт-Петербург", "СПб."), ("Ленинград", "Л."),
    ("Нижний Новгород", "Н. Новгород"), ("Ростов-на-Дону", "Ростов н/Д"),
    ("Москва ; Ленинград", "М. ; Л."), ("Казань", "Казань"), ("London", "London"),
])
def test_gost_7_0_12_place_abbreviations(place, short):
    assert abbreviated_place(place) == short


def test_translation_statement_in_the_items_language():
    ru = derived_variables({"language": "ru", "original-language": "german"})
    en = derived_variables({"language": "en", "original-language": "fre"})
    assert (ru["original-language"], ru["original-language-short"]) == ("немецкого", "нем.")
    assert (en["original-language"], en["original-language-short"]) == ("French", "French")


def test_open_interval_dates():
    assert parse_date_string("1991/") == {"date-parts": [[1991], [0]]}
    assert parse_date_string("1991/..") == {"date-parts": [[1991], [0]]}


@pytest.mark.parametrize("style, expected", [
    # GOST 7.1-2003 serial example form "М. : Наука, 1993– ."
    ("gost-r-7.0.5-2008", "1. Известия. М. : Наука, 1993– ."),
    ("gost-r-7.0.100-2018", "1. Известия. – Москва : Наука, 1993– . – Текст : непосредственный."),
])
def test_open_date_range_in_gost(style, expected):
    item = {"id": "a", "type": "book", "title": "Известия", "language": "ru",
            "publisher-place": "Москва", "publisher": "Наука", "issued": {"raw": "1993/"}}
    assert render_bibliography([item], style).entries[0].text == expected


def test_malformed_extension_name_field_is_reported_and_the_entry_kept():
    item = {"id": "a", "type": "book", "language": "ru", "title": "Мифологии",
            "commentator": "Зенкин С. Н.", "publisher-place": "Москва",
            "issued": {"date-parts": [[1996]]}}
    result = render_bibliography([item], "gost-r-7.0.5-2008")
    assert [e.text for e in result.entries] == ["1. Мифологии. М., 1996."]
    assert [(d.code, d.severity) for d in result.warnings] == [("CF410", "warning")]


def test_a_list_of_strings_is_not_taken_for_names():
    item = {"id": "a", "type": "book", "title": "T", "publisher-place": ["Paris"],
            "issued": {"date-parts": [[2000]]}}
    assert render_bibliography([item], "vancouver").entries  # rendered, not left out
