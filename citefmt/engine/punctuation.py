"""Punctuation merging where rendered pieces meet: "Why?" + "." → "Why?", "Publ." + "." → "Publ.".

citeproc-py 0.11.1 drops a mark only when the same mark meets itself ("." + "."), and only when
it sees the mark: a title ending in "?" or "!" followed by a style's "." gave "Why?." (Vancouver:
"…scars? J Burn Care", GOST: "…рубцов?. – Текст"), and in HTML/Markdown a period after
emphasis ("<i>Publ.</i>" + ".") was doubled. CSL 1.0.2 leaves punctuation merging to the
processor; citeproc-js and jgm/citeproc drop the second mark in these cases. citefmt merges at
the seams where the engine joins pieces (affixes and delimiters, see `elements`), never on the
finished entry:

- a "." after "?", "!", ".", ":" or ";" is dropped ("Why?" + ". " → "Why? ", "o. O.:" + "."
  → "o. O.:"), and a ":" after "?", "!" or ";" (citeproc-js's merge table);
- a ",", ";" or ":" after the same mark is dropped;
- a ":" or ";" before a "!" or "?" is dropped ("colon:" + "! exclamation" → "colon!
  exclamation", citeproc-js's merge table, CSL test suite `punctuation_FullMonty*`);
- every other pair is kept ("Publ.," stays, "Why?," stays);
- as citeproc-py does, a space after a space is dropped too, and a colon after "colon +
  space" with its space ("(Hrsg.): " + ": Title" → "(Hrsg.): Title");
- with the locale option `punctuation-in-quote` (en-US), a "." or "," after a closing quote the
  style printed (`quotes="true"`) moves inside it (and, as citeproc-js does, a "!" or "?"):
  “Title” + "." → “Title.” (merging with a
  mark already there: “Why?” + "." → “Why?”); so does one after the closing quote of field
  text printed with the locale's quotes (“friend,”), and the mark goes on inside a quote
  that closes right before the outer one (“This is ‘The One.’”).

The mark on the left is the last *visible* character: closing HTML tags, an HTML entity or
Markdown emphasis markers after it are looked through.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from citeproc.string import SEAM_PUNCTUATION, MixedString, String, normalize_seam

#: (mark ending the left piece, mark starting the right piece) → the right mark is dropped
_DROP_RIGHT = frozenset({("?", "."), ("!", "."), (".", "."), (",", ","), (";", ";"), (":", ":"),
                         ("!", "!"), ("?", "?"), (" ", " "),
                         ("?", ":"), ("!", ":"), (":", "."), (";", "."), (";", ":")})
_MARKS = frozenset(".,;:!?")
#: (mark ending the left piece, mark starting the right piece) → the left mark is dropped:
#: "colon:" + "! exclamation" → "colon! exclamation" (citeproc-js; CSL test suite
#: punctuation_FullMontyPlain/Field/QuotesIn/QuotesOut)
_DROP_LEFT = frozenset({(":", "!"), (";", "!"), (":", "?"), (";", "?")})
#: marks punctuation-in-quote moves inside a closing quote: CSL 1.0.2 names "." and ",";
#: citeproc-js moves "!" and "?" too (punctuation_FullMontyQuotesIn: “exclamation!” colon)
_INTO_QUOTE = frozenset(".,!?")

_MARKDOWN_MARKERS = "*^~"

#: marks citeproc-js's sibling and number rules below look at
_SEAM_MARKS = frozenset(".,;:")


class AffixPrefix(String):
    """An element's prefix that starts with a mark, printed by an element without formatting
    (citeproc-js's undecorated blob prefix)."""


class AffixSuffix(String):
    """An element's suffix that ends in a mark, as printed after the element's content."""


class AbsorbedSuffix(AffixSuffix):
    """A child's one-mark suffix that stood for its undecorated parent's identical suffix
    (`<group suffix="."><text … suffix="."/></group>`)."""


class BlockEnd(String):
    """The closing tag of a display block in HTML (`base.DisplayEnd`)."""


class NestedSuffix(AffixSuffix):
    """A suffix printed one element further down than the enclosing element's child (that
    child has no suffix of its own)."""


def nested(text: Any) -> Any:
    """`text` as the output of an element without a suffix: a typed suffix it ends with
    belongs to a grandchild from its parent's view (citeproc-js compares a parent's suffix
    with its last child's own suffix only)."""
    if type(text) is MixedString and len(text) > 0 and type(
            list.__getitem__(text, -1)) in (AffixSuffix, AbsorbedSuffix):
        return MixedString([*list.__getitem__(text, slice(0, -1)),
                            NestedSuffix(str(list.__getitem__(text, -1)))])
    return text


class NumberBlob(String):
    """A number variable's value printed as a number ("2", "113–120": citeproc-js's number
    blob)."""

#: the locale's punctuation-in-quote option, asked only when it matters
InQuote = Callable[[], bool] | None


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


def merge_seam(left: Any, right: Any, fmt: str = "text", first: str | None = None) -> Any:
    """`right` to append after `left`: its first character dropped when it is a mark that
    merges with `left`'s last visible mark, or a space after a space. `first`: `right`'s
    first character when the caller has it."""
    if first is None:
        first = _head(right)
    if not first or (first not in _MARKS and first != " "):
        return right
    if first == " " or fmt == "text":
        # speed: the last character is all that is read here (no markup to see past)
        last = _last_char(left)
        if not last:
            return right
    else:
        tail = _tail(left)
        if not tail:
            return right
        last = last_visible_char(tail, fmt)
    if (last, first) in _DROP_RIGHT:
        return _without_first_char(right)
    if last == " " and first == ":":
        # a colon after "colon + space" is dropped with the space that followed it
        # ("(Hrsg.): " + ": Cancer" → "(Hrsg.): Cancer"); citeproc-js keeps ", " + ", "
        before = last_visible_char(_tail(left).rstrip(" "), fmt)
        if before == ":":
            dropped = _without_first_char(right)
            while _head(dropped) == " ":
                dropped = _without_first_char(dropped)
            return dropped
    return right


class ClosingQuote(String):
    """A closing quotation mark the engine printed for `quotes="true"`."""


class FieldClosingQuote(String):
    """A closing quotation mark of field or affix text, printed as the locale's term."""


#: closing quotes a "." or "," moves into (punctuation-in-quote): the engine's and the field
#: text's own (citeproc-js, CSL test suite flipflop_QuotesInFieldNotOnNode: “friend,”)
_CLOSING_QUOTES = (ClosingQuote, FieldClosingQuote)


def quoted(text: Any, open_quote: Any, close_quote: Any) -> MixedString:
    """`text` between the quote marks, the closing one marked as printed by the engine."""
    segments = [open_quote] + (list(text) if isinstance(text, MixedString) else [text])
    return MixedString([*segments, ClosingQuote(str(close_quote))])


def join_merging(pieces: Iterable[Any], delimiter: Any, fmt: str = "text",
                 punctuation_in_quote: InQuote = None) -> Any:
    """Join rendered pieces with `delimiter`, merging punctuation at every seam.

    `punctuation_in_quote`: asked (only where a printed closing quote meets a "." or ",")
    whether the locale puts the mark inside the quote."""
    output = None
    for piece in pieces:
        if piece is None:
            continue
        if output is None:
            output = piece
            continue
        if delimiter:
            joint = delimiter
            if fmt == "html" and delimiter[0] in _MARKS:
                output, joint = _mark_into_block(output, delimiter)
            output = _append(output, joint, fmt, punctuation_in_quote)
            output = concatenate(output, _after_delimiter(delimiter, piece))
            continue
        piece = _after_absorbed_suffix(output, piece)
        if fmt == "html" and _head(piece) in _MARKS:
            # a sibling's leading mark goes inside the display block before it (citeproc-js's
            # `leftward` merges it into the block's suffix)
            output, rest = _mark_into_block(output, _head(piece))
            if not rest:
                piece = _without_first_char(piece)
        output = _append(output, piece, fmt, punctuation_in_quote)
    return String("") if output is None else output


def _mark_into_block(left: Any, delimiter: str) -> tuple[Any, str]:
    """(left, delimiter) with the delimiter's leading mark moved inside the display block
    `left` ends with: citeproc-js copies a delimiter's leading mark onto the suffix of each
    piece before it (`downward`), and a block's suffix is inside its div ("2024,</div>
    bioRxiv", Wolters Kluwer's author-date style)."""
    if type(left) is not MixedString or len(left) == 0 or not isinstance(
            next(_segments_from_end(left), None), BlockEnd):
        return left, delimiter
    segments = _last_segments(left)  # its last one is the block's end (tested above)
    if len(segments) < 2:
        return left, delimiter
    inside = MixedString(segments[:-1])
    mark = delimiter[0]
    if last_visible_char(str(inside), "html") != mark:
        inside = concatenate(inside, String(mark))
    return MixedString([*inside, segments[-1]]), delimiter[1:]


def _after_absorbed_suffix(left: Any, piece: Any) -> Any:
    """`piece` without the mark its undecorated prefix starts with, when `left` ends with a
    suffix that absorbed its parent's same suffix: citeproc-js merges the mark into the
    parent's suffix (`leftward`: ".;") and then drops the parent suffix's *last* character
    as a repeat of the child's (`downward`), so `<group suffix="."><text … suffix="."/>
    </group><group prefix="; ">` prints "Roe v. Wade. 1973" (Journal of Antimicrobial
    Chemotherapy). CSL 1.0.2 leaves punctuation merging to the processor."""
    if not (isinstance(left, MixedString) and isinstance(piece, MixedString)):
        return piece
    first = next((segment for segment in piece if str(segment)), None)
    if type(first) is not AffixPrefix or str(first)[0] not in _SEAM_MARKS:
        return piece
    if type(next(_segments_from_end(left), None)) is not AbsorbedSuffix:
        return piece
    return _without_first_char(piece)


def _after_delimiter(delimiter: str, piece: Any) -> Any:
    """`piece` to append after a delimiter: only a mark or space repeating the delimiter's
    last character is dropped ("; " + " 12" → "; 12", ";" + ";12" → ";12"), never a different
    mark: citeproc-js (`CSL.Output.Queue.adjust`, `upward`) merges a delimiter with the
    following prefix only when they repeat each other, so "2022" + ";" + ":12" stays
    "2022;:12" (BMC styles)."""
    first = _head(piece)
    if first and first == delimiter[-1:] and (first in _MARKS or first == " "):
        return _without_first_char(piece)
    return piece


def wrap_merging(prefix: str, text: Any, suffix: str, fmt: str = "text",
                 punctuation_in_quote: InQuote = None, decorated: bool | None = None) -> Any:
    """`prefix` + `text` + `suffix`, merging punctuation at both seams.

    `decorated` (None: affixes not typed, e.g. name parts): whether the element has
    formatting. A cs:element's affixes are typed (`AffixPrefix`, `AffixSuffix`) for
    citeproc-js's punctuation heuristics, which CSL 1.0.2 leaves to the processor
    (`CSL.Output.Queue.adjust`):

    - a suffix mark that differs from the last mark of a child's suffix printed right after
      a number variable is kept (its `downward` pass merges nothing after a number blob):
      "Vol. 2" + ";" + "." → "Vol. 2;." (MDPI's books);
    - an undecorated element's one-mark suffix that repeats its last child's suffix is that
      child's (`AbsorbedSuffix`, see `join_merging`)."""
    if prefix:
        rest = merge_seam(prefix, text, fmt)
        if decorated is False and prefix[0] in _SEAM_MARKS:
            text = MixedString([AffixPrefix(prefix),
                                *(rest if isinstance(rest, MixedString) else [rest])])
        else:
            text = concatenate(prefix, rest)
    if not suffix and decorated is not None:
        return nested(text)
    if suffix:
        if decorated is not None and suffix in _SEAM_MARKS and _ends_with_suffix(text, suffix):
            # the child's suffix stands for this one (merge_seam would drop it alike)
            return _retyped_end(text, AbsorbedSuffix) if decorated is False else text
        if decorated is not None and suffix[0] in _SEAM_MARKS and _kept_after_number(
                text, suffix[0]):
            text = concatenate(text, suffix)
        else:
            text = _append(text, suffix, fmt, punctuation_in_quote)
        if decorated is not None and suffix[-1] in _SEAM_MARKS and set(suffix) <= _SEAM_MARKS:
            text = _typed_suffix(text, suffix)
    return text


def _last_segments(text: Any) -> list[Any]:
    if not isinstance(text, MixedString):
        return [text]
    return [segment for segment in text if str(segment)]


def _segments_from_end(text: Any) -> Iterator[Any]:
    """`text`'s non-empty segments, last first (speed: no copy of a long entry)."""
    if type(text) is not MixedString:
        if str(text):
            yield text
        return
    for segment in list.__reversed__(text):
        if str(segment):
            yield segment


def _ends_with_suffix(text: Any, mark: str) -> bool:
    """Whether `text` ends with a child's typed suffix whose last character is `mark`."""
    last = next(_segments_from_end(text), None)
    return type(last) in (AffixSuffix, AbsorbedSuffix) and str(last).endswith(mark)


def _kept_after_number(text: Any, mark: str) -> bool:
    """Whether `text` ends in a number variable and then suffix marks, the last of them not
    `mark` (citeproc-js keeps both marks there)."""
    segments = _segments_from_end(text)
    last = next(segments, None)
    if not isinstance(last, AffixSuffix) or str(last).endswith(mark):
        return False
    for segment in segments:
        if isinstance(segment, AffixSuffix):
            continue
        return isinstance(segment, NumberBlob)
    return False


def _retyped_end(text: Any, kind: type[String]) -> Any:
    """`text` with its last non-empty segment of type `kind`."""
    segments = _last_segments(text)
    return MixedString([*segments[:-1], kind(str(segments[-1]))])


def _typed_suffix(text: Any, suffix: str) -> Any:
    """`text` with the `suffix` just appended to it typed `AffixSuffix` (unchanged when the
    suffix merged with what came before)."""
    if isinstance(text, MixedString):
        last = next(_segments_from_end(text), None)
        if type(last) not in (str, String) or str(last) != suffix:
            return text
        segments = _last_segments(text)
        return MixedString([*segments[:-1], AffixSuffix(suffix)])
    whole = str(text)
    if len(whole) <= len(suffix) or not whole.endswith(suffix):
        return text
    head = whole[: -len(suffix)]
    return MixedString([type(text)(head) if isinstance(text, String) else head,
                        AffixSuffix(suffix)])


def _append(left: Any, right: Any, fmt: str, punctuation_in_quote: InQuote) -> Any:
    first = _head(right)
    if first == "!" or first == "?":
        left = _without_merged_last_mark(left, first)
    # `_ends_with_closing_quote`, inlined (speed: ~30 seams per entry)
    if (punctuation_in_quote is not None and type(left) is MixedString and len(left) > 0
            and type(list.__getitem__(left, -1)) in _CLOSING_QUOTES):
        left, right = move_into_quote(left, right, fmt, punctuation_in_quote)
        return concatenate(left, merge_seam(left, right, fmt))
    # speed: `right` is unchanged here, so is its first character
    return concatenate(left, merge_seam(left, right, fmt, first))


def _without_merged_last_mark(left: Any, first: str) -> Any:
    """`left` without its last character when that is a ":" or ";" the mark `first` replaces
    (`_DROP_LEFT`); only a mark in plain text is dropped, never one inside markup."""
    if not isinstance(left, MixedString):
        text = str(left)
        if (text[-1:], first) in _DROP_LEFT:
            return type(left)(text[:-1]) if isinstance(left, String) else text[:-1]
        return left
    segments = _last_segments(left)
    if not segments or type(segments[-1]) not in (String, str, AffixSuffix, AbsorbedSuffix,
                                                         NestedSuffix):
        return left
    text = str(segments[-1])
    if (text[-1], first) not in _DROP_LEFT:
        return left
    return MixedString(segments[:-1] + ([String(text[:-1])] if len(text) > 1 else []))


def _ends_with_closing_quote(value: Any) -> bool:
    # list.__getitem__: MixedString's own indexing joins all of it into a str first
    return (type(value) is MixedString and len(value) > 0
            and type(list.__getitem__(value, -1)) is ClosingQuote)


def move_into_quote(left: Any, right: Any, fmt: str = "text",
                    punctuation_in_quote: InQuote = None) -> tuple[Any, Any]:
    """(left, right) with a "." or "," starting `right` moved inside the closing quote that
    ends `left`, when the engine printed that quote and the locale wants it there."""
    first = _head(right)
    if first not in _MARKS or not isinstance(left, MixedString):
        return left, right
    segments = [segment for segment in left if str(segment)]
    if not segments or type(segments[-1]) not in _CLOSING_QUOTES:
        return left, right
    if punctuation_in_quote is not None and not punctuation_in_quote():
        return left, right
    if first not in _INTO_QUOTE:
        # a mark that stays outside merges with the one inside: “Why?” + ": " → “Why?”
        # (citeproc-js, punctuation_FullMontyQuotesIn: “exclamation!” colon)
        inner = last_visible_char(str(MixedString(segments[:-1])), fmt)
        return left, (_without_first_char(right) if (inner, first) in _DROP_RIGHT else right)
    right = _without_first_char(right)
    return _into_quote(MixedString(segments[:-1]), segments[-1], first, fmt), right


def _into_quote(inside: MixedString, closing: Any, mark: str, fmt: str) -> MixedString:
    """`inside` + `mark` + `closing`; when `inside` itself ends in a closing quote (the
    field's own, or one the engine printed), the mark goes inside that one too (citeproc-js,
    CSL test suite quotes_PunctuationWithInnerQuote: “This is ‘The One.’”)."""
    segments = [segment for segment in inside if str(segment)]
    if segments and type(segments[-1]) in (ClosingQuote, FieldClosingQuote):
        return concatenate(_into_quote(MixedString(segments[:-1]), segments[-1], mark, fmt),
                           closing)
    if (last_visible_char(str(inside), fmt), mark) not in _DROP_RIGHT:
        inside = concatenate(inside, String(mark))
    return concatenate(inside, closing)


def concatenate(left: Any, right: Any) -> Any:
    """`left` + `right` as one MixedString, once `merge_seam` has settled the seam.

    Speed: citeproc-py's `+` re-checks the seam itself (double marks and spaces, a subset of
    what `merge_seam` already did) by turning the whole left side into a str at every join,
    which made joining an entry's pieces quadratic in their number."""
    if right == "" or right == []:
        return left
    if not isinstance(left, MixedString):
        if type(left) is str and type(right) is str:
            return left + right  # short pieces: str + str stays a str, as citeproc-py expects
        return _operator_sum(left, right)
    joined = MixedString(left)  # speed: one copy of the left side, not two
    if isinstance(right, MixedString):
        joined.extend(right)
    else:
        joined.append(right)
    return joined


def _operator_sum(left: Any, right: Any) -> Any:
    """`left + right` for a str or String `left` and a non-empty `right`: the MixedString
    citeproc-py's operators build (`String.__add__`/`__radd__`, `MixedString.__radd__`), with
    the seam adjusted by its `normalize_seam`, which is called only when it can change
    something (the seam's two characters equal: a space or a mark).

    Speed: the operators turn all of `right` into a str for its first character and raise
    and catch a TypeError for every String appended (~30 seams per entry)."""
    if left == "" or not (type(left) is str or type(left) is String) or not (
            isinstance(right, String) or type(right) is str or type(right) is MixedString):
        # MixedString subclasses (AffixedNames, SubstitutedText) build themselves their
        # own way in the operators: left to them
        return left + right
    cls = MixedString
    last, first = left[-1], _head(right)
    if first and ((last == " " and first == " ")
                  or (last == first and first in SEAM_PUNCTUATION)):
        right = normalize_seam(left, right)
        if right == "" or right == []:
            return cls([left])
    if isinstance(right, list):
        return cls([left, *right])
    return cls([left, right])


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
            if isinstance(segment, str):  # speed: no str copy of a String segment
                if segment:
                    return segment[0]
                continue
            text = str(segment)
            if text:
                return text[0]
        return ""
    return str(value)[:1]


def _last_char(value: Any) -> str:
    """The last character of a rendered piece ("" when it is empty): `_tail(value)[-1:]`
    without joining segments."""
    if type(value) is str:
        return value[-1:]
    if not isinstance(value, MixedString):
        return str(value)[-1:]
    for segment in list.__reversed__(value):
        if isinstance(segment, str):  # speed: no str copy of a String segment
            if segment:
                return segment[-1]
            continue
        text = str(segment)
        if text:
            return text[-1]
    return ""


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
