"""Where things are in a .bib file: the exact character span of every entry's type, key, field
name and field value, so that `--fix`, `--rekey` and `tidy` edit text in place.

bibtexparser v2 splits the file into blocks (entries, @string, @preamble, @comment, the text
between them) and gives each block its first line and raw text; it does not say where a field's
value starts or ends. `locate` finds each entry's raw text in the file and scans it with a
small scanner that follows BibTeX's value syntax (`{…}` with nested braces, `"…"`, bare numbers
and macros, `#` concatenation). An entry is located only when the scanner's reading of it agrees
with bibtexparser's (same field names, same raw values): where they disagree, the entry gets no
spans, and so no edits — an entry citefmt cannot read exactly is never touched.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import bibtexparser
from bibtexparser.model import Block, DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry

from citefmt.edits import LineIndex

_NAME = re.compile(r"[^\s=,{}\"#()]+")
_BARE = re.compile(r"[^\s,#{}\"()=]+")
_TYPE = re.compile(r"@\s*([A-Za-z_][\w:-]*)\s*([{(])")


@dataclass(frozen=True)
class FieldSpan:
    """One `name = value` of an entry; offsets into the whole text, ends exclusive."""

    name: str
    start: int
    name_end: int
    value_start: int
    value_end: int
    #: offset of the comma that ends the field; None when there is none (last field, or missing)
    comma: int | None
    line: int


@dataclass(frozen=True)
class EntrySpan:
    """One entry: its type, key and fields where they stand in the text."""

    entry_type: str
    type_start: int
    key: str
    key_start: int
    key_end: int
    start: int
    end: int
    line: int
    fields: tuple[FieldSpan, ...]
    #: offsets right after a value that runs on into the next field without a comma
    missing_commas: tuple[int, ...] = ()
    #: the offset of the entry's closing brace (or parenthesis)
    close: int = 0


def parse(text: str) -> bibtexparser.Library:
    """bibtexparser with no middleware (values exactly as written), its log lines silenced."""
    with _quiet("bibtexparser.splitter"):
        return bibtexparser.parse_string(text, parse_stack=[])


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    was = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = was


def entry_of(block: Block) -> Entry | None:
    """The entry a block holds: itself, or the entry inside a duplicate-key/field block."""
    if isinstance(block, Entry):
        return block
    if isinstance(block, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock):
        inner = block.ignore_error_block
        return inner if isinstance(inner, Entry) else None
    return None


def block_offset(text: str, block: Block, lines: LineIndex) -> int | None:
    """Where `block`'s raw text starts in `text` (None when it cannot be found exactly)."""
    raw = block.raw or ""
    if not raw or block.start_line is None:
        return None
    at = text.find(raw, lines.offset(block.start_line + 1))
    return at if at >= 0 else None


def locate(text: str, library: bibtexparser.Library | None = None) -> list[EntrySpan]:
    """Every entry of `text` that can be located exactly, in file order."""
    library = library if library is not None else parse(text)
    lines = LineIndex(text)
    found: list[EntrySpan] = []
    for block in library.blocks:
        entry = entry_of(block)
        if entry is None:
            continue
        at = block_offset(text, block, lines)
        if at is None:
            continue
        span = scan_entry(text, at, at + len(block.raw or ""), lines)
        if span is not None and _agrees(span, text, entry):
            found.append(span)
    return found


def scan_entry(text: str, start: int, end: int, lines: LineIndex) -> EntrySpan | None:
    """Scan the entry in `text[start:end]`; None when it is not the simple shape BibTeX gives."""
    m = _TYPE.match(text, start, end)
    if m is None:
        return None
    close_char = "}" if m.group(2) == "{" else ")"
    pos = m.end()
    comma = text.find(",", pos, end)
    close_at = _last_close(text, start, end, close_char)
    if close_at is None:
        return None
    key_limit = comma if comma >= 0 else close_at
    raw_key = text[pos:key_limit]
    key = raw_key.strip()
    if not key or any(c.isspace() for c in key) or "{" in key or "}" in key:
        return None
    key_start = pos + raw_key.index(key)
    fields: list[FieldSpan] = []
    missing: list[int] = []
    pos = key_limit + 1 if comma >= 0 else close_at
    while True:
        pos = _skip_ws(text, pos, close_at)
        if pos >= close_at:
            break
        name_m = _NAME.match(text, pos, close_at)
        if name_m is None:
            return None
        after_name = _skip_ws(text, name_m.end(), close_at)
        if after_name >= close_at or text[after_name] != "=":
            return None
        value_start = _skip_ws(text, after_name + 1, close_at)
        value_end = _value_end(text, value_start, close_at)
        if value_end is None or value_end == value_start:
            return None
        after = _skip_ws(text, value_end, close_at)
        field_comma: int | None = None
        if after < close_at and text[after] == ",":
            field_comma = after
            pos = after + 1
        elif after >= close_at:
            pos = close_at
        elif _looks_like_field(text, after, close_at):
            missing.append(value_end)
            pos = after
        else:
            return None
        fields.append(FieldSpan(
            name=name_m.group(), start=name_m.start(), name_end=name_m.end(),
            value_start=value_start, value_end=value_end, comma=field_comma,
            line=lines.line(name_m.start())))
    return EntrySpan(m.group(1), m.start(1), key, key_start, key_start + len(key), start, end,
                     lines.line(start), tuple(fields), tuple(missing), close_at)


def _skip_ws(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def _last_close(text: str, start: int, end: int, close_char: str) -> int | None:
    at = end - 1
    while at > start and text[at].isspace():
        at -= 1
    return at if text[at] == close_char else None


def _looks_like_field(text: str, pos: int, limit: int) -> bool:
    m = _NAME.match(text, pos, limit)
    if m is None:
        return False
    after = _skip_ws(text, m.end(), limit)
    return after < limit and text[after] == "="


def _value_end(text: str, pos: int, limit: int) -> int | None:
    """End of the value expression at `pos`: parts joined by `#`."""
    while True:
        end = _part_end(text, pos, limit)
        if end is None:
            return None
        after = _skip_ws(text, end, limit)
        if after < limit and text[after] == "#":
            pos = _skip_ws(text, after + 1, limit)
            continue
        return end


def closing_quote(text: str, start: int, limit: int | None = None) -> int:
    """The offset of the `"` that closes a quoted BibTeX value opened at `start` (braces nest
    inside it, an escaped `\\"` does not close it), or -1 (before `limit`)."""
    depth = 0
    for i in range(start + 1, len(text) if limit is None else limit):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == '"' and depth == 0 and text[i - 1] != "\\":
            return i
    return -1


def _part_end(text: str, pos: int, limit: int) -> int | None:
    if pos >= limit:
        return None
    char = text[pos]
    if char == "{":
        depth = 0
        for i in range(pos, limit):
            c = text[i]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    return i + 1
        return None
    if char == '"':
        close = closing_quote(text, pos, limit)
        return close + 1 if close >= 0 else None
    m = _BARE.match(text, pos, limit)
    return m.end() if m else None


def _agrees(span: EntrySpan, text: str, entry: Entry) -> bool:
    """The scanner read the entry as bibtexparser did: same key, same fields, same values."""
    if span.key != entry.key:
        return False
    ours = [(f.name.lower(), _squash(text[f.value_start:f.value_end])) for f in span.fields]
    if span.missing_commas:
        repaired = _with_commas(text, span)
        library = parse(repaired)
        entries = [e for e in map(entry_of, library.blocks) if e is not None]
        if len(entries) != 1 or len(library.blocks) != 1:
            return False
        entry = entries[0]
    theirs = {(f.key.lower(), _squash(str(f.value))) for f in entry.fields}
    return set(ours) >= theirs and {n for n, _ in ours} == {n for n, _ in theirs}


def _with_commas(text: str, span: EntrySpan) -> str:
    pieces: list[str] = []
    pos = span.start
    for at in span.missing_commas:
        pieces.append(text[pos:at])
        pieces.append(",")
        pos = at
    pieces.append(text[pos:span.end])
    return "".join(pieces)


def _squash(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def value_parts(text: str, field: FieldSpan) -> list[tuple[int, int]]:
    """The spans of a value's parts (`{…}`, `"…"`, bare words) between its `#` signs."""
    parts: list[tuple[int, int]] = []
    pos = field.value_start
    while pos < field.value_end:
        end = _part_end(text, pos, field.value_end)
        if end is None:
            break
        parts.append((pos, end))
        after = _skip_ws(text, end, field.value_end)
        if after < field.value_end and text[after] == "#":
            pos = _skip_ws(text, after + 1, field.value_end)
        else:
            break
    return parts
