"""`citefmt format`: render a bibliography in a CSL style (or BibTeX)."""

from __future__ import annotations

import click

from citefmt import api
from citefmt.cli._common import emit, findings_exit, input_options, report


@click.command("format")
@input_options
@click.option("-s", "--style", default=None,
              help="Bundled style name (see `citefmt styles`), a path to a .csl file, "
                   "or `bibtex` / `csl-json` / `csl-yaml` / `ris` for data. "
                   "[default: vancouver; with --translit: vancouver-references-en]")
@click.option("-l", "--locale", default=None,
              help="Locale code (ru-RU, en-US) or a path to a CSL locale file; "
                   "the style's default otherwise.")
@click.option("-t", "--to", "to", default="text", show_default=True,
              type=click.Choice(["text", "html", "markdown", "json"]),
              help="Output markup; json is [{\"id\": …, \"text\": …}] in bibliography order.")
@click.option("--translit", "translit", is_flag=False, flag_value="", default=None,
              metavar="[SCHEME]",
              help="Write the Latin-script \"References\" list of Russian journals: Cyrillic "
                   "sources transliterated with SCHEME (default: the config's `translit`, else "
                   "bsi; `citefmt styles --translit` lists them) and closed by \"(In Russ.)\". "
                   "Without SCHEME, write it after INPUT (it would take INPUT as the scheme).")
def format_(inputs: tuple[str, ...], from_: str | None, article: bool, lang: str | None,
            quiet: bool, verbose: bool, strict: bool, output: str | None, style: str | None,
            locale: str | None, to: str, translit: str | None) -> int:
    """Render the references in INPUT... as a bibliography.

    INPUT is a file in any supported format, or - for standard input. An entry that cannot be
    read is reported (`path:line: CODE message`) and left out; every other entry is rendered.
    Exit status: 0 all rendered, 1 something was reported (an entry left out; with --strict
    also warnings), 2 an input or style cannot be used at all, or a usage error.

    \b
    Examples:
      citefmt format refs.txt --style gost-r-7.0.100-2018
      citefmt format refs.bib --style ./my-journal.csl --locale ru-RU
      citefmt format page.txt --article --style vancouver   # how to cite the article itself
      citefmt format refs.ris --style bibtex -o refs.bib
      citefmt format gost-list.txt --translit             # the "References" list (BSI)
      citefmt format page.txt --translit bgn --style ./journal.csl
    """
    if translit is not None:
        from citefmt.translit import REFERENCES_STYLE

        if article or lang:
            raise click.UsageError("--translit takes the reference list; it does not combine "
                                   "with --article or --lang")
        loaded = api.load_references(inputs, fmt=from_, scheme=translit or _configured_scheme())
        style = style or REFERENCES_STYLE
    else:
        loaded = api.load(inputs, fmt=from_, article=article, lang=lang)
    style = style or "vancouver"
    report(loaded.diagnostics, quiet=quiet, verbose=verbose)
    text, warnings = api.format_bibliography(loaded.items, style=style, locale=locale, to=to,
                                             numbered=not article)
    report(warnings, quiet=quiet, verbose=verbose)
    emit(text, output)
    return findings_exit([*loaded.diagnostics, *warnings], strict=strict)


def _configured_scheme() -> str | None:
    """`translit` of the nearest config file (.citefmt.toml / [tool.citefmt]) from here."""
    from pathlib import Path

    from citefmt.config import find_config, load_settings

    found = find_config(Path.cwd())
    return load_settings(found).translit if found else None
