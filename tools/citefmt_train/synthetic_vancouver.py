"""Vancouver (NLM/ICMJE) and AMA renderings of synthetic records, in English and in Russian.

anystyle's data has English Vancouver lists but no Russian ones, while Russian journals print
Vancouver-shaped lists ("Иванов ИИ, Петрова АС. Заглавие. Хирургия. 2019;96(3):121-8.") as
often as GOST ones. These renderings teach the tagger both: names as "Family AB" or with dotted
initials "Family A.B.", abbreviated or full journal titles, the glued "year;volume(issue):pages"
block, books with "Place: Publisher; year", and the trailing identifiers (DOI, PMID, "(In Russ.)").
Segments carry anystyle's labels, so they train the same CRF as anystyle's own data; the usual
manuscript defects come from `synthetic.inject_defect`. A seed always gives the same strings.
"""

from __future__ import annotations

import random

from citefmt.model import Item
from citefmt_train import synthetic, vocabulary
from citefmt_train.synthetic import Rendered, Segments

_LATIN_INITIALS = "ABCDEFGHIJKLMNOPRSTVWYZ"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def generate(count: int, seed: int, *, defect_rate: float = 0.3) -> list[Rendered]:
    """`count` Vancouver/AMA strings, about half of them Russian, from records drawn by `seed`."""
    rng = random.Random(seed)
    out: list[Rendered] = []
    for _ in range(count):
        russian = rng.random() < 0.45
        record = _russian_record(rng) if russian else _english_record(rng)
        rendered = render(record, rng)
        if rng.random() < defect_rate:
            rendered = synthetic.inject_defect(rendered, rng)
        out.append(rendered)
    return out


def _english_record(rng: random.Random) -> Item:
    kind = rng.choices(["article-journal", "book", "chapter"], weights=[82, 10, 8])[0]
    year = rng.randint(1985, 2025)
    authors = [_english_person(rng) for _ in range(rng.choices([1, 2, 3, 4, 5, 6, 7],
                                                               [14, 18, 18, 16, 14, 12, 8])[0])]
    title = vocabulary.english_title(rng)
    item: Item = {"type": kind, "language": "en", "author": authors, "title": title,
                  "issued": {"date-parts": [[year]]}}
    _locators(item, rng, year, vocabulary.english_journal(rng)[1])
    return item


def _russian_record(rng: random.Random) -> Item:
    record = synthetic.random_record(rng)
    kind = "article-journal" if record["type"] in ("article-journal", "thesis",
                                                   "paper-conference") \
        else record["type"]
    item: Item = {"type": kind, "language": "ru", "author": record["author"],
                  "title": record["title"],
                  "issued": record["issued"]}
    year = record["issued"]["date-parts"][0][0]
    _locators(item, rng, year, vocabulary.russian_journal(rng))
    return item


def _locators(item: Item, rng: random.Random, year: int, journal: str) -> None:
    first = rng.randint(1, 2400)
    if item["type"] == "article-journal":
        item["container-title"] = journal
        item["volume"] = str(rng.randint(1, 400))
        if rng.random() < 0.75:
            item["issue"] = str(rng.randint(1, 24))
        item["page"] = (f"{first}-{first + rng.randint(2, 30)}" if rng.random() < 0.7
                        else rng.choice(["e", ""]) + str(rng.randint(1000, 999999)))
        if rng.random() < 0.6:
            item["DOI"] = synthetic.random_doi(rng, year)
    else:
        russian = item["language"] == "ru"
        item["publisher-place"] = (synthetic.russian_city(rng) if russian
                                   else rng.choice(vocabulary.latin_cities()))
        item["publisher"] = (vocabulary.russian_publisher(rng) if russian
                             else vocabulary.english_publisher(rng))
        if item["type"] == "chapter":
            item["container-title"] = (synthetic.book_title(rng) if russian
                                       else vocabulary.english_title(rng, 2, 5))
            item["editor"] = [_english_person(rng) if item["language"] == "en"
                              else synthetic.random_person(rng, False)]
            item["page"] = f"{first % 500 + 1}-{first % 500 + rng.randint(5, 40)}"
        elif rng.random() < 0.4:
            item["edition"] = str(rng.randint(2, 6))


def _english_person(rng: random.Random) -> dict[str, str]:
    family = rng.choice(vocabulary.latin_surnames())
    initials = "".join(rng.choice(_LATIN_INITIALS) for _ in range(rng.choice([1, 1, 2, 2, 2, 3])))
    return {"family": family, "given": " ".join(f"{c}." for c in initials)}


def _initials(given: str, dotted: bool) -> str:
    letters = [part.strip(".") for part in given.split()]
    return "".join(f"{x}." for x in letters) if dotted else "".join(letters)


def render(item: Item, rng: random.Random) -> Rendered:
    """One Vancouver/AMA string for `item`, with the shape details drawn from `rng`."""
    russian = item["language"] == "ru"
    dotted = russian and rng.random() < 0.5
    authors = item["author"]
    shown = authors if len(authors) <= 6 else authors[:rng.choice([3, 6])]
    names = ", ".join(f"{a['family']} {_initials(a['given'], dotted)}" for a in shown)
    if len(shown) < len(authors):
        names += ", " + ("и др." if russian and rng.random() < 0.7 else "et al.")
    segments: Segments = [("author", names + ("" if names.endswith(".") else "."))]
    segments.append(("title", item["title"] + "."))
    year = str(item["issued"]["date-parts"][0][0])
    if item["type"] == "article-journal":
        _article(item, rng, year, segments)
    else:
        _book(item, rng, year, segments, russian)
    if russian and rng.random() < 0.35:
        segments.append(("note", "(In Russ.)"))
    return Rendered("vancouver-ru" if russian else "vancouver", segments,
                    synthetic.gold_item(item, shown))


def _article(item: Item, rng: random.Random, year: str, segments: Segments) -> None:
    ama = rng.random() < 0.3
    segments.append(("journal", item["container-title"] + "."))
    date = year + (f" {rng.choice(_MONTHS)}" if rng.random() < 0.25 else "")
    locator = f";{item['volume']}" + (f"({item['issue']})" if "issue" in item else "") + ":"
    page = item["page"]
    if not ama and "-" in page:
        first, last = page.split("-")
        common = 0
        while common < len(first) - 1 and len(first) == len(last) and first[common] == last[common]:
            common += 1
        page = f"{first}-{last[common:]}"  # NLM elides the repeated leading digits: 121-128 → 121-8
    spaced = rng.random() < 0.15
    segments.append(("date", date))
    segments.append(("volume", locator.replace(";", "; ") if spaced else locator))
    segments.append(("pages", page + "."))
    if "DOI" in item:
        doi = item["DOI"]
        segments.append(("doi", rng.choice([f"doi:{doi}", f"doi: {doi}.", f"https://doi.org/{doi}",
                                           f"DOI: {doi}"])))
    if rng.random() < 0.3:
        segments.append(("note", f"PMID: {rng.randint(10000000, 40999999)}."))


def _book(item: Item, rng: random.Random, year: str, segments: Segments, russian: bool) -> None:
    if item["type"] == "chapter":
        editor = item["editor"][0]
        label = "под ред." if russian and rng.random() < 0.3 else "editor."
        segments.append(("editor",
                         f"In: {editor['family']} {_initials(editor['given'], False)}, {label}"))
        segments.append(("container-title", item["container-title"] + "."))
    if "edition" in item:
        segments.append(("edition", f"{item['edition']}-е изд." if russian else
                         f"{item['edition']}{_ordinal(int(item['edition']))} ed."))
    segments.append(("location", item["publisher-place"] + ":"))
    segments.append(("publisher", item["publisher"] + ";"))
    segments.append(("date", year + "."))
    if "page" in item:
        segments.append(("pages",
                         f"{'С.' if russian and rng.random() < 0.5 else 'p.'} {item['page']}."))


def _ordinal(number: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10, "th")
