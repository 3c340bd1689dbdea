"""Rebuild eval/devset.jsonl: reference strings with gold CSL-JSON fields and provenance.

    python tools/build_devset.py [--anystyle ../shared/training/anystyle]
                                 [--output eval/devset.jsonl]

Sources (none of them is trained on, and strings that also occur in the training data are left
out; tools/train_tagger.py in turn drops any dev string it meets):
  * anystyle gold.xml (BSD-2): hand-tagged references, grouped by style from their shape and
    sampled per group in a fixed hash order, so every style the issue names is represented;
  * anystyle ugly.xml / bad.xml (BSD-2): the real Cyrillic references in them;
  * synthetic GOST R 7.0.5-2008 / 7.0.100-2018 strings from citefmt_train.synthetic
    with a seed of their own (the tagger trains on another seed), a third with injected defects;
  * eval/anystyle_gold_corrections.jsonl: anystyle records whose human tags are demonstrably
    wrong for what the string says (a city tagged publisher, "№ 2" tagged genre …): each line
    keeps the original tags, the fields set or removed and a one-line note; the build checks that
    the tags are still the ones the gold is made from before it applies the change;
  * eval/real_reference_lists.jsonl: real reference strings from Russian reference lists in public
    repositories, gold annotated by hand; a record is kept only if every gold value can be found
    in its string (`gold_agrees_with_text`), so a mistyped annotation is dropped, not scored;
  * eval/vancouver_real_references.jsonl: real Vancouver/NLM/AMA strings from medical reference
    lists (Russian journals' English lists, PubMed/PMC copies, manuscripts), gold by hand, same
    check.
Gold fields of anystyle records come from the human tags through the rules in
citefmt.refparse.tagger.fields; synthetic gold is the record itself, limited to the names shown.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from citefmt.refparse.tagger.fields import item_from_segments
from citefmt_train import synthetic
from citefmt_train.dataset import Segments, read_anystyle, reference_text
from citefmt_train.training import (
    ANYSTYLE_TRAINING_FILES,
    normalise_text,
    training_sequences,
)

REPO = Path(__file__).resolve().parents[1]
REAL_LISTS = REPO / "eval" / "real_reference_lists.jsonl"
REAL_VANCOUVER = REPO / "eval" / "vancouver_real_references.jsonl"
GOLD_CORRECTIONS = REPO / "eval" / "anystyle_gold_corrections.jsonl"
LICENCE = "BSD-2-Clause (anystyle, Sylvester Keil)"
DEV_SEED = 424242
GOST_COUNT = 140
#: how many anystyle gold.xml references to take per style group
GROUP_CAPS: dict[str, int] = {"vancouver": 70, "ama": 30, "apa-harvard": 70, "chicago": 45,
                              "ieee": 45, "abnt": 25, "other": 20}
CYRILLIC_CAP = 45

_CYRILLIC = re.compile("[А-Яа-яЁё]{3,}")


def style_group(segments: Segments) -> str:
    """The reference style a tagged anystyle sequence is written in, judged from its shape."""
    labels = [label for label, _ in segments]
    text = dict((label, value) for label, value in reversed(segments))
    author = text.get("author", "")
    if re.match(r"^\[?\d+\]", text.get("citation-number", "")) and \
            re.match(r"^(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)[A-Z]", author):
        return "ieee"
    if re.match(r"^[A-ZÀ-Þ]{2,}[A-ZÀ-Þ'-]*(?:\s[A-ZÀ-Þ]{2,})*,\s", author):
        return "abnt"
    if re.match(r"^[^\W\d_][\w'’-]+(?:\s[a-z]+)?\s[A-Z]{1,3}[,.]", author):
        pages = text.get("pages", "")
        abbreviated = re.search(r"(\d+)\s*[–-]\s*(\d+)", pages)
        full_range = abbreviated and len(abbreviated.group(2)) >= len(abbreviated.group(1))
        journal_dot = text.get("journal", "").rstrip().endswith(".")
        return "ama" if full_range and journal_dot else "vancouver"
    if "author" in labels and "date" in labels \
            and labels.index("date") == labels.index("author") + 1:
        return "apa-harvard"
    if re.search(r"^[“\"]", text.get("title", "")) or re.match(r"^\w[\w'-]+, [A-Z][a-z]+", author):
        return "chicago"
    if re.match(r"^(?:[A-Z]\.\s?)+[A-Z][a-z]", author):
        return "ieee"
    return "other"


def _usable(gold: dict) -> bool:
    """Gold worth scoring: at least three scored fields and names that look like names."""
    scored = {"author", "title", "container-title", "issued", "volume", "issue", "page",
              "publisher", "publisher-place", "DOI"}
    names_ok = all(len(n.get("family", "")) >= 2 and not re.search(r"\d", n.get("family", ""))
                   for n in gold.get("author", []))
    return len(scored & set(gold)) >= 3 and names_ok


def _hash_order(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def anystyle_records(name: str, xml_text: str, *, cyrillic: bool,
                     training: set[str]) -> list[dict]:
    """Dev records from one anystyle file: style-sampled (gold.xml) or its Cyrillic ones,
    leaving out every string that the tagger's training data also holds."""
    candidates = []
    for index, segments in enumerate(read_anystyle(xml_text), start=1):
        text = reference_text(segments)
        if bool(_CYRILLIC.search(text)) != cyrillic or normalise_text(text) in training:
            continue
        gold = item_from_segments(segments)
        if not _usable(gold):
            continue
        group = "cyrillic-real" if cyrillic else style_group(segments)
        candidates.append((_hash_order(f"{name}#{index}"), group, index, text, gold))
    candidates.sort()
    taken: dict[str, int] = {}
    records = []
    for _, group, index, text, gold in candidates:
        cap = CYRILLIC_CAP if cyrillic else GROUP_CAPS[group]
        if taken.get(group, 0) >= cap:
            continue
        taken[group] = taken.get(group, 0) + 1
        records.append({"id": f"anystyle-{name.removesuffix('.xml')}-{index}", "style": group,
                        "provenance": f"anystyle {name} #{index}, {LICENCE}",
                        "text": text, "gold": gold})
    return sorted(records, key=lambda r: (r["style"], int(r["id"].rsplit("-", 1)[1])))


def read_corrections(path: Path) -> dict[str, dict]:
    """Gold corrections by record id (see eval/anystyle_gold_corrections.jsonl)."""
    with path.open(encoding="utf-8") as handle:
        corrections = [json.loads(line) for line in handle if line.strip()]
    return {c["id"]: c for c in corrections}


def apply_correction(record: dict, correction: dict) -> dict:
    """`record` with its gold corrected; refuses a correction whose recorded anystyle tags are not
    the ones this record's string and gold come from (so every change stays auditable)."""
    tags: Segments = [(label, text) for label, text in correction["anystyle_tags"]]
    if reference_text(tags) != record["text"] or item_from_segments(tags) != record["gold"]:
        raise ValueError(f"{correction['id']}: recorded anystyle tags do not match the record")
    gold = {k: v for k, v in record["gold"].items() if k not in correction["remove"]}
    gold.update(correction["set"])
    return record | {"gold": gold,
                     "provenance": f"{record['provenance']}; gold corrected: {correction['note']}"}


def synthetic_records() -> list[dict]:
    records = []
    for index, rendered in enumerate(synthetic.generate(GOST_COUNT, DEV_SEED), start=1):
        records.append({"id": f"synthetic-{rendered.style}-{index:03d}", "style": rendered.style,
                        "provenance": f"citefmt synthetic GOST record, seed {DEV_SEED} #{index} "
                                      "(tools/build_devset.py), CC0",
                        "text": rendered.text, "gold": rendered.gold})
    return records


def _squeezed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def gold_agrees_with_text(text: str, gold: dict) -> list[str]:
    """The gold values that the string does not show (empty when the annotation is consistent):
    names, titles, publisher and place compared without spaces and punctuation, numbers as
    digits."""
    haystack = _squeezed(text)
    digits = re.findall(r"\d+", text)
    wrong = []
    for key in ("title", "container-title", "publisher", "publisher-place"):
        if key in gold and _squeezed(gold[key]) not in haystack:
            wrong.append(key)
    for role in ("author", "editor"):
        for name in gold.get(role, []):
            if _squeezed(name.get("family", "")) not in haystack:
                wrong.append(f"{role} {name.get('family')}")
    numbers = [str(gold["issued"]["date-parts"][0][0])] if "issued" in gold else []
    for key in ("volume", "issue", "page", "number-of-pages"):
        if key in gold:
            numbers += re.findall(r"\d+", str(gold[key]))
    wrong += [f"number {n}" for n in numbers if n not in digits]
    for key in ("DOI", "URL"):
        if key in gold and gold[key].casefold() not in text.casefold():
            wrong.append(key)
    return wrong


def real_records(path: Path) -> tuple[list[dict], list[str]]:
    """Hand-annotated real references whose gold agrees with their string, and the ids dropped."""
    kept, dropped = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if gold_agrees_with_text(record["text"], record["gold"]):
                dropped.append(record["id"])
            else:
                kept.append(record)
    return kept, dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anystyle", type=Path,
                        default=REPO.parent / "shared" / "training" / "anystyle")
    parser.add_argument("--output", type=Path, default=REPO / "eval" / "devset.jsonl")
    args = parser.parse_args(argv)
    sources = {name: args.anystyle / name
               for name in ("gold.xml", "ugly.xml", "bad.xml", *ANYSTYLE_TRAINING_FILES)}
    missing = [str(p) for p in sources.values() if not p.exists()]
    if missing:
        print(f"error: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    training_xml = [(args.anystyle / n).read_text(encoding="utf-8")
                    for n in ANYSTYLE_TRAINING_FILES]
    training = {normalise_text(reference_text(s))
                for s in training_sequences(training_xml, excluded=set())}
    records = anystyle_records("gold.xml", sources["gold.xml"].read_text(encoding="utf-8"),
                               cyrillic=False, training=training)
    for name in ("ugly.xml", "bad.xml"):
        records += anystyle_records(name, sources[name].read_text(encoding="utf-8"),
                                    cyrillic=True, training=training)
    corrections = read_corrections(GOLD_CORRECTIONS)
    unused = set(corrections) - {r["id"] for r in records}
    if unused:
        print(f"error: corrections for records not in the dev set: {', '.join(sorted(unused))}",
              file=sys.stderr)
        return 2
    records = [apply_correction(r, corrections[r["id"]]) if r["id"] in corrections else r
               for r in records]
    records += synthetic_records()
    real, dropped = real_records(REAL_LISTS)
    vancouver_real, vancouver_dropped = real_records(REAL_VANCOUVER)
    records += real + vancouver_real
    dropped += vancouver_dropped
    if dropped:
        print(f"dropped (gold disagrees with the string): {', '.join(dropped)}", file=sys.stderr)
    with args.output.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for record in records:
        counts[record["style"]] = counts.get(record["style"], 0) + 1
    print(f"{len(records)} records -> {args.output}: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
