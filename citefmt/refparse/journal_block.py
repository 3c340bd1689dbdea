"""A journal article cited by its journal and numbers alone, with no author and no title, as
physics and chemistry lists print a second paper of the same authors, an erratum or a
"see also": the abbreviated journal, then volume, issue, pages and year in the order of the
journal family's style, unlabelled or labelled.

    Phys. Rev. D 70, 083523 (2004)              AIP/APS: journal volume, page (year)
    Nucl. Instrum. Methods A 567 (2006) 433     Elsevier: journal volume (year) page
    J. Org. Chem. 2011, 76, 1123-1130           ACS: journal year, volume, pages
    2011 Plasma Sources Sci. Technol. 20 045002 IOP: year journal volume page
    J Cell Physiol. 2006;206(3):807-13          NLM: journal year;volume(issue):pages

Every word after the journal's name must be a number, a year, a locator label ("Vol.", "No.",
"pp.") or punctuation; the name itself must not read as an author list or a sentence. The
same block after an author statement and no title ("Haglin K., Nucl. Phys. A, 584 (1995)
719", "ATLAS Collaboration, JHEP 1702, 071 (2017)") is read with its authors.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import date_parts, normalise_page, squeezed
from citefmt.refparse.names import split_names, strip_et_al

_YEAR = r"(?:1[89]|20)\d\d"
#: a leading year (IOP): "2011 Plasma Sources Sci. Technol. 20 045002"
_LEADING_YEAR_RE = re.compile(rf"^(?P<year>{_YEAR})\s+(?=[A-Za-z])")
#: where the journal's name ends: the first number, or a locator label before a number
_LABEL = r"Vol(?:ume)?|VOL(?:UME)?|No|NO|Nr|Number|NUMBER|Issue|ISSUE|pp?"
_NUMBERS_START_RE = re.compile(rf"[\s,.;:]+(?=(?:\(?\d|(?:{_LABEL})\.?\s*\d))")
#: the pieces the numbers part may hold
_PIECE_RE = re.compile(
    rf"\s*(?:(?P<label>{_LABEL})\.?\s*)?"
    r"(?P<open>\()?\s*"
    r"(?P<number>[A-Za-z]?\d+[A-Za-z]?(?:\s*[–—‒‑‐-]\s*[A-Za-z]?\d+[A-Za-z]?)?)"
    r"\s*(?P<close>\))?\s*(?P<sep>[,;:.]?)")
#: what shows a person's name in the would-be journal: "Smith, J.", "J. Smith,", "Smith J,",
#: a conjunction before initials, "et al."
_NAME_SHAPE_RE = re.compile(r"\b[A-Z][a-z]+,\s*[A-Z]\b(?![a-z])|\b[A-Z]\.\s?[A-Z][a-z]+,|"
                            r"\b[A-Z][a-z]+\s[A-Z]{1,3},|\b(?:and|&|et)\s+[A-Z]\.|\bal\b\.|"
                            r"\b[A-Z]\.(?:\s?[A-Z]\.)*\s?[A-Z]{3,}(?:\s[A-Z]{3,})*\.\s")
#: a sentence before the journal ("A study of roots. Nature"): three words or more, one of
#: them a lower-case word a journal's name would abbreviate or not print
_SENTENCE_RE = re.compile(r"^(?=(?:\S+\s+){2,}\S+$).*\b(?!(?:and|for|the|with|from)\b)"
                          r"[a-z]{4,}\b(?!\.)")
_NOT_A_JOURNAL_RE = re.compile(r"[\"“”«»‘?!]|(?:^|[\s,])'|//|\bIn:|\bhttps?:|\bdoi\b", re.I)
_MAX_JOURNAL_WORDS = 10
#: the longest author statement and journal name read together (a few names and a journal)
_AUTHOR_LED_CHARS = 160
#: one person as physics and chemistry lists print them before the journal: initials first
#: ("O. Bär", "T. Endo", "J.-P. Blaizot") or the surname and its initials ("Haglin K.",
#: "Smith JA")
_UPPER = "A-ZÀ-ÖØ-Þ"
_PERSON = (rf"(?:[{_UPPER}]\.\s?(?:-?[{_UPPER}]\.\s?)*[{_UPPER}][^\W\d_]+(?:[-'’][^\W\d_]+)?"
           rf"|[{_UPPER}][^\W\d_]+(?:[-'’][{_UPPER}][^\W\d_]+)?\s(?:[{_UPPER}]\.?\s?){{1,3}})")
#: an author statement before the journal, its end marked by a comma or a colon: persons joined
#: by commas or a conjunction, "Hoekema et al", a collaboration ("ATLAS Collaboration")
_AUTHORS_BEFORE_RE = re.compile(
    rf"^(?P<authors>{_PERSON}(?:(?:,\s*|\s+(?:and|&|et|und)\s+){_PERSON})*"
    rf"(?:,?\s+et\s+al\.?)?|[{_UPPER}][^\W\d_]+\s+et\s+al\.?|"
    rf"[{_UPPER}][\w-]*\s+Collaboration)\s*[,:]\s+(?P<journal>\S.*)$")


#: an NLM or initials-first author statement closed by a period, then the rest: "Wilhelm MP.
#: Vancomycin. Mayo Clin Proc", "N. J. Nilsson. Probabilistic logic. Artificial Intelligence"
#: (NLM's initials are printed together, "Beck JM", so "Beck JM. P. carinii …" ends at "JM")
_SENTENCE_PERSON = (rf"(?:[{_UPPER}]\.\s?(?:-?[{_UPPER}]\.\s?)*[{_UPPER}][^\W\d_]+"
                    rf"(?:[-'’][^\W\d_]+)?|[{_UPPER}][^\W\d_]+(?:[-'’][{_UPPER}][^\W\d_]+)?"
                    rf"\s[{_UPPER}]{{1,3}})")
_AUTHORS_SENTENCE_RE = re.compile(
    rf"^(?P<authors>{_SENTENCE_PERSON}(?:(?:,\s*|\s+(?:and|&)\s+){_SENTENCE_PERSON})*"
    r"(?:,?\s+et\s+al)?)\s*\.\s+(?P<rest>\S.*)$")
#: a number and then a year right after the journal: the number is the journal's own
#: ("Periodontol 2000 2003;33:36-53", "J Chem Soc Perkin 1 1976;11:1165-70")
_NUMBER_IN_NAME_RE = re.compile(r"^\s*\d{1,4}\s+(?:1[89]|20)\d\d\b")
#: a surname and its comma after the period that seemed to end the author statement ("David R.
#: Karger, …"): the statement goes on
_NAME_GOES_ON_RE = re.compile(r"[A-Z][^\W\d_]+,")
#: a small-letter word of a title ("logic", "dismutases")
_TITLE_WORD_RE = re.compile(r"[a-z][a-z-]{3,}")


#: the most words of a journal's name after a title
_TITLED_JOURNAL_WORDS = 8


def _titled_journal(name: str) -> bool:
    """The journal after a title: a journal's name of eight words at most with no comma,
    bracket or digit, its sentences abbreviations ("IEEE Trans. Pattern Analysis and Machine
    Intelligence")."""
    return (len(name.split()) <= _TITLED_JOURNAL_WORDS and not _NOT_SHORT_JOURNAL_RE.search(name)
            and all(_abbreviated_part(part.split()) for part in name.split(". ")[:-1])
            and is_journal_name(name))


#: a title's last word that is an abbreviation of a journal's first words ("IEEE Trans",
#: "In J"): the title ended before it
_ABBREVIATION_AT_END_RE = re.compile(r"\b[A-Z][A-Za-z]{0,4}$")


#: a chapter's host statement inside what would be the title ("In:Lipp MEN, organizador.",
#: "Nehm RH, Budd AF, editors."): a book's part, not a journal article
_CHAPTER_WORDS_RE = re.compile(r"\bIn:|\b(?:editors?|eds?|organizadores|organizador|orgs?|"
                               r"coord|Hrsg)\b\.?[.,]")


def _reads_as_title(text: str) -> bool:
    """A title sentence: two words or more, one a small-letter word, or one long word
    ("Vancomycin") — not an abbreviation of a journal's name ("Soc", "Chem"), not ending in one
    ("… drawings. IEEE Trans")."""
    if _ABBREVIATION_AT_END_RE.search(text) or _CHAPTER_WORDS_RE.search(text):
        return False
    words = text.split()
    if len(words) == 1:
        return len(words[0]) >= 7 and words[0][1:].islower()
    return any(_TITLE_WORD_RE.fullmatch(word.strip(",:;")) for word in words)


def _last_words_start(text: str, count: int) -> int:
    """The first index from which `text` holds at most `count` words (0 when it holds no more)."""
    ends = [m.end() for m in _WORD_RE.finditer(text)]
    return ends[-count - 1] if len(ends) > count else 0


#: a run of non-space characters, as str.split() cuts them
_WORD_RE = re.compile(r"\S+")


def _authors_title_journal(journal: str) -> tuple[str, str, str] | None:
    """(authors, title, journal) of an NLM reference whose journal lost the period after its
    name, so that the whole "Authors. Title. Journal" stands before the numbers ("Wilhelm MP.
    Vancomycin. Mayo Clin Proc 1991; 66:1165-1170"): the author statement, then the first
    title sentence after which a short journal name ends the text."""
    if ". " not in journal or (m := _AUTHORS_SENTENCE_RE.match(journal)) is None:
        return None
    rest = m.group("rest")
    if _NAME_GOES_ON_RE.match(rest):
        return None  # "David R. Karger, Philip N. Klein": the statement did not end there
    at = rest.find(". ")
    if at > 0 and re.fullmatch(r"[A-Z][a-z]+", rest[:at].strip()) \
            and not _titled_journal(rest[at + 2:].strip()):
        return None  # "Michael T. Anderson. Existence …": one word, then more, is a surname
    # only a period within the last words can close the title before a short journal name:
    # starting there keeps the search linear in the text's length
    if at > 0:
        at = rest.find(". ", max(at, _last_words_start(rest, _TITLED_JOURNAL_WORDS) - 2))
    while at > 0:
        title, name = rest[:at].strip(), rest[at + 2:].strip()
        if _reads_as_title(title) and _titled_journal(name):
            # NLM prints the journal's abbreviation without periods: a final one ends its
            # sentence ("Int J Qual Health Care. 2002;14(3)")
            return m.group("authors"), title, name[:-1] if name.count(".") == 1 and \
                name.endswith(".") else name
        at = rest.find(". ", at + 2)
    return None


def looks_like(body: str) -> bool:
    """A number follows the first words, as a journal's volume or a leading year does (the
    cheap gate; parse decides)."""
    return _NUMBERS_START_RE.search(body) is not None


def journal_and_numbers(text: str) -> tuple[str, str, str | None] | None:
    """(journal, numbers part, leading year): the journal's name runs to the first number."""
    leading = _LEADING_YEAR_RE.match(text)
    year = leading.group("year") if leading else None
    start = leading.end() if leading else 0
    cut = _NUMBERS_START_RE.search(text, start)
    if cut is None:
        return None
    end = cut.start() + (text[cut.start()] == ".")  # the abbreviation's period stays
    journal = text[start:end].strip(" ,;:")
    return journal, text[cut.end():], year


def is_journal_name(journal: str) -> bool:
    """A journal's name: starts with a letter, a few words, no name list, no sentence end."""
    words = journal.split()
    return (bool(journal) and journal[0].isalpha() and 0 < len(words) <= _MAX_JOURNAL_WORDS
            and not _NAME_SHAPE_RE.search(journal) and not _NOT_A_JOURNAL_RE.search(journal)
            and not any(_SENTENCE_RE.match(part) for part in journal.split(". ")[:-1]))


#: what a title or an imprint between the authors and the numbers shows: a comma, a bracket, a
#: digit ("SU(5)", "B262")
_NOT_SHORT_JOURNAL_RE = re.compile(r"[,()\[\]\d]")


def _short_journal(journal: str) -> bool:
    """After an author statement, only a journal's name may stand before the numbers: a name
    of six words at most with no comma, bracket or digit, its sentences abbreviations — a
    title ("Q-balls, Nucl. Phys.", "Misleading meta-analysis. BMJ") is not read here."""
    return (len(journal.split()) <= 6 and not _NOT_SHORT_JOURNAL_RE.search(journal)
            and all(_abbreviated_part(part.split()) for part in journal.split(". ")[:-1])
            and is_journal_name(journal))


def _abbreviated_part(words: list[str]) -> bool:
    """A part of a journal's name before an abbreviation's period: one or two capitalised
    words ("Nucl", "London Math"), not a sentence ("Misleading meta-analysis") or a name with
    its initials ("Smith GD")."""
    return (0 < len(words) <= 2 and all(w[0].isupper() for w in words)
            and not (len(words) == 2 and re.fullmatch(r"[A-Z]{1,3}", words[1])))


def numbers_pieces(numbers: str) -> list[re.Match[str]] | None:
    """The numbers part as pieces, or None when it holds anything else (a word, a title)."""
    pieces: list[re.Match[str]] = []
    at = 0
    text = numbers.rstrip(" .;,")
    while at < len(text):
        piece = _PIECE_RE.match(text, at)
        if piece is None or piece.end() == at:
            return None
        pieces.append(piece)
        at = piece.end()
    return pieces if 1 <= len(pieces) <= 5 else None


def _is_year(piece: re.Match[str]) -> bool:
    return piece.group("label") is None and re.fullmatch(_YEAR, piece.group("number")) is not None


def assigned_numbers(pieces: list[re.Match[str]], year: str | None) -> Item | None:
    """Year, volume, issue and pages from the pieces: labels first; then the one year (in
    parentheses where there is a choice); the first other number is the volume, a number in
    parentheses or before a colon after it the issue, the last the pages."""
    item: Item = {}
    rest: list[re.Match[str]] = []
    for piece in pieces:
        label = (piece.group("label") or "").lower()
        key = ("volume" if label.startswith("vol") else "page" if label.startswith("p")
               else "issue" if label else None)
        if key and key not in item:
            item[key] = piece.group("number")
        elif key:
            return None
        else:
            rest.append(piece)
    if year is None:
        years = [p for p in rest if _is_year(p)]
        bracketed = [p for p in years if p.group("open")]
        chosen = bracketed[0] if bracketed else years[0] if years else None
        if chosen is None:
            return None
        year = chosen.group("number")
        rest.remove(chosen)
    item["issued"] = date_parts(year)
    slots = _slots([key for key in ("volume", "issue", "page") if key not in item], rest)
    if slots is None:
        return None
    for piece, key in zip(rest, slots, strict=True):
        item[key] = piece.group("number")
    return item if "volume" in item or "page" in item else None


def _slots(free: list[str], rest: list[re.Match[str]]) -> list[str] | None:
    """Which of the free fields the unlabelled numbers fill, in order: all of them when they
    are as many; one number is the volume unless it is a page range; of two, the second is the
    issue when bracketed ("40 (8)"), else the pages ("206, 807-813")."""
    if len(rest) > len(free):
        return None
    if len(rest) == len(free) or not rest:
        return free[:len(rest)]
    if len(rest) == 1:
        ranged = re.search(r"[–—‒‑‐-]", rest[0].group("number"))
        return ["page"] if ranged and "page" in free else free[:1]
    dropped = "page" if rest[1].group("open") else "issue"
    return [key for key in free if key != dropped][:len(rest)]


def parse(body: str) -> Candidate | None:
    """The journal and its numbers; None when an author, a title or any other word is printed."""
    text = squeezed(body)
    split = journal_and_numbers(text)
    if split is None:
        return None
    journal, numbers, year = split
    # an author statement and a short journal name: a long text is a title's, not read here
    authors = _AUTHORS_BEFORE_RE.match(journal) if len(journal) <= _AUTHOR_LED_CHARS and (
        "," in journal or ":" in journal) else None
    title = None
    if authors is not None and _short_journal(authors.group("journal")):
        journal = authors.group("journal")
    elif not _NUMBER_IN_NAME_RE.match(numbers) and \
            (sentences := _authors_title_journal(journal)) is not None:
        statement, title, journal = sentences
    elif is_journal_name(journal):
        authors = None
    else:
        return None
    pieces = numbers_pieces(numbers)
    if pieces is None:
        return None
    fields = assigned_numbers(pieces, year)
    if fields is None:
        return None
    item: Item = {"type": "article-journal", "container-title": journal} | fields
    if "page" in item:
        item["page"] = normalise_page(item["page"])
    if title is not None:
        names, truncated = strip_et_al(statement)
        item["author"], item["title"] = split_names(names), title
        return Candidate("journal-block", item, 0.72, truncated_authors=truncated)
    if authors is None:
        return Candidate("journal-block", item, 0.72)
    if re.fullmatch(_YEAR, str(item.get("volume", ""))):
        return None  # "PoSLATTICE 2008(2008) 002": a volume that is a year is another form's
    statement, truncated = strip_et_al(authors.group("authors"))
    item["author"] = split_names(statement)
    return Candidate("journal-block", item, 0.72, truncated_authors=truncated)
