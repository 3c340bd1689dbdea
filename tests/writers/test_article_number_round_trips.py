"""A journal article's article number (CSL `number`) in every structured format: BibLaTeX `eid`,
RIS `C7`, JATS `elocation-id`, MEDLINE `LID … [pii]` without `PG`; read, written and read back
without turning into pages (which GOST would print "P. 101530" instead of "Art. 101530")."""

from __future__ import annotations

import json

from citefmt.readers import bibtex as bibtex_reader
from citefmt.readers import medline as medline_reader
from citefmt.readers import ris as ris_reader
from citefmt.writers import bibtex as bibtex_writer
from citefmt.writers import ris as ris_writer

BIBLATEX = """@article{moretti2022,
  author = {Moretti, L. and Barker, T. H.},
  title = {Scar formation},
  journaltitle = {J Biol Chem},
  date = {2022},
  volume = {298},
  number = {2},
  eid = {101530},
}
@techreport{who2020, title = {Report}, institution = {WHO}, year = {2020}, number = {WHO-7}}
"""

RIS = """TY  - JOUR
ID  - heliyon
AU  - Moradifar, F.
TI  - Dressings
T2  - Heliyon
PY  - 2024
VL  - 11
IS  - 1
C7  - e41465
ER  -

TY  - JOUR
ID  - mdpi
TI  - Exosomes
T2  - Biomolecules
PY  - 2023
SP  - 945
ER  -

TY  - RPRT
ID  - report
TI  - Report
PY  - 2020
M1  - WHO-7
C7  - ignored-for-reports
ER  -
"""


def _via_json(items: list[dict]) -> list[dict]:
    """Items as `citefmt convert` stores them in CSL-JSON."""
    return json.loads(json.dumps(items, ensure_ascii=False))


def test_biblatex_eid_is_the_article_number_and_number_the_issue() -> None:
    article, report = bibtex_reader.read(BIBLATEX).items
    assert (article["issue"], article["number"]) == ("2", "101530")
    assert "page" not in article
    assert report["number"] == "WHO-7"


def test_biblatex_round_trip_keeps_the_article_number_as_eid() -> None:
    first = bibtex_reader.read(BIBLATEX).items
    written = bibtex_writer.write(_via_json(first))
    assert "  number = {2},\n  eid = {101530}\n" in written
    assert "  number = {WHO-7}\n" in written
    assert bibtex_reader.read(written).items == first


def test_ris_c7_is_the_article_number_and_sp_stays_a_page() -> None:
    heliyon, mdpi, report = ris_reader.read(RIS).items
    assert (heliyon.get("page"), heliyon["number"]) == (None, "e41465")
    assert (mdpi["page"], mdpi.get("number")) == ("945", None)
    assert report["number"] == "WHO-7"


def test_ris_round_trip_writes_c7_for_articles_and_m1_for_others() -> None:
    first = ris_reader.read(RIS).items
    written = ris_writer.write(_via_json(first))
    assert "C7  - e41465\n" in written
    assert "SP  - 945\n" in written
    assert "M1  - WHO-7\n" in written
    assert "C7  - ignored-for-reports" not in written
    assert ris_reader.read(written).items == first


def test_medline_e_locator_without_pg_is_the_article_number() -> None:
    text = ("PMID- 1\nTI  - Dressings.\nDP  - 2024 Dec 27\nVI  - 11\nIP  - 1\n"
            "LID - e41465 [pii]\nLID - 10.1016/j.heliyon.2024.e41465 [doi]\nPT  - Journal Article\n"
            "\n"
            "PMID- 2\nTI  - With pages.\nDP  - 2022\nPG  - 101530\nLID - 101530 [pii]\n"
            "PT  - Journal Article\n"
            "\n"
            "PMID- 3\nTI  - Publisher item id.\nDP  - 2022\nLID - S0021-9258(21)01340-9 [pii]\n"
            "PT  - Journal Article\n")
    first, second, third = medline_reader.read(text).items
    assert (first.get("page"), first["number"]) == (None, "e41465")
    assert first["DOI"] == "10.1016/j.heliyon.2024.e41465"
    assert (second["page"], second.get("number")) == ("101530", None)  # PG as PubMed gives it
    assert "page" not in third and "number" not in third
