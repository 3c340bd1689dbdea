"""Personal and organisational names in the shapes reference lists print them, → CSL name objects.

Conventions:
- Initials are stored with periods and spaces ("HA" → given "H. A.", "J-P" → "J.-P."), so every style
  can re-initialise them ("HA" for Vancouver, "H. A." for GOST); full given names are kept as printed.
- Particles stay inside `family` as printed ("van Moorselaar", "de Juan Romero", "Di Bella"); multi-word
  surnames stay whole ("Cunha Silva", "Rayat Pisheh").
- Organisations become {"literal": …}.
- "et al." / "[и др.]" is never turned into a name: the parser reports the list as truncated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ET_AL_RE = re.compile(r"[,;]?\s*(?:\[\s*)?(?:et\s+al|и\s+др|e\s+outros|et\s+col)\.?(?:\s*\])?\.?\s*$", re.I)
_ORG_WORDS = re.compile(
    r"\b(?:Group|Organi[sz]ation|Committee|Society|Association|Consortium|Collaboration|Collaborators|"
    r"Institute|Ministry|Investigators|Council|Agency|Department|Foundation|Academy|University|Centre|"
    r"Center|Network|Board|Federation|Working|Task Force|Panel|College|Service|Office|Administration|"
    r"Министерство|Институт|Общество|Ассоциация|Комитет|Университет|Академия|Служба|Федерация|Центр)\b", re.I)
_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "2nd", "3rd", "4th", "II", "III", "IV"}


@dataclass
class Names:
    """Parsed names, whether the list ended in "et al.", and glued-initial repairs (position, message)."""

    names: list[dict] = field(default_factory=list)
    truncated: bool = False
    repairs: list[tuple[int, str]] = field(default_factory=list)


def strip_et_al(segment: str) -> tuple[str, bool]:
    m = _ET_AL_RE.search(segment)
    if m:
        return segment[:m.start()], True
    return segment, False


def initials_given(compact: str) -> str:
    """"HA" → "H. A.", "J-P" → "J.-P.", "YuI" → "Yu. I." (two-letter initials kept), "И. О." kept."""
    if "." in compact:
        parts = [p for p in re.split(r"\.\s*", compact) if p]
        out = []
        for p in parts:
            if "-" in p:
                out.append(".-".join(x for x in p.split("-") if x) + ".")
            else:
                out.append(p + ".")
        return " ".join(out).replace(" -", "-")
    if "-" in compact:
        return ".-".join(compact.split("-")) + "."
    letters = re.findall(r"[^\W\d_][^\W\d_A-ZА-ЯЁ]?", compact)
    return " ".join(letter + "." for letter in letters)


def _is_compact_initials(word: str) -> bool:
    """"HA", "KWA", "J-P", "YuI": Vancouver initials (upper-case letters, optional two-letter ones)."""
    return bool(re.fullmatch(r"(?:[A-ZА-ЯЁ](?:[a-zа-яё](?=[A-ZА-ЯЁ]|$))?){1,4}|[A-ZА-ЯЁ]-[A-ZА-ЯЁ]", word)) \
        and sum(1 for c in word if c.isupper()) >= len(word) / 2


def _is_dotted_initials(word: str) -> bool:
    """"И.И.", "A.S.", "J.-P.", "Yu.": initials written with periods."""
    return "." in word and bool(re.fullmatch(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.-?){0,3}[A-ZА-ЯЁ][a-zа-яё]?\.?", word))


def is_organisation(text: str) -> bool:
    return bool(_ORG_WORDS.search(text)) or len(text.split()) > 4


def parse_vancouver_name(token: str, pos: int, out: Names) -> None:
    """"Wallace HA", "Di Bella MA", "Gilstrap LC 3rd", "WonYJ" (glued: split and reported), organisations."""
    words = token.split()
    if not words:
        return
    while len(words) > 2 and _is_dotted_initials(words[-1]) and _is_dotted_initials(words[-2]):
        words[-2:] = [words[-2] + words[-1]]  # "Иванов И. И." → "Иванов", "И.И."
    suffix = None
    if len(words) > 2 and words[-1] in _SUFFIXES:
        suffix = words.pop()
    if len(words) >= 2 and (_is_compact_initials(words[-1]) or _is_dotted_initials(words[-1])) \
            and not is_organisation(token):
        name = {"family": " ".join(words[:-1]), "given": initials_given(words[-1])}
    elif len(words) == 1 and (m := re.fullmatch(r"(.*[a-zа-яё’'])([A-ZА-ЯЁ]{1,3})", words[0])):
        name = {"family": m.group(1), "given": initials_given(m.group(2))}
        out.repairs.append((pos, f"author {token!r} split into family {m.group(1)!r} and initials "
                                 f"{m.group(2)!r}"))
    elif len(words) == 1 and not is_organisation(token):
        name = {"family": words[0]}
    else:
        name = {"literal": token}
    if suffix:
        name["suffix"] = suffix
    out.names.append(name)


def parse_vancouver_names(segment: str, offset: int = 0) -> Names:
    """"Lee JH, WonYJ, Kim H, et al" → names; positions in repairs are relative to offset."""
    body, truncated = strip_et_al(segment)
    out = Names(truncated=truncated)
    for m in re.finditer(r"[^,;]+", body):
        token = m.group().strip()
        if token:
            lead = len(m.group()) - len(m.group().lstrip())
            parse_vancouver_name(token, offset + m.start() + lead, out)
    return out


_INITIALS = r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?-?\s?){1,3}"
_SURNAME = r"[A-ZА-ЯЁ][\w’'`\-]*(?:\s(?:[a-z]{1,3}\s)?[A-ZА-ЯЁ][\w’'`\-]+)?"
_INITIALS_FIRST_RE = re.compile(rf"^({_INITIALS})\s*((?:(?:van|von|de|der|den|da|di|du|dos|del|la|le)\s)*{_SURNAME})$")
_INVERTED_RE = re.compile(rf"^((?:(?:van|von|de|der|den|da|di|du|dos|del|la|le)\s)*{_SURNAME}),?\s+({_INITIALS})$")


def parse_gost_person(token: str) -> dict | None:
    """"И. О. Фамилия", "Фамилия И. О.", "Фамилия, И. О." → name; None if it is none of these."""
    t = token.strip().rstrip(",")
    m = _INITIALS_FIRST_RE.match(t)
    if m:
        return {"family": m.group(2).strip(), "given": initials_given(m.group(1).strip())}
    m = _INVERTED_RE.match(t)
    if m:
        return {"family": m.group(1).strip(), "given": initials_given(m.group(2).strip())}
    return None


def parse_responsibility(segment: str) -> Names:
    """The GOST statement of responsibility after "/": "И. О. Фамилия, А. Б. Петров [и др.]"."""
    body, truncated = strip_et_al(segment)
    out = Names(truncated=truncated)
    for token in re.split(r"\s*[,;]\s*", body.strip()):
        if not token:
            continue
        person = parse_gost_person(token)
        out.names.append(person if person else {"literal": token.strip()})
    return out


def parse_inverted_names(segment: str, *, upper_surnames: bool = False) -> Names:
    """APA/Harvard/ABNT lists: "Smith, J. A., & Lee, K.", "Smith, J.A. and Lee, K.", "SILVA, João; COSTA, M."."""
    body, truncated = strip_et_al(segment)
    out = Names(truncated=truncated)
    body = re.sub(r",?\s*(?:&|\band\b|\bи\b|\be\b)\s+", "; ", body)
    if not upper_surnames:
        body = re.sub(r"(?<=\.)\s*,\s*(?=[^\W\d_])", "; ", body)
    if ";" in body:
        chunks = [c.strip() for c in body.split(";") if c.strip()]
    else:
        parts = [p.strip() for p in body.split(",") if p.strip()]
        chunks = [", ".join(parts[i:i + 2]) for i in range(0, len(parts), 2)]
    for chunk in chunks:
        family, _, given = chunk.partition(",")
        family, given = family.strip(), given.strip()
        if not given:
            if re.fullmatch(rf"{_INITIALS}\s*\S.*", family):
                person = parse_gost_person(family)
                out.names.append(person if person else {"literal": family})
            else:
                out.names.append({"literal": family} if is_organisation(family) else {"family": family})
            continue
        if upper_surnames and family.isupper():
            family = family.title()
        if re.fullmatch(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.?\s?-?){1,4}", given.replace(" ", "")):
            given = initials_given(given.replace(" ", "") if "." not in given else given)
        out.names.append({"family": family, "given": given})
    return out
