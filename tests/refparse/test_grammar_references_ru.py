"""The Latin-script References layout of Russian journals (refparse/references_ru.py) and the
GOST issue designation with its running number (refparse/gost.py), issue 14.

Expected fields come from the examples of the rules, not from citefmt's output: the journal
article example of the Romanization guide of «Известия вузов. Ядерная энергетика»
(content_en/latin-guide.md of nuclear-power-engineering/nuclear-power-engineering, MIT), the
article of ../shared/rules/styles-rules.md §1/§4 (Ефимова, Кусакин … Проблемы региональной
экологии. 2007. № 1. С. 80–86) written in that layout, and strings written for each rule of the
layout (locators "2019, vol. 12, no. 1 (124), pp. 81-91", the language note, "EDN", "Available
at: … (accessed …)", a journal printed with its series).
"""

from __future__ import annotations

from citefmt.pairing import compare
from citefmt.refparse import parse_reference, references_ru


def _read(text: str) -> dict:
    parsed = parse_reference(text)
    assert parsed.grammar == "references-ru", (parsed.grammar, parsed.item)
    return parsed.item


def test_the_journal_guides_article_example() -> None:
    item = _read("Kascheev M.V. Modelirovanie stratifikacii komponent koriuma pri tyazheloj "
                 "avarii [Modeling of stratification of corium components in a severe accident]. "
                 "Izvestiya vuzov. Yadernaya Energetika. 2002, no. 3, pp. 3–13.")
    assert item["author"] == [{"family": "Kascheev", "given": "M. V."}]
    # the bracketed English translation closes the title; the journal's name has its own ". "
    assert item["title"] == ("Modelirovanie stratifikacii komponent koriuma pri tyazheloj avarii "
                             "[Modeling of stratification of corium components in a severe "
                             "accident]")
    assert item["container-title"] == "Izvestiya vuzov. Yadernaya Energetika"
    assert item["issued"] == {"date-parts": [[2002]]}
    assert (item["issue"], item["page"]) == ("3", "3-13")
    assert item["type"] == "article-journal"


def test_the_rules_article_in_the_layout_with_its_language_note() -> None:
    item = _read("Efimova T.N., Kusakin A.V. Okhrana i ratsional'noe ispol'zovanie bolot v "
                 "Respublike Marii El [Protection and rational use of bogs in the Republic of "
                 "Mari El]. Problemy regional'noi ekologii, 2007, no. 1, pp. 80-86. (In Russ.)")
    assert [n["family"] for n in item["author"]] == ["Efimova", "Kusakin"]
    assert item["container-title"] == "Problemy regional'noi ekologii"
    assert (item["issue"], item["page"]) == ("1", "80-86")
    assert item["note"] == "(In Russ.)"  # kept as printed, as citefmt.translit writes it


def test_volume_issue_with_running_number_doi_and_note() -> None:
    item = _read("Ivanov I.I., Petrova A.Yu. Verification of a Method. Trudy NGTU im. R.E. "
                 "Alekseeva, 2019, vol. 12, no. 1 (124), pp. 81-91; "
                 "DOI: 10.46960/1816-210X_2019_1_81 (in Russian).")
    assert item["title"] == "Verification of a Method"
    # "im." does not end the journal's name
    assert item["container-title"] == "Trudy NGTU im. R.E. Alekseeva"
    assert (item["volume"], item["issue"], item["page"]) == ("12", "1 (124)", "81-91")
    assert item["DOI"].lower() == "10.46960/1816-210x_2019_1_81"
    assert item["note"] == "(in Russian)"


def test_series_edn_url_and_access_date() -> None:
    item = _read("Sidorov P.P. Status of Nuclear Data Libraries. VANT. Ser. Yaderno-Reaktornye "
                 "Konstanty. 2022, no. 3, pp. 19-26; EDN LEWHAI. Available at: "
                 "https://www.elibrary.ru/item.asp?id=49499731 (accessed Nov. 21, 2022) "
                 "(in Russian).")
    assert item["title"] == "Status of Nuclear Data Libraries"
    assert item["container-title"] == "VANT. Ser. Yaderno-Reaktornye Konstanty"
    assert item["page"] == "19-26"
    assert item["URL"] == "https://www.elibrary.ru/item.asp?id=49499731"
    assert item["accessed"] == {"date-parts": [[2022, 11, 21]]}
    assert item["note"] == "EDN LEWHAI (in Russian)"


def test_a_title_with_sentences_and_a_journal_printed_with_seriya() -> None:
    item = _read("Petrov A.A. The system of group constants. Part 1. Nuclear constants for "
                 "calculating radiation fields. Voprosy atomnoy nauki i tekhniki. Seriya: "
                 "Yadernye konstanty. 1996, no. 1, pp. 59-98 (in Russian).")
    assert item["title"] == ("The system of group constants. Part 1. Nuclear constants for "
                             "calculating radiation fields")
    assert item["container-title"] == "Voprosy atomnoy nauki i tekhniki. Seriya: Yadernye konstanty"


def test_titles_opening_with_short_words_and_ending_with_abbreviations() -> None:
    item = _read("Galkin V.S., Kogan M.N. On Some Kinetic Effects. Izvestiya AN SSSR. MZhG. "
                 "1970, no. 3, pp. 13-21 (in Russian).")
    assert [n["family"] for n in item["author"]] == ["Galkin", "Kogan"]
    assert item["title"] == "On Some Kinetic Effects"
    assert item["container-title"] == "Izvestiya AN SSSR. MZhG"
    item = _read("Sidorova E.E. Occupational Exposure at the Beloyarsk NPP. ANRI. 2021, "
                 "v. 110, iss. 6, pp. 16-26 (in Russian).")
    assert item["title"] == "Occupational Exposure at the Beloyarsk NPP"
    assert (item["container-title"], item["volume"], item["issue"]) == ("ANRI", "110", "6")


def test_names_as_these_lists_type_them() -> None:
    item = _read("Golcev A.O, Yu.V. Konobeev, Kashcheev V. A., Shadrin A.Yu., et al. Fuel Tests. "
                 "Atomnaya Energiya. 2011, v. 110, no. 6, pp. 332-345 (in Russian).")
    assert item["author"][:4] == [{"family": "Golcev", "given": "A. O."},
                                  {"family": "Konobeev", "given": "Yu. V."},
                                  {"family": "Kashcheev", "given": "V. A."},
                                  {"family": "Shadrin", "given": "A. Yu."}]
    assert parse_reference("Shadrin A.Yu., et al. Fuel Tests. Atomnaya Energiya. 2011, v. 110, "
                           "no. 6, pp. 332-345.").truncated_authors


def test_other_layouts_are_not_this_grammars() -> None:
    # GOST's "//" and a Chicago entry whose names are not "Family I.O."
    assert references_ru.parse("Ivanov I.I. Title // Journal. 2019, vol. 1, no. 2, "
                               "pp. 3-4.") is None
    assert references_ru.parse('Cortell Andrew P., Davis James W., "How do International '
                               'Institutions Matter?", International Studies Quarterly, 1996, '
                               "vol. 40, n° 4, pp. 451-478.") is None
    # no locator area opening with the year: a book of the same list
    assert references_ru.parse("Subbotin V.I. Teploobmen [Boiling heat transfer]. Moscow, "
                               "Nauka Publ., 1969. 287 p.") is None


def test_gost_issue_keeps_its_running_number() -> None:
    # GOST R 7.0.5-2008 prints the issue's running (whole) number in parentheses after it
    item = parse_reference("Иванов И. И. Заглавие статьи // АНРИ. 2018. № 4 (95). "
                           "С. 15–23.").item
    assert (item["issue"], item["page"]) == ("4 (95)", "15-23")
    assert "volume" not in item
    item = parse_reference("Петров П. П. Заглавие // Технологический аудит. 2015. Т. 2, "
                           "№ 1(22). С. 18–26.").item
    assert (item["volume"], item["issue"]) == ("2", "1(22)")


def test_gost_spelled_volume_series_edn_and_access_date() -> None:
    parsed = parse_reference(
        "Мантуров Г.Н. Состояние разработки // ВАНТ. Серия: Ядерно-реакторные константы. "
        "– 2010. – Том 1. – № 3. – С. 19-26. – EDN LEWHAI. Электронный ресурс: "
        "https://www.elibrary.ru/item.asp?id=49499731 (дата доступа 21.11.2022).")
    item = parsed.item
    assert parsed.grammar == "gost"
    assert item["container-title"] == "ВАНТ. Серия: Ядерно-реакторные константы"
    assert (item["volume"], item["issue"], item["page"]) == ("1", "3", "19-26")
    assert item["note"] == "EDN LEWHAI"
    assert item["accessed"] == {"date-parts": [[2022, 11, 21]]}


def test_pairing_reads_one_designation_as_volume_and_issue() -> None:
    original = {"volume": "31", "issue": "4", "page": "34-52"}
    assert compare(original, {"issue": "31 (4)", "page": "34-52"}) == []
    assert compare({"volume": "3", "issue": "95"}, {"volume": "3 (95)"}) == []
    assert compare({"volume": "3", "issue": "3"}, {"issue": "3 (3)"}) == []
    assert compare({"issue": "4 (95)"}, {"issue": "4 (95)"}) == []
    assert [m.field for m in compare(original, {"issue": "30 (4)"})] == ["issue"]


def test_the_journal_guides_conference_example() -> None:
    item = _read("Gusmanov A.A., Mullagalin I.Z., Svetin M.R. Osobennosti proektirovaniya "
                 "razrabotki mestorozhdenij s primeneniem gidrorazryva pasta [Features of the "
                 "design of field development with the use of hydraulic fracturing]. Trudy 6 "
                 "Mezhdunarodnogo Simpoziuma «Novye resursosberegayuschie tekhnologii "
                 "nedropol’zovaniya i povysheniya neftegazootdachi» [Proc. 6th Int. Symp. «New "
                 "energy saving subsoil technologies and the increasing of the oil and gas "
                 "impact»]. Moscow, 2007, pp. 267–272.")
    assert item["type"] == "paper-conference"
    assert item["container-title"].startswith("Trudy 6 Mezhdunarodnogo Simpoziuma")
    assert item["container-title"].endswith("oil and gas impact»]")
    assert (item["publisher-place"], item["page"]) == ("Moscow", "267-272")
    # a journal whose name ends with a person's name is not a place: ". 2014" after it
    item = _read("Koshcheev V.N. Group Constants. Trudy NGTU im. R.E. Alekseeva. 2014, "
                 "pp. 93-101.")
    assert (item["type"], item["container-title"]) == ("article-journal",
                                                       "Trudy NGTU im. R.E. Alekseeva")


def test_semicolons_between_names_a_doubled_period_and_a_collection() -> None:
    item = _read("Belov I.A.; Grol' A.V.; Smirnov A.Yu., Ivanova M.E.. Radiolysis of Uranium "
                 "Hexafluoride. Bulatov Readings. Collection of Articles. 2019; v. 12, iss. 2, "
                 "pp. 23-27 (in Russian).")
    assert [(n["family"], n["given"]) for n in item["author"]] == [
        ("Belov", "I. A."), ("Grol'", "A. V."), ("Smirnov", "A. Yu."), ("Ivanova", "M. E.")]
    assert item["title"] == "Radiolysis of Uranium Hexafluoride"
    # a part naming the kind of the host belongs to the host
    assert item["container-title"] == "Bulatov Readings. Collection of Articles"
    assert (item["volume"], item["issue"], item["page"]) == ("12", "2", "23-27")
