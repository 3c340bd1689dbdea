"""Differential benchmark: citefmt's GOST R 7.0.5-2008 style against biblatex-gost.

biblatex-gost is the GOST implementation Russian theses are typeset with. Its examples file
(`biblatex-gost-examples.bib`, ≈770 entries, shipped by Debian's texlive-bibtex-extra) is
rendered twice:

- through biber + XeLaTeX with `style=gost-numeric, blockpunct=period` (the area separator
  ". " citefmt's 7.0.5 style uses) and `autolang=other` (each entry in its own `langid`'s
  terms, as the standard describes a source in its own language; biblatex's default
  `autolang=none` gives every entry the document's Russian terms), on a 5-metre-wide page
  without hyphenation so that each entry is one line of `pdftotext -raw` output, its entry
  key printed in place of the label;
- through citefmt (`citefmt.api.read_path` → `citefmt.engine.render_bibliography`).

Entries are aligned by key and compared after whitespace normalisation. A difference that
disappears once a *documented rule* is applied (ORACLE_RULES: places where biblatex-gost
contradicts the standard, or where the standard leaves the choice open) is counted separately
from a plain difference. The remaining differences are grouped by a guessed cause.

Requirements (checked, never installed; exit code 2 naming what is missing):

    apt-get install --no-install-recommends texlive-bibtex-extra biber texlive-xetex \\
        texlive-lang-cyrillic poppler-utils fonts-dejavu

Usage:

    python bench/gost_oracle.py [--style gost-r-7.0.5-2008] [--workdir DIR] [--show N]
        [--cause NAME] [--keys k1,k2]

biblatex-gost's data convention differs from citefmt's in one point of input, not of output:
its examples carry role names already declined ("пер. с англ. И. Н. Веселовского"), so the
bench renders with a copy of the style whose `name-case` attributes are removed (citefmt
declines nominative names itself; see styles/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

import biblatex_gost  # noqa: E402

DEBIAN_PACKAGES = ("texlive-bibtex-extra", "biber", "texlive-xetex", "texlive-lang-cyrillic",
                   "poppler-utils", "fonts-dejavu")
EXAMPLES = ("/usr/share/doc/texlive-doc/latex/biblatex-gost/biblatex-gost-examples.bib.gz",
            "/usr/share/doc/texlive-doc/latex/biblatex-gost/biblatex-gost-examples.bib")

DOCUMENT = biblatex_gost.document(
    "style=gost-numeric,blockpunct=period,autolang=other,backend=biber,sorting=none",
    "english,french,german,polish,ukrainian,italian,spanish,latin,greek", "examples.bib")


@dataclass(frozen=True)
class Rule:
    """A documented disagreement: applied to both texts, it removes a difference that is
    biblatex-gost's error or a choice the standard leaves open."""

    name: str
    kind: str  # "oracle-wrong" or "choice-open"
    why: str
    apply: Callable[[str], str]


def _sub(pattern: str, replacement: str) -> Callable[[str], str]:
    compiled = re.compile(pattern)
    return lambda text: compiled.sub(replacement, text)


_MONTHS_EN = "Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec"
_MONTHS_RU = ("янв|февр?|марта?|апр|ма[йя]|июн[ья]|июл[ья]|авг|сент?|окт|нояб?|дек|"
              "[Яя]нв|[Фф]евр?|[Мм]арта?|[Аа]пр|[Мм]а[йя]|[Ии]юн[ья]|[Ии]юл[ья]|[Аа]вг|[Сс]ент?|"
              "[Оо]кт|[Нн]ояб?|[Дд]ек")
_VOLUMES = re.compile(r"(?: :|\.) [вВiI]n? (\d+) (т\.|vols\.|кн\.|ч\.)")
_VOLUME_TITLE = re.compile(r"\b(Т\.|Vol\.|Вып\.|Кн\.|Ч\.|Pt\.|Книга) ([\w()]+)(?: :|\.) (?=\w)")


def _multi_volume(text: str) -> str:
    return _VOLUME_TITLE.sub(r"\1 \2. ", _VOLUMES.sub(r". В \1 \2", text))


#: a list of places before the publisher: "… 1980. Amsterdam, New York : North-Holland"
_PLACE_LIST = re.compile(r"(?<=\. )[A-ZА-Я][\w.-]*(?: [A-ZА-Я][\w.-]*)?(?:, [A-ZА-Я][\w.-]*"
                         r"(?: [A-ZА-Я][\w.-]*)?)+(?= : )")
_FULL_PLACE = re.compile(r"(?<=\. )(?:Москва|Санкт-Петербург)(?= :|,)")
_CLOSED_RANGE = re.compile(r"(?<=\w)\s?[—–]\s?(?=[\w\[])")
_OPEN_RANGE = re.compile(r"(?<=\d)[—–] (?=\.)")

_INITIAL = r"[A-ZА-ЯЁ3][a-zа-яё]{0,2}\."
_PERSON = rf"(?:{_INITIAL} ?)+ ?[А-ЯЁA-Z][\w'-]+"
_ROLE = (r"(?:под общ\. ред\.|под ред\.|общ\. ред\.|ред\.|сост\.|пер\. с [\w.]+"
         r"(?:, (?!вступ|предисл|послесл|коммент|примеч|сост|ред|общ)\w+\.)*|пер\.|"
         r"вступ\. ст\.|предисл\.|послесл\.|коммент\.|примеч\.)")
_ROLE_GROUP = (rf"(?P<roles>{_ROLE}(?:(?:, | и ){_ROLE})*) "
               rf"(?P<names>{_PERSON}(?:, {_PERSON})*(?: \[и др\.\])?)")
_ROLE_RUN = re.compile(rf"{_ROLE_GROUP}(?: ; {_ROLE_GROUP})*".replace("?P<roles>", "")
                       .replace("?P<names>", ""))
_ONE_GROUP = re.compile(_ROLE_GROUP)
_ONE_ROLE = re.compile(_ROLE)


def _role_grouping(text: str) -> str:
    """Each run of role statements → one canonical form: every distinct list of persons with
    the set of its role words (the preposition of "под ред." dropped), in a fixed order."""
    def canonical(run: re.Match[str]) -> str:
        roles: dict[str, set[str]] = defaultdict(set)
        if len(_ONE_ROLE.findall(run.group(0))) < 2:
            return run.group(0)  # one role of one list: nothing grouped
        for group in run.group(0).split(" ; "):
            found = _ONE_GROUP.fullmatch(group)
            if found is None:
                return run.group(0)
            roles[found.group("names")].update(
                role.removeprefix("под ") for role in _ONE_ROLE.findall(found.group("roles")))
        return " ; ".join(f"{' & '.join(sorted(words))} {names}"
                          for names, words in sorted(roles.items()))
    return _ROLE_RUN.sub(canonical, text)


#: a second initial: before a surname ("В. Н. Салия"), after one ("Gander H. H.")
_SECOND_INITIAL_BEFORE = re.compile(r"\b([A-ZА-ЯЁ]\.) [A-ZА-ЯЁ]\. (?=[A-ZА-ЯЁ][a-zа-яё])")
_SECOND_INITIAL_AFTER = re.compile(r"(\b[A-ZА-ЯЁ][a-zа-яё'-]+ [A-ZА-ЯЁ]\.) [A-ZА-ЯЁ]\.(?=[ ,])")

#: an e-print as citefmt gives it (its address) and as biblatex-gost does ("JSTOR: 778495")
_EPRINT_URL = re.compile(r"URL: https://(www\.jstor\.org/stable|arxiv\.org/abs)/(\S+?)"
                         r"(?=\.(?:\s|$))")
_EPRINT_NAMES = {"www.jstor.org/stable": "JSTOR", "arxiv.org/abs": "arXiv"}
_EPRINT_CLASS = re.compile(r"(?<=\S) \[[a-z-]+(?:\.[A-Za-z-]+)?\](?=\.(?:\s|$))")
_EPRINT = re.compile(r"\.? (?:JSTOR|arXiv): \S+?(?=\.(?:\s|$))")
_ISSN = re.compile(r"\.? ISSN [\dXx-]+(?=\.(?:\s|$))")


def _eprints(text: str) -> str:
    """ISSN dropped; an e-print written as biblatex-gost writes it ("JSTOR: 778495", its
    arXiv class dropped), or dropped where a DOI identifies the article (citefmt then gives no
    address)."""
    text = _EPRINT_CLASS.sub("", _ISSN.sub("", text))
    text = _EPRINT_URL.sub(lambda m: f"{_EPRINT_NAMES[m.group(1)]}: {m.group(2)}", text)
    return _EPRINT.sub("", text) if "DOI: " in text else text

_MERGED_TRANSLATION = re.compile(r"\bпер\. с [\w.]+(?= и |, )")


def _host_translation_language(text: str) -> str:
    """After "//": a translator's role word merged with others loses its language."""
    part, sep, host = text.partition(" // ")
    return part + sep + _MERGED_TRANSLATION.sub("пер.", host) if sep else text


#: a page range after "С."/"P." whose end is shorter than its start ("511–58")
_SHORT_RANGE = re.compile(r"\b((?:С|P)\. )(\d+)–(\d+)\b")


def _full_range(match: re.Match[str]) -> str:
    start, end = match.group(2), match.group(3)
    if len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return f"{match.group(1)}{start}–{end}"


ORACLE_RULES: tuple[Rule, ...] = (
    Rule("issue-title-colon", "oracle-wrong",
         "The title of a journal's thematic issue after its number: biblatex-gost writes "
         "'Vol. 48: French Freud'; GOST's prescribed punctuation puts a space on both sides of "
         "' : ' before other title information (rules file §1).",
         _sub(r"(\b(?:Vol|No|Т|№)\.? ?[\w/]+): (?=[A-ZА-Я])", r"\1 : ")),
    Rule("range-dash", "choice-open",
         "biblatex-gost joins ranges with an em dash (С. 15—65, open: 1997— .); citefmt with "
         "an en dash (С. 15–65, 1997– .). GOST R 7.0.5-2008 prescribes a dash, not its width; "
         "the standard's own printed examples use the en dash.",
         lambda text: _OPEN_RANGE.sub("– ", _CLOSED_RANGE.sub("–", text))),
    Rule("isbn", "choice-open",
         "ISBN is an optional element of a reference (GOST R 7.0.5-2008; clause number "
         "not verified); biblatex-gost prints it, citefmt's 7.0.5 style leaves it out.",
         _sub(r"\.? ISBN [^.]*(?=\.|$)", "")),
    Rule("issn-and-eprint", "choice-open",
         "ISSN, like ISBN, is an optional element of a reference (GOST R 7.0.5-2008; clause "
         "not verified); "
         "an e-print identifier (BibLaTeX `eprint`: 'JSTOR: 2215789', 'arXiv: 1301.1203v2 "
         "[math.CT]') has no element of its own in GOST R 7.0.5-2008, which identifies an "
         "online source by its URL or DOI; biblatex-gost prints 'JSTOR: 2215789' with an "
         "arXiv class, citefmt gives an e-print as its address ('URL: "
         "https://www.jstor.org/stable/2215789', as pandoc reads BibLaTeX `eprinttype`): "
         "the identifiers must agree.",
         _eprints),
    Rule("visited-on", "oracle-wrong",
         "biblatex-gost writes '(visited on MM/DD/YYYY)' for non-Russian online sources and "
         "'(дата обр. DD.MM.YYYY)' for some Russian ones; "
         "GOST R 7.0.5-2008's examples (rules file §1) write '(дата обращения: DD.MM.YYYY)' "
         "for every source.",
         _sub(r"\((?:visited on|дата обращения:|дата обр\.) [^)]*\)", "(ACCESS)")),
    Rule("no-date-dash", "oracle-wrong",
         "biblatex-gost prints '—.' or nothing where the date is missing; GOST R 7.0.5-2008 "
         "(as GOST 7.1-2003; clause not verified) supplies '[б. г.]' / '[s. a.]'.",
         _sub(r"(?:, |\. )?(?:—|\[б\. г\.\]|\[s\. a\.\])(?=\.|$)", "")),
    Rule("multi-volume", "choice-open",
         "biblatex-gost writes the multi-volume statement as a separate sentence "
         "('Сочинения. В 4 т. Т. 1'); GOST 7.1-2003's example, which 7.0.5-2008 follows, "
         "gives it as other title information and the volume's own title after ' : ' "
         "('Сочинения : в 2 т. Т. 1 : Стихотворения').",
         _multi_volume),
    Rule("issue-date-of-a-journal", "choice-open",
         "biblatex-gost prints the month and day of a journal issue after the year "
         "('1968. Apr. 4.'); GOST R 7.0.5-2008 asks for the issue date only for newspapers "
         "(its examples in the rules file §1 give journals the year only), citefmt prints the "
         "year for journals.",
         _sub(r"(?<=\d{4})\. (?:(?:" + _MONTHS_EN + r")\.?(?: \d{1,2})?|(?:\d{1,2} )?(?:"
              + _MONTHS_RU + r")\.?)(?=[.,])", "")),
    Rule("number-label-case", "choice-open",
         "biblatex-gost's English terms write 'no.' after a volume ('Vol. 19, no. 3/4'), or "
         "'issue' for BibLaTeX's `issue` field ('Vol. 65, issue 7'); the GOST R 7.0.100-2018 "
         "English examples write 'No.' (rules file §2).",
         _sub(r", (?:no\.|issue) (?=\d)", ", No. ")),
    Rule("role-abbreviations", "oracle-wrong",
         "biblatex-gost abbreviates 'комментарий' as 'комм.' and 'примечания' as 'прим.'; "
         "GOST R 7.0.12-2011 (the abbreviations GOST R 7.0.5-2008 refers to) gives "
         "'коммент.' and 'примеч.'.",
         _sub(r"(?<=[\s,(])(?:комм\.|коммент\.)", "коммент.")),
    Rule("role-abbreviations-notes", "oracle-wrong",
         "See role-abbreviations: GOST R 7.0.12-2011 'примечание' → 'примеч.', not 'прим.'.",
         _sub(r"(?<=[\s,(])(?:прим\.|примеч\.)", "примеч.")),
    Rule("translation-wording-en", "choice-open",
         "English translation statement: biblatex-gost writes 'trans. from the French by'; "
         "citefmt abbreviates 'translated' as GOST 7.11-2004 (after ISO 832) does, 'transl.', "
         "and names the language without an article ('transl. from French by'). GOST R "
         "7.0.5-2008 prescribes no English wording for it.",
         _sub(r"\b[Tt]ransl?\. from (?:the )?(?=[A-Z])", "transl. from ")),
    Rule("probable-year", "oracle-wrong",
         "For an uncertain year (BibLaTeX/EDTF '2000?') biblatex-gost prints '[2000]', the form "
         "GOST R 7.0.100-2018 and GOST 7.1-2003 (clause not verified) keep for a year "
         "established from outside the source; a supposed year is '[2000?]'.",
         _sub(r"\[(\d{4})\?\]", r"[\1]")),
    Rule("place-separator", "oracle-wrong",
         "biblatex-gost prints a list of places as the data gives it ('М.; СПб.'); GOST R "
         "7.0.5-2008 / 7.1-2003 prescribe ' ; ' with a space on both sides between places.",
         _sub(r"(?<=\S) ?; (?=[A-ZА-Я][\w. ]{0,20}(?::| :))", " ; ")),
    Rule("name-particle", "oracle-wrong",
         "biblatex-gost initialises a name particle with the given names ('Соссюр Ф. д.', "
         "'Dalen D. v.'); the particle is a word of the name, not an initial: GOST R 7.0.5-2008 "
         "(which shortens only given names to initials) keeps it whole ('Соссюр Ф. де').",
         _sub(r"(?<=[A-ZА-Я]\. )(?:де|д|фон|ф|van|v|von|de|d)\.?(?=[.,]? )", "PARTICLE")),
    Rule("place-list", "oracle-wrong",
         "biblatex-gost joins several places of publication with commas ('Basel, Boston, "
         "Berlin :'); GOST R 7.0.5-2008 / 7.1-2003 separate places with ' ; '.",
         lambda text: _PLACE_LIST.sub(lambda m: m.group(0).replace(", ", " ; "), text)),
    Rule("issue-number-sign", "oracle-wrong",
         "biblatex-gost leaves out the number sign before an issue number that is not a bare "
         "number ('2010. 3 (76).'); GOST R 7.0.5-2008's examples write '№ 3'.",
         _sub(r"(?<=\d{4}\. )№ (?=\d)", "")),
    Rule("babel-hyphen", "oracle-wrong",
         "The examples write babel's Russian shorthand '\"=' for a hyphen ('Экономическо\"="
         "философские'); under polyglossia biblatex-gost prints it as '\"=' (a quote and an "
         "equals sign). The data means 'Экономическо-философские'.",
         _sub(r'"=', "-")),
    Rule("merged-role-order", "choice-open",
         "One person as translator and editor: biblatex-gost writes the translator first and "
         "keeps the preposition ('пер. с англ., под ред. X'); citefmt keeps its role order "
         "(editor, general editor, translator) with the nouns of GOST 7.1-2003's example 'сост., "
         "общ. ред. и вступ. ст.' ('ред. и пер. с англ. X'). GOST gives the statement as the "
         "source words it and fixes no order.",
         _sub(r"пер\. с ([\w.]+), под ((?:общ\. )?ред\.)", r"\2 и пер. с \1")),
    Rule("place-abbreviation", "choice-open",
         "biblatex-gost prints a place as the data writes it ('Москва', 'Санкт-Петербург'); "
         "citefmt's 7.0.5 style abbreviates the cities GOST R 7.0.12-2011 lists ('М.', 'СПб.'; "
         "rules file §1).",
         lambda text: _FULL_PLACE.sub(lambda m: {"Москва": "М.", "Санкт-Петербург": "СПб."}[
             m.group(0)], text)),
    Rule("doubled-conjunction", "oracle-wrong",
         "biblatex-gost doubles the conjunction of merged roles in one combination ('пер. с "
         "фр. и и послесл.').",
         _sub(r" и и ", " и ")),
    Rule("host-translation-language", "oracle-wrong",
         "For a part, biblatex-gost gives the host's translator without the language ('// "
         "Избранные работы / пер. и сост. В. Анашвили') that it names in the host's own "
         "description ('пер. с нем. и сост.'): the language a part inherits from its host "
         "becomes the part's. citefmt describes the host the same way in both places.",
         _host_translation_language),
    Rule("role-grouping", "choice-open",
         "The same persons in several roles: biblatex-gost names them again for each role it "
         "cannot merge ('общ. ред. и вступ. ст. А. Ф. Грязнова ; сост. А. Ф. Грязнова'); citefmt "
         "names them once after all their role words, as GOST 7.1-2003's example does ('сост., "
         "общ. ред. и вступ. ст. Г. К. Косикова'). The order of the role statements, which "
         "GOST does not fix, is ignored too; persons and their roles must be the same.",
         _role_grouping),
    Rule("compound-initials", "choice-open",
         "The data writes an initial of more than one letter, as Russian practice shortens "
         "Джон, Вячеслав, Всеволод, Владимир ('Дж. Барвайса', 'Вяч. Вс. Иванова'); citefmt "
         "keeps the initials as the data writes them, biblatex-gost cuts them to one letter "
         "('Д. Барвайса', 'В. В. Иванова').",
         _sub(r"(?<!\w)(?:(Д)ж|(В)(?:яч|с|л))\.(?= )", r"\1\2.")),
    Rule("run-together-initials", "oracle-wrong",
         "The data writes initials without a space ('В.Н. Салия', 'Thomson, J.J.'); biber "
         "reads them as one given name and biblatex-gost prints its first letter only "
         "('В. Салия'); citefmt reads two initials ('В. Н. Салия'), as GOST R 7.0.5-2008 "
         "gives every initial. Applied to both texts, the rule keeps the first initial only.",
         lambda text: _SECOND_INITIAL_AFTER.sub(r"\1", _SECOND_INITIAL_BEFORE.sub(r"\1 ", text))),
    Rule("part-term-en", "choice-open",
         "The part of a volume in an English description: biblatex-gost writes 'Part 1', "
         "citefmt abbreviates as ISO 832 (which GOST 7.11-2004 follows) does, 'Pt. 1'. GOST R "
         "7.0.5-2008 prescribes no English term.",
         _sub(r"\bPart (?=\d|[IVXL]+\b)", "Pt. ")),
    Rule("closing-period", "oracle-wrong",
         "biblatex-gost leaves out the period that closes a reference when its last area "
         "ends with an abbreviation in parentheses ('(Мыслители XX в.)'); GOST R 7.0.5-2008's "
         "examples close every reference with a period (rules file §1).",
         _sub(r"(\.\]?\))\.$", r"\1")),
    Rule("page-range-in-full", "oracle-wrong",
         "The data abbreviates a page range ('511--58'); biblatex-gost prints it as given, "
         "citefmt in full ('511–558'): GOST R 7.0.5-2008 never shortens a range (rules "
         "file §1).",
         lambda text: _SHORT_RANGE.sub(_full_range, text)),
    Rule("gmd", "choice-open",
         "The general material designation '[Электронный ресурс]' is optional in references "
         "(GOST R 7.0.5-2008; rules file §1); citefmt prints it for web pages only.",
         _sub(r" \[(?:Электронный ресурс|Electronic resource|Текст)\]", "")),
)


def missing_requirements() -> list[str]:
    """What this bench needs and does not find."""
    missing = biblatex_gost.missing_tex()
    if examples_file() is None:
        missing.append("biblatex-gost-examples.bib (texlive-bibtex-extra)")
    return missing


def examples_file() -> Path | None:
    return next((Path(p) for p in EXAMPLES if Path(p).is_file()), None)


def oracle_entries(workdir: Path, reuse: bool = False) -> dict[str, str]:
    """biblatex-gost's entries by key, as pdftotext reads them (`reuse`: the text a previous
    run left in `workdir`)."""
    if reuse and (workdir / "doc.txt").is_file():
        return _entries((workdir / "doc.txt").read_text(encoding="utf-8"))
    source = examples_file()
    assert source is not None
    data = (gzip.decompress(source.read_bytes()) if source.suffix == ".gz"
            else source.read_bytes())
    (workdir / "examples.bib").write_bytes(data)
    (workdir / "doc.tex").write_text(DOCUMENT, encoding="utf-8")
    return _entries(biblatex_gost.typeset(workdir))


def _entries(text: str) -> dict[str, str]:
    return {key: " ".join(body.split())
            for key, body in biblatex_gost.entry_chunks(text).items()}


#: entry types whose `credits` would describe the part, not the whole document
_IN_TYPES = frozenset({"inbook", "incollection", "inproceedings", "bookinbook", "suppbook",
                       "suppcollection", "inreference"})


_DATE = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:(/)(?:\.\.)?(\d{4})?(?:-(\d\d))?"
                   r"(?:-(\d\d))?)?$")


def own_dates(bib_text: str) -> dict[str, dict[str, object]]:
    """Per key of an entry that inherits (`crossref`/`xdata`) and gives its own `date`/`year`,
    that date as CSL `issued`. biblatex lets the child's year win over the parent's date (and
    citefmt's reader does the same), but `biber --tool --output-resolve` writes the parent's
    `date` (often a range, "1987/1989", or open, "2010/") over a child that gives only `year`,
    so `--resolve` corrects the resolved file with the child's own date."""
    import bibtexparser

    dates: dict[str, dict[str, object]] = {}
    for entry in bibtexparser.parse_string(bib_text).entries:
        fields = {k.lower(): str(v.value).strip("{} ") for k, v in entry.fields_dict.items()}
        own = fields.get("date") or fields.get("year", "")
        match = _DATE.match(own)
        if not match or not ("crossref" in fields or "xdata" in fields):
            continue
        parts: list[list[int]] = [[int(p) for p in match.groups()[:3] if p]]
        if match.group(4):
            parts.append([int(p) for p in match.groups()[4:] if p] or [0])
        dates[entry.key] = {"issued": {"date-parts": parts}}
    return dates


def own_credits(bib_text: str) -> dict[str, dict[str, object]]:
    """Per key, biblatex-gost's `credits` (a statement of responsibility worded as the source
    words it: "Отв. ред. С. И. Бажов", "РАН, Ин-т философии") as the citefmt extension
    variable `credits`, which the reader maps; `biber --tool --output-resolve` drops the field,
    so `--resolve` puts an entry's own back (not a component part's)."""
    import bibtexparser

    from citefmt.latex import latex_to_unicode

    credits: dict[str, dict[str, object]] = {}
    for entry in bibtexparser.parse_string(bib_text).entries:
        fields = {k.lower(): str(v.value) for k, v in entry.fields_dict.items()}
        if fields.get("credits") and entry.entry_type.lower() not in _IN_TYPES:
            credits[entry.key] = {"credits": latex_to_unicode(fields["credits"]).strip()}
    return credits


def resolved_bib(workdir: Path) -> Path:
    """The examples file with biblatex's inheritance (crossref, xdata, mvbook → maintitle)
    resolved by biber itself (`biber --tool --output-resolve`)."""
    target = workdir / "resolved.bib"
    if not target.is_file():
        subprocess.run(["biber", "--tool", "--output-resolve", "--output-file=resolved.bib",
                        "examples.bib"], cwd=workdir, capture_output=True, check=False)
    return target


def citefmt_entries(workdir: Path, style: str, repair: bool = False,
                    languages: dict[str, str] | None = None,
                    source: str = "examples.bib") -> dict[str, str]:
    """citefmt's entries by key for the same file (style copy without `name-case`); with
    `repair` (for biber's resolved file), the entry's own date and `credits` that
    `biber --tool --output-resolve` loses are put back from the examples file."""
    from citefmt.api import read_path
    from citefmt.engine import render_bibliography

    style_path = REPO / "styles" / f"{style}.csl"
    copy = workdir / f"{style}.csl"
    copy.write_text(re.sub(r' name-case="[^"]*"', "",
                           style_path.read_text(encoding="utf-8")), encoding="utf-8")
    result = read_path(str(workdir / source))
    items = [record.item for record in result.records]
    if repair:
        raw = (workdir / "examples.bib").read_text(encoding="utf-8")
        extra = own_dates(raw)
        for key, credits in own_credits(raw).items():
            extra.setdefault(key, {}).update(credits)
        for item in items:
            item.update(extra.get(str(item.get("id")), {}))
    if languages is not None:
        from citefmt.language import item_language

        languages.update({str(item.get("id")): item_language(item) for item in items})
    rendered = render_bibliography(items, str(copy))
    out = {}
    for entry in rendered.entries:
        body = entry.body or entry.text
        out[entry.id] = " ".join(body.split())
    return out


#: artefacts of TeX typesetting and PDF text extraction, not of the style: TeX's typographic
#: quotes and apostrophes (' → ’, " → ”), and the kerned space pdftotext puts before a period
#: after some capitals ("P . 185", "L ’être", "OUP , 2010")
_PDF_ARTEFACTS = ((re.compile(r"(?<=\b[A-ZА-Я]) (?=[.’])"), ""),
                  (re.compile(r"(?<=[A-Z]{2}[A-Z]) (?=, )"), ""), (re.compile(r"[’‘]"), "'"),
                  (re.compile(r"[”“]"), '"'))


#: pdftotext gives a superscript as plain text ("МПК7" for "МПК⁷", biblatex-gost's `$^7$`)
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def normalise(text: str) -> str:
    text = text.translate(_SUPERSCRIPT_DIGITS)
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    for pattern, replacement in _PDF_ARTEFACTS:
        text = pattern.sub(replacement, text)
    return text


#: Russian terms → English ones, for FOREIGN_TERMS
_RU_TERMS = ((r"\bТ\. ", "Vol. "), (r"\bС\. (?=[\dIVXLC])", "P. "), (r"(?<=\d) с\.", " p."),
             (r"\bпод ред\. ", "ed. by "), (r"№ ", "No. "), (r"\[и др\.\]", "[et al.]"),
             (r"\bпер\. ", "transl. by "), (r"\bвып\. ", "No. "), (r"\[б\. г\.\]", "[s. a.]"))


def _english_terms(text: str) -> str:
    from citefmt.engine.gost import LANGUAGE_NAMES_EN, TRANSLATED_FROM_RU

    names = {abbreviation: LANGUAGE_NAMES_EN[code]
             for code, abbreviation in TRANSLATED_FROM_RU.items() if code in LANGUAGE_NAMES_EN}
    text = re.sub(r"\bпер\. с (\S+\.)",
                  lambda m: f"transl. from {names.get(m.group(1), m.group(1))}", text)
    for pattern, replacement in _RU_TERMS:
        text = re.sub(pattern, replacement, text)
    return text


FOREIGN_TERMS = Rule(
    "foreign-source-terms", "oracle-wrong",
    "For a source in a Latin-script language without a biblatex-gost term set (German, "
    "French, …) biblatex-gost falls back to the document's Russian terms ('Т. 24', '96 с.'); "
    "citefmt describes a source in its own language's terms, falling back to English "
    "(GOST R 7.0.5-2008, rules file §1: the terms follow the language of the source; "
    "issue #12).", _english_terms)


def classify(ours: str, theirs: str, language: str = "ru") -> tuple[str, str | None]:
    """("equal" | rule kind | "different", rule names or cause); `language`: the item's."""
    a, b = normalise(ours), normalise(theirs)
    if a == b:
        return "equal", None
    applied = []
    rules = ORACLE_RULES + ((FOREIGN_TERMS,) if language not in ("ru", "en") else ())
    for rule in rules:
        a2, b2 = rule.apply(a), rule.apply(b)
        if (a2, b2) != (a, b):
            applied.append(rule.name)
        a, b = a2, b2
        if a == b:
            applied = _needed(normalise(ours), normalise(theirs),
                              [r for r in rules if r.name in applied])
            kinds = {r.kind for r in rules if r.name in applied}
            kind = "oracle-wrong" if kinds == {"oracle-wrong"} else "choice-open"
            return kind, "+".join(applied)
    return "different", cause(a, b)


def _needed(a: str, b: str, applied: list[Rule]) -> list[str]:
    """The names of the rules without which the two texts would differ (a rule that only
    rewrote both texts alike is not what made them agree)."""
    needed = list(applied)
    for rule in applied:
        trial = [r for r in needed if r is not rule]
        x, y = a, b
        for other in trial:
            x, y = other.apply(x), other.apply(y)
        if x == y:
            needed = trial
    return [r.name for r in needed]


def cause(ours: str, theirs: str) -> str:
    """A guessed cause: the data problem or the area of the description where the first
    difference lies."""
    import difflib

    if not ours:
        return "missing in citefmt"
    if "\\" in ours or "{" in ours:
        return "data: LaTeX macro left in the reader's output"
    if re.search(r"[А-ЯA-Z][а-яa-z]+ and [А-ЯA-Z]", ours) and " and " not in theirs:
        return "data: place or publisher list joined with 'and'"
    if re.search(r"\b(?:phdthesis|candthesis|docthesis|\w+autoref|country\w\w)\b", ours):
        return "data: BibLaTeX type key printed as text"
    if re.search(r"\d{4}/[.\s]|\d{4}/$", ours):
        return "data: open date range kept as text"
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    first = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    before = ours[: first[1]]
    # the first difference with a few characters around it, in both texts
    changed = (ours[max(0, first[1] - 8):first[2] + 8] + " "
               + theirs[max(0, first[3] - 8):first[4] + 8])
    if re.search(r"пер\.|transl|trans\.", changed):
        return "translation statement"
    if re.search(r"сост|ред\b|ред\.|ed\.|коммент|комм\.|предисл|послесл|вступ|примеч",
                 changed):
        return "roles after '/'"
    if re.search(r"[вВ] \d+ (?:т\.|кн\.)|\bТ\. |Vol\. |Кн\.|Вып\.", changed):
        return "multi-volume / volume designation"
    if "URL" in before or "обращения" in changed or "visited" in changed:
        return "URL / access note"
    if re.search(r"\(.*$", before) and " с." in before:
        return "series area or note"
    if " // " in before:
        return "host (after //)"
    if " / " in before:
        return "responsibility (after /)"
    return "title area"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--style", default="gost-r-7.0.5-2008")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--show", type=int, default=5, help="examples shown per cause")
    parser.add_argument("--cause", help="show every difference of this cause")
    parser.add_argument("--keys", help="comma-separated keys to print side by side")
    parser.add_argument("--resolve", action="store_true",
                        help="let biber resolve crossref/xdata inheritance before citefmt reads")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse biblatex-gost's output from an earlier run in --workdir")
    parser.add_argument("--json", type=Path,
                        help="write each entry's verdict (kind, rule or cause) to this file")
    parser.add_argument("--baseline", type=Path,
                        help="a --json file of an earlier run: list entries equal or "
                             "documented there and different now")
    args = parser.parse_args(argv)
    missing = missing_requirements()
    if missing:
        print("gost_oracle: missing " + ", ".join(missing) + "\ninstall: apt-get install "
              "--no-install-recommends " + " ".join(DEBIAN_PACKAGES), file=sys.stderr)
        return 2
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="gost-oracle-"))
    workdir.mkdir(parents=True, exist_ok=True)
    theirs = oracle_entries(workdir, reuse=args.reuse)
    languages: dict[str, str] = {}
    source = resolved_bib(workdir).name if args.resolve else "examples.bib"
    ours = citefmt_entries(workdir, args.style, repair=args.resolve, languages=languages,
                           source=source)
    if args.keys:
        for key in args.keys.split(","):
            print(f"{key}\n  citefmt: {ours.get(key, '')}\n  oracle:  {theirs.get(key, '')}")
        return 0
    report(ours, theirs, languages, args.show, args.cause)
    verdicts = {key: classify(ours.get(key, ""), expected, languages.get(key, "ru"))
                for key, expected in theirs.items()}
    if args.json:
        args.json.write_text(json.dumps({k: list(v) for k, v in verdicts.items()},
                                        ensure_ascii=False, indent=0), encoding="utf-8")
    if args.baseline:
        before = json.loads(args.baseline.read_text(encoding="utf-8"))
        worse = [key for key, (kind, _) in verdicts.items()
                 if kind == "different" and before.get(key, ["different"])[0] != "different"]
        print(f"\nregressions against {args.baseline}: {len(worse)}")
        for key in worse:
            print(f"  {key}\n    citefmt: {ours.get(key, '')}\n    oracle:  {theirs[key]}")
        return 1 if worse else 0
    return 0


def report(ours: dict[str, str], theirs: dict[str, str], languages: dict[str, str], show: int,
           only: str | None) -> None:
    counts: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    causes: dict[str, list[str]] = defaultdict(list)
    for key, expected in theirs.items():
        kind, detail = classify(ours.get(key, ""), expected, languages.get(key, "ru"))
        counts[kind] += 1
        if kind in ("oracle-wrong", "choice-open") and detail:
            by_rule[detail] += 1
        elif kind == "different":
            causes[detail or "other"].append(key)
    total = sum(counts.values())
    good = counts["equal"] + counts["oracle-wrong"] + counts["choice-open"]
    print(f"entries: {total}  equal: {counts['equal']}  "
          f"oracle-wrong: {counts['oracle-wrong']}  choice-open: {counts['choice-open']}  "
          f"different: {counts['different']}")
    print(f"equal or documented: {good}/{total} = {100 * good / max(total, 1):.1f} %")
    print("\ndocumented rules applied:")
    for name, n in by_rule.most_common():
        print(f"  {n:4d}  {name}")
    print("\ndifferences by cause:")
    for name, keys in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(keys):4d}  {name}")
        for key in keys[: (len(keys) if only == name else show)]:
            print(f"        {key}\n          citefmt: {ours.get(key, '')}\n"
                  f"          oracle:  {theirs[key]}")


if __name__ == "__main__":
    sys.exit(main())
