"""A page that prints "Список литературы" and "References": `format --translit` takes the
English titles from the second list, `check` reports the entries that do not correspond
(CF600–CF603), and `check --fix --translit` writes the References block anew (one byte-range
edit). Expected lines: the worked example of ../shared/rules/styles-rules.md §4 and the BSI
table the journals publish (see test_schemes.py), applied by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO
from test_cli import run

from citefmt.checks import check_text, fix_document
from citefmt.checks.references_list import regenerate
from citefmt.config import Settings
from citefmt.edits import apply_edits

FIXTURES = REPO / "tests" / "fixtures" / "translit"
PAGE = (FIXTURES / "page_both_lists.txt").read_text("utf-8")
REFERENCES = PAGE.split("References\n")[1].splitlines()
EFIMOVA = REFERENCES[0][3:]
KORNILOV = ("Kornilov VI. Turbulentnyi pogranichnyi sloi na tele vrashcheniya pri periodicheskom "
            "vduve/otsose [Turbulent boundary layer on a body of revolution with periodic "
            "blowing/suction]. Thermophysics and Aeromechanics. 2006;13(3):369-85. (In Russ.)")

#: the page as --fix writes it: unchanged (entry 3 gives an official English title alone, which
#: a rewritten entry keeps — styles-rules.md §4)
FIXED = PAGE


def codes(text: str) -> list[tuple[int | None, str, str]]:
    found = check_text(text, Settings(), source="page.txt")
    return [(d.line, d.code, d.message) for d in found if d.code.startswith("CF6")]


def test_format_translit_takes_english_titles_from_the_second_list(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run("format", str(page), "--translit")
    assert code == 0
    # entry 1: the bracketed English title; entry 2: an English source as the second list
    # gives it; entry 3: an official English title alone with the journal's English name —
    # "cite that instead and keep (In Russ.)" (styles-rules.md §4). The page's own lines.
    assert out.splitlines() == REFERENCES


def test_a_page_whose_lists_correspond_has_no_finding() -> None:
    assert codes(PAGE) == []


def test_an_entry_that_does_not_correspond_is_reported_with_both_lines() -> None:
    text = PAGE.replace("2007;(1):80-6", "2008;(1):80-6")
    [(line, code, message)] = codes(text)
    assert (line, code) == (8, "CF601")
    assert "year 2007 ≠ 2008" in message
    assert "«Ефимова Т. Н., Кусакин А. В. Охрана" in message and "(line 4)" in message
    assert "«Efimova TN, Kusakin AV. Okhrana" in message


def test_pages_and_volume_compare_as_numbers_not_as_written() -> None:
    # "80–86" in the original and "80-6" in References are the same range
    assert codes(PAGE.replace("13(3):369-85", "13(3):369-95")) == [
        (10, "CF601", codes(PAGE.replace("13(3):369-85", "13(3):369-95"))[0][2])]
    assert "pages 369-385 ≠ 369-395" in codes(PAGE.replace("13(3):369-85", "13(3):369-95"))[0][2]


def test_a_missing_entry_is_reported_once_naming_it() -> None:
    text = PAGE.replace(REFERENCES[2] + "\n", "")
    [(line, code, message)] = codes(text)
    assert (line, code) == (7, "CF600")
    assert "3 entries, References 2" in message and "original entry at line 6" in message


def test_cyrillic_left_in_references_and_a_missing_language_note() -> None:
    text = PAGE.replace("Problemy regional'noi ekologii", "Проблемы региональной экологии")
    text = text.replace("369-85. (In Russ.)", "369-85.")
    found = codes(text)
    assert [(line, code) for line, code, _ in found] == [(8, "CF602"), (10, "CF603")]


def test_fix_regenerates_the_references_block_from_the_original_list() -> None:
    broken = PAGE.replace(REFERENCES[2], "3. Kornilov V.I. Turbulentnyy pogranichnyy sloy "
                          "[Turbulent boundary layer on a body of revolution with periodic "
                          "blowing/suction]. Thermophysics and Aeromechanics. 2006;13(3):369-85.")
    fixed = fix_document(broken, Settings(translit="bsi"), source="page.txt")[0]
    assert fixed.split("References\n")[0] == broken.split("References\n")[0]
    assert fixed.split("References\n")[1].splitlines() == [
        f"1. {EFIMOVA}",
        REFERENCES[1],  # an English source: References give it as it is
        f"3. {KORNILOV}",
    ]
    assert fix_document(fixed, Settings(translit="bsi"), source="page.txt")[0] == fixed


def test_without_a_scheme_fix_leaves_the_references_list_alone() -> None:
    broken = PAGE.replace("(In Russ.)", "")
    assert fix_document(broken, Settings(), source="page.txt")[0] == broken


def test_regenerate_is_one_edit_of_the_text() -> None:
    broken = PAGE.replace("Marii El [", "Mariy El [")
    edit = regenerate(broken, "bsi")
    assert edit is not None
    assert broken[:edit.start].endswith("References\n")
    assert edit.end == len(broken.rstrip("\n"))
    assert apply_edits(broken, [edit]) == FIXED
    assert regenerate(FIXED, "bsi") is None


def test_a_missing_entry_is_written() -> None:
    fixed = fix_document(PAGE.replace(REFERENCES[2] + "\n", ""), Settings(translit="bsi"))[0]
    # no References entry to take an English title or journal name from
    assert fixed == PAGE.replace(REFERENCES[2], (
        "3. Kornilov VI. Turbulentnyi pogranichnyi sloi na tele vrashcheniya pri periodicheskom "
        "vduve/otsose. Teplofizika i aeromekhanika. 2006;13(3):369-85. (In Russ.)"))


def test_an_entry_that_does_not_correspond_keeps_its_text_under_fix() -> None:
    broken = PAGE.replace("2007;(1):80-6", "2008;(1):80-6").replace(
        "Marii El [", "Mariy El [")
    fixed = fix_document(broken, Settings(translit="bsi"), source="page.txt")[0]
    assert "Mariy El [" in fixed  # CF601 names it; the author decides which side is wrong


def test_check_fix_translit_on_the_command_line_and_from_the_config(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("Marii El [", "Mariy El ["), encoding="utf-8")
    code, _, _ = run("check", str(page), "--fix", "--isolated", "--translit", "bsi",
                     "--ignore", "CF101")
    assert code == 1  # rewritten
    assert page.read_text("utf-8") == FIXED
    # `translit = "bgn"` in the config: й → y
    (tmp_path / ".citefmt.toml").write_text('translit = "bgn"\nignore = ["CF101"]\n', "utf-8")
    code, _, _ = run("check", str(page), "--fix")
    assert "Marii El [" not in page.read_text("utf-8")
    assert "Respublike Mariy El [Protection" in page.read_text("utf-8")


def test_format_translit_reads_the_scheme_from_the_config(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".citefmt.toml").write_text('translit = "bgn"\n', "utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("format", "page.txt", "--translit")
    assert code == 0 and "Respublike Mariy El" in out
    code, out, _ = run("format", "page.txt", "--translit", "bsi")
    assert "Respublike Marii El" in out


def test_format_translit_on_jats_trans_title_and_trans_source() -> None:
    code, out, _ = run("format", str(FIXTURES / "jats_trans_title.xml"), "--translit")
    assert code == 0
    assert out.splitlines() == [
        f"1. {EFIMOVA}",
        "2. Kornilov VI. Turbulentnyi pogranichnyi sloi na tele vrashcheniya pri periodicheskom "
        "vduve/otsose. Thermophysics and Aeromechanics. 2006;13(3):369-85. (In Russ.)",
    ]


def test_format_translit_refuses_an_unknown_scheme_in_one_line(tmp_path: Path) -> None:
    code, _, err = run("format", str(FIXTURES / "jats_trans_title.xml"), "--translit", "xx")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "unknown transliteration scheme 'xx'" in err


def test_one_command_turns_a_gost_list_into_the_references_list() -> None:
    code, out, _ = run("format", str(FIXTURES / "gost_list.txt"), "--translit")
    assert code == 0
    assert out.splitlines() == [
        # styles-rules.md §4 (no English title in a GOST list: just the transliteration)
        "1. Efimova TN, Kusakin AV. Okhrana i ratsional'noe ispol'zovanie bolot v Respublike "
        "Marii El. Problemy regional'noi ekologii. 2007;(1):80-6. (In Russ.)",
        "2. Kornilov VI. Turbulentnyi pogranichnyi sloi na tele vrashcheniya pri periodicheskom "
        "vduve/otsose. Teplofizika i aeromekhanika. 2006;13(3):369-85. (In Russ.)",
        # an English source stays as it is (Vancouver, with the journal name the data gives)
        "3. Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected "
        "patients. New England Journal of Medicine. 2002;347(4):284-7.",
        # Vancouver book (styles-rules.md §3) with the place in English (§4)
        "4. Vorontsov GL, Shamsutdinova RKh, Fedorov EK. Ranevoi protsess i rubtsevanie: "
        "uchebnoe posobie. 3rd ed. St. Petersburg: SpetsLit; 2019. 288 p. (In Russ.)",
    ]


def test_an_entry_missing_in_the_middle_leaves_the_later_pairs_in_step() -> None:
    text = PAGE.replace(REFERENCES[1] + "\n", "")
    [(line, code, message)] = codes(text)
    assert (line, code) == (7, "CF600")
    assert "original entry at line 5 has no counterpart" in message


def test_a_references_entry_without_an_original_stops_the_rewrite() -> None:
    extra = "4. Smith J. An entry only References has. Nature. 2020;1(1):1-2."
    text = PAGE.replace("Marii El [", "Mariy El [") + extra + "\n"
    assert "References entry at line 11 has no counterpart" in codes(text)[0][2]
    assert regenerate(text, "bsi") is None


def test_styles_translit_lists_the_schemes() -> None:
    code, out, _ = run("styles", "--translit")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "bsi\t(default)"
    names = {line.split("\t")[0] for line in lines}
    assert {"bgn", "bgn_pcgn", "ala_lc_alt", "uk_kmu_2010"} <= names


def test_jats_citation_alternatives_pair_by_ref_id() -> None:
    # only <ref id="cit1"> has an English citation; the others must not be paired with it
    jats = REPO / "tests" / "fixtures" / "formats" / "jats" / "article_ru_alternatives.xml"
    code, out, _ = run("format", str(jats), "--translit", "-q")
    assert code == 0
    lines = out.splitlines()
    # the fixture's own English citation: "Ivanov II, Petrova AS. Exosomes in wound healing.
    # Khirurgiia. 2019;96(3):121-128. (In Russ.) https://doi.org/10.17116/…". Differences, each
    # a documented choice: "Khirurgiya" (BSI; the fixture writes LC), "121-8" and "doi: …"
    # (the Vancouver layout of styles-rules.md §3)
    assert lines[0] == ("1. Ivanov II, Petrova AS. Exosomes in wound healing. Khirurgiya. "
                        "2019;96(3):121-8. (In Russ.) doi: 10.17116/hirurgia2019031121.")
    assert lines[1].startswith("2. Moretti L, Stalfort J, Barker T")
    assert "Exosomes" not in lines[3]


def test_volume_and_issue_the_other_way_round_still_correspond() -> None:
    """A References entry of Izvestiya vuzov. Yadernaya Energetika (2023/03/06, entry 3 of
    nuclear-power-engineering/nuclear-power-engineering) writes "Т. 31, № 4" as "2022, no. 31
    (4)", read as issue 31 of volume 4: the pair still corresponds."""
    from citefmt.pairing import compare

    original = {"volume": "31", "issue": "4", "page": "34-52",
                "issued": {"date-parts": [[2022]]}}
    swapped = {"volume": "4", "issue": "31", "page": "34-52",
               "issued": {"date-parts": [[2022]]}}
    assert compare(original, swapped) == []
    other = dict(swapped, volume="5")
    assert [m.field for m in compare(original, other)] == ["volume", "issue"]


def test_a_language_note_fragment_is_not_an_official_journal_name() -> None:
    """A misread References entry ("… 2022, no. 3(169), pp. 76-85 (in Russian).", 2023/04/07
    entry 15 of the same repository) left "Russian)" where the journal's name goes: it is not
    taken for the journal's official English name."""
    from citefmt.pairing import with_english

    original = {"id": "a", "type": "article-journal", "language": "ru",
                "title": "Проектирование универсального комплекса",
                "container-title": "Энергетическая политика"}
    misread = {"id": "b", "type": "article-journal", "title": "Proektirovanie",
               "container-title": "Russian)"}
    item, _ = with_english(original, misread, "bgn")
    assert "container-title" not in item.get("multi", {}).get("_keys", {})
    official = dict(misread, **{"container-title": "Energy Policy"})
    item, _ = with_english(original, official, "bgn")
    assert item["multi"]["_keys"]["container-title"] == {"en": "Energy Policy"}


def test_an_official_name_made_of_cognates_is_not_a_transliteration() -> None:
    """The References entries of Izvestiya vuzov. Yadernaya Energetika give «Радиация и риск» its
    official English name, "Radiation and Risk" (2023/03/06 entry 3 of
    nuclear-power-engineering/nuclear-power-engineering): letters alike, words not."""
    from citefmt.pairing import with_english

    original = {"id": "a", "type": "article-journal", "language": "ru",
                "title": "Оценки неопределенностей доз", "container-title": "Радиация и риск"}
    english = {"id": "b", "type": "article-journal", "title": "Estimating uncertainties",
               "container-title": "Radiation and Risk"}
    item, _ = with_english(original, english, "bgn")
    assert item["multi"]["_keys"]["container-title"] == {"en": "Radiation and Risk"}
    # the journal's own transliteration is still one: the transliteration is kept
    own = dict(english, **{"container-title": "Radiatsiia i risk"})
    item, _ = with_english(original, own, "bgn")
    assert "container-title" not in item["multi"]["_keys"]
