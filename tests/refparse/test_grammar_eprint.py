"""A preprint cited by its arXiv id alone has no title: the id is its `number`
(citefmt/refparse/eprint.py). Strings written for these tests in the shapes physics lists use."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference


@pytest.mark.parametrize(("text", "names", "number", "year"), [
    ("K.-L. Roe, arXiv:1801.01234 (2018).", ["Roe"], "arXiv:1801.01234", 2018),
    ("A. Vega and B. Stone, arXiv.org:hep-th/9901001.", ["Vega", "Stone"],
     "arXiv:hep-th/9901001", None),
    ("Lund, P. & Marsh, F. 2016, ArXiv e-prints [arXiv:1603.04321]", ["Lund", "Marsh"],
     "arXiv:1603.04321", 2016),
    ("C. Moss arXiv.org:astro-ph /9705123.", ["Moss"], "arXiv:astro-ph/9705123", None),
])
def test_eprint_only_reference(text: str, names: list[str], number: str,
                               year: int | None) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "eprint"
    item = parsed.item
    assert [n["family"] for n in item["author"]] == names
    assert item["number"] == number and "title" not in item
    assert item.get("issued") == ({"date-parts": [[year]]} if year else None)


def test_a_journal_reference_with_an_eprint_tail_is_not_an_eprint() -> None:
    parsed = parse_reference("A. Vega, Phys. Rev. D 70, 123 (2004), arXiv:hep-ph/0401001.")
    assert parsed.grammar != "eprint"
    assert parsed.item["container-title"] == "Phys. Rev. D"


def test_a_titled_preprint_is_not_read_as_names() -> None:
    parsed = parse_reference("A. Vega, Lattice methods for strongly coupled theories, "
                             "arXiv:1801.01234 (2018).")
    assert parsed.grammar != "eprint"


def test_year_and_bracketed_eprint_after_the_names() -> None:
    parsed = parse_reference("Roe, M., Vega, G., Stone, L., et al. 2017 [arXiv:1703.06886]")
    assert parsed.grammar == "eprint"
    assert [n.get("family") for n in parsed.item["author"]][:3] == ["Roe", "Vega", "Stone"]
    assert parsed.item["issued"] == {"date-parts": [[2017]]}


def test_the_same_old_scheme_id_printed_twice() -> None:
    parsed = parse_reference("J. Roe, arXiv:hep-th/0411189 (2004), arXiv: hep-th/0411189.")
    assert parsed.grammar == "eprint"
    assert parsed.item["number"] == "arXiv:hep-th/0411189"
