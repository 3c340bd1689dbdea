"""`check --fix` and `-o` write files safely (issue 10): encoding, BOM and every line ending kept,
symlinks followed, read-only files and concurrent edits refused, no temporary file left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citefmt.cli import main
from citefmt.errors import OutputError
from citefmt.textio import atomic_write, read_file

MANUSCRIPT = (Path(__file__).resolve().parents[1] / "fixtures" / "manuscripts"
              / "out-of-order.md").read_text(encoding="utf-8")
# what `--fix` makes of it: the list renumbered into first-citation order (tests/checks)
FIRST_REFERENCE = "1. Moretti L"


def fixed_lines(path: Path, encoding: str = "utf-8") -> list[str]:
    return path.read_bytes().decode(encoding).splitlines(keepends=True)


def run_fix(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--fix", "--isolated", str(path)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_fix_keeps_the_line_ending_of_every_line(tmp_path: Path, newline: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "paper.md"
    f.write_bytes(MANUSCRIPT.replace("\n", newline).encode("utf-8"))
    code, err = run_fix(f, capsys)
    assert code == 1 and "Rewriting" in err
    data = f.read_bytes().decode("utf-8")
    assert FIRST_REFERENCE in data
    assert data.count(newline) == MANUSCRIPT.count("\n")
    if newline != "\n":
        assert "\n" not in data.replace("\r\n", "") or newline == "\r\n"


def test_fix_keeps_mixed_line_endings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = MANUSCRIPT.split("\n")
    # the title line ends in CR, the next two in CRLF, the rest in LF
    mixed = lines[0] + "\r" + lines[1] + "\r\n" + lines[2] + "\r\n" + "\n".join(lines[3:])
    f = tmp_path / "paper.md"
    f.write_bytes(mixed.encode("utf-8"))
    run_fix(f, capsys)
    data = f.read_bytes().decode("utf-8")
    assert FIRST_REFERENCE in data
    endings = [line[len(line.rstrip("\r\n")):] for line in data.splitlines(keepends=True)]
    # the renumbered citation line (the third) keeps its CRLF as well
    assert endings[:4] == ["\r", "\r\n", "\r\n", "\n"]
    assert set(endings[3:]) == {"\n"}


@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""), ("utf-32-le", b"\xff\xfe\x00\x00"),
])
def test_fix_keeps_encoding_and_bom(tmp_path: Path, encoding: str, bom: bytes,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "paper.md"
    f.write_bytes(bom + MANUSCRIPT.encode(encoding))
    _, err = run_fix(f, capsys)
    assert "Rewriting" in err
    data = f.read_bytes()
    assert data.startswith(bom)
    assert FIRST_REFERENCE in data[len(bom):].decode(encoding)


def test_utf16_without_bom_is_detected_and_checked(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "paper.md"
    f.write_bytes(MANUSCRIPT.encode("utf-16-le"))
    assert main(["check", "--isolated", str(f)]) == 1
    assert "CF305" in capsys.readouterr().out


def test_fix_rewrites_a_symlinks_target_and_keeps_the_link(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "real.md"
    target.write_text(MANUSCRIPT, encoding="utf-8")
    link = tmp_path / "paper.md"
    link.symlink_to(target)
    run_fix(link, capsys)
    assert link.is_symlink()
    assert FIRST_REFERENCE in target.read_text(encoding="utf-8")


def test_fix_refuses_a_read_only_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "paper.md"
    f.write_text(MANUSCRIPT, encoding="utf-8")
    f.chmod(0o444)
    code, err = run_fix(f, capsys)
    assert code == 2
    assert err.strip().startswith(f"citefmt: error: {f}: refused: the file is read-only")
    assert err.strip().endswith("[CF923]")
    assert f.read_text(encoding="utf-8") == MANUSCRIPT


def test_fix_in_a_read_only_directory_is_a_one_line_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    f = folder / "paper.md"
    f.write_text(MANUSCRIPT, encoding="utf-8")
    folder.chmod(0o555)
    try:
        code, err = run_fix(f, capsys)
    finally:
        folder.chmod(0o755)
    assert code == 2
    assert err.count("\n") == 1 and err.rstrip().endswith("[CF922]")
    assert f.read_text(encoding="utf-8") == MANUSCRIPT


def test_a_file_changed_after_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    f = tmp_path / "refs.txt"
    f.write_text("one\n", encoding="utf-8")
    decoded = read_file(str(f))
    f.write_text("the user's edit\n", encoding="utf-8")
    with pytest.raises(OutputError, match="changed while citefmt worked on it"):
        atomic_write(f, "fixed\n", like=decoded)
    assert f.read_text(encoding="utf-8") == "the user's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.txt"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "out.txt"

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left on device"):
        atomic_write(f, "text\n")
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_file_left_by_a_killed_run_is_cleaned(tmp_path: Path) -> None:
    dead = 2 ** 22 + 12345  # above the default pid_max: no such process
    stale = tmp_path / f".out.txt.citefmt-{dead}.tmp"
    stale.write_text("half", encoding="utf-8")
    other = tmp_path / ".notes.tmp"
    other.write_text("not ours", encoding="utf-8")
    atomic_write(tmp_path / "out.txt", "text\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.tmp", "out.txt"]


@pytest.mark.parametrize("where", ["missing/out.txt", "ro/out.txt"])
def test_output_into_a_missing_or_read_only_directory_is_a_one_line_error(
        tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    refs = tmp_path / "refs.json"
    refs.write_text('[{"id": "a", "type": "book", "title": "T"}]', encoding="utf-8")
    (tmp_path / "ro").mkdir(mode=0o555)
    try:
        code = main(["convert", str(refs), "-o", str(tmp_path / where)])
    finally:
        (tmp_path / "ro").chmod(0o755)
    err = capsys.readouterr().err
    assert code == 2  # nothing written: the one exit-code table's "cannot be used at all"
    assert err.count("\n") == 1 and err.startswith(f"citefmt: error: {tmp_path / where}: ")
    assert err.rstrip().endswith(("[CF921]", "[CF922]"))


def test_check_fix_on_a_broken_bib_says_why_it_did_not_rewrite(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "refs.bib"
    # an unbalanced brace (CF114) has no repair: --fix says so instead of staying silent
    f.write_text("@article{a, title = {X, year = 2000, journal = {J}, volume = 1}\n",
                 encoding="utf-8")
    code, err = run_fix(f, capsys)
    assert code == 1
    assert err.startswith(f"citefmt: {f}: not rewritten: it has errors that --fix cannot repair (")
    assert err.endswith("); fix them by hand first\n") and err.count("\n") == 1


def test_fix_of_standard_input_keeps_its_line_endings(
        monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(MANUSCRIPT.replace("\n", "\r\n").encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert main(["check", "--fix", "--isolated", "-"]) == 1
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert FIRST_REFERENCE in out
    assert out.count("\r\n") == MANUSCRIPT.count("\n") and "\n" not in out.replace("\r\n", "")
