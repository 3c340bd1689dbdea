"""`--fix --online` as edits: where each filled value goes in the file's own text (pure).

An edit is an insertion or replacement at character offsets of the (LF) text, carrying the
source that gave the value, so the coordinator's byte-range fix machinery can take them as they
are. Nothing is rewritten around them: the rest of the entry stays byte for byte.

- plain-text lists (Vancouver / NLM form `Journal. YEAR;VOL(ISSUE):PAGES.`): a missing volume
  goes after the `;`, an issue after the volume, pages after them with `:`; a year-only source
  (`Journal. 1997.`) gets `;VOL(ISSUE):PAGES` after the year; an entry with no source block at
  all gets ` YEAR;VOL(ISSUE):PAGES.` after its journal's title. DOI and PMID are appended at the
  end (`doi:10.…`, `PMID: 123`). A value with no certain place (another citation form, GOST's
  `– Т. 5, № 3.`) is not written: it is reported (CF716) with its value and source;
- .bib entries: new `field = {value},` lines before the entry's closing brace, indented like
  its other fields (`year`, `volume`, `number`, `pages` with `--`, `doi`, `pmid`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from citefmt.checks.document import Document
from citefmt.online.verify import Fill

_BLOCK_RE = re.compile(
    r"(?P<year>\b(?:1[5-9]|20)\d\d[a-z]?)(?P<month>\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?"
    r"(?:\s*-\s*[A-Z]?[a-z]{0,2}\s*\d{0,2})?)?\s*;\s*(?P<volume>[^\s(:;.,]+)?\s*"
    r"(?:\((?P<issue>[^)]*)\))?\s*(?::\s*(?P<pages>[^\s.;,]+))?")
_YEAR_ONLY_RE = re.compile(r"\.\s+(?P<year>(?:1[5-9]|20)\d\d[a-z]?)"
                           r"(?P<month>\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\.")
_TAIL_ID_RE = re.compile(r"\s*(?:doi\s*:|https?://|PMID|PMCID|Available)", re.I)
_BIB_NAMES = {"issued": "year", "volume": "volume", "issue": "number", "page": "pages",
              "DOI": "doi", "PMID": "pmid"}


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `text`; `reason` names the value's source."""

    start: int
    end: int
    text: str
    reason: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with non-overlapping `edits` applied (insertions at one offset keep their order)."""
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[0]), reverse=True)
    for _, edit in ordered:
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text


def plan_edits(doc: Document, fills: Sequence[Fill]) -> tuple[list[Edit], list[Fill]]:
    """Edits placing `fills` in `doc.text`, and the fills that have no certain place."""
    by_index: dict[int, list[Fill]] = {}
    for fill in fills:
        by_index.setdefault(fill.index, []).append(fill)
    edits: list[Edit] = []
    unplaced: list[Fill] = []
    for index, group in by_index.items():
        if doc.kind == "manuscript":
            placed, left = _manuscript_edits(doc, index, group)
        elif doc.kind == "bibtex":
            placed, left = _bib_edits(doc, index, group)
        else:
            placed, left = [], group
        edits += placed
        unplaced += left
    return edits, unplaced


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    return offsets


def _reason(fill: Fill) -> str:
    return f"{fill.label} {fill.shown} from {fill.record.where}"


# --- plain-text lists ---------------------------------------------------------------------------

def _manuscript_edits(doc: Document, index: int, fills: list[Fill]
                      ) -> tuple[list[Edit], list[Fill]]:
    line = doc.records[index].line
    entry = next((e for e in doc.entries if e.line == line), None)
    if entry is None:
        return [], fills
    offsets = _line_offsets(doc.text)
    start, end = offsets[entry.line - 1], offsets[entry.end_line] - 1
    body = doc.text[start:end]
    want = {f.variable: f for f in fills}
    edits: list[Edit] = []
    source_fills = [want.pop(v) for v in ("issued", "volume", "issue", "page") if v in want]
    placed = _source_block_edits(body, source_fills, doc.records[index].item)
    for edit, fill in placed:
        edits.append(Edit(start + edit.start, start + edit.end, edit.text, edit.reason))
        source_fills.remove(fill)
    tail = [want.pop(v) for v in ("DOI", "PMID") if v in want]
    if tail:
        stripped = body.rstrip()
        joiner = " " if stripped.endswith(".") else ". "
        parts = [f"doi:{f.value}" if f.variable == "DOI" else f"PMID: {f.value}" for f in tail]
        at = start + len(stripped)
        edits.append(Edit(at, at, joiner + ". ".join(parts), "; ".join(map(_reason, tail))))
    return edits, source_fills + list(want.values())


def _source_block_edits(body: str, fills: list[Fill], item: dict[str, object]
                        ) -> list[tuple[Edit, Fill]]:
    """Insertions of year/volume/issue/pages into a Vancouver source block of `body`."""
    want = {f.variable: f for f in fills}
    if not want:
        return []
    blocks = list(_BLOCK_RE.finditer(body))
    if blocks and "issued" not in want:
        return _into_block(blocks[-1], want)
    year_only = list(_YEAR_ONLY_RE.finditer(body))
    if year_only and "issued" not in want:
        m = year_only[-1]
        at = m.end() - 1  # before the period that ends the year
        return _append_source(at, want, with_year=False)
    if "issued" in want and not blocks and not year_only:
        journal = item.get("container-title")
        if isinstance(journal, str) and journal:
            position = body.find(journal + ".")
            if position >= 0:
                after = position + len(journal) + 1
                rest = body[after:]
                if not rest.strip() or _TAIL_ID_RE.match(rest):
                    return _append_source(after, want, with_year=True, closing=".")
    return []


def _into_block(m: re.Match[str], want: dict[str, Fill]) -> list[tuple[Edit, Fill]]:
    out: list[tuple[Edit, Fill]] = []
    has_volume = m.group("volume") is not None
    if not has_volume and "volume" not in want:
        return out
    # after ";" (volume), after the volume (issue), after the issue (pages)
    semicolon = m.start() + m.group(0).index(";") + 1
    volume_end = m.end("volume") if has_volume else semicolon
    if "volume" in want and not has_volume:
        fill = want["volume"]
        out.append((Edit(semicolon, semicolon, str(fill.value), _reason(fill)), fill))
    issue_end = m.end("issue") + 1 if m.group("issue") is not None else volume_end
    if "issue" in want and m.group("issue") is None:
        fill = want["issue"]
        out.append((Edit(volume_end, volume_end, f"({fill.value})", _reason(fill)), fill))
    if "page" in want and m.group("pages") is None:
        fill = want["page"]
        out.append((Edit(issue_end, issue_end, f":{fill.value}", _reason(fill)), fill))
    return out


def _append_source(at: int, want: dict[str, Fill], *, with_year: bool, closing: str = ""
                   ) -> list[tuple[Edit, Fill]]:
    """`[ YEAR];VOL(ISSUE):PAGES` at `at`, one edit per value (all at the same offset)."""
    if "volume" not in want:
        return []
    out: list[tuple[Edit, Fill]] = []
    if with_year:
        fill = want["issued"]
        out.append((Edit(at, at, f" {fill.shown}", _reason(fill)), fill))
    pieces = [("volume", ";{}"), ("issue", "({})"), ("page", ":{}")]
    for variable, form in pieces:
        if variable in want:
            fill = want[variable]
            out.append((Edit(at, at, form.format(fill.value), _reason(fill)), fill))
    if closing:
        last_edit, last_fill = out[-1]
        out[-1] = (Edit(at, at, last_edit.text + closing, last_edit.reason), last_fill)
    return out


# --- .bib ------------------------------------------------------------------------------------

def _bib_edits(doc: Document, index: int, fills: list[Fill]) -> tuple[list[Edit], list[Fill]]:
    line = doc.records[index].line
    if line is None:
        return [], fills
    text = doc.text
    start = _line_offsets(text)[line - 1]
    opening = text.find("{", start)
    close = _closing_brace(text, opening) if opening >= 0 else None
    if close is None:
        return [], fills
    entry = text[start:close]
    indent_match = re.search(r"\n([ \t]+)\w[\w-]*\s*=", entry)
    indent = indent_match.group(1) if indent_match else "  "
    last = len(text[:close].rstrip())
    comma = "" if text[:last].endswith(",") else ","
    lines = []
    for fill in fills:
        value = fill.shown if fill.variable == "issued" else str(fill.value)
        if fill.variable == "page":
            value = re.sub(r"\s*[-–—]+\s*", "--", value)
        lines.append(f"\n{indent}{_BIB_NAMES[fill.variable]} = {{{value}}},")
    reason = "; ".join(_reason(f) for f in fills)
    return [Edit(last, last, comma + "".join(lines), reason)], []


def _closing_brace(text: str, opening: int) -> int | None:
    depth = 0
    for position in range(opening, len(text)):
        char = text[position]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return position
        elif char == "@" and depth == 1 and text[position - 1] == "\n":
            return None  # the next entry began: this one never closed
    return None
