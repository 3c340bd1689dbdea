"""Technical standards and specifications cited by their designation, then the title in
quotation marks, as telecommunication and multimedia lists print them (3GPP, ETSI, ITU, ISO/IEC):

    3GPP TS 23.501: "System Architecture for the 5G System; Stage 2".
    ISO/IEC 23090-6: "Immersive media metrics".
    Recommendation ITU-R BT.500-13: "Methodology for the subjective assessment …",
        International Telecommunication Union, Jan. 2012.

Steps: the designation (a body's code with its number) before the colon is the standard's
`number`, the quoted text its title, and what follows the issuing body and the date. A CSL
`standard` item.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate
from citefmt.refparse.common import date_parts, squeezed, tidy

#: the designation: an optional word ("Recommendation"), a code in capitals ("3GPP TS",
#: "ISO/IEC", "ITU-R BT"), its number ("23.501", "23009-1: 2014/Amd. 1:2015"), then ": " and
#: the opening quotation mark of the title
_HEAD = re.compile(r"^(?P<number>(?:[A-Z][a-z]+\s+)?[A-Z0-9][A-Z0-9/-]*[A-Z][A-Z0-9/-]*"
                   r"(?:\s+[A-Z]{1,4})?\s*[\d.][\w.\-:/ ]*?)\s*:\s*[\"“]\s*(?P<title>[^\"”]+?)"
                   r"\s*[\"”]\s*[.,]?\s*(?P<rest>.*)$")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
#: the date after the issuing body: "Jan. 2012", "2019", "March 2020"
_DATE_AT_END = re.compile(r"[,\s]*(?:[A-Z][a-z]{2,8}\s?\.?\s*)?(?:\d{1,2}\s+)?(?:19|20)\d\d\s*\.?$")


def looks_like(body: str) -> bool:
    return ":" in body and ('"' in body or "“" in body) and bool(_HEAD.match(squeezed(body)))


def parse(body: str) -> Candidate | None:
    """The designation, the quoted title, and the issuing body and date after them."""
    head = _HEAD.match(squeezed(body))
    if not head:
        return None
    item: Item = {"type": "standard", "number": tidy(head.group("number")),
                  "title": tidy(head.group("title"))}
    rest = head.group("rest").strip(" .,")
    if year := _YEAR.search(rest):
        item["issued"] = date_parts(year.group(1))
    body_name = tidy(_DATE_AT_END.sub("", rest)) if rest else ""
    if body_name and not any(c.isdigit() for c in body_name):
        item["publisher"] = body_name
    elif body_name:
        return None  # more than a body and a date follows: another kind of reference
    return Candidate("standard", item, 0.8)
