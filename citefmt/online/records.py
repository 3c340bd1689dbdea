"""What a registry lookup yields: a record (CSL-JSON item plus notices), not-found, or failed."""

from __future__ import annotations

from dataclasses import dataclass, field

from citefmt.model import Item

#: notice kinds that mean the article must not be cited as sound
RETRACTION_KINDS = frozenset({"retraction", "withdrawal", "removal", "partial_retraction",
                              "partial-retraction", "retracted"})


@dataclass(frozen=True)
class Notice:
    """A retraction, correction, erratum or expression of concern attached to a record.

    `direction` "in": the record is retracted/corrected by `target`; "of": the record is itself
    the notice, about `target` (citing a retraction notice for the article it retracts)."""

    kind: str
    target: str
    direction: str = "in"

    @property
    def is_retraction(self) -> bool:
        return self.kind.lower().replace(" ", "_") in RETRACTION_KINDS


@dataclass(frozen=True)
class RegistryRecord:
    """One registry record: who said it, where, and what it says."""

    #: "Crossref" or "PubMed"
    source: str
    #: the identifier looked up, as shown in messages ("doi:10.1/x", "PMID 123")
    ident: str
    url: str
    item: Item
    #: every year the record gives for the article (issued, print, online): a reference citing
    #: any of them is right
    years: tuple[int, ...] = ()
    notices: tuple[Notice, ...] = ()
    #: Crossref's relevance score (bibliographic query only)
    score: float | None = None

    @property
    def where(self) -> str:
        """"Crossref doi:10.1/x" — the source named in every message."""
        return f"{self.source} {self.ident}"


@dataclass(frozen=True)
class NotFound:
    source: str
    ident: str
    url: str


@dataclass(frozen=True)
class Elsewhere:
    """A DOI Crossref does not hold but another registration agency does (DataCite, mEDRA…):
    it resolves, and citefmt has no record to compare with."""

    source: str
    ident: str
    agency: str


@dataclass(frozen=True)
class Failed:
    source: str
    ident: str
    reason: str


@dataclass(frozen=True)
class Candidates:
    """The answer to a bibliographic query: records best first (possibly none)."""

    query: str
    records: tuple[RegistryRecord, ...] = field(default_factory=tuple)


Outcome = RegistryRecord | NotFound | Elsewhere | Failed
