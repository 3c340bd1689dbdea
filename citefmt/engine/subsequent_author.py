"""CSL 1.0.2 `subsequent-author-substitute` on cs:bibliography (citeproc-py ignores it).

When an entry's first rendered cs:names (its names, or what cs:substitute put in their place)
matches the preceding entry's, it is replaced, following `subsequent-author-substitute-rule`:

- `complete-all` (default): the whole name list, terms included, becomes the substitute
  string ("———, Book B");
- `complete-each`: when all names match, each name becomes the substitute ("---, ---");
- `partial-each`: each leading name matching the preceding entry's becomes the substitute;
- `partial-first`: only a matching first name does.

A list rendered from cs:substitute (a title standing for the author) has no names to compare
one by one: it is replaced whole when it matches, under every rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from citeproc.source import Name as CiteprocName
from citeproc.string import String

from citefmt.engine.context import SUPPRESSED, RenderContext, rendering_flags

#: re-renders the cs:names element for an item whose name variable `role` holds `names`,
#: with render-context flags set (`context.rendering_flags`)
Rerender = Callable[..., Any]


@dataclass
class SubsequentAuthor:
    """The substitution state of one bibliography while its entries are rendered in order."""

    substitute: str
    rule: str = "complete-all"
    previous_text: str | None = None
    previous_names: list[Any] | None = None
    previous_shown: list[Any] | None = None
    names_seen: bool = field(default=False)

    def start_entry(self) -> None:
        """A new entry begins: its first cs:names is the one compared."""
        self.names_seen = False

    def claim_first_names(self) -> bool:
        """True once per entry, for the first cs:names rendered in it."""
        if self.names_seen:
            return False
        self.names_seen = True
        return True

    def forget(self) -> None:
        """The entry's first cs:names rendered nothing: the next entry has nothing to match."""
        self.previous_text = self.previous_names = self.previous_shown = None

    def apply(self, text: Any, item: Any, role: str | None, rerender: Rerender,
              compared: Any = None, shown: int | None = None) -> Any:
        """The names output `text` of this entry, substituted where the rule says.

        `compared`: the names as compared with the preceding entry's, when not `text`: the
        name lists without their labels (citeproc-js; CSL test suite
        sort_DropNameLabelInSort: "Doe, John ed." is followed by "---."), which the
        complete-all rule then replaces keeping the label ("--- ed."). `shown`: how many of
        the names the list prints (after et-al truncation)."""
        names = list(item.reference[role]) if role is not None else None
        previous_text, previous_names = self.previous_text, self.previous_names
        previous_shown = self.previous_shown
        if compared is None:
            compared = text
        self.previous_text = None if compared is None else str(compared)
        self.previous_names = names
        self.previous_shown = (None if names is None or shown is None
                               else [dict(name) for name in names[:shown]])
        if text is None or previous_text is None:
            return text
        if role is None or names is None or previous_names is None \
                or self.rule == "complete-all":
            # gap: CSL 1.0.2 compares "all rendered names": "WANG Li" after "WANG Li vd."
            # (one name shown of eight) is the same author (citeproc-js: "———")
            same = str(compared) == previous_text or (
                self.previous_shown is not None and self.previous_shown == previous_shown)
            if not same:
                return text
            if compared is text:
                return String(self.substitute)
            return rerender(item, names_as=self.substitute)
        matching = _leading_matches(names, previous_names)
        if self.rule == "complete-each":
            if matching < len(names) or len(names) != len(previous_names):
                return text
        elif self.rule == "partial-first":
            matching = min(matching, 1)
        if not matching:
            return text
        replaced = [CiteprocName(literal=self.substitute)] * matching + names[matching:]
        return rerender(_ItemWithNames(item, role, replaced))


def rerenderer(state: RenderContext, suppressed_before: set[str],
               render: Callable[[Any], Any]) -> Rerender:
    """`render` (of one cs:names element) as a `Rerender`: each render again starts from the
    variables cs:substitute had suppressed before the first (a substitute rendered twice
    would otherwise suppress its own variable, or the title after it), and leaves the
    suppression of the first render in place."""

    def rerender(proxy: Any, **flags: Any) -> Any:
        after = state.repressed.get(SUPPRESSED)
        state.repressed[SUPPRESSED] = set(suppressed_before)
        try:
            with rendering_flags(state, **flags):
                return render(proxy)
        finally:
            if after is None:
                state.repressed.pop(SUPPRESSED, None)
            else:
                state.repressed[SUPPRESSED] = after

    return rerender


def _leading_matches(names: list[Any], previous: list[Any]) -> int:
    count = 0
    for name, earlier in zip(names, previous, strict=False):
        if dict(name) != dict(earlier):
            break
        count += 1
    return count


class _ItemWithNames:
    """A citation item whose reference has other names for one variable."""

    def __init__(self, item: Any, role: str, names: list[Any]) -> None:
        # copy.copy cannot be used: citeproc-py's references answer every unknown attribute,
        # `__setstate__` included, with VariableError
        original_reference = item.reference
        reference = dict.__new__(type(original_reference))
        dict.update(reference, original_reference)
        reference.__dict__.update(original_reference.__dict__)
        original = original_reference[role]
        replaced = type(original)(names)
        if hasattr(original, "truncated"):
            replaced.truncated = original.truncated
        dict.__setitem__(reference, role, replaced)
        self._item = item
        self.reference = reference

    def __getattr__(self, name: str) -> Any:
        return getattr(self._item, name)

    def __contains__(self, key: object) -> bool:
        return key in self._item

    def __getitem__(self, key: str) -> Any:
        return self._item[key]
