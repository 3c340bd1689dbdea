"""Hyphenated and compound initials ("J.-P.", "J-P", "Ж.-П.", "Kim H-S") are found in every form a
reference list prints them, and kept with their hyphen in the model's dotted form; the bundled
styles then print them as their standard asks (GOST "J.-P.", NLM "JP")."""

from __future__ import annotations

import pytest

from citefmt.api import format_bibliography
from citefmt.refparse import parse_reference
from citefmt.refparse.names import (
    initials_given,
    parse_initials_first_names,
    parse_inverted_names,
    split_names,
)
from citefmt.refparse.tagger.fields import item_from_segments

VEGA_MUELLER = [{"family": "Vega", "given": "J.-P."}, {"family": "Müller", "given": "K.-H."}]
VEGA_MUELLER_RU = [{"family": "Вега", "given": "Ж.-П."}, {"family": "Мюллер", "given": "К.-Х."}]


@pytest.mark.parametrize(("printed", "given"), [
    ("J-P", "J.-P."), ("H-S", "H.-S."), ("Yu-D", "Yu.-D."), ("HS", "H. S."), ("YuI", "Yu. I."),
    ("J.-P.", "J.-P."), ("J. -P.", "J.-P."), ("Ж.- П.", "Ж.-П."), ("J.‐P.", "J.-P."),
    ("Y.-j.", "Y.-j."), ("A.-M. B.", "A.-M. B."), ("И.И.", "И. И."), ("J.-P", "J.-P."),
])
def test_initials_keep_their_hyphen_in_the_dotted_form(printed: str, given: str) -> None:
    assert initials_given(printed) == given


@pytest.mark.parametrize(("statement", "names"), [
    ("J.-P. Vega, K.-H. Müller", VEGA_MUELLER),
    ("J. -P. Vega and K. -H. Müller", VEGA_MUELLER),
    ("Vega J-P, Müller K-H", VEGA_MUELLER),
    ("Vega, J.-P., Müller, K.-H.", VEGA_MUELLER),
    ("Kim H-S, Kim HS", [{"family": "Kim", "given": "H.-S."}, {"family": "Kim", "given": "H. S."}]),
    ("de la Cruz J-M", [{"family": "de la Cruz", "given": "J.-M."}]),
    ("Jean-Paul Vega", [{"family": "Vega", "given": "Jean-Paul"}]),
    ("Vega, Jean-Paul, and Karl-Heinz Müller",
     [{"family": "Vega", "given": "Jean-Paul"}, {"family": "Müller", "given": "Karl-Heinz"}]),
    ("Ю.-Д. Петров, И. И. Иванов",
     [{"family": "Петров", "given": "Ю.-Д."}, {"family": "Иванов", "given": "И. И."}]),
])
def test_statement_splitter_reads_hyphenated_names(statement: str, names: list[dict]) -> None:
    assert split_names(statement) == names


def test_inverted_and_initials_first_lists_keep_the_hyphen() -> None:
    assert parse_inverted_names("Vega, J.-P., & Müller, K.-H.").names == VEGA_MUELLER
    listed = parse_initials_first_names("J.-P. Vega, K.-H. Müller and J. van der Berg, et al")
    assert listed.names == [*VEGA_MUELLER, {"family": "van der Berg", "given": "J."}]
    assert listed.truncated


@pytest.mark.parametrize(("text", "grammar", "authors"), [
    ("J.-P. Vega, K.-H. Müller. A study of things. Phys Rev Lett. 2020;124:101-105.",
     "vancouver", VEGA_MUELLER),
    ("Vega J-P, Müller K-H. A study of things. Phys Rev Lett. 2020;124:101-105.",
     "vancouver", VEGA_MUELLER),
    ("Vega J.-P., Müller K.-H. A study of things. Phys Rev Lett. 2020;124:101-105.",
     "vancouver", VEGA_MUELLER),
    ("Vega J. -P., Müller K. -H. A study of things. Phys Rev Lett. 2020;124:101-105.",
     "vancouver", VEGA_MUELLER),
    ("Vega J.- P., Müller K.- H. A study of things. Phys Rev Lett. 2020;124:101-105.",
     "vancouver", VEGA_MUELLER),
    ("J. -P. Vega, K. -H. Müller, et al. A study of things. Phys Rev Lett. 2020;124:101-105.",
     "vancouver", [*VEGA_MUELLER, {"literal": "others"}]),
    ("Vega, J.-P., & Müller, K.-H. (2020). A study of things. Physical Review Letters, 124, "
     "101–105.", "apa", VEGA_MUELLER),
    ("J.-P. Vega and K.-H. Müller, “A study of things,” Phys. Rev. Lett., vol. 124, "
     "pp. 101–105, 2020.", "ieee", VEGA_MUELLER),
    ("VEGA, J.-P.; MÜLLER, K.-H. A study of things. Revista, v. 1, n. 2, p. 3-4, 2020.",
     "abnt", VEGA_MUELLER),
    ("Kim H-S, Lee JH. A study of things. Phys Rev Lett. 2020;124:101-105.", "vancouver",
     [{"family": "Kim", "given": "H.-S."}, {"family": "Lee", "given": "J. H."}]),
    ("Kim HS, Lee JH. A study of things. Phys Rev Lett. 2020;124:101-105.", "vancouver",
     [{"family": "Kim", "given": "H. S."}, {"family": "Lee", "given": "J. H."}]),
    ("de la Cruz J-M, Vega J-P. A study of things. Phys Rev Lett. 2020;124:101-105.", "vancouver",
     [{"family": "de la Cruz", "given": "J.-M."}, {"family": "Vega", "given": "J.-P."}]),
])
def test_latin_references_find_hyphenated_authors(text: str, grammar: str,
                                                  authors: list[dict]) -> None:
    parsed = parse_reference(text)
    assert (parsed.grammar, parsed.item["author"], parsed.item["title"]) == (
        grammar, authors, "A study of things")


@pytest.mark.parametrize("text", [
    "Вега Ж.-П., Мюллер К.-Х. Исследование // Журнал. 2020. Т. 1, № 2. С. 3–4.",
    "Ж.-П. Вега, К.-Х. Мюллер. Исследование // Журнал. 2020. Т. 1, № 2. С. 3–4.",
    "Исследование / Ж.-П. Вега, К.-Х. Мюллер // Журнал. 2020. Т. 1, № 2. С. 3–4.",
    "Вега, Ж.-П. Исследование / Ж.-П. Вега, К.-Х. Мюллер. – Текст : непосредственный // Журнал. – "
    "2020. – Т. 1, № 2. – С. 3–4.",
])
def test_gost_references_find_hyphenated_authors(text: str) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "gost"
    assert {k: parsed.item.get(k) for k in ("author", "title", "container-title", "volume",
                                              "issue", "page")} == {
        "author": VEGA_MUELLER_RU, "title": "Исследование", "container-title": "Журнал",
        "volume": "1", "issue": "2", "page": "3-4"}


def test_gost_initials_first_heading_with_et_al_and_two_letter_initials() -> None:
    parsed = parse_reference("Ю.-Д. Петров, И. И. Иванов [и др.] Исследование // Журнал. 2020. "
                             "Т. 1, № 2. С. 3–4.")
    assert parsed.item["author"] == [{"family": "Петров", "given": "Ю.-Д."},
                                     {"family": "Иванов", "given": "И. И."},
                                     {"literal": "others"}]
    assert parsed.truncated_authors and parsed.item["title"] == "Исследование"


def test_a_name_before_a_gost_title_with_its_own_authors_stays_in_the_title() -> None:
    parsed = parse_reference("А. С. Пушкин. Очерк / И. И. Иванов // Журнал. 2020. Т. 1, № 2. "
                             "С. 3–4.")
    assert parsed.item["author"] == [{"family": "Иванов", "given": "И. И."}]
    assert parsed.item["title"] == "А. С. Пушкин. Очерк"


def test_full_hyphenated_given_names_first_are_weighed_against_the_tagger() -> None:
    """The grammar does not read "Jean-Paul Vega" as a name (it may be a title), but no longer
    keeps the whole head as the title unchallenged: the tagger's reading wins."""
    parsed = parse_reference("Jean-Paul Vega, Karl-Heinz Müller. A study of things. "
                             "Phys Rev Lett. 2020;124:101-105.")
    assert parsed.item["author"] == [{"family": "Vega", "given": "Jean-Paul"},
                                     {"family": "Müller", "given": "Karl-Heinz"}]
    assert parsed.item["title"] == "A study of things"


def test_dev_gold_mapping_reads_hyphenated_initials() -> None:
    """The anystyle tags → CSL mapping (dev gold) shares the name splitter: "Z.-F. Bi" is not
    family "F. Bi"."""
    item = item_from_segments([("author", "Z.-F. Bi, K.-M. Wang, and S. G. Johnson,"),
                               ("title", "“A study of things,”"), ("journal", "Opt. Express"),
                               ("volume", "20,"), ("pages", "7526–7543"), ("date", "(2012).")])
    assert item["author"] == [{"family": "Bi", "given": "Z.-F."},
                              {"family": "Wang", "given": "K.-M."},
                              {"family": "Johnson", "given": "S. G."}]


@pytest.mark.parametrize(("style", "expected"), [
    ("vancouver", "1. Vega JP, Müller KH. A study of things. Phys Rev Lett. 2020;124:101-5.\n"),
    ("gost-r-7.0.5-2008", "1. Vega J.-P., Müller K.-H. A study of things // Phys Rev Lett. 2020. "
                          "Vol.\xa0124. P.\xa0101–105.\n"),
])
def test_parsed_hyphenated_initials_render_per_standard(style: str, expected: str) -> None:
    item = parse_reference("Vega J-P, Müller K-H. A study of things. Phys Rev Lett. "
                           "2020;124:101-105.").item | {"id": "vega2020"}
    assert format_bibliography([item], style=style) == (expected, [])


def test_parsed_cyrillic_hyphenated_initials_render_per_gost_2018() -> None:
    item = parse_reference("Вега Ж.-П., Мюллер К.-Х. Исследование // Журнал. 2020. Т. 1, № 2. "
                           "С. 3–4.").item | {"id": "vega2020"}
    assert format_bibliography([item], style="gost-r-7.0.100-2018")[0] == (
        "1. Вега, Ж.-П. Исследование / Ж.-П. Вега, К.-Х. Мюллер. – Текст : непосредственный // "
        "Журнал. – 2020. – Т.\xa01, №\xa02. – С.\xa03–4.\n")
