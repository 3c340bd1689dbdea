"""Build `tests/corpus/manifest.json`: provenance of the real-world corpus (issue 9, part 7).

The corpus files are public bibliographies and manuscripts fetched (with the search tool's
`fetch`) into `/work/.mirror/<owner>+<name>`; they are never committed. This script records,
for each chosen file, the repository, the commit it was read at, its path, its SHA-256, the
repository's licence and what kind of file it is, so the loader (`tests/corpus_data.py`) can
read exactly those bytes back with `git --git-dir=… show COMMIT:PATH` and check them.

Usage: python bench/corpus_manifest.py  (rewrites tests/corpus/manifest.json)
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from corpus_data import MANIFEST, git_dir, git_show

BBT = "retorquere/zotero-better-bibtex"
CJS = "citation-js/citation-js"
#: (repository, licence, kind, paths)
SELECTION: list[tuple[str, str, str, list[str]]] = [
    ("AndreyAkinshin/Russian-Phd-LaTeX-Dissertation-Template", "CC-BY-4.0",
     "latex-thesis-biblatex-gost",
     ["biblio/author.bib", "biblio/external.bib", "biblio/registered.bib"]),
    ("DAlexis/phd-thesis", "CC-BY-4.0", "latex-thesis-biblatex-gost",
     ["biblio/author.bib", "biblio/external.bib"]),
    ("Qinterfly/PhD-Thesis", "GPL-3.0", "latex-thesis-biblatex-gost",
     ["biblio/author.bib", "biblio/external.bib"]),
    ("EKhilkevitch/Khilkevitch-PhD", "CC-BY-4.0", "latex-thesis-biblatex-gost-mixed-eol",
     ["biblio/author.bib", "biblio/external.bib"]),
    ("intbio/DrSciThesis", "CC-BY-4.0", "latex-thesis-biblatex-gost",
     ["biblio/authorpapersVAK.bib", "biblio/thesis_phd.bib"]),
    ("Lupasic/PhD-thesis-Tactile-sensing-method-development", "CC-BY-4.0",
     "latex-thesis-biblatex-gost", ["biblio/external.bib"]),
    ("Andrcraft9/PhD-Dissertation", "CC-BY-4.0", "latex-thesis-biblatex-gost",
     ["biblio/external.bib"]),
    ("odomanov/biblatex-gost", "LPPL-1.3c", "biblatex-gost-examples",
     ["doc/latex/biblatex-gost/biblatex-gost-examples.bib"]),
    ("rominf/latex-g7-32", "GPL-3.0", "latex-thesis-gost-bibtex", ["lyx/rpz.bib"]),
    ("kks32/phd-thesis-template", "MIT", "latex-thesis-natbib-crlf",
     ["References/references.bib"]),
    ("plk/biblatex", "LPPL-1.3c", "biblatex-paper",
     ["bibtex/bib/biblatex/biblatex-examples.bib",
      "doc/latex/biblatex/examples/95-customlists.bib",
      "doc/latex/biblatex/examples/97-annotations.bib"]),
    ("dfm/emcee", "MIT", "joss-paper-natbib", ["joss/paper.bib", "joss/paper.md"]),
    ("jgm/pandoc", "GPL-2.0", "pandoc-manuscript",
     ["test/command/biblio.bib", "test/command/averroes.bib",
      "wasm/examples/markdown-citations-to-plain-with-csl-style/refs.bib"]),
    ("dfolio/pandoc-df-thesis-template", "CC-BY-4.0", "pandoc-thesis",
     ["assets/bib/thesis-biblio.bib", "assets/bib/string.bib"]),
    ("manubot/rootstock", "CC-BY-4.0", "manubot-manuscript",
     ["content/manual-references.json"]),
    ("greenelab/manubot-gpt-manuscript", "CC-BY-4.0", "manubot-manuscript",
     ["content/manual-references.json"]),
    (BBT, "MIT", "zotero-bbt-export", [
        "pandoc/biblio.bib",
    ]),
    (BBT, "MIT", "jabref-export", [
        "test/fixtures/import/BBT does not import groups from JabRef 5.1 #1641.bib",
        "test/fixtures/import/Jabref import - groups lost #1730-3.bib",
        "test/fixtures/import/Jabref import - groups lost #1730-5.bib",
        "test/fixtures/import/Jabref groups import does not work #717.3.8.bib",
        "test/fixtures/import/Import Jabref fileDirectory, unexpected reference type #1058.bib",
    ]),
    (BBT, "MIT", "user-export", [
        "test/fixtures/import/Qiqqa.bib",
        "test/fixtures/import/Endnote should parse.bib",
        "test/fixtures/import/Dealing with base64-encoded paths from BibDesk #2374.bib",
        "test/fixtures/import/Imported tags from Calibre (bibtex.file) are a single tag in "
        "Zotero #2743.bib",
        "test/fixtures/import/Double newlines means parbreak #2789.bib",
        "test/fixtures/import/Problem when importing BibTeX entries with percent sign #95 or "
        "preamble #96.bib",
        "test/fixtures/import/Import error with character '+' in BibTeX field name #2660.bib",
        "test/fixtures/import/Some bibtex entries quietly discarded on import from bib file "
        "#873.bib",
        "test/fixtures/import/Overline during Import #1467.bib",
        "test/fixtures/import/Math markup to unicode not always imported correctly #472.bib",
        "test/fixtures/import/Options to use default import process #1562.bib",
        "test/fixtures/import/BibLaTeX Patent author handling, type #1060.bib",
        "test/fixtures/import/Crossrefd incollection items are missing date on import #3514.bib",
        "test/fixtures/import/Import fails to perform @String substitutions #154.bib",
        "test/fixtures/import/Issues with round instead of curly braces do not import "
        "correctly #871.bib",
    ]),
    (CJS, "MIT", "citation-js-fixture", [
        "packages/plugin-bibtex/test/mapping/biblatex-input.bib",
        "packages/plugin-bibtex/test/mapping/bibtex-input.bib",
        "packages/plugin-bibtex/test/input/whitespace and unknown fields.bib",
        "packages/plugin-bibtex/test/input/string and preamble.bib",
        "packages/plugin-bibtex/test/input/different delimiters.bib",
    ]),
]


def main() -> int:
    records = []
    for repo, licence, kind, paths in SELECTION:
        gd = git_dir(repo)
        if gd is None:
            print(f"skipped {repo}: no mirror", file=sys.stderr)
            continue
        commit = subprocess.run(["git", f"--git-dir={gd}", "rev-parse", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        for path in paths:
            data = git_show(gd, commit, path)
            if data is None:
                print(f"missing {repo}:{path}", file=sys.stderr)
                continue
            records.append({"repo": repo, "commit": commit, "path": path,
                            "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data),
                            "licence": licence, "kind": kind})
    MANIFEST.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"{len(records)} files → {MANIFEST}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
