"""Turn labelled segments of a reference (anystyle's labels) into a CSL-JSON item.

The same rules serve two callers: the tagger (segments it predicted) and the dev-set builder
(segments a human tagged in anystyle's data), so a gold item and a predicted item differ only
where the segmentation differs. Each rule strips the punctuation that reference styles wrap
around a field ("(2011).", "pp. 1761–1800).", "Т. 13, № 3.") and keeps the value.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.common import normalise_page, single_spaced
from citefmt.refparse.locators import ARTICLE_LABEL
from citefmt.refparse.names import split_names

#: anystyle labels the tagger predicts (plus "other" for tokens outside every field)
LABELS: tuple[str, ...] = (
    "author", "editor", "translator", "title", "container-title", "journal", "collection-title",
    "date", "volume", "pages", "publisher", "location", "edition", "genre", "doi", "url", "isbn",
    "note", "citation-number", "other",
)

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_EDGE = " \t\n,.;:/–—-_"
_QUOTES = "\"'«»“”„‘’`"
_CONFERENCE = re.compile(r"proceedings|proc\.|conference|symposium|congress|workshop|meeting|"
                         r"материал|конференц|симпозиум|съезд|тезис", re.IGNORECASE)
_THESIS = re.compile(r"\b(?:thesis|dissertation|diss\.|дис\.|диссертац|автореф|phd|doctoral|"
                     r"master)",
                     re.IGNORECASE)
_REPORT = re.compile(r"report|technical|отчет|отчёт|доклад", re.IGNORECASE)


def item_from_segments(segments: list[tuple[str, str]]) -> Item:
    """A CSL-JSON item from `(label, text)` pairs in reading order."""
    by_label: dict[str, list[str]] = {}
    for label, text in segments:
        if label != "other" and text.strip():
            by_label.setdefault(label, []).append(text)
    item: Item = {}
    _add_names(item, "author", by_label.get("author", []))
    _add_names(item, "editor", by_label.get("editor", []))
    _add_names(item, "translator", by_label.get("translator", []))
    if "title" in by_label:
        item["title"] = clean_title(by_label["title"][0])
    containers = by_label.get("journal") or by_label.get("container-title")
    if containers:
        item["container-title"] = clean_title(re.sub(r"^\s*(?://|in\s*:|in\s+|в\s*:)\s*", "",
                                                     containers[0], flags=re.IGNORECASE))
    if "collection-title" in by_label:
        item["collection-title"] = clean_title(by_label["collection-title"][0])
    for label in ("date", "volume"):
        for text in by_label.get(label, []):
            item.update({k: v for k, v in vancouver_block(text).items() if k not in item})
    year = _first_year(by_label.get("date", [])) or item.pop("year", None)
    item.pop("year", None)
    if year is not None:
        item["issued"] = {"date-parts": [[year]]}
    for text in by_label.get("volume", []):
        if _VANCOUVER_BLOCK.search(text):
            continue
        item.update({k: v for k, v in volume_and_issue(text).items() if k not in item})
    for text in by_label.get("pages", []):
        item.update({k: v for k, v in pages(text).items() if k not in item})
    if "pages" not in by_label and "page" not in item:
        for text in by_label.get("volume", []):
            if located := _VOLUME_LOCATOR.search(text):
                item["page"] = normalise_page(located.group("page"))
                break
    for label, key in (("publisher", "publisher"), ("location", "publisher-place"),
                       ("genre", "genre"), ("note", "note")):
        if label in by_label:
            item[key] = clean_text(by_label[label][0])
    if "edition" in by_label:
        item["edition"] = edition(by_label["edition"][0])
    identifiers = {"doi": ("DOI", doi), "url": ("URL", url), "isbn": ("ISBN", isbn)}
    for label, (key, cleaner) in identifiers.items():
        if label in by_label:
            value = cleaner(" ".join(by_label[label]))
            if value:
                item[key] = value
    if "DOI" not in item and re.match(r"https?://(?:dx\.)?doi\.org/10\.", item.get("URL", ""),
                                      re.I):
        item["DOI"] = doi(item.pop("URL"))  # a DOI printed as its resolver link is a DOI (CSL)
    item["type"] = item_type(by_label)
    return {k: v for k, v in item.items() if v not in ("", [], None)}


def item_type(by_label: dict[str, list[str]]) -> str:
    """CSL type from which fields are present (journal → article, host book → chapter …)."""
    genre = " ".join(by_label.get("genre", []) + by_label.get("note", []))
    if _THESIS.search(genre) or _THESIS.search(" ".join(by_label.get("title", []))[-80:]):
        return "thesis"
    if "journal" in by_label:
        return "article-journal"
    if "container-title" in by_label:
        container = by_label["container-title"][0]
        return "paper-conference" if _CONFERENCE.search(container) else "chapter"
    if _REPORT.search(genre):
        return "report"
    if "publisher" in by_label or "location" in by_label or "isbn" in by_label:
        return "book"
    if "url" in by_label:
        return "webpage"
    return "document"


def _add_names(item: Item, key: str, statements: list[str]) -> None:
    """Names from the fullest statement: GOST 7.0.100 gives a heading and then repeats it."""
    candidates = [split_names(s) for s in statements]
    best = max(candidates, key=len, default=[])
    if best:
        item[key] = best


def clean_text(text: str) -> str:
    text = single_spaced(text)
    return text.strip(_EDGE + "()[]")


def clean_title(text: str) -> str:
    """Title without wrapping quotes, the trailing mark, or the GOST medium designator."""
    if "[" in text:  # in every match
        text = re.sub(r"\[\s*(?:Электронный ресурс|Electronic resource)\s*\]", "", text,
                      flags=re.IGNORECASE)
    text = single_spaced(text).strip(_EDGE)
    if text and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1]
    return text.strip(_EDGE + _QUOTES + " ")


#: a bracketed access note, "[cited 2021 Jun 15]", "[citado 2021 jun 15]", "[acesso em 29 de
#: setembro de 2014]", "[Acceso 12 enero 2018]", "[accessed …]", "[viewed …]": NLM, ABNT and ISO
#: 690 print when the reader saw the page there, after the publication date; its year is not
#: the item's
_ACCESS_NOTE = re.compile(r"\[\s*(?:cited|citado|citad|acesso|acceso|accessed|access|viewed|"
                          r"consultado|consulted|updated\s+\d|cit(?:ed)?\.)[^\]]*\]", re.I)
#: the year-month part of an arXiv identifier, "1907.05774" / "abs/1907.05774" (YYMM.NNNNN,
#: arXiv's scheme since 2007), is no year
_ARXIV_NUMBER = re.compile(r"(?<![\d.])\d{4}\.\d{4,5}(?:v\d+)?(?![\d.])")


def _first_year(texts: list[str]) -> int | None:
    for text in texts:
        text = _ARXIV_NUMBER.sub(" ", _ACCESS_NOTE.sub(" ", text))
        match = _YEAR.search(text)
        if match:
            return int(match.group(1))
    return None


#: one page or article number: "945", "S93", "15A", "e41465", "tkae030", "e2019MS001916"
_LOCATOR = r"[A-Za-z]{0,4}\d+(?:[A-Za-z]{1,3}\d+)?[A-Za-z]?"
_VANCOUVER_BLOCK = re.compile(
    r"(?P<year>1[5-9]\d\d|20\d\d)[^;]{0,20};\s*(?P<volume>[A-Za-z]?\d[\w-]*)?\s*"
    r"(?:\((?P<issue>[^)]+)\))?\s*(?::\s*(?P<page>" + _LOCATOR + r"(?:[–-]" + _LOCATOR + r")?))?")


def vancouver_block(text: str) -> dict[str, str | int]:
    """Year, volume, issue and pages of a glued Vancouver block ("2009;106(12):4894-9")."""
    match = _VANCOUVER_BLOCK.search(text)
    if not match:
        return {}
    parts: dict[str, str | int] = {"year": int(match.group("year"))}
    for key in ("volume", "issue", "page"):
        if match.group(key):
            parts[key] = match.group(key).replace("–", "-")
    return parts


#: the pages a volume segment carries when no pages segment follows: "18(9):1434–40,", "39:1146."
#: (with a pages segment, "43:17:" is volume and issue)
_VOLUME_LOCATOR = re.compile(r"\d[\w/-]*\s*(?:\([^)]*\))?\s*:\s*"
                             rf"(?P<page>{_LOCATOR}(?:\s*[–—‒-]\s*{_LOCATOR})?)\s*[,.]?\s*$")


def volume_and_issue(text: str) -> dict[str, str]:
    """Volume and issue from "106(3)", "Vol. 9, No. 2", "Т. 13, № 3", "№ 1", "45, Part 3"."""
    text = text.strip()
    result: dict[str, str] = {}
    issue = re.search(r"(?:\bno\b\.?|\bnr\b\.?|\bn°|\bn\.|\bissue\b|\bheft\b|№|\bвып\.)\s*"
                      r"([\w/–-]+)", text,
                      re.IGNORECASE)
    if issue:
        result["issue"] = issue.group(1).strip("–-")
        text = text[:issue.start()] + text[issue.end():]
    else:
        paren = re.search(r"\(\s*([\w/–-]+)\s*\)", text)
        if paren and re.search(r"\w", text[:paren.start()]):
            result["issue"] = paren.group(1)
            text = text[:paren.start()] + text[paren.end():]
    volume = re.search(r"(?:\bvol\b\.?|\bv\.|\bт\.|\bтом\b|\bbd\b\.?)?\s*"
                       r"(\d+[A-Za-z]?(?:[–-]\d+)?)",
                       text, re.IGNORECASE)
    if volume:
        result["volume"] = volume.group(1)
    return result


def pages(text: str) -> dict[str, str]:
    """A page range ("pp. 1761–1800", "С. 80–86", "e1234"), a page count ("215 с.", "288 p."), or
    a labelled article number ("Art. 101530", "Article 945": `number`, refparse.locators)."""
    compact = single_spaced(text).strip(_EDGE + "()")
    count = re.fullmatch(r"(\d+)\s*(?:с|c|p|pp|s|S|pages|стр)\.?", compact, re.IGNORECASE)
    if count:
        return {"number-of-pages": count.group(1)}
    labelled = re.fullmatch(ARTICLE_LABEL + rf"\s*({_LOCATOR})", compact, re.IGNORECASE)
    if labelled:
        return {"number": labelled.group(1)}
    # "525--548": TeX's en dash, as BibTeX-made lists print it, is one range dash
    span = re.search(rf"(?<![A-Za-z])({_LOCATOR})(?:\s*(?:--|[–—‒-])\s*({_LOCATOR}))?", compact)
    if not span:
        return {}
    first, last = span.group(1), span.group(2)
    return {"page": f"{first}-{last}" if last else first}


def edition(text: str) -> str:
    number = re.search(r"\d+", text)
    return number.group() if number else clean_text(text)


def doi(text: str) -> str:
    """The DOI with any space a line break put into it removed (10.1016/j. nantod → j.nantod)."""
    joined = re.sub(r"\s+", "", text)
    match = re.search(r"10\.\d{4,9}/\S+", joined)
    return match.group().rstrip(".,;)]") if match else ""


def url(text: str) -> str:
    match = re.search(r"(?:https?://|www\.)\S+", text)
    return match.group().rstrip(".,;)]") if match else ""


def isbn(text: str) -> str:
    match = re.search(r"(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx]", text)
    return re.sub(r"\s", "", match.group()) if match else ""
