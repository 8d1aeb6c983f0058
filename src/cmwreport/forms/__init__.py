"""Intake forms for bodies that will not edit YAML: ``cmwreport form`` and ``cmwreport import``.

:func:`make_form` writes a Word or Excel form listing a body's questions, its current
answers, and a place to type each answer in every drafting language. The form keeps, out
of sight, a fingerprint of every answer record as it was when the form was issued.
:func:`import_form` reads a filled form back into ``answers/<CODE>.yaml``: new answers are
appended, changed ones updated in place with ruamel.yaml's round trip (comments and
layout kept), and a record that changed in the YAML since the form was issued is refused
unless ``force``. The file rewritten is always backed up first under ``build/backups/``;
no other file of the workspace is written (a new answers file's editor schema is left to
``cmwreport schema``, as for ``scaffold``).

What reaches the YAML is guarded: a Word answer is read as Word shows it with tracked
changes accepted (:mod:`cmwreport.forms.docx`), an Excel sheet's columns are found by
their headings; ``approved`` comes only with ``approve``, and an approved answer whose
text changes becomes ``submitted``; a form is imported only into the body it was issued
to (its hidden data carries a checksum); the answers file is locked while it is read and
rewritten and is never overwritten when it changed on disk meanwhile
(:mod:`cmwreport.yamledit`); and nothing is written when the result would give ``check``
an error it does not report now.

Besides the renderers, this is the one module that imports python-docx and openpyxl,
because forms are also *read back* from those formats. Both are imported lazily. Every
form file is checked before either library opens it: size, number of zip entries, the
declared uncompressed size (zip bombs), and every XML part is read with defusedxml,
which refuses DTDs, entity declarations and external references.
An Excel form is read in openpyxl's streaming mode and refused once its sheet passes
:data:`MAX_FORM_ROWS` rows, so a stretched sheet costs neither time nor memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cmwreport.errors import CmwReportError, InputFileError, UnknownMinistryOption
from cmwreport.files import write_atomic
from cmwreport.i18n import language_name, t
from cmwreport.i18n import number as grouped_number
from cmwreport.loader import read_yaml
from cmwreport.models import STATUSES, parse_question_id, pick_text
from cmwreport.scaffold import (
    drafting_order,
    file_header,
    schema_present,
)
from cmwreport.text import strip_illegal, text_not_formula
from cmwreport.workspace import ANSWERS_DIR, Unit, Workspace, load_workspace

FORM_MARK = "cmwreport-form"
"""Marks a form made by cmwreport (in the hidden sheet or the hidden paragraph)."""
FORM_VERSION = 2
"""Version 2 adds a checksum of the hidden data and the key of each grey cell."""
MAX_FORM_BYTES = 20 * 1024 * 1024
"""Largest form file accepted (20 MiB)."""
MAX_ZIP_ENTRIES = 1000
"""Most entries a form's zip container may hold."""
MAX_ZIP_UNCOMPRESSED = 100 * 1024 * 1024
"""Largest total uncompressed size a form's zip may declare (100 MiB)."""
MAX_ZIP_RATIO = 200
"""Largest compression ratio of one entry bigger than 1 MiB."""
MAX_FORM_ROWS = 10_000
"""Most rows a form's sheet may have; a form has one row per question, about a hundred."""
BACKUP_DIR = "build/backups"
"""Where import keeps a copy of every answers file before rewriting it."""
DOCX_MARK_PREFIX = "CMWREPORT-FORM "

_FORMS = ("docx", "xlsx")
_STATUS_WORDS: dict[str, str] = {
    "draft": "draft",
    "draf": "draft",
    "submitted": "submitted",
    "diajukan": "submitted",
    "approved": "approved",
    "disetujui": "approved",
}


class FormError(CmwReportError):
    """A form cannot be made or imported; nothing was written."""


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

    def meta(self) -> dict[str, Any]:
        """The hidden part of the form: mark, version, body, list, per-row fingerprints, check.

        ``shown`` is the key of the grey "current answer" text (:func:`_shown_key`), so an
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
                    "shown": _shown_key(_fit_cell(_current_text(r))),
                }
                for r in self.rows
            ],
        }
        meta["check"] = _meta_check(meta)
        return meta


def _shown_key(text: str) -> str:
    """A short key of *text* that ignores how its spaces and lines are laid out."""
    from cmwreport.forms.inline import clean

    flat = " ".join(clean(text).replace("\u00a0", " ").split())
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:16]


def _meta_check(meta: dict[str, Any]) -> str:
    """The checksum of a form's hidden data (body, list, rows)."""
    payload = {k: meta.get(k) for k in ("code", "symbol", "issued", "languages")}
    payload["rows"] = [
        [str(r.get(k) or "") for k in ("question", "fingerprint", "status", "shown")]
        for r in meta.get("rows", [])
    ]
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _verify_meta(meta: dict[str, Any], path: Path, lang: str) -> None:
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


def _ruamel() -> Any:
    """A round-trip YAML reader/writer that keeps quotes and long lines."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def _answers_path(ws: Workspace, code: str) -> tuple[str, Path]:
    rel = f"{ANSWERS_DIR}/{code}.yaml"
    return rel, ws.root / rel


def _load_records(
    ws: Workspace, code: str, lang: str, *, raw: bytes | None = None
) -> tuple[Any, str]:
    """The answers file of *code* as round-trip data (``None`` if absent) and its text.

    *raw* is the file's content when the caller has read it already (under the lock).
    Characters YAML refuses are read as spaces, as ``check`` and ``render`` read them.
    """
    from cmwreport.yamledit import yaml_readable

    rel, path = _answers_path(ws, code)
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
        data = _ruamel().load(yaml_readable(text))
    except Exception as exc:  # noqa: BLE001 - ruamel's errors have no common base
        raise FormError(t("form.file_broken", lang, problem=f"{rel}: {exc}")) from exc
    if not isinstance(data, dict) or not isinstance(data.get("answers") or [], list):
        raise FormError(t("form.file_broken", lang, problem=t("scaffold.not_answers_file", lang)))
    return data, text


def _records(data: Any) -> list[Any]:
    if not isinstance(data, dict):
        return []
    records = data.get("answers")
    return list(records) if isinstance(records, list) else []


def _record_for(records: list[Any], question: str) -> tuple[int, Any] | None:
    for index, record in enumerate(records):
        if isinstance(record, dict) and str(record.get("question")) == question:
            return index, record
    return None


def _texts_of(record: Any, first_lang: str) -> dict[str, str]:
    text = record.get("text") if isinstance(record, dict) else None
    if text is None:
        return {}
    if isinstance(text, str):
        return {first_lang: str(text)}
    if isinstance(text, dict):
        return {str(k): "" if v is None else str(v) for k, v in text.items()}
    return {}


def _question_text(ws: Workspace, question: str) -> dict[str, str]:
    """The question's text by language; for an item, its paragraph's text first."""
    number, letter = parse_question_id(question)
    paragraph = ws.paragraph_by_number[number]
    result: dict[str, str] = {}
    langs = drafting_order(ws, [*paragraph.text, *(k for u in paragraph.units for k in u.text)])
    for lang in langs:
        parts = [paragraph.text.get(lang, "")]
        for unit in paragraph.units:
            if unit.item is not None and (letter is None or unit.item == letter):
                parts.append(f"({unit.item}) {unit.text.get(lang, '')}".rstrip())
        text = "\n".join(p for p in parts if p.strip())
        if text:
            result[lang] = text
    return result


def collect_form(ws: Workspace, code: str, *, lang: str = "en", today: dt.date) -> FormData:
    """The rows of *code*'s form: its assigned units and its existing records, in order."""
    if code not in ws.ministries:
        raise UnknownMinistryOption(code, list(ws.ministries), lang, option="CODE")
    data, _ = _load_records(ws, code, lang)
    records = _records(data)
    first_lang = ws.drafting_languages[0]
    covering: dict[str, str] = {}
    for record in records:
        if not isinstance(record, dict) or record.get("question") is None:
            continue
        question = str(record["question"])
        try:
            number, letter = parse_question_id(question)
        except ValueError:
            continue
        paragraph = ws.paragraph_by_number.get(number)
        for unit in paragraph.units if paragraph else []:
            if letter is None or unit.item == letter:
                covering.setdefault(unit.id, question)
    rows: list[FormRow] = []
    seen: set[str] = set()
    for unit in ws.units:
        covered = covering.get(unit.id)
        if covered is None and code not in unit.assigned:
            continue
        question = covered or unit.id
        if question in seen:
            continue
        seen.add(question)
        found = _record_for(records, question)
        record = found[1] if found else None
        texts = _texts_of(record, first_lang) if record is not None else {}
        texts = {k: strip_illegal(v) for k, v in texts.items()}
        status = str(record.get("status") or "draft") if record is not None else "draft"
        rows.append(
            FormRow(
                question=question,
                text=strip_illegal(_join_languages(_question_text(ws, question))),
                lead=unit.lead,
                data=_data_of(ws, question, unit),
                fingerprint=fingerprint(record) if record is not None else "",
                status=status if status in STATUSES else "draft",
                texts=texts,
                has_record=record is not None,
            )
        )
    if not rows:
        raise FormError(t("scaffold.none_assigned", lang, code=code))
    ministry = ws.ministries[code]
    body = pick_text(ministry.name, "id")
    body_en = pick_text(ministry.name, "en")
    if body_en and body_en != body:
        body = f"{body} / {body_en}"
    return FormData(
        code=code,
        body=strip_illegal(body),
        state=ws.loipr.state if ws.loipr else "",
        symbol=ws.loipr.symbol if ws.loipr else "",
        issued=today.isoformat(),
        languages=list(ws.drafting_languages),
        rows=rows,
    )


def _data_of(ws: Workspace, question: str, unit: Unit) -> tuple[str, ...]:
    number, letter = parse_question_id(question)
    if letter is not None:
        return unit.data
    found: dict[str, None] = {}
    for u in ws.paragraph_by_number[number].units:
        found.update(dict.fromkeys(u.data))
    return tuple(found)


def _join_languages(texts: dict[str, str]) -> str:
    if len(texts) == 1:
        return next(iter(texts.values()))
    return "\n\n".join(f"{_lang_tag(code)} {text}" for code, text in texts.items())


def _both(key: str, sep: str = " / ", **params: object) -> str:
    """A label in Indonesian then English (forms travel between people)."""
    text_id, text_en = t(key, "id", **params), t(key, "en", **params)
    return text_id if text_id == text_en else f"{text_id}{sep}{text_en}"


def _lang_tag(code: str) -> str:
    """``[bahasa Inggris / English]`` for ``en``."""
    return f"[{language_name(code, 'id')} / {language_name(code, 'en')}]"


def _answer_label(code: str) -> tuple[str, str]:
    """The label of the answer place for language *code*: (Indonesian, English)."""
    return (
        t("form.col.answer_in", "id", lang=language_name(code, "id")),
        t("form.col.answer_in", "en", lang=language_name(code, "en")),
    )


# --------------------------------------------------------------------------- writing


def make_form(
    root: Path, code: str, fmt: str, *, lang: str = "en", today: dt.date | None = None
) -> tuple[bytes, FormData]:
    """Build the form of *code* as DOCX or XLSX bytes; return them with the form's data."""
    ws = load_workspace(Path(root), lang=lang)
    form = collect_form(ws, code, lang=lang, today=today or dt.date.today())
    if fmt == "docx":
        return _docx_form(form), form
    if fmt == "xlsx":
        return _xlsx_form(form), form
    raise FormError(t("err.bad_option", lang, option="--format", value=fmt, choices="docx, xlsx"))


def default_form_path(root: Path, code: str, fmt: str, today: dt.date | None = None) -> Path:
    """``build/forms/<CODE>-<date>.<fmt>``."""
    day = (today or dt.date.today()).isoformat()
    return Path(root) / "build" / "forms" / f"{code}-{day}.{fmt}"


def _and(words: list[str], conjunction: str) -> str:
    """``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _instructions(form: FormData) -> list[tuple[str, str]]:
    """The short instructions on top of a form: (Indonesian, English) pairs."""
    langs_id = _and([language_name(c, "id") for c in form.languages], "dan")
    langs_en = _and([language_name(c, "en") for c in form.languages], "and")
    return [
        (t("form.howto.1", "id", langs=langs_id), t("form.howto.1", "en", langs=langs_en)),
        (t("form.howto.2", "id"), t("form.howto.2", "en")),
        (t("form.howto.3", "id"), t("form.howto.3", "en")),
        (t("form.howto.4", "id"), t("form.howto.4", "en")),
    ]


def _status_shown(row: FormRow) -> str:
    """The status pre-filled on the form: never ``approved``, which only coordinators give.

    An approved answer's status place is left empty: left so, the answer stays approved as
    long as its text is not changed.
    """
    return "" if row.status == "approved" else row.status


def _current_text(row: FormRow) -> str:
    if not row.has_record or not any(v.strip() for v in row.texts.values()):
        return _both("form.no_answer")
    parts = [_both("form.current_status", status=row.status)]
    for code, text in row.texts.items():
        if text.strip():
            parts.append(f"{_lang_tag(code)} {text.strip()}")
    return "\n\n".join(parts)


MAX_CELL_CHARS = 32000
"""Excel holds at most 32,767 characters in a cell; longer text is cut on the form only."""


def _fit_cell(text: str) -> str:
    """*text*, shortened with a marker when it would not fit in an Excel cell."""
    return text if len(text) <= MAX_CELL_CHARS else text[: MAX_CELL_CHARS - 1] + "…"


def _xlsx_form(form: FormData) -> bytes:
    """The Excel form: one row per question, answers typed in the yellow columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Formulir-Form"
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = Alignment(wrap_text=True, vertical="top")
    grey = PatternFill("solid", fgColor="EEEEEE")
    yellow = PatternFill("solid", fgColor="FFF6CC")
    head = PatternFill("solid", fgColor="1F4E79")
    ncols = 4 + len(form.languages)
    ws["A1"] = _both("form.title", code=form.code)
    ws["A1"].font = Font(name="Calibri", bold=True, size=14)
    ws["A2"] = strip_illegal(f"{form.body} — {form.state} — {form.symbol} — ") + _both(
        "form.issued", date=form.issued
    )
    ws["A2"].font = Font(name="Calibri", italic=True, color="555555")
    row = 3
    howto = _instructions(form)
    howto.insert(3, (t("form.howto.xlsx_newline", "id"), t("form.howto.xlsx_newline", "en")))
    for text_id, text_en in howto:
        ws.cell(row=row, column=1, value=f"• {text_id}\n   {text_en}").alignment = top
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        wrapped = -(-len(text_id) // 200) + -(-len(text_en) // 200)  # ≈ 200 characters a line
        ws.row_dimensions[row].height = max(32, 15 * wrapped + 2)
        row += 1
    header_row = row + 1
    headers = [
        _both("form.col.question_id", "\n"),
        _both("form.col.question", "\n"),
        _both("form.col.current", "\n"),
        *("\n".join(_answer_label(c)) for c in form.languages),
        _both("form.col.status", "\n"),
    ]
    widths = [10, 55, 50, *([60] * len(form.languages)), 22]
    from openpyxl.utils import get_column_letter

    for col, (label, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=header_row, column=col, value=label)
        cell.font = Font(name="Calibri", bold=True, color="FFFFFF")
        cell.fill = head
        cell.alignment = top
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[header_row].height = 75
    status_col = ncols
    validation = DataValidation(
        type="list",
        formula1='"draft,submitted,draf,diajukan"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Status",
        error=_both("form.status_error"),
    )
    ws.add_data_validation(validation)
    for offset, form_row in enumerate(form.rows, start=1):
        r = header_row + offset
        question_text = form_row.text
        if form_row.data:
            question_text += "\n\n" + _both("form.data_hint", data=", ".join(form_row.data))
        values: list[Any] = [form_row.question, question_text, _current_text(form_row)]
        values.extend("" for _ in form.languages)
        values.append(_status_shown(form_row))
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col)
            if value:
                cell.value = _fit_cell(str(value))
                cell.data_type = "s"  # text starting with "=" must stay text, not a formula
            cell.alignment = top
            cell.border = border
            if col <= 3:
                cell.fill = grey
            else:
                cell.fill = yellow
                cell.number_format = "@"  # what is typed stays as typed: 35 %, 25/10/2017
        ws.cell(row=r, column=1).font = Font(name="Calibri", bold=True)
        validation.add(f"{get_column_letter(status_col)}{r}")
        longest = max(len(question_text) / 50, len(_current_text(form_row)) / 45)
        lines = max(question_text.count("\n"), _current_text(form_row).count("\n")) + longest
        ws.row_dimensions[r].height = min(400, max(90, 15 * (lines + 1)))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=3)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    meta = wb.create_sheet("_cmwreport")
    layout = {
        "header_row": header_row,
        "first_row": header_row + 1,
        "columns": {
            "question": 1,
            **{c: 4 + i for i, c in enumerate(form.languages)},
            "status": status_col,
        },
    }
    meta["A1"] = FORM_MARK
    meta["A2"] = json.dumps({**form.meta(), "rows": [], "layout": layout})
    meta["A2"].data_type = "s"
    meta["A3"] = t("form.hidden_note", "en")
    for index, entry in enumerate(form.meta()["rows"], start=5):
        meta.cell(row=index, column=1, value=entry["question"])
        meta.cell(row=index, column=2, value=entry["fingerprint"])
        meta.cell(row=index, column=3, value=entry["status"])
        meta.cell(row=index, column=4, value=entry["shown"])
    meta.sheet_state = "veryHidden"
    text_not_formula(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _docx_form(form: FormData) -> bytes:
    """The Word form: one small table per question, answers typed in the yellow cells."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)

    def shade(cell: Any, color: str) -> None:
        props = cell._tc.get_or_add_tcPr()
        fill = OxmlElement("w:shd")
        fill.set(qn("w:val"), "clear")
        fill.set(qn("w:color"), "auto")
        fill.set(qn("w:fill"), color)
        props.append(fill)

    def label(cell: Any, text_id: str, text_en: str) -> None:
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(text_id)
        run.bold = True
        english = cell.add_paragraph().add_run(text_en)
        english.italic = True
        english.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    def put_text(cell: Any, text: str) -> None:
        chunks = [c for c in text.split("\n") if c.strip()] or [""]
        cell.paragraphs[0].add_run(chunks[0])
        for chunk in chunks[1:]:
            cell.add_paragraph(chunk)

    title = doc.add_heading(level=1)
    title.add_run(_both("form.title", code=form.code))
    sub = doc.add_paragraph()
    sub_run = sub.add_run(
        strip_illegal(f"{form.body} — {form.state} — {form.symbol} — ")
        + _both("form.issued", date=form.issued)
    )
    sub_run.italic = True
    box = doc.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    cell = box.cell(0, 0)
    shade(cell, "E8F0F8")
    first = True
    for text_id, text_en in _instructions(form):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.add_run("• " + text_id).bold = False
        english = cell.add_paragraph().add_run("   " + text_en)
        english.italic = True
        english.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    for form_row in form.rows:
        doc.add_paragraph()
        table = doc.add_table(rows=3 + len(form.languages), cols=2)
        table.style = "Table Grid"
        table.autofit = False
        table.columns[0].width = Cm(4.5)
        table.columns[1].width = Cm(12.5)
        for row in table.rows:
            row.cells[0].width = Cm(4.5)
            row.cells[1].width = Cm(12.5)
        id_cell, text_cell = table.cell(0, 0), table.cell(0, 1)
        id_run = id_cell.paragraphs[0].add_run(form_row.question)
        id_run.bold = True
        id_run.font.size = Pt(13)
        question_text = form_row.text
        if form_row.data:
            question_text += "\n" + _both("form.data_hint", data=", ".join(form_row.data))
        put_text(text_cell, question_text)
        shade(id_cell, "DDDDDD")
        shade(text_cell, "EEEEEE")
        label(table.cell(1, 0), t("form.col.current", "id"), t("form.col.current", "en"))
        put_text(table.cell(1, 1), _current_text(form_row))
        shade(table.cell(1, 1), "EEEEEE")
        for index, code in enumerate(form.languages, start=2):
            label(table.cell(index, 0), *_answer_label(code))
            table.rows[index].height = Cm(3)
            table.rows[index].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            shade(table.cell(index, 1), "FFF6CC")
        status_row = 2 + len(form.languages)
        label(table.cell(status_row, 0), t("form.col.status", "id"), t("form.col.status", "en"))
        table.cell(status_row, 1).paragraphs[0].add_run(_status_shown(form_row))
        shade(table.cell(status_row, 1), "FFF6CC")
    doc.add_paragraph()
    mark = doc.add_paragraph()
    run = mark.add_run(DOCX_MARK_PREFIX + json.dumps(form.meta(), separators=(",", ":")))
    run.font.hidden = True
    run.font.size = Pt(6)
    doc.core_properties.title = _both("form.title", code=form.code)[:250]
    doc.core_properties.subject = FORM_MARK
    doc.core_properties.keywords = f"{FORM_MARK} {form.code} {form.symbol}"[:250]
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- reading


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


@dataclass
class FilledForm:
    """A filled form read back: its hidden data and what was typed."""

    meta: dict[str, Any]
    rows: list[FilledRow]
    invalid: list[tuple[str, str]] = field(default_factory=list)


def _mb(size: int, lang: str) -> str:
    """*size* as people read it: ``20 MB``, ``1.5 MB``, or ``7586 bytes`` under 1 MB."""
    megabytes = size / (1024 * 1024)
    if megabytes < 1:
        return t("form.bytes", lang, count=size)
    return f"{megabytes:.0f} MB" if megabytes >= 10 else f"{megabytes:.1f} MB"


_SCAN_CHUNK = 1024 * 1024
"""Bytes of an XML part handed to the parser at a time."""
_CONTENT_HANDLERS = (
    "StartElementHandler",
    "EndElementHandler",
    "CharacterDataHandler",
    "ProcessingInstructionHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
)
"""The expat callbacks that only report content: left out, so a big part is read fast."""


def _part_verdict(handle: IO[bytes]) -> str | None:
    """What is wrong with the XML part read from *handle*: ``dtd``, ``malformed`` or nothing.

    defusedxml's expat parser reads the part piece by piece (memory stays small however
    big the part is; expat itself tells UTF-8 from UTF-16) and stops at the first DTD,
    entity declaration or external reference (``dtd``). A part that is not well-formed
    XML up to that point is ``malformed``.
    """
    from xml.sax import SAXException
    from xml.sax.handler import ContentHandler

    from defusedxml import DefusedXmlException
    from defusedxml.expatreader import DefusedExpatParser

    class Parser(DefusedExpatParser):
        """defusedxml's guards only: no Python call for each element or piece of text."""

        def reset(self) -> None:
            super().reset()
            expat = self._parser  # type: ignore[attr-defined]  # xml.sax.expatreader's own
            for name in _CONTENT_HANDLERS:
                setattr(expat, name, None)

    parser = Parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(ContentHandler())
    try:
        while chunk := handle.read(_SCAN_CHUNK):
            parser.feed(chunk)
        parser.close()
    except DefusedXmlException:
        return "dtd"
    except SAXException:
        return "malformed"
    return None


def _part_declares_dtd(handle: IO[bytes]) -> bool:
    """Whether the XML part read from *handle* declares a DTD, entity or external reference."""
    return _part_verdict(handle) == "dtd"


def _check_container(path: Path, lang: str) -> str:
    """Refuse oversized, foreign or dangerous files; return ``docx`` or ``xlsx``."""
    if not path.is_file():
        raise InputFileError(path, t("form.missing", lang), lang)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputFileError(path, exc.strerror or str(exc), lang) from exc
    if size > MAX_FORM_BYTES:
        raise InputFileError(
            path,
            t("form.too_big", lang, size=_mb(size, lang), limit=_mb(MAX_FORM_BYTES, lang)),
            lang,
        )
    if not zipfile.is_zipfile(path):
        raise InputFileError(path, t("form.not_office", lang), lang)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                raise InputFileError(path, t("form.too_many_entries", lang, count=len(infos)), lang)
            total = sum(i.file_size for i in infos)
            bomb = InputFileError(
                path,
                t("form.bomb", lang, size=_mb(total, lang), limit=_mb(MAX_ZIP_UNCOMPRESSED, lang)),
                lang,
            )
            if total > MAX_ZIP_UNCOMPRESSED:
                raise bomb
            for info in infos:
                ratio = info.file_size / max(1, info.compress_size)
                if info.file_size > 1024 * 1024 and ratio > MAX_ZIP_RATIO:
                    raise bomb
            names = {i.filename for i in infos}
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(info) as handle:
                        verdict = _part_verdict(handle)
                    if verdict == "dtd":
                        raise InputFileError(path, t("form.doctype", lang), lang)
                    # legacy VML drawings are kept as bytes, never parsed as XML
                    if verdict == "malformed" and not info.filename.endswith(".vml"):
                        raise InputFileError(path, t("form.not_office", lang), lang)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise InputFileError(path, t("form.not_office", lang), lang) from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    raise InputFileError(path, t("form.not_office", lang), lang)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def normalise_answer(lines: list[str]) -> str:
    """Typed lines → Markdown: each line a paragraph, list lines kept together."""
    return _cell_markdown("\n".join(lines))


def _read_meta_json(text: str, path: Path, lang: str) -> dict[str, Any]:
    try:
        meta = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise InputFileError(path, t("form.foreign", lang), lang) from exc
    if not isinstance(meta, dict) or meta.get("mark") != FORM_MARK:
        raise InputFileError(path, t("form.foreign", lang), lang)
    if meta.get("version") not in (1, FORM_VERSION):
        raise InputFileError(path, t("form.version", lang, version=meta.get("version")), lang)
    return meta


def _too_many_rows(path: Path, sheet: str, lang: str) -> InputFileError:
    """The refusal of a sheet longer than any form."""
    limit = grouped_number(MAX_FORM_ROWS, lang)
    return InputFileError(path, t("form.too_many_rows", lang, sheet=sheet, limit=limit), lang)


def _sheet_rows(
    sheet: Any, path: Path, lang: str, *, min_row: int, max_col: int, values_only: bool = True
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The rows of a read-only *sheet* from *min_row* on: (row number, values up to *max_col*).

    An oversized sheet is refused: first by its declared size, then, because that size
    may be wrong, as soon as a row beyond :data:`MAX_FORM_ROWS` is read. Rows are streamed,
    so neither time nor memory grows with what lies past the limit.
    """
    declared = sheet.max_row
    if isinstance(declared, int) and declared > MAX_FORM_ROWS:
        raise _too_many_rows(path, sheet.title, lang)
    sheet.reset_dimensions()  # a declared size too small must not hide rows either
    rows = sheet.iter_rows(min_row=1, max_col=max(1, max_col), values_only=values_only)
    for row_number, values in enumerate(rows, start=1):
        if row_number > MAX_FORM_ROWS:
            raise _too_many_rows(path, sheet.title, lang)
        if row_number >= min_row:
            yield row_number, values


def _at(values: tuple[Any, ...], column: Any) -> Any:
    """The value in 1-based *column* of a row's *values* (``None`` when out of range)."""
    if not isinstance(column, int) or not 0 < column <= len(values):
        return None
    return values[column - 1]


@contextlib.contextmanager
def _rich_inline_strings() -> Iterator[None]:
    """Let openpyxl's streaming reader keep the formatting of inline rich text too.

    With ``rich_text=True`` openpyxl keeps it for shared strings (what Excel and LibreOffice
    write) but its read-only sheets parse inline strings (what openpyxl itself writes)
    without it; the parser they use is swapped for one that keeps it, while a form is read.
    """
    from openpyxl.worksheet import _read_only
    from openpyxl.worksheet._reader import WorkSheetParser

    class RichParser(WorkSheetParser):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["rich_text"] = True
            super().__init__(*args, **kwargs)

    original = _read_only.WorkSheetParser
    _read_only.WorkSheetParser = RichParser
    try:
        yield
    finally:
        _read_only.WorkSheetParser = original


def _read_xlsx(path: Path, lang: str) -> FilledForm:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True, rich_text=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
        raise InputFileError(path, t("form.not_office", lang), lang) from exc
    try:
        with _rich_inline_strings():
            return _read_xlsx_book(wb, path, lang)
    except InputFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet fails while it is streamed
        raise InputFileError(path, t("form.not_office", lang), lang) from exc
    finally:
        wb.close()


MAX_FORM_COLUMNS = 60
"""Columns of a form's sheet that are read (a form has about eight)."""
HEADER_SEARCH_ROWS = 60
"""Rows searched from the top for the row of column headings."""


def _heading_key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _headings(languages: list[str]) -> dict[str, set[str]]:
    """Each column a form's sheet needs, with the headings that name it."""

    def names(key: str, **params: object) -> set[str]:
        text_id, text_en = t(key, "id", **params), t(key, "en", **params)
        return {_heading_key(v) for v in (text_id, text_en, f"{text_id}\n{text_en}")}

    wanted = {"question": names("form.col.question_id"), "status": names("form.col.status")}
    wanted["current"] = names("form.col.current")
    for code in languages:
        text_id, text_en = _answer_label(code)
        wanted[code] = {_heading_key(v) for v in (text_id, text_en, f"{text_id}\n{text_en}")}
    return wanted


def _heading_label(column: str, lang: str) -> str:
    """How a column is named in a message: its heading in the interface language."""
    if column == "question":
        return t("form.col.question_id", lang)
    if column == "status":
        return t("form.col.status", lang)
    if column == "current":
        return t("form.col.current", lang)
    return t("form.col.answer_in", lang, lang=language_name(column, lang))


def _find_columns(
    header: tuple[Any, ...], languages: list[str], path: Path, lang: str
) -> dict[str, int]:
    """The 1-based column of every needed heading; a missing or repeated one is refused."""
    wanted = _headings(languages)
    found: dict[str, list[int]] = {key: [] for key in wanted}
    for index, cell in enumerate(header, start=1):
        text = _heading_key(_displayed(cell, markdown=False))
        for key, names in wanted.items():
            if text in names:
                found[key].append(index)
    for key, places in found.items():
        if len(places) > 1:
            raise InputFileError(
                path, t("form.column_twice", lang, column=_heading_label(key, lang)), lang
            )
        if not places and key != "current":
            raise InputFileError(
                path, t("form.column_missing", lang, column=_heading_label(key, lang)), lang
            )
    return {key: places[0] for key, places in found.items() if places}


def _number_text(value: float, number_format: str) -> str:
    """A number as Excel shows it under *number_format* (the common formats)."""
    fmt = (number_format or "General").split(";")[0]
    fmt = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", fmt)
    if fmt.strip().lower() in ("general", "@", ""):
        if float(value).is_integer():
            return str(int(value))
        return f"{value:.10g}"
    percent = "%" in fmt
    if percent:
        value = value * 100
    decimals = 0
    if "." in fmt:
        decimals = len(re.match(r"[0#?]*", fmt.split(".", 1)[1]).group())  # type: ignore[union-attr]
    grouped = "," in fmt.split(".")[0]
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    return f"{text} %" if percent else text


def _displayed(cell: Any, *, markdown: bool = True) -> str:
    """A cell's value as Excel displays it; rich text keeps bold and italic (as Markdown)."""
    value = getattr(cell, "value", cell)
    if value is None:
        return ""
    from openpyxl.cell.rich_text import CellRichText

    if isinstance(value, CellRichText):
        if not markdown:
            return str(value)
        return _rich_markdown(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        return _number_text(value, str(getattr(cell, "number_format", "General")))
    return str(value)


def _rich_markdown(value: Any) -> str:
    """Rich text of a cell → Markdown lines (bold and italic marked, lines kept)."""
    from cmwreport.forms.inline import BREAK, Span

    spans: list[Span] = []
    for part in value:
        text = part if isinstance(part, str) else str(part.text)
        font = getattr(part, "font", None)
        bold = bool(getattr(font, "b", False)) if font is not None else False
        italic = bool(getattr(font, "i", False)) if font is not None else False
        for index, piece in enumerate(text.replace("\r\n", "\n").split("\n")):
            if index:
                spans.append(Span(BREAK))
            spans.append(Span(piece, bold, italic))
    return _SPANS_MARK + json.dumps([[s.text, s.bold, s.italic] for s in spans])


_SPANS_MARK = "\ue002"
"""Marks a displayed value that carries formatted spans (rich text) rather than plain text."""


def _cell_markdown(text: str) -> str:
    """A typed answer cell → Markdown: each line a paragraph, list lines kept together."""
    from cmwreport.forms.inline import BREAK, Block, Span, blocks_markdown

    if text.startswith(_SPANS_MARK):
        spans = [Span(a, bool(b), bool(c)) for a, b, c in json.loads(text[1:])]
    else:
        spans = [Span(text)]
    blocks: list[Block] = [Block()]
    for span in spans:
        pieces = span.text.replace("\r\n", "\n").split("\n") if span.text != BREAK else None
        if pieces is None:
            blocks.append(Block())
            continue
        for index, piece in enumerate(pieces):
            if index:
                blocks.append(Block())
            blocks[-1].spans.append(Span(piece, span.bold, span.italic))
    return blocks_markdown(blocks)


def _read_xlsx_book(wb: Any, path: Path, lang: str) -> FilledForm:
    """Read the hidden data and the typed rows of an open read-only workbook."""
    if "_cmwreport" not in wb.sheetnames or not wb.worksheets:
        raise InputFileError(path, t("form.foreign", lang), lang)
    hidden = dict(_sheet_rows(wb["_cmwreport"], path, lang, min_row=1, max_col=4))
    if hidden.get(1, (None,))[0] != FORM_MARK:
        raise InputFileError(path, t("form.foreign", lang), lang)
    meta = _read_meta_json(str(hidden.get(2, (None,))[0] or ""), path, lang)
    rows_meta: list[dict[str, str]] = []
    for values in list(hidden.values())[4:]:
        if values[0] is None:
            break
        entry = {
            "question": _cell_text(values[0]),
            "fingerprint": _cell_text(values[1]),
            "status": _cell_text(values[2]),
        }
        if len(values) > 3 and values[3] is not None:
            entry["shown"] = _cell_text(values[3])
        rows_meta.append(entry)
    meta["rows"] = rows_meta
    _verify_meta(meta, path, lang)
    languages = [str(c) for c in meta.get("languages", [])]
    filled = FilledForm(meta=meta, rows=[])
    sheet = wb.worksheets[0]
    if sheet.title == "_cmwreport" and len(wb.worksheets) > 1:
        sheet = wb.worksheets[1]
    columns: dict[str, int] | None = None
    header_names = _headings(languages)["question"]
    for row_number, cells in _sheet_rows(
        sheet, path, lang, min_row=1, max_col=MAX_FORM_COLUMNS, values_only=False
    ):
        if columns is None:
            if row_number > HEADER_SEARCH_ROWS:
                break
            if any(_heading_key(_displayed(c, markdown=False)) in header_names for c in cells):
                columns = _find_columns(cells, languages, path, lang)
            continue
        question = _displayed(_at(cells, columns["question"]), markdown=False).strip()
        if not question:
            continue
        texts = {}
        for code in languages:
            text = _cell_markdown(_displayed(_at(cells, columns[code])))
            if text:
                texts[code] = text
        status = _displayed(_at(cells, columns["status"]), markdown=False).strip() or None
        shown = None
        if "current" in columns:
            shown = _displayed(_at(cells, columns["current"]), markdown=False)
        place = t("form.place_row", lang, row=row_number)
        filled.rows.append(FilledRow(question, texts, status, place, row_number, shown=shown))
    if columns is None:
        raise InputFileError(
            path, t("form.column_missing", lang, column=_heading_label("question", lang)), lang
        )
    return filled


def _read_docx(path: Path, lang: str) -> FilledForm:
    from docx import Document

    from cmwreport.forms.docx import DocxReader

    try:
        doc = Document(str(path))
        reader = DocxReader(doc)
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
        raise InputFileError(path, t("form.not_office", lang), lang) from exc
    meta: dict[str, Any] | None = None
    for paragraph in reversed(doc.paragraphs):
        text = paragraph.text.strip()
        if text.startswith(DOCX_MARK_PREFIX.strip()):
            meta = _read_meta_json(text[len(DOCX_MARK_PREFIX.strip()) :].strip(), path, lang)
            break
    if meta is None:
        raise InputFileError(path, t("form.foreign", lang), lang)
    _verify_meta(meta, path, lang)
    languages: list[str] = list(meta.get("languages", []))
    filled = FilledForm(meta=meta, rows=[])
    known = {r["question"] for r in meta.get("rows", [])}
    number = 0
    for table in doc.tables:
        rows = table.rows
        if len(rows) < 3 + len(languages) or len(rows[0].cells) < 2:
            continue
        question = reader.plain(rows[0].cells[0]._tc).strip()
        if question not in known:
            continue
        number += 1
        place = t("form.place_table", lang, question=question, number=number)
        texts: dict[str, str] = {}
        refused: dict[str, list[str]] = {}
        for index, code in enumerate(languages, start=2):
            cell = reader.cell(rows[index].cells[1]._tc)
            if cell.refused:
                refused[code] = cell.refused
            if cell.markdown:
                texts[code] = cell.markdown
        status = reader.plain(rows[2 + len(languages)].cells[1]._tc).strip() or None
        shown = reader.plain(rows[1].cells[1]._tc)
        filled.rows.append(FilledRow(question, texts, status, place, shown=shown, refused=refused))
    return filled


def read_form(path: Path, *, lang: str = "en") -> FilledForm:
    """Read a filled form after checking the file is safe and is a cmwreport form."""
    path = Path(path)
    kind = _check_container(path, lang)
    return _read_xlsx(path, lang) if kind == "xlsx" else _read_docx(path, lang)


# --------------------------------------------------------------------------- importing


@dataclass
class RowOutcome:
    """What import did with one row of the form, or with a group of skipped rows.

    The rows whose question number was not on the form as issued are reported together:
    one outcome whose *question* says where they are (``rows 40–95``) and *rows* how many.
    """

    question: str
    action: str  # "added", "updated", "unchanged", "refused", "invalid"
    message: str = ""
    rows: int = 1


@dataclass
class ImportResult:
    """What :func:`import_form` did."""

    code: str
    path: Path
    backup: Path | None
    outcomes: list[RowOutcome]
    created: bool = False
    """Whether the answers file was created by this import."""
    schema_missing: bool = False
    """Whether the file was created while the workspace has no editor schema."""

    @property
    def written(self) -> bool:
        """Whether the answers file was rewritten."""
        return any(o.action in ("added", "updated") for o in self.outcomes)

    @property
    def failed(self) -> bool:
        """Whether some rows were refused or invalid."""
        return any(o.action in ("refused", "invalid") for o in self.outcomes)

    def count(self, action: str) -> int:
        """How many rows had *action*."""
        return sum(o.rows for o in self.outcomes if o.action == action)


def _status_of(value: str | None) -> str | None:
    if value is None:
        return None
    return _STATUS_WORDS.get(value.strip().lower())


def _literal(text: str) -> Any:
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(text.rstrip("\n") + "\n")


def _set_texts(record: Any, texts: dict[str, str], first_lang: str) -> None:
    from ruamel.yaml.comments import CommentedMap

    current = record.get("text")
    if not isinstance(current, dict):
        mapping = CommentedMap()
        if isinstance(current, str) and current.strip():
            mapping[first_lang] = current
        if "text" in record:
            record["text"] = mapping
        else:
            keys = list(record.keys())
            position = keys.index("updated") + 1 if "updated" in keys else len(keys)
            record.insert(position, "text", mapping)
        current = mapping
    for code, text in texts.items():
        current[code] = _literal(text)


def _last_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where ruamel keeps the comment that follows *node*: (container, key, slot index).

    The comment lines written after a record (often about the next record) are attached
    to the deepest last value of the record.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and len(node):
        key = list(node.keys())[-1]
        return _last_slot(node[key]) or (node, key, 2)
    if isinstance(node, CommentedSeq) and len(node):
        index = len(node) - 1
        return _last_slot(node[index]) or (node, index, 0)
    return None


def _is_block(value: Any) -> bool:
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, LiteralScalarString | FoldedScalarString)


def _take_tail(record: Any) -> str | None:
    """Detach the comment lines that follow *record* (its end-of-line comment stays)."""
    slot = _last_slot(record)
    if slot is None:
        return None
    node, key, index = slot
    entry = node.ca.items.get(key)
    if not entry or len(entry) <= index or entry[index] is None:
        return None
    token = entry[index]
    if _is_block(node[key]):
        head, rest = "", str(token.value)
    else:
        first, newline, rest = str(token.value).partition("\n")
        head = first + newline if first.strip() else ""
    if not rest:
        return None
    if head:
        token.value = head
    else:
        entry[index] = None
    return rest


def _put_tail(record: Any, rest: str | None) -> None:
    """Attach *rest* (from :func:`_take_tail`) after the record's new last value."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slot = _last_slot(record) if rest else None
    if slot is None or rest is None:
        return
    node, key, index = slot
    entry = node.ca.items.setdefault(key, [None, None, None, None] if index == 2 else [None, None])
    token = entry[index]
    if token is None:
        value = rest if _is_block(node[key]) else "\n" + rest
        entry[index] = CommentToken(value, CommentMark(0), None)
    elif str(token.value).endswith("\n"):
        token.value = str(token.value) + rest
    else:
        token.value = f"{token.value}\n{rest}"


def _touch(record: Any, status: str | None, today: dt.date) -> None:
    if status is not None and record.get("status") != status:
        record["status"] = status
    today = dt.date(today.year, today.month, today.day)  # a new object: no YAML anchor
    if "updated" in record:
        record["updated"] = today
    else:
        keys = list(record.keys())
        position = keys.index("status") + 1 if "status" in keys else len(keys)
        record.insert(position, "updated", today)


def _new_record(question: str, status: str, texts: dict[str, str], today: dt.date) -> Any:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    record = CommentedMap()
    record["question"] = DoubleQuotedScalarString(question)
    record["status"] = status
    record["updated"] = dt.date(today.year, today.month, today.day)
    text = CommentedMap()
    for code, value in texts.items():
        text[code] = _literal(value)
    record["text"] = text
    return record


def _dash_column(text: str) -> int:
    """Column of the ``-`` of the answers list in *text* (2 when unknown)."""
    inside = False
    for line in text.splitlines():
        if re.match(r"^answers\s*:", line):
            inside = True
            continue
        if inside and line.lstrip().startswith("- "):
            return len(line) - len(line.lstrip())
    return 2


def _record_lines(records: Any) -> list[int]:
    """The 0-based line where each record of a round-trip list starts (empty if unknown)."""
    try:
        return [int(records.lc.item(i)[0]) for i in range(len(records))]
    except (AttributeError, KeyError, TypeError):
        return []


def _dash_line(lines: list[str], line: int) -> int:
    """The line of the ``-`` that opens the list item whose first key is on *line*."""
    while line > 0 and not lines[line].lstrip().startswith("-"):
        line -= 1
    return line


def _dumped_starts(dumped: str) -> list[int]:
    """The 0-based line of the ``-`` of each record of ``answers:`` in ruamel's *dumped* text.

    ruamel writes every record's dash at one column, deeper than anything but the records'
    own content; a wrong guess is caught by :func:`_splice`, which then keeps the dump.
    """
    lines = dumped.splitlines()
    top = next((i for i, line in enumerate(lines) if re.match(r"^answers\s*:", line)), None)
    if top is None:
        return []
    dash: int | None = None
    starts: list[int] = []
    for index in range(top + 1, len(lines)):
        line = lines[index]
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        is_item = body.startswith("- ") or body == "-"
        if dash is None:
            if not is_item:
                break
            dash = indent
        if indent == dash and is_item:
            starts.append(index)
        elif indent < dash or (indent == 0 and not is_item):
            break
    return starts


def _splice(old_text: str, old_starts: list[int], changed: set[int], dumped: str) -> str:
    """The old file with only the *changed* records (and the new ones) taken from *dumped*.

    ruamel's dump normalises the layout of the whole file (indentation, spacing, escapes);
    splicing keeps every byte of the records the import did not touch. Falls back to
    *dumped* whenever the two cannot be matched record by record.
    """
    if not old_text or not old_starts:
        return dumped.replace("\n", "\r\n") if "\r\n" in old_text else dumped
    import yaml as pyyaml

    from cmwreport.yamledit import yaml_readable

    crlf = "\r\n" in old_text
    new_starts = _dumped_starts(dumped)
    if len(new_starts) < len(old_starts):
        return dumped.replace("\n", "\r\n") if crlf else dumped
    old_lines = old_text.splitlines(keepends=True)
    new_lines = dumped.splitlines(keepends=True)
    old_cuts = [_dash_line(old_lines, n) for n in old_starts] + [len(old_lines)]
    new_cuts = [_dash_line(new_lines, n) for n in new_starts] + [len(new_lines)]

    def new_part(start: int, end: int) -> list[str]:
        part = new_lines[start:end]
        return [line.replace("\n", "\r\n") for line in part] if crlf else part

    out = old_lines[: old_cuts[0]]
    for index in range(len(old_starts)):
        if index in changed:
            out.extend(new_part(new_cuts[index], new_cuts[index + 1]))
        else:
            out.extend(old_lines[old_cuts[index] : old_cuts[index + 1]])
    appended = new_part(new_cuts[len(old_starts)], len(new_lines))
    if appended and out and not out[-1].endswith("\n"):
        out[-1] += "\r\n" if crlf else "\n"
    out.extend(appended)
    spliced = "".join(out)
    try:
        loader = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)
        same = pyyaml.load(yaml_readable(spliced), Loader=loader) == pyyaml.load(
            dumped, Loader=loader
        )
    except pyyaml.YAMLError:
        same = False
    if same:
        return spliced
    return dumped.replace("\n", "\r\n") if crlf else dumped


def _backup_path(root: Path, code: str, now: dt.datetime) -> Path:
    folder = root / BACKUP_DIR
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{code}-{stamp}.yaml"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{code}-{stamp}-{counter}.yaml"
    return candidate


def _already_there(record: Any, texts: dict[str, str], status: str | None, first: str) -> bool:
    """Whether *record* already says what the form says (the form was imported before)."""
    current = _texts_of(record, first)
    same_text = all(current.get(k, "").strip() == v.strip() for k, v in texts.items())
    return same_text and (status is None or record.get("status") == status)


MAX_PLACES_LISTED = 6
"""How many rows (or runs of rows) the line about skipped rows names before ``…``."""


def _places(rows: list[FilledRow], lang: str) -> str:
    """Where the *rows* are, briefly: ``rows 7, 40–95`` (runs of rows joined)."""
    numbers = sorted({r.row for r in rows if r.row is not None})
    if not numbers:
        shown = [r.place for r in rows[:MAX_PLACES_LISTED]]
        return ", ".join(shown) + (", …" if len(rows) > MAX_PLACES_LISTED else "")
    runs: list[list[int]] = []
    for value in numbers:
        if runs and value == runs[-1][1] + 1:
            runs[-1][1] = value
        else:
            runs.append([value, value])
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:MAX_PLACES_LISTED]]
    listed = ", ".join(parts) + (", …" if len(runs) > MAX_PLACES_LISTED else "")
    if len(numbers) == 1:
        return t("form.place_row", lang, row=listed)
    return t("form.place_rows", lang, rows=listed)


def _iter_rows(filled: FilledForm) -> Iterator[tuple[FilledRow, dict[str, str] | None]]:
    issued = {r["question"]: r for r in filled.meta.get("rows", [])}
    for row in filled.rows:
        yield row, issued.get(row.question)


_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:.*(?:\n(?:[ ]{4}|\t).*|\n[ \t]*(?=\n[ ]{4}))*", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def _keep_footnotes(new: str, old: str) -> str:
    """*new*, with the definitions of footnotes it cites but lacks taken over from *old*."""
    defined = {m.group(1) for m in _FOOTNOTE_DEF.finditer(new)}
    cited = [label for label in dict.fromkeys(_FOOTNOTE_REF.findall(new)) if label not in defined]
    if not cited:
        return new
    previous = {m.group(1): m.group(0).rstrip() for m in _FOOTNOTE_DEF.finditer(old)}
    extra = [previous[label] for label in cited if label in previous]
    return "\n\n".join([new.rstrip(), *extra]) if extra else new


def _check_owner(form_path: Path, code: str, ws: Workspace, lang: str) -> None:
    """Refuse a form whose file name says it belongs to another body than its hidden code."""
    stem = form_path.stem.upper()
    owners = [
        c for c in ws.ministries if stem == c or re.match(rf"^{re.escape(c)}(?![A-Z0-9])", stem)
    ]
    if owners and code not in owners:
        longest = max(owners, key=len)
        if not (stem.startswith(code) and len(code) >= len(longest)):
            raise FormError(
                t("form.other_body_file", lang, file=form_path.name, code=code, other=longest)
            )


def _shared_with(records: list[Any], index: int) -> list[str]:
    """Questions of the other records that share (through a YAML alias) a value of record *index*.

    The value a form changes — the record's ``text`` — is split from them first, so the other
    records keep their text (see :func:`_split_text`).
    """
    mine: set[int] = set()

    def collect(node: Any, into: set[int]) -> None:
        if _anchored(node):
            into.add(id(node))
        if isinstance(node, dict):
            for value in node.values():
                collect(value, into)
        elif isinstance(node, list):
            for value in node:
                collect(value, into)

    collect(records[index].get("text"), mine)
    if not mine:
        return []
    found: list[str] = []
    for other_index, record in enumerate(records):
        if other_index == index or not isinstance(record, dict):
            continue
        theirs: set[int] = set()
        collect(record, theirs)
        if theirs & mine:
            found.append(str(record.get("question")))
    return found


def _anchored(node: Any) -> bool:
    anchor = getattr(node, "anchor", None)
    return anchor is not None and getattr(anchor, "value", None) is not None


def _split_text(record: Any) -> None:
    """Give *record* its own copy of its ``text`` mapping (no longer shared through an alias)."""
    from ruamel.yaml.comments import CommentedMap

    current = record.get("text")
    if isinstance(current, dict) and _anchored(current):
        copy = CommentedMap()
        for key, value in current.items():
            copy[key] = value
        record["text"] = copy


def _errors_by_code(ws: Workspace) -> dict[str, int]:
    from cmwreport.checks import all_problems

    counts: dict[str, int] = {}
    for problem in all_problems(ws):
        if problem.severity == "error":
            counts[problem.code] = counts.get(problem.code, 0) + 1
    return counts


def _new_errors(ws: Workspace, rel: str, text: str, lang: str) -> list[str]:
    """The errors ``check`` would report if *rel* held *text* and does not report now."""
    import dataclasses

    from cmwreport.checks import all_problems
    from cmwreport.workspace import _load_answer_file

    before = _errors_by_code(ws)
    trial = dataclasses.replace(
        ws,
        answers=[a for a in ws.answers if a.file != rel],
        files=[f for f in ws.files if f != rel],
        problems=[p for p in ws.problems if p.file != rel],
        unknown_codes=[u for u in ws.unknown_codes if u.file != rel],
        unknown_questions=[a for a in ws.unknown_questions if a.file != rel],
        text_fields=[f for f in ws.text_fields if f[0] != rel],
    )
    with tempfile.TemporaryDirectory(prefix="cmwreport-import-") as folder:
        candidate = Path(folder) / Path(rel).name
        candidate.write_text(text, encoding="utf-8")
        _load_answer_file(trial, candidate)
    after = _errors_by_code(trial)
    grown = {code for code, count in after.items() if count > before.get(code, 0)}
    if not grown:
        return []
    return [
        p.format(lang) for p in all_problems(trial) if p.severity == "error" and p.code in grown
    ]


def import_form(
    root: Path,
    form_path: Path,
    *,
    force: bool = False,
    approve: bool = False,
    lang: str = "en",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    notice: Any = None,
) -> ImportResult:
    """Read the filled form *form_path* into its body's answers file.

    The answers file is locked while it is read and rewritten (:func:`cmwreport.yamledit.locked`).
    """
    from cmwreport.yamledit import locked

    root = Path(root)
    filled = read_form(Path(form_path), lang=lang)
    code = str(filled.meta.get("code", ""))
    if not _CODE.match(code):
        raise InputFileError(Path(form_path), t("form.meta_edited", lang), lang)
    rel = f"{ANSWERS_DIR}/{code}.yaml"
    if not (root / "questions" / "loipr.yaml").is_file():
        load_workspace(root, lang=lang)  # raises the usual "no workspace here"
    with locked(root / rel, rel=rel, lang=lang, notice=notice):
        return _import_locked(
            root,
            Path(form_path),
            filled,
            force=force,
            approve=approve,
            lang=lang,
            today=today or dt.date.today(),
            now=now or dt.datetime.now(),
        )


def _import_locked(  # noqa: C901 - one pass over the rows, in the order a person reads them
    root: Path,
    form_path: Path,
    filled: FilledForm,
    *,
    force: bool,
    approve: bool,
    lang: str,
    today: dt.date,
    now: dt.datetime,
) -> ImportResult:
    from cmwreport.yamledit import read_bytes, replace_checked

    ws = load_workspace(root, lang=lang)
    meta = filled.meta
    code = str(meta.get("code", ""))
    if code not in ws.ministries:
        raise FormError(
            t("form.unknown_body", lang, code=code, known=", ".join(ws.ministries) or "—")
        )
    symbol = ws.loipr.symbol if ws.loipr else ""
    if meta.get("symbol") != symbol:
        raise FormError(
            t("form.other_list", lang, form=meta.get("symbol"), workspace=symbol, code=code)
        )
    _check_owner(form_path, code, ws, lang)
    first_lang = ws.drafting_languages[0]
    languages = [c for c in meta.get("languages", []) if c in ws.drafting_languages]
    rel, path = _answers_path(ws, code)
    old_bytes = read_bytes(path, lang=lang)
    data, old_text = _load_records(ws, code, lang, raw=old_bytes)
    if data is None:
        data = _ruamel().load(file_header(ws, code, lang=lang))
        old_text = ""
    declared = data.get("ministry")
    if declared is not None and str(declared) != code:
        raise FormError(
            t("form.file_of_other_body", lang, path=rel, code=code, other=str(declared))
        )
    if data.get("answers") is None:
        from ruamel.yaml.comments import CommentedSeq

        data["answers"] = CommentedSeq()
    records = data["answers"]
    old_starts = _record_lines(records)
    changed: set[int] = set()
    outcomes: list[RowOutcome] = []
    unknown: list[FilledRow] = []
    gone: list[str] = []
    for row, issued in _iter_rows(filled):
        question = row.question
        if issued is None:
            unknown.append(row)
            continue
        if row.refused:
            kinds = sorted({k for v in row.refused.values() for k in v})
            what = ", ".join(t(f"form.kind.{k}", lang) for k in kinds)
            outcomes.append(
                RowOutcome(
                    question, "refused", t("form.cannot_carry", lang, question=question, what=what)
                )
            )
            continue
        shown_key = issued.get("shown")
        if shown_key and row.shown is not None and _shown_key(row.shown) != shown_key:
            outcomes.append(
                RowOutcome(question, "refused", t("form.grey_edited", lang, question=question))
            )
            continue
        status = _status_of(row.status)
        if row.status is not None and status is None:
            outcomes.append(
                RowOutcome(
                    question,
                    "invalid",
                    t("form.bad_status", lang, place=row.place, value=row.status),
                )
            )
            continue
        texts = {k: v for k, v in row.texts.items() if k in languages}
        issued_status = issued.get("status") or "draft"
        status_changed = status is not None and status != issued_status
        if not texts and not (status_changed and issued.get("fingerprint")):
            outcomes.append(RowOutcome(question, "unchanged"))
            continue
        found = _record_for(list(records), question)
        if found is not None:
            old_texts = _texts_of(found[1], first_lang)
            texts = {k: _keep_footnotes(v, old_texts.get(k, "")) for k, v in texts.items()}
        if found is not None and _already_there(found[1], texts, status, first_lang):
            outcomes.append(RowOutcome(question, "unchanged"))
            continue
        if status == "approved" and not approve:
            outcomes.append(
                RowOutcome(question, "refused", t("form.approved_refused", lang, question=question))
            )
            continue
        issued_fp = issued.get("fingerprint") or ""
        current_fp = fingerprint(found[1]) if found else ""
        if current_fp != issued_fp and not force:
            key = "form.conflict_removed" if issued_fp and not found else "form.conflict"
            outcomes.append(RowOutcome(question, "refused", t(key, lang, question=question)))
            continue
        if not _units_of_question(ws, question):
            gone.append(question)
            continue
        if found is None:
            records.append(_new_record(question, status or "draft", texts, today))
            outcomes.append(RowOutcome(question, "added"))
            continue
        index, record = found
        notes: list[str] = []
        old_texts = _texts_of(record, first_lang)
        text_changes = any(old_texts.get(k, "").strip() != v.strip() for k, v in texts.items())
        if record.get("status") == "approved" and text_changes and status in (None, "approved"):
            if status is None or not approve:
                status = "submitted"
                notes.append(t("form.approved_now_submitted", lang, question=question))
        sharing = _shared_with(list(records), index) if texts else []
        if sharing:
            notes.append(
                t(
                    "form.alias_split",
                    lang,
                    question=question,
                    others=", ".join(sharing),
                    count=len(sharing),
                )
            )
            for other in sharing:
                other_found = _record_for(list(records), other)
                if other_found is not None:
                    changed.add(other_found[0])
            _split_text(record)
        changed.add(index)
        tail = _take_tail(record)
        if texts:
            _set_texts(record, texts, first_lang)
        _touch(record, status, today)
        _put_tail(record, tail)
        outcomes.append(RowOutcome(question, "updated", " ".join(notes)))
    if gone:
        raise FormError(t("form.questions_gone", lang, questions=", ".join(gone), path=rel))
    if unknown:
        message = t("form.unknown_rows", lang, count=len(unknown))
        outcomes.append(RowOutcome(_places(unknown, lang), "invalid", message, len(unknown)))
    result = ImportResult(code=code, path=path, backup=None, outcomes=outcomes)
    if not result.written:
        return result
    yaml = _ruamel()
    dash = _dash_column(old_text or file_header(ws, code, lang=lang))
    yaml.indent(mapping=2, sequence=dash + 2, offset=dash)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    new_text = _splice(old_text, old_starts, changed, buffer.getvalue())
    problems = _new_errors(ws, rel, new_text, lang)
    if problems:
        raise FormError(t("form.would_break", lang, path=rel, problems="\n  ".join(problems[:10])))
    new_bytes = new_text.encode("utf-8")
    if old_bytes is not None and old_bytes.startswith(b"\xef\xbb\xbf"):  # keep a byte order mark
        new_bytes = b"\xef\xbb\xbf" + new_bytes
    if old_bytes is not None:
        result.backup = write_atomic(_backup_path(root, code, now), old_bytes, lang=lang)
    else:
        result.created = True
        result.schema_missing = not schema_present(root)
    replace_checked(path, old_bytes, new_bytes, rel=rel, lang=lang)
    return result


def _units_of_question(ws: Workspace, question: str) -> bool:
    """Whether the list of issues still has *question*."""
    try:
        number, letter = parse_question_id(question)
    except ValueError:
        return False
    paragraph = ws.paragraph_by_number.get(number)
    if paragraph is None:
        return False
    return letter is None or any(u.item == letter for u in paragraph.units)
