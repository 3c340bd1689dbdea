"""Rich text inside CSL-JSON field values, rendered for each output format.

CSL-JSON allows a little HTML in titles: `<i>`, `<b>`, `<sup>`, `<sub>`,
`<span style="font-variant:small-caps;">` (or citeproc-js's `<sc>`), `<span class="nocase">` and
citeproc-js's `<span class="nodecor">`;
text in small caps, superscript or subscript keeps its case under text-case, as in a nocase
span (citeproc-js's "implicit nocase"). citeproc-py understands
only the nocase span; the others leaked as literal tags into plain output (and anything else,
"a < b" included, went into HTML unescaped). Here a value is tokenised once and written out per
format: HTML keeps the allowed tags and escapes all other text; Markdown uses *x*, **x**, ^x^,
~x~ and escapes the rest; plain text drops emphasis and writes super/subscripts as Unicode
characters when every character has one ("CO₂", "m²"), else as plain text. Nocase spans stay
separate `NoCase` segments so that text-case leaves them alone, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from citeproc.string import MixedString, NoCase, String

from citefmt.engine.formatters.markdown import escape as markdown_escape

_TAG = re.compile(r"<(/?)(i|b|em|strong|sup|sub|sc|span)((?:\s[^<>]*)?)>", re.IGNORECASE)

_STYLE_OF_TAG = {"i": "italic", "em": "italic", "b": "bold", "strong": "bold",
                 "sup": "sup", "sub": "sub", "sc": "smallcaps"}

#: styles whose text keeps its case under text-case (citeproc-js: "implicit nocase")
_IMPLICIT_NOCASE = frozenset({"sup", "sub", "smallcaps"})

_HTML = {"italic": ("<i>", "</i>"), "bold": ("<b>", "</b>"), "sup": ("<sup>", "</sup>"),
         "sub": ("<sub>", "</sub>"),
         "smallcaps": ('<span style="font-variant:small-caps;">', "</span>")}
_MARKDOWN = {"italic": ("*", "*"), "bold": ("**", "**"), "sup": ("^", "^"), "sub": ("~", "~"),
             "smallcaps": ("[", "]{.smallcaps}")}

_SUPERSCRIPTS = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")


@dataclass(frozen=True)
class _Text:
    text: str


@dataclass(frozen=True)
class _Open:
    style: str  # italic, bold, sup, sub, smallcaps, nocase


@dataclass(frozen=True)
class _Close:
    style: str


@dataclass(frozen=True)
class _Quote:
    opening: bool
    depth: int  # 0: outermost quotes of the field
    single: bool = False  # typed ‘ ’ at the outermost level: always the inner quotes


_Token = _Text | _Open | _Close | _Quote


class _Resolvables:
    """Whether a segment that the cs:text printing it resolves (`QuoteMark`,
    `NoDecoration`) was ever made in this process: until one is, no rendered text holds
    one, and `elements.Text` does not look for them in every text it marks up (speed: a
    macro's output is scanned at every level it passes). A fact about the process that is
    only ever set (every such segment, copies included, is made through `__new__`), not
    render state."""

    made = False


RESOLVABLES = _Resolvables()


class NoDecoration(NoCase):
    """Text of a `<span class="nodecor">` (citeproc-js): upright, unbold and without small
    caps whatever decorates the element printing it, and left alone by text-case; the
    element resolves it (`decorations.undecorated`)."""

    def __new__(cls, *args: Any) -> NoDecoration:
        RESOLVABLES.made = True
        return super().__new__(cls, *args)


class QuoteMark(String):
    """A quotation mark of the field text: printed with the locale's quote terms where the
    element renders it (`elements.Text`), outer or inner by its depth and the element's own
    `quotes` (flip-flop). The four classes keep opening/closing and depth parity through
    citeproc-py's `type(segment)(text)` copies."""

    opening = True
    inner = False
    fixed = False  # always the inner quotes (see OpenSingleQuote)

    def __new__(cls, *args: Any) -> QuoteMark:
        RESOLVABLES.made = True
        return super().__new__(cls, *args)


class OpenQuote(QuoteMark):
    pass


class CloseQuote(QuoteMark):
    opening = False


class OpenInnerQuote(QuoteMark):
    inner = True


class CloseInnerQuote(QuoteMark):
    opening = False
    inner = True


class OpenSingleQuote(QuoteMark):
    """Typed ‘ ’ around a phrase at the outermost level: printed with the inner quote terms
    whether or not the element adds its own quotes (citeproc-js: "meaning ‘God willing’",
    "“‘Parmenides’ 132c…”")."""

    inner = True
    fixed = True


class CloseSingleQuote(OpenSingleQuote):
    opening = False


_QUOTE_CLASSES = {(True, False): OpenQuote, (False, False): CloseQuote,
                  (True, True): OpenInnerQuote, (False, True): CloseInnerQuote}
_QUOTE_CHARS = "\"“”‘’'"


def quote_mark(opening: bool, depth: int, *, single: bool = False) -> QuoteMark:
    """The segment for a field quotation mark (its text: the English mark, until the
    element prints it with its locale's term)."""
    if single:
        return (OpenSingleQuote if opening else CloseSingleQuote)("‘" if opening else "’")
    inner = depth % 2 == 1
    text = ("‘" if opening else "’") if inner else ("“" if opening else "”")
    return _QUOTE_CLASSES[(opening, inner)](text)


def _quoted(tokens: list[_Token]) -> list[_Token]:
    """Text tokens split at the quotation marks of the field: straight double quotes paired
    in turn, “ ” as typed, ‘ and a word-initial ' opening a single-quoted phrase that
    the next ’ closes (other ’ are apostrophes). Gap: citeproc-py printed data quotes as
    typed, straight ones included, and never flipped them inside the style's quotes
    (CSL test suite `flipflop_*`, `decorations_NestedQuotes*`; citeproc-js)."""
    stack: list[str] = []
    result: list[_Token] = []
    for token in tokens:
        if not isinstance(token, _Text):
            result.append(token)
            continue
        start = 0
        text = token.text
        for index, char in enumerate(text):
            kind = _quote_kind(char, stack, text[index + 1:index + 2])
            if char == '"' and kind is not None:
                # a straight quote opens before a non-space and closes after one: "x " is
                # no closing quote (an orphan leaves the field as typed)
                touching = text[index + 1:index + 2] if kind == "open" else text[index - 1:index]
                if touching.isspace():
                    kind = "open" if kind == "close" else "close"
            if kind is None:
                continue
            if index > start:
                result.append(_Text(text[start:index]))
            start = index + 1
            if kind == "open":
                stack.append(_CLOSER[char])
                single = char == "‘" and len(stack) == 1
                result.append(_Quote(True, len(stack) - 1, single=single))
            else:
                opener_single = stack.pop() == "’" and not stack and char == "’"
                result.append(_Quote(False, len(stack), single=opener_single and _typed_single(
                    result)))
        if start < len(text):
            result.append(_Text(text[start:]))
    if stack:  # unbalanced: leave the field as typed
        return tokens
    return result


_CLOSER = {'"': '"', "“": "”", "‘": "’", "'": "’"}


def _typed_single(result: list[_Token]) -> bool:
    """Whether the quote the closing mark ends was opened by a typed ‘ (not a straight ')."""
    depth = 0
    for token in reversed(result):
        if isinstance(token, _Quote):
            if token.opening and depth == 0:
                return token.single
            depth += -1 if token.opening else 1
    return False


def _quote_kind(char: str, stack: list[str], next_char: str = "") -> str | None:
    if char == '"':
        return "close" if stack and stack[-1] == '"' else "open"
    if char in "“‘'":
        return "open"
    if char == "’" and next_char.isalpha():
        return None  # "You’re": an apostrophe inside a word closes nothing
    if char == "”" or (char == "’" and stack and stack[-1] == "’"):
        return "close" if stack and stack[-1] == char else None
    return None


def render_rich_text(value: str, fmt: str, *, typographic: bool = True) -> MixedString:
    """`value` as citeproc-py string segments holding `fmt` markup (nocase spans as NoCase).

    `typographic` (prose fields, not URLs or identifiers): in HTML, straight apostrophes
    become typographic ones (see `apostrophes`). Plain text and Markdown keep the character
    typed: there "'" also stands for the soft sign of romanised Russian ("ratsional'noe", the
    References lists' convention), which a reader copies as typed."""
    quoting = typographic and fmt == "html"
    if quoting and "'" in value:
        value = apostrophes(value)
    quoting = quoting and any(mark in value for mark in _QUOTE_CHARS)
    if "<" not in value and not quoting:  # no tag: one segment (most values; a speed path)
        return MixedString([String(_text(value, fmt, []))] if value else [])
    output = MixedString()
    nocase_depth = nodecor_depth = 0
    buffer: list[str] = []
    open_styles: list[str] = []

    def flush() -> None:
        nonlocal output
        if buffer:
            text = "".join(buffer)
            output += (NoDecoration(text) if nodecor_depth else NoCase(text) if nocase_depth
                       else String(text))
            buffer.clear()

    tokens = _pair(_tokens(value))
    for token in _quoted(tokens) if quoting else tokens:
        if isinstance(token, _Quote):
            flush()
            output.append(quote_mark(token.opening, token.depth, single=token.single))
        elif isinstance(token, _Text):
            buffer.append(_text(token.text, fmt, open_styles))
        elif token.style == "nocase":
            flush()
            nocase_depth += 1 if isinstance(token, _Open) else -1
        elif token.style == "nodecor":
            flush()
            nodecor_depth += 1 if isinstance(token, _Open) else -1
        else:
            implicit = token.style in _IMPLICIT_NOCASE
            if isinstance(token, _Open):
                flip = fmt == "html" and open_styles.count(token.style) % 2 == 1
                buffer.append(_flipped_marker(token.style, opening=True) if flip
                              else _marker(token.style, fmt, opening=True))
                open_styles.append(token.style)
                if implicit:  # small caps, super- and subscripts keep their case
                    flush()
                    nocase_depth += 1
            else:
                if implicit:
                    flush()
                    nocase_depth -= 1
                open_styles.remove(token.style)
                flip = fmt == "html" and open_styles.count(token.style) % 2 == 1
                buffer.append(_flipped_marker(token.style, opening=False) if flip
                              else _marker(token.style, fmt, opening=False))
    flush()
    return output


def has_rich_text_tag(value: str) -> bool:
    """Whether `value` holds a tag of the rich-text subset (`<i>`, `<sup>`, …)."""
    return any(_style(m.group(2).lower(), m.group(3)) for m in _TAG.finditer(value))


_APOSTROPHE = re.compile(r"(?<=[^\s(\[{\"“‘«])'|(?<![^\s(\[])'(?=\d)|(?<=\s)'(?=\s)")


def apostrophes(value: str) -> str:
    """Straight apostrophes in field text as typographic ones: "Plato's", "l'Égypte",
    "ETFA '09", "d ' eau" → "Plato’s", "l’Égypte", "ETFA ’09", "d ’ eau".

    Gap: citeproc-py printed them as typed; citeproc-js (CSL test suite `flipflop_*`: "the
    processor should convert straight apostrophes to typographic ones") prints U+2019. A
    straight quote opening a word ("'Parmenides'") is left as it is."""
    return _APOSTROPHE.sub("\u2019", value)


def _tokens(value: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    for match in _TAG.finditer(value):
        if match.start() > position:
            tokens.append(_Text(value[position:match.start()]))
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        style = _style(name, attributes)
        if style is None or (style == "span" and not closing):
            tokens.append(_Text(match.group(0)))
        else:
            tokens.append(_Close(style) if closing else _Open(style))
        position = match.end()
    if position < len(value):
        tokens.append(_Text(value[position:]))
    return tokens


def _style(name: str, attributes: str) -> str | None:
    if name != "span":
        return _STYLE_OF_TAG[name]
    compact = re.sub(r"\s+", "", attributes.lower())
    if not compact:
        return "span"  # a closing </span>: resolved by pairing
    if "nocase" in compact:
        return "nocase"
    if "nodecor" in compact:
        return "nodecor"
    if "font-variant:small-caps" in compact:
        return "smallcaps"
    return None


def _pair(tokens: list[_Token]) -> list[_Token]:
    """Keep only properly nested tags (</span> closes the innermost span); others become text."""
    result: list[_Token] = []
    stack: list[tuple[str, int]] = []
    for token in tokens:
        if isinstance(token, _Open):
            stack.append((token.style, len(result)))
            result.append(token)
        elif isinstance(token, _Close):
            wanted = token.style
            if (stack and (stack[-1][0] == wanted
                           or (wanted == "span"
                               and stack[-1][0] in ("nocase", "smallcaps", "nodecor")))):
                style, _ = stack.pop()
                result.append(_Close(style))
            else:
                result.append(_Text(_literal_tag(token)))
        else:
            result.append(token)
    for _style, index in stack:
        result[index] = _Text(_literal_tag(result[index]))
    return result


def _literal_tag(token: _Token) -> str:
    assert isinstance(token, (_Open, _Close))
    slash = "/" if isinstance(token, _Close) else ""
    name = {"italic": "i", "bold": "b", "sup": "sup", "sub": "sub"}.get(token.style, "span")
    return f"<{slash}{name}>"


def _marker(style: str, fmt: str, *, opening: bool) -> str:
    table = _HTML if fmt == "html" else _MARKDOWN if fmt == "markdown" else None
    if table is None:
        return ""
    return table[style][0 if opening else 1]


def _flipped_marker(style: str, *, opening: bool) -> str:
    """HTML for a style opened inside itself (flip-flop, see `formatters.html`): italics in
    italics are upright; sup and sub have no "off" form and simply nest."""
    from citefmt.engine.formatters.html import FLIPS

    if style not in FLIPS:
        return _marker(style, "html", opening=opening)
    return FLIPS[style][1] if opening else "</span>"


def _text(text: str, fmt: str, open_styles: list[str]) -> str:
    if fmt == "html":
        from citefmt.engine.formatters.html import escape_text, superscripts

        return superscripts(escape_text(text))
    if fmt == "markdown":
        return markdown_escape(text)
    if "sup" in open_styles:
        return _all_or_nothing(text, _SUPERSCRIPTS)
    if "sub" in open_styles:
        return _all_or_nothing(text, _SUBSCRIPTS)
    return text


def _all_or_nothing(text: str, table: dict[int, int]) -> str:
    mapped = text.translate(table)
    changed = sum(1 for a, b in zip(text, mapped, strict=True) if a != b)
    return mapped if changed == len(text) else text
