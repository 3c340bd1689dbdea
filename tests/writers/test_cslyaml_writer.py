"""CSL-YAML writer: pandoc's `references:` form, Unicode kept, numbers-as-strings quoted."""

from __future__ import annotations

from citefmt.readers.cslyaml import read
from citefmt.writers.cslyaml import write


def test_exact_layout() -> None:
    item = {"title": "Тест: 2020", "id": "a", "type": "book", "volume": "12",
            "issued": {"date-parts": [[2019], [2020]]}, "keyword": ["a", "b"]}
    text = write([item])
    assert text == """references:
- id: a
  type: book
  title: 'Тест: 2020'
  issued:
    date-parts:
    - [2019]
    - [2020]
  volume: '12'
  keyword: [a, b]
"""
    assert read(text).items == [item]
