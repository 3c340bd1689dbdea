"""The third parser speed round (issue 16) skips or replaces searches by facts about them; each
fact is checked here against the search it stands for (the oracle is the regular expression as
it was written, run on crafted texts and on every development-set string and its pieces)."""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

from citefmt import refparse
from citefmt.refparse import author_year, common, ieee, names, plausibility, title_tail, vancouver
from citefmt.refparse.normalize import (
    _CAMEL_GLUE_RE,
    _CAMEL_HINT_RE,
    _DETACHED_PUNCT_RE,
    _GLUED_AND_HINT_RE,
    _GLUED_AND_RE,
    _PAGE_RANGE_RE,
    _may_space_a_dash,
)
from citefmt.refparse.tagger.tokens import Token, tokenize

_EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))
#: Vancouver's author-list search before `_first_sentence_stop` replaced it
_SENTENCE_STOP_RE = re.compile(r"[^.]*?(?:,?\s*et al)?\.(?=\s|$)")


@cache
def _texts() -> list[str]:
    """Every development-set string, its pieces between sentence marks and its tails, and texts
    written for the edges of each fact."""
    devset = Path(__file__).resolve().parents[2] / "eval" / "devset.jsonl"
    texts = [json.loads(line)["text"] for line in devset.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    pieces = [piece for text in texts for piece in re.split(r"(?<=[.,;:])", text)]
    tails = [text[cut:] for text in texts for cut in range(0, len(text), 7)]
    crafted = ["", ".", "a.", "a. b", "a.b. c", "Roe AB, Vega C, et al. Title.", "Roe AB et al.\n",
               "Roe AB, et al.\u2003Title", "x:\u00a0y", ": y", "a.: b", "Roe AB, et al.: Title",
               "Roe. AB: x", "Smith J, et al", "Иванов И. И. [и др.]", "Silva J e outros. ",
               "Roe J et col.] .", "Roe J ET AL . ] ", "Roe J et aL", "Roe J e outroſ", "x et\tal.",
               "2019;12(3):45-9.", "Title. 2019;12:45. Journal. 2020;13:46.", "a.2019 2020.",
               "x.]2019 x. 2019", "Title. 19201999;1:2.", "Title.\u20031999;1:2", "pp. 48 - 51",
               "С. 3 – 4.", "p. 3\u00a0-4", "pp. 48-\t51", "Roe A & Vega B", "Roe A and Vega B"]
    return texts + pieces + tails + crafted


def test_first_sentence_stop_is_where_the_search_ended() -> None:
    for text in _texts():
        m = _SENTENCE_STOP_RE.match(text)
        assert vancouver._first_sentence_stop(text) == (m.end() - 1 if m else None), text


def test_colon_gate_holds_for_every_colon_list() -> None:
    for text in _texts():
        if vancouver._COLON_AUTHORS_RE.match(text):
            assert vancouver._may_end_at_colon(text), text


def test_last_date_block_is_finditers_last() -> None:
    for text in _texts():
        last = ([None, *vancouver._AFTER_SENTENCE_DATE_BLOCK_RE.finditer(text)])[-1]
        found = vancouver._last_date_block(text)
        assert (found.span(), found.groupdict()) == (last.span(), last.groupdict()) \
            if last else found is None, text


def test_et_al_gate_holds_for_every_et_al() -> None:
    for text in _texts():
        if names._ET_AL_RE.search(text):
            assert names._may_end_in_et_al(text), text
    # the letters the case-blind search takes for the words' last letters
    assert set(re.findall("[lрs]", _EVERY_CHARACTER, re.I)) == set(names._ET_AL_LAST_LETTERS)


def test_separators_split_only_where_a_mark_is() -> None:
    for text in _texts():
        spaced = " ".join(text.split())
        if not names._may_separate(spaced):
            assert names._SEPARATORS.split(spaced) == [spaced], spaced


def test_spaced_dash_gate_holds_for_every_range_joined() -> None:
    for text in _texts():
        if any(m.group("dash").strip() != m.group("dash")
               for m in _PAGE_RANGE_RE.finditer(text)):
            assert _may_space_a_dash(text), text


def test_ascii_words_and_letters_as_the_searches_find_them() -> None:
    every_ascii = "".join(map(chr, range(128)))
    for text in [every_ascii, every_ascii[::-1], "O'Neil_x 12ab-3rd", *_texts()]:
        if text.isascii():
            assert plausibility._words.__wrapped__(text) \
                == tuple(plausibility._WORD_RE.findall(text.casefold())), text
            assert plausibility._letters.__wrapped__(text) \
                == len(plausibility._LETTER_RE.findall(text)), text


def test_tagger_et_al_gate_holds_for_every_et_al() -> None:
    for text in [*_texts(), "Roe J, ET\u00a0AL.", "Roe J et  Al", "Иванов И. [И ДР.]",
                 "Silva J e OUTROſ", "Roe J et col."]:
        if refparse._ET_AL_RE.search(text):
            assert refparse._may_say_et_al(text), text
    # every letter the case-blind search takes for a letter of those words folds to it
    for letter in "alcoutrsдр":
        for char in re.findall(letter, _EVERY_CHARACTER, re.I):
            assert char.casefold() == letter, (hex(ord(char)), letter)


def test_initials_compacted_as_the_search_compacts_them() -> None:
    for given in ["M. A.", "MA.", "M A", "J.-P.", "Yu. I", "A\u00a0B.", "A\tB", "  .. "]:
        if given.isprintable():
            assert given.replace(".", "").replace(" ", "") == re.sub(r"[.\s]+", "", given)


def test_doi_labels_are_finditers() -> None:
    texts = [*_texts(), "doi: 10.1/x doi:10.2/y", "DOİ 10.1/x", "doı:10.1/x",
             "Doing 10.1/x doi 10.2", "https://dx. doi.org/10.1/x",
             "http://dx.doi.org/10.1/x  DOI   :  10.3/z", "x https://doi.org/10.1/x",
             "doidoi:10.1/x", "adoi: 10.1/x"]
    for text in texts:
        assert [m.span() for m in common._doi_labels(text)] \
            == [m.span() for m in common._DOI_LABEL_RE.finditer(text)], text
    # the letters the case-blind search reads as "d", "o", "i"
    assert common._DOI_WORD_RE.pattern == "[dD][oO][iIıİ]"
    for letter, same in zip("doi", ("dD", "oO", "iIıİ"), strict=True):
        assert set(re.findall(letter, _EVERY_CHARACTER, re.I)) == set(same), letter


def test_ieee_et_al_gate_holds_for_every_et_al() -> None:
    search = re.compile(r"\s*et\s*\.?\s*al\b\s*\.?$")
    for text in [*_texts(), "A. Roe et al.", "A. Roe et. al .\n", "A. Roe etal",
                 "A. Roe et al\u2003"]:
        if search.search(text):
            assert ieee._ends_in_al(text), text


def test_title_tail_gates_hold_for_every_match() -> None:
    for text in [*_texts(), "Physics [in Russian] ", "Title (In Russ.)\n", "Methods, 1st ed .",
                 "Methods. 2nd edition", "Methods, 3rd ed.\u2003"]:
        if title_tail._LANGUAGE_NOTE.search(text):
            assert text.rstrip()[-1:] in ("]", ")"), text
        if title_tail._EDITION.search(text):
            assert title_tail._ends_in_ed(text), text


def test_glued_conjunction_hint_holds_for_every_match() -> None:
    for text in [*_texts(), "C Ciuti, andA Quattropani", "Roe J etW. Vega", " undB x"]:
        if _GLUED_AND_RE.search(text):
            assert _GLUED_AND_HINT_RE.search(text), text


def test_detached_punctuation_found_as_the_look_behind_form_finds_it() -> None:
    behind = re.compile(r"(?<=[^\W\d_]) ([.,])(?=\w)|(?<=\w) (,)(?=\w)"
                        r"|(?<=[\w)\]]) ([.,])(?=\s|$)"
                        r"|(?<=[(\[]) +(?=\w)|(?<=\w) +(?=[)\]])")
    for text in [*_texts(), "Phys .Rev .C 85 ( 2012)024908", "Niessen ,C .Spiering", "Rev . 85",
                 "[  nucl-th  ]", "a ,b", "x) .", "( 2012 )", "a .\n", "a ."]:
        assert [(m.span(), m.groups()) for m in _DETACHED_PUNCT_RE.finditer(text)] \
            == [(m.span(), m.groups()) for m in behind.finditer(text)], text


def test_camel_glue_hint_and_tokens() -> None:
    for text in [*_texts(), "WonYJ", "McDonald", "aB"]:
        if _CAMEL_GLUE_RE.search(text):
            assert _CAMEL_HINT_RE.search(text), text
    tokens = tokenize("Roe AB. Title, 2020;12:3.")
    assert tokens[0] == Token("Roe", 0, 3, True) and type(tokens[0]) is Token
    assert tokens[2] == Token("Title", 8, 13, True) and not tokens[3].space_before


def test_author_year_and_medium_gates_hold_for_every_match() -> None:
    for text in [*_texts(), "Roe, J. 2015. Title. Place.", "Roe J (ed.) 2015. T. P.",
                 "Roe J \u0662015. T. P.", "Title [online]", "Title [Online]\n"]:
        if author_year._HEAD_RE.match(text):
            assert author_year._may_head(text), text
        if common._MEDIUM_RE.search(text):
            assert text.endswith(("]", "]\n")), text
