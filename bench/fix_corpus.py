"""`check --fix` and `tidy` on the real-world corpus, measured against an independent reader.

For every file of `tests/corpus/manifest.json` available in the mirror (see
`tests/corpus_data.py`; fetch the repositories with the search tool first): runs `--fix`
pass by pass and compares the file before and after with bibtexparser (keys, entry types,
fields, and values no applied fix names), checks that a second `--fix` changes nothing, that
`tidy --sort` keeps bibtexparser's reading of the file, and renders every entry of the fixed
file in GOST R 7.0.5-2008 one by one (an entry the engine cannot render is counted, not fatal),
and runs `citefmt format --style gost` on each whole file as a user would (how many files
print every entry: rendering that goes all-or-nothing shows up here).
Prints a table and the totals. Exits 1 when any key, type or field was lost or changed.

Usage: python bench/fix_corpus.py [--no-render]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from corpus_data import Figures, load, manifest, measure

from citefmt.errors import CitefmtError
from citefmt.textio import decode


def rendered(text: str, source: str) -> tuple[int, int]:
    """(entries rendered with some text, entries read) in GOST R 7.0.5-2008, entry by entry."""
    from citefmt.api import read_text
    from citefmt.engine import render_bibliography

    fmt = "bibtex" if source.endswith(".bib") else None
    items = [dict(r.item) for r in read_text(text, source=source, fmt=fmt).records]
    done = 0
    for item in items:
        try:
            bibliography = render_bibliography([item], "gost-r-7.0.5-2008", locale="ru-RU")
        except Exception:  # counted: one entry that cannot be rendered must not stop the rest
            continue
        done += any(entry.text.strip() for entry in bibliography.entries)
    return done, len(items)


def format_whole_file(text: str, name: str) -> str:
    """`citefmt format --style gost --to json` on the whole file, as a user runs it: the number
    of entries printed, or `exit N` when it printed nothing."""
    import contextlib
    import io
    import json
    import tempfile

    from citefmt.cli import main as cli_main

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(name).name
        path.write_text(text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main(["format", "--style", "gost", "--to", "json", "-q", str(path)])
    try:
        return str(len(json.loads(out.getvalue())))
    except ValueError:
        return f"exit {code}"


def tidy_lossless(text: str) -> bool:
    from citefmt.tidy import library_view, tidy

    result = tidy(text, sort=True)
    return result.refused is None and library_view(result.text) == library_view(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-render", action="store_true", help="skip the GOST rendering")
    args = parser.parse_args()
    totals = Figures(by_code={})
    files = skipped = render_ok = render_all = tidy_ok = tidy_files = whole_ok = 0
    start = time.time()
    print(f"{'file':60} {'entries':>7} {'fixes':>5} {'lost':>4} {'gost':>9} tidy  format")
    for entry in manifest():
        data = load(entry)
        if isinstance(data, str):
            skipped += 1
            print(f"skipped: {data}")
            continue
        try:
            text = decode(data, source=entry.path)
        except CitefmtError as exc:
            skipped += 1
            print(f"refused: {exc}")
            continue
        files += 1
        figures = measure(text, entry.path)
        for name in ("entries", "fixes", "keys_renamed", "types_changed", "entries_lost",
                     "fields_lost", "unnamed_changes", "second_pass_changes"):
            setattr(totals, name, getattr(totals, name) + getattr(figures, name))
        for code, count in (figures.by_code or {}).items():
            assert totals.by_code is not None
            totals.by_code[code] = totals.by_code.get(code, 0) + count
        gost = whole = "-"
        if not args.no_render:
            ok, count = rendered(text, entry.path)
            render_ok, render_all = render_ok + ok, render_all + count
            gost = f"{ok}/{count}"
            whole = format_whole_file(text, entry.path)
            whole_ok += whole == str(count)
        lossless = "-"
        if entry.path.endswith(".bib"):
            tidy_files += 1
            good = tidy_lossless(text)
            tidy_ok += good
            lossless = "ok" if good else "CHANGED"
        lost = (figures.keys_renamed + figures.types_changed + figures.entries_lost
                + figures.fields_lost + figures.unnamed_changes + figures.second_pass_changes)
        print(f"{entry.name[-60:]:60} {figures.entries:7} {figures.fixes:5} {lost:4} "
              f"{gost:>9} {lossless:4}  {whole}")
    print(f"\n{files} files ({skipped} skipped), {totals.entries} BibTeX entries, "
          f"{time.time() - start:.0f} s")
    print(f"--fix: {totals.fixes} fixes applied {dict(sorted((totals.by_code or {}).items()))}")
    print(f"keys renamed {totals.keys_renamed}, entry types changed {totals.types_changed}, "
          f"entries lost {totals.entries_lost}, fields lost {totals.fields_lost}, values "
          f"changed without a finding {totals.unnamed_changes}, files a second --fix changed "
          f"{totals.second_pass_changes}")
    print(f"tidy --sort lossless (bibtexparser's reading unchanged): {tidy_ok}/{tidy_files} .bib")
    if not args.no_render:
        print(f"format --style gost, entry by entry: {render_ok}/{render_all} entries rendered")
        print(f"citefmt format --style gost on the whole file printed every entry: "
              f"{whole_ok}/{files} files")
    return 0 if totals.clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
