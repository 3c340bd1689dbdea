"""Languages of bibliographic data: what a source calls a language, and which language an
item is in — one rule for readers and engine.

The rule (`item_language`): a declared language wins — CSL `language`, else BibLaTeX's
`langid` (a babel name such as "russian", "ngerman") when an item still carries it — and is
reduced to its primary subtag ("en-GB" → "en", "rus" → "ru", "french" → "fr"). Only without
a declaration is the language guessed from the script of the title and container title
(`detect_language`): Cyrillic-script text is Russian ("ru"), anything else English ("en").
The guess has one threshold, `CYRILLIC_SHARE`, used by every reader and by the engine's
choice of per-item layout (GOST: Т./№/С. vs Vol./No./P.).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: ISO 639-2 codes, language names and babel names seen in bibliographic data → BCP 47
#: primary subtag
LANGUAGE_NAMES: dict[str, str] = {
    "rus": "ru", "russian": "ru", "русский": "ru", "рус": "ru", "rus.": "ru",
    "eng": "en", "english": "en", "английский": "en", "англ": "en",
    "american": "en", "british": "en", "usenglish": "en", "ukenglish": "en",
    "australian": "en", "canadian": "en", "newzealand": "en",
    "ger": "de", "deu": "de", "german": "de", "ngerman": "de", "austrian": "de",
    "naustrian": "de", "fre": "fr", "fra": "fr", "french": "fr", "francais": "fr",
    "français": "fr", "spa": "es", "spanish": "es", "ita": "it", "italian": "it",
    "chi": "zh", "zho": "zh", "chinese": "zh", "jpn": "ja", "japanese": "ja",
    "ukr": "uk", "ukrainian": "uk", "por": "pt", "portuguese": "pt", "brazilian": "pt",
    "pol": "pl", "polish": "pl", "kaz": "kk", "kazakh": "kk", "bel": "be",
    "belarusian": "be", "bulgarian": "bg", "czech": "cs", "dutch": "nl", "latin": "la",
    "greek": "el", "serbian": "sr", "finnish": "fi", "swedish": "sv", "turkish": "tr",
    # babel / polyglossia names (babel manual, "Supported languages") BibLaTeX data uses
    "danish": "da", "dan": "da", "norsk": "no", "nynorsk": "no", "norwegian": "no",
    "hebrew": "he", "ancientgreek": "grc", "magyar": "hu", "hungarian": "hu",
    "arabic": "ar",
}


def primary_subtag(tag: str) -> str:
    """The primary language subtag of a tag as data gives it: "en-GB", "ru_RU" → "en", "ru"."""
    return tag.strip().lower().replace("_", "-").split("-")[0]


_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
#: URLs, DOIs and e-mail addresses: Latin whatever the language of the reference
#: (an address is tried only where a run of non-space characters starts: the same matches, but
#: a long run without "@" is scanned once, not once per character — that was quadratic)
_IDENTIFIER = re.compile(r"(?i)\b(?:https?://|www\.|doi:\s*|10\.\d{4,9}/)\S*|(?<!\S)\S+@\S+")

#: share of Cyrillic letters (identifiers left out) from which a text counts as Russian
CYRILLIC_SHARE = 0.5


def detect_language(text: str) -> str:
    """"ru" when at least `CYRILLIC_SHARE` of the letters outside URLs and DOIs are Cyrillic,
    "en" otherwise (also for text without letters)."""
    if text.isascii():
        return "en"  # no Cyrillic letter (the answer below, without the scans)
    letters = _LETTER.findall(_IDENTIFIER.sub(" ", text))
    if not letters:
        return "en"
    cyrillic = len(_CYRILLIC.findall("".join(letters)))  # one scan, not a match per letter
    return "ru" if cyrillic >= CYRILLIC_SHARE * len(letters) else "en"


def declared_language(value: Any) -> str | None:
    """The primary subtag of a declared language ("ru-RU", "rus", "russian", "ngerman"), or
    None when the value is empty or not a language."""
    text = str(value or "").strip()
    if not text:
        return None
    lowered = text.lower()
    if lowered in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[lowered]
    primary = primary_subtag(text)
    if primary in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[primary]
    if primary.isalpha() and primary.isascii() and 2 <= len(primary) <= 3:
        return primary
    return None


def item_language(item: Mapping[str, Any]) -> str:
    """The primary language subtag of a CSL-JSON item: `language`, else `langid`, else the
    script of its title and container title."""
    for key in ("language", "langid"):
        declared = declared_language(item.get(key))
        if declared is not None:
            return declared
    return detect_language(" ".join(str(item.get(k) or "")
                                    for k in ("title", "container-title")))
