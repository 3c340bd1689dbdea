"""Plain-text reference → CSL-JSON item: repair the text (reporting every repair), pull out the
identifiers, let each grammar that may fit read it, keep the most confident reading, and fall back
to the CRF tagger and finally to a `document` item that keeps the whole text — never dropping one.

    parse_reference("Moretti L, ... J Biol Chem. 2022;298(2):101530. PMID: 34953859.").item
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citefmt.diagnostics import Diagnostic
from citefmt.model import Item
from citefmt.refparse import abnt, apa, gost, vancouver
from citefmt.refparse.candidate import Candidate
from citefmt.language import detect_language
from citefmt.refparse.common import extract_identifiers
from citefmt.refparse.normalize import Text, glued_word_suspicions, normalize

#: below this, a grammar's reading is compared with the CRF tagger's (when a model exists)
TAGGER_THRESHOLD = 0.6
#: below this, the reference is kept as an unparsed `document` (CF100)
ACCEPT_THRESHOLD = 0.3

#: key order of produced items (readability of CSL-JSON output and of test failures)
_FIELD_ORDER = ("type", "id", "author", "editor", "title", "container-title", "container-title-short",
                "collection-title", "issued", "volume", "issue", "page", "number-of-pages", "number",
                "edition", "genre", "publisher", "publisher-place", "medium", "DOI", "PMID", "PMCID",
                "ISBN", "ISSN", "URL", "accessed", "language")


@dataclass
class ParsedReference:
    """A parsed reference: the item, what was repaired or guessed, and how sure the parser is.

    `truncated_authors` is True when the author list ended in "et al."/"[и др.]" (the item holds
    only the names printed); `grammar` names the reading that won ("vancouver", "gost", "apa",
    "abnt", "tagger" or "none").
    """

    item: Item
    diagnostics: list[Diagnostic] = field(default_factory=list)
    confidence: float = 0.0
    raw: str = ""
    grammar: str = "none"
    truncated_authors: bool = False


def _candidates(body: str) -> list[Candidate]:
    """Every grammar whose signature the text shows; Vancouver/AMA is always tried."""
    found: list[Candidate | None] = [vancouver.parse(body)]
    if gost.looks_like(body):
        found.append(gost.parse(body))
    if apa.looks_like(body):
        found.append(apa.parse(body))
    if abnt.looks_like(body):
        found.append(abnt.parse(body))
    return [c for c in found if c is not None]


def _tagger_candidate(text: str) -> Candidate | None:
    """The CRF tagger's reading, when the tagger package and its model are installed."""
    try:
        from citefmt.refparse.tagger import parse_with_tagger
    except ImportError:
        return None
    result = parse_with_tagger(text)
    if result is None:
        return None
    item, confidence = result
    if not item.get("title") or not any(item.get(k) for k in ("author", "issued", "container-title")):
        return None  # a tagger reading without a title and one more element is not a reference
    return Candidate("tagger", dict(item), float(confidence))


def _ordered(item: Item) -> Item:
    head = {k: item[k] for k in _FIELD_ORDER if k in item}
    return head | {k: v for k, v in item.items() if k not in head}


def parse_reference(text: str) -> ParsedReference:
    """Parse one reference (any of the supported styles) into a CSL-JSON item, never failing."""
    norm: Text = normalize(text)
    extracted = extract_identifiers(norm.value)
    candidates = _candidates(extracted.body)
    best = max(candidates, key=lambda c: c.confidence, default=None)
    if best is None or best.confidence < TAGGER_THRESHOLD:
        tagged = _tagger_candidate(norm.value)
        if tagged is not None and (best is None or tagged.confidence > best.confidence):
            best = tagged
    diagnostics = list(norm.diagnostics)
    if best is None or best.confidence < ACCEPT_THRESHOLD:
        item: Item = {"type": "document", "title": _unparsed_title(extracted.body) or norm.value}
        item.update(extracted.fields)
        diagnostics.append(Diagnostic("CF100", "reference could not be parsed; kept whole as the title",
                                      col=1, severity="warning"))
        grammar, confidence, truncated = "none", best.confidence if best else 0.0, False
    else:
        item = dict(best.item)
        for key, value in extracted.fields.items():
            item.setdefault(key, value)
        for pos, code, message in best.repairs:
            norm.warn(code, message, pos)
        if best.title_span:
            glued_word_suspicions(norm, *best.title_span)
        diagnostics = list(norm.diagnostics)
        grammar, confidence, truncated = best.grammar, best.confidence, best.truncated_authors
    if "language" not in item:
        item["language"] = detect_language(item.get("title") or norm.value)
    diagnostics.sort(key=lambda d: d.col or 0)
    return ParsedReference(_ordered(item), diagnostics, round(confidence, 3), text, grammar, truncated)


def _unparsed_title(body: str) -> str:
    return re.sub(r"\s+", " ", body).strip(" .,;")
