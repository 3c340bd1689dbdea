"""Score the plain-text reference parser on independently annotated references it has never seen.

    python bench/refparse_heldout.py [--split dev|test|train] [--json] [--errors N]

Gold comes from the annotators, never from citefmt's helpers:
* `grobid`: GROBID's citation training and evaluation corpus (kermitt2/grobid, Apache-2.0; TEI
  `<bibl>` strings with `<author>`, `<title level=…>`, `<biblScope>`, `<date>`, `<publisher>`,
  `<pubPlace>`, `<idno>` marked by hand) — physics, chemistry, astronomy, biomedicine;
* `scielo-jats`: SciELO's JATS articles in scieloorg/packtools' test data (BSD-2-Clause;
  Brazilian, Latin-American and Spanish journals) — each `<ref>` with a `<mixed-citation>` (the
  printed string) and an `<element-citation>` (the publisher's markup of the same reference).
The files are read from the snapshots the search tool's `fetch` leaves in /work/.mirror (nothing
fetched is committed); eval/heldout_manifest.json pins each commit and the SHA-256 of every file,
and a file whose bytes differ is refused.

The split is fixed before any parser work and written in eval/README.md: first byte of
SHA-256(key) mod 10 — 0–5 `train`, 6–7 `dev`, 8–9 **blind `test`**; the key is the file path for
GROBID (an article's references stay together) and the normalised string for SciELO (its test
fixtures repeat articles under several paths, so a file key would leak). The blind test is read
only to report the final figures.

Scoring follows bench/refparse_eval.py (same fields and normalisation) with one difference the
annotations impose: GROBID marks the author list as a span, not as names, so `author` is correct
when the set of words of two letters or more in the parser's names (family, given, literal) equals
that of the annotated span ("et al.", "and", "et", "und" and single-letter initials left out on
both sides) — the span's boundaries and every surname must be right, the family/given split is
not scored. `type` is not annotated and not scored. A reference whose only title is a monograph
title (level "m": a book cited whole, or proceedings cited without a paper title) is right when
the parser gives it as the title or, with no title, as the container: CSL puts untitled
proceedings there, GROBID's annotators as `m`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree as ET

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

import refparse_eval  # noqa: E402

MANIFEST = REPO / "eval" / "heldout_manifest.json"
MIRROR = Path("/work/.mirror")
TEI = "{http://www.tei-c.org/ns/1.0}"
FIELDS = refparse_eval.FIELDS
_NOT_NAME_WORDS = frozenset({"et", "al", "and", "und", "others", "jr", "sr"})
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")

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
    for child in bibl:
        tag, value = _tag(child), _text(child)
        if not value:
            continue
        if tag == "author":
            authors.append(value)
        elif tag == "title":
            titles.setdefault(child.get("level", "a"), value)
        elif tag == "biblScope":
            unit = child.get("unit") or child.get("type") or ""
            key = {"vol": "volume", "volume": "volume", "issue": "issue", "pp": "page",
                   "page": "page"}.get(unit)
            if key:
                gold.setdefault(key, value)
        elif tag == "date":
            year = _YEAR.search(value)
            if year and "issued" not in gold:
                gold["issued"] = {"date-parts": [[int(year.group(1))]]}
        elif tag in ("publisher", "pubPlace"):
            gold.setdefault("publisher" if tag == "publisher" else "publisher-place", value)
        elif tag == "idno" and (child.get("type") or "").upper() == "DOI":
            gold["DOI"] = value
    if authors:
        gold["author-span"] = " ".join(authors)
    if "DOI" not in gold and re.search(r"10\.\d{4,9}/", _text(bibl)):
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


def gold_from_element_citation(citation: ET._Element) -> Item:
    """The fields of a JATS `<element-citation>` as a CSL item: its names, titles and numbers are
    the publisher's markup of the same reference as the `<mixed-citation>` beside it."""
    gold: Item = {}
    authors = []
    for group in citation.iter("person-group"):
        if group.get("person-group-type", "author") != "author":
            continue
        for name in group:
            if name.tag == "name":
                authors.append({"family": _jats_child(name, "surname") or "",
                                "given": _jats_child(name, "given-names") or ""})
            elif name.tag == "collab" and _text(name):
                authors.append({"literal": _text(name)})
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
    elif source:
        gold["title"] = source
    kind = citation.get("publication-type", "")
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
    for pub_id in citation.iter("pub-id"):
        if pub_id.get("pub-id-type") == "doi" and _text(pub_id):
            gold["DOI"] = _text(pub_id)
    return gold


def _printed_only(gold: Item, text: str) -> Item:
    """Markup may hold what the string does not print (a DOI, a publisher's full name): a text
    field is gold only when the string contains it, compared as the scorer compares."""
    printed = refparse_eval._compact(text) or ""
    kept = {}
    for key, value in gold.items():
        if key in ("DOI", "title", "container-title", "publisher", "publisher-place"):
            compact = refparse_eval._compact(value)
            if not compact or compact not in printed:
                continue
        kept[key] = value
    return kept


def _grobid_records(path: str, data: bytes) -> Iterator[dict[str, Any]]:
    for bibl in _parse(data).iter():
        if _tag(bibl) == "bibl" and _text(bibl):
            yield {"text": _text(bibl), "gold": gold_from_bibl(bibl), "source": path,
                   "group": "grobid", "split": split_of(path)}


def _jats_records(path: str, data: bytes) -> Iterator[dict[str, Any]]:
    """Refs that carry both a `<mixed-citation>` (the printed string) and an `<element-citation>`
    (its markup); the leading ". " that label removal leaves in SciELO's strings is dropped."""
    for ref in _parse(data).iter("ref"):
        mixed, element = ref.find("mixed-citation"), ref.find("element-citation")
        if mixed is None or element is None or not _text(mixed):
            continue
        text = _text(mixed).lstrip(". ")
        gold = _printed_only(gold_from_element_citation(element), text)
        yield {"text": text, "gold": gold, "source": path,
               "group": "scielo-jats", "split": split_of(re.sub(r"\W+", "", text.casefold()))}


def records(split: str) -> list[dict[str, Any]]:
    """Every annotated reference in `split`, each string once (fixtures repeat articles)."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    readers = {"grobid-tei": _grobid_records, "jats-pairs": _jats_records}
    out, seen = [], set()
    for source in manifest["sources"]:
        for path, data in manifest_files(source):
            for record in readers[source["kind"]](path, data):
                if record["split"] == split and record["text"] not in seen:
                    seen.add(record["text"])
                    out.append(record)
    return out


def _name_words(text: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_]{2,}", refparse_eval._fold(text))
    return frozenset(w for w in words if w not in _NOT_NAME_WORDS)


def _predicted_name_words(item: Item) -> frozenset[str] | None:
    names = item.get("author")
    if not isinstance(names, list) or not names:
        return None
    parts = [str(n.get(k, "")) for n in names for k in ("family", "given", "literal",
                                                        "non-dropping-particle")]
    return _name_words(" ".join(parts)) or None


def compare(gold: Item, predicted: Item) -> dict[str, refparse_eval.Counts]:
    """TP/FP/FN per scored field, as bench/refparse_eval.py counts them."""
    expected = refparse_eval.normalised_fields(gold)
    got = refparse_eval.normalised_fields(predicted)
    if "author-span" in gold:
        expected["author"] = _name_words(gold["author-span"]) or None
        got["author"] = _predicted_name_words(predicted)
    if gold.get("single-title") and "title" not in got and "container-title" in got:
        got["title"] = got.pop("container-title")  # the one title of an untitled proceedings
    if "type" not in gold:
        got.pop("type", None)
    if gold.get("doi-unmarked"):
        got.pop("DOI", None)  # a DOI inside a URL GROBID marked as <ptr>, not as <idno>
    out = {}
    for name in FIELDS:
        counts = refparse_eval.Counts()
        want, have = expected.get(name), got.get(name)
        if want is not None and have is not None and want == have:
            counts.tp = 1
        else:
            counts.fp, counts.fn = int(have is not None), int(want is not None)
        out[name] = counts
    return out


def evaluate(data: list[dict[str, Any]], errors: int = 0) -> dict[str, Any]:
    """Field counts per source group and overall, fully correct shares and throughput."""
    from citefmt.refparse import parse_reference

    if data:
        parse_reference(data[0]["text"])  # model loading is not parse time
    started = time.perf_counter()
    predicted = [parse_reference(r["text"]).item for r in data]
    elapsed = time.perf_counter() - started
    groups: dict[str, dict[str, refparse_eval.Counts]] = {}
    exact: dict[str, list[int]] = {}
    shown = 0
    for record, item in zip(data, predicted, strict=True):
        per_field = compare(record["gold"], item)
        for key in (record["group"], "all"):
            fields = groups.setdefault(key, {f: refparse_eval.Counts() for f in FIELDS})
            for name, counts in per_field.items():
                fields[name].add(counts)
        wrong = [n for n, c in per_field.items() if c.fp or c.fn]
        for key in (record["group"], "all"):
            exact.setdefault(key, []).append(not wrong)
        if wrong and shown < errors:
            shown += 1
            print(f"- {record['text']}\n  wrong: {', '.join(wrong)}\n  gold: {record['gold']}\n"
                  f"  got: {item}", file=sys.stderr)
    summary: dict[str, Any] = {"references": len(data),
                               "refs_per_second": round(len(data) / elapsed) if elapsed else None}
    for key, fields in groups.items():
        micro = refparse_eval.Counts()
        for counts in fields.values():
            micro.add(counts)
        summary[key] = {"references": len(exact[key]), "micro_f1": round(micro.f1, 4),
                        "precision": round(micro.precision, 4), "recall": round(micro.recall, 4),
                        "fully_correct": round(sum(exact[key]) / len(exact[key]), 4),
                        "fields": {n: round(c.f1, 4) for n, c in fields.items()
                                   if c.tp + c.fp + c.fn}}
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print N wrongly parsed references")
    args = parser.parse_args(argv)
    summary = evaluate(records(args.split), args.errors)
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    keys = [k for k in summary if isinstance(summary[k], dict)]
    print(f"{'field':<16}" + "".join(f"{k:>13}" for k in keys))
    for name in FIELDS:
        cells = [summary[k]["fields"].get(name) for k in keys]
        print(f"{name:<16}" + "".join(f"{c:13.3f}" if c is not None else f"{'-':>13}"
                                      for c in cells))
    print()
    for key in keys:
        g = summary[key]
        print(f"{args.split} {key}: {g['references']} references, micro-F1 {g['micro_f1']:.3f} "
              f"(P {g['precision']:.3f}, R {g['recall']:.3f}), fully correct "
              f"{g['fully_correct']:.3f}")
    print(f"throughput {summary['refs_per_second']} refs/s (one core, parse calls only)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
