"""Readers: one module per input format, each `read(text, *, source) -> ReadResult`.

The registry maps a format name (as in `--from`) to its module, imported lazily so that a
command reading BibTeX never pays for lxml or the reference parser.
"""

from __future__ import annotations

import importlib
import re
from pathlib import PurePath
from typing import Protocol

from citefmt.errors import UsageError
from citefmt.model import ReadResult


class Reader(Protocol):
    def __call__(self, text: str, *, source: str = "<input>") -> ReadResult: ...


#: format name → module that defines `read`
READERS: dict[str, str] = {
    "csl-json": "citefmt.readers.csljson",
    "csl-yaml": "citefmt.readers.cslyaml",
    "bibtex": "citefmt.readers.bibtex",
    "ris": "citefmt.readers.ris",
    "medline": "citefmt.readers.medline",
    "jats": "citefmt.readers.jats",
    "endnote-xml": "citefmt.readers.endnote",
    "text": "citefmt.readers.text",
}

#: accepted spellings of format names
ALIASES: dict[str, str] = {
    "json": "csl-json", "csljson": "csl-json", "csl": "csl-json",
    "yaml": "csl-yaml", "yml": "csl-yaml", "cslyaml": "csl-yaml",
    "bib": "bibtex", "biblatex": "bibtex",
    "nbib": "medline", "pubmed": "medline",
    "xml": "jats", "endnote": "endnote-xml",
    "txt": "text", "plain": "text", "md": "text", "markdown": "text",
}

EXTENSIONS: dict[str, str] = {
    ".json": "csl-json", ".yaml": "csl-yaml", ".yml": "csl-yaml",
    ".bib": "bibtex", ".bibtex": "bibtex", ".biblatex": "bibtex",
    ".ris": "ris", ".nbib": "medline", ".medline": "medline",
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text",
}


def canonical_format(name: str) -> str:
    """`--from` spelling → registry name; unknown names are a usage error."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in READERS:
        known = ", ".join(sorted(READERS))
        raise UsageError(f"unknown input format {name!r} (known: {known})")
    return key


def detect_format(source: str, text: str) -> str:
    """Pick a reader from the file name, then from the content (for stdin or odd names)."""
    suffix = PurePath(source).suffix.lower() if source not in ("-", "<stdin>") else ""
    if suffix == ".xml":
        return _sniff_xml(text)
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return sniff(text)


def sniff(text: str) -> str:
    """Guess the format of `text` from its first meaningful characters."""
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    if head.startswith(("[", "{")):
        return "csl-json"
    if head.startswith("<"):
        return _sniff_xml(head)
    if re.search(r"^\s*@\s*[A-Za-z]+\s*[{(]", head, re.M):
        return "bibtex"
    if re.match(r"TY  - ", head):
        return "ris"
    if re.match(r"PMID- ", head):
        return "medline"
    if re.match(r"(---\s*\n)?(references:\s*\n)?\s*-\s+(id|type|title):", head):
        return "csl-yaml"
    return "text"


def _sniff_xml(text: str) -> str:
    head = text[:4000]
    if "<records" in head or "<xml>" in head.lower():
        return "endnote-xml"
    return "jats"


def get_reader(fmt: str) -> Reader:
    """The reader for `fmt`; structured formats' items then pass through the one clean-up stack
    (`citefmt.readers.cleanup`)."""
    name = canonical_format(fmt)
    module = importlib.import_module(READERS[name])
    parse: Reader = module.read
    if name not in _CLEANED:
        return parse

    def read(text: str, *, source: str = "<input>") -> ReadResult:
        from citefmt.readers import cleanup

        return cleanup.apply(parse(text, source=source))

    return read


#: formats whose readers' items go through `cleanup.STACK` (kept equal to `cleanup.APPLIES_TO`
#: without importing it for formats that do not need it)
_CLEANED: frozenset[str] = frozenset({"bibtex", "ris", "medline", "endnote-xml", "jats"})
