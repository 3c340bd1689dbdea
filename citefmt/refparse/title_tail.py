"""What a style prints after a title and a reading may leave inside it: the language note of
a translated or transliterated title ("… [in Russian]", "(in Japanese)": the Russian
References' rule, AIP's "[in Russian]") and the edition ("…, 2nd ed.", "…, 1st ed ."). Each is
taken out into its own field after the reading is chosen.
"""

from __future__ import annotations

import re

from citefmt.model import Item

_LANGUAGE_NOTE = re.compile(r"\s*[\[(]\s*(?P<note>in\s+(?:Russian|Ukrainian|Chinese|Japanese|"
                            r"German|French|Spanish|Portuguese|Italian|Polish|Czech|Bulgarian|"
                            r"Korean|English)|In\s+Russ)\s*\.?\s*[\])]\s*$", re.I)
_EDITION = re.compile(r"\s*[,.]\s*(?P<edition>\d+)\s*(?:st|nd|rd|th)\s+ed(?:ition)?\s*\.?\s*$")


def language_note_out_of_title(item: Item) -> None:
    """"Statistical Physics [in Russian]": the note goes to `note`, the title keeps its words."""
    title = item.get("title")
    if not isinstance(title, str):
        return
    if (m := _LANGUAGE_NOTE.search(title)) and m.start() > 0:
        item["title"] = title[:m.start()].rstrip(" .,")
        note = item.get("note")
        item["note"] = f"{note}; {m.group('note')}" if isinstance(note, str) and note \
            else m.group("note")


def edition_out_of_title(item: Item) -> None:
    """"Quantum Monte Carlo Methods, 1st ed .": the edition, when none was read."""
    title = item.get("title")
    if not isinstance(title, str) or item.get("edition"):
        return
    if (m := _EDITION.search(title)) and m.start() > 0:
        item["title"] = title[:m.start()].rstrip(" .,")
        item["edition"] = m.group("edition")


#: the closing single quote of a quoted title and what follows it: "Size,' Atomization and
#: sprays" (ASME and Harvard lists quote titles with ' … ,')
_CLOSING_QUOTE = re.compile(r"(?:[,.]['’]|['’]\s*,)\s+(?P<rest>\S.*)$")


def single_quoted_title(item: Item, text: str) -> None:
    """A title opened by a single quote in the text and read past its closing quote: the title
    ends at the quote, the rest is the host (before any host already read)."""
    title = item.get("title")
    if not isinstance(title, str) or not (m := _CLOSING_QUOTE.search(title)):
        return
    if re.search(r"['‘]\s*" + re.escape(title[:12]), text):
        rest = m.group("rest").strip(" ,.")
        item["title"] = title[:m.start()].rstrip(" ,.")
        host = item.get("container-title")
        item["container-title"] = f"{rest}, {host}" if isinstance(host, str) and host else rest
