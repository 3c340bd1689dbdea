"""`check --online` for one document: look every reference up, then turn answers into findings.

Two steps kept apart so that the second is pure and testable without a network:

1. `look_up(doc, client, fix=…)` — per reference, the registry answers it needs (Crossref by DOI,
   PubMed by PMID or PMCID, a Crossref bibliographic query for a reference without
   identifiers, and with `fix` an esearch DOI → PMID), a bounded number at a time;
2. `findings(doc, answers, options, fix=…)` — diagnostics (CF700–CF720) at the reference's line
   and column, and the fills `--fix --online` may make, each naming its source.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic, Severity
from citefmt.identifiers import normalize_doi, normalize_pmcid, normalize_pmid
from citefmt.model import Item
from citefmt.online import crossref, pubmed
from citefmt.online.client import RegistryClient
from citefmt.online.compare import (
    Disagreement,
    compare,
    first_family,
    missing_fields,
    same_work,
    title_similarity,
    year_of,
)
from citefmt.online.options import RegistryOptions
from citefmt.online.records import (
    Candidates,
    Elsewhere,
    Failed,
    NotFound,
    Outcome,
    RegistryRecord,
)

#: item types worth a bibliographic query when they carry no identifier
QUERY_TYPES = frozenset({"article-journal", "paper-conference", "chapter"})
#: a progress bar appears for more lookups than this (and only when stderr is a terminal)
PROGRESS_MIN = 5


@dataclass
class Answers:
    """What the registries said about one reference."""

    outcomes: list[Outcome] = field(default_factory=list)
    query: Candidates | Failed | None = None
    #: `--fix`: the PMID esearch found for the reference's DOI
    pmid_search: str | NotFound | Failed | None = None


@dataclass(frozen=True)
class Fill:
    """A value `--fix --online` adds to reference `index` (CSL variable), and who said so."""

    index: int
    variable: str
    value: Any
    record: RegistryRecord

    @property
    def shown(self) -> str:
        if self.variable == "issued":
            return str(self.value["date-parts"][0][0])
        return str(self.value)

    @property
    def label(self) -> str:
        return {"issued": "year", "page": "pages"}.get(self.variable, self.variable)


@dataclass
class Verified:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)


# --- step 1: lookups -------------------------------------------------------------------------

def identifiers(item: Item) -> tuple[str | None, str | None, str | None]:
    """(DOI as written, PMID, PMCID) of an item, each None when absent or malformed."""
    doi = item.get("DOI")
    doi = doi.strip() if isinstance(doi, str) and normalize_doi(doi) else None
    pmid = normalize_pmid(str(item["PMID"])) if item.get("PMID") else None
    pmcid = normalize_pmcid(str(item["PMCID"])) if item.get("PMCID") else None
    return doi, pmid, pmcid


def wants_query(item: Item) -> bool:
    """A reference without identifiers that Crossref could know: an article-like type with a
    title and an author or a year."""
    if any(identifiers(item)):
        return False
    return item.get("type") in QUERY_TYPES and bool(item.get("title")) and \
        (first_family(item) is not None or year_of(item) is not None)


def query_text(item: Item) -> str:
    """The reference as one string for `query.bibliographic` (authors, title, journal, year…)."""
    names = [str(a.get("family") or a.get("literal") or "") for a in item.get("author") or []
             if isinstance(a, dict)]
    parts = [*names[:3], str(item.get("title") or ""), str(item.get("container-title") or "")]
    year = year_of(item)
    parts += [str(year) if year else "", str(item.get("volume") or ""),
              str(item.get("page") or "")]
    return " ".join(p for p in parts if p and p != "others")


def look_up_item(client: RegistryClient, item: Item, *, fix: bool) -> Answers:
    """Every registry answer one reference needs (run in a worker thread)."""
    answers = Answers()
    doi, pmid, pmcid = identifiers(item)
    if doi:
        work = crossref.fetch_work(client, doi)
        if isinstance(work, NotFound):
            registered = crossref.agency(client, doi)
            if isinstance(registered, str):
                work = Elsewhere(work.source, work.ident, registered)
            elif isinstance(registered, Failed):
                work = registered
        answers.outcomes.append(work)
    if pmid:
        answers.outcomes.append(pubmed.fetch_pubmed(client, pmid))
    elif pmcid:
        answers.outcomes.append(pubmed.fetch_by_pmcid(client, pmcid))
    if fix and doi and not pmid and not pmcid:
        answers.pmid_search = pubmed.search_pmid(client, f"{doi}[doi]", f"doi:{doi}")
        if isinstance(answers.pmid_search, str):
            answers.outcomes.append(pubmed.fetch_pubmed(client, answers.pmid_search))
    if wants_query(item):
        answers.query = crossref.query_bibliographic(client, query_text(item))
    return answers


def look_up(doc: Document, client: RegistryClient, *, fix: bool = False,
            progress: bool | None = None) -> list[Answers]:
    """Answers for every record of `doc`, in record order, `concurrency` lookups at a time."""
    items = [record.item for record in doc.records]
    answers: list[Answers] = [Answers() for _ in items]
    todo = [i for i, item in enumerate(items) if any(identifiers(item)) or wants_query(item)]
    if not todo:
        return answers
    show = progress if progress is not None else \
        (len(todo) > PROGRESS_MIN and sys.stderr.isatty())
    bar = _progress(len(todo), doc.source) if show else None
    workers = max(1, min(client.options.concurrency, len(todo)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(look_up_item, client, items[i], fix=fix): i for i in todo}
        for future in as_completed(futures):
            answers[futures[future]] = future.result()
            if bar is not None:
                bar(1)
    if bar is not None:
        bar(0)
    return answers


def _progress(total: int, source: str) -> Callable[[int], None]:
    """A tqdm bar on stderr; call with 1 per finished lookup, 0 to close."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc=f"{source}: registry lookups", unit="ref", file=sys.stderr,
               leave=False)

    def step(n: int) -> None:
        if n:
            bar.update(n)
        else:
            bar.close()
    return step


# --- step 2: findings ------------------------------------------------------------------------

def findings(doc: Document, answers: Sequence[Answers], options: RegistryOptions, *,
             fix: bool = False) -> Verified:
    """Diagnostics and fills for every record from the registries' answers (pure)."""
    verified = Verified()
    for index, (record, answer) in enumerate(zip(doc.records, answers, strict=True)):
        _record_findings(doc, index, record.item, answer, options, fix, verified)
    return verified


def _record_findings(doc: Document, index: int, item: Item, answer: Answers,
                     options: RegistryOptions, fix: bool, out: Verified) -> None:
    found: list[RegistryRecord] = []
    for outcome in answer.outcomes:
        if isinstance(outcome, RegistryRecord):
            found.append(outcome)
        elif isinstance(outcome, Elsewhere):
            continue  # registered with another agency: it resolves; nothing to compare
        elif isinstance(outcome, NotFound):
            if outcome.source == "Crossref":
                code, value = "CF700", outcome.ident.split(":", 1)[-1]
            else:
                code, value = "CF701", outcome.ident.split()[-1]
            out.diagnostics.append(_at(doc, index, value, code, f"{outcome.ident} not found at "
                                       f"{outcome.source} ({outcome.url})"))
        else:
            out.diagnostics.append(_at(doc, index, None, "CF720",
                                       f"{outcome.source} lookup of {outcome.ident} failed: "
                                       f"{outcome.reason}"))
    matched: RegistryRecord | None = None
    if isinstance(answer.query, Failed):
        out.diagnostics.append(_at(doc, index, None, "CF720",
                                   f"Crossref bibliographic query failed: {answer.query.reason}"))
    elif isinstance(answer.query, Candidates):
        matched = _query_match(doc, index, item, answer.query, options, out)
        if matched is not None:
            found.append(matched)
    _disagreements(doc, index, item, found, options, out)
    _cross_check(doc, index, item, found, out)
    _notices(doc, index, found, out)
    _fills(doc, index, item, found, options, fix, out)


def _disagreements(doc: Document, index: int, item: Item, found: list[RegistryRecord],
                   options: RegistryOptions, out: Verified) -> None:
    """One finding per field all sources disagree on (a source that agrees settles it)."""
    by_field: dict[str, list[Disagreement]] = {}
    agreeing: set[str] = set()
    for record in found:
        differing = compare(item, record, title_threshold=options.title_threshold)
        names = {d.field for d in differing}
        for d in differing:
            by_field.setdefault(d.field, []).append(d)
        agreeing |= {f for f in ("year", "volume", "issue", "pages", "first author", "title",
                                 "journal") if f not in names and _has(record, f)}
    for name, group in by_field.items():
        if name in agreeing:
            continue
        said = "; ".join(f"{d.record.where} has {_quote(d.theirs, name)}" +
                         (f" (similarity {d.similarity:g} < {options.title_threshold:g})"
                          if d.similarity is not None else "") for d in group)
        message = f"{name} disagrees: reference has {_quote(group[0].ours, name)}; {said}"
        where = group[0].ours.split("-")[0] if name == "pages" else group[0].ours
        out.diagnostics.append(_at(doc, index, where, group[0].code, message))


def _has(record: RegistryRecord, name: str) -> bool:
    variable = {"pages": "page", "first author": "author", "journal": "container-title"}.get(
        name, name)
    if name == "year":
        return bool(record.years)
    return bool(record.item.get(variable))


def _cross_check(doc: Document, index: int, item: Item, found: list[RegistryRecord],
                 out: Verified) -> None:
    """A PubMed record whose DOI is not the reference's: DOI and PMID name different works."""
    ours = normalize_doi(str(item.get("DOI") or ""))
    if not ours:
        return
    for record in found:
        theirs = normalize_doi(str(record.item.get("DOI") or ""))
        if record.source == "PubMed" and theirs and theirs != ours:
            out.diagnostics.append(_at(doc, index, str(item.get("DOI")), "CF709",
                                       f"DOI {item.get('DOI')} and {record.where} differ: the "
                                       f"PubMed record's DOI is {record.item.get('DOI')}"))


def _notices(doc: Document, index: int, found: list[RegistryRecord], out: Verified) -> None:
    seen: set[tuple[bool, str, str]] = set()
    for record in found:
        for notice in record.notices:
            key = (notice.is_retraction, notice.direction, notice.target.lower())
            if key in seen:
                continue
            seen.add(key)
            code = "CF710" if notice.is_retraction else "CF711"
            own = str(record.item.get("DOI") or "").lower()
            if notice.direction == "in" and notice.target.lower() == own:
                message = f"article corrected: {record.where} records a {notice.kind} of the " \
                          "record itself (check the cited details against the corrected version)"
            elif notice.direction == "in":
                what = "RETRACTED" if notice.is_retraction else f"has a {notice.kind}"
                message = f"article {what}: {record.where} records {notice.kind} " \
                          f"{notice.target}".rstrip()
            else:
                message = f"{record.where} is itself a {notice.kind} notice, for " \
                          f"{notice.target}: cite the article, or check why the notice is cited"
            out.diagnostics.append(_at(doc, index, None, code, message, severity="warning"))


def _query_match(doc: Document, index: int, item: Item, answer: Candidates,
                 options: RegistryOptions, out: Verified) -> RegistryRecord | None:
    """The single validated candidate of a bibliographic query, else a CF715 finding.

    Certain = Crossref's score ≥ `min-query-score` AND the candidate is the same work (title
    similarity ≥ the threshold, first author and year agreeing) AND no other returned
    candidate also passes (a preprint and its article: ambiguous, so no match)."""
    passing = [c for c in answer.records
               if (c.score or 0) >= options.min_query_score and item.get("title")
               and same_work(item, c, title_threshold=options.title_threshold)]
    dois = {str(c.item.get("DOI", "")).lower() for c in passing}
    if len(dois) == 1:
        match = passing[0]
        out.diagnostics.append(_at(doc, index, None, "CF714",
                                   f"no DOI; certain Crossref match {match.ident} (score "
                                   f"{match.score:g}, title similarity "
                                   f"{_similarity(item, match):g})"))
        return match
    if not answer.records:
        detail = "Crossref returned no candidates"
    elif len(dois) > 1:
        detail = f"{len(dois)} candidates pass validation: " + ", ".join(sorted(dois))
    else:
        best = answer.records[0]
        detail = (f"best candidate {best.ident} (score {best.score or 0:g}, title similarity "
                  f"{_similarity(item, best):g}) does not pass: score ≥ "
                  f"{options.min_query_score:g}, title similarity ≥ "
                  f"{options.title_threshold:g}, same first author and year are required")
    out.diagnostics.append(_at(doc, index, None, "CF715",
                               f"no identifier and no certain Crossref match: {detail}"))
    return None


def _similarity(item: Item, record: RegistryRecord) -> float:
    ours, theirs = item.get("title"), record.item.get("title")
    if not isinstance(ours, str) or not isinstance(theirs, str):
        return 0.0
    return round(title_similarity(ours, theirs, record.item.get("subtitle")), 1)


def _fills(doc: Document, index: int, item: Item, found: list[RegistryRecord],
           options: RegistryOptions, fix: bool, out: Verified) -> None:
    """Missing fields the certain records give: CF712 in a check, a Fill with `--fix`."""
    certain = [r for r in found if same_work(item, r, title_threshold=options.title_threshold)]
    # Crossref first for bibliographic fields; PubMed for the PMID (and a DOI Crossref lacks)
    certain.sort(key=lambda r: r.source != "Crossref")
    taken: set[str] = set()
    for record in certain:
        for variable, value in missing_fields(item, record).items():
            if variable in taken:
                continue
            taken.add(variable)
            fill = Fill(index, variable, value, record)
            if fix:
                out.fills.append(fill)
            elif not (variable == "DOI" and record.score is not None):  # CF714 said it
                out.diagnostics.append(_at(doc, index, None, "CF712",
                                           f"{fill.label} missing; {record.where} has "
                                           f"{fill.shown}"))


def _quote(value: str, name: str) -> str:
    return f"\"{value}\"" if name in ("title", "journal", "first author") else value


def _at(doc: Document, index: int, value: str | None, code: str, message: str, *,
        severity: Severity = "warning") -> Diagnostic:
    """A finding at the line and column where `value` is written in record `index`'s text
    (the record's first line, column of its first character, when not found)."""
    line, col = locate(doc, index, value)
    return Diagnostic(code, message, doc.source, line, col, severity)


def locate(doc: Document, index: int, value: str | None) -> tuple[int | None, int | None]:
    """(line, column), 1-based, of `value` in record `index`'s lines of `doc.text`."""
    start = doc.records[index].line
    if start is None:
        return None, None
    lines = doc.text.split("\n")
    following = [r.line for r in doc.records[index + 1:] if r.line is not None]
    end = min(following[0] - 1 if following else len(lines), len(lines))
    if doc.kind == "manuscript":
        entry = next((e for e in doc.entries if e.line == start), None)
        if entry is not None:
            end = entry.end_line
    span = lines[start - 1:max(end, start)]
    if value:
        for offset, text in enumerate(span):
            at = text.find(value)
            if at < 0:
                at = text.lower().find(value.lower())
            if at >= 0:
                return start + offset, at + 1
    first = span[0] if span else ""
    return start, len(first) - len(first.lstrip()) + 1
