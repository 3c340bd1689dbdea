"""Refusing XML that declares entities (billion laughs, external entities), before any parser
sees it.

Entities can only be declared in a document type declaration's internal subset (citefmt never
loads external DTDs), and the DOCTYPE can only stand in the prolog: after the XML declaration,
comments, processing instructions and white space. The prolog is scanned item by item — a
comment holding `<x` or `<!ENTITY` is a comment, not the start of the document — so nothing can
hide an internal subset from the check.
"""

from __future__ import annotations

import re

from citefmt.errors import InputError, StyleError

_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.I)


def doctype_at(text: str) -> tuple[int, str] | None:
    """Where the document type declaration starts and its text up to the root element (None
    when the prolog has none)."""
    position = 0
    text = text.lstrip("\ufeff")
    while True:
        item = _PROLOG_ITEM.match(text, position)
        if item is None or item.end() == position:
            break
        position = item.end()
    if not _DOCTYPE.match(text, position):
        return None
    root = _first_element_after(text, position)
    return position, text[position:root]


def _first_element_after(text: str, start: int) -> int:
    """The offset of the first `<name` outside comments after `start` (the root element)."""
    position = start + 2
    while True:
        lt = text.find("<", position)
        if lt < 0:
            return len(text)
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            position = len(text) if end < 0 else end + 3
            continue
        if re.match(r"<[A-Za-z_:]", text[lt:lt + 2]):
            return lt
        position = lt + 1


def refuse_entity_declarations(text: str, *, source: str) -> None:
    """An XML document whose DOCTYPE has an internal subset that declares entities is refused
    (`InputError` CF911); a plain `<!DOCTYPE article PUBLIC …>` (JATS) is fine."""
    found = doctype_at(text)
    if found is None:
        return
    position, declaration = found
    entity = re.search(r"<!ENTITY", declaration, re.I) if "[" in declaration else None
    if entity is not None:
        line = text.lstrip("\ufeff").count("\n", 0, position + entity.start()) + 1
        raise InputError("refused: XML declares entities", path=source, line=line,
                         code="CF911")


def refuse_doctype(data: bytes, *, source: str, what: str) -> None:
    """CSL styles and locales never need a DOCTYPE: any is refused (`StyleError` CF911)."""
    text = data.decode("utf-8", "replace")
    found = doctype_at(text)
    if found is not None:
        line = text.lstrip("\ufeff").count("\n", 0, found[0]) + 1
        raise StyleError(f"refused: CSL {what} file has a DOCTYPE (entities are not allowed)",
                         path=source, line=line, code="CF911")
