"""The held-out corpora's gold comes from the annotators' markup, read exactly as marked."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from helpers import REPO

from citefmt_train import annotated

# one <bibl> in GROBID's TEI form (kermitt2/grobid, grobid-trainer/resources/dataset/citation,
# Apache-2.0): the first reference of evaluation-citation-arXive.org.tei.xml
GROBID_BIBL = (b'<listBibl xmlns="http://www.tei-c.org/ns/1.0"><bibl>'
               b'<author>F. Berruto, L. Giusti, C. Hoelbling and C. Rebbi</author>, '
               b'<title level="j">Phys. Rev. D</title> '
               b'<biblScope unit="volume">65</biblScope>, <biblScope unit="page">094516'
               b'</biblScope> (<date>2002</date>) [<idno type="arxiv">hep-lat/0201010</idno>].'
               b'</bibl></listBibl>')
# one SciELO <ref> (scieloorg/packtools tests/samples/0034-8910-rsp-48-2-0216.xml, BSD-2-Clause)
SCIELO_REF = b"""<article><back><ref-list><ref id="B2"><label>2</label>
<mixed-citation>. Alexopoulos GS. Depression in the elderly. <italic>Lancet.</italic>
2005;365(9475):1961-70. DOI:10.1016/S0140-6736(05)66665-2</mixed-citation>
<element-citation publication-type="journal"><person-group><name><surname>Alexopoulos</surname>
<given-names>GS</given-names></name></person-group><article-title xml:lang="en">Depression in the
elderly</article-title><source>Lancet</source><year>2005</year><volume>365</volume>
<issue>9475</issue><fpage>1961</fpage><lpage>1970</lpage><publisher-name>Elsevier
</publisher-name><pub-id pub-id-type="doi">10.1016/S0140-6736(05)66665-2</pub-id>
</element-citation></ref></ref-list></back></article>"""


def test_grobid_gold_is_the_marked_fields() -> None:
    [record] = list(annotated._grobid_records("x.xml", GROBID_BIBL))
    assert record["text"] == ("F. Berruto, L. Giusti, C. Hoelbling and C. Rebbi, Phys. Rev. D 65, "
                              "094516 (2002) [hep-lat/0201010].")
    assert record["gold"] == {"author-span": "F. Berruto, L. Giusti, C. Hoelbling and C. Rebbi",
                              "container-title": "Phys. Rev. D", "volume": "65",
                              "page": "094516", "issued": {"date-parts": [[2002]]}}
    # cut as anystyle's annotators cut: closing punctuation ends a segment, an opening bracket
    # begins the next one
    assert record["segments"] == [
        ("author", "F. Berruto, L. Giusti, C. Hoelbling and C. Rebbi,"),
        ("journal", "Phys. Rev. D"), ("volume", "65,"), ("pages", "094516"),
        ("date", "(2002)"), ("note", "[hep-lat/0201010].")]


def test_scielo_gold_is_the_element_citation_as_printed() -> None:
    [record] = list(annotated._jats_records("y.xml", SCIELO_REF))
    assert record["text"].startswith("Alexopoulos GS. Depression in the elderly. Lancet.")
    assert record["gold"] == {
        "author": [{"family": "Alexopoulos", "given": "GS"}],
        "title": "Depression in the elderly", "container-title": "Lancet",
        "type": "article-journal", "issued": {"date-parts": [[2005]]}, "volume": "365",
        "issue": "9475", "page": "1961-1970", "DOI": "10.1016/S0140-6736(05)66665-2"}
    # the publisher's name is in the markup, not in the printed string: not gold


def test_a_printed_doi_the_markup_lacks_is_not_scored() -> None:
    """The element-citation of this reference has no pub-id: the DOI the string prints is not
    gold, so the scorer neither rewards nor charges a parser that reads it."""
    ref = SCIELO_REF.replace(b'<pub-id pub-id-type="doi">10.1016/S0140-6736(05)66665-2</pub-id>',
                             b"")
    [record] = list(annotated._jats_records("y.xml", ref))
    assert "DOI" not in record["gold"] and record["gold"]["doi-unmarked"] is True


def test_split_is_the_written_hash_rule() -> None:
    for key in ("grobid-trainer/resources/dataset/citation/corpus/a.xml", "b", "c"):
        bucket = hashlib.sha256(key.encode()).digest()[0] % 10
        expected = "train" if bucket < 6 else "dev" if bucket < 8 else "test"
        assert annotated.split_of(key) == expected
    splits = {annotated.split_of(str(n)) for n in range(200)}
    assert splits == {"train", "dev", "test"}


def test_manifest_pins_commits_and_checksums() -> None:
    manifest = json.loads((REPO / "eval" / "heldout_manifest.json").read_text(encoding="utf-8"))
    assert [s["repo"] for s in manifest["sources"]][:3] == ["kermitt2/grobid",
                                                              "scieloorg/packtools",
                                                              "PLOS/allofplos"]
    # the GOST group's thesis repositories (rendered by biblatex-gost): each with its licence
    assert {s["kind"] for s in manifest["sources"][3:]} == {"biblatex-bib"}
    for source in manifest["sources"]:
        assert len(source["commit"]) == 40 and source["licence"]
        assert all(len(f["sha256"]) == 64 for f in source["files"])


def test_author_span_words_leave_initials_out_however_printed() -> None:
    """GROBID marks "Hsieh S, Leaderer BP" as a span: its name words are the surnames, whether
    the initials are printed "BP" or "B. P." (bench/refparse_heldout.py)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("refparse_heldout",
                                                  REPO / "bench" / "refparse_heldout.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    gold = {"author-span": "Roe S, Vega BP, McKay LA"}
    parsed = {"author": [{"family": "Roe", "given": "S."}, {"family": "Vega", "given": "B. P."},
                         {"family": "McKay", "given": "L. A."}]}
    assert module.compare(gold, parsed)["author"].tp == 1
    parsed["author"] = parsed["author"][:2]
    assert module.compare(gold, parsed)["author"].tp == 0


# one PLOS tagged <mixed-citation> (PLOS/allofplos,
# allofplos/starter_corpus/journal.ppat.1005207.xml, MIT), shortened to two names; surname and
# given-names written without a space, as in many PLOS files, and a suffix glued to the initials
PLOS_REF = (b'<article><back><ref-list><ref id="r1"><label>1</label><mixed-citation '
            b'publication-type="journal"><name name-style="western"><surname>Sansregret</surname>'
            b'<given-names>R</given-names></name>, <name name-style="western"><surname>Miller'
            b'</surname><given-names>ER</given-names><suffix>3rd</suffix></name>, <etal>et al'
            b'</etal>. (<year>2013</year>) <article-title>Extreme Resistance as a Host Defense'
            b'</article-title>. <source>PLoS Pathog</source> <volume>9</volume>(<issue>6</issue>):'
            b' <fpage>e1003435</fpage>. <comment>doi: <ext-link ext-link-type="uri">'
            b'10.1371/journal.ppat.1003435</ext-link></comment> <object-id pub-id-type="pmid">'
            b'23785291</object-id></mixed-citation></ref></ref-list></back></article>')


def test_plos_tagged_citation_is_printed_as_plos_prints_it() -> None:
    [record] = list(annotated._tagged_jats_records("z.xml", PLOS_REF))
    assert record["text"] == ("Sansregret R, Miller ER 3rd, et al. (2013) Extreme Resistance as "
                              "a Host Defense. PLoS Pathog 9(6): e1003435. doi: "
                              "10.1371/journal.ppat.1003435")
    assert record["group"] == "plos-nlm"
    assert record["gold"] == {
        "author": [{"family": "Sansregret", "given": "R"}, {"family": "Miller", "given": "ER"}],
        "title": "Extreme Resistance as a Host Defense", "container-title": "PLoS Pathog",
        "type": "article-journal", "issued": {"date-parts": [[2013]]}, "volume": "9",
        "issue": "6", "page": "e1003435", "DOI": "10.1371/journal.ppat.1003435"}


def test_an_annotated_date_with_a_letter_gives_its_year() -> None:
    """GROBID marks "<date>1971a</date>": the year is 1971, the letter tells works apart."""
    bibl = GROBID_BIBL.replace(b"<date>2002</date>", b"<date>1971a</date>")
    [record] = list(annotated._grobid_records("x.xml", bibl))
    assert record["gold"]["issued"] == {"date-parts": [[1971]]}


def test_a_collaboration_is_part_of_the_author_span() -> None:
    """GROBID marks "<orgName type="collaboration">Planck Collaboration</orgName>" where a
    reference names a collaboration as its author."""
    bibl = GROBID_BIBL.replace(b"<author>F. Berruto, L. Giusti, C. Hoelbling and C. Rebbi</author>",
                               b'<orgName type="collaboration">Roe Collaboration</orgName>')
    [record] = list(annotated._grobid_records("x.xml", bibl))
    assert record["gold"]["author-span"] == "Roe Collaboration"


def test_an_elocation_id_is_the_page_and_a_doi_link_is_the_doi() -> None:
    """SciELO markup: `<elocation-id>e009836</elocation-id>` is the article's locator, and a
    pub-id holding "doi: http://dx.doi.org/10.…" holds the DOI 10.…"""
    ref = (SCIELO_REF.replace(b"<fpage>1961</fpage><lpage>1970</lpage>",
                              b"<elocation-id>e009836</elocation-id>")
           .replace(b"1961-70", b"e009836")
           .replace(b">10.1016/S0140-6736(05)66665-2</pub-id>",
                    b">doi: http://dx.doi.org/10.1016/S0140-6736(05)66665-2</pub-id>"))
    [record] = list(annotated._jats_records("y.xml", ref))
    assert record["gold"]["page"] == "e009836"
    assert record["gold"]["DOI"] == "10.1016/S0140-6736(05)66665-2"


def test_unmarked_text_is_cut_as_anystyle_cuts_it() -> None:
    """Between two marked elements, closing punctuation, a quote glued to the element and "et
    al." end the element before; a label word ("pp.", "In:") or an opening bracket or quote
    begins the next (anystyle core.xml: `<pages>pp. 1761–1800).</pages>`)."""
    assert annotated.closing_cut(", pp. ") == 2
    assert annotated.closing_cut('", In: ') == 3
    assert annotated.closing_cut(' "') == 1
    assert annotated.closing_cut(" et al., (") == 9
    assert annotated.closing_cut("). ") == 3
    pieces = [("author", "Roe, J."), ("", " et al. "), ("date", "2001"), ("", ". \u201c"),
              ("title", "A title"), ("", ",\u201d In: "), ("container-title", "A Book"),
              ("", ", pp. "), ("pages", "3-9"), ("", ".")]
    assert annotated.aligned_pieces(pieces) == [
        ("author", "Roe, J. et al. "), ("date", "2001. "), ("title", "\u201cA title,\u201d "),
        ("container-title", "In: A Book, "), ("pages", "pp. 3-9.")]


def test_labelled_text_spells_the_record_string() -> None:
    """The training string is the printed string (whitespace runs as one space, glued text
    kept glued), each token labelled by the piece its first character is in."""
    pieces = [("", "[4] "), ("author", "Roe J"), ("", ", "), ("journal", "Phys. Rev."),
              ("volume", "85"), ("", " ("), ("date", "2012")]
    aligned = annotated.aligned_pieces(pieces)
    assert aligned[0] == ("citation-number", "[4] ")
    text, labels = annotated.labelled_text(aligned)
    assert text == "[4] Roe J, Phys. Rev.85 (2012"
    assert labels[0] == "citation-number" and labels[-1] == "date"
    assert "journal" in labels and "volume" in labels


def test_plos_pieces_label_the_tagged_parts() -> None:
    [ref] = [r for r in annotated._parse(PLOS_REF).iter("mixed-citation")]
    labels = [label for label, _ in annotated.aligned_pieces(
        annotated.pieces_from_tagged_citation(ref))]
    assert labels == ["author", "author", "author", "date", "title", "journal", "volume",
                      "volume", "pages", "doi"]
    text, _ = annotated.labelled_text(annotated.aligned_pieces(
        annotated.pieces_from_tagged_citation(ref)))
    [record] = list(annotated._tagged_jats_records("z.xml", PLOS_REF))
    assert text == record["text"]


def test_a_grobid_doi_is_the_identifier_without_its_type_prefix() -> None:
    """GROBID's guidelines keep "doi :" / "DOI=" inside `<idno>`, and a PDF space after "10."
    ("doi: 10. 1038/nn.3332", the guidelines' own example); CSL's DOI is the identifier."""
    for marked, doi in ((b"doi :10.1103/PhysRevD.9.3292", "10.1103/PhysRevD.9.3292"),
                        (b"DOI=10.1080/14786440109462720", "10.1080/14786440109462720"),
                        (b"doi: 10. 1038/nn.3332", "10. 1038/nn.3332")):
        bibl = GROBID_BIBL.replace(b"</bibl>", b' <idno type="DOI">' + marked + b"</idno></bibl>")
        [record] = list(annotated._grobid_records("x.xml", bibl))
        assert record["gold"]["DOI"] == doi


def test_an_institution_after_the_title_is_the_publisher() -> None:
    """GROBID's `<orgName>` is "the institution for theses or technical reports": after the
    title it is CSL's publisher; before any title (a body in the author's place) it is not."""
    thesis = (b'<listBibl xmlns="http://www.tei-c.org/ns/1.0"><bibl><author>A. Roe</author>, '
              b'<title level="m">Pixel detectors</title>, <note type="report">PhD thesis</note>, '
              b'<orgName>Univ. Bonn</orgName>, <date>2015</date>.</bibl></listBibl>')
    [record] = list(annotated._grobid_records("x.xml", thesis))
    assert record["gold"]["publisher"] == "Univ. Bonn"
    body = thesis.replace(b"<author>A. Roe</author>", b"<orgName>CERN</orgName>").replace(
        b"<orgName>Univ. Bonn</orgName>", b"Univ. Bonn")
    [record] = list(annotated._grobid_records("x.xml", body))
    assert "publisher" not in record["gold"]


def test_a_year_glued_to_its_month_is_the_dates_year() -> None:
    """Gold rule 11: GROBID marks "<date>Jan1993</date>" (PDF extraction glued the month and
    the year); the date sequence's year is 1993."""
    bibl = GROBID_BIBL.replace(b"<date>2002</date>", b"<date>Jan1993</date>")
    [record] = list(annotated._grobid_records("x.xml", bibl))
    assert record["gold"]["issued"] == {"date-parts": [[1993]]}


@pytest.mark.parametrize(("scope", "expected"), [
    (b"pp. 309\xe2\x80\x93314", "309\u2013314"), (b"Page 15", "15"), (b"p.1439", "1439"),
    (b"Pages 57-64", "57-64"), (b"S1", "S1"), (b"pp", "pp")])
def test_a_label_inside_a_page_scope_is_not_the_page(scope: bytes, expected: str) -> None:
    """Gold rule 12: the guidelines leave labels untagged ("pp. <biblScope …>234–248"); a label
    an annotator put inside the element is not part of the value."""
    bibl = re.sub(rb'(<biblScope unit="page">)[^<]*(</biblScope>)', rb"\g<1>" + scope + rb"\g<2>",
                  GROBID_BIBL, count=1)
    [record] = list(annotated._grobid_records("x.xml", bibl))
    assert record["gold"]["page"] == expected
