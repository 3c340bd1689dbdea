"""Deterministic generated CSL-JSON items for benchmarks (journal articles, English and Russian)."""

from __future__ import annotations

import random
from typing import Any

_FAMILIES_EN = ["Smith", "Moretti", "Barker", "Li", "Wang", "Chen", "Garcia", "Müller", "Novak",
                "O'Brien", "van der Berg", "Kaufman-Janette", "Di Bella", "Nguyen", "Kowalski"]
_FAMILIES_RU = ["Иванов", "Петрова", "Смирнов", "Кузнецова", "Фёдоров", "Ёлкин", "Соколов",
                "Морозова", "Волков", "Алексеева", "Лебедев", "Козлов"]
_GIVEN_EN = ["John A", "Maria", "Li", "Thomas H", "Anna K", "Peter", "Wei", "Sofia"]
_GIVEN_RU = ["Иван Иванович", "Анна Сергеевна", "Пётр", "Юлия Игоревна", "Дмитрий Сергеевич"]
_WORDS_EN = ["exosome", "therapy", "wound", "healing", "regeneration", "fibroblast", "matrix",
             "inflammation", "stem", "cell", "delivery", "clinical", "skin", "scar", "review"]
_WORDS_RU = ["терапия", "рана", "заживление", "регенерация", "кожа", "рубец", "клетки",
             "обзор", "лечение", "исследование", "применение", "фибробласты"]
_JOURNALS_EN = [
    ("Journal of Biological Chemistry", "J Biol Chem"),
    ("Stem Cell Research & Therapy", "Stem Cell Res Ther"),
    ("International Journal of Molecular Sciences", "Int J Mol Sci"),
    ("Frontiers in Immunology", "Front Immunol"),
]
_JOURNALS_RU = ["Инновационная медицина Кубани", "Вестник хирургии",
                "Хирургия. Журнал им. Н. И. Пирогова"]


def _names(rng: random.Random, russian: bool) -> list[dict[str, str]]:
    families, givens = (_FAMILIES_RU, _GIVEN_RU) if russian else (_FAMILIES_EN, _GIVEN_EN)
    return [{"family": rng.choice(families), "given": rng.choice(givens)}
            for _ in range(rng.choice([1, 2, 3, 4, 6, 8]))]


def journal_articles(n: int, *, seed: int = 42) -> list[dict[str, Any]]:
    """`n` journal articles, one in four Russian, with DOIs, pages and issues."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for i in range(n):
        russian = i % 4 == 3
        words = _WORDS_RU if russian else _WORDS_EN
        title = " ".join(rng.choice(words) for _ in range(rng.randint(4, 10))).capitalize()
        first = rng.randint(1, 900)
        item: dict[str, Any] = {
            "id": f"item{i + 1}",
            "type": "article-journal",
            "title": title,
            "author": _names(rng, russian),
            "issued": {"date-parts": [[rng.randint(1995, 2025), rng.randint(1, 12)]]},
            "volume": str(rng.randint(1, 300)),
            "issue": str(rng.randint(1, 12)),
            "page": f"{first}-{first + rng.randint(2, 40)}",
            "DOI": f"10.{rng.randint(1000, 9999)}/bench.{i + 1}",
            "language": "ru" if russian else "en",
        }
        if russian:
            item["container-title"] = rng.choice(_JOURNALS_RU)
        else:
            full, short = rng.choice(_JOURNALS_EN)
            item["container-title"] = full
            item["container-title-short"] = short
            item["PMID"] = str(30000000 + i)
        items.append(item)
    return items
