"""Vancouver (NLM/ICMJE) and AMA references.

    Authors AB, Other CD, et al. Title. Journal Abbr. 2022 Jan 5;298(2):101530. doi/PMID/URL
    Kim H-S, Vega J.-P., Ivanov I.I. Title. …     (hyphenated and dotted initials: "H.-S.", "J.-P.")
    J.-P. Vega, K.-H. Müller. Title. …            (initials first, as European manuscripts print)
    Authors. Title. In: Editors, editors. Book. Place: Publisher; Year. p. 93-113.
    Authors. Title. 4th ed. Place: Publisher; Year.
    Authors. Title [dissertation]. Place: Univ; Year.

Journal: the journal as printed goes into `container-title`, and into `container-title-short` as
well when it is printed abbreviated ("J Biol Chem"; Vancouver prints the short form, GOST the long
one; nothing better is known from the text); a full title ("Biomolecules") is not a short form.
The locator after the colon is read as pages; the parser then gives a journal article's article
number ("101530", "e41465", "tkae030", but not "945") as `number` by the rule of
refparse.locators; a labelled one (":Article 945") is an article number whatever its shape.
Vancouver prints `number` where the pages go, so the list reads as it did.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate, sentences
from citefmt.refparse.common import (
    date_parts,
    is_abbreviated_title,
    month_day,
    normalise_page,
    tidy,
)
from citefmt.refparse.locators import ARTICLE_LABEL
from citefmt.refparse.names import (
    INITIALS_FIRST_LIST,
    INITIALS_FIRST_NAME,
    Names,
    is_organisation,
    is_stray_comma_name,
    parse_initials_first_names,
    parse_vancouver_names,
)

_DATE_BLOCK_RE = re.compile(
    r"(?P<year>(?:1[6-9]|20)\d\d)(?:\s+(?P<md>[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?(?:\s*-\s*[A-Za-z0-9"
    r"]+)?))?"
    r"(?:\s*\[[^\]]*\])?"
    r"(?:\s*(?:;|:(?=\s*\d+\s*:))\s*(?P<vol>[^():;.\s][^():;]*?)?\s*(?:\((?P<issue>[^)]*)\))?\s*(?:"
    r":\s*(?:pp?\.\s*|(?P<label>" + ARTICLE_LABEL + r")\s*)?(?P<page>[^\s.;,]+(?:\s*-\s*\w+)?))?)?"
    r"\s*(?:\.|$)")
_NAME_TOKEN_RE = re.compile(r"^(?:[^\W\d_][\w’'`\-]*\s)+"
                            r"(?:(?:[A-ZА-ЯЁ][a-zа-яё]?){1,4}|[A-ZА-ЯЁ](?:-[A-ZА-ЯЁ]){1,2})"
                            r"(?:\s(?:Jr|Sr|2nd|3rd|4th))?$|"
                            r"^[^\W\d_][\w’'`\-]*[a-zа-яё][A-ZА-ЯЁ]{1,3}$")
#: prescribed GOST punctuation never occurs in Vancouver/AMA (dotted initials do, in Russian lists)
_GOST_MARKS_RE = re.compile(r"//|\s:\s|\s/\s")
_PUBLISHER_RE = re.compile(
    r"^(?P<place>[^:;]+?)\s*:\s*(?P<publisher>[^;]+?)"
    r"(?:\s*;\s*(?:c|\[)?(?P<year>\d{4})\]?[^.;]*)?\s*$")
_EDITION_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)\s+ed$|^(\d+)-?е\s+изд$", re.I)
_PAGES_RE = re.compile(r"^(?:p|pp)\.\s*(?P<page>\S+)$|^(?P<total>\d+)\s+p$")
#: Citing Medicine's report number: "Report No.: WHO/2020/1", "Contract No.: 12-34"
_REPORT_NUMBER_RE = re.compile(r"^(?:(?:Technical\s+)?Report|Contract)\s+No\.?\s*:?\s*"
                               r"(?P<number>\S.*)$", re.I)


#: "Иванов И.И.", "Vega J.-P.", "Vega J. -P.", "Vega J.- P."
_DOTTED_NAME = (r"[^\W\d_][\w’'`\-]*(?:\s[^\W\d_][\w’'`\-]*)?\s"
                r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.(?:\s?-\s?(?=[A-ZА-ЯЁ])|\s?)){1,3}")
_DOTTED_AUTHORS_RE = re.compile(
    rf"^{_DOTTED_NAME}(?:,\s*{_DOTTED_NAME})*(?:,?\s*(?:et al\.|и др\.|\[и др\.\]))?(?=\s+\S)")
#: names written initials first ("J.-P. Vega, K.-H. Müller. Title…"), as European and Russian
#: manuscripts print them in an otherwise Vancouver reference
_INITIALS_FIRST_AUTHORS_RE = re.compile(
    rf"^{INITIALS_FIRST_LIST}(?:,?\s*(?:et al|и др)\.?)?\.(?=\s+\S)")
#: a head that reads as full names given name first ("Jean-Paul Vega, Karl-Heinz Müller. Title…",
#: "Jean-Paul Vega, K.-H. Müller. Title…"); such words may as well be a title ("Heart Failure."),
#: so the grammar does not read them as names: its reading is only marked unsure, so that the
#: tagger's reading is weighed against it
_GIVEN_FIRST_NAME = (r"(?>[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-ÿа-яё]+(?:-[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-ÿа-яё]+)?\s"
                     r"(?:[A-ZА-ЯЁ]\.\s)?(?:(?:van|von|de|der|den|da|di|du|del|la|le)\s)*"
                     r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w’'`\-]+)")
_ANY_ORDER_NAME = rf"(?:{_GIVEN_FIRST_NAME}|{INITIALS_FIRST_NAME})"
_GIVEN_FIRST_AUTHORS_RE = re.compile(
    rf"^{_ANY_ORDER_NAME}(?:(?:,\s*|,?\s+(?:and|&)\s+){_ANY_ORDER_NAME})*"
    r"(?:,?\s*et al)?\.\s+\S")
#: how much less sure the grammar is of a reading whose head may be given-first names
_GIVEN_FIRST_DOUBT = 0.25


def _set_journal(item: Item, journal: str) -> None:
    """The journal as printed; `container-title-short` too when what is printed is an abbreviation.
    A final period is the style's punctuation, not part of the title ("Rural Med J." →
    "Rural Med J")."""
    journal = journal[:-1].rstrip() if journal.endswith(".") else journal
    item["container-title"] = journal
    if is_abbreviated_title(journal):
        item["container-title-short"] = journal


#: an author list ended by a colon, as some publication lists print it
_COLON_AUTHORS_RE = re.compile(r"([^.:]*?(?:,?\s*et al\.?)?):(?=\s)")


def _authors_end(body: str) -> int | None:
    """Index of the "." that ends the author list, when the text starts with one.

    Names are "Family AB" (NLM) or, in Russian and some European lists, "Family A.B." with dotted
    initials ("Иванов И.И., Петрова А.С. Заглавие…"); there the list ends at the last initial."""
    if m := _DOTTED_AUTHORS_RE.match(body) or _INITIALS_FIRST_AUTHORS_RE.match(body):
        return m.end() - 1
    if _may_end_at_colon(body) and (colon := _COLON_AUTHORS_RE.match(body)) and all(
            _NAME_TOKEN_RE.match(t.strip()) for t in _joined_stray_commas(
                re.sub(r",?\s*et al\.?$", "", colon.group(1)).split(","))):
        return colon.end() - 1  # "Roe AB, Vega C: Title.": a colon ends the list
    stop = _first_sentence_stop(body)
    if stop is None:
        return None
    segment = body[:stop]
    if segment.rstrip().endswith("[Internet]"):
        return None  # "FAQs [Internet]. [cited …]": an untitled web page starts with its title
    stripped = segment.strip()  # every match ends the text in "et al"
    tokens = [t.strip() for t in (re.sub(r",?\s*et al$", "", stripped)
                                  if stripped.endswith("et al") else stripped).split(",")
              if t.strip()]
    if not tokens:
        return None
    tokens = _joined_stray_commas(tokens)
    names = sum(1 for t in tokens if _NAME_TOKEN_RE.match(t))
    if names == len(tokens) or (names and names >= len(tokens) - 1 and len(tokens) > 2):
        return stop
    if len(tokens) == 1 and is_organisation(tokens[0]) and len(tokens[0]) < 120:
        return stop
    return None


def _may_end_at_colon(body: str) -> bool:
    """`_COLON_AUTHORS_RE` can match: it ends at the first colon, and only its last character
    before the colon (of "et al.") may be a period (tests/refparse/test_throughput_gates.py)."""
    colon = body.find(":")
    return colon >= 0 and body.find(".", 0, max(colon - 1, 0)) < 0


def _first_sentence_stop(body: str) -> int | None:
    r"""Where `re.match(r"[^.]*?(?:,?\s*et al)?\.(?=\s|$)", body)` ends its match, less one (the
    period), without the search: no part of that pattern but its last crosses a period, so it
    matches exactly when the first period is followed by white space or ends the text
    (tests/refparse/test_throughput_gates.py)."""
    stop = body.find(".")
    if stop < 0 or (stop + 1 < len(body) and not body[stop + 1].isspace()):
        return None
    return stop


def _joined_stray_commas(tokens: list[str]) -> list[str]:
    """["Camacho F", "Bhosle", "M"] → ["Camacho F", "Bhosle M"], in a list of at least two
    names written "Family AB" ("Thompson, L" alone is an inverted name cut at its period)."""
    if sum(1 for t in tokens if _NAME_TOKEN_RE.match(t)) < 2:
        return tokens
    out: list[str] = []
    for token in tokens:
        if out and is_stray_comma_name(out[-1], token):
            out[-1] = f"{out[-1]} {token}"
        else:
            out.append(token)
    return out


def _names(segment: str) -> Names:
    """The author list, written "Family AB" / "Family A.B." or initials first ("A. B. Family")."""
    if _INITIALS_FIRST_AUTHORS_RE.match(segment + ". x"):
        return parse_initials_first_names(segment)
    return parse_vancouver_names(segment)


def _is_web_title(head: str) -> bool:
    """"Egg Types & Labels [Internet]. Australian Eggs." — the title is marked as a web page, so
    what follows it is the site's publisher, not a journal."""
    return bool(re.match(r"[^.]*\[Internet\]\.", head.strip()))


def _split_title_journal(body: str, start: int, end: int) -> tuple[tuple[int, int],
                                                                   tuple[int, int] | None]:
    """Title and journal spans: the journal is the last sentence (periodless NLM abbreviations)."""
    spans = sentences(body, start, end)
    if len(spans) < 2:
        return (start, end), None
    title = (spans[0][0],
             spans[-2][1] + 1 if body[spans[-2][1]:spans[-2][1] + 1] in "?!" else spans[-2][1])
    return title, spans[-1]


def _title_of(body: str, span: tuple[int, int], item: Item) -> None:
    title = tidy(body[span[0]:span[1]])
    if title.endswith(("]", "]\n")) and (m := re.search(
            r"\s*\[(dissertation|master'?s thesis|thesis|dissertation abstract)\]$", title, re.I)):
        item["type"] = "thesis"
        item["genre"] = m.group(1)
        title = title[:m.start()]
    if title.endswith("[Internet]"):
        title = title[:-len("[Internet]")].rstrip()
        item["medium"] = "Internet"
    if title:
        item["title"] = title


#: a publisher sentence that is a year alone ("2001", "c2001", "[2001]")
_BARE_YEAR_SENTENCE_RE = re.compile(r"(?:c|\[)?\d{4}\]?")


def _apply_publisher_sentences(body: str, spans: list[tuple[int, int]], item: Item) -> int:
    """Edition, place: publisher; year, pages — returns how many of these were found."""
    found = 0
    for a, b in spans:
        s = tidy(body[a:b])
        if m := _EDITION_RE.match(s):
            item["edition"] = m.group(1) or m.group(2)
            found += 1
        elif m := _PAGES_RE.match(s):
            if m.group("page"):
                item["page"] = normalise_page(m.group("page"))
            else:
                item["number-of-pages"] = m.group("total")
            found += 1
        elif m := _REPORT_NUMBER_RE.match(s):
            item["number"] = m.group("number")
            if item.get("type") not in ("chapter", "paper-conference"):
                item["type"] = "report"
            found += 1
        elif ":" in s and (m := _PUBLISHER_RE.match(s)):  # every match holds its colon
            item["publisher-place"] = tidy(m.group("place"))
            item["publisher"] = tidy(m.group("publisher"))
            if m.group("year"):
                item["issued"] = date_parts(m.group("year"))
            found += 1
        elif _BARE_YEAR_SENTENCE_RE.fullmatch(s):
            item["issued"] = date_parts(re.sub(r"\D", "", s))
            found += 1
    return found


#: the editors' sentence of a chapter host: "Oakes JM, Kaufman JS, editors", and the label in
#: the languages NLM-style lists are written in ("editores", "organizador", "coordenadores")
_EDITORS_SENTENCE_RE = re.compile(
    r"^(.*?),?\s+(?:editors?|eds?|editor(?:es|as?)|organizador(?:es|as?)?|orgs?|"
    r"coordenador(?:es|as?)?|coordinador(?:es|as?)?|coords?|compiladores|comps?|"
    r"Hrsg|Hg|réd|dir)\.?$", re.I)
#: a sentence that is only a Vancouver name list: "Collet N, Toso BRGO, Vieira CS"
_NAME_LIST_RE = re.compile(r"^[A-ZÀ-Þ][^\W\d_]+(?:[-' ][A-ZÀ-Þ]?[^\W\d_]+)*\s[A-Z]{1,4}"
                           r"(?:,\s*[A-ZÀ-Þ][^\W\d_]+(?:[-' ][A-ZÀ-Þ]?[^\W\d_]+)*\s[A-Z]{1,4})*$")


def _parse_in_part(body: str, start: int, end: int, item: Item) -> float:
    """"In: Editors, editors. Book. Place: Publisher; Year. p. 1-10." → container fields."""
    spans = sentences(body, start, end)
    if not spans:
        return 0.0
    first = tidy(body[spans[0][0]:spans[0][1]])
    if m := _EDITORS_SENTENCE_RE.match(first):
        editors = parse_vancouver_names(m.group(1))
        if editors.names:
            item["editor"] = editors.names
        spans = spans[1:]
    elif len(spans) > 2 and _NAME_LIST_RE.match(first):
        # "In: Collet N, Toso BRGO, Vieira CS. Book. Place: Publisher; 2020." (label left out)
        editors = parse_vancouver_names(first)
        if editors.names:
            item["editor"] = editors.names
            spans = spans[1:]
    if not spans:
        return 0.3
    container = tidy(body[spans[0][0]:spans[0][1]])
    container = re.sub(r"\s*\[Internet\]", "", container)
    container = container.partition(";")[0]
    item["container-title"] = tidy(container)
    if re.search(r"\b(?:Proceedings|Conference|Symposium|Congress|Meeting|Workshop)\b", container,
                 re.I):
        item["type"] = "paper-conference"
    found = _apply_publisher_sentences(body, spans[1:], item)
    return 0.6 + 0.1 * min(found, 3)


_PLACE_YEAR_RE = re.compile(r"^(?P<place>[^\W\d_][^\d;:]*?)\s*;\s*(?:c|\[)?(?P<year>\d{4})\]?$")


def _web_page(body: str, spans: list[tuple[int, int]], item: Item, cand: Candidate,
              score: float) -> Candidate:
    """NLM's home page / web page form: "Title [Internet]. Publisher. 2020 [cited …]. Available
    from: URL" (the access date and URL are already taken out): the sentences left are the
    publisher (a name), the place and publisher ("Bangkok: ESCAP; 2025") or the year."""
    item["type"] = "webpage"
    item.pop("medium", None)
    for a, b in spans:
        s = tidy(body[a:b])
        if s and "publisher" not in item and not re.search(r"\d", s) and len(s.split()) <= 8:
            item["publisher"] = s
            score += 0.1
        elif (m := _PLACE_YEAR_RE.match(s)) and "publisher-place" not in item:
            # "Calverton; 2021": the place, the publisher not printed (Citing Medicine, ch. 25)
            item["publisher-place"] = m.group("place")
            item.setdefault("issued", date_parts(m.group("year")))
            score += 0.1
    cand.confidence = max(0.0, min(score + 0.5, 0.9))  # "[Internet]" is NLM's explicit web marker
    return cand


def parse(body: str) -> Candidate | None:
    """Read a Vancouver/AMA reference from `body` (identifiers already blanked out): the author
    list, then — by what follows the title — a chapter ("In: …"), a journal article (the
    "2020;12(3):45-9." block) or a book/thesis/web page (publication sentences)."""
    item: Item = {"type": "article-journal"}
    cand = Candidate("vancouver", item, 0.0)
    end = len(body.rstrip())
    rest, score = _author_area(body, cand)
    while rest < end and body[rest] == " ":
        rest += 1
    in_match = re.search(r"(?:^|\.\s+)In:\s+", body[rest:end]) if "In:" in body else None
    date_match = _last_date_block(body[rest:end])
    if in_match:
        title_end = rest + in_match.start()
        _title_of(body, (rest, title_end), item)
        cand.title_span = (rest, title_end)
        item["type"] = "chapter"
        score += 0.2 + 0.5 * _parse_in_part(body, rest + in_match.end(), end, item)
    elif date_match and (date_match.group("vol") or date_match.group("page")
                         or date_match.group("issue")
                         or (date_match.end() >= end - rest - 1
                             and not _is_web_title(body[rest:rest + date_match.start()]))):
        score = _journal_article(body, rest, end, date_match, cand, score)
    else:
        outcome = _book_or_other(body, rest, end, cand, score)
        if not isinstance(outcome, float):
            return outcome  # no reading, or a finished web page
        score = outcome
    if _GOST_MARKS_RE.search(body):
        score -= 0.4
    cand.confidence = max(0.0, min(score, 0.97))
    return cand


def _author_area(body: str, cand: Candidate) -> tuple[int, float]:
    """The author list ("Smith AB, Lee C, et al."): names, repairs and truncation into `cand`;
    where the title starts and the score — negative for a head of given-first names, which may
    as well be a title."""
    authors_end = _authors_end(body)
    if authors_end is None:
        return 0, -_GIVEN_FIRST_DOUBT if _GIVEN_FIRST_AUTHORS_RE.match(body) else 0.0
    score = 0.0
    names = _names(body[:authors_end])
    if names.names:
        cand.item["author"] = names.names
        score += 0.25
    cand.truncated_authors = names.truncated
    cand.repairs.extend((pos, "CF101", msg) for pos, msg in names.repairs)
    return authors_end + 1, score


#: `_DATE_BLOCK_RE` after a sentence end (compiled once, not looked up at each call)
_AFTER_SENTENCE_DATE_BLOCK_RE = re.compile(r"(?:(?<=\.\s)|(?<=\.)|(?<=\]\s)|(?<=\]))"
                                           + _DATE_BLOCK_RE.pattern)


#: where a date block may start: its year (a pattern with a leading literal is scanned for fast)
_BLOCK_YEAR_RE = re.compile(r"(?:1[6-9]|20)\d\d")


def _last_date_block(text: str) -> re.Match[str] | None:
    """The last "year[ month];volume(issue):pages." block after a sentence end: the last match
    of `_AFTER_SENTENCE_DATE_BLOCK_RE.finditer(text)`, tried only where a year starts (no match
    starts elsewhere, nor inside a year: a digit is no sentence end) and not inside the match
    before, as finditer goes on after it (tests/refparse/test_throughput_gates.py)."""
    date_match = None
    after = 0
    for year in _BLOCK_YEAR_RE.finditer(text):
        if year.start() >= after and (m := _AFTER_SENTENCE_DATE_BLOCK_RE.match(text,
                                                                               year.start())):
            date_match, after = m, m.end()
    return date_match


def _journal_article(body: str, rest: int, end: int, date_match: re.Match[str],
                     cand: Candidate, score: float) -> float:
    """Title and journal before the date block, then its year, volume, issue and pages."""
    item = cand.item
    head_end = rest + date_match.start()
    title_span, journal_span = _split_title_journal(body, rest, head_end)
    _title_of(body, title_span, item)
    cand.title_span = title_span
    if journal_span:
        journal = tidy(body[journal_span[0]:journal_span[1]])
        if journal.endswith("[Internet]"):
            journal = journal[:-len("[Internet]")].rstrip()
            item["medium"] = "Internet"
        _set_journal(item, journal)
        score += 0.2
    score += 0.15 if "title" in item else 0
    month, day = month_day(date_match.group("md"))
    item["issued"] = date_parts(date_match.group("year"), month, day)
    score += 0.2
    _volume_issue_pages(date_match, item)
    if any(date_match.group(g) for g in ("vol", "issue", "page")):
        score += 0.2
    trailing = tidy(body[rest + date_match.end():end])
    if trailing and not re.fullmatch(r"(?:Epub|Published)[^.]*|\(?In Russ\.?\)?|Russian",
                                     trailing, re.I):
        score -= 0.2
    return score


def _volume_issue_pages(date_match: re.Match[str], item: Item) -> None:
    """";12(3):45-9": volume (with a supplement or part), issue, pages or an article number."""
    if date_match.group("vol"):
        vol = date_match.group("vol").strip()
        if re.fullmatch(r"\d+\s*[-–‒‑]\s*\d+", vol) and not date_match.group("page") \
                and not date_match.group("issue"):
            item["page"] = normalise_page(vol)  # "2016; 1257–1261.": no volume, only pages
        elif sm := re.fullmatch(r"(\S+)\s+(Suppl.*|Pt.*)", vol):
            item["volume"], item["issue"] = sm.group(1), sm.group(2)
        else:
            item["volume"] = vol
    if date_match.group("issue"):
        item["issue"] = date_match.group("issue").strip()
    if date_match.group("page") and date_match.group("label"):
        item["number"] = date_match.group("page")  # ":Article 101530", ":Art. 945"
    elif date_match.group("page"):
        item["page"] = normalise_page(date_match.group("page"))


def _book_or_other(body: str, rest: int, end: int, cand: Candidate,
                   score: float) -> Candidate | float | None:
    """A reference without a journal date block: title, then publication sentences ("Place:
    Publisher; year.") make a book or thesis, "[Internet]" a web page, a lone short sentence a
    journal. Returns the updated score, a finished web-page candidate, or None (no reading)."""
    item = cand.item
    spans = sentences(body, rest, end)
    if not spans:
        return None
    title_span = spans[0]
    _title_of(body, title_span, item)
    cand.title_span = title_span
    score += 0.15 if "title" in item else 0
    found = _apply_publisher_sentences(body, spans[1:], item)
    if item.get("medium") == "Internet" and item.get("type") != "thesis":
        return _web_page(body, spans[1:], item, cand, score + 0.1 * min(found, 3))
    if item.get("type") == "thesis":
        score += 0.3 + 0.1 * found
    elif found:
        item["type"] = "report" if item.get("type") == "report" else "book"
        score += 0.25 + 0.1 * min(found, 3)
    elif len(spans) == 2:
        journal = tidy(body[spans[1][0]:spans[1][1]])
        if re.fullmatch(r"[A-Z][\w()’'\-]*(?:\s[A-Z(][\w()’'\-]*){0,6}", journal):
            _set_journal(item, journal)
            score += 0.25
    else:
        return None
    return score
