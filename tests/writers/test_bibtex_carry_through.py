"""#9 part 3: BibLaTeX fields and types CSL lacks travel in CSL `custom` and come back unchanged
from `convert --to bibtex`, directly and through CSL-JSON; the ones a style can use are mapped."""

from __future__ import annotations

import json

from citefmt.readers import bibtex as bib_reader
from citefmt.readers import csljson as json_reader
from citefmt.writers import bibtex as bib_writer
from citefmt.writers import csljson as json_writer

# the fields issue #9 names as lost by --fix/convert, on one entry in the shape of
# retorquere/zotero-better-bibtex's and ADS's exports (MIT)
BIB = r"""@online{emcee,
  author = {Foreman-Mackey, Daniel and Hogg, David W.},
  title = {emcee: The MCMC Hammer},
  date = {2013},
  eprint = {1202.3665},
  archivePrefix = {arXiv},
  primaryClass = {astro-ph.IM},
  addendum = {Accessed with \url{https://example.org}},
  file = {emcee.pdf},
  adsurl = {https://ui.adsabs.harvard.edu/abs/2013PASP..125..306F},
  numpages = {12},
  organization = {Org A and Org B},
}
"""


def _fields(text: str) -> dict[str, str]:
    entry = bib_reader._parse(text).entries[0]  # bibtexparser's own view of the written text
    return {f.key.lower(): str(f.value) for f in entry.fields}


def test_fields_csl_lacks_come_back_unchanged() -> None:
    item = bib_reader.read(BIB).items[0]
    assert item["number-of-pages"] == "12"
    assert item["publisher"] == "Org A; Org B"
    assert item["URL"] == "https://arxiv.org/abs/1202.3665"
    assert item["note"] == "Accessed with https://example.org"
    for text in (bib_writer.write([item]),
                 bib_writer.write(json_reader.read(json_writer.write([item])).items)):
        assert text.startswith("@online{emcee,")
        fields = _fields(text)
        assert fields["primaryclass"] == "{astro-ph.IM}"
        assert fields["file"] == "{emcee.pdf}"
        assert fields["adsurl"] == "{https://ui.adsabs.harvard.edu/abs/2013PASP..125..306F}"
        assert fields["addendum"] == r"{Accessed with \url{https://example.org}}"
        assert "note" not in fields  # the addendum is not written twice
        assert fields["organization"] == "{Org A and Org B}"
        assert fields["eprint"] == "{1202.3665}"
        assert fields["pagetotal"] == "{12}"


def test_csl_json_round_trips_unknown_keys() -> None:
    # Manubot / Crossref CSL-JSON: names with "affiliation", keys CSL does not define
    item = {"id": "a", "type": "article-journal", "title": "T",
            "author": [{"family": "Doe", "given": "J", "affiliation": [], "sequence": "first"}],
            "manubot": {"standard_citation": "doi:10.1/x"}}
    again = json_reader.read(json_writer.write([item])).items[0]
    assert again == item
    assert json.loads(json_writer.write([item]))[0]["manubot"] == item["manubot"]
