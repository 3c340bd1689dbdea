"""The real `pre-commit` runs citefmt's hooks from this working tree in a throwaway repository.

The hook repository is a git copy of the working tree (uncommitted work included), so the test
checks exactly the code under test. pre-commit builds a virtualenv and pip-installs citefmt from
it, which needs the package index; only when the index cannot be reached is the test skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

FIXTURE = REPO / "tests" / "fixtures" / "manuscripts" / "out-of-order.md"
HOOK_REPO_PARTS = ("citefmt", "styles", "pyproject.toml", "README.md", "LICENSE",
                   ".pre-commit-hooks.yaml")
OFFLINE_SIGNS = ("Could not find a version", "No matching distribution",
                 "Failed to establish a new connection", "Temporary failure in name resolution",
                 "Network is unreachable", "Max retries exceeded")

pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    done = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True)
    return done.stdout.strip()


def make_hook_repo(target: Path) -> str:
    """A git repository holding the working tree's package; returns its HEAD sha."""
    target.mkdir()
    for part in HOOK_REPO_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / part)
    git(target, "init", "-q")
    git(target, "add", ".")
    git(target, "commit", "-q", "-m", "hook repo snapshot")
    return git(target, "rev-parse", "HEAD")


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def run_hook(repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", hook, "--all-files"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    output = done.stdout + done.stderr
    if done.returncode not in (0, 1) or "An unexpected error" in output \
            or "An error has occurred" in output:
        if any(sign in output for sign in OFFLINE_SIGNS):
            pytest.skip("pre-commit could not install citefmt: package index unreachable")
        raise AssertionError(f"pre-commit failed to run {hook}:\n{output}")
    return done


def test_hook_fails_fix_repairs_then_hook_passes(tmp_path: Path, pre_commit_home: Path) -> None:
    sha = make_hook_repo(tmp_path / "hooks")
    repo = tmp_path / "manuscript"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "paper.md").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / ".citefmt.toml").write_text('style = "vancouver"\n', encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"- repo: {tmp_path / 'hooks'}\n"
        f"  rev: {sha}\n"
        "  hooks:\n"
        "  - id: citefmt-check\n"
        "  - id: citefmt-fix\n", encoding="utf-8")
    git(repo, "add", ".")

    broken = run_hook(repo, "citefmt-check", pre_commit_home)
    assert broken.returncode == 1
    assert "paper.md:3:70: CF305 reference 2 is cited before reference 1 (order of first " \
           "citation)" in broken.stdout

    fixed = run_hook(repo, "citefmt-fix", pre_commit_home)
    assert fixed.returncode == 1
    assert "Rewriting paper.md" in fixed.stdout + fixed.stderr
    text = (repo / "paper.md").read_text(encoding="utf-8")
    assert "matrix [1]" in text and "regeneration [2, 3]" in text
    assert text.index("Moretti L") < text.index("Jung H") < text.index("Roman J")

    assert run_hook(repo, "citefmt-check", pre_commit_home).returncode == 0
    assert run_hook(repo, "citefmt-fix", pre_commit_home).returncode == 0


THESIS = REPO / "tests" / "fixtures" / "repos" / "latex-thesis"


def test_hook_on_a_latex_thesis_repository(tmp_path: Path, pre_commit_home: Path) -> None:
    """The hook's file patterns pick the thesis's .tex and .bib files and leave package.json and
    latexindent's indent.yaml alone; citefmt checks the chapters as part of main.tex."""
    sha = make_hook_repo(tmp_path / "hooks")
    repo = tmp_path / "thesis"
    shutil.copytree(THESIS, repo)
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"- repo: {tmp_path / 'hooks'}\n"
        f"  rev: {sha}\n"
        "  hooks:\n"
        "  - id: citefmt-check\n", encoding="utf-8")
    git(repo, "add", ".")
    done = run_hook(repo, "citefmt-check", pre_commit_home)
    assert done.returncode == 1
    findings = [line for line in done.stdout.splitlines() if ": CF" in line]
    assert findings == [
        "bib/thesis.bib:68: CF303 entry 'singer1999' is never cited in main.tex",
        "chapters/intro.tex:5:57: CF307 citation key 'Moretti2022' differs from the "
        "bibliography's 'moretti2022' only in case (BibTeX reports a case mismatch; biber and "
        "pandoc do not find it)",
        "chapters/intro.tex:10:46: CF307 citation key 'lotvall2014' is not in the bibliography",
        "chapters/intro.tex:11:11: CF307 citation key 'nobody2021' is not in the bibliography",
    ]
    assert "error" not in done.stdout.lower()
