"""Field agreement of citefmt's readers with the peers' own test fixtures, pandoc beside it.

    python bench/reader_agreement.py [--no-pandoc] [--source S] [--format F] [-v] [--json OUT]

Fixtures come from `bench/peer_fixtures.py` (pinned in `bench/peers/manifest.json`, read from
`/work/.mirror`; missing mirrors are reported and skipped). For every fixture citefmt reads the
input (`citefmt.api.read_text`) and each expected item is compared field by field with the item
read in the same place (matched by id, else by position):

- *agree*: equal as written, or equal after one of the documented `CONVENTIONS` (named, counted);
- *differ* / *missing* (citefmt has no value) : each explained by a `CAUSES` rule marked
  `citefmt wrong`, `peer wrong (reason)` or `convention`, or left `unexplained` (citefmt wrong);
- *extra*: citefmt has a value the peer does not (counted, not in the percentage).

Agreement % = (agree + convention) / (compared − peer wrong): a peer's own mistake is shown
but not held against citefmt. pandoc (pip `pypandoc_binary`, installed when missing) reads the
same inputs where it reads the format and is scored the same way, as a second opinion.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from peer_fixtures import Fixture, fixtures  # noqa: E402

from citefmt.api import read_text  # noqa: E402
from citefmt.errors import CitefmtError  # noqa: E402
from citefmt.latex import BIBLATEX_STRINGS  # noqa: E402
from citefmt.model import NAME_VARIABLES  # noqa: E402
from citefmt.readers._fields import csl_language  # noqa: E402

#: never compared: bookkeeping, not bibliographic data
UNCOMPARED = frozenset({"id", "citation-key", "_comment", "nocite", "citation-label",
                        "custom", "annote", "file"})
NAME_FIELDS = NAME_VARIABLES
DATE_FIELDS = frozenset({"issued", "accessed", "original-date", "event-date", "submitted",
                         "available-date"})
TITLE_FIELDS = frozenset({"title", "container-title", "collection-title", "title-short",
                          "container-title-short", "event-title", "event", "original-title",
                          "volume-title", "genre", "medium", "status"})


# ------------------------------------------------------------------ value normalisation

def _text(value: Any) -> str:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _name(name: dict[str, Any]) -> str:
    if "literal" in name:
        return str(name["literal"])
    family = " ".join(str(name[k]) for k in ("non-dropping-particle", "family") if name.get(k))
    given = " ".join(str(name[k]) for k in ("given", "dropping-particle") if name.get(k))
    suffix = str(name.get("suffix", ""))
    return ", ".join(p for p in (family, given, suffix) if p)


def _date(value: Any) -> str:
    if isinstance(value, dict):
        if "edtf" in value and str(value["edtf"]).endswith(("/", "/..")):
            return _iso(str(value["edtf"]))  # citefmt's open ranges
        circa = "~" if value.get("circa") else ""
        if "date-parts" in value and circa:
            return _date({"date-parts": value["date-parts"]}) + circa
        if "date-parts" in value:
            try:
                return "/".join(_parts(part) for part in value["date-parts"])
            except (TypeError, ValueError):
                return json.dumps(value["date-parts"])
        for key in ("raw", "literal", "edtf"):
            if key in value:
                return _iso(str(value[key]))
        return json.dumps(value, sort_keys=True)
    return _iso(str(value))


def _parts(part: list[Any]) -> str:
    numbers = [int(p) for p in part if str(p).strip()]
    if not numbers:
        return ""
    head = f"-{-numbers[0]:02d}" if numbers[0] < 0 else f"{numbers[0]:02d}"
    return "-".join([head, *(f"{n:02d}" for n in numbers[1:])])


def _iso(text: str) -> str:
    """EDTF/ISO strings as pandoc writes them → the `_date` form (zero-padded, `/` ranges)."""
    text = re.sub(r"/\.\.$", "/", text.strip()).replace("\\~", "~")  # one open-end form
    if re.fullmatch(r"[\d/\-]+~?", text):
        circa = "~" if text.endswith("~") else ""
        return "/".join(_iso_side(side) for side in text.rstrip("~").split("/")) + circa
    return text


def _iso_side(side: str) -> str:
    negative = side.startswith("-")
    parts = [p for p in side.lstrip("-").split("-") if p]
    return ("-" if negative else "") + "-".join(f"{int(p):02d}" for p in parts)


def render(variable: str, value: Any) -> str:
    """One comparable string per field value."""
    if variable in NAME_FIELDS and isinstance(value, list):
        return " & ".join(_name(n) if isinstance(n, dict) else str(n) for n in value)
    if variable in DATE_FIELDS:
        return _date(value)
    return _text(value)


_TAGS = re.compile(r"</?(?:i|b|sup|sub|sc|span)\b[^>]*>")
_LANGUAGE_NAMES = {"english": "en", "american": "en", "british": "en", "german": "de",
                   "ngerman": "de", "french": "fr", "russian": "ru", "italian": "it",
                   "spanish": "es", "usenglish": "en", "ukenglish": "en", "dutch": "nl",
                   "latin": "la", "portuguese": "pt", "brazil": "pt", "greek": "el"}


def _language(value: str) -> str:
    key = csl_language(value.strip()).lower()
    return _LANGUAGE_NAMES.get(key, key.split("-")[0])


def _quotes(value: str) -> str:
    return re.sub(r"[“”„«»\"]", '"', re.sub(r"[‘’‚`]", "'", value))


_SCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓ",
                         "0123456789+-=()ni0123456789+-=()aeox")


def _pandoc_markdown(value: str) -> str:
    """pandoc writes CSL YAML values as Markdown: `[x]{.nocase}`, `*x*`, `^x^`, `\\<`, `--`."""
    value = re.sub(r"\[([^\]]*)\]\{\.[a-z]+\}", r"\1", value)
    value = re.sub(r"(\*\*|\*|\^|~)(\S(?:.*?\S)?)\1", r"\2", value)
    value = re.sub(r"\\([<>\[\]*_$`'\"@#&^~|])", r"\1", value)
    return value.replace("---", "—").replace("--", "–")


#: BibLaTeX localisation keys → citefmt's term (both sides are folded to the key's term)
_LOCALISATION_KEYS: dict[str, str] = {k.casefold(): v.casefold()
                                      for k, v in BIBLATEX_STRINGS.items()}
_LOCALISATION_KEYS.update({v.casefold().replace(" ", ""): v.casefold()
                           for v in BIBLATEX_STRINGS.values()})


@dataclass(frozen=True)
class Convention:
    """A documented difference of convention: values equal after `normalise` agree."""

    name: str
    applies: Callable[[str], bool]
    normalise: Callable[[str, str], str]


def _any(variable: str) -> bool:
    return True


CONVENTIONS: list[Convention] = [
    Convention("spacing: no-break space (LaTeX ~), spaces around markup", _any,
               lambda v, s: re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()),
    Convention("pandoc's YAML is Markdown ([x]{.nocase}, *x*, \\<, -- for –)", _any,
               lambda v, s: _pandoc_markdown(s)),
    Convention("rich text: CSL markup tags (<i>, nocase spans, <sub>) vs plain text", _any,
               lambda v, s: re.sub(r"\s+", " ", _TAGS.sub("", s)).strip().translate(_SCRIPTS)),
    Convention("quotes: typographic vs straight", _any, lambda v, s: _quotes(s)),
    Convention("letter case: the peer converts titles to sentence case (or not)",
               lambda v: v in TITLE_FIELDS, lambda v, s: s.casefold()),
    Convention("language: tag vs name, region subtag (en-US ~ en ~ english)",
               lambda v: v == "language", lambda v, s: _language(s)),
    Convention("page ranges: en dash vs hyphen", lambda v: v in ("page", "number-of-pages"),
               lambda v, s: re.sub(r"\s*(?:--|[–—])\s*", "-", s)),
    Convention("DOI: case and resolver prefix", lambda v: v == "DOI",
               lambda v, s: re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", s.lower())),
    Convention("names: periods and spacing of initials (J.W. ~ J. W. ~ J W)",
               lambda v: v in NAME_FIELDS,
               lambda v, s: re.sub(r"\s+", " ", s.replace(".", " ")).replace(" ,", ",").strip()),
    Convention("titles: NLM's closing period (citefmt drops it; styles add their own)",
               lambda v: v in TITLE_FIELDS, lambda v, s: s.rstrip(". ")),
    Convention("ISBN/ISSN: hyphenation; the peer keeps every ISSN, citefmt the first",
               lambda v: v in ("ISBN", "ISSN"),
               lambda v, s: re.sub(r"[^0-9Xx]", "", s.split()[0] if s.split() else s).upper()),
    Convention("URL: percent-encoded vs Unicode", lambda v: v == "URL",
               lambda v, s: urllib.parse.unquote(s)),
    Convention("keywords: separator spacing", lambda v: v == "keyword",
               lambda v, s: re.sub(r"\s*[,;]\s*", ",", s)),
    Convention("soft hyphen (LaTeX \\-): kept by the peer, dropped by citefmt", _any,
               lambda v, s: s.replace("\u00ad", "")),
    Convention("subtitle joined with '. ' (Zotero) or ': ' (citefmt, pandoc)",
               lambda v: v in TITLE_FIELDS, lambda v, s: re.sub(r"[.:] ", " ", s)),
    Convention("BibLaTeX localisation key: citefmt (as pandoc) prints its term, the peer the "
               "key", lambda v: v in ("genre", "status", "collection-title"),
               lambda v, s: _LOCALISATION_KEYS.get(s.replace(" ", ""), s)),
]


# ------------------------------------------------------------------ causes of differences

@dataclass(frozen=True)
class Cause:
    """A known reason for a difference; `verdict` is `citefmt wrong`, `peer wrong (…)` or
    `convention`."""

    name: str
    verdict: str
    test: Callable[[Diff], bool]


@dataclass(frozen=True)
class Diff:
    """One differing or missing field, with both items for context."""

    fixture: Fixture
    variable: str
    ours: str | None
    theirs: str
    our_item: dict[str, Any]
    their_item: dict[str, Any]

    def peer(self, variable: str) -> str:
        value = self.their_item.get(variable)
        return render(variable, value) if value not in (None, "", []) else ""

    def mine(self, variable: str) -> str:
        value = self.our_item.get(variable)
        return render(variable, value) if value not in (None, "", []) else ""


def _src(*sources: str) -> Callable[[Fixture], bool]:
    return lambda f: f.source in sources


def _is_date_text(text: str | None) -> bool:
    return bool(text) and bool(re.match(r"-?\d{2,4}", text or ""))


def _zotero_note_field(d: Diff) -> bool:
    """Zotero reads `N1  - Label: value` lines of old exports into fields; citefmt keeps them
    in `note` as written."""
    return d.ours is None and re.search(r"^N1  - [^:\n]+: " + re.escape(d.theirs) + "$",
                                        d.fixture.text, re.M) is not None


#: CSL types Zotero has no item type for (so its CSL is the nearest Zotero type's)
_NOT_ZOTERO_TYPES = frozenset({"classic", "figure", "musical_score", "pamphlet", "regulation",
                               "dataset", "standard", "article", "post", "periodical",
                               "collection", "event", "review", "review-book"})


CAUSES: list[Cause] = [
    Cause("type guessed from the fields by the peer (@book with a booktitle → chapter, @misc "
          "with a journal or URL → article/web page); citefmt keeps the declared type",
          "convention", lambda d: d.variable == "type" and d.fixture.fmt == "bibtex"
          and d.fixture.source in ("better-bibtex", "zotero") and d.ours in ("book", "document")),
    Cause("publisher/location lists: '; ' (citefmt, pandoc) vs ' and ' kept (Zotero/BBT)",
          "convention", lambda d: d.ours is not None and "; " in d.ours
          and d.ours.replace("; ", " and ") == d.theirs),
    Cause("CSL 1.0.1 `event` (citefmt, for citeproc-py) vs CSL 1.0.2 `event-title`",
          "convention", lambda d: d.variable == "event-title" and d.ours is None
          and d.mine("event") == d.theirs),
    Cause("short title: pandoc derives it from the title before the colon; CSL styles derive "
          "it themselves", "convention",
          lambda d: d.variable == "title-short" and d.ours is None
          and d.mine("title").casefold().startswith(d.theirs.casefold()[:20])),
    Cause("math: citefmt prints exact Unicode (P¹), pandoc keeps TeX ($\\mathbf{P}^{1}$)",
          "convention", lambda d: d.ours is not None and "$" in d.theirs and "$" not in d.ours),
    Cause("date text that is no date ('Year', 'Date'): citefmt keeps it raw (CF206), "
          "Zotero joins the tags", "convention",
          lambda d: d.variable in DATE_FIELDS and d.ours is not None
          and not _is_date_text(d.ours) and not _is_date_text(d.theirs)),
    Cause("the peer keeps less of the date than the input gives", "peer wrong (drops month/day "
          "or the range end the input has)",
          lambda d: d.variable in DATE_FIELDS and d.ours is not None and bool(d.theirs)
          and d.ours.startswith(d.theirs) and re.fullmatch(r"[\d\-/]+", d.ours) is not None
          and len(d.ours) > len(d.theirs)),
    Cause("number of a non-periodical: CSL collection-number (citefmt, pandoc) vs issue",
          "convention", lambda d: d.variable == "issue" and d.ours is None
          and d.mine("collection-number") == d.theirs),
    Cause("type: CSL has `pamphlet` for @booklet (citefmt, pandoc); the peer says book",
          "convention", lambda d: d.variable == "type" and d.ours == "pamphlet"),
    Cause("name particles: citefmt follows BibTeX's von rule (lower-case words start the last "
          "name)", "convention",
          lambda d: d.variable in NAME_FIELDS and d.ours is not None
          and re.search(r"(?<![\w-])[a-z]", d.ours) is not None
          and sorted(re.findall(r"\w+", d.ours)) == sorted(re.findall(r"\w+", d.theirs))),
    Cause("type: RIS type with no Zotero item type; Zotero falls back (GEN, GRANT → journal "
          "article, CTLG → magazine, AGGR → document …)", "convention",
          lambda d: d.variable == "type" and d.fixture.source == "zotero"
          and d.fixture.fmt == "ris"),
    Cause("publisher item id (LID … [pii]) read as pages by the peer", "peer wrong (a PII is an "
          "identifier, not a page range)",
          lambda d: d.variable == "page" and d.ours is None
          and re.search(r"^LID - " + re.escape(d.theirs) + r" \[pii\]", d.fixture.text, re.M)
          is not None),
    Cause("`\\~{}` is a tilde accent (˜); the peer prints the ∼ operator", "peer wrong (TeX's "
          "\\~{} is an accent)", lambda d: "˜" in (d.ours or "") and "∼" in d.theirs),
    Cause("type: CSL type the peer (Zotero) has no item type for", "convention",
          lambda d: d.variable == "type" and d.fixture.source in ("zotero", "better-bibtex")
          and d.ours in _NOT_ZOTERO_TYPES),
    Cause("journal abbreviation: the peer expands it from its own database (JabRef lists)",
          "convention",
          lambda d: d.variable in ("container-title", "container-title-short")
          and d.fixture.source in ("better-bibtex", "zotero")
          and d.mine("container-title") == d.peer("container-title-short")),
    Cause("article number: `LID … [pii]` without `PG` is CSL `number` in citefmt, `page` in "
          "Zotero", "convention",
          lambda d: d.variable == "page" and d.ours is None and d.mine("number") == d.theirs),
    Cause("Zotero reads `N1 - Label: value` lines into fields; citefmt keeps them as note",
          "convention", _zotero_note_field),
]


def classify(diff: Diff) -> tuple[str, str]:
    for cause in CAUSES:
        if cause.test(diff):
            return cause.name, cause.verdict
    kind = "missing" if diff.ours is None else "differs"
    return f"unexplained: {diff.variable} {kind}", "citefmt wrong"


# ------------------------------------------------------------------ scoring

@dataclass
class Score:
    fixtures: int = 0
    no_output: int = 0
    agree: int = 0
    convention: int = 0
    differ: int = 0
    missing: int = 0
    extra: int = 0
    peer_wrong: int = 0
    items_expected: int = 0
    items_read: int = 0
    conventions: Counter[str] = field(default_factory=Counter)
    causes: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def compared(self) -> int:
        return self.agree + self.convention + self.differ + self.missing

    @property
    def percent(self) -> float:
        denominator = self.compared - self.peer_wrong
        return 100.0 * (self.agree + self.convention) / denominator if denominator else 100.0

    @property
    def raw_percent(self) -> float:
        return 100.0 * self.agree / self.compared if self.compared else 100.0


def _match(expected: list[dict[str, Any]], ours: list[dict[str, Any]]) -> list[
        tuple[dict[str, Any], dict[str, Any] | None]]:
    """Pair each expected item with ours: same id, else same title, else same position."""
    unused = list(range(len(ours)))

    def take(test: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
        for k in unused:
            if test(ours[k]):
                unused.remove(k)
                return ours[k]
        return None

    def title(item: dict[str, Any]) -> str:
        return re.sub(r"\W+", "", _TAGS.sub("", str(item.get("title", "")))).casefold()

    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for n, item in enumerate(expected):
        mine = None
        key, name = str(item.get("id")), title(item)
        if item.get("id") is not None:  # a repeated key: the entry with the same title first
            mine = take(lambda o, key=key, name=name: str(o.get("id")) == key  # type: ignore[misc]
                        and title(o) == name)
        if mine is None and item.get("id") is not None:
            mine = take(lambda o, key=key: str(o.get("id")) == key)  # type: ignore[misc]
        if mine is None and name:
            mine = take(lambda o, name=name: title(o) == name)  # type: ignore[misc]
        if mine is None and n < len(ours) and n in unused:
            unused.remove(n)
            mine = ours[n]
        pairs.append((item, mine))
    return pairs


def score_items(fixture: Fixture, ours: list[dict[str, Any]], score: Score,
                record_causes: bool = True) -> None:
    for theirs_item, our_item in _match(fixture.expected, ours):
        score.items_expected += 1
        mine = our_item or {}
        if our_item is not None:
            score.items_read += 1
        skip = UNCOMPARED | fixture.ignore
        for variable, value in theirs_item.items():
            if variable in skip or value in ("", [], None):
                continue
            theirs = render(variable, value)
            if variable not in mine or mine[variable] in ("", [], None):
                score.missing += 1
                _explain(Diff(fixture, variable, None, theirs, mine, theirs_item), score,
                         record_causes)
                continue
            ours_text = render(variable, mine[variable])
            if ours_text == theirs:
                score.agree += 1
                continue
            convention = _convention(variable, ours_text, theirs)
            if convention:
                score.convention += 1
                score.conventions[convention] += 1
                continue
            score.differ += 1
            _explain(Diff(fixture, variable, ours_text, theirs, mine, theirs_item), score,
                     record_causes)
        score.extra += sum(1 for v in mine if v not in theirs_item and v not in skip
                           and v != "id")


def _convention(variable: str, ours: str, theirs: str) -> str | None:
    a, b = ours, theirs
    for convention in CONVENTIONS:
        if not convention.applies(variable):
            continue
        a, b = convention.normalise(variable, a), convention.normalise(variable, b)
        if a == b:
            return convention.name
    return None


def _explain(diff: Diff, score: Score, record: bool) -> None:
    cause, verdict = classify(diff)
    fixture, ours, theirs = diff.fixture, diff.ours, diff.theirs
    if verdict.startswith("peer wrong"):
        score.peer_wrong += 1
    elif verdict == "convention":
        score.convention += 1
        if ours is None:
            score.missing -= 1
        else:
            score.differ -= 1
        score.conventions[cause] += 1
        return
    if record:
        score.causes[(cause, verdict)] += 1
        score.examples.setdefault((cause, verdict),
                                  f"{fixture.name}: ours={ours!r} peer={theirs!r}"[:220])


def read_citefmt(fixture: Fixture) -> list[dict[str, Any]] | None:
    """citefmt's items for a fixture (None when the file gave no output at all)."""
    suffix = {"bibtex": ".bib", "ris": ".ris", "medline": ".nbib", "endnote-xml": ".xml",
              "csl-json": ".json"}[fixture.fmt]
    try:
        result = read_text(fixture.text, source=f"{fixture.name}{suffix}", fmt=fixture.fmt)
    except CitefmtError:
        return None
    if not result.records and fixture.expected:
        return None
    return [json.loads(json.dumps(r.item, default=str)) for r in result.records]


def read_pandoc(fixture: Fixture) -> list[dict[str, Any]] | None:
    import pypandoc  # type: ignore[import-untyped]

    try:
        out = pypandoc.convert_text(fixture.text, "csljson", format=fixture.pandoc_from or "",
                                    extra_args=["--quiet"])
    except (RuntimeError, OSError):
        return None
    data = json.loads(out) if out.strip() else []
    return data if data or not fixture.expected else None


def _ensure_pandoc() -> bool:
    try:
        import pypandoc
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pypandoc_binary"],
                       check=False)
    try:
        import pypandoc

        pypandoc.get_pandoc_version()
        return True
    except (ImportError, OSError):
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pandoc", action="store_true")
    parser.add_argument("--source")
    parser.add_argument("--format")
    parser.add_argument("-v", "--verbose", action="store_true", help="every difference")
    parser.add_argument("--json", help="write the figures as JSON here")
    args = parser.parse_args()
    found, problems = fixtures()
    for problem in problems:
        print(f"! {problem}")
    if not found:
        print("no peer fixtures available: fetch the peers' repositories first "
              "(see bench/peer_fixtures.py)")
        return 1
    found = [f for f in found if (not args.source or f.source == args.source)
             and (not args.format or f.fmt == args.format)]
    use_pandoc = not args.no_pandoc and _ensure_pandoc()
    ours: dict[tuple[str, str], Score] = defaultdict(Score)
    theirs: dict[tuple[str, str], Score] = defaultdict(Score)
    no_output: list[str] = []
    for fixture in found:
        key = (fixture.fmt, fixture.source)
        score = ours[key]
        score.fixtures += 1
        items = read_citefmt(fixture)
        if items is None:
            score.no_output += 1
            no_output.append(f"{fixture.source}/{fixture.name}")
            items = []
        before = dict(score.causes)
        score_items(fixture, items, score)
        if args.verbose and dict(score.causes) != before:
            print(f"-- {fixture.source} {fixture.name}")
        if use_pandoc and fixture.pandoc_from and fixture.fmt != "csl-json":
            p_score = theirs[key]
            p_score.fixtures += 1
            p_items = read_pandoc(fixture)
            if p_items is None:
                p_score.no_output += 1
                p_items = []
            score_items(fixture, p_items, p_score, record_causes=False)
    _print_table(ours, theirs if use_pandoc else None)
    _print_causes(ours, verbose=args.verbose)
    if no_output:
        print("\nFiles without output:", ", ".join(no_output))
    if args.json:
        Path(args.json).write_text(json.dumps({
            f"{fmt}/{source}": {"fixtures": s.fixtures, "no_output": s.no_output,
                                "agree": s.agree, "convention": s.convention,
                                "differ": s.differ, "missing": s.missing, "extra": s.extra,
                                "peer_wrong": s.peer_wrong, "percent": round(s.percent, 1)}
            for (fmt, source), s in sorted(ours.items())}, indent=1) + "\n")
    return 0


def _print_table(ours: dict[tuple[str, str], Score],
                 pandoc: dict[tuple[str, str], Score] | None) -> None:
    header = ("| format | source | fixtures | no output | items read | agree | convention | "
              "differ | missing | extra | peer wrong | raw % | **agreement %** |")
    if pandoc is not None:
        header += " pandoc % (no output) |"
    print(header)
    print("|" + "---|" * header.count("|")[:-1] if False else
          "|" + "|".join("---" for _ in range(header.count("|") - 1)) + "|")
    for key in sorted(ours):
        s = ours[key]
        row = (f"| {key[0]} | {key[1]} | {s.fixtures} | {s.no_output} | "
               f"{s.items_read}/{s.items_expected} | {s.agree} | {s.convention} | {s.differ} | "
               f"{s.missing} | {s.extra} | {s.peer_wrong} | {s.raw_percent:.1f} | "
               f"**{s.percent:.1f}** |")
        if pandoc is not None:
            p = pandoc.get(key)
            row += f" {p.percent:.1f} ({p.no_output}) |" if p and p.fixtures else " – |"
        print(row)


def _print_causes(ours: dict[tuple[str, str], Score], *, verbose: bool) -> None:
    print("\nConventions applied (counted as agreement):")
    conventions: Counter[str] = Counter()
    for s in ours.values():
        conventions.update(s.conventions)
    for name, n in conventions.most_common():
        print(f"  {n:5}  {name}")
    print("\nRemaining differences by cause:")
    for key in sorted(ours):
        s = ours[key]
        if not s.causes:
            continue
        print(f"  {key[0]} / {key[1]}:")
        for (cause, verdict), n in s.causes.most_common(None if verbose else 25):
            print(f"    {n:4}  [{verdict}] {cause}")
            if verbose:
                print(f"          e.g. {s.examples[(cause, verdict)]}")


if __name__ == "__main__":
    raise SystemExit(main())
