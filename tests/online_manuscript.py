"""A 100-reference Markdown manuscript built from the recorded registry records, with seeded errors.

Every entry is written in Vancouver form from a recorded Crossref work or MEDLINE record (the
test server's data), so the truth of every field is the registry's own record. Seeds, cycling
over the references with a DOI: year +1, volume +1, first page +10, another first author,
another title, another journal, and three kinds of missing fields (issue+pages, volume+issue+
pages, year+volume+issue+pages); then the MEDLINE records by PMID (one retracted), a retracted
and a corrected DOI, DOIs and a PMID that do not resolve, and 40 references with no identifier
(the same works cited without DOI: Crossref's bibliographic query must find them).

`expected` lists what `check --online` must report: (reference number, code, our value, the
registry's value); `fills` what `--fix --online` must add: (number, label, value).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from registry_server import RETRACTED_DOI, RETRACTED_PMID, RegistryServer

SEEDS = ("year", "volume", "pages", "author", "title", "journal",
         "no-issue-pages", "no-volume", "no-source", "clean")
OTHER_TITLE = "Seasonal patterns of hospital admissions in a coastal city"
OTHER_JOURNAL = "Journal of Unrelated Studies"
OTHER_AUTHOR = ("Zimmermann", "Q")


@dataclass
class Manuscript:
    text: str
    expected: list[tuple[int, str, str, str]] = field(default_factory=list)
    fills: list[tuple[int, str, str]] = field(default_factory=list)
    retracted: list[int] = field(default_factory=list)
    corrected: list[int] = field(default_factory=list)
    not_found: list[tuple[int, str]] = field(default_factory=list)
    matched: list[int] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def usable(work: dict[str, Any]) -> bool:
    parts = (work.get("issued") or {}).get("date-parts") or [[None]]
    return work.get("type") == "journal-article" and bool(work.get("title")) and \
        bool(work.get("container-title")) and bool(work.get("volume")) and \
        bool(work.get("author")) and "family" in work["author"][0] and parts[0][0] is not None


def _initials(given: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s.\-‐]+", given) if part[:1].isalpha())


def _authors(people: list[tuple[str, str]]) -> str:
    shown = [f"{family} {initials}".strip() for family, initials in people[:6]]
    return ", ".join(shown) + (", et al" if len(people) > 6 else "")


@dataclass
class _Ref:
    authors: list[tuple[str, str]]
    title: str
    journal: str
    year: str | None
    volume: str | None
    issue: str | None
    pages: str | None
    tail: str = ""

    def render(self) -> str:
        title = self.title if self.title.endswith(("?", "!", ".")) else self.title + "."
        text = f"{_authors(self.authors)}. {title} {self.journal}."
        if self.year:
            text += f" {self.year}"
            if self.volume:
                text += f";{self.volume}"
                if self.issue:
                    text += f"({self.issue})"
                if self.pages:
                    text += f":{self.pages}"
            text += "."
        return text + (f" {self.tail}" if self.tail else "")


def _from_work(work: dict[str, Any]) -> _Ref:
    people = [(a["family"], _initials(a.get("given", ""))) for a in work["author"]
              if "family" in a]
    short = work.get("short-container-title") or []
    journal = _clean(short[0]).replace(".", "") if short else _clean(work["container-title"][0])
    return _Ref(people, _clean(work["title"][0]), journal,
                str(work["issued"]["date-parts"][0][0]), work.get("volume"),
                work.get("issue"), work.get("page"))


def _from_medline(record: str) -> _Ref:
    def tag(name: str) -> str | None:
        m = re.search(rf"^{name} *- (.*(?:\n      .*)*)", record, re.M)
        return " ".join(m.group(1).split()) if m else None

    people = []
    for m in re.finditer(r"^AU  - (.*)$", record, re.M):
        family, _, initials = m.group(1).rpartition(" ")
        people.append((family, initials))
    dp = tag("DP") or ""
    return _Ref(people, (tag("TI") or "").rstrip("."), tag("TA") or "", dp[:4], tag("VI"),
                tag("IP"), tag("PG"))


def build(server: RegistryServer) -> Manuscript:
    # a SICI DOI ("…430:3<283::aid-cne1031>3.0.co;2-v") is cut at "<" by citefmt's DOI finder in
    # running text (identifiers.find_dois stops at <>), so it is not cited by DOI here
    works = sorted((w for w in server.works.values() if usable(w) and "<" not in w["DOI"]
                    and not w["DOI"].startswith("10.9999/")), key=lambda w: w["DOI"].lower())
    entries: list[str] = []
    ms = Manuscript("")

    def add(ref: _Ref) -> int:
        entries.append(ref.render())
        return len(entries)

    for i, work in enumerate(works):
        ref = _from_work(work)
        doi = work["DOI"]
        ref.tail = f"doi:{doi}"
        seed = SEEDS[i % len(SEEDS)]
        number = len(entries) + 1
        expect = _seed(ref, seed, work)
        add(ref)
        for code, ours, theirs in expect:
            if code.startswith("fill:"):
                ms.fills.append((number, code[5:], theirs))
            else:
                ms.expected.append((number, code, ours, theirs))
        if doi.lower() == "10.1371/journal.pbio.0050002":
            ms.corrected.append(number)
    for pmid in sorted(server.medline):
        ref = _from_medline(server.medline[pmid])
        ref.tail = f"PMID: {pmid}."
        number = add(ref)
        if pmid == RETRACTED_PMID:
            ms.retracted.append(number)
    retracted = _from_work(server.works[RETRACTED_DOI])
    retracted.tail = f"doi:{RETRACTED_DOI}"
    ms.retracted.append(add(retracted))
    for doi in ("10.1371/notarealdoi", "10.5555/no-such-work"):
        ref = _from_work(works[0])
        ref.title = f"A reference whose DOI {doi.split('/')[1]} is not registered"
        ref.tail = f"doi:{doi}"
        ms.not_found.append((add(ref), doi))
    ghost = _from_medline(server.medline["12230038"])
    ghost.title = "A reference whose PMID is not in PubMed"
    ghost.tail = "PMID: 99999999."
    ms.not_found.append((add(ghost), "99999999"))
    for work in works[:100 - len(entries)]:
        ref = _from_work(work)
        number = add(ref)
        ms.matched.append(number)
        ms.fills.append((number, "DOI", work["DOI"]))
    body = "\n".join(f"{n}. {text}" for n, text in enumerate(entries, start=1))
    ms.text = f"# A manuscript\n\nBody text.\n\n## References\n\n{body}\n"
    return ms


def _seed(ref: _Ref, seed: str, work: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Apply `seed` to `ref`; what must be reported (code, ours, theirs) or filled."""
    year = str(work["issued"]["date-parts"][0][0])
    if seed == "year":
        # a year the record gives nowhere (online-first articles have a print year too)
        given = [(work.get(k) or {}).get("date-parts", [[None]])[0][0]
                 for k in ("issued", "published-print", "published-online", "published")]
        ref.year = str(max(int(y) for y in given if y) + 1)
        return [("CF702", ref.year, year)]
    if seed == "volume" and ref.volume and ref.volume.isdigit():
        ref.volume = str(int(ref.volume) + 1)
        return [("CF703", ref.volume, work["volume"])]
    if seed == "pages" and ref.pages and re.fullmatch(r"\d+-\d+", ref.pages):
        first, last = map(int, ref.pages.split("-"))
        ref.pages = f"{first + 10}-{last + 10}"
        return [("CF705", ref.pages, work["page"])]
    if seed == "author":
        theirs = ref.authors[0][0]
        ref.authors = [OTHER_AUTHOR, *ref.authors[1:]]
        return [("CF706", OTHER_AUTHOR[0], theirs)]
    if seed == "title":
        theirs = ref.title
        ref.title = OTHER_TITLE
        return [("CF707", OTHER_TITLE, theirs)]
    if seed == "journal":
        ref.journal = OTHER_JOURNAL
        return [("CF708", OTHER_JOURNAL, _clean(work["container-title"][0]))]
    if seed == "no-issue-pages" and ref.issue and ref.pages:
        ref.issue, ref.pages = None, None
        return [("fill:issue", "", work["issue"]), ("fill:pages", "", work["page"])]
    if seed == "no-volume":
        expect = [("fill:volume", "", work["volume"])]
        expect += [("fill:issue", "", work["issue"])] if ref.issue else []
        expect += [("fill:pages", "", work["page"])] if ref.pages else []
        ref.volume = ref.issue = ref.pages = None
        return expect
    if seed == "no-source":
        expect = [("fill:year", "", year), ("fill:volume", "", work["volume"])]
        expect += [("fill:issue", "", work["issue"])] if ref.issue else []
        expect += [("fill:pages", "", work["page"])] if ref.pages else []
        ref.year = ref.volume = ref.issue = ref.pages = None
        return expect
    return []
