"""Decorations set back to normal inside an element that decorates: `font-style="normal"`,
`font-weight="normal"`, `font-variant="normal"`, `vertical-align="baseline"`, and field text
in citeproc-js's `<span class="nodecor">`.

Gap: citeproc-py printed nothing for the "normal" values, so an element set upright inside an
italic group stayed italic, and `<span class="nodecor">` leaked as text. CSL 1.0.2
(Formatting) gives "normal" as a value of each attribute; citeproc-js (CSL test suite
`decorations_NoNormalWithoutDecoration`, `decorations_Baseline`, `flipflop_ItalicsWithOk*`)
prints it only where an enclosing element set the decoration:
`<i><span style="font-style:normal;">Life</span></i>`, `<sup>… <span style="baseline">…`, and
nothing at all where no ancestor decorates.

The enclosing elements are the element's ancestors in the style tree, and past a `cs:macro`
the `cs:text` that called it (the render context's `macro_callers`). An element that resets a
decoration its ancestors set wraps its output in the "off" span; an element setting a
decoration already in effect keeps it (citeproc-js writes `<i><i>…</i></i>`), so an element's
italics inside a reset are italic again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from citeproc import model
from citeproc.string import MixedString, NoCase

from citefmt.engine.context import OverlaidAttributes, current
from citefmt.engine.formatters.html import FLIPS, flipped_segments
from citefmt.engine.richtext import NoDecoration

#: attribute → (its reset value, the decoration it sets, the values that set it)
_DECORATING = {
    "font-style": ("normal", "italic", ("italic",)),
    "font-weight": ("normal", "bold", ("bold",)),
    "font-variant": ("normal", "smallcaps", ("small-caps",)),
    "vertical-align": ("baseline", "raised", ("sup", "sub")),
}

#: decoration → the HTML formatter's wrapper class that sets it back to normal
_WRAPPERS = {"italic": "ItalicOff", "bold": "BoldOff", "smallcaps": "SmallCapsOff",
             "raised": "Baseline"}


def resets(element: Any) -> tuple[str, ...]:
    """The decorations `element` sets back to normal (decided once per element whose
    attributes no render overrides)."""
    found = element.__dict__.get("_decoration_resets")
    if found is None:
        found = tuple(decoration for attribute, (normal, decoration, _) in _DECORATING.items()
                      if element.get(attribute) == normal)
        if not isinstance(element, OverlaidAttributes):
            element.__dict__["_decoration_resets"] = found
    return tuple(found)


def _enclosing(element: Any) -> Iterator[Any]:
    """The elements around `element` while it renders, innermost first: its tree ancestors
    up to the layout, crossing each cs:macro to the cs:text rendering it."""
    callers = current().macro_callers
    index = len(callers) - 1
    node = element.getparent()
    while node is not None:
        if isinstance(node, model.Macro):
            if index < 0:
                return  # a macro rendered for a sort key: nothing decorates it
            node = callers[index]
            index -= 1
        yield node
        if isinstance(node, model.Layout):
            return
        node = node.getparent()


def decorated(element: Any, *, including_self: bool) -> set[str]:
    """The decorations in effect at `element`: an element's italics inside italics stay
    italic (citeproc-js: `<i><i>…</i></i>`); "normal" sets a decoration back."""
    chain = list(_enclosing(element))[::-1]
    if including_self:
        chain.append(element)
    state: set[str] = set()
    for node in chain:
        for attribute, (normal, decoration, setting) in _DECORATING.items():
            value = node.get(attribute)
            if value is None:
                continue
            if value == normal:
                state.discard(decoration)
            elif value in setting:
                state.add(decoration)
    return state


def reset(element: Any, formatted: Any) -> Any:
    """`formatted` (the output of `element`, which resets some decorations) wrapped in each
    decoration it resets that an enclosing element set (see the module's docstring)."""
    names = resets(element)
    if not names or current().output_format != "html":
        return formatted
    active = decorated(element, including_self=False)
    formatter = current().formatter
    for decoration in names:
        # vertical-align="baseline" is written wherever it is set (citeproc-js: `<span
        # style="baseline">` around a layout that sets it, under no super- or subscript)
        if decoration in active or decoration == "raised":
            formatted = getattr(formatter, _WRAPPERS[decoration])(formatted)
    return formatted


def undecorated(element: Any, text: MixedString) -> MixedString:
    """`text` with its nodecor segments set back to normal for every decoration in effect at
    `element`, its own included: each is wrapped in the "off" span (flipflop_ItalicsWithOk:
    `<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>`)."""
    active = (decorated(element, including_self=True) - {"raised"}
              if current().output_format == "html" else set())
    formatter = current().formatter
    segments = []
    for segment in text:
        if type(segment) is NoDecoration:
            wrapped: Any = str(segment)
            for decoration in sorted(active):
                wrapped = getattr(formatter, _WRAPPERS[decoration])(wrapped)
            segment = NoCase(str(wrapped))
        segments.append(segment)
    return MixedString(segments)



def field_flipped(element: Any, text: MixedString) -> MixedString:
    """The field's own markup in `text` (printed by `element`) flipped for every decoration
    that `element` or an enclosing element sets: a title's `<i>` under an italic element is
    upright (CSL test suite `flipflop_ItalicsFlipped`, `decorations_SimpleFlipFlop`), also
    when an element between them sets italics back to normal (citeproc-js 2.4.63: `<i><span
    style="font-style:normal;">My <span style="font-style:normal;">Amazing</span> …`). Done
    where the field is printed, so that enclosing elements' own tags are never flipped."""
    if current().output_format != "html":
        return text
    segments = list(text)  # MixedString indexes characters, not segments
    indices = [index for index, segment in enumerate(segments)
               if "<" in segment and type(segment) is not NoDecoration]
    if not indices:
        return text
    chain = [element, *_enclosing(element)]
    active = {decoration for node in chain
              for attribute, (_, decoration, setting) in _DECORATING.items()
              if node.get(attribute) in setting} & FLIPS.keys()
    if not active:
        return text
    pieces = [str(segments[index]) for index in indices]
    for decoration in sorted(active):
        pieces = flipped_segments(pieces, decoration)
    for index, piece in zip(indices, pieces, strict=True):
        segments[index] = type(segments[index])(piece)
    return MixedString(segments)


def reset_regardless(element: Any, formatted: Any, inner: Any) -> Any:
    """`formatted` wrapped in the "off" span of each decoration `element` resets that no
    enclosing element set (`reset` wraps the others) and the `inner` element sets:
    citeproc-js 2.4.63 writes them around a name list it formats as a whole
    (`name_elements`: `<name font-style="normal"/><et-al font-style="italic"/>` gives
    "<span style="font-style:normal;">B A, D C, <i>et al.</i></span>"), though not around
    each name, nor when nothing inside is italic."""
    if current().output_format != "html" or inner is None:
        return formatted
    active = decorated(element, including_self=False)
    formatter = current().formatter
    for attribute, (_, decoration, setting) in _DECORATING.items():
        if (decoration in resets(element) and decoration not in active
                and decoration != "raised" and inner.get(attribute) in setting):
            formatted = getattr(formatter, _WRAPPERS[decoration])(formatted)
    return formatted
