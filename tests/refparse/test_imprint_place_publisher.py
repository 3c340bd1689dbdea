"""Place and publisher of an imprint, whichever order and mark the style prints them in.

Strings written for these tests from the styles' rules: AIP/physics books "(Publisher, City,
Year)", ISO 690 / APA "Place: Publisher", ABNT NBR 6023 "Cidade: Editora" and its comma form
in Spanish and Portuguese lists, the Russian References "Nauka Publ., Moscow"."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference
from citefmt.refparse.imprint import split_by_colon, split_by_comma, split_joined_imprint
from citefmt.refparse.places import is_place


@pytest.mark.parametrize("text", ["New York", "Rio de Janeiro", "Москва", "Cambridge, MA",
                                  "Palo Alto, Calif.", "Munich and Leipzig", "Mineola, N.Y.",
                                  "Uppsala (Sweden)", "The Netherlands", "Londres"])
def test_place_phrases_are_places(text: str) -> None:
    assert is_place(text)


@pytest.mark.parametrize("text", ["Wiley", "Academic Press", "Cambridge Univ. Press", "AIP",
                                  "Nauka", "Artmed", "Springer-Verlag", "Gordon and Breach",
                                  "University of California", "Online", "ISSN"])
def test_publishers_are_not_places(text: str) -> None:
    assert not is_place(text)


@pytest.mark.parametrize(("value", "expected"), [
    ("Wiley, New York", ("New York", "Wiley")),
    ("Gordon and Breach, New York", ("New York", "Gordon and Breach")),
    ("Nauka Publ., Moscow", ("Moscow", "Nauka Publ.")),
    ("Porto Alegre, Artmed", ("Porto Alegre", "Artmed")),
    ("Annual Reviews, Palo Alto, Calif.", ("Palo Alto, Calif.", "Annual Reviews")),
])
def test_comma_imprint_either_order(value: str, expected: tuple[str, str]) -> None:
    assert split_by_comma(value) == expected


def test_two_places_are_one_place_not_an_imprint() -> None:
    assert split_by_comma("Honolulu, Hawaii") is None
    assert split_by_comma("Milano, Italy", publisher_first=True) is None


def test_a_value_read_as_place_splits_only_as_publisher_then_place() -> None:
    # "Place, Country" is a place; a country is never printed before its city
    assert split_by_comma("Porto Alegre, Artmed", publisher_first=True) is None
    assert split_by_comma("Pergamon Press, Oxford", publisher_first=True) == (
        "Oxford", "Pergamon Press")


@pytest.mark.parametrize(("value", "expected"), [
    ("Chicago: University of Chicago Press", ("Chicago", "University of Chicago Press")),
    ("Unesco Publishing: Paris", ("Paris", "Unesco Publishing")),
    ("Title: Subtitle", None),
])
def test_colon_imprint(value: str, expected: tuple[str, str] | None) -> None:
    assert split_by_colon(value) == expected


def test_joined_and_swapped_fields_of_an_item() -> None:
    item = {"type": "book", "publisher-place": "AIP, New York"}
    split_joined_imprint(item)
    assert (item["publisher"], item["publisher-place"]) == ("AIP", "New York")
    item = {"type": "book", "publisher": "Netherlands: Springer"}
    split_joined_imprint(item)
    assert (item["publisher"], item["publisher-place"]) == ("Springer", "Netherlands")
    item = {"type": "book", "publisher": "Oxford", "publisher-place": "Oxford University Press"}
    split_joined_imprint(item)
    assert (item["publisher"], item["publisher-place"]) == ("Oxford University Press", "Oxford")


@pytest.mark.parametrize(("text", "publisher", "place"), [
    ("J. Smith, Quantum Optics of Solids (Wiley, New York, 2004).", "Wiley", "New York"),
    ("SILVA, J. Metodologia da pesquisa. Porto Alegre, Artmed, 2010.", "Artmed",
     "Porto Alegre"),
    ("Doe, J. (2001). A report on things. Oxford University Press: Oxford.",
     "Oxford University Press", "Oxford"),
])
def test_books_end_to_end(text: str, publisher: str, place: str) -> None:
    item = parse_reference(text).item
    assert (item.get("publisher"), item.get("publisher-place")) == (publisher, place)


def test_imprint_at_the_end_of_a_host_title_is_given_back() -> None:
    from citefmt.refparse.imprint import imprint_out_of_container

    item = {"type": "chapter", "title": "Fusion barriers",
            "container-title": "Nuclear Reactions at Low Energy, Academic Press, London"}
    imprint_out_of_container(item)
    assert item["container-title"] == "Nuclear Reactions at Low Energy"
    assert (item["publisher"], item["publisher-place"]) == ("Academic Press", "London")
    item = {"type": "paper-conference", "title": "A paper",
            "container-title": "Proceedings of the Fifth Workshop. Berlin: Springer"}
    imprint_out_of_container(item)
    assert item["container-title"] == "Proceedings of the Fifth Workshop"
    assert (item["publisher"], item["publisher-place"]) == ("Springer", "Berlin")


def test_a_host_title_ending_in_places_keeps_them() -> None:
    from citefmt.refparse.imprint import imprint_out_of_container

    item = {"type": "paper-conference", "title": "A paper",
            "container-title": "Proceedings of the Fifth Workshop, Honolulu, Hawaii"}
    imprint_out_of_container(item)
    assert item["container-title"] == "Proceedings of the Fifth Workshop, Honolulu, Hawaii"
    assert "publisher" not in item


def test_a_journal_that_is_only_an_imprint_was_a_book() -> None:
    from citefmt.refparse.imprint import imprint_out_of_container

    item = {"type": "article-journal", "title": "Manual de entomologia",
            "container-title": "São Paulo, Editora Agronômica"}
    imprint_out_of_container(item)
    assert item["type"] == "book" and "container-title" not in item
    assert (item["publisher"], item["publisher-place"]) == ("Editora Agronômica", "São Paulo")
    journal = {"type": "article-journal", "title": "T", "container-title": "Lancet, London",
               "volume": "2"}
    imprint_out_of_container(journal)
    assert journal["container-title"] == "Lancet, London"


@pytest.mark.parametrize(("publisher", "genre", "school"), [
    ("Dissertação de Mestrado, Universidade Federal do Paraná, Curitiba",
     "Dissertação de Mestrado", "Universidade Federal do Paraná"),
    ("Ph.D. thesis, University of Michigan, Ann Arbor", "Ph.D. thesis", "University of Michigan"),
    ("Thèse, Université de Lyon, Lyon", "Thèse", "Université de Lyon"),
])
def test_a_thesis_statement_read_as_publisher(publisher: str, genre: str, school: str) -> None:
    from citefmt.refparse.imprint import thesis_out_of_publisher

    item = {"type": "book", "title": "T", "publisher": publisher}
    thesis_out_of_publisher(item)
    split_joined_imprint(item)
    assert (item["type"], item["genre"], item["publisher"]) == ("thesis", genre, school)
    assert is_place(item["publisher-place"])


def test_a_journal_place_after_the_title_nbr_6023() -> None:
    from citefmt.refparse.imprint import place_out_of_journal

    item = {"type": "article-journal", "title": "T", "container-title": "Revista Exemplo, Recife",
            "volume": "12"}
    place_out_of_journal(item)
    assert (item["container-title"], item["publisher-place"]) == ("Revista Exemplo", "Recife")
    item = {"type": "article-journal", "title": "T",
            "container-title": "Cadernos. Revista de Estudos Urbanos. Porto Alegre", "issue": "3"}
    place_out_of_journal(item)
    assert item["publisher-place"] == "Porto Alegre"
    assert item["container-title"] == "Cadernos. Revista de Estudos Urbanos"


@pytest.mark.parametrize("host", ["J. Phys.: Conf. Ser", "Proc. Natl. Acad. Sci. USA",
                                  "Memorias, Estudos Gerais"])
def test_journal_titles_that_end_in_no_place_keep_it(host: str) -> None:
    from citefmt.refparse.imprint import place_out_of_journal

    item = {"type": "article-journal", "title": "T", "container-title": host, "volume": "1"}
    place_out_of_journal(item)
    assert item["container-title"] == host and "publisher-place" not in item


def test_russian_references_book_imprint() -> None:
    # the References rule for a book: "Moscow, Nauka Publ., 1969. 287 p."
    assert split_by_comma("Moscow, Nauka Publ.", publisher_first=True) == ("Moscow", "Nauka Publ.")
    item = parse_reference("Ivanov I.I. Teoriya uprugosti [Theory of elasticity]. Moscow, "
                           "Nauka Publ., 1969. 287 p.").item
    assert item["publisher-place"] == "Moscow"
    assert item["publisher"].startswith("Nauka Publ")


@pytest.mark.parametrize(("title", "genre", "school"), [
    ("Thermal transport in thin films (Doctoral dissertation)", "Doctoral dissertation", None),
    ("Ensaios clínicos [Tese de doutorado, Universidade Federal da Bahia]", "Tese de doutorado",
     "Universidade Federal da Bahia"),
    ("Soil carbon (Master's thesis, University of Alberta)", "Master's thesis",
     "University of Alberta"),
])
def test_apa_thesis_statement_after_the_title(title: str, genre: str, school: str | None) -> None:
    from citefmt.refparse.imprint import thesis_out_of_title

    item = {"type": "book", "title": title}
    thesis_out_of_title(item)
    assert (item["type"], item["genre"], item.get("publisher")) == ("thesis", genre, school)
    assert "(" not in item["title"] and "[" not in item["title"]


def test_a_title_with_a_parenthesis_of_its_own_keeps_it() -> None:
    from citefmt.refparse.imprint import thesis_out_of_title

    item = {"type": "book", "title": "Brain imaging (fMRI) in children"}
    thesis_out_of_title(item)
    assert item == {"type": "book", "title": "Brain imaging (fMRI) in children"}


@pytest.mark.parametrize("label", ["Disponível em", "Available from", "Online", "ISSN", "Epub"])
def test_a_label_is_no_place(label: str) -> None:
    from citefmt.refparse.imprint import labels_not_imprint

    item = {"type": "article-journal", "title": "T", "publisher-place": label}
    labels_not_imprint(item)
    assert "publisher-place" not in item


def test_a_journal_and_volume_read_as_publisher() -> None:
    from citefmt.refparse.imprint import journal_not_publisher

    item = {"type": "book", "title": "T", "publisher": "Frontiers in Ecology 12"}
    journal_not_publisher(item)
    assert (item["type"], item["container-title"], item["volume"]) == (
        "article-journal", "Frontiers in Ecology", "12")
    book = {"type": "book", "title": "T", "publisher": "Academic Press",
            "publisher-place": "London"}
    journal_not_publisher(book)
    assert book["type"] == "book" and book["publisher"] == "Academic Press"


def test_plos_author_year_article_without_pages() -> None:
    # PLOS's author–year form for an article with a volume and no pages, then its DOI
    item = parse_reference("Keller PJ, Ahrens MB (2015) Visualizing whole-brain activity and "
                           "development at the single-cell level. Neuron Reports 85. doi: "
                           "10.1016/j.example.2015.01.001").item
    assert item["type"] == "article-journal"
    assert (item["container-title"], item["volume"]) == ("Neuron Reports", "85")
    assert "publisher" not in item


def test_a_title_cut_before_its_last_sentence_and_an_imprint() -> None:
    from citefmt.refparse.imprint import imprint_out_of_container

    item = {"type": "article-journal", "title": "Raport o stanie",
            "container-title": "Gospodarki Morskiej. PWN, Gdańsk"}
    imprint_out_of_container(item)
    assert item["title"] == "Raport o stanie Gospodarki Morskiej"
    assert (item["publisher"], item["publisher-place"], item["type"]) == ("PWN", "Gdańsk", "book")
