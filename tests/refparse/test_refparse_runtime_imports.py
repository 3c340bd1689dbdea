"""The parser is runtime code only: importing it loads no engine and no training code."""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO


def loaded_modules_after(statement: str) -> set[str]:
    """The citefmt/citefmt_train modules a fresh interpreter holds after running `statement`."""
    probe = (f"import sys; {statement}; "
             "print('\\n'.join(m for m in sys.modules if m.split('.')[0] in "
             "('citefmt', 'citefmt_train', 'citeproc')))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                          text=True, check=True)
    return set(done.stdout.split())


def test_importing_the_parser_loads_no_engine_module() -> None:
    loaded = loaded_modules_after("import citefmt.refparse")
    assert "citefmt.refparse" in loaded
    assert not {m for m in loaded if m.startswith(("citefmt.engine", "citeproc"))}


def test_parsing_a_reference_loads_no_engine_and_no_training_code() -> None:
    loaded = loaded_modules_after(
        "from citefmt.refparse import parse_reference; "
        "parse_reference('Smith J, Lee K. A title. Nature. 2020;580(7):1-10.')")
    assert "citefmt.refparse.tagger" in loaded or "citefmt.refparse.vancouver" in loaded
    assert not {m for m in loaded if m.startswith(("citefmt.engine", "citeproc", "citefmt_train"))}


def test_training_code_is_not_inside_the_package() -> None:
    package = REPO / "citefmt" / "refparse" / "tagger"
    assert sorted(p.name for p in package.glob("*.py")) == [
        "__init__.py", "features.py", "fields.py", "tokens.py"]
