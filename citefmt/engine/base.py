"""The base every citefmt CSL element class derives from: memoised look-ups and punctuation
merging, layered over citeproc-py's element classes (see `elements.element_lookup`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import MixedString, String, join

from citefmt.engine.context import OverlaidAttributes, active, current
from citefmt.engine.decorations import reset
from citefmt.engine.formatters.html import preformat as html_preformat
from citefmt.engine.locator_labels import labelled_number
from citefmt.engine.page_ranges import last_page, read_range
from citefmt.engine.punctuation import BlockEnd, ClosingQuote, join_merging, wrap_merging
from citefmt.engine.text_case import change_case

if TYPE_CHECKING:
    # the mixins are only ever combined with citeproc-py's element classes (untyped: Any)
    from citeproc.model import CitationStylesElement as _CslElement
else:
    _CslElement = object

#: per-element caches that list the element's children (see `insert`)
_CHILD_PLANS = ("_choice_flags", "_cached_plan", "_group_plan", "_children_plan",
                "_shape_decided", "_shape_decided_for", "_taken_by_shape", "_part_children",
                "_first_child")

#: formatting attributes: an element without any prints its text as it is (`format`), and
#: citeproc-js's punctuation heuristics leave a decorated element's affixes alone
#: (`punctuation.wrap_merging`)
DECORATIONS = ("font-style", "font-variant", "font-weight", "text-decoration",
               "vertical-align")


def is_decorated(element: Any) -> bool:
    """Whether the CSL element sets a formatting attribute."""
    return any(name in element.attrib for name in DECORATIONS)


class MemoisedLookups(_CslElement):
    """Cache xpath queries, child lookups, the root and formatting decisions on each element.

    A loaded style never changes shape, yet citeproc-py re-runs the same xpath for every item
    (~30 % of its time). Caching on the element only works while lxml keeps returning the same
    proxy object, so `loading.py` keeps every element of a loaded tree referenced.
    """

    def xpath_search(self, expression: str) -> list[Any]:
        cache = self.__dict__.setdefault("_xpath_cache", {})
        try:
            return cache[expression]
        except KeyError:
            result = cache[expression] = self.xpath(expression, namespaces=self.nsmap)
            return result

    def get_root(self) -> Any:
        root = self.__dict__.get("_root")
        if root is None:
            root = self.__dict__["_root"] = self.getroottree().getroot()
        return root

    def calls_variable(self) -> bool:
        # asked of every group child for every item; depends on the tree only
        cached = self.__dict__.get("_calls_variable")
        if cached is None:
            cached = self.__dict__["_calls_variable"] = super().calls_variable()
        return cached

    def get_term(self, name: str, form: str | None = None, fallback_locale: bool = True,
                 zero_padded: bool = False) -> Any:
        # a term depends only on the locale chain in use: look it up once per chain
        if isinstance(self.get_root(), model.Locale):
            return super().get_term(name, form, fallback_locale, zero_padded)
        state = current().locale
        cache = state.terms
        key = (name, form, fallback_locale, zero_padded)
        try:
            return cache[key]
        except KeyError:
            if fallback_locale:
                term = super().get_term(name, form, fallback_locale, zero_padded)
            else:
                term = _own_language_term(state, name, form, zero_padded)
            if term is None and form in _FORM_FALLBACK:
                # gap: citeproc-py has no form fallback; CSL 1.0.2 (Terms, "form"):
                # verb-short → verb → long, symbol → short → long, across the whole chain
                term = self.get_term(name, _FORM_FALLBACK[form], fallback_locale, zero_padded)
            cache[key] = term
            return term

    def insert(self, index: int, element: Any) -> None:
        # citeproc-py gives a cs:names without cs:name a default one on first use: forget
        # any child plan made before
        for cached in _CHILD_PLANS:
            self.__dict__.pop(cached, None)
        super().insert(index, element)

    def get_macro(self, name: str) -> Any:
        macros = self.get_root().__dict__.setdefault("_macros", {})
        macro = macros.get(name)
        if macro is None:
            macro = macros[name] = super().get_macro(name)
        return macro

    def get_formatter(self) -> Any:
        return (active() or current()).formatter

    def unicode_character(self, name: str) -> Any:
        # citeproc-py looks the character up by name and preformats it for every number it
        # prints (twice per page range); the answer depends on the formatter alone
        formatter = self.get_formatter()
        key = (name, formatter)
        character = _UNICODE_CHARACTERS.get(key)
        if character is None:
            character = _UNICODE_CHARACTERS[key] = super().unicode_character(name)
        return character

    def format(self, string: Any) -> Any:
        # most elements carry no formatting attribute: skip citeproc-py's five look-ups
        plain = self.__dict__.get("_unformatted")
        if plain is None:
            plain = self.__dict__["_unformatted"] = not is_decorated(self)
        if plain:
            return str(string) if isinstance(string, (int, float)) else string
        formatted = super().format(string)
        if self.get("text-decoration") == "none" and current().output_format == "html":
            formatted = current().formatter.TextDecorationNone(formatted)
        if self.__dict__.get("_decoration_resets", True):
            # gap: "normal" values set back what an enclosing element decorates
            formatted = reset(self, formatted)
        if type(string) is MixedString and formatted is not string:
            return _closing_quote_kept(string, formatted)
        return formatted

    def __getattr__(self, name: str) -> Any:
        # citeproc-py reads child elements as attributes (`self.layout`, `names.label`)
        if name.startswith("_"):
            raise AttributeError(name)
        found = self.find("cs:" + name, self.nsmap)
        if found is not None:  # a missing child may be inserted later (cs:names gets a cs:name)
            self.__dict__[name] = found
        return found


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: (character name, output formatter module) → the preformatted character
_UNICODE_CHARACTERS: dict[tuple[str, Any], Any] = {}

#: attributes of an element that make its formatting, affixes or display do something (an
#: element without any of them renders its text as it is: the engine's fast paths)
MARKUP_ATTRIBUTES = ("prefix", "suffix", *DECORATIONS, "display")

#: the line breaks citeproc-js writes around each kind of display block (HTML source layout)
_DISPLAY_SPACING = {"block": ("\n\n    ", "\n"), "left-margin": ("\n    ", ""),
                    "right-inline": ("", "\n  "), "indent": ("", "\n  ")}

#: CSL 1.0.2 term form fallback (None: the long form, a term without `form`)
_FORM_FALLBACK: dict[str | None, str | None] = {
    "verb-short": "verb", "verb": None, "symbol": "short", "short": None, "long": None}


def _own_language_term(state: Any, name: str, form: str | None, zero_padded: bool) -> Any:
    """A term from the locales of the rendering language only (and in-style locales for
    every language), None if none has it.

    Gap: citeproc-py restricted the search to the language of the chain's *first* locale;
    when that is an in-style `<locale>` without xml:lang, en-US took part, and ordinals came
    out English in every language ("2nd Auflage" for "2. Auflage", "2nd éd." for "2ᵉ éd.")."""
    language = state.code.split("-")[0].lower()
    for locale in state.chain:
        lang = locale.get(_XML_LANG)
        if lang and lang.split("-")[0].lower() != language:
            continue
        try:
            return locale.get_term(name, form, zero_padded=zero_padded)
        except IndexError:
            continue
    return None


def _html_affix(affix: str) -> str:
    """An affix as HTML (escaped, superscript characters marked up), looked up once."""
    if not affix:
        return affix
    found = _HTML_AFFIXES.get(affix)
    if found is None:
        found = _HTML_AFFIXES[affix] = html_preformat(affix)
    return found


_HTML_AFFIXES: dict[str, str] = {}


class DisplayEnd(BlockEnd):
    """The closing tag of a `display` block in HTML (see `PunctuationMerging.wrap`)."""


class PunctuationMerging(_CslElement):
    """Gap: citeproc-py joins affixes and delimiters merging only a mark with itself, so a
    title ending in "?" got the style's "." ("Why?."). Every join the engine makes (affixes,
    group and name delimiters, a cs:choose branch's children) goes through
    `punctuation.join_merging`/`wrap_merging` instead."""

    def output_format(self) -> str:
        """"text", "html" or "markdown": the render context's."""
        return (active() or current()).output_format

    #: False for elements whose attributes change while rendering (cs:date-part overrides)
    static_affixes = True

    def punctuation_in_quote(self) -> bool:
        """The locale option of the chain in use (the render context's)."""
        return (active() or current()).locale.punctuation_in_quote

    def wrap(self, string: Any) -> Any:
        if string is None:
            return None
        affixes = self.__dict__.get("_affixes") if self.static_affixes else None
        if affixes is None:
            affixes = (self.get("prefix") or "", self.get("suffix") or "",
                       self.get("display"),
                       is_decorated(self))
            if self.static_affixes:
                self.__dict__["_affixes"] = affixes
        prefix, suffix, display, decorated = affixes
        if prefix or suffix:
            fmt = self.output_format()
            if fmt == "html":
                # Gap: citeproc-py wrote affixes into HTML as typed: "<" and "&" unescaped
                # ("<http://…>"), superscript characters not marked up (CSL test suite
                # bugreports_DoubleEncodedAngleBraces, bugreports_NumberAffixEscape)
                prefix, suffix = _html_affix(prefix), _html_affix(suffix)
            string = wrap_merging(prefix, string, suffix, fmt, self.punctuation_in_quote,
                                  decorated)
        if display and self.output_format() == "html":
            # Gap: citeproc-py ignored `display`; in HTML, citeproc-js (and the CSL test
            # suite) put the element's output, affixes included, in a
            # <div class="csl-block|left-margin|right-inline|indent">
            before, after = _DISPLAY_SPACING.get(display, ("", ""))
            string = MixedString([String(f'{before}<div class="csl-{display}">'), *(
                list(string) if isinstance(string, MixedString) else [string]),
                DisplayEnd(f"</div>{after}")])
        return string

    def join(self, strings: Iterable[Any], default_delimiter: str = "") -> Any:
        pieces = [string for string in strings if string is not None]
        if len(pieces) == 1:
            return pieces[0]
        if isinstance(self, OverlaidAttributes):  # attributes may change while rendering
            delimiter = self.get("delimiter", default_delimiter)
        else:  # speed: the element's own delimiter, read once
            delimiters = self.__dict__.get("_delimiters")
            if delimiters is None:
                delimiters = self.__dict__["_delimiters"] = {}
            delimiter = delimiters.get(default_delimiter)
            if delimiter is None:
                delimiter = delimiters[default_delimiter] = self.get("delimiter",
                                                                     default_delimiter)
        return join_merging(pieces, delimiter, self.output_format(), self.punctuation_in_quote)

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        """Render each child (a cs:choose passes the enclosing group's delimiter on to the
        chosen branch), skip empty ones, join the rest with `delimiter`."""
        choices = self.__dict__.get("_choice_flags")
        if choices is None:
            choices = self.__dict__["_choice_flags"] = tuple(
                (child, isinstance(child, model.Choose)) for child in self.iterchildren())
        output = []
        for child, is_choose in choices:
            try:
                if is_choose:
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
        if len(output) < 2:
            return output[0] if output else None
        return join_merging(output, delimiter, self.output_format(),
                            self.punctuation_in_quote)


class TextCasing(_CslElement):
    """Gap: citeproc-py's text-case lost spacing next to nocase spans, changed the case of
    nocase spans, and title-cased only space-separated words; see `text_case.py`. And
    text-case="title" on a term or label (no item language given) was never applied ("eds."
    for "Eds."), in any locale."""

    def case(self, text: Any, language: str | None = None) -> Any:
        text_case = self.get("text-case")
        if text_case is None:
            return text
        locale_language = current().locale.code.split("-")[0].lower()
        if text_case == "title" and language is not None and language != "en":
            # CSL 1.0.2: title case for English items only; a term or label (no item
            # language given) is title-cased in every locale, as citeproc-js does ("Ur.",
            # "Çev.")
            return text
        # a Turkish or Azerbaijani item upper-cases "i" as "İ" in any locale ("ic" → "İC";
        # CSL test suite textcase_LocaleUnicode), other items as the locale does
        if language and language.lower() in ("tr", "az"):
            locale_language = language.lower()
        changed = change_case(text, text_case, locale_language)
        if changed is not None:
            return changed
        if type(text) is str:  # citeproc-py's sentence case needs its String (name parts)
            text = String(text)
        return super().case(text, language)


    def strip_periods(self, string: Any) -> Any:
        """Gap: citeproc-py removed every period ("Cancer-Pain.org" → "Cancer-Painorg");
        citeproc-js, which styles are written against, removes a period only where no
        lower-case letter follows it (abbreviation periods, not those inside a domain name)."""
        if self.get("strip-periods", "false").lower() != "true" or string is None:
            return string
        if isinstance(string, MixedString):
            return MixedString([self.strip_periods(segment) for segment in string])
        stripped = _STRIPPED_PERIOD.sub("", str(string))
        return type(string)(stripped) if isinstance(string, String) else stripped


_STRIPPED_PERIOD = re.compile(r"\.(?![a-z])")


def _closing_quote_kept(text: MixedString, formatted: Any) -> Any:
    """`formatted` (`text` in formatting tags) with the closing quote the engine printed at
    the end of `text` still marked as such, the tags after it included ("”</i>"), so that
    punctuation-in-quote moves a following "." inside it. Gap: the tags hid the quote:
    `<i>“Book A”</i>.` for `<i>“Book A.”</i>` (CSL test suite magic_PunctuationInQuoteNested)."""
    segments = [segment for segment in text if str(segment)]
    if (not segments or type(segments[-1]) is not ClosingQuote
            or isinstance(formatted, MixedString)):
        return formatted
    output, quote = str(formatted), str(segments[-1])
    at = output.rfind(quote)
    if at < 0 or not _CLOSING_TAGS.fullmatch(output[at + len(quote):]):
        return formatted
    return MixedString([String(output[:at]), ClosingQuote(output[at:])])


_CLOSING_TAGS = re.compile(r"(?:</[a-z]+>)*")


class PageRanges(_CslElement):
    """Gap: citeproc-py shortened page ranges as written ("1536-538" minimal → "1536–5") and
    used Chicago 15th edition's rule for chicago-16; see `page_ranges.py`."""

    def _format_last_page(self, first: str, last: str) -> str:
        # speed: the style's option, read once per element (it depends on the tree alone)
        try:
            range_format = self.__dict__["_page_range_format"]
        except KeyError:
            range_format = self.__dict__["_page_range_format"] = \
                self.get_root().get_option("page-range-format")
        return last_page(first, last, range_format)

    def _process(self, value: Any, variable: str) -> Any:
        """A number variable's value (or a locator: `variable` "locator", or "page" for a
        page locator) read as lists and ranges: pieces split at "," and "&", each a number,
        a range or text (`page_ranges.read_range`); ranges joined by the range delimiter,
        page ranges shortened by `page-range-format`, "&" printed as the locale's "and"
        symbol term. Gap: citeproc-py printed "&" as itself (unescaped in HTML when it came
        from a locator, which it never split) whatever the locale's symbol."""
        delimiter = ((self.get_single_term("page-range-delimiter")
                      if variable.startswith("page") else None)
                     or self.unicode_character("EN DASH"))
        text = str(value)
        if "," not in text and "&" not in text:
            # speed: one number or range (the common case) is what the joins below give
            # for a single piece
            return self._number_or_range(text, variable, delimiter)
        ampersand = self.get_single_term("and", "symbol") or self.unicode_character("AMPERSAND")
        text = str(value)
        if "&" in text and current().output_format == "html":
            # the "<" and ">" the source escaped for HTML (`source.parse_string`) are
            # characters, not "&" separators: each piece is escaped again by `preformat`
            # (gap: "1 & lt;sup & gt;er", CSL test suite flipflop_NumericField)
            text = text.replace("&#60;", "<").replace("&#62;", ">")
        pieces = [join([self._number_or_range(part, variable, delimiter)
                        for part in comma_part.split("&")], f" {ampersand} ")
                  for comma_part in text.split(",")]
        return join(pieces, ", ")

    def _number_or_range(self, part: str, variable: str, delimiter: Any) -> Any:
        typed = (labelled_number(self, part)
                 if "." in part and variable not in ("page", "page-first", "locator") else None)
        if typed is not None:  # "p. 3-8" in a number field: "pp. 3–8" (see `locator_labels`)
            label, first, last = typed
            return join((label, join((first, last), delimiter) if last else first), " ")
        read = read_range(self.preformat(part))
        if isinstance(read, str):
            return self.format_number(read)
        first = self.format_number(read[0])
        if variable == "page-first":
            return first
        last = read[1]
        if variable == "page":
            last = self._format_last_page(read[0], last)
        return join((first, self.format_number(last)), delimiter)


class EngineElement(PunctuationMerging, TextCasing, PageRanges, MemoisedLookups):
    """Mixed into every CSL element class of a citefmt-loaded tree."""
