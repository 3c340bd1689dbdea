"""Online verification speed against a local registry server: cold and warm cache.

    python bench/online_speed.py [--repeat 3]

Starts the test suite's registry server on 127.0.0.1 (recorded Crossref/MEDLINE answers,
`tests/registry_server.py`), writes the 100-reference manuscript of the acceptance test, and
measures:

- lookups per second with a cold cache (every answer from the server) and a warm cache (every
  answer from the SQLite cache); the server's own request counter is the independent check
  that the warm run made no request;
- the time `citefmt check --online` adds per reference: `check paper.md` with and without
  `--online` (cold and warm), in-process, divided by the 100 references.

The rate limits are lifted for the local server (crossref-rate, ncbi-rate = 1000): the figures
are citefmt's own cost. Against the real services the polite limits dominate a cold run:
Crossref at the configured 10 requests/s, NCBI at 3/s (10 with an API key).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from online_manuscript import build  # noqa: E402
from registry_server import RegistryServer, write_config  # noqa: E402

from citefmt.checks.document import read_document  # noqa: E402
from citefmt.cli import main  # noqa: E402
from citefmt.config import Overrides, resolve  # noqa: E402
from citefmt.online.client import RegistryClient  # noqa: E402
from citefmt.online.options import registry_options  # noqa: E402
from citefmt.online.verify import look_up  # noqa: E402


def lookups(directory: Path) -> tuple[float, int, int]:
    """(seconds, references looked up, requests the client sent) for one pass of look_up."""
    settings = resolve(directory, Overrides())
    text = (directory / "paper.md").read_text(encoding="utf-8")
    doc = read_document(text, source="paper.md", settings=settings)
    options = registry_options(settings)
    start = time.perf_counter()
    with RegistryClient(options) as client:
        answers = look_up(doc, client, progress=False)
        sent = client.requests
    elapsed = time.perf_counter() - start
    return elapsed, sum(1 for a in answers if a.outcomes or a.query is not None), sent


def check_seconds(*args: str) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(["check", "paper.md", *args])
    return time.perf_counter() - start


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    server = RegistryServer().start()
    work = Path(tempfile.mkdtemp(prefix="citefmt-online-bench-"))
    cwd = os.getcwd()
    try:
        manuscript = build(server)
        (work / "paper.md").write_text(manuscript.text, encoding="utf-8")
        write_config(work, server, online=False)
        os.chdir(work)
        cold, warm, cold_check, warm_check, offline = [], [], [], [], []
        refs = 0
        for _ in range(args.repeat):
            shutil.rmtree(work / "cache", ignore_errors=True)
            server.reset()
            seconds, refs, _ = lookups(work)
            cold.append(seconds)
            assert len(server.requests) > 0
            server.reset()
            seconds, _, sent = lookups(work)
            warm.append(seconds)
            assert sent == 0 and server.requests == [], "warm run reached the server"
            offline.append(check_seconds())
            shutil.rmtree(work / "cache", ignore_errors=True)
            cold_check.append(check_seconds("--online"))
            server.reset()
            warm_check.append(check_seconds("--online"))
            assert server.requests == []
        med = statistics.median
        print(f"references looked up: {refs} (100-reference manuscript, "
              f"{args.repeat} runs, medians)")
        print(f"cold cache: {refs / med(cold):8.1f} lookups/s  ({med(cold):.2f} s)")
        print(f"warm cache: {refs / med(warm):8.1f} lookups/s  ({med(warm):.2f} s, "
              f"0 requests at the server)")
        print(f"check offline:           {med(offline):.2f} s")
        print(f"check --online, cold:    {med(cold_check):.2f} s  "
              f"(+{(med(cold_check) - med(offline)) * 1000 / 100:.1f} ms per reference)")
        print(f"check --online, warm:    {med(warm_check):.2f} s  "
              f"(+{(med(warm_check) - med(offline)) * 1000 / 100:.1f} ms per reference)")
    finally:
        os.chdir(cwd)
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main_bench()
