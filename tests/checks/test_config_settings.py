"""citefmt.config: config files found upwards, flags winning, and suppression comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.config import (
    Overrides,
    Settings,
    find_config,
    find_suppressions,
    resolve,
    split_codes,
    without_suppressed,
)
from citefmt.diagnostics import Diagnostic
from citefmt.errors import InputError


def test_pyproject_table_found_from_a_subdirectory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.citefmt]\nstyle = "vancouver"\nignore = ["CF303"]\nfiles = ["paper/*.md"]\n',
        encoding="utf-8")
    (tmp_path / "paper").mkdir()
    settings = resolve(tmp_path / "paper", Overrides())
    assert (settings.style, settings.ignore, settings.files) == (
        "vancouver", frozenset({"CF303"}), ("paper/*.md",))
    assert settings.source == (tmp_path / "pyproject.toml").resolve()


def test_dot_citefmt_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.citefmt]\nstyle = "a"\n', encoding="utf-8")
    (tmp_path / ".citefmt.toml").write_text('style = "b"\n', encoding="utf-8")
    assert resolve(tmp_path, Overrides()).style == "b"


def test_pyproject_without_table_does_not_stop_the_search(tmp_path: Path) -> None:
    (tmp_path / ".citefmt.toml").write_text('locale = "ru-RU"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(inner) == (tmp_path / ".citefmt.toml").resolve()


def test_flags_win_over_the_config_file(tmp_path: Path) -> None:
    (tmp_path / ".citefmt.toml").write_text('style = "gost"\nignore = ["CF303"]\n',
                                           encoding="utf-8")
    settings = resolve(tmp_path, Overrides(style="vancouver", ignore=("CF200",)))
    assert (settings.style, settings.ignore) == ("vancouver", frozenset({"CF200"}))


def test_isolated_ignores_config_files(tmp_path: Path) -> None:
    (tmp_path / ".citefmt.toml").write_text('style = "gost"\n', encoding="utf-8")
    assert resolve(tmp_path, Overrides(isolated=True)) == Settings()


def test_relative_csl_path_and_bibliography_are_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / ".citefmt.toml").write_text(
        'style = "styles/journal.csl"\nbibliography = "refs.bib"\n', encoding="utf-8")
    settings = resolve(tmp_path, Overrides())
    assert settings.style == str(tmp_path.resolve() / "styles" / "journal.csl")
    assert settings.bibliography == (str(tmp_path.resolve() / "refs.bib"),)


@pytest.mark.parametrize(("content", "message"), [
    ('styel = "x"\n', "unknown key(s) in citefmt settings: styel"),
    ('ignore = 3\n', "citefmt setting 'ignore' must be a list of strings"),
    ('style = [\n', "invalid TOML"),
])
def test_bad_config_is_one_clear_error_naming_the_file(tmp_path: Path, content: str,
                                                       message: str) -> None:
    config = tmp_path / ".citefmt.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        resolve(tmp_path, Overrides())
    assert caught.value.path == str(config.resolve())
    assert caught.value.message.startswith(message)


def test_ignore_accepts_code_prefixes() -> None:
    settings = Settings(ignore=frozenset({"CF30"}))
    assert settings.ignores("CF303") and not settings.ignores("CF200")


def test_ignore_flags_split_on_commas_and_repeat() -> None:
    assert split_codes(["CF300, CF303", "CF1", " ,"]) == ("CF300", "CF303", "CF1")


SUPPRESSED_TEXT = """\
1. Smith J. A title. <!-- citefmt: ignore CF200 -->
2. Doe J. Another. % citefmt: ignore
# citefmt: ignore[CF300, CF303]

3. Roe R. Third.
4. Poe E. Fourth.
"""


def test_suppression_comments_same_line_and_next_line() -> None:
    found = find_suppressions(SUPPRESSED_TEXT)
    assert found.lines == {1: frozenset({"CF200"}), 2: None, 5: frozenset({"CF300", "CF303"})}


def test_without_suppressed_drops_only_what_is_silenced() -> None:
    diagnostics = [Diagnostic(code, "m", "f.md", line) for code, line in
                   [("CF200", 1), ("CF201", 1), ("CF300", 2), ("CF303", 5), ("CF200", 5),
                    ("CF303", 6)]]
    kept = without_suppressed(diagnostics, SUPPRESSED_TEXT, Settings())
    assert [(d.code, d.line) for d in kept] == [("CF201", 1), ("CF200", 5), ("CF303", 6)]


def test_ignore_file_comment() -> None:
    text = "<!-- citefmt: ignore-file[CF303] -->\nbody\n"
    diagnostics = [Diagnostic("CF303", "m", "f.md", 9), Diagnostic("CF304", "m", "f.md", 9)]
    assert [d.code for d in without_suppressed(diagnostics, text, Settings())] == ["CF304"]
