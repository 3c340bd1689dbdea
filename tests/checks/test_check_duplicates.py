"""CF300: duplicates by identifier (DOI, PMID, PMCID, ISBN of whole works), or by author, year,
title, container, volume and pages together; part I and part II are two works."""

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
                     "author, year and title (container, volume and pages do not differ)")]


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


PART_ONE: dict[str, object] = {
    "type": "article-journal", "id": "tao1", "author": [{"family": "Tao", "given": "W"}],
    "title": "Magnetic reconnection in solar flares, part I: observations",
    "container-title": "Astrophys J", "issued": {"date-parts": [[2019]]}, "volume": "875",
    "page": "1-12"}


def test_part_one_and_part_two_are_two_works() -> None:
    part_two = dict(PART_ONE, id="tao2", page="13-25",
                    title="Magnetic reconnection in solar flares, part II: observations")
    assert duplicates.find(data_document(PART_ONE, part_two)) == []


def test_same_title_in_another_volume_or_on_other_pages_is_not_a_duplicate() -> None:
    other_volume = dict(PART_ONE, id="v", volume="876")
    other_pages = dict(PART_ONE, id="p", page="100-112")
    other_journal = dict(PART_ONE, id="j", **{"container-title": "Sol Phys"})
    other_doi = dict(PART_ONE, id="d", DOI="10.1/b")
    first = dict(PART_ONE, DOI="10.1/a")
    assert duplicates.find(data_document(first, other_volume, other_pages, other_journal,
                                         other_doi)) == []


def test_a_copy_missing_the_pages_is_still_a_duplicate() -> None:
    copy = {k: v for k, v in PART_ONE.items() if k != "page"} | {"id": "copy"}
    assert brief(duplicates.find(data_document(PART_ONE, copy))) == [
        (2, "CF300", "item 'copy' is a duplicate of item 'tao1' (line 1): same first author, "
                     "year and title (container, volume and pages do not differ)")]


def test_pmcid_and_isbn_of_the_same_book_are_identifiers() -> None:
    book = {"type": "book", "id": "b1", "title": "A", "ISBN": "0-306-40615-2"}
    same_book = {"type": "book", "id": "b2", "title": "B", "ISBN": "978-0-306-40615-7"}
    chapter = {"type": "chapter", "id": "c1", "title": "C", "ISBN": "978-0-306-40615-7"}
    other_chapter = {"type": "chapter", "id": "c2", "title": "D", "ISBN": "978-0-306-40615-7"}
    article = {"type": "article-journal", "id": "a1", "title": "E", "PMCID": "PMC8784641"}
    same_article = {"type": "article-journal", "id": "a2", "title": "F", "PMCID": "8784641"}
    assert brief(duplicates.find(data_document(book, same_book, chapter, other_chapter,
                                               article, same_article))) == [
        (2, "CF300", "item 'b2' is a duplicate of item 'b1' (line 1): same ISBN (book)"),
        (6, "CF300", "item 'a2' is a duplicate of item 'a1' (line 5): same PMCID")]


def test_a_repeated_bibtex_key_is_reported_once_by_the_reader_not_again_here() -> None:
    from citefmt.checks import check_text
    from citefmt.config import Settings

    entry = ("@article{tao2019,\n  author = {Tao, W.},\n  title = {Magnetic reconnection},\n"
             "  journal = {Astrophys J},\n  year = 2019,\n  doi = {10.1/a}\n}\n")
    found = check_text(entry + "\n" + entry, Settings(), source="refs.bib")
    assert [d.format() for d in found if d.code in ("CF111", "CF300")] == [
        "refs.bib:9: CF111 duplicate key 'tao2019' (first defined on line 1); both entries are "
        "kept"]
