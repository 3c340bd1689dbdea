"""eval/devset.jsonl is what `python tools/build_devset.py` builds, byte for byte (eval/README.md
says so): a change in the synthetic generator, its vocabulary or the tag-to-field rules that
moves any dev record shows up here, not silently in the figures."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from helpers import REPO, shared_path

DEVSET = REPO / "eval" / "devset.jsonl"


def _changed_ids(committed: bytes, rebuilt: bytes) -> list[str]:
    """Ids of the records that differ, were added or were dropped (for a readable failure)."""
    def by_id(data: bytes) -> dict[str, str]:
        return {json.loads(line)["id"]: line for line in data.decode("utf-8").splitlines()}
    old, new = by_id(committed), by_id(rebuilt)
    return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))


def test_build_devset_reproduces_the_committed_file(tmp_path: Path) -> None:
    anystyle = shared_path("training", "anystyle")
    spec = importlib.util.spec_from_file_location("build_devset_reproducible",
                                                  REPO / "tools" / "build_devset.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    output = tmp_path / "devset.jsonl"
    assert builder.main(["--anystyle", str(anystyle), "--output", str(output)]) == 0
    committed, rebuilt = DEVSET.read_bytes(), output.read_bytes()
    assert rebuilt == committed, (
        "tools/build_devset.py no longer reproduces eval/devset.jsonl; records that differ: "
        + ", ".join(_changed_ids(committed, rebuilt)[:20]))
