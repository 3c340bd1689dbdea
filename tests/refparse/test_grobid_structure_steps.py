"""Steps for the structure of PDF-extracted physics, chemistry and humanities references (issue
16, GROBID group): a bare arXiv number at the end, the label before a host, a volume, report
number or meeting place after a title, an arXiv number read as the title. Expected values
follow from each string's printed structure (arXiv's identifier scheme, the "In"/"in:" host
label of Chicago, APA and Elsevier, "Vol. N" after a book title)."""

from __future__ import annotations

import pytest

from citefmt.model import Item
from citefmt.refparse import parse_reference
from citefmt.refparse.common import extract_identifiers
from citefmt.refparse.hosts import label_out_of_host
from citefmt.refparse.title_tail import (
    eprint_not_title,
    place_out_of_meeting_title,
    report_number_out_of_title,
    volume_out_of_title,
)


def test_a_bare_arxiv_number_after_the_locators_is_set_aside() -> None:
    text = "O. Bär, Phys. Rev. D92, 074504 (2015), 1503.03649"
    extracted = extract_identifiers(text)
    assert extracted.fields["number"] == "arXiv:1503.03649"
    assert extracted.body.rstrip() == "O. Bär, Phys. Rev. D92, 074504 (2015),"
    item = parse_reference(text).item
    assert (item["container-title"], item["volume"], item["page"]) == ("Phys. Rev. D", "92",
                                                                       "074504")
    assert "issue" not in item


def test_a_bare_arxiv_number_with_its_subject_class() -> None:
    extracted = extract_identifiers("V. Bernard, Prog. Part. Nucl. Phys. 60, 82 (2008), "
                                    "0706.0312 [hep-ph].")
    assert extracted.fields["number"] == "arXiv:0706.0312"


@pytest.mark.parametrize("text", [
    "A. Roe, J. Phys. 12, 45 (2015), 1513.03649",  # no month 13: not an arXiv number
    "A. Roe, J. Phys. 12, 45 (2015), 0612.1234",  # before April 2007: not the new scheme
    "A. Roe, J. Phys. 12, 1503.0364 (2015)",  # not the reference's last element
])
def test_numbers_that_are_not_a_bare_arxiv_number_stay(text: str) -> None:
    extracted = extract_identifiers(text)
    assert "number" not in extracted.fields
    assert extracted.body == text


def test_a_preprint_cited_by_names_year_and_number_keeps_its_reading() -> None:
    item = parse_reference("E. Berkowitz et al. (2017), 1704.01114").item
    assert item["issued"] == {"date-parts": [[2017]]}
    assert item["author"][0]["family"] == "Berkowitz"
    assert "title" not in item and item["number"] == "arXiv:1704.01114"


@pytest.mark.parametrize(("host", "expected"), [
    ("In Proceedings of the IEEE", "Proceedings of the IEEE"),
    ("in: Lecture Notes in Physics", "Lecture Notes in Physics"),
    ("inAdvanced Accelerator Concepts", "Advanced Accelerator Concepts"),
    ("Dans The Alkaloids", "The Alkaloids"),
    ("(eds.)Proceedings of the 6th Vilnius Conference",
     "Proceedings of the 6th Vilnius Conference"),
    ("(Ed.), Fractal Analysis and Chaos in Geosciences",
     "Fractal Analysis and Chaos in Geosciences"),
    ("editors, Mind as Motion", "Mind as Motion"),
    ("of CBMS Regional Conference Series in Mathematics",
     "CBMS Regional Conference Series in Mathematics"),
    ("Translated from Bioorganicheskaya Khimiya", "Bioorganicheskaya Khimiya"),
    ("given at 34th International Symposium on Lattice Field Theory",
     "34th International Symposium on Lattice Field Theory"),
    ("Cite this as: TBM", "TBM"),
])
def test_the_label_before_a_host_is_not_its_title(host: str, expected: str) -> None:
    item: Item = {"type": "chapter", "container-title": host}
    label_out_of_host(item)
    assert item["container-title"] == expected


@pytest.mark.parametrize("host", ["In Vivo", "In Vitro Cellular & Developmental Biology",
                                  "Inorg. Chem.", "Infection", "Editorial Board Reports",
                                  "Environ. Health Perspect."])
def test_a_host_whose_own_first_word_looks_like_a_label_is_kept(host: str) -> None:
    item: Item = {"type": "article-journal", "container-title": host}
    label_out_of_host(item)
    assert item["container-title"] == host


def test_the_volume_after_a_book_title() -> None:
    item: Item = {"type": "book", "title": "Applied multivariate statistical analysis ,vol .5"}
    volume_out_of_title(item)
    assert (item["title"], item["volume"]) == ("Applied multivariate statistical analysis", "5")
    host: Item = {"type": "chapter", "container-title": "Parallel Distributed Processing, Vol. 1"}
    volume_out_of_title(host)
    assert (host["container-title"], host["volume"]) == ("Parallel Distributed Processing", "1")


def test_a_title_volume_that_disagrees_with_the_read_volume_stays() -> None:
    item: Item = {"type": "book", "title": "Collected Papers, Vol. 2", "volume": "3"}
    volume_out_of_title(item)
    assert item["title"] == "Collected Papers, Vol. 2"


def test_a_report_number_after_the_title() -> None:
    item: Item = {"type": "report",
                  "title": "High Luminosity LHC project description, CERN-ACC-2014-0321"}
    report_number_out_of_title(item)
    assert (item["title"], item["number"]) == ("High Luminosity LHC project description",
                                               "CERN-ACC-2014-0321")
    tdr: Item = {"title": "ATLAS Insertable B-Layer Technical Design Report, ATLAS-TDR-19"}
    report_number_out_of_title(tdr)
    assert (tdr["title"], tdr["number"]) == ("ATLAS Insertable B-Layer Technical Design Report",
                                             "ATLAS-TDR-19")
    assert tdr["type"] == "report"  # a report number with no host: the report itself


@pytest.mark.parametrize("title", ["Studies of the decay B0 → K*0 μ+ μ-, LHCb",
                                   "Stability of COVID-19", "Physics at LEP, Part 2"])
def test_a_title_ending_in_other_words_or_numbers_stays(title: str) -> None:
    item: Item = {"title": title}
    report_number_out_of_title(item)
    assert item == {"title": title}


def test_where_a_meeting_was_held_is_its_place() -> None:
    item: Item = {"type": "book", "title": "SPE Western Regional Meeting held in San Jose",
                  "publisher-place": "California, USA"}
    place_out_of_meeting_title(item)
    assert (item["title"], item["publisher-place"]) == ("SPE Western Regional Meeting",
                                                         "San Jose, California, USA")


def test_an_arxiv_number_read_as_the_title_is_the_number() -> None:
    item: Item = {"type": "document", "title": "arXiv:1704.07356 [hep-lat]"}
    eprint_not_title(item)
    assert item == {"type": "document", "number": "arXiv:1704.07356"}
    old: Item = {"title": "hep-ph/0605068", "number": "arXiv:hep-ph/0605068"}
    eprint_not_title(old)
    assert old == {"number": "arXiv:hep-ph/0605068"}
    kept: Item = {"title": "2017 survey of arXiv submissions"}
    eprint_not_title(kept)
    assert kept == {"title": "2017 survey of arXiv submissions"}


@pytest.mark.parametrize(("title", "expected"), [
    ("in: Astrophysics of Cosmic Rays", "Astrophysics of Cosmic Rays"),
    ("in Proc. 34th Int. Cosmic Ray Conference", "Proc. 34th Int. Cosmic Ray Conference"),
    ("inAmerican Astronomical Society Meeting Abstracts",
     "American Astronomical Society Meeting Abstracts"),
    ("In: Lectures on Physics", "Lectures on Physics"),
    ("In vivo imaging of the brain", "In vivo imaging of the brain"),
    ("In Search of Lost Time", "In Search of Lost Time"),
    ("information theory", "information theory"),
])
def test_the_host_label_before_a_lone_title(title: str, expected: str) -> None:
    from citefmt.refparse.title_tail import host_label_out_of_title

    item: Item = {"type": "book", "title": title}
    host_label_out_of_title(item)
    assert item["title"] == expected
    with_host: Item = {"type": "chapter", "title": title, "container-title": "Proceedings"}
    host_label_out_of_title(with_host)
    assert with_host["title"] == title


def test_a_spaced_url_scheme_is_joined() -> None:
    from citefmt.refparse.normalize import normalize

    text = normalize("ATLAS Collaboration, Report, 2010,https ://cds.cern.ch/record/1291633,")
    assert "https://cds.cern.ch/record/1291633" in text.value
    assert any(d.code == "CF105" for d in text.diagnostics)
    assert normalize("See http: // arxiv.org/abs/1").value == "See http://arxiv.org/abs/1"
    unchanged = normalize("See http://arxiv.org/abs/1")
    assert unchanged.value == "See http://arxiv.org/abs/1" and not unchanged.diagnostics


def test_a_reference_that_is_only_a_url_is_a_web_page_without_a_title() -> None:
    parsed = parse_reference("[10]http ://cern.ch/garfield.")
    assert parsed.item["type"] == "webpage"
    assert parsed.item["URL"] == "http://cern.ch/garfield"
    assert "title" not in parsed.item
    assert any(d.code == "CF100" for d in parsed.diagnostics)
    words = parse_reference("Some words that are no reference").item
    assert words["title"] == "Some words that are no reference"


@pytest.mark.parametrize(("host", "expected"), [
    ("ACM Transactions on Graphics, 11(1) 1-39, Jan",
     ("ACM Transactions on Graphics", "11", "1", "1-39")),
    ("Communications of the ACM, 35(8) 66-80", ("Communications of the ACM", "35", "8", "66-80")),
    ("Handbook of child psychology (Vol. 3", ("Handbook of child psychology", "3", None, None)),
    ("Advances in Neural Information Processing Systems, Vol. 7",
     ("Advances in Neural Information Processing Systems", "7", None, None)),
])
def test_locators_left_at_the_end_of_a_host(host: str,
                                            expected: tuple[str, str, str | None, str | None]
                                            ) -> None:
    from citefmt.refparse.hosts import locators_out_of_host

    item: Item = {"type": "article-journal", "container-title": host}
    locators_out_of_host(item)
    assert (item["container-title"], item.get("volume"), item.get("issue"),
            item.get("page")) == expected


@pytest.mark.parametrize("host", ["J. Phys. A (1)", "Proc. SPIE 5", "Nature",
                                  "Annals of Physics, 12(3)"])
def test_a_host_without_separate_locators_stays(host: str) -> None:
    from citefmt.refparse.hosts import locators_out_of_host

    item: Item = {"type": "article-journal", "container-title": host, "volume": "9"}
    locators_out_of_host(item)
    assert item["container-title"] == host
    if host != "Annals of Physics, 12(3)":
        bare: Item = {"type": "article-journal", "container-title": host}
        locators_out_of_host(bare)
        assert bare == {"type": "article-journal", "container-title": host}


@pytest.mark.parametrize(("text", "author", "title", "journal"), [
    ("Wilhelm MP. Vancomycin. Mayo Clin Proc 1991; 66:1165-1170.", "Wilhelm", "Vancomycin",
     "Mayo Clin Proc"),
    ("Smith AB, Jones CD. Effects of heat on rats. J Appl Physiol 2001; 90:12-19.", "Smith",
     "Effects of heat on rats", "J Appl Physiol"),
    ("N. J. Nilsson. Probabilistic logic. Artificial Intelligence, 28(1) 71-87, 1986.",
     "Nilsson", "Probabilistic logic", "Artificial Intelligence"),
    # was read by no grammar (test_grammar_journal_block had it as "not a journal block")
    ("Lund T, Berg A. Renal outcomes revisited. BMJ 2001; 322:101-4.", "Lund",
     "Renal outcomes revisited", "BMJ"),
])
def test_authors_title_and_a_journal_without_its_period(text: str, author: str, title: str,
                                                        journal: str) -> None:
    from citefmt.refparse import journal_block

    candidate = journal_block.parse(text)
    assert candidate is not None
    item = candidate.item
    assert (item["author"][0]["family"], item["title"], item["container-title"]) == (
        author, title, journal)


@pytest.mark.parametrize("text", ["J. Chem. Soc. Perkin Trans. 1, 189 (1983)",
                                  "J. Am. Chem. Soc. 96, 1137 (1974)"])
def test_an_abbreviated_journal_is_not_read_as_authors_and_title(text: str) -> None:
    from citefmt.refparse import journal_block

    candidate = journal_block.parse(text)
    assert candidate is not None
    assert "title" not in candidate.item and "author" not in candidate.item


@pytest.mark.parametrize(("volume", "kept"), [("2018 Nov 6", False), ("2019 Jan 2", False),
                                              ("2018 Apr", False), ("2018", True), ("12", True),
                                              ("2018 Suppl 1", True)])
def test_a_pubmed_date_is_not_the_volume(volume: str, kept: bool) -> None:
    from citefmt.refparse.hosts import date_not_volume

    item: Item = {"type": "article-journal", "container-title": "Front Oncol", "volume": volume}
    date_not_volume(item)
    assert ("volume" in item) is kept


def test_an_article_ahead_of_print_has_no_volume() -> None:
    item = parse_reference("Jacobs D, Zhu R, Luo J: Defining Early-Onset Colon and Rectal "
                           "Cancers. Front Oncol. 2018; 2018 Nov 6. PMID: 30460196").item
    assert item["container-title"] == "Front Oncol"
    assert "volume" not in item and item["issued"]["date-parts"][0][0] == 2018


def test_the_year_glued_to_a_url_is_the_date() -> None:
    from citefmt.refparse.common import year_out_of_url

    item: Item = {"type": "webpage", "URL": "https://arxiv.org/abs/1604.01641(2016"}
    year_out_of_url(item)
    assert item == {"type": "webpage", "URL": "https://arxiv.org/abs/1604.01641",
                    "issued": {"date-parts": [[2016]]}}
    kept: Item = {"URL": "https://example.org/a_(2016)_b", "issued": {"date-parts": [[2015]]}}
    year_out_of_url(kept)
    assert kept["URL"] == "https://example.org/a_(2016)_b"
    extracted = extract_identifiers("S. Roe, Design Report, http://esss.se/documentation(2013).")
    assert extracted.fields["URL"] == "http://esss.se/documentation"
    assert "(2013)" in extracted.body


@pytest.mark.parametrize("label", ["[Online]. Available", "[ Online ] Available", "Available"])
def test_online_labels_are_no_publisher(label: str) -> None:
    from citefmt.refparse.imprint import labels_not_imprint

    item: Item = {"type": "book", "publisher": label}
    labels_not_imprint(item)
    assert item == {"type": "book"}


def test_pages_and_place_after_a_host() -> None:
    from citefmt.refparse.hosts import imprint_out_of_host_pages, pages_out_of_host

    item: Item = {"type": "chapter", "container-title": "Proceedings of National Conference on "
                  "Artificial Intelligence, pp. 729-734. San Jose, CA"}
    imprint_out_of_host_pages(item)
    assert (item["container-title"], item["page"], item["publisher-place"]) == (
        "Proceedings of National Conference on Artificial Intelligence", "729-734",
        "San Jose, CA")
    book: Item = {"type": "chapter", "container-title": "Reasoning About Actions & Plans, "
                  "pp. 99-122. Morgan Kaufmann Publishers"}
    imprint_out_of_host_pages(book)
    assert (book["container-title"], book["page"], book["publisher"]) == (
        "Reasoning About Actions & Plans", "99-122", "Morgan Kaufmann Publishers")
    unknown: Item = {"type": "chapter", "container-title": "Proceedings, pp. 1-5. Volume two"}
    imprint_out_of_host_pages(unknown)
    assert unknown == {"type": "chapter", "container-title": "Proceedings, pp. 1-5. Volume two"}
    worded: Item = {"type": "chapter", "container-title": "Proceedings of X (pages 154-158)"}
    pages_out_of_host(worded)
    assert (worded["container-title"], worded["page"]) == ("Proceedings of X", "154-158")


def test_a_given_name_and_initial_do_not_end_the_author_statement() -> None:
    from citefmt.refparse import journal_block

    candidate = journal_block.parse("David R. Karger, Philip N. Klein, and Robert E. Tarjan. A "
                                    "randomized linear-time algorithm to find minimum spanning "
                                    "trees. Journal of the ACM, 42(2):321-328, 1995.")
    assert candidate is None or "title" not in candidate.item or \
        candidate.item["title"].startswith("A randomized")


def test_proceedings_after_in_are_the_host_not_the_publisher() -> None:
    from citefmt.refparse.imprint import host_not_publisher

    item: Item = {"type": "book", "title": "Compiling knowledge into an explicit bias",
                  "publisher": "In Proceedings of the Ninth International Conference on Machine "
                               "Learning"}
    host_not_publisher(item)
    assert item == {"type": "paper-conference",
                    "title": "Compiling knowledge into an explicit bias",
                    "container-title": "Proceedings of the Ninth International Conference on "
                                       "Machine Learning"}
    press: Item = {"type": "book", "publisher": "Indiana University Press"}
    host_not_publisher(press)
    assert press == {"type": "book", "publisher": "Indiana University Press"}


@pytest.mark.parametrize(("text", "read", "expected"), [
    ("Mathieu P and Ridout D 2008 Logarithmic minimal models, their couplings, andduality "
     "Nucl. Phys. B 801 268-95",
     ("Logarithmic minimal models, their couplings", "andduality Nucl. Phys. B"),
     ("Logarithmic minimal models, their couplings, andduality", "Nucl. Phys. B")),
    ('Roe, S. Power: A critical survey of "bias" in nlp. In ACL, 2020.',
     ('Power: A critical survey of "bias', "nlp. In ACL"),
     ('Power: A critical survey of "bias" in nlp', "ACL")),
    ("Cardy J 2013 Logarithmic theories and some physical applicationsJ. Phys. A 46 494001",
     ("Logarithmic theories and some physical", "applicationsJ. Phys. A"),
     ("Logarithmic theories and some physical applications", "J. Phys. A")),
])
def test_the_titles_last_words_read_into_the_journal(text: str, read: tuple[str, str],
                                                     expected: tuple[str, str]) -> None:
    from citefmt.refparse.title_tail import title_words_out_of_journal

    item: Item = {"type": "article-journal", "title": read[0], "container-title": read[1]}
    title_words_out_of_journal(item, text)
    assert (item["title"], item["container-title"]) == expected


@pytest.mark.parametrize("journal", ["npj Quantum Information", "Nucl. Phys. B", "eLife"])
def test_a_journal_name_of_its_own_stays(journal: str) -> None:
    from citefmt.refparse.title_tail import title_words_out_of_journal

    text = f"Roe S. A study of things. {journal} 5 (2019) 12"
    item: Item = {"type": "article-journal", "title": "A study of things",
                  "container-title": journal}
    title_words_out_of_journal(item, text)
    assert (item["title"], item["container-title"]) == ("A study of things", journal)


@pytest.mark.parametrize(("text", "read", "issue"), [
    ("Batageli, V., The quadratic hash method, Communications of the ACM, 18, 4 (April 1975), "
     "pages 216-217.", {"volume": "18", "page": "216-217"}, "4"),
    ("A. Cook, 'Some thoughts on epic poetry', Helios 10.1 (1983), pp. 85-91.",
     {"volume": "10", "page": "85-91"}, "1"),
    ("A. Roe, Phys. Rev. 18, 4 (1975).", {"volume": "18", "page": "4"}, None),
    ("A. Roe, Phys. Rev. 18, 4 (1975).", {"volume": "18"}, None),
])
def test_the_issue_between_the_volume_and_the_date(text: str, read: Item,
                                                   issue: str | None) -> None:
    from citefmt.refparse.hosts import issue_before_date

    item: Item = {"type": "article-journal", **read}
    issue_before_date(item, text)
    assert item.get("issue") == issue


def test_nlm_initials_end_the_statement_and_a_number_before_the_year_is_the_journals() -> None:
    from citefmt.refparse import journal_block

    reading = journal_block.parse("Beck JM. P. carinii induces alterations of lung surfactant. "
                                  "Am J Physiol (2000) 278: L599-L609.")
    assert reading is not None and reading.item["title"] == (
        "P. carinii induces alterations of lung surfactant")
    # "Periodontol 2000" is the journal's name: not read as journal "Periodontol", year 2000
    numbered = journal_block.parse("Hammerle CH, Jung RE. Bone augmentation by means of barrier "
                                   "membranes. Periodontol 2000 2003;33:36-53.")
    assert numbered is None or numbered.item.get("container-title") != "Periodontol"


@pytest.mark.parametrize("read", [
    {"type": "book", "title": "Logic Colloquium '77 : Proceedings of the colloquium held in "
                              "Wroclaw, August 1977", "publisher": "North-Holland"},
    {"type": "book", "title": "Proceedings of a Congress held in Venice, October 1995"}])
def test_a_book_title_that_tells_where_its_congress_was_held_stays(read: Item) -> None:
    item = dict(read)
    place_out_of_meeting_title(item)
    assert item == read


@pytest.mark.parametrize("text", [
    "Lipp MEN. O modelo do estresse. In:Lipp MEN, organizador. Mecanismos do estresse: teoria e "
    "aplicações. São Paulo: Casa do Psicólogo; 2004. p. 17-21.",
    "Nehm RH, Budd AF. Palaeobiological research in the Cibao Valley. Nehm RH, Budd AF, "
    "editors. Evolutionary Stasis and Change. Springer; 2008. pp. 1-19."])
def test_a_chapter_in_a_book_is_no_journal_block(text: str) -> None:
    from citefmt.refparse import journal_block

    assert journal_block.parse(text) is None


@pytest.mark.parametrize("text", ["J. Gasser, Lect. Notes Phys. 629, 1 (2004), hep-ph/0312367",
                                  "S. W. Hawking, Nature 248, 30 (1974). doi:10.1038/248030a0",
                                  "R. Roe, JHEP 0707, 062 (2007) doi:10.1088/1126-6708/062"])
def test_physics_volume_page_year_has_no_issue(text: str) -> None:
    assert "issue" not in parse_reference(text).item


def test_words_leading_into_a_host_are_not_the_titles() -> None:
    from citefmt.refparse.title_tail import title_words_out_of_journal

    text = ('T. Roe, "An Exchange Protocol Without Enforcement", in the Proceedings of the 13th '
            "Workshop, 1994.")
    item: Item = {"type": "paper-conference", "title": "An Exchange Protocol Without Enforcement",
                  "container-title": "the Proceedings of the 13th Workshop"}
    title_words_out_of_journal(item, text)
    assert item["title"] == "An Exchange Protocol Without Enforcement"


def test_a_given_name_and_initial_before_the_surname_are_no_nlm_statement() -> None:
    from citefmt.refparse import journal_block

    reading = journal_block.parse("Michael T. Anderson. Existence and stability of even-"
                                  "dimensional asymptotically de Sitter spaces. Annales Henri "
                                  "Poincare, 6(5):801–820, 2005.")
    assert reading is None or reading.item.get("title", "").startswith("Existence")
