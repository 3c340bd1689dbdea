"""The second number of a page range in each CSL 1.0.2 `page-range-format` (Appendix V).

citeproc-py compared the two numbers as written, so a range already shortened in the data
came out wrong ("1536-538" minimal → "1536–5", "600-13" chicago → "600–13" instead of
"600–613"), and it applied Chicago 15th edition's four-digit rule to `chicago-16` too. Here
the second number is first completed from the first ("538" after "1536" is "1538"), then
shortened:

- `expanded`: all digits ("1536–1538");
- `minimal`: only the digits that change ("1536–8");
- `minimal-two`: at least two digits ("1536–38");
- `chicago-16`: all digits below 100 and from multiples of 100 ("71–72", "600–613"), the
  changed part for 101–109 in each hundred ("107–8"), at least two digits otherwise
  ("321–25"); `chicago`/`chicago-15` also print all four digits when three of them change
  ("1496–1504").

Without `page-range-format` the second number is printed as written. A letter prefix shared
by both numbers ("S93-S99", "n11564-n1568") is kept on the first only
when the second is shortened; a range whose numbers are not plain digits is left as written.
"""

from __future__ import annotations

import re

#: a number of a range: a prefix ending in a non-digit ("N", "8n", "S") and its digits
_NUMBER = re.compile(r"^(.*\D)?(\d+)$")
_ROMAN = re.compile(r"^[ivxlcdm]+$|^[IVXLCDM]+$")
#: a range: two numbers around a hyphen or en dash, with or without spaces
_RANGE = re.compile(r"^([^\s\-\u2013]+)\s*[-\u2013]\s*([^\s\-\u2013]+)$")


def read_range(piece: str) -> tuple[str, str] | str:
    """One comma- and ampersand-free piece of a page or locator value: (first, last) when it
    is a range to print with the range delimiter and `page-range-format`, else the piece as
    it is printed (CSL test suite page_Expand, page_Minimal, page_ChicagoWeird,
    label_CollapsedPageNumberPluralDetection, as citeproc-js reads them).

    Gap: citeproc-py replaced every hyphen with an en dash and shortened any two numbers
    around one: "N110-5" (a prefix on one number only) came out "N110–115",
    "Michaelson-Morely" "Michaelson–Morely", and an escaped hyphen ("327\\-30", a page
    number that is not a range) "327\\–30". A range is two numbers with the same prefix
    ("N110-N5", "8n11564-8n1568"; none: "110-5") or two roman numerals; any other hyphenated
    text keeps a plain hyphen, spaces around it dropped ("N110-P5", "123N110-N5"); an escaped
    hyphen is printed as a hyphen."""
    piece = piece.strip()
    if "\\-" in piece:
        return piece.replace("\\-", "-")
    match = _RANGE.match(piece)
    if match is None:
        return piece
    first, last = match.groups()
    first_number, last_number = _NUMBER.match(first), _NUMBER.match(last)
    if first_number and last_number:
        if (first_number.group(1) or "") == (last_number.group(1) or ""):
            return first, last
    elif _ROMAN.match(first) and _ROMAN.match(last):
        return first, last
    return f"{first}-{last}"


def last_page(first: str, last: str, range_format: str | None) -> str:
    """The second number of the range `first`–`last` as `range_format` prints it."""
    first_match, last_match = _NUMBER.match(first), _NUMBER.match(last)
    if range_format is None or not first_match or not last_match:
        return last
    prefix, first_digits = first_match.group(1) or "", first_match.group(2)
    last_prefix, last_digits = last_match.group(1) or "", last_match.group(2)
    if last_prefix and last_prefix != prefix:
        return last
    if len(last_digits) < len(first_digits):
        last_digits = first_digits[: len(first_digits) - len(last_digits)] + last_digits
    if int(last_digits) < int(first_digits):
        return last
    keep = (len(last_digits) if len(last_digits) > len(first_digits)
            else _digits_kept(first_digits, last_digits, range_format))
    if keep >= len(last_digits):
        return last_prefix + last_digits
    return last_digits[-keep:]


def _digits_kept(first: str, last: str, range_format: str) -> int:
    changed = len(first) - _common_prefix(first, last)
    if range_format == "minimal":
        return max(changed, 1)
    if range_format == "minimal-two":
        return max(changed, 2)
    if range_format in ("chicago", "chicago-15", "chicago-16"):
        number = int(first)
        if number < 100 or number % 100 == 0:
            return len(last)
        if range_format != "chicago-16" and len(first) == 4 and changed >= 3:
            return len(last)
        if 1 <= number % 100 <= 9:
            return max(changed, 1)
        return max(changed, 2)
    return len(last)


def _common_prefix(first: str, last: str) -> int:
    count = 0
    for a, b in zip(first, last, strict=True):
        if a != b:
            break
        count += 1
    return count
