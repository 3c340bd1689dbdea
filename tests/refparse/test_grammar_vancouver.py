"""Vancouver/NLM and AMA references: exact items, including chapters, books, theses, suffixes and
organisations."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference

CASES = [
    ('Lee JH, Park S, Kim H. Scar prevention. JAMA. 2020;323(5):123-130. doi:10.1001/jama.2020.1',
     {'type': 'article-journal',
       'author': [{'family': 'Lee', 'given': 'J. H.'},
                  {'family': 'Park', 'given': 'S.'},
                  {'family': 'Kim', 'given': 'H.'}],
       'title': 'Scar prevention',
       'container-title': 'JAMA',
       'container-title-short': 'JAMA',
       'issued': {'date-parts': [[2020]]},
       'volume': '323',
       'issue': '5',
       'page': '123-130',
       'DOI': '10.1001/jama.2020.1',
       'language': 'en'},
     False),
    ('Murray PR, Rosenthal KS, Kobayashi GS, Pfaller MA. Medical microbiology. 4th ed. St. Louis: '
     'Mosby; 2002.',
     {'type': 'book',
       'author': [{'family': 'Murray', 'given': 'P. R.'},
                  {'family': 'Rosenthal', 'given': 'K. S.'},
                  {'family': 'Kobayashi', 'given': 'G. S.'},
                  {'family': 'Pfaller', 'given': 'M. A.'}],
       'title': 'Medical microbiology',
       'issued': {'date-parts': [[2002]]},
       'edition': '4',
       'publisher': 'Mosby',
       'publisher-place': 'St. Louis',
       'language': 'en'},
     False),
    ('Meltzer PS, Kallioniemi A, Trent JM. Chromosome alterations in human solid tumors. In: '
     'Vogelstein B, Kinzler KW, editors. The genetic basis of human cancer. New York: '
     'McGraw-Hill; 2002. p. 93-113.',
     {'type': 'chapter',
       'author': [{'family': 'Meltzer', 'given': 'P. S.'},
                  {'family': 'Kallioniemi', 'given': 'A.'},
                  {'family': 'Trent', 'given': 'J. M.'}],
       'editor': [{'family': 'Vogelstein', 'given': 'B.'}, {'family': 'Kinzler', 'given': 'K. W.'}],
       'title': 'Chromosome alterations in human solid tumors',
       'container-title': 'The genetic basis of human cancer',
       'issued': {'date-parts': [[2002]]},
       'page': '93-113',
       'publisher': 'McGraw-Hill',
       'publisher-place': 'New York',
       'language': 'en'},
     False),
    ('Borkowski MM. Infant sleep and feeding: a telephone survey of Hispanic Americans '
     '[dissertation]. Mount Pleasant (MI): Central Michigan University; 2002.',
     {'type': 'thesis',
       'author': [{'family': 'Borkowski', 'given': 'M. M.'}],
       'title': 'Infant sleep and feeding: a telephone survey of Hispanic Americans',
       'issued': {'date-parts': [[2002]]},
       'genre': 'dissertation',
       'publisher': 'Central Michigan University',
       'publisher-place': 'Mount Pleasant (MI)',
       'language': 'en'},
     False),
    ('Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. N Engl '
     'J Med. 2002 Jul 25;347(4):284-7.',
     {'type': 'article-journal',
       'author': [{'family': 'Halpern', 'given': 'S. D.'},
                  {'family': 'Ubel', 'given': 'P. A.'},
                  {'family': 'Caplan', 'given': 'A. L.'}],
       'title': 'Solid-organ transplantation in HIV-infected patients',
       'container-title': 'N Engl J Med',
       'container-title-short': 'N Engl J Med',
       'issued': {'date-parts': [[2002, 7, 25]]},
       'volume': '347',
       'issue': '4',
       'page': '284-287',
       'language': 'en'},
     False),
    ('World Health Organization. Global report on diabetes. Geneva: World Health Organization; '
     '2016.',
     {'type': 'book',
       'author': [{'literal': 'World Health Organization'}],
       'title': 'Global report on diabetes',
       'issued': {'date-parts': [[2016]]},
       'publisher': 'World Health Organization',
       'publisher-place': 'Geneva',
       'language': 'en'},
     False),
    ('van Moorselaar RJ, Gilstrap LC 3rd. Prostate tumours. Eur Urol. 2001;40 Suppl 2:S93-9.',
     {'type': 'article-journal',
       'author': [{'family': 'van Moorselaar', 'given': 'R. J.'},
                  {'family': 'Gilstrap', 'given': 'L. C.', 'suffix': '3rd'}],
       'title': 'Prostate tumours',
       'container-title': 'Eur Urol',
       'container-title-short': 'Eur Urol',
       'issued': {'date-parts': [[2001]]},
       'volume': '40',
       'issue': 'Suppl 2',
       'page': 'S93-S99',
       'language': 'en'},
     False),
    ('Wallace HA, Basehore BM, Zito PM. Wound Healing Phases. In: StatPearls. Treasure Island '
     '(FL): StatPearls. https://www.ncbi.nlm.nih.gov/books/NBK470443/ PMID: 29262065',
     {'type': 'chapter',
       'author': [{'family': 'Wallace', 'given': 'H. A.'},
                  {'family': 'Basehore', 'given': 'B. M.'},
                  {'family': 'Zito', 'given': 'P. M.'}],
       'title': 'Wound Healing Phases',
       'container-title': 'StatPearls',
       'publisher': 'StatPearls',
       'publisher-place': 'Treasure Island (FL)',
       'PMID': '29262065',
       'URL': 'https://www.ncbi.nlm.nih.gov/books/NBK470443/',
       'language': 'en'},
     False),
    ('Lee JH, WonYJ, Kim H, et al. Adipose Tissue-Derived Mesenchymal Stem Cell-Derived Exosomes '
     'Promote Wound Healing and Tissue Regeneration. Int J Mol Sci. 2023;24(13):10434. PMID: '
     '37445612. PMCID: PMC10341478. https://doi.org/10.3390/ijms241310434',
     {'type': 'article-journal',
       'author': [{'family': 'Lee', 'given': 'J. H.'},
                  {'family': 'Won', 'given': 'Y. J.'},
                  {'family': 'Kim', 'given': 'H.'},
                  {'literal': 'others'}],
       'title': 'Adipose Tissue-Derived Mesenchymal Stem Cell-Derived Exosomes Promote Wound '
                'Healing and Tissue Regeneration',
       'container-title': 'Int J Mol Sci',
       'container-title-short': 'Int J Mol Sci',
       'issued': {'date-parts': [[2023]]},
       'volume': '24',
       'issue': '13',
       'number': '10434',
       'DOI': '10.3390/ijms241310434',
       'PMID': '37445612',
       'PMCID': 'PMC10341478',
       'language': 'en'},
     True),
    ('Palakurthi SS, Shah B, Kapre S, et al. A comprehensive review of challenges and advances in '
     'exosome-based drug delivery systems. Nanoscale Adv. PMID: 39484149. PMCID: PMC11523810. '
     'https://doi.org/10.1039/d4na00501e',
     {'type': 'article-journal',
       'author': [{'family': 'Palakurthi', 'given': 'S. S.'},
                  {'family': 'Shah', 'given': 'B.'},
                  {'family': 'Kapre', 'given': 'S.'},
                  {'literal': 'others'}],
       'title': 'A comprehensive review of challenges and advances in exosome-based drug delivery '
                'systems',
       'container-title': 'Nanoscale Adv',
       'container-title-short': 'Nanoscale Adv',
       'DOI': '10.1039/d4na00501e',
       'PMID': '39484149',
       'PMCID': 'PMC11523810',
       'language': 'en'},
     True),
]


@pytest.mark.parametrize("text, expected, truncated", CASES, ids=[c[0][:40] for c in CASES])
def test_vancouver_reference_parses_to_exact_item(text: str, expected: dict,
                                                  truncated: bool) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == 'vancouver'
    assert parsed.item == expected
    assert parsed.truncated_authors is truncated
    assert 0.6 <= parsed.confidence <= 1.0


@pytest.mark.parametrize("locator, page", [("p. 117-120", "117-120"), ("pp. 117-20", "117-120"),
                                           ("117-20", "117-120")])
def test_page_label_after_the_colon_is_not_the_page(locator: str, page: str) -> None:
    """French and some European lists write "2010 Sep; 27(3): p. 117-120"."""
    parsed = parse_reference("Roe J, Doe A. Healing of scars. J Test Med. 2010 Sep; 27(3): "
                             f"{locator}.")
    assert parsed.grammar == "vancouver"
    assert (parsed.item["volume"], parsed.item["issue"], parsed.item["page"]) == ("27", "3", page)


def test_a_stray_comma_between_a_family_and_its_initials() -> None:
    """"Camacho F, Bhosle, M, Hwang W": the comma after "Bhosle" is a typing slip."""
    from citefmt.refparse import parse_reference

    item = parse_reference("Roe G, Vega R, Camacho F, Bhosle, M, Hwang W. Hormonal therapy use "
                           "among women with breast cancer. J Clin Oncol. 2009;27:3445-51.").item
    assert [n["family"] for n in item["author"]] == ["Roe", "Vega", "Camacho", "Bhosle", "Hwang"]
    assert item["title"] == "Hormonal therapy use among women with breast cancer"


def test_an_inverted_name_cut_at_its_initial_is_not_a_stray_comma() -> None:
    from citefmt.refparse import parse_reference

    item = parse_reference("Roe, L. M., Vega, J. G., Pseudotachylyte petrogenesis. Contributions "
                           "to Mineralogy and Petrology, v. 125, pp. 359-374. 1996.").item
    assert [n.get("family") for n in item["author"]] == ["Roe", "Vega"]


def test_a_colon_ends_the_author_list() -> None:
    from citefmt.refparse import parse_reference

    item = parse_reference("Roe R, Vega F, Stone G: Distinctive features of stromal tumors. "
                           "J Gastrointest Oncol. 2019;10(4):12-20.").item
    assert [n["family"] for n in item["author"]] == ["Roe", "Vega", "Stone"]
    assert item["title"] == "Distinctive features of stromal tumors"
