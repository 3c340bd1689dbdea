"""The imprint of a book, report or thesis: which words are the place, which the publisher.

Styles print the two in either order and with either mark: "Place: Publisher" (ISO 690, APA,
Vancouver, ABNT "Cidade: Editora", GOST "М. : Наука"), "Publisher, Place" (physics and IEEE
books, "(Wiley, New York, 1998)", the Russian References "Nauka Publ., Moscow"), "Place,
Publisher" (ABNT and Spanish lists without the colon: "Porto Alegre, Artmed"). A grammar or
the tagger that reads the imprint as one field ("Wiley, New York" as the place, "Chicago:
University of Chicago Press" as the publisher) is corrected here, after the reading is chosen:
the side that is a place phrase (places.py, GeoNames) is the place, the other the publisher.
Nothing is split when neither side, or no single side, is a place.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.places import place_population

#: a publisher has a word of its own: three letters or more ("AIP", "Wiley"), not a region code
_PUBLISHER_WORD = re.compile(r"[^\W\d_]{3,}")
_TRIM = " .,;:"


def _publisher_like(text: str) -> bool:
    return bool(_PUBLISHER_WORD.search(text)) and not place_population(text)


def split_by_colon(value: str) -> tuple[str, str] | None:
    """(place, publisher) of "Place: Publisher" — or of "Publisher: Place" when only the right
    side is a place ("Unesco Publishing: Paris")."""
    left, colon, right = value.partition(":")
    left, right = left.strip(_TRIM), right.strip(_TRIM)
    if not colon or ":" in right or not left or not right:
        return None
    if place_population(left) and _publisher_like(right):
        return left, right
    if place_population(right) and _publisher_like(left):
        return right, left
    return None


def split_by_comma(value: str, publisher_first: bool = False) -> tuple[str, str] | None:
    """(place, publisher) of "Publisher, Place" or "Place, Publisher": the one split of the comma
    parts where one side is a place phrase and the other is not. Two places ("Honolulu,
    Hawaii") are one place, not a publisher and a place. `publisher_first` admits only
    "Publisher, Place" (a value read as a place may be "Place, Country", never the reverse)."""
    parts = [p.strip() for p in value.strip(" ,;:").split(",")]
    if len(parts) < 2 or len(parts) > 6 or not all(parts):
        return None
    found: list[tuple[str, str]] = []
    for k in range(1, len(parts)):
        left, right = ", ".join(parts[:k]), ", ".join(parts[k:])
        on_left, on_right = place_population(left), place_population(right)
        if on_right and not on_left and _PUBLISHER_WORD.search(left):
            found.append((right, left))
        elif on_left and not on_right and not publisher_first and _PUBLISHER_WORD.search(right):
            found.append((left, right))
    return found[0] if len(found) == 1 else None


def split_joined_imprint(item: Item) -> None:
    """An item with only a publisher or only a place whose value holds both gets both; a
    publisher and place read the wrong way round ("Oxford University Press: Oxford" read as
    "Place: Publisher") are swapped."""
    publisher, place = item.get("publisher"), item.get("publisher-place")
    if isinstance(publisher, str) and isinstance(place, str):
        if place_population(publisher) and _publisher_like(place):
            item["publisher"], item["publisher-place"] = place, publisher
        return
    if isinstance(publisher, str) and not place:
        found = split_by_colon(publisher) if ":" in publisher else \
            split_by_comma(publisher) if "," in publisher else None
    elif isinstance(place, str) and not publisher and "," in place and ":" not in place:
        found = split_by_comma(place, publisher_first=True)
    else:
        return
    if found:
        item["publisher-place"], item["publisher"] = found
