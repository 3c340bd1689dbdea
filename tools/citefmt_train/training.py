"""Build the tagger's training data and train the CRF, deterministically.

Training data: anystyle's core.xml and good.xml (BSD-2) plus synthetic GOST references and
synthetic English and Russian Vancouver/AMA references (and, on request, records rendered by the
bundled styles, rendered.py), all drawn with fixed seeds, minus every string that is also in the
evaluation set. crfsuite's L-BFGS
has no randomness, so the same data in the same order and the same parameters give the same
model file, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from citefmt.refparse.tagger.features import sequence_features
from citefmt.refparse.tagger.tokens import tokenize
from citefmt_train import annotated, rendered, synthetic, synthetic_vancouver
from citefmt_train.dataset import Segments, read_anystyle, reference_text, token_labels

ANYSTYLE_TRAINING_FILES: tuple[str, ...] = ("core.xml", "good.xml")
SYNTHETIC_SEED = 7001
SYNTHETIC_COUNT = 1200
VANCOUVER_SEED = 7002
VANCOUVER_COUNT = 1500
RENDERED_SEED = 7003
#: style-rendered strings (rendered.py) added by default: none. Measured on the dev set, 1,200
#: of them (Russian lists) or 2,400 (with English ones) left the combined parser's micro-F1 at
#: 0.964–0.967 against 0.967 and cost 0.002–0.005 tagger-alone F1: the styles' clean output is
#: too unlike real lists to add what anystyle's data lacks. `train_tagger.py --rendered N` adds
#: them.
RENDERED_COUNT = 0
#: the annotated corpora whose train split the second model (model_annotated.crfsuite) adds:
#: GROBID's hand-annotated citation corpus, its segments cut as anystyle cuts them
#: (annotated.aligned_pieces). With PLOS's tagged citations too, the held-out dev split and
#: the dev set scored the same within 0.002 (PLOS's 2,339 strings are one house style).
ANNOTATED_GROUPS: tuple[str, ...] = ("grobid",)
PARAMS: dict[str, float | int | bool] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


def normalise_text(text: str) -> str:
    """The key two strings share when they are the same reference."""
    return re.sub(r"\W+", "", text).casefold()


def training_sequences(anystyle_xml: Iterable[str], *, excluded: set[str],
                       synthetic_count: int = SYNTHETIC_COUNT,
                       vancouver_count: int = VANCOUVER_COUNT) -> list[Segments]:
    """All training sequences in a fixed order, leaving out `excluded` (normalised) strings."""
    sequences: list[Segments] = []
    for xml_text in anystyle_xml:
        sequences.extend(read_anystyle(xml_text))
    sequences.extend(r.segments for r in synthetic.generate(synthetic_count, SYNTHETIC_SEED))
    sequences.extend(r.segments for r in synthetic_vancouver.generate(vancouver_count,
                                                                      VANCOUVER_SEED))
    kept: list[Segments] = []
    seen: set[str] = set(excluded)
    for segments in sequences:
        key = normalise_text(reference_text(segments))
        if key and key not in seen:
            seen.add(key)
            kept.append(segments)
    return kept


def rendered_pairs(*, excluded: set[str], count: int = RENDERED_COUNT) -> list[rendered.Labelled]:
    """Style-rendered `(text, token labels)` pairs, leaving out `excluded` (normalised) strings
    and repeats."""
    kept: list[rendered.Labelled] = []
    seen: set[str] = set(excluded)
    for text, labels in rendered.generate(count, RENDERED_SEED):
        key = normalise_text(text)
        if key and key not in seen:
            seen.add(key)
            kept.append((text, labels))
    return kept


def annotated_pairs(*, excluded: set[str], split: str = "train",
                    groups: Sequence[str] | None = None) -> list[rendered.Labelled]:
    """`(text, token labels)` pairs from the hand-annotated corpora's `train` split
    (citefmt_train.annotated; dev and blind test are never trained on): GROBID's marked segments
    as they are, SciELO's element-citation fields aligned back onto the printed string; `groups`
    ("grobid", "scielo-jats") keeps only those sources."""
    kept: list[rendered.Labelled] = []
    held_out = [r["text"] for other in ("dev", "test") if other != split
                for r in annotated.records(other)]
    # a string GROBID repeats in a train and a held-out file is held out (strings only are read)
    seen: set[str] = set(excluded) | {normalise_text(text) for text in held_out}
    for record in annotated.records(split):
        key = normalise_text(record["text"])
        if not key or key in seen or (groups is not None and record["group"] not in groups):
            continue
        seen.add(key)
        if "pieces" in record:
            labelled = annotated.labelled_text(annotated.aligned_pieces(record["pieces"]))
            if labelled[0] == record["text"]:  # the marked pieces spell the whole string
                kept.append(labelled)
        else:
            text = record["text"]
            kept.append(rendered.token_labels(text, rendered.align(text, record["gold"])))
    return kept


def train_model(sequences: list[Segments], output: str, *,
                max_iterations: int | None = None,
                labelled: Sequence[rendered.Labelled] = ()) -> int:
    """Train a CRF on `sequences` (segments) and `labelled` (text, token labels) pairs, write it
    to `output`; returns the number of sequences used."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    used = 0
    pairs = [token_labels(segments) for segments in sequences] + list(labelled)
    for text, labels in pairs:
        tokens = tokenize(text)
        if tokens:
            trainer.append(sequence_features(tokens), labels)
            used += 1
    params = dict(PARAMS)
    if max_iterations is not None:
        params["max_iterations"] = max_iterations
    trainer.set_params(params)
    trainer.train(output)
    return used
