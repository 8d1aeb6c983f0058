"""The records of a workspace as pydantic models: questions, bodies and answers.

Every model forbids unknown fields (a typo must never silently drop text) and is frozen.
The models hold data only; where each record sits in its file is kept by the loader.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

ROMAN_NUMERALS: tuple[str, ...] = (
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
    "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
)  # fmt: skip
"""The numerals of sub-items, in order: lower-case roman i to xx."""

NUMERAL_PATTERN = "^(?:" + "|".join(ROMAN_NUMERALS) + ")$"

QUESTION_ID_RE = re.compile(r"^(\d+)(?:\(([a-z]{1,3})\)(?:\(([ivx]{1,5})\))?)?$")


def _number_to_text(value: object) -> object:
    """Accept a whole number where text is expected (``question: 7``, a year as a column)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _none_to_empty(value: object) -> object:
    """Treat an empty YAML value (``en:`` with nothing after it) as empty text."""
    return "" if value is None else value


MinistryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9-]*$", max_length=40)]
"""A body's code: upper-case letters, digits and '-' (``KEMNAKER``)."""

LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
"""A language code such as ``en`` or ``id``."""

QuestionId = Annotated[
    str,
    BeforeValidator(_number_to_text),
    StringConstraints(pattern=QUESTION_ID_RE.pattern),
]
"""``"7"`` for a paragraph, ``"7(a)"`` for one of its items, ``"7(a)(i)"`` for a sub-item."""

Status = Literal["draft", "submitted", "approved"]
STATUSES: tuple[Status, ...] = ("draft", "submitted", "approved")
STATUS_WORDS_ID: dict[str, Status] = {
    "draf": "draft",
    "diajukan": "submitted",
    "disetujui": "approved",
}
"""Indonesian status words, accepted in answers files and read as their English value."""


def canonical_status(value: object) -> Status | None:
    """The status a value written by a person means (``Draft``, ``disetujui``), else None.

    The one reading of a status: the records' validation, and the forms, which read the
    answers file's raw YAML (an entry written ``status: disetujui`` is approved there too).
    """
    if isinstance(value, str):
        word = value.strip().lower()
        for status in STATUSES:
            if word == status:
                return status
        return STATUS_WORDS_ID.get(word)
    return None


def _status_word(value: object) -> object:
    """Read ``Draft``, ``SUBMITTED`` and the Indonesian words as the canonical status."""
    return canonical_status(value) or value


StatusField = Annotated[Status, BeforeValidator(_status_word)]
"""A status as people write it: any case, English or Indonesian; stored in English."""

Text = Annotated[str, BeforeValidator(_none_to_empty)]
LocalText = str | dict[LangCode, Text]
"""Text given as one string or as a mapping by language code."""

Cell = str | int | float | None
Label = Annotated[str, BeforeValidator(_number_to_text)]


class Record(BaseModel):
    """Base of every record: unknown fields are errors, records never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


_NESTED = ConfigDict(defer_build=True)
"""For records only ever validated inside another (an item in its paragraph, a table in its
answer): pydantic then builds their validator only as part of the enclosing record's."""

_OPTIONAL_FILE = ConfigDict(defer_build=True)
"""For the head of a file a workspace may lack (observations, abbreviations): pydantic builds
its validator on first use, so ``check`` on a workspace without that file never pays for it."""


class Ministry(Record):
    """A contributing body (ministry, agency, commission)."""

    code: MinistryCode
    name: LocalText
    abbreviation: LocalText | None = None
    coordinator: bool = False


class MinistriesFile(Record):
    """``questions/ministries.yaml``."""

    ministries: list[Ministry] = Field(default_factory=list)


class SubItem(Record):
    """A sub-item ``(i)`` of an item, numbered with a lower-case roman numeral."""

    model_config = _NESTED

    numeral: Annotated[str, StringConstraints(pattern=NUMERAL_PATTERN)]
    text: LocalText = ""
    lead: MinistryCode | None = None
    contributors: list[MinistryCode] | None = None
    data: list[Label] | None = None


class Item(Record):
    """A lettered sub-item ``(a)`` of a paragraph of the list of issues."""

    model_config = _NESTED

    letter: Annotated[str, StringConstraints(pattern=r"^[a-z]{1,3}$")]
    text: LocalText = ""
    lead: MinistryCode | None = None
    contributors: list[MinistryCode] | None = None
    data: list[Label] | None = None
    observations: list[QuestionId] | None = None
    """The recommendations of the concluding observations this item asks about."""
    items: list[SubItem] = Field(default_factory=list)


class Paragraph(Record):
    """A numbered paragraph of the list of issues."""

    number: Annotated[int, Field(ge=1, le=9999)]
    text: LocalText = ""
    articles: list[Label] = Field(default_factory=list)
    lead: MinistryCode | None = None
    contributors: list[MinistryCode] = Field(default_factory=list)
    data: list[Label] | None = None
    items: list[Item] = Field(default_factory=list)
    observations: list[QuestionId] | None = None
    """The recommendations of the concluding observations this paragraph asks about."""


class Section(Record):
    """A section heading of the list of issues; sections nest to any depth."""

    id: Annotated[str, BeforeValidator(_number_to_text), StringConstraints(min_length=1)]
    title: LocalText
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class ReportMeta(Record):
    """What the list of issues says about the report that answers it."""

    model_config = _NESTED

    title: LocalText
    symbol: str | None = None
    due: int | None = None
    kind: Literal["periodic", "initial"] = "periodic"
    word_limit: Annotated[int, Field(gt=0)] | None = None
    language: LangCode = "en"
    drafting_languages: list[LangCode] | None = None
    date_received: dt.date | None = None

    @property
    def limit(self) -> int:
        """The word limit: the explicit one, else 21,200 (periodic) or 31,800 (initial)."""
        if self.word_limit is not None:
            return self.word_limit
        return 31800 if self.kind == "initial" else 21200

    @property
    def languages(self) -> list[str]:
        """The drafting languages; the first is what a plain-string text is written in."""
        return list(self.drafting_languages or [self.language])


class Loipr(Record):
    """``questions/loipr.yaml``: the list of issues prior to reporting."""

    committee: str = "CMW"
    state: str
    symbol: str
    adopted: dt.date | None = None
    report: ReportMeta
    sections: list[Section] = Field(default_factory=list)


def _one_note(value: object) -> object:
    """Accept one note written as a plain text (``notes: Figures are provisional.``)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


Caption = Annotated[str, BeforeValidator(_none_to_empty), BeforeValidator(_number_to_text)]
"""A short text of a table (a spanner head, a note): empty when left blank, a number as text."""


class ColumnGroup(Record):
    """A spanner head: a title set over *span* neighbouring column headings of a table."""

    model_config = _NESTED

    title: Caption = ""
    span: Annotated[int, Field(ge=1)] = 1


class Table(Record):
    """A statistics table attached to an answer."""

    model_config = _NESTED

    title: str
    by: list[Label] | None = None
    """What the figures are broken down by (``[sex, age, year]``), matched against ``data:``."""
    columns: list[Label] = Field(min_length=1)
    column_groups: list[ColumnGroup] | None = None
    """Spanner heads over the column headings, left to right; their spans add up to the columns."""
    rows: list[list[Cell]] = Field(default_factory=list)
    notes: Annotated[list[Caption], BeforeValidator(_one_note)] = Field(default_factory=list)
    """Notes printed under the table, before its source."""
    source: str | None = None

    @field_validator("column_groups")
    @classmethod
    def _spans_fit_columns(
        cls, groups: list[ColumnGroup] | None, info: ValidationInfo
    ) -> list[ColumnGroup] | None:
        columns = info.data.get("columns")
        if groups is None or columns is None:
            return groups
        spans = sum(group.span for group in groups)
        if spans != len(columns):
            raise PydanticCustomError(
                "invalid.column_spans",
                "the spans of column_groups add up to {spans} but the table has {columns} columns",
                {
                    "spans": spans,
                    "columns": len(columns),
                    "headings": ", ".join(str(c) for c in columns),
                },
            )
        return groups

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Table:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise PydanticCustomError(
                    "table_row",
                    "row {row} has {cells} cells but the table has {columns} columns",
                    {"row": number, "cells": len(row), "columns": len(self.columns)},
                )
        return self


class Answer(Record):
    """One body's answer to a paragraph or an item."""

    question: QuestionId
    status: StatusField
    updated: dt.date | None = None
    text: LocalText | None = None
    tables: list[Table] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    consolidated: bool = False
    note: str | None = None


# ------------------------------------------------------------ concluding observations
# questions/observations.yaml reuses the list of issues' sections, paragraphs and items: a
# unit with a lead (own or inherited) is a recommendation to follow up.

Implementation = Literal["not-started", "partial", "implemented"]
IMPLEMENTATIONS: tuple[Implementation, ...] = ("not-started", "partial", "implemented")
"""How far a recommendation is implemented, least advanced first."""


class FollowUpSelection(Record):
    """What the Committee asked information on, within two years, and when."""

    model_config = _NESTED

    due: dt.date
    paragraphs: list[QuestionId] = Field(default_factory=list)
    symbol: str | None = None
    word_limit: Annotated[int, Field(gt=0)] | None = None


class ObservationsFile(Record):
    """``questions/observations.yaml``: the concluding observations on a report."""

    model_config = _OPTIONAL_FILE

    symbol: str
    adopted: dt.date | None = None
    report: str | None = None
    follow_up: FollowUpSelection | None = None
    sections: list[Section] = Field(default_factory=list)


class FollowUp(Record):
    """One body's follow-up information on a recommendation (beside its answers)."""

    recommendation: QuestionId
    implementation: Implementation
    status: StatusField
    updated: dt.date | None = None
    text: LocalText | None = None
    tables: list[Table] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    consolidated: bool = False
    note: str | None = None

    @property
    def question(self) -> str:
        """The unit of the observations reported on (so entries read like answers)."""
        return self.recommendation


class AnswersFile(Record):
    """``answers/<CODE>.yaml``: one body's answers and follow-up information."""

    ministry: MinistryCode
    answers: list[Answer] = Field(default_factory=list)
    follow_up: list[FollowUp] = Field(default_factory=list)


def texts_by_language(text: LocalText | None, default_lang: str) -> dict[str, str]:
    """Return *text* as a mapping by language; a plain string belongs to *default_lang*."""
    if text is None:
        return {}
    if isinstance(text, str):
        return {default_lang: text}
    return dict(text)


def pick_text(value: LocalText | None, *langs: str | None) -> str:
    """The text of *value* in the first of *langs* it has, else in any language it has.

    A plain string is returned as it is; blank texts are skipped. This is the one rule
    every output uses to choose a language for names, titles and question texts.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    for lang in langs:
        if lang:
            text = value.get(lang)
            if text and text.strip():
                return text
    return next((text for text in value.values() if text and text.strip()), "")


def parse_question_id(question_id: str) -> tuple[int, str | None]:
    """Split ``"7(a)"`` into ``(7, "a")`` and ``"7"`` into ``(7, None)``.

    A sub-item's numeral is left out (``"7(a)(i)"`` gives ``(7, "a")``): use
    :func:`parse_unit_id` where sub-items matter.
    """
    number, letter, _ = parse_unit_id(question_id)
    return number, letter


def parse_unit_id(question_id: str) -> tuple[int, str | None, str | None]:
    """Split ``"7(a)(i)"`` into ``(7, "a", "i")``, ``"7(a)"`` into ``(7, "a", None)``."""
    match = QUESTION_ID_RE.match(question_id)
    if match is None:
        raise ValueError(f"not a question id: {question_id!r}")
    return int(match.group(1)), match.group(2), match.group(3)


class Abbreviation(Record):
    """One entry of ``questions/abbreviations.yaml``: a short form and what it stands for.

    A plain string as ``short`` is the same short form in every language (``JKK``).
    """

    short: LocalText
    long: LocalText


class AbbreviationsFile(Record):
    """``questions/abbreviations.yaml``: abbreviations beyond the bodies (laws, programmes)."""

    model_config = _OPTIONAL_FILE

    abbreviations: list[Abbreviation] = Field(default_factory=list)


def question_id(number: int, letter: str | None = None, numeral: str | None = None) -> str:
    """The question id of a paragraph, an item or a sub-item: ``7``, ``7(a)``, ``7(a)(i)``."""
    text = str(number)
    if letter is not None:
        text += f"({letter})"
        if numeral is not None:
            text += f"({numeral})"
    return text
