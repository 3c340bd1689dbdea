"""Ordinal suffixes and long ordinals as CSL 1.0.2 defines them ("Ordinal Suffixes",
"Gender-specific Ordinals").

Gap: citeproc-py picked an ordinal term by name alone, so a gendered ordinal
(`<term name="ordinal-01" gender-form="masculine">`) was the first or last definition
whatever the gender of the numbered variable ("2.ºº edition" where the feminine "edition"
takes "2.ª"), and it mixed the ordinal terms of a style's `cs:locale` with those of the locale
file. Here:

- the ordinal terms come as one set from the first locale of the chain that defines any
  (CSL 1.0.2: a style's ordinal terms replace the locale file's whole set), in the rendering
  language first;
- a number's gender is the `gender` of the term of the variable it numbers ("edition",
  "issue"; a day takes its month's); an ordinal term with that `gender-form` wins, else the
  one without `gender-form` (the neuter);
- `ordinal-10`…`ordinal-99` match the last two digits and take priority over
  `ordinal-00`…`ordinal-09` (last digit), `match="whole-number"` matches only the whole
  number, and "ordinal" is the fallback (a set of `ordinal-01`…`-04` without "ordinal" is
  read in CSL 1.0's way: 04 for every number not ending in 1-3 or ending in 11-13);
  `long-ordinal-01`…`-10` name one number each, with the ordinal suffix above ten.
"""

from __future__ import annotations

from typing import Any

_CSL = "{http://purl.org/net/xbiblio/csl}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _terms(locale: Any) -> list[Any]:
    terms = locale.find(f"{_CSL}terms")
    return [] if terms is None else [t for t in terms if t.tag == f"{_CSL}term"]


def _is_ordinal(name: str, long: bool) -> bool:
    return name.startswith("long-ordinal") if long else (
        name == "ordinal" or name.startswith("ordinal-"))


def _ordinal_set(chain: list[Any], language: str, long: bool) -> list[Any]:
    """The ordinal terms of the first locale that defines any, own language first."""
    for own_language_only in (True, False):
        for locale in chain:
            lang = locale.get(_XML_LANG)
            if own_language_only and lang and lang.split("-")[0].lower() != language:
                continue
            found = [t for t in _terms(locale) if _is_ordinal(t.get("name") or "", long)]
            if found:
                return found
    return []


def term_gender(chain: list[Any], name: str, language: str) -> str | None:
    """The `gender` of the term `name` (its long form), own language first; None if no
    locale gives one."""
    for own_language_only in (True, False):
        for locale in chain:
            lang = locale.get(_XML_LANG)
            if own_language_only and lang and lang.split("-")[0].lower() != language:
                continue
            for term in _terms(locale):
                if (term.get("name") == name and term.get("form") in (None, "long")
                        and term.get("gender")):
                    return str(term.get("gender"))
    return None


def _matches(term: Any, number: int) -> bool:
    name = term.get("name") or ""
    suffix = name.rsplit("-", 1)[-1]
    if not suffix.isdigit():
        return False
    target = int(suffix)
    match = term.get("match") or ("last-two-digits" if target >= 10 else "last-digit")
    if match == "whole-number":
        return number == target
    if match == "last-two-digits":
        return number % 100 == target
    return number % 10 == target


def _pick(candidates: list[Any], gender: str | None) -> Any:
    """The candidate of `gender`, else the neuter one; None when neither is there."""
    if gender:
        for term in reversed(candidates):
            if term.get("gender-form") == gender:
                return term
    for term in reversed(candidates):
        if not term.get("gender-form"):
            return term
    return None


def ordinal_term(chain: list[Any], language: str, number: int, gender: str | None,
                 long: bool = False) -> Any:
    """The cs:term for `number`'s ordinal suffix (or long ordinal), None if none fits."""
    terms = _ordinal_set(chain, language, long)
    prefix = "long-ordinal-" if long else "ordinal-"
    numbered = [(int(name[len(prefix):]), t) for t in terms
                if (name := t.get("name") or "").startswith(prefix)
                and name[len(prefix):].isdigit()]
    if long:  # long ordinals name one number each ("first" … "tenth")
        return _pick([t for target, t in numbered if target == number], gender)
    if not any(t.get("name") == "ordinal" for t in terms) and {1, 2, 3, 4} <= {
            target for target, _ in numbered}:
        # CSL 1.0's scheme, kept for sets of ordinal-01 … -04 without "ordinal": 01-03 for
        # numbers ending in 1-3 (not 11-13), 04 for all others
        last = number % 10 if number % 100 not in (11, 12, 13) else 0
        wanted = last if last in (1, 2, 3) else 4
        return _pick([t for target, t in numbered if target == wanted], gender)
    two_digit = [t for target, t in numbered if target >= 10 and _matches(t, number)]
    one_digit = [t for target, t in numbered if target < 10 and _matches(t, number)]
    for candidates in (two_digit, one_digit):
        found = _pick(candidates, gender)
        if found is not None:
            return found
    return _pick([t for t in terms if t.get("name") == "ordinal"], gender)


def ordinal_text(state: Any, number: int, variable_term: str, long: bool = False) -> str | None:
    """The ordinal suffix (or long ordinal) for `number` numbering the term
    `variable_term` ("edition", "month-01") in the locale chain `state`
    (`context.LocaleState`), as printed text; None if no term fits. Kept in the chain's
    term cache: a bibliography prints a few distinct ordinals many times."""
    key = ("citefmt:ordinal", number, variable_term, long)
    if key in state.terms:
        return state.terms[key]
    language = state.code.split("-")[0].lower()
    gender = term_gender(state.chain, variable_term, language)
    term = ordinal_term(state.chain, language, number, gender, long=long)
    text = None if term is None else str(term.single)
    state.terms[key] = text
    return text
