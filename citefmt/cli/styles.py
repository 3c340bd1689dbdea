"""`citefmt styles`: list the bundled styles."""

from __future__ import annotations

import click

from citefmt import api
from citefmt.errors import EXIT_OK


@click.command("styles")
@click.option("--paths", is_flag=True, help="Also print each style file's path (to copy and edit).")
@click.option("--translit", "translit", is_flag=True,
              help="List the transliteration schemes of `format --translit` instead.")
def styles(paths: bool, translit: bool) -> int:
    """List the bundled CSL styles with their titles.

    \b
    Example:
      citefmt styles --paths
    """
    if translit:
        from citefmt.translit import DEFAULT_SCHEME, scheme_names

        for name in scheme_names():
            click.echo(name + ("\t(default)" if name == DEFAULT_SCHEME else ""))
        return EXIT_OK
    for name, title, path in api.styles():
        click.echo(f"{name}\t{title}" + (f"\t{path}" if paths else ""))
    click.echo("aliases: gost = gost-r-7.0.5-2008; nlm = vancouver")
    return EXIT_OK
