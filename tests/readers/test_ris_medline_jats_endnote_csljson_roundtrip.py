"""Every structured format → valid CSL-JSON → CSL-JSON text → the same items again."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.model import validate_item
from citefmt.readers import endnote, jats, medline, ris

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"

CASES = [
    (ris.read, "ris/zotero_multilang.ris", 5),
    (ris.read, "ris/broken.ris", 4),
    (medline.read, "medline/pubmed_export.nbib", 3),
    (jats.read, "jats/article_two_ref_lists.xml", 2),
    (endnote.read, "endnote/library.xml", 3),
]


@pytest.mark.parametrize(("reader", "name", "count"), CASES, ids=[c[1] for c in CASES])
def test_items_are_valid_csl_json_and_survive_the_csl_json_round_trip(reader, name: str,
                                                                       count: int) -> None:
    csljson_reader = pytest.importorskip("citefmt.readers.csljson")
    csljson_writer = pytest.importorskip("citefmt.writers.csljson")
    result = reader((FIXTURES / name).read_text(encoding="utf-8"), source=name)
    items = result.items + [r.item for rs in result.alternates.values() for r in rs]
    if result.article is not None:
        items.append(result.article.item)
    assert len(result.records) == count
    assert [p for i, item in enumerate(items) for p in validate_item(item, index=i)] == []
    again = csljson_reader.read(csljson_writer.write(items)).items
    assert again == items
