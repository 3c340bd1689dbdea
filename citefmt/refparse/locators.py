"""Article numbers (e-locators) versus pages: which CSL variable a journal locator belongs in.

Online-first journals give an article a number instead of pages, and Vancouver lists print it
where pages go: "J Biol Chem. 2022;298(2):101530.", "Heliyon. 2024;10(1):e41465.". CSL keeps the
two apart (`page` versus `number`), and GOST must tell them apart: "P. 227–246" for pages but
"Art. 101530" / "Ст. 101530" for an article number. The string itself does not say which it is,
so the parser reads a journal article's locator by this rule:

* a range ("48-51", "S93-S99", "e139-e596") is always pages;
* one value with 5 or more digits ("101530", "10434", "CD001234", "e2019MS001916") is an article
  number: journals do not run to page 10,000, and a single page cited alone is that short;
* one value with letters and a digit is an article number ("e41465", "a2752", "tkae030",
  "APST-27-01-12"), except the shapes pages take: a capital section or supplement letter before
  at most four digits ("S93", "A12" — not "E", which e-locators use), a lower-case "s" the same
  way ("s12"), and a letter after at most four digits ("15A", "123a");
* a value without a digit (Roman numerals "xii") is a page;
* any other single value ("945", "16", "1302") stays a page: MDPI and BMC number their articles
  from 1 and the numbers look like pages; a reader cannot tell them apart, so they are not guessed.

An explicit label always wins: "Art. 945", "Ст. 945", "Article 945" is an article number
whatever its shape. The rule is applied once, to the reading every parser (grammar or tagger)
produces, so it is the same for all styles of input.
"""

from __future__ import annotations

import re

from citefmt.model import Item

#: CSL types whose single locator may be an article number
JOURNAL_TYPES = frozenset({"article-journal"})

_RANGE_RE = re.compile(r"[A-Za-z]*\d+[A-Za-z]*\s*[-–—‒‑‐]\s*[A-Za-z]*\d+[A-Za-z]*")
#: letter-bearing single values that are pages: "S93", "A12", "s12", "15A", "123a"
_PAGE_WITH_LETTER_RE = re.compile(r"(?:[A-DF-Z]|s)\d{1,4}|\d{1,4}[A-Za-z]")
_DIGIT_RE = re.compile(r"\d")
#: the label before an article number: "Art. 101530", "Ст. 101530", "Article 101530",
#: "Article no. 101530", "Article ID 101530" (use case-insensitively)
ARTICLE_LABEL = r"(?:\bArt(?:icle)?\b\.?|\bСт\.|\bСтатья\b)(?:\s*(?:No\b|Nr\b|ID\b|№)\.?)?"


def is_article_number(locator: str) -> bool:
    """True when a journal article's single locator is an article number, not a page (see the
    module docstring for the rule)."""
    value = locator.strip()
    if not value or re.search(r"\s", value) or _RANGE_RE.fullmatch(value):
        return False
    digits = len(_DIGIT_RE.findall(value))
    if value.isdigit():
        return digits >= 5
    if digits == 0:
        return False
    return digits >= 5 or not _PAGE_WITH_LETTER_RE.fullmatch(value)


def with_article_number(item: Item) -> Item:
    """`item` with an article number read into `page` moved to `number`, for journal articles
    that have no `number` of their own (an arXiv id, say); other items are returned unchanged."""
    page = item.get("page")
    if item.get("type") not in JOURNAL_TYPES or not isinstance(page, str) or item.get("number") \
            or not is_article_number(page):
        return item
    moved = {k: v for k, v in item.items() if k != "page"}
    moved["number"] = page.strip()
    return moved
