"""The real-world corpus (issue 9, part 7): a manifest in the repo, the files in the mirror.

`tests/corpus/manifest.json` names public bibliographies and manuscripts (repository, commit,
path, SHA-256, licence, kind). Their bytes are not in this repository: they are read from the
search tool's snapshots under `/work/.mirror/<owner>+<name>` (override with CITEFMT_MIRROR)
with `git --git-dir=… show COMMIT:PATH`, and checked against the recorded SHA-256. Tests that
need them skip, saying why, when the mirror is absent.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

MANIFEST = Path(__file__).parent / "corpus" / "manifest.json"
MIRROR = Path(os.environ.get("CITEFMT_MIRROR", "/work/.mirror"))


@dataclass(frozen=True)
class CorpusFile:
    repo: str
    commit: str
    path: str
    sha256: str
    licence: str
    kind: str
    bytes: int = 0

    @property
    def name(self) -> str:
        return f"{self.repo}:{self.path}"


def manifest() -> list[CorpusFile]:
    records = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return [CorpusFile(r["repo"], r["commit"], r["path"], r["sha256"], r["licence"], r["kind"],
                       r.get("bytes", 0)) for r in records]


def git_dir(repo: str) -> Path | None:
    """The snapshot's git directory (`repo` or `repo/.git` under the mirror), if present."""
    base = MIRROR / repo.replace("/", "+") / "repo"
    for candidate in (base / ".git", base):
        if (candidate / "HEAD").is_file():
            return candidate
    return None


def git_show(gd: Path, commit: str, path: str) -> bytes | None:
    done = subprocess.run(["git", f"--git-dir={gd}", "show", f"{commit}:{path}"],
                          capture_output=True, check=False)
    return done.stdout if done.returncode == 0 else None


def load(entry: CorpusFile) -> bytes | str:
    """The file's bytes, or why they cannot be had (no mirror, missing, checksum differs)."""
    gd = git_dir(entry.repo)
    if gd is None:
        return f"no mirror of {entry.repo} under {MIRROR} (fetch it with the search tool)"
    data = git_show(gd, entry.commit, entry.path)
    if data is None:
        return f"{entry.repo} has no {entry.path} at {entry.commit[:12]}"
    if hashlib.sha256(data).hexdigest() != entry.sha256:
        return f"{entry.name}: SHA-256 differs from the manifest"
    return data


# --- the property: parse → --fix → parse ------------------------------------------------------

@dataclass
class Figures:
    """What `--fix` did to one file, measured with bibtexparser (an independent reader)."""

    entries: int = 0
    fixes: int = 0
    keys_renamed: int = 0
    types_changed: int = 0
    entries_lost: int = 0
    fields_lost: int = 0
    #: values that changed although no applied fix's edit touches them
    unnamed_changes: int = 0
    #: a second --fix changed the text again
    second_pass_changes: int = 0
    by_code: dict[str, int] | None = None

    @property
    def clean(self) -> bool:
        return not (self.keys_renamed or self.types_changed or self.entries_lost
                    or self.fields_lost or self.unnamed_changes or self.second_pass_changes)


def kind_of(path: str) -> str | None:
    """The citefmt format name a corpus path is read as (None: the content decides)."""
    lower = path.lower()
    if lower.endswith(".bib"):
        return "bibtex"
    return None


def _entries(text: str) -> list[tuple[str, str, dict[str, str]]]:
    from citefmt.bibsource import entry_of, parse

    out = []
    for block in parse(text).blocks:
        entry = entry_of(block)
        if entry is not None:
            fields: dict[str, str] = {}
            for f in entry.fields:
                fields.setdefault(f.key.lower(), str(f.value))
            out.append((entry.key, entry.entry_type.lower(), fields))
    return out


def _touched(text: str, edits: list[tuple[int, int]]) -> set[tuple[str, str]]:
    """(key, field) pairs whose `name = value,` an edit touches."""
    from citefmt.bibsource import locate

    touched: set[tuple[str, str]] = set()
    for entry in locate(text):
        for f in entry.fields:
            end = (f.comma + 1) if f.comma is not None else f.value_end + 1
            if any(s <= end and e >= f.start for s, e in edits):
                touched.add((entry.key, f.name.lower()))
    return touched


def measure(text: str, source: str) -> Figures:
    """Run `--fix` (pass by pass, as `fix_document` does) and compare before and after."""
    from citefmt.checks import MAX_FIX_PASSES, check_text, fix_document, fix_text
    from citefmt.config import Settings

    settings = Settings()
    fmt = kind_of(source)
    figures = Figures(by_code={})
    current = text
    touched: set[tuple[str, str]] = set()
    for _ in range(MAX_FIX_PASSES):
        found = check_text(current, settings, source=source, fmt=fmt, with_fixes=True)
        fixed, applied = fix_text(current, found)
        if not applied or fixed == current:
            break
        if fmt == "bibtex":
            edits = [(e.start, e.end) for d in applied if d.fix for e in d.fix.edits]
            touched |= _touched(current, edits)
        for d in applied:
            assert figures.by_code is not None
            figures.by_code[d.code] = figures.by_code.get(d.code, 0) + 1
        figures.fixes += len(applied)
        current = fixed
    again, _ = fix_document(current, settings, source=source, fmt=fmt)
    figures.second_pass_changes = int(again != current)
    if fmt != "bibtex":
        figures.unnamed_changes = int(current != text and figures.fixes == 0)
        return figures
    before, after = _entries(text), _entries(current)
    figures.entries = len(before)
    figures.entries_lost = max(0, len(before) - len(after))
    for (key, kind, fields), (key2, kind2, fields2) in zip(before, after, strict=False):
        figures.keys_renamed += key != key2
        figures.types_changed += kind != kind2
        figures.fields_lost += len(set(fields) - set(fields2))
        figures.unnamed_changes += sum(
            1 for name, value in fields.items()
            if name in fields2 and fields2[name] != value and (key, name) not in touched)
    return figures
