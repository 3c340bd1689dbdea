"""Split a reference string into the tokens the CRF labels.

Vancouver glues its locators ("2006;12(3):45-52") and GOST uses spaced marks ("//", " : "),
so whitespace alone is too coarse: words, numbers and each punctuation mark become tokens,
while URLs and DOIs stay whole because no field boundary ever falls inside them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
    (?:https?://|www\.)\S+            # URL, kept whole
    | \b10\.\d{4,9}/\S+               # DOI, kept whole
    | [^\W\d_]+\.?                    # word, with its abbreviation dot ("Vol.", "Т.", "J.")
    | \d+                             # number
    | //                              # GOST host separator
    | [^\w\s]                         # any other single mark
    | _                               # underscore, a mark of its own
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """One token with its place in the source string (a named tuple: references have dozens of
    tokens and the tagger reads thousands of references, so creating them must be cheap)."""

    text: str
    start: int
    end: int
    space_before: bool


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` in order, each knowing whether whitespace preceded it."""
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        start = match.start()
        # the named tuple built as its own __new__ builds it, without that Python-level call
        tokens.append(tuple.__new__(Token, (match.group(), start, match.end(),
                                            start == 0 or start > previous_end)))
        previous_end = match.end()
    return tokens
