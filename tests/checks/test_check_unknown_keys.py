"""CF307: pandoc citation keys missing from the bibliography."""

from __future__ import annotations

from pathlib import Path

from check_helpers import MANUSCRIPTS, manuscript

from citefmt.cli import main


def test_front_matter_bibliography_is_used(capsys) -> None:
    path = MANUSCRIPTS / "pandoc-keys.md"
    assert main(["check", "--isolated", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:7:60: CF307 citation key @nobody2020 is not in the bibliography\n")


def test_without_a_bibliography_keys_are_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text("Unknown work [@nobody2020].\n", encoding="utf-8")
    assert main(["check", "--isolated", str(path)]) == 0


def test_bibliography_setting_in_config(tmp_path: Path, capsys) -> None:
    (tmp_path / "refs.bib").write_text(
        manuscript("pandoc-keys.bib"), encoding="utf-8")
    (tmp_path / ".citefmt.toml").write_text('bibliography = ["refs.bib"]\n', encoding="utf-8")
    path = tmp_path / "paper.md"
    path.write_text("Known [@roman2023], unknown [@doe2019].\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out == (
        f"{path}:1:30: CF307 citation key @doe2019 is not in the bibliography\n"
        f"{tmp_path / 'refs.bib'}:1: CF303 entry 'moretti2022' is never cited in {path}\n")
