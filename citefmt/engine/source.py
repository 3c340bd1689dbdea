"""CSL-JSON items → citeproc-py references, closing citeproc-py's input gaps on the way.

- Ids: citeproc-py lower-cases ids, so "Smith2020" and "smith2020" collide and the caller's
  spelling is lost. Each item gets an internal key ("k0", "k1", …); `keys` maps back.
- Dates: `raw` and EDTF strings become `date-parts` (`dates.py`) instead of vanishing;
  months 21-24 are seasons.
- Rich text: tags in field values are rendered for the output format (`richtext.py`).
- CSL 1.0.2 fields with a CSL 1.0 equivalent are copied to it (`event-title` → `event`), so
  styles written for either name render them; other fields pass through unchanged.
- "and others": a name list ending in the `ET_AL_NAME` marker becomes a `NameList` of the
  real names flagged `truncated` (the engine prints the style's et-al term for it, see
  `elements.Name`); a list holding only the marker carries no name and is dropped.
- An item citeproc-py still refuses is reported (CF400) and left out, never a traceback.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from citeproc import DATES as CITEPROC_DATES
from citeproc import NAMES as CITEPROC_NAMES
from citeproc import NUMBERS
from citeproc.source import Date as CiteprocDate
from citeproc.source import Name as CiteprocName
from citeproc.source import Reference, VariableError
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String

from citefmt.diagnostics import Diagnostic
from citefmt.engine.context import SUPPRESSED, active
from citefmt.engine.dates import normalise_date
from citefmt.engine.formatters.html import escape_text
from citefmt.engine.gost import derived_variables, extension_problems
from citefmt.engine.richtext import render_rich_text
from citefmt.model import DATE_VARIABLES, NAME_VARIABLES, Item, is_et_al

#: variables citeproc-py splits on "&", "," and "-" itself: not to be HTML-escaped beforehand
_NUMBER_VARIABLES = frozenset(NUMBERS) | {"page", "page_first", "locator"}
#: CSL 1.0.2 variables with a CSL 1.0 equivalent citeproc-py renders
_RENAMED = {"event-title": "event", "shortTitle": "title-short",
            "journalAbbreviation": "container-title-short"}
_NAME_KEYS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix")
_SKIPPED = frozenset({"id", "type", "key"})
#: variables whose text is an address or identifier: never made typographic
_RAW_VARIABLES = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "call-number",
                            "archive_location", "archive-location"})
_DATE_KEYS = frozenset({"date-parts", "raw", "literal", "edtf"})


@dataclass
class PreparedSource:
    """citeproc-py references keyed by internal key, and the way back to the caller's items."""

    source: FormattedJSONSource
    keys: list[str] = field(default_factory=list)  # internal key per accepted item, input order
    items: dict[str, Item] = field(default_factory=dict)  # internal key → caller's item
    diagnostics: list[Diagnostic] = field(default_factory=list)


class NameList(list):
    """A name variable's names; `truncated` when the source cut the list short."""

    truncated: bool = False


class NumberText(str):
    """A number variable's value: parsed as citeproc-py does, without format markup."""


class RawText(str):
    """A URL or identifier: its characters are printed as they are (no typographic
    apostrophes)."""


class DefaultLanguageReference(Reference):
    """Substituted variables are absent for the rest of the cite or entry (see below).

    Speed: citeproc-py's cs:text asks each item for `reference.language` every time it
    renders (to decide on title case), falling back to the style's default-locale through a
    raised and caught VariableError when the item has none: ~30 times per entry. This
    reference answers the fallback directly. Only that attribute changes: `"language" in
    reference` and `reference["language"]` still see the item's own field alone."""

    @property
    def language(self) -> str:
        value = dict.get(self, "language")
        return str(value) if value else self.__dict__["default_language"]

    # Gap: CSL 1.0.2 (cs:substitute): "Substituted variables are suppressed in the rest of the
    # output to prevent duplication". citeproc-py only hid a substituted variable from later
    # cs:text elements with the same tag, so an editors-only book printed its editors twice
    # ("Foley KM, Gelband H, eds. … (Foley & Gelband, eds.)"). The render context records the
    # variables a substitute reads while it renders (`elements.Substitute`); for the rest of
    # the cite or entry this reference renders them as absent. Conditions (`in`) still see
    # them, as in citeproc-js ("Anon." is not printed for an editors-only book).

    def __getitem__(self, key: str) -> Any:
        if key not in _NOT_VARIABLES:
            if "-" in key:
                key = key.replace("-", "_")
            context = active()
            if context is not None:
                # `context.suppressed()`, inlined (speed: ~11 variables read per entry)
                suppressed = context.repressed.get(SUPPRESSED)
                if suppressed and key in suppressed:
                    raise VariableError(key)
                if context.recording and dict.__contains__(self, key):
                    context.recording[-1].add(key)
        # Speed: CustomDict.__getitem__ (a Python frame and a caught KeyError per missing
        # variable), answered directly; the same VariableError when the key is absent
        value = dict.get(self, key, _ABSENT)
        if value is _ABSENT:
            raise VariableError
        return value

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except VariableError:
            return default

    def __contains__(self, key: object) -> bool:
        """Gap: citeproc-py stores variables under Python names ("reviewed_author") but
        cs:names asks for the CSL name (`"reviewed-author" in reference`), so no name variable
        with a hyphen (`container-author`, `collection-editor`, `reviewed-author`,
        `original-author`, `executive-producer`, …) was ever printed or substituted."""
        if isinstance(key, str) and "-" in key:
            key = key.replace("-", "_")
        return dict.__contains__(self, key)


_ABSENT = object()

#: reference keys that are not CSL variables a style prints (never recorded or suppressed)
_NOT_VARIABLES = frozenset({"type", "id", "key", "language"})


class FormattedJSONSource(CiteProcJSON):
    """citeproc-py's CSL-JSON source with format-aware strings and raw/EDTF dates."""

    def __init__(self, fmt: str, default_language: str = "en") -> None:
        super().__init__([])
        self.fmt = fmt
        self.default_language = default_language
        self.date_problems: list[str] = []

    def add_item(self, prepared: dict[str, Any]) -> None:
        """One item (`_citeproc_fields`' dict), read as citeproc-py's JSON reader reads it:
        `id` (lower-cased) is the key, `type` kept as it is, `key` ignored, `shortTitle`
        read as `title-short`, names, dates and other strings (but `language`) parsed by
        this source's parsers, under Python names. Speed: the reference is built directly,
        without citeproc-py's Reference and its copy here (`add`): Reference builds its set
        of accepted variables for every item only to warn about others, a warning
        `prepare_source` silences."""
        fields: dict[str, Any] = {}
        ref_key = ref_type = None
        for key, value in prepared.items():
            name = key.replace("-", "_")
            if name == "id":
                ref_key = str(value).lower()
                continue
            if name == "type":
                ref_type = value
                continue
            if name == "key":
                continue
            if name == "shortTitle":
                name = "title_short"
            if name in _CITEPROC_NAMES:
                value = self.parse_names(value)
            elif name in _CITEPROC_DATES:
                value = self.parse_date(value)
            elif key != "language":
                value = self.parse_string(value)
            fields[name] = value
        if ref_key is None or ref_type is None:  # never: `_citeproc_fields` sets both
            CiteProcJSON.__init__(self, [prepared])
            return
        # "key" and "type" first, as citeproc-py's Reference holds them
        self[ref_key] = self._language_reference({"key": ref_key, "type": ref_type, **fields})

    def add(self, entry: Reference) -> None:
        super().add(self._language_reference(entry))

    def _language_reference(self, fields: Any) -> DefaultLanguageReference:
        """A reference holding `fields`, which knows this source's default language."""
        reference = DefaultLanguageReference.__new__(DefaultLanguageReference)
        dict.update(reference, fields)
        reference.__dict__["default_language"] = self.default_language
        return reference

    def parse_string(self, string: Any) -> Any:
        """Gap: citeproc-py parses only the CSL 1.0 name and date variables as such; a CSL
        1.0.2 name variable (`compiler`, `chair`, `director`, `reviewed-author`, …), the
        extension roles of `styles/README.md` (`commentator`, `foreword`, …) and the dates
        `available-date`, `event-date` given under other names became one string (and a
        style's cs:names for it crashed: "'String' object has no attribute 'get'"). Name lists
        and date objects are recognised by shape."""
        if type(string) is str:  # speed: the commonest value, none of the shapes below
            return render_rich_text(string, self.fmt, typographic=True)
        if isinstance(string, list) and _is_name_list(string):
            return self.parse_names(string)
        if isinstance(string, dict) and _DATE_KEYS & string.keys():
            return self.parse_date(string)
        if isinstance(string, NumberText):
            if self.fmt == "html" and _TAG_CHARS_RE.search(string):
                # "<" and ">" only: citeproc-py splits numbers on "&" itself
                string = NumberText(string.replace("<", "&#60;").replace(">", "&#62;"))
            if _NOCASE_TAG not in string.lower():
                # speed: what citeproc-py's parser (one `+=` per piece) gives for text
                # without a nocase span
                return MixedString([String(string)]) if string else MixedString()
            return super().parse_string(string)
        return render_rich_text(str(string), self.fmt,
                                typographic=not isinstance(string, RawText))

    def parse_names(self, json_data: Any) -> NameList:
        """Gap: citeproc-py writes name parts (and number variables and literal dates) into
        HTML as they are, so a name holding "<b>" became markup: in HTML they are escaped here,
        before citeproc-py sees them (issue 10)."""
        json_data = [_escaped_name(n) if self.fmt == "html" else n for n in json_data]
        names = NameList(_citeproc_name(n) for n in json_data if not is_et_al(n))
        names.truncated = len(names) < len(json_data)
        return names

    def parse_date(self, json_data: Any) -> Any:
        date, problem = normalise_date(json_data)
        if self.fmt == "html" and isinstance(date, dict) and isinstance(date.get("literal"), str):
            date = {**date, "literal": escape_text(date["literal"])}
        if problem:
            self.date_problems.append(problem)
        parsed = _single_date(date)
        if parsed is None:
            parsed = super().parse_date(date)
        for single in (parsed.get("begin"), parsed.get("end"), parsed) if parsed else ():
            _month_as_season(single)
        return parsed


def _single_date(date: Any) -> Any:
    """citeproc-py's Date for the commonest date value, `{"date-parts": [[year, month,
    day]]}` with integer parts (None for any other: citeproc-py parses those). Speed:
    citeproc-py builds its key sets for every date; the Date it makes (every value passed
    through int(), `circa` False as 0, first) is filled in directly."""
    if type(date) is not dict or len(date) != 1:
        return None
    parts = date.get("date-parts")
    if type(parts) is not list or len(parts) != 1:
        return None
    single = parts[0]
    if (type(single) is not list or not 1 <= len(single) <= 3
            or any(type(part) is not int for part in single)):
        return None
    parsed = CiteprocDate.__new__(CiteprocDate)
    dict.update(parsed, {"circa": 0, **dict(zip(("year", "month", "day"), single,
                                                          strict=False))})
    return parsed


#: the variables citeproc-py's JSON reader parses as names and as dates (Python names)
_CITEPROC_NAMES = frozenset(CITEPROC_NAMES)
_CITEPROC_DATES = frozenset(CITEPROC_DATES)

#: the start tag citeproc-py's string parser looks for (lower-cased)
_NOCASE_TAG = CiteProcJSON.start_tag.lower()
#: the keys citeproc-py's Name takes without a warning (besides `literal` alone)
_NAME_PARTS = frozenset({"family", "given", "dropping-particle", "non-dropping-particle",
                         "suffix"})


def _citeproc_name(data: dict[str, Any]) -> CiteprocName:
    """citeproc-py's `Name(**data)`, as its JSON reader makes it. Speed: citeproc-py builds
    the sets of accepted keys for every name it checks; a name with accepted keys only is
    filled in directly, any other goes through citeproc-py (which warns)."""
    if ("literal" in data and len(data) == 1) or ("literal" not in data
                                                  and data.keys() <= _NAME_PARTS):
        name = CiteprocName.__new__(CiteprocName)
        dict.update(name, data)
        return name
    return CiteprocName(**data)


_MARKUP_RE = re.compile(r"[<>&]")
_TAG_CHARS_RE = re.compile(r"[<>]")


def _escaped_name(name: Any) -> Any:
    """A CSL name object with its text parts HTML-escaped (other values pass unchanged), and
    every straight apostrophe typographic ("Shafi’i", "’t Horvath")."""
    if not isinstance(name, dict) or is_et_al(name):
        return name
    return {key: _html_name_part(value)
            if isinstance(value, str) else value for key, value in name.items()}


def _html_name_part(value: str) -> str:
    """Gap (CSL test suite name_InTextMarkup*): CSL's rich-text subset in a name part
    ("<b>Doe</b>") is markup, as in any field (citeproc-js); every other "<", ">" and "&" is
    escaped."""
    if "'" in value:  # in a name every straight quote is an apostrophe ("'t Horvath")
        value = value.replace("'", "\u2019")
    if not _MARKUP_RE.search(value):
        return value
    return str(render_rich_text(value, "html", typographic=False))


def _month_as_season(date: Any) -> None:
    """CSL-JSON writes seasons as months 21-24 ([1999, 22] is summer 1999); citeproc-py
    looked up the term "month-22" and printed nothing."""
    if isinstance(date, CiteprocDate) and date.get("month") in (21, 22, 23, 24):
        date["season"] = date.pop("month") - 20


def prepare_source(items: Sequence[Item], fmt: str, *, origin: str = "<input>",
                   default_language: str = "en") -> PreparedSource:
    """Build the reference source for `items`; problems come back as diagnostics.

    `default_language`: the primary language subtag of the style's default-locale, the
    language of items without one (see `DefaultLanguageReference`)."""
    source = FormattedJSONSource(fmt, default_language)
    prepared = PreparedSource(source)
    with warnings.catch_warnings():
        # fields outside citeproc-py's list are kept (styles naming them render them); its
        # "unsupported arguments" warning would only be noise
        warnings.filterwarnings("ignore", message="The following arguments for")
        for index, item in enumerate(items):
            _add_item(prepared, index, item, origin)
    return prepared


def _add_item(prepared: PreparedSource, index: int, item: Any, origin: str) -> None:
    source = prepared.source
    key = f"k{index}"
    label = str(item.get("id", index + 1)) if isinstance(item, dict) else str(index + 1)
    if not isinstance(item, dict):
        prepared.diagnostics.append(Diagnostic(
            "CF400", f"item {label}: not a CSL-JSON object, left out", origin))
        return
    source.date_problems.clear()
    try:
        source.add_item(_citeproc_fields(item, key))
    except Exception as exc:  # citeproc-py raises TypeError/ValueError/KeyError on bad data
        prepared.diagnostics.append(Diagnostic(
            "CF400", f"item {label!r}: the CSL engine cannot use it ({_describe(exc)}); "
                     "left out", origin))
        return
    for problem in source.date_problems:
        prepared.diagnostics.append(Diagnostic(
            "CF206", f"item {label!r}: {problem}", origin, severity="warning"))
    for problem in extension_problems(item):
        prepared.diagnostics.append(Diagnostic(
            "CF410", f"item {label!r}: {problem}", origin, severity="warning"))
    prepared.keys.append(key)
    prepared.items[key] = item


def _citeproc_fields(item: Item, key: str) -> dict[str, Any]:
    item = with_note_variables(item)
    data: dict[str, Any] = {"id": key, "type": item.get("type") or "article"}
    for name, value in item.items():
        if name in _SKIPPED or value is None or value == "" or value == []:
            continue
        if isinstance(value, list) and _is_name_list(value):
            if all(is_et_al(name) for name in value):
                continue
            value = _names(value)
        elif name.replace("-", "_") in _NUMBER_VARIABLES:
            value = NumberText(value)
        elif name in _RAW_VARIABLES and isinstance(value, str):
            value = RawText(value)
        data[name] = value
        renamed = _RENAMED.get(name)
        if renamed and renamed not in item:
            data[renamed] = value
    data.update(derived_variables(item))  # GOST short forms (see `gost.py`)
    return data


#: CSL 1.0.2 standard and number variables a `note` line may set (Appendix IV)
_NOTE_VARIABLES = frozenset({
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
    "authority", "call-number", "citation-key", "citation-label", "collection-title",
    "collection-title-short", "container-title", "container-title-short", "dimensions",
    "division", "DOI", "event", "event-title", "event-place", "genre", "ISBN", "ISSN",
    "jurisdiction", "keyword", "language", "license", "medium", "original-publisher",
    "original-publisher-place", "original-title", "part-title", "PMCID", "PMID", "publisher",
    "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "source",
    "status", "title", "title-short", "URL", "volume-title", "chapter-number",
    "collection-number", "edition", "issue", "number", "number-of-pages", "number-of-volumes",
    "page", "page-first", "part-number", "printing-number", "section", "supplement-number",
    "version", "volume"}) | NAME_VARIABLES | DATE_VARIABLES
_NOTE_LINE = re.compile(r"^\s*(?:\{:([A-Za-z-]+):\s*(.*?)\}|([A-Za-z-]+):\s*(.*?))\s*$")


def with_note_variables(item: Item) -> Item:
    """The item with the CSL variables its `note` sets, one "variable: value" line each.

    Gap: citeproc-py ignored the convention of Zotero's Extra field, which citeproc-js reads
    (CSL test suite variables_ContainerTitleShort2, label_NameLabelThroughSubstitute,
    number_LimitOrdinalsToDayOne): "container-title-short: Container", "event-date:
    2004-10-01/2004-10-14", "reviewed-author: Hall || W.C." (family || given; a literal name
    without "||"). A line sets a variable the item does not have; the lines used are taken
    out of the note, other lines stay. The caller's item is not changed."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    found: dict[str, Any] = {}
    kept = []
    for line in note.splitlines():
        match = _NOTE_LINE.match(line)
        variable = (match.group(1) or match.group(3)) if match else None
        value = ((match.group(2) if match.group(1) else match.group(4)) or "").strip() \
            if match else ""
        if (variable is None or variable not in _NOTE_VARIABLES or not value
                or variable in item):
            kept.append(line)
            continue
        if variable in NAME_VARIABLES:
            family, bar, given = value.partition("||")
            person = ({"family": family.strip(), "given": given.strip()} if bar
                      else {"literal": value})
            found.setdefault(variable, []).append(person)
        elif variable in DATE_VARIABLES:
            found[variable] = {"raw": value}
        else:
            found.setdefault(variable, value)
    if not found:
        return item
    changed = dict(item, **found)
    rest = "\n".join(kept).strip()
    if rest:
        changed["note"] = rest
    else:
        del changed["note"]
    return changed


def _is_name_list(value: list[Any]) -> bool:
    return bool(value) and all(isinstance(v, dict) for v in value)


def _names(names: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Name objects cut down to the keys citeproc-py accepts (literal alone, or the parts)."""
    result = []
    for name in names:
        if name.get("literal"):
            result.append({"literal": str(name["literal"])})
        else:
            parts = {k: str(name[k]) for k in _NAME_KEYS if name.get(k)}
            comma = name.get("comma-suffix") in (True, "true")
            given = parts.get("given", "")
            split = _GIVEN_SUFFIX.split(given, 1) if "suffix" not in parts else []
            if len(split) == 3:
                # citeproc-js's input convention: "John, III" is given name and suffix,
                # "John,! Jr." a suffix printed after a comma ("John Doe, Jr.")
                parts["given"], bang, parts["suffix"] = split
                comma = comma or bool(bang)
            if comma and parts.get("suffix"):
                parts[COMMA_SUFFIX] = "true"
            if name.get("parse-names") not in (False, "false"):
                _parse_particles(parts)
            result.append(parts)
    return result


def _parse_particles(parts: dict[str, str]) -> None:
    """Gap: citeproc-py took `family` and `given` as written, so particles typed into them
    ("van Gogh", "Alexander von", "d'Aubignac", "al-One") were neither sorted past nor demoted
    ("Humboldt, Alexander von" sorted after "van der Vlist"). As citeproc-js does (CSL test
    suite name_ParseNames, name_Parsed*ParticleWithApostrophe, bugreports_parseName), leading
    lower-case words of a family name (or a lower-case prefix ending in an apostrophe or
    hyphen) are its non-dropping particle, trailing lower-case words of a given name its
    dropping particle; a family name in double quotes is kept as written, without them; a
    name with `"parse-names": false` or its own particle fields is left alone."""
    family = parts.get("family", "")
    if len(family) > 2 and family[0] == family[-1] == '"':
        parts["family"] = family[1:-1]
        return
    if family and "non-dropping-particle" not in parts and " " not in family:
        # speed: a one-word family name (the commonest) has at most an attached particle
        attached = _attached_particle(family)
        if attached:
            parts["non-dropping-particle"], parts["family"] = family[:attached], \
                family[attached:]
    elif family and "non-dropping-particle" not in parts:
        words = family.split(" ")
        lead = 0
        while (lead < len(words) - 1  # "de' Frinkle" keeps its space: as written
               and _particle_word(words[lead])):
            lead += 1
        particle, rest = " ".join(words[:lead]), " ".join(words[lead:])
        attached = _attached_particle(rest)
        if attached:
            particle = " ".join(p for p in (particle, rest[:attached]) if p)
            rest = rest[attached:]
        if particle:
            parts["non-dropping-particle"], parts["family"] = particle, rest
    given = parts.get("given", "")
    if (given and "dropping-particle" not in parts
            and given[given.rfind(" ") + 1:][:1].islower()):  # speed: else no particle
        words = given.split(" ")
        tail = len(words)
        while tail > 1 and words[tail - 1][:1].islower() and words[tail - 1].rstrip(
                "'\u2019").isalpha():  # a word, not lower-case initials ("j. r.")
            tail -= 1
        if tail < len(words):
            parts["given"] = " ".join(words[:tail])
            parts["dropping-particle"] = " ".join(words[tail:])


def _particle_word(word: str) -> bool:
    """A lower-case particle word of a family name: "van", abbreviated "v.d." and "v.",
    Dutch "'t" ("in 't Veld"; CSL test suite name_ParticlesDemoteNonDroppingNever, as
    citeproc-js)."""
    letters = word[1:] if word[:1] in "'\u2019" and len(word) > 1 else word
    if letters[:1] == ".":
        return False
    letters = letters.replace(".", "") if letters is word else letters
    return letters.isalpha() and letters.islower()


def _attached_particle(family: str) -> int:
    """The length of a lower-case particle written onto the family name ("d'" of
    "d'Aubignac", "al-" of "al-One"), 0 if there is none."""
    if "'" not in family and "\u2019" not in family and "-" not in family:
        return 0  # speed: what the loop below finds without a mark to end a particle
    for index, char in enumerate(family):
        if char in "'\u2019-":
            head = family[:index]
            return (index + 1 if head.isalpha() and head.islower()
                    and family[index + 1:index + 2].isupper() else 0)
        if not char.isalpha():
            return 0
    return 0


_GIVEN_SUFFIX = re.compile(r",(!?) ")

#: name key (CSL-JSON's `comma-suffix`) kept on a name whose suffix follows a comma
COMMA_SUFFIX = "comma-suffix"


def _describe(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
