"""Field helpers shared by the structured readers (RIS, MEDLINE, JATS, EndNote): languages,
names, ISBN-vs-ISSN; months and year-first dates come from the core `citefmt.dates`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from citefmt.dates import MONTHS, date_parts, date_range, month_number
from citefmt.diagnostics import Diagnostic
from citefmt.errors import InputError
from citefmt.identifiers import is_valid_isbn, is_valid_issn, normalize_issn
from citefmt.language import LANGUAGE_NAMES
from citefmt.model import Item, ReadResult, Record
from citefmt.textio import split_lines


class TaggedRecord(Protocol):
    """A record of a tagged format (RIS, MEDLINE) as split from the file."""

    line: int
    lines: list[str]


R = TypeVar("R", bound=TaggedRecord)

__all__ = ["MONTHS", "date_parts", "date_range", "month_number"]


def tagged_lines(text: str, is_tag_line: Callable[[str], object], *, source: str,
                 refusal: str) -> list[str]:
    """The lines of a tagged file (BOM dropped); `refusal` as a one-line error naming the first
    line when no line is a tag line — the file is not in this format at all."""
    lines = split_lines(text.lstrip("\ufeff"))
    if not any(is_tag_line(line) for line in lines):
        first = next((i for i, line in enumerate(lines, 1) if line.strip()), 1)
        raise InputError(refusal, path=source, line=first)
    return lines


def tagged_records(raws: Sequence[R], diagnostics: list[Diagnostic],
                   to_item: Callable[[R, int, str, list[Diagnostic]], Item], *,
                   source: str) -> ReadResult:
    """Split records → one Record each (raw text kept), findings in line order."""
    result = ReadResult(diagnostics=diagnostics)
    for n, raw in enumerate(raws, start=1):
        item = to_item(raw, n, source, result.diagnostics)
        result.records.append(Record(item=item, line=raw.line, raw="\n".join(raw.lines)))
    result.diagnostics.sort(key=lambda d: d.line or 0)
    return result

def first_value(values: dict[str, list[str]], *tags: str) -> str | None:
    """The first value of the first of `tags` a tagged record has (RIS "T2" before "JO" …)."""
    for tag in tags:
        if tag in values:
            return values[tag][0]
    return None


#: language names and ISO 639-2 codes → the ISO 639-1 code CSL styles and locales expect
def csl_language(value: str) -> str:
    """"rus" / "Russian" / "русский" → "ru"; BCP 47 tags ("en-US") kept; unknown text kept."""
    text = value.strip()
    key = text.lower()
    if key in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[key]
    if re.fullmatch(r"[a-z]{2}(?:-[A-Za-z0-9]{2,8})*", text, flags=re.I):
        return text[:2].lower() + text[2:]
    return text


_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ]\.?-?){1,3}$|^(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){1,3}$")


def split_name(text: str) -> dict[str, str]:
    """A personal name as exported ("Family, Given[, Suffix]", "Family G", "Organisation")
    → a CSL name object; what cannot be split safely stays a literal."""
    text = " ".join(text.split()).strip(" ,")
    parts = [p.strip() for p in text.split(",")]
    if len(parts) >= 2 and parts[0] and parts[1]:
        name = {"family": parts[0], "given": parts[1]}
        if len(parts) > 2 and parts[2]:
            name["suffix"] = ", ".join(parts[2:])
        return name
    words = text.split()
    if len(words) == 1:
        return {"family": text}
    tail = words[1:]
    if all(_INITIALS.match(w) for w in tail):
        return {"family": words[0], "given": " ".join(tail)}
    return {"literal": text}


def serial_number(text: str, *, bookish: bool) -> str:
    """Which CSL variable an "SN"/"isbn" value belongs to: ISBN or ISSN (by checksum, then by
    length, then by the item type)."""
    if is_valid_isbn(text):
        return "ISBN"
    if is_valid_issn(text):
        return "ISSN"
    digits = re.sub(r"[^0-9Xx]", "", text)
    if len(digits) in (10, 13):
        return "ISBN"
    if len(digits) == 8 or normalize_issn(text):
        return "ISSN"
    return "ISBN" if bookish else "ISSN"
