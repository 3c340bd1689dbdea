"""Short journal titles are recognised from ISO 4 words; initials share one form in every reader."""

from __future__ import annotations

import pytest

from citefmt.refparse.common import is_abbreviated_title
from citefmt.refparse.names import normalise_initials, split_names


@pytest.mark.parametrize(("title", "abbreviated"), [
    ("J Biol Chem", True), ("Int J Mol Sci", True), ("Regen Ther", True), ("JAMA", True),
    ("J. Appl. Phys.", True), ("Вопр. онкол.", True), ("Вестн. хир.", True),
    ("Biomolecules", False), ("Nano Today", False), ("Biology (Basel)", False), ("Heliyon", False),
    ("Хирургия", False), ("Military Medicine", False),
    ("Вестник хирургии имени И. И. Грекова", False),
])
def test_abbreviated_titles(title: str, abbreviated: bool) -> None:
    assert is_abbreviated_title(title) is abbreviated


@pytest.mark.parametrize(("given", "expected"), [
    ("MA.", "M. A."), ("M.A.", "M. A."), ("F", "F."), ("J.-P.", "J.-P."), ("YuI", "Yu. I."),
    ("И.И.", "И. И."), ("Nicholson B.", "Nicholson B."), ("Anna", "Anna"),
])
def test_initials_take_one_form(given: str, expected: str) -> None:
    assert normalise_initials(given) == expected


def test_tagger_statement_splitter_gives_the_grammar_form() -> None:
    assert split_names("Brierley DI, Ungless MA.") == [{"family": "Brierley", "given": "D. I."},
                                                      {"family": "Ungless", "given": "M. A."}]
