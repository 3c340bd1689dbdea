"""CSL-JSON writer: exact layout, key order, Unicode kept."""

from __future__ import annotations

from citefmt.writers.csljson import write


def test_exact_layout_and_key_order() -> None:
    item = {"page": "1-10", "title": "Тест", "issued": {"date-parts": [[2020, 3, 5]]},
            "type": "article-journal", "zzz-custom": 1, "DOI": "10.1/x",
            "author": [{"given": "И. И.", "family": "Иванов"}], "id": "a"}
    assert write([item]) == """[
  {
    "id": "a",
    "type": "article-journal",
    "author": [
      {
        "family": "Иванов",
        "given": "И. И."
      }
    ],
    "title": "Тест",
    "issued": {
      "date-parts": [[2020, 3, 5]]
    },
    "page": "1-10",
    "DOI": "10.1/x",
    "zzz-custom": 1
  }
]
"""


def test_empty_list() -> None:
    assert write([]) == "[]\n"
