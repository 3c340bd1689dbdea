"""Text edits at known ranges: how `--fix` changes a file (the model of ruff and pyupgrade).

A fix is one or more `Edit`s — replace `text[start:end]` with `replacement` — on the decoded
text of a file. Everything outside the edited ranges stays exactly as it was, byte for byte:
applying edits never re-serialises anything. A `Fix` groups the edits one finding needs (a
renumbering touches the citations and the list at once) and is applied whole or not at all.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` (offsets into the decoded text) with `replacement`."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit range {self.start}..{self.end}")


@dataclass(frozen=True)
class Fix:
    """The edits that repair one finding, applied together or not at all."""

    edits: tuple[Edit, ...]
    #: what the fix does, in a few words ("insert the missing comma")
    message: str = ""

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    def to_json(self) -> dict[str, object]:
        return {"message": self.message,
                "edits": [{"start": e.start, "end": e.end, "content": e.replacement}
                          for e in self.edits]}


def overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits touch the same text (two insertions at one point count as touching:
    their order would be ambiguous)."""
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


def compatible(fix: Fix, taken: Sequence[Edit]) -> bool:
    """`fix` can be applied together with the edits already `taken`."""
    return not any(overlaps(e, t) for e in fix.edits for t in taken)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with non-overlapping `edits` applied; every character outside them is kept."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    pieces: list[str] = []
    pos = 0
    for edit in ordered:
        if edit.start < pos or edit.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit at {edit.start}")
        pieces.append(text[pos:edit.start])
        pieces.append(edit.replacement)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)


def line_diff_edits(old: str, new: str) -> tuple[Edit, ...]:
    """The edits (whole lines) that turn `old` into `new`: for a rewrite computed as a whole
    text, so that what it did not change is provably left alone."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line))
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    return tuple(Edit(starts[i1], starts[i2], "".join(new_lines[j1:j2]))
                 for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


class LineIndex:
    """Offsets ↔ 1-based line numbers of one text, in logarithmic time."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def offset(self, line: int) -> int:
        """Where 1-based `line` starts."""
        return self.starts[min(max(line, 1), len(self.starts)) - 1]


class CrlfMap:
    """Offsets into a text with CRLF turned into LF → offsets into the original text.

    Checks read the LF form; edits must land on the original, whose other line endings (and
    lone CRs) are kept as they are."""

    def __init__(self, original: str) -> None:
        self.original = original
        # positions, in the LF text, of each LF that was a CRLF
        self.lf_positions: list[int] = []
        removed = 0
        at = original.find("\r\n")
        while at >= 0:
            self.lf_positions.append(at - removed)
            removed += 1
            at = original.find("\r\n", at + 2)

    @property
    def identity(self) -> bool:
        return not self.lf_positions

    def offset(self, lf_offset: int) -> int:
        return lf_offset + bisect.bisect_left(self.lf_positions, lf_offset)

    def edit(self, edit: Edit) -> Edit:
        """`edit` on the LF text as an edit on the original; its new line breaks are written as
        CRLF when the line break it replaces (or the file, mostly) uses CRLF."""
        if self.identity:
            return edit
        replacement = edit.replacement
        if "\n" in replacement and self._crlf_near(edit):
            replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
        return Edit(self.offset(edit.start), self.offset(edit.end), replacement)

    def _crlf_near(self, edit: Edit) -> bool:
        inside = bisect.bisect_left(self.lf_positions, edit.start) < \
            bisect.bisect_left(self.lf_positions, edit.end)
        if inside:
            return True
        return self.original.count("\r\n") * 2 >= self.original.count("\n")

    def fix(self, fix: Fix) -> Fix:
        if self.identity:
            return fix
        return Fix(tuple(self.edit(e) for e in fix.edits), fix.message)
