"""The Vancouver/AMA grammar's steps, one per element NLM's Citing Medicine names.

Expected values are the elements as Citing Medicine (2nd ed., ch. 1) defines them, in strings
written for the test."""

from __future__ import annotations

from citefmt.refparse import vancouver
from citefmt.refparse.candidate import Candidate


def test_author_area_reads_names_and_where_the_title_starts() -> None:
    body = "Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation. N Engl J Med. 2002;347:1."
    cand = Candidate("vancouver", {}, 0.0)
    rest, score = vancouver._author_area(body, cand)
    assert body[rest:].startswith(" Solid-organ") or body[rest:].startswith("Solid-organ")
    assert [n["family"] for n in cand.item["author"]] == ["Halpern", "Ubel", "Caplan"]
    assert score == 0.25


def test_last_date_block_is_the_journal_locator() -> None:
    m = vancouver._last_date_block("Title. N Engl J Med. 2002 Jul 25;347(4):284-7.")
    assert m is not None
    assert (m.group("year"), m.group("md"), m.group("vol"), m.group("issue"), m.group("page")) \
        == ("2002", "Jul 25", "347", "4", "284-7")


def test_volume_issue_pages_with_a_supplement_and_an_article_number() -> None:
    item: dict = {}
    m = vancouver._last_date_block("Title. J. 2002;42 Suppl 2:S93-9.")
    assert m is not None
    vancouver._volume_issue_pages(m, item)
    assert item == {"volume": "42", "issue": "Suppl 2", "page": "S93-9"}  # expanded later
    item = {}
    m = vancouver._last_date_block("Title. J. 2022;298(2):Article 101530.")
    assert m is not None
    vancouver._volume_issue_pages(m, item)
    assert item == {"volume": "298", "issue": "2", "number": "101530"}


def test_book_sentences_make_a_book_with_its_imprint() -> None:
    body = "Murray PR. Medical microbiology. 4th ed. St. Louis: Mosby; 2002."
    cand = Candidate("vancouver", {"type": "article-journal"}, 0.0)
    rest, _ = vancouver._author_area(body, cand)
    outcome = vancouver._book_or_other(body, rest + 1, len(body), cand, 0.0)
    assert isinstance(outcome, float)
    assert cand.item["type"] == "book"
    assert (cand.item["publisher-place"], cand.item["publisher"], cand.item["edition"]) \
        == ("St. Louis", "Mosby", "4")
