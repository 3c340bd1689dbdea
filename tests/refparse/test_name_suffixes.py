"""Generational suffixes after Vancouver initials, whatever their case ("Jr", "JR", "3rd", "II")."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference


@pytest.mark.parametrize(("written", "suffix"), [("Jr", "Jr"), ("JR", "JR"), ("3rd", "3rd"),
                                                 ("II", "II"), ("Sr.", "Sr.")])
def test_suffix_after_initials(written: str, suffix: str) -> None:
    parsed = parse_reference(f"Smith JA {written}, Doe B. A title. J Biol Chem. 2020;1(2):3-4.")
    assert parsed.item["author"] == [
        {"family": "Smith", "given": "J. A.", "suffix": suffix},
        {"family": "Doe", "given": "B."},
    ]


@pytest.mark.parametrize(("names", "last"), [
    ("Eddy SR", {"family": "Eddy", "given": "S. R."}),
    ("Roe CM, Vega AK, Stone JR", {"family": "Stone", "given": "J. R."}),
    ("Lund IV", {"family": "Lund", "given": "I. V."})])
def test_two_capitals_alone_after_a_family_are_initials(names: str, last: dict) -> None:
    """NLM prints "Eddy SR" for Sean R. Eddy: with no other initials, "SR" is the initials."""
    parsed = parse_reference(f"{names} (2009) A new generation of search tools. "
                             "Genome Inform 23: 205–211.")
    assert parsed.item["author"][-1] == last


def test_two_nlm_names_whose_first_initials_read_as_a_suffix() -> None:
    """"DiFranza JR, Rigotti NA": "JR" is J. R., and "Rigotti NA" is the next person, not
    DiFranza's given names."""
    from citefmt.refparse.names import split_names

    assert split_names("Roe JR, Vega NA.") == [{"family": "Roe", "given": "J. R."},
                                               {"family": "Vega", "given": "N. A."}]
