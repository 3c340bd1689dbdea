"""CF306: a reference as written differs from what the chosen style renders for it.

Runs only when a style is set (`--style` or the `style` setting), so a plain `check` never
imports the CSL engine. Each entry is rendered at its position in the list, so numeric styles
number it as the list does; whole list lines are compared after collapsing whitespace.
"""

from __future__ import annotations

import re

from citefmt.checks.document import Document, ListEntry
from citefmt.diagnostics import Diagnostic

CODES = ("CF306",)


def find(doc: Document) -> list[Diagnostic]:
    style = doc.settings.style
    if doc.kind != "manuscript" or not style or not doc.entries:
        return []
    rendered = render_entries(doc, range(len(doc.entries)), style)
    if rendered is None:
        return []
    found = []
    for position, (entry, text) in enumerate(zip(doc.entries, rendered, strict=True), start=1):
        if differs(entry, position, text):
            found.append(doc.diagnostic(
                "CF306", f"reference {entry.number} differs from its {style} "
                         f"rendering: {list_line(entry.marker, position, text)}",
                line=entry.line))
    return found


def differs(entry: ListEntry, position: int, rendered: str) -> bool:
    """Whether the list line of `entry` (at `position`) is not what the style renders."""
    written = _squash(f"{entry.marker.strip()} {entry.text}")
    return written != _squash(list_line(entry.marker, position, rendered))


def list_line(marker: str, number: int, rendered: str) -> str:
    """The whole list line for an entry: the style's own text when the style numbers entries
    itself ("1. Smith J…"), else the list's marker in front of it."""
    if re.match(rf"\W?{number}\b", rendered):
        return rendered
    return f"{marker.strip()} {rendered}".strip()


def render_entries(doc: Document, order: range | list[int], style: str) -> list[str] | None:
    """`style`'s text for the reference-section entries at `order` (entry indices), in that
    order; None when an entry has no parsed record (nothing to render from)."""
    from citefmt.engine import render_bibliography

    records = {record.line: record for record in doc.records}
    items = []
    for position, index in enumerate(order, start=1):
        record = records.get(doc.entries[index].line)
        if record is None:
            return None
        items.append(dict(record.item, id=f"ref{position}"))
    bibliography = render_bibliography(items, style, locale=doc.settings.locale,
                                       fmt="text")
    by_id = {entry.id: entry.text for entry in bibliography.entries}
    return [by_id[item["id"]] for item in items]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
