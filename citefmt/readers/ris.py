"""RIS reader: `TY  - JOUR` … `ER  -` records → CSL-JSON items.

RIS is the lowest common denominator of reference managers and journal sites, so this reader
is forgiving: BOM, CRLF, `TY - ` with one space, exporters that wrap long values onto untagged
lines, a missing `ER`, tags before `TY`. Every record that starts comes out; what could not be
read is reported (CF120 broken record, CF121 unknown tag), never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citefmt.diagnostics import Diagnostic
from citefmt.identifiers import clean_doi, is_valid_isbn, is_valid_issn
from citefmt.model import Item, ReadResult
from citefmt.readers._fields import (
    date_parts,
    date_range,
    first_value,
    serial_number,
    split_name,
    tagged_lines,
    tagged_records,
)
from citefmt.ristags import RIS_TYPES, TYPED_TAGS

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*)|\s*)$")

#: tags whose wrapped continuation lines join without a space (identifiers, links)
_UNSPACED_TAGS = frozenset({"DO", "UR", "L1", "L2", "L3", "L4", "SN"})

#: simple one-to-one tags: RIS tag → CSL variable (first value wins)
_SIMPLE: dict[str, str] = {
    "IS": "issue", "PB": "publisher",
    "PP": "publisher-place", "AB": "abstract", "N2": "abstract", "N1": "note",
    "ST": "title-short", "CN": "call-number", "AN": "archive_location", "DB": "archive",
    "OP": "original-title", "RP": "status", "AV": "archive_location",
}
#: name tags → CSL name variable
_NAMES: dict[str, str] = {
    "AU": "author", "A1": "author", "A2": "editor", "ED": "editor", "A3": "collection-editor",
    "A4": "translator",
}

#: types whose `SP` alone is the number of pages, not a page (the spec's "Number of Pages")
_SP_IS_PAGES_COUNT = frozenset({"book", "thesis", "manuscript"})
#: types whose `SN` is their number (report or patent number) unless it is a valid ISBN/ISSN
_SN_IS_NUMBER = frozenset({"report", "patent"})
_CONTAINER_FULL = ("JF", "T2", "JO")
_CONTAINER_SHORT = ("JA", "J2", "J1")
#: tags understood but deliberately not mapped (file attachments, captions, custom fields…)
_IGNORED = frozenset({"L2", "L3", "L4", "C4", "C5", "C8", "CA", "DP",
                      "LB", "M2", "RN", "U1", "U2", "U3", "U4", "U5", "Y3", "AD"})


@dataclass
class _Raw:
    """One record as tag/value pairs, with the line of each pair (for diagnostics)."""

    line: int
    lines: list[str] = field(default_factory=list)
    tags: list[tuple[str, str, int]] = field(default_factory=list)
    closed: bool = False


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse RIS text into records, in input order."""
    raws, diagnostics = _split_records(text, source)
    return tagged_records(raws, diagnostics, _to_item, source=source)


def _split_records(text: str, source: str) -> tuple[list[_Raw], list[Diagnostic]]:
    lines = tagged_lines(text, _TAG_LINE.match, source=source,
                         refusal="not RIS: no 'TY  - ' tag lines found")
    raws: list[_Raw] = []
    diagnostics: list[Diagnostic] = []
    current: _Raw | None = None
    for number, line in enumerate(lines, start=1):
        match = _TAG_LINE.match(line)
        if match is None:
            if not line.strip():
                continue
            if current is not None and current.tags and not current.closed:
                tag, value, at = current.tags[-1]
                glue = "" if tag in _UNSPACED_TAGS or value.endswith("-") else " "
                current.tags[-1] = (tag, (value + glue + line.strip()).strip(), at)
                current.lines.append(line)
            else:
                diagnostics.append(Diagnostic(
                    "CF120", f"text outside any record: {line.strip()[:60]!r}", source, number,
                    severity="warning"))
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "TY":
            if current is not None and not current.closed:
                diagnostics.append(Diagnostic(
                    "CF120", "record not closed by 'ER  -' before the next 'TY'", source,
                    current.line, severity="warning"))
            current = _Raw(line=number)
            raws.append(current)
        elif current is None or current.closed:
            diagnostics.append(Diagnostic(
                "CF120", f"record starts with {tag!r} instead of 'TY'", source, number,
                severity="warning"))
            current = _Raw(line=number)
            raws.append(current)
        current.lines.append(line)
        if tag == "ER":
            current.closed = True
        else:
            current.tags.append((tag, value, number))
    if current is not None and not current.closed:
        diagnostics.append(Diagnostic(
            "CF120", "last record is not closed by 'ER  -'", source, current.line,
            severity="warning"))
    return raws, diagnostics


def _to_item(raw: _Raw, n: int, source: str, diagnostics: list[Diagnostic]) -> Item:
    values: dict[str, list[str]] = {}
    for tag, value, at in raw.tags:
        if value:
            values.setdefault(tag, []).append(value)
        if tag not in _KNOWN_TAGS:
            diagnostics.append(Diagnostic("CF121", f"unknown RIS tag {tag!r} ignored", source, at,
                                          severity="warning"))
    item: Item = {"type": _item_type(values, raw, source, diagnostics)}
    item["id"] = values["ID"][0] if "ID" in values else f"ref-{n}"
    kind = item["type"]
    for tag, default in _NAMES.items():
        variable = TYPED_TAGS[tag].get(kind, TYPED_TAGS[tag]["*"]) if tag in TYPED_TAGS else default
        if variable is None:
            continue
        for value in values.get(tag, []):
            item.setdefault(variable, []).extend(split_name(v) for v in _split_multi(value))
    _titles(item, values)
    for tag, table in TYPED_TAGS.items():
        variable = table.get(kind, table["*"])
        if tag in _NAMES or variable is None or tag not in values or variable in item:
            continue
        item[variable] = [split_name(v) for v in values[tag]] if tag == "C2" else values[tag][0]
    for tag, variable in _SIMPLE.items():
        if tag in values and variable not in item:
            item[variable] = "\n".join(values[tag]) if tag == "N1" else values[tag][0]
    _dates(item, values, raw, source, diagnostics)
    _pages(item, values)
    _article_number(item, values)
    _identifiers(item, values)
    if "LA" in values:
        item["language"] = values["LA"][0]
    if "KW" in values:
        item["keyword"] = ", ".join(k for v in values["KW"] for k in _split_multi(v))
    return item


def _item_type(values: dict[str, list[str]], raw: _Raw, source: str,
               diagnostics: list[Diagnostic]) -> str:
    code = values.get("TY", [""])[0].upper()
    if not code:
        if raw.tags and raw.tags[0][0] == "TY":  # a missing TY line was reported when split
            diagnostics.append(Diagnostic("CF120", "empty 'TY' type; read as a document",
                                          source, raw.line, severity="warning"))
        return "document"
    if code not in RIS_TYPES:
        diagnostics.append(Diagnostic("CF121", f"unknown RIS type {code!r}; read as a document",
                                      source, raw.line, severity="warning"))
        return "document"
    return RIS_TYPES[code]


def _titles(item: Item, values: dict[str, list[str]]) -> None:
    title = first_value(values, "TI", "T1")
    book_title = first_value(values, "BT")
    if title is None and book_title is not None:
        title, book_title = book_title, None
    if title is not None:
        item["title"] = title
    kind = item["type"]
    if kind in ("book", "report", "software", "map") and "T2" in values:
        item["collection-title"] = values["T2"][0]
        values = {k: v for k, v in values.items() if k != "T2"}
    if kind == "paper-conference" and "C3" in values:
        if "T2" in values:
            item["event-title"] = values["T2"][0]
        values = {**{k: v for k, v in values.items() if k != "T2"}, "T2": values["C3"]}
    container = first_value(values, *_CONTAINER_FULL) or book_title
    if container is not None:
        item["container-title"] = container
    short = first_value(values, *_CONTAINER_SHORT)
    if short is None and "JO" in values and values["JO"][0] != container:
        short = values["JO"][0]
    if short is not None:
        item["container-title-short"] = short


def _dates(item: Item, values: dict[str, list[str]], raw: _Raw, source: str,
           diagnostics: list[Diagnostic]) -> None:
    year_text = first_value(values, "PY", "Y1")
    full_text = first_value(values, "DA")
    issued = None
    for text in (full_text, year_text):
        if text:
            found = date_range(text)
            if found and (issued is None or (len(found) > len(issued))
                          or (len(found[0]) > len(issued[0]) and found[0][0] == issued[0][0]
                              and len(found) == len(issued))):
                issued = found
    if issued is not None:
        item["issued"] = {"date-parts": issued}
    elif year_text or full_text:
        item["issued"] = {"raw": year_text or full_text}
        diagnostics.append(Diagnostic("CF206", f"date {item['issued']['raw']!r} has no year",
                                      source, raw.line, severity="warning"))
    accessed = first_value(values, "Y2")
    if accessed:
        parts = date_parts(accessed)
        item["accessed"] = {"date-parts": [parts]} if parts else {"raw": accessed}


def _pages(item: Item, values: dict[str, list[str]]) -> None:
    start, end = first_value(values, "SP"), first_value(values, "EP")
    if item["type"] in _SP_IS_PAGES_COUNT and start and not end:
        item["number-of-pages"] = start
        return
    if start and end and end != start:
        item["page"] = f"{start}-{end}"
    elif start or end:
        item["page"] = start or end


def _article_number(item: Item, values: dict[str, list[str]]) -> None:
    """`C7` is a journal article's article number in the RIS spec and in Zotero's export (CSL
    `number`, which GOST prints "Art. 101530"); `SP`/`EP` stay pages as given, never guessed."""
    article_number = first_value(values, "C7")
    if article_number and str(item["type"]).startswith("article"):
        item["number"] = article_number


def _identifiers(item: Item, values: dict[str, list[str]]) -> None:
    doi_text = first_value(values, "DO")
    if doi_text is None:
        doi_text = next((v for v in values.get("M3", []) if clean_doi(v)), None)
    if doi_text is not None:
        item["DOI"] = clean_doi(doi_text) or doi_text
    genre = next((v for v in values.get("M3", []) if not clean_doi(v)), None)
    if genre is not None:
        item["genre"] = genre
    url = first_value(values, "UR", "L1")
    if url is not None:
        item["URL"] = url
    bookish = item["type"] in {"book", "chapter", "paper-conference", "report", "thesis"}
    for value in values.get("SN", []):
        if item["type"] in _SN_IS_NUMBER and not (is_valid_isbn(value) or is_valid_issn(value)):
            item.setdefault("number", value)
            continue
        for number in _split_multi(value):
            variable = serial_number(number, bookish=bookish)
            item.setdefault(variable, number)


def _split_multi(value: str) -> list[str]:
    """Some exporters put several values in one line separated by ';'."""
    return [part.strip() for part in value.split(";") if part.strip()]


_KNOWN_TAGS = frozenset({
    "TY", "ID", "TI", "T1", "BT", "PY", "Y1", "DA", "Y2", "SP", "EP", "C7", "DO", "M3", "UR",
    "L1", "SN", "LA", "KW", *_SIMPLE, *_NAMES, *TYPED_TAGS, *_CONTAINER_FULL,
    *_CONTAINER_SHORT, *_IGNORED,
})
