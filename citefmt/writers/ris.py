"""RIS writer: CSL-JSON items → `TY  - …` / `ER  -` records.

Written so that `citefmt.readers.ris.read(write(items))` gives the same items back: every tag
here is one the reader maps to the same CSL variable. A journal article's `number` (its article
number) is written as `C7`, as Zotero does; other items' `number` as `M1`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from citefmt.model import Item
from citefmt.ristags import RIS_TYPES, typed_tag

#: CSL type → RIS type (the first RIS code the reader maps to that CSL type)
CSL_TO_RIS: dict[str, str] = {}
for _code, _csl in RIS_TYPES.items():
    CSL_TO_RIS.setdefault(_csl, _code)
CSL_TO_RIS.update({"paper-conference": "CPAPER", "webpage": "ELEC", "manuscript": "UNPB",
                   "personal_communication": "PCOMM"})

_NAME_TAGS: tuple[tuple[str, str], ...] = (
    ("author", "AU"), ("editor", "ED"), ("collection-editor", "A3"), ("translator", "A4"),
)
#: CSL variable → RIS tag, in the order they are written after names, titles and dates
_SIMPLE_TAGS: tuple[tuple[str, str], ...] = (
    ("volume", "VL"), ("issue", "IS"), ("number", "M1"), ("edition", "ET"),
    ("version", "ET"), ("collection-number", "M1"), ("event-place", "CY"),
    ("number-of-volumes", "NV"), ("section", "SE"), ("publisher", "PB"),
    ("publisher-place", "CY"), ("ISBN", "SN"), ("ISSN", "SN"), ("DOI", "DO"), ("URL", "UR"),
    ("genre", "M3"), ("call-number", "CN"), ("archive_location", "AN"), ("archive", "DB"),
    ("event-title", "C3"), ("status", "RP"), ("abstract", "AB"), ("note", "N1"),
)


def write(items: Sequence[Item], **_options: Any) -> str:
    """Items → RIS text, one record per item, LF line ends (RIS readers accept both)."""
    return "".join(_record(item) for item in items)


def _record(item: Item) -> str:
    lines = [("TY", CSL_TO_RIS.get(str(item.get("type", "")), "GEN"))]
    if item.get("id") is not None:
        lines.append(("ID", str(item["id"])))
    kind = str(item.get("type", ""))
    conference = kind == "paper-conference"
    for variable, default in _NAME_TAGS:
        tag = typed_tag(variable, kind, default) or default
        lines.extend((tag, _name(n)) for n in item.get(variable, []))
    for variable, tag in (("title", "TI"), ("title-short", "ST"), ("original-title", "OP"),
                          ("container-title", "C3" if conference else "T2"),
                          ("container-title-short", "J2"), ("collection-title", "T3")):
        if item.get(variable):
            lines.append((tag, _one_line(item[variable])))
    lines.extend(_dates(item))
    lines.extend(_pages(item))
    article = kind.startswith("article")
    for variable, default in _SIMPLE_TAGS:
        if item.get(variable) in (None, ""):
            continue
        tag = "C7" if article and variable == "number" else _typed(variable, kind, default)
        lines.append((tag, _one_line(item[variable])))
    if item.get("language"):
        lines.append(("LA", str(item["language"])))
    if item.get("keyword"):
        lines.extend(("KW", k.strip()) for k in str(item["keyword"]).split(",") if k.strip())
    body = "".join(f"{tag}  - {value}\n" for tag, value in lines)
    return body + "ER  - \n\n"


def _typed(variable: str, kind: str, default: str) -> str:
    """The tag the RIS reader reads back as `variable` for this type (RIS tags mean different
    fields for different types: a conference's `T2` is its event, a book's `M1` its series number);
    `N1` note when the type has no tag for it, so nothing is lost."""
    if kind == "paper-conference" and variable == "event-title":
        return "T2"
    if kind == "paper-conference" and variable == "publisher-place":
        return "C1"
    return typed_tag(variable, kind, default) or "N1"


def _name(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    parts = [name.get("family", ""), name.get("given", "")]
    particle = name.get("non-dropping-particle") or name.get("dropping-particle")
    if particle:
        parts[0] = f"{particle} {parts[0]}"
    if name.get("suffix"):
        parts.append(name["suffix"])
    return ", ".join(p for p in parts if p) if parts[1] or len(parts) > 2 else parts[0]


def _dates(item: Item) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    issued = item.get("issued") or {}
    parts = (issued.get("date-parts") or [[]])[0]
    if parts:
        lines.append(("PY", str(parts[0])))
        if len(parts) > 1:
            lines.append(("DA", _slashed(parts)))
    elif issued.get("raw") or issued.get("literal"):
        lines.append(("PY", str(issued.get("raw") or issued.get("literal"))))
    accessed = item.get("accessed") or {}
    accessed_parts = (accessed.get("date-parts") or [[]])[0]
    if accessed_parts:
        lines.append(("Y2", _slashed(accessed_parts)))
    elif accessed.get("raw"):
        lines.append(("Y2", str(accessed["raw"])))
    return lines


def _slashed(parts: list[Any]) -> str:
    return "/".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts)) + "/"


def _pages(item: Item) -> list[tuple[str, str]]:
    page = item.get("page")
    if not page and item.get("number-of-pages") and item.get("type") in ("book", "thesis",
                                                                         "manuscript"):
        return [("SP", str(item["number-of-pages"]))]
    if not page:
        return []
    page = str(page)
    match = re.fullmatch(r"\s*([^\s,;–—-]+)\s*[-–—]\s*([^\s,;–—-]+)\s*", page)
    if match and match.group(1) != match.group(2):
        return [("SP", match.group(1)), ("EP", match.group(2))]
    return [("SP", page)]


def _one_line(value: Any) -> str:
    """RIS values are one line each; a newline inside would start a bogus continuation."""
    return " ".join(str(value).split())
