"""Plain-text reference lists, alone in a file or inside a larger page (a journal article page, a
manuscript), → one record per reference, none dropped.

The list starts under a heading ("References", "Список литературы", "Литература", …) and stops at
the next section ("Рецензия", "Для цитирования", "For citation", another heading); without a heading
the whole text is the list. Entries are numbered ("1.", "1)", "[1]") or one per line; a reference
wrapped over several lines is joined back. `find_reference_section` exposes exactly which lines hold
the list, so `check --fix` can rewrite those lines and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citefmt.diagnostics import Diagnostic
from citefmt.language import detect_language, primary_subtag
from citefmt.model import ReadResult, Record
from citefmt.refparse import parse_reference
from citefmt.textio import split_lines

_HEADING_RE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:[IVX\d]+(?:\.\d+)*\.?\s+)?"
    r"(?:references?(?: list)?|literature cited|works cited|bibliography|"
    r"список литературы|литература|"
    r"библиографический список|список источников|список использованных источников|"
    r"список использованной литературы|источники)\s*:?\s*$", re.I)
_STOP_RE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:рецензия|для цитирования|for citation|об авторах?|информация об авторах|"
    r"about the authors?|author information|acknowledg(?:e)?ments?|благодарности|appendix|"
    r"приложени[ея]|"
    r"funding|финансирование|conflicts? of interest|конфликт интересов|jats xml|"
    r"поступила в редакцию|received)\b.*$", re.I)
_MARKER_RE = re.compile(r"^\s*(?:\[(?P<b>\d{1,6})\]|(?P<n>\d{1,6})[.)])\s+(?=\S)")
_MD_HEADING_RE = re.compile(r"^\s*#{1,6}\s+\S")
_ARTICLE_SIGNS_RE = re.compile(r"^\s*(?:для цитирования|for citation)\s*:?\s*$|^\s*(?:https?://doi\.org/|doi:\s*)10\.",
                               re.I | re.M)


@dataclass
class RawEntry:
    """One reference as it stands in the file: printed number (or None), 1-based first and last
    line, the text (lines joined by "\\n"), and the marker it was printed with ("1. ", "[1] ")."""

    number: str | None
    line: int
    end_line: int
    text: str
    marker: str = ""


@dataclass
class ReferenceSection:
    """Where the reference list is: 1-based inclusive line range, its heading line (None when the
    whole file is the list) and its entries."""

    start_line: int
    end_line: int
    heading_line: int | None
    entries: list[RawEntry] = field(default_factory=list)


def looks_numbered(lines: list[str]) -> bool:
    """True when most non-blank lines that start an entry carry a number marker."""
    content = [ln for ln in lines if ln.strip()]
    if not content:
        return False
    marked = sum(1 for ln in content if _MARKER_RE.match(ln))
    return (marked >= 2 and marked * 3 >= len(content)) or (marked == 1 and len(content) == 1)


def _is_heading_like(line: str, previous: str) -> bool:
    """A short unnumbered line after a finished reference: a new section, not a continuation."""
    s = line.strip()
    if _MD_HEADING_RE.match(line) or _STOP_RE.match(line):
        return True
    finished = re.search(r"[.)\]]\s*$|\d\s*$|https?://\S+\s*$", previous.rstrip())
    return bool(finished) and len(s) < 40 and s[:1].isupper() and not re.search(r"[.,;:/]|\d", s)


def _numbered_entries(lines: list[str], first: int) -> tuple[list[RawEntry], int]:
    """Entries of a numbered list starting at index `first`; also the index of its last line."""
    entries: list[RawEntry] = []
    last = first
    for i in range(first, len(lines)):
        line = lines[i]
        m = _MARKER_RE.match(line)
        if m:
            number = m.group("b") or m.group("n")
            entries.append(RawEntry(number, i + 1, i + 1, line[m.end():].rstrip(), m.group()))
            last = i
        elif not line.strip():
            continue
        elif not entries:
            if _STOP_RE.match(line) or _MD_HEADING_RE.match(line):
                break
            continue
        elif _is_heading_like(line, lines[last]):
            break
        else:
            entries[-1].text += "\n" + line.strip()
            entries[-1].end_line = i + 1
            last = i
    return entries, last


def _continues(previous: str, line: str) -> bool:
    """In an unnumbered list, does `line` carry on the reference of `previous`?"""
    prev = previous.rstrip()
    if re.search(r"[-,:;/–]$|//$|\b(?:and|и|in|In)$", prev):
        return True
    return bool(re.match(r"\s*[a-zа-яё(]", line)) and not re.search(r"\.$", prev)


def _line_entries(lines: list[str], first: int) -> tuple[list[RawEntry], int]:
    entries: list[RawEntry] = []
    last = first
    blank_before = True
    for i in range(first, len(lines)):
        line = lines[i]
        if not line.strip():
            blank_before = True
            continue
        if entries and (_STOP_RE.match(line) or _MD_HEADING_RE.match(line)):
            break
        if entries and not blank_before and _continues(entries[-1].text.split("\n")[-1], line):
            entries[-1].text += "\n" + line.strip()
            entries[-1].end_line = i + 1
        else:
            entries.append(RawEntry(None, i + 1, i + 1, line.strip(), ""))
        last = i
        blank_before = False
    return entries, last


def find_reference_section(text: str) -> ReferenceSection | None:
    """The (first) reference list in `text`, under its heading or the whole text; None if none."""
    sections = find_reference_sections(text)
    return sections[0] if sections else None


def find_reference_sections(text: str) -> list[ReferenceSection]:
    """Every headed reference list in `text`, in order (journal pages often print the list twice:
    "Список литературы" and its Latin-script "References"); the whole text when no heading."""
    lines = split_lines(text)
    headings: list[int | None] = [i for i, ln in enumerate(lines) if _HEADING_RE.match(ln)]
    sections: list[ReferenceSection] = []
    for heading in headings or [None]:
        if sections and heading is not None and heading < sections[-1].end_line:
            continue
        section = _section_at(lines, heading)
        if section is not None:
            sections.append(section)
    return sections


def _section_at(lines: list[str], heading: int | None) -> ReferenceSection | None:
    """The list under the heading at index `heading` (the whole text when None)."""
    first = heading + 1 if heading is not None else 0
    if looks_numbered(lines[first:first + 400]):
        entries, _ = _numbered_entries(lines, first)
    else:
        entries, _ = _line_entries(lines, first)
    if not entries:
        return None
    return ReferenceSection(start_line=entries[0].line, end_line=entries[-1].end_line,
                            heading_line=heading + 1 if heading is not None else None,
                            entries=entries)


def _looks_like_article_page(text: str, section: ReferenceSection | None) -> bool:
    if re.search(r"^\s*(?:для цитирования|for citation)\s*:?\s*$", text, re.I | re.M):
        return True
    if section is None or section.heading_line is None:
        return False
    before = "\n".join(split_lines(text)[:section.heading_line - 1])
    return bool(_ARTICLE_SIGNS_RE.search(before))


def _file_position(lines: list[str], entry: RawEntry, col: int) -> tuple[int, int]:
    """A 1-based column within the entry's text → (line, column) in the file."""
    before = entry.text[:col - 1]
    delta = before.count("\n")
    in_line = len(before) - (before.rfind("\n") + 1)
    line_text = lines[entry.line - 1 + delta]
    indent = len(entry.marker) if delta == 0 else len(line_text) - len(line_text.lstrip())
    return entry.line + delta, indent + in_line + 1


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Every reference of the list as a record (id "ref-<number as printed>" or "ref-<position>").

    A page that prints its list again in another language (a Russian journal's "Список
    литературы" and "References") gives the first as `records` and the other under
    `alternates[language]`, with the same ids; a further list in the same language is appended
    to `records`, so no reference is lost."""
    result = ReadResult()
    lines = split_lines(text)
    sections = find_reference_sections(text)
    main_language = None
    for section in sections:
        records = _section_records(section, lines, source, result.diagnostics)
        language = _section_language(section, lines, records)
        if main_language is None:
            main_language = language
            result.records = records
        elif language != main_language and language not in result.alternates:
            result.alternates[language] = records
        else:
            result.records.extend(records)
    if _looks_like_article_page(text, sections[0] if sections else None):
        from citefmt.readers.page import extract_article_versions

        result.article_versions = extract_article_versions(text, source=source)
        result.article = next(iter(result.article_versions.values()), None)
    return result


def _section_records(section: ReferenceSection, lines: list[str], source: str,
                     diagnostics: list[Diagnostic]) -> list[Record]:
    records = []
    for position, entry in enumerate(section.entries, start=1):
        parsed = parse_reference(entry.text)
        item = dict(parsed.item)
        item["id"] = f"ref-{entry.number}" if entry.number is not None else f"ref-{position}"
        item = {"type": item.pop("type"), "id": item.pop("id")} | item
        records.append(Record(item=item, line=entry.line, raw=entry.text))
        for d in parsed.diagnostics:
            line, col = _file_position(lines, entry, d.col or 1)
            diagnostics.append(
                Diagnostic(d.code, d.message, path=source, line=line, col=col, severity=d.severity))
    return records


def _section_language(section: ReferenceSection, lines: list[str], records: list[Record]) -> str:
    """The language a list is given in: its heading's ("Список литературы" → ru, "References" →
    en: a Russian list may cite mostly English sources), else most of its references'."""
    if section.heading_line is not None:
        return detect_language(lines[section.heading_line - 1])
    counts: dict[str, int] = {}
    for record in records:
        language = primary_subtag(str(record.item.get("language") or "en"))
        counts[language] = counts.get(language, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "en"
