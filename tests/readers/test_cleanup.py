"""The shared clean-up stack: each step on its own, and which readers get it."""

from __future__ import annotations

import json

from citefmt.model import ReadResult, Record
from citefmt.readers import cleanup, get_reader


def test_each_step() -> None:
    item = {"type": "article-journal", "page": "10 -- 20", "DOI": "https://doi.org/10.1000/XYZ1",
            "PMCID": "12345", "language": "Russian",
            "author": [{"family": "  Иванов ", "given": "Иван  Иванович", "suffix": ""},
                       {"given": ""}],
            "issued": {"date-parts": [["2020", "3"]]}}
    cleanup.apply(ReadResult(records=[Record(item=item)]))
    assert item == {"type": "article-journal", "page": "10-20", "DOI": "10.1000/XYZ1",
                    "PMCID": "PMC12345", "language": "ru",
                    "author": [{"family": "Иванов", "given": "Иван Иванович"}],
                    "issued": {"date-parts": [[2020, 3]]}}


def test_a_value_it_cannot_improve_is_kept() -> None:
    item = {"type": "book", "DOI": "not a doi", "page": "e123", "language": "Klingon"}
    cleanup.apply(ReadResult(records=[Record(item=dict(item))]))
    assert cleanup.apply(ReadResult(records=[Record(item=item)])).items == [
        {"type": "book", "DOI": "not a doi", "page": "e123", "language": "Klingon"}]


def test_structured_readers_get_it_csl_json_does_not() -> None:
    ris = get_reader("ris")("TY  - JOUR\nSP  - 10\nEP  - 20\nLA  - Russian\nER  - \n")
    assert ris.items[0]["language"] == "ru"
    as_written = [{"id": "a", "type": "book", "page": "10–20", "language": "Russian"}]
    assert get_reader("csl-json")(json.dumps(as_written)).items == as_written
