"""A document's citations, edited one cluster at a time (citeproc-js's citation API).

A word processor plug-in (Zotero's, Mendeley's) does not render a document's citations once:
the writer inserts a citation before others, deletes one, edits one, moves text between
footnotes. Each edit can change other citations: an "Ibid." after the inserted one becomes a
full cite, "supra note 2" becomes "supra note 3", a year-suffix appears or goes, given names
are added or dropped. citeproc-js's `processCitationCluster(citation, citationsPre,
citationsPost)` takes the edited cluster with the ids and note numbers of the clusters before
and after it (any cluster not named is gone) and answers with the clusters whose text must be
replaced.

`CitationDocument` is that API over citefmt's renderer: `insert`, `remove` and `edit`
a cluster at a place with its note number, or `process_citation_cluster` in citeproc-js's own
terms. After each change every cluster is placed again (positions and
first-reference-note-number by the notes, `positions.py`) and disambiguated again over the
items now cited, and the answer lists the changed cluster (always) and every other cluster
whose text changed, or whose cites changed position, first-reference-note-number or
near-note (citeproc-js reports these even when the text stays: "Doe, “Life of Doe”" is sent
again when its later "supra note 1" becomes "supra note 2"). The document is rendered whole
after each change: the cost of one change is the cost of rendering the document's citations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from citefmt.diagnostics import Diagnostic
from citefmt.engine import Bibliography
from citefmt.engine.positions import CitePosition
from citefmt.engine.render import Renderer
from citefmt.model import Item


@dataclass(frozen=True)
class CitationCluster:
    """One citation of the document: its id, its cites (ids or cite dicts {"id", "locator",
    "label", "prefix", "suffix"}) and the number of the footnote it stands in (0: in the
    running text)."""

    id: str
    cites: tuple[str | dict[str, Any], ...]
    note: int = 0

    def at_note(self, note: int) -> CitationCluster:
        return CitationCluster(self.id, self.cites, int(note or 0))


@dataclass(frozen=True)
class ClusterUpdate:
    """A cluster whose text is new: its place in the document, its id, its text."""

    index: int
    id: str
    text: str


@dataclass
class _Rendered:
    texts: dict[str, str] = field(default_factory=dict)
    #: (item key, position) of each cite of each cluster
    positions: dict[str, list[tuple[str, CitePosition]]] = field(default_factory=dict)
    #: what disambiguation gave each item
    disambiguation: dict[str, tuple[Any, ...]] = field(default_factory=dict)


class CitationDocument:
    """The citation clusters of one document in one style, kept rendered as they change."""

    def __init__(self, renderer: Renderer, items: Sequence[Item]) -> None:
        self.renderer = renderer
        self.items = list(items)
        self._clusters: list[CitationCluster] = []
        self._rendered = _Rendered()
        self._ids = count(1)
        self.warnings: list[Diagnostic] = []

    # -- reading ------------------------------------------------------------------------

    @property
    def clusters(self) -> list[CitationCluster]:
        """The clusters in document order."""
        return list(self._clusters)

    def texts(self) -> list[str]:
        """The text of every cluster, in document order."""
        return [self._rendered.texts[cluster.id] for cluster in self._clusters]

    def index(self, cluster_id: str) -> int:
        """The place of the cluster `cluster_id` in the document."""
        for index, cluster in enumerate(self._clusters):
            if cluster.id == cluster_id:
                return index
        raise KeyError(f"no citation cluster {cluster_id!r} in the document")

    def bibliography(self) -> Bibliography:
        """The reference list of the items the document cites now."""
        return self.renderer.bibliography(self.items, [c.cites for c in self._clusters])

    # -- editing ------------------------------------------------------------------------

    def new_id(self) -> str:
        """An id no cluster of the document has."""
        taken = {cluster.id for cluster in self._clusters}
        while True:
            candidate = f"CLUSTER-{next(self._ids)}"
            if candidate not in taken:
                return candidate

    def insert(self, cluster: CitationCluster, index: int | None = None,
               renumber: Mapping[str, int] | None = None) -> list[ClusterUpdate]:
        """Put `cluster` at `index` (default: at the end); a cluster with its id is replaced.
        `renumber` gives other clusters their new note numbers in the same change (a new
        footnote moves the later ones on). Returns the clusters whose text changed, the
        inserted one included."""
        others = [c for c in self._renumbered(renumber) if c.id != cluster.id]
        place = len(others) if index is None else max(0, min(index, len(others)))
        return self._change([*others[:place], cluster, *others[place:]], cluster.id)

    def edit(self, cluster: CitationCluster) -> list[ClusterUpdate]:
        """Replace the cluster with `cluster`'s id in its place (its cites, its note)."""
        return self.insert(cluster, self.index(cluster.id))

    def remove(self, cluster_id: str,
               renumber: Mapping[str, int] | None = None) -> list[ClusterUpdate]:
        """Delete a cluster (and renumber others, as `insert`); returns the other clusters
        whose text changed."""
        self.index(cluster_id)
        return self._change([c for c in self._renumbered(renumber) if c.id != cluster_id],
                            None)

    def renumber(self, notes: Mapping[str, int]) -> list[ClusterUpdate]:
        """Give clusters new note numbers (a footnote inserted or deleted before them)."""
        return self._change(self._renumbered(notes), None)

    def _renumbered(self, notes: Mapping[str, int] | None) -> list[CitationCluster]:
        if not notes:
            return list(self._clusters)
        return [c.at_note(notes[c.id]) if c.id in notes else c for c in self._clusters]

    def process_citation_cluster(self, citation: Mapping[str, Any],
                                 before: Iterable[Sequence[Any]],
                                 after: Iterable[Sequence[Any]]) -> list[ClusterUpdate]:
        """citeproc-js's processCitationCluster: `citation` is {"citationID", "citationItems",
        "properties": {"noteIndex"}}; `before` and `after` are the [citationID, noteIndex]
        pairs of the document's other clusters before and after it, in order. A cluster
        named in neither is deleted; named ones take the note numbers given."""
        cluster_id = str(citation.get("citationID") or self.new_id())
        properties = citation.get("properties") or {}
        cluster = CitationCluster(cluster_id, tuple(citation.get("citationItems") or ()),
                                  int(properties.get("noteIndex") or 0))
        known = {c.id: c for c in self._clusters if c.id != cluster_id}
        order = [known[str(i)].at_note(n) for i, n in before if str(i) in known]
        order.append(cluster)
        order += [known[str(i)].at_note(n) for i, n in after if str(i) in known]
        return self._change(order, cluster_id)

    # -- rendering ----------------------------------------------------------------------

    def _change(self, clusters: list[CitationCluster], changed: str | None
                ) -> list[ClusterUpdate]:
        """Make `clusters` the document, render it, and list what must be replaced."""
        before = self._rendered
        self._clusters = clusters
        self._rendered = now = self._render()
        updated = {changed} if changed is not None else set()
        for cluster in clusters:
            if before.texts.get(cluster.id) != now.texts[cluster.id]:
                updated.add(cluster.id)
        updated |= self._moved(before, now, changed)
        if self._counts_cites():
            updated |= _recounted(before, now)
        updated |= _redisambiguated(before, now)
        return [ClusterUpdate(i, c.id, now.texts[c.id]) for i, c in enumerate(clusters)
                if c.id in updated]

    def _render(self) -> _Rendered:
        if not self._clusters:
            return _Rendered()
        result = self.renderer.citations(self.items, [c.cites for c in self._clusters],
                                         register_all=False,
                                         notes=[c.note for c in self._clusters])
        self.warnings = result.warnings
        ids = [c.id for c in self._clusters]
        return _Rendered(dict(zip(ids, result.texts, strict=True)),
                         dict(zip(ids, result.positions, strict=True)), result.disambiguation)

    def _counts_cites(self) -> bool:
        """Whether citeproc-js resends an item's clusters when its number of citing clusters
        passes 2 or it is newly cited: in note styles testing `disambiguate="true"` (the
        condition's answer can depend on it)."""
        root = self.renderer.root
        return root.get("class") == "note" and bool(
            root.xpath_search(".//cs:if[@disambiguate='true']")
            or root.xpath_search(".//cs:else-if[@disambiguate='true']"))

    def _moved(self, before: _Rendered, now: _Rendered, changed: str | None) -> set[str]:
        """Clusters (other than `changed`) whose cites changed position, and every cluster
        citing an item whose first-reference-note-number changed (citeproc-js)."""
        moved: set[str] = set()
        renumbered_items: set[str] = set()
        for cluster in self._clusters:
            old = before.positions.get(cluster.id)
            if cluster.id == changed or old is None:
                continue
            new = now.positions[cluster.id]
            if old != new:
                moved.add(cluster.id)
            was_first = {key: position.first_note for key, position in old}
            renumbered_items |= {key for key, position in new
                                 if key in was_first and was_first[key] != position.first_note}
        if renumbered_items:
            moved |= {cluster_id for cluster_id, cites in now.positions.items()
                      if any(key in renumbered_items for key, _ in cites)}
        return moved


def _citing_counts(rendered: _Rendered) -> dict[str, int]:
    """How many clusters cite each item."""
    counts: dict[str, int] = {}
    for cites in rendered.positions.values():
        for key in {key for key, _ in cites}:
            counts[key] = counts.get(key, 0) + 1
    return counts


def _recounted(before: _Rendered, now: _Rendered) -> set[str]:
    """Clusters citing an item newly cited, or now cited by one cluster where it was by more
    (or the other way round)."""
    was, counts = _citing_counts(before), _citing_counts(now)
    items = {key for key, count in counts.items()
             if key not in was or (was[key] < 2) != (count < 2)}
    return {cluster_id for cluster_id, cites in now.positions.items()
            if any(key in items for key, _ in cites)}


def _redisambiguated(before: _Rendered, now: _Rendered) -> set[str]:
    """Clusters citing an item cited before whose disambiguation changed (citeproc-js resends
    them though a first cite may print all the names either way)."""
    items = {key for key, settings in now.disambiguation.items()
             if key in before.disambiguation and before.disambiguation[key] != settings}
    return {cluster_id for cluster_id, cites in now.positions.items()
            if any(key in items for key, _ in cites)}
