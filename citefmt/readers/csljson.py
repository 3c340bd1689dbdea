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
from collections.abc import Callable
from datetime import date, datetime
from json.decoder import JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner  # type: ignore[attr-defined]
from typing import Any

from citefmt.diagnostics import Diagnostic, Severity
from citefmt.errors import InputError
from citefmt.limits import NESTING, check_nesting
from citefmt.model import DATE_VARIABLES, Item, ReadResult, Record, validate_item
from citefmt.textio import scrub_surrogates

_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse CSL-JSON text into records; see the module docstring for what is accepted."""
    data, spans = _load_with_spans(text, source)
    items = _item_list(data, source)
    result = ReadResult()
    lines = _LineCounter(text)
    scrub = _may_hold_lone_surrogates(text)
    for index, item in enumerate(items):
        start, end = spans.get(id(item), (None, None))
        line = lines.at(start) if start is not None else None
        raw = text[start:end] if start is not None else None
        add_item(result, item, index=index, line=line, raw=raw, source=source, scrub=scrub)
    return result


def _may_hold_lone_surrogates(text: str) -> bool:
    """Whether an item read from `text` may hold a lone surrogate. Speed: one can only come
    from one in the text or from a \\ud800-style escape; without either, no item is walked
    string by string looking for one."""
    return (_SURROGATE_ESCAPE.search(text) is not None
            or (not text.isascii() and _SURROGATE.search(text) is not None))


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
             source: str, scrub: bool = True) -> None:
    """Add one CSL item read from a data file: dates normalised, a missing type supplied (CF123),
    then either a Record or, when it is still not valid CSL-JSON, a CF208 error naming it
    (shared by the JSON and YAML readers). Keys CSL does not define — in the item or in a name
    (`affiliation`, `isInstitution`, `ORCID` …), as Zotero, Crossref, Manubot or Mendeley write
    them — are kept as they are: the engine uses what it knows and `convert` passes the rest on.
    `scrub=False`: the caller knows no string of the item holds a lone surrogate."""
    def note(code: str, message: str, severity: Severity = "info") -> None:
        result.diagnostics.append(Diagnostic(code, message, path=source, line=line,
                                             severity=severity))

    if isinstance(item, dict):
        normalise_dates(item, note=lambda m: note("CF124", f"{_label(item, index)}: {m}"))
        kind = item.get("type")
        if kind is None or (isinstance(kind, str) and not kind.strip()):
            item["type"] = "document"
            note("CF123", f"{_label(item, index)}: no 'type'; read as 'document'")
        replaced = scrub_item(item) if scrub else 0
        if replaced:
            result.diagnostics.append(Diagnostic(
                "CF912", f"item {index + 1}: {replaced} lone surrogate escape(s) (such as "
                "\\ud800) replaced by U+FFFD", path=source, line=line, severity="warning"))
        non_finite = _non_finite_as_text(item)
        if non_finite:
            result.diagnostics.append(Diagnostic(
                "CF913", f"item {index + 1}: {', '.join(non_finite)} not a finite number "
                "(.inf/.nan); kept as text", path=source, line=line, severity="warning"))
    problems = validate_item(item, index=index, known_name_keys_only=False)
    if problems:
        note("CF208", "; ".join(problems), "error")
    else:
        result.records.append(Record(item=item, line=line, raw=raw))


def _label(item: Item, index: int) -> str:
    return f"item {index + 1}" + (f" (id {item['id']!r})" if "id" in item else "")


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


def normalise_dates(item: Item, *, note: Callable[[str], None] | None = None) -> None:
    """Date variables given as "2020-03-05", 2020, a date object or pandoc-citeproc's
    `[{year:, month:}]` → `{"date-parts": [[y, m, d]]}`; numeric strings in date-parts → ints;
    empty date-parts (`[]`, `[["2000", "", ""]]`, as Zotero and citeproc-js accept) are dropped
    beside a `literal`/`raw`, and a date with nothing left is removed with a note."""
    for key in DATE_VARIABLES & item.keys():
        value = _as_csl_date(item[key])
        if isinstance(value, dict) and "date-parts" in value:
            value = _without_empty_parts(value)
        if value is None:
            del item[key]
            if note is not None:
                note(f"empty date {key!r} left out")
        else:
            item[key] = value


def _without_empty_parts(value: dict[str, Any]) -> dict[str, Any] | None:
    parts = value["date-parts"]
    if not isinstance(parts, list):
        return value
    cleaned = [[n for n in part if not (isinstance(n, str) and not n.strip())]
               if isinstance(part, list) else part for part in parts]
    cleaned = [part for part in cleaned if part != []]
    rest = {k: v for k, v in value.items() if k != "date-parts"}
    if cleaned:
        return {"date-parts": cleaned, **rest}
    return rest or None


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


_DATE_TIME = re.compile(r"(?<=\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$")
_QUALIFIED = re.compile(r"(-?\d{4}(?:-\d\d){0,2})([?~%]|\?~)")
_UNSPECIFIED = re.compile(r"(\d{2,3})(u{1,2}|X{1,2})")


def _edtf_level1(text: str) -> dict[str, Any] | None:
    """EDTF level 1 as BibLaTeX accepts it: `1723~` / `1723?~` / `1723%` approximate (CSL
    `circa`), `1723?` uncertain (the date as given, EDTF kept), `20uu` / `19XX` a century or
    decade of unspecified years (a range)."""
    qualified = _QUALIFIED.fullmatch(text)
    if qualified:
        date = parse_iso_date(qualified.group(1))
        if "date-parts" not in date:
            return None
        if qualified.group(2) == "?":
            return {**date, "edtf": text}
        return {**date, "circa": True}
    unspecified = _UNSPECIFIED.fullmatch(text)
    if unspecified and len(unspecified.group(1)) + len(unspecified.group(2)) == 4:
        width = len(unspecified.group(2))
        first = int(unspecified.group(1)) * 10 ** width
        return {"date-parts": [[first], [first + 10 ** width - 1]], "edtf": text}
    return None


#: the end of an EDTF interval that is open ("..", BibLaTeX's "open") or unknown ("", "unknown")
_OPEN_ENDS = {"": "", "unknown": "", "..": "..", "open": ".."}


def parse_iso_date(text: str) -> dict[str, Any]:
    """ISO 8601 / EDTF level 0: "2020-03-05", "2020-03", "2020" or "2019/2020" → date-parts;
    EDTF open or unknown ends ("1999-10-14/", "1999/..", "1998/unknown") keep the known start in
    `date-parts` and the whole value in `edtf` (CSL-JSON has no open range); anything else →
    literal."""
    text = _DATE_TIME.sub("", text.strip())
    edtf = _edtf_level1(text)
    if edtf is not None:
        return edtf
    pieces = [piece.strip() for piece in text.split("/")]
    if len(pieces) == 2 and pieces[1] in _OPEN_ENDS and pieces[0] not in ("", ".."):
        start = parse_iso_date(pieces[0])
        if "date-parts" in start:
            return {**start, "edtf": f"{pieces[0]}/{_OPEN_ENDS[pieces[1]]}"}
    parts = []
    for piece in pieces:
        match = _ISO_DATE.fullmatch(piece)
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
    body = text.lstrip("\ufeff")
    offset = len(text) - len(body)
    fast = _load_item_list(body)
    if fast is not None:
        data, spans = fast
    else:
        data, spans = _load_with_python_scanner(body, source)
    if offset:
        spans = {k: (a + offset, b + offset) for k, (a, b) in spans.items()}
    return data, spans


_WHITE = re.compile(r"[ \t\n\r]*")  # JSON's white space, as the json module skips it
#: json's C scanner, with the same number rules as the Python one of _load_with_python_scanner
_C_SCAN = json.JSONDecoder(parse_float=_finite_float,
                           parse_constant=_no_constant).scan_once  # type: ignore[attr-defined]


def _load_item_list(body: str) -> tuple[list[Any], dict[int, tuple[int, int]]] | None:
    """The common case fast: a top-level list, each element parsed by json's C scanner from
    where it starts, so each item's span is known without the Python scanner (~10x slower).
    None (parse it the slow way, which words every error) for another top-level value, any
    malformed JSON, or nesting beyond the limit."""
    index = _skip_white(body, 0)
    if body[index:index + 1] != "[":
        return None
    items: list[Any] = []
    spans: dict[int, tuple[int, int]] = {}
    limit = NESTING.value - 1  # below the top-level list
    index = _skip_white(body, index + 1)
    if body[index:index + 1] != "]":
        while True:
            try:
                value, after = _C_SCAN(body, index)
            except (StopIteration, ValueError, RecursionError):
                return None
            # an element with fewer brackets than the limit cannot nest deeper than it
            if (body.count("[", index, after) + body.count("{", index, after) > limit
                    and isinstance(value, (list, dict)) and _depth(value) > limit):
                return None
            if isinstance(value, dict):
                spans[id(value)] = (index, after)
            items.append(value)
            index = _skip_white(body, after)
            separator = body[index:index + 1]
            if separator == "]":
                break
            if separator != ",":
                return None
            index = _skip_white(body, index + 1)
    if _skip_white(body, index + 1) != len(body):
        return None
    return items, spans


def _skip_white(body: str, index: int) -> int:
    """The index of the first character at or after `index` that is not JSON white space."""
    return _WHITE.match(body, index).end()  # type: ignore[union-attr]  # `*`: always matches


def _depth(value: list[Any] | dict[str, Any]) -> int:
    """How deep lists and objects nest in `value` (itself 1): the depth check_nesting
    counts in the text."""
    deepest = 0
    for child in value.values() if isinstance(value, dict) else value:
        if isinstance(child, (list, dict)):
            deepest = max(deepest, _depth(child))
    return deepest + 1


def _load_with_python_scanner(body: str, source: str
                              ) -> tuple[Any, dict[int, tuple[int, int]]]:
    """Parse `body` with json's Python scanner, recording where each object starts and ends."""
    spans: dict[int, tuple[int, int]] = {}

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        obj, end = JSONObject(s_and_end, *args)
        spans[id(obj)] = (s_and_end[1] - 1, end)
        return obj, end

    decoder = json.JSONDecoder(parse_float=_finite_float, parse_constant=_no_constant)
    # CPython's JSONDecoder.__init__ sets both attributes; typeshed does not declare them
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = py_make_scanner(decoder)  # type: ignore[attr-defined]
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
    return data, spans
