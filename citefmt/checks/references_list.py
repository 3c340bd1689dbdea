"""CF600–CF603: a page that prints its reference list twice — "Список литературы" and the
Latin-script "References" — must give the same sources in the same order.

- CF600: the lists have different numbers of entries (each unpaired entry is named);
- CF601: entry i of the two lists differ in DOI, year, volume, issue or pages (both lines
  are quoted);
- CF602: a References entry still has Cyrillic letters;
- CF603: the References entry of a Cyrillic source has no language note ("(In Russ.)").

`regenerate` is what `check --fix` does with such a page when a transliteration scheme is set
(`translit = "bsi"` in the config, or `check --fix --translit`): the References block is
written anew from the original list (`citefmt.translit`), keeping the English titles and
official journal names the old References entries give (an entry that gives an official English
title alone keeps that form). Entries of English sources, entries
that do not correspond (CF601) and entries whose original could not be parsed keep their old
text; a missing entry is written. It is a pure function
returning one edit, a byte range of the UTF-8 text and its replacement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic
from citefmt.edits import Edit
from citefmt.model import Record

CODES = ("CF600", "CF601", "CF602", "CF603")

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_NOTE = re.compile(r"[(\[]\s*(?:in\s+)?(?:russ|ukr|belarus|bulg|kazakh|рус)", re.I)
_QUOTE = 400


@dataclass(frozen=True)
class TwoLists:
    """A page's original list and its References list, as the text reader reads them."""

    original: list[Record]
    references: list[Record]
    #: 1-based lines of the References heading and of its first and last entry lines
    heading_line: int | None
    first_line: int
    last_line: int


def find(doc: Document) -> list[Diagnostic]:
    lists = two_lists(doc.text, doc.source)
    if lists is None:
        return []
    from citefmt.pairing import pair_lists
    from citefmt.translit import cyrillic_language

    found: list[Diagnostic] = []
    pairs = pair_lists(lists.original, lists.references)
    if len(lists.original) != len(lists.references):
        unpaired = [p for p in pairs if p.original is None or p.references is None]
        named = ", ".join(_unpaired(p.original, p.references) for p in unpaired)
        found.append(doc.diagnostic(
            "CF600", f"the original list has {len(lists.original)} entries, References "
                     f"{len(lists.references)}: {named} has no counterpart",
            line=lists.heading_line or lists.first_line))
    for pair in pairs:
        original, references = pair.original, pair.references
        if original is None or references is None:
            continue
        if pair.mismatches:
            found.append(doc.diagnostic(
                "CF601", f"entry {pair.position} of the two lists differ "
                         f"({'; '.join(map(str, pair.mismatches))}): "
                         f"«{_quote(original)}» (line {original.line}) / "
                         f"«{_quote(references)}»", line=references.line))
        raw = references.raw or ""
        if _CYRILLIC.search(raw):
            found.append(doc.diagnostic(
                "CF602", f"References entry {pair.position} has Cyrillic letters: "
                         f"«{_quote(references)}»", line=references.line))
        elif cyrillic_language(original.item) and not _NOTE.search(raw):
            found.append(doc.diagnostic(
                "CF603", f"References entry {pair.position} of a Cyrillic source has no "
                         f"language note such as \"(In Russ.)\"", line=references.line))
    scheme = doc.settings.translit
    if not found and scheme and regenerate(doc.text, scheme, source=doc.source) is not None:
        # only with a scheme set: the list is then the journal's to generate, and what differs
        # from its generation is named, so `--fix` rewrites nothing no finding names
        found.append(doc.diagnostic(
            "CF604", f"the References list differs from the one written from the original list "
                     f"({scheme} transliteration)", line=lists.heading_line or lists.first_line))
    return found


def two_lists(text: str, source: str) -> TwoLists | None:
    """The original list and the References list of a page that prints both; None otherwise."""
    from citefmt.readers.text import find_reference_sections, read

    sections = find_reference_sections(text)
    if len(sections) < 2:
        return None
    result = read(text, source=source)
    if "en" not in result.alternates or not result.records:
        return None
    references = result.alternates["en"]
    first = {r.line for r in references}
    section = next((s for s in sections if s.entries and s.entries[0].line in first), None)
    if section is None:
        return None
    return TwoLists(result.records, references, section.heading_line,
                    section.entries[0].line, section.entries[-1].end_line)


def regenerate(text: str, scheme: str, *, source: str = "<input>") -> Edit | None:
    """The edit that writes the References block of `text` anew from its original list
    (Vancouver References form, `scheme` transliteration); None when the text does not print
    both lists or the block would not change. An original entry that could not be parsed keeps
    its old References entry, so nothing is lost."""
    from citefmt.engine import render_bibliography
    from citefmt.pairing import pair_lists, with_english
    from citefmt.translit import REFERENCES_STYLE, cyrillic_language, references_item

    lists = two_lists(text, source)
    if lists is None:
        return None
    lines = text.split("\n")
    old_block = lines[lists.first_line - 1:lists.last_line]
    items = []
    kept: dict[int, str] = {}
    pairs = pair_lists(lists.original, lists.references)
    if any(pair.original is None for pair in pairs):
        # a References entry without an original (CF600) would be lost: leave the block alone
        return None
    for pair in pairs:
        if pair.original is None:
            continue
        item = pair.original.item
        english_source = cyrillic_language(item) is None and pair.references is not None
        unsure = pair.references is not None and not pair.corresponds
        if _unparsed(pair.original) or unsure or english_source:
            # nothing to render from; or the pair does not correspond (CF601 names it) and which
            # side is wrong is the author's call, or cannot be compared; or an English source,
            # which References give as they are: the old References entry stays
            if pair.references is not None:
                first = pair.references.line or lists.first_line
                kept[pair.position] = "\n".join(
                    lines[first - 1:_end_line(lists, pair.references)]).rstrip()
            continue
        alone = False
        if pair.references is not None and pair.corresponds:
            item, alone = with_english(item, pair.references.item, scheme)
        items.append(dict(references_item(item, scheme, english_title_alone=alone),
                          id=f"ref{pair.position}"))
    rendered = {int(e.id[3:]): e.text for e in
                render_bibliography(items, REFERENCES_STYLE, fmt="text").entries} if items else {}
    block = []
    for position in range(1, len(lists.original) + 1):
        if position in kept:
            block.append(kept[position])
        elif position in rendered:
            block.append(_numbered(rendered[position], position))
    separator = "\n\n" if any(not line.strip() for line in old_block) else "\n"
    new_block = separator.join(block)
    if new_block == "\n".join(old_block):
        return None
    start = len("\n".join(lines[:lists.first_line - 1])) + (1 if lists.first_line > 1 else 0)
    end = start + len("\n".join(old_block))
    return Edit(start, end, new_block)


def _numbered(rendered: str, position: int) -> str:
    """The style numbers its entries ("1. …"); renumber them by list position."""
    return re.sub(r"^\d+", str(position), rendered, count=1)


def _end_line(lists: TwoLists, record: Record) -> int:
    start = record.line or lists.first_line
    following = [r.line for r in lists.references if r.line is not None and r.line > start]
    return (min(following) - 1) if following else lists.last_line


def _unparsed(record: Record) -> bool:
    item = record.item
    return item.get("type") == "document" and not item.get("title")


def _unpaired(original: Record | None, references: Record | None) -> str:
    if original is not None:
        return f"original entry at line {original.line}"
    assert references is not None
    return f"References entry at line {references.line}"


def _quote(record: Record) -> str:
    text = re.sub(r"\s+", " ", record.raw or "").strip()
    return text if len(text) <= _QUOTE else text[:_QUOTE - 1] + "…"
