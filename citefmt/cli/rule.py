"""`citefmt rule`: explain a diagnostic or error code (ruff's `rule` command)."""

from __future__ import annotations

import click

from citefmt.errors import EXIT_OK, UsageError


@click.command("rule")
@click.argument("code", required=False)
@click.option("--all", "all_", is_flag=True, help="List every code with its one-line meaning.")
def rule(code: str | None, all_: bool) -> int:
    """Explain CODE: what it means, whether `check --fix` repairs it, and an example.

    \b
    Examples:
      citefmt rule CF113
      citefmt rule --all
    """
    from citefmt.rules import FIXABLE, all_codes
    from citefmt.rules import rule as explain

    if all_ or code is None:
        for key, summary in all_codes().items():
            click.echo(f"{key}\t{'fixable' if key in FIXABLE else '-'}\t{summary}")
        return EXIT_OK
    found = explain(code)
    if found is None:
        raise UsageError(f"unknown code {code!r} (see `citefmt rule --all`)")
    click.echo(found.format())
    return EXIT_OK
