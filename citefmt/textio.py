"""File I/O at the edge: the one place that decodes every input and the one that writes every
output.

Reading (`read_file`, `read_source`, `decode_bytes`): byte-order marks (UTF-8, UTF-16, UTF-32),
UTF-16/32 without a BOM when the NUL pattern gives it away, a Windows-1251 hint for Cyrillic
files that are not UTF-8, and line endings (LF, CRLF, CR-only, mixed) turned into LF for the
readers while the original ending of every line is remembered. `Decoded` carries what is needed
to write the file back byte-identically: encoding, BOM, per-line endings, and a stamp (size,
mtime, SHA-256) to notice a change made while citefmt worked.

Writing (`atomic_write`): a temporary file in the target's directory (named
`.<name>.citefmt-<pid>.tmp`, so a later run can remove one that a kill -9 left behind), fsync,
`os.replace`. Symlinks are followed (the target is rewritten, the link stays); permissions are
kept; a file without write permission is refused; a file that changed since it was read is
refused; the temporary file is removed on every failure.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from citefmt.errors import InputError, OutputError

#: (BOM, codec) longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_TMP_SUFFIX = ".tmp"
_TMP_RE = re.compile(r"^\.(?P<name>.+)\.citefmt-(?P<pid>\d+)\.tmp$")


@dataclass(frozen=True)
class Stamp:
    """What a file looked like when it was read: a later write refuses if it changed."""

    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class Decoded:
    """A decoded input: its text with LF line endings, and how to write it back identically."""

    #: the text, line endings turned into "\n" (one "\n" per original line ending)
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    #: the original ending of each line that had one ("\n", "\r\n" or "\r"), in order
    endings: tuple[str, ...] = field(default=(), repr=False)
    stamp: Stamp | None = None

    @property
    def newline(self) -> str:
        """The most common line ending ("\\n" for a file without any)."""
        if not self.endings:
            return "\n"
        return max(("\n", "\r\n", "\r"), key=self.endings.count)

    def restore(self, new_text: str) -> str:
        """`new_text` (LF endings, an edit of `text`) with the original line endings put back:
        unchanged lines keep their own ending, new lines take the file's most common one."""
        if not self.endings or set(self.endings) == {"\n"}:
            return new_text
        old_lines = self.text.split("\n")
        new_lines = new_text.split("\n")
        if new_lines == old_lines:
            return self.original_text()
        ending_of_new = [self.newline] * (len(new_lines) - 1)
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            # unchanged lines, and lines edited one for one, keep their own ending
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for old, new in zip(range(i1, i2), range(j1, j2), strict=True):
                    if old < len(self.endings) and new < len(ending_of_new):
                        ending_of_new[new] = self.endings[old]
        out: list[str] = []
        for line, ending in zip(new_lines, [*ending_of_new, ""], strict=True):
            out.append(line + ending)
        return "".join(out)

    def original_text(self) -> str:
        """The text exactly as it was in the file (original line endings)."""
        lines = self.text.split("\n")
        return "".join(line + ending for line, ending in
                       zip(lines, [*self.endings, ""], strict=True))

    def encode(self, new_text: str) -> bytes:
        """`new_text` (LF endings) as the bytes to store: original endings, encoding and BOM."""
        return self.bom + self.restore(new_text).encode(self.encoding)


def split_lines(text: str) -> list[str]:
    """The lines of `text`, split at "\r\n", "\r" and "\n" only — the line endings files have.

    `str.splitlines` also breaks at U+001C–U+001E, U+0085, U+2028 and U+2029: a reader that
    numbered lines with it disagreed with `--fix` (which splits at newlines) about where an entry
    stands, and wrote the wrong lines. Like `splitlines`, a final line ending adds no line."""
    lines = _NEWLINE_RE.split(text) if "\r" in text else text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def split_newlines(text: str) -> tuple[str, tuple[str, ...]]:
    """Text with every line ending ("\\r\\n", "\\r", "\\n") made "\\n", and the endings found."""
    if "\r" not in text:
        return text, ("\n",) * text.count("\n")
    endings = tuple(_NEWLINE_RE.findall(text))
    return _NEWLINE_RE.sub("\n", text), endings


def decode_bytes(data: bytes, *, source: str) -> Decoded:
    """Bytes → `Decoded`: a BOM names the encoding; UTF-16/32 without one is recognised by its
    NUL bytes; otherwise UTF-8, and anything else is a one-line error (with a Windows-1251 hint
    for Cyrillic text)."""
    from citefmt.limits import check_input_size

    check_input_size(len(data), source=source)
    bom, encoding = _detect_encoding(data)
    body = data[len(bom):]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if bom:
            name = encoding.upper().rsplit("-", 1)[0]
            raise InputError(f"not valid {name} after its byte-order mark "
                             f"(byte {exc.start + len(bom)})", path=source, code="CF910") from None
        line = body[: exc.start].count(b"\n") + 1
        hint = " (it looks like Windows-1251: re-save it as UTF-8)" if _is_cp1251(body) else ""
        raise InputError(f"not valid {encoding.upper()} at byte {exc.start}{hint}", path=source,
                         line=line, code="CF910") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError("binary data (NUL byte) in a text file", path=source, line=line,
                         code="CF910")
    plain, endings = split_newlines(text)
    return Decoded(plain, encoding, bom, endings)


def _detect_encoding(data: bytes) -> tuple[bytes, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return bom, encoding
    guessed = _guess_utf16_32(data)
    return b"", guessed or "utf-8"


def _guess_utf16_32(data: bytes) -> str | None:
    """UTF-16/32 without a BOM: UTF-8 text has no NUL bytes, while UTF-16 text has them in the
    high byte of every ASCII character (spaces, digits, punctuation — in Cyrillic text too) and
    UTF-32 in two or three bytes of every character. The candidate must decode to text without
    control characters."""
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head:
        return None
    n = len(head) - len(head) % 4
    nuls = [sum(1 for i in range(k, n, 4) if head[i] == 0) for k in range(4)]
    units = n // 4
    candidates: list[str] = []
    if nuls[2] == nuls[3] == units and nuls[1] > units // 2:
        candidates.append("utf-32-le")
    if nuls[0] == nuls[1] == units and nuls[2] > units // 2:
        candidates.append("utf-32-be")
    even, odd = nuls[0] + nuls[2], nuls[1] + nuls[3]
    if odd > 4 * even:
        candidates.append("utf-16-le")
    if even > 4 * odd:
        candidates.append("utf-16-be")
    for encoding in candidates:
        width = 4 if "32" in encoding else 2
        sample = head[: len(head) - len(head) % width]
        try:
            text = sample.decode(encoding, errors="strict" if len(data) == len(head) else "ignore")
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if c < " " and c not in "\t\n\r")
        if controls * 50 <= len(text):
            return encoding
    return None


def decode(data: bytes, *, source: str) -> str:
    """Bytes → text with LF line endings (see `decode_bytes`)."""
    return decode_bytes(data, source=source).text


def _is_cp1251(data: bytes) -> bool:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return False
    return bool(re.search("[а-яА-ЯёЁ]{3}", text))


def read_file(path: str) -> Decoded:
    """Read `path` (or standard input for `-`): the decoded text, how to write it back, and its
    stamp. Every failure is a one-line `InputError`."""
    if path == "-":
        from citefmt.limits import INPUT_BYTES

        # one byte over the limit is enough to refuse: never read an endless pipe into memory
        return decode_bytes(_read_at_most(sys.stdin.buffer, INPUT_BYTES.value + 1),
                            source="<stdin>")
    p = Path(path)
    try:
        with p.open("rb") as handle:
            st = os.fstat(handle.fileno())
            from citefmt.limits import INPUT_BYTES, check_input_size

            check_input_size(st.st_size, source=path)
            data = _read_at_most(handle, INPUT_BYTES.value + 1, st.st_size)
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    decoded = decode_bytes(data, source=path)
    # speed: imported where used, not at the top: a run reading no file (standard input,
    # --help) skips it (~3 ms measured with -X importtime)
    import hashlib

    stamp = Stamp(len(data), st.st_mtime_ns, hashlib.sha256(data).hexdigest())
    return Decoded(decoded.text, decoded.encoding, decoded.bom, decoded.endings, stamp)


def _read_at_most(handle: BinaryIO, limit: int, size_hint: int = 0) -> bytes:
    """Up to `limit` bytes: the file's own size (+1, to see it end) first, then 64 KB chunks.
    `read(limit)` would allocate the whole limit up front (64 MB for every file), and a device
    or pipe that reports size 0 may never end."""
    chunks: list[bytes] = []
    total = 0
    step = size_hint + 1 if size_hint > 0 else 1 << 16
    while total < limit:
        chunk = handle.read(min(step, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if size_hint and len(chunk) < step:
            break  # a regular file that ended where its size said
        step = 1 << 16
    return b"".join(chunks)


def read_source(path: str) -> str:
    """Read `path` (or standard input for `-`) as text with LF line endings."""
    return read_file(path).text


def atomic_write(path: str | Path, text: str, *, like: Decoded | None = None) -> None:
    """Replace `path` with `text` atomically: a crash leaves the old file or the new one, never
    half of either.

    Without `like`, `text` is stored verbatim as UTF-8. With `like` (what `read_file` returned
    for this path), `text` has LF endings and is stored with the original line endings,
    encoding and BOM — and the write is refused when the file changed since it was read.
    Symlinks are followed; a file without write permission is refused (even for root).
    """
    target = Path(os.path.realpath(path))
    shown = str(path)
    data = like.encode(text) if like is not None else text.encode("utf-8", "surrogatepass")
    directory = target.parent
    mode = _writable_mode(target, shown)
    if not directory.is_dir():
        raise OutputError(f"cannot write: directory {str(directory)!r} does not exist",
                          path=shown, code="CF921")
    if not _has_write_bits(directory):
        raise OutputError("cannot write: the directory is read-only", path=shown, code="CF922")
    clean_stale_temporaries(directory)
    if like is not None and like.stamp is not None:
        _refuse_if_changed(target, like.stamp, shown)
    tmp = directory / f".{target.name}.citefmt-{os.getpid()}{_TMP_SUFFIX}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        if like is not None and like.stamp is not None:
            _refuse_if_changed(target, like.stamp, shown)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=shown,
                              code="CF920") from None
        raise
    _fsync_directory(directory)


def _writable_mode(target: Path, shown: str) -> int | None:
    """The permission bits to keep (None for a new file); a read-only file is refused."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=shown, code="CF920") from None
    if target.is_dir():
        raise OutputError("cannot write: is a directory", path=shown, code="CF920")
    mode = st.st_mode & 0o7777
    if not mode & 0o222:
        raise OutputError("refused: the file is read-only (make it writable to let citefmt "
                          "rewrite it)", path=shown, code="CF923")
    return mode


def _has_write_bits(directory: Path) -> bool:
    try:
        return bool(directory.stat().st_mode & 0o222) and os.access(directory, os.W_OK)
    except OSError:
        return False


def _refuse_if_changed(target: Path, stamp: Stamp, shown: str) -> None:
    try:
        st = target.stat()
    except FileNotFoundError:
        raise OutputError("refused: the file was removed while citefmt worked on it",
                          path=shown, code="CF924") from None
    if st.st_size == stamp.size and st.st_mtime_ns == stamp.mtime_ns:
        return
    import hashlib  # speed: see read_file

    with contextlib.suppress(OSError):
        if st.st_size == stamp.size and \
                hashlib.sha256(target.read_bytes()).hexdigest() == stamp.sha256:
            return
    raise OutputError("refused: the file changed while citefmt worked on it (run again)",
                      path=shown, code="CF924")


def clean_stale_temporaries(directory: Path) -> None:
    """Remove temporary files that a killed citefmt run left in `directory` (their process is
    gone)."""
    try:
        names = [n for n in os.listdir(directory) if n.endswith(".tmp") and ".citefmt-" in n]
    except OSError:
        return
    for name in names:
        match = _TMP_RE.match(name)
        if match is None or _process_alive(int(match.group("pid"))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(directory / name)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (best effort: not every filesystem allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def scrub_surrogates(text: str) -> tuple[str, int]:
    """Lone UTF-16 surrogates (from a JSON/YAML escape such as "\\ud800") → U+FFFD, with how
    many were replaced; such text cannot be written in any Unicode encoding."""
    if not _SURROGATE_RE.search(text):
        return text, 0
    return _SURROGATE_RE.subn("\ufffd", text)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def atomic_write_all(texts: Mapping[str, str],
                     like: Mapping[str, Decoded] | None = None) -> None:
    """Write several files as one step (`--rekey`: a .bib and the manuscripts citing it):
    each through `atomic_write`; when one write fails, the files already written get their
    old bytes back, so the set is either all new or all old. `like` gives each file's
    decoding (encoding, BOM, line endings) to write it back with. Added for issue 9 (fix9)."""
    originals: dict[str, bytes | None] = {}
    for path in texts:
        try:
            originals[path] = Path(path).read_bytes()
        except FileNotFoundError:
            originals[path] = None
    written: list[str] = []
    try:
        for path, text in texts.items():
            atomic_write(path, text, like=(like or {}).get(path))
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
    # speed: imported where used, not at the top: with shutil and random ~4 ms of every
    # start-up (-X importtime), and only a byte restore needs it
    import tempfile

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
