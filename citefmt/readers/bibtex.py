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

import re
from collections.abc import Callable
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

from citefmt import bibmap, bibsource
from citefmt.diagnostics import Diagnostic, Severity
from citefmt.language import declared_language, item_language
from citefmt.latex import BIBLATEX_STRINGS, latex_to_unicode, strip_comments
from citefmt.limits import BRACE_DEPTH, EXPANSION, check_nesting
from citefmt.model import ET_AL_NAME, Item, ReadResult, Record
from citefmt.readers import _fields
from citefmt.readers.csljson import parse_iso_date

_PART = re.compile(r'\s*(\{|"|[^\s#{}",]+)')
_MERGED_FIELD = re.compile(r"\s*([A-Za-z][\w:.+-]*)[ \t]*=[ \t]*[{\"\w]")
_ORPHAN_FIELDS = re.compile(r"^\s*,?\s*[A-Za-z][\w:.+-]*\s*=\s*[{\"\w]", re.M)
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

    blocks = list(library.blocks)
    skip: set[int] = set()
    for index, block in enumerate(blocks):
        if index in skip:
            continue
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
            rest = blocks[index + 1] if index + 1 < len(blocks) else None
            tail = rest.comment if isinstance(rest, ImplicitComment) else ""
            recovered = _recover(_source_span(text, block.raw or "", tail), line or 0, report)
            if recovered is not None and tail:
                skip.add(index + 1)
            if recovered is None:
                _report_failed_block(block, line, report)
            else:
                entries.append(recovered)
                first_line.setdefault(recovered.key.casefold(), line or 0)
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
    types = {e.key.casefold(): e.entry_type for e in entries}
    result = ReadResult(diagnostics=diagnostics)
    for raw_entry, own_fields in zip(entries, resolved, strict=True):
        if raw_entry.entry_type == "xdata":
            continue
        fields = _with_crossref(raw_entry, _with_xdata(own_fields, by_key), by_key, types,
                                report)
        item, ignored = to_csl(raw_entry.entry_type, raw_entry.key, fields, report=report,
                               line=raw_entry.line)
        _keep_for_bibtex(item, raw_entry, own_fields)
        if ignored:
            report("CF121", f"entry '{raw_entry.key}': field(s) with no CSL equivalent ignored "
                    f"(kept for BibTeX output): {', '.join(ignored)}", raw_entry.line, "info")
        result.records.append(Record(item=item, line=raw_entry.line, raw=raw_entry.raw))
    return result


def _keep_for_bibtex(item: Item, entry: _RawEntry, own_fields: dict[str, str]) -> None:
    """What CSL has no place for travels in the item's CSL `custom` object (CSL-JSON 1.0.2's
    home for extensions), so `convert --to bibtex` writes it back unchanged: the entry type when
    CSL's type would not give it back, and every field of the entry's own that the mapping did
    not use, as written (LaTeX, `@string` macros resolved)."""
    used = _used_fields(entry.entry_type, own_fields)
    as_written = bibmap.KEPT_AS_WRITTEN | (
        {"editor"} if own_fields.get("editortype", "editor").strip().lower() != "editor"
        else set()) | _kept_gost_keys(own_fields, str(item["type"]))
    kept = {name: value for name, value in own_fields.items()
            if name not in used or name in as_written}
    if "publisher" not in own_fields:
        source = next((n for n in ("school", "institution", "organization") if n in own_fields),
                      None)
        default = bibmap.PUBLISHER_FIELD_OF_TYPE.get(entry.entry_type, "publisher")
        if source is not None and source != default:
            item.setdefault("custom", {}).setdefault("bibtex", {})["publisher-field"] = source
    if entry.entry_type not in bibmap.BIBTEX_TO_CSL_TYPE or bibmap.CSL_TO_BIBTEX_TYPE.get(
            str(item["type"])) != entry.entry_type:
        item.setdefault("custom", {}).setdefault("bibtex", {})["type"] = entry.entry_type
    if kept:
        item.setdefault("custom", {}).setdefault("bibtex", {})["fields"] = kept


def _used_fields(entry_type: str, fields: dict[str, str]) -> set[str]:
    """The fields `to_csl` turns into CSL variables (the others are kept verbatim)."""
    _, ignored = to_csl(entry_type, "", fields)
    return {name for name in fields if name not in ignored and name not in
            bibmap.IGNORED_FIELDS}


def _parse(text: str) -> bibtexparser.Library:
    """bibtexparser with no middleware (`citefmt.bibsource.parse`, which silences its splitter's
    log lines: every failure it logs is reported here as a diagnostic instead)."""
    return bibsource.parse(text)


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


_KEYLESS = re.compile(r"(\s*@\s*(\w+)\s*[{(])(\s*[A-Za-z][\w:.+-]*\s*=)")
_EMPTY_FIELD = re.compile(r",(\s*,)+")


def _source_span(text: str, raw: str, tail: str) -> str:
    """The text of a failed block and the comment after it, as written in the file
    (bibtexparser drops what it choked on between the two)."""
    start = text.find(raw) if raw else -1
    end = text.find(tail, start + len(raw)) if start >= 0 and tail else -1
    if start < 0:
        return raw
    return text[start:end + len(tail)] if end >= 0 else raw


def _recover(raw: str, line: int, report: Reporter) -> _RawEntry | None:
    """Read an entry bibtexparser refused for a slip BibTeX tools forgive, reporting the repair
    (CF125): no citation key (`@article{ author = …`, key made from the type and line), or an
    empty field between two commas (`title = {…},  , number = …`)."""
    repairs: list[str] = []
    fixed = raw
    keyless = _KEYLESS.match(fixed)
    if keyless:
        key = f"{keyless.group(2).lower()}-line{line}"
        fixed = fixed[:keyless.end(1)] + f"{key}," + fixed[keyless.end(1):]
        repairs.append(f"it has no citation key; read as '{key}'")
    if _EMPTY_FIELD.search(fixed):
        fixed = _EMPTY_FIELD.sub(",", fixed)
        repairs.append("an empty field between two commas was skipped")
    if not repairs:
        return None
    library = _parse(fixed)
    if len(library.entries) != 1 or library.failed_blocks:
        return None
    entry = library.entries[0]
    report("CF125", f"entry '{entry.key}': {'; '.join(repairs)}", line, "warning")
    return _raw_entry(entry, raw, line, report)


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
            close = bibsource.closing_quote(value, start)
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
            close = (_matching_brace if token == "{" else bibsource.closing_quote)(value, start)
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
            if synonym in bibmap.BIBLATEX_PREFERRED and value.strip():
                fields[canonical] = value
            else:
                fields.setdefault(canonical, value)
    return fields


def _with_crossref(entry: _RawEntry, fields: dict[str, str], by_key: dict[str, dict[str, str]],
                   types: dict[str, str], report: Reporter,
                   seen: frozenset[str] = frozenset()) -> dict[str, str]:
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
    parent_entry = _RawEntry(types.get(target.casefold(), ""), target, parent, entry.line, "")
    # the parent as biber sees it: with its own @xdata fields (`xdata` itself is not inherited)
    parent = _with_crossref(parent_entry, _with_xdata(parent, by_key), by_key, types, report,
                            seen | {target.casefold()})
    merged = dict(fields)
    # biber's default inheritance (biblatex manual, appendix "Default Inheritance Setup"): a
    # part's (and an article's) parent title is its `booktitle`; a multi-volume parent's title
    # is any child's `maintitle`; other children (a @book of a @book) take fields as they are
    renames: dict[str, str | None] = {"shorttitle": None}
    if entry.entry_type in _PART_TYPES or entry.entry_type in ("article", "suppperiodical"):
        renames.update({"title": "booktitle", "subtitle": "booksubtitle",
                        "titleaddon": "booktitleaddon"})
    if types.get(target.casefold(), "").startswith("mv"):
        # biber: a multi-volume parent's title is the child's `maintitle`
        renames = {"title": "maintitle", "subtitle": "mainsubtitle",
                   "titleaddon": "maintitleaddon", "shorttitle": None, "booktitle": None}
    if entry.entry_type in _PART_TYPES:
        # the host's translation is the host's: a part's own `translator`/`origlanguage` stay
        # the part's (biblatex-gost prints each with its own title); a part whose translators
        # are the host's names them once, with the host
        renames.update(bibmap.HOST_FIELDS_OF_A_PART)
        if _same_names(fields.get("translator"), parent.get("translator")):
            merged.pop("translator")
        elif types.get(target.casefold(), "").startswith("mv") and not parent.get(
                "translator") and _same_text(fields.get("origlanguage"),
                                             parent.get("origlanguage")):
            # a part of a multi-volume work translated from the work's language, no translator
            # named: the translation statement once, with the part (biblatex-gost's form; the
            # work's title is the part's `maintitle`, which has no translation statement)
            merged["bookoriglanguage"] = ""
    if entry.entry_type in _IN_BOOK_TYPES:
        merged.setdefault("bookauthor", parent.get("author", ""))
    own_date = any(fields.get(name, "").strip() for name in _DATE_GROUP)
    for name, value in parent.items():
        if name in bibmap.IGNORED_FIELDS or (own_date and name in _DATE_GROUP):
            continue
        name_in_child = renames.get(name, name)
        if name_in_child is not None:
            merged.setdefault(name_in_child, value)
    return {k: v for k, v in merged.items() if v}


#: a date and its parts: a child that gives any of them has its own date, and inherits none of
#: the parent's (biber splits `date` into year, month, day, end year before inheriting, so a
#: child's `year = 2010` is not joined to the parent's `date = {1991/}`)
_DATE_GROUP = frozenset({"date", "year", "month", "day"})

def _same_text(first: str | None, second: str | None) -> bool:
    """Two field values that say the same once case and spacing are set aside."""
    return bool(first and second) and " ".join(str(first).casefold().split()) == " ".join(
        str(second).casefold().split())


def _same_names(first: str | None, second: str | None) -> bool:
    """Two name fields that name the same persons ("A and B" = "A and  B")."""
    if not first or not second:
        return False
    return parse_names(first) == parse_names(second)


#: BibLaTeX types of a part of a book (a chapter, a paper in proceedings, an entry)
_PART_TYPES = frozenset({"inbook", "bookinbook", "suppbook", "incollection", "suppcollection",
                         "inproceedings", "inreference"})

#: BibLaTeX types whose crossref parent's `author` is the child's `bookauthor` (biber's
#: inheritance rules: book → inbook, bookinbook, suppbook)
_IN_BOOK_TYPES = frozenset({"inbook", "bookinbook", "suppbook"})


def _with_xdata(fields: dict[str, str], by_key: dict[str, dict[str, str]],
                seen: frozenset[str] = frozenset()) -> dict[str, str]:
    """BibLaTeX `xdata = {a, b}`: the named @xdata entries' fields, as if written here."""
    keys = [k.strip().casefold() for k in fields.get("xdata", "").split(",") if k.strip()]
    merged = dict(fields)
    for key in keys:
        if key in by_key and key not in seen:
            for name, value in _with_xdata(by_key[key], by_key, seen | {key}).items():
                merged.setdefault(name, value)
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

    _map_names(item, take)

    title = take("title")
    subtitle = take("subtitle")
    titleaddon = take("titleaddon")
    if title is not None:
        item["title"] = _joined(_rich(title), _rich(subtitle) if subtitle else None)
        if titleaddon is not None and csl_type != "thesis":
            item["title"] = _sentence_joined(item["title"], _rich(titleaddon))
        if titleaddon is not None and csl_type == "thesis":
            # a thesis's addon ("защищена 12.02.02 : утв. 24.06.02") follows the degree and the
            # specialty code (GOST 7.1-2003's example): kept apart, `title-addon`
            item["title-addon"] = _rich(titleaddon)
            _split_title(item, "title", _rich(title), _rich(subtitle or ""))
            if subtitle is None:
                del item["title-sub"]
        elif subtitle is not None or titleaddon is not None:
            # other title information: the subtitle, else the title addon (biblatex-gost)
            _split_title(item, "title", _rich(title), _rich(subtitle or titleaddon or ""))
            if subtitle is not None and titleaddon is not None:
                item["title-sub"] = _sentence_joined(str(item["title-sub"]), _rich(titleaddon))
    container = take("journal")
    container_sub = take("journalsubtitle")
    booktitle = take("booktitle")
    book_sub = take("booksubtitle")
    if container is not None:
        item["container-title"] = _joined(_rich(container), _rich(container_sub)
                                          if container_sub else None)
        if container_sub is not None:
            _split_title(item, "container-title", _rich(container), _rich(container_sub))
    elif booktitle is not None:
        item["container-title"] = _joined(_rich(booktitle), _rich(book_sub) if book_sub else None)
        book_addon = take("booktitleaddon")
        if book_addon is not None:
            item["container-title"] = _sentence_joined(item["container-title"], _rich(book_addon))
        if book_sub is not None or book_addon is not None:
            _split_title(item, "container-title", _rich(booktitle),
                         _rich(book_sub or book_addon or ""))
            if book_sub is not None and book_addon is not None:
                item["container-title-sub"] = _sentence_joined(
                    str(item["container-title-sub"]), _rich(book_addon))
    _map_maintitle(item, take)
    for name, variable in bibmap.EXTENSION_TEXT_FIELDS.items():
        value = take(name)
        if value is not None:
            item[variable] = _plain(value).strip()

    for name, variable in bibmap.TEXT_FIELDS.items():
        if name in ("title",) or variable in item:
            continue
        value = take(name)
        if value is None:
            continue
        item[variable] = _field_text(name, value)
    addendum = take("addendum")
    if addendum is not None:
        item["note"] = _sentence_joined(item.get("note", ""), _plain(addendum))
    if genre and "genre" not in item:
        item["genre"] = genre

    number = take("number")
    periodical = csl_type.startswith("article") or csl_type in ("periodical", "review")
    # a journal's `issue` ("Spring") beside its `number` has no CSL variable: citefmt's
    # extension `issue-designation`, the field kept as written for BibTeX output
    issue = None if periodical and number is not None else take("issue")
    designation = fields.get("issue", "")
    if periodical and number is not None and re.search(r"[^\W\d_]", designation):
        # a named issue ("Summer", "Mar."), not a number repeated as some exporters write it
        item["issue-designation"] = _plain(str(take("issue")))
    if periodical:
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
        item["publisher-place"] = _field_text("address", address)
    for name in ("school", "institution", "organization"):
        if "publisher" not in item and name in fields:
            value = take(name)
            if value is not None:
                item["publisher"] = _field_text(name, value)
    _map_dates(item, fields, take, warn, key)
    langid = take("langid")
    if langid is not None:  # the one language rule (citefmt.language): declared wins
        item["language"] = declared_language(langid) or langid.strip()
    _map_gost_types(item, fields, take)
    _map_eprint(item, take)
    howpublished = take("howpublished")
    if howpublished is not None:
        _map_howpublished(item, howpublished)

    ignored = sorted(n for n in fields if n not in used and n not in bibmap.IGNORED_FIELDS)
    return item, ignored


def _map_gost_types(item: Item, fields: dict[str, str],
                    take: Callable[[str], str | None]) -> None:
    """biblatex-gost's fields of theses, patents, standards (`bibmap`): a Russian thesis's
    degree and branch of science as GOST words them ("дис. … д-ра физ.-мат. наук") and its
    specialty code; a patent's country key ("Рос. Федерация"), designation ("пат.",
    "заявка"), IPC classes, holder, bulletin, application number and dates; the `heading`
    and `specdata` of any description."""
    russian = item_language(item) == "ru"
    kind = fields.get("type", "").strip()
    for name, variable in (bibmap.HEADING_FIELDS | bibmap.PARTS_FIELDS).items():
        value = take(name)
        if value is not None:
            item[variable] = _plain(value).strip()
    book = take(bibmap.BOOK_FIELD)
    if book is not None and "volume" not in item and item["type"] in ("book", "chapter"):
        item["volume"] = _plain(book).strip()
    if item["type"] == "thesis":
        science = next((v for v in map(take, bibmap.THESIS_SCIENCE_FIELDS) if v), None)
        code = next((v for v in map(take, bibmap.THESIS_SPECIALITY_CODE_FIELDS) if v), None)
        if russian and kind in bibmap.THESIS_DEGREES_RU:
            degree = bibmap.THESIS_DEGREES_RU[kind]
            item["genre"] = f"{degree} {_plain(science).strip()}" if science else degree
        if code is not None and "number" not in item:
            item["number"] = _plain(code).strip()
    if item["type"] != "patent":
        return
    countries = bibmap.COUNTRIES_RU if russian else bibmap.COUNTRIES_EN
    place = fields.get("address", "").strip()
    if place in countries:
        item["publisher-place"], short = countries[place]
        if short != item["publisher-place"]:
            item["publisher-place-short"] = short
    if russian and kind in bibmap.PATENT_TYPES_RU:
        item["genre"], item["genre-short"] = bibmap.PATENT_TYPES_RU[kind]
    for name, variable in bibmap.PATENT_TEXT_FIELDS.items():
        value = take(name)
        if value is not None and variable not in item:
            item[variable] = _field_text(name, value)
    for name in bibmap.PRIORITY_DATE_FIELDS:
        value = take(name)
        if value is not None and "priority-date" not in item:
            item["priority-date"] = parse_iso_date(_verbatim(value))
    for name in bibmap.PRIORITY_COUNTRY_FIELDS:
        value = take(name)
        if value is not None and "priority-country" not in item:
            key = value.strip()
            item["priority-country"] = countries[key][1] if key in countries else _plain(value)
    published = take("publdate")
    if published is not None:
        if "issued" in item:
            item["submitted"] = item["issued"]
        item["issued"] = parse_iso_date(_verbatim(published))


def _kept_gost_keys(fields: dict[str, str], csl_type: str) -> set[str]:
    """Fields whose value is a biblatex key the reader turned into words (`type =
    {docthesis}`, `location = {countryru}`) or whose variable another field fills (a patent's
    `date`, its filing date when `publdate` is given), a thesis's `titleaddon` (its own
    variable `title-addon`), a named issue beside a number: kept as written for BibTeX
    output."""
    kept = {"titleaddon"} if csl_type == "thesis" else set()
    if fields.get("type", "").strip() in (bibmap.THESIS_DEGREES_RU.keys()
                                          | bibmap.PATENT_TYPES_RU.keys()):
        kept.add("type")
    for name in ("location", "address"):
        if fields.get(name, "").strip() in bibmap.COUNTRIES_RU:
            kept.add(name)
    if "publdate" in fields and "date" in fields:
        kept.add("date")
    if "number" in fields and re.search(r"[^\W\d_]", fields.get("issue", "")):
        kept.add("issue")  # a journal's named issue, `issue-designation`
    return kept


def _map_names(item: Item, take: Callable[[str], str | None]) -> None:
    """Name lists → CSL name variables; the `editor` list by its `editortype` (biblatex's
    roles, `bibmap.EDITOR_ROLES`; biblatex-gost's `gecompiler` names two), then `editora`…
    `editorc` by theirs where that role is not given yet."""
    role = (take("editortype") or "editor").strip().lower()
    for name, variable in bibmap.NAME_FIELDS.items():
        value = take(name)
        if value is None:
            continue
        variables: tuple[str, ...] = (variable,)
        if name == "editor":
            variables = bibmap.EDITOR_ROLE_PAIRS.get(role) or (
                bibmap.EDITOR_ROLES.get(role, "editor"),)
        for target in variables:
            if target not in item:
                item[target] = parse_names(value)
    for name in bibmap.EXTRA_EDITOR_FIELDS:
        value = take(name)
        extra_role = (take(f"{name}type") or "editor").strip().lower()
        extra = bibmap.EDITOR_ROLES.get(extra_role)
        if value is not None and extra is not None and extra not in item:
            item[extra] = parse_names(value)


def _split_title(item: Item, variable: str, main: str, sub: str) -> None:
    """A title given with its subtitle in a field of its own: `<variable>-main` and
    `<variable>-sub` besides the joined title (citefmt's extension; GOST prints them as
    "Заглавие : подзаголовок", other title information after " : ")."""
    item[f"{variable}-main"] = main
    item[f"{variable}-sub"] = sub


def _map_maintitle(item: Item, take: Callable[[str], str | None]) -> None:
    """BibLaTeX's multi-volume works: `maintitle` is the whole work — a book's CSL `title`, its
    volume's own title becoming `volume-title` (as pandoc reads it); for a part (chapter, paper,
    episode, track) the `container-title`, the book's own title then its `volume-title`. The
    split title (`title-main`/`-sub`) follows the title it split."""
    maintitle, mainsubtitle = take("maintitle"), take("mainsubtitle")
    addon = take("maintitleaddon")
    if maintitle is None:
        return
    main = _joined(_rich(maintitle), _rich(mainsubtitle) if mainsubtitle else None)
    if addon is not None:
        main = _sentence_joined(main, _rich(addon))
    whole_book = str(item["type"]) == "book" and "container-title" not in item
    own = "title" if whole_book else "container-title"
    split = {suffix: item.pop(own + suffix, None) for suffix in ("-main", "-sub")}
    if own in item and split["-main"] is not None and split["-sub"]:
        # the volume's own title keeps its subtitle apart (GOST " : "), as the title did
        item["volume-title-main"], item["volume-title-sub"] = split["-main"], split["-sub"]
    if mainsubtitle is not None or addon is not None:
        # other title information: the subtitle, else the title addon (as for `title`)
        _split_title(item, own, _rich(maintitle), _rich(mainsubtitle or addon or ""))
        if mainsubtitle is not None and addon is not None:
            item[f"{own}-sub"] = _sentence_joined(_rich(mainsubtitle), _rich(addon))
    if own == "container-title" and "container-title" not in item:
        item[own] = main
        return
    if own in item:
        item["volume-title"] = item[own]
    item[own] = main


def _map_dates(item: Item, fields: dict[str, str], take: Callable[[str], str | None],
               warn: Callable[[str, str], None], key: str) -> None:
    for name, variable in bibmap.DATE_FIELDS.items():
        value = take(name)
        if value is not None:
            item[variable] = parse_iso_date(_verbatim(value))
    year, month, day = (strip_comments(v) if v is not None else None
                        for v in (take("year"), take("month"), take("day")))
    if "issued" in item or year is None:
        return
    year_text = _plain(year)
    years = re.findall(r"\d{4}", year_text)
    if not years or not re.fullmatch(r"\d{4}[a-z]?(\s*[-–/]+\s*\d{4})?", year_text):
        item["issued"] = {"literal": year_text}
        return
    parts = [int(years[0])]
    if month is not None:
        number, month_day = month_and_day(month)
        if number is None:
            warn("CF206", f"entry '{key}': month '{_plain(month)}' not understood; left out")
        else:
            parts.append(number)
            if day is not None and _plain(day).isdecimal():
                parts.append(int(_plain(day)))
            elif month_day is not None:
                parts.append(month_day)
    date_parts = [parts]
    if len(years) > 1:
        date_parts.append([int(years[1])])
    item["issued"] = {"date-parts": date_parts}


def month_number(value: str) -> int | None:
    """`jan`, `January`, `3`, `03`, `Mar.`, `марта` (LaTeX resolved first) → 1…12, or None."""
    return month_and_day(value)[0]


def month_and_day(value: str) -> tuple[int | None, int | None]:
    """A `month` field → (month, day): `jan`, `3`, `Mar.`, and with a day as exporters write it:
    `{2 sep}`, `{July 30th}`, `{OCT 1}` (LaTeX resolved first)."""
    text = _plain(value)
    number = _fields.month_number(text)
    if number is not None:
        return number, None
    words = re.findall(r"[^\W\d_]+\.?|\d+", text)
    months = [m for m in (_fields.month_number(w) for w in words if not w.isdigit()) if m]
    days = [int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31]
    ordinal_ok = all(w.isdigit() or _fields.month_number(w) or w.lower() in ("st", "nd", "rd",
                                                                               "th", "of")
                     for w in words)
    if len(months) == 1 and len(days) <= 1 and ordinal_ok:
        return months[0], days[0] if days else None
    return None, None


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
        if kind in bibmap.EPRINT_URLS:
            item.setdefault("URL", bibmap.EPRINT_URLS[kind] + _verbatim(eprint))


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
    value = _ACCENT_BEFORE_LETTER.sub(r"{\\\1\2}", strip_comments(value))
    for raw in split_multiple_persons_names(value):
        raw = raw.strip()
        if not raw:
            continue
        if raw.lower() == "others":
            names.append(dict(ET_AL_NAME))
            continue
        extended = _extended_name(raw)
        if extended is not None:
            names.append(extended)
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


#: `\~n`, `\"a`: BibTeX's name splitter takes `~` for a tie (a space); grouped they stay letters
_ACCENT_BEFORE_LETTER = re.compile(r"\\([~'\"`^=.])\s*([A-Za-z])")
_EXTENDED_PART = re.compile(r"\s*(family|given|prefix|suffix|useprefix|familyi|giveni|"
                            r"prefixi|suffixi)\s*=", re.I)


def _extended_name(raw: str) -> dict[str, str] | None:
    """BibLaTeX's extended name format, `family=Goethe, given=Johann Wolfgang, prefix=von,
    useprefix=false` → a CSL name (the prefix is a non-dropping particle when `useprefix` is
    true, else a dropping one); None when `raw` is an ordinary name."""
    if not _EXTENDED_PART.match(raw):
        return None
    parts: dict[str, str] = {}
    for piece in _top_level_split(raw, ","):
        key, _, text = piece.partition("=")
        text = text.strip()
        if len(text) >= 2 and text[0] + text[-1] in ("{}", '""'):
            text = text[1:-1]
        parts[key.strip().lower()] = text
    name: dict[str, str] = {}
    for key, variable in (("family", "family"), ("given", "given"), ("suffix", "suffix")):
        if parts.get(key):
            name[variable] = _plain(parts[key])
    if parts.get("prefix"):
        use = parts.get("useprefix", "false").strip().lower() == "true"
        name["non-dropping-particle" if use else "dropping-particle"] = _plain(parts["prefix"])
    return name or {"literal": _plain(raw)}


def _top_level_split(text: str, separator: str) -> list[str]:
    """Split at `separator` outside braces."""
    pieces, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == separator and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _field_text(name: str, value: str) -> str:
    if name in bibmap.VERBATIM_FIELDS:
        return _verbatim(value)
    if name in bibmap.LIST_FIELDS:
        return "; ".join(_plain(part) for part in split_multiple_persons_names(value)
                         if part.strip())
    if name in bibmap.LOCALISED_FIELDS and value.strip() in BIBLATEX_STRINGS:
        return BIBLATEX_STRINGS[value.strip()]
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


def _sentence_joined(text: str, addition: str) -> str:
    """`note` + `addendum`, `title` + `titleaddon`: "The Note. The Addendum" (as pandoc)."""
    if not text:
        return addition
    return f"{text}{'' if text.endswith(('.', '?', '!')) else '.'} {addition}"


def _joined(title: str, subtitle: str | None) -> str:
    if not subtitle:
        return title
    return f"{title}{'' if title.endswith(('?', '!', ':')) else ':'} {subtitle}"
