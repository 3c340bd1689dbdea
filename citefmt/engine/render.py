"""Rendering: a loaded style + items → bibliography entries or in-text citations.

This replaces citeproc-py's `CitationStylesBibliography` front end (which `CitationStylesStyle`
drives) with one that knows about per-item layouts and locale chains, keeps the caller's ids,
collects warnings as diagnostics, and numbers items with O(1) look-ups (citeproc-py's
`keys.index` per citation made rendering quadratic in the item count).
"""

from __future__ import annotations

import gc
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

from citefmt.diagnostics import Diagnostic
from citefmt.engine import Bibliography, Entry
from citefmt.engine.citation_labels import add_citation_labels
from citefmt.engine.context import LocaleState, RenderContext, current, rendering
from citefmt.engine.disambiguation import disambiguate
from citefmt.engine.elements import punctuation_in_quote_option
from citefmt.engine.formatters import formatter_module
from citefmt.engine.layouts import bibliography_layouts, choose_layout
from citefmt.engine.loading import ParsedTree, parse_csl_file
from citefmt.engine.locales import XML_LANG, load_user_locale, locale_chain
from citefmt.engine.positions import (
    AMBIGUITY_PROBE,
    GIVEN_FIELDS,
    CitePosition,
    PlacedCitation,
    PlacedCite,
    cite_positions,
    given_position,
)
from citefmt.engine.source import PreparedSource, prepare_source
from citefmt.engine.styles import resolve
from citefmt.engine.subsequent_author import SubsequentAuthor
from citefmt.errors import StyleError
from citefmt.model import Item

#: a citation cluster: ids, or cite dicts {"id", "locator", "label", "prefix", "suffix"}
Cluster = Sequence["str | dict[str, Any]"]


class KeyIndex(list):
    """The registry's ordered keys with O(1) `index` and `in` (citeproc-py calls both per cite)."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        super().__init__(keys)
        self._positions = {key: i for i, key in enumerate(self)}

    def append(self, key: str) -> None:
        self._positions.setdefault(key, len(self))
        super().append(key)

    def index(self, key: str, *args: Any) -> int:
        try:
            return self._positions[key]
        except KeyError:
            raise ValueError(f"{key!r} is not registered") from None

    def __contains__(self, key: object) -> bool:
        return key in self._positions


@cache
def bound_citation_item_class() -> type:
    """citeproc-py's CitationItem, remembering its reference (looked up ~65 times per entry
    through two property hops and a dict): after the first look-up it is a plain attribute."""
    from citeproc.source import CitationItem

    class BoundCitationItem(CitationItem):
        @cached_property
        def reference(self) -> Any:
            return self.bibliography.source[self.key]

        @property
        def number(self) -> int:
            # speed: the item's place in the registry, read from the dicts citeproc-py's
            # CustomDict attributes live in, not through four attribute hops (~1 per entry
            # for a numeric style); anything else goes citeproc-py's way
            try:
                keys: Any = dict.__getitem__(dict.__getitem__(self, "citation"),
                                             "bibliography").keys
                key: Any = dict.__getitem__(self, "key")
            except (KeyError, TypeError, AttributeError):
                return int(CitationItem.number.fget(self))
            return int(keys.index(key)) + 1

    return BoundCitationItem


@dataclass
class Registry:
    """What citeproc-py's citation items ask their `bibliography` for: source, keys, formatter."""

    source: Any
    formatter: ModuleType
    keys: KeyIndex = field(default_factory=KeyIndex)


@dataclass
class CitationsResult:
    """Rendered citation clusters, in input order, and the engine's findings."""

    texts: list[str]
    warnings: list[Diagnostic]
    #: (item key, position) of each cite, cluster by cluster in the order printed
    positions: list[list[tuple[str, CitePosition]]] = field(default_factory=list)
    #: what disambiguation gave each cited item (see `disambiguation_settings`)
    disambiguation: dict[str, tuple[Any, ...]] = field(default_factory=dict)


class Renderer:
    """One style in one locale and output format, ready to render any number of item lists."""

    def __init__(self, tree: ParsedTree, *, locale: str, fmt: str,
                 user_locales: Sequence[ParsedTree] = (), origin: str | None = None) -> None:
        self.tree = tree
        self.root = tree.root
        self.locale = locale
        self.fmt = fmt
        self.formatter = formatter_module(fmt)
        self.user_locales = list(user_locales)
        self.origin = origin or str(tree.path)
        self._locales: dict[str, LocaleState] = {}
        self.notes: list[Diagnostic] = []

    @classmethod
    def for_style(cls, style: str, *, locale: str | None = None, fmt: str = "text") -> Renderer:
        """Resolve and load `style` (cached) and the locale (code or locale file path)."""
        resolved = resolve(style)
        tree = parse_csl_file(resolved.path, expect="style")
        user_locales: list[ParsedTree] = []
        if locale is not None and _is_locale_path(locale):
            user = load_user_locale(Path(locale))
            user_locales.append(user)
            code = user.root.get(XML_LANG)
        else:
            code = locale or resolved.default_locale or tree.root.get("default-locale") or "en-US"
        renderer = cls(tree, locale=code, fmt=fmt, user_locales=user_locales, origin=style)
        renderer._check_locale_code(code)
        return renderer

    # -- bibliography -------------------------------------------------------------------

    def bibliography(self, items: Sequence[Item],
                     cited: Sequence[Cluster] | None = None) -> Bibliography:
        """Entries for `items` (or for the items cited in `cited`, in first-cited order),
        sorted and numbered as the style says."""
        element = self.root.bibliography
        if element is None:
            raise StyleError("style has no <bibliography> to render a reference list with",
                             path=self.origin)
        with warnings.catch_warnings(record=True) as caught, _collector_paused(), \
                rendering(self.new_context()):
            warnings.simplefilter("always")
            entries, margins, problems = self._bibliography_entries(element, items, cited)
        result = Bibliography(entries=entries,
                              warnings=self.notes + problems + self._warnings(caught))
        result.text = self._document(entries, margins)
        return result

    def _bibliography_entries(self, element: Any, items: Sequence[Item],
                              cited: Sequence[Cluster] | None
                              ) -> tuple[list[Entry], list[bool], list[Diagnostic]]:
        """`bibliography`'s entries, whether each has a left margin, and the diagnostics
        (the source's, then the render's). Speed: a function of its own, so that the
        prepared source, the cites and the references are freed when it returns, while the
        collector is still paused: resumed, it then traces only the entries (it traced all
        the render's objects, ~0.05 s at 5,000 entries)."""
        prepared = prepare_source(items, self.fmt, origin=self.origin,
                                  default_language=self._default_language())
        add_citation_labels(self.root, prepared.source)
        registry, cites = self._register(prepared, cited)
        ordered = self._sort(element, cites)
        registry.keys = KeyIndex(cite.key for cite in ordered)
        disambiguate_cites(self.root, ordered)
        entries, margins, problems = self._render_entries(element, ordered, prepared)
        _release(cites)
        return entries, margins, prepared.diagnostics + problems

    def _render_entries(self, element: Any, ordered: list[Any], prepared: PreparedSource
                        ) -> tuple[list[Entry], list[bool], list[Diagnostic]]:
        """Entries, whether each has a separate left margin, and the problems met."""
        localized, default = bibliography_layouts(element)
        split = element.get("second-field-align") is not None
        entries: list[Entry] = []
        margins: list[bool] = []
        problems: list[Diagnostic] = []
        context = current()
        substitution = context.subsequent_author = subsequent_author(element)
        for cite in ordered:
            if substitution is not None:
                substitution.start_entry()
            self._render_entry(cite, prepared, localized, default, split, entries, margins,
                               problems)
        context.locale = self._locale(self.locale)
        return entries, margins, problems

    def _render_entry(self, cite: Any, prepared: PreparedSource,
                      localized: list[tuple[list[str], Any]], default: Any, split: bool,
                      entries: list[Entry], margins: list[bool],
                      problems: list[Diagnostic]) -> None:
        """Render one entry into `entries`/`margins`, or report it in `problems`."""
        item = prepared.items[cite.key]
        label = str(item.get("id", cite.key))
        choice = choose_layout(item, localized, default)
        current().locale = self._locale(choice.locale or self.locale)
        try:
            rendered = choice.layout.render_entry(cite, split_margin=split)
        except Exception as exc:  # citeproc-py fails on odd data in many ways: report it
            problems.append(Diagnostic("CF400", f"item {label!r}: the CSL engine failed "
                                       f"({type(exc).__name__}: {exc}); left out", self.origin))
            return
        if rendered.body is None and rendered.margin is None:
            problems.append(Diagnostic("CF400", f"item {label!r}: the style rendered nothing "
                                       "for it", self.origin, severity="warning"))
            return
        # speed: the body (a MixedString of ~30 segments) joined into a str once
        body_text = "" if rendered.body is None else str(rendered.body)
        text = (str(rendered.whole) if rendered.margin is None
                else self._entry_text(rendered.margin, body_text))
        if rendered.around is not None and rendered.margin is not None:
            text = str(rendered.around(f"\n    {text}\n  "))
        body = body_text.rstrip()
        number = str(cite.number) if rendered.numbered else None
        entries.append(Entry(label, text, number=number, body=body))
        margins.append(rendered.margin is not None)

    def _entry_text(self, margin: Any, body: Any) -> str:
        body_text = "" if body is None else str(body)
        if margin is None:
            return body_text
        body_text = body_text.rstrip()
        if self.fmt == "html":
            return (f'<div class="csl-left-margin">{margin}</div>'
                    f'<div class="csl-right-inline">{body_text}</div>')
        return f"{margin} {body_text}".rstrip()

    def _document(self, entries: list[Entry], margins: list[bool]) -> str:
        """The whole list; HTML is laid out as citeproc-js lays it out."""
        if self.fmt != "html":
            return "".join(f"{e.text}\n" for e in entries)
        lines = []
        for entry, has_margin in zip(entries, margins, strict=True):
            if has_margin or entry.text.lstrip().startswith('<div class="csl-'):
                lines.append(f'  <div class="csl-entry">\n    {entry.text}\n  </div>\n')
            elif '<div class="csl-' in entry.text:  # a display block after inline text
                lines.append(f'  <div class="csl-entry">{entry.text}\n  </div>\n')
            else:
                lines.append(f'  <div class="csl-entry">{entry.text}</div>\n')
        return f'<div class="csl-bib-body">\n{"".join(lines)}</div>\n'


    # -- citations ----------------------------------------------------------------------

    def citations(self, items: Sequence[Item], clusters: Sequence[Cluster],
                  *, register_all: bool = True,
                  notes: Sequence[int] | None = None) -> CitationsResult:
        """Render citation clusters. Items are numbered in the order of `items` (then by the
        bibliography's sort); with `register_all=False` only cited items count, in first-cited
        order (the CSL test suite's convention). `notes`, one per cluster, are the numbers of
        the footnotes the clusters stand in (0: in the running text; default
        `default_notes`): cites are placed (ibid, subsequent, near-note,
        first-reference-note-number) by them (`positions.py`)."""
        from citeproc.source import Citation

        element = self.root.citation
        if element is None:
            raise StyleError("style has no <citation>", path=self.origin)
        with warnings.catch_warnings(record=True) as caught, rendering(self.new_context()):
            warnings.simplefilter("always")
            prepared = prepare_source(items, self.fmt, origin=self.origin,
                                      default_language=self._default_language())
            add_citation_labels(self.root, prepared.source)
            lookup = self._id_lookup(prepared)
            citations = [Citation(self._cites(cluster, lookup)) for cluster in clusters]
            registry, cites = self._register(prepared, None if register_all else
                                             [c.cites for c in citations], prebuilt=True)
            bib = self.root.bibliography
            if bib is not None:
                cites = self._sort(bib, cites)
                registry.keys = KeyIndex(c.key for c in cites)
            disambiguate_cites(self.root, cites)
            settings = disambiguation_settings(cites)
            _, layout = bibliography_layouts(element)
            texts: list[str] = []
            problems: list[Diagnostic] = []
            for citation in citations:
                citation.bibliography = registry
            if notes is None:
                notes = self.default_notes(len(citations))
            given = {id(cite): data for cluster, citation in zip(clusters, citations, strict=True)
                     for data, cite in zip(cluster, citation.cites, strict=True)
                     if isinstance(data, dict) and not GIVEN_FIELDS.isdisjoint(data)}
            positions = place_cites(element, layout, citations, notes, given)
            for citation in citations:
                texts.append(str(layout.render_citation(
                    citation, lambda cite: self._missing(cite, lookup, problems)) or ""))
            _release([*cites, *(citation.cites[0] for citation in citations if citation.cites)])
        warnings_out = self.notes + prepared.diagnostics + problems + self._warnings(caught)
        return CitationsResult(texts, warnings_out, positions, settings)

    def default_notes(self, count: int) -> list[int]:
        """Note numbers for clusters given without them: in a note style each cluster is a
        footnote of its own (1, 2, …); in other styles all are in the running text (0)."""
        if self.root.get("class") == "note":
            return list(range(1, count + 1))
        return [0] * count

    def _cites(self, cluster: Cluster, lookup: dict[str, str]) -> list[Any]:
        from citeproc.source import Locator

        CitationItem = bound_citation_item_class()
        cites = []
        for cite in cluster:
            data = {"id": cite} if not isinstance(cite, dict) else cite
            options: dict[str, Any] = {}
            locator = normalise_locator(data.get("locator"))
            if locator:
                options["locator"] = Locator(data.get("label") or "page", locator)
            for affix in ("prefix", "suffix"):
                if data.get(affix):
                    options[affix] = data[affix]
            original = str(data.get("id"))
            cites.append(CitationItem(lookup.get(original, original), **options))
        return cites

    @staticmethod
    def _id_lookup(prepared: PreparedSource) -> dict[str, str]:
        return {str(item.get("id", key)): key for key, item in prepared.items.items()}

    def _missing(self, cite: Any, lookup: dict[str, str], problems: list[Diagnostic]) -> str:
        problems.append(Diagnostic("CF307", f"cited id {cite.key!r} is not in the bibliography",
                                   self.origin, severity="warning"))
        return f"{cite.key}?"

    # -- shared -------------------------------------------------------------------------

    def _register(self, prepared: PreparedSource, cited: Sequence[Any] | None,
                  *, prebuilt: bool = False) -> tuple[Registry, list[Any]]:
        """Number items: in input order, or in first-cited order of `cited` clusters."""
        from citeproc.source import Citation

        CitationItem = bound_citation_item_class()
        registry = Registry(prepared.source, self.formatter)
        if cited is None:
            cites = [CitationItem(key) for key in prepared.keys]
            Citation(cites).bibliography = registry
        else:
            lookup = self._id_lookup(prepared)
            cites = []
            for cluster in cited:
                built = cluster if prebuilt else self._cites(cluster, lookup)
                cites.extend(c for c in built if c.key in prepared.items)
            holder = Citation([CitationItem(c.key) for c in cites])
            holder.bibliography = registry
            cites = holder.cites
        unique = []
        for cite in cites:
            if cite.key not in registry.keys:
                registry.keys.append(cite.key)
                unique.append(cite)
        return registry, unique

    def _sort(self, element: Any, cites: list[Any]) -> list[Any]:
        sort = element.find("cs:sort", element.nsmap)
        if sort is None:
            return list(cites)
        _, layout = bibliography_layouts(element)
        return sort.sort(list(cites), layout)

    def new_context(self) -> RenderContext:
        """A fresh render context for one render call of this style (see `context.py`)."""
        return RenderContext(formatter=self.formatter, output_format=self.fmt,
                             sort_language=self.locale.split("-")[0].lower(),
                             locale=self._locale(self.locale))

    def _default_language(self) -> str:
        """What citeproc-py's cs:text assumes for items without `language`."""
        return str(self.root.get("default-locale", "en"))[:2]

    def _locale(self, code: str) -> LocaleState:
        """The locale chain for `code` with its term cache, built once per renderer."""
        state = self._locales.get(code)
        if state is None:
            chain = locale_chain(self.root, code, self.user_locales)
            state = self._locales[code] = LocaleState(code, chain,
                                                      punctuation_in_quote_option(chain))
        return state

    def _check_locale_code(self, code: str) -> None:
        from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

        known = code in LANGUAGE_NAMES or code.split("-")[0] in PRIMARY_DIALECTS
        if not known and not self.user_locales:
            self.notes.append(Diagnostic(
                "CF401", f"locale {code!r} is unknown; terms fall back to en-US",
                self.origin, severity="warning"))

    def _warnings(self, caught: list[warnings.WarningMessage]) -> list[Diagnostic]:
        seen: dict[str, Diagnostic] = {}
        for message in caught:
            text = " ".join(str(message.message).split())
            seen.setdefault(text, Diagnostic("CF401", text, self.origin, severity="warning"))
        return list(seen.values())


def disambiguate_cites(style_root: Any, cites: Sequence[Any]) -> None:
    """`disambiguation.disambiguate`, the cites compared in their `AMBIGUITY_PROBE` position.
    Gap: citeproc-py's positions made them all first cites."""
    context = current()
    context.unplaced_position = AMBIGUITY_PROBE
    try:
        disambiguate(style_root, cites)
    finally:
        context.unplaced_position = None


def disambiguation_settings(cites: Sequence[Any]) -> dict[str, tuple[Any, ...]]:
    """What disambiguation gave each item of `cites` in the active render: names added, given
    names expanded, year-suffix, `disambiguate="true"` conditions opened (an incremental
    document resends the clusters of an item whose settings changed, as citeproc-js does,
    even where its text stays the same)."""
    state = current()
    expanded: dict[str, list[tuple[str, int]]] = {}
    for entry, level in state.cite_name_levels.items():  # (cite key, person key) → level
        owner = entry[0] if isinstance(entry, tuple) and entry else entry
        expanded.setdefault(str(owner), []).append((repr(entry), level))
    return {cite.key: (state.added_names.get(cite.key), state.given_name_level.get(cite.key),
                       str(dict.get(cite.reference, "year_suffix") or ""),
                       getattr(cite.reference, "__dict__", {}).get("disambiguate", 0),
                       tuple(sorted(expanded.get(cite.key, ()))))
            for cite in cites}


def place_cites(element: Any, layout: Any, citations: Sequence[Any], notes: Sequence[int],
                given: dict[int, dict[str, Any]] | None = None
                ) -> list[list[tuple[str, CitePosition]]]:
    """Give the render context the position of every cite of `citations` (each with its
    bibliography set), read in document order with their `notes`, the cites of each in
    the order the citation prints them (its cs:sort); return them with the cites' item keys,
    citation by citation. `given`: the cite dicts (by id of the cite) that place their cite
    themselves (`positions.given_position`)."""
    if len(notes) != len(citations):
        raise ValueError(f"{len(notes)} note numbers for {len(citations)} citations")
    ordered = [layout._good_and_bad(citation)[0] for citation in citations]
    placed = [PlacedCitation(int(note or 0), [_placed(cite) for cite in cites])
              for note, cites in zip(notes, ordered, strict=True)]
    value = element.get("near-note-distance")
    distance = int(value) if value and value.isdigit() else 5
    table = current().positions
    found = []
    for cites, positions in zip(ordered, cite_positions(placed, distance), strict=True):
        if given:
            positions = [given_position(position, given[id(cite)]) if id(cite) in given
                         else position for cite, position in zip(cites, positions, strict=True)]
        for cite, position in zip(cites, positions, strict=True):
            table[id(cite)] = position
        found.append([(cite.key, position) for cite, position in zip(cites, positions,
                                                                     strict=True)])
    return found


def _placed(cite: Any) -> PlacedCite:
    if not cite.has_locator:
        return PlacedCite(cite.key)
    return PlacedCite(cite.key, str(cite.locator.identifier), str(cite.locator.label or ""))


_NUMBER_RANGE = re.compile(r"(?<=\d)\s*[-\u2013]\s*(?=\d)")


def normalise_locator(value: Any) -> str:
    """A cite's locator as CSL processors read it: trimmed, and a range between numbers
    written without spaces ("100 - 103" → "100-103", printed "100–103"). Gap: citeproc-py
    printed it as given ("p. 100 – 103", ": 666" for " 666")."""
    if value is None:
        return ""
    return _NUMBER_RANGE.sub("-", str(value).strip())


def subsequent_author(bibliography: Any) -> SubsequentAuthor | None:
    """The substitution state for a cs:bibliography with `subsequent-author-substitute`."""
    substitute = bibliography.get("subsequent-author-substitute")
    if substitute is None:
        return None
    return SubsequentAuthor(substitute,
                            bibliography.get("subsequent-author-substitute-rule", "complete-all"))


def _release(cites: Sequence[Any]) -> None:
    """Unlink rendered cites from their citation (citeproc-py links each cite to its
    citation and the citation to its cites), so that the render's references, names and
    strings are freed as soon as the render returns. Speed: as a reference cycle they were
    left to the collector, which paused during the render, then traced and freed all of
    them at its next full collection, or at the exit of a process (~0.15 s at 5,000
    entries)."""
    for cite in cites:
        citation = dict.pop(cite, "citation", None)
        if citation is not None:  # its other cites too (a cite cited twice is registered once)
            for sibling in citation.cites:
                dict.pop(sibling, "citation", None)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while rendering.

    Rendering allocates millions of small objects that stay alive until the end (the
    references, the rendered strings); each full collection rescans all of them, which made
    rendering time grow faster than the item count (5,000 items: 5.1 s with, 3.6 s without).
    Reference counting still frees everything; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _is_locale_path(locale: str) -> bool:
    return locale.endswith(".xml") or "/" in locale or "\\" in locale or Path(locale).is_file()
