"""Each defect class of issue #13 and #9 part 3, on a few lines copied from a peer's own reader
test fixture; the expected values are that peer's expected output (pinned commits in
bench/peer_fixtures.py / bench/peers/manifest.json). Licences: citation-js MIT, jgm/pandoc
GPL-2.0-or-later, zotero/translators AGPL-3.0-or-later, retorquere/zotero-better-bibtex MIT,
jgm/citeproc BSD-2-Clause."""

from __future__ import annotations

import json

from citefmt.readers import csljson, get_reader

# each format's reader as the CLI gets it: the parser, then the shared clean-up stack
read_bibtex, read_endnote, read_medline, read_ris = (
    get_reader("bibtex"), get_reader("endnote-xml"), get_reader("medline"), get_reader("ris"))


def _bib(text: str) -> list[dict[str, object]]:
    return read_bibtex(text).items


def test_biblatex_extended_name_format() -> None:
    # jgm/pandoc test/command/biblatex-266.md (GPL-2.0-or-later)
    text = r"""@book{goethe2005,
  location = {{Frankfurt am Main}},
  title = {Not A Real Book},
  date = {2005},
  author = {family=Goethe, given=Johann Wolfgang, prefix=von, useprefix=false and given=Antonie, prefix=van, family=Leeuwenhoek, useprefix=true}, editor = {Schöne, Albrecht}
}"""  # noqa: E501
    item = _bib(text)[0]
    assert item["author"] == [
        {"dropping-particle": "von", "family": "Goethe", "given": "Johann Wolfgang"},
        {"family": "Leeuwenhoek", "given": "Antonie", "non-dropping-particle": "van"}]
    assert item["publisher-place"] == "Frankfurt am Main"


def test_csl_names_with_is_institution_and_items_without_type_are_read() -> None:
    # jgm/citeproc test/csl/name_Delimiter.txt (BSD-2-Clause): a name with "isInstitution";
    # test/csl/date_EmptyStrings.txt: an item with no "type" and "date-parts" of empty strings
    text = json.dumps([
        {"id": "ITEM-1", "type": "book",
         "author": [{"family": "Doe", "given": "John", "isInstitution": ""}]},
        {"id": "ITEM-2", "issued": {"date-parts": [["2000", "", ""]]}, "title": "Book A"},
    ])
    result = csljson.read(text)
    assert [r.item["id"] for r in result.records] == ["ITEM-1", "ITEM-2"]
    assert result.items[0]["author"][0]["isInstitution"] == ""  # kept, passed through
    assert result.items[1]["type"] == "document"
    assert result.items[1]["issued"] == {"date-parts": [[2000]]}
    assert [d.code for d in result.diagnostics] == ["CF123"]
    assert all(d.severity == "info" for d in result.diagnostics)


def test_empty_date_parts_beside_a_literal_are_dropped() -> None:
    # jgm/citeproc test/csl/date_InPress.txt (BSD-2-Clause)
    item = {"id": "ITEM-1", "type": "book",
            "issued": {"date-parts": [], "literal": "(in press)"}}
    assert csljson.read(json.dumps([item])).items[0]["issued"] == {"literal": "(in press)"}


def test_location_and_publisher_lists_split_on_and() -> None:
    # jgm/pandoc test/command/biblatex-gaonkar-in.md and biblatex-hammond.md (GPL-2.0-or-later)
    item = _bib(r"""@book{b,
  publisher = {International Union of Crystallography and Oxford University Press},
  location = {Durham and London}, title = {T}}""")[0]
    assert item["publisher-place"] == "Durham; London"
    assert item["publisher"] == "International Union of Crystallography; Oxford University Press"


def test_latex_commands_become_text() -> None:
    # citation-js packages/plugin-bibtex/test/input/commands.bib (MIT)
    items = _bib(r"""@misc{c, title = "ElsevierGlyph: \ElsevierGlyph{2014}" }
@misc{e, title = "Phi: $\Phi$" }""")
    assert [i["title"] for i in items] == ["ElsevierGlyph: —", "Phi: Φ"]


def test_mkbibquote_and_bibstring() -> None:
    # retorquere/zotero-better-bibtex test/fixtures/import/Better BibLaTeX import improvements
    # #549.bib (MIT); jgm/pandoc test/command/biblatex-bibstring-resolution.md (GPL-2.0+)
    items = _bib(r"""@article{1b, author = "01b", title = {Blah \mkbibquote{mkbibquote}.},}
@book{s, title = {T}, series = {\bibstring{newseries}}}""")
    assert items[0]["title"] == "Blah “mkbibquote”."
    assert items[1]["collection-title"] == "new series"


def test_accent_with_tilde_in_a_name_is_not_a_tie() -> None:
    # citation-js packages/plugin-bibtex/test/input/authors with non-ASCII characters.bib (MIT)
    item = _bib(r"""@article{myarticle,
  author = {von Helmh\"oltz, Herm\"an\~n and von Helmh{\"o}ltz, Herm{\"a}n{\~n}}
}""")[0]
    assert item["author"] == [
        {"family": "Helmhöltz", "given": "Hermänñ", "non-dropping-particle": "von"}] * 2
    # the form, with a space after the accent command (TeX reads the same letter)
    item = _bib(r"@article{b, author = {von Helmh\"oltz, Herm\"an\~ n}}")[0]
    assert item["author"] == [
        {"family": "Helmhöltz", "given": "Hermänñ", "non-dropping-particle": "von"}]


def test_exact_math_becomes_unicode() -> None:
    # retorquere/zotero-better-bibtex test/fixtures/import/Author splitter failure.bib (MIT):
    # Better BibTeX reads it as "Cu<sub>2</sub>O"; ₂ is the exact Unicode character for it
    item = _bib(r"""@article{a, title = {Determination of the Thickness and Refractive Index
  of Cu$_2$O Thin Film Using Thermal and Optical Interferometry}}""")[0]
    assert "Cu₂O" in str(item["title"])


def test_biblatex_localisation_keys_as_values() -> None:
    # jgm/pandoc test/command/biblatex-thesis.md and biblatex-article.md (GPL-2.0-or-later):
    # pandoc gives genre "PhD thesis", collection-title "New series", status "in press"
    items = _bib(r"""@thesis{geer, type = {phdthesis}, title = {T}, date = {1985}}
@article{a, series = {newseries}, pubstate = {inpress}, title = {T}}""")
    assert items[0]["genre"] == "PhD thesis"
    assert items[1]["collection-title"] == "new series"
    assert items[1]["status"] == "in press"


def test_medline_month_first_date_and_publication_types() -> None:
    # zotero/translators MEDLINEnbib.js test cases 7 and 8 (AGPL-3.0-or-later), ERIC records
    text = """OWN - ERIC
TI  - From Here to There!
DP  - Apr 2019
PT  - Journal Articles
PT  - Reports - Research

OWN - ERIC
TI  - Findings from the PISA for Development Field Trial
JT  - OECD Publishing
DP  - 2017
PT  - Reports - Research

OWN - ERIC
TI  - Tests of Robustness in Peer Review
JT  - ProQuest LLC
DP  - 2021
PT  - Dissertations/Theses - Doctoral Dissertations

OWN - ERIC
TI  - Some Book
PB  - Brookes Publishing Company
DP  - 2012
ISBN- ISBN-978-1-5985-7192-9
PT  - Books
"""
    items = read_medline(text).items
    assert [i["type"] for i in items] == ["article-journal", "report", "thesis", "book"]
    assert items[0]["issued"] == {"date-parts": [[2019, 4]]}
    assert items[1]["publisher"] == "OECD Publishing"
    assert items[2]["archive"] == "ProQuest LLC"
    assert items[3]["ISBN"] == "978-1-5985-7192-9"


def test_bibtex_month_with_day() -> None:
    # retorquere/zotero-better-bibtex test/fixtures/import/Options to use default import
    # process #1562.bib (MIT): Better BibTeX gives 2018-10-01; citation-js
    # packages/plugin-bibtex/test/mapping/biblatex-input.bib (MIT): 2002-07-30
    items = _bib(r"""@article{ISI, Year = {{2018}}, Month = {{OCT 1}}}
@legislation{sarbanes:act, year = "2002", month = "July 30th"}
@article{s, year = 2001, month = {2 sep}}""")
    assert [i["issued"] for i in items] == [{"date-parts": [[2018, 10, 1]]},
                                            {"date-parts": [[2002, 7, 30]]},
                                            {"date-parts": [[2001, 9, 2]]}]


def test_edtf_open_and_unknown_ranges_and_ris_year_ranges() -> None:
    # jgm/pandoc test/command/biblatex-edtf-date.md and biblatex-dates.md (GPL-2.0-or-later):
    # pandoc gives "1998/" and "1999-10-14/"; citefmt keeps the start and that EDTF form
    items = _bib(r"""@article{item3-3, date={1998/unknown}}
@article{open, date = {1999-10-14/}}""")
    assert items[0]["issued"] == {"date-parts": [[1998]], "edtf": "1998/"}
    assert items[1]["issued"] == {"date-parts": [[1999, 10, 14]], "edtf": "1999-10-14/"}
    # citation-js packages/plugin-ris/test/input.js, "…/pull/248-2" (MIT)
    item = read_ris("TY  - Journ\nTI  - The gneiss sphinx\nPY  - 1984 - 1985\nER  -\n").items[0]
    assert item["issued"] == {"date-parts": [[1984], [1985]]}


def test_biblatex_fields_that_were_lost() -> None:
    # citation-js packages/plugin-bibtex/test/mapping/biblatex-input.bib (MIT) and jgm/pandoc
    # test/command/biblatex-article.md (GPL-2.0-or-later)
    items = _bib(r"""@book{gowers:book, title = "Wiskunde", origtitle = "Mathematics: A Very
  Short Introduction", origpublisher = "Oxford University Press", origlocation = "Oxford"}
@inproceedings{e, title = {rv you're dumb}, numpages = {10}}
@article{article-opt, Journaltitle = {The Journaltitle}, Journal = {The Journal},
  Title = {An Article Entry}, Titleaddon = {The Titleaddon}, Note = {The Note},
  Addendum = {The Addendum}}""")
    assert items[0]["original-publisher"] == "Oxford University Press"
    assert items[0]["original-publisher-place"] == "Oxford"
    assert items[0]["original-title"] == "Mathematics: A Very Short Introduction"
    assert items[1]["number-of-pages"] == "10"
    assert items[2]["container-title"] == "The Journaltitle"
    assert items[2]["title"] == "An Article Entry. The Titleaddon"
    assert items[2]["note"] == "The Note. The Addendum"


def test_inbook_crossref_gives_container_author() -> None:
    # jgm/pandoc test/command/biblatex-crossref-inbook-mvbook.md (GPL-2.0-or-later)
    item = _bib(r"""@inbook{inbook-1, Crossref = {mvbook-1}, Title = {Macbeth}, Date = {1975},
    Pages = {100-200}}
@mvbook{mvbook-1, Author = {Shakespeare}, Date = {1970/1980}, Title = {Collected Works},
    Location = {Location}, Publisher = {Publisher}, Volumes = {4}}""")[0]
    assert item["container-author"] == [{"family": "Shakespeare"}]
    assert item["author"] == [{"family": "Shakespeare"}]
    assert item["container-title"] == "Collected Works"


def test_xdata_fields_are_inherited() -> None:
    # the biblatex manual's @xdata example (§3.13.6), as Better BibTeX's fixtures use it
    items = _bib(r"""@xdata{hostdata, publisher = {Publisher}, location = {Location}}
@book{b, title = {T}, xdata = {hostdata}}""")
    assert [i["id"] for i in items] == ["b"]
    assert items[0]["publisher"] == "Publisher"
    assert items[0]["publisher-place"] == "Location"


def test_entries_bibtexparser_refuses_are_read_with_a_warning() -> None:
    # retorquere/zotero-better-bibtex test/fixtures/import/Import from Clipboard stopped working
    # #2377.bib and "Endnote should parse.bib" (MIT): Better BibTeX imports both
    result = read_bibtex("@techreport{TBD,  title = {Report number 2PTE3},  , number = {2PTE3},"
                         "  institution = {{Research Institute X}}}\n"
                         "@article{\n  author = {Huang, Y. and Mucke, L.},\n"
                         "  title = {Alzheimer mechanisms},\n  journal = {Cell}\n}\n")
    assert [i["title"] for i in result.items] == ["Report number 2PTE3", "Alzheimer mechanisms"]
    assert result.items[0]["publisher"] == "Research Institute X"
    assert [d.code for d in result.diagnostics] == ["CF125", "CF125"]


def test_endnote_patent_number_and_isi_placeholder() -> None:
    # zotero/translators "Endnote XML.js" test case 1 (AGPL-3.0-or-later): the patent's number
    # is WO2011US30214; Web of Science exports' "<Go to ISI>://" links are not addresses
    text = """<?xml version="1.0" encoding="UTF-8"?>
<xml><records><record>
      <ref-type name="Patent">25</ref-type>
      <contributors><authors><author>Van Dan Elzen, Hans</author></authors></contributors>
      <titles><title>Yo-yo having a modifiable string gap</title></titles>
      <isbn>WO2011US30214</isbn>
      <dates><year>2011</year></dates>
      <urls><related-urls><url>&lt;Go to ISI&gt;://WOS:000291115400004</url></related-urls></urls>
</record></records></xml>"""
    item = read_endnote(text).items[0]
    assert item["type"] == "patent"
    assert item["number"] == "WO2011US30214"
    assert "URL" not in item and "ISBN" not in item


def test_ris_tags_mean_what_the_type_says() -> None:
    # zotero/translators RIS.js test case 3 (AGPL-3.0-or-later): a conference's T2 is the
    # conference, C3 the proceedings; a book's A3 its editor, SP its number of pages
    text = """TY  - CONF
TI  - Title
T2  - Conference Name
C3  - Proceedings Title
CY  - Conference Location
A3  - Editor, Series
ER  -

TY  - BOOK
TI  - Title
A3  - Editor, Series
A2  - Editor, Other
SP  - Number of Pages
ER  -
"""
    conf, book = read_ris(text).items
    assert conf["event-title"] == "Conference Name"
    assert conf["container-title"] == "Proceedings Title"
    assert conf["event-place"] == "Conference Location"
    assert conf["collection-editor"] == [{"family": "Editor", "given": "Series"}]
    assert book["editor"] == [{"family": "Editor", "given": "Series"}]
    assert book["collection-editor"] == [{"family": "Editor", "given": "Other"}]
    assert book["number-of-pages"] == "Number of Pages"


def test_edtf_level_1_dates() -> None:
    # jgm/pandoc test/command/biblatex-edtf-date.md (GPL-2.0-or-later): pandoc gives
    # 2004-04-05, -0876, 1723~ (approximate), 1723 (uncertain) and 2000/2099
    items = _bib(r"""@article{item3-10, date={2004-04-05T14:34:00}}
@article{item5-2, date={-0876}}
@article{item5-8, date={1723~}}
@article{item5-9, date={1723?}}
@article{item5-13, date={20uu}}""")
    assert [i["issued"] for i in items] == [
        {"date-parts": [[2004, 4, 5]]}, {"date-parts": [[-876]]},
        {"date-parts": [[1723]], "circa": True}, {"date-parts": [[1723]], "edtf": "1723?"},
        {"date-parts": [[2000], [2099]], "edtf": "20uu"}]


def test_tex_comments_inside_values() -> None:
    # jgm/pandoc test/command/7668.md (GPL-2.0-or-later): pandoc gives "Johnson, Richard B."
    # and 1983
    item = _bib("""@Book{JW83,
  author = {Richard %A.
    B. Johnson},
%  title = {Multivariate Analysis},
  year = "%
  1983"
}""")[0]
    assert item["author"] == [{"family": "Johnson", "given": "Richard B."}]
    assert item["issued"] == {"date-parts": [[1983]]}
    # free text keeps every character (Better BibTeX's import fixture "Maintain the JabRef
    # group and subgroup structure …#97.bib", MIT, keeps an abstract's "1% … %" as written)
    item = _bib("@article{a, abstract = {efficiencies approaching 1%. Calculations\n"
                "  show 13% are possible}}")[0]
    assert item["abstract"] == "efficiencies approaching 1%. Calculations show 13% are possible"
