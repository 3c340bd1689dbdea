"""The dev set and its scorer: exact P/R/F1 on a hand-made pair, a well-formed held-out dev set."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from types import ModuleType

import pytest
from helpers import REPO, shared_path

DEVSET = REPO / "eval" / "devset.jsonl"


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("refparse_eval",
                                                  REPO / "bench" / "refparse_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load_bench()


def test_scorer_counts_exact_tp_fp_fn(bench: ModuleType) -> None:
    gold = {"type": "article-journal",
            "author": [{"family": "Won", "given": "Y. J."}, {"family": "Smith", "given": "Anna"}],
            "title": "Exosome-based therapy for non-healing wounds",
            "container-title": "Burns", "issued": {"date-parts": [[2020]]},
            "volume": "46", "issue": "3", "page": "1477-1481", "DOI": "10.1016/j.nantod.2020.1"}
    predicted = {"type": "article-journal",
                 "author": [{"family": "WON", "given": "YJ"}, {"family": "Smith", "given": "A."}],
                 "title": "Exosomebased therapy for NonHealing wounds.",
                 "container-title": "Burns (London)", "issued": {"date-parts": [[2020, 5]]},
                 "volume": "46", "page": "1477-81",
                 "DOI": "https://doi.org/10.1016/J.NANTOD.2020.1",
                 "publisher": "Elsevier"}
    result = bench.score([("vancouver", gold, predicted)])
    fields = {name: (c.tp, c.fp, c.fn) for name, c in result.fields.items()}
    assert fields == {
        "author": (1, 0, 0), "title": (1, 0, 0), "container-title": (0, 1, 1),
        "year": (1, 0, 0), "volume": (1, 0, 0), "issue": (0, 0, 1), "page-first": (1, 0, 0),
        "page-last": (1, 0, 0), "DOI": (1, 0, 0), "publisher": (0, 1, 0),
        "publisher-place": (0, 0, 0), "type": (1, 0, 0),
    }
    micro = result.micro
    assert (micro.tp, micro.fp, micro.fn) == (8, 2, 2)
    assert micro.precision == pytest.approx(0.8)
    assert micro.recall == pytest.approx(0.8)
    assert micro.f1 == pytest.approx(0.8)
    assert (result.references, result.exact) == (1, 0)


def test_scorer_reads_abbreviated_cities_as_full_names(bench: ModuleType) -> None:
    gold = {"type": "book", "publisher-place": "Санкт-Петербург", "publisher": "СпецЛит"}
    result = bench.score([("gost-2008", gold, {"type": "book", "publisher-place": "СПб.",
                                               "publisher": "СпецЛит,"})])
    assert result.micro.f1 == 1.0
    assert result.exact == 1


def test_devset_is_well_formed_and_large_enough() -> None:
    lines = DEVSET.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) >= 300
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)
    for record in records:
        assert set(record) == {"id", "style", "provenance", "text", "gold"}
        assert record["provenance"] and record["text"].strip()
        assert record["gold"]["type"]
    styles = Counter(r["style"] for r in records)
    assert styles["gost-2008"] + styles["gost-2018"] >= 80
    for group in ("vancouver", "ama", "apa-harvard", "chicago", "ieee", "abnt", "cyrillic-real"):
        assert styles[group] > 0, group


def test_devset_never_overlaps_the_training_strings() -> None:
    from citefmt_train.dataset import reference_text
    from citefmt_train.training import (
        ANYSTYLE_TRAINING_FILES,
        normalise_text,
        training_sequences,
    )

    folder = shared_path("training", "anystyle")
    xml = [(folder / name).read_text(encoding="utf-8") for name in ANYSTYLE_TRAINING_FILES]
    training = {normalise_text(reference_text(s)) for s in training_sequences(xml, excluded=set())}
    dev = [normalise_text(json.loads(line)["text"])
           for line in DEVSET.read_text(encoding="utf-8").splitlines()]
    assert [text for text in dev if text in training] == []


def test_scorer_ignores_the_et_al_marker_and_compares_expanded_ranges(bench: ModuleType) -> None:
    gold = {"author": [{"family": "Lee", "given": "J. H."}], "page": "2707-2720"}
    predicted = {"author": [{"family": "Lee", "given": "JH"}, {"literal": "others"}],
                 "page": "2707-20"}
    counts = bench.compare(gold, predicted)
    assert [(name, c.tp, c.fp, c.fn) for name, c in counts.items() if c.tp or c.fp or c.fn] == [
        ("author", 1, 0, 0), ("page-first", 1, 0, 0), ("page-last", 1, 0, 0)]
    only_marker = bench.compare({"title": "A"}, {"title": "A", "author": [{"literal": "others"}]})
    assert only_marker["author"].fp == 0


def test_scorer_reads_an_article_number_as_the_locator(bench: ModuleType) -> None:
    """Gold keeps an article id in `page`; the parser gives it as `number`: the same locator.
    An arXiv id in `number` and the `number` of a non-article are no locator."""
    def page_counts(gold: dict, predicted: dict) -> list[tuple[str, int, int, int]]:
        counts = bench.compare(gold, predicted)
        return [(name, counts[name].tp, counts[name].fp, counts[name].fn)
                for name in ("page-first", "page-last")]

    article = {"type": "article-journal"}
    assert page_counts(article | {"page": "e41465"}, article | {"number": "e41465"}) == [
        ("page-first", 1, 0, 0), ("page-last", 0, 0, 0)]
    assert page_counts(article | {"number": "101530"}, article | {"page": "101530"}) == [
        ("page-first", 1, 0, 0), ("page-last", 0, 0, 0)]
    assert page_counts(article | {"page": "101530"}, article | {"number": "101531"}) == [
        ("page-first", 0, 1, 1), ("page-last", 0, 0, 0)]
    assert page_counts(article, article | {"number": "arXiv:2101.00001"}) == [
        ("page-first", 0, 0, 0), ("page-last", 0, 0, 0)]
    report = {"type": "report"}
    assert page_counts(report | {"page": "7"}, report | {"number": "7"}) == [
        ("page-first", 0, 0, 1), ("page-last", 0, 0, 0)]


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_devset",
                                                  REPO / "tools" / "build_devset.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_real_gold_is_checked_against_its_string() -> None:
    builder = _load_builder()
    text = "Жинкин Н.И. Речь как проводник информации. - М.: Наука, 1982. - 159 с."
    gold = {"type": "book", "author": [{"family": "Жинкин", "given": "Н.И."}],
            "title": "Речь как проводник информации", "issued": {"date-parts": [[1982]]},
            "publisher": "Наука", "publisher-place": "М.", "number-of-pages": "159"}
    assert builder.gold_agrees_with_text(text, gold) == []
    mistyped = gold | {"title": "Речь как проводник знаний", "issued": {"date-parts": [[1928]]}}
    assert builder.gold_agrees_with_text(text, mistyped) == ["title", "number 1928"]


def test_every_real_list_record_is_in_the_devset_with_its_provenance() -> None:
    real_lists = REPO / "eval" / "real_reference_lists.jsonl"
    real = [json.loads(line) for line in real_lists.open(encoding="utf-8")]
    dev = {r["id"]: r for r in (json.loads(line) for line in DEVSET.open(encoding="utf-8"))}
    assert len(real) == 88
    assert Counter(r["style"] for r in real) == {"gost-real": 60, "gost-real-latin": 28}
    for record in real:
        assert dev[record["id"]] == record
        assert "search-index file" in record["provenance"]


def test_scorer_reads_four_and_five_run_together_initials(bench: ModuleType) -> None:
    """JATS markup holds "APRF" for A. P. R. F. (a SciELO element-citation's given-names)."""
    assert bench._initials("APRF") == bench._initials("A. P. R. F.") == "aprf"
    assert bench._initials("IBSDS") == "ibsds"
    assert bench._initials("Anna Maria") == "am"
    assert bench._initials("JOSÉ MARIA") == "jm"  # upper-case given names, two parts
