"""The GOST grammar's steps, one per element of the description (GOST R 7.0.5-2008, 7.0.100-2018).

Expected values are the elements as the standards define them, in strings written for the test."""

from __future__ import annotations

from citefmt.refparse import gost


def test_carrier_statement_and_area_dashes_are_set_aside() -> None:
    text = gost._without_carrier_and_dashes(
        "Иванов, И. И. Заглавие / И. И. Иванов. – Текст : непосредственный // Журнал. – 2020.")
    assert text == "Иванов, И. И. Заглавие / И. И. Иванов // Журнал. 2020."


def test_standard_is_described_under_its_designation() -> None:
    cand = gost._standard("ГОСТ Р 7.0.100-2018. Библиографическая запись. М., 2018. 124 с.")
    assert cand is not None
    assert cand.item["type"] == "standard" and cand.item["number"] == "ГОСТ Р 7.0.100-2018"
    assert cand.item["title"] == "Библиографическая запись"
    assert gost._standard("Иванов И. И. Заглавие. М., 2018.") is None


def test_patent_number_country_and_publication_date() -> None:
    cand = gost._patent("Пат. 2187888 Российская Федерация, МПК H04B 1/38. Приёмопередающее "
                        "устройство / В. С. Чугаева ; опубл. 20.08.2002.")
    assert cand is not None
    assert cand.item["number"] == "2187888"
    assert cand.item["jurisdiction"] == "Российская Федерация"
    assert cand.item["issued"] == {"date-parts": [[2002, 8, 20]]}
    assert cand.item["author"] == [{"family": "Чугаева", "given": "В. С."}]


def test_heading_reads_names_before_the_title_and_et_al() -> None:
    names, pos, truncated = gost._heading("Петров А. Б., Сидорова В. Г. и др. Заглавие")
    assert names == [{"family": "Петров", "given": "А. Б."},
                     {"family": "Сидорова", "given": "В. Г."}]
    assert truncated is True
    assert "Петров А. Б., Сидорова В. Г. и др. Заглавие"[pos:].strip() == "Заглавие"


def test_statement_of_responsibility_replaces_a_shorter_heading_and_reads_editors() -> None:
    item: dict = {}
    authors, tail, score, truncated = gost._responsibility(
        "А. Б. Петров, В. Г. Сидорова. М. : Наука, 2006", [{"family": "Петров", "given": "А. Б."}],
        item, in_host=False)
    assert authors == [{"family": "Петров", "given": "А. Б."},
                       {"family": "Сидорова", "given": "В. Г."}]
    assert tail == ". М. : Наука, 2006" and score == 0.15 and truncated is False
    gost._responsibility("под ред. В. Г. Сидоровой", [], item, in_host=False)
    assert item["editor"] == [{"family": "Сидоровой", "given": "В. Г."}]


def test_title_area_keeps_edition_volume_and_thesis_statement_apart() -> None:
    item: dict = {}
    gost._title_area("Хирургия (2-е изд., доп.). Т. 3", item, 0.0, in_host=False)
    assert item == {"edition": "2", "volume": "3", "title": "Хирургия"}
    item = {}
    gost._title_area("Заглавие : дис. … канд. мед. наук", item, 0.0, in_host=False)
    assert item == {"type": "thesis", "genre": "дис. … канд. мед. наук", "title": "Заглавие"}


def test_host_area_reads_the_source_document_and_its_numbers() -> None:
    item: dict = {}
    gost._host_area("Вопросы онкологии. 2019. Т. 65, № 2. С. 12–18.", item, 0.0)
    assert item == {"container-title": "Вопросы онкологии", "type": "article-journal",
                    "issued": {"date-parts": [[2019]]}, "volume": "65", "issue": "2",
                    "page": "12-18"}


def test_book_imprint_area_reads_place_publisher_year_and_extent() -> None:
    item: dict = {"title": "Заглавие"}
    gost._book_imprint_area(". 2-е изд. М. : Наука, 2006. 215 с.", item, 0.0, has_authors=True,
                            body="")
    assert item == {"title": "Заглавие", "type": "book", "publisher-place": "М.",
                    "publisher": "Наука", "issued": {"date-parts": [[2006]]}, "edition": "2",
                    "number-of-pages": "215"}


def test_plausibility_checks_name_each_field_that_fails() -> None:
    from citefmt.refparse.plausibility import failed_checks

    item = {"issued": {"date-parts": [[2990]]}, "volume": "twelve", "title": "1999",
            "author": [{"family": "Smith2", "given": "J"}], "publisher-place": "12345",
            "container-title": "Journal", "type": "book", "page": "1-2"}
    assert failed_checks(item) == ["year", "volume", "title", "author", "publisher-place",
                                   "type"]
    assert failed_checks({"title": "A sound title", "volume": "12", "issue": "Suppl 2",
                          "author": [{"family": "Smith", "given": "J"}]}) == []
