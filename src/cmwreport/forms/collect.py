"""What a form holds: the rows of a body's form, and the hidden data it carries.

:func:`collect_form` gathers, for one body, every unit assigned to it and every answer it
has written (read from its answers file with ruamel.yaml's round trip, as ``import`` edits
it), as :class:`FormData`. The form keeps, out of sight, a fingerprint of every answer
record as it was when the form was issued and a checksum of that hidden data
(:meth:`FormData.meta`, :func:`verify_meta`). :class:`FilledForm` is what a filled form
says when it is read back (:mod:`cmwreport.forms.xlsx`, :mod:`cmwreport.forms.docx`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmwreport.errors import CmwReportError, InputFileError, UnknownMinistryOption
from cmwreport.forms.labels import both, lang_tag
from cmwreport.i18n import t
from cmwreport.loader import read_yaml
from cmwreport.markdown import noted_plain, noted_text, superscript
from cmwreport.models import (
    IMPLEMENTATIONS,
    Ministry,
    canonical_status,
    parse_unit_id,
    pick_text,
    question_id,
)
from cmwreport.scaffold import drafting_order
from cmwreport.text import strip_illegal
from cmwreport.workspace import ANSWERS_DIR, Unit, Workspace, units_of

FORM_MARK = "cmwreport-form"
"""Marks a form made by cmwreport (in the hidden sheet or the hidden paragraph)."""
FORM_VERSION = 2
"""Version 2 adds a checksum of the hidden data and the key of each grey cell."""


DOCX_MARK_PREFIX = "CMWREPORT-FORM "
"""Opens the hidden paragraph of a Word form that holds its data."""


class FormError(CmwReportError):
    """A form cannot be made or imported; nothing was written."""


@dataclass(frozen=True)
class FormKind:
    """What a form is about: the questions of the list, or the follow-up on recommendations.

    The list of the answers file its records go into, and the field that names a record.
    """

    name: str
    key: str
    id_key: str

    @property
    def follow_up(self) -> bool:
        """Whether the form is about follow-up entries."""
        return self.name == "follow_up"


ANSWERS = FormKind("answers", "answers", "question")
FOLLOW_UP = FormKind("follow_up", "follow_up", "recommendation")
KINDS = {kind.name: kind for kind in (ANSWERS, FOLLOW_UP)}

IMPLEMENTATION_WORDS_ID: dict[str, str] = {
    "belum dimulai": "not-started",
    "sebagian": "partial",
    "terlaksana": "implemented",
}
"""Indonesian implementation words a follow-up form accepts, and their English value."""


def kind_of(meta: dict[str, Any]) -> FormKind:
    """The kind of a form from its hidden data (a form without ``kind`` is a question form)."""
    return KINDS.get(str(meta.get("kind") or "answers"), ANSWERS)


# --------------------------------------------------------------------------- the rows


@dataclass
class FormRow:
    """One question of a form: what the body answers and what it has written so far."""

    question: str
    text: str
    lead: str | None
    data: tuple[str, ...]
    fingerprint: str
    status: str
    texts: dict[str, str]
    has_record: bool
    implementation: str = ""
    """A follow-up entry's implementation state as it is (empty without an entry)."""
    notes: tuple[str, ...] = ()
    """The footnotes of the question's text; in :attr:`text` each is cited as ``¹``, ``²`` …"""
    parts: tuple[str | int, ...] = ()
    """The question's text as pieces of text and notes cited (an index into :attr:`notes`)."""

    def question_text(self) -> str:
        """The question's text, then each of its footnotes on a line of its own."""
        if not self.notes:
            return self.text
        lines = (f"{superscript(n)} {note}" for n, note in enumerate(self.notes, start=1))
        return self.text + "\n\n" + "\n".join(lines)


@dataclass
class FormData:
    """Everything a form shows and what import needs to read it back."""

    code: str
    body: str
    state: str
    symbol: str
    issued: str
    languages: list[str]
    rows: list[FormRow]
    kind: FormKind = ANSWERS

    def meta(self) -> dict[str, Any]:
        """The hidden part of the form: mark, version, body, list, per-row fingerprints, check.

        ``shown`` is the key of the grey "current answer" text (:func:`shown_key`), so an
        edit typed there is noticed; ``check`` guards the hidden data against edits.
        """
        meta: dict[str, Any] = {
            "mark": FORM_MARK,
            "version": FORM_VERSION,
            "code": self.code,
            "symbol": self.symbol,
            "issued": self.issued,
            "languages": self.languages,
            "rows": [
                {
                    "question": r.question,
                    "fingerprint": r.fingerprint,
                    "status": r.status,
                    "shown": shown_key(fit_cell(current_text(r))),
                }
                for r in self.rows
            ],
        }
        if self.kind.follow_up:
            meta["kind"] = self.kind.name
            for entry, row in zip(meta["rows"], self.rows, strict=True):
                entry["implementation"] = row.implementation
        meta["check"] = _meta_check(meta)
        return meta


def shown_key(text: str) -> str:
    """A short key of *text* that ignores how its spaces and lines are laid out."""
    from cmwreport.forms.inline import clean

    flat = " ".join(clean(text).replace("\u00a0", " ").split())
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:16]


def _meta_check(meta: dict[str, Any]) -> str:
    """The checksum of a form's hidden data (body, list, rows)."""
    payload = {k: meta.get(k) for k in ("code", "symbol", "issued", "languages")}
    keys: tuple[str, ...] = ("question", "fingerprint", "status", "shown")
    if meta.get("kind"):  # a follow-up form (question forms keep their checksum as before)
        payload["kind"] = meta["kind"]
        keys = (*keys, "implementation")
    payload["rows"] = [[str(r.get(k) or "") for k in keys] for r in meta.get("rows", [])]
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def verify_meta(meta: dict[str, Any], path: Path, lang: str) -> None:
    """Refuse a form whose hidden data (its body's code, above all) was edited."""
    if meta.get("version") == 1:
        return  # forms issued before the checksum existed
    if meta.get("check") != _meta_check(meta):
        raise InputFileError(path, t("form.meta_edited", lang), lang)


def _plain(value: Any) -> Any:
    """Turn ruamel's round-trip data into plain JSON-able data."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def fingerprint(record: Any) -> str:
    """A short hash of one answer record's content."""
    payload = json.dumps(_plain(record), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def _ruamel_errors() -> tuple[type[BaseException], ...]:
    """What ruamel raises on a file it cannot load.

    Its own errors (:class:`~ruamel.yaml.error.YAMLError`, ``YAMLStreamError``) and, from
    its constructors, ``ValueError`` (``2025-02-30``, ``!!int x``), ``KeyError``
    (``!!bool maybe``) and ``TypeError``; ``RecursionError`` for nesting beyond Python's limit.
    """
    from ruamel.yaml.error import YAMLError, YAMLStreamError

    return (YAMLError, YAMLStreamError, ValueError, LookupError, TypeError, RecursionError)


def round_trip_yaml() -> Any:
    """A round-trip YAML reader/writer that keeps quotes and long lines."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def answers_path(ws: Workspace, code: str) -> tuple[str, Path]:
    """The answers file of *code*: as shown to users, and its path."""
    rel = f"{ANSWERS_DIR}/{code}.yaml"
    return rel, ws.root / rel


def load_records(
    ws: Workspace, code: str, lang: str, *, raw: bytes | None = None
) -> tuple[Any, str]:
    """The answers file of *code* as round-trip data (``None`` if absent) and its text.

    *raw* is the file's content when the caller has read it already (under the lock).
    Characters YAML refuses are read as spaces, as ``check`` and ``render`` read them.
    """
    from cmwreport.yamledit import yaml_readable

    rel, path = answers_path(ws, code)
    if raw is None:
        if not path.exists():
            return None, ""
        raw = path.read_bytes()
    loaded = read_yaml(path, rel)
    blocking = [p for p in loaded.problems if p.severity == "error"]
    if blocking:
        raise FormError(t("form.file_broken", lang, problem=blocking[0].format(lang)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormError(t("form.file_broken", lang, problem=f"{rel}: {exc}")) from exc
    try:
        data = round_trip_yaml().load(yaml_readable(text))
    except _ruamel_errors() as exc:
        raise FormError(t("form.file_broken", lang, problem=f"{rel}: {exc}")) from exc
    if not isinstance(data, dict) or any(
        not isinstance(data.get(key) or [], list) for key in (ANSWERS.key, FOLLOW_UP.key)
    ):
        raise FormError(t("form.file_broken", lang, problem=t("scaffold.not_answers_file", lang)))
    return data, text


def records_of(data: Any, kind: FormKind = ANSWERS) -> list[Any]:
    """The records of ``answers:`` (or of the *kind*'s list) in the data of an answers file."""
    if not isinstance(data, dict):
        return []
    records = data.get(kind.key)
    return list(records) if isinstance(records, list) else []


def record_for(
    records: list[Any], question: str, kind: FormKind = ANSWERS
) -> tuple[int, Any] | None:
    """The first record answering *question* (reporting on it, for follow-up), with its index."""
    for index, record in enumerate(records):
        if isinstance(record, dict) and str(record.get(kind.id_key)) == question:
            return index, record
    return None


def texts_of(record: Any, first_lang: str) -> dict[str, str]:
    """A record's text by language (a plain string is the first drafting language's)."""
    text = record.get("text") if isinstance(record, dict) else None
    if text is None:
        return {}
    if isinstance(text, str):
        return {first_lang: str(text)}
    if isinstance(text, dict):
        return {str(k): "" if v is None else str(v) for k, v in text.items()}
    return {}


def _question_pieces(ws: Workspace, question: str) -> list[tuple[str, dict[str, str]]]:
    """What the form quotes of *question*: its paragraph, its items, their sub-items.

    The paragraph's text, then each item *question* takes in (``(a) …``), each followed by
    the sub-items it takes in (``(i) …``).
    """
    number, letter, numeral = parse_unit_id(question)
    paragraph = ws.paragraph_by_number[number]
    pieces: list[tuple[str, dict[str, str]]] = [("", paragraph.text)]
    for item in paragraph.items:
        if letter is not None and item.letter != letter:
            continue
        pieces.append((f"({item.letter})", item.text))
        for unit in item.units:
            if unit.subitem is not None and numeral in (None, unit.subitem):
                pieces.append((f"({unit.subitem})", unit.text))
    return pieces


def _question_text(ws: Workspace, question: str) -> tuple[tuple[str | int, ...], tuple[str, ...]]:
    """The question's text as pieces of text and footnotes cited, and the footnotes.

    Each language's text is behind its language's tag when there are several.
    """
    pieces = _question_pieces(ws, question)
    notes: list[str] = []
    by_lang: dict[str, list[str | int]] = {}
    for lang in drafting_order(ws, [k for _, text in pieces for k in text]):
        lines: list[list[str | int]] = []
        for prefix, text in pieces:
            value = strip_illegal(text.get(lang, ""))
            noted = noted_text(value, notes).parts if value.strip() else ()
            if prefix or noted:
                lines.append([f"{prefix} " if prefix and noted else prefix, *noted])
        if lines:
            by_lang[lang] = [
                p for n, line in enumerate(lines) for p in (["\n"] if n else []) + line
            ]
    parts: list[str | int] = []
    for index, (lang, line_parts) in enumerate(by_lang.items()):
        tag = f"{lang_tag(lang)} " if len(by_lang) > 1 else ""
        parts.extend([("\n\n" if index else "") + tag, *line_parts])
    return tuple(p for p in parts if p != ""), tuple(notes)


def form_workspace(ws: Workspace, kind: FormKind, lang: str) -> Workspace:
    """The workspace as a form of *kind* sees it: the follow-up view for follow-up forms."""
    if not kind.follow_up:
        return ws
    if ws.observations is None:
        raise FormError(t("scaffold.no_observations", lang))
    return ws.follow_up_view()


def form_symbol(ws: Workspace, kind: FormKind) -> str:
    """The symbol a form carries: the list of issues', or the concluding observations'."""
    if kind.follow_up:
        return ws.observations.symbol if ws.observations else ""
    return ws.loipr.symbol if ws.loipr else ""


def collect_form(
    ws: Workspace, code: str, *, lang: str = "en", today: dt.date, kind: FormKind = ANSWERS
) -> FormData:
    """The rows of *code*'s form: its assigned units and its existing records, in order.

    Each record of the body has a row of its own (an introduction to a paragraph or an item
    before the rows of its parts); each unit assigned to the body that none of its records
    answers has one too. With the *kind* :data:`FOLLOW_UP`, the recommendations the body
    leads or contributes to and its follow-up entries.
    """
    if code not in ws.ministries:
        raise UnknownMinistryOption(code, list(ws.ministries), lang, option="CODE")
    view = form_workspace(ws, kind, lang)
    data, _ = load_records(ws, code, lang)
    records = records_of(data, kind)
    rows = [
        _row(view, unit, question, records, kind)
        for question, unit in _form_questions(view, code, records, kind)
    ]
    if not rows:
        key = "scaffold.fu_none_assigned" if kind.follow_up else "scaffold.none_assigned"
        raise FormError(t(key, lang, code=code))
    return FormData(
        code=code,
        body=_body_name(ws.ministries[code]),
        state=ws.loipr.state if ws.loipr else "",
        symbol=form_symbol(ws, kind),
        issued=today.isoformat(),
        languages=list(ws.drafting_languages),
        rows=rows,
        kind=kind,
    )


def _form_questions(
    ws: Workspace, code: str, records: list[Any], kind: FormKind = ANSWERS
) -> list[tuple[str, Unit]]:
    """The questions of the form's rows, in the list's order, each with its first unit."""
    answered: set[str] = set()
    covered: set[str] = set()
    for record in records:
        if isinstance(record, dict) and record.get(kind.id_key) is not None:
            units = _units_or_none(ws, str(record[kind.id_key]))
            if units:
                answered.add(str(record[kind.id_key]))
                covered.update(units)
    chosen: dict[str, Unit] = {}
    for unit in ws.units:
        wholes = (question_id(unit.paragraph), question_id(unit.paragraph, unit.item), unit.id)
        for question in dict.fromkeys(wholes):
            if question in answered:
                chosen.setdefault(question, unit)
        if unit.id not in covered and code in unit.assigned and (unit.lead or not kind.follow_up):
            chosen.setdefault(unit.id, unit)
    return list(chosen.items())


def _units_or_none(ws: Workspace, question: str) -> tuple[str, ...]:
    """The units *question* answers; none when it is not a question id at all."""
    try:
        return units_of(ws, question)
    except ValueError:
        return ()


def has_question(ws: Workspace, question: str) -> bool:
    """Whether the list of issues still has *question*."""
    return bool(_units_or_none(ws, question))


def _row(
    ws: Workspace, unit: Unit, question: str, records: list[Any], kind: FormKind = ANSWERS
) -> FormRow:
    """The row of *question* (answering *unit*), with what its record holds, if any."""
    found = record_for(records, question, kind)
    record = found[1] if found else None
    texts = texts_of(record, ws.drafting_languages[0]) if record is not None else {}
    status = (canonical_status(record.get("status")) if record is not None else None) or "draft"
    parts, notes = _question_text(ws, question)
    implementation = str(record.get("implementation") or "") if record is not None else ""
    return FormRow(
        question=question,
        text=noted_plain(parts),
        lead=unit.lead,
        data=_data_of(ws, question),
        fingerprint=fingerprint(record) if record is not None else "",
        status=status,
        texts={k: strip_illegal(v) for k, v in texts.items()},
        has_record=record is not None,
        notes=notes,
        parts=parts,
        implementation=implementation if implementation in IMPLEMENTATIONS else "",
    )


def _body_name(ministry: Ministry) -> str:
    """The body's name in Indonesian, then in English when that differs."""
    body = pick_text(ministry.name, "id")
    body_en = pick_text(ministry.name, "en")
    if body_en and body_en != body:
        body = f"{body} / {body_en}"
    return strip_illegal(body)


def _data_of(ws: Workspace, question: str) -> tuple[str, ...]:
    """The statistics asked for in any unit *question* answers, each once, in order."""
    found: dict[str, None] = {}
    for unit_id in units_of(ws, question):
        found.update(dict.fromkeys(ws.unit_by_id[unit_id].data))
    return tuple(found)


def status_shown(row: FormRow) -> str:
    """The status pre-filled on the form: never ``approved``, which only coordinators give.

    An approved answer's status place is left empty: left so, the answer stays approved as
    long as its text is not changed.
    """
    return "" if row.status == "approved" else row.status


def current_text(row: FormRow) -> str:
    """The grey "current answer" text of a row: its status and its text in each language."""
    if not row.has_record or not any(v.strip() for v in row.texts.values()):
        return both("form.no_answer")
    parts = [both("form.current_status", status=row.status)]
    if row.implementation:
        parts.append(both("form.current_implementation", implementation=row.implementation))
    for code, text in row.texts.items():
        if text.strip():
            parts.append(f"{lang_tag(code)} {text.strip()}")
    return "\n\n".join(parts)


MAX_CELL_CHARS = 32000
"""Excel holds at most 32,767 characters in a cell; longer text is cut on the form only."""


def fit_cell(text: str) -> str:
    """*text*, shortened with a marker when it would not fit in an Excel cell."""
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"


@dataclass
class FilledRow:
    """What one row of a filled form says."""

    question: str
    texts: dict[str, str]
    status: str | None
    place: str
    row: int | None = None
    """The sheet's row number (Excel forms only)."""
    shown: str | None = None
    """The text of the grey "current answer" place as it is in the returned form."""
    refused: dict[str, list[str]] = field(default_factory=dict)
    """By language: what an answer holds that Markdown cannot carry (images, text boxes…)."""
    implementation: str | None = None
    """The implementation state typed or chosen (follow-up forms only)."""


@dataclass
class FilledForm:
    """A filled form read back: its hidden data and what was typed."""

    meta: dict[str, Any]
    rows: list[FilledRow]
    invalid: list[tuple[str, str]] = field(default_factory=list)


def read_meta_json(text: str, path: Path, lang: str) -> dict[str, Any]:
    """The hidden data of a form from its JSON text; a foreign or newer form is refused."""
    try:
        meta = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise InputFileError(path, t("form.foreign", lang), lang) from exc
    if not isinstance(meta, dict) or meta.get("mark") != FORM_MARK:
        raise InputFileError(path, t("form.foreign", lang), lang)
    if meta.get("version") not in (1, FORM_VERSION):
        raise InputFileError(path, t("form.version", lang, version=meta.get("version")), lang)
    return meta
