"""`--to html` lets through only CSL's rich-text subset; every other `<`, `>` and `&` in any
field — titles, names, numbers, literal dates — is escaped (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from citefmt.cli import main

HOSTILE = {
    "id": "a", "type": "article-journal",
    "title": '<b onmouseover="alert(1)">Bold</b> <i>it</i> <sup>2</sup> <sub>x</sub> '
             '<span style="font-variant:small-caps;">sc</span> <span class="nocase">DNA</span> '
             "<script>alert(2)</script> a < b & c",
    "container-title": "J <img src=x onerror=alert(3)>",
    "author": [{"family": "O'Neil<b>", "given": "J<script>"}, {"literal": "Lit<iframe>"}],
    "issued": {"literal": "2020<svg onload=alert(4)>"},
    "volume": "1<a href=x>", "issue": "2<u>", "page": "3<p>", "edition": "4<e>",
    "DOI": "10.1/<doi>",
}
ALLOWED = {"div": {"class"}, "i": set(), "b": set(), "sup": set(), "sub": set(),
           "span": {"style", "class"}}
ALLOWED_VALUES = {"style": {"font-variant:small-caps;"},
                  "class": {"nocase", "csl-entry", "csl-bib-body", "csl-left-margin",
                            "csl-right-inline"}}


@pytest.mark.parametrize("style", ["vancouver", "gost-r-7.0.5-2008", "gost-r-7.0.100-2018"])
def test_only_the_rich_text_subset_survives_in_html(tmp_path: Path, style: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "refs.json"
    f.write_text(json.dumps([HOSTILE]), encoding="utf-8")
    assert main(["format", str(f), "--to", "html", "--style", style]) == 0
    out = capsys.readouterr().out
    tree = lxml_html.fragment_fromstring(out, create_parent="root")
    for element in tree.iter():
        if element.tag == "root":
            continue
        assert element.tag in ALLOWED, out
        for name, value in element.attrib.items():
            assert name in ALLOWED[element.tag] and value in ALLOWED_VALUES[name], out
    text = tree.text_content()
    # every hostile fragment is still there, as text (HTML prints the apostrophe of
    # "O'Neil" as the typographic one, as citeproc-js does)
    for fragment in ("<script>alert(2)</script>", "a < b & c", "<img src=x onerror=alert(3)>",
                     "O\u2019Neil<b>", "Lit<iframe>", "1<a href=x>", "<doi>"):
        assert fragment in text, (fragment, out)
