"""Errors that stop a command, each with the exit status the CLI turns it into.

Problems *in the user's files* are not exceptions: they are collected as
:class:`cmwreport.problems.Problem` records so that all of them are reported at once.
These exceptions are for what makes a command unable to go on (no workspace, a bad
option value, a render gate not met). Constructors take data and build the message in the
user's interface language; they never print.
"""

from __future__ import annotations

from pathlib import Path

from cmwreport.i18n import t


class CmwReportError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(CmwReportError):
    """The command was called wrongly (bad option value, unknown body code)."""

    exit_code = 2


class NoWorkspaceError(UsageError):
    """The root folder holds no workspace."""

    def __init__(self, root: Path, lang: str = "en") -> None:
        super().__init__(t("err.no_workspace", lang, root=str(root)))
        self.root = root


class UnknownMinistryOption(UsageError):
    """``--ministry CODE`` names a body that ministries.yaml lacks."""

    def __init__(
        self, code: str, known: list[str], lang: str = "en", *, option: str = "--ministry"
    ) -> None:
        super().__init__(
            t("err.unknown_ministry_option", lang, option=option, code=code, known=", ".join(known))
        )
        self.code = code


class WorkspaceInvalidError(CmwReportError):
    """The workspace has errors that make the command's output meaningless."""

    def __init__(self, errors: int, lang: str = "en") -> None:
        super().__init__(t("err.workspace_invalid", lang, count=errors))
        self.errors = errors


class GateError(CmwReportError):
    """A gate (``render --final``) is not met; nothing was written."""

    def __init__(self, message: str, gaps: list[str]) -> None:
        super().__init__(message)
        self.gaps = gaps


class OutputError(CmwReportError):
    """An output file could not be written."""

    def __init__(self, path: Path, reason: str, lang: str = "en") -> None:
        super().__init__(t("err.output", lang, path=str(path), reason=reason))
        self.path = path


class InputFileError(CmwReportError):
    """A file given on the command line (snapshot, form) cannot be used."""

    def __init__(self, path: Path, reason: str, lang: str = "en") -> None:
        super().__init__(t("err.input_file", lang, path=str(path), reason=reason))
        self.path = path
