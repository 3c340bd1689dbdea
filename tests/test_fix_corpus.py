"""`check --fix` over the real-world corpus (issue 9, part 7): parse → fix → parse.

The files are public bibliographies and manuscripts named in `tests/corpus/manifest.json` and
read from the search tool's mirror (see `corpus_data`); without the mirror these tests skip.
bibtexparser, an independent reader, compares the file before and after `--fix`: the same keys,
entry types and fields, and no value changed that an applied fix does not name; a second
`--fix` changes nothing; no traceback.
"""

from __future__ import annotations

import pytest
from corpus_data import CorpusFile, load, manifest, measure

from citefmt.errors import CitefmtError
from citefmt.textio import decode

CORPUS = manifest()


def _text(entry: CorpusFile) -> str:
    data = load(entry)
    if isinstance(data, str):
        pytest.skip(f"corpus file not available: {data}")
    try:
        return decode(data, source=entry.path)
    except CitefmtError as exc:  # a refusal is a one-line error, never a traceback
        pytest.skip(f"refused by the decoder: {exc}")


def test_manifest_has_thirty_files_of_several_kinds() -> None:
    assert len(CORPUS) >= 30
    assert len({e.repo for e in CORPUS}) >= 10
    assert {"latex-thesis-biblatex-gost", "manubot-manuscript", "jabref-export",
            "pandoc-manuscript", "zotero-bbt-export"} <= {e.kind for e in CORPUS}
    assert all(len(e.sha256) == 64 and len(e.commit) == 40 and e.licence for e in CORPUS)


@pytest.mark.parametrize("entry", CORPUS, ids=[e.name for e in CORPUS])
def test_fix_keeps_keys_types_and_fields(entry: CorpusFile) -> None:
    figures = measure(_text(entry), entry.path)
    assert (figures.keys_renamed, figures.types_changed, figures.entries_lost,
            figures.fields_lost, figures.unnamed_changes, figures.second_pass_changes) == \
        (0, 0, 0, 0, 0, 0), figures


#: the CRLF variant runs on the smaller .bib files (the large ones add time, not cases)
SMALL_BIBS = [e for e in CORPUS if e.path.endswith(".bib") and e.bytes < 60_000]


@pytest.mark.parametrize("entry", SMALL_BIBS, ids=[e.name for e in SMALL_BIBS])
def test_crlf_variant_gets_the_same_fixes_and_keeps_crlf(entry: CorpusFile) -> None:
    """Every file again with CRLF line ends (a Windows checkout): the same edits, CRLF kept."""
    from citefmt.checks import fix_document
    from citefmt.config import Settings

    text = _text(entry).replace("\r\n", "\n")
    lf, lf_applied = fix_document(text, Settings(), source=entry.path, fmt="bibtex")
    crlf, crlf_applied = fix_document(text.replace("\n", "\r\n"), Settings(),
                                      source=entry.path, fmt="bibtex")
    assert crlf == lf.replace("\n", "\r\n")
    assert [(d.code, d.line) for d in crlf_applied] == [(d.code, d.line) for d in lf_applied]
