"""A journal issue cited by its running header (citefmt/refparse/masthead.py). Strings written
for these tests in the shapes journal mastheads print."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference


@pytest.mark.parametrize(("text", "expected"), [
    ("JOURNAL OF BACTERIOLOGY, Mar. 2004, p. 1201–1209 Vol. 186, No. 5",
     {"container-title": "JOURNAL OF BACTERIOLOGY", "issued": {"date-parts": [[2004, 3]]},
      "page": "1201-1209", "volume": "186", "issue": "5"}),
    ("Plant Physiology, Vol. 12, No. 4, 1999, pp. 10–19",
     {"container-title": "Plant Physiology", "issued": {"date-parts": [[1999]]},
      "page": "10-19", "volume": "12", "issue": "4"}),
    ("IEEE TRANSACTIONS ON POWER SYSTEMS, VOL. 9, NO. 2, MAY 1994",
     {"container-title": "IEEE TRANSACTIONS ON POWER SYSTEMS",
      "issued": {"date-parts": [[1994, 5]]}, "volume": "9", "issue": "2"}),
])
def test_masthead(text: str, expected: dict) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "masthead"
    assert {k: parsed.item.get(k) for k in expected} == expected
    assert "author" not in parsed.item and "title" not in parsed.item


@pytest.mark.parametrize("text", [
    "Roe, K., “Error in control rooms,” Human Factors, Vol. 2, No. 5, 1980, pp. 5–9.",
    "Vega N.A. A study of strains // Journal of Applied Science.Vol.7. P.80-88.",
    "Roe K. A long study. Nature, Vol. 3, 2001, pp. 4-5",
])
def test_a_reference_with_authors_or_title_is_not_a_masthead(text: str) -> None:
    assert parse_reference(text).grammar != "masthead"
