"""The library facade: the whole pipeline, readable in one place.

    read (readers/*) → CSL-JSON items → checks (checks/*) → render (engine/*) or write (writers/*)

`format`, `convert` and `styles` call only these functions; `check` calls
`citefmt.checks.files.check_paths` (files) over the pure `citefmt.checks.check_text` /
`fix_text` (text). A library user can do everything the CLI does.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from citefmt.diagnostics import Diagnostic, has_errors
from citefmt.errors import InputError, UsageError
from citefmt.language import primary_subtag
from citefmt.limits import NESTING
from citefmt.model import Item, ReadResult, Record
from citefmt.readers import canonical_format, detect_format, get_reader
from citefmt.textio import read_source

#: style names that are not CSL styles but data writers
DATA_STYLES: frozenset[str] = frozenset({"bibtex", "csl-json", "csl-yaml", "ris"})


def read_text(text: str, *, source: str = "<input>", fmt: str | None = None) -> ReadResult:
    """Parse `text` in format `fmt` (detected from `source` and content when None)."""
    name = canonical_format(fmt) if fmt else detect_format(source, text)
    try:
        result = get_reader(name)(text, source=source)
    except RecursionError:
        # readers bound their nesting (citefmt.limits); this is the net under all of them
        raise NESTING.exceeded(path=source, what="nesting (too deep for the reader)") from None
    except ValueError as exc:
        if not is_int_digits_error(exc):
            raise
        # Python refuses int() of more than 4,300 digits (CVE-2020-10735): a number that long
        # is hostile input wherever a reader meets it
        raise InputError(f"a number has more than {sys.get_int_max_str_digits():,} digits",
                         path=source, code="CF901") from None
    result.diagnostics[:] = [d if d.path != "<input>" else d.at(path=source)
                             for d in result.diagnostics]
    return result


def is_int_digits_error(exc: ValueError) -> bool:
    """Is this the interpreter's refusal to convert a huge digit string to int?"""
    return str(exc).startswith("Exceeds the limit") and "integer string conversion" in str(exc)


def read_path(path: str, *, fmt: str | None = None) -> ReadResult:
    """Read one file (or `-` for standard input)."""
    return read_text(read_source(path), source=_source_name(path), fmt=fmt)


def _source_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


@dataclass
class Loaded:
    """Records from all inputs, in input order, and every finding made on the way."""

    records: list[Record] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        return [r.item for r in self.records]


def load(paths: Sequence[str], *, fmt: str | None = None, article: bool = False,
         lang: str | None = None) -> Loaded:
    """Read every input; with `article`, take each input's own article record instead of its
    reference list (JATS article-meta, an article page's metadata and "For citation" lines).

    `lang` picks the version in that language where a source gives several (the article's
    record in Russian and English; JATS reference lists paired ru/en); by default the
    source's own language."""
    loaded = Loaded()
    for path in paths:
        result = read_path(path, fmt=fmt)
        loaded.diagnostics.extend(result.diagnostics)
        if article:
            loaded.records.append(_article_record(result, path, lang))
            continue
        references = _reference_list(result, path, lang)
        if not references and not has_errors(result.diagnostics):
            loaded.diagnostics.append(Diagnostic("CF122", "no references found",
                                                 path=_source_name(path), severity="warning"))
        loaded.records.extend(references)
    _make_ids_unique(loaded.records)
    return loaded


def _reference_list(result: ReadResult, path: str, lang: str | None) -> list[Record]:
    """The source's reference list, or its version in `lang` where the source pairs lists in
    two languages (JATS `citation-alternatives`, two `ref-list`s)."""
    if lang is None:
        return result.records
    wanted = primary_subtag(lang)
    if wanted in result.alternates:
        return result.alternates[wanted]
    own = {primary_subtag(str(r.item.get("language", ""))) for r in result.records}
    if not result.alternates or wanted in own:
        return result.records
    given = ", ".join(sorted((own | set(result.alternates)) - {""})) or "none"
    raise InputError(f"the reference list has no {lang!r} version (languages given: {given})",
                     path=path)


def _article_record(result: ReadResult, path: str, lang: str | None) -> Record:
    if result.article is None:
        raise InputError("no article metadata found (the file has only references?)", path=path)
    if lang is None:
        return result.article
    versions = result.article_versions or {result.article.item.get("language", ""): result.article}
    wanted = primary_subtag(lang)
    if wanted not in versions:
        given = ", ".join(sorted(v for v in versions if v)) or "none"
        raise InputError(f"the article has no {lang!r} record (languages given: {given})",
                         path=path)
    return versions[wanted]


def _make_ids_unique(records: list[Record]) -> None:
    """Several inputs may reuse ids ("1", "ref1"); the engine folds case, so compare folded."""
    seen: set[str] = set()
    for record in records:
        base = str(record.item.get("id") or "item")
        candidate, n = base, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{base}-{n}"
        seen.add(candidate.casefold())
        record.item["id"] = candidate


def convert(items: Sequence[Item], *, to: str, **options: object) -> str:
    """Write items as data: csl-json, csl-yaml, bibtex or ris."""
    from citefmt.writers import get_writer

    return get_writer(to)(items, **options)


def format_bibliography(items: Sequence[Item], *, style: str, locale: str | None = None,
                        to: str = "text", numbered: bool = True) -> tuple[str, list[Diagnostic]]:
    """Render a bibliography: a CSL style (bundled name or .csl path), or `bibtex` etc.

    `numbered=False` leaves out the citation numbers a numeric style puts in front of each
    entry — for a "how to cite this article" line, which stands alone. Returns the text and
    the engine's warnings.
    """
    if style.lower() in DATA_STYLES:
        if to not in ("text", None):
            raise UsageError(f"--to {to} does not apply to --style {style}")
        return convert(items, to=style.lower()), []
    from citefmt.engine import render_bibliography

    bib = render_bibliography(items, style, locale=locale, fmt="text" if to == "json" else to)
    if to == "json":
        import json

        payload = [{"id": e.id, "text": e.text if numbered else e.body} for e in bib.entries]
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n", bib.warnings
    if numbered:
        return bib.text, bib.warnings
    if to == "html":
        divs = "".join(f'  <div class="csl-entry">{e.body}</div>\n' for e in bib.entries)
        return f'<div class="csl-bib-body">\n{divs}</div>\n', bib.warnings
    return "".join(f"{e.body}\n" for e in bib.entries), bib.warnings


def styles() -> list[tuple[str, str, Path]]:
    """Bundled styles as (name, title, path)."""
    from citefmt.engine.styles import bundled_styles

    return [(s.name, s.title, s.path) for s in bundled_styles()]
