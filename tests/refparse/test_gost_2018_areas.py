"""GOST R 7.0.100-2018 descriptions printed without area dashes (". " between areas), as
biblatex-gost's options print them: each step that tells the areas apart without the dash.

Strings are written for these tests from the standard's rules and examples (GOST R 7.0.100-2018,
section 4 and appendix A); expected values are the elements the standard names."""

from __future__ import annotations

from citefmt.refparse import gost, parse_reference


def _item(text: str) -> dict:
    return parse_reference(text).item


def test_a_place_with_its_country_or_several_places_open_the_publication_area() -> None:
    # 4.6.2: "Место издания" — a place with its state or country, or two places joined by ";"
    title, end = gost._split_book_title("Ethics of Translation. Oxford, UK : Blackwell, 1999")
    assert title == "Ethics of Translation"
    item = _item("Miller, A. Ethics of Translation. Amsterdam, London : North-Holland, 1971. "
                 "146 p.")
    assert (item["title"], item["publisher-place"], item["publisher"]) == (
        "Ethics of Translation", "Amsterdam, London", "North-Holland")
    assert item["number-of-pages"] == "146" and "page" not in item
    item = _item("Петров, П. П. Логика / пер. с нем. И. И. Иванова. М.; СПб. : Наука, 2000. "
                 "238 с.")
    assert item["translator"] == [{"family": "Иванова", "given": "И. И."}]
    assert (item["title"], item["publisher-place"], item["publisher"]) == (
        "Логика", "М.; СПб.", "Наука")
