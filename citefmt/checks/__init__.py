"""`citefmt check`: the rules, in run order, and the two entry points the CLI calls.

Each rule is a module with `CODES` (the stable codes it may report) and
`find(doc: Document) -> list[Diagnostic]`. Reader findings (CF1xx: unparseable references,
repaired glued words, BibTeX duplicate keys …) come first, then the rules below. Everything
except unreadable input is a warning. A finding `--fix` can repair carries its text edits
(`Diagnostic.fix`, see `citefmt.checks.fix`); a manuscript whose list could not be read gets no
manuscript fixes, while a .bib is fixed around the blocks that do not parse.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Protocol

from citefmt.checks import (
    bibtex_fixes,
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
from citefmt.checks.fix import attach_fixes, fix_text
from citefmt.config import Settings, without_suppressed
from citefmt.diagnostics import Diagnostic
from citefmt.edits import CrlfMap


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
    bibtex_fixes,
    references_list,
)

__all__ = ["CHECKS", "Check", "Document", "check_text", "fix_and_check", "fix_document",
           "fix_text", "run_checks"]

#: how often `fix_document` re-checks and applies fixes that waited for an overlapping one
MAX_FIX_PASSES = 10


def run_checks(doc: Document, *, with_fixes: bool = False) -> list[Diagnostic]:
    """Reader findings plus every rule's, in file order, without what the settings silence.

    A rule whose codes are all ignored is not run (ignoring CF306 skips rendering). With
    `with_fixes`, findings `--fix` can repair carry their edits (renumbering and re-rendering
    cost a second reading, so a plain check does not compute them)."""
    found = list(doc.read_diagnostics)
    for check in CHECKS:
        if not all(doc.settings.ignores(code) for code in check.CODES):
            found.extend(check.find(doc))
    found = without_suppressed(found, doc.text, doc.settings)
    if with_fixes:
        found = attach_fixes(doc, found)
    return sorted(found, key=lambda d: (d.line or 0, d.col or 0, d.code))


def check_text(text: str, settings: Settings, *, source: str = "<input>", fmt: str | None = None,
               bibliography_keys: Collection[str] = (),
               with_fixes: bool = False) -> list[Diagnostic]:
    """Every finding about `text` (the pure core of `citefmt check`).

    The checks read the text with CRLF as LF; fixes are mapped back onto `text` itself, so
    they apply to the file as it is (its line endings included)."""
    plain = text.replace("\r\n", "\n")
    doc = read_document(plain, source=source, settings=settings, fmt=fmt,
                        bibliography_keys=bibliography_keys)
    found = run_checks(doc, with_fixes=with_fixes)
    if plain == text or not any(d.fix for d in found):
        return found
    crlf = CrlfMap(text)
    return [replace(d, fix=crlf.fix(d.fix)) if d.fix else d for d in found]


def fix_document(text: str, settings: Settings, *, source: str = "<input>",
                 fmt: str | None = None,
                 bibliography_keys: Collection[str] = ()) -> tuple[str, list[Diagnostic]]:
    """`text` with every fixable finding fixed, and the findings fixed (pure: no I/O).

    Checks, applies the fixes that do not overlap, and checks again while anything applies
    (a fix that waited for an overlapping one, or a re-rendering after a renumbering), so a
    second `--fix` finds nothing left to do."""
    fixed, applied, _ = fix_and_check(text, settings, source=source, fmt=fmt,
                                      bibliography_keys=bibliography_keys)
    return fixed, applied


def fix_and_check(text: str, settings: Settings, *, source: str = "<input>",
                  fmt: str | None = None, bibliography_keys: Collection[str] = ()
                  ) -> tuple[str, list[Diagnostic], list[Diagnostic]]:
    """`fix_document`, plus the findings of the fixed text (what `--fix` could not repair),
    from its last pass — so `check --fix` does not read the file once more to report them."""
    applied: list[Diagnostic] = []
    found: list[Diagnostic] = []
    for _ in range(MAX_FIX_PASSES):
        found = check_text(text, settings, source=source, fmt=fmt,
                           bibliography_keys=bibliography_keys, with_fixes=True)
        fixed, done = fix_text(text, found)
        if not done or fixed == text:
            break
        text = fixed
        applied.extend(done)
    else:
        found = check_text(text, settings, source=source, fmt=fmt,
                           bibliography_keys=bibliography_keys, with_fixes=True)
    return text, applied, found
