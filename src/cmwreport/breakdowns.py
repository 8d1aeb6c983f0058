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

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cmwreport.models import Table
    from cmwreport.workspace import AnswerEntry, Unit, Workspace

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> tuple[str, ...]:
    """The words of *text*, case folded (``"Country of destination"`` → 3 words)."""
    return tuple(_WORD.findall(text.casefold()))


def _forms(word: str) -> set[str]:
    """*word* and its English plurals (``country`` → ``countries``, ``sex`` → ``sexes``)."""
    found = {word, word + "s", word + "es"}
    if word.endswith("y") and len(word) > 1:
        found.add(word[:-1] + "ies")
    return found


def _same(a: str, b: str) -> bool:
    """Whether two case-folded words are the same word, or one the plural of the other."""
    return a == b or b in _forms(a) or a in _forms(b)


def _in_label(wanted: tuple[str, ...], label: tuple[str, ...]) -> bool:
    """Whether the words *wanted* appear one after the other in the words of *label*."""
    size = len(wanted)
    return any(
        all(_same(w, label[start + i]) for i, w in enumerate(wanted))
        for start in range(len(label) - size + 1)
    )


def labels(table: Table) -> list[str]:
    """The labels a table's breakdowns are read from: its ``by:``, else title and headings."""
    if table.by:
        return [str(value) for value in table.by]
    return [table.title, *(str(column) for column in table.columns)]


def gives(table: Table, breakdown: str) -> bool:
    """Whether *table* gives the statistics broken down by *breakdown*."""
    wanted = words(breakdown)
    if not wanted:  # no letters or digits to look for (``data: ["%"]``): nothing to miss
        return True
    return any(_in_label(wanted, words(label)) for label in labels(table))


def missing_breakdowns(data: Sequence[str], tables: Iterable[Table]) -> tuple[str, ...]:
    """The breakdowns of *data* that none of *tables* gives, in the order of *data*.

    Without any table every breakdown is missing. A breakdown named twice (``Sex``,
    ``sex``) is listed once.
    """
    tables = list(tables)
    missing: dict[tuple[str, ...], str] = {}
    for breakdown in data:
        key = words(breakdown)
        if key in missing or any(gives(table, breakdown) for table in tables):
            continue
        missing[key] = breakdown
    return tuple(missing.values())


def unit_inputs(ws: Workspace, unit: Unit) -> list[AnswerEntry]:
    """The answers whose tables count for *unit*: those the draft report shows for it."""
    return ws.inputs(unit)


def unit_missing_breakdowns(ws: Workspace, unit: Unit) -> tuple[str, ...]:
    """The breakdowns *unit* asks for that no table of its answers gives yet."""
    if not unit.data:
        return ()
    tables = [table for entry in unit_inputs(ws, unit) for table in entry.answer.tables]
    return missing_breakdowns(unit.data, tables)
