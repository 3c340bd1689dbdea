"""`citefmt check` on the command line: output forms, exit codes, one-line errors, config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citefmt.cli import main

DUPLICATE_JSON = """[
 {"type": "article-journal", "id": "a", "title": "X", "container-title": "J",
  "issued": {"date-parts": [[2020]]}, "volume": "1", "DOI": "10.1000/xyz"},
 {"type": "article-journal", "id": "b", "title": "Y", "container-title": "J",
  "issued": {"date-parts": [[2021]]}, "volume": "2", "DOI": "10.1000/XYZ"}
]
"""
CLEAN_JSON = """[
 {"type": "article-journal", "id": "a", "title": "X", "container-title": "J",
  "issued": {"date-parts": [[2020]]}, "volume": "1", "DOI": "10.1000/xyz"}
]
"""


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_findings_print_one_per_line_and_exit_1(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "refs.json", DUPLICATE_JSON)
    assert main(["check", path]) == 1
    out = capsys.readouterr().out
    assert out == f"{path}:4: CF300 item 'b' is a duplicate of item 'a' (line 2): same DOI\n"


def test_clean_file_exits_0_silently(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "refs.json", CLEAN_JSON)
    assert main(["check", path]) == 0
    assert capsys.readouterr() == ("", "")


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "refs.json", DUPLICATE_JSON)
    assert main(["check", "--format", "json", path]) == 1
    assert json.loads(capsys.readouterr().out) == [{
        "code": "CF300", "message": "item 'b' is a duplicate of item 'a' (line 2): same DOI",
        "path": path, "line": 4, "col": None, "severity": "warning"}]


@pytest.mark.parametrize(("name", "content", "message"), [
    pytest.param("missing.json", None, "no such file", id="missing"),
    pytest.param("bad.json", b"[{\n", "malformed JSON", id="malformed-json"),
    pytest.param("latin.md", b"Smith J. Caf\xe9.\n", "not valid UTF-8", id="not-utf8"),
])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str], name: str,
                                                 content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    clean = write(tmp_path, "refs.json", CLEAN_JSON)
    assert main(["check", str(path), clean]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"citefmt: error: {path}")
    assert message in err and "Traceback" not in err


def test_ignore_flag_accepts_commas_and_prefixes(tmp_path: Path) -> None:
    path = write(tmp_path, "refs.json", DUPLICATE_JSON)
    assert main(["check", "--ignore", "CF200,CF30", path]) == 0


def test_config_ignore_and_flag_replacing_it(tmp_path: Path) -> None:
    path = write(tmp_path, "refs.json", DUPLICATE_JSON)
    write(tmp_path, ".citefmt.toml", 'ignore = ["CF300"]\n')
    assert main(["check", path]) == 0
    assert main(["check", "--ignore", "CF200", path]) == 1
    assert main(["check", "--isolated", path]) == 1


def test_bare_check_uses_the_configured_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs").mkdir()
    write(tmp_path / "refs", "one.json", DUPLICATE_JSON)
    write(tmp_path, "pyproject.toml", '[tool.citefmt]\nfiles = ["refs/*.json"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert "one.json:4: CF300" in capsys.readouterr().out


def test_bare_check_without_files_is_a_usage_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated"]) == 2


def test_bad_config_is_exit_2_naming_the_config(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "refs.json", CLEAN_JSON)
    write(tmp_path, ".citefmt.toml", "sytle = 'x'\n")
    assert main(["check", path]) == 2
    assert ".citefmt.toml: unknown key(s) in citefmt settings: sytle" in capsys.readouterr().err


def test_unknown_style_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "paper.md", "Body [1].\n\nReferences\n\n1. Roman J. A title. "
                                       "Biomolecules. 2023;13(6):945.\n")
    assert main(["check", "--style", "no-such-style", path]) == 2
    assert capsys.readouterr().err == (
        "citefmt: error: style 'no-such-style' not found (see `citefmt styles`) [CF903]\n")


def test_check_without_style_imports_no_heavy_module(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = write(tmp_path, "paper.md", "Body [1].\n\nReferences\n\n1. Roman J. A title. "
                                       "Biomolecules. 2023;13(6):945.\n")
    probe = ("import sys; from citefmt.cli import main; main(['check', '--isolated', "
             f"{path!r}]); print(sorted(m for m in ('citeproc', 'lxml', 'bibtexparser') "
             "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_directory_stands_for_the_reference_files_below_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs").mkdir()
    (tmp_path / ".hidden").mkdir()
    bad = write(tmp_path / "refs", "refs.json", DUPLICATE_JSON)
    write(tmp_path / ".hidden", "refs.json", DUPLICATE_JSON)
    write(tmp_path, "notes.csv", "not,a,reference,file\n")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out == f"{bad}:4: CF300 item 'b' is a duplicate of item 'a' (line 2): same DOI\n"


def test_info_notes_are_neither_printed_nor_findings(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "refs.txt",
                 "1. Jiao YR, Chen KX, Tang X, et al. Exosomes derived from mesenchymal stem "
                 "cells. Cell Death Dis. 2024;15(4):271. doi: 10.1038/s41419-024-06659-w\n")
    from citefmt.checks.files import check_paths
    from citefmt.config import Overrides

    run = check_paths([path], Overrides())
    assert [d.code for d in run.results[0].diagnostics] == ["CF107"]
    assert run.findings == []
    assert run.exit_code(fix=False) == 0
    assert main(["check", path]) == 0
    assert capsys.readouterr().out == ""


def test_text_files_that_are_not_reference_lists_are_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The hook sees every .txt: a requirements.txt or a README has no reference list."""
    requirements = write(tmp_path, "requirements.txt",
                         "click>=8.1\nciteproc-py>=0.11\nPyYAML>=6.0\n")
    readme = write(tmp_path, "README.txt", "This is a README for the data folder.\n"
                                          "It explains the columns.\n")
    assert main(["check", requirements, readme]) == 0
    assert capsys.readouterr().out == ""


def test_a_heading_less_list_that_is_mostly_references_is_checked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refs = write(tmp_path, "refs.txt",
                 "Roman J. Fibroblasts-Warriors. Biomolecules. 2023;13(6):945.\n"
                 "some garbage line here\n"
                 "Smith J. A book. London: Penguin; 2001.\n")
    assert main(["check", refs]) == 1
    assert capsys.readouterr().out == (
        f"{refs}:2:1: CF100 reference could not be parsed; kept whole as the title\n")
