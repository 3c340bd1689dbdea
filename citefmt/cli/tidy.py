"""`citefmt tidy`: canonical layout for .bib files, lossless (a separate, explicit step)."""

from __future__ import annotations

import difflib

import click


@click.command("tidy")
@click.argument("files", nargs=-1, required=True, metavar="FILE.bib...")
@click.option("--sort", is_flag=True, help="Order entries by key (comments travel with the "
                                           "entry below them; @string/@preamble stay on top).")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 when a file is not tidy.")
@click.option("--diff", is_flag=True, help="Print the changes as a unified diff; write nothing.")
def tidy(files: tuple[str, ...], sort: bool, check_only: bool, diff: bool) -> int:
    """Lay out .bib files canonically: one field per line, aligned `=`, lower-case types and
    field names, {…} instead of "…". Keys, field order, values, unknown fields, @string,
    @preamble, @comment and comments are kept; the result is read back and compared with the
    input, and a file whose content would change in any other way is left as it is.

    Exit status: 0 done (or already tidy), 1 a file was refused (or, with --check/--diff,
    is not tidy), 2 unreadable input. FILE - reads standard input and prints the result.

    \b
    Examples:
      citefmt tidy refs.bib
      citefmt tidy --sort --diff refs.bib
    """
    from citefmt.errors import EXIT_FINDINGS, EXIT_OK
    from citefmt.textio import atomic_write, read_source
    from citefmt.tidy import tidy as tidy_text

    status = EXIT_OK
    for path in files:
        text = read_source(path)
        result = tidy_text(text, sort=sort)
        if result.refused:
            click.echo(f"{path}: not tidied: {result.refused}", err=True)
            status = EXIT_FINDINGS
            continue
        if path == "-" and not (check_only or diff):
            click.echo(result.text, nl=False)
            continue
        if result.text == text:
            continue
        if diff:
            click.echo("".join(difflib.unified_diff(
                text.splitlines(keepends=True), result.text.splitlines(keepends=True),
                fromfile=f"a/{path}", tofile=f"b/{path}")), nl=False)
        if check_only or diff:
            if check_only:
                click.echo(f"{path}: not tidy", err=True)
            status = EXIT_FINDINGS
        else:
            atomic_write(path, result.text)
            click.echo(f"Tidied {path}", err=True)
    return status
