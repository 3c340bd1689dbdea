"""A chapter's host title cleared of its editor, pages and series (hosts.py). Strings written
from Chicago 17th ed. 14.9 ("In Book, edited by …, pp. x–y. Place: Publisher.") and Elsevier's
physics reference style ("in: Book, in: Series N, Publisher, Year, p. x")."""

from __future__ import annotations

from citefmt.refparse.hosts import editor_out_of_host, pages_out_of_host, series_out_of_host


def test_pages_after_the_host() -> None:
    item = {"type": "chapter", "title": "A chapter",
            "container-title": "Essays on Method, pp. 12-30"}
    pages_out_of_host(item)
    assert (item["container-title"], item["page"]) == ("Essays on Method", "12-30")
    item = {"type": "chapter", "title": "A chapter", "container-title": "Essays on Method, pp",
            "page": "12-30"}
    pages_out_of_host(item)
    assert item["container-title"] == "Essays on Method"


def test_a_host_ending_in_p_keeps_its_letters() -> None:
    item = {"type": "paper-conference", "title": "T",
            "container-title": "Proc. Int. Acoustics Workshop"}
    pages_out_of_host(item)
    assert item["container-title"] == "Proc. Int. Acoustics Workshop"
    item = {"type": "chapter", "title": "T", "container-title": "Essays, pp. 1-5", "page": "7"}
    pages_out_of_host(item)
    assert item["container-title"] == "Essays, pp. 1-5"  # pages that disagree: left alone


def test_editor_before_the_host() -> None:
    item = {"type": "chapter", "title": "Priorities",
            "container-title": "J. P. Doe and K. Lin, Studies of Science"}
    editor_out_of_host(item)
    assert item["container-title"] == "Studies of Science"
    assert [e["family"] for e in item["editor"]] == ["Doe", "Lin"]
    same = {"type": "chapter", "title": "T", "container-title": "Nature, Culture and Society"}
    editor_out_of_host(same)
    assert same["container-title"] == "Nature, Culture and Society" and "editor" not in same


def test_series_after_the_book() -> None:
    item = {"type": "chapter", "title": "T",
            "container-title": "Clusters of Atoms, in: Lecture Notes in Chemistry 42"}
    series_out_of_host(item)
    assert item["container-title"] == "Clusters of Atoms"
    assert (item["collection-title"], item["volume"]) == ("Lecture Notes in Chemistry", "42")


def test_place_at_the_end_of_a_conference_host() -> None:
    from citefmt.refparse.hosts import place_out_of_proceedings

    item = {"type": "paper-conference", "title": "T",
            "container-title": "Annual Meeting of the Rock Society held in Denver, Colorado, USA"}
    place_out_of_proceedings(item)
    assert item["container-title"] == "Annual Meeting of the Rock Society"
    assert item["publisher-place"] == "Denver, Colorado, USA"
    item = {"type": "paper-conference", "title": "T",
            "container-title": "Proc. 12th Workshop on Optics, Kyoto"}
    place_out_of_proceedings(item)
    assert (item["container-title"], item["publisher-place"]) == (
        "Proc. 12th Workshop on Optics", "Kyoto")


def test_a_conference_host_without_a_place_is_kept() -> None:
    from citefmt.refparse.hosts import place_out_of_proceedings

    host = "Proceedings of the Conference on Fairness, Accountability, and Transparency"
    item = {"type": "paper-conference", "title": "T", "container-title": host}
    place_out_of_proceedings(item)
    assert item["container-title"] == host and "publisher-place" not in item


def test_a_proceedings_of_science_volume_is_the_conference() -> None:
    from citefmt.refparse import hosts

    text = "A. Roe, PoS LAT 2009 (2009) 010 [arXiv:1005.0539 [hep-lat]]."
    item = {"type": "article-journal", "container-title": "PoS LAT", "page": "010"}
    hosts.pos_volume(item, text)
    assert (item["container-title"], item["volume"], item["page"]) == ("PoS", "LAT 2009", "010")
    item = {"type": "article-journal", "container-title": "PoS LATTICE", "page": "2014"}
    hosts.pos_volume(item, "B. Lee, PoS LATTICE 2014 (2015) [arXiv:1410.8813 [hep-lat]].")
    assert (item["volume"], "page" in item) == ("LATTICE 2014", False)
    other = {"type": "article-journal", "container-title": "Phys. Rev. D", "volume": "9"}
    hosts.pos_volume(other, "C. Kim, Phys. Rev. D 9, 3292 (1974); PoS LAT 2009 (2009) 010.")
    assert other["container-title"] == "Phys. Rev. D"


def test_the_year_after_the_volume_is_not_the_issue() -> None:
    from citefmt.refparse import hosts, parse_reference

    item = {"type": "article-journal", "volume": "166", "issue": "1950",
            "issued": {"date-parts": [[1950]]}}
    hosts.year_not_issue(item)
    assert "issue" not in item
    kept = {"type": "article-journal", "volume": "12", "issue": "2001",
            "issued": {"date-parts": [[2019]]}}
    hosts.year_not_issue(kept)
    assert kept["issue"] == "2001"
    parsed = parse_reference('Anon. (1950). "Names of elements." Nature 166 (1950): 717-718.').item
    assert (parsed["volume"], parsed.get("issue"), parsed["page"]) == ("166", None, "717-718")


def test_a_monthly_issue_journal_has_an_issue_not_a_volume() -> None:
    from citefmt.refparse import hosts

    item = {"type": "article-journal", "container-title": "JHEP", "volume": "09"}
    hosts.issue_of_monthly_journal(item)
    assert (item.get("volume"), item["issue"]) == (None, "09")
    item = {"type": "article-journal", "container-title": "J. Cosmology Astropart. Phys.",
            "volume": "8"}
    hosts.issue_of_monthly_journal(item)
    assert (item.get("volume"), item["issue"]) == (None, "8")
    for kept in ({"container-title": "JHEP", "volume": "0505"},  # JHEP's older YYMM volume
                 {"container-title": "Phys. Rev. D", "volume": "9"}):
        hosts.issue_of_monthly_journal(kept)
        assert "issue" not in kept
