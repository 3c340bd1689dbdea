"""The peers' own reader test fixtures, read from fetched snapshots — never copied into this repo.

    python bench/peer_fixtures.py --write-manifest   # pin the mirrors' commits (maintainers only)

`bench/peers/manifest.json` names every file used (repo, commit, path, sha256, licence). The files
are read with `git --git-dir /work/.mirror/<owner>+<name>/repo show COMMIT:PATH` (the search
tool's `fetch` puts snapshots there); a file whose checksum differs is refused, a missing mirror
is reported and skipped. Each peer's file layout is turned into `Fixture`s: an input text in one
format and the peer's expected CSL items (Zotero items are mapped to CSL with Zotero's own CSL
field table, `zotero_to_csl`).

Sources (licences as their repositories state them):
- citation-js/citation-js (MIT): plugin-bibtex `test/input.json` + `test/input/*.bib`,
  `test/mapping/*`; plugin-ris `test/input.js` (JS data, evaluated by node in an empty `vm`
  context: no `require`, no I/O).
- jgm/pandoc (GPL-2.0-or-later): `test/command/*.md` blocks `% pandoc -f biblatex|bibtex -t
  markdown -s | -t csljson`, expected CSL YAML/JSON after `^D`.
- zotero/translators (AGPL-3.0-or-later): the `testCases` of `RIS.js`, `BibTeX.js`,
  `MEDLINEnbib.js`, `Endnote XML.js` (Zotero items).
- retorquere/zotero-better-bibtex (MIT): `test/fixtures/import/*.bib` with their `.json`
  (Better BibTeX JSON, Zotero items).
- jgm/citeproc (BSD-2-Clause): the CSL-JSON `INPUT` of `test/csl/*.txt` and `test/extra/*.txt`
  (read and compared with itself: a CSL-JSON round trip).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "bench" / "peers" / "manifest.json"
MIRRORS = Path("/work/.mirror")

#: peer repository → (licence, path patterns that belong to the bench)
PEERS: dict[str, tuple[str, list[str]]] = {
    "citation-js/citation-js": ("MIT", [
        r"packages/plugin-bibtex/test/input\.json", r"packages/plugin-bibtex/test/input/.*\.bib",
        r"packages/plugin-bibtex/test/mapping/(bibtex|biblatex)-(input\.bib|csl\.json)",
        r"packages/plugin-ris/test/input\.js"]),
    "jgm/pandoc": ("GPL-2.0-or-later", [r"test/command/[^/]*\.md"]),
    "zotero/translators": ("AGPL-3.0-or-later", [
        r"RIS\.js", r"BibTeX\.js", r"MEDLINEnbib\.js", r"Endnote XML\.js"]),
    "retorquere/zotero-better-bibtex": ("MIT", [r"test/fixtures/import/[^/]*\.(bib|json)"]),
    "jgm/citeproc": ("BSD-2-Clause", [r"test/(csl|extra)/[^/]*\.txt"]),
}

SOURCE_NAMES: dict[str, str] = {
    "citation-js/citation-js": "citation-js", "jgm/pandoc": "pandoc",
    "zotero/translators": "zotero", "retorquere/zotero-better-bibtex": "better-bibtex",
    "jgm/citeproc": "jgm/citeproc",
}

_PANDOC_COMMAND = re.compile(r"^% pandoc (?P<args>.*-f\s*(?P<from>biblatex|bibtex)\b.*)$")


@dataclass
class Fixture:
    """One input file and what the peer expects from it."""

    source: str
    fmt: str
    name: str
    text: str
    expected: list[dict[str, Any]]
    #: the `-f` name pandoc reads this input with (None: pandoc does not read it)
    pandoc_from: str | None = None
    ignore: frozenset[str] = field(default_factory=frozenset)


class Mirror:
    """Read pinned files of one fetched repository."""

    def __init__(self, repo: str) -> None:
        self.repo = repo
        self.git_dir = MIRRORS / repo.replace("/", "+") / "repo"

    @property
    def present(self) -> bool:
        return self.git_dir.is_dir()

    def head(self) -> str:
        return self._git("rev-parse", "HEAD").decode().strip()

    def paths(self, commit: str) -> list[str]:
        out = self._git("ls-tree", "-r", "--name-only", "-z", commit).decode()
        return [p for p in out.split("\0") if p]

    def show(self, commit: str, path: str) -> bytes:
        return self._git("show", f"{commit}:{path}")

    def _git(self, *args: str) -> bytes:
        return subprocess.run(["git", "--git-dir", str(self.git_dir), *args],
                              check=True, capture_output=True).stdout


def write_manifest() -> None:
    """Pin every bench file at the mirrors' current commits."""
    rows: list[dict[str, str]] = []
    for repo, (licence, patterns) in PEERS.items():
        mirror = Mirror(repo)
        if not mirror.present:
            print(f"skip {repo}: no mirror at {mirror.git_dir}", file=sys.stderr)
            continue
        commit = mirror.head()
        for path in mirror.paths(commit):
            if any(re.fullmatch(p, path) for p in patterns):
                try:
                    data = mirror.show(commit, path)
                except subprocess.CalledProcessError:  # large files are absent from snapshots
                    print(f"skip {repo}: {path} absent", file=sys.stderr)
                    continue
                if repo == "jgm/pandoc" and not _pandoc_reads_bib(data):
                    continue
                rows.append({"repo": repo, "commit": commit, "path": path,
                             "sha256": hashlib.sha256(data).hexdigest(), "licence": licence})
    MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    MANIFEST.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} files pinned in {MANIFEST.relative_to(REPO)}")


def _pandoc_reads_bib(data: bytes) -> bool:
    text = data.decode("utf-8", "replace")
    return any(_PANDOC_COMMAND.match(line) for line in text.splitlines())


def load_files() -> tuple[dict[tuple[str, str], str], list[str]]:
    """(repo, path) → text of every manifest file available, and the problems met."""
    rows = json.loads(MANIFEST.read_text(encoding="utf-8"))
    files: dict[tuple[str, str], str] = {}
    problems: list[str] = []
    mirrors: dict[str, Mirror] = {}
    for row in rows:
        mirror = mirrors.setdefault(row["repo"], Mirror(row["repo"]))
        if not mirror.present:
            if f"missing mirror {row['repo']}" not in problems:
                problems.append(f"missing mirror {row['repo']}")
            continue
        try:
            data = mirror.show(row["commit"], row["path"])
        except subprocess.CalledProcessError:
            problems.append(f"{row['repo']}: {row['path']} not at {row['commit'][:10]}")
            continue
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            problems.append(f"{row['repo']}: {row['path']} checksum differs; not used")
            continue
        files[(row["repo"], row["path"])] = data.decode("utf-8")
    return files, problems


def fixtures() -> tuple[list[Fixture], list[str]]:
    """Every fixture from every available peer, and the problems met loading them."""
    files, problems = load_files()
    out: list[Fixture] = []
    for maker in (_citation_js_bibtex, _citation_js_ris, _pandoc, _zotero, _better_bibtex,
                  _citeproc):
        try:
            out.extend(maker(files))
        except Exception as exc:  # a peer's layout changed: say so, keep the other peers
            problems.append(f"{maker.__name__}: {type(exc).__name__}: {exc}")
    return out, problems


# ------------------------------------------------------------------ citation-js

def _citation_js_bibtex(files: dict[tuple[str, str], str]) -> Iterator[Fixture]:
    repo, base = "citation-js/citation-js", "packages/plugin-bibtex/test/"
    if (repo, base + "input.json") not in files:
        return
    data = json.loads(files[(repo, base + "input.json")])
    for name, (given, expected) in data.get("@biblatex/text", {}).items():
        text = given if given is not None else files.get((repo, f"{base}input/{name[5:]}.bib"))
        if text is None:
            continue
        yield Fixture("citation-js", "bibtex", name, text, expected, "biblatex",
                      frozenset({"citation-key"}))
    for kind in ("bibtex", "biblatex"):
        bib = files.get((repo, f"{base}mapping/{kind}-input.bib"))
        csl = files.get((repo, f"{base}mapping/{kind}-csl.json"))
        if bib and csl:
            yield Fixture("citation-js", "bibtex", f"mapping/{kind}", bib, json.loads(csl),
                          "biblatex" if kind == "biblatex" else "bibtex",
                          frozenset({"citation-key"}))


def _citation_js_ris(files: dict[tuple[str, str], str]) -> Iterator[Fixture]:
    key = ("citation-js/citation-js", "packages/plugin-ris/test/input.js")
    if key not in files:
        return
    data = _js_data(files[key])
    for name, (given, expected) in data.get("@ris/file", {}).items():
        yield Fixture("citation-js", "ris", name, given, expected, "ris")
    for name, (record, expected) in data.get("@ris/record", {}).items():
        yield Fixture("citation-js", "ris", name, _ris_text(record), expected, "ris")


def _js_data(source: str) -> Any:
    """A `module.exports = {…}` data file → its value, evaluated in an empty node `vm` context
    (no require, no process, no I/O); JSON comes back on stdout."""
    script = ("const vm=require('vm');let s='';process.stdin.on('data',d=>s+=d);"
              "process.stdin.on('end',()=>{const c={module:{exports:{}}};"
              "c.exports=c.module.exports;"
              "vm.runInNewContext(s,c,{timeout:5000});"
              "process.stdout.write(JSON.stringify(c.module.exports));});")
    out = subprocess.run(["node", "-e", script], input=source.encode(), check=True,
                         capture_output=True, timeout=60).stdout
    return json.loads(out)


def _ris_text(record: dict[str, Any]) -> str:
    """A citation-js RIS record object → RIS text (repeated tags for lists)."""
    lines = []
    for tag in ["TY", *[t for t in record if t not in ("TY", "ER")]]:
        values = record.get(tag)
        for value in values if isinstance(values, list) else [values]:
            if value is not None:
                lines.append(f"{tag}  - {value}")
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ pandoc

def _pandoc(files: dict[tuple[str, str], str]) -> Iterator[Fixture]:
    for (repo, path), text in sorted(files.items()):
        if repo != "jgm/pandoc":
            continue
        for n, (args, source_format, given, output) in enumerate(_pandoc_blocks(text)):
            expected = _pandoc_expected(args, output)
            if expected is None:
                continue
            name = Path(path).stem + (f"#{n + 1}" if n else "")
            yield Fixture("pandoc", "bibtex", name, given, expected, source_format)


def _pandoc_blocks(text: str) -> Iterator[tuple[str, str, str, str]]:
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _PANDOC_COMMAND.match(lines[i])
        if not match:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j] == "^D"), None)
        close = next((j for j in range(end + 1, len(lines)) if lines[j].startswith("```")),
                     None) if end is not None else None
        if end is None or close is None:
            return
        yield (match.group("args"), match.group("from"), "\n".join(lines[i + 1:end]) + "\n",
               "\n".join(lines[end + 1:close]))
        i = close + 1


def _pandoc_expected(args: str, output: str) -> list[dict[str, Any]] | None:
    target = re.search(r"-t\s*(\S+)", args)
    if target is None:
        return None
    if target.group(1) == "csljson":
        data = json.loads(output)
        return data if isinstance(data, list) else None
    if target.group(1) == "markdown":
        match = re.match(r"---\n(.*?)\n---", output, re.S)
        if not match:
            return []
        meta = yaml.load(match.group(1), Loader=yaml.BaseLoader)  # every scalar a string
        refs = meta.get("references", []) if isinstance(meta, dict) else []
        return [_pandoc_item(r) for r in refs]
    return None


#: pandoc writes these CSL variables in lower case
_PANDOC_CASE = {"doi": "DOI", "url": "URL", "isbn": "ISBN", "issn": "ISSN", "pmid": "PMID",
                "pmcid": "PMCID"}


def _pandoc_item(ref: dict[str, Any]) -> dict[str, Any]:
    return {_PANDOC_CASE.get(k, k): v for k, v in ref.items()}


# ------------------------------------------------------------------ Zotero and Better BibTeX

_ZOTERO_FILES = {"RIS.js": ("ris", "ris"), "BibTeX.js": ("bibtex", "bibtex"),
                 "MEDLINEnbib.js": ("medline", None), "Endnote XML.js": ("endnote-xml",
                                                                          "endnotexml")}


def _zotero(files: dict[tuple[str, str], str]) -> Iterator[Fixture]:
    for path, (fmt, pandoc_from) in _ZOTERO_FILES.items():
        text = files.get(("zotero/translators", path))
        if text is None:
            continue
        match = re.search(r"/\*\* BEGIN TEST CASES \*\*/\s*var testCases = (.*?)"
                          r"/\*\* END TEST CASES \*\*/", text, re.S)
        if not match:
            continue
        for n, case in enumerate(json.loads(match.group(1).strip().rstrip(";")), start=1):
            if case.get("type") != "import" or not isinstance(case.get("items"), list):
                continue
            expected = [zotero_to_csl(i) for i in case["items"]]
            yield Fixture("zotero", fmt, f"{path}#{n}", case["input"], expected, pandoc_from,
                          ZOTERO_UNCOMPARED)


def _better_bibtex(files: dict[tuple[str, str], str]) -> Iterator[Fixture]:
    repo = "retorquere/zotero-better-bibtex"
    for (r, path), text in sorted(files.items()):
        if r != repo or not path.endswith(".bib"):
            continue
        expected_text = files.get((repo, path[:-4] + ".json"))
        if expected_text is None:
            continue
        items = [i for i in json.loads(expected_text).get("items", [])
                 if i.get("itemType") not in ("note", "attachment")]
        yield Fixture("better-bibtex", "bibtex", Path(path).stem, text,
                      [zotero_to_csl(i) for i in items], "biblatex", ZOTERO_UNCOMPARED)


#: CSL variables a Zotero item cannot be compared on: Zotero keeps what it has no field for in
#: `extra`/notes (our `note`), tags are not CSL `keyword`, `source` is Zotero's library catalogue
ZOTERO_UNCOMPARED = frozenset({"note", "keyword", "source", "license", "citation-key"})

#: Zotero item type → CSL type (Zotero's schema.json `csl.types`)
ZOTERO_TYPES: dict[str, str] = {
    "journalArticle": "article-journal", "book": "book", "bookSection": "chapter",
    "conferencePaper": "paper-conference", "thesis": "thesis", "report": "report",
    "webpage": "webpage", "patent": "patent", "document": "document",
    "magazineArticle": "article-magazine", "newspaperArticle": "article-newspaper",
    "manuscript": "manuscript", "letter": "personal_communication", "blogPost": "post-weblog",
    "forumPost": "post", "encyclopediaArticle": "entry-encyclopedia",
    "dictionaryEntry": "entry-dictionary", "computerProgram": "software", "dataset": "dataset",
    "film": "motion_picture", "videoRecording": "motion_picture", "audioRecording": "song",
    "presentation": "speech", "case": "legal_case", "statute": "legislation", "bill": "bill",
    "hearing": "hearing", "map": "map", "artwork": "graphic", "interview": "interview",
    "radioBroadcast": "broadcast", "tvBroadcast": "broadcast", "podcast": "song",
    "email": "personal_communication", "instantMessage": "personal_communication",
    "standard": "standard", "preprint": "article",
}

#: Zotero field → CSL variable (Zotero's schema.json `csl.fields`)
ZOTERO_FIELDS: dict[str, str] = {
    "title": "title", "shortTitle": "title-short", "journalAbbreviation": "container-title-short",
    "volume": "volume", "codeVolume": "volume", "issue": "issue", "pages": "page",
    "codePages": "page", "firstPage": "page", "numPages": "number-of-pages",
    "numberOfVolumes": "number-of-volumes", "edition": "edition", "versionNumber": "version",
    "abstractNote": "abstract", "language": "language", "DOI": "DOI", "ISBN": "ISBN",
    "ISSN": "ISSN", "url": "URL", "callNumber": "call-number", "applicationNumber":
    "call-number", "archive": "archive", "archiveLocation": "archive_location",
    "series": "collection-title", "seriesTitle": "collection-title",
    "seriesNumber": "collection-number", "section": "section", "medium": "medium",
    "conferenceName": "event-title", "meetingName": "event-title", "place": "publisher-place",
    "number": "number", "reportNumber": "number", "billNumber": "number",
    "patentNumber": "number", "docketNumber": "number", "publicLawNumber": "number",
    "rights": "license", "libraryCatalog": "source", "legalStatus": "status",
    "issuingAuthority": "authority", "extra": "note",
}
for _f in ("publicationTitle", "bookTitle", "proceedingsTitle", "encyclopediaTitle",
           "dictionaryTitle", "websiteTitle", "forumTitle", "blogTitle", "programTitle"):
    ZOTERO_FIELDS[_f] = "container-title"
for _f in ("publisher", "university", "institution", "company", "label", "studio", "network",
           "distributor"):
    ZOTERO_FIELDS[_f] = "publisher"
for _f in ("thesisType", "reportType", "genre", "letterType", "manuscriptType", "mapType",
           "presentationType", "websiteType", "postType", "type"):
    ZOTERO_FIELDS[_f] = "genre"
ZOTERO_DATES = {"date": "issued", "accessDate": "accessed", "filingDate": "submitted",
                "dateEnacted": "issued", "dateDecided": "issued"}
ZOTERO_CREATORS: dict[str, str] = {
    "author": "author", "editor": "editor", "seriesEditor": "collection-editor",
    "translator": "translator", "bookAuthor": "container-author", "contributor": "contributor",
    "inventor": "author", "programmer": "author", "artist": "author", "director": "director",
    "sponsor": "author", "cartographer": "author", "interviewee": "author",
    "podcaster": "author", "presenter": "author", "performer": "performer",
    "composer": "composer", "producer": "producer", "guest": "guest",
    "reviewedAuthor": "reviewed-author", "recipient": "recipient", "interviewer": "interviewer",
    "castMember": "performer", "scriptwriter": "script-writer",
}
#: `extra` lines `Name: value` Zotero itself turns into CSL variables
_EXTRA_VARIABLES = {"pmid": "PMID", "pmcid": "PMCID", "doi": "DOI",
                    "original-date": "original-date", "type": "type"}
#: Zotero field and CSL variable names in `extra` ("Volume: 73", "Publisher: …"), as Zotero
#: reads them when it makes CSL
_EXTRA_FIELDS = {re.sub(r"[\s_-]", "", k).lower(): v
                 for k, v in {**ZOTERO_FIELDS, **ZOTERO_DATES}.items() if k != "extra"}
_EXTRA_FIELDS.update({re.sub(r"[\s_-]", "", v).lower(): v for v in ZOTERO_FIELDS.values()})
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"), start=1)}


def zotero_to_csl(item: dict[str, Any]) -> dict[str, Any]:
    """A Zotero item (translator test case or Better BibTeX JSON) → CSL item, by Zotero's own
    CSL field table; `extra` lines naming a CSL variable become that variable as in Zotero."""
    csl: dict[str, Any] = {"type": ZOTERO_TYPES.get(item.get("itemType", ""), "document")}
    if item.get("citationKey"):
        csl["id"] = item["citationKey"]
    extra = item.get("extra", "")
    item = {**item, "extra": "\n".join(extra) if isinstance(extra, list) else extra}
    for key, value in item.items():
        if not isinstance(value, str) or not value:
            continue
        if key in ZOTERO_FIELDS:
            csl.setdefault(ZOTERO_FIELDS[key], value)
        elif key in ZOTERO_DATES:
            csl.setdefault(ZOTERO_DATES[key], zotero_date(value))
    for line in str(item.get("extra", "")).splitlines():
        name, _, value = line.partition(":")
        key = re.sub(r"[\s_-]", "", name).lower()
        value = value.strip()
        if key == "citationkey" and value:
            csl.setdefault("id", value)
        variable = _EXTRA_VARIABLES.get(name.strip().lower()) or _EXTRA_FIELDS.get(key)
        if variable and value and variable not in csl:
            csl[variable] = zotero_date(value) if variable in ZOTERO_DATES.values() else value
    for creator in item.get("creators", []):
        variable = ZOTERO_CREATORS.get(creator.get("creatorType", "author"), "contributor")
        if "name" in creator:
            person = {"literal": creator["name"]}
        else:
            person = {k: v for k, v in (("family", creator.get("lastName", "")),
                                        ("given", creator.get("firstName", ""))) if v}
        csl.setdefault(variable, []).append(person)
    return csl


def zotero_date(text: str) -> dict[str, Any]:
    """Zotero's date strings ("2019-05-17", "May 2019", "2019 Apr 23", "1996") → date-parts."""
    multipart = re.fullmatch(r"0000(?:-00-00)? (.*)", text.strip())  # Zotero: "not a date"
    if multipart:
        return {"literal": multipart.group(1)}
    iso = (re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:[ T].*)?", text.strip())
           or re.fullmatch(r"(\d{4})(?:-(\d\d))?()", text.strip()))
    if iso:
        return {"date-parts": [[int(g) for g in iso.groups() if g and int(g)]]}
    year = re.search(r"\b(\d{4})\b", text)
    if not year:
        return {"literal": text}
    parts = [int(year.group(1))]
    month = next((_MONTHS[w[:3].lower()] for w in re.findall(r"[A-Za-z]+", text)
                  if w[:3].lower() in _MONTHS), None)
    if month:
        parts.append(month)
        day = re.search(r"\b(\d{1,2})\b", text.replace(year.group(1), ""))
        if day and 1 <= int(day.group(1)) <= 31:
            parts.append(int(day.group(1)))
    return {"date-parts": [parts]}


# ------------------------------------------------------------------ jgm/citeproc

_INPUT = re.compile(r">>=+ *INPUT *=+>>\n(.*?)\n<<=+ *INPUT *=+<<", re.S)


def _citeproc(files: dict[tuple[str, str], str]) -> Iterator[Fixture]:
    for (repo, path), text in sorted(files.items()):
        if repo != "jgm/citeproc":
            continue
        match = _INPUT.search(text)
        if not match:
            continue
        try:
            expected = json.loads(match.group(1))
        except json.JSONDecodeError:
            continue
        if isinstance(expected, list):
            yield Fixture("jgm/citeproc", "csl-json", Path(path).stem, match.group(1),
                          [dict(i) for i in expected if isinstance(i, dict)], "csljson")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-manifest", action="store_true")
    args = parser.parse_args()
    if args.write_manifest:
        write_manifest()
        return
    found, problems = fixtures()
    for problem in problems:
        print("!", problem)
    counts: dict[tuple[str, str], int] = {}
    for f in found:
        counts[(f.fmt, f.source)] = counts.get((f.fmt, f.source), 0) + 1
    for (fmt, source), n in sorted(counts.items()):
        print(f"{fmt:12} {source:15} {n}")


if __name__ == "__main__":
    main()
