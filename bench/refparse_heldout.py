"""Score the plain-text reference parser on independently annotated references it has never seen.

    python bench/refparse_heldout.py [--split dev|test|train] [--json] [--errors N]

Gold comes from the annotators, never from citefmt's helpers:
* `grobid`: GROBID's citation training and evaluation corpus (kermitt2/grobid, Apache-2.0; TEI
  `<bibl>` strings with `<author>`, `<title level=…>`, `<biblScope>`, `<date>`, `<publisher>`,
  `<pubPlace>`, `<idno>` marked by hand) — physics, chemistry, astronomy, biomedicine;
* `scielo-jats`: SciELO's JATS articles in scieloorg/packtools' test data (BSD-2-Clause;
  Brazilian, Latin-American and Spanish journals) — each `<ref>` with a `<mixed-citation>` (the
  printed string) and an `<element-citation>` (the publisher's markup of the same reference);
* `plos-nlm`: PLOS's JATS articles in PLOS/allofplos' starter corpus (MIT) — tagged
  `<mixed-citation>`s, the printed reference with its parts marked inside it (NLM names).
* `gost-biblatex-2008`, `gost-biblatex-2018`: real Russian thesis bibliographies (BibTeX/BibLaTeX
  files of public thesis repositories, licences in the manifest) rendered by biblatex-gost
  (`style=gost-numeric`, biber + XeLaTeX) in the GOST R 7.0.5-2008 shape and in the 7.0.100-2018
  shape its options give; gold from the .bib fields through the explicit mapping of
  tools/citefmt_train/gost_biblatex.py. Skipped, with a note saying what is missing, where TeX,
  biblatex-gost or the fetched repositories are absent; rendered once and cached.
The files are read from the snapshots the search tool's `fetch` leaves in /work/.mirror (nothing
fetched is committed); eval/heldout_manifest.json pins each commit and the SHA-256 of every file,
and a file whose bytes differ is refused.

The split is fixed before any parser work and written in eval/README.md: first byte of
SHA-256(key) mod 10 — 0–5 `train`, 6–7 `dev`, 8–9 **blind `test`**; the key is the file path
for GROBID and PLOS (an article's references stay together) and the normalised string for SciELO
(its test fixtures repeat articles under several paths, so a file key would leak). The blind
test is read only to report the final figures.

Scoring follows bench/refparse_eval.py (same fields and normalisation) with one difference the
annotations impose: GROBID marks the author list as a span, not as names, so `author` is correct
when the set of words of two letters or more in the parser's names (family, given, literal) equals
that of the annotated span ("et al.", "and", "et", "und" and single-letter initials left out on
both sides; initials printed together, "BP" or "MTC", are initials too; a conjunction glued to
an initial, "andA", is the conjunction) — the span's boundaries
and every surname must be right, the family/given split is not scored. `type` is not annotated
and not scored. A reference whose only title is a monograph
title (level "m": a book cited whole, or proceedings cited without a paper title) is right when
the parser gives it as the title or, with no title, as the container: CSL puts untitled
proceedings there, GROBID's annotators as `m`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "tools"))

import refparse_eval  # noqa: E402

from citefmt_train.annotated import records  # noqa: E402

FIELDS = refparse_eval.FIELDS
_NOT_NAME_WORDS = frozenset({"et", "al", "and", "und", "others", "jr", "sr"})
Item = dict[str, Any]

#: initials printed together ("BP", "MTC") are initials, like "B. P.": not name words
_COMPACT_INITIALS = re.compile(r"(?<![^\W\d_])[A-Z]{2,3}(?![^\W\d_])")


#: "andA Quattropani": a conjunction glued to an initial by PDF extraction is not a name word
_GLUED_CONJUNCTION = re.compile(r"\b(and|et|und)(?=[A-Z])")


def _name_words(text: str) -> frozenset[str]:
    text = _GLUED_CONJUNCTION.sub(r"\1 ", text)
    words = re.findall(r"[^\W\d_]{2,}", refparse_eval._fold(_COMPACT_INITIALS.sub(" ", text)))
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


def evaluate(data: list[dict[str, Any]], errors: int = 0,
             group: str | None = None) -> dict[str, Any]:
    """Field counts per source group and overall, fully correct shares and throughput."""
    from citefmt.refparse import parse_reference, places

    if data:
        parse_reference(data[0]["text"])  # model loading is not parse time
        places.load()  # nor is loading the gazetteer
    started, cpu_started = time.perf_counter(), time.process_time()
    predicted = [parse_reference(r["text"]).item for r in data]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
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
        if wrong and shown < errors and group in (None, record["group"]):
            shown += 1
            print(f"- {record['text']}\n  wrong: {', '.join(wrong)}\n  gold: {record['gold']}\n"
                  f"  got: {item}", file=sys.stderr)
    summary: dict[str, Any] = {"references": len(data),
                               "refs_per_second": round(len(data) / elapsed) if elapsed else None,
                               "refs_per_cpu_second": round(len(data) / cpu) if cpu else None}
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
    parser.add_argument("--group", help="print only the wrong references of this group")
    args = parser.parse_args(argv)
    summary = evaluate(records(args.split), args.errors, args.group)
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    keys = [k for k in summary if isinstance(summary[k], dict)]
    width = max(13, *(len(k) + 2 for k in keys))  # "gost-biblatex-2008" is wider than 13
    print(f"{'field':<16}" + "".join(f"{k:>{width}}" for k in keys))
    for name in FIELDS:
        cells = [summary[k]["fields"].get(name) for k in keys]
        print(f"{name:<16}" + "".join(f"{c:{width}.3f}" if c is not None else f"{'-':>{width}}"
                                      for c in cells))
    print()
    for key in keys:
        g = summary[key]
        print(f"{args.split} {key}: {g['references']} references, micro-F1 {g['micro_f1']:.3f} "
              f"(P {g['precision']:.3f}, R {g['recall']:.3f}), fully correct "
              f"{g['fully_correct']:.3f}")
    print(f"throughput {summary['refs_per_second']} refs/s wall clock, "
          f"{summary['refs_per_cpu_second']} refs per CPU second (one core, parse calls only; "
          "the CPU figure is the one that does not depend on other load on the machine)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
