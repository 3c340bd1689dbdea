"""The grammar ceilings that let the parser skip grammars (README, "Accuracy of the plain-text
parser", throughput): a ceiling must bound every confidence its grammar gives, and the pruned
choice must be the reading that trying every grammar and judging every reading would choose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import citefmt.refparse as refparse
from citefmt.refparse import GRAMMAR_CEILINGS, SIGNED_GRAMMARS, vancouver
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import Extracted, extract_identifiers
from citefmt.refparse.normalize import normalize

DEVSET = Path(__file__).resolve().parents[2] / "eval" / "devset.jsonl"


def _extracted() -> list[Extracted]:
    """Every development-set string as the grammars see it: repaired, identifiers set aside."""
    with DEVSET.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    return [extract_identifiers(normalize(text).value) for text in texts]


EXTRACTED = _extracted()


def _every_reading(body: str) -> list[Candidate]:
    found = [vancouver.parse(body)]
    found += [g.parse(body) for g in SIGNED_GRAMMARS if g.looks_like(body)]
    return [c for c in found if c is not None]


def test_every_grammar_has_a_ceiling() -> None:
    assert set(GRAMMAR_CEILINGS) == {vancouver, *SIGNED_GRAMMARS}


@pytest.mark.parametrize("grammar", [vancouver, *SIGNED_GRAMMARS], ids=lambda g: g.__name__)
def test_ceiling_bounds_the_grammar(grammar: object) -> None:
    """No reading of the development set's strings is more confident than its grammar's ceiling
    (each grammar is run on every string, its signature aside, to reach as many of its paths
    as the strings can)."""
    for extracted in EXTRACTED:
        candidate = grammar.parse(extracted.body)  # type: ignore[attr-defined]
        if candidate is not None:
            assert candidate.confidence <= GRAMMAR_CEILINGS[grammar], extracted.body


def test_pruned_choice_is_the_exhaustive_choice() -> None:
    """`_best_reading` picks what judging every reading of every signed grammar picks: the
    highest calibrated confidence, the first in grammar order of equals."""
    checked = 0
    for extracted in EXTRACTED:
        readings = _every_reading(extracted.body)
        for candidate in readings:
            refparse._calibrate(candidate, extracted.fields, extracted.body)
        expected = max(readings, key=lambda c: c.confidence, default=None)
        # max() keeps the first of equals, as the parser does
        chosen = refparse._best_reading(extracted)
        if expected is None:
            assert chosen is None
            continue
        assert chosen is not None
        assert (chosen.grammar, chosen.item, chosen.confidence) == \
            (expected.grammar, expected.item, expected.confidence), extracted.body
        checked += 1
    assert checked > 550  # of 676 strings; the others have no grammar reading


def test_a_grammar_below_the_best_reading_is_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clean Vancouver reading (calibrated above 0.72) leaves no room for a journal block
    (ceiling 0.72), whose signature the string shows: it is not run, and the reading stays."""
    text = "Moretti L, Smith AB. Protein folding in cells. J Biol Chem. 2022;298(2):101530."
    calls: list[str] = []
    real = refparse.journal_block.parse

    def counted(body: str) -> Candidate | None:
        calls.append(body)
        return real(body)

    monkeypatch.setattr(refparse.journal_block, "parse", counted)
    extracted = extract_identifiers(normalize(text).value)
    assert refparse.journal_block.looks_like(extracted.body)
    best = refparse._best_reading(extracted)
    assert best is not None and best.grammar == "vancouver" and best.confidence > 0.72
    assert calls == []
    assert refparse.parse_reference(text).item["container-title"] == "J Biol Chem"
