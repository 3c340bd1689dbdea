"""LaTeX manuscripts: the citations a `.tex` file makes and the files it names.

Read from the source text alone (the filesystem side — following `\\input`, finding the `.bib`
— is `citefmt.checks.projects`):

- citations: natbib (`\\cite`, `\\citep`, `\\citet`, `\\citealp`, `\\citeauthor`, …), biblatex
  (`\\parencite`, `\\textcite`, `\\autocite`, `\\footcite`, `\\smartcite`, `\\fullcite`, …,
  capitalised and starred forms), apacite's `\\citeA`/`\\citeNP`, and `\\nocite` (`\\nocite{*}`
  cites every entry); up to two optional arguments (`\\citep[see][p.~5]{a,b}`), several keys,
  and biblatex's multicite forms (`\\cites(pre)(post)[p.~1]{a}[p.~2]{b,c}`). Each key keeps its
  own place in the text, so a finding points at the key itself;
- the bibliography: `\\bibliography{a,b}` (`.bib` added), `\\nobibliography`,
  `\\addbibresource[…]{x.bib}`, `\\addglobalbib`, `\\addsectionbib`;
- included files: `\\input{…}` (and TeX's `\\input file`), `\\include`, `\\subfile`,
  `\\import{dir}{file}`, `\\subimport`;
- whether it is a root (`\\documentclass`) and its `% !TEX root = main.tex` magic comment.

`%` comments and verbatim text (`verbatim`, `Verbatim`, `lstlisting`, `minted` and `comment`
environments, `\\verb|…|`, `\\lstinline|…|`) are skipped; offsets stay those of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from citefmt.manuscript import Citation

#: commands that take one key list (after up to two optional arguments)
CITE_COMMANDS: frozenset[str] = frozenset({
    # natbib / LaTeX
    "cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citefullauthor", "citeyear",
    "citeyearpar", "citenum", "Cite", "Citep", "Citet", "Citealp", "Citealt", "Citeauthor",
    "nocite",
    # biblatex
    "parencite", "Parencite", "footcite", "Footcite", "footcitetext", "Footcitetext",
    "textcite", "Textcite", "smartcite", "Smartcite", "autocite", "Autocite", "supercite",
    "fullcite", "footfullcite", "citetitle", "Citetitle", "citedate", "citeurl", "citeurldate",
    "notecite", "Notecite", "pnotecite", "Pnotecite", "fnotecite",
    # apacite
    "citeA", "citeNP", "citeANP", "citeyearNP", "citeauthorNP", "fullciteA", "fullciteNP",
})
#: biblatex multicite commands: `(pre)(post)` then any number of `[pre][post]{keys}` groups
MULTICITE_COMMANDS: frozenset[str] = frozenset({
    "cites", "Cites", "parencites", "Parencites", "footcites", "Footcites", "footcitetexts",
    "Footcitetexts", "smartcites", "Smartcites", "textcites", "Textcites", "supercites",
    "autocites", "Autocites",
})
_BIB_COMMANDS = frozenset({"bibliography", "nobibliography", "addbibresource", "addglobalbib",
                           "addsectionbib"})
_INPUT_COMMANDS = frozenset({"input", "include", "subfile", "import", "subimport",
                             "inputfrom", "subinputfrom", "includefrom", "subincludefrom"})
_VERBATIM_ENVS = ("verbatim", "verbatim*", "Verbatim", "Verbatim*", "lstlisting", "minted",
                  "comment", "BVerbatim", "LVerbatim")
_COMMAND_RE = re.compile(r"\\([A-Za-z]+)(\*?)")
_BEGIN_VERBATIM_RE = re.compile(r"\\begin\s*\{(" + "|".join(re.escape(e)
                                                             for e in _VERBATIM_ENVS) + r")\}")
_INLINE_VERBATIM_RE = re.compile(r"\\(?:verb|lstinline)\*?([^\sA-Za-z*{\[])(.{0,1000}?)\1")
_MAGIC_ROOT_RE = re.compile(r"^[ \t]*%+[ \t]*!\s*TEX[ \t]+root[ \t]*=[ \t]*(\S.*?)[ \t]*$",
                            re.I | re.M)
_DOCUMENTCLASS_RE = re.compile(r"\\documentclass\b")


@dataclass(frozen=True)
class TexReference:
    """A file a LaTeX source names: a bibliography or an included source (1-based line, col)."""

    kind: Literal["bibliography", "input"]
    name: str
    line: int
    col: int
    #: for `\\import{dir}{file}`: the directory, relative to the including file
    directory: str = ""
    #: `\\bibliography{refs}` may leave out `.bib`; `\\addbibresource` names the file exactly
    add_bib_suffix: bool = False
    relative_to_file: bool = False


@dataclass
class TexSource:
    """What one `.tex` file cites and names."""

    citations: list[Citation] = field(default_factory=list)
    references: list[TexReference] = field(default_factory=list)
    is_root: bool = False
    magic_root: str | None = None

    @property
    def bibliographies(self) -> list[TexReference]:
        return [r for r in self.references if r.kind == "bibliography"]

    @property
    def inputs(self) -> list[TexReference]:
        return [r for r in self.references if r.kind == "input"]

    @property
    def cites_everything(self) -> bool:
        """`\\nocite{*}`: every entry of the bibliography is cited."""
        return any("*" in c.keys for c in self.citations)


def read_tex(text: str) -> TexSource:
    """Citations, bibliographies, included files and root markers of a LaTeX source."""
    magic = _MAGIC_ROOT_RE.search(text)
    masked = mask_tex(text)
    starts = _line_starts(text)
    source = TexSource(is_root=bool(_DOCUMENTCLASS_RE.search(masked)),
                       magic_root=magic.group(1) if magic else None)
    groups = _Groups(text, masked)
    for m in _COMMAND_RE.finditer(masked):
        name = m.group(1)
        if name in CITE_COMMANDS or name in MULTICITE_COMMANDS:
            citation = _citation(text, groups, m, starts, multi=name in MULTICITE_COMMANDS)
            if citation is not None:
                source.citations.append(citation)
        elif name in _BIB_COMMANDS:
            source.references.extend(_bibliographies(groups, m, starts))
        elif name in _INPUT_COMMANDS:
            reference = _input(groups, m, starts)
            if reference is not None:
                source.references.append(reference)
    return source


def mask_tex(text: str) -> str:
    """`text` with `%` comments and verbatim blanked out (same length, same line breaks)."""
    out: list[str] = []
    environment: str | None = None
    for line in text.splitlines(keepends=True):
        if environment is not None:
            end = re.search(r"\\end\s*\{" + re.escape(environment) + r"\}", line)
            if end is None:
                out.append(_blank(line))
                continue
            out.append(_blank(line[:end.end()]))
            line, environment = line[end.end():], None
            out[-1] += _mask_line(line)[0]
            continue
        masked, environment = _mask_line(line)
        out.append(masked)
    return "".join(out)


def _mask_line(line: str) -> tuple[str, str | None]:
    """One line outside verbatim: its comment and inline verbatim blanked; the verbatim
    environment it opens (the rest of the line is then blank too)."""
    comment = _comment_start(line)
    body, rest = (line, "") if comment is None else (line[:comment], line[comment:])
    body = _INLINE_VERBATIM_RE.sub(lambda m: _blank(m.group()), body)
    begin = _BEGIN_VERBATIM_RE.search(body)
    if begin is not None:
        tail = body[begin.end():]
        end = re.search(r"\\end\s*\{" + re.escape(begin.group(1)) + r"\}", tail)
        if end is None:
            return body[:begin.end()] + _blank(tail) + _blank(rest), begin.group(1)
        body = body[:begin.end()] + _blank(tail[:end.start()]) + tail[end.start():]
    return body + _blank(rest), None


def _comment_start(line: str) -> int | None:
    """Where an unescaped `%` starts a comment (`\\%` is a percent sign, `\\\\%` a comment)."""
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\":
            i += 2
            continue
        if char == "%":
            return i
        i += 1
    return None


def _blank(s: str) -> str:
    return "".join(c if c in "\r\n" else " " for c in s)


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer(r"\n", text))]


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    index = bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


# --- arguments --------------------------------------------------------------------------------

_SPACE_RE = re.compile(r"[ \t]*(?:\r?\n[ \t]*)?")
_MARK_RE = re.compile(r"\\.|[{}\[\]()]", re.S)
_BARE_INPUT_RE = re.compile(r"[ \t]+([^\s{}%\\]+)")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\r?\n")


class _Groups:
    """Where each `{`, `[` and `(` group of a masked text closes, worked out in one pass, so that
    a file full of unclosed `\\cite[` still reads in linear time.

    A `{…}` group closes at the next `}` of its own depth; `[…]` and `(…)` at the next `]`/`)`
    outside braces, unless the enclosing group closes first. No argument runs past a blank
    line of the text (TeX's \\par ends it; a line holding only a comment is not blank)."""

    def __init__(self, text: str, masked: str) -> None:
        self.masked = masked
        self.depth_at: dict[int, int] = {}
        self.closers: dict[tuple[str, int], list[int]] = {}
        self.paragraphs = [m.start() for m in _BLANK_LINE_RE.finditer(text)]
        depth = 0
        for m in _MARK_RE.finditer(masked):
            mark, at = m.group(), m.start()
            if mark.startswith("\\"):
                continue
            if mark == "{":
                self.depth_at[at] = depth
                depth += 1
            elif mark == "}":
                self.closers.setdefault(("}", depth), []).append(at)
                depth = max(depth - 1, 0)
            elif mark in "[(":
                self.depth_at[at] = depth
            else:
                self.closers.setdefault((mark, depth), []).append(at)

    def end(self, pos: int) -> int:
        """The offset after the group opening at `pos`, or -1 when it does not close."""
        opening = self.masked[pos]
        depth = self.depth_at.get(pos)
        if depth is None:
            return -1
        limit = self._next(self.paragraphs, pos)
        if opening == "{":
            close = self._next(self.closers.get(("}", depth + 1), []), pos)
        else:
            close = self._next(self.closers.get(("]" if opening == "[" else ")", depth), []), pos)
            limit = min(limit, self._next(self.closers.get(("}", depth), []), pos))
        return close + 1 if close < limit else -1

    def skip_space(self, pos: int) -> int:
        """Past spaces and at most one line break."""
        m = _SPACE_RE.match(self.masked, pos)
        return m.end() if m else pos

    @staticmethod
    def _next(positions: list[int], after: int) -> int:
        index = bisect_right(positions, after)
        return positions[index] if index < len(positions) else 1 << 62


def _optional(groups: _Groups, pos: int, openers: str = "[") -> int | None:
    """The end of an optional `[…]` (or `(…)` where allowed) at `pos`, or None."""
    start = groups.skip_space(pos)
    if start < len(groups.masked) and groups.masked[start] in openers:
        end = groups.end(start)
        return end if end > 0 else None
    return None


def _after_optionals(groups: _Groups, pos: int, openers: str = "[") -> int:
    """Where a command goes on after at most two optional arguments (`[pre][post]`, or
    biblatex's multicite `(pre)(post)`) at `pos`."""
    for _ in range(2):
        after = _optional(groups, pos, openers)
        if after is None:
            break
        pos = after
    return pos


def _mandatory(groups: _Groups, pos: int) -> tuple[int, int] | None:
    """`{…}` at `pos`: (offset inside the opening brace, offset after the closing brace)."""
    start = groups.skip_space(pos)
    if start < len(groups.masked) and groups.masked[start] == "{":
        end = groups.end(start)
        if end > 0:
            return start + 1, end
    return None


def _key_groups(index: _Groups, pos: int, multi: bool) -> tuple[list[tuple[int, int]], int]:
    """The `{keys}` groups of a citation command after its name, and where the command ends."""
    groups: list[tuple[int, int]] = []
    if multi:
        pos = _after_optionals(index, pos, "(")
    while True:
        pos = _after_optionals(index, pos)
        group = _mandatory(index, pos)
        if group is None:
            break
        groups.append((group[0], group[1] - 1))
        pos = group[1]
        if not multi:
            break
    return groups, pos


def _citation(text: str, index: _Groups, m: re.Match[str], starts: list[int],
              multi: bool) -> Citation | None:
    masked = index.masked
    groups, end = _key_groups(index, m.end(), multi)
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    for inner_start, inner_end in groups:
        for key in re.finditer(r"[^,\s]+", masked[inner_start:inner_end]):
            keys.append(key.group())
            spans.append((inner_start + key.start(), inner_start + key.end()))
    if not keys:
        return None
    line, col = _position(starts, m.start())
    return Citation("latex", line, col, m.start(), end, text[m.start():end], keys=tuple(keys),
                    key_spans=tuple(spans), key_positions=tuple(_position(starts, s)
                                                                for s, _ in spans))


def _bibliographies(index: _Groups, m: re.Match[str],
                    starts: list[int]) -> list[TexReference]:
    masked, pos = index.masked, m.end()
    if m.group(1) != "bibliography":
        pos = _after_optionals(index, pos)
    group = _mandatory(index, pos)
    if group is None:
        return []
    found = []
    for name in re.finditer(r"[^,]+", masked[group[0]:group[1] - 1]):
        stripped = name.group().strip()
        if not stripped:
            continue
        offset = group[0] + name.start() + (len(name.group()) - len(name.group().lstrip()))
        line, col = _position(starts, offset)
        found.append(TexReference("bibliography", stripped, line, col,
                                  add_bib_suffix=m.group(1) in ("bibliography",
                                                                "nobibliography")))
    return found


def _input(index: _Groups, m: re.Match[str], starts: list[int]) -> TexReference | None:
    name, masked = m.group(1), index.masked
    first = _mandatory(index, m.end())
    line, col = _position(starts, m.start())
    if first is None:
        # TeX's own `\\input chapter1` (a file name up to the next space)
        bare = _BARE_INPUT_RE.match(masked, m.end()) if name == "input" else None
        return TexReference("input", bare.group(1), line, col) if bare else None
    if name in ("import", "subimport", "inputfrom", "subinputfrom", "includefrom",
                "subincludefrom"):
        second = _mandatory(index, first[1])
        if second is None:
            return None
        return TexReference("input", masked[second[0]:second[1] - 1].strip(), line, col,
                            directory=masked[first[0]:first[1] - 1].strip(),
                            relative_to_file=name.startswith("sub"))
    return TexReference("input", masked[first[0]:first[1] - 1].strip(), line, col)
