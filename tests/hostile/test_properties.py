"""Property tests (hypothesis) in the default run, bounded to stay fast; `bench/fuzz.py` runs the
same contract at scale (issue 10):

- every reader: any bytes → records and diagnostics located in the file, or a one-line
  `CitefmtError`; never another exception;
- `check --fix` applied twice equals applied once (numbering gaps, repeats, dangling citations);
- convert round trips (CSL-JSON, CSL-YAML, BibTeX, RIS) keep every item.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citefmt.api import read_text
from citefmt.checks import fix_document
from citefmt.config import Settings
from citefmt.errors import CitefmtError
from citefmt.readers import READERS
from citefmt.textio import decode_bytes
from citefmt.writers import get_writer

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = [p.read_bytes() for p in sorted([*FIXTURES.rglob("*.*"), *(REPO / "examples").glob("*")])
         if p.is_file() and p.stat().st_size < 20_000]
TOKENS = [b"{", b"}", b"[", b"]", b"(", b'"', b"\\", b",", b"@string{a={x}}", b"<!ENTITY",
          b"<!-- <x -->", b"&e;", b"\\ud800", b"\r", b"\x00", b"\x01", b"\xef\xbb\xbf",
          b"\xff\xfe", b"\xe2\x81\xb0", b"A. " * 20, b"1" * 30, b"10000. ", b"*a", b"&a x",
          b"TY  - ", b"ER  - ", b"PMID- ", b"references:", b"- id: x", b"title = {X} year = 1"]
FAST = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """A seed file with a few hostile tokens and random bytes spliced in, or pure noise."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    data = draw(st.sampled_from(SEEDS))[:3000]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=8)))
        data = data[:at] + piece * draw(st.sampled_from([1, 1, 5])) + data[at:]
    return data


@pytest.mark.parametrize("fmt", sorted(READERS))
@FAST
@given(data=hostile_bytes())
def test_every_reader_reads_any_bytes_or_says_why(fmt: str, data: bytes) -> None:
    source = "fuzzed.input"
    try:
        text = decode_bytes(data, source=source).text
        result = read_text(text, source=source, fmt=fmt)
    except CitefmtError as exc:
        assert "\n" not in str(exc) and exc.code.startswith("CF9")
        return
    for diagnostic in result.diagnostics:
        assert diagnostic.path == source
        assert diagnostic.line is None or diagnostic.line >= 1


ENTRIES = ["Smith J. Title one. J Med. 2000;1:1-2.", "Doe A. Title two. J Med. 2001;2:3-4.",
           "Roe B. Title three. Vestnik. 2002;3:5-6.", "Иванов И. И. Заглавие // Журнал. 2020. "
           "№ 1. С. 1–2.", "Lee K, et al. Fourth title. Cell. 2019;5:7-8."]


@st.composite
def manuscripts(draw: st.DrawFn) -> str:
    """A manuscript whose list has gaps, repeats or missing numbers and whose citations may
    dangle, with any line ending."""
    count = draw(st.integers(1, 5))
    numbers = draw(st.lists(st.integers(1, 7), min_size=count, max_size=count))
    cited = draw(st.lists(st.lists(st.integers(1, 8), min_size=1, max_size=3), max_size=5))
    body = " ".join("Text [" + ", ".join(map(str, c)) + "]." for c in cited)
    entries = [f"{n}. {ENTRIES[i % len(ENTRIES)]}" for i, n in enumerate(numbers)]
    text = f"# Paper\n\n{body}\n\n## References\n\n" + "\n".join(entries) + "\n"
    return text.replace("\n", draw(st.sampled_from(["\n", "\r\n"])))


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=manuscripts(), style=st.sampled_from([None, "vancouver"]))
def test_fix_twice_is_fix_once(text: str, style: str | None) -> None:
    once = fix_document(text, Settings(style=style), source="paper.md")[0]
    assert fix_document(once, Settings(style=style), source="paper.md")[0] == once


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=30).map(str.strip).filter(bool)


@st.composite
def csl_items(draw: st.DrawFn) -> list[dict[str, object]]:
    items = []
    for index in range(draw(st.integers(1, 6))):
        item: dict[str, object] = {
            "id": f"item{index}",
            "type": draw(st.sampled_from(["article-journal", "book", "chapter", "report",
                                          "thesis", "webpage"])),
            "title": draw(_TEXT),
        }
        if draw(st.booleans()):
            item["author"] = [{"family": draw(_TEXT), "given": draw(_TEXT)}]
        if draw(st.booleans()):
            item["issued"] = {"date-parts": [[draw(st.integers(1500, 2100))]]}
        if draw(st.booleans()):
            item["container-title"] = draw(_TEXT)
        items.append(item)
    return items


@pytest.mark.parametrize("fmt", ["csl-json", "csl-yaml", "bibtex", "ris"])
@FAST
@given(items=csl_items())
def test_convert_round_trip_keeps_every_item(fmt: str, items: list[dict[str, object]]) -> None:
    written = get_writer(fmt)(items)
    result = read_text(written, source=f"round-trip.{fmt}", fmt=fmt)
    assert len(result.records) == len(items)
    if fmt in ("csl-json", "csl-yaml"):
        assert [r.item for r in result.records] == items
