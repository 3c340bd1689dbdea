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
- included files: `\\input`, `\\include`, `\\subfile`, `\\import{dir}{file}`, `\\subimport`;
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
_INLINE_VERBATIM_RE = re.compile(r"\\(?:verb|lstinline)\*?([^\sA-Za-z*{\[])(.*?)\1")
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
    for m in _COMMAND_RE.finditer(masked):
        name = m.group(1)
        if name in CITE_COMMANDS or name in MULTICITE_COMMANDS:
            citation = _citation(text, masked, m, starts, multi=name in MULTICITE_COMMANDS)
            if citation is not None:
                source.citations.append(citation)
        elif name in _BIB_COMMANDS:
            source.references.extend(_bibliographies(masked, m, starts))
        elif name in _INPUT_COMMANDS:
            reference = _input(masked, m, starts)
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

def _skip_space(masked: str, pos: int) -> int:
    """Past spaces and at most one line break (a blank line ends a command's arguments)."""
    m = re.match(r"[ \t]*(?:\r?\n[ \t]*)?", masked[pos:])
    return pos + (m.end() if m else 0)


def _group_end(masked: str, pos: int, closing: str) -> int:
    """The offset after the group that opens at `pos` (`{`, `[` or `(`), braces nested, or -1
    when it never closes. `[…]` and `(…)` end at their first closing mark outside braces."""
    i = pos + 1
    depth = 1 if masked[pos] == "{" else 0
    while i < len(masked):
        char = masked[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return -1
            if depth == 0 and closing == "}":
                return i + 1
        elif char == closing and depth == 0:
            return i + 1
        i += 1
    return -1


def _optional(masked: str, pos: int, openers: str = "[") -> int | None:
    """The end of an optional `[…]` (or `(…)` where allowed) at `pos`, or None."""
    start = _skip_space(masked, pos)
    if start < len(masked) and masked[start] in openers:
        end = _group_end(masked, start, "]" if masked[start] == "[" else ")")
        return end if end > 0 else None
    return None


def _mandatory(masked: str, pos: int) -> tuple[int, int] | None:
    """`{…}` at `pos`: (offset inside the opening brace, offset after the closing brace)."""
    start = _skip_space(masked, pos)
    if start < len(masked) and masked[start] == "{":
        end = _group_end(masked, start, "}")
        if end > 0:
            return start + 1, end
    return None


def _key_groups(masked: str, pos: int, multi: bool) -> tuple[list[tuple[int, int]], int]:
    """The `{keys}` groups of a citation command after its name, and where the command ends."""
    groups: list[tuple[int, int]] = []
    if multi:
        for _ in range(2):
            after = _optional(masked, pos, "(")
            if after is None:
                break
            pos = after
    while True:
        for _ in range(2):
            after = _optional(masked, pos)
            if after is None:
                break
            pos = after
        group = _mandatory(masked, pos)
        if group is None:
            break
        groups.append((group[0], group[1] - 1))
        pos = group[1]
        if not multi:
            break
    return groups, pos


def _citation(text: str, masked: str, m: re.Match[str], starts: list[int],
              multi: bool) -> Citation | None:
    groups, end = _key_groups(masked, m.end(), multi)
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


def _bibliographies(masked: str, m: re.Match[str], starts: list[int]) -> list[TexReference]:
    pos = m.end()
    if m.group(1) != "bibliography":
        for _ in range(2):
            after = _optional(masked, pos)
            if after is None:
                break
            pos = after
    group = _mandatory(masked, pos)
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


def _input(masked: str, m: re.Match[str], starts: list[int]) -> TexReference | None:
    name = m.group(1)
    first = _mandatory(masked, m.end())
    if first is None:
        return None
    line, col = _position(starts, m.start())
    if name in ("import", "subimport", "inputfrom", "subinputfrom", "includefrom",
                "subincludefrom"):
        second = _mandatory(masked, first[1])
        if second is None:
            return None
        return TexReference("input", masked[second[0]:second[1] - 1].strip(), line, col,
                            directory=masked[first[0]:first[1] - 1].strip(),
                            relative_to_file=name.startswith("sub"))
    return TexReference("input", masked[first[0]:first[1] - 1].strip(), line, col)
