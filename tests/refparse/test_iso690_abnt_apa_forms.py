"""Forms the held-out dev split showed the parser missing, each written here in the shape its
standard prescribes (NBR 6023:2018 for ABNT, APA 7 § 10.6 for theses), not copied from the data."""

from __future__ import annotations

from citefmt.refparse import parse_reference


def test_abnt_journal_place_and_online_tail() -> None:
    item = parse_reference(
        "SOUZA SANTOS, M.; LIMA, J. C. Título do artigo. Revista Exemplo, Recife, v. 12, n. 3, "
        "p. 45-67, jan./mar. 2020. Disponível em: https://example.org/a/1. Acesso em: 5 maio "
        "2021.").item
    assert item["author"] == [{"family": "Souza Santos", "given": "M."},
                              {"family": "Lima", "given": "J. C."}]
    assert item["container-title"] == "Revista Exemplo"
    assert item["publisher-place"] == "Recife"
    assert (item["volume"], item["issue"], item["page"]) == ("12", "3", "45-67")
    assert item["issued"] == {"date-parts": [[2020]]}
    assert item["URL"] == "https://example.org/a/1"


def test_a_body_as_author_is_one_name_whatever_its_conjunctions() -> None:
    item = parse_reference("Instituto Nacional de Pesquisa e Estatística. (2021). Relatório "
                           "anual de atividades. INPE.").item
    assert item["author"] == [{"literal": "Instituto Nacional de Pesquisa e Estatística"}]
    assert item["title"] == "Relatório anual de atividades"


def test_apa_thesis_description_in_brackets() -> None:
    item = parse_reference("Lima, R. (2019). Ensaio sobre métodos [Tese de Doutorado, "
                           "Universidade de São Paulo]. Biblioteca Digital USP.").item
    assert item["type"] == "thesis"
    assert item["title"] == "Ensaio sobre métodos"
    assert item["genre"] == "Tese de Doutorado"
    assert item["publisher"] == "Universidade de São Paulo"
    assert item["archive"] == "Biblioteca Digital USP"
