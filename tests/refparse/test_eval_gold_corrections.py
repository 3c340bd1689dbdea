"""Corrections of anystyle gold: auditable (original tags kept, one note each) and applied by the
build."""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType

import pytest
from helpers import REPO

from citefmt.refparse.tagger.fields import item_from_segments
from citefmt_train.dataset import reference_text

CORRECTIONS = REPO / "eval" / "anystyle_gold_corrections.jsonl"
DEVSET = REPO / "eval" / "devset.jsonl"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_devset_corrections",
                                                  REPO / "tools" / "build_devset.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _corrections() -> list[dict]:
    return [json.loads(line)
            for line in CORRECTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_correction_keeps_the_original_tags_and_says_why() -> None:
    corrections = _corrections()
    assert len(corrections) == len({c["id"] for c in corrections}) == 29
    for correction in corrections:
        assert set(correction) == {"id", "anystyle_tags", "set", "remove", "note"}
        assert correction["id"].startswith(("anystyle-ugly-", "anystyle-bad-", "anystyle-gold-"))
        assert correction["anystyle_tags"] and correction["note"].strip()
        assert correction["set"] or correction["remove"]


def test_devset_holds_the_corrected_gold_of_every_corrected_record() -> None:
    dev = {r["id"]: r for r in (json.loads(line) for line in DEVSET.open(encoding="utf-8"))}
    for correction in _corrections():
        record = dev[correction["id"]]
        tags = [(label, text) for label, text in correction["anystyle_tags"]]
        assert record["text"] == reference_text(tags)
        original = item_from_segments(tags)
        expected = {k: v for k,
                    v in original.items() if k not in correction["remove"]} | correction["set"]
        assert record["gold"] == expected
        assert record["provenance"].endswith("gold corrected: " + correction["note"])


def test_a_correction_whose_tags_do_not_match_the_record_is_refused() -> None:
    builder = _builder()
    tags = [["author", "Орлов А.А."], ["title", "Заглавие //"], ["journal", "Журнал."],
            ["date", "2001."]]
    record = {"id": "anystyle-ugly-1", "text": reference_text([tuple(t) for t in tags]),
              "gold": item_from_segments([tuple(t) for t in tags]),
              "provenance": "anystyle ugly.xml #1"}
    fixed = builder.apply_correction(record, {"id": "anystyle-ugly-1", "anystyle_tags": tags,
                                              "set": {"issue": "2"}, "remove": ["issued"],
                                              "note": "n"})
    assert fixed["gold"]["issue"] == "2" and "issued" not in fixed["gold"]
    assert fixed["provenance"] == "anystyle ugly.xml #1; gold corrected: n"
    other = [["author", "Орлов А.А."], ["title", "Заглавие // Журнал."], ["date", "2001."]]
    with pytest.raises(ValueError, match="do not match"):
        builder.apply_correction(record, {"id": "anystyle-ugly-1", "anystyle_tags": other,
                                          "set": {}, "remove": [], "note": "n"})
