"""styles/gost-r-7.0.5-2008.csl against the GOST R 7.0.5-2008 table of styles-rules.md §1.

No-break spaces (U+00A0, written NBSP below) bind a numbering label to its number
("Т. 13", "С. 369–385", "215 с."); see styles/README.md.
"""

from __future__ import annotations

import pytest
from helpers import NBSP
from helpers import csl_person as person

STYLE = "gost-r-7.0.5-2008"


KORNILOV = {
    "id": "kornilov", "type": "article-journal", "language": "ru",
    "author": [person("Корнилов", "В. И.")],
    "title": "Турбулентный пограничный слой на теле вращения при периодическом вдуве/отсосе",
    "container-title": "Теплофизика и аэромеханика", "issued": {"date-parts": [[2006]]},
    "volume": "13", "issue": "3", "page": "369-385"}

DERIDDER = {
    "id": "deridder", "type": "article-journal", "language": "en",
    "author": [person("DeRidder", "Jody L.")],
    "title": "The immediate prospects for the application of ontologies in digital libraries",
    "container-title": "Knowledge Organization", "issued": {"date-parts": [[2007]]},
    "volume": "34", "issue": "4", "page": "227-246"}

EXAMPLES = {
    "article, 1 author": pytest.param(
        KORNILOV,
        "1. Корнилов В. И. Турбулентный пограничный слой на теле вращения при периодическом "
        f"вдуве/отсосе // Теплофизика и аэромеханика. 2006. Т.{NBSP}13, №{NBSP}3. "
        f"С.{NBSP}369–385."),
    "article, 2 authors": pytest.param(
        {"id": "efimova", "type": "article-journal", "language": "ru",
         "author": [person("Ефимова", "Т. Н."), person("Кусакин", "А. В.")],
         "title": "Охрана и рациональное использование болот в Республике Марий Эл",
         "container-title": "Проблемы региональной экологии", "issued": {"date-parts": [[2007]]},
         "issue": "1", "page": "80-86"},
        "1. Ефимова Т. Н., Кусакин А. В. Охрана и рациональное использование болот в Республике "
        f"Марий Эл // Проблемы региональной экологии. 2007. №{NBSP}1. С.{NBSP}80–86."),
    "article, 4 authors, article number, DOI": pytest.param(
        {"id": "moretti", "type": "article-journal", "language": "en",
         "author": [person("Moretti", "L."), person("Stalfort", "J."), person("Barker", "T. H."),
                    person("Abebayehu", "D.")],
         "title": "The interplay of fibroblasts, the extracellular matrix, and inflammation in "
                  "scar formation",
         "container-title": "Journal of Biological Chemistry", "issued": {"date-parts": [[2022]]},
         "volume": "298", "issue": "2", "number": "101530", "DOI": "10.1016/j.jbc.2021.101530"},
        "1. The interplay of fibroblasts, the extracellular matrix, and inflammation in scar "
        f"formation / L. Moretti [et al.] // Journal of Biological Chemistry. 2022. Vol.{NBSP}298, "
        f"No.{NBSP}2. Art.{NBSP}101530. DOI: 10.1016/j.jbc.2021.101530."),
    "English source": pytest.param(
        DERIDDER,
        "1. DeRidder J. L. The immediate prospects for the application of ontologies in digital "
        f"libraries // Knowledge Organization. 2007. Vol.{NBSP}34, No.{NBSP}4. P.{NBSP}227–246."),
    "book, edition, place abbreviated in the data": pytest.param(
        {"id": "tarasova", "type": "book", "language": "ru",
         "author": [person("Тарасова", "В. И.")],
         "title": "Политическая история Латинской Америки", "genre": "учеб. для вузов",
         "edition": "2",
         "publisher-place": "М.", "publisher": "Проспект", "issued": {"date-parts": [[2006]]},
         "page": "305-412"},
        "1. Тарасова В. И. Политическая история Латинской Америки : учеб. для вузов. 2-е изд. "
        f"М. : Проспект, 2006. С.{NBSP}305–412."),
    "chapter, editor declined to the genitive (nominative in the data)": pytest.param(
        {"id": "petrov", "type": "chapter", "language": "ru", "author": [person("Петров", "С. Н.")],
         "title": "Рубцовые деформации кожи",
         "container-title": "Пластическая хирургия : национальное руководство",
         "editor": [person("Иванов", "А. Б.")], "publisher-place": "М.",
         "publisher": "ГЭОТАР-Медиа",
         "issued": {"date-parts": [[2020]]}, "page": "215-240"},
        "1. Петров С. Н. Рубцовые деформации кожи // Пластическая хирургия : национальное "
        f"руководство / под ред. А. Б. Иванова. М. : ГЭОТАР-Медиа, 2020. С.{NBSP}215–240."),
    "conference paper": pytest.param(
        {"id": "sokolova", "type": "paper-conference", "language": "ru",
         "author": [person("Соколова", "Е. А."), person("Морозов", "П. В.")],
         "title": "Применение …",
         "container-title": "Актуальные вопросы пластической хирургии : "
                            "материалы Всерос. науч.-практ. конф.",
         "event-place": "Казань", "event-date": {"literal": "12–13 мая 2021 г."},
         "publisher-place": "Казань", "publisher": "КГМУ", "issued": {"date-parts": [[2021]]},
         "page": "45-47"},
        "1. Соколова Е. А., Морозов П. В. Применение … // Актуальные вопросы пластической "
        "хирургии : материалы Всерос. науч.-практ. конф. (Казань, 12–13 мая 2021 г.). Казань : "
        f"КГМУ, 2021. С.{NBSP}45–47."),
    "dissertation": pytest.param(
        {"id": "belozerov", "type": "thesis", "language": "ru",
         "author": [person("Белозеров", "И. В.")],
         "title": "Религиозная политика Золотой Орды на Руси в XIII–XIV вв.",
         "genre": "дис. … канд. ист. наук", "publisher-place": "М.",
         "issued": {"date-parts": [[2002]]},
         "number-of-pages": "215"},
        "1. Белозеров И. В. Религиозная политика Золотой Орды на Руси в XIII–XIV вв. : "
        f"дис. … канд. ист. наук. М., 2002. 215{NBSP}с."),
    "автореферат": pytest.param(
        {"id": "glukhov", "type": "thesis", "language": "ru", "author": [person("Глухов", "В. А.")],
         "title": "Исследования, разработка и построение системы электронной доставки документов "
                  "в библиотеке",
         "genre": "автореф. дис. … канд. техн. наук", "publisher-place": "Новосибирск",
         "issued": {"date-parts": [[2000]]}, "number-of-pages": "18"},
        "1. Глухов В. А. Исследования, разработка и построение системы электронной доставки "
        "документов в библиотеке : автореф. дис. … канд. техн. наук. Новосибирск, 2000. "
        f"18{NBSP}с."),
    "web article": pytest.param(
        {"id": "dirina", "type": "article-journal", "language": "ru",
         "author": [person("Дирина", "А. И.")],
         "title": "Право военнослужащих Российской Федерации на свободу ассоциаций",
         "container-title": "Военное право : сетевой журн.", "issued": {"date-parts": [[2007]]},
         "URL": "http://www.voennoepravo.ru/node/2149",
         "accessed": {"date-parts": [[2007, 9, 19]]}},
        "1. Дирина А. И. Право военнослужащих Российской Федерации на свободу ассоциаций // "
        "Военное право : сетевой журн. 2007. URL: http://www.voennoepravo.ru/node/2149 (дата "
        "обращения: 19.09.2007)."),
    "web page": pytest.param(
        {"id": "latchford", "type": "webpage", "language": "ru",
         "author": [person("Лэтчфорд", "Е. У.")],
         "title": "С Белой армией в Сибири",
         "container-title": "Восточный фронт армии адмирала А. В. Колчака : [сайт]",
         "issued": {"literal": "[2004]"}, "URL": "http://east-front.narod.ru/memo/latchford.htm",
         "accessed": {"date-parts": [[2007, 8, 23]]}},
        "1. Лэтчфорд Е. У. С Белой армией в Сибири [Электронный ресурс] // Восточный фронт армии "
        "адмирала А. В. Колчака : [сайт]. [2004]. URL: "
        "http://east-front.narod.ru/memo/latchford.htm (дата обращения: 23.08.2007)."),
    # GOST R 7.0.5-2008's patent description, title first (issue #12's example; biblatex-gost
    # prints unheaded patents the same way). The rules file's GOST 7.1 pattern ("Пат. … . Title
    # / Чугаева В. И. …", two-digit years) is the heading form: tests/styles/test_gost_types.py
    "patent, with the application number (extension variable)": (
        {"id": "patent", "type": "patent", "language": "ru", "number": "2187888",
         "application-number": "2000131736/09",
         "publisher-place": "Российская Федерация", "call-number": "МПК7 H 04 B 1/38",
         "title": "Приемопередающее устройство", "author": [person("Чугаева", "В. И.")],
         "publisher": "Воронеж. науч.-исслед. ин-т связи",
         "submitted": {"date-parts": [[2000, 12, 18]]},
         "issued": {"date-parts": [[2002, 8, 20]]}, "issue": "23",
         "number-of-pages": "2 с. : ил."},
        "1. Приемопередающее устройство : пат. 2187888 Рос. Федерация : МПК7 H 04 B 1/38 / "
        "В. И. Чугаева ; заявитель и патентообладатель Воронеж. науч.-исслед. ин-т связи. "
        "№ 2000131736/09 ; заявл. 18.12.2000 ; опубл. 20.08.2002, Бюл. № 23. 2 с. : ил.",
    ),
    "standard": (
        {"id": "gost", "type": "standard", "language": "ru", "number": "ГОСТ Р 7.0.53-2007",
         "title": "Издания. Международный стандартный книжный номер. Использование и "
                  "издательское оформление",
         "publisher-place": "М.", "issued": {"date-parts": [[2007]]}, "number-of-pages": "5"},
        "1. ГОСТ Р 7.0.53-2007. Издания. Международный стандартный книжный номер. Использование и "
        f"издательское оформление. М., 2007. 5{NBSP}с.",
    ),
}


@pytest.mark.parametrize("item, expected", EXAMPLES.values(), ids=EXAMPLES.keys())
def test_gost_2008_renders_the_rules_example(render_one, item, expected):
    assert render_one(STYLE, item) == expected


def test_gost_2008_english_book_counts_pages_in_english(render_one):
    item = {"id": "book", "type": "book", "language": "en",
            "title": "Synthetic handbook of wound care",
            "publisher-place": "New York", "publisher": "Springer",
            "issued": {"date-parts": [[2005]]},
            "number-of-pages": "1334", "edition": "2"}
    assert render_one(STYLE, item) == (
        f"1. Synthetic handbook of wound care. 2nd ed. New York : Springer, 2005. 1334{NBSP}p.")


def test_gost_2008_mixed_list_gives_each_entry_its_own_language_terms(render_list):
    assert render_list(STYLE, [KORNILOV, DERIDDER]) == [
        "1. Корнилов В. И. Турбулентный пограничный слой на теле вращения при периодическом "
        f"вдуве/отсосе // Теплофизика и аэромеханика. 2006. Т.{NBSP}13, №{NBSP}3. С.{NBSP}369–385.",
        "2. DeRidder J. L. The immediate prospects for the application of ontologies in digital "
        f"libraries // Knowledge Organization. 2007. Vol.{NBSP}34, No.{NBSP}4. P.{NBSP}227–246.",
    ]


def test_gost_2008_uses_language_terms_for_volume_issue_pages_and_et_al(render_list):
    """Title-first entries (no author) show the per-item terms without the heading feature."""
    ru = {"id": "ru", "type": "article-journal", "language": "ru", "title": "Русская статья",
          "container-title": "Журнал", "issued": {"date-parts": [[2020]]}, "volume": "5",
          "issue": "2",
          "page": "10-20"}
    en = {"id": "en", "type": "article-journal", "title": "English article",
          "container-title": "Journal", "issued": {"date-parts": [[2020]]}, "volume": "5",
          "issue": "2",
          "page": "10-20"}
    assert render_list(STYLE, [ru, en]) == [
        f"1. Русская статья // Журнал. 2020. Т.{NBSP}5, №{NBSP}2. С.{NBSP}10–20.",
        f"2. English article // Journal. 2020. Vol.{NBSP}5, No.{NBSP}2. P.{NBSP}10–20.",
    ]
