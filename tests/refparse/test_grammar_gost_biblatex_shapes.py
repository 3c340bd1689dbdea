"""GOST shapes that biblatex-gost prints (and Russian theses typeset with it), on strings written
for these tests from GOST R 7.0.5-2008 / 7.0.100-2018 and biblatex-gost's documented output."""

from __future__ import annotations

from citefmt.refparse import parse_reference


def _item(text: str) -> dict:
    return parse_reference(text).item


def test_lower_case_number_label_after_the_volume() -> None:
    item = _item("Smith J. A. Heat flow in thin films // Journal of Heat Studies. — 2011. — "
                 "Vol. 12, no. 4. — P. 101–119.")
    assert (item["volume"], item["issue"], item["page"]) == ("12", "4", "101-119")


def test_unlabelled_supplement_issue_after_the_volume() -> None:
    item = _item("Brown K. L. Growth of cells // Cell Reports. — 2014. — Vol. 7, S2. — "
                 "P. 15–19.")
    assert item["issue"] == "S2"


def test_area_dash_ends_a_host_title_ending_in_a_capital() -> None:
    item = _item("Орлов П. П. Рассеяние волн // Physical Review B. — 2009. — Т. 80, № 4. — "
                 "С. 041927.")
    assert item["container-title"] == "Physical Review B"
    assert item["issued"]["date-parts"][0][0] == 2009


def test_host_title_ending_in_a_capital_without_area_dashes() -> None:
    item = _item("Орлов, П. П. Рассеяние волн // J. Phys. Chem. B. 1997. Т. 101, № 5. "
                 "С. 782—791.")
    assert item["container-title"] == "J. Phys. Chem. B"
    assert item["volume"] == "101"


def test_publisher_and_month_year_after_a_proceedings_host() -> None:
    item = _item("Lee K. Robust walking // 2012 IEEE Conference on Robots. — IEEE, 08.2012. — "
                 "С. 1120—1123.")
    assert item["container-title"] == "2012 IEEE Conference on Robots"
    assert item["issued"]["date-parts"][0][0] == 2012


def test_issue_date_after_the_year_is_the_date_not_the_journal() -> None:
    item = _item("Волков С. С. Плазма в токамаке // Nuclear Fusion. — 2015. — Июль. — "
                 "Т. 55, № 10. — С. 104013.")
    assert item["container-title"] == "Nuclear Fusion"
    assert item["issued"] == {"date-parts": [[2015, 7]]}
    item = _item("Hall T. Fibres // Biophysical Journal. — 2014. — Dec. 16. — Vol. 107, no. 12. "
                 "— P. 2911–2922.")
    assert item["issued"] == {"date-parts": [[2014, 12, 16]]}


def test_translator_after_the_slash_is_no_author_and_no_place() -> None:
    item = _item("Кант И. Критика чистого разума / пер. с нем. Н. О. Лосского. — М. : Наука, "
                 "1999. — 655 с.")
    assert item["author"] == [{"family": "Кант", "given": "И."}]
    assert item["title"] == "Критика чистого разума"
    assert item["translator"] == [{"family": "Лосского", "given": "Н. О."}]
    assert (item["publisher-place"], item["publisher"]) == ("М.", "Наука")


def test_role_groups_after_semicolons() -> None:
    item = _item("Юм Д. Трактат о человеческой природе / под ред. А. Ф. Грязнова ; пер. с англ. "
                 "С. И. Церетели. — М. : Мысль, 1996. — 320 с.")
    assert item["editor"] == [{"family": "Грязнова", "given": "А. Ф."}]
    assert item["translator"] == [{"family": "Церетели", "given": "С. И."}]
    assert item["publisher"] == "Мысль"


def test_series_area_of_a_monograph() -> None:
    item = _item("Петров А. А. Теория групп. — Berlin : Springer, 2011. — 300 p. — (Lecture "
                 "Notes in Algebra ; v. 73).")
    assert item["collection-title"] == "Lecture Notes in Algebra"
    assert item["collection-number"] == "73"
    assert (item["publisher-place"], item["publisher"]) == ("Berlin", "Springer")


def test_imprint_without_a_place() -> None:
    item = _item("Hoover W. Time Reversibility and Chaos. — World Scientific, 2001.")
    assert item["title"] == "Time Reversibility and Chaos"
    assert item["publisher"] == "World Scientific"
    assert "publisher-place" not in item
    item = _item("Петров И. И. Динамика белков. — Издательство Московского университета, 2005.")
    assert item["publisher"] == "Издательство Московского университета"


def test_a_city_before_the_year_stays_a_place() -> None:
    item = _item("Максимов Г. Г. Карст и пещеры. — Пермь, 1963. — 200 с.")
    assert item["publisher-place"] == "Пермь"
    assert "publisher" not in item


def test_place_with_its_country_before_the_publisher() -> None:
    item = _item("Yuan Y., Li Y. An improved algorithm // Proceedings of the Conference on "
                 "Engineering. – Seville, Spain : IEEE, 2014. – P. 5–9.")
    assert (item["publisher-place"], item["publisher"]) == ("Seville, Spain", "IEEE")


def test_publisher_of_proceedings_with_a_month_date() -> None:
    item = _item("Lee K. Robust walking // 2012 IEEE Conference on Robots. — IEEE, 08.2012. — "
                 "С. 1120—1123.")
    assert item["publisher"] == "IEEE"
    assert item["issued"] == {"date-parts": [[2012, 8]]}


def test_unlabelled_article_number_after_the_volume() -> None:
    item = _item("Ross T. Cell atlas // eLife. — 2016. — Vol. 5. — e01234. — DOI: "
                 "10.7554/eLife.01234.")
    assert item.get("page", item.get("number")) == "e01234"


def test_journal_title_ending_in_a_parenthesis_before_the_year() -> None:
    item = _item("Olsen, A. L. Units of chromatin // Science (New York, N.Y.) 1975. Jan. 25. "
                 "Vol. 187, no. 4122. P. 330–332.")
    assert item["container-title"] == "Science (New York, N.Y.)"
    assert item["issued"] == {"date-parts": [[1975, 1, 25]]}


def test_access_notes_as_biblatex_prints_them() -> None:
    item = _item("Ordin C. Robot terrain // Robotics Letters. — 2019. — Vol. 4, no. 2. — "
                 "P. 16–32. — URL: https://example.org/a (visited on 04/27/2021).")
    assert item["accessed"] == {"date-parts": [[2021, 4, 27]]}
    item = _item("Гусев Т. Нуклеосома // Nucleus. — 2017. — Т. 8, № 6. — С. 625—640. — URL: "
                 "https://example.org/b (дата обр. 12.08.2019).")
    assert item["accessed"] == {"date-parts": [[2019, 8, 12]]}


def test_closing_note_after_the_numbers() -> None:
    item = _item("Смирнов А. А. Пучки электронов // Ядерный синтез. — 2021. — Т. 61, № 11. — "
                 "С. 116—124. — (Scopus, WoS).")
    assert item["note"] == "Scopus, WoS"
    assert item["page"] == "116-124"


def test_a_spaced_colon_alone_does_not_make_an_abnt_reference_gost() -> None:
    item = _item("MOREAU, Louis F. Le système solaire. Evreux : PLANETE, 1997. 127 p. (Dominos).")
    assert item["author"] == [{"family": "MOREAU", "given": "Louis F."}]
    assert item["title"] == "Le système solaire"


def test_a_2018_book_without_area_dashes() -> None:
    item = _item("Lambert, J., Scott, P. J. Introduction to Categorical Logic. Cambridge : "
                 "Cambridge University Press, 1986. (Cambridge Studies in Mathematics ; 7).")
    assert [n["family"] for n in item["author"]] == ["Lambert", "Scott"]
    assert item["title"] == "Introduction to Categorical Logic"
    assert item["publisher"] == "Cambridge University Press"
    assert item["collection-number"] == "7"


def test_dashed_host_title_that_holds_a_year_word() -> None:
    item = _item("Hart A., Sen H. Rover navigation // Proceedings. 2000 IEEE Conference on "
                 "Robots (IROS 2000). — 2000. — DOI: 10.1109/IROS.2000.1.")
    assert item["container-title"] == "Proceedings. 2000 IEEE Conference on Robots (IROS 2000)"
    assert item["issued"]["date-parts"][0][0] == 2000


def test_translation_note_after_the_title_is_not_the_title() -> None:
    item = _item("Джемс У. Многообразие опыта : пер. с англ. / под ред. Л. В. Петрова. — М. : "
                 "Наука, 1993. — 431 с.")
    assert item["title"] == "Многообразие опыта"
    assert item["editor"] == [{"family": "Петрова", "given": "Л. В."}]


def test_publisher_without_place_after_the_statement() -> None:
    item = _item("Винтер Д. В. Дети и матери / пер. с англ. Н. М. Падина. — Независимая фирма "
                 "«Класс», 1998. — 80 с.")
    assert item["translator"] == [{"family": "Падина", "given": "Н. М."}]
    assert item["publisher"] == "Независимая фирма «Класс»"


def test_series_before_isbns_and_the_2018_heading_with_a_placeless_imprint() -> None:
    item = _item("Hooper, W. Time and Chaos. World Scientific, 2001. 200 p. (Nonlinear "
                 "Science ; 12). ISBN 978-981-02-4658-4 978-981-02-4659-1.")
    assert item["author"] == [{"family": "Hooper", "given": "W."}]
    assert item["publisher"] == "World Scientific"
    assert item["collection-title"] == "Nonlinear Science"


def test_given_name_and_initial_before_a_surname_is_no_gost_heading() -> None:
    item = _item("Rosalind A. Berwick. Fiction and Freedom. Iowa City: University Of Iowa Press, "
                 "2007.")
    assert item["author"][0]["family"] == "Berwick"


def test_isbns_printed_one_after_another_are_one_identifier_area() -> None:
    from citefmt.refparse.common import extract_identifiers

    found = extract_identifiers("Book. 2011. ISBN 978-3-642-20143-1 978-3-642-20144-8. URL: x")
    assert found.fields["ISBN"] == "978-3-642-20143-1"
    assert "20144" not in found.body


def test_imprints_with_several_places_an_abbreviated_place_and_two_publishers() -> None:
    item = _item("Colloquium '77 / ed. by A. Macintyre. — Amsterdam, New York, Oxford : "
                 "North-Holland, 1978. — 400 p.")
    assert (item["publisher-place"], item["publisher"]) == ("Amsterdam, New York, Oxford",
                                                           "North-Holland")
    item = _item("Freud S. Letters to Fliess / ed. by M. Bonaparte. — N. Y. : Basic books, 1954. "
                 "— 486 p.")
    assert item["publisher-place"] == "N. Y."
    assert "issue" not in item  # "N." is an issue label only before a number
    item = _item("Мерло-Понти М. Феноменология восприятия / под ред. И. С. Вдовиной. — СПб. : "
                 "Ювента, Наука, 1999. — 608 с.")
    assert (item["publisher-place"], item["publisher"]) == ("СПб.", "Ювента, Наука")


def test_conference_place_with_its_country_before_the_year() -> None:
    item = _item("Peres M. A. Shaker measurements // Proceedings of the Conference on Noise. "
                 "Leuven, Belgium, 2010. С. 2539—2550.")
    assert item["container-title"] == "Proceedings of the Conference on Noise"
    assert item["publisher-place"] == "Leuven, Belgium"


def test_thesis_in_the_2018_form_with_specialty_code_full_name_and_defence_place() -> None:
    item = _item("Доманов Д. И. Анализ риска : дис. … канд. технических наук : 05.23.17 / "
                 "Доманов Дмитрий Иванович ; [Место защиты: Воронеж. гос. ун-т]. — Воронеж, "
                 "2016. — 159 с. : ил.")
    assert item["type"] == "thesis"
    assert item["genre"] == "дис. … канд. технических наук : 05.23.17"
    assert item["author"] == [{"family": "Доманов", "given": "Дмитрий Иванович"}]
    assert item["note"] == "Место защиты: Воронеж. гос. ун-т"
    assert item["publisher-place"] == "Воронеж" and "volume" not in item


def test_isbn_typeset_with_dashes() -> None:
    from citefmt.refparse.common import extract_identifiers

    assert extract_identifiers("Книга. 1997. ISBN 5—250—02658—3.").fields["ISBN"] == \
        "5—250—02658—3"


def test_an_acl_reference_with_and_before_the_last_name_is_no_gost() -> None:
    from citefmt.refparse import gost

    assert not gost.looks_like("Vasquez, A., Shah, N., and Poole, I. Attention is enough. In "
                               "NeurIPS, 2017.")
    assert gost.looks_like("Hooper, W. Time and Chaos. World Scientific, 2001.")


def test_unlabelled_part_issue_and_letter_page_range_after_the_volume() -> None:
    item = _item("Rahn A. Motion of atoms // Physical Review. — 1964. — Т. 136, 2A. — "
                 "A405—A411.")
    assert (item["volume"], item["issue"], item["page"]) == ("136", "2A", "A405-A411")
    item = _item("Polit V. Centromere domains // J Cell Sci. — 2002. — Vol. 115, Pt 11. — "
                 "P. 2317–2327.")
    assert item["issue"] == "Pt 11"
    item = _item("Ruitt K. Reference sequences // Nucleic Acids Res. — 2014. — Vol. 42, "
                 "Database issue. — P. D756–D763.")
    assert item.get("issue") != "P"  # "issue" is a label only before a number
