"""ABNT (NBR 6023) references: upper-case surnames, "v./n./p." locators, year last.

    SOBRENOME, Nome; OUTRO, N. Título. Revista, v. 12, n. 3, p. 45-67, 2020.
    SOBRENOME, Nome. Título: subtítulo. 2. ed. São Paulo: Atlas, 2010. 300 p.

Upper-case surnames are a style of printing, not the name: they are stored title-cased, and the
change is reported (CF105).
"""

from __future__ import annotations

import re

from citefmt.dates import MONTHS, MONTHS_PT_ES
from citefmt.model import Item
from citefmt.refparse import places
from citefmt.refparse.candidate import Candidate, sentences
from citefmt.refparse.common import date_parts, normalise_page, squeezed, tidy
from citefmt.refparse.names import parse_inverted_names, split_names, starts_with_body_word

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-ÿ"
#: a given name, hyphenated ones too ("Anne-Marie")
_GIVEN = rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
#: the given names in full ("João Carlos", "Anne-Marie") or initials ("J. C.", "J.-P.")
#: an initial: "J." — or "J" without its period when a ";" or "," follows ("CLARK, K; …")
_INITIAL = rf"[{_UP}](?:\.|(?=\s*[;,]))"
#: initials, with a particle printed after them ("J. L. S. de", "G. H. de A.")
_INITIALS = rf"{_INITIAL}(?:\s?-?\s?{_INITIAL})*(?:\s(?:d[aeo]s?)(?:\s{_INITIAL})*)?"
_AUTHOR = (rf"[{_UP}][{_UP}'’\- ]+,\s*(?:{_GIVEN}(?:\s(?:d[aeo]s?\s)?{_GIVEN})*(?:\s[{_UP}]\.)*"
           # a particle printed after the given names: "SILVA, Maria Beatriz Nizza da."
           rf"(?:\sd[aeo]s?(?=\.))?"
           rf"|{_INITIALS})")
#: names are joined by ";" (NBR 6023:2018) or, in older lists, by "&" ("SOUZA, A. & LIMA, B.")
_AUTHOR_JOIN = r"\s*(?:;|&)\s*"
#: the role of the names printed in parentheses after them: "(org.)", "(orgs.)", "(ed.)",
#: "(coord.)" — NBR 6023 heads a collection by its organisers, who are its editors (CSL)
_ROLE = r"\s*\((?P<role>(?i:orgs?|eds?|coords?|comps?|dirs?)\.?)\)"
_AUTHORS_RE = re.compile(rf"^(?P<authors>{_AUTHOR}(?:{_AUTHOR_JOIN}{_AUTHOR})*(?:\s*et al\.?)?)"
                         rf"(?:{_ROLE})?\.?\s*(?<=[.\s])(?=\S)")
#: "Revista, Cidade, v. 3, …": the place of publication NBR 6023 prints after the journal
_JOURNAL_RE = re.compile(
    r"^(?P<journal>.+?),\s*(?:(?P<place>(?!v\.|n\.|p\.)[^,]+(?:,\s*[A-Z]{2})?),\s*(?=v\.|n\.|p\.))?"
    r"(?:v\.\s*(?P<vol>[\w\-]+),?\s*)?(?:n\.\s*(?P<issue>[\w\-/]+),?\s*)?"
    r"(?:p\.\s*(?P<page>[\w]+(?:[–-]\w+)?)[,.]?\s*|(?P<article>e\d+),\s*)?"
    r"(?:(?P<month>[a-zç]{3,9}\.?(?:/[a-zç]{3,9}\.?)?)\s*)?(?P<year>\d{4})\.?$")
#: "2. ed.", "2ª ed.", "3rd ed.": the edition statement before the imprint
_EDITION = r"(?P<ed>\d+)\s*(?:\.|ª|º|a|st|nd|rd|th)?\s*ed\.\s*"
_BOOK_RE = re.compile(rf"^(?:{_EDITION})?(?P<place>[^:]+):\s*(?P<publisher>[^,]+?)[,.]\s*"
                      r"(?P<year>\d{4})[a-z]?"
                      r"(?:\.\s*(?P<pages>\d+)\s*p)?(?:[.,]\s*v\.\s*(?P<volume>\d+))?\.?$")


#: NBR 6023 / ISO 690 online tail: "Disponível em: <URL>. Acesso em: 15 nov. 2020." (URL and
#: DOI values themselves are already taken out as identifiers)
_ONLINE_TAIL_RE = re.compile(r"\s*(?:Disponível|Disponible|Available)\s+(?:em|en|from|at)\s*:.*$|"
                             r"\s*(?:Acesso|Acceso|Accessed|Last\s+access(?:ed)?)\s*(?:em|en|on)?\s*:?.*$|"
                             r"\s*DOI\s*:?\s*\.?\s*$", re.I)


#: the older imprint with commas: "São Paulo, Agronômica Ceres, 1976. 419 p."
_COMMA_BOOK_RE = re.compile(rf"^(?:{_EDITION})?(?P<place>[^:,.\d]+),\s*(?P<publisher>[^,\d]+),\s*"
                            r"(?P<year>\d{4})[a-z]?(?:\.\s*(?P<pages>\d+)\s*p)?\.?$")
#: NBR 6023 thesis statement: "[2016.] [230 f.] Tese (Doutorado em X) – Instituição, Local[, 2016]."
#: (the number of leaves, "230 f.", is the thesis's extent)
_THESIS_RE = re.compile(
    r"^(?:(?P<year>\d{4})\.\s*)?(?:(?P<leaves>\d{1,4})\s*f\.\s*)?(?P<genre>(?:Tese|Dissertação|Dissertacao|Monografia|"
    r"Trabalho de Conclusão de Curso|Tesis)(?:\s*\([^)]*\))?)\s*[–—-]\s*"
    r"(?P<institution>.+),\s*(?P<place>[^,\d]{1,60}?)(?:[,.]\s*(?P<year_after>\d{4}))?\.?$")
#: NBR 6023 (7.7.5) / ISO 690 newspaper or news-site article: "Jornal, [Local,] 22 de outubro de
#: 2021.", "Clarín, Argentina, 3 nov. 2017. Política." (the section after the date), "Reuters,
#: Marrakech, Oct. 13, 2023." — the periodical, the place, the day's date
_DAY_DATE = (r"(?:(?P<day>\d{1,2})º?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,10})\.?,?\s+(?:de\s+)?"
             r"|(?P<month_first>[A-Z][a-z]{2,8})\.?\s+(?P<day_after>\d{1,2}),\s+)"
             r"(?P<year>\d{4})[a-z]?")
_DATED_HOST_RE = re.compile(
    rf"^(?P<journal>[^\W\d_][^,;:]{{1,60}}?)\s*(?:,\s*(?P<place>\[?[{_UP}][^,;:\d]{{1,40}}?\]?)"
    rf"\s*,|[,.])\s*{_DAY_DATE}(?:\.\s*(?P<section>[^\W\d_][^.\d]{{2,40}}))?\.?$")
_PLACE_YEAR_RE = re.compile(r"^(?P<place>[^,:.\d]{2,40}),\s*(?P<year>\d{4})[a-z]?\.?$")
_YEAR_ONLY_RE = re.compile(r"^(\d{4})[a-z]?\.?$")
#: "[S.l.]", "S.l.": sine loco, the place is unknown
_NO_PLACE_RE = re.compile(r"^\[?\s*s\.\s*l\.?\s*\]?$", re.I)
#: NBR 6023 / ISO 690 translator statement after the title: "Tradução de Paulo Roe.",
#: "Tradução J. Roe.", "Trad. P. Roe.", "Translated by P. Roe.", "Transl. P. Roe."
_TRANSLATOR_RE = re.compile(r"^(?:Tradução(?:\s+de)?|Trad\.|Traducción(?:\s+de)?|Translated\s+by|"
                            r"Transl\.(?:\s+by)?)\s+(?P<names>(?:[A-ZÀ-Þ]\.\s?)*[^.]*?[^\W\d_]{2})\.\s*")


#: NBR 6023 entity as author, printed in upper case: "BRASIL.", "SÃO PAULO (Estado).",
#: "UNIVERSIDADE FEDERAL DE TESTE." — a jurisdiction's qualifier in parentheses is part of it
_ENTITY_RE = re.compile(rf"^(?P<entity>[{_UP}][{_UP}0-9\- ]+[{_UP}0-9](?:\s\([^)]{{2,20}}\))?)"
                        r"\.\s+(?=\S)")


#: one sentence of a multi-level body's name
_UNIT_RE = re.compile(r"([^.]{3,80})\.\s+(?=\S)")


def looks_like(body: str) -> bool:
    text = body.strip()
    return bool(_AUTHORS_RE.match(text) or _ENTITY_RE.match(text)
                or ("v." in body and "n." in body  # what a match holds (a faster test)
                    and re.search(r"\bv\.\s*\d+,\s*n\.\s*\d+", body)))


def parse(body: str) -> Candidate | None:
    text = squeezed(body)
    item: Item = {"type": "article-journal"}
    cand = Candidate("abnt", item, 0.0)
    m = _AUTHORS_RE.match(text)
    if m:
        _persons(cand, m.group("authors"))
        if m.group("role"):
            item["editor"] = item.pop("author")
    elif m := _ENTITY_RE.match(text):
        m = _subordinate_bodies(item, text, m)
    else:
        return None
    score = 0.3
    rest = text[m.end():]
    spans = sentences(rest)
    if not spans:
        return None
    title_end, after_title = spans[0][1], spans[0][1] + 1
    if in_host := _COMMA_IN_RE.search(rest, spans[0][0], spans[0][1]):
        title_end, after_title = in_host.start(), in_host.start() + 1  # "Título, In: …"
    item["title"] = tidy(rest[spans[0][0]:title_end])
    score += 0.15
    remainder = tidy(_ONLINE_TAIL_RE.sub("", rest[after_title:]))
    if translator := _TRANSLATOR_RE.match(remainder):
        item["translator"] = split_names(translator.group("names"))
        remainder = remainder[translator.end():]
    remainder = remainder if remainder.endswith(".") else remainder + "."
    chapter = _chapter_host(item, remainder)
    score += _imprint(item, remainder) if chapter is None else chapter
    cand.confidence = min(score, 0.95)
    return cand


#: NBR 6023 chapter host: "In: SOBRENOME, N. (org.). Título do livro. Local: Editora, 2016.
#: p. 71-107." — the host's responsible persons, their role in parentheses, the book, its imprint
#: the "In:" of a chapter's host after a comma rather than the title's period ("…, In: BRAIT, B.")
_COMMA_IN_RE = re.compile(r",(?=\s+In\s?:\s)")
#: (a host by the chapter's own author, or a work with no one named, has no names: "In: Obras
#: morales. Madrid: Gredos, 2003.")
_IN_HOST_RE = re.compile(rf"^In\s?:\s*(?:(?P<names>{_AUTHOR}(?:{_AUTHOR_JOIN}{_AUTHOR})*"
                         r"(?:\s*et al\.?)?)"
                         r"\s*(?:\((?P<role>[^)]{1,20})\))?\.?\s+)?(?P<rest>\S.*)$")
#: a name printed "Surname, Given" in mixed case ("Cardoso, José Luís", "Biagioli, M.")
_INVERTED_NAME_RE = re.compile(r"^[A-ZÀ-Þ][^\W\d_]+(?:[-\s][A-ZÀ-Þ]?[^\W\d_]+)?,\s*[A-ZÀ-Þ]")
_CHAPTER_PAGES_RE = re.compile(r"[.,]\s*p\.\s*(?P<page>\d+\s*[-–]\s*\d+)\.?$")
_EDITOR_ROLE_RE = re.compile(r"(?i)^\s*(?:orgs?|ed|eds|coord|comp|dir)\b")


def _chapter_host(item: Item, remainder: str) -> float | None:
    """Read an "In: …" host into `item` (a chapter); None when the remainder is no such host."""
    host = _IN_HOST_RE.match(remainder)
    if not host:
        return None
    rest = host.group("rest")
    if not host.group("names") and _INVERTED_NAME_RE.match(rest):
        return None  # "In: Cardoso, José Luís (Org.). …": names this grammar does not read
    if pages := _CHAPTER_PAGES_RE.search(rest):
        item["page"] = normalise_page(pages.group("page"))
        rest = rest[:pages.start()] + "."
    spans = sentences(rest)
    if not spans:
        return None
    imprint: Item = {}
    tail = tidy(rest[spans[0][1] + 1:]) + "."
    if translator := _TRANSLATOR_RE.match(tail):
        item["translator"] = split_names(translator.group("names"))  # the book's translator
        tail = tail[translator.end():]
    score = _imprint(imprint, tail)
    item.update({k: v for k, v in imprint.items() if k in (
        "publisher", "publisher-place", "issued", "edition", "volume")})
    if host.group("names"):
        names = parse_inverted_names(host.group("names"), upper_surnames=True).names
        role = host.group("role") or ""
        item["editor" if _EDITOR_ROLE_RE.match(role) else "container-author"] = names
    item["container-title"] = tidy(rest[spans[0][0]:spans[0][1]])
    item["type"] = "chapter"
    return 0.2 + score


def _subordinate_bodies(item: Item, text: str, entity: re.Match[str]) -> re.Match[str]:
    """"BRASIL. Ministério da Educação. Secretaria de Educação Básica. Título…": the entity and
    the subordinate bodies that follow it (each a sentence starting with a body's word) are one
    author, named as printed; returns the match that ends the author statement."""
    end = entity
    while (unit := _UNIT_RE.match(text, end.end())) and starts_with_body_word(unit.group(1)):
        end = unit
    item["author"] = [{"literal": text[:end.end()].strip().rstrip(".")}]
    return end


def _persons(cand: Candidate, statement: str) -> None:
    """The authors "SOBRENOME, Nome; OUTRO, N."; upper-case surnames stored title-cased (CF105)."""
    names = parse_inverted_names(statement, upper_surnames=True)
    cand.item["author"] = names.names
    cand.truncated_authors = names.truncated
    upper = [n for n in re.findall(rf"(?:^|;\s*)([{_UP}][{_UP}'’\- ]+),", statement)
             if n.strip().isupper()]
    if upper:
        cand.repairs.append((0, "CF105",
                             f"upper-case surname(s) stored title-cased: {', '.join(upper)}"))


def _imprint(item: Item, remainder: str) -> float:
    """Read what follows the title — a book's imprint, a journal's host, a thesis statement —
    into `item`; returns the confidence it adds."""
    if bm := _BOOK_RE.match(remainder):
        _book_imprint(item, bm)
        return 0.4
    if tm := _THESIS_RE.match(remainder):
        _thesis_statement(item, tm)
        return 0.4
    if ":" not in remainder and ", v." not in remainder and (
            dm := _DATED_HOST_RE.match(remainder)):  # (not a journal's ", v. 3", an imprint's ":")
        _dated_host(item, dm)
        return 0.35
    jm = _JOURNAL_RE.match(remainder)
    if jm and (jm.group("vol") or jm.group("page") or jm.group("article")):
        _journal_host(item, jm)
        return 0.35
    if bm := _COMMA_BOOK_RE.match(remainder):
        _book_imprint(item, bm)
        return 0.3
    if py := _PLACE_YEAR_RE.match(remainder):
        # "São Paulo, 2011.": a report or document with its place and date, no publisher
        item["type"] = "document"
        item["publisher-place"] = tidy(py.group("place"))
        item["issued"] = date_parts(py.group("year"))
        return 0.3
    if jm:
        _journal_host(item, jm)
        return 0.2
    if year := _YEAR_ONLY_RE.match(remainder):
        # "Título. 2021. Disponível em: …": an online document has only its date
        item["type"] = "document"
        item["issued"] = date_parts(year.group(1))
        return 0.3
    return 0.0


#: a statement NBR 6023 prints after the title that is no part of it: responsibility
#: (translation, organisation, preface, notes), edition, volume, a host's names ("ROE, A.")
_STATEMENT_WORD_RE = re.compile(
    r"(?i)\b(?:trad|tradu|trans|transl|org|coord|ed|edição|edición|edition|apresenta|pref[áa]cio|"
    r"notas|revis|v|vol|tomo|t)\b\.?|\d|,\s*[A-ZÀ-Þ](?:[.\s]|$)")


def _subtitle_out_of_place(item: Item, place: str) -> str:
    """"La ciudadela interior. Introducción a la Meditaciones de Marco Aurelio. Salamanca:
    Alpha Decay, 2013.": NBR 6023 prints title, subtitle, then responsibility and edition
    statements, then the imprint; an unlabelled sentence right after the title, read into the
    place, is the title's own (its subtitle). Returns what remains of the place."""
    if ". " not in place or "title" not in item:  # (a chapter's host: its own title later)
        return place
    parts = place.split(". ")
    while len(parts) > 1 and parts[0][:1].isupper() and not _STATEMENT_WORD_RE.search(parts[0]):
        item["title"] = f"{item['title']}. {parts.pop(0)}"
    return ". ".join(parts)


def _book_imprint(item: Item, bm: re.Match[str]) -> None:
    """"2. ed. São Paulo: Atlas, 2010. 300 p." (and the older "São Paulo, Atlas, 1976.")."""
    item["type"] = "book"
    if bm.group("ed"):
        item["edition"] = bm.group("ed")
    item["publisher-place"] = _subtitle_out_of_place(item, tidy(bm.group("place")))
    item["publisher"] = tidy(bm.group("publisher"))
    item["issued"] = date_parts(bm.group("year"))
    if bm.group("pages"):
        item["number-of-pages"] = bm.group("pages")
    if "volume" in bm.re.groupindex and bm.group("volume"):
        item["volume"] = bm.group("volume")  # "São Paulo: Paz e Terra, 2018. v. 2."


def _journal_host(item: Item, jm: re.Match[str]) -> None:
    """"Revista, Cidade, UF, v. 3, n. 2, p. 45-67, maio 2010."; "[S.l.]" (no place) is no place."""
    item["container-title"] = tidy(jm.group("journal"))
    place = tidy(jm.group("place") or "")
    if place and not _NO_PLACE_RE.match(place):
        item["publisher-place"] = place
    for key, group in (("volume", "vol"), ("issue", "issue")):
        if jm.group(group):
            item[key] = jm.group(group)
    if jm.group("page"):
        item["page"] = normalise_page(jm.group("page"))
    elif jm.group("article"):
        item["number"] = jm.group("article")  # "v. 27, e0208, 2021": an article number
    item["issued"] = date_parts(jm.group("year"))


#: a periodical's name after sentences of the title: the last sentence that starts with a capital
_LAST_SENTENCE_RE = re.compile(rf"^(?P<before>.+?[^\W\d_]{{2}})\.\s+(?P<last>[{_UP}][^.]*)$")


def _dated_host(item: Item, dm: re.Match[str]) -> None:
    """"Carta Capital, 22 de outubro de 2021."; "Clarín, Argentina, 3 nov. 2017. Política.": a
    periodical's article dated by the day (the parser's periodical type, article-journal); the
    newspaper's section is CSL `section`."""
    item["type"] = "article-journal"
    journal = dm.group("journal")
    if subtitle := _LAST_SENTENCE_RE.match(journal):
        # "Braços negros … brancos. As imagens da manifestação. Expresso, 6 de junho de 2020.":
        # the sentences before the periodical's name are the title's (its subtitle)
        item["title"] = f"{item['title']}. {subtitle.group('before')}"
        journal = subtitle.group("last")
    item["container-title"] = tidy(journal)
    place = tidy(dm.group("place") or "").strip("[]")
    if place and not _NO_PLACE_RE.match(place):
        item["publisher-place"] = place
    month = dm.group("month") or dm.group("month_first")
    number = MONTHS_PT_ES.get(month[:3].casefold()) or MONTHS.get(month[:3].casefold())
    day = dm.group("day") or dm.group("day_after")
    item["issued"] = date_parts(dm.group("year"), number, int(day) if number else None)
    if dm.group("section"):
        item["section"] = tidy(dm.group("section"))


def _thesis_statement(item: Item, tm: re.Match[str]) -> None:
    """"2016. Tese (Doutorado em Física) – Instituto de Física, Universidade X, Cidade, 2016."."""
    item["type"] = "thesis"
    item["genre"] = tidy(tm.group("genre"))
    item["publisher"] = tidy(tm.group("institution"))
    item["publisher-place"] = tidy(tm.group("place"))
    if tm.group("leaves"):
        item["number-of-pages"] = tm.group("leaves")
    year = tm.group("year") or tm.group("year_after")
    if year:
        item["issued"] = date_parts(year)


#: a journal read with the place that ends the title before it: "SP. Revista Brasileira de …",
#: "Brasília, DF. Heringeriana"
#: (a journal's abbreviated name, "Int. J. Numer. Meth.", is no place and its journal)
_PLACE_BEFORE_JOURNAL_RE = re.compile(r"^(?P<place>[^.]{2,40}?)\.\s+"
                                      r"(?P<journal>[A-ZÀ-Þ](?![^\W\d_]{0,7}\.)(?:\S{8,}|.*\s).*)$")
#: a Brazilian state's (or any) two-letter region code: "SP", "DF"
_REGION_CODE_RE = re.compile(r"^[A-Z]{2}$")


def title_place_out_of_journal(item: Item, text: str) -> None:
    """A title that ends with the place it is about ("… floresta secundária em Juquitiba, SP.",
    "… Reserva Biológica do Guará, Brasília, DF.") is closed by its period; the journal (or a
    thesis statement, "SP. Dissertação de Mestrado, Universidade …", read as the publisher)
    comes after it. A reading that cut the title at the place's comma gave the place to what
    follows: the place goes back to the title when the string prints title, comma, place,
    period, and the place is a known place or a region code (places.py, GeoNames)."""
    title = item.get("title")
    if not isinstance(title, str):
        return
    for key in ("container-title", "publisher"):
        after = item.get(key)
        if not isinstance(after, str) or ". " not in after:
            continue
        m = _PLACE_BEFORE_JOURNAL_RE.match(after)
        if not m or f"{title}, {m.group('place')}." not in text:
            continue
        place = m.group("place")
        if all(_REGION_CODE_RE.match(part) or (len(part) > 3 and places.is_place(part))
               for part in place.split(", ")):
            item["title"] = f"{title}, {place}"
            item[key] = m.group("journal")
            return


#: NBR 6023 / botanical lists' thesis statement as the title's last sentence: "… Brasília - DF.
#: Dissertação de Mestrado", "… Tese de Doutorado" (the school follows as the publisher)
_THESIS_SENTENCE_RE = re.compile(r"\.\s+(?P<genre>(?:Tese|Dissertação|Tesis|Monografia)"
                                 r"(?:\s+de\s+(?:Mestrado|Doutorado|Maestría|Doctorado|"
                                 r"Licenciatura)(?:\s+em\s+[^.,]{1,60})?)?)\.?$")


def thesis_sentence_out_of_title(item: Item) -> None:
    """"… Floresta Nacional de Brasília - DF. Dissertação de Mestrado" read as the title: the
    last sentence is the thesis statement (CSL `genre`) and the item a thesis."""
    title = item.get("title")
    if not isinstance(title, str) or item.get("genre") or not any(
            word in title for word in ("Tes", "Disserta", "Monografia")):
        return
    if m := _THESIS_SENTENCE_RE.search(title):
        item["title"] = title[:m.start()]
        item["genre"] = m.group("genre")
        item["type"] = "thesis"


#: the label of an online address (NBR 6023 "Disponível em:", ISO 690 "Available from:") or of
#: an access date left at the end of a title or journal once the address was taken out
_TRAILING_URL_LABEL_RE = re.compile(r"[\s.,;]*\b(?:Dispon[íi]vel|Disponible|Available)\s+"
                                    r"(?:em|en|from|at|in)\s*:?\s*$", re.I)


def url_label_out_of_title(item: Item) -> None:
    """"Bryophyte Ecology. Disponível em" (the URL after it already read as `URL`): the label
    is no part of the title, nor of the journal's name."""
    for key in ("title", "container-title"):
        value = item.get(key)
        if isinstance(value, str) \
                and value.rstrip(" :")[-2:].casefold() in ("em", "en", "om", "at", "in") \
                and (m := _TRAILING_URL_LABEL_RE.search(value)):
            kept = value[:m.start()].strip()
            if kept:
                item[key] = kept
            else:
                del item[key]


#: initials as a name's given part holds them ("P.", "P. S.", "M.-O.")
_GIVEN_INITIALS_RE = re.compile(r"^(?:[A-ZÀ-Þ]\.(?:\s?-?\s?[A-ZÀ-Þ]\.)*)$")


def title_word_out_of_names(item: Item, text: str) -> None:
    """"BEZERRA, P. Posfácio. No limiar …" read with the names "BEZERRA" and "Posfácio, P.": in
    NBR 6023 (and APA) a name inverted with its initials ends at the initials' period — the
    names are joined by ";" or ",", never by a space — so the word after "BEZERRA, P." opens
    the title. When the last name is that word with the initials before it, and the title
    follows it in the string, the initials go back to the name before and the word to the
    title."""
    authors, title = item.get("author"), item.get("title")
    if not (isinstance(authors, list) and len(authors) >= 2 and isinstance(title, str)):
        return
    bare, last = authors[-2], authors[-1]
    if set(bare) != {"family"} or set(last) != {"family", "given"} \
            or not _GIVEN_INITIALS_RE.match(last["given"]):
        return
    printed = r"\.?\s?".join(re.escape(p) for p in last["given"].replace(" ", "").split(".") if p)
    m = re.search(rf"{re.escape(bare['family'])},\s*{printed}\.?\s+(?={re.escape(last['family'])})",
                  text)
    if not m:
        return
    at = text.find(title, m.end() + len(last["family"]))
    if at < 0 or text[m.end() + len(last["family"]):at].strip(" .,:;"):
        return
    item["author"] = [*authors[:-2], {"family": bare["family"], "given": last["given"]}]
    item["title"] = text[m.end():at + len(title)]
