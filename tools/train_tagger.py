"""Rebuild citefmt/refparse/tagger/model.crfsuite from anystyle's data and synthetic GOST and
English/Russian Vancouver strings (`--rendered N` adds N records rendered by the bundled styles;
`--annotated GROUP …` adds the `train` split of the hand-annotated corpora, GROBID and/or SciELO
JATS: eval/heldout_manifest.json).

    python tools/train_tagger.py [--anystyle ../shared/training/anystyle] [--output PATH]
                                 [--rendered N] [--annotated grobid|scielo-jats ...]

The committed model is the default run (no annotated corpora): with GROBID's train split the
held-out dev split gained but the dev set's ABNT and Chicago groups lost 0.05 field-F1 and
SciELO lost 0.006; with SciELO's (labels aligned from element-citation markup) everything lost
(figures in eval/README.md).

Deterministic: the same inputs give the same model file (see citefmt_train.training).
Strings in eval/devset.jsonl are never trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from citefmt.refparse.tagger import MODEL_PATH
from citefmt_train.training import (
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
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--rendered", type=int, default=RENDERED_COUNT,
                        help="how many style-rendered synthetic strings to add (0: none)")
    parser.add_argument("--annotated", nargs="+", choices=("grobid", "scielo-jats", "plos-nlm"),
                        default=[], metavar="GROUP",
                        help="add the train split of these annotated corpora "
                             "(eval/heldout_manifest.json; needs their fetched snapshots)")
    args = parser.parse_args(argv)
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
    if args.annotated:
        seen |= {normalise_text(text) for text, _ in labelled}
        labelled += annotated_pairs(excluded=seen, groups=args.annotated)
    started = time.perf_counter()
    used = train_model(sequences, str(args.output), labelled=labelled)
    digest = hashlib.sha256(args.output.read_bytes()).hexdigest()[:16]
    size = args.output.stat().st_size
    print(f"trained on {used} sequences in {time.perf_counter() - started:.1f} s "
          f"-> {args.output} ({size / 1e6:.2f} MB, sha256 {digest})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
