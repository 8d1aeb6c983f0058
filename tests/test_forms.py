"""cmwreport form / import: intake forms filled outside YAML, read back without losing anything."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from openpyxl import Workbook, load_workbook

from cmwreport.checks import check_workspace
from cmwreport.errors import InputFileError
from cmwreport.forms import FormError, import_form, make_form, read_form, safety
from cmwreport.workspace import load_workspace
from conftest import write_workspace

TODAY = dt.date(2025, 8, 1)
NOW = dt.datetime(2025, 8, 1, 10, 30, 0)

KP2MI_FILE = """\
# yaml-language-server: $schema=../schemas/answers.schema.json
# KP2MI answers — comments and layout must survive an import.
ministry: KP2MI
answers:
  # agreements, from the legal bureau
  - question: "1(b)"
    status: submitted
    updated: 2025-06-01
    text:
      en: Agreements were signed with two States.   # keep this remark
    tables:
      - title: Placements by sex
        columns: [Year, Men, Women]
        rows:
          - [2023, 100, 200]
        source: KP2MI

  # remedies
  - question: "3"
    status: draft
    text: Pengaduan dapat disampaikan daring.
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    answers: dict[str, Any] = {"KP2MI": KP2MI_FILE}
    return write_workspace(tmp_path / "ws", answers=answers)


def _issue(root: Path, fmt: str, code: str = "KP2MI") -> Path:
    data, _ = make_form(root, code, fmt, today=TODAY)
    path = root.parent / f"{code}.{fmt}"
    path.write_bytes(data)
    return path


def _fill_xlsx(path: Path, answers: dict[str, dict[str, str]]) -> None:
    """Type into the form as a desk officer would: answer columns and status."""
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header = next(r for r in range(1, 20) if str(sheet.cell(r, 1).value or "").startswith("No."))
    columns = {str(sheet.cell(header, c).value): c for c in range(1, sheet.max_column + 1)}
    col = {
        "id": next(c for h, c in columns.items() if "bahasa Indonesia" in h.split("\n")[0]),
        "en": next(c for h, c in columns.items() if "bahasa Inggris" in h.split("\n")[0]),
        "status": next(c for h, c in columns.items() if h.startswith("Status")),
    }
    for row in range(header + 1, sheet.max_row + 1):
        question = sheet.cell(row, 1).value
        for key, value in answers.get(str(question), {}).items():
            sheet.cell(row, col[key], value)
    wb.save(path)


def _fill_docx(path: Path, answers: dict[str, dict[str, str]]) -> None:
    doc = Document(str(path))
    for table in doc.tables:
        question = table.rows[0].cells[0].text.strip()
        if question not in answers:
            continue
        labels = {r.cells[0].text.split("\n")[0]: r for r in table.rows}
        rows = {
            "id": next(r for h, r in labels.items() if "bahasa Indonesia" in h),
            "en": next(r for h, r in labels.items() if "bahasa Inggris" in h),
            "status": next(r for h, r in labels.items() if h.startswith("Status")),
        }
        for key, value in answers[question].items():
            cell = rows[key].cells[1]
            if key == "status":
                cell.paragraphs[0].runs[0].text = value
                continue
            lines = value.split("\n")
            cell.paragraphs[0].add_run(lines[0])
            for line in lines[1:]:
                cell.add_paragraph(line)
    doc.save(str(path))


def _records(root: Path, code: str = "KP2MI") -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((root / "answers" / f"{code}.yaml").read_text(encoding="utf-8"))
    return {str(r["question"]): r for r in data["answers"]}


# --------------------------------------------------------------------------- the forms


def test_xlsx_form_lists_assigned_units_with_question_and_current_answer(root: Path) -> None:
    path = _issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "Formulir jawaban — KP2MI / Answer form — KP2MI" in text
    assert "Ketik jawaban" in text and "Type your answer" in text  # both languages on top
    questions = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    assert [q for q in questions if q in ("1(a)", "1(b)", "3")] == ["1(a)", "1(b)", "3"]
    row_1b = questions.index("1(b)") + 1
    assert "Bilateral agreements." in sheet.cell(row_1b, 2).value
    assert "sex, destination" in sheet.cell(row_1b, 2).value
    assert "Agreements were signed with two States." in sheet.cell(row_1b, 3).value
    assert sheet.cell(row_1b, 6).value == "submitted"
    assert sheet.cell(questions.index("1(a)") + 1, 6).value == "draft"
    assert wb["_cmwreport"].sheet_state == "veryHidden"


def test_docx_form_has_one_table_per_question_and_hidden_data(root: Path) -> None:
    path = _issue(root, "docx")
    doc = Document(str(path))
    questions = [t.rows[0].cells[0].text.strip() for t in doc.tables[1:]]
    assert questions == ["1(a)", "1(b)", "3"]
    table_3 = doc.tables[3]
    assert "Jelaskan pemulihan." in table_3.rows[0].cells[1].text
    assert "Pengaduan dapat disampaikan daring." in table_3.rows[1].cells[1].text
    assert "Petunjuk" not in doc.paragraphs[0].text  # the title is the form's, not boilerplate
    mark = doc.paragraphs[-1]
    assert mark.text.startswith("CMWREPORT-FORM ")
    assert all(run.font.hidden for run in mark.runs)
    assert doc.core_properties.subject == "cmwreport-form"


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_round_trip_form_fill_import_check(root: Path, cli: Any, fmt: str) -> None:
    old = (root / "answers" / "KP2MI.yaml").read_bytes()
    path = _issue(root, fmt)
    fill = _fill_xlsx if fmt == "xlsx" else _fill_docx
    fill(
        path,
        {
            "1(a)": {
                "id": "UU No. 18 Tahun 2017 berlaku.\nPeraturan pelaksana & <turunan> terbit.",
                "en": "Law No. 18 of 2017 applies.",
                "status": "submitted",
            },
            "3": {"en": "Complaints can be filed online."},
        },
    )
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "1(a): new answer added" in result.stdout
    assert "3: answer updated" in result.stdout
    assert "check of KP2MI: 0 errors" in result.stdout
    records = _records(root)
    assert records["1(a)"]["status"] == "submitted"
    assert records["1(a)"]["text"]["id"] == (
        "UU No. 18 Tahun 2017 berlaku.\n\nPeraturan pelaksana & <turunan> terbit.\n"
    )
    assert records["1(a)"]["text"]["en"] == "Law No. 18 of 2017 applies.\n"
    assert records["3"]["text"] == {
        "id": "Pengaduan dapat disampaikan daring.",
        "en": "Complaints can be filed online.\n",
    }
    assert records["3"]["status"] == "draft"
    assert records["3"]["updated"] == dt.date.today()
    # untouched record, comments and layout kept
    new_text = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    for line in old.decode().splitlines()[:17]:
        assert line in new_text
    assert "# remedies" in new_text and "# keep this remark" in new_text
    assert records["1(b)"]["tables"][0]["rows"] == [[2023, 100, 200]]
    # the previous file is kept, byte for byte
    backups = list((root / "build" / "backups").glob("KP2MI-*.yaml"))
    assert len(backups) == 1 and backups[0].read_bytes() == old
    # and the workspace checks clean
    assert check_workspace(load_workspace(root)).errors == 0
    assert load_workspace(root).best_status(load_workspace(root).unit_by_id["1(a)"]) == (
        "submitted"
    )


def test_new_body_file_is_created_from_a_form(root: Path) -> None:
    path = _issue(root, "xlsx", code="KEMNAKER")
    _fill_xlsx(path, {"2": {"id": "Kebijakan nasional.", "status": "submitted"}})
    result = import_form(root, path, today=TODAY, now=NOW)
    assert result.backup is None and [
        o.action for o in result.outcomes if o.action != "unchanged"
    ] == ["added"]
    text = (root / "answers" / "KEMNAKER.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/answers.schema.json")
    # like scaffold: the schema line is there, the schemas are left to `cmwreport schema`
    assert result.created and result.schema_missing
    assert not (root / "schemas").exists()
    assert _records(root, "KEMNAKER")["2"] == {
        "question": "2",
        "status": "submitted",
        "updated": TODAY,
        "text": {"id": "Kebijakan nasional.\n"},
    }
    assert check_workspace(load_workspace(root)).errors == 0


def test_import_creating_a_file_hints_at_the_schema_once(root: Path, cli: Any) -> None:
    path = _issue(root, "xlsx", code="KEMNAKER")
    _fill_xlsx(path, {"2": {"id": "Kebijakan nasional."}})
    result = cli("import", str(path), "--root", str(root), "--ui-lang", "id")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "2: jawaban baru ditambahkan" in result.stdout
    assert len(result.stderr.splitlines()) == 1
    assert "`cmwreport schema --output schemas`" in result.stderr
    assert "answers/KEMNAKER.yaml" in result.stderr
    assert not (root / "schemas").exists()
    # an existing file is updated without the hint
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"3": {"en": "Online."}})
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stderr == ""


def _set_dimension(path: Path, ref: str) -> None:
    """Rewrite the size the form's sheet declares (as some spreadsheet programs get wrong)."""
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        members = [(i, archive.read(i.filename)) for i in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == member:
                text = data.decode("utf-8")
                start = text.index("<dimension ref=")
                end = text.index("/>", start)
                data = (text[:start] + f'<dimension ref="{ref}"' + text[end:]).encode("utf-8")
            archive.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def test_rows_beyond_a_wrong_declared_size_are_still_read(root: Path) -> None:
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"3": {"en": "Online.", "status": "submitted"}, "1(a)": {"id": "Ada."}})
    _set_dimension(path, "A1:B2")
    result = import_form(root, path, today=TODAY, now=NOW)
    assert sorted((o.question, o.action) for o in result.outcomes if o.action != "unchanged") == [
        ("1(a)", "added"),
        ("3", "updated"),
    ]
    records = _records(root)
    assert records["3"]["status"] == "submitted"
    assert records["3"]["text"] == {"id": "Pengaduan dapat disampaikan daring.", "en": "Online.\n"}


def test_one_unknown_row_is_named(root: Path) -> None:
    path = _issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    last = sheet.max_row
    sheet.cell(last + 2, 1, "99")
    sheet.cell(last + 2, 4, "An answer to a question nobody asked.")
    wb.save(path)
    result = import_form(root, path, today=TODAY, now=NOW)
    skipped = [o for o in result.outcomes if o.action == "invalid"]
    assert [(o.question, o.rows) for o in skipped] == [(f"row {last + 2}", 1)]
    assert "1 row skipped" in skipped[0].message
    assert result.count("invalid") == 1 and not result.written


def test_unfilled_form_changes_nothing(root: Path, cli: Any) -> None:
    old = (root / "answers" / "KP2MI.yaml").read_bytes()
    path = _issue(root, "xlsx")
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 0
    assert "nothing to import" in result.stdout
    assert (root / "answers" / "KP2MI.yaml").read_bytes() == old
    assert not (root / "build" / "backups").exists()


def test_same_form_imported_twice_is_harmless(root: Path) -> None:
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"3": {"en": "Online."}})
    import_form(root, path, today=TODAY, now=NOW)
    after_first = (root / "answers" / "KP2MI.yaml").read_bytes()
    second = import_form(root, path, today=TODAY, now=NOW)
    assert not second.written and not second.failed
    assert (root / "answers" / "KP2MI.yaml").read_bytes() == after_first


# --------------------------------------------------------------------------- conflicts


def test_conflict_is_refused_unless_force(root: Path, cli: Any) -> None:
    path = _issue(root, "xlsx")
    _fill_xlsx(
        path,
        {"3": {"en": "From the form."}, "1(a)": {"id": "Jawaban baru."}},
    )
    answers = root / "answers" / "KP2MI.yaml"
    # meanwhile someone edits record 3 in the YAML
    edited = answers.read_text(encoding="utf-8").replace(
        "text: Pengaduan dapat disampaikan daring.", "text: Pengaduan dapat disampaikan lisan."
    )
    answers.write_text(edited, encoding="utf-8")
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "3: refused" in result.stdout and "--force" in result.stdout
    assert "1(a): new answer added" in result.stdout
    records = _records(root)
    assert records["3"]["text"] == "Pengaduan dapat disampaikan lisan."  # YAML edit kept
    assert records["1(a)"]["text"] == {"id": "Jawaban baru.\n"}  # the other row imported
    result = cli("import", str(path), "--root", str(root), "--force")
    assert result.exit_code == 0, result.stdout
    assert _records(root)["3"]["text"]["en"] == "From the form.\n"
    assert _records(root)["3"]["text"]["id"] == "Pengaduan dapat disampaikan lisan."
    assert len(list((root / "build" / "backups").glob("KP2MI-*.yaml"))) == 2


def test_record_removed_since_issue_is_refused(root: Path) -> None:
    path = _issue(root, "docx")
    _fill_docx(path, {"3": {"en": "Online."}})
    answers = root / "answers" / "KP2MI.yaml"
    text = answers.read_text(encoding="utf-8")
    answers.write_text(text.split("  # remedies")[0], encoding="utf-8")
    result = import_form(root, path, today=TODAY, now=NOW)
    assert [o.action for o in result.outcomes if o.question == "3"] == ["refused"]
    assert "3" not in _records(root)
    forced = import_form(root, path, force=True, today=TODAY, now=NOW)
    assert [o.action for o in forced.outcomes if o.question == "3"] == ["added"]


def test_bad_status_row_is_skipped_others_imported(root: Path, cli: Any) -> None:
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"3": {"en": "Online.", "status": "finished"}, "1(a)": {"id": "Ada."}})
    result = cli("import", str(path), "--root", str(root), "--ui-lang", "id")
    assert result.exit_code == 1
    assert "'finished' bukan draf atau diajukan" in result.stdout
    assert "1(a): jawaban baru ditambahkan" in result.stdout
    assert _records(root)["3"]["text"] == "Pengaduan dapat disampaikan daring."


def test_indonesian_status_words_are_accepted(root: Path) -> None:
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"1(a)": {"id": "Ada.", "status": "Diajukan"}})
    import_form(root, path, today=TODAY, now=NOW)
    assert _records(root)["1(a)"]["status"] == "submitted"


def test_form_for_another_list_of_issues_is_refused(root: Path) -> None:
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"1(a)": {"id": "Ada."}})
    loipr = root / "questions" / "loipr.yaml"
    loipr.write_text(
        loipr.read_text(encoding="utf-8").replace("CMW/C/TST/QPR/2", "CMW/C/TST/QPR/3"),
        encoding="utf-8",
    )
    with pytest.raises(FormError, match="CMW/C/TST/QPR/2"):
        import_form(root, path, today=TODAY, now=NOW)


# --------------------------------------------------------------------------- bad files


def _office_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_malformed_file(root: Path, cli: Any) -> None:
    path = root.parent / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "not a Word (.docx) or Excel (.xlsx) file" in result.stderr
    assert "Traceback" not in result.stderr
    text = root.parent / "answers.docx"
    text.write_text("just text", encoding="utf-8")
    assert cli("import", str(text), "--root", str(root)).exit_code == 1


def test_foreign_office_files(root: Path, cli: Any) -> None:
    workbook = root.parent / "other.xlsx"
    wb = Workbook()
    wb.active["A1"] = "1(a)"
    wb.save(workbook)
    result = cli("import", str(workbook), "--root", str(root))
    assert result.exit_code == 1
    assert "not a form made by `cmwreport form`" in result.stderr
    document = root.parent / "other.docx"
    doc = Document()
    doc.add_paragraph("CMWREPORT-FORM {not json")
    doc.save(str(document))
    result = cli("import", str(document), "--root", str(root), "--ui-lang", "id")
    assert result.exit_code == 1
    assert "bukan formulir buatan `cmwreport form`" in result.stderr
    plain_zip = root.parent / "photos.xlsx"
    plain_zip.write_bytes(_office_zip({"a.txt": b"hello"}))
    assert "not a Word" in cli("import", str(plain_zip), "--root", str(root)).stderr


def test_oversized_file(root: Path) -> None:
    path = root.parent / "huge.xlsx"
    with path.open("wb") as handle:
        handle.truncate(safety.MAX_FORM_BYTES + 1)
    with pytest.raises(InputFileError, match="more than the"):
        read_form(path)


def test_zip_bomb_is_refused_before_opening(root: Path) -> None:
    path = root.parent / "bomb.xlsx"
    entries = {f"xl/worksheets/sheet{i}.xml": b"\0" * (30 * 1024 * 1024) for i in range(4)}
    entries["xl/workbook.xml"] = b"<workbook/>"
    path.write_bytes(_office_zip(entries))
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(
        InputFileError, match="once unpacked, the file would expand to 120 MB .the limit is 100 MB"
    ):
        read_form(path)


def test_too_many_entries(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ZIP_ENTRIES", 10)
    path = root.parent / "many.docx"
    path.write_bytes(_office_zip({f"word/part{i}.xml": b"<a/>" for i in range(11)}))
    with pytest.raises(InputFileError, match="internal parts"):
        read_form(path)


def test_dtd_and_entities_are_refused(root: Path) -> None:
    form = _issue(root, "xlsx")
    with zipfile.ZipFile(form) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    body = entries["xl/workbook.xml"]
    if body.startswith(b"<?xml"):
        body = body.split(b"?>", 1)[1]
    entries["xl/workbook.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>' + body
    )
    evil = root.parent / "evil.xlsx"
    evil.write_bytes(_office_zip(entries))
    with pytest.raises(InputFileError, match="DOCTYPE"):
        read_form(evil)


def test_form_cli_writes_default_path_and_rejects_unknown_body(root: Path, cli: Any) -> None:
    result = cli("form", "KP2MI", "--format", "docx", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    written = list((root / "build" / "forms").glob("KP2MI-*.docx"))
    assert len(written) == 1 and "3 questions" in result.stdout
    meta = Document(str(written[0])).paragraphs[-1].text.split(" ", 1)[1]
    assert json.loads(meta)["code"] == "KP2MI"
    result = cli("form", "NOPE", "--root", str(root))
    assert result.exit_code == 2 and "NOPE" in result.stderr


def test_windows_line_endings_survive_an_import(root: Path) -> None:
    answers = root / "answers" / "KP2MI.yaml"
    answers.write_bytes(KP2MI_FILE.replace("\n", "\r\n").encode("utf-8"))
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"1(a)": {"id": "Ada.\n- satu\n- dua\n(a) butir"}})
    import_form(root, path, today=TODAY, now=NOW)
    new = answers.read_bytes()
    assert b"\n" not in new.replace(b"\r\n", b"")
    assert b"# keep this remark" in new
    assert _records(root)["1(a)"]["text"]["id"] == "Ada.\n\n- satu\n- dua\n\n(a) butir\n"


def test_body_with_nothing_to_answer_gets_no_form(tmp_path: Path, cli: Any) -> None:
    ministries = [
        {"code": "KEMLU", "name": "x"},
        {"code": "KP2MI", "name": "y"},
        {"code": "KEMNAKER", "name": "z"},
        {"code": "BPS", "name": "Statistics"},
    ]
    root = write_workspace(tmp_path / "w", ministries=ministries)
    result = cli("form", "BPS", "--root", str(root))
    assert result.exit_code == 1 and "not lead or contributor" in result.stderr


def test_text_that_looks_like_a_formula_stays_text(root: Path) -> None:
    loipr = root / "questions" / "loipr.yaml"
    loipr.write_text(
        loipr.read_text(encoding="utf-8").replace(
            "text: Please describe the policies.", "text: '=SUM(A1) policies'"
        ),
        encoding="utf-8",
    )
    path = _issue(root, "xlsx", code="KEMNAKER")
    sheet = load_workbook(path).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if str(c.value or "").startswith("=")]
    assert [c.value for c in cells] == ["=SUM(A1) policies"]
    assert cells[0].data_type == "s"


# --------------------------------------------------------------------------- review fixes

NEXT_RECORD_COMMENT = """\
ministry: KP2MI
answers:
  - question: "3"
    status: draft
    updated: 2025-06-01
    text:
      id: Pengaduan dapat disampaikan daring.
  # the legal bureau's answer follows
  - question: "1(b)"
    status: submitted
    text:
      en: Agreements were signed with two States.
# end of the file
"""


def test_comment_before_the_next_record_stays_there_when_a_language_is_added(
    root: Path,
) -> None:
    answers = root / "answers" / "KP2MI.yaml"
    answers.write_text(NEXT_RECORD_COMMENT, encoding="utf-8")
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"3": {"en": "Online."}, "1(b)": {"id": "Perjanjian ditandatangani."}})
    result = import_form(root, path, today=TODAY, now=NOW)
    assert [o.action for o in result.outcomes if o.action != "unchanged"] == [
        "updated",
        "updated",
    ]
    assert answers.read_text(encoding="utf-8") == (
        NEXT_RECORD_COMMENT.replace("2025-06-01", "2025-08-01")
        .replace(
            "      id: Pengaduan dapat disampaikan daring.\n",
            "      id: Pengaduan dapat disampaikan daring.\n      en: |\n        Online.\n",
        )
        .replace(
            "    status: submitted\n    text:\n",
            "    status: submitted\n    updated: 2025-08-01\n    text:\n",
        )
        .replace(
            "      en: Agreements were signed with two States.\n",
            "      en: Agreements were signed with two States.\n"
            "      id: |\n        Perjanjian ditandatangani.\n",
        )
    )


def test_docx_bullet_list_comes_back_as_one_markdown_list(root: Path) -> None:
    path = _issue(root, "docx")
    doc = Document(str(path))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.strip() == "1(a)")
    cell = table.cell(2, 1)
    cell.paragraphs[0].add_run("Peraturan yang terbit:")
    cell.add_paragraph("UU No. 18/2017", style="List Bullet")
    cell.add_paragraph("PP No. 59/2021 tentang “pelindungan” & <pengawasan>", style="List Bullet")
    cell.add_paragraph("Rinciannya terlampir[^1].")
    cell.add_paragraph("[^1]: Sumber: Biro Hukum.")
    doc.save(str(path))
    import_form(root, path, today=TODAY, now=NOW)
    assert _records(root)["1(a)"]["text"]["id"] == (
        "Peraturan yang terbit:\n\n"
        "- UU No. 18/2017\n- PP No. 59/2021 tentang “pelindungan” & <pengawasan>\n\n"
        "Rinciannya terlampir[^1].\n\n[^1]: Sumber: Biro Hukum.\n"
    )


def test_form_of_a_body_unknown_here_says_so_without_naming_an_option(
    root: Path, tmp_path: Path, cli: Any
) -> None:
    path = _issue(root, "xlsx", code="KEMNAKER")
    other = write_workspace(
        tmp_path / "other",
        ministries=[{"code": "KEMLU", "name": "x"}, {"code": "KP2MI", "name": "y"}],
        loipr={
            **__import__("conftest").LOIPR,
            "sections": [
                {
                    "id": "I",
                    "title": "t",
                    "paragraphs": [{"number": 1, "lead": "KEMLU", "text": "q"}],
                }
            ],
        },
    )
    result = cli("import", str(path), "--root", str(other), "--ui-lang", "id")
    assert result.exit_code == 1
    assert "formulir ini untuk KEMNAKER" in result.stderr
    assert "ruang kerja lain" in result.stderr
    assert "--ministry" not in result.stderr


def test_missing_form_file_is_reported_in_the_interface_language(root: Path, cli: Any) -> None:
    result = cli("import", str(root / "nope.xlsx"), "--root", str(root), "--ui-lang", "id")
    assert result.exit_code == 1
    assert "tidak ditemukan" in result.stderr
    assert "No such file" not in result.stderr


def test_questions_are_shown_in_the_drafting_languages_order(root: Path) -> None:
    loipr = root / "questions" / "loipr.yaml"
    data = yaml.safe_load(loipr.read_text(encoding="utf-8"))
    paragraph = data["sections"][0]["paragraphs"][0]
    paragraph["text"] = {"en": "Describe the framework.", "id": "Jelaskan kerangkanya."}
    loipr.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    sheet = load_workbook(_issue(root, "xlsx")).worksheets[0]
    question = next(
        str(sheet.cell(r, 2).value)
        for r in range(1, sheet.max_row + 1)
        if sheet.cell(r, 1).value == "1(a)"
    )
    assert question.index("Jelaskan kerangkanya.") < question.index("Describe the framework.")
    instructions = "\n".join(str(sheet.cell(r, 1).value) for r in range(3, 9))
    assert "Alt+Enter" in instructions


def test_dtd_in_a_utf16_part_is_refused(root: Path) -> None:
    form = _issue(root, "xlsx")
    with zipfile.ZipFile(form) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    sheet = entries["xl/worksheets/sheet1.xml"].decode("utf-8")
    entries["xl/worksheets/sheet1.xml"] = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>' + sheet
    ).encode("utf-16")
    evil = root.parent / "evil16.xlsx"
    evil.write_bytes(_office_zip(entries))
    with pytest.raises(InputFileError, match="DOCTYPE"):
        read_form(evil)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be"])
def test_dtd_cut_across_two_pieces_is_still_seen(
    monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """XML parts are scanned piece by piece; a declaration on a piece's edge is not missed."""
    monkeypatch.setattr(safety, "_SCAN_CHUNK", 64)
    for shift in range(64):
        head = '<?xml version="1.0"?><!--' + "p" * (40 + shift) + "-->"
        dtd = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]><x>&e;</x>'
        part = (head + dtd).encode(encoding)
        assert safety._part_declares_dtd(io.BytesIO(part)), shift
        # an entity declared outside a DOCTYPE is no XML at all: refused as damaged
        loose = (head + '<!ENTITY e SYSTEM "file:///etc/hostname"><x/>').encode(encoding)
        assert safety._part_verdict(io.BytesIO(loose)) == "malformed", shift
        clean = (head + "<x>" + "text " * 50 + "</x>").encode(encoding)
        assert not safety._part_declares_dtd(io.BytesIO(clean)), shift


@pytest.mark.parametrize(
    "declaration",
    [
        '<!DOCTYPE workbook SYSTEM "http://example.org/evil.dtd">',
        '<!DOCTYPE workbook PUBLIC "-//X//DTD X//EN" "file:///etc/passwd">',
        '<!DOCTYPE workbook [<!ENTITY % p SYSTEM "http://example.org/p.dtd"> %p;]>',
        "<!DOCTYPE workbook>",
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be", "utf-16"])
def test_external_references_are_refused_in_every_encoding(
    root: Path, declaration: str, encoding: str
) -> None:
    form = _issue(root, "xlsx")
    with zipfile.ZipFile(form) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    body = entries["xl/workbook.xml"].decode("utf-8")
    if body.startswith("<?xml"):
        body = body.split("?>", 1)[1]
    name = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    entries["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="{name}"?>' + declaration + body
    ).encode(encoding)
    evil = root.parent / "external.xlsx"
    evil.write_bytes(_office_zip(entries))
    with pytest.raises(InputFileError, match="DOCTYPE"):
        read_form(evil)


@pytest.mark.parametrize(
    "part",
    [
        # UTF-32, which the XML parser cannot read, hides a DTD from a byte scan
        '<?xml version="1.0" encoding="UTF-32"?>'
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]><workbook>&e;</workbook>'.encode(
            "utf-32"
        ),
        b"<workbook><sheets></workbook>",
    ],
)
def test_xml_parts_that_are_not_xml_are_refused_as_damaged(root: Path, part: bytes) -> None:
    form = _issue(root, "xlsx")
    with zipfile.ZipFile(form) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    entries["xl/workbook.xml"] = part
    evil = root.parent / "damaged.xlsx"
    evil.write_bytes(_office_zip(entries))
    with pytest.raises(InputFileError, match="not a Word .* or Excel .* file, or it is damaged"):
        read_form(evil)


ODD_LAYOUT = """\
\ufeffministry:   KP2MI    # odd spacing, kept
answers:
    -   question: '1(b)'
        status: submitted
        text: {en: "Agreements were signed."}
        tables:
          - {title: "Placements", columns: [Year, Men], rows: [[2023, 1]], source: BPS}
        sources: [Law No. 18 of 2017,   "PP 59/2021"]

    # remedies, written by the legal bureau
    -   question: "3"
        status:   draft
        text: >
          Pengaduan dapat
          disampaikan daring.
    -   question: "2"
        text:
          en: "Escaped \\u00e9 stays escaped"
# last line of the file
"""


def test_records_the_import_did_not_touch_keep_every_byte(root: Path) -> None:
    answers = root / "answers" / "KP2MI.yaml"
    answers.write_bytes(ODD_LAYOUT.encode("utf-8"))
    path = _issue(root, "xlsx")
    _fill_xlsx(path, {"3": {"en": "Online."}, "1(a)": {"id": "Baru."}})
    result = import_form(root, path, force=True, today=TODAY, now=NOW)
    assert result.count("updated") == 1 and result.count("added") == 1
    new = answers.read_bytes().decode("utf-8")
    old_lines = ODD_LAYOUT.splitlines(keepends=True)
    # everything before record 3 and the untouched record 2 are byte for byte the same
    head = "".join(old_lines[:10])
    assert new.startswith(head)
    untouched = "".join(old_lines[15:19])
    assert untouched in new
    assert new.index(untouched) > new.index("Online.")
    records = _records(root)
    assert records["3"]["text"] == {
        "id": "Pengaduan dapat disampaikan daring.\n",
        "en": "Online.\n",
    }
    assert records["1(a)"]["text"] == {"id": "Baru.\n"}
    assert records["1(b)"]["sources"] == ["Law No. 18 of 2017", "PP 59/2021"]
