"""CF303: a reference the text never cites.

Two forms: a numbered reference of a manuscript's own list (only in texts that cite by number
at all), and a bibliography entry no file of a key-citing manuscript (LaTeX `\\cite`, pandoc
`[@key]`) cites, reported in the bibliography (`never_cited`, called by
`citefmt.checks.projects`, which knows the manuscript's files).
"""

from __future__ import annotations

from collections.abc import Collection

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


def never_cited(bibliography: Document, cited: Collection[str], where: str) -> list[Diagnostic]:
    """The entries of `bibliography` whose key is not in `cited` (case folded, as BibTeX does),
    each at its own line, saying which manuscript (`where`) does not cite it."""
    cited_folded = {key.casefold() for key in cited}
    return [bibliography.diagnostic("CF303", f"{bibliography.label(index)} is never cited in "
                                             f"{where}", index=index)
            for index, record in enumerate(bibliography.records)
            if record.item.get("id")
            and str(record.item["id"]).casefold() not in cited_folded]
