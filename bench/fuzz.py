"""Fuzzing harness for issue 10: mutated inputs through every reader and command.

    python bench/fuzz.py --cases 100000 --workers 2 --seed 1      # the campaign
    python bench/fuzz.py --curve                                   # time/memory vs input size
    python bench/fuzz.py --text-curve --max-mb 20                  # plain-text line up to 20 MB

The campaign takes the seed corpus (examples/ and the reader, manuscript and .bib fixtures under
tests/fixtures/), mutates each case (byte flips, insertions of hostile tokens — braces, brackets,
entity declarations, lone surrogates, control characters, CR line endings, deep nesting, long
runs of "A. " or digits —, deletions, duplications, splices of two seeds, re-encoding as
UTF-16/UTF-32 with or without a BOM) and runs one command on it through `citefmt.cli.main` in a
worker process with an address-space limit:

    format (text | html | markdown, vancouver | gost) · convert (csl-json | csl-yaml | bibtex |
    ris) · check · check --fix (run twice: the second run must change nothing)

It reports, per reader and command: cases, exit codes, crashes (exit 3, or any exception that
escapes `main`), hangs (a case over --timeout seconds; the worker is killed and replaced),
runs over the memory limit (MemoryError under RLIMIT_AS), non-idempotent fixes, and cases per
second. Crashing inputs are saved under --out for replay (`--replay FILE...`).

The oracle is the contract itself (issue 10's "Done when"): exit 3 never, no hang, no bomb, a
second `--fix` changes nothing. `--curve` fits log(time) against log(size) per reader (a slope of
1 is linear, 2 quadratic) on inputs grown by repeating a seed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import multiprocessing as mp
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

#: file suffix → reader, for the seed corpus
SUFFIX_READER = {".json": "csl-json", ".yaml": "csl-yaml", ".yml": "csl-yaml", ".bib": "bibtex",
                 ".ris": "ris", ".nbib": "medline", ".txt": "text", ".md": "text",
                 ".xml": "xml"}
HOSTILE_TOKENS = [
    b"{", b"}", b"[", b"]", b"(", b")", b'"', b"\\", b",", b"#", b"@string{x = \"y\"}", b"@",
    b"<!ENTITY e \"x\">", b"<!DOCTYPE a [<!ENTITY e 'x'>]>", b"<!-- <x -->", b"&e;", b"&amp;",
    b"<b onmouseover=x>", b"<i>", b"</sup>", b"\\ud800", b"\\udfff", b"\xed\xa0\x80", b"\r",
    b"\r\n", b"\x00", b"\x01", b"\x1b", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x81\xb0",
    b"\xd0\x96. ", b"A. " * 40, b"1" * 60, b"(" * 60, b"[" * 70, b"{" * 70, b"- " * 30,
    b"10000. ", b"9" * 400, b"1e99999", b"-0", b"null", b"true", b"&a [*a, *a]", b"*a",
    b"references:", b"- id: x\n  type: book\n", b"TY  - JOUR\n", b"ER  - \n", b"PMID- 1\n",
    b"title = {X} year = 2000", b"crossref = {k}", b"\t", b"  ", b"\n\n", b"et al.", b"//",
    b"\xe2\x80\x94", b"doi:10.1000/x y", b"https://", b"[1]", b"[1-3]", b"\xc2\xa0",
]
COMMANDS = [
    ("format", ["format", "{file}", "--style", "vancouver"]),
    ("format-gost-html", ["format", "{file}", "--style", "gost", "--to", "html"]),
    ("format-md", ["format", "{file}", "--style", "gost-r-7.0.100-2018", "--to", "markdown"]),
    ("convert-json", ["convert", "{file}"]),
    ("convert-yaml", ["convert", "{file}", "--to", "csl-yaml"]),
    ("convert-bibtex", ["convert", "{file}", "--to", "bibtex"]),
    ("convert-ris", ["convert", "{file}", "--to", "ris"]),
    ("check", ["check", "--isolated", "{file}"]),
    ("check-fix", ["check", "--isolated", "--fix", "{file}"]),
]
#: how often each command is drawn (check --fix costs three runs)
COMMAND_WEIGHTS = [3, 1, 1, 3, 1, 1, 1, 2, 1]


# ------------------------------------------------------------------------------ seed corpus

def seed_corpus() -> list[tuple[str, bytes]]:
    """(suffix, bytes) of every seed file."""
    seeds: list[tuple[str, bytes]] = []
    roots = [REPO / "examples", REPO / "tests" / "fixtures"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIX_READER \
                    and path.stat().st_size < 200_000:
                seeds.append((path.suffix.lower(), path.read_bytes()))
    seeds += [(".bib", b"@article{k,\n  title = {A {B} c},\n  author = {Doe, J and Roe, R},\n"
                       b"  journal = {J},\n  year = 2020,\n  volume = 1,\n  pages = {1--2}\n}\n"),
              (".yaml", b"references:\n- id: a\n  type: book\n  title: T\n  issued: 2020\n"),
              (".md", b"# P\n\nSee [2], [1] and [3].\n\n## References\n\n1. Smith J. A. Title. "
                      b"J Med. 2000;1:1-2.\n3. Doe A. Other. J Med. 2001;2:3-4.\n"
                      b"2. Roe B. Third. Vestnik. 2002;3:5-6.\n")]
    return seeds


# ------------------------------------------------------------------------------ mutations

def mutate(rng: random.Random, data: bytes, seeds: list[tuple[str, bytes]]) -> bytes:
    """One to four random mutations of `data`."""
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(9)
        at = rng.randint(0, len(data))
        if kind == 0 and data:  # flip a byte
            i = rng.randrange(len(data))
            data = data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]
        elif kind in (1, 2):  # insert a hostile token (sometimes many times)
            token = rng.choice(HOSTILE_TOKENS) * (rng.choice([1, 1, 1, 3, 50]))
            data = data[:at] + token + data[at:]
        elif kind == 3 and data:  # delete a range
            end = min(len(data), at + rng.randint(1, 64))
            data = data[:at] + data[end:]
        elif kind == 4 and data:  # duplicate a range
            end = min(len(data), at + rng.randint(1, 256))
            data = data[:end] + data[at:end] * rng.randint(1, 8) + data[end:]
        elif kind == 5:  # splice another seed in
            other = rng.choice(seeds)[1]
            cut = rng.randint(0, len(other))
            data = data[:at] + other[cut:cut + rng.randint(1, 400)] + data[at:]
        elif kind == 6:  # line endings
            data = data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice([b"\r", b"\r\n"]))
        elif kind == 7:  # random bytes
            data = data[:at] + rng.randbytes(rng.randint(1, 16)) + data[at:]
        else:  # nesting
            depth = rng.choice([10, 150, 250, 700])
            open_, close = rng.choice([(b"[", b"]"), (b"{", b"}"), (b"(", b")")])
            data = data[:at] + open_ * depth + b"x" + close * depth + data[at:]
    if rng.random() < 0.04:  # re-encode
        try:
            text = data.decode("utf-8")
            encoding, bom = rng.choice([("utf-16-le", b"\xff\xfe"), ("utf-16-le", b""),
                                        ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b""),
                                        ("utf-8", b"\xef\xbb\xbf")])
            data = bom + text.encode(encoding, "surrogatepass")
        except UnicodeDecodeError:
            pass
    return data


# ------------------------------------------------------------------------------ worker

@dataclass
class Outcome:
    """What one case did."""

    code: int
    seconds: float
    cpu_seconds: float = 0.0
    crash: str = ""
    memory: bool = False
    not_idempotent: bool = False
    peak_rss_mb: float = 0.0


def _limit_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _worker_init(memory_mb: int) -> None:
    _limit_memory(memory_mb)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import importlib

    for module in ("citefmt.cli", "citefmt.refparse"):  # warm imports once per worker
        importlib.import_module(module)


def _main(argv: list[str]) -> tuple[int, str, str]:
    from citefmt.cli import main

    out, err = io.StringIO(), io.StringIO()

    class Stdin:
        buffer = io.BytesIO(b"")

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        old_stdin = sys.stdin
        sys.stdin = Stdin()  # type: ignore[assignment]
        try:
            code = main(argv)
        finally:
            sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_case(case: tuple[str, list[str], str, bytes]) -> Outcome:
    """Run one command on one mutated input in this worker; never raises."""
    command, argv, suffix, data = case
    start = time.perf_counter()
    cpu_start = _cpu()
    folder = tempfile.mkdtemp(prefix="citefmt-fuzz-")
    # a repository root of its own: `check` looks for manuscripts citing a .bib in the folders
    # above it up to the repository root, and must not pick up whatever else lies in /tmp
    os.mkdir(os.path.join(folder, ".git"))
    try:
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        args = [a.replace("{file}", path) for a in argv]
        code, _, err = _main(args)
        outcome = Outcome(code, 0.0)
        if code == 3:
            outcome.crash = err.strip().splitlines()[-1] if err.strip() else "exit 3"
            outcome.memory = "MemoryError" in err
        elif command == "check-fix":
            with open(path, "rb") as handle:
                once = handle.read()
            code2, _, err2 = _main(args)
            with open(path, "rb") as handle:
                twice = handle.read()
            if code2 == 3:
                outcome.crash = "second --fix: " + (err2.strip().splitlines() or ["exit 3"])[-1]
            outcome.not_idempotent = once != twice
    except MemoryError:
        outcome = Outcome(3, 0.0, crash="MemoryError", memory=True)
    except BaseException as exc:  # anything escaping main() is a crash
        outcome = Outcome(3, 0.0, crash=f"{type(exc).__name__}: {exc}"[:300])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    outcome.seconds = time.perf_counter() - start
    outcome.cpu_seconds = _cpu() - cpu_start
    outcome.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return outcome


# ------------------------------------------------------------------------------ campaign

@dataclass
class Tally:
    """Counts per (reader, command)."""

    cases: Counter[tuple[str, str]] = field(default_factory=Counter)
    exits: Counter[int] = field(default_factory=Counter)
    crashes: list[dict[str, Any]] = field(default_factory=list)
    hangs: list[dict[str, Any]] = field(default_factory=list)
    memory: list[dict[str, Any]] = field(default_factory=list)
    not_idempotent: list[dict[str, Any]] = field(default_factory=list)
    slowest: float = 0.0
    slowest_cpu: float = 0.0
    peak_rss_mb: float = 0.0


def _reader_of(suffix: str) -> str:
    return SUFFIX_READER.get(suffix, "text")


def campaign(args: argparse.Namespace) -> dict[str, Any]:
    seeds = seed_corpus()
    rng = random.Random(args.seed)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    start = time.perf_counter()
    ctx = mp.get_context("fork")
    pool = ctx.Pool(args.workers, _worker_init, (args.memory_mb,), maxtasksperchild=2000)
    pending: list[tuple[Any, tuple[str, list[str], str, bytes], float]] = []
    done = 0
    report_every = max(1000, args.cases // 50)
    next_report = report_every

    def record(case: tuple[str, list[str], str, bytes], outcome: Outcome | None) -> None:
        nonlocal done
        command, _, suffix, _ = case
        key = (_reader_of(suffix), command)
        tally.cases[key] += 1
        done += 1
        if outcome is None:
            tally.hangs.append(_save(out_dir, "hang", case))
            return
        tally.exits[outcome.code] += 1
        tally.slowest = max(tally.slowest, outcome.seconds)
        tally.peak_rss_mb = max(tally.peak_rss_mb, outcome.peak_rss_mb)
        if outcome.memory:
            tally.memory.append(_save(out_dir, "memory", case))
        elif outcome.crash:
            tally.crashes.append(_save(out_dir, "crash", case) | {"error": outcome.crash})
        if outcome.not_idempotent:
            tally.not_idempotent.append(_save(out_dir, "fix", case))
        tally.slowest_cpu = max(tally.slowest_cpu, outcome.cpu_seconds)
        # CPU time: on a shared machine wall time measures the neighbours too (a case that
        # really hangs is caught by the wall-clock kill in the loop below)
        if outcome.cpu_seconds > args.timeout:
            tally.hangs.append(_save(out_dir, "slow", case) | {"cpu_seconds": outcome.cpu_seconds,
                                                               "seconds": outcome.seconds})

    case_index = 0
    while done < args.cases:
        while len(pending) < args.workers * 4 and case_index < args.cases:
            suffix, seed = rng.choice(seeds)
            (command, argv), = rng.choices(COMMANDS, weights=COMMAND_WEIGHTS)
            if rng.random() < 0.15:  # the same bytes under another name (format detection)
                suffix = rng.choice(sorted(set(SUFFIX_READER)))
            case = (command, argv, suffix, mutate(rng, seed, seeds))
            pending.append((pool.apply_async(run_case, (case,)), case, time.perf_counter()))
            case_index += 1
        still: list[tuple[Any, tuple[str, list[str], str, bytes], float]] = []
        hung = False
        for result, case, began in pending:
            if result.ready():
                try:
                    record(case, result.get())
                except Exception as exc:  # a worker died (e.g. killed by the kernel)
                    record(case, Outcome(3, 0.0, crash=f"worker died: {exc}"))
            elif time.perf_counter() - began > args.kill_after:
                record(case, None)
                hung = True
            else:
                still.append((result, case, began))
        pending = still
        if hung:  # a hung worker cannot be interrupted: replace the pool, re-queue the rest
            pool.terminate()
            pool = ctx.Pool(args.workers, _worker_init, (args.memory_mb,),
                            maxtasksperchild=2000)
            requeue = [case for _, case, _ in pending]
            pending = [(pool.apply_async(run_case, (c,)), c, time.perf_counter())
                       for c in requeue]
        if done >= next_report and args.progress:
            next_report += report_every
            elapsed = time.perf_counter() - start
            print(f"  {done:,} cases, {done / elapsed:.1f}/s, crashes {len(tally.crashes)}, "
                  f"hangs {len(tally.hangs)}, memory {len(tally.memory)}, "
                  f"non-idempotent {len(tally.not_idempotent)}", file=sys.stderr, flush=True)
        time.sleep(0.002)
    pool.close()
    pool.join()
    elapsed = time.perf_counter() - start
    per_reader: dict[str, int] = defaultdict(int)
    per_command: dict[str, int] = defaultdict(int)
    for (reader, command), n in tally.cases.items():
        per_reader[reader] += n
        per_command[command] += n
    return {
        "cases": done, "seconds": round(elapsed, 1), "cases_per_second": round(done / elapsed, 1),
        "workers": args.workers, "seed": args.seed, "timeout_cpu_s": args.timeout,
        "kill_after_wall_s": args.kill_after,
        "memory_limit_mb": args.memory_mb,
        "exit_codes": dict(sorted(tally.exits.items())),
        "crashes_exit3": len(tally.crashes), "hangs": len(tally.hangs),
        "over_memory": len(tally.memory), "non_idempotent_fixes": len(tally.not_idempotent),
        "slowest_case_wall_s": round(tally.slowest, 2),
        "slowest_case_cpu_s": round(tally.slowest_cpu, 2),
        "peak_worker_rss_mb": round(tally.peak_rss_mb),
        "per_reader": dict(sorted(per_reader.items())),
        "per_command": dict(sorted(per_command.items())),
        "examples": {"crashes": tally.crashes[:20], "hangs": tally.hangs[:20],
                     "memory": tally.memory[:20], "non_idempotent": tally.not_idempotent[:20]},
    }


def _save(out_dir: Path, kind: str, case: tuple[str, list[str], str, bytes]) -> dict[str, Any]:
    command, argv, suffix, data = case
    import hashlib

    name = f"{kind}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    (out_dir / name).write_bytes(data)
    (out_dir / (name + ".args.json")).write_text(json.dumps(argv), encoding="utf-8")
    return {"file": str(out_dir / name), "command": command}


def replay(files: list[str]) -> None:
    """Run saved cases again in this process (tracebacks shown with --debug)."""
    for name in files:
        argv = json.loads(Path(name + ".args.json").read_text(encoding="utf-8"))
        args = ["--debug", *[a.replace("{file}", name) for a in argv]]
        print("$ citefmt", " ".join(args), flush=True)
        from citefmt.cli import main

        print("exit", main(args))


# ------------------------------------------------------------------------------ curves

def _grow(seed: bytes, suffix: str, size: int) -> bytes:
    """A valid-looking input of about `size` bytes: the seed's records repeated (for XML, its
    first `<ref>` (JATS) or `<record>` (EndNote) element, in place)."""
    if suffix == ".json":
        items = json.loads(seed)
        items = items if isinstance(items, list) else [items]
        one = json.dumps(items, ensure_ascii=False)[1:-1]
        n = max(1, size // max(1, len(one)))
        return ("[" + ",".join([one] * n) + "]").encode()
    if suffix == ".xml":
        for opening, closing in ((b"<ref ", b"</ref>"), (b"<ref>", b"</ref>"),
                                 (b"<record>", b"</record>")):
            start = seed.find(opening)
            if start >= 0:
                end = seed.index(closing, start) + len(closing)
                element = seed[start:end]
                n = max(1, (size - len(seed)) // len(element))
                return seed[:start] + element * n + seed[end:]
        return seed
    n = max(1, size // max(1, len(seed)))
    return seed * n


def _sizes(max_mb: float, first: int) -> list[int]:
    """Doubling sizes from `first`, ending exactly at `max_mb`."""
    sizes, size, top = [], first, int(max_mb * 1024 * 1024)
    while size < top:
        sizes.append(size)
        size *= 2
    return [*sizes, top]


def _timed_read(path: str, fmt: str | None) -> tuple[float, float]:
    """CPU seconds and peak memory growth (MB of resident set, so C allocations such as lxml's
    trees and libyaml's buffers count too) of reading `path` in a fresh process (fork)."""
    def child(conn: Any) -> None:
        from citefmt.api import read_path, read_text
        from citefmt.errors import CitefmtError

        # warm up: imports, the tagger model, compiled patterns (not part of the cost per byte)
        with open(path, "rb") as handle:
            sample = handle.read(2000).decode("utf-8", "ignore")
        with contextlib.suppress(CitefmtError):
            read_text(sample, source=path, fmt=fmt)
        with contextlib.suppress(CitefmtError):
            read_text("1. Smith J. Title. J Med. 2000;1:1-2.\n", source="warm.txt", fmt="text")
        baseline = _resident_mb()
        start = time.process_time()  # CPU time: the machine is shared, wall time is not ours
        with contextlib.suppress(CitefmtError):
            read_path(path, fmt=fmt)
        seconds = time.process_time() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send((seconds, max(peak - baseline, 0.0)))

    ctx = mp.get_context("fork")
    parent, child_end = ctx.Pipe()
    process = ctx.Process(target=child, args=(child_end,))
    process.start()
    process.join(1800)
    if process.is_alive():
        process.kill()
        return float("inf"), float("inf")
    return parent.recv() if parent.poll() else (float("nan"), float("nan"))


def _resident_mb() -> float:
    """The process's current resident set in MB (Linux /proc; the high-water mark elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(y) over log(x): 1 linear, 2 quadratic."""
    pts = [(math.log(x), math.log(y)) for x, y in points if y > 0 and math.isfinite(y)]
    if len(pts) < 2:
        return float("nan")
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else float("nan")


def curves(max_mb: float) -> dict[str, Any]:
    """Time and memory against input size for every reader (a seed grown by repetition)."""
    fixtures = REPO / "tests" / "fixtures"
    seeds = {"csl-json": (".json", REPO / "examples" / "seed-references.json"),
             "text": (".txt", REPO / "examples" / "seed-references.txt"),
             "bibtex": (".bib", next(iter(sorted(fixtures.glob("bib/*.bib"))), None)),
             "ris": (".ris", fixtures / "formats" / "ris" / "zotero_multilang.ris"),
             "medline": (".nbib", fixtures / "formats" / "medline" / "pubmed_export.nbib"),
             "jats": (".xml", fixtures / "formats" / "jats" / "article_two_ref_lists.xml"),
             "endnote-xml": (".xml", fixtures / "formats" / "endnote" / "library.xml")}
    inputs = {name: (suffix, path.read_bytes()) for name, (suffix, path) in seeds.items()
              if path is not None and path.is_file()}
    inputs["csl-yaml"] = (".yaml", b"".join(
        b"- id: a%d\n  type: article-journal\n  title: Title %d\n"
        b"  author:\n  - family: Doe\n    given: J\n  issued: 2020\n" % (i, i) for i in range(20)))
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, seed) in inputs.items():
            points_t, points_m, rows = [], [], []
            for size in _sizes(max_mb, 64 * 1024):
                data = _grow(seed, suffix, size)
                path = os.path.join(folder, "grown" + suffix)
                Path(path).write_bytes(data)
                seconds, peak = _timed_read(path, None)
                rows.append({"bytes": len(data), "seconds": round(seconds, 3),
                             "peak_mb": round(peak, 1)})
                points_t.append((len(data), seconds))
                points_m.append((len(data), peak))
                print(f"  {name:<12} {len(data):>10,} B  {seconds:7.2f} s  {peak:8.1f} MB",
                      file=sys.stderr, flush=True)
            result[name] = {"time_slope": round(slope(points_t), 2),
                            "memory_slope": round(slope(_above(points_m, 4 * 1024 * 1024)), 2),
                            "points": rows}
    return result


def _above(points: list[tuple[int, float]], size: int) -> list[tuple[int, float]]:
    """The points from `size` bytes on: below a few MB the resident-set growth is allocator
    noise (arenas already mapped by the warm-up), not the reader's cost per byte."""
    return [p for p in points if p[0] >= size]


def text_curve(max_mb: float, parse_kb: float = 256) -> dict[str, Any]:
    """The plain-text reader on ONE reference line of growing size (the issue's 1 MB line).

    With the default line limit a line up to the limit is parsed and a longer one is kept whole
    as CF935; to show that the parser itself stays linear past the limit, lines up to
    `parse_kb` KiB are also parsed with the limit raised (CITEFMT_MAX_LINE_CHARS). Reports CPU
    time and resident-set growth per size and log-log slopes for both paths."""
    from citefmt.limits import LINE_CHARS

    unit = "Smith J, Doe A. Title of a paper (on things). J Med. 2000;1(2):1-2. A. 1 "
    rows: list[dict[str, Any]] = []
    parsed: list[tuple[int, float, float]] = []
    capped: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "line.txt")
        for size in _sizes(max_mb, 1024):
            line = "1. " + (unit * (size // len(unit) + 1))[:size] + "\n"
            Path(path).write_text(line, encoding="utf-8")
            runs = [(size <= LINE_CHARS.value, None)]
            if LINE_CHARS.value < size <= parse_kb * 1024:
                runs.append((True, size + 100))
            for is_parsed, raised in runs:
                with _environment(LINE_CHARS.variable, raised):
                    seconds, peak = _timed_read(path, "text")
                rows.append({"chars": size, "seconds": round(seconds, 3),
                             "peak_mb": round(peak, 1), "parsed": is_parsed,
                             "line_limit": raised or LINE_CHARS.value})
                (parsed if is_parsed else capped).append((size, seconds, peak))
                print(f"  line {size:>10,} chars  {'parsed' if is_parsed else 'kept  '}  "
                      f"{seconds:7.3f} s  {peak:8.1f} MB", file=sys.stderr, flush=True)
    return {"line_limit": LINE_CHARS.value,
            "time_slope_parsed": round(slope([(n, t) for n, t, _ in parsed]), 2),
            "memory_slope_parsed": round(slope([(n, m) for n, _, m in parsed if n >= 8192]), 2),
            "time_slope_over_limit": round(slope([(n, t) for n, t, _ in capped]), 2),
            "memory_slope_over_limit": round(slope(_above(
                [(n, m) for n, _, m in capped], 1024 * 1024)), 2),
            "points": rows}


@contextlib.contextmanager
def _environment(name: str, value: int | None) -> Iterator[None]:
    """Set (or leave alone, for None) one environment variable for the forked readers."""
    if value is None:
        yield
        return
    before = os.environ.get(name)
    os.environ[name] = str(value)
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="CPU seconds of one case counted as a hang")
    parser.add_argument("--kill-after", type=float, default=300.0,
                        help="wall seconds after which a case that has not returned is killed and "
                             "counted as a hang (on a loaded machine wall time runs far ahead of "
                             "CPU time: a 6 s case took 104 s once)")
    parser.add_argument("--memory-mb", type=int, default=1024 + 512,
                        help="address-space limit per worker (1 GB of data + the interpreter)")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "citefmt-fuzz"))
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--json", help="also write the report to this file")
    parser.add_argument("--curve", action="store_true", help="time/memory vs size per reader")
    parser.add_argument("--text-curve", action="store_true", help="one text line up to --max-mb")
    parser.add_argument("--max-mb", type=float, default=20.0)
    parser.add_argument("--replay", nargs="+", metavar="FILE")
    args = parser.parse_args()
    if args.replay:
        replay(args.replay)
        return
    if args.curve or args.text_curve:
        report = {}
        if args.text_curve:
            report["text_line"] = text_curve(args.max_mb)
        if args.curve:
            report["readers"] = curves(args.max_mb)
    else:
        report = campaign(args)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
