"""Speed work on the parser must not change what it reads: compare two versions of the code on
every held-out dev string and every development-set string, and time them.

    python bench/refparse_same_output.py --write OUT.jsonl [--code DIR]
    python bench/refparse_same_output.py --compare A.jsonl B.jsonl
    python bench/refparse_same_output.py --time [--code DIR] [--passes N]

`--write` parses each string (the held-out `dev` split of all five groups, then eval/devset.jsonl)
with the citefmt package found in DIR (default: this checkout) and writes one JSON line per string:
the CSL-JSON item, the winning grammar, the confidence (unrounded), the "et al." flag and every
diagnostic (code, message, column, severity). `--compare` names every string whose line differs —
the oracle is the other version of the code, not this one's own output. `--time` parses the
held-out dev strings `--passes` times in one process on one core (CPU time, parse calls only, every
function cache of the parser cleared before each pass, models and gazetteer loaded before) and
prints the best pass and each pass in refs per CPU second; run it for two checkouts in turn,
several times, to compare them on a shared machine. Never reads the blind test split.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

from checkout import use_code  # bench/checkout.py (this script's folder is on sys.path)

REPO = Path(__file__).resolve().parents[1]


def _dev_strings() -> list[str]:
    """The held-out dev strings (all five groups)."""
    sys.path.insert(0, str(REPO / "tools"))
    from citefmt_train.annotated import records

    return [r["text"] for r in records("dev")]


def _strings() -> list[str]:
    """The held-out dev strings, then the development set's strings."""
    texts = _dev_strings()
    with (REPO / "eval" / "devset.jsonl").open(encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def _record(parsed: Any) -> dict[str, Any]:
    return {"item": parsed.item, "grammar": parsed.grammar, "confidence": parsed.confidence,
            "truncated": parsed.truncated_authors,
            "diagnostics": [[d.code, d.message, d.col, d.severity] for d in parsed.diagnostics]}


def write(out: Path, texts: list[str]) -> None:
    import citefmt.refparse
    from citefmt.refparse import parse_reference

    # the confidence unrounded (ParsedReference rounds it to 3 places with the builtin `round`,
    # looked up in the module's namespace first): two versions must agree to the last bit
    vars(citefmt.refparse)["round"] = lambda value, digits=None: value

    with out.open("w", encoding="utf-8") as handle:
        for text in texts:
            line = {"text": text} | _record(parse_reference(text))
            handle.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(texts)} strings written to {out}")


def compare(first: Path, second: Path) -> int:
    a = first.read_text(encoding="utf-8").splitlines()
    b = second.read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        print(f"different number of strings: {len(a)} against {len(b)}")
        return 1
    differ = 0
    for left, right in zip(a, b, strict=True):
        if left != right:
            differ += 1
            if differ <= 10:
                print(f"- {json.loads(left)['text']}\n  {left}\n  {right}")
    print(f"{len(a)} strings compared, {differ} differ")
    return 1 if differ else 0


def _clear_caches() -> None:
    """Every function cache of the parser (not the model or the gazetteer, loaded once per run)."""
    import functools

    for module in [m for name, m in sys.modules.items() if name.startswith("citefmt.refparse")]:
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) and value.__name__ not in (
                    "gazetteer", "_open"):
                value.cache_clear()
        clear = getattr(module, "clear_caches", None)
        if callable(clear):
            clear()


def time_passes(passes: int) -> None:
    texts = _dev_strings()
    from citefmt.refparse import parse_reference, places

    parse_reference(texts[0])
    places.load()
    rates = []
    for _ in range(passes):
        _clear_caches()
        gc.collect()
        started = time.process_time()
        for text in texts:
            parse_reference(text)
        rates.append(len(texts) / (time.process_time() - started))
    print(f"{len(texts)} dev strings, best {max(rates):,.0f} refs per CPU second "
          f"(passes: {', '.join(f'{r:,.0f}' for r in rates)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=REPO, help="checkout whose citefmt to run")
    parser.add_argument("--write", type=Path)
    parser.add_argument("--compare", type=Path, nargs=2)
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    use_code(args.code)
    if args.write:
        write(args.write, _strings())
    if args.time:
        time_passes(args.passes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
