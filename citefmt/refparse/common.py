"""Pieces every grammar shares: identifiers pulled out of the text, dates, pages, language, tidying.

Grammars work on a "blanked" copy of the reference: recognised spans (URLs, DOIs, PMIDs, access
dates) are overwritten with spaces of the same length, so positions still match the repaired text
and diagnostics keep their columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from citefmt import identifiers
from citefmt.dates import MONTHS
from citefmt.model import Item


@dataclass
class Extracted:
    """Identifiers and access data found anywhere in a reference, and the text without them."""

    body: str
    fields: Item = field(default_factory=dict)


def blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _month_number(word: str) -> int | None:
    """"Jan", "January", "янв.", "января" → 1: the first three letters name the month."""
    return MONTHS.get(word[:3].lower())


def parse_date_words(text: str) -> list[int] | None:
    """"2024 Jan 5", "5 Jan 2024", "January 5, 2024", "05.01.2024", "2024-01-05" → [y, m, d]."""
    s = text.strip().rstrip(".")
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        return [int(m.group(3)), int(m.group(2)), int(m.group(1))]
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        return [int(m.group(1)), int(m.group(2)), int(m.group(3))]
    m = re.fullmatch(r"(\d{4})\s+([A-Za-zА-Яа-я]+)\.?(?:\s+(\d{1,2}))?", s)
    if m and _month_number(m.group(2)):
        parts = [int(m.group(1)), _month_number(m.group(2)) or 0]
        return [*parts, int(m.group(3))] if m.group(3) else parts
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-zА-Яа-я]+)\.?,?\s+(\d{4})", s)
    if m and _month_number(m.group(2)):
        return [int(m.group(3)), _month_number(m.group(2)) or 0, int(m.group(1))]
    m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", s)
    if m and _month_number(m.group(1)):
        return [int(m.group(3)), _month_number(m.group(1)) or 0, int(m.group(2))]
    m = re.fullmatch(r"(\d{4})", s)
    if m:
        return [int(m.group(1))]
    return None


_ACCESS_RES = (
    re.compile(r"\(\s*дата (?:обращения|доступа|обр\.)\s*:?\s*(?P<date>[\d.]+)\s*\)\.?", re.I),
    re.compile(r"\[\s*(?:updated [^;\]]*;\s*)?cited\s+(?P<date>[^\]]+)\]\.?", re.I),
    re.compile(r"\[\s*viewed\s+(?P<date>[^\]]+)\]\.?", re.I),  # BS ISO 690 / Harvard
    re.compile(r"\(?\b(?:[Aa]ccessed|[Ll]ast access(?:ed)?)(?: on)?:?\s+"
               r"(?P<date>(?:\d{1,2}\s+)?[A-Za-z]+\.?\s+\d{1,2}?,?\s*\d{4}|"
               r"\d{4}\s+[A-Za-z]+\.?\s+\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\)?\.?"),
    # biblatex's English access note, its date month first: "(visited on 04/27/2021)"
    re.compile(r"\(\s*visited on\s+(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*\)\.?", re.I),
)
_LABELLED_RES = (
    ("PMCID", re.compile(r"\b(?:PubMed\s+Central\s+)?PMCID\s*:?\s*(PMC\d+)\s*[.;]?", re.I)),
    ("PMID", re.compile(r"\b(?:PubMed\s+)?PMID\s*:?\s*(\d{1,8})\b\s*[.;]?", re.I)),
    ("PMCID", re.compile(r"\b(?:PubMed Central\s+)?(PMC\d+)\b\.?")),
    # the first ISBN is the item's; further ones printed after it (biblatex prints every ISBN
    # of the `isbn` field: "ISBN 978-3-642-20143-1 978-3-642-20144-8") go with it
    ("ISBN", re.compile(r"\bISBN(?:-1[03])?\s*:?\s*([0-9][0-9\-‐–— ]{8,16}[0-9Xx])\b"
                        r"(?:[\s,]+97[89][0-9\-‐–—]{7,14}[0-9Xx]\b)*\.?")),
    ("ISSN", re.compile(r"\b(?:e-?)?ISSN\s*:?\s*(\d{4}-?\d{3}[\dXx])\b\.?", re.I)),
)
#: NBR 6023 / Spanish access statements: "Acesso em: 28 out. 2023", "(acesso em 13-IX-2021)",
#: "Consultado el 5 de mayo de 2020"
_ACCESS_STATEMENT_RE = re.compile(r"\(?\b(?:Acesso|Acessado|Consultado|Accedido)\s+(?:em|en|el)"
                                  r"\s*:?\s*(?P<date>[^()]{0,30}?\d{4})\)?\.?", re.I)
_DOI_LABEL_RE = re.compile(r"(?:\bDOI|\bdoi)\s*:?\s*(?=10\.)|"
                           r"(?:https?://)?(?:dx\.\s?)?doi\.org/(?=10\.)", re.I)
_URL_LABEL_RE = re.compile(r"(?:\bAvailable (?:from|at)|\bURL|\bЭлектронный ресурс\.?\s*URL|"
                           r"\bRetrieved from|\bDisponível em|\bDisponible en)\s*:?\s*<?\s*$",
                           re.I)

#: "doi" in any case `_DOI_LABEL_RE` (case-blind) reads it in ("ı" and "İ" are an "i" to it)
_DOI_WORD_RE = re.compile("[dD][oO][iIıİ]")
#: the most characters a DOI label has before its "doi": "https://dx. "
_BEFORE_DOI_WORD = 12


def _doi_labels(body: str) -> Iterator[re.Match[str]]:
    """`_DOI_LABEL_RE.finditer(body)`, each search started at most `_BEFORE_DOI_WORD` characters
    before the next "doi" (every label holds one): the case-blind search is slow on the text
    before it, and text without "doi" is not searched at all
    (tests/refparse/test_throughput_gates.py)."""
    after = 0
    while (word := _DOI_WORD_RE.search(body, after)) is not None:
        label = _DOI_LABEL_RE.search(body, max(word.start() - _BEFORE_DOI_WORD, after))
        if label is None:
            return
        yield label
        after = label.end()


#: where the next element of a PDF-extracted reference begins, glued to the DOI before it: a comma
#: (",arXiv :hep-ph/0502182", ",hep -th/0603001"), an e-print in brackets
#: ("[arXiv:1309.3610[hep -th]]", "[hep-th/9906022]"), a label after the closing period
#: (".URLhttps : //doi.org/…"), a language note ("(in Korean with English abstract)")
_DOI_GLUED_TAIL_RE = re.compile(
    r",|\[(?=arXiv|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7}|\d{4}\.\d{4,5})"
    r"|\.(?=URL|PMID|PMCID|ISSN|ISBN|Available|https?:)|\((?=in(?![\dA-Z]))")


#: a new-style arXiv identifier printed bare as a reference's last element, after a comma, period
#: or semicolon ("Phys. Rev. D92, 074504 (2015), 1503.03649", "…, 0706.0312 [hep-ph]."): YYMM,
#: a period and four or five digits (the scheme began in April 2007, so the year is 07 or later
#: and the month 01-12), perhaps a version and the subject class in brackets. Not a page or an
#: issue: no journal numbers its pages or issues so.
_BARE_ARXIV_END_RE = re.compile(
    r"[,.;]\s*((?:0[7-9]|[1-9]\d)(?:0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?)"
    r"(?:\s*\[\s*[a-z]+(?:\s*-\s*[a-z]+)?(?:\s*\.\s*[A-Z]{2})?\s*\])?\s*\.?\s*$")
#: how far from a reference's end the bare identifier is searched for (its longest form is 40)
_BARE_ARXIV_TAIL = 48
#: a run of digits: the bare identifier is set aside only after a reference with locators of its
#: own (volume, page and year: three runs), so a preprint cited by names, year and number alone
#: keeps its number where the grammars read it
_DIGIT_RUN_RE = re.compile(r"\d+")


def _without_glued_tail(doi: str) -> str:
    """The DOI without what PDF extraction glued to it (`_DOI_GLUED_TAIL_RE`); a DOI's own
    brackets ("…(2000)081[2714:DHSATD]2.0.CO;2") stay."""
    tail = _DOI_GLUED_TAIL_RE.search(doi)
    return identifiers.clean_doi(doi[:tail.start()]) or doi if tail else doi


def extract_identifiers(text: str) -> Extracted:
    """Pull DOI, PMID, PMCID, ISBN, ISSN, arXiv, URL and access date out of `text` (blanking
    them)."""
    fields: Item = {}
    body = text
    folded = text.casefold()  # each search below runs only if its key word is printed at all
    for access_re, words in zip(_ACCESS_RES, (("обращения", "доступа", "дата обр"), ("cited",),
                                              ("viewed",), ("accessed", "last access"),
                                              ("visited",)),
                                strict=True):
        for access in access_re.finditer(body) if any(w in folded for w in words) else ():
            printed = access.group("date")
            if printed.count("/") == 2:  # "04/27/2021": month/day/year
                month, day, year = printed.split("/")
                printed = f"{day}.{month}.{year}"
            date = parse_date_words(printed)
            if date and "accessed" not in fields:
                fields["accessed"] = {"date-parts": [date]}
                body = blank(body, access.start(), access.end())
    statement_words = ("aces", "consultado", "accedido")
    for access in _ACCESS_STATEMENT_RE.finditer(body) if any(
            w in folded for w in statement_words) else ():
        if "accessed" in fields or "note" in fields:
            break
        date = parse_date_words(re.sub(r"[/-]", ".", access.group("date")))
        if date:
            fields["accessed"] = {"date-parts": [date]}
        else:  # a month name this table does not know: the statement is kept as printed
            fields["note"] = access.group(0).strip(" ().")
        body = blank(body, access.start(), access.end())
    for doi_label in _doi_labels(body) if "10." in body else ():
        after_label = doi_label.end()
        doi_found = identifiers.find_dois(body[after_label:after_label + 300])
        if doi_found and doi_found[0].start == 0:
            value = _without_glued_tail(doi_found[0].value)
            end = after_label + len(value)
            fields.setdefault("DOI", value)
            end = end + 1 if body[end:end + 1] == "." else end
            body = blank(body, doi_label.start(), end)
    for doi in identifiers.find_dois(body) if "10." in body else ():
        value = _without_glued_tail(doi.value)
        fields.setdefault("DOI", value)
        body = blank(body, doi.start, doi.start + len(value))
    for (key, labelled_re), word in zip(_LABELLED_RES, ("pmc", "pmid", "pmc", "isbn", "issn"),
                                        strict=True):
        for labelled in labelled_re.finditer(body) if word in folded else ():
            value = labelled.group(1).strip()
            if key == "ISSN":
                value = identifiers.normalize_issn(value) or value
            fields.setdefault(key, value)
            body = blank(body, labelled.start(), labelled.end())
    for arxiv in identifiers.find_arxiv_ids(body) if "arxiv" in folded else ():
        fields.setdefault("number", "arXiv:" + arxiv.value)
    bare_arxiv = _BARE_ARXIV_END_RE.search(body, max(0, len(body) - _BARE_ARXIV_TAIL))
    if bare_arxiv is not None and len(_DIGIT_RUN_RE.findall(body, 0, bare_arxiv.start())) >= 3:
        fields.setdefault("number", "arXiv:" + bare_arxiv.group(1))
        body = blank(body, bare_arxiv.start() + 1, len(body))
    for url in identifiers.find_urls(body) if "://" in body else ():
        year = _URL_THEN_YEAR_RE.search(url.value)
        fields.setdefault("URL", url.value[:year.start()] if year else url.value)
        start = url.start
        label = _URL_LABEL_RE.search(body[:start])
        if label:
            start = label.start()
        end = url.start + year.start() if year else \
            url.end + (1 if body[url.end:url.end + 1] == "." else 0)
        body = blank(body, start, end)
    return Extracted(body, fields)


#: the reference's year in parentheses glued to the URL before it ("…/documentation(2013).",
#: "…/1604.01641(2016"): the year is not part of the URL (a page named after a year,
#: "…/Her_(2013)", has the parenthesis after an underscore)
_URL_THEN_YEAR_RE = re.compile(r"(?<![_/])\((?:1[5-9]|20)\d\d\)?$")


def year_out_of_url(item: Item) -> None:
    """"https://arxiv.org/abs/1604.01641(2016": the year a reading left glued to the end of the
    URL is the reference's date (when none was read), not part of the URL."""
    url = item.get("URL")
    if not isinstance(url, str) or not url.endswith(tuple("0123456789)")):
        return
    found = _URL_THEN_YEAR_RE.search(url)
    if found:
        item["URL"] = url[:found.start()]
        item.setdefault("issued", date_parts(found.group().strip("()")))


#: an issue that journals designate by words rather than a number: a season ("Vol. 49, Summer")
#: or a thematic issue ("Vol. 42, Database issue"); the GOST grammar reads it after the volume
#: and the plausibility checks accept it as an issue (both add supplements and parts)
ISSUE_WORDS = r"(?:Spring|Summer|Autumn|Fall|Winter|(?:Database|Web\sServer)\sissue)"
#: a run of white space
WHITE_SPACE_RE = re.compile(r"\s+")
#: a final period that belongs to an initial or an abbreviation, so tidying keeps it
_KEPT_FINAL_PERIOD_RE = re.compile(r"(?:\b[A-ZА-ЯЁ]|\bet al|\bed|\bизд|\bс|\bp|\bvs|\bInc|\bLtd|"
                                   r"\bCo)\.$")


def single_spaced(text: str) -> str:
    """Every run of white space one space. Text with no two spaces in a row whose every
    character is printable is returned as it is without the search: every white-space character
    but the space is non-printable (Unicode "Other" or "Separator")."""
    if "  " not in text and text.isprintable():
        return text
    return WHITE_SPACE_RE.sub(" ", text)


@lru_cache(maxsize=256)
def squeezed(body: str) -> str:
    r"""The text with every run of white space one space, trimmed — cached: most grammars start
    from this form of the same body (`re.sub(r"\s+", " ", body).strip()`, computed once)."""
    return single_spaced(body).strip()


def without_final_marks(text: str, marks: str = ".") -> str:
    """The text without the white space and `marks` that end it, however they alternate ("Roe
    et al. ] " → "Roe et al"): the gates that look at a text's last word before a costly search
    (tests/refparse/test_throughput_gates.py) read it here."""
    core = text
    while (stripped := core.rstrip().rstrip(marks)) != core:
        core = stripped
    return core


@lru_cache(maxsize=8192)
def tidy(segment: str) -> str:
    """Collapse spaces and trim separators a field never ends or starts with (cached: the same
    segments recur between grammars and readings)."""
    s = single_spaced(segment).strip()
    s = s.strip(" ,;:/")
    if s.endswith(".") and not _KEPT_FINAL_PERIOD_RE.search(s):
        s = s[:-1].rstrip()
    return s


def strip_final_period(s: str) -> str:
    s = s.strip()
    return s[:-1].rstrip() if s.endswith(".") else s


def normalise_page(page: str) -> str:
    """Page field form: ranges use "-" (CSL-JSON convention; styles choose the dash), no spaces.
    The non-breaking hyphen U+2011 and U+2010 that journal sites print ("88‑97") are dashes too."""
    return re.sub(r"\s*[–—‒‑‐-]\s*", "-", page.strip())


def date_parts(year: str | int, month: int | None = None, day: int | None = None) -> dict:
    parts = [int(year)]
    if month:
        parts.append(month)
        if day:
            parts.append(day)
    return {"date-parts": [parts]}


def month_day(text: str | None) -> tuple[int | None, int | None]:
    """"Jan 25" / "Jan" / "Jan-Feb" → (1, 25) / (1, None) / (1, None)."""
    if not text:
        return None, None
    m = re.match(r"([A-Za-zА-Яа-я]+)\.?(?:\s+(\d{1,2}))?", text.strip())
    if not m or not _month_number(m.group(1)):
        return None, None
    return _month_number(m.group(1)), int(m.group(2)) if m.group(2) else None



#: ISO 4 (LTWA) abbreviations that journal titles in NLM/AMA lists are made of, and the Russian
#: ones (ГОСТ Р 7.0.12); a title holding one of them is printed abbreviated
TITLE_ABBREVIATIONS = frozenset("""
acad adv aesthet agric am anal anat ann annu anesth anesthesiol antimicrob appl arch assoc bacteriol
behav biochem bioeng biol biomater biomed biophys biotechnol br bras bull can cancer cardiol
cardiovasc cell chem chir clin commun comp comput conf contemp crit curr dermatol dev diabetol diagn
dis drug ecol econ educ electrochem emerg endocr endocrinol eng engl environ epidemiol eur evid exp
fam fed fr front fundam gastroenterol gastrointest gen genet geriatr glob gynecol health hematol
hepatol hist hosp hum hyg immunol infect inf inst int intern invest j jpn lab lett macromol manag
mater math mech med metab methodol microbiol mol nanobiotechnol nanomed nat natl nephrol neurobiol
neurol neurosci nucl nutr obstet oncol ophthalmol opin orthop otolaryngol paediatr pathol pediatr
pharm pharmacol pharmacother philos phys physiol plast pract prev proc prog psychiatr psychiatry
psychol publ q radiol reconstr regen rehabil rep reprod res resp respir rev rheumatol sci semin soc
stat surg syst technol ther transl transplant trop univ urol vasc vet virol zool
акад вестн вопр журн изв мед науч физиол хир экон эксперим клин биол пробл практ
""".split())


def is_abbreviated_title(title: str) -> bool:
    """True when a journal title is printed in its abbreviated form ("J Biol Chem", "Вопр. онкол."),
    false for a full title ("Biomolecules", "Nano Today", "Хирургия")."""
    words = re.findall(r"[^\W\d_]+\.?", re.sub(r"\([^)]*\)", " ", title))
    for index, word in enumerate(words):
        bare = word.rstrip(".")
        if bare.casefold() in TITLE_ABBREVIATIONS:
            return True
        if word.endswith(".") and index < len(words) - 1 and len(bare) >= 2:
            # "J. Biol. Chem.": an abbreviation dot inside the title ("И. И." are initials)
            return True
        if len(bare) >= 2 and bare.isupper() and len(words) <= 3:
            return True  # "JAMA", "BMJ", "PLoS" style acronyms
    return False


#: ISO 690's medium designator after a title: "Title [online]", "[en línea]", "[em linha]"
_MEDIUM_RE = re.compile(r"\s*\[\s*(?:online|on-line|en línea|em linha|electronic resource)\s*\]$",
                        re.I)


def without_medium_designator(item: Item) -> Item:
    """The item with "[online]" taken off its title and container title and kept as `medium`:
    the designator says how the work is published, it is not part of its name."""
    out = dict(item)
    for key in ("title", "container-title"):
        value = out.get(key)
        if isinstance(value, str) and value.endswith(("]", "]\n")) \
                and (m := _MEDIUM_RE.search(value)) and m.start() > 0:  # "]" ends every match
            out[key] = value[:m.start()]
            out.setdefault("medium", "online")
    return out
