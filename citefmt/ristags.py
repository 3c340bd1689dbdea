"""The RIS tables the reader and the writer share: reference types and the tags whose meaning
depends on the type (the RIS specification's per-type tables, as EndNote writes them and Zotero
reads them). Kept below both, as `bibmap` is for BibTeX, so the writer does not import a reader.
"""

from __future__ import annotations

#: RIS reference type → CSL type
RIS_TYPES: dict[str, str] = {
    "JOUR": "article-journal", "JFULL": "article-journal", "EJOUR": "article-journal",
    "ABST": "article-journal", "INPR": "article-journal",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "WHOLE": "book", "CTLG": "book",
    "CHAP": "chapter", "ECHAP": "chapter",
    "CONF": "paper-conference", "CPAPER": "paper-conference",
    "THES": "thesis", "RPRT": "report", "ELEC": "webpage", "WEB": "webpage",
    "PAT": "patent", "STAND": "standard", "GEN": "document", "MGZN": "article-magazine",
    "NEWS": "article-newspaper", "DATA": "dataset", "AGGR": "dataset", "DBASE": "dataset",
    "COMP": "software", "CASE": "legal_case", "BILL": "bill", "STAT": "legislation",
    "GOVDOC": "report", "UNPB": "manuscript", "MANSCPT": "manuscript", "MAP": "map",
    "PCOMM": "personal_communication", "ICOMM": "personal_communication", "BLOG": "post-weblog",
    "DICT": "entry-dictionary", "ENCYC": "entry-encyclopedia", "VIDEO": "motion_picture",
    "ADVS": "motion_picture", "MPCT": "motion_picture", "SOUND": "song", "MUSIC": "musical_score",
    "PAMP": "pamphlet", "HEAR": "hearing", "ART": "graphic", "SLIDE": "graphic",
    "FIGURE": "figure", "LEGAL": "regulation", "SER": "book", "CLSWK": "classic",
    "CHART": "graphic", "MULTI": "motion_picture",
}

_BOOKS = ("book", "report")
_PARTS = ("chapter", "paper-conference", "entry-dictionary", "entry-encyclopedia", "map")
_SCREEN = ("motion_picture", "broadcast")
#: tags whose meaning depends on the reference type (the RIS specification's per-type tables,
#: as EndNote writes them and Zotero reads them): tag → {CSL type: CSL variable}, "*" for the
#: other types, None for "not a field of this type"
TYPED_TAGS: dict[str, dict[str, str | None]] = {
    "AU": {"*": "author", **dict.fromkeys(_SCREEN, "director"), "song": "composer",
           "musical_score": "composer"},
    "A1": {"*": "author", **dict.fromkeys(_SCREEN, "director"), "song": "composer",
           "musical_score": "composer"},
    "A2": {"*": "editor", **dict.fromkeys(_BOOKS, "collection-editor"),
           "personal_communication": "recipient", "interview": "interviewer",
           "song": "performer", "bill": None, "legal_case": None, "patent": None},
    "A3": {"*": "collection-editor", "book": "editor", "thesis": "contributor",
           **dict.fromkeys(_SCREEN, "producer")},
    "A4": {"*": "translator", "paper-conference": "contributor",
           "motion_picture": "contributor", "dataset": "contributor",
           "legal_case": "contributor"},
    "C2": {"*": None, "chapter": "container-author"},
    "T3": {"*": "collection-title", "bill": None, "hearing": None},
    "M1": {"*": "number", "book": "collection-number", "patent": "call-number",
           "software": None},
    "SV": {"*": None, "chapter": "collection-number", "legal_case": "number"},
    "NV": {"*": "number-of-volumes", "chapter": None, "dataset": None},
    "ET": {"*": "edition", "software": "version", "dataset": "version", "bill": None,
           "hearing": None, "legislation": None},
    "VL": {"*": "volume", "patent": None, "webpage": None},
    "CY": {"*": "publisher-place", "paper-conference": "event-place",
           "dataset": "archive-place"},
    "C1": {"*": None, "paper-conference": "publisher-place"},
    "C6": {"*": None, "patent": "status"},
    "C3": {"*": "event-title", "paper-conference": None},
    "SE": {"*": "section", "legal_case": None},
}
def typed_tag(variable: str, csl_type: str, default: str) -> str | None:
    """The tag the RIS reader reads back as `variable` for `csl_type` (for the writer):
    `default` when it means that for this type, else the per-type tag that does, else None."""
    table = TYPED_TAGS.get(default)
    if table is None or table.get(csl_type, table["*"]) == variable:
        return default
    return next((tag for tag, table in TYPED_TAGS.items()
                 if table.get(csl_type, table["*"]) == variable), None)
