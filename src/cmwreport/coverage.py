"""Coverage: the state of every unit and who still owes what. Pure computation, no I/O.

The :class:`Coverage` record is what every coverage output renders (terminal table,
Markdown, CSV, JSON, HTML, XLSX); :meth:`Coverage.as_json` is the JSON of SPEC.md.
Snapshots of earlier meetings are read and compared in :mod:`cmwreport.snapshot`, which
fills :attr:`Coverage.changes` and :attr:`Coverage.since`. The one outside input read
here is the date stamped on the summary (:func:`generated_on`: ``SOURCE_DATE_EPOCH`` or
the clock), unless the caller passes ``today``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from typing import Any

from cmwreport.breakdowns import unit_missing_breakdowns
from cmwreport.checks import check_workspace
from cmwreport.markdown import noted_text, superscript
from cmwreport.models import IMPLEMENTATIONS, pick_text
from cmwreport.problems import Problem
from cmwreport.text import first_words
from cmwreport.workspace import OBSERVATIONS_FILE, Unit, Workspace, unreadable_bodies

STATES = ("unanswered", "draft", "submitted", "approved")
"""Unit states from worst to best."""

IMPLEMENTATION_STATES = (*IMPLEMENTATIONS, "unknown")
"""A recommendation's implementation, least advanced first; ``unknown``: no entry yet."""


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
    subitem: str | None = None
    """The roman numeral of a sub-item (``i`` in ``7(a)(i)``), else None."""
    question_notes: tuple[str, ...] = ()
    """The footnotes cited in :attr:`question` (as ``¹``, ``²`` …), in that order."""
    data: tuple[str, ...] = ()
    """The breakdowns of the statistics the unit asks for (its ``data:``, maybe inherited)."""
    missing_breakdowns: tuple[str, ...] = ()
    """Those of :attr:`data` that no table of its answers gives yet."""

    implementation: str | None = None
    """A recommendation's implementation (the least advanced of its entries'), else None."""
    selected: bool | None = None
    """For a recommendation: whether the Committee selected it for follow-up, else None."""

    def as_json(self) -> dict[str, Any]:
        """The unit as in SPEC.md, plus ``statuses``, ``question``, ``data`` and the rest.

        ``missing_breakdowns`` lists what :attr:`data` asks for that no table gives yet;
        ``subitem`` is there for a sub-item only; a recommendation (``coverage
        --follow-up``) also has ``implementation`` and ``selected``.
        """
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
            "data": list(self.data),
            "missing_breakdowns": list(self.missing_breakdowns),
            **({"subitem": self.subitem} if self.subitem else {}),
            **({"question_notes": list(self.question_notes)} if self.question_notes else {}),
            **(
                {"implementation": self.implementation, "selected": bool(self.selected)}
                if self.implementation is not None
                else {}
            ),
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


@dataclass(frozen=True)
class BodyProgress:
    """What one body moved since the snapshot."""

    code: str
    newly_answered: tuple[str, ...]
    """Units the body had not answered at the snapshot and has now."""
    newly_approved: tuple[str, ...]
    """Units where the body's answer is approved now and was not at the snapshot."""
    went_back: tuple[str, ...]
    """Units where the body's answer has a lower status now (or is gone)."""

    @property
    def moved(self) -> bool:
        """Whether anything moved for this body."""
        return bool(self.newly_answered or self.newly_approved or self.went_back)

    def as_json(self) -> dict[str, Any]:
        """``{"code", "newly_answered", "newly_approved", "went_back"}``."""
        return {
            "code": self.code,
            "newly_answered": list(self.newly_answered),
            "newly_approved": list(self.newly_approved),
            "went_back": list(self.went_back),
        }


@dataclass(frozen=True)
class Since:
    """The comparison with a snapshot taken at an earlier meeting."""

    file: str
    generated: dt.date | None
    """The day the snapshot was taken, when it says."""
    list_of_issues: str | None
    ministry: str | None
    totals: dict[str, int]
    """Units by state at the snapshot (the units this summary covers)."""
    forward: tuple[str, ...]
    """Units whose state is better now."""
    back: tuple[str, ...]
    """Units whose state is worse now."""
    added: tuple[str, ...]
    """Units that the snapshot did not have (the list of issues changed)."""
    removed: tuple[str, ...]
    """Units of the snapshot that the list of issues no longer has."""
    bodies: tuple[BodyProgress, ...]
    not_counted: tuple[str, ...] = ()
    """Units whose state moved only because a body's file could not be read (then or now)."""
    unreadable_then: tuple[str, ...] = ()
    """Bodies whose answers file could not be read (or held errors) at the snapshot."""
    implementation: tuple[Change, ...] = ()
    """For the follow-up: recommendations whose implementation moved (``from`` → ``to``)."""

    def as_json(self) -> dict[str, Any]:
        """The ``since`` part of the JSON output."""
        return {
            "file": self.file,
            "generated": self.generated.isoformat() if self.generated else None,
            "list_of_issues": self.list_of_issues,
            "ministry": self.ministry,
            "totals": dict(self.totals),
            "forward": list(self.forward),
            "back": list(self.back),
            "added": list(self.added),
            "removed": list(self.removed),
            "bodies": [b.as_json() for b in self.bodies],
            "not_counted": list(self.not_counted),
            "unreadable_then": list(self.unreadable_then),
            **(
                {"implementation": [c.as_json() for c in self.implementation]}
                if self.implementation
                else {}
            ),
        }


@dataclass(frozen=True)
class FollowUpInfo:
    """What a follow-up summary (``coverage --follow-up``) adds: the selection and its due date."""

    observations: str
    """The concluding observations' symbol (``CMW/C/IDN/CO/2``)."""
    symbol: str | None
    """The follow-up information's own symbol, once the UN assigns it."""
    due: dt.date | None
    days_left: int | None
    """Days from the summary's date to ``due``; negative when overdue."""
    selected: tuple[str, ...]
    """The selected recommendations this summary covers, in the observations' order."""
    implementation: dict[str, int]
    """The recommendations by implementation (``not-started``, ..., ``unknown``)."""
    order: tuple[str, ...] = ()
    """The recommendations in the observations' order (the units are selected-first)."""

    @property
    def overdue(self) -> bool:
        """Whether the due date has passed."""
        return self.days_left is not None and self.days_left < 0

    def as_json(self) -> dict[str, Any]:
        """The ``follow_up`` part of the JSON output."""
        return {
            "observations": self.observations,
            "symbol": self.symbol,
            "due": self.due.isoformat() if self.due else None,
            "days_left": self.days_left,
            "overdue": self.overdue,
            "selected": list(self.selected),
        }


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
    since: Since | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    all_unit_ids: tuple[str, ...] = ()
    """Every unit of the list of issues (also when the summary is limited to one body)."""
    errors: list[Problem] = field(default_factory=list)
    """The errors of the workspace (as ``check`` shows them): what could not be read."""
    follow_up: FollowUpInfo | None = None
    """Set for the follow-up summary: its units are the recommendations."""

    @property
    def unreadable(self) -> frozenset[str]:
        """Bodies whose answers file could not be read whole (it holds errors)."""
        return unreadable_bodies(e.file for e in self.errors if e.file.startswith("answers/"))

    def error_files(self) -> list[tuple[str, list[Problem]]]:
        """Each file with errors and its errors, in the order ``check`` lists them."""
        files: dict[str, list[Problem]] = {}
        for problem in self.errors:
            files.setdefault(problem.file, []).append(problem)
        return list(files.items())

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        """The JSON document of SPEC.md; extra keys are additions, never renames."""
        result: dict[str, Any] = {
            "errors": [p.as_json(lang) for p in self.errors],
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
            result["since"] = self.since.as_json()
        if self.follow_up is not None:
            result["totals"]["implementation"] = dict(self.follow_up.implementation)
            result["words"]["limit"] = self.limit or None
            result["due"] = self.follow_up.due.isoformat() if self.follow_up.due else None
            result["days_left"] = self.follow_up.days_left
            result["follow_up"] = self.follow_up.as_json()
        return result


def unit_coverage(ws: Workspace, unit: Unit, *, lang: str | None = None) -> UnitCoverage:
    """The coverage of one unit (the question's words in *lang* when the LOIPR has them)."""
    statuses: dict[str, str] = {}
    for entry in ws.answers_by_unit.get(unit.id, []):
        if entry.empty:
            continue
        previous = statuses.get(entry.ministry)
        if previous is None or STATES.index(entry.status) > STATES.index(previous):
            statuses[entry.ministry] = entry.status
    state = ws.best_status(unit)
    order = {code: i for i, code in enumerate(unit.assigned)}
    answered_by = tuple(sorted(statuses, key=lambda c: (order.get(c, len(order)), c)))
    missing = tuple(code for code in unit.assigned if code not in statuses)
    question, notes = question_words(pick_text(unit.text, lang, ws.language))
    obs = ws.observations if unit.file == OBSERVATIONS_FILE else None
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
        question=question,
        subitem=unit.subitem,
        question_notes=notes,
        data=unit.data,
        missing_breakdowns=unit_missing_breakdowns(ws, unit),
        implementation=ws.implementation(unit) if obs is not None else None,
        selected=unit.id in obs.selected if obs is not None else None,
    )


QUESTION_WORDS = 12
"""How many words of a unit's question the coverage outputs show."""


def question_words(text: str) -> tuple[str, tuple[str, ...]]:
    """The first words of a question's *text* (notes cited as ``¹``, ``²`` …) and their notes."""
    notes: list[str] = []
    plain, marks = "", []
    for part in noted_text(text, notes).parts:
        if isinstance(part, int):
            marks.append((len(plain), part))
            plain += superscript(part + 1)
        else:
            plain += part
    words = list(re.finditer(r"\S+", plain))
    cut = words[QUESTION_WORDS - 1].end() if len(words) > QUESTION_WORDS else len(plain)
    cited = sorted({index for at, index in marks if at < cut})
    return first_words(plain, QUESTION_WORDS), tuple(notes[i] for i in cited)


def compute_coverage(
    ws: Workspace,
    *,
    ministry: str | None = None,
    today: dt.date | None = None,
    lang: str | None = None,
    units_of_summary: list[Unit] | None = None,
    errors: list[Problem] | None = None,
) -> Coverage:
    """Compute the coverage of *ws*; with *ministry*, only that body's units and figures.

    Names, section titles and questions are taken in *lang* (the reader's language) when
    the workspace has them, else in the report's language. *units_of_summary* (default:
    every unit, in order) and *errors* (default: those ``check`` finds in *ws*) are given
    by :func:`compute_follow_up_coverage`, which summarises a view of the workspace.
    """
    chosen = ws.units if units_of_summary is None else units_of_summary
    all_units = [unit_coverage(ws, u, lang=lang) for u in chosen]
    if ministry is not None:
        units = [
            u for u in all_units if ministry in (u.lead, *u.contributors) or ministry in u.statuses
        ]
    else:
        units = all_units
    totals = {"units": len(units)}
    for state in STATES:
        totals[state] = sum(1 for u in units if u.state == state)
    codes = [ministry] if ministry is not None else list(ws.ministries)
    ministries = [_ministry(ws, code, all_units, lang) for code in codes]
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
                    title=pick_text(section.title, lang, ws.language),
                    depth=section.depth,
                    units=len(members),
                    unanswered=states["unanswered"],
                    states=states,
                )
            )
    loipr = ws.loipr
    if errors is None:
        checked = check_workspace(ws, ministry=ministry)
        errors = [p for p in checked.problems if p.severity == "error"]
    return Coverage(
        state=loipr.state if loipr else "",
        symbol=loipr.symbol if loipr else "",
        report_symbol=loipr.report.symbol if loipr else None,
        language=ws.language,
        generated=today or generated_on(),
        totals=totals,
        units=units,
        ministries=ministries,
        sections=sections,
        words=ws.report_words(),
        limit=ws.word_limit,
        ministry=ministry,
        all_unit_ids=tuple(u.id for u in all_units),
        errors=errors,
    )


def compute_follow_up_coverage(
    ws: Workspace,
    *,
    ministry: str | None = None,
    today: dt.date | None = None,
    lang: str | None = None,
) -> Coverage:
    """The coverage of the recommendations (``coverage --follow-up``), selected ones first.

    The same summary as :func:`compute_coverage`, over the workspace as the follow-up sees
    it (recommendations as units, follow-up entries as answers); each unit also has its
    implementation and whether it is selected. The errors are those of the whole workspace,
    and the words those of the entries on the selected recommendations (what the follow-up
    information holds) against the selection's ``word_limit`` (0: none given).
    """
    view = ws.follow_up_view()
    obs = ws.observations
    selected = obs.selected if obs is not None else set()
    recommendations = ws.follow_up_units
    ordered = [u for u in recommendations if u.id in selected]
    ordered += [u for u in recommendations if u.id not in selected]
    checked = check_workspace(ws, ministry=ministry)
    cov = compute_coverage(
        view,
        ministry=ministry,
        today=today,
        lang=lang,
        units_of_summary=ordered,
        errors=[p for p in checked.problems if p.severity == "error"],
    )
    cov.sections = [s for s in cov.sections if s.units]
    record = obs.record.follow_up if obs is not None else None
    language = view.language
    cov.words = ws.follow_up_words(lang=language)  # as check and render --follow-up count
    cov.limit = (record.word_limit or 0) if record is not None else 0
    due = record.due if record is not None else None
    shown = {u.id for u in cov.units}
    cov.follow_up = FollowUpInfo(
        observations=obs.symbol if obs is not None else "",
        symbol=record.symbol if record is not None else None,
        due=due,
        days_left=(due - cov.generated).days if due is not None else None,
        selected=tuple(u.id for u in cov.units if u.selected),
        implementation={
            s: sum(1 for u in cov.units if u.implementation == s) for s in IMPLEMENTATION_STATES
        },
        order=tuple(u.id for u in recommendations if u.id in shown),
    )
    return cov


def generated_on() -> dt.date:
    """The date coverage is stamped with: ``SOURCE_DATE_EPOCH``'s (UTC) when set, else today.

    As for the DOCX, so that two runs on the same files give the same bytes.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            pass
    return dt.date.today()


def own_statuses(code: str, units: list[UnitCoverage]) -> dict[str, int]:
    """How many of the units assigned to *code* it has not answered, or answered per status."""
    counts = dict.fromkeys(STATES, 0)
    for unit in units:
        if code == unit.lead or code in unit.contributors:
            counts[unit.statuses.get(code, "unanswered")] += 1
    return counts


def _ministry(
    ws: Workspace, code: str, units: list[UnitCoverage], lang: str | None = None
) -> MinistryCoverage:
    record = ws.ministries.get(code)
    name = pick_text(record.name if record else code, lang, ws.language)
    abbreviation = pick_text(record.abbreviation if record else None, lang, ws.language)
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
