"""styles/vancouver.csl against the NLM Citing Medicine / ICMJE examples of styles-rules.md §3."""

from __future__ import annotations

import pytest
from helpers import csl_person as person

STYLE = "vancouver"


EXAMPLES = {
    "journal article, full date": (
        {"id": "halpern", "type": "article-journal",
         "author": [person("Halpern", "Scott D."), person("Ubel", "Peter A."),
                    person("Caplan", "Arthur L.")],
         "title": "Solid-organ transplantation in HIV-infected patients",
         "container-title": "New England Journal of Medicine",
         "container-title-short": "N Engl J Med",
         "issued": {"date-parts": [[2002, 7, 25]]}, "volume": "347", "issue": "4",
         "page": "284-287"},
        "1. Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. "
        "N Engl J Med. 2002 Jul 25;347(4):284-7.",
    ),
    "issue without volume": (
        {"id": "banit", "type": "article-journal",
         "author": [person("Banit", "D M"), person("Kaufer", "H"), person("Hartford", "J M")],
         "title": "Intraoperative frozen section analysis in revision total joint arthroplasty",
         "container-title": "Clin Orthop", "issued": {"date-parts": [[2002]]}, "issue": "401",
         "page": "230-238"},
        "1. Banit DM, Kaufer H, Hartford JM. Intraoperative frozen section analysis in revision "
        "total joint arthroplasty. Clin Orthop. 2002;(401):230-8.",
    ),
    "volume with supplement": (
        {"id": "geraud", "type": "article-journal",
         "author": [person("Geraud", "G"), person("Spierings", "E L"), person("Keywood", "C")],
         "title": "Tolerability and safety of frovatriptan with short- and long-term use for "
                  "treatment of migraine and in comparison with sumatriptan",
         "container-title": "Headache", "issued": {"date-parts": [[2002]]}, "volume": "42 Suppl 2",
         "page": "S93-S99"},
        "1. Geraud G, Spierings EL, Keywood C. Tolerability and safety of frovatriptan with "
        "short- and long-term use for treatment of migraine and in comparison with sumatriptan. "
        "Headache. 2002;42 Suppl 2:S93-9.",
    ),
    "issue with part": (
        {"id": "abend", "type": "article-journal",
         "author": [person("Abend", "S M"), person("Kulish", "N")],
         "title": "The psychoanalytic method from an epistemological viewpoint",
         "container-title": "Int J Psychoanal", "issued": {"date-parts": [[2002]]}, "volume": "83",
         "issue": "Pt 2", "page": "491-495"},
        "1. Abend SM, Kulish N. The psychoanalytic method from an epistemological viewpoint. "
        "Int J Psychoanal. 2002;83(Pt 2):491-5.",
    ),
    "e-locator and doi": (
        {"id": "bmj", "type": "article-journal", "author": [person("Carter", "J A")],
         "title": "Synthetic example of an electronic locator", "container-title": "BMJ",
         "issued": {"date-parts": [[2009, 1, 7]]}, "volume": "338", "page": "a2752",
         "DOI": "10.1136/bmj.a2752"},
        "1. Carter JA. Synthetic example of an electronic locator. BMJ. 2009 Jan 7;338:a2752. "
        "doi: 10.1136/bmj.a2752.",
    ),
    "journal abbreviation with periods is stripped": (
        {"id": "jbc", "type": "article-journal", "author": [person("Moretti", "L")],
         "title": "Scar formation", "container-title": "Journal of Biological Chemistry",
         "container-title-short": "J. Biol. Chem.", "issued": {"date-parts": [[2022]]},
         "volume": "298", "issue": "2", "page": "101530"},
        "1. Moretti L. Scar formation. J Biol Chem. 2022;298(2):101530.",
    ),
    "book with edition": (
        {"id": "murray", "type": "book",
         "author": [person("Murray", "Patrick R."), person("Rosenthal", "Ken S."),
                    person("Kobayashi", "George S."), person("Pfaller", "Michael A.")],
         "title": "Medical microbiology", "edition": "4", "publisher-place": "St. Louis",
         "publisher": "Mosby", "issued": {"date-parts": [[2002]]}},
        "1. Murray PR, Rosenthal KS, Kobayashi GS, Pfaller MA. Medical microbiology. 4th ed. "
        "St. Louis: Mosby; 2002.",
    ),
    "book with total pages and place with state": (
        {"id": "pages", "type": "book", "author": [person("Eason", "G")],
         "title": "Synthetic handbook of wound care", "publisher-place": "White Plains (NY)",
         "publisher": "March of Dimes", "issued": {"date-parts": [[2005]]},
         "number-of-pages": "1334"},
        "1. Eason G. Synthetic handbook of wound care. White Plains (NY): March of Dimes; 2005. "
        "1334 p.",
    ),
    "editors as authors, name suffix": (
        {"id": "gilstrap", "type": "book",
         "editor": [person("Gilstrap", "Larry C.", suffix="3rd"), person("Cunningham", "F. Gary"),
                    person("VanDorsten", "J. Peter")],
         "title": "Operative obstetrics", "edition": "2", "publisher-place": "New York",
         "publisher": "McGraw-Hill", "issued": {"date-parts": [[2002]]}},
        "1. Gilstrap LC 3rd, Cunningham FG, VanDorsten JP, editors. Operative obstetrics. 2nd ed. "
        "New York: McGraw-Hill; 2002.",
    ),
    "chapter in edited book": (
        {"id": "meltzer", "type": "chapter",
         "author": [person("Meltzer", "Paul S."), person("Kallioniemi", "Anne"),
                    person("Trent", "Jeffrey M.")],
         "title": "Chromosome alterations in human solid tumors",
         "editor": [person("Vogelstein", "Bert"), person("Kinzler", "Kenneth W.")],
         "container-title": "The genetic basis of human cancer", "publisher-place": "New York",
         "publisher": "McGraw-Hill", "issued": {"date-parts": [[2002]]}, "page": "93-113"},
        "1. Meltzer PS, Kallioniemi A, Trent JM. Chromosome alterations in human solid tumors. "
        "In: Vogelstein B, Kinzler KW, editors. The genetic basis of human cancer. New York: "
        "McGraw-Hill; 2002. p. 93-113.",
    ),
    "conference paper": (
        {"id": "christensen", "type": "paper-conference",
         "author": [person("Christensen", "S"), person("Oppacher", "F")],
         "title": "An analysis of Koza's computational effort statistic for genetic programming",
         "editor": [person("Foster", "J A"), person("Lutton", "E"), person("Miller", "J"),
                    person("Ryan", "C"), person("Tettamanzi", "A G")],
         "container-title": "Genetic programming",
         "event": "EuroGP 2002: Proceedings of the 5th European Conference on Genetic Programming",
         "event-date": {"literal": "2002 Apr 3-5"}, "event-place": "Kinsdale, Ireland",
         "publisher-place": "Berlin", "publisher": "Springer", "issued": {"date-parts": [[2002]]},
         "page": "182-191"},
        "1. Christensen S, Oppacher F. An analysis of Koza's computational effort statistic for "
        "genetic programming. In: Foster JA, Lutton E, Miller J, Ryan C, Tettamanzi AG, editors. "
        "Genetic programming. EuroGP 2002: Proceedings of the 5th European Conference on Genetic "
        "Programming; 2002 Apr 3-5; Kinsdale, Ireland. Berlin: Springer; 2002. p. 182-91.",
    ),
    "thesis": (
        {"id": "borkowski", "type": "thesis", "author": [person("Borkowski", "Mary M.")],
         "title": "Infant sleep and feeding: a telephone survey of Hispanic Americans",
         "publisher-place": "Mount Pleasant (MI)", "publisher": "Central Michigan University",
         "issued": {"date-parts": [[2002]]}},
        "1. Borkowski MM. Infant sleep and feeding: a telephone survey of Hispanic Americans "
        "[dissertation]. Mount Pleasant (MI): Central Michigan University; 2002.",
    ),
    "patent": (
        {"id": "pagedas", "type": "patent", "author": [person("Pagedas", "Anthony C.")],
         "publisher": "Ancel Surgical R&D Inc.",
         "title": "Flexible endoscopic grasping and cutting device and positioning tool assembly",
         "publisher-place": "United States", "number": "US 20020103498",
         "issued": {"date-parts": [[2002, 8, 1]]}},
        "1. Pagedas AC, inventor; Ancel Surgical R&D Inc., assignee. Flexible endoscopic grasping "
        "and cutting device and positioning tool assembly. United States patent US 20020103498. "
        "2002 Aug 1.",
    ),
    "web page, updated and cited": (
        {"id": "cancerpain", "type": "webpage", "title": "Cancer-Pain.org",
         "publisher-place": "New York", "publisher": "Association of Cancer Online Resources, Inc.",
         "original-date": {"literal": "c2000-01"}, "issued": {"date-parts": [[2002, 5, 16]]},
         "accessed": {"date-parts": [[2002, 7, 9]]}, "URL": "http://www.cancer-pain.org/"},
        "1. Cancer-Pain.org [Internet]. New York: Association of Cancer Online Resources, Inc.; "
        "c2000-01 [updated 2002 May 16; cited 2002 Jul 9]. Available from: "
        "http://www.cancer-pain.org/.",
    ),
    "online journal article": (
        {"id": "abood", "type": "article-journal", "author": [person("Abood", "S")],
         "title": "Quality improvement initiative in nursing homes: the ANA acts in an advisory "
                  "role",
         "container-title": "Am J Nurs", "issued": {"date-parts": [[2002, 6]]},
         "accessed": {"date-parts": [[2002, 8, 12]]}, "volume": "102", "issue": "6",
         "page": "[about 1 p.]",
         "URL": "http://www.nursingworld.org/AJN/2002/june/Wawatch.htmArticle"},
        "1. Abood S. Quality improvement initiative in nursing homes: the ANA acts in an advisory "
        "role. Am J Nurs [Internet]. 2002 Jun [cited 2002 Aug 12];102(6):[about 1 p.]. Available "
        "from: http://www.nursingworld.org/AJN/2002/june/Wawatch.htmArticle.",
    ),
    "StatPearls chapter, Citing Medicine form": (
        {"id": "statpearls", "type": "chapter",
         "author": [person("Hashmi", "M F"), person("Tariq", "M"), person("Cataletto", "M E")],
         "title": "Asthma", "container-title": "StatPearls",
         "publisher-place": "Treasure Island (FL)",
         "publisher": "StatPearls Publishing", "original-date": {"literal": "2024 Jan-"},
         "issued": {"date-parts": [[2023, 8, 8]]},
         "URL": "https://www.ncbi.nlm.nih.gov/books/NBK430901/"},
        "1. Hashmi MF, Tariq M, Cataletto ME. Asthma. In: StatPearls [Internet]. Treasure Island "
        "(FL): StatPearls Publishing; 2024 Jan- [updated 2023 Aug 8]. Available from: "
        "https://www.ncbi.nlm.nih.gov/books/NBK430901/.",
    ),
    "particle kept before the surname; group author after '; ' (rules file §3)": (
        {"id": "alf", "type": "article-journal",
         "author": [person("Moorselaar", "R J", **{"non-dropping-particle": "van"}),
                    {"literal": "Alf-One Study Group"}],
         "title": "Synthetic example of a study group", "container-title": "BJU Int",
         "issued": {"date-parts": [[2002]]}, "volume": "89", "page": "1-7"},
        "1. van Moorselaar RJ; Alf-One Study Group. Synthetic example of a study group. "
        "BJU Int. 2002;89:1-7.",
    ),
}


@pytest.mark.parametrize("item, expected", EXAMPLES.values(), ids=EXAMPLES.keys())
def test_vancouver_renders_the_rules_example(render_one, item, expected):
    assert render_one(STYLE, item) == expected


@pytest.mark.parametrize("pages, expected", [
    ("284-287", "284-7"),
    ("1350-1356", "1350-6"),
    ("93-113", "93-113"),
    ("S93-S99", "S93-9"),
    ("123-124", "123-4"),
    ("1199-1201", "1199-201"),
    ("101530", "101530"),
    ("e0123", "e0123"),
])
def test_vancouver_shortens_page_ranges_with_a_hyphen(render_one, pages, expected):
    item = {"id": "p", "type": "article-journal", "author": [person("Roe", "J")], "title": "Pages",
            "container-title": "J Test", "issued": {"date-parts": [[2020]]}, "volume": "1",
            "page": pages}
    assert render_one(STYLE, item) == f"1. Roe J. Pages. J Test. 2020;1:{expected}."


def _authors(count: int) -> list[dict[str, str]]:
    return [person(f"Author{chr(ord('A') + n)}", "J K") for n in range(count)]


def test_vancouver_lists_exactly_six_authors_in_full(render_one):
    item = {"id": "six", "type": "article-journal", "author": _authors(6), "title": "Six",
            "container-title": "J Test", "issued": {"date-parts": [[2020]]}, "volume": "1",
            "page": "1-2"}
    assert render_one(STYLE, item) == (
        "1. AuthorA JK, AuthorB JK, AuthorC JK, AuthorD JK, AuthorE JK, AuthorF JK. Six. "
        "J Test. 2020;1:1-2.")


def test_vancouver_cuts_seven_authors_to_six_and_et_al(render_one):
    item = {"id": "seven", "type": "article-journal", "author": _authors(7), "title": "Seven",
            "container-title": "J Test", "issued": {"date-parts": [[2020]]}, "volume": "1",
            "page": "1-2"}
    assert render_one(STYLE, item) == (
        "1. AuthorA JK, AuthorB JK, AuthorC JK, AuthorD JK, AuthorE JK, AuthorF JK, et al. Seven. "
        "J Test. 2020;1:1-2.")


def test_vancouver_numbers_entries_in_order_of_citation(render_list):
    items = [
        {"id": "z", "type": "book", "author": [person("Zeta", "A")],
         "title": "Last name first cited",
         "issued": {"date-parts": [[2001]]}},
        {"id": "a", "type": "book", "author": [person("Alpha", "B")], "title": "Second cited",
         "issued": {"date-parts": [[2002]]}},
    ]
    assert render_list(STYLE, items) == ["1. Zeta A. Last name first cited. 2001.",
                                         "2. Alpha B. Second cited. 2002."]


def test_vancouver_event_date_range_from_date_parts(render_one):
    item = {"id": "range", "type": "paper-conference", "author": [person("Roe", "J")],
            "title": "Talk",
            "container-title": "Proceedings", "event": "Meeting",
            "event-date": {"date-parts": [[2002, 4, 3], [2002, 4, 5]]},
            "event-place": "Kinsdale, Ireland",
            "publisher-place": "Berlin", "publisher": "Springer",
            "issued": {"date-parts": [[2002]]}}
    assert render_one(STYLE, item) == (
        "1. Roe J. Talk. In: Proceedings. Meeting; 2002 Apr 3-5; Kinsdale, Ireland. Berlin: "
        "Springer; 2002.")
