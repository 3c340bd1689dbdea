"""`check --fix`: findings carry text edits; `fix_text` applies them and nothing else.

The model is ruff's: a finding that can be repaired carries a `Fix` — edits at known ranges of
the decoded text — and `fix_text(text, findings)` applies the fixes that do not overlap,
leaving every other character exactly as it was. A file is never re-serialised, so keys,
entry types, field order, unknown fields, @string/@preamble/@comment blocks, % comments, value
delimiters, LaTeX, line endings and encoding survive untouched. A fix that overlaps one already
taken waits for the next pass (`citefmt.checks.fix_document` repeats until nothing applies).

Where the fixes come from:

- a .bib file: the edits of `citefmt.checks.bibtex_fixes` (CF500 DOI as URL, CF501 bare `&`,
  and the reader's CF113 missing comma and CF112 repeated identical field);
- a page that prints its list twice, with `translit` set: its "References" block written anew
  from the original list (on CF600–CF604);
- a manuscript's reference section: its entries renumbered into order of first citation (when
  the text cites by number) with its in-text citations renumbered to match (on the first CF305,
  or CF301/CF302 when the numbering itself is off), and, when a style is set, each entry that
  differs from its rendering re-written in that style (on its CF306). Whatever stands between
  entries stays in place. A manuscript whose list could not be read (an error-severity finding)
  gets no manuscript fixes. An entry keeps its own text when its rendering would lose "et al."
  (the parsed item cannot record it) or would not read back into the same rendering (so a
  second run changes nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from citefmt.checks import bibtex_fixes
from citefmt.checks.document import Document, read_document
from citefmt.checks.rendering import differs, list_line, render_entries
from citefmt.diagnostics import Diagnostic, has_errors
from citefmt.edits import Edit, Fix, LineIndex, apply_edits, compatible, line_diff_edits
from citefmt.manuscript import first_citation_order, renumber

_ET_AL_RE = re.compile(r"\bet al\b|\bи др\b", re.I)
#: findings a renumbering of the reference list repairs, in the order a fix is attached to them
_NUMBERING_CODES = ("CF305", "CF301", "CF302")


@dataclass(frozen=True)
class Candidate:
    """A fix waiting for the finding that names it: `codes` (any of them), at `line` (None:
    the first such finding in the file)."""

    codes: tuple[str, ...]
    line: int | None
    fix: Fix


def fix_text(text: str, findings: list[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """`text` with the fixes of `findings` applied, and the findings whose fix was applied.

    Fixes are taken in text order; one that overlaps a fix already taken is left for the
    next pass. Pure: no I/O, and no character outside an applied edit changes."""
    taken: list[Edit] = []
    applied: list[Diagnostic] = []
    fixable = [d for d in findings if d.fix is not None and d.fix.edits]
    for finding in sorted(fixable, key=lambda d: (d.fix.start, d.fix.end) if d.fix else (0, 0)):
        assert finding.fix is not None
        if compatible(finding.fix, taken):
            taken.extend(finding.fix.edits)
            applied.append(finding)
    if not applied:
        return text, []
    return apply_edits(text, taken), applied


def attach_fixes(doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
    """`found` with each candidate fix attached to the finding that names it. A candidate no
    finding names is dropped: `--fix` changes nothing that is not reported."""
    candidates = list(_candidates(doc))
    if not candidates:
        return found
    out: list[Diagnostic] = []
    used: set[int] = set()
    for finding in found:
        if finding.fix is None:
            for number, candidate in enumerate(candidates):
                if number in used or finding.code not in candidate.codes:
                    continue
                if candidate.line is not None and candidate.line != finding.line:
                    continue
                finding = replace(finding, fix=candidate.fix)
                used.add(number)
                break
        out.append(finding)
    return out


def _candidates(doc: Document) -> list[Candidate]:
    if doc.kind == "bibtex":
        return [Candidate((code,), line, fix)
                for (code, line), fix in bibtex_fixes.reader_fixes(doc).items()]
    if doc.kind == "manuscript":
        return _manuscript_candidates(doc) + _references_list_candidates(doc)
    return []


#: findings a regenerated "References" list repairs (citefmt.checks.references_list)
_REFERENCES_LIST_CODES = ("CF600", "CF601", "CF602", "CF603", "CF604")


def _references_list_candidates(doc: Document) -> list[Candidate]:
    """A page that prints its list twice, with `translit` set: its "References" block written
    anew from the original list, on the first finding that the two lists do not correspond."""
    scheme = doc.settings.translit
    if not scheme:
        return []
    from citefmt.checks.references_list import regenerate

    edit = regenerate(doc.text, scheme, source=doc.source)
    if edit is None:
        return []
    return [Candidate(_REFERENCES_LIST_CODES, None,
                      Fix((edit,), "write the References list anew from the original list"))]


def _manuscript_candidates(doc: Document) -> list[Candidate]:
    if has_errors(doc.read_diagnostics) or not doc.entries:
        return []
    order, numbers, text = _renumbered(doc)
    renumbered = _assemble(doc, text, order, numbers, [None] * len(order))
    if renumbered != doc.text:
        return [Candidate(_NUMBERING_CODES, None,
                          Fix(line_diff_edits(doc.text, renumbered),
                              "renumber the references into order of first citation"))]
    style = doc.settings.style
    if style is None:
        return []
    return _rendering_candidates(doc, style)


def _rendering_candidates(doc: Document, style: str) -> list[Candidate]:
    """One CF306 fix per entry whose rendering differs: its lines become the style's line."""
    identity = list(range(len(doc.entries)))
    numbers = [e.number for e in doc.entries]
    rendered = render_entries(doc, identity, style)
    if rendered is None:
        return []
    bodies: list[str | None] = [None if _loses_et_al(entry.text, body) else body
                                for entry, body in zip(doc.entries, rendered, strict=True)]
    fixed = _assemble(doc, doc.text, identity, numbers, bodies)
    unstable = _unstable_positions(fixed, doc, style)
    lines = LineIndex(doc.text)
    text_lines = doc.text.split("\n")
    found: list[Candidate] = []
    for position, (entry, body) in enumerate(zip(doc.entries, bodies, strict=True), start=1):
        if body is None or position in unstable or not differs(entry, position, body):
            continue
        first = text_lines[entry.line - 1]
        indent = first[:len(first) - len(first.lstrip())]
        new = indent + list_line(_marker(entry.marker, entry.number), position, body)
        start = lines.offset(entry.line)
        end = lines.starts[entry.end_line] - 1 if entry.end_line < len(lines.starts) \
            else len(doc.text)
        found.append(Candidate(("CF306",), entry.line,
                               Fix((Edit(start, end, new),), f"write the {style} rendering")))
    return found


def _renumbered(doc: Document) -> tuple[list[int], list[int | None], str]:
    """New entry order, each position's number, and the text with its citations renumbered.

    A list with unnumbered or repeated numbers keeps its order and numbers: citations of a
    repeated number cannot be told apart."""
    entries = doc.entries
    numbers = [e.number for e in entries]
    given = [n for n in numbers if n is not None]
    if len(given) < len(numbers) or len(set(given)) < len(given) or _dangling(doc, given):
        return list(range(len(entries))), numbers, doc.text
    order = _new_order(doc)
    mapping = {given[index]: position for position, index in enumerate(order, start=1)}
    text = renumber(doc.text, doc.numeric_citations, mapping)
    return order, list(range(1, len(order) + 1)), text


def _dangling(doc: Document, given: list[int]) -> bool:
    """A citation of a number the list does not have (CF304): renumbering would make it point
    at another reference (issue 10), so the numbering is left for the user to repair."""
    known = set(given)
    return any(n not in known for c in doc.numeric_citations for n in c.numbers)


def _assemble(doc: Document, text: str, order: list[int], numbers: list[int | None],
              bodies: list[str | None]) -> str:
    """`text` with its reference section rebuilt: entry `order[i]` at position i + 1, written
    as `bodies[i]` (None: its own lines, renumbered)."""
    entries = doc.entries
    lines = text.split("\n")
    block: list[str] = []
    # whatever stands between two entries (blank lines, comments) stays between the same positions
    gaps = [lines[a.end_line:b.line - 1] for a, b in pairwise(entries)]
    placed = zip(order, numbers, bodies, strict=True)
    for position, (index, number, body) in enumerate(placed, start=1):
        entry = entries[index]
        original = lines[entry.line - 1:entry.end_line]
        if body is None:
            block.extend([_renumber_marker(original[0], entry.marker, number), *original[1:]])
        else:
            indent = original[0][:len(original[0]) - len(original[0].lstrip())]
            block.append(indent + list_line(_marker(entry.marker, number), position, body))
        if position < len(order):
            block.extend(gaps[position - 1])
    return "\n".join(lines[:entries[0].line - 1] + block + lines[entries[-1].end_line:])


def _unstable_positions(fixed: str, doc: Document, style: str) -> set[int]:
    """Positions whose new text does not read back into the same rendering: writing them would
    make `--fix` change the file again next time (or change the reference), so they keep
    their own text."""
    again = read_document(fixed, source=doc.source, settings=doc.settings,
                          bibliography_keys=doc.bibliography_keys)
    everything = set(range(1, len(doc.entries) + 1))
    if len(again.entries) != len(doc.entries) or has_errors(again.read_diagnostics):
        return everything
    rendered = render_entries(again, range(len(again.entries)), style)
    if rendered is None:
        return everything
    pairs = zip(again.entries, rendered, strict=True)
    return {position for position, (entry, text) in enumerate(pairs, start=1)
            if differs(entry, position, text)}


def _loses_et_al(written: str, rendered: str) -> bool:
    """The parsed item does not record "et al.", so a rendering of a truncated author list
    would silently claim the list is complete: such an entry keeps its own text."""
    return bool(_ET_AL_RE.search(written)) and not _ET_AL_RE.search(rendered)


def _new_order(doc: Document) -> list[int]:
    """Entry indices in first-citation order, uncited entries after them in list order."""
    entries = doc.entries
    if not doc.cites_by_number:
        return list(range(len(entries)))
    index_of = {entry.number: index for index, entry in enumerate(entries)}
    cited = [index_of[n] for n in first_citation_order(doc.numeric_citations) if n in index_of]
    taken = set(cited)
    return cited + [i for i in range(len(entries)) if i not in taken]


def _marker(marker: str, number: int | None) -> str:
    if number is None:
        return marker
    return re.sub(r"\d+", str(number), marker, count=1)


def _renumber_marker(line: str, marker: str, number: int | None) -> str:
    at = line.find(marker)
    if at < 0 or number is None:
        return line
    return line[:at] + _marker(marker, number) + line[at + len(marker):]


