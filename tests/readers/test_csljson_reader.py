"""CSL-JSON reader: accepted shapes, item lines, CF208 for invalid items, malformed JSON."""

from __future__ import annotations

import pytest

import citefmt.readers.csljson as csljson
from citefmt.errors import InputError
from citefmt.readers.csljson import read

ITEM = {"id": "a", "type": "book", "title": "T"}


@pytest.mark.parametrize("text", [
    '[{"id": "a", "type": "book", "title": "T"}]',
    '{"items": [{"id": "a", "type": "book", "title": "T"}]}',
    '{"id": "a", "type": "book", "title": "T"}',
    '\ufeff[{"id": "a", "type": "book", "title": "T"}]',
])
def test_accepted_shapes(text: str) -> None:
    assert read(text).items == [ITEM]


def test_lines_raw_text_and_invalid_items() -> None:
    text = ('[\n  {"id": "a", "type": "article-journal", "issued": "2020-03-05"},\n'
            '  {"id": "b", "type": "bogus"},\n  {\n    "id": "c", "type": "book",\n'
            '    "author": [{"family": "Иванов", "given": "И."}]\n  },\n  "text"\n]\n')
    result = read(text, source="refs.json")
    assert [(r.item["id"], r.line) for r in result.records] == [("a", 2), ("c", 4)]
    assert result.records[0].item["issued"] == {"date-parts": [[2020, 3, 5]]}
    assert result.records[1].raw == ('{\n    "id": "c", "type": "book",\n'
                                     '    "author": [{"family": "Иванов", "given": "И."}]\n  }')
    assert [d.format() for d in result.diagnostics] == [
        "refs.json:3: CF208 item 2 (id 'b'): unknown type 'bogus'",
        "refs.json: CF208 item 4: expected an object, got str",
    ]
    assert all(d.severity == "error" for d in result.diagnostics)


def test_date_parts_strings_become_numbers() -> None:
    text = '[{"id": "a", "type": "book", "issued": {"date-parts": [["2020", "3"]]}}]'
    assert read(text).items[0]["issued"] == {"date-parts": [[2020, 3]]}


@pytest.mark.parametrize(("text", "message"), [
    ('[{"id": "a" "type": "book"}]', "refs.json:1:13: malformed JSON: expected ',' delimiter"),
    ('[\n  {"id": "a", "type": "book",}\n]',
     "refs.json:2:30: malformed JSON: expected property name enclosed in double quotes"),
    ('"just a string"', "refs.json:1: not CSL-JSON: expected a list of items, "
                        '{"items": [...]} or one item object'),
])
def test_malformed_json_is_one_line_error(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read(text, source="refs.json")
    assert str(caught.value) == message


@pytest.mark.parametrize("text", [
    '\ufeff [\n {"id": "a", "type": "book", "note": "x\\ud800y", "issued": 2020},\n\t[1, {"b": 2}]'
    ', "s", 3.5, {"id": "b", "type": "book", "author": [{"family": "Müller", '
    '"given": "A\\u00e9"}]}\r\n]\n ',
    '[]', '  [ ]  ', '[{"id": "a", "type": "book"}] x', '[{"id": "a", "type": "book"},]',
    '[{"id": "a", "type": "book"} {"id": "b"}]', '[NaN]', '[1e999]', '[{"id": "a"',
    '[' + '[' * 199 + ']' * 200, '[' + '[' * 200 + ']' * 201,
])
def test_item_list_fast_path_reads_as_the_python_scanner(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A top-level list is parsed item by item by json's C scanner (speed); records, their
    lines and raw text, diagnostics and errors are those of the Python scanner's path."""
    def outcome() -> object:
        try:
            result = read(text, source="refs.json")
        except InputError as exc:
            return exc.format()
        return ([(r.item, r.line, r.raw) for r in result.records],
                [d.format() for d in result.diagnostics])

    fast = outcome()
    monkeypatch.setattr(csljson, "_load_item_list", lambda body: None)
    assert fast == outcome()
