"""What the statistics are broken down by: a unit's ``data:`` against its tables (SPEC 6).

The one rule behind ``missing-disaggregation`` in ``check`` and the "missing breakdowns"
of every coverage output. A breakdown the unit asks for (``data: [sex, age]``) is given
by a table when its words appear, in order and without regard to case, in one of the
table's labels: the entries of its ``by:`` when it has one, else its title and each of its
column headings. A word also matches its English plural (``sector`` / ``sectors``,
``country`` / ``countries``). A unit is complete when the tables of all its answers
together give every breakdown; which body's table gives which does not matter.

Light: no heavy imports, so ``check`` stays fast.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cmwreport.models import Table
    from cmwreport.workspace import AnswerEntry, Unit, Workspace

_WORD = re.compile(r"[^\W_]+")
_SIBILANT_ES = re.compile(r"(?:s|x|z|ch|sh)es$")


def _singular(word: str) -> str:
    """*word* without an English plural ending (``countries``: ``country``)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if _SIBILANT_ES.search(word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=4096)
def words(text: str) -> str:
    """The words of *text*, case folded and singular, one space apart and around."""
    return " " + " ".join(_singular(w) for w in _WORD.findall(text.casefold())) + " "


def labels(table: Table) -> list[str]:
    """The labels a table's breakdowns are read from: its ``by:``, else title and headings."""
    if table.by:
        return [str(value) for value in table.by]
    return [table.title, *(str(column) for column in table.columns)]


def _given(breakdown: str, read: list[str]) -> bool:
    """Whether the words of *breakdown* appear, one after the other, in one of *read*."""
    wanted = words(breakdown)
    if not wanted.strip():  # no letters or digits to look for (``data: ["%"]``)
        return True
    return any(wanted in label for label in read)


def gives(table: Table, breakdown: str) -> bool:
    """Whether *table* gives the statistics broken down by *breakdown*."""
    return _given(breakdown, [words(label) for label in labels(table)])


def missing_breakdowns(data: Sequence[str], tables: Iterable[Table]) -> tuple[str, ...]:
    """The breakdowns of *data* that none of *tables* gives, in the order of *data*.

    Without any table every breakdown is missing. A breakdown named twice (``Sex``,
    ``sex``) is listed once.
    """
    read = [words(label) for table in tables for label in labels(table)]
    missing: dict[str, str] = {}
    for breakdown in data:
        key = words(breakdown)
        if key not in missing and not _given(breakdown, read):
            missing[key] = breakdown
    return tuple(missing.values())


def unit_inputs(ws: Workspace, unit: Unit) -> list[AnswerEntry]:
    """The answers whose tables count for *unit*: those the draft report shows for it."""
    return ws.inputs(unit)


def unit_missing_breakdowns(
    ws: Workspace, unit: Unit, inputs: list[AnswerEntry] | None = None
) -> tuple[str, ...]:
    """The breakdowns *unit* asks for that no table of its answers (*inputs*) gives yet."""
    if not unit.data:
        return ()
    entries = unit_inputs(ws, unit) if inputs is None else inputs
    return missing_breakdowns(unit.data, (t for e in entries for t in e.answer.tables))
