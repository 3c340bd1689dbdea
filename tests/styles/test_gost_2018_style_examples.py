"""styles/gost-r-7.0.100-2018.csl against the GOST R 7.0.100-2018 table of styles-rules.md §2.

Areas are separated by ". – " (en dash); no-break spaces (NBSP) bind a label to its number.
"""

from __future__ import annotations

import pytest
from helpers import NBSP
from helpers import csl_person as person

STYLE = "gost-r-7.0.100-2018"


EFIMOVA = {
    "id": "efimova", "type": "article-journal", "language": "ru",
    "author": [person("Ефимова", "Т. Н."), person("Кусакин", "А. В.")],
    "title": "Охрана и рациональное использование болот в Республике Марий Эл",
    "container-title": "Проблемы региональной экологии", "issued": {"date-parts": [[2007]]},
    "issue": "1", "page": "80-86"}

HALPERN = {
    "id": "halpern", "type": "article-journal", "language": "en",
    "author": [person("Halpern", "Scott D."), person("Ubel", "Peter A."),
               person("Caplan", "Arthur L.")],
    "title": "Solid-organ transplantation in HIV-infected patients",
    "container-title": "New England Journal of Medicine", "issued": {"date-parts": [[2002]]},
    "volume": "347", "issue": "4", "page": "284-287"}

EXAMPLES = {
    "article, 1-3 authors": (
        EFIMOVA,
        "1. Ефимова, Т. Н. Охрана и рациональное использование болот в Республике Марий Эл / Т. "
        "Н. Ефимова, А. В. Кусакин. – Текст : непосредственный // Проблемы региональной экологии. "
        f"– 2007. – №{NBSP}1. – С.{NBSP}80–86.",
    ),
    "article, 4+ authors, DOI": pytest.param(
        {"id": "smirnova", "type": "article-journal", "language": "ru",
         "author": [person("Смирнова", "А. В."), person("Козлов", "Д. С."),
                    person("Алексеева", "Ю. И."),
                    person("Орлов", "К. П.")],
         "title": "Роль фибробластов в формировании гипертрофических рубцов: обзор литературы",
         "container-title": "Вестник регенеративной медицины", "issued": {"date-parts": [[2023]]},
         "volume": "15", "issue": "4", "page": "112-121", "DOI": "10.0000/synthetic.2023.4.12"},
        "1. Роль фибробластов в формировании гипертрофических рубцов: обзор литературы / А. В. "
        "Смирнова, Д. С. Козлов, Ю. И. Алексеева [и др.]. – Текст : непосредственный // Вестник "
        f"регенеративной медицины. – 2023. – Т.{NBSP}15, №{NBSP}4. – С.{NBSP}112–121. – DOI: "
        "10.0000/synthetic.2023.4.12."),
    "English source": (
        HALPERN,
        "1. Halpern, S. D. Solid-organ transplantation in HIV-infected patients / S. D. Halpern, "
        "P. A. Ubel, A. L. Caplan. – Текст : непосредственный // New England Journal of Medicine. "
        f"– 2002. – Vol.{NBSP}347, No.{NBSP}4. – P.{NBSP}284–287.",
    ),
    "book with ISBN": (
        {"id": "vorontsov", "type": "book", "language": "ru",
         "author": [person("Воронцов", "Г. Л."), person("Шамсутдинова", "Р. Х."),
                    person("Фёдоров", "Е. К.")],
         "title": "Раневой процесс и рубцевание", "genre": "учебное пособие", "edition": "3",
         "publisher-place": "Санкт-Петербург", "publisher": "СпецЛит",
         "issued": {"date-parts": [[2019]]},
         "number-of-pages": "288", "ISBN": "978-5-299-00000-0"},
        "1. Воронцов, Г. Л. Раневой процесс и рубцевание : учебное пособие / Г. Л. Воронцов, "
        "Р. Х. Шамсутдинова, Е. К. Фёдоров. – 3-е изд. – Санкт-Петербург : СпецЛит, 2019. – "
        f"288{NBSP}с. – ISBN 978-5-299-00000-0. – Текст : непосредственный.",
    ),
    "chapter": (
        {"id": "petrov", "type": "chapter", "language": "ru", "author": [person("Петров", "С. Н.")],
         "title": "Рубцовые деформации кожи",
         "container-title": "Пластическая хирургия : национальное руководство",
         "editor": [person("Иванов", "А. Б.")], "publisher-place": "Москва",
         "publisher": "ГЭОТАР-Медиа",
         "issued": {"date-parts": [[2020]]}, "page": "215-240"},
        "1. Петров, С. Н. Рубцовые деформации кожи / С. Н. Петров. – Текст : непосредственный // "
        "Пластическая хирургия : национальное руководство / под редакцией А. Б. Иванова. – Москва "
        f": ГЭОТАР-Медиа, 2020. – С.{NBSP}215–240.",
    ),
    "автореферат": (
        {"id": "glukhov", "type": "thesis", "language": "ru", "author": [person("Глухов", "В. А.")],
         "title": "Исследования, разработка и построение системы электронной доставки документов "
                  "в библиотеке",
         "genre": "автореф. дис. … канд. техн. наук", "publisher-place": "Новосибирск",
         "issued": {"date-parts": [[2000]]}, "number-of-pages": "18"},
        "1. Глухов, В. А. Исследования, разработка и построение системы электронной доставки "
        "документов в библиотеке : автореф. дис. … канд. техн. наук / В. А. Глухов. – "
        f"Новосибирск, 2000. – 18{NBSP}с. – Текст : непосредственный.",
    ),
    "web article": (
        {"id": "dirina", "type": "article-journal", "language": "ru",
         "author": [person("Дирина", "А. И.")],
         "title": "Право военнослужащих Российской Федерации на свободу ассоциаций",
         "container-title": "Военное право : сетевой журн.", "issued": {"date-parts": [[2007]]},
         "URL": "http://www.voennoepravo.ru/node/2149",
         "accessed": {"date-parts": [[2007, 9, 19]]}},
        "1. Дирина, А. И. Право военнослужащих Российской Федерации на свободу ассоциаций / А. И. "
        "Дирина. – Текст : электронный // Военное право : сетевой журн. – 2007. – URL: "
        "http://www.voennoepravo.ru/node/2149 (дата обращения: 19.09.2007).",
    ),
    "website, without the update-frequency note CSL cannot carry": (
        {"id": "government", "type": "webpage", "language": "ru",
         "title": "Правительство Российской Федерации",
         "genre": "официальный сайт", "publisher-place": "Москва", "URL": "http://government.ru",
         "accessed": {"date-parts": [[2018, 2, 19]]}},
        "1. Правительство Российской Федерации : официальный сайт. – Москва. – URL: "
        "http://government.ru (дата обращения: 19.02.2018). – Текст : электронный.",
    ),
    "patent, with the application number (extension variable)": (
        {"id": "patent", "type": "patent", "language": "ru", "number": "2637215",
         "application-number": "2017105030",
         "publisher-place": "Российская Федерация",
         "call-number": "МПК B02C 19/16 (2006.01), B02C 17/00 (2006.01)",
         "title": "Вибрационная мельница",
         "author": [person("Артеменко", "К. И."), person("Богданов", "Н. Э.")], "publisher": "БГТУ",
         "submitted": {"date-parts": [[2017, 2, 15]]}, "issued": {"date-parts": [[2017, 12, 1]]},
         "number-of-pages": "4"},
        "1. Патент № 2637215 Российская Федерация, МПК B02C 19/16 (2006.01), B02C 17/00 "
        "(2006.01). Вибрационная мельница : № 2017105030 : заявл. 15.02.2017 : опубл. 01.12.2017 "
        "/ Артеменко К. "
        f"И., Богданов Н. Э. ; заявитель БГТУ. – 4{NBSP}с. – Текст : непосредственный.",
    ),
    "standard": (
        {"id": "gost", "type": "standard", "language": "ru", "number": "ГОСТ Р 7.0.100–2018",
         "title": "Система стандартов по информации, библиотечному и издательскому делу. "
                  "Библиографическая запись. Библиографическое описание. Общие требования и "
                  "правила составления",
         "genre": "национальный стандарт Российской Федерации : издание официальное",
         "publisher-place": "Москва", "publisher": "Стандартинформ",
         "issued": {"date-parts": [[2019]]}},
        "1. ГОСТ Р 7.0.100–2018. Система стандартов по информации, библиотечному и издательскому "
        "делу. Библиографическая запись. Библиографическое описание. Общие требования и правила "
        "составления : национальный стандарт Российской Федерации : издание официальное. – Москва "
        ": Стандартинформ, 2019. – Текст : непосредственный.",
    ),
}


@pytest.mark.parametrize("item, expected", EXAMPLES.values(), ids=EXAMPLES.keys())
def test_gost_2018_renders_the_rules_example(render_one, item, expected):
    assert render_one(STYLE, item) == expected


def test_gost_2018_mixed_list_gives_each_entry_its_own_language_terms(render_list):
    assert render_list(STYLE, [EFIMOVA, HALPERN]) == [
        "1. Ефимова, Т. Н. Охрана и рациональное использование болот в Республике Марий Эл / Т. "
        "Н. Ефимова, А. В. Кусакин. – Текст : непосредственный // Проблемы региональной экологии. "
        f"– 2007. – №{NBSP}1. – С.{NBSP}80–86.",
        "2. Halpern, S. D. Solid-organ transplantation in HIV-infected patients / S. D. Halpern, "
        "P. A. Ubel, A. L. Caplan. – Текст : непосредственный // New England Journal of Medicine. "
        f"– 2002. – Vol.{NBSP}347, No.{NBSP}4. – P.{NBSP}284–287.",
    ]


def test_gost_2018_english_source_with_many_authors_ends_with_et_al(render_one):
    item = {"id": "many", "type": "article-journal", "title": "A study with five authors",
            "author": [person("Alpha", "A."), person("Beta", "B."), person("Gamma", "G."),
                       person("Delta", "D."), person("Omega", "O.")],
            "container-title": "Journal", "issued": {"date-parts": [[2020]]}, "volume": "1",
            "page": "1-9"}
    assert render_one(STYLE, item) == (
        "1. A study with five authors / A. Alpha, B. Beta, G. Gamma [et al.]. – Текст : "
        f"непосредственный // Journal. – 2020. – Vol.{NBSP}1. – P.{NBSP}1–9.")
