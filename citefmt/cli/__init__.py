"""The `citefmt` command: a click group that only assembles subcommands and maps errors to exits.

Each subcommand lives in its own module, parses flags, calls `citefmt.api` and returns an
exit code. Failures are `CitefmtError`s, turned into one line on stderr here and nowhere else.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from citefmt import __version__
from citefmt.cli.check import check
from citefmt.cli.cite import cite
from citefmt.cli.convert import convert
from citefmt.cli.format import format_
from citefmt.cli.rule import rule
from citefmt.cli.styles import styles
from citefmt.cli.tidy import tidy
from citefmt.errors import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CitefmtError,
)
from citefmt.limits import NESTING
from citefmt.readers.sources import is_int_digits_error


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="citefmt")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Read references in any form, keep them as CSL-JSON, render them in any CSL style.

    \b
    Examples:
      citefmt format refs.txt --style gost            # GOST R 7.0.5-2008 list
      citefmt format refs.bib --style vancouver -o refs.md --to markdown
      citefmt convert article.txt --to bibtex         # plain-text list → BibTeX
      citefmt check manuscript.md --style vancouver   # lint a manuscript's references
      citefmt tidy --sort refs.bib                    # canonical .bib layout, lossless
      citefmt styles                                  # bundled styles
    """
    ctx.obj = {"debug": debug}


cli.add_command(format_)
cli.add_command(convert)
cli.add_command(check)
cli.add_command(styles)
cli.add_command(tidy)
cli.add_command(cite)
cli.add_command(rule)


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point; returns the exit code instead of exiting (for tests)."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        rv = cli.main(args=args, prog_name="citefmt", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        # one line with its code, like every other error (click's own layout spreads a usage
        # error over three lines)
        command = exc.ctx.command_path if isinstance(exc, click.UsageError) and exc.ctx else None
        hint = f" (see `{command} --help`)" if command else ""
        click.echo(f"citefmt: error: {exc.format_message()}{hint} [CF904]", err=True)
        return exc.exit_code if exc.exit_code else EXIT_USAGE
    except click.Abort:
        click.echo("Interrupted [CF948]", err=True)
        return EXIT_INTERRUPTED
    except CitefmtError as exc:
        if debug:
            raise
        click.echo(f"citefmt: error: {exc.format()}", err=True)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except RecursionError:
        # a safety net: readers and the engine bound their nesting (citefmt.limits); input that
        # still recurses too deep is refused, not reported as a bug
        if debug:
            raise
        click.echo("citefmt: error: input nested too deeply to process (raise "
                   f"{NESTING.variable} only together with Python's recursion limit) "
                   f"[{NESTING.code}]", err=True)
        return EXIT_FINDINGS
    except Exception as exc:  # a bug: say so in one line; --debug shows the traceback
        if debug:
            raise
        if isinstance(exc, ValueError) and is_int_digits_error(exc):
            # Python refuses int() of a huge digit string (CVE-2020-10735): hostile input that
            # reached a writer or the engine, not a bug
            click.echo(f"citefmt: error: a number has more than {sys.get_int_max_str_digits():,} "
                       "digits [CF901]", err=True)
            return EXIT_FINDINGS
        click.echo(f"citefmt: internal error: {type(exc).__name__}: {exc} "
                   "(please report it; run with --debug for the traceback) [CF949]", err=True)
        return EXIT_INTERNAL
    return rv if isinstance(rv, int) else 0
