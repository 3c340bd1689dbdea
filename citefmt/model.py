"""The one internal model: CSL-JSON items, plus where each came from.

An item is a plain CSL-JSON dict (`type`, `id`, `author`, `issued`, `container-title`, …),
exactly as the CSL-JSON schema names and shapes it, so any item can be dumped and re-read by
citation-js, pandoc or Zotero. Provenance (source line, raw text) lives beside the item in a
`Record`, never inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from citefmt.diagnostics import Diagnostic

Item = dict[str, Any]

#: CSL 1.0.2 item types
CSL_TYPES: frozenset[str] = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
})

#: CSL 1.0.2 name variables
NAME_VARIABLES: frozenset[str] = frozenset({
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
    "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator", "organizer",
    "original-author", "performer", "producer", "recipient", "reviewed-author", "script-writer",
    "series-creator", "translator",
})

#: CSL 1.0.2 date variables
DATE_VARIABLES: frozenset[str] = frozenset({
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
})

#: keys a name object may carry
NAME_KEYS: frozenset[str] = frozenset({
    "family", "given", "dropping-particle", "non-dropping-particle", "suffix",
    "comma-suffix", "static-ordering", "literal", "parse-names",
})


#: The marker for "and others": a name list that the source itself cut short ("et al.", "и др.",
#: BibTeX "and others"). It is the last name of the list, as pandoc and jgm/citeproc write it;
#: citefmt's engine renders it as the style's et-al term in the item's own language.
ET_AL_NAME: dict[str, str] = {"literal": "others"}


def is_et_al(name: object) -> bool:
    """True for the "and others" marker (see `ET_AL_NAME`)."""
    return isinstance(name, dict) and name.get("literal") == "others" and len(name) == 1


@dataclass
class Record:
    """One CSL-JSON item and where it came from (for diagnostics and for `--fix`)."""

    item: Item
    line: int | None = None
    raw: str | None = None


@dataclass
class ReadResult:
    """What a reader returns: items in input order, findings, and (for article pages/JATS) the
    article's own record."""

    records: list[Record] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    article: Record | None = None
    #: the article's record in every language the source gives it in, `article`'s language first
    article_versions: dict[str, Record] = field(default_factory=dict)
    #: further reference lists found in the same source, keyed by language (JATS ru/en pairs)
    alternates: dict[str, list[Record]] = field(default_factory=dict)

    @property
    def items(self) -> list[Item]:
        return [r.item for r in self.records]


def validate_item(item: Any, *, index: int, known_name_keys_only: bool = True) -> list[str]:
    """Problems that make `item` unusable as CSL-JSON; each a short message naming the item.
    With `known_name_keys_only=False` a name may carry keys CSL does not define (Crossref's
    `affiliation`, citeproc-js's `isInstitution`), which renderers ignore."""
    label = f"item {index + 1}"
    if not isinstance(item, dict):
        return [f"{label}: expected an object, got {type(item).__name__}"]
    if "id" in item:
        label = f"item {index + 1} (id {item['id']!r})"
    problems: list[str] = []
    kind = item.get("type")
    if kind is None:
        problems.append(f"{label}: missing 'type'")
    elif kind not in CSL_TYPES:
        problems.append(f"{label}: unknown type {kind!r}")
    for key, value in item.items():
        if key in NAME_VARIABLES:
            if not isinstance(value, list) or not all(isinstance(n, dict) for n in value):
                problems.append(f"{label}: {key!r} must be a list of name objects")
                continue
            for name in value:
                if known_name_keys_only and not set(name) <= NAME_KEYS:
                    extra = ", ".join(sorted(set(name) - NAME_KEYS))
                    problems.append(f"{label}: {key!r} name has unknown keys: {extra}")
                # speed: three tests, not a generator per name (~10 names per item)
                if not ("family" in name or "literal" in name or "given" in name):
                    problems.append(f"{label}: {key!r} name has no family, given or literal part")
        elif key in DATE_VARIABLES:
            problems.extend(_date_problems(value, f"{label}: {key!r}"))
    return problems


def _date_problems(value: Any, label: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{label} must be a date object"]
    if "date-parts" in value:
        parts = value["date-parts"]
        if (not isinstance(parts, list) or not parts or len(parts) > 2
                or not all(isinstance(p, list) and 1 <= len(p) <= 3 for p in parts)):
            return [f"{label} 'date-parts' must be one or two [year, month, day] lists"]
        for part in parts:
            for n in part:
                try:
                    int(n)
                except (TypeError, ValueError):
                    return [f"{label} date part {n!r} is not a number"]
        return []
    if not any(k in value for k in ("raw", "literal", "edtf")):
        return [f"{label} has neither 'date-parts', 'raw', 'edtf' nor 'literal'"]
    return []
