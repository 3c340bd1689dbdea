"""The error model (issue 10): one table of codes for findings and hard errors, every code the
source raises is in it, and `citefmt rule CODE` explains each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import citefmt.errors as errors
from citefmt.cli import main
from citefmt.diagnostics import CODES
from citefmt.errors import ERROR_CODES
from citefmt.rules import _DETAILS, all_codes, rule

SOURCE = Path(__file__).resolve().parents[2] / "citefmt"
#: the codes of this branch; codes other areas add later are printed with their summary alone
EXPLAINED = set(_DETAILS)


def test_findings_and_errors_share_one_table_without_overlap() -> None:
    assert not set(CODES) & set(ERROR_CODES)
    assert all_codes() == dict(sorted((CODES | ERROR_CODES).items()))
    assert all(re.fullmatch(r"CF9[0-4]\d", code) for code in ERROR_CODES)


def test_every_code_the_source_names_is_in_the_table() -> None:
    named = set()
    for path in SOURCE.rglob("*.py"):
        named |= set(re.findall(r"""["'](CF\d{3})["']""", path.read_text(encoding="utf-8")))
    assert named - set(all_codes()) == set()


def test_every_code_here_is_explained_with_an_example() -> None:
    for code in (set(CODES) | set(ERROR_CODES)) & EXPLAINED:
        explained = rule(code)
        assert explained is not None and explained.explanation and explained.example, code
    assert {c for c in ERROR_CODES} <= EXPLAINED


def test_render_error_is_gone() -> None:
    # it was never raised; rendering failures are StyleError (CF903) or findings (CF400/CF401)
    assert not hasattr(errors, "RenderError")


def test_rule_command_explains_a_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "cf305"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# CF305: references are not numbered in order of first citation\n")
    assert "Fix is available" in out and "## Example" in out


def test_rule_command_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(all_codes())


def test_an_unknown_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "CF999"]) == 2
    assert capsys.readouterr().err == ("citefmt: error: unknown code 'CF999' (see `citefmt rule "
                                       "--all`) [CF904]\n")


def test_a_click_usage_error_is_one_line_with_its_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["format", "--no-such-flag", "x"]) == 2
    assert capsys.readouterr().err == ("citefmt: error: No such option '--no-such-flag'. (see "
                                       "`citefmt format --help`) [CF904]\n")
