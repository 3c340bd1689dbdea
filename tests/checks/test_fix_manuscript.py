"""`fix_document` and `check --fix` on manuscripts: renumbering, re-rendering, idempotency,
safety."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import manuscript

from citefmt.checks import fix_document
from citefmt.cli import main
from citefmt.config import Settings

OUT_OF_ORDER = manuscript("out-of-order.md")
JUNG = ("Jung H, Jung Y, Seo J, Bae Y, Kim HS, Jeong W. Roles of extracellular vesicles from "
        "mesenchymal stem cells in regeneration. Mol Cells. 2024;47(12):100151.")
MORETTI = ("Moretti L, Stalfort J, Barker TH, Abebayehu D. The interplay of fibroblasts, the "
           "extracellular matrix, and inflammation in scar formation. J Biol Chem. "
           "2022;298(2):101530.")
ROMAN = ("Roman J. Fibroblasts-Warriors at the Intersection of Wound Healing and Disrepair. "
         "Biomolecules. 2023;13(6):945.")
FIXED_305 = "CF305 fixed (renumber the references into order of first citation)"


def fix_text(text: str, settings: Settings, *, source: str) -> str:
    """The text `--fix` writes (the findings it fixed are checked elsewhere)."""
    return fix_document(text, settings, source=source)[0]


RENUMBERED = f"""# Exosomes in scar-free wound healing

Scar formation is driven by fibroblasts and the extracellular matrix [1]. Vesicles from
mesenchymal stem cells take part in regeneration [2, 3].

## References

1. {MORETTI}
2. {JUNG}
3. {ROMAN}
"""


def test_renumbers_references_and_citations_into_first_citation_order() -> None:
    assert fix_text(OUT_OF_ORDER, Settings(), source="paper.md") == RENUMBERED


def test_renders_in_the_style_when_one_is_set() -> None:
    text = OUT_OF_ORDER.replace("J Biol Chem. 2022;298(2):101530.",
                                "J Biol Chem. 2022;298(2):101530. PMID: 34953859.")
    assert fix_text(text, Settings(style="vancouver"), source="paper.md") == RENUMBERED.replace(
        "J Biol Chem. 2022;298(2):101530.",
        "J Biol Chem. 2022;298(2):101530. PubMed PMID: 34953859.")


@pytest.mark.parametrize("style", [None, "vancouver"])
def test_fix_is_idempotent(style: str | None) -> None:
    once = fix_text(OUT_OF_ORDER, Settings(style=style), source="paper.md")
    assert fix_text(once, Settings(style=style), source="paper.md") == once


def test_crlf_stays_crlf() -> None:
    crlf = OUT_OF_ORDER.replace("\n", "\r\n")
    assert fix_text(crlf, Settings(), source="paper.md") == RENUMBERED.replace("\n", "\r\n")


def test_blank_lines_between_entries_stay_in_place() -> None:
    text = OUT_OF_ORDER.replace("\n2. Moretti", "\n\n2. Moretti").replace("\n3. ", "\n\n3. ")
    fixed = fix_text(text, Settings(), source="paper.md")
    assert fixed == RENUMBERED.replace("\n2. Jung", "\n\n2. Jung").replace("\n3. ", "\n\n3. ")


def test_list_without_citations_keeps_its_order() -> None:
    text = OUT_OF_ORDER.replace("[2]", "").replace("[1, 3]", "")
    assert fix_text(text, Settings(), source="paper.md") == text


def test_missing_commas_are_put_back_and_reported() -> None:
    bib = "@article{a,\n title={X}\n author={Y}\n}\n"
    fixed, applied = fix_document(bib, Settings(), source="refs.bib")
    assert fixed == "@article{a,\n title={X},\n author={Y}\n}\n"
    assert [(d.code, d.line) for d in applied] == [("CF113", 2)]


def test_cli_fix_writes_reports_and_exits_1_then_0(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "paper.md"
    path.write_bytes(OUT_OF_ORDER.replace("\n", "\r\n").encode())
    assert main(["check", "--isolated", "--fix", str(path)]) == 1
    assert capsys.readouterr() == ("", f"Rewriting {path}\n{path}:3: {FIXED_305}\n")
    assert path.read_bytes() == RENUMBERED.replace("\n", "\r\n").encode()
    assert main(["check", "--isolated", "--fix", str(path)]) == 0
    assert capsys.readouterr() == ("", "")


def test_exit_zero_even_if_changed(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(OUT_OF_ORDER, encoding="utf-8")
    assert main(["check", "--isolated", "--fix", "--exit-zero-even-if-changed", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == RENUMBERED


def test_diff_prints_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "paper.md"
    path.write_text(OUT_OF_ORDER, encoding="utf-8")
    assert main(["check", "--isolated", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert f"-1. {JUNG}\n" in out and f"+1. {MORETTI}\n" in out
    assert out.endswith("CF305 reference 2 is cited before reference 1 (order of first "
                        "citation)\n")
    assert path.read_text(encoding="utf-8") == OUT_OF_ORDER


def test_fix_from_standard_input_prints_the_fixed_text() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "citefmt", "check", "--isolated", "--fix", "-"],
                          input=OUT_OF_ORDER, capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (1, RENUMBERED, f"-:3: {FIXED_305}\n")
