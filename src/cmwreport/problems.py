"""The ``Problem`` record: one finding in a user's file, and the message it carries.

A leaf module: the loader and the workspace build problems, :mod:`cmwreport.checks` finds
them over a loaded workspace. Messages are catalogue keys (:class:`Msg`), put into words in
the reader's language only when shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from cmwreport.i18n import t

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Msg:
    """A message not yet put into words: a catalogue key and its parameters."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)
    note: Msg | None = None
    """A sentence added after the message (what the problem means for the rest)."""

    def render(self, lang: str) -> str:
        """Return the message in *lang*, rendering nested messages too."""
        params = {k: (v.render(lang) if isinstance(v, Msg) else v) for k, v in self.params.items()}
        text = t(self.key, lang, **params)
        return text + self.note.render(lang) if self.note is not None else text


@dataclass(frozen=True, slots=True)
class Problem:
    """A finding of ``cmwreport check``.

    *file* is relative to the workspace root, *line* is 1-based. *ministries* names the
    bodies the problem concerns, so that ``check --ministry`` can keep only theirs.
    """

    file: str
    line: int
    severity: Severity
    code: str
    msg: Msg
    ministries: frozenset[str] = frozenset()

    def message(self, lang: str = "en") -> str:
        """The message in the interface language *lang*."""
        return self.msg.render(lang)

    def format(self, lang: str = "en") -> str:
        """``FILE:LINE: SEVERITY[CODE] message``."""
        return f"{self.file}:{self.line}: {self.severity}[{self.code}] {self.message(lang)}"

    def as_json(self, lang: str = "en") -> dict[str, object]:
        """The JSON form of SPEC.md: file, line, severity, code, message."""
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
        }


def error(file: str, line: int, code: str, key: str, /, **params: object) -> Problem:
    """An error problem."""
    return Problem(file, line, "error", code, Msg(key, params))


def warning(
    file: str,
    line: int,
    code: str,
    key: str,
    ministries: frozenset[str] = frozenset(),
    /,
    **params: object,
) -> Problem:
    """A warning problem concerning *ministries*."""
    return Problem(file, line, "warning", code, Msg(key, params), ministries)
