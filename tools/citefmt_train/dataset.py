"""Labelled reference strings: anystyle's XML datasets, and token/label sequences for the CRF.

anystyle's files (BSD-2) hold `<sequence>` elements whose children are the fields of one
reference in reading order (`<author>…</author><date>(2011).</date>…`). A sequence here is the
list of `(label, text)` segments; the reference string is the segments joined by single spaces.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from citefmt.refparse.tagger.fields import LABELS
from citefmt.refparse.tagger.tokens import tokenize

Segments = list[tuple[str, str]]

#: anystyle labels folded into the tagger's label set
_LABEL_MAP: dict[str, str] = {label: label for label in LABELS}
_LABEL_MAP.update({"source": "note", "medium": "note", "director": "author",
                   "producer": "author", "dataset": "title"})


def read_anystyle(xml_text: str) -> list[Segments]:
    """Every `<sequence>` of an anystyle dataset as `(label, text)` segments."""
    root = ET.fromstring(xml_text)
    sequences: list[Segments] = []
    for sequence in root.iter("sequence"):
        segments: Segments = []
        for child in sequence:
            text = re.sub(r"\s+", " ", "".join(child.itertext())).strip()
            if text:
                segments.append((_LABEL_MAP.get(child.tag, "note"), text))
        if segments:
            sequences.append(segments)
    return sequences


def reference_text(segments: Segments) -> str:
    """The reference string the segments spell out."""
    return " ".join(text for _, text in segments)


def token_labels(segments: Segments) -> tuple[str, list[str]]:
    """The reference string and one label per token of it (the label of the segment it is in)."""
    text = reference_text(segments)
    bounds: list[tuple[int, int, str]] = []
    position = 0
    for label, segment in segments:
        bounds.append((position, position + len(segment), label))
        position += len(segment) + 1
    labels: list[str] = []
    index = 0
    for token in tokenize(text):
        while index < len(bounds) - 1 and token.start >= bounds[index][1]:
            index += 1
        labels.append(bounds[index][2])
    return text, labels
