"""How believable a reading of a reference is, judged from the item and the text alone.

A reader (grammar or tagger) reports its own confidence, but a grammar that matched its pattern
can still have put a year into the title or a page range into the publisher. Two checks, applied
the same way to every reader, turn a raw confidence into a comparable one:

- field sanity: each field must have the shape its kind always has (a year is 1450–next year,
  a volume is short and has a digit or a Roman numeral, a page is a number or a range, a title
  has words, a name has no digits …); every failed check costs a fixed share of the confidence;
- coverage: words of the reference that no field accounts for (bar the fixed words styles print
  around fields: "et al.", "In:", "Т.", "С.", "Available from" …) mean part of it was misread.
"""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from citefmt.model import Item
from citefmt.refparse.common import ISSUE_WORDS, WHITE_SPACE_RE

#: confidence kept per failed sanity check
FAILED_CHECK_FACTOR = 0.7
#: confidence lost per unit of unexplained text share (0.25 of the words unexplained → × 0.6)
UNEXPLAINED_WEIGHT = 1.6

_LATEST_YEAR = datetime.date.today().year + 1
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
#: Roman numerals, also typed with the Cyrillic look-alikes "Х" and "І" ("Т. Х", "Т. ХІІ")
_ROMAN_RE = re.compile(r"^[IVXLCDMХІ]+$", re.I)
#: a page, a range, or an article number: "e2019MS001916" (e-locator with a letter infix),
#: "APST-27-01-12" (a journal's hyphenated article id), "282-294.e6" (a range with its online
#: supplement's pages)
_PAGE_RE = re.compile(r"^[A-Za-zА-Яа-я]{0,4}\.?\d+(?:[A-Za-z]{1,3}\d+)?[A-Za-z]?"
                      r"(?:-[A-Za-zА-Яа-я]{0,4}\d+[A-Za-z]?(?:\.e\d+)?)?$|"
                      r"^[IVXLCDM]+(?:-[IVXLCDM]+)?$|^[A-Za-z]{1,6}\d*$|"
                      r"^[A-Za-z]{2,6}(?:-\d+){2,4}$", re.I)
_DIGIT_RE = re.compile(r"\d")
_LETTER_DIGIT_RE = re.compile(r"([^\W\d_]{1,2})(\d+)")
_LETTER_RE = re.compile(r"[^\W\d_]")
_ORDINAL_RE = re.compile(r"^(\d+)(?:st|nd|rd|th|е|й|я|ое)$")
_YEARISH_RE = re.compile(r"^\W*(?:1[4-9]|20)\d\d[a-zа-я]?\W*$")
#: the checks' other patterns, compiled once (they run for every reading judged)
#: an issue designated by words, as journals number some of theirs: a supplement, part or special
#: issue, a thematic issue ("Database issue"), a season ("Vol. 49, Summer"); not a month, which
#: author-date lists print after the volume as a date ("Cities, 112 (May), 1-9")
_PART_RE = re.compile(r"(?:Suppl|Pt|Spec|Part\s|" + ISSUE_WORDS + r"$)")
_NUMBERED_AUTHORS_RE = re.compile(r"^\d+\s*[.)]?\s+[^\W\d_]+\s[A-ZА-ЯЁ]{1,3},")
_THREE_DIGITS_RE = re.compile(r"\d{3,}")
_TWO_DIGITS_RE = re.compile(r"\d{2,}")
#: words styles print around fields: never evidence of a misread part
_STYLE_WORDS = frozenset("""
et al in eds ed editor editors edited by and p pp vol no nr iss issue suppl pt part n v s
available from at accessed cited updated internet epub ahead of print published online doi pmid
pmcid url isbn issn retrieved russ russian english chapter chap art article e electronic resource
т с №  изд ред под общ редакцией и др текст непосредственный электронный ресурс дата обращения
вып ч кн сер ст url режим доступа b m ч eds hrsg sn sl s.l s.n
перераб испр доп дополн перер стер сост науч сб отв
jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
september october november december
янв фев февр мар апр мая май июн июня июль июля июл авг сен сент окт ноя нояб дек
январь февраль март апрель июнь август сентябрь октябрь ноябрь декабрь
обр visited
пер перевод сверен нем англ фр франц итал исп лат греч польск укр предисл послесл вступ коммент
комм примеч прим слов ил trans
print linking
disponível disponivel disponible em en acesso acceso consultado
fev abr mai maio ago set out dez ene dic
de janeiro fevereiro março marco abril junho julho agosto setembro outubro novembro dezembro
enero febrero marzo mayo junio julio septiembre setiembre octubre noviembre diciembre
tradução traducao trad traducción traduccion translated transl
editores editoras organizador organizadores organizadora orgs org coordenador coordenadores
coordinador coordinadores coord coords compiladores comp comps hg réd dir
seção secao sección section
arxiv org eprint eprints prints hep lat ph th ex astro nucl qc cond mat quant physics
составление общая редакция вступительная статья переводов forew foreword preface with introduction
января февраля марта апреля июня июля августа сентября октября ноября декабря
""".split())


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    """The words of a text, cached: every candidate of a reference is judged against the same
    text, and names and titles recur between candidates."""
    if text.isascii():  # the same words without the search (tests/refparse/test_throughput_gates)
        return tuple(text.lower().encode().translate(_ASCII_NON_WORD_TO_SPACE).decode().split())
    return tuple(_WORD_RE.findall(text.casefold()))


#: ASCII characters outside `_WORD_RE` (all but letters and digits) → a space
_ASCII_NON_WORD_TO_SPACE = bytes(c if chr(c).isalnum() else 32 for c in range(256))
#: the ASCII letters (`_LETTER_RE` in ASCII text)
_ASCII_LETTERS = string.ascii_letters.encode()


_ORDINAL_ENDINGS = ("ª", "º", "a", "o", "st", "nd", "rd", "th", "е", "й", "e", "er", "re")


def _field_texts(item: Item) -> Iterable[str]:
    for key, value in item.items():
        if key in ("type", "language", "id"):
            continue
        if isinstance(value, str):
            yield value
            if key == "edition" and value.isdigit():
                # the ordinal as printed: "2ª ed.", "3rd ed.", "2-е изд."
                yield " ".join(value + ending for ending in _ORDINAL_ENDINGS)
        elif isinstance(value, list):
            for name in value:
                if isinstance(name, dict):
                    try:
                        yield from _name_texts(tuple(name.items()))
                    except TypeError:  # a part that is no text (unhashable): not cached
                        yield from _name_texts.__wrapped__(tuple(name.items()))
        elif isinstance(value, dict):
            for parts in value.get("date-parts", []):
                yield " ".join(str(p) for p in parts)


@lru_cache(maxsize=4096)
def _name_texts(parts: tuple[tuple[str, object], ...]) -> tuple[str, ...]:
    """A name's texts (`_field_texts`), cached: the readings of a reference repeat its names."""
    name: dict[str, Any] = dict(parts)
    initials = "".join(w[0] for w in _words(name.get("given", "")))
    return (*(v for v in name.values() if isinstance(v, str)),
            name.get("family", "") + initials)  # a glued "WonYJ" as printed


@lru_cache(maxsize=256)
def _counted_words(text: str) -> tuple[tuple[str, int], ...]:
    """The words of the reference that count for coverage, each with its printed length (an
    ordinal's digits stand for it: "3rd" → "3"); every candidate is judged against the same
    text, so this is computed once."""
    counted = []
    for word in _words(text):
        if word in _STYLE_WORDS or (len(word) == 1 and not word.isdigit()):
            continue
        ordinal = _ORDINAL_RE.match(word) if word[0].isdigit() else None
        counted.append((ordinal.group(1) if ordinal else word, len(word)))
    return tuple(counted)


@lru_cache(maxsize=16384)
def _explained_by(value: str) -> tuple[str, ...]:
    """The words one field value accounts for, cached (names, titles and journals recur between
    the readings of a reference): its words, those of its unhyphenated form, and initials
    ("P. R.") as printed together ("PR")."""
    words = _words(value)
    explained = list(words)
    if "-" in value:
        explained += _words(value.replace("-", ""))
    if words and all(len(w) <= 2 for w in words):
        explained.append("".join(words))
    return tuple(explained)


@lru_cache(maxsize=256)
def _counted_lengths(text: str) -> tuple[dict[str, int], int]:
    """`_counted_words` as the characters each word counts for when unexplained (its own length
    — an ordinal's digits, "3" of "3rd" — times its occurrences) and the total of the printed
    lengths: a word's verdict depends only on the word and the reading, so repeats are judged
    once (integer sums, the same in any order)."""
    lengths: dict[str, int] = {}
    total = 0
    for word, length in _counted_words(text):
        lengths[word] = lengths.get(word, 0) + len(word)
        total += length
    return lengths, total


def unexplained_share(item: Item, text: str) -> float:
    """Share of the reference's word characters that no field of `item` accounts for."""
    explained: set[str] = set()
    for value in _field_texts(item):
        explained.update(_explained_by(value))
    lengths, total = _counted_lengths(text)
    numbers: list[str] | None = None
    missing = 0
    for word in lengths.keys() - explained:
        if (glued := _LETTER_DIGIT_RE.fullmatch(word)) and glued.group(1) in explained \
                and glued.group(2) in explained:
            continue  # "B536": a journal's series letter printed against the volume
        if len(word) == 5 and word[:4] in explained and word[4].isalpha():
            continue  # "2016e": the letter that tells one author's works of a year apart
        if word.isdigit():
            if numbers is None:
                numbers = [e for e in explained if e.isdigit()]
            if any(word in e for e in numbers):
                continue  # month names parsed into numbers, "12" of "2012": digits of a known value
        missing += lengths[word]
    return missing / total if total else 0.0


def _numbered(value: str) -> bool:
    """A volume or issue shape: digits, a Roman numeral, a "Suppl"/"Pt"/"Spec" part, or an
    issue designated by words (`_PART_RE`)."""
    words = value.split()  # a value of only white space (U+001F is white space) has no word
    return bool(_DIGIT_RE.search(value) or (words and _ROMAN_RE.match(words[0]))
                or _PART_RE.match(value))


def failed_checks(item: Item) -> list[str]:
    """Names of the sanity checks `item` fails (empty when every field has a believable shape),
    in field order: year, volume, issue, page, title, author, editor, host and imprint, type."""
    failed: list[str] = []
    year = _year(item)
    if year is not None and not 1450 <= year <= _LATEST_YEAR:
        failed.append("year")
    failed += [key for key, limit in (("volume", 16), ("issue", 24))
               if not _plausible_number(item.get(key), limit)]
    page = item.get("page")
    if isinstance(page, str) and not _PAGE_RE.match(WHITE_SPACE_RE.sub("", page)):
        failed.append("page")
    title = item.get("title")
    if isinstance(title, str) and not _plausible_title(title):
        failed.append("title")
    failed += [role for role in ("author", "editor")
               if not all(_plausible_name(n) for n in item.get(role, []) or [])]
    failed += [key for key in ("container-title", "publisher", "publisher-place")
               if isinstance(item.get(key), str) and not _plausible_imprint(key, item[key])]
    if item.get("type") == "book" and item.get("page") and item.get("volume"):
        failed.append("type")
    return failed


def _plausible_number(value: object, limit: int) -> bool:
    """A volume or issue: short, and shaped like a number (see `_numbered`)."""
    return not isinstance(value, str) or (len(value) <= limit and _numbered(value))


def _plausible_title(title: str) -> bool:
    """Mostly letters, not a year, not a page of text, and not a citation number with the
    author list read as the title."""
    letters = _letters(title)
    if letters < 3 or letters < len(title) / 2 or _YEARISH_RE.match(title) or len(title) > 500:
        return False
    return not _NUMBERED_AUTHORS_RE.match(title)


def _plausible_name(name: object) -> bool:
    """A family name of letters (two at least, four words at most, no digits in it or the given
    names); a literal name without a run of digits."""
    if not isinstance(name, dict):
        return True
    family, given = name.get("family", ""), name.get("given", "")
    if family and (_DIGIT_RE.search(family + given) or _letters(family) < 2
                   or len(family.split()) > 4):
        return False
    return not (name.get("literal") and _THREE_DIGITS_RE.search(name["literal"]))


def _plausible_imprint(key: str, value: str) -> bool:
    """Journal, publisher, place: letters enough; no number runs in a publisher or place; no
    journal that is a year."""
    if _letters(value) < (1 if key == "publisher-place" else 2):
        return False
    if key == "container-title":
        return not _YEARISH_RE.match(value)
    return not _TWO_DIGITS_RE.search(value)


@lru_cache(maxsize=8192)
def _letters(text: str) -> int:
    """How many letters `text` has, cached: titles and names recur between the readings.
    ASCII text is counted without the search (the same count)."""
    if text.isascii():
        return len(text) - len(text.encode().translate(None, _ASCII_LETTERS))
    return len(_LETTER_RE.findall(text))


def _year(item: Item) -> int | None:
    try:
        return int(item["issued"]["date-parts"][0][0])
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def calibrated(confidence: float, item: Item, text: str) -> float:
    """`confidence` lowered for every failed sanity check and for unexplained text."""
    return calibrated_from(confidence, len(failed_checks(item)), unexplained_share(item, text))


def calibrated_from(confidence: float, failed: int, unexplained: float) -> float:
    """`calibrated` from the number of failed checks and the unexplained share, when the caller
    has them already (the parser keeps both on the candidate)."""
    factor = FAILED_CHECK_FACTOR ** failed
    factor *= max(0.0, 1.0 - UNEXPLAINED_WEIGHT * unexplained)
    return confidence * factor
