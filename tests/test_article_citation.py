"""`--article`: how to cite the seed article itself, against the page's own "For citation" lines.

The page prints (en) `… Innovative Medicine of Kuban. 2025;10(4):121-128.
https://doi.org/10.35401/2541-9897-2025-10-4-121-128` and the same in Russian. citefmt's
Vancouver differs only where NLM's Citing Medicine says so: page ranges drop repeated leading
digits (121-8) and the DOI is cited as "doi: 10.…" with a closing period. README explains it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED_PAGE, shared_path

from citefmt import api

DOI = "10.35401/2541-9897-2025-10-4-121-128"


@pytest.fixture
def page() -> str:
    return str(shared_path("seed", SEED_PAGE.name))


def cite(page: str, *, lang: str | None, style: str) -> str:
    loaded = api.load([page], article=True, lang=lang)
    text, _ = api.format_bibliography(loaded.items, style=style, numbered=False)
    return text


def test_english_for_citation_line_in_vancouver(page: str) -> None:
    assert cite(page, lang="en", style="vancouver") == (
        "Kirolos E. Exosome-Based Therapies for Scar-Free Skin Regeneration: Clinical "
        "Applications and Emerging Trends. Innovative Medicine of Kuban. 2025;10(4):121-8. "
        f"doi: {DOI}.\n")


def test_russian_for_citation_line_in_vancouver(page: str) -> None:
    assert cite(page, lang=None, style="vancouver") == (
        "Киролос Э. Экзосомальная терапия для безрубцового восстановления кожи: клиническое "
        "применение и новые тенденции. Инновационная медицина Кубани. 2025;10(4):121-8. "
        f"doi: {DOI}.\n")


def test_russian_record_in_gost_2018(page: str) -> None:
    assert cite(page, lang="ru", style="gost-r-7.0.100-2018") == (
        "Киролос, Э. Экзосомальная терапия для безрубцового восстановления кожи: клиническое "
        "применение и новые тенденции / Э. Киролос. – Текст : непосредственный // "
        "Инновационная медицина Кубани. – 2025. – Т.\u00a010, №\u00a04. – С.\u00a0121–128. – "
        f"DOI: {DOI}.\n")


def test_page_lines_and_citefmt_differ_only_where_the_standard_says(page: str) -> None:
    lines = Path(page).read_text(encoding="utf-8").splitlines()
    printed = lines[lines.index("For citation:") + 1]
    ours = cite(page, lang="en", style="vancouver").strip()
    by_the_standard = printed.replace(f" https://doi.org/{DOI}", f" doi: {DOI}.")
    by_the_standard = by_the_standard.replace(":121-128.", ":121-8.")
    assert by_the_standard == ours
