"""The file edge of `check --online`: which files go online, one client per settings, writes.

A file is verified only when its settings say `online` (the `--online` flag, or `online = true`
in its config file). Nothing is imported from httpx/hishel and no cache is opened when no file
is: a pre-commit hook without `online = true` stays offline at no cost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from citefmt.checks.files import FileResult, expand_paths
from citefmt.config import Overrides, resolve, without_suppressed
from citefmt.diagnostics import Diagnostic, has_errors
from citefmt.errors import CitefmtError
from citefmt.online.options import RegistryOptions, registry_options
from citefmt.textio import atomic_write, read_source

if TYPE_CHECKING:
    # httpx and hishel load only when a file goes online
    from citefmt.online.client import RegistryClient

ClientFactory = Callable[[RegistryOptions], "RegistryClient"]


@dataclass
class OnlineRun:
    results: list[FileResult] = field(default_factory=list)
    errors: list[CitefmtError] = field(default_factory=list)
    #: requests that reached the network (cache hits excluded), over every client of the run
    requests: int = 0

    @property
    def findings(self) -> list[Diagnostic]:
        return [d for r in self.results for d in r.diagnostics if d.severity != "info"]

    @property
    def changed(self) -> list[FileResult]:
        return [r for r in self.results if r.fixed is not None]


def verify_paths(paths: list[str], overrides: Overrides, *, fix: bool = False,
                 diff: bool = False, fmt: str | None = None,
                 client_factory: ClientFactory | None = None,
                 progress: bool | None = None) -> OnlineRun:
    """Verify (and with `fix`, fill; with `diff`, only compute the fill of) every online file."""
    run = OnlineRun()
    clients: dict[RegistryOptions, RegistryClient] = {}
    try:
        for path in expand_paths(paths):
            try:
                directory = Path(path).parent if path != "-" else Path.cwd()
                settings = resolve(directory, overrides)
                if not settings.online or (path == "-" and fix and not diff):
                    continue
                options = registry_options(settings)
                if options not in clients:
                    clients[options] = _new_client(options, client_factory)
                run.results.append(verify_file(path, clients[options], overrides, fix=fix,
                                               write=not diff, fmt=fmt, progress=progress))
            except CitefmtError as exc:
                run.errors.append(exc)
    finally:
        for client in clients.values():
            run.requests += client.requests
            client.close()
    return run


def _new_client(options: RegistryOptions, factory: ClientFactory | None) -> RegistryClient:
    if factory is not None:
        return factory(options)
    from citefmt.online.client import RegistryClient

    return RegistryClient(options)


def verify_file(path: str, client: RegistryClient, overrides: Overrides, *, fix: bool,
                write: bool = True, fmt: str | None = None,
                progress: bool | None = None) -> FileResult:
    """Look up every reference of one file; with `fix`, place the certain fills and write."""
    from citefmt.checks.document import read_document
    from citefmt.online.fill import apply_edits, plan_edits
    from citefmt.online.verify import findings, look_up

    original = read_source(path)
    directory = Path(path).parent if path != "-" else Path.cwd()
    settings = resolve(directory, overrides)
    crlf = "\r\n" in original
    text = original.replace("\r\n", "\n") if crlf else original
    doc = read_document(text, source=path, settings=settings, fmt=fmt)
    result = FileResult(path, original=original)
    answers = look_up(doc, client, fix=fix, progress=progress)
    verified = findings(doc, answers, client.options, fix=fix)
    diagnostics = list(verified.diagnostics)
    if fix and verified.fills and not has_errors(doc.read_diagnostics):
        edits, unplaced = plan_edits(doc, verified.fills)
        for fill in verified.fills:
            line = doc.records[fill.index].line
            placed = fill not in unplaced
            code, verb = ("CF713", "filled") if placed else ("CF716", "cannot place")
            tail = "" if placed else " in this entry's form; add it by hand"
            diagnostics.append(Diagnostic(
                code, f"{verb} {fill.label} {fill.shown} from {fill.record.where}{tail}",
                path, line, 1, "warning"))
        if edits:
            fixed = apply_edits(text, edits)
            if crlf:
                fixed = fixed.replace("\n", "\r\n")
            result.fixed = fixed
            if write and path != "-":
                atomic_write(path, fixed)
    result.diagnostics = sorted(without_suppressed(diagnostics, text, settings),
                                key=lambda d: (d.line or 0, d.col or 0, d.code))
    return result
