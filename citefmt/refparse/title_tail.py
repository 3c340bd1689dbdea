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


#: the volume of a multi-volume book printed after its title ("Lectures on Theoretical
#: Physics, Vol. 2", "Applied multivariate statistical analysis ,vol .5")
_VOLUME_AFTER_TITLE = re.compile(r"\s*[,.]\s*(?:[Vv]ol(?:ume)?|VOL)\s*\.?\s*"
                                 r"(?P<volume>\d{1,4}[A-Z]?)\s*\.?\s*$")


def volume_out_of_title(item: Item) -> None:
    """"Parallel Distributed Processing, Vol. 1": the volume a book's title (or a chapter's
    host) ends with is the volume, when no other was read."""
    for key in ("title", "container-title"):
        value = item.get(key)
        # every match holds "vol", "Vol", "volume" or "VOL" (a cheap test first)
        if not isinstance(value, str) or ("ol" not in value and "OL" not in value):
            continue
        m = _VOLUME_AFTER_TITLE.search(value)
        if m and m.start() > 0 and item.get("volume") in (None, m.group("volume")):
            item[key] = value[:m.start()].rstrip(" .,")
            item["volume"] = m.group("volume")
            return


#: a report's number after its title: upper-case letters, then parts joined by hyphens or
#: slashes, one with a digit ("ATLAS-TDR-19", "CERN-ACC-2014-0321", "CERN-1975-005")
_REPORT_NUMBER_AFTER_TITLE = re.compile(r",\s*(?P<number>[A-Z]{2,}(?:[-/][A-Z]*\d[A-Z\d]*|"
                                        r"[-/][A-Z]+)*[-/][A-Z]*\d[A-Z\d]*)\s*\.?$")


def report_number_out_of_title(item: Item) -> None:
    """"High Luminosity LHC project description, CERN-ACC-2014-0321": a laboratory's or
    collaboration's report number after the title is the item's `number`, not its title; with
    no host read, the item is the report."""
    title = item.get("title")
    if not isinstance(title, str) or not title[-1:].isdigit() or item.get("number"):
        return
    m = _REPORT_NUMBER_AFTER_TITLE.search(title)
    if m and len(title[:m.start()].split()) >= 2:
        item["title"] = title[:m.start()].rstrip(" .,")
        item["number"] = m.group("number")
        if not item.get("container-title"):
            item["type"] = "report"


#: "SPE Western Regional Meeting held in San Jose": where a conference was held, after its name
_HELD_IN_TITLE = re.compile(r"^(?P<name>.{4,}?)\s*\bheld\s+(?:in|at)\s+(?P<place>[A-Z].*)$")


def place_out_of_meeting_title(item: Item) -> None:
    """"the SPE European Formation Damage Conference held in The Hague, The Netherlands": a
    meeting's name that runs on into "held in <place>" ends before it; the place (with any
    place read after it) is the place of the meeting. A book's title that tells where its
    congress was held ("… : Proceedings of a Congress held in Venice, October 1995", with
    its publisher) keeps its words."""
    title = item.get("title")
    if not isinstance(title, str) or "held" not in title or item.get("publisher") \
            or ":" in title:
        return
    m = _HELD_IN_TITLE.match(title)
    if m is None or any(c.isdigit() for c in m.group("place")):
        return
    place = item.get("publisher-place")
    item["title"] = m.group("name").rstrip(" ,")
    item["publisher-place"] = f"{m.group('place').rstrip(' ,')}, {place}" \
        if isinstance(place, str) and place else m.group("place").rstrip(" ,")


#: an arXiv identifier standing alone where the title was read: "arXiv:1606.07049 [hep-lat]",
#: "1704.01114", "arXiv: hep-ph/0605068"
_ARXIV_ONLY = re.compile(r"(?:ar[Xx]iv\s*:?\s*)?(?P<id>\d{4}\s?\.\s?\d{4,5}(?:v\d+)?|"
                         r"[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
                         r"(?:\s*\[\s*[a-z]+(?:\s*-\s*[a-z]+)?(?:\.[A-Z]{2})?\s*\])?\.?")


def eprint_not_title(item: Item) -> None:
    """A preprint cited by its arXiv number alone ("M. L. Wagman, M. J. Savage (2017),
    arXiv:1704.07356 [hep-lat]") has no title: the number is the item's `number`."""
    title = item.get("title")
    # every match starts with a digit, "arXiv" or an old-style archive's small letter
    if not isinstance(title, str) or not (title[:1].isdigit() or title[:1].islower()
                                          or title[:1] == "A"):
        return
    m = _ARXIV_ONLY.fullmatch(title.strip())
    if m:
        del item["title"]
        item.setdefault("number", "arXiv:" + re.sub(r"\s", "", m.group("id")))


#: the host label before the one title of an untitled proceedings or a book cited as the host
#: ("in: Astrophysics of Cosmic Rays", "in Proc. 34th Int. Cosmic Ray Conference",
#: "inAmerican Astronomical Society Meeting Abstracts"): a capital "In" without a colon is
#: left, as titles start with it ("In vivo imaging of …")
_HOST_LABEL_FIRST = re.compile(r"^(?:[Ii]n\s*:\s*|in\s+|in(?=[A-Z][a-z])|Dans\s+)(?=\S)")


def host_label_out_of_title(item: Item) -> None:
    """"V. Berezinsky et al. in: Astrophysics of Cosmic Rays, …": with no host read, the "in:"
    before the one title says it is a host; the label is not the title's first word."""
    title = item.get("title")
    if not isinstance(title, str) or item.get("container-title") or title[:1] not in "iID":
        return
    if (m := _HOST_LABEL_FIRST.match(title)) and len(title) - m.end() >= 2:
        item["title"] = title[m.end():]


#: the small-letter words a journal's name starts with when the title's last words were read
#: into it ("andduality Nucl. Phys. B", "maragingsteel Nucl. Instrum.", "applicationsJ. Phys.
#: A", "nlp. In ACL"); "npj" starts journals' names of its own
_TITLE_WORDS_BEFORE_JOURNAL = re.compile(r"^(?!npj\b)(?P<words>[a-z][a-z-]+"
                                         r"(?:\s+[a-z][a-z-]+){0,2})"
                                         r"(?:\s*\.\s*|\s+|(?=[A-Z]))(?=[A-Z])")
#: words that lead into a host, not a title's last words ("in the Proceedings of …", "to appear
#: in …", "in conference proceedings …")
_NOT_TITLE_WORDS = frozenset({"the", "a", "an", "in", "to", "appear", "of", "and", "for", "on",
                              "at", "by", "with", "from", "see", "also", "conference",
                              "proceedings", "proc", "submitted", "accepted", "presented",
                              "published", "invited", "talk", "paper", "preprint"})
#: the label left before the journal once the title's words are back ("In ACL")
_IN_LABEL = re.compile(r"^In:?\s+(?=[A-Z])")


def title_words_out_of_journal(item: Item, text: str) -> None:
    """"Logarithmic M(2, p) minimal models, their logarithmic couplings, andduality Nucl .Phys
    .B 801": a journal's name starts with a capital, so the small-letter words a reading put
    at its start are the title's last words, as the text prints them before the journal."""
    title, journal = item.get("title"), item.get("container-title")
    if not (isinstance(title, str) and isinstance(journal, str) and journal[:1].islower()
            and title):
        return
    m = _TITLE_WORDS_BEFORE_JOURNAL.match(journal)
    start = text.find(title)
    if m is None or start < 0 or not _NOT_TITLE_WORDS.isdisjoint(m.group("words").split()):
        return
    words_at = text.find(m.group("words"), start + len(title))
    if words_at < 0 or words_at - (start + len(title)) > 6 \
            or any(c.isdigit() for c in text[start + len(title):words_at]):
        return
    item["title"] = text[start:words_at + len(m.group("words"))].strip(" .,")
    rest = journal[m.end():]
    label = _IN_LABEL.match(rest)
    item["container-title"] = rest[label.end():] if label else rest
