"""Shared test helpers: where the repo and the shared material are (importable as `helpers`)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_PAGE = SHARED / "seed" / "000_036d32861d2d38a7.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear message where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared material not found at {path} (expected ../shared beside the repo)")
    return path


#: U+00A0, written out in expected strings where the standards bind a label to its number
NBSP = "\u00a0"


def csl_person(family: str, given: str, **extra: str) -> dict[str, str]:
    """A CSL-JSON name object (`extra`: suffix, particles …)."""
    return {"family": family, "given": given, **extra}
