"""Writers: CSL-JSON items → text. Data formats here; CSL rendering lives in `citefmt.engine`.

Each module defines `write(items, **options) -> str`; imported lazily.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any, Protocol

from citefmt.errors import UsageError
from citefmt.model import Item


class Writer(Protocol):
    def __call__(self, items: Sequence[Item], **options: Any) -> str: ...


WRITERS: dict[str, str] = {
    "csl-json": "citefmt.writers.csljson",
    "csl-yaml": "citefmt.writers.cslyaml",
    "bibtex": "citefmt.writers.bibtex",
    "ris": "citefmt.writers.ris",
}

ALIASES: dict[str, str] = {
    "json": "csl-json", "csljson": "csl-json", "csl": "csl-json",
    "yaml": "csl-yaml", "yml": "csl-yaml", "cslyaml": "csl-yaml",
    "bib": "bibtex", "biblatex": "bibtex",
}


def canonical_writer(name: str) -> str:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in WRITERS:
        raise UsageError(f"unknown output format {name!r} (known: {', '.join(sorted(WRITERS))})")
    return key


def get_writer(fmt: str) -> Writer:
    module = importlib.import_module(WRITERS[canonical_writer(fmt)])
    writer: Writer = module.write
    return writer
