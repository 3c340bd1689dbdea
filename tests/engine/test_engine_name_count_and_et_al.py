"""CSL-M `suppress-min`/`suppress-max` on cs:name, and the "and others" marker of a name list the
source cut short. Each test names the citeproc-py 0.11.1 gap and pins citefmt's exact output."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from citeproc import CitationStylesBibliography, CitationStylesStyle
from citeproc.formatter import plain
from citeproc.source import Citation, CitationItem
from citeproc.source.json import CiteProcJSON
from helpers import REPO

from citefmt.engine import render_bibliography
from citefmt.model import ET_AL_NAME

NBSP = "\u00a0"

# heading for 1-2 names, "[…]" statement for 3 or more, as the GOST styles do with 1-3 / 4+
COUNT_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>count test</title><id>count-test</id>
    <updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=" ">
        <names variable="author">
          <name name-as-sort-order="all" sort-separator=" "
                initialize-with="" delimiter=", " suppress-min="3"/>
        </names>
        <text variable="title"/>
        <group prefix="[by " suffix="]">
          <names variable="author">
            <name initialize-with="" delimiter=", " et-al-min="3" et-al-use-first="1"
                  suppress-max="2"/>
          </names>
        </group>
        <names variable="editor translator" delimiter="; ">
          <name initialize-with="" delimiter=", " suppress-min="2"/>
          <label form="short" prefix=", "/>
        </names>
      </group>
    </layout>
  </bibliography>
</style>
"""


def plain_citeproc(style_path: str, items: list[dict]) -> list[str]:
    """The same items through citeproc-py alone, to show the gap is real."""
    style = CitationStylesStyle(io.BytesIO(Path(style_path).read_bytes()), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), plain)
    bibliography.register(Citation([CitationItem(i["id"]) for i in items]))
    return [str(entry) for entry in bibliography.bibliography()]


def person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


@pytest.fixture
def count_style(tmp_path: Path) -> str:
    path = tmp_path / "count.csl"
    path.write_text(COUNT_STYLE, encoding="utf-8")
    return str(path)


def entry(style: str, item: dict) -> str:
    bibliography = render_bibliography([item], style)
    assert bibliography.warnings == []
    return bibliography.entries[0].text


def test_gap_suppress_min_and_max_on_name_are_ignored(count_style):
    item = {"id": "a", "type": "book", "title": "Title",
            "author": [person("Smith", "J"), person("Roe", "A"), person("Doe", "B")]}
    assert plain_citeproc(count_style, [item]) == [
        "Smith J, Roe A, Doe B Title [by J Smith et al.]."]
    assert entry(count_style, item) == "Title [by J Smith et al.]."


def test_suppress_max_leaves_the_heading_and_drops_the_enclosing_group(count_style):
    item = {"id": "a", "type": "book", "title": "Title",
            "author": [person("Smith", "J"), person("Roe", "A")]}
    assert entry(count_style, item) == "Smith J, Roe A Title."


def test_suppress_counts_each_variable_of_a_names_element_separately(count_style):
    item = {"id": "a", "type": "book", "title": "Title", "author": [person("Smith", "J")],
            "editor": [person("Ed", "A"), person("Itor", "B")],
            "translator": [person("Trans", "C")]}
    assert entry(count_style, item) == "Smith J Title C Trans, trans."


def test_suppressed_names_are_not_substituted(tmp_path):
    style = COUNT_STYLE.replace(
        'suppress-min="3"/>\n        </names>',
        'suppress-min="3"/>\n          <substitute><text variable="publisher"/></substitute>'
        '\n        </names>')
    path = tmp_path / "substitute.csl"
    path.write_text(style, encoding="utf-8")
    item = {"id": "a", "type": "book", "title": "Title", "publisher": "Press",
            "author": [person("Smith", "J"), person("Roe", "A"), person("Doe", "B")]}
    assert entry(str(path), item) == "Title [by J Smith et al.]."


# -- "and others": the source's own "et al." ---------------------------------------------------

JIAO = {"id": "jiao", "type": "article-journal",
        "author": [person("Jiao", "Y R"), person("Chen", "K X"), person("Tang", "X"),
                   dict(ET_AL_NAME)],
        "title": "Exosomes in scar formation", "container-title": "J Biol Chem",
        "issued": {"date-parts": [[2022]]}, "volume": "298", "issue": "2", "page": "101530"}


def test_gap_and_others_marker_was_printed_as_a_name():
    assert plain_citeproc(str(REPO / "styles" / "vancouver.csl"), [JIAO])[0].startswith(
        "1. Jiao YR, Chen KX, Tang X, others.")


@pytest.mark.parametrize("style, expected", [
    ("vancouver",
     "1. Jiao YR, Chen KX, Tang X, et al. Exosomes in scar formation. J Biol Chem. "
     "2022;298(2):101530."),
    ("gost-r-7.0.5-2008",
     "1. Exosomes in scar formation / Y. R. Jiao [et al.] // J Biol Chem. 2022. "
     f"Vol.{NBSP}298, No.{NBSP}2. P.{NBSP}101530."),
    ("gost-r-7.0.100-2018",
     "1. Exosomes in scar formation / Y. R. Jiao, K. X. Chen, X. Tang [et al.]. "
     "– Текст : непосредственный "
     f"// J Biol Chem. – 2022. – Vol.{NBSP}298, No.{NBSP}2. – P.{NBSP}101530."),
], ids=["vancouver", "gost-2008", "gost-2018"])
def test_source_truncated_list_ends_with_the_styles_et_al_term(style, expected):
    assert entry(style, JIAO) == expected


def test_et_al_term_follows_the_items_own_language():
    item = {**JIAO, "language": "ru", "title": "Экзосомы", "container-title": "Вестник",
            "author": [person("Иванов", "И. И."), dict(ET_AL_NAME)]}
    assert entry("gost-r-7.0.5-2008", item) == (
        f"1. Экзосомы / И. И. Иванов [и др.] // Вестник. 2022. Т.{NBSP}298, №{NBSP}2. "
        f"С.{NBSP}101530.")


def test_truncated_list_is_cut_to_et_al_use_first_and_never_counts_the_marker():
    seven = [person(f"Author{n}", "A") for n in range(1, 8)]
    six_known = {**JIAO, "author": [*seven[:6], dict(ET_AL_NAME)]}
    seven_known = {**JIAO, "author": [*seven, dict(ET_AL_NAME)]}
    names = "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A, et al."
    assert entry("vancouver", six_known).startswith(f"1. {names} Exosomes")
    assert entry("vancouver", seven_known).startswith(f"1. {names} Exosomes")


def test_truncated_editor_list_takes_the_plural_role_term():
    item = {"id": "b", "type": "book", "title": "Wound care", "publisher": "Mosby",
            "editor": [person("Roe", "J"), dict(ET_AL_NAME)], "issued": {"date-parts": [[2002]]}}
    assert entry("vancouver", item) == "1. Roe J, et al., editors. Wound care. Mosby; 2002."


def test_a_list_of_only_the_marker_has_no_names():
    item = {**JIAO, "author": [dict(ET_AL_NAME)]}
    assert entry("vancouver", item) == (
        "1. Exosomes in scar formation. J Biol Chem. 2022;298(2):101530.")
