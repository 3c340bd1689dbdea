"""One checked file, read once: its records, reference numbers, in-text citations and settings.

Every check takes a `Document` and returns diagnostics, so a rule never reads or parses twice.
Three kinds of file:

- `manuscript`: Markdown or plain text with a numbered reference section and (maybe) in-text
  citations, read by the plain-text reference parser;
- `bibtex`: a .bib file (its reader reports duplicate keys, missing commas, braces);
- `data`: CSL-JSON, CSL-YAML, RIS and the other structured formats;
- `latex`: a `.tex` source: only its citations (`citefmt.latex_manuscript`); which bibliography
  they cite is worked out across files (`citefmt.checks.projects`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from citefmt.config import Settings
from citefmt.diagnostics import Diagnostic, Severity
from citefmt.manuscript import Citation, find_citations
from citefmt.model import Record

if TYPE_CHECKING:
    # imported when a manuscript is read, so checking a .bib never loads the reference parser
    from citefmt.readers.text import ReferenceSection

Kind = Literal["manuscript", "bibtex", "data", "latex"]
#: LaTeX sources, told apart by name (their content would sniff as plain text)
TEX_SUFFIXES = (".tex", ".ltx")


@dataclass(frozen=True)
class ListEntry:
    """One entry of a manuscript's reference section (1-based lines, number as an int)."""

    number: int | None
    line: int
    end_line: int
    text: str
    marker: str


@dataclass
class Document:
    """A file and everything the checks need to know about it."""

    source: str
    text: str
    kind: Kind
    settings: Settings
    records: list[Record] = field(default_factory=list)
    #: the reference number of each record (manuscripts; None elsewhere), parallel to `records`
    numbers: list[int | None] = field(default_factory=list)
    read_diagnostics: list[Diagnostic] = field(default_factory=list)
    #: the reference section as the text reader found it (manuscripts only)
    section: ReferenceSection | None = None
    #: its entries, in list order
    entries: list[ListEntry] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    #: keys pandoc citations may use (from the manuscript's bibliography files)
    bibliography_keys: frozenset[str] = frozenset()

    @property
    def numeric_citations(self) -> list[Citation]:
        return [c for c in self.citations if c.numbers]

    @property
    def cites_by_number(self) -> bool:
        """Citation checks run only when the text cites its numbered list at least once: a journal
        page that shows the reference list without the article body must not be flooded with
        "never cited" findings."""
        return bool(self.entries) and bool(self.numeric_citations)

    def label(self, index: int) -> str:
        """How a diagnostic names record `index`: "reference 23", "entry 'smith2020'", "item 3"."""
        number = self.numbers[index] if index < len(self.numbers) else None
        if number is not None:
            return f"reference {number}"
        key = self.records[index].item.get("id")
        if self.kind == "bibtex" and key:
            return f"entry {key!r}"
        return f"item {key!r}" if key else f"item {index + 1}"

    def line(self, index: int) -> int | None:
        return self.records[index].line

    def diagnostic(self, code: str, message: str, *, index: int | None = None,
                   line: int | None = None, col: int | None = None,
                   severity: Severity = "warning") -> Diagnostic:
        """A finding in this file, located at record `index` unless a line is given."""
        if line is None and index is not None:
            line = self.line(index)
        return Diagnostic(code, message, self.source, line, col, severity)


def read_document(text: str, *, source: str, settings: Settings, fmt: str | None = None,
                  bibliography_keys: Collection[str] = ()) -> Document:
    """Read `text` with the reader its name or content calls for."""
    from citefmt.readers import canonical_format, detect_format

    if fmt is None and source.lower().endswith(TEX_SUFFIXES):
        from citefmt.latex_manuscript import read_tex

        return Document(source, text, "latex", settings, citations=read_tex(text).citations,
                        bibliography_keys=frozenset(bibliography_keys))
    name = canonical_format(fmt) if fmt else detect_format(source, text)
    if fmt is None and source.lower().endswith((".qmd", ".rmd")):
        name = "text"  # Quarto and R Markdown manuscripts (their front matter is not CSL-YAML)
    if name == "text":
        return _read_manuscript(text, source=source, settings=settings,
                                bibliography_keys=frozenset(bibliography_keys))
    from citefmt.readers.sources import read_text

    result = read_text(text, source=source, fmt=name)
    return Document(source, text, "bibtex" if name == "bibtex" else "data", settings,
                    records=result.records, numbers=[None] * len(result.records),
                    read_diagnostics=list(result.diagnostics))


def _read_manuscript(text: str, *, source: str, settings: Settings,
                     bibliography_keys: frozenset[str]) -> Document:
    from citefmt.readers.sources import read_text
    from citefmt.readers.text import find_reference_section

    section = find_reference_section(text)
    if section is not None and _is_prose(source, section):
        section = None
    records: list[Record] = []
    diagnostics: list[Diagnostic] = []
    entries: list[ListEntry] = []
    if section is not None:
        result = read_text(text, source=source, fmt="text")
        if _guessed_list_is_not_references(section, result.diagnostics):
            section = None
        else:
            records = result.records
            diagnostics = result.diagnostics
            entries = [ListEntry(_number(e.number), e.line, e.end_line, e.text, e.marker)
                       for e in section.entries]
    by_line = {entry.line: entry.number for entry in entries}
    numbers = [by_line.get(r.line) if r.line is not None else None for r in records]
    skip = range(section.start_line, section.end_line + 1) if section is not None else range(0)
    max_number = max((e.number for e in entries if e.number is not None), default=None)
    citations = find_citations(text, skip_lines=skip, max_number=max_number,
                               known_keys=bibliography_keys)
    return Document(source, text, "manuscript", settings, records=records, numbers=numbers,
                    read_diagnostics=diagnostics, section=section, entries=entries,
                    citations=citations, bibliography_keys=bibliography_keys)


def _is_prose(source: str, section: ReferenceSection) -> bool:
    """The text reader takes a whole heading-less file as a list (right for refs.txt); in a
    Markdown manuscript, heading-less unnumbered "entries" are paragraphs, not references."""
    markdown = source.lower().endswith((".md", ".markdown", ".qmd", ".rmd"))
    return markdown and section.heading_line is None and \
        not any(entry.number for entry in section.entries)


def _guessed_list_is_not_references(section: ReferenceSection,
                                     diagnostics: list[Diagnostic]) -> bool:
    """A heading-less, unnumbered text that mostly does not parse as references (a README, a
    requirements.txt the pre-commit hook was given) has no reference list to check, rather than
    a list of unparseable references. Under a heading, or numbered, every entry counts."""
    if section.heading_line is not None or any(e.number for e in section.entries):
        return False
    unparsed = {d.line for d in diagnostics if d.code == "CF100"}
    failed = sum(1 for e in section.entries if e.line in unparsed)
    return failed * 2 >= len(section.entries)


def _number(marker_number: str | int | None) -> int | None:
    digits = re.sub(r"\D", "", str(marker_number or ""))
    return int(digits) if digits else None
