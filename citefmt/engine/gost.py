"""Derived variables for the GOST styles: what CSL cannot compute from a value itself.

CSL prints a variable as it is, or its `-short` variant when a style asks for `form="short"`
and the item has one (CSL 1.0.2, "Text"). The engine derives two short forms before
rendering, so the styles stay plain CSL (no string is edited after rendering):

- `publisher-place-short`, `event-place-short`: the places GOST R 7.0.12-2011 lets a reference
  abbreviate (Москва → "М.", Санкт-Петербург → "СПб.", Ленинград → "Л.", Нижний Новгород →
  "Н. Новгород", Ростов-на-Дону → "Ростов н/Д"; 7.0.12, its list "Сокращение
  названий городов"); other places are left as they are. Several places ("Москва ;
  Ленинград") are abbreviated one by one. GOST R 7.0.5-2008 uses the short form;
  7.0.100-2018 writes places in full (rules file §2) and prints the variable as given.
- `original-language` and `original-language-short`: the language a work was translated from
  (the citefmt extension variable `original-language`, BibLaTeX's `origlanguage`; a code or
  name in the data), as the translation statement prints it — for a Russian item the
  adjective in the genitive, in full ("перевод с английского", 7.0.100-2018) and as GOST R
  7.0.12-2011 abbreviates it ("пер. с англ.", 7.0.5-2008); for any other item the English
  language name ("transl. from German"). The variable is only ever printed in that
  statement, so its printed form replaces the code (the item itself is not changed).

A short variant the item already has is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from citefmt.language import declared_language, item_language

#: GOST R 7.0.12-2011 (clause number not verified): the five cities a reference writes abbreviated
PLACE_ABBREVIATIONS: dict[str, str] = {
    "москва": "М.", "санкт-петербург": "СПб.", "ленинград": "Л.",
    "нижний новгород": "Н. Новгород", "ростов-на-дону": "Ростов н/Д",
    # the country of a patent (GOST R 7.0.12-2011 "российский" → "рос."; GOST R 7.0.5-2008
    # patent descriptions: "пат. 2187888 Рос. Федерация")
    "российская федерация": "Рос. Федерация",
}

#: GOST R 7.0.12-2011 abbreviations of language adjectives after "пер. с"
TRANSLATED_FROM_RU: dict[str, str] = {
    "en": "англ.", "de": "нем.", "fr": "фр.", "it": "итал.", "es": "исп.", "la": "лат.",
    "el": "греч.", "pl": "пол.", "cs": "чеш.", "uk": "укр.", "be": "белорус.", "zh": "кит.",
    "ja": "яп.", "sv": "швед.", "nl": "нидерл.", "pt": "порт.", "fi": "фин.", "bg": "болг.",
    "sr": "серб.", "tr": "тур.", "kk": "каз.", "ru": "рус.", "da": "дат.", "no": "норв.",
    "hu": "венг.", "ar": "араб.", "he": "иврита", "grc": "древнегреч.",
}

#: the same adjectives in full, genitive ("перевод с английского", GOST R 7.0.100-2018 style)
TRANSLATED_FROM_RU_FULL: dict[str, str] = {
    "en": "английского", "de": "немецкого", "fr": "французского", "it": "итальянского",
    "es": "испанского", "la": "латинского", "el": "греческого", "pl": "польского",
    "cs": "чешского", "uk": "украинского", "be": "белорусского", "zh": "китайского",
    "ja": "японского", "sv": "шведского", "nl": "нидерландского", "pt": "португальского",
    "fi": "финского", "bg": "болгарского", "sr": "сербского", "tr": "турецкого",
    "kk": "казахского", "ru": "русского", "da": "датского", "no": "норвежского",
    "hu": "венгерского", "ar": "арабского", "he": "иврита", "grc": "древнегреческого",
}

#: English names for "transl. from …" in a non-Russian item
LANGUAGE_NAMES_EN: dict[str, str] = {
    "en": "English", "de": "German", "fr": "French", "it": "Italian", "es": "Spanish",
    "la": "Latin", "el": "Greek", "pl": "Polish", "cs": "Czech", "uk": "Ukrainian",
    "be": "Belarusian", "zh": "Chinese", "ja": "Japanese", "sv": "Swedish", "nl": "Dutch",
    "pt": "Portuguese", "fi": "Finnish", "bg": "Bulgarian", "sr": "Serbian", "tr": "Turkish",
    "kk": "Kazakh", "ru": "Russian", "da": "Danish", "no": "Norwegian", "hu": "Hungarian",
    "ar": "Arabic", "he": "Hebrew", "grc": "Ancient Greek",
}

_PLACE_SEPARATOR = re.compile(r"\s*;\s*")

#: name variables the bundled styles read beyond citeproc-py's list (CSL 1.0.2 and extensions)
EXTENSION_NAME_VARIABLES = ("compiler", "geneditor", "commentator", "annotator", "foreword",
                            "afterword", "introduction", "container-translator")


def abbreviated_place(place: str) -> str:
    """`place` with each of its places abbreviated as GOST R 7.0.12 allows ("Москва ;
    Ленинград" → "М. ; Л."); unknown places unchanged."""
    parts = _PLACE_SEPARATOR.split(place.strip())
    return " ; ".join(PLACE_ABBREVIATIONS.get(p.lower().replace("ё", "е"), p) for p in parts)


#: several original languages in one value: BibLaTeX's list "latin and french", or commas
_LANGUAGE_LIST = re.compile(r"\s+and\s+|\s*,\s*")


def translated_from(original: Any, item_lang: str) -> tuple[str, str] | None:
    """(full, short) name of the language in a translation statement, in the item's own
    language: ("английского", "англ.") for a Russian item, ("German", "German") otherwise.
    Several languages ("latin and french") are joined by the item's "and": "пер. с лат. и фр."
    (GOST 7.1-2003 practice, e.g. biblatex-gost's "пер. с лат. и фр."); None when one of them
    is not known."""
    codes = [declared_language(part) for part in _LANGUAGE_LIST.split(str(original).strip())]
    if not codes or None in codes:
        return None
    if item_lang == "ru":
        fulls = [TRANSLATED_FROM_RU_FULL.get(str(code)) for code in codes]
        shorts = [TRANSLATED_FROM_RU.get(str(code)) for code in codes]
        if None in fulls or None in shorts:
            return None
        return _listed([str(f) for f in fulls], "и"), _listed([str(s) for s in shorts], "и")
    names = [LANGUAGE_NAMES_EN.get(str(code)) for code in codes]
    if None in names:
        return None
    joined = _listed([str(n) for n in names], "and")
    return joined, joined


def _listed(words: list[str], conjunction: str) -> str:
    """"a", "a и b", "a, b и c"."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def extension_problems(item: Mapping[str, Any]) -> list[str]:
    """Why an extension name variable of `item` cannot be printed (it must be a CSL name list,
    like `author`); the entry is still rendered without it."""
    problems = []
    for variable in EXTENSION_NAME_VARIABLES:
        value = item.get(variable)
        if value in (None, "", []):
            continue
        if not isinstance(value, list) or not all(isinstance(n, dict) for n in value):
            problems.append(f"{variable!r} is not a list of CSL names; not printed")
    return problems


#: a volume designation that starts with its number (arabic or roman): the style adds "Т."
_NUMBERED_VOLUME = re.compile(r"^(?:\d|[IVXLCDM]+(?![\w]))")


def volume_as_given(volume: Any) -> str | None:
    """`volume` when it carries its own designation ("№ 9", "Т. 3 (1)", "Лекции 1–15", "Ч. 2"),
    which GOST 7.1-2003 / R 7.0.100-2018 reproduce as the source gives them; None for a bare
    number ("3", "II"), to which the style adds the term "Т." / "Vol."."""
    text = str(volume).strip() if volume not in (None, "") else ""
    return text if text and not _NUMBERED_VOLUME.match(text) else None


#: a total page count that already ends with its unit ("XIX, 297 с.", "xv, 628 p.")
_PAGES_WITH_UNIT = re.compile(r"(?<=[\dIVXLCDMivxlcdm\]])\s*(?:с|c|p|pp|S|s)\.\s*$")


#: a unit inside a page count ("334 с., 4 л. ил."): the count is printed as given
_UNIT_INSIDE = re.compile(r"[\d\]]\s*(?:с|c|p|pp|S|s|л|l)\.(?=[\s,;:]|$)")


def pages_as_given(pages: Any) -> str | None:
    """`number-of-pages` when it states its units itself ("334 с., 4 л. ил."): the style
    prints it without adding "с."; None otherwise."""
    if not isinstance(pages, str):
        return None
    bare = pages_without_unit(pages) or pages
    return pages if _UNIT_INSIDE.search(bare) else None


def pages_without_unit(pages: Any) -> str | None:
    """`number-of-pages` without the unit the data repeats ("LXIV, 247 с." → "LXIV, 247"),
    which the style adds in the source's language ("с." / "p."); None when there is none."""
    if not isinstance(pages, str):
        return None
    bare = _PAGES_WITH_UNIT.sub("", pages)
    return bare if bare != pages and bare else None


#: a patent's holder given with its role words ("заявитель и патентообладатель Воронеж.
#: науч.-исслед. ин-т связи", biblatex-gost's `holder`): printed as given
_HOLDER_ROLE = re.compile(r"^(?:заявител|патентообладател|патентовладел|владел|правообладател"
                          r"|applicant|assignee|holder)", re.IGNORECASE)

#: a given name written out ("Михаил Андреевич"), not as initials ("М. А.", "М.А.")
_FULL_GIVEN_NAME = re.compile(r"\w{2,}(?![\w.])")


def publisher_as_given(item: Mapping[str, Any]) -> str | None:
    """A patent's `publisher` (its applicant/holder) that states its role itself: the style
    then prints it as given instead of adding "заявитель и патентообладатель"."""
    publisher = item.get("publisher")
    if item.get("type") == "patent" and isinstance(publisher, str) \
            and _HOLDER_ROLE.match(publisher.strip()):
        return publisher.strip()
    return None


def dissertant(item: Mapping[str, Any]) -> list[dict[str, str]] | None:
    """The author of a Russian thesis whose given names the data writes out: GOST repeats the
    dissertant's full name (surname, name, patronymic) after "/" (GOST R 7.0.100-2018 and
    7.1-2003 examples: "… : 08.00.13 / Вишняков Илья Владимирович"); with initials only it
    would repeat the heading, and is left out (GOST R 7.0.5-2008 example "Белозеров И. В. … :
    дис. … канд. ист. наук. М., 2002"), as it is for a thesis in another language."""
    authors = item.get("author")
    if item.get("type") != "thesis" or not isinstance(authors, list) or len(authors) != 1 \
            or item_language(item) != "ru":
        return None
    author = authors[0]
    if not isinstance(author, dict) or not author.get("family") or not isinstance(
            author.get("given"), str) or not _FULL_GIVEN_NAME.search(author["given"]):
        return None
    return [{k: str(author[k]) for k in ("family", "given") if author.get(k)}]


def derived_variables(item: Mapping[str, Any]) -> dict[str, Any]:
    """The `-short` variables the GOST styles print with `form="short"`, and
    `volume-as-given` (a volume that names its own designation), `number-of-pages`
    without a unit the data repeats at its end, or `number-of-pages-as-given` when it
    states its units inside, a patent's `publisher-as-given`, a thesis's `dissertant`,
    for `item`."""
    derived: dict[str, Any] = {}
    holder = publisher_as_given(item)
    if holder:
        derived["publisher-as-given"] = holder
    person = dissertant(item)
    if person and "dissertant" not in item:
        derived["dissertant"] = person
    for variable in ("publisher-place", "event-place"):
        value = item.get(variable)
        if isinstance(value, str) and value and f"{variable}-short" not in item:
            short = abbreviated_place(value)
            if short != value:
                derived[f"{variable}-short"] = short
    pages = item.get("number-of-pages")
    given, bare = pages_as_given(pages), pages_without_unit(pages)
    if given:
        derived["number-of-pages-as-given"] = given
    elif bare:
        derived["number-of-pages"] = bare
    for variable in ("volume", "issue"):
        designated = volume_as_given(item.get(variable))
        if designated:
            derived[f"{variable}-as-given"] = designated
    for variable in ("original-language", "container-original-language"):
        original = item.get(variable)
        named = translated_from(original, item_language(item)) if original else None
        if named:
            derived[variable] = named[0]
            derived.setdefault(f"{variable}-short", str(item.get(f"{variable}-short")
                                                          or named[1]))
    return derived
