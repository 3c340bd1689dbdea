"""Helpers for the check tests: a data document from CSL-JSON items, findings as tuples, and
the manuscript fixtures with the findings of one code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citefmt.checks import check_text
from citefmt.checks.document import Document, Kind
from citefmt.config import Settings
from citefmt.diagnostics import Diagnostic
from citefmt.model import Item, Record

MANUSCRIPTS = Path(__file__).resolve().parents[1] / "fixtures" / "manuscripts"


def manuscript(name: str) -> str:
    """The text of the manuscript fixture `name`."""
    return (MANUSCRIPTS / name).read_text(encoding="utf-8")


def manuscript_findings(name: str, code: str, **settings: Any) -> list[str]:
    """`check_text` on the manuscript fixture `name`: its `code` findings, formatted."""
    found = check_text(manuscript(name), Settings(**settings), source=name)
    return [d.format() for d in found if d.code == code]


def data_document(*items: Item, kind: Kind = "data") -> Document:
    """A CSL-JSON file's document: item i stands on line i + 1."""
    records = [Record(dict(item), line=i + 1) for i, item in enumerate(items)]
    return Document("refs.json", "", kind, Settings(), records=records,
                    numbers=[None] * len(records))


def brief(diagnostics: list[Diagnostic]) -> list[tuple[int | None, str, str]]:
    return [(d.line, d.code, d.message) for d in diagnostics]


ARTICLE: Item = {
    "type": "article-journal", "id": "moretti2022",
    "author": [{"family": "Moretti", "given": "L"}, {"family": "Stalfort", "given": "J"}],
    "title": "The interplay of fibroblasts, the extracellular matrix, and inflammation in scar "
             "formation",
    "container-title": "J Biol Chem", "issued": {"date-parts": [[2022]]}, "volume": "298",
    "issue": "2", "page": "101530", "PMID": "34953859", "PMCID": "PMC8784641",
    "DOI": "10.1016/j.jbc.2021.101530",
}
