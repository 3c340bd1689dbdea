"""`citefmt check` (being written; see issue 6)."""

from __future__ import annotations

import click


@click.command("check")
@click.argument("files", nargs=-1)
def check(files: tuple[str, ...]) -> int:
    """Check reference lists."""
    raise click.UsageError("check is not available yet")
