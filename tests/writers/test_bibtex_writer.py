"""BibTeX writer: exact entries for each CSL type family, UTF-8 by default, ASCII on request."""

from __future__ import annotations

from citefmt.writers.bibtex import write

ARTICLE = {
    "id": "10", "type": "article-journal", "language": "ru",
    "author": [{"family": "Иванов", "given": "Иван Иванович"},
               {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
               {"family": "Smith", "given": "John", "suffix": "Jr"},
               {"literal": "World Health Organization"}],
    "title": 'Роль <span class="nocase">ДНК</span> & <i>E.\u00a0coli</i>',
    "container-title": "Вестник хирургии", "container-title-short": "Вестн хир",
    "issued": {"date-parts": [[2019, 3]]}, "volume": "178", "issue": "3", "page": "45-52",
    "DOI": "10.24884/0042-4625-2019-178-3-45-52", "PMID": "123", "PMCID": "PMC9",
}


def test_article_with_unicode_kept() -> None:
    assert write([ARTICLE]) == """@article{ivanovroldnke2019,
  author = {Иванов, Иван Иванович and van der Berg, Jan and Smith, Jr, John and {World Health Organization}},
  title = {Роль {ДНК} \\& \\textit{E.~coli}},
  journal = {Вестник хирургии},
  shortjournal = {Вестн хир},
  year = {2019},
  month = mar,
  volume = {178},
  number = {3},
  pages = {45--52},
  doi = {10.24884/0042-4625-2019-178-3-45-52},
  pmid = {123},
  pmcid = {PMC9},
  langid = {russian}
}
"""  # noqa: E501 (the expected author line is one BibTeX line)


def test_ascii_escapes_accents_and_cyrillic() -> None:
    item = {"id": "mueller2024", "type": "manuscript",
            "author": [{"family": "Müller", "given": "Jörg"}],
            "title": "Straßen — Иван", "issued": {"date-parts": [[2024]]}}
    assert write([item], ascii=True) == """@unpublished{mueller2024,
  author = {M{\\"u}ller, J{\\"o}rg},
  title = {Stra{\\ss}en --- {\\CYRI}{\\cyrv}{\\cyra}{\\cyrn}},
  year = {2024}
}
"""


def test_type_specific_fields() -> None:
    items = [
        {"id": "t1", "type": "thesis", "title": "Diss", "genre": "PhD thesis",
         "publisher": "MSU", "issued": {"date-parts": [[2010]]}},
        {"id": "t2", "type": "thesis", "title": "MSc", "genre": "Master's thesis",
         "publisher": "UB"},
        {"id": "c1", "type": "chapter", "title": "Ch", "container-title": "Book",
         "editor": [{"family": "Doe", "given": "J."}], "page": "1-5"},
        {"id": "c2", "type": "chapter", "title": "Ch"},
        {"id": "p1", "type": "paper-conference", "title": "Talk", "container-title": "Proc"},
        {"id": "r1", "type": "report", "title": "Rep", "publisher": "WHO", "number": "7"},
        {"id": "w1", "type": "webpage", "title": "Site", "URL": "https://x.org/a_b",
         "accessed": {"date-parts": [[2024, 2, 1]]}},
    ]
    assert write(items) == """@phdthesis{t1,
  title = {Diss},
  school = {MSU},
  year = {2010}
}

@mastersthesis{t2,
  title = {MSc},
  school = {UB}
}

@incollection{c1,
  editor = {Doe, J.},
  title = {Ch},
  booktitle = {Book},
  pages = {1--5}
}

@inbook{c2,
  title = {Ch}
}

@inproceedings{p1,
  title = {Talk},
  booktitle = {Proc}
}

@techreport{r1,
  title = {Rep},
  institution = {WHO},
  number = {7}
}

@misc{w1,
  title = {Site},
  url = {https://x.org/a_b},
  howpublished = {\\url{https://x.org/a_b}},
  urldate = {2024-02-01}
}
"""


def test_empty_input_writes_nothing() -> None:
    assert write([]) == ""
