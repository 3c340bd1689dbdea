"""CRF features of each token: its form, its neighbours, where it stands, and small dictionaries.

Dictionaries carry what the form alone cannot: journal words ("J", "Proc", "Вестник"), months,
name particles, and the fixed GOST terms ("Т.", "№", "С.", "//", "изд.", "дис.") that mark a
field in Russian lists the way "Vol." and "pp." do in English ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

from citefmt.refparse.tagger.tokens import Token

_JOURNAL_WORDS = frozenset("""
journal j jour proc proceedings rev review reviews ann annals int intern acta bull bulletin
res med clin sci lett letters trans am eur br natl acad soc arch quarterly q zeitschrift
vestnik вестник журнал журн известия изв вопросы вопр бюллетень бюл анналы хирургия медицина
annual nature science physics chemistry
""".split())
_MONTHS = frozenset("""
jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
august september october november december янв фев мар апр мая июн июл авг сен окт ноя дек
января февраля марта апреля июня июля августа сентября октября ноября декабря
""".split())
_PARTICLES = frozenset("de da del della der den di du la le van von ten ter dos das".split())
_LOCATOR_TERMS = {
    "vol.": "volume", "vol": "volume", "v.": "volume", "т.": "volume", "том": "volume",
    "no.": "issue", "no": "issue", "№": "issue", "nr.": "issue", "issue": "issue", "вып.": "issue",
    "pp.": "pages", "p.": "pages", "pp": "pages", "с.": "pages", "c.": "pages", "s.": "pages",
    "стр.": "pages", "pages": "pages",
    "ed.": "edition", "edn.": "edition", "edition": "edition", "изд.": "edition",
    "eds.": "editor", "eds": "editor", "editors": "editor", "editor": "editor", "ред.": "editor",
    "редакцией": "editor", "под": "editor", "in": "in", "in:": "in",
    "дис.": "genre", "автореф.": "genre", "thesis": "genre", "dissertation": "genre",
    "канд.": "genre", "наук": "genre", "phd": "genre",
    "doi": "doi", "doi:": "doi", "url": "url", "isbn": "isbn", "available": "url",
    "retrieved": "url", "accessed": "url", "текст": "medium", "непосредственный": "medium",
    "электронный": "medium", "et": "etal", "al.": "etal", "др.": "etal",
    "м.": "city", "спб.": "city", "л.": "city",
    "press": "publisher", "publishers": "publisher", "publishing": "publisher",
    "verlag": "publisher",
    "university": "publisher", "изд-во": "publisher", "издательство": "publisher",
}


def shape(word: str) -> str:
    """Compressed character classes: "Smith" → "Xx", "2006" → "d", "J." → "X."."""
    classes: list[str] = []
    for char in word:
        if char.isupper():
            code = "X"
        elif char.islower():
            code = "x"
        elif char.isdigit():
            code = "d"
        else:
            code = char
        if not classes or classes[-1] != code:
            classes.append(code)
    return "".join(classes)


_CYRILLIC_RE = re.compile("[А-Яа-яЁё]")
_LATIN_RE = re.compile("[A-Za-z]")
_INITIAL_RE = re.compile(r"[A-ZА-ЯЁ]\.?|[A-ZА-ЯЁ]{2,3}")
_DOI_RE = re.compile(r"10\.\d{4,}/")


def _script(word: str) -> str:
    if _CYRILLIC_RE.search(word):
        return "cyr"
    if _LATIN_RE.search(word):
        return "lat"
    return "none"


def _own(token: Token) -> dict[str, str | float]:
    word = _word_features(token.text)
    feats: dict[str, str | float] = {"w": word["w"], "shape": word["shape"],
                                     "script": word["script"],
                                     "space": float(token.space_before)}
    feats.update(word)  # the same keys in the same order as ever, so a retrained model is identical
    return feats


@lru_cache(maxsize=8192)
def _word_features(word: str) -> dict[str, str | float]:
    """Features of the word form alone, cached: punctuation, labels and names recur in every
    reference, so most tokens are seen before (callers copy the dict before adding to it)."""
    lower = word.lower()
    feats: dict[str, str | float] = {
        "w": lower if len(lower) < 25 else "<long>",
        "shape": shape(word) if len(word) < 25 else "<long>",
        "script": _script(word),
        "suf3": lower[-3:],
        "pre3": lower[:3],
    }
    if word.isdecimal():
        number = int(word) if len(word) < 7 else 0
        feats["num"] = f"len{len(word)}"
        if 1500 <= number <= 2099 and len(word) == 4:
            feats["year"] = 1.0
    if _INITIAL_RE.fullmatch(word):
        feats["initial"] = 1.0
    if lower.startswith(("http", "www.")):
        feats["url"] = 1.0
    if _DOI_RE.match(word):
        feats["doi"] = 1.0
    stem = lower.rstrip(".")
    if stem in _JOURNAL_WORDS:
        feats["journalword"] = 1.0
    if stem in _MONTHS:
        feats["month"] = 1.0
    if lower in _PARTICLES:
        feats["particle"] = 1.0
    term = _LOCATOR_TERMS.get(lower)
    if term:
        feats["term"] = term
    return feats


#: the neighbour offsets and their feature names, built once
_NEIGHBOURS = tuple((offset, f"{offset}:w", f"{offset}:shape",
                     f"{offset}:term" if offset in (-1, 1) else "") for offset in (-2, -1, 1, 2))
_POSITIONS = tuple(str(n) for n in range(11))
_PERIODS = tuple(str(n) for n in range(5))


def sequence_features(tokens: list[Token]) -> list[dict[str, str | float]]:
    """One feature dict per token: its own features, ±2 neighbours' words and shapes, position."""
    own = [_own(t) for t in tokens]
    count = len(tokens)
    out: list[dict[str, str | float]] = []
    seen_slashes = 0
    seen_year = 0.0
    periods = 0
    for index, token in enumerate(own):
        feats = dict(token)
        feats["pos"] = _POSITIONS[10 * index // max(count, 1)]
        feats["periods"] = _PERIODS[min(periods, 4)]
        feats["after//"] = float(seen_slashes > 0)
        feats["afteryear"] = seen_year
        if index == 0:
            feats["BOS"] = 1.0
        if index == count - 1:
            feats["EOS"] = 1.0
        for offset, w_key, shape_key, term_key in _NEIGHBOURS:
            other = index + offset
            if 0 <= other < count:
                neighbour = own[other]
                feats[w_key] = neighbour["w"]
                feats[shape_key] = neighbour["shape"]
                if term_key and "term" in neighbour:
                    feats[term_key] = neighbour["term"]
        feats["-1:w|w"] = f"{feats.get('-1:w', '<s>')}|{token['w']}"
        out.append(feats)
        text = tokens[index].text
        if text == "//":
            seen_slashes += 1
        if "year" in token:
            seen_year = 1.0
        if text == "." or (text.endswith(".") and len(text) > 2):
            periods += 1
    return out


def _attribute(key: str, value: str | float) -> str | None:
    """The CRFsuite attribute a feature becomes (python-crfsuite's rule for dict items: a string
    value gives "key:value" of weight 1, a number is the key's weight), or None for a weight of
    0, which adds nothing to any score. Every feature here weighs 0 or 1."""
    if isinstance(value, str):
        return f"{key}:{value}"
    if value == 1.0:
        return key
    if value == 0.0:
        return None
    raise ValueError(f"feature {key!r} of weight {value!r}: not expressible as an attribute")


class _WordAttributes:
    """The attributes a word form gives its own token and its neighbours, built once per form
    (`sequence_attributes`)."""

    __slots__ = ("alone", "near", "spaced", "w", "year")

    def __init__(self, word: str) -> None:
        feats = _word_features(word)
        first = ("w", "shape", "script")  # before "space" in a token's features (`_own`)
        head = tuple(a for k in first if (a := _attribute(k, feats[k])) is not None)
        tail = tuple(a for k, v in feats.items()
                     if k not in first and (a := _attribute(k, v)) is not None)
        self.alone, self.spaced = head + tail, (*head, "space", *tail)  # "space" weighs 0 or 1
        self.w = str(feats["w"])
        self.year = "year" in feats
        near: list[tuple[str, ...]] = []
        for _, w_key, shape_key, term_key in _NEIGHBOURS:
            attributes = [f"{w_key}:{feats['w']}", f"{shape_key}:{feats['shape']}"]
            if term_key and "term" in feats:
                attributes.append(f"{term_key}:{feats['term']}")
            near.append(tuple(attributes))
        self.near = tuple(near)  # as neighbour at offset -2, -1, +1, +2 (`_NEIGHBOURS`)


@lru_cache(maxsize=8192)
def _word_attributes(word: str) -> _WordAttributes:
    return _WordAttributes(word)


_POSITION_ATTRIBUTES = tuple(f"pos:{p}" for p in _POSITIONS)
_PERIOD_ATTRIBUTES = tuple(f"periods:{p}" for p in _PERIODS)


def sequence_attributes(tokens: list[Token]) -> list[list[str]]:
    """`sequence_features` as the CRFsuite attributes they become, in the same order, without
    those of weight 0 (which add nothing to a score): the tagger labels either input alike, to
    the last bit of every marginal (tests/refparse/test_tagger_attributes.py), and this one costs
    about half as much to build and hand over, as each word form's attributes are built once.
    Training keeps `sequence_features`."""
    words = [_word_attributes(t.text) for t in tokens]
    count = len(tokens)
    last = count - 1
    out: list[list[str]] = []
    seen_slashes = seen_year = False
    periods = 0
    for index, token in enumerate(tokens):
        word = words[index]
        attributes = list(word.spaced if token.space_before else word.alone)
        attributes.append(_POSITION_ATTRIBUTES[10 * index // count])
        attributes.append(_PERIOD_ATTRIBUTES[min(periods, 4)])
        if seen_slashes:
            attributes.append("after//")
        if seen_year:
            attributes.append("afteryear")
        if index == 0:
            attributes.append("BOS")
        if index == last:
            attributes.append("EOS")
        if index >= 2:
            attributes += words[index - 2].near[0]
        if index >= 1:
            attributes += words[index - 1].near[1]
        if index < last:
            attributes += words[index + 1].near[2]
        if index + 1 < last:
            attributes += words[index + 2].near[3]
        attributes.append(f"-1:w|w:{words[index - 1].w if index else '<s>'}|{word.w}")
        out.append(attributes)
        text = token.text
        if text == "//":
            seen_slashes = True
        if word.year:
            seen_year = True
        if text == "." or (text.endswith(".") and len(text) > 2):
            periods += 1
    return out
