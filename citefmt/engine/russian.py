"""Russian grammar the GOST styles need and CSL cannot express: the genitive case.

- Names after a role word: GOST R 7.0.5-2008 / 7.0.100-2018 write "под ред. А. Б. Иванова",
  "пер. с англ. И. Н. Веселовского" — the genitive of the name, never what the data holds
  (the nominative "Иванов"). A style asks for it with the citefmt extension attribute
  `name-case="genitive"` on cs:name (styles/README.md); Cyrillic names are then declined with
  pytrovich, the Python port of the petrovich rules for Russian anthroponyms (surname, first
  name, patronymic; gender from the first name or patronymic, else from the surname).
  Latin-script names are never touched. A surname already in the genitive of the adjectival
  declension ("-ского", "-ого", "-его": no Russian surname ends so in the nominative, and the
  few that do — "Живаго", "Дурново" — are indeclinable) is left as it is.
- Month names in a date with a day: "12–13 мая 2021 г.", "2012. 6 июня" — the locale's month
  term (nominative "май") is put in the genitive with pymorphy3, Russian's morphological
  dictionary. A month without a day stays nominative ("май 2021").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_INITIAL = re.compile(r"^[\w\u0400-\u04ff]{1,2}\.$|^[\w\u0400-\u04ff]$")
_ALREADY_GENITIVE = ("ого", "его")

#: values of cs:name's `name-case` that the engine understands
NAME_CASES = frozenset({"genitive"})


@cache
def _petrovich() -> tuple[Any, Any]:
    """pytrovich's declension maker and gender detector (their rule tables load once)."""
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker(), PetrovichGenderDetector()


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@lru_cache(maxsize=8192)
def genitive_name(family: str, given: str = "") -> tuple[str, str]:
    """(family, given) of a Russian personal name in the genitive case; initials stay as they
    are. Names in another script are returned unchanged."""
    if not is_cyrillic(family) or family.lower().endswith(_ALREADY_GENITIVE):
        return family, given
    from pytrovich.enums import Case, Gender, NamePart

    maker, detector = _petrovich()
    words = given.split()
    first = words[0] if words and not _INITIAL.match(words[0]) else None
    middle = words[1] if len(words) > 1 and not _INITIAL.match(words[1]) else None
    gender = detector.detect(firstname=first, middlename=middle, lastname=family)
    known = gender is not Gender.ANDROGYNOUS and (first is not None or middle is not None)

    def decline(part: Any, word: str) -> str:
        try:
            return str(maker.make(part, gender, Case.GENITIVE, word, known_gender=known))
        except (KeyError, ValueError, IndexError):  # a word the rules cannot place
            return word

    declined_given = [decline(NamePart.FIRSTNAME, w) if w == first else
                      decline(NamePart.MIDDLENAME, w) if w == middle else w for w in words]
    return decline(NamePart.LASTNAME, family), " ".join(declined_given)


def decline_name(name: Any, case: str) -> Any:
    """A copy of a citeproc-py name in `case` (only "genitive"), or the name itself when there
    is nothing to decline (literal or non-Cyrillic names)."""
    if case not in NAME_CASES or name.get("literal") or not name.get("family"):
        return name
    family, given = str(name["family"]), str(name.get("given") or "")
    declined_family, declined_given = genitive_name(family, given)
    if (declined_family, declined_given) == (family, given):
        return name
    copy = type(name)(**dict(name))
    copy["family"] = declined_family
    if given:
        copy["given"] = declined_given
    return copy


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def genitive_month(term: str) -> str:
    """The genitive of a Russian month name ("май" → "мая", "Январь" → "Января"); any other
    text (another language's term, an abbreviation such as "янв.") unchanged."""
    word = term.strip()
    if not word.isalpha() or not is_cyrillic(word):
        return term
    parses = [p for p in _morph().parse(word.lower())
              if p.is_known and "NOUN" in p.tag and "nomn" in p.tag]
    if not parses:
        return term
    inflected = parses[0].inflect({"gent"})
    if inflected is None:
        return term
    result = str(inflected.word)
    return result[0].upper() + result[1:] if word[0].isupper() else result
