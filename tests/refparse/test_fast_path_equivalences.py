"""The parser's speed work skips a search where the text cannot hold a match; each skip rests on
a fact about the search, checked here against the search itself (the oracle is the regular
expression, not the shortcut): the answers, repairs and reports are the same with and without
the shortcut."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from citefmt.language import detect_language
from citefmt.refparse import gost, ieee
from citefmt.refparse.common import squeezed, tidy
from citefmt.refparse.normalize import normalize

_SPACES = re.compile(r"\s+")


def test_every_white_space_but_the_space_is_non_printable() -> None:
    """`common.single_spaced` and `gost._may_hold_area_dash` read printable text as having no
    white space but the space."""
    spaces = [chr(cp) for cp in range(sys.maxunicode + 1) if _SPACES.fullmatch(chr(cp))]
    assert " " in spaces and "\u00a0" in spaces and "\u2028" in spaces
    assert [c for c in spaces if c != " " and c.isprintable()] == []


def test_squeezed_and_tidy_match_the_search() -> None:
    for text in ["a  b", "a\u00a0b", "a\u2009b\n", " a b ", "a\x1fb", "Smith AB, Lee C.",
                 "Иванов И. И. — М. : Наука, 2001.", "a b"]:
        assert squeezed(text) == _SPACES.sub(" ", text).strip(), repr(text)
    assert tidy("Title\u2003of  it.") == "Title of it"


def test_glued_year_is_spaced_where_the_look_behind_form_would() -> None:
    """The year pattern anchored on "(" puts the space where the look-behind form matched."""
    behind = re.compile(r"(?<=\((?:1[89]|20)\d\d\))(?=\d)")
    for text in ["Phys. Rev. C 85 (2012)024908", "x (1999)(2000)1", "((2012)1", "(2012)(2013)5",
                 "a(1899)12(2001)3 b", "(2012) 5"]:
        expected = text
        for m in reversed(list(behind.finditer(text))):
            expected = expected[:m.start()] + " " + expected[m.start():]
        assert normalize(text).value == " ".join(expected.split()), text


def test_repairs_still_found_behind_their_gates() -> None:
    value = normalize("regenera-\ntion of miR- 1248. 945.PMID: 1, C Ciuti, andA Quattropani")
    assert "regeneration" in value.value and "miR-1248" in value.value
    assert "945. PMID" in value.value and "and A Quattropani" in value.value
    assert {d.code for d in value.diagnostics} >= {"CF101", "CF102"}
    odd = normalize("Smith\tAB.  Title\u00a0here.")
    assert odd.value == "Smith AB. Title here."
    assert [d.code for d in odd.diagnostics] == ["CF105", "CF105"]


def test_language_of_ascii_text_is_english() -> None:
    assert detect_language("Smith AB. Title. J Biol Chem. 2020;1:2.") == "en"
    assert detect_language("Иванов И. И. Заглавие. М., 2001. https://example.org/abc") == "ru"
    assert detect_language("Иванов I. I. Title of the paper. Moscow, 2001.") == "en"


def test_area_dash_gate_agrees_with_the_search() -> None:
    texts = ["Заглавие. – М. : Наука, 2001.", "Заглавие.– София", "Заглавие. М., 2001.",
             "Title. -\u2009Place", "A.\u00a0– B", "pages 1-2 only"]
    for text in texts:
        if gost._AREA_DASH_RE.search(text):
            assert gost._may_hold_area_dash(text), text


def test_eprint_tail_gate_agrees_with_the_search() -> None:
    """Every e-print tail IEEE's grammar cuts holds what its gate looks for; texts without it
    skip the tail search."""
    tails = ["Phys. Rev. D 90, 1 (2014) [arXiv:1410.8813 [hep-lat]]",
             "Phys. Lett. B; astro-ph/9801044", "J. Phys. A 3, 4 (2015), arXiv:1506.02817[nucl-th]",
             "X, ARXIV: 1506.02817v2.", "Y, hep - th / 1234567", "Z, Cond.Mat / 1234567"]
    for text in tails:
        assert ieee._EPRINT_TAIL_RE.search(text), text
        assert ieee._EPRINT_TAIL_HINT_RE.search(text), text
    for text in ["A. Roe, Phys. Rev. B 68, 165324 (2003).", "B. Doe, Title, Publisher, 2001."]:
        assert not ieee._EPRINT_TAIL_HINT_RE.search(text)
        assert not ieee._EPRINT_TAIL_RE.search(text)
    devset = Path(__file__).resolve().parents[2] / "eval" / "devset.jsonl"
    for line in devset.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        if ieee._EPRINT_TAIL_RE.search(text):
            assert ieee._EPRINT_TAIL_HINT_RE.search(text), text
