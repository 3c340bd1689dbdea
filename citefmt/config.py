"""Settings for `citefmt check`: config files, command-line overrides, and suppression comments.

Where settings come from (later wins):

1. defaults (no style: the rendering check CF306 is off and `--fix` only renumbers);
2. the nearest config file, searched from the checked file's directory upwards: in each
   directory `.citefmt.toml` (top-level keys) first, then `pyproject.toml` if it has a
   `[tool.citefmt]` table; a `pyproject.toml` without that table does not stop the search;
3. command-line flags.

Keys: `style` (bundled name or .csl path, relative to the config file), `locale`, `ignore` (codes
or code prefixes such as "CF30"), `files` (glob patterns checked when no FILE is given), and
`bibliography` (.bib / CSL-JSON files whose keys pandoc `[@key]` citations must match),
`online` (true: verify references against Crossref and PubMed; off by default), `registry`
(a table of settings for those lookups, read by `citefmt.online.options`) and `rekey` (true:
`--fix` may give entries new keys, rewriting their citations; see `--rekey`).

Suppression comments, in whatever comment syntax the file has (`<!-- … -->`, `%`, `#`):

- `citefmt: ignore` silences every code, `citefmt: ignore[CF300,CF303]` or
  `citefmt: ignore CF303` only those; on a line with other content it applies to that line,
  on a line of its own to the next non-blank line;
- `citefmt: ignore-file` (optionally with codes) applies to the whole file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from citefmt.diagnostics import Diagnostic
from citefmt.errors import ConfigError, InputError
from citefmt.textio import split_lines

CONFIG_FILE = ".citefmt.toml"
PYPROJECT = "pyproject.toml"
_KEYS = frozenset({"style", "locale", "ignore", "files", "bibliography", "translit", "online",
                   "registry", "rekey"})


@dataclass(frozen=True)
class Settings:
    """What one check run needs to know; immutable so that it can be shared between files."""

    style: str | None = None
    locale: str | None = None
    ignore: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()
    bibliography: tuple[str, ...] = ()
    #: verify references against Crossref/PubMed (`online = true`; never on by default)
    online: bool = False
    #: the `registry` table (mailto, base URLs, cache dir …) as sorted (key, value) pairs
    registry: tuple[tuple[str, Any], ...] = ()
    #: the config file these settings came from (None: defaults and flags only)
    source: Path | None = None
    #: transliteration scheme of the Latin-script "References" list (`citefmt.translit`);
    #: None: `check --fix` leaves a page's References list as it is
    translit: str | None = None
    #: `--fix` may give entries new citation keys (and rewrite their citations); off by default
    rekey: bool = False

    def ignores(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.ignore)


@dataclass(frozen=True)
class Overrides:
    """Command-line flags; None means "not given", so the config file's value stands."""

    style: str | None = None
    locale: str | None = None
    ignore: tuple[str, ...] | None = None
    config: str | None = None
    isolated: bool = False
    translit: str | None = None
    #: `--online` / `--no-online`
    online: bool | None = None
    rekey: bool | None = None


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Codes as given on the command line, comma-separated or repeated (`--ignore CF300,CF303
    --ignore CF1`) → ("CF300", "CF303", "CF1")."""
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def find_config(directory: Path) -> Path | None:
    """The nearest `.citefmt.toml`, or `pyproject.toml` with `[tool.citefmt]`, upwards."""
    for folder in (directory.resolve(), *directory.resolve().parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            tool = _read_toml(pyproject).get("tool", {})
            if not isinstance(tool, dict):
                raise ConfigError("[tool] must be a table", path=str(pyproject))
            if "citefmt" in tool:
                return pyproject
    return None


def load_settings(path: Path) -> Settings:
    """Settings from one config file; an unknown key or a wrong type is an error naming the file."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError("[tool] must be a table", path=str(path))
        data = tool.get("citefmt", {})
        if not isinstance(data, dict):
            raise ConfigError("[tool.citefmt] must be a table (one [tool.citefmt], not "
                              "[[tool.citefmt]])", path=str(path))
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"unknown key(s) in citefmt settings: {', '.join(unknown)} "
                         f"(known: {', '.join(sorted(_KEYS))})", path=str(path))
    base = path.parent
    style = _string(data, "style", path)
    if style and style.endswith(".csl"):
        style = str(base / _inside(style, "style", path))
    return Settings(
        style=style,
        locale=_string(data, "locale", path),
        ignore=frozenset(_strings(data, "ignore", path)),
        files=tuple(_inside(p, "files", path) for p in _strings(data, "files", path)),
        bibliography=tuple(str(base / _inside(p, "bibliography", path))
                           for p in _strings(data, "bibliography", path)),
        online=_bool(data, "online", path),
        registry=_table(data, "registry", path),
        source=path,
        translit=_string(data, "translit", path),
        rekey=_bool(data, "rekey", path),
    )


def _inside(pattern: str, key: str, path: Path) -> str:
    """A path or glob from a config file, which must stay inside the config file's project: a
    config in a cloned repository must not make citefmt read (or rewrite) files elsewhere."""
    if not pattern.strip():
        raise ConfigError(f"citefmt setting {key!r} holds an empty path", path=str(path))
    pure = PurePosixPath(pattern.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"^[A-Za-z]:", pattern) or ".." in pure.parts \
            or pattern.startswith("~"):
        raise ConfigError(f"citefmt setting {key!r}: {pattern!r} must be a path relative to "
                          "the config file, inside the project", path=str(path))
    return pattern


def resolve(directory: Path, overrides: Overrides) -> Settings:
    """The settings for a file in `directory`: its config file, then the flags on top."""
    if overrides.config:
        settings = load_settings(Path(overrides.config))
    elif overrides.isolated:
        settings = Settings()
    else:
        found = find_config(directory)
        settings = load_settings(found) if found else Settings()
    return apply(settings, overrides)


def apply(settings: Settings, overrides: Overrides) -> Settings:
    """Command-line flags win over the config file."""
    return replace(
        settings,
        style=overrides.style if overrides.style is not None else settings.style,
        locale=overrides.locale if overrides.locale is not None else settings.locale,
        ignore=settings.ignore if overrides.ignore is None else frozenset(overrides.ignore),
        translit=overrides.translit if overrides.translit is not None else settings.translit,
        online=settings.online if overrides.online is None else overrides.online,
        rekey=settings.rekey if overrides.rekey is None else overrides.rekey,
    )


# --- suppression comments ---------------------------------------------------------------------

_MARKER_RE = re.compile(
    r"citefmt:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\]|((?:[\s,]+CF\d{3})*))")
_COMMENT_ONLY_RE = re.compile(r"^\s*(?:<!--.*?-->|%.*|#.*|//.*)\s*$")

#: codes silenced: None means every code, an empty set none
Silenced = frozenset[str] | None
NOTHING: Silenced = frozenset()


@dataclass(frozen=True)
class Suppressions:
    """Per-line and whole-file silencing found in a file's comments."""

    lines: dict[int, Silenced]
    file: Silenced = NOTHING

    def hides(self, diagnostic: Diagnostic) -> bool:
        if _covers(self.file, diagnostic.code):
            return True
        if diagnostic.line is None or diagnostic.line not in self.lines:
            return False
        return _covers(self.lines[diagnostic.line], diagnostic.code)


def find_suppressions(text: str) -> Suppressions:
    """Every `citefmt: ignore…` comment in `text` and the lines it silences."""
    lines: dict[int, Silenced] = {}
    whole_file: Silenced = NOTHING
    pending: list[Silenced] = []
    for number, line in enumerate(split_lines(text), start=1):
        m = _MARKER_RE.search(line)
        if m is None:
            if pending and line.strip():
                lines[number] = _merge(pending)
                pending = []
            continue
        codes = _codes(m.group(2) if m.group(2) is not None else m.group(3))
        if m.group(1) == "ignore-file":
            whole_file = _merge([whole_file, codes])
        elif _COMMENT_ONLY_RE.match(line):
            pending.append(codes)
        else:
            lines[number] = _merge([lines.get(number, NOTHING), codes])
    return Suppressions(lines, whole_file)


def without_suppressed(diagnostics: Iterable[Diagnostic], text: str,
                       settings: Settings) -> list[Diagnostic]:
    """Drop what the settings' `ignore` list or the file's comments silence."""
    suppressions = find_suppressions(text) if "citefmt:" in text else Suppressions({})
    return [d for d in diagnostics if not settings.ignores(d.code) and not suppressions.hides(d)]


def _codes(spec: str | None) -> Silenced:
    codes = frozenset(re.findall(r"CF\d{3}", spec or ""))
    return codes or None


def _merge(parts: Iterable[Silenced]) -> Silenced:
    merged: set[str] = set()
    for part in parts:
        if part is None:
            return None
        merged |= part
    return frozenset(merged)


def _covers(silenced: Silenced, code: str) -> bool:
    return silenced is None or code in silenced


# --- TOML helpers -----------------------------------------------------------------------------

def _read_toml(path: Path) -> dict[str, Any]:
    """A config file through the one input decoder (BOM, UTF-16, line endings, size limit)."""
    from citefmt.textio import read_source

    try:
        return tomllib.loads(read_source(str(path)))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {' '.join(str(exc).split())}", path=str(path)) from None
    except InputError as exc:
        raise ConfigError(f"cannot read config: {exc.message}", path=str(path),
                          line=exc.line) from None


def _string(data: dict[str, Any], key: str, path: Path) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"citefmt setting {key!r} must be a string", path=str(path))
    return value


def _bool(data: dict[str, Any], key: str, path: Path) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise InputError(f"citefmt setting {key!r} must be true or false", path=str(path))
    return value


def _table(data: dict[str, Any], key: str, path: Path) -> tuple[tuple[str, Any], ...]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InputError(f"citefmt setting {key!r} must be a table", path=str(path))
    return tuple(sorted(value.items()))


def _strings(data: dict[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"citefmt setting {key!r} must be a list of strings", path=str(path))
    return value
