"""The file edge of `check --online`: which files go online, one client per settings, writes.

A file is verified only when its settings say `online` (the `--online` flag, or `online = true`
in its config file). Nothing is imported from httpx/hishel and no cache is opened when no file
is: a pre-commit hook without `online = true` stays offline at no cost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from citefmt.checks.document import Document, read_document
from citefmt.checks.files import FileResult, expand_paths
from citefmt.config import Overrides, Settings, resolve, without_suppressed
from citefmt.diagnostics import Diagnostic, has_errors
from citefmt.errors import CitefmtError, UsageError
from citefmt.online.options import RegistryOptions, registry_options
from citefmt.textio import atomic_write, read_file, read_source

if TYPE_CHECKING:
    # httpx and hishel load only when a file goes online
    from citefmt.online.client import RegistryClient
    from citefmt.online.verify import Answers

ClientFactory = Callable[[RegistryOptions], "RegistryClient"]


@dataclass
class OnlineRun:
    results: list[FileResult] = field(default_factory=list)
    errors: list[CitefmtError] = field(default_factory=list)
    #: requests that reached the network (cache hits excluded), over every client of the run
    requests: int = 0
    verifications: dict[str, Verification] = field(default_factory=dict)

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
                if not settings.online:
                    continue
                if path == "-":
                    # standard input can be read once, and the offline check reads it
                    if overrides.online:
                        run.errors.append(UsageError(
                            "--online needs files; standard input is checked offline only",
                            path="-"))
                    continue
                options = registry_options(settings)
                if options not in clients:
                    clients[options] = _new_client(options, client_factory)
                result, verification = verify_file(path, clients[options], overrides, fix=fix,
                                                   write=not diff, fmt=fmt, progress=progress)
                run.results.append(result)
                run.verifications[path] = verification
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


@dataclass
class Verification:
    """What one file's lookups established, kept so that its findings can be placed again on
    the file's final text after the offline `--fix` rewrote it (no request is repeated)."""

    path: str
    settings: Settings
    fmt: str | None
    options: RegistryOptions
    answers: list[Answers]
    #: (record index, code, message) of the CF713/CF716 notes of `--fix`
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    #: (record index, label) of fields a note already speaks for (their CF712 is dropped)
    announced: set[tuple[int, str]] = field(default_factory=set)

    def diagnostics(self, doc: Document) -> list[Diagnostic]:
        """The findings on `doc` (the file as it now reads), suppressions applied."""
        from citefmt.online.verify import findings

        found = [d for d in findings(doc, self.answers, self.options).diagnostics
                 if not _announced(d, doc, self.announced)]
        found += [Diagnostic(code, message, self.path, doc.records[index].line, 1, "warning")
                  for index, code, message in self.notes]
        return sorted(without_suppressed(found, doc.text, self.settings),
                      key=lambda d: (d.line or 0, d.col or 0, d.code))


def verify_file(path: str, client: RegistryClient, overrides: Overrides, *, fix: bool,
                write: bool = True, fmt: str | None = None,
                progress: bool | None = None) -> tuple[FileResult, Verification]:
    """Look up every reference of one file; with `fix`, place the certain fills and write."""
    from citefmt.online.fill import apply_edits, plan_edits
    from citefmt.online.verify import findings, look_up

    decoded = read_file(path)
    text = original = decoded.text  # LF endings; the writer puts the file's own back
    directory = Path(path).parent if path != "-" else Path.cwd()
    settings = resolve(directory, overrides)
    doc = read_document(text, source=path, settings=settings, fmt=fmt)
    result = FileResult(path, original=original)
    answers = look_up(doc, client, fix=fix, progress=progress)
    verification = Verification(path, settings, fmt, client.options, answers)
    # an unreadable part would be lost by a rewrite: then what could be filled is only reported
    if fix and not has_errors(doc.read_diagnostics):
        fills = findings(doc, answers, client.options, fix=True).fills
        edits, unplaced = plan_edits(doc, fills)
        if edits:
            fixed = apply_edits(text, edits)
            result.fixed = fixed if path != "-" else decoded.restore(fixed)
            if write and path != "-":
                atomic_write(path, fixed, like=decoded)
                again = read_document(fixed, source=path, settings=settings, fmt=fmt)
                if len(again.records) == len(doc.records):
                    doc = again
        for fill in fills:
            placed = fill not in unplaced
            code, verb = ("CF713", "filled") if placed else ("CF716", "cannot place")
            tail = "" if placed else " in this entry's form; add it by hand"
            verification.notes.append((fill.index, code, f"{verb} {fill.label} {fill.shown} "
                                       f"from {fill.record.where}{tail}"))
            # once written, a filled field is no longer missing; in a --diff it still is
            if not placed or result.fixed is None or not write:
                verification.announced.add((fill.index, fill.label))
    result.diagnostics = verification.diagnostics(doc)
    return result, verification


def refresh(run: OnlineRun, paths: Iterable[str]) -> None:
    """Place the findings of `paths` again on their text as it is now (after the offline fix
    rewrote them: a tidied .bib has other line numbers). No request is made."""
    for path in paths:
        verification = run.verifications.get(path)
        if verification is None:
            continue
        try:
            text = read_source(path).replace("\r\n", "\n")
        except CitefmtError:
            continue
        doc = read_document(text, source=path, settings=verification.settings,
                            fmt=verification.fmt)
        if len(doc.records) != len(verification.answers):
            continue
        for result in run.results:
            if result.path == path:
                result.diagnostics = verification.diagnostics(doc)


def _announced(diagnostic: Diagnostic, doc: Document, fills: set[tuple[int, str]]) -> bool:
    """A CF712 "field missing" that a CF713/CF716 about the same field already says."""
    if diagnostic.code != "CF712":
        return False
    lines = {doc.records[index].line: index for index, _ in fills}
    index = lines.get(diagnostic.line)
    return index is not None and any(
        diagnostic.message.startswith(f"{label} missing") for i, label in fills if i == index)
