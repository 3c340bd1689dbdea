"""The place is the last sentence before the publisher (ISO 690, NBR 6023, APA, NLM give each
area its own sentence), and the statements before it are not the place; the organisers of a
collection named before its title are its editors (NBR 6023). Strings written for these tests
from the style guides' patterns."""

from __future__ import annotations

import pytest

from citefmt.model import Item
from citefmt.refparse import parse_reference
from citefmt.refparse.imprint import imprint_by_sentences


@pytest.mark.parametrize(("place", "expected_place", "set_aside"), [
    ("Org. Maria Souza. Porto Alegre", "Porto Alegre", {"note": "Org. Maria Souza"}),
    ("Tomo II. Lima", "Lima", {"note": "Tomo II"}),
    ("3rd edition. Chicago", "Chicago", {"edition": "3"}),
    ("Trad. de Ana Lopes. Madrid", "Madrid", {"note": "Trad. de Ana Lopes"}),
])
def test_place_keeps_its_last_sentence(place: str, expected_place: str,
                                       set_aside: Item) -> None:
    item: Item = {"type": "book", "publisher": "Editora Teste", "publisher-place": place}
    imprint_by_sentences(item)
    assert item["publisher-place"] == expected_place
    assert {k: item[k] for k in set_aside} == set_aside


@pytest.mark.parametrize("place", ["St. Petersburg", "New York. USA", "Tomo II. Editorial Sur"])
def test_a_place_that_is_whole_or_no_place_is_left(place: str) -> None:
    item: Item = {"type": "book", "publisher-place": place}
    imprint_by_sentences(item)
    assert item == {"type": "book", "publisher-place": place}


@pytest.mark.parametrize(("publisher", "expected"), [
    ("Boston. Beacon Books", {"publisher-place": "Boston", "publisher": "Beacon Books"}),
    ("5th Edition. London. Harbour Press",
     {"publisher-place": "London", "publisher": "Harbour Press", "edition": "5"}),
])
def test_place_period_publisher_is_split(publisher: str, expected: Item) -> None:
    item: Item = {"type": "book", "publisher": publisher}
    imprint_by_sentences(item)
    assert item == {"type": "book"} | expected


def test_publisher_with_a_sentence_that_is_no_place_is_left() -> None:
    item: Item = {"type": "book", "publisher": "Blue Series. Harbour Press"}
    imprint_by_sentences(item)
    assert item == {"type": "book", "publisher": "Blue Series. Harbour Press"}


def test_abnt_book_with_organiser_statement_before_the_imprint() -> None:
    item = parse_reference("PEREIRA, Joana. Cartas do sertão. Org. Paulo Mendes. Belo "
                           "Horizonte: Autêntica, 2014.").item
    assert (item["publisher-place"], item["publisher"]) == ("Belo Horizonte", "Autêntica")
    assert item["title"] == "Cartas do sertão"


def test_abnt_organisers_before_the_title_are_editors() -> None:
    item = parse_reference("LIMA, C.; ROCHA, D. (org.). Estudos de linguagem e ensino. "
                           "Campinas: Pontes, 2019.").item
    assert "author" not in item
    assert [n["family"] for n in item["editor"]] == ["Lima", "Rocha"]
    assert item["title"] == "Estudos de linguagem e ensino"
    assert (item["publisher-place"], item["publisher"]) == ("Campinas", "Pontes")


def test_abnt_host_editors_joined_by_ampersand() -> None:
    item = parse_reference("COSTA, A. Leitura e escrita. In: FARIA, M. J. & NUNES, R. (org.). "
                           "Práticas de letramento. Recife: Ed. UFPE, 2011. p. 12-30.").item
    assert item["type"] == "chapter"
    assert [n["family"] for n in item["editor"]] == ["Faria", "Nunes"]
    assert item["container-title"] == "Práticas de letramento"
    assert (item["publisher-place"], item["publisher"], item["page"]) == (
        "Recife", "Ed. UFPE", "12-30")
