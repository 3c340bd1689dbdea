"""One language rule for readers and engine (issue #12 part 3): a declared language wins, the
script guess is the fallback, with one threshold."""

from __future__ import annotations

import pytest

from citefmt.engine import render_bibliography
from citefmt.language import CYRILLIC_SHARE, detect_language, item_language


@pytest.mark.parametrize("item, language", [
    ({"language": "en", "title": "Рубцы кожи"}, "en"),          # declared wins over script
    ({"language": "ru-RU", "title": "Skin scars"}, "ru"),
    ({"language": "rus", "title": "x"}, "ru"),
    ({"langid": "french", "title": "Рубцы"}, "fr"),              # BibLaTeX babel name
    ({"langid": "ngerman"}, "de"),
    ({"language": "", "title": "Рубцы кожи"}, "ru"),             # empty: guessed
    ({"title": "Skin scars", "container-title": "Хирургия"}, "en"),
])
def test_declared_language_wins_and_script_is_the_fallback(item, language):
    assert item_language(item) == language


def test_urls_and_dois_do_not_outvote_a_russian_reference():
    line = ("Иванов И. И. Рубцы кожи // Хирургия. 2020. № 3. С. 5. "
            "DOI: 10.1234/abcdefghijklmnop.2020.3.5. URL: https://www.example.com/longpathname")
    assert detect_language(line) == "ru"
    assert CYRILLIC_SHARE == 0.5


def test_engine_layout_follows_the_declared_language():
    # the same Cyrillic title declared English takes the English layout's terms
    item = {"id": "a", "type": "article-journal", "title": "Рубцы", "language": "en",
            "container-title": "Хирургия", "issued": {"date-parts": [[2020]]},
            "volume": "3", "page": "5-9"}
    text = render_bibliography([item], "gost-r-7.0.5-2008").entries[0].text
    assert text == "1. Рубцы // Хирургия. 2020. Vol.\u00a03. P.\u00a05–9."


def test_bibtex_reader_uses_the_same_declared_language_rule():
    from citefmt.api import read_text

    bib = ("@book{a, title={Le vocabulaire}, langid={french}, year=2006}\n"
           "@book{b, title={Words}, langid={USenglish}, year=2006}\n"
           "@book{c, title={Bücher}, langid={ngerman}, year=2006}\n")
    items = [r.item for r in read_text(bib, source="x.bib").records]
    assert [item["language"] for item in items] == ["fr", "en", "de"]
