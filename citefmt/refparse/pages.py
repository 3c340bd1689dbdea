"""Page ranges as the item holds them: the full range, whatever the source abbreviated.

NLM/Vancouver lists elide the repeated leading digits of the last page ("2707-20", "121-8",
"S93-9"). The CSL-JSON `page` variable is the real range ("2707-2720", "121-128", "S93-S99"): a
Vancouver style elides it again when it renders, GOST prints it in full. This is a faithful
reading of what the source means, not a repair, so it is not reported.
"""

from __future__ import annotations

import re

_RANGE = re.compile(r"(?P<prefix>[A-Za-z]*)(?P<first>\d+)(?P<dash>\s*[-–—‒]\s*)"
                    r"(?P<last_prefix>[A-Za-z]*)(?P<last>\d+)")


def expand_page_range(page: str) -> str:
    """`page` with an elided last page written in full ("1477-81" → "1477-1481").

    Left as printed when the last page is not shorter than the first, carries a letter prefix of
    its own that differs from the first page's, or would not end after the first page once
    expanded ("199-2" is not a range NLM elision produces)."""
    match = _RANGE.fullmatch(page.strip())
    if not match:
        return page
    prefix, first, last = match["prefix"], match["first"], match["last"]
    if len(last) >= len(first) or (match["last_prefix"] and match["last_prefix"] != prefix):
        return page
    full_last = first[: len(first) - len(last)] + last
    if int(full_last) <= int(first):
        return page
    return f"{prefix}{first}{match['dash']}{prefix}{full_last}"
