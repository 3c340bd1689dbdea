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

The item's language is its CSL `language` field (a BCP 47 tag, an ISO 639-2 code such as
"rus", or an English/Russian language name). Without one it is inferred from the script of its
title and container title: mostly Cyrillic letters → "ru", otherwise "en".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from citefmt.language import LANGUAGE_NAMES, primary_subtag

_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class LayoutChoice:
    """A layout element and the locale code its terms come from (None: the style's locale)."""

    layout: Any
    locale: str | None


def item_language(item: Mapping[str, Any]) -> str:
    """The primary language subtag of a CSL-JSON item, declared or inferred from its script."""
    declared = str(item.get("language") or "").strip()
    if declared:
        lowered = declared.lower()
        primary = primary_subtag(declared)
        if lowered in LANGUAGE_NAMES:
            return LANGUAGE_NAMES[lowered]
        if primary in LANGUAGE_NAMES:
            return LANGUAGE_NAMES[primary]
        if primary.isalpha() and 2 <= len(primary) <= 3:
            return primary
    return infer_language(" ".join(str(item.get(k) or "")
                                   for k in ("title", "container-title")))


def infer_language(text: str) -> str:
    """"ru" when most letters of `text` are Cyrillic, else "en"."""
    cyrillic = len(_CYRILLIC_LETTER.findall(text))
    if not cyrillic:
        return "en"
    letters = len(_LETTER.findall(text))
    return "ru" if cyrillic * 2 >= letters else "en"


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
