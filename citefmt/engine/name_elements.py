"""cs:names and cs:name: CSL-M suppress-min/suppress-max, and source-truncated name lists."""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError

from citefmt.engine.base import EngineElement
from citefmt.engine.punctuation import join_merging


class Names(EngineElement, model.Names):
    """Gap (CSL-M): `suppress-min`/`suppress-max` on cs:name are unknown to citeproc-py, so a
    GOST style printed both the 1-3-author heading and the 4+-author statement. A name list the
    child cs:name suppresses renders nothing and counts as an empty variable for the enclosing
    group; it does not trigger cs:substitute (the names exist: the style shows them elsewhere).
    With several variables (`editor translator`) only the suppressed lists are left out."""

    def process(self, item: Any, names_context: Any = None, context: Any = None,
                **kwargs: Any) -> Any:
        name = (names_context if names_context is not None else self).name
        roles = (self.get("variable") or "").split()
        if not isinstance(name, Name) or not name.has_count_limits():
            return super().process(item, names_context, context, **kwargs)
        present = [role for role in roles if role in item.reference]
        kept = [role for role in present if not name.suppresses(item.reference[role])]
        if present and not kept:
            raise VariableError
        if len(kept) == len(present):
            return super().process(item, names_context, context, **kwargs)
        variables = self.get("variable")
        self.set("variable", " ".join(kept))
        try:
            return super().process(item, names_context, context, **kwargs)
        finally:
            self.set("variable", variables)


class Name(EngineElement, model.Name):
    """Speed: citeproc-py resolves each of ~14 inheritable name options through an ancestor
    xpath and two attribute look-ups for every name list it renders; the answers only depend
    on the element and the calling context, so they are kept (sort-time overrides bypass).

    Gap ("and others"): a list the source itself cut short (citefmt's `ET_AL_NAME` marker, see
    `source.NameList`) rendered the marker as a name "others". The marker is no name: the
    list shows its known names (the first et-al-use-first of them when the style truncates)
    and always ends with the style's et-al term, in the item's own locale. Its true length is
    unknown but larger than shown, so for et-al-min and suppress-min/max it counts as longer
    than any threshold (GOST: three names and "et al." in the source → the 4+-author form).
    """

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        if sort_options:
            return super().get_option(name, context, sort_options)
        cache = self.__dict__.setdefault("_options", {})
        key = (name, id(context))
        if key not in cache:
            cache[key] = super().get_option(name, context, sort_options)
        return cache[key]

    def has_count_limits(self) -> bool:
        return "suppress-min" in self.attrib or "suppress-max" in self.attrib

    def suppresses(self, names: Any) -> bool:
        """CSL-M: nothing is rendered for N or more names (suppress-min="N") or for N or
        fewer (suppress-max="N")."""
        count = float("inf") if is_truncated(names) else len(names)
        low, high = self.get("suppress-min"), self.get("suppress-max")
        return ((low is not None and count >= int(low))
                or (high is not None and count <= int(high)))

    def process(self, item: Any, variable: str, context: Any = None,
                sort_options: Any = None, **kwargs: Any) -> Any:
        names = item.reference.get(variable, [])
        if not is_truncated(names) or self.get_option("form", context, sort_options) == "count":
            return super().process(item, variable, context, sort_options, **kwargs)
        use_first = self.get_option("et-al-use-first", context, sort_options)
        truncates = bool(self.get_option("et-al-min", context, sort_options))
        shown = list(names[:use_first]) if truncates and use_first else list(names)
        plain = dict(sort_options or {}, **{"et-al-min": "0", "and": None})
        text = super().process(_NamesOnly(variable, shown), variable, context, plain, **kwargs)
        et_al = self.et_al()
        if not str(et_al):
            return text
        if not shown:
            return et_al
        precedes = self._delimiter_precedes_et_al(len(shown), context, sort_options)
        delimiter = self.get_option("delimiter", context, sort_options) if precedes else " "
        return join_merging([text, et_al], delimiter, self.output_format())

    def _delimiter_precedes_et_al(self, shown: int, context: Any, sort_options: Any) -> bool:
        rule = self.get_option("delimiter-precedes-et-al", context, sort_options)
        if rule == "always":
            return True
        if rule == "after-inverted-name":
            order = self.get_option("name-as-sort-order", context, sort_options)
            return order == "all" or (order == "first" and shown == 1)
        return rule == "contextual" and shown >= 2


class _NamesOnly:
    """A citation item stand-in holding one name variable: what `model.Name.process` reads."""

    __slots__ = ("reference",)

    def __init__(self, variable: str, names: list[Any]) -> None:
        self.reference = {variable: names}


def is_truncated(names: Any) -> bool:
    """True for a name list the source cut short ("et al." / "и др." / BibTeX "and others")."""
    return bool(getattr(names, "truncated", False))
