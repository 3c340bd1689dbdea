"""Article numbers versus pages (citefmt/refparse/locators.py): the rule itself, and that every
reader of plain text (Vancouver, APA, GOST grammars and the CRF tagger) applies it the same way.
Strings written for these tests."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference
from citefmt.refparse.locators import is_article_number, with_article_number
from citefmt.refparse.tagger import parse_with_tagger
from citefmt.refparse.tagger.fields import pages


@pytest.mark.parametrize("locator, expected", [
    ("101530", True),          # 5+ digits: no journal runs to page 10,000
    ("10434", True),
    ("1005307", True),
    ("e41465", True),          # e-locators
    ("e5100", True),
    ("E69", True),
    ("a2752", True),           # BMJ
    ("tkae030", True),         # Oxford's letter prefixes
    ("CD001234", True),        # Cochrane review number
    ("e2019MS001916", True),   # e-locator with a letter infix
    ("APST-27-01-12", True),   # a hyphenated article id is not a range
    ("945", False),            # MDPI article number or page 945: not guessed
    ("16", False),
    ("1302", False),
    ("S93", False),            # supplement page
    ("S1", False),
    ("s12", False),
    ("A12", False),            # section page
    ("15A", False),
    ("xii", False),            # front-matter page
    ("48-51", False),          # ranges are pages
    ("S93-S99", False),
    ("e139-e596", False),
    ("101530-101540", False),
    ("12 14", False),
    ("", False),
])
def test_which_single_locators_are_article_numbers(locator: str, expected: bool) -> None:
    assert is_article_number(locator) is expected


def test_only_a_journal_article_without_a_number_of_its_own_is_changed() -> None:
    article = {"type": "article-journal", "volume": "298", "page": "101530"}
    assert with_article_number(article) == {"type": "article-journal", "volume": "298",
                                            "number": "101530"}
    assert article["page"] == "101530"  # the input item is left as it was
    arxiv = {"type": "article-journal", "page": "e41465", "number": "arXiv:2101.00001"}
    assert with_article_number(arxiv) == arxiv
    chapter = {"type": "chapter", "page": "101530"}
    assert with_article_number(chapter) == chapter
    pages = {"type": "article-journal", "page": "945"}
    assert with_article_number(pages) == pages


def _locators(text: str) -> tuple[str, str | None, str | None]:
    parsed = parse_reference(text)
    return parsed.grammar, parsed.item.get("page"), parsed.item.get("number")


@pytest.mark.parametrize("text, expected", [
    ("Roe J, Doe A. Healing of scars. J Test Med. 2022;298(2):101530.",
     ("vancouver", None, "101530")),
    ("Roe J, Doe A. Healing of scars. J Test Med. 2024;10(1):e41465. doi: 10.1000/x.e41465",
     ("vancouver", None, "e41465")),
    ("Roe J, Doe A. Healing of scars. J Test Med. 2023;13(4):945.",
     ("vancouver", "945", None)),
    ("Roe J, Doe A. Healing of scars. J Test Med. 2023;13(4):Article 945.",
     ("vancouver", None, "945")),
    ("Roe J, Doe A. Healing of scars. J Test Med. 2002;42 Suppl 2:S93-9.",
     ("vancouver", "S93-S99", None)),
    ("Roe, J., & Doe, A. (2022). Healing of scars. Journal of Test Medicine, 298(2), "
     "Article 101530.", ("apa", None, "101530")),
    ("Roe, J., & Doe, A. (2023). Healing of scars. Journal of Test Medicine, 13(4), e2207112.",
     ("apa", None, "e2207112")),
    ("Roe, J., & Doe, A. (2023). Healing of scars. Journal of Test Medicine, 13(4), 45–67.",
     ("apa", "45-67", None)),
    ("Roe J. Healing of scars // Journal of Test Medicine. 2022. Vol. 298, No. 2. Art. 101530.",
     ("gost", None, "101530")),
    ("Иванов И. И. Заживление рубцов // Вестник хирургии. 2021. Т. 5, № 2. Ст. 945.",
     ("gost", None, "945")),
    ("Roe J. Healing of scars // Journal of Test Medicine. 2022. Vol. 298, No. 2. P. 101530.",
     ("gost", None, "101530")),
    ("Иванов И. И. Заживление рубцов // Вестник хирургии. 2021. Т. 5, № 2. С. 45–47.",
     ("gost", "45-47", None)),
])
def test_every_grammar_applies_the_rule(text: str, expected: tuple) -> None:
    assert _locators(text) == expected


def test_tagger_gives_article_numbers_as_number_and_keeps_them_whole() -> None:
    tagged = parse_with_tagger("Park JH, Lee SY. Ocean model drift. J Adv Model Earth Syst. "
                               "2021;13(4):e2020MS002345.")
    assert tagged is not None
    item = tagged[0]
    assert (item.get("page"), item.get("number")) == (None, "e2020MS002345")
    tagged = parse_with_tagger("Roe J. Pages in a journal. J Test. 2020;1:945.")
    assert tagged is not None
    assert (tagged[0].get("page"), tagged[0].get("number")) == ("945", None)


@pytest.mark.parametrize("segment, expected", [
    ("Art. 101530.", {"number": "101530"}),
    ("Article 945", {"number": "945"}),
    ("Ст. 945.", {"number": "945"}),
    ("pp. 1761–1800", {"page": "1761-1800"}),
    ("tkae030", {"page": "tkae030"}),     # kept whole; the item-level rule then moves it
    ("215 с.", {"number-of-pages": "215"}),
])
def test_tagger_pages_segment_honours_the_article_label(segment: str, expected: dict) -> None:
    assert pages(segment) == expected
