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


# --- physics and chemistry journal shapes (Elsevier/IOP physics, French chemistry lists) ---
@pytest.mark.parametrize("text, fields", [
    # volume, (year), page — "et al." then the journal with no comma between
    ("A. B. Roe et al. Nucl. Instrum. Meth. 7 (1997) 263.",
     {"author": [{"family": "Roe", "given": "A. B."}, {"literal": "others"}],
      "container-title": "Nucl. Instrum. Meth.", "volume": "7", "page": "263",
      "issued": {"date-parts": [[1997]]}}),
    # the series letter printed with the volume belongs to the journal's name
    ("K. Doe and L. Vega, Phys. Rev. D72 (2005) 1073.",
     {"container-title": "Phys. Rev. D", "volume": "72", "page": "1073"}),
    ("M. Roe, Phys. Lett. B 716 (2012) 30.",
     {"container-title": "Phys. Lett. B", "volume": "716", "page": "30"}),
    # an abbreviated journal word after an initial is the journal, not a second author
    ("P. Roe, J. Phys. A 39, 6173 (2006).",
     {"author": [{"family": "Roe", "given": "P."}], "container-title": "J. Phys. A",
      "volume": "39", "page": "6173"}),
    # French "et" between names, upper-case surnames, a period after the list
    ("R. G. DUVAL et J. K. MARTIN. Tetrahedron Lett. 16, 1367 (1978).",
     {"author": [{"family": "DUVAL", "given": "R. G."}, {"family": "MARTIN", "given": "J. K."}],
      "container-title": "Tetrahedron Lett.", "volume": "16", "page": "1367"}),
    # a journal without volumes: the page and the year only
    ("Y. ROE et D. VEGA. J. Chem. Soc. 1498 (1961).",
     {"container-title": "J. Chem. Soc.", "page": "1498", "issued": {"date-parts": [[1961]]}}),
    # Portuguese "e" between initials-first names
    ("M. Roe, H.P. Doe e P. Vega, J. Chem. Phys. 38, 2042 (1963).",
     {"author": [{"family": "Roe", "given": "M."}, {"family": "Doe", "given": "H. P."},
                 {"family": "Vega", "given": "P."}], "page": "2042"}),
    # volume(issue) page (year)
    ("V. Roe et al. Applied Optics 38(33) 6818 (1999).",
     {"volume": "38", "issue": "33", "page": "6818", "container-title": "Applied Optics"}),
    # an unquoted title before the journal, "volume: pages (year)"
    ("J. Roe and K. Doe, Wave equations on curved surfaces, J. Math. Phys. 16: 1597-1614 (1975).",
     {"title": "Wave equations on curved surfaces", "container-title": "J. Math. Phys.",
      "volume": "16", "page": "1597-1614"}),
    # a journal name holding a comma is not a title
    ("W. Roe, J. Phys. G, Nucl. Part. Phys. 29 (2003) 2703.",
     {"container-title": "J. Phys. G, Nucl. Part. Phys.", "volume": "29", "page": "2703"}),
    # the e-print printed after the host is the identifier, not part of the page
    ("T. Roe, U. Doe, Nucl. Phys. B 871 (2013) 145 [arXiv:1212.2875 [hep-lat]].",
     {"container-title": "Nucl. Phys. B", "volume": "871", "page": "145",
      "number": "arXiv:1212.2875"}),
])
def test_physics_journal_shapes(text: str, fields: dict) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "ieee"
    assert {k: parsed.item.get(k) for k in fields} == fields
    assert parsed.item["type"] == "article-journal"
    assert "title" in fields or "title" not in parsed.item


@pytest.mark.parametrize("text, fields", [
    ("L. Roe, Lectures on Elasticity, 2nd ed. (Dover, New York, 1981).",
     {"title": "Lectures on Elasticity", "edition": "2", "publisher": "Dover",
      "publisher-place": "New York", "issued": {"date-parts": [[1981]]}}),
    ("C. S. Roe and H. Doe. Ocean Acoustics (Wiley, London), 1977.",
     {"title": "Ocean Acoustics", "publisher": "Wiley", "publisher-place": "London",
      "issued": {"date-parts": [[1977]]}}),
    ("A. Roe, Lectures on Optics, Vol. 1-3 (Academic Press, New York, 1952).",
     {"title": "Lectures on Optics", "volume": "1-3", "publisher": "Academic Press"}),
    ("M. Roe, Introduction to Magnetism (McGraw-Hill, Inc., 1976).",
     {"publisher": "McGraw-Hill, Inc.", "publisher-place": None}),
])
def test_physics_book_shape(text: str, fields: dict) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "ieee"
    assert parsed.item["type"] == "book"
    assert {k: parsed.item.get(k) for k in fields} == fields


@pytest.mark.parametrize("text, fields", [
    # a comma after the journal: "Phys. Fluids, 18, 011702 (2006)"
    ("S. Roe and J. Vega, Phys. Fluids, 18, 2702 (2006).",
     {"container-title": "Phys. Fluids", "volume": "18", "page": "2702"}),
    # Springer physics: inverted names, a colon, the title ending in a period
    ("Roe, D., Doe, H.: Supersymmetry in a box: a case study. Commun. Math. Phys. 272, "
     "699-750 (2007)",
     {"author": [{"family": "Roe", "given": "D."}, {"family": "Doe", "given": "H."}],
      "title": "Supersymmetry in a box: a case study", "container-title": "Commun. Math. Phys.",
      "volume": "272", "page": "699-750", "issued": {"date-parts": [[2007]]}}),
    ("Roe, P.C.W.: J. Phys. A 8, 609 (1975)",
     {"container-title": "J. Phys. A", "volume": "8", "page": "609"}),
])
def test_more_physics_journal_shapes(text: str, fields: dict) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "ieee"
    assert {k: parsed.item.get(k) for k in fields} == fields
    assert "title" in fields or "title" not in parsed.item


@pytest.mark.parametrize("text, fields", [
    # Nature: inverted names, "&", the title ending in a period or a question mark
    ("Roe, J. M., Vega, N. & Doe, N. Rogue waves: breathers or solitons? Phys. Rev. Lett. 116, "
     "3901 (2016).",
     {"author": [{"family": "Roe", "given": "J. M."}, {"family": "Vega", "given": "N."},
                 {"family": "Doe", "given": "N."}],
      "title": "Rogue waves: breathers or solitons?", "container-title": "Phys. Rev. Lett.",
      "volume": "116", "page": "3901"}),
    ("Roe, D. T. et al. A roadmap for optics. J. Opt. 18, 1006 (2016).",
     {"title": "A roadmap for optics", "container-title": "J. Opt.", "page": "1006"}),
    # an old-scheme arXiv id after the host is the e-print
    ("M. Roe, JHEP 0505 (2005) 066 [hep-lat/0503024].",
     {"container-title": "JHEP", "volume": "0505", "page": "066",
      "number": "arXiv:hep-lat/0503024"}),
])
def test_nature_shape_and_old_arxiv_ids(text: str, fields: dict) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "ieee"
    assert {k: parsed.item.get(k) for k in fields} == fields


@pytest.mark.parametrize("text, fields", [
    # "et al" without its period, then a comma
    ("I. Roe, J. Vega, N. Doe et al, Mater. Sci. Eng. R, 34: 231 (2001)",
     {"author": [{"family": "Roe", "given": "I."}, {"family": "Vega", "given": "J."},
                 {"family": "Doe", "given": "N."}, {"literal": "others"}],
      "container-title": "Mater. Sci. Eng. R", "volume": "34", "page": "231"}),
    # two particles before the surname, an initial printed without its period
    ("R. J. Roe, C. W. M. van der Vega, and E Doe, Phys. Fluids, 19, 1102 (2007).",
     {"author": [{"family": "Roe", "given": "R. J."},
                 {"family": "van der Vega", "given": "C. W. M."},
                 {"family": "Doe", "given": "E."}]}),
    # a spaced old-scheme arXiv id, a series letter printed against the volume
    ("S. Roe, Phys. Lett. B536 (2002) 72 [hep -lat/0203020].",
     {"container-title": "Phys. Lett. B", "volume": "536", "page": "72",
      "number": "arXiv:hep-lat/0203020"}),
])
def test_physics_author_list_variants(text: str, fields: dict) -> None:
    parsed = parse_reference(text)
    assert parsed.grammar == "ieee"
    assert {k: parsed.item.get(k) for k in fields} == fields


def test_the_year_between_the_volume_and_labelled_pages() -> None:
    """"Journal, 26(5-6) (2003), pp. 1-150.": a physics host with the year before the pages."""
    from citefmt.refparse import parse_reference

    parsed = parse_reference("G. Roe, F. Vega, and L. Stone, Rivista di Fisica, 26(5-6) (2003), "
                             "pp. 1-150.")
    assert parsed.grammar == "ieee"
    item = parsed.item
    assert (item["container-title"], item["volume"], item["issue"], item["page"],
            item["issued"]) == ("Rivista di Fisica", "26", "5-6", "1-150", {"date-parts": [[2003]]})


def test_an_issue_between_the_volume_and_the_year_first_host() -> None:
    """"Cerâmica 61, 359 (2015) 367": volume, issue, (year), page."""
    from citefmt.refparse import parse_reference

    item = parse_reference("A.C.P. Roe, J.U.L. Vega, Cerâmica 61, 359 (2015) 367.").item
    assert (item["container-title"], item["volume"], item["issue"], item["page"]) == (
        "Cerâmica", "61", "359", "367")


@pytest.mark.parametrize(("text", "volume"), [
    ("G. Roe, PoS LATTICE2012 (2012) 017.", "LATTICE2012"),
    ("S. Vega, PoSLATTICE 2008(2008) 002.", "LATTICE 2008"),
])
def test_proceedings_of_science_volume_is_the_conference(text: str, volume: str) -> None:
    item = parse_reference(text).item
    assert (item["container-title"], item["volume"]) == ("PoS", volume)


def test_a_new_scheme_arxiv_tail_without_brackets() -> None:
    item = parse_reference("P. Roe and W. Vega, The torque effect in collisions, Phys. Lett. B "
                           "752 (2016) 206, arXiv:1506.02817[nucl-th].").item
    assert (item["container-title"], item["volume"], item["page"], item["number"]) == (
        "Phys. Lett. B", "752", "206", "arXiv:1506.02817")


def test_inspire_issue_between_the_year_and_the_page() -> None:
    item = parse_reference("R. Roe, R. Vega, Phys. Rev. D 88 (2013) 10, 105030.").item
    assert (item["volume"], item["issue"], item["issued"]) == ("88", "10",
                                                               {"date-parts": [[2013]]})
    assert item.get("page", item.get("number")) == "105030"


def test_aip_book_forms_without_a_parenthesised_place() -> None:
    # AIP Style Manual books: "A. B. Author, Title (Publisher, Year)" and the unparenthesised
    # imprint "Title, Publisher, Place (Year)"
    from citefmt.refparse import parse_reference

    item = parse_reference("K. Lee, Wave Mechanics of Crystals (SIAM, 2012).").item
    assert (item["type"], item["title"], item["publisher"]) == (
        "book", "Wave Mechanics of Crystals", "SIAM")
    assert "publisher-place" not in item
    item = parse_reference("M. Ortiz, Granular Media, Oxford Univ. Press, Oxford (2004).").item
    assert (item["title"], item["publisher"], item["publisher-place"]) == (
        "Granular Media", "Oxford Univ. Press", "Oxford")
    assert item["issued"] == {"date-parts": [[2004]]}


def test_two_places_before_the_year_are_not_an_imprint() -> None:
    from citefmt.refparse import ieee

    candidate = ieee.parse("A. Roe and B. Doe, Proc. Neutrino Workshop, Honolulu, Hawaii (1992).")
    assert candidate is None or candidate.item.get("publisher") != "Honolulu"
