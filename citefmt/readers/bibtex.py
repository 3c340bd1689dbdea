"""BibTeX/BibLaTeX reader: bibtexparser v2 splits the file; citefmt resolves, lints and maps.

bibtexparser runs with an empty parse stack, so every value arrives exactly as written
(`{…}`, `"…"`, macros, `#` concatenation). citefmt then:
- resolves `@string` macros and `#` concatenation, and month macros (`jan`, `3`, `March`);
- reports what bibtexparser accepts or drops silently: failed blocks (CF110), duplicate keys
  (CF111, both entries kept), duplicate fields (CF112, first value kept), a value that swallowed
  the next field because a comma is missing (CF113; the comma is put back and the entry re-read),
  unbalanced braces (CF114), a missing crossref parent (CF115), all with 1-based lines;
- inherits crossref fields (a parent's `title` becomes the child's `booktitle`);
- maps types and fields through `citefmt.bibmap` and LaTeX through `citefmt.latex`
  (`{Protected}` title words → `<span class="nocase">`, `--` page ranges → `-`).
Every parsed entry becomes a `Record` (line = the entry's first line, raw = its text, id = key).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

import bibtexparser
from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ImplicitComment,
    ParsingFailedBlock,
    String,
)

from citefmt import bibmap
from citefmt.diagnostics import Diagnostic, Severity
from citefmt.latex import latex_to_unicode
from citefmt.limits import BRACE_DEPTH, EXPANSION, check_nesting
from citefmt.model import ET_AL_NAME, Item, ReadResult, Record
from citefmt.readers import _fields
from citefmt.readers.csljson import parse_iso_date

_PART = re.compile(r'\s*(\{|"|[^\s#{}",]+)')
_MERGED_FIELD = re.compile(r"\s*([A-Za-z][\w:.+-]*)[ \t]*=[ \t]*[{\"\w]")
_ORPHAN_FIELDS = re.compile(r"^\s*,?\s*[A-Za-z][\w:.+-]*\s*=\s*[{\"\w]", re.M)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_MAX_COMMA_REPAIRS = 50

class Reporter(Protocol):
    """How the helpers below hand findings back to `read`."""

    def __call__(self, code: str, message: str, line: int | None,
                 severity: Severity = "error") -> None: ...


@dataclass
class _RawEntry:
    """One entry as written: lower-case type and field names, values still LaTeX."""

    entry_type: str
    key: str
    fields: dict[str, str]
    line: int
    raw: str


def read(text: str, *, source: str = "<input>") -> ReadResult:
    """Parse BibTeX/BibLaTeX text into records and diagnostics (see the module docstring)."""
    check_nesting(text, source=source, limit=BRACE_DEPTH, opening="{", closing="}", quote=None)
    library = _parse(text)
    diagnostics: list[Diagnostic] = []
    strings: dict[str, str] = {}
    entries: list[_RawEntry] = []
    first_line: dict[str, int] = {}
    expanded = 0

    def report(code: str, message: str, line: int | None, severity: Severity = "error") -> None:
        diagnostics.append(Diagnostic(code, message, path=source, line=line, severity=severity))

    for block in library.blocks:
        line = block.start_line + 1 if block.start_line is not None else None
        if isinstance(block, String):
            strings[block.key.casefold()] = _resolve(block.value, strings)
            expanded += len(strings[block.key.casefold()])
            if expanded > EXPANSION.value:
                raise EXPANSION.exceeded(expanded, path=source, line=line)
        elif isinstance(block, DuplicateBlockKeyBlock):
            duplicate = block.ignore_error_block
            first = first_line.get(block.key.casefold())
            where = f" (first defined on line {first})" if first else ""
            report("CF111", f"duplicate key '{block.key}'{where}; both entries are kept", line)
            if isinstance(duplicate, Entry):
                entries.append(_raw_entry(duplicate, block.raw or "", line or 0, report))
        elif isinstance(block, DuplicateFieldKeyBlock):
            entry = block.ignore_error_block
            if isinstance(entry, Entry):
                names = ", ".join(sorted(block.duplicate_keys))
                report("CF112", f"entry '{entry.key}': field(s) {names} given more than once; "
                       "the first value is kept", line)
                entries.append(_raw_entry(entry, block.raw or "", line or 0, report))
                first_line.setdefault(entry.key.casefold(), line or 0)
        elif isinstance(block, ParsingFailedBlock):
            _report_failed_block(block, line, report)
        elif isinstance(block, ImplicitComment):
            _report_orphan_fields(block.comment, line, report)
        elif isinstance(block, Entry):
            entries.append(_raw_entry(block, block.raw or "", line or 0, report))
            first_line.setdefault(block.key.casefold(), line or 0)

    resolved = []
    for raw_entry in entries:
        resolved.append(_resolved_fields(raw_entry, strings))
        expanded += sum(len(v) for v in resolved[-1].values())
        if expanded > EXPANSION.value:
            raise EXPANSION.exceeded(expanded, path=source, line=raw_entry.line)
    by_key = {e.key.casefold(): fields for e, fields in zip(entries, resolved, strict=True)}
    result = ReadResult(diagnostics=diagnostics)
    for raw_entry, own_fields in zip(entries, resolved, strict=True):
        fields = _with_crossref(raw_entry, own_fields, by_key, report)
        item, ignored = to_csl(raw_entry.entry_type, raw_entry.key, fields, report=report,
                               line=raw_entry.line)
        if ignored:
            report("CF121", f"entry '{raw_entry.key}': field(s) with no CSL equivalent ignored: "
                   f"{', '.join(ignored)}", raw_entry.line, "warning")
        result.records.append(Record(item=item, line=raw_entry.line, raw=raw_entry.raw))
    return result


def _parse(text: str) -> bibtexparser.Library:
    """bibtexparser with no middleware; its splitter's log lines are silenced because every
    failure it logs is reported here as a diagnostic instead."""
    with _quiet_logger("bibtexparser.splitter"):
        return bibtexparser.parse_string(text, parse_stack=[])


@contextmanager
def _quiet_logger(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    was_disabled = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = was_disabled


# ------------------------------------------------------------------ linting the raw blocks

def _raw_entry(entry: Entry, raw: str, line: int, report: Reporter) -> _RawEntry:
    """Collect an entry's fields (first value wins), putting back commas that are missing."""
    for _ in range(_MAX_COMMA_REPAIRS):
        repaired = _repair_missing_comma(entry, raw, line, report)
        if repaired is None:
            break
        entry, raw = repaired
    fields: dict[str, str] = {}
    for f in entry.fields:
        fields.setdefault(f.key.lower(), str(f.value))
    return _RawEntry(entry.entry_type.lower(), entry.key, fields, line, raw)


def _repair_missing_comma(entry: Entry, raw: str, line: int,
                          report: Reporter) -> tuple[Entry, str] | None:
    """A value that runs on into `\\n  name = {` lost its comma: report it, insert it, re-parse."""
    for f in entry.fields:
        value = str(f.value)
        end = _expression_end(value)
        if end == len(value.rstrip()):
            continue
        match = _MERGED_FIELD.match(value, end)
        at = raw.find(value)
        if not match or at < 0:
            continue
        position = at + end
        fixed = raw[:position] + "," + raw[position:]
        reparsed = _parse(fixed)
        if len(reparsed.entries) != 1 or reparsed.failed_blocks:
            return None
        missing_line = line + raw[:position].count("\n")
        where = "on the next line" if "\n" in value[end:match.start(1)] else "after it"
        report("CF113", f"entry '{entry.key}': field '{f.key}' runs into '{match.group(1)} = …' "
               f"{where}; a comma is probably missing (read as two fields)", missing_line)
        return reparsed.entries[0], fixed
    return None


def _report_failed_block(block: ParsingFailedBlock, line: int | None, report: Reporter) -> None:
    raw = block.raw or ""
    head = re.match(r"\s*@\s*(\w+)\s*[{(]\s*([^,\s]*)", raw)
    what = f"entry '{head.group(2)}'" if head and head.group(2) else (
        f"@{head.group(1)} block" if head else "block")
    error = str(getattr(block.error, "abort_reason", None) or block.error or "")
    ran_on = "Unexpected block start" in error or "reached end of file" in error
    balance = _brace_balance(raw) if ran_on else 0
    if balance > 0:
        report("CF114", f"{what}: braces are unbalanced ({balance} '{{' not closed); "
               "the entry was not read", line)
    elif balance < 0:
        report("CF114", f"{what}: braces are unbalanced ({-balance} '}}' too many); "
               "the entry was not read", line)
    else:
        reason = error.strip().splitlines()[0] if error.strip() else "syntax error"
        report("CF110", f"{what} could not be parsed: {reason}", line)


def _report_orphan_fields(comment: str, line: int | None, report: Reporter) -> None:
    """Text between entries that holds `name = {…}` after an extra `}`: fields were cut off."""
    if _ORPHAN_FIELDS.search(comment) and _brace_balance(comment) < 0:
        report("CF114", "braces are unbalanced: an extra '}' closed the entry early and the "
               "fields after it were not read", line)


def _brace_balance(text: str) -> int:
    text = text.replace("\\{", "").replace("\\}", "")
    return text.count("{") - text.count("}")


def _expression_end(value: str) -> int:
    """Where a well-formed `part # part …` value ends (its length when all of it is well formed)."""
    position, expect_part = 0, True
    while position < len(value):
        if not expect_part:
            hash_match = re.match(r"\s*#", value[position:])
            if not hash_match:
                return position
            position += hash_match.end()
            expect_part = True
            continue
        part = _PART.match(value, position)
        if not part:
            return position
        token = part.group(1)
        start = part.start(1)
        if token == "{":
            close = _matching_brace(value, start)
            if close < 0:
                return position
            position = close + 1
        elif token == '"':
            close = _closing_quote(value, start)
            if close < 0:
                return position
            position = close + 1
        else:
            position = part.end()
        expect_part = False
    return position


def _matching_brace(text: str, start: int) -> int:
    depth = 0
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _closing_quote(text: str, start: int) -> int:
    depth = 0
    for i in range(start + 1, len(text)):
        char = text[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0 and text[i - 1] != "\\":
            return i
    return -1


# ------------------------------------------------------------------ values

def _resolve(value: str, strings: dict[str, str]) -> str:
    """`{a} # mac # "b"` → the LaTeX text it stands for (macros from @string; months kept)."""
    out: list[str] = []
    position = 0
    value = value.strip()
    while position < len(value):
        part = _PART.match(value, position)
        if not part:
            break
        token, start = part.group(1), part.start(1)
        if token in ("{", '"'):
            close = (_matching_brace if token == "{" else _closing_quote)(value, start)
            if close < 0:
                out.append(value[start + 1:])
                break
            out.append(value[start + 1:close])
            position = close + 1
        else:
            out.append(strings.get(token.casefold(), token))
            position = part.end()
        hash_match = re.match(r"\s*#", value[position:])
        if not hash_match:
            break
        position += hash_match.end()
    return "".join(out)


def _resolved_fields(entry: _RawEntry, strings: dict[str, str]) -> dict[str, str]:
    """Field values resolved to LaTeX text; BibLaTeX synonyms folded to one name."""
    fields: dict[str, str] = {}
    for name, value in entry.fields.items():
        fields[name] = _resolve(value, strings)
    for synonym, canonical in bibmap.FIELD_SYNONYMS.items():
        if synonym in fields:
            value = fields.pop(synonym)
            fields.setdefault(canonical, value)
    return fields


def _with_crossref(entry: _RawEntry, fields: dict[str, str], by_key: dict[str, dict[str, str]],
                   report: Reporter, seen: frozenset[str] = frozenset()) -> dict[str, str]:
    """Inherit the crossref parent's fields the child lacks (BibLaTeX's title → booktitle rule)."""
    target = fields.get("crossref", "").strip()
    if not target:
        return fields
    parent = by_key.get(target.casefold())
    if parent is None:
        report("CF115", f"entry '{entry.key}': crossref '{target}' not found", entry.line,
               "warning")
        return fields
    if target.casefold() in seen:
        return fields
    parent = _with_crossref(entry, parent, by_key, report, seen | {target.casefold()})
    merged = dict(fields)
    renames = {"title": "booktitle", "subtitle": "booksubtitle", "shorttitle": None}
    for name, value in parent.items():
        if name in bibmap.IGNORED_FIELDS:
            continue
        name_in_child = renames.get(name, name)
        if name_in_child is not None:
            merged.setdefault(name_in_child, value)
    return merged


# ------------------------------------------------------------------ mapping to CSL

def to_csl(entry_type: str, key: str, fields: dict[str, str], *, report: Reporter | None = None,
           line: int | None = None) -> tuple[Item, list[str]]:
    """One entry's resolved fields → a CSL-JSON item, and the fields that had no CSL home."""
    def warn(code: str, message: str) -> None:
        if report is not None:
            report(code, message, line, "warning")

    if entry_type in bibmap.BIBTEX_TO_CSL_TYPE:
        csl_type, genre = bibmap.BIBTEX_TO_CSL_TYPE[entry_type]
    else:
        csl_type, genre = "document", None
        warn("CF121", f"entry '{key}': unknown entry type @{entry_type}, read as CSL 'document'")
    if entry_type == "misc" and re.match(r"\s*\\url\{", fields.get("howpublished", "")):
        csl_type = "webpage"
    item: Item = {"id": key, "type": csl_type}
    used: set[str] = set()

    def take(name: str) -> str | None:
        if name in fields and fields[name].strip():
            used.add(name)
            return fields[name]
        used.add(name)
        return None

    for name, variable in bibmap.NAME_FIELDS.items():
        value = take(name)
        if value is not None and variable not in item:
            item[variable] = parse_names(value)

    title = take("title")
    subtitle = take("subtitle")
    if title is not None:
        item["title"] = _joined(_rich(title), _rich(subtitle) if subtitle else None)
    container = take("journal")
    container_sub = take("journalsubtitle")
    booktitle = take("booktitle")
    book_sub = take("booksubtitle")
    if container is not None:
        item["container-title"] = _joined(_rich(container), _rich(container_sub)
                                          if container_sub else None)
    elif booktitle is not None:
        item["container-title"] = _joined(_rich(booktitle), _rich(book_sub) if book_sub else None)

    for name, variable in bibmap.TEXT_FIELDS.items():
        if name in ("title",) or variable in item:
            continue
        value = take(name)
        if value is None:
            continue
        item[variable] = _field_text(name, value)
    if genre and "genre" not in item:
        item["genre"] = genre
    if "DOI" in item:
        item["DOI"] = _DOI_PREFIX.sub("", item["DOI"])
    if "page" in item:
        item["page"] = re.sub(r"\s*[-–—]+\s*", "-", item["page"])

    number = take("number")
    issue = take("issue")
    if csl_type.startswith("article") or csl_type in ("periodical", "review"):
        if number is not None:
            item["issue"] = _plain(number)
        elif issue is not None:
            item["issue"] = _plain(issue)
        article_number = take(bibmap.ARTICLE_NUMBER_FIELD)
        if article_number is not None:
            item["number"] = _plain(article_number)
    else:
        if issue is not None:
            item["issue"] = _plain(issue)
        if number is not None:
            variable = "collection-number" if csl_type in ("book", "chapter",
                                                           "paper-conference") else "number"
            item[variable] = _plain(number)

    address = take("address")
    if address is not None:
        item["publisher-place"] = _plain(address)
    for name in ("school", "institution", "organization"):
        if "publisher" not in item and name in fields:
            value = take(name)
            if value is not None:
                item["publisher"] = _plain(value)
    _map_dates(item, fields, take, warn, key)
    langid = take("langid")
    if langid is not None:
        item["language"] = bibmap.LANGUAGE_CODES.get(langid.strip().lower(),
                                                     bibmap.LANGUAGE_CODES.get(langid.strip(),
                                                                               langid.strip()))
    _map_eprint(item, take)
    howpublished = take("howpublished")
    if howpublished is not None:
        _map_howpublished(item, howpublished)

    ignored = sorted(n for n in fields if n not in used and n not in bibmap.IGNORED_FIELDS)
    return item, ignored


def _map_dates(item: Item, fields: dict[str, str], take: Callable[[str], str | None],
               warn: Callable[[str, str], None], key: str) -> None:
    for name, variable in bibmap.DATE_FIELDS.items():
        value = take(name)
        if value is not None:
            item[variable] = parse_iso_date(_plain(value))
    year, month, day = take("year"), take("month"), take("day")
    if "issued" in item or year is None:
        return
    year_text = _plain(year)
    years = re.findall(r"\d{4}", year_text)
    if not years or not re.fullmatch(r"\d{4}[a-z]?(\s*[-–/]+\s*\d{4})?", year_text):
        item["issued"] = {"literal": year_text}
        return
    parts = [int(years[0])]
    if month is not None:
        number = month_number(month)
        if number is None:
            warn("CF206", f"entry '{key}': month '{_plain(month)}' not understood; left out")
        else:
            parts.append(number)
            if day is not None and _plain(day).isdecimal():
                parts.append(int(_plain(day)))
    date_parts = [parts]
    if len(years) > 1:
        date_parts.append([int(years[1])])
    item["issued"] = {"date-parts": date_parts}


def month_number(value: str) -> int | None:
    """`jan`, `January`, `3`, `03`, `Mar.`, `марта` (LaTeX resolved first) → 1…12, or None."""
    return _fields.month_number(_plain(value))


def _map_eprint(item: Item, take: Callable[[str], str | None]) -> None:
    eprint, eprinttype = take("eprint"), take("eprinttype")
    if eprint is None:
        return
    kind = (eprinttype or "").strip().lower()
    variable = bibmap.EPRINT_TYPES.get(kind)
    if variable:
        item.setdefault(variable, _verbatim(eprint))
    else:
        item.setdefault("archive", _plain(eprinttype) if eprinttype else "eprint")
        item.setdefault("archive_location", _verbatim(eprint))


def _map_howpublished(item: Item, value: str) -> None:
    url = re.fullmatch(r"\s*\\url\{(.*)\}\s*", value)
    text = _verbatim(url.group(1)) if url else _plain(value)
    if url or re.match(r"https?://", text):
        item.setdefault("URL", text)
    elif "publisher" not in item:
        item["publisher"] = text
    else:
        item.setdefault("medium", text)


def parse_names(value: str) -> list[dict[str, str]]:
    """`Family, Given and {Org Name} and von Last, Jr, First` → CSL name objects.

    "and others" (BibTeX's et al.: the source's list is incomplete) becomes the model's
    `ET_AL_NAME` marker, which the engine renders as the style's et-al term."""
    names: list[dict[str, str]] = []
    for raw in split_multiple_persons_names(value):
        raw = raw.strip()
        if not raw:
            continue
        if raw.lower() == "others":
            names.append(dict(ET_AL_NAME))
            continue
        if raw.startswith("{") and _matching_brace(raw, 0) == len(raw) - 1:
            names.append({"literal": _plain(raw[1:-1])})
            continue
        try:
            parts = parse_single_name_into_parts(raw, strict=False)
        except InvalidNameError:
            names.append({"literal": _plain(raw)})
            continue
        name: dict[str, str] = {}
        family = _plain(" ".join(parts.last))
        if family:
            name["family"] = family
        given = _plain(" ".join(parts.first))
        if given:
            name["given"] = given
        if parts.von:
            name["non-dropping-particle"] = _plain(" ".join(parts.von))
        if parts.jr:
            name["suffix"] = _plain(" ".join(parts.jr))
        if not name:
            name = {"literal": _plain(raw)}
        names.append(name)
    return names


def _field_text(name: str, value: str) -> str:
    if name in bibmap.VERBATIM_FIELDS:
        return _verbatim(value)
    if name in bibmap.TITLE_FIELDS:
        return _rich(value)
    if name == "pages":
        return _plain(re.sub(r"-{2,3}", "-", value))
    return _plain(value)


def _rich(value: str) -> str:
    return latex_to_unicode(value, rich=True)


def _plain(value: str) -> str:
    return latex_to_unicode(value, rich=False)


def _verbatim(value: str) -> str:
    """Identifiers and URLs: only LaTeX escapes and `\\url{}` are undone; `--` stays `--`."""
    value = re.sub(r"\\url\{(.*?)\}", r"\1", value.strip())
    value = re.sub(r"\\([_%&#~$])", r"\1", value)
    return value.replace("{", "").replace("}", "").strip()


def _joined(title: str, subtitle: str | None) -> str:
    if not subtitle:
        return title
    return f"{title}{'' if title.endswith(('?', '!', ':')) else ':'} {subtitle}"
