"""CF201–CF205: identifiers that cannot be right (DOI shape, PMID, PMCID, ISBN/ISSN checksum)."""

from __future__ import annotations

import re
from collections.abc import Callable

from citefmt.checks.document import Document
from citefmt.diagnostics import Diagnostic

CODES = ("CF201", "CF202", "CF203", "CF204", "CF205")


def _validators() -> list[tuple[str, str, str, Callable[[str], bool]]]:
    from citefmt import identifiers as ids

    return [
        ("DOI", "CF201", "DOI", ids.is_valid_doi),
        ("PMID", "CF202", "PMID", ids.is_valid_pmid),
        ("PMCID", "CF203", "PMCID", ids.is_valid_pmcid),
        ("ISBN", "CF204", "ISBN", ids.is_valid_isbn),
        ("ISSN", "CF205", "ISSN", ids.is_valid_issn),
    ]


def find(doc: Document) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    validators = _validators()
    for index, record in enumerate(doc.records):
        for field, code, name, is_valid in validators:
            value = record.item.get(field)
            if value is None:
                continue
            # ISBN and ISSN fields may hold several numbers ("978-… (print), 978-… (online)")
            parts = _split_numbers(str(value)) if field in ("ISBN", "ISSN") else [str(value)]
            for part in parts:
                if not is_valid(part):
                    found.append(doc.diagnostic(
                        code, f"{doc.label(index)}: malformed {name} {part!r}", index=index))
    return found


def _split_numbers(value: str) -> list[str]:
    return [m.group() for m in re.finditer(r"[0-9][0-9\- ]*[0-9Xx]", value)] or [value]
