"""Fixtures shared by all test folders."""

from __future__ import annotations

import pytest
from helpers import SEED_PAGE, shared_path


@pytest.fixture
def seed_page() -> str:
    """The journal article page (the first user's document), as text."""
    return shared_path("seed", SEED_PAGE.name).read_text(encoding="utf-8")
