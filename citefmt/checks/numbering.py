"""CF301, CF302: a numbered reference list that skips a number or repeats one."""

from __future__ import annotations

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic

CODES = ("CF301", "CF302")


def find(doc: Document) -> list[Diagnostic]:
    found = []
    first_line: dict[int, int] = {}
    previous: int | None = None
    for entry in doc.entries:
        number = entry.number
        if number is None:
            continue
        if number in first_line:
            found.append(doc.diagnostic(
                "CF302", f"reference number {number} is repeated (first at line "
                         f"{first_line[number]})", line=entry.line))
        else:
            first_line[number] = entry.line
            expected = 1 if previous is None else previous + 1
            if number > expected:
                missing = (f"{expected}" if number - expected == 1
                           else f"{expected}–{number - 1}")
                found.append(doc.diagnostic(
                    "CF301", f"reference numbering jumps to {number}: {missing} missing",
                    line=entry.line))
        previous = number if previous is None else max(previous, number)
    return found
