"""The loaded workspace: the questions tree, its units, the bodies and their answers.

:func:`load_workspace` reads every file, keeps every record that validates (one bad
record never hides the others) and records what the checks need to know: duplicates,
unknown codes and questions, where each record sits. It raises only when there is no
workspace at all; problems in files are collected in ``Workspace.problems``.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cmwreport.errors import NoWorkspaceError
from cmwreport.loader import SourceMap, read_yaml, validate, validate_list
from cmwreport.models import (
    QUESTION_ID_RE,
    STATUSES,
    Answer,
    AnswersFile,
    Item,
    LocalText,
    Loipr,
    MinistriesFile,
    Ministry,
    Paragraph,
    ReportMeta,
    Section,
    parse_question_id,
    texts_by_language,
)
from cmwreport.problems import Msg, Problem, error
from cmwreport.text import count_words, count_words_in

LOIPR_FILE = "questions/loipr.yaml"
MINISTRIES_FILE = "questions/ministries.yaml"
ANSWERS_DIR = "answers"


@dataclass(frozen=True)
class Unit:
    """What can be answered: a paragraph without items, or one item of a paragraph."""

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

    @property
    def assigned(self) -> tuple[str, ...]:
        """The lead then the contributors, each once."""
        seen: dict[str, None] = {}
        for code in ((self.lead,) if self.lead else ()) + self.contributors:
            seen.setdefault(code, None)
        return tuple(seen)


@dataclass
class ParagraphNode:
    """A paragraph of the list of issues with its units (one, or one per item)."""

    number: int
    text: dict[str, str]
    articles: tuple[str, ...]
    lead: str | None
    contributors: tuple[str, ...]
    section: str
    line: int
    has_items: bool
    units: list[Unit] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The question id of the paragraph itself (``"7"``)."""
        return str(self.number)


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
    answer: Answer
    texts: dict[str, str]
    units: tuple[str, ...]
    field_lines: dict[str, int]

    @property
    def question(self) -> str:
        """The question id the answer names (``"7"`` or ``"7(a)"``)."""
        return self.answer.question

    @property
    def status(self) -> str:
        """draft, submitted or approved."""
        return self.answer.status

    @property
    def empty(self) -> bool:
        """True when no language has any text and there is no table (a skeleton)."""
        return not any(v.strip() for v in self.texts.values()) and not self.answer.tables

    def text_in(self, lang: str) -> str:
        """The text in *lang*, or ``""``."""
        return self.texts.get(lang, "")

    def words(self, lang: str) -> int:
        """Words of the text in *lang* plus the words of its tables."""
        total = count_words(self.texts.get(lang, ""))
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

    kind: str  # "paragraph", "item", "ministry", "section"
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


@dataclass
class Workspace:
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
    def unit_by_id(self) -> dict[str, Unit]:
        """Units by id."""
        return {u.id: u for u in self.units}

    @cached_property
    def paragraph_by_number(self) -> dict[int, ParagraphNode]:
        """Paragraphs by number."""
        return {p.number: p for p in self.paragraphs}

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
        rank = {code: i for i, code in enumerate(unit.assigned)}
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
        return list(seen.values())

    def report_words(self, *, lang: str | None = None, final: bool = False) -> int:
        """Words of the report-language text (answers and their tables) that the report holds."""
        language = lang or self.language
        return sum(a.words(language) for a in self.included_answers(final=final))

    def best_status(self, unit: Unit) -> str:
        """``unanswered`` or the best status among the unit's non-empty answers."""
        best = -1
        for entry in self.answers_by_unit.get(unit.id, []):
            if not entry.empty:
                best = max(best, STATUSES.index(entry.answer.status))
        return "unanswered" if best < 0 else STATUSES[best]


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
    _load_answers(ws)
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


class _QuestionsBuilder:
    """Walk the raw sections, validating each section head and paragraph on its own."""

    def __init__(self, ws: Workspace, source: SourceMap, rel: str) -> None:
        self.ws = ws
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
                ws.broken_questions.add(raw["number"])
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
        if not record.items:
            node.units.append(self._unit(record, None, path, section_id))
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
            self._text(item.text, item_path + ("text",))
            node.units.append(self._unit(record, item, item_path, section_id))
        ws.paragraphs.append(node)
        ws.units.extend(node.units)
        return node

    def _unit(
        self, paragraph: Paragraph, item: Item | None, path: tuple[str | int, ...], section_id: str
    ) -> Unit:
        lead = item.lead if item and item.lead else paragraph.lead
        contributors = (
            item.contributors if item and item.contributors is not None else paragraph.contributors
        )
        data = item.data if item and item.data is not None else paragraph.data
        unit_id = f"{paragraph.number}({item.letter})" if item else str(paragraph.number)
        text = item.text if item else paragraph.text
        data_line = self.source.line(path + ("data",)) if data else self.source.line(path)
        return Unit(
            id=unit_id,
            paragraph=paragraph.number,
            item=item.letter if item else None,
            section=section_id,
            lead=lead,
            contributors=tuple(contributors),
            data=tuple(data or ()),
            text=_local(text, self.lang),
            line=self.source.line(path),
            data_line=data_line,
        )

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
        for value in _local(text, self.lang).values():
            self.ws.text_fields.append((self.rel, self.source.line(path), value, frozenset()))


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
    raw_answers = data.get("answers")
    if raw_answers is None:
        return
    if not isinstance(raw_answers, list):
        reader.add([_not_list(rel, loaded.source, ("answers",))])
        _answers_unread(ws, rel, stem)
        return
    reader.records(raw_answers)


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
        head = {k: v for k, v in data.items() if k != "answers"}
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
        entry = AnswerEntry(
            ministry=self.code,
            file=self.rel,
            line=source.line(base),
            index=index,
            answer=answer,
            texts=texts_by_language(answer.text, self.default_lang),
            units=units_of(ws, answer.question),
            field_lines={name: source.line(base + (name,)) for name in Answer.model_fields},
        )
        self.text_languages(answer, base)
        if not entry.units:
            number, _ = parse_question_id(answer.question)
            if ws.questions_readable and number not in ws.broken_questions:
                ws.unknown_questions.append(entry)
            return
        ws.answers.append(entry)
        self.text_fields(entry, base)

    def text_languages(self, answer: Answer, base: tuple[str | int, ...]) -> None:
        """An error for each text in a language the report never shows (it would be lost)."""
        if not isinstance(answer.text, dict) or not self.ws.languages_known:
            return
        for lang_code in answer.text:
            if lang_code in self.languages:
                continue
            problem = error(
                self.rel,
                self.source.line(base + ("text", lang_code)),
                "invalid-record",
                "invalid.text_language",
                lang=lang_code,
                known=", ".join(self.languages),
            )
            self.add([problem])

    def text_fields(self, entry: AnswerEntry, base: tuple[str | int, ...]) -> None:
        """Note every text of *entry* that may reach a DOCX (for ``control-character``)."""
        answer = entry.answer
        owners = frozenset({self.code})
        found = self.ws.text_fields
        for lang_code, value in entry.texts.items():
            path = base + ("text", lang_code) if isinstance(answer.text, dict) else base + ("text",)
            found.append((self.rel, self.source.line(path), value, owners))
        for t_index, table in enumerate(answer.tables):
            t_line = self.source.line(base + ("tables", t_index))
            cells = [table.title, table.source or "", *map(str, table.columns)]
            cells.extend(str(c) for row in table.rows for c in row if c is not None)
            cells.extend([*table.notes, *(group.title for group in table.column_groups or ())])
            found.append((self.rel, t_line, "\n".join(cells), owners))
        if answer.note:
            found.append((self.rel, entry.field_lines["note"], answer.note, owners))


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

    A paragraph (``"7"``) answers its units: itself, or each of its items; an item
    (``"7(a)"``) answers itself. A question the list of issues lacks, or text that is no
    question id, answers nothing: ``()``.
    """
    try:
        number, letter = parse_question_id(question_id)
    except ValueError:
        return ()
    paragraph = ws.paragraph_by_number.get(number)
    if paragraph is None:
        return ()
    if letter is None:
        return tuple(u.id for u in paragraph.units)
    unit_id = f"{number}({letter})"
    return (unit_id,) if any(u.id == unit_id for u in paragraph.units) else ()


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
