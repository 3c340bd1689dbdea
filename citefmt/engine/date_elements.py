"""cs:date and cs:date-part: the localized date delimiter, date ranges, leaking overrides."""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import DateRange, LiteralDate, VariableError

from citefmt.engine.base import EngineElement
from citefmt.engine.context import OverlaidAttributes, RenderContext, current, overlay
from citefmt.engine.disambiguation import mark_suffix_printed, pending_suffix
from citefmt.engine.ordinals import ordinal_text
from citefmt.engine.punctuation import join_merging
from citefmt.engine.russian import genitive_month


class Date(EngineElement, model.Date):
    """Two gaps in citeproc-py's dates.

    Delimiter: citeproc-py joins a localized date's parts with the *calling* cs:date's
    delimiter (NLM: "2020Mar15"). CSL 1.0.2 (Localized Date Formats): the delimiter belongs to
    the localized cs:date; the calling element contributes only affixes and formatting.

    Ranges: citeproc-py always printed an en dash (ignoring `range-delimiter`), put the shared
    parts after the differing ones ("Apr 3–5 2002" in a year-first style) and crashed with a
    TypeError on a range within one month. CSL 1.0.2 (Date Ranges): the parts from the largest
    differing unit down are printed for both dates, joined by that unit's `range-delimiter`
    (default en dash); shared parts are printed once, where the date's part order puts them
    ("2002 Apr 3-5", "3–5 August 2003"). The affixes touching the delimiter are left out.
    """

    def process(self, item: Any, variable: str | None = None, show_parts: Any = None,
                context: Any = None, **kwargs: Any) -> Any:
        """Gap: the implicit year-suffix (see `disambiguation.py`) follows the first year
        a cs:date prints in a cite or entry, whichever date variable it is (CSL 1.0.2,
        `disambiguate-add-year-suffix`: "appended to the first year rendered through
        cs:date"): an item without `issued` takes it after the year of its `accessed` date,
        as in citeproc-js."""
        state = current()
        if state.sort_key and not self.is_locale_date():  # in a macro a cs:key calls
            return self._macro_sort_key(item, variable or self.get("variable"), state)
        if state.ambiguity_check and (variable or self.get("variable")) == "accessed":
            # the date a reader looked a work up tells no two works apart: citeproc-js leaves
            # it out when it compares cites (CSL test suite date_YearSuffixWithNoDate: "John
            # Doe n.d.-a [Accessed: June 1, 1965]; John Doe n.d.-b [Accessed: …]")
            raise VariableError
        if not state.implicit_year_suffix or self.is_locale_date() or kwargs.get("sort_options"):
            # a sort key has no year-suffix (ties keep their order, as in citeproc-js)
            return super().process(item, variable, show_parts, context, **kwargs)
        suffix = pending_suffix(self, item, context)
        state.pending_year_suffix = suffix
        try:
            return super().process(item, variable, show_parts, context, **kwargs)
        finally:
            if suffix is not None and state.pending_year_suffix is None:
                mark_suffix_printed(self, context)
            state.pending_year_suffix = None

    def _macro_sort_key(self, item: Any, variable: str, state: RenderContext) -> str:
        """Gap: in a macro's sort key a date is its date key of the parts it would print,
        zeros for the others, then the end of a range (CSL 1.0.2, Sorting Macros: "macros
        return only those date-parts that would otherwise be rendered"), as citeproc-js's
        `CSL.dateAsSortKey`; citeproc-py compared the printed text ("15.03.2020" after
        "06.2020"). Recorded for a key whose macro holds a cs:date (`elements.Sort`)."""
        key = _range_key(item.reference[variable.replace("-", "_")], self._shown_parts())
        if state.sort_date_keys is not None:
            state.sort_date_keys.append(key)
        return key

    def _shown_parts(self) -> set[str]:
        """The date parts this cs:date prints: a localized date's `date-parts`, else the
        names of its cs:date-part children."""
        if self.get("form") is not None:
            return set((self.get("date-parts") or "year-month-day").split("-"))
        return {part.get("name") for part in self.iterchildren()}

    def is_locale_date(self) -> bool:
        """Whether this cs:date is a locale's (speed: decided once per element; citeproc-py
        asks an xpath three times per date printed)."""
        known = self.__dict__.get("_is_locale_date")
        if known is None:
            known = self.__dict__["_is_locale_date"] = bool(super().is_locale_date())
        return bool(known)

    def parts(self, date: Any, show_parts: Any, context: Any = None) -> list[Any]:
        """The rendered parts of `date` among `show_parts`, in the element's order, as
        citeproc-py's `parts` gives them (a part that raises VariableError or renders None
        is left out). Speed: the cs:date-part children and their names are listed once per
        element (lxml made a proxy and read an attribute per part and date)."""
        children = self.__dict__.get("_part_children")
        if children is None:
            children = self.__dict__["_part_children"] = tuple(
                (part, part.get("name")) for part in self.iterchildren())
        output = []
        for part, name in children:
            if name in show_parts:
                try:
                    text = part.render(date, context)
                except VariableError:
                    continue
                if text is not None:
                    output.append(text)
        return output

    def render_single_date(self, date: Any, show_parts: list[str] | None = None,
                           context: Any = None) -> Any:
        parts = self.parts(date, show_parts, None if context is self else context)
        return self.join(parts) if parts else None

    def render_date_range(self, date_range: Any, show_parts: list[str] | None = None,
                          context: Any = None) -> Any:
        shown = [part.get("name") for part in self.iterchildren()
                 if part.get("name") in (show_parts or ("year", "month", "day"))]
        part_context = None if context is self else context
        begin, end = date_range.begin, date_range.get("end")
        if end is None or end.is_nil():  # an open range: "1987–"
            text = self.render_single_date(begin, shown, context)
            return None if text is None else text + self._open_range_delimiter(context)
        largest = next((unit for unit in ("year", "month", "day")
                        if unit in shown and _unit(begin, unit) != _unit(end, unit)), None)
        if largest is None:
            return self.render_single_date(begin, shown, context)
        differing = [name for name in shown if _RANK[name] >= _RANK[largest]]
        first, last = shown.index(differing[0]), shown.index(differing[-1])
        if last - first + 1 != len(differing):  # parts interleaved: print both dates whole
            first, last = 0, len(shown) - 1
        before, middle, after = shown[:first], shown[first:last + 1], shown[last + 1:]
        begin_text = self._render_parts(begin, middle, part_context, bare_end="suffix")
        end_text = self._render_parts(end, middle, part_context, bare_end="prefix")
        if begin_text is None or end_text is None:
            return None
        ranged = join_merging([begin_text, end_text], self._range_delimiter(largest, context),
                              self.output_format())
        pieces = [self._render_parts(begin, before, part_context), ranged,
                  self._render_parts(end, after, part_context)]
        return self.join([piece for piece in pieces if piece is not None])

    def _render_parts(self, date: Any, names: list[str], context: Any,
                      bare_end: str | None = None) -> Any:
        """`names` parts of `date` joined by the date's delimiter; `bare_end` drops the suffix
        of the last part ("suffix") or the prefix of the first ("prefix")."""
        elements = [part for part in self.iterchildren()
                    if part.get("name") in names and _has(date, part.get("name"))]
        output = []
        for index, part in enumerate(elements):
            bare = None
            if bare_end == "suffix" and index == len(elements) - 1:
                bare = "suffix"
            elif bare_end == "prefix" and index == 0:
                bare = "prefix"
            try:
                text = part.render(date, context, bare=bare)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
        return self.join(output) if output else None

    def _open_range_delimiter(self, context: Any) -> str:
        """Extension (styles/README.md): the year date-part's `open-range-delimiter` ends an
        open range — GOST's "1991– ." has a space where the end year would stand — else the
        year's `range-delimiter`."""
        for date in (context, self):
            if date is None:
                continue
            found = date.find('cs:date-part[@name="year"]', date.nsmap)
            if found is not None and found.get("open-range-delimiter") is not None:
                return str(found.get("open-range-delimiter"))
        return self._range_delimiter("year", context)

    def _range_delimiter(self, unit: str, context: Any) -> str:
        """The `range-delimiter` of the `unit` date-part: the calling date's, else this date's,
        else an en dash."""
        for date in (context, self):
            if date is None:
                continue
            found = date.find(f'cs:date-part[@name="{unit}"]', date.nsmap)
            if found is not None and found.get("range-delimiter") is not None:
                return found.get("range-delimiter")
        return "\u2013"


_RANK = {"year": 0, "month": 1, "day": 2}


def _range_key(value: Any, shown: set[str]) -> str:
    """The sort key of a date value: a literal date's text, else the date keys of its
    begin and end (`_date_key`)."""
    if isinstance(value, LiteralDate):
        return value.text
    begin, end = ((value.begin, value.get("end")) if isinstance(value, DateRange)
                  else (value, None))
    return _date_key(begin, shown) + _date_key(end, shown)


def _date_key(date: Any, shown: set[str]) -> str:
    """YYYYYMMDD of a date's `shown` parts (year + 10000, as citeproc-py's date keys), zeros
    for the others or for no date."""
    def part(name: str) -> int:
        value = date.get(name) if date is not None and name in shown else None
        return value if isinstance(value, int) else 0

    return f"{part('year') + 10000:05}{part('month'):02}{part('day'):02}"


def _unit(date: Any, unit: str) -> Any:
    if unit == "month":
        return date.get("month"), date.get("season")
    return date.get(unit)


def _has(date: Any, unit: str) -> bool:
    if unit == "month":
        return date.get("month") is not None or date.get("season") is not None
    return date.get(unit) is not None


class Date_Part(OverlaidAttributes, EngineElement, model.Date_Part):
    """Gap: when a style's cs:date calls a localized date, citeproc-py copies the calling
    cs:date-part's attributes (form, font-style, affixes…) *into* the locale's cs:date-part and
    never takes them back, so they leak into every later date rendered with that locale (and,
    with citefmt's parse-once cache, into other styles and concurrent renders). Here they are
    copied into a render-context overlay (`context.overlay`) that lives for one date-part
    render; the shared tree is never written. `bare="prefix"`/`"suffix"` leaves that affix
    out (the date-part beside a range delimiter)."""

    static_affixes = False

    def process(self, date: Any, context: Any = None) -> Any:
        """Gap: a Russian month name beside a day is in the genitive ("6 июня", "12–13 мая");
        CSL locales hold only the nominative (see `russian.py`)."""
        if self.get("name") == "day" and self.get("form") == "ordinal":
            return self._ordinal_day(date)
        text = super().process(date, context)
        if (self.get("name") == "month" and self.get("form", "long") == "long"
                and date.get("day") is not None and isinstance(text, str)):
            return genitive_month(text)
        return text

    def _ordinal_day(self, date: Any) -> Any:
        """Gap: the day's ordinal suffix takes the gender of its month's term (CSL 1.0.2
        "Gender-specific Ordinals": "1er janvier" but a feminine month's "1re"), from one
        locale's set of ordinal terms (`ordinals.py`); `limit-day-ordinals-to-day-1` prints
        other days as numbers."""
        day = date.day  # raises VariableError for a date without a day, as citeproc-py
        if day > 1 and self.get_locale_option("limit-day-ordinals-to-day-1").lower() == "true":
            return day
        month = dict.get(date, "month") if isinstance(date, dict) else None
        month_term = f"month-{int(month):02}" if month else ""
        return f"{day}{ordinal_text(current().locale, int(day), month_term) or ''}"

    def format(self, string: Any) -> Any:
        # attributes change while a calling date's overrides apply: never use the cached answer
        return model.Formatted.format(self, string)

    def render(self, *args: Any, bare: str | None = None, **kwargs: Any) -> Any:
        # Speed: a date-part's text depends only on the part, the calling date, the affix
        # left out, the locale in use and the one or two date values it reads; 5,000 entries
        # print a few dozen distinct years, months and days: each is rendered once per render
        state = current()
        key = None
        if len(args) == 2 and not kwargs and not state.pending_year_suffix:
            key = self._memo_key(args[0], args[1], bare, state)
            if key is not None:
                found = state.date_parts.get(key, _NOT_RENDERED)
                if found is _RAISED:
                    raise VariableError
                if found is not _NOT_RENDERED:
                    return found
        attributes = dict(self.own_attributes())
        try:
            with overlay(self, attributes):
                attributes[_BARE] = bare or ""
                text = super().render(*args, **kwargs)
        except VariableError:
            if key is not None:
                state.date_parts[key] = _RAISED
            raise
        if key is not None:
            state.date_parts[key] = text
        return text

    def _memo_key(self, date: Any, context: Any, bare: str | None,
                  state: Any) -> tuple[Any, ...] | None:
        """What decides this part's text for `date` (None: not memoised)."""
        name = self.__dict__.get("_part_name")
        if name is None:
            name = self.__dict__["_part_name"] = str(self.own_attributes().get("name", ""))
        if not isinstance(date, dict):
            return None
        if name == "year":
            values: tuple[Any, ...] = (dict.get(date, "year"),)
        elif name == "month":
            values = (dict.get(date, "month"), dict.get(date, "season"),
                      dict.get(date, "day") is not None)
        elif name == "day":  # an ordinal day takes its month's gender
            values = (dict.get(date, "day"), dict.get(date, "month"))
        else:
            return None
        return (id(self), id(context), bare, id(state.locale), *values)

    def wrap(self, string: Any) -> Any:
        state = current()
        if state.pending_year_suffix and string is not None and self.get("name") == "year":
            string = string + state.pending_year_suffix
            state.pending_year_suffix = None
        attributes = self.attrib
        bare = attributes.get(_BARE)
        if bare:
            attributes.pop(bare, None)  # the overlay only: gone with this render
        return super().wrap(string)


#: overlay key (not a CSL attribute name) holding the affix a date-part leaves out
_BARE = "citefmt:bare"

#: `Date_Part.render` memo: not rendered yet; rendering raised VariableError
_NOT_RENDERED = object()
_RAISED = object()
