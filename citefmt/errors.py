"""The closed set of failures that stop a run, and the one table mapping them to exit codes.

Per-record problems are `Diagnostic`s, not exceptions; these are for when a whole input or
the request itself cannot be used (missing file, malformed JSON, unknown style).
"""

from __future__ import annotations


class CitefmtError(Exception):
    """A failure a user can act on; printed as one line, never as a traceback.

    Exit 2 (`EXIT_ERROR`): the run produced nothing usable, which a caller must be able to tell
    from exit 1, "output written, but something in it was reported"."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.col is not None:
                    where += f":{self.col}"
            where += ": "
        return f"{where}{self.message}"


class InputError(CitefmtError):
    """An input file is missing, unreadable, or not valid in its format."""


class StyleError(CitefmtError):
    """A style cannot be found, read or used."""


class RenderError(CitefmtError):
    """The CSL engine failed on otherwise valid input."""


class UsageError(CitefmtError):
    """The request itself is wrong (bad option combination, unknown format name)."""

    exit_code = 2


#: exit codes, in one place (pre-commit's error_handler model)
EXIT_OK = 0
EXIT_FINDINGS = 1  # something was reported: an entry skipped, findings, files rewritten
EXIT_ERROR = 2  # an input or style that cannot be used at all; nothing was written
EXIT_USAGE = 2  # a wrong command line (click's convention)
EXIT_INTERNAL = 3  # a bug in citefmt (pre-commit's convention), not a problem with the input
EXIT_INTERRUPTED = 130
