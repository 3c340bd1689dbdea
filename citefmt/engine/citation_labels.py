"""The `citation-label` variable: a trigraph made from the names and the year when the item
has none ("Doe65", "RoNo78", "DEFG26"), with the year-suffix that tells equal labels apart.

Gap: citeproc-py prints `citation-label` only when the item carries one, and never adds a
year-suffix to it, so a style built on labels ("[RoNo78a]") printed nothing, or "1978a" in
the entry's date. CSL 1.0.2 lists `citation-label` as a variable; citeproc-js, which styles
are written against, generates it when missing from the trigraph
"Aaaa00:AaAa00:AaAA00:AAAA00": for one name the first four letters of the family name, for
two the first two of each, for three two, one and one, for four or more one letter of each
of the first four; then the last two digits of the year ("00" without one). The names are
the first name variable the item has, in citeproc-js's order; a family name's leading
lower-case particle is left out ("von Dipheria" → "D"). The year-suffix that
disambiguation gives an item follows its label, and then no date of the entry takes it
(CSL test suite disambiguate_CitationLabel*, disambiguate_Trigraph, magic_CitationLabel*).
"""

from __future__ import annotations

from typing import Any

#: citeproc-js's default trigraph: one ":"-separated configuration per number of names
DEFAULT_TRIGRAPH = "Aaaa00:AaAa00:AaAA00:AAAA00"

#: the name variables a label is made from, first present wins (citeproc-js's order)
LABEL_NAME_VARIABLES = ("author", "editor", "translator", "contributor", "collection_editor",
                        "composer", "container_author", "director", "editorial_director",
                        "interviewer", "original_author", "recipient")


def trigraph_configs(trigraph: str = DEFAULT_TRIGRAPH) -> list[tuple[list[int], int]]:
    """[(letters taken from each name, digits of the year)] per number of names."""
    configs = []
    for spec in trigraph.split(":"):
        letters: list[int] = []
        digits = 0
        for char in spec:
            if char == "A":
                letters.append(1)
            elif char == "a" and letters:
                letters[-1] += 1
            elif char == "0":
                digits += 1
        configs.append((letters, digits))
    return configs


def generated_label(reference: Any, configs: list[tuple[list[int], int]]) -> str | None:
    """The trigraph label of a reference, or None when it has no names."""
    lists = (dict.get(reference, variable) for variable in LABEL_NAME_VARIABLES)
    names = next((value for value in lists if isinstance(value, list) and value), None)
    if not names:
        return None
    letters, digits = configs[min(len(names), len(configs)) - 1]
    label = "".join(_name_stem(name)[:count] for name, count in zip(names, letters,
                                                                     strict=False))
    year = _year(reference) or "0000"
    return label + (year[-digits:] if digits else "")


def _name_stem(name: Any) -> str:
    family = name.get("family") or name.get("literal") or ""
    words = str(family).split(" ")
    while len(words) > 1 and words[0][:1].islower():
        words.pop(0)
    return " ".join(words)


def _year(reference: Any) -> str | None:
    issued = dict.get(reference, "issued")
    if issued is None:
        return None
    date = dict.get(issued, "begin", issued)  # a date range: its first date
    year = dict.get(date, "year") if isinstance(date, dict) else None
    return str(year) if year is not None else None


def style_uses_labels(style_root: Any) -> bool:
    """Whether the style prints or sorts by `citation-label` (looked up once per loaded
    style: the answer depends on the tree alone)."""
    found = style_root.__dict__.get("_uses_citation_labels")
    if found is None:
        found = style_root.__dict__["_uses_citation_labels"] = bool(
            style_root.xpath_search(".//*[@variable='citation-label']"))
    return bool(found)


def add_citation_labels(style_root: Any, references: Any) -> None:
    """Give every reference without a `citation-label` its trigraph, when the style uses the
    variable (`references`: internal key → citeproc-py reference)."""
    if not style_uses_labels(style_root):
        return
    configs = trigraph_configs()
    for reference in references.values():
        if dict.get(reference, "citation_label"):
            continue
        label = generated_label(reference, configs)
        if label:
            dict.__setitem__(reference, "citation_label", label)
