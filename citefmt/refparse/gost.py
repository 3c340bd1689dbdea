"""GOST R 7.0.5-2008 and GOST R 7.0.100-2018 references, Cyrillic and Latin.

    Фамилия И. О. Заглавие // Журнал. 2020. Т. 1, № 2. С. 3–4.                       (7.0.5)
    Фамилия, И. О. Заглавие / И. О. Фамилия. – Текст : непосредственный // Журнал. – 2020. –
        Т. 1, № 2. – С. 3–4.                                                         (7.0.100)
    Заглавие / И. О. Фамилия [и др.] // Журнал. 2020. Vol. 1, No. 2. P. 3–4.
    Фамилия И. О. Книга : учеб. 2-е изд. М. : Наука, 2006. 215 с.
    Фамилия И. О. Тема : дис. … канд. мед. наук. М., 2002. 215 с.

Areas may be separated by ". – " or ". "; "Текст : непосредственный/электронный" and
"[Электронный ресурс]" are dropped (they describe the carrier, not the work). Journal titles here
are full titles, so they go into `container-title` only. "Art. 101530" / "Ст. 101530" is an
article number (`number`); "С."/"P." pages whose value is an article number by the rule of
refparse.locators ("P. 101530", "С. e41465") are given as `number` too, as for every grammar.
"""

from __future__ import annotations

import re
from functools import lru_cache

from citefmt.dates import MONTHS
from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import (
    ISSUE_WORDS,
    date_parts,
    normalise_page,
    single_spaced,
    squeezed,
    tidy,
)
from citefmt.refparse.locators import ARTICLE_LABEL
from citefmt.refparse.names import (
    INITIALS_FIRST_LIST,
    initials_given,
    parse_initials_first_names,
    parse_responsibility,
)
from citefmt.refparse.places import is_place

#: ". – " between areas; older lists glue the dash to the period (".- София"); a spaced dash
#: without the period separates areas too, but not inside parentheses ("(МИКМУС – 2019)") nor
#: between two numbers ("May 27 – 30"), where it is a range or part of a name
_AREA_DASH_RE = re.compile(r"\.\s+[–—-]\s+(?=\S)|"
                           r"(?:(?<!\d)\s+[–—]\s+(?=\S)|(?<=\d)\s+[–—]\s+(?=\D))(?![^()]*\))|"
                           r"\.[–—-]\s+(?=\S)")
_CARRIER_RE = re.compile(r"[.\s–—-]*Текст\s*:\s*(?:непосредственный|электронный)\s*|"
                         r"\[\s*(?:Электронный ресурс|Electronic resource|Текст|Text)\s*\]|"
                         r"(?-i:(?<=[\w»”)])\s+Текст(?=\s*:\s*(?:автореф|дис|учеб|моногр|сб\.|справ"
                         r"|пособ)))", re.I)
#: what every carrier statement of `_CARRIER_RE` holds: the word "Текст" (any case) before its
#: colon, or a bracketed statement whole; an "[и др.]" or "[1990]" lets no search through
_CARRIER_HINT_RE = re.compile(r"текст\s*:|"
                              r"\[\s*(?:Электронный ресурс|Electronic resource|Текст|Text)\s*\]",
                              re.I)
#: the capital a surname opens with: Latin (with the Latin-1 and Latin Extended-A letters of
#: European names, "Žižek", "Ščedrov", "Öztürk") or Cyrillic
_SURNAME_CAPITAL = r"[A-ZА-ЯЁÀ-ÖØ-ÞĀ-ž]"
#: a place of one or two capitalised words ("Москва", "New York", "Санкт-Петербург")
_PLACE_NAME = r"[A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*)?"
#: a surname of one word, its capital followed by a small letter ("Kuo", "Šimek", not "RAN")
_SURNAME = rf"{_SURNAME_CAPITAL}[^\W\d_A-ZА-ЯЁ][\w'’\-]*"
#: the heading "Фамилия И. О.": a surname, its initials and an abbreviated particle GOST prints
#: after them ("Гартман Э. ф.", "Dalen D. v.")
_HEADING_RE = re.compile(
    rf"^(?P<family>{_SURNAME_CAPITAL}[\w’'`\-]+(?:\s[A-ZА-ЯЁ][\w’'`\-]+)?),?\s+"
    r"(?P<given>(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?(?:-[a-zа-яё]\.)?-?\s?){1,3}(?:[a-zа-яё]\.)?)"
    r"(?=[\s,]|$)")
#: an edition statement printed inside the title area: "Заглавие (2-е изд., доп.)", "Заглавие: Изд.
#: 2-е, испр."
_TITLE_EDITION_RE = re.compile(r"\s*\((?P<ed>\d+)-?е\s+изд\.[^)]*\)|"
                               r"\s*[:.]\s*Изд\.\s*(?P<ed2>\d+)-?е\b[^/]*$")
#: the volume (part, book) of a multi-volume work closing its title area: "Заглавие. Т. 3", "… Ч.
#: 1-3", "Robot Dynamics and Control. Vol. 303"
_TITLE_VOLUME_RE = re.compile(r"\.\s+(?:Т|Кн|Ч|Vol|Bd)\.\s*(?P<v>\d+(?:\s*[–-]\s*\d+)?)\.?\s*$")
#: a heading written initials first, as lists outside the standard print it ("Ю.-Д. Петров,
#: И. И. Иванов. Заглавие // …"): the names end at a period
_INITIALS_FIRST_HEADING_RE = re.compile(
    rf"^(?P<names>{INITIALS_FIRST_LIST})"
    r"(?=,?\s*(?:\[\s*и\s+др\.?\s*\]|и\s+др\.|et\s+al\.)|\.\s+\S)")
_HEADING_ET_AL_RE = re.compile(r",?\s*(?:\[\s*и\s+др\.?\s*\]|и\s+др\.|et\s+al\.)")
#: a thesis statement, with the specialty code GOST R 7.0.100-2018 prints after it (": 05.23.17"),
#: its branch of science abbreviated with a hyphen as 7.0.12 does ("канд. физ.-мат. наук"),
#: or cut after the degree where the branch of science is not given ("дис. … канд.")
_THESIS_RE = re.compile(r"\s*:\s*(?P<genre>(?:(?:автореф\.\s*)?дис(?:с)?\."
                        r"(?:[^.]|\.(?=[\s-]))*?наук|"
                        r"(?:автореф\.\s*)?дис(?:с)?\.\s*(?:…|\.\.\.)\s*(?:канд|д-ра|докт|магистра|маг)\.?"
                        r"(?=\s*$)|"
                        r"(?:автореферат\s+)?диссертаци[яи][^.]*?наук)"
                        r"(?:\s*:\s*\d\d\.\d\d\.\d\d)?)", re.I)
#: "М. : Наука, 2006", "Helsinki, Finland : IEEE, 2014" (a place with its country or state),
#: "Amsterdam, New York, Oxford : North-Holland, 1978", "N. Y. : Basic books, 1954", two
#: publishers or more as the data lists them ("СПб. : Ювента, Наука, 1999", "М.; СПб. : Московский
#: философский фонд, Университетская книга, Культурная инициатива, 2000"; the third and later
#: without a period, which would end the area, or a digit), a month before the year
#: ("Hong Kong, China : IEEE, 05/2014", "IEEE, 07.2007")
_PLACE_PUB_RE = re.compile(
    r"(?:^|\.\s+|\s)(?P<place>(?:[A-Z]\.\s?){2,3}|[A-ZА-ЯЁ][\w\-]*(?:\s(?:н/Д|[A-ZА-ЯЁ][\w\-]*))*\.?"
    r"(?:,\s[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?){0,3}(?:\s*;\s*[A-ZА-ЯЁ][\w\-]*\.?)*)"
    r"\s*:\s*(?P<publisher>[^,:]+?(?:,\s[^,:\d][^,:]*?)?(?:,\s[^,:.;\d]+?)*),\s*"
    r"(?:(?P<month>\d\d)[./])?(?P<year>\d{4})")
#: an undated imprint area of its own: ". София : Стоян Атанасов. 64 с."
_PLACE_PUB_UNDATED_RE = re.compile(r"(?:^|\.\s+)(?P<place>[A-ZА-ЯЁ][\w\-]*\.?)\s+:\s+"
                                   r"(?P<publisher>[^.,:;]+?)\.(?:\s|$)")
_PLACE_YEAR_RE = re.compile(r"(?:^|\.\s+)(?P<place>" + _PLACE_NAME + r"\.?"
                            r"(?:,\s[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?)?),\s*(?P<year>\d{4})")
_YEAR_RE = re.compile(r"(?:^|[\s.(\[/])(?P<year>(?:1[6-9]|20)\d\d)(?=[\s.,;\])]|$)")
_VOLUME_RE = re.compile(r"\b(?:(?:Т|Vol|V)\.|Volume\s|Том\s)\s*(?P<v>[\w\-–]+(?:[/—][\w\-–]+)?)")
#: the issue designation as GOST R 7.0.5-2008 / 7.1-2003 print it, with the running (whole)
#: number of the issue in parentheses kept: "№ 4 (95)" → "4 (95)", "№ 1(22)" → "1(22)"; a
#: double issue with the range dash GOST R 7.0.5-2008 prints, "№ 1—3", is given as "1–3"
_ISSUE_RE = re.compile(r"(?:№\.?|\b[Nn]o\.|\bNo\s(?=\d)|\bN\.(?=\s*\d)|\bIss\.|\b[Ii]ssue\s(?=\d)|"
                       r"\b[Вв]ып\.)\s*(?P<n>[\w\-–/]+(?:—\w+)?(?:\s?\(\d+\))?)")
#: an issue designated by words, as the source numbers it (GOST gives a serial's numbering as
#: the source words it): a season of a journal numbered so, a thematic issue ("Database issue",
#: "Web Server issue"), a supplement or lettered part ("Supplement", "Part B"); a month after
#: the volume ("Vol. 2, October") is left unread, as the checks take a month for no issue
_WORDED_ISSUE = r"(?:" + ISSUE_WORDS + r"|Supplement|Part\s[A-Z])"
#: an issue printed after the volume without its label, as biblatex-gost prints a supplement,
#: part or special issue: "Vol. 6, S1", "Т. 136, 2A", "Vol. 115, Pt 11", "Т. 9, sup1", "Vol. 58, 4
#: PART 1", "Vol. 8, Supplement S1"; an issue designated by words as the source words it
#: (`_WORDED_ISSUE`), alone or after the number: "Vol. 42, Database issue", "Vol. 49, Summer",
#: "Т. 430, 18, Part B", "Т. 415, 1, Supplement"
_UNLABELLED_ISSUE_RE = re.compile(r"\b(?:Т|Vol|V)\.\s*[\w\-–]+,\s*"
                                  r"(?P<n>\d+\s(?:PART|Part|Pt)\s?\d+|"
                                  r"(?:\d+,\s)?" + _WORDED_ISSUE + "|"
                                  r"[A-Za-z]?\d+[A-Za-z]?|[A-Z][a-z]{0,9}\s?[A-Z]?\d+|"
                                  r"[a-z]{2,4}\d+)(?=[.,]|$)")
#: "Р" is the Cyrillic letter that real lists type for the Latin page label "P", and "C" the Latin
#: letter they type for the Cyrillic "С"
_PAGES_RE = re.compile(r"(?:\b|(?<=\s))(?:С|C|P|Р|S|pp?)\.\s*(?=[A-Za-zА-Яа-я]?\d)"
                       r"(?P<p>[A-Za-zА-Яа-я]?\d\w*(?:\s*[–—-]\s*\w+)?)")
#: the eLIBRARY document number journals print after the pages ("– EDN LEWHAI"): no CSL
#: variable holds it, so it is kept as the note
_EDN_RE = re.compile(r"\bEDN\s*:?\s*[A-Z]{6}\b")
#: a note in parentheses closing the description, after the numbers (GOST's note area: "(Scopus,
#: WoS)", "(0,28 п. л.; ВАК)")
_CLOSING_NOTE_RE = re.compile(r"(?:^|\.\s+)\((?P<note>[^()]{2,80})\)\.?\s*$")
#: "Art. 101530" / "Ст. 101530": an article number, whatever its shape (refparse.locators)
_ARTICLE_NO_RE = re.compile(ARTICLE_LABEL + r"\s*(?P<p>[A-Za-zА-Яа-я]{0,4}\d[\w\-]*)", re.I)
_TOTAL_PAGES_RE = re.compile(r"(?:^|\s)(?P<n>\d+)\s*(?:с|p|л)(?:\.|$)")
_EDITION_RE = re.compile(r"(?:^|\.\s+)(?P<ed>\d+)(?:-?е|\s?-?ое)?\s*изд\.|"
                         r"(?:^|\.\s+)(?P<ed_en>\d+)(?:st|nd|rd|th)\s+ed\.")
_EDITOR_RE = re.compile(r"(?:под\s+(?:общ\.\s+)?ред\.|под\s+редакцией|\beds?\.(?:\s+by)?|"
                        r"отв\.\s+ред\.)\s*"
                        r"(?P<names>[^/;]+)", re.I)
_CONFERENCE_RE = re.compile(r"конф|симпоз|конгресс|съезд|материалы|тезисы|Proceedings|Conference|"
                            r"Symposium", re.I)
_STANDARD_RE = re.compile(r"^(?P<num>(?:ГОСТ|ISO|ИСО|СП|СанПиН|ОСТ|ТУ)\s*(?:Р\s*)?[\d.\-–/:]+(?:\s*"
                          r"[-–]\s*\d{4})?)\.\s*")
_PATENT_RE = re.compile(r"^(?:Пат(?:ент)?\.?|Patent)\s*(?:№\s*)?(?P<num>[\d\s/]+?)\s+"
                        r"(?P<country>[^.,]+?)[,.]")


def looks_like(body: str) -> bool:
    if "//" in body or (_SIGNATURE_HINT_RE.search(body) and _SIGNATURE_RE.search(body)):
        return True  # "//", the host separator, is the first mark (found without the search)
    if _HEADING_SIGNATURE_RE.match(body) and not _NOT_GOST_RE.search(body):
        return bool(_SPACED_IMPRINT_RE.search(body) or _YEAR_AREA_RE.search(body)
                    or _DATE_AREA_END_RE.search(body))
    return " / " in body and bool(_SPACED_IMPRINT_RE.search(body) or _YEAR_AREA_RE.search(body))


#: marks only GOST prints, or a Cyrillic book that ends with its imprint ("… . Вятка, 1860.",
#: "… . Москва: Наука, 1956.")
_SIGNATURE_RE = re.compile(
    r"//|\s/\s[A-ZА-ЯЁ]|\[и др\.\]|\bТ\.\s*\d|№\s*\d|\bС\.\s*\d|\d\s*с\.|Текст\s*:|"
    r"\bизд\.|\bдис\.|\bМ\.\s*:|\bСПб\.|\. [–—] |дата обращения|^ГОСТ|^Пат|"
    r"\.\s+[А-ЯЁ][а-яё\-]*\.?(?:\s*:\s*[^,:]+)?,\s*(?:1[5-9]|20)\d\d\.?\s*$")
#: what every mark of `_SIGNATURE_RE` holds (a slash, "№", a Cyrillic letter, or the area dash
#: ". – " whole — a dash alone is in every page range): most references have none, and this
#: search is far cheaper than the marks'
_SIGNATURE_HINT_RE = re.compile(r"[/№А-яЁё]|\. [–—] ")
#: a book described as GOST R 7.0.100-2018 prints it without area dashes: a heading "Family,
#: I. I." (a surname in lower case, its comma, initials only, and the abbreviated particle
#: GOST prints after them, "Dalen, D. v.") or a statement of
#: responsibility, and an imprint with a space on both sides of the colon (". Berlin :
#: Springer, 2011.")
_HEADING_NAME = (rf"{_SURNAME}"
                 r"(?:\s[A-Z][a-z][\w'’\-]*)?,\s(?:[A-ZА-ЯЁ]\.\s?(?:-[A-ZА-ЯЁ]\.\s?)?){1,3}"
                 r"(?:[a-zа-яё]\.\s?)?")
_HEADING_SIGNATURE_RE = re.compile(rf"^{_HEADING_NAME}(?:,\s*{_HEADING_NAME})*\s*[A-ZА-ЯЁ«\"]")
#: what a GOST description never prints: "and" before the last name of a list ("Barocas, S., and
#: Wallach, H.") or a host after "In" (GOST writes "//")
_NOT_GOST_RE = re.compile(r"\s(?:and|&)\s+[A-Z][\w'’\-]+,\s[A-Z]\.|\.\s+In:?\s")
#: a date area of its own after the title, as GOST R 7.0.100-2018 prints a work without a
#: publication area ("Фамилия, И. О. Заглавие. 2017.", "… [2000].")
_DATE_AREA_END_RE = re.compile(r"\.\s\[?(?:1[5-9]|20)\d\d\]?\.(?:\s|$)")
#: an imprint area ending in its year, with or without a place ("World Scientific, 2001.")
_YEAR_AREA_RE = re.compile(r",\s*(?:1[5-9]|20)\d\d\.")
_SPACED_IMPRINT_RE = re.compile(r"\.\s+" + _PLACE_NAME + r"\s:\s[^,:]{2,60},\s*"
                                r"(?:1[5-9]|20)\d\d\.")


def _split_host(body: str) -> tuple[str, str | None]:
    if "//" in body:
        left, _, right = body.partition("//")
        return left, right
    return body, None


def _numbers(text: str, item: Item) -> int:
    """Year, Т./Vol., №/No., С./P., Art., total pages: how many were found."""
    found = 0
    if m := _VOLUME_RE.search(text):
        item["volume"] = m.group("v").rstrip(",.")
        found += 1
    if m := _ISSUE_RE.search(text) or _UNLABELLED_ISSUE_RE.search(text):
        item["issue"] = m.group("n").rstrip(",.").replace("—", "–")
        found += 1
    if m := _PAGES_RE.search(text):
        item["page"] = normalise_page(m.group("p"))
        found += 1
    elif m := _ARTICLE_NO_RE.search(text):
        item["number"] = m.group("p").rstrip(".")
        found += 1
    elif m := _BARE_ARTICLE_NO_RE.search(text):
        if m.group("own"):  # "pdb.prot5113": the publisher's own article id, no page
            item["number"] = m.group("own").replace("—", "-")
        else:
            item["page"] = normalise_page(m.group("p"))
        found += 1
    elif m := _TOTAL_PAGES_RE.search(text):
        item["number-of-pages"] = m.group("n")
        found += 1
    return found


#: the days, month and year of a conference as the proceedings' place area gives them after its
#: place ("Zhukovsky, 11–14 October 2021", "Berlin, 5 May 2019")
_EVENT_DATES = (r"\d{1,2}(?:\s?[–-]\s?\d{1,2})?\s(?P<event_month>[A-Z][a-z]{2,8})\.?\s"
                r"(?P<event_year>(?:1[6-9]|20)\d\d)\b")
#: where the first area of a host ends: ". " before a year area (also a month and year, "01.2019"),
#: numbers, pages or an imprint
#: ("Place :", "Place, 2001", "Place, Country, 2001", "Publisher, 08.2009"), or a space after a
#: parenthesis before the year ("Science (New York, N.Y.) 1974."); after a single capital only
#: before a year or a number area ("Physical Review E. 2009", "J. Phys. Chem. B. 1997. Т. 101"),
#: as a capital elsewhere is an initial ("Сер. А. Математика")
_HOST_AREA_END_RE = re.compile(
    r"\.\s+(?=(?:1[6-9]|20)\d\d(?:[.,]|$)|(?:Т|Vol|V)\.\s*\d|№\s*\d|[Nn]o\.\s*\d|"
    r"\d\d[./](?:1[6-9]|20)\d\d(?:[.,]|$))"
    r"|(?<!\b[A-ZА-ЯЁ])\.\s+(?=(?:1[6-9]|20)\d\d\b|Т\.|Vol\.|№|No\.|С\.\s*\d|P\.\s*\d|"
    r"(?!Сер(?:ия)?\b)[A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ]\w*)?\.?(?:,\s[A-Z][\w\-]*(?:\s[A-Z]\w*)?)?"
    r"\s*(?::|,\s*(?:\d\d\.)?\d{4})|"
    r"[A-ZА-ЯЁ][\w&\-]*(?:\s[\w&\-]+){0,5},\s*\d\d[./]\d{4}\b|"
    r"[A-ZА-ЯЁ][\w\-]*,\s" + _EVENT_DATES + r")"
    r"|,\s*(?=(?:1[6-9]|20)\d\d\b)"
    r"|(?<=\))\s+(?=(?:1[6-9]|20)\d\d(?:[.,]|$))")


def _first_area(text: str) -> tuple[str, int]:
    """The first area of a host ("Журнал" in "Журнал. 2020. Т. 1…"): up to ". " + a
    year/number/place, never inside parentheses, which hold the host's own other title
    information ("Proceedings of the Symposium (Brussels, August 27–31, 1956)")."""
    m = next((m for m in _HOST_AREA_END_RE.finditer(text)
              if text.count("(", 0, m.start()) <= text.count(")", 0, m.start())), None)
    if not m:
        return tidy(text), len(text)
    return tidy(text[:m.start()]), m.end()


#: a year area or a volume, issue or pages: not part of a host's title, so a dashed first area
#: holding one is not the title alone
_NUMBERS_AREA_RE = re.compile(r"(?:^|\.\s)(?:1[6-9]|20)\d\d(?:[.,]|$)|"
                              r"\b(?:Т|Vol|С|P)\.\s*\d|№\s*\d")


def _may_hold_area_dash(text: str) -> bool:
    """False where `_AREA_DASH_RE` cannot match, found without its (slow) search: each match
    holds a dash then white space, and in printable text the only white space is the space."""
    return not text.isprintable() or "- " in text or "– " in text or "— " in text


def _dashed_first_area(body: str) -> str | None:
    """The host's first area where the description separates its areas with ". — " (GOST R
    7.0.5-2008): the dash ends the area whatever the words before it ("Physical Review E. —
    2009", "Proceedings. — IEEE, 08.2009"); None when the host has no area dash."""
    host = _without_carrier(body).partition("//")[2]
    m = _AREA_DASH_RE.search(host) if _may_hold_area_dash(host) else None
    if not host or not m or not re.match(r"\.?\s+[–—]", host[m.start():]):
        return None
    return single_spaced(host[:m.start()]).strip()


def parse(body: str) -> Candidate | None:
    """Read a GOST reference from `body` (identifiers already blanked), area by area: heading,
    title and statement of responsibility, then the host document ("//") or the imprint."""
    text = _without_carrier_and_dashes(body)
    special = _standard(text) or _patent(text)
    if special is not None:
        return special
    item: Item = {}
    cand = Candidate("gost", item, 0.0)
    left, host = _split_host(text)
    left = left.strip()
    heading, pos, truncated = _heading(left)
    cand.truncated_authors = truncated
    title_part, slash, responsibility = left[pos:].strip(" .,").partition(" / ")
    authors, description_tail, score = heading, "", 0.0
    if slash:
        authors, description_tail, score, cand.truncated_authors = _responsibility(
            responsibility, heading, item, in_host=host is not None)
    if authors:
        item["author"] = authors
        score += 0.2
    if host is None and not slash:
        title_text, title_end = _split_book_title(title_part)
        title_start = len(left) - len(left[pos:].lstrip(" .,"))
        if (dashed := _dashed_title_end(body)) is not None and 0 < dashed - title_start < title_end:
            title_end = dashed - title_start  # the area dash ends the title area
            title_text = title_part[:title_end]
        description_tail = title_part[title_end:]
    else:
        title_text = title_part
    score = _title_area(title_text, item, score, in_host=host is not None)
    if host is not None:
        score = _host_area(host.strip(), item, score, first_area=_dashed_first_area(body))
    else:
        score = _book_imprint_area(description_tail, item, score, has_authors=bool(authors),
                                   body=body)
    if further := _further_standard_numbers(body):
        item["note"] = f"{item['note']}. {further}" if item.get("note") else further
    cand.confidence = max(0.0, min(score, 0.96))
    return cand


#: the second and later numbers of an ISSN or ISBN list ("ISSN 0027-8424, 1091-6490", GOST R
#: 7.0.100-2018, 4.8: the standard number area gives every number the source bears): the first
#: is the item's identifier, already blanked (a run of spaces), and the others follow it
_FURTHER_NUMBER_RE = re.compile(r"\s{4}(?P<list>(?:,\s*(?:\d{4}-\d{3}[\dX]|(?:97[89]-?)?\d{1,5}-"
                                r"\d{1,7}-\d{1,7}-[\dX]|(?:97[89])?\d{9}[\dX]))+)(?=[.;\s]|$)")
#: the printed length of an ISSN ("0027-8424"), which tells a list of ISSNs from one of ISBNs
_ISSN_LENGTH = len("0027-8424")


def _further_standard_numbers(body: str) -> str | None:
    """The further ISSNs or ISBNs of a list whose first number the identifier reader took
    ("ISSN 1091-6490" of "ISSN 0027-8424, 1091-6490"), kept as a note under their label."""
    m = _FURTHER_NUMBER_RE.search(body) if "    ," in body else None
    if not m:
        return None
    numbers = [n.strip() for n in m.group("list").split(",") if n.strip()]
    label = "ISSN" if all(len(n) == _ISSN_LENGTH for n in numbers) else "ISBN"
    return f"{label} {', '.join(numbers)}"


def _without_carrier_and_dashes(body: str) -> str:
    """The description with the carrier statement ("Текст : непосредственный") dropped and the
    area separator ". – " written ". " (GOST R 7.0.100 and 7.0.5 lists alike)."""
    text = _without_carrier(body)
    if _may_hold_area_dash(text):
        text = _AREA_DASH_RE.sub(". ", text)
    return squeezed(text)


@lru_cache(maxsize=4)
def _without_carrier(body: str) -> str:
    """`body` with its carrier statements blanked, cached (`parse` reads it twice); searched
    only when the text holds what each statement holds (`_CARRIER_HINT_RE`)."""
    return _CARRIER_RE.sub(" ", body) if _CARRIER_HINT_RE.search(body) else body


def _standard(text: str) -> Candidate | None:
    """A standard described under its designation: "ГОСТ Р 7.0.100-2018. Заглавие. М., 2018."."""
    m = _STANDARD_RE.match(text)
    if not m:
        return None
    rest = text[m.end():]
    item: Item = {"type": "standard", "number": m.group("num").strip(),
                  "title": tidy(_first_area(rest)[0])}
    _imprint(rest, item)
    return Candidate("gost", item, 0.8)


def _patent(text: str) -> Candidate | None:
    """A patent: "Пат. 2123456 Российская Федерация, МПК … Заглавие / И. О. Автор ; опубл. …"."""
    m = _PATENT_RE.match(text)
    if not m:
        return None
    item: Item = {"type": "patent", "number": m.group("num").strip(),
                  "jurisdiction": m.group("country").strip()}
    title, _, resp = text[m.end():].partition(" / ")
    item["title"] = tidy(re.sub(r"^[^.]*\.\s*", "",
                                title) if "МПК" in title.split(".")[0] else title)
    if resp:
        # the statement ends at ";" (applicant, holder) — not at the first period, which
        # would cut initials-first names ("В. С. Чугаева") to one letter
        names = parse_responsibility(resp.split(";")[0].strip().rstrip("."))
        item["author"] = [n for n in names.names if "family" in n] or names.names
    if ym := re.search(r"опубл\.\s*(\d{2})\.(\d{2})\.(\d{2,4})", text):
        year = int(ym.group(3))
        year = year + 2000 if year < 50 else (year + 1900 if year < 100 else year)
        item["issued"] = date_parts(year, int(ym.group(2)), int(ym.group(1)))
    return Candidate("gost", item, 0.75)


def _heading(left: str) -> tuple[list[dict], int, bool]:
    """The heading (заголовок): the names before the title, where the description ends them,
    and whether they end with "и др."/"et al."."""
    heading: list[dict] = []
    pos = 0
    while m := _HEADING_RE.match(left[pos:]):
        heading.append({"family": m.group("family"),
                        "given": single_spaced(m.group("given").strip())})
        pos += m.end()
        separator = re.match(r"\s*,\s*", left[pos:]) or _name_without_comma(left[pos:])
        if separator and _HEADING_RE.match(left[pos + separator.end():]):
            pos += separator.end()
        else:
            break
    for name in heading:
        name["given"] = initials_given(name["given"])
    first = None if heading else _INITIALS_FIRST_HEADING_RE.match(left)
    if first and " / " not in left:
        # with a statement of responsibility ("А. С. Пушкин. Очерк / И. И. Иванов"), a name
        # before the title is part of the title
        heading = parse_initials_first_names(first.group("names")).names
        pos = first.end()
    truncated = False
    if heading and (etal := _HEADING_ET_AL_RE.match(left[pos:])):
        truncated = True  # "Васильев В.А. и др. Заглавие …"
        pos += etal.end()
    return heading, pos, truncated


#: the places that open a publication area, each with its state or country and several of
#: them after a comma or a semicolon (GOST R 7.0.100-2018, 4.6.2: "Oxford, UK :", "Amsterdam,
#: London :", "М.; СПб. :", "San Francisco, CA, USA :"), up to the colon before the publisher
_PLACE_LIST = (_PLACE_NAME + r"\.?(?:(?:,\s|\s*;\s*)" + _PLACE_NAME + r"\.?){1,3}\s:\s")
#: the initials that open a publisher named after its founder ("W. H. Freeman", "W. W. Norton &
#: Company"): Latin capitals, each with its period
_PUBLISHER_INITIALS = r"(?:[A-Z]\.\s){0,3}"
#: a publication area without a place, as 7.0.100-2018 prints it after the title with no area
#: dash: a publisher of any words (no period, colon or slash) before its date (". Taylor &
#: Francis, 2002.", ". Oxford University Press, USA, 1989.", ". Microsoft Research, 10.2009."),
#: also a publisher named after a person, its initials first (". W. H. Freeman, 2008.")
_PUBLISHER_AREA = (_PUBLISHER_INITIALS + r"[A-ZА-ЯЁ«\"][^.:;/()\[\]]{1,60}?,\s*(?:\d\d[./])?"
                   r"(?:1[5-9]|20)\d\d\.?(?:\s|$)")
#: where the statement of responsibility ends in a monograph: ". Place :" (also "Amsterdam, New
#: York, Oxford :" and "N. Y. :"), ". Place, 2001", ". 2-е
#: изд.", ". 2001" or a publisher without a place (". Независимая фирма «Класс», 1998.")
_RESPONSIBILITY_END_RE = re.compile(r"\.\s+(?=" + _PLACE_NAME + r"\.?"
                                    r"(?:,\s[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?){0,3}\s*:\s|"
                                    r"(?:[A-Z]\.\s?){2,3}:\s|"
                                    r"[A-ZА-ЯЁ][\w\-]*\.?,\s*\d{4}|\d|"
                                    r"[A-ZА-ЯЁ][\w\-]*(?:\s[\w\-«»\"]+){1,5},\s*(?:1[5-9]|20)\d\d(?:\.|$)|"
                                    + _PLACE_LIST + "|" + _PUBLISHER_AREA + ")")
#: the words of other persons' roles that open a group of the statement (GOST R 7.0.12-2011
#: abbreviations, and the English ones of foreign sources): "пер. с нем.", "сост., коммент. и
#: вступ. ст.", "под общ. ред.", "trans. from the French by", "ed. by"
_ROLE_WORDS = (r"(?:под\s+(?:общ\.\s+|науч\.\s+)?ред(?:\.|акцией)|"
               r"(?:[Оо]бщ|[Нн]ауч|[Оо]тв)\.\s+ред\.|ред\.|"
               r"пер(?:\.|евод)(?:\s+с\s+[а-яё]+\.?)?|перевод\s+сверен|сост\.(?:\s+слов\.)?|"
               r"вступ\.\s+ст\.|предисл\.|послесл\.|коммент\.|комм\.|примеч\.|прим\.|ил\.|"
               r"(?:[Оо]бщая\s+)?редакция(?:\s+переводов)?|[Сс]оставление|вступительная\s+статья|"
               r"(?:eds?|comp|transl?|trans)\.(?:\s+from\s+(?:the\s+)?[A-Z][a-z]+)?(?:\s+by)?|"
               r"edited\s+by|translated\s+(?:from\s+(?:the\s+)?[A-Z][a-z]+\s+)?by|"
               r"with\s+an?\s+(?:forew\.|foreword|preface|introduction)\s+by)")
_ROLE_GROUP_RE = re.compile(rf"^(?P<roles>{_ROLE_WORDS}"
                            rf"(?:(?:\s*,\s*|\s+(?:и|and)\s+){_ROLE_WORDS})*)"
                            r":?\s+(?P<names>\S.*)$")
#: the original's language a translator's role names ("trans. from the French by")
_FROM_LANGUAGE_RE = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z][a-z]+")


def _role_variable(roles: str) -> str:
    """The CSL name variable of a group's role words: translator, editor, compiler, else
    contributor (the first role named decides, as GOST prints the main role first)."""
    first = roles.casefold()
    for words, variable in ((("пер", "trans"), "translator"),
                            (("под", "ред", "ed.", "eds.", "edited", "общ", "науч", "отв"),
                             "editor"),
                            (("сост", "comp."), "compiler")):
        if first.startswith(words):
            return variable
    return "contributor"


def _role_group(group: str, item: Item) -> bool:
    """One group of the statement that names other persons by their role ("пер. с нем. В.
    Куренного, Б. Скуратова"): its names under the role's CSL variable; False when the group
    opens with no role words."""
    m = _ROLE_GROUP_RE.match(group.strip())
    if not m:
        return False
    named = parse_responsibility(m.group("names").strip().rstrip(".")).names
    persons = [n for n in named if "family" in n] or named
    item.setdefault(_role_variable(m.group("roles")), []).extend(persons)
    if language := _FROM_LANGUAGE_RE.search(m.group("roles")):
        item.setdefault("note", f"trans. {language.group()}")  # the original's language
    return True


def _author_in_full(group: str, author: dict) -> bool:
    """A thesis's statement naming its author in full ("/ Доманов Дмитрий Иванович", GOST R
    7.0.100-2018): the heading's person, whose given names it gives."""
    words = group.split()
    if len(words) not in (2, 3) or words[0] != author.get("family"):
        return False
    initials = "".join(w[0] for w in words[1:])
    if initials != re.sub(r"[^\w]", "", author.get("given", "")):
        return False
    author["given"] = " ".join(words[1:])
    return True


def _responsibility(responsibility: str, heading: list[dict], item: Item, *,
                    in_host: bool) -> tuple[list[dict], str, float, bool]:
    """The statement of responsibility after " / ": its persons (they replace a shorter
    heading), the other persons' groups after " ; " or in place of the authors (editors,
    translators, compilers), what follows it in a monograph, the score it earns and whether it
    was cut short."""
    statement = _RESPONSIBILITY_END_RE.split(responsibility)[0]
    groups = statement.split(";")
    resp_main = groups[0]
    if _role_group(resp_main, item):
        resp_main = ""  # "под ред., коммент. А. А. Маркова": every role of the group
    elif em := _EDITOR_RE.match(resp_main.strip()):
        named = parse_responsibility(em.group("names")).names
        item["editor"] = [n for n in named if "family" in n]
        resp_main = ""
    if heading and _author_in_full(resp_main, heading[0]):
        resp_main = ""
    names = parse_responsibility(resp_main)
    read = [_initials_first_person(name) for name in names.names]
    persons = _surnames_alone(read) if names.truncated or any("family" in n for n in read) \
        else []
    authors = persons if persons and (not heading or len(persons) > len(heading)) else heading
    score = 0.15 if persons or names.truncated else 0.0
    if not names.truncated and (collective := _collective_statement(resp_main, names.names,
                                                                    persons)):
        item["credits"] = collective
    explained = len(groups[0])
    for group in groups[1:]:
        if bracketed := re.fullmatch(r"\s*\[(?P<note>[^\[\]]+)\]\s*", group):
            item.setdefault("note", bracketed.group("note"))  # "[Место защиты: …]"
        elif not _role_group(group, item):
            break
        explained += 1 + len(group)
    tail = responsibility[explained:] if not in_host else ""
    return authors, tail, score, names.truncated


#: a person of the statement of responsibility, initials first, whose surname opens with a
#: capital outside A–Z and А–Я ("M. A. Öztürk", "A. Újvári") or runs to several capitalised
#: words ("D. Van Der Spoel"), which the name reader leaves whole
_INITIALS_FIRST_PERSON_RE = re.compile(
    r"(?P<given>(?:[^\W\d_]\.\s?(?:-[^\W\d_]\.\s?)?){1,3})\s*"
    r"(?P<family>(?=[^\W\d_])[^\W\d_a-zа-яё][\w’'\-]*[a-zа-яёß-ÿ][\w’'\-]*"
    r"(?:\s(?=[^\W\d_])[^\W\d_a-zа-яё][\w’'\-]*[a-zа-яёß-ÿ][\w’'\-]*){0,2})")


def _initials_first_person(name: dict) -> dict:
    """A name the reader left as a literal, read as "Initials Surname" when it has that shape
    (GOST R 7.0.100-2018, 4.2.2: the statement names up to three persons initials first)."""
    m = _INITIALS_FIRST_PERSON_RE.fullmatch(name.get("literal", "").strip())
    if not m:
        return name
    return {"family": m.group("family"), "given": single_spaced(m.group("given").strip())}


def _collective_statement(statement: str, names: list[dict], persons: list[dict]) -> str | None:
    """A statement of responsibility that names no person (GOST R 7.0.100-2018, 4.2.2: an
    organisation, "/ Ин-т философии РАН"; not a list cut with "[и др.]", which names persons),
    kept as citefmt's `credits` (a statement of responsibility as the source words it, which the
    GOST styles print after the title)."""
    statement = tidy(statement)
    if persons or not statement or not names or any("literal" not in n for n in names) \
            or re.match(r"[^\W\d_]\.\s?[^\W\d_]", statement):
        return None  # a person the name reader could not read ("J. R. Martı́n-Solı́s")
    return statement if re.search(r"[^\W\d_]{2}", statement) else None


_SURNAME_RE = re.compile(_SURNAME)


def _surnames_alone(names: list[dict]) -> list[dict]:
    """The persons of a statement that names persons (some with initials, or cut with "[и др.]"),
    a name printed as a surname alone ("/ Kuo, C. J. Mundy [и др.]") among them; `names` as
    `_initials_first_person` reads them."""
    persons = []
    for name in names:
        literal = name.get("literal", "")
        if _SURNAME_RE.fullmatch(literal):
            name = {"family": literal}
        if "family" in name:
            persons.append(name)
    return persons


#: "Заглавие : пер. с англ.": the translation note GOST prints as other title information
_TRANSLATED_FROM_RE = re.compile(r"\s+:\s+(?P<note>пер\.\s+с\s+[а-яё]+\.?)\s*$")


def _title_area(title_text: str, item: Item, score: float, *, in_host: bool) -> float:
    """Title proper with what GOST prints inside its area — an edition ("(2-е изд.)"), the
    volume of a multi-volume work ("Т. 3"), a thesis statement ("дис. … канд. мед. наук");
    returns `score` with what they earn."""
    if em := _TITLE_EDITION_RE.search(title_text):
        item["edition"] = em.group("ed") or em.group("ed2")
        title_text = title_text[:em.start()] + title_text[em.end():]
    if not in_host and (vm := _TITLE_VOLUME_RE.search(title_text)):
        item["volume"] = vm.group("v")
        title_text = title_text[:vm.start()]
    if tr := _TRANSLATED_FROM_RE.search(title_text):
        item["note"] = tidy(tr.group("note"))  # "пер. с англ.": the original's language
        title_text = title_text[:tr.start()]
    if tm := _THESIS_RE.search(title_text):
        item["type"] = "thesis"
        item["genre"] = tidy(tm.group("genre"))
        title_text = title_text[:tm.start()]
        score += 0.2
    item["title"] = tidy(title_text)
    if item["title"]:
        score += 0.15
    return score


def _host_area(host: str, item: Item, score: float, first_area: str | None = None) -> float:
    """The source document after "//": its title (and editors), then year and numbers; an
    imprint without volume or issue makes the work a chapter or conference paper.
    `first_area`: the host's first area as the area dash ends it, when the text has one."""
    container, after = _first_area(host)
    first_area = first_area or _statement_first_area(host)
    if first_area and host.startswith(first_area) and (
            len(first_area) < after or not _NUMBERS_AREA_RE.search(first_area)
            or _volume_before_statement(first_area)):
        container, after = tidy(first_area), len(first_area)
    container_title, cslash, container_resp = container.partition(" / ")
    if host.startswith("/"):  # a host described by its editors alone ("// / ed. by …")
        container_title, cslash, container_resp = "", "/", container.lstrip("/ ")
    if cslash and (em := _EDITOR_RE.search(container_resp)):
        item["editor"] = parse_responsibility(em.group("names")).names
    item["container-title"] = tidy(_host_volume(container_title, item) if cslash
                                   else container_title)
    numbers = host[after:]
    serial = _serial_numbers(numbers)
    imprint_read = (serial and first_area is not None and _serial_place(numbers, item)) \
        or _imprint(numbers, item, serial=serial) \
        or (not serial and _host_publisher(numbers, item)) \
        or _place_and_event_dates(numbers, item)
    if imprint_read and not _VOLUME_RE.search(numbers) and not _ISSUE_RE.search(numbers):
        item["type"] = "paper-conference" if _CONFERENCE_RE.search(container) else "chapter"
    else:
        item["type"] = "article-journal"
    if ym := _YEAR_RE.search(numbers):
        item.setdefault("issued", _issue_date(numbers[ym.start("year"):]) or
                        date_parts(ym.group("year")))
    found = _numbers(numbers, item)
    if edn := _EDN_RE.search(numbers):
        item["note"] = edn.group()
    elif note := _CLOSING_NOTE_RE.search(numbers):
        item["note"] = note.group("note").strip()
    elif note_text := _note_area(numbers):
        item["note"] = note_text
    if "container-title" in item and not item["container-title"]:
        del item["container-title"]
    return score + (0.2 + (0.15 if "issued" in item else 0) + 0.1 * min(found, 2))


def _volume_before_statement(area: str) -> bool:
    """The host's first area is its title, the volume closing it and a statement of
    responsibility ("Intermolecular Forces. Т. 3 / под ред. …"): the volume is part of the
    title area (`_host_volume`), not the host's numbers."""
    title, slash, _ = area.partition(" / ")
    return bool(slash and _TITLE_VOLUME_RE.search(title))


def _statement_first_area(host: str) -> str | None:
    """The host's first area where no area dash ends it and it holds a statement of
    responsibility ("Handbook of Polymers / под ред. T. A. Skotheim. CRC Press, Taylor &
    Francis Group, 2007", "Intermolecular Forces. Т. 3 / под ред. A. Wilkins. Dordrecht :
    Reidel, 1981"): the title (with a volume closing it) and the statement, which ends where a
    monograph's statement ends (`_RESPONSIBILITY_END_RE`); None when nothing ends it."""
    title, slash, rest = host.partition(" / ")
    statement = _RESPONSIBILITY_END_RE.split(rest, maxsplit=1)[0] if slash else rest
    if not slash or statement == rest:
        return None
    return f"{title} / {statement}"


def _host_volume(title: str, item: Item) -> str:
    """The host's title without the volume that closes its title area before the statement of
    responsibility ("// Intermolecular Forces. Т. 3 / под ред. …": the volume of a multi-volume
    host, GOST R 7.0.100-2018, is part of the host's title area), kept as the item's volume."""
    m = _TITLE_VOLUME_RE.search(title)
    if not m:
        return title
    item["volume"] = m.group("v")
    return title[:m.start()]


#: a host's publisher with the date of the proceedings and no place: "IEEE, 09.2017",
#: "Springer, 2015", "CRC Press, Taylor & Francis Group, 2007" (a publisher and its group),
#: also after the volume of the proceedings ("Т. 1. IEEE, 07.2007")
_HOST_PUBLISHER_RE = re.compile(r"^[.\s]*(?:(?:Т|Vol)\.\s*\d+\.\s+)?"
                                r"(?P<publisher>[A-ZА-ЯЁ][^.,:;/]{1,60}?"
                                r"(?:,\s[A-ZА-ЯЁ][^.,:;/\d]{1,60}?)?),\s*"
                                r"(?:(?P<month>\d{1,2})[./])?(?P<year>(?:1[5-9]|20)\d\d)\b")


def _serial_numbers(numbers: str) -> bool:
    """The host is a serial: its volume or issue follows the year ("England, 2010. Vol. 27"),
    where the place before the year is all a serial's description gives of its imprint
    (GOST R 7.0.5-2008; biblatex-gost's article prints `location` only), not the
    volume of proceedings before their publisher ("Т. 1. IEEE, 09.2011")."""
    year = _YEAR_RE.search(numbers)
    label = _VOLUME_RE.search(numbers) or _ISSUE_RE.search(numbers)
    return bool(year and label and label.start() > year.start())


#: a serial's place area before its year, whatever the place holds ("Bethesda, MD 20894, 1990",
#: an institution's address as a database export gives it)
_SERIAL_PLACE_RE = re.compile(r"^[\s.]*(?P<place>[^\W\d_][^/]*?),\s*(?:1[5-9]|20)\d\d\.(?=\s|$)")


def _serial_place(numbers: str, item: Item) -> bool:
    """The place of a serial read whole up to its year, where the description's area dashes
    delimit the area (GOST R 7.0.5-2008): "// J. Mol. Biol. — Bethesda, MD 20894, 1990. —
    Т. 215"."""
    if m := _SERIAL_PLACE_RE.match(numbers):
        item["publisher-place"] = tidy(m.group("place"))
        return True
    return False


#: the proceedings' place with the conference's dates in place of a year (`_EVENT_DATES`)
_PLACE_EVENT_DATES_RE = re.compile(r"^[.\s]*(?P<place>[A-ZА-ЯЁ][\w\-]*),\s" + _EVENT_DATES)


def _place_and_event_dates(numbers: str, item: Item) -> bool:
    """The place of proceedings and the dates of their conference after the host's title
    ("… Conference. Zhukovsky, 11–14 October 2021. С. 65—66."): the place, and the year as
    the date of the proceedings."""
    m = _PLACE_EVENT_DATES_RE.match(numbers)
    if not m or not MONTHS.get(m.group("event_month").casefold()):
        return False
    item["publisher-place"] = m.group("place")
    item["issued"] = date_parts(m.group("event_year"))
    return True


def _host_publisher(numbers: str, item: Item) -> bool:
    """The publisher (and date) right after a host's title, when it is no place."""
    m = _HOST_PUBLISHER_RE.match(numbers)
    if not m or is_place(m.group("publisher")) or "publisher" in item:
        return False
    item["publisher"] = tidy(m.group("publisher"))
    item["issued"] = _month_year(m.group("year"), m.group("month"))
    return True


def _month_year(year: str, month: str | None) -> Item:
    """`issued` from an imprint's year and the month printed before it ("05/2014", "08.2009")."""
    number = int(month) if month else None
    return date_parts(year, number if number and number <= 12 else None)


#: the last element of a host's number areas: its year, volume, issue, pages or article number
_LAST_NUMBER_RES = (_YEAR_RE, _VOLUME_RE, _ISSUE_RE, _UNLABELLED_ISSUE_RE, _PAGES_RE,
                    _ARTICLE_NO_RE)
_DOI_LEFT_RE = re.compile(r"\b10\.\d{4,9}/")
#: what is left of an area once the identifiers are blanked: separators and a bare label
_EMPTY_AREA_RE = re.compile(r"^(?:[\s.,;:–—-]|(?:URL|DOI|ISSN|ISBN|PMID|pmid)\s*:?)*$")


def _note_area(numbers: str) -> str | None:
    """The note area closing an article's description after its numbers (GOST R 7.0.5-2008
    and 7.0.100-2018: notes come last, after the numbers and the series), such as "IF WoS
    6.908 (1,2/1,0)", "JSTOR: 2215789", "; Proceedings of the 18th International
    Conference …" or what a link the identifier reader could not take leaves ("URL:
    citeulike-article-id:6350274"); None
    when nothing but separators and blanked identifiers follows the numbers, or a DOI the
    identifier reader could not take does."""
    end = 0
    for pattern in _LAST_NUMBER_RES:
        for m in pattern.finditer(numbers):
            end = max(end, m.end())
    if not end:
        return None
    if bare := _BARE_ARTICLE_NO_RE.search(numbers):
        end = max(end, bare.end("p"))
    rest = numbers[end:]
    if _EMPTY_AREA_RE.match(rest) or _DOI_LEFT_RE.search(rest):
        return None  # a DOI the identifier reader left ("10.33029/ 2308-…") is no note
    note = single_spaced(rest).strip(" .,;:–—-")
    return note if re.search(r"[^\W\d_]", note) else None


#: an article number (or a page range with a letter) printed as its own area after the volume
#: and issue, without a label: "Vol. 4. e06845.", "Т. 7, № 9. a025064.", "Vol. 108, no. 2. 72a.",
#: "Т. 136, 2A. A405—A411.", "Т. 415, 1, Supplement. S841—S844." (an issue of a number and its
#: words), "Т. 87, № 11. 11E602.", "Vol. 4, no. 3. 344–356.e7.", a publisher's
#: own locator ("Vol. 2008. pdb.prot5113.", "Т. 36. MCB.00200—16.")
_BARE_ARTICLE_NO_RE = re.compile(r"(?:\b(?:Т|Vol|V)\.\s*[\w\-–]+(?:,\s*[^.,]{1,20}){0,2}|"
                                 r"(?:№|[Nn]o\.)\s*[\w\-–/]+)\.\s+"
                                 r"(?P<p>[A-Za-z]{1,4}\d+(?:\s?[–—-]\s?[A-Za-z]{0,3}\d+)?|"
                                 r"\d+[a-z]|\d+[A-Z]\d+|\d+[–—-]\d+\.e\d+|"
                                 r"(?P<own>[A-Za-z]{2,4}\.[A-Za-z]*\d[\w.]*(?:[–—-][\w.]*\d+)?))"
                                 r"\.(?:\s|$)")


#: the date of an issue after its year, as biblatex-gost prints it: "2015. Июль", "2017. 30 окт.",
#: "2018. Dec. 13"
_ISSUE_DATE_RE = re.compile(r"(?P<year>\d{4})\.\s+(?:(?P<d1>\d{1,2})\s+)?"
                            r"(?P<month>[^\W\d_]{3,9})\.?(?:\s+(?P<d2>\d{1,2}))?(?=[.,]|$)")


def _issue_date(text: str) -> Item | None:
    """`issued` with month (and day) when the year is followed by an issue date."""
    m = _ISSUE_DATE_RE.match(text)
    month = MONTHS.get(m.group("month").casefold()) or MONTHS.get(
        m.group("month")[:3].casefold()) if m else None
    if not m or not month:
        return None
    day = m.group("d1") or m.group("d2")
    return date_parts(m.group("year"), month, int(day)) if day else date_parts(
        m.group("year"), month)


def _book_imprint_area(tail: str, item: Item, score: float, *, has_authors: bool,
                       body: str) -> float:
    """A monograph's edition, publication area ("М. : Наука, 2006") and extent ("215 с."); an
    undated, imprint-less title is a web page when the text has a URL or an access date."""
    item.setdefault("type", "book")
    if series := _SERIES_RE.search(tail):
        item["collection-title"] = tidy(series.group("series"))
        if series.group("number"):
            item["collection-number"] = series.group("number")
        tail = tail[:series.start()] + tail[series.end():]
    imprint_found = _imprint(tail, item) or _publisher_year(tail, item)
    if em := _EDITION_RE.search(tail):
        item["edition"] = em.group("ed") or em.group("ed_en")
    elif edition := _edition_in_words(tail):
        item["edition"] = edition
    if "issued" not in item and (ym := _YEAR_RE.search(tail)):
        item["issued"] = _issue_date(tail[ym.start("year"):]) or date_parts(ym.group("year"))
    found = _numbers(tail, item)
    score += 0.2 * bool(imprint_found) + 0.1 * ("issued" in item) + 0.05 * found
    date_only = not imprint_found and _date_area_only(tail)
    if has_authors and date_only and item["title"] and not _TITLE_NUMBERS_RE.search(item["title"]):
        score += 0.2
    if not has_authors and imprint_found and item["title"]:
        # a work described under its title (no author heading) is complete without one
        score += 0.2
    if item["type"] == "book" and not imprint_found and ("issued" not in item or date_only):
        # undated and without imprint, or dated only: online when it has an address
        item["type"] = "webpage" if "URL" in body or "дата обращения" in body else "book"
    return score


#: a date area alone: the year, and the day and month GOST R 7.0.100-2018 prints for an
#: electronic resource or an unpublished work ("2013. Jan. 10", "1999. 16 июля"), a year the
#: cataloguer established in square brackets ("[2000]")
_DATE_AREA_RE = re.compile(r"[\s.,;–—-]*\[?(?:1[5-9]|20)\d\d\]?"
                           r"(?:\.\s+(?:\d{1,2}\s+)?[^\W\d_]{3,9}\.?"
                           r"(?:\s+\d{1,2})?)?(?:[\s.,;:–—-]|URL|DOI)*")


#: numbers a title area never holds: a volume, issue or page label with its number ("v. 32",
#: "p. 435") or an imprint's year (", 2011."): a title read with them has swallowed other areas
_TITLE_NUMBERS_RE = re.compile(r"(?:^|[\s,])(?:[VvPpNnТС]|[Pp]p|Vol|No)\.\s*\d|"
                               r",\s*(?:1[5-9]|20)\d\d\.")


def _date_area_only(tail: str) -> bool:
    """The description after the title holds only its date (and the identifiers, blanked): a
    work without a publication area, such as an article read online or a preprint, read whole
    ("Иванов И. И. Заглавие. — 2010. — DOI: …")."""
    return bool(_DATE_AREA_RE.fullmatch(tail))


#: the series area closing a monograph's description: "(Springer Tracts in Advanced Robotics ;
#: v. 73)", "(Мыслители XX века)"
_SERIES_RE = re.compile(r"(?:^|\.\s+)\((?P<series>[^()]{3,}?)(?:\s*;\s*(?:[Vv]ol\.|[Vv]olume|"
                        r"[Vv]\.|[Вв]ып\.|[Тт]\.|№)?\s*(?P<number>[\w\-–]+))?\)\.?(?=\s|$)")
#: an imprint without a place: "World Scientific, 2001", "Издательство Московского Университета,
#: 2005", "W. H. Freeman, 2008"
_PUBLISHER_YEAR_RE = re.compile(r"(?:^|\.\s+)(?P<publisher>" + _PUBLISHER_INITIALS +
                                r"[A-ZА-ЯЁ«\"][^.:;/]{1,80}?),\s*"
                                r"(?P<year>(?:1[5-9]|20)\d\d)\b")


def _publisher_year(text: str, item: Item) -> bool:
    """A publisher and year without a place, as biblatex-gost prints a record with no
    location; a city read there is a place ("Пермь, 1963" stays a place)."""
    m = _PUBLISHER_YEAR_RE.search(text)
    if not m or is_place(m.group("publisher")):
        return False
    item["publisher"] = tidy(m.group("publisher"))
    item["issued"] = date_parts(m.group("year"))
    return True


def _name_without_comma(text: str) -> re.Match[str] | None:
    """The space between two names of a list that lost a comma ("Ахмедов О.Р. Шомуротов Ш.А., …"):
    only when the next name is itself followed by a comma, so a title is never read as a name."""
    space = re.match(r"\s+", text)
    name = _HEADING_RE.match(text[space.end():]) if space else None
    if space and name and text[space.end() + name.end():].lstrip().startswith(","):
        return space
    return None


#: the area separator of GOST R 7.0.5-2008 as a period, "?" or "!" closes the area before it:
#: a dash inside a title ("Badiou's Mistake — Two Postulates") has none
_CLOSED_AREA_DASH_RE = re.compile(r"(?<=[.?!])\s+[–—]\s+(?=\S)")


def _dashed_title_end(body: str) -> int | None:
    """Where the first area ends in the description's text (`_without_carrier_and_dashes`)
    when the description separates its areas with ". — ": a monograph's title area ends
    there, whatever it holds ("Пещеры урала. — Физкультура и спорт. — 1971." has no place
    to tell the publisher from the title by)."""
    carrierless = _without_carrier(body)
    m = _CLOSED_AREA_DASH_RE.search(carrierless)
    if not m:
        return None
    return len(" ".join(carrierless[:m.start()].split())) - 1


#: an edition statement in the words of the source's language (GOST R 7.0.100-2018, 4.3: the
#: edition area is given as the source words it): "First edition", "3rd Edition", "Elfte,
#: unveränderte Auflage", or the ordinal alone ("4th."); the ordinal, up to three words that
#: qualify the edition, the abbreviation "ed" and the words after it ("2d rev. ed.", "3rd
#: Millennium ed, rev. and expanded")
_EDITION_WORDS = (r"(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)(?:,\s[a-zä-ü]+)?\s+(?:[Ee]dition|Auflage)\b|"
                  r"\d+(?:st|nd|rd|th)\.(?:\s|$)|"
                  r"\d+(?:st|nd|rd|th|d)\s(?:[A-Za-z]+\.?\s){0,3}ed\b(?:,?\s[a-z]+\.?)*")
#: the edition area opening what follows a title, worded (`_EDITION_WORDS`)
_EDITION_AREA_RE = re.compile(rf"^[.\s]*(?P<ed>{_EDITION_WORDS})")


def _edition_in_words(tail: str) -> str | None:
    """The edition area opening what follows a monograph's title, worded as the source words it
    ("First edition", "Elfte, unveränderte Auflage"); an ordinal's number alone ("4th" → "4",
    "3rd Edition" → "3"), as CSL's `edition` holds a numbered edition, but a statement that
    qualifies the edition further whole ("2d rev. ed", "3rd Millennium ed, rev. and expanded")."""
    m = _EDITION_AREA_RE.match(tail)
    if not m:
        return None
    statement = m.group("ed").strip(" .")
    number = re.match(r"\d+(?=st|nd|rd|th|d\b)", statement)
    return number.group() if number and len(statement.split()) <= 2 else statement


#: a word after two initials is the surname of a person the title names ("Творческая история
#: «Записок охотника» И. С. Тургенева : автореф. дис. …"), not a place opening the publication
#: area: checked at the start of the word, looking back past the period and space that end
#: the initials
_NOT_AFTER_INITIALS = r"(?<![A-ZА-ЯЁ]\.\s[A-ZА-ЯЁ]\.\s)"
#: the period that ends a monograph's title: before its edition ("2-е изд.", "3rd ed.", "First
#: edition"), its imprint (a place and its colon or year, not a surname after initials,
#: `_PLACE_LIST`, `_PUBLISHER_AREA`) or its date alone ("2001", "[1998]")
_BOOK_TITLE_END_RE = re.compile(
    r"\.\s+(?=\d+(?:-?е)?\s*изд\.|\d+(?:st|nd|rd|th)\s+ed\.|" + _EDITION_WORDS + "|"
    + _NOT_AFTER_INITIALS + _PLACE_NAME + r"\.?\s*(?::|,\s*\d{4})|"
    r"[A-ZА-ЯЁ][\w\-]*(?:\s[\w\-]+){1,5},\s*(?:1[5-9]|20)\d\d\.?(?:\s|$)|"
    + _PLACE_LIST + "|" + _PUBLISHER_AREA + r")|"
    r"\.\s+(?=\[?(?:1[6-9]|20)\d\d\b)")


def _split_book_title(text: str) -> tuple[str, int]:
    """Title (with ": other info") of a monograph ends where the edition or imprint begins."""
    m = _BOOK_TITLE_END_RE.search(text)
    if not m:
        return text, len(text)
    return text[:m.start()], m.start()


def _publisher_not_place(name: str) -> bool:
    """A name before ", 2001" that is a publisher: in Latin script or of two words or more, no
    abbreviation ("М.", "N. Y."), and no place GeoNames knows ("World Scientific", "Polity";
    not "Berlin", "Пермь")."""
    name = name.strip()
    if name.endswith(".") or is_place(name) or any(is_place(part) for part in name.split(",")):
        return False  # "Boston MA, USA": a part is a place (the country)
    return bool(re.search(r"[A-Za-z]", name)) or " " in name


def _imprint(text: str, item: Item, *, serial: bool = False) -> bool:
    """"М. : Наука, 2006" / "М., 2002" / "София : Стоян Атанасов." → place, publisher, year; in a
    serial's description a name before the year is its place (`_serial_numbers`)."""
    if m := _PLACE_PUB_RE.search(text):
        item["publisher-place"] = m.group("place").strip()
        item["publisher"] = tidy(m.group("publisher"))
        item["issued"] = _month_year(m.group("year"), m.group("month"))
        return True
    if (m := _PLACE_YEAR_RE.search(text)) and m.group("place") not in {"Т.", "Vol.", "С.", "P."}:
        if not serial and _publisher_not_place(m.group("place")):
            return _publisher_year(text, item)
        item["publisher-place"] = m.group("place").strip()
        item["issued"] = date_parts(m.group("year"))
        return True
    if m := _PLACE_PUB_UNDATED_RE.search(text):
        item["publisher-place"] = m.group("place").strip()
        item["publisher"] = tidy(m.group("publisher"))
        return True
    return False
