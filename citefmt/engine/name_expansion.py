"""givenname-disambiguation-rule "all-names", "all-names-with-initials", "primary-name" and
"primary-name-with-initials" (CSL 1.0.2, Disambiguation, step 3).

Gap: citeproc-py (and citefmt until now) read every rule as "by-cite": given names were added
only to cites that print alike, to every name of the cite. With the other rules, disambiguation
also tells *names* apart, across all cites: a name printed like the name of a different person
somewhere in the citations ("Bronchitis" for Bosworth and for Beauregarde Bronchitis) is
expanded in every cite, whether that cite is ambiguous or not, and only as far as needed:
to initials when the style initialises and the initials differ ("C. Cold" / "O. Cold"), else
to the full given name ("Bosworth Bronchitis"); the "-with-initials" rules stop at initials
(a name they cannot tell apart stays as it is); the "primary-name" rules look only at the
first name of each cite. A name expansion applies to that person wherever the citations print
it (`Name.process` renders each name with its own form then).

Each person is (family, given, particles, suffix); its printed forms are compared as CSL
describes them: the family name with its non-dropping particle (short form), initials with
the family name (long form with `initialize-with`), and the full name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

#: a person as disambiguation sees it
PersonKey = tuple[str, str, str, str, str]

#: levels of `RenderContext.name_levels`: 1 the long form (initials if the style initialises),
#: 2 the long form with full given names
INITIALS, FULL = 1, 2


def person_key(name: Any) -> PersonKey | None:
    """The person a name stands for; None for a literal (institutional) name."""
    if not isinstance(name, dict) or dict.get(name, "literal") is not None:
        return None
    # "J. J." and "J.J." are one person written two ways (disambiguate_DifferentSpacingInInitials)
    return tuple(_SPACING.sub(" ", str(dict.get(name, part) or "")).strip()  # type: ignore
                 for part in ("family", "given", "non-dropping-particle", "dropping-particle",
                              "suffix"))


_SPACING = re.compile(r"[\s.]+")


def _initials(given: str) -> str:
    return "".join(word[0] for part in given.split() for word in part.split("-") if word)


def _form(person: PersonKey, level: int, short: bool, initialises: bool) -> tuple[str, ...]:
    family, given, particle, _dropping, _suffix = person
    if level == 0 and short:
        return (particle, family)
    if level < FULL and initialises:
        return (_initials(given), particle, family)
    return (given, particle, family)


def name_levels(citation: Any, cites: Sequence[Any], rule: str,
                shown_counts: dict[Any, int] | None = None) -> dict[PersonKey, int]:
    """The persons whose printed name is ambiguous under `rule`, each with the level that
    tells it from the others (empty for "by-cite"). `shown_counts`: the names a cite shows
    where disambiguate-add-names shows more than et-al truncation (cite key → count)."""
    if rule == "by-cite" or rule not in (
            "all-names", "all-names-with-initials", "primary-name",
            "primary-name-with-initials"):
        return {}
    name = citation.xpath_search(".//cs:names/cs:name")
    options = _name_options(citation, name[0] if name else None)
    short = options["form"] == "short"
    initialises = options["initialize-with"] is not None
    steps: tuple[int, ...]
    if rule.endswith("-with-initials"):
        if not initialises:
            return {}
        steps = (INITIALS,) if short else ()
    else:
        steps = (INITIALS, FULL) if short and initialises else (FULL,)
    if not steps:
        return {}
    shown = _shown_persons(citation, cites, options, rule.startswith("primary-name"),
                           shown_counts or {})
    levels: dict[PersonKey, int] = {}
    for person in shown:
        rivals = [other for other in shown if other != person
                  and _form(other, 0, short, initialises) == _form(person, 0, short, initialises)]
        if not rivals:
            continue
        for level in steps:
            mine = _form(person, level, short, initialises)
            if all(_form(other, level, short, initialises) != mine for other in rivals):
                levels[person] = level
                break
    return levels


def _name_options(citation: Any, name: Any) -> dict[str, Any]:
    """The citation's cs:name options that decide what is shown (inherited name options
    included)."""
    root = citation.get_root()
    found: dict[str, Any] = {}
    for option, default in (("form", "long"), ("initialize-with", None), ("et-al-min", None),
                            ("et-al-use-first", None)):
        value = next((element.get(option) for element in (name, citation, root)
                      if element is not None and element.get(option) is not None), default)
        found[option] = value
    return found


def _shown_persons(citation: Any, cites: Sequence[Any], options: dict[str, Any],
                   primary_only: bool, shown_counts: dict[Any, int]) -> list[PersonKey]:
    """The distinct persons the cites show in their first name variable (after et-al
    truncation), or only the first of each with `primary_only`."""
    variables = [variable for names in citation.xpath_search(".//cs:names")
                 for variable in (names.get("variable") or "").split()]
    et_al_min = int(options["et-al-min"]) if options["et-al-min"] else 0
    use_first = int(options["et-al-use-first"]) if options["et-al-use-first"] else 0
    persons: list[PersonKey] = []
    for cite in cites:
        reference = cite.reference
        names = next((dict.get(reference, v.replace("-", "_")) for v in variables
                      if dict.get(reference, v.replace("-", "_"))), None)
        if not names:
            continue
        names = list(names)
        if et_al_min and use_first and len(names) >= et_al_min:
            names = names[:max(use_first, shown_counts.get(cite.key, 0))]
        if primary_only:
            names = names[:1]
        for name in names:
            key = person_key(name)
            if key is not None and key not in persons:
                persons.append(key)
    return persons


def cite_name_levels(citation: Any, cites: Sequence[Any],
                     shown: dict[Any, int]) -> dict[tuple[Any, PersonKey], int]:
    """disambiguate-add-names with -add-givenname, by cite: for cites still alike once
    `shown[cite.key]` names are shown, each shown name printed like a different person's name
    at the same place in another of these cites is expanded as far as tells them apart
    (initials, else the full given name): "A. Asthma, Brandon Bronchitis, et al." beside "A.
    Asthma, Biff Bronchitis, et al." (CSL test suite
    disambiguate_ByCiteMinimalGivennameExpandMinimalNames). Keyed by (cite key, person)."""
    name = citation.xpath_search(".//cs:names/cs:name")
    options = _name_options(citation, name[0] if name else None)
    short = options["form"] == "short"
    initialises = options["initialize-with"] is not None
    steps = (INITIALS, FULL) if short and initialises else (FULL,)
    variables = [variable for names in citation.xpath_search(".//cs:names")
                 for variable in (names.get("variable") or "").split()]
    persons = {cite.key: _persons_of(cite, variables)[:shown.get(cite.key, 1)] for cite in cites}
    levels: dict[tuple[Any, PersonKey], int] = {}
    for cite in cites:
        for index, person in enumerate(persons[cite.key]):
            rivals = [others[index] for key, others in persons.items()
                      if key != cite.key and index < len(others) and others[index] != person
                      and _form(others[index], 0, short, initialises)
                      == _form(person, 0, short, initialises)]
            if not rivals:
                continue
            for level in steps:
                mine = _form(person, level, short, initialises)
                if all(_form(other, level, short, initialises) != mine for other in rivals):
                    levels[(cite.key, person)] = level
                    break
    return levels


def _persons_of(cite: Any, variables: list[str]) -> list[PersonKey]:
    reference = cite.reference
    names = next((dict.get(reference, v.replace("-", "_")) for v in variables
                  if dict.get(reference, v.replace("-", "_"))), None) or []
    return [key for key in (person_key(name) for name in names) if key is not None]
