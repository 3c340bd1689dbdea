"""Rebuild the tagger's two models: citefmt/refparse/tagger/model.crfsuite from anystyle's data
and synthetic GOST and English/Russian Vancouver strings, and model_annotated.crfsuite from the
same plus the `train` split of GROBID's hand-annotated citation corpus
(eval/heldout_manifest.json; its segments cut as anystyle cuts them, annotated.aligned_pieces).

    python tools/train_tagger.py [--model both|base|annotated] [--output PATH]
                                 [--anystyle ../shared/training/anystyle]
                                 [--rendered N] [--annotated grobid|scielo-jats|plos-nlm ...]

`--rendered N` adds N records rendered by the bundled styles to both; `--annotated GROUP …`
chooses other annotated corpora for the second model. The parser reads a reference with both
models and keeps the more believable reading (README, "Two tagger models"). Alone, a model
trained with GROBID's train split gains on GROBID-like strings and loses on the dev set's
ABNT, Chicago and SciELO strings (figures in eval/README.md); the two together gain on both.
SciELO's pairs (labels aligned from element-citation markup) lost everywhere.

Deterministic: the same inputs give the same model files (see citefmt_train.training).
Strings in eval/devset.jsonl and the held-out dev and test splits are never trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from citefmt.refparse.tagger import ANNOTATED_MODEL_PATH, MODEL_PATH
from citefmt_train.dataset import Segments
from citefmt_train.rendered import Labelled
from citefmt_train.training import (
    ANNOTATED_GROUPS,
    ANYSTYLE_TRAINING_FILES,
    RENDERED_COUNT,
    annotated_pairs,
    normalise_text,
    rendered_pairs,
    train_model,
    training_sequences,
)

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "eval" / "devset.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anystyle", type=Path,
                        default=REPO.parent / "shared" / "training" / "anystyle")
    parser.add_argument("--model", choices=("both", "base", "annotated"), default="both",
                        help="which committed model to rebuild: model.crfsuite (base), "
                             "model_annotated.crfsuite (annotated) or both")
    parser.add_argument("--output", type=Path,
                        help="where to write the model (one model only; default: the package)")
    parser.add_argument("--rendered", type=int, default=RENDERED_COUNT,
                        help="how many style-rendered synthetic strings to add (0: none)")
    parser.add_argument("--annotated", nargs="+", choices=("grobid", "scielo-jats", "plos-nlm"),
                        metavar="GROUP",
                        help="the annotated corpora whose train split the annotated model adds "
                             f"(default: {' '.join(ANNOTATED_GROUPS)}; eval/heldout_manifest.json, "
                             "needs their fetched snapshots)")
    args = parser.parse_args(argv)
    if args.output is not None and args.model == "both":
        parser.error("--output needs --model base or --model annotated")
    missing = [n for n in ANYSTYLE_TRAINING_FILES if not (args.anystyle / n).exists()]
    if missing:
        print(f"error: {args.anystyle}: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    excluded: set[str] = set()
    if DEVSET.exists():
        with DEVSET.open(encoding="utf-8") as handle:
            excluded = {normalise_text(json.loads(line)["text"]) for line in handle if line.strip()}
    xml = [(args.anystyle / name).read_text(encoding="utf-8") for name in ANYSTYLE_TRAINING_FILES]
    sequences = training_sequences(xml, excluded=excluded)
    seen = excluded | {normalise_text(" ".join(text for _, text in s)) for s in sequences}
    labelled = rendered_pairs(excluded=seen, count=args.rendered)
    if args.model in ("both", "base"):
        _train(sequences, labelled, args.output or MODEL_PATH)
    if args.model in ("both", "annotated"):
        seen |= {normalise_text(text) for text, _ in labelled}
        groups = args.annotated or list(ANNOTATED_GROUPS)
        _train(sequences, labelled + annotated_pairs(excluded=seen, groups=groups),
               args.output or ANNOTATED_MODEL_PATH)
    return 0


def _train(sequences: list[Segments], labelled: list[Labelled], output: Path) -> None:
    started = time.perf_counter()
    used = train_model(sequences, str(output), labelled=labelled)
    digest = hashlib.sha256(output.read_bytes()).hexdigest()[:16]
    size = output.stat().st_size
    print(f"trained on {used} sequences in {time.perf_counter() - started:.1f} s "
          f"-> {output} ({size / 1e6:.2f} MB, sha256 {digest})")


if __name__ == "__main__":
    raise SystemExit(main())
