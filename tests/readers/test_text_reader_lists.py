"""Plain-text lists: headings, numbering styles, wrapped lines, section ends, and nothing
dropped."""

from __future__ import annotations

from citefmt.readers.text import find_reference_section, looks_numbered, read

PAGE = """Some article title
https://doi.org/10.1234/abc
## Список литературы
[1] Roman J. Fibroblasts. Biomolecules. 2023;13(6):945.
[2] Dilsiz N. A comprehensive review on exosome isolation.
    Transl Oncol. 2024;50:102121.
Для цитирования:
Kirolos E. Something. Journal. 2025;10(4):121-128.
"""


def test_bracket_numbered_list_under_markdown_heading_stops_at_citation_block() -> None:
    section = find_reference_section(PAGE)
    assert section is not None
    assert (section.heading_line, section.start_line, section.end_line) == (3, 4, 6)
    assert [(e.number, e.line, e.end_line, e.marker) for e in section.entries] == [
        ("1", 4, 4, "[1] "), ("2", 5, 6, "[2] ")]
    result = read(PAGE, source="page.md")
    assert [r.item["id"] for r in result.records] == ["ref-1", "ref-2"]
    assert result.records[1].item["container-title"] == "Transl Oncol"
    assert result.records[1].item["title"] == "A comprehensive review on exosome isolation"


def test_parenthesis_numbers_keep_the_printed_number_as_id() -> None:
    text = ("References\n3) Roman J. Fibroblasts. Biomolecules. 2023;13(6):945.\n"
            "7) Dilsiz N. Review. Transl Oncol. 2024;50:102121.\n")
    assert [r.item["id"] for r in read(text).records] == ["ref-3", "ref-7"]


def test_unnumbered_list_without_heading_joins_wrapped_lines() -> None:
    text = ("Roman J. Fibroblasts at the intersection of wound healing and\n"
            "disrepair. Biomolecules. 2023;13(6):945.\n"
            "\n"
            "Dilsiz N. A comprehensive review. Transl Oncol. 2024;50:102121.\n")
    assert not looks_numbered(text.splitlines())
    result = read(text)
    assert [(r.item["id"], r.line) for r in result.records] == [("ref-1", 1), ("ref-2", 4)]
    assert result.records[0].item["title"] == (
        "Fibroblasts at the intersection of wound healing and disrepair")


def test_garbage_lines_are_never_dropped() -> None:
    text = "1. ????\n2. lorem ipsum dolor\n3. Roman J. Fibroblasts. Biomolecules. 2023;13(6):945.\n"
    result = read(text, source="refs.txt")
    assert len(result.records) == 3
    assert result.records[0].item == {"type": "document", "id": "ref-1", "title": "????",
                                      "language": "en"}
    assert result.records[1].item["title"] == "lorem ipsum dolor"
    assert [(d.code, d.line) for d in result.diagnostics] == [("CF100", 1), ("CF100", 2)]
    assert result.records[0].raw == "????"


def test_identifiers_survive_in_an_unparsed_reference() -> None:
    result = read("1. garbled ::: 10.1016/j.jbc.2021.101530 ;; PMID: 34953859\n")
    item = result.records[0].item
    assert item["type"] == "document"
    assert (item["DOI"], item["PMID"]) == ("10.1016/j.jbc.2021.101530", "34953859")


def test_empty_text_has_no_section_and_no_records() -> None:
    assert find_reference_section("\n\n") is None
    assert read("").records == []
