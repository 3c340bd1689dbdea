"""Findings in a .bib file whose repair is a small text edit, and the edits for the reader's.

CF500 a `doi` that holds a URL (`https://doi.org/10.…`) or `doi:10.…`: biblatex and the
      BibTeX styles print `https://doi.org/` themselves, so the link comes out doubled; the
      fix keeps the bare DOI inside the same delimiters.
CF501 a bare `&` in a text field: LaTeX stops with "Misplaced alignment tab character &"; the
      fix writes `\\&`. Values with math, `\\url`, `\\href` or `\\verb` are left alone.

For the reader's own findings the edits are:
CF113 (a value runs into the next field): insert the missing comma after the value (the reader
      misses it in an entry that also repeats a field; this module reports it then);
CF112 (a field given twice): delete a repeated field whose value is the same as the first one
      (a repeat with a different value is a decision for the author, and is not touched).

Spans come from `citefmt.bibsource`, so an entry citefmt cannot read exactly gets no edits.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic
from citefmt.edits import Edit, Fix, LineIndex

if TYPE_CHECKING:
    # bibsource loads bibtexparser: imported when a .bib is checked, not for a manuscript
    from citefmt.bibsource import EntrySpan, FieldSpan

CODES = ("CF500", "CF501", "CF113")

_DOI_WRAPPED = re.compile(r"(\s*)(?:https?://(?:dx\.)?doi\.org/|doi:\s*)(10\.\S+?)(\s*)$", re.I)
#: fields whose value is text LaTeX typesets (not verbatim: url, doi, file, eprint …)
TEXT_FIELDS = frozenset({
    "title", "booktitle", "journal", "journaltitle", "publisher", "institution",
    "organization", "school", "series", "note", "address", "location", "maintitle",
    "subtitle", "shorttitle", "howpublished", "edition", "type", "eventtitle", "venue",
    "addendum", "chapter", "shortjournal", "issuetitle", "titleaddon", "booksubtitle",
})
_NOT_PLAIN = re.compile(r"\$|\\(?:url|href|verb|path|ensuremath)\b|\\\(|\\\[")


def find(doc: Document) -> list[Diagnostic]:
    if doc.kind != "bibtex":
        return []
    from citefmt.bibsource import locate

    found: list[Diagnostic] = []
    reported = {d.line for d in doc.read_diagnostics if d.code == "CF113"}
    lines = LineIndex(doc.text)
    for entry in locate(doc.text):
        for at in entry.missing_commas:
            # the reader does not see a missing comma in an entry with a repeated field
            if lines.line(at) not in reported:
                found.append(Diagnostic(
                    "CF113", f"entry '{entry.key}': a comma is probably missing after the value "
                             "on this line", doc.source, lines.line(at), None, "error"))
        for field in entry.fields:
            name = field.name.lower()
            if name == "doi":
                found.extend(_doi(doc, entry, field))
            elif name in TEXT_FIELDS:
                found.extend(_ampersand(doc, entry, field))
    return found


def reader_fixes(doc: Document) -> dict[tuple[str, int], Fix]:
    """Edits for the reader's CF112/CF113 findings, by (code, line) as the reader reports them."""
    fixes: dict[tuple[str, int], Fix] = {}
    if doc.kind != "bibtex":
        return fixes
    from citefmt.bibsource import locate

    lines = LineIndex(doc.text)
    for entry in locate(doc.text):
        for at in entry.missing_commas:
            fixes[("CF113", lines.line(at))] = Fix((Edit(at, at, ","),),
                                                   "insert the missing comma")
        repeats = _identical_repeats(doc.text, entry)
        if repeats:
            fixes[("CF112", entry.line)] = Fix(repeats, "delete the repeated field(s) whose "
                                                        "value is the same as the first")
    return fixes


def _doi(doc: Document, entry: EntrySpan, field: FieldSpan) -> list[Diagnostic]:
    from citefmt.bibsource import value_parts

    parts = value_parts(doc.text, field)
    if len(parts) != 1:
        return []
    start, end = parts[0]
    if doc.text[start] not in "{\"":
        return []
    inner = doc.text[start + 1:end - 1]
    m = _DOI_WRAPPED.match(inner)
    if m is None or any(c in m.group(2) for c in "{}%"):  # percent-encoded: not a bare DOI
        return []
    edit = Edit(start + 1, end - 1, m.group(1) + m.group(2) + m.group(3))
    return [Diagnostic("CF500", f"entry '{entry.key}': doi is written as '{inner.strip()}'; "
                                f"the bare DOI is '{m.group(2)}'", doc.source, field.line, None,
                       "warning", Fix((edit,), "keep the bare DOI"))]


def _ampersand(doc: Document, entry: EntrySpan, field: FieldSpan) -> list[Diagnostic]:
    text = doc.text
    value = text[field.value_start:field.value_end]
    if "&" not in value or _NOT_PLAIN.search(value):
        return []
    from citefmt.bibsource import value_parts

    edits: list[Edit] = []
    for start, end in value_parts(text, field):
        if text[start] not in "{\"":
            continue
        for i in range(start + 1, end - 1):
            if text[i] == "&" and not _escaped(text, i):
                edits.append(Edit(i, i, "\\"))
    if not edits:
        return []
    return [Diagnostic("CF501", f"entry '{entry.key}': {field.name} has {len(edits)} bare '&' "
                                "(LaTeX needs '\\&')", doc.source, field.line, None, "warning",
                       Fix(tuple(edits), "escape '&' as '\\&'"))]


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    i = at - 1
    while i >= 0 and text[i] == "\\":
        backslashes += 1
        i -= 1
    return backslashes % 2 == 1


def _identical_repeats(text: str, entry: EntrySpan) -> tuple[Edit, ...]:
    """Deletions of each later `name = value,` whose value equals the first one's."""
    first: dict[str, str] = {}
    edits: list[Edit] = []
    fields = entry.fields
    for i, field in enumerate(fields):
        name = field.name.lower()
        value = re.sub(r"\s+", " ", text[field.value_start:field.value_end]).strip()
        if name not in first:
            first[name] = value
            continue
        previous = fields[i - 1]
        if first[name] != value or previous.comma is None:
            continue
        if field.comma is not None:
            edits.append(Edit(previous.comma + 1, field.comma + 1, ""))
        elif i == len(fields) - 1:
            edits.append(Edit(previous.comma, field.value_end, ""))
    return tuple(edits)
