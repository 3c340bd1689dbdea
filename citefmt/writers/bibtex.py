"""BibTeX writer: CSL-JSON items → BibTeX through bibtexparser v2's writer.

Layout: `@type{key,` then one `  field = {value},` per line in `bibmap.BIBTEX_FIELD_ORDER`
(other fields alphabetically), `month = mar` as a macro, entries separated by a blank line.
Keys come from `citefmt.citekeys.assign_keys` (an id that is already a chosen BibTeX key is kept).
Types: thesis → @phdthesis/@mastersthesis + `school`; chapter → @incollection when it has an editor
or a container title, else @inbook; paper-conference → @inproceedings + `booktitle`;
report → @techreport + `institution`; webpage → @misc + `url`, `howpublished = {\\url{…}}`,
`urldate`. DOI/PMID/PMCID/ISBN/ISSN/URL are lower-case fields written verbatim; `language` →
`langid` (babel name). CSL variables with no BibTeX field are left out; the entry type and
fields the BibTeX reader kept in `custom.bibtex` are written back unchanged.

Text stays UTF-8 (Cyrillic intact) unless `ascii=True`, which escapes accents as `{\\'e}` and
Cyrillic as T2A commands (`{\\CYRI}{\\cyrv}…`); see `citefmt.latex`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from citefmt import bibmap
from citefmt.citekeys import assign_keys
from citefmt.language import primary_subtag
from citefmt.latex import latex_to_unicode, unicode_to_latex
from citefmt.model import Item, is_et_al

#: CSL name variable → BibTeX field
NAME_FIELDS: dict[str, str] = {
    "author": "author", "editor": "editor", "translator": "translator",
    "container-author": "bookauthor", "director": "director", "contributor": "commentator",
}
_DEFAULT_GENRES: dict[str, str] = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
_CONTAINER_IS_BOOKTITLE: frozenset[str] = frozenset({"incollection", "inbook", "inproceedings"})
_MASTERS = re.compile(r"master|магист", re.I)


def write(items: Sequence[Item], *, ascii: bool = False, **options: Any) -> str:
    """Items → BibTeX text (UTF-8 unless `ascii`), one entry per item, in input order."""
    library = Library()
    for item, key in zip(items, assign_keys(items), strict=True):
        entry_type, fields = to_bibtex(item, ascii=ascii)
        library.add(Entry(entry_type, key, [Field(name, value) for name, value in fields]))
    layout = bibtexparser.BibtexFormat()
    layout.indent = "  "
    layout.block_separator = "\n"
    text = bibtexparser.write_string(library, unparse_stack=[], bibtex_format=layout)
    return text.strip() + "\n" if text.strip() else ""


def to_bibtex(item: Item, *, ascii: bool = False) -> tuple[str, list[tuple[str, str]]]:
    """One item → (entry type, [(field, enclosed value)]) in the conventional field order."""
    csl_type = str(item.get("type") or "document")
    entry_type = _entry_type(item, csl_type)
    fields: dict[str, str] = {}

    def text(value: Any, *, rich: bool = False) -> str:
        return "{" + unicode_to_latex(str(value), ascii=ascii, rich=rich) + "}"

    for variable, name in NAME_FIELDS.items():
        names = item.get(variable)
        if isinstance(names, list) and names:
            fields[name] = "{" + " and ".join(_name(n, ascii=ascii) for n in names) + "}"
    if item.get("title"):
        fields["title"] = text(item["title"], rich=True)
    if item.get("container-title"):
        container = "booktitle" if entry_type in _CONTAINER_IS_BOOKTITLE else "journal"
        fields[container] = text(item["container-title"], rich=True)
    reverse_text = {csl: bib for bib, csl in bibmap.TEXT_FIELDS.items()}
    for variable, name in reverse_text.items():
        value = item.get(variable)
        if value in (None, "") or variable in ("title", "publisher", "genre"):
            continue
        if name in bibmap.VERBATIM_FIELDS:
            fields[name] = "{" + str(value).replace("{", "").replace("}", "") + "}"
        elif name == "pages":
            fields[name] = "{" + _page_range(unicode_to_latex(str(value), ascii=ascii)) + "}"
        else:
            fields[name] = text(value, rich=name in bibmap.TITLE_FIELDS)
    genre = item.get("genre")
    if genre and genre != _DEFAULT_GENRES.get(entry_type):
        fields["type"] = text(genre)
    if item.get("publisher"):
        publisher_field = bibmap.PUBLISHER_FIELD_OF_TYPE.get(entry_type, "publisher")
        fields[publisher_field] = text(_and_list(item["publisher"]))
    if item.get("publisher-place"):
        fields["address"] = text(_and_list(item["publisher-place"]))
    _numbers(item, csl_type, fields, text)
    _dates(item, fields, text)
    language = item.get("language")
    if language:
        code = primary_subtag(str(language))
        fields["langid"] = "{" + bibmap.BABEL_NAMES.get(code, str(language)) + "}"
    if item.get("archive_location"):
        fields["eprint"] = "{" + str(item["archive_location"]) + "}"
        fields["eprinttype"] = text(item.get("archive") or "eprint")
    if csl_type in ("webpage", "post", "post-weblog") and item.get("URL"):
        fields["howpublished"] = "{\\url{" + str(item["URL"]) + "}}"
    entry_type = _carried(item, entry_type, fields)
    rank = {name: i for i, name in enumerate(bibmap.BIBTEX_FIELD_ORDER)}
    ordered = sorted(fields.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))
    return entry_type, ordered


def _carried(item: Item, entry_type: str, fields: dict[str, str]) -> str:
    """The BibLaTeX entry type and fields the BibTeX reader kept in `custom.bibtex` (those CSL
    has no place for: `addendum`, `file`, `archivePrefix`, `@online` …) are written back as
    they were read; fields written from CSL variables are not overwritten."""
    custom = item.get("custom")
    carried = custom.get("bibtex") if isinstance(custom, dict) else None
    if not isinstance(carried, dict):
        return entry_type
    kept_type = carried.get("type")
    final_type = kept_type if isinstance(kept_type, str) and kept_type else entry_type
    source = carried.get("publisher-field")
    if not (isinstance(source, str) and source):
        source = bibmap.PUBLISHER_FIELD_OF_TYPE.get(final_type, "publisher")
    written = next((n for n in ("publisher", "school", "institution", "organization")
                    if n in fields), None)
    if written and written != source and source not in fields:
        fields[source] = fields.pop(written)
    kept = carried.get("fields") or {}
    if "addendum" in kept and "note" in fields:
        addendum = latex_to_unicode(str(kept["addendum"]))
        note = str(item.get("note", ""))
        if note == addendum:
            del fields["note"]
        elif note.endswith(addendum):
            fields["note"] = "{" + unicode_to_latex(note[:-len(addendum)].rstrip(". ")) + "}"
    for name, value in kept.items():
        if isinstance(name, str) and (name not in fields or name in bibmap.KEPT_OVER_WRITTEN):
            fields[name] = "{" + str(value) + "}"
    return final_type


def _and_list(value: Any) -> str:
    """"Durham; London" (how the reader gives a BibLaTeX list) → "Durham and London"."""
    return " and ".join(part.strip() for part in str(value).split("; "))


def _entry_type(item: Item, csl_type: str) -> str:
    if csl_type == "chapter":
        return "incollection" if item.get("editor") or item.get("container-title") else "inbook"
    if csl_type == "thesis":
        return "mastersthesis" if _MASTERS.search(str(item.get("genre") or "")) else "phdthesis"
    return bibmap.CSL_TO_BIBTEX_TYPE.get(csl_type, "misc")


def _numbers(item: Item, csl_type: str, fields: dict[str, str],
             text: Callable[[Any], str]) -> None:
    """issue → number for periodicals, whose own `number` (an article number) → eid; a report's
    number, or a book's series number → number."""
    issue, number = item.get("issue"), item.get("number")
    series_number = item.get("collection-number")
    if csl_type.startswith("article") or csl_type in ("periodical", "review", "review-book"):
        if issue not in (None, ""):
            fields["number"] = text(issue)
        if number not in (None, ""):
            fields[bibmap.ARTICLE_NUMBER_FIELD] = text(number)
        return
    if issue not in (None, ""):
        fields["issue"] = text(issue)
    for value in (number, series_number):
        if value not in (None, ""):
            fields["number"] = text(value)
            return


def _dates(item: Item, fields: dict[str, str], text: Callable[[Any], str]) -> None:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            first = [int(p) for p in parts[0]]
            year = str(first[0])
            if len(parts) > 1 and parts[1] and int(parts[1][0]) != first[0]:
                year += "--" + str(int(parts[1][0]))
            fields["year"] = "{" + year + "}"
            if len(first) > 1 and 1 <= first[1] <= 12:
                fields["month"] = bibmap.MONTH_MACROS[first[1] - 1]
                if len(first) > 2:
                    fields["day"] = "{" + str(first[2]) + "}"
        elif issued.get("literal") or issued.get("raw"):
            fields["year"] = text(issued.get("literal") or issued.get("raw"))
    for bib_name, variable in bibmap.DATE_FIELDS.items():
        if variable == "issued":
            continue
        iso = _iso_date(item.get(variable))
        if iso:
            fields[bib_name] = "{" + iso + "}"


def _iso_date(value: Any) -> str | None:
    """`{"date-parts": [[2024, 2, 1]]}` → "2024-02-01" (ranges as "a/b")."""
    if not isinstance(value, dict) or not isinstance(value.get("date-parts"), list):
        return None
    rendered = []
    for part in value["date-parts"][:2]:
        if not isinstance(part, list) or not part:
            return None
        numbers = [int(p) for p in part]
        rendered.append(f"{numbers[0]:04d}" + "".join(f"-{n:02d}" for n in numbers[1:]))
    return "/".join(rendered)


def _page_range(pages: str) -> str:
    """`145-159` → `145--159`; `e123` and `S1-S3` keep their letters."""
    return re.sub(r"(?<=\w)\s*[-–—]+\s*(?=\w)", "--", pages)


def _name(name: Any, *, ascii: bool) -> str:
    """A CSL name → `von Last, Jr, First`; `{Braced Literal}` for organisations."""
    if not isinstance(name, dict):
        return "{" + unicode_to_latex(str(name), ascii=ascii) + "}"
    if is_et_al(name):
        return "others"

    def enc(value: Any) -> str:
        return unicode_to_latex(str(value), ascii=ascii)

    if name.get("literal") or not (name.get("family") or name.get("given")):
        return "{" + enc(name.get("literal") or "") + "}"
    family = enc(name.get("family") or "")
    particle = name.get("non-dropping-particle") or name.get("dropping-particle")
    needs_braces = (" and " in family.lower() or "," in family
                    or (not particle and any(w[:1].islower() for w in family.split())))
    if needs_braces:
        family = "{" + family + "}"
    last = f"{enc(particle)} {family}" if particle else family
    parts = [last]
    if name.get("suffix"):
        parts.append(enc(name["suffix"]))
    if name.get("given"):
        parts.append(enc(name["given"]))
    elif name.get("suffix"):
        parts.append("")
    return ", ".join(parts)
