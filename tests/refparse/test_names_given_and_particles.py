"""Names as Portuguese, Spanish and Nordic lists print them (strings written for these tests):
NBR 6023's "SURNAME, Given Names." with the statement's closing period and a particle after
the given names; NLM initials with diacritics ("Abreu ÁS") and a particle after them
("Silva MRF da")."""

from __future__ import annotations

import pytest

from citefmt.refparse.names import parse_vancouver_names, split_names


@pytest.mark.parametrize(("statement", "expected"), [
    ("MOREIRA, Ana Luísa.", [{"family": "MOREIRA", "given": "Ana Luísa"}]),
    ("CASTRO, Pedro Henrique de.", [{"family": "CASTRO", "given": "Pedro Henrique de"}]),
    ("Rocha, Maria Clara", [{"family": "Rocha", "given": "Maria Clara"}]),
])
def test_full_given_names_after_the_comma_are_one_person(statement: str,
                                                         expected: list[dict[str, str]]) -> None:
    assert split_names(statement) == expected


def test_nlm_initials_with_diacritics_and_trailing_particles() -> None:
    names = parse_vancouver_names("Abreu ÁS, Nyberg ØK, Souza MRF da, Lopes JC de, et al").names
    assert names == [{"family": "Abreu", "given": "Á. S."}, {"family": "Nyberg", "given": "Ø. K."},
                     {"family": "Souza", "given": "M. R. F. da"},
                     {"family": "Lopes", "given": "J. C. de"}]
