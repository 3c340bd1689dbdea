"""`raw` and EDTF date strings → CSL `date-parts`.

citeproc-py reads only `date-parts` and `literal`; a date given as `{"raw": "2024-03-05"}` or
`{"edtf": "2024/2025"}` silently vanished from the entry. Understood forms:

- ISO / EDTF: "2024", "2024-03", "2024-03-05", intervals "2024/2025", "2024-03-05/2024-03-07",
  open intervals "1991/", "1991/.." (end `[0]`, printed "1991–"),
  uncertain or approximate "2024?", "2024~" (→ circa), seasons "2024-21" … "2024-24";
- the dotted day-first form "05.03.2024" (slashed "5/3/2024" is ambiguous and not guessed);
- month names in English or Russian: "March 2020", "2020 Mar 15", "15 March 2020", "мар 2020".

Anything else becomes `{"literal": …}` so the text is still printed, and is reported.
"""

from __future__ import annotations

import re
from typing import Any

from citefmt.dates import MONTHS

_ISO = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%]?)$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+\.?|\d+")


def normalise_date(value: Any) -> tuple[Any, str | None]:
    """(CSL date object with date-parts where possible, problem message or None)."""
    if not isinstance(value, dict):
        return value, None
    if "date-parts" in value:
        parts = clean_date_parts(value["date-parts"])
        refined = _edtf_refinement(value)
        if parts and refined is not None:
            return refined, None
        if parts:
            return {**value, "date-parts": parts}, None
        given = _written_parts(value["date-parts"])
        value = {k: v for k, v in value.items() if k != "date-parts"}
        if given and not (value.get("edtf") or value.get("raw") or value.get("literal")):
            return {"literal": given}, f"date-parts {given!r} not understood; printed as given"
    text = str(value.get("edtf") or value.get("raw") or "").strip()
    if not text:
        return value, None
    parsed = parse_date_string(text)
    if parsed is None:
        return {"literal": text}, f"date {text!r} not understood; printed as given"
    merged = {k: v for k, v in value.items() if k not in ("raw", "edtf")}
    merged.update(parsed)
    return merged, None


def _edtf_refinement(value: dict[str, Any]) -> dict[str, Any] | None:
    """A date the readers give as its known start plus the EDTF it was written as
    (`{"date-parts": [[1991]], "edtf": "1991/"}`, `… "edtf": "2000?"}`, citefmt.readers.
    csljson.parse_iso_date): what `date-parts` alone cannot say — an open end (`[0]`, printed
    "1991– ") or an uncertain year (`circa`, CSL `is-uncertain-date`) — taken from the EDTF.
    None when the EDTF adds neither."""
    text = str(value.get("edtf") or "").strip()
    parsed = parse_date_string(text) if text else None
    if parsed is None or "date-parts" not in parsed:
        return None
    open_end = parsed["date-parts"][-1] == [0]
    if not (open_end or parsed.get("circa")):
        return None
    return {**{k: v for k, v in value.items() if k != "edtf"}, **parsed}


def clean_date_parts(date_parts: Any) -> list[list[int]]:
    """`date-parts` as citeproc-py can print them: numbers as ints, parts after an empty or
    non-numeric one dropped (["2000", "", ""] printed "00/00/2000"), months 13-20 as the
    seasons they stand for in CSL-JSON (as 21-24), impossible months and days (and days of
    seasons) left out; [] when nothing usable is left."""
    cleaned: list[list[int]] = []
    for date in date_parts if isinstance(date_parts, list) else []:
        parts: list[int] = []
        for part in date if isinstance(date, list) else []:
            if type(part) is int:  # speed: what the conversion below gives an int
                parts.append(part)
                continue
            try:
                parts.append(int(str(part).strip()))
            except ValueError:
                break
        if len(parts) > 1 and 13 <= parts[1] <= 20:
            parts = [parts[0], parts[1] + 8 if parts[1] <= 16 else parts[1] + 4]
        elif len(parts) > 1 and not (1 <= parts[1] <= 12 or 21 <= parts[1] <= 24):
            parts = parts[:1]
        if len(parts) > 2 and (parts[1] > 12 or not 1 <= parts[2] <= 31):
            parts = parts[:2]
        if parts:
            cleaned.append(parts[:3])
    return cleaned


def _written_parts(date_parts: Any) -> str:
    """The parts of an unusable `date-parts` value as text ("spring"), or ""."""
    if not isinstance(date_parts, list):
        return ""
    return " ".join(str(part).strip() for date in date_parts if isinstance(date, list)
                    for part in date if str(part).strip())


def parse_date_string(text: str) -> dict[str, Any] | None:
    """A CSL date object for `text`, or None when it is not a recognisable date."""
    text = text.strip()
    if "/" in text and not _DOTTED.match(text):
        begin, _, end = text.partition("/")
        first = parse_date_string(begin)
        if end.strip() in ("", "..") and first and "date-parts" in first:
            # EDTF / BibLaTeX open interval "1991/" or "1991/..": CSL-JSON end [0]
            return {**first, "date-parts": [first["date-parts"][0], [0]]}
        last = parse_date_string(end)
        if first and last and "date-parts" in first and "date-parts" in last:
            result: dict[str, Any] = {"date-parts": [first["date-parts"][0],
                                                     last["date-parts"][0]]}
            if first.get("circa") or last.get("circa"):
                result["circa"] = True
            return result
        return None
    iso = _ISO.match(text)
    if iso:
        return _from_iso(iso)
    dotted = _DOTTED.match(text)
    if dotted:
        day, month, year = (int(g) for g in dotted.groups())
        return _checked([year, month, day])
    return _from_words(text)


def _from_iso(match: re.Match[str]) -> dict[str, Any] | None:
    year, month, day, qualifier = match.groups()
    result: dict[str, Any]
    if month and 21 <= int(month) <= 24 and not day:
        result = {"date-parts": [[int(year)]], "season": int(month) - 20}
    else:
        parts = [int(year)] + [int(p) for p in (month, day) if p]
        checked = _checked(parts)
        if checked is None:
            return None
        result = checked
    if qualifier:
        result["circa"] = True
    return result


def _from_words(text: str) -> dict[str, Any] | None:
    year = month = day = None
    for token in _WORD.findall(text):
        word = token.rstrip(".").lower()
        if word.isdecimal():
            number = int(word)
            if len(word) == 4 and year is None:
                year = number
            elif number <= 31 and day is None:
                day = number
            else:
                return None
        elif word in MONTHS and month is None:
            month = MONTHS[word]
        else:
            return None
    if year is None or (day is not None and month is None):
        return None
    return _checked([p for p in (year, month, day) if p is not None])


def _checked(parts: list[int]) -> dict[str, Any] | None:
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return None
    return {"date-parts": [parts]}
