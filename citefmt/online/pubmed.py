"""PubMed through NCBI E-utilities: `efetch` MEDLINE text read by citefmt's own MEDLINE reader.

A PMCID (and, for `--fix`, a DOI) is turned into a PMID with `esearch` (JSON). Retractions and
corrections are the MEDLINE comment/correction tags — `RIN` retraction in, `ROF` retraction of,
`EIN` erratum in, `EFR` erratum for, `ECI` expression of concern in, `UIN` update in — and the
publication type "Retracted Publication"; the reader keeps none of these (they are not citation
data), so they are read here from the record's own lines.

E-utilities answer an unknown id with 200 and an empty or error body rather than 404: both
count as "not found".
"""

from __future__ import annotations

import json
import re
from typing import Any

from citefmt.errors import CitefmtError
from citefmt.online.client import RegistryClient, RegistryError
from citefmt.online.records import Failed, NotFound, Notice, Outcome, RegistryRecord

SOURCE = "PubMed"
#: MEDLINE tag → (notice kind, direction)
_NOTICE_TAGS = {
    "RIN": ("retraction", "in"), "ROF": ("retraction", "of"),
    "EIN": ("erratum", "in"), "EFR": ("erratum", "of"),
    "ECI": ("expression of concern", "in"), "UIN": ("update", "in"),
}
_TAG_RE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) *- (.*)$")
_ERROR_RE = re.compile(r"<ERROR>|\"error\"|cannot retrieve|invalid uid|id list is empty", re.I)


def _params(client: RegistryClient, **extra: str) -> dict[str, str]:
    """NCBI asks callers to name their tool and a contact (the API key is added below the
    cache, by the client's network layer, so that it is never stored with the answers)."""
    params = {"tool": "citefmt", **extra}
    if client.options.mailto:
        params["email"] = client.options.mailto
    return params


def efetch_url(base: str) -> str:
    return f"{base.rstrip('/')}/efetch.fcgi"


def fetch_pubmed(client: RegistryClient, pmid: str) -> Outcome:
    """The PubMed record of `pmid` (MEDLINE), NotFound, or Failed."""
    ident = f"PMID {pmid}"
    url = efetch_url(client.options.eutils_url)
    shown = f"{url}?db=pubmed&id={pmid}&rettype=medline"
    try:
        fetched = client.fetch(url, _params(client, db="pubmed", id=pmid, rettype="medline",
                                            retmode="text"))
    except RegistryError as exc:
        return Failed(SOURCE, ident, str(exc))
    body = fetched.text.strip()
    if fetched.status == 404 or not body or (_ERROR_RE.search(body) and "PMID-" not in body):
        return NotFound(SOURCE, ident, shown)
    if not body.startswith("PMID-"):
        return Failed(SOURCE, ident, f"malformed answer from {url}: not MEDLINE text")
    return read_medline(body, ident=ident, url=shown)


def read_medline(text: str, *, ident: str, url: str) -> Outcome:
    """The first record of MEDLINE `text` as a RegistryRecord (citefmt's MEDLINE reader)."""
    from citefmt.readers.medline import read

    try:
        result = read(text, source=url)
    except CitefmtError as exc:
        return Failed(SOURCE, ident, f"malformed answer from {url}: {exc.message}")
    if not result.records:
        return Failed(SOURCE, ident, f"malformed answer from {url}: no MEDLINE record")
    first = result.records[0]
    item = dict(first.item)
    date = item.get("issued", {}).get("date-parts", [[None]])
    years = (date[0][0],) if date and date[0] and isinstance(date[0][0], int) else ()
    return RegistryRecord(SOURCE, ident, url, item, years, medline_notices(first.raw or text))


def medline_notices(record: str) -> tuple[Notice, ...]:
    """Retraction/erratum tags and the "Retracted Publication" type of one MEDLINE record."""
    notices: list[Notice] = []
    typed = False
    for line in record.splitlines():
        m = _TAG_RE.match(line)
        if m is None:
            continue
        tag, value = m.group(1), m.group(2).strip()
        if tag in _NOTICE_TAGS:
            kind, direction = _NOTICE_TAGS[tag]
            notices.append(Notice(kind, value, direction))
        elif tag == "PT" and value.lower() == "retracted publication":
            typed = True
    if typed and not any(n.kind == "retraction" and n.direction == "in" for n in notices):
        notices.append(Notice("retraction", "(publication type: Retracted Publication)"))
    return tuple(notices)


def search_pmid(client: RegistryClient, term: str, ident: str) -> str | NotFound | Failed:
    """The single PMID `esearch` finds for `term` ("PMC123[pmcid]", "10.1/x[doi]")."""
    url = f"{client.options.eutils_url.rstrip('/')}/esearch.fcgi"
    shown = f"{url}?db=pubmed&term={term}"
    try:
        fetched = client.fetch(url, _params(client, db="pubmed", term=term, retmode="json"))
    except RegistryError as exc:
        return Failed(SOURCE, ident, str(exc))
    if fetched.status == 404:
        return NotFound(SOURCE, ident, shown)
    try:
        data: Any = json.loads(fetched.text)
        ids = data["esearchresult"]["idlist"]
    except (json.JSONDecodeError, KeyError, TypeError):
        return Failed(SOURCE, ident, f"malformed answer from {url}: no esearchresult.idlist")
    if not isinstance(ids, list) or len(ids) != 1:
        return NotFound(SOURCE, ident, shown)
    return str(ids[0])


def fetch_by_pmcid(client: RegistryClient, pmcid: str) -> Outcome:
    """PMCID → PMID (esearch) → the PubMed record."""
    found = search_pmid(client, f"{pmcid}[pmcid]", pmcid)
    if not isinstance(found, str):
        return found
    outcome = fetch_pubmed(client, found)
    if isinstance(outcome, RegistryRecord):
        return RegistryRecord(outcome.source, f"{pmcid} (PMID {found})", outcome.url,
                              outcome.item, outcome.years, outcome.notices)
    return outcome
