"""Output formats for the CSL engine: citeproc-py formatter modules, one per format.

A formatter module provides `preformat(text)` (escaping of literal text) and the wrappers
`Italic`, `Oblique`, `Bold`, `Light`, `Underline`, `Superscript`, `Subscript`, `SmallCaps`,
as citeproc-py expects. `rich` holds each format's rendering of markup found *inside* field
values (see `richtext.py`). `text` is citeproc-py's own; `html` is citeproc-py's with
flip-flop; `markdown` is citefmt's.
"""

from __future__ import annotations

from types import ModuleType

from citefmt.errors import UsageError

FORMATS = ("text", "html", "markdown")


def formatter_module(fmt: str) -> ModuleType:
    """The citeproc-py formatter module for an output format name."""
    if fmt == "text":
        from citeproc.formatter import plain

        return plain
    if fmt == "html":
        from citefmt.engine.formatters import html

        return html
    if fmt == "markdown":
        from citefmt.engine.formatters import markdown

        return markdown
    raise UsageError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")
