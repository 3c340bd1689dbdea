"""`citefmt tidy`: canonical layout, and nothing but layout changes (issue 9).

Losslessness is judged by bibtexparser with its default middleware (delimiters removed,
@string macros resolved) — a reader independent of citefmt's span locator and of tidy's own
self-check: every entry, field, value, @string, @preamble and comment must read the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
import pytest
from corpus_data import CorpusFile, load, manifest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citefmt.cli import main
from citefmt.textio import decode
from citefmt.tidy import tidy

MESSY = """% Encoding: UTF-8
@String{jbc = "J Biol Chem"}

@Article{b2,
author={Moretti, L.},  Title = "The {DNA} of it",
journal = jbc # " (Online)", year = 2022, Custom-Field={x}}
% about a1
@misc{a1, title={A}}
@comment{jabref-meta: x;}
"""
SORTED = """% Encoding: UTF-8

@String{jbc = "J Biol Chem"}

% about a1

@misc{a1,
  title = {A},
}

@article{b2,
  author       = {Moretti, L.},
  title        = {The {DNA} of it},
  journal      = jbc # " (Online)",
  year         = 2022,
  custom-field = {x},
}

@comment{jabref-meta: x;}
"""


def view(text: str) -> dict[str, object]:
    library = bibtexparser.parse_string(text)
    squash = lambda s: re.sub(r"\s+", " ", str(s)).strip()  # noqa: E731
    return {
        "entries": sorted((e.key, e.entry_type.lower(),
                           tuple(sorted((f.key.lower(), squash(f.value)) for f in e.fields)))
                          for e in library.entries),
        "strings": sorted((s.key, squash(s.value)) for s in library.strings),
        "preambles": sorted(squash(p.value) for p in library.preambles),
        "comments": sorted(squash(line) for c in library.comments
                           for line in c.comment.splitlines() if line.strip()),
        "failed": len(library.failed_blocks),
    }


def test_layout_sort_and_comments() -> None:
    result = tidy(MESSY, sort=True)
    assert (result.text, result.refused) == (SORTED, None)
    assert view(result.text) == view(MESSY)
    assert tidy(SORTED, sort=True).text == SORTED


def test_crlf_file_stays_crlf() -> None:
    out = tidy(MESSY.replace("\n", "\r\n"), sort=True).text
    assert out == SORTED.replace("\n", "\r\n")


def test_string_defined_twice_is_not_sorted() -> None:
    text = "@string{a = {x}}\n@misc{z, title = a}\n@string{a = {y}}\n@misc{b, title = a}\n"
    result = tidy(text, sort=True)
    assert result.text == text and result.refused


def test_unlocatable_entry_is_copied_as_written() -> None:
    odd = "@misc{k, title = {A} % a comment inside an entry\n , year = 2000}"
    out = tidy(odd + "\n").text
    assert odd in out


def test_cli_check_diff_and_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    assert main(["tidy", "--check", str(path)]) == 1
    assert main(["tidy", "--sort", "--diff", str(path)]) == 1
    assert "+  custom-field = {x},\n" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == MESSY
    assert main(["tidy", "--sort", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == SORTED
    assert main(["tidy", "--sort", "--check", str(path)]) == 0


CORPUS_BIBS = [e for e in manifest() if e.path.endswith(".bib")]


@pytest.mark.parametrize("entry", CORPUS_BIBS, ids=[e.name for e in CORPUS_BIBS])
def test_tidy_is_lossless_and_idempotent_on_the_corpus(entry: CorpusFile) -> None:
    data = load(entry)
    if isinstance(data, str):
        pytest.skip(f"corpus file not available: {data}")
    text = decode(data, source=entry.path)
    result = tidy(text, sort=True)
    assert result.refused is None
    assert view(result.text) == view(text)
    assert tidy(result.text, sort=True).text == result.text


FIELD = st.tuples(
    st.sampled_from(["Title", "author", "YEAR", "note", "x-custom", "url", "file"]),
    st.text(alphabet="abc XYZ,.:-Жé\\&", min_size=0, max_size=10),
    st.sampled_from(["{}", '""']),
    st.sampled_from([" = ", "=", " =\t"]),
)


@st.composite
def messy_bib(draw: st.DrawFn) -> str:
    out = []
    for number in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(["% c & d\n", "@comment{x}\n", "@string{m = {v}}\n",
                                             "junk text\n"])))
        fields = draw(st.lists(FIELD, min_size=1, max_size=4, unique_by=lambda f: f[0].lower()))
        body = ", ".join(f"{name}{eq}{d[0]}{value}{d[1]}" for name, value, d, eq in fields)
        kind = draw(st.sampled_from(["Article", "misc", "ONLINE"]))
        key = draw(st.sampled_from(["Zeta", "alpha", "10.1/x", "2013PASP-emcee"])) + str(number)
        out.append(f"@{kind}{{{key},{body}}}\n")
    return "".join(out)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_bib(), st.booleans())
def test_tidy_keeps_every_field_of_synthetic_files(text: str, sort: bool) -> None:
    result = tidy(text, sort=sort)
    assert view(result.text) == view(text)
    assert tidy(result.text, sort=sort).text == result.text
