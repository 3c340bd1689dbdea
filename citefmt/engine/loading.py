"""Parse CSL style and locale files into citefmt's element classes, once per file version.

Parsed trees are cached by (path, mtime, size), so a run that renders several lists (or a
test session) parses each style and locale once. Every element of a cached tree is kept
referenced: lxml then hands back the same Python proxy for a node each time, which is what
lets `elements.MemoisedLookups` cache on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from citefmt.engine.elements import CSL_NAMESPACE, element_lookup
from citefmt.errors import StyleError
from citefmt.xmlsafe import refuse_doctype


@dataclass
class ParsedTree:
    """A parsed CSL file: its root element and the references that keep its proxies alive."""

    root: Any
    path: Path
    keepalive: list[Any]


_CACHE: dict[tuple[str, int, int], ParsedTree] = {}
_PARSER: etree.XMLParser | None = None


def _parser() -> etree.XMLParser:
    global _PARSER
    if _PARSER is None:
        _PARSER = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True,
                                  resolve_entities=False)
        _PARSER.set_element_class_lookup(element_lookup())
    return _PARSER


def parse_csl_file(path: Path, *, expect: str) -> ParsedTree:
    """Parse `path`, whose root must be cs:`expect` ("style" or "locale")."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise StyleError(f"cannot read {expect} file: {exc.strerror}", path=str(path)) from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(key)
    if cached is None:
        cached = _CACHE[key] = parse_csl_bytes(path.read_bytes(), path=path, expect=expect)
    return cached


def parse_csl_bytes(data: bytes, *, path: Path, expect: str) -> ParsedTree:
    """Parse CSL XML given as bytes (not cached); `path` names it in errors. A DOCTYPE is
    refused before lxml sees the file (entities in a style are an attack, not a feature)."""
    refuse_doctype(data, source=str(path), what=expect)
    try:
        root = etree.fromstring(data, _parser()).getroottree().getroot()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        message = exc.msg.split(", line ")[0] if exc.msg else "malformed XML"
        raise StyleError(f"invalid CSL {expect} XML: {message}", path=str(path),
                         line=line) from None
    if root.tag != f"{{{CSL_NAMESPACE}}}{expect}":
        raise StyleError(f"not a CSL {expect}: root element is <{etree.QName(root).localname}> "
                         f"in namespace {etree.QName(root).namespace or '(none)'}",
                         path=str(path), line=root.sourceline)
    _give_names_a_name(root)
    if expect == "style":
        check_macros(root, path)
    return ParsedTree(root=root, path=path, keepalive=list(root.iter()))


def _give_names_a_name(root: Any) -> None:
    """Give each cs:names without cs:name (outside cs:substitute) an empty cs:name now.

    citeproc-py inserts that default cs:name into the tree the first time it renders such a
    cs:names; with a tree shared by concurrent renders that was a write during rendering.
    A cs:names inside a cs:substitute (at any depth) keeps none: it borrows the cs:name of the
    cs:names the substitute belongs to (`name_elements.Names`).
    """
    names_tag = f"{{{CSL_NAMESPACE}}}names"
    name_tag = f"{{{CSL_NAMESPACE}}}name"
    substitute_tag = f"{{{CSL_NAMESPACE}}}substitute"
    for names in root.iter(names_tag):
        if names.find(name_tag) is not None:
            continue
        if any(ancestor.tag == substitute_tag for ancestor in names.iterancestors()):
            continue
        names.insert(0, names.makeelement(name_tag, {}))


def check_macros(root: Any, path: Path) -> None:
    """A call of an undefined macro rendered nothing without a word, and a macro that calls
    itself (directly or through others) failed every entry: both are style errors (CF903),
    found before any item is rendered (issue 10)."""
    macro_tag = f"{{{CSL_NAMESPACE}}}macro"
    defined = {m.get("name"): m for m in root.iter(macro_tag)}
    calls: dict[str | None, list[tuple[str, int | None]]] = {}
    for element in root.iter():
        name = element.get("macro") if isinstance(element.tag, str) else None
        if name is None:
            continue
        if name not in defined:
            raise StyleError(f"macro {name!r} is called but not defined", path=str(path),
                             line=element.sourceline)
        owner = next((a.get("name") for a in element.iterancestors(macro_tag)), None)
        calls.setdefault(owner, []).append((name, element.sourceline))
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in defined:
        if state.get(start or ""):
            continue
        stack: list[tuple[str, int]] = [(start or "", 0)]
        state[start or ""] = 1
        while stack:
            name, index = stack.pop()
            callees = calls.get(name, [])
            if index < len(callees):
                stack.append((name, index + 1))
                callee, line = callees[index]
                if state.get(callee) == 1:
                    raise StyleError(f"macro {callee!r} calls itself (through {name!r})",
                                     path=str(path), line=line)
                if not state.get(callee):
                    state[callee] = 1
                    stack.append((callee, 0))
            else:
                state[name] = 2


def clear_cache() -> None:
    """Forget parsed files (tests that rewrite a file within one mtime tick)."""
    _CACHE.clear()
