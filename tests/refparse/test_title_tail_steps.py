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
