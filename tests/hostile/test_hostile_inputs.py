"""Each example class of issue 10 as a regression test: no internal error, no bomb, no silent
loss, a clear message naming file, line and limit."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from citefmt.cli import main
from citefmt.limits import LINE_CHARS, override


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    f = tmp_path / name
    if isinstance(data, bytes):
        f.write_bytes(data)
    else:
        f.write_text(data, encoding="utf-8")
    return str(f)


# --- internal errors --------------------------------------------------------------------------

def test_cr_only_line_endings_with_fix_and_diff(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    text = ("# Paper\r\rSee [2] and [1].\r\r## References\r\r"
            "1. Smith J. Title one. J Med. 2000;1:1-2.\r"
            "2. Doe A. Title two. J Med. 2001;2:3-4.\r")
    f = write(tmp_path, "paper.md", text)
    code, out, _ = run(capsys, "check", "--diff", "--isolated", f)
    assert code == 1 and "+1. Doe A. Title two." in out
    code, _, err = run(capsys, "check", "--fix", "--isolated", f)
    assert code == 1 and "Rewriting" in err
    assert Path(f).read_bytes().decode() == text.replace("[2] and [1]", "[1] and [2]").replace(
        "1. Smith J. Title one. J Med. 2000;1:1-2.\r2. Doe A. Title two. J Med. 2001;2:3-4.\r",
        "1. Doe A. Title two. J Med. 2001;2:3-4.\r2. Smith J. Title one. J Med. 2000;1:1-2.\r")


def test_lone_surrogate_escape_is_replaced_and_reported(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.json", '[{"id": "a", "type": "book", "title": "X\\ud800Y"}]')
    code, out, err = run(capsys, "convert", f)
    assert code == 0
    assert json.loads(out)[0]["title"] == "X\ufffdY"
    assert err == f"{f}:1: CF912 item 1: 1 lone surrogate escape(s) (such as \\ud800) replaced " \
                  "by U+FFFD\n"


def test_huge_numbers_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.json", '[{"id": "a", "type": "book", "title": "T", "volume": '
              + "9" * 5000 + ', "page": 1e999999}]')
    code, _, err = run(capsys, "format", f)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"citefmt: error: {f}: malformed JSON: Exceeds the limit (4300 digits)")


@pytest.mark.parametrize(("value", "message"), [("1e999999", "number 1e999999 is out of range"),
                                                ("NaN", "NaN is not a JSON value"),
                                                ("-Infinity", "-Infinity is not a JSON value")])
def test_non_finite_numbers_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    value: str, message: str) -> None:
    f = write(tmp_path, "refs.json", f'[{{"id": "a", "type": "book", "volume": {value}}}]')
    code, out, err = run(capsys, "convert", f)
    assert (code, out) == (2, "")
    assert err == f"citefmt: error: {f}: malformed JSON: {message} [CF901]\n"


def test_json_nested_600_deep(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.json", "[" * 600 + "]" * 600)
    code, _, err = run(capsys, "format", f)
    assert code == 2
    assert err == (f"citefmt: error: {f}:1: nesting depth (600 levels) exceeds the limit of 200 "
                   "levels; raise it with CITEFMT_MAX_NESTING=N if the input is genuine "
                   "[CF931]\n")


def test_bibtex_braces_1200_deep(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.bib", "@article{a,\n title = " + "{" * 1200 + "x" + "}" * 1200
              + "}\n")
    code, _, err = run(capsys, "format", f)
    assert code == 2
    assert err.startswith(f"citefmt: error: {f}:2: BibTeX brace depth (1,201 levels) exceeds "
                          "the limit of 200 levels")
    assert err.rstrip().endswith("[CF932]")


def test_yaml_with_a_repeated_references_key(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.yaml", "references:\n- id: a\n  type: book\nreferences:\n"
              "- id: b\n  type: book\n- id: c\n  type: book\n")
    code, _, err = run(capsys, "format", f)
    assert code == 2
    assert err == (f"citefmt: error: {f}:4: malformed YAML: key 'references' given more than "
                   "once [CF901]\n")


def test_superscript_digit_in_plain_text(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.txt", "1. ⁰\n2. Smith J. Title. J Med. 2000;1:1-2.\n")
    code, out, _ = run(capsys, "convert", f)
    assert code == 0
    assert [i["id"] for i in json.loads(out)] == ["ref-1", "ref-2"]


# --- resource bombs ---------------------------------------------------------------------------

def test_yaml_alias_bomb_is_refused_fast(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    f = write(tmp_path, "refs.yaml", "\n".join(lines) + "\nreferences: [*i]\n")
    start = time.process_time()
    code, _, err = run(capsys, "format", f)
    assert time.process_time() - start < 5
    assert code == 2 and "YAML alias expansion" in err and "[CF934]" in err


def test_bibtex_string_bomb_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = '@string{a = "' + "x" * 80 + '"}\n'
    for previous, name in zip("abcdef", "bcdefg", strict=True):
        text += f"@string{{{name} = " + " # ".join([previous] * 10) + "}\n"
    text += "@article{k, title = g, author = {A}, journal = {J}, year = 2000}\n"
    f = write(tmp_path, "refs.bib", text)
    code, out, err = run(capsys, "format", f)
    assert code == 2 and out == ""
    assert "BibTeX @string expansion" in err and err.rstrip().endswith("[CF933]")


def test_input_size_limit_names_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITEFMT_MAX_INPUT_BYTES", "100")
    f = write(tmp_path, "refs.txt", "1. Smith J. Title. J Med. 2000;1:1-2.\n" * 5)
    code, _, err = run(capsys, "format", f)
    assert code == 2
    assert err == (f"citefmt: error: {f}: input size (190 bytes) exceeds the limit of 100 bytes; "
                   "raise it with CITEFMT_MAX_INPUT_BYTES=N if the input is genuine [CF930]\n")


# --- superlinear text paths -------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["A. ", "1", "(", "()", "a", "1-", '"'])
def test_long_runs_parse_in_linear_time(unit: str) -> None:
    from citefmt.refparse import parse_reference

    parse_reference("Smith J. Title. J Med. 2000;1:1-2.")

    def cost(n: int) -> float:
        text = "Smith J. " + unit * (n // len(unit)) + " Title. 2000."
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            parse_reference(text)
            best = min(best, time.process_time() - start)
        return best

    # both sizes long enough that the same path (the CRF tagger) reads them
    small, large = cost(2500), cost(10000)
    # 4x the input: linear is 4x; quadratic would be 16x (CPU time, so other jobs on the
    # machine do not count; the margin covers cache effects)
    assert large < max(8 * small, 0.5), (small, large)


def test_a_line_over_the_limit_is_kept_whole_and_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "Smith J. " + "(" * 3000 + " Title. 2000."
    f = write(tmp_path, "refs.txt", f"1. {body}\n2. Doe A. Title. J Med. 2001;2:3-4.\n")
    with override(LINE_CHARS, 2000):
        code, out, err = run(capsys, "convert", f)
    assert code == 0
    items = json.loads(out)
    assert items[0]["title"] == body and items[1]["title"] == "Title"
    assert err.startswith(f"{f}:1:4: CF935 reference of 3,022 characters is longer than the "
                          "limit of 2,000 (CITEFMT_MAX_LINE_CHARS)")


# --- silent loss ------------------------------------------------------------------------------

def test_missing_comma_on_one_line_is_cf113_and_fix_keeps_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "@article{k, title = {X} year = 2000, author = {A B}, journal = {J}, volume = 1}\n"
    f = write(tmp_path, "refs.bib", text)
    code, _, err = run(capsys, "convert", f, "--to", "csl-json")
    assert code == 1 and "CF113" in err  # reported; the entry is left out, nothing lost silently
    code, _, err = run(capsys, "check", "--fix", "--isolated", f)
    assert code == 1
    # --fix repairs what CF113 names (the comma), as an edit, and changes nothing else
    assert f"{f}:1: CF113 fixed" in err
    assert Path(f).read_text(encoding="utf-8") == text.replace("{X} year", "{X}, year")


def test_references_numbered_10000_and_more_stay_separate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.txt", "9999. Smith J. Title one. J Med. 2000;1:1-2.\n"
              "10000. Doe A. Title two. J Med. 2001;2:3-4.\n"
              "123456. Roe B. Title three. J Med. 2002;3:5-6.\n")
    code, out, _ = run(capsys, "convert", f)
    assert code == 0
    assert [i["id"] for i in json.loads(out)] == ["ref-9999", "ref-10000", "ref-123456"]


def test_ignored_fields_are_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.ris", "TY  - JOUR\nTI  - Title\nXX  - dropped value\nER  - \n")
    code, _, err = run(capsys, "convert", f)
    assert code == 0
    assert "CF121 unknown RIS tag 'XX' ignored" in err


# --- messages ---------------------------------------------------------------------------------

def test_yaml_control_character_is_one_line_with_line_number(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.yaml", "- id: a\n  type: book\n  title: \"X\x01\"\n")
    code, _, err = run(capsys, "convert", f)
    assert code == 2
    assert err == (f"citefmt: error: {f}:3:12: malformed YAML: character U+0001 is not allowed "
                   "in YAML [CF901]\n")


def test_utf16_le_without_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.txt", "1. Иванов И. И. Заглавие // Журнал. 2020. № 1. С. 1–2.\n"
              .encode("utf-16-le"))
    code, out, _ = run(capsys, "convert", f)
    assert code == 0
    assert json.loads(out)[0]["author"][0]["family"] == "Иванов"


def test_an_endless_device_is_read_only_up_to_the_limit(capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CITEFMT_MAX_INPUT_BYTES", "1000")
    code, _, err = run(capsys, "format", "/dev/zero")
    assert code == 2
    assert err.startswith("citefmt: error: /dev/zero: input size (1,001 bytes) exceeds the limit")


def test_yaml_infinity_and_nan_are_kept_as_text(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "refs.yaml", "- id: a\n  type: book\n  title: T\n  volume: .inf\n"
              "  page: .nan\n")
    code, out, err = run(capsys, "convert", f)
    assert code == 0
    item = json.loads(out)[0]
    assert (item["volume"], item["page"]) == ("inf", "nan")
    assert err == (f"{f}:1: CF913 item 1: 'volume', 'page' not a finite number (.inf/.nan); "
                   "kept as text\n")


@pytest.mark.parametrize(("name", "text"), [
    # found by bench/fuzz.py: a MEDLINE date whose "month" has 20,000 digits
    ("refs.nbib", "PMID- 1\nTI  - Title\nDP  - 2020 " + "1" * 20000 + "\n"),
    ("refs.json", '[{"id": "a", "type": "book", "issued": {"date-parts": [["' + "9" * 5000
     + '"]]}}]'),
])
def test_numbers_with_thousands_of_digits_are_not_internal_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str) -> None:
    f = write(tmp_path, name, text)
    code, _, err = run(capsys, "format", f, "--style", "gost", "--to", "html")
    assert code in (0, 1, 2)  # never 3
    assert "internal error" not in err and err.count("\n") <= 1


def test_a_volume_of_only_white_space_is_not_an_internal_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # found by bench/fuzz.py: "13(\x1f)" — U+001F is white space to str.split()
    f = write(tmp_path, "refs.md", "1. Roman J. Fibroblasts. Biomolecules. 2023;13(\x1f):945.\n")
    code, out, err = run(capsys, "convert", f)
    assert code == 0 and "internal error" not in err
    assert json.loads(out)[0]["id"] == "ref-1"


def test_reading_a_small_file_does_not_reserve_the_input_limit() -> None:
    import tracemalloc

    from citefmt.textio import read_file

    path = Path(__file__)
    read_file(str(path))
    tracemalloc.start()
    read_file(str(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 50 * path.stat().st_size


def test_csl_yaml_is_read_item_by_item_in_bounded_memory() -> None:
    # PyYAML's whole-document node graph cost ~70 bytes per input byte (16 MB took 1.1 GB, so
    # CSL-YAML had its own 8 MB limit); items are now composed one at a time from the events
    import tracemalloc

    from citefmt.readers.cslyaml import read

    one = "".join(f"- id: a{i}\n  type: article-journal\n  title: Title {i}\n  author:\n"
                  "  - family: Doe\n    given: J\n  issued: 2020\n" for i in range(20))
    text = one * 200  # ~420 KB, 4,000 items
    tracemalloc.start()
    result = read(text, source="big.yaml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(result.items) == 4000 and result.records[-1].line == text.count("\n") - 6
    assert peak < 40 * len(text)


def test_yaml_aliases_spread_over_many_items_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # each item alone is within the budget; together they would expand to 1.5 million nodes
    big = "[" + ",".join(["x"] * 5000) + "]"
    items = [f"- id: a0\n  type: book\n  keyword: &big {big}\n"]
    items += [f"- id: a{i}\n  type: book\n  keyword: *big\n" for i in range(1, 301)]
    f = write(tmp_path, "refs.yaml", "".join(items))
    code, _, err = run(capsys, "convert", f)
    assert code == 2 and "YAML alias expansion" in err and "[CF934]" in err
    assert err.startswith(f"citefmt: error: {f}:")


def test_a_bibliography_name_no_file_system_takes_is_not_found_not_a_crash(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # found by bench/fuzz.py on the merged code: pathlib's is_file() raises ENAMETOOLONG
    name = "p" + "{" * 300 + "x" + "}" * 300 + ".bib"
    f = write(tmp_path, "paper.md", f"---\nbibliography: {name}\n---\n\nText [@a].\n")
    code, out, err = run(capsys, "check", "--isolated", "--fix", f)
    assert code == 1 and "internal error" not in err
    assert "CF308" in out
