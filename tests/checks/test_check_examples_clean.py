"""The bundled example reference lists are clean: `citefmt check` finds nothing in them."""

from __future__ import annotations

import pytest
from helpers import REPO

from citefmt.cli import main

EXAMPLES = sorted((REPO / "examples").glob("seed-references.*"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_is_clean(path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--isolated", str(path)]) == 0
    assert capsys.readouterr().out == ""
