"""CF307: a citation key (pandoc `[@key]`, LaTeX `\\cite{key}`) not in the bibliography.

Checked only when a bibliography is known (the `bibliography` setting, the manuscript's YAML
front matter or metadata file, `\\bibliography{}` / `\\addbibresource{}`, or one found beside it:
`citefmt.checks.projects`), since without one every key would be "unknown". Manubot's
identifier keys (`@doi:10.…`, `@pmid:…`/`@pubmed:…`, `@pmc:…`, `@arxiv:…`, `@url:…`, `@isbn:…`,
`@wikidata:…`, `@tag:…`) are resolved by Manubot itself, not looked up in the bibliography;
its aliases (`[@alias]: doi:…`, `pandoc: citekey-aliases:`) count as keys. pandoc-crossref's
`@fig:…`, `@eq:…`, `@tbl:…`, `@sec:…`, `@lst:…` are cross-references, not citations. LaTeX findings
point at the key itself; `\\nocite{*}` cites no key of its own.
"""

from __future__ import annotations

import re

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic

CODES = ("CF307",)
#: keys that are not bibliography keys: Manubot's identifiers, pandoc-crossref's labels
_MANUBOT_PREFIX = re.compile(
    r"(?i)^(?:doi|pmid|pubmed|pmcid|pmc|arxiv|url|https?|isbn|wikidata|tag"
    r"|fig|eq|tbl|sec|lst):")


def find(doc: Document) -> list[Diagnostic]:
    if not doc.bibliography_keys:
        return []
    by_folded = {k.casefold(): k for k in doc.bibliography_keys}
    found = []
    for citation in doc.citations:
        for index, key in enumerate(citation.keys):
            if key in doc.bibliography_keys or key == "*" or _MANUBOT_PREFIX.match(key):
                continue
            shown = f"'{key}'" if citation.kind == "latex" else f"@{key}"
            other = by_folded.get(key.casefold())
            message = f"citation key {shown} is not in the bibliography" if other is None else (
                f"citation key {shown} differs from the bibliography's '{other}' only in case "
                "(BibTeX reports a case mismatch; biber and pandoc do not find it)")
            line, col = citation.key_positions[index] if citation.key_positions else (
                citation.line, citation.col)
            found.append(doc.diagnostic("CF307", message, line=line, col=col))
    return found
