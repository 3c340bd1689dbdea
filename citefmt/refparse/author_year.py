"""Author–year references with a bare year after the authors, as Slavic (Bulgarian, Russian,
Serbian) humanities lists and some Harvard variants print them:

    Коцева, Елена, Асен Атанасов. 1993. Заглавие. В: Михаил Бъчваров (ред.), Сборник. 214-241.
        София: БАН.
    Грановеттер М. 2004. Заглавие. В сб.: Радаев В. В. (сост. и науч. ред.). Сборник.
        М.:РОССПЭН; 131-158.
    Анчев, Панко. 1975. Заглавие. Литературна мисъл, 20 (4). 148 – 151.
    Радаев В. В. 2009. Заглавие. Ведомости. 180 (2450). 24 сентября: 4.      (a newspaper's day)
    Левченко M. 1956. Очерки по истории … отношений. Москва: Издательство Академии наук СССР.

The year may carry a letter that tells one author's works of a year apart ("2009h", "2015б").
The host is read from its end: page range, "Place: Publisher[, year]" or a lone place, in any
order; what is left is the host's title. A journal block ("Journal, 20 (4). 148 – 151.") is
found at the end of the string, so a review's title that quotes the reviewed book ("Яко
Молхов. Критически хроники. С., 1975.") stays whole.
"""

from __future__ import annotations

import re

from citefmt.dates import MONTHS
from citefmt.model import Item
from citefmt.refparse.candidate import Candidate, sentences
from citefmt.refparse.common import date_parts, normalise_page, squeezed, tidy
from citefmt.refparse.names import split_names, strip_et_al

_HEAD_RE = re.compile(r"^(?P<authors>[^\d()]{2,200}?)\.?\s+"
                      r"(?P<year>(?:1[5-9]|20)\d\d)[a-zа-я]?\.\s+(?P<rest>\S.*)$")
_IN_RE = re.compile(r"[.,]\s+(?:В|In|Във)(?:\s+сб\.)?\s*:\s*")
_EDITORS_RE = re.compile(r"^(?P<names>[^()]+?)\s*\("
                         r"(?:[^)]*\bред\.?|eds?\.?|hrsg\.?|сост\.[^)]*)\)[.,]?\s*", re.I)
_TAIL_PAGES_RE = re.compile(r"[,.;]?\s*(?P<page>\d+\s*[–—-]\s*\d+)\.?$")
_TAIL_IMPRINT_RE = re.compile(
    r"(?:^|[.;]\s*)(?P<place>[A-ZА-ЯЁ][\w\-]*\.?(?:\s[A-ZА-ЯЁ][\w\-]*)?)\s*:\s*"
    r"(?P<publisher>[^:;]+?)(?:,\s*(?P<year>(?:1[5-9]|20)\d\d))?[.;,]?$")
_TAIL_PLACE_RE = re.compile(r"\.\s+(?P<place>[A-ZА-ЯЁ][\w\-]+)\.?$")
_JOURNAL_TAIL_RE = re.compile(
    r"(?:^|\.\s+)(?P<journal>[^\d.\s][^.]*?)[,.]?\s+(?P<volume>\d+)"
    r"(?:\s*\((?P<issue>[^)]+)\))?\.\s+"
    r"(?:(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)\s*:\s*)?(?P<page>\d+(?:\s*[–—-]\s*\d+)?)\.?$")
_CONFERENCE_RE = re.compile(r"конф|симпоз|конгрес|съезд|материал|доклад|Proceedings|Conference|"
                            r"Symposium", re.I)


def looks_like(body: str) -> bool:
    text = body.strip()
    return _may_head(text) and bool(_HEAD_RE.match(text))


#: a digit as `_HEAD_RE` reads one
_DIGIT_RE = re.compile(r"\d")


def _may_head(text: str) -> bool:
    """`_HEAD_RE` can match: its year starts at the first digit of the text (no part before it
    holds one), with a "1" or "2" and no parenthesis before it (the search is lazy over the
    names; tests/refparse/test_throughput_gates.py)."""
    digit = _DIGIT_RE.search(text)
    if digit is None or text[digit.start()] not in "12":
        return False
    names = text[:digit.start()]
    return "(" not in names and ")" not in names


def parse(body: str) -> Candidate | None:
    """Read an author–year reference with a bare year from `body` (identifiers already blanked)."""
    text = squeezed(body)
    head = _HEAD_RE.match(text)
    if not head:
        return None
    statement, truncated = strip_et_al(head.group("authors"))
    names = split_names(statement)
    if not names or any(not _is_name_word(n.get("family", "")) for n in names):
        return None
    item: Item = {"author": names, "issued": date_parts(head.group("year"))}
    cand = Candidate("author-year", item, 0.3, truncated_authors=truncated)
    rest = head.group("rest").strip()
    if inside := _IN_RE.search(rest):
        item["title"] = tidy(rest[:inside.start()])
        cand.confidence += 0.15 + _host(rest[inside.end():], item)
    elif journal := _JOURNAL_TAIL_RE.search(rest):
        item["type"] = "article-journal"
        item["title"] = tidy(rest[:journal.start()])
        item["container-title"] = tidy(journal.group("journal"))
        item["volume"] = journal.group("volume")
        if journal.group("issue"):
            item["issue"] = journal.group("issue").strip()
        item["page"] = normalise_page(journal.group("page"))
        if journal.group("day") and (month := MONTHS.get(journal.group("month")[:3].casefold())):
            item["issued"] = date_parts(head.group("year"), month, int(journal.group("day")))
        cand.confidence += 0.15 + 0.45
    else:
        spans = sentences(rest)
        if not spans:
            return None
        item["title"] = tidy(rest[spans[0][0]:spans[0][1]])
        imprint = rest[spans[0][1] + 1:].strip()
        item["type"] = "book"
        cand.confidence += 0.15
        if imprint and (m := _TAIL_IMPRINT_RE.fullmatch(imprint)):
            item["publisher-place"] = m.group("place")
            item["publisher"] = tidy(m.group("publisher"))
            cand.confidence += 0.35
    if not item.get("title"):
        return None
    cand.confidence = min(cand.confidence, 0.9)
    return cand


def _is_name_word(family: str) -> bool:
    """A surname as lists print it: capitalised letters ("Коцева", "Ait-Ali"), not a common word."""
    return family[:1].isupper() and family.replace("-", "").replace("’", "").isalpha()


def _host(host: str, item: Item) -> float:
    """Fill editor, container, pages, place and publisher from the text after "В:"; the
    confidence the host's shape adds."""
    item["type"] = "chapter"
    if editors := _EDITORS_RE.match(host):
        item["editor"] = split_names(editors.group("names"))
        host = host[editors.end():]
    host = host.strip()
    found = 0
    for _ in range(3):
        if "page" not in item and (m := _TAIL_PAGES_RE.search(host)):
            item["page"] = normalise_page(m.group("page"))
        elif ("publisher-place" not in item and (m := _TAIL_IMPRINT_RE.search(host))
              and m.start() > 0):
            item["publisher-place"] = m.group("place")
            item["publisher"] = tidy(m.group("publisher"))
        elif "publisher-place" not in item and (m := _TAIL_PLACE_RE.search(host)):
            item["publisher-place"] = m.group("place")
        else:
            break
        found += 1
        host = host[:m.start()].rstrip()
    item["container-title"] = tidy(host)
    if _CONFERENCE_RE.search(host):
        item["type"] = "paper-conference"
    return 0.2 + 0.1 * min(found, 2) if item["container-title"] else 0.0
