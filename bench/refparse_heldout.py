"""Score the plain-text reference parser on independently annotated references it has never seen.

    python bench/refparse_heldout.py [--split dev|test|train] [--json] [--errors N]

Gold comes from the annotators, never from citefmt's helpers: GROBID's citation training and
evaluation corpus (kermitt2/grobid, Apache-2.0; TEI `<bibl>` strings with `<author>`, `<title
level=…>`, `<biblScope>`, `<date>`, `<publisher>`, `<pubPlace>`, `<idno>` marked by hand). The files
are read from the snapshot the search tool's `fetch` leaves in /work/.mirror (nothing fetched is
committed); eval/heldout_manifest.json pins the commit and the SHA-256 of every file, and a file
whose bytes differ is refused.

The split is fixed before any parser work and written in eval/README.md: a file goes to
`train` when the first byte of SHA-256(its path) mod 10 is 0–5, to `dev` for 6–7 and to the
**blind `test`** for 8–9, so the references of one article stay together. The blind test is read
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
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

import refparse_eval  # noqa: E402

MANIFEST = REPO / "eval" / "heldout_manifest.json"
MIRROR = Path("/work/.mirror")
TEI = "{http://www.tei-c.org/ns/1.0}"
FIELDS = tuple(f for f in refparse_eval.FIELDS if f != "type")
_NOT_NAME_WORDS = frozenset({"et", "al", "and", "und", "others", "jr", "sr"})
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")

Item = dict[str, Any]


def split_of(path: str) -> str:
    """train / dev / test, by the first byte of SHA-256(path) mod 10 (written in eval/README.md)."""
    bucket = hashlib.sha256(path.encode("utf-8")).digest()[0] % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


def _git_dir(repo: str) -> Path:
    return MIRROR / repo.replace("/", "+") / "repo"


def manifest_files(manifest: dict[str, Any]) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every manifest file, read from the fetched snapshot and checksum-checked."""
    git_dir = _git_dir(manifest["repo"])
    if not git_dir.exists():
        raise SystemExit(f"error: {git_dir} is missing: fetch github:{manifest['repo']} with the "
                         "search tool first (nothing fetched is committed)")
    for entry in manifest["files"]:
        data = subprocess.run(["git", "--git-dir", str(git_dir), "show",
                               f"{manifest['commit']}:{entry['path']}"],
                              capture_output=True, check=True).stdout
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise SystemExit(f"error: {entry['path']}: checksum differs from the manifest")
        yield entry["path"], data


def _text(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _tag(element: ET.Element) -> str:
    return element.tag.removeprefix(TEI)


def gold_from_bibl(bibl: ET.Element) -> Item:
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


def records(split: str) -> list[dict[str, Any]]:
    """Every annotated reference of the files in `split`, with its source file."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    out = []
    for path, data in manifest_files(manifest):
        if split_of(path) != split:
            continue
        root = ET.fromstring(data)
        for bibl in root.iter():
            if _tag(bibl) == "bibl" and _text(bibl):
                out.append({"text": _text(bibl), "gold": gold_from_bibl(bibl), "source": path,
                            "style": "grobid"})
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
    if gold.get("single-title") and "title" not in got and "container-title" in got:
        got["title"] = got.pop("container-title")  # the one title of an untitled proceedings
    got["author"] = _predicted_name_words(predicted)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print N wrongly parsed references")
    args = parser.parse_args(argv)
    from citefmt.refparse import parse_reference

    data = records(args.split)
    started = time.perf_counter()
    predicted = [parse_reference(r["text"]).item for r in data]
    elapsed = time.perf_counter() - started
    fields = {f: refparse_eval.Counts() for f in FIELDS}
    exact, shown = 0, 0
    for record, item in zip(data, predicted, strict=True):
        per_field = compare(record["gold"], item)
        for name, counts in per_field.items():
            fields[name].add(counts)
        wrong = [n for n, c in per_field.items() if c.fp or c.fn]
        exact += not wrong
        if wrong and shown < args.errors:
            shown += 1
            print(f"- {record['text']}\n  wrong: {', '.join(wrong)}\n  gold: {record['gold']}\n"
                  f"  got: {item}", file=sys.stderr)
    micro = refparse_eval.Counts()
    for counts in fields.values():
        micro.add(counts)
    summary = {"split": args.split, "files": len({r["source"] for r in data}),
               "references": len(data), "micro_f1": round(micro.f1, 4),
               "precision": round(micro.precision, 4), "recall": round(micro.recall, 4),
               "fully_correct": round(exact / max(len(data), 1), 4),
               "refs_per_second": round(len(data) / elapsed) if elapsed else None,
               "fields": {n: round(c.f1, 4) for n, c in fields.items()}}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{'field':<16}{'P':>7}{'R':>7}{'F1':>7}")
        for name, c in fields.items():
            print(f"{name:<16}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}")
        print(f"\n{args.split}: {summary['files']} files, {len(data)} references, micro-F1 "
              f"{micro.f1:.3f} (P {micro.precision:.3f}, R {micro.recall:.3f}), fully correct "
              f"{summary['fully_correct']:.3f}, {summary['refs_per_second']} refs/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
