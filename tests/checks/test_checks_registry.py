"""The CHECKS list: every rule declares stable codes from the code table, each code one rule."""

from __future__ import annotations

from citefmt.checks import CHECKS, check_text
from citefmt.config import Settings
from citefmt.diagnostics import CODES


def test_every_rule_reports_only_registered_codes_once() -> None:
    declared = [code for check in CHECKS for code in check.CODES]
    assert len(declared) == len(set(declared))
    assert set(declared) <= set(CODES)


def test_a_rule_with_all_codes_ignored_is_not_run() -> None:
    # an unknown style would raise if the rendering rule ran
    text = "Body [1].\n\nReferences\n\n1. Roman J. A title. Biomolecules. 2023;13(6):945.\n"
    settings = Settings(style="no-such-style", ignore=frozenset({"CF306"}))
    assert check_text(text, settings, source="x.md") == []
