"""The GeoNames gazetteer is built once and read back from the user cache (building it costs
about half a CPU second per process, which every plain-text list with a book paid)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.refparse import places


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places.gazetteer.cache_clear()
    yield tmp_path / "citefmt"
    places.gazetteer.cache_clear()


def test_built_once_then_read_back_unchanged(fresh_cache: Path) -> None:
    built = places.gazetteer()
    files = list(fresh_cache.glob("places-*.marshal"))
    assert len(files) == 1 and not list(fresh_cache.glob(".*.tmp"))
    places.gazetteer.cache_clear()
    assert places.gazetteer() == built
    assert places.place_population("New York") > 1_000_000
    assert places.place_population("Elsevier") == 0


def test_a_damaged_cache_file_is_rebuilt(fresh_cache: Path) -> None:
    built = places.gazetteer()
    (path,) = fresh_cache.glob("places-*.marshal")
    path.write_bytes(b"\x00not marshal")
    places.gazetteer.cache_clear()
    assert places.gazetteer() == built
    assert places._read_cached(path) == built  # and the file was written anew


@pytest.mark.parametrize("text", ["/", "Paris, /", " and "])
def test_a_part_that_is_only_a_joiner_is_no_place(text: str) -> None:
    # found by bench/fuzz.py (seed 2035): a publisher "…: /" made place_population index an
    # empty list (exit 3 from `check --fix`)
    assert places.place_population(text) == 0
