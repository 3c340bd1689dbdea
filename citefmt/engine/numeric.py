"""CSL 1.0.2's numeric content, shared by the `is-numeric` condition and the labels' plural.

"Content is considered numeric if it solely consists of numbers. Numbers may have prefixes
and suffixes ("D2", "2b", "L2d"), and may be separated by a comma, hyphen, or ampersand, with
or without spaces ("2, 3", "2-4", "2 & 4")" (Choose, `is-numeric`); roman numerals count, as
in citeproc-js ("i–ix").
"""

from __future__ import annotations

import re

#: one number of a list: digits with letter affixes ("2b", "D2", "e12"), or roman numerals
_ONE_NUMBER = re.compile(r"[A-Za-z]*\d+[A-Za-z]*|[ivxlcdmIVXLCDM]+")
_SEPARATORS = re.compile(r"\s*(?:,\s*|&|[-–—]+)\s*")


def numeric_list(value: str) -> bool:
    """Whether `value` is numbers only, joined by commas, ampersands or range dashes (CSL
    1.0.2 is-numeric: "2b", "D2", "i–ix", "1, 3 & 5-7")."""
    parts = _SEPARATORS.split(value.strip())
    return bool(parts) and all(_ONE_NUMBER.fullmatch(part) for part in parts)
