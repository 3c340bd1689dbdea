"""How long `citefmt check` takes on a 100-reference manuscript, start-up included.

Generates a Markdown manuscript citing 100 Vancouver references (built from the seed list's
shapes), runs `citefmt check` on it as a subprocess several times and prints the median per
mode. Usage: python bench/check_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REFERENCE = ("{n}. Author{n} A, Second B, Third C. Study number {n} of wound healing with "
             "exosomes. J Biol Chem. {year};{volume}({issue}):{page}. "
             "doi: 10.1016/j.jbc.{year}.{n:06d}.")


def manuscript(count: int = 100) -> str:
    """A body citing every reference once in order, then the numbered list."""
    body = [f"Finding {n} was reported before [{n}]." for n in range(1, count + 1)]
    refs = [REFERENCE.format(n=n, year=2000 + n % 25, volume=n, issue=n % 12 + 1,
                             page=100000 + n) for n in range(1, count + 1)]
    return "# Manuscript\n\n" + "\n".join(body) + "\n\n## References\n\n" + "\n".join(refs) + "\n"


def timed(args: list[str], runs: int) -> tuple[float, int]:
    times = []
    code = 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "citefmt", *args], capture_output=True)
        times.append(time.perf_counter() - start)
        code = done.returncode
    return statistics.median(times), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.md"
        path.write_text(manuscript(), encoding="utf-8")
        modes = [
            ("python start-up only", ["--version"]),
            ("check (no style)", ["check", "--isolated", str(path)]),
            ("check --style vancouver", ["check", "--isolated", "--style", "vancouver",
                                         str(path)]),
            ("check --diff --style vancouver", ["check", "--isolated", "--diff", "--style",
                                                "vancouver", str(path)]),
        ]
        print(f"citefmt check, 100-reference manuscript, median of {runs} runs")
        print(f"{'mode':<34} {'median s':>9} {'exit':>5}")
        for name, args in modes:
            median, code = timed(args, runs)
            print(f"{name:<34} {median:>9.3f} {code:>5}")


if __name__ == "__main__":
    main()
