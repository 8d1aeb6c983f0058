"""What an import may write: status rules, whose form it is, no new errors, aliases, safety."""

from __future__ import annotations

import copy
import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

from cmwreport.checks import check_workspace
from cmwreport.forms import FormError, import_form
from cmwreport.workspace import load_workspace
from conftest import ANSWERS, LOIPR, MINISTRIES, write_workspace
from officefiles import TODAY, fill_docx_xml, fill_xlsx, issue, para, run, xlsx_columns
from test_forms import KP2MI_FILE


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_workspace(tmp_path / "ws", answers={"KP2MI": KP2MI_FILE})


def _records(root: Path, code: str = "KP2MI") -> dict[str, dict[str, Any]]:
    text = (root / "answers" / f"{code}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text.replace("\x0b", " "))
    return {str(r["question"]): r for r in data["answers"]}


# --------------------------------------------------------------------------- status


def _approved_as(word: str) -> dict[str, Any]:
    """KEMLU's approved answer to 1(a), its status written as *word* (``disetujui``)."""
    record = {
        "question": "1(a)",
        "status": word,
        "updated": "2025-07-01",
        "text": {"en": "Law No. 18 of 2017 protects migrant workers."},
    }
    return {"KEMLU": {"ministry": "KEMLU", "answers": [record]}}


# check reads every one of these as approved, so the forms must too
APPROVED_WORDS = ["approved", "Approved", "disetujui", "DISETUJUI"]


@pytest.mark.parametrize("word", APPROVED_WORDS)
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_the_form_of_an_approved_answer_does_not_prefill_approved(
    tmp_path: Path, fmt: str, word: str
) -> None:
    root = write_workspace(tmp_path / "ws", answers=_approved_as(word))
    path = issue(root, fmt, code="KEMLU")
    if fmt == "xlsx":
        sheet = load_workbook(path).worksheets[0]
        header, col = xlsx_columns(sheet)
        statuses = [
            sheet.cell(r, col["status"]).value for r in range(header + 1, sheet.max_row + 1)
        ]
        assert "approved" not in statuses
        assert statuses[0] is None
    else:
        doc = Document(str(path))
        statuses = [t.rows[-1].cells[1].text for t in doc.tables[1:]]
        assert "approved" not in statuses
        assert statuses[0] == ""


@pytest.mark.parametrize("word", APPROVED_WORDS)
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_new_text_on_an_approved_answer_makes_it_submitted_and_says_so(
    tmp_path: Path, cli: Any, fmt: str, word: str
) -> None:
    root = write_workspace(tmp_path / "ws", answers=_approved_as(word))
    path = issue(root, fmt, code="KEMLU")
    new = "Law No. 18 of 2017 and its regulations protect migrant workers."
    if fmt == "xlsx":
        fill_xlsx(path, {"1(a)": {"en": new}})
    else:
        fill_docx_xml(path, {("1(a)", "en"): [para(run(new))]})
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 0, result.output
    record = _records(root, "KEMLU")["1(a)"]
    assert record["status"] == "submitted"
    assert record["text"]["en"].strip() == new
    assert "1(a) was approved; its text changed, so it is now submitted" in result.stdout


def test_approved_in_the_form_is_refused_unless_import_approve(root: Path, cli: Any) -> None:
    path = issue(root, "xlsx")
    fill_xlsx(path, {"3": {"en": "Online and by phone.", "status": "approved"}})
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "3: refused — the form gives 3 the status approved" in result.stdout
    assert _records(root)["3"]["status"] == "draft"
    result = cli("import", str(path), "--root", str(root), "--approve")
    assert result.exit_code == 0, result.output
    assert _records(root)["3"]["status"] == "approved"


# --------------------------------------------------------------------------- whose form


def _edit_hidden_xlsx(path: Path, change: Any) -> None:
    wb = load_workbook(path)
    hidden = wb["_cmwreport"]
    meta = json.loads(hidden["A2"].value)
    change(meta)
    hidden["A2"].value = json.dumps(meta)
    wb.save(path)


def test_an_edited_hidden_code_is_refused(root: Path, cli: Any) -> None:
    path = issue(root, "xlsx")
    fill_xlsx(path, {"3": {"en": "Online."}, "1(a)": {"en": "New law."}})

    def to_kemlu(meta: dict[str, Any]) -> None:
        meta["code"] = "KEMLU"

    _edit_hidden_xlsx(path, to_kemlu)
    before = (root / "answers").iterdir()
    names = sorted(p.name for p in before)
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "the hidden data of this form was changed" in result.output
    assert sorted(p.name for p in (root / "answers").iterdir()) == names


def test_an_edited_hidden_code_in_a_word_form_is_refused(root: Path) -> None:
    path = issue(root, "docx")
    doc = Document(str(path))
    mark = doc.paragraphs[-1]
    mark.runs[0].text = mark.runs[0].text.replace('"code":"KP2MI"', '"code":"KEMLU"')
    doc.save(str(path))
    with pytest.raises(Exception, match="hidden data of this form was changed"):
        import_form(root, path, today=TODAY)
    assert not (root / "answers" / "KEMLU.yaml").exists()


def test_a_form_renamed_after_another_body_is_refused(root: Path, cli: Any) -> None:
    path = issue(root, "xlsx", name="KEMLU-2025-08-01.xlsx")
    fill_xlsx(path, {"3": {"en": "Online."}})
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "is named after KEMLU, but the form inside was issued to KP2MI" in result.output


def test_an_answers_file_of_another_body_is_not_written(tmp_path: Path, cli: Any) -> None:
    kemlu = KP2MI_FILE.replace("ministry: KP2MI", "ministry: KEMLU")
    root = write_workspace(tmp_path / "ws", answers={"KP2MI": kemlu})
    path = issue(root, "xlsx")
    fill_xlsx(path, {"3": {"en": "Online."}})
    before = (root / "answers" / "KP2MI.yaml").read_bytes()
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "answers/KP2MI.yaml says `ministry: KEMLU`" in result.output
    assert (root / "answers" / "KP2MI.yaml").read_bytes() == before


# --------------------------------------------------------------------------- no new error


def test_an_old_form_after_the_list_was_revised_writes_nothing(root: Path, cli: Any) -> None:
    path = issue(root, "xlsx")
    fill_xlsx(path, {"1(a)": {"en": "New law."}, "3": {"en": "Online."}})
    revised = copy.deepcopy(LOIPR)
    revised["sections"][0]["paragraphs"][0]["items"] = revised["sections"][0]["paragraphs"][0][
        "items"
    ][1:]  # item 1(a) removed
    write_workspace(root, loipr=revised, answers={})
    before = (root / "answers" / "KP2MI.yaml").read_bytes()
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "the form answers 1(a), which the list of issues no longer has" in result.output
    assert (root / "answers" / "KP2MI.yaml").read_bytes() == before
    assert check_workspace(load_workspace(root)).errors == 0


def test_an_import_never_adds_an_error(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever makes the result fail check (here: a text in a language the report lacks)."""
    path = issue(root, "xlsx")
    fill_xlsx(path, {"3": {"en": "Online."}})
    from cmwreport.forms import importing, records

    real = records.set_texts

    def with_a_bad_language(record: Any, texts: dict[str, str], first: str) -> None:
        real(record, {**texts, "fr": "En ligne."}, first)

    monkeypatch.setattr(importing, "set_texts", with_a_bad_language)
    before = (root / "answers" / "KP2MI.yaml").read_bytes()
    with pytest.raises(FormError) as caught:
        import_form(root, path, today=TODAY)
    assert "importing would add errors to the workspace" in caught.value.message
    assert "error[invalid-record]" in caught.value.message
    assert (root / "answers" / "KP2MI.yaml").read_bytes() == before


# --------------------------------------------------------------------------- aliases


SHARED = """\
ministry: KP2MI
answers:
  - question: "1(b)"
    status: submitted
    text: &shared
      en: The same words for both.
  - question: "3"
    status: draft
    text: *shared
"""


def test_an_alias_is_split_so_the_other_record_keeps_its_text(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws", answers={"KP2MI": SHARED})
    path = issue(root, "xlsx")
    fill_xlsx(path, {"3": {"en": "Complaints are handled online."}})
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 0, result.output
    records = _records(root)
    assert records["1(b)"]["text"] == {"en": "The same words for both."}
    assert records["3"]["text"]["en"].strip() == "Complaints are handled online."
    assert "the text of 3 was shared through a YAML alias with 1(b)" in result.stdout
    assert check_workspace(load_workspace(root)).errors == 0


# --------------------------------------------------------------------------- formula injection


NASTY_BODY = '=HYPERLINK("http://evil.example","click")'


def _nasty_workspace(tmp_path: Path) -> Path:
    ministries = copy.deepcopy(MINISTRIES)
    ministries[2]["name"] = {"en": "+62 Ministry", "id": NASTY_BODY}
    loipr = copy.deepcopy(LOIPR)
    loipr["sections"][1]["sections"][0]["paragraphs"][0]["text"] = {
        "en": "=1+2 describe remedies",
        "id": "@SUM(A1) jelaskan",
    }
    return write_workspace(tmp_path / "ws", ministries=ministries, loipr=loipr, answers=ANSWERS)


def test_coverage_csv_never_starts_a_cell_with_a_formula_character(
    tmp_path: Path, cli: Any
) -> None:
    root = _nasty_workspace(tmp_path)
    result = cli("coverage", "--format", "csv", "--root", str(root))
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [c for row in rows for c in row]
    assert "'=1+2 describe remedies" in cells
    assert not any(c[:1] in ("=", "+", "-", "@") for c in cells)


def test_coverage_xlsx_holds_no_formula(tmp_path: Path, cli: Any) -> None:
    root = _nasty_workspace(tmp_path)
    out = tmp_path / "cov.xlsx"
    result = cli("coverage", "--format", "xlsx", "--output", str(out), "--root", str(root))
    assert result.exit_code == 0, result.output
    _assert_no_formula(out)
    wb = load_workbook(out)
    values = [c.value for s in wb.worksheets for row in s.iter_rows() for c in row]
    assert "=1+2 describe remedies" in values


def _assert_no_formula(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), name
    wb = load_workbook(path)
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)


def test_the_form_never_holds_a_formula(tmp_path: Path) -> None:
    root = _nasty_workspace(tmp_path)
    path = issue(root, "xlsx")
    _assert_no_formula(path)
    sheet = load_workbook(path).worksheets[0]
    assert str(sheet["A2"].value).startswith(NASTY_BODY + " / +62 Ministry")


# --------------------------------------------------------------------------- form --output


def test_form_format_follows_the_output_extension(root: Path, cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    result = cli("form", "KP2MI", "--output", str(out), "--root", str(root))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        assert "word/document.xml" in archive.namelist()
    out = tmp_path / "y.xlsx"
    assert cli("form", "KP2MI", "-o", str(out), "--root", str(root)).exit_code == 0
    with zipfile.ZipFile(out) as archive:
        assert "xl/workbook.xml" in archive.namelist()


def test_form_format_and_extension_that_disagree_are_a_usage_error(
    root: Path, cli: Any, tmp_path: Path
) -> None:
    out = tmp_path / "x.docx"
    result = cli("form", "KP2MI", "--format", "xlsx", "--output", str(out), "--root", str(root))
    assert result.exit_code == 2
    assert "--format xlsx does not match the file name" in result.output
    assert not out.exists()


# --------------------------------------------------------------------------- control characters


CONTROL_ANSWERS = (
    'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n'
    '    text: "Pengaduan\\vdapat\\x07 disampaikan daring."\n'
    "    note: pasted from Word\x0b here\n"
)


def test_control_characters_are_dropped_as_render_drops_them(tmp_path: Path, cli: Any) -> None:
    loipr = copy.deepcopy(LOIPR)
    loipr["sections"][0]["paragraphs"][0]["text"] = "Please describe\x0b the legal\x0c framework."
    root = write_workspace(tmp_path / "ws", loipr=loipr, answers={"KP2MI": CONTROL_ANSWERS})
    for fmt in ("xlsx", "docx"):
        out = tmp_path / f"form.{fmt}"
        result = cli("form", "KP2MI", "--output", str(out), "--root", str(root))
        assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "form.xlsx").worksheets[0]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any("Please describe the legal framework." in v for v in texts)
    assert any("Pengaduandapat disampaikan daring." in v for v in texts)
    fill_xlsx(tmp_path / "form.xlsx", {"1(b)": {"en": "Two agreements."}})
    result = cli("import", str(tmp_path / "form.xlsx"), "--root", str(root))
    assert result.exit_code == 0, result.output
    assert _records(root)["1(b)"]["text"]["en"].strip() == "Two agreements."
    text = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    assert "pasted from Word\x0b here" in text  # the records not imported keep every byte
    result = cli("scaffold", "KP2MI", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert "# Please describe the legal framework." in (root / "answers" / "KP2MI.yaml").read_text(
        encoding="utf-8"
    )


def test_the_trial_check_of_an_import_leaves_the_workspace_as_it_was(root: Path) -> None:
    from cmwreport.forms.importing import _new_errors

    ws = load_workspace(root)
    words = ws.report_words()
    before = (len(ws.yaml_sources), len(ws.answers), dict(ws.word_counts), ws.rejected)
    rel = "answers/KP2MI.yaml"
    text = (root / rel).read_text(encoding="utf-8")
    longer = text.replace("status: draft", "status: draft\n    note: trial", 1)
    assert longer != text
    _new_errors(ws, rel, longer + "  - question: '9'\n    status: draft\n", "en")
    after = (len(ws.yaml_sources), len(ws.answers), dict(ws.word_counts), ws.rejected)
    assert after == before
    assert ws.report_words() == words
