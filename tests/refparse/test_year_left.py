"""A reading without a date takes the one year its string prints outside every field (every
style prints the date; strings written for the test in NBR 6023 and NLM shape)."""

from __future__ import annotations

import pytest

from citefmt.refparse.year_left import year_left_in_text


def test_year_outside_every_field_is_the_date() -> None:
    item = {"title": "Coefficient alpha", "container-title": "Psychometrika", "volume": "16",
            "page": "297-334"}
    year_left_in_text(item, "CRONBACH, L. J. Coefficient alpha. Psychometrika, v. 16, n. 3, "
                            "p. 297-334, 1951. Doi:                 ")
    assert item["issued"] == {"date-parts": [[1951]]}


@pytest.mark.parametrize(("item", "body"), [
    # two years outside the fields: which one is the date is not for this step to guess
    ({"title": "A study"}, "Roe, J. A study. Paris: Seuil, 1983 (Trad. cast. Madrid, 2003)."),
    # the only year is the title's own
    ({"title": "Census 2010"}, "Roe, J. Census 2010. Brasília."),
    # a range, a date with slashes and a DOI's digits are no years
    ({"title": "A survey"}, "Roe, J. A survey, 2007-2008. Accessed 12/10/2019. 10.1590/2019.1"),
    # a date already read stays
    ({"title": "A study", "issued": {"date-parts": [[2001]]}}, "Roe, J. A study. 2001. 1999."),
])
def test_no_single_unread_year_no_date(item: dict, body: str) -> None:
    before = dict(item)
    year_left_in_text(item, body)
    assert item == before
