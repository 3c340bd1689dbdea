"""Diagnostics: findings about input data, returned as values (never raised).

Every reader, parser and check reports what it found or repaired as a `Diagnostic`;
the CLI prints them in ruff's `path:line:col: CODE message` form or as JSON.
The code table below is the single list of stable codes: add new codes here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from citefmt.edits import Fix

Severity = Literal["error", "warning", "info"]

#: Stable diagnostic codes and their one-line meaning. Codes never change meaning once released.
CODES: dict[str, str] = {
    # reading / parsing (CF1xx)
    "CF100": "reference could not be parsed",
    "CF101": "words glued together were split",
    "CF102": "word broken by a line break or hyphen was joined",
    "CF103": "identifier broken by a space was repaired",
    "CF104": "page range repaired",
    "CF105": "text normalised (Unicode, spaces, quotes)",
    "CF106": "field value is ambiguous; parser chose one reading",
    "CF107": "author list truncated (et al.); the full list is not in the source",
    "CF110": "BibTeX block could not be parsed",
    "CF111": "BibTeX entry has a duplicate key",
    "CF112": "BibTeX entry has a duplicate field",
    "CF113": "BibTeX field probably misses a comma before the next field",
    "CF114": "BibTeX braces are unbalanced",
    "CF115": "BibTeX crossref target not found",
    "CF120": "record in a structured file could not be read",
    "CF121": "unknown field or tag was ignored",
    "CF122": "no references found in the input",
    # readers13 (#13, #9 part 3): readers' tolerance notes
    "CF123": "CSL item without a type, read as 'document'",
    "CF124": "CSL date with nothing in it, left out",
    "CF125": "BibTeX entry with a slip BibTeX tools forgive (no key, empty field) was read",
    # item validity (CF2xx)
    "CF200": "item is missing a field its type needs",
    "CF201": "malformed DOI",
    "CF202": "malformed PMID",
    "CF203": "malformed PMCID",
    "CF204": "malformed ISBN (checksum)",
    "CF205": "malformed ISSN (checksum)",
    "CF206": "malformed date",
    "CF207": "malformed URL",
    "CF208": "invalid CSL-JSON item",
    # reference lists (CF3xx)
    "CF300": "duplicate reference",
    "CF301": "reference numbering has a gap",
    "CF302": "reference number repeated",
    "CF303": "reference is never cited",
    "CF304": "citation has no matching reference",
    "CF305": "references are not numbered in order of first citation",
    "CF306": "entry differs from its rendering in the chosen style",
    "CF307": "citation key not found in the bibliography",
    # manuscripts and repositories (ms9, issue 9 parts 4-5)
    "CF308": "bibliography file named by a manuscript not found",
    "CF309": "file is neither a bibliography nor a manuscript; skipped",
    # rendering (CF4xx)
    "CF400": "style produced no output for an item",
    "CF401": "style or engine warning",
    # partial rendering (ms9, issue 9 part 2)
    "CF402": "id used by an earlier entry; written under a new id",
    # GOST / Russian grammar and extension fields (gost12: CF410-CF419)
    "CF410": "extension field has the wrong shape and is not printed",
    # --fix and tidy (CF500–CF529, fix9): findings whose repair is a text edit
    "CF500": "DOI field holds a URL or a doi: prefix, not the bare DOI",
    "CF501": "unescaped & in a field value (a LaTeX error in the bibliography)",
    "CF502": "--rekey: citation key replaced by a generated one",
    "CF503": "--rekey: citation rewritten to the entry's new key",
    "CF504": "--rekey not applied: a key could not be rewritten everywhere",
    # a page's two reference lists: original and Latin-script "References" (translit14)
    "CF600": "the original list and the References list have different numbers of entries",
    "CF601": "an entry of the original list does not correspond to its References entry",
    "CF602": "a References entry still has Cyrillic letters",
    "CF603": "the References entry of a Cyrillic source has no language note (In Russ.)",
    "CF604": "the References list differs from the one written from the original list",
    # online verification against Crossref and PubMed (CF70x–CF72x; citefmt.online, issue 15)
    "CF700": "DOI does not resolve (no registration agency knows it)",
    "CF701": "PMID or PMCID does not resolve at PubMed",
    "CF702": "year disagrees with the registry",
    "CF703": "volume disagrees with the registry",
    "CF704": "issue disagrees with the registry",
    "CF705": "pages disagree with the registry",
    "CF706": "first author disagrees with the registry",
    "CF707": "title disagrees with the registry",
    "CF708": "journal disagrees with the registry",
    "CF709": "DOI and PMID name different articles",
    "CF710": "article has been retracted",
    "CF711": "article has a correction, erratum or expression of concern",
    "CF712": "field missing; the registry has it (--fix --online fills it)",
    "CF713": "field filled from the registry",
    "CF714": "reference without identifiers: certain Crossref match found",
    "CF715": "reference without identifiers: no certain Crossref match",
    "CF716": "filled value cannot be placed in the entry's text; add it by hand",
    "CF720": "registry lookup failed (network, timeout, rate limit or malformed response)",
    # hostile10: hostile and broken input (CF900–CF949; hard errors are in errors.ERROR_CODES)
    "CF912": "lone surrogate escape replaced by U+FFFD",
    "CF913": "number that is not finite (YAML .inf, .nan) kept as text",
    "CF935": "reference longer than the line-length limit was not parsed",
}


@dataclass(frozen=True)
class Diagnostic:
    """One finding about one place in one input."""

    code: str
    message: str
    path: str = "<input>"
    line: int | None = None
    col: int | None = None
    severity: Severity = "error"
    #: the text edits that repair this finding (`check --fix` applies them), if any
    fix: Fix | None = None

    def at(self, *, path: str | None = None, line_offset: int = 0) -> Diagnostic:
        """The same finding relocated into an enclosing file (e.g. a list inside a page)."""
        line = None if self.line is None else self.line + line_offset
        return replace(self, path=path if path is not None else self.path, line=line)

    def format(self) -> str:
        """`path:line:col: CODE message`, leaving out the parts that are unknown."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.code} {self.message}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("fix")
        if self.fix is not None:
            data["fix"] = self.fix.to_json()
        return data


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def render_diagnostics(diagnostics: Iterable[Diagnostic], *, fmt: Literal["text", "json"]) -> str:
    """Findings as `check` prints them: one `path:line:col: CODE message` line each (nothing at
    all for none), or a JSON array of objects."""
    if fmt == "json":
        return json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{d.format()}\n" for d in diagnostics)
