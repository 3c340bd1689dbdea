"""Languages of bibliographic data: what a source calls a language, and which language a text
is in when the source does not say.

Only the distinction citefmt acts on is guessed: Cyrillic-script text is Russian ("ru"),
anything else is taken as English ("en"). GOST styles pick their terms (Т./№/С. vs Vol./No./P.)
from it.
"""

from __future__ import annotations

import re

#: ISO 639-2 codes and language names seen in bibliographic data → BCP 47 primary subtag
LANGUAGE_NAMES: dict[str, str] = {
    "rus": "ru", "russian": "ru", "русский": "ru", "рус": "ru", "rus.": "ru",
    "eng": "en", "english": "en", "английский": "en", "англ": "en",
    "ger": "de", "deu": "de", "german": "de", "fre": "fr", "fra": "fr", "french": "fr",
    "spa": "es", "spanish": "es", "ita": "it", "italian": "it", "chi": "zh", "zho": "zh",
    "chinese": "zh", "jpn": "ja", "japanese": "ja", "ukr": "uk", "ukrainian": "uk",
    "por": "pt", "portuguese": "pt", "pol": "pl", "polish": "pl", "kaz": "kk", "bel": "be",
    "belarusian": "be",
}


def primary_subtag(tag: str) -> str:
    """The primary language subtag of a tag as data gives it: "en-GB", "ru_RU" → "en", "ru"."""
    return tag.strip().lower().replace("_", "-").split("-")[0]


_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")

#: share of Cyrillic letters above which a text counts as Russian; below one half so that a
#: Russian reference keeps its language despite a Latin URL or DOI in it
CYRILLIC_SHARE = 0.3


def detect_language(text: str) -> str:
    """"ru" when enough of the letters are Cyrillic, "en" otherwise (also for text without
    letters)."""
    letters = _LETTER.findall(text)
    if not letters:
        return "en"
    cyrillic = sum(1 for c in letters if _CYRILLIC.match(c))
    return "ru" if cyrillic / len(letters) > CYRILLIC_SHARE else "en"
