"""CSL-YAML reader: list, pandoc `references:`, front matter, YAML dates, errors."""

from __future__ import annotations

import pytest

from citefmt.errors import InputError
from citefmt.readers.cslyaml import read


def test_references_mapping_with_yaml_dates_and_lines() -> None:
    text = ("references:\n- id: a\n  type: article-journal\n  issued: 2020-03-05\n  author:\n"
            "  - family: Иванов\n    given: И. И.\n- id: b\n  type: book\n  issued: 2019\n"
            "- id: c\n  type: nope\n")
    result = read(text, source="refs.yaml")
    assert result.items == [
        {"id": "a", "type": "article-journal", "issued": {"date-parts": [[2020, 3, 5]]},
         "author": [{"family": "Иванов", "given": "И. И."}]},
        {"id": "b", "type": "book", "issued": {"date-parts": [[2019]]}},
    ]
    assert [r.line for r in result.records] == [2, 8]
    assert result.records[1].raw == "- id: b\n  type: book\n  issued: 2019"
    assert [d.format() for d in result.diagnostics] == [
        "refs.yaml:11: CF208 item 3 (id 'c'): unknown type 'nope'",
    ]


def test_plain_list_and_date_parts_and_pandoc_citeproc_dates() -> None:
    text = ("- id: a\n  type: book\n  issued:\n    date-parts:\n    - [2001, 2]\n"
            "- id: b\n  type: book\n  issued:\n  - year: 1999\n    month: 12\n")
    assert read(text).items == [
        {"id": "a", "type": "book", "issued": {"date-parts": [[2001, 2]]}},
        {"id": "b", "type": "book", "issued": {"date-parts": [[1999, 12]]}},
    ]


def test_markdown_front_matter() -> None:
    text = ("---\ntitle: Doc\nreferences:\n- id: z\n  type: book\n---\n\nBody text [@z].\n")
    result = read(text)
    assert result.items == [{"id": "z", "type": "book"}]
    assert result.records[0].line == 4


@pytest.mark.parametrize(("text", "message"), [
    ("- id: a\n  type: book\n title: x\n",
     "refs.yaml:3:2: malformed YAML: did not find expected '-' indicator"),
    ("references:\n- id: [a\n", "refs.yaml:3:1: malformed YAML: did not find expected ',' or ']'"),
    ("just text\n", "refs.yaml:1: not CSL-YAML: expected a list of items or a 'references:' list"),
])
def test_malformed_yaml_is_one_line_error(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read(text, source="refs.yaml")
    assert str(caught.value) == message
