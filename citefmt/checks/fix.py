"""`check --fix`: the pure rewrite `fix_text(text, settings) -> str` (I/O is in `files.py`).

What it rewrites:

- a manuscript's reference section: entries renumbered into order of first citation (when the
  text cites by number) with its in-text citations renumbered to match, and, when a style is
  set, every entry re-rendered in that style (a numeric style writes its own numbering; without
  a style the list's markers are kept); whatever stands between entries stays in place;
- a .bib file: tidied by citefmt's BibTeX writer, unless it holds comments, @string or
  @preamble blocks, which the writer cannot keep (the file is then left as it is);
- other formats are left as they are.

Never rewrites a file with an error-severity finding (an unparseable part would be lost), and
never drops an entry: every entry of the old list is in the new one. An entry keeps its own
text when its rendering would lose "et al." (the parsed item cannot record it) or would not
read back into the same rendering (so a second run changes nothing). CRLF files stay CRLF.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise

from citefmt.checks.document import Document, read_document
from citefmt.checks.rendering import differs, list_line, render_entries
from citefmt.config import Settings
from citefmt.diagnostics import has_errors
from citefmt.manuscript import first_citation_order, renumber

_ET_AL_RE = re.compile(r"\bet al\b|\bи др\b", re.I)


def fix_text(text: str, settings: Settings, *, source: str = "<input>", fmt: str | None = None,
             bibliography_keys: Collection[str] = ()) -> str:
    """`text` as `--fix` would write it (unchanged when there is nothing to do or it is unsafe)."""
    crlf = "\r\n" in text
    plain = text.replace("\r\n", "\n") if crlf else text
    doc = read_document(plain, source=source, settings=settings, fmt=fmt,
                        bibliography_keys=bibliography_keys)
    if has_errors(doc.read_diagnostics):
        return text
    if doc.kind == "manuscript":
        fixed = _fix_manuscript(doc)
    elif doc.kind == "bibtex":
        fixed = _tidy_bibtex(doc)
    else:
        return text
    return fixed.replace("\n", "\r\n") if crlf else fixed


def _fix_manuscript(doc: Document) -> str:
    if not doc.entries:
        return doc.text
    order, numbers, text = _renumbered(doc)
    style = doc.settings.style
    rendered = render_entries(doc, order, style) if style else None
    if style is None or rendered is None:
        return _assemble(doc, text, order, numbers, [None] * len(order))
    bodies: list[str | None] = [None if _loses_et_al(doc.entries[i].text, body) else body
                                for i, body in zip(order, rendered, strict=True)]
    fixed = _assemble(doc, text, order, numbers, bodies)
    unstable = _unstable_positions(fixed, doc, style)
    if not unstable:
        return fixed
    bodies = [None if position in unstable else body
              for position, body in enumerate(bodies, start=1)]
    return _assemble(doc, text, order, numbers, bodies)


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


def _tidy_bibtex(doc: Document) -> str:
    import bibtexparser

    library = bibtexparser.parse_string(doc.text)
    if library.comments or library.strings or library.preambles or library.failed_blocks:
        return doc.text
    from citefmt.api import read_text
    from citefmt.writers.bibtex import write

    items = [record.item for record in doc.records]
    tidied = write(items)
    # a rewrite that does not read back into the same items would change again on the next run
    # (or change an entry): the file is kept as it is (issue 10)
    if [r.item for r in read_text(tidied, source=doc.source, fmt="bibtex").records] != items:
        return doc.text
    return tidied
