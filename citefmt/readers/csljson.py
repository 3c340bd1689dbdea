"""CSL-JSON reader: a list of items, `{"items": [...]}`, or one item object.

Malformed JSON stops the read with the parser's line and column. Each item that is not valid
CSL-JSON is reported as CF208 (naming the item) and left out; every valid item becomes a
`Record` whose `line` is where its `{` stands and whose `raw` is its JSON text.
Dates written as strings or numbers (`"issued": "2020-03-05"`, as EDTF-minded tools emit) are
normalised to `date-parts`, the only form citeproc-py renders.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from json.decoder import JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner  # type: ignore[attr-defined]
from typing import Any

from citefmt.diagnostics import Diagnostic
from citefmt.errors import InputError
from citefmt.limits import check_nesting
from citefmt.model import DATE_VARIABLES, Item, ReadResult, Record, validate_item
from citefmt.textio import scrub_surrogates

_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse CSL-JSON text into records; see the module docstring for what is accepted."""
    data, spans = _load_with_spans(text, source)
    items = _item_list(data, source)
    result = ReadResult()
    lines = _LineCounter(text)
    for index, item in enumerate(items):
        start, end = spans.get(id(item), (None, None))
        line = lines.at(start) if start is not None else None
        raw = text[start:end] if start is not None else None
        add_item(result, item, index=index, line=line, raw=raw, source=source)
    return result


class _LineCounter:
    """1-based line numbers of offsets asked for in increasing order, in linear total time
    (counting from the start for every item made large files quadratic)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offset = 0
        self._line = 1

    def at(self, offset: int) -> int:
        if offset < self._offset:
            self._offset, self._line = 0, 1
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line


def add_item(result: ReadResult, item: Any, *, index: int, line: int | None, raw: str | None,
             source: str) -> None:
    """Add one CSL item read from a data file: dates normalised, then either a Record or, when
    it is not valid CSL-JSON, a CF208 error naming it (shared by the JSON and YAML readers)."""
    if isinstance(item, dict):
        normalise_dates(item)
        replaced = scrub_item(item)
        if replaced:
            result.diagnostics.append(Diagnostic(
                "CF912", f"item {index + 1}: {replaced} lone surrogate escape(s) (such as "
                "\\ud800) replaced by U+FFFD", path=source, line=line, severity="warning"))
        non_finite = _non_finite_as_text(item)
        if non_finite:
            result.diagnostics.append(Diagnostic(
                "CF913", f"item {index + 1}: {', '.join(non_finite)} not a finite number "
                "(.inf/.nan); kept as text", path=source, line=line, severity="warning"))
    problems = validate_item(item, index=index)
    if problems:
        result.diagnostics.append(Diagnostic("CF208", "; ".join(problems), path=source,
                                             line=line, severity="error"))
    else:
        result.records.append(Record(item=item, line=line, raw=raw))


def scrub_item(value: Any) -> int:
    """Replace lone surrogates (a JSON or YAML escape such as "\\ud800", which no Unicode
    encoding can write) in every string of `value`, in place; how many were replaced."""
    count = 0
    if isinstance(value, dict):
        for key in list(value):
            if isinstance(key, str) and (clean := scrub_surrogates(key))[1]:
                value[clean[0]] = value.pop(key)
                count += clean[1]
                key = clean[0]
            child = value[key]
            if isinstance(child, str):
                value[key], n = scrub_surrogates(child)
                count += n
            else:
                count += scrub_item(child)
    elif isinstance(value, list):
        for position, child in enumerate(value):
            if isinstance(child, str):
                value[position], n = scrub_surrogates(child)
                count += n
            else:
                count += scrub_item(child)
    return count


def _non_finite_as_text(item: Item) -> list[str]:
    """Top-level numbers that are infinite or NaN (YAML's .inf and .nan) as text: JSON cannot
    hold them. Returns the field names changed."""
    changed = []
    for key, value in item.items():
        if isinstance(value, float) and not math.isfinite(value):
            item[key] = str(value)
            changed.append(repr(key))
    return changed


def normalise_dates(item: Item) -> None:
    """Date variables given as "2020-03-05", 2020, a date object or pandoc-citeproc's
    `[{year:, month:}]` → `{"date-parts": [[y, m, d]]}`; numeric strings in date-parts → ints."""
    for key in DATE_VARIABLES & item.keys():
        item[key] = _as_csl_date(item[key])


def _as_csl_date(value: Any) -> Any:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return {"date-parts": [[value.year, value.month, value.day]]}
    if isinstance(value, int) and not isinstance(value, bool):
        return {"date-parts": [[value]]}
    if isinstance(value, str):
        return parse_iso_date(value)
    if isinstance(value, list) and value and all(isinstance(v, dict) and "year" in v
                                                 for v in value):
        return {"date-parts": [[int(p[k]) for k in ("year", "month", "day") if p.get(k)]
                               for p in value[:2]]}
    if isinstance(value, dict) and isinstance(value.get("date-parts"), list):
        value["date-parts"] = [[_as_int(n) for n in part] if isinstance(part, list) else part
                               for part in value["date-parts"]]
    return value


def parse_iso_date(text: str) -> dict[str, Any]:
    """ISO 8601 / EDTF level 0: "2020-03-05", "2020-03", "2020" or "2019/2020" → date-parts;
    anything else → literal."""
    parts = []
    for piece in text.strip().split("/"):
        match = _ISO_DATE.fullmatch(piece.strip())
        if not match:
            return {"literal": text}
        parts.append([int(g) for g in match.groups() if g])
    return {"date-parts": parts} if 1 <= len(parts) <= 2 else {"literal": text}


def _as_int(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return value


def _item_list(data: Any, source: str) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("items"), list):
            items: list[Any] = data["items"]
            return items
        if "type" in data or "id" in data:
            return [data]
    raise InputError("not CSL-JSON: expected a list of items, {\"items\": [...]} or one item "
                     "object", path=source, line=1)


def _finite_float(text: str) -> float:
    """A JSON number as a float; 1e999999 (infinite as a float) cannot be written back as JSON."""
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {text[:20]}{'…' if len(text) > 20 else ''} is out of range")
    return value


def _no_constant(name: str) -> Any:
    """NaN, Infinity and -Infinity are not JSON (Python's parser accepts them by default)."""
    raise ValueError(f"{name} is not a JSON value")


def _load_with_spans(text: str, source: str) -> tuple[Any, dict[int, tuple[int, int]]]:
    """Parse `text`, recording where each JSON object starts and ends (by the object's id)."""
    spans: dict[int, tuple[int, int]] = {}

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        obj, end = JSONObject(s_and_end, *args)
        spans[id(obj)] = (s_and_end[1] - 1, end)
        return obj, end

    decoder = json.JSONDecoder(parse_float=_finite_float, parse_constant=_no_constant)
    # CPython's JSONDecoder.__init__ sets both attributes; typeshed does not declare them
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = py_make_scanner(decoder)  # type: ignore[attr-defined]
    body = text.lstrip("\ufeff")
    offset = len(text) - len(body)
    check_nesting(body, source=source)
    try:
        data = decoder.decode(body)
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError):  # an integer beyond Python's digit limit
            raise InputError(f"malformed JSON: {exc}".split(";")[0], path=source,
                             code="CF901") from None
        message = exc.msg[0].lower() + exc.msg[1:] if exc.msg else "malformed JSON"
        message = message.replace("expecting", "expected", 1)
        raise InputError(f"malformed JSON: {message}", path=source, line=exc.lineno,
                         col=exc.colno, code="CF901") from None
    if offset:
        spans = {k: (a + offset, b + offset) for k, (a, b) in spans.items()}
    return data, spans
