"""Text repairs: each one changes exactly what it should and is reported with code and column."""

from __future__ import annotations

from citefmt.refparse import parse_reference
from citefmt.refparse.normalize import normalize


def _report(raw: str) -> tuple[str, list[tuple[str, int | None, str]]]:
    text = normalize(raw)
    return text.value, [(d.code, d.col, d.message) for d in text.diagnostics]


def test_stray_space_after_hyphen_is_joined_but_suspended_hyphen_is_kept() -> None:
    assert _report("Exosome-carried miR- 1248 improves pre- and post-operative care") == (
        "Exosome-carried miR-1248 improves pre- and post-operative care",
        [("CF102", 17, "stray space after a hyphen removed: 'miR- 1248' → 'miR-1248'")])


def test_line_break_hyphen_joins_suffix_and_keeps_compound() -> None:
    value, found = _report("skin regenera-\ntion and cell-\nderived vesicles")
    assert value == "skin regeneration and cell-derived vesicles"
    assert [(c, m) for c, _, m in found] == [
        ("CF102", "word broken by a line break joined as 'regeneration'"),
        ("CF102", "word broken by a line break joined as 'cell-derived'")]


def test_doi_broken_by_space_is_joined_but_not_with_a_following_label() -> None:
    text = "Nano Today. 2022;45:101531. https://doi.org/10.1016/j. nantod.2022.101531"
    assert _report(text)[1] == [
        ("CF103", 45, "space removed from DOI: '10.1016/j. nantod.2022.101531' → "
                      "'10.1016/j.nantod.2022.101531'")]
    assert _report("doi: 10.1000/abc. PMID: 12345")[1] == []


def test_page_ranges_lose_stray_spaces_and_keep_their_dash() -> None:
    assert _report("2023;16(10):48- 51.") == ("2023;16(10):48-51.",
                                              [("CF104", 13,
                                                "page range repaired: '48- 51' → '48-51'")])
    assert _report("№ 2. С. 3 – 4.")[0] == "№ 2. С. 3–4."
    assert _report("2018 - 2020 review")[1] == []


def test_odd_spaces_and_invisible_characters_are_reported() -> None:
    value, found = _report("Smith\u00a0J.\u00ad Title  here")
    assert value == "Smith J. Title here"
    assert [c for c, _, _ in found] == ["CF105", "CF105", "CF105"]


def test_nfc_normalisation_is_reported() -> None:
    value, found = _report("Pe\u0301rez J. Title")
    assert value == "Pérez J. Title" and found[0][:2] == ("CF105", 2)


def test_clean_reference_has_no_diagnostics() -> None:
    assert _report("Roman J. Fibroblasts. Biomolecules. 2023;13(6):945.") == (
        "Roman J. Fibroblasts. Biomolecules. 2023;13(6):945.", [])


def test_glued_author_initials_are_split_and_glued_title_words_only_reported() -> None:
    parsed = parse_reference("Lee JH, WonYJ. NonHealing wounds and cellderived vesicles. J Mol. "
                             "2023;1:2.")
    assert parsed.item["author"][1] == {"family": "Won", "given": "Y. J."}
    assert parsed.item["title"] == "NonHealing wounds and cellderived vesicles"
    assert [(d.code, d.col) for d in parsed.diagnostics] == [("CF101", 9), ("CF101", 16),
                                                             ("CF101", 38)]
    assert all(d.severity == "warning" for d in parsed.diagnostics)
