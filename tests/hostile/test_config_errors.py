"""Broken or hostile config files are one-line errors with exit 2, never exit 3 (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.cli import main

LIST = "1. Smith J. Title. J Med. 2000;1:1-2.\n"


@pytest.mark.parametrize(("config", "message"), [
    ("tool = 5\n", "[tool] must be a table"),
    ('[[tool.citefmt]]\nstyle = "vancouver"\n', "[tool.citefmt] must be a table"),
    ('[tool.citefmt]\nfiles = ["/etc/*.md"]\n',
     "citefmt setting 'files': '/etc/*.md' must be a path relative to the config file"),
    ('[tool.citefmt]\nfiles = ["../*.md"]\n', "'../*.md' must be a path relative"),
    ('[tool.citefmt]\nbibliography = "/etc/passwd"\n', "'/etc/passwd' must be a path relative"),
    ('[tool.citefmt]\nstyle = "../../x.csl"\n', "'../../x.csl' must be a path relative"),
    ("[tool.citefmt\n", "invalid TOML"),
])
@pytest.mark.parametrize("with_file", [True, False])
def test_bad_config_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str], config: str,
                                        message: str, with_file: bool) -> None:
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    (tmp_path / "refs.md").write_text(LIST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "refs.md"] if with_file else ["check"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1, err
    assert message in err and err.rstrip().endswith("[CF902]")
