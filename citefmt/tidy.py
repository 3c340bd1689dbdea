"""`citefmt tidy`: canonical layout for a .bib file (bibtex-tidy-like), and provably lossless.

What it changes — layout only:
- each entry is written `@type{key,` / one `  name = value,` per line / `}`, with the type
  and field names in lower case (BibTeX and biber ignore their case) and the `=` signs aligned;
- a value in `"…"` is written in `{…}` (the same text: BibTeX reads both the same way);
  macros, numbers and `#` concatenations are kept as written (spaces around `#` aside);
- blocks are separated by one blank line; with `sort`, entries are ordered by key (each
  carrying the comments just above it); what precedes the first entry stays on top, and every
  @string and @preamble joins it (a macro must be defined before it is used; a file that
  defines a @string twice is not sorted);
- line ends follow the file (CRLF when most of its lines end so).

What it never changes: keys (their case included), field order within an entry, values,
unknown fields, @string/@preamble/@comment blocks and comments between entries. An entry the
span locator cannot read exactly (see `citefmt.bibsource`), or a block bibtexparser could not
parse, is copied as written. Before returning, `tidy` reads its own output back and compares it
with the input (keys, types, fields, values, strings, preambles, comments); if they differ in
anything but layout it returns the input unchanged (`TidyResult.refused` says why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibtexparser.model import Block, Preamble, String

from citefmt.bibsource import EntrySpan, entry_of, locate, parse, value_parts
from citefmt.edits import LineIndex


@dataclass(frozen=True)
class TidyResult:
    text: str
    #: why the tidy text was not used (None: it was)
    refused: str | None = None


def tidy(text: str, *, sort: bool = False) -> TidyResult:
    """`text` in canonical layout (see the module docstring); the input itself when unsafe."""
    crlf = text.count("\r\n") * 2 > text.count("\n")
    plain = text.replace("\r\n", "\n")
    library = parse(plain)
    spans = {(e.start, e.key): e for e in locate(plain, library)}
    lines = LineIndex(plain)
    head: list[str] = []
    groups: list[tuple[str, list[str]]] = []  # (sort key, [comments…, entry])
    pending: list[str] = []
    for block in library.blocks:
        raw = (block.raw or "").strip()
        entry = entry_of(block)
        if entry is None:
            if not groups or (sort and isinstance(block, String | Preamble)):
                # what comes before the first entry stays on top; when sorting, every
                # @string/@preamble goes there too (a macro must be defined before its use)
                head.append(raw)
            else:  # comments (and blocks that failed to parse) travel with the next entry
                pending.append(raw)
            continue
        at = _offset(plain, block, lines)
        span = spans.get((at, entry.key)) if at is not None else None
        written = _entry(plain, span) if span is not None else raw
        groups.append((entry.key.casefold(), [*pending, written]))
        pending = []
    if sort:
        names = [s.key.casefold() for s in map(_string_of, library.blocks) if s is not None]
        if len(names) != len(set(names)):
            return TidyResult(text, refused="a @string is defined twice; sorting could change "
                                            "which value an entry gets")
        groups.sort(key=lambda group: group[0])
    blocks = head + [piece for _, pieces in groups for piece in pieces] + pending
    out = "\n\n".join(b for b in blocks if b) + "\n"
    why = _differs(plain, out)
    if why is not None:
        return TidyResult(text, refused=why)
    return TidyResult(out.replace("\n", "\r\n") if crlf else out)


def _string_of(block: Block) -> String | None:
    if isinstance(block, String):
        return block
    inner = getattr(block, "ignore_error_block", None)
    return inner if isinstance(inner, String) else None


def _offset(text: str, block: Block, lines: LineIndex) -> int | None:
    from citefmt.bibsource import block_offset

    return block_offset(text, block, lines)


def _entry(text: str, span: EntrySpan) -> str:
    width = max((len(f.name) for f in span.fields), default=0)
    lines = [f"@{span.entry_type.lower()}{{{span.key},"]
    for f in span.fields:
        lines.append(f"  {f.name.lower():<{width}} = {_value(text, f)},")
    lines.append("}")
    return "\n".join(lines)


def _value(text: str, field: object) -> str:
    from citefmt.bibsource import FieldSpan

    assert isinstance(field, FieldSpan)
    parts = value_parts(text, field)
    if not parts or parts[-1][1] != field.value_end:
        return text[field.value_start:field.value_end]
    written = []
    for start, end in parts:
        part = text[start:end]
        if len(parts) == 1 and part.startswith('"') and _balanced(part[1:-1]):
            part = "{" + part[1:-1] + "}"
        written.append(part)
    return " # ".join(written)


def _balanced(inner: str) -> bool:
    depth = 0
    for c in inner:
        depth += c == "{"
        depth -= c == "}"
        if depth < 0:
            return False
    return depth == 0


# --- the proof: the same library before and after ---------------------------------------------

def library_view(text: str) -> dict[str, object]:
    """What a .bib file says, layout aside: entries (key, type, fields with delimiter-free
    values), strings, preambles, comments and failed blocks — `tidy` must keep all of it."""
    library = parse(text)
    entries = []
    for block in library.blocks:
        entry = entry_of(block)
        if entry is not None:
            entries.append((entry.key, entry.entry_type.lower(),
                            tuple((f.key.lower(), _plain(str(f.value))) for f in entry.fields)))
    return {
        "entries": sorted(entries, key=lambda e: (e[0], e[1], e[2])),
        "strings": sorted((s.key, _plain(str(s.value))) for s in library.strings),
        "preambles": sorted(_squash(str(p.value)) for p in library.preambles),
        # line by line: two comments that end up next to each other read back as one
        "comments": sorted(_squash(line) for c in library.comments
                           for line in c.comment.splitlines() if line.strip()),
        "failed": sorted(_squash(b.raw or "") for b in library.failed_blocks
                         if entry_of(b) is None),
    }


def _plain(value: str) -> str:
    """A value without its outer delimiters ("x" and {x} are the same value)."""
    parts = [p.strip() for p in re.split(r"\s+#\s+", value.strip())]
    out = []
    for part in parts:
        if len(part) >= 2 and (part[0], part[-1]) in {("{", "}"), ('"', '"')}:
            part = "{" + part[1:-1] + "}"
        out.append(part)
    return _squash(" # ".join(out))


def _squash(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _differs(before: str, after: str) -> str | None:
    a, b = library_view(before), library_view(after)
    for part, value in a.items():
        if b[part] != value:
            return f"tidying would change the file's {part}; it is left as it is"
    return None
