"""CF304: an in-text citation of a number the reference list does not have."""

from __future__ import annotations

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic

CODES = ("CF304",)


def find(doc: Document) -> list[Diagnostic]:
    if not doc.cites_by_number:
        return []
    listed = {entry.number for entry in doc.entries}
    found = []
    for citation in doc.numeric_citations:
        for number in sorted(set(citation.numbers) - listed):
            found.append(doc.diagnostic(
                "CF304", f"citation {citation.text} cites reference {number}, which is not in "
                         f"the reference list", line=citation.line, col=citation.col))
    return found
