"""Rendering helper for the style tests: items in, exact entry strings out (through
citefmt.engine)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from citefmt.engine import render_bibliography


def render_entries(style: str, items: Sequence[dict[str, Any]]) -> list[str]:
    """Each item's bibliography entry, in citation order, as plain text."""
    bibliography = render_bibliography(list(items), style)
    assert [entry.id for entry in bibliography.entries] == [item["id"] for item in items]
    return [entry.text for entry in bibliography.entries]


@pytest.fixture
def render_one() -> Callable[[str, dict[str, Any]], str]:
    """Render a single item as entry "1. …" of `style`."""

    def render(style: str, item: dict[str, Any]) -> str:
        return render_entries(style, [item])[0]

    return render


@pytest.fixture
def render_list() -> Callable[[str, Sequence[dict[str, Any]]], list[str]]:
    return render_entries
