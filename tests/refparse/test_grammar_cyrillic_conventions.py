"""Russian/Bulgarian bibliographic conventions the grammars read (strings written for these
tests)."""

from __future__ import annotations

from citefmt.model import ET_AL_NAME
from citefmt.refparse import author_year, parse_reference


def _item(text: str) -> dict:
    item = parse_reference(text).item
    item.pop("language", None)
    return item


def test_author_year_key_before_the_reference_is_set_aside() -> None:
    parsed = parse_reference("Петров, Сидоров, 2010а – Петров П.П., Сидоров С.С. Теплообмен в "
                             "каналах // "
                             "Теплоэнергетика. 2010. № 5 (77).")
    assert parsed.grammar == "gost"
    assert parsed.item["author"] == [{"family": "Петров", "given": "П. П."},
                                     {"family": "Сидоров", "given": "С. С."}]
    assert parsed.item["title"] == "Теплообмен в каналах"
    # the issue designation with its running number, as GOST R 7.0.5-2008 prints it (issue 14)
    assert (parsed.item["issue"], "volume" in parsed.item) == ("5 (77)", False)


def test_heading_names_followed_by_i_dr_end_the_author_list() -> None:
    parsed = parse_reference("Орлов А.А. и др. Очистка сточных вод // Экология. 2001. Вып. 3. С. "
                             "10–15.")
    assert parsed.item["author"] == [{"family": "Орлов", "given": "А. А."}, ET_AL_NAME]
    assert parsed.item["title"] == "Очистка сточных вод"
    assert (parsed.item["issue"], parsed.item["page"]) == ("3", "10-15")


def test_latin_c_typed_for_the_cyrillic_page_label() -> None:
    item = _item("Белов И.И. Волны в плазме // Физика плазмы. М.: Наука, 2005. C. 101–109.")
    assert item["page"] == "101-109"
    assert item["container-title"] == "Физика плазмы"
    assert (item["publisher-place"], item["publisher"]) == ("М.", "Наука")


def test_carrier_word_before_a_thesis_designation_is_not_title() -> None:
    item = _item("Зайцев, К. Л. Память и внимание у подростков Текст: автореф. дис. канд. психол. "
                 "наук. "
                 "Казань, 1999.")
    assert item["title"] == "Память и внимание у подростков"
    assert (item["type"], item["genre"]) == ("thesis", "автореф. дис. канд. психол. наук")


def test_host_title_beginning_with_tekst_is_kept() -> None:
    item = _item("Лотман Ю.М. Знак и символ // Текст: структура и смысл. М.: Наука, 1990. С. 5–20.")
    assert item["container-title"] == "Текст: структура и смысл"


def test_cyrillic_roman_volume_is_a_sane_volume() -> None:
    parsed = parse_reference("Козлов П.П. Курганы Прикамья // ИОАИЭ. Казань, 1895. Т. ХІІ. Вып. 2.")
    assert parsed.grammar == "gost"
    assert (parsed.item["volume"], parsed.item["issue"]) == ("ХІІ", "2")
    assert (parsed.item["container-title"], parsed.item["publisher-place"]) == ("ИОАИЭ", "Казань")


def test_anonymous_book_ending_in_place_and_year() -> None:
    item = _item("Адрес-календарь Пермской губернии. Пермь, 1885.")
    assert item == {"type": "book", "title": "Адрес-календарь Пермской губернии",
                    "issued": {"date-parts": [[1885]]}, "publisher-place": "Пермь"}


def test_old_style_area_dash_given_first_names_and_undated_imprint() -> None:
    item = _item("Кратка граматика : за основното училище / Иван Петров.- Пловдив : Христо Данов.- "
                 "96 с.")
    assert item["author"] == [{"family": "Петров", "given": "Иван"}]
    assert item["title"] == "Кратка граматика : за основното училище"
    assert (item["publisher-place"], item["publisher"], item["number-of-pages"]) == (
        "Пловдив", "Христо Данов", "96")


def test_edition_statement_inside_the_title_area() -> None:
    item = _item("Смирнов А.Б. Основы гидравлики (3-е изд., испр.). СПб: Лань, 2010. 300 с.")
    assert (item["title"], item["edition"]) == ("Основы гидравлики", "3")
    assert (item["publisher-place"], item["publisher"]) == ("СПб", "Лань")
    spelled = _item("Смирнов А.Б. Основы гидравлики: Изд. 2-е, доп. / Под ред. В.В. Иванова. "
                    "- М.: Наука, 2008. - 280 с.")
    assert (spelled["title"], spelled["edition"]) == ("Основы гидравлики", "2")
    assert spelled["editor"] == [{"family": "Иванова", "given": "В. В."}]
    assert (spelled["publisher-place"], spelled["publisher"]) == ("М.", "Наука")


def test_bare_year_author_list_with_a_chapter_in_an_edited_book() -> None:
    parsed = parse_reference("Георгиева, Мария, Петър Колев. 2001. Бележки за един ръкопис. В: "
                             "Иван "
                             "Стоянов (ред.), Старобългаристика днес, 55-61. Пловдив: Летера.")
    assert parsed.grammar == "author-year"
    item = parsed.item
    assert item["author"] == [{"family": "Георгиева", "given": "Мария"},
                              {"family": "Колев", "given": "Петър"}]
    assert item["editor"] == [{"family": "Стоянов", "given": "Иван"}]
    assert (item["type"], item["title"], item["container-title"]) == (
        "chapter", "Бележки за един ръкопис", "Старобългаристика днес")
    assert (item["page"], item["publisher-place"], item["publisher"]) == ("55-61", "Пловдив",
                                                                          "Летера")


def test_bare_year_review_title_quoting_a_book_stays_whole() -> None:
    item = _item("Илиев, Стоян. 1980. Петко Тодоров. Избрани разкази. С., 1979. Септември, 33 (2). "
                 "201 – 204.")
    assert item["title"] == "Петко Тодоров. Избрани разкази. С., 1979"
    assert (item["container-title"], item["volume"], item["issue"], item["page"]) == (
        "Септември", "33", "2", "201-204")


def test_bare_year_with_letter_newspaper_day_and_book() -> None:
    paper = _item("Соколов А. А. 2011в. Рынок жилья. Коммерсантъ. 45 (4590). 12 марта: 7.")
    assert paper["issued"] == {"date-parts": [[2011, 3, 12]]}
    assert (paper["container-title"], paper["volume"], paper["issue"], paper["page"]) == (
        "Коммерсантъ", "45", "4590", "7")
    book = _item("Яковлев B. 1961. История северных городов. Москва: Наука.")
    assert (book["type"], book["publisher-place"], book["publisher"]) == ("book", "Москва", "Наука")


def test_author_year_grammar_needs_names_before_the_year() -> None:
    assert author_year.parse("Отчет комиссии. 1892. Заглавие. Москва: Наука.") is None
    assert not author_year.looks_like("Smith J (2004). Title. Journal 1:2-3.")


def test_volume_closing_the_title_area_of_a_multivolume_book() -> None:
    item = _item("Теория автоматического управления. Т. 2 / Под ред. А.А. Воронова.- М.: Высшая "
                 "школа, 1986.")
    assert (item["title"], item["volume"]) == ("Теория автоматического управления", "2")
    assert item["editor"] == [{"family": "Воронова", "given": "А. А."}]
    assert (item["publisher-place"], item["publisher"], item["issued"]) == (
        "М.", "Высшая школа", {"date-parts": [[1986]]})


def test_anonymous_book_with_an_abbreviated_city() -> None:
    parsed = parse_reference("Курганы степной полосы в эпоху бронзы. М., 1975.")
    assert parsed.grammar == "gost"
    assert (parsed.item["type"], parsed.item["title"], parsed.item["publisher-place"]) == (
        "book", "Курганы степной полосы в эпоху бронзы", "М.")
