"""The article's own record from its journal page, saved or pasted as text.

Russian journal pages print the article title first, its DOI link, an "Об авторе" block, the
reference list, and two ready-made citations: "Для цитирования:" (Russian) and
"For citation:" (English), both Vancouver-form. Those lines carry everything a record needs,
so they are parsed with the plain-text reference parser; the rest of the page fills gaps.

Two languages, one article: `extract_article_versions()` returns `{"ru": Record, "en": Record}`
(whichever the page gives, page language first) with the same `id`; `extract_article()` returns
the page-language record. Language-independent fields (volume, issue, pages or article number,
DOI, date) missing from one version are taken from the other.
"""

from __future__ import annotations

import re

from citefmt.identifiers import clean_doi
from citefmt.language import detect_language
from citefmt.model import Item, Record
from citefmt.textio import split_lines

#: "For citation" headings → the language of the citation that follows
_CITATION_HEADING = re.compile(
    r"^\s*(?P<heading>Для цитирования(?: статьи)?|For citation|Cite this article(?: as)?|"
    r"To cite this article|Cite as)\s*:?\s*(?P<rest>.*)$", re.I)
_AUTHORS_HEADING = re.compile(r"^\s*(Об авторах?|Сведения об авторах?|About the authors?)\s*$",
                              re.I)
_SECTION_HEADING = re.compile(
    r"^\s*(Список литературы|Литература|References|Рецензия|Аннотация|Abstract|Ключевые слова|"
    r"Keywords|Для цитирования|For citation)\b", re.I)
_FULL_NAME = re.compile(r"^([А-ЯЁA-Z][а-яёa-z\-]+(?:\s+[А-ЯЁA-Z][а-яёa-z\-]+){1,2})\s*,")
_SHARED_FIELDS = ("volume", "issue", "page", "number", "DOI", "issued", "URL")
ARTICLE_ID = "article"


def extract_article(text: str, *, source: str = "<input>") -> Record | None:
    """The article's record in the page's own language, or None when the page has none."""
    versions = extract_article_versions(text, source=source)
    return next(iter(versions.values()), None)


def extract_article_versions(text: str, *, source: str = "<input>") -> dict[str, Record]:
    """The article's record in each language the page cites it in, page language first."""
    lines = split_lines(text.lstrip("\ufeff"))
    title_line = next((line.strip() for line in lines if line.strip()), "")
    page_lang = detect_language(title_line) if title_line else "en"
    versions: dict[str, Record] = {}
    for lang, line_number, citation in _citation_lines(lines):
        if lang not in versions:
            versions[lang] = Record(item=_parse_citation(citation, lang), line=line_number,
                                    raw=citation)
    if not versions and title_line:
        record = _record_from_page(lines, title_line, page_lang)
        if record is not None:
            versions[page_lang] = record
    if not versions:
        return {}
    _fill_from_page(versions, lines, title_line, page_lang)
    _share_fields(versions)
    order = sorted(versions, key=lambda lang: lang != page_lang)
    return {lang: versions[lang] for lang in order}


def _citation_lines(lines: list[str]) -> list[tuple[str, int, str]]:
    """(language, 1-based line, citation text) for each "For citation" heading."""
    found = []
    for index, line in enumerate(lines):
        match = _CITATION_HEADING.match(line)
        if match is None:
            continue
        citation, at = match.group("rest").strip(), index + 1
        if not citation:
            following = next(((i, ln) for i, ln in enumerate(lines[index + 1:], index + 2)
                              if ln.strip()), None)
            if following is None:
                continue
            at, citation = following[0], following[1].strip()
        if _CITATION_HEADING.match(citation):
            continue
        lang = "ru" if re.search(r"[А-Яа-яЁё]", match.group("heading")) else "en"
        found.append((lang, at, citation))
    return found


def _parse_citation(citation: str, lang: str) -> Item:
    from citefmt.refparse import parse_reference

    item = dict(parse_reference(citation).item)
    if item.get("container-title-short") == item.get("container-title"):
        item.pop("container-title-short", None)  # a "short" form equal to the full one adds nothing
    item["id"] = ARTICLE_ID
    item["language"] = lang
    return item


def _record_from_page(lines: list[str], title: str, lang: str) -> Record | None:
    """No citation lines: title, DOI link and the authors block still make a record."""
    authors = _authors_block(lines)
    doi = _page_doi(lines)
    if not authors and doi is None:
        return None
    item: Item = {"type": "article-journal", "id": ARTICLE_ID, "title": title}
    if authors:
        item["author"] = authors
    if doi:
        item["DOI"] = doi
    item["language"] = lang
    return Record(item=item, line=1, raw=title)


def _fill_from_page(versions: dict[str, Record], lines: list[str], title: str,
                    page_lang: str) -> None:
    doi = _page_doi(lines)
    own = versions.get(page_lang)
    if own is not None:
        own.item.setdefault("title", title)
        if "author" not in own.item:
            authors = _authors_block(lines)
            if authors:
                own.item["author"] = authors
    for record in versions.values():
        if doi:
            record.item.setdefault("DOI", doi)


def _share_fields(versions: dict[str, Record]) -> None:
    for record in versions.values():
        for other in versions.values():
            for key in _SHARED_FIELDS:
                if key in other.item and key not in record.item:
                    record.item[key] = other.item[key]


def _page_doi(lines: list[str]) -> str | None:
    """The DOI link printed on a line of its own near the top of the page."""
    for line in lines[:10]:
        if re.fullmatch(r"\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)\S+\s*", line, re.I):
            return clean_doi(line)
    return None


def _authors_block(lines: list[str]) -> list[dict[str, str]]:
    """Full names ("Эскандар Киролос, MBBCh, …") from the "Об авторе" block."""
    authors: list[dict[str, str]] = []
    inside = False
    for line in lines:
        if _AUTHORS_HEADING.match(line):
            inside = True
            continue
        if inside and _SECTION_HEADING.match(line):
            break
        match = _FULL_NAME.match(line.strip()) if inside else None
        if match:
            *given, family = match.group(1).split()
            authors.append({"family": family, "given": " ".join(given)})
    return authors
