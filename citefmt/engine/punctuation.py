"""Punctuation merging where rendered pieces meet: "Why?" + "." → "Why?", "Publ." + "." → "Publ.".

citeproc-py 0.11.1 drops a mark only when the same mark meets itself ("." + "."), and only when
it sees the mark: a title ending in "?" or "!" followed by a style's "." gave "Why?." (Vancouver:
"…scars? J Burn Care", GOST: "…рубцов?. – Текст"), and in HTML/Markdown a period after
emphasis ("<i>Publ.</i>" + ".") was doubled. CSL 1.0.2 leaves punctuation merging to the
processor; citeproc-js and jgm/citeproc drop the second mark in these cases. citefmt merges at
the seams where the engine joins pieces (affixes and delimiters, see `elements`), never on the
finished entry:

- a "." after "?", "!" or "." is dropped ("Why?" + ". " → "Why? ");
- a ",", ";" or ":" after the same mark is dropped;
- every other pair is kept ("Publ.," stays, "Why?," stays);
- as citeproc-py does, a space after a space is dropped too.

The mark on the left is the last *visible* character: closing HTML tags, an HTML entity or
Markdown emphasis markers after it are looked through.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from citeproc.string import MixedString, String

#: (mark ending the left piece, mark starting the right piece) → the right mark is dropped
_DROP_RIGHT = frozenset({("?", "."), ("!", "."), (".", "."), (",", ","), (";", ";"), (":", ":"),
                         ("!", "!"), ("?", "?"), (" ", " ")})
_MARKS = frozenset(".,;:!?")

_MARKDOWN_MARKERS = "*^~"


def last_visible_char(text: str, fmt: str) -> str:
    """The last character a reader sees in `text` written in output format `fmt`."""
    if fmt == "html":
        while text.endswith(">") and "<" in text:
            text = text[: text.rindex("<")]
        if text.endswith(";") and "&" in text[-12:]:
            text = text[: text.rindex("&")] + html.unescape(text[text.rindex("&"):])
    elif fmt == "markdown":
        while text and text[-1] in _MARKDOWN_MARKERS and not text.endswith("\\" + text[-1]):
            text = text[:-1]
    return text[-1:] if text else ""


def merge_seam(left: Any, right: Any, fmt: str = "text") -> Any:
    """`right` to append after `left`: its first character dropped when it is a mark that
    merges with `left`'s last visible mark, or a space after a space."""
    first = _head(right)
    if not first or (first not in _MARKS and first != " "):
        return right
    tail = _tail(left)
    if not tail:
        return right
    last = tail[-1] if first == " " else last_visible_char(tail, fmt)
    if (last, first) in _DROP_RIGHT:
        return _without_first_char(right)
    return right


def join_merging(pieces: Iterable[Any], delimiter: Any, fmt: str = "text") -> Any:
    """Join rendered pieces with `delimiter`, merging punctuation at every seam."""
    output = None
    for piece in pieces:
        if piece is None:
            continue
        if output is None:
            output = piece
            continue
        output = output + merge_seam(output, delimiter, fmt)
        output = output + merge_seam(output, piece, fmt)
    return String("") if output is None else output


def wrap_merging(prefix: str, text: Any, suffix: str, fmt: str = "text") -> Any:
    """`prefix` + `text` + `suffix`, merging punctuation at both seams."""
    if prefix:
        text = prefix + merge_seam(prefix, text, fmt)
    if suffix:
        text = text + merge_seam(text, suffix, fmt)
    return text


def _without_first_char(value: Any) -> Any:
    if isinstance(value, MixedString):
        segments = list(value)
        while segments and str(segments[0]) == "":
            segments.pop(0)
        if not segments:
            return value
        head = type(segments[0])(str(segments[0])[1:])
        return MixedString(([head] if str(head) else []) + segments[1:])
    return type(value)(str(value)[1:])


def _head(value: Any) -> str:
    """The first character of a rendered piece (str or citeproc-py MixedString)."""
    if isinstance(value, MixedString):
        for segment in value:
            text = str(segment)
            if text:
                return text[0]
        return ""
    return str(value)[:1]


def _tail(value: Any, length: int = 16) -> str:
    """The last `length`-odd characters of a rendered piece, without joining all of it (the
    left side of a seam grows with the entry)."""
    if not isinstance(value, MixedString):
        return str(value)[-length:]
    pieces: list[str] = []
    size = 0
    for segment in reversed(value):
        text = str(segment)
        pieces.append(text)
        size += len(text)
        if size >= length:
            break
    return "".join(reversed(pieces))
