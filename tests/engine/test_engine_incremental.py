"""The incremental citation API (`engine/incremental.py`) and cite positions by note numbers
(`engine/positions.py`), driven directly, with styles and items of the CSL test suite's
fixtures and the texts those fixtures expect from citeproc-js.

Gap: citeproc-py renders a fixed list of citations once, placing cites by the cites rendered
before them in the same call, without notes: no "supra note 2", no ibid between two
citations of one footnote, and nothing to insert a citation before others with."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

import pytest
from helpers import REPO, shared_path

from citefmt.engine.incremental import CitationCluster, CitationDocument, ClusterUpdate
from citefmt.engine.loading import parse_csl_bytes
from citefmt.engine.positions import (
    FIRST,
    IBID,
    IBID_WITH_LOCATOR,
    SUBSEQUENT,
    CitePosition,
    PlacedCitation,
    PlacedCite,
    cite_positions,
    given_position,
)
from citefmt.engine.render import Renderer


@cache
def load_conformance_module():
    spec = importlib.util.spec_from_file_location("citefmt_bench_conformance",
                                                  REPO / "bench" / "conformance.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def document(fixture_name: str) -> CitationDocument:
    """A document in the fixture's style over the fixture's items (HTML, as the suite)."""
    conformance = load_conformance_module()
    fixture = conformance.parse_fixture(
        Path(shared_path("csl-test-suite")) / "humans" / f"{fixture_name}.txt")
    tree = parse_csl_bytes(fixture.csl.encode("utf-8"), path=Path(fixture_name),
                           expect="style")
    renderer = Renderer(tree, locale=tree.root.get("default-locale") or "en-US", fmt="html")
    return CitationDocument(renderer, fixture.items)


def cluster(cluster_id: str, note: int, *cites: tuple[str, str | None]) -> CitationCluster:
    return CitationCluster(cluster_id, tuple(
        {"id": item} if locator is None else {"id": item, "locator": locator}
        for item, locator in cites), note)


def test_insert_before_an_ibid_turns_it_into_ibid_of_the_new_cite():
    # integration_IbidOnInsert: "(Noakes p. 34)" inserted in note 2 before another
    # "(Noakes p. 34)", which becomes "(Ibid.)"; "(Snoakes p. 45)" moves to note 4 unchanged
    doc = document("integration_IbidOnInsert")
    doc.insert(cluster("C1", 1, ("ITEM-1", "12")))
    doc.insert(cluster("C2", 2, ("ITEM-3", "34")))
    doc.insert(cluster("C3", 3, ("ITEM-4", "45")))
    updates = doc.insert(cluster("C4", 2, ("ITEM-3", "34")), 1, renumber={"C2": 3, "C3": 4})
    assert updates == [ClusterUpdate(1, "C4", "(Noakes p. 34)"),
                       ClusterUpdate(2, "C2", "(Ibid.)")]
    assert doc.texts() == ["(Doe p. 12)", "(Noakes p. 34)", "(Ibid.)", "(Snoakes p. 45)"]
    assert [c.note for c in doc.clusters] == [1, 2, 3, 4]


def test_removing_the_inserted_cluster_gives_the_full_cite_back():
    doc = document("integration_IbidOnInsert")
    doc.insert(cluster("C1", 1, ("ITEM-1", "12")))
    doc.insert(cluster("C2", 2, ("ITEM-3", "34")))
    doc.insert(cluster("C4", 2, ("ITEM-3", "34")), 1, renumber={"C2": 3})
    assert doc.remove("C4", renumber={"C2": 2}) == [ClusterUpdate(1, "C2", "(Noakes p. 34)")]
    assert doc.texts() == ["(Doe p. 12)", "(Noakes p. 34)"]
    with pytest.raises(KeyError):
        doc.remove("C4")


def test_a_new_first_note_renumbers_every_back_reference():
    # integration_FirstReferenceNoteNumberPositionChange: every cluster is sent again, the
    # first cites too (their item's first-reference-note-number changed)
    doc = document("integration_FirstReferenceNoteNumberPositionChange")
    for number, item in enumerate(("ITEM-1", "ITEM-2", "ITEM-1", "ITEM-2"), start=1):
        doc.insert(cluster(f"C{number}", number, (item, None)))
    assert doc.texts()[2:] == ["Doe, supra note 1.", "Roe, supra note 2."]
    updates = doc.insert(cluster("C5", 1, ("ITEM-3", None)), 0,
                         renumber={"C1": 2, "C2": 3, "C3": 4, "C4": 5})
    assert [(u.index, u.text) for u in updates] == [
        (0, "Snoakes, “Life of Snoakes” (1902)."),
        (1, "Doe, “Life of Doe” (1901)."),
        (2, "Roe, “Life of Roe” (1900)."),
        (3, "Doe, supra note 2."),
        (4, "Roe, supra note 3.")]


def test_editing_a_cluster_in_place_recomputes_year_suffixes():
    # integration_YearSuffixOnOffOn: suffixes go when the third cite is taken out and come
    # back, for four items, when cites are added again
    doc = document("integration_YearSuffixOnOffOn")
    doc.insert(cluster("C1", 0, ("ITEM-1", None), ("ITEM-2", None), ("ITEM-3", None)))
    doc.edit(cluster("C1", 0, ("ITEM-1", None), ("ITEM-2", None)))
    updates = doc.edit(cluster("C1", 0, *((f"ITEM-{n}", None) for n in range(1, 5))))
    assert updates == [ClusterUpdate(
        0, "C1", "Smith (1986a); Smith (1986b); Smith (1986c); Smith (1986d)")]


def test_process_citation_cluster_deletes_clusters_not_named():
    # bugreports_OverwriteCitationItems: CITATION-1 sent again with new cites, before
    # CITATION-2
    doc = document("bugreports_OverwriteCitationItems")
    doc.process_citation_cluster({"citationID": "CITATION-1", "citationItems": [
        {"id": "ITEM-1"}], "properties": {"noteIndex": 0}}, [], [])
    doc.process_citation_cluster({"citationID": "CITATION-2", "citationItems": [
        {"id": "ITEM-2"}, {"id": "ITEM-3"}], "properties": {"noteIndex": 0}},
        [["CITATION-1", 0]], [])
    updates = doc.process_citation_cluster({"citationID": "CITATION-1", "citationItems": [
        {"id": "ITEM-4"}, {"id": "ITEM-5"}], "properties": {"noteIndex": 0}},
        [], [["CITATION-2", 0]])
    assert updates == [ClusterUpdate(0, "CITATION-1", "Title Four; Title Five")]
    assert doc.texts() == ["Title Four; Title Five", "Title Two; Title Three"]
    doc.process_citation_cluster({"citationID": "CITATION-3", "citationItems": [
        {"id": "ITEM-1"}]}, [["CITATION-2", 0]], [])
    assert [c.id for c in doc.clusters] == ["CITATION-2", "CITATION-3"]


def test_bibliography_of_the_items_cited_now():
    # bugreports_AutomaticallyDeleteItemsFails: an item no longer cited leaves the list
    doc = document("bugreports_AutomaticallyDeleteItemsFails")
    doc.insert(cluster("C1", 0, ("ITEM-1", None), ("ITEM-2", None), ("ITEM-3", None)))
    doc.edit(cluster("C1", 0, ("ITEM-1", None), ("ITEM-2", None)))
    # (the fixture's right-inline blocks begin with the layout's space)
    assert [entry.body for entry in doc.bibliography().entries] == [
        " J. Doe, <i>Book A</i>, 2000.", " J. Doe, <i>Book B</i>, 2000."]


def placed(note: int, *keys: str, locator: str = "") -> PlacedCitation:
    return PlacedCitation(note, [PlacedCite(key, locator) for key in keys])


def test_note_numbers_that_start_again_forget_earlier_cites():
    # position_ResetNoteNumbers, final document: "Book A (note 1)", "Book C (note 1)",
    # "Book A, n 1", "ibid", "Book C, n 1", "Book A, n 1", "Book C, n 1", "Book A, n 1"
    notes = [1, 1, 2, 2, 3, 3, 4, 5]
    keys = ["A", "C", "A", "A", "C", "A", "C", "A"]
    found = cite_positions([placed(n, k) for n, k in zip(notes, keys, strict=True)])
    assert [p[0] for p in found] == [
        CitePosition(FIRST), CitePosition(FIRST),
        CitePosition(SUBSEQUENT, 1, True), CitePosition(IBID, 1, True),
        CitePosition(SUBSEQUENT, 1, True), CitePosition(SUBSEQUENT, 1, True),
        CitePosition(SUBSEQUENT, 1, True), CitePosition(SUBSEQUENT, 1, True)]
    # a lower note number than the one before: the same item is first again
    again = cite_positions([placed(1, "A"), placed(2, "A"), placed(1, "A")])
    assert [p[0].position for p in again] == [FIRST, IBID, FIRST]


def test_ibid_needs_a_previous_note_with_that_cite_alone():
    # position_IbidWithMultipleSoloCitesInBackref: "Aalto", "Álvarez" in note 1; "Álvarez"
    # in note 2 is not ibid (note 1 holds two cites); in note 3 it is ("Ibid.")
    found = cite_positions([placed(1, "aalto"), placed(1, "alvarez"), placed(2, "alvarez"),
                            placed(3, "alvarez")])
    assert [p[0].position for p in found] == [FIRST, FIRST, SUBSEQUENT, IBID]


def test_running_text_and_notes_are_separate_streams():
    # position_IbidInText: a citation in the running text after one in a note is ibid of
    # the running text's citation before it
    found = cite_positions([placed(0, "A"), placed(1, "B"), placed(0, "A")])
    assert [p[0].position for p in found] == [FIRST, FIRST, IBID]


def test_locators_decide_between_ibid_and_ibid_with_locator():
    # integration_SimpleIbid: the same locator is plain ibid ("Noakes p. 34; ibid.")
    same = cite_positions([PlacedCitation(2, [PlacedCite("N", "34", "page"),
                                              PlacedCite("N", "34", "page")])])
    assert same[0][1].position == IBID
    other = cite_positions([placed(1, "N"), placed(2, "N", locator="12")])
    assert other[1][0].position == IBID_WITH_LOCATOR
    dropped = cite_positions([placed(1, "N", locator="12"), placed(2, "N")])
    assert dropped[1][0].position == SUBSEQUENT


def test_near_note_counts_notes_back_to_the_last_cite():
    # position_NearNoteSameNote (near-note-distance 0): only a cite in the same note is near
    found = cite_positions([placed(1, "A", "A"), placed(2, "B"), placed(3, "B", "A")], 0)
    assert found[0][1].near_note and not found[2][0].near_note
    assert not found[2][1].near_note
    assert cite_positions([placed(1, "A"), placed(6, "A")])[1][0].near_note
    assert not cite_positions([placed(1, "A"), placed(7, "A")])[1][0].near_note


def test_ambiguity_is_judged_on_the_subsequent_form():
    # bugreports_OldMhraDisambiguationFailure: two books by John Doe differ in their first
    # cites but not as "Doe": the later cites show the titles; the first citation is sent
    # again (its items are now cited by two clusters, and the style tests disambiguate)
    doc = document("bugreports_OldMhraDisambiguationFailure")
    doc.insert(cluster("C1", 1, ("ITEM-1", None), ("ITEM-2", None)))
    updates = doc.insert(cluster("C2", 2, ("ITEM-1", None), ("ITEM-2", None)))
    assert updates == [
        ClusterUpdate(0, "C1", "John Doe, <i>Book A</i>, 2000; John Doe, <i>Book B</i>, 2000."),
        ClusterUpdate(1, "C2", "Doe, Book A; Doe, Book B.")]


def test_an_item_whose_disambiguation_changed_is_resent():
    # disambiguate_DisambiguationHang: a third Caminiti paper changes the names the first two
    # need, though their first cites print all five names either way (the fixture writes
    # "&" as "&#38;", citefmt as "&amp;": the same character)
    doc = document("disambiguate_DisambiguationHang")
    doc.insert(cluster("C1", 0, ("ITEM-1", None)))
    doc.insert(cluster("C2", 0, ("ITEM-2", None)))
    updates = doc.insert(cluster("C3", 0, ("ITEM-3", None)))
    assert [(u.index, u.text) for u in updates] == [
        (0, "(Caminiti, Johnson, Burnod, Galli, &amp; Ferraina 1990a)"),
        (1, "(Caminiti, Johnson, Burnod, Galli, &amp; Ferraina 1990b)"),
        (2, "(Caminiti, Johnson, &amp; Urbano 1990)")]


def test_disambiguate_conditions_open_one_at_a_time():
    # disambiguate_IncrementalExtraText: the title tells "Book One" from "Book Two"; only
    # the two "Complete Works" need the edition as well
    doc = document("disambiguate_IncrementalExtraText")
    for number in range(5):
        doc.insert(cluster(f"C{number}", 0, (f"ITEM-{number}", None)))
    assert doc.texts() == ["Yost Trisk", "John Smith, Book One", "John Smith, Book Two",
                           "John Smith, Complete Works, ed. 5",
                           "John Smith, Complete Works, ed. 6"]


def test_a_cite_may_carry_its_own_position():
    # citeproc-js's citation items may say where the cite stands (position 1: subsequent;
    # 3: ibid-with-locator), as CSL test suite position_IbidWithLocator and
    # bugreports_DemoPageFullCiteCruftOnSubsequent do
    found = CitePosition(FIRST)
    assert given_position(found, {"position": 1}) == CitePosition(SUBSEQUENT)
    assert given_position(found, {"position": 3, "near-note": True}) == CitePosition(
        IBID_WITH_LOCATOR, 0, True)
    assert given_position(found, {"position": "ibid", "first-reference-note-number": 4}) \
        == CitePosition(IBID, 4)
    assert given_position(found, {"position": 9}) == found
    doc = document("bugreports_DemoPageFullCiteCruftOnSubsequent")
    doc.insert(CitationCluster("C1", ({"id": "ITEM-6", "position": 1},), 1))
    assert doc.texts() == ["Malone and U.S. Bureau of the Census, <i>Evaluating Components "
                           "of International Migration: Consistency of 2000 Nativity "
                           "Data</i>."]


def test_a_cluster_named_among_the_others_is_not_doubled():
    doc = document("integration_SimpleIbid")
    doc.process_citation_cluster({"citationID": "A", "citationItems": [{"id": "ITEM-1"}],
                                  "properties": {"noteIndex": 1}}, [], [])
    doc.process_citation_cluster({"citationID": "A", "citationItems": [{"id": "ITEM-2"}],
                                  "properties": {"noteIndex": 1}}, [["A", 1]], [["A", 1]])
    assert [c.id for c in doc.clusters] == ["A"]
    assert doc.remove("A") == [] and doc.texts() == []
