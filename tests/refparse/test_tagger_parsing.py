"""The CRF tagger and its field rules: known strings come out as exact CSL-JSON fields."""

from __future__ import annotations

import pytest

from citefmt.refparse import tagger
from citefmt.refparse.names import split_names
from citefmt.refparse.tagger import (
    ANNOTATED_MODEL_PATH,
    MODEL_PATH,
    parse_with_tagger,
    readings,
    tag_segments,
)
from citefmt.refparse.tagger.fields import (
    item_from_segments,
    pages,
    vancouver_block,
    volume_and_issue,
)
from citefmt.refparse.tagger.tokens import tokenize


def test_committed_models_are_small_and_present() -> None:
    for path in (MODEL_PATH, ANNOTATED_MODEL_PATH):
        assert path.exists()
        assert path.stat().st_size < 3_000_000


def test_every_installed_model_gives_a_reading_base_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PDF-extracted physics string, which the two models label differently."""
    text = "Roe ,J. :Imag. Phys.248 , 30( 1974 )"
    both = readings(text)
    assert len(both) == 2
    assert both[0] == parse_with_tagger(text)  # the base model's reading comes first
    assert all(0.0 < confidence <= 1.0 for _, confidence in both)
    monkeypatch.setattr(tagger, "ANNOTATED_MODEL_PATH", MODEL_PATH.with_name("absent.crfsuite"))
    assert readings(text) == [both[0]]  # a model that is not installed gives no reading


def test_models_that_label_alike_give_one_reading() -> None:
    text = "Roe, J. (2001). Rivers of the plain. Imag. Geogr. 12: 3-9."
    [(item, confidence)] = readings(text)
    base_item, base_confidence = parse_with_tagger(text)
    assert item == base_item and confidence >= base_confidence


def test_vancouver_article_to_exact_fields() -> None:
    item, confidence = parse_with_tagger(
        "Brischoux F, Chakraborty S, Brierley DI, Ungless MA. Phasic excitation of dopamine "
        "neurons in ventral VTA by noxious stimuli. Proc Natl Acad Sci U S A. "
        "2009;106(12):4894-9. doi: 10.1073/pnas.0811507106.")
    assert item == {
        "author": [{"family": "Brischoux", "given": "F."}, {"family": "Chakraborty", "given": "S."},
                   {"family": "Brierley", "given": "D. I."},
                   {"family": "Ungless", "given": "M. A."}],
        "title": "Phasic excitation of dopamine neurons in ventral VTA by noxious stimuli",
        "container-title": "Proc Natl Acad Sci U S A",
        "issued": {"date-parts": [[2009]]},
        "volume": "106", "issue": "12", "page": "4894-9",
        "DOI": "10.1073/pnas.0811507106",
        "type": "article-journal",
    }
    assert 0.9 < confidence <= 1.0


def test_gost_2008_article_to_exact_fields() -> None:
    item, _ = parse_with_tagger(
        "Корнилов В. И. Турбулентный пограничный слой на теле вращения при периодическом "
        "вдуве/отсосе // Теплофизика и аэромеханика. 2006. Т. 13, № 3. С. 369–385.")
    assert item == {
        "author": [{"family": "Корнилов", "given": "В. И."}],
        "title": "Турбулентный пограничный слой на теле вращения при периодическом вдуве/отсосе",
        "container-title": "Теплофизика и аэромеханика",
        "issued": {"date-parts": [[2006]]},
        "volume": "13", "issue": "3", "page": "369-385",
        "type": "article-journal",
    }


def test_gost_2018_heading_and_repeated_authors_give_each_author_once() -> None:
    segments, _ = tag_segments(
        "Ефимова, Т. Н. Охрана и рациональное использование болот в Республике Марий Эл / "
        "Т. Н. Ефимова, А. В. Кусакин. – Текст : непосредственный // Проблемы региональной "
        "экологии. – 2007. – № 1. – С. 80–86.")
    assert segments == [
        ("author", "Ефимова, Т. Н."),
        ("title", "Охрана и рациональное использование болот в Республике Марий Эл"),
        ("author", "/ Т. Н. Ефимова, А. В. Кусакин."),
        ("note", "– Текст : непосредственный"),
        ("journal", "// Проблемы региональной экологии."),
        ("date", "– 2007."), ("volume", "– № 1."), ("pages", "– С. 80–86."),
    ]
    item = item_from_segments(segments)
    assert item["author"] == [{"family": "Ефимова", "given": "Т. Н."},
                              {"family": "Кусакин", "given": "А. В."}]
    assert (item["issue"], item["page"]) == ("1", "80-86")


def test_apa_article_to_exact_fields() -> None:
    item, _ = parse_with_tagger("Romero, C., Paunesku, D., & Dweck, C. (2011). Brainology in "
                                "the classroom. Child Development, 82(3), 45–67.")
    assert item["author"] == [{"family": "Romero", "given": "C."},
                              {"family": "Paunesku", "given": "D."},
                              {"family": "Dweck", "given": "C."}]
    assert (item["title"], item["container-title"]) == ("Brainology in the classroom",
                                                        "Child Development")
    assert (item["volume"], item["issue"], item["page"]) == ("82", "3", "45-67")
    assert item["issued"] == {"date-parts": [[2011]]}


def test_doi_broken_by_a_space_is_joined() -> None:
    item = item_from_segments([("doi", "doi: 10.1016/j. nantod.2021.101234.")])
    assert item["DOI"] == "10.1016/j.nantod.2021.101234"


@pytest.mark.parametrize(("statement", "expected"), [
    ("Pérez-Higueras JJ, de la Macorra JC.",
     [("Pérez-Higueras", "J. J."), ("de la Macorra", "J. C.")]),
    ("Lee, L. L., W. E. Howard, and R. E. Marsh.", [("Lee", "L. L."), ("Howard", "W. E."),
                                                    ("Marsh", "R. E.")]),
    ("Adams, Nicholson B.,", [("Adams", "Nicholson B.")]),
    ("SILVA, João; SANTOS, Maria.", [("SILVA", "João"), ("SANTOS", "Maria.")]),
    ("Иванов И.И., Петрова А.С.", [("Иванов", "И. И."), ("Петрова", "А. С.")]),
    ("/ Т. Н. Ефимова, А. В. Кусакин [и др.].", [("Ефимова", "Т. Н."), ("Кусакин", "А. В.")]),
    ("Лилия Илиева, Петко Петков", [("Илиева", "Лилия"), ("Петков", "Петко")]),
])
def test_name_shapes(statement: str, expected: list[tuple[str, str]]) -> None:
    assert [(n["family"], n.get("given")) for n in split_names(statement)] == expected


def test_locator_rules() -> None:
    assert volume_and_issue("Т. 13, № 3.") == {"issue": "3", "volume": "13"}
    assert volume_and_issue("(Vol. 3, Part A,") == {"volume": "3"}
    assert volume_and_issue("106(3)") == {"issue": "3", "volume": "106"}
    assert pages("pp. 1761–1800).") == {"page": "1761-1800"}
    assert pages("– 215 с.") == {"number-of-pages": "215"}
    assert vancouver_block("2002 Jul 25;347(4):284-7.") == {
        "year": 2002, "volume": "347", "issue": "4", "page": "284-7"}


def test_tokens_split_glued_locators_but_keep_identifiers_whole() -> None:
    assert [t.text for t in tokenize("Med. 2006;12(3):45-52. doi:10.1000/x.y-1")] == [
        "Med.", "2006", ";", "12", "(", "3", ")", ":", "45", "-", "52", ".", "doi", ":",
        "10.1000/x.y-1"]


def test_the_identifier_reader_bounds_the_doi_of_a_tagger_reading() -> None:
    """A database accession number printed after the DOI is not part of it."""
    from citefmt.refparse import parse_reference

    parsed = parse_reference("Roe H, Vega EA, Stone R. Racial discrimination in access to "
                             "tobacco. Journal of Black Psychology. 1997;23(2):135–47. doi: "
                             "10.1177/00957984970232004 1997-04329-003.")
    assert parsed.item["DOI"] == "10.1177/00957984970232004"


@pytest.mark.parametrize("segments, expected", [
    # no punctuation before "in": the title's own word; the title runs to its sentence's end
    ([("title", "Rivers and roads"), ("container-title", "in Imaginary Geography. Imag Press.")],
     [("title", "Rivers and roads in Imaginary Geography."), ("container-title", "Imag Press.")]),
    ([("title", "Rivers and roads"), ("journal", "in Imaginary Geography.")],
     [("title", "Rivers and roads in Imaginary Geography.")]),
    # a period or comma before "In"/"in" ends the title (APA, Chicago, ISO 690): a host
    ([("title", "Rivers and roads."), ("container-title", "In Imaginary Geography.")],
     [("title", "Rivers and roads."), ("container-title", "In Imaginary Geography.")]),
    ([("title", "Rivers and roads,"), ("container-title", "in Imaginary Geography.")],
     [("title", "Rivers and roads,"), ("container-title", "in Imaginary Geography.")]),
])
def test_a_lower_case_in_without_punctuation_stays_in_the_title(
        segments: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    from citefmt.refparse.tagger import with_title_before_in

    assert with_title_before_in(segments) == expected
