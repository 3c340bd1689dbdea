"""Legislation as NBR 6023:2018 7.11 prescribes it, strings written here from the standard's
pattern (jurisdiction. Act nº N, de date. Summary. Gazette, Place, date.)."""

from __future__ import annotations

from citefmt.refparse import legislation, parse_reference


def test_act_with_its_gazette() -> None:
    result = parse_reference(
        "BRASIL. Lei nº 12.345, de 5 de março de 2011. Dispõe sobre a proteção das nascentes. "
        "Diário Oficial da União, Brasília, DF, 7 mar. 2011.")
    item = result.item
    assert result.grammar == "legislation"
    assert item["type"] == "legislation"
    assert item["author"] == [{"literal": "BRASIL"}]
    assert item["title"] == ("Lei nº 12.345, de 5 de março de 2011. Dispõe sobre a proteção "
                             "das nascentes")
    assert item["container-title"] == "Diário Oficial da União"
    assert item["publisher-place"] == "Brasília, DF"
    assert item["issued"] == {"date-parts": [[2011, 3, 7]]}  # the gazette's date


def test_jurisdiction_after_the_act_and_numbered_entry() -> None:
    item = parse_reference(
        "12 Portaria nº 77, de 2 de maio de 2009 (BR). Aprova normas de segurança. Diário "
        "Oficial da União, Brasília (DF), 4 maio 2009: Seção 1.").item
    assert item["author"] == [{"literal": "BR"}]
    assert item["title"].startswith("Portaria nº 77, de 2 de maio de 2009")
    assert item["publisher-place"] == "Brasília (DF)"


def test_online_act_without_gazette() -> None:
    item = parse_reference("BRASIL. Decreto nº 1.234, de 1 de junho de 1999. Disponível em: "
                           "https://example.gov/decreto1234. Acesso em: 3 jan. 2021.").item
    assert item["title"] == "Decreto nº 1.234, de 1 de junho de 1999"
    assert item["issued"] == {"date-parts": [[1999]]}
    assert item["URL"] == "https://example.gov/decreto1234"


def test_other_references_are_not_acts() -> None:
    assert not legislation.looks_like("Silva J. A lei e o decreto. Rev Direito. 2010;3:1-9.")
    assert legislation.parse("Silva J. Leis e decretos. São Paulo: Atlas; 2000.") is None
