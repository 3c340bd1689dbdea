"""The toolchain holds the code to its standard: ruff's rules and strict typing of `citefmt`.

Both tools are test dependencies (pinned to a minor series, so a new release's new rules arrive
by choice); their configuration is in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from helpers import REPO


def tool(name: str) -> list[str]:
    """`python -m NAME` in this interpreter; skipped where the test extras are not installed."""
    if importlib.util.find_spec(name) is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return [sys.executable, "-m", name]


def test_ruff_finds_nothing() -> None:
    done = subprocess.run([*tool("ruff"), "check", "citefmt", "tests", "bench", "tools"],
                          cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing() -> None:
    done = subprocess.run([*tool("mypy"), "citefmt"], cwd=REPO, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_imports_keep_the_layers() -> None:
    """import-linter's contracts in pyproject.toml: the layers of shared/notes/layers.md (an
    import may only point down) and a parser that needs neither engine nor readers."""
    if importlib.util.find_spec("importlinter") is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    done = subprocess.run([sys.executable, "-c", command], cwd=REPO, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout
