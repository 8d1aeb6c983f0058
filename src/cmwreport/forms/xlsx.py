"""The Excel form: written with one row per question, read back by its column headings.

:func:`write_xlsx` writes the sheet people fill in (yellow columns, one per drafting
language, and a status column with a drop-down) and a very hidden sheet with the form's
data. :func:`read_xlsx` reads a filled form in openpyxl's streaming mode: the columns are
found by their headings wherever a person moved them, a cell is read as Excel displays it
(``35 %``, a date as ``YYYY-MM-DD``), rich text keeps bold and italic, and a sheet longer
than :data:`MAX_FORM_ROWS` rows is refused, so a stretched sheet costs neither time nor
memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cmwreport.errors import InputFileError
from cmwreport.forms.collect import (
    FORM_MARK,
    IMPLEMENTATION_WORDS_ID,
    FilledForm,
    FilledRow,
    FormData,
    FormRow,
    current_text,
    fit_cell,
    kind_of,
    read_meta_json,
    status_shown,
    verify_meta,
)
from cmwreport.forms.labels import answer_label, both, instructions
from cmwreport.i18n import language_name, t
from cmwreport.i18n import number as grouped_number
from cmwreport.models import IMPLEMENTATIONS
from cmwreport.text import strip_illegal, text_not_formula

IMPLEMENTATION_COLUMN = "implementation"
"""The key of a follow-up form's implementation column, read beside the language columns."""

MAX_FORM_ROWS = 10_000
"""Most rows a form's sheet may have; a form has one row per question, about a hundred."""


def write_xlsx(form: FormData) -> bytes:
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
    follow_up = form.kind.follow_up
    ncols = 4 + len(form.languages) + (1 if follow_up else 0)
    ws["A1"] = both("form.title_follow_up" if follow_up else "form.title", code=form.code)
    ws["A1"].font = Font(name="Calibri", bold=True, size=14)
    ws["A2"] = strip_illegal(f"{form.body} — {form.state} — {form.symbol} — ") + both(
        "form.issued", date=form.issued
    )
    ws["A2"].font = Font(name="Calibri", italic=True, color="555555")
    row = 3
    howto = instructions(form.languages, follow_up)
    howto.insert(3, (t("form.howto.xlsx_newline", "id"), t("form.howto.xlsx_newline", "en")))
    for text_id, text_en in howto:
        ws.cell(row=row, column=1, value=f"• {text_id}\n   {text_en}").alignment = top
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        wrapped = -(-len(text_id) // 200) + -(-len(text_en) // 200)  # ≈ 200 characters a line
        ws.row_dimensions[row].height = max(32, 15 * wrapped + 2)
        row += 1
    header_row = row + 1
    headers, widths = _headers(form)
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
        error=both("form.status_error"),
    )
    ws.add_data_validation(validation)
    implementation = _implementation_validation() if follow_up else None
    if implementation is not None:
        ws.add_data_validation(implementation)
    style = {"top": top, "border": border, "grey": grey, "yellow": yellow}
    for offset, form_row in enumerate(form.rows, start=1):
        r = header_row + offset
        _write_row(ws, form, form_row, r, style)
        validation.add(f"{get_column_letter(status_col)}{r}")
        if implementation is not None:
            implementation.add(f"{get_column_letter(status_col - 1)}{r}")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=3)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    layout = {
        "header_row": header_row,
        "first_row": header_row + 1,
        "columns": {
            "question": 1,
            **{c: 4 + i for i, c in enumerate(form.languages)},
            **({"implementation": status_col - 1} if follow_up else {}),
            "status": status_col,
        },
    }
    _hidden_sheet(wb, form, layout)
    text_not_formula(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_row(ws: Any, form: FormData, form_row: FormRow, r: int, style: dict[str, Any]) -> None:
    """Row *r* of the sheet: the question (grey) and the places to type in (yellow)."""
    from openpyxl.styles import Font

    question_text = form_row.text
    if form_row.data:
        question_text += "\n\n" + both("form.data_hint", data=", ".join(form_row.data))
    question_text += form_row.question_text()[len(form_row.text) :]  # its footnotes, last
    values: list[Any] = [form_row.question, question_text, current_text(form_row)]
    values.extend("" for _ in form.languages)
    if form.kind.follow_up:
        values.append(form_row.implementation)
    values.append(status_shown(form_row))
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=r, column=col)
        if value:
            cell.value = fit_cell(str(value))
            cell.data_type = "s"  # text starting with "=" must stay text, not a formula
        cell.alignment = style["top"]
        cell.border = style["border"]
        if col <= 3:
            cell.fill = style["grey"]
        else:
            cell.fill = style["yellow"]
            cell.number_format = "@"  # what is typed stays as typed: 35 %, 25/10/2017
    ws.cell(row=r, column=1).font = Font(name="Calibri", bold=True)
    longest = max(len(question_text) / 50, len(current_text(form_row)) / 45)
    lines = max(question_text.count("\n"), current_text(form_row).count("\n")) + longest
    ws.row_dimensions[r].height = min(400, max(90, 15 * (lines + 1)))


def _headers(form: FormData) -> tuple[list[str], list[int]]:
    """The column headings of the form's sheet and their widths."""
    follow_up = form.kind.follow_up
    headers = [
        both("form.col.question_id", "\n"),
        both("form.col.recommendation" if follow_up else "form.col.question", "\n"),
        both("form.col.current", "\n"),
        *("\n".join(answer_label(c)) for c in form.languages),
        *([both("form.col.implementation", "\n")] if follow_up else []),
        both("form.col.status", "\n"),
    ]
    widths = [10, 55, 50, *([60] * len(form.languages)), *([24] if follow_up else []), 22]
    return headers, widths


def _hidden_sheet(wb: Any, form: FormData, layout: dict[str, Any]) -> None:
    """The very hidden sheet: the form's data as JSON, then one row per question below."""
    meta = wb.create_sheet("_cmwreport")
    meta["A1"] = FORM_MARK
    meta["A2"] = json.dumps({**form.meta(), "rows": [], "layout": layout})
    meta["A2"].data_type = "s"
    meta["A3"] = t("form.hidden_note", "en")
    keys: tuple[str, ...] = ("question", "fingerprint", "status", "shown")
    if form.kind.follow_up:
        keys = (*keys, "implementation")
    for index, entry in enumerate(form.meta()["rows"], start=5):
        for column, key in enumerate(keys, start=1):
            meta.cell(row=index, column=column, value=entry[key] or None)
    meta.sheet_state = "veryHidden"


def _implementation_validation() -> Any:
    """The drop-down of a follow-up form's implementation column (English and Indonesian)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    words = [*IMPLEMENTATIONS, *IMPLEMENTATION_WORDS_ID]
    return DataValidation(
        type="list",
        formula1='"' + ",".join(words) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Implementation",
        error=both("form.implementation_error"),
    )


def _cell_text(value: Any) -> str:
    """A value of the hidden sheet as text (a whole number without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def normalise_answer(lines: list[str]) -> str:
    """Typed lines → Markdown: each line a paragraph, list lines kept together."""
    return _cell_markdown("\n".join(lines))


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


def read_xlsx(path: Path, lang: str) -> FilledForm:
    """Read a filled Excel form (checked by :func:`cmwreport.forms.safety.check_container`).

    openpyxl reads a damaged workbook with no error type of its own: a missing part is a
    ``KeyError``, a wrong value an ``AttributeError``, ``TypeError`` or ``ValueError`` from
    its descriptors, bad XML an ``ElementTree.ParseError``, while the workbook is opened or
    later, while its rows are streamed. Every one of them means "damaged" to the person who
    sent the form, so each is reported as such, naming the file (never a traceback).
    """
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True, rich_text=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl has no common error type (see above)
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
    """A heading as compared: case and the layout of spaces and lines ignored."""
    return " ".join(str(text).split()).casefold()


def _headings(languages: list[str]) -> dict[str, set[str]]:
    """Each column a form's sheet needs, with the headings that name it."""

    def names(key: str, **params: object) -> set[str]:
        text_id, text_en = t(key, "id", **params), t(key, "en", **params)
        return {_heading_key(v) for v in (text_id, text_en, f"{text_id}\n{text_en}")}

    wanted = {"question": names("form.col.question_id"), "status": names("form.col.status")}
    wanted["current"] = names("form.col.current")
    for code in languages:
        if code == IMPLEMENTATION_COLUMN:
            wanted[code] = names("form.col.implementation")
            continue
        text_id, text_en = answer_label(code)
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
    if column == IMPLEMENTATION_COLUMN:
        return t("form.col.implementation", lang)
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
    meta = _hidden_meta(wb["_cmwreport"], path, lang)
    languages = [str(c) for c in meta.get("languages", [])]
    sheet = wb.worksheets[0]
    if sheet.title == "_cmwreport" and len(wb.worksheets) > 1:
        sheet = wb.worksheets[1]
    if kind_of(meta).follow_up:
        languages = [*languages, IMPLEMENTATION_COLUMN]
    return FilledForm(meta=meta, rows=_filled_rows(sheet, languages, path, lang))


def _hidden_meta(sheet: Any, path: Path, lang: str) -> dict[str, Any]:
    """The form's hidden data: the JSON in the hidden sheet, and one row per question below."""
    hidden = dict(_sheet_rows(sheet, path, lang, min_row=1, max_col=5))
    if hidden.get(1, (None,))[0] != FORM_MARK:
        raise InputFileError(path, t("form.foreign", lang), lang)
    meta = read_meta_json(str(hidden.get(2, (None,))[0] or ""), path, lang)
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
        if meta.get("kind"):
            entry["implementation"] = _cell_text(values[4]) if len(values) > 4 else ""
        rows_meta.append(entry)
    meta["rows"] = rows_meta
    verify_meta(meta, path, lang)
    return meta


def _filled_rows(sheet: Any, languages: list[str], path: Path, lang: str) -> list[FilledRow]:
    """The rows typed under the row of headings, wherever a person moved the columns."""
    rows: list[FilledRow] = []
    columns: dict[str, int] | None = None
    header_names = _headings(languages)["question"]
    for row_number, cells in _sheet_rows(
        sheet, path, lang, min_row=1, max_col=MAX_FORM_COLUMNS, values_only=False
    ):
        if columns is not None:
            row = _filled_row(cells, columns, languages, row_number, lang)
            if row is not None:
                rows.append(row)
        elif row_number > HEADER_SEARCH_ROWS:
            break
        elif any(_heading_key(_displayed(c, markdown=False)) in header_names for c in cells):
            columns = _find_columns(cells, languages, path, lang)
    if columns is None:
        raise InputFileError(
            path, t("form.column_missing", lang, column=_heading_label("question", lang)), lang
        )
    return rows


def _filled_row(
    cells: tuple[Any, ...], columns: dict[str, int], languages: list[str], number: int, lang: str
) -> FilledRow | None:
    """What one row of the sheet says (``None`` for a row without a question number)."""
    question = _displayed(_at(cells, columns["question"]), markdown=False).strip()
    if not question:
        return None
    texts = {}
    implementation = None
    for code in languages:
        if code == IMPLEMENTATION_COLUMN:
            chosen = _displayed(_at(cells, columns[code]), markdown=False).strip()
            implementation = chosen or None
            continue
        text = _cell_markdown(_displayed(_at(cells, columns[code])))
        if text:
            texts[code] = text
    status = _displayed(_at(cells, columns["status"]), markdown=False).strip() or None
    shown = None
    if "current" in columns:
        shown = _displayed(_at(cells, columns["current"]), markdown=False)
    place = t("form.place_row", lang, row=number)
    return FilledRow(
        question, texts, status, place, number, shown=shown, implementation=implementation
    )
