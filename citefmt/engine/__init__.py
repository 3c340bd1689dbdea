"""citefmt's CSL engine layer: citeproc-py 0.11.1 plus the fixes citefmt needs.

    render_bibliography(items, "vancouver", locale=None, fmt="text") -> Bibliography
    render_citation(items, ["a", "b", "c"], "vancouver") -> "[1–3]"

Importing this package is cheap: citeproc-py and lxml are imported on first render. All state a
render changes lives in one `context.RenderContext` per render call, never on the shared,
cached style tree, so renders are re-entrant and thread-safe. The fixes over citeproc-py live
in small modules, each documenting the gap it closes: `elements` (number-of-pages label,
collation sort, citation-number collapse, margin spacing, term cache, label of an empty
variable, capitalised note start), `flow_elements` (groups and conditions planned once,
`disambiguate="true"`, macros as implicit groups), `date_elements` (date delimiter, date
ranges, implicit year-suffix), `name_elements` (CSL-M suppress-min/suppress-max, "and others",
name counts, et-al-subsequent, CJK names), `initials`, `subsequent_author`, `disambiguation`
(add-names, given names, year-suffixes), `cite_groups` (cite grouping and collapsing), `text_case`,
`page_ranges`, `collation`, `base` and `punctuation` (memoised look-ups, punctuation merging at
joins, punctuation-in-quote), `layouts` (per-item locales), `locales` (locale files), `styles`
(dependent styles), `source` and `dates` (ids, raw dates, cleaned date-parts, seasons,
truncated name lists), `richtext`, `formatters.markdown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from citefmt.diagnostics import Diagnostic

if TYPE_CHECKING:
    from citefmt.model import Item


@dataclass(frozen=True)
class Entry:
    """One rendered bibliography entry, under the caller's own item id.

    `text` is the whole entry as the list prints it ("1. Smith J. …"); `number` is its
    citation number ("1") when the style prints one first, and `body` the entry after it
    ("Smith J. …"; the whole entry when there is no number), so a checker can match a
    manuscript's list lines by number and by text.
    """

    id: str
    text: str
    number: str | None = None
    body: str = ""


@dataclass
class Bibliography:
    """Rendered entries, the whole text in the requested format, and the engine's findings."""

    entries: list[Entry] = field(default_factory=list)
    text: str = ""
    warnings: list[Diagnostic] = field(default_factory=list)


def render_bibliography(items: Sequence[Item], style: str, *, locale: str | None = None,
                        fmt: str = "text") -> Bibliography:
    """Render `items` as a bibliography in `style` (bundled name, alias or .csl path).

    `locale`: None (the style's default-locale, else en-US), a code ("ru-RU"), or the path of a
    CSL locale file. `fmt`: "text", "html" or "markdown".
    """
    from citefmt.engine.render import Renderer

    return Renderer.for_style(style, locale=locale, fmt=fmt).bibliography(items)


def render_citation(items: Sequence[Item], cited_ids: Sequence[str], style: str, *,
                    locale: str | None = None, fmt: str = "text") -> str:
    """The in-text citation for `cited_ids`, numbered as the bibliography of `items` numbers
    them (numeric styles: "[1–4]", "(1, 3)")."""
    from citefmt.engine.render import Renderer

    renderer = Renderer.for_style(style, locale=locale, fmt=fmt)
    return renderer.citations(items, [list(cited_ids)]).texts[0]


__all__ = ["Bibliography", "Entry", "render_bibliography", "render_citation"]
