"""Excel forms as people fill them in: moved columns, percent and date cells, rich text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from cmwreport.errors import InputFileError
from cmwreport.forms import import_form, read_form
from conftest import write_workspace
from officefiles import TODAY, answer_records, fill_xlsx, issue, resave, soffice, xlsx_columns
from test_forms import KP2MI_FILE


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_workspace(tmp_path / "ws", answers={"KP2MI": KP2MI_FILE})


_records = answer_records


def _row_of(sheet: Any, header: int, question: str) -> int:
    return next(
        r for r in range(header + 1, sheet.max_row + 1) if str(sheet.cell(r, 1).value) == question
    )


def test_an_inserted_column_does_not_shift_the_answers(root: Path) -> None:
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    sheet.insert_cols(col["id"])  # a column for internal notes, before the Indonesian answer
    sheet.cell(header, col["id"], "Catatan internal")
    row = _row_of(sheet, header, "3")
    sheet.cell(row, col["id"], "cek ke biro hukum")
    sheet.cell(row, col["id"] + 1, "Pengaduan dapat disampaikan daring dan luring.")
    sheet.cell(row, col["en"] + 1, "Complaints may be made online and in person.")
    sheet.cell(row, col["status"] + 1, "diajukan")
    wb.save(path)
    import_form(root, path, today=TODAY)
    record = _records(root)["3"]
    assert {k: v.strip() for k, v in record["text"].items()} == {
        "id": "Pengaduan dapat disampaikan daring dan luring.",
        "en": "Complaints may be made online and in person.",
    }
    assert record["status"] == "submitted"


def test_columns_moved_to_another_order_are_found_by_heading(root: Path) -> None:
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    for r in range(header, sheet.max_row + 1):  # swap the two answer columns, headings too
        a, b = sheet.cell(r, col["id"]), sheet.cell(r, col["en"])
        a.value, b.value = b.value, a.value
    row = _row_of(sheet, header, "3")
    sheet.cell(row, col["id"], "In English.")  # now under the English heading
    wb.save(path)
    import_form(root, path, today=TODAY)
    assert _records(root)["3"]["text"] == {
        "id": "Pengaduan dapat disampaikan daring.",
        "en": "In English.\n",
    }


@pytest.mark.parametrize("which", ["status", "en"])
def test_a_missing_column_is_refused_naming_it(root: Path, which: str) -> None:
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    sheet.cell(header, col[which], "Kolom")
    wb.save(path)
    with pytest.raises(InputFileError) as caught:
        read_form(path)
    name = "Status (choose: draft / submitted)" if which == "status" else "Your answer in English"
    assert f"the column “{name}” is missing" in caught.value.message


def test_a_column_twice_is_refused_naming_it(root: Path) -> None:
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    sheet.cell(header, sheet.max_column + 1, sheet.cell(header, col["en"]).value)
    wb.save(path)
    with pytest.raises(InputFileError) as caught:
        read_form(path)
    assert "the column “Your answer in English” appears twice" in caught.value.message


def test_cells_are_read_as_excel_displays_them(root: Path) -> None:
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    cells = {
        "3": (0.35, "0%"),
        "1(a)": (dt.datetime(2017, 10, 25), "dd/mm/yyyy"),
        "1(b)": (1234.5, "#,##0.00"),
    }
    for question, (value, fmt) in cells.items():
        cell = sheet.cell(_row_of(sheet, header, question), col["en"], value)
        cell.number_format = fmt
    wb.save(path)
    rows = {r.question: r.texts.get("en") for r in read_form(path).rows}
    assert rows == {"3": "35 %", "1(a)": "2017-10-25", "1(b)": "1,234.50"}


def test_the_answer_cells_keep_what_is_typed_as_text(root: Path) -> None:
    """The yellow cells are text cells: Excel keeps "35 %" and "25/10/2017" as typed."""
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    row = _row_of(sheet, header, "3")
    assert sheet.cell(row, col["id"]).number_format == "@"
    assert sheet.cell(row, col["en"]).number_format == "@"


def test_rich_text_bold_and_italic_are_kept(root: Path) -> None:
    path = issue(root, "xlsx")
    wb = load_workbook(path, rich_text=True)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    row = _row_of(sheet, header, "3")
    sheet.cell(row, col["en"]).value = CellRichText(
        "Fees were ",
        TextBlock(InlineFont(b=True), "waived"),
        " for ",
        TextBlock(InlineFont(i=True), "all"),
        " workers.\n• online\n• by phone",
    )
    wb.save(path)
    import_form(root, path, today=TODAY)
    assert _records(root)["3"]["text"]["en"].strip() == (
        "Fees were **waived** for *all* workers.\n\n- online\n- by phone"
    )


def test_the_status_drop_down_does_not_offer_approved(root: Path) -> None:
    path = issue(root, "xlsx")
    sheet = load_workbook(path).worksheets[0]
    formulas = [dv.formula1 for dv in sheet.data_validations.dataValidation]
    assert formulas == ['"draft,submitted,draf,diajukan"']


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_a_form_resaved_by_libreoffice_imports(root: Path, tmp_path: Path) -> None:
    path = issue(root, "xlsx")
    fill_xlsx(
        path,
        {
            "3": {"id": "Pengaduan 35 %.\n• daring\n• luring", "status": "diajukan"},
            "1(a)": {"en": "Law No. 18 of 2017."},
        },
    )
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    sheet.insert_cols(col["status"])
    sheet.cell(header, col["status"], "Catatan")
    wb.save(path)
    resaved = resave(path, "xlsx", tmp_path)
    import_form(root, resaved, today=TODAY)
    records = _records(root)
    assert records["3"]["text"]["id"].strip() == "Pengaduan 35 %.\n\n- daring\n- luring"
    assert records["3"]["status"] == "submitted"
    assert records["1(a)"]["text"]["en"].strip() == "Law No. 18 of 2017."


def test_edit_in_the_grey_current_answer_cell_is_refused(root: Path, cli: Any) -> None:
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    cell = sheet.cell(_row_of(sheet, header, "3"), col["current"])
    cell.value = str(cell.value) + " Juga melalui telepon."
    wb.save(path)
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "3: refused — the grey “current answer” of 3 was edited" in result.stdout
