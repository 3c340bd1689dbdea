"""Property tests of `--fix` on synthetic .bib text (no corpus needed).

Each generated file is built twice from the same pieces: as written with defects (a DOI as a
URL, a bare `&`, a missing comma, an identical repeated field) and as it should read once they
are repaired. `--fix` must turn the first into exactly the second — so every byte outside the
repaired ranges (comments, @string, delimiters, spacing, line ends, unknown fields) is kept —
must leave the second alone, and running it twice must equal running it once.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citefmt.checks import fix_document
from citefmt.config import Settings

NAMES = ["title", "journal", "note", "publisher", "custom-field", "adsurl", "file", "year",
         "volume", "pages", "archiveprefix", "timestamp", "series"]
WORD = st.text(alphabet="abcXYZ019 -.:Жжé", min_size=1, max_size=12).map(str.strip).filter(bool)
SPACE = st.sampled_from([" ", "", "  ", "\t"])


@dataclass(frozen=True)
class Piece:
    """One field as written (`bad`) and as `--fix` should leave it (`good`)."""

    bad: str
    good: str
    #: comma after this field is missing in `bad`
    no_comma: bool = False


@st.composite
def plain_field(draw: st.DrawFn, name: str) -> Piece:
    value = draw(WORD)
    delimiter = draw(st.sampled_from(["{}", '""', "{}"]))
    if name in ("year", "volume") and draw(st.booleans()):
        text = str(draw(st.integers(1, 2100)))
    else:
        text = delimiter[0] + value + delimiter[1]
    eq = draw(SPACE) + "=" + draw(SPACE)
    field = f"{name}{eq}{text}"
    return Piece(field, field)


@st.composite
def defective_field(draw: st.DrawFn) -> Piece:
    kind = draw(st.sampled_from(["doi", "amp"]))
    if kind == "doi":
        doi = "10." + str(draw(st.integers(1000, 99999))) + "/" + draw(
            st.text(alphabet="abc123.-", min_size=1, max_size=8))
        prefix = draw(st.sampled_from(["https://doi.org/", "http://dx.doi.org/", "doi:"]))
        return Piece(f"doi = {{{prefix}{doi}}}", f"doi = {{{doi}}}")
    left, right = draw(WORD), draw(WORD)
    return Piece(f"publisher = {{{left} & {right}}}", f"publisher = {{{left} \\& {right}}}")


@st.composite
def entry(draw: st.DrawFn, number: int) -> tuple[str, str]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5, unique=True))
    pieces = [draw(plain_field(name)) for name in names]
    if draw(st.booleans()):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(defective_field()))
    if draw(st.booleans()):  # an identical repeat of a field, later in the entry
        pieces.append(Piece(pieces[0].bad, ""))
    if len(pieces) > 1 and draw(st.booleans()):
        at = draw(st.integers(0, len(pieces) - 2))
        if pieces[at].good and pieces[at + 1].good:
            pieces[at] = Piece(pieces[at].bad, pieces[at].good, no_comma=True)
    indent = draw(st.sampled_from(["  ", "\t", " "]))
    kind = draw(st.sampled_from(["article", "Book", "online", "patent", "misc"]))
    key = draw(st.sampled_from(["2013PASP-emcee", "10.7717/peerj-cs.55", "bib", "ref",
                                "Ivanov:2019"])) + str(number)
    bad = [f"@{kind}{{{key},"]
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        bad.append(f"\n{indent}{piece.bad}" + ("" if last or piece.no_comma else ","))
    kept = [piece.good for piece in pieces if piece.good]
    good = [f"@{kind}{{{key},", ",".join(f"\n{indent}{field}" for field in kept)]
    closing = draw(st.sampled_from(["\n}", "}", "\n  }"]))
    return "".join(bad) + closing, "".join(good) + closing


@st.composite
def bib_file(draw: st.DrawFn) -> tuple[str, str]:
    count = draw(st.integers(1, 4))
    bad: list[str] = []
    good: list[str] = []
    if draw(st.booleans()):
        header = draw(st.sampled_from(["% Encoding: UTF-8\n", "@string{jbc = {J Biol Chem}}\n",
                                       "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n",
                                       "@comment{jabref-meta: databaseType:biblatex;}\n"]))
        bad.append(header)
        good.append(header)
    for number in range(count):
        b, g = draw(entry(number))
        gap = draw(st.sampled_from(["\n", "\n\n", "\n% a comment & more\n"]))
        bad.append(b + gap)
        good.append(g + gap)
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return "".join(bad).replace("\n", eol), "".join(good).replace("\n", eol)


def _fix(text: str) -> str:
    return fix_document(text, Settings(), source="refs.bib", fmt="bibtex")[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bib_file())
def test_fix_repairs_exactly_the_defects_and_keeps_every_other_byte(pair: tuple[str, str]) -> None:
    bad, good = pair
    assert _fix(bad) == good


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bib_file())
def test_fix_leaves_a_repaired_file_alone_and_twice_equals_once(pair: tuple[str, str]) -> None:
    bad, good = pair
    assert _fix(good) == good
    once = _fix(bad)
    assert _fix(once) == once
