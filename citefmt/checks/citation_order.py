"""CF305: Vancouver numbers references in order of first citation; report where that breaks.

Walking the text, each citation that brings in new numbers must bring in the lowest number not
cited yet; the first citation that does not is reported once per break (a single misplaced
reference gives one finding, not one for every later citation). `--fix` renumbers.
"""

from __future__ import annotations

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic

CODES = ("CF305",)


def find(doc: Document) -> list[Diagnostic]:
    if not doc.cites_by_number:
        return []
    listed = sorted({entry.number for entry in doc.entries if entry.number is not None})
    cited: set[int] = set()
    found = []
    for citation in doc.numeric_citations:
        for number in sorted(n for n in set(citation.numbers) if n in listed):
            if number in cited:
                continue
            expected = next(n for n in listed if n not in cited)
            if number != expected:
                found.append(doc.diagnostic(
                    "CF305", f"reference {number} is cited before reference {expected} "
                             f"(order of first citation)", line=citation.line, col=citation.col))
            cited.add(number)
    return found
