"""Coverage snapshots: reading the JSON saved at an earlier meeting and what moved since.

``coverage --format json --output FILE`` writes a snapshot; ``coverage --since FILE`` reads
it here (:func:`read_snapshot`), compares it with the coverage of now
(:func:`compare_snapshot`) and adds the result to it (:func:`apply_snapshot`). The file is
read and validated here, so that :mod:`cmwreport.coverage` stays pure computation.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cmwreport.coverage import STATES, BodyProgress, Change, Coverage, Since, UnitCoverage
from cmwreport.errors import InputFileError
from cmwreport.i18n import t
from cmwreport.workspace import ANSWERS_DIR, unreadable_bodies

SNAPSHOT_MAX_BYTES = 50_000_000
"""A coverage snapshot of even a very large list of issues is far smaller than this."""


class SnapshotNotFoundError(InputFileError):
    """``--since FILE`` names a file that does not exist (a usage error, exit 2)."""

    exit_code = 2


@dataclass(frozen=True)
class SnapshotUnit:
    """One unit as a snapshot recorded it."""

    id: str
    state: str
    statuses: dict[str, str]
    """Each body's status; rebuilt from ``answered_by`` when the snapshot lacks it."""
    assigned: tuple[str, ...]
    implementation: str | None = None
    """A recommendation's implementation, in a snapshot of the follow-up."""


@dataclass(frozen=True)
class Snapshot:
    """A coverage JSON saved at an earlier meeting."""

    file: str
    units: dict[str, SnapshotUnit]
    """By id, in the snapshot's order."""
    list_of_issues: str | None
    generated: dt.date | None
    ministry: str | None
    unreadable: frozenset[str] = frozenset()
    """Bodies whose answers file held errors when the snapshot was taken."""
    observations: str | None = None
    """For a snapshot of the follow-up (``coverage --follow-up``): the observations' symbol."""
    follow_up: bool = False
    """Whether it is a snapshot of the follow-up rather than of the report's coverage."""


def read_snapshot(path: Path, *, lang: str = "en") -> Snapshot:
    """Read and validate a snapshot written by ``coverage --format json --output FILE``.

    Raises :class:`SnapshotNotFoundError` when there is no such file and
    :class:`InputFileError` when the file is not a coverage snapshot.
    """
    path = Path(path)
    if not path.is_file():
        raise SnapshotNotFoundError(path, t("snap.not_found", lang), lang)
    try:
        size = path.stat().st_size
        if size > SNAPSHOT_MAX_BYTES:
            raise InputFileError(path, t("snap.too_big", lang, size=size), lang)
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, exc.strerror or str(exc), lang) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(path, t("snap.not_text", lang), lang) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            path, t("snap.not_json", lang, line=exc.lineno, column=exc.colno), lang
        ) from None
    except RecursionError:
        raise InputFileError(path, t("snap.not_snapshot", lang), lang) from None
    return _parse_snapshot(path, data, lang)


def _parse_snapshot(path: Path, data: Any, lang: str) -> Snapshot:
    if not isinstance(data, dict) or not isinstance(data.get("units"), list):
        raise InputFileError(path, t("snap.not_snapshot", lang), lang)
    units: dict[str, SnapshotUnit] = {}
    for number, record in enumerate(data["units"], start=1):
        unit = _snapshot_unit(record)
        if unit is None:
            raise InputFileError(path, t("snap.bad_unit", lang, number=number), lang)
        if unit.id in units:
            raise InputFileError(path, t("snap.duplicate_unit", lang, id=unit.id), lang)
        units[unit.id] = unit
    report = data.get("report")
    report = report if isinstance(report, dict) else {}
    symbol = report.get("list_of_issues")
    ministry = report.get("ministry")
    errors = data.get("errors")
    files = [
        e["file"]
        for e in (errors if isinstance(errors, list) else [])
        if isinstance(e, dict) and isinstance(e.get("file"), str)
    ]
    return Snapshot(
        file=str(path),
        units=units,
        list_of_issues=symbol if isinstance(symbol, str) and symbol else None,
        generated=_date_or_none(report.get("generated")),
        ministry=ministry if isinstance(ministry, str) and ministry else None,
        unreadable=unreadable_bodies(f for f in files if f.startswith(f"{ANSWERS_DIR}/")),
        **_follow_up_of(data),
    )


def _follow_up_of(data: dict[str, Any]) -> dict[str, Any]:
    """What the ``follow_up`` part of a snapshot says: whether it is one, and its symbol."""
    part = data.get("follow_up")
    if not isinstance(part, dict):
        return {}
    symbol = part.get("observations")
    return {
        "follow_up": True,
        "observations": symbol if isinstance(symbol, str) and symbol else None,
    }


def _snapshot_unit(record: Any) -> SnapshotUnit | None:
    """One unit of a snapshot, or ``None`` when it is not one."""
    if not isinstance(record, dict):
        return None
    uid, state = record.get("id"), record.get("state")
    if not isinstance(uid, str) or not uid or state not in STATES:
        return None
    answered = STATES[1:]
    raw = record.get("statuses")
    if isinstance(raw, dict):
        if not all(isinstance(k, str) and v in answered for k, v in raw.items()):
            return None
        statuses = dict(raw)
    else:
        by = record.get("answered_by")
        codes = [c for c in by if isinstance(c, str)] if isinstance(by, list) else []
        # Without per-body statuses, each answering body is taken at the unit's state.
        statuses = {c: state for c in codes} if state in answered else {}
    lead = record.get("lead")
    contributors = record.get("contributors")
    assigned = [lead] if isinstance(lead, str) else []
    if isinstance(contributors, list):
        assigned += [c for c in contributors if isinstance(c, str)]
    implementation = record.get("implementation")
    return SnapshotUnit(
        id=uid,
        state=state,
        statuses=statuses,
        assigned=tuple(assigned),
        implementation=implementation if isinstance(implementation, str) else None,
    )


def _date_or_none(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def compare_snapshot(
    cov: Coverage, snap: Snapshot, *, lang: str = "en"
) -> tuple[list[Change], Since]:
    """What moved between *snap* and *cov*: the unit changes and the progress summary.

    A snapshot of the whole workspace goes with any summary; one limited to a body only
    with ``--ministry`` of that body. Units the snapshot lacks are new (``from`` null),
    units the list of issues no longer has are removed (``to`` null).
    """
    path = Path(snap.file)
    if snap.list_of_issues and cov.symbol and snap.list_of_issues != cov.symbol:
        raise InputFileError(
            path,
            t("snap.other_loipr", lang, theirs=snap.list_of_issues, ours=cov.symbol),
            lang,
        )
    _same_kind(cov, snap, path, lang)
    if snap.ministry is not None and snap.ministry != cov.ministry:
        raise InputFileError(path, t("snap.other_body", lang, code=snap.ministry), lang)
    code = cov.ministry
    existing = set(cov.all_unit_ids)
    relevant = [
        u for u in snap.units.values() if code is None or code in u.assigned or code in u.statuses
    ]
    changes: list[Change] = []
    forward: list[str] = []
    back: list[str] = []
    added: list[str] = []
    not_counted: list[str] = []
    # A body whose file could not be read, then or now, moved nothing: its units' change
    # of state is the file's repair (or breakage), not progress.
    broken = snap.unreadable | cov.unreadable
    for unit in cov.units:
        old = snap.units.get(unit.id)
        if old is None:
            added.append(unit.id)
            changes.append(Change(unit.id, None, unit.state))
        elif old.state != unit.state:
            changes.append(Change(unit.id, old.state, unit.state))
            if broken and _best(old.statuses, broken) == _best(unit.statuses, broken):
                not_counted.append(unit.id)
                continue
            better = STATES.index(unit.state) > STATES.index(old.state)
            (forward if better else back).append(unit.id)
    removed = [u.id for u in relevant if u.id not in existing]
    changes += [Change(uid, snap.units[uid].state, None) for uid in removed]
    shown = {u.id for u in cov.units}
    totals = {"units": 0, **dict.fromkeys(STATES, 0)}
    for old in relevant:
        if old.id in shown or old.id not in existing:
            totals["units"] += 1
            totals[old.state] += 1
    bodies = tuple(
        _body_progress(
            m.code,
            cov.units,
            snap,
            broken_then=m.code in snap.unreadable,
            broken_now=m.code in cov.unreadable,
        )
        for m in cov.ministries
    )
    since = Since(
        file=snap.file,
        generated=snap.generated,
        list_of_issues=snap.list_of_issues,
        ministry=snap.ministry,
        totals=totals,
        forward=tuple(forward),
        back=tuple(back),
        added=tuple(added),
        removed=tuple(removed),
        bodies=bodies,
        not_counted=tuple(not_counted),
        unreadable_then=tuple(sorted(snap.unreadable)),
        implementation=_implementation_moves(cov, snap),
    )
    return changes, since


def _implementation_moves(cov: Coverage, snap: Snapshot) -> tuple[Change, ...]:
    """The recommendations whose implementation differs from the snapshot's (follow-up only)."""
    if cov.follow_up is None:
        return ()
    moves = []
    for unit in cov.units:
        old = snap.units.get(unit.id)
        if old is not None and old.implementation and old.implementation != unit.implementation:
            moves.append(Change(unit.id, old.implementation, unit.implementation))
    return tuple(moves)


def _same_kind(cov: Coverage, snap: Snapshot, path: Path, lang: str) -> None:
    """Refuse a snapshot of the report for the follow-up, and the other way round."""
    if cov.follow_up is None and snap.follow_up:
        raise InputFileError(path, t("snap.follow_up_snapshot", lang), lang)
    if cov.follow_up is not None and not snap.follow_up:
        raise InputFileError(path, t("snap.report_snapshot", lang), lang)
    ours = cov.follow_up.observations if cov.follow_up else None
    if ours and snap.observations and snap.observations != ours:
        raise InputFileError(
            path, t("snap.other_observations", lang, theirs=snap.observations, ours=ours), lang
        )


def _best(statuses: dict[str, str], leave_out: frozenset[str]) -> str:
    """The best of *statuses* leaving out the bodies *leave_out* (``unanswered`` if none)."""
    kept = [STATES.index(s) for code, s in statuses.items() if code not in leave_out]
    return STATES[max(kept)] if kept else "unanswered"


def _body_progress(
    code: str,
    units: list[UnitCoverage],
    snap: Snapshot,
    *,
    broken_then: bool = False,
    broken_now: bool = False,
) -> BodyProgress:
    """What *code* moved since the snapshot.

    Nothing counts forward when its file was unreadable then, and nothing counts back
    when it is unreadable now.
    """
    answered: list[str] = []
    approved: list[str] = []
    went_back: list[str] = []
    for unit in units:
        old = snap.units.get(unit.id)
        before = old.statuses.get(code) if old else None
        now = unit.statuses.get(code)
        if now is not None and before is None:
            answered.append(unit.id)
        if now == "approved" and before != "approved":
            approved.append(unit.id)
        if before is not None and (now is None or STATES.index(now) < STATES.index(before)):
            went_back.append(unit.id)
    if broken_then:
        answered, approved = [], []
    if broken_now:
        went_back = []
    return BodyProgress(code, tuple(answered), tuple(approved), tuple(went_back))


def apply_snapshot(cov: Coverage, path: Path, *, lang: str = "en") -> Coverage:
    """Add to *cov* what moved since the snapshot at *path* (``changes`` and ``since``)."""
    snap = read_snapshot(path, lang=lang)
    cov.changes, cov.since = compare_snapshot(cov, snap, lang=lang)
    return cov
