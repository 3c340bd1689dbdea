"""XML that declares entities is refused however it is dressed up; CSL styles and locales with
any DOCTYPE are refused (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefmt.cli import main
from citefmt.engine.loading import clear_cache

REPO = Path(__file__).resolve().parents[2]
LAUGHS = ('<!DOCTYPE article [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;">\n'
          "]>\n")
JATS = ("<article><front><article-meta><title-group><article-title>&b;</article-title>"
        "</title-group></article-meta></front><back><ref-list><ref id='r1'><mixed-citation>"
        "Smith J. Title. J Med. 2000;1:1-2.</mixed-citation></ref></ref-list></back></article>\n")


@pytest.mark.parametrize("prolog", [
    "",
    '<?xml version="1.0"?>\n',
    "<!-- <x -->\n",  # the bypass: a comment holding "<x" before the DOCTYPE
    "<!-- a comment with <!ENTITY c 'x'> and <ref> in it -->\n<?pi <y?>\n",
])
def test_entity_declarations_are_refused(tmp_path: Path, prolog: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "article.xml"
    f.write_text(prolog + LAUGHS + JATS, encoding="utf-8")
    assert main(["convert", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "refused: XML declares entities" in err and err.rstrip().endswith("[CF911]")


def test_a_plain_public_doctype_is_accepted(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "article.xml"
    f.write_text('<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD '
                 'v1.2 20190208//EN" "JATS-journalpublishing1.dtd">\n'
                 + JATS.replace("&b;", "A title"), encoding="utf-8")
    assert main(["convert", str(f)]) == 0
    assert '"title": "Title"' in capsys.readouterr().out


@pytest.mark.parametrize("what", ["style", "locale"])
def test_csl_files_with_a_doctype_are_refused(tmp_path: Path, what: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    clear_cache()
    refs = tmp_path / "refs.json"
    refs.write_text('[{"id": "a", "type": "book", "title": "T"}]', encoding="utf-8")
    if what == "style":
        source = (REPO / "styles" / "vancouver.csl").read_text(encoding="utf-8")
    else:
        import citeproc
        source = (Path(citeproc.__file__).parent / "data" / "locales"
                  / "locales-en-US.xml").read_text(encoding="utf-8")
    body = source.split("?>", 1)[1] if source.startswith("<?xml") else source
    hostile = ('<?xml version="1.0"?>\n<!-- <x -->\n<!DOCTYPE x [<!ENTITY e SYSTEM '
               '"file:///etc/passwd">]>' + body)
    f = tmp_path / f"evil.{'csl' if what == 'style' else 'xml'}"
    f.write_text(hostile, encoding="utf-8")
    option = "--style" if what == "style" else "--locale"
    assert main(["format", str(refs), option, str(f)]) in (1, 2)
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"refused: CSL {what} file has a DOCTYPE" in err and "[CF911]" in err
