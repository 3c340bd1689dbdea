"""The one clean-up stack every structured reader's items pass through after parsing.

Readers turn their syntax into CSL variables; what is the same whatever the syntax — page-range
dashes, DOI prefixes, language names, PMCID prefixes, stray spaces in names, date parts as
numbers — is done here once, in order, the way bibtexparser v2 runs a parse stack of
middlewares after splitting. `get_reader` applies `STACK` to the formats listed in `APPLIES_TO`
(CSL-JSON/YAML are CSL already and are passed through as written; the plain-text parser has its
own repair steps, each reported with a code).

Each step takes one item and changes it in place; steps are idempotent and never drop a value
they cannot improve.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citefmt.identifiers import clean_doi, normalize_pmcid
from citefmt.model import DATE_VARIABLES, NAME_VARIABLES, Item, ReadResult
from citefmt.readers._fields import csl_language

Step = Callable[[Item], None]

#: formats whose items go through the stack
APPLIES_TO: frozenset[str] = frozenset({"bibtex", "ris", "medline", "endnote-xml", "jats"})

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_RANGE_DASH = re.compile(r"(?<=\w)\s*(?:--|[–—‐‑])\s*(?=\w)")


def page_ranges(item: Item) -> None:
    """`10--20`, `10–20`, `10 — 20` → `10-20` (CSL's page variable; styles format ranges)."""
    for variable in ("page", "page-first"):
        if isinstance(item.get(variable), str):
            item[variable] = _RANGE_DASH.sub("-", item[variable]).strip()


def identifiers(item: Item) -> None:
    """DOI without `https://doi.org/` or `doi:`; PMCID with its `PMC` prefix; identifiers
    without surrounding spaces. A value that is not recognisable is kept as given."""
    doi = item.get("DOI")
    if isinstance(doi, str):
        item["DOI"] = clean_doi(doi) or _DOI_PREFIX.sub("", doi.strip())
    pmcid = item.get("PMCID")
    if isinstance(pmcid, str):
        item["PMCID"] = normalize_pmcid(pmcid) or normalize_pmcid("PMC" + pmcid) or pmcid.strip()
    for variable in ("PMID", "ISBN", "ISSN", "URL"):
        if isinstance(item.get(variable), str):
            item[variable] = item[variable].strip()


def language(item: Item) -> None:
    """"rus" / "Russian" / "english" → the ISO 639-1 code CSL locales expect."""
    if isinstance(item.get("language"), str) and item["language"].strip():
        item["language"] = csl_language(item["language"])


def names(item: Item) -> None:
    """Name parts trimmed and single-spaced; empty parts removed; a name left empty removed."""
    for variable in NAME_VARIABLES & item.keys():
        value = item[variable]
        if not isinstance(value, list):
            continue
        cleaned = []
        for name in value:
            if isinstance(name, dict):
                name = {k: " ".join(v.split()) if isinstance(v, str) else v
                        for k, v in name.items()}
                name = {k: v for k, v in name.items() if v not in ("", None)}
                if not name:
                    continue
            cleaned.append(name)
        if cleaned:
            item[variable] = cleaned
        else:
            del item[variable]


def dates(item: Item) -> None:
    """Date parts as numbers (`"2020"` → 2020)."""
    for variable in DATE_VARIABLES & item.keys():
        value = item[variable]
        if isinstance(value, dict) and isinstance(value.get("date-parts"), list):
            value["date-parts"] = [[int(p) if isinstance(p, str) and p.strip().lstrip("-")
                                    .isdigit() else p for p in part]
                                   if isinstance(part, list) else part
                                   for part in value["date-parts"]]


#: the steps, in order
STACK: tuple[Step, ...] = (page_ranges, identifiers, language, names, dates)


def apply(result: ReadResult, stack: tuple[Step, ...] = STACK) -> ReadResult:
    """Run `stack` over every record a reader returned (the article's own record and
    alternate-language lists included)."""
    records = list(result.records)
    if result.article is not None:
        records.append(result.article)
    records.extend(result.article_versions.values())
    for alternates in result.alternates.values():
        records.extend(alternates)
    for record in records:
        for step in stack:
            step(record.item)
    return result
