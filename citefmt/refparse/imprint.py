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
#: a publisher's name that says it is one: the Russian References' "Nauka Publ." (the guides'
#: rule for a transliterated publisher), "… Press", "… Verlag", "Editora …", "… Ltd"
_PUBLISHER_MARK = re.compile(r"\b(?:Publ|Publishers?|Publishing|Press|Verlag|Editora|Editorial|"
                             r"Izd|Ltd|Inc|GmbH|Books)\b", re.I)


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
    "Publisher, Place" (a value read as a place may be "Place, Country", never the reverse) —
    unless the name says it is a publisher ("Moscow, Nauka Publ.")."""
    parts = [p.strip() for p in value.strip(" ,;:").split(",")]
    if len(parts) < 2 or len(parts) > 6 or not all(parts):
        return None
    found: list[tuple[str, str]] = []
    for k in range(1, len(parts)):
        left, right = ", ".join(parts[:k]), ", ".join(parts[k:])
        on_left, on_right = place_population(left), place_population(right)
        if on_right and not on_left and _PUBLISHER_WORD.search(left):
            found.append((right, left))
        elif on_left and not on_right and _PUBLISHER_WORD.search(right) and (
                not publisher_first or _PUBLISHER_MARK.search(right)):
            found.append((left, right))
    return found[0] if len(found) == 1 else None


#: a thesis statement read as the start of a publisher: "Dissertação de Mestrado, Universidade X",
#: "Ph.D. thesis, University of X", "Thèse, Université de X", "Tesis doctoral, Universidad X"
_THESIS_HEAD = re.compile(
    r"^(?P<genre>(?:(?:Ph\.?\s?D\.?|M\.?\s?Sc?\.?|Master'?s?|Doctoral|Bachelor'?s?)\s+)?"
    r"(?:thesis|dissertation)|(?:Tese|Dissertação|Tesis|Thèse|Mémoire|Monografia)"
    r"(?:\s+(?:de|do|doctoral|en)\s+[^,]{1,40})?|Диссертация[^,]{0,60}),\s*(?P<rest>.+)$", re.I)


def thesis_out_of_publisher(item: Item) -> None:
    """A publisher that starts with a thesis statement is the school of a thesis: the statement
    is the genre (CSL `genre`), the rest the school and its place."""
    publisher = item.get("publisher")
    if not isinstance(publisher, str) or item.get("genre"):
        return
    if m := _THESIS_HEAD.match(publisher.strip()):
        item["genre"] = m.group("genre").strip()
        item["publisher"] = m.group("rest").strip(_TRIM)
        item["type"] = "thesis"


#: APA's thesis statement after the title: "(Doctoral dissertation)", "(Master's thesis,
#: University of X)", "[Tese de doutorado, Universidade Y]"
_THESIS_AFTER_TITLE = re.compile(
    r"\s*[(\[](?P<genre>(?:Doctoral|Master'?s?|Ph\.?\s?D\.?|Unpublished(?:\s+doctoral|"
    r"\s+master'?s?)?)\s+(?:dissertation|thesis)|(?:Tese|Dissertação|Tesis)\s+de\s+[^,)\]]+)"
    r"(?:,\s*(?P<school>[^)\]]+))?[)\]]$", re.I)


def thesis_out_of_title(item: Item) -> None:
    """A title that ends with APA's thesis statement: the statement is the genre, the school
    in it the publisher, and the item a thesis."""
    title = item.get("title")
    if not isinstance(title, str) or item.get("genre"):
        return
    if (m := _THESIS_AFTER_TITLE.search(title)) and m.start() > 0:
        item["title"] = title[:m.start()].rstrip(" .,")
        item["genre"] = m.group("genre")
        if m.group("school") and not item.get("publisher"):
            item["publisher"] = m.group("school").strip()
        item["type"] = "thesis"


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


#: an edition statement standing as a sentence of its own: "2nd Edition", "4th ed", "6. ed. rev",
#: "2ª ed", "3a edição", "2nd edn"
_EDITION_SENTENCE = re.compile(r"^(?P<number>\d{1,3})\s*(?:st|nd|rd|th|ª|º|a|e|\.)?\s*"
                               r"(?:edition|edição|edición|édition|ed|edn)\.?(?:\s+rev\.?)?$", re.I)


def imprint_by_sentences(item: Item) -> None:
    """ISO 690, NBR 6023, APA and NLM give each area of a book its own sentence, and the place
    is the last one before the publisher: "… Org. Sergio Cohn. Rio de Janeiro: Azougue",
    "Volumen I. Caracas: Fundación …", "2nd Edition. New York. Springer". A place read with
    the sentences before it keeps only its last sentence, when that one is a place phrase and
    the whole is not ("St. Petersburg", "New York. USA" stay); a publisher with no place that reads
    "Place. Publisher" is split. The sentences set aside are an edition statement (the
    edition) or kept as the item's note."""
    place, publisher = item.get("publisher-place"), item.get("publisher")
    if isinstance(place, str) and ". " in place and not place_population(place):
        head, _, last = place.rpartition(". ")
        if place_population(last) and not place_population(head.rpartition(". ")[2]):
            # "New York. USA": two place sentences are one place
            item["publisher-place"] = last.strip(_TRIM)
            _set_aside(item, head)
    elif isinstance(publisher, str) and not place and ". " in publisher:
        parts = publisher.split(". ")
        if len(parts) >= 2 and place_population(parts[-2]) and _publisher_like(parts[-1]):
            item["publisher-place"] = parts[-2].strip(_TRIM)
            item["publisher"] = parts[-1].strip(_TRIM)
            if len(parts) > 2:
                _set_aside(item, ". ".join(parts[:-2]))


def _set_aside(item: Item, sentences: str) -> None:
    """An edition statement becomes the edition (if there is none); other statements the note."""
    sentences = sentences.strip(_TRIM)
    if not sentences:
        return
    if edition := _EDITION_SENTENCE.match(sentences):
        item.setdefault("edition", edition.group("number"))
    elif not item.get("note"):
        item["note"] = sentences
    elif sentences not in str(item["note"]):
        item["note"] = f"{item['note']}. {sentences}"


#: the last sentence or the last two comma parts of a host title, where an imprint would stand
_HOST_TAIL = re.compile(r"(?:\.\s+|,\s*)(?P<tail>[^.,:;]+(?:[,:]\s*[^.,:;]+))$")


def _imprint_of(text: str) -> tuple[str, str] | None:
    """(place, publisher) when the whole text is an imprint, "Place: Publisher" or comma form."""
    return split_by_colon(text) if ":" in text else split_by_comma(text) if "," in text \
        else None


def imprint_out_of_container(item: Item) -> None:
    """A host title that ends with its book's imprint ("Heavy Ion Fusion, World Scientific,
    Singapore" in a chapter or proceedings paper) gives the imprint back; a "journal" that is
    only an imprint ("São Paulo, Agronômica Ceres", no volume, issue or pages) was a book's."""
    host = item.get("container-title")
    if not isinstance(host, str) or item.get("publisher") or item.get("publisher-place"):
        return
    kind = item.get("type")
    if kind == "article-journal" and not any(item.get(k) for k in ("volume", "issue", "page")):
        if (whole := _imprint_of(host)) and isinstance(item.get("title"), str):
            place, publisher = whole
            head, stop, last = publisher.rpartition(". ")
            if stop and head.strip() and not host.startswith(place):
                # "Instytutu | Studiów Politycznych. ISP PAN, Warszawa": the title went on
                item["title"] = f"{item['title']} {head.strip()}"
                publisher = last
            item["publisher-place"], item["publisher"] = place, publisher.strip()
            del item["container-title"]
            item["type"] = "book"
        return
    if kind not in ("chapter", "paper-conference") or not (m := _HOST_TAIL.search(host)):
        return
    found = _imprint_of(m.group("tail"))
    rest = host[:m.start()].strip(" .,;:")
    if found and len(rest.split()) >= 2:
        item["publisher-place"], item["publisher"] = found
        item["container-title"] = rest


#: the last comma part or sentence of a journal title: "Zoologia, Curitiba", "Revista. São Paulo"
#: (a sentence, not an abbreviation: "J. Phys.: Conf. Ser" ends in no place)
_JOURNAL_TAIL = re.compile(r"(?:,\s*|(?<=[^\W\d_]{5})\.\s+)(?P<place>[^.,:;()]{4,})$")


def place_out_of_journal(item: Item) -> None:
    """NBR 6023 prints a journal's place after its title ("Zoologia, Curitiba, v. 26, n. 3"): a
    journal title ending in a place, with a volume or issue after it, gives the place back."""
    host = item.get("container-title")
    if (item.get("type") != "article-journal" or not isinstance(host, str)
            or item.get("publisher-place") or not (item.get("volume") or item.get("issue"))):
        return
    m = _JOURNAL_TAIL.search(host)
    if m and place_population(m.group("place")) and _PUBLISHER_WORD.search(host[:m.start()]):
        item["publisher-place"] = m.group("place").strip()
        item["container-title"] = host[:m.start()].strip(" ,.")


#: a label a grammar may read as a place or publisher: "Disponível em", "Available from",
#: "Online", "URL", "ISSN", "Retrieved from", "Reprinted", Citing Medicine's "Epub" (the date
#: of electronic publication, "Epub 2001 Sep 7.") — never a place or a publisher
_LABEL_ONLY = re.compile(r"^(?:\[\s*On-?line\s*\]\s*\.?\s*)?"
                         r"(?:Dispon[ií]vel\s+em|Available(?:\s+(?:from|at|online))?|Online|"
                         r"URL\w*|ISSN|ISBN|Retrieved(?:\s+from)?|Acesso\s+em|Accessed|"
                         r"Reprinted|Recuperado\s+de|Epub(?:\s+ahead\s+of\s+print)?)$", re.I)
#: "PLoS Computational Biology 7": a journal and its volume, not a publisher
_JOURNAL_WITH_VOLUME = re.compile(r"^(?P<journal>[^\W\d_][^\d:;]*?[^\W\d_])\s+(?P<volume>\d{1,4})$")


def labels_not_imprint(item: Item) -> None:
    """A place or publisher that is only a label ("Disponível em", "Online", "[Online].
    Available") is dropped."""
    for key in ("publisher-place", "publisher"):
        value = item.get(key)
        if isinstance(value, str) and _LABEL_ONLY.match(value.strip(_TRIM)):
            del item[key]


#: a conference's proceedings after "In", read as the publisher: "In Proceedings of the Ninth
#: International Conference on Machine Learning", "In Second DIMACS Challenge Workshop"
_HOST_AS_PUBLISHER = re.compile(r"^In:?\s+(?P<host>[A-Z0-9].*\b(?:Proceedings|Proc|Conference|Conf|"
                                r"Workshop|Symposium|Meeting|Congress)\b.*)$")


def host_not_publisher(item: Item) -> None:
    """"Cohen, W. W. (1992). Compiling knowledge into an explicit bias. In Proceedings of the
    Ninth International Conference on Machine Learning.": what follows "In" is the host the
    paper appeared in, not its publisher."""
    publisher = item.get("publisher")
    if not isinstance(publisher, str) or item.get("container-title") \
            or not publisher.startswith("In"):
        return
    if m := _HOST_AS_PUBLISHER.match(publisher.strip(_TRIM)):
        del item["publisher"]
        item["container-title"] = m.group("host")
        item["type"] = "paper-conference"


def journal_not_publisher(item: Item) -> None:
    """A book's "publisher" that ends in a bare volume number ("PLoS Computational Biology 7",
    no place) is the journal of an article and its volume: a publisher's name carries no
    volume."""
    publisher = item.get("publisher")
    if (item.get("type") != "book" or not isinstance(publisher, str)
            or item.get("publisher-place") or item.get("container-title") or item.get("volume")):
        return
    if m := _JOURNAL_WITH_VOLUME.match(publisher.strip(_TRIM)):
        del item["publisher"]
        item.update({"type": "article-journal", "container-title": m.group("journal"),
                     "volume": m.group("volume")})
