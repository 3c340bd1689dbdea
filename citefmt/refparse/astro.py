"""The short journal form of astronomy and physics lists (MNRAS, A&A, ApJ and their authors):
no title, every element after the names separated by commas.

    Hasegawa T., Wakamatsu K., Menzies J. W., 2000, MNRAS, 316, 326
    Govoni F., & Feretti L., 2004, IJMPD, 13, 1549
    Smith J. A., et al., 2001, ApJ, 550, L12
    Smith, J. A., Roe, K., & Doe, L. 2016, MNRAS, 465, 1454
    Planck Collaboration. 2016, A&A, 594, A13

The form is strict (surname + dotted initials, a bare year, a journal without digits, a volume
and one page or range, nothing after), so a match is a confident reading; the journal is
printed abbreviated and goes into `container-title` and `container-title-short`.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import date_parts, normalise_page, squeezed
from citefmt.refparse.names import split_names, strip_et_al

#: one name, matched atomically so a long author list that fails later is not re-split
_NAME = (r"(?>(?:(?:von|van|de|der|den|da|di|du|le|la)\s)*[A-Z][\w'’\-]+(?:\s[a-z]{1,3})?"
         r"(?:\s[A-Z][\w'’\-]+)?,?\s[A-Z]\.(?:\s?-?[A-Z]\.)*)")
#: a collaboration as the author: "Planck Collaboration. 2016, A&A, …", "PlanckCollaboration."
_COLLABORATION = r"(?P<collaboration>[A-Z][\w\-]*\s?Collaboration)"
_FORM_RE = re.compile(
    rf"^(?:(?P<authors>{_NAME}(?:(?:,\s*(?:(?:&|and)\s+)?|\s+(?:&|and)\s+){_NAME})*"
    rf"(?:,?\s*et\s+al\.?)?)|{_COLLABORATION}\.?)(?:,\s*|\s+)"
    r"(?P<year>(?:1[6-9]|20)\d\d)[a-z]?,\s*"
    r"(?P<journal>[^,\d\s][^,\d]{0,60}?),\s*"
    r"(?P<volume>[A-Z]?\d+[A-Za-z]?),\s*"
    r"(?P<page>[A-Z]?\d+[A-Za-z]?(?:\s*[-–]\s*[A-Z]?\d+)?)\.?$")


def looks_like(body: str) -> bool:
    return bool(_FORM_RE.match(squeezed(body)))


def parse(body: str) -> Candidate | None:
    """Read the short title-less journal form from `body` (identifiers already blanked)."""
    match = _FORM_RE.match(squeezed(body))
    if not match:
        return None
    if match.group("collaboration"):
        truncated = False
        names = [{"literal": match.group("collaboration")}]  # as printed, "PlanckCollaboration"
    else:
        statement, truncated = strip_et_al(match.group("authors"))
        names = split_names(re.sub(r"(?:^|,\s*)(?:&|and)\s+", ", ", statement).strip(", "))
    if not names:
        return None
    journal = match.group("journal").strip()
    item: Item = {"type": "article-journal", "author": names, "container-title": journal,
                  "container-title-short": journal, "issued": date_parts(match.group("year")),
                  "volume": match.group("volume"), "page": normalise_page(match.group("page"))}
    return Candidate("astro", item, 0.85, truncated_authors=truncated)
