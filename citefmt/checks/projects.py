"""Manuscripts across files: which files one manuscript is made of and which bibliography it cites.

Nothing needs configuring for the common layouts:

- LaTeX: a `.tex` file belongs to its root — the file its `% !TEX root = …` comment names, else
  a `\\documentclass` file in its folder or a folder above (up to the repository root) that
  `\\input`s/`\\include`s it. The root and everything it includes are one manuscript; its
  bibliography is what `\\bibliography{}` / `\\addbibresource{}` name, relative to the root's
  folder (as LaTeX, BibTeX and biber look for them), or found by `kpsewhich` in the TeX
  installation when one is there.
- Pandoc/Markdown: the bibliography the YAML front matter names (`bibliography:` string or
  list), else the one a metadata file beside it names (`metadata.yaml`, `_quarto.yml`, pandoc
  defaults …, in its folder or the one above), else the config's `bibliography`; else, when it
  has `[@key]` citations, the bibliography files given on the command line, else those found
  beside it (Manubot's `content/manual-references.json`). The `.md` files of one folder that share a
  bibliography are one manuscript (Manubot splits a paper into many).

`check` then reports, beside each file's own findings, a named bibliography that is missing
(CF308), cited keys missing from the bibliography (CF307, per file, at the key) and entries that
no file of the manuscript cites (CF303, in the bibliography, at the entry; not after
`\\nocite{*}` or pandoc's `nocite: '@*'`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from citefmt.checks.document import Document, read_document
from citefmt.checks.uncited import never_cited
from citefmt.config import Settings, without_suppressed
from citefmt.diagnostics import Diagnostic
from citefmt.latex_manuscript import TexReference, TexSource, read_tex
from citefmt.manuscript import find_citations

TEX_SUFFIXES = frozenset({".tex", ".ltx"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".qmd", ".rmd"})
BIBLIOGRAPHY_SUFFIXES = frozenset({".bib", ".bibtex", ".biblatex", ".json", ".yaml", ".yml",
                                   ".ris", ".nbib"})
#: metadata files pandoc users keep beside a manuscript (`--metadata-file`, Quarto, defaults)
METADATA_FILES = ("metadata.yaml", "metadata.yml", "_metadata.yaml", "_metadata.yml",
                  "_quarto.yml", "_quarto.yaml", "defaults.yaml", "defaults.yml",
                  "pandoc.yaml", "pandoc.yml")
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                              re.S)
_MAX_ROOT_LEVELS = 4

ReadText = Callable[[str], str]


@dataclass
class Manuscript:
    """One manuscript: its files, the bibliography it cites, and what was found on the way."""

    kind: Literal["latex", "pandoc"]
    #: the root `.tex` or the `.md` files of one folder, as paths usable for reading
    root: str
    members: list[str] = field(default_factory=list)
    #: bibliography files found (readable paths), and those of the TeX installation
    bibliographies: list[str] = field(default_factory=list)
    system_bibliographies: list[str] = field(default_factory=list)
    #: False when a named bibliography was not found: then no key can be called missing
    complete: bool = True
    #: the manuscript names its bibliography (or it was given with it); False: found beside it
    explicit: bool = True
    #: the bibliography is the folder's, not named in the file's own front matter: every
    #: Markdown file of the folder cites from it (Manubot's content/, a metadata file)
    shared: bool = False
    #: the files whose citations were counted
    cited_in: list[str] = field(default_factory=list)
    cites_everything: bool = False
    cited: set[str] = field(default_factory=set)
    notes: list[Diagnostic] = field(default_factory=list)

    @property
    def title(self) -> str:
        """How findings name the manuscript: its root, or its folder's Markdown files."""
        if self.kind == "pandoc" and len(self.cited_in) > 1:
            return str(Path(self.root).parent / "*.md")
        return self.root


@dataclass
class Plan:
    """The manuscripts among the checked files, and what each checked file needs."""

    files: list[str] = field(default_factory=list)
    manuscripts: list[Manuscript] = field(default_factory=list)
    #: bibliography keys per checked manuscript file (absent: the file is not a manuscript)
    keys: dict[str, frozenset[str]] = field(default_factory=dict)
    bibliography_docs: dict[str, Document] = field(default_factory=dict)


def plan(files: list[str], explicit: Iterable[str], settings_for: Callable[[Path], Settings],
         read: ReadText) -> Plan:
    """Group `files` into manuscripts: LaTeX roots pull in what they include; Markdown files
    find their bibliography. `explicit` are the files named on the command line.

    A bibliography named on the command line that no manuscript among `files` cites (a hook
    run where only refs.bib changed) pulls in the manuscripts of the repository that cite it,
    so that an entry removed from it is still found missing where it is cited."""
    given = {_norm(p) for p in explicit}
    read = _reading_once(read)
    result = _plan(files, given, settings_for, read)
    used = {b for m in result.manuscripts for b in m.bibliographies}
    extra = [candidate for path in files
             if _norm(path) in given and _is_bibliography_name(path) and _norm(path) not in used
             for candidate in manuscripts_citing(_norm(path), read, settings_for)]
    if not extra:
        return result
    return _plan(files + [p for p in dict.fromkeys(extra) if p not in files], given,
                 settings_for, read)


def _reading_once(read: ReadText) -> ReadText:
    """Planning looks at a manuscript's files many times (each chapter asks which root includes
    it); nothing is written meanwhile, so each file is read once. Unreadable files are not
    remembered: they raise each time, as `read` does."""
    texts: dict[str, str] = {}

    def cached(path: str) -> str:
        if path not in texts:
            texts[path] = read(path)
        return texts[path]

    return cached


def manuscripts_citing(bib: str, read: ReadText,
                       settings_for: Callable[[Path], Settings]) -> list[str]:
    """LaTeX roots and Markdown files in `bib`'s folder or a folder above it (up to the
    repository root) whose bibliography is `bib`."""
    found: list[str] = []
    folder = Path(bib).parent
    for _ in range(_MAX_ROOT_LEVELS):
        for candidate in sorted(folder.glob("*.tex")):
            path = _norm(str(candidate))
            source = _tex(path, read)
            if source is not None and source.is_root and \
                    bib in latex_manuscript(path, read).bibliographies:
                found.append(path)
        for candidate in _markdown_files(folder):
            path = _norm(str(candidate))
            beside = [bib] if Path(bib).parent == folder else []
            manuscript = pandoc_manuscript(path, read, settings_for(folder), beside, beside)
            if bib in manuscript.bibliographies:
                found.append(path)
        if (folder / ".git").exists() or folder.resolve() == folder.resolve().parent:
            break
        folder = folder.parent
    return found


def _plan(files: list[str], given: set[str], settings_for: Callable[[Path], Settings],
          read: ReadText) -> Plan:
    result = Plan()
    bibliographies_given = [p for p in files if _norm(p) in given and _is_bibliography_name(p)]
    seen: set[str] = set()
    latex_roots: dict[str, Manuscript] = {}
    pandoc_groups: dict[tuple[str, tuple[str, ...]], Manuscript] = {}
    for path in files:
        norm = _norm(path)
        suffix = Path(path).suffix.lower()
        if suffix in TEX_SUFFIXES and path != "-":
            root = find_root(path, read)
            if root not in latex_roots:
                latex_roots[root] = latex_manuscript(root, read)
                result.manuscripts.append(latex_roots[root])
            if norm not in latex_roots[root].members:
                # named as part of the root (magic comment) though included in a way not
                # followed here: its citations count for the manuscript
                latex_roots[root].members.append(norm)
            for member in latex_roots[root].members:
                if member not in seen:
                    seen.add(member)
                    result.files.append(member)
            continue
        if norm not in seen:
            seen.add(norm)
            result.files.append(path)
        if suffix in MARKDOWN_SUFFIXES and path != "-":
            manuscript = pandoc_manuscript(path, read, settings_for(Path(path).parent),
                                           bibliographies_given, files)
            group_key = (str(Path(norm).parent), tuple(manuscript.bibliographies))
            group = pandoc_groups.get(group_key)
            if group is None or manuscript.explicit != group.explicit:
                pandoc_groups[group_key] = manuscript
                result.manuscripts.append(manuscript)
            else:
                group.members.append(norm)
                group.notes.extend(manuscript.notes)
                group.cites_everything |= manuscript.cites_everything
    for manuscript in result.manuscripts:
        keys = _bibliography_keys(manuscript, result, settings_for, read)
        if keys and manuscript.kind == "pandoc":
            keys |= _citekey_aliases(manuscript, read)
        for member in manuscript.members:
            result.keys[member] = keys if manuscript.complete else frozenset()
        _collect_citations(manuscript, keys, read)
    return result


def project_findings(result: Plan, settings_for: Callable[[Path], Settings],
                     read: ReadText) -> dict[str, list[Diagnostic]]:
    """CF308 (bibliography not found) per manuscript file and CF303 (never cited) per
    bibliography file, keyed by the path they are about, without what the files suppress."""
    found: dict[str, list[Diagnostic]] = {}
    for manuscript in result.manuscripts:
        for note in manuscript.notes:
            found.setdefault(note.path, []).append(note)
    users: dict[str, list[Manuscript]] = {}
    for manuscript in result.manuscripts:
        for bib in manuscript.bibliographies:
            users.setdefault(bib, []).append(manuscript)
    for bib, manuscripts in users.items():
        doc = result.bibliography_docs.get(bib)
        if doc is None or any(m.cites_everything for m in manuscripts):
            continue
        current = _safe_read(bib, read)
        if current is not None and current != doc.text:  # rewritten by --fix meanwhile
            doc = read_document(current, source=bib, settings=settings_for(Path(bib).parent))
        cited = {k.casefold() for m in manuscripts for k in m.cited}
        ids = {str(r.item.get("id") or "").casefold() for r in doc.records}
        if not any(m.explicit for m in manuscripts) and not cited & ids:
            continue  # a bibliography merely found beside files that cite none of it
        where = _names(m.title for m in manuscripts)
        settings = settings_for(Path(bib).parent)
        uncited = [d for d in never_cited(doc, cited, where) if not settings.ignores(d.code)]
        found.setdefault(bib, []).extend(without_suppressed(uncited, doc.text, settings))
    return found


# --- LaTeX ------------------------------------------------------------------------------------

def find_root(path: str, read: ReadText) -> str:
    """The root file of the manuscript `path` belongs to (itself when it is one, or none is
    found)."""
    norm = _norm(path)
    source = _tex(norm, read)
    if source is None or source.is_root:
        return norm
    if source.magic_root:
        magic = _norm(str(Path(norm).parent / source.magic_root))
        if _exists(magic):
            return magic
    folder = Path(norm).parent
    for _ in range(_MAX_ROOT_LEVELS):
        for candidate in sorted(folder.glob("*.tex")):
            text = _safe_read(str(candidate), read)
            if text is None or "\\documentclass" not in text:
                continue
            if norm in _members(_norm(str(candidate)), read)[0]:
                return _norm(str(candidate))
        if (folder / ".git").exists() or folder.resolve() == folder.resolve().parent:
            break
        folder = folder.parent
    return norm


def latex_manuscript(root: str, read: ReadText) -> Manuscript:
    """The root, what it includes, and the bibliographies they name (CF308 for a missing one)."""
    members, references = _members(root, read)
    manuscript = Manuscript("latex", root, members=members)
    base = Path(root).parent
    for member, reference in references:
        candidates = [reference.name]
        if reference.add_bib_suffix and not reference.name.lower().endswith(".bib"):
            candidates = [reference.name + ".bib"]
        if re.match(r"[a-z]+://", reference.name) or re.search(r"[$#\\]", reference.name):
            # a remote resource (biblatex location=remote), a template's `$biblio-files$` or a
            # macro's `#1`: no file to look for
            manuscript.complete = False
            continue
        local = [_norm(str(base / c)) for c in candidates]
        found = next((p for p in local if _exists(p)), None)
        if found is not None:
            if found not in manuscript.bibliographies:
                manuscript.bibliographies.append(found)
            continue
        system = _kpsewhich(candidates[0])
        if system is not None:
            manuscript.system_bibliographies.append(system)
            continue
        manuscript.complete = False
        manuscript.notes.append(Diagnostic(
            "CF308", f"bibliography '{reference.name}' not found (looked for {local[0]}); "
                     "cited keys are not checked", path=member, line=reference.line,
            col=reference.col, severity="warning"))
    for member in members:
        source = _tex(member, read)
        if source is not None and source.cites_everything:
            manuscript.cites_everything = True
    return manuscript


def _members(root: str, read: ReadText) -> tuple[list[str], list[tuple[str, TexReference]]]:
    """Files of the manuscript in include order, and the bibliography commands they hold."""
    members: list[str] = []
    bibliographies: list[tuple[str, TexReference]] = []
    base = Path(root).parent

    def visit(path: str, depth: int) -> None:
        if path in members or depth > 20:
            return
        source = _tex(path, read)
        if source is None:
            return
        members.append(path)
        for reference in source.references:
            if reference.kind == "bibliography":
                bibliographies.append((path, reference))
                continue
            folder = Path(path).parent if reference.relative_to_file else base
            target = _input_path(folder / reference.directory, reference.name)
            if target is not None:
                visit(target, depth + 1)

    visit(root, 0)
    return members, bibliographies


def _input_path(folder: Path, name: str) -> str | None:
    for candidate in (name, name + ".tex"):
        path = _norm(str(folder / candidate))
        if _exists(path):
            return path
    return None


def _kpsewhich(name: str) -> str | None:
    """The file in the TeX installation (IEEEabrv.bib …), when TeX is installed."""
    program = shutil.which("kpsewhich")
    if program is None or "/" in name:
        return None
    try:
        done = subprocess.run([program, name], capture_output=True, text=True, timeout=10,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    found = done.stdout.strip()
    return found if done.returncode == 0 and found else None


# --- pandoc -----------------------------------------------------------------------------------

def pandoc_manuscript(path: str, read: ReadText, settings: Settings,
                      bibliographies_given: list[str], files: list[str]) -> Manuscript:
    """A Markdown file and the bibliography it cites (see the module docstring for the order)."""
    norm = _norm(path)
    manuscript = Manuscript("pandoc", norm, members=[norm])
    text = _safe_read(norm, read) or ""
    front = _front_matter(text)
    named, base, named_in = _bibliography_value(front), Path(norm).parent, norm
    manuscript.shared = not named
    if not named:
        for metadata in _metadata_files(Path(norm).parent):
            data = _yaml(_safe_read(str(metadata), read) or "")
            named = _bibliography_value(data)
            if named:
                base, named_in = metadata.parent, _norm(str(metadata))
                break
    nocite = str(front.get("nocite") or "")
    manuscript.cites_everything = "@*" in nocite
    manuscript.cited.update(re.findall(r"@([\w][\w:.#$%&+?<>~/-]*[\w])", nocite))
    if named:
        for name in named:
            candidate = _norm(str(base / name))
            if _exists(candidate):
                manuscript.bibliographies.append(candidate)
            else:
                manuscript.complete = False
                manuscript.notes.append(Diagnostic(
                    "CF308", f"bibliography '{name}' not found (looked for {candidate}); cited "
                             "keys are not checked", path=named_in,
                    line=_line_of(_safe_read(named_in, read) or "", name), severity="warning"))
    elif settings.bibliography:
        manuscript.bibliographies = [_norm(p) for p in settings.bibliography]
    elif not any(c.keys for c in find_citations(text)):
        pass  # no [@key] citation: a README beside the files, not a manuscript of them
    elif bibliographies_given:
        manuscript.bibliographies = [_norm(p) for p in bibliographies_given]
    else:
        folder = str(Path(norm).parent)
        manuscript.bibliographies = [_norm(p) for p in files
                                     if _is_bibliography_name(p)
                                     and str(Path(_norm(p)).parent) == folder]
        manuscript.explicit = False
    return manuscript


def _bibliography_value(data: dict[str, Any]) -> list[str]:
    """`bibliography:` as a string or a list, at the top or under `metadata:` (defaults files)."""
    value = data.get("bibliography")
    if value is None and isinstance(data.get("metadata"), dict):
        value = data["metadata"].get("bibliography")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, str | int)]
    return []


def _metadata_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for directory in (folder, folder.parent):
        found.extend(directory / name for name in METADATA_FILES if (directory / name).is_file())
    return found


def _front_matter(text: str) -> dict[str, Any]:
    m = _FRONT_MATTER_RE.match(text)
    return _yaml(m.group(1)) if m else {}


def _yaml(text: str) -> dict[str, Any]:
    if "bibliography" not in text and "nocite" not in text:
        return {}
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _line_of(text: str, needle: str) -> int | None:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


# --- keys and citations -----------------------------------------------------------------------

def _bibliography_keys(manuscript: Manuscript, result: Plan,
                       settings_for: Callable[[Path], Settings], read: ReadText) -> frozenset[str]:
    from citefmt.errors import CitefmtError

    keys: set[str] = set()
    for bib in [*manuscript.bibliographies, *manuscript.system_bibliographies]:
        doc = result.bibliography_docs.get(bib)
        if doc is None:
            try:
                doc = read_document(read(bib), source=bib, settings=settings_for(Path(bib).parent))
            except CitefmtError:
                manuscript.complete = False  # the file's own check reports why
                continue
            if bib in manuscript.bibliographies:
                result.bibliography_docs[bib] = doc
        keys.update(str(r.item["id"]) for r in doc.records if r.item.get("id"))
    return frozenset(keys)


_ALIAS_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[@([^\]\s]+)\]:[ \t]*\S", re.M)


def _citekey_aliases(manuscript: Manuscript, read: ReadText) -> frozenset[str]:
    """Keys Manubot and pandoc-url2cite define outside the bibliography: `[@alias]: doi:…` link
    definitions in the folder's Markdown files, and `pandoc: citekey-aliases:` in a metadata
    file beside them."""
    folder = Path(manuscript.root).parent
    aliases: set[str] = set()
    for path in _markdown_files(folder):
        aliases.update(_ALIAS_DEFINITION_RE.findall(_safe_read(str(path), read) or ""))
    for metadata in _metadata_files(folder):
        text = _safe_read(str(metadata), read) or ""
        if "citekey-aliases" not in text:
            continue
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        pandoc = data.get("pandoc") if isinstance(data, dict) else None
        table = pandoc.get("citekey-aliases") if isinstance(pandoc, dict) else None
        if isinstance(table, dict):
            aliases.update(str(k) for k in table)
    return frozenset(aliases)


def _collect_citations(manuscript: Manuscript, keys: frozenset[str], read: ReadText) -> None:
    """Every key any file of the manuscript cites (and, for a folder of Markdown files that
    share a bibliography found beside them, the folder's other Markdown files too)."""
    members = list(manuscript.members)
    if manuscript.kind == "pandoc" and manuscript.shared:
        folder = Path(manuscript.root).parent
        members += [_norm(str(p)) for p in _markdown_files(folder)
                    if _norm(str(p)) not in members]
    for member in members:
        text = _safe_read(member, read)
        if text is None:
            continue
        manuscript.cited_in.append(member)
        if manuscript.kind == "latex":
            source = _tex(member, read)
            citations = source.citations if source is not None else []
        else:
            citations = find_citations(text, known_keys=keys)
        manuscript.cited.update(k for c in citations for k in c.keys)


def _names(paths: Iterable[str]) -> str:
    names = list(dict.fromkeys(paths))
    if len(names) <= 3:
        return ", ".join(names)
    return f"{', '.join(names[:2])} and {len(names) - 2} other files"


# --- files ------------------------------------------------------------------------------------

def _tex(path: str, read: ReadText) -> TexSource | None:
    text = _safe_read(path, read)
    return None if text is None else _read_tex_once(text)


@lru_cache(maxsize=256)
def _read_tex_once(text: str) -> TexSource:
    """`read_tex` is pure; a manuscript's files are looked at several times while planning."""
    return read_tex(text)


def _safe_read(path: str, read: ReadText) -> str | None:
    from citefmt.errors import CitefmtError

    try:
        return read(path)
    except CitefmtError:
        return None


def _markdown_files(folder: Path) -> list[Path]:
    """The Markdown manuscripts of a folder (.md, Quarto .qmd, R Markdown .Rmd)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in MARKDOWN_SUFFIXES)


def _exists(path: str) -> bool:
    """A bibliography named in a manuscript exists as a file. A name no file system takes (too
    long, a NUL byte) names no file: pathlib raises for those instead of answering False."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


def _norm(path: str) -> str:
    return path if path == "-" else os.path.normpath(path)


def _is_bibliography_name(path: str) -> bool:
    return Path(path).suffix.lower() in BIBLIOGRAPHY_SUFFIXES


#: names bibliographies go by (Manubot's manual-references.json, Zotero/BBT exports, *.csl.json)
_BIBLIOGRAPHY_NAME_RE = re.compile(
    r"(?i)(?:^|[-_.])(?:refs?|references?|bibliograph(?:y|ies)|biblio|library|citations?|"
    r"manual-references|zotero|mendeley|csl)(?:[-_.]|$)")


def looks_like_bibliography_name(path: str) -> bool:
    """`references.json`, `refs.yaml`, `my-library.json`, `paper.csl.json` …"""
    return bool(_BIBLIOGRAPHY_NAME_RE.search(Path(path).stem + Path(path).suffix.lower()[:0]))
