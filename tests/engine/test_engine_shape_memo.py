"""The engine remembers, per parsed style, which branches a group takes and which groups
render nothing for items of one *shape* (type and the variables present), and leaves dates'
parts it rendered before in the render context (`flow_elements.planned_children`,
`Date_Part.render`). A wrongly keyed memo would leak one item's answer into another's: these
tests render items of equal and unequal shapes in both orders on one tree, where expected
strings follow CSL 1.0.2 (a group with a variable and none rendered is suppressed, a group
without variables is printed; a macro acts as a group)."""

from __future__ import annotations

from pathlib import Path

from citefmt.engine.loading import ParsedTree, parse_csl_bytes
from citefmt.engine.render import Renderer

HEAD = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" '
        'default-locale="en-US"><info><title>t</title><id>t</id>'
        "<updated>2025-01-01T00:00:00+00:00</updated></info>")

GROUPS = ('<macro name="lit"><group><text value="[Lit]"/></group></macro>'
          '<macro name="pub"><group delimiter=": "><text variable="publisher-place"/>'
          '<text variable="publisher"/></group></macro>'
          '<citation><layout><text variable="title"/></layout></citation>'
          "<bibliography><layout>"
          '<text variable="title"/>'
          '<group prefix=" (" suffix=")" delimiter=" "><text value="ed."/>'
          '<text variable="edition"/></group>'
          '<choose><if type="book"><text macro="pub" prefix=", "/></if>'
          '<else><text variable="container-title" prefix=", "/></else></choose>'
          '<text macro="lit" prefix=" "/>'
          "</layout></bibliography>")

ITEMS = [{"id": "a", "type": "book", "title": "One", "edition": "2", "publisher": "P"},
         {"id": "b", "type": "book", "title": "Two"},
         {"id": "c", "type": "book", "title": "Three", "edition": "3",
          "publisher-place": "L", "publisher": "Q"},
         {"id": "d", "type": "article-journal", "title": "Four", "container-title": "J"},
         {"id": "e", "type": "book", "title": "Five", "publisher-place": "M"}]

EXPECTED = {"a": "One (ed. 2), P [Lit]", "b": "Two [Lit]", "c": "Three (ed. 3), L: Q [Lit]",
            "d": "Four, J [Lit]", "e": "Five, M [Lit]"}


def tree(body: str) -> ParsedTree:
    return parse_csl_bytes((HEAD + body + "</style>").encode(), path=Path("t.csl"),
                           expect="style")


def texts(renderer: Renderer, items: list[dict[str, str]]) -> dict[str, str]:
    return {entry.id: entry.text for entry in renderer.bibliography(items).entries}


def test_groups_render_by_each_items_variables_whatever_was_rendered_before():
    renderer = Renderer(tree(GROUPS), locale="en-US", fmt="text")
    assert texts(renderer, ITEMS) == EXPECTED
    assert texts(renderer, list(reversed(ITEMS))) == EXPECTED
    for item in ITEMS:  # one at a time, on the tree the lists above warmed
        assert texts(renderer, [item]) == {item["id"]: EXPECTED[item["id"]]}


def test_a_fresh_tree_and_a_warm_tree_render_alike():
    warm = Renderer(tree(GROUPS), locale="en-US", fmt="text")
    texts(warm, list(reversed(ITEMS)))
    for item in ITEMS:
        cold = Renderer(tree(GROUPS), locale="en-US", fmt="text")
        assert texts(cold, [item]) == texts(warm, [item])


YEAR_SUFFIX = ('<macro name="author"><names variable="author"><name form="short"/></names>'
               "</macro>"
               '<citation disambiguate-add-year-suffix="true"><layout>'
               '<text macro="author"/></layout></citation>'
               "<bibliography><sort><key macro=\"author\"/><key variable=\"title\"/></sort>"
               '<layout><text macro="author"/>'
               '<date variable="issued" prefix=" "><date-part name="year"/></date>'
               '<group prefix="/"><text variable="year-suffix"/></group>'
               '<text variable="title" prefix=" "/></layout></bibliography>')


def test_a_year_suffix_given_after_sorting_is_printed():
    """Disambiguation gives `year-suffix` to items already sorted (and looked at): the
    group printing it must see the variable (CSL 1.0.2: year-suffix, a, b, … in
    bibliography order)."""
    items = [{"id": "x", "type": "book", "title": "B", "author": [{"family": "Doe"}],
              "issued": {"date-parts": [[2000]]}},
             {"id": "y", "type": "book", "title": "A", "author": [{"family": "Doe"}],
              "issued": {"date-parts": [[2000]]}},
             {"id": "z", "type": "book", "title": "C", "author": [{"family": "Roe"}],
              "issued": {"date-parts": [[2001]]}}]
    renderer = Renderer(tree(YEAR_SUFFIX), locale="en-US", fmt="text")
    entries = renderer.bibliography(items).entries
    assert [entry.text for entry in entries] == ["Doe 2000/a A", "Doe 2000/b B", "Roe 2001 C"]


NUMERIC = ('<citation><layout><text variable="title"/></layout></citation>'
           "<bibliography><layout>"
           '<group delimiter=". "><text variable="title"/>'
           '<group delimiter=" "><choose><if is-numeric="edition">'
           '<text value="numbered"/></if><else><text value="named"/></else></choose>'
           '<text variable="edition"/></group>'
           '<group delimiter=" "><text value="vol."/><text variable="volume"/></group>'
           "</group></layout></bibliography>")

NUMERIC_ITEMS = [{"id": "a", "type": "book", "title": "A", "edition": "2"},
                 {"id": "b", "type": "book", "title": "B", "edition": "Second"},
                 {"id": "c", "type": "book", "title": "C"},
                 {"id": "d", "type": "book", "title": "D", "volume": "4"}]

# CSL 1.0.2: `is-numeric` holds for "2", not for "Second" (same shape: both have an
# edition); without an edition the test fails and the group, whose only variable is empty,
# is suppressed with its fixed text; a group left with one printed variable prints it
NUMERIC_EXPECTED = {"a": "A. numbered 2", "b": "B. named Second", "c": "C",
                    "d": "D. vol. 4"}


def test_is_numeric_is_decided_by_the_shape_only_for_an_absent_variable():
    """An `is-numeric` test of a variable the item lacks is false whatever the value
    (`If.shape_only(keys)`), so the memo keeps that shape's branch; items of one shape
    with the variable present still test their own values."""
    renderer = Renderer(tree(NUMERIC), locale="en-US", fmt="text")
    assert texts(renderer, NUMERIC_ITEMS) == NUMERIC_EXPECTED
    assert texts(renderer, list(reversed(NUMERIC_ITEMS))) == NUMERIC_EXPECTED
    for item in NUMERIC_ITEMS:
        assert texts(renderer, [item]) == {item["id"]: NUMERIC_EXPECTED[item["id"]]}
