"""Pandoc/Markdown manuscripts without configuration (issue 9, part 4) and repository-aware
file selection (part 5): `check .` at a repository root passes over files that are neither
bibliographies nor manuscripts. Fixtures: tests/fixtures/repos/{pandoc-paper,manubot}."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from citefmt.checks.files import check_paths, select_files
from citefmt.cli import main
from citefmt.config import Overrides

REPOS = Path(__file__).resolve().parents[1] / "fixtures" / "repos"
BOOK = "@book{{{key},\n  author = {{Smith, John}},\n  title = {{{title}}},\n" \
       "  publisher = {{P}},\n  year = 2000\n}}\n"


def copy_repo(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / name
    shutil.copytree(REPOS / name, repo)
    (repo / ".git").mkdir()
    monkeypatch.chdir(repo)
    return repo


def test_pandoc_paper_finds_its_bibliography_in_metadata_yaml(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy_repo("pandoc-paper", tmp_path, monkeypatch)
    assert main(["check", "."]) == 1
    assert capsys.readouterr() == (
        "paper.md:13:59: CF307 citation key @thery2018 is not in the bibliography\n"
        "paper.md:20:62: CF307 citation key @lotvall2014 is not in the bibliography\n"
        "refs/library.bib:44: CF303 entry 'singer1999' is never cited in paper.md\n"
        "refs/library.bib:64: CF303 entry 'zhang2021' is never cited in paper.md\n", "")


def test_manubot_manual_references_beside_the_content(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy_repo("manubot", tmp_path, monkeypatch)
    assert main(["check", "."]) == 1
    assert capsys.readouterr() == (
        "content/02.introduction.md:6:30: CF307 citation key @raw:missing-tool is not in the "
        "bibliography\n"
        "content/manual-references.json:26: CF303 item 'raw:zotero' is never cited in "
        "content/*.md\n", "")


def test_manubot_one_changed_file_still_counts_the_whole_content_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy_repo("manubot", tmp_path, monkeypatch)
    # what pre-commit passes when only the abstract and the references changed
    assert main(["check", "content/01.abstract.md", "content/manual-references.json"]) == 1
    assert capsys.readouterr().out == (
        "content/manual-references.json:26: CF303 item 'raw:zotero' is never cited in "
        "content/*.md\n")


def test_the_repositories_other_json_and_yaml_files_are_passed_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_repo("manubot", tmp_path, monkeypatch)
    files, skipped = select_files(["."], None)
    assert sorted(files) == ["content/00.front-matter.md", "content/01.abstract.md",
                             "content/02.introduction.md", "content/manual-references.json"]
    assert [d.format() for d in skipped] == [
        "content/metadata.yaml: CF309 not a bibliography or manuscript (YAML that is not CSL "
        "data); skipped",
        "package.json: CF309 not a bibliography or manuscript (JSON that is not CSL data); "
        "skipped"]
    assert all(d.severity == "info" for d in skipped)


def test_markdown_with_a_bib_beside_it_needs_no_configuration(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "references.bib").write_text(
        BOOK.format(key="smith2000", title="Cited") + "\n" + BOOK.format(key="smith2001",
                                                                          title="Not cited"),
        encoding="utf-8")
    paper = tmp_path / "paper.md"
    paper.write_text("# Paper\n\nAs shown [@smith2000; @doe1999].\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr().out == (
        f"{paper}:3:23: CF307 citation key @doe1999 is not in the bibliography\n"
        f"{tmp_path / 'references.bib'}:8: CF303 entry 'smith2001' is never cited in "
        f"{paper}\n")


def test_a_readme_beside_a_bib_it_does_not_cite_gets_no_uncited_findings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "references.bib").write_text(BOOK.format(key="smith2000", title="T"),
                                             encoding="utf-8")
    (tmp_path / "README.md").write_text("# Data\n\nMail me: me@example.org\n",
                                        encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_the_bib_given_on_the_command_line_is_the_manuscripts_bibliography(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib = tmp_path / "bib" / "all.bib"
    bib.parent.mkdir()
    bib.write_text(BOOK.format(key="smith2000", title="T") + "\n"
                   + BOOK.format(key="roe2001", title="U"), encoding="utf-8")
    paper = tmp_path / "paper.md"
    paper.write_text("Text @smith2000 and [@smith2000, p. 3].\n", encoding="utf-8")
    assert main(["check", str(paper), str(bib)]) == 1
    assert capsys.readouterr().out == (
        f"{bib}:8: CF303 entry 'roe2001' is never cited in {paper}\n")


def test_front_matter_nocite_star_cites_everything(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs.bib").write_text(BOOK.format(key="smith2000", title="T"),
                                       encoding="utf-8")
    paper = tmp_path / "paper.md"
    paper.write_text("---\nbibliography: refs.bib\nnocite: |\n  @*\n---\n\nNo citations.\n",
                     encoding="utf-8")
    assert main(["check", str(paper)]) == 0
    assert capsys.readouterr().out == ""


def test_a_front_matter_bibliography_that_is_missing_is_a_warning_not_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text("---\nbibliography: refs.bib\n---\n\nAs in [@a].\n", encoding="utf-8")
    assert main(["check", str(paper)]) == 1
    assert capsys.readouterr().out == (
        f"{paper}:2: CF308 bibliography 'refs.bib' not found (looked for "
        f"{tmp_path / 'refs.bib'}); cited keys are not checked\n")


def test_check_dot_at_a_repo_root_never_exits_2_on_other_peoples_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "package.json").write_text('{"name": "x", "type": "module"}\n',
                                           encoding="utf-8")
    (tmp_path / "tsconfig.json").write_text('{\n  // comments are allowed here\n}\n',
                                            encoding="utf-8")
    (tmp_path / "indent.yaml").write_text("defaultIndent: '  '\n", encoding="utf-8")
    (tmp_path / "environment.yml").write_text("dependencies:\n  - python=3.11\n",
                                              encoding="utf-8")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / "node_modules" / "pkg").mkdir(parents=True)
    (tmp_path / "node_modules" / "pkg" / "refs.bib").write_text("@broken{", encoding="utf-8")
    (tmp_path / "data.json").write_text(json.dumps([{"id": "a", "type": "book", "title": "T",
                                                     "publisher": "P", "author": [
                                                         {"family": "F", "given": "G"}],
                                                     "issued": {"date-parts": [[2000]]}}]),
                                        encoding="utf-8")
    run = check_paths(["."], Overrides(isolated=True))
    assert [r.path for r in run.results] == ["data.json"]
    assert [d.path for d in run.skipped] == ["environment.yml", "indent.yaml", "package.json",
                                             "tsconfig.json"]
    assert main(["check", "--isolated", "."]) == 0
    assert main(["check", "--isolated", "package.json", "indent.yaml"]) == 0
    assert capsys.readouterr() == ("", "")


def test_a_broken_bibliography_list_is_still_reported(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "library.json"
    broken.write_text('{"items": [{"id": "a",}]}', encoding="utf-8")
    assert main(["check", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"citefmt: error: {broken}:1:")


def test_verbose_shows_the_files_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    copy_repo("manubot", tmp_path, monkeypatch)
    assert main(["check", "--verbose", "package.json", "content/metadata.yaml"]) == 0
    assert capsys.readouterr().out == (
        "package.json: CF309 not a bibliography or manuscript (JSON that is not CSL data); "
        "skipped\n"
        "content/metadata.yaml: CF309 not a bibliography or manuscript (YAML that is not CSL "
        "data); skipped\n")


def test_pandoc_crossref_labels_are_not_citation_keys(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "references.bib").write_text(BOOK.format(key="smith2000", title="T"),
                                             encoding="utf-8")
    paper = tmp_path / "chapter.md"
    paper.write_text("See [@smith2000] and Figure [@fig:plot], Eq. [@eq:one], Table @tbl:x, "
                     "[@sec:intro] and [@smyth2000].\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr().out == (
        f"{paper}:1:89: CF307 citation key @smyth2000 is not in the bibliography\n")


def test_a_large_data_file_is_judged_by_its_head(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from citefmt.checks import files

    monkeypatch.setattr(files, "_LARGE_DATA", 100)
    (tmp_path / "measurements.json").write_text(json.dumps({"data": list(range(100))}),
                                                encoding="utf-8")
    (tmp_path / "export.json").write_text(json.dumps([{"id": f"x{i}", "type": "book",
                                                       "title": "T"} for i in range(20)]),
                                          encoding="utf-8")
    selected, skipped = select_files([str(tmp_path)], None)
    assert selected == [str(tmp_path / "export.json")]
    assert [d.format() for d in skipped] == [
        f"{tmp_path / 'measurements.json'}: CF309 not a bibliography or manuscript (large JSON "
        "that does not start as CSL data); skipped"]


def test_quarto_and_r_markdown_manuscripts(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs.bib").write_text(BOOK.format(key="smith2000", title="T") + "\n"
                                       + BOOK.format(key="roe2001", title="U"),
                                       encoding="utf-8")
    quarto = tmp_path / "report.qmd"
    quarto.write_text("---\ntitle: Report\nbibliography: refs.bib\n---\n\n"
                      "```{r}\nx <- 1\n```\n\nAs shown [@smith2000; @doe1999].\n",
                      encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr().out == (
        f"{tmp_path / 'refs.bib'}:8: CF303 entry 'roe2001' is never cited in {quarto}\n"
        f"{quarto}:10:23: CF307 citation key @doe1999 is not in the bibliography\n")
