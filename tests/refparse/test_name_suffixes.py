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
