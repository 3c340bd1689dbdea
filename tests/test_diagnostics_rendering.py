"""How findings are printed: `path:line:col: CODE message` lines, or a JSON array."""

from __future__ import annotations

import json

from citefmt.diagnostics import Diagnostic, has_errors, render_diagnostics

FINDINGS = [
    Diagnostic("CF300", "item 'b' is a duplicate of item 'a'", "refs.json", 4, None, "warning"),
    Diagnostic("CF113", "field 'author' runs into 'title = …'", "refs.bib", 2, 3),
]


def test_text_is_one_line_per_finding_leaving_out_unknown_parts() -> None:
    assert render_diagnostics(FINDINGS, fmt="text") == (
        "refs.json:4: CF300 item 'b' is a duplicate of item 'a'\n"
        "refs.bib:2:3: CF113 field 'author' runs into 'title = …'\n")


def test_no_findings_print_nothing_as_text_and_an_empty_array_as_json() -> None:
    assert render_diagnostics([], fmt="text") == ""
    assert render_diagnostics([], fmt="json") == "[]\n"


def test_json_keeps_every_field_and_unicode() -> None:
    assert json.loads(render_diagnostics(FINDINGS, fmt="json")) == [
        {"code": "CF300", "message": "item 'b' is a duplicate of item 'a'", "path": "refs.json",
         "line": 4, "col": None, "severity": "warning"},
        {"code": "CF113", "message": "field 'author' runs into 'title = …'", "path": "refs.bib",
         "line": 2, "col": 3, "severity": "error"},
    ]
    assert "…" in render_diagnostics(FINDINGS, fmt="json")


def test_has_errors_only_for_error_severity() -> None:
    assert has_errors(FINDINGS)
    assert not has_errors(FINDINGS[:1])
