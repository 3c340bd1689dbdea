"""The oracle bench's documented rules (bench/gost_oracle.py) only absorb the disagreement
they name — no TeX needed: the rules are plain functions over the two entry texts."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from helpers import REPO

_SPEC = importlib.util.spec_from_file_location("gost_oracle", REPO / "bench" / "gost_oracle.py")
assert _SPEC is not None and _SPEC.loader is not None
oracle = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("gost_oracle", oracle)  # dataclasses look their module up there
_SPEC.loader.exec_module(oracle)


@pytest.mark.parametrize("ours, theirs, language, expected", [
    ("Б. // Сб. М. : Медиум, 1996. С. 15–65.", "Б. // Сб. М. : Медиум, 1996. С. 15—65. "
     "ISBN 5-85691-049-4.", "ru", ("choice-open", "range-dash+isbn")),
    ("U. T. Title. 2001. URL: http://x.org/ (дата обращения: 27.07.2012).",
     "U. T . Title. 2001. URL: http://x.org/ (visited on 07/27/2012).", "en",
     ("oracle-wrong", "visited-on")),
    ("Cléro J.-P. Le vocabulaire. P. : Ellipses, 2006. 96 p.",
     "Cléro J.-P . Le vocabulaire. P . : Ellipses, 2006. 96 с.", "fr",
     ("oracle-wrong", "foreign-source-terms")),
    ("Гиппиус З. Н. Сочинения : в 2 т. Т. 1 : Стихотворения. М., 2001.",
     "Гиппиус З. Н. Сочинения. В 2 т. Т. 1. Стихотворения. М., 2001.", "ru",
     ("choice-open", "multi-volume")),
    ("A. Title // J. 1968. Vol. 65, No. 7. P. 1–2.",
     "A. Title // J. 1968. Apr. 4. Vol. 65, no. 7. P . 1–2.", "en",
     ("choice-open", "issue-date-of-a-journal+number-label-case")),
    ("Кассен Б. Эффект. М. ; СПб. : Университетская книга, 2000.",
     "Кассен Б. Эффект. М.; СПб. : Университетская книга, 2000.", "ru",
     ("oracle-wrong", "place-separator")),
])
def test_documented_rules_absorb_their_disagreement(ours, theirs, language, expected):
    assert oracle.classify(ours, theirs, language) == expected


def test_a_real_difference_stays_a_difference():
    kind, cause = oracle.classify("Семиотика / под ред. Ю. С. Степанова. М., 1983.",
                                  "Семиотика / сост. Ю. С. Степанова. М., 1983.")
    assert (kind, cause) == ("different", "roles after '/'")


def test_foreign_terms_rule_is_not_applied_to_russian_sources():
    kind, _ = oracle.classify("Т. Title. 96 p.", "Т. Title. 96 с.", "ru")
    assert kind == "different"


def test_oracle_text_is_split_by_entry_key():
    text = "Список литературы\n@@a:b@@ First entry\ncontinued.\n@@c@@ Second.\n"
    assert oracle._entries(text) == {"a:b": "First entry continued.", "c": "Second."}


def test_a_childs_own_year_wins_over_the_parents_date():
    """biblatex gives a crossref child its own `year`; biber's --output-resolve writes the
    parent's `date` (a range) over it, so `--resolve` takes the child's own date back. Entries
    that inherit nothing are left to the reader (open ranges, "2000?")."""
    bib = ("@Book{soch, title = {Сочинения}, date = {1987/1989}}\n"
           "@Book{s1, crossref = {soch}, year = 1987, volume = 1}\n"
           "@Book{s2, crossref = {soch}, date = {1988-05/1989}}\n"
           "@Book{free, year = 1990}\n@Book{ga, date = {1978/}}\n@Book{f, date = {2000?}}\n")
    assert oracle.own_dates(bib) == {"s1": {"issued": {"date-parts": [[1987]]}},
                                     "s2": {"issued": {"date-parts": [[1988, 5], [1989]]}}}


@pytest.mark.parametrize("ours, theirs, expected", [
    ("Badiou A. The Century / transl. from French by A. Toscano. Cambridge : Polity, 2007.",
     "Badiou A. The Century / trans. from the French by A. Toscano. Cambridge : Polity, 2007.",
     ("choice-open", "translation-wording-en")),
    ("Quine W. Title // J. 1968. Vol. 65, No. 7. P. 185–212.",
     "Quine W. Title // J. 1968. Vol. 65, issue 7. P . 185–212.",
     ("choice-open", "number-label-case")),
])
def test_english_wording_rules(ours, theirs, expected):
    assert oracle.classify(ours, theirs, "en") == expected


def test_translation_wording_rule_does_not_hide_a_missing_translator():
    kind, _ = oracle.classify("Badiou A. The Century. Cambridge : Polity, 2007.",
                              "Badiou A. The Century / trans. from the French by A. Toscano. "
                              "Cambridge : Polity, 2007.", "en")
    assert kind == "different"


@pytest.mark.parametrize("ours, theirs, expected", [
    ("Аналитическая философия / сост., коммент. и вступ. ст. А. Ф. Грязнова. М., 1993.",
     "Аналитическая философия / сост., комм. и вступ. ст. А. Ф. Грязнова. М., 1993.",
     ("oracle-wrong", "role-abbreviations")),
    ("Философские работы / сост., примеч. и вступ. ст. М. С. Козловой. М., 1994.",
     "Философские работы / сост., прим. и вступ. ст. М. С. Козловой. М., 1994.",
     ("oracle-wrong", "role-abbreviations-notes")),
    ("История философии. М. : ИФРАН, 1997– .", "История философии. М. : ИФРАН, 1997— .",
     ("choice-open", "range-dash")),
])
def test_role_abbreviation_and_open_range_rules(ours, theirs, expected):
    assert oracle.classify(ours, theirs, "ru") == expected


def test_role_abbreviation_rule_does_not_hide_a_missing_role():
    kind, _ = oracle.classify("Философские работы / сост. М. С. Козловой. М., 1994.",
                              "Философские работы / сост., прим. М. С. Козловой. М., 1994.")
    assert kind == "different"


@pytest.mark.parametrize("theirs", [
    "M. Title // Noûs. 1993. Vol. 27, No. 4. P. 487–498. DOI: 10.2307/2215789. "
    "JSTOR: 2215789.",
    "M. Title // Noûs. 1993. Vol. 27, No. 4. P. 487–498. ISSN 1755-6341. "
    "DOI: 10.2307/2215789.",
    "M. Title // Noûs. 1993. Vol. 27, No. 4. P. 487–498. DOI: 10.2307/2215789. "
    "arXiv: 1301.1203v2 [math.CT].",
])
def test_issn_and_eprint_rule(theirs):
    ours = "M. Title // Noûs. 1993. Vol. 27, No. 4. P. 487–498. DOI: 10.2307/2215789."
    assert oracle.classify(ours, theirs, "en") == ("choice-open", "issn-and-eprint")


def test_issn_rule_does_not_hide_a_missing_doi():
    kind, _ = oracle.classify("M. Title // Noûs. 1993. Vol. 27.",
                              "M. Title // Noûs. 1993. Vol. 27. ISSN 1755-6341. DOI: 10.1/x.",
                              "en")
    assert kind == "different"


def test_credits_are_put_back_after_biber_resolution_for_whole_documents_only():
    bib = ("@Collection{if1, title = {История философии}, credits = {Ред. Г. М. Тавризян}}\n"
           "@InCollection{a, crossref = {if1}, title = {Статья}, credits = {Пер. А. Б.}}\n"
           "@Book{b, title = {Книга}, _credits = {отключено}}\n")
    assert oracle.own_credits(bib) == {"if1": {"credits": "Ред. Г. М. Тавризян"}}


@pytest.mark.parametrize("ours, theirs, rule", [
    ("Соссюр Ф. де. Курс общей лингвистики. М., 2004.",
     "Соссюр Ф. д. Курс общей лингвистики. М., 2004.", "name-particle"),
    ("Kunen K. Set Theory. Amsterdam ; New York : North-Holland, 1980.",
     "Kunen K. Set Theory. Amsterdam, New York : North-Holland, 1980.", "place-list"),
    ("Делёз Ж. Тезисы // Логос. М., 2010. № 3 (76). С. 5–11.",
     "Делёз Ж. Тезисы // Логос. М., 2010. 3 (76). С. 5–11.", "issue-number-sign"),
    ("Маркс К. Экономическо-философские рукописи. М., 1955.",
     'Маркс К. Экономическо"=философские рукописи. М., 1955.', "babel-hyphen"),
])
def test_rules_for_oracle_errors(ours, theirs, rule):
    assert oracle.classify(ours, theirs, "ru") == ("oracle-wrong", rule)


@pytest.mark.parametrize("ours, theirs", [
    ("Соссюр Ф. Курс общей лингвистики. М., 2004.",
     "Соссюр Ф. д. Курс общей лингвистики. М., 2004."),
    ("Kunen K. Set Theory. Amsterdam : North-Holland, 1980.",
     "Kunen K. Set Theory. Amsterdam, New York : North-Holland, 1980."),
    ("Делёз Ж. Тезисы // Логос. М., 2010. С. 5–11.",
     "Делёз Ж. Тезисы // Логос. М., 2010. 3 (76). С. 5–11."),
])
def test_rules_for_oracle_errors_do_not_hide_a_missing_element(ours, theirs):
    assert oracle.classify(ours, theirs, "ru")[0] == "different"


def test_merged_role_order_rule():
    ours = "Маклейн С. Категории / ред. и пер. с англ. В. А. Артамонова. М. : Физматлит, 2004."
    theirs = "Маклейн С. Категории / пер. с англ., под ред. В. А. Артамонова. М. : Физматлит, 2004."
    assert oracle.classify(ours, theirs, "ru") == ("choice-open", "merged-role-order")
    # a missing role is still a difference
    assert oracle.classify("Маклейн С. Категории / под ред. В. А. Артамонова. М., 2004.",
                           "Маклейн С. Категории / пер. с англ., под ред. В. А. Артамонова. "
                           "М., 2004.", "ru")[0] == "different"


@pytest.mark.parametrize("ours, theirs, expected", [
    ("Хайдеггер М. Основные проблемы. СПб. : ВРФШ, 2001.",
     "Хайдеггер М. Основные проблемы. Санкт-Петербург : ВРФШ, 2001.",
     ("choice-open", "place-abbreviation")),
    ("Делёз Ж. Что такое философия? / пер. с фр. и послесл. С. Зенкина. Рига, 2009.",
     "Делёз Ж. Что такое философия? / пер. с фр. и и послесл. С. Зенкина. Рига, 2009.",
     ("oracle-wrong", "doubled-conjunction")),
])
def test_place_abbreviation_and_doubled_conjunction_rules(ours, theirs, expected):
    assert oracle.classify(ours, theirs, "ru") == expected


def test_place_abbreviation_rule_does_not_hide_another_place():
    assert oracle.classify("Хайдеггер М. Проблемы. СПб. : ВРФШ, 2001.",
                           "Хайдеггер М. Проблемы. Москва : ВРФШ, 2001.", "ru")[0] == "different"


def test_role_grouping_absorbs_only_the_grouping_of_roles():
    # GOST 7.1-2003's example names one person once after all role words ("сост., общ. ред. и
    # вступ. ст. Г. К. Косикова"); biblatex-gost repeats the person for a role it cannot merge
    ours = ("Аналитическая философия / пер. с англ., нем. ; сост., общ. ред. и вступ. ст. "
            "А. Ф. Грязнова. М. : Прогресс-Традиция, 1998. 528 с.")
    theirs = ("Аналитическая философия / пер. с англ., нем. ; общ. ред. и вступ. ст. "
              "А. Ф. Грязнова ; сост. А. Ф. Грязнова. М. : Прогресс-Традиция, 1998. 528 с.")
    assert oracle.classify(ours, theirs, "ru") == ("choice-open", "role-grouping")
    # a role of another person, or a role missing, is still a difference
    assert oracle.classify(ours, theirs.replace("сост. А. Ф. Грязнова", "сост. А. Б. Иванова"),
                           "ru")[0] == "different"
    assert oracle.classify(ours.replace("сост., общ. ред.", "общ. ред."), theirs,
                           "ru")[0] == "different"


def test_superscripts_compare_as_pdftotext_gives_them():
    # pdftotext gives biblatex-gost's superscript "МПК$^7$" as "МПК7"; citefmt writes "МПК⁷"
    assert oracle.classify("Устройство : пат. 1 : МПК⁷ H 04 B 1/38.",
                           "Устройство : пат. 1 : МПК7 H 04 B 1/38.", "ru") == ("equal", None)


def test_compound_initials_are_the_datas():
    ours = "Справочная книга / под ред. Дж. Барвайса. М. : Наука, 1982."
    theirs = "Справочная книга / под ред. Д. Барвайса. М. : Наука, 1982."
    assert oracle.classify(ours, theirs, "ru") == ("choice-open", "compound-initials")
    # another initial is still a difference
    assert oracle.classify(ours, theirs.replace("Д. Барвайса", "Б. Барвайса"),
                           "ru")[0] == "different"


def test_run_together_initials():
    # data "В.Н. Салия": biblatex-gost prints "В. Салия", citefmt both initials
    ours = "Биркгоф Г. Теория решёток / пер. с англ. В. Н. Салия. М. : Наука, 1984. 568 с."
    theirs = "Биркгоф Г. Теория решёток / пер. с англ. В. Салия. М. : Наука, 1984. 568 с."
    assert oracle.classify(ours, theirs, "ru") == ("oracle-wrong", "run-together-initials")
    assert oracle.classify("Gander H. H. Husserl-Lexikon. 2010.", "Gander H. Husserl-Lexikon. "
                           "2010.", "en") == ("oracle-wrong", "run-together-initials")
    # another first initial or surname is still a difference
    assert oracle.classify(ours, theirs.replace("В. Салия", "Б. Салия"), "ru")[0] == "different"


def test_only_the_rules_that_made_the_texts_agree_are_named():
    # "Скворцов М. А." is rewritten alike in both texts by run-together-initials; the texts
    # agree because of the optional "[Текст]" only
    assert oracle.classify("Скворцов М. А. Эффекты : дис. … д-ра физ.-мат. наук. 2008.",
                           "Скворцов М. А. Эффекты [Текст] : дис. … д-ра физ.-мат. наук. 2008.",
                           "ru") == ("choice-open", "gmd")


@pytest.mark.parametrize("ours, theirs, expected", [
    ("Р. Статья // Неприкосновенный запас. 2011. № 3(77). URL: http://m.ru/a.html (дата "
     "обращения: 18.09.2012).", "Р. Статья // Неприкосновенный запас. 2011. № 3(77). URL: "
     "http://m.ru/a.html (дата обр. 18.09.2012).", ("oracle-wrong", "visited-on")),
    ("Deleuze G. Plato // October. 1983. Vol. 27. P. 45–56. URL: "
     "https://www.jstor.org/stable/778495.", "Deleuze G. Plato // October. 1983. Vol. 27. "
     "P. 45–56. JSTOR: 778495.", ("choice-open", "issn-and-eprint")),
])
def test_access_note_and_eprint_forms(ours, theirs, expected):
    assert oracle.classify(ours, theirs, "en") == expected
    # another address is still a difference
    assert oracle.classify(ours.replace(".ru/a", ".ru/b").replace("778495", "778496"), theirs,
                           "en")[0] == "different"


@pytest.mark.parametrize("ours, theirs, language, expected", [
    ("Proceedings. Vol. 13. Pt. 1 : Axiomatic Set Theory / ed. by D. S. Scott. 1971.",
     "Proceedings. Vol. 13. Part 1. Axiomatic Set Theory / ed. by D. S. Scott. 1971.", "en",
     ("choice-open", "multi-volume+part-term-en")),
    ("Ясперс К. Смысл истории. М. : Политиздат, 1991. 527 с. (Мыслители XX в.).",
     "Ясперс К. Смысл истории. М. : Политиздат, 1991. 527 с. (Мыслители XX в.)", "ru",
     ("oracle-wrong", "closing-period")),
])
def test_part_term_and_closing_period(ours, theirs, language, expected):
    assert oracle.classify(ours, theirs, language) == expected
    # another part number or series is still a difference
    assert oracle.classify(ours.replace("Pt. 1", "Pt. 2").replace("XX в.", "XIX в."), theirs,
                           language)[0] == "different"


def test_host_translation_language():
    ours = ("Федье Ф. Власть // Везен Ф. Философия. Федье Ф. Власть / Ф. Везен, Ф. Федье ; общ. "
            "ред., пер. с фр. и послесл. В. В. Бибихина. М. : УРСС, 2002. С. 93–136.")
    theirs = ours.replace("пер. с фр. и", "пер. и")
    assert oracle.classify(ours, theirs, "ru") == ("oracle-wrong", "host-translation-language")
    # the part's own translation statement (before "//") is compared as it is
    part = "Федье Ф. Власть / пер. с фр. и послесл. В. В. Бибихина. М., 2002."
    assert oracle.classify(part, part.replace("пер. с фр. и", "пер. и"), "ru")[0] == "different"


def test_issue_title_colon():
    ours = "L. U. // Yale French Studies. 1972. Vol. 48 : French Freud. P. 118–175."
    theirs = "L. U. // Yale French Studies. 1972. Vol. 48: French Freud. P . 118–175."
    assert oracle.classify(ours, theirs, "en")[0] in ("oracle-wrong", "choice-open")
    assert "issue-title-colon" in oracle.classify(ours, theirs, "en")[1]
    assert oracle.classify(ours.replace("Vol. 48", "Vol. 49"), theirs, "en")[0] == "different"


def test_kerned_space_before_a_comma_is_a_pdf_artefact():
    assert oracle.classify("Awodey S. Category Theory. Oxford : OUP, 2010.",
                           "Awodey S. Category Theory. Oxford : OUP , 2010.", "en") == (
        "equal", None)


def test_page_range_in_full():
    ours = "Фрейд З. Я и Оно // Сборник. [2000]. С. 511–558."
    theirs = "Фрейд З. Я и Оно // Сборник. [2000]. С. 511—58."
    assert oracle.classify(ours, theirs, "ru") == ("choice-open",
                                                   "range-dash+page-range-in-full")
    assert oracle.classify(ours.replace("558", "559"), theirs, "ru")[0] == "different"
