"""`format` and `convert` never go all-or-nothing (issue 9, part 2).

An entry that cannot be read is reported as `path:line: CODE message` and left out (or kept,
when that is what the message says); every other entry is rendered; the exit status says
whether something was reported: 0 nothing, 1 findings (output written), 2 nothing usable.
Expected bibliography lines are the NLM/Vancouver form of each entry written out by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run

BROKEN_BIB = """\
@article{a1,
  author = {Smith, John},
  title = {First},
  journal = {J Biol},
  year = 2020,
  volume = 1,
  pages = {1--2}
}

@article{a1,
  author = {Doe, Jane},
  title = {Second},
  journal = {J Chem},
  year = 2021,
  volume = 2,
  pages = {3--4}
}

@article{b2,
  author = {Roe, R.}
  title = {Missing comma},
  journal = {J Phys},
  year = 2019
}

@article{c3,
  author = {Unclosed, U.},
  title = {Never {closed,
  year = 2018
}

@article{d4,
  author = {Last, L.},
  title = {Fine after},
  journal = {J Geo},
  year = 2017,
  title = {Repeated}
}
"""


def findings(path: Path) -> list[str]:
    return [
        f"{path}:10: CF111 duplicate key 'a1' (first defined on line 1); both entries are kept",
        f"{path}:20: CF113 entry 'b2': field 'author' runs into 'title = …' on the next line; "
        "a comma is probably missing (read as two fields)",
        f"{path}:26: CF114 entry 'c3': braces are unbalanced (2 '{{' not closed); the entry "
        "was not read",
        f"{path}:32: CF112 entry 'd4': field(s) title given more than once; the first value is "
        "kept",
        f"{path}:10: CF402 id 'a1' is used by an earlier entry; this one is written as 'a1-2'",
    ]


def test_format_renders_every_readable_entry_and_reports_the_rest(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BROKEN_BIB, encoding="utf-8")
    code, out, err = run("format", str(bib), "--style", "vancouver")
    assert out == ("1. Smith J. First. J Biol. 2020;1:1-2.\n"
                   "2. Doe J. Second. J Chem. 2021;2:3-4.\n"
                   "3. Roe R. Missing comma. J Phys. 2019.\n"
                   "4. Last L. Fine after. J Geo. 2017.\n")
    assert err.splitlines() == findings(bib)
    assert code == 1


def test_convert_keeps_both_duplicates_as_the_message_says(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BROKEN_BIB, encoding="utf-8")
    code, out, err = run("convert", str(bib))
    items = json.loads(out)
    assert [(i["id"], i["title"]) for i in items] == [
        ("a1", "First"), ("a1-2", "Second"), ("b2", "Missing comma"), ("d4", "Fine after")]
    assert err.splitlines() == findings(bib)
    assert code == 1


def test_an_invalid_csl_json_item_is_left_out_and_named(tmp_path: Path) -> None:
    data = tmp_path / "refs.json"
    data.write_text('[\n  {"id": "ok", "type": "book", "title": "Kept", "issued": '
                    '{"date-parts": [[2001]]}},\n'
                    '  {"id": "bad", "type": "book", "author": "Not a list"}\n]\n',
                    encoding="utf-8")
    code, out, err = run("format", str(data), "--style", "vancouver")
    assert out == "1. Kept. 2001.\n"
    assert err.startswith(f"{data}:3: CF208 ")
    assert len(err.splitlines()) == 1
    assert code == 1


def test_warnings_alone_exit_0_and_strict_makes_them_exit_1(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text('[{"id": "x", "type": "book", "title": "One"}]', encoding="utf-8")
    second.write_text('[{"id": "x", "type": "book", "title": "Two"}]', encoding="utf-8")
    expected_err = f"{second}:1: CF402 id 'x' is used by an earlier entry; this one is written " \
                   "as 'x-2'\n"
    code, out, err = run("convert", str(first), str(second))
    assert [i["id"] for i in json.loads(out)] == ["x", "x-2"]
    assert (code, err) == (0, expected_err)
    code, out, err = run("convert", str(first), str(second), "--strict")
    assert [i["id"] for i in json.loads(out)] == ["x", "x-2"]
    assert (code, err) == (1, expected_err)
    code, _, err = run("convert", str(first), str(second), "--strict", "--quiet")
    assert (code, err) == (1, "")


def test_plain_text_ids_are_made_up_so_their_renaming_is_not_reported(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("1. Smith J. First. J Biol. 2020;1:1-2.\n", encoding="utf-8")
    second.write_text("1. Doe J. Second. J Chem. 2021;2:3-4.\n", encoding="utf-8")
    code, out, err = run("format", str(first), str(second), "--strict")
    assert out == ("1. Smith J. First. J Biol. 2020;1:1-2.\n"
                   "2. Doe J. Second. J Chem. 2021;2:3-4.\n")
    assert (code, err) == (0, "")


def test_verbose_prints_the_info_notes(tmp_path: Path) -> None:
    refs = tmp_path / "refs.txt"
    refs.write_text("1. Smith J, Doe J, Roe R, et al. A study. J Biol. 2020;1:1-2.\n",
                    encoding="utf-8")
    code, out, err = run("format", str(refs))
    assert (code, out, err) == (0, "1. Smith J, Doe J, Roe R, et al. A study. J Biol. "
                                   "2020;1:1-2.\n", "")
    code, _, err = run("format", str(refs), "--verbose")
    assert code == 0
    assert err == (f"{refs}:1:27: CF107 author list truncated (et al.); the names printed are "
                   "kept, then an et-al marker\n")


def test_an_input_that_cannot_be_used_at_all_is_exit_2_and_writes_nothing(
        tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text('[{"id": "x", "type": "book", "title": "One"}]', encoding="utf-8")
    code, out, err = run("format", str(good), str(tmp_path / "missing.bib"))
    assert (code, out) == (2, "")
    assert err == f"citefmt: error: {tmp_path / 'missing.bib'}: no such file [CF900]\n"
