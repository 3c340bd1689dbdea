"""HTML output with CSL's flip-flop of decorations: citeproc-py's HTML formatter, whose
italic, bold and small-caps wrappers flip what is already so styled inside them.

Gap: citeproc-py nests the same decoration in itself ("<i>My <i>Amazing</i> Title</i>", which
shows nothing of the inner emphasis). CSL 1.0.2 (Formatting; the test suite's `flipflop_*`
and `decorations_*` fixtures, citeproc-js): text already in italics inside an italic element
is set upright, `<span style="font-style:normal;">`, and italics inside that are italic again;
likewise bold (`font-weight:normal`) and small caps (`font-variant:normal`). The flip applies to
the field's own markup: the element printing a field flips its tags for every decoration in
effect there (`elements.Text`, `decorations.decorated`), and an element that sets a decoration
back to normal under it writes the "off" span (`decorations.reset`). An element's own
decoration inside the same decoration is written as it is, `<i><i>…</i></i>`, as citeproc-js
writes it (CSL 1.0.2 speaks of flip-flop for quotes and field markup only).
"""

from __future__ import annotations

import re
import unicodedata
from html import escape
from typing import ClassVar

from citeproc.formatter.html import (
    Light,
    Oblique,
    Subscript,
    Superscript,
    TagWrapper,
)

__all__ = [
    "FLIPS",
    "Baseline",
    "Bold",
    "BoldOff",
    "Italic",
    "ItalicOff",
    "Light",
    "Oblique",
    "SmallCaps",
    "SmallCapsOff",
    "Subscript",
    "Superscript",
    "TextDecorationNone",
    "Underline",
    "escape_text",
    "flipped_segments",
    "preformat",
]

_TAG = re.compile(r"<(/?)([a-z]+)((?:\s[^<>]*)?)>")


def _superscript_bases() -> dict[str, str]:
    """Unicode superscript characters ("ª", "ʳ", "²") → the character each stands for."""
    # modifier letters without a <super> decomposition that citeproc-js also marks up
    table = {"ˀ": "ʔ", "ˁ": "ʕ", "ۥ": "و", "ۦ": "ي"}
    for code in (*range(0x00A0, 0x0100), *range(0x02B0, 0x0370), *range(0x1D2C, 0x1DC0),
                 *range(0x2070, 0x20A0), *range(0x2100, 0x2130), *range(0x3190, 0x31A0),
                 *range(0xA770, 0xA7FF)):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition.startswith("<super> "):
            table[chr(code)] = "".join(chr(int(c, 16)) for c in decomposition.split()[1:])
    return table


_SUPERSCRIPT_BASES = _superscript_bases()
_SUPERSCRIPT_CHARS = re.compile("[" + "".join(_SUPERSCRIPT_BASES) + "]")


def superscripts(text: str) -> str:
    """Unicode superscript characters as `<sup>` markup of their base characters: "1ʳᵉ" →
    "1<sup>r</sup><sup>e</sup>". Gap: citeproc-py wrote them as they are; citeproc-js (and
    the CSL test suite, `magic_SuperscriptChars`, `number_NewOrdinals*`) mark them up, so
    that every font shows them."""
    if not _SUPERSCRIPT_CHARS.search(text):
        return text
    return _SUPERSCRIPT_CHARS.sub(lambda m: f"<sup>{_SUPERSCRIPT_BASES[m.group(0)]}</sup>",
                                 text)


def escape_text(text: str) -> str:
    """`text` escaped for HTML as citeproc-js (so Zotero) writes it: "<" and ">" as "&#60;"
    and "&#62;" (the same characters as "&lt;" and "&gt;")."""
    escaped = escape(text, quote=False)
    if "&" not in escaped:
        return escaped
    return escaped.replace("&lt;", "&#60;").replace("&gt;", "&#62;")


def preformat(text: object) -> str:
    """Literal text of the style and locale (terms, affixes, `value`): escaped, with
    superscript characters marked up."""
    return superscripts(escape_text(str(text)))

#: decoration → (opening tag "on", opening tag "off"); both close with the on-tag's name or
#: </span>
FLIPS = {
    "italic": ("<i>", '<span style="font-style:normal;">'),
    "bold": ("<b>", '<span style="font-weight:normal;">'),
    "smallcaps": ('<span style="font-variant:small-caps;">',
                  '<span style="font-variant:normal;">'),
}


def _closing(opening: str) -> str:
    return "</" + opening[1:].split(">")[0].split()[0] + ">"


def flipped(text: str, decoration: str) -> str:
    """`text` with every on-tag of `decoration` turned off and every off-tag turned on."""
    on, off = FLIPS[decoration]
    if on not in text and off not in text:
        return text
    swap = {on: off, off: on}
    output: list[str] = []
    stack: list[str | None] = []  # for each open tag: the closing tag to write, or None
    position = 0
    for match in _TAG.finditer(text):
        output.append(text[position:match.start()])
        tag = match.group(0)
        if match.group(1):  # a closing tag
            replacement = stack.pop() if stack else None
            output.append(replacement if replacement is not None else tag)
        elif tag in swap:
            output.append(swap[tag])
            stack.append(_closing(swap[tag]))
        else:
            output.append(tag)
            stack.append(None)
        position = match.end()
    output.append(text[position:])
    return "".join(output)


def flipped_segments(segments: list[str], decoration: str) -> list[str]:
    """`flipped` over consecutive pieces of one field's text, whose tags may open in one
    piece and close in a later one (quote marks and nocase spans split the text)."""
    on, off = FLIPS[decoration]
    if not any(on in piece or off in piece for piece in segments):
        return segments
    joined = "\x00".join(segments)
    return flipped(joined, decoration).split("\x00")


class Italic(TagWrapper):
    """font-style="italic". Gap (second round): an element's italics inside an italic
    element are written as they are, `<i><i>…</i></i>`, as citeproc-js writes them; only
    the field's own markup is flipped (by the element printing it, `elements.Text`)."""

    tag = "i"


class Bold(TagWrapper):
    tag = "b"


class ItalicOff(TagWrapper):
    """The "off" form of italics: `font-style="normal"` under italics, nodecor text."""

    tag = "span"
    attributes: ClassVar[dict[str, str]] = {"style": "font-style:normal;"}


class BoldOff(TagWrapper):
    tag = "span"
    attributes: ClassVar[dict[str, str]] = {"style": "font-weight:normal;"}


class SmallCapsOff(TagWrapper):
    tag = "span"
    attributes: ClassVar[dict[str, str]] = {"style": "font-variant:normal;"}


class Baseline(TagWrapper):
    """vertical-align="baseline": citeproc-js's markup, kept as the CSL test suite has it
    (decorations_Baseline), written wherever the attribute is set, as citeproc-js does."""

    tag = "span"
    attributes: ClassVar[dict[str, str]] = {"style": "baseline"}


class Underline(TagWrapper):
    """text-decoration="underline" as citeproc-js writes it (citeproc-py: `<u>`)."""

    tag = "span"
    attributes: ClassVar[dict[str, str]] = {"style": "text-decoration:underline;"}


class TextDecorationNone(TagWrapper):
    """text-decoration="none": citeproc-js writes its span wherever the attribute is set."""

    tag = "span"
    attributes: ClassVar[dict[str, str]] = {"style": "text-decoration:none;"}


class SmallCaps(TagWrapper):
    tag = "span"
    attributes: ClassVar[dict[str, str]] = {"style": "font-variant:small-caps;"}
