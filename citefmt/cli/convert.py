"""`citefmt convert`: data in, data out (CSL-JSON, CSL-YAML, BibTeX, RIS), input order kept."""

from __future__ import annotations

import click

from citefmt import api
from citefmt.cli._common import emit, findings_exit, input_options, report


@click.command("convert")
@input_options
@click.option("-t", "--to", "to", default="csl-json", show_default=True,
              type=click.Choice(["csl-json", "csl-yaml", "bibtex", "ris"]),
              help="Output data format.")
@click.option("--ascii", "ascii_", is_flag=True,
              help="BibTeX only: escape non-ASCII characters as LaTeX "
                   "(Cyrillic is kept by default).")
def convert(inputs: tuple[str, ...], from_: str | None, article: bool, lang: str | None,
            quiet: bool, verbose: bool, strict: bool, output: str | None, to: str,
            ascii_: bool) -> int:
    """Convert the references in INPUT... to another data format.

    An entry that cannot be read is reported (`path:line: CODE message`) and left out; every
    other entry is written. Exit status as for `format`: 0 all written, 1 something was
    reported (with --strict also warnings), 2 an input cannot be used at all, or a usage error.

    \b
    Examples:
      citefmt convert refs.txt                      # plain-text list → CSL-JSON
      citefmt convert refs.bib --to csl-yaml
      citefmt convert export.nbib --to bibtex -o refs.bib
      citefmt convert page.txt --article            # the article's own CSL-JSON
    """
    loaded = api.load(inputs, fmt=from_, article=article, lang=lang)
    report(loaded.diagnostics, quiet=quiet, verbose=verbose)
    options = {"ascii": True} if ascii_ and to == "bibtex" else {}
    emit(api.convert(loaded.items, to=to, **options), output)
    return findings_exit(loaded.diagnostics, strict=strict)
