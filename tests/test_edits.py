"""`citefmt.edits`: applying edits keeps every character outside them; CRLF offsets map back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citefmt.edits import CrlfMap, Edit, LineIndex, apply_edits, line_diff_edits

TEXT = st.text(alphabet="ab\n\r é{}", max_size=60)
LF_TEXT = st.text(alphabet="ab\n é{}", max_size=60)


@st.composite
def text_and_edits(draw: st.DrawFn, texts: st.SearchStrategy[str] = TEXT
                   ) -> tuple[str, list[Edit]]:
    text = draw(texts)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        edits.append(Edit(start, end, draw(st.text(alphabet="XY\n", max_size=4))))
    return text, edits


@given(text_and_edits())
def test_text_between_edits_is_kept_verbatim(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    out = apply_edits(text, edits)
    pos = 0
    at = 0
    for edit in sorted(edits, key=lambda e: e.start):
        kept = text[pos:edit.start]
        assert out[at:at + len(kept)] == kept
        at += len(kept) + len(edit.replacement)
        pos = edit.end
    assert out[at:] == text[pos:]


@given(text_and_edits(LF_TEXT))
def test_edits_on_the_lf_text_land_on_the_same_characters_of_the_crlf_text(
        case: tuple[str, list[Edit]]) -> None:
    lf, edits = case
    crlf = lf.replace("\n", "\r\n")
    mapping = CrlfMap(crlf)
    mapped = [mapping.edit(e) for e in edits]
    assert apply_edits(crlf, mapped).replace("\r\n", "\n") == apply_edits(lf, edits)


@given(TEXT, TEXT)
def test_line_diff_edits_turn_old_into_new(old: str, new: str) -> None:
    assert apply_edits(old, line_diff_edits(old, new)) == new


def test_line_index() -> None:
    lines = LineIndex("ab\ncd\n\nef")
    assert [lines.line(i) for i in (0, 2, 3, 6, 7, 9)] == [1, 1, 2, 3, 4, 4]
    assert [lines.offset(n) for n in (1, 2, 3, 4)] == [0, 3, 6, 7]
