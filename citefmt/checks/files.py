"""The file edge of `check`: read a file, find its settings, check or fix it, write it back.

Kept apart from the pure `check_text` / `fix_text` (add-trailing-comma's `fix_file` model):
this is the only place in `citefmt.checks` that touches the filesystem.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from citefmt.checks import check_text, fix_and_check
from citefmt.config import Overrides, Settings, resolve
from citefmt.diagnostics import Diagnostic
from citefmt.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, CitefmtError
from citefmt.textio import Decoded, atomic_write, atomic_write_all, read_file, read_source

#: file kinds `check` looks at when given a directory (as pre-commit's hook `files` pattern)
CHECKED_SUFFIXES: frozenset[str] = frozenset({
    ".bib", ".ris", ".nbib", ".md", ".markdown", ".qmd", ".rmd", ".txt", ".json", ".yaml",
    ".yml", ".tex", ".ltx",
})
#: folders a repository keeps other people's files in (besides hidden ones)
SKIPPED_FOLDERS: frozenset[str] = frozenset({"node_modules", "__pycache__", "venv", "env",
                                             "site-packages", "_build", "_site"})

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class FileResult:
    """What happened to one file."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: the text `--fix` writes (or `--diff` shows); None when nothing would change
    fixed: str | None = None
    original: str = ""
    #: the findings whose fix was applied (or, with `--diff`, would be)
    applied: list[Diagnostic] = field(default_factory=list)
    #: with --fix: why the file was left as it is (read errors a rewrite would lose data over)
    not_fixed: str | None = None

    def diff(self) -> str:
        if self.fixed is None:
            return ""
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def check_file(path: str, overrides: Overrides, *, fix: bool = False, fmt: str | None = None,
               write: bool = True, keys: frozenset[str] | None = None, text: str | None = None,
               original: str | None = None) -> FileResult:
    """Check `path`; with `fix`, compute the rewrite and (with `write`) store it atomically.

    After a rewrite the findings are those of the new text, so a fixed file reports only what
    `--fix` cannot repair; without `write` (`--diff`) they are the original's, each fixable
    one with its edits (shown by `--format json`). `keys` are the manuscript's bibliography keys
    when the caller worked them out across files (`citefmt.checks.projects`); `text` and
    `original` stand for the file's contents when `--rekey` has already rewritten it. Raises
    `CitefmtError` for unreadable input.
    """
    decoded = read_file(path) if text is None else None
    if decoded is not None:
        text = decoded.text
    assert text is not None  # given, or read just now
    directory = Path(path).parent if path != "-" else Path.cwd()
    settings = resolve(directory, overrides)
    if keys is None:
        keys = bibliography_keys(text, directory, settings)
    result = FileResult(path, original=original if original is not None else text)
    if fix and write:
        fixed, result.applied, remaining = fix_and_check(text, settings, source=path, fmt=fmt,
                                                         bibliography_keys=keys)
        if fixed != result.original:
            result.fixed = fixed
        if fixed != text:
            if path != "-":
                atomic_write(path, fixed, like=decoded)
            elif decoded is not None:  # standard input's fixed text keeps its line endings too
                result.fixed = decoded.restore(fixed)
        result.diagnostics = remaining
        if result.fixed is None:
            result.not_fixed = _why_not_fixed(result.diagnostics)
        return result
    if fix:  # --diff: the rewrite is shown, the findings are the original's (with their edits)
        fixed, result.applied, _ = fix_and_check(text, settings, source=path, fmt=fmt,
                                                 bibliography_keys=keys)
        if fixed != result.original:
            result.fixed = fixed
    result.diagnostics = check_text(text, settings, source=path, fmt=fmt, bibliography_keys=keys,
                                    with_fixes=fix)
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
    #: files passed over (not a bibliography or manuscript): CF309 info notes
    skipped: list[Diagnostic] = field(default_factory=list)

    @property
    def findings(self) -> list[Diagnostic]:
        """Every finding worth a user's attention (info-level notes, such as CF107, are not)."""
        return [d for r in self.results for d in r.diagnostics if d.severity != "info"]

    @property
    def all_diagnostics(self) -> list[Diagnostic]:
        """Findings and info notes, file by file (`check --verbose`)."""
        return [d for r in self.results for d in r.diagnostics]

    @property
    def changed(self) -> list[FileResult]:
        return [r for r in self.results if r.fixed is not None]

    def exit_code(self, *, fix: bool, exit_zero_even_if_changed: bool = False) -> int:
        """2 unreadable input, 1 findings or rewritten files, 0 clean (pre-commit's contract)."""
        if self.errors:
            return EXIT_ERROR
        if self.findings or (self.changed and not (fix and exit_zero_even_if_changed)):
            return EXIT_FINDINGS
        return EXIT_OK


def check_paths(paths: list[str], overrides: Overrides, *, fix: bool = False, diff: bool = False,
                fmt: str | None = None) -> CheckRun:
    """Check (and with `fix`, rewrite; with `diff`, only compute the rewrite of) every file.

    Directories are searched for reference files; files that are neither bibliographies nor
    manuscripts are passed over (`select_files`); LaTeX and Markdown manuscripts are checked
    against their bibliography across files (`citefmt.checks.projects`); with `rekey`, keys and
    citations are rewritten first, in all files or none; an unreadable file is recorded and the
    others are still checked (pre-commit's collect-and-continue)."""
    from citefmt.checks.projects import Plan, plan, project_findings

    run = CheckRun()
    files, run.skipped = select_files(paths, fmt)
    settings_for = _settings_cache(overrides)
    manuscripts = plan(files, paths, settings_for, read_source) if fmt is None else \
        Plan(files=files)
    rekeyed: dict[str, tuple[str, str]] = {}
    applied: dict[str, list[Diagnostic]] = {}
    if (fix or diff) and resolve(Path.cwd(), overrides).rekey:
        rekeyed, applied = _rekey(paths, manuscripts.files, run, write=not diff)
    for path in manuscripts.files:
        try:
            before, after = rekeyed.get(path, (None, None))
            result = check_file(path, overrides, fix=fix or diff, fmt=fmt, write=not diff,
                                keys=manuscripts.keys.get(path), text=after if diff else None,
                                original=before)
            result.applied[:0] = applied.pop(path, [])
            if result.fixed is None and before is not None and after != before:
                result.fixed = after
            run.results.append(result)
        except CitefmtError as exc:
            run.errors.append(exc)
    for path, findings in applied.items():  # manuscripts rewritten that check does not read
        run.results.append(FileResult(path, original=rekeyed[path][0], fixed=rekeyed[path][1],
                                      applied=findings))
    _attach(run, project_findings(manuscripts, settings_for, read_source))
    return run


def _rekey(paths: list[str], expanded: list[str], run: CheckRun, *,
           write: bool) -> tuple[dict[str, tuple[str, str]], dict[str, list[Diagnostic]]]:
    """`--rekey` over every checked file at once: plan, then write all files or none.

    Returns path → (old text, new text) and path → the findings fixed there."""
    from citefmt.checks.rekey import is_manuscript, plan_rekey

    files: dict[str, str] = {}
    decoded: dict[str, Decoded] = {}
    for path in dict.fromkeys(expanded + _manuscripts_below(paths)):
        if path == "-" or not (path.lower().endswith(".bib") or is_manuscript(path)):
            continue
        try:
            decoded[path] = read_file(path)
            files[path] = decoded[path].text
        except CitefmtError as exc:
            run.errors.append(exc)
            return {}, {}
    plan = plan_rekey(files)
    if plan.refused:
        run.results.append(FileResult(plan.findings[0].path, diagnostics=plan.findings))
        return {}, {}
    if write and plan.texts:
        atomic_write_all(plan.texts, like=decoded)
    applied: dict[str, list[Diagnostic]] = {}
    for finding in plan.findings:
        applied.setdefault(finding.path, []).append(finding)
    return {p: (files[p], t) for p, t in plan.texts.items()}, applied


def _manuscripts_below(paths: list[str]) -> list[str]:
    """LaTeX and Markdown files given, or below a directory given (their citations follow a
    re-keyed entry)."""
    from citefmt.checks.rekey import is_manuscript

    found: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file()
                         and is_manuscript(str(f))
                         and not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif is_manuscript(path):
            found.append(path)
    return found


def _settings_cache(overrides: Overrides) -> Callable[[Path], Settings]:
    """`resolve` once per folder: a manuscript's files share their config."""
    cache: dict[Path, Settings] = {}

    def settings_for(directory: Path) -> Settings:
        if directory not in cache:
            cache[directory] = resolve(directory, overrides)
        return cache[directory]

    return settings_for


def _attach(run: CheckRun, found: dict[str, list[Diagnostic]]) -> None:
    """Cross-file findings join the result of the file they are about (a new one for a file
    not checked itself), in line order."""
    by_path = {r.path: r for r in run.results}
    for path, diagnostics in found.items():
        if not diagnostics:
            continue
        result = by_path.get(path)
        if result is None:
            result = by_path[path] = FileResult(path)
            run.results.append(result)
        result.diagnostics = sorted([*result.diagnostics, *diagnostics],
                                    key=lambda d: (d.line or 0, d.col or 0, d.code))


def select_files(paths: list[str], fmt: str | None) -> tuple[list[str], list[Diagnostic]]:
    """The files to check, and a CF309 info note for each one passed over.

    A directory stands for the reference files and manuscripts below it (hidden folders and
    `SKIPPED_FOLDERS` left out). A JSON or YAML file — found in a folder or named by a hook —
    is checked only when it holds CSL data (or has a bibliography's name, so that a broken
    `references.json` is still reported); package.json, CI workflows or a latexindent
    `indent.yaml` are passed over. With `--from`, every named file is checked as that format."""
    selected: list[str] = []
    skipped: list[Diagnostic] = []
    for path in expand_paths(paths):
        reason = None if fmt is not None or path == "-" else _not_a_bibliography(path)
        if reason is None:
            selected.append(path)
        else:
            skipped.append(Diagnostic("CF309", f"not a bibliography or manuscript ({reason}); "
                                               "skipped", path=path, severity="info"))
    return selected, skipped


def _not_a_bibliography(path: str) -> str | None:
    """Why a .json/.yaml file is not CSL data, or None when it may be (other kinds: None)."""
    from citefmt.checks.projects import looks_like_bibliography_name

    suffix = Path(path).suffix.lower()
    if suffix not in (".json", ".yaml", ".yml") or not Path(path).is_file():
        return None
    if Path(path).stat().st_size > _LARGE_DATA and not looks_like_bibliography_name(path):
        with open(path, "rb") as handle:  # a data set: decide from its head, not parse it
            head = handle.read(4096).decode("utf-8", "replace")
        csl_like = re.search(r"\A\ufeff?\s*(\[|\{\s*\"items\"|- |references:)", head) and \
            re.search(r"[\"\s](type|id)[\"\s]*:", head)
        return None if csl_like else f"large {suffix[1:].upper()} that does not start as CSL data"
    try:
        text = read_source(path)
    except CitefmtError:
        return None  # reported when it is checked
    data = _load_data(text, suffix)
    if data is _UNREADABLE:
        # a broken list of items is a broken bibliography, to be reported; a broken object
        # (tsconfig.json with comments, a template) is somebody else's file
        if looks_like_bibliography_name(path) or re.match(r"\ufeff?\s*(\[|- |references:)", text):
            return None
        return f"not valid {'JSON' if suffix == '.json' else 'YAML'}"
    if _is_csl(data) or (data in ([], None, {}) and looks_like_bibliography_name(path)):
        return None
    return f"{'JSON' if suffix == '.json' else 'YAML'} that is not CSL data"


_UNREADABLE = object()
#: JSON/YAML files larger than this (bytes) without a bibliography's name are judged by their head
_LARGE_DATA = 5_000_000


def _load_data(text: str, suffix: str) -> object:
    import json

    import yaml

    try:
        if suffix == ".json":
            return json.loads(text.lstrip("\ufeff"))
        return yaml.safe_load(text)
    except (ValueError, yaml.YAMLError):
        return _UNREADABLE


def _is_csl(data: object) -> bool:
    """A list of CSL items, `{"items": […]}`, `references: […]` (pandoc) or one item."""
    from citefmt.model import CSL_TYPES

    if isinstance(data, dict):
        for wrapper in ("items", "references"):
            if isinstance(data.get(wrapper), list):
                return _is_csl(data[wrapper]) or not data[wrapper]
        return data.get("type") in CSL_TYPES and ("id" in data or "title" in data)
    if isinstance(data, list) and data:
        return all(isinstance(i, dict) for i in data) and any(
            i.get("type") in CSL_TYPES or ("id" in i and ("title" in i or "author" in i))
            for i in data[:20] if isinstance(i, dict))
    return False


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a directory stands for the reference files below it (hidden ones skipped)."""
    expanded: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            expanded.extend(str(f) for f in sorted(p.rglob("*"))
                            if f.is_file() and f.suffix.lower() in CHECKED_SUFFIXES
                            and not any(part.startswith(".") or part in SKIPPED_FOLDERS
                                        for part in f.relative_to(p).parts))
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
    from citefmt.readers.sources import read_path

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
