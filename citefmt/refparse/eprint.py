"""A preprint cited by its e-print identifier alone, as physics and astronomy lists print it:

    H.-H. Tu, arXiv:1707.05812 (2017).
    D. Semikoz and G. Sigl, arXiv.org:hep-ph/0309328.
    Hurier, G. & Lacasa, F. 2017, ArXiv e-prints [arXiv:1701.09067]

Names, the identifier (new "1707.05812" or old "hep-ph/0309328" scheme, "arXiv:" or "arXiv.org:"
before it, a subject class in brackets after it) and a year, nothing else: such a reference has
no title, and the identifier is the item's `number` (CSL's place for an arXiv id), never its
title. A reference with anything more (a title, a journal) is left to the other grammars.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import date_parts, squeezed
from citefmt.refparse.names import split_names, strip_et_al

_ARCHIVES = r"(?:hep|astro|nucl|gr|cond|quant|math|physics)(?:\s?-\s?[a-z]+)*(?:\.[A-Z]{2})?"
#: the e-print statement: an optional "arXiv:" / "arXiv.org:" / "ArXiv e-prints" label and an id
_EPRINT_RE = re.compile(
    r"(?:\bArXiv\s+e\s?-\s?prints\s*,?\s*\[?\s*)?"
    r"(?:\barXiv(?:\s?\.\s?org)?\s*:\s*)?"
    rf"(?P<id>\d{{4}}\s?\.\s?\d{{4,5}}(?:v\d+)?|{_ARCHIVES}\s*/\s*\d{{7}}(?:v\d+)?)"
    rf"(?:\s*\[\s*{_ARCHIVES}\s*\])?\s*\]?", re.I)
_LABEL_RE = re.compile(r"\barXiv\b|\be\s?-\s?prints?\b", re.I)
_YEAR_TAIL_RE = re.compile(r"[,\s]*\(?\s*(?P<year>(?:19|20)\d\d)[a-z]?\s*\)?[.,;]?\s*$")
_YEAR_HEAD_RE = re.compile(r"[,.\s]+(?P<year>(?:19|20)\d\d)[a-z]?\s*[,.]?\s*$")
#: a name with a given part or initials, or a collaboration ("Planck Collaboration")
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "dos"})
_COLLABORATION_RE = re.compile(r"\b(?:Collaboration|Team|Consortium|Group)\b")


#: an old-scheme id's "/9612213": with "arXiv", what a reference citing an e-print always shows
_OLD_SCHEME_RE = re.compile(r"/\s?\d{7}")


def looks_like(body: str) -> bool:
    return "rxiv" in body.casefold() or bool(_OLD_SCHEME_RE.search(body))


def _is_person_or_collaboration(name: dict[str, str]) -> bool:
    if "literal" in name:
        return bool(_COLLABORATION_RE.search(name["literal"]))
    family, given = name.get("family", "").split(), name.get("given", "").split()
    return 0 < len(family) <= 3 and 0 < len(given) <= 3 and all(
        w[0].isupper() or w in _PARTICLES for w in family + given)


def parse(body: str) -> Candidate | None:
    """Names, an e-print id and a year; None when anything else is printed."""
    text = squeezed(body)
    eprint = _EPRINT_RE.search(text)
    if not eprint:
        return None
    head = text[:eprint.start()].rstrip(" [(")
    head = _LABEL_RE.split(head)[0] if _LABEL_RE.search(head) else head
    tail = _EPRINT_RE.sub(" ", text[eprint.end():]).rstrip(" .,;")  # the same id printed twice
    year_match = _YEAR_TAIL_RE.fullmatch(tail) or _YEAR_TAIL_RE.fullmatch(" " + tail)
    if tail.strip(" .,;[]()") and not year_match:
        return None  # a journal, a title or a second statement after the e-print
    year = year_match.group("year") if year_match else None
    if (in_head := _YEAR_HEAD_RE.search(head)) is not None:
        year = year or in_head.group("year")
        head = head[:in_head.start()]
    statement, truncated = strip_et_al(head.strip(" ,.;:"))
    names = split_names(re.sub(r"(?:^|,\s*)(?:&|and)\s+", ", ", statement).strip(", "))
    if not names or not all(_is_person_or_collaboration(n) for n in names):
        return None
    item: Item = {"type": "article", "author": names,
                  "number": "arXiv:" + re.sub(r"\s+", "", eprint.group("id"))}
    if year:
        item["issued"] = date_parts(year)
    return Candidate("eprint", item, 0.85, truncated_authors=truncated)
