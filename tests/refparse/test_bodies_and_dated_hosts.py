"""Bodies as authors (NLM "Organization as author", NBR 6023 "entidade", ISO 690 corporate
author) and NBR 6023 / ISO 690 articles of newspapers and news sites dated by the day, theses
with their number of leaves, imprints with a year letter and the "Last access" statement.

Every string is written for the test in the shape the standard gives (Citing Medicine ch. 1
and 2; NBR 6023:2018 7.7.5, 7.9, 8.1.2; ISO 690:2010 corporate authors, online access dates);
the expected fields are what that shape says each part is.
"""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference
from citefmt.refparse.bodies import body_name_out_of_title, body_out_of_title

# --- a body left inside the title -------------------------------------------------------------


@pytest.mark.parametrize(("title", "author", "rest"), [
    ("World Health Organization. Physical status: the use and interpretation of anthropometry",
     "World Health Organization", "Physical status: the use and interpretation of anthropometry"),
    ("Centers for Disease Control and Prevention. Measles cases and outbreaks",
     "Centers for Disease Control and Prevention", "Measles cases and outbreaks"),
    ("Instituto Nacional de Estadística. Cifras oficiales de población",
     "Instituto Nacional de Estadística", "Cifras oficiales de población"),
    ("Sociedade Brasileira de Pediatria (SBP). Vacinas em crianças",
     "Sociedade Brasileira de Pediatria (SBP)", "Vacinas em crianças"),
])
def test_body_sentence_opening_an_authorless_title_is_the_author(
        title: str, author: str, rest: str) -> None:
    item = {"type": "book", "title": title}
    body_out_of_title(item)
    assert item == {"type": "book", "author": [{"literal": author}], "title": rest}


@pytest.mark.parametrize("item", [
    # a first sentence of capitalised words that names no body is the title's own
    {"type": "book", "title": "Growth Reference Data. Body mass index for age"},
    # a sentence with a body word but lower-case words is a title sentence
    {"type": "book", "title": "The national health service in crisis. A study"},
    # authors already read: the title stays whole
    {"type": "book", "author": [{"family": "Roe", "given": "J."}],
     "title": "World Health Organization. A history"},
    # an editor stands in the author's place
    {"type": "book", "editor": [{"family": "Roe", "given": "J."}],
     "title": "World Health Organization. A history"},
])
def test_body_out_of_title_leaves_other_titles(item: dict) -> None:
    before = {k: (list(v) if isinstance(v, list) else v) for k, v in item.items()}
    body_out_of_title(item)
    assert item == before


def test_body_name_cut_after_connector_takes_its_end_back_from_the_title() -> None:
    item = {"type": "webpage", "author": [{"literal": "Australian Bureau of"}],
            "title": "Statistics. National Health Survey: Summary of Results"}
    body_name_out_of_title(item)
    assert item["author"] == [{"literal": "Australian Bureau of Statistics"}]
    assert item["title"] == "National Health Survey: Summary of Results"


def test_body_name_not_cut_stays() -> None:
    item = {"type": "book", "author": [{"literal": "World Health Organization"}],
            "title": "Physical status. The use of anthropometry"}
    body_name_out_of_title(item)
    assert item["author"] == [{"literal": "World Health Organization"}]
    assert item["title"] == "Physical status. The use of anthropometry"


def test_nlm_body_author_of_a_book_end_to_end() -> None:
    # Citing Medicine ch. 2 (books), organization as author, place without publisher
    item = parse_reference("World Health Organization. National eHealth strategy toolkit: "
                           "overview. Geneva; 2012.").item
    assert item["author"] == [{"literal": "World Health Organization"}]
    assert item["title"] == "National eHealth strategy toolkit: overview"
    assert item["issued"] == {"date-parts": [[2012]]}


@pytest.mark.parametrize("name", ["Sociedade Brasileira de Diabetes",
                                  "Australian Bureau of Statistics",
                                  "Centers for Disease Control and Prevention",
                                  "Comissão Nacional de Ética em Pesquisa"])
def test_body_words_make_one_literal_author(name: str) -> None:
    from citefmt.refparse.names import split_names
    assert split_names(name) == [{"literal": name}]


# --- NBR 6023 7.7.5: newspaper / news-site article, dated by the day --------------------------


def test_newspaper_article_with_place_and_portuguese_date() -> None:
    item = parse_reference("SOUZA, M. A. Título da matéria sobre a cidade. Folha de S.Paulo, "
                           "São Paulo, 22 de outubro de 2021. Disponível em: "
                           "https://www.folha.uol.com.br/x. Acesso em: 20 jun. 2022.").item
    assert item["type"] == "article-journal"
    assert item["author"] == [{"family": "Souza", "given": "M. A."}]
    assert item["title"] == "Título da matéria sobre a cidade"
    assert item["container-title"] == "Folha de S.Paulo"
    assert item["publisher-place"] == "São Paulo"
    assert item["issued"] == {"date-parts": [[2021, 10, 22]]}
    assert item["URL"] == "https://www.folha.uol.com.br/x"


def test_newspaper_article_with_spanish_abbreviated_month_and_section() -> None:
    item = parse_reference("PÉREZ, J. El gobierno anuncia nuevas medidas económicas. Clarín, "
                           "Buenos Aires, 3 nov. 2017. Política.").item
    assert item["container-title"] == "Clarín"
    assert item["publisher-place"] == "Buenos Aires"
    assert item["issued"] == {"date-parts": [[2017, 11, 3]]}
    assert item["section"] == "Política"


def test_news_site_article_english_date_and_last_access() -> None:
    item = parse_reference("ROE, L. Markets fall on growth fears. Reuters, London, Oct. 13, "
                           "2023. Available at: https://www.reuters.com/x. Last access: "
                           "Jan. 14, 2024.").item
    assert item["title"] == "Markets fall on growth fears"
    assert item["container-title"] == "Reuters"
    assert item["publisher-place"] == "London"
    assert item["issued"] == {"date-parts": [[2023, 10, 13]]}
    assert item["accessed"] == {"date-parts": [[2024, 1, 14]]}


# --- NBR 6023 7.9: thesis with its leaves; imprint with a year letter -------------------------


def test_thesis_with_number_of_leaves() -> None:
    item = parse_reference("LIMA, A. B. Leitura e escrita na escola pública. 2021. 230 f. Tese "
                           "(Doutorado em Educação) – Universidade Federal da Bahia, Salvador, "
                           "2021.").item
    assert item["type"] == "thesis"
    assert item["number-of-pages"] == "230"
    assert item["genre"] == "Tese (Doutorado em Educação)"
    assert item["publisher"] == "Universidade Federal da Bahia"
    assert item["publisher-place"] == "Salvador"
    assert item["issued"] == {"date-parts": [[2021]]}


def test_book_imprint_with_year_letter_and_entity_author() -> None:
    item = parse_reference("WORLD BANK. Growth paths after the pandemic. Washington, DC: The "
                           "World Bank, 2023c.").item
    assert item["type"] == "book"
    assert item["author"] == [{"literal": "WORLD BANK"}]
    assert item["publisher"] == "The World Bank"
    assert item["publisher-place"] == "Washington, DC"
    assert item["issued"] == {"date-parts": [[2023]]}


# --- the title's closing place and the URL label ----------------------------------------------


@pytest.mark.parametrize(("title", "journal", "text", "want_title", "want_journal"), [
    ("Florística de uma floresta em Juquitiba", "SP. Revista Brasileira de Botânica",
     "Roe, J. 2007. Florística de uma floresta em Juquitiba, SP. Revista Brasileira de Botânica "
     "5: 1-9.",
     "Florística de uma floresta em Juquitiba, SP", "Revista Brasileira de Botânica"),
    ("Epífitas da Reserva Biológica do Guará", "Brasília, DF. Heringeriana",
     "Roe, J. 2014. Epífitas da Reserva Biológica do Guará, Brasília, DF. Heringeriana 8: 2-3.",
     "Epífitas da Reserva Biológica do Guará, Brasília, DF", "Heringeriana"),
])
def test_place_closing_the_title_goes_back_from_the_journal(
        title: str, journal: str, text: str, want_title: str, want_journal: str) -> None:
    from citefmt.refparse.abnt import title_place_out_of_journal
    item = {"title": title, "container-title": journal}
    title_place_out_of_journal(item, text)
    assert item == {"title": want_title, "container-title": want_journal}


@pytest.mark.parametrize(("journal", "text"), [
    # an abbreviated journal name starting with a word that is also a place's name
    ("Int. J. Numer. Meth. Engrg.", "A. Roe, Gradients of constraints, Int. J. Numer. Meth. "
                                    "Engrg., 23, 1986."),
    # the journal's first sentence is no place
    ("Ann. Phys. Rev.", "A. Roe, Title of the work, Ann. Phys. Rev. 2, 1986."),
    # the string does not print title, comma, place, period
    ("Cotia. Revista Nova", "Roe, J. 2007. Floresta secundária. Cotia. Revista Nova 5: 1-9."),
])
def test_journal_start_that_is_no_closing_place_stays(journal: str, text: str) -> None:
    from citefmt.refparse.abnt import title_place_out_of_journal
    title = text.split(", ")[1] if text.startswith("A.") else "Floresta secundária"
    item = {"title": title, "container-title": journal}
    title_place_out_of_journal(item, text)
    assert item == {"title": title, "container-title": journal}


@pytest.mark.parametrize(("title", "want"), [
    ("Bryophyte Ecology. Disponível em", "Bryophyte Ecology"),
    ("Programming for the Arduino, disponível em:", "Programming for the Arduino"),
    ("The state of the world. Available from", "The state of the world"),
    # "em" ending a title that carries no label stays
    ("Políticas públicas em", "Políticas públicas em"),
])
def test_url_label_out_of_title(title: str, want: str) -> None:
    from citefmt.refparse.abnt import url_label_out_of_title
    item = {"title": title}
    url_label_out_of_title(item)
    assert item == {"title": want}


def test_url_label_that_is_the_whole_journal_is_no_journal() -> None:
    from citefmt.refparse.abnt import url_label_out_of_title
    item = {"title": "Bryophyte Ecology", "container-title": "Disponível em"}
    url_label_out_of_title(item)
    assert item == {"title": "Bryophyte Ecology"}


# --- theses and chapters (NBR 6023 7.9, 7.3) -------------------------------------------------


@pytest.mark.parametrize(("title", "want_title", "genre"), [
    ("Orquídeas epífitas da Floresta Nacional de Brasília - DF. Dissertação de Mestrado",
     "Orquídeas epífitas da Floresta Nacional de Brasília - DF", "Dissertação de Mestrado"),
    ("Florestas secundárias na Serra da Cantareira. Tese de Doutorado",
     "Florestas secundárias na Serra da Cantareira", "Tese de Doutorado"),
])
def test_thesis_statement_closing_the_title(title: str, want_title: str, genre: str) -> None:
    from citefmt.refparse.abnt import thesis_sentence_out_of_title
    item = {"type": "book", "title": title, "publisher": "Universidade de Brasília"}
    thesis_sentence_out_of_title(item)
    assert item == {"type": "thesis", "title": want_title, "genre": genre,
                    "publisher": "Universidade de Brasília"}


def test_title_mentioning_a_thesis_stays() -> None:
    from citefmt.refparse.abnt import thesis_sentence_out_of_title
    item = {"type": "book", "title": "A tese de doutorado no Brasil: uma história"}
    thesis_sentence_out_of_title(item)
    assert item == {"type": "book", "title": "A tese de doutorado no Brasil: uma história"}


def test_place_closing_the_title_goes_back_from_a_thesis_statement() -> None:
    from citefmt.refparse.abnt import title_place_out_of_journal
    text = ("Roe, J. 1991. Estudo de uma floresta em Guarulhos, SP. Dissertação de Mestrado, "
            "Universidade Estadual de Campinas, Campinas.")
    item = {"title": "Estudo de uma floresta em Guarulhos",
            "publisher": "SP. Dissertação de Mestrado, Universidade Estadual de Campinas"}
    title_place_out_of_journal(item, text)
    assert item == {"title": "Estudo de uma floresta em Guarulhos, SP",
                    "publisher": "Dissertação de Mestrado, Universidade Estadual de Campinas"}


@pytest.mark.parametrize(("text", "editors", "container"), [
    # "In:" after the title's comma instead of its period
    ("MACHADO, I. Corpo e ritmo na obra de Bach, In: BRAIT, B.; GONÇALVES, J. (org.). Bakhtin "
     "e as artes. São Paulo: Hucitec, 2021. p. 121-146.",
     [{"family": "Brait", "given": "B."}, {"family": "Gonçalves", "given": "J."}],
     "Bakhtin e as artes"),
    # "In :" with a space before the colon, compilers "(comp.)"
    ("WODAK, R. El enfoque del discurso. In : WODAK, R.; MEYER, M. (comp.). Métodos de "
     "análisis del discurso. Madrid: Gedisa, 2001. p. 101-141.",
     [{"family": "Wodak", "given": "R."}, {"family": "Meyer", "given": "M."}],
     "Métodos de análisis del discurso"),
    # no names before the host's title
    ("PLUTARCO. Sobre el anciano. In: Obras morales y de costumbres. Madrid: Gredos, 2003.",
     None, "Obras morales y de costumbres"),
])
def test_chapter_hosts(text: str, editors: list | None, container: str) -> None:
    item = parse_reference(text).item
    assert item["type"] == "chapter"
    assert item.get("editor") == editors
    assert item["container-title"] == container
    assert item["publisher-place"] in ("São Paulo", "Madrid")


def test_host_with_mixed_case_names_is_not_read_as_a_host_title() -> None:
    from citefmt.refparse import abnt
    candidate = abnt.parse("SERRÃO, J. V. O pensamento agrário. In: Cardoso, José Luís (Org.). "
                           "Contribuições para a história. Lisboa: Editorial Estampa, 1988.")
    assert candidate is None or candidate.item.get("container-title") != \
        "Cardoso, José Luís (Org.)"


# --- an inverted name ends at its initials (NBR 6023 8.1.1, APA) ------------------------------


@pytest.mark.parametrize(("authors", "title", "text", "want_authors", "want_title"), [
    ([{"family": "BEZERRA"}, {"family": "Posfácio", "given": "P."}],
     "No limiar de várias ciências",
     "BEZERRA, P. Posfácio. No limiar de várias ciências. São Paulo: Editora 34, 2016.",
     [{"family": "BEZERRA", "given": "P."}], "Posfácio. No limiar de várias ciências"),
    ([{"family": "Neubert"}, {"family": "Publicação", "given": "P. S."}],
     "Científica em Títulos Mainstream",
     "Neubert, P.S. Publicação Científica em Títulos Mainstream. 2020. 178 p.",
     [{"family": "Neubert", "given": "P. S."}], "Publicação Científica em Títulos Mainstream"),
    ([{"family": "LIMA", "given": "J."}, {"family": "CHAVES"}, {"family": "Michel",
                                                                "given": "E."}],
     "Foucault e a verdade", "LIMA, J.; CHAVES, E. Michel Foucault e a verdade. Campinas, 2013.",
     [{"family": "LIMA", "given": "J."}, {"family": "CHAVES", "given": "E."}],
     "Michel Foucault e a verdade"),
])
def test_title_word_read_as_a_name_goes_back_to_the_title(
        authors: list, title: str, text: str, want_authors: list, want_title: str) -> None:
    from citefmt.refparse.abnt import title_word_out_of_names
    item = {"author": authors, "title": title}
    title_word_out_of_names(item, text)
    assert item == {"author": want_authors, "title": want_title}


@pytest.mark.parametrize(("authors", "title", "text"), [
    # the word after the initials is the next surname, its own initials after it
    ([{"family": "Smith"}, {"family": "Doe", "given": "J."}], "A study of things",
     "Smith, J. Doe, K. A study of things. Journal 2, 3 (2001)."),
    # the title does not follow the name in the string
    ([{"family": "Ferrero"}, {"family": "Prefácio", "given": "I."}], "Virtudes e dilemas",
     "Ferrero, I. Prefácio. In M. C. Serafim (Org.). (2020). Virtudes e dilemas. Admethics."),
])
def test_names_that_are_no_misread_title_word_stay(authors: list, title: str, text: str) -> None:
    from citefmt.refparse.abnt import title_word_out_of_names
    item = {"author": [dict(n) for n in authors], "title": title}
    title_word_out_of_names(item, text)
    assert item == {"author": authors, "title": title}


# --- NBR 6023 book: subtitle sentence before the imprint; particle after given names ---------


@pytest.mark.parametrize(("text", "title", "place"), [
    ("HADOT, P. La ciudadela interior. Introducción a las Meditaciones de Marco Aurelio. "
     "Salamanca: Alpha Decay, 2013.",
     "La ciudadela interior. Introducción a las Meditaciones de Marco Aurelio", "Salamanca"),
    ("ROE, P. N. O método formal. Introdução crítica a uma poética. Trad. Ana Lima. São Paulo: "
     "Contexto, 2012.",
     "O método formal. Introdução crítica a uma poética", "São Paulo"),
])
def test_unlabelled_sentence_after_the_title_is_its_subtitle(
        text: str, title: str, place: str) -> None:
    item = parse_reference(text).item
    assert item["type"] == "book"
    assert item["title"] == title
    assert item["publisher-place"] == place


@pytest.mark.parametrize("text", [
    "ROE, G. Cinema 1: The Movement-Image. Trans. Hugh Tomlinson. London: Athlone Press, 1986.",
    "ROE, A. Obra completa. 2. ed. rev. São Paulo: Atlas, 2010.",
])
def test_labelled_statements_are_no_subtitle(text: str) -> None:
    item = parse_reference(text).item
    assert item["title"] in ("Cinema 1: The Movement-Image", "Obra completa")


def test_particle_after_full_given_names_is_the_names() -> None:
    item = parse_reference("SILVA, Maria Beatriz Nizza da. Cultura letrada no Rio de Janeiro. "
                           "São Paulo: Editora Unesp, 2013.").item
    assert item["author"] == [{"family": "Silva", "given": "Maria Beatriz Nizza da"}]
    assert item["title"] == "Cultura letrada no Rio de Janeiro"
    assert item["publisher"] == "Editora Unesp"
