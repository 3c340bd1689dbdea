"""Legislation as NBR 6023:2018 (7.11) and the Brazilian Vancouver lists cite it: the
jurisdiction, the act with its number and date, its summary, then the official gazette with
its place and date.

    BRASIL. Lei nº 9.394, de 20 de dezembro de 1996. Estabelece as diretrizes e bases da
        educação nacional. Diário Oficial da União, Brasília, DF, 23 dez. 1996.
    Resolução nº 41, de 13 de outubro de 1995 (BR). Aprova o texto … Diário Oficial da União,
        Brasília (DF), 17 out 1995: Seção 1.

Steps, after the elements they read: the jurisdiction (an upper-case or capitalised name
before the act; or "(BR)" after it), the act ("Lei", "Decreto", "Resolução", "Portaria", …
with "nº" and its date) and its summary as the title, the gazette as the container, then its
place and date. A CSL `legislation` item.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import date_parts, parse_date_words, squeezed, tidy

_ACT = (r"(?:Lei(?:\s+Complementar)?|Decreto(?:-Lei)?|Resolução|Portaria|Medida\s+Provisória|"
        r"Instrução\s+Normativa|Emenda\s+Constitucional|Ley|Real\s+Decreto|Decreto\s+Supremo)")
_SIGNATURE = re.compile(rf"(?:^|\.\s+|^\d{{1,3}}[.)]?\s+){_ACT}\s+n\s?[º°o.]", re.I)
#: the online tail NBR 6023 adds after the summary: "Disponível em: URL. Acesso em: date."
_ONLINE_TAIL = re.compile(r"\s*\b(?:Dispon[íi]vel\s+em|Acesso\s+em|Available\s+(?:from|at))\b.*$",
                          re.I)
_HEAD = re.compile(
    rf"^(?:\d{{1,3}}[.)]?\s+)?(?:(?P<jurisdiction>[^\W\d_][^.]{{0,60}}?)\.\s+)?"
    rf"(?P<act>{_ACT}\s+n\s?[º°o.]\s*\.?\s*[\d.\-/]+,?\s+de\s+\d{{1,2}}\s*(?:º\s*)?de\s+"
    rf"[^\W\d_]+\s+de\s+(?P<act_year>(?:1[89]|20)\d\d))"
    rf"(?:\s*\((?P<code>[A-Z]{{2,3}})\))?\.?", re.I)
_GAZETTE = re.compile(r"(?:^|\.\s+)(?P<gazette>(?:Di[áa]rio|Bolet[íi]n)\s+Oficial[^,.]*)"
                      r",\s*(?P<place>[^\W\d_][^,\d]*?(?:,\s*[A-Z]{2}\b|\s*\([A-Z]{2}\)))?"
                      r",?\s*(?P<date>[^:]*?(?P<year>(?:1[89]|20)\d\d))[a-z]?\b(?P<rest>.*)$")


#: after the gazette's date: its section and page ("Seção 1, p. 27833", ": Seção 1: 163")
_SECTION = re.compile(r"\b(?:Seção|Secao|Sección|Section)\s*(\d+)", re.I)
_PAGE = re.compile(r"\bp\.\s*(\d+(?:-\d+)?)\b")


def looks_like(body: str) -> bool:
    return bool(_SIGNATURE.search(body))


def parse(body: str) -> Candidate | None:
    """The act, its summary and its gazette; None when the text opens otherwise."""
    text = squeezed(body)
    head = _HEAD.match(text)
    if not head:
        return None
    item: Item = {"type": "legislation"}
    jurisdiction = head.group("jurisdiction") or head.group("code")
    if jurisdiction:
        item["author"] = [{"literal": tidy(jurisdiction)}]
    rest = text[head.end():]
    gazette = _GAZETTE.search(rest)
    summary = _ONLINE_TAIL.sub("", rest[:gazette.start()] if gazette else rest)
    item["title"] = tidy(f"{head.group('act')}. {summary}") if tidy(summary) else \
        tidy(head.group("act"))
    item["issued"] = date_parts(head.group("act_year"))
    confidence = 0.7
    if gazette:
        item["container-title"] = tidy(gazette.group("gazette"))
        if gazette.group("place"):
            item["publisher-place"] = tidy(gazette.group("place"))
        full = parse_date_words(gazette.group("date").strip(" ,"))
        item["issued"] = {"date-parts": [full]} if full else date_parts(gazette.group("year"))
        confidence = 0.85
        if section := _SECTION.search(gazette.group("rest")):
            item["section"] = section.group(1)
        if page := _PAGE.search(gazette.group("rest")):
            item["page"] = page.group(1)
    return Candidate("legislation", item, confidence)
