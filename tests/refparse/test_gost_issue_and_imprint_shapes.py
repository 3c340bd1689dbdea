"""GOST R 7.0.5-2008 / 7.0.100-2018 shapes of the numbering and publication areas (issue 16,
session 7), on strings written for these tests; the expected values are the elements the
standards' areas hold, never a parser output."""

from __future__ import annotations

from citefmt.refparse import gost, parse_reference


def _item(text: str) -> dict:
    return parse_reference(text).item


def test_issue_designated_by_words_after_the_volume() -> None:
    # the issue is what follows the volume after its comma, as the source words it
    for words in ("Summer", "Database issue", "Web Server issue"):
        item = _item(f"Hale T. R. Motion of cells // Cell Movement. — 2003. — Vol. 2, {words}. — "
                     "P. 1370–1375.")
        assert (item["volume"], item["issue"], item["page"]) == ("2", words, "1370-1375")
    item = _item("Ross P. Q., Lane M. Rings of atoms // Journal of Molecular Rings. 2018. "
                 "Т. 430, 18, Part B. С. 3093—3110.")
    assert (item["volume"], item["issue"]) == ("430", "18, Part B")


def test_lettered_page_range_after_a_worded_issue() -> None:
    item = _item("Beams of electrons / B. Kay, G. Arn, W. Fund [и др.] // Journal of Nuclear "
                 "Matter. 2011. Т. 415, 1, Supplement. S841—S844.")
    assert (item["issue"], item["page"]) == ("1, Supplement", "S841-S844")


def test_a_place_word_is_no_issue() -> None:
    assert not gost._UNLABELLED_ISSUE_RE.search("Vol. 2, Berlin.")
    assert not gost._UNLABELLED_ISSUE_RE.search("Т. 3, Mayflower.")


def test_serial_place_with_its_state_and_country_stays_whole() -> None:
    item = _item("Reddy, M. H. Mixing by Rotation // Journal of Ocean Physics. Boston MA, USA, "
                 "1982. Т. 12, № 10. С. 1154—1158.")
    assert item["publisher-place"] == "Boston MA, USA"
    assert "publisher" not in item


def test_publisher_named_with_its_initials_opens_the_publication_area() -> None:
    # the publication area without a place: the publisher, then its date
    item = _item("Lenner, A., Nels, D. Principles of Cell Chemistry. W. H. Freeman, 2008.")
    assert (item["title"], item["publisher"]) == ("Principles of Cell Chemistry", "W. H. Freeman")
    item = _item("Laine, J. The Psychoses / trans. from the French by R. Gregg. W. W. Norton & "
                 "Company, 1997. 352 p.")
    assert (item["title"], item["publisher"]) == ("The Psychoses", "W. W. Norton & Company")


def test_surname_after_initials_in_a_title_is_no_place() -> None:
    # "И. С. Тургенева :" names a person inside the title; the place comes after the title
    title, _ = gost._split_book_title("Поэтика «Записок охотника» И. С. Тургенева : очерки. "
                                        "СПб., 2006")
    assert title == "Поэтика «Записок охотника» И. С. Тургенева : очерки"
    title, _ = gost._split_book_title("Записки охотника. Москва : Наука, 2006")
    assert title == "Записки охотника"


def test_three_publishers_after_the_places() -> None:
    item = _item("Кассель, Б. Эффект речи / пер. с фр. А. Рос. М.; СПб. : Философский фонд, "
                 "Университетская книга, Культурная инициатива, 2000. 238 с.")
    assert item["publisher-place"] == "М.; СПб."
    assert item["publisher"] == "Философский фонд, Университетская книга, Культурная инициатива"
    assert item["title"] == "Эффект речи"


def test_dash_inside_parentheses_or_between_numbers_is_no_area_separator() -> None:
    text = gost._without_carrier_and_dashes(
        "Петров, П. П. Робот // Конференция молодых учёных (МИКМУС – 2019). Сборник трудов. "
        "2020. С. 449—452.")
    assert "(МИКМУС – 2019)" in text
    assert "May 27 – 30" in gost._without_carrier_and_dashes(
        "Smith, J. Images // Conference 2010: May 27 – 30, 2010 Chalkidiki. 2010. P. 1–4.")
    # the spaced dash between areas is still one
    assert gost._without_carrier_and_dashes("Заглавие – М. : Наука, 2006.") == \
        "Заглавие. М. : Наука, 2006."


def test_volume_closing_the_host_title_before_its_editors() -> None:
    for dash in ("", "— "):
        item = _item(f"Berend, H. J. C. Water models // Intermolecular Forces. Т. 3 / под ред. "
                     f"A. Wilkins, P. Weiner. {dash}Dordrecht : Reidel, 1981. {dash}С. 331–342.")
        assert (item["container-title"], item["volume"]) == ("Intermolecular Forces", "3")
        assert [e["family"] for e in item["editor"]] == ["Wilkins", "Weiner"]
        assert item["type"] == "chapter"


def test_host_statement_ends_before_a_placeless_publication_area() -> None:
    # "// Host / под ред. …. Publisher, Group, 2007.": the editors end where the
    # publication area begins; the publisher keeps its group after the comma
    item = _item("Alexin, A., Parker, Y. Charge Transport // Handbook of Polymers / под ред. "
                 "T. A. Skotheim, J. R. Reynolds. CRC Press, Taylor & Francis Group, 2007. "
                 "С. 1–22.")
    assert item["container-title"] == "Handbook of Polymers"
    assert [e["family"] for e in item["editor"]] == ["Skotheim", "Reynolds"]
    assert item["publisher"] == "CRC Press, Taylor & Francis Group"
    assert item["issued"] == {"date-parts": [[2007]]}


def test_edition_statement_with_its_qualifying_words_ends_the_title() -> None:
    # the edition area follows the title area; the source words it, and GOST gives it so
    assert gost._edition_in_words(". 3rd Millennium ed, rev. and expanded. Berlin : Springer, "
                                  "2006.") == "3rd Millennium ed, rev. and expanded"
    assert gost._edition_in_words(". 2d rev. ed. Amsterdam : North-Holland, 1973.") == \
        "2d rev. ed"
    assert gost._edition_in_words(". 3rd Edition. Boston : Academic Press, 2004.") == "3"
    title, _ = gost._split_book_title("Set Theory. 3rd Millennium ed, rev. and expanded. "
                                      "Berlin, Heidelberg : Springer, 2006")
    assert title == "Set Theory"


def test_statement_with_a_foreword_by_is_no_part_of_the_title() -> None:
    # "/ with a forew. by …": a statement of responsibility naming another person's role; its
    # words are the role's, so the reading that takes them as such accounts for every word
    item = _item("Lewes, D. Convention : A Study / with a forew. by W. V. O. Quinn. "
                 "Wiley-Blackwell, 2002. 228 p.")
    assert item["title"] == "Convention : A Study"
    assert item["publisher"] == "Wiley-Blackwell"
    assert item["number-of-pages"] == "228"


def test_proceedings_place_with_the_conference_dates_after_the_host_title() -> None:
    for dash in ("", "— "):
        item = _item(f"Berne, V. A. Defects in Airframes // Problems of Flight Safety. "
                     f"Proceedings of the 17th Conference. {dash}Zhukovsky, 11–14 October 2021. "
                     f"{dash}С. 71—72.")
        assert item["container-title"] == ("Problems of Flight Safety. Proceedings of the 17th "
                                           "Conference")
        assert item["publisher-place"] == "Zhukovsky"
        assert item["issued"]["date-parts"][0][0] == 2021
        assert item["page"] == "71-72"
    # a capitalised word that is no month is no conference date
    assert gost._PLACE_EVENT_DATES_RE.match(". Zhukovsky, 11 Volumes 2021.") is not None
    assert not gost._place_and_event_dates(". Zhukovsky, 11 Volumes 2021.", {})
