"""citefmt's CSL element classes: citeproc-py's, subclassed where it falls short of CSL 1.0.2.

citeproc-py maps every CSL element to a Python class through lxml's element-class lookup.
citefmt builds its own lookup (`element_lookup`) from citeproc-py's classes, each one
extended with `MemoisedLookups` (speed), and a few replaced by the subclasses below, each
named after the gap it closes:

- `Date.render_single_date`   — localized date delimiter ("2020Mar15" → "2020 Mar 15")
- `Date_Part.render`          — a calling date's date-part overrides leaked into later dates
- `Label._is_plural`          — the `number-of-pages` label rendered nothing ("280" → "280 p.")
- `Sort.sort`                 — locale collation instead of code-point order (Ё with Е, Cyrillic first in ru)
- `Layout.render_citation`    — collapse="citation-number" ([1,2,3,4] → [1–4])
- `Layout.render_entry`       — second-field-align: margin and body kept apart ("1.Smith" → "1. Smith")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cmp_to_key
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import join
from lxml import etree

from citefmt.engine.collation import collation_key

CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"


_FORMATTING_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration",
                          "vertical-align")


class MemoisedLookups:
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

    def get_formatter(self) -> Any:
        root = self.get_root()
        return root.style.formatter if isinstance(root, model.Locale) else root.formatter

    def format(self, string: Any) -> Any:
        # most elements carry no formatting attribute: skip citeproc-py's five look-ups
        plain = self.__dict__.get("_unformatted")
        if plain is None:
            plain = self.__dict__["_unformatted"] = not any(
                attribute in self.attrib for attribute in _FORMATTING_ATTRIBUTES)
        if plain:
            return str(string) if isinstance(string, (int, float)) else string
        return super().format(string)

    def __getattr__(self, name: str) -> Any:
        # citeproc-py reads child elements as attributes (`self.layout`, `names.label`)
        if name.startswith("_"):
            raise AttributeError(name)
        found = self.find("cs:" + name, self.nsmap)
        if found is not None:  # a missing child may be inserted later (cs:names gets a cs:name)
            self.__dict__[name] = found
        return found


class Locale(MemoisedLookups, model.Locale):
    """Speed: citeproc-py looks up cs:style-options with `find` on every text it quotes (twice per
    variable); the element is looked up once here."""

    def get_option(self, name: str) -> str:
        if "_style_options" not in self.__dict__:
            self.__dict__["_style_options"] = self.find("cs:style-options", self.nsmap)
        options = self.__dict__["_style_options"]
        if options is None:
            raise IndexError(name)
        return options.get(name, self._default_options[name])


class Date(MemoisedLookups, model.Date):
    """Gap: citeproc-py joins a localized date's parts with the *calling* cs:date's delimiter
    (NLM: "2020Mar15"). CSL 1.0.2 (Localized Date Formats): the delimiter belongs to the
    localized cs:date; the calling element contributes only affixes and formatting."""

    def render_single_date(self, date: Any, show_parts: list[str] | None = None,
                           context: Any = None) -> Any:
        parts = self.parts(date, show_parts, None if context is self else context)
        return self.join(parts) if parts else None


class Date_Part(MemoisedLookups, model.Date_Part):  # noqa: N801 (CSL element name)
    """Gap: when a style's cs:date calls a localized date, citeproc-py copies the calling
    cs:date-part's attributes (form, font-style, affixes…) *into* the locale's cs:date-part and
    never takes them back, so they leak into every later date rendered with that locale (and,
    with citefmt's parse-once cache, into other styles). Render with the overrides, then
    restore the locale's own attributes."""

    def format(self, string: Any) -> Any:
        # attributes change while a calling date's overrides apply: never use the cached answer
        return model.Formatted.format(self, string)

    def render(self, *args: Any, **kwargs: Any) -> Any:
        saved = dict(self.attrib)
        try:
            return super().render(*args, **kwargs)
        finally:
            if dict(self.attrib) != saved:
                self.attrib.clear()
                self.attrib.update(saved)


class Name(MemoisedLookups, model.Name):
    """Speed: citeproc-py resolves each of ~14 inheritable name options through an ancestor
    xpath and two attribute look-ups for every name list it renders; the answers only depend
    on the element and the calling context, so they are kept (sort-time overrides bypass)."""

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        if sort_options:
            return super().get_option(name, context, sort_options)
        cache = self.__dict__.setdefault("_options", {})
        key = (name, id(context))
        if key not in cache:
            cache[key] = super().get_option(name, context, sort_options)
        return cache[key]


class Text(MemoisedLookups, model.Text):
    """Speed: citeproc-py reads the locale's punctuation-in-quote option for every text it
    renders, quoted or not (and does not use it); only quoted texts need the quote step."""

    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() != "true":
            return string
        return super().quote(string)


class Label(MemoisedLookups, model.Label):
    """Gap: for `number-of-*` variables citeproc-py reads the variable from the citation item
    instead of the reference, raising VariableError, so the label vanished ("280." for
    "280 p.")."""

    def _is_plural(self, item: Any) -> bool:
        variable = self.get("variable")
        if variable and variable.startswith("number-of"):
            try:
                value = str(item.reference[variable.replace("-", "_")])
            except VariableError:
                return False
            digits = "".join(c for c in value.split("-")[0] if c.isdigit())
            return bool(digits) and int(digits) > 1
        return super()._is_plural(item)


class Sort(MemoisedLookups, model.Sort):
    """Gap: citeproc-py compares lower-cased code points, so Latin sorts before Cyrillic and
    Ё after Я. citefmt compares `collation_key`s in the bibliography's language (the
    renderer sets `sort_language` on the style root); empty keys still go last."""

    def sort(self, items: list[Any], context: Any) -> list[Any]:
        language = self.get_root().__dict__.get("sort_language", "en")
        keys = self.findall("cs:key", self.nsmap)
        columns = [key.sort_keys(items, context) for key in keys]
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


def _comparable(value: Any, language: str) -> Any:
    """A sort value as an int (numbers, dates' digit keys) or a collation key; None if empty."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    text = str(value)
    if text == "":
        return None
    if text.isdigit():
        return int(text)
    return collation_key(text, language)


def _as_text_key(value: Any, language: str) -> Any:
    return collation_key(str(value), language) if isinstance(value, int) else value


class Layout(MemoisedLookups, model.Layout):
    """Adds entry rendering with a separate left margin, and citation-number collapsing."""

    def render_entry(self, item: Any, *, split_margin: bool) -> tuple[Any, Any]:
        """(margin, body) for one bibliography entry; margin is None unless `split_margin`.

        Gap: with second-field-align citeproc-py renders the citation number and the rest as
        one run with no separator ("1.Smith"); the margin is the layout's first rendered child.
        """
        self.repressed = {}
        children = list(self.iterchildren())
        if not split_margin or len(children) < 2:
            return None, self.format(self.wrap(self.render_children(item)))
        margin = _render_each(children[:1], item)
        body = _render_each(children[1:], item)
        if margin is None:
            return None, self.format(self.wrap(body))
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        margin = self.format(prefix + margin) if prefix else self.format(margin)
        body = self.format(body + suffix) if body is not None and suffix else (
            self.format(body) if body is not None else None)
        return margin, body

    def render_citation(self, citation: Any, callback: Callable[[Any], Any]) -> Any:
        """Gap: collapse="citation-number" is not implemented in citeproc-py ([1,2,3,4]).
        Runs of three or more consecutive numbers (cites without locator or affixes) become
        "first–last" (CSL 1.0.2 term `citation-range-delimiter`, default an en dash)."""
        if self.getparent().get("collapse") != "citation-number":
            return super().render_citation(citation, callback)
        bibliography = citation.bibliography
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        good.sort(key=lambda cite: bibliography.keys.index(cite.key))
        if self.getparent().sort is not None:
            good = self.getparent().sort.sort(good, self)
        rendered: list[tuple[int | None, Any]] = []
        for cite in good:
            self.repressed = {}
            try:
                text = self.render_children(cite)
            except VariableError:
                continue
            if text is None:
                continue
            prefix, suffix = cite.get("prefix", ""), cite.get("suffix", "")
            collapsible = not (prefix or suffix or cite.has_locator)
            rendered.append((cite.number if collapsible else None, prefix + text + suffix))
            self.getparent().cites.append(cite)
        pieces = _collapse_numbers(rendered, self._range_delimiter())
        pieces += [callback(cite) or f"{cite.key}?" for cite in bad]
        return self.format(self.wrap(self.join(pieces)))

    def _range_delimiter(self) -> Any:
        term = self.get_single_term("citation-range-delimiter")
        return term if str(term) else self.unicode_character("EN DASH")


def _render_each(children: Iterable[Any], item: Any) -> Any:
    """Render some of a layout's children, joined without delimiter, skipping empty ones."""
    output = []
    for child in children:
        try:
            text = child.render(item)
        except VariableError:
            continue
        if text is not None:
            output.append(text)
    return join(output) if output else None


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
FIXED_ELEMENTS: dict[str, type] = {"date": Date, "date-part": Date_Part, "label": Label,
                                   "sort": Sort, "layout": Layout, "locale": Locale,
                                   "name": Name, "text": Text}


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
        _MEMOISED[cls] = type(cls.__name__, (MemoisedLookups, cls), {"__module__": __name__})
    return _MEMOISED[cls]
