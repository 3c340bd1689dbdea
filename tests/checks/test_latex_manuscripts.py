"""LaTeX manuscripts (issue 9, part 4): citations, bibliography and included files of `.tex`
sources, and `check` on a thesis repository (tests/fixtures/repos/latex-thesis).

Expected positions are counted in the fixture files by hand (line, column of the key)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from citefmt.cli import main
from citefmt.latex_manuscript import mask_tex, read_tex

REPOS = Path(__file__).resolve().parents[1] / "fixtures" / "repos"


def keys_at(text: str) -> list[tuple[str, int, int]]:
    return [(key, line, col) for c in read_tex(text).citations
            for key, (line, col) in zip(c.keys, c.key_positions, strict=True)]


def test_natbib_and_biblatex_forms_with_optional_arguments_and_several_keys() -> None:
    text = ("See \\citep[see][p.~5]{knuth1984, lamport1994} and \\Citet*{a}.\n"
            "\\parencite[p.~{3]}]{b}\\textcite{c} \\autocite{d}\\footcite{e} \\citeA{f}\n"
            "\\citealp{g}\\citeauthor*{h}\\smartcite{i}\\fullcite{j}\\supercite{k}\n")
    assert keys_at(text) == [
        ("knuth1984", 1, 23), ("lamport1994", 1, 34), ("a", 1, 59), ("b", 2, 21),
        ("c", 2, 33), ("d", 2, 46), ("e", 2, 58), ("f", 2, 68), ("g", 3, 10), ("h", 3, 25),
        ("i", 3, 38), ("j", 3, 50), ("k", 3, 63)]


def test_multicite_keys_across_a_line_break() -> None:
    text = "\\cites(pre)(post)[p.~1]{e}[p.~2]{f,\n  g} and \\textcites{h}{i} text {j}.\n"
    assert keys_at(text) == [("e", 1, 25), ("f", 1, 34), ("g", 2, 3), ("h", 2, 21),
                             ("i", 2, 24)]


def test_comments_verbatim_and_other_commands_are_not_citations() -> None:
    text = ("50\\% done \\cite{a} % \\cite{commented}\n"
            "\\\\% \\cite{after_linebreak_comment}\n"
            "\\begin{verbatim}\n\\cite{inverb}\n\\end{verbatim} \\cite{b}\n"
            "\\verb|\\cite{inline}| \\lstinline!\\cite{x}! \\citestyle{plain} \\cite{}\n"
            "\\begin{lstlisting}\\cite{y}\\end{lstlisting}\\cite{c}\n")
    assert [k for k, _, _ in keys_at(text)] == ["a", "b", "c"]
    assert len(mask_tex(text)) == len(text)


def test_nocite_star_cites_everything() -> None:
    source = read_tex("\\nocite{*}\n\\nocite{x}\n")
    assert source.cites_everything
    assert [c.keys for c in source.citations] == [("*",), ("x",)]


def test_bibliographies_inputs_and_root_markers() -> None:
    source = read_tex("% !TEX root = ../main.tex\n"
                      "\\addbibresource[datatype=bibtex]{bib/refs.bib}\n"
                      "\\bibliography{a, b.bib}\n"
                      "% \\bibliography{commented}\n"
                      "\\input{chapters/intro}\\include{ch2}\\import{parts/}{three}"
                      "\\includegraphics{fig}\n\\input appendix \\inputencoding{utf8}\n")
    assert source.magic_root == "../main.tex"
    assert not source.is_root
    assert [(r.name, r.line, r.col, r.add_bib_suffix) for r in source.bibliographies] == [
        ("bib/refs.bib", 2, 34, False), ("a", 3, 15, True), ("b.bib", 3, 18, True)]
    assert [(r.name, r.directory) for r in source.inputs] == [
        ("chapters/intro", ""), ("ch2", ""), ("three", "parts/"), ("appendix", "")]
    assert read_tex("\\documentclass{article}\n").is_root


THESIS_FINDINGS = [
    "bib/thesis.bib:68: CF303 entry 'singer1999' is never cited in main.tex",
    "chapters/intro.tex:5:57: CF307 citation key 'Moretti2022' differs from the "
    "bibliography's 'moretti2022' only in case (BibTeX reports a case mismatch; biber and "
    "pandoc do not find it)",
    "chapters/intro.tex:10:46: CF307 citation key 'lotvall2014' is not in the bibliography",
    "chapters/intro.tex:11:11: CF307 citation key 'nobody2021' is not in the bibliography",
]


@pytest.fixture
def thesis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "thesis"
    shutil.copytree(REPOS / "latex-thesis", repo)
    (repo / ".git").mkdir()
    monkeypatch.chdir(repo)
    return repo


def test_check_at_the_thesis_root_reports_missing_and_uncited_keys(
        thesis: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "."]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == THESIS_FINDINGS
    assert err == ""


def test_a_chapter_alone_is_checked_as_part_of_its_thesis(
        thesis: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "chapters/methods.tex"]) == 1
    assert capsys.readouterr().out.splitlines() == THESIS_FINDINGS[1:] + THESIS_FINDINGS[:1]


def test_the_magic_root_comment_names_the_root(thesis: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (thesis / "main.tex").rename(thesis / "thesis-main.tex")
    appendix = thesis / "appendix" / "extra.tex"
    appendix.parent.mkdir()
    appendix.write_text("% !TEX root = ../thesis-main.tex\nAs in \\cite{singer1999}.\n",
                        encoding="utf-8")
    assert main(["check", "appendix/extra.tex"]) == 1
    # the root does not include the appendix in a way citefmt follows, but the appendix names
    # it as its root: the appendix's citation of singer1999 counts for the thesis
    assert capsys.readouterr().out.splitlines() == THESIS_FINDINGS[1:]


def test_nocite_star_means_nothing_is_uncited(thesis: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    main_tex = thesis / "main.tex"
    main_tex.write_text(main_tex.read_text(encoding="utf-8").replace(
        "\\nocite{gost2018}", "\\nocite{*}"), encoding="utf-8")
    assert main(["check", "."]) == 1
    assert capsys.readouterr().out.splitlines() == THESIS_FINDINGS[1:]


def test_a_missing_bibliography_is_reported_and_keys_are_not_guessed(
        thesis: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main_tex = thesis / "main.tex"
    main_tex.write_text(main_tex.read_text(encoding="utf-8").replace(
        "\\addbibresource{bib/thesis.bib}", "\\addbibresource{bib/missing.bib}"),
        encoding="utf-8")
    assert main(["check", "main.tex"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "main.tex:8:17: CF308 bibliography 'bib/missing.bib' not found (looked for "
        "bib/missing.bib); cited keys are not checked"]


def test_bibtex_bibliography_command_adds_the_suffix(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs.bib").write_text("@book{a,\n  title = {A},\n  author = {B, C},\n"
                                       "  publisher = {P},\n  year = 2000\n}\n",
                                       encoding="utf-8")
    paper = tmp_path / "paper.tex"
    paper.write_text("\\documentclass{article}\n\\begin{document}\n\\cite{a,b}\n"
                     "\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n",
                     encoding="utf-8")
    assert main(["check", str(paper)]) == 1
    assert capsys.readouterr().out == (
        f"{paper}:3:9: CF307 citation key 'b' is not in the bibliography\n")


def test_a_suppression_comment_silences_a_key(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "refs.bib").write_text("@misc{a,\n  title = {A},\n  year = 2000\n}\n",
                                       encoding="utf-8")
    paper = tmp_path / "paper.tex"
    paper.write_text("\\documentclass{article}\n\\addbibresource{refs.bib}\n"
                     "\\cite{a,draft} % citefmt: ignore[CF307]\n", encoding="utf-8")
    assert main(["check", str(paper)]) == 0
    assert capsys.readouterr().out == ""


def test_a_changed_bibliography_alone_pulls_in_the_thesis_that_cites_it(
        thesis: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What a hook sees when only the .bib changed: the entry removed from it is still found
    missing where the thesis cites it."""
    bib = thesis / "bib" / "thesis.bib"
    text = bib.read_text(encoding="utf-8")
    start = text.index("@article{wilgus2020")
    bib.write_text(text[:start] + text[text.index("@article{kalluri2020"):], encoding="utf-8")
    assert main(["check", "bib/thesis.bib"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "bib/thesis.bib:58: CF303 entry 'singer1999' is never cited in main.tex",
        THESIS_FINDINGS[1],
        "chapters/intro.tex:6:80: CF307 citation key 'wilgus2020' is not in the bibliography",
        *THESIS_FINDINGS[2:]]


def test_a_pandoc_template_placeholder_is_not_a_missing_bibliography(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "template.tex"
    template.write_text("\\documentclass{$documentclass$}\n$if(natbib)$\n"
                        "\\bibliography{$for(bibliography)$$bibliography$$sep$,$endfor$}\n"
                        "$endif$\n\\cite{x}\n", encoding="utf-8")
    assert main(["check", str(template)]) == 0
    assert capsys.readouterr().out == ""


TOKENS = ["\\cite", "\\citep", "\\cites", "\\nocite", "{", "}", "[", "]", "(", ")", ",", " ",
          "\n", "\n\n", "%", "\\%", "\\\\", "key", "a:b", "*", "\\verb|", "|",
          "\\begin{verbatim}", "\\end{verbatim}", "\\bibliography", "\\input", "p.~5", "é"]


def test_any_token_soup_reads_and_every_key_stands_where_it_is_said_to() -> None:
    import random

    rng = random.Random(20261207)
    for _ in range(400):
        text = "".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 60)))
        assert len(mask_tex(text)) == len(text)
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        for citation in read_tex(text).citations:
            for key, (start, end), (line, col) in zip(citation.keys, citation.key_spans,
                                                      citation.key_positions, strict=True):
                assert text[start:end] == key
                assert starts[line - 1] + col - 1 == start


def test_unclosed_arguments_do_not_make_reading_quadratic() -> None:
    import time

    text = "\\citep[see " * 20000 + "\\cite{a}\n"
    began = time.process_time()
    source = read_tex(text)
    assert time.process_time() - began < 2.0
    assert [c.keys for c in source.citations] == [("a",)]


def test_a_comment_line_inside_the_arguments_is_not_a_paragraph_break() -> None:
    text = "\\citep[see][%\n  % the page\n  p.~5]{a,%\n  b}\n\n\\cite{c,\n\nd}\n"
    assert keys_at(text) == [("a", 3, 9), ("b", 4, 3)]
