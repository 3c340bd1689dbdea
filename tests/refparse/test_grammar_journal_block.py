"""A journal article cited by its journal and numbers alone (citefmt/refparse/journal_block.py),
in the orders of the AIP/APS, Elsevier, ACS, IOP and NLM styles. Strings written for these
tests from the style guides' patterns, with invented journals and numbers."""

from __future__ import annotations

import pytest

from citefmt.refparse import journal_block, parse_reference


@pytest.mark.parametrize("text, journal, year, volume, issue, page", [
    # AIP/APS: journal volume, page (year)
    ("Phys. Lett. Q 41, 120345 (2004)", "Phys. Lett. Q", 2004, "41", None, "120345"),
    # Elsevier: journal volume (year) page
    ("Nucl. Instrum. Methods X 512 (2006) 433", "Nucl. Instrum. Methods X", 2006, "512", None,
     "433"),
    # ACS: journal year, volume, pages
    ("J. Imag. Chem. 2011, 76, 1123-1130", "J. Imag. Chem.", 2011, "76", None, "1123-1130"),
    # IOP: year journal volume page
    ("2011 Plasma Imag. Sci. 20 045002", "Plasma Imag. Sci.", 2011, "20", None, "045002"),
    # NLM: journal year;volume(issue):pages
    ("J Imag Physiol. 2006;206(3):807-13", "J Imag Physiol.", 2006, "206", "3", "807-13"),
    # labelled numbers, any order
    ("Imag. Stat. Sol. (b) 197, No. 2, 528–533 (2003)", "Imag. Stat. Sol. (b)", 2003, "197",
     "2", "528–533"),
    ("Journal of Imaginary Studies Volume 9, Number 11, 2007", "Journal of Imaginary Studies",
     2007, "9", "11", None),
    # volume: pages, year at the end
    ("J. Imag. Physiol. 206: 807–813, 2006.", "J. Imag. Physiol.", 2006, "206", None,
     "807–813"),
])
def test_journal_and_numbers_in_each_style_order(text: str, journal: str, year: int,
                                                 volume: str, issue: str | None,
                                                 page: str | None) -> None:
    candidate = journal_block.parse(text)
    assert candidate is not None
    item = candidate.item
    assert item["container-title"] == journal
    assert item["issued"] == {"date-parts": [[year]]}
    assert (item.get("volume"), item.get("issue")) == (volume, issue)
    assert item.get("page") == (page.replace("–", "-") if page else None)


@pytest.mark.parametrize("text", [
    "Roe, J. Phys. Lett. Q 41, 120345 (2004)",            # an author (surname first)
    "Roe J, Doe A. Imag Lett 2004;41:12",                 # Vancouver authors
    "A study of the roots of trees. Imag. Lett. 41, 12 (2004)",   # a title sentence
    "M. Roe et al. Imag. Lett. 41 (2004) 12",             # "et al."
    "Imag. Lett. 41, 12 (2004), see also chapter 3",      # words among the numbers
    "Imag. Lett., in press",                              # no number
])
def test_anything_but_a_journal_and_numbers_is_not_read(text: str) -> None:
    assert journal_block.parse(text) is None


def test_a_journal_block_is_read_whole_by_the_parser() -> None:
    parsed = parse_reference("Imag. Mater. 1992, 4, 692")
    assert parsed.grammar == "journal-block"
    assert parsed.item["type"] == "article-journal"
    assert parsed.item["container-title"] == "Imag. Mater."
    assert (parsed.item["volume"], parsed.item["page"]) == ("4", "692")


@pytest.mark.parametrize(("text", "families", "journal"), [
    ("Novak P., Phys. Lett. B, 512 (2003) 77.", ["Novak"], "Phys. Lett. B"),
    ("Berg A. and Lund T., Nucl. Phys. A, 610 (1996) 301;", ["Berg", "Lund"], "Nucl. Phys. A"),
    ("K. Moreau: J. Chem. Phys. 88 (1988) 4102.", ["Moreau"], "J. Chem. Phys."),
    ("Okafor et al, Nature, 412, 33-35, 2001", ["Okafor"], "Nature"),
])
def test_author_statement_before_the_journal_block(text: str, families: list[str],
                                                   journal: str) -> None:
    reading = journal_block.parse(text)
    assert reading is not None
    assert [n.get("family") for n in reading.item["author"]] == families
    assert reading.item["container-title"] == journal
    assert "title" not in reading.item


def test_author_before_the_journal_block_is_the_author() -> None:
    reading = journal_block.parse("J. Roe, Phys. Lett. Q 41, 120345 (2004)")
    assert reading is not None
    assert reading.item["author"] == [{"family": "Roe", "given": "J."}]
    assert reading.item["container-title"] == "Phys. Lett. Q"


def test_collaboration_before_the_journal_block() -> None:
    reading = journal_block.parse("LHCb Collaboration, Phys. Rev. D 91, 072003 (2015).")
    assert reading is not None
    assert reading.item["author"] == [{"literal": "LHCb Collaboration"}]
    assert (reading.item["container-title"], reading.item["volume"]) == ("Phys. Rev. D", "91")


@pytest.mark.parametrize("text", [
    "R. Okafor, Tunnelling of solitons, Nucl. Phys. B 301 (1988) 55.",     # a title, comma
    "Lund T, Berg A: The Reading Room. Br Med J 70: 11-19, 1995.",
    "M. Novak, Exotic Mesons (Nova Publishing, New York, 1999), Vol. 2.",  # a book
])
def test_title_after_the_authors_is_not_a_journal_block(text: str) -> None:
    assert journal_block.parse(text) is None
