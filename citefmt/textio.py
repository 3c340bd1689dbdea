"""File I/O at the edge: decoding input, and atomic writes that never lose a file."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from citefmt.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes, *, source: str) -> str:
    """Bytes → text: UTF-8 (a BOM is honoured and dropped); anything else is a clear error."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding.upper()} after its byte-order mark "
                                 f"(byte {exc.start})", path=source) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = " (it looks like Windows-1251: re-save it as UTF-8)" if _is_cp1251(data) else ""
        raise InputError(f"not valid UTF-8 at byte {exc.start}{hint}", path=source,
                         line=line) from None


def _is_cp1251(data: bytes) -> bool:
    try:
        data.decode("cp1251")
    except UnicodeDecodeError:
        return False
    return True


def read_source(path: str) -> str:
    """Read `path` (or standard input for `-`) as text, one-line errors for every failure."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), source="<stdin>")
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    return decode(data, source=path)


def atomic_write(path: str | Path, text: str) -> None:
    """Replace `path` with `text` atomically: a crash leaves the old file or the new one, never
    half.

    Text is written verbatim (`newline=""`), so the caller decides the line endings.
    """
    target = Path(path)
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = target.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_all(texts: Mapping[str, str]) -> None:
    """Write several files as one step (`--rekey`: a .bib and the manuscripts citing it):
    each through `atomic_write`; when one write fails, the files already written get their
    old bytes back, so the set is either all new or all old. Added for issue 9 (fix9)."""
    originals: dict[str, bytes | None] = {}
    for path in texts:
        try:
            originals[path] = Path(path).read_bytes()
        except FileNotFoundError:
            originals[path] = None
    written: list[str] = []
    try:
        for path, text in texts.items():
            atomic_write(path, text)
            written.append(path)
    except BaseException:
        for path in written:
            old = originals[path]
            if old is None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
            else:
                _replace_bytes(path, old)
        raise


def _replace_bytes(path: str, data: bytes) -> None:
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
