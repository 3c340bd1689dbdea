"""Russian bibliographic records and their GOST R 7.0.5-2008 / 7.0.100-2018 renderings.

anystyle's data has almost no GOST-shaped references, so both the tagger's training data and the
evaluation set get Cyrillic references from here: realistic CSL-JSON records (journal articles,
books, chapters, conference papers, theses; Russian and English sources as Russian reference
lists mix them) written out as labelled segments in the two GOST shapes, optionally with the
defects manuscripts really carry (glued words, hyphenation, a DOI broken by a space, "48- 51").
Everything is drawn from a seeded `random.Random`, so a seed always gives the same strings.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from citefmt.model import Item
from citefmt_train import vocabulary

Segments = list[tuple[str, str]]

_CYRILLIC_INITIALS = "АБВГДЕЖЗИКЛМНОПРСТФЭЮЯ"
_LATIN_INITIALS = "ABCDEFGHJKLMNPRSTW"
#: GOST's subject statements after a book title (ГОСТ 7.0.5-2008, 5.3.2: "учеб. пособие" …)
_BOOK_SUBTITLES = ("", " : учебное пособие", " : учеб. для вузов", " : монография",
                   " : руководство для врачей", " : практическое руководство")
#: the two capitals, where most Russian books are published, weigh as much as all other towns
_CAPITALS = ("Москва", "Санкт-Петербург")
#: ГОСТ 7.0.12 abbreviations of town names used by GOST R 7.0.5-2008
_CITY_2008 = {"Москва": "М.", "Санкт-Петербург": "СПб.", "Ростов-на-Дону": "Ростов н/Д",
              "Нижний Новгород": "Н. Новгород"}


def russian_city(rng: random.Random) -> str:
    return rng.choice(_CAPITALS) if rng.random() < 0.6 else rng.choice(vocabulary.russian_cities())


def book_title(rng: random.Random) -> str:
    return vocabulary.russian_title(rng, 2, 5)


@dataclass(frozen=True)
class Rendered:
    """One reference string, its labelled segments and the fields it shows (the gold item)."""

    style: str
    segments: Segments
    gold: Item

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.segments)


def generate(count: int, seed: int, *, defect_rate: float = 0.3) -> list[Rendered]:
    """`count` references alternating between the two GOST shapes, from records drawn by `seed`."""
    rng = random.Random(seed)
    out: list[Rendered] = []
    for index in range(count):
        record = random_record(rng)
        render = render_gost_2008 if index % 2 == 0 else render_gost_2018
        rendered = render(record)
        if rng.random() < defect_rate:
            rendered = inject_defect(rendered, rng)
        out.append(rendered)
    return out


def random_record(rng: random.Random) -> Item:
    """A plausible CSL-JSON record: mostly Russian articles, with books, chapters, theses."""
    kind = rng.choices(["article-journal", "book", "chapter", "paper-conference", "thesis"],
                       weights=[55, 15, 10, 8, 12])[0]
    english = kind == "article-journal" and rng.random() < 0.25
    year = rng.randint(1995, 2024)
    count = rng.choices([1, 2, 3, 4, 5, 6], weights=[25, 25, 20, 12, 10, 8])[0]
    if kind == "thesis":
        count = 1
    item: Item = {"type": kind, "language": "en" if english else "ru",
                  "author": [random_person(rng, english) for _ in range(count)],
                  "issued": {"date-parts": [[year]]}}
    if english:
        item["title"] = vocabulary.english_title(rng)
    elif kind == "book":
        item["title"] = book_title(rng) + rng.choice(_BOOK_SUBTITLES)
    else:
        item["title"] = vocabulary.russian_title(rng)
        if rng.random() < 0.3:
            item["title"] += " : " + vocabulary.russian_title(rng, 2, 4).lower()
    first = rng.randint(3, 480)
    span = f"{first}-{first + rng.randint(1, 24)}"
    if kind == "article-journal":
        item["container-title"] = (vocabulary.english_journal(rng)[0] if english
                                  else vocabulary.russian_journal(rng))
        if rng.random() < 0.7:
            item["volume"] = str(rng.randint(1, 120))
        item["issue"] = str(rng.randint(1, 12))
        item["page"] = span
        if rng.random() < 0.5:
            item["DOI"] = random_doi(rng, year)
    elif kind in ("chapter", "paper-conference"):
        if kind == "chapter":
            item["container-title"] = book_title(rng) + rng.choice(_BOOK_SUBTITLES[1:])
            item["editor"] = [random_person(rng, False)]
        else:
            item["container-title"] = (rng.choice(vocabulary.RU_CONFERENCE_HEADS) + " "
                                       + vocabulary.russian_title(rng, 1, 3).lower()
                                       + " : материалы Всерос. науч.-практ. конф.")
        item["publisher-place"] = russian_city(rng)
        item["publisher"] = vocabulary.russian_publisher(rng)
        item["page"] = span
    elif kind == "book":
        item["publisher-place"] = russian_city(rng)
        item["publisher"] = vocabulary.russian_publisher(rng)
        item["number-of-pages"] = str(rng.randint(96, 640))
        if rng.random() < 0.4:
            item["edition"] = str(rng.randint(2, 5))
        if rng.random() < 0.5:
            item["ISBN"] = (f"978-5-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}"
                            f"-{rng.randint(0, 9)}")
    else:
        item["genre"] = rng.choice(["дис. … ", "автореф. дис. … "]) + rng.choice(vocabulary.DEGREES)
        item["publisher-place"] = russian_city(rng)
        item["number-of-pages"] = str(rng.randint(18, 320))
    return item


def random_person(rng: random.Random, english: bool) -> dict[str, str]:
    if english:
        return {"family": rng.choice(vocabulary.latin_surnames()),
                "given": " ".join(f"{rng.choice(_LATIN_INITIALS)}."
                                  for _ in range(rng.randint(1, 2)))}
    masculine, feminine = vocabulary.russian_surnames()
    family = rng.choice(feminine if rng.random() < 0.4 else masculine)
    return {"family": family, "given": _cyrillic_initials(rng)}


def _cyrillic_initials(rng: random.Random) -> str:
    """"И. О.": two random Cyrillic initials."""
    return f"{rng.choice(_CYRILLIC_INITIALS)}. {rng.choice(_CYRILLIC_INITIALS)}."


def random_doi(rng: random.Random, year: int) -> str:
    """A DOI in two shapes registrants use: "10.N/abbr.YYYY.N", "10.N/NNNN-NNNN-YYYY-V-I-N"."""
    prefix = f"10.{rng.randint(1000, 99999)}"
    if rng.random() < 0.5:
        journal = "".join(rng.choice("abcdefghijklmnoprstuvwxyz") for _ in range(rng.randint(3, 8)))
        return f"{prefix}/{journal}.{year}.{rng.randint(1, 999999):06d}"
    return (f"{prefix}/{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{year}"
            f"-{rng.randint(1, 30)}-{rng.randint(1, 6)}-{rng.randint(1, 120)}")


def _end_with_period(text: str) -> str:
    return text if text.endswith(".") else text + "."


def _inverted(name: dict[str, str], comma: bool) -> str:
    return f"{name['family']}{',' if comma else ''} {name['given']}"


def _direct(name: dict[str, str]) -> str:
    return f"{name['given']} {name['family']}"


def _et_al(item: Item) -> str:
    return "[et al.]" if item.get("language") == "en" else "[и др.]"


def gold_item(item: Item, authors: list[dict[str, str]]) -> Item:
    gold = {k: v for k, v in item.items() if k not in ("author", "language")}
    gold["author"] = authors
    return gold


def _locator_segments(item: Item, dash: str) -> Segments:
    """Volume/issue and pages of a component part in the item's own language."""
    english = item.get("language") == "en"
    segments: Segments = []
    parts = []
    if "volume" in item:
        parts.append(("Vol. " if english else "Т. ") + item["volume"])
    if "issue" in item:
        parts.append(("No. " if english else "№ ") + item["issue"])
    if parts:
        segments.append(("volume", f"{dash}{', '.join(parts)}."))
    if "page" in item:
        segments.append(("pages",
                         f"{dash}{'P.' if english else 'С.'} {item['page'].replace('-', '–')}."))
    return segments


def _imprint_segments(item: Item, place: str, year: str, dash: str) -> Segments:
    """"Place : Publisher, year." of a book or of a chapter's host; `dash` opens the area (2018)."""
    return [("location", f"{dash}{place} :"), ("publisher", f"{item['publisher']},"),
            ("date", f"{year}.")]


def _book_segments(item: Item, place: str, year: str, dash: str) -> Segments:
    """Edition, imprint, page count and ISBN of a book; `dash` opens each area (2018)."""
    segments: Segments = []
    if "edition" in item:
        segments.append(("edition", f"{dash}{item['edition']}-е изд."))
    segments.extend(_imprint_segments(item, place, year, dash))
    segments.append(("pages", f"{dash}{item['number-of-pages']} с."))
    if "ISBN" in item:
        segments.append(("isbn", f"{dash}ISBN {item['ISBN']}."))
    return segments


def _thesis_segments(item: Item, place: str, year: str, dash: str) -> Segments:
    """"Place, year. N с." of a thesis; `dash` opens each area (2018)."""
    return [("location", f"{dash}{place},"), ("date", f"{year}."),
            ("pages", f"{dash}{item['number-of-pages']} с.")]


def render_gost_2008(item: Item) -> Rendered:
    """GOST R 7.0.5-2008: heading for 1–3 authors, "/ first [и др.]" after the title for 4+."""
    authors = item["author"]
    segments: Segments = []
    shown = authors if len(authors) <= 3 else authors[:1]
    if len(authors) <= 3:
        segments.append(("author", ", ".join(_inverted(a, False) for a in authors)))
    title = item["title"]
    if item["type"] == "thesis":
        segments.append(("title", title))
        segments.append(("genre", f": {item['genre']}."))
    elif len(authors) > 3:
        segments.append(("title", title))
        component = item["type"] in ("article-journal", "chapter", "paper-conference")
        segments.append(("author", f"/ {_direct(authors[0])} {_et_al(item)}"
                                   + ("" if component else ".")))
    else:
        segments.append(("title", title + ("" if item["type"] in ("article-journal", "chapter",
                                                                  "paper-conference") else ".")))
    kind = item["type"]
    full_place: str = item.get("publisher-place", "")
    place = _CITY_2008.get(full_place, full_place)
    year = str(item["issued"]["date-parts"][0][0])
    if kind == "article-journal":
        segments.append(("journal", f"// {item['container-title']}."))
        segments.append(("date", f"{year}."))
        segments.extend(_locator_segments(item, ""))
        if "DOI" in item:
            segments.append(("doi", f"DOI: {item['DOI']}."))
    elif kind in ("chapter", "paper-conference"):
        segments.append(("container-title", f"// {item['container-title']}"))
        if "editor" in item:
            editor = item["editor"][0]
            segments.append(("editor", f"/ под ред. {editor['given']} {editor['family']}а."))
        else:
            segments[-1] = ("container-title", _end_with_period(segments[-1][1]))
        segments.extend(_imprint_segments(item, place, year, ""))
        segments.extend(_locator_segments(item, ""))
    elif kind == "book":
        segments.extend(_book_segments(item, place, year, ""))
    else:
        segments.extend(_thesis_segments(item, place, year, ""))
    return Rendered("gost-2008", segments, gold_item(item, shown))


def render_gost_2018(item: Item) -> Rendered:
    """GOST R 7.0.100-2018: "Фамилия, И. О." heading, "/ И. О. Фамилия" list, ". – " areas."""
    authors = item["author"]
    shown = authors if len(authors) <= 3 else authors[:3]
    dash = "– "
    segments: Segments = []
    if len(authors) <= 3:
        segments.append(("author", _inverted(authors[0], True)))
    title = item["title"]
    statement = ", ".join(_direct(a) for a in shown)
    if len(authors) > 3:
        statement += " " + _et_al(item)
    kind = item["type"]
    segments.append(("title", title))
    if kind == "thesis":
        segments.append(("genre", f": {item['genre']}"))
    segments.append(("author", f"/ {statement}."))
    year = str(item["issued"]["date-parts"][0][0])
    place = item.get("publisher-place", "")
    if kind in ("article-journal", "chapter", "paper-conference"):
        segments.append(("note", f"{dash}Текст : непосредственный"))
        label = "journal" if kind == "article-journal" else "container-title"
        host = f"// {item['container-title']}"
        if "editor" in item:
            editor = item["editor"][0]
            segments.append((label, host))
            segments.append(("editor", f"/ под редакцией {editor['given']} {editor['family']}а."))
        else:
            segments.append((label, _end_with_period(host)))
        if kind != "article-journal":
            segments.extend(_imprint_segments(item, place, year, dash))
        else:
            segments.append(("date", f"{dash}{year}."))
        segments.extend(_locator_segments(item, dash))
        if "DOI" in item:
            segments.append(("doi", f"{dash}DOI: {item['DOI']}."))
    else:
        maker = _book_segments if kind == "book" else _thesis_segments
        segments.extend(maker(item, place, year, dash))
        segments.append(("note", f"{dash}Текст : непосредственный."))
    return Rendered("gost-2018", segments, gold_item(item, shown))


def inject_defect(rendered: Rendered, rng: random.Random) -> Rendered:
    """One manuscript defect, applied inside the segment it belongs to (gold stays clean)."""
    segments = list(rendered.segments)
    choices = []
    for index, (label, text) in enumerate(segments):
        if label == "title" and " " in text:
            choices += [("glue", index), ("hyphenate", index)]
        if label == "doi":
            choices.append(("doi-space", index))
        if label == "pages" and "–" in text:
            choices.append(("page-space", index))
        if label == "author" and index == 0 and re.search(r"\w \w\.", text):
            choices.append(("glue-initials", index))
    if not choices:
        return rendered
    defect, index = rng.choice(choices)
    label, text = segments[index]
    if defect == "glue":
        spaces = [m.start() for m in re.finditer(r"(?<=\w) (?=\w)", text)]
        cut = rng.choice(spaces) if spaces else text.index(" ")
        text = text[:cut] + text[cut + 1:]
    elif defect == "hyphenate":
        words = [m for m in re.finditer(r"[^\W\d_]{8,}", text)]
        if words:
            word = rng.choice(words)
            cut = word.start() + len(word.group()) // 2
            text = text[:cut] + "- " + text[cut:]
    elif defect == "doi-space":
        slash = text.index("/")
        cut = text.index(".", slash) + 1 if "." in text[slash:-1] else slash + 1
        text = text[:cut] + " " + text[cut:]
    elif defect == "page-space":
        text = text.replace("–", rng.choice(["- ", " - ", "–"]), 1)
    else:
        text = re.sub(r"(\w) (\w\.)", r"\1\2", text, count=1)
    segments[index] = (label, text)
    return Rendered(rendered.style, segments, rendered.gold)
