"""A body as author that a reading left inside the title.

NLM/Vancouver (Citing Medicine, ch. 1 "Organization as author"), NBR 6023 (8.1.2, "entidade")
and ISO 690 print a corporate author by its name in natural order, closed by a period, where a
person's name would stand: "World Health Organization. Physical status: …", "Instituto
Nacional de Estadística. Cifras oficiales …". A reading without authors whose title opens with
such a sentence has put the author into the title; the sentence is the author, as one literal
name (names.py convention).
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.names import starts_with_body_word

#: the connecting words a body's name holds between its capitalised words (Portuguese, Spanish,
#: English, French): "Sociedade Brasileira de Pediatria", "Centers for Disease Control and
#: Prevention", "Instituto Nacional de Estadística"
_CONNECTORS = (r"(?:de|da|do|das|dos|del|la|las|los|el|e|y|of|for|and|the|on|in|à|em|en|"
               r"para|des|du|et|&)")
#: a capitalised word of a body's name; hyphenated ("Pan-Americana") and with an apostrophe
#: ("Children's") too
_WORD = r"[A-ZÀ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*"
#: the title's first sentence, a body's name of two to twelve words: capitalised words and
#: connectors, an acronym in parentheses after it ("(WHO)", "(BR)"), then ". " and the title
_BODY_SENTENCE_RE = re.compile(
    rf"^(?P<body>{_WORD}(?:,?\s+(?:{_CONNECTORS}\s+)*{_WORD}){{1,11}}"
    r"(?:\s+\((?:[A-ZÀ-Þ]{2,12}|[A-ZÀ-Þ][a-zà-ÿ]+)\))?)\.\s+(?P<title>\S.*)$")


def body_out_of_title(item: Item) -> None:
    """"World Health Organization. Physical status: the use …" read as the title of a reading
    with no author (nor editor): the first sentence, when it is a body's name opening with a
    body word ("Organization"'s kin: `names.starts_with_body_word` — "Ministério", "Instituto",
    "Sociedade", "World …" does not open with one, so its last word is asked too), is the
    author."""
    title = item.get("title")
    if not isinstance(title, str) or item.get("author") or item.get("editor"):
        return
    if ". " not in title:
        return
    m = _BODY_SENTENCE_RE.match(title)
    if not m or not _names_a_body(m.group("body")):
        return
    item["author"] = [{"literal": m.group("body")}]
    item["title"] = m.group("title")


#: a body's name cut after a connecting word ("Australian Bureau of"), and the title that
#: starts with the rest of it ("Statistics. 4364.0 - National Health Survey …")
_CUT_AFTER_CONNECTOR_RE = re.compile(rf"\s{_CONNECTORS}$")
_NAME_REST_RE = re.compile(rf"^(?P<rest>{_WORD}(?:\s+(?:{_CONNECTORS}\s+)*{_WORD}){{0,5}})"
                           r"\.\s+(?P<title>\S.*)$")


def body_name_out_of_title(item: Item) -> None:
    """A body's name never ends in a connecting word: "Australian Bureau of" + a title
    "Statistics. 4364.0 - National Health Survey …" is the author "Australian Bureau of
    Statistics" and the title after it (a reading that cut the name at "of")."""
    authors, title = item.get("author"), item.get("title")
    if not (isinstance(authors, list) and len(authors) == 1 and isinstance(title, str)):
        return
    name = authors[0].get("literal")
    if not isinstance(name, str) or not _CUT_AFTER_CONNECTOR_RE.search(name):
        return
    if m := _NAME_REST_RE.match(title):
        item["author"] = [{"literal": f"{name} {m.group('rest')}"}]
        item["title"] = m.group("title")


def _names_a_body(name: str) -> bool:
    """A body word opens the name ("Sociedade Brasileira de Diabetes") or one of its words is
    one ("World Health Organization", "Centers for Disease Control and Prevention")."""
    return starts_with_body_word(name) or any(
        starts_with_body_word(word) for word in name.split()[1:])
