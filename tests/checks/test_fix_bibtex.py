"""`--fix` on .bib files: edits at the ranges a finding names, every other byte kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.checks import check_text, fix_document, fix_text
from citefmt.cli import main
from citefmt.config import Settings
from citefmt.diagnostics import Diagnostic
from citefmt.edits import Edit, Fix

# messy but valid: nothing in it is a finding --fix repairs, so nothing may change
MESSY = """% Exported by JabRef
@String{jbc = "J Biol Chem"}
@preamble{"\\newcommand{\\noop}[1]{}"}
@Article{2013PASP-emcee,
author={Moretti, L. and Stalfort, J.},
  title = "The interplay of {fibroblasts}",
journal = jbc, year = 2022, volume={298}, pages={101530--101540},
  adsurl = {https://ui.adsabs.harvard.edu/abs/2013PASP..125..306F},
  archivePrefix = "arXiv", primaryClass = {astro-ph.IM},
  url = {\\url{https://example.org/a_b}},
  timestamp = {Mon, 01 Jan 2020}}

@comment{jabref-meta: databaseType:biblatex;}
@online{10.7717/peerj-cs.55, title={Site}, url={https://x.org}, urldate = {2020-01-01}}
"""


def fixed(text: str, source: str = "refs.bib") -> tuple[str, list[tuple[str, int | None]]]:
    out, applied = fix_document(text, Settings(), source=source)
    return out, [(d.code, d.line) for d in applied]


def test_a_file_with_nothing_to_fix_stays_byte_identical() -> None:
    assert fixed(MESSY) == (MESSY, [])
    crlf = MESSY.replace("\n", "\r\n")
    assert fixed(crlf) == (crlf, [])


def test_each_fix_touches_only_its_range_and_is_reported() -> None:
    text = MESSY.replace("year = 2022,", "year = 2022, doi = {https://doi.org/10.1/ABC},") \
        .replace("title={Site}", "title={Q & A}")
    out, applied = fixed(text)
    assert out == text.replace("https://doi.org/10.1/ABC", "10.1/ABC").replace(
        "{Q & A}", "{Q \\& A}")
    assert applied == [("CF500", 7), ("CF501", 14)]


def test_missing_comma_and_repeated_identical_field_in_a_commented_crlf_file() -> None:
    text = ("% my refs\r\n@book{k,\r\n  title = {T}\r\n  year = {2001},\r\n  year = {2001},\r\n"
            "  note = {n},\r\n  note = {other}\r\n}\r\n")
    out, applied = fixed(text)
    # the identical repeat goes, the differing one is the author's call and stays
    assert out == ("% my refs\r\n@book{k,\r\n  title = {T},\r\n  year = {2001},\r\n"
                   "  note = {n},\r\n  note = {other}\r\n}\r\n")
    assert sorted(applied) == [("CF112", 2), ("CF113", 3)]
    assert fixed(out)[0] == out


def test_ampersand_in_math_url_or_already_escaped_is_left_alone() -> None:
    for value in ("{$a & b$}", "{A \\& B}", "{\\url{http://x.org/?a=1&b=2}}"):
        text = f"@misc{{k, title = {value}, year = 2020}}\n"
        assert fixed(text) == (text, [])
    url = "@misc{k, title = {T}, url = {http://x.org/?a=1&b=2}}\n"
    assert fixed(url) == (url, [])


def test_unparseable_block_is_kept_and_the_rest_still_fixed() -> None:
    text = "@article{broken,\n title = {x\n\n@misc{ok, title = {R & D}}\n"
    out, applied = fixed(text)
    assert out.endswith("@misc{ok, title = {R \\& D}}\n")
    assert out.startswith("@article{broken,\n title = {x\n")
    assert applied == [("CF501", 4)]


def test_fix_text_applies_non_overlapping_fixes_and_leaves_overlaps_for_later() -> None:
    text = "abcdef"
    findings = [
        Diagnostic("CF500", "m", line=1, fix=Fix((Edit(1, 3, "X"),))),
        Diagnostic("CF501", "m", line=1, fix=Fix((Edit(2, 4, "Y"),))),
        Diagnostic("CF501", "m", line=1, fix=Fix((Edit(5, 5, "!"), Edit(0, 0, "^")))),
        Diagnostic("CF200", "no fix", line=1),
    ]
    out, applied = fix_text(text, findings)
    assert out == "^aXde!f"
    assert [d.code for d in applied] == ["CF501", "CF500"]


def test_plain_check_carries_no_fix_for_reader_findings_but_fix_mode_does() -> None:
    text = "@book{k,\n title = {T}\n year = {2001}\n}\n"
    plain = [d for d in check_text(text, Settings(), source="r.bib") if d.code == "CF113"]
    with_fixes = [d for d in check_text(text, Settings(), source="r.bib", with_fixes=True)
                  if d.code == "CF113"]
    assert [d.fix for d in plain] == [None]
    assert with_fixes[0].fix is not None
    assert with_fixes[0].to_json()["fix"]["edits"] == [{"start": 21, "end": 21, "content": ","}]


def test_cli_fix_reports_every_fix_with_code_and_line(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(b"@misc{k,\r\n title = {R & D},\r\n year = 2020\r\n}\r\n")
    assert main(["check", "--isolated", "--fix", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2: CF501 fixed (escape '&' as '\\&')\n" in err
    assert path.read_bytes() == b"@misc{k,\r\n title = {R \\& D},\r\n year = 2020\r\n}\r\n"
    assert main(["check", "--isolated", "--fix", str(path)]) == 0
