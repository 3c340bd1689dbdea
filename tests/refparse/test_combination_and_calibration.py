"""Choosing between grammar and tagger: sanity checks and coverage lower a misread's confidence,
citation numbers are set aside, and truncated author lists are reported (CF107)."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference
from citefmt.refparse.plausibility import calibrated, failed_checks, unexplained_share


def test_sane_article_fails_no_check() -> None:
    item = {"type": "article-journal", "author": [{"family": "Lee", "given": "J. H."}],
            "title": "Exosomes in wound healing", "container-title": "Int J Mol Sci",
            "issued": {"date-parts": [[2023]]}, "volume": "24", "issue": "13", "page": "10434"}
    assert failed_checks(item) == []


@pytest.mark.parametrize(("field", "value", "check"), [
    ("title", "2004", "title"),                               # a year read as the title
    # number and authors read as the title
    ("title", "96. Buxton MJ, Lacey LA, Feagan BG", "title"),
    ("issued", {"date-parts": [[1234]]}, "year"),
    ("volume", "Military Medicine", "volume"),
    ("page", "2540-2548 http", "page"),
    ("publisher", "2540-2548", "publisher"),
    ("author", [{"family": "Smith2", "given": "J."}], "author"),
])
def test_each_implausible_field_fails_its_check(field: str, value: object, check: str) -> None:
    item = {"type": "article-journal", "title": "Exosomes in wound healing", field: value}
    assert failed_checks(item) == [check]


def test_unexplained_share_counts_word_characters_no_field_holds() -> None:
    item = {"title": "Wound healing", "container-title": "Burns",
            "issued": {"date-parts": [[2020]]}}
    assert unexplained_share(item, "Wound healing. Burns. 2020.") == 0.0
    # "Smith" and "AB" (7 characters) of 5 + 2 + 5 + 7 + 5 + 4 = 28 are in no field
    assert unexplained_share(item, "Smith AB. Wound healing. Burns. 2020.") == pytest.approx(7 / 28)


def test_a_year_with_its_letter_is_explained_by_the_year() -> None:
    """APA/Harvard "2016e": the letter tells one author's works of a year apart; the year
    accounts for the word (a letter on anything else does not)."""
    item = {"title": "Rivers of the plain", "issued": {"date-parts": [[2016]]}}
    assert unexplained_share(item, "Rivers of the plain. 2016e.") == 0.0
    assert unexplained_share(item, "Rivers of the plain. 2017e.") > 0.0


def test_calibration_multiplies_failed_checks_and_coverage() -> None:
    item = {"title": "2004", "issued": {"date-parts": [[2004]]}}
    assert calibrated(1.0, item, "2004. 2004.") == pytest.approx(0.7)


def test_author_year_reference_is_not_read_with_the_year_as_title() -> None:
    item = parse_reference("Majeska G. 1984. Russian Travelers to Constantinople in the Fourteenth "
                           "and "
                           "Fifteenth Centuries. Washington, D.C.: Dumbarton Oaks.").item
    assert item["title"] == (
        "Russian Travelers to Constantinople in the Fourteenth and Fifteenth Centuries")
    assert item["issued"] == {"date-parts": [[1984]]}
    assert item["author"] == [{"family": "Majeska", "given": "G."}]


def test_russian_vancouver_with_dotted_initials_and_citation_number() -> None:
    text = ("[12] Иванов И. И., Петрова А. С., Сидоров К. Л. и др. Экзосомы в заживлении ран. "
            "Хирургия. 2019;96(3):121-8. doi:10.17116/hirurgia201903121")
    parsed = parse_reference(text)
    assert parsed.item == {
        "type": "article-journal",
        "author": [{"family": "Иванов", "given": "И. И."}, {"family": "Петрова", "given": "А. С."},
                   {"family": "Сидоров", "given": "К. Л."}, {"literal": "others"}],
        "title": "Экзосомы в заживлении ран", "container-title": "Хирургия",
        "issued": {"date-parts": [[2019]]}, "volume": "96", "issue": "3", "page": "121-128",
        "DOI": "10.17116/hirurgia201903121", "language": "ru",
    }
    assert parsed.truncated_authors
    assert [(d.code, d.col, d.severity) for d in parsed.diagnostics] == [
        ("CF107", text.index("и др.") + 1, "info")]


def test_issue_example_russian_vancouver_without_spaces_in_initials() -> None:
    item = parse_reference("Иванов И.И., Петрова А.С. Экзосомы в заживлении ран. Хирургия. "
                           "2019;96(3):121-128.").item
    assert item["author"] == [{"family": "Иванов", "given": "И. И."},
                              {"family": "Петрова", "given": "А. С."}]
    assert (item["title"], item["container-title"], item["page"]) == (
        "Экзосомы в заживлении ран", "Хирургия", "121-128")
    assert "container-title-short" not in item  # a full title, not an abbreviation


def test_abbreviated_journal_loses_its_final_period_and_is_also_the_short_title() -> None:
    item = parse_reference("Smith J, Doe A. Rural care. Rural Med J. 2019;5(2):1-9.").item
    assert (item["container-title"], item["container-title-short"]) == ("Rural Med J",
                                                                        "Rural Med J")


def test_glued_label_is_separated_and_reported() -> None:
    text = "Roman J. Fibroblasts. Biomolecules. 2023;13(6):945.PMID: 37371525."
    parsed = parse_reference(text)
    assert (parsed.item["page"], parsed.item["PMID"]) == ("945", "37371525")
    assert [(d.code, d.col, d.message) for d in parsed.diagnostics] == [
        ("CF101", text.index(".PMID") + 1, "missing space after a period inserted before 'PMID'")]


def test_citation_number_shifts_diagnostic_columns_to_the_raw_string() -> None:
    text = "7. Lee JH, WonYJ. Healing. Int J Mol Sci. 2023;24(13):10434."
    parsed = parse_reference(text)
    assert parsed.item["author"] == [{"family": "Lee", "given": "J. H."},
                                     {"family": "Won", "given": "Y. J."}]
    assert [(d.code, d.col) for d in parsed.diagnostics] == [("CF101", text.index("WonYJ") + 1)]
