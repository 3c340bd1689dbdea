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
    title, _ = gost._split_book_title("Ethics of Translation. Oxford, UK : Blackwell, 1999")
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


def test_further_numbers_of_an_issn_or_isbn_list_are_kept_as_a_note() -> None:
    # 4.8: the standard number area gives each ISSN (print and online) or ISBN the source bears
    parsed = parse_reference("Orlov, P. Heat in Thin Films // Journal of Heat Studies. 2011. "
                             "Vol. 12, no. 4. P. 101–119. ISSN 0022-1481, 1528-8943.")
    assert parsed.grammar == "gost"
    assert (parsed.item["ISSN"], parsed.item["note"]) == ("0022-1481", "ISSN 1528-8943")
    assert parsed.item["page"] == "101-119"
    assert gost._further_standard_numbers("Заглавие. М., 2000.                 , "
                                          "5-7914-0056-4.") == "ISBN 5-7914-0056-4"
    assert gost._further_standard_numbers("Заглавие. М., 2000, 215 с.") is None


def test_a_publisher_without_a_place_ends_the_statement_of_responsibility() -> None:
    # 4.6: the publication area may give the publisher and date alone; the description's last
    # period is dropped before the statement is read, so the date may end the text
    reading = gost.parse("Wolf, K. Collected Papers / trans. from the German by A. Lang. "
                         "Brill Academic, 1987.")
    assert reading is not None
    item = reading.item
    assert item["translator"] == [{"family": "Lang", "given": "A."}]
    assert (item["title"], item["publisher"], item["issued"]) == (
        "Collected Papers", "Brill Academic", {"date-parts": [[1987]]})


def test_a_publisher_of_any_words_without_a_place_ends_a_book_title() -> None:
    # 4.6.3: the publisher's name as the source gives it ("Taylor & Francis", "Editions
    # L'Harmattan"), after the title with no area dash (7.0.100-2018's ". " separator)
    assert gost._split_book_title("Computer Simulation. Taylor & Francis, 1989")[0] == \
        "Computer Simulation"
    item = _item("Moreau, J. Trauma et langage : essais. Editions L'Harmattan, 2005. 250 p.")
    assert (item["title"], item["publisher"], item["number-of-pages"]) == (
        "Trauma et langage : essais", "Editions L'Harmattan", "250")
    assert "publisher-place" not in item and "container-title" not in item


def test_statement_names_with_accented_or_several_word_surnames_are_persons() -> None:
    # 4.2.2: the statement of responsibility names up to three persons, initials first
    item = _item("Phase Behaviour of Lipids / M. A. Özdemir, G. V. Petrov, A. Újhelyi [et al.] "
                 "// Journal of Lipid Studies. 2016. Vol. 44, no. 14. P. 6599–6613.")
    assert item["author"][:3] == [{"family": "Özdemir", "given": "M. A."},
                                  {"family": "Petrov", "given": "G. V."},
                                  {"family": "Újhelyi", "given": "A."}]
    assert gost._initials_first_person({"literal": "D. Van Der Berg"}) == {
        "family": "Van Der Berg", "given": "D."}
    assert gost._initials_first_person({"literal": "Ин-т философии РАН"}) == {
        "literal": "Ин-т философии РАН"}


def test_a_spaced_hyphen_without_a_period_is_no_area_separator() -> None:
    # 3.3 / 4.1: the area separator is ". – " (a period, then the dash); a spaced hyphen inside
    # a title ("AUV 2018 - 2018 IEEE …") separates nothing
    assert gost._without_carrier_and_dashes("Заглавие // AUV 2018 - Workshop. – 2018.") == \
        "Заглавие // AUV 2018 - Workshop. 2018."
    item = _item("Lee, K. Online Coverage // AUV 2018 - 2018 IEEE Underwater Vehicle Workshop, "
                 "Proceedings. 2018. P. 10–15.")
    assert item["container-title"] == ("AUV 2018 - 2018 IEEE Underwater Vehicle Workshop, "
                                       "Proceedings")


def test_a_thesis_statement_with_a_hyphenated_branch_of_science() -> None:
    # 4.2.5 / GOST R 7.0.12: "дис. … канд. физ.-мат. наук" — the branch abbreviated with a hyphen
    item = _item("Орлова, А. А. Рассеяние волн в плазме : дис. … канд. физ.-мат. наук : "
                 "01.04.02 / Орлова Анна Андреевна. Москва, 2008. 224 с.")
    assert (item["type"], item["title"]) == ("thesis", "Рассеяние волн в плазме")
    assert item["genre"].startswith("дис. … канд. физ.-мат. наук")


def test_a_heading_surname_of_two_words_or_with_an_accented_capital() -> None:
    # 4.2.1: the heading gives the first author's surname as the source prints it, then a comma
    # and the initials (7.0.100-2018), whatever its script and however many words it has
    item = _item("Van Dorn, K. E. Chromatin Structure. Springer-Verlag, 1989. 350 p.")
    assert item["author"] == [{"family": "Van Dorn", "given": "K. E."}]
    assert (item["title"], item["publisher"]) == ("Chromatin Structure", "Springer-Verlag")
    item = _item("Šimek, S. Kant and Hume // Philosophy Quarterly. 1998. No. 13. P. 12–25.")
    assert item["author"] == [{"family": "Šimek", "given": "S."}]
    assert item["title"] == "Kant and Hume"


def test_a_thesis_statement_and_a_placeless_publisher_after_the_author_in_full() -> None:
    # 4.2.5: a master's thesis ("дис. … маг.", as biblatex-gost abbreviates it); 4.6: the
    # publication area after the statement of responsibility gives a publisher of several
    # parts and its date, with no place before it
    item = _item("Larsson, O. Modal analysis of a drill rig : дис. … маг. / Larsson O. "
                 "Uppsala University, Uppsala, Sweden, 2017. 68 p.")
    assert (item["type"], item["title"], item["genre"]) == (
        "thesis", "Modal analysis of a drill rig", "дис. … маг")
    assert item["issued"] == {"date-parts": [[2017]]}
    assert "Uppsala University" in item["publisher"]


def test_a_heading_with_the_particle_after_the_initials() -> None:
    # 4.2.1: the particle of a surname may follow the initials ("Dalen, D. v."); with the
    # 7.0.100-2018 comma the description is still read as GOST
    parsed = parse_reference("Berg, J. v. The Collected Letters of L. Euler. 1st ed. Springer, "
                             "2011. 320 p.")
    assert parsed.grammar == "gost"
    assert parsed.item["author"] == [{"family": "Berg", "given": "J. v."}]
    assert (parsed.item["title"], parsed.item["publisher"]) == (
        "The Collected Letters of L. Euler", "Springer")


def test_an_edition_area_worded_as_the_source_words_it() -> None:
    # 4.3: the edition statement in the source's words and language, after the title area
    item = _item("Keller, H. Grundlagen der Logik. Zweite, erweiterte Auflage. Tübingen : "
                 "Niemeyer, 1967. 437 S.")
    assert (item["title"], item["edition"]) == ("Grundlagen der Logik",
                                                "Zweite, erweiterte Auflage")
    item = _item("Moss, S. G. Robot Control. First edition. Amsterdam : Elsevier, 2014. 300 p.")
    assert (item["title"], item["edition"]) == ("Robot Control", "First edition")
    assert gost._edition_in_words(". 3rd Edition. Academic Press, 2004.") == "3"
    assert gost._edition_in_words(". Amsterdam : Elsevier, 2014.") is None


def test_an_unlabelled_page_range_whose_first_page_carries_the_letter() -> None:
    # 4.9 / biblatex-gost: the pages of an electronic-first article printed without "P." after
    # the issue, the letter written on the first page only ("E6456–6465")
    item = _item("Sato, A. Loop Formation in Genomes // Proceedings of the Academy of Sciences. "
                 "2015. Vol. 112, no. 47. E6456–6465.")
    assert (item["volume"], item["issue"], item["page"]) == ("112", "47", "E6456-6465")


def test_a_statement_of_responsibility_naming_an_organisation_is_kept_as_credits() -> None:
    # 4.2.2: the statement of responsibility may name a body, not a person; citefmt keeps it
    # as `credits` (a statement as the source words it), never as an author
    parsed = parse_reference("Философский ежегодник 2010 / Ин-т философии РАН. М. : Наука, "
                             "2011. 421 с.")
    assert parsed.grammar == "gost"
    assert (parsed.item["title"], parsed.item["credits"]) == ("Философский ежегодник 2010",
                                                              "Ин-т философии РАН")
    assert "author" not in parsed.item
    assert gost._collective_statement("J. R. Martı́n-Solı́s", [{"literal": "J. R. Martı́n-Solı́s"}],
                                      []) is None


def test_a_host_described_by_its_editors_alone_has_no_container_title() -> None:
    # 4.7 (the "//" host): a host without a title of its own is described by its statement of
    # responsibility ("// / под ред. …"), which is no title, however many names it lists
    item = _item("Kim, A., Lee, B. Walking Robots // / под ред. R. E. Karlsen, D. W. Gage, "
                 "C. M. Shoemaker [и др.]. 05.2017. С. 101–109.")
    assert "container-title" not in item
    assert item["title"] == "Walking Robots"


def test_a_person_named_by_the_surname_alone_in_a_statement_of_persons() -> None:
    # 4.2.2: the statement copies the names as the source prints them; one printed without
    # initials is still a person when the others are persons or the list is cut ("[и др.]")
    item = _item("Structure of Water Surfaces / Kuo, C. J. Mundy, B. L. Eggers [и др.] // "
                 "J. Phys. Chem. B. 2006. Т. 110, № 8. С. 3738—3746.")
    assert item["author"][:3] == [{"family": "Kuo"}, {"family": "Mundy", "given": "C. J."},
                                  {"family": "Eggers", "given": "B. L."}]
    assert gost._surnames_alone([{"literal": "Lindahl"}, {"literal": "Ин-т РАН"}]) == [
        {"family": "Lindahl"}]


def test_a_date_area_of_its_own_in_square_brackets() -> None:
    # 4.6.4 / 4.6.5: a date the cataloguer established is given in square brackets ("[2000]");
    # as the only area after the title it ends the title area
    item = _item("Петров, П. П. Записки охотника. Рассказы. [1998].")
    assert (item["title"], item["issued"]) == ("Записки охотника. Рассказы",
                                               {"date-parts": [[1998]]})
    assert "container-title" not in item
