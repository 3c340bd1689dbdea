"""Disambiguation-lite: the `disambiguate="true"` condition and year-suffixes, both left out by
citeproc-py ("(Doe 1990; Doe 1990)" for two different works; a `disambiguate="true"` branch
printed for every item).

Items whose first cite renders identically are ambiguous. When the style tests
`disambiguate="true"`, that test is true for the ambiguous items (and false for all others),
and ambiguity is looked for again. Then, with `disambiguate-add-year-suffix`, each group of
items still ambiguous gets the letters
"a", "b", … ("z", then "aa", "ab", …) in bibliography order, as the `year-suffix` variable. A
style that prints `year-suffix` itself (`<text variable="year-suffix"/>`) puts it where it
says; otherwise the suffix follows the first year a cs:date prints in each cite and entry
("1990a"; an item without `issued` takes it after its `accessed` year), once.

With `disambiguate-add-names`, names are added first (one at a time, until the cites differ).
With `disambiguate-add-givenname` and `givenname-disambiguation-rule="by-cite"`, given names
are then added (initials, then in full) to the cites still ambiguous; with the other rules,
ambiguous names are expanded across all cites first (`name_expansion.py`).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from typing import Any

from citeproc.source import VariableError
from citeproc.string import String

from citefmt.engine.context import current
from citefmt.engine.name_expansion import cite_name_levels, name_levels

#: marker kept in a layout's per-cite `repressed` state once the implicit suffix is printed
PRINTED = "citefmt:year-suffix-printed"


def suffix_letters(index: int) -> str:
    """The index-th year suffix: 0 → "a", 25 → "z", 26 → "aa", 27 → "ab"."""
    letters = string.ascii_lowercase
    if index < len(letters):
        return letters[index]
    return suffix_letters(index // len(letters) - 1) + letters[index % len(letters)]


def disambiguate(style_root: Any, cites: Sequence[Any]) -> None:
    """Mark ambiguous items for `disambiguate="true"` and give them their `year_suffix`
    (cites in bibliography order)."""
    citation = style_root.citation
    if citation is None:
        return
    tests_condition = bool(style_root.xpath_search(".//cs:if[@disambiguate='true']")
                           or style_root.xpath_search(".//cs:else-if[@disambiguate='true']"))
    adds_suffix = citation.get("disambiguate-add-year-suffix", "false") == "true"
    adds_names = citation.get("disambiguate-add-names", "false") == "true"
    adds_given = citation.get("disambiguate-add-givenname", "false") == "true"
    if not (tests_condition or adds_suffix or adds_names or adds_given):
        return
    base = _compared_names(citation)
    if base:
        for cite in cites:
            current().added_names.setdefault(cite.key, _shown_in_compared_form(cite, citation,
                                                                                base))
    rule = citation.get("givenname-disambiguation-rule", "by-cite")
    if adds_given and rule != "by-cite":
        current().name_levels.update(name_levels(citation, cites, rule))
        current().name_levels_primary_only = rule.startswith("primary-name")
    groups = _ambiguous_groups(citation, cites)
    if adds_names and groups:
        refine = adds_given and rule == "by-cite"
        expand = (_names_expander(citation, cites, rule) if adds_given and rule != "by-cite"
                  else None)
        groups = [still for group in groups
                  for still in _add_names(citation, group, refine, expand)]
        if expand is not None:
            expand()
    if adds_given and rule == "by-cite" and groups:
        groups = [still for group in groups for still in _add_given_names(citation, group)]
    if tests_condition and groups:
        # citeproc-js opens one condition only when names could be added: the step ends
        # disambiguation there (CSL test suite bugreports_EnvAndUrb)
        most = 1 if adds_names or adds_given else _condition_count(style_root)
        _open_conditions(citation, groups, most)
        groups = _ambiguous_groups(citation, cites)
    if not adds_suffix:
        return
    # a style printing `citation-label` gets the suffix there (see `citation_labels.py`)
    current().implicit_year_suffix = not style_root.xpath_search(
        ".//cs:text[@variable='year-suffix' or @variable='citation-label']")
    for group in groups:
        for index, cite in enumerate(group):
            dict.__setitem__(cite.reference, "year_suffix", String(suffix_letters(index)))


def _names_expander(citation: Any, cites: Sequence[Any], rule: str) -> Any:
    """With add-names under a global givenname-disambiguation-rule ("all-names", …): the
    names each cite shows change as names are added, and so do the persons that rule must
    tell apart ("Smith, Brown & J. Jones" beside "Smith, Brown & A. Jones", CSL test suite
    disambiguate_AndreaEg2). Called after each add-names step, it recomputes the name
    expansions over all cites with the names they now show."""
    state = current()

    def expand() -> None:
        levels = name_levels(citation, cites, rule, state.added_names)
        state.name_levels.clear()
        state.name_levels.update(levels)

    return expand


def _add_names(citation: Any, group: list[Any], refine: bool = False,
               expand: Any = None) -> list[list[Any]]:
    """disambiguate-add-names (CSL 1.0.2): show one more name at a time in the cites of an
    ambiguous group until they render apart (from one name: `et-al-use-first="0"` shows
    none); a cite keeps the fewest names that tell it from the others. Cites that more names
    cannot tell apart from every other keep the count that tells them from those they can be
    told from (`_retain_on_failure`), or go back to their own; the groups still ambiguous are
    returned."""
    most = max((len(value) for cite in group for value in dict.values(cite.reference)
                if isinstance(value, list)), default=0)
    return _widen_until_apart(citation, group, current().added_names, range(1, most + 1),
                              refine=refine, expand=expand, base=_compared_names(citation))


def _add_given_names(citation: Any, group: list[Any]) -> list[list[Any]]:
    """disambiguate-add-givenname (by cite): the names of an ambiguous group's cites are
    printed in long form (with initials where the style initialises), then with full given
    names, until the cites render apart; cites that stay alike go back to their own form."""
    return _widen_until_apart(citation, group, current().given_name_level, (1, 2))


def _compared_names(citation: Any) -> int | None:
    """The names a cite shows where disambiguation compares it (its subsequent form: the
    style's et-al-subsequent-use-first), None without one. citeproc-js shows at least that
    many in every cite (its disambiguation settings start from the compared form), and keeps
    them when adding names fails: a style whose first cites show no name
    (et-al-use-first="0") shows "Smith vd." and "Wang vd."."""
    for element in (citation, citation.get_root()):
        value = element.get("et-al-subsequent-use-first")
        if value is not None and value.isdigit():
            return int(value) or None
    return None


def _shown_in_compared_form(cite: Any, citation: Any, use_first: int) -> int:
    """How many names of the cite's first name list (author, else editor, translator: what a
    cs:substitute usually falls back to) its subsequent form shows: all of them below
    et-al-subsequent-min, else et-al-subsequent-use-first ("Foley ve Gelband": two editors
    under et-al-subsequent-min="3")."""
    names = next((value for value in (dict.get(cite.reference, variable)
                                      for variable in ("author", "editor", "translator"))
                  if isinstance(value, list) and value), [])
    least = next((element.get("et-al-subsequent-min") for element in (citation,
                  citation.get_root()) if element.get("et-al-subsequent-min") is not None), None)
    if least is None or not least.isdigit() or len(names) < int(least):
        return max(len(names), 1)
    return use_first


def _widen_until_apart(citation: Any, group: list[Any], overrides: dict[Any, int],
                       steps: Iterable[int], refine: bool = False,
                       expand: Any = None, base: int | None = None) -> list[list[Any]]:
    """Give the still-ambiguous cites of `group` each step of `overrides` (names shown, given-name
    form) in turn until they render apart; those no step tells apart lose their override, and
    the groups still ambiguous are returned. With `refine` (add-names with add-givenname, by
    cite), the names shown at each step are also expanded where they are another person's
    name at the same place (`name_expansion.cite_name_levels`). With `base`, cites that no
    step tells apart keep at least that many names (`_compared_names`)."""
    pending = list(group)
    history: list[tuple[int, dict[str, str | None]]] = []
    state = current()
    for step in steps:
        for cite in pending:
            overrides[cite.key] = step
        if expand is not None:
            expand()
        if refine:
            still = _still_alike(citation, group, pending)
            if len(still) > 1:
                state.cite_name_levels.update(
                    cite_name_levels(citation, still, {c.key: overrides[c.key] for c in still}))
        texts = {cite.key: _first_cite_text(citation, citation.layout, cite) for cite in group}
        history.append((step, texts))
        seen: dict[str | None, int] = {}
        for text in texts.values():
            seen[text] = seen.get(text, 0) + 1
        pending = [cite for cite in pending if seen[texts[cite.key]] > 1]
        if not pending:
            return []
    for cite in pending:
        _retain_on_failure(cite, group, history, overrides)
        if base and cite.key not in overrides:
            overrides[cite.key] = base
    return _ambiguous_groups(citation, pending) if len(pending) > 1 else []


def _still_alike(citation: Any, group: list[Any], pending: list[Any]) -> list[Any]:
    """The cites of `pending` that render like another cite of `group`."""
    texts = {cite.key: _first_cite_text(citation, citation.layout, cite) for cite in group}
    seen: dict[str | None, int] = {}
    for text in texts.values():
        seen[text] = seen.get(text, 0) + 1
    return [cite for cite in pending if seen[texts[cite.key]] > 1]


def _retain_on_failure(cite: Any, group: list[Any], history: list[tuple[int, dict[str, Any]]],
                       overrides: dict[Any, int]) -> None:
    """A cite no step tells apart from every other keeps the first step that tells it apart
    from all the cites it can be told apart from (citeproc-js, CSL test suite
    `disambiguate_AndreaEg*`: "Smith, Brown, et al." stays beside "Smith, Benson, et al." though
    another "Smith, Brown, et al." remains); with none, it goes back to its own form."""
    final = history[-1][1] if history else {}
    partners = [other.key for other in group
                if other.key != cite.key and final.get(other.key) != final.get(cite.key)]
    if not partners:
        overrides.pop(cite.key, None)
        return
    for step, texts in history:
        if all(texts.get(key) != texts.get(cite.key) for key in partners):
            overrides[cite.key] = step
            return
    overrides.pop(cite.key, None)


def _condition_count(style_root: Any) -> int:
    """How many `disambiguate="true"` conditions the style has (the most a cite can open)."""
    return len(style_root.xpath_search(".//cs:if[@disambiguate='true']")
               + style_root.xpath_search(".//cs:else-if[@disambiguate='true']"))


def _open_conditions(citation: Any, groups: list[list[Any]], most: int) -> None:
    """Gap: one `disambiguate="true"` condition at a time (citeproc-js; CSL test suite
    disambiguate_IncrementalExtraText): the cites of each ambiguous group open the first
    condition they meet, then the first two, … until they render apart; a cite keeps the
    fewest that tell it from the others of its group ("John Smith, Book One" beside
    "John Smith, Complete Works, ed. 5"); those never told apart keep the most opened."""
    pending = [group for group in groups if len(group) > 1]
    for level in range(1, most + 1):
        for group in pending:
            for cite in group:
                cite.reference.__dict__["disambiguate"] = level
        pending = [still for group in pending for still in _ambiguous_groups(citation, group)]
        if not pending:
            return


#: key in the per-cite `repressed` state: the `disambiguate="true"` conditions met so far
CONDITIONS_MET = "citefmt:disambiguate-conditions"


def is_marked_ambiguous(item: Any) -> bool:
    """The `disambiguate="true"` test for an item (a cite or a citation-item stand-in): true
    for the first N such conditions met in the cite or entry, N being the number its
    disambiguation opened (`_open_conditions`)."""
    reference = getattr(item, "reference", None)
    opened = getattr(reference, "__dict__", {}).get("disambiguate", 0)
    if not opened:
        return False
    state = current().repressed
    met = state.get(CONDITIONS_MET, 0)
    if met >= opened:
        return False
    state[CONDITIONS_MET] = met + 1
    return True


def _ambiguous_groups(citation: Any, cites: Sequence[Any]) -> list[list[Any]]:
    """Groups of two or more cites whose first cite prints the same, in the given order."""
    layout = citation.layout
    groups: dict[str, list[Any]] = {}
    for cite in cites:
        # cites that print nothing are alike too (citeproc-js gives them year-suffixes, which
        # then show after a date of the entry)
        key = _first_cite_text(citation, layout, cite) or ""
        groups.setdefault(key, []).append(cite)
    return [group for group in groups.values() if len(group) > 1]


def _first_cite_text(citation: Any, layout: Any, cite: Any) -> str | None:
    """The cite as it would print first, alone, without locator or affixes."""
    saved = citation.cites
    citation.cites = []
    layout.repressed = {}
    state = current()
    state.ambiguity_check = True  # no accessed date (see `date_elements.Date.process`)
    try:
        text = layout.render_children(cite)
    except VariableError:
        text = None
    finally:
        citation.cites = saved
        state.ambiguity_check = False
    return None if text is None else str(text)


def pending_suffix(date_element: Any, item: Any, context: Any) -> str | None:
    """The implicit suffix to print after the next year a cs:date prints, or None (none due,
    the style prints it explicitly, or it was printed already in this cite or entry)."""
    if not current().implicit_year_suffix:
        return None
    # read past the reference's recording: a cs:substitute whose macro tries a date did not
    # use the suffix (it was suppressed for the entry: no "2024a" after the accessed date)
    reference = getattr(item, "reference", None)
    suffix = dict.get(reference, "year_suffix") if isinstance(reference, dict) else None
    if suffix is None:
        return None
    layout = _layout_of(date_element, context)
    if layout is None or layout.repressed.get(PRINTED):
        return None
    return str(suffix)


def mark_suffix_printed(date_element: Any, context: Any) -> None:
    """The implicit suffix was printed: none after later dates of this cite or entry."""
    layout = _layout_of(date_element, context)
    if layout is not None:
        layout.repressed[PRINTED] = True


def _layout_of(date_element: Any, context: Any) -> Any:
    try:
        return (context if context is not None else date_element).get_layout()
    except IndexError:
        return None
