"""The command line as a user meets it: exit codes, one-line errors, help, version."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

from citefmt import __version__
from citefmt.cli import main
from citefmt.errors import InputError

EXAMPLE_TXT = REPO / "examples" / "seed-references.txt"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run `citefmt ARGS` in-process through `main` (as the console script does)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    stdin_backup = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(list(args))
    finally:
        sys.stdin = stdin_backup
    return code, stdout.getvalue(), stderr.getvalue()


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    assert "Traceback" not in err
    return lines[0]


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out == f"citefmt, version {__version__}\n"


def test_python_dash_m_runs_the_same_cli() -> None:
    proc = subprocess.run([sys.executable, "-m", "citefmt", "--version"], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0
    assert proc.stdout == f"citefmt, version {__version__}\n"


@pytest.mark.parametrize("command", ["format", "convert", "check", "styles"])
def test_every_command_has_help_with_examples(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Example" in out


def test_no_command_is_a_usage_error() -> None:
    code, _, _ = run()
    assert code in (0, 2)


def test_unknown_option_is_exit_2() -> None:
    code, _, err = run("format", "--no-such-flag", str(EXAMPLE_TXT))
    assert code == 2
    assert "No such option" in err


def test_unknown_input_format_is_exit_2(tmp_path: Path) -> None:
    f = tmp_path / "refs.txt"
    f.write_text("1. Smith J. Title. J Biol. 2020;1:1-2.\n", encoding="utf-8")
    code, _, err = run("convert", str(f), "--from", "word")
    assert code == 2
    assert "unknown input format 'word'" in one_line_error(err)


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.bib"
    code, out, err = run("format", str(missing))
    assert code == 2
    assert out == ""
    assert one_line_error(err) == f"citefmt: error: {missing}: no such file [CF900]"


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    f = tmp_path / "refs.txt"
    f.write_bytes("1. Иванов И. И. Заглавие // Журнал. 2020.\n".encode("cp1251"))
    code, _, err = run("convert", str(f))
    assert code == 2
    line = one_line_error(err)
    assert line.startswith(f"citefmt: error: {f}:1: not valid UTF-8 at byte 3")
    assert "Windows-1251" in line


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "refs.json"
    f.write_text('[\n  {"id": "a", "type": "book"},\n  {"id": "b" "type": "book"}\n]\n',
                 encoding="utf-8")
    code, _, err = run("convert", str(f))
    assert code == 2
    assert one_line_error(err).startswith(f"citefmt: error: {f}:3:")


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "refs.yaml"
    f.write_text("- id: a\n  type: book\n- id: b\n  title: [unclosed\n", encoding="utf-8")
    code, _, err = run("convert", str(f))
    assert code == 2
    assert one_line_error(err).startswith(f"citefmt: error: {f}:")


def test_malformed_bibtex_entry_is_reported_and_the_rest_converted(tmp_path: Path) -> None:
    f = tmp_path / "refs.bib"
    f.write_text("@article{ok,\n  title = {Fine},\n  year = 2020\n}\n\n"
                 "@article{bad,\n  title = {Unclosed,\n  year = 2020\n", encoding="utf-8")
    code, out, err = run("convert", str(f))
    assert code == 1
    assert [item["id"] for item in json.loads(out)] == ["ok"]
    assert err == (f"{f}:6: CF114 entry 'bad': braces are unbalanced (2 '{{' not closed); "
                   "the entry was not read\n")


def test_bibtex_missing_comma_is_reported_and_repaired_not_silence(tmp_path: Path) -> None:
    f = tmp_path / "refs.bib"
    f.write_text("@article{a,\n  author = {Nobody, A.}\n  title = {Lost},\n  year = 2020\n}\n",
                 encoding="utf-8")
    code, out, err = run("convert", str(f))
    assert code == 1
    [item] = json.loads(out)
    assert item["title"] == "Lost"
    assert err == (f"{f}:2: CF113 entry 'a': field 'author' runs into 'title = …' on the next "
                   "line; a comma is probably missing (read as two fields)\n")


def test_unknown_style(tmp_path: Path) -> None:
    f = tmp_path / "refs.json"
    f.write_text('[{"id": "a", "type": "book", "title": "T"}]', encoding="utf-8")
    code, _, err = run("format", str(f), "--style", "apa7-nonexistent")
    assert code == 2
    assert "style 'apa7-nonexistent' not found" in one_line_error(err)


def test_invalid_csl_xml_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "refs.json"
    f.write_text('[{"id": "a", "type": "book", "title": "T"}]', encoding="utf-8")
    style = tmp_path / "broken.csl"
    style.write_text('<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl">\n'
                     "  <info><title>x</title>\n</style>\n", encoding="utf-8")
    code, _, err = run("format", str(f), "--style", str(style))
    assert code == 2
    assert one_line_error(err).startswith(f"citefmt: error: {style}:4")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        main(["--debug", "format", str(tmp_path / "missing.json")])


def test_stdin_is_read_for_dash() -> None:
    item = {"id": "x", "type": "book", "title": "Медицина", "publisher": "Наука",
            "issued": {"date-parts": [[2006]]}}
    code, out, err = run("convert", "-", "--from", "csl-json", stdin=json.dumps([item]))
    assert code == 0, err
    assert json.loads(out)[0]["title"] == "Медицина"


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, err = run("convert", str(EXAMPLE_TXT), "-o", str(target), "-q")
    assert code == 0, err
    assert out == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 66


def test_styles_lists_the_bundled_styles() -> None:
    code, out, _ = run("styles")
    assert code == 0
    names = [line.split("\t")[0] for line in out.splitlines() if "\t" in line]
    assert names == ["gost-r-7.0.100-2018", "gost-r-7.0.5-2008", "harvard-references-en",
                     "vancouver", "vancouver-references-en"]


JATS_PAIRED = REPO / "tests" / "fixtures" / "formats" / "jats" / "article_ru_alternatives.xml"


def test_paired_jats_reference_lists_come_out_in_either_language() -> None:
    code, out, err = run("convert", str(JATS_PAIRED), "-q")
    assert code == 0, err
    russian = json.loads(out)
    code, out, err = run("convert", str(JATS_PAIRED), "-q", "--lang", "en")
    assert code == 0, err
    english = json.loads(out)
    assert russian[0]["title"] == "Экзосомы в заживлении ран"
    assert english[0]["title"] == "Exosomes in wound healing"
    assert russian[0]["id"] == english[0]["id"]


def test_a_language_the_source_does_not_give_is_a_one_line_error() -> None:
    code, _, err = run("convert", str(JATS_PAIRED), "-q", "--lang", "de")
    assert code == 2
    assert one_line_error(err) == (f"citefmt: error: {JATS_PAIRED}: the reference list has no "
                                   "'de' version (languages given: en, ru) [CF900]")


def test_article_record_in_english_from_the_page(seed_page: str, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(seed_page, encoding="utf-8")
    code, out, err = run("convert", str(page), "--article", "--lang", "en", "-q")
    assert code == 0, err
    [item] = json.loads(out)
    assert item["title"].startswith("Exosome-Based Therapies for Scar-Free Skin Regeneration")
    assert item["container-title"] == "Innovative Medicine of Kuban"
    code, _, err = run("convert", str(page), "--article", "--lang", "de", "-q")
    assert code == 2
    assert "the article has no 'de' record (languages given: en, ru)" in one_line_error(err)


def test_a_broken_byte_order_mark_is_a_one_line_error(tmp_path: Path) -> None:
    f = tmp_path / "refs.txt"
    f.write_bytes(b"\xff\xfe\x00")
    code, _, err = run("convert", str(f))
    assert code == 2
    assert one_line_error(err) == (f"citefmt: error: {f}: not valid UTF-16 after its byte-order "
                                   "mark (byte 2) [CF910]")


def test_an_input_without_references_says_so(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    code, out, err = run("format", str(f))
    assert code == 0
    assert out == ""
    assert err == f"{f}: CF122 no references found\n"


def test_an_unexpected_failure_is_one_line_and_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    from citefmt import api

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(api, "load", broken)
    code, _, err = run("format", str(EXAMPLE_TXT))
    assert code == 3
    assert one_line_error(err) == ("citefmt: internal error: ZeroDivisionError: division by zero "
                                   "(please report it; run with --debug for the traceback) [CF949]")
