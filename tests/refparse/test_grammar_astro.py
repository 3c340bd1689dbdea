"""The title-less short journal form of astronomy and physics lists (citefmt/refparse/astro.py).
Strings written for these tests."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference


def test_short_journal_form_parses_to_exact_item() -> None:
    parsed = parse_reference("Roe J. W., Doe A., Vega-Lopez M. R., 2003, MNRAS, 341, 1205-1214")
    assert parsed.grammar == "astro"
    assert parsed.item == {
        "type": "article-journal",
        "author": [{"family": "Roe", "given": "J. W."}, {"family": "Doe", "given": "A."},
                   {"family": "Vega-Lopez", "given": "M. R."}],
        "container-title": "MNRAS", "container-title-short": "MNRAS",
        "issued": {"date-parts": [[2003]]}, "volume": "341", "page": "1205-1214",
        "language": "en",
    }
    assert parsed.confidence >= 0.6


@pytest.mark.parametrize("text, authors, journal, volume, page, truncated", [
    ("Roe J., & Doe A., 2011, A&A, 530, 12", ["Roe", "Doe"], "A&A", "530", "12", False),
    ("Roe J. A., et al., 2010, ApJ, 710, L45", ["Roe", None], "ApJ", "710", "L45", True),
    ("Roe J., 1999, Phys. Rev. D, 60, 123456", ["Roe"], "Phys. Rev. D", "60", None, False),
])
def test_short_form_variants(text: str, authors: list, journal: str, volume: str,
                             page: str | None, truncated: bool) -> None:
    parsed = parse_reference(text)
    item = parsed.item
    assert parsed.grammar == "astro"
    assert [name.get("family") for name in item["author"]] == authors
    assert (item["container-title"], item["volume"], item.get("page")) == (journal, volume, page)
    assert parsed.truncated_authors is truncated
    if page is None:  # a 6-digit locator is an article number (refparse.locators)
        assert item["number"] == "123456"


def test_a_reference_with_a_title_is_not_the_short_form() -> None:
    parsed = parse_reference("Roe J, Doe A. Healing of scars. J Test Med. 2003;341:1205-14.")
    assert parsed.grammar == "vancouver"


def test_aas_inverted_names_without_a_comma_before_the_year() -> None:
    """AAS journals (ApJ, AJ) and MNRAS print "Surname, I." names and the year after a space."""
    from citefmt.refparse import parse_reference

    parsed = parse_reference("Roe, H., Vega, M., Doe, C., et al. 2017, MNRAS, 465, 1454")
    assert parsed.grammar == "astro"
    assert parsed.item["author"][:3] == [{"family": "Roe", "given": "H."},
                                         {"family": "Vega", "given": "M."},
                                         {"family": "Doe", "given": "C."}]
    assert (parsed.item["container-title"], parsed.item["volume"], parsed.item["page"]) == (
        "MNRAS", "465", "1454")


def test_aas_ampersand_without_comma_and_lower_case_particles() -> None:
    from citefmt.refparse import parse_reference

    parsed = parse_reference("Roe, N. & Vega, G. P. 2016, MNRAS, 461, 3794")
    assert parsed.grammar == "astro"
    assert parsed.item["author"] == [{"family": "Roe", "given": "N."},
                                     {"family": "Vega", "given": "G. P."}]
    parsed = parse_reference("von der Roe, A., Vega, A., et al. 2014, MNRAS, 443, 1973")
    assert parsed.item["author"][0] == {"family": "von der Roe", "given": "A."}


@pytest.mark.parametrize("text", ["Roe Collaboration. 2016, A&A, 594, A13",
                                  "RoeCollaboration. 2016e, A&A, 594, A24"])
def test_a_collaboration_as_author(text: str) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "astro"
    assert parsed.item["author"] == [{"literal": text.split(".")[0]}]
    assert (parsed.item["container-title"], parsed.item["volume"], parsed.item["page"]) == (
        "A&A", "594", text[-3:])
