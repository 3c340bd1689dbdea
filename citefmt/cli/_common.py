"""Pieces shared by the subcommands: input/output options and diagnostic printing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from citefmt.diagnostics import Diagnostic, has_errors
from citefmt.errors import EXIT_FINDINGS, EXIT_OK
from citefmt.textio import atomic_write

F = TypeVar("F", bound=Callable[..., Any])


def input_options(func: F) -> F:
    """INPUT... and --from, shared by format and convert."""
    func = click.option("--from", "from_", metavar="FORMAT",
                        help="Input format (csl-json, csl-yaml, bibtex, ris, medline, jats, "
                             "endnote-xml, text); detected from name and content by default.")(func)
    func = click.option("--article", is_flag=True,
                        help="Use the article's own record (article page, JATS) instead of its "
                             "reference list.")(func)
    func = click.option("--lang", metavar="LANG", default=None,
                        help="Where the source gives the article's record or its reference list in "
                             "several languages (ru, en): take this one; by default the "
                             "source's own language.")(func)
    func = click.option("-q", "--quiet", is_flag=True, help="Do not print warnings.")(func)
    func = click.option("-v", "--verbose", is_flag=True,
                        help="Also print info notes (fields with no CSL equivalent, author "
                             "lists the source cut short).")(func)
    func = click.option("--strict", is_flag=True,
                        help="Exit 1 on warnings too, not only when an entry could not be "
                             "read.")(func)
    func = click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
                        help="Write to FILE (atomically) instead of standard output.")(func)
    return click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(func)


def report(diagnostics: Sequence[Diagnostic], *, quiet: bool = False,
           verbose: bool = False) -> bool:
    """Print errors and (unless `quiet`) warnings to stderr; True when any is an error.

    Info notes (e.g. CF107, an author list the source cut short) describe the data rather
    than a problem with it; they are printed only with `verbose` and stay in the library's
    results (`ReadResult.diagnostics`)."""
    for d in diagnostics:
        if d.severity == "error" or (d.severity == "warning" and not quiet) or (
                d.severity == "info" and verbose and not quiet):
            click.echo(d.format(), err=True)
    return has_errors(diagnostics)


def findings_exit(diagnostics: Sequence[Diagnostic], *, strict: bool) -> int:
    """`format`/`convert` wrote what they could: exit 1 when an entry could not be read (an
    error-level finding) or, with `strict`, when anything was warned about; 0 otherwise."""
    if has_errors(diagnostics) or (strict and any(d.severity == "warning"
                                                  for d in diagnostics)):
        return EXIT_FINDINGS
    return EXIT_OK


def emit(text: str, output: str | None) -> None:
    """The command's result to FILE (atomically) or standard output, ending in one newline."""
    if output:
        atomic_write(output, text)
    elif text:
        click.echo(text, nl=not text.endswith("\n"))
