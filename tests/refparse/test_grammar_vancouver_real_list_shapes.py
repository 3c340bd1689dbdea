"""Shapes found in real Vancouver/NLM lists (eval/vancouver_real_references.jsonl), each fixed by a
general rule; the strings here are written for the tests, not taken from the dev set."""

from __future__ import annotations

from citefmt.refparse import parse_reference


def test_pubmed_labelled_pmid_and_pmcid_leave_no_residue() -> None:
    item = parse_reference(
        "Orlov KA, Petrov BN. Wound healing in rats. Exp Biol Med. 2018 Oct 2;243(14):1120-1131. "
        "doi: 10.1177/1535370218800001. Epub 2018 Sep 9. PubMed PMID: 30200001; "
        "PubMed Central PMCID: PMC6100001.").item
    assert (item["volume"], item["issue"], item["page"]) == ("243", "14", "1120-1131")
    assert (item["DOI"], item["PMID"], item["PMCID"]) == ("10.1177/1535370218800001", "30200001",
                                                          "PMC6100001")


def test_non_breaking_hyphen_in_an_issue_only_russian_journal_range() -> None:
    parsed = parse_reference("Sidorov ASh, Kuznetsova EV. Acute appendicitis in adults. "
                             "Russian Journal of Surgery. 2020;(4):51\u201160. (In Russ.)")
    item = parsed.item
    assert parsed.grammar == "vancouver"
    assert item["author"][0] == {"family": "Sidorov", "given": "A. Sh."}
    assert "volume" not in item
    assert (item["issue"], item["page"]) == ("4", "51-60")


def test_elocator_with_letter_infix_is_an_article_number() -> None:
    item = parse_reference("Park JH, Lee SY. Ocean model drift. J Adv Model Earth Syst. "
                           "2021;13(4):e2020MS002345.").item
    assert item["number"] == "e2020MS002345" and "page" not in item


def test_hyphenated_article_id_is_kept_whole() -> None:
    item = parse_reference("Suwan P. Rainfall at three stations. Asia Pac J Sci Technol. "
                           "2023;28(2):APST-28-02-05.").item
    assert item["number"] == "APST-28-02-05" and "page" not in item


def test_web_page_with_internet_marker_cited_date_and_url() -> None:
    item = parse_reference("Clinical trials registry help [Internet]. [cited 2020 Mar 3]. "
                           "Available from: https://example.org/help").item
    assert item["type"] == "webpage"
    assert item["title"] == "Clinical trials registry help"
    assert "author" not in item
    assert item["URL"] == "https://example.org/help"
    assert item["accessed"] == {"date-parts": [[2020, 3, 3]]}


def test_web_page_with_publisher_and_year() -> None:
    item = parse_reference("Vaccination schedule [Internet]. Health Agency. 2019 [cited 2021 Feb "
                           "1]. "
                           "Available from: https://example.org/schedule").item
    assert item["type"] == "webpage"
    assert (item["title"], item["publisher"]) == ("Vaccination schedule", "Health Agency")
    assert item["issued"] == {"date-parts": [[2019]]}


def test_colon_between_year_volume_and_pages() -> None:
    item = parse_reference("Belov VM. Combined trauma in the Far East. Far Eastern Medical "
                           "Journal. "
                           "2012:4:101–105. (In Russ.)").item
    assert item["container-title"] == "Far Eastern Medical Journal"
    assert item["issued"] == {"date-parts": [[2012]]}
    assert (item["volume"], item["page"]) == ("4", "101-105")


def test_range_in_the_volume_place_without_pages_is_the_pages() -> None:
    item = parse_reference("Wright D. A. Functional bowel disorders. Gastroenterology. 2017; "
                           "1301–1309.").item
    assert item["author"] == [{"family": "Wright", "given": "D. A."}]
    assert item["page"] == "1301-1309"
    assert "volume" not in item
