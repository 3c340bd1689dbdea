"""biblatex-gost typeset outside citefmt: a `.bib` through biber + XeLaTeX, each entry's text
read back with `pdftotext -raw`.

Two users: the GOST style oracle (`bench/gost_oracle.py`, biblatex-gost's examples file) and
the held-out GOST strings of the parser's evaluation (`citefmt_train/gost_biblatex.py`, real
thesis bibliographies). Both print one entry per line, unhyphenated, labelled "@@key@@", so
that the text of each entry can be told from the next.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

_DOCUMENT = r"""\documentclass{article}
\usepackage[paperwidth=560cm,paperheight=200cm,margin=1cm]{geometry}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\setmonofont{DejaVu Sans Mono}
\usepackage{polyglossia}
\setdefaultlanguage{russian}
\setotherlanguages{%LANGUAGES%}
\usepackage[%OPTIONS%]{biblatex}
%PREAMBLE%\addbibresource{%BIB%}
\DeclareFieldFormat{labelnumberwidth}{@@\thefield{entrykey}@@}
\begin{document}
\raggedright\hyphenpenalty=10000\exhyphenpenalty=10000
\nocite{*}
\printbibliography
\end{document}
"""


def document(options: str, languages: str, bib_file: str, preamble: str = "") -> str:
    """The LaTeX document that prints every entry of `bib_file` with biblatex `options`
    (`preamble`: lines after the biblatex package, each ending in a newline)."""
    return (_DOCUMENT.replace("%LANGUAGES%", languages).replace("%OPTIONS%", options)
            .replace("%PREAMBLE%", preamble).replace("%BIB%", bib_file))


def missing_tex() -> list[str]:
    """The TeX tools and the biblatex-gost style this needs and does not find."""
    missing = [tool for tool in ("xelatex", "biber", "pdftotext", "kpsewhich")
               if shutil.which(tool) is None]
    if not missing:
        found = subprocess.run(["kpsewhich", "gost-numeric.bbx"], capture_output=True,
                               text=True, check=False).stdout.strip()
        if not found:
            missing.append("biblatex-gost (gost-numeric.bbx, texlive-bibtex-extra)")
    return missing


def typeset(workdir: Path) -> str:
    """Run XeLaTeX, biber, XeLaTeX on `workdir/doc.tex` and return pdftotext's text of it."""
    latex = ["xelatex", "-interaction=nonstopmode", "doc.tex"]
    for command in (latex, ["biber", "doc"], latex):
        subprocess.run(command, cwd=workdir, capture_output=True, check=False)
    if not (workdir / "doc.pdf").is_file():
        raise SystemExit(f"error: XeLaTeX made no PDF in {workdir} (see doc.log there)")
    subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "doc.pdf", "doc.txt"], cwd=workdir,
                   check=True)
    return (workdir / "doc.txt").read_text(encoding="utf-8")


#: an entry's printed label, "@@key@@": at a line start, but also after the form feed of a page
#: break ("\x0c@@adorno:pfm@@") or, where pdftotext runs two lines together, inside a line
_LABEL_RE = re.compile(r"@@([^@\s]+)@@")


def entry_chunks(text: str) -> dict[str, str]:
    """Each entry's raw text by key from pdftotext's output (the key is printed as its label):
    the text between one label and the next, wherever the next one is printed."""
    parts = _LABEL_RE.split(text)
    return dict(zip(parts[1::2], parts[2::2], strict=True))
