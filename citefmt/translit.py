"""The Latin-script "References" list of Russian journals, as an item transform before the engine.

Russian journals indexed in Scopus/WoS print each reference list twice; in the second list
("References") a Cyrillic source is transliterated, its English title (when it has one) follows
in square brackets, the journal is transliterated or given its official English name, and a
language note "(In Russ.)" closes the entry. This module turns items into such items:

    items → references_items(items, scheme="bsi") → engine with styles/vancouver-references-en.csl

Nothing here edits rendered text: the engine renders the transformed items as any others.

Transliteration is iuliia's (the schemes are iuliia data run by iuliia's own engine,
`iuliia.schema.TranslitSchema`). Russian journals' author guidelines mostly ask for the "BSI"
scheme of translit.net; iuliia's `bs_2979_alt` is the same table *plus* an ending rule
(-ий/-ый → -y) that translit.net does not apply ("Марий" → "Marii", "региональной" →
"regional'noi"), so `bsi` is iuliia's `bs_2979_alt` mapping without that rule. `bgn` is
translit.net's "BGN" (й → y, otherwise as BSI). Every iuliia scheme name (`bgn_pcgn`,
`ala_lc_alt`, `gost_779_alt`, `icao_doc_9303`, …) can be chosen too. Ukrainian, Belarusian,
Bulgarian and Kazakh sources always use their own national scheme (iuliia has Russian only;
the tables below are iuliia schema data, each naming its source).

Where the English title and journal name come from (first found wins):
- the Juris-M / citeproc-js multilingual fields of a CSL-JSON item:
  `"multi": {"_keys": {"title": {"en": "…"}, "container-title": {"en": "…"}}}` (JATS
  `trans-title` / `trans-source` are read into the same place); a given transliteration
  `"_keys": {"title": {"ru-Latn": "…"}}` beats citefmt's own;
- without them the title is just transliterated, the journal transliterated.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from citefmt.errors import UsageError
from citefmt.language import primary_subtag
from citefmt.model import NAME_VARIABLES, Item, is_et_al

DEFAULT_SCHEME = "bsi"

#: the bundled style that renders transformed items (Vancouver with the language note)
REFERENCES_STYLE = "vancouver-references-en"

#: the note that closes the entry of a source in each Cyrillic language
LANGUAGE_NOTES: dict[str, str] = {
    "ru": "(In Russ.)", "uk": "(In Ukr.)", "be": "(In Belarus.)", "bg": "(In Bulg.)",
    "kk": "(In Kazakh)",
}

_RU_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": '"', "ы": "y", "ь": "'", "э": "e", "ю": "yu", "я": "ya",
}

#: Ukrainian: the official national system, Resolution of the Cabinet of Ministers of Ukraine
#: No. 55 of 27 Jan 2010 (the scheme Ukrainian journals' References rules name); є, ї, й, ю, я
#: differ at the start of a word, "зг" is "zgh", the soft sign and apostrophe are dropped
_UK = {
    "name": "uk_kmu_2010",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
        "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
        "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
        "я": "ia", "'": "", "’": "", "ʼ": "",
    },
    "prev_mapping": {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "зг": "gh"},
}

#: Belarusian: BGN/PCGN 1979 without diacritics (г → h, ў → w, і → i; е → ye and ё → yo at the
#: start of a word and after a vowel, ь, ў or the apostrophe; else e and io)
_BE_AFTER = "аеёіоуыэюяўь'’"
_BE = {
    "name": "be_bgn_pcgn",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ё": "io",
        "ж": "zh", "з": "z", "і": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
        "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "w", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ы": "y", "ь": "'", "э": "e", "ю": "yu",
        "я": "ya", "'": '"', "’": '"',
    },
    "prev_mapping": {
        "е": "ye", "ё": "yo",
        **{c + "е": "ye" for c in _BE_AFTER}, **{c + "ё": "yo" for c in _BE_AFTER},
    },
}

#: Bulgarian: the Streamlined System (Transliteration Act 2009): щ → sht, ъ → a, ь → y,
#: and a word-final "ия" → "ia"
_BG = {
    "name": "bg_streamlined",
    "mapping": {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
    },
    "ending_mapping": {"ия": "ia"},
}

#: Kazakh: the Russian letters as BSI (what Kazakh journals' References rules ask, e.g.
#: journal-caa.kisi.kz), the Kazakh letters as BGN/PCGN 1979 without diacritics
_KK = {
    "name": "kk_bsi",
    "mapping": {
        **_RU_LETTERS, "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "h", "і": "i",
    },
}

#: citefmt's scheme names → iuliia schema data; any other name is looked up in iuliia
_OWN_SCHEMES: dict[str, dict[str, Any]] = {
    "bsi": {"name": "bsi", "mapping": _RU_LETTERS},
    "bgn": {"name": "bgn", "mapping": {**_RU_LETTERS, "й": "y"}},
    "uk_kmu_2010": _UK,
    "be_bgn_pcgn": _BE,
    "bg_streamlined": _BG,
    "kk_bsi": _KK,
}

#: each non-Russian Cyrillic language's own scheme
LANGUAGE_SCHEMES: dict[str, str] = {
    "uk": "uk_kmu_2010", "be": "be_bgn_pcgn", "bg": "bg_streamlined", "kk": "kk_bsi",
}

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")

#: places Russian references abbreviate or that have an English name (References give places
#: in English: "Moscow", "St. Petersburg")
PLACES: dict[str, str] = {
    "м.": "Moscow", "москва": "Moscow", "спб.": "St. Petersburg",
    "санкт-петербург": "St. Petersburg", "л.": "Leningrad", "ленинград": "Leningrad",
    "ростов н/д": "Rostov-on-Don", "ростов-на-дону": "Rostov-on-Don",
    "екатеринбург": "Yekaterinburg", "нижний новгород": "Nizhny Novgorod",
    "киев": "Kiev", "київ": "Kyiv", "минск": "Minsk", "мінск": "Minsk",
}


def scheme_names() -> list[str]:
    """Every scheme `--translit` accepts: citefmt's own, then iuliia's."""
    import iuliia

    return [*_OWN_SCHEMES, *iuliia.schemas.names()]


@cache
def transliterator(name: str) -> Callable[[str], str]:
    """The function that transliterates text with scheme `name`; a usage error when unknown."""
    import iuliia
    from iuliia.schema import TranslitSchema

    key = name.strip().lower().replace("-", "_")
    if key in _OWN_SCHEMES:
        schema = TranslitSchema(**_OWN_SCHEMES[key])
    elif iuliia.schemas.has(key):
        schema = iuliia.schemas.get(key)
    else:
        raise UsageError(f"unknown transliteration scheme {name!r} "
                         f"(known: {', '.join(scheme_names())})")
    inner_apostrophe_is_a_letter = key == "uk_kmu_2010"

    def translate(text: str) -> str:
        if inner_apostrophe_is_a_letter:
            # "Знам'янка" → "Znamianka": the apostrophe is dropped, and "я" after it is not at
            # the start of a word (iuliia splits words at the apostrophe)
            text = _INNER_APOSTROPHE.sub("", text)
        shouted = not _LOWER_CYRILLIC.search(text)
        return _CYRILLIC_WORD.sub(
            lambda m: _same_case(m.group(), schema.translate(m.group()), shouted), text)

    return translate


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")
_INNER_APOSTROPHE = re.compile(r"(?<=[\u0400-\u04FF])['’ʼ](?=[\u0400-\u04FF])")


def _same_case(word: str, latin: str, shouted: bool = True) -> str:
    """An all-capitals word stays all capitals ("ЖУРНАЛ ЩИТ" → "ZHURNAL SHCHIT", not
    "ZhURNAL"); a single capital letter keeps iuliia's title case ("Ж." → "Zh.", as References
    write initials), and so does an abbreviation in text that is not all capitals ("Вестник
    НЯЦ РК" → "Vestnik NYaTs RK", "Известия АН СССР. МЖГ" → "… MZhG": the forms the References
    lists of Izvestiya vuzov. Yadernaya Energetika print, bench/translit_real.py; "ЖЭТФ" →
    "ZhETF", "ЦАГИ" → "TsAGI" as those journals write their own names)."""
    if len(word) > 1 and word.isupper() and (shouted or len(word) > _ABBREVIATION):
        return latin.upper()
    return latin


#: the longest all-capitals word in mixed-case text taken for an abbreviation
_ABBREVIATION = 6
_LOWER_CYRILLIC = re.compile(r"[а-яёіїєґўәғқңөұүһ]")


def is_cyrillic(text: str) -> bool:
    """Most letters are Cyrillic (a Latin DOI or abbreviation inside does not change that)."""
    letters = _LETTER.findall(text)
    if not letters:
        return False
    return sum(1 for c in letters if _CYRILLIC.match(c)) * 2 > len(letters)


def cyrillic_language(item: Item) -> str | None:
    """The item's language when it is one written in Cyrillic ("ru", "uk", "be", "bg", "kk"),
    else None. The `language` field decides; without it, the letters only one language has
    (і ї є ґ → uk, ў → be, ә ғ қ ң ө ұ ү һ → kk), else Russian for a Cyrillic title."""
    declared = primary_subtag(str(item.get("language") or ""))
    text = " ".join(str(item.get(k) or "") for k in ("title", "container-title"))
    if declared in LANGUAGE_NOTES:
        return declared
    if declared and declared not in ("", "und"):
        return None
    if not is_cyrillic(text):
        return None
    lowered = text.lower()
    if re.search(r"[әғқңөұүһ]", lowered):
        return "kk"
    if "ў" in lowered:
        return "be"
    if re.search(r"[їєґ]", lowered) or ("і" in lowered and "ы" not in lowered):
        return "uk"
    return "ru"


def references_items(items: Iterable[Item], scheme: str = DEFAULT_SCHEME) -> list[Item]:
    """Every item as the References list gives it: Cyrillic sources transliterated (Russian with
    `scheme`, other languages with their own) with their language note; others unchanged."""
    return [references_item(item, scheme) for item in items]


def references_item(item: Item, scheme: str = DEFAULT_SCHEME, *,
                    english_title_alone: bool = False) -> Item:
    """One item as the References list gives it (a new dict; `item` is not changed).

    `english_title_alone`: the source has an official English title, which the References
    entry gives instead of "transliteration [translation]" (styles-rules.md §4: "If the article
    has an official English title …, cite that instead and keep (In Russ.)")."""
    language = cyrillic_language(item)
    if language is None:
        # the References style prints `note` as the language note: another item's own note
        # (a JATS comment, a BibTeX note) must not appear there
        return item if "note" not in item else {k: v for k, v in item.items() if k != "note"}
    translate = transliterator(LANGUAGE_SCHEMES.get(language, scheme))
    out = copy.deepcopy(item)
    keys = _multi_keys(item)
    for variable in NAME_VARIABLES & out.keys():
        out[variable] = [_name(n, translate) for n in out[variable]]
    english = _english(keys.get("title", {}))
    out["title"] = english if english and english_title_alone else \
        _title(item, keys.get("title", {}), translate)
    if item.get("container-title"):
        out["container-title"] = _english(keys.get("container-title", {})) or \
            _latin(keys.get("container-title", {}), language) or \
            translate(str(item["container-title"]))
        # the style prints the short form when there is one: it would still be Cyrillic
        out.pop("container-title-short", None)
    if item.get("publisher-place"):
        out["publisher-place"] = _place(str(item["publisher-place"]), translate)
    for variable in ("publisher", "collection-title", "event-title", "event", "event-place",
                     "original-title"):
        if isinstance(item.get(variable), str) and _CYRILLIC.search(item[variable]):
            out[variable] = _english(keys.get(variable, {})) or translate(item[variable])
    if out.get("type") == "thesis":
        genre = str(item.get("genre") or "").lower()
        out["genre"] = "dissertation abstract" if "автореф" in genre else "dissertation"
    out["note"] = LANGUAGE_NOTES[language]
    return out


def _multi_keys(item: Item) -> Mapping[str, Mapping[str, str]]:
    """`multi._keys` of a Juris-M/citeproc-js multilingual item ({} when absent or malformed)."""
    multi = item.get("multi")
    keys = multi.get("_keys") if isinstance(multi, dict) else None
    if not isinstance(keys, dict):
        return {}
    return {k: v for k, v in keys.items() if isinstance(v, dict)}


def _english(versions: Mapping[str, str]) -> str | None:
    """The English version among multilingual variants ("en", "en-US", "en-GB")."""
    for tag, text in versions.items():
        if primary_subtag(tag) == "en" and isinstance(text, str) and text.strip():
            return text.strip()
    return None


def _latin(versions: Mapping[str, str], language: str) -> str | None:
    """A transliteration the data gives ("ru-Latn")."""
    text = versions.get(f"{language}-Latn")
    return text.strip() if isinstance(text, str) and text.strip() else None


def _title(item: Item, versions: Mapping[str, str], translate: Callable[[str], str]) -> str:
    """"Translit [English title]", or just the transliteration without an English title.
    GOST's spaced colon before other title information is written as Latin text writes it."""
    title = re.sub(r"\s+:\s+", ": ", str(item.get("title") or ""))
    language = cyrillic_language(item) or "ru"
    latin = _latin(versions, language) or (translate(title) if title else "")
    english = _english(versions)
    if english and latin:
        return f"{latin} [{english}]"
    return latin or english or ""


def _name(name: dict[str, Any], translate: Callable[[str], str]) -> dict[str, Any]:
    """A name with its Cyrillic parts transliterated; a name written in Latin script stays as
    the authors spell it, and the "et al." marker stays."""
    if is_et_al(name):
        return name
    out = dict(name)
    given = name.get("given")
    if isinstance(given, str) and _CYRILLIC.search(given):
        # initials are taken in Cyrillic first, so that "Юрий" gives "Yu" (as "Ю." does), not
        # the "Y" an engine would take from "Yurii"
        out["given"] = cyrillic_initials(given)
        name = {**name, "given": out["given"]}
    for part in ("family", "given", "literal", "suffix", "dropping-particle",
                 "non-dropping-particle"):
        value = name.get(part)
        if isinstance(value, str) and _CYRILLIC.search(value):
            out[part] = translate(value)
    return out


def cyrillic_initials(given: str) -> str:
    """"Юрий Петрович" → "Ю. П.", "Жан-Поль" → "Ж.-П."; initials stay as written ("Ю. И.",
    "Дж.", run-together "ЮИ" → "Ю. И.")."""
    def initial(match: re.Match[str]) -> str:
        word, dot = match.group(1), match.group(2)
        if dot:
            return word + dot
        if word.isupper() and len(word) <= 3:
            return ". ".join(word) + "."
        return word[0] + "."

    return _GIVEN_WORD.sub(initial, given)


_GIVEN_WORD = re.compile(r"([^\W\d_]+)(\.?)")


def _place(place: str, translate: Callable[[str], str]) -> str:
    """"М." → "Moscow"; several places ("М. ; СПб.") each; others transliterated."""
    parts = re.split(r"(\s*;\s*)", place)
    return "".join(PLACES.get(p.strip().lower(), translate(p)) if i % 2 == 0 else p
                   for i, p in enumerate(parts))
