"""A real HTTP server on 127.0.0.1 that answers as Crossref and E-utilities do, from recordings.

Bodies come from `../shared/online-fixtures` (real responses recorded by habanero, rcrossref,
serrano, Crossref's matching evaluation and biopython; provenance beside each file):

- `GET /crossref/works/{doi}` → the recorded work (crossref/works, crossref/works_derived, and
  every item of the recorded search results wrapped in the single-work envelope as
  works_derived was); an unknown DOI → 404 `Resource not found.` (text/plain), as recorded;
- `GET /crossref/works/{doi}/agency` → the work-agency message: "crossref" for the works above,
  "datacite" for 10.5281/… (Zenodo) DOIs, 404 otherwise;
- `GET /crossref/works?query.bibliographic=…` → a work-list of the records whose titles share
  the most words with the query, best first, with a relevance `score` computed here (the
  percentage of the title's words of 4+ letters found in the query: the server's own number,
  not Crossref's);
- `GET /eutils/efetch.fcgi?db=pubmed&id=…&rettype=medline` → the recorded MEDLINE record, an
  unknown PMID → 200 with an empty body (what E-utilities do);
- `GET /eutils/esearch.fcgi?term=…[pmcid]|[doi]&retmode=json` → the esearch JSON format with
  the PMIDs whose MEDLINE record carries that PMC / AID.

Headers are the ones recorded from Crossref (`Vary: Accept`, `x-api-pool`, rate-limit headers,
no caching headers). Behaviour switches for tests, all written from the APIs' documented
formats: DOIs under `10.9999/` — `status-429` (429 with `Retry-After: 1` once, then the work),
`status-429-long` (always 429, `Retry-After: 3600`), `moved` (301 to a recorded work),
`status-503` (503 once), `always-503`, `slow` (answers after `slow_seconds`), `malformed`
(truncated JSON), `etag` (`Cache-Control: max-age=0` + ETag, answering 304 to revalidation),
`retracted` (a recorded work with a Crossref `updated-by` retraction entry added, the format of
the recorded `updated-by` correction); PMID 99999901 is a recorded MEDLINE record with
`RIN - Retraction in:` and `PT - Retracted Publication` added (MEDLINE's documented tags).
Every request is counted in `requests`.
"""

from __future__ import annotations

import copy
import json
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / ".." / "shared" / "online-fixtures"
if not FIXTURES.is_dir():
    FIXTURES = Path("/work/shared/online-fixtures")

CROSSREF_HEADERS = {
    "Content-Type": "application/json;charset=utf-8",
    "Vary": "Accept",
    "x-api-pool": "polite",
    "x-rate-limit-limit": "50",
    "x-rate-limit-interval": "1s",
    "Access-Control-Allow-Origin": "*",
}
RETRACTED_PMID = "99999901"
RETRACTED_DOI = "10.9999/retracted"


def _envelope(message: dict[str, Any]) -> dict[str, Any]:
    return {"status": "ok", "message-type": "work", "message-version": "1.0.0",
            "message": message}


def load_works() -> dict[str, dict[str, Any]]:
    """DOI (lower-case) → recorded work message."""
    works: dict[str, dict[str, Any]] = {}
    for folder in ("works", "works_derived"):
        for path in sorted((FIXTURES / "crossref" / folder).glob("*.json")):
            message = json.loads(path.read_text(encoding="utf-8"))["message"]
            works[message["DOI"].lower()] = message
    for path in sorted((FIXTURES / "crossref" / "search").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["message"].get("items", []):
            if "DOI" in item and item["DOI"].lower() not in works:
                works[item["DOI"].lower()] = item
    return works


def load_medline() -> dict[str, str]:
    """PMID → recorded MEDLINE record text."""
    records: dict[str, str] = {}
    for path in sorted((FIXTURES / "ncbi" / "efetch_medline").glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        for block in re.split(r"\n\s*\n(?=PMID-)", text.strip()):
            m = re.match(r"PMID- (\d+)", block.strip())
            if m:
                records[m.group(1)] = block.strip() + "\n"
    return records


def retracted_medline(records: dict[str, str]) -> str:
    """A recorded MEDLINE record re-numbered, with the documented retraction tags added."""
    base = records["12230038"]
    text = base.replace("PMID- 12230038", f"PMID- {RETRACTED_PMID}")
    return text.replace(
        "PT  - Journal Article\n",
        "PT  - Journal Article\nPT  - Retracted Publication\n") + \
        "RIN - Brief Bioinform. 2003 Mar;4(1):99. PMID: 99999902\n"


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (a timeout, the slow answer) resets its connection while the
    handler still writes; socketserver prints that traceback to the test's stderr, where the
    tests look for citefmt's own tracebacks. Connection errors are the client's business."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class RegistryServer:
    """The server, its data, and what it has been asked."""

    works: dict[str, dict[str, Any]] = field(default_factory=load_works)
    medline: dict[str, str] = field(default_factory=load_medline)
    slow_seconds: float = 2.0
    requests: list[str] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    httpd: ThreadingHTTPServer | None = None

    def __post_init__(self) -> None:
        base = copy.deepcopy(self.works["10.1371/journal.pbio.0050002"])
        base["DOI"] = RETRACTED_DOI
        base["updated-by"] = [{"DOI": "10.9999/retraction-notice", "type": "retraction",
                               "label": "Retraction", "source": "publisher",
                               "updated": {"date-parts": [[2008, 11, 25]]}}]
        base.pop("relation", None)
        self.works[RETRACTED_DOI] = base
        self.medline[RETRACTED_PMID] = retracted_medline(self.medline)

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> RegistryServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()

    @property
    def url(self) -> str:
        assert self.httpd is not None
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def crossref_url(self) -> str:
        return f"{self.url}/crossref"

    @property
    def eutils_url(self) -> str:
        return f"{self.url}/eutils"

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.hits.clear()

    # --- routing -----------------------------------------------------------------------------

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(request.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = unquote(parts.path)
        with self.lock:
            self.requests.append(request.path)
            self.hits[path] += 1
            count = self.hits[path]
        if path.startswith("/crossref/works/") and path.endswith("/agency"):
            self._agency(request, path[len("/crossref/works/"):-len("/agency")])
        elif path.startswith("/crossref/works/"):
            self._work(request, path[len("/crossref/works/"):], count)
        elif path == "/crossref/works":
            self._search(request, query.get("query.bibliographic", ""),
                         int(query.get("rows", "2")))
        elif path == "/eutils/efetch.fcgi":
            body = self.medline.get(query.get("id", ""), "")
            self._send(request, 200, body, {"Content-Type": "text/plain; charset=UTF-8"})
        elif path == "/eutils/esearch.fcgi":
            self._esearch(request, query.get("term", ""))
        else:
            self._send(request, 404, "Resource not found.", {"Content-Type": "text/plain"})

    def _work(self, request: BaseHTTPRequestHandler, doi: str, count: int) -> None:
        key = doi.lower()
        special = key[len("10.9999/"):] if key.startswith("10.9999/") else ""
        if special == "moved":
            # Crossref answers some DOIs with a 301 to the versioned/canonical work
            self._send(request, 301, "", {"Location": "/crossref/works/10.1038/nnano.2014.279"})
            return
        if special == "status-429-long":
            self._send(request, 429, "Too Many Requests", {"Retry-After": "3600"})
            return
        if special == "status-429" and count == 1:
            self._send(request, 429, "Too Many Requests", {"Retry-After": "1"})
            return
        if (special == "status-503" and count == 1) or special == "always-503":
            self._send(request, 503, "Service Unavailable", {"Content-Type": "text/plain"})
            return
        if special == "slow":
            time.sleep(self.slow_seconds)
        if special == "malformed":
            body = json.dumps(_envelope(self.works["10.1038/nnano.2014.279"]))
            self._send(request, 200, body[: len(body) // 2], CROSSREF_HEADERS)
            return
        if special == "etag":
            etag = '"v1"'
            headers = {**CROSSREF_HEADERS, "Cache-Control": "max-age=0", "ETag": etag}
            if request.headers.get("If-None-Match") == etag:
                self._send(request, 304, "", headers)
                return
            message = dict(self.works["10.1038/nnano.2014.279"], DOI=doi)
            self._send(request, 200, json.dumps(_envelope(message)), headers)
            return
        if special in ("status-429", "status-503", "slow"):
            message = dict(self.works["10.1038/nnano.2014.279"], DOI=doi)
        else:
            found = self.works.get(key)
            if found is None:
                self._send(request, 404, "Resource not found.", {
                    **CROSSREF_HEADERS, "Content-Type": "text/plain"})
                return
            message = found
        self._send(request, 200, json.dumps(_envelope(message)), CROSSREF_HEADERS)

    def _agency(self, request: BaseHTTPRequestHandler, doi: str) -> None:
        """`/works/{doi}/agency`: Crossref's works are "crossref"; 10.5281 (Zenodo) DOIs are
        DataCite's; anything else is unknown (404), as for a DOI nobody registered."""
        if doi.lower() in self.works:
            found = {"id": "crossref", "label": "Crossref"}
        elif doi.lower().startswith("10.5281/"):
            found = {"id": "datacite", "label": "DataCite"}
        else:
            self._send(request, 404, "Resource not found.", {"Content-Type": "text/plain"})
            return
        body = {"status": "ok", "message-type": "work-agency", "message-version": "1.0.0",
                "message": {"DOI": doi, "agency": found}}
        self._send(request, 200, json.dumps(body), CROSSREF_HEADERS)

    def _search(self, request: BaseHTTPRequestHandler, text: str, rows: int) -> None:
        words = set(re.findall(r"\w{4,}", text.lower()))
        scored = []
        for message in self.works.values():
            if message["DOI"].startswith("10.9999/"):
                continue  # the behaviour switches are looked up by DOI only
            title = set(re.findall(r"\w{4,}", " ".join(message.get("title") or []).lower()))
            shared = len(words & title)
            if shared:
                scored.append((round(100.0 * shared / len(title), 3), message["DOI"], message))
        scored.sort(key=lambda t: (-t[0], t[1]))
        items = [dict(m, score=s) for s, _, m in scored[:rows]]
        body = {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                "message": {"facets": {}, "total-results": len(scored), "items": items,
                            "items-per-page": rows,
                            "query": {"start-index": 0, "search-terms": None}}}
        self._send(request, 200, json.dumps(body), CROSSREF_HEADERS)

    def _esearch(self, request: BaseHTTPRequestHandler, term: str) -> None:
        m = re.fullmatch(r"(.+)\[(pmcid|doi)\]", term.strip())
        ids: list[str] = []
        if m:
            value, kind = m.group(1).lower(), m.group(2)
            for pmid, record in self.medline.items():
                if kind == "pmcid" and re.search(rf"^PMC - {re.escape(value)}$", record,
                                                 re.M | re.I):
                    ids.append(pmid)
                if kind == "doi" and re.search(rf"^AID - {re.escape(value)} \[doi\]$",
                                               record, re.M | re.I):
                    ids.append(pmid)
        body = {"header": {"type": "esearch", "version": "0.3"},
                "esearchresult": {"count": str(len(ids)), "retmax": str(len(ids)),
                                  "retstart": "0", "idlist": ids, "translationset": [],
                                  "querytranslation": term}}
        self._send(request, 200, json.dumps(body), {"Content-Type": "application/json"})

    def _send(self, request: BaseHTTPRequestHandler, status: int, body: str,
              headers: dict[str, str]) -> None:
        data = body.encode("utf-8")
        try:
            request.send_response(status)
            for name, value in headers.items():
                request.send_header(name, value)
            request.send_header("Date", formatdate(usegmt=True))
            if status != 304:
                request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            if status != 304:
                request.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)


def write_config(directory: Path, server: RegistryServer, *, online: bool = True,
                 extra: str = "") -> None:
    """A .citefmt.toml that points the registry client at the local server."""
    (directory / ".citefmt.toml").write_text(
        f"online = {'true' if online else 'false'}\n"
        "[registry]\n"
        f'crossref-url = "{server.crossref_url}"\n'
        f'eutils-url = "{server.eutils_url}"\n'
        'cache-dir = "cache"\n'
        "backoff = 0.05\ncrossref-rate = 1000\nncbi-rate = 1000\n" + extra,
        encoding="utf-8")
