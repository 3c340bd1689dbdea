"""Plain-text reference → CSL-JSON item: repair the text (reporting every repair), pull out the
identifiers, let each grammar that may fit read it, and judge every reading by the same field
sanity checks and text coverage (plausibility.py). A grammar reading that is clean (sane fields,
every word accounted for) is kept; otherwise the CRF tagger reads the text too and the more
believable reading wins; with none believable, a `document` item keeps the whole text — never
dropping one. Whichever reading wins, a journal article's single locator that is an article
number ("101530", "e41465", "tkae030"; not "945") is given as `number`, not `page`
(locators.py states the rule).

    parse_reference("Moretti L, ... J Biol Chem. 2022;298(2):101530. PMID: 34953859.").item
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from citefmt.diagnostics import Diagnostic
from citefmt.language import detect_language
from citefmt.limits import LINE_CHARS
from citefmt.model import ET_AL_NAME, Item, is_et_al
from citefmt.refparse import (
    abnt,
    acs,
    apa,
    astro,
    author_year,
    bodies,
    eprint,
    gost,
    hosts,
    ieee,
    imprint,
    journal_block,
    legislation,
    masthead,
    references_ru,
    standard,
    title_tail,
    vancouver,
    year_left,
)
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import (
    Extracted,
    extract_identifiers,
    single_spaced,
    without_medium_designator,
    year_out_of_url,
)
from citefmt.refparse.locators import with_article_number
from citefmt.refparse.normalize import Text, glued_word_suspicions, normalize
from citefmt.refparse.pages import expand_page_range
from citefmt.refparse.plausibility import calibrated_from, failed_checks, unexplained_share

#: a grammar reading at least this sure of itself, with sane fields and (almost) no unexplained
#: words, is kept; any other reading is compared with the CRF tagger's (both calibrated)
CLEAN_THRESHOLD = 0.6
CLEAN_UNEXPLAINED = 0.05
#: below this, the reference is kept as an unparsed `document` (CF100)
ACCEPT_THRESHOLD = 0.3

#: key order of produced items (readability of CSL-JSON output and of test failures)
_FIELD_ORDER = ("type", "id", "author", "editor", "translator", "title", "container-title",
                "container-title-short",
                "collection-title", "issued", "volume", "issue", "page", "number-of-pages",
                "number",
                "edition", "genre", "publisher", "publisher-place", "medium", "DOI", "PMID",
                "PMCID",
                "ISBN", "ISSN", "URL", "accessed", "language")


@dataclass
class ParsedReference:
    """A parsed reference: the item, what was repaired or guessed, and how sure the parser is.

    `truncated_authors` is True when the author list ended in "et al."/"[и др.]" (the item holds
    the names printed and then the "and others" marker, citefmt.model.ET_AL_NAME);
    `grammar` names the reading that won ("vancouver", "gost", "apa",
    "abnt", "author-year", "astro", "ieee", "acs", "references-ru", "legislation",
    "journal-block", "standard", "tagger" or "none").
    """

    item: Item
    diagnostics: list[Diagnostic] = field(default_factory=list)
    confidence: float = 0.0
    raw: str = ""
    grammar: str = "none"
    truncated_authors: bool = False


#: grammars tried when the text shows their signature (`looks_like`), in this order, after
#: Vancouver/AMA, which is always tried
SIGNED_GRAMMARS = (gost, apa, abnt, author_year, astro, ieee, acs, eprint, masthead,
                   references_ru, legislation, journal_block, standard)

#: the highest confidence each grammar gives a reading (the clamp or constant in its `parse`);
#: calibration only lowers a confidence, so a grammar whose ceiling is below the best reading
#: judged so far cannot win and is not run (tests/refparse/test_grammar_ceilings.py checks
#: the pruned choice against trying every grammar)
GRAMMAR_CEILINGS: dict[object, float] = {
    vancouver: 0.97, gost: 0.96, apa: 0.95, abnt: 0.95, author_year: 0.9, astro: 0.85,
    ieee: max(c for _, c in ieee._FORMS + ieee._SPRINGER_FORMS), acs: 0.8, eprint: 0.85,
    masthead: 0.75, references_ru: 0.9, legislation: 0.85, journal_block: 0.72, standard: 0.8}
#: (order in the list of readings, grammar, ceiling), highest ceiling first
_BY_CEILING = sorted(((index, grammar, GRAMMAR_CEILINGS[grammar])
                      for index, grammar in enumerate((vancouver, *SIGNED_GRAMMARS))),
                     key=lambda entry: -entry[2])


def _best_reading(extracted: Extracted) -> Candidate | None:
    """The grammar reading with the highest calibrated confidence, the first in grammar order
    of equals — Vancouver/AMA always tried, every other grammar whose signature the text shows
    (`SIGNED_GRAMMARS`, `looks_like`). Two things are skipped without changing the choice:
    a grammar whose ceiling cannot beat the best reading judged so far is not run (grammars
    run highest ceiling first), and a reading whose own confidence cannot beat the best is
    not judged (the checks are the costly part; readings are judged highest first, and only
    once their confidence could decide whether the next grammar runs)."""
    body = extracted.body
    best: Candidate | None = None
    best_index = 0
    pending: list[tuple[int, Candidate]] = []

    def judge(down_to: float) -> None:
        """Judge the pending readings at least `down_to` sure of themselves, highest first."""
        nonlocal best, best_index
        if len(pending) > 1:
            pending.sort(key=lambda entry: (-entry[1].confidence, entry[0]))
        while pending and pending[0][1].confidence >= down_to:
            index, candidate = pending.pop(0)
            if best is not None and not _may_beat(candidate.confidence, index, best, best_index):
                continue  # calibration only lowers it: it cannot win
            _calibrate(candidate, extracted.fields, body)
            if best is None or _may_beat(candidate.confidence, index, best, best_index):
                best, best_index = candidate, index

    for index, grammar, ceiling in _BY_CEILING:
        if pending:
            judge(ceiling)
        if best is not None and not _may_beat(ceiling, index, best, best_index):
            continue
        if grammar is not vancouver and not grammar.looks_like(body):
            continue
        candidate = grammar.parse(body)
        if candidate is not None:
            pending.append((index, candidate))
    judge(float("-inf"))
    return best


def _may_beat(confidence: float, index: int, best: Candidate, best_index: int) -> bool:
    """A reading of this confidence (or at most this) from the grammar at `index` wins over
    `best`: higher, or equal and earlier in grammar order."""
    return confidence > best.confidence or (confidence == best.confidence and index < best_index)


def _calibrate(candidate: Candidate, identifiers: Item, text: str) -> Candidate:
    """The candidate with its confidence judged by the same field checks as every other reader."""
    item = identifiers | candidate.item
    candidate.raw_confidence = candidate.confidence
    candidate.failed_checks = failed_checks(item)
    candidate.unexplained = unexplained_share(item, text)
    candidate.confidence = calibrated_from(candidate.confidence, len(candidate.failed_checks),
                                           candidate.unexplained)
    return candidate


def _clean(candidate: Candidate) -> bool:
    """A grammar reading that matched its style fully: every field sane, every word accounted for.
    Grammars are exact on the styles they know, so such a reading is kept without asking the
    tagger."""
    return (candidate.raw_confidence >= CLEAN_THRESHOLD and not candidate.failed_checks
            and candidate.unexplained <= CLEAN_UNEXPLAINED)


def _tagger_candidates(text: str, above: float = float("-inf")) -> list[Candidate]:
    """The CRF tagger's readings, one per installed model, when the tagger package is there;
    only those more confident than `above` (judging only lowers a confidence, so the others
    cannot beat a reading judged at `above`)."""
    try:
        from citefmt.refparse.tagger import readings
    except ImportError:
        return []
    truncated = _may_say_et_al(text) and bool(_ET_AL_RE.search(text))
    found = []
    for item, confidence in readings(text, above):
        if not (item.get("title") or item.get("container-title") or _untitled_thesis(item)) \
                or sum(bool(item.get(k)) for k in _ELEMENTS) + _journal_locators(item) < 2:
            # a reference has a title (or, in physics lists, only a journal; a thesis cited by
            # its author, school and year) and one more element: names, a date, a title or
            # the journal's volume and pages
            continue
        found.append(Candidate("tagger", dict(item), float(confidence),
                               truncated_authors=truncated))
    return found


#: the elements of which a reading must have two
_ELEMENTS = ("author", "issued", "title", "container-title")


def _journal_locators(item: Item) -> bool:
    """"J Clin Oncol 22:2363-2370": a journal's volume and pages are an element of their own (a
    list that gives the year elsewhere); a page count or pages without a journal are not."""
    return bool(item.get("container-title") and item.get("volume") and item.get("page"))


def _untitled_thesis(item: Item) -> bool:
    """Physics lists cite a thesis by its author, degree, school and year, with no title:
    "R. Roe, Ph.D. thesis, Univ. of X, 2005"."""
    return bool(item.get("type") == "thesis" and item.get("author") and item.get("issued"))


def _ordered(item: Item) -> Item:
    head = {k: item[k] for k in _FIELD_ORDER if k in item}
    return head | {k: v for k, v in item.items() if k not in head}


def parse_reference(text: str) -> ParsedReference:
    """Parse one reference (any of the supported styles) into a CSL-JSON item, never failing.

    A citation number the string starts with ("12. ", "[12] ", "12) "), or the author–year key
    of an author–year list ("Степанов, Торопов, 2015б – "), is not part of the reference; it is
    set aside and columns of diagnostics still count from the string's start."""
    if len(text) > LINE_CHARS.value:
        return _too_long(text)
    marker = _CITATION_NUMBER_RE.match(text) or _CITATION_KEY_RE.match(text)
    shift = marker.end() if marker else 0
    norm: Text = normalize(text[shift:])
    extracted = extract_identifiers(norm.value)
    best = _best_reading(extracted)
    if best is None or not _clean(best):
        for tagged in _tagger_candidates(norm.value, best.confidence if best else float("-inf")):
            if best is not None and tagged.confidence <= best.confidence:
                continue  # judging only lowers it: it cannot win
            tagged = _calibrate(tagged, extracted.fields, extracted.body)
            if best is None or tagged.confidence > best.confidence:
                best = tagged
    if best is None or best.confidence < ACCEPT_THRESHOLD:
        item = _unparsed_item(extracted, norm.value)
        norm.diagnostics.append(Diagnostic("CF100",
                                           "reference could not be parsed; kept whole as the title",
                                           col=1, severity="warning"))
        grammar, confidence, truncated = "none", best.confidence if best else 0.0, False
    else:
        grammar, confidence, truncated = best.grammar, best.confidence, best.truncated_authors
        item = _corrected(_reading_item(best, extracted, norm), grammar, norm.value,
                          extracted.body)
    if "language" not in item:
        item["language"] = detect_language(item.get("title") or norm.value)
    diagnostics = [replace(d, col=(d.col or 1) + shift) if shift else d for d in norm.diagnostics]
    diagnostics.sort(key=lambda d: d.col or 0)
    return ParsedReference(_ordered(item), diagnostics, round(confidence, 3), text, grammar,
                           truncated)


def _reading_item(best: Candidate, extracted: Extracted, norm: Text) -> Item:
    """The accepted reading's item with the identifiers read from the whole text; its repairs,
    glued-word suspicions and a cut author list are reported on `norm`."""
    item = dict(best.item)
    for key, value in extracted.fields.items():
        item.setdefault(key, value)
    if best.grammar == "tagger" and "DOI" in extracted.fields:
        # the identifier reader stops a DOI where the text does ("…232004 1997-04329-003"),
        # the tagger's DOI segment may run on into the next number
        item["DOI"] = extracted.fields["DOI"]
    for pos, code, message in best.repairs:
        norm.warn(code, message, pos)
    title_span = best.title_span or _span_of(norm.value, item.get("title"))
    if title_span:
        glued_word_suspicions(norm, *title_span)
    if best.truncated_authors:
        _note_truncation(norm)
        _mark_et_al(item)
    if isinstance(item.get("page"), str):
        item["page"] = expand_page_range(item["page"])
    _status_not_title(item)
    return item


def _corrected(item: Item, grammar: str, text: str, body: str) -> Item:
    """`item` after the named steps that correct what any reading may leave joined or
    misplaced: those that need only the item (`_AFTER_READING`) between those that look back
    at the normalised `text` or at its `body` without identifiers."""
    abnt.title_place_out_of_journal(item, text)
    abnt.title_word_out_of_names(item, text)
    year_left.year_left_in_text(item, body)
    for step in _AFTER_READING:
        if step is imprint.split_joined_imprint and _serial_place(grammar, item):
            continue
        step(item)
    title_tail.single_quoted_title(item, text)
    title_tail.journal_word_out_of_title(item, text)
    title_tail.title_words_out_of_journal(item, text)
    hosts.pos_volume(item, text)
    hosts.year_not_issue(item)
    hosts.date_not_volume(item)
    hosts.issue_before_date(item, text)
    year_out_of_url(item)
    hosts.issue_of_monthly_journal(item)
    title_tail.journal_word_out_of_names(item, text)
    return without_medium_designator(with_article_number(item))


#: the named steps that correct what any reading (a grammar's or the tagger's) may leave joined
#: or misplaced, in this order: imprints, then hosts, then the end of the title
_AFTER_READING: tuple[Callable[[Item], None], ...] = (
    imprint.labels_not_imprint, imprint.host_not_publisher, imprint.journal_not_publisher,
    imprint.imprint_out_of_container,
    imprint.thesis_out_of_publisher, imprint.thesis_out_of_title, imprint.split_joined_imprint,
    imprint.imprint_by_sentences,
    imprint.place_out_of_journal, hosts.label_out_of_host, hosts.locators_out_of_host,
    hosts.imprint_out_of_host_pages, hosts.pages_out_of_host, hosts.editor_out_of_host,
    hosts.series_out_of_host, hosts.place_out_of_proceedings,
    title_tail.language_note_out_of_title, title_tail.edition_out_of_title,
    title_tail.title_out_of_journal, title_tail.responsibility_out_of_title,
    title_tail.editor_label_out_of_title, title_tail.volume_out_of_title,
    title_tail.report_number_out_of_title, title_tail.place_out_of_meeting_title,
    title_tail.eprint_not_title, title_tail.host_label_out_of_title,
    abnt.url_label_out_of_title, abnt.thesis_sentence_out_of_title,
    bodies.body_out_of_title, bodies.body_name_out_of_title)


def _serial_place(grammar: str, item: Item) -> bool:
    """A GOST reading of a journal article that gives a place alone: the serial's place area
    ("// Journal of Climate. Boston MA, USA, 1998. Т. 11"), as GOST describes no publisher of a
    serial, so the place is not split into a publisher and a place (`split_joined_imprint`)."""
    return grammar == "gost" and item.get("type") == "article-journal" \
        and "publisher" not in item


#: "12. ", "[12] ", "12) ", and a bare "12 " before an author written "Surname AB" or
#: "Surname, A.", also with a particle ("van Surname AB"), or before a body's name of up to nine
#: capitalised words and its period or comma ("1 Ministério da Saúde (BR).", "41 American
#: Diabetes Association.") (a list whose labels lost their punctuation)
_CITATION_NUMBER_RE = re.compile(r"^\s*(?:\[\s*\d{1,3}\s*\]\s*|\d{1,3}[.)]\s+|"
                                 r"\d{1,3}\s+(?=(?:(?:van|von|de|da|del|der|di|du|le|la)\s)?"
                                 r"[A-ZÀ-ÞА-ЯЁ][^\W\d_]+(?:[-‐' ][^\W\d_]+)?"
                                 r"(?:,|\s[A-ZА-ЯЁ]{1,3}[,.\s])|(?:[A-Z]\.\s?)+[A-ZÀ-Þ][’'\w]|"
                                 r"(?:[A-ZÀ-Þ][^\W\d_]*\s+(?:(?:da|de|do|dos|das|of|for|on|and|"
                                 r"the|y|e|la|del)\s+)*){1,9}(?:\([A-Z]{2,}\)\s*)?[A-Z]?[^\W\d_]*"
                                 r"[.,]\s))"
                                 r"(?=\S)")
#: "Surname, Surname, 2015a – " / "Surname и др., 2015 – ": the key an author–year list prints
#: before each full reference
_CITATION_KEY_RE = re.compile(r"^\s*(?:[A-ZА-ЯЁ][\w’'-]+(?:,\s*|\s+(?:и|and|&)\s+))+"
                              r"(?:(?:и\s+др\.|et\s+al\.),?\s*)?"
                              r"(?:1[5-9]|20)\d\d[a-zа-я]?\s+[–—-]\s+(?=\S)")
_ET_AL_RE = re.compile(r"\bet\s+al\b\.?|\[?\bи\s+др\.\]?|\be\s+outros\b|\bet\s+col\b\.?", re.I)

#: what every match of `_ET_AL_RE` holds in printable text, case-folded (the only white space
#: there is the space; tests/refparse/test_throughput_gates.py)
_ET_AL_WORDS = (" al", " col", " др", " outros")


def _may_say_et_al(text: str) -> bool:
    """`_ET_AL_RE` can match the text (searched for on every reference the tagger reads)."""
    if not text.isprintable():
        return True
    folded = text.casefold()
    return any(map(folded.__contains__, _ET_AL_WORDS))


def _too_long(text: str) -> ParsedReference:
    """A "reference" longer than the line-length limit is not a reference a grammar could read
    (and reading it would cost time out of proportion): kept whole as the title, reported."""
    title = " ".join(text.split())
    diagnostic = Diagnostic("CF935", f"reference of {len(text):,} characters is longer than the "
                            f"limit of {LINE_CHARS.value:,} ({LINE_CHARS.variable}); not parsed, "
                            "kept whole as the title", col=1, severity="warning")
    return ParsedReference({"type": "document", "title": title}, [diagnostic], 0.0, text, "none",
                           False)


def _span_of(text: str, value: object) -> tuple[int, int] | None:
    """Where a field value (as the item holds it) stands in the repaired text, if it is there."""
    if not isinstance(value, str) or not value:
        return None
    at = text.find(value)
    return (at, at + len(value)) if at >= 0 else None


def _note_truncation(norm: Text) -> None:
    """CF107 (info): the list was cut with "et al." — the item holds only the printed names."""
    m = _ET_AL_RE.search(norm.value)
    norm.diagnostics.append(Diagnostic(
        "CF107", f"author list truncated ({m.group().strip('[]') if m else 'et al.'}); "
                 "the names printed are kept, then an et-al marker",
        col=norm.col(m.start() if m else 0), severity="info"))


def _mark_et_al(item: Item) -> None:
    """End a cut-short author list with the "and others" marker (citefmt.model.ET_AL_NAME), so a
    style prints its own et-al term instead of presenting the printed names as the whole list."""
    names = item.get("author")
    if isinstance(names, list) and names and not is_et_al(names[-1]):
        item["author"] = [*names, dict(ET_AL_NAME)]


#: a publication status printed where a title or a host would stand: "in preparation", "these
#: proceedings", "to appear", "à paraître", "soumis à publication", "no prelo", "в печати"
_STATUS_RE = re.compile(
    r"^\(?(?:(?:work\s+)?in\s+(?:preparation|press|print)|these\s+proceedings|to\s+appear|"
    r"submitted(?:\s+for\s+publication)?|accepted(?:\s+for\s+publication)?|forthcoming|"
    r"à\s+paraître|soumis(?:\s+à\s+publication)?|no\s+prelo|en\s+prensa|в\s+печати)\)?\.?$",
    re.I)


def _status_not_title(item: Item) -> None:
    """A title that is only a publication status ("in preparation") is the item's CSL `status`;
    so is a status a grammar read as the genre."""
    for key in ("title", "genre"):
        value = item.get(key)
        if isinstance(value, str) and _STATUS_RE.match(value.strip()):
            item["status"] = item.pop(key)


def _unparsed_item(extracted: Extracted, text: str) -> Item:
    """The `document` that keeps an unparsed reference whole: its text as the title, with the
    identifiers read from it. A reference that is only a URL or a DOI ("http://cern.ch/heed.")
    has no title: the identifier keeps the whole of it (a URL alone is a web page)."""
    title = _unparsed_title(extracted.body)
    if not title and ("URL" in extracted.fields or "DOI" in extracted.fields) \
            and not re.search(r"[^\W_]", extracted.body):
        kind = "webpage" if "URL" in extracted.fields else "document"
        return {"type": kind, **extracted.fields}
    return {"type": "document", "title": title or text, **extracted.fields}


def _unparsed_title(body: str) -> str:
    return single_spaced(body).strip(" .,;")
