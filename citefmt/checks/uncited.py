"""CF303: a numbered reference the text never cites (only in texts that cite by number at all)."""

from __future__ import annotations

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic

CODES = ("CF303",)


def find(doc: Document) -> list[Diagnostic]:
    if not doc.cites_by_number:
        return []
    cited = {n for c in doc.numeric_citations for n in c.numbers}
    return [doc.diagnostic("CF303", f"reference {entry.number} is never cited in the text",
                           line=entry.line)
            for entry in doc.entries
            if entry.number is not None and entry.number not in cited]
