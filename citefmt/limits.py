"""Limits that keep hostile input from taking all time or memory, in one place.

Every limit has a default that no real bibliography comes near, an environment variable to
change it (`CITEFMT_MAX_<NAME>`, e.g. `CITEFMT_MAX_INPUT_BYTES=200000000`), and an error that
names it. Limits are read on use, so a test or a long-running caller can change them with
`os.environ` (or `override`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from citefmt.errors import LimitError


@dataclass(frozen=True)
class Limit:
    """One limit: its name (as in the environment variable), default, unit and error code."""

    name: str
    default: int
    unit: str
    code: str
    what: str

    @property
    def variable(self) -> str:
        return f"CITEFMT_MAX_{self.name.upper()}"

    @property
    def value(self) -> int:
        raw = os.environ.get(self.variable)
        if raw is None or not raw.strip():
            return self.default
        try:
            value = int(raw.strip().replace("_", ""))
        except ValueError:
            return self.default
        return value if value > 0 else self.default

    def exceeded(self, found: int | None = None, *, path: str | None = None,
                 line: int | None = None, what: str | None = None) -> LimitError:
        """The error for input beyond this limit (raise it)."""
        seen = f" ({found:,} {self.unit})" if found is not None else ""
        return LimitError(f"{what or self.what}{seen} exceeds the limit of {self.value:,} "
                          f"{self.unit}; raise it with {self.variable}=N if the input is genuine",
                          path=path, line=line, code=self.code)


INPUT_BYTES = Limit("input_bytes", 64 * 1024 * 1024, "bytes", "CF930", "input size")
NESTING = Limit("nesting", 200, "levels", "CF931", "nesting depth")
BRACE_DEPTH = Limit("brace_depth", 200, "levels", "CF932", "BibTeX brace depth")
EXPANSION = Limit("expansion", 10 * 1024 * 1024, "characters", "CF933",
                  "BibTeX @string expansion")
YAML_ALIASES = Limit("yaml_aliases", 1000, "aliases", "CF934", "number of YAML aliases")
LINE_CHARS = Limit("line_chars", 20_000, "characters", "CF935", "reference length")

ALL: tuple[Limit, ...] = (INPUT_BYTES, NESTING, BRACE_DEPTH, EXPANSION, YAML_ALIASES, LINE_CHARS)


def check_input_size(size: int, *, source: str) -> None:
    if size > INPUT_BYTES.value:
        raise INPUT_BYTES.exceeded(size, path=source)


def bracket_depth(text: str, opening: str, closing: str, *, quote: str | None = None) -> tuple[
        int, int]:
    """The deepest nesting of `opening`/`closing` in `text` and the offset where it is first
    reached; with `quote`, brackets inside quoted strings (backslash escapes honoured) do not
    count, and a backslash always escapes the next character. One pass, constant memory."""
    brackets = re.escape(opening + closing)
    string = ""
    if quote:
        q = re.escape(quote)
        string = f"{q}[^{q}\\\\]*(?:\\\\.[^{q}\\\\]*)*{q}?|"
    pattern = re.compile(f"{string}\\\\.|[{brackets}]", re.S)
    depth = deepest = at = 0
    for match in pattern.finditer(text):
        char = match.group()
        if char in opening:
            depth += 1
            if depth > deepest:
                deepest, at = depth, match.start()
        elif char in closing:
            depth -= 1
    return deepest, at


def check_nesting(text: str, *, source: str, limit: Limit = NESTING, opening: str = "[{",
                  closing: str = "]}", quote: str | None = '"') -> None:
    """Refuse `text` whose brackets nest deeper than `limit` (before a recursive parser sees it)."""
    if not any(c in text for c in opening):
        return
    deepest, at = bracket_depth(text, opening, closing, quote=quote)
    if deepest > limit.value:
        raise limit.exceeded(deepest, path=source, line=text.count("\n", 0, at) + 1)


@contextmanager
def override(limit: Limit, value: int) -> Iterator[None]:
    """Run a block with `limit` set to `value` (tests, embedding callers)."""
    old = os.environ.get(limit.variable)
    os.environ[limit.variable] = str(value)
    try:
        yield
    finally:
        if old is None:
            del os.environ[limit.variable]
        else:
            os.environ[limit.variable] = old
