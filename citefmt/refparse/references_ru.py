"""The Latin-script "References" list of Russian journals: journal articles in the layout the
journals' author guides prescribe for Scopus and Web of Science (the Elsevier advice they cite):

    Kascheev M.V. Modelirovanie … avarii [Modeling of … accident]. Izvestiya vuzov. Yadernaya
        Energetika. 2002, no. 3, pp. 3–13.
    Efimova T.N., Kusakin A.V. Okhrana … Marii El. Problemy regional'noi ekologii, 2007, no. 1,
        pp. 80–86. (In Russ.)
    Author A.B. English Title. Journal, 2015, vol. 2, no. 1 (22), pp. 18-26; EDN LEWHAI.
        Available at: URL (accessed Nov. 21, 2022) (in Russian).

Steps, each after the element it reads: the names ("Family I.O.", initials after the surname,
commas or semicolons between names, "et al."), the locator area (the year opens it, then
"vol."/"v.", "no."/"iss." — the issue's running number in parentheses kept whole, "1 (124)", as
GOST prints "№ 1 (124)" — and "pp."/"p."), the title and the journal between them, and what
may close the entry (the language note "(in Russian)" / "(In Russ.)", "EDN …", "Available
at:"), kept as `note`. The title ends at its bracketed English translation when it has one
("… [English]."), else before the journal: the last ". "-separated part before the year, joined
with the part before it when the journal is printed with its series ("VANT. Ser. …", "…
Seriya: …", "Series: …") or under a short head of the kind Russian journal names open with
("Izvestiya vuzov. Yadernaya Energetika", "Izvestiya AN SSSR. MZhG"). A paper in proceedings
("Trudy … Simpoziuma […]. Moscow, 2007, pp. 267–272.": no volume or issue, the place before
the year) is given with its place. Books ("Moscow, Nauka Publ., 1969. 287 p."), theses, patents
and web pages of these lists are left to the other grammars.
"""

from __future__ import annotations

import re

from citefmt.model import Item
from citefmt.refparse.candidate import Candidate, sentences
from citefmt.refparse.common import date_parts, normalise_page, single_spaced, tidy
from citefmt.refparse.names import initials_given

_UPPER = "A-ZÀ-ÖØ-Þ"
#: initials as these lists type them: "V.A.", "V. A.", "Yu.E."; a Cyrillic look-alike letter
#: ("D.О.", "А.P."); the last period lost before a comma ("Golcev A.O, …") or doubled ("M.E..")
_INITIALS = (rf"(?:[{_UPPER}А-ЯЁ][a-z]?\.\s?-?\s?){{0,2}}[{_UPPER}А-ЯЁ][a-z]?"
             rf"(?:\.\.?|(?=[,;]))")
_SURNAME = rf"[{_UPPER}][\w’'`\-]*"
#: "Family I.O.", or "I.O. Family" inside the list ("Porollo S.I., Yu.V. Konobeev, …")
_NAME_RE = re.compile(rf"(?P<family>{_SURNAME})\s+(?P<given>{_INITIALS})|"
                      rf"(?P<given_first>{_INITIALS})\s?(?P<family_last>{_SURNAME})")
#: names separated by commas, or by semicolons as some lists type them
_NAMES_RE = re.compile(rf"^{_SURNAME}\s+{_INITIALS}(?:[,;]\s*(?:{_SURNAME}\s+{_INITIALS}|"
                       rf"{_INITIALS}\s?{_SURNAME}(?=[,;])))*")
_ET_AL_RE = re.compile(r"^,?\s*et\s+al\.?")
#: the locator area: ". 2019, vol. 12, no. 1 (124), pp. 81-91"; the labels as these lists
#: print them ("v.", "Vol.", "iss.", "No.", "no .", "P.")
_LOCATORS_RE = re.compile(
    r"[.,]\s+(?P<year>(?:1[6-9]|20)\d\d)"
    r"(?:[,.;]\s*(?:[Vv]ol|[Vv]|[Tt])\s?\.\s*(?P<volume>[\w\-–]+(?:\s?\(\d+\))?))?"
    r"(?:[,.]\s*(?:[Nn]o|[Ii]ss|[Ii]ssue|[Nn])\s?\.\s*(?P<issue>[\w\-–/]+(?:\s?\(\d+\))?))?"
    r"(?:[,.]\s*(?:[Pp]p?|P)\s?\.\s*"
    r"(?P<page>[A-Za-z]?\d+[A-Za-z]?(?:\s*[–—‒‑‐-]\s*[A-Za-z]?\d+[A-Za-z]?)?))?"
    r"(?=[\s.,;(]|$)")
_SIGNATURE_RE = re.compile(r"(?:1[6-9]|20)\d\d[,.;]\s*(?:[Vv]ol|[Vv]|[Nn]o|[Ii]ss|[Pp]p?)\s?\.")
#: GOST's prescribed marks: such an entry is the GOST grammar's
_GOST_MARKS_RE = re.compile(r"//|\s/\s")
#: what may close an entry after its locators: the language note, the eLIBRARY id, the label
#: of a URL the identifier step took out
_CLOSING_RE = re.compile(r"\(\s*(?:in\s+)?(?:Russ(?:ian|\.)?|Ukr(?:ainian|\.)?|Belarus(?:ian|\.)?|"
                         r"Kazakh|Bulg(?:arian|\.)?)\s*\)|\bEDN\s*:?\s*[A-Z]{6}\b|"
                         r"\bAvailable\s+(?:at|from)\s*:?|\bURL\s*:?", re.I)
#: a part of the journal's name printed after its series label ("Ser. Yaderno-Reaktornye
#: Konstanty", "Seriya: Yadernye konstanty", "Series: Nuclear Reactor Constants"), or naming
#: the kind of the host ("Bulatov Readings. Collection of Articles")
_SERIES_RE = re.compile(r"^(?:Ser(?:iya|ija|ia|ies)?|Seria|Sect(?:ion)?)\b\.?\s*:?|"
                        r"^(?:Collection of (?:Scientific )?(?:Articles|Papers|Works)|"
                        r"Sbornik (?:nauchnykh )?(?:trudov|statei|statey))\b", re.I)
#: words Russian journal names open with, in transliteration and in English: a short part
#: opening with one is the head of the journal's name ("Izvestiya vuzov. …")
_JOURNAL_HEADS = frozenset("""
izvestiya izvestia izv vestnik trudy doklady voprosy problemy uchenye zapiski sbornik zhurnal
proceedings bulletin transactions herald journal annals reports letters proc bull trans
""".split())
#: abbreviations a journal's name goes on after ("Trudy NGTU im. R.E. Alekseeva")
_JOINING_WORDS = frozenset({"im", "imeni", "Ser", "ser"})


def looks_like(body: str) -> bool:
    return bool(_SIGNATURE_RE.search(body)) and not _GOST_MARKS_RE.search(body)


def parse(body: str) -> Candidate | None:
    """A journal article of a Russian journal's References list, or None when `body` is not
    one (no "Family I.O." names, or no locator area opening with the year)."""
    if _GOST_MARKS_RE.search(body):
        return None
    names, truncated, start = _names(body)
    if not names:
        return None
    locators = _locator_area(body, start)
    if locators is None:
        return None
    item: Item = {"type": "article-journal", "author": names}
    title, journal = _title_and_journal(body, start, locators.start())
    if title:
        item["title"] = title
    if journal:
        item["container-title"] = journal
        if not (locators.group("volume") or locators.group("issue")) \
                and locators.group().startswith(","):
            _proceedings(item, journal)  # "… Symp. … Moscow, 2007, pp. 267–272."
    item["issued"] = date_parts(locators.group("year"))
    for key in ("volume", "issue"):
        if locators.group(key):
            item[key] = single_spaced(locators.group(key))
    if locators.group("page"):
        item["page"] = normalise_page(locators.group("page"))
    closing, unread = _closing(body[locators.end():])
    if closing:
        item["note"] = closing
    score = 0.2 + 0.15 * bool(title) + 0.2 * bool(journal) + 0.15 + 0.2
    return Candidate("references-ru", item, score - (0.2 if unread else 0.0),
                     truncated_authors=truncated)


def _names(body: str) -> tuple[list[dict], bool, int]:
    """The authors ("Family I.O., Family I.O." with optional "et al."), whether the list was cut
    with "et al.", and where the title starts; no names when the entry does not open with them
    or nothing follows them."""
    m = _NAMES_RE.match(body)
    if not m:
        return [], False, 0
    names = [{"family": n.group("family") or n.group("family_last"),
              "given": initials_given((n.group("given") or n.group("given_first")).strip()
                                      .rstrip("."))}
             for n in _NAME_RE.finditer(m.group())]
    end = m.end()
    etal = _ET_AL_RE.match(body[end:])
    if etal:
        end += etal.end()
    if not re.match(r"\s+\S", body[end:]):
        return [], False, 0  # the names must be followed by the title
    return names, bool(etal), end


def _locator_area(body: str, start: int) -> re.Match[str] | None:
    """The first "[.,] YEAR, vol./no./pp. …" after the title that gives at least one locator."""
    for m in _LOCATORS_RE.finditer(body, start):
        if m.group("volume") or m.group("issue") or m.group("page"):
            return m
    return None


def _title_and_journal(body: str, start: int, end: int) -> tuple[str, str]:
    """Split the text between the names and the locators into the title and the journal."""
    parts = _parts(body, start, end)
    if not parts:
        return "", ""
    bracketed = next((i for i, (a, b) in enumerate(parts[:-1]) if body[a:b].endswith("]")), None)
    if bracketed is not None:
        cut = bracketed + 1  # the English translation closes the title
    else:
        cut = len(parts) - 1 if len(parts) > 1 else 1
        while cut > 1 and _journal_goes_on(body[parts[cut - 1][0]:parts[cut - 1][1]],
                                           body[parts[cut][0]:parts[cut][1]]):
            cut -= 1
    title = tidy(body[parts[0][0]:parts[cut - 1][1]])
    journal = tidy(body[parts[cut][0]:parts[-1][1]]) if cut < len(parts) else ""
    return title, journal


def _parts(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ". "-separated parts between `start` and `end`, a part that ends with an
    abbreviation a name goes on after ("im.") joined to the next."""
    spans = sentences(body, start, end)
    joined: list[tuple[int, int]] = []
    for span in spans:
        if joined and body[joined[-1][0]:joined[-1][1]].split()[-1] in _JOINING_WORDS:
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _journal_goes_on(before: str, first: str) -> bool:
    """The journal's name begins before its part `first`: `first` is its series, or `before`
    is a short head of a journal's name ("Izvestiya vuzov", "Izvestiya AN SSSR")."""
    if _SERIES_RE.match(first):
        return True
    words = before.split()
    return 0 < len(words) <= 4 and words[0].lower().strip(".") in _JOURNAL_HEADS


def _proceedings(item: Item, host: str) -> None:
    """A paper in proceedings, as the guides write it: "Trudy … Simpoziuma […]. Moscow, 2007,
    pp. 267–272." — the host names a conference and ends with its place; no volume or issue."""
    m = _PLACE_AFTER_HOST_RE.match(host)
    if m and _PROCEEDINGS_RE.search(m.group("host")):
        item.update({"type": "paper-conference", "container-title": m.group("host"),
                     "publisher-place": m.group("place")})


_PLACE_AFTER_HOST_RE = re.compile(r"^(?P<host>.+(?:[^\W\d_]{2}|[\]»)]))\.\s+"
                                  r"(?P<place>[A-Z][a-z\-]+(?:[\s-][A-Z][a-z\-]+){0,2})$")
_PROCEEDINGS_RE = re.compile(r"\b(?:Trudy|Materialy|Sbornik|Proc|Proceedings|Conf|Conference|"
                             r"Symp|Symposium|Simpoziuma|Konferentsii|Konferencii|Congress|"
                             r"Workshop)\b", re.I)


def _closing(tail: str) -> tuple[str, bool]:
    """What closes the entry after its locators, as printed ("EDN LEWHAI. (in Russian)"), and
    whether words remain that this layout does not put there."""
    kept = [m.group().strip() for m in _CLOSING_RE.finditer(tail)
            if not re.match(r"(?i)Available|URL", m.group())]
    rest = _CLOSING_RE.sub(" ", tail)
    return " ".join(kept), bool(re.search(r"\w", rest))
