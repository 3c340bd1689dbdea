"""`Entry.number` and `Entry.body`: the citation number apart from the rest of the entry."""

from __future__ import annotations

from pathlib import Path

from citefmt.engine import Entry, render_bibliography

UNNUMBERED = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>unnumbered</title><id>unnumbered</id><updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><text variable="title"/></layout></bibliography>
</style>
"""


def test_numbered_style_gives_number_and_body_and_keeps_the_whole_line(article):
    entries = render_bibliography([article, dict(article, id="b")], "vancouver").entries
    body = "Smith JA. Scar formation. J Biol Chem. 2020 Mar 15;12(3):284-7."
    assert entries == [Entry("Smith2020", f"1. {body}", number="1", body=body),
                       Entry("b", f"2. {body}", number="2", body=body)]


def test_second_field_align_margin_gives_the_number_too(numeric_style, article):
    entry = render_bibliography([article], numeric_style, fmt="html").entries[0]
    assert entry.number == "1"
    assert entry.body == "Smith JA. Scar formation. J Biol Chem. 2020 Mar 15;12(3):284–287."
    assert entry.text.startswith('<div class="csl-left-margin">1.</div>')


def test_style_without_citation_number_has_no_number(tmp_path: Path, article):
    style = tmp_path / "unnumbered.csl"
    style.write_text(UNNUMBERED, encoding="utf-8")
    entry = render_bibliography([article], str(style)).entries[0]
    assert entry == Entry("Smith2020", "Scar formation.", number=None, body="Scar formation.")
