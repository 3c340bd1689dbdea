"""The held-out GOST group's gold comes from the .bib fields through the loader's own mapping.

The .bib below is written for this test; the rendered strings are written here the way
biblatex-gost 1.22 prints these entries (gost-numeric defaults; its output for the thesis
template's entries has this shape), so no TeX is needed.
"""

from __future__ import annotations

import biblatex_gost

from citefmt_train import gost_biblatex as gb

BIB = r"""
@string{jphys = {Журнал технической физики}}
@article{art,
  author = {Иванов, Иван Петрович and Petrov, Jean-Paul and {R Core Team} and Сидоров, С. С.},
  title = {О движении {ДНК}},
  subtitle = {обзор},
  journal = jphys,
  year = {2019},
  volume = {89},
  number = {3},
  pages = {10--20},
  doi = {https://doi.org/10.1134/S0044{\_}1},
  url = {https://example.org/a},
}
@book{book,
  author = {de la Fontaine, Jean and Smith, A. B. and Jones, C.},
  title = {Fables},
  location = {Москва and Берлин},
  publisher = {Наука},
  date = {2001-05},
  pagetotal = {215},
}
@inproceedings{conf,
  author = {Кузнецов, К. К. and others},
  title = {Доклад},
  booktitle = {Труды конференции},
  booksubtitle = {материалы},
  year = {2020},
  publisher = {Изд-во},
  address = {СПб.},
  number = {7},
}
@article{inherits, crossref = {art}, title = {Часть}, year = {2020}}
@misc{other, title = {Сайт}, year = {2020}}
@article{bad, author = {Ч., А. В.}, title = {Статья}, journal = {Ж}, year = {2020}}
"""


def _entries() -> dict[str, gb.BibEntry]:
    return {e.key: e for e in gb.parse_bib(BIB, "owner/repo", "x.bib")}


def test_strings_resolved_and_entries_kept_by_type_and_inheritance() -> None:
    entries = _entries()
    assert entries["art"].fields["journal"] == "Журнал технической физики"
    assert [key for key, e in entries.items() if gb.usable(e)] == ["art", "book", "conf", "bad"]


def test_article_mapping_with_names_cut_as_the_2008_flavour_prints_them() -> None:
    gold = gb.gold_from_fields(_entries()["art"], gb.FLAVOURS["gost-biblatex-2008"])
    # four names: biblatex-gost (maxnames=3, minnames=1) prints the first and "[и др.]"
    assert gold["author"] == [{"family": "Иванов", "given": "И. П."}]
    assert gold["title"] == "О движении ДНК : обзор"
    assert gold["container-title"] == "Журнал технической физики"
    assert (gold["volume"], gold["issue"], gold["page"]) == ("89", "3", "10–20")
    assert gold["issued"] == {"date-parts": [[2019]]}
    assert gold["DOI"] == r"10.1134/S0044{\_}1"  # verbatim, as biblatex prints `doi`
    assert "URL" not in gold and "type" not in gold


def test_the_2018_flavour_keeps_three_names_and_name_forms() -> None:
    gold = gb.gold_from_fields(_entries()["art"], gb.FLAVOURS["gost-biblatex-2018"])
    assert gold["author"] == [{"family": "Иванов", "given": "И. П."},
                              {"family": "Petrov", "given": "J.-P."},
                              {"literal": "R Core Team"}]


def test_book_mapping_particles_list_fields_and_date() -> None:
    gold = gb.gold_from_fields(_entries()["book"], gb.FLAVOURS["gost-biblatex-2008"])
    assert gold["author"][0] == {"family": "Fontaine", "given": "J.",
                                 "non-dropping-particle": "de la"}
    assert gold["publisher-place"] == "Москва ; Берлин"
    assert gold["publisher"] == "Наука"
    assert gold["issued"] == {"date-parts": [[2001]]}
    assert "container-title" not in gold and "page" not in gold


def test_part_of_a_book_and_explicit_others() -> None:
    gold = gb.gold_from_fields(_entries()["conf"], gb.FLAVOURS["gost-biblatex-2008"])
    assert gold["author"] == [{"family": "Кузнецов", "given": "К. К."}]
    assert gold["container-title"] == "Труды конференции : материалы"
    assert "issue" not in gold  # `number` of a non-article is a series number, not an issue
    assert gold["publisher-place"] == "СПб."


def test_printed_gold_keeps_what_the_string_prints() -> None:
    entries = _entries()
    flavour = gb.FLAVOURS["gost-biblatex-2008"]
    text = ("Кузнецов К. К. [и др.] Доклад // Труды конференции : материалы. — СПб. : Изд-во, "
            "2020. — (Серия ; 7). — URL: https://doi.org/10.1000/xyz.")
    gold = gb.printed_gold(gb.gold_from_fields(entries["conf"], flavour), text)
    assert gold is not None
    assert gold["publisher"] == "Изд-во"
    assert gold["doi-unmarked"] is True  # a DOI inside a URL the fields do not hold as `doi`
    # the article's number printed only as the year's digits is no issue; no label, no volume
    art = gb.printed_gold({"title": "Статья", "issued": {"date-parts": [[2003]]},
                           "volume": "2003", "issue": "3"},
                          "Автор А. Статья. — 2003. — № 3.")
    assert art == {"title": "Статья", "issued": {"date-parts": [[2003]]}, "issue": "3"}


def test_records_whose_gold_the_string_contradicts_are_left_out() -> None:
    entries = _entries()
    flavour = gb.FLAVOURS["gost-biblatex-2008"]
    # a title TeX printed otherwise than decoded
    assert gb.printed_gold(gb.gold_from_fields(entries["book"], flavour),
                           "Fontaine J. de la, Smith A. B., Jones C. Басни. — 2001.") is None
    # initials written as the surname
    assert gb.printed_gold(gb.gold_from_fields(entries["bad"], flavour),
                           "А. В. Ч. Статья // Ж. — 2020.") is None


def test_split_is_by_content_key_and_fixed() -> None:
    entries = _entries()
    assert entries["art"].content_key == "одвиженииднк2019"
    assert gb.split_of("одвиженииднк2019") == gb.split_of(entries["art"].content_key)
    assert {gb.split_of(f"k{n}") for n in range(50)} == {"train", "dev", "test"}


def test_combined_bib_gives_fresh_keys_and_skips_unbalanced_values() -> None:
    entry = gb.BibEntry("r", "p", "k", "article", {"title": "Good", "note": "bad } brace"})
    bib = gb.combined_bib([entry])
    assert bib.startswith("@article{e0,") and "title = {Good}" in bib and "note" not in bib


def test_entry_texts_read_pdftotext_output_by_key() -> None:
    text = "@@e0@@Иванов И. И. Книга. — М. :\u00a0Наука, 2001.\n@@e1@@P . 185.\n"
    assert gb.entry_texts(text) == {"e0": "Иванов И. И. Книга. — М. : Наука, 2001.",
                                    "e1": "P. 185."}


def test_issue_gold_from_number_or_issue_field_printed_with_a_slash() -> None:
    flavour = gb.FLAVOURS["gost-biblatex-2008"]
    entry = gb.BibEntry("r", "p", "k", "article", {"title": "Статья", "journal": "Ж",
                                                   "year": "2015", "volume": "78",
                                                   "number": "3--4"})
    gold = gb.printed_gold(gb.gold_from_fields(entry, flavour),
                           "Автор А. Статья // Ж. — 2015. — Т. 78, № 3/4. — С. 1—5.")
    assert gold is not None and gold["issue"] == "3–4"
    entry = gb.BibEntry("r", "p", "k", "article", {"title": "Статья", "journal": "Ж",
                                                   "year": "2017", "volume": "12",
                                                   "issue": "3"})
    gold = gb.printed_gold(gb.gold_from_fields(entry, flavour),
                           "Статья // Ж. — 2017. — Т. 12, вып. 3.")
    assert gold is not None and gold["issue"] == "3"


def test_an_articles_publisher_is_no_gold_the_article_driver_prints_none() -> None:
    # rule 4: biblatex-gost's article driver prints `location` but no `publisher`; the name
    # the string holds is the journal's own
    entry = gb.BibEntry("r", "p", "k", "article", {
        "title": "Статья", "journal": "Proceedings of the National Academy of Sciences",
        "year": "1981", "publisher": "National Academy of Sciences", "location": "Washington"})
    gold = gb.gold_from_fields(entry, gb.FLAVOURS["gost-biblatex-2008"])
    assert "publisher" not in gold and gold["publisher-place"] == "Washington"


def test_a_publisher_or_place_only_inside_a_link_is_not_printed() -> None:
    # rule 5: "OSA" is in "josa-62-1-55" of the URL, not printed as the publisher
    gold = gb.printed_gold({"title": "Статья", "issued": {"date-parts": [[1972]]},
                            "publisher": "OSA", "publisher-place": "Washington"},
                           "Статья. — 1972. — URL: http://example.org/abstract.cfm?URI=josa-62"
                           "-1-55&at=washington.")
    assert gold == {"title": "Статья", "issued": {"date-parts": [[1972]]}}


def test_a_family_name_holding_an_initial_is_left_out() -> None:
    # rule 6: the data wrote initials into the surname ("Mesinger F., A. A.")
    for family in ("Mesinger F.", "Алексеев В.В.", "Alexander F. Shchepetkin"):
        gold = {"author": [{"family": family, "given": "A. A."}], "title": "Numerical methods",
                "issued": {"date-parts": [[1976]]}}
        assert gb.printed_gold(gold, f"{family} A. A. Numerical methods. — 1976.") is None
    kept = {"author": [{"family": "St John", "given": "A."}], "title": "Numerical methods",
            "issued": {"date-parts": [[1976]]}}
    assert gb.printed_gold(kept, "St John A. Numerical methods. — 1976.") is not None


def test_entries_pdftotext_ran_together_are_split_at_the_inner_label() -> None:
    # rule 7: an entry's label inside another entry's text starts that entry
    text = ("@@e1@@Иванов И. И. Книга. — М., 2001. @@e2@@ Петров П. П. Статья. — 2002.\n"
            "@@e3@@Сидоров С. С. Очерк. — 2003.\n")
    assert gb.entry_texts(text) == {"e1": "Иванов И. И. Книга. — М., 2001.",
                                    "e2": "Петров П. П. Статья. — 2002.",
                                    "e3": "Сидоров С. С. Очерк. — 2003."}


def test_a_label_after_a_page_breaks_form_feed_starts_an_entry() -> None:
    # pdftotext puts a form feed before the first line of a page: "\x0c@@key@@" is a label too
    text = ("@@adorno:pfm@@Адорно Т. В. Проблемы философии морали. — М., 2000.\n"
            "\x0c@@knuth:ct@@Knuth D. E. Computers & Typesetting. — 1984.\n\x0c")
    chunks = biblatex_gost.entry_chunks(text)
    assert list(chunks) == ["adorno:pfm", "knuth:ct"]
    assert chunks["adorno:pfm"].split() == "Адорно Т. В. Проблемы философии морали. — М., 2000."\
        .split()
    assert chunks["knuth:ct"].strip() == "Knuth D. E. Computers & Typesetting. — 1984."


def test_a_whole_works_extent_in_pages_is_its_number_of_pages() -> None:
    # rule 8: "972 p." after a book's publication area is GOST's extent (the number of pages of
    # the whole work), not a page range; a part's pages stay its page range
    flavour = gb.FLAVOURS["gost-biblatex-2008"]
    entry = gb.BibEntry("r", "p", "k", "book", {"title": "The nucleus", "year": "1955",
                                                "publisher": "McGraw-Hill", "pages": "972 p."})
    gold = gb.gold_from_fields(entry, flavour)
    assert gold["number-of-pages"] == "972" and "page" not in gold
    entry = gb.BibEntry("r", "p", "k", "inproceedings", {"title": "Paper", "year": "2001",
                                                         "booktitle": "Proc.", "pages": "12--19"})
    assert gb.gold_from_fields(entry, flavour)["page"] == "12–19"
