"""The wheel is what users install: it must carry the bundled styles and find them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a wheel from this checkout and unpack-install it (no deps) into a private dir."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(work / "dist")], check=True)
    wheels = list((work / "dist").glob("citefmt-*.whl"))
    assert len(wheels) == 1
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheels[0])], check=True)
    return target


def run_installed(target: Path, *args: str,
                  stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(target))
    return subprocess.run([sys.executable, "-m", "citefmt", *args], input=stdin, env=env,
                          cwd=target.parent, capture_output=True, text=True, check=False)


def test_wheel_contains_the_bundled_styles(installed: Path) -> None:
    names = sorted(p.name for p in (installed / "citefmt" / "_styles").glob("*.csl"))
    assert names == ["gost-r-7.0.100-2018.csl", "gost-r-7.0.5-2008.csl",
                     "harvard-references-en.csl", "vancouver-references-en.csl", "vancouver.csl"]


def test_installed_citefmt_is_the_wheel_and_lists_its_styles(installed: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(installed))
    where = subprocess.run([sys.executable, "-c", "import citefmt; print(citefmt.__file__)"],
                           env=env, cwd=installed.parent, capture_output=True, text=True,
                           check=True)
    assert where.stdout.strip().startswith(str(installed))
    result = run_installed(installed, "styles", "--paths")
    assert result.returncode == 0, result.stderr
    assert "gost-r-7.0.100-2018\t" in result.stdout
    assert str(installed / "citefmt" / "_styles" / "vancouver.csl") in result.stdout


def test_installed_citefmt_renders_with_a_bundled_style(installed: Path) -> None:
    item = {"id": "a", "type": "article-journal", "title": "A title",
            "author": [{"family": "Moretti", "given": "L"}], "container-title": "J Biol Chem",
            "issued": {"date-parts": [[2022]]}, "volume": "298", "issue": "2", "page": "101530"}
    result = run_installed(installed, "format", "-", "--from", "csl-json", "--style", "vancouver",
                           stdin=json.dumps([item]))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1. Moretti L. A title. J Biol Chem. 2022;298(2):101530.\n"


def test_installed_citefmt_parses_plain_text_with_its_tagger_model(installed: Path) -> None:
    assert (installed / "citefmt" / "refparse" / "tagger" / "model.crfsuite").stat().st_size > 0
    text = "1. Roman J. Fibroblasts-Warriors. Biomolecules. 2023;13(6):945.\n"
    result = run_installed(installed, "format", "-", "--from", "text", "--style", "gost",
                           stdin=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("1. Roman J. Fibroblasts-Warriors // Biomolecules. 2023. "
                             "Vol.\u00a013, No.\u00a06. P.\u00a0945.\n")
