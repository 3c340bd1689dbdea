"""Citation keys: Better BibTeX's formula, transliteration, suffixes, kept ids."""

from __future__ import annotations

import pytest

from citefmt.citekeys import assign_keys, fold, is_bibtex_key, key_for, transliterate


def test_seed_article_key() -> None:
    item = {"type": "article-journal", "author": [{"family": "Kirolos", "given": "E."}],
            "title": "Exosome-Based Therapies for Scar-Free Skin Regeneration: Clinical "
                     "Applications and Emerging Trends",
            "issued": {"date-parts": [[2025]]}}
    assert key_for(item) == "kirolosexosomebasedtherapies2025"


def test_cyrillic_key_is_transliterated() -> None:
    item = {"author": [{"family": "Иванов", "given": "И. И."}],
            "title": "Роль экзосомов в заживлении ран", "issued": {"date-parts": [[2019]]}}
    assert key_for(item) == "ivanovrolekzosomovzazhivlenii2019"


@pytest.mark.parametrize(("item", "key"), [
    ({"title": "A study"}, "study"),
    ({"author": [{"literal": "World Health Organization"}], "issued": {"literal": "in 2021"}},
     "world2021"),
    ({"author": [{"family": "Müller-Lüdenscheidt"}], "title": "Ærø"}, "mullerludenscheidtaero"),
    ({}, "anon"),
])
def test_missing_parts_are_left_out_never_undefined(item: dict, key: str) -> None:
    assert key_for(item) == key


def test_transliteration_systems() -> None:
    assert transliterate("Щукин Юрьев Цой Хабаров") == "Shchukin Yurev Tsoy Khabarov"
    assert transliterate("Щукин Цой Хабаров", "gost-b") == "Shhukin Czoj Xabarov"
    assert fold("Ørsted Straße Ёлкин") == "Orsted Strasse Elkin"


def test_assign_keys_keeps_chosen_ids_and_suffixes_clashes_in_order() -> None:
    base = {"author": [{"family": "Smith"}], "title": "Same title here",
            "issued": {"date-parts": [[2020]]}}
    items = [dict(base, id="1"), dict(base, id="ITEM-2"), dict(base, id="Smith:2020"),
             dict(base, id="smith:2020"), dict(base, id="ref3")]
    assert assign_keys(items) == ["smithsametitlehere2020", "smithsametitlehere2020a", "Smith:2020",
                                  "smithsametitlehere2020b", "smithsametitlehere2020c"]
    assert assign_keys(items) == assign_keys(items)


@pytest.mark.parametrize(("value", "expected"), [
    ("smith2020", True), ("Ivanov:2019", True), ("1", False), ("ref12", False),
    ("ITEM-3", False), ("иванов2019", False), ("has space", False), (12, False),
])
def test_is_bibtex_key(value: object, expected: bool) -> None:
    assert is_bibtex_key(value) is expected
