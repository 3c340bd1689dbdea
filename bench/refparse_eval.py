"""Score the plain-text reference parser on eval/devset.jsonl: P/R/F1 per field, per style, overall.

    python bench/refparse_eval.py [--parser grammar|tagger] [--devset eval/devset.jsonl]
                                  [--repeat 3] [--json]

Scoring rules (exact match after normalisation, as in CoNLL-style field extraction):
  * Fields scored: author, title, container-title, year, volume, issue, page-first, page-last,
    DOI, publisher, publisher-place, type.
  * For each reference and field: gold present and predicted equal → 1 TP; predicted present but
    not equal (or not in gold) → 1 FP; gold present but prediction missing or not equal → 1 FN.
    A wrong value therefore costs both precision and recall. Absent in both → not counted.
  * Normalisation: author = list of (family, initials) in order, family case-folded without
    diacritics, initials = first letter of each given-name part
    (every letter of a run-together Vancouver "YJ"); the "and others" marker that ends a list
    cut short with "et al." / "[и др.]" ({"literal": "others"}, citefmt.model.ET_AL_NAME) is
    not a name and is ignored on both sides, so gold lists the printed names only;
    title / container-title / publisher = case-folded, diacritics, punctuation and whitespace
    removed (so glued words and hyphenation breaks don't decide the score, a wrong segmentation
    does); year = first year of
    `issued`; volume / issue = case-folded without spaces; pages split into first and last page,
    an NLM-abbreviated last page expanded on both sides ("1477-81" → 1481, "S93-9" → S99), as
    the parser itself writes the full range into `page`; the pages of a journal article are its
    locator, whichever CSL variable carries it: an article number in `number` (no `page`;
    "101530", "e41465", the parser's reading, citefmt/refparse/locators.py) is compared as a
    single page, so gold that keeps it in `page` (the dev set's convention) and a prediction
    that gives it as `number` agree, and vice versa (an arXiv id in `number` is no locator);
    DOI case-folded without a resolver prefix; publisher-place as above with M./СПб./Л./Ростов
    н/Д read as the full city; type as is.
  * Micro-F1 sums TP/FP/FN over all fields; "fully correct" means a reference with no FP or FN.
  * Throughput: references per second of the parse calls alone on one core (start-up, loading
    and the first call excluded), the best of `--repeat` passes over the set (default 3), as
    timeit reports: the machine is shared, and the fastest pass is the one least disturbed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from citefmt.model import is_et_al  # noqa: E402

FIELDS: tuple[str, ...] = ("author", "title", "container-title", "year", "volume", "issue",
                           "page-first", "page-last", "DOI", "publisher", "publisher-place", "type")
GOST_GROUPS = frozenset({"gost-2008", "gost-2018"})
REAL_RUSSIAN_LIST_GROUPS = frozenset({"gost-real", "gost-real-latin"})
REAL_CYRILLIC_GROUPS = frozenset({"cyrillic-real", "gost-real"})
CYRILLIC_GROUPS = GOST_GROUPS | REAL_CYRILLIC_GROUPS
_PLACE_ALIASES = {"м": "москва", "спб": "санктпетербург", "л": "ленинград",
                  "ростовнд": "ростовнадону", "нновгород": "нижнийновгород"}

Item = dict[str, Any]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept).replace("ё", "е")


def _compact(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    value = re.sub(r"[\W_]+", "", _fold(text))
    return value or None


def _initials(given: str) -> str:
    """"Yong Jin", "Y. J.", "Y.-J." and Vancouver's run-together "YJ" all give "yj"; so do
    the four and five run-together initials JATS markup holds ("APRF", "IBSDS") when the
    given name has no other part."""
    letters = []
    parts = re.split(r"[\s.\-‐]+", given or "")
    for part in parts:
        if part.isupper() and (len(part) <= 3 or (len(part) <= 5 and len(parts) == 1)):
            letters.append(part)
        elif part and part[0].isalpha():
            letters.append(part[0])
    return "".join(letters).casefold()


def _authors(names: Any) -> tuple[tuple[str, str], ...] | None:
    if not isinstance(names, list) or not names:
        return None
    out = []
    for name in names:
        if is_et_al(name):
            continue
        family = name.get("family") or name.get("literal") or ""
        particle = name.get("non-dropping-particle", "")
        out.append((_compact(f"{particle}{family}") or "", _initials(name.get("given", ""))))
    return tuple(out) or None


def _year(item: Item) -> str | None:
    try:
        return str(int(item["issued"]["date-parts"][0][0]))
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def _pages(value: Any) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    match = re.match(r"\s*([A-Za-z]*)(\d+)([A-Za-z]*)"
                     r"(?:\s*[-–—‒‑‐]+\s*([A-Za-z]*)(\d+)([A-Za-z]*))?",
                     str(value))
    if not match:
        return _compact(str(value)), None
    prefix, first, suffix, last_prefix, last, last_suffix = match.groups()
    first_page = f"{prefix}{first}{suffix}".casefold()
    if last is None:
        return first_page, None
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return first_page, f"{last_prefix or prefix}{last}{last_suffix}".casefold()


def _doi(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value.strip(), flags=re.I)
    return re.sub(r"\s+", "", value).rstrip(".").casefold() or None


def _place(value: Any) -> str | None:
    compact = _compact(value)
    return _PLACE_ALIASES.get(compact, compact) if compact else None


def _locator(item: Item) -> Any:
    """A journal article's pages, or its article number when it has no pages."""
    number = item.get("number")
    if item.get("page") is None and item.get("type") == "article-journal" \
            and isinstance(number, str) and not number.casefold().startswith("arxiv:"):
        return number
    return item.get("page")


def normalised_fields(item: Item) -> dict[str, Any]:
    """The comparable value of every scored field that `item` has."""
    first, last = _pages(_locator(item))
    values = {
        "author": _authors(item.get("author")),
        "title": _compact(item.get("title")),
        "container-title": _compact(item.get("container-title")),
        "year": _year(item),
        "volume": _compact(str(item["volume"])) if item.get("volume") is not None else None,
        "issue": _compact(str(item["issue"])) if item.get("issue") is not None else None,
        "page-first": first,
        "page-last": last,
        "DOI": _doi(item.get("DOI")),
        "publisher": _compact(item.get("publisher")),
        "publisher-place": _place(item.get("publisher-place")),
        "type": item.get("type"),
    }
    return {k: v for k, v in values.items() if v is not None}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Counts per field, per style group, and how many references were fully correct."""

    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    groups: dict[str, Counts] = field(default_factory=dict)
    group_sizes: dict[str, int] = field(default_factory=dict)
    group_exact: dict[str, int] = field(default_factory=dict)
    references: int = 0
    exact: int = 0

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.fields.values():
            total.add(counts)
        return total

    def merged(self, groups: Iterable[str]) -> tuple[Counts, int, int]:
        """Counts, size and fully-correct count of several style groups together."""
        total, size, exact = Counts(), 0, 0
        for group in groups:
            if group in self.groups:
                total.add(self.groups[group])
                size += self.group_sizes[group]
                exact += self.group_exact[group]
        return total, size, exact


def compare(gold: Item, predicted: Item) -> dict[str, Counts]:
    """TP/FP/FN of each scored field for one reference."""
    expected, got = normalised_fields(gold), normalised_fields(predicted)
    out: dict[str, Counts] = {}
    for name in FIELDS:
        counts = Counts()
        if name in expected and name in got and expected[name] == got[name]:
            counts.tp = 1
        else:
            counts.fp = int(name in got)
            counts.fn = int(name in expected)
        out[name] = counts
    return out


def score(pairs: Iterable[tuple[str, Item, Item]]) -> Score:
    """Score `(style group, gold item, predicted item)` triples."""
    result = Score()
    for group, gold, predicted in pairs:
        per_field = compare(gold, predicted)
        group_counts = result.groups.setdefault(group, Counts())
        for name, counts in per_field.items():
            result.fields[name].add(counts)
            group_counts.add(counts)
        correct = all(c.fp == 0 and c.fn == 0 for c in per_field.values())
        result.references += 1
        result.exact += correct
        result.group_sizes[group] = result.group_sizes.get(group, 0) + 1
        result.group_exact[group] = result.group_exact.get(group, 0) + correct
    return result


def load_parser(name: str) -> Callable[[str], Item]:
    """`text -> item` for the combined grammar parser or the CRF tagger alone."""
    if name == "tagger":
        from citefmt.refparse.tagger import parse_with_tagger

        def by_tagger(text: str) -> Item:
            parsed = parse_with_tagger(text)
            if parsed is None:
                raise SystemExit("error: tagger model missing; run tools/train_tagger.py")
            return parsed[0]
        return by_tagger
    from citefmt.refparse import parse_reference

    return lambda text: parse_reference(text).item


def evaluate(records: list[dict], parse: Callable[[str], Item], *, repeat: int = 1) -> tuple[Score,
                                                                                             float]:
    """Score of `parse` on the records and its throughput in references per second (best of
    `repeat` passes)."""
    if records:
        parse(records[0]["text"])
    elapsed = float("inf")
    for _ in range(max(repeat, 1)):
        started = time.perf_counter()
        predicted = [parse(record["text"]) for record in records]
        elapsed = min(elapsed, time.perf_counter() - started)
    result = score((r["style"], r["gold"], p) for r, p in zip(records, predicted, strict=True))
    return result, len(records) / elapsed if elapsed else float("inf")


def report(result: Score, throughput: float) -> str:
    """The evaluation as a plain-text table."""
    lines = [f"{'field':<16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name, c in result.fields.items():
        lines.append(f"{name:<16}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6}{c.fp:6}"
                     f"{c.fn:6}")
    lines.append("")
    lines.append(f"{'style group':<22}{'refs':>5}{'micro-F1':>10}{'exact':>8}")
    for group in sorted(result.groups):
        c = result.groups[group]
        exact = result.group_exact[group] / result.group_sizes[group]
        lines.append(f"{group:<22}{result.group_sizes[group]:5}{c.f1:10.3f}{exact:8.3f}")
    for label, groups in (("GOST (synthetic)", GOST_GROUPS),
                          ("real Russian lists", REAL_RUSSIAN_LIST_GROUPS),
                          ("Cyrillic (real only)", REAL_CYRILLIC_GROUPS),
                          ("Cyrillic (all)", CYRILLIC_GROUPS),
                          ("non-Cyrillic", set(result.groups) - CYRILLIC_GROUPS)):
        c, size, exact = result.merged(groups)
        if size:
            lines.append(f"{label:<22}{size:5}{c.f1:10.3f}{exact / size:8.3f}")
    micro = result.micro
    lines.append("")
    lines.append(f"overall: {result.references} references, micro-P {micro.precision:.3f} "
                 f"micro-R {micro.recall:.3f} micro-F1 {micro.f1:.3f}, fully correct "
                 f"{result.exact / max(result.references, 1):.3f}, {throughput:,.0f} refs/s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parser", choices=("grammar", "tagger"), default="grammar")
    parser.add_argument("--devset", type=Path, default=REPO / "eval" / "devset.jsonl")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    try:
        with args.devset.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
    except (OSError, ValueError) as error:
        print(f"error: {args.devset}: {error}", file=sys.stderr)
        return 2
    result, throughput = evaluate(records, load_parser(args.parser), repeat=args.repeat)
    if args.json:
        micro = result.micro
        print(json.dumps({
            "references": result.references, "micro_f1": micro.f1, "throughput": throughput,
            "fully_correct": result.exact / max(result.references, 1),
            "fields": {k: {"p": c.precision, "r": c.recall, "f1": c.f1} for k,
                       c in result.fields.items()},
            "groups": {g: {"f1": c.f1, "refs": result.group_sizes[g]} for g,
                       c in result.groups.items()},
        }, indent=2))
    else:
        print(report(result, throughput))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
