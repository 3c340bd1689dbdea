"""Run another checkout's citefmt from a bench script: the same-output benches compare two
versions of the code, each imported from its own tree."""

from __future__ import annotations

import sys
from pathlib import Path


def use_code(code: Path) -> None:
    """Import citefmt from `code` (a checkout), not from wherever it is installed; call it before
    anything imports citefmt (the benches that use it import citefmt only inside functions)."""
    sys.path.insert(0, str(code.resolve()))
    import citefmt

    if Path(citefmt.__file__).resolve().parent != (code / "citefmt").resolve():
        raise SystemExit(f"error: citefmt imported from {citefmt.__file__}, not from {code}")
