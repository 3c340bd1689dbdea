"""GOST R 7.0.5-2008 / 7.0.100-2018 references (Cyrillic and Latin): exact items, grammar and
"[и др.]" truncation."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference

#: one article printed in both GOST shapes (7.0.5-2008 and 7.0.100-2018) reads as the same item
EFIMOVA = {'type': 'article-journal',
           'author': [{'family': 'Ефимова', 'given': 'Т. Н.'},
                      {'family': 'Кусакин', 'given': 'А. В.'}],
           'title': 'Охрана и рациональное использование болот в Республике Марий Эл',
           'container-title': 'Проблемы региональной экологии',
           'issued': {'date-parts': [[2007]]},
           'issue': '1',
           'page': '80-86',
           'language': 'ru'}

CASES = [
    ('Корнилов В. И. Турбулентный пограничный слой на теле вращения при периодическом вдуве/отсосе '
     '// Теплофизика и аэромеханика. 2006. Т. 13, № 3. С. 369–385.',
     {'type': 'article-journal',
       'author': [{'family': 'Корнилов', 'given': 'В. И.'}],
       'title': 'Турбулентный пограничный слой на теле вращения при периодическом вдуве/отсосе',
       'container-title': 'Теплофизика и аэромеханика',
       'issued': {'date-parts': [[2006]]},
       'volume': '13',
       'issue': '3',
       'page': '369-385',
       'language': 'ru'},
     False),
    ('Ефимова Т. Н., Кусакин А. В. Охрана и рациональное использование болот в Республике Марий Эл '
     '// Проблемы региональной экологии. 2007. № 1. С. 80–86.',
     EFIMOVA,
     False),
    ('Роль фибробластов в формировании гипертрофических рубцов: обзор литературы / А. В. Смирнова, '
     'Д. С. Козлов, Ю. И. Алексеева [и др.]. – Текст : непосредственный // Вестник регенеративной '
     'медицины. – 2023. – Т. 15, № 4. – С. 112–121. – DOI: 10.1234/vrm.2023.4.12.',
     {'type': 'article-journal',
       'author': [{'family': 'Смирнова', 'given': 'А. В.'},
                  {'family': 'Козлов', 'given': 'Д. С.'},
                  {'family': 'Алексеева', 'given': 'Ю. И.'},
                  {'literal': 'others'}],
       'title': 'Роль фибробластов в формировании гипертрофических рубцов: обзор литературы',
       'container-title': 'Вестник регенеративной медицины',
       'issued': {'date-parts': [[2023]]},
       'volume': '15',
       'issue': '4',
       'page': '112-121',
       'DOI': '10.1234/vrm.2023.4.12',
       'language': 'ru'},
     True),
    ('DeRidder J. L. The immediate prospects for the application of ontologies in digital '
     'libraries // Knowledge Organization. 2007. Vol. 34, No. 4. P. 227–246.',
     {'type': 'article-journal',
       'author': [{'family': 'DeRidder', 'given': 'J. L.'}],
       'title': 'The immediate prospects for the application of ontologies in digital libraries',
       'container-title': 'Knowledge Organization',
       'issued': {'date-parts': [[2007]]},
       'volume': '34',
       'issue': '4',
       'page': '227-246',
       'language': 'en'},
     False),
    ('Тарасова В. И. Политическая история Латинской Америки : учеб. для вузов. 2-е изд. М. : '
     'Проспект, 2006. 305 с.',
     {'type': 'book',
       'author': [{'family': 'Тарасова', 'given': 'В. И.'}],
       'title': 'Политическая история Латинской Америки : учеб. для вузов',
       'issued': {'date-parts': [[2006]]},
       'number-of-pages': '305',
       'edition': '2',
       'publisher': 'Проспект',
       'publisher-place': 'М.',
       'language': 'ru'},
     False),
    ('Белозеров И. В. Религиозная политика Золотой Орды на Руси в XIII–XIV вв. : дис. … канд. ист. '
     'наук. М., 2002. 215 с.',
     {'type': 'thesis',
       'author': [{'family': 'Белозеров', 'given': 'И. В.'}],
       'title': 'Религиозная политика Золотой Орды на Руси в XIII–XIV вв',
       'issued': {'date-parts': [[2002]]},
       'number-of-pages': '215',
       'genre': 'дис. … канд. ист. наук',
       'publisher-place': 'М.',
       'language': 'ru'},
     False),
    ('Ефимова, Т. Н. Охрана и рациональное использование болот в Республике Марий Эл / Т. Н. '
     'Ефимова, А. В. Кусакин. – Текст : непосредственный // Проблемы региональной экологии. – '
     '2007. – № 1. – С. 80–86.',
     EFIMOVA,
     False),
    ('Дирина А. И. Право военнослужащих Российской Федерации на свободу ассоциаций // Военное '
     'право : сетевой журн. 2007. URL: http://www.voennoepravo.ru/node/2149 (дата обращения: '
     '19.09.2007).',
     {'type': 'article-journal',
       'author': [{'family': 'Дирина', 'given': 'А. И.'}],
       'title': 'Право военнослужащих Российской Федерации на свободу ассоциаций',
       'container-title': 'Военное право : сетевой журн',
       'issued': {'date-parts': [[2007]]},
       'URL': 'http://www.voennoepravo.ru/node/2149',
       'accessed': {'date-parts': [[2007, 9, 19]]},
       'language': 'ru'},
     False),
    ('Петров С. Н. Рубцовые деформации кожи // Пластическая хирургия : национальное руководство / '
     'под ред. А. Б. Иванова. М. : ГЭОТАР-Медиа, 2020. С. 215–240.',
     {'type': 'chapter',
       'author': [{'family': 'Петров', 'given': 'С. Н.'}],
       'editor': [{'family': 'Иванова', 'given': 'А. Б.'}],
       'title': 'Рубцовые деформации кожи',
       'container-title': 'Пластическая хирургия : национальное руководство',
       'issued': {'date-parts': [[2020]]},
       'page': '215-240',
       'publisher': 'ГЭОТАР-Медиа',
       'publisher-place': 'М.',
       'language': 'ru'},
     False),
    ('The interplay of fibroblasts, the extracellular matrix, and inflammation in scar formation / '
     'L. Moretti [et al.] // Journal of Biological Chemistry. 2022. Vol. 298, No. 2. Art. 101530. '
     'DOI: 10.1016/j.jbc.2021.101530.',
     {'type': 'article-journal',
       'author': [{'family': 'Moretti', 'given': 'L.'}, {'literal': 'others'}],
       'title': 'The interplay of fibroblasts, the extracellular matrix, and inflammation in scar '
                'formation',
       'container-title': 'Journal of Biological Chemistry',
       'issued': {'date-parts': [[2022]]},
       'volume': '298',
       'issue': '2',
       'number': '101530',
       'DOI': '10.1016/j.jbc.2021.101530',
       'language': 'en'},
     True),
    ('Halpern, S. D. Solid-organ transplantation in HIV-infected patients / S. D. Halpern, P. A. '
     'Ubel, A. L. Caplan. – Текст : непосредственный // New England Journal of Medicine. – 2002. '
     '– Vol. 347, No. 4. – P. 284–287.',
     {'type': 'article-journal',
       'author': [{'family': 'Halpern', 'given': 'S. D.'},
                  {'family': 'Ubel', 'given': 'P. A.'},
                  {'family': 'Caplan', 'given': 'A. L.'}],
       'title': 'Solid-organ transplantation in HIV-infected patients',
       'container-title': 'New England Journal of Medicine',
       'issued': {'date-parts': [[2002]]},
       'volume': '347',
       'issue': '4',
       'page': '284-287',
       'language': 'en'},
     False),
    ('Иванов А. А. Лечение келоидных рубцов // Хирургия. Журнал им. Н. И. Пирогова. 2019. № 5. С. '
     '45–50.',
     {'type': 'article-journal',
       'author': [{'family': 'Иванов', 'given': 'А. А.'}],
       'title': 'Лечение келоидных рубцов',
       'container-title': 'Хирургия. Журнал им. Н. И. Пирогова',
       'issued': {'date-parts': [[2019]]},
       'issue': '5',
       'page': '45-50',
       'language': 'ru'},
     False),
    ('Воронцов, Г. Л. Раневой процесс и рубцевание : учебное пособие / Г. Л. Воронцов, Р. Х. '
     'Шамсутдинова, Е. К. Фёдоров. – 3-е изд. – Санкт-Петербург : СпецЛит, 2019. – 288 с. – ISBN '
     '978-5-299-00958-0. – Текст : непосредственный.',
     {'type': 'book',
       'author': [{'family': 'Воронцов', 'given': 'Г. Л.'},
                  {'family': 'Шамсутдинова', 'given': 'Р. Х.'},
                  {'family': 'Фёдоров', 'given': 'Е. К.'}],
       'title': 'Раневой процесс и рубцевание : учебное пособие',
       'issued': {'date-parts': [[2019]]},
       'number-of-pages': '288',
       'edition': '3',
       'publisher': 'СпецЛит',
       'publisher-place': 'Санкт-Петербург',
       'ISBN': '978-5-299-00958-0',
       'language': 'ru'},
     False),
    ('Глухов В. А. Исследования, разработка и построение системы электронной доставки документов в '
     'библиотеке : автореф. дис. … канд. техн. наук. Новосибирск, 2000. 18 с.',
     {'type': 'thesis',
       'author': [{'family': 'Глухов', 'given': 'В. А.'}],
       'title': 'Исследования, разработка и построение системы электронной доставки документов в '
                'библиотеке',
       'issued': {'date-parts': [[2000]]},
       'number-of-pages': '18',
       'genre': 'автореф. дис. … канд. техн. наук',
       'publisher-place': 'Новосибирск',
       'language': 'ru'},
     False),
    ('ГОСТ Р 7.0.53-2007. Издания. Международный стандартный книжный номер. Использование и '
     'издательское оформление. М., 2007. 5 с.',
     {'type': 'standard',
       'title': 'Издания. Международный стандартный книжный номер. Использование и издательское '
                'оформление',
       'issued': {'date-parts': [[2007]]},
       'number': 'ГОСТ Р 7.0.53-2007',
       'publisher-place': 'М.',
       'language': 'ru'},
     False),
]


@pytest.mark.parametrize("text, expected, truncated", CASES, ids=[c[0][:40] for c in CASES])
def test_gost_reference_parses_to_exact_item(text: str, expected: dict, truncated: bool) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == 'gost'
    assert parsed.item == expected
    assert parsed.truncated_authors is truncated
    assert 0.6 <= parsed.confidence <= 1.0
