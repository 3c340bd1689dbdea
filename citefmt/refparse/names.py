"""Personal and organisational names in the shapes reference lists print them, → CSL name objects.

Conventions:
- Initials are stored with periods and spaces ("HA" → given "H. A.", "J-P" → "J.-P."), so every
  style can re-initialise them ("HA" for Vancouver, "H. A." for GOST); a hyphenated initial keeps
  its hyphen ("J.-P.", "Ж.-П.": GOST prints it, Vancouver drops it, "JP"); full given names are
  kept as printed ("Jean-Paul").
- Particles stay inside `family` as printed ("van Moorselaar", "de Juan Romero", "Di Bella");
  multi-word surnames stay whole ("Cunha Silva", "Rayat Pisheh").
- Organisations become {"literal": …}.
- "et al." / "[и др.]" is never turned into a name: the parser reports the list as truncated.

Two entry points share these conventions: the grammars call the parser for the shape they know
(`parse_vancouver_names`, `parse_responsibility`, `parse_inverted_names`); the CRF tagger, which
only knows where an author statement is, calls `split_names`, which decides the shape per name
from where the initials stand: "Smith AB", "Smith, A. B.", "A. B. Smith", "Smith, John, and Jane
Doe", "SMITH, John; DOE, Jane", "Kim H-S", "J.-P. Vega", "Vega, Jean-Paul".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from citefmt.refparse.common import single_spaced, without_final_marks

_ET_AL_RE = re.compile(r"[,;]?\s*(?:\[\s*)?(?:et\s+al|и\s+др|e\s+outros|et\s+col)\.?"
                       r"(?:\s*\])?\.?\s*$", re.I)
_ORG_WORDS = re.compile(
    r"\b(?:Group|Organi[sz]ation|Committee|Society|Association|Consortium|Collaboration|"
    r"Collaborators|"
    r"Institute|Ministry|Investigators|Council|Agency|Department|Foundation|Academy|University|"
    r"Centre|"
    r"Center|Network|Board|Federation|Working|Task Force|Panel|College|Service|Office|"
    r"Administration|"
    r"Министерство|Институт|Общество|Ассоциация|Комитет|Университет|Академия|Служба|Федерация|"
    r"Центр|Team|Centro|Instituto|Ministério|Ministerio|Secretaria|Conselho|Consejo|Empresa|"
    r"Fundação|Fundación|Universidade|Universidad|Organización|Organização|"
    # Portuguese, Spanish and English bodies' own words ("Sociedade Brasileira de Diabetes",
    # "Australian Bureau of Statistics", "Centers for Disease Control and Prevention")
    r"Sociedade|Sociedad|Associação|Asociación|Bureau|Comissão|Comisión|Commission|"
    r"Coordenação|Coordinación|Observatório|Observatorio|Departamento|Serviço|Servicio|"
    r"Centers|Centres|Fund|Agência|Agencia|Federação|Federación|Confederação|"
    r"Superintendência|Prefeitura|Presidência|Corporation|Corporación)\b", re.I)
#: name suffixes, compared in lower case ("Gilstrap LC 3rd", "Smith, J. Jr.")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd", "4th"})
#: Portuguese and Spanish family-rank words printed after the surname ("SILVA JÚNIOR, P. R.",
#: "Costa Filho ED"); JATS marks them <suffix>, CSL keeps them in `suffix`
_AGNOMES = frozenset({"júnior", "junior", "jr", "jr.", "filho", "neto", "sobrinho"})


@dataclass
class Names:
    """Parsed names, whether the list ended in "et al.", and glued-initial repairs (position,
    message)."""

    names: list[dict] = field(default_factory=list)
    truncated: bool = False
    repairs: list[tuple[int, str]] = field(default_factory=list)


@lru_cache(maxsize=8192)
def strip_et_al(segment: str) -> tuple[str, bool]:
    """The segment without a final "et al." / "[и др.]", and whether it had one (cached: every
    grammar strips the same author statement)."""
    m = _ET_AL_RE.search(segment) if _may_end_in_et_al(segment) else None
    if m:
        return segment[:m.start()], True
    return segment, False


#: the last letters of "et al", "и др", "e outros", "et col", as `_ET_AL_RE` (case-blind)
#: matches them ("ſ" is a long "s"; tests/refparse/test_throughput_gates.py)
_ET_AL_LAST_LETTERS = frozenset("lLрРsSſ")


def _may_end_in_et_al(segment: str) -> bool:
    """`_ET_AL_RE` can match: the text ends in one of its words' last letters once its final
    white space, periods and brackets are set aside (the search runs on every author list)."""
    return without_final_marks(segment, ".]")[-1:] in _ET_AL_LAST_LETTERS


@lru_cache(maxsize=8192)
def initials_given(compact: str) -> str:
    """"HA" → "H. A.", "J-P" → "J.-P.", "YuI" → "Yu. I." (two-letter initials kept); dotted
    initials keep what they print, hyphen included ("J.-P.", "Ж. - П." → "Ж.-П.", "И.О." →
    "И. О."), so GOST can print the hyphen that Vancouver drops."""
    if "." in compact:
        # every letter group between periods is an initial as written ("Yu", "Дж")
        groups = re.findall(r"[-‐‑]|[^\W\d_]+", compact)
    else:
        groups = []
        for index, segment in enumerate(re.split(r"[-‐‑]", compact)):
            groups += ["-"] * bool(index) + re.findall(r"[^\W\d_][^\W\d_A-ZА-ЯЁÀ-ÖØ-Þ]?",
                                                       segment)
    out = ""
    joined = True  # at the start or right after a hyphen: no space before the next initial
    for group in groups:
        if group[0].isalpha():
            out += ("" if joined else " ") + group + "."
            joined = False
        elif not joined:
            out += "-"
            joined = True
    return out.rstrip("-")


#: upper-case letters of initials, accented ones too: NLM keeps the diacritics of Portuguese,
#: Spanish and Nordic initials ("Adelino TÉR", "Abreu ÁS", "Riise ØR")
_INITIAL_CAPITAL = "A-ZА-ЯЁÀ-ÖØ-Þ"
_COMPACT_INITIALS = re.compile(
    rf"(?:[{_INITIAL_CAPITAL}](?:[a-zа-яё](?=[{_INITIAL_CAPITAL}]|$))?){{1,4}}"
    rf"|[{_INITIAL_CAPITAL}](?:-[{_INITIAL_CAPITAL}]){{1,2}}")


@lru_cache(maxsize=8192)
def _is_compact_initials(word: str) -> bool:
    """"HA", "KWA", "J-P", "YuI": Vancouver initials (upper-case letters, optional two-letter
    ones)."""
    return bool(_COMPACT_INITIALS.fullmatch(word)) \
        and sum(1 for c in word if c.isupper()) >= len(word) / 2


@lru_cache(maxsize=8192)
def _is_dotted_initials(word: str) -> bool:
    """"И.И.", "A.S.", "J.-P.", "Yu.": initials written with periods."""
    return "." in word and bool(
        re.fullmatch(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.-?){0,3}[A-ZА-ЯЁ][a-zа-яё]?\.?", word))


#: two small letters in a row: a word, not initials (two-letter initials such as "Yu" have one)
_TWO_LOWER_RE = re.compile(r"[a-zа-яё]{2}")


def normalise_initials(given: str) -> str:
    """A given name made of initials in the shared form ("MA." / "M.A." / "M A" → "M. A.",
    "J.-P." kept); a given name with a full word ("Nicholson B.", "Anna") is kept as printed."""
    # printable text holds no white space but the space (tests/refparse/test_throughput_gates)
    compact = given.replace(".", "").replace(" ", "") if given.isprintable() \
        else re.sub(r"[.\s]+", "", given)
    if compact and (_is_compact_initials(compact) or re.fullmatch(r"[A-ZА-ЯЁ](?:-[A-ZА-ЯЁ])+",
                                                                  compact)) \
            and not _TWO_LOWER_RE.search(compact):
        return initials_given(compact)
    return given


#: an initial ("A.", "J.-P.") marks a person's name; a body's name has none
_PERSON_INITIAL_RE = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁ]\.")


def starts_with_body_word(text: str) -> bool:
    """"Ministério da Educação", "Secretaria de …", "Department of …": a body's name."""
    return _body_word_start(text) == 0


def is_organisation(text: str) -> bool:
    return _body_word_start(text) >= 0 or len(text.split()) > 4


@lru_cache(maxsize=8192)
def _body_word_start(text: str) -> int:
    """Where `_ORG_WORDS` first matches in `text` (-1: nowhere), cached: the grammars and the
    tagger ask it of the same author statements and names."""
    match = _ORG_WORDS.search(text)
    return -1 if match is None else match.start()


def parse_vancouver_name(token: str, pos: int, out: Names) -> None:
    """"Wallace HA", "Di Bella MA", "Gilstrap LC 3rd", "WonYJ" (glued: split and reported),
    organisations."""
    words = (re.sub(r"\.\s*-\s*(?=[^\W\d_])", ".-", token) if "-" in token
             else token).split()  # "J. -P." → "J.-P."
    if not words:
        return
    while len(words) > 2 and _is_dotted_initials(words[-2]) and (
            _is_dotted_initials(words[-1]) or re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]?", words[-1])):
        # "Иванов И. И." → "Иванов", "И.И."; "Drossman D. A" (the list's final period taken) too
        words[-2:] = [words[-2] + words[-1]]
    particle = None
    if len(words) > 2 and words[-1] in _PARTICLES and _is_compact_initials(words[-2]):
        particle = words.pop()  # "Silva MRF da": Brazilian lists print the particle last
    suffix = None
    if len(words) > 2 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    elif len(words) > 2 and words[-2].lower() in _AGNOMES and _is_compact_initials(words[-1]):
        suffix = words.pop(-2)  # "Costa Filho ED"
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
    if particle and "given" in name:
        name["given"] = f"{name['given']} {particle}"
    out.names.append(name)


def is_stray_comma_name(token: str, following: str) -> bool:
    """"Bhosle, M": a family and its initials with a stray comma between them, in a Vancouver
    list whose other names are "Family AB"."""
    return bool(following) and _is_compact_initials(following) and len(token.split()) == 1 \
        and not _is_compact_initials(token) and token[:1].isupper()


def parse_vancouver_names(segment: str, offset: int = 0) -> Names:
    """"Lee JH, WonYJ, Kim H, et al" → names; positions in repairs are relative to offset."""
    body, truncated = strip_et_al(segment)
    out = Names(truncated=truncated)
    tokens = [m for m in re.finditer(r"[^,;]+", body) if m.group().strip()]
    index = 0
    while index < len(tokens):
        m = tokens[index]
        token = m.group().strip()
        lead = len(m.group()) - len(m.group().lstrip())
        following = tokens[index + 1].group().strip() if index + 1 < len(tokens) else ""
        if is_stray_comma_name(token, following):
            token, index = f"{token} {following}", index + 1
        parse_vancouver_name(token, offset + m.start() + lead, out)
        index += 1
    return out


_INITIALS = r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?-?\s?){1,3}"
_SURNAME = r"[A-ZА-ЯЁ][\w’'`\-]*(?:\s(?:[a-z]{1,3}\s)?[A-ZА-ЯЁ][\w’'`\-]+)?"
_INITIALS_FIRST_RE = re.compile(rf"^({_INITIALS})\s*((?:(?:van|von|de|der|den|da|di|du|dos|del|la|l"
                                rf"e)\s)*{_SURNAME})$")
_INVERTED_RE = re.compile(rf"^((?:(?:van|von|de|der|den|da|di|du|dos|del|la|le)\s)*{_SURNAME}),?\s+"
                          rf"({_INITIALS})$")


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
        person = parse_gost_person(token) or _given_first_person(token)
        out.names.append(person if person else {"literal": token.strip()})
    return out


#: one name written initials first, as European and Russian lists print it outside the GOST
#: heading: "J.-P. Vega", "A. B. Smith", "Ю.-Д. Петров", "J. van der Berg"; the surname has a
#: lower-case letter, so a run of initials is never a surname; matched atomically, so a long
#: list that fails at its end is not re-split name by name
INITIALS_FIRST_NAME = (r"(?>(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?(?:[-‐]\s?)?){1,3}"
                       r"(?:(?:van|von|de|der|den|da|di|du|dos|del|la|le)\s)*"
                       r"[A-ZА-ЯЁ](?=[\w’'`\-]*[a-zа-яё])[\w’'`\-]*)")
#: a list of such names: "J.-P. Vega, K.-H. Müller", "A. Smith, B. Jones and C. Doe"
INITIALS_FIRST_LIST = (rf"{INITIALS_FIRST_NAME}"
                       rf"(?:(?:,\s*|,?\s+(?:and|&|и)\s+){INITIALS_FIRST_NAME})*")


def parse_initials_first_names(segment: str) -> Names:
    """"J.-P. Vega, K.-H. Müller and A. Smith, et al." → names, each "Initials Surname"."""
    body, truncated = strip_et_al(segment)
    out = Names(truncated=truncated)
    for token in re.split(r"\s*(?:,\s*(?:and\s+|&\s*|и\s+)?|\s(?:and|&|и)\s)\s*", body.strip()):
        if token.strip():
            person = parse_gost_person(token)
            out.names.append(person if person else {"literal": token.strip()})
    return out


def _given_first_person(token: str) -> dict | None:
    """"Николай Райновъ": a statement of responsibility prints full names given name first."""
    m = re.fullmatch(r"([A-ZА-ЯЁ][a-zа-яё]+)\s+([A-ZА-ЯЁ][a-zа-яё’'\-]+)",
                     token.strip().rstrip("."))
    if m and not is_organisation(token):
        return {"family": m.group(2), "given": m.group(1)}
    return None


def parse_inverted_names(segment: str, *, upper_surnames: bool = False) -> Names:
    """APA/Harvard/ABNT lists: "Smith, J. A., & Lee, K.", "Smith, J.A. and Lee, K.", "SILVA, João;
    COSTA, M."."""
    body, truncated = strip_et_al(segment)
    out = Names(truncated=truncated)
    whole = body.strip().rstrip(".")
    if "," not in whole and ";" not in whole and is_organisation(whole) \
            and not _PERSON_INITIAL_RE.search(whole):
        # a body as author: "Centro de Gestão e Estudos Estratégicos", "World Health
        # Organization" — its "e"/"and" joins words of one name, not two names
        out.names.append({"literal": whole})
        return out
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
                out.names.append({"literal": family} if is_organisation(family)
                                 else {"family": family})
            continue
        family, suffix = _family_and_agnome(family)
        if upper_surnames and family.isupper():
            family, suffix = family.title(), suffix.title()
        if re.fullmatch(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.?\s?-?){1,4}", given.replace(" ", "")):
            given = initials_given(given.replace(" ", "") if "." not in given else given)
        out.names.append({"family": family, "given": given} | ({"suffix": suffix} if suffix
                                                               else {}))
    return out


def _family_and_agnome(family: str) -> tuple[str, str]:
    """"SILVA JÚNIOR" → ("SILVA", "JÚNIOR"); a one-word family is kept whole."""
    words = family.split()
    if len(words) > 1 and words[-1].lower() in _AGNOMES:
        return " ".join(words[:-1]), words[-1]
    return family, ""


# --- statement splitter shared with the CRF tagger -------------------------------------------

_UPPER = "A-ZА-ЯЁÀ-ÖØ-ÞĀ-Ž"
_INITIAL = re.compile(rf"^(?:[{_UPPER}][a-zа-яё]?\.?[-‐]?){{1,4}}$")
_RUN_TOGETHER = re.compile(rf"^[{_UPPER}]{{1,3}}$")
#: "J-P", "H-S": hyphenated initials printed without periods (PubMed "Kim H-S")
_HYPHENATED_RUN = re.compile(rf"^[{_UPPER}](?:[-‐][{_UPPER}]){{1,2}}$")
_PARTICLES = frozenset({
    "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "ten", "ter",
    "dos", "das", "do", "bin", "al", "el", "y", "zu", "vander", "st.",
})
_ROLE_WORDS = re.compile(
    r"""\(\s*(?:eds?|editors?|hrsg|comps?|trans|coords?|orgs?)\.?\s*\)
      | \b(?:eds?|editors?|edited\s+by|hrsg|comp|trans|transl|translated\s+by)\b\.?
      | \bпод\s+(?:общ\.\s*|общей\s+)?ред(?:\.|акцией)?
      | \b(?:отв|науч|сост|пер|ред)\.(?=\s|$)
      | \bсостав\.
      | \[?\bи\s+др\.\]?
      | \[?\bet\s+al\b\.?\]?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LEADING_IN = re.compile(r"^\s*(?:in|в|//)\s*:?\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:;|\s&\s|&|,?\s+and\s+|,?\s+и\s+|,?\s+und\s+|,?\s+et\s+|,?\s+y\s+)"
                         r"\s*")
#: what every match of `_SEPARATORS` holds, in single-spaced text (the only white space left is
#: the space; tests/refparse/test_throughput_gates.py)
_SEPARATOR_MARKS = (";", "&", " and ", " и ", " und ", " et ", " y ")


def _may_separate(single_spaced_text: str) -> bool:
    """`_SEPARATORS` can match the text (single-spaced): it holds one of `_SEPARATOR_MARKS`."""
    return any(map(single_spaced_text.__contains__, _SEPARATOR_MARKS))


_EDGE_PUNCT = " \t,.;:/–—-()[]"
_PART_PUNCT = " \t,;:/–—-()[]"


def split_names(statement: str) -> list[dict[str, str]]:
    """CSL name objects for every person in `statement`, in order (new objects at each call:
    callers change them)."""
    return [dict(name) for name in _split_names(statement)]


@lru_cache(maxsize=4096)
def _split_names(statement: str) -> tuple[dict[str, str], ...]:
    """`split_names`, cached: a reference's statement of names is read by several grammars and
    by both tagger models, mostly cut alike. Never hand out these dicts themselves."""
    return tuple(_names_of(statement))


def _names_of(statement: str) -> list[dict[str, str]]:
    text = _LEADING_IN.sub("", statement)
    text = _ROLE_WORDS.sub(" ", text)
    text = single_spaced(text)
    if body := _body_name(text.strip(" \t,;:/–—-").removesuffix(".")):
        return [{"literal": body}]
    text = text.strip(_PART_PUNCT)
    if not text:
        return []
    names: list[dict[str, str]] = []
    for group in _SEPARATORS.split(text) if _may_separate(text) else [text]:
        names.extend(_split_comma_list(group.strip(_PART_PUNCT)))
    return names


#: a name followed by its acronym or jurisdiction: "World Health Organization (WHO)",
#: "Ministério da Saúde (BR)", "SÃO PAULO (Estado)"
_QUALIFIED_BODY_RE = re.compile(r"^[^\W\d_][^(),;]*?\s"
                                r"\((?:[A-ZÀ-ÞА-ЯЁ]{2,12}|[A-ZÀ-Þ][a-zà-ÿ]+)\)\.?$")


def _body_name(text: str) -> str | None:
    """The whole statement when it names a body, not persons: a body word ("Ministério",
    "Organization", "Consortium") or a parenthesised acronym after a name of several words, and
    no initial anywhere. Such a name is one literal author, its commas and periods included
    ("United Nations Educational, Scientific and Cultural Organization",
    "Ministério da Saúde. Instituto Nacional de Câncer")."""
    if _PERSON_INITIAL_RE.search(text) or re.search(r"\b[A-ZА-ЯЁ]{1,3}(?:,|$)", text):
        return None
    if _QUALIFIED_BODY_RE.match(text) and len(text.split()) >= 3:
        return text
    if _body_word_start(text) >= 0 and len(text.split()) >= 2:
        return text
    return None


#: a name as NLM writes it: a family and run-together capital initials ("Rigotti NA")
_NLM_NAME = re.compile(r"^[^\W\d_][\w'’-]+\s[A-Z]{1,3}\.?$")


def _split_comma_list(group: str) -> list[dict[str, str]]:
    parts = [p.strip(_PART_PUNCT) for p in (re.split(r",(?!\s*(?:jr|sr)\b)", group,
                                                             flags=re.IGNORECASE)
                                            if "," in group else [group])]
    parts = [p for p in parts if p]
    names: list[dict[str, str]] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is not None and _NLM_NAME.match(part) and _NLM_NAME.match(following):
            names.append(_split_single(part))  # "DiFranza JR, Rigotti NA": two NLM names
            index += 1
            continue
        if following is not None and _is_given_only(following) and (
                _is_bare_family(part) or _is_short_upper_family(part, following)
                or _is_compound_family(part, following)):
            family, suffix = _family_and_agnome(part)
            names.append(_name(family, following) | ({"suffix": suffix} if suffix else {}))
            index += 2
            continue
        if following is not None and _is_bare_family(part) and len(parts) == 2 \
                and _is_bare_given_words(following):
            names.append(_name(part, following.removesuffix(".")))
            index += 2
            continue
        names.append({"literal": part} if _body_name(part) else _split_single(part))
        index += 1
    return [n for n in names if n]


@lru_cache(maxsize=8192)
def _words(part: str) -> tuple[str, ...]:
    """The words of a name, an initial per word ("A.B. Smith" → "A.", "B.", "Smith"), a
    hyphenated initial kept whole ("J.-P. Vega", "J. -P. Vega" → "J.-P.", "Vega"); cached, as
    the word tests below are: names recur between a reference's candidate readings."""
    text = _SPACED_HYPHEN_INITIAL.sub(".-", part)
    return tuple(_PERIOD_NOT_HYPHEN.sub(". ", text).split())


_SPACED_HYPHEN_INITIAL = re.compile(r"\.\s*[-‐]\s*(?=[^\W\d_])")
_PERIOD_NOT_HYPHEN = re.compile(r"\.(?!-)")


def _is_suffix_word(word: str, words: tuple[str, ...]) -> bool:
    """"Jr.", "III", "3rd" are suffixes; "SR" or "IV" after a family with no other initials is
    the person's initials ("Eddy SR", "Schensted IV", as NLM prints them)."""
    if word.lower() not in _SUFFIXES:
        return False
    if word.isalpha() and word.isupper() and len(words) == 2:
        return _is_initial_word(words[0] if word is words[1] else words[1])
    return True


def _split_single(part: str) -> dict[str, str]:
    printed = _words(part)
    words = [w for w in printed if not _is_suffix_word(w, printed)]
    if not words:
        return {}
    if len(words) == 1:
        return {"family": words[0]}
    leading = 0
    while leading < len(words) - 1 and _is_initial_word(words[leading]):
        leading += 1
    trailing = 0
    while trailing < len(words) - 1 and _is_initial_word(words[len(words) - 1 - trailing]):
        trailing += 1
    if leading and leading >= trailing:
        return _name(" ".join(words[leading:]), " ".join(words[:leading]))
    if trailing:
        return _name(" ".join(words[:-trailing]), " ".join(words[-trailing:]))
    family_start = len(words) - 1
    while family_start > 0 and words[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    return _name(" ".join(words[family_start:]), " ".join(words[:family_start]))


def _name(family: str, given: str) -> dict[str, str]:
    family = family.strip(_EDGE_PUNCT)
    given = " ".join(_words(given)).strip(" ,;")
    name = {"family": family}
    if given:
        name["given"] = normalise_initials(given)
    return name


@lru_cache(maxsize=8192)
def _is_initial_word(word: str) -> bool:
    core = word.strip(",;")
    return (bool(_INITIAL.match(core)) and (core.endswith(".") or bool(_RUN_TOGETHER.match(core))
                                            or len(core) == 1)) or bool(_HYPHENATED_RUN.match(core))


def _is_given_only(part: str) -> bool:
    words = _words(part)
    if not words:
        return False
    if all(_is_initial_word(w) for w in words):
        return True
    # "Nicholson B." or "John Paul": given names, optionally ending in initials
    return len(words) <= 3 and _is_bare_given_words(words[0].rstrip(".")) and all(
        _is_initial_word(w) for w in words[1:])


#: a given name in full, hyphenated ones too ("John", "Jean-Paul")
_GIVEN_WORD = re.compile(rf"^[{_UPPER}][^\W\d_]+(?:[-‐][{_UPPER}][^\W\d_]+)?$")


def _is_bare_given_words(part: str) -> bool:
    """"João Carlos", "José Henriques." (the statement's closing period), "Maria Beatriz Nizza
    da" (NBR 6023 prints the particle after the given names)."""
    words = part.removesuffix(".").split()
    while len(words) > 1 and words[-1] in _PARTICLES:
        words.pop()
    return 1 <= len(words) <= 3 and all(_GIVEN_WORD.match(w) for w in words)


def _is_bare_family(part: str) -> bool:
    words = part.split()
    if len(words) > 1 and words[-1].lower() in _AGNOMES:
        words = words[:-1]  # "COUTO JR.", "RASSI JUNIOR"
    if not words or any(_is_initial_word(w) for w in words):
        return False
    *particles, last = words
    return (all(p.lower() in _PARTICLES for p in particles)
            and bool(re.match(r"^[^\W\d_][^\W\d_'’`‐-]*(?:[-‐'’][^\W\d_]+)*$", last)))


def _is_compound_family(part: str, following: str) -> bool:
    """"Villa Nova, N.A.", "Garcia de Cortazar-Atauri, I.", "VAN DEN BOSSCHE, P.": a surname of
    several words (particles anywhere, upper-case ones too) before dotted initials."""
    words = part.split()
    if not 2 <= len(words) <= 4 or "." not in following:
        return False
    if words[-1].lower() in _PARTICLES:
        return False
    return all(w.lower() in _PARTICLES or (
        "." not in w and not _is_initial_word(w)
        and (_GIVEN_WORD.match(w) or (w.isupper() and len(w) > 3))) for w in words)


def _is_short_upper_family(part: str, following: str) -> bool:
    """"LIU, M.", "WU, Z.", "DAR, D.L.N.": a two- or three-letter upper-case surname reads like
    run-together initials, but dotted initials after its comma show that it is the surname."""
    return bool(re.fullmatch(rf"[{_UPPER}]{{2,3}}", part)) and "." in following

