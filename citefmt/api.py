"""The library facade: the whole pipeline, readable in one place.

    read (readers/*) → CSL-JSON items → checks (checks/*) → render (engine/*) or write (writers/*)

`format`, `convert` and `styles` call only these functions; `check` calls
`citefmt.checks.files.check_paths` (files) over the pure `citefmt.checks.check_text` /
`fix_text` (text). A library user can do everything the CLI does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from citefmt.diagnostics import Diagnostic, has_errors
from citefmt.errors import InputError, UsageError
from citefmt.language import primary_subtag
from citefmt.model import Item, ReadResult, Record
from citefmt.readers import canonical_format, detect_format
from citefmt.readers.sources import read_path, read_text, source_name
from citefmt.textio import read_source

#: style names that are not CSL styles but data writers
DATA_STYLES: frozenset[str] = frozenset({"bibtex", "csl-json", "csl-yaml", "ris"})


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
    sources: list[str | None] = []
    for path in paths:
        text, source = read_source(path), source_name(path)
        keyed = (canonical_format(fmt) if fmt else detect_format(source, text)) != "text"
        result = read_text(text, source=source, fmt=fmt)
        loaded.diagnostics.extend(result.diagnostics)
        if article:
            loaded.records.append(_article_record(result, path, lang))
            sources.append(None)
            continue
        references = _reference_list(result, path, lang)
        if not references and not has_errors(result.diagnostics):
            loaded.diagnostics.append(Diagnostic("CF122", "no references found",
                                                 path=source_name(path), severity="warning"))
        loaded.records.extend(references)
        # a plain-text list's ids are numbers citefmt made up: renaming them changes no data
        sources.extend(source if keyed else None for _ in references)
    loaded.diagnostics.extend(_make_ids_unique(loaded.records, sources))
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


def _make_ids_unique(records: list[Record],
                     sources: Sequence[str | None]) -> list[Diagnostic]:
    """Several inputs may reuse ids ("1", "ref1"), and a .bib may repeat a key (CF111, both
    entries kept); the engine folds case, so compare folded. A renamed id changes what
    `convert` writes, so each rename is reported (CF402) where the renamed entry stands."""
    seen: set[str] = set()
    renamed: list[Diagnostic] = []
    for record, source in zip(records, sources, strict=True):
        given = record.item.get("id")
        base = str(given or "item")
        candidate, n = base, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{base}-{n}"
        seen.add(candidate.casefold())
        record.item["id"] = candidate
        if given and candidate != base and source is not None:
            renamed.append(Diagnostic(
                "CF402", f"id '{base}' is used by an earlier entry; this one is written as "
                         f"'{candidate}'", path=source, line=record.line, severity="warning"))
    return renamed


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


def format_citations(items: Sequence[Item], clusters: Sequence[Sequence[str]] | None, *,
                     style: str, locale: str | None = None, to: str = "text"
                     ) -> tuple[list[str], list[Diagnostic]]:
    """In-text citations of `clusters` (lists of item ids; None: each item alone, in order),
    with items numbered as the style's bibliography numbers them. Returns the texts and the
    engine's warnings (CF307 for an id not among `items`)."""
    from citefmt.engine.render import Renderer

    if clusters is None:
        clusters = [[str(item.get("id", index + 1))] for index, item in enumerate(items)]
    renderer = Renderer.for_style(style, locale=locale, fmt=to)
    result = renderer.citations(items, [list(cluster) for cluster in clusters])
    return result.texts, result.warnings


def styles() -> list[tuple[str, str, Path]]:
    """Bundled styles as (name, title, path)."""
    from citefmt.engine.styles import bundled_styles

    return [(s.name, s.title, s.path) for s in bundled_styles()]


def load_references(paths: Sequence[str], *, fmt: str | None = None,
                    scheme: str | None = None) -> Loaded:
    """The inputs' reference lists as a Russian journal's Latin-script "References" list gives
    them: every Cyrillic source transliterated (`scheme`, default BSI) with its language note,
    other sources as they are (`citefmt.translit`). Where an input prints the list twice
    (a page's "Список литературы" and "References", JATS ru/en citations), the English titles
    and official journal names come from the second list, paired by position (an entry that
    gives an official English title alone keeps that form, and an English source is taken as
    the second list gives it); a pair whose DOI, year, volume, issue or pages differ is reported
    (CF601) and takes nothing from it."""
    from citefmt.pairing import pair_lists, with_english
    from citefmt.translit import (
        DEFAULT_SCHEME,
        cyrillic_language,
        references_item,
        transliterator,
    )

    chosen = scheme or DEFAULT_SCHEME
    transliterator(chosen)  # an unknown scheme is a usage error before anything is read
    loaded = Loaded()
    for path in paths:
        result = read_path(path, fmt=fmt)
        loaded.diagnostics.extend(result.diagnostics)
        lists = {_list_language(result.records): result.records, **result.alternates}
        original = lists.get("ru") or result.records
        english = lists.get("en") if lists.get("en") is not original else None
        records = list(original)
        alone: set[int] = set()
        if english:
            for pair in pair_lists(original, english):
                if pair.original is None or pair.references is None or not pair.comparable:
                    continue
                if pair.mismatches:
                    loaded.diagnostics.append(Diagnostic(
                        "CF601", f"reference {pair.position} does not correspond to References "
                        f"entry {pair.position} ({'; '.join(map(str, pair.mismatches))}); its "
                        "English title is not taken", path=source_name(path),
                        line=pair.references.line, severity="warning"))
                    continue
                index = next(i for i, r in enumerate(original) if r is pair.original)
                if cyrillic_language(pair.original.item) is None:
                    # an English source: the References list gives it as the journal wants it
                    item = dict(pair.references.item, id=pair.original.item.get("id"))
                    records[index] = Record(item=item, line=pair.references.line,
                                            raw=pair.references.raw)
                    continue
                item, english_alone = with_english(pair.original.item, pair.references.item,
                                                   chosen)
                if english_alone:
                    alone.add(index)
                records[index] = Record(item=item, line=pair.original.line,
                                        raw=pair.original.raw)
        if not records and not has_errors(result.diagnostics):
            loaded.diagnostics.append(Diagnostic("CF122", "no references found",
                                                 path=source_name(path), severity="warning"))
        items = [references_item(r.item, chosen, english_title_alone=i in alone)
                 for i, r in enumerate(records)]
        loaded.records.extend(Record(item=item, line=r.line, raw=r.raw)
                              for item, r in zip(items, records, strict=True))
    # ids only key the rendering here (`format --translit` writes no data), so a rename is
    # not reported
    _make_ids_unique(loaded.records, [None] * len(loaded.records))
    return loaded


def _list_language(records: Sequence[Record]) -> str:
    """"ru" for a list whose items are mostly Russian, else the language most items give."""
    counts: dict[str, int] = {}
    for record in records:
        language = primary_subtag(str(record.item.get("language") or "en"))
        counts[language] = counts.get(language, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "en"
