"""The References list as an item transform before the engine, rendered with the bundled
`vancouver-references-en` style. Expected strings come from ../shared/rules/styles-rules.md §4
(the worked example) and the rules stated there; none from citefmt's own output."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import REPO, csl_person

from citefmt.api import format_bibliography
from citefmt.translit import REFERENCES_STYLE, cyrillic_language, references_item, references_items

#: styles-rules.md §4, the Russian-language source of the worked example
EFIMOVA_REFERENCES = (
    "Efimova TN, Kusakin AV. Okhrana i ratsional'noe ispol'zovanie bolot v Respublike Marii El "
    "[Protection and rational use of bogs in the Republic of Mari El]. Problemy regional'noi "
    "ekologii. 2007;(1):80-6. (In Russ.)")

EFIMOVA = {
    "id": "efimova", "type": "article-journal", "language": "ru",
    "author": [csl_person("Ефимова", "Т. Н."), csl_person("Кусакин", "А. В.")],
    "title": "Охрана и рациональное использование болот в Республике Марий Эл",
    "container-title": "Проблемы региональной экологии",
    "issued": {"date-parts": [[2007]]}, "issue": "1", "page": "80-86",
    "multi": {"_keys": {"title": {
        "en": "Protection and rational use of bogs in the Republic of Mari El"}}},
}


def render(items: list[dict[str, object]]) -> list[str]:
    text, warnings = format_bibliography(references_items(items), style=REFERENCES_STYLE,
                                         numbered=False)
    assert warnings == []
    return text.splitlines()


def test_the_worked_example_of_the_rules_renders_exactly() -> None:
    assert render([EFIMOVA]) == [EFIMOVA_REFERENCES]


def test_without_an_english_title_the_entry_has_just_the_transliteration() -> None:
    item = {k: v for k, v in EFIMOVA.items() if k != "multi"}
    assert render([item]) == [EFIMOVA_REFERENCES.replace(
        " [Protection and rational use of bogs in the Republic of Mari El]", "")]


def test_the_official_english_journal_name_beats_the_transliteration() -> None:
    item = json.loads(json.dumps(EFIMOVA))
    item["multi"]["_keys"]["container-title"] = {"en": "Regional Environmental Issues"}
    assert render([item])[0].endswith(
        "[Protection and rational use of bogs in the Republic of Mari El]. "
        "Regional Environmental Issues. 2007;(1):80-6. (In Russ.)")


def test_a_transliteration_the_data_gives_beats_citefmts() -> None:
    item = json.loads(json.dumps(EFIMOVA))
    item["multi"]["_keys"]["title"]["ru-Latn"] = "Okhrana bolot"
    assert "Kusakin AV. Okhrana bolot [Protection and rational use" in render([item])[0]


def test_the_language_note_stands_before_the_doi() -> None:
    # styles-rules.md §4: "… 2023;15(4):112-21. (In Russ.) doi: …" (one of the two orders)
    item = dict(EFIMOVA, DOI="10.1234/abc")
    assert render([item])[0].endswith("2007;(1):80-6. (In Russ.) doi: 10.1234/abc.")


def test_mixed_list_english_untouched_and_each_cyrillic_language_its_note() -> None:
    english = {"id": "halpern", "type": "article-journal",
               "author": [csl_person("Halpern", "S. D."), csl_person("Ubel", "P. A."),
                          csl_person("Caplan", "A. L.")],
               "title": "Solid-organ transplantation in HIV-infected patients",
               "container-title": "N Engl J Med", "issued": {"date-parts": [[2002, 7, 25]]},
               "volume": "347", "issue": "4", "page": "284-287"}
    ukrainian = {"id": "uk", "type": "article-journal", "language": "uk",
                 "author": [csl_person("Коваленко", "Олег Юрійович")],
                 "title": "Яготинські ягоди", "container-title": "Український журнал",
                 "issued": {"date-parts": [[2020]]}, "volume": "3", "page": "5-9"}
    out = render([english, EFIMOVA, ukrainian])
    # ICMJE sample reference, unchanged (styles-rules.md §3)
    assert out[0] == ("Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in "
                      "HIV-infected patients. N Engl J Med. 2002 Jul 25;347(4):284-7.")
    assert out[1] == EFIMOVA_REFERENCES
    # KMU 2010: Яготинські → Yahotynski, Український → Ukrainskyi, Коваленко О. Ю. → OYu
    assert out[2] == "Kovalenko OYu. Yahotynski yahody. Ukrainskyi zhurnal. 2020;3:5-9. (In Ukr.)"
    assert references_item(english) is english


def test_names_written_in_latin_script_are_never_transliterated() -> None:
    item = dict(EFIMOVA, author=[csl_person("Ефимова", "Т. Н."), csl_person("Smith", "John")])
    assert render([item])[0].startswith("Efimova TN, Smith J. Okhrana")


def test_initials_keep_two_letters_and_full_given_names_become_initials() -> None:
    # styles-rules.md §4: "Yu", "Kh", "Zh", "Ya" are kept as two letters ("Alekseeva YuI")
    item = dict(EFIMOVA, author=[csl_person("Алексеева", "Юлия Игоревна"),
                                 csl_person("Жуков", "Х. Я.")])
    assert render([item])[0].startswith("Alekseeva YuI, Zhukov KhYa. Okhrana")


def test_the_language_of_an_item_without_a_language_field() -> None:
    assert cyrillic_language({"title": "Охрана болот"}) == "ru"
    assert cyrillic_language({"title": "Їжакевич і ґанок"}) == "uk"
    assert cyrillic_language({"title": "Беларуская мова ў школе"}) == "be"
    assert cyrillic_language({"title": "Қазақ тілі"}) == "kk"
    assert cyrillic_language({"title": "Solid-organ transplantation"}) is None
    assert cyrillic_language({"title": "Книга", "language": "bg"}) == "bg"
    assert cyrillic_language({"title": "Охрана", "language": "en"}) is None


def test_books_and_theses_take_english_places_and_a_bracketed_genre() -> None:
    book = {"id": "b", "type": "book", "language": "ru",
            "author": [csl_person("Воронцов", "Г. Л.")], "title": "Раневой процесс",
            "publisher": "СпецЛит", "publisher-place": "СПб.",
            "issued": {"date-parts": [[2019]]}, "number-of-pages": "288"}
    thesis = {"id": "t", "type": "thesis", "language": "ru",
              "author": [csl_person("Глухов", "В. А.")], "title": "Исследования в библиотеке",
              "genre": "автореф. дис. … канд. техн. наук", "publisher-place": "Новосибирск",
              "issued": {"date-parts": [[2000]]}, "number-of-pages": "18"}
    out = render([book, thesis])
    # "Place names are given in English ("Moscow", "St. Petersburg"). Publishers are
    # transliterated"; Vancouver book and thesis forms (styles-rules.md §3, §4)
    assert out[0] == ("Vorontsov GL. Ranevoi protsess. St. Petersburg: SpetsLit; 2019. 288 p. "
                      "(In Russ.)")
    assert out[1] == ("Glukhov VA. Issledovaniya v biblioteke [dissertation abstract]. "
                      "Novosibirsk; 2000. 18 p. (In Russ.)")


def test_the_transform_does_not_change_its_input() -> None:
    before = json.dumps(EFIMOVA, sort_keys=True)
    references_item(EFIMOVA)
    assert json.dumps(EFIMOVA, sort_keys=True) == before


def test_the_bundled_style_renders_other_items_as_vancouver_does() -> None:
    items = json.loads((REPO / "examples" / "seed-references.json").read_text("utf-8"))
    english = [i for i in items if cyrillic_language(i) is None][:20]
    ours, _ = format_bibliography(english, style=REFERENCES_STYLE)
    theirs, _ = format_bibliography(english, style="vancouver")
    assert ours == theirs


def test_the_style_file_is_bundled() -> None:
    assert (REPO / "styles" / f"{REFERENCES_STYLE}.csl").is_file()
    assert Path(REPO / "styles" / "README.md").read_text("utf-8").count(REFERENCES_STYLE)


def test_belarusian_bulgarian_kazakh_sources_get_their_scheme_and_note() -> None:
    def one(language: str, family: str, title: str) -> str:
        item = {"id": language, "type": "article-journal", "language": language,
                "author": [csl_person(family, "А.")], "title": title,
                "issued": {"date-parts": [[2020]]}}
        return render([item])[0]

    # BGN/PCGN Belarusian: г → h, ў → w, е → ye at the start of a word, ё → yo after a vowel
    assert one("be", "Гаўрыленка", "Ельскі раён") == \
        "Hawrylenka A. Yel'ski rayon. 2020. (In Belarus.)"
    # Streamlined Bulgarian: ъ → a, щ → sht, final -ия → -ia
    assert one("bg", "Щерев", "Българска история") == \
        "Shterev A. Balgarska istoria. 2020. (In Bulg.)"
    # Kazakh letters: қ → q, ғ → gh, ә → a
    assert one("kk", "Әбдіғалиев", "Қазақ тілі") == "Abdighaliev A. Qazaq tili. 2020. (In Kazakh)"


def test_a_note_of_an_english_item_is_not_printed_as_a_language_note() -> None:
    item = {"id": "x", "type": "article-journal", "author": [csl_person("Roman", "J.")],
            "title": "Fibroblasts", "container-title": "Biomolecules",
            "issued": {"date-parts": [[2023]]}, "volume": "13", "page": "945",
            "note": "PMID: 37371525"}
    assert render([item]) == ["Roman J. Fibroblasts. Biomolecules. 2023;13:945."]
    assert item["note"] == "PMID: 37371525"


def test_the_harvard_springer_layout_some_journals_ask_for() -> None:
    # the structure solovyov-studies.ispu.ru and journals.tsutmb.ru prescribe ("authors, title
    # [translation], journal, year, vol., no., pp.", no "//" or "–"), "Publ." after a
    # transliterated publisher (styles-rules.md §4, Scopus-style lists), places in English
    book = {"id": "b", "type": "book", "language": "ru",
            "author": [csl_person("Воронцов", "Г. Л.")], "title": "Раневой процесс",
            "publisher": "СпецЛит", "publisher-place": "СПб.",
            "issued": {"date-parts": [[2019]]}, "number-of-pages": "288"}
    text, _ = format_bibliography(references_items([EFIMOVA, book]),
                                  style="harvard-references-en", numbered=False)
    assert text.splitlines() == [
        "Efimova T.N., Kusakin A.V. Okhrana i ratsional'noe ispol'zovanie bolot v Respublike "
        "Marii El [Protection and rational use of bogs in the Republic of Mari El]. Problemy "
        "regional'noi ekologii, 2007, no. 1, pp. 80–86. (In Russ.)",
        "Vorontsov G.L. Ranevoi protsess. St. Petersburg, SpetsLit Publ., 2019. 288 p. (In Russ.)",
    ]
