"""CSL-JSON writer: a JSON list, two-space indent, UTF-8 kept (no \\u escapes), stable key order.

Key order (`CSL_KEY_ORDER`): `id`, `type`, `language`, the name variables, then the variables in
the order a reference reads (title, container, publisher, date, volume/issue/page), identifiers,
and free text last; keys not listed follow alphabetically. Name objects read family, given,
particles, suffix; dates read date-parts first. Lists of plain values (`date-parts` rows,
`keyword` lists) stay on one line so a changed year is a one-line diff.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from citefmt.model import DATE_VARIABLES, NAME_VARIABLES, Item

CSL_KEY_ORDER: tuple[str, ...] = (
    "id", "type", "language",
    "author", "editor", "container-author", "translator", "collection-editor", "director",
    "editorial-director", "compiler", "contributor", "illustrator", "interviewer", "recipient",
    "reviewed-author", "original-author",
    "title", "title-short", "container-title", "container-title-short", "collection-title",
    "collection-number", "event", "event-title", "event-place", "event-date", "genre", "medium",
    "edition", "version", "publisher", "publisher-place", "issued", "volume", "issue", "number",
    "chapter-number", "page", "number-of-pages", "number-of-volumes", "original-date", "status",
    "DOI", "PMID", "PMCID", "ISBN", "ISSN", "URL", "accessed", "archive", "archive_location",
    "call-number", "keyword", "note", "annote", "abstract",
)
NAME_KEY_ORDER: tuple[str, ...] = ("family", "given", "non-dropping-particle",
                                   "dropping-particle", "suffix", "comma-suffix",
                                   "static-ordering", "literal", "parse-names")
DATE_KEY_ORDER: tuple[str, ...] = ("date-parts", "season", "circa", "literal", "raw", "edtf")


def write(items: Sequence[Item], **options: Any) -> str:
    """Items → CSL-JSON text ending in a newline."""
    return _dump([ordered_item(item) for item in items], 0) + "\n"


def ordered_item(item: Item) -> Item:
    """A copy of `item` with keys (and its names' and dates' keys) in the documented order."""
    ordered = _ordered(item, CSL_KEY_ORDER)
    for key, value in ordered.items():
        if key in NAME_VARIABLES and isinstance(value, list):
            ordered[key] = [_ordered(n, NAME_KEY_ORDER) if isinstance(n, dict) else n
                            for n in value]
        elif key in DATE_VARIABLES and isinstance(value, dict):
            ordered[key] = _ordered(value, DATE_KEY_ORDER)
    return ordered


def _ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    rank = {key: i for i, key in enumerate(order)}
    keys = sorted(mapping, key=lambda k: (rank.get(k, len(order)), k))
    return {key: mapping[key] for key in keys}


def _dump(value: Any, level: int) -> str:
    """json.dumps with indent=2, except that lists of scalars are written on one line."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        body = ",\n".join(f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, level + 1)}"
                          for k, v in value.items())
        return "{\n" + body + "\n" + pad + "}"
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
        if all(isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v)
               for v in value):
            return "[" + ", ".join(_dump(v, level + 1) for v in value) + "]"
        body = ",\n".join(inner + _dump(v, level + 1) for v in value)
        return "[\n" + body + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)
