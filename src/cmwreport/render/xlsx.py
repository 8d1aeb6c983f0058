"""The coverage "matriks" as an Excel workbook, the spreadsheet a coordination meeting uses.

Sheets: Summary (the figures, words against the limit, every section), Units (one row per
unit, ending with the statistics it asks for and the breakdowns still missing), Bodies
(one row per body) and, with ``--since``, Since last meeting. Table sheets have a frozen
header row, filters, set column widths and states written as words *and* coloured. Dates
are real dates. The same coverage gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cmwreport.coverage import (
    IMPLEMENTATION_STATES,
    STATES,
    Coverage,
    MinistryCoverage,
    UnitCoverage,
    own_statuses,
)
from cmwreport.i18n import t
from cmwreport.render.tables import (
    due_text,
    follow_up_title,
    implementation_label,
    implementation_moves,
    since_heading,
    since_summary,
    state_label,
    units_word,
)
from cmwreport.text import join_and, text_not_formula

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FILLS = {"unanswered": "F8D3CF", "draft": "FDE68A", "submitted": "BCD5FB", "approved": "17753A"}
"""Background of a state's cell (the word is written too, so colour is not needed)."""
INKS = {"unanswered": "7A1410", "draft": "3D2C00", "submitted": "0D2F66", "approved": "FFFFFF"}
IMPLEMENTATION_FILLS = {
    "not-started": "F8D3CF",
    "partial": "FDE68A",
    "implemented": "CDEBD6",
    "unknown": "E5E7EB",
}
"""Background of a recommendation's implementation cell (the word is written too)."""
HEADER_FILL = "1F2937"
BAND_FILL = "EEF1F5"
DATE_FORMAT = "yyyy-mm-dd"


def _state_style(cell: Any, state: str | None) -> None:
    from openpyxl.styles import Font, PatternFill

    if state not in FILLS:
        return
    cell.fill = PatternFill("solid", start_color=FILLS[state], end_color=FILLS[state])
    cell.font = Font(bold=True, color=INKS[state])


def _header(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    """Write a bold white-on-dark header row."""
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(row=row, column=col, value=label)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _table(ws: Worksheet, header_row: int, columns: int, last_row: int) -> None:
    """Freeze the rows down to the header and put filters on the table."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    last = max(last_row, header_row)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{last}"
    ws.row_dimensions[header_row].height = 32
    _page_setup(ws, header_row)


def _page_setup(ws: Worksheet, header_row: int | None) -> None:
    """Print landscape on A4, as wide as the page, repeating the header row."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"


def _percent_bar(ws: Worksheet, ref: str) -> None:
    from openpyxl.formatting.rule import DataBarRule

    ws.conditional_formatting.add(
        ref,
        DataBarRule(start_type="num", start_value=0, end_type="num", end_value=1, color="17753A"),
    )


def _words(state: str, lang: str) -> str:
    return t("state." + state, lang)


def _summary(wb: Any, cov: Coverage, lang: str) -> None:
    from openpyxl.styles import Font

    ws = wb.active
    ws.title = t("sheet.summary", lang)
    title = (
        t("cov.title_ministry", lang, code=cov.ministry) if cov.ministry else t("cov.title", lang)
    )
    ws["A1"] = title
    if cov.follow_up is not None:
        ws["A1"] = follow_up_title(cov, lang)
    ws["A1"].font = Font(bold=True, size=16)
    ws["A2"] = f"{cov.state} · {t('cov.list_of_issues', lang)} {cov.symbol}"
    if cov.follow_up is not None:
        ws["A2"] = f"{cov.state} · {t('fu.observations', lang)} {cov.follow_up.observations}"
    ws["A2"].font = Font(italic=True, color="3D3D3D")
    body = _body(cov)
    row = _summary_facts(ws, 4, cov, body, lang)
    row = _summary_states(ws, row + 1, cov, lang)
    if cov.follow_up is not None:
        row = _summary_follow_up(ws, row + 2, cov, lang)
    if body is not None:
        row = _summary_body(ws, row + 2, cov, body, lang)
    _summary_sections(ws, row + 2, cov, lang)
    _widths(ws, [62, 18, 15, 12, 13, 13, 14])
    _page_setup(ws, None)


def _summary_facts(
    ws: Any, row: int, cov: Coverage, body: MinistryCoverage | None, lang: str
) -> int:
    """The facts of the summary (state, symbols, date, words) from *row*; the row after."""
    from openpyxl.styles import Alignment, Font

    facts: list[tuple[str, Any, str | None]] = [
        (t("cov.state_of", lang), cov.state, None),
        (t("cov.list_of_issues", lang), cov.symbol, None),
        (t("cov.report_symbol", lang), cov.report_symbol or "—", None),
        (t("cov.generated_on", lang), cov.generated, DATE_FORMAT),
    ]
    if body is not None:
        facts.append((t("cov.body", lang), f"{body.code} — {body.name}", None))
    facts += [
        (t("cov.words_total", lang), cov.words, "#,##0"),
        (t("cov.word_limit", lang), cov.limit or "—", "#,##0"),
        (t("cov.words_title", lang), cov.words / cov.limit if cov.limit else 0, "0%"),
    ]
    for label, value, number_format in facts:
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = ws.cell(row=row, column=2, value=value)
        cell.alignment = Alignment(horizontal="left")
        if number_format:
            cell.number_format = number_format
        row += 1
    return row


def _summary_states(ws: Any, row: int, cov: Coverage, lang: str) -> int:
    """The units by state, headed at *row*; the row of their total."""
    from openpyxl.styles import Font

    _header(ws, row, [t("cov.state", lang), t("cov.count", lang), t("cov.share", lang)])
    total = cov.totals["units"]
    for state in STATES:
        row += 1
        _state_style(ws.cell(row=row, column=1, value=_words(state, lang)), state)
        ws.cell(row=row, column=2, value=cov.totals[state])
        share = ws.cell(row=row, column=3, value=cov.totals[state] / total if total else 0)
        share.number_format = "0%"
    row += 1
    ws.cell(row=row, column=1, value=units_word(cov, lang).capitalize()).font = Font(bold=True)
    ws.cell(row=row, column=2, value=total).font = Font(bold=True)
    return row


def _summary_body(ws: Any, row: int, cov: Coverage, body: MinistryCoverage, lang: str) -> int:
    """One body's own answers by status, headed at *row*; the row of the note under them."""
    from openpyxl.styles import Font

    own = own_statuses(body.code, cov.units)
    _header(ws, row, [t("cov.its_status", lang), t("cov.count", lang), t("cov.share", lang)])
    for state in STATES:
        row += 1
        _state_style(ws.cell(row=row, column=1, value=_words(state, lang)), state)
        ws.cell(row=row, column=2, value=own[state])
        share = ws.cell(row=row, column=3, value=own[state] / body.assigned if body.assigned else 0)
        share.number_format = "0%"
    row += 1
    ws.cell(row=row, column=1, value=t("cov.assigned", lang)).font = Font(bold=True)
    ws.cell(row=row, column=2, value=body.assigned).font = Font(bold=True)
    row += 1
    ws.cell(row=row, column=1, value=t("cov.body_tiles_note", lang, code=body.code))
    return row


def _summary_sections(ws: Any, row: int, cov: Coverage, lang: str) -> None:
    """The units of each section by state, under a title at *row*."""
    from openpyxl.styles import Font

    ws.cell(row=row, column=1, value=t("cov.by_section", lang)).font = Font(bold=True, size=13)
    row += 1
    _header(
        ws,
        row,
        [
            t("cov.section", lang),
            units_word(cov, lang).capitalize(),
            *(_words(s, lang) for s in STATES),
            t("cov.percent_col", lang),
        ],
    )
    for col, state in enumerate(STATES, start=3):
        _state_style(ws.cell(row=row, column=col), state)
    first = row + 1
    for s in cov.sections:
        row += 1
        ws.cell(row=row, column=1, value=f"{'   ' * s.depth}{s.id}  {s.title}")
        ws.cell(row=row, column=2, value=s.units)
        for col, state in enumerate(STATES, start=3):
            ws.cell(row=row, column=col, value=s.states.get(state, 0))
        done = ws.cell(
            row=row, column=7, value=(s.units - s.unanswered) / s.units if s.units else 0
        )
        done.number_format = "0%"
    if cov.sections:
        _percent_bar(ws, f"G{first}:G{row}")


def _body(cov: Coverage) -> MinistryCoverage | None:
    return next((m for m in cov.ministries if m.code == cov.ministry), None)


def _units(wb: Any, cov: Coverage, lang: str) -> None:
    from openpyxl.styles import Alignment

    ws = wb.create_sheet(t("sheet.units", lang))
    labels = [
        t(k, lang)
        for k in (
            "cov.unit",
            "cov.paragraph",
            "cov.item",
            "cov.section",
            "fu.recommendation" if cov.follow_up is not None else "cov.question",
            "cov.lead",
            "cov.contributors",
            "cov.state",
            "cov.answered_by",
            "cov.missing",
        )
    ]
    widths: list[float] = [9, 11, 7, 10, 70, 16, 36, 16, 36, 36]
    if cov.ministry:
        labels.append(t("cov.its_status", lang))
        widths.append(16)
    before: dict[str, str | None] = {}
    if cov.since is not None:
        labels.append(t("since.then", lang))
        widths.append(16)
        before = {c.id: c.before for c in cov.changes or []}
    breakdown_col = len(labels) + 1
    labels += [t("cov.data_asked", lang), t("cov.missing_breakdowns", lang)]
    widths += [36, 30]
    follow_up_col = len(labels) + 1
    if cov.follow_up is not None:
        labels += [t("fu.selected_col", lang), t("fu.implementation", lang)]
        widths += [12, 22]
    _header(ws, 1, labels)
    row = 1
    for u in cov.units:
        row += 1
        values: list[Any] = [
            u.id,
            u.paragraph,
            u.item or "",
            u.section,
            u.question,
            u.lead or "",
            ", ".join(u.contributors),
            _words(u.state, lang),
            ", ".join(u.answered_by),
            ", ".join(u.missing),
        ]
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
        _state_style(ws.cell(row=row, column=8), u.state)
        col = 11
        if cov.ministry:
            own = u.statuses.get(cov.ministry)
            cell = ws.cell(row=row, column=col, value=_words(own or "unanswered", lang))
            _state_style(cell, own or "unanswered")
            col += 1
        if cov.since is not None:
            if u.id in before:
                then = before[u.id]
                cell = ws.cell(row=row, column=col, value=state_label(then, lang))
                _state_style(cell, then)
            else:
                ws.cell(row=row, column=col, value="=")
                ws.cell(row=row, column=col).alignment = Alignment(horizontal="center")
        _breakdown_cells(ws, row, breakdown_col, u, lang)

        if cov.follow_up is not None:
            _follow_up_cells(ws, row, follow_up_col, u.selected, u.implementation, lang)
    _table(ws, 1, len(labels), row)
    _widths(ws, widths)


def _breakdown_cells(ws: Worksheet, row: int, col: int, unit: UnitCoverage, lang: str) -> None:
    """What *unit* asks statistics by, and what is still missing, coloured as owed."""
    from openpyxl.styles import Alignment

    ws.cell(row=row, column=col, value=", ".join(unit.data))
    missing = ws.cell(row=row, column=col + 1, value=join_and(unit.missing_breakdowns, lang))
    if unit.missing_breakdowns:
        _state_style(missing, "unanswered")
    for cell in (ws.cell(row=row, column=col), missing):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _bodies(wb: Any, cov: Coverage, lang: str) -> None:
    from openpyxl.styles import Alignment

    ws = wb.create_sheet(t("sheet.bodies", lang))
    labels = [
        t(k, lang)
        for k in (
            "cov.body",
            "cov.name",
            "cov.assigned",
            "cov.answered",
            "cov.approved_col",
            "cov.percent_col",
            "cov.owes_count_col",
            "cov.owes",
        )
    ]
    widths: list[float] = [16, 48, 12, 12, 12, 12, 12, 60]
    progress = {b.code: b for b in cov.since.bodies} if cov.since else {}
    if cov.since is not None:
        labels += [
            t(k, lang) for k in ("since.newly_answered", "since.newly_approved", "since.went_back")
        ]
        widths += [30, 30, 20]
    _header(ws, 1, labels)
    row = 1
    for m in cov.ministries:
        row += 1
        values: list[Any] = [
            m.code,
            m.name,
            m.assigned,
            m.answered,
            m.approved,
            m.answered / m.assigned if m.assigned else None,
            len(m.unanswered),
            ", ".join(m.unanswered),
        ]
        if cov.since is not None:
            b = progress.get(m.code)
            values += [
                ", ".join(b.newly_answered) if b else "",
                ", ".join(b.newly_approved) if b else "",
                ", ".join(b.went_back) if b else "",
            ]
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
        ws.cell(row=row, column=6).number_format = "0%"
        owed = ws.cell(row=row, column=7)
        _state_style(owed, "unanswered" if m.unanswered else "approved")
        for col in range(8, len(values) + 1):
            ws.cell(row=row, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    if row > 1:
        _percent_bar(ws, f"F2:F{row}")
    _table(ws, 1, len(labels), row)
    _widths(ws, widths)


def _since(wb: Any, cov: Coverage, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    since = cov.since
    if since is None:
        return
    ws = wb.create_sheet(t("sheet.since", lang))
    ws["A1"] = since_heading(cov, lang)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = since_summary(cov, lang)
    row = 3
    for label, when in (
        (t("since.snapshot_date", lang), since.generated),
        (t("cov.generated_on", lang), cov.generated),
    ):
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = ws.cell(row=row, column=2, value=when if when else "—")
        cell.number_format = DATE_FORMAT
        cell.alignment = Alignment(horizontal="left")
        row += 1
    for key, ids in (("since.added", since.added), ("since.removed", since.removed)):
        if ids:
            ws.cell(row=row, column=1, value=t(key, lang, ids=", ".join(ids)))
            row += 1
    for line in implementation_moves(cov, lang):
        ws.cell(row=row, column=1, value=line)
        row += 1
    row += 1
    _header(
        ws,
        row,
        [
            t("cov.state", lang),
            t("since.then", lang),
            t("since.now", lang),
            t("since.change", lang),
        ],
    )
    for state in STATES:
        row += 1
        before, now = since.totals.get(state, 0), cov.totals[state]
        _state_style(ws.cell(row=row, column=1, value=_words(state, lang)), state)
        ws.cell(row=row, column=2, value=before)
        ws.cell(row=row, column=3, value=now)
        delta = ws.cell(row=row, column=4, value=now - before)
        delta.number_format = "+0;-0;0"
        delta.alignment = Alignment(horizontal="left")
    row += 2
    header_row = row
    _header(
        ws,
        row,
        [
            t("cov.unit", lang),
            t("since.then", lang),
            t("since.now", lang),
            t("fu.recommendation" if cov.follow_up is not None else "cov.question", lang),
        ],
    )
    questions = {u.id: u.question for u in cov.units}
    for change in cov.changes or []:
        row += 1
        ws.cell(row=row, column=1, value=change.id)
        then = ws.cell(row=row, column=2, value=state_label(change.before, lang))
        _state_style(then, change.before)
        now_cell = ws.cell(row=row, column=3, value=state_label(change.after, lang, removed=True))
        _state_style(now_cell, change.after)
        ws.cell(row=row, column=4, value=questions.get(change.id, ""))
    _table(ws, header_row, 4, row)
    _widths(ws, [22, 18, 18, 70])


def _fixed_zip(data: bytes, when: dt.date) -> bytes:
    """Repack the workbook with fixed entry times, so equal input gives equal bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def _errors(wb: Any, cov: Coverage, lang: str) -> None:
    """A first sheet listing every error, and a red line on the summary pointing to it."""
    from openpyxl.styles import Font

    if not cov.errors:
        return
    name = t("cov.errors_sheet", lang)
    summary = wb.worksheets[0]
    summary["A3"] = t("cov.errors_see_sheet", lang, count=len(cov.error_files()), sheet=name)
    summary["A3"].font = Font(bold=True, color="B3261E")
    ws = wb.create_sheet(name, 0)
    ws.sheet_properties.tabColor = "B3261E"
    ws["A1"] = t("cov.errors_title", lang)
    ws["A1"].font = Font(bold=True, size=13, color="B3261E")
    labels = ("cov.errors_col_file", "cov.errors_col_line", "cov.errors_col_code")
    _header(ws, 3, [*(t(k, lang) for k in labels), t("cov.errors_col_message", lang)])
    for row, problem in enumerate(cov.errors, start=4):
        ws.cell(row=row, column=1, value=problem.file)
        ws.cell(row=row, column=2, value=problem.line)
        ws.cell(row=row, column=3, value=problem.code)
        ws.cell(row=row, column=4, value=problem.message(lang))
    _widths(ws, [34, 8, 20, 110])
    wb.active = 0


def render_coverage_xlsx(cov: Coverage, lang: str = "en") -> bytes:
    """The coverage workbook as the bytes of an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    _summary(wb, cov, lang)
    _units(wb, cov, lang)
    _bodies(wb, cov, lang)
    _since(wb, cov, lang)
    _errors(wb, cov, lang)
    text_not_formula(wb)  # names and questions from the user's files stay text
    moment = dt.datetime.combine(cov.generated, dt.time())
    wb.properties.creator = "cmwreport"
    wb.properties.title = t("cov.title", lang)
    wb.properties.created = moment
    wb.properties.modified = moment
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()
    return _fixed_zip(buffer.getvalue(), cov.generated)


# ------------------------------------------------------------ follow-up (coverage --follow-up)


def _implementation_style(cell: Any, implementation: str | None) -> None:
    from openpyxl.styles import Font, PatternFill

    fill = IMPLEMENTATION_FILLS.get(implementation or "unknown", "FFFFFF")
    cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    cell.font = Font(bold=True)


def _follow_up_cells(
    ws: Worksheet, row: int, col: int, selected: bool | None, implementation: str | None, lang: str
) -> None:
    """A recommendation's selected marker (★, else empty) and its implementation."""
    from openpyxl.styles import Alignment

    mark = ws.cell(row=row, column=col, value="★" if selected else "")
    mark.alignment = Alignment(horizontal="center")
    cell = ws.cell(row=row, column=col + 1, value=implementation_label(implementation, lang))
    _implementation_style(cell, implementation)


def _summary_follow_up(ws: Any, row: int, cov: Coverage, lang: str) -> int:
    """The due date, days left and the recommendations by implementation, from *row*."""
    from openpyxl.styles import Alignment, Font

    info = cov.follow_up
    assert info is not None
    facts: list[tuple[str, Any, str | None]] = [
        (t("fu.observations", lang), info.observations, None),
        (t("fu.symbol", lang), info.symbol or "—", None),
        (t("fu.due_label", lang), info.due or "—", DATE_FORMAT),
        (t("fu.days_left_col", lang), info.days_left if info.days_left is not None else "—", "0"),
        (t("fu.selected_col", lang), len(info.selected), "0"),
    ]
    for label, value, number_format in facts:
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = ws.cell(row=row, column=2, value=value)
        cell.alignment = Alignment(horizontal="left")
        if number_format:
            cell.number_format = number_format
        row += 1
    note = ws.cell(row=row, column=1, value=due_text(cov, lang))
    note.font = Font(bold=True, color="B3261E" if info.overdue else "000000")
    row += 2
    _header(ws, row, [t("fu.implementation", lang), t("cov.count", lang), t("cov.share", lang)])
    total = cov.totals["units"]
    for state in IMPLEMENTATION_STATES:
        row += 1
        count = info.implementation.get(state, 0)
        _implementation_style(
            ws.cell(row=row, column=1, value=implementation_label(state, lang)), state
        )
        ws.cell(row=row, column=2, value=count)
        share = ws.cell(row=row, column=3, value=count / total if total else 0)
        share.number_format = "0%"
    return row
