"""BibTeX/BibLaTeX reader: exact CSL fields for names, months, @string, crossref, types, and the
exact one-line diagnostics for each kind of broken input."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt import bibmap
from citefmt.readers import get_reader
from citefmt.readers.bibtex import month_number, parse_names

read = get_reader("bibtex")  # the reader and the shared clean-up stack

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bib" / "ru_en_medical.bib"


def item_of(bib: str) -> dict:
    result = read(bib, source="refs.bib")
    assert len(result.records) == 1, result.diagnostics
    return result.records[0].item


def messages(bib: str) -> list[str]:
    return [d.format() for d in read(bib, source="refs.bib").diagnostics]


def test_names_with_particles_suffixes_organisations_and_cyrillic() -> None:
    names = parse_names(r"von der Berg, Jan and Smith, Jr, John A. and {World Health Organization}"
                        r" and Иванов, Иван Иванович and M{\"u}ller, J{\"o}rg and Ludwig van"
                        r" Beethoven and Jian, X. and others")
    assert names == [
        {"family": "Berg", "given": "Jan", "non-dropping-particle": "von der"},
        {"family": "Smith", "given": "John A.", "suffix": "Jr"},
        {"literal": "World Health Organization"},
        {"family": "Иванов", "given": "Иван Иванович"},
        {"family": "Müller", "given": "Jörg"},
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        {"family": "Jian", "given": "X."},
        {"literal": "others"},
    ]


def test_and_others_survives_a_round_trip_through_csl() -> None:
    from citefmt.writers.bibtex import write

    bib = "@article{jian2025,\n  author = {Jian, X. and Han, J. and others},\n  title = {T},\n}\n"
    item = item_of(bib)
    assert item["author"][-1] == {"literal": "others"}
    assert "author = {Jian, X. and Han, J. and others}" in write([item])


@pytest.mark.parametrize(("month", "number"), [
    ("jan", 1), ("3", 3), ("03", 3), ("March", 3), ("Sept.", 9), ("dec", 12), ("марта", 3),
    ("13", None), ("spring", None),
])
def test_months(month: str, number: int | None) -> None:
    assert month_number(month) == number


def test_month_macro_and_string_macros_with_concatenation() -> None:
    item = item_of('@string{jb = "J. Biol."}\n@article{a, title={T}, journal = jb # " Chem",'
                   " year = 2020, month = mar}")
    assert item["container-title"] == "J. Biol. Chem"
    assert item["issued"] == {"date-parts": [[2020, 3]]}


def test_biblatex_fields() -> None:
    item = item_of(r"""@online{web,
  title = {Site},
  date = {2023-05-17},
  urldate = {2024-02-01},
  url = {https://x.org/a\_b},
  location = {Москва},
  langid = {russian},
  shortjournal = {Sh J},
  eprinttype = {pubmed}, eprint = {123456},
  pmcid = {PMC1}, isbn = {978-5-9704-4444-4}, issn = {0042-4625},
  pagetotal = {320},
  doi = {https://doi.org/10.1/ABC}
}""")
    assert item == {
        "id": "web", "type": "webpage", "title": "Site",
        "issued": {"date-parts": [[2023, 5, 17]]}, "accessed": {"date-parts": [[2024, 2, 1]]},
        "URL": "https://x.org/a_b", "publisher-place": "Москва", "language": "ru",
        "container-title-short": "Sh J", "PMID": "123456", "PMCID": "PMC1",
        "ISBN": "978-5-9704-4444-4", "ISSN": "0042-4625", "number-of-pages": "320",
        "DOI": "10.1/ABC", "custom": {"bibtex": {"type": "online"}},
    }


def test_crossref_inherits_parent_fields_and_title_becomes_booktitle() -> None:
    result = read(r"""@incollection{child, author = {Smith, John}, title = {Chapter},
  crossref = {parent}, pages = {10--20}}
@book{parent, title = {The {Big} Book}, editor = {Doe, Jane}, publisher = {Springer},
  address = {Berlin}, year = 2019}""")
    child = result.records[0].item
    assert child == {
        "id": "child", "type": "chapter", "author": [{"family": "Smith", "given": "John"}],
        "editor": [{"family": "Doe", "given": "Jane"}], "title": "Chapter",
        "container-title": 'The <span class="nocase">Big</span> Book', "page": "10-20",
        "publisher": "Springer", "publisher-place": "Berlin",
        "issued": {"date-parts": [[2019]]},
        "custom": {"bibtex": {"fields": {"crossref": "parent"}}},
    }


@pytest.mark.parametrize(("entry", "csl_type", "extra"), [
    ("@article{k, title={T}}", "article-journal", {}),
    ("@book{k, title={T}}", "book", {}),
    ("@inbook{k, title={T}}", "chapter", {}),
    ("@incollection{k, title={T}}", "chapter", {}),
    ("@inproceedings{k, title={T}}", "paper-conference", {}),
    ("@conference{k, title={T}}", "paper-conference", {}),
    ("@phdthesis{k, title={T}, school={MSU}}", "thesis",
     {"genre": "PhD thesis", "publisher": "MSU"}),
    ("@mastersthesis{k, title={T}}", "thesis", {"genre": "Master's thesis"}),
    ("@thesis{k, title={T}, type={дис. канд. мед. наук}}", "thesis",
     {"genre": "дис. канд. мед. наук"}),
    ("@techreport{k, title={T}, institution={WHO}, number={7}}", "report",
     {"publisher": "WHO", "number": "7"}),
    ("@report{k, title={T}}", "report", {}),
    ("@manual{k, title={T}}", "report", {}),
    ("@misc{k, title={T}}", "document", {}),
    ("@online{k, title={T}}", "webpage", {}),
    ("@electronic{k, title={T}}", "webpage", {}),
    ("@www{k, title={T}}", "webpage", {}),
    ("@unpublished{k, title={T}}", "manuscript", {}),
    ("@patent{k, title={T}}", "patent", {}),
    ("@standard{k, title={T}}", "standard", {}),
    ("@dataset{k, title={T}}", "dataset", {}),
    ("@software{k, title={T}}", "software", {}),
])
def test_entry_types(entry: str, csl_type: str, extra: dict) -> None:
    item = item_of(entry)
    custom = item.pop("custom", {})
    assert item == {"id": "k", "type": csl_type, "title": "T", **extra}
    # the entry type comes back on output: CSL's type gives it, or `custom` keeps it (#9)
    entry_type = entry[1:entry.index("{")]
    assert custom.get("bibtex", {}).get("type", bibmap.CSL_TO_BIBTEX_TYPE[csl_type]) == entry_type


def test_records_carry_line_and_raw_text() -> None:
    result = read("% comment\n\n@article{a,\n  title = {T}\n}\n")
    assert result.records[0].line == 3
    assert result.records[0].raw == "@article{a,\n  title = {T}\n}"


def test_fixture_reads_every_entry_without_findings() -> None:
    result = read(FIXTURE.read_text(encoding="utf-8"), source=str(FIXTURE))
    assert len(result.records) == 17
    assert result.diagnostics == []
    ivanov = next(r.item for r in result.records if r.item["id"] == "ivanov2019")
    assert ivanov["author"][0] == {"family": "Иванов", "given": "Иван Иванович"}
    assert ivanov["language"] == "ru"
    assert ivanov["page"] == "45-52"


# ------------------------------------------------------------------ broken input


def test_malformed_block_is_cf110_with_line() -> None:
    bib = "@article{ok, title={A}}\n\n@article{broken title = {B}}\n"
    assert messages(bib) == [
        "refs.bib:3: CF110 entry 'broken' could not be parsed: Expected comma after entry key, "
        "but found =",
    ]


def test_duplicate_key_is_cf111_and_both_entries_are_kept() -> None:
    bib = "@article{a1,\n  title = {First}\n}\n\n@article{a1,\n  title = {Second}\n}\n"
    result = read(bib, source="refs.bib")
    assert [d.format() for d in result.diagnostics] == [
        "refs.bib:5: CF111 duplicate key 'a1' (first defined on line 1); both entries are kept",
    ]
    assert [r.item["title"] for r in result.records] == ["First", "Second"]


def test_duplicate_field_is_cf112_and_first_value_wins() -> None:
    bib = "@article{a2,\n  title = {x},\n  title = {y}\n}\n"
    result = read(bib, source="refs.bib")
    assert [d.format() for d in result.diagnostics] == [
        "refs.bib:1: CF112 entry 'a2': field(s) title given more than once; "
        "the first value is kept",
    ]
    assert result.records[0].item["title"] == "x"


def test_missing_comma_is_cf113_and_both_fields_are_recovered() -> None:
    bib = "@article{a3,\n  author = {Nobody, A.}\n  title = {Missing comma},\n  year = 2020\n}\n"
    result = read(bib, source="refs.bib")
    assert [d.format() for d in result.diagnostics] == [
        "refs.bib:2: CF113 entry 'a3': field 'author' runs into 'title = …' on the next line; "
        "a comma is probably missing (read as two fields)",
    ]
    assert result.records[0].item["title"] == "Missing comma"
    assert result.records[0].item["author"] == [{"family": "Nobody", "given": "A."}]


def test_unclosed_brace_is_cf114_and_later_entries_survive() -> None:
    bib = ("@article{a4,\n  title = {Unbalanced {brace},\n  year = {2020}\n}\n\n"
           "@article{a5, title = {ok}}\n")
    result = read(bib, source="refs.bib")
    assert [d.format() for d in result.diagnostics] == [
        "refs.bib:1: CF114 entry 'a4': braces are unbalanced (1 '{' not closed); "
        "the entry was not read",
    ]
    assert [r.item["id"] for r in result.records] == ["a5"]


def test_extra_closing_brace_is_cf114_at_its_line() -> None:
    bib = "@article{b1,\n  title = {Too many}},\n  year = {2020}\n}\n"
    assert messages(bib) == [
        "refs.bib:2: CF114 braces are unbalanced: an extra '}' closed the entry early and the "
        "fields after it were not read",
    ]


def test_missing_crossref_parent_and_unknown_fields_are_reported() -> None:
    bib = "@article{c, crossref = {nobody}, title = {T}, foo = {bar}, file = {x.pdf}}"
    assert messages(bib) == [
        "refs.bib:1: CF115 entry 'c': crossref 'nobody' not found",
        "refs.bib:1: CF121 entry 'c': field(s) with no CSL equivalent ignored "
        "(kept for BibTeX output): foo",
    ]
