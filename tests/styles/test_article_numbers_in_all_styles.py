"""Article numbers (CSL `number` of a journal article, no `page`) in the three bundled styles.

Vancouver prints the article number where the pages go ("2022;298(2):101530"), GOST labels it
"Art." for Latin-script sources and "Ст." for Russian ones (styles/README.md, styles-rules.md §1
example "… Vol. 298, No. 2. Art. 101530."); an article with pages prints its pages in every style.
"""

from __future__ import annotations

import pytest
from helpers import NBSP
from helpers import csl_person as person

ENGLISH = {"id": "moretti", "type": "article-journal", "language": "en",
           "author": [person("Moretti", "L.")], "title": "Scar formation",
           "container-title": "Journal of Biological Chemistry",
           "container-title-short": "J Biol Chem", "issued": {"date-parts": [[2022]]},
           "volume": "298", "issue": "2", "number": "101530"}
RUSSIAN = {"id": "ivanov", "type": "article-journal", "language": "ru",
           "author": [person("Иванов", "И. И.")], "title": "Рубцы",
           "container-title": "Вестник хирургии", "issued": {"date-parts": [[2021]]},
           "volume": "5", "issue": "2", "number": "e945"}
WITH_PAGES = dict(ENGLISH, id="paged", page="1-12")

EXPECTED = {
    "vancouver": [
        "1. Moretti L. Scar formation. J Biol Chem. 2022;298(2):101530.",
        "2. Иванов ИИ. Рубцы. Вестник хирургии. 2021;5(2):e945.",
        "3. Moretti L. Scar formation. J Biol Chem. 2022;298(2):1-12.",
    ],
    "gost-r-7.0.5-2008": [
        "1. Moretti L. Scar formation // Journal of Biological Chemistry. 2022. "
        f"Vol.{NBSP}298, No.{NBSP}2. Art.{NBSP}101530.",
        f"2. Иванов И. И. Рубцы // Вестник хирургии. 2021. Т.{NBSP}5, №{NBSP}2. Ст.{NBSP}e945.",
        "3. Moretti L. Scar formation // Journal of Biological Chemistry. 2022. "
        f"Vol.{NBSP}298, No.{NBSP}2. P.{NBSP}1–12.",
    ],
    "gost-r-7.0.100-2018": [
        "1. Moretti, L. Scar formation / L. Moretti. – Текст : непосредственный // Journal of "
        f"Biological Chemistry. – 2022. – Vol.{NBSP}298, No.{NBSP}2. – Art.{NBSP}101530.",
        "2. Иванов, И. И. Рубцы / И. И. Иванов. – Текст : непосредственный // Вестник хирургии. "
        f"– 2021. – Т.{NBSP}5, №{NBSP}2. – Ст.{NBSP}e945.",
        "3. Moretti, L. Scar formation / L. Moretti. – Текст : непосредственный // Journal of "
        f"Biological Chemistry. – 2022. – Vol.{NBSP}298, No.{NBSP}2. – P.{NBSP}1–12.",
    ],
}


@pytest.mark.parametrize("style", EXPECTED)
def test_article_number_prints_in_place_of_pages(render_list, style):
    assert render_list(style, [ENGLISH, RUSSIAN, WITH_PAGES]) == EXPECTED[style]
