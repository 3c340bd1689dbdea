"""DOIs in PDF-extracted reference strings and the Harvard head "(1984a), 'Title'," — strings
written for the rules (the forms GROBID's annotated corpus shows: a label spaced from its
colon, the year of a JHEP DOI glued to the article number, an e-print or a URL label glued to
the DOI, a DOI broken after its "10.")."""

from __future__ import annotations

import pytest

from citefmt.refparse import parse_reference


@pytest.mark.parametrize(("text", "doi"), [
    ('A. Roe, "Entropy bounds," JHEP 1403, 118 (2014) doi:10.1007/JHEP03(2014)118'
     "[arXiv:1309.3610 [hep-th]].", "10.1007/JHEP03(2014)118"),
    ('B. Lee, "Little review", Ann. Rev. Nucl. Sci. 55 (2005) 229, '
     "doi:10.1146/annurev.nucl.55.0907,arXiv:hep-ph/0502182.", "10.1146/annurev.nucl.55.0907"),
    ('C. Kim, "Holography," JHEP 9906, 028 (1999) doi:10.1088/1126-6708/1999/06/028'
     "[hep-th/9906022].", "10.1088/1126-6708/1999/06/028"),
    ("D. Fox. Particle creation. Commun. Math. Phys. 43 (3):199-220, 1975. "
     "doi: 10.1007/BF02345020.URLhttps://doi.org/10.1007/BF02345020.", "10.1007/BF02345020"),
    ("E. Park, First measurements, Journal of Instrumentation 11 (2016) P05011. "
     "doi: 10. 1088/1748-0221/11/05/P05011.", "10.1088/1748-0221/11/05/P05011"),
    ("Woo, J., 2019: Random errors of a model. Atmosphere, 29, 551-566, "
     "doi:10.14191/atmos.2019.29.5.551(in Korean with English abstract).",
     "10.14191/atmos.2019.29.5.551"),
])
def test_the_doi_ends_where_the_next_element_is_glued(text: str, doi: str) -> None:
    assert parse_reference(text).item.get("DOI") == doi


@pytest.mark.parametrize("doi", [
    "10.1890/0012-9658(2000)081[2714:DHSATD]2.0.CO;2",  # a SICI suffix keeps its brackets
    "10.1061/(asce)0733-9429(1986)112:12(1117)",  # and its parentheses, year and all
])
def test_a_dois_own_brackets_stay(doi: str) -> None:
    text = f"Syms C, Jones GP (2000) Disturbance. Ecology 81: 2714-2729. doi:{doi}."
    assert parse_reference(text).item.get("DOI") == doi


def test_a_page_glued_to_the_year_outside_a_doi_is_still_spaced() -> None:
    item = parse_reference("J. Smith, Phys. Rev. C 85 (2012)024908.").item
    assert (item.get("volume"), item.get("number") or item.get("page")) == ("85", "024908")


def test_harvard_head_with_a_comma_after_the_date() -> None:
    item = parse_reference("Vucetic, M. and Dobry, R. (1988), 'Degradation of marine clays under "
                           "cyclic loading', J. Geotech. Eng., 114(2), 133-149.").item
    assert item["title"] == "Degradation of marine clays under cyclic loading"
    assert item["container-title"] == "J. Geotech. Eng"
    assert (item["volume"], item["issue"], item["page"]) == ("114", "2", "133-149")


@pytest.mark.parametrize(("title", "kept", "note"), [
    ("Teoria do romance I. A estilística. Trad. Paulo Bezerra",
     "Teoria do romance I. A estilística", "Trad. Paulo Bezerra"),
    ("Ensaios e poemas. Organização, tradução e notas de Ana Lima", "Ensaios e poemas",
     "Organização, tradução e notas de Ana Lima"),
    ("Selected essays. Translated by J. Roe", "Selected essays", "Translated by J. Roe"),
])
def test_a_statement_of_responsibility_leaves_the_title(title: str, kept: str, note: str) -> None:
    from citefmt.refparse.title_tail import responsibility_out_of_title

    item = {"type": "book", "title": title}
    responsibility_out_of_title(item)
    assert (item["title"], item["note"]) == (kept, note)


def test_a_title_that_only_mentions_translation_stays() -> None:
    from citefmt.refparse.title_tail import responsibility_out_of_title

    item = {"type": "book", "title": "Tradução e cultura. Estudos"}
    responsibility_out_of_title(item)
    assert item == {"type": "book", "title": "Tradução e cultura. Estudos"}


def test_an_abnt_book_with_its_translator() -> None:
    item = parse_reference("BAKHTIN, M. Teoria do romance II. As formas do tempo. Tradução de "
                           "Paulo Bezerra. São Paulo: Editora 34, 2018.").item
    assert item["title"] == "Teoria do romance II. As formas do tempo"
    assert (item["publisher-place"], item["publisher"]) == ("São Paulo", "Editora 34")


@pytest.mark.parametrize(("text", "body"), [
    ("1 Ministério da Saúde (BR). Manual técnico. Brasília: Ministério da Saúde; 2017.",
     "Ministério da Saúde (BR)"),
    ("41 American Diabetes Association. Management of diabetes in pregnancy. Diabetes Care. "
     "2020;43(Suppl 1):S183-92.", "American Diabetes Association"),
])
def test_a_bare_citation_number_before_a_body_is_not_its_name(text: str, body: str) -> None:
    assert parse_reference(text).item["author"] == [{"literal": body}]
