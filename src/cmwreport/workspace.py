"""The loaded workspace: the questions tree, its units, the bodies and their answers.

:func:`load_workspace` reads every file, keeps every record that validates (one bad
record never hides the others) and records what the checks need to know: duplicates,
unknown codes and questions, where each record sits. It raises only when there is no
workspace at all; problems in files are collected in ``Workspace.problems``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cmwreport.abbreviations import AbbreviationEntry, load_abbreviations
from cmwreport.errors import NoWorkspaceError
from cmwreport.loader import SourceMap, read_yaml, validate, validate_list
from cmwreport.models import (
    IMPLEMENTATIONS,
    QUESTION_ID_RE,
    STATUSES,
    Answer,
    AnswersFile,
    FollowUp,
    Item,
    LocalText,
    Loipr,
    MinistriesFile,
    Ministry,
    ObservationsFile,
    Paragraph,
    ReportMeta,
    Section,
    SubItem,
    parse_question_id,
    parse_unit_id,
    question_id,
    texts_by_language,
)
from cmwreport.problems import Msg, Problem, error
from cmwreport.text import count_words, count_words_in, has_text
from cmwreport.wordcount import follow_up_words, report_words

LOIPR_FILE = "questions/loipr.yaml"
MINISTRIES_FILE = "questions/ministries.yaml"
OBSERVATIONS_FILE = "questions/observations.yaml"
ANSWERS_DIR = "answers"


@dataclass(frozen=True)
class Assignment:
    """Who answers a part of the list and what statistics it asks for, set or inherited."""

    lead: str | None = None
    contributors: tuple[str, ...] = ()
    data: tuple[str, ...] = ()
    observations: tuple[str, ...] = ()
    """The recommendations of the concluding observations the part asks about."""

    @property
    def assigned(self) -> tuple[str, ...]:
        """The lead then the contributors, each once."""
        return tuple(dict.fromkeys(((self.lead,) if self.lead else ()) + self.contributors))


def inherit(parent: Assignment, record: Paragraph | Item | SubItem) -> Assignment:
    """What *record* sets itself, else what its parent has (paragraph → item → sub-item).

    The one rule by which ``lead``, ``contributors``, ``data`` and ``observations`` flow
    downwards.
    """
    return Assignment(
        lead=record.lead or parent.lead,
        contributors=(
            tuple(record.contributors) if record.contributors is not None else parent.contributors
        ),
        data=tuple(record.data) if record.data is not None else parent.data,
        observations=(
            tuple(refs)
            if (refs := getattr(record, "observations", None)) is not None
            else parent.observations
        ),
    )


@dataclass(frozen=True)
class Unit:
    """What can be answered: a paragraph without items, an item without sub-items, a sub-item."""

    id: str
    paragraph: int
    item: str | None
    section: str
    lead: str | None
    contributors: tuple[str, ...]
    data: tuple[str, ...]
    text: dict[str, str]
    line: int
    data_line: int
    file: str = LOIPR_FILE
    """The file the unit is in: the list of issues, or the concluding observations."""
    observations: tuple[str, ...] = ()
    """The recommendations a list-of-issues unit asks about (its own, else its paragraph's)."""
    subitem: str | None = None
    """The roman numeral of a sub-item (``i`` in ``7(a)(i)``), else None."""

    @property
    def assigned(self) -> tuple[str, ...]:
        """The lead then the contributors, each once."""
        seen: dict[str, None] = {}
        for code in ((self.lead,) if self.lead else ()) + self.contributors:
            seen.setdefault(code, None)
        return tuple(seen)


@dataclass
class ItemNode:
    """A lettered item of a paragraph with its units (itself, or one per sub-item)."""

    number: int
    letter: str
    text: dict[str, str]
    assignment: Assignment
    line: int
    has_subitems: bool
    units: list[Unit] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The question id of the item itself (``"7(a)"``)."""
        return question_id(self.number, self.letter)


@dataclass
class ParagraphNode:
    """A paragraph of the list of issues with its units (one, or one per item or sub-item)."""

    number: int
    text: dict[str, str]
    articles: tuple[str, ...]
    lead: str | None
    contributors: tuple[str, ...]
    section: str
    line: int
    has_items: bool
    units: list[Unit] = field(default_factory=list)
    items: list[ItemNode] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The question id of the paragraph itself (``"7"``)."""
        return str(self.number)

    @property
    def assigned(self) -> tuple[str, ...]:
        """The paragraph's own lead then contributors, each once."""
        return Assignment(self.lead, self.contributors).assigned


@dataclass
class SectionNode:
    """A section heading of the list of issues; sections nest."""

    id: str
    title: dict[str, str]
    depth: int
    line: int
    paragraphs: list[ParagraphNode] = field(default_factory=list)
    sections: list[SectionNode] = field(default_factory=list)

    def walk(self) -> Iterable[SectionNode]:
        """This section and every section below it, in order."""
        yield self
        for child in self.sections:
            yield from child.walk()

    def all_units(self) -> Iterable[Unit]:
        """Every unit in this section and below, in the list's order."""
        for paragraph in self.paragraphs:
            yield from paragraph.units
        for child in self.sections:
            yield from child.all_units()


@dataclass
class AnswerEntry:
    """One answer record of one body, where it sits, and what it answers."""

    ministry: str
    file: str
    line: int
    index: int
    answer: Answer | FollowUp
    texts: dict[str, str]
    units: tuple[str, ...]
    """The units this answer counts for: those it names, less those its body answers by name."""
    field_lines: dict[str, int]
    scope: tuple[str, ...] = ()
    """Every unit under the question it names (``7`` → all of 7's units)."""
    empty: bool = field(init=False)
    """True when no language has any text and there is no table (a skeleton)."""
    _text_words: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    """The words of the text by language, each counted once (:meth:`text_words`)."""

    def __post_init__(self) -> None:
        # Plain fields, not cached properties: both are read for every answer of every
        # unit, and a cached property takes a lock on each read in Python 3.11.
        self.empty = not any(map(has_text, self.texts.values())) and not self.answer.tables

    @property
    def question(self) -> str:
        """The question id the answer names (``"7"`` or ``"7(a)"``)."""
        return self.answer.question

    @property
    def status(self) -> str:
        """draft, submitted or approved."""
        return self.answer.status

    @property
    def implementation(self) -> str | None:
        """not-started, partial or implemented for a follow-up entry; None for an answer."""
        return self.answer.implementation if isinstance(self.answer, FollowUp) else None

    def text_in(self, lang: str) -> str:
        """The text in *lang*, or ``""``."""
        return self.texts.get(lang, "")

    def text_words(self, lang: str) -> int:
        """Words of the text in *lang* (:func:`cmwreport.text.count_words`), counted once."""
        counts = self._text_words
        if lang not in counts:
            counts[lang] = count_words(self.texts.get(lang, ""))
        return counts[lang]

    def words(self, lang: str) -> int:
        """Words of the text in *lang* plus the words of its tables."""
        total = self.text_words(lang)
        for table in self.answer.tables:
            total += count_words(table.title) + count_words_in(table.columns)
            total += count_words_in(cell for row in table.rows for cell in row)
            total += count_words(table.source or "")
            total += count_words_in(table.notes)
            total += count_words_in(group.title for group in table.column_groups or ())
        return total


@dataclass(frozen=True)
class Duplicate:
    """An id that appears twice: what kind, which id, where both are."""

    kind: str  # "paragraph", "item", "subitem", "ministry", "section"
    id: str
    file: str
    line: int
    first_line: int


@dataclass(frozen=True)
class UnknownCode:
    """A body code used somewhere that ministries.yaml lacks (or a file/code mismatch)."""

    code: str
    file: str
    line: int
    where: str  # "lead", "contributor", "file", "ministry", "mismatch"
    other: str = ""


@dataclass(frozen=True)
class ObservationRef:
    """A place that names a unit of the concluding observations, to be checked."""

    file: str
    line: int
    id: str
    kind: str  # "loipr" (a list-of-issues paragraph or item), "selection" (follow_up.paragraphs)
    ministries: frozenset[str] = frozenset()


class _QuestionTree:
    """What the list of issues and the concluding observations share.

    Units and paragraphs in order, and the two indexes every lookup goes through.
    """

    units: list[Unit]
    paragraphs: list[ParagraphNode]

    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        """Units by id."""
        return {u.id: u for u in self.units}

    @cached_property
    def paragraph_by_number(self) -> dict[int, ParagraphNode]:
        """Paragraphs by number."""
        return {p.number: p for p in self.paragraphs}


@dataclass
class Observations(_QuestionTree):
    """``questions/observations.yaml`` read: its tree of units and the follow-up selection.

    Its sections, paragraphs and units are built exactly as those of the list of issues;
    a unit with a lead (own or inherited) is a *recommendation*.
    """

    record: ObservationsFile
    sections: list[SectionNode] = field(default_factory=list)
    paragraphs: list[ParagraphNode] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    broken_questions: set[int] = field(default_factory=set)
    selected: set[str] = field(default_factory=set)
    """The unit ids selected for follow-up (a selected paragraph selects all its items)."""
    limit_line: int = 1
    """The line of ``follow_up.word_limit`` (where ``over-word-limit`` points)."""

    @property
    def symbol(self) -> str:
        """The observations' symbol (``CMW/C/IDN/CO/2``)."""
        return self.record.symbol

    @property
    def due(self) -> dt.date | None:
        """The date the follow-up information is due, when the selection gives it."""
        return self.record.follow_up.due if self.record.follow_up else None

    @property
    def recommendations(self) -> list[Unit]:
        """The units with a lead, in the observations' order."""
        return [u for u in self.units if u.lead]

    def units_of(self, unit_id: str) -> tuple[str, ...]:
        """The units ``"23"`` or ``"23(b)"`` stands for; empty when the observations lack it."""
        return _units_in(self.paragraph_by_number, unit_id)


@dataclass
class Workspace(_QuestionTree):
    """Everything read from one workspace folder."""

    root: Path
    loipr: Loipr | None = None
    ministries: dict[str, Ministry] = field(default_factory=dict)
    ministry_lines: dict[str, int] = field(default_factory=dict)
    sections: list[SectionNode] = field(default_factory=list)
    paragraphs: list[ParagraphNode] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    answers: list[AnswerEntry] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    unknown_codes: list[UnknownCode] = field(default_factory=list)
    unknown_questions: list[AnswerEntry] = field(default_factory=list)
    broken_questions: set[int] = field(default_factory=set)
    text_fields: list[tuple[str, int, str, frozenset[str]]] = field(default_factory=list)
    """Every text of the user's files that may reach a DOCX: (file, line, text, bodies)."""
    meta_line: int = 1
    questions_readable: bool = True
    """False when the list of issues could not be read: answers are then not judged."""
    ministries_readable: bool = True
    languages_known: bool = True
    """False when the report's languages could not be read from the list of issues."""
    """False when ministries.yaml could not be read: codes are then not judged."""
    yaml_sources: list[tuple[str, Any, SourceMap, frozenset[str]]] = field(default_factory=list)
    """Each file read: (file, its plain data, how it was written, the bodies it concerns)."""
    unread_bodies: set[str] = field(default_factory=set)
    """Bodies whose answers file could not be read at all: their units are not judged."""
    rejected: dict[str, set[str]] = field(default_factory=dict)
    """Units that an answer record with an error meant to answer, and the bodies that wrote it."""
    abbreviations: list[AbbreviationEntry] = field(default_factory=list)
    """The entries of ``questions/abbreviations.yaml`` (optional), in file order."""
    word_counts: dict[tuple[str, bool], int] = field(default_factory=dict, repr=False)
    """:meth:`report_words` by language and final, once counted (check and coverage ask)."""
    follow_up_counts: dict[tuple[str, bool], int] = field(default_factory=dict, repr=False)
    """:meth:`follow_up_words` by language and final, once counted (check and coverage ask)."""
    observations: Observations | None = None
    """The concluding observations, when ``questions/observations.yaml`` is in use."""
    observations_readable: bool = True
    """False when the observations file is there but could not be read: refs are not judged."""
    follow_ups: list[AnswerEntry] = field(default_factory=list)
    """Every follow-up entry (``follow_up:`` of the answers files) naming a known unit."""
    unknown_follow_ups: list[AnswerEntry] = field(default_factory=list)
    """Follow-up entries naming a unit the observations lack (or with no observations)."""
    follow_up_rejected: dict[str, set[str]] = field(default_factory=dict)
    """As ``rejected``, for follow-up entries with an error."""
    observation_refs: list[ObservationRef] = field(default_factory=list)
    """Every place naming a unit of the observations outside the follow-up entries."""

    # ------------------------------------------------------------------ derived views

    @property
    def meta(self) -> ReportMeta | None:
        """The report metadata, when the list of issues could be read."""
        return self.loipr.report if self.loipr else None

    @property
    def language(self) -> str:
        """The language the report is submitted in."""
        return self.meta.language if self.meta else "en"

    @property
    def drafting_languages(self) -> list[str]:
        """Languages answers may be written in; the first is that of a plain string."""
        return self.meta.languages if self.meta else [self.language]

    @property
    def word_limit(self) -> int:
        """The report's word limit."""
        return self.meta.limit if self.meta else 21200

    @cached_property
    def item_by_id(self) -> dict[str, ItemNode]:
        """Items by id (``"7(a)"``)."""
        return {item.id: item for p in self.paragraphs for item in p.items}

    def assigned_to(self, question: str) -> tuple[str, ...]:
        """The bodies assigned to *question* itself: a paragraph's, an item's or a unit's."""
        number, letter, numeral = parse_unit_id(question)
        if letter is None:
            paragraph = self.paragraph_by_number.get(number)
            if paragraph is not None and paragraph.has_items:
                return paragraph.assigned
        elif numeral is None and question in self.item_by_id:
            item = self.item_by_id[question]
            if item.has_subitems:
                return item.assignment.assigned
        unit = self.unit_by_id.get(question)
        return unit.assigned if unit is not None else ()

    @cached_property
    def answers_by_question(self) -> dict[str, list[AnswerEntry]]:
        """Every answer record by the question id it names."""
        result: dict[str, list[AnswerEntry]] = {}
        for entry in self.answers:
            result.setdefault(entry.question, []).append(entry)
        return result

    def openers(self, question: str, *, final: bool = False) -> list[AnswerEntry]:
        """The answers to the whole of *question* (a paragraph or item with parts), in order.

        Each opens its body's reply to *question*, before the parts, even when the body
        answered every part separately (an introduction). Empty answers never count; in a
        final only approved ones; an answer that a ``consolidated`` one replaces is left out.
        """
        if question in self.unit_by_id:
            return []  # a unit, not a whole with parts
        scope = units_of(self, question)
        entries = [
            a
            for a in self.answers_by_question.get(question, [])
            if not a.empty and (a.status == "approved" or not final)
        ]
        if not entries:
            return []
        inputs = {unit_id: self.inputs(self.unit_by_id[unit_id], final=final) for unit_id in scope}
        shown = [a for a in entries if _opens(a, inputs)]
        return self._in_report_order(shown, self.assigned_to(question))

    @cached_property
    def answers_by_unit(self) -> dict[str, list[AnswerEntry]]:
        """Every answer record covering each unit (a paragraph answer covers its items)."""
        result: dict[str, list[AnswerEntry]] = {u.id: [] for u in self.units}
        for entry in self.answers:
            for unit_id in entry.units:
                result[unit_id].append(entry)
        return result

    def inputs(self, unit: Unit, *, final: bool = False) -> list[AnswerEntry]:
        """The answers that go into the report for *unit*, in the report's order.

        Empty answers never count. In a final, only approved answers. A ``consolidated``
        answer replaces all other inputs. Otherwise the lead comes first, then the
        contributors in their listed order, then any other body in ministries.yaml order.
        """
        entries = [a for a in self.answers_by_unit.get(unit.id, []) if not a.empty]
        if final:
            entries = [a for a in entries if a.status == "approved"]
        consolidated = [a for a in entries if a.answer.consolidated]
        if consolidated:
            entries = consolidated
        return self._in_report_order(entries, unit.assigned)

    def _in_report_order(
        self, entries: list[AnswerEntry], assigned: Sequence[str]
    ) -> list[AnswerEntry]:
        """*entries* in the report's order: the *assigned* bodies first, in their order.

        The lead comes first, then the contributors as listed, then any other body in
        ministries.yaml order; one body's entries by file and line.
        """
        rank = {code: i for i, code in enumerate(assigned)}
        order = {code: i for i, code in enumerate(self.ministries)}
        return sorted(
            entries,
            key=lambda a: (
                rank.get(a.ministry, len(rank)),
                order.get(a.ministry, 10**6),
                a.file,
                a.line,
            ),
        )

    def included_answers(self, *, final: bool = False) -> list[AnswerEntry]:
        """Each answer that appears in the report at least once, counted once."""
        seen: dict[int, AnswerEntry] = {}
        for unit in self.units:
            for entry in self.inputs(unit, final=final):
                seen.setdefault(id(entry), entry)
        for entry in self.answers:
            if not entry.units and entry.scope and id(entry) not in seen:
                if entry in self.openers(entry.question, final=final):
                    seen[id(entry)] = entry  # an introduction to parts all answered by name
        return list(seen.values())

    def report_words(self, *, lang: str | None = None, final: bool = False) -> int:
        """The report's words as the UN counts them: :func:`cmwreport.wordcount.report_words`."""
        key = (lang or self.language, final)
        if key not in self.word_counts:
            self.word_counts[key] = report_words(self, lang=key[0], final=final)
        return self.word_counts[key]

    @property
    def follow_up_units(self) -> list[Unit]:
        """The recommendations to follow up (units of the observations with a lead)."""
        return self.observations.recommendations if self.observations else []

    @cached_property
    def follow_ups_by_unit(self) -> dict[str, list[AnswerEntry]]:
        """Every follow-up entry covering each unit of the observations."""
        units = self.observations.units if self.observations else []
        result: dict[str, list[AnswerEntry]] = {u.id: [] for u in units}
        for entry in self.follow_ups:
            for unit_id in entry.units:
                result[unit_id].append(entry)
        return result

    def implementation(self, unit: Unit) -> str:
        """The least advanced implementation among the unit's non-empty entries, else unknown."""
        found = [
            IMPLEMENTATIONS.index(e.answer.implementation)
            for e in self.follow_ups_by_unit.get(unit.id, [])
            if isinstance(e.answer, FollowUp) and not e.empty
        ]
        return IMPLEMENTATIONS[min(found)] if found else "unknown"

    def with_answers_file(self, rel: str, path: Path) -> Workspace:
        """This workspace as it would be if the answers file *rel* held the file at *path*.

        A copy: the other files' records are shared, every list and count that reading a
        file adds to is the copy's own, so *self* is left exactly as it was (import's trial
        check of a form).
        """
        trial = dataclasses.replace(
            self,
            answers=[a for a in self.answers if a.file != rel],
            follow_ups=[a for a in self.follow_ups if a.file != rel],
            unknown_follow_ups=[a for a in self.unknown_follow_ups if a.file != rel],
            files=[f for f in self.files if f != rel],
            problems=[p for p in self.problems if p.file != rel],
            unknown_codes=[u for u in self.unknown_codes if u.file != rel],
            unknown_questions=[a for a in self.unknown_questions if a.file != rel],
            text_fields=[f for f in self.text_fields if f[0] != rel],
            yaml_sources=[s for s in self.yaml_sources if s[0] != rel],
            unread_bodies=set(self.unread_bodies),
            rejected={unit: set(bodies) for unit, bodies in self.rejected.items()},
            follow_up_rejected={u: set(b) for u, b in self.follow_up_rejected.items()},
            word_counts={},
            follow_up_counts={},
        )
        _load_answer_file(trial, path)
        _count_most_specific(trial)  # an introduction counts only for the parts not answered
        return trial

    def follow_up_view(self) -> Workspace:
        """This workspace as the follow-up sees it: recommendations and their entries.

        The observations' units stand for the list's units and the follow-up entries for
        the answers, so every check written for answers runs over follow-up unchanged.
        """
        obs = self.observations
        return dataclasses.replace(
            self,
            sections=obs.sections if obs else [],
            paragraphs=obs.paragraphs if obs else [],
            units=obs.units if obs else [],
            answers=self.follow_ups,
            unknown_questions=[],
            broken_questions=obs.broken_questions if obs else set(),
            rejected=self.follow_up_rejected,
            problems=[],
            duplicates=[],
            unknown_codes=[],
            yaml_sources=[],
            word_counts={},
            follow_up_counts={},
        )

    def follow_up_words(self, *, lang: str | None = None, final: bool = False) -> int:
        """The follow-up information's words: :func:`cmwreport.wordcount.follow_up_words`.

        Everything ``render --follow-up`` prints but the title block: the headings, the
        recommendations quoted, the replies with their tables and footnotes.
        """
        key = (lang or self.language, final)
        if key not in self.follow_up_counts:
            self.follow_up_counts[key] = follow_up_words(self, lang=key[0], final=final)
        return self.follow_up_counts[key]

    def best_status(self, unit: Unit) -> str:
        """``unanswered`` or the best status among the unit's non-empty answers."""
        best = -1
        for entry in self.answers_by_unit.get(unit.id, []):
            if not entry.empty:
                best = max(best, STATUSES.index(entry.answer.status))
        return "unanswered" if best < 0 else STATUSES[best]


def _opens(entry: AnswerEntry, inputs: dict[str, list[AnswerEntry]]) -> bool:
    """Whether *entry*, an answer to a whole, is shown: not replaced by a consolidated one."""
    if entry.units:
        return any(entry in inputs[unit_id] for unit_id in entry.units)
    return not any(
        a.answer.consolidated and a is not entry for u in entry.scope for a in inputs.get(u, [])
    )


# ---------------------------------------------------------------------------- loading


def find_workspace(start: Path) -> Path:
    """The workspace that *start* lies in.

    That is *start* or the nearest folder above it that holds ``questions/loipr.yaml`` (as
    git finds its repository): ``Path()`` for *start* itself, a
    relative path (``..``) for a folder above, and ``Path()`` when there is none (the
    command then says there is no workspace here).
    """
    start = Path(start).absolute()
    for folder in (start, *start.parents):
        try:
            found = (folder / LOIPR_FILE).is_file()
        except OSError:
            found = False
        if found:
            if folder == start:
                return Path()
            return Path(os.path.relpath(folder, start))
    return Path()


def load_workspace(root: Path, *, lang: str = "en") -> Workspace:
    """Read the workspace at *root*; raise :class:`NoWorkspaceError` if there is none."""
    root = Path(root)
    loipr_path = root / LOIPR_FILE
    if not root.is_dir() or not loipr_path.is_file():
        raise NoWorkspaceError(root, lang)
    ws = Workspace(root=root)
    _load_ministries(ws)
    _load_loipr(ws)
    _load_observations(ws)
    _load_answers(ws)
    load_abbreviations(ws)
    _count_most_specific(ws)
    return ws


def _local(text: LocalText | None, default_lang: str) -> dict[str, str]:
    return texts_by_language(text, default_lang)


def _load_ministries(ws: Workspace) -> None:
    path = ws.root / MINISTRIES_FILE
    if not path.is_file():
        ws.problems.append(error(LOIPR_FILE, 1, "invalid-record", "ws.no_ministries"))
        ws.ministries_readable = False
        return
    ws.files.append(MINISTRIES_FILE)
    loaded = read_yaml(path, MINISTRIES_FILE)
    ws.problems.extend(loaded.problems)
    ws.yaml_sources.append((MINISTRIES_FILE, loaded.data, loaded.source, frozenset()))
    data = loaded.data
    if not (isinstance(data, dict) and isinstance(data.get("ministries"), list)):
        ws.ministries_readable = False
    if data is None:
        return
    if not isinstance(data, dict):
        ws.problems.append(
            error(MINISTRIES_FILE, 1, "invalid-record", "ws.not_mapping", fields="ministries")
        )
        return
    head = {k: v for k, v in data.items() if k != "ministries"}
    _, problems = validate(MinistriesFile, head, loaded.source, MINISTRIES_FILE)
    ws.problems.extend(problems)
    raw = data.get("ministries")
    if raw is None:
        ws.problems.append(
            error(MINISTRIES_FILE, 1, "invalid-record", "invalid.missing", field="ministries")
        )
        return
    if not isinstance(raw, list):
        ws.problems.append(_not_list(MINISTRIES_FILE, loaded.source, ("ministries",)))
        return
    good, problems = validate_list(Ministry, raw, loaded.source, MINISTRIES_FILE, ("ministries",))
    ws.problems.extend(problems)
    for index, ministry in good:
        line = loaded.source.line(("ministries", index))
        if ministry.code in ws.ministries:
            ws.duplicates.append(
                Duplicate(
                    "ministry",
                    ministry.code,
                    MINISTRIES_FILE,
                    line,
                    ws.ministry_lines[ministry.code],
                )
            )
            continue
        ws.ministries[ministry.code] = ministry
        ws.ministry_lines[ministry.code] = line


def _not_list(rel: str, source: SourceMap, path: tuple[str | int, ...]) -> Problem:
    return error(
        rel,
        source.line(path),
        "invalid-record",
        "invalid.type_simple",
        field=str(path[-1]),
        expected="type.list",
    )


def _load_loipr(ws: Workspace) -> None:
    rel = LOIPR_FILE
    ws.files.insert(0, rel)
    loaded = read_yaml(ws.root / rel, rel)
    ws.problems.extend(loaded.problems)
    ws.yaml_sources.append((rel, loaded.data, loaded.source, frozenset()))
    data = loaded.data
    if not (isinstance(data, dict) and isinstance(data.get("sections"), list)):
        ws.questions_readable = False
    if data is None:
        ws.languages_known = False
        return
    if not isinstance(data, dict):
        ws.problems.append(
            error(
                rel,
                1,
                "invalid-record",
                "ws.not_mapping",
                fields="committee, state, symbol, report, sections",
            )
        )
        ws.languages_known = False
        return
    head = dict(data)
    head["sections"] = []
    loipr, problems = validate(Loipr, head, loaded.source, rel)
    ws.problems.extend(problems)
    ws.meta_line = loaded.source.line(("report",))
    if loipr is None:
        # Keep going with what can be read, so answers are still checked against the list.
        report = data.get("report")
        try:
            meta = ReportMeta.model_validate(report)
        except ValidationError:  # already reported, field by field, by validate() above
            meta = ReportMeta(title="")
            ws.languages_known = False
        loipr = Loipr.model_construct(
            committee=str(data.get("committee", "CMW")),
            state=str(data.get("state", "")),
            symbol=str(data.get("symbol", "")),
            adopted=None,
            report=meta,
            sections=[],
        )
    ws.loipr = loipr
    raw_sections = data.get("sections")
    if raw_sections is None:
        ws.problems.append(error(rel, 1, "invalid-record", "invalid.missing", field="sections"))
        return
    if not isinstance(raw_sections, list):
        ws.problems.append(_not_list(rel, loaded.source, ("sections",)))
        return
    builder = _QuestionsBuilder(ws, loaded.source, rel)
    ws.sections = builder.sections(raw_sections, ("sections",), 0)


def _load_observations(ws: Workspace) -> None:
    """Read ``questions/observations.yaml`` when present (SPEC 7); it is optional.

    A file with nothing but comments (the skeleton ``init`` writes) is not in use yet.
    """
    rel = OBSERVATIONS_FILE
    path = ws.root / rel
    if not path.is_file():
        return
    loaded = read_yaml(path, rel)
    if loaded.data is None and [p.msg.key for p in loaded.problems] == ["yaml.empty"]:
        return
    ws.files.append(rel)
    ws.problems.extend(loaded.problems)
    ws.yaml_sources.append((rel, loaded.data, loaded.source, frozenset()))
    data = loaded.data
    if not isinstance(data, dict):
        if data is not None:
            fields = "symbol, adopted, report, follow_up, sections"
            ws.problems.append(error(rel, 1, "invalid-record", "ws.not_mapping", fields=fields))
        ws.observations_readable = False
        return
    head = dict(data)
    head["sections"] = []
    record, problems = validate(ObservationsFile, head, loaded.source, rel)
    ws.problems.extend(problems)
    if record is None:
        # Keep going with what can be read, so follow-up entries are still checked.
        record = ObservationsFile.model_construct(
            symbol=str(data.get("symbol", "")), adopted=None, report=None, follow_up=None
        )
    obs = Observations(record=record)
    ws.observations = obs
    raw_sections = data.get("sections")
    if raw_sections is None:
        ws.problems.append(error(rel, 1, "invalid-record", "invalid.missing", field="sections"))
    elif not isinstance(raw_sections, list):
        ws.problems.append(_not_list(rel, loaded.source, ("sections",)))
    else:
        builder = _QuestionsBuilder(ws, loaded.source, rel, into=obs)
        obs.sections = builder.sections(raw_sections, ("sections",), 0)
    obs.limit_line = loaded.source.line(("follow_up", "word_limit"))
    for index, ref in enumerate(record.follow_up.paragraphs if record.follow_up else ()):
        line = loaded.source.line(("follow_up", "paragraphs", index))
        ws.observation_refs.append(ObservationRef(rel, line, ref, "selection"))
        obs.selected.update(obs.units_of(ref))


class _QuestionsBuilder:
    """Walk the raw sections, validating each section head and paragraph on its own."""

    def __init__(
        self,
        ws: Workspace,
        source: SourceMap,
        rel: str,
        into: Workspace | Observations | None = None,
    ) -> None:
        self.ws = ws
        self.into: Workspace | Observations = into if into is not None else ws
        """Where the paragraphs and units go: the workspace, or its observations."""
        self.source = source
        self.rel = rel
        self.lang = ws.drafting_languages[0] if ws.loipr else "en"
        self.paragraph_lines: dict[int, int] = {}
        self.section_lines: dict[str, int] = {}

    def sections(
        self, raw: list[Any], path: tuple[str | int, ...], depth: int
    ) -> list[SectionNode]:
        result: list[SectionNode] = []
        for index, item in enumerate(raw):
            node = self.section(item, path + (index,), depth)
            if node is not None:
                result.append(node)
        return result

    def section(self, raw: Any, path: tuple[str | int, ...], depth: int) -> SectionNode | None:
        ws = self.ws
        if not isinstance(raw, dict):
            ws.problems.append(
                error(
                    self.rel,
                    self.source.line(path),
                    "invalid-record",
                    "ws.not_mapping",
                    fields="id, title, paragraphs, sections",
                )
            )
            return None
        head = {k: v for k, v in raw.items() if k not in ("paragraphs", "sections")}
        record, problems = validate(Section, head, self.source, self.rel, path)
        ws.problems.extend(problems)
        line = self.source.line(path)
        section_id = str(record.id) if record else str(raw.get("id", f"?{line}"))
        if record is not None:
            if section_id in self.section_lines:
                ws.duplicates.append(
                    Duplicate("section", section_id, self.rel, line, self.section_lines[section_id])
                )
            else:
                self.section_lines[section_id] = line
        node = SectionNode(
            id=section_id,
            title=_local(record.title, self.lang) if record else {},
            depth=depth,
            line=line,
        )
        raw_paragraphs = raw.get("paragraphs") or []
        if not isinstance(raw_paragraphs, list):
            ws.problems.append(_not_list(self.rel, self.source, path + ("paragraphs",)))
            raw_paragraphs = []
        for index, item in enumerate(raw_paragraphs):
            paragraph = self.paragraph(item, path + ("paragraphs", index), section_id)
            if paragraph is not None:
                node.paragraphs.append(paragraph)
        raw_children = raw.get("sections") or []
        if not isinstance(raw_children, list):
            ws.problems.append(_not_list(self.rel, self.source, path + ("sections",)))
            raw_children = []
        node.sections = self.sections(raw_children, path + ("sections",), depth + 1)
        return node

    def paragraph(
        self, raw: Any, path: tuple[str | int, ...], section_id: str
    ) -> ParagraphNode | None:
        ws = self.ws
        record, problems = validate(Paragraph, raw, self.source, self.rel, path)
        line = self.source.line(path)
        if record is None:
            ws.problems.extend(problems)
            if isinstance(raw, dict) and isinstance(raw.get("number"), int):
                self.into.broken_questions.add(raw["number"])
            return None
        if record.number in self.paragraph_lines:
            ws.duplicates.append(
                Duplicate(
                    "paragraph",
                    str(record.number),
                    self.rel,
                    line,
                    self.paragraph_lines[record.number],
                )
            )
            return None
        self.paragraph_lines[record.number] = line
        self._check_codes(record.lead, record.contributors, path)
        self._observation_refs(record.observations, path, record.lead, record.contributors)
        node = ParagraphNode(
            number=record.number,
            text=_local(record.text, self.lang),
            articles=tuple(record.articles),
            lead=record.lead,
            contributors=tuple(record.contributors),
            section=section_id,
            line=line,
            has_items=bool(record.items),
        )
        self._text(record.text, path + ("text",))
        assignment = inherit(Assignment(), record)
        if not record.items:
            node.units.append(
                self._unit((record.number, None, None), record.text, assignment, path, section_id)
            )
        letters: dict[str, int] = {}
        for index, item in enumerate(record.items):
            item_path = path + ("items", index)
            item_line = self.source.line(item_path)
            if item.letter in letters:
                ws.duplicates.append(
                    Duplicate(
                        "item",
                        f"{record.number}({item.letter})",
                        self.rel,
                        item_line,
                        letters[item.letter],
                    )
                )
                continue
            letters[item.letter] = item_line
            self._check_codes(item.lead, item.contributors or [], item_path)
            self._observation_refs(
                item.observations,
                item_path,
                item.lead or record.lead,
                record.contributors if item.contributors is None else item.contributors,
            )
            self._text(item.text, item_path + ("text",))
            item_node = self._item(record.number, item, inherit(assignment, item), item_path)
            node.items.append(item_node)
            node.units.extend(self._subitems(item_node, item, item_path, section_id))
        self.into.paragraphs.append(node)
        self.into.units.extend(node.units)
        return node

    def _item(
        self, number: int, item: Item, assignment: Assignment, path: tuple[str | int, ...]
    ) -> ItemNode:
        return ItemNode(
            number=number,
            letter=item.letter,
            text=_local(item.text, self.lang),
            assignment=assignment,
            line=self.source.line(path),
            has_subitems=bool(item.items),
        )

    def _subitems(
        self, node: ItemNode, item: Item, path: tuple[str | int, ...], section_id: str
    ) -> list[Unit]:
        """The units of an item: itself, or each of its sub-items (a numeral twice is reported)."""
        key: tuple[int, str | None, str | None] = (node.number, node.letter, None)
        if not item.items:
            node.units.append(self._unit(key, item.text, node.assignment, path, section_id))
        numerals: dict[str, int] = {}
        for index, sub in enumerate(item.items):
            sub_path = path + ("items", index)
            sub_line = self.source.line(sub_path)
            sub_id = question_id(node.number, node.letter, sub.numeral)
            if sub.numeral in numerals:
                self.ws.duplicates.append(
                    Duplicate("subitem", sub_id, self.rel, sub_line, numerals[sub.numeral])
                )
                continue
            numerals[sub.numeral] = sub_line
            self._check_codes(sub.lead, sub.contributors or [], sub_path)
            self._text(sub.text, sub_path + ("text",))
            key = (node.number, node.letter, sub.numeral)
            assignment = inherit(node.assignment, sub)
            node.units.append(self._unit(key, sub.text, assignment, sub_path, section_id))
        return node.units

    def _unit(
        self,
        key: tuple[int, str | None, str | None],
        text: LocalText,
        assignment: Assignment,
        path: tuple[str | int, ...],
        section_id: str,
    ) -> Unit:
        return Unit(
            id=question_id(*key),
            paragraph=key[0],
            item=key[1],
            section=section_id,
            lead=assignment.lead,
            contributors=assignment.contributors,
            data=assignment.data,
            text=_local(text, self.lang),
            line=self.source.line(path),
            data_line=self.source.line(path + ("data",)),
            subitem=key[2],
            file=self.rel,
            observations=assignment.observations,
        )

    def _observation_refs(
        self,
        refs: list[str] | None,
        path: tuple[str | int, ...],
        lead: str | None,
        contributors: Iterable[str],
    ) -> None:
        """Remember each recommendation a list-of-issues record names, to be checked."""
        if refs and self.into is not self.ws:
            # In the observations themselves the field would be silently meaningless.
            line = self.source.line(path + ("observations",))
            problem = error(self.rel, line, "invalid-record", "invalid.observations_here")
            self.ws.problems.append(problem)
            return
        bodies = frozenset(((lead,) if lead else ()) + tuple(contributors))
        for index, ref in enumerate(refs or ()):
            line = self.source.line(path + ("observations", index))
            self.ws.observation_refs.append(ObservationRef(self.rel, line, ref, "loipr", bodies))

    def _check_codes(
        self, lead: str | None, contributors: Iterable[str], path: tuple[str | int, ...]
    ) -> None:
        ws = self.ws
        if not ws.ministries_readable:
            return
        if lead is not None and lead not in ws.ministries:
            ws.unknown_codes.append(
                UnknownCode(lead, self.rel, self.source.line(path + ("lead",)), "lead")
            )
        for index, code in enumerate(contributors):
            if code not in ws.ministries:
                ws.unknown_codes.append(
                    UnknownCode(
                        code,
                        self.rel,
                        self.source.line(path + ("contributors", index)),
                        "contributor",
                    )
                )

    def _text(self, text: LocalText | None, path: tuple[str | int, ...]) -> None:
        for lang, value in _local(text, self.lang).items():
            at = path + (lang,) if isinstance(text, dict) else path
            self.ws.text_fields.append((self.rel, self.source.line(at), value, frozenset()))


def _load_answers(ws: Workspace) -> None:
    folder = ws.root / ANSWERS_DIR
    if not folder.is_dir():
        return
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    names = {p.name for p in entries}
    for path in entries:
        if path.is_symlink() and not path.exists():
            _dangling_link(ws, path)
            continue
        if not path.is_file():
            continue
        verdict = answers_file_name(path.name, names, list(ws.ministries))
        if verdict is None:
            continue
        if verdict.read:
            _load_answer_file(ws, path)
            continue
        # A file meant as answers that would not be read: say so, never skip it silently.
        rel = f"{ANSWERS_DIR}/{path.name}"
        ws.files.append(rel)
        problem = error(
            rel,
            1,
            "ignored-file",
            f"ignored.{verdict.kind}",
            name=path.name,
            target=verdict.target,
            example=next(iter(ws.ministries), "KEMNAKER"),
            known=", ".join(ws.ministries) or "—",
        )
        bodies = frozenset({verdict.code} if verdict.code else ())
        ws.problems.append(dataclasses.replace(problem, ministries=bodies))


def _dangling_link(ws: Workspace, path: Path) -> None:
    """A link in ``answers/`` to a file that is not there (a shared drive not mounted)."""
    verdict = answers_file_name(path.name, set(), list(ws.ministries))
    if verdict is None:
        return
    rel = f"{ANSWERS_DIR}/{path.name}"
    ws.files.append(rel)
    try:
        target = str(path.readlink())
    except OSError:
        target = "?"
    problem = error(rel, 1, "ignored-file", "ignored.dangling", target=target)
    code = path.name.removesuffix(".yaml") if verdict.read else verdict.code
    ws.problems.append(dataclasses.replace(problem, ministries=frozenset({code} - {""})))


_CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9-]*")
_YAML_IN_NAME = re.compile(r"\.ya?ml", re.IGNORECASE)
_COPY_MARKS = (
    re.compile(r"\s*\(\d+\)$"),  # KEMNAKER (1)  (Windows, browsers)
    re.compile(r"\s*-\s*(copy|salinan|kopie|copie)(\s*\(\d+\))?$", re.IGNORECASE),
    re.compile(r"^(copy of|salinan dari|salinan)\s+", re.IGNORECASE),  # Copy of / Salinan X
    re.compile(r"[\s_-]+(copy|salinan)(\s+\d+)?$", re.IGNORECASE),  # KEMNAKER copy 2 (macOS)
)


@dataclass(frozen=True)
class FileVerdict:
    """How a file in ``answers/`` is treated: read, or reported and how to rename it."""

    read: bool
    kind: str = ""
    """``extension``, ``copy``, ``case`` or ``name`` (``_merge`` when the target exists)."""
    code: str = ""
    """The body the file seems meant for, when its name tells."""
    target: str = ""
    """The name it should have (``KEMNAKER.yaml``)."""


def answers_file_name(name: str, siblings: set[str], known: list[str]) -> FileVerdict | None:
    """Whether the file *name* in ``answers/`` is read, reported (``ignored-file``) or left.

    ``CODE.yaml`` is read. Another spelling of the extension (``.YAML``, ``.yml``,
    ``.yaml.txt``), a copy (``KEMNAKER (1).yaml``, ``KEMNAKER - Copy.yaml``, ``Salinan
    KEMNAKER.yaml``) or a name that is no body code (``kemnaker.yaml``) is reported with the
    rename to make. A ``.txt`` file or one without extension is reported only when its name
    is a body's code; any other file (a Word form, a note) is left alone. *siblings* are the
    names in the folder, *known* the body codes (empty when ministries.yaml is unreadable).
    """
    parts = _name_parts(name)
    if parts is None:
        return None
    base, extension = parts
    if extension == ".yaml" and _CODE_RE.fullmatch(base):
        return FileVerdict(read=True)
    core, copy = _without_copy_marks(base.strip())
    code = core.upper()
    if not _CODE_RE.fullmatch(code) or (known and code not in known):
        if not _YAML_IN_NAME.match(extension):
            return None  # a note or a text file that names no body: not meant as answers
        return FileVerdict(read=False, kind="name")
    target = f"{code}.yaml"
    exists = target in siblings and target != name
    kind = _misnaming(copy=copy, yaml=extension == ".yaml", exists=exists)
    return FileVerdict(
        read=False, kind=f"{kind}_merge" if exists else kind, code=code, target=target
    )


def _name_parts(name: str) -> tuple[str, str] | None:
    """*name* as (base, extension), or ``None`` for a file never meant as answers.

    The extension runs from ``.yaml`` or ``.yml`` on (``.yaml.txt``), else it is ``.txt``
    or nothing; any other file (``KEMNAKER.docx``) is ``None``.
    """
    found = _YAML_IN_NAME.search(name)
    if found is not None:
        return name[: found.start()], name[found.start() :]
    if name.lower().endswith(".txt"):
        return name[:-4], name[-4:]
    if "." not in name:
        return name, ""
    return None


def _without_copy_marks(base: str) -> tuple[str, bool]:
    """*base* without the marks that copying a file adds, and whether it had any."""
    core, copy, changed = base, False, True
    while changed:
        changed = False
        for mark in _COPY_MARKS:
            shorter = mark.sub("", core).strip()
            if shorter != core and shorter:
                core, copy, changed = shorter, True, True
    return core, copy


def _misnaming(*, copy: bool, yaml: bool, exists: bool) -> str:
    """How a file meant for a known body is misnamed: ``copy``, ``extension`` or ``case``.

    When the right name is taken (*exists*), a misspelt extension and a wrong case are
    both told as ``extension``: the two files are to be merged.
    """
    if copy:
        return "copy"
    if not yaml or exists:
        return "extension"
    return "case"


def _load_answer_file(ws: Workspace, path: Path) -> None:
    """Read the answers file at *path* into *ws*: its records, problems and texts."""
    rel = f"{ANSWERS_DIR}/{path.name}"
    ws.files.append(rel)
    stem = path.stem
    loaded = read_yaml(path, rel)
    reader = _AnswersReader(ws, rel, stem, loaded.source)
    reader.add(loaded.problems)
    ws.yaml_sources.append((rel, loaded.data, loaded.source, reader.bodies))
    if ws.ministries and stem not in ws.ministries:
        ws.unknown_codes.append(UnknownCode(stem, rel, 1, "file"))
    data = loaded.data
    if data is None:
        _answers_unread(ws, rel, stem)
        return
    if not isinstance(data, dict):
        reader.add([error(rel, 1, "invalid-record", "ws.not_mapping", fields="ministry, answers")])
        _answers_unread(ws, rel, stem)
        return
    reader.head(data)
    _load_follow_up(ws, data.get("follow_up"), loaded.source, rel, reader.code, reader.bodies)
    raw_answers = data.get("answers")
    if raw_answers is None:
        return
    if not isinstance(raw_answers, list):
        reader.add([_not_list(rel, loaded.source, ("answers",))])
        _answers_unread(ws, rel, stem)
        return
    reader.records(raw_answers)


_ANSWER_FIELDS = tuple(Answer.model_fields)
"""The fields of an answer record, whose lines every entry keeps."""


class _AnswersReader:
    """Read one answers file's records into the workspace, each problem owned by its body."""

    def __init__(self, ws: Workspace, rel: str, stem: str, source: SourceMap) -> None:
        self.ws = ws
        self.rel = rel
        self.stem = stem
        self.source = source
        self.code = stem
        """The body the answers are counted for (the file's ``ministry:`` when known)."""
        self.bodies = frozenset({stem})
        """The bodies the file's problems concern (its name's, and its ``ministry:``)."""
        self.default_lang = ws.drafting_languages[0]
        """The language of a text written as a plain string."""
        self.languages = list(dict.fromkeys([*ws.drafting_languages, ws.language]))
        """The languages a text may be written in."""

    def add(self, problems: Iterable[Problem]) -> None:
        """Record *problems* as concerning this file's bodies."""
        self.ws.problems.extend(dataclasses.replace(p, ministries=self.bodies) for p in problems)

    def head(self, data: dict[str, Any]) -> None:
        """Validate the fields other than ``answers`` and settle whose answers these are."""
        head = {k: v for k, v in data.items() if k not in ("answers", "follow_up")}
        record, problems = validate(AnswersFile, head, self.source, self.rel)
        self.add(problems)
        if record is None:
            return
        declared = record.ministry
        self.bodies = frozenset({self.stem, declared})
        if declared != self.stem:
            line = self.source.line(("ministry",))
            self.ws.unknown_codes.append(
                UnknownCode(declared, self.rel, line, "mismatch", other=self.stem)
            )
        if declared in self.ws.ministries or self.stem not in self.ws.ministries:
            self.code = declared

    def records(self, raw: list[Any]) -> None:
        """Validate each answer record on its own and keep those that validate."""
        good, problems = validate_list(Answer, raw, self.source, self.rel, ("answers",))
        self.add(problems)
        _note_rejected(self.ws, raw, {index for index, _ in good}, self.code)
        for index, answer in good:
            self.record(index, answer)

    def record(self, index: int, answer: Answer) -> None:
        """Add the valid answer record *index*, or note that its question is unknown."""
        ws, source = self.ws, self.source
        base: tuple[str | int, ...] = ("answers", index)
        lines = source.lines
        line = source.line(base)
        entry = AnswerEntry(
            ministry=self.code,
            file=self.rel,
            line=line,
            index=index,
            answer=answer,
            texts=texts_by_language(answer.text, self.default_lang),
            units=units_of(ws, answer.question),
            field_lines={name: lines.get(base + (name,), line) for name in _ANSWER_FIELDS},
        )
        entry.scope = entry.units
        _check_text_languages(ws, entry, source, base, self.bodies)
        if not entry.units:
            number, _ = parse_question_id(answer.question)
            if ws.questions_readable and number not in ws.broken_questions:
                ws.unknown_questions.append(entry)
            return
        ws.answers.append(entry)
        _add_text_fields(ws, entry, source, base)


def _check_text_languages(
    ws: Workspace,
    entry: AnswerEntry,
    source: SourceMap,
    base: tuple[str | int, ...],
    bodies: frozenset[str],
) -> None:
    """``invalid-record`` for a text in a language the report never shows (it would be lost)."""
    text = entry.answer.text
    if not isinstance(text, dict) or not ws.languages_known:
        return
    languages = list(dict.fromkeys([*ws.drafting_languages, ws.language]))
    for lang_code in text:
        if lang_code not in languages:
            problem = error(
                entry.file,
                source.line(base + ("text", lang_code)),
                "invalid-record",
                "invalid.text_language",
                lang=lang_code,
                known=", ".join(languages),
            )
            ws.problems.append(dataclasses.replace(problem, ministries=bodies))


def _add_text_fields(
    ws: Workspace, entry: AnswerEntry, source: SourceMap, base: tuple[str | int, ...]
) -> None:
    """Remember every text of an answer or follow-up entry that may reach a DOCX."""
    record = entry.answer
    rel = entry.file
    owners = frozenset({entry.ministry})
    for lang_code, value in entry.texts.items():
        text_path = (
            base + ("text", lang_code) if isinstance(record.text, dict) else base + ("text",)
        )
        ws.text_fields.append((rel, source.line(text_path), value, owners))
    for t_index, table in enumerate(record.tables):
        t_line = source.line(base + ("tables", t_index))
        cells = [table.title, table.source or "", *map(str, table.columns)]
        cells.extend(str(c) for row in table.rows for c in row if c is not None)
        cells.extend([*table.notes, *(group.title for group in table.column_groups or ())])
        ws.text_fields.append((rel, t_line, "\n".join(cells), owners))
    if record.note:
        ws.text_fields.append((rel, entry.field_lines["note"], record.note, owners))


def _load_follow_up(
    ws: Workspace, raw: Any, source: SourceMap, rel: str, code: str, bodies: frozenset[str]
) -> None:
    """Read the ``follow_up:`` entries of an answers file (SPEC 7), as the answers are read."""
    if raw is None:
        return
    if not isinstance(raw, list):
        ws.problems.append(
            dataclasses.replace(_not_list(rel, source, ("follow_up",)), ministries=bodies)
        )
        return
    good, problems = validate_list(FollowUp, raw, source, rel, ("follow_up",))
    ws.problems.extend(dataclasses.replace(p, ministries=bodies) for p in problems)
    obs = ws.observations
    if obs is not None:
        _note_rejected_follow_up(ws, obs, raw, {index for index, _ in good}, code)
    default_lang = ws.drafting_languages[0]
    for index, follow_up in good:
        base: tuple[str | int, ...] = ("follow_up", index)
        entry = AnswerEntry(
            ministry=code,
            file=rel,
            line=source.line(base),
            index=index,
            answer=follow_up,
            texts=texts_by_language(follow_up.text, default_lang),
            units=obs.units_of(follow_up.recommendation) if obs else (),
            field_lines={name: source.line(base + (name,)) for name in FollowUp.model_fields},
        )
        _check_text_languages(ws, entry, source, base, bodies)
        if entry.units:
            ws.follow_ups.append(entry)
        elif ws.observations_readable and (
            obs is None
            or parse_question_id(follow_up.recommendation)[0] not in obs.broken_questions
        ):
            ws.unknown_follow_ups.append(entry)
        _add_text_fields(ws, entry, source, base)


def _note_rejected_follow_up(
    ws: Workspace, obs: Observations, records: list[Any], kept: set[int], code: str
) -> None:
    """Remember the units that follow-up entries with an error meant to report on."""
    for index, record in enumerate(records):
        if index in kept or not isinstance(record, dict):
            continue
        named = record.get("recommendation")
        if isinstance(named, int) and not isinstance(named, bool):
            named = str(named)
        if isinstance(named, str) and QUESTION_ID_RE.match(named):
            for unit_id in obs.units_of(named):
                ws.follow_up_rejected.setdefault(unit_id, set()).add(code)


def _note_rejected(ws: Workspace, records: list[Any], kept: set[int], code: str) -> None:
    """Remember the units that records with an error meant to answer (see ``rejected``)."""
    for index, record in enumerate(records):
        if index in kept or not isinstance(record, dict):
            continue
        question = record.get("question")
        if isinstance(question, int) and not isinstance(question, bool):
            question = str(question)
        if not isinstance(question, str) or QUESTION_ID_RE.match(question) is None:
            continue
        for unit_id in units_of(ws, question):
            ws.rejected.setdefault(unit_id, set()).add(code)


def _answers_unread(ws: Workspace, rel: str, code: str) -> None:
    """Say once, on the file's first error, that none of the body's answers could be read."""
    ws.unread_bodies.add(code)
    for index, problem in enumerate(ws.problems):
        if problem.file == rel and problem.severity == "error":
            note = Msg("yaml.answers_unread", {"code": code})
            ws.problems[index] = dataclasses.replace(
                problem, msg=dataclasses.replace(problem.msg, note=note)
            )
            return


def units_of(ws: Workspace, question_id: str) -> tuple[str, ...]:
    """The units *question_id* answers: the one place a question id is mapped to units.

    A paragraph (``"7"``) answers its units: itself, or each of its items and sub-items; an
    item (``"7(a)"``) answers itself or each of its sub-items; a sub-item (``"7(a)(i)"``)
    answers itself. A question the list of issues lacks, or text that is no question id,
    answers nothing: ``()``. The observations' recommendations are mapped the same way
    (``Observations.units_of``).
    """
    return _units_in(ws.paragraph_by_number, question_id)


def _units_in(paragraphs: dict[int, ParagraphNode], wanted: str) -> tuple[str, ...]:
    """The units of *paragraphs* that ``"7"``, ``"7(a)"`` or ``"7(a)(i)"`` stands for."""
    try:
        number, letter, numeral = parse_unit_id(wanted)
    except ValueError:
        return ()
    paragraph = paragraphs.get(number)
    if paragraph is None:
        return ()
    if letter is None:
        return tuple(u.id for u in paragraph.units)
    if numeral is None:
        return tuple(u.id for u in paragraph.units if u.item == letter)
    unit_id = question_id(number, letter, numeral)
    return (unit_id,) if any(u.id == unit_id for u in paragraph.units) else ()


def _depth(question: str) -> int:
    """How narrowly *question* names a part of the list: 1 paragraph, 2 item, 3 sub-item."""
    return sum(part is not None for part in parse_unit_id(question))


def _count_most_specific(ws: Workspace) -> None:
    """A body's answer counts for a unit only when none of its answers names it more narrowly.

    SPEC 6, "Introduction and items": a body may answer ``7`` and ``7(a)``; its answer to
    ``7`` then counts for 7's other units only (and opens its reply to paragraph 7).
    """
    narrowest: dict[tuple[str, str], int] = {}
    for entry in ws.answers:
        depth = _depth(entry.question)
        for unit_id in entry.scope:
            key = (entry.ministry, unit_id)
            narrowest[key] = max(narrowest.get(key, 0), depth)
    for entry in ws.answers:
        depth = _depth(entry.question)
        entry.units = tuple(u for u in entry.scope if narrowest[(entry.ministry, u)] == depth)


def unreadable_bodies(files: Iterable[str]) -> frozenset[str]:
    """The bodies of the answers files *files* (``answers/KP2MI.yaml`` → KP2MI).

    A file that is not ``CODE.yaml`` (an ignored copy) names the body its name suggests.
    """
    bodies: set[str] = set()
    for file in files:
        name = file.removeprefix(f"{ANSWERS_DIR}/")
        verdict = answers_file_name(name, set(), [])
        if verdict is not None and verdict.read:
            bodies.add(name.removesuffix(".yaml"))
        elif verdict is not None and verdict.code:
            bodies.add(verdict.code)
    return frozenset(bodies)
