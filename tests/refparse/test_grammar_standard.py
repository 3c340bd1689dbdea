"""Standards cited by designation and quoted title (3GPP, ISO/IEC, ITU forms), strings written
for the grammar (citefmt/refparse/standard.py)."""

from __future__ import annotations

from citefmt.refparse import parse_reference, standard


def test_a_3gpp_specification() -> None:
    parsed = parse_reference('3GPP TS 23.501: "System Architecture for the 5G System; Stage 2".')
    assert parsed.grammar == "standard"
    assert parsed.item["type"] == "standard"
    assert parsed.item["number"] == "3GPP TS 23.501"
    assert parsed.item["title"] == "System Architecture for the 5G System; Stage 2"


def test_a_recommendation_with_its_body_and_date() -> None:
    item = parse_reference('Recommendation ITU-R BT.500-13: "Methodology for the subjective '
                           'assessment of picture quality", International Telecommunication '
                           "Union, Jan. 2012.").item
    assert item["number"] == "Recommendation ITU-R BT.500-13"
    assert item["title"] == "Methodology for the subjective assessment of picture quality"
    assert item["publisher"] == "International Telecommunication Union"
    assert item["issued"] == {"date-parts": [[2012]]}


def test_an_amended_iso_standard_keeps_its_whole_designation() -> None:
    item = parse_reference('ISO/IEC 23009-1: 2014/Amd. 1:2015: "Dynamic adaptive streaming".').item
    assert (item["number"], item["title"]) == ("ISO/IEC 23009-1: 2014/Amd. 1:2015",
                                               "Dynamic adaptive streaming")


def test_other_references_are_not_standards() -> None:
    assert not standard.looks_like('Smith J. "A title". J Biol Chem. 2020;12:3-4.')
    assert standard.parse('R. Roe, Phys. Rev. D 9: "Not a standard", 12 (1990) 3-4.') is None
    assert parse_reference('J. Roe, "Entropy bounds," Phys. Rev. D 9, 3292 (1974).').grammar \
        != "standard"
