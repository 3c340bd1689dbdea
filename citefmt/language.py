"""Which language a bibliographic text is in, when the source does not say.

Only the distinction citefmt acts on is made: Cyrillic-script text is Russian ("ru"), anything
else is taken as English ("en"). GOST styles pick their terms (Т./№/С. vs Vol./No./P.) from it.
"""

from __future__ import annotations

import re

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
