"""CF200: an item lacks a field its type needs for a usable reference.

What each type needs (checked on CSL-JSON fields):

- every type: a title;
- journal article: year, journal, and volume or pages/article number (`page` or `number`);
- book and report: year and publisher; thesis: year and publisher (the university);
- chapter: year, book title (container) and publisher; conference paper: year and proceedings
  or event;
- web page: URL.
"""

from __future__ import annotations

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic
from citefmt.model import Item

CODES = ("CF200",)

#: type → groups of fields; each group is satisfied by any one of its fields
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "article-journal": (("issued",), ("container-title",), ("volume", "page", "number")),
    "book": (("issued",), ("publisher",)),
    "report": (("issued",), ("publisher",)),
    "thesis": (("issued",), ("publisher",)),
    "chapter": (("issued",), ("container-title",), ("publisher",)),
    "paper-conference": (("issued",), ("container-title", "event", "event-title")),
    "webpage": (("URL",),),
}

#: how a message names a group
_NAMES: dict[tuple[str, ...], str] = {
    ("issued",): "year",
    ("container-title",): "journal or book title",
    ("volume", "page", "number"): "volume or pages",
    ("publisher",): "publisher",
    ("container-title", "event", "event-title"): "proceedings or event",
    ("URL",): "URL",
    ("title",): "title",
}

_TYPE_NAMES: dict[str, str] = {
    "article-journal": "journal article", "paper-conference": "conference paper",
    "webpage": "web page",
}


def missing(item: Item) -> list[str]:
    """Names of the groups `item` lacks, in a fixed order."""
    groups = (("title",), *REQUIRED.get(str(item.get("type")), ()))
    return [_NAMES[g] for g in groups if not any(_present(item, f) for f in g)]


def find(doc: Document) -> list[Diagnostic]:
    found = []
    for index, record in enumerate(doc.records):
        lacks = missing(record.item)
        if lacks:
            kind = str(record.item.get("type", "item"))
            kind = _TYPE_NAMES.get(kind, kind)
            found.append(doc.diagnostic(
                "CF200", f"{doc.label(index)}: {kind} has no {_join(lacks)}", index=index))
    return found


def _present(item: Item, field: str) -> bool:
    value = item.get(field)
    if field == "issued":
        return isinstance(value, dict) and bool(value.get("date-parts") or value.get("literal")
                                                or value.get("raw"))
    return value not in (None, "", [])


def _join(names: list[str]) -> str:
    return " and no ".join(names)
