"""Held-out GOST strings: real Russian thesis bibliographies rendered by biblatex-gost.

The records are the BibTeX/BibLaTeX entries of public Russian PhD-thesis repositories (and
biblatex-gost's own examples), pinned in eval/heldout_manifest.json (kind `biblatex-bib`) and
read from the snapshots the search tool's `fetch` leaves in /work/.mirror; nothing fetched or
generated is committed.

* **Strings** come from an independent GOST implementation, biblatex-gost (`style=gost-numeric`,
  biber + XeLaTeX), in two flavours (FLAVOURS): its defaults, the GOST R 7.0.5-2008 shape
  (". — " between areas, four or more names cut to one + "[и др.]"), and a GOST R 7.0.100-2018
  shape that biblatex-gost's options give (". " between areas, a comma after the heading's
  surname, four or more names cut to three + "[и др.]"; biblatex-gost has no 7.0.100 style, and
  prints neither "Текст : непосредственный" nor full city names the data abbreviates). Each entry's
  text is read back with `pdftotext -raw`, as bench/gost_oracle.py does. The output is cached
  under platformdirs' user cache directory, keyed by the SHA-256 of the input and the document.
* **Gold** comes from the entry's own fields through the explicit mapping of `gold_from_fields`
  (bibtexparser v2 for parsing and its name splitter, pylatexenc for LaTeX), never through
  citefmt's readers or parser, and holds only what the string prints (`printed_gold`).
* **Split** (eval/README.md, "GOST held-out group"): first byte of SHA-256(content key) mod 10 —
  0–5 `train`, 6–7 `dev`, 8–9 blind `test`; the content key is the entry's folded title and year,
  so an entry that several repositories copy from one template falls in one split, and both
  flavours of an entry too.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import biblatex_gost

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "eval" / "heldout_manifest.json"
MIRROR = Path("/work/.mirror")
KIND = "biblatex-bib"

Item = dict[str, Any]

#: entry types whose printed form the field mapping below describes; the others (multi-volume
#: works, patents, software, standards, misc …) print elements the mapping has no CSL field for
TYPES = frozenset({"article", "book", "inbook", "incollection", "inproceedings", "conference",
                   "collection", "proceedings", "thesis", "phdthesis", "mastersthesis",
                   "candthesis", "docthesis", "report", "techreport", "online"})
#: fields that pull in another entry or print elements the mapping cannot represent
SKIPPED_FIELDS = frozenset({"crossref", "xref", "xdata", "related", "entryset", "execute",
                            "maintitle", "issuetitle", "options", "volumes"})
_IN_BOOK = frozenset({"inbook", "incollection", "inproceedings", "conference"})
#: a number of pages with its word, as the extent area prints it ("972 p.", "215 с."): the whole
#: work's extent, not a page range
_EXTENT_RE = re.compile(r"(?P<n>\d+)\s*(?:p|pp|с|стр|S)\.")
_THESIS = frozenset({"thesis", "phdthesis", "mastersthesis", "candthesis", "docthesis"})


@dataclass(frozen=True)
class Flavour:
    """One biblatex-gost rendering: its biblatex options, extra preamble and name limits."""

    options: str
    preamble: str
    max_names: int
    min_names: int


FLAVOURS: dict[str, Flavour] = {
    "gost-biblatex-2008": Flavour("doi=true,isbn=false", "", 3, 1),
    "gost-biblatex-2018": Flavour("doi=true,isbn=true,blockpunct=space,minbibnames=3",
                                  r"\renewcommand*{\revsdnamepunct}{\addcomma}", 3, 3),
}

@dataclass(frozen=True)
class BibEntry:
    """One entry of a source file: where it comes from and its fields (strings resolved,
    enclosing braces removed, LaTeX kept)."""

    repo: str
    path: str
    key: str
    entry_type: str
    fields: dict[str, str]

    @property
    def content_key(self) -> str:
        """Folded title and year: the identity used to de-duplicate and to split."""
        return _fold_key(self.fields.get("title", "") + "|" + _year_text(self.fields))


def _fold_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def _year_text(fields: dict[str, str]) -> str:
    found = re.search(r"\d{4}", fields.get("date") or fields.get("year") or "")
    return found.group(0) if found else ""


def split_of(content_key: str) -> str:
    """train / dev / test by the first byte of SHA-256(content key) mod 10 (eval/README.md)."""
    bucket = hashlib.sha256(content_key.encode("utf-8")).digest()[0] % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


# --- reading the sources -------------------------------------------------------------------


def parse_bib(text: str, repo: str = "", path: str = "") -> list[BibEntry]:
    """The entries of one .bib text, with @string macros resolved and enclosing braces or
    quotes removed (bibtexparser v2's default middlewares); entries it cannot parse are left
    out."""
    import logging

    import bibtexparser

    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # a block it cannot parse is left out, not reported
    try:
        library = bibtexparser.parse_string(text)
    finally:
        logger.setLevel(level)
    entries = []
    for entry in library.entries:
        fields = {name.lower(): str(field.value).strip() for name, field in
                  entry.fields_dict.items()}
        entries.append(BibEntry(repo, path, entry.key, entry.entry_type.lower(), fields))
    return entries


def usable(entry: BibEntry) -> bool:
    """An entry the mapping describes: a known type, a title, a year, nothing inherited."""
    return (entry.entry_type in TYPES and bool(entry.fields.get("title"))
            and bool(_year_text(entry.fields)) and not SKIPPED_FIELDS & entry.fields.keys())


def _git_dir(repo: str) -> Path:
    return MIRROR / repo.replace("/", "+") / "repo"


def manifest_sources() -> list[dict[str, Any]]:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return [s for s in manifest["sources"] if s["kind"] == KIND]


def missing_requirements(sources: list[dict[str, Any]] | None = None) -> list[str]:
    """What rendering the group needs and does not find: TeX tools, biblatex-gost, the
    fetched repositories."""
    missing = biblatex_gost.missing_tex()
    for source in sources if sources is not None else manifest_sources():
        if not _git_dir(source["repo"]).exists():
            missing.append(f"{_git_dir(source['repo'])} (fetch github:{source['repo']})")
    return missing


def source_entries(sources: list[dict[str, Any]]) -> list[BibEntry]:
    """Every usable entry of the pinned files, checksum-checked, each content key once (the
    first source in manifest order keeps it: thesis repositories copy their template's
    examples)."""
    entries: list[BibEntry] = []
    seen: set[str] = set()
    for source in sources:
        for item in source["files"]:
            data = subprocess.run(["git", "--git-dir", str(_git_dir(source["repo"])), "show",
                                   f"{source['commit']}:{item['path']}"],
                                  capture_output=True, check=True).stdout
            if hashlib.sha256(data).hexdigest() != item["sha256"]:
                raise SystemExit(f"error: {source['repo']}:{item['path']}: checksum differs "
                                 "from the manifest")
            for entry in parse_bib(data.decode("utf-8", "replace"), source["repo"],
                                   item["path"]):
                if usable(entry) and entry.content_key not in seen:
                    seen.add(entry.content_key)
                    entries.append(entry)
    return entries


# --- gold: the explicit field mapping ------------------------------------------------------


def latex_text(value: str) -> str:
    """A field's text as TeX prints it (pylatexenc), whitespace collapsed."""
    from pylatexenc.latex2text import LatexNodes2Text

    text = LatexNodes2Text(math_mode="text", strict_latex_spaces=True).latex_to_text(value)
    return " ".join(text.replace("~", " ").split())


def _initials(given: str) -> str:
    """The initials biber gives a given name (`giveninits=true`): one per space-separated part,
    a hyphenated part keeping its hyphen ("Жан-Поль" → "Ж.-П."); "В.Н." written without a space
    is one part to biber, so one initial."""
    out = []
    for part in given.split():
        pieces = [p for p in part.split("-") if p]
        letters = [next((c for c in p if c.isalpha()), "") for p in pieces]
        out.append("-".join(f"{letter}." for letter in letters if letter))
    return " ".join(p for p in out if p)


def csl_name(raw: str) -> dict[str, str]:
    """One BibTeX name as a CSL name: bibtexparser's split into first/von/last/jr, each part's
    LaTeX decoded; a name wholly in braces ("{R Core Team}") is a literal. The given name is
    the initials biblatex-gost prints."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    stripped = raw.strip()
    if stripped.startswith("{") and stripped.endswith("}") and _balanced(stripped[1:-1]):
        return {"literal": latex_text(stripped[1:-1])}
    parts = parse_single_name_into_parts(stripped, strict=False)
    name = {"family": latex_text(" ".join(parts.last))}
    if parts.first:
        name["given"] = _initials(latex_text(" ".join(parts.first)))
    if parts.von:
        name["non-dropping-particle"] = latex_text(" ".join(parts.von))
    if parts.jr:
        name["suffix"] = latex_text(" ".join(parts.jr))
    return name


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def printed_names(raw: str, max_names: int, min_names: int) -> list[dict[str, str]]:
    """The names of a BibTeX name list that biblatex prints: all of them up to `max_names`,
    else the first `min_names` (then "[и др.]"); an explicit "and others" ends the list."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    names = split_multiple_persons_names(raw)
    if names and names[-1].strip().casefold() == "others":
        names = names[:-1]
        return [csl_name(n) for n in names[:max_names]] if len(names) <= max_names else \
            [csl_name(n) for n in names[:min_names]]
    if len(names) > max_names:
        names = names[:min_names]
    return [csl_name(n) for n in names]


def _joined(*parts: str | None) -> str:
    return " : ".join(latex_text(p) for p in parts if p)


def _list_field(value: str) -> str:
    """A BibLaTeX list field (publisher, location): its items joined as GOST joins them."""
    return " ; ".join(latex_text(p) for p in re.split(r"\s+and\s+", value) if p.strip())


def gold_from_fields(entry: BibEntry, flavour: Flavour) -> Item:
    """The CSL fields of one entry, mapped field by field:

    author / editor → names (cut as biblatex-gost cuts them); title + subtitle + titleaddon →
    title; journaltitle / journal (+ journalsubtitle) → container-title of an article;
    booktitle (+ booksubtitle + booktitleaddon) → container-title of a part of a book;
    year / date → issued; volume; number (else issue) → issue (articles only: elsewhere
    `number` is a series or report number); pages → page; publisher (institution of a thesis
    or report) → publisher; location / address → publisher-place; doi → DOI. `type` is not
    mapped: the string does not tell an inproceedings from an incollection, or a collection
    from a book."""
    fields = entry.fields
    gold: Item = {}
    for role in ("author", "editor"):
        if fields.get(role):
            names = printed_names(fields[role], flavour.max_names, flavour.min_names)
            if names:
                gold[role] = names
    gold["title"] = _joined(fields.get("title"), fields.get("subtitle"),
                            fields.get("titleaddon"))
    if entry.entry_type == "article":
        journal = fields.get("journaltitle") or fields.get("journal")
        if journal:
            gold["container-title"] = _joined(journal, fields.get("journalsubtitle"))
        # `number`, else BibLaTeX's `issue`: biblatex-gost prints either as the issue
        # ("№ 3", "no. 3", "вып. 3", "issue 7")
        if fields.get("number") or fields.get("issue"):
            gold["issue"] = latex_text(fields.get("number") or fields["issue"])
    elif entry.entry_type in _IN_BOOK and fields.get("booktitle"):
        gold["container-title"] = _joined(fields["booktitle"], fields.get("booksubtitle"),
                                          fields.get("booktitleaddon"))
    gold["issued"] = {"date-parts": [[int(_year_text(fields))]]}
    if fields.get("volume"):
        gold["volume"] = latex_text(fields["volume"])
    if fields.get("pages"):
        pages = latex_text(fields["pages"]).replace("--", "–")
        extent = _EXTENT_RE.fullmatch(pages)
        if extent and entry.entry_type != "article" and entry.entry_type not in _IN_BOOK:
            # a whole work's extent written into `pages` ("972 p."): GOST's physical
            # description (the number of pages), not a page range (rule 8)
            gold["number-of-pages"] = extent.group("n")
        else:
            gold["page"] = pages
    # biblatex-gost's article driver prints no publisher (only `location` before the year):
    # a publisher the string holds is part of the journal's name ("Proceedings of the National
    # Academy of Sciences") or of a link (rule 4)
    publisher = fields.get("publisher") if entry.entry_type != "article" else None
    if not publisher and (entry.entry_type in _THESIS or entry.entry_type in (
            "report", "techreport")):
        publisher = fields.get("institution") or fields.get("school")
    if publisher:
        gold["publisher"] = _list_field(publisher)
    place = fields.get("location") or fields.get("address")
    if place:
        gold["publisher-place"] = _list_field(place)
    if fields.get("doi"):
        # biblatex prints `doi` verbatim ("10.1007/11552246{\_}43" as written): no decoding
        gold["DOI"] = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "",
                             fields["doi"].strip(), flags=re.I)
    return gold


# --- what the string prints ----------------------------------------------------------------


def _compact(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", kept)


def _name_printed(name: dict[str, str], printed: str) -> bool:
    if "literal" in name:
        return _compact(name["literal"]) in printed
    family = _compact(name.get("non-dropping-particle", "") + name["family"])
    given = _compact(name.get("given", ""))
    return family + given in printed or given + family in printed or (
        not given and family in printed)


def printed_gold(gold: Item, text: str) -> Item | None:
    """The gold a string supports, or None when it contradicts the mapping: a printed name or
    title that is not in the string means TeX printed the field otherwise than it was decoded
    (a macro, math), so the gold would be wrong, and the record is left out. A publisher,
    place, DOI, volume, issue or page the style does not print for the type is dropped."""
    printed = _compact(text)
    outside_links = _compact(_LINK_RE.sub(" ", text))
    numbers = set(re.findall(r"\d+", text))
    if _unreadable(gold):
        return None
    kept: Item = {}
    for key, value in gold.items():
        if key in ("author", "editor"):
            if key == "author" and not all(_name_printed(n, printed) for n in value):
                return None
            kept[key] = value
        elif key in ("title", "container-title"):
            if not _compact(value) or _compact(value) not in printed:
                return None
            kept[key] = value
        elif key == "DOI":
            if _compact(value) and _compact(value) in printed:
                kept[key] = value
        elif key in ("publisher", "publisher-place"):
            # printed outside a link: "OSA" is not printed by "…?URI=josa-62-1-55" (rule 5)
            if _compact(value) and _compact(value) in outside_links:
                kept[key] = value
        elif key in ("volume", "issue"):
            if _labelled(key, value, text):
                kept[key] = value
        elif key == "page":
            if set(re.findall(r"\d+", value)) <= numbers and re.search(r"\d", value):
                kept[key] = value
        elif key == "issued":
            if str(value["date-parts"][0][0]) not in numbers:
                return None
            kept[key] = value
        else:
            kept[key] = value
    if "DOI" not in kept and _DOI_PRINTED.search(text):
        kept["doi-unmarked"] = True  # a DOI inside a URL the fields hold as `url`: not scored
    return kept


_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-"})
_LABELS = {"volume": r"(?:Т\.|Vol\.|V\.|Том|Bd\.|Vol|Volume)",
           "issue": r"(?:№|[Nn]o\.|[Вв]ып\.|Iss\.|[Ii]ssue|Heft|Nr\.)"}


def _labelled(key: str, value: str, text: str) -> bool:
    """A volume or issue is printed when its value follows its label ("Т. 41", "no. 5") or, for
    an issue, the volume ("Vol. 6, S1"); a bare number elsewhere (the year) is not it."""
    # a range is printed with a dash or, in an issue, a slash ("№ 3/4" for number = 3--4)
    wanted = "[-/]".join(re.escape(part) for part in value.translate(_DASHES).split("-"))
    flat = text.translate(_DASHES)
    after = _LABELS[key] + r"\s*" if key == "volume" else \
        rf"(?:{_LABELS[key]}\s*|{_LABELS['volume']}\s*[^,\s]+,\s*)"
    return bool(re.search(rf"{after}{wanted}(?![\w-])", flat))


#: a link as biblatex prints `url` (and `doi` as a resolver link): no word in it is an element
_LINK_RE = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")
#: a DOI printed in a string (bare, labelled or inside a resolver link)
_DOI_PRINTED = re.compile(r"10\.\d{4,9}/")


#: an initial inside a family name: the data wrote a person's initials into the surname
#: ("Алексеев В.В., З. В.", "Mesinger F., A. A.", "Alexander F. Shchepetkin, J. C. M.") — the
#: string prints "Алексеев В.В. З. В.", which no reader can take apart as the data did (rule 6)
_INITIAL_IN_FAMILY_RE = re.compile(r"(?:^|\s)[^\W\d_]\.(?:\s|[^\W\d_]\.|$)")


def _unreadable(gold: Item) -> bool:
    """Fields whose data cannot be gold as the mapping reads them: a family name of one letter
    or of initials only (the data wrote initials as the surname, "Ч., А. В."), or a place or
    publisher that holds a whole imprint ("Красноярск : СибГУ": place and publisher cannot be
    told apart), or a family name holding an initial (`_INITIAL_IN_FAMILY_RE`)."""
    if any(len(re.sub(r"\W+", "", n.get("family", "x"))) < 2
           or re.fullmatch(r"(?:\w\.\s*)+", n.get("family", ""))
           or _INITIAL_IN_FAMILY_RE.search(n.get("family", "")) for n in gold.get("author", [])):
        return True
    return any(":" in gold.get(key, "") for key in ("publisher", "publisher-place"))


# --- rendering -----------------------------------------------------------------------------


def _bib_value(value: str) -> str:
    return "{" + value + "}"


def combined_bib(entries: list[BibEntry]) -> str:
    """One .bib with every entry under a fresh key (`e0`, `e1`, …: source keys collide)."""
    out = []
    for number, entry in enumerate(entries):
        lines = [f"  {name} = {_bib_value(value)}," for name, value in entry.fields.items()
                 if _balanced(value)]
        out.append(f"@{entry.entry_type}{{e{number},\n" + "\n".join(lines) + "\n}\n")
    return "\n".join(out)


def document(flavour: Flavour) -> str:
    return biblatex_gost.document(
        "style=gost-numeric,backend=biber,sorting=none,autolang=other," + flavour.options,
        "english,french,german,ukrainian,italian,spanish,polish", "entries.bib",
        flavour.preamble + "\n")


def cache_root() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("citefmt")) / "gost-heldout"


#: the shape of a cached `entries.json`, part of the cache key: 2 since labels after a page
#: break or inside a line start their own entry (`biblatex_gost.entry_chunks`)
CACHE_SHAPE = "entries-2"


def render(bib: str, flavour: Flavour, workdir: Path | None = None) -> dict[str, str]:
    """biblatex-gost's text of every entry of `bib` by key, rendered once per input and
    document (cached)."""
    doc = document(flavour)
    digest = hashlib.sha256((bib + "\0" + doc + "\0" + CACHE_SHAPE).encode("utf-8")
                            ).hexdigest()[:16]
    where = (workdir or cache_root()) / digest
    result = where / "entries.json"
    if result.is_file():
        return dict(json.loads(result.read_text(encoding="utf-8")))
    where.mkdir(parents=True, exist_ok=True)
    (where / "entries.bib").write_text(bib, encoding="utf-8")
    (where / "doc.tex").write_text(doc, encoding="utf-8")
    entries = entry_texts(biblatex_gost.typeset(where))
    result.write_text(json.dumps(entries, ensure_ascii=False, indent=0), encoding="utf-8")
    return entries


def entry_texts(text: str) -> dict[str, str]:
    """Each entry's text by key from pdftotext's output (the key is printed as its label)."""
    return {key: normalise(body) for key, body in biblatex_gost.entry_chunks(text).items()}


#: TeX's typographic quotes and the kerned space pdftotext puts before a period after some
#: capitals ("P . 185"), as bench/gost_oracle.py undoes them
_PDF_ARTEFACTS = ((re.compile(r"(?<=\b[A-ZА-Я]) (?=[.’])"), ""), (re.compile(r"[’‘]"), "'"),
                  (re.compile(r"[”“]"), '"'))


def normalise(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    for pattern, replacement in _PDF_ARTEFACTS:
        text = pattern.sub(replacement, text)
    return text


# --- records -------------------------------------------------------------------------------


def group_records(split: str, workdir: Path | None = None,
                  report: dict[str, int] | None = None) -> Iterator[dict[str, Any]]:
    """The rendered strings of `split` with their gold, both flavours; `report` counts what
    was left out and why."""
    sources = manifest_sources()
    entries = source_entries(sources)
    bib = combined_bib(entries)
    counts = report if report is not None else {}
    for group, flavour in FLAVOURS.items():
        texts = render(bib, flavour, workdir)
        for number, entry in enumerate(entries):
            if split_of(entry.content_key) != split:
                continue
            text = texts.get(f"e{number}")
            if not text:
                counts["not rendered"] = counts.get("not rendered", 0) + 1
                continue
            gold = printed_gold(gold_from_fields(entry, flavour), text)
            if gold is None:
                counts["gold not printed as mapped"] = counts.get(
                    "gold not printed as mapped", 0) + 1
                continue
            counts["kept"] = counts.get("kept", 0) + 1
            yield {"text": text, "gold": gold, "group": group, "split": split,
                   "source": f"{entry.repo}:{entry.path}#{entry.key}"}


def main() -> int:
    """Print the group's counts per split (renders on first use)."""
    missing = missing_requirements()
    if missing:
        print("missing: " + "; ".join(missing), file=sys.stderr)
        return 2
    for split in ("train", "dev", "test"):
        report: dict[str, int] = {}
        records = list(group_records(split, report=report))
        print(split, len(records), report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
