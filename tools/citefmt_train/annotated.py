"""Real, hand-annotated reference strings for evaluating and training the tagger.

Three sources, read from the snapshots the search tool's `fetch` leaves in /work/.mirror (nothing
fetched is committed): eval/heldout_manifest.json pins each repository's commit and the SHA-256 of
every file, and a file whose bytes differ is refused.

* `grobid`: GROBID's citation corpus (kermitt2/grobid, Apache-2.0): TEI `<bibl>` strings with
  `<author>`, `<title level=…>`, `<biblScope>`, `<date>`, `<publisher>`, `<pubPlace>`, `<idno>`
  marked by hand;
* `scielo-jats`: SciELO's JATS articles in scieloorg/packtools' test data (BSD-2-Clause): each
  `<ref>` with a `<mixed-citation>` (the printed string) and an `<element-citation>` (the
  publisher's markup of the same reference);
* `plos-nlm`: PLOS's JATS articles in PLOS/allofplos' starter corpus (MIT): tagged
  `<mixed-citation>`s, the printed reference with its parts marked inside it.

The split is fixed (eval/README.md): first byte of SHA-256(key) mod 10 — 0–5 `train`, 6–7 `dev`,
8–9 blind `test`; the key is the file path for GROBID and PLOS (an article's references stay
together) and the normalised string for SciELO (its test fixtures repeat articles under several
paths).
Gold comes from the annotations alone; no citefmt helper touches it.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree as ET

from citefmt.refparse.tagger.tokens import tokenize
from citefmt_train import gost_biblatex

REPO = Path(__file__).resolve().parents[2]

MANIFEST = REPO / "eval" / "heldout_manifest.json"
MIRROR = Path("/work/.mirror")
TEI = "{http://www.tei-c.org/ns/1.0}"
#: a year, also with the letter that tells one author's works of a year apart ("1971a")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?!\d)(?:[a-z]\b)?")
#: a year glued by PDF extraction to the month before it, inside a `<date>` ("Jan1993",
#: "Oct2014"): GROBID's guidelines mark "the date sequence", so its year is the date's year
_GLUED_YEAR = re.compile(r"(?<=[A-Za-z.])(1[5-9]\d\d|20\d\d)(?!\d)")
#: a label word an annotator left inside a `<biblScope>` ("pp. 309–314", "Page 15", "No. 3",
#: "Band E20"): GROBID's guidelines leave "syntactic sugar" untagged and show the label outside
#: ("pp. <biblScope type="page">234–248</biblScope>", "vol. <biblScope unit="volume">7…")
_SCOPE_LABEL = re.compile(r"^(?:pp?|pages?|vol(?:ume)?|no|nr|n°|iss(?:ue)?|Bd|Band|Heft|S)"
                          r"(?:\.\s*|\s+)(?=\w)", re.I)
#: a DOI printed in a reference string (bare, labelled or inside a resolver link)
_DOI_PRINTED = re.compile(r"10\.\d{4,9}/")
#: the DOI inside a GROBID `<idno type="DOI">`: from its directory indicator "10." on. GROBID's
#: guidelines keep the identifier's type prefix in the tag ("doi :", "DOI=", "DOI : ") and show a
#: DOI broken by PDF spaces ("doi: 10. 1038/nn.3332"); CSL's DOI is the identifier alone
_GROBID_DOI = re.compile(r"10\s*\.\s*\d{4,9}\s*/.*")

Item = dict[str, Any]


def split_of(path: str) -> str:
    """train / dev / test, by the first byte of SHA-256(path) mod 10 (written in eval/README.md)."""
    bucket = hashlib.sha256(path.encode("utf-8")).digest()[0] % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


def _git_dir(repo: str) -> Path:
    return MIRROR / repo.replace("/", "+") / "repo"


def manifest_files(source: dict[str, Any]) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every file of one source, read from the fetched snapshot and
    checksum-checked."""
    git_dir = _git_dir(source["repo"])
    if not git_dir.exists():
        raise SystemExit(f"error: {git_dir} is missing: fetch github:{source['repo']} with the "
                         "search tool first (nothing fetched is committed)")
    for entry in source["files"]:
        data = subprocess.run(["git", "--git-dir", str(git_dir), "show",
                               f"{source['commit']}:{entry['path']}"],
                              capture_output=True, check=True).stdout
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise SystemExit(f"error: {entry['path']}: checksum differs from the manifest")
        yield entry["path"], data


def _parse(data: bytes) -> ET._Element:
    """Publishers' XML as it is: HTML entities (&nbsp;) and small faults recovered, nothing
    fetched from the network, no entity expanded."""
    parser = ET.XMLParser(recover=True, resolve_entities=False, no_network=True)
    return ET.fromstring(data, parser)


def _text(element: ET._Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _tag(element: ET._Element) -> str:
    return str(element.tag).removeprefix(TEI)


def gold_from_bibl(bibl: ET._Element) -> Item:
    """The annotated fields of one `<bibl>` as a CSL-like item (author as an annotated span)."""
    gold: Item = {}
    titles: dict[str, str] = {}
    authors: list[str] = []
    institutions: list[str] = []
    for child in bibl:
        tag, value = _tag(child), _text(child)
        if not value:
            continue
        if tag == "author" or (tag == "orgName" and child.get("type") == "collaboration"):
            authors.append(value)  # a collaboration ("Planck Collaboration") is an author too
        elif tag == "orgName" and not child.get("type") and titles:
            # GROBID's guidelines: `<orgName>` is "the institution for theses or technical
            # reports"; after the title it is where CSL puts a thesis's university and a
            # report's institution, `publisher` (an `<orgName>` before any title, a body in
            # the author's place, stays unscored)
            institutions.append(value)
        elif tag == "title":
            titles.setdefault(child.get("level", "a"), value)
        elif tag == "biblScope":
            unit = child.get("unit") or child.get("type") or ""
            key = {"vol": "volume", "volume": "volume", "issue": "issue", "pp": "page",
                   "page": "page"}.get(unit)
            if key:
                gold.setdefault(key, _SCOPE_LABEL.sub("", value))
        elif tag == "date":
            year = _YEAR.search(value) or _GLUED_YEAR.search(value)
            if year and "issued" not in gold:
                gold["issued"] = {"date-parts": [[int(year.group(1))]]}
        elif tag in ("publisher", "pubPlace"):
            gold.setdefault("publisher" if tag == "publisher" else "publisher-place", value)
        elif tag == "idno" and (child.get("type") or "").upper() == "DOI":
            found = _GROBID_DOI.search(value)
            gold["DOI"] = found.group(0) if found else value
    if authors:
        gold["author-span"] = " ".join(authors)
    if institutions and "publisher" not in gold:
        gold["publisher"] = ", ".join(institutions)
    if "DOI" not in gold and _DOI_PRINTED.search(_text(bibl)):
        gold["doi-unmarked"] = True
    if "a" in titles:
        gold["title"] = titles["a"]
        container = titles.get("j") or titles.get("m")
        if container:
            gold["container-title"] = container
    elif "m" in titles:
        gold["title"] = titles["m"]
        gold["single-title"] = True
    elif "j" in titles:
        gold["container-title"] = titles["j"]
    return gold


_JATS_TYPES = {"journal": "article-journal", "book": "book", "thesis": "thesis",
               "confproc": "paper-conference", "report": "report", "webpage": "webpage"}


def _jats_child(element: ET._Element, name: str) -> str | None:
    found = element.find(name)
    return _text(found) or None if found is not None else None


def _jats_names(parent: Any) -> list[dict[str, str]]:
    """The `<name>` and `<collab>` children of a JATS element, in order, as CSL names."""
    names: list[dict[str, str]] = []
    for name in parent:
        if name.tag == "name":
            names.append({"family": _jats_child(name, "surname") or "",
                          "given": _jats_child(name, "given-names") or ""})
        elif name.tag == "collab" and _text(name):
            names.append({"literal": _text(name)})
    return names


def gold_from_element_citation(citation: ET._Element) -> Item:
    """The fields of a JATS `<element-citation>` as a CSL item: its names, titles and numbers are
    the publisher's markup of the same reference as the `<mixed-citation>` beside it."""
    gold: Item = {}
    authors = [author for group in citation.iter("person-group")
               if group.get("person-group-type", "author") == "author"
               for author in _jats_names(group)]
    if authors:
        gold["author"] = authors
    article = _jats_child(citation, "article-title")
    chapter = _jats_child(citation, "chapter-title")
    source = _jats_child(citation, "source")
    title = article or chapter
    if title:
        gold["title"] = title
        if source:
            gold["container-title"] = source
    kind = citation.get("publication-type", "")
    if not title and source:
        # the <source> of a journal citation is the journal, whether or not an article title
        # is printed ("Green Chem. 2016, 18, 6675."); of a book, the book's title
        gold["container-title" if kind == "journal" else "title"] = source
    if kind == "book" and chapter:
        gold["type"] = "chapter"
    elif kind in _JATS_TYPES:
        gold["type"] = _JATS_TYPES[kind]
    year = _YEAR.search(_jats_child(citation, "year") or "")
    if year:
        gold["issued"] = {"date-parts": [[int(year.group(1))]]}
    for tag, key in (("volume", "volume"), ("issue", "issue"), ("publisher-name", "publisher"),
                     ("publisher-loc", "publisher-place")):
        value = _jats_child(citation, tag)
        if value:
            gold[key] = value
    first, last = _jats_child(citation, "fpage"), _jats_child(citation, "lpage")
    if first:
        gold["page"] = f"{first}-{last}" if last and last != first else first
    elif elocation := _jats_child(citation, "elocation-id"):
        gold["page"] = elocation  # the article's locator ("e009836"), as the scorer reads it
    for pub_id in citation.iter("pub-id"):
        if pub_id.get("pub-id-type") == "doi" and _text(pub_id):
            # the DOI itself, without a "doi:" label or resolver link the markup may hold
            found = re.search(r"10\.\d{4,9}/\S+", _text(pub_id))
            gold["DOI"] = found.group(0).rstrip(".") if found else _text(pub_id)
    return gold


def _printed_only(gold: Item, text: str) -> Item:
    """Markup may hold what the string does not print (a DOI, a publisher's full name): a text
    field is gold only when the string contains it, compared as the scorer compares."""
    printed = _compact(text) or ""
    kept = {}
    for key, value in gold.items():
        if key in ("DOI", "title", "container-title", "publisher", "publisher-place"):
            compact = _compact(value)
            if not compact or compact not in printed:
                continue
        kept[key] = value
    return kept


def _grobid_records(path: str, data: bytes) -> Iterator[dict[str, Any]]:
    for bibl in _parse(data).iter():
        if _tag(bibl) == "bibl" and _text(bibl):
            yield {"text": _text(bibl), "gold": gold_from_bibl(bibl), "source": path,
                   "group": "grobid", "split": split_of(path),
                   "segments": segments_from_bibl(bibl), "pieces": pieces_from_bibl(bibl)}


def _jats_records(path: str, data: bytes) -> Iterator[dict[str, Any]]:
    """Refs that carry both a `<mixed-citation>` (the printed string) and an `<element-citation>`
    (its markup); the leading ". " that label removal leaves in SciELO's strings is dropped."""
    for ref in _parse(data).iter("ref"):
        mixed, element = ref.find("mixed-citation"), ref.find("element-citation")
        if mixed is None or element is None or not _text(mixed):
            continue
        text = _text(mixed).lstrip(". ")
        gold = _printed_only(gold_from_element_citation(element), text)
        if "DOI" not in gold and _DOI_PRINTED.search(text):
            gold["doi-unmarked"] = True  # the string prints a DOI its markup does not hold
        yield {"text": text, "gold": gold, "source": path,
               "group": "scielo-jats", "split": split_of(re.sub(r"\W+", "", text.casefold()))}


def _plos_printed(mixed: ET._Element) -> str:
    """The string PLOS prints for a tagged `<mixed-citation>` (_plos_copy)."""
    return _text(_plos_copy(mixed))


def _plos_copy(mixed: ET._Element) -> ET._Element:
    """A copy of a tagged `<mixed-citation>` as PLOS prints it: a space between `<surname>` and
    `<given-names>` (and before a `<suffix>`) where the XML has none, and no PubMed id
    (`<object-id>`, markup only)."""
    copy = ET.fromstring(ET.tostring(mixed))
    for surname in copy.iter("surname"):
        following = surname.getnext()
        if following is not None and following.tag == "given-names" and not (
                surname.tail or "").strip():
            surname.tail = " "
            if (after := following.getnext()) is not None and after.tag == "suffix" and not (
                    following.tail or "").strip():
                following.tail = " "  # "Miller ER 3rd"
    for object_id in list(copy.iter("object-id")):
        parent, tail = object_id.getparent(), object_id.tail or ""
        if parent is None:
            continue
        previous = object_id.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(object_id)  # lxml drops the element's tail with it: kept above
    return copy


def gold_from_tagged_citation(mixed: ET._Element) -> Item:
    """The fields marked inside a tagged `<mixed-citation>`: the element-citation mapping, plus
    names placed directly under the citation (PLOS has no `<person-group>`) and a DOI given as
    an `<ext-link>`."""
    gold = gold_from_element_citation(mixed)
    if "author" not in gold:
        authors = _jats_names(mixed)
        if authors:
            gold["author"] = authors
    if "DOI" not in gold:
        for link in mixed.iter("ext-link"):
            found = re.search(r"10\.\d{4,9}/\S+", _text(link))
            if found:
                gold["DOI"] = found.group(0).rstrip(".")
                break
    return gold


def _tagged_jats_records(path: str, data: bytes) -> Iterator[dict[str, Any]]:
    """Refs whose `<mixed-citation>` marks its parts inside the printed string (PLOS)."""
    for ref in _parse(data).iter("ref"):
        mixed = ref.find("mixed-citation")
        if mixed is None or (mixed.find("source") is None and mixed.find("name") is None):
            continue
        text = _plos_printed(mixed)
        if not text:
            continue
        gold = _printed_only(gold_from_tagged_citation(mixed), text)
        if "DOI" not in gold and _DOI_PRINTED.search(text):
            gold["doi-unmarked"] = True
        yield {"text": text, "gold": gold, "source": path, "group": "plos-nlm",
               "split": split_of(path), "pieces": pieces_from_tagged_citation(mixed)}


def records(split: str) -> list[dict[str, Any]]:
    """Every annotated reference in `split`, each string once (fixtures repeat articles)."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    readers = {"grobid-tei": _grobid_records, "jats-pairs": _jats_records,
               "jats-tagged": _tagged_jats_records}
    out, seen = [], set()
    for source in manifest["sources"]:
        if source["kind"] == gost_biblatex.KIND:
            continue  # rendered by biblatex-gost: gost_biblatex.group_records, below
        for path, data in manifest_files(source):
            for record in readers[source["kind"]](path, data):
                if record["split"] == split and record["text"] not in seen:
                    seen.add(record["text"])
                    out.append(record)
    return out + gost_records(split)


def gost_records(split: str) -> list[dict[str, Any]]:
    """The biblatex-gost group (citefmt_train.gost_biblatex), or none, with a message saying
    why, where TeX, biblatex-gost or a fetched repository is missing."""
    missing = gost_biblatex.missing_requirements()
    if missing:
        print("note: the gost-biblatex groups are skipped, missing: " + "; ".join(missing),
              file=sys.stderr)
        return []
    return list(gost_biblatex.group_records(split))


def _compact(text: Any) -> str | None:
    """Case-folded letters and digits only: how the scorer compares text fields."""
    if not isinstance(text, str):
        return None
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", kept) or None


#: GROBID's TEI elements as the tagger's labels (anystyle's label set)
_TEI_LABELS = {"author": "author", "editor": "editor", "date": "date", "publisher": "publisher",
               "pubPlace": "location", "note": "note", "orgName": "author", "ptr": "url",
               "edition": "edition"}


#: what may end the element before the unmarked text that follows it: closing punctuation
_CLOSING = frozenset(".,;:)]}”’»")
#: "et al." after a marked author span belongs to the author list, as in anystyle's data
_ET_AL = re.compile(r"et\.?\s*al\b\.?[\s.,;:)\]]*")


def closing_cut(text: str) -> int:
    """Where the unmarked text after an element stops ending it, as anystyle's annotators cut:
    closing punctuation, spaces, a straight quote right after a character (not after a space),
    and an "et al."; an opening bracket or quote or a label word ("pp.", "Vol.", "In:", "eds.")
    begins the next element."""
    cut = 0
    while cut < len(text):
        char = text[cut]
        if char in _CLOSING or char.isspace() or (
                char in "\"'" and (cut == 0 or not text[cut - 1].isspace())):
            cut += 1
            continue
        et_al = _ET_AL.match(text, cut)
        if et_al is None or et_al.end() == cut:
            break
        cut = et_al.end()
    return cut


Pieces = list[tuple[str, str]]


def aligned_pieces(pieces: Pieces) -> Pieces:
    """`(label, raw text)` pieces of a marked string, with the unmarked text between two marked
    pieces (label "") split as anystyle's data does: its closing part goes to the piece before,
    the rest to the piece after; unmarked text before the first piece is `other` (or a
    `citation-number`), after the last it joins the last."""
    out: Pieces = []
    pending = ""
    for label, text in pieces:
        if label:
            out.append((label, pending + text))
            pending = ""
        elif not out:
            pending += text
        else:
            cut = closing_cut(text)
            out[-1] = (out[-1][0], out[-1][1] + text[:cut])
            pending += text[cut:]
    if pending and out:
        out[-1] = (out[-1][0], out[-1][1] + pending)
    elif pending:
        out.append(("other", pending))
    if out and out[0][0] != "other" and not pieces[0][0] and pieces[0][1].strip():
        head = pieces[0][1]
        if out[0][1].startswith(head) and _CITATION_LABEL.match(head.strip()):
            out = [("citation-number", head), (out[0][0], out[0][1][len(head):]), *out[1:]]
    return out


#: a citation number before a reference: "[12]", "12.", "(3)"
_CITATION_LABEL = re.compile(r"^(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]?)$")


def labelled_text(pieces: Pieces) -> tuple[str, list[str]]:
    """The string the pieces spell (whitespace runs as one space, as the records' `text`) and
    one label per token of it (the label of the piece its first character is in)."""
    chars: list[str] = []
    marks: list[str] = []
    for label, text in pieces:
        for char in text:
            if char.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    marks.append(label)
            else:
                chars.append(char)
                marks.append(label)
    while chars and chars[-1] == " ":
        chars.pop()
        marks.pop()
    text = "".join(chars)
    return text, [marks[token.start] for token in tokenize(text)]


def _bibl_label(child: ET._Element, titles: set[str | None]) -> str:
    """The tagger's label (anystyle's label set) of one marked TEI element of a `<bibl>`."""
    tag = _tag(child)
    if tag == "title":
        level = child.get("level", "a")
        return {"a": "title", "j": "journal", "s": "collection-title"}.get(
            level, "container-title" if "a" in titles else "title")
    if tag == "biblScope":
        unit = child.get("unit") or child.get("type") or ""
        return "pages" if unit in ("pp", "page") else "volume"
    if tag == "idno":
        return "doi" if (child.get("type") or "").upper() == "DOI" else "note"
    return _TEI_LABELS.get(tag, "other")


def pieces_from_bibl(bibl: ET._Element) -> Pieces:
    """`(label, raw text)` pieces of one `<bibl>` in reading order, unmarked text labelled ""."""
    titles = {child.get("level") for child in bibl if _tag(child) == "title"}
    pieces: Pieces = [("", bibl.text)] if bibl.text else []
    for child in bibl:
        text = "".join(child.itertext())
        if text.strip():
            pieces.append((_bibl_label(child, titles), text))
        elif text:
            pieces.append(("", text))
        if child.tail:
            pieces.append(("", child.tail))
    return pieces


def segments_from_bibl(bibl: ET._Element) -> list[tuple[str, str]]:
    """`(label, text)` segments of one `<bibl>` in reading order, cut as anystyle's data cuts
    them (aligned_pieces)."""
    return [(label, re.sub(r"\s+", " ", text).strip())
            for label, text in aligned_pieces(pieces_from_bibl(bibl)) if text.strip()]


#: a PLOS `<mixed-citation>` element as the tagger's label; `<source>` depends on the titles
_JATS_LABELS = {"name": "author", "collab": "author", "etal": "author", "person-group": "author",
                "year": "date", "article-title": "title", "chapter-title": "title",
                "volume": "volume", "issue": "volume", "fpage": "pages", "lpage": "pages",
                "elocation-id": "pages", "publisher-name": "publisher",
                "publisher-loc": "location", "edition": "edition", "uri": "url"}


def _jats_label(child: ET._Element, kind: str, titled: bool) -> str:
    """The tagger's label of one child of a tagged `<mixed-citation>`."""
    tag = str(child.tag)
    if tag == "source":
        if not titled:
            return "journal" if kind == "journal" else "title"
        return "journal" if kind == "journal" else "container-title"
    if tag in ("ext-link", "comment", "pub-id"):
        found = _DOI_PRINTED.search(_text(child))
        return "doi" if found else "url" if tag == "ext-link" else "note"
    return _JATS_LABELS.get(tag, "note")


def pieces_from_tagged_citation(mixed: ET._Element) -> Pieces:
    """`(label, raw text)` pieces of a tagged `<mixed-citation>` as PLOS prints it."""
    copy = _plos_copy(mixed)
    kind = mixed.get("publication-type", "")
    titled = copy.find("article-title") is not None or copy.find("chapter-title") is not None
    pieces: Pieces = [("", copy.text)] if copy.text else []
    for child in copy:
        text = "".join(child.itertext())
        if text.strip():
            pieces.append((_jats_label(child, kind, titled), text))
        if child.tail:
            pieces.append(("", child.tail))
    return pieces
