"""CF300: duplicates by DOI, PMID, or first author + year + near-identical title."""

from __future__ import annotations

from check_helpers import ARTICLE, brief, data_document

from citefmt.checks import duplicates


def test_same_doi_in_other_case_and_prefix_is_a_duplicate() -> None:
    other = {"type": "article-journal", "id": "x", "title": "Something else",
             "DOI": "https://doi.org/10.1016/J.JBC.2021.101530"}
    assert brief(duplicates.find(data_document(ARTICLE, other))) == [
        (2, "CF300", "item 'x' is a duplicate of item 'moretti2022' (line 1): same DOI")]


def test_same_pmid_is_a_duplicate() -> None:
    other = {"type": "article-journal", "id": "x", "title": "Else", "PMID": "34953859"}
    assert brief(duplicates.find(data_document(ARTICLE, other))) == [
        (2, "CF300", "item 'x' is a duplicate of item 'moretti2022' (line 1): same PMID")]


def test_author_year_and_near_identical_title() -> None:
    plain = {k: v for k, v in ARTICLE.items() if k not in ("DOI", "PMID", "PMCID")}
    retyped = dict(plain, id="copy", title="The interplay of fibroblasts, the extracelular "
                                            "matrix and inflammation in scar formation.")
    assert brief(duplicates.find(data_document(plain, retyped))) == [
        (2, "CF300", "item 'copy' is a duplicate of item 'moretti2022' (line 1): same first "
                     "author, year and title")]


def test_different_title_or_year_is_not_a_duplicate() -> None:
    plain = {k: v for k, v in ARTICLE.items() if k not in ("DOI", "PMID", "PMCID")}
    other_title = dict(plain, id="a", title="Fibroblasts in scar formation: a review")
    other_year = dict(plain, id="b", issued={"date-parts": [[2023]]})
    assert duplicates.find(data_document(plain, other_title, other_year)) == []


def test_bibtex_entries_are_named_by_key() -> None:
    copy = dict(ARTICLE, id="moretti2022b")
    assert brief(duplicates.find(data_document(ARTICLE, copy, kind="bibtex"))) == [
        (2, "CF300", "entry 'moretti2022b' is a duplicate of entry 'moretti2022' (line 1): "
                     "same DOI")]
