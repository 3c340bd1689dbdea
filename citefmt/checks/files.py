"""The file edge of `check`: read a file, find its settings, check or fix it, write it back.

Kept apart from the pure `check_text` / `fix_text` (add-trailing-comma's `fix_file` model):
this is the only place in `citefmt.checks` that touches the filesystem.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from citefmt.checks import check_text, fix_text
from citefmt.config import Overrides, Settings, resolve
from citefmt.diagnostics import Diagnostic
from citefmt.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CitefmtError
from citefmt.textio import atomic_write, read_file

#: file kinds `check` looks at when given a directory (as pre-commit's hook `files` pattern)
CHECKED_SUFFIXES: frozenset[str] = frozenset({
    ".bib", ".ris", ".nbib", ".md", ".markdown", ".txt", ".json", ".yaml", ".yml",
})

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class FileResult:
    """What happened to one file."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: the text `--fix` writes (or `--diff` shows); None when nothing would change
    fixed: str | None = None
    original: str = ""
    #: with --fix: why the file was left as it is (read errors a rewrite would lose data over)
    not_fixed: str | None = None

    def diff(self) -> str:
        if self.fixed is None:
            return ""
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def check_file(path: str, overrides: Overrides, *, fix: bool = False, fmt: str | None = None,
               write: bool = True) -> FileResult:
    """Check `path`; with `fix`, compute the rewrite and (with `write`) store it atomically.

    After a rewrite the findings are those of the new text, so a fixed file reports only what
    `--fix` cannot repair; without `write` (`--diff`) they are the original's. Raises
    `CitefmtError` for unreadable input.
    """
    decoded = read_file(path)
    text = decoded.text
    directory = Path(path).parent if path != "-" else Path.cwd()
    settings = resolve(directory, overrides)
    keys = bibliography_keys(text, directory, settings)
    result = FileResult(path, original=text)
    if fix:
        fixed = fix_text(text, settings, source=path, fmt=fmt, bibliography_keys=keys)
        if fixed != text:
            result.fixed = fixed
            if write:
                if path != "-":
                    atomic_write(path, fixed, like=decoded)
                else:  # standard input's fixed text keeps its line endings too
                    result.fixed = decoded.restore(fixed)
                text = fixed
    result.diagnostics = check_text(text, settings, source=path, fmt=fmt, bibliography_keys=keys)
    if fix and result.fixed is None:
        result.not_fixed = _why_not_fixed(result.diagnostics)
    return result


def _why_not_fixed(diagnostics: list[Diagnostic]) -> str | None:
    """`--fix` never rewrites a file with a read error (the unread part would be lost): say so,
    naming the codes, instead of leaving the user to guess why nothing changed."""
    codes = sorted({d.code for d in diagnostics if d.severity == "error"
                    and (d.code.startswith("CF1") or d.code == "CF208")})
    if not codes:
        return None
    return (f"not rewritten: it has errors that --fix cannot repair ({', '.join(codes)}); "
            "fix them by hand first")


@dataclass
class CheckRun:
    """The outcome of checking several files: per-file results and unreadable inputs."""

    results: list[FileResult] = field(default_factory=list)
    errors: list[CitefmtError] = field(default_factory=list)

    @property
    def findings(self) -> list[Diagnostic]:
        """Every finding worth a user's attention (info-level notes, such as CF107, are not)."""
        return [d for r in self.results for d in r.diagnostics if d.severity != "info"]

    @property
    def changed(self) -> list[FileResult]:
        return [r for r in self.results if r.fixed is not None]

    def exit_code(self, *, fix: bool, exit_zero_even_if_changed: bool = False) -> int:
        """2 unreadable input, 1 findings or rewritten files, 0 clean (pre-commit's contract)."""
        if self.errors:
            return EXIT_USAGE
        if self.findings or (self.changed and not (fix and exit_zero_even_if_changed)):
            return EXIT_FINDINGS
        return EXIT_OK


def check_paths(paths: list[str], overrides: Overrides, *, fix: bool = False, diff: bool = False,
                fmt: str | None = None) -> CheckRun:
    """Check (and with `fix`, rewrite; with `diff`, only compute the rewrite of) every file.

    Directories are searched for reference files; an unreadable file is recorded and the
    others are still checked (pre-commit's collect-and-continue)."""
    run = CheckRun()
    for path in expand_paths(paths):
        try:
            run.results.append(check_file(path, overrides, fix=fix or diff, fmt=fmt,
                                          write=not diff))
        except CitefmtError as exc:
            run.errors.append(exc)
    return run


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a directory stands for the reference files below it (hidden ones skipped)."""
    expanded: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            expanded.extend(str(f) for f in sorted(p.rglob("*"))
                            if f.is_file() and f.suffix.lower() in CHECKED_SUFFIXES
                            and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            expanded.append(path)
    return expanded


def configured_files(overrides: Overrides, cwd: Path) -> list[str]:
    """The files the config's `files` patterns name, for a bare `citefmt check`."""
    settings = resolve(cwd, overrides)
    if settings.source is None or not settings.files:
        return []
    base = settings.source.parent
    found = {p for pattern in settings.files for p in base.glob(pattern) if p.is_file()}
    return [str(p) for p in sorted(found)]


def bibliography_keys(text: str, directory: Path, settings: Settings) -> frozenset[str]:
    """Ids of the manuscript's bibliography: the `bibliography` setting and its front matter."""
    paths = list(settings.bibliography) + [str(directory / p) for p in _front_matter_paths(text)]
    if not paths:
        return frozenset()
    from citefmt.api import read_path

    keys: set[str] = set()
    for bib in paths:
        keys.update(str(item.get("id")) for item in read_path(bib).items if item.get("id"))
    return frozenset(keys)


def _front_matter_paths(text: str) -> list[str]:
    m = _FRONT_MATTER_RE.match(text)
    if m is None or "bibliography" not in m.group(1):
        return []
    import yaml

    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return []
    value = data.get("bibliography") if isinstance(data, dict) else None
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []
