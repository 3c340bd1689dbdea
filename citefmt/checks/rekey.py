"""`check --fix --rekey`: new citation keys in the .bib files and in every citation of them.

Only when asked (`--rekey` or `rekey = true`): by default `--fix` never changes a key. The
plan covers all the checked files at once — the .bib files, and the manuscripts (.tex, .md …)
whose `\\cite…{}`, `\\nocite{}`, `[@key]` and `@key` cite them — and is written in one step
by the caller, or not at all. Keys that change are those `citefmt.citekeys.new_keys` does not
keep (a reader's running number such as `ref7`, a key that is not a plain BibTeX key such as
`10.7717/peerj-cs.55`); `crossref`/`xref` fields that name a renamed entry follow it.

Nothing is renamed (one CF504 finding says why) when an entry cannot be located exactly in its
file, when a key is defined twice (its citations could not be told apart), or when a new key
is already cited in a manuscript for something else. Pure: texts in, texts and findings out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from citefmt.diagnostics import Diagnostic
from citefmt.edits import Edit, Fix, LineIndex, apply_edits

CODES = ("CF502", "CF503", "CF504")


@dataclass
class RekeyPlan:
    """The rewritten texts (only those that change), and a finding for every edit."""

    texts: dict[str, str] = field(default_factory=dict)
    findings: list[Diagnostic] = field(default_factory=list)
    refused: bool = False


def is_manuscript(path: str) -> bool:
    from citefmt.citekeys import MANUSCRIPT_SUFFIXES

    return Path(path).suffix.lower() in MANUSCRIPT_SUFFIXES


def plan_rekey(files: Mapping[str, str]) -> RekeyPlan:
    """What `--rekey` does to `files` (path → text): every .bib's keys and their citations."""
    from citefmt.bibsource import locate
    from citefmt.citekeys import new_keys
    from citefmt.readers.sources import read_text

    bibs = {p: t for p, t in files.items() if p.lower().endswith(".bib")}
    items: list[dict[str, object]] = []
    keep: list[bool] = []
    where: list[tuple[str, int | None]] = []
    spans = {}
    for path, text in bibs.items():
        located = {e.key: e for e in locate(text)}
        spans[path] = located
        for record in read_text(text, source=path, fmt="bibtex").records:
            key = str(record.item.get("id"))
            items.append(dict(record.item))
            keep.append(key not in located)
            where.append((path, record.line))
    old = [str(item.get("id")) for item in items]
    twice = {k for k in old if old.count(k) > 1}
    keep = [stays or key in twice for stays, key in zip(keep, old, strict=True)]
    new = new_keys(items, keep)
    rename = {o: n for o, n in zip(old, new, strict=True) if o != n}
    if not rename:
        return RekeyPlan()
    cited = _citations(files)
    clash = sorted({n for n in rename.values()
                    if any(key == n for _, spans_ in cited.items() for _, _, key in spans_)})
    if clash:
        return _refuse(files, f"new key(s) {', '.join(clash)} are already cited for something "
                              "else; no key was changed")
    plan = RekeyPlan()
    edits: dict[str, list[Edit]] = {p: [] for p in files}
    for (path, line), o, n in zip(where, old, new, strict=True):
        if o == n:
            continue
        entry = spans[path][o]
        edits[path].append(Edit(entry.key_start, entry.key_end, n))
        plan.findings.append(Diagnostic("CF502", f"key '{o}' → '{n}'", path, line, None,
                                        "warning", Fix((edits[path][-1],), f"rename to {n}")))
    for path, located in spans.items():
        text = bibs[path]
        lines = LineIndex(text)
        for entry in located.values():
            for f in entry.fields:
                if f.name.lower() not in {"crossref", "xref"}:
                    continue
                m = re.fullmatch(r"([{\"]?)\s*([^{}\"\s]+)\s*([}\"]?)",
                                 text[f.value_start:f.value_end])
                if m and m.group(2) in rename:
                    edit = Edit(f.value_start + m.start(2), f.value_start + m.end(2),
                                rename[m.group(2)])
                    edits[path].append(edit)
                    plan.findings.append(Diagnostic(
                        "CF503", f"{f.name} '{m.group(2)}' → '{rename[m.group(2)]}'", path,
                        lines.line(f.start), None, "warning", Fix((edit,))))
    for path, keys in cited.items():
        lines = LineIndex(files[path])
        for start, end, key in keys:
            if key in rename:
                edit = Edit(start, end, rename[key])
                edits[path].append(edit)
                plan.findings.append(Diagnostic(
                    "CF503", f"citation '{key}' → '{rename[key]}'", path, lines.line(start),
                    start - lines.offset(lines.line(start)) + 1, "warning", Fix((edit,))))
    for path, path_edits in edits.items():
        if path_edits:
            plan.texts[path] = apply_edits(files[path], path_edits)
    return plan


def _citations(files: Mapping[str, str]) -> dict[str, list[tuple[int, int, str]]]:
    from citefmt.citekeys import citation_key_spans

    return {path: citation_key_spans(text, latex=Path(path).suffix.lower() in {".tex", ".ltx"})
            for path, text in files.items() if is_manuscript(path)}


def _refuse(files: Mapping[str, str], why: str) -> RekeyPlan:
    first = next((p for p in files if p.lower().endswith(".bib")), next(iter(files), "<input>"))
    return RekeyPlan(findings=[Diagnostic("CF504", why, first, None, None, "warning")],
                     refused=True)
