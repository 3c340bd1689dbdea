"""Training strings rendered by citefmt's own bundled styles, labelled by aligning fields back.

Hand-written renderings (synthetic.py, synthetic_vancouver.py) only know the shapes someone
typed in; the bundled CSL styles print what real GOST R 7.0.5-2008, 7.0.100-2018 and Vancouver
lists print (the "[и др.]" rules, "Текст : непосредственный", "[Internet] … [cited …]", glued
"2019;87(4):256-74"). Records are drawn from the synthetic GOST generator (Russian and English
articles, Russian books, chapters, conference papers, theses) plus web pages, rendered with
`citefmt.engine.render_bibliography`, and every field value is found again in the entry's text:
its characters get the field's anystyle label. Prescribed words between fields go with the field
they introduce ("//", "Т.", "С.", "In:", "DOI:") or, when they describe the carrier, become a
note; trailing punctuation stays with the field before it. Then the manuscript defects are
injected at character level (glued words, a word broken by "- ", a DOI broken by a space,
"48- 51", glued initials, a missing space after a period), so labels follow the characters.

The result is `(text, labels)` pairs, one label per tagger token, for the CRF trainer. A seed
always gives the same pairs (the rendering is deterministic).
"""

from __future__ import annotations

import random
import re

from citefmt.model import Item
from citefmt.refparse.tagger.tokens import tokenize
from citefmt_train import synthetic, vocabulary

Labelled = tuple[str, list[str]]

STYLES: tuple[str, ...] = ("vancouver", "gost-r-7.0.5-2008", "gost-r-7.0.100-2018")

#: marks and words that open the field after them
_LEADING = re.compile(
    r"^(?://|/|–|—|\(|\[|Т\.|Vol\.|№|No\.|С\.|P\.|p\.|pp\.|DOI|doi|In|URL|ISBN|Available|from|"
    r"под|ред\.|редакцией|edited|by|Режим|доступа)$")
#: role words printed after the names they qualify ("Smith AB, editor.")
_TRAILING = re.compile(r"^(?:editors?\.?|eds?\.|\(?ред\.\)?)$")
_SPACES = re.compile(r"\s")
#: organisations that publish web pages, in both scripts (generic public bodies)
_WEB_SITES = ("Министерство здравоохранения Российской Федерации", "Федеральная служба "
              "государственной статистики", "Российская академия наук", "World Health Organization",
              "National Institutes of Health")


def generate(count: int, seed: int, *, defect_rate: float = 0.3) -> list[Labelled]:
    """`count` labelled strings, cycling through the three bundled styles."""
    from citefmt.engine import render_bibliography

    rng = random.Random(seed)
    records = [_record(rng, index) for index in range(count)]
    out: list[Labelled] = []
    for offset, style in enumerate(STYLES):
        chosen = records[offset::len(STYLES)]
        bibliography = render_bibliography(chosen, style)
        by_id = {entry.id: entry.body for entry in bibliography.entries}
        for record in chosen:
            body = by_id.get(record["id"])
            if not body:
                continue
            body = _SPACES.sub(" ", body)  # the parser repairs no-break spaces before tagging
            chars = align(body, record)
            if rng.random() < defect_rate:
                body, chars = inject_defect(body, chars, rng)
            out.append(token_labels(body, chars))
    return out


def _record(rng: random.Random, index: int) -> Item:
    """A record as Russian lists hold them (Russian sources, English articles among them, web
    pages), with a unique id. English lists are left to anystyle's data and synthetic_vancouver."""
    record = synthetic.random_record(rng) if rng.random() < 0.88 else _webpage(rng)
    record = {k: v for k, v in record.items() if v not in (None, "", [])}
    record["id"] = f"r{index}"
    return record


def _webpage(rng: random.Random) -> Item:
    russian = rng.random() < 0.6
    title = vocabulary.russian_title(rng) if russian else vocabulary.english_title(rng)
    year = rng.randint(2010, 2024)
    item: Item = {"type": "webpage", "title": title, "language": "ru" if russian else "en",
                  "container-title": rng.choice(_WEB_SITES[:3] if russian else _WEB_SITES[3:5]),
                  "URL": f"https://www.example-{rng.randint(1, 999)}.org/docs/"
                         f"{rng.randint(100, 99999)}",
                  "issued": {"date-parts": [[year]]},
                  "accessed": {"date-parts": [[year + 1, rng.randint(1, 12), rng.randint(1, 28)]]}}
    if rng.random() < 0.5:
        item["author"] = [synthetic.random_person(rng, not russian)]
    return item


def _words_pattern(value: str) -> str | None:
    """A pattern for a text value as a style may print it: its words in order, any punctuation
    (or none) between them ("И. И. Грекова" printed "И И Грекова")."""
    words = re.findall(r"[^\W_]+", value)
    if not words:
        return None
    return r"(?<![^\W_])" + r"[\W_]*".join(re.escape(w) for w in words) + r"(?![^\W_])"


def _name_patterns(name: dict) -> list[str]:
    family = name.get("family") or name.get("literal") or ""
    if not family:
        return []
    letters = [part[0] for part in re.split(r"[\s.\-]+", name.get("given", "")) if part]
    fam = re.escape(family)
    if not letters:
        return [fam]
    dotted = r"\.?\s*-?".join(re.escape(c) for c in letters) + r"\.?"
    return [rf"{fam},?\s*{dotted}", rf"{dotted}\s*{fam}", fam]


def _mark(chars: list[str | None], start: int, end: int, label: str) -> bool:
    if any(chars[start:end]):
        return False
    chars[start:end] = [label] * (end - start)
    return True


def _mark_all(text: str, chars: list[str | None], pattern: str, label: str, *,
              first_only: bool = False) -> None:
    for m in re.finditer(pattern, text):
        if m.end() > m.start() and _mark(chars, m.start(), m.end(), label) and first_only:
            return


def align(text: str, item: Item) -> list[str | None]:
    """One anystyle label per character of `text` (None between fields) from the item's values."""
    chars: list[str | None] = [None] * len(text)
    if item.get("DOI"):
        _mark_all(text, chars, re.escape(item["DOI"]), "doi")
    if item.get("URL"):
        _mark_all(text, chars, re.escape(item["URL"]), "url")
    if item.get("ISBN"):
        _mark_all(text, chars, re.escape(item["ISBN"]), "isbn")
    for key, label in (("title", "title"),
                       ("container-title", "journal" if item.get("type") == "article-journal"
                                            else "container-title"),
                       ("genre", "genre"), ("publisher", "publisher"),
                       ("publisher-place", "location")):
        if isinstance(item.get(key), str) and (pattern := _words_pattern(item[key])):
            _mark_all(text, chars, pattern, label, first_only=key != "publisher-place")
    for role in ("author", "editor"):
        for name in item.get(role, []):
            *full, bare = _name_patterns(name) or [""]
            before = chars.count(role)
            for pattern in full:
                _mark_all(text, chars, pattern, role)
            if bare and chars.count(role) == before:
                _mark_all(text, chars, rf"(?<![^\W_]){bare}(?![^\W_])", role)
    _mark_all(text, chars, r"\[и др\.\]|\bи др\.|\[et al\.\]|\bet al\.", "author")
    year = str(item["issued"]["date-parts"][0][0]) if item.get("issued") else None
    if year:
        _mark_all(text, chars, rf"(?<!\d){year}(?!\d)", "date", first_only=True)
    _mark_locators(text, chars, item)
    return _fill_gaps(text, chars)


def _mark_locators(text: str, chars: list[str | None], item: Item) -> None:
    volume, issue = item.get("volume"), item.get("issue")
    parts = []
    if volume:
        parts.append(rf"(?:(?:Т|Vol)\.\s*)?{re.escape(volume)}")
    if issue:
        parts.append(rf"(?:\(\s*{re.escape(issue)}\s*\)|,?\s*(?:№|No\.)\s*{re.escape(issue)})")
    if parts:
        block = "".join(f"(?:{p})?" for p in parts) if len(parts) > 1 else parts[0]
        _mark_all(text, chars, rf"(?<![\w/.-])(?=\S)(?:{block})(?<=\w|\))(?![\w/-]|\.\d)", "volume",
                  first_only=True)
    if isinstance(item.get("page"), str):
        first = item["page"].split("-")[0]
        _mark_all(text, chars,
                  rf"(?:(?:С|P|p|pp)\.\s*)?(?<![\w.]){re.escape(first)}(?:\s*[–-]\s*\d+)?(?!\d)",
                  "pages", first_only=True)
    if item.get("number-of-pages"):
        _mark_all(text, chars, rf"(?<!\d){item['number-of-pages']}\s*(?:с|p)\.", "pages",
                  first_only=True)
    if item.get("edition"):
        _mark_all(text, chars, rf"(?<!\d){item['edition']}(?:-е|st|nd|rd|th)?\s*(?:изд|ed)\.",
                  "edition",
                  first_only=True)


def _fill_gaps(text: str, chars: list[str | None]) -> list[str | None]:
    """Give the text between fields a label: prescribed words go with the field they open,
    carrier words become a note, punctuation stays with the field before it."""
    tokens = tokenize(text)
    labels = [chars[t.start] for t in tokens]
    leading = [bool(_LEADING.match(t.text)) for t in tokens]
    for index, token in enumerate(tokens):
        if labels[index] is None and _TRAILING.match(token.text) and index and labels[index - 1]:
            labels[index] = labels[index - 1]
        elif labels[index] is None and not leading[index] and (token.text[0].isalnum()):
            labels[index] = "note"  # a carrier word ("Текст", "Internet", "cited") or a stray one
    for index in range(len(tokens) - 1, -1, -1):
        if labels[index] is None and leading[index]:
            labels[index] = next((labels[j] for j in range(index + 1, len(tokens)) if labels[j]),
                                 None)
    for index in range(len(tokens)):
        if labels[index] is None:
            labels[index] = labels[index - 1] if index else next(
                (label for label in labels if label), "other")
    out: list[str | None] = list(chars)
    for token, label in zip(tokens, labels, strict=True):
        out[token.start:token.end] = [label] * (token.end - token.start)
    return out


def inject_defect(text: str, chars: list[str | None],
                  rng: random.Random) -> tuple[str, list[str | None]]:
    """One manuscript defect at a place where it really happens; labels follow the characters."""
    choices: list[tuple[str, re.Match[str]]] = []
    for name, pattern, label in _DEFECTS:
        for m in re.finditer(pattern, text):
            if label is None or chars[m.start()] == label:
                choices.append((name, m))
    if not choices:
        return text, chars
    name, m = rng.choice(choices)
    start, end = m.span()
    if name == "glue":                 # "non healing" → "nonhealing"
        return text[:start] + text[start + 1:], chars[:start] + chars[start + 1:]
    if name == "hyphenate":            # "regeneration" → "regen- eration"
        cut = start + (end - start) // 2
        return text[:cut] + "- " + text[cut:], chars[:cut] + [chars[cut]] * 2 + chars[cut:]
    if name == "doi-space":            # "10.1016/j.burns" → "10.1016/j. burns"
        return text[:end] + " " + text[end:], [*chars[:end], chars[end - 1], *chars[end:]]
    if name == "page-space":           # "48-51" → "48- 51"
        return text[:end] + " " + text[end:], [*chars[:end], chars[end - 1], *chars[end:]]
    if name == "glue-initials":        # "Won YJ" → "WonYJ"
        return text[:start] + text[start + 1:], chars[:start] + chars[start + 1:]
    return text[:start + 1] + text[start + 2:], chars[:start + 1] + chars[start + 2:]  # ". " → "."


_DEFECTS: tuple[tuple[str, str, str | None], ...] = (
    ("glue", r"(?<=[^\W\d_]) (?=[^\W\d_]{3})", "title"),
    ("hyphenate", r"[^\W\d_]{8,}", "title"),
    ("doi-space", r"(?<=10\.\d{4}/)[^\s.]*\.", "doi"),
    ("doi-space", r"(?<=10\.\d{5}/)[^\s.]*\.", "doi"),
    ("page-space", r"(?<=\d)[-–](?=\d)", "pages"),
    ("glue-initials", r"(?<=[а-яёa-z]) (?=[А-ЯЁA-Z]{1,3}[,.])", "author"),
    ("period-space", r"\. (?=[А-ЯЁA-Z])", None),
)


def token_labels(text: str, chars: list[str | None]) -> Labelled:
    """The string and one label per tagger token (the label of the token's first character)."""
    return text, [chars[token.start] or "other" for token in tokenize(text)]
