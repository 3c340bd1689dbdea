"""LaTeX ↔ Unicode for BibTeX field values, keeping what CSL needs to know.

Reading (`latex_to_unicode`): accents (`\\"{o}`, `{\\`e}`, `\\c c`), special letters (`\\ss`,
`\\o`), escaped specials (`\\&`), T2A Cyrillic commands (`{\\CYRI}`, `\\cyrchar\\cyrv`), dashes
(`--` → –, `---` → —), TeX quotes (``` `` ``` → “, `''` → ”) and `~` → U+00A0 NO-BREAK SPACE
(LaTeX's own meaning, kept so GOST's "Т. 1"/"С. 5" spacing survives; the writer turns it back
into `~`).
Math (`$…$`, `\\(…\\)`) becomes Unicode where that is exact (`$\\Phi$` → Φ, `Cu$_2$O` →
Cu₂O, see `math_to_unicode`) and is otherwise left exactly as written. BibLaTeX's `\\mkbib…`
wrappers, `\\bibstring{key}` (its English term) and `\\ElsevierGlyph{hex}` (that code point)
are decoded too. With `rich=True` (title fields) a top-level
`{Protected}` group becomes `<span class="nocase">Protected</span>` and `\\emph`/`\\textbf`/
`\\textsc`/`\\textsuperscript`/`\\textsubscript` become CSL-JSON rich-text tags, as pandoc and
citation-js do; with `rich=False` groups and markup are simply removed.

Writing (`unicode_to_latex`) reverses this: by default UTF-8 is kept (Cyrillic intact) and only
LaTeX specials are escaped; `ascii=True` escapes Latin diacritics as `{\\'e}` and Cyrillic as T2A
commands (`{\\CYRI}{\\cyrv}…`, which pdfLaTeX with fontenc T2A compiles and this reader reverses).
"""

from __future__ import annotations

import re
import unicodedata

NOCASE_OPEN = '<span class="nocase">'
SMALL_CAPS_OPEN = '<span style="font-variant:small-caps;">'

#: accent control sequences → Unicode combining marks
ACCENTS: dict[str, str] = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361",
}
#: BibLaTeX localisation keys (`\\bibstring{…}`, and the keys BibLaTeX accepts as the value of
#: `type`, `pubstate`, `series`, `editortype` …) → their English term, as biblatex's
#: english.lbx prints them
BIBLATEX_STRINGS: dict[str, str] = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "candthesis": "Candidate thesis",
    "bathesis": "Bachelor's thesis", "techreport": "technical report",
    "resreport": "research report", "software": "computer software", "datacd": "CD-ROM",
    "audiocd": "audio CD", "patent": "patent", "patentus": "U.S. patent",
    "patentuk": "British patent", "patentde": "German patent", "patenteu": "European patent",
    "patentfr": "French patent", "patentjp": "Japanese patent", "patrequs": "U.S. patent request",
    "patreq": "patent request", "patreqde": "German patent request",
    "patreqeu": "European patent request", "patreqfr": "French patent request",
    "patrequk": "British patent request", "patreqjp": "Japanese patent request",
    "newseries": "new series", "oldseries": "old series", "inpress": "in press",
    "forthcoming": "forthcoming", "submitted": "submitted", "inpreparation": "in preparation",
    "prepublished": "pre-published", "pubstate": "publication state", "and": "and",
    "andothers": "et al.", "editor": "editor", "editors": "editors", "translator": "translator",
    "volume": "volume", "volumes": "volumes", "edition": "edition", "page": "page",
    "pages": "pages", "chapter": "chapter", "number": "number", "issue": "issue",
    "reprint": "reprint", "reprintof": "reprint of", "translationof": "translation of",
    "translationas": "translated as", "origpubin": "originally published in",
    "urlseen": "visited on", "bibliography": "Bibliography", "references": "References",
    "in": "in", "inseries": "in", "ofseries": "of", "number_of": "number",
    "director": "director", "compiler": "compiler", "founder": "founder",
    "continuator": "continued by", "redactor": "redactor", "reviser": "reviser",
    "collaborator": "collaborator", "organizer": "organizer", "commentator": "commentator",
    "annotator": "annotator", "introduction": "introduction", "foreword": "foreword",
    "afterword": "afterword", "jourser": "series", "book": "book", "part": "part",
}
#: an accent on nothing (`\\~{}`, `\\^{}`) prints the accent itself
_SPACING_ACCENTS: dict[str, str] = {"~": "˜", "^": "ˆ", "'": "´", "`": "`", '"': "¨",
                                    "=": "¯", "u": "˘", "v": "ˇ", ".": "˙", "r": "˚"}
_MARK_TO_ACCENT: dict[str, str] = {mark: cmd for cmd, mark in ACCENTS.items()}

#: T2A Cyrillic command stems (`\\CYR<STEM>` upper case, `\\cyr<stem>` lower case) → lower-case
#: letter
_CYRILLIC_STEMS: dict[str, str] = {
    "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "yo": "ё", "zh": "ж", "z": "з",
    "i": "и", "ishrt": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р",
    "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "c": "ц", "ch": "ч", "sh": "ш",
    "shch": "щ", "hrdsn": "ъ", "ery": "ы", "sftsn": "ь", "erev": "э", "yu": "ю", "ya": "я",
    "ie": "є", "ii": "і", "yi": "ї", "gup": "ґ",
}

#: control words and symbols that stand for one character (or nothing)
SYMBOLS: dict[str, str] = {
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
    ",": "\u2009", "-": "", "/": "", "\\": " ", "@": "", ";": "\u2009",
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
    "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
    "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
    "textquotedblright": "”", "guillemotleft": "«", "guillemotright": "»", "flqq": "«",
    "frqq": "»", "textdegree": "°", "textregistered": "®", "texttrademark": "™",
    "copyright": "©", "textcopyright": "©", "S": "§", "P": "¶", "pounds": "£",
    "textsterling": "£", "euro": "€", "texteuro": "€", "textasciitilde": "~",
    "textbackslash": "\\", "textless": "<", "textgreater": ">", "textbar": "|",
    "textbullet": "•", "textperiodcentered": "·", "textmu": "µ", "textpm": "±",
    "texttimes": "×", "textasciicircum": "^", "textunderscore": "_", "nobreakspace": "\u00a0",
    "textnumero": "№", "No": "№", "textdollar": "$", "textpercent": "%", "textampersand": "&",
    "textsection": "§", "textquotesingle": "'", "textasciigrave": "`", "textminus": "−",
    "TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2ε", "XeTeX": "XeTeX",
    "LuaTeX": "LuaTeX", "ConTeXt": "ConTeXt", "slash": "/", "textohm": "Ω", "dag": "†",
    "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡", "checkmark": "✓",
    # biblatex's punctuation commands (biblatex manual, "Punctuation"): `\isdot` only marks a
    # period as an abbreviation's, `\adddot` adds one ("с\adddot" → "с.")
    "isdot": "", "adddot": ".", "addperiod": ".", "addcomma": ",", "addcolon": ":",
    "addsemicolon": ";", "addspace": " ", "addnbspace": "\u00a0", "addthinspace": "\u2009",
    # `\midsentence` only tells biblatex that no sentence starts here: it prints nothing
    "midsentence": "",
}
SYMBOLS.update({f"cyr{stem}": letter for stem, letter in _CYRILLIC_STEMS.items()})
SYMBOLS.update({f"CYR{stem.upper()}": letter.upper() for stem, letter in _CYRILLIC_STEMS.items()})

#: commands whose argument becomes a CSL rich-text element
MARKUP: dict[str, tuple[str, str]] = {
    "emph": ("<i>", "</i>"), "textit": ("<i>", "</i>"), "textsl": ("<i>", "</i>"),
    "textbf": ("<b>", "</b>"), "textsc": (SMALL_CAPS_OPEN, "</span>"),
    "textsuperscript": ("<sup>", "</sup>"), "textsubscript": ("<sub>", "</sub>"),
    "NoCaseChange": (NOCASE_OPEN, "</span>"), "enquote": ("“", "”"),
    "mkbibquote": ("“", "”"), "mkbibemph": ("<i>", "</i>"), "mkbibitalic": ("<i>", "</i>"),
    "mkbibbold": ("<b>", "</b>"), "mkbibsuperscript": ("<sup>", "</sup>"),
    "mkbibsubscript": ("<sub>", "</sub>"), "mkbibacro": (SMALL_CAPS_OPEN, "</span>"),
}
#: font declarations that apply to the rest of their group
DECLARATIONS: dict[str, tuple[str, str]] = {
    "em": ("<i>", "</i>"), "it": ("<i>", "</i>"), "itshape": ("<i>", "</i>"),
    "sl": ("<i>", "</i>"), "slshape": ("<i>", "</i>"), "bf": ("<b>", "</b>"),
    "bfseries": ("<b>", "</b>"), "sc": (SMALL_CAPS_OPEN, "</span>"),
    "scshape": (SMALL_CAPS_OPEN, "</span>"), "rm": ("", ""), "normalfont": ("", ""),
    "upshape": ("", ""), "tt": ("", ""), "sf": ("", ""), "ttfamily": ("", ""),
}
#: commands whose argument is kept as plain text (the command itself carries no meaning for CSL)
TRANSPARENT: frozenset[str] = frozenset({
    "textrm", "textnormal", "textup", "texttt", "textsf", "textmd", "mbox", "hbox", "text",
    "url", "nolinkurl",
})

_TOKEN = re.compile(r"""
    (?P<math>\$\$.*?\$\$|\$(?:\\.|[^$\\])*\$|\\\(.*?\\\))
  | (?P<cmd>\\(?:[A-Za-z]+|.))
  | (?P<open>\{) | (?P<close>\})
  | (?P<dash>---|--)
  | (?P<quote>``|''|`)
  | (?P<tilde>~)
  | (?P<space>\s+)
  | (?P<text>[^\\{}$~`'\s-]+|.)
""", re.S | re.X)

Node = tuple[str, "str | list[Node]"]

#: a TeX comment inside a value that runs over lines (`Richard %A.⏎ B. Johnson`): TeX drops the
#: rest of the line and the next line's indentation, as pandoc does. The BibTeX reader strips
#: them only from names and dates; free text (an abstract's "8% of⏎ cells") keeps every
#: character, as Better BibTeX and Zotero do
_LINE_COMMENT = re.compile(r"(?<!\\)%[^\n]*\n[ \t]*")


def strip_comments(text: str) -> str:
    """Remove TeX comments that run to a line break inside a value (see `_LINE_COMMENT`)."""
    return _LINE_COMMENT.sub("", text) if "%" in text else text


#: commands that switch the language of their second argument
_LANGUAGE_SWITCHES = frozenset({"foreignlanguage", "textlang"})

#: babel's Russian shorthands (babel-russian: `"=` a hyphen that allows breaks elsewhere, `"~`
#: an unbreakable one) and the T2A font's ligatures `<<` `>>` for guillemets
_BABEL_SHORTHANDS = re.compile(r'(?<!\\)"[=~]|<<|>>')
_SHORTHAND_TEXT = {'"=': "-", '"~': "-", "<<": "«", ">>": "»"}


_ENSUREMATH = re.compile(r"\\ensuremath\s*\{([^{}$]*)\}")


def latex_to_unicode(text: str, *, rich: bool = False) -> str:
    """A BibTeX field value (outer delimiters already removed) → Unicode text (see module doc)."""
    if not text:
        return ""
    if '"' in text or "<<" in text or ">>" in text:
        text = _BABEL_SHORTHANDS.sub(lambda m: _SHORTHAND_TEXT[m.group(0)], text)
    if "\\ensuremath" in text:  # `МПК\ensuremath{^7}` (biblatex-gost data): maths in text
        text = _ENSUREMATH.sub(r"$\1$", text)
    nodes = _parse(text)
    rendered = _render(nodes, rich=rich, top=rich)
    return re.sub(r"[ \t\r\n]+", " ", unicodedata.normalize("NFC", rendered)).strip()


def _parse(text: str) -> list[Node]:
    """Tokens → a tree of brace groups; a stray `}` is kept as text, an open `{` closes at the
    end."""
    root: list[Node] = []
    stack = [root]
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "text"
        value = match.group()
        if kind == "open":
            group: list[Node] = []
            stack[-1].append(("group", group))
            stack.append(group)
        elif kind == "close":
            if len(stack) > 1:
                stack.pop()
            else:
                stack[-1].append(("text", value))
        else:
            stack[-1].append((kind, value))
    return root


def _render(nodes: list[Node], *, rich: bool, top: bool = False) -> str:
    """Render nodes; `top` marks the field's own level, where `{Words}` mean case protection."""
    nodes = list(nodes)
    out: list[str] = []
    i = 0
    while i < len(nodes):
        kind, value = nodes[i]
        i += 1
        if kind == "group":
            assert isinstance(value, list)
            inner = _render(value, rich=rich)
            if top and _protects_case(value):
                inner = f"{NOCASE_OPEN}{inner}</span>"
            out.append(inner)
        elif kind == "cmd":
            assert isinstance(value, str)
            i = _render_command(value[1:], nodes, i, out, rich=rich)
        elif kind == "dash":
            out.append("—" if value == "---" else "–")
        elif kind == "quote":
            out.append({"``": "“", "''": "”", "`": "‘"}[str(value)])
        elif kind == "tilde":
            out.append("\u00a0")
        elif kind == "math":
            out.append(math_to_unicode(str(value), rich=rich))
        else:
            out.append(str(value))
    return "".join(out)


def _render_command(name: str, nodes: list[Node], i: int, out: list[str], *, rich: bool) -> int:
    """Render the command `name` whose arguments start at `nodes[i]`; returns the next index."""
    if name in ACCENTS and (len(name) == 1 or _next_is_argument(nodes, i)):
        argument, i = _take_argument(nodes, i)
        base = _render(argument, rich=False)
        base = {"ı": "i", "ȷ": "j"}.get(base[:1], base[:1]) + base[1:]
        out.append(base[:1] + ACCENTS[name] + base[1:] if base else _SPACING_ACCENTS.get(
            name, ACCENTS[name]))
        return i
    if name == "cyrchar":
        return _skip_space(nodes, i)
    if name in SYMBOLS:
        out.append(SYMBOLS[name])
        return _skip_space(nodes, i) if name.isalpha() else i
    if name in MARKUP or name in TRANSPARENT:
        argument, i = _take_argument(nodes, i)
        inner = _render(argument, rich=rich)
        opening, closing = MARKUP.get(name, ("", ""))
        if not rich and opening.startswith("<"):
            opening = closing = ""
        out.append(f"{opening}{inner}{closing}")
        return i
    if name in ("bibstring", "biblstring", "bibsstring"):
        argument, i = _take_argument(nodes, i)
        key = _render(argument, rich=False)
        out.append(BIBLATEX_STRINGS.get(key, key))
        return i
    if name == "ElsevierGlyph":
        argument, i = _take_argument(nodes, i)
        code = _render(argument, rich=False).strip()
        out.append(chr(int(code, 16)) if re.fullmatch(r"[0-9A-Fa-f]{1,5}", code) else code)
        return i
    if name in _LANGUAGE_SWITCHES:
        # \foreignlanguage{polish}{Przełęcki}, \textlang{german}{…}: the text, in whatever
        # language (the language of an item is its `langid`)
        i = _skip_space(nodes, i)
        if i < len(nodes) and nodes[i][0] == "text" and str(nodes[i][1]).startswith("["):
            while i < len(nodes) and not (nodes[i][0] == "text"
                                          and str(nodes[i][1]).endswith("]")):
                i += 1
            i += 1
        _, i = _take_argument(nodes, i)
        argument, i = _take_argument(nodes, i)
        out.append(_render(argument, rich=rich))
        return i
    if name == "href":
        _, i = _take_argument(nodes, i)
        argument, i = _take_argument(nodes, i)
        out.append(_render(argument, rich=rich))
        return i
    if name in DECLARATIONS:
        opening, closing = DECLARATIONS[name] if rich else ("", "")
        rest = _render(nodes[_skip_space(nodes, i):], rich=rich)
        out.append(f"{opening}{rest}{closing}")
        return len(nodes)
    out.append("\\" + name)
    while i < len(nodes) and nodes[i][0] == "group":
        group = nodes[i][1]
        assert isinstance(group, list)
        out.append("{" + _render(group, rich=rich) + "}")
        i += 1
    return i


_SUPERSCRIPTS = dict(zip("0123456789+-=()niaeoxhklmpst", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵉᵒˣʰᵏˡᵐᵖˢᵗ",
                         strict=True))
_SUBSCRIPTS = dict(zip("0123456789+-=()aeoxhklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ", strict=True))
#: math-mode control words with one exact Unicode character
MATH_SYMBOLS: dict[str, str] = {
    "times": "×", "pm": "±", "mp": "∓", "cdot": "·", "approx": "≈", "leq": "≤", "le": "≤",
    "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "infty": "∞", "sim": "∼", "simeq": "≃",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔", "ell": "ℓ",
    "partial": "∂", "nabla": "∇", "prime": "′", "circ": "∘", "degree": "°", "propto": "∝",
    "varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ", "varrho": "ϱ", "varsigma": "ς",
    "hbar": "ℏ", "AA": "Å", "sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√", "langle": "⟨",
    "rangle": "⟩", "ldots": "…", "cdots": "⋯", "%": "%", "$": "$", ",": "\u2009", " ": " ",
}
_MATHS_MARKUP = re.compile(r"[\\_^]")
_PROSE = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}|[.,;:]\s+\w")
_MATH_TOKEN = re.compile(r"\\([A-Za-z]+|.)|([_^])|(\{)|(\})|(\s+)|(.)", re.S)


def math_to_unicode(math: str, *, rich: bool) -> str:
    """`$\\Phi$` → Φ, `$_2$` → ₂, `$10^{-3}$` → 10⁻³: math made only of letters, digits,
    Greek letters, symbols with one Unicode character and simple sub/superscripts becomes
    text; a script Unicode has no characters for becomes `<sub>`/`<sup>` in rich text. Any
    other math is kept exactly as written (it cannot be rendered exactly without TeX)."""
    body = math[2:-2] if math.startswith("$$") else math[1:-1] if math.startswith("$") \
        else math[2:-2]
    if not (_MATHS_MARKUP.search(body) or len(body) <= 12) or _PROSE.search(body):
        return math  # "$0 100 A, and …$": stray dollars around prose, not maths
    converted = _math_body(body, rich=rich)
    return math if converted is None else converted


def _math_body(body: str, *, rich: bool) -> str | None:
    out: list[str] = []
    tokens = list(_MATH_TOKEN.finditer(body))
    i = 0
    while i < len(tokens):
        command, script, opening, closing, space, char = tokens[i].groups()
        i += 1
        if command is not None:
            if command in _GREEK_BY_NAME:
                out.append(_GREEK_BY_NAME[command])
            elif command in MATH_SYMBOLS:
                out.append(MATH_SYMBOLS[command])
            elif command in ("mathrm", "textrm", "text", "mathit", "mathbf", "mbox", "rm"):
                continue
            else:
                return None
        elif script is not None:
            argument, i = _math_argument(tokens, i)
            if argument is None:
                return None
            inner = _math_body(argument, rich=rich)
            if inner is None:
                return None
            table = _SUPERSCRIPTS if script == "^" else _SUBSCRIPTS
            if inner and all(c in table for c in inner):
                out.append("".join(table[c] for c in inner))
            elif rich:
                tag = "sup" if script == "^" else "sub"
                out.append(f"<{tag}>{inner}</{tag}>")
            else:
                return None
        elif opening is not None or closing is not None or space is not None:
            continue
        else:
            out.append(char)
    return "".join(out)


def _math_argument(tokens: list[re.Match[str]], i: int) -> tuple[str | None, int]:
    """The text of a sub/superscript's argument: one character, one command or a `{…}` group."""
    if i >= len(tokens):
        return None, i
    if tokens[i].group(3) is None:
        return tokens[i].group(0), i + 1
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].group(3) is not None:
            depth += 1
        elif tokens[j].group(4) is not None:
            depth -= 1
            if depth == 0:
                return "".join(t.group(0) for t in tokens[i + 1:j]), j + 1
    return None, len(tokens)


def _next_is_argument(nodes: list[Node], i: int) -> bool:
    """`\\u`, `\\c`, `\\d`… are accents only when an argument follows."""
    i = _skip_space(nodes, i)
    return i < len(nodes) and nodes[i][0] in ("group", "text", "cmd")


def _skip_space(nodes: list[Node], i: int) -> int:
    return i + 1 if i < len(nodes) and nodes[i][0] == "space" else i


def _take_argument(nodes: list[Node], i: int) -> tuple[list[Node], int]:
    """The next argument: a group, a command, or the first character of a text run."""
    i = _skip_space(nodes, i)
    if i >= len(nodes):
        return [], i
    kind, value = nodes[i]
    if kind == "group":
        assert isinstance(value, list)
        return value, i + 1
    if kind == "text" and isinstance(value, str) and len(value) > 1:
        nodes[i] = ("text", value[1:])
        return [("text", value[0])], i
    return [nodes[i]], i + 1


def _protects_case(group: list[Node]) -> bool:
    """`{DNA}` protects case; `{\\"o}` (starts with a command) is just a special character."""
    first = next((n for n in group if n[0] != "space"), None)
    if first is None or first[0] == "cmd":
        return False
    return any(c.isalpha() for c in _render(group, rich=False))


# ---------------------------------------------------------------- Unicode → LaTeX

_SPECIAL_LETTERS: dict[str, str] = {
    "ß": "\\ss", "ø": "\\o", "Ø": "\\O", "æ": "\\ae", "Æ": "\\AE", "œ": "\\oe", "Œ": "\\OE",
    "ł": "\\l", "Ł": "\\L", "ı": "\\i", "ȷ": "\\j", "ð": "\\dh", "Ð": "\\DH", "þ": "\\th",
    "Þ": "\\TH", "ŋ": "\\ng", "Ŋ": "\\NG", "đ": "\\dj", "Đ": "\\DJ",
}
_ASCII_SYMBOLS: dict[str, str] = {
    "–": "--", "—": "---", "“": "``", "”": "''", "‘": "`", "’": "\\textquoteright{}",
    "«": "\\guillemotleft{}", "»": "\\guillemotright{}", "…": "\\ldots{}", "°": "\\textdegree{}",
    "®": "\\textregistered{}", "™": "\\texttrademark{}", "©": "\\textcopyright{}", "§": "\\S{}",
    "¶": "\\P{}", "£": "\\pounds{}", "€": "\\texteuro{}", "•": "\\textbullet{}",
    "·": "\\textperiodcentered{}", "µ": "\\textmu{}", "±": "\\textpm{}", "×": "\\texttimes{}",
    "№": "\\textnumero{}", "−": "\\textminus{}",
}
_GREEK: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu",
    "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi",
    "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta",
    "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}
_GREEK_BY_NAME: dict[str, str] = {name: letter for letter, name in _GREEK.items()}
_GREEK_BY_NAME.update({"omicron": "ο", "Upsilon": "Υ", "varpi": "ϖ"})
_CYRILLIC_COMMANDS: dict[str, str] = {letter: f"cyr{stem}"
                                      for stem, letter in _CYRILLIC_STEMS.items()}
_CYRILLIC_COMMANDS.update({letter.upper(): f"CYR{stem.upper()}"
                           for stem, letter in _CYRILLIC_STEMS.items()})

_RICH_TAG = re.compile(r'(<span class="nocase">|<span style="font-variant:\s*small-caps;?">|'
                       r"<sc>|</sc>|<i>|</i>|<b>|</b>|<sup>|</sup>|<sub>|</sub>|</span>)")
_TAG_TO_LATEX: dict[str, str] = {
    NOCASE_OPEN: "{", "<i>": "\\textit{", "<b>": "\\textbf{", "<sup>": "\\textsuperscript{",
    "<sub>": "\\textsubscript{", "<sc>": "\\textsc{",
}
_MATH = re.compile(r"\$[^$]+\$")


def unicode_to_latex(text: str, *, ascii: bool = False, rich: bool = False) -> str:
    """CSL text → a BibTeX field body; `rich` turns CSL rich-text tags into LaTeX (titles)."""
    if not rich:
        return _escape_with_math(text, ascii=ascii)
    out: list[str] = []
    depth = 0
    for piece in _RICH_TAG.split(text):
        if not piece:
            continue
        if _RICH_TAG.fullmatch(piece):
            if piece.startswith("</"):
                if depth:
                    depth -= 1
                    out.append("}")
                    continue
                out.append(_escape_with_math(piece, ascii=ascii))
                continue
            depth += 1
            opening = "\\textsc{" if "small-caps" in piece else _TAG_TO_LATEX[piece]
            out.append(opening)
            continue
        out.append(_escape_with_math(piece, ascii=ascii))
    out.append("}" * depth)
    return "".join(out)


def _escape_with_math(text: str, *, ascii: bool) -> str:
    """Escape text, but leave `$…$` math untouched when the dollars pair up (as the reader kept
    it)."""
    if text.count("$") % 2:
        return _escape(text, ascii=ascii)
    out: list[str] = []
    last = 0
    for match in _MATH.finditer(text):
        out.append(_escape(text[last:match.start()], ascii=ascii))
        out.append(match.group())
        last = match.end()
    out.append(_escape(text[last:], ascii=ascii))
    return "".join(out)


def _escape(text: str, *, ascii: bool) -> str:
    out: list[str] = []
    for char in text:
        out.append(_escape_char(char, ascii=ascii))
    return "".join(out)


def _escape_char(char: str, *, ascii: bool) -> str:
    if char in "&%#_{}$":
        return "\\" + char
    if char == "\\":
        return "\\textbackslash{}"
    if char == "~":
        return "\\textasciitilde{}"
    if char == "^":
        return "\\textasciicircum{}"
    if char == "\u00a0":
        return "~"
    if char == "\u2009":
        return "\\,"
    if not ascii or char.isascii():
        return char
    if char in _ASCII_SYMBOLS:
        return _ASCII_SYMBOLS[char]
    if char in _SPECIAL_LETTERS:
        return "{" + _SPECIAL_LETTERS[char] + "}"
    if char in _CYRILLIC_COMMANDS:
        return "{\\" + _CYRILLIC_COMMANDS[char] + "}"
    if char in _GREEK:
        return f"$\\{_GREEK[char]}$"
    return _escape_accented(char)


def _escape_accented(char: str) -> str:
    """`é` → `{\\'e}`, `ő` → `{\\H{o}}`; characters LaTeX has no command for stay as UTF-8."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not base.isascii() or not marks or any(m not in _MARK_TO_ACCENT for m in marks):
        return char
    result = "\\i" if base == "i" and marks else base
    for mark in marks:
        command = _MARK_TO_ACCENT[mark]
        result = f"\\{command}{result}" if not command.isalpha() and len(result) == 1 \
            else f"\\{command}{{{result}}}"
    return "{" + result + "}"
