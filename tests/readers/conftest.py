"""Fixtures for the reader tests."""

from __future__ import annotations

import pytest

from citefmt.model import Item


@pytest.fixture
def seed_article_by_language() -> dict[str, Item]:
    """The seed article's language-dependent fields, the same wherever a reader finds them
    (its journal page, its JATS): author, title, journal and language, per language."""
    return {
        "ru": {
            "author": [{"family": "Киролос", "given": "Э."}],
            "title": "Экзосомальная терапия для безрубцового восстановления кожи: клиническое "
                     "применение и новые тенденции",
            "container-title": "Инновационная медицина Кубани",
            "language": "ru",
        },
        "en": {
            "author": [{"family": "Kirolos", "given": "E."}],
            "title": "Exosome-Based Therapies for Scar-Free Skin Regeneration: Clinical "
                     "Applications and Emerging Trends",
            "container-title": "Innovative Medicine of Kuban",
            "language": "en",
        },
    }
