"""PDF-extracted strings cut punctuation from its word ("Phys .Rev .C 85 ( 2012)"): the spacing
is repaired before any grammar runs, and reported (CF105)."""

from __future__ import annotations

from citefmt.refparse import parse_reference
from citefmt.refparse.normalize import normalize


def test_detached_periods_and_commas_are_reattached() -> None:
    text = normalize("Fulling ,S .A.:Phys .Rev .D 7 ,2850 ( 1973 )")
    assert text.value == "Fulling, S. A.:Phys. Rev. D 7, 2850 (1973)"
    assert [d.code for d in text.diagnostics] == ["CF105"]
    assert text.diagnostics[0].col == 8  # the first repair, in the string as written


def test_french_colon_spacing_and_decimals_are_kept() -> None:
    for kept in ("Paris : Gallimard, 1990.", "at 2 .76 TeV, 1990", "Vol. 3; p. 4"):
        assert normalize(kept).value == kept


def test_a_physics_reference_with_pdf_spacing_parses() -> None:
    item = parse_reference("S. Orito et al. Phys .Rev .Lett .66 ( 1991 )1951 .").item
    assert item["container-title"] == "Phys. Rev. Lett."
    assert (item["volume"], item["page"], item["issued"]) == ("66", "1951",
                                                               {"date-parts": [[1991]]})


def test_a_page_glued_to_the_year_and_spaces_inside_brackets() -> None:
    assert normalize("Nucl. Phys. B 897 (2015)39 [ arXiv:1503.05232[ hep-lat]]").value == \
        "Nucl. Phys. B 897 (2015) 39 [arXiv:1503.05232[hep-lat]]"
    # a DOI's parenthesised part is not a year before a page
    kept = "Lancet. 2012;380:367-77. DOI:10.1016/S0140-6736(12)60821-6"
    assert normalize(kept).value == kept


def test_a_conjunction_glued_to_an_initial_is_separated() -> None:
    text = normalize("P Roe, C Vega, andA Stone, Phys. Rev. B 68, 165324 (2003).")
    assert text.value == "P Roe, C Vega, and A Stone, Phys. Rev. B 68, 165324 (2003)."
    assert [d.code for d in text.diagnostics] == ["CF101"]
    assert normalize("Anderson A, Andrews B.").value == "Anderson A, Andrews B."


def test_the_tagger_reads_a_page_inside_its_volume_or_date_segment() -> None:
    from citefmt.refparse.tagger import with_page_segment

    assert with_page_segment([("journal", "Phys. Rev. B"), ("volume", "68, 165324"),
                              ("date", "(2003).")]) == [
        ("journal", "Phys. Rev. B"), ("volume", "68"), ("pages", "165324"), ("date", "(2003).")]
    assert with_page_segment([("journal", "Commun."), ("volume", "184"),
                              ("date", "(2013) 1535")]) == [
        ("journal", "Commun."), ("volume", "184"), ("date", "(2013)"), ("pages", "1535")]
    kept = [("volume", "68, 165324"), ("pages", "12")]
    assert with_page_segment(kept) == kept
