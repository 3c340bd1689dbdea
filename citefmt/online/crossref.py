"""Crossref REST API: `GET /works/{doi}` and `GET /works?query.bibliographic=…` → records.

Crossref's JSON (message-type "work") is read into a CSL-JSON item with only what the
comparison needs. Retractions and corrections come from three places: `updated-by` (the work is
updated by a notice), `update-to` (the work *is* a notice, or was corrected in place when it
points to itself) and `relation` (e.g. "correction": [...]).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import quote

from citefmt.model import Item
from citefmt.online.client import RegistryClient, RegistryError
from citefmt.online.records import Candidates, Failed, NotFound, Notice, Outcome, RegistryRecord

SOURCE = "Crossref"
#: Crossref work types → CSL types (the ones references cite; others pass through)
_TYPES = {
    "journal-article": "article-journal", "proceedings-article": "paper-conference",
    "book-chapter": "chapter", "book": "book", "monograph": "book", "edited-book": "book",
    "reference-book": "book", "posted-content": "article", "dataset": "dataset",
    "report": "report", "dissertation": "thesis", "peer-review": "review",
}
_TAG_RE = re.compile(r"<[^>]+>")
#: the fields a bibliographic query asks for (`select` keeps the answers small)
SELECT = ("DOI,title,subtitle,author,container-title,short-container-title,volume,issue,page,"
          "issued,published-print,published-online,type,update-to,updated-by,relation,score")


def work_url(options_url: str, doi: str) -> str:
    return f"{options_url.rstrip('/')}/works/{quote(doi, safe='/')}"


def fetch_work(client: RegistryClient, doi: str) -> Outcome:
    """The Crossref record of `doi`, NotFound on 404, Failed on anything unusable."""
    ident = f"doi:{doi}"
    url = work_url(client.options.crossref_url, doi)
    try:
        fetched = client.fetch(url)
    except RegistryError as exc:
        return Failed(SOURCE, ident, str(exc))
    if fetched.status == 404:
        return NotFound(SOURCE, ident, url)
    try:
        message = _message(fetched.text, "work")
    except ValueError as exc:
        return Failed(SOURCE, ident, f"malformed answer from {url}: {exc}")
    return to_record(message, ident=ident, url=url)


def agency(client: RegistryClient, doi: str) -> str | NotFound | Failed:
    """The DOI's registration agency ("crossref", "datacite", "medra" …) from Crossref's
    `/works/{doi}/agency`, which knows every agency's DOIs: a DOI that Crossref's `/works`
    does not have (404) may still be registered elsewhere, and then it resolves."""
    ident = f"doi:{doi}"
    url = work_url(client.options.crossref_url, doi) + "/agency"
    try:
        fetched = client.fetch(url)
    except RegistryError as exc:
        return Failed(SOURCE, ident, str(exc))
    if fetched.status == 404:
        return NotFound(SOURCE, ident, work_url(client.options.crossref_url, doi))
    try:
        message = _message(fetched.text, "work-agency")
        found = message["agency"]["id"]
    except (ValueError, KeyError, TypeError):
        return Failed(SOURCE, ident, f"malformed answer from {url}")
    return str(found)


def query_bibliographic(client: RegistryClient, text: str, *, rows: int = 2
                        ) -> Candidates | Failed:
    """Crossref's best matches for a free-text reference (relevance score on each)."""
    url = f"{client.options.crossref_url.rstrip('/')}/works"
    params = {"query.bibliographic": text, "rows": str(rows), "select": SELECT}
    try:
        fetched = client.fetch(url, params)
        if fetched.status == 404:
            return Candidates(text)
        message = _message(fetched.text, "work-list")
    except RegistryError as exc:
        return Failed(SOURCE, "query", str(exc))
    except ValueError as exc:
        return Failed(SOURCE, "query", f"malformed answer from {url}: {exc}")
    records = []
    for work in message.get("items") or []:
        if isinstance(work, dict) and isinstance(work.get("DOI"), str):
            doi = work["DOI"]
            records.append(to_record(work, ident=f"doi:{doi}",
                                     url=work_url(client.options.crossref_url, doi)))
    return Candidates(text, tuple(records))


def _message(text: str, kind: str) -> dict[str, Any]:
    """The `message` of a Crossref answer of `message-type` `kind`; ValueError otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("message"), dict):
        raise ValueError("no 'message' object")
    if data.get("message-type") not in (kind, None):
        raise ValueError(f"message-type {data.get('message-type')!r}, expected {kind!r}")
    message: dict[str, Any] = data["message"]
    return message


def to_record(work: dict[str, Any], *, ident: str, url: str) -> RegistryRecord:
    """A Crossref work as a RegistryRecord (CSL-JSON item, years, notices)."""
    item: Item = {"type": _TYPES.get(str(work.get("type")), str(work.get("type") or ""))}
    title = _first(work.get("title"))
    if title:
        item["title"] = title
    subtitle = _first(work.get("subtitle"))
    if subtitle:
        item["subtitle"] = subtitle
    for key, variable in (("container-title", "container-title"),
                          ("short-container-title", "container-title-short")):
        value = _first(work.get(key))
        if value:
            item[variable] = value
    for key in ("volume", "issue", "page"):
        if isinstance(work.get(key), str) and work[key].strip():
            item[key] = work[key].strip()
    if isinstance(work.get("DOI"), str):
        item["DOI"] = work["DOI"]
    authors = [_name(a) for a in work.get("author") or [] if isinstance(a, dict)]
    if authors:
        item["author"] = [a for a in authors if a]
    issued = _date_parts(work.get("issued"))
    if issued:
        item["issued"] = {"date-parts": [issued]}
    years = []
    for key in ("issued", "published-print", "published-online", "published"):
        parts = _date_parts(work.get(key))
        if parts and parts[0] not in years:
            years.append(parts[0])
    score = work.get("score")
    return RegistryRecord(SOURCE, ident, url, item, tuple(years), _notices(work),
                          float(score) if isinstance(score, int | float) else None)


def _first(value: Any) -> str | None:
    if isinstance(value, list) and value and isinstance(value[0], str):
        value = value[0]
    if not isinstance(value, str):
        return None
    return " ".join(html.unescape(_TAG_RE.sub("", value)).split()) or None


def _name(author: dict[str, Any]) -> dict[str, str]:
    if isinstance(author.get("family"), str):
        name = {"family": author["family"]}
        if isinstance(author.get("given"), str):
            name["given"] = author["given"]
        return name
    if isinstance(author.get("name"), str):
        return {"literal": author["name"]}
    return {}


def _date_parts(value: Any) -> list[int]:
    """[year, month, day] (as far as given) of a Crossref date, [] when absent or null."""
    if not isinstance(value, dict):
        return []
    parts = value.get("date-parts")
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list):
        return []
    out: list[int] = []
    for part in parts[0]:
        if not isinstance(part, int):
            break
        out.append(part)
    return out


def _notices(work: dict[str, Any]) -> tuple[Notice, ...]:
    own = str(work.get("DOI") or "").lower()
    found: dict[tuple[str, str, str], Notice] = {}
    for entry in work.get("updated-by") or []:
        if isinstance(entry, dict) and entry.get("type"):
            notice = Notice(str(entry["type"]), str(entry.get("DOI") or ""), "in")
            found[(notice.kind, notice.target.lower(), "in")] = notice
    for entry in work.get("update-to") or []:
        if isinstance(entry, dict) and entry.get("type"):
            target = str(entry.get("DOI") or "")
            # a work that updates itself was corrected in place (a new version of the record)
            direction = "in" if target.lower() == own else "of"
            found[(str(entry["type"]), target.lower(), direction)] = \
                Notice(str(entry["type"]), target, direction)
    for relation, targets in (work.get("relation") or {}).items():
        kind = _relation_kind(str(relation))
        if kind is None or not isinstance(targets, list):
            continue
        for target in targets:
            if isinstance(target, dict) and target.get("id"):
                key = (kind, str(target["id"]).lower(), "in")
                if not any(k[1] == key[1] and k[2] == "in" for k in found):
                    found[key] = Notice(kind, str(target["id"]), "in")
    return tuple(found.values())


def _relation_kind(relation: str) -> str | None:
    """Crossref relation names that announce a retraction or a correction of this work."""
    name = relation.lower()
    if "retract" in name:
        return "retraction"
    if "correct" in name or "erratum" in name or "concern" in name:
        return "correction"
    return None
