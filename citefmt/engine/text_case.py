"""CSL 1.0.2 `text-case` "title", "lowercase" and "uppercase", keeping spacing and nocase spans.

citeproc-py split the text on whitespace and joined it back with single spaces (a nocase span
next to a comma became "Mirror , the"), upper- and lower-cased nocase spans, and title-cased
only whole space-separated words: "Self-evaluation", "Scientist–practitioner", "Cat/mouse",
and a word after an opening quote ("“new Career”") stayed lower-case.

Title case (English items only, as the spec says) follows the specification and the CSL test
suite:

- each all-lower-case word gets a capital first letter; words with capitals ("IS", "iPhone",
  and all-capital strings such as "UK") stay as they are; words are separated by spaces,
  hyphens, dashes and slashes, and an apostrophe inside a word does not split it ("Shafi'i");
  a one-letter part after a hyphen stays lower-case ("07-x");
- stop words (`STOP_WORDS`: the spec's list and the English prepositions citeproc-js adds)
  stay lower-case unless first, last (a nocase word after them counts), after a colon, "?" or
  "!", or before a hyphen ("Pro-Environmental"); so do the name particles "de", "von", "van";
- a word starting with a Greek letter keeps its case ("β-Carotine");
- nocase spans, HTML tags and entities are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from citeproc.string import MixedString, NoCase, String

#: CSL 1.0.2's stop words, plus the English prepositions that citeproc-js (Zotero) also leaves
#: lower-case in title case ("after", "between", "v.", …) and its name particles and Latin
#: abbreviations ("de", "von", "van", "et", "c", "ca": flipflop_Apostrophes "Antiquités de
#: l’Égypte"): styles are written against it
STOP_WORDS = frozenset("""a an and as at but by down for from in into nor of on onto or over so the
    till to up via with yet
    about above across afore after against along alongside amid amidst among amongst anenst
    apropos apud around aside astride athwart atop barring before behind below beneath beside
    besides between beyond circa despite during except given inside lest like modulo near next
    notwithstanding off out per plus pro qua sans since than through thru throughout thruout
    toward towards under underneath until unto upon versus vs v within without
    de von van et c ca""".split())

# markup first (left alone), then words (letters, digits and inner apostrophes)
_PIECE = re.compile(r"<[^<>]*>|&#?\w+;|[^\W_]+(?:['’`][^\W_]+)*")


def change_case(text: Any, text_case: str, locale_language: str = "") -> Any | None:
    """`text` in `text_case` ("title", "lowercase", "uppercase", "capitalize-first",
    "capitalize-all"); None for other cases. `locale_language`: the primary subtag of the
    locale rendering (Turkish and Azerbaijani upper-case i as İ and lower-case I as ı)."""
    segments = list(text) if isinstance(text, MixedString) else [text]
    dotted = locale_language in _DOTTED_I_LANGUAGES
    if text_case == "lowercase":
        lower = _dotted_lower if dotted else str.lower
        return _rebuild(text, [_keep_nocase(s, lower) for s in segments])
    if text_case == "uppercase":
        upper = _dotted_upper if dotted else str.upper
        return _rebuild(text, [_keep_nocase(s, upper) for s in segments])
    if text_case == "title":
        return _rebuild(text, _title_case(segments))
    if text_case in ("capitalize-first", "capitalize-all"):
        return _rebuild(text, _capitalized(segments, every_word=text_case == "capitalize-all",
                                           upper=_dotted_upper if dotted else str.upper))
    return None


_DOTTED_I_LANGUAGES = frozenset({"tr", "az"})


def _dotted_upper(text: str) -> str:
    return text.replace("i", "İ").upper()


def _dotted_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def _capitalized(segments: list[Any], *, every_word: bool, upper: Any = str.upper
                 ) -> list[Any]:
    """CSL 1.0.2: capitalize-first capitalises the first character of the first word,
    capitalize-all of every word, when the word is lower-case. Gap: citeproc-py called a
    method plain strings lack (name parts: "'str' object has no attribute
    'capitalize_first'")."""
    done = False
    result = []
    for segment in segments:
        if isinstance(segment, NoCase) or (done and not every_word):
            result.append(segment)
            if str(segment).strip():
                done = True
            continue

        def upper_first(match: re.Match[str]) -> str:
            nonlocal done
            word = match.group(0)
            if word[0] in "<&" or (done and not every_word):
                return word
            done = True
            return upper(word[0]) + word[1:] if word.islower() else word  # Turkish: "İçinde"

        result.append(_same_type(segment, _PIECE.sub(upper_first, str(segment))))
    return result


def _keep_nocase(segment: Any, change: Any) -> Any:
    if isinstance(segment, NoCase):
        return segment
    return _same_type(segment, _outside_markup(str(segment), change))


def _outside_markup(text: str, change: Any) -> str:
    return _PIECE.sub(lambda m: m.group(0) if m.group(0)[0] in "<&" else change(m.group(0)),
                      text)


def _title_case(segments: list[Any]) -> list[Any]:
    # nocase words count for "first" and "last" (a stop word before a nocase word is not
    # the last word) but are never changed
    words = [(index, match) for index, segment in enumerate(segments)
             for match in _PIECE.finditer(str(segment)) if match.group(0)[0] not in "<&"]
    last = len(words) - 1
    changes: dict[int, list[tuple[int, int, str]]] = {}
    for position, (index, match) in enumerate(words):
        if isinstance(segments[index], NoCase):
            continue
        word = match.group(0)
        text = str(segments[index])
        # a stop word after a colon, "?" or "!" starts a subtitle or sentence: "Doe? A Life"
        after_colon = text[:match.start()].rstrip().endswith(_SENTENCE_BREAKS) or (
            match.start() == 0 and index > 0 and _ends_with_colon(segments[:index]))
        after_hyphen = text[:match.start()].endswith("-")
        # the first part of a hyphenated compound: "Pro-Environmental", not "Out-Of-Fashion"
        before_hyphen = text[match.end():match.end() + 1] == "-" and not after_hyphen
        if word.islower() and unicodedata.name(word[0], "").startswith("GREEK"):
            replacement = word  # "β-Carotine": a Greek letter symbol keeps its case
        elif word.islower():
            if (word in STOP_WORDS and 0 < position < last and not after_colon
                    and not before_hyphen) or (len(word) == 1 and after_hyphen):
                replacement = word
            else:
                replacement = word[0].upper() + word[1:]
        else:
            replacement = word
        changes.setdefault(index, []).append((match.start(), match.end(), replacement))
    output = []
    for index, segment in enumerate(segments):
        text = str(segment)
        for start, end, replacement in reversed(changes.get(index, [])):
            text = text[:start] + replacement + text[end:]
        output.append(segment if index not in changes else _same_type(segment, text))
    return output


def _ends_with_colon(segments: list[Any]) -> bool:
    text = "".join(str(s) for s in segments).rstrip()
    return text.endswith(_SENTENCE_BREAKS)


#: marks after which a stop word starts a subtitle or sentence and is capitalised: CSL
#: 1.0.2's colon, and (citeproc-js, CSL test suite textcase_SkipNameParticlesInTitleCase:
#: "John van Doe? A Life") "?" and "!", which end a main title as a colon does
_SENTENCE_BREAKS = (":", "?", "!")


def _same_type(segment: Any, text: str) -> Any:
    return type(segment)(text) if isinstance(segment, String) else text


def _rebuild(original: Any, segments: list[Any]) -> Any:
    if isinstance(original, MixedString):
        return MixedString(segments)
    return segments[0]
