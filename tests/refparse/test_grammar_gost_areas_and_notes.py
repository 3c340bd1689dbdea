"""GOST areas read as the standards define them (GOST R 7.0.5-2008, GOST R 7.0.100-2018):
a double issue, a part issue, the thesis statement cut after the degree, a month before the
imprint's year, the note area after the numbers, a description whose only area after the title
is its date, and the area dash closing a monograph's title area. Strings written for these tests.
"""

from __future__ import annotations

from citefmt.refparse import gost, parse_reference


def _item(text: str) -> dict:
    return parse_reference(text).item


def test_double_issue_with_the_range_dash() -> None:
    # GOST R 7.0.5-2008 writes a double issue with its range: "№ 1—3"
    item = _item("Орлов П. П. Волны в плазме // Физика плазмы. — 2004. — Т. 30, № 1—3. — "
                 "С. 15—29.")
    assert (item["volume"], item["issue"], item["page"]) == ("30", "1–3", "15-29")


def test_part_and_supplement_issues_after_the_volume() -> None:
    item = _item("Grant L. Noise in arrays // Journal of Sensors. — 2011. — Vol. 58, 4 PART 2. — "
                 "P. 1531–1537.")
    assert item["issue"] == "4 PART 2"
    item = _item("Grant L. Noise in arrays // Journal of Sensors. — 2011. — Vol. 8, "
                 "Supplement S2. — P. 31–37.")
    assert item["issue"] == "Supplement S2"


def test_thesis_statement_cut_after_the_degree() -> None:
    item = _item("Smith J. Waves in thin films : дис. … канд. / Smith John. — Leiden, 2015.")
    assert item["title"] == "Waves in thin films"
    assert item["type"] == "thesis" and item["genre"].startswith("дис. … канд")


def test_month_before_the_year_of_an_imprint() -> None:
    # the date of a conference printed as month/year ("05/2014", "07.2011")
    item = _item("Lee K. Robust walking // Conference on Walking Robots. — Hong Kong, China : "
                 "IEEE, 05/2014. — P. 17–24.")
    assert (item["publisher"], item["publisher-place"]) == ("IEEE", "Hong Kong, China")
    assert item["issued"] == {"date-parts": [[2014, 5]]}
    item = _item("Lee K. Robust walking // Conference on Walking Robots. Т. 2. — IEEE, 07.2011. "
                 "— С. 17—24.")
    assert item["publisher"] == "IEEE" and item["volume"] == "2"
    assert item["issued"] == {"date-parts": [[2011, 7]]}


def test_note_area_after_the_numbers_is_the_note() -> None:
    # GOST R 7.0.5-2008: the note area closes the description; what it holds is free text
    text = ("Иванов И. И. Теплоперенос в тонких плёнках // Журнал технической физики. — 2012. — "
            "Т. 82, № 4. — С. 10—20. — Импакт-фактор РИНЦ 0,8.")
    result = parse_reference(text)
    assert result.grammar == "gost"
    assert result.item["note"] == "Импакт-фактор РИНЦ 0,8"
    assert result.item["page"] == "10-20"
    assert gost._note_area(" 2012. Т. 82, № 4. С. 10—20.              ") is None


def test_a_doi_the_identifier_reader_left_is_no_note() -> None:
    assert gost._note_area(" 2012. Т. 82, № 4. С. 10—20. DOI: 10.1234/ 5678-90.") is None


def test_description_whose_only_area_after_the_title_is_its_date() -> None:
    # an article read online or a preprint: heading, title area, date area, identifiers
    result = parse_reference("Петров П. П., Сидоров С. С. Расчёт течения, часть первая. — "
                             "2015. — 12 мая. — URL: https://example.org/flow.")
    assert result.grammar == "gost"
    assert result.item["title"] == "Расчёт течения, часть первая"
    assert result.item["issued"] == {"date-parts": [[2015, 5, 12]]}
    assert [a["family"] for a in result.item["author"]] == ["Петров", "Сидоров"]


def test_a_title_holding_numbers_earns_no_date_area_credit() -> None:
    assert gost._TITLE_NUMBERS_RE.search("Studies, Library Review, v. 32 n. 6, p. 45-50, 2011.")
    assert not gost._TITLE_NUMBERS_RE.search("Расчёт течения, часть первая")


def test_the_area_dash_ends_a_monographs_title_area() -> None:
    item = _item("Сидоров С. С. Очерки истории края. — Просвещение. — 1985.")
    assert item["title"] == "Очерки истории края"
    item = _item("Brown A. Theory of Plates. — Second edition. — Berlin : Springer, 2003.")
    assert item["title"] == "Theory of Plates"
    assert gost._dashed_title_end("Brown A. Mistake — Two Postulates. — 2013.") == 33


def test_volume_of_a_multivolume_work_in_the_title_area() -> None:
    item = _item("Brown A., Green B. Theory of Plates. Vol. 12. — 2004.")
    assert (item["title"], item["volume"]) == ("Theory of Plates", "12")


def test_unlabelled_locators_after_the_numbers() -> None:
    # biblatex-gost prints a locator without its label when it is not a plain page range
    item = _item("Grant L. Noise in arrays // Journal of Sensors. — 2016. — Т. 87, № 11. — "
                 "11E602.")
    assert (item.get("page") or item.get("number")) == "11E602"  # an article number
    item = _item("Grant L. Noise in arrays // Cell Sensors. — 2019. — Vol. 28, no. 1. — "
                 "282–294.e6.")
    assert (item.get("page") or item.get("number")) == "282-294.e6"
    item = _item("Grant L. Noise in arrays // Sensor Protocols. — 2008. — Vol. 2008. — "
                 "snp.prot5113.")
    assert item["number"] == "snp.prot5113" and "page" not in item


def test_volume_range_and_a_host_date_inside_parentheses() -> None:
    item = _item("Grant L. Noise in arrays // Journal of Sensors. — 2009. — Т. 390/391. — "
                 "С. 740—746.")
    assert item["volume"] == "390/391"
    item = _item("Grant L. Noise in arrays // Proceedings of the Symposium on Sensors (Brussels, "
                 "August 27–31, 1956). — London : Interscience, 1958. — P. 97–131.")
    assert item["container-title"] == ("Proceedings of the Symposium on Sensors (Brussels, "
                                       "August 27–31, 1956)")
    assert item["issued"]["date-parts"][0][0] == 1958


def test_a_host_dated_by_month_and_year_and_a_host_named_by_its_editors() -> None:
    item = _item("Grant L. Noise in arrays // Proc. of the 46th Conference on Sensors. — 01.2019. "
                 "— P. 5–9.")
    assert item["container-title"] == "Proc. of the 46th Conference on Sensors"
    assert item["issued"]["date-parts"][0][0] == 2019
    item = _item("Grant L. Noise in arrays // / ed. by R. E. Karl, D. W. Gage. — 05.2017. — "
                 "P. 10195.")
    assert "container-title" not in item
    assert [e["family"] for e in item["editor"]] == ["Karl", "Gage"]


def test_roles_spelled_in_full_and_the_originals_language() -> None:
    item = _item("Дюпон Ж. Очерки / составление и вступительная статья И. И. Петрова ; пер. с фр. "
                 "А. А. Сидорова. — М. : Наука, 1999. — 300 с.")
    assert item["title"] == "Очерки" and item["author"] == [{"family": "Дюпон", "given": "Ж."}]
    assert item["compiler"] == [{"family": "Петрова", "given": "И. И."}]
    assert item["translator"] == [{"family": "Сидорова", "given": "А. А."}]
    item = _item("Dupont J. Essays / trans. from the German by A. Smith. — London : Verso, 2001. — "
                 "120 p.")
    assert item["title"] == "Essays" and item["note"] == "trans. from the German"
    item = _item("Иванов И. И. Очерки / под ред., коммент. А. А. Маркова ; пер. с англ. Б. А. "
                 "Янковой. — М. : Мир, 1965. — 200 с.")
    assert item["editor"] == [{"family": "Маркова", "given": "А. А."}]
    item = _item("Сборник статей / Отв. ред.: М. А. Петрова. — М. : Наука, 2009. — 622 с.")
    assert item["editor"] == [{"family": "Петрова", "given": "М. А."}] and "author" not in item


def test_a_serials_place_before_the_year_is_no_publisher() -> None:
    # an article's host gives only the place of the serial before the year; proceedings give
    # their publisher after their volume
    item = _item("Grant L. Noise in arrays // Journal of Sensors. — England, 2010. — Vol. 27, "
                 "no. 6. — P. 821–841.")
    assert item["publisher-place"] == "England" and "publisher" not in item
    assert gost._serial_numbers(" England, 2010. Vol. 27, no. 6. P. 821–841.")
    assert not gost._serial_numbers(" Т. 1. IEEE, 09.2011. С. 2397—2402.")


def test_a_7_0_100_description_with_only_a_date_area_is_gost() -> None:
    # "Фамилия, И. О. Заглавие. 2017." — heading with its comma, title, date area
    body = "Brown, A., Green, B. Theory of Plates and Shells. 2017."
    assert gost.looks_like(body)
    result = parse_reference(body)
    assert result.grammar == "gost"
    assert result.item["title"] == "Theory of Plates and Shells"
    assert [a["family"] for a in result.item["author"]] == ["Brown", "Green"]


def test_an_abbreviated_particle_after_the_initials_belongs_to_the_heading() -> None:
    item = _item("Гумбольдт В. ф. Избранные труды по языкознанию. — М. : Прогресс, 1984. — 397 с.")
    assert item["author"] == [{"family": "Гумбольдт", "given": "В. ф."}]
    assert item["title"] == "Избранные труды по языкознанию"


def test_a_serials_place_area_read_whole_up_to_its_year() -> None:
    item = _item("Grant L. Noise in arrays // J. Sens. Res. — Department of Physics, University "
                 "of Leeds, Leeds LS2 9JT, UK., 1995. — Т. 4, № 10. — С. 200—218.")
    assert item["container-title"] == "J. Sens. Res"  # the final period is punctuation
    assert item["publisher-place"] == ("Department of Physics, University of Leeds, Leeds LS2 "
                                       "9JT, UK")
    assert (item["volume"], item["issue"]) == ("4", "10")
