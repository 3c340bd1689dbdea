"""CSL ↔ BibTeX/BibLaTeX mapping, as data: entry types, fields, months and language names.

The tables follow /work/shared/notes/ecosystem.md §3 (citation-js, pandoc and Zotero/Better BibTeX
compared). Readers and writers keep the logic; this module keeps only the correspondences, so a
mapping decision is changed in one place and is visible at a glance.
"""

from __future__ import annotations

#: BibTeX/BibLaTeX entry type → (CSL type, CSL genre or None)
BIBTEX_TO_CSL_TYPE: dict[str, tuple[str, str | None]] = {
    "article": ("article-journal", None),
    "book": ("book", None),
    "mvbook": ("book", None),
    "booklet": ("pamphlet", None),
    "proceedings": ("book", None),
    "mvproceedings": ("book", None),
    "collection": ("book", None),
    "mvcollection": ("book", None),
    "inbook": ("chapter", None),
    "bookinbook": ("chapter", None),
    "suppbook": ("chapter", None),
    "incollection": ("chapter", None),
    "suppcollection": ("chapter", None),
    "inreference": ("entry-encyclopedia", None),
    "reference": ("book", None),
    "mvreference": ("book", None),
    "inproceedings": ("paper-conference", None),
    "conference": ("paper-conference", None),
    "phdthesis": ("thesis", "PhD thesis"),
    "mastersthesis": ("thesis", "Master's thesis"),
    "thesis": ("thesis", None),
    "techreport": ("report", None),
    "report": ("report", None),
    "manual": ("report", None),
    "misc": ("document", None),
    "online": ("webpage", None),
    "electronic": ("webpage", None),
    "www": ("webpage", None),
    "unpublished": ("manuscript", None),
    "patent": ("patent", None),
    "standard": ("standard", None),
    "dataset": ("dataset", None),
    "software": ("software", None),
    "periodical": ("periodical", None),
    "suppperiodical": ("article-journal", None),
    "movie": ("motion_picture", None),
    "video": ("motion_picture", None),
    "audio": ("song", None),
    "music": ("song", None),
    "artwork": ("graphic", None),
    "image": ("graphic", None),
    "letter": ("personal_communication", None),
    "legislation": ("legislation", None),
    "jurisdiction": ("legal_case", None),
    "review": ("review", None),
}

#: CSL type → BibTeX entry type written by citefmt (chapter and thesis are decided in the writer:
#: @incollection with an editor or container-title, @mastersthesis when the genre says so)
CSL_TO_BIBTEX_TYPE: dict[str, str] = {
    "article": "article",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "review": "article",
    "review-book": "article",
    "book": "book",
    "classic": "book",
    "collection": "book",
    "pamphlet": "booklet",
    "chapter": "incollection",
    "entry": "inbook",
    "entry-dictionary": "inbook",
    "entry-encyclopedia": "inbook",
    "paper-conference": "inproceedings",
    "thesis": "phdthesis",
    "report": "techreport",
    "manuscript": "unpublished",
    "webpage": "misc",
    "post": "misc",
    "post-weblog": "misc",
    "dataset": "misc",
    "software": "misc",
    "patent": "misc",
    "standard": "misc",
    "document": "misc",
}

#: BibTeX fields copied to a CSL variable as text (after LaTeX decoding), both ways
TEXT_FIELDS: dict[str, str] = {
    "title": "title",
    "shorttitle": "title-short",
    "shortjournal": "container-title-short",
    "volume": "volume",
    "pages": "page",
    "pagetotal": "number-of-pages",
    "volumes": "number-of-volumes",
    "edition": "edition",
    "publisher": "publisher",
    "series": "collection-title",
    "chapter": "chapter-number",
    "type": "genre",
    "version": "version",
    "abstract": "abstract",
    "note": "note",
    "annote": "annote",
    "keywords": "keyword",
    "venue": "event-place",
    "eventtitle": "event",
    "pubstate": "status",
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "issn": "ISSN",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "medium": "medium",
    "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place",
    "origtitle": "original-title",
    "issuetitle": "volume-title",
    "part": "part-number",
}

#: reader-only synonyms: BibLaTeX and exporter spellings → the canonical BibTeX field above
FIELD_SYNONYMS: dict[str, str] = {
    "journaltitle": "journal",
    "location": "address",
    "journal-abbrev": "shortjournal",
    "journalabbr": "shortjournal",
    "journal_abbrev": "shortjournal",
    "shortjournaltitle": "shortjournal",
    "annotation": "annote",
    "keyword": "keywords",
    "pmc": "pmcid",
    "numpages": "pagetotal",
    "accessed": "urldate",
    "archiveprefix": "eprinttype",
    "hyphenation": "langid",
    "language": "langid",
}

#: synonyms whose BibLaTeX spelling wins when both are given (`journaltitle` over `journal`, as
#: biber and pandoc read them); for the others the canonical BibTeX field wins
BIBLATEX_PREFERRED: frozenset[str] = frozenset({"journaltitle", "location"})

#: fields whose value is a list of literals ("Durham and London"): read as "Durham; London"
LIST_FIELDS: frozenset[str] = frozenset({"address", "publisher", "institution", "organization",
                                         "school", "origlocation", "origpublisher", "holder"})

#: fields whose value may be a BibLaTeX localisation key (`type = {phdthesis}`,
#: `series = {newseries}`); the key is read as its English term (`citefmt.latex.BIBLATEX_STRINGS`)
LOCALISED_FIELDS: frozenset[str] = frozenset({"type", "series", "pubstate", "editortype"})

#: where BibTeX/BibLaTeX keep the publisher of these entry types (others: `publisher`)
PUBLISHER_FIELD_OF_TYPE: dict[str, str] = {
    "phdthesis": "school", "mastersthesis": "school", "thesis": "institution",
    "techreport": "institution", "report": "institution", "manual": "organization"}

#: the BibLaTeX field of a journal article's article number (CSL `number` of an article; BibTeX
#: `number` of an article is its issue, CSL `issue`)
ARTICLE_NUMBER_FIELD = "eid"

#: BibTeX name fields → CSL name variables
NAME_FIELDS: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
    "director": "director",
    "commentator": "commentator",
    "annotator": "annotator",
    "foreword": "foreword",
    "afterword": "afterword",
    "introduction": "introduction",
    "booktranslator": "container-translator",
}

#: a part's crossref parent's fields that describe the host, under the names the part gets
#: them by (citefmt's, as biblatex's `booktitle` for the parent's `title`): the parent's
#: translator and original language are the host's (GOST: "Статья / пер. с фр. А. Б. Иванова
#: // Сборник / пер. с фр. В. Г. Петрова"), the part's own stay the part's
HOST_FIELDS_OF_A_PART: dict[str, str] = {"translator": "booktranslator",
                                         "origlanguage": "bookoriglanguage",
                                         "credits": "bookcredits"}

#: BibLaTeX's further editor lists (`editora` with its role in `editoratype`, biblatex manual
#: 2.2.2 "Data Fields": "editora … Similar to editor"); read when their role is one of
#: `EDITOR_ROLES` (no type: "editor") and that variable is not already given by another list
EXTRA_EDITOR_FIELDS: tuple[str, ...] = ("editora", "editorb", "editorc")

#: BibLaTeX `editortype` (the role of the `editor` list) → CSL name variable
EDITOR_ROLES: dict[str, str] = {
    "editor": "editor", "director": "director", "translator": "translator",
    "compiler": "compiler", "organizer": "organizer", "producer": "producer",
    "collaborator": "contributor", "redactor": "editor", "reviser": "editor",
    "founder": "editor", "continuator": "editor", "chair": "chair", "curator": "curator",
    "narrator": "narrator", "host": "host",
    # biblatex-gost's editor types (its manual, "editortype"): the general editor ("под общ.
    # ред.") is the citefmt extension variable `geneditor` (styles/README.md)
    "geneditor": "geneditor"}

#: editor types naming two roles of the same persons (biblatex-gost `gecompiler`: compiler and
#: general editor, "сост. и под общ. ред.")
EDITOR_ROLE_PAIRS: dict[str, tuple[str, str]] = {"gecompiler": ("compiler", "geneditor")}

#: BibLaTeX text fields read into citefmt's extension variables beyond CSL 1.0.2
#: (styles/README.md, "Variables beyond CSL 1.0.2"): the original language of a translation
#: (biblatex `origlanguage`, a language key or name), biblatex-gost's `credits` (a statement of
#: responsibility as the source words it)
EXTENSION_TEXT_FIELDS: dict[str, str] = {"origlanguage": "original-language",
                                         "bookoriglanguage": "container-original-language",
                                         "credits": "credits", "bookcredits": "container-credits"}

#: fields read into variables the BibTeX writer does not write (extension variables, roles of
#: the editor lists) or merged into another variable (`addendum` into `note`): the reader also
#: keeps them as written, so `convert --to bibtex` gives them back unchanged (`editor` too, when
#: `editortype` gives it a role other than "editor")
KEPT_AS_WRITTEN: frozenset[str] = frozenset({
    "addendum", "origlanguage", "credits", "commentator", "annotator", "foreword", "afterword",
    "introduction", "editortype", "editora", "editorb", "editorc", "editoratype",
    "editorbtype", "editorctype", "science", "major", "specialitycode", "majorcode", "ipc",
    "holder", "publication", "reqnumber", "publdate", "heading", "specdata", "books", "parts",
    "book", "authortype", "prioritynumber", "prnumber", "prioritydate", "prdate",
    "prioritycountry", "prcountry"})

#: kept fields the BibTeX writer puts back even over one it wrote from a CSL variable: the
#: reader keeps `editor` only when `editortype` gave it another role, and then CSL `editor`
#: may come from `editora`
KEPT_OVER_WRITTEN: frozenset[str] = frozenset({"editor", "type", "date", "address"})

#: BibTeX date-like fields → CSL date variables (BibLaTeX ISO 8601 / EDTF level 0 values)
DATE_FIELDS: dict[str, str] = {
    "date": "issued",
    "urldate": "accessed",
    "eventdate": "event-date",
    "origdate": "original-date",
}

#: fields that hold identifiers or addresses: copied verbatim, never LaTeX-decoded beyond escapes
VERBATIM_FIELDS: frozenset[str] = frozenset({
    "doi", "url", "eprint", "file", "pmid", "pmcid", "isbn", "issn",
})

#: fields that may contain {Protected} words which CSL must keep as `<span class="nocase">`
TITLE_FIELDS: frozenset[str] = frozenset({
    "title", "shorttitle", "subtitle", "booktitle", "booksubtitle", "journal", "journalsubtitle",
    "series", "eventtitle", "maintitle", "mainsubtitle", "issuetitle",
})

#: reference-manager bookkeeping fields: dropped without a diagnostic
IGNORED_FIELDS: frozenset[str] = frozenset({
    "file", "owner", "timestamp", "creationdate", "modificationdate", "groups", "ranking",
    "readstatus", "priority", "qualityassured", "printed", "crossref", "xref", "key", "ids",
    "mendeley-tags", "mendeley-groups", "date-added", "date-modified", "bdsk-url-1", "bdsk-url-2",
    "bdsk-file-1", "bdsk-file-2", "sortkey", "sortname", "label", "shorthand", "entryset",
    "citation-key", "langidopts", "eprintclass", "primaryclass", "_type", "xdata",
})

#: month number → BibTeX month macro (written unbraced: `month = mar`)
MONTH_MACROS: tuple[str, ...] = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                 "oct", "nov", "dec")

#: babel/polyglossia language names and common spellings → the ISO 639-1 code CSL `language` takes
LANGUAGE_CODES: dict[str, str] = {
    "russian": "ru", "русский": "ru", "рус": "ru", "ru": "ru",
    "english": "en", "american": "en", "british": "en", "USenglish": "en", "UKenglish": "en",
    "en": "en",
    "ukrainian": "uk", "uk": "uk", "belarusian": "be", "be": "be", "kazakh": "kk", "kk": "kk",
    "german": "de", "ngerman": "de", "de": "de", "french": "fr", "fr": "fr", "spanish": "es",
    "es": "es", "italian": "it", "it": "it", "polish": "pl", "pl": "pl", "czech": "cs",
    "cs": "cs", "bulgarian": "bg", "bg": "bg", "serbian": "sr", "sr": "sr", "chinese": "zh",
    "zh": "zh", "japanese": "ja", "ja": "ja", "portuguese": "pt", "pt": "pt", "dutch": "nl",
    "nl": "nl", "finnish": "fi", "fi": "fi", "swedish": "sv", "sv": "sv", "turkish": "tr",
    "tr": "tr",
}

#: ISO 639-1 code → the babel name written to `langid`
BABEL_NAMES: dict[str, str] = {
    "ru": "russian", "en": "english", "uk": "ukrainian", "be": "belarusian", "kk": "kazakh",
    "de": "german", "fr": "french", "es": "spanish", "it": "italian", "pl": "polish",
    "cs": "czech", "bg": "bulgarian", "sr": "serbian", "zh": "chinese", "ja": "japanese",
    "pt": "portuguese", "nl": "dutch", "fi": "finnish", "sv": "swedish", "tr": "turkish",
}

#: BibLaTeX `eprinttype` → the CSL variable that holds the identifier
EPRINT_TYPES: dict[str, str] = {"pubmed": "PMID", "pmid": "PMID", "pmc": "PMCID",
                                "pmcid": "PMCID", "doi": "DOI"}

#: BibLaTeX `eprinttype` → the address biblatex links the identifier to (as pandoc reads it)
EPRINT_URLS: dict[str, str] = {"arxiv": "https://arxiv.org/abs/",
                               "jstor": "https://www.jstor.org/stable/",
                               "hdl": "https://hdl.handle.net/"}

#: order in which the BibTeX writer emits fields (others follow alphabetically)
BIBTEX_FIELD_ORDER: tuple[str, ...] = (
    "author", "editor", "translator", "bookauthor", "title", "shorttitle", "booktitle", "journal",
    "shortjournal", "series", "type", "school", "institution", "organization", "publisher",
    "address", "edition", "year", "month", "day", "volume", "number", "chapter", "pages", "eid",
    "pagetotal", "volumes", "eventtitle", "venue", "version", "doi", "pmid", "pmcid", "eprint",
    "eprinttype", "isbn", "issn", "url", "howpublished", "urldate", "langid", "keywords",
    "abstract", "note", "annote",
)

#: biblatex-gost's thesis type keys (`type` of a `@thesis`) → the degree words GOST prints
#: before the branch of science: "дис. … канд. ист. наук", "автореф. дис. … д-ра физ.-мат. наук"
#: (GOST R 7.0.5-2008 / 7.1-2003 examples; the words of biblatex-gost's russian-gost.lbx, and of
#: biblatex's russian.lbx for `candthesis`). Used for a Russian item only; other items keep
#: biblatex's English term (`citefmt.latex.BIBLATEX_STRINGS`).
THESIS_DEGREES_RU: dict[str, str] = {
    "phdthesis": "дис. … канд.", "candthesis": "дис. … канд.", "docthesis": "дис. … д-ра",
    "phdautoref": "автореф. дис. … канд.", "candautoref": "автореф. дис. … канд.",
    "docautoref": "автореф. дис. … д-ра"}

#: biblatex-gost's fields of a thesis: the branch of science of the degree ("ист. наук";
#: `major` is its older name) and the specialty code ("07.00.02"; CSL `number`)
THESIS_SCIENCE_FIELDS: tuple[str, ...] = ("science", "major")
THESIS_SPECIALITY_CODE_FIELDS: tuple[str, ...] = ("specialitycode", "majorcode")

#: biblatex's country keys (`location` of a `@patent`) → the country as a Russian description
#: names it in full and short (biblatex-gost's russian-gost.lbx and biblatex's russian.lbx:
#: "Российская Федерация" / "Рос. Федерация", "Соединённые Штаты Америки" / "США"; GOST R
#: 7.0.5-2008 prints the short form, 7.0.100-2018 the full one), and as any other description
#: names it (biblatex's english.lbx)
COUNTRIES_RU: dict[str, tuple[str, str]] = {
    "countryru": ("Российская Федерация", "Рос. Федерация"), "countryussr": ("СССР", "СССР"),
    "countryde": ("Германия", "Германия"), "countryeu": ("Европейский Союз", "ЕС"),
    "countryep": ("Европейский Союз", "ЕС"), "countryfr": ("Франция", "Франция"),
    "countryuk": ("Великобритания", "Великобритания"),
    "countryus": ("Соединённые Штаты Америки", "США")}
COUNTRIES_EN: dict[str, tuple[str, str]] = {
    "countryru": ("Russian Federation", "Russian Federation"), "countryussr": ("USSR", "USSR"),
    "countryde": ("Germany", "DE"), "countryeu": ("European Union", "EU"),
    "countryep": ("European Union", "EP"), "countryfr": ("France", "FR"),
    "countryuk": ("United Kingdom", "GB"), "countryus": ("United States of America", "US")}

#: biblatex's patent type keys (`type` of a `@patent`) → the designation a Russian description
#: gives before the number, in full (GOST R 7.0.100-2018: "Патент № 2637215") and short (GOST R
#: 7.0.5-2008: "пат. 2187888", "а. с. 1007970"), from biblatex's russian.lbx and biblatex-gost's
#: russian-gost.lbx
PATENT_TYPES_RU: dict[str, tuple[str, str]] = {
    "patent": ("патент", "пат."),
    "patentru": ("патент Российской Федерации", "пат. Рос. Федерации"),
    "patentussr": ("патент СССР", "пат. СССР"),
    "patentde": ("патент Германии", "пат. Германии"),
    "patenteu": ("патент Европы", "пат. Европы"),
    "patentfr": ("патент Франции", "пат. Франции"),
    "patentuk": ("патент Великобритании", "пат. Великобритании"),
    "patentus": ("патент США", "пат. США"), "patreq": ("заявка", "заявка"),
    "patreqru": ("заявка на патент Российской Федерации", "заявка на пат. Рос. Федерации"),
    "patrequssr": ("заявка на патент СССР", "заявка на пат. СССР"),
    "patreqde": ("заявка на патент Германии", "заявка на пат. Германии"),
    "patreqeu": ("заявка на патент Европы", "заявка на пат. Европы"),
    "patreqfr": ("заявка на патент Франции", "заявка на пат. Франции"),
    "patrequk": ("заявка на патент Великобритании", "заявка на пат. Великобритании"),
    "patrequs": ("заявка на патент США", "заявка на пат. США"),
    "invcert": ("авторское свидетельство", "а. с.")}

#: biblatex-gost's fields of a patent → CSL variables: the IPC classes (`ipc`, CSL
#: `call-number`), the holder (`holder`, CSL `publisher`), the bulletin it was published in
#: (`publication`, CSL `issue`), the application number (`reqnumber`, citefmt's extension
#: `application-number`); its `publdate` is the publication date (CSL `issued`), and then its
#: `date` the filing date (CSL `submitted`)
PATENT_TEXT_FIELDS: dict[str, str] = {"ipc": "call-number", "holder": "publisher",
                                      "publication": "issue",
                                      "reqnumber": "application-number",
                                      "authortype": "author-country",
                                      "prioritynumber": "priority-number",
                                      "prnumber": "priority-number"}

#: a patent's priority (biblatex-gost `prioritydate`/`prdate`, `prioritycountry`/`prcountry`, a
#: country key): citefmt's extension variables `priority-date`, `priority-country`
PRIORITY_DATE_FIELDS: tuple[str, ...] = ("prioritydate", "prdate")
PRIORITY_COUNTRY_FIELDS: tuple[str, ...] = ("prioritycountry", "prcountry")

#: biblatex-gost's `heading` (the heading of a description as worded: "ГОСТ Р 51771—2001",
#: "Пат. 2187888 Рос. федерация, МПК7 H 04 B 1/38") and `specdata` (the data specific to a
#: kind of document: "Взамен ГОСТ 7.53—86 ; введ. 2002—07—01") → citefmt's extension variables
#: of the same names (styles/README.md)
HEADING_FIELDS: dict[str, str] = {"heading": "heading", "specdata": "specdata"}

#: biblatex-gost's counts of a multi-part work beside `volumes`: its books and its parts ("в 3
#: кн.", "в 4 ч."), citefmt's extension variables `number-of-books`, `number-of-parts`
PARTS_FIELDS: dict[str, str] = {"books": "number-of-books", "parts": "number-of-parts"}

#: biblatex-gost's `book`: the designation of a book of a multi-part work as the source words it
#: ("Книга первая"); read as its CSL `volume` when the entry gives none (the engine then prints
#: it as given, `volume-as-given`)
BOOK_FIELD = "book"
