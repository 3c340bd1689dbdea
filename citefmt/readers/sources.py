"""Text or a file in, items and diagnostics out: the readers' entry points for callers that
do not pick a reader themselves (the library facade, the checks).

Kept in the readers layer so that checks read inputs without going through `citefmt.api`,
which sits above them.
"""

from __future__ import annotations

import sys

from citefmt.errors import InputError
from citefmt.limits import NESTING
from citefmt.model import ReadResult
from citefmt.readers import canonical_format, detect_format, get_reader
from citefmt.textio import read_source


def read_text(text: str, *, source: str = "<input>", fmt: str | None = None) -> ReadResult:
    """Parse `text` in format `fmt` (detected from `source` and content when None)."""
    name = canonical_format(fmt) if fmt else detect_format(source, text)
    try:
        result = get_reader(name)(text, source=source)
    except RecursionError:
        # readers bound their nesting (citefmt.limits); this is the net under all of them
        raise NESTING.exceeded(path=source, what="nesting (too deep for the reader)") from None
    except ValueError as exc:
        if not is_int_digits_error(exc):
            raise
        # Python refuses int() of more than 4,300 digits (CVE-2020-10735): a number that long
        # is hostile input wherever a reader meets it
        raise InputError(f"a number has more than {sys.get_int_max_str_digits():,} digits",
                         path=source, code="CF901") from None
    result.diagnostics[:] = [d if d.path != "<input>" else d.at(path=source)
                             for d in result.diagnostics]
    return result


def is_int_digits_error(exc: ValueError) -> bool:
    """Is this the interpreter's refusal to convert a huge digit string to int?"""
    return str(exc).startswith("Exceeds the limit") and "integer string conversion" in str(exc)


def source_name(path: str) -> str:
    """How diagnostics name an input: its path, or <stdin> for `-`."""
    return "<stdin>" if path == "-" else path


def read_path(path: str, *, fmt: str | None = None) -> ReadResult:
    """Read one file (or `-` for standard input)."""
    return read_text(read_source(path), source=source_name(path), fmt=fmt)
