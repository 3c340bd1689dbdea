"""The render context: all state one render changes while it runs, in one object.

citeproc-py keeps per-render state as attributes of the style tree (`style.formatter`,
`style.locales`, `layout.repressed`, `citation.cites`, a locale's `style`, date-part attributes
copied in and out), and citefmt had added more (`subsequent_author`, `cite_names`,
`sort_language`, the year-suffix in waiting). With parsed trees cached and shared — a bundled
locale file serves every style — two renders overwrote each other's state, and one could not
follow a render without knowing who had set what.

Modelled on jgm/citeproc's `Eval` monad (a read-only Context beside a mutable EvalState),
citefmt's renderer builds one `RenderContext` per render call (`Renderer.bibliography`,
`Renderer.citations`) and makes it the active context for exactly that call
(`rendering(context)`). The element classes read and write render state only through
`current()`: the style tree is never written while rendering (its memoised caches depend on
the tree alone). The active context is a `contextvars.ContextVar`, the Python form of the
reader monad's implicit argument — citeproc-py's method signatures (`get_term(name)`,
`format(text)`, `wrap(text)`) have no parameter to pass it in — so each thread and each
asyncio task sees its own render, and a render started inside another (re-entrancy) restores
the outer one when it ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from lxml import etree


@dataclass(eq=False)
class LocaleState:
    """One locale chain (CSL locale fallback order) with what is derived from it: the terms
    looked up so far and the chain's `punctuation-in-quote` option."""

    code: str
    chain: list[Any]
    punctuation_in_quote: bool
    terms: dict[tuple[Any, ...], Any] = field(default_factory=dict)


@dataclass(eq=False)
class RenderContext:
    """What one render of one style needs beyond the (read-only) style tree.

    Read-only for the render ("Context" in jgm/citeproc): `formatter`, `output_format`,
    `sort_language`, `implicit_year_suffix`. Changing while it runs ("EvalState"): `locale`
    (switched per item for per-item layouts), the per-cite `repressed` variables, the `cites`
    rendered so far (positions, et-al-subsequent), subsequent-author-substitute and
    cite-grouping state, the year-suffix waiting to be printed, the names each cite shows to
    be told apart (`added_names`, disambiguate-add-names), and attribute overlays (a
    calling cs:date's date-part options, a cs:names' variable list narrowed by
    suppress-min/max) that citeproc-py wrote into the tree.
    """

    formatter: ModuleType
    output_format: str
    sort_language: str
    locale: LocaleState
    implicit_year_suffix: bool = False
    repressed: dict[str, Any] = field(default_factory=dict)
    cites: list[Any] = field(default_factory=list)
    cited_keys: tuple[int, set[str], list[Any]] | None = None
    subsequent_author: Any = None
    cite_names: Any = None
    pending_year_suffix: str | None = None
    overlays: dict[int, dict[str, str]] = field(default_factory=dict)
    recording: list[set[str]] = field(default_factory=list)
    added_names: dict[str, int] = field(default_factory=dict)
    given_name_level: dict[str, int] = field(default_factory=dict)
    #: persons whose names the citations expand (givenname-disambiguation-rule other than
    #: by-cite; see `name_expansion.py`): person key → level
    name_levels: dict[Any, int] = field(default_factory=dict)
    #: by-cite given-name expansion of single names in cites add-names left alike:
    #: (cite key, person key) → level (see `name_expansion.cite_name_levels`)
    cite_name_levels: dict[Any, int] = field(default_factory=dict)
    #: the "primary-name" rules expand a cite's first name only
    name_levels_primary_only: bool = False
    #: rendered date-parts of this render by what decides them (see `Date_Part.render`)
    date_parts: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    #: the cs:substitute that rendered last printed only terms or fixed text, no variable
    #: (see `flow_elements.Group.rendered`): cleared by each group or macro before a child
    term_substitute: bool = False
    #: the `literal` names (institutions) of the name list cs:name is printing, which
    #: cs:name-part formats without its affixes (see `name_elements.Name_Part`)
    institution_names: frozenset[str] = frozenset()
    #: the position of each cite of the citations rendered, by id of the cite (see
    #: `positions.py`); a cite not in it is placed by citeproc-py's rule
    positions: dict[int, Any] = field(default_factory=dict)
    #: the position of cites rendered outside any citation while it is set: disambiguation
    #: compares cites in their subsequent, near-note form (`positions.AMBIGUITY_PROBE`)
    unplaced_position: Any = None
    #: quotation marks ancestors of the element rendering now printed around it (a cs:text
    #: macro with quotes="true"): quotes inside flip to the inner ones at odd depths
    quote_depth: int = 0
    #: the cs:text elements rendering the macros in progress, outermost first (what
    #: encloses an element past its cs:macro; see `decorations.py`)
    macro_callers: list[Any] = field(default_factory=list)
    #: a cs:sort key is rendering: name lists without their labels and "and" term
    #: (citeproc-js; CSL test suite sort_DropNameLabelInSort, sort_WithAndInOneEntry)
    sort_key: bool = False
    #: the date keys a sort key's macro holding a cs:date printed (see `elements.Sort`)
    sort_date_keys: list[str] | None = None
    #: name lists render without their labels (the text subsequent-author-substitute
    #: compares: sort_DropNameLabelInSort "Doe, John ed." then "---.")
    name_labels_off: bool = False
    #: every name list renders as this text (subsequent-author-substitute's complete-all
    #: replacement, the label kept: sort_SeparateAuthorsAndOthers "--- ed.")
    names_as: str | None = None
    #: a cite renders only to be compared with others for ambiguity (citeproc-js's
    #: `just_looking`, getAmbiguousCite): its accessed date is left out (see
    #: `date_elements.Date.process`) and position tests see a subsequent, near-note cite
    ambiguity_check: bool = False

    def suppressed(self) -> set[str] | None:
        """Variables cs:substitute used in the current cite or entry (None: none yet)."""
        return self.repressed.get(SUPPRESSED)

    def suppress(self, variables: set[str]) -> None:
        """Suppress `variables` for the rest of the current cite or entry."""
        self.repressed.setdefault(SUPPRESSED, set()).update(variables)


#: key in the per-cite `repressed` state (reset with it for every cite and entry) holding the
#: variables a cs:substitute rendered
SUPPRESSED = "citefmt:substituted"


_ACTIVE: ContextVar[RenderContext | None] = ContextVar("citefmt_render_context", default=None)


def current() -> RenderContext:
    """The context of the render in progress in this thread/task."""
    context = _ACTIVE.get()
    if context is None:
        raise RuntimeError("a CSL element was rendered outside citefmt's Renderer "
                           "(no render context is active)")
    return context


#: The context of the render in progress, or None outside a render. Speed: the context
#: variable's own `get`, a C call: hot paths write `active() or current()` (`current`, a
#: Python frame asked ~100 times per entry, then runs only outside a render, to raise)
active: Callable[[], RenderContext | None] = _ACTIVE.get


@contextmanager
def rendering(context: RenderContext) -> Iterator[RenderContext]:
    """Make `context` the active one for the duration of a render."""
    token = _ACTIVE.set(context)
    try:
        yield context
    finally:
        _ACTIVE.reset(token)


@contextmanager
def rendering_flags(context: RenderContext, **flags: Any) -> Iterator[RenderContext]:
    """Set fields of `context` (`name_labels_off`, `names_as`) while the block renders,
    restoring them after."""
    previous = {name: getattr(context, name) for name in flags}
    for name, value in flags.items():
        setattr(context, name, value)
    try:
        yield context
    finally:
        for name, value in previous.items():
            setattr(context, name, value)


def overlay(element: Any, attributes: dict[str, str]) -> Overlay:
    """Let `element` read `attributes` instead of its own while the block runs, in this render
    only (the tree is shared with other renders and never written)."""
    return Overlay(id(element), attributes)


class Overlay:
    """The context manager `overlay` returns. Speed: a class, not a generator-based
    `contextmanager` (entered for every date-part of every entry)."""

    __slots__ = ("attributes", "key", "overlays", "previous")

    def __init__(self, key: int, attributes: dict[str, str]) -> None:
        self.key = key
        self.attributes = attributes

    def __enter__(self) -> dict[str, str]:
        overlays = self.overlays = current().overlays
        self.previous = overlays.get(self.key)
        overlays[self.key] = self.attributes
        return self.attributes

    def __exit__(self, *exc_info: object) -> None:
        if self.previous is None:
            self.overlays.pop(self.key, None)
        else:
            self.overlays[self.key] = self.previous


class OverlaidAttributes:
    """Mixin for element classes whose attributes a render may override (see `overlay`):
    `get` and `attrib` answer from the active overlay when there is one."""

    def get(self, key: str, default: Any = None) -> Any:
        context = _ACTIVE.get()
        if context is not None and context.overlays:
            attributes = context.overlays.get(id(self))
            if attributes is not None:
                return attributes.get(key, default)
        return super().get(key, default)  # type: ignore[misc]

    @property
    def attrib(self) -> Any:
        context = _ACTIVE.get()
        if context is not None and context.overlays:
            attributes = context.overlays.get(id(self))
            if attributes is not None:
                return attributes
        return self.own_attributes()

    def own_attributes(self) -> Any:
        """The element's attributes as written in the style file."""
        return _OWN_ATTRIBUTES(self)


#: lxml's own `attrib` (the mixin's property shadows it); imported once, not per call
_OWN_ATTRIBUTES = etree.ElementBase.attrib.__get__
