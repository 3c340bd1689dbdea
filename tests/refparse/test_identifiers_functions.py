"""Identifier helpers: exact normalised values, checksums, and spans found in running text."""

from __future__ import annotations

import pytest

from citefmt import identifiers as ids


@pytest.mark.parametrize("text, expected", [
    ("10.1016/j.jbc.2021.101530", "10.1016/j.jbc.2021.101530"),
    ("doi:10.1016/J.JBC.2021.101530", "10.1016/J.JBC.2021.101530"),
    ("DOI 10.1002/btm2.10642.", "10.1002/btm2.10642"),
    ("DOI: 10.1002/btm2.10642", "10.1002/btm2.10642"),
    ("https://doi.org/10.1016/S0140-6736(20)30183-5", "10.1016/S0140-6736(20)30183-5"),
    ("http://dx.doi.org/10.1093/burnst/tkae030", "10.1093/burnst/tkae030"),
    ("https://doi.org/10.1000%2F182", "10.1000/182"),
    ("(https://doi.org/10.3390/biom13060945)", None),
    ("10.1016", None),
    ("doi: 11.1000/x", None),
])
def test_clean_doi_strips_prefixes_and_keeps_case(text: str, expected: str | None) -> None:
    assert ids.clean_doi(text) == expected


def test_normalize_doi_is_lower_case_for_comparison() -> None:
    assert ids.normalize_doi("https://doi.org/10.2147/IJN.S411562") == "10.2147/ijn.s411562"
    assert ids.normalize_doi("not a doi") is None
    assert ids.is_valid_doi("doi:10.2147/ijn.s411562")
    assert not ids.is_valid_doi("10.2147/ijn s411562")


def test_find_dois_in_text_trims_sentence_punctuation_and_unbalanced_parens() -> None:
    text = ("See (doi: 10.1016/S0140-6736(20)30183-5). "
            "Also https://doi.org/10.3390/biom13060945, end.")
    found = ids.find_dois(text)
    assert [f.value for f in found] == ["10.1016/S0140-6736(20)30183-5", "10.3390/biom13060945"]
    assert text[found[0].start:found[0].end] == "10.1016/S0140-6736(20)30183-5"


@pytest.mark.parametrize("text, expected", [
    ("PMID: 29262065", "29262065"), ("34953859", "34953859"), ("007", "7"),
    ("123456789", None), ("0", None), ("PMID 12a", None),
])
def test_normalize_pmid(text: str, expected: str | None) -> None:
    assert ids.normalize_pmid(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("PMC8784641", "PMC8784641"), ("pmcid: pmc8784641", "PMC8784641"),
    ("PMCID:PMC10296409", "PMC10296409"), ("8784641", None), ("PMC", None),
])
def test_normalize_pmcid(text: str, expected: str | None) -> None:
    assert ids.normalize_pmcid(text) == expected


def test_find_pmid_and_pmcid_in_a_vancouver_reference() -> None:
    ref = "J Biol Chem. 2022;298(2):101530. PMID: 34953859. PMCID: PMC8784641. https://doi.org/x"
    assert [(f.kind, f.value) for f in ids.find_identifiers(ref)] == [
        ("PMID", "34953859"), ("PMCID", "PMC8784641"), ("URL", "https://doi.org/x")]


@pytest.mark.parametrize("text, expected", [
    ("arXiv:2101.00001v2", "2101.00001v2"), ("https://arxiv.org/abs/1706.03762", "1706.03762"),
    ("hep-th/9901001", "hep-th/9901001"), ("math.GT/0309136", "math.GT/0309136"), ("2101.1", None),
])
def test_normalize_arxiv(text: str, expected: str | None) -> None:
    assert ids.normalize_arxiv(text) == expected


def test_find_arxiv_ids() -> None:
    found = ids.find_arxiv_ids("Preprint arXiv: 1706.03762v5. 2017.")
    assert [f.value for f in found] == ["1706.03762v5"]


@pytest.mark.parametrize("text, valid", [
    ("978-0-306-40615-7", True), ("ISBN 978-0-306-40615-7", True), ("0-306-40615-2", True),
    ("0-8044-2957-X", True), ("978-0-306-40615-8", False), ("0-306-40615-3", False),
    ("123-4-567-89012-8", False), ("12345", False),
])
def test_isbn_checksum(text: str, valid: bool) -> None:
    assert ids.is_valid_isbn(text) is valid


def test_isbn_forms() -> None:
    assert ids.normalize_isbn("ISBN-13: 978 0 306 40615 7") == "9780306406157"
    assert ids.isbn10_to_13("0-306-40615-2") == "9780306406157"
    assert ids.isbn10_to_13("0-306-40615-3") is None
    assert ids.isbn_checksum_ok("0-306-40615-2")
    found = ids.find_isbns("М. : Наука, 2006. 215 с. ISBN 978-0-306-40615-7.")
    assert [f.value for f in found] == ["978-0-306-40615-7"]


@pytest.mark.parametrize("text, valid", [
    ("0028-4793", True), ("ISSN 0378-5955", True), ("2434-561x", True), ("0028-4794", False),
    ("002-4793", False),
])
def test_issn_checksum(text: str, valid: bool) -> None:
    assert ids.is_valid_issn(text) is valid


def test_issn_normal_form() -> None:
    assert ids.normalize_issn("eISSN: 2434561x") == "2434-561X"
    assert [f.value for f in ids.find_issns("ISSN 00284793; e-ISSN 1533-4406")] == ["0028-4793",
                                                                                    "1533-4406"]


def test_urls() -> None:
    text = "Available from: https://www.ncbi.nlm.nih.gov/books/NBK470443/. (accessed 2024)"
    assert [f.value for f in ids.find_urls(text)] == ["https://www.ncbi.nlm.nih.gov/books/NBK470443"
                                                      "/"]
    assert [f.value for f in ids.find_urls("(see http://example.org/a_(b))")] == ["http://example.org/a_(b)"]
    assert ids.is_valid_url("https://doi.org/10.1/x")
    assert ids.is_valid_url("http://east-front.narod.ru/memo/latchford.htm")
    assert ids.is_valid_url("http://пример.рф/путь")
    assert not ids.is_valid_url("www.example.org")
    assert not ids.is_valid_url("https://localhost path")
    assert ids.doi_url("10.1/x") == "https://doi.org/10.1/x"


def test_a_resolver_link_broken_after_dx_is_the_doi_not_a_url() -> None:
    """The repair step may break "http://dx.doi.org/…" after "dx."; the link is still the DOI's
    resolver link, and no "http://dx" URL is left behind."""
    from citefmt.refparse import parse_reference

    item = parse_reference("Roe J. A study of leaves. Plant Biol. 2008;52(1):1-8. "
                           "http://dx.doi.org/10.1007/s10535-008-0001-z").item
    assert item["DOI"] == "10.1007/s10535-008-0001-z"
    assert "URL" not in item


def test_sici_doi_keeps_its_angle_bracket_pairs() -> None:
    # Wiley's SICI-based DOIs hold "<…:…>" pairs; a bracket that closes a link is no part of one
    from citefmt.identifiers import find_dois, find_urls

    sici = "10.1002/1521-4125(200007)23:7<581::AID-CEAT581>3.0.CO;2-P"
    assert [f.value for f in find_dois(f"DOI: {sici}.")] == [sici]
    assert [f.value for f in find_dois("em: <https://doi.org/10.1590/abc.123>. Acesso")] == \
        ["10.1590/abc.123"]
    assert [f.value for f in find_dois("doi:10.1000/xyz<b>")] == ["10.1000/xyz"]
    assert [f.value for f in find_urls(f"URL: https://doi.org/{sici}. — 2000")] == \
        [f"https://doi.org/{sici}"]
