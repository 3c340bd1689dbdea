"""PubMed MEDLINE / .nbib reader: `PMID- …` records → CSL-JSON items.

This is what "Send to → Citation manager" on PubMed gives: four-column tags, values continued
on lines indented by six spaces, records separated by blank lines. Full author names (FAU)
are preferred over the initials form (AU) that follows each of them; page ranges printed in
NLM's short form ("121-8") are expanded ("121-128") so styles can print them as they need.

Locators are kept as PubMed gives them: `PG` is the pages (`page`), also when it holds an
article number; an article without `PG` whose `LID … [pii]` is an e-locator ("e41465") has that
article number (`number`, printed "Art. e41465" by GOST, where the pages go by Vancouver).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citefmt.diagnostics import Diagnostic
from citefmt.identifiers import clean_doi, normalize_issn, normalize_pmcid
from citefmt.model import Item, ReadResult
from citefmt.readers._fields import (
    date_parts,
    first_value,
    split_name,
    tagged_lines,
    tagged_records,
)

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) *-(?: (.*))?$")
_ID_SUFFIX = re.compile(r"^(.*?)\s*\[(\w+)\]\s*$")
#: an e-locator as PubMed gives it in `LID - e41465 [pii]` ("101530", "tkae030", "e2019MS001916");
#: a publisher's item id ("S0021-9258(21)01340-9") has punctuation and is not one
_ELOCATOR = re.compile(r"[A-Za-z]{0,4}\d+(?:[A-Za-z]{1,3}\d+)?")

#: tags read into the item
_MAPPED = frozenset({
    "PMID", "TI", "TT", "BTI", "FAU", "AU", "CN", "FED", "ED", "TA", "JT", "DP", "VI", "IP",
    "PG", "LID", "AID", "PMC", "LA", "PT", "AB", "IS", "ISSN", "ISBN", "PB", "PL", "OT", "EN",
})
#: tags PubMed writes that carry nothing a citation needs (dates of indexing, MeSH, grants…)
_IGNORED = frozenset({
    "OWN", "STAT", "DCOM", "LR", "DEP", "EDAT", "MHDA", "CRDT", "PHST", "PST", "SO", "AD",
    "AUID", "CI", "GR", "MH", "OTO", "COIS", "SB", "JID", "RN", "NM", "CIN", "CON", "EIN",
    "SI", "OID", "IR", "FIR", "FPS", "GS", "PS", "CTDT", "RF", "CRI", "RIN", "ROF", "UOF",
    "UIN", "EFR", "ECF", "ECI", "ORI", "RPF", "RPI", "SFM", "SPIN", "DRDT", "DA", "PMCR",
    "MID", "IRAD", "CP", "CTI", "VTI", "DDIN", "OAB", "OABL", "GN", "PUBM", "RRF", "RRI",
})


@dataclass
class _Raw:
    line: int
    lines: list[str] = field(default_factory=list)
    tags: list[tuple[str, str, int]] = field(default_factory=list)


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse MEDLINE text into records, in input order."""
    raws, diagnostics = _split_records(text, source)
    return tagged_records(raws, diagnostics, _to_item, source=source)


def _split_records(text: str, source: str) -> tuple[list[_Raw], list[Diagnostic]]:
    lines = tagged_lines(text, re.compile(r"(PMID|FAU |DP  |SO  )-").match, source=source,
                         refusal="not MEDLINE: no 'PMID- ' lines found")
    raws: list[_Raw] = []
    diagnostics: list[Diagnostic] = []
    current: _Raw | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            current = None
            continue
        match = _TAG_LINE.match(line)
        if match is None:
            if current is None or not current.tags:
                diagnostics.append(Diagnostic("CF120", f"text outside any record: "
                                              f"{line.strip()[:60]!r}", source, number,
                                              severity="warning"))
                continue
            if not line.startswith("      "):
                diagnostics.append(Diagnostic(
                    "CF120", "line is neither a tag nor a 6-space continuation; joined to the "
                    "value above", source, number, severity="warning"))
            tag, value, at = current.tags[-1]
            current.tags[-1] = (tag, f"{value} {line.strip()}".strip(), at)
            current.lines.append(line)
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if current is None or (tag == "PMID" and current.tags):
            current = _Raw(line=number)
            raws.append(current)
            if tag != "PMID":
                diagnostics.append(Diagnostic("CF120", f"record starts with {tag!r} instead of "
                                              "'PMID'", source, number, severity="warning"))
        current.lines.append(line)
        current.tags.append((tag, value, number))
    return raws, diagnostics


def _to_item(raw: _Raw, n: int, source: str, diagnostics: list[Diagnostic]) -> Item:
    values: dict[str, list[str]] = {}
    for tag, value, at in raw.tags:
        if tag not in _MAPPED and tag not in _IGNORED:
            diagnostics.append(Diagnostic("CF121", f"unknown MEDLINE tag {tag!r} ignored",
                                          source, at, severity="warning"))
        elif value:
            values.setdefault(tag, []).append(value)
    pmid = first_value(values, "PMID")
    item: Item = {"type": _item_type(values), "id": f"pmid-{pmid}" if pmid else f"ref-{n}"}
    _names(item, raw.tags)
    _titles(item, values)
    _date(item, values, raw, source, diagnostics)
    for tag, variable in (("VI", "volume"), ("IP", "issue"), ("EN", "edition"),
                          ("PB", "publisher"), ("AB", "abstract")):
        if tag in values:
            item[variable] = values[tag][0]
    if item["type"] in ("book", "chapter") and "PL" in values:
        item["publisher-place"] = values["PL"][0]
    moved = _JT_AS.get(item["type"])
    if moved and "container-title" in item and "BTI" not in values:
        item.setdefault(moved, item.pop("container-title"))
    _identifiers(item, values)
    if "PG" in values:
        item["page"] = expand_page_range(values["PG"][0])
    if pmid:
        item["PMID"] = pmid
    if "LA" in values:
        item["language"] = values["LA"][0]
    if "OT" in values:
        item["keyword"] = ", ".join(values["OT"])
    return item


def _item_type(values: dict[str, list[str]]) -> str:
    """The CSL type from the `PT` publication types (NLM's and ERIC's vocabularies, the way
    Zotero's MEDLINE translator reads them): book chapters, books, dissertations, reports
    (ERIC's "Reports - Research" only when no journal type or `EJ` journal number is given),
    preprints, datasets."""
    kinds = [v.lower() for v in values.get("PT", [])]
    if "book chapter" in kinds or ("BTI" in values and "TI" in values):
        return "chapter"
    if any(k in ("book", "books") for k in kinds) or "BTI" in values:
        return "book"
    if any("dissertation" in k for k in kinds):
        return "thesis"
    if "preprint" in kinds:
        return "article"
    if "dataset" in kinds:
        return "dataset"
    journal = any(k.startswith(("journal article", "case report", "newspaper article"))
                  for k in kinds) or any(v.startswith("EJ") for v in values.get("OID", []))
    if not journal and (any(k.startswith("report") for k in kinds) or "technical report" in kinds):
        return "report"
    return "article-journal"


#: where a record that is not an article keeps the name in `JT` (ERIC): its publisher, or for
#: a dissertation the database it came from
_JT_AS: dict[str, str] = {"book": "publisher", "report": "publisher", "thesis": "archive"}


def _names(item: Item, tags: list[tuple[str, str, int]]) -> None:
    """FAU "Moretti, Luca" is followed by AU "Moretti L" for the same person: take the full
    form and skip its short twin; an AU with no FAU before it is a person of its own."""
    full_tag = {"AU": "FAU", "ED": "FED"}
    after_full: dict[str, bool] = {"author": False, "editor": False}
    for tag, value, _ in tags:
        if not value:
            continue
        variable = "editor" if tag in ("ED", "FED") else "author"
        if tag in ("FAU", "FED"):
            item.setdefault(variable, []).append(split_name(value))
            after_full[variable] = True
        elif tag in full_tag:
            if not after_full[variable]:
                item.setdefault(variable, []).append(split_name(value))
            after_full[variable] = False
        elif tag == "CN":
            item.setdefault("author", []).append({"literal": value})
            after_full["author"] = False


def _titles(item: Item, values: dict[str, list[str]]) -> None:
    title = first_value(values, "TI")
    book_title = first_value(values, "BTI")
    if title is None:
        title, book_title = book_title, None
    if title is not None:
        item["title"] = _clean_title(title)
    if "TT" in values:
        item["original-title"] = _clean_title(values["TT"][0])
    container = book_title or first_value(values, "JT")
    if container is not None:
        item["container-title"] = container
    if "TA" in values:
        item["container-title-short"] = values["TA"][0]


def _clean_title(title: str) -> str:
    """NLM ends titles with a period and brackets translated ones: "[Exosomes in …]."; styles
    add their own punctuation, and the translation is marked by `original-title` instead."""
    if title.endswith("."):
        title = title[:-1]
    if title.startswith("[") and title.endswith("]"):
        title = title[1:-1]
    return title


def _date(item: Item, values: dict[str, list[str]], raw: _Raw, source: str,
          diagnostics: list[Diagnostic]) -> None:
    text = first_value(values, "DP")
    if text is None:
        return
    parts = date_parts(text)
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    if parts is None and year is not None:
        item["issued"] = {"date-parts": [[int(year.group(1))]]}
        diagnostics.append(Diagnostic("CF206", f"date {text!r} read as the year {year.group(1)}",
                                      source, raw.line, severity="warning"))
    elif parts is None:
        item["issued"] = {"raw": text}
        diagnostics.append(Diagnostic("CF206", f"date {text!r} has no year", source, raw.line,
                                      severity="warning"))
    else:
        item["issued"] = {"date-parts": [parts]}


def _identifiers(item: Item, values: dict[str, list[str]]) -> None:
    pii = None
    for value in values.get("LID", []) + values.get("AID", []):
        match = _ID_SUFFIX.match(value)
        if match is None:
            continue
        ident, kind = match.group(1), match.group(2).lower()
        if kind == "doi" and "DOI" not in item:
            item["DOI"] = clean_doi(ident) or ident
        elif kind == "pii" and pii is None:
            pii = ident
    if "PG" not in values and pii and _ELOCATOR.fullmatch(pii):
        item["number"] = pii
    pmcid = normalize_pmcid(first_value(values, "PMC") or "")
    if pmcid:
        item["PMCID"] = pmcid
    for value in values.get("IS", []) + values.get("ISSN", []):
        issn = normalize_issn(re.sub(r"^ISSN-", "", value.split("(")[0].strip()))
        if issn:
            item["ISSN"] = issn
            break
    if "ISBN" in values:
        item["ISBN"] = re.sub(r"^ISBN-", "", values["ISBN"][0])


def expand_page_range(text: str) -> str:
    """NLM short page ranges → full: "121-8" → "121-128", "1021-35" → "1021-1035";
    "e1645", "101530" and already full ranges are kept; each comma-separated part alike."""
    parts = []
    for part in text.split(","):
        match = re.fullmatch(r"\s*([A-Za-z]*)(\d+)\s*-\s*([A-Za-z]*)(\d+)\s*", part)
        if match and len(match.group(4)) < len(match.group(2)):
            start, end = match.group(2), match.group(4)
            end = start[: len(start) - len(end)] + end
            part = f"{match.group(1)}{start}-{match.group(3) or match.group(1)}{end}"
        parts.append(part.strip())
    return ", ".join(parts)


