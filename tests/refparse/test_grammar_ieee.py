"""IEEE and physics journal references (citefmt/refparse/ieee.py). Strings written for these
tests."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference


def test_quoted_title_physics_block_parses_to_exact_item() -> None:
    parsed = parse_reference("[12] K. Roe, S. Doe, and J. P. Vega, “Frequency doubling in a ring "
                             "resonator,” Optics Letters 18, 1786–1788 (1993).")
    assert parsed.grammar == "ieee"
    assert parsed.item == {
        "type": "article-journal",
        "author": [{"family": "Roe", "given": "K."}, {"family": "Doe", "given": "S."},
                   {"family": "Vega", "given": "J. P."}],
        "title": "Frequency doubling in a ring resonator",
        "container-title": "Optics Letters", "issued": {"date-parts": [[1993]]},
        "volume": "18", "page": "1786-1788", "language": "en",
    }


@pytest.mark.parametrize("text, fields", [
    ("J. F. Roe and R. W. Doe, “Numerical analysis of a blunt body,” AIAA Journal, vol. 9, "
     "no. 8, pp. 1624–1626, August 1971.",
     {"container-title": "AIAA Journal", "volume": "9", "issue": "8", "page": "1624-1626",
      "issued": {"date-parts": [[1971, 8]]}, "title": "Numerical analysis of a blunt body"}),
    ("M. Roe, “Strain in quantum dots,” Physical Review B 65, 125320 (2002).",
     {"container-title": "Physical Review B", "volume": "65", "number": "125320",
      "issued": {"date-parts": [[2002]]}, "title": "Strain in quantum dots"}),
    ("J. P. Roe, P. T. Doe, and U. K. Vega, Appl. Phys. Lett. 77, pp. 250–252 (2000)",
     {"container-title": "Appl. Phys. Lett.", "volume": "77", "page": "250-252",
      "issued": {"date-parts": [[2000]]}}),
])
def test_ieee_and_physics_journal_blocks(text: str, fields: dict) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "ieee"
    assert {k: parsed.item.get(k) for k in fields} == fields
    assert "title" in fields or "title" not in parsed.item


def test_a_book_is_left_to_the_other_readers() -> None:
    parsed = parse_reference("[5] J. D. Roe, Gas Dynamics at High Speed, McGraw-Hill, 1989.")
    assert parsed.grammar != "ieee"
