"""ABNT references: exact items, upper-case surnames stored title-cased and reported."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference

CASES = [
    ('SILVA, João; COSTA, Maria. Cicatrização de feridas crônicas. Revista Brasileira de Cirurgia, '
     'v. 12, n. 3, p. 45-67, 2020.',
     {'type': 'article-journal',
       'author': [{'family': 'Silva', 'given': 'João'}, {'family': 'Costa', 'given': 'Maria'}],
       'title': 'Cicatrização de feridas crônicas',
       'container-title': 'Revista Brasileira de Cirurgia',
       'issued': {'date-parts': [[2020]]},
       'volume': '12',
       'issue': '3',
       'page': '45-67',
       'language': 'en'},
     False),
    ('SOUZA, Ana Paula. Biologia das cicatrizes. 2. ed. São Paulo: Atlas, 2010. 300 p.',
     {'type': 'book',
       'author': [{'family': 'Souza', 'given': 'Ana Paula'}],
       'title': 'Biologia das cicatrizes',
       'issued': {'date-parts': [[2010]]},
       'number-of-pages': '300',
       'edition': '2',
       'publisher': 'Atlas',
       'publisher-place': 'São Paulo',
       'language': 'en'},
     False),
    ('SANTOS, M. A.; OLIVEIRA, P. R. Exossomos na medicina regenerativa. Revista de Medicina, v. '
     '99, n. 2, p. 10-20, 2021.',
     {'type': 'article-journal',
       'author': [{'family': 'Santos', 'given': 'M. A.'}, {'family': 'Oliveira', 'given': 'P. R.'}],
       'title': 'Exossomos na medicina regenerativa',
       'container-title': 'Revista de Medicina',
       'issued': {'date-parts': [[2021]]},
       'volume': '99',
       'issue': '2',
       'page': '10-20',
       'language': 'en'},
     False),
    ('PEREIRA, Carlos. Feridas e curativos. São Paulo: Manole, 2015.',
     {'type': 'book',
       'author': [{'family': 'Pereira', 'given': 'Carlos'}],
       'title': 'Feridas e curativos',
       'issued': {'date-parts': [[2015]]},
       'publisher': 'Manole',
       'publisher-place': 'São Paulo',
       'language': 'en'},
     False),
    ('ALMEIDA, Rita; LIMA, José; ROCHA, Ana. Terapia celular. Cadernos de Saúde, v. 5, p. 1-9, '
     '2019.',
     {'type': 'article-journal',
       'author': [{'family': 'Almeida', 'given': 'Rita'},
                  {'family': 'Lima', 'given': 'José'},
                  {'family': 'Rocha', 'given': 'Ana'}],
       'title': 'Terapia celular',
       'container-title': 'Cadernos de Saúde',
       'issued': {'date-parts': [[2019]]},
       'volume': '5',
       'page': '1-9',
       'language': 'en'},
     False),
    ('COSTA, Pedro. Queimaduras. Rio de Janeiro: Guanabara, 2018. 250 p.',
     {'type': 'book',
       'author': [{'family': 'Costa', 'given': 'Pedro'}],
       'title': 'Queimaduras',
       'issued': {'date-parts': [[2018]]},
       'number-of-pages': '250',
       'publisher': 'Guanabara',
       'publisher-place': 'Rio de Janeiro',
       'language': 'en'},
     False),
    ('MARTINS, L. Cicatrizes hipertróficas. Anais Brasileiros de Dermatologia, v. 90, n. 1, p. '
     '5-12, 2015.',
     {'type': 'article-journal',
       'author': [{'family': 'Martins', 'given': 'L.'}],
       'title': 'Cicatrizes hipertróficas',
       'container-title': 'Anais Brasileiros de Dermatologia',
       'issued': {'date-parts': [[2015]]},
       'volume': '90',
       'issue': '1',
       'page': '5-12',
       'language': 'en'},
     False),
    ('FERREIRA, João da Silva; GOMES, Ana. Enxertos de pele. Revista da Sociedade de Cirurgia, v. '
     '3, n. 4, p. 100-110, 2017.',
     {'type': 'article-journal',
       'author': [{'family': 'Ferreira', 'given': 'João da Silva'},
                  {'family': 'Gomes', 'given': 'Ana'}],
       'title': 'Enxertos de pele',
       'container-title': 'Revista da Sociedade de Cirurgia',
       'issued': {'date-parts': [[2017]]},
       'volume': '3',
       'issue': '4',
       'page': '100-110',
       'language': 'en'},
     False),
    ('RIBEIRO, Marta. Feridas. 3. ed. Curitiba: Editora UFPR, 2012.',
     {'type': 'book',
       'author': [{'family': 'Ribeiro', 'given': 'Marta'}],
       'title': 'Feridas',
       'issued': {'date-parts': [[2012]]},
       'edition': '3',
       'publisher': 'Editora UFPR',
       'publisher-place': 'Curitiba',
       'language': 'en'},
     False),
    ('CARVALHO, T. R.; NUNES, F. Exossomos. Revista Médica, v. 7, p. 33-40, 2022.',
     {'type': 'article-journal',
       'author': [{'family': 'Carvalho', 'given': 'T. R.'}, {'family': 'Nunes', 'given': 'F.'}],
       'title': 'Exossomos',
       'container-title': 'Revista Médica',
       'issued': {'date-parts': [[2022]]},
       'volume': '7',
       'page': '33-40',
       'language': 'en'},
     False),
]


@pytest.mark.parametrize("text, expected, truncated", CASES, ids=[c[0][:40] for c in CASES])
def test_abnt_reference_parses_to_exact_item(text: str, expected: dict, truncated: bool) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == 'abnt'
    assert parsed.item == expected
    assert parsed.truncated_authors is truncated
    assert 0.6 <= parsed.confidence <= 1.0


def test_journal_host_with_a_period_before_the_year() -> None:
    """"…, p. 145-168. 2010.": NBR 6023 lists print the year after a period too."""
    from citefmt.refparse import parse_reference

    item = parse_reference("ROE, S.; VEGA, A. F. Docência e inclusão. Linhas, Florianópolis, "
                           "v. 11, n. 2, p. 145-168. 2010.").item
    assert (item["container-title"], item["publisher-place"], item["volume"], item["issue"],
            item["page"], item["issued"]) == ("Linhas", "Florianópolis", "11", "2", "145-168",
                                              {"date-parts": [[2010]]})


def test_book_imprint_with_a_period_before_the_year_and_a_volume() -> None:
    from citefmt.refparse import parse_reference

    item = parse_reference("ROE, M. O poder da identidade. 9. ed. São Paulo: Paz e Terra. "
                           "2018. v. 2.").item
    assert (item["type"], item["publisher"], item["publisher-place"], item["edition"],
            item["volume"]) == ("book", "Paz e Terra", "São Paulo", "9", "2")


def test_journal_host_with_an_article_number() -> None:
    """"v. 27, e0208, 2021": NBR 6023 prints an electronic article's number where pages stand."""
    from citefmt.refparse import parse_reference

    item = parse_reference("ROE, L. P.; VEGA, T. Escala de concepções. Revista de Educação, "
                           "Bauru, v. 27, e0208, 2021.").item
    assert (item["container-title"], item["publisher-place"], item["volume"], item["number"]) \
        == ("Revista de Educação", "Bauru", "27", "e0208")


def test_chapter_with_its_host_after_in() -> None:
    """NBR 6023: "Capítulo. In: SOBRENOME, N. (org.). Livro. 3. ed. Local: Editora, 2005.
    p. 5-30." — a chapter, its book, the book's editor and imprint, the chapter's pages."""
    from citefmt.refparse import parse_reference

    parsed = parse_reference("ROE, C. R.; VEGA, J. A relação educação e estado. In: STONE, O. "
                             "(org.). A educação nas constituintes. 3. ed. Campinas: Autores "
                             "Associados, 2005. p. 5-30.")
    item = parsed.item
    assert parsed.grammar == "abnt"
    assert (item["type"], item["title"], item["container-title"], item["page"], item["edition"],
            item["publisher"], item["publisher-place"]) == (
        "chapter", "A relação educação e estado", "A educação nas constituintes", "5-30", "3",
        "Autores Associados", "Campinas")
    assert item["editor"] == [{"family": "Stone", "given": "O."}]


def test_chapter_host_with_the_books_translator() -> None:
    from citefmt.refparse import parse_reference

    item = parse_reference("ROE, M. O texto na linguística. In: ROE, M. Os gêneros do discurso. "
                           "Tradução de Paulo Vega. São Paulo: Editora 34, 2016. p.71-107.").item
    assert item["translator"] == [{"family": "Vega", "given": "Paulo"}]
    assert (item["container-title"], item["publisher"], item["publisher-place"], item["page"]) \
        == ("Os gêneros do discurso", "Editora 34", "São Paulo", "71-107")
