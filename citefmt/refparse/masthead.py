"""A journal issue cited by its masthead, as a page's running header prints it: the journal's
name, then labelled volume, issue and pages with the date, in any order, and nothing else.

    JOURNAL OF VIROLOGY, Apr. 2005, p. 4630–4639 Vol. 79, No. 8.
    Movement Disorders, Vol. 25, No. 3, 2010, pp. 309–314
    IEEE TRANSACTIONS ON NUCLEAR SCIENCE, VOL. 41, NO. 4, AUGUST 1994

The volume label ("Vol.", "VOL.", "Volume") is required, so a reference with authors or a
title never matches: every word outside the journal's name must be a label, a number or a
month.
"""

from __future__ import annotations

import re

from citefmt.dates import MONTHS
from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import date_parts, normalise_page, squeezed

_VOLUME_RE = re.compile(r"\b(?:Vol(?:ume)?|VOL(?:UME)?)\s*\.?\s*(?P<volume>\d+)\b")
_ISSUE_RE = re.compile(r"\b(?:No|NO|Number|NUMBER|Issue|ISSUE)\s*\.?\s*(?P<issue>\d+)\b")
_PAGES_RE = re.compile(r"\b(?:pp?|PP?)\s*\.?\s*(?P<page>\d+(?:\s*[–—-]\s*\d+)?)\b")
_DATE_RE = re.compile(r"(?:\b(?P<month>[A-Za-z]{3,9})\.?\s+)?\(?(?P<year>(?:1[89]|20)\d\d)\)?")
_INITIAL_RE = re.compile(r"^\s*(?:[A-Z]\.\s*)+[A-Z][a-z]")
#: a full word ending a sentence ("A title. Nature"): a journal's name abbreviates, it does not
#: hold sentences
_SENTENCE_END_RE = re.compile(r"[a-z]{5,}\.\s")
#: what a journal's name never holds: quotes, the "//" of a host, a person's name with initials
_NOT_A_JOURNAL_RE = re.compile(r"[\"“”«»]|//|\b[A-Z][a-z]+,?\s[A-Z]\.")


def looks_like(body: str) -> bool:
    return bool(_VOLUME_RE.search(body)) and not _INITIAL_RE.match(body)


def _month(word: str | None) -> int | None:
    return MONTHS.get(word[:3].casefold()) if word else None


def parse(body: str) -> Candidate | None:
    """The journal and its labelled numbers; None when anything else is printed."""
    text = squeezed(body)
    volume = _VOLUME_RE.search(text)
    if not volume:
        return None
    item: Item = {"type": "article-journal", "volume": volume.group("volume")}
    starts = [volume.start()]
    rest = text[:volume.start()] + " " * (volume.end() - volume.start()) + text[volume.end():]
    for pattern, key in ((_ISSUE_RE, "issue"), (_PAGES_RE, "page")):
        if found := pattern.search(rest):
            item[key] = found.group(key)
            starts.append(found.start())
            rest = rest[:found.start()] + " " * (found.end() - found.start()) + rest[found.end():]
    for date in _DATE_RE.finditer(rest):
        month = _month(date.group("month"))
        if date.group("month") and month is None:
            continue  # "Disorders 2010": a word, not a month, before the year
        item["issued"] = date_parts(date.group("year"), month)
        start = date.start() if month else date.start("year") - (date.group()[0] == "(")
        starts.append(start)
        rest = rest[:start] + " " * (date.end() - start) + rest[date.end():]
        break
    head = min(starts)
    journal = rest[:head].strip(" ,.;:")
    if not journal or not journal[0].isalpha() or rest[head:].strip(" ,.;:()") \
            or _SENTENCE_END_RE.search(journal) or _NOT_A_JOURNAL_RE.search(journal):
        return None
    item["container-title"] = journal
    if "page" in item:
        item["page"] = normalise_page(item["page"])
    return Candidate("masthead", item, 0.75)
