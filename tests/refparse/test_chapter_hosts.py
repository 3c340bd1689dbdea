"""Chapter hosts ("In: …") in NLM/Vancouver form, written from Citing Medicine's chapter rule
(ch. 2 "Parts of books": "In: Editor AA, editor. Book. Place: Publisher; Year. p. x-y.") and its
use in Portuguese and Spanish lists (organizador, editores) or with the label left out."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference


@pytest.mark.parametrize("label", ["editors", "editores", "organizador", "organizadores",
                                   "coordenadores", "eds"])
def test_editor_label_in_other_languages(label: str) -> None:
    item = parse_reference(
        f"Souza AB, Lima C. Um capítulo de exemplo. In: Pereira D, Costa EF, {label}. Um livro "
        "de exemplo. São Paulo: Editora Exemplo; 2015. p. 10-25.").item
    assert item["type"] == "chapter"
    assert item["title"] == "Um capítulo de exemplo"
    assert item["container-title"] == "Um livro de exemplo"
    assert item["editor"] == [{"family": "Pereira", "given": "D."},
                              {"family": "Costa", "given": "E. F."}]
    assert (item["publisher-place"], item["publisher"]) == ("São Paulo", "Editora Exemplo")
    assert item["page"] == "10-25"


def test_editors_without_a_label() -> None:
    item = parse_reference(
        "Rocha M, Alves T. Cuidados na infância. In: Nunes P, Braga RS. Manual de pediatria. "
        "Recife: Editora Norte; 2018. p. 33-47.").item
    assert item["editor"] == [{"family": "Nunes", "given": "P."},
                              {"family": "Braga", "given": "R. S."}]
    assert item["container-title"] == "Manual de pediatria"
    assert item["title"] == "Cuidados na infância"


def test_a_host_title_is_not_taken_for_editors() -> None:
    item = parse_reference(
        "Rocha M. Cuidados. In: Pediatric Nursing. Recife: Editora Norte; 2018. p. 33-47.").item
    assert item["container-title"] == "Pediatric Nursing"
    assert "editor" not in item


def test_citing_medicine_report_with_its_number() -> None:
    # Citing Medicine ch. 16 (reports): "Author. Title. Place: Publisher; Year. Report No.: X."
    item = parse_reference("Hall K, Nunes R. Survey of rural clinics 2018. Ottawa: Health "
                           "Agency of Canada; 2019. Report No.: HAC-2019-07.").item
    assert item["type"] == "report"
    assert item["title"] == "Survey of rural clinics 2018"
    assert item["number"] == "HAC-2019-07"
    assert (item["publisher-place"], item["publisher"]) == ("Ottawa", "Health Agency of Canada")
    assert item["issued"] == {"date-parts": [[2019]]}


def test_web_page_with_place_and_no_publisher() -> None:
    # Citing Medicine ch. 25: "Title [Internet]. Place: Publisher; date [cited …]. Available
    # from: URL"; with the publisher not printed, the sentence is "Place; date"
    item = parse_reference("Ocean Data Group. Tide tables online [Internet]. Halifax; 2022 "
                           "[cited 2024 Jan 5]. Available from: https://example.org/tides").item
    assert item["type"] == "webpage"
    assert item["publisher-place"] == "Halifax"
    assert item["issued"] == {"date-parts": [[2022]]}
    assert item["URL"] == "https://example.org/tides"
