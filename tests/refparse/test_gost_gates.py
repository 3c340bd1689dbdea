"""The cheap searches GOST's grammar runs before its costly ones (`_SIGNATURE_HINT_RE`,
`_CARRIER_HINT_RE`) must never hide a mark the costly search would find."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citefmt.refparse import gost

DEVSET = Path(__file__).resolve().parents[2] / "eval" / "devset.jsonl"
with DEVSET.open(encoding="utf-8") as _handle:
    TEXTS = [json.loads(line)["text"] for line in _handle]

CARRIER_STRINGS = [
    "Иванов, И. И. Заглавие / И. И. Иванов. — Текст : непосредственный // Журнал. — 2019. — № 3.",
    "Иванов И. И. Заглавие [Электронный ресурс]. URL: http://example.org (дата обращения: "
    "01.02.2020).",
    "Smith J. Title [Electronic resource] // Journal. 2019. Vol. 3.",
    "Петров П. П. Заглавие. ТЕКСТ : ЭЛЕКТРОННЫЙ // Вестник. 2018.",
    "Сидоров С. С. Заглавие Текст : автореф. дис. … канд. техн. наук. М., 2010. 20 с.",
    "Kuznetsov A. Title [Text] // Proc. 2017. P. 5.",
    "Roe R. Title [ electronic RESOURCE ] // Proc. 2017.",
    "Ли В. Заглавие.—Текст:непосредственный.— М., 2001.",
]
#: what the gate lets no search through for: brackets and the word "текст" without a statement
NEAR_MISSES = [
    "Иванов И. И., Петров П. П. [и др.] Заглавие // Журнал. 2019. № 3. [1990]",
    "Иванов И. И. Текст и контекст. М. : Наука, 2001. 200 с. [Text of the talk]",
    "Smith J. Context: a study [Electronic]. Text, 2019.",
]


@pytest.mark.parametrize("text", TEXTS + CARRIER_STRINGS + NEAR_MISSES)
def test_gates_hide_no_mark(text: str) -> None:
    assert gost._without_carrier(text) == gost._CARRIER_RE.sub(" ", text)
    if gost._SIGNATURE_RE.search(text):
        assert gost._SIGNATURE_HINT_RE.search(text)


def test_carrier_statements_are_blanked() -> None:
    """The gate lets every carrier form through to the real search (not a no-op)."""
    for text in CARRIER_STRINGS:
        assert gost._without_carrier(text) != text
    assert "Текст" not in gost._without_carrier(CARRIER_STRINGS[0])


def test_near_misses_skip_the_carrier_search() -> None:
    """Brackets and the word "Текст" alone do not open the costly search (the speed-up is real)."""
    for text in NEAR_MISSES:
        assert not gost._CARRIER_HINT_RE.search(text), text
        assert gost._without_carrier(text) == text


def test_a_latin_reference_skips_the_signature_search() -> None:
    for text in ["Smith J, Jones K. A title. J Biol Chem. 2020;12(3):45-67.",
                 "Smith J, Jones K. A title. J Biol Chem. 2020;12(3):45–67."]:
        assert not gost._SIGNATURE_HINT_RE.search(text)
        assert not gost.looks_like(text)
    assert gost._SIGNATURE_HINT_RE.search("Title. – Place, 2001.")
