"""`citefmt rule CODE`: what a code means, whether `--fix` repairs it, and an example.

One table for every code the CLI can print: findings (`citefmt.diagnostics.CODES`, printed as
`path:line:col: CODE message`) and hard errors (`citefmt.errors.ERROR_CODES`, printed as
`citefmt: error: path:line: message [CODE]`). The one-line meanings live in those two tables;
this module adds the longer explanation and an example input for each.
"""

from __future__ import annotations

from dataclasses import dataclass

from citefmt.diagnostics import CODES
from citefmt.errors import ERROR_CODES

#: codes `check --fix` repairs in the file
FIXABLE: frozenset[str] = frozenset({"CF301", "CF305", "CF306"})


@dataclass(frozen=True)
class Rule:
    """One code, explained."""

    code: str
    summary: str
    kind: str  # "finding" or "error"
    fixable: bool
    explanation: str
    example: str

    def format(self) -> str:
        """The text `citefmt rule CODE` prints (ruff's `rule` layout)."""
        fix = ("Fix is available: `citefmt check --fix` repairs it." if self.fixable
               else "Fix is not available: edit the input by hand.")
        what = ("A finding (printed as `path:line:col: CODE message`; check exits 1)."
                if self.kind == "finding" else
                "A hard error (printed as `citefmt: error: path:line: message [CODE]`; the input "
                "is not used).")
        parts = [f"# {self.code}: {self.summary}", "", what, fix, ""]
        if self.explanation:
            parts += ["## What it means", "", self.explanation, ""]
        if self.example:
            parts += ["## Example", "", *("    " + line for line in self.example.splitlines()),
                      ""]
        return "\n".join(parts)


#: code → (explanation, example)
_DETAILS: dict[str, tuple[str, str]] = {
    "CF100": ("The plain-text parser recognised no reference style in the string. The whole "
              "text is kept as the item's title, so nothing is lost, but its fields are not "
              "split.", "1. A note the author left in the list, not a reference"),
    "CF101": ("Two words were glued together (a missing space after a period, or a capital "
              "inside a word). Labels such as PMID get their space back; title words are only "
              "reported.", "Biomolecules. 2023;13(6):945.PMID: 37371525"),
    "CF102": ("A word broken by a line-break hyphen or a stray space was joined for parsing.",
              "Roles of extracellular vesicles in regenera-\ntion. Mol Cells. 2024;47:1."),
    "CF103": ("A DOI had a space inside it (a DOI never has one); it was joined.",
              "doi: 10.1016/j. nantod.2022.101531"),
    "CF104": ("A page range had stray spaces around its dash; they were removed.",
              "J Med. 2000;1:48- 51."),
    "CF105": ("Unicode normalisation, non-breaking or odd spaces, soft hyphens or zero-width "
              "characters were cleaned up for parsing.", "Smith\u00a0J. Title. J Med. 2000."),
    "CF106": ("A field could be read two ways; the parser chose one and says which.",
              "Smith J. 2000. 12. Title."),
    "CF107": ("The author list ends in \"et al.\" / \"и др.\": the names printed are kept and "
              "an et-al marker records that the list is incomplete.",
              "Smith J, Doe A, et al. Title. J Med. 2000;1:1-2."),
    "CF110": ("A BibTeX block could not be parsed at all; it is reported and the rest of the "
              "file is read.", "@article{key title = {no comma after the key}}"),
    "CF111": ("Two entries share a citation key; both are kept.",
              "@book{smith, title={A}}\n@book{smith, title={B}}"),
    "CF112": ("A field is given twice in one entry; the first value is kept.",
              "@book{k, title={A}, title={B}}"),
    "CF113": ("A value runs into the next field because a comma is missing. The comma is put "
              "back for reading, and the error stops --fix from rewriting the file until you add "
              "it.", "@article{k, title = {X} year = 2000}"),
    "CF114": ("Braces do not balance, so an entry ran on or was cut short.",
              "@article{k, title = {Unclosed,\n year = 2000}"),
    "CF115": ("An entry's crossref names a key that is not in the file.",
              "@inproceedings{k, crossref = {missing}}"),
    "CF120": ("One record of a structured file (RIS, MEDLINE, JATS, EndNote) could not be "
              "read; the others are.", "TY  - JOUR\n(no ER line before the next TY)"),
    "CF121": ("A field, tag or element has no CSL equivalent and was not read: its value is "
              "not in the output.", "TY  - JOUR\nXX  - an unknown tag\nER  - "),
    "CF122": ("The input holds no references at all.", "(an empty file)"),
    "CF200": ("An item lacks a field its type needs to be cited (a journal article without a "
              "journal, a book without a publisher …).", '{"type": "article-journal", "title": '
              '"T"}'),
    "CF201": ("The DOI is not a well-formed DOI (10.prefix/suffix).", "doi: 10.1000"),
    "CF202": ("The PMID is not a positive number of up to 8 digits.", "PMID: 12a45"),
    "CF203": ("The PMCID is not PMC followed by digits.", "PMCID: PMX123"),
    "CF204": ("The ISBN's check digit is wrong.", "ISBN 978-5-00000-000-1"),
    "CF205": ("The ISSN's check digit is wrong.", "ISSN 1234-5678"),
    "CF206": ("A date cannot be a real date (month 13, day 32, year 0).",
              '"issued": {"date-parts": [[2020, 13]]}'),
    "CF207": ("A URL is not a well-formed http(s) URL.", "URL: htp:/example"),
    "CF208": ("A CSL-JSON/YAML item is not valid CSL (no type, wrong value types); it is left "
              "out and named.", '[{"id": "a", "title": "no type"}]'),
    "CF300": ("Two references are the same work (same DOI, PMID, or same authors, title and "
              "year).", "1. Smith J. Title. J Med. 2000;1:1-2.\n2. Smith J. Title. J Med. "
              "2000;1:1-2."),
    "CF301": ("The list's numbers skip one. --fix renumbers the list (and its citations) "
              "without gaps when every citation has a reference.",
              "1. Smith J. …\n3. Doe A. …"),
    "CF302": ("Two references carry the same number; citations of it cannot be told apart, so "
              "--fix leaves the numbering alone.", "1. Smith J. …\n1. Doe A. …"),
    "CF303": ("A reference is never cited in the text.", "Text cites [1].\n\n1. …\n2. never cited"),
    "CF304": ("A citation names a number the list does not have. --fix does not renumber such a "
              "text (the citation would end up pointing at another reference).",
              "See [3].\n\n1. Smith J. …"),
    "CF305": ("The list is not numbered in order of first citation (Vancouver, GOST numeric "
              "styles). --fix renumbers list and citations.", "See [2] and [1].\n\n1. …\n2. …"),
    "CF306": ("The entry differs from its rendering in the chosen --style; --fix re-renders it "
              "(keeping entries whose rendering would lose information).",
              "1. Smith, J. (2000) Title. J Med 1, 1-2."),
    "CF307": ("A pandoc citation key [@key] is not in the bibliography files.",
              "As shown [@nosuchkey]."),
    "CF400": ("The style produced no text for an item (its variables are empty for that "
              "style's layout).", '{"type": "book", "id": "a"}'),
    "CF401": ("The CSL engine warned about the style or an item (an unknown variable, an "
              "unsupported feature).", "a style using a variable the item lacks"),
    "CF912": ("A JSON or YAML string held an escaped lone UTF-16 surrogate (\\ud800), which no "
              "Unicode encoding can write; it was replaced by U+FFFD.",
              '[{"id": "a", "type": "book", "title": "X\\ud800"}]'),
    "CF913": ("A YAML number is .inf or .nan, which JSON cannot hold; the value is kept as the "
              "text inf/nan so that every output format can write it.",
              "- id: a\n  type: book\n  volume: .inf"),
    "CF935": ("A plain-text reference is longer than the line-length limit "
              "(CITEFMT_MAX_LINE_CHARS, 20,000 characters by default). Parsing it would cost "
              "time out of proportion, so it is kept whole as the title.",
              "1. (a 1 MB line pasted into the list)"),
    "CF900": ("The file cannot be opened: it does not exist, is a directory, or permission is "
              "denied; or the requested part (a language version, the article record) is not "
              "in it.", "citefmt format nosuchfile.bib"),
    "CF901": ("The input is not valid in its format: malformed JSON or YAML (with line and "
              "column), XML that is not well-formed, a duplicate top-level key, a number too "
              "long to convert.", '[{"id": "a" "type": "book"}]'),
    "CF902": ("A config file (.citefmt.toml or pyproject.toml [tool.citefmt]) is invalid: TOML "
              "syntax, an unknown key, a wrong type, [[tool.citefmt]] instead of [tool.citefmt], "
              "or a path outside the project (absolute, ~ or ..).",
              '[tool.citefmt]\nfiles = ["/etc/*.md"]'),
    "CF903": ("A style or locale cannot be found, read or used (unknown name, malformed CSL, "
              "an undefined or recursive macro).", "citefmt format refs.bib --style nosuch"),
    "CF904": ("The command line is wrong: an unknown format name, options that do not go "
              "together.", "citefmt convert refs.txt --from word"),
    "CF910": ("The bytes are not text in the encoding they claim: invalid UTF-8 (a hint names "
              "Windows-1251 when it looks like it), a broken byte-order mark, NUL bytes in a "
              "text file.", "a Windows-1251 file: re-save it as UTF-8"),
    "CF911": ("XML with a DOCTYPE that declares entities (a billion-laughs bomb, an external "
              "entity reading local files) is refused; CSL styles and locales may not have a "
              "DOCTYPE at all.", '<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
    "CF920": ("The output cannot be written (disk full, permission denied). Nothing was "
              "changed and no temporary file is left.", "citefmt convert refs.bib -o /dev/full/x"),
    "CF921": ("-o names a file in a directory that does not exist.",
              "citefmt convert refs.bib -o missing/out.json"),
    "CF922": ("The directory of the output has no write permission.",
              "citefmt check --fix ro-dir/paper.md"),
    "CF923": ("--fix does not rewrite a file without write permission (even when run as "
              "root): make it writable if the rewrite is wanted.",
              "chmod a-w paper.md; citefmt check --fix paper.md"),
    "CF924": ("The file changed (or was removed) between citefmt reading it and writing the "
              "fix: your edit is kept and nothing is written. Run again.",
              "an editor saves paper.md while `citefmt check --fix paper.md` runs"),
    "CF930": ("The input is larger than CITEFMT_MAX_INPUT_BYTES (64 MB by default).",
              "CITEFMT_MAX_INPUT_BYTES=200000000 citefmt format big.json"),
    "CF931": ("JSON or YAML nests deeper than CITEFMT_MAX_NESTING (200 levels by default): no "
              "bibliography needs that, a parser would run out of stack.",
              "[[[[[[ … 600 levels … ]]]]]]"),
    "CF932": ("BibTeX braces nest deeper than CITEFMT_MAX_BRACE_DEPTH (200 by default).",
              "title = {{{{{ … 1,200 levels … }}}}}"),
    "CF933": ("@string macros expand to more than CITEFMT_MAX_EXPANSION characters (10 MB by "
              "default): an expansion bomb of a few hundred bytes.",
              '@string{a = "xxxxxxxx"}\n@string{b = a # a # a # a # a # a # a # a}\n…'),
    "CF934": ("YAML aliases (*name) are used more than CITEFMT_MAX_YAML_ALIASES times, or "
              "expand to more than 1,000 nodes per allowed alias: a billion-laughs bomb.",
              'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: &c [*b, *b]  …'),
    "CF948": ("The run was interrupted (Ctrl-C); files being written are left as they were.",
              "^C"),
    "CF949": ("A bug in citefmt: please report it with the input; `--debug` shows the "
              "traceback. Exit status 3.", "(none known)"),
}


def all_codes() -> dict[str, str]:
    """Every code the CLI can print and its one-line meaning, in code order."""
    return dict(sorted((CODES | ERROR_CODES).items()))


def rule(code: str) -> Rule | None:
    """The explained rule for `code` (case-insensitive), or None when there is no such code."""
    key = code.strip().upper()
    summary = all_codes().get(key)
    if summary is None:
        return None
    explanation, example = _DETAILS.get(key, ("", ""))
    kind = "error" if key in ERROR_CODES else "finding"
    return Rule(key, summary, kind, key in FIXABLE, explanation, example)
