"""A language note and an edition left at the end of a title (title_tail.py); strings written
from AIP's "[in Russian]" and the Russian References' "(In Russ.)" rules and the "2nd ed." form."""

from __future__ import annotations

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
