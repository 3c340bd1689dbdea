"""Labels typed into locators and number fields ("vol. 1, fol. 186", "7, p. 3-8").

citeproc-js reads the short form of a locale's locator term at the start of a locator, or
before a number in a number field, as that piece's label; citeproc-py printed the style's
label before it ("pp. vol. 1, fol. 186") and left the typed one as text.
"""

from __future__ import annotations

from typing import Any

from citefmt.engine.context import current

#: CSL 1.0.2 locator terms (a locator may be typed starting with one's short form)
_LOCATOR_TERMS = ("act", "appendix", "article-locator", "book", "canon", "chapter", "column",
                  "elocation", "equation", "figure", "folio", "issue", "line", "note", "opus",
                  "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo",
                  "supplement", "table", "timestamp", "title-locator", "verse", "version",
                  "volume")


def typed_locator_label(element: Any, locator: str) -> tuple[str, str, str] | None:
    """For a locator typed with its label first ("vol. 1, fol. 186, 8 April 1544"): (the
    term of that label, the locator up to the next typed label, the locator after the
    label); None for a locator that starts with no label. Gap: citeproc-py printed the
    style's label before it ("pp. vol. 1, fol. 186"); citeproc-js takes the typed one (CSL
    test suite locator_TrickyEntryForPlurals: "vol. 1, fol. 186, 8 April 1544")."""
    head, _, rest = locator.partition(" ")
    if not head.endswith(".") or not rest.strip():
        return None
    labels = _short_locator_labels(element)
    term = labels.get(head)
    if term is None:
        return None
    rest = rest.lstrip()
    words = rest.split(" ")
    first = next((i for i, word in enumerate(words) if word in labels), len(words))
    return term, " ".join(words[:first]).rstrip(", "), rest


def _short_locator_labels(element: Any) -> dict[str, str]:
    """Short forms (singular and plural) of the locale's locator terms → term name, once per
    locale chain."""
    cache = current().locale.terms
    found = cache.get(("citefmt:locator-labels",))
    if found is None:
        found = {}
        for name in _LOCATOR_TERMS:
            term = element.get_term(name, "short")
            if term is None:
                continue
            for text in (term.single, term.multiple):
                if str(text).endswith("."):
                    found.setdefault(str(text), name)
        cache[("citefmt:locator-labels",)] = found
    return dict[str, str](found)


def labelled_number(element: Any, part: str) -> tuple[str, str, str] | None:
    """For a piece of a number field made of a typed label and a number or range ("p.
    3-8"): (the label in the number of the range: "pp." for a range, the first number, the
    last number or ""); None for any other piece. Gap: "7th, p. 3-8" for citeproc-js's
    "7th, pp. 3–8" (CSL test suite number_OrdinalSpacing)."""
    head, _, rest = part.strip().partition(" ")
    name = _short_locator_labels(element).get(head)
    if name is None:
        return None
    first, dash, last = rest.strip().partition("-")
    if not first.isdigit() or (dash and not last.isdigit()):
        return None
    term = element.get_term(name, "short")
    return str(term.multiple if dash else term.single), first, last
