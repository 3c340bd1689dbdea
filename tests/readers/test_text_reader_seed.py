"""The first user's article page: all 67 references parsed field by field, and every repair
reported."""

from __future__ import annotations

import json

import pytest
from helpers import REPO

from citefmt.model import ET_AL_NAME
from citefmt.readers.text import find_reference_section, read

EXPECTED = json.loads(
    (REPO / "tests" / "fixtures" / "seed_references.json").read_text(encoding="utf-8"))


def test_seed_reference_section_is_found_exactly(seed_page: str) -> None:
    section = find_reference_section(seed_page)
    assert section is not None
    assert (section.heading_line, section.start_line, section.end_line) == (9, 10, 76)
    assert [e.number for e in section.entries] == [str(n) for n in range(1, 68)]
    assert section.entries[0].marker == "1. "
    assert section.entries[-1].text.endswith("https://doi.org/10.1038/s41392-023-01382-y")


def test_seed_every_reference_matches_fixture_field_by_field(seed_page: str) -> None:
    result = read(seed_page, source="seed.txt")
    assert len(result.records) == len(EXPECTED) == 67
    problems = []
    for number, (record, expected) in enumerate(zip(result.records, EXPECTED, strict=True),
                                                start=1):
        assert record.line == 9 + number
        for key in sorted(set(expected) | set(record.item)):
            if record.item.get(key) != expected.get(key):
                problems.append(f"ref {number} field {key!r}: got {record.item.get(key)!r}, "
                                f"expected {expected.get(key)!r}")
    assert not problems, "\n".join(problems)


def test_seed_repairs_are_reported_with_code_line_and_message(seed_page: str) -> None:
    result = read(seed_page, source="seed.txt")
    warnings = [d for d in result.diagnostics if d.code != "CF107"]
    assert [(d.code, d.line, d.col, d.message) for d in warnings] == [
        ("CF101", 12, 114, "missing space after a period inserted before 'PMID'"),
        ("CF101", 22, 13, "author 'WonYJ' split into family 'Won' and initials 'YJ'"),
        ("CF101", 23, 54,
         "'NonHealing' may be two words glued (capital inside a word); kept as printed"),
        ("CF104", 26, 188, "page range repaired: '48- 51' → '48-51'"),
        ("CF102", 38, 50, "stray space after a hyphen removed: 'miR- 1248' → 'miR-1248'"),
        ("CF101", 41, 50,
         "'cellderived' may be a compound written without a hyphen (cell-derived?); "
                          "kept as printed"),
        ("CF103", 58, 239, "space removed from DOI: '10.1016/j. nantod.2022.101531' → "
                           "'10.1016/j.nantod.2022.101531'"),
        ("CF101", 73, 46,
         "'Exosomebased' may be a compound written without a hyphen (Exosome-based?); "
                          "kept as printed"),
    ]
    assert all(d.severity == "warning" and d.path == "seed.txt" for d in warnings)


def test_seed_every_et_al_list_is_reported_as_truncated(seed_page: str) -> None:
    result = read(seed_page, source="seed.txt")
    truncated = [(d.line, d.col) for d in result.diagnostics if d.code == "CF107"]
    lines = seed_page.splitlines()
    expected = [(n, lines[n - 1].index("et al") + 1) for n in range(10,
                                                                    77) if "et al" in lines[n - 1]]
    assert truncated == expected and len(expected) == 25
    assert {d.severity for d in result.diagnostics if d.code == "CF107"} == {"info"}
    marked = [r.line for r in result.records if r.item.get("author", [{}])[-1] == ET_AL_NAME]
    assert marked == [line for line, _ in expected]


@pytest.mark.parametrize("number, field, value", [
    (13, "author", [{"family": "Lee", "given": "J. H."}, {"family": "Won", "given": "Y. J."},
                    {"family": "Kim", "given": "H."}, {"literal": "others"}]),
    (17, "page", "48-51"),
    (29, "title",
     "Exosome-carried miR-1248 from adipose-derived stem cells improves angiogenesis in "
                  "diabetes-associated wounds"),
    (49, "DOI", "10.1016/j.nantod.2022.101531"),
    (14, "title", "Chronic Inflammation in NonHealing Skin Wounds and Promising Natural Bioactive "
                  "Compounds Treatment"),
])
def test_seed_repaired_fields(seed_page: str, number: int, field: str, value: object) -> None:
    assert read(seed_page).records[number - 1].item[field] == value


def test_seed_reference_without_year_keeps_its_journal_and_no_invented_date(seed_page: str) -> None:
    item = read(seed_page).records[32].item
    assert item["container-title"] == "Nanoscale Adv" and "issued" not in item
