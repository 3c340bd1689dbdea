"""Text or a file in, items and diagnostics out: the readers' entry points for callers that
do not pick a reader themselves (the library facade, the checks).

Kept in the readers layer so that checks read inputs without going through `citefmt.api`,
which sits above them.
"""

from __future__ import annotations

from citefmt.model import ReadResult
from citefmt.readers import canonical_format, detect_format, get_reader
from citefmt.textio import read_source


def read_text(text: str, *, source: str = "<input>", fmt: str | None = None) -> ReadResult:
    """Parse `text` in format `fmt` (detected from `source` and content when None)."""
    name = canonical_format(fmt) if fmt else detect_format(source, text)
    result = get_reader(name)(text, source=source)
    result.diagnostics[:] = [d if d.path != "<input>" else d.at(path=source)
                             for d in result.diagnostics]
    return result


def source_name(path: str) -> str:
    """How diagnostics name an input: its path, or <stdin> for `-`."""
    return "<stdin>" if path == "-" else path


def read_path(path: str, *, fmt: str | None = None) -> ReadResult:
    """Read one file (or `-` for standard input)."""
    return read_text(read_source(path), source=source_name(path), fmt=fmt)
