"""Transliteration schemes: each checked against the table or examples its source publishes.

Oracles: translit.net's BSI table as Russian journals print it in their author guidelines
(journals.kantiana.ru/geometry/transliteration, irokonkurs.tilda.ws/en/transliteration), the
BGN table of journals.ucp.by, the worked example of ../shared/rules/styles-rules.md §4
("Юрий Щербаков"), iuliia's own sample for bs_2979_alt, the examples of Ukraine's Cabinet of
Ministers Resolution No. 55 (2010) and of Bulgaria's Transliteration Act (2009).
"""

from __future__ import annotations

import iuliia
import pytest

from citefmt.errors import UsageError
from citefmt.translit import cyrillic_initials, scheme_names, transliterator

#: translit.net "BSI", letter by letter, as the journals' guideline pages print it
BSI_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": '"', "ы": "y", "ь": "'", "э": "e", "ю": "yu", "я": "ya",
}


@pytest.mark.parametrize(("letter", "latin"), sorted(BSI_TABLE.items()))
def test_bsi_is_the_table_journals_publish(letter: str, latin: str) -> None:
    # in a word, so that the letter is read as part of one ("ъ" and "ь" never start a word)
    assert transliterator("bsi")("о" + letter) == "o" + latin


def test_bgn_is_translit_net_bgn_as_journals_publish_it() -> None:
    bgn = transliterator("bgn")
    assert bgn("ой") == "oy"  # the one letter BSI and translit.net BGN write differently
    assert bgn("оёъыь") == "oe\"y'"


def test_the_worked_example_of_the_rules_in_three_schemes() -> None:
    assert transliterator("bsi")("Щербаков Юрий") == "Shcherbakov Yurii"
    assert transliterator("bgn")("Щербаков Юрий") == "Shcherbakov Yuriy"
    # "simplified LC" = ALA-LC without its diacritics: iuliia's ala_lc_alt
    assert transliterator("ala_lc_alt")("Щербаков Юрий") == "Shcherbakov Iurii"


def test_bsi_is_iuliia_bs_2979_alt_without_the_ending_rule() -> None:
    source, expected = iuliia.schemas.get("bs_2979_alt").samples[0]
    assert transliterator("bsi")(source) == expected
    # where they differ: iuliia applies -ий/-ый → -y at the end of a word, translit.net does not
    assert iuliia.schemas.get("bs_2979_alt").translate("Марий") == "Mary"
    assert transliterator("bsi")("Марий") == "Marii"


def test_every_iuliia_scheme_can_be_chosen() -> None:
    names = scheme_names()
    assert names[:2] == ["bsi", "bgn"]
    for name in iuliia.schemas.names():
        assert name in names
        assert transliterator(name)("Москва")  # runs


def test_an_unknown_scheme_is_a_usage_error_listing_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"unknown transliteration scheme 'bsx'.*bsi, bgn"):
        transliterator("bsx")


def test_all_capitals_stay_all_capitals_and_initials_keep_two_letters() -> None:
    bsi = transliterator("bsi")
    assert bsi("ЖУРНАЛ ЩИТ") == "ZHURNAL SHCHIT"
    assert bsi("Ж. Ю. Х. Я.") == "Zh. Yu. Kh. Ya."


def test_hyphenated_and_double_surnames_ё_й_hard_and_soft_signs() -> None:
    bsi = transliterator("bsi")
    assert bsi("Петров-Водкин") == "Petrov-Vodkin"
    assert bsi("Салтыков-Щедрин") == "Saltykov-Shchedrin"
    assert bsi("Бонч-Бруевич") == "Bonch-Bruevich"
    assert bsi("Соловьёв") == "Solov'ev"
    assert bsi("Подъячев") == 'Pod"yachev'
    assert bsi("Йошкар-Ола") == "Ioshkar-Ola"


@pytest.mark.parametrize(("cyrillic", "latin"), [
    # examples of the table in Resolution No. 55 of the Cabinet of Ministers of Ukraine (2010)
    ("Алушта", "Alushta"), ("Борщагівка", "Borshchahivka"), ("Гадяч", "Hadiach"),
    ("Згорани", "Zghorany"), ("Розгон", "Rozghon"), ("Ґалаґан", "Galagan"),
    ("Єнакієве", "Yenakiieve"), ("Гаєвич", "Haievych"), ("Короп'є", "Koropie"),
    ("Їжакевич", "Yizhakevych"), ("Кадіївка", "Kadiivka"), ("Йосипівка", "Yosypivka"),
    ("Стрий", "Stryi"), ("Юрій", "Yurii"), ("Корюківка", "Koriukivka"), ("Яготин", "Yahotyn"),
    ("Ічня", "Ichnia"), ("Знам'янка", "Znamianka"), ("Щербухи", "Shcherbukhy"),
])
def test_ukrainian_kmu_2010(cyrillic: str, latin: str) -> None:
    assert transliterator("uk_kmu_2010")(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "latin"), [
    # Bulgaria's Transliteration Act (2009): щ → sht, ъ → a, word-final -ия → -ia
    ("София", "Sofia"), ("Съединение", "Saedinenie"), ("Щастливеца", "Shtastlivetsa"),
    ("Йордан", "Yordan"), ("Ямбол", "Yambol"), ("Шишков", "Shishkov"),
])
def test_bulgarian_streamlined(cyrillic: str, latin: str) -> None:
    assert transliterator("bg_streamlined")(cyrillic) == latin


def test_cyrillic_given_names_become_initials_before_transliteration() -> None:
    assert cyrillic_initials("Юрий Петрович") == "Ю. П."
    assert cyrillic_initials("Ю. И.") == "Ю. И."
    assert cyrillic_initials("ЮИ") == "Ю. И."
    assert cyrillic_initials("Жан-Поль") == "Ж.-П."
    assert cyrillic_initials("Дж.") == "Дж."


def test_abbreviations_in_mixed_case_text_keep_title_case_digraphs() -> None:
    """Izvestiya vuzov. Yadernaya Energetika prints "Vestnik NYaTs RK" and "Izvestiya AN SSSR.
    MZhG" in its References lists (2023/04/10 entry 20, 2023/02/04 entry 12 of
    nuclear-power-engineering/nuclear-power-engineering); a text all in capitals stays so."""
    bgn = transliterator("bgn")
    assert bgn("Вестник НЯЦ РК") == "Vestnik NYaTs RK"
    assert bgn("Известия АН СССР. МЖГ") == "Izvestiya AN SSSR. MZhG"
    assert bgn("ЖУРНАЛ ЩИТ") == "ZHURNAL SHCHIT"
    # a long word in capitals is not an abbreviation
    assert bgn("Проект ПРИВЕТСТВУЮЩИЙ") == "Proekt PRIVETSTVUYUSHCHIY"
