"""Text repairs applied before any grammar runs, each one reported (nothing is changed silently).

A `Text` keeps, for every character of the repaired string, the offset of the raw character it
came from, so diagnostics point at columns of the reference as the user wrote it.

What is repaired (warning diagnostics):
- CF105 Unicode NFC, odd spaces (no-break, thin, tabs, runs of spaces), soft hyphens, zero-width
  marks;
- CF101 a label glued to the field before it ("945.PMID" → "945. PMID");
- CF102 a word broken by a stray space after a hyphen ("miR- 1248") or by a line break
  ("regenera-\\ntion");
- CF103 a DOI broken by a space ("10.1016/j. nantod.2022.101531");
- CF104 a page range with stray spaces ("48- 51").
What is only reported (the text is kept as printed, because it is the source's own spelling):
- CF101 title words that look glued ("NonHealing", "cellderived", "Exosomebased").
Glued author initials ("WonYJ") are split by the name parser (see names.py), also as CF101.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from citefmt.diagnostics import Diagnostic

_ODD_SPACES = ("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f"
               "\u205f\u3000\t")
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_ODD_SPACE_RE = re.compile(f"[{_ODD_SPACES}\r\n]")
_SPACE_RUN_RE = re.compile(r"(?<=\S) {2,}(?=\S)")

#: endings that, after a line-break hyphen, mean the hyphen was only a word break
_WORD_BREAK_ENDINGS = (
    "tion", "tions", "sion", "ment", "ments", "ing", "ings", "ity", "ities", "ness", "ed", "ly",
    "al", "ive", "ous", "ance", "ence", "able", "ible", "ism", "ist", "ogy", "ical", "ate", "ates",
    "er", "ers", "es", "ic", "ics", "ure", "ия", "ие", "ий", "ая", "ой", "ого", "ых", "ных", "ние",
    "ения", "ении", "ение", "ость", "ости", "ский", "ская", "ского", "ных", "ные", "ным",
)
#: words that legitimately follow a dangling hyphen ("pre- and post-operative", "до- и
#: послеоперационный")
_SUSPENDED_HYPHEN_NEXT = {"and", "or", "to", "und", "et", "ou", "y", "e", "и", "или", "либо"}
#: second halves of compounds that are usually hyphenated in titles
_COMPOUND_TAILS = ("derived", "based", "related", "associated", "induced", "mediated", "dependent",
                   "specific", "loaded", "targeted", "free", "healing", "like", "resistant")
_COMPOUND_PREFIX_STOP = {"inter", "under", "over", "self", "well", "non", "anti", "semi", "multi"}


@dataclass
class Text:
    """A repaired string plus, for every character, the raw offset it came from."""

    value: str
    origin: list[int]
    raw: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def of(cls, raw: str) -> Text:
        return cls(raw, list(range(len(raw))), raw)

    def col(self, pos: int) -> int:
        """1-based column in the raw reference of position `pos` of the repaired text."""
        if not self.origin:
            return 1
        pos = min(max(pos, 0), len(self.origin) - 1)
        return self.origin[pos] + 1

    def replace(self, start: int, end: int, new: str) -> None:
        """Replace value[start:end] by `new`; new characters map to the raw offset of `start`."""
        mapping = self._mapping(start, end, new)
        self.value = self.value[:start] + new + self.value[end:]
        self.origin = self.origin[:start] + mapping + self.origin[end:]

    def replace_many(self, edits: list[tuple[int, int, str]]) -> None:
        """Apply non-overlapping `(start, end, new)` edits (any order) in one pass: each as
        `replace` would, in linear total time (one `replace` per edit copies the whole text, which
        made a reference with thousands of repairs quadratic)."""
        if not edits:
            return
        if len(edits) == 1:
            self.replace(*edits[0])
            return
        value: list[str] = []
        origin: list[int] = []
        position = 0
        for start, end, new in sorted(edits):
            value.append(self.value[position:start])
            origin.extend(self.origin[position:start])
            origin.extend(self._mapping(start, end, new))
            value.append(new)
            position = end
        value.append(self.value[position:])
        origin.extend(self.origin[position:])
        self.value = "".join(value)
        self.origin = origin

    def _mapping(self, start: int, end: int, new: str) -> list[int]:
        """Raw offsets for `new` replacing value[start:end] (see `replace`)."""
        if start < len(self.origin):
            anchor = self.origin[start]
        else:
            anchor = self.origin[-1] + 1 if self.origin else 0
        kept = self.origin[start:end]
        if len(new) == end - start:
            return kept
        if new and kept and new in self.value[start:end]:
            at = self.value[start:end].index(new)
            return kept[at:at + len(new)]
        return [anchor] * len(new)

    def warn(self, code: str, message: str, pos: int) -> None:
        self.diagnostics.append(Diagnostic(code, message, col=self.col(pos), severity="warning"))


def _sub_each(text: Text, pattern: re.Pattern[str], repair: Callable[[re.Match[str]], str | None],
              code: str, describe: Callable[[str, str], str]) -> None:
    """Apply `repair(match) -> str | None` to every match, right to left, reporting each change."""
    found = list(pattern.finditer(text.value))
    reports: list[tuple[int, str]] = []
    edits: list[tuple[int, int, str]] = []
    for m in reversed(found):
        new = repair(m)
        if new is None or new == m.group():
            continue
        reports.append((m.start(), describe(m.group(), new)))
        edits.append((m.start(), m.end(), new))
    text.replace_many(edits)
    for pos, message in reversed(reports):
        text.warn(code, message, pos)


def normalize_unicode(text: Text) -> None:
    """NFC, ordinary spaces, no invisible characters: one CF105 per kind of change."""
    nfc = unicodedata.normalize("NFC", text.value)
    if nfc != text.value:
        first = next((i for i, (a, b) in enumerate(zip(text.value, nfc, strict=False)) if a != b),
                     0)
        text.warn("CF105", "text normalised to Unicode NFC", first)
        text.value, text.origin = nfc, _origin_for_nfc(text, nfc)
    # ASCII text has none of the invisible characters and no odd space but tab and line breaks
    ascii_text = text.value.isascii()
    invisible = [] if ascii_text else [m.start() for m in _INVISIBLE_RE.finditer(text.value)]
    if invisible:
        text.warn("CF105",
                  f"{len(invisible)} invisible character(s) (soft hyphen, zero-width) removed",
                  invisible[0])
        text.replace_many([(i, i + 1, "") for i in invisible])
    odd = [] if ascii_text and not any(c in text.value for c in "\t\r\n") else [
        m.start() for m in _ODD_SPACE_RE.finditer(text.value)]
    odd_shown = [i for i in odd if text.value[i] not in "\r\n"]
    if odd_shown:
        text.warn("CF105", f"{len(odd_shown)} non-standard space(s) replaced by ordinary spaces",
                  odd_shown[0])
    # a line-break hyphen ("-" then a newline) is decided by join_broken_words
    text.replace_many([(i, i + 1, " ") for i in odd
                       if not (text.value[i] in "\r\n" and i > 0 and text.value[i - 1] == "-")])
    runs = list(_SPACE_RUN_RE.finditer(text.value)) if "  " in text.value else []
    if runs:
        text.warn("CF105", f"{len(runs)} run(s) of several spaces collapsed", runs[0].start())
        text.replace_many([(m.start(), m.end(), " ") for m in runs])
    stripped = text.value.strip()
    if stripped != text.value:
        lead = len(text.value) - len(text.value.lstrip())
        text.origin = text.origin[lead:lead + len(stripped)]
        text.value = stripped


def _origin_for_nfc(text: Text, nfc: str) -> list[int]:
    """Map NFC output characters to raw offsets by composing cluster by cluster."""
    origin: list[int] = []
    i = 0
    src = text.value
    while i < len(src):
        j = i + 1
        while j < len(src) and unicodedata.combining(src[j]):
            j += 1
        composed = unicodedata.normalize("NFC", src[i:j])
        origin.extend([text.origin[i]] * len(composed))
        i = j
    return origin if len(origin) == len(nfc) else [text.origin[0] if text.origin else 0] * len(nfc)

_LINE_BREAK_HYPHEN_RE = re.compile(r"\b(\w++)-[\r\n]+\s*(\w+)")
_STRAY_SPACE_HYPHEN_RE = re.compile(r"\b(?=\w*[^\W\d])(\w++)- (\w+)")


def join_broken_words(text: Text) -> None:
    """"miR- 1248" → "miR-1248"; "regenera-⏎tion" → "regeneration"; "cell-⏎derived" →
    "cell-derived"."""
    def line_break(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if right.islower() and left[-1:].islower() and right.lower().endswith(_WORD_BREAK_ENDINGS) \
                and len(right) <= 6:
            return left + right
        return f"{left}-{right}"

    if "-\n" in text.value or "-\r" in text.value:  # what every match holds (a faster test)
        _sub_each(text, _LINE_BREAK_HYPHEN_RE, line_break, "CF102",
                  lambda old, new: f"word broken by a line break joined as {new!r}")

    def stray_space(m: re.Match[str]) -> str | None:
        if m.group(2).lower() in _SUSPENDED_HYPHEN_NEXT:
            return None
        return f"{m.group(1)}-{m.group(2)}"

    if "- " in text.value:
        _sub_each(text, _STRAY_SPACE_HYPHEN_RE, stray_space, "CF102",
                  lambda old, new: f"stray space after a hyphen removed: {old!r} → {new!r}")


_BROKEN_DOI_RE = re.compile(r"(10\.\d{4,9}/\S*?[./\-_])\s+([A-Za-z0-9][\w.\-/()]*\d[\w.\-/()]*)")
#: "doi: 10. 1088/1748-0221/11/05/P05011": a labelled DOI broken after its directory indicator
_BROKEN_DOI_PREFIX_RE = re.compile(r"(?<=\b[Dd][Oo][Ii])(\s*:?\s*10\.)\s+(?=\d{4,9}/)")
_NOT_DOI_CONTINUATION = re.compile(r"^(?:PMID|PMCID|PMC\d|Epub|ISBN|ISSN|URL|http|doi|DOI)", re.I)


def join_broken_dois(text: Text) -> None:
    """"10.1016/j. nantod.2022.101531" → "10.1016/j.nantod.2022.101531" (a DOI never has a
    space)."""
    def repair(m: re.Match[str]) -> str | None:
        tail = m.group(2)
        if _NOT_DOI_CONTINUATION.match(tail) or tail.endswith(":"):
            return None
        return m.group(1) + tail

    if "10. " in text.value:  # what every labelled DOI broken after "10." holds
        _sub_each(text, _BROKEN_DOI_PREFIX_RE, lambda m: m.group(1), "CF103",
                  lambda old, new: f"space removed from DOI: {old!r} → {new!r}")
    _sub_each(text, _BROKEN_DOI_RE, repair, "CF103",
              lambda old, new: f"space removed from DOI: {old!r} → {new!r}")


_PAGE_RANGE_RE = re.compile(
    r"(?P<lead>:\s*|\b(?:pp?|P|S|С|с)\.\s*)"
    r"(?P<a>[A-Za-z]?\d+)(?P<dash>\s*[-–—‒]\s*)(?P<b>[A-Za-z]?\d+)(?=[.;,)\s]|$)")


#: a range dash with a space beside it, as every range `join_page_ranges` joins holds one
_SPACED_DASHES = tuple(pair for dash in "-–—‒" for pair in (" " + dash, dash + " "))


def _may_space_a_dash(value: str) -> bool:
    """The text has a dash with white space beside it (in printable text the only white space
    is the space); without one, no range has a spaced dash to join."""
    return not value.isprintable() or any(map(value.__contains__, _SPACED_DASHES))


def join_page_ranges(text: Text) -> None:
    """"48- 51" → "48-51", "С. 3 – 4" → "С. 3–4" (after ":" or a page label); the dash is kept as
    printed."""
    found = [m for m in _PAGE_RANGE_RE.finditer(text.value)
             if m.group("dash").strip() != m.group("dash")] if _may_space_a_dash(text.value) else []
    reports: list[tuple[int, str]] = []
    edits: list[tuple[int, int, str]] = []
    for m in reversed(found):
        old = m.group("a") + m.group("dash") + m.group("b")
        fixed = m.group("a") + m.group("dash").strip() + m.group("b")
        edits.append((m.start("a"), m.end("b"), fixed))
        reports.append((m.start("a"), f"page range repaired: {old!r} → {fixed!r}"))
    text.replace_many(edits)
    for pos, message in reversed(reports):
        text.warn("CF104", message, pos)


_CAMEL_GLUE_RE = re.compile(r"\b[A-Z]?[a-z]{2,}[A-Z][a-z]{2,}\b")
#: a small letter before a capital, which every camel-glued word holds (a faster search)
_CAMEL_HINT_RE = re.compile(r"[a-z][A-Z]")
_COMPOUND_GLUE_RE = re.compile(r"\b([A-Za-z]{4,}?)(" + "|".join(_COMPOUND_TAILS) + r")\b")


def glued_word_suspicions(text: Text, start: int, end: int) -> None:
    """Report (CF101, text kept) words in value[start:end] that look like two glued words."""
    segment = text.value[start:end]
    hits: list[tuple[int, str, str]] = []
    for m in _CAMEL_GLUE_RE.finditer(segment) if _CAMEL_HINT_RE.search(segment) else ():
        hits.append((m.start(), m.group(), "two words glued (capital inside a word)"))
    for m in _COMPOUND_GLUE_RE.finditer(segment) if any(
            map(segment.__contains__, _COMPOUND_TAILS)) else ():  # what every match holds
        if m.group(1).lower() in _COMPOUND_PREFIX_STOP:
            continue
        hits.append((m.start(), m.group(),
                     f"a compound written without a hyphen ({m.group(1)}-{m.group(2)}?)"))
    for pos, word, why in sorted(hits):
        text.warn("CF101", f"{word!r} may be {why}; kept as printed", start + pos)


_GLUED_LABEL_RE = re.compile(
    r"(?<=[\w)\]])\.(?=(?:PMID|PMCID|PMC\d|doi|DOI|ISBN|ISSN|URL|Epub|Available|https?://)\b)")
_LABEL_WORD_RE = re.compile(r"[A-Za-z]+")
_GLUED_LABEL_STARTS = (".P", ".d", ".D", ".I", ".U", ".E", ".A", ".h")


def _label_at(text: str, pos: int) -> str:
    """The label word ("PMID", "doi", "https") that starts at `pos`."""
    word = _LABEL_WORD_RE.match(text, pos)
    return word.group() if word else ""


def separate_glued_labels(text: Text) -> None:
    """"945.PMID: 1" → "945. PMID: 1": a label glued to the field before it (CF101)."""
    value = text.value
    # a period, then the first letter of a label: what every match holds (a faster test)
    found = list(_GLUED_LABEL_RE.finditer(value)) if any(
        map(value.__contains__, _GLUED_LABEL_STARTS)) else []
    labels = [_label_at(text.value, m.end()) for m in found]
    text.replace_many([(m.start(), m.end(), ". ") for m in found])
    for shift, (m, label) in enumerate(zip(found, labels, strict=True)):
        text.warn("CF101", f"missing space after a period inserted before {label!r}",
                  m.start() + shift)


#: a period or comma cut from its word and glued to the next one, as PDF text extraction leaves
#: it ("Phys .Rev .C", "Niessen ,C .Spiering"), or standing alone before a space ("Rev . 85");
#: a space inside a parenthesis ("( 2012 )"). Every match starts with a space, so the pattern
#: starts with it and looks behind past it (searched for much faster than a look-behind first;
#: tests/refparse/test_throughput_gates.py compares it with the look-behind-first form)
_DETACHED_PUNCT_RE = re.compile(r" (?:(?<=[^\W\d_] )([.,])(?=\w)|(?<=\w )(,)(?=\w)"
                                r"|(?<=[\w)\]] )([.,])(?=\s|$)"
                                r"|(?<=[(\[] ) *(?=\w)|(?<=\w ) *(?=[)\]]))")
#: "(2012)044908": the page glued to the year before it
#: (the year is matched and the space goes at its end: a pattern that starts with "(" is searched
#: for much faster than one that starts with a look-behind)
_YEAR_GLUED_RE = re.compile(r"\((?:1[89]|20)\d\d\)(?=\d)")


#: a DOI's directory indicator and registrant ("10.1007/"), searched for in the word before a
#: position (`_in_doi`)
_DOI_START_RE = re.compile(r"10\.\d{4,9}/")


def _in_doi(value: str, pos: int) -> bool:
    """True when `pos` is inside a DOI: "10.1007/JHEP03(2014)118" prints the year glued to the
    article number, and a DOI has no space to put there."""
    word_start = max(value.rfind(" ", 0, pos), value.rfind(":", 0, pos)) + 1
    return "10." in value[word_start:pos] and bool(_DOI_START_RE.search(value, word_start, pos))


def attach_detached_punctuation(text: Text) -> None:
    """"Phys .Rev .C 85 ( 2012)024908" → "Phys. Rev. C 85 (2012) 024908", "[ nucl-th]" →
    "[nucl-th]": the spacing of PDF-extracted text (CF105, one report for the reference). A space
    before ":" or ";" is kept: French and ISO 690 typography print "Paris : Gallimard"."""
    edits = []
    if any(map(text.value.__contains__, (" .", " ,", "( ", "[ ", " )", " ]"))):
        for m in _DETACHED_PUNCT_RE.finditer(text.value):
            glued = m.group(1) or m.group(2)
            edits.append((m.start(), m.end(), glued + " " if glued else m.group(3) or ""))
    first = edits[0][0] if edits else None
    text.replace_many(edits)
    spaced = [(m.end(), m.end(), " ") for m in _YEAR_GLUED_RE.finditer(text.value)
              if not _in_doi(text.value, m.start())] if ")" in text.value else []
    if spaced and first is None:
        first = spaced[0][0]
    text.replace_many(spaced)
    if first is not None:
        text.warn("CF105", f"{len(edits) + len(spaced)} space(s) around punctuation repaired "
                  "(PDF-extracted spacing: \" .Rev\" → \". Rev\", \"( 2012)\" → \"(2012)\")",
                  first)


#: a URL's scheme with the spaces PDF extraction puts inside it: "http ://cern.ch",
#: "https: //cds.cern.ch", "http: // arxiv.org"
_SPACED_SCHEME_RE = re.compile(r"\b(https?)\s*:\s*/\s*/\s*(?=\S)")


def join_spaced_url_schemes(text: Text) -> None:
    """"http ://cern.ch/garfield" → "http://cern.ch/garfield": a scheme has no space in it, so
    the URL is found whole (CF105)."""
    if "http" not in text.value:
        return
    edits = [(m.start(), m.end(), m.group(1) + "://")
             for m in _SPACED_SCHEME_RE.finditer(text.value)
             if m.end() - m.start() > len(m.group(1)) + 3]
    if edits:
        text.replace_many(edits)
        text.warn("CF105", f"{len(edits)} URL scheme(s) joined (PDF-extracted spacing: "
                  "\"http ://\" → \"http://\")", edits[0][0])


#: "andA Quattropani", "andW . Henkes": the conjunction of an author list glued to the next
#: initial, as PDF extraction leaves it
_GLUED_AND_RE = re.compile(r"(?<=[\s,])(and|et|und)(?=[A-Z](?:\.|\s))")
#: the conjunction and the capital every glued conjunction holds (a pattern that starts with a
#: word is searched for much faster than one that starts with a look-behind)
_GLUED_AND_HINT_RE = re.compile(r"(?:and|et|und)[A-Z]")


def separate_glued_conjunctions(text: Text) -> None:
    """"C Ciuti, andA Quattropani" → "C Ciuti, and A Quattropani" (CF101)."""
    value = text.value
    found = list(_GLUED_AND_RE.finditer(value)) if _GLUED_AND_HINT_RE.search(value) else []
    text.replace_many([(m.start(), m.end(), m.group(1) + " ") for m in found])
    for shift, m in enumerate(found):
        text.warn("CF101", f"space inserted after {m.group(1)!r} glued to an initial",
                  m.start() + shift)


def normalize(raw: str) -> Text:
    """All text-level repairs, in a fixed order, each reported."""
    text = Text.of(raw)
    normalize_unicode(text)
    attach_detached_punctuation(text)
    join_spaced_url_schemes(text)
    separate_glued_conjunctions(text)
    separate_glued_labels(text)
    join_broken_dois(text)
    join_page_ranges(text)
    join_broken_words(text)
    return text
