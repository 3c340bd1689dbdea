"""The issue's acceptance test: a 100-reference manuscript served by a local registry server.

The manuscript is written from the recorded Crossref/MEDLINE records with seeded errors
(`online_manuscript.py`); the expected values are the records' own, never citefmt's output.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from online_manuscript import Manuscript, build
from registry_server import RegistryServer, write_config

from citefmt.cli import main

HEADER_LINES = 6  # "# A manuscript", "", "Body text.", "", "## References", "" → entry n at n + 6


def run_check(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *args])
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue()


def findings(output: str) -> list[tuple[int, str, str]]:
    """(line, code, message) of every `paper.md:L:C: CODE message` line."""
    found = []
    for line in output.splitlines():
        m = re.match(r"paper\.md:(\d+)(?::\d+)?: (CF\d{3}) (.*)$", line)
        if m:
            found.append((int(m.group(1)), m.group(2), m.group(3)))
    return found


@pytest.fixture
def manuscript(server: RegistryServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> Manuscript:
    ms = build(server)
    (tmp_path / "paper.md").write_text(ms.text, encoding="utf-8")
    write_config(tmp_path, server)
    monkeypatch.chdir(tmp_path)
    return ms


def test_manuscript_has_a_hundred_references(manuscript: Manuscript) -> None:
    assert len(re.findall(r"^\d+\. ", manuscript.text, re.M)) == 100


def test_every_seeded_disagreement_is_reported_with_line_both_values_and_source(
        manuscript: Manuscript, server: RegistryServer) -> None:
    code, output = run_check("paper.md")
    assert code == 1
    found = findings(output)
    for number, diag_code, ours, theirs in manuscript.expected:
        line = number + HEADER_LINES
        messages = [m for (ln, c, m) in found if ln == line and c == diag_code]
        assert messages, f"reference {number}: no {diag_code} on line {line}"
        assert ours in messages[0] and theirs in messages[0], messages[0]
        assert "Crossref doi:" in messages[0]
    # and nothing else disagrees: the unseeded references match their records
    seeded = {(n + HEADER_LINES, c) for n, c, _, _ in manuscript.expected}
    reported = {(ln, c) for ln, c, _ in found if c in {f"CF70{i}" for i in range(2, 9)}}
    assert reported == seeded
    assert len(seeded) >= 25


def test_retracted_corrected_and_unresolvable_are_flagged(manuscript: Manuscript) -> None:
    _, output = run_check("paper.md")
    found = findings(output)
    for number in manuscript.retracted:
        assert any(ln == number + HEADER_LINES and c == "CF710" for ln, c, _ in found), number
    for number in manuscript.corrected:
        assert any(ln == number + HEADER_LINES and c == "CF711" for ln, c, _ in found), number
    for number, ident in manuscript.not_found:
        codes = [(c, m) for ln, c, m in found if ln == number + HEADER_LINES]
        assert any(c in ("CF700", "CF701") and ident in m for c, m in codes), codes
    for number in manuscript.matched:
        assert any(ln == number + HEADER_LINES and c == "CF714" for ln, c, _ in found), number


def test_second_run_is_served_from_the_cache(manuscript: Manuscript,
                                              server: RegistryServer) -> None:
    first_code, first = run_check("paper.md")
    cold = len(server.requests)
    assert cold >= 95  # one lookup per reference (two for none of them)
    server.reset()
    second_code, second = run_check("paper.md")
    assert len(server.requests) == 0
    assert (first_code, findings(first)) == (second_code, findings(second))


def test_fix_online_fills_missing_fields_naming_the_source(manuscript: Manuscript,
                                                          tmp_path: Path) -> None:
    code, output = run_check("paper.md", "--fix")
    assert code == 1
    text = (tmp_path / "paper.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    found = findings(output)
    for number, label, value in manuscript.fills:
        line = number + HEADER_LINES
        entry = lines[line - 1]
        assert value in entry, f"reference {number}: {label} {value} not in {entry!r}"
        assert any(ln == line and c == "CF713" and f"filled {label} {value} from " in m
                   for ln, c, m in found), (number, label, value)
    # the filled entries now agree with the registry: a check finds nothing left to fill
    _, again = run_check("paper.md")
    filled_lines = {n + HEADER_LINES for n, _, _ in manuscript.fills}
    assert not [f for f in findings(again) if f[1] == "CF712" and f[0] in filled_lines]
    assert "CF714" not in again  # every matched reference has its DOI now
