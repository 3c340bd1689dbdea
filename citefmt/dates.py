"""Month names and the year-first dates exporters write: the one months table of the package.

Core module (no imports from readers, parser or engine): the readers (BibTeX `month`, RIS `DA`,
MEDLINE `DP`, EndNote `<date>`) and the plain-text parser (`refparse`) read months through
`MONTHS` / `month_number`; the parser's NBR 6023 grammar also through `MONTHS_PT_ES`.
"""

from __future__ import annotations

import re

#: month spellings (English names and abbreviations, which are also BibTeX's month macros, and
#: Russian names and abbreviations in the nominative and genitive) → month number
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate([
        ("jan", "january", "янв", "январь", "января"),
        ("feb", "february", "фев", "февр", "февраль", "февраля"),
        ("mar", "march", "мар", "март", "марта"), ("apr", "april", "апр", "апрель", "апреля"),
        ("may", "мая", "май"), ("jun", "june", "июн", "июнь", "июня"),
        ("jul", "july", "июл", "июль", "июля"), ("aug", "august", "авг", "август", "августа"),
        ("sep", "sept", "september", "сен", "сент", "сентябрь", "сентября"),
        ("oct", "october", "окт", "октябрь", "октября"),
        ("nov", "november", "ноя", "нояб", "ноябрь", "ноября"),
        ("dec", "december", "дек", "декабрь", "декабря"),
    ], start=1)
    for name in names
}

#: the months as NBR 6023 (Annex A) and Spanish lists print them, by their first three letters;
#: apart from `MONTHS`, as "out", "set", "mar" and "ago" are English words too (read only where
#: a Portuguese or Spanish date is expected)
MONTHS_PT_ES: dict[str, int] = {
    name: number
    for number, names in enumerate((
        ("jan", "ene"), ("fev", "feb"), ("mar",), ("abr",), ("mai", "may"), ("jun",), ("jul",),
        ("ago",), ("set", "sep"), ("out", "oct"), ("nov",), ("dez", "dic")), start=1)
    for name in names
}


def month_number(text: str) -> int | None:
    """"Feb" / "February" / "02" / "февраля" → 2; None when it is not a month."""
    key = text.strip().strip(".").lower()
    if key.isdecimal():  # not isdigit: "²" is a digit int() refuses (issue 10)
        return int(key) if len(key) <= 2 and 1 <= int(key) <= 12 else None
    return MONTHS.get(key)


_YEAR_RANGE = re.compile(r"\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*/*\s*")
_MONTH_FIRST = re.compile(r"\s*([^\W\d_]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})\s*$")


def date_parts(text: str) -> list[int] | None:
    """Year-first dates as exported: "2022", "2022/02/15/", "2022-02", "2022 Feb 15",
    "2022 Jan-Feb" (first month) → [2022, 2, 15]; also month first as MEDLINE and Zotero
    sometimes write it ("Apr 2019", "Apr 23 2019"); None when there is no year."""
    month_first = _MONTH_FIRST.fullmatch(text)
    if month_first and month_number(month_first.group(1)):
        parts = [int(month_first.group(3)), month_number(month_first.group(1)) or 0]
        if month_first.group(2) and 1 <= int(month_first.group(2)) <= 31:
            parts.append(int(month_first.group(2)))
        return parts
    match = re.match(r"\s*(\d{4})(.*)", text)
    if match is None:
        return None
    parts = [int(match.group(1))]
    for piece in re.split(r"[/\-\s,.]+", match.group(2)):
        if not piece:
            continue
        if len(parts) == 1:
            month = month_number(piece)
            if month is None:
                break
            parts.append(month)
        elif len(parts) == 2 and piece.isdecimal() and 1 <= int(piece) <= 31:
            parts.append(int(piece))
        else:
            break
    return parts


def date_range(text: str) -> list[list[int]] | None:
    """Like `date_parts`, and a range of years ("1984 - 1985", "1984/1985") as two parts."""
    years = _YEAR_RANGE.fullmatch(text)
    if years and years.group(1) != years.group(2):
        return [[int(years.group(1))], [int(years.group(2))]]
    parts = date_parts(text)
    return [parts] if parts else None
