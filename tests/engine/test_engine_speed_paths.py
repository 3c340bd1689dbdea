"""The third speed round's direct paths build what citeproc-py builds (issue 11, part 4):
`punctuation.concatenate` the MixedString citeproc-py's `+` operators give (segments, their
types, the seam `normalize_seam` settles), and `FormattedJSONSource.add_item` the reference
citeproc-py's JSON reader and `Reference` give. The oracle is citeproc-py itself, run on the
same input."""

from __future__ import annotations

from typing import Any

from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String
from hypothesis import given, settings
from hypothesis import strategies as st

from citefmt.engine.name_elements import AffixedNames
from citefmt.engine.punctuation import ClosingQuote, concatenate
from citefmt.engine.source import FormattedJSONSource, _citeproc_fields

_TEXT = st.text(alphabet=" .,;:!?ab", min_size=0, max_size=4)
_SEGMENT = st.one_of(_TEXT, _TEXT.map(String), _TEXT.map(ClosingQuote))
_LEFT = st.one_of(_TEXT.filter(bool), _TEXT.filter(bool).map(String))
_RIGHT = st.one_of(
    _TEXT.filter(bool), _TEXT.filter(bool).map(String),
    st.lists(_SEGMENT, min_size=1, max_size=4).map(MixedString),
    st.lists(_SEGMENT, min_size=1, max_size=4).map(
        lambda segments: AffixedNames(MixedString(segments))))


def shape(value: Any) -> Any:
    """A value's type and, for a MixedString, each segment's shape (nested lists too)."""
    if isinstance(value, list):
        return type(value), [shape(s) for s in value]
    return type(value), str(value)


@settings(max_examples=400, deadline=None)
@given(_LEFT, _RIGHT)
def test_concatenate_builds_what_citeproc_operators_build(left: Any, right: Any) -> None:
    if right == "" or right == []:  # concatenate returns `left` itself before any operator
        return
    assert shape(concatenate(left, right)) == shape(left + right)


def test_concatenate_leaves_a_mixedstring_subclass_to_the_operators() -> None:
    right = AffixedNames(MixedString([String("Doe J"), String(", Roe R")]))
    for left in ("see ", String("see ")):
        assert list.__repr__(concatenate(left, right)) == list.__repr__(left + right)
        assert type(concatenate(left, right)) is type(left + right)


ITEMS: list[dict[str, Any]] = [
    {"id": "Smith2020", "type": "article-journal", "title": "Why <i>scars</i>?",
     "author": [{"family": "van Gogh", "given": "Vincent"}, {"literal": "WHO"}],
     "issued": {"date-parts": [[2020, 3, 15]]}, "page": "3841-3850", "volume": "295",
     "language": "en-GB", "shortTitle": "Why", "container-title": "J Biol Chem",
     "accessed": {"raw": "2021-05-01"}, "note": "keep me", "key": "ignored"},
    {"id": "b", "type": "book", "editor": [{"family": "Doe", "given": "John, Jr."}],
     "issued": {"date-parts": [[1999, 22]]}, "publisher": "P & Q", "edition": "2"},
]


def read(prepared: dict[str, Any], fmt: str, direct: bool) -> Any:
    source = FormattedJSONSource(fmt, "en")
    if direct:
        source.add_item(prepared)
    else:  # citeproc-py's reader: Reference built, then copied by `FormattedJSONSource.add`
        CiteProcJSON.__init__(source, [prepared])
    (reference,) = source.values()
    return source, reference


def test_references_built_as_citeproc_reader_builds_them() -> None:
    for fmt in ("text", "html"):
        for index, item in enumerate(ITEMS):
            prepared = _citeproc_fields(item, f"k{index}")
            ours_source, ours = read(prepared, fmt, direct=True)
            theirs_source, theirs = read(prepared, fmt, direct=False)
            assert list(ours_source) == list(theirs_source)
            assert type(ours) is type(theirs)
            assert list(dict.keys(ours)) == list(dict.keys(theirs))
            for key in dict.keys(theirs):
                mine, other = dict.__getitem__(ours, key), dict.__getitem__(theirs, key)
                assert shape(mine) == shape(other), key
                assert mine == other, key
            assert ours.__dict__ == theirs.__dict__
            assert ours.language == theirs.language
