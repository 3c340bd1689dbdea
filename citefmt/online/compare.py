"""Compare a reference's item with a registry record: pure functions, no I/O.

Rules (each chosen so that a disagreement reported is a real one):

- year: right if it is any year the record gives (issued, print, online: a 2014 online-first
  article printed in 2015 may be cited with either);
- volume, issue: equal after trimming, case-folding and dropping leading zeros;
- pages: equal after unifying dashes and expanding NLM short ranges ("519-27" = "519-527"); a
  first page alone agrees with a range that starts with it;
- first author: family names equal after folding case and diacritics and dropping spaces,
  hyphens and apostrophes ("de Hoon" = "De Hoon" = "deHoon");
- title: rapidfuzz `ratio` (0–100) of the normalised titles (case, punctuation, markup and
  spacing removed), also against title + subtitle and against the main title before a colon
  (of three words or more), at least `title_threshold` (90 by default:
  a dropped or changed word in a ten-word title falls below it, a hyphen or a British spelling
  does not);
- journal: same as the full or the abbreviated title (normalised, or ratio ≥ the threshold), or
  an abbreviation of it: each word of the reference's form is the start of the next word of the
  registry's, skipping only "of", "the", "and" … ("J Orthop Res" = "Journal of Orthopaedic
  Research"; text in parentheses, "(Oxford, England)", is ignored).

Values in different scripts (a Cyrillic reference, a Latin registry record) are not compared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from citefmt.model import Item
from citefmt.online.records import RegistryRecord

CODES = {"year": "CF702", "volume": "CF703", "issue": "CF704", "pages": "CF705",
         "first author": "CF706", "title": "CF707", "journal": "CF708"}
#: fields `--fix --online` fills when the reference lacks them (CSL variable names)
FILLABLE = ("issued", "volume", "issue", "page", "DOI", "PMID")
_STOPWORDS = frozenset("of the and for in on a an de la le des du der die und fur & y et".split())
_DASHES = re.compile(r"\s*[‐-―−-]+\s*")


@dataclass(frozen=True)
class Disagreement:
    """One field on which the reference and a registry record differ."""

    field: str
    ours: str
    theirs: str
    record: RegistryRecord
    #: how alike, for fuzzy fields (0–100)
    similarity: float | None = None

    @property
    def code(self) -> str:
        return CODES[self.field]


def compare(item: Item, record: RegistryRecord, *, title_threshold: float = 90.0
            ) -> list[Disagreement]:
    """Every field present on both sides on which they disagree, in a fixed order."""
    theirs = record.item
    found: list[Disagreement] = []
    year = year_of(item)
    if year is not None and record.years and year not in record.years:
        found.append(Disagreement("year", str(year), " or ".join(map(str, record.years)), record))
    for variable in ("volume", "issue"):
        ours_v, theirs_v = _text(item.get(variable)), _text(theirs.get(variable))
        if ours_v and theirs_v and _number(ours_v) != _number(theirs_v):
            found.append(Disagreement(variable, ours_v, theirs_v, record))
    ours_p, theirs_p = locator(item), _text(theirs.get("page"))
    if ours_p and theirs_p and not pages_agree(ours_p, theirs_p):
        found.append(Disagreement("pages", ours_p, theirs_p, record))
    ours_a, theirs_a = first_family(item), first_family(theirs)
    if ours_a and theirs_a and same_script(ours_a, theirs_a) and \
            not families_agree(ours_a, theirs_a):
        found.append(Disagreement("first author", ours_a, theirs_a, record))
    ours_t = _text(item.get("title"))
    theirs_t = _text(theirs.get("title"))
    if ours_t and theirs_t and same_script(ours_t, theirs_t):
        score = title_similarity(ours_t, theirs_t, _text(theirs.get("subtitle")))
        if score < title_threshold:
            found.append(Disagreement("title", ours_t, theirs_t, record, round(score, 1)))
    ours_j = _text(item.get("container-title")) or _text(item.get("container-title-short"))
    registry_j = [j for j in (_text(theirs.get("container-title")),
                              _text(theirs.get("container-title-short"))) if j]
    if ours_j and registry_j and item.get("type") in (None, "article-journal") and \
            same_script(ours_j, registry_j[0]) and \
            not any(journals_agree(ours_j, j, title_threshold) for j in registry_j):
        found.append(Disagreement("journal", ours_j, registry_j[0], record))
    return found


def same_work(item: Item, record: RegistryRecord, *, title_threshold: float = 90.0) -> bool:
    """True when nothing identifying disagrees: the title (if the reference has one) is the
    record's, and the first author and the year agree where both are given. Only then are
    fields copied from the record (`--fix --online`)."""
    fields = {d.field for d in compare(item, record, title_threshold=title_threshold)}
    if fields & {"title", "first author", "year"}:
        return False
    return bool(_text(item.get("title"))) or bool(first_family(item))


def missing_fields(item: Item, record: RegistryRecord) -> dict[str, Any]:
    """The fillable CSL variables the reference lacks and the record has."""
    found: dict[str, Any] = {}
    theirs = record.item
    for variable in FILLABLE:
        if item.get(variable) or not theirs.get(variable):
            continue
        if variable == "page" and locator(item):
            continue
        if variable == "issued":
            if not record.years:
                continue
            found["issued"] = {"date-parts": [[record.years[0]]]}
        else:
            found[variable] = theirs[variable]
    return found


# --- field rules -----------------------------------------------------------------------------

def year_of(item: Item) -> int | None:
    issued = item.get("issued")
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            return int(parts[0][0])
        except (TypeError, ValueError):
            return None
    return None


def locator(item: Item) -> str | None:
    """Pages, or the article number a reference gives instead ("PeerJ. 2017;5:e3811"): Crossref
    puts either in `page`."""
    return _text(item.get("page")) or _text(item.get("number"))


def pages_agree(ours: str, theirs: str) -> bool:
    a, b = _page_range(ours), _page_range(theirs)
    if a == b:
        return True
    # a first page alone agrees with a range starting there
    return a[0] == b[0] and (a[1] is None or b[1] is None)


def _page_range(text: str) -> tuple[str, str | None]:
    from citefmt.readers.medline import expand_page_range

    cleaned = _DASHES.sub("-", text.strip().lower())
    cleaned = re.sub(r"^(?:pp?\.?\s*)", "", cleaned)
    cleaned = expand_page_range(cleaned)
    first, _, last = cleaned.partition("-")
    return first.strip(), (last.strip() or None)


def first_family(item: Item) -> str | None:
    authors = item.get("author")
    if not isinstance(authors, list) or not authors or not isinstance(authors[0], dict):
        return None
    name = authors[0]
    family = name.get("family") or name.get("literal")
    if not isinstance(family, str) or family == "others":
        return None
    return family.strip() or None


def families_agree(ours: str, theirs: str) -> bool:
    a, b = _fold(ours), _fold(theirs)
    a_key, b_key = a.replace(" ", ""), b.replace(" ", "")
    if a_key == b_key:
        return True
    # a literal or particle-bearing name on one side: "van der Berg" vs "Berg"
    return bool(a and b) and (a.split()[-1] == b.split()[-1])


def title_similarity(ours: str, title: str, subtitle: str | None = None) -> float:
    """rapidfuzz ratio (0–100) of normalised titles; the better of title and title+subtitle."""
    mine = _normal(ours)
    forms = [title, f"{title} {subtitle}" if subtitle else title]
    # a reference may give the main title only ("…Atrophy" for "…Atrophy: A Systematic Review")
    main, colon, _ = title.partition(": ")
    if colon and len(main.split()) >= 3:
        forms.append(main)
    return max(fuzz.ratio(mine, _normal(form)) for form in forms)


def journals_agree(ours: str, theirs: str, threshold: float) -> bool:
    a, b = _normal(_no_parentheses(ours)), _normal(_no_parentheses(theirs))
    if not a or not b:
        return True
    if a == b or fuzz.ratio(a, b) >= threshold:
        return True
    return is_abbreviation(a.split(), b.split()) or is_abbreviation(b.split(), a.split())


def is_abbreviation(short: list[str], full: list[str]) -> bool:
    """Each word of `short` starts the next word of `full`; only stopwords may be skipped."""
    short = [w for w in short if w not in _STOPWORDS]
    i = 0
    for word in full:
        if i < len(short) and word.startswith(short[i]):
            i += 1
        elif word not in _STOPWORDS:
            return False
    return i == len(short) and bool(short)


def same_script(a: str, b: str) -> bool:
    return _cyrillic(a) == _cyrillic(b)


def _cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    cyr = sum(1 for c in letters if "CYRILLIC" in unicodedata.name(c, ""))
    return cyr * 2 > len(letters)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"[-'’‐]", "", plain)
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def _normal(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(re.sub(r"[\W_]+", " ", _fold_keep_hyphens(text)).split())


def _fold_keep_hyphens(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _no_parentheses(text: str) -> str:
    return re.sub(r"\([^)]*\)", " ", text)


def _text(value: Any) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _number(value: str) -> str:
    v = _DASHES.sub("-", value.strip().casefold())
    return re.sub(r"\b0+(\d)", r"\1", v)
