"""In-text citations in Markdown and plain-text manuscripts: find them, and renumber them.

Recognised forms (each only where it cannot be something else):

- square brackets `[1]`, `[1, 3]`, `[1–4]`, `[1-4]`, `[1,3-5]`: not a Markdown link `[1](url)`,
  link definition `[1]: url`, footnote `[^1]` or task box;
- parentheses `(1)`, `(1, 2)`, `(1–3)`: only in documents that use no bracket citations, only
  right after a word or a closing quote (so not at a line start, nor after ":" or "," as in the
  enumeration "steps: (1) wash, (2) dry", nor after a digit as in "2025;10(4):121"), and never
  followed directly by a letter or digit;
- superscripts: pandoc `^1,2^`, HTML `<sup>1–3</sup>`, and Unicode superscript digits `¹˒²`
  after a word of three or more letters or closing punctuation (so "cm²", "x²" are not citations);
- pandoc keys: `[@key]`, `[@key1; @key2, p. 3]`, `[-@key]`, and a bare `@key` when the key is in
  the document's bibliography (so e-mail addresses and handles are never taken for citations).

Lines inside fenced code blocks, inline code spans, HTML comments and the reference section
itself are skipped. Bracket and superscript markup may cite numbers up to 999 (so a citation
past the list's end is found); bare parentheses and Unicode superscripts only up to the list's
highest number (so "(2019)" is not a citation).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

#: highest number square brackets and superscript markup may cite (a year is not a citation)
MARKUP_LIMIT = 999
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPT_DIGITS)
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPT_DIGITS + "˒⁻", "0123456789,-")

#: "1", "1–4", "1, 3-5": a list of numbers and ranges
_NUMBER_OR_RANGE = r"\d{1,4}(?:[ \t]*[-–—][ \t]*\d{1,4})?"
_NUMBER_LIST = _NUMBER_OR_RANGE + r"(?:[ \t]*[,;][ \t]*" + _NUMBER_OR_RANGE + r")*"

_BRACKET_RE = re.compile(r"(?<![\\!\^\]])\[(" + _NUMBER_LIST + r")\](?![(:\[])")
_PAREN_RE = re.compile(r"\((" + _NUMBER_LIST + r")\)")
_PANDOC_SUP_RE = re.compile(r"(?<![\^\\])\^(" + _NUMBER_LIST + r")\^")
_HTML_SUP_RE = re.compile(r"<sup>\s*\[?(" + _NUMBER_LIST + r")\]?\s*</sup>", re.I)
_UNICODE_SUP_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[˒,⁻–-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*")
_PANDOC_GROUP_RE = re.compile(r"\[([^\[\]]*?-?@[^\[\]]*)\](?![(:])")
_PANDOC_KEY_RE = re.compile(r"(?<![\w.@])-?@\{?([\w][\w:.#$%&+?<>~/-]*[\w])\}?")
_BARE_KEY_RE = re.compile(r"(?<![\w.@\[-])@([\w][\w:.#$%&+?<>~/-]*[\w])")
_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class Citation:
    """One in-text citation: where it is and what it cites.

    `start`/`end` are offsets into the whole text (end-exclusive); `line` and `col` are 1-based.
    Numeric citations fill `numbers` (ranges expanded, in written order); pandoc and LaTeX ones
    fill `keys`, with each key's 1-based (line, col) in `key_positions` (at its `@` for pandoc)
    so that a finding points at the key; LaTeX citations also give each key's offsets
    (`key_spans`, end-exclusive), parallel to `keys`.
    """

    kind: str
    line: int
    col: int
    start: int
    end: int
    text: str
    numbers: tuple[int, ...] = ()
    keys: tuple[str, ...] = ()
    key_spans: tuple[tuple[int, int], ...] = ()
    key_positions: tuple[tuple[int, int], ...] = ()


def find_citations(text: str, *, skip_lines: Collection[int] = (), max_number: int | None = None,
                   known_keys: Collection[str] = ()) -> list[Citation]:
    """Every in-text citation in `text`, in text order (see the module docstring for the forms).

    `skip_lines` are 1-based lines to ignore (the reference section); `max_number` is the
    highest reference number, the limit for the ambiguous forms; `known_keys` are the
    bibliography's keys, the only ones a bare `@key` may cite.
    """
    masked = _mask_non_prose(text, skip_lines)
    line_starts = _line_starts(text)
    found: list[Citation] = []
    # citation markup may cite past the list's end (CF304); a bare "(2019)" or "m²" may not
    found += _numeric(text, masked, _BRACKET_RE, "bracket", line_starts, MARKUP_LIMIT)
    found += _numeric(text, masked, _PANDOC_SUP_RE, "superscript", line_starts, MARKUP_LIMIT)
    found += _numeric(text, masked, _HTML_SUP_RE, "html-superscript", line_starts, MARKUP_LIMIT)
    found += _unicode_superscripts(text, masked, line_starts, max_number)
    if not any(c.kind == "bracket" for c in found):
        found += _parenthesised(text, masked, line_starts, max_number)
    found += _pandoc(text, masked, line_starts, known_keys)
    return sorted(found, key=lambda c: c.start)


def expand_numbers(spec: str) -> tuple[int, ...]:
    """"1, 3–5" → (1, 3, 4, 5); a reversed or huge range counts as its two ends."""
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", spec.translate(_FROM_SUPERSCRIPT).strip()):
        bounds = re.split(r"\s*[-–—]\s*", part)
        first, last = int(bounds[0]), int(bounds[-1])
        if first <= last and last - first <= 200:
            numbers.extend(range(first, last + 1))
        else:
            numbers.extend((first, last) if len(bounds) > 1 else (first,))
    return tuple(numbers)


def renumber(text: str, citations: Sequence[Citation], mapping: Mapping[int, int]) -> str:
    """`text` with every numeric citation rewritten through `mapping` (old number → new).

    Each citation keeps its own markup: its brackets or superscript form, its range dash and
    its separator; the new numbers are sorted and runs of three or more collapse to a range.
    """
    pieces: list[str] = []
    pos = 0
    for citation in sorted(citations, key=lambda c: c.start):
        if not citation.numbers:
            continue
        new = sorted({mapping.get(n, n) for n in citation.numbers})
        pieces.append(text[pos:citation.start])
        pieces.append(_rewrite(citation, new))
        pos = citation.end
    pieces.append(text[pos:])
    return "".join(pieces)


def first_citation_order(citations: Sequence[Citation]) -> list[int]:
    """Reference numbers in the order they are first cited (within a citation, ascending)."""
    seen: dict[int, None] = {}
    for citation in citations:
        for number in sorted(citation.numbers):
            seen.setdefault(number, None)
    return list(seen)


# --- finding ----------------------------------------------------------------------------------

def _mask_non_prose(text: str, skip_lines: Collection[int]) -> str:
    """`text` with code, comments and skipped lines blanked out (same length, same offsets)."""
    skip = set(skip_lines)
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    in_fence = False
    for number, line in enumerate(lines, start=1):
        fence = _FENCE_RE.match(line)
        if fence or in_fence or number in skip:
            if fence:
                in_fence = not in_fence
            out.append(_blank(line))
        else:
            out.append(line)
    masked = "".join(out)
    for pattern in (_HTML_COMMENT_RE, _CODE_SPAN_RE):
        masked = pattern.sub(lambda m: _blank(m.group()), masked)
    return masked


def _blank(s: str) -> str:
    return "".join(c if c in "\r\n" else " " for c in s)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    return starts


def _position(line_starts: list[int], offset: int) -> tuple[int, int]:
    from bisect import bisect_right

    index = bisect_right(line_starts, offset) - 1
    return index + 1, offset - line_starts[index] + 1


def _make(kind: str, text: str, start: int, end: int, line_starts: list[int], *,
          numbers: tuple[int, ...] = (), keys: tuple[str, ...] = (),
          key_positions: tuple[tuple[int, int], ...] = ()) -> Citation:
    line, col = _position(line_starts, start)
    return Citation(kind, line, col, start, end, text[start:end], numbers, keys,
                    key_positions=key_positions)


def _in_range(numbers: tuple[int, ...], limit: int | None) -> bool:
    return bool(numbers) and all(1 <= n <= (limit or MARKUP_LIMIT) for n in numbers)


def _numeric(text: str, masked: str, pattern: re.Pattern[str], kind: str,
             line_starts: list[int], max_number: int | None) -> list[Citation]:
    found = []
    for m in pattern.finditer(masked):
        numbers = expand_numbers(m.group(1))
        if kind == "bracket" and _is_task_or_link(masked, m):
            continue
        if _in_range(numbers, max_number):
            found.append(_make(kind, text, m.start(), m.end(), line_starts, numbers=numbers))
    return found


def _is_task_or_link(masked: str, m: re.Match[str]) -> bool:
    """`[1]: https://…` at a line start is a link definition, not a citation."""
    line_start = masked.rfind("\n", 0, m.start()) + 1
    return not masked[line_start:m.start()].strip() and masked[m.end():m.end() + 1] == ":"


def _unicode_superscripts(text: str, masked: str, line_starts: list[int],
                          max_number: int | None) -> list[Citation]:
    found = []
    for m in _UNICODE_SUP_RE.finditer(masked):
        before = masked[max(0, m.start() - 3):m.start()]
        after_word = len(before) == 3 and before.isalpha()
        after_punct = bool(before) and before[-1] in ".,;:)]»”\"'"
        if not (after_word or after_punct):
            continue
        numbers = expand_numbers(m.group())
        if _in_range(numbers, max_number):
            found.append(_make("unicode-superscript", text, m.start(), m.end(), line_starts,
                               numbers=numbers))
    return found


def _parenthesised(text: str, masked: str, line_starts: list[int],
                   max_number: int | None) -> list[Citation]:
    found = []
    for m in _PAREN_RE.finditer(masked):
        line_start = masked.rfind("\n", 0, m.start()) + 1
        before = masked[line_start:m.start()].rstrip()
        after = masked[m.end():m.end() + 1]
        if not before or not (before[-1].isalpha() or before[-1] in "»”\"'"):
            continue
        if after.isalnum():
            continue
        numbers = expand_numbers(m.group(1))
        if _in_range(numbers, max_number):
            found.append(_make("parenthesis", text, m.start(), m.end(), line_starts,
                               numbers=numbers))
    return found


def _pandoc(text: str, masked: str, line_starts: list[int],
            known_keys: Collection[str]) -> list[Citation]:
    found = []
    covered: list[tuple[int, int]] = []
    for m in _PANDOC_GROUP_RE.finditer(masked):
        matches = list(_PANDOC_KEY_RE.finditer(m.group(1)))
        if matches:
            ats = [m.start(1) + k.start() + k.group().index("@") for k in matches]
            found.append(_make("pandoc", text, m.start(), m.end(), line_starts,
                               keys=tuple(k.group(1) for k in matches),
                               key_positions=tuple(_position(line_starts, at) for at in ats)))
            covered.append((m.start(), m.end()))
    known = set(known_keys)
    for m in _BARE_KEY_RE.finditer(masked):
        if m.group(1) in known and not any(s <= m.start() < e for s, e in covered):
            found.append(_make("pandoc-bare", text, m.start(), m.end(), line_starts,
                               keys=(m.group(1),),
                               key_positions=(_position(line_starts, m.start()),)))
    return found


# --- rewriting --------------------------------------------------------------------------------

def _rewrite(citation: Citation, numbers: list[int]) -> str:
    original = citation.text
    if citation.kind == "unicode-superscript":
        dash = "⁻"
        separator = "˒" if "˒" in original else ","
        return _number_list(numbers, dash, separator).translate(_TO_SUPERSCRIPT)
    m = re.search(_NUMBER_LIST, original)
    assert m is not None, "a numeric citation always holds a number list"
    spec = m.group()
    dash = "–" if "–" in spec else "—" if "—" in spec else "-"
    separator_match = re.search(r"\s*[,;]\s*", spec)
    separator = separator_match.group() if separator_match else ", "
    return original[:m.start()] + _number_list(numbers, dash, separator) + original[m.end():]


def _number_list(numbers: list[int], dash: str, separator: str) -> str:
    """[1, 2, 3, 5] → "1–3, 5": runs of three or more become ranges."""
    parts: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{numbers[i]}{dash}{numbers[j]}")
        else:
            parts.extend(str(n) for n in numbers[i:j + 1])
        i = j + 1
    return separator.join(parts)
