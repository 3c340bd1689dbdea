"""citefmt's CSL element classes: citeproc-py's, subclassed where it falls short of CSL 1.0.2.

citeproc-py maps every CSL element to a Python class through lxml's element-class lookup.
citefmt builds its own lookup (`element_lookup`) from citeproc-py's classes, each one
extended with `base.EngineElement` (memoised look-ups, punctuation merging), and a few
replaced by subclasses, each named after the gap it closes:

- `date_elements.Date`        — localized date delimiter ("2020Mar15" → "2020 Mar 15"); date
                                ranges ("2002 Apr 3-5", range-delimiter, same-month crash)
- `date_elements.Date_Part`   — a calling date's date-part overrides leaked into later dates;
                                implicit year-suffix
- `name_elements.Names/Name`  — CSL-M suppress-min/suppress-max; "and others" (source et al.);
                                `form="count"` totals; initials (`initials.py`);
                                subsequent-author-substitute (`subsequent_author.py`);
                                et-al-subsequent; CJK names and mononyms
- `flow_elements.Group/If`    — planned once per style (speed); `disambiguate="true"`
                                (`disambiguation.py`, which also adds year-suffixes)
- `Text`, `Term`              — kind of text and term forms decided once (speed); quotes
                                that take punctuation-in-quote
- `Label`                     — the `number-of-pages` label rendered nothing ("280" → "280 p.");
                                a label for an empty variable was printed ("p. ")
- `Sort.sort`                 — locale collation instead of code-point order (Ё with Е,
                                Cyrillic first in ru)
- `Layout.render_citation`    — collapse="citation-number" ([1,2,3,4] → [1–4]); cite grouping
                                and collapse="year…" (`cite_groups.py`)
- `Layout.render_children`    — a note that begins with a term begins with a capital ("Ibid.")
- `Layout.render_entry`       — second-field-align: margin and body kept apart ("1.Smith" →
                                "1. Smith")
- `base.PunctuationMerging`   — "Why?" + "." → "Why?" at every affix and delimiter seam;
                                punctuation-in-quote (`punctuation.py`)
- `base.TextCasing`           — text-case keeping nocase spans and spacing (`text_case.py`)
- `base.PageRanges`           — page-range-format from completed numbers (`page_ranges.py`)
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cmp_to_key
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import MixedString, String
from lxml import etree

from citefmt.engine.base import MARKUP_ATTRIBUTES, DisplayEnd, EngineElement, is_decorated
from citefmt.engine.cite_groups import CiteNames, collapse_cites, groups_cites
from citefmt.engine.collation import collation_key
from citefmt.engine.context import RenderContext, active, current
from citefmt.engine.date_elements import Date, Date_Part
from citefmt.engine.decorations import field_flipped, undecorated
from citefmt.engine.flow_elements import Else_If, Group, If, Macro
from citefmt.engine.locator_labels import typed_locator_label
from citefmt.engine.name_elements import Name, Name_Part, Names, Substitute, is_truncated
from citefmt.engine.numeric import numeric_list as _numeric_list
from citefmt.engine.ordinals import ordinal_text
from citefmt.engine.punctuation import (
    FieldClosingQuote,
    NumberBlob,
    join_merging,
    move_into_quote,
    nested,
    quoted,
    wrap_merging,
)
from citefmt.engine.richtext import (
    RESOLVABLES,
    NoDecoration,
    QuoteMark,
    apostrophes,
    has_rich_text_tag,
    render_rich_text,
)
from citefmt.engine.source import DefaultLanguageReference

CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"


class Style(EngineElement, model.Style):
    """citeproc-py reads the locale chain and the output formatter as attributes of the style
    root; here they are the render context's (`context.py`): the tree is shared by renders."""

    @property
    def locales(self) -> Any:
        return current().locale.chain

    @property
    def formatter(self) -> Any:
        return current().formatter

    def get_option(self, name: str) -> Any:
        # Gap: citeproc-py asks the style root for cs:citation's `near-note-distance` and,
        # finding no default there, crashed with KeyError on every note style testing
        # position="near-note"
        if name == "near-note-distance":
            citation = self.citation
            value = citation.get(name) if citation is not None else None
            return int(value) if value and value.isdigit() else 5
        return super().get_option(name)


def punctuation_in_quote_option(chain: Any) -> bool:
    """The first `punctuation-in-quote` style option set along a locale chain (CSL 1.0.2:
    false unless a locale sets it)."""
    for locale in chain or ():
        options = locale.find("cs:style-options", locale.nsmap)
        if options is not None and options.get("punctuation-in-quote") is not None:
            return str(options.get("punctuation-in-quote")).lower() == "true"
    return False


class Locale(EngineElement, model.Locale):
    """Speed: citeproc-py looks up cs:style-options with `find` on every text it quotes (twice per
    variable); the element is looked up once here."""

    def get_term(self, name: str, form: str | None = None,  # type: ignore[override]
                 zero_padded: bool = False) -> Any:
        """A locale's own term look-up, not the chain-cached one. Gap: a locale defining a
        term twice (ABNT styles: `editor` short "ed", then "org") gave citeproc-py's first
        definition; the last one counts, as in citeproc-js, which reads them in order.
        (The signature is citeproc-py's `Locale.get_term`, not the chain-wide one.)"""
        try:
            found = model.Locale.get_term(self, name, form, zero_padded)
        except IndexError:
            if form not in (None, "long"):
                raise
            # gap: the long form is a term without `form` or with form="long" (CSL 1.0.2);
            # citeproc-py missed `<term name="accessed" form="long">` ("Zugegriffen:")
            found = model.Locale.get_term(self, name, "long", zero_padded)
        if self.getparent() is None:  # a locale file: no repeated terms
            return found
        return _last_definition(self, found)

    def get_formatter(self) -> Any:
        # citeproc-py asks `locale.style.formatter`: a locale file serves every style
        return current().formatter

    def get_option(self, name: str) -> str:
        if "_style_options" not in self.__dict__:
            self.__dict__["_style_options"] = self.find("cs:style-options", self.nsmap)
        options = self.__dict__["_style_options"]
        if options is None:
            raise IndexError(name)
        return options.get(name, self._default_options[name])


#: number variables a cs:text reads as numbers and ranges (pages and locators apart): a
#: volume or issue range is a range ("n. 3–4"), a report or patent number is an identifier
#: kept as written (GOST 7.0.5's "отчет о НИР : 42-44")
NUMBER_VARIABLES = frozenset({"issue", "volume"})


#: field-text segments a cs:text resolves for where it prints them
_RESOLVED_HERE = (QuoteMark, NoDecoration)


class _ResolvedTypes(dict[type, bool]):
    """type → whether its instances are `_RESOLVED_HERE` segments (isinstance, asked once
    per type: a subclass made at any time is answered when first seen)."""

    def __missing__(self, kind: type) -> bool:
        resolved = self[kind] = issubclass(kind, _RESOLVED_HERE)
        return resolved


_RESOLVED_TYPES = _ResolvedTypes()


def _plain_with_hyphen(value: Any) -> bool:
    """Whether a variable's value is plain text (no markup) holding a hyphen."""
    if type(value) is MixedString:
        return "-" in str(value) and all(type(segment) is String for segment in value)
    return type(value) in (str, String) and "-" in value


#: variables citeproc-js prints as number blobs when their value is a number or a range
_NUMBER_BLOB_VARIABLES = frozenset({"volume", "issue", "edition", "number-of-pages",
                                    "number-of-volumes", "chapter-number",
                                    "collection-number"})
_NUMBER_BLOB = re.compile(r"\d+(?:\s*[-\u2013,&]\s*\d+)*")


def _as_number(value: Any) -> Any:
    """`value` typed `NumberBlob` when it is a number or a range of numbers ("2",
    "113–120"): what `punctuation.wrap_merging` keeps a following suffix mark after, as
    citeproc-js does after its number blobs ("Vol. 2;.")."""
    if type(value) is MixedString:
        if len(value) == 1:  # speed: a field's one segment (what the lines below give it)
            segment = list.__getitem__(value, 0)
            if type(segment) in (str, String) and segment and _NUMBER_BLOB.fullmatch(segment):
                return MixedString([NumberBlob(str(segment))])
            return value
        segments = [segment for segment in value if str(segment)]
        if segments and type(segments[-1]) in (str, String) and _NUMBER_BLOB.fullmatch(
                str(value)):
            return MixedString([*segments[:-1], NumberBlob(str(segments[-1]))])
        return value
    if type(value) in (str, String) and _NUMBER_BLOB.fullmatch(value):
        return NumberBlob(value)
    return value


class TermText(String):
    """A term's text as a cs:text printed it (see `Layout.render_children`)."""


#: `Text._absent_keys` not worked out yet
_UNPLANNED = object()

#: variables a cs:text reads from the cite (or the document), not from the item's reference
_CITE_VARIABLES = ("citation-number", "locator", "first-reference-note-number")


def first_reference_note_number(cite: Any) -> str:
    """Gap: citeproc-py had no `first-reference-note-number`; it is the note of the item's
    first cite (`positions.py`), for a later cite in another note; else the variable is
    empty."""
    placed = current().positions.get(id(cite))
    if placed is None or not placed.first_note:
        raise VariableError("first-reference-note-number")
    return str(placed.first_note)


class Text(EngineElement, model.Text):
    """Speed: citeproc-py tests which of `variable`, `macro`, `term` and `value` a cs:text has
    through lxml's attribute proxy for every item, and reads the locale's punctuation-in-quote
    option for every text it renders, quoted or not (and does not use it). The kind of text is
    decided once; only quoted texts take the quote step."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> tuple[Any, str]:
        if context is None:
            context = self
        return self._text(item, context), self._language(item)

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        # the item's language only matters for text-case: looked up only then
        if context is None:
            context = self
        if kwargs and kwargs.get("sort_options") and self.get("variable") == "year-suffix":
            # gap: a sort key has no year-suffix, the style's own `year-suffix` text neither
            # (as the implicit one, see `date_elements`): citeproc-js keeps tied cites in
            # the order cited, "(Smith et al. 2020b; Smith et al. 2020a)"
            return None
        kind = self.__dict__.get("_kind")
        if kind == "variable":
            # a missing variable, told by the reference keys the element reads (decided once)
            absent_keys = self.__dict__.get("_absent_keys", _UNPLANNED)
            if absent_keys is _UNPLANNED:
                absent_keys = self._absent_keys()
            if absent_keys is not None:
                reference = item.reference
                if (type(reference) is DefaultLanguageReference
                        and not dict.__contains__(reference, absent_keys[0])
                        and (absent_keys[1] is None
                             or not dict.__contains__(reference, absent_keys[1]))):
                    return None  # speed: what the VariableError `_variable` raises comes to
            return self._markup(self._variable(item, context), item)
        if kind == "macro" and self.__dict__.get("_quoted_macro") is False:
            # speed: `_text`'s macro call, inlined (an NLM entry passes ~17 macro calls)
            callers = (active() or current()).macro_callers
            callers.append(self)  # what encloses the macro's elements (see `decorations`)
            try:
                text = self.__dict__["_macro_element"].render(item, context)
            finally:
                callers.pop()
            steps = self.__dict__.get("_markup_steps")
            if steps is not None and steps[3] and not steps[4] and not RESOLVABLES.made:
                # speed: what `_markup` comes to for a bare macro call (it prints no field
                # text, and no segment is left to resolve)
                if not text:
                    return None
                return str(text) if isinstance(text, int | float) else nested(text)
            return self._markup(text, item)
        return self._markup(self._text(item, context), item)

    def _absent_keys(self) -> tuple[str, str | None] | None:
        """(reference key, key of the short form or None): when the item's reference holds
        neither, the plain variable this element prints is certainly missing (`_variable`
        would raise VariableError, and every parent skips the child alike for a None), so
        `render` returns None without raising an exception per missing variable. None when
        nothing is to be tested (no plan yet, a page or cite variable); kept once planned.
        The keys hold no hyphen, so `DefaultLanguageReference.__contains__` is `dict`'s."""
        plan = self.__dict__.get("_variable_plan")
        if plan is None:
            return None
        variable, key, short = plan
        keys = (None if variable.startswith("page") or variable in _CITE_VARIABLES
                else (key, short))
        self.__dict__["_absent_keys"] = keys
        return keys

    def text_kind(self) -> str:
        """"variable", "macro", "term", "value" or "": what the element prints."""
        kind = self.__dict__.get("_kind")
        if kind is None:
            kind = self.__dict__["_kind"] = next(
                (k for k in ("variable", "macro", "term", "value") if k in self.attrib), "")
        return str(kind)

    def called_macro(self) -> Any:
        """The cs:macro this element calls (None: it calls none)."""
        if self.text_kind() != "macro":
            return None
        macro = self.__dict__.get("_macro_element")
        if macro is None:
            macro = self.__dict__["_macro_element"] = self.get_macro(self.get("macro"))
        return macro

    def absent_from(self, keys: frozenset[str]) -> bool | None:
        """For a cs:text printing a variable: whether it renders nothing for any item whose
        reference has only `keys` (True only where `_variable` raises VariableError); None
        for other kinds of text (see `flow_elements.planned_children`)."""
        if self.text_kind() != "variable":
            return None
        variable, key, short = self.variable_plan()
        if variable.startswith("page") or variable in _CITE_VARIABLES:
            return False
        return key not in keys and (short is None or short not in keys)

    def _text(self, item: Any, context: Any) -> Any:
        """The unformatted text: the variable, macro, term or value the element prints."""
        kind = self.__dict__.get("_kind")
        if kind is None:
            kind = self.text_kind()
        if kind == "variable":
            text = self._variable(item, context)
        elif kind == "macro":
            macro = self.__dict__.get("_macro_element")
            if macro is None:
                macro = self.called_macro()
            callers = current().macro_callers
            callers.append(self)  # what encloses the macro's elements (see `decorations`)
            quoted_macro = self.__dict__.get("_quoted_macro")
            if quoted_macro is None:
                quoted_macro = self.__dict__["_quoted_macro"] = (
                    self.get("quotes", "false").lower() == "true")
            try:
                if quoted_macro:
                    text = _render_quoted_macro(macro, item, context)
                else:
                    text = macro.render(item, context)
            finally:
                callers.pop()
        elif kind == "term":
            text = self._term(item)
            text = TermText(text) if text else text
        elif kind == "value":
            value = self.get("value")
            if self.output_format() == "html" and ("<" in value or any(
                    mark in value for mark in "\"'“”‘’")):
                # gap: a `value` is rich text as field text is (citeproc-js): its markup
                # flips inside the element's decorations, its quotes are the locale's
                text = render_rich_text(value, "html")
            else:
                text = String(self.preformat(value))
        else:
            text = None
        return text

    def _variable(self, item: Any, context: Any) -> Any:
        """Speed: citeproc-py re-reads the element's attributes and looks up the layout's
        repressed list for every variable it prints (citefmt's substitution suppression lives
        in the reference, see `source.py`); the element's plan is made once here."""
        plan = self.__dict__.get("_variable_plan")
        if plan is None:
            plan = self.variable_plan()
        variable, key, short = plan
        reference = item.reference
        if short is not None and short in reference:
            return reference[short]
        if variable == "locator":
            # a page locator's ranges follow page-range-format (citeproc-js, CSL test suite
            # label_CollapsedPageNumberPluralDetection); see `base.PageRanges._process`
            locator = item.locator
            identifier = str(locator.identifier)
            typed = typed_locator_label(self, identifier)
            if typed is not None:  # the label it starts with is the cs:label's
                if typed[1] == typed[2]:  # one label: its numbers and ranges ("vol. 3–5")
                    return self._process(typed[2], "locator")
                return String(self.preformat(typed[2]))
            if self.output_format() == "html" and any(mark in identifier for mark in "\"“‘"):
                # a quoted word ("s.v. “gargoyle.”"): rich text, its quotes the locale's
                # (citeproc-js; bugreports_MovePunctuationInsideQuotesForLocator)
                return render_rich_text(identifier, "html")
            return self._process(locator.identifier,
                                 "page" if locator.label == "page" else "locator")
        if variable.startswith("page") or variable == "citation-number":
            # speed: citeproc-py's `_variable` looks the layout's repressed list up (citefmt
            # keeps substitution apart, see `source.py`: it never holds a tag) and re-reads
            # the element's attributes; what it then does is done here directly, after the
            # same layout look-up (which raises outside a layout, as there)
            context.get_layout()
            if variable == "citation-number":
                return _as_number(item.number)
            if type(reference) is DefaultLanguageReference:
                return _as_number(self._process(reference["page"], variable))
            return _as_number(super()._variable(item, context))
        if variable == "first-reference-note-number":
            return first_reference_note_number(item)
        if key == "citation_label" and "year_suffix" in reference:
            # the year-suffix follows the label ("RoNo78a"; see `citation_labels.py`)
            return String(str(reference[key]) + str(reference["year_suffix"]))
        value = reference[key]
        if variable in NUMBER_VARIABLES and _plain_with_hyphen(value):
            # gap: a number variable printed by cs:text is read as numbers and ranges as
            # cs:number reads it (citeproc-js; CSL test suite fullstyles_ABdNT: "n. 3–4")
            return _as_number(self._process(str(value), variable))
        return _as_number(value) if variable in _NUMBER_BLOB_VARIABLES else value

    def variable_plan(self) -> tuple[str, str, str | None]:
        """(CSL variable, reference key, key of its short form or None), made once."""
        plan = self.__dict__.get("_variable_plan")
        if plan is None:
            variable = self.get("variable")
            short = (variable + "-short").replace("-", "_") if self.get("form") == "short" \
                else None
            plan = self.__dict__["_variable_plan"] = (variable, variable.replace("-", "_"),
                                                      short)
        return plan

    def markup(self, text: Any, language: str) -> Any:
        return self._markup(text, None, language)

    def _markup(self, text: Any, item: Any, language: str | None = None) -> Any:
        """citeproc-py's steps (text case, strip periods, formatting, quotes, affixes), each
        taken only when the element has the attribute that asks for it.

        Gap: citeproc-py stripped periods before the text case, citeproc-js after it: a title
        case that capitalises after a period ("Cancer-Pain.Org") then loses the period
        ("Cancer-PainOrg", Elsevier Vancouver's container titles)."""
        if not text:
            return None
        steps = self.__dict__.get("_markup_steps")
        if steps is None:
            steps = self.__dict__["_markup_steps"] = self._steps()
        strip, case, quote, bare, field = steps
        if (type(text) is MixedString and field
                and (active() or current()).output_format == "html"):
            # the field's (or value's) own markup flips under the decorations set here
            text = field_flipped(self, text)
        # speed: each segment's type looked up in C, not an isinstance per segment in a
        # generator (macro outputs are scanned at every level they pass)
        if (type(text) is MixedString and RESOLVABLES.made
                and any(map(_RESOLVED_TYPES.__getitem__, map(type, text)))):
            if any(isinstance(s, QuoteMark) for s in text):
                text = self._field_quotes(text, quote)
            if any(type(s) is NoDecoration for s in text):
                text = undecorated(self, text)
        if bare:  # what formatting and affixes come to on an element without them
            return str(text) if isinstance(text, int | float) else nested(text)
        if case:
            text = self.case(text, language if language is not None else self._language(item))
        if strip:
            text = self.strip_periods(text)
        text = self.format(text)
        if quote:
            text = self.quote(text)
        return self.wrap(text)

    def _steps(self) -> tuple[bool, bool, bool, bool, bool]:
        """Which markup steps the element's attributes ask for; the fourth: none at all (no
        formatting or affixes either); the last: whether the element prints field text (a
        `variable` or `value`), whose own markup may flip."""
        attributes = self.attrib
        strip, case = (name in attributes for name in ("strip-periods", "text-case"))
        # gap: quotes="false" is no quoting (CSL test suite quotes_QuotesUnderQuotesFalse: the
        # title's own quotes stay the outer ones)
        quote = attributes.get("quotes", "false").lower() == "true"
        bare = (not (strip or case or quote)
                and not any(name in attributes for name in MARKUP_ATTRIBUTES)
                and type(self).format is EngineElement.format
                and type(self).wrap is EngineElement.wrap)
        field = "variable" in attributes or "value" in attributes
        return strip, case, quote, bare, field

    def _field_quotes(self, text: MixedString, quoted_here: bool) -> MixedString:
        return field_quotes(self, text, quoted_here)

    def _language(self, item: Any) -> str:
        """The item's language for title casing (the style's default-locale without one)."""
        try:
            return str(item.reference.language)[:2]
        except VariableError:
            return str(self.get_root().get("default-locale", "en"))[:2]

    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() != "true":
            return string
        inner = "-inner" if current().quote_depth % 2 else ""
        return quoted(string, self.get_single_term(f"open{inner}-quote"),
                      self.get_single_term(f"close{inner}-quote"))


def _render_quoted_macro(macro: Any, item: Any, context: Any) -> Any:
    """A macro a cs:text puts in quotes: quotes printed inside it flip to the inner ones
    (CSL 1.0.2 "quotes"; citeproc-js, CSL test suite flipflop_QuotesNodeLevelMarkup:
    “Speak, ‘friend’ of mine …”)."""
    state = current()
    state.quote_depth += 1
    try:
        return macro.render(item, context)
    finally:
        state.quote_depth -= 1



class Number(EngineElement, model.Number):
    """Gap: citeproc-py's cs:number looked a hyphenated variable up under its CSL name
    (`number-of-volumes`, `collection-number`, `chapter-number`) where references keep it
    under the Python one (`number_of_volumes`): always empty, so "6 vols." and "(WHO Technical
    Report Series; 1012)" vanished with their groups."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        variable = self.get("variable") or ""
        if "-" in variable and variable != "page-first":
            return self._process(item.reference[variable.replace("-", "_")], variable)
        return super().process(item, context, **kwargs)

    def format_number(self, number: Any) -> Any:
        """Gap: ordinals by gender and from one locale's set (see `ordinals.py`)."""
        form = self.get("form", "numeric")
        if form not in ("ordinal", "long-ordinal"):
            return super().format_number(number)
        try:
            value = int(number)
        except ValueError:
            return number
        state = current().locale
        variable = self.get("variable") or ""
        if form == "long-ordinal":
            text = ordinal_text(state, value, variable, long=True)
            if text is not None:
                return String(text)
        return f"{value}{ordinal_text(state, value, variable) or ''}"


class Term(EngineElement, model.Term):
    """Speed: citeproc-py finds a term's cs:single/cs:multiple child and escapes its text for
    the output format each time a term is printed; kept per output formatter here. What a
    term prints where citeproc-js differs: `_printed`."""

    @property
    def single(self) -> Any:
        return self._form("single")

    @property
    def multiple(self) -> Any:
        return self._form("multiple")

    def _form(self, form: str) -> Any:
        formatter = self.get_formatter()
        cache = self.__dict__.setdefault("_forms", {})
        key = (form, formatter)
        if key not in cache:
            cache[key] = self._printed(form)
        return cache[key]

    def _printed(self, form: str) -> Any:
        """The term's `form` (cs:single or cs:multiple) as it prints in the output format."""
        text = getattr(model.Term, form).fget(self)
        if not str(text).strip() and "\n" in str(text):
            # gap: a term holding only the XML's line break and indentation is empty,
            # not a run of spaces (citeproc-js; CSL test suite label_EditorTranslator1:
            # `<term name="and others">` left blank to print no "and others")
            return String("")
        raw = self._raw(form)
        if "<" in raw and has_rich_text_tag(raw):
            # gap: markup in a term's text ("<sup>e</sup>"; CSL 1.0.2: "Term content
            # should not contain markup", so what to print is the processor's) renders as
            # rich text, as citeproc-js renders it ("2e" in plain text, "2<sup>e</sup>")
            return render_rich_text(apostrophes(raw), self.output_format())
        if "'" in str(text):
            # gap: a style's term typed with a straight apostrophe ("à l'adresse") prints
            # the typographic one, as citeproc-js prints every term ("à l’adresse")
            return String(apostrophes(str(text)))
        return text

    def _raw(self, form: str) -> str:
        """The term's text for `form` as the style or locale file writes it."""
        child = self.find(f"cs:{form}", self.nsmap)
        return (child.text if child is not None else self.text) or ""


class Label(EngineElement, model.Label):
    """Gap: for `number-of-*` variables citeproc-py reads the variable from the citation item
    instead of the reference, raising VariableError, so the label vanished ("280." for
    "280 p."). A name list the source cut short ("A, et al., editors") is plural whatever
    the number of names it shows. And a label was printed for an empty variable ("p. " with
    no page, no locator); CSL 1.0.2: a cs:label is rendered only when its variable is not
    empty."""

    def process(self, item: Any, variable: str | None = None, plural: bool | None = None,
                context: Any = None, **kwargs: Any) -> Any:
        if variable is None:
            own = self.get("variable")
            if own == "locator" and not item.has_locator:
                raise VariableError
            if own and own != "locator" and own.replace("-", "_") not in item.reference:
                raise VariableError
        elif current().sort_key or current().name_labels_off:
            return None  # a name list's label is no part of its sort key
        elif is_truncated(item.reference.get(variable)):
            plural = True
        if variable is None and item.has_locator and self.get("variable") == "locator":
            if item.locator.label == "sub verbo":
                # CSL 1.0.1's locator "sub verbo" is CSL 1.0.2's term "sub-verbo" (gap: no
                # label; CSL test suite bugreports_MovePunctuationInsideQuotesForLocator)
                variable = "sub-verbo"
            typed = typed_locator_label(self, str(item.locator.identifier))
            if typed is not None:
                variable, first_part = typed[0], typed[1]
                plural = bool(_MULTIPLE.search(first_part))
        return super().process(item, variable, plural, context, **kwargs)

    def _is_plural(self, item: Any) -> bool:
        variable = self.get("variable")
        if variable and variable.startswith("number-of"):
            try:
                value = str(item.reference[variable.replace("-", "_")])
            except VariableError:
                return False
            digits = "".join(c for c in value.split("-")[0] if c.isdigit())
            return bool(digits) and int(digits) > 1
        if variable and variable != "locator":
            # Gap: citeproc-py called any value with two digit runs plural ("Patent Nos.
            # US 10,123,456 B2"); citeproc-js gives a value that is not numeric (a code,
            # "US 10,123,456 B2") the singular, and splits numbers at ", ", "&" and ranges
            try:
                value = str(item.reference[variable.replace("-", "_")])
            except VariableError:
                return False
            return _numeric_list(value) and bool(_MULTIPLE.search(value))
        if variable == "locator" and "\\-" in str(item.locator.identifier):
            # an escaped hyphen joins one page number ("327\\-30"), not a range
            return bool(_MULTIPLE.search(str(item.locator.identifier).replace("\\-", "")))
        return super()._is_plural(item)


_MULTIPLE = re.compile(r"\w\s*(?:,|&|[-–—]+)\s*\w")


class Sort(EngineElement, model.Sort):
    """Gap: citeproc-py compares lower-cased code points, so Latin sorts before Cyrillic and
    Ё after Я. citefmt compares `collation_key`s in the bibliography's language (the
    render context's `sort_language`); empty keys still go last."""

    def sort(self, items: list[Any], context: Any) -> list[Any]:
        state = current()
        language = state.sort_language
        keys = self.findall("cs:key", self.nsmap)
        state.sort_key = True
        try:
            columns = [_date_macro_keys(key, items, context, state) if _holds_date(key)
                       else key.sort_keys(items, context) for key in keys]
        finally:
            state.sort_key = False
        descending = [key.get("sort", "ascending").lower() == "descending" for key in keys]
        prepared = [[_comparable(column[i], language) for column in columns]
                    for i in range(len(items))]

        def compare(left: int, right: int) -> int:
            for column, desc in enumerate(descending):
                a, b = prepared[left][column], prepared[right][column]
                if a is None or b is None:
                    if a is None and b is None:
                        continue
                    return 1 if a is None else -1
                if type(a) is not type(b):
                    a, b = _as_text_key(a, language), _as_text_key(b, language)
                result = (a > b) - (a < b)
                if result:
                    return -result if desc else result
            return 0

        order = sorted(range(len(items)), key=cmp_to_key(compare))
        return [items[i] for i in order]


def _holds_date(key: Any) -> bool:
    """Whether `key` calls a macro holding a cs:date of its own (citeproc-js's
    `macro-has-date`)."""
    if key.get("macro") is None:
        return False
    macro = key.get_macro(key.get("macro"))
    return next(macro.iter(f"{{{CSL_NAMESPACE}}}date"), None) is not None


def _date_macro_keys(key: Any, items: list[Any], context: Any,
                     state: RenderContext) -> list[Any]:
    """Gap: the sort key of a macro holding a cs:date is the dates' keys alone (citeproc-js's
    `doing-macro-with-date` drops the macro's other text from the key; its dates print date
    keys, `date_elements.Date._macro_sort_key`); citeproc-py compared the printed text."""
    column = []
    for item in items:
        state.sort_date_keys = []
        try:
            key.sort_keys([item], context)
            column.append("".join(state.sort_date_keys) or None)
        finally:
            state.sort_date_keys = None
    return column


def _comparable(value: Any, language: str) -> Any:
    """A sort value as an int (numbers, dates' digit keys) or a collation key; None if empty."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    text = str(value)
    if text == "":
        return None
    if text.isdecimal():
        return int(text)
    if ("<" in text or "&" in text) and current().output_format == "html":
        # a key compares the text, not its HTML: tags out, characters for entities
        # ("A Full <i>Anonymous</i> Life" ties with "A Full Anonymous Life", as in
        # citeproc-js; CSL test suite sort_StripMarkup)
        text = _KEY_TAG.sub("", html.unescape(_KEY_TAG.sub("", text)))
    return collation_key(text, language)


_KEY_TAG = re.compile(r"</?[a-z][^<>]*>")


def _as_text_key(value: Any, language: str) -> Any:
    return collation_key(str(value), language) if isinstance(value, int) else value


@dataclass(frozen=True)
class RenderedEntry:
    """A rendered entry: `margin` (second-field-align only), `body` (the entry after its
    citation number, or all of it), `whole` (the entry as one run; None with a margin),
    whether the layout printed the citation number first, and `around`: the layout's
    formatting, to wrap around the margin and body blocks together (HTML; None: they carry
    it themselves)."""

    margin: Any
    body: Any
    whole: Any
    numbered: bool
    around: Callable[[Any], Any] | None = None


def _end_trimmed(entry: Any) -> Any:
    """Gap: an entry ending in a `display` block ends without the white space its last
    affix left inside the block ("…011234.</div>", not "…011234. </div>"), as citeproc-js
    trims an entry's end; a plain entry's end is trimmed where it is printed. Works on the
    typed segments: the text just before the closing `DisplayEnd`."""
    if type(entry) is not MixedString:
        return entry
    segments = list(entry)
    index = _last_printed(segments, len(segments))
    if index < 1 or type(segments[index]) is not DisplayEnd:
        return entry
    before = _last_printed(segments, index)
    if before < 0:
        return entry
    segments[before] = _rstripped(segments[before])
    return MixedString(segments)


def _rstripped(segment: Any) -> Any:
    """`segment` with the white space at the end of its last text taken off (typed segments
    other than plain text left as they are)."""
    if type(segment) in (str, String):
        return type(segment)(str(segment).rstrip())
    if type(segment) is MixedString:
        parts = list(segment)
        index = _last_printed(parts, len(parts))
        if index >= 0:
            parts[index] = _rstripped(parts[index])
        return MixedString(parts)
    return segment


def _last_printed(segments: list[Any], end: int) -> int:
    """The index of the last segment before `end` that prints something, -1 if none does."""
    index = end - 1
    while index >= 0 and not str(segments[index]):
        index -= 1
    return index


def _is_citation_number(element: Any) -> bool:
    return (etree.QName(element).localname == "text"
            and element.get("variable") == "citation-number")


class Layout(EngineElement, model.Layout):
    """Adds entry rendering with a separate left margin, and citation-number collapsing.
    citeproc-py's per-cite `repressed` variables live in the render context."""

    @property
    def repressed(self) -> dict[str, Any]:
        return current().repressed

    @repressed.setter
    def repressed(self, value: dict[str, Any]) -> None:
        current().repressed = value

    def wrap(self, string: Any) -> Any:
        """Gap: the layout's suffix followed the last `display` block of an entry
        ("…Here</span></div>."); citeproc-js writes it inside the block ("…Here</span>.</div>",
        CSL test suite bugreports_SmallCapsEscape)."""
        if (type(string) is MixedString and self.get("suffix")
                and self.output_format() == "html"):
            segments = [segment for segment in string if str(segment)]
            if segments and type(segments[-1]) is DisplayEnd:
                inner = super().wrap(MixedString(segments[:-1]))
                return MixedString([*(inner if isinstance(inner, MixedString) else [inner]),
                                    segments[-1]])
        return super().wrap(string)

    def render_entry(self, item: Any, *, split_margin: bool) -> RenderedEntry:
        """One bibliography entry, with its citation number rendered apart from the body when
        the layout starts with `<text variable="citation-number"/>` (what a reference-list
        checker matches list lines with) or the style sets second-field-align.

        Gap: with second-field-align citeproc-py renders the citation number and the rest as
        one run with no separator ("1.Smith"); the margin is the layout's first rendered child.
        """
        self.repressed = {}  # citeproc-py's per-entry repressed variables
        plan = self.__dict__.get("_entry_plan")
        if plan is None:  # speed: the layout's shape, worked out once per loaded style
            children = list(self.iterchildren())
            plan = self.__dict__["_entry_plan"] = (
                children, bool(children) and _is_citation_number(children[0]))
        children, numbered = plan
        if len(children) < 2 or not (split_margin or numbered):
            whole = _end_trimmed(self.format(self.wrap(self.render_children(item))))
            return RenderedEntry(None, whole, whole, numbered=False)
        fmt = self.output_format()
        first = _render_each(children[:1], item, fmt)
        rest = _render_each(children[1:], item, fmt)
        if rest is not None and numbered and self.getparent().tag == _BIBLIOGRAPHY_TAG:
            # a citation number does not count as what precedes a term (citeproc-js prints
            # it as a number blob, which leaves `term_predecessor` unset)
            rest = _capitalized_leading_term(rest)
        decorated = self.__dict__.get("_decorated")
        if decorated is None:  # speed: the layout's own attributes, read once
            decorated = self.__dict__["_decorated"] = is_decorated(self)
        # in HTML citeproc-js writes a decorated layout's formatting once, around both blocks
        # (`<span style="baseline"> <div class="csl-left-margin">…</div>…</span>`, Thieme's
        # styles), not inside each
        around = self.format if split_margin and decorated and fmt == "html" else None
        body = None if rest is None else wrap_merging(
            "", rest, self.get("suffix", ""), fmt, self.punctuation_in_quote, decorated)
        if body is not None and around is None:
            body = self.format(body)
        if first is None:
            whole = self.format(self.wrap(rest))
            return RenderedEntry(None, whole, whole, numbered=False)
        if split_margin:
            margin = wrap_merging(self.get("prefix", ""), first, "", fmt)
            if around is None:
                margin = self.format(margin)
            return RenderedEntry(margin, body, None, numbered=numbered, around=around)
        whole = _end_trimmed(self.format(self.wrap(join_merging([first, rest], "", fmt))))
        return RenderedEntry(None, body, whole, numbered=True)

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        """Gap: in a note style, a note that begins with a term begins with a capital
        ("Ibid.", not "ibid."), as citeproc-js prints it: the first cite of a citation, without
        a prefix or after a prefix that ends a sentence ("This has been said. Ibid."). So does
        a bibliography entry ("Ohne Autor (1791)", not "ohne Autor")."""
        output = super().render_children(item, delimiter, **kwargs)
        if output is not None and (self.getparent().tag == _BIBLIOGRAPHY_TAG
                                   or self._starts_note(item)):
            output = _capitalized_leading_term(output)
        return output

    def _starts_note(self, item: Any) -> bool:
        if self.get_root().get("class") != "note" or self.getparent().tag != _CITATION_TAG:
            return False
        citation = getattr(item, "citation", None)
        if citation is None or not citation.cites:
            return False
        prefix = str(item.get("prefix") or "").strip()
        # a sentence may end inside quotes, and in any cite of the citation: 'Book A. He said
        # "Please work." Ibid.' (CSL test suite position_IbidWithPrefixFullStop)
        ending = prefix.rstrip("\"'\u201d\u2019\u00bb")
        if ending[-1:] in (".", "?", "!") and len(prefix.split()) > 1:
            return True
        return not prefix and citation.cites[0] is item

    def render_citation(self, citation: Any, callback: Callable[[Any], Any]) -> Any:
        """Gap: collapse="citation-number" is not implemented in citeproc-py ([1,2,3,4]).
        Runs of three or more consecutive numbers (cites without locator or affixes) become
        "first–last" (CSL 1.0.2 term `citation-range-delimiter`, default an en dash)."""
        if groups_cites(self.getparent()):
            return self._render_grouped_citation(citation, callback)
        if self.getparent().get("collapse") != "citation-number":
            return self._render_plain_citation(citation, callback)
        good, bad = self._good_and_bad(citation)
        rendered: list[tuple[int | None, Any]] = []
        for cite, text in self._each_rendered(good):
            prefix, suffix = cite.get("prefix", ""), cite.get("suffix", "")
            collapsible = not (prefix or suffix or cite.has_locator)
            rendered.append((cite.number if collapsible else None, prefix + text + suffix))
        pieces = _collapse_numbers(rendered, self._range_delimiter())
        pieces += [callback(cite) or f"{cite.key}?" for cite in bad]
        return self.format(self.wrap(self.join(pieces)))

    def _good_and_bad(self, citation: Any) -> tuple[list[Any], list[Any]]:
        """The citation's cites that refer to an item, in cs:sort order, and those that do
        not (rendered by the callback)."""
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        return self._sorted_cites(citation, good), bad

    def _each_rendered(self, cites: list[Any]) -> Iterator[tuple[Any, Any]]:
        """Each cite rendered on its own (the variables a substitute suppressed reset), with
        its text; a cite that renders nothing is left out, the others join the layout's
        cites."""
        for cite in cites:
            self.repressed = {}
            try:
                text = self.render_children(cite)
            except VariableError:
                continue
            if text is None:
                continue
            self.getparent().cites.append(cite)
            yield cite, text

    def _sorted_cites(self, citation: Any, cites: list[Any]) -> list[Any]:
        """The cites in the citation's cs:sort order, ties in the order cited (as citeproc-js;
        citeproc-py put them in bibliography order first)."""
        sort = self.getparent().sort
        return cites if sort is None else list(sort.sort(list(cites), self))

    def _cite_affixed(self, cite: Any, text: Any) -> Any:
        """The cite's text with its prefix and suffix. Gap: a suffix beginning with "." or ","
        after a closing quote the style printed stayed outside it where the locale puts
        punctuation in quotes (“The Title”. And …; CSL test suite affix_MovingPunctuation)."""
        text = cite_affix(self, cite.get("prefix", "")) + text
        suffix = cite_affix(self, cite.get("suffix", ""))
        if suffix:
            text, suffix = move_into_quote(text, suffix, self.output_format(),
                                           self.punctuation_in_quote)
        return text + suffix

    def _render_plain_citation(self, citation: Any, callback: Callable[[Any], Any]) -> Any:
        """Gap: citeproc-py put the cites of a citation without cs:sort in bibliography order;
        CSL 1.0.2 keeps them in the order cited ("(Smith 2020b; Smith 2020a)" as cited)."""
        good, bad = self._good_and_bad(citation)
        pieces = [(self._cite_affixed(cite, text),
                   cite.get("prefix", "")[:1] in _JOINING_MARKS,
                   cite.get("suffix", "")[-1:] in _JOINING_MARKS)
                  for cite, text in self._each_rendered(good)]
        pieces += [(callback(cite) or f"{cite.key}?", False, False) for cite in bad]
        if not any(opens or closes for _, opens, closes in pieces):
            return self.format(self.wrap(self.join([piece for piece, _, _ in pieces])))
        # Gap: a cite whose prefix begins with punctuation (", cited in ") takes the place of
        # the layout delimiter, and a suffix ending in punctuation ("is one source,") takes
        # the place of the delimiter's mark (citeproc-js; citeproc-py gave "Book A; , cited
        # in Book B", "is one source,; Jones")
        delimiter = self.get("delimiter", "")
        output = None
        ended_with_mark = False
        for piece, opens, closes in pieces:
            if output is None:
                output = piece
            else:
                joint = "" if opens else delimiter.lstrip(",;:.") if ended_with_mark \
                    else delimiter
                output = join_merging([output, piece], joint, self.output_format())
            ended_with_mark = closes
        return self.format(self.wrap(output))

    def _render_grouped_citation(self, citation: Any, callback: Callable[[Any], Any]) -> Any:
        """Gap: cite grouping and collapse="year"/"year-suffix"/"year-suffix-ranged" are not
        implemented in citeproc-py ("Smith 1900, Smith 2000"); see `cite_groups.py`."""
        parent = self.getparent()
        good, bad = self._good_and_bad(citation)
        context = current()

        def render(cite: Any, suppress_names: bool) -> tuple[Any, str | None]:
            self.repressed = {}
            names = context.cite_names = CiteNames(suppress=suppress_names)
            try:
                text = self.render_children(cite)
            except VariableError:
                text = None
            finally:
                context.cite_names = None
            return text, names.recorded

        delimiter = self.get("delimiter", "")
        pieces = collapse_cites(good, render, parent, delimiter, self._range_delimiter())
        parent.cites.extend(good)
        pieces += [(callback(cite) or f"{cite.key}?", delimiter) for cite in bad]
        output = None
        following = ""
        for text, after in pieces:
            output = text if output is None else join_merging([output, text], following,
                                                              self.output_format())
            following = after
        return self.format(self.wrap(output)) if output is not None else None

    def _range_delimiter(self) -> Any:
        term = self.get_single_term("citation-range-delimiter")
        return term if str(term) else self.unicode_character("EN DASH")


def field_quotes(element: Any, text: MixedString, quoted_here: bool) -> MixedString:
    """The quotation marks of field or affix text (`richtext.QuoteMark`) as the locale's quote
    terms: outer marks as "open-quote"/"close-quote", inner ones as the inner terms, and the
    other way round when the element puts the text in quotes itself (flip-flop)."""
    segments = []
    if current().quote_depth % 2:
        quoted_here = not quoted_here  # inside an ancestor's quotes (see `Text.quote`)
    for segment in text:
        if isinstance(segment, QuoteMark):
            inner = segment.fixed or segment.inner != quoted_here
            name = ("open" if segment.opening else "close") + \
                ("-inner-quote" if inner else "-quote")
            segment = (String if segment.opening else FieldClosingQuote)(
                str(element.get_single_term(name)) or str(segment))
        segments.append(segment)
    return MixedString(segments)


def cite_affix(element: Any, value: str) -> Any:
    """A cite's prefix or suffix as rich text: in HTML escaped but for CSL's markup subset,
    with typographic apostrophes and the locale's quotation marks (citeproc-js; citeproc-py
    wrote the affix as typed: "'quote', Hello Thing")."""
    if not value or element.output_format() != "html":
        return value
    rich = render_rich_text(value, "html")
    if any(isinstance(segment, QuoteMark) for segment in rich):
        rich = field_quotes(element, rich, False)
    return rich


#: a cite prefix beginning with one of these replaces the layout delimiter before the cite
_JOINING_MARKS = frozenset(",;:.")

def _last_definition(locale: Any, term: Any) -> Any:
    """The last cs:term of `locale` with the name and form of `term`."""
    same = [other for other in term.getparent().iterchildren()
            if other.get("name") == term.get("name") and other.get("form") == term.get("form")
            and other.get("gender-form") == term.get("gender-form")]
    return same[-1] if same else term


_CITATION_TAG = f"{{{CSL_NAMESPACE}}}citation"
_BIBLIOGRAPHY_TAG = f"{{{CSL_NAMESPACE}}}bibliography"


class Citation(EngineElement, model.Citation):
    """The cites rendered so far (citeproc-py: `citation.cites`, read for positions) are the
    render context's."""

    @property
    def cites(self) -> list[Any]:
        return current().cites

    @cites.setter
    def cites(self, value: list[Any]) -> None:
        current().cites = value


def _capitalized_leading_term(output: Any) -> Any:
    """`output` with its first letter capitalised when it begins with a term; affix
    punctuation before it ("[", "(") does not count, as in citeproc-js, whose affixes do not
    set its `term_predecessor` flag ("51. [Interaktyvus]", iso690-numeric-lt)."""
    segments = list(output) if isinstance(output, MixedString) else [output]
    for index, segment in enumerate(segments):
        if not str(segment):
            continue
        if type(segment) is not TermText and not any(ch.isalnum() for ch in str(segment)):
            continue
        if isinstance(segment, TermText) and segment[:1].islower():
            segments[index] = TermText(segment[:1].upper() + segment[1:])
            return MixedString(segments) if isinstance(output, MixedString) else segments[0]
        return output
    return output


def _render_each(children: Iterable[Any], item: Any, fmt: str) -> Any:
    """Render some of a layout's children, joined without delimiter, skipping empty ones."""
    output = []
    for child in children:
        try:
            text = child.render(item)
        except VariableError:
            continue
        if text is not None:
            output.append(text)
    return join_merging(output, "", fmt) if output else None


def _collapse_numbers(rendered: list[tuple[int | None, Any]], delimiter: Any) -> list[Any]:
    pieces: list[Any] = []
    run: list[tuple[int, Any]] = []

    def flush() -> None:
        if len(run) >= 3:
            pieces.append(run[0][1] + delimiter + run[-1][1])
        else:
            pieces.extend(text for _, text in run)
        run.clear()

    for number, text in rendered:
        if number is not None and run and number == run[-1][0] + 1:
            run.append((number, text))
            continue
        flush()
        if number is None:
            pieces.append(text)
        else:
            run.append((number, text))
    flush()
    return pieces


#: citefmt's replacements, by CSL element name
FIXED_ELEMENTS: dict[str, type] = {"citation": Citation, "date": Date, "date-part": Date_Part,
                                   "else-if": Else_If,
                                   "group": Group, "if": If, "label": Label, "layout": Layout,
                                   "locale": Locale, "macro": Macro, "name": Name,
                                   "name-part": Name_Part,
                                   "names": Names, "number": Number,
                                   "sort": Sort, "style": Style, "substitute": Substitute,
                                   "term": Term, "text": Text}


def element_lookup() -> etree.ElementNamespaceClassLookup:
    """The lxml class lookup for CSL trees: citeproc-py's classes, memoised, and citefmt's fixes."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NAMESPACE)
    originals = [cls for cls in model.CitationStylesElement.__subclasses__()
                 if cls.__module__ == model.__name__]
    namespace[None] = _memoised(model.CitationStylesElement)
    for cls in originals:
        name = cls.__name__.replace("_", "-").lower()
        namespace[name] = FIXED_ELEMENTS.get(name) or _memoised(cls)
    return lookup


_MEMOISED: dict[type, type] = {}


def _memoised(cls: type) -> type:
    if cls not in _MEMOISED:
        _MEMOISED[cls] = type(cls.__name__, (EngineElement, cls), {"__module__": __name__})
    return _MEMOISED[cls]
