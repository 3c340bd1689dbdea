"""citefmt's end-to-end benchmark: the CLI as users run it, timed as whole processes.

    python bench/run.py            # prints a Markdown table

Rows: `citefmt --version` start-up; `format` of 1,000 and 5,000 generated journal articles in
vancouver and gost; `convert` of 1,000 plain-text references. Each row is the median of
`--repeat` runs (wall time, including interpreter start-up). Inputs are generated
deterministically (bench/generate.py), so figures are comparable between commits.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import journal_articles

CITEFMT = [sys.executable, "-m", "citefmt"]


def timed(args: list[str], repeat: int) -> float:
    """Median wall time of `citefmt ARGS` over `repeat` runs; a failing run aborts the bench."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(CITEFMT + args, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"citefmt {' '.join(args)} failed:\n{proc.stderr}")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (median)")
    parser.add_argument("--quick", action="store_true", help="1 run per row, skip 5,000 items")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows.append(("citefmt --version", timed(["--version"], max(repeat, 5)), ""))
        sizes = [1000] if args.quick else [1000, 5000]
        for n in sizes:
            data = work / f"articles-{n}.json"
            data.write_text(json.dumps(journal_articles(n), ensure_ascii=False), encoding="utf-8")
            for style in ("vancouver", "gost"):
                args = ["format", str(data), "--style", style, "-o", str(work / "out.txt")]
                t = timed(args, repeat)
                rows.append((f"format {n:,} articles --style {style}", t, f"{n / t:,.0f} items/s"))
        source = work / "articles-1000.json"
        text_refs = work / "refs-1000.txt"
        subprocess.run([*CITEFMT, "format", str(source), "--style", "vancouver",
                        "-o", str(text_refs)], check=True)
        t = timed(["convert", str(text_refs), "-q", "-o", str(work / "refs.json")], repeat)
        rows.append(("convert 1,000 plain-text references", t, f"{1000 / t:,.0f} refs/s"))
    print("| benchmark | wall time (s) | rate |")
    print("|---|---:|---:|")
    for name, seconds, rate in rows:
        print(f"| {name} | {seconds:.3f} | {rate} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
