"""EndNote XML export reader: `<xml><records><record>` → CSL-JSON items.

EndNote wraps nearly every value in `<style face=… font=… size=…>` runs; the text of an element
is all its runs joined. EndNote keeps ISBN and ISSN in one `isbn` field, so the value's checksum
decides which it is. Parsing is the same locked-down lxml setup as for JATS.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from citefmt.diagnostics import Diagnostic
from citefmt.errors import InputError
from citefmt.model import Item, ReadResult, Record
from citefmt.readers._fields import (
    date_parts,
    month_number,
    serial_number,
    split_name,
)
from citefmt.readers.jats import element_text, parse_xml

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

#: EndNote reference type name → CSL type
REF_TYPES: dict[str, str] = {
    "journal article": "article-journal", "electronic article": "article-journal",
    "book": "book", "edited book": "book", "electronic book": "book",
    "book section": "chapter", "electronic book section": "chapter",
    "conference proceedings": "paper-conference", "conference paper": "paper-conference",
    "thesis": "thesis", "report": "report", "government document": "report",
    "web page": "webpage", "patent": "patent", "standard": "standard",
    "newspaper article": "article-newspaper", "magazine article": "article-magazine",
    "generic": "document", "dataset": "dataset", "computer program": "software",
    "manuscript": "manuscript", "unpublished work": "manuscript",
    "dictionary": "entry-dictionary", "encyclopedia": "entry-encyclopedia",
    "legal rule or regulation": "regulation", "statute": "legislation", "case": "legal_case",
    "bill": "bill", "map": "map", "personal communication": "personal_communication",
    "film or broadcast": "motion_picture", "blog": "post-weblog", "figure": "figure",
    "online database": "dataset", "serial": "periodical",
}
#: EndNote's numeric type codes, for exports without a name attribute
REF_TYPE_NUMBERS: dict[str, str] = {
    "17": "article-journal", "6": "book", "28": "book", "5": "chapter",
    "10": "paper-conference", "47": "paper-conference", "32": "thesis", "27": "report",
    "12": "webpage", "25": "patent", "23": "article-newspaper", "19": "article-magazine",
    "13": "document", "59": "dataset", "9": "software", "36": "manuscript", "34": "manuscript",
}
_BOOKISH = frozenset({"book", "chapter", "paper-conference", "report", "thesis"})
_SIMPLE: dict[str, str] = {
    "volume": "volume", "number": "issue", "edition": "edition", "publisher": "publisher",
    "pub-location": "publisher-place", "abstract": "abstract", "notes": "note",
    "work-type": "genre", "call-num": "call-number", "accession-num": "archive_location",
    "num-vols": "number-of-volumes", "section": "section",
}
_IGNORED = frozenset({"database", "source-app", "rec-number", "foreign-keys", "keywords",
                      "research-notes", "custom1", "custom2", "custom3", "custom4", "custom5",
                      "custom6", "custom7", "remote-database-name", "remote-database-provider",
                      "auth-address", "caption", "orig-pub", "reprint-edition", "modified-date",
                      "access-date", "label"})
_KNOWN = frozenset({"ref-type", "contributors", "titles", "periodical", "alt-periodical",
                    "full-title", "pages", "dates", "isbn", "electronic-resource-num", "urls",
                    "language", *_SIMPLE, *_IGNORED})


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse an EndNote XML export into records, in input order."""
    root = parse_xml(text, source=source)
    records = root.find("records") if root.tag != "records" else root
    if records is None:
        raise InputError(f"not EndNote XML: root element <{root.tag}> has no <records>",
                         path=source, line=root.sourceline)
    result = ReadResult()
    for n, record in enumerate(records.findall("record"), start=1):
        item = _item(record, n, source, result.diagnostics)
        result.records.append(Record(item=item, line=record.sourceline, raw=None))
    for other in records:
        if other.tag != "record":
            result.diagnostics.append(Diagnostic(
                "CF121", f"unknown element <{other.tag}> in <records> ignored", source,
                other.sourceline, severity="warning"))
    result.diagnostics.sort(key=lambda d: d.line or 0)
    return result


#: what Web of Science exports put where a link belongs: `<Go to ISI>://WOS:000…` is an
#: accession number in angle brackets, not an address
_PLACEHOLDER_URL = re.compile(r"\s*<Go to ISI>://", re.I)


def _item(record: Element, n: int, source: str, diagnostics: list[Diagnostic]) -> Item:
    kind = _item_type(record, source, diagnostics)
    rec_number = element_text(record.find("rec-number"))
    item: Item = {"type": kind, "id": f"rec-{rec_number}" if rec_number else f"ref-{n}"}
    _names(item, record.find("contributors"))
    _titles(item, record)
    _date(item, record.find("dates"), source, diagnostics)
    for tag, variable in _SIMPLE.items():
        value = element_text(record.find(tag))
        if variable == "edition" and kind.startswith("article"):
            continue  # EndNote keeps a journal article's e-pub date in "edition"
        if value:
            item.setdefault(variable, value)
    pages = element_text(record.find("pages"))
    if pages:
        item["page"] = pages
    doi = element_text(record.find("electronic-resource-num"))
    if doi:
        item["DOI"] = doi
    urls = [element_text(u) for u in record.iterfind("urls/related-urls/url")] + \
        [element_text(u) for u in record.iterfind("urls/web-urls/url")]
    urls = [u for u in urls if not _PLACEHOLDER_URL.match(u)]
    if urls:
        item["URL"] = urls[0]
    isbn = element_text(record.find("isbn"))
    if kind == "patent" and isbn:
        item["number"] = isbn  # EndNote keeps a patent's number in <isbn>
    else:
        # one field, several numbers: "0021-9258 (Print) 1083-351X (Linking)"
        for number in re.findall(r"\d[\d\-]{6,}[\dXx]", isbn):
            item.setdefault(serial_number(number, bookish=kind in _BOOKISH), number)
    language = element_text(record.find("language"))
    if language:
        item["language"] = language
    keywords = [element_text(k) for k in record.iterfind("keywords/keyword") if element_text(k)]
    if keywords:
        item["keyword"] = ", ".join(keywords)
    if not item.get("title"):
        diagnostics.append(Diagnostic("CF120", f"record {n} has no title", source,
                                      record.sourceline, severity="warning"))
    for child in record:
        if child.tag not in _KNOWN:
            diagnostics.append(Diagnostic("CF121", f"unknown EndNote element <{child.tag}> "
                                          "ignored", source, child.sourceline, severity="warning"))
    return item


def _item_type(record: Element, source: str, diagnostics: list[Diagnostic]) -> str:
    ref_type = record.find("ref-type")
    if ref_type is None:
        diagnostics.append(Diagnostic("CF120", "record has no <ref-type>; read as a document",
                                      source, record.sourceline, severity="warning"))
        return "document"
    name = (ref_type.get("name") or "").strip().lower()
    kind = REF_TYPES.get(name) or REF_TYPE_NUMBERS.get(element_text(ref_type))
    if kind is None:
        given = ref_type.get("name") or element_text(ref_type)
        diagnostics.append(Diagnostic(
            "CF121", f"unknown EndNote reference type {given!r}; read as a document", source,
            ref_type.sourceline, severity="warning"))
        return "document"
    return kind


def _names(item: Item, contributors: Element | None) -> None:
    if contributors is None:
        return
    roles = {"authors": "author", "secondary-authors": "editor",
             "tertiary-authors": "collection-editor", "subsidiary-authors": "translator",
             "translated-authors": "translator"}
    for group in contributors:
        variable = roles.get(group.tag)
        if variable is None:
            continue
        for author in group.iterfind("author"):
            value = element_text(author)
            if value:
                item.setdefault(variable, []).append(split_name(value))


def _titles(item: Item, record: Element) -> None:
    titles = record.find("titles")
    get = (lambda tag: element_text(titles.find(tag))) if titles is not None else (lambda tag: "")
    if get("title"):
        item["title"] = get("title")
    periodical = element_text(record.find("periodical/full-title")) or \
        element_text(record.find("alt-periodical/full-title"))
    secondary = get("secondary-title")
    if item["type"] == "book":
        container, series = periodical, secondary or get("tertiary-title")
    else:
        container, series = periodical or secondary, get("tertiary-title")
    if container:
        item["container-title"] = container
    if series:
        item["collection-title"] = series
    short = element_text(record.find("periodical/abbr-1")) or get("alt-title")
    if short and short != container:
        item["container-title-short"] = short
    if get("short-title") and get("short-title") != item.get("title"):
        item["title-short"] = get("short-title")
    if get("translated-title"):
        item["original-title"] = get("translated-title")


def _date(item: Item, dates: Element | None, source: str, diagnostics: list[Diagnostic]) -> None:
    if dates is None:
        return
    year = element_text(dates.find("year"))
    if not year:
        return
    parts = date_parts(year)
    if parts is None:
        item["issued"] = {"raw": year}
        diagnostics.append(Diagnostic("CF206", f"date {year!r} has no year", source,
                                      dates.sourceline, severity="warning"))
        return
    full = element_text(dates.find("pub-dates/date"))
    detail = date_parts(full) if full else None
    if detail and detail[0] == parts[0]:
        parts = detail
    elif full:
        words = full.replace(",", " ").split()
        month = month_number(words[0]) if words else None
        if month:
            parts = [parts[0], month]
            if len(words) > 1 and words[1].isdecimal() and 1 <= int(words[1]) <= 31:
                parts.append(int(words[1]))
    item["issued"] = {"date-parts": [parts]}
