"""JATS XML reader: the article's own record (`article-meta`) and its reference list.

Russian journals publish every article in two languages: the article's title, authors and
journal name come in the article's language (`<article xml:lang="ru">`) and as translations
(`trans-title-group`, `name-alternatives`), and references come either as
`<citation-alternatives>` pairs of `xml:lang="ru"`/`"en"` citations or as two whole
`ref-list`s. Both languages come out:

- `ReadResult.records`: references in the article's language; `ReadResult.alternates[lang]`:
  the same references in the other language(s), same ids.
- `ReadResult.article`: the article in its own language; `extract_article_versions()` gives
  one record per language (`{"ru": …, "en": …}`), for `--article --lang en`.

Parsing is locked down: no DTD loading, no network, no entity expansion, and a DOCTYPE that
declares entities (XML bomb, external entity) is refused before lxml sees it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from citefmt.diagnostics import Diagnostic
from citefmt.errors import InputError
from citefmt.identifiers import clean_doi, normalize_pmcid, normalize_pmid
from citefmt.language import detect_language
from citefmt.model import Item, ReadResult, Record
from citefmt.readers._fields import csl_language, date_parts, month_number, split_name
from citefmt.xmlsafe import refuse_entity_declarations

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

#: JATS @publication-type → CSL type
PUBLICATION_TYPES: dict[str, str] = {
    "journal": "article-journal", "book": "book", "confproc": "paper-conference",
    "conf-proc": "paper-conference", "conference": "paper-conference", "thesis": "thesis",
    "report": "report", "web": "webpage", "webpage": "webpage", "website": "webpage",
    "electronic": "webpage", "patent": "patent", "standard": "standard", "data": "dataset",
    "dataset": "dataset", "software": "software", "preprint": "article",
    "newspaper": "article-newspaper", "magazine": "article-magazine", "gov": "report",
    "legal-doc": "legislation", "list": "document", "other": "document",
}
_CITATIONS = frozenset({"element-citation", "mixed-citation", "nlm-citation"})
#: inline formatting: transparent inside citations
_FORMATTING = frozenset({"italic", "bold", "sup", "sub", "sc", "underline", "monospace",
                         "roman", "sans-serif", "overline", "styled-content", "break"})
_CITATION_FIELDS = frozenset({
    "person-group", "name", "string-name", "collab", "etal", "anonymous", "article-title",
    "chapter-title", "part-title", "source", "trans-title", "trans-source", "year", "month",
    "day", "date", "string-date", "season", "volume", "issue", "fpage", "lpage", "page-range",
    "elocation-id", "size", "pub-id", "object-id", "ext-link", "uri", "publisher-name",
    "publisher-loc", "edition", "isbn", "issn", "conf-name", "conf-loc", "conf-date",
    "date-in-citation", "comment", "series", "institution", "label", "volume-series",
    "issue-title", "role", "lang", "annotation", "gov", "patent", "std", "data-title",
    "version", "email", "trans-title-group",
})


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse a JATS document: article record and references (both languages)."""
    root = parse_xml(text, source=source)
    _require_jats(root, source)
    result = ReadResult()
    versions = _article_versions(root)
    if versions:
        result.article = versions[_article_language(root)]
        result.article_versions = versions
    _read_references(root, source, result)
    result.diagnostics.sort(key=lambda d: d.line or 0)
    return result


def extract_article_versions(text: str, *, source: str = "<input>") -> dict[str, Record]:
    """The article's own record in each language it is given in, article language first."""
    root = parse_xml(text, source=source)
    _require_jats(root, source)
    return _article_versions(root)


# --- safe parsing ------------------------------------------------------------------------------

def parse_xml(text: str, *, source: str) -> Element:
    """Text → element tree without DTDs, network or entity expansion; namespaces dropped from
    element names (JATS is unqualified, but some exporters add a default namespace)."""
    from lxml import etree

    text = text.lstrip("\ufeff")
    refuse_entity_declarations(text, source=source)
    text = _named_entities_as_numbers(text, source)
    # the text is already decoded: an encoding="…" in the declaration would mislead lxml
    text = re.sub(r"^(<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']", r"\1", text)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc.msg).split()) or "not well-formed"
        raise InputError(f"malformed XML: {message}", path=source,
                         line=exc.lineno or None) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
        # defence in depth behind refuse_entity_declarations (lxml did not expand them)
        raise InputError("refused: XML declares entities", path=source, code="CF911")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.split("}", 1)[1]
    return root


def _named_entities_as_numbers(text: str, source: str) -> str:
    """JATS files use HTML entity names (&nbsp; &ndash;) defined in the DTD we do not load:
    write them as character references so no text is lost; an unknown name is an error."""
    from html.entities import name2codepoint

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in ("amp", "lt", "gt", "quot", "apos"):
            return match.group(0)
        if name in name2codepoint:
            return f"&#{name2codepoint[name]};"
        line = text.count("\n", 0, match.start()) + 1
        raise InputError(f"malformed XML: undefined entity &{name};", path=source, line=line)

    return re.sub(r"&([A-Za-z][A-Za-z0-9]*);", replace, text)


def _require_jats(root: Element, source: str) -> None:
    if root.tag == "article" or root.find(".//ref-list") is not None \
            or root.find(".//article-meta") is not None:
        return
    raise InputError(f"not JATS: root element <{root.tag}> has no article-meta or ref-list",
                     path=source, line=root.sourceline)


# --- small element helpers ---------------------------------------------------------------------

def element_text(element: Element | None) -> str:
    """All text inside an element, whitespace collapsed (style wrappers, such as JATS <italic>
    or EndNote's <style> runs, are transparent)."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _child_text(element: Element, tag: str) -> str:
    return element_text(element.find(tag))


def _own_language(element: Element) -> str | None:
    value = element.get(XML_LANG)
    return csl_language(value) if value else None


def _language(element: Element) -> str | None:
    """xml:lang of the element or its nearest ancestor that has one."""
    node: Element | None = element
    while node is not None:
        if node.get(XML_LANG):
            return csl_language(node.get(XML_LANG))
        node = node.getparent()
    return None


def _article_language(root: Element) -> str:
    return _own_language(root) or "en"


# --- the article's own record ------------------------------------------------------------------

def _article_versions(root: Element) -> dict[str, Record]:
    meta = root.find(".//article-meta")
    if meta is None:
        return {}
    primary = _article_language(root)
    common = _article_common(root, meta)
    titles = _by_language(meta.find("title-group"), "article-title", "trans-title", primary)
    journal = root.find(".//journal-meta")
    journals: dict[str, str] = {}
    if journal is not None:
        journals = _by_language(journal.find("journal-title-group"), "journal-title",
                                "trans-title", primary)
        for abbrev in journal.iter("abbrev-journal-title"):
            common.setdefault("container-title-short", element_text(abbrev))
        publisher = journal.find("publisher/publisher-name")
        if publisher is not None:
            common["publisher"] = element_text(publisher)
    authors = _contributors(meta, primary)
    languages = [primary] + [lang for lang in titles if lang != primary]
    versions: dict[str, Record] = {}
    for lang in languages:
        item: Item = {"type": "article-journal", "id": "article"}
        names = authors.get(lang) or authors.get(primary) or []
        if names:
            item["author"] = names
        if lang in titles or primary in titles:
            item["title"] = titles.get(lang) or titles[primary]
        if journals:
            item["container-title"] = journals.get(lang) or journals.get(primary) \
                or next(iter(journals.values()))
        item.update(copy.deepcopy(common))
        item["language"] = lang
        versions[lang] = Record(item=item, line=meta.sourceline, raw=None)
    return versions


def _by_language(group: Element | None, main_tag: str, trans_tag: str,
                 primary: str) -> dict[str, str]:
    """{language: text} from a title group: the main title(s) and any trans-title groups."""
    found: dict[str, str] = {}
    if group is None:
        return found
    for element in group.iter(main_tag, trans_tag):
        lang = _own_language(element)
        if lang is None and element.tag == trans_tag:
            lang = _own_language(element.getparent())
        text = element_text(element)
        if text:
            found.setdefault(lang or primary, text)
    return found


def _contributors(meta: Element, primary: str) -> dict[str, list[dict[str, str]]]:
    """Authors of the article, per language (name-alternatives give one name per language)."""
    per_language: dict[str, list[dict[str, str]]] = {}
    contribs = [c for c in meta.iter("contrib") if c.get("contrib-type", "author") == "author"]
    languages = {primary}
    for contrib in contribs:
        for name in contrib.iter("name", "string-name"):
            languages.add(_own_language(name) or primary)
    for contrib in contribs:
        names: dict[str, dict[str, str]] = {}
        for element in contrib.iter("name", "string-name", "collab"):
            names.setdefault(_own_language(element) or primary, _name(element))
        fallback = names.get(primary) or next(iter(names.values()), None)
        if fallback is None:
            continue
        for lang in languages:
            per_language.setdefault(lang, []).append(names.get(lang, fallback))
    return per_language


def _article_common(root: Element, meta: Element) -> Item:
    """Fields that do not depend on the language: numbers, identifiers, dates."""
    item: Item = {}
    for tag in ("volume", "issue"):
        if meta.find(tag) is not None:
            item[tag] = _child_text(meta, tag)
    _pages(item, meta)
    for article_id in meta.findall("article-id"):
        _identifier(item, article_id.get("pub-id-type", ""), element_text(article_id))
    dates = [parts for parts in map(_date_parts, meta.findall("pub-date")) if parts]
    if dates:
        # the fullest date of the first year given (issue year, refined by an epub day)
        year = dates[0][0]
        item["issued"] = {"date-parts": [max((p for p in dates if p[0] == year), key=len)]}
    journal = root.find(".//journal-meta")
    if journal is not None:
        for issn in journal.findall("issn"):
            item.setdefault("ISSN", element_text(issn))
    return item


# --- references ---------------------------------------------------------------------------------

def _read_references(root: Element, source: str, result: ReadResult) -> None:
    primary = _article_language(root)
    seen_unmarked = False
    for ref_list in root.iter("ref-list"):
        refs = ref_list.findall("ref")
        if not refs:
            continue
        explicit = _own_language(ref_list) or _nearest_language_below_root(ref_list, root)
        if explicit:
            list_lang = explicit
        elif not seen_unmarked:
            list_lang, seen_unmarked = primary, True
        else:
            list_lang = detect_language(element_text(ref_list))
        for counter, ref in enumerate(refs, start=1):
            for lang, record in _ref_records(ref, list_lang, counter, source, result.diagnostics):
                if lang == list_lang == primary:
                    result.records.append(record)
                else:
                    result.alternates.setdefault(lang, []).append(record)


def _nearest_language_below_root(element: Element, root: Element) -> str | None:
    node = element.getparent()
    while node is not None and node is not root:
        if node.get(XML_LANG):
            return csl_language(node.get(XML_LANG))
        node = node.getparent()
    return None


def _ref_records(ref: Element, list_lang: str, n: int, source: str,
                 diagnostics: list[Diagnostic]) -> list[tuple[str, Record]]:
    """One record per citation language in a <ref>; the list's own language is first."""
    ref_id = ref.get("id") or f"ref-{n}"
    citations = [c for c in ref.iter(*_CITATIONS)
                 if c.getparent().tag in ("ref", "citation-alternatives")]
    if not citations:
        text = " ".join(element_text(c) for c in ref if c.tag != "label").strip()
        diagnostics.append(Diagnostic("CF120", f"reference {ref_id!r} has no citation element",
                                      source, ref.sourceline, severity="warning"))
        item: Item = {"type": "document", "id": ref_id}
        if text:
            item["note"] = text
        return [(list_lang, Record(item=item, line=ref.sourceline, raw=text or None))]
    by_language: dict[str, Element] = {}
    for citation in citations:
        lang = _own_language(citation) or list_lang
        if lang in by_language:
            lang = detect_language(element_text(citation))
        if lang in by_language:
            diagnostics.append(Diagnostic(
                "CF120", f"reference {ref_id!r} has two citations in one language; the second "
                "is read as another alternate", source, citation.sourceline, severity="warning"))
            lang = f"{lang}-{len(by_language) + 1}"
        by_language[lang] = citation
    if list_lang not in by_language:
        first = next(iter(by_language))
        by_language = {list_lang: by_language.pop(first), **by_language}
    records = []
    for lang, citation in sorted(by_language.items(), key=lambda kv: kv[0] != list_lang):
        item = _citation_item(citation, source, diagnostics)
        item["id"] = ref_id
        records.append((lang, Record(item=item, line=citation.sourceline,
                                     raw=element_text(citation))))
    return records


def _citation_item(citation: Element, source: str, diagnostics: list[Diagnostic]) -> Item:
    structured, unknown = _structured(citation)
    declared = PUBLICATION_TYPES.get(citation.get("publication-type")
                                     or citation.get("citation-type") or "")
    if citation.tag == "mixed-citation":
        item = _parse_mixed(citation, source, diagnostics)
        item.update(structured)
        if declared and declared != "document":
            item["type"] = declared
        item.setdefault("type", "document")
    else:
        item = {"type": declared or "document", **structured}
        for tag, line in unknown:
            diagnostics.append(Diagnostic("CF121", f"unknown citation element <{tag}> ignored",
                                          source, line, severity="warning"))
    if item["type"] == "book" and "chapter-title" in {c.tag for c in citation}:
        item["type"] = "chapter"
    return item


def _parse_mixed(citation: Element, source: str, diagnostics: list[Diagnostic]) -> Item:
    """Free text of a mixed-citation → the plain-text reference parser (tagged parts win)."""
    from citefmt.refparse import parse_reference

    parsed = parse_reference(element_text(citation))
    line = citation.sourceline or 1
    for finding in parsed.diagnostics:
        at = line if finding.line is None else line + finding.line - 1
        diagnostics.append(replace(finding, path=source, line=at))
    item = dict(parsed.item)
    item.pop("id", None)
    return item


def _structured(citation: Element) -> tuple[Item, list[tuple[str, int]]]:
    """Exact fields from the tagged parts of a citation; and elements it does not know."""
    item: Item = {}
    unknown: list[tuple[str, int]] = []
    titled = citation.find("article-title") is not None or \
        citation.find("chapter-title") is not None or citation.find("part-title") is not None
    for child in citation:
        tag = child.tag
        if not isinstance(tag, str) or tag in _FORMATTING:
            continue
        if tag not in _CITATION_FIELDS:
            unknown.append((tag, child.sourceline))
        elif tag == "person-group":
            role = {"editor": "editor", "translator": "translator",
                    "compiler": "compiler"}.get(child.get("person-group-type", "author"), "author")
            names = [_name(n) for n in child if n.tag in ("name", "string-name", "collab")]
            if names:
                item.setdefault(role, []).extend(names)
        elif tag in ("name", "string-name", "collab"):
            item.setdefault("author", []).append(_name(child))
        elif tag in ("article-title", "chapter-title", "part-title", "data-title"):
            item.setdefault("title", element_text(child))
        elif tag == "source":
            item["container-title" if titled else "title"] = element_text(child)
        elif tag in ("volume", "issue", "edition", "version"):
            item[tag] = element_text(child)
        elif tag == "publisher-name" or (tag == "institution" and "publisher" not in item):
            item["publisher"] = element_text(child)
        elif tag == "publisher-loc":
            item["publisher-place"] = element_text(child)
        elif tag in ("pub-id", "object-id"):
            _identifier(item, child.get("pub-id-type", ""), element_text(child))
        elif tag in ("ext-link", "uri"):
            _link(item, child.get(XLINK_HREF) or element_text(child))
        elif tag in ("isbn", "issn"):
            item[tag.upper()] = element_text(child)
        elif tag == "conf-name":
            item["event-title"] = element_text(child)
        elif tag == "conf-loc":
            item["event-place"] = element_text(child)
        elif tag == "series":
            item["collection-title"] = element_text(child)
        elif tag == "comment":
            _comment(item, child)
        elif tag == "date-in-citation":
            parts = date_parts(child.get("iso-8601-date") or element_text(child))
            if parts:
                item["accessed"] = {"date-parts": [parts]}
        elif tag == "size" and child.get("units") == "pages":
            item["number-of-pages"] = element_text(child)
        elif tag in ("trans-title", "trans-source", "trans-title-group"):
            _translated(item, child, titled)
    _pages(item, citation)
    parts = _date_parts(citation.find("date") if citation.find("date") is not None else citation)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    return item, unknown


def _translated(item: Item, element: Element, titled: bool) -> None:
    """`trans-title` / `trans-source` (directly or in a `trans-title-group`) → the Juris-M /
    citeproc-js multilingual field `multi._keys[variable][language]`, which the References
    list (`citefmt.translit`) takes its English title and journal name from."""
    parts = element.findall("trans-title") if element.tag == "trans-title-group" else [element]
    for part in parts:
        text = element_text(part)
        if not text:
            continue
        language = _own_language(part) or _own_language(element) or "en"
        variable = "title" if part.tag == "trans-title" else "container-title"
        if part.tag == "trans-source" and not titled:
            variable = "title"
        keys = item.setdefault("multi", {}).setdefault("_keys", {})
        keys.setdefault(variable, {}).setdefault(language, text)


def _comment(item: Item, comment: Element) -> None:
    """Comments carry links ("Available from: <ext-link>") and notes ("In Russian")."""
    for link in comment.iter("ext-link", "uri"):
        _link(item, link.get(XLINK_HREF) or element_text(link))
    text = element_text(comment)
    if text and not comment.findall(".//ext-link") and not comment.findall(".//uri"):
        item["note"] = text


def _link(item: Item, url: str) -> None:
    doi = clean_doi(url) if "doi.org/" in url else None
    if doi:
        item.setdefault("DOI", doi)
    else:
        item.setdefault("URL", url)


def _identifier(item: Item, kind: str, value: str) -> None:
    kind = kind.lower()
    if kind == "doi":
        item["DOI"] = clean_doi(value) or value
    elif kind == "pmid":
        item["PMID"] = normalize_pmid(value) or value
    elif kind in ("pmcid", "pmc"):
        item["PMCID"] = normalize_pmcid(value) or normalize_pmcid("PMC" + value) or value
    elif kind == "isbn":
        item["ISBN"] = value
    elif kind == "arxiv":
        item.setdefault("number", value)


def _pages(item: Item, element: Element) -> None:
    """fpage/lpage or page-range → `page`; `elocation-id` is the article number (CSL `number`,
    which GOST prints "Art. 101530" and Vancouver where the pages go), kept beside any pages."""
    first, last = _child_text(element, "fpage"), _child_text(element, "lpage")
    if first and last and first != last:
        item["page"] = f"{first}-{last}"
    elif first:
        item["page"] = first
    elif element.find("page-range") is not None:
        item["page"] = _child_text(element, "page-range")
    if element.find("elocation-id") is not None:
        elocator = _child_text(element, "elocation-id")
        if elocator and elocator != item.get("page"):
            item["number"] = elocator


def _date_parts(element: Element | None) -> list[int] | None:
    """year/month/day children (or string-date) → [y, m, d]; "2021a" → 2021."""
    if element is None:
        return None
    if element.get("iso-8601-date"):
        parts = date_parts(element.get("iso-8601-date"))
        if parts:
            return parts
    year = re.match(r"\d{4}", _child_text(element, "year"))
    if year is None:
        string_date = _child_text(element, "string-date")
        return date_parts(string_date) if string_date else None
    parts = [int(year.group())]
    month = month_number(_child_text(element, "month")) if element.find("month") is not None \
        else None
    if month:
        parts.append(month)
        day = _child_text(element, "day")
        if day.isdecimal() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return parts


def _name(element: Element) -> dict[str, Any]:
    """<name>/<string-name>/<collab> → a CSL name object."""
    if element.tag == "collab":
        return {"literal": element_text(element)}
    surname = element.find("surname")
    if surname is None:
        return split_name(element_text(element))
    name: dict[str, Any] = {"family": element_text(surname)}
    for tag, key in (("given-names", "given"), ("prefix", "non-dropping-particle"),
                     ("suffix", "suffix")):
        value = _child_text(element, tag)
        if value:
            name[key] = value
    return name
