"""The closed set of failures that stop a run, their codes, and the one table mapping them to
exit codes.

Per-record problems are `Diagnostic`s (codes in `citefmt.diagnostics.CODES`), not exceptions;
these are for when a whole input or the request itself cannot be used (missing file, malformed
JSON, unknown style, a limit exceeded, an output that cannot be written). Every hard error has
a code in `ERROR_CODES` (CF900–CF949); the CLI prints it at the end of the one-line message and
`citefmt rule CODE` explains it.
"""

from __future__ import annotations

#: Stable codes of hard errors (the run stops for that input) and their one-line meaning.
ERROR_CODES: dict[str, str] = {
    # hostile10: inputs, limits, outputs, internal failures (CF900–CF949)
    "CF900": "input file cannot be read (missing, a directory, no permission)",
    "CF901": "input is not valid in its format (malformed JSON, YAML, XML, BibTeX structure)",
    "CF902": "config file is invalid (TOML syntax, unknown key, wrong type, path outside the "
             "project)",
    "CF903": "style or locale cannot be found, read or used",
    "CF904": "the request is wrong (bad option combination, unknown format name)",
    "CF910": "input is not valid text in its encoding",
    "CF911": "XML refused: it declares a DOCTYPE with entities (or any DOCTYPE in a CSL file)",
    "CF920": "output cannot be written",
    "CF921": "output directory does not exist",
    "CF922": "output directory is read-only",
    "CF923": "file is read-only; --fix does not rewrite it",
    "CF924": "file changed (or vanished) while citefmt worked on it; nothing was written",
    "CF930": "input is larger than the input-size limit",
    "CF931": "JSON or YAML nesting is deeper than the nesting limit",
    "CF932": "BibTeX braces are nested deeper than the brace-depth limit",
    "CF933": "BibTeX @string expansion is larger than the expansion limit",
    "CF934": "YAML uses more aliases than the alias limit",
    "CF948": "interrupted",
    "CF949": "internal error (a bug in citefmt)",
}


class CitefmtError(Exception):
    """A failure a user can act on; printed as one line, never as a traceback.

    Exit 2 (`EXIT_ERROR`): the run produced nothing usable, which a caller must be able to tell
    from exit 1, "output written, but something in it was reported"."""

    exit_code = 2
    #: the code used when the raiser names none
    default_code = "CF900"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 col: int | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.code = code or self.default_code

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

    def format(self) -> str:
        """The line the CLI prints: `path:line: message [CODE]`."""
        return f"{self} [{self.code}]"


class InputError(CitefmtError):
    """An input file is missing, unreadable, or not valid in its format."""


class LimitError(InputError):
    """An input exceeds one of the limits in `citefmt.limits` (the message names the limit and
    how to raise it)."""

    default_code = "CF930"


class ConfigError(InputError):
    """A config file is invalid (a usage problem: exit 2, as pre-commit's bad-config)."""

    exit_code = 2
    default_code = "CF902"


class OutputError(CitefmtError):
    """An output (a `-o` file, a file `--fix` rewrites) cannot or must not be written."""

    default_code = "CF920"


class StyleError(CitefmtError):
    """A style cannot be found, read or used."""

    default_code = "CF903"


class UsageError(CitefmtError):
    """The request itself is wrong (bad option combination, unknown format name)."""

    exit_code = 2
    default_code = "CF904"


#: exit codes, in one place (pre-commit's error_handler model)
EXIT_OK = 0
EXIT_FINDINGS = 1  # something was reported: an entry skipped, findings, files rewritten
EXIT_ERROR = 2  # an input or style that cannot be used at all; nothing was written
EXIT_USAGE = 2  # a wrong command line (click's convention)
EXIT_INTERNAL = 3  # a bug in citefmt (pre-commit's convention), not a problem with the input
EXIT_INTERRUPTED = 130
