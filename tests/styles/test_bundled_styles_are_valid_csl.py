"""The bundled styles are independent CSL styles a user can copy, edit and pass back.

Vancouver is CSL 1.0.2 plus citefmt's `cs:name` group-delimiter. The GOST
styles are CSL 1.0.2 plus two CSL-M extensions
(localized `<layout locale>`, `cs:name` suppress-min/suppress-max) and citefmt's documented
extensions (styles/README.md: `cs:name` name-case, the extension terms and name variables of
EXTENSION_TERMS / EXTENSION_VARIABLES): with those taken out they validate against the CSL
schema bundled with citeproc-py.
"""

from __future__ import annotations

from pathlib import Path

import citeproc
import pytest
from helpers import REPO
from lxml import etree

CSL = "{http://purl.org/net/xbiblio/csl}"
STYLES = {"vancouver": "en-US", "gost-r-7.0.5-2008": "ru-RU", "gost-r-7.0.100-2018": "ru-RU"}
SCHEMA = Path(citeproc.__file__).parent / "data" / "schema" / "schemas" / "styles" / "csl.rng"


#: terms and variables styles/README.md lists as citefmt extensions (BibLaTeX roles and fields)
EXTENSION_TERMS = {"translated-from", "commentator", "annotator", "foreword", "afterword",
                   "introduction", "geneditor", "container-translator",
                   "volumes-total", "volume-total", "book-total", "part-total"}
EXTENSION_VARIABLES = {"original-language", "commentator", "annotator", "foreword", "afterword",
                       "introduction", "title-main", "title-sub", "application-number",
                       "container-title-main", "container-title-sub", "volume-as-given",
                       "issue-as-given",
                       "number-of-pages-as-given", "credits",
                       "geneditor", "container-translator", "container-original-language",
                       "container-credits", "heading", "specdata", "publisher-as-given",
                       "dissertant", "title-addon", "number-of-books",
                       "number-of-parts", "volume-title-main", "volume-title-sub",
                       "author-country", "priority-date", "priority-number",
                       "priority-country", "issue-designation"}


def without_csl_m_extensions(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of `tree` with the CSL-M and citefmt extension points removed (default layout
    kept)."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    for name in copy.iter(f"{CSL}name"):
        name.attrib.pop("suppress-min", None)
        name.attrib.pop("suppress-max", None)
        name.attrib.pop("name-case", None)
        name.attrib.pop("group-delimiter", None)
        name.attrib.pop("name-kind", None)
        name.attrib.pop("name-case-except", None)
    for names in copy.iter(f"{CSL}names"):
        names.attrib.pop("merge-roles", None)
        names.attrib.pop("original-language-form", None)
        names.attrib.pop("distinct-from", None)
    for part in copy.iter(f"{CSL}date-part"):
        part.attrib.pop("open-range-delimiter", None)
    for element in list(copy.iter(f"{CSL}term", f"{CSL}text")):
        named = element.get("name") if element.tag == f"{CSL}term" else element.get("term")
        if named in EXTENSION_TERMS:
            element.getparent().remove(element)
    for element in list(copy.iter(f"{CSL}names", f"{CSL}text", f"{CSL}date", f"{CSL}if",
                                  f"{CSL}else-if")):
        variables = (element.get("variable") or "").split()
        kept = [v for v in variables if v not in EXTENSION_VARIABLES]
        if variables and not kept:
            if element.tag in (f"{CSL}if", f"{CSL}else-if"):
                element.set("variable", "note")
            else:
                element.getparent().remove(element)
        elif kept != variables:
            element.set("variable", " ".join(kept))
    for group in list(copy.iter(f"{CSL}group")):
        if not len(group):  # held only extension variables
            group.tag = f"{CSL}text"
            group.attrib.clear()
            group.set("value", "")
    for layout in copy.iterfind(f".//{CSL}bibliography/{CSL}layout[@locale]"):
        layout.getparent().remove(layout)
    return copy


@pytest.mark.parametrize("name", STYLES)
def test_bundled_style_validates_against_the_csl_schema(name):
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    tree = without_csl_m_extensions(etree.parse(str(REPO / "styles" / f"{name}.csl")))
    assert schema.validate(tree), [str(error) for error in schema.error_log]


@pytest.mark.parametrize("name, locale", STYLES.items())
def test_bundled_style_declares_its_identity(name, locale):
    root = etree.parse(str(REPO / "styles" / f"{name}.csl")).getroot()
    info = root.find(f"{CSL}info")
    assert root.get("default-locale") == locale
    assert root.get("class") == "in-text"
    assert info.findtext(f"{CSL}id").endswith(f"/styles/{name}")
    assert info.find(f"{CSL}link[@rel='self']").get("href") == info.findtext(f"{CSL}id")
    assert info.find(f"{CSL}rights").get("license")
    assert info.find(f"{CSL}category").get("citation-format") == "numeric"


@pytest.mark.parametrize("name", ["gost-r-7.0.5-2008", "gost-r-7.0.100-2018"])
def test_gost_layouts_share_one_entry_macro(name):
    style = etree.parse(str(REPO / "styles" / f"{name}.csl")).getroot()
    bibliography = style.find(f"{CSL}bibliography")
    layouts = bibliography.findall(f"{CSL}layout")
    # Latin-script languages without a GOST term set take the English layout (issue #12)
    assert [(layout.get("locale") or "").split()[:3] for layout in layouts] == \
        [["en", "de", "fr"], []]
    assert all([text.get("macro") for text in layout.iterfind(f"{CSL}text[@macro]")] == ["entry"]
               for layout in layouts)
