"""Real "References" lists of a Russian journal (issue 14): manifest here, pages in the mirror.

The journal is «Известия вузов. Ядерная энергетика» (Nuclear Energy and Technology, ISSN
0204-3327), whose website is the public repository nuclear-power-engineering/nuclear-power-
engineering (MIT licence): every article is `content/article/Y/NN/MM.md` with the printed
"Ссылки" list and `content_en/article/Y/NN/MM.md` with the printed "References" list.
`tests/translit/real_pages.json` names the article pairs (commit, both paths, SHA-256 of
each); their bytes are not in this repository but read from the search tool's snapshot under
`/work/.mirror` with `git show COMMIT:PATH` (the `corpus_data` loader), and checked against the
recorded SHA-256. Without the mirror, tests that need them skip and say why.

`compare_page` runs the original list through `api.load_references` (the page's second list
supplies the English titles and official journal names, as `format --translit` does for a page
that prints both lists), renders each Russian journal article in the journal's house layout
(`tests/fixtures/translit/npe-references.csl`) and compares it with the journal's own entry.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from corpus_data import MIRROR, git_dir, git_show

from citefmt import api
from citefmt.model import Item
from citefmt.pairing import _is_transliteration
from citefmt.readers.sources import read_path
from citefmt.translit import references_item

MANIFEST = Path(__file__).parent / "translit" / "real_pages.json"
HOUSE_STYLE = str(Path(__file__).parent / "fixtures" / "translit" / "npe-references.csl")
REPO = "nuclear-power-engineering/nuclear-power-engineering"

#: the scheme the journal's rules name: "use transliteration (translit.ru, BGN style)"
#: (content_en/rules.md of the repository)
JOURNAL_SCHEME = "bgn"

#: the other schemes tried for a name the journal's scheme does not give
OTHER_SCHEMES = ("bgn", "bsi", "bgn_pcgn", "ala_lc", "bs_2979", "gost_779_alt", "icao_doc_9303",
                 "scientific", "wikipedia", "telegram", "mosmetro", "yandex_maps")


@dataclass(frozen=True)
class PagePair:
    """One article: its Russian page (original list) and English page (References list)."""

    commit: str
    ru_path: str
    en_path: str
    ru_sha256: str
    en_sha256: str

    @property
    def name(self) -> str:
        return self.ru_path.removeprefix("content/article/").removesuffix(".md")


def manifest() -> list[PagePair]:
    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return [PagePair(p["commit"], p["ru_path"], p["en_path"], p["ru_sha256"], p["en_sha256"])
            for p in data["pages"]]


def load(page: PagePair) -> tuple[str, str] | str:
    """Both pages' text, or why they cannot be had (no mirror, missing, checksum differs)."""
    import hashlib

    gd = git_dir(REPO)
    if gd is None:
        return f"no mirror of {REPO} under {MIRROR} (fetch it with the search tool)"
    texts = []
    for path, sha in ((page.ru_path, page.ru_sha256), (page.en_path, page.en_sha256)):
        data = git_show(gd, page.commit, path)
        if data is None:
            return f"{REPO} has no {path} at {page.commit[:12]}"
        if hashlib.sha256(data).hexdigest() != sha:
            return f"{REPO}:{path}: SHA-256 differs from the manifest"
        texts.append(data.decode("utf-8"))
    return texts[0], texts[1]


def entries(markdown: str) -> list[str]:
    """The numbered entries of the page's reference list (the section after `### Ссылки` /
    `### References`), one string each."""
    head = re.search(r"^### (Ссылки|References)\s*$", markdown, re.M)
    if head is None:
        return []
    found: list[str] = []
    for line in markdown[head.end():].splitlines():
        m = re.match(r"\s*(\d+)\.\s+(.*\S)", line)
        if m:
            found.append(m.group(2))
        elif line.strip() and found and not line.startswith("#"):
            found[-1] += " " + line.strip()
    return found


def is_russian_article(entry: str) -> bool:
    """A Russian journal article as the original list prints it: Cyrillic, "//" before the
    journal, and a GOST issue or volume ("№", "Т.")."""
    return (bool(re.search("[а-яё]{3}", entry, re.I)) and "//" in entry
            and bool(re.search(r"№|\bТ\. ?\d", entry)))


_DOI = re.compile(r"[;.,]?\s*(DOI|doi):?\s*(https?://\S+|10\.\S+)")


def normalise(entry: str) -> str:
    """The journal's entry with what its pages print inconsistently from entry to entry made
    one way (each a documented house-style variation, not content): the DOI (printed after the
    pages, or after the language note, or not at all) left out; "–"/"—" in page ranges as "-";
    "(In Russian)" as "(in Russian)"; runs of spaces as one; a closing period."""
    text = _DOI.sub("", entry)
    text = re.sub(r"(?<=\d)\s*[–—]\s*(?=\d)", "-", text)
    text = re.sub(r"\((in|In) [Rr]ussian\)\.?", "(in Russian)", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+\(in Russian\)", " (in Russian)", text)
    return text if text.endswith(".") else text + "."


@dataclass
class Result:
    """One Russian journal article of a page: the journal's entry and citefmt's."""

    page: str
    number: int
    original: str
    journal: str
    ours: str
    printed: str = ""     # the journal's entry as printed (before `normalise`)
    names: tuple[int, int] = (0, 0)   # author names compared, and written as citefmt writes them
    verdict: str = ""     # equal | scheme | house | translation | journal-error | citefmt
    reasons: list[str] = field(default_factory=list)


def render_all(items: list[Item]) -> list[str]:
    """Each item in the journal's house layout (one engine run for the page)."""
    text, _ = api.format_bibliography(items, style=HOUSE_STYLE, numbered=False)
    return text.splitlines()


def _page_file(tmp: str, original: list[str], english: list[str] | None) -> str:
    page = "Список литературы\n" + "".join(f"{i}. {e}\n" for i, e in enumerate(original, 1))
    if english is not None:
        page += "\nReferences\n" + "".join(f"{i}. {e}\n" for i, e in enumerate(english, 1))
    path = Path(tmp) / "page.txt"
    path.write_text(page, encoding="utf-8")
    return str(path)


def references(original: list[str], english: list[str], scheme: str) -> list[Item]:
    """citefmt's References items for the page, read as a page that prints both lists."""
    return references_and_refusals(original, english, scheme)[0]


def references_and_refusals(original: list[str], english: list[str], scheme: str
                            ) -> tuple[list[Item], dict[int, str]]:
    """The References items, and for each entry whose pair citefmt refused (CF601) why."""
    with tempfile.TemporaryDirectory() as tmp:
        loaded = api.load_references([_page_file(tmp, original, english)], scheme=scheme)
    first = len(original) + 4  # the line of References entry 1 in the page file
    refused = {d.line - first: d.message.split("(", 1)[-1].split(")")[0]
               for d in loaded.diagnostics if d.code == "CF601" and d.line}
    return [r.item for r in loaded.records], refused


def originals(original: list[str]) -> list[Item]:
    """The original list's items as citefmt reads them (before any transliteration)."""
    with tempfile.TemporaryDirectory() as tmp:
        result = read_path(_page_file(tmp, original, None))
    return [r.item for r in result.records]


def compare_page(page: PagePair, ru_md: str, en_md: str,
                 scheme: str = JOURNAL_SCHEME) -> list[Result]:
    """Every Russian journal article of the page, compared and classified (see `classify`)."""
    original, english = entries(ru_md), entries(en_md)
    if not original or len(original) != len(english):
        return []
    items, refused = references_and_refusals(original, english, scheme)
    if len(items) != len(original):
        return []
    ours = render_all(items)
    chosen = [i for i, (orig, item) in enumerate(zip(original, items, strict=True))
              if is_russian_article(orig) and item.get("type") == "article-journal"]
    results = [Result(page.name, i + 1, original[i], normalise(english[i]), ours[i], english[i])
               for i in chosen]
    base: list[list[Item]] = []
    lines: dict[str, list[tuple[str, str]]] = {}

    def under(scheme: str) -> list[tuple[str, str]]:
        """Every entry as `scheme` writes it without the page's English titles (rendered
        line, transliterated title); read once, on first need."""
        if not base:
            base.append(originals(original))
        if scheme not in lines:
            items_s = [references_item(b, scheme) for b in base[0]]
            lines[scheme] = list(zip(render_all(items_s),
                                     [str(i.get("title") or "") for i in items_s], strict=True)) \
                if len(base[0]) == len(original) else []
        return lines[scheme]

    for result, i in zip(results, chosen, strict=True):
        classify(result, items[i], i, under, refused.get(i, ""), scheme)
    return results


def _names(authors: str) -> list[str]:
    return [n.strip().rstrip(".") for n in authors.split(", ") if n.strip()]


def _typography(text: str) -> str:
    """The journal's typographic variants of a name made one: ’ as ', "V. A." as "V.A."."""
    text = text.replace("’", "'").replace("ʹ", "'")
    return re.sub(r"\b([A-Z][a-z]?\.)\s+(?=[A-Z][a-z]?\.)", r"\1", text)


_LOCATORS = re.compile(r"//.*$")


def _printed_numbers(original: str) -> list[str]:
    """Year, volume, issue and pages as the original entry prints them (after "//"), without a
    DOI, URL or access date."""
    tail = _LOCATORS.search(original)
    text = tail.group(0) if tail else original
    text = re.split(r"\bDOI\b|\bdoi\b|https?://|Электронный ресурс", text)[0]
    text = re.sub(r"^//[^–—.]*?(?=[.,–—]\s*[–—]?\s*\d{4})", "", text)  # the journal's name
    return re.findall(r"\d+", text)


_RUNNING_NUMBER = re.compile(r"№\s*\d+\s*\(\d+\)")


def _misreading(original: str, refused: str, title: str) -> str:
    """What citefmt misread, for a difference no other cause explains (the figures' groups)."""
    if _RUNNING_NUMBER.search(original):
        return ("citefmt: the running number of «№ N(M)» lost or read as the volume "
                "(plain-text parser)")
    if refused:
        return f"citefmt: the References entry's locators misread (CF601: {refused})"
    return f"citefmt: the References entry's English title misread as {title!r}"


def _doi_of(text: str) -> str:
    m = re.search(r"\b(10\.\d{4,9}/[^\s;,]+?)[.;,]?(\s|$)", text)
    return m.group(1).lower() if m else ""


def _numbers(text: str) -> list[str]:
    text = re.split(r"Available at|https?://", text)[0]
    return re.findall(r"\d+", text.replace("(in Russian)", ""))


def classify(result: Result, item: Item, index: int,
             under: Callable[[str], list[tuple[str, str]]], refused: str = "",
             scheme: str = JOURNAL_SCHEME) -> None:
    """Name the cause of each difference between the journal's entry and citefmt's.

    - `equal`: the same string.
    - `translation`: the References entry cites the English translation of the article (a
      translated journal's English edition: another year, volume or pages, no language note) —
      what the journal's guide asks for a journal published in both languages; the pair does not
      correspond (CF601), so citefmt keeps its transliteration.
    - `journal-error`: the References entry's year, volume, issue or pages differ from the
      original entry's, or it lists other authors (the two printed lists disagree).
    - `scheme`: an author's name differs, and another transliteration scheme gives the
      journal's spelling (named in the reason).
    - `house`: the author's own spelling of a name (the journal's rule: «Фамилии и инициалы
      авторов должны быть записаны так, как представляют их сами авторы»), no scheme giving it;
      a journal name in title case or in the journal's own transliteration; "vol."/"iss."/"p."
      where its layout has "v."/"no."/"pp." (its pages print both).
    - `citefmt`: none of the above — a difference citefmt must answer for.
    """
    journal, ours = _typography(result.journal), _typography(result.ours)
    if journal == ours:
        result.verdict = "equal"
        count = len(_names(ours.split(". " + _typography(str(item.get("title") or "")) + ".")[0]))
        result.names = (count, count)
        return
    verdicts: set[str] = set()
    title = _typography(str(item.get("title") or ""))
    container = str(item.get("container-title") or "")
    printed = _printed_numbers(result.original)
    doi_o, doi_j = _doi_of(result.original), _doi_of(result.printed)
    if doi_o and doi_j and doi_o != doi_j:
        result.reasons.append(f"the References entry gives another publication's DOI ({doi_j}, "
                              f"the original {doi_o}): the pair does not correspond (CF601)")
        result.verdict = "journal-error" if "(in Russian)" in journal else "translation"
        return
    if "//" in journal and title and title in journal:
        result.reasons.append("the References entry is printed in the GOST layout (//, –), not "
                              "in the journal's")
        result.verdict = "house"
        return
    at = journal.find(". " + title + ".") if title else -1
    if at < 0:
        # citefmt took no title from the References entry: it gives a transliteration of its
        # own, or the pair does not correspond
        for other in (scheme, *OTHER_SCHEMES):
            _, latin = under(other)[index] if index < len(under(other)) else ("", "")
            if latin and _letters(". " + latin + ".") in _letters(journal):
                result.reasons.append(f"title transliterated with scheme {other}")
                result.verdict = "scheme" if other != scheme else "house"
                return
        if "(in Russian)" not in journal:
            result.reasons.append("the References entry cites the English translation")
            result.verdict = "translation"
        elif _numbers(journal)[-len(printed):] == printed:
            result.reasons.append(_misreading(result.original, refused, title))
            result.verdict = "citefmt"
        elif sorted(_numbers(journal)) == sorted(printed):
            result.reasons.append("pair refused (CF601): the References entry writes the same "
                                  "numbers as other locators (e.g. \"no. 31 (4)\" for Т. 31, "
                                  "№ 4), so citefmt keeps its transliterated title")
            result.verdict = "house"
        else:
            result.reasons.append(f"the lists disagree: References {_numbers(journal)}, "
                                  f"original {printed}")
            result.verdict = "journal-error"
        return
    ours_at = ours.find(". " + title + ".")
    j_names, o_names = _names(journal[:at]), _names(ours[:ours_at])
    if len(j_names) != len(o_names) and "и др." in result.original \
            and len(j_names) > len(o_names) - 1:
        result.reasons.append("authors: References lists every author where the original has "
                              "«и др.» (the journal's rule: «в References обязательно нужно "
                              "указать всех авторов»)")
        verdicts.add("house")
    elif len(j_names) != len(o_names):
        result.reasons.append(f"authors: {len(j_names)} in References, {len(o_names)} in the "
                              "original")
        verdicts.add("journal-error")
    else:
        result.names = (len(o_names), sum(a == b for a, b in zip(o_names, j_names, strict=True)))
        for k, (a, b) in enumerate(zip(o_names, j_names, strict=True)):
            if a == b:
                continue
            schemes = [s for s in OTHER_SCHEMES
                       if s != scheme and _name_under(under(s), index, k) == b]
            if schemes:
                result.reasons.append(f"name {b!r}: scheme {schemes[0]} (ours {a!r})")
                verdicts.add("scheme")
            else:
                result.reasons.append(f"name {b!r}: the author's own spelling (ours {a!r})")
                verdicts.add("house")
    j_rest = journal[at + len(title) + 3:].lstrip()
    o_rest = ours[ours_at + len(title) + 3:].lstrip()
    if container and not j_rest.startswith(container):
        if j_rest.lower().startswith(container.lower()):
            result.reasons.append(f"journal name in title case ({container!r})")
            verdicts.add("house")
        else:
            printed_name = re.split(r"[.,]\s*\d{4}\b", j_rest)[0]
            if _is_transliteration(printed_name, container):
                result.reasons.append("journal name: the journal's own transliteration "
                                      f"(ours {container!r})")
                verdicts.add("house")
            else:
                result.reasons.append(f"citefmt: the journal's name {printed_name[:80]!r} not "
                                      f"taken, or the title split from it wrongly (ours "
                                      f"{container!r})")
                verdicts.add("citefmt")
    j_nums, o_nums = _numbers(_after_container(j_rest)), _numbers(_after_container(o_rest))
    if j_nums != o_nums:
        if j_nums == printed or (printed[:len(j_nums)] == j_nums and o_nums != printed):
            result.reasons.append(f"locators: citefmt {o_nums}, both lists {j_nums}")
            verdicts.add("citefmt")
        else:
            result.reasons.append(f"locators: References {j_nums}, original {printed}")
            verdicts.add("journal-error")
    elif _after_container(j_rest) != _after_container(o_rest) \
            and _RUNNING_NUMBER.search(result.original):
        verdicts.add("citefmt")
    elif _after_container(j_rest) != _after_container(o_rest):
        result.reasons.append(f"layout: {_after_container(j_rest)!r} / "
                              f"{_after_container(o_rest)!r}")
        verdicts.add("house")
    if not verdicts and _letters(journal) == _letters(ours):
        result.reasons.append("punctuation between the journal's name and the year")
        verdicts.add("house")
    if "citefmt" in verdicts:
        result.reasons.append(_misreading(result.original, refused, title))
    result.verdict = _worst(verdicts) if verdicts else "citefmt"


def _name_under(lines: list[tuple[str, str]], index: int, k: int) -> str | None:
    if index >= len(lines):
        return None
    line, title = lines[index]
    cut = line.find(". " + title + ".")
    names = _names(line[:cut]) if cut > 0 else []
    return names[k] if k < len(names) else None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "")).strip()


def _after_container(text: str) -> str:
    m = re.search(r"[.,]\s*(\d{4}\b.*)$", text)
    return m.group(1) if m else text


_ORDER = ("citefmt", "journal-error", "scheme", "house")


def _worst(verdicts: Iterable[str]) -> str:
    found = set(verdicts)
    for verdict in _ORDER:
        if verdict in found:
            return verdict
    return "citefmt"
