"""anystyle tags a whole "18(9):1434–40" block as `volume` when no `pages` segment follows; the
field mapping (gold and tagger alike) reads the pages out of it, and reads "43:17:" before a pages
segment as volume and issue only. Segments written for this test."""

from __future__ import annotations

import pytest

from citefmt.refparse.tagger.fields import item_from_segments


def _numbers(segments: list[tuple[str, str]]) -> dict[str, str]:
    item = item_from_segments([("author", "Roe, J."), ("title", "A title."),
                               ("journal", "J Test,"), *segments])
    return {k: item[k] for k in ("volume", "issue", "page", "number") if k in item}


@pytest.mark.parametrize("volume, expected", [
    ("18(9):1434–40,", {"volume": "18", "issue": "9", "page": "1434-40"}),
    ("5:98–108,", {"volume": "5", "page": "98-108"}),
    ("39:1146.", {"volume": "39", "page": "1146"}),
    ("3(6):e116,", {"volume": "3", "issue": "6", "page": "e116"}),
    # the mapping keeps every locator in `page` (the dev set's gold convention);
    # parse_with_tagger then gives an article number as `number` (refparse.locators)
    ("88(4):048702,", {"volume": "88", "issue": "4", "page": "048702"}),
    ("37(1):109-117 .", {"volume": "37", "issue": "1", "page": "109-117"}),
    ("12,", {"volume": "12"}),
])
def test_pages_inside_a_volume_segment(volume: str, expected: dict[str, str]) -> None:
    assert _numbers([("volume", volume), ("date", "2012.")]) == expected


def test_a_pages_segment_wins_over_the_volume_segment() -> None:
    assert _numbers([("volume", "43:17:"), ("pages", "6691."), ("date", "2009.")]) == {
        "volume": "43", "page": "6691"}
