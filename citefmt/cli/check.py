"""`citefmt check`: lint reference lists and manuscripts; `--fix` rewrites them (issue 6)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("check")
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--fix", is_flag=True,
              help="Rewrite files: reference list renumbered into order of first citation (with "
                   "the citations), re-rendered in --style; .bib files tidied.")
@click.option("--diff", is_flag=True, help="Print what --fix would change as a unified diff; "
                                          "write nothing.")
@click.option("-s", "--style", default=None,
              help="Compare every reference with its rendering in this style (CF306) and "
                   "render in it with --fix. Default: the config's `style`, else none.")
@click.option("-l", "--locale", default=None, help="Locale for --style (ru-RU, en-US).")
@click.option("--ignore", "ignore", multiple=True, metavar="CODES",
              help="Codes or prefixes to ignore, comma-separated or repeated (replaces the "
                   "config's list).")
@click.option("--from", "from_", metavar="FORMAT", default=None,
              help="Input format for all FILEs; detected from name and content by default.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Findings as `path:line:col: CODE message` lines or a "
                                      "JSON array.")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="Use this config file instead of searching for .citefmt.toml/pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--exit-zero-even-if-changed", is_flag=True,
              help="With --fix: exit 0 when files were rewritten and nothing else was found.")
def check(files: tuple[str, ...], fix: bool, diff: bool, style: str | None,
          locale: str | None, ignore: tuple[str, ...], from_: str | None, output_format: str,
          config: str | None, isolated: bool, exit_zero_even_if_changed: bool) -> int:
    """Check reference lists (.bib, CSL-JSON/YAML, RIS) and manuscripts (Markdown, text).

    Exit status: 0 clean, 1 findings or files rewritten, 2 usage error or unreadable input.
    Citation checks (CF303–CF305) run only on texts that cite their numbered list. FILE - reads
    standard input (with --fix the fixed text goes to standard output).

    \b
    Examples:
      citefmt check paper.md refs.bib
      citefmt check paper.md --style vancouver --diff
      citefmt check paper.md --fix --style vancouver
      citefmt check refs.json --format json --ignore CF200
    """
    from citefmt.checks.files import check_paths, configured_files
    from citefmt.config import Overrides, split_codes
    from citefmt.diagnostics import render_diagnostics

    codes = split_codes(ignore)
    overrides = Overrides(style=style, locale=locale, ignore=codes or None, config=config,
                          isolated=isolated)
    paths = list(files) or configured_files(overrides, Path.cwd())
    if not paths:
        raise click.UsageError("no FILE given and no `files` in the citefmt config")
    run = check_paths(paths, overrides, fix=fix, diff=diff, fmt=from_)
    for error in run.errors:
        click.echo(f"citefmt: error: {error.format()}", err=True)
    for result in run.changed:
        if diff:
            click.echo(result.diff(), nl=False)
        elif result.path == "-":
            click.echo(result.fixed, nl=False)
        else:
            click.echo(f"Rewriting {result.path}", err=True)
    for result in run.results:
        if result.not_fixed and not diff:
            click.echo(f"citefmt: {result.path}: {result.not_fixed}", err=True)
    # the fixed text of standard input owns standard output
    to_stderr = fix and "-" in paths
    findings = render_diagnostics(run.findings, fmt="json" if output_format == "json" else "text")
    if findings:
        click.echo(findings, nl=False, err=to_stderr)
    return run.exit_code(fix=fix, exit_zero_even_if_changed=exit_zero_even_if_changed)
