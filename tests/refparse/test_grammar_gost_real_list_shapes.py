"""Shapes real Russian reference lists use that GOST's own examples do not: long author lists,
a lost comma between names, "No 4", "[Текст]", "/ Ed." editors, initials inside a journal
title, the Cyrillic "Р." page label. Strings are written for this test in those shapes."""

from __future__ import annotations

from citefmt.refparse import parse_reference


def _item(text: str) -> dict:
    parsed = parse_reference(text)
    assert parsed.grammar == "gost"
    return parsed.item


def test_every_name_of_a_long_author_list_is_an_author() -> None:
    item = _item("Петров А.А., Сидорова Б.В., Кузнецов Г.Д., Орлова Е.Ж., Ильин К.Л. "
                 "Влияние температуры на свойства полимеров // Журнал прикладной химии. "
                 "2019. № 5. С. 12-19.")
    assert [n["family"] for n in item["author"]] == [
        "Петров", "Сидорова", "Кузнецов", "Орлова", "Ильин"]
    assert item["title"] == "Влияние температуры на свойства полимеров"


def test_a_name_list_that_lost_a_comma_stays_one_list() -> None:
    item = _item("Ахмедов О.Р. Иванов И.И., Петрова А.В., Сидоров С.С. Свойства пектина // "
                 "Химия растительного сырья. 2017. Т. 25. С. 141-145.")
    assert [n["family"] for n in item["author"]] == [
        "Ахмедов", "Иванов", "Петрова", "Сидоров"]
    assert item["title"] == "Свойства пектина"


def test_a_title_that_starts_like_a_name_is_not_read_as_one() -> None:
    item = _item("Орлов К.Л. Ломоносов М.В. и его время. М.: Наука, 2011. 320 с.")
    assert item["author"] == [{"family": "Орлов", "given": "К. Л."}]
    assert item["title"] == "Ломоносов М.В. и его время"


def test_no_without_a_period_is_the_issue() -> None:
    item = _item("Smith J.A. Spatial terms in narrative // Journal of Pragmatics. - 2004. - "
                 "Vol. 36. - No 7. - P. 1201-1230.")
    assert (item["volume"], item["issue"], item["page"]) == ("36", "7", "1201-1230")


def test_general_material_designation_is_not_part_of_the_title() -> None:
    item = _item("Орлов, К. Л. Анализ отказов защитной аппаратуры [Текст] / К. Л. Орлов, "
                 "Д. С. Белов // Электробезопасность. — 2018. — № 3. — С. 40—47.")
    assert item["title"] == "Анализ отказов защитной аппаратуры"
    assert [n["family"] for n in item["author"]] == ["Орлов", "Белов"]


def test_ed_introduces_the_editors_of_the_host_and_p_with_a_name_is_no_page() -> None:
    item = _item("Brown K. Deixis // Encyclopedia of Language / Ed. P. Jones, R. White. - Oxford: "
                 "Elsevier, 2006. - P. 99-105.")
    assert item["editor"] == [{"family": "Jones", "given": "P."},
                              {"family": "White", "given": "R."}]
    assert (item["title"], item["container-title"], item["page"]) == (
        "Deixis", "Encyclopedia of Language", "99-105")
    assert (item["publisher-place"], item["publisher"]) == ("Oxford", "Elsevier")


def test_initials_inside_a_journal_title_do_not_end_it() -> None:
    item = _item("Лебедев С.А. Метод конечных элементов в задачах теплообмена // "
                 "Вестник Казанского университета им. А.Н. Туполева, 2012, № 2, С. 10–15")
    assert item["container-title"] == "Вестник Казанского университета им. А.Н. Туполева"
    assert "publisher-place" not in item


def test_cyrillic_er_as_page_label_and_hyphenated_initials() -> None:
    item = _item("Yuan Y., Li Y.-j., Wang Y.-q. Graph colouring heuristics // "
                 "Operations Research Letters. 2015. Vol. 43. Р. 500-506.")
    assert [n["family"] for n in item["author"]] == ["Yuan", "Li", "Wang"]
    assert item["page"] == "500-506"
