"""What a style prints after a title and a reading may leave inside it: the language note of
a translated or transliterated title ("… [in Russian]", "(in Japanese)": the Russian
References' rule, AIP's "[in Russian]") and the edition ("…, 2nd ed.", "…, 1st ed ."). Each is
taken out into its own field after the reading is chosen. And where the title ends and the
journal begins: the title's closing period comes before the journal's abbreviated name
("Twisted K-theory. Ukr. Mat. Visn."), so a sentence read into the journal is the title and an
abbreviated word read into the title is the journal's.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.common import without_final_marks

_LANGUAGE_NOTE = re.compile(r"\s*[\[(]\s*(?P<note>in\s+(?:Russian|Ukrainian|Chinese|Japanese|"
                            r"German|French|Spanish|Portuguese|Italian|Polish|Czech|Bulgarian|"
                            r"Korean|English)|In\s+Russ)\s*\.?\s*[\])]\s*$", re.I)
_EDITION = re.compile(r"\s*[,.]\s*(?P<edition>\d+)\s*(?:st|nd|rd|th)\s+ed(?:ition)?\s*\.?\s*$")


def language_note_out_of_title(item: Item) -> None:
    """"Statistical Physics [in Russian]": the note goes to `note`, the title keeps its words."""
    title = item.get("title")
    if not isinstance(title, str):
        return
    # every note ends the title in its bracket (tests/refparse/test_throughput_gates.py)
    if title.rstrip()[-1:] in ("]", ")") and (m := _LANGUAGE_NOTE.search(title)) \
            and m.start() > 0:
        item["title"] = title[:m.start()].rstrip(" .,")
        note = item.get("note")
        item["note"] = f"{note}; {m.group('note')}" if isinstance(note, str) and note \
            else m.group("note")


def edition_out_of_title(item: Item) -> None:
    """"Quantum Monte Carlo Methods, 1st ed .": the edition, when none was read."""
    title = item.get("title")
    if not isinstance(title, str) or item.get("edition"):
        return
    if _ends_in_ed(title) and (m := _EDITION.search(title)) and m.start() > 0:
        item["title"] = title[:m.start()].rstrip(" .,")
        item["edition"] = m.group("edition")


def _ends_in_ed(title: str) -> bool:
    """The title ends in "ed" or "edition" once its final white space and periods are set
    aside, as every match of `_EDITION` does (tests/refparse/test_throughput_gates.py)."""
    return without_final_marks(title).endswith(("ed", "edition"))


#: the closing single quote of a quoted title and what follows it: "Size,' Atomization and
#: sprays" (ASME and Harvard lists quote titles with ' … ,')
_CLOSING_QUOTE = re.compile(r"(?:[,.]['’]|['’]\s*,)\s+(?P<rest>\S.*)$")


def single_quoted_title(item: Item, text: str) -> None:
    """A title opened by a single quote in the text and read past its closing quote: the title
    ends at the quote, the rest is the host (before any host already read)."""
    title = item.get("title")
    if not isinstance(title, str) or ("'" not in title and "’" not in title) \
            or not (m := _CLOSING_QUOTE.search(title)):
        return
    if re.search(r"['‘]\s*" + re.escape(title[:12]), text):
        rest = m.group("rest").strip(" ,.")
        item["title"] = title[:m.start()].rstrip(" ,.")
        host = item.get("container-title")
        item["container-title"] = f"{rest}, {host}" if isinstance(host, str) and host else rest


#: what a title's last word ends with before the journal's first word: two letters, a digit or
#: a parenthesis
_AFTER_TITLE_WORD = r"(?:(?<=[^\W\d_]{2})|(?<=[\d)]))"
#: the end of a title that is the first word of an abbreviated journal: ". Ukr", ". Nat", ". Phys";
#: after a comma only a word of four letters at most (", Eur" + "Phys. J. C"; ", Korea" + "Mar.
#: Poll. Bull." is the end of the title)
_JOURNAL_WORD_AT_END = re.compile(_AFTER_TITLE_WORD + r"\s?\.\s+(?P<word>[A-Z][a-z]{0,5})$|"
                                  + _AFTER_TITLE_WORD + r"\s?,\s*(?P<short>[A-Z][a-z]{0,3})$")
#: how many of the journal's first characters the text must print right after the word a step
#: gives back to the journal
_JOURNAL_LEAD = 4
#: a journal name that starts with an abbreviation: "Mat. Visn.", "Rev. Lett.", "Commun."
_ABBREVIATED_START = re.compile(r"^[A-Z][a-z]{0,7}\.")


def journal_word_out_of_title(item: Item, text: str) -> None:
    """"Twisted K-theory. Ukr" + "Mat. Visn.": a title read one word past its closing period
    into an abbreviated journal name (ISO 4) gives that word back to the journal — when the
    text prints the word as an abbreviation of the journal's name ("Ukr. Mat."), not as the
    title's last word ("mod. Eins, Math. Ann.", "Problem. I, Theor.")."""
    title, journal = item.get("title"), item.get("container-title")
    if not (isinstance(title, str) and isinstance(journal, str)
            and item.get("type") == "article-journal" and _ABBREVIATED_START.match(journal)):
        return
    if not (m := _JOURNAL_WORD_AT_END.search(title)) or m.start() == 0:
        return
    word = m.group("word") or m.group("short")
    if re.search(re.escape(word) + r"\s?\.\s*" + re.escape(journal[:_JOURNAL_LEAD]), text):
        item["title"] = title[:m.start()].rstrip(" .,")
        item["container-title"] = f"{word}. {journal}"


#: a sentence of a title: three words or more, one of them a lower-case word of four letters or
#: more (not an abbreviation), then the period that ends the title
_TITLE_SENTENCE = re.compile(r"^(?P<title>(?:\S+\s+){2,}?\S*?[^\W\d_]{2})\s?\.\s*"
                             r"(?P<journal>[A-Z].*)$")
#: the sentence's period is an abbreviation's when the word before it follows one ("J. Phys.",
#: "J.Stat.", "f. prakt.")
_ABBREVIATION_BEFORE_END = re.compile(r"\b[^\W\d_]{1,2}\.\s?[^\W\d_]+$")
_LOWER_WORD = re.compile(r"(?<![\w.-])[a-z][a-z-]{3,}\b(?!\.)")


def title_out_of_journal(item: Item) -> None:
    """A journal article read with no title and a journal that starts with a sentence,
    "Lichnerowicz-type equations on complete manifolds. Advances in Nonlinear Analysis": the
    sentence is the title, the rest the journal — a journal's name is a name, not a sentence."""
    journal = item.get("container-title")
    if (item.get("title") or not isinstance(journal, str)
            or item.get("type") != "article-journal"):
        return
    m = _TITLE_SENTENCE.match(journal)
    if (m is None or not _LOWER_WORD.search(m.group("title"))
            or _ABBREVIATION_BEFORE_END.search(m.group("title"))):
        return
    rest = m.group("journal").strip()
    if len(rest.split()) <= 8 and not _LOWER_WORD.search(rest.replace(" of ", " ")):
        item["title"] = m.group("title").strip()
        item["container-title"] = rest


#: a statement of responsibility after the title proper (ISO 690, NBR 6023: translator,
#: organiser, editor): "Teoria do romance I. Trad. Paulo Bezerra", "… Tradução de Paulo
#: Bezerra", "… Organização, tradução e notas de …", "… Translated by …"
_RESPONSIBILITY = re.compile(r"\.\s+(?P<statement>(?:Trad\.|Tradu[cç][ãa]o\b|Traducci[oó]n\b|"
                             r"Translated\s+by\b|Transl\.|Organiza[cç][ãa]o\b|Edited\s+by\b)"
                             r".*)$")


def responsibility_out_of_title(item: Item) -> None:
    """"Teoria do romance I. A estilística. Trad. Paulo Bezerra": the translator's or
    organiser's statement after the title is not the title; it goes to `note`, as printed."""
    title = item.get("title")
    if not isinstance(title, str) or not (m := _RESPONSIBILITY.search(title)):
        return
    item["title"] = title[:m.start()].rstrip(" .,")
    note = item.get("note")
    statement = m.group("statement").rstrip(" .")
    item["note"] = f"{statement}; {note}" if isinstance(note, str) and note else statement


#: the editors' label a reading left before the title: "J. Latacz (ed.), Homer, …",
#: "Castelfranchi, C. and Tan, Y. H. (eds). Trust …", "Regis Vogel (Eds.) Proceedings …"
_EDITOR_LABEL_FIRST = re.compile(r"^\(\s*(?:eds?|Eds?|Hrsg|org|orgs|coord)\.?\s*\)\s*[.,:]?\s+"
                                 r"(?=\S)")


def editor_label_out_of_title(item: Item) -> None:
    """"(eds.), Economic utility resulting from CERN contracts": the label that closes the
    editors' names before the title (ISO 690, Chicago) is not the title's first word."""
    title = item.get("title")
    if isinstance(title, str) and (m := _EDITOR_LABEL_FIRST.match(title)):
        item["title"] = title[m.end():]


#: a family name of two capitalised words after initials ("M. Salamon Space"), the second a
#: journal's first word read into the name
_TWO_WORD_FAMILY = re.compile(r"^(?P<family>[A-ZÀ-Þ][\w'’-]+)\s+(?P<word>[A-Z][a-z]{1,9})$")
#: a given name of initials alone ("M.", "A. B.", "J.-P.")
_INITIALS_ONLY = re.compile(r"^(?:[A-Z]\.\s?-?)+$")


def journal_word_out_of_names(item: Item, text: str) -> None:
    """"F. Stecker and M. Salamon Space Sci. Rev. 75 (1996) 341": physics lists print the journal
    right after the last name, with no title and no comma; a journal's first word read into that
    name ("Salamon Space" + "Sci. Rev.") goes back to the journal — when the text prints the word
    right before the journal's name, as one name ("R. Vinh Mau, Phys. Rev.") is not followed."""
    names, journal = item.get("author"), item.get("container-title")
    if (item.get("title") or not isinstance(journal, str) or not isinstance(names, list)
            or not names or not isinstance(names[-1], dict)):
        return
    last = names[-1]
    m = _TWO_WORD_FAMILY.match(str(last.get("family", "")))
    if not m or not _INITIALS_ONLY.match(str(last.get("given", ""))):
        return
    word = m.group("word")
    if re.search(re.escape(m.group(0)) + r"\.?\s+" + re.escape(journal[:_JOURNAL_LEAD]), text):
        last["family"] = m.group("family")
        glue = ". " if re.search(re.escape(word) + r"\.\s", text) else " "
        item["container-title"] = f"{word}{glue}{journal}"
