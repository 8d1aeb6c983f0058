"""Coverage: the state of every unit and who still owes what. Pure computation, no I/O.

The :class:`Coverage` record is what every coverage output renders (terminal table,
Markdown, CSV, JSON, HTML, XLSX); :meth:`Coverage.as_json` is the JSON of SPEC.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cmwreport.text import first_words
from cmwreport.workspace import Unit, Workspace

STATES = ("unanswered", "draft", "submitted", "approved")
"""Unit states from worst to best."""


@dataclass(frozen=True)
class UnitCoverage:
    """One unit's state and who has and has not answered it."""

    id: str
    paragraph: int
    item: str | None
    section: str
    lead: str | None
    contributors: tuple[str, ...]
    state: str
    answered_by: tuple[str, ...]
    missing: tuple[str, ...]
    statuses: dict[str, str]
    """Each answering body's status for this unit."""
    question: str
    """The question's first words, in the report's language when available."""

    def as_json(self) -> dict[str, Any]:
        """The unit as in SPEC.md (plus ``statuses`` and ``question``)."""
        return {
            "id": self.id,
            "paragraph": self.paragraph,
            "item": self.item,
            "section": self.section,
            "lead": self.lead,
            "contributors": list(self.contributors),
            "state": self.state,
            "answered_by": list(self.answered_by),
            "missing": list(self.missing),
            "statuses": dict(self.statuses),
            "question": self.question,
        }


@dataclass(frozen=True)
class MinistryCoverage:
    """One body's figures: units assigned, answered by it, approved, still owed."""

    code: str
    name: str
    abbreviation: str
    coordinator: bool
    assigned: int
    answered: int
    approved: int
    unanswered: tuple[str, ...]
    given: dict[str, str]
    """Units the body has answered (assigned or not) and its status for each."""

    def as_json(self) -> dict[str, Any]:
        """The body as in SPEC.md (plus ``name`` and ``given``)."""
        return {
            "code": self.code,
            "name": self.name,
            "assigned": self.assigned,
            "answered": self.answered,
            "approved": self.approved,
            "unanswered": list(self.unanswered),
            "given": dict(self.given),
        }


@dataclass(frozen=True)
class SectionCoverage:
    """A section's figures (its subsections included)."""

    id: str
    title: str
    depth: int
    units: int
    unanswered: int
    states: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        """The section as in SPEC.md (plus ``depth`` and ``states``)."""
        return {
            "id": self.id,
            "title": self.title,
            "units": self.units,
            "unanswered": self.unanswered,
            "depth": self.depth,
            "states": dict(self.states),
        }


@dataclass(frozen=True)
class Change:
    """A unit whose state moved since a snapshot (``from`` is ``None`` for a new unit)."""

    id: str
    before: str | None
    after: str | None

    def as_json(self) -> dict[str, Any]:
        """``{"id", "from", "to"}``."""
        return {"id": self.id, "from": self.before, "to": self.after}


@dataclass
class Coverage:
    """The whole coverage summary."""

    state: str
    symbol: str
    report_symbol: str | None
    language: str
    generated: dt.date
    totals: dict[str, int]
    units: list[UnitCoverage]
    ministries: list[MinistryCoverage]
    sections: list[SectionCoverage]
    words: int
    limit: int
    ministry: str | None = None
    changes: list[Change] | None = None
    since: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The JSON document of SPEC.md; extra keys are additions, never renames."""
        result: dict[str, Any] = {
            "totals": dict(self.totals),
            "units": [u.as_json() for u in self.units],
            "ministries": [m.as_json() for m in self.ministries],
            "sections": [s.as_json() for s in self.sections],
            "words": {"total": self.words, "limit": self.limit, "language": self.language},
            "report": {
                "state": self.state,
                "list_of_issues": self.symbol,
                "symbol": self.report_symbol,
                "generated": self.generated.isoformat(),
                "ministry": self.ministry,
            },
        }
        if self.changes is not None:
            result["changes"] = [c.as_json() for c in self.changes]
        if self.since is not None:
            result["since"] = self.since
        return result


def _text_in(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or next((v for v in texts.values() if v), "")


def unit_coverage(ws: Workspace, unit: Unit) -> UnitCoverage:
    """The coverage of one unit."""
    statuses: dict[str, str] = {}
    for entry in ws.answers_by_unit.get(unit.id, []):
        if entry.empty:
            continue
        previous = statuses.get(entry.ministry)
        if previous is None or STATES.index(entry.status) > STATES.index(previous):
            statuses[entry.ministry] = entry.status
    state = max(statuses.values(), key=STATES.index, default="unanswered")
    order = {code: i for i, code in enumerate(unit.assigned)}
    answered_by = tuple(sorted(statuses, key=lambda c: (order.get(c, len(order)), c)))
    missing = tuple(code for code in unit.assigned if code not in statuses)
    return UnitCoverage(
        id=unit.id,
        paragraph=unit.paragraph,
        item=unit.item,
        section=unit.section,
        lead=unit.lead,
        contributors=unit.contributors,
        state=state,
        answered_by=answered_by,
        missing=missing,
        statuses=statuses,
        question=first_words(_text_in(unit.text, ws.language)),
    )


def compute_coverage(
    ws: Workspace, *, ministry: str | None = None, today: dt.date | None = None
) -> Coverage:
    """Compute the coverage of *ws*; with *ministry*, only that body's units and figures."""
    all_units = [unit_coverage(ws, u) for u in ws.units]
    if ministry is not None:
        units = [
            u for u in all_units
            if ministry in (u.lead, *u.contributors) or ministry in u.statuses
        ]
    else:
        units = all_units
    totals = {"units": len(units)}
    for state in STATES:
        totals[state] = sum(1 for u in units if u.state == state)
    codes = [ministry] if ministry is not None else list(ws.ministries)
    ministries = [_ministry(ws, code, all_units) for code in codes]
    by_id = {u.id: u for u in units}
    sections: list[SectionCoverage] = []
    for top in ws.sections:
        for section in top.walk():
            members = [by_id[u.id] for u in section.all_units() if u.id in by_id]
            if not members and ministry is not None:
                continue
            states = {s: sum(1 for u in members if u.state == s) for s in STATES}
            sections.append(
                SectionCoverage(
                    id=section.id,
                    title=_text_in(section.title, ws.language),
                    depth=section.depth,
                    units=len(members),
                    unanswered=states["unanswered"],
                    states=states,
                )
            )
    loipr = ws.loipr
    return Coverage(
        state=loipr.state if loipr else "",
        symbol=loipr.symbol if loipr else "",
        report_symbol=loipr.report.symbol if loipr else None,
        language=ws.language,
        generated=today or dt.date.today(),
        totals=totals,
        units=units,
        ministries=ministries,
        sections=sections,
        words=ws.report_words(),
        limit=ws.word_limit,
        ministry=ministry,
    )


def _ministry(ws: Workspace, code: str, units: list[UnitCoverage]) -> MinistryCoverage:
    record = ws.ministries.get(code)
    lang = ws.language
    name = _text_in(_as_texts(record.name if record else code), lang)
    abbreviation = _text_in(_as_texts(record.abbreviation if record else None), lang)
    assigned = [u for u in units if code == u.lead or code in u.contributors]
    answered = [u for u in assigned if code in u.statuses]
    approved = [u for u in answered if u.statuses[code] == "approved"]
    return MinistryCoverage(
        code=code,
        name=name,
        abbreviation=abbreviation or code,
        coordinator=bool(record and record.coordinator),
        assigned=len(assigned),
        answered=len(answered),
        approved=len(approved),
        unanswered=tuple(u.id for u in assigned if code not in u.statuses),
        given={u.id: u.statuses[code] for u in units if code in u.statuses},
    )


def _as_texts(value: str | dict[str, str] | None) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"": value}
    return value
