"""Vocabulary for the synthetic training strings, drawn from public word and name lists.

The generators need surnames, title words, journal names, places and publishers. They come from
two maintained public data sets rather than from any reference list citefmt is evaluated on:

* Faker (MIT; pinned in the `train` extra): its person, lorem and address providers for ru_RU,
  uk_UA, en_US, de_DE, fr_FR, it_IT, es_ES, pt_BR, pl_PL and nl_NL — real surname frequency lists,
  real Russian city names and common-word lists for titles;
* the ISSN Centre's List of Title Word Abbreviations as shipped by pyiso4 (its abbreviator gives
  the ISO 4 / NLM short form of each invented journal title).

Only a handful of genre words are written here ("Вестник", "Journal", degree abbreviations of GOST
7.0.12): they belong to the standards, not to any one reference list. Every list is sorted so a
seeded `random.Random` draws the same strings for the same Faker and pyiso4 versions.
"""

from __future__ import annotations

import csv
import importlib
import random
from functools import lru_cache
from pathlib import Path

import pyiso4
from pyiso4.ltwa import Abbreviate

_LATIN_LOCALES = ("en_US", "de_DE", "fr_FR", "it_IT", "es_ES", "pt_BR", "pl_PL", "nl_NL")
_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüýćčęłńśźżš'- ")

#: genre words that open Russian journal and series titles (ГОСТ 7.0.12 abbreviates them all)
RU_JOURNAL_HEADS = ("Вестник", "Журнал", "Известия", "Вопросы", "Проблемы", "Бюллетень",
                    "Анналы", "Труды", "Записки", "Обзор", "Успехи", "Доклады")
#: English journal title patterns; {0} and {1} are LTWA title words
EN_JOURNAL_PATTERNS = ("Journal of {0}", "Journal of {0} and {1}", "{0} {1}",
                       "International Journal of {0}", "Annals of {0}", "{0} Research",
                       "Archives of {0} {1}", "{0} Reports", "European Journal of {0}",
                       "Current Opinion in {0}", "Advances in {0} {1}", "{0} Letters")
#: degree statements of Russian dissertations (ГОСТ 7.0.12 abbreviations)
DEGREES = ("канд. мед. наук", "д-ра мед. наук", "канд. биол. наук", "канд. техн. наук",
           "канд. экон. наук", "канд. физ.-мат. наук", "д-ра техн. наук", "канд. филол. наук",
           "канд. ист. наук", "канд. пед. наук")
#: headings of Russian conference proceedings
RU_CONFERENCE_HEADS = ("Актуальные проблемы", "Современные вопросы", "Научные чтения",
                       "Перспективы развития", "Молодёжная наука")


def _provider(kind: str, locale: str) -> type:
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def russian_surnames() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(masculine, feminine) surnames of Faker's ru_RU frequency lists, sorted."""
    person = _provider("person", "ru_RU")
    return tuple(sorted(set(person.last_names_male))), tuple(sorted(set(person.last_names_female)))


@lru_cache(maxsize=1)
def latin_surnames() -> tuple[str, ...]:
    """Latin-script surnames from eight locales, compound ones ("van der Berg", "Abad Abella")
    included as their lists have them."""
    names: set[str] = set()
    for locale in _LATIN_LOCALES:
        for name in _provider("person", locale).last_names:
            if set(name.lower()) <= _LATIN_LETTERS and "," not in name and len(name) > 1:
                names.add(name)
    return tuple(sorted(names))


@lru_cache(maxsize=1)
def russian_words() -> tuple[str, ...]:
    return tuple(sorted(set(_provider("lorem", "ru_RU").word_list)))


@lru_cache(maxsize=1)
def english_words() -> tuple[str, ...]:
    return tuple(sorted(w for w in set(_provider("lorem", "en_US").word_list) if len(w) > 2))


@lru_cache(maxsize=1)
def russian_cities() -> tuple[str, ...]:
    """Russian towns as Faker lists them, without its region notes ("Агинское (Забайк.)")."""
    cities = _provider("address", "ru_RU").city_names
    return tuple(sorted({c for c in cities if "(" not in c and " " not in c}))


@lru_cache(maxsize=1)
def latin_cities() -> tuple[str, ...]:
    """Real cities of Faker's de_DE, fr_FR and it_IT lists."""
    cities: set[str] = set()
    for locale in ("de_DE", "fr_FR", "it_IT"):
        provider = _provider("address", locale)
        cities.update(getattr(provider, "cities", ()))
    return tuple(sorted(c for c in cities if set(c.lower()) <= _LATIN_LETTERS))


@lru_cache(maxsize=1)
def title_words() -> tuple[str, ...]:
    """Whole English title words of the LTWA (no stems, no multi-word entries)."""
    path = Path(pyiso4.__file__).with_name("LTWA_20210702.csv")
    words: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            word = row["WORD"].strip()
            if ("eng" in row["LANGUAGE CODES"] and word.isalpha() and word[0].isupper()
                    and len(word) > 3 and row["ABBREVIATIONS"] != "n.a."):
                words.add(word)
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def _abbreviator() -> Abbreviate:
    return Abbreviate.create()


def english_journal(rng: random.Random) -> tuple[str, str]:
    """An invented English journal title and its NLM abbreviation (ISO 4 without periods)."""
    words = title_words()
    title = rng.choice(EN_JOURNAL_PATTERNS).format(rng.choice(words), rng.choice(words))
    short = _abbreviator()(title, remove_part=True).replace(".", "")
    return title, short


def russian_title(rng: random.Random, low: int = 3, high: int = 8) -> str:
    words = [rng.choice(russian_words()) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def english_title(rng: random.Random, low: int = 4, high: int = 10) -> str:
    words = [rng.choice(english_words()) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def russian_journal(rng: random.Random) -> str:
    words = " ".join(rng.choice(russian_words()) for _ in range(rng.randint(1, 3)))
    return f"{rng.choice(RU_JOURNAL_HEADS)} {words}"


def russian_publisher(rng: random.Random) -> str:
    """A publisher name in the forms Russian imprints take: a word, or "Изд-во" + a town."""
    if rng.random() < 0.3:
        return f"Изд-во {rng.choice(russian_cities())}"
    return rng.choice(russian_words()).capitalize()


def english_publisher(rng: random.Random) -> str:
    """"Surname", "Surname & Surname" or "Surname Press" — the shapes of English imprints."""
    names = latin_surnames()
    shape = rng.random()
    if shape < 0.4:
        return rng.choice(names)
    if shape < 0.7:
        return f"{rng.choice(names)} & {rng.choice(names)}"
    return f"{rng.choice(names)} {rng.choice(('Press', 'Publishing', 'Verlag', 'Books'))}"
