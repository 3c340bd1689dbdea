"""`citefmt convert`: data in, data out (CSL-JSON, CSL-YAML, BibTeX, RIS), input order kept."""

from __future__ import annotations

import click

from citefmt import api
from citefmt.cli._common import emit, input_options, report
from citefmt.errors import EXIT_FINDINGS, EXIT_OK


@click.command("convert")
@input_options
@click.option("-t", "--to", "to", default="csl-json", show_default=True,
              type=click.Choice(["csl-json", "csl-yaml", "bibtex", "ris"]),
              help="Output data format.")
@click.option("--ascii", "ascii_", is_flag=True,
              help="BibTeX only: escape non-ASCII characters as LaTeX "
                   "(Cyrillic is kept by default).")
def convert(inputs: tuple[str, ...], from_: str | None, article: bool, lang: str | None,
            quiet: bool, output: str | None, to: str, ascii_: bool) -> int:
    """Convert the references in INPUT... to another data format.

    \b
    Examples:
      citefmt convert refs.txt                      # plain-text list → CSL-JSON
      citefmt convert refs.bib --to csl-yaml
      citefmt convert export.nbib --to bibtex -o refs.bib
      citefmt convert page.txt --article            # the article's own CSL-JSON
    """
    loaded = api.load(inputs, fmt=from_, article=article, lang=lang)
    if report(loaded.diagnostics, quiet=quiet):
        return EXIT_FINDINGS
    options = {"ascii": True} if ascii_ and to == "bibtex" else {}
    emit(api.convert(loaded.items, to=to, **options), output)
    return EXIT_OK
