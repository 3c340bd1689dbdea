"""APA and Harvard references: exact items for articles, books and chapters."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference

CASES = [
    ('Smith, J. A., & Lee, K. (2020). Wound healing in adults. Journal of Wound Care, 12(3), '
     '45–67. https://doi.org/10.1000/jwc.2020.123',
     {'type': 'article-journal',
       'author': [{'family': 'Smith', 'given': 'J. A.'}, {'family': 'Lee', 'given': 'K.'}],
       'title': 'Wound healing in adults',
       'container-title': 'Journal of Wound Care',
       'issued': {'date-parts': [[2020]]},
       'volume': '12',
       'issue': '3',
       'page': '45-67',
       'DOI': '10.1000/jwc.2020.123',
       'language': 'en'},
     False),
    ('Brown, T. (2019). Scar biology (2nd ed.). Academic Press.',
     {'type': 'book',
       'author': [{'family': 'Brown', 'given': 'T.'}],
       'title': 'Scar biology',
       'issued': {'date-parts': [[2019]]},
       'edition': '2',
       'publisher': 'Academic Press',
       'language': 'en'},
     False),
    ('Garcia, M., Chen, L., & Patel, R. (2021). Exosomes in dermatology: A review. Dermatology '
     'Reports, 8, 101–110.',
     {'type': 'article-journal',
       'author': [{'family': 'Garcia', 'given': 'M.'},
                  {'family': 'Chen', 'given': 'L.'},
                  {'family': 'Patel', 'given': 'R.'}],
       'title': 'Exosomes in dermatology: A review',
       'container-title': 'Dermatology Reports',
       'issued': {'date-parts': [[2021]]},
       'volume': '8',
       'page': '101-110',
       'language': 'en'},
     False),
    ("Smith, J.A. and Lee, K. (2018) 'Keloid scars revisited', British Journal of Surgery, 105(4), "
     "pp. 300-310.",
     {'type': 'article-journal',
       'author': [{'family': 'Smith', 'given': 'J. A.'}, {'family': 'Lee', 'given': 'K.'}],
       'title': 'Keloid scars revisited',
       'container-title': 'British Journal of Surgery',
       'issued': {'date-parts': [[2018]]},
       'volume': '105',
       'issue': '4',
       'page': '300-310',
       'language': 'en'},
     False),
    ('Nguyen, H. (2022). Growth factors. In A. Kim & B. Park (Eds.), Regenerative medicine (pp. '
     '15–30). Springer.',
     {'type': 'chapter',
       'author': [{'family': 'Nguyen', 'given': 'H.'}],
       'editor': [{'family': 'Kim', 'given': 'A.'}, {'family': 'Park', 'given': 'B.'}],
       'title': 'Growth factors',
       'container-title': 'Regenerative medicine',
       'issued': {'date-parts': [[2022]]},
       'page': '15-30',
       'publisher': 'Springer',
       'language': 'en'},
     False),
    ('Lee, K. (2015). Burn care. Elsevier.',
     {'type': 'book',
       'author': [{'family': 'Lee', 'given': 'K.'}],
       'title': 'Burn care',
       'issued': {'date-parts': [[2015]]},
       'publisher': 'Elsevier',
       'language': 'en'},
     False),
    ('Wang, Y., Li, X., & Zhao, Q. (2023). Hydrogels for wounds. Advanced Materials, 35(12), '
     'e2207112.',
     {'type': 'article-journal',
       'author': [{'family': 'Wang', 'given': 'Y.'},
                  {'family': 'Li', 'given': 'X.'},
                  {'family': 'Zhao', 'given': 'Q.'}],
       'title': 'Hydrogels for wounds',
       'container-title': 'Advanced Materials',
       'issued': {'date-parts': [[2023]]},
       'volume': '35',
       'issue': '12',
       'number': 'e2207112',
       'language': 'en'},
     False),
    ('Kim, S. (2017, March 5). Skin substitutes explained. Wound Journal, 4(1), 1–8.',
     {'type': 'article-journal',
       'author': [{'family': 'Kim', 'given': 'S.'}],
       'title': 'Skin substitutes explained',
       'container-title': 'Wound Journal',
       'issued': {'date-parts': [[2017, 3, 5]]},
       'volume': '4',
       'issue': '1',
       'page': '1-8',
       'language': 'en'},
     False),
    ('Jones, P. and Black, R. (2016) Scarless healing. Oxford: Oxford University Press.',
     {'type': 'book',
       'author': [{'family': 'Jones', 'given': 'P.'}, {'family': 'Black', 'given': 'R.'}],
       'title': 'Scarless healing',
       'issued': {'date-parts': [[2016]]},
       'publisher': 'Oxford University Press',
       'publisher-place': 'Oxford',
       'language': 'en'},
     False),
    ('Taylor, R. (2010). Skin grafts. Plastic Surgery Review, 3(2), 11–19.',
     {'type': 'article-journal',
       'author': [{'family': 'Taylor', 'given': 'R.'}],
       'title': 'Skin grafts',
       'container-title': 'Plastic Surgery Review',
       'issued': {'date-parts': [[2010]]},
       'volume': '3',
       'issue': '2',
       'page': '11-19',
       'language': 'en'},
     False),
    ('Adams, B., & Clark, D. (2012). Tissue repair (3rd ed.). Wiley.',
     {'type': 'book',
       'author': [{'family': 'Adams', 'given': 'B.'}, {'family': 'Clark', 'given': 'D.'}],
       'title': 'Tissue repair',
       'issued': {'date-parts': [[2012]]},
       'edition': '3',
       'publisher': 'Wiley',
       'language': 'en'},
     False),
    ('Evans, M. A. (2024). Exosome isolation methods. Journal of Extracellular Vesicles, 13(1), '
     '5-25. https://doi.org/10.1002/jev2.12345',
     {'type': 'article-journal',
       'author': [{'family': 'Evans', 'given': 'M. A.'}],
       'title': 'Exosome isolation methods',
       'container-title': 'Journal of Extracellular Vesicles',
       'issued': {'date-parts': [[2024]]},
       'volume': '13',
       'issue': '1',
       'page': '5-25',
       'DOI': '10.1002/jev2.12345',
       'language': 'en'},
     False),
]


@pytest.mark.parametrize("text, expected, truncated", CASES, ids=[c[0][:40] for c in CASES])
def test_apa_reference_parses_to_exact_item(text: str, expected: dict, truncated: bool) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == 'apa'
    assert parsed.item == expected
    assert parsed.truncated_authors is truncated
    assert 0.6 <= parsed.confidence <= 1.0


def test_chicago_chapter_with_editors_after_the_book() -> None:
    """"In Book, eds. Jed Roe and Ann Vega, pp. 403-424. Cambridge, MA: MIT Press."."""
    from citefmt.refparse import parse_reference

    item = parse_reference('Stone, Peter (2001). "Who found the electron?" In Histories of the '
                           "Electron, eds. Jed Roe and Ann Vega, pp. 403-424. Cambridge, MA: MIT "
                           "Press.").item
    assert item["type"] == "chapter"
    assert [(n["family"], n["given"]) for n in item["editor"]] == [("Roe", "Jed"), ("Vega", "Ann")]
    assert (item["container-title"], item["page"], item["publisher"], item["publisher-place"]) \
        == ("Histories of the Electron", "403-424", "MIT Press", "Cambridge, MA")
