"""A language note and an edition left at the end of a title (title_tail.py); strings written
from AIP's "[in Russian]" and the Russian References' "(In Russ.)" rules and the "2nd ed." form."""

from __future__ import annotations

import pytest

from citefmt.model import Item
from citefmt.refparse import title_tail
from citefmt.refparse.title_tail import edition_out_of_title, language_note_out_of_title


def test_language_note_leaves_the_title() -> None:
    item = {"type": "book", "title": "Theory of Shells [in Russian]"}
    language_note_out_of_title(item)
    assert (item["title"], item["note"]) == ("Theory of Shells", "in Russian")
    item = {"type": "book", "title": "Teoriya obolochek (In Russ.)", "note": "EDN ABCDEF"}
    language_note_out_of_title(item)
    assert (item["title"], item["note"]) == ("Teoriya obolochek", "EDN ABCDEF; In Russ")


def test_a_bracket_of_the_title_itself_stays() -> None:
    item = {"type": "book", "title": "Signals [and noise]"}
    language_note_out_of_title(item)
    assert item == {"type": "book", "title": "Signals [and noise]"}


def test_edition_after_the_title() -> None:
    item = {"type": "book", "title": "Lattice Models, 1st ed ."}
    edition_out_of_title(item)
    assert (item["title"], item["edition"]) == ("Lattice Models", "1")
    kept = {"type": "book", "title": "Lattice Models, 2nd ed.", "edition": "3"}
    edition_out_of_title(kept)
    assert kept["title"] == "Lattice Models, 2nd ed."


def test_single_quoted_title_read_past_its_quote() -> None:
    from citefmt.refparse.title_tail import single_quoted_title

    text = "Roe, A., 1990, 'Spray Cooling of Plates,' Heat Transfer Letters, Vol. 3, pp. 1-9."
    item = {"type": "article-journal", "title": "Spray Cooling of Plates,' Heat Transfer Letters"}
    single_quoted_title(item, text)
    assert (item["title"], item["container-title"]) == ("Spray Cooling of Plates",
                                                         "Heat Transfer Letters")


def test_an_apostrophe_in_an_unquoted_title_is_no_closing_quote() -> None:
    from citefmt.refparse.title_tail import single_quoted_title

    text = "Roe A. Patients' views, a survey. J Care. 2001;3:1-9."
    item = {"type": "article-journal", "title": "Patients' views, a survey",
            "container-title": "J Care"}
    single_quoted_title(item, text)
    assert item["title"] == "Patients' views, a survey"


@pytest.mark.parametrize(("journal", "title", "rest"), [
    ("Harmonic maps between spheres of odd dimension. J. Geom. Anal.",
     "Harmonic maps between spheres of odd dimension", "J. Geom. Anal."),
    ("The stability of rotating stellar discs. Monthly Notices",
     "The stability of rotating stellar discs", "Monthly Notices"),
])
def test_sentence_read_into_the_journal_is_the_title(journal: str, title: str,
                                                      rest: str) -> None:
    item: Item = {"type": "article-journal", "container-title": journal}
    title_tail.title_out_of_journal(item)
    assert (item["title"], item["container-title"]) == (title, rest)


@pytest.mark.parametrize("journal", [
    "J. Phys. A: Math. Theor.", "Journal f. prakt. Chemie", "Bull. Soc. Math. France",
    "Notes on sheaves with c = 0 J.Stat. Mech"])
def test_journal_names_are_not_split(journal: str) -> None:
    item: Item = {"type": "article-journal", "container-title": journal}
    title_tail.title_out_of_journal(item)
    assert item == {"type": "article-journal", "container-title": journal}


def test_abbreviated_journal_word_goes_back_to_the_journal() -> None:
    text = "Roe, A.: Knotted surfaces. Ukr. Geom. Zh. 3, 11-20 (2001)"
    item: Item = {"type": "article-journal", "title": "Knotted surfaces. Ukr",
                  "container-title": "Geom. Zh."}
    title_tail.journal_word_out_of_title(item, text)
    assert (item["title"], item["container-title"]) == ("Knotted surfaces", "Ukr. Geom. Zh.")


def test_last_word_of_a_title_stays_in_the_title() -> None:
    text = "A. Roe, Spectral problems. II, Theor. Appl. Mech. 4 (1990) 1-9."
    item: Item = {"type": "article-journal", "title": "Spectral problems. II",
                  "container-title": "Theor. Appl. Mech."}
    title_tail.journal_word_out_of_title(item, text)
    assert item["title"] == "Spectral problems. II"


def test_journal_word_after_a_comma_goes_back_to_the_journal() -> None:
    text = "ATLAS Collaboration, The ATLAS Simulation Infrastructure, Eur. Phys. J. C 70, 823."
    item = {"type": "article-journal", "title": "The ATLAS Simulation Infrastructure, Eur",
            "container-title": "Phys. J. C"}
    title_tail.journal_word_out_of_title(item, text)
    assert (item["title"], item["container-title"]) == ("The ATLAS Simulation Infrastructure",
                                                        "Eur. Phys. J. C")


def test_a_place_after_a_comma_ends_the_title() -> None:
    text = "Roe, J., 2014. Metals in Ulsan Bay sediments, East Sea, Korea. Mar. Poll. Bull., 88: 3."
    item = {"type": "article-journal", "title": "Metals in Ulsan Bay sediments, East Sea, Korea",
            "container-title": "Mar. Poll. Bull"}
    title_tail.journal_word_out_of_title(item, text)
    assert item["title"] == "Metals in Ulsan Bay sediments, East Sea, Korea"


@pytest.mark.parametrize(("title", "kept"), [
    ("(eds.), Economic utility resulting from CERN contracts",
     "Economic utility resulting from CERN contracts"),
    ("(eds). Trust and Deception in Virtual Societies", "Trust and Deception in Virtual Societies"),
    ("(Eds.) Proceedings of the Tools Track", "Proceedings of the Tools Track"),
    ("(In)visible cities", "(In)visible cities"),  # a title that opens with a bracket stays
])
def test_the_editors_label_is_not_the_titles_first_word(title: str, kept: str) -> None:
    item = {"type": "book", "title": title}
    title_tail.editor_label_out_of_title(item)
    assert item["title"] == kept


def test_a_book_cited_by_its_editor() -> None:
    from citefmt.refparse import parse_reference

    item = parse_reference("J. Latacz (ed.), Homer, Tradition und Neuerung, Darmstadt 1979.").item
    assert item["title"].startswith("Homer")


def test_a_journals_first_word_read_into_the_last_name_goes_back() -> None:
    text = "F. Roe and M. Salamon Space Sci. Rev. 75 (1996) 341."
    item = {"type": "article-journal", "container-title": "Sci. Rev.",
            "author": [{"family": "Roe", "given": "F."},
                       {"family": "Salamon Space", "given": "M."}]}
    title_tail.journal_word_out_of_names(item, text)
    assert item["author"][1]["family"] == "Salamon"
    assert item["container-title"] == "Space Sci. Rev."


def test_a_two_word_family_before_a_comma_stays() -> None:
    text = "W. N. Roe and R. Vinh Mau, Phys. Rev. D 8, 800 (1973)."
    item = {"type": "article-journal", "container-title": "Phys. Rev. D",
            "author": [{"family": "Roe", "given": "W. N."},
                       {"family": "Vinh Mau", "given": "R."}]}
    title_tail.journal_word_out_of_names(item, text)
    assert (item["author"][1]["family"], item["container-title"]) == ("Vinh Mau", "Phys. Rev. D")
