"""Cite positions over a document's citations, with their note numbers.

CSL 1.0.2 ("Position") decides a cite's position from the citations before it: `first`,
`subsequent`, `ibid` (the same item as the cite just before), `ibid-with-locator` (the same
item, another locator), `near-note` (cited in one of the last `near-note-distance` notes), and
`first-reference-note-number` (the note of the item's first cite). Gap: citeproc-py looked
only at the cites rendered so far in one render call, without notes, so a second citation in
the same footnote, a citation in the running text of a note style, note numbers that start
again (a new chapter) or citations inserted before others could not be placed as Zotero
places them.

This module follows citeproc-js's rules (the engine of Zotero and Mendeley, which the CSL
test suite's expectations come from):

- citations in the running text (note number 0) and citations in footnotes are two separate
  streams, each read in document order;
- a note number lower than the one before starts the footnote stream again (new numbering);
- the first cite of a citation is ibid when the citation before it is in the previous or the
  same note and that note holds only this one cite of the item (previous note), or ends with
  a cite of the same item (same note); a later cite is ibid when the cite just before it
  in its citation is of the same item;
- a locator decides between ibid and ibid-with-locator: none before and one now gives
  ibid-with-locator, one before and none now gives subsequent, the same one gives ibid;
- near-note holds for a subsequent cite whose item was cited no more than
  `near-note-distance` notes earlier (always in the running text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

FIRST = "first"
SUBSEQUENT = "subsequent"
IBID = "ibid"
IBID_WITH_LOCATOR = "ibid-with-locator"


@dataclass(frozen=True)
class PlacedCite:
    """What placing a cite needs: its item and its locator (the locator and its label)."""

    key: str
    locator: str = ""
    label: str = ""

    def locator_key(self) -> str:
        """The locator as compared for ibid (citeproc-js: the locator followed by its label)."""
        return self.locator + self.label if self.locator else ""


@dataclass(frozen=True)
class PlacedCitation:
    """One citation in document order: its note number (0: in the running text) and its
    cites in the order they are printed."""

    note: int
    cites: Sequence[PlacedCite]


@dataclass(frozen=True)
class CitePosition:
    """Where a cite stands: its position, the note its item was first cited in (0: none to
    print, the first cite or one in that same note) and whether it is near-note."""

    position: str
    first_note: int = 0
    near_note: bool = False

    def matches(self, test: str) -> bool:
        """Whether the cs:if `position` value `test` holds (CSL 1.0.2: ibid-with-locator is
        also ibid, and every ibid is also subsequent)."""
        if test == FIRST:
            return self.position == FIRST
        if test == SUBSEQUENT:
            return self.position != FIRST
        if test == IBID:
            return self.position in (IBID, IBID_WITH_LOCATOR)
        if test == IBID_WITH_LOCATOR:
            return self.position == IBID_WITH_LOCATOR
        if test == "near-note":
            return self.position != FIRST and self.near_note
        return False


#: where citeproc-js puts every cite it renders to compare cites for disambiguation
#: (getAmbiguousCite): after the first, near-note ("Doe, supra" tells two of Doe's books
#: apart no better than "Doe" does, though their first cites differ)
AMBIGUITY_PROBE = CitePosition(SUBSEQUENT, 0, True)


def cite_positions(citations: Sequence[PlacedCitation],
                   near_note_distance: int = 5) -> list[list[CitePosition]]:
    """The position of every cite of `citations` (in document order), citation by citation."""
    result: list[list[CitePosition]] = [[] for _ in citations]
    for in_notes in (False, True):
        stream = [(index, citation) for index, citation in enumerate(citations)
                  if bool(citation.note) == in_notes]
        for index, positions in _stream_positions(stream, near_note_distance):
            result[index] = positions
    return result


def _stream_positions(stream: list[tuple[int, PlacedCitation]], distance: int
                      ) -> list[tuple[int, list[CitePosition]]]:
    """Positions in one stream (running text or footnotes), citation by citation."""
    first_note: dict[str, int] = {}
    last_note: dict[str, int] = {}
    cites_in_note: Counter[int] = Counter()
    out: list[tuple[int, list[CitePosition]]] = []
    previous: PlacedCitation | None = None
    for index, citation in stream:
        note = citation.note
        if previous is not None and note and previous.note > note:
            # the notes are numbered anew: nothing before counts
            first_note, last_note, cites_in_note = {}, {}, Counter()
        cites_in_note[note] += len(citation.cites)
        positions = []
        for k, cite in enumerate(citation.cites):
            if cite.key not in last_note:
                first_note[cite.key] = last_note[cite.key] = note
                placed = CitePosition(FIRST)
            else:
                position = _later_position(citation, k, previous, cites_in_note)
                first = first_note.setdefault(cite.key, note)
                placed = CitePosition(position, first if first != note else 0)
            if note:
                near = placed.position != FIRST and note - last_note[cite.key] <= distance
                last_note[cite.key] = note
            else:
                near = placed.position != FIRST
            positions.append(CitePosition(placed.position, placed.first_note, near))
        out.append((index, positions))
        previous = citation
    return out


def _later_position(citation: PlacedCitation, k: int, previous: PlacedCitation | None,
                    cites_in_note: Counter[int]) -> str:
    """The position of cite `k` of `citation`, whose item was cited before."""
    cite = citation.cites[k]
    before: PlacedCite | None = None
    if k > 0:
        if citation.cites[k - 1].key == cite.key:
            before = citation.cites[k - 1]
    elif previous is not None and previous.cites:
        if previous.note != citation.note:
            # the citation before is in another note: the previous one, holding this cite only
            if (previous.cites[0].key == cite.key and previous.note >= citation.note - 1
                    and (cites_in_note[previous.note] == 1 or previous.note == 0)):
                before = previous.cites[0]
        elif previous.cites[-1].key == cite.key:
            # the citation before is in the same note and ends with this item (citeproc-js
            # compares the locator of that citation's first cite)
            before = previous.cites[0]
    if before is None:
        return SUBSEQUENT
    was, now = before.locator_key(), cite.locator_key()
    if was and not now:
        return SUBSEQUENT
    if not was and not now:
        return IBID
    return IBID if was == now else IBID_WITH_LOCATOR


#: citeproc-js's numbers for positions a caller gives with a cite ("position": 1)
_GIVEN_POSITIONS = {0: FIRST, 1: SUBSEQUENT, 2: IBID, 3: IBID_WITH_LOCATOR}
#: the cite fields by which a caller places a cite itself (citeproc-js's citation items)
GIVEN_FIELDS = frozenset({"position", "near-note", "first-reference-note-number"})


def given_position(found: CitePosition, cite: Mapping[str, Any]) -> CitePosition:
    """`found` with what the cite's own `position` (a name or citeproc-js's number: 0 first,
    1 subsequent, 2 ibid, 3 ibid-with-locator), `near-note` and
    `first-reference-note-number` fields say instead (a caller that knows the document
    better: citeproc-js's makeCitationCluster takes them as given)."""
    position, first_note, near = found.position, found.first_note, found.near_note
    value = cite.get("position")
    if value is not None:
        name = _GIVEN_POSITIONS.get(value) if isinstance(value, int) else str(value)
        if name in (FIRST, SUBSEQUENT, IBID, IBID_WITH_LOCATOR):
            position = name
    if "near-note" in cite:
        near = bool(cite["near-note"])
    number = cite.get("first-reference-note-number")
    if number is not None and str(number).isdigit():
        first_note = int(number)
    return CitePosition(position, first_note, near)
