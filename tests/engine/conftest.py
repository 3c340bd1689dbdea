"""Fixtures for the engine tests: the small test styles and a few real-looking items."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def numeric_style() -> str:
    return str(FIXTURES / "numeric.csl")


@pytest.fixture
def multilingual_style() -> str:
    return str(FIXTURES / "multilingual.csl")


@pytest.fixture
def article() -> dict:
    return {"id": "Smith2020", "type": "article-journal", "title": "Scar formation",
            "author": [{"family": "Smith", "given": "John A"}],
            "container-title": "J Biol Chem", "issued": {"date-parts": [[2020, 3, 15]]},
            "volume": "12", "issue": "3", "page": "284-287"}


@pytest.fixture
def webpage() -> dict:
    return {"id": "web", "type": "webpage", "title": "Site",
            "issued": {"date-parts": [[2023, 5]]}, "accessed": {"date-parts": [[2024, 2, 1]]}}


@pytest.fixture
def book() -> dict:
    return {"id": "book", "type": "book", "title": "Medical microbiology",
            "author": [{"family": "Murray", "given": "P R"}], "publisher": "Mosby",
            "publisher-place": "St. Louis", "issued": {"date-parts": [[2002]]},
            "number-of-pages": "280"}
