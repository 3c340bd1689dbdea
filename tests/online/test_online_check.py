"""`check --online` as a user meets it: off by default, .bib fills, field rules."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import bibtexparser
import pytest
from registry_server import RegistryServer, write_config

from citefmt.cli import main
from citefmt.online.compare import is_abbreviation, journals_agree, pages_agree, title_similarity

BIB = """@article{lieber1997,
  author = {Lieber, R. L. and Jacks, T. M.},
  title = {Growth hormone secretagogue increases muscle strength during remobilization after
           canine hindlimb immobilization},
  journal = {Journal of Orthopaedic Research},
  doi = {10.1002/jor.1100150407}
}
"""


def run_check(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *args])
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_online_is_off_by_default_and_makes_no_request(project: Path,
                                                       server: RegistryServer) -> None:
    (project / "refs.bib").write_text(BIB, encoding="utf-8")
    write_config(project, server, online=False)
    run_check("refs.bib")
    assert server.requests == []
    _code, output = run_check("refs.bib", "--online")
    assert "CF712" in output and len(server.requests) == 1


def test_no_online_flag_wins_over_the_config(project: Path, server: RegistryServer) -> None:
    (project / "refs.bib").write_text(BIB, encoding="utf-8")
    write_config(project, server, online=True)
    run_check("refs.bib", "--no-online")
    assert server.requests == []


def test_fix_online_fills_a_bib_entry_with_its_source(project: Path,
                                                      server: RegistryServer) -> None:
    (project / "refs.bib").write_text(BIB, encoding="utf-8")
    write_config(project, server)
    code, output = run_check("refs.bib", "--fix")
    assert code == 1  # the file was rewritten
    assert "CF713 filled volume 15 from Crossref doi:10.1002/jor.1100150407" in output
    library = bibtexparser.parse_string((project / "refs.bib").read_text(encoding="utf-8"))
    fields = {f.key: f.value for f in library.entries[0].fields}
    # values of crossref/works/10_1002_jor_1100150407.json
    assert (fields["year"], fields["volume"], fields["number"], fields["pages"]) == \
        ("1997", "15", "4", "519--527")
    assert fields["doi"] == "10.1002/jor.1100150407"  # untouched
    server.reset()
    _code, output = run_check("refs.bib", "--fix")
    assert "CF71" not in output and server.requests == []  # nothing left; from the cache


def test_reference_without_identifier_and_no_certain_match_is_reported_not_guessed(
        project: Path, server: RegistryServer) -> None:
    (project / "refs.md").write_text(
        "# References\n\n"
        "1. Lieber RL, Jacks TM. Growth hormone and the healing of tendons in old dogs. "
        "J Orthop Res. 1997;15(4):519-27.\n", encoding="utf-8")
    write_config(project, server)
    _code, output = run_check("refs.md", "--fix")
    assert "CF715" in output and "does not pass" in output
    assert "doi:" not in (project / "refs.md").read_text(encoding="utf-8")


def test_field_rules() -> None:
    assert pages_agree("519-27", "519-527") and pages_agree("519", "519-527")
    assert not pages_agree("529-537", "519-527")
    assert journals_agree("J Orthop Res", "Journal of Orthopaedic Research", 90)
    assert journals_agree("Bioinformatics", "Bioinformatics (Oxford, England)", 90)
    assert not journals_agree("J Unrelated Stud", "Journal of Orthopaedic Research", 90)
    assert is_abbreviation(["brief", "bioinform"], ["briefings", "in", "bioinformatics"])
    assert title_similarity("The Bio* toolkits--a brief overview.",
                            "The Bio* toolkits—a brief overview") >= 90
    assert title_similarity("Delay in diagnosis of spinal muscular atrophy",
                            "Delay in Diagnosis of Spinal Muscular Atrophy: A Systematic "
                            "Literature Review") >= 90
    assert title_similarity("Growth hormone and the healing of tendons",
                            "Growth hormone secretagogue increases muscle strength") < 90


def test_offline_check_loads_no_network_module(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "paper.md"
    path.write_text("References\n\n1. Roman J. A title. Biomolecules. 2023;13(6):945. "
                    "doi:10.3390/biom13060945\n", encoding="utf-8")
    probe = ("import sys; from citefmt.cli import main; main(['check', '--isolated', "
             f"{str(path)!r}]); print(sorted(m for m in ('httpx', 'hishel', 'rapidfuzz') "
             "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "[]"


TWO_ENTRIES = BIB + """
@article{kuschel2014,
  author = {Kuschel, T. and Reiss, G.},
  title = {Charges ride the spin wave},
  journal = {Nature Nanotechnology},
  year = {2014},
  volume = {11},
  number = {1},
  pages = {22--24},
  doi = {10.1038/nnano.2014.279}
}
"""


def test_findings_after_a_bib_fill_point_at_the_new_lines(project: Path,
                                                          server: RegistryServer) -> None:
    (project / "refs.bib").write_text(TWO_ENTRIES, encoding="utf-8")
    write_config(project, server)
    _code, output = run_check("refs.bib", "--fix")
    lines = (project / "refs.bib").read_text(encoding="utf-8").split("\n")
    volume_line = next(n for n, text in enumerate(lines, start=1) if "volume = {11}" in text)
    # recorded: volume 10 (crossref/works/10_1038_nnano_2014_279.json)
    reported = [line for line in output.splitlines() if " CF703 " in line]
    assert reported and reported[0].startswith(f"refs.bib:{volume_line}:")
    assert "CF703 volume disagrees: reference has 11; Crossref doi:10.1038/nnano.2014.279 " \
           "has 10" in output


def test_a_failing_registry_is_reported_and_the_other_references_still_checked(
        project: Path, server: RegistryServer) -> None:
    (project / "refs.md").write_text(
        "# References\n\n"
        "1. Kuschel T, Reiss G. Charges ride the spin wave. Nat Nanotechnol. 2015;11(1):22-4. "
        "doi:10.1038/nnano.2014.279\n"
        "2. Doe J. A work behind a broken server. J Test. 2020;1:1-2. doi:10.9999/always-503\n",
        encoding="utf-8")
    write_config(project, server, extra="retries = 1\n")
    code, output = run_check("refs.md")
    assert code == 1
    assert "CF703 volume disagrees: reference has 11; Crossref doi:10.1038/nnano.2014.279 " \
           "has 10" in output
    assert "refs.md:4:1: CF720 Crossref lookup of doi:10.9999/always-503 failed" in output


def test_standard_input_with_the_online_flag_is_a_usage_error(project: Path,
                                                             server: RegistryServer) -> None:
    write_config(project, server)
    out, err = io.StringIO(), io.StringIO()
    import sys

    backup = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(b"References\n\n1. Doe J. T. J X. 2020;1:2.\n"))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "-", "--online", "--config", str(project / ".citefmt.toml")])
    finally:
        sys.stdin = backup
    assert code == 2 and "--online needs files" in err.getvalue()
    assert server.requests == []


def test_diff_shows_the_fills_and_writes_nothing(project: Path, server: RegistryServer) -> None:
    (project / "refs.bib").write_text(BIB, encoding="utf-8")
    write_config(project, server)
    _code, output = run_check("refs.bib", "--diff")
    assert "+  year = {1997}," in output and "+  pages = {519--527}," in output
    assert (project / "refs.bib").read_text(encoding="utf-8") == BIB


def test_a_doi_of_another_agency_is_not_reported_as_unresolvable(
        project: Path, server: RegistryServer) -> None:
    (project / "refs.md").write_text(
        "# References\n\n"
        "1. Boettiger C. A dataset of forecasts. Zenodo. 2020. doi:10.5281/zenodo.1234567\n"
        "2. Doe J. A work nobody registered. J Test. 2020;1:1-2. doi:10.5555/no-such-work\n",
        encoding="utf-8")
    write_config(project, server)
    _code, output = run_check("refs.md")
    assert "zenodo" not in output
    assert "refs.md:4:" in output and "CF700 doi:10.5555/no-such-work not found" in output


def test_fix_fills_the_pmid_pubmed_finds_for_the_doi(project: Path,
                                                     server: RegistryServer) -> None:
    (project / "refs.md").write_text(
        "# References\n\n"
        "1. de Hoon MJ, Imoto S, Nolan J, Miyano S. Open source clustering software. "
        "Bioinformatics. 2004;20(9):1453-4. doi:10.1093/bioinformatics/bth078\n",
        encoding="utf-8")
    write_config(project, server)
    _code, output = run_check("refs.md", "--fix")
    # ncbi/efetch_medline/pubmed_result2.txt: PMID 14871861, AID 10.1093/bioinformatics/bth078
    assert "CF713 filled PMID 14871861 from PubMed PMID 14871861" in output
    assert (project / "refs.md").read_text(encoding="utf-8").rstrip().endswith(
        "doi:10.1093/bioinformatics/bth078. PMID: 14871861")


def test_a_fill_with_no_certain_place_is_reported_not_written(project: Path,
                                                             server: RegistryServer) -> None:
    text = ("# Список литературы\n\n"
            "1. Kuschel T., Reiss G. Charges ride the spin wave // Nature Nanotechnology. – "
            "2014. – P. 22–24. – DOI 10.1038/nnano.2014.279.\n")
    (project / "refs.md").write_text(text, encoding="utf-8")
    write_config(project, server)
    _code, output = run_check("refs.md", "--fix")
    assert "CF716 cannot place volume 10 from Crossref doi:10.1038/nnano.2014.279" in output
    assert (project / "refs.md").read_text(encoding="utf-8") == text


def test_fill_keeps_crlf_and_suppression_comments_silence_online_codes(
        project: Path, server: RegistryServer) -> None:
    text = ("# References\r\n\r\n<!-- citefmt: ignore CF703 -->\r\n"
            "1. Kuschel T, Reiss G. Charges ride the spin wave. Nat Nanotechnol. 2014;11. "
            "doi:10.1038/nnano.2014.279\r\n")
    (project / "refs.md").write_bytes(text.encode("utf-8"))
    write_config(project, server)
    _code, output = run_check("refs.md", "--fix")
    assert "CF703" not in output  # volume 11 vs 10, silenced on its line
    assert "CF713 filled issue 1 from Crossref" in output
    fixed = (project / "refs.md").read_bytes().decode("utf-8")
    assert "2014;11(1):22-24. doi:" in fixed
    assert fixed.count("\r\n") == fixed.count("\n") == 4
