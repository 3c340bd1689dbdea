"""What the engine keeps or skips to render faster must never carry one item's, one
style's or one option set's answer into another's (issue 11, part 4): the style's
page-range-format read once per element, cs:name options the per-list overrides do not set
read from the kept answers, names and dates built directly beside those citeproc-py's
reader builds. Each test renders unequal cases in both orders on warm trees; the expected
strings are CSL 1.0.2's (page-range-format examples of the specification's Appendix V;
name particles, et-al and dates as the specification and the CSL test suite's
name_ParseNames describe them)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from citefmt.engine.loading import ParsedTree, parse_csl_bytes
from citefmt.engine.render import Renderer

HEAD = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" '
        'default-locale="en-US"{options}><info><title>t</title><id>t</id>'
        "<updated>2025-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text variable="title"/></layout></citation>')

PAGES = '<bibliography><layout><text variable="page"/></layout></bibliography>'

#: CSL 1.0.2 Appendix V: the page-range-format examples
SPEC_RANGES = {
    "expanded": ["42–45", "321–328", "2787–2816"],
    "minimal": ["42–5", "321–8", "2787–816"],
    "minimal-two": ["42–45", "321–28", "2787–816"],
    "chicago": ["42–45", "321–28", "2787–2816"],
}


def tree(body: str, options: str = "") -> ParsedTree:
    return parse_csl_bytes((HEAD.format(options=options) + body + "</style>").encode(),
                           path=Path("t.csl"), expect="style")


def lines(renderer: Renderer, items: list[dict[str, object]]) -> list[str]:
    return [entry.text for entry in renderer.bibliography(items).entries]


def page_items(pages: list[str]) -> list[dict[str, object]]:
    return [{"id": f"p{n}", "type": "book", "title": "T", "page": page}
            for n, page in enumerate(pages)]


def test_page_range_format_of_each_style_interleaved():
    renderers = {form: Renderer(tree(PAGES, f' page-range-format="{form}"'),
                                locale="en-US", fmt="text") for form in SPEC_RANGES}
    items = page_items(["42-45", "321-328", "2787-2816"])
    for _ in range(2):  # warm trees, styles interleaved
        for form, expected in SPEC_RANGES.items():
            assert lines(renderers[form], items) == expected
        for form, expected in reversed(list(SPEC_RANGES.items())):
            assert lines(renderers[form], list(reversed(items))) == list(reversed(expected))


def test_single_ranges_lists_and_ampersands_alike():
    """A value of one range (the fast path) and values with "," and "&" (the pieces joined),
    in both orders on one tree."""
    renderer = Renderer(tree(PAGES, ' page-range-format="minimal"'), locale="en-US",
                        fmt="text")
    items = page_items(["42-45", "42-45, 321-328", "42-45 & 321-328", "7"])
    expected = ["42–5", "42–5, 321–8", "42–5 & 321–8", "7"]
    assert lines(renderer, items) == expected
    assert lines(renderer, list(reversed(items))) == list(reversed(expected))


NAMES = ('<bibliography et-al-min="3" et-al-use-first="1" name-as-sort-order="all" '
         'initialize-with=". " demote-non-dropping-particle="display-and-sort" '
         'delimiter-precedes-last="always">'
         '<layout><names variable="author"><name and="text" delimiter=", "/></names>'
         "</layout></bibliography>")


def person(family: str, given: str, **more: object) -> dict[str, object]:
    return {"family": family, "given": given, **more}


def test_parsed_particles_are_not_shared_between_unequal_names():
    """The same written name parsed (particle demoted after the given name) and not parsed
    (`parse-names: false`: the family name as written), in both orders."""
    renderer = Renderer(tree(NAMES), locale="en-US", fmt="text")
    items = [{"id": "a", "type": "book", "author": [person("van Gogh", "Vincent")]},
             {"id": "b", "type": "book",
              "author": [person("van Gogh", "Vincent", **{"parse-names": False})]},
             {"id": "c", "type": "book", "author": [person("Gogh", "Vincent", **{
                 "non-dropping-particle": "van"})]}]
    expected = ["Gogh, V. van", "van Gogh, V.", "Gogh, V. van"]
    assert lines(renderer, items) == expected
    assert lines(renderer, list(reversed(items))) == list(reversed(expected))
    assert lines(renderer, items[:1]) == expected[:1]


def test_inherited_name_options_with_and_without_per_list_overrides():
    """Lists shorter than et-al-min render with an override of et-al-min; every other
    option (inverted names, initials, "and", the delimiter before the last name) still
    comes from cs:bibliography."""
    renderer = Renderer(tree(NAMES), locale="en-US", fmt="text")
    doe, roe, poe = person("Doe", "John"), person("Roe", "Richard"), person("Poe", "Edgar")
    items = [{"id": "one", "type": "book", "author": [doe]},
             {"id": "two", "type": "book", "author": [doe, roe]},
             {"id": "three", "type": "book", "author": [doe, roe, poe]}]
    expected = ["Doe, J.", "Doe, J., and Roe, R.", "Doe, J. et al."]
    assert lines(renderer, items) == expected
    assert lines(renderer, list(reversed(items))) == list(reversed(expected))


DATES = ("<bibliography><layout>"
         '<choose><if is-uncertain-date="issued"><text value="ca. "/></if></choose>'
         '<date variable="issued"><date-part name="year"/>'
         '<date-part name="month" form="numeric-leading-zeros" prefix="-"/>'
         '<date-part name="day" form="numeric-leading-zeros" prefix="-"/></date>'
         "</layout></bibliography>")


def test_dates_read_directly_and_through_citeproc_py_alike():
    """Integer date-parts (read directly) beside string parts, an uncertain date and a
    range (read by citeproc-py), in both orders (CSL 1.0.2: date-parts, is-uncertain-date,
    a range's parts joined by an en dash)."""
    renderer = Renderer(tree(DATES), locale="en-US", fmt="text")
    issued = [{"date-parts": [[2001, 2, 3]]}, {"date-parts": [[2001]]},
              {"date-parts": [["2001", "2"]]}, {"date-parts": [[1999, 5]], "circa": True},
              {"date-parts": [[2001, 2, 3], [2001, 2, 9]]}]
    items = [{"id": f"d{n}", "type": "book", "issued": date} for n, date in enumerate(issued)]
    expected = ["2001-02-03", "2001", "2001-02", "ca. 1999-05", "2001-02-03–09"]
    assert lines(renderer, items) == expected
    assert lines(renderer, list(reversed(items))) == list(reversed(expected))


def rendered_again(render: Callable[[], list[str]]) -> tuple[list[str], list[str], set[str]]:
    """(the first render's output, a second's, the kinds of objects the second left in
    reference cycles for the collector)."""
    first = render()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        again = render()
        gc.collect()
        kinds = {type(found).__name__ for found in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    return first, again, kinds


def test_a_rendered_bibliography_leaves_no_reference_cycles():
    """The render's cites, references and names are freed when it returns, not left in
    reference cycles for the collector (which a process would pay for at its exit); the
    entries of a second render are those of the first."""
    renderer = Renderer(tree(NAMES), locale="en-US", fmt="text")
    items = [{"id": f"i{n}", "type": "book", "author": [person("Doe", "John")],
              "title": "T"} for n in range(3)]
    first, again, kinds = rendered_again(lambda: lines(renderer, items))
    assert again == first == ["Doe, J."] * 3
    assert not kinds & {"BoundCitationItem", "Citation", "DefaultLanguageReference", "Name"}


def test_rendered_citations_leave_no_reference_cycles():
    """The same for citation clusters: citeproc-py links each cite to its citation and the
    citation to its cites; the render unlinks them, so a long-running process rendering many
    citation sets frees each as it returns."""
    renderer = Renderer(tree(PAGES), locale="en-US", fmt="text")
    items = [{"id": f"i{n}", "type": "book", "title": f"T{n}"} for n in range(3)]
    clusters = [["i0", "i1"], ["i2"]]
    first, again, kinds = rendered_again(lambda: renderer.citations(items, clusters).texts)
    assert again == first == ["T0T1", "T2"]  # the layout sets no delimiter
    assert not kinds & {"BoundCitationItem", "Citation", "DefaultLanguageReference"}
