"""The tagger's runtime input (`sequence_attributes`, lists of CRFsuite attributes built once per
word form) must be exactly what `sequence_features` (the training features) becomes: the same
attributes in the same order, bar those of weight 0 — and both models must label it alike, to
the last bit of every marginal. Checked on every development-set string (its anystyle, GOST and
Vancouver strings) and on strings with the rare tokens: "//", a year, a URL, a long word."""

from __future__ import annotations

import json
from pathlib import Path

import pycrfsuite
import pytest

from citefmt.refparse.tagger import ANNOTATED_MODEL_PATH, MODEL_PATH, _open
from citefmt.refparse.tagger.features import sequence_attributes, sequence_features
from citefmt.refparse.tagger.tokens import tokenize

DEVSET = Path(__file__).resolve().parents[2] / "eval" / "devset.jsonl"
EXTRA = [
    "Иванов И. И. Заглавие // Вестник МГУ. 2019. Т. 3, № 2. С. 5–9. URL: https://x.ru/a",
    "Smith J. Antidisestablishmentarianistically long words. http://example.org. 1999",
    "A", "", "  ", ". , ;", "2019",
]


def _texts() -> list[str]:
    with DEVSET.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()] + EXTRA


def _as_attributes(features: list[dict[str, str | float]]) -> list[list[str]]:
    """python-crfsuite's own reading of a dict item: "key:value" for a string, else the key
    with the number as its weight (every weight here is 0 or 1; weight 0 left out)."""
    out = []
    for feats in features:
        attributes = []
        for key, value in feats.items():
            if isinstance(value, str):
                attributes.append(f"{key}:{value}")
            else:
                assert value in (0.0, 1.0), (key, value)
                if value:
                    attributes.append(key)
        out.append(attributes)
    return out


def test_attributes_are_the_training_features() -> None:
    for text in _texts():
        tokens = tokenize(text)
        assert sequence_attributes(tokens) == _as_attributes(sequence_features(tokens)), text


def test_models_read_both_inputs_alike() -> None:
    taggers = [t for t in (_open(MODEL_PATH), _open(ANNOTATED_MODEL_PATH)) if t is not None]
    if not taggers:
        pytest.skip("no tagger model installed")
    for text in _texts()[::3]:
        tokens = tokenize(text)
        if not tokens:
            continue
        fast = pycrfsuite.ItemSequence(sequence_attributes(tokens))
        full = pycrfsuite.ItemSequence(sequence_features(tokens))
        for tagger in taggers:
            labels = tagger.tag(full)
            marginals = [tagger.marginal(y, i) for i, y in enumerate(labels)]
            assert tagger.tag(fast) == labels, text
            assert [tagger.marginal(y, i) for i, y in enumerate(labels)] == marginals, text
