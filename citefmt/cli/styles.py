"""`citefmt styles`: list the bundled styles."""

from __future__ import annotations

import click

from citefmt import api
from citefmt.errors import EXIT_OK


@click.command("styles")
@click.option("--paths", is_flag=True, help="Also print each style file's path (to copy and edit).")
def styles(paths: bool) -> int:
    """List the bundled CSL styles with their titles.

    \b
    Example:
      citefmt styles --paths
    """
    for name, title, path in api.styles():
        click.echo(f"{name}\t{title}" + (f"\t{path}" if paths else ""))
    click.echo("aliases: gost = gost-r-7.0.5-2008; nlm = vancouver")
    return EXIT_OK
