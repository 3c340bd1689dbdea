"""`citefmt check`: lint reference lists and manuscripts; `--fix` rewrites them (issue 6)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("check")
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--fix", is_flag=True,
              help="Apply the edits of fixable findings, and change nothing else: reference "
                   "list renumbered into order of first citation (with the citations), "
                   "re-rendered in --style; in .bib files a missing comma, a repeated identical "
                   "field, a DOI written as a URL, a bare &. Each fix is reported.")
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
@click.option("--translit", default=None, metavar="SCHEME",
              help="With --fix: write a page's \"References\" list anew from its original "
                   "list, transliterated with SCHEME (bsi, bgn, …). Default: the config's "
                   "`translit`, else the References list is left as it is.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also print info notes (files passed over as not bibliographies, fields "
                   "with no CSL equivalent); they never change the exit status.")
@click.option("--online/--no-online", "online", default=None,
              help="Verify references against Crossref (DOI) and PubMed (PMID/PMCID); with --fix "
                   "fill what is missing. Default: the config's `online` (off). Uses the network.")
@click.option("--rekey/--no-rekey", default=None,
              help="With --fix/--diff: give entries whose key is a running number or not a plain "
                   "BibTeX key (ref7, 10.7717/peerj-cs.55) a generated key, rewriting every "
                   "\\cite/\\nocite/[@key] in the checked manuscripts in the same step (or "
                   "nothing). Default: the config's `rekey`, else off: keys never change.")
@click.option("--exit-zero-even-if-changed", is_flag=True,
              help="With --fix: exit 0 when files were rewritten and nothing else was found.")
def check(files: tuple[str, ...], fix: bool, diff: bool, style: str | None,
          locale: str | None, ignore: tuple[str, ...], from_: str | None, output_format: str,
          config: str | None, isolated: bool, verbose: bool, online: bool | None,
          rekey: bool | None, exit_zero_even_if_changed: bool, translit: str | None) -> int:
    """Check reference lists (.bib, CSL-JSON/YAML, RIS) and manuscripts (LaTeX, Markdown, text).

    A LaTeX or pandoc manuscript is checked against its bibliography (\\bibliography{},
    \\addbibresource{}, YAML front matter, metadata.yaml, or the .bib beside it or on the command
    line): cited keys it lacks (CF307) and entries never cited (CF303). A directory stands for
    the bibliographies and manuscripts below it; other JSON/YAML files are passed over.

    Exit status: 0 clean, 1 findings or files rewritten, 2 usage error or unreadable input.
    Citation checks (CF303–CF305) run only on texts that cite their numbered list. FILE - reads
    standard input (with --fix the fixed text goes to standard output).

    \b
    Examples:
      citefmt check paper.md refs.bib
      citefmt check paper.md --style vancouver --diff
      citefmt check paper.md --fix --style vancouver
      citefmt check refs.json --format json --ignore CF200
      citefmt check paper.md --online --fix
      citefmt check --fix --rekey refs.bib thesis.tex
    """
    from citefmt.checks.files import check_paths, configured_files
    from citefmt.config import Overrides, split_codes
    from citefmt.diagnostics import render_diagnostics
    from citefmt.errors import EXIT_FINDINGS

    codes = split_codes(ignore)
    overrides = Overrides(style=style, locale=locale, ignore=codes or None, config=config,
                          isolated=isolated, translit=translit, online=online, rekey=rekey)
    paths = list(files) or configured_files(overrides, Path.cwd())
    if not paths:
        raise click.UsageError("no FILE given and no `files` in the citefmt config")
    # online fills first, so that the offline fix and checks see the completed references
    from citefmt.online.files import verify_paths  # imports no network module by itself

    online_run = verify_paths(paths, overrides, fix=fix or diff, diff=diff, fmt=from_)
    for result in online_run.changed:
        if diff:
            click.echo(result.diff(), nl=False)
        elif result.path != "-":
            click.echo(f"Rewriting {result.path} (registry fills)", err=True)
    run = check_paths(paths, overrides, fix=fix, diff=diff, fmt=from_)
    if fix and not diff:
        from citefmt.online.files import refresh

        refresh(online_run, [result.path for result in run.changed])
    run.errors.extend(e for e in online_run.errors if str(e) not in map(str, run.errors))
    for error in run.errors:
        click.echo(f"citefmt: error: {error.format()}", err=True)
    for result in run.changed:
        if diff:
            click.echo(result.diff(), nl=False)
        elif result.path == "-":
            click.echo(result.fixed, nl=False)
        else:
            click.echo(f"Rewriting {result.path}", err=True)
        for done in result.applied:
            what = (done.fix.message if done.fix and done.fix.message else "") or done.message
            fix_message = f" ({what})" if what else ""
            where = f"{done.path}:{done.line}" if done.line is not None else done.path
            click.echo(f"{where}: {done.code} {'would be ' if diff else ''}fixed{fix_message}",
                       err=True)
    for result in run.results:
        if result.not_fixed and not diff:
            click.echo(f"citefmt: {result.path}: {result.not_fixed}", err=True)
    # the fixed text of standard input owns standard output
    to_stderr = fix and "-" in paths
    shown = run.findings if not verbose else [*run.skipped, *run.all_diagnostics]
    # registry findings are placed among the others by position; without them the run's own
    # order (a manuscript's findings with it) stands
    found = sorted(shown + online_run.findings,
                   key=lambda d: (d.path, d.line or 0, d.col or 0, d.code)) \
        if online_run.findings else shown
    findings = render_diagnostics(found, fmt="json" if output_format == "json" else "text")
    if findings:
        click.echo(findings, nl=False, err=to_stderr)
    code = run.exit_code(fix=fix, exit_zero_even_if_changed=exit_zero_even_if_changed)
    if online_run.findings or (online_run.changed and not exit_zero_even_if_changed):
        code = max(code, EXIT_FINDINGS)
    return code
