"""Persistent identifiers: find them in text, normalise them, validate them. Pure functions.

Conventions (shared by readers, checks and writers):

- A DOI is stored in CSL-JSON as printed, without any URL or "doi:" prefix
  ("10.1016/j.jbc.2021.101530", case kept). DOIs are case-insensitive, so `normalize_doi`
  (lower-case) is what comparisons use.
- A PMID is 1–8 digits without leading zeros; a PMCID is "PMC" + digits, upper-case.
- ISBNs are stored as printed; `normalize_isbn` strips hyphens and spaces for comparison and checks.
- ISSNs normalise to "1234-567X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

#: a DOI inside running text: directory indicator "10.", registrant code, "/", suffix up to a space
#: (angle brackets only as the pairs of a SICI-based suffix: "…23:7<581::AID-CEAT581>3.0.CO;2-P")
_DOI_BODY = r"10\.\d{4,9}/(?:[^\s\"<>]|<[^\s\"<>:]*:[^\s\"<>]*>)+"
_DOI_RE = re.compile(_DOI_BODY)
_DOI_PREFIX_RE = re.compile(
    r"^\s*(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*:\s*|doi\s+|info:doi/)", re.I)
_DOI_EXACT_RE = re.compile(r"^10\.\d{4,9}/\S+$")
#: sentence punctuation a DOI or URL in running text ends next to
_TRAILING = ".,;:'\"»”"

_PMID_RE = re.compile(r"\bPMID\s*:?\s*(\d{1,8})\b", re.I)
_PMCID_RE = re.compile(r"\b(?:PMCID\s*:?\s*)?(PMC\d{1,9})\b", re.I)
_ARXIV_NEW_RE = re.compile(r"^(\d{4}\.\d{4,5})(v\d+)?$")
_ARXIV_OLD_RE = re.compile(r"^([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7})(v\d+)?$")
_ARXIV_IN_TEXT_RE = re.compile(
    r"\barXiv\s*:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)",
    re.I)
_URL_RE = re.compile(r"\b(?:https?|ftp)://(?:[^\s<>\"]|<[^\s\"<>:]*:[^\s\"<>]*>)+", re.I)
@cache
def _url_exact_re() -> re.Pattern[str]:
    """A whole, well-formed URL. Compiled on first use: its host classes span \u00a1-\uffff,
    which made compiling it most of the package's import time. Only the scheme folds case (the
    host classes hold both cases already)."""
    return re.compile(
        r"^(?i:https?|ftp)://(?:[A-Za-z0-9\-._~%]+@)?"
        r"(?:[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff\-]*[A-Za-z0-9\u00a1-\uffff])?\.)+"
        r"[A-Za-z\u00a1-\uffff]{2,}(?::\d{1,5})?(?:[/?#]\S*)?$")


_ISBN_IN_TEXT_RE = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*([0-9][0-9\- ]{8,16}[0-9Xx])\b")
_ISSN_IN_TEXT_RE = re.compile(r"\b(?:e-?|p-?)?ISSN\s*:?\s*(\d{4}-?\d{3}[\dXx])\b", re.I)


@dataclass(frozen=True)
class Found:
    """One identifier found in a text: its normalised value and where it was (0-based,
    end-exclusive)."""

    kind: str
    value: str
    start: int
    end: int


# --- DOI ------------------------------------------------------------------------------------------

def _trim_trailing(candidate: str) -> str:
    """Drop sentence punctuation a DOI or URL ends next to, and a ")" or "]" that closes nothing."""
    value = candidate
    while value and (value[-1] in _TRAILING or _closes_nothing(value)):
        value = value[:-1]
    return value


def _closes_nothing(value: str) -> bool:
    """True when `value` ends in a ")" or "]" with more closing than opening brackets."""
    opening = {")": "(", "]": "["}.get(value[-1])
    return opening is not None and value.count(value[-1]) > value.count(opening)


def clean_doi(text: str) -> str | None:
    """The DOI in `text` as CSL stores it: no URL or "doi:" prefix, original case; None if not a
    DOI.

    Accepts "10.x/y", "doi:10.x/y", "DOI 10.x/y", "https://doi.org/10.x/y", "dx.doi.org/10.x/y".
    URL-encoded characters of a doi.org link are decoded ("%2F" → "/").
    """
    s = _DOI_PREFIX_RE.sub("", text.strip(), count=1).strip()
    if "%" in s:
        from urllib.parse import unquote

        s = unquote(s)
    s = _trim_trailing(s)
    return s if _DOI_EXACT_RE.match(s) else None


def normalize_doi(text: str) -> str | None:
    """The DOI in `text` in comparison form (lower-case, no prefix), or None."""
    doi = clean_doi(text)
    return doi.lower() if doi else None


def is_valid_doi(text: str) -> bool:
    """True when `text` is exactly one DOI (with or without a prefix)."""
    return clean_doi(text) is not None


def doi_url(doi: str) -> str:
    """The resolver link for a stored DOI."""
    return "https://doi.org/" + doi


def find_dois(text: str) -> list[Found]:
    """Every DOI in running text, value as printed (case kept), spans covering just the DOI."""
    found: list[Found] = []
    for m in _DOI_RE.finditer(text):
        value = _trim_trailing(m.group())
        if _DOI_EXACT_RE.match(value):
            found.append(Found("DOI", value, m.start(), m.start() + len(value)))
    return found


# --- PMID, PMCID, arXiv ---------------------------------------------------------------------------

def normalize_pmid(text: str) -> str | None:
    """"PMID: 0123" / "123" → "123"; None unless it is 1–8 digits (leading zeros dropped)."""
    s = re.sub(r"^\s*PMID\s*:?\s*", "", text, flags=re.I).strip()
    if not re.fullmatch(r"\d{1,8}", s) or int(s) == 0:
        return None
    return str(int(s))


def is_valid_pmid(text: str) -> bool:
    return normalize_pmid(text) is not None


def find_pmids(text: str) -> list[Found]:
    """PMIDs introduced by "PMID" (bare numbers are not identifiable)."""
    return [Found("PMID", str(int(m.group(1))), m.start(1), m.end(1))
            for m in _PMID_RE.finditer(text) if int(m.group(1))]


def normalize_pmcid(text: str) -> str | None:
    """"pmcid: pmc123" / "PMC123" → "PMC123"; None when not "PMC" + digits."""
    s = re.sub(r"^\s*PMCID\s*:?\s*", "", text, flags=re.I).strip()
    m = re.fullmatch(r"PMC(\d{1,9})", s, flags=re.I)
    return "PMC" + m.group(1) if m else None


def is_valid_pmcid(text: str) -> bool:
    return normalize_pmcid(text) is not None


def find_pmcids(text: str) -> list[Found]:
    return [Found("PMCID", "PMC" + m.group(1)[3:], m.start(1), m.end(1))
            for m in _PMCID_RE.finditer(text)]


def normalize_arxiv(text: str) -> str | None:
    """"arXiv:2101.00001v2" → "2101.00001v2"; old-style "hep-th/9901001" too; None otherwise."""
    s = re.sub(r"^\s*(?:https?://arxiv\.org/abs/|arxiv\s*:\s*)", "", text.strip(), flags=re.I)
    if _ARXIV_NEW_RE.match(s) or _ARXIV_OLD_RE.match(s):
        return s
    return None


def is_valid_arxiv(text: str) -> bool:
    return normalize_arxiv(text) is not None


def find_arxiv_ids(text: str) -> list[Found]:
    """arXiv ids introduced by "arXiv:"."""
    return [Found("arXiv", m.group(1), m.start(1),
                  m.end(1)) for m in _ARXIV_IN_TEXT_RE.finditer(text)]


# --- ISBN, ISSN -----------------------------------------------------------------------------------

def normalize_isbn(text: str) -> str:
    """Digits (and a final X) only: "978-5-02-033278-3" → "9785020332783"."""
    s = re.sub(r"^\s*ISBN(?:-1[03])?\s*:?\s*", "", text, flags=re.I)
    return re.sub(r"[\s\-‐‑–]", "", s).upper()


def isbn_checksum_ok(text: str) -> bool:
    """Check digit of an ISBN-10 (mod 11, X = 10) or ISBN-13 (weights 1,3; mod 10)."""
    s = normalize_isbn(text)
    if re.fullmatch(r"\d{9}[\dX]", s):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(s))
        return total % 11 == 0
    if re.fullmatch(r"\d{13}", s):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(s))
        return total % 10 == 0
    return False


def is_valid_isbn(text: str) -> bool:
    """Well-formed ISBN-10 or ISBN-13 (13 must start 978/979) with a correct check digit."""
    s = normalize_isbn(text)
    if len(s) == 13 and not s.startswith(("978", "979")):
        return False
    return isbn_checksum_ok(s)


def isbn10_to_13(text: str) -> str | None:
    """ISBN-10 → the equivalent ISBN-13 (digits only), for comparing the two forms."""
    s = normalize_isbn(text)
    if len(s) != 10 or not is_valid_isbn(s):
        return None
    body = "978" + s[:9]
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    return body + str(check)


def find_isbns(text: str) -> list[Found]:
    """ISBNs introduced by "ISBN", value as printed (hyphens kept)."""
    return [Found("ISBN", m.group(1).strip(), m.start(1), m.end(1))
            for m in _ISBN_IN_TEXT_RE.finditer(text)]


def normalize_issn(text: str) -> str | None:
    """"ISSN 0028 4793" / "00284793" → "0028-4793"; None if it has not 7 digits + check
    character."""
    s = re.sub(r"^\s*(?:e-?|p-?)?ISSN\s*:?\s*", "", text, flags=re.I)
    s = re.sub(r"[\s\-‐‑–]", "", s).upper()
    if not re.fullmatch(r"\d{7}[\dX]", s):
        return None
    return s[:4] + "-" + s[4:]


def is_valid_issn(text: str) -> bool:
    """Well-formed ISSN with a correct mod-11 check character."""
    s = normalize_issn(text)
    if s is None:
        return False
    digits = s.replace("-", "")
    total = sum(int(c) * (8 - i) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def find_issns(text: str) -> list[Found]:
    return [Found("ISSN", normalize_issn(m.group(1)) or m.group(1), m.start(1), m.end(1))
            for m in _ISSN_IN_TEXT_RE.finditer(text)]


# --- URL ------------------------------------------------------------------------------------------

def is_valid_url(text: str) -> bool:
    """An absolute http(s)/ftp URL with a dotted host name (no spaces)."""
    return bool(_url_exact_re().match(text.strip()))


def find_urls(text: str) -> list[Found]:
    """Every URL in running text, without the sentence punctuation it ends next to."""
    found: list[Found] = []
    for m in _URL_RE.finditer(text):
        value = _trim_trailing(m.group())
        found.append(Found("URL", value, m.start(), m.start() + len(value)))
    return found


def find_identifiers(text: str) -> list[Found]:
    """Every DOI, PMID, PMCID, arXiv id, ISBN, ISSN and URL in `text`, in text order."""
    found = (find_dois(text) + find_pmids(text) + find_pmcids(text) + find_arxiv_ids(text)
             + find_isbns(text) + find_issns(text) + find_urls(text))
    return sorted(found, key=lambda f: (f.start, f.kind))
