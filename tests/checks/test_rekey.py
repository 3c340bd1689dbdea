"""`--rekey`: keys change only when asked, and then with every citation of them, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.checks.rekey import plan_rekey
from citefmt.citekeys import citation_key_spans
from citefmt.cli import main
from citefmt.errors import OutputError
from citefmt.textio import atomic_write_all

BIB = ("% my refs\r\n@article{ref7,\r\n  author = {Smith, John},\r\n"
       "  title = {Exosome-based therapies for wounds},\r\n  year = 2020,\r\n"
       "  journal = {J}, volume = 1, pages = {1--2},\r\n  adsurl = {x},\r\n}\r\n"
       "@inbook{10.7717/peerj-cs.55, crossref = {ref7}, title={Chapter}, author={Doe, J.},"
       " year={2019}}\r\n"
       "@book{Ivanov:2019, title={Kniga}, author={Иванов, И.}, year=2019, publisher={P}}\r\n")
TEX = ("As \\citep[p.~3][see]{ref7, Ivanov:2019} and \\textcite{10.7717/peerj-cs.55};\n"
       "\\nocite{ref7} \\cites{ref7}{Ivanov:2019} % \\cite{ref7} in a comment is a citation too\n")
MD = "See [@ref7, p. 3; -@Ivanov:2019] and @10.7717/peerj-cs.55. Mail me@ref7.org or @{ref7}.\n"
NEW7, NEW55 = "smithexosomebasedtherapies2020", "doechapter2019"


def test_citation_key_spans_latex_and_pandoc() -> None:
    tex = [k for _, _, k in citation_key_spans(TEX, latex=True)]
    assert tex == ["ref7", "Ivanov:2019", "10.7717/peerj-cs.55", "ref7", "ref7", "Ivanov:2019",
                   "ref7"]
    md = [k for _, _, k in citation_key_spans(MD, latex=False)]
    assert md == ["ref7", "Ivanov:2019", "10.7717/peerj-cs.55", "ref7"]
    for start, end, key in citation_key_spans(MD, latex=False):
        assert MD[start:end] == key


def test_plan_renames_keys_crossrefs_and_every_citation_and_nothing_else() -> None:
    plan = plan_rekey({"refs.bib": BIB, "paper.tex": TEX, "paper.md": MD})
    assert plan.texts["refs.bib"] == BIB.replace("{ref7,", "{" + NEW7 + ",").replace(
        "{ref7}", "{" + NEW7 + "}").replace("10.7717/peerj-cs.55", NEW55)
    assert plan.texts["paper.tex"] == TEX.replace("ref7", NEW7).replace(
        "10.7717/peerj-cs.55", NEW55)
    assert plan.texts["paper.md"] == MD.replace("[@ref7", "[@" + NEW7).replace(
        "{ref7}", "{" + NEW7 + "}").replace("10.7717/peerj-cs.55", NEW55)
    codes = [(d.code, d.path) for d in plan.findings]
    assert codes.count(("CF502", "refs.bib")) == 2
    assert codes.count(("CF503", "paper.tex")) == 5 and codes.count(("CF503", "paper.md")) == 3


def test_plan_refuses_when_a_new_key_is_already_cited_for_something_else() -> None:
    plan = plan_rekey({"refs.bib": BIB, "paper.md": MD + f"[@{NEW55}]\n"})
    assert plan.refused and plan.texts == {}
    assert [d.code for d in plan.findings] == ["CF504"]


def test_plan_keeps_a_key_defined_twice() -> None:
    bib = "@misc{ref1, title={A}, year=2000}\n@misc{ref1, title={B}, year=2001}\n"
    assert plan_rekey({"refs.bib": bib}).texts == {}


def test_without_rekey_fix_never_changes_a_key(tmp_path: Path) -> None:
    bib, tex = tmp_path / "refs.bib", tmp_path / "paper.tex"
    bib.write_bytes(BIB.encode())
    tex.write_text(TEX, encoding="utf-8")
    main(["check", "--isolated", "--fix", str(bib), str(tex)])
    assert bib.read_bytes() == BIB.encode() and tex.read_text(encoding="utf-8") == TEX


def test_cli_rekey_rewrites_bib_and_manuscripts_together(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib, tex, md = tmp_path / "refs.bib", tmp_path / "paper.tex", tmp_path / "paper.md"
    bib.write_bytes(BIB.encode())
    tex.write_text(TEX, encoding="utf-8")
    md.write_text(MD, encoding="utf-8")
    assert main(["check", "--isolated", "--fix", "--rekey", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{bib}:2: CF502 fixed (rename to {NEW7})" in err
    assert f"{tex}:1: CF503 fixed (citation 'ref7' → '{NEW7}')" in err
    assert bib.read_bytes().count(b"\r\n") == BIB.count("\r\n")
    assert NEW7 in tex.read_text(encoding="utf-8") and NEW55 in md.read_text(encoding="utf-8")
    before = (bib.read_bytes(), tex.read_bytes(), md.read_bytes())
    main(["check", "--isolated", "--fix", "--rekey", str(tmp_path)])
    assert (bib.read_bytes(), tex.read_bytes(), md.read_bytes()) == before


def test_config_rekey_true_turns_it_on(tmp_path: Path) -> None:
    (tmp_path / ".citefmt.toml").write_text("rekey = true\n", encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{ref1, title={Alpha beta}, author={Roe, R.}, year=2001}\n",
                   encoding="utf-8")
    main(["check", "--config", str(tmp_path / ".citefmt.toml"), "--fix", str(bib)])
    assert "@misc{roealphabeta2001," in bib.read_text(encoding="utf-8")


def test_atomic_write_all_restores_every_file_when_one_write_fails(tmp_path: Path) -> None:
    a = tmp_path / "a.bib"
    a.write_text("old a", encoding="utf-8")
    missing_dir = tmp_path / "no" / "such" / "b.tex"
    with pytest.raises(OutputError, match="does not exist"):  # the one writer's one-line error
        atomic_write_all({str(a): "new a", str(missing_dir): "new b"})
    assert a.read_text(encoding="utf-8") == "old a"
