"""NLM names with the year after them, as PLOS prints its references ("Surname AB, Surname C
(2010) Title. Journal 65(3): 1–2."), read by the author–year grammar (citefmt/refparse/apa.py).
Strings written for these tests."""

from __future__ import annotations

from citefmt.refparse import parse_reference


def test_plos_journal_reference() -> None:
    parsed = parse_reference("Roe AB, Vega C, Stone DE, et al. (2012) Gene order in ciliates. "
                             "Mol Biol Evol 29(4): 1133–1145.")
    assert parsed.grammar == "apa"
    item = parsed.item
    assert [(n.get("family"), n.get("given")) for n in item["author"][:3]] == [
        ("Roe", "A. B."), ("Vega", "C."), ("Stone", "D. E.")]
    assert (item["title"], item["container-title"], item["volume"], item["issue"],
            item["page"]) == ("Gene order in ciliates", "Mol Biol Evol", "29", "4", "1133-1145")


def test_supplement_volume_and_an_ampersand_before_the_last_name() -> None:
    item = parse_reference("Lund P, & Marsh F (2003) Intron models. Bioinformatics 19 Suppl 2: "
                           "ii21–ii29.").item
    assert [n["family"] for n in item["author"]] == ["Lund", "Marsh"]
    assert (item["volume"], item["page"]) == ("19 Suppl 2", "ii21-ii29")


def test_a_title_of_two_sentences_runs_to_the_journal_block() -> None:
    item = parse_reference("Roe AB (1999) A new equation for renal function. Renal Study "
                           "Group. Ann Intern Med 130: 461–470.").item
    assert item["title"] == "A new equation for renal function. Renal Study Group"
    assert item["container-title"] == "Ann Intern Med"


def test_a_date_in_parentheses_after_the_volume_is_not_an_issue() -> None:
    item = parse_reference('Roe, Anna (2009). "Element 112 named." New Scientist 202 '
                           "(20 June): 10.").item
    assert "issue" not in item


def test_a_quoted_title_that_quotes_a_word() -> None:
    item = parse_reference("Roe, Anna (1994). \"'Seaborgium' fails to win approval.\" Nature "
                           "371: 639.").item
    assert item["title"] == "'Seaborgium' fails to win approval"
    assert item["container-title"] == "Nature"


def test_a_second_title_sentence_is_not_part_of_the_journal() -> None:
    item = parse_reference("Roe, M. (2004). Does active learning work? A review of the "
                           "research. Journal of Engineering Education, 93(3), 223-231.").item
    assert item["title"] == "Does active learning work? A review of the research"
    assert item["container-title"] == "Journal of Engineering Education"


def test_abbreviated_journal_words_stay_in_the_journal() -> None:
    item = parse_reference("Roe, K. (2001). A study of films. J. Appl. Phys., 12(3), 4-5.").item
    assert (item["title"], item["container-title"]) == ("A study of films", "J. Appl. Phys")


def test_a_portuguese_edition_after_the_title() -> None:
    item = parse_reference("Roe, M. (2008). Metamorfoses do espaço (6ª ed.). São Paulo: "
                           "EdUSP.").item
    assert (item["title"], item["edition"]) == ("Metamorfoses do espaço", "6")
