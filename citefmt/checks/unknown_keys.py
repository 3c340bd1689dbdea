"""CF307: a pandoc `[@key]` citation whose key is not in the manuscript's bibliography.

Checked only when a bibliography is known (the `bibliography` setting, or the manuscript's YAML
front matter), since without one every key would be "unknown".
"""

from __future__ import annotations

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic

CODES = ("CF307",)


def find(doc: Document) -> list[Diagnostic]:
    if not doc.bibliography_keys:
        return []
    known = {k.casefold() for k in doc.bibliography_keys}
    return [doc.diagnostic("CF307", f"citation key @{key} is not in the bibliography",
                           line=citation.line, col=citation.col)
            for citation in doc.citations
            for key in citation.keys if key.casefold() not in known]
