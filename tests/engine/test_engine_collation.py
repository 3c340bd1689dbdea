"""Locale collation for bibliography sorting (citeproc-py compared code points)."""

from __future__ import annotations

from citefmt.engine.collation import collation_key


def ordered(words: list[str], language: str) -> list[str]:
    return sorted(words, key=lambda w: collation_key(w, language))


def test_yo_sorts_with_ye_not_after_ya():
    assert ordered(["Яковлев", "Ёлкин", "Ежов", "Елизаров"], "ru") == [
        "Ежов", "Елизаров", "Ёлкин", "Яковлев"]


def test_ye_before_yo_when_otherwise_equal():
    assert ordered(["Ёлкин", "Елкин"], "ru") == ["Елкин", "Ёлкин"]


def test_short_i_is_its_own_letter_after_i():
    assert ordered(["Йодов", "Ильин", "Кузнецов"], "ru") == ["Ильин", "Йодов", "Кузнецов"]


def test_cyrillic_first_in_russian_latin_first_otherwise():
    words = ["Smith", "Иванов", "Adams", "Петров"]
    assert ordered(words, "ru-RU") == ["Иванов", "Петров", "Adams", "Smith"]
    assert ordered(words, "en-US") == ["Adams", "Smith", "Иванов", "Петров"]


def test_case_and_accents_are_secondary():
    assert ordered(["zeta", "Émile", "emile", "Eagle"], "en") == ["Eagle", "emile", "Émile",
                                                                   "zeta"]


def test_space_sorts_before_letters():
    assert ordered(["Smithson A", "Smith J"], "en") == ["Smith J", "Smithson A"]


def test_punctuation_is_ignored_before_accents_and_case():
    titles = ["Simple “title” here C", "“Simple title here B”", "Simple title, here A"]
    assert ordered(titles, "en") == ["Simple title, here A", "“Simple title here B”",
                                     "Simple “title” here C"]
    assert ordered(["[F]linders", "Roe", "Doe"], "en") == ["Doe", "[F]linders", "Roe"]
    assert ordered(["O'Neil", "ONeil"], "en") == ["ONeil", "O'Neil"]
