"""A CSL style with an undefined or recursive macro is a clear error, not empty output with
exit 0 (issue 10)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from citefmt.cli import main
from citefmt.engine.loading import clear_cache

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "seed-references.json"
VANCOUVER = (REPO / "styles" / "vancouver.csl").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def run_style(tmp_path: Path, text: str,
              capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, str]:
    clear_cache()
    style = tmp_path / "broken.csl"
    style.write_text(text, encoding="utf-8")
    code = main(["format", str(EXAMPLE), "--style", str(style)])
    out, err = capsys.readouterr()
    return code, out, f"{style}", err


def test_an_undefined_macro_is_a_style_error(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    call = re.search(r'<text macro="author"', VANCOUVER)
    assert call is not None
    text = VANCOUVER.replace('<text macro="author"', '<text macro="no-such-macro"', 1)
    code, out, style, err = run_style(tmp_path, text, capsys)
    assert (code, out) == (2, "")
    assert err == (f"citefmt: error: {style}:{line_of(text, 'no-such-macro')}: macro "
                   "'no-such-macro' is called but not defined [CF903]\n")


@pytest.mark.parametrize("mutual", [False, True])
def test_a_recursive_macro_is_a_style_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            mutual: bool) -> None:
    text = VANCOUVER.replace('<macro name="author">',
                             '<macro name="author"><text macro="container-editors"/>' if mutual
                             else '<macro name="author"><text macro="author"/>', 1)
    if mutual:
        text = text.replace('<macro name="container-editors">',
                            '<macro name="container-editors"><text macro="author"/>', 1)
    code, out, _, err = run_style(tmp_path, text, capsys)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "calls itself" in err and err.rstrip().endswith("[CF903]")
