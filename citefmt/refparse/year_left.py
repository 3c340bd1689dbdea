"""The year a reading left unread.

Every style prints a reference's date (NLM, APA, NBR 6023, ISO 690, GOST); a reading that
has no date while the string prints exactly one year that none of its fields holds has lost
that year to a label or a neighbour ("…, p. 297-334, 1951. Doi: https://doi.org/…" read with
the year in the DOI's segment). That year is the date.
"""

from __future__ import annotations

import re
from datetime import date

from citefmt.model import Item
from citefmt.refparse.common import date_parts

#: a year standing alone: not a part of a longer number, a date "12/10/2019", a range
#: "2007-2008" or an identifier "10.1590/2019…"
_YEAR_RE = re.compile(r"(?<![\d/.\-–‐])(1[5-9]\d\d|20\d\d)[a-z]?(?![\d/\-–‐]|\.\d)")


def year_left_in_text(item: Item, body: str) -> None:
    """Give a reading without `issued` the one year its text prints outside every field."""
    if item.get("issued") or not any(c.isdigit() for c in body):
        return
    held = " ".join(v for v in item.values() if isinstance(v, str))
    left = {y for y in _YEAR_RE.findall(body) if y not in held}
    if len(left) == 1 and (year := int(next(iter(left)))) <= date.today().year + 1:
        item["issued"] = date_parts(year)
