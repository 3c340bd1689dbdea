"""A journal page that prints its reference list twice: "Список литературы" and "References"."""

from __future__ import annotations

from citefmt.readers.text import find_reference_sections, read

MORETTI = ("Moretti L, Stalfort J, Barker TH, Abebayehu D. The interplay of fibroblasts. "
           "J Biol Chem. 2022;298(2):101530.")
PAGE = f"""Заглавие статьи
https://doi.org/10.1234/abcd.2024.1
Список литературы
1. Иванов И. И., Петрова А. С. Экзосомы в заживлении ран // Хирургия. 2019. Т. 96, № 3. С. 121–128.
2. {MORETTI}
References
1. Ivanov II, Petrova AS. Exosomes in wound healing. Khirurgiya. 2019;96(3):121-128. (In Russ.)
2. {MORETTI}
Для цитирования:
Петров П. П. Заглавие статьи. Журнал. 2024;1(1):1-10.
"""


def test_both_lists_are_found_with_their_lines() -> None:
    sections = find_reference_sections(PAGE)
    assert [(s.heading_line, s.start_line, s.end_line) for s in sections] == [(3, 4, 5), (6, 7, 8)]


def test_the_second_language_list_comes_out_as_an_alternate_with_the_same_ids() -> None:
    result = read(PAGE, source="page.txt")
    assert [r.item["title"] for r in result.records] == [
        "Экзосомы в заживлении ран", "The interplay of fibroblasts"]
    assert list(result.alternates) == ["en"]
    english = result.alternates["en"]
    assert [r.item["title"] for r in english] == [
        "Exosomes in wound healing", "The interplay of fibroblasts"]
    assert [r.item["id"] for r in english] == [r.item["id"] for r in result.records]
    assert [r.line for r in english] == [7, 8]


def test_a_second_list_in_the_same_language_is_kept_not_dropped() -> None:
    text = ("References\n1. Roman J. Fibroblasts. Biomolecules. 2023;13(6):945.\n"
            "Bibliography\n1. Dilsiz N. A review. Transl Oncol. 2024;50:102121.\n")
    result = read(text, source="refs.txt")
    assert [r.item["title"] for r in result.records] == ["Fibroblasts", "A review"]
    assert result.alternates == {}
