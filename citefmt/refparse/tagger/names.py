"""Split an author (or editor) statement into CSL name objects.

Reference lists write names in five shapes: "Smith AB" (Vancouver), "Smith, A. B." (APA, with the
comma between family and given), "A. B. Smith" (IEEE, GOST after "/"), "Smith, John, and Jane Doe"
(Chicago) and "SMITH, John; DOE, Jane" (ABNT). The splitter decides per name from where the
initials stand, and treats a bare single word followed by a given-names-only part as one inverted
name.
"""

from __future__ import annotations

import re

_UPPER = "A-ZА-ЯЁÀ-ÖØ-ÞĀ-Ž"
_INITIAL = re.compile(rf"^(?:[{_UPPER}][a-zа-яё]?\.?[-‐]?){{1,4}}$")
_RUN_TOGETHER = re.compile(rf"^[{_UPPER}]{{1,3}}$")
_PARTICLES = frozenset({
    "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "ten", "ter",
    "dos", "das", "do", "bin", "al", "el", "y", "zu", "vander", "st.",
})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd", "4th"})
_ROLE_WORDS = re.compile(
    r"""\(\s*(?:eds?|editors?|hrsg|comps?|trans|coords?|orgs?)\.?\s*\)
      | \b(?:eds?|editors?|edited\s+by|hrsg|comp|trans|transl|translated\s+by)\b\.?
      | \bпод\s+(?:общ\.\s*|общей\s+)?ред(?:\.|акцией)?
      | \b(?:отв|науч|сост|пер|ред)\.(?=\s|$)
      | \bсостав\.
      | \[?\bи\s+др\.\]?
      | \[?\bet\s+al\b\.?\]?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LEADING_IN = re.compile(r"^\s*(?:in|в|//)\s*:?\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:;|\s&\s|&|,?\s+and\s+|,?\s+и\s+|,?\s+und\s+|,?\s+et\s+|,?\s+y\s+)\s*")
_EDGE_PUNCT = " \t,.;:/–—-()[]"
_PART_PUNCT = " \t,;:/–—-()[]"


def split_names(statement: str) -> list[dict[str, str]]:
    """CSL name objects for every person in `statement`, in order."""
    text = _LEADING_IN.sub("", statement)
    text = _ROLE_WORDS.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(_PART_PUNCT)
    if not text:
        return []
    names: list[dict[str, str]] = []
    for group in _SEPARATORS.split(text):
        names.extend(_split_comma_list(group.strip(_PART_PUNCT)))
    return names


def _split_comma_list(group: str) -> list[dict[str, str]]:
    parts = [p.strip(_PART_PUNCT) for p in re.split(r",(?!\s*(?:jr|sr)\b)", group,
                                                            flags=re.IGNORECASE)]
    parts = [p for p in parts if p]
    names: list[dict[str, str]] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is not None and _is_bare_family(part) and _is_given_only(following):
            names.append(_name(part, following))
            index += 2
            continue
        if following is not None and _is_bare_family(part) and len(parts) == 2 \
                and _is_bare_given_words(following):
            names.append(_name(part, following))
            index += 2
            continue
        names.append(_split_single(part))
        index += 1
    return [n for n in names if n]


def _split_single(part: str) -> dict[str, str]:
    words = part.replace(".", ". ").split()
    words = [w for w in words if w.lower() not in _SUFFIXES]
    if not words:
        return {}
    if len(words) == 1:
        return {"family": words[0]}
    leading = 0
    while leading < len(words) - 1 and _is_initial_word(words[leading]):
        leading += 1
    trailing = 0
    while trailing < len(words) - 1 and _is_initial_word(words[len(words) - 1 - trailing]):
        trailing += 1
    if leading and leading >= trailing:
        return _name(" ".join(words[leading:]), " ".join(words[:leading]))
    if trailing:
        return _name(" ".join(words[:-trailing]), " ".join(words[-trailing:]))
    family_start = len(words) - 1
    while family_start > 0 and words[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    return _name(" ".join(words[family_start:]), " ".join(words[:family_start]))


def _name(family: str, given: str) -> dict[str, str]:
    family = family.strip(_EDGE_PUNCT)
    given = re.sub(r"\s+", " ", given.replace(". ", ".").replace(".", ". ")).strip(" ,;")
    name = {"family": family}
    if given:
        name["given"] = given
    return name


def _is_initial_word(word: str) -> bool:
    core = word.strip(",;")
    return bool(_INITIAL.match(core)) and (core.endswith(".") or bool(_RUN_TOGETHER.match(core))
                                           or len(core) == 1)


def _is_given_only(part: str) -> bool:
    words = part.replace(".", ". ").split()
    if not words:
        return False
    if all(_is_initial_word(w) for w in words):
        return True
    # "Nicholson B." or "John Paul": given names, optionally ending in initials
    return len(words) <= 3 and _is_bare_given_words(words[0].rstrip(".")) and all(
        _is_initial_word(w) for w in words[1:])


def _is_bare_given_words(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 3 and all(re.match(rf"^[{_UPPER}][^\W\d_]+$", w) for w in words)


def _is_bare_family(part: str) -> bool:
    words = part.split()
    if not words or any(_is_initial_word(w) for w in words):
        return False
    *particles, last = words
    return (all(p.lower() in _PARTICLES for p in particles)
            and bool(re.match(r"^[^\W\d_][^\W\d_'’`-]*(?:[-'’][^\W\d_]+)*$", last)))

