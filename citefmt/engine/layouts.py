"""Per-item locales (CSL-M semantics): each entry rendered in its own language's terms.

A style's `<bibliography>` may hold several layouts:

    <bibliography>
      <sort>…</sort>
      <layout locale="en">…Vol. / No. / P. / [et al.]…</layout>
      <layout locale="ru">…Т. / № / С. / [и др.]…</layout>
      <layout>…default…</layout>
    </bibliography>

An item uses the first layout whose `locale` list (space-separated language tags) matches the
item's language by primary subtag ("en" matches "en-US" and "en-GB"), else the layout without
`locale`. Terms, date formats and locale options inside a localized layout come from the first
locale of its list (with the usual fallback chain). Sorting and citation numbers are global.

The item's language is `citefmt.language.item_language` — the one rule readers use too: its
CSL `language` (or BibLaTeX `langid`) when declared, else the script of its title and
container title.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from citefmt.language import item_language, primary_subtag


@dataclass(frozen=True)
class LayoutChoice:
    """A layout element and the locale code its terms come from (None: the style's locale)."""

    layout: Any
    locale: str | None


def bibliography_layouts(bibliography: Any) -> tuple[list[tuple[list[str], Any]], Any]:
    """([(primary subtags, layout)] for localized layouts, default layout) of a cs:bibliography
    or cs:citation element; the default is the first layout without `locale`."""
    localized: list[tuple[list[str], Any]] = []
    default = None
    for layout in bibliography.findall("cs:layout", bibliography.nsmap):
        tags = (layout.get("locale") or "").split()
        if tags:
            localized.append((tags, layout))
        elif default is None:
            default = layout
    if default is None and localized:
        default = localized[-1][1]
    return localized, default


def choose_layout(item: Mapping[str, Any], localized: list[tuple[list[str], Any]],
                  default: Any) -> LayoutChoice:
    """The layout an item is rendered with (CSL-M: first matching `locale`, else default)."""
    if localized:
        language = item_language(item)
        for tags, layout in localized:
            if any(primary_subtag(tag) == language for tag in tags):
                return LayoutChoice(layout, tags[0])
    return LayoutChoice(default, None)
