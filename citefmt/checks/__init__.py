"""`citefmt check`: the rules, in run order, and the two entry points the CLI calls.

Each rule is a module with `CODES` (the stable codes it may report) and
`find(doc: Document) -> list[Diagnostic]`. Reader findings (CF1xx: unparseable references,
repaired glued words, BibTeX duplicate keys …) come first, then the rules below. Everything
except unreadable input is a warning; only reading errors (error severity) stop `--fix`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from citefmt.checks import (
    citation_order,
    duplicates,
    identifiers,
    numbering,
    references_list,
    rendering,
    required_fields,
    uncited,
    unknown_keys,
    unmatched_citations,
)
from citefmt.checks.document import Document, read_document
from citefmt.checks.fix import fix_text
from citefmt.config import Settings, without_suppressed
from citefmt.diagnostics import Diagnostic


class Check(Protocol):
    """What a rule module provides (each module in `CHECKS` is checked against this)."""

    @property
    def CODES(self) -> tuple[str, ...]: ...  # a module-level constant in each rule

    def find(self, doc: Document) -> list[Diagnostic]: ...


#: the rules in run order: items first, then the list, then the citations, then the style
CHECKS: tuple[Check, ...] = (
    identifiers,
    required_fields,
    duplicates,
    numbering,
    unmatched_citations,
    uncited,
    citation_order,
    unknown_keys,
    rendering,
    references_list,
)

__all__ = ["CHECKS", "Check", "Document", "check_text", "fix_text", "run_checks"]


def run_checks(doc: Document) -> list[Diagnostic]:
    """Reader findings plus every rule's, in file order, without what the settings silence.

    A rule whose codes are all ignored is not run (ignoring CF306 skips rendering)."""
    found = list(doc.read_diagnostics)
    for check in CHECKS:
        if not all(doc.settings.ignores(code) for code in check.CODES):
            found.extend(check.find(doc))
    found = without_suppressed(found, doc.text, doc.settings)
    return sorted(found, key=lambda d: (d.line or 0, d.col or 0, d.code))


def check_text(text: str, settings: Settings, *, source: str = "<input>", fmt: str | None = None,
               bibliography_keys: Collection[str] = ()) -> list[Diagnostic]:
    """Every finding about `text` (the pure core of `citefmt check`)."""
    plain = text.replace("\r\n", "\n")
    doc = read_document(plain, source=source, settings=settings, fmt=fmt,
                        bibliography_keys=bibliography_keys)
    return run_checks(doc)
