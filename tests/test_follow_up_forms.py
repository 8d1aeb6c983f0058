"""Follow-up entries through scaffold, forms and import (issue 14, items 5 and 6).

Every workspace is raw YAML text as a coordinator and desk officers type it; forms are
filled as people fill them (openpyxl for Excel, Word's own XML for a Track Changes
insertion); the assertions are on the YAML written and the messages shown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml import parse_xml
from openpyxl import load_workbook

from cmwreport.checks import check_workspace
from cmwreport.forms import import_form, make_form
from cmwreport.scaffold import scaffold
from cmwreport.workspace import load_workspace
from conftest import THREE_BODIES
from officefiles import W_NS, dele, ins, para, run

TODAY = dt.date(2026, 9, 15)

MINISTRIES = THREE_BODIES

LOIPR = """\
committee: CMW
state: Testland
symbol: CMW/C/TST/QPR/3
report:
  title: Third periodic report
  language: en
  drafting_languages: [id, en]
sections:
  - id: I-A
    title: General information
    paragraphs:
      - number: 1
        lead: KP2MI
        observations: ["12(a)"]
        text: Please describe how recruitment agencies are monitored.
      - number: 2
        lead: KEMNAKER
        text: Please describe labour inspection.
"""

OBSERVATIONS = """\
symbol: CMW/C/TST/CO/2
adopted: 2026-01-20
report: CMW/C/TST/2
follow_up:
  due: 2028-01-20
  paragraphs: ["12"]
sections:
  - id: C-1
    title: General measures of implementation
    paragraphs:
      - number: 9
        text: The Committee notes the adoption of Law No. 18 of 2017.
      - number: 11
        lead: KEMNAKER
        text: Strengthen labour inspection.
      - number: 12
        lead: KP2MI
        contributors: [KEMNAKER]
        text: Ensure that recruitment agencies are monitored.
        items:
          - letter: a
            text: Licensing.
          - letter: b
            text: Fees.
"""

# follow_up: before answers: (as in the bundled example), with comments to keep
KP2MI = """\
# KP2MI — kept by hand
ministry: KP2MI
follow_up:
  # licences: older entry first
  - recommendation: "12(a)"
    implementation: partial
    status: submitted
    updated: 2026-03-01
    text:
      id: Izin dua agen dicabut.
      en: Two licences were revoked.
answers:
  # remark that must survive
  - question: "2"
    status: draft
    text: Belum.   # not ours really
"""


def _workspace(tmp_path: Path, answers: dict[str, str] | None = None) -> Path:
    root = tmp_path / "ws"
    (root / "questions").mkdir(parents=True)
    (root / "answers").mkdir()
    (root / "questions" / "ministries.yaml").write_text(MINISTRIES, encoding="utf-8")
    (root / "questions" / "loipr.yaml").write_text(LOIPR, encoding="utf-8")
    (root / "questions" / "observations.yaml").write_text(OBSERVATIONS, encoding="utf-8")
    for code, text in (answers or {}).items():
        (root / "answers" / f"{code}.yaml").write_text(text, encoding="utf-8")
    return root


def _errors(root: Path) -> list[str]:
    result = check_workspace(load_workspace(root))
    return [p.format("en") for p in result.problems if p.severity == "error"]


def _data(root: Path, code: str) -> Any:
    return yaml.safe_load((root / "answers" / f"{code}.yaml").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- scaffold


def test_scaffold_follow_up_adds_entries_inside_the_list_before_answers(tmp_path: Path) -> None:
    root = _workspace(tmp_path, {"KP2MI": KP2MI})
    result = scaffold(root, "KP2MI", today=TODAY, follow_up=True)
    assert result.added == ["12(b)"]  # 12(a) has an entry already
    text = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    head, _, rest = text.partition("answers:\n")
    # every byte around the new entry is kept: comments, the old entry, the answers
    assert head.startswith(KP2MI.split("answers:\n")[0])
    assert "answers:\n" + rest == "answers:\n" + KP2MI.split("answers:\n")[1]
    assert "# ── 12(b) · paragraph 12, item (b) · you are the lead" in head
    assert "# (b) Fees." in head
    assert '  - recommendation: "12(b)"\n    implementation: not-started  #' in head
    data = yaml.safe_load(text)
    assert [e["recommendation"] for e in data["follow_up"]] == ["12(a)", "12(b)"]
    assert data["follow_up"][1]["implementation"] == "not-started"
    assert data["follow_up"][1]["status"] == "draft"
    assert data["follow_up"][1]["updated"] == TODAY
    assert [a["question"] for a in data["answers"]] == ["2"]
    assert _errors(root) == []


def test_scaffold_follow_up_after_answers_and_answers_after_follow_up(tmp_path: Path) -> None:
    # answers: first, follow_up: last; then scaffold for questions must still add answers
    # inside answers:, not at the end of the file where follow_up: is.
    content = (
        "ministry: KEMNAKER\n"
        "answers:\n"
        '  - question: "2"\n'
        "    status: draft\n"
        "    text: Inspeksi.\n"
        "\n"
        "# follow-up information\n"
        "follow_up:\n"
        '  - recommendation: "11"\n'
        "    implementation: partial\n"
        "    status: draft\n"
        "    text: Inspeksi diperkuat.\n"
    )
    root = _workspace(tmp_path, {"KEMNAKER": content})
    path = root / "answers" / "KEMNAKER.yaml"
    done = scaffold(root, "KEMNAKER", today=TODAY, follow_up=True)
    assert done.added == ["12(a)", "12(b)"]  # contributor of 12
    text = path.read_text(encoding="utf-8")
    assert text.startswith(content)  # the list was last: the entries follow it
    data = yaml.safe_load(text)
    assert [e["recommendation"] for e in data["follow_up"]] == ["11", "12(a)", "12(b)"]
    # KEMNAKER is assigned nothing else in the list; give it paragraph 1 as contributor
    loipr = LOIPR.replace(
        "        lead: KP2MI\n", "        lead: KP2MI\n        contributors: [KEMNAKER]\n"
    )
    (root / "questions" / "loipr.yaml").write_text(loipr, encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    done = scaffold(root, "KEMNAKER", today=TODAY)
    assert done.added == ["1"]
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert [a["question"] for a in data["answers"]] == ["2", "1"]
    assert len(data["follow_up"]) == 3
    assert text.endswith(before[before.index("\n# follow-up information\n") :])
    assert _errors(root) == []


def test_scaffold_follow_up_new_file_and_file_without_the_list(tmp_path: Path) -> None:
    root = _workspace(tmp_path, {"KEMNAKER": "ministry: KEMNAKER  # us\n"})
    scaffold(root, "KEMNAKER", today=TODAY, follow_up=True)
    text = (root / "answers" / "KEMNAKER.yaml").read_text(encoding="utf-8")
    assert text.startswith("ministry: KEMNAKER  # us\nfollow_up:\n")
    scaffold(root, "KP2MI", today=TODAY, follow_up=True)
    new = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    assert new.startswith("# yaml-language-server: $schema=")
    assert "\nministry: KP2MI\nfollow_up:\n" in new
    assert [e["recommendation"] for e in yaml.safe_load(new)["follow_up"]] == ["12(a)", "12(b)"]
    assert _errors(root) == []


def test_cli_scaffold_follow_up_messages(tmp_path: Path, cli: Any) -> None:
    root = _workspace(tmp_path, {"KP2MI": KP2MI})
    result = cli("scaffold", "KP2MI", "--follow-up", "--root", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "added 1 skeleton follow-up entry to answers/KP2MI.yaml: 12(b)" in result.stdout
    again = cli("scaffold", "KP2MI", "--follow-up", "--root", str(root), "--ui-lang", "id")
    assert again.exit_code == 0
    assert "sudah memiliki entri tindak lanjut untuk 2 rekomendasinya" in again.stdout
    none = cli("scaffold", "KEMLU", "--follow-up", "--root", str(root))
    assert "KEMLU is not lead or contributor of any recommendation" in none.stdout
    (root / "questions" / "observations.yaml").unlink()
    missing = cli("scaffold", "KP2MI", "--follow-up", "--root", str(root))
    assert missing.exit_code == 2
    assert "no concluding observations yet" in missing.stderr


# --------------------------------------------------------------------------- item 6


def test_scaffold_offers_the_latest_follow_up_text_as_the_starting_answer(
    tmp_path: Path, cli: Any
) -> None:
    newer = KP2MI.replace(
        "answers:\n",
        '  - recommendation: "12"\n'
        "    implementation: partial\n"
        "    status: draft\n"
        "    updated: 2026-08-20\n"
        "    text:\n"
        "      id: |\n"
        "        Semua agen diaudit.\n"
        "\n"
        "        Tiga izin dicabut.\n"
        "      en: All agencies were audited.\n"
        '  - recommendation: "12(b)"\n'
        "    implementation: implemented\n"
        "    status: draft\n"
        "    updated: 2026-09-01\n"
        "    text: Biaya dihapus.\n"
        "answers:\n",
    )
    root = _workspace(tmp_path, {"KP2MI": newer})
    before = _errors(root)  # two entries on 12(a): check says so; scaffold still offers
    assert {e.split(" ")[1] for e in before} == {"error[duplicate-answer]"}
    result = cli("scaffold", "KP2MI", "--root", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "1 new answer starts with your latest follow-up text" in result.stdout
    text = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    # 12(a) is covered by the entry on 12(a) (March) and the one on 12 (August): the latest
    # wins; the entry on 12(b) (September, newer still) is not about 12(a).
    assert "    # Starting text taken from your follow-up entry on recommendation 12\n" in text
    assert (
        "    # (answers/KP2MI.yaml, line 12, updated 2026-08-20): edit it into the answer" in text
    )
    record = yaml.safe_load(text)["answers"][-1]
    assert record["question"] == "1"
    assert record["status"] == "draft"
    assert record["text"] == {
        "id": "Semua agen diaudit.\n\nTiga izin dicabut.\n",
        "en": "All agencies were audited.\n",
    }
    assert _errors(root) == before


def test_a_paragraph_naming_a_recommendation_gets_each_items_text_in_order(
    tmp_path: Path,
) -> None:
    loipr = LOIPR.replace('observations: ["12(a)"]', 'observations: ["12", "11"]')
    both = KP2MI.replace(
        "answers:\n",
        '  - recommendation: "12(b)"\n'
        "    implementation: implemented\n"
        "    status: draft\n"
        "    text: Biaya dihapus.\n"
        "answers:\n",
    )
    root = _workspace(tmp_path, {"KP2MI": both})
    (root / "questions" / "loipr.yaml").write_text(loipr, encoding="utf-8")
    result = scaffold(root, "KP2MI", today=TODAY)
    assert result.offered == ["1"]
    record = _data(root, "KP2MI")["answers"][-1]
    # a plain-string text is the first drafting language's (id); 11 is KEMNAKER's
    assert record["text"] == {
        "id": "Izin dua agen dicabut.\n\nBiaya dihapus.\n",
        "en": "Two licences were revoked.\n",
    }
    assert _errors(root) == []


def test_no_offer_without_a_follow_up_text_of_ones_own(tmp_path: Path) -> None:
    other = (
        "ministry: KEMNAKER\nfollow_up:\n"
        '  - recommendation: "12(a)"\n    implementation: partial\n    status: draft\n'
        "    text: Oleh Kemnaker.\n"
    )
    root = _workspace(tmp_path, {"KEMNAKER": other})
    result = scaffold(root, "KP2MI", today=TODAY)
    assert result.added == ["1"] and result.offered == []
    record = _data(root, "KP2MI")["answers"][0]
    assert record["text"] == {"id": "", "en": ""}


# --------------------------------------------------------------------------- forms


def _form(root: Path, code: str, fmt: str) -> Path:
    data, _ = make_form(root, code, fmt, today=TODAY, follow_up=True)
    path = root.parent / f"{code}-follow-up.{fmt}"
    path.write_bytes(data)
    return path


def test_xlsx_follow_up_form_filled_with_a_column_inserted_and_imported(tmp_path: Path) -> None:
    root = _workspace(tmp_path, {"KP2MI": KP2MI})
    path = _form(root, "KP2MI", "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    assert sheet["A1"].value == "Formulir tindak lanjut — KP2MI / Follow-up form — KP2MI"
    # the instructions speak of recommendations and entries, not of questions and answers
    howto = "\n".join(str(sheet.cell(r, 1).value) for r in range(3, 8))
    assert "Write what has been done on each recommendation" in howto
    assert "Do not change the recommendation numbers" in howto
    assert "question" not in howto and "jawaban" not in howto
    header = next(r for r in range(1, 20) if str(sheet.cell(r, 1).value or "").startswith("No."))
    headings = [str(sheet.cell(header, c).value) for c in range(1, sheet.max_column + 1)]
    assert headings[1] == "Rekomendasi\nRecommendation"
    assert headings[-2].startswith("Pelaksanaan (pilih: belum dimulai / sebagian / terlaksana)")
    rows = {sheet.cell(r, 1).value: r for r in range(header + 1, sheet.max_row + 1)}
    assert list(rows) == ["12(a)", "12(b)"]
    assert "Ensure that recruitment agencies are monitored." in sheet.cell(rows["12(b)"], 2).value
    assert "(b) Fees." in sheet.cell(rows["12(b)"], 2).value
    assert "implementation: partial" in sheet.cell(rows["12(a)"], 3).value
    assert sheet.cell(rows["12(a)"], len(headings) - 1).value == "partial"
    choices = {dv.formula1 for dv in sheet.data_validations.dataValidation if dv.type == "list"}
    assert '"not-started,partial,implemented,belum dimulai,sebagian,terlaksana"' in choices
    # the desk officer inserts a column for notes at the start, then types
    sheet.insert_cols(1)
    sheet.cell(header, 1, "Catatan")
    col = {h: c + 2 for c, h in enumerate(headings)}
    answer_id = next(c for h, c in col.items() if "bahasa Indonesia" in h.split("\n")[0])
    answer_en = next(c for h, c in col.items() if "bahasa Inggris" in h.split("\n")[0])
    state = len(headings)  # implementation, shifted by the new column
    status = len(headings) + 1
    sheet.cell(rows["12(b)"], answer_id, "Biaya penempatan dihapus.\nAgen diawasi.")
    sheet.cell(rows["12(b)"], answer_en, "Placement fees were abolished.")
    sheet.cell(rows["12(b)"], state, "sebagian")
    sheet.cell(rows["12(b)"], status, "diajukan")
    sheet.cell(rows["12(a)"], state, "implemented")
    wb.save(path)

    result = import_form(root, path, today=TODAY)
    assert {o.question: o.action for o in result.outcomes} == {"12(a)": "updated", "12(b)": "added"}
    assert result.backup is not None and result.backup.read_text(encoding="utf-8") == KP2MI
    text = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    assert text.startswith("# KP2MI — kept by hand\nministry: KP2MI\nfollow_up:\n")
    assert "  # licences: older entry first\n" in text
    assert text.endswith(
        "answers:\n  # remark that must survive\n"
        '  - question: "2"\n    status: draft\n    text: Belum.   # not ours really\n'
    )
    data = yaml.safe_load(text)
    entries = {e["recommendation"]: e for e in data["follow_up"]}
    assert entries["12(a)"]["implementation"] == "implemented"
    assert entries["12(a)"]["text"]["en"] == "Two licences were revoked."
    assert entries["12(a)"]["updated"] == TODAY
    assert entries["12(b)"] == {
        "recommendation": "12(b)",
        "implementation": "partial",
        "status": "submitted",
        "updated": TODAY,
        "text": {
            "id": "Biaya penempatan dihapus.\n\nAgen diawasi.\n",
            "en": "Placement fees were abolished.\n",
        },
    }
    assert _errors(root) == []


def _docx_cell(doc: Any, question: str, label: str) -> Any:
    for table in doc.tables:
        if table.rows[0].cells[0].text.strip() != question:
            continue
        for row in table.rows:
            if row.cells[0].text.split("\n")[0].startswith(label):
                return row.cells[1]
    raise AssertionError(f"{question}: no row {label}")


def test_docx_follow_up_form_with_track_changes_is_imported(tmp_path: Path, cli: Any) -> None:
    root = _workspace(tmp_path, {"KP2MI": KP2MI})
    path = _form(root, "KP2MI", "docx")
    doc = Document(str(path))
    heading = doc.paragraphs[0].text
    assert heading == "Formulir tindak lanjut — KP2MI / Follow-up form — KP2MI"
    howto = "\n".join(p.text for p in doc.tables[0].cell(0, 0).paragraphs)
    assert "Tuliskan apa yang telah dilakukan atas setiap rekomendasi" in howto
    assert "question" not in howto and "jawaban" not in howto
    state = _docx_cell(doc, "12(a)", "Pelaksanaan")
    assert state.text == "partial"
    # Track Changes on: the officer deletes a word and inserts a sentence
    cell = _docx_cell(doc, "12(b)", "Jawaban Anda dalam bahasa Indonesia")
    tc = cell._tc
    for p in tc.findall(f"{{{W_NS}}}p"):
        tc.remove(p)
    tc.append(
        parse_xml(
            para(run("Biaya ") + dele("lama ") + run("dihapus.") + ins(run(" Agen diaudit.")))
        )
    )
    choose = _docx_cell(doc, "12(b)", "Pelaksanaan")
    choose.paragraphs[0].add_run("terlaksana")
    _docx_cell(doc, "12(b)", "Status").paragraphs[0].runs[0].text = "submitted"
    doc.save(str(path))

    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == "12(b): new follow-up entry added"
    entry = _data(root, "KP2MI")["follow_up"][-1]
    assert entry["recommendation"] == "12(b)"
    assert entry["implementation"] == "implemented"
    assert entry["status"] == "submitted"
    assert entry["text"] == {"id": "Biaya dihapus. Agen diaudit.\n"}
    assert _errors(root) == []


def test_new_entry_without_implementation_or_with_a_wrong_word_is_not_written(
    tmp_path: Path, cli: Any
) -> None:
    root = _workspace(tmp_path, {"KP2MI": KP2MI})
    path = _form(root, "KP2MI", "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header = next(r for r in range(1, 20) if str(sheet.cell(r, 1).value or "").startswith("No."))
    rows = {sheet.cell(r, 1).value: r for r in range(header + 1, sheet.max_row + 1)}
    sheet.cell(rows["12(b)"], 4, "Biaya dihapus.")  # text, no implementation chosen
    sheet.cell(rows["12(a)"], sheet.max_column - 1, "hampir")  # not a state
    wb.save(path)
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert "12(b): a new follow-up entry needs its implementation state" in result.stdout
    assert "implementation 'hampir' is not not-started, partial or implemented" in result.stdout
    assert (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8") == KP2MI


def test_follow_up_form_guards_approval_conflicts_and_the_observations(
    tmp_path: Path, cli: Any
) -> None:
    root = _workspace(tmp_path, {"KP2MI": KP2MI})
    path = _form(root, "KP2MI", "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header = next(r for r in range(1, 20) if str(sheet.cell(r, 1).value or "").startswith("No."))
    rows = {sheet.cell(r, 1).value: r for r in range(header + 1, sheet.max_row + 1)}
    sheet.cell(rows["12(a)"], 4, "Semua izin ditinjau.")
    sheet.cell(rows["12(a)"], sheet.max_column, "approved")
    wb.save(path)
    refused = cli("import", str(path), "--root", str(root))
    assert refused.exit_code == 1
    assert "approved" in refused.stdout
    # the entry changes in the YAML after the form went out: refused unless --force
    changed = KP2MI.replace("Two licences were revoked.", "Two licences were revoked in May.")
    (root / "answers" / "KP2MI.yaml").write_text(changed, encoding="utf-8")
    sheet.cell(rows["12(a)"], sheet.max_column, "submitted")
    wb.save(path)
    conflict = cli("import", str(path), "--root", str(root))
    assert conflict.exit_code == 1
    assert "12(a)" in conflict.stdout and "changed" in conflict.stdout
    assert (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8") == changed
    forced = cli("import", str(path), "--root", str(root), "--force")
    assert forced.exit_code == 0, forced.stdout + forced.stderr
    entry = _data(root, "KP2MI")["follow_up"][0]
    assert entry["text"]["id"] == "Semua izin ditinjau.\n"
    assert entry["text"]["en"] == "Two licences were revoked in May."
    # new observations (another symbol): the old form no longer fits
    obs = OBSERVATIONS.replace("CMW/C/TST/CO/2", "CMW/C/TST/CO/3")
    (root / "questions" / "observations.yaml").write_text(obs, encoding="utf-8")
    other = cli("import", str(path), "--root", str(root), "--force")
    assert other.exit_code == 1
    assert "CMW/C/TST/CO/2" in other.stderr


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_cli_form_follow_up_default_path_and_message(tmp_path: Path, cli: Any, fmt: str) -> None:
    root = _workspace(tmp_path, {"KP2MI": KP2MI})
    result = cli("form", "KP2MI", "--follow-up", "--format", fmt, "--root", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "follow-up form for KP2MI written to" in result.stdout
    assert "(2 recommendations)" in result.stdout
    written = list((root / "build" / "forms").glob(f"KP2MI-follow-up-*.{fmt}"))
    assert len(written) == 1
    # a question form still asks the questions (1, and 2 which it answered)
    questions = cli("form", "KP2MI", "--format", fmt, "--root", str(root))
    assert "(2 questions)" in questions.stdout


def test_question_form_imported_into_a_file_with_follow_up_first(tmp_path: Path) -> None:
    # The answers go into answers:, the follow_up: list before it stays byte for byte, and
    # the file's follow-up entries do not count twice in the guard against new errors.
    root = _workspace(tmp_path, {"KP2MI": KP2MI})
    data, _ = make_form(root, "KP2MI", "xlsx", today=TODAY)
    path = root.parent / "KP2MI.xlsx"
    path.write_bytes(data)
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header = next(r for r in range(1, 20) if str(sheet.cell(r, 1).value or "").startswith("No."))
    rows = {sheet.cell(r, 1).value: r for r in range(header + 1, sheet.max_row + 1)}
    sheet.cell(rows["1"], 4, "Agen diawasi setiap tahun.")
    wb.save(path)
    result = import_form(root, path, today=TODAY)
    assert [(o.question, o.action) for o in result.outcomes if o.action != "unchanged"] == [
        ("1", "added")
    ]
    text = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    assert text.startswith(KP2MI.split("answers:\n")[0] + "answers:\n")
    data = yaml.safe_load(text)
    assert [a["question"] for a in data["answers"]] == ["2", "1"]
    assert data["answers"][1]["text"] == {"id": "Agen diawasi setiap tahun.\n"}
    assert len(data["follow_up"]) == 1
    assert _errors(root) == []


def test_an_approved_entry_whose_state_changes_becomes_submitted(tmp_path: Path) -> None:
    approved = KP2MI.replace("    status: submitted\n", "    status: approved\n", 1)
    root = _workspace(tmp_path, {"KP2MI": approved})
    path = _form(root, "KP2MI", "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header = next(r for r in range(1, 20) if str(sheet.cell(r, 1).value or "").startswith("No."))
    rows = {sheet.cell(r, 1).value: r for r in range(header + 1, sheet.max_row + 1)}
    assert sheet.cell(rows["12(a)"], sheet.max_column).value is None  # approved: left empty
    sheet.cell(rows["12(a)"], sheet.max_column - 1, "terlaksana")
    wb.save(path)
    result = import_form(root, path, today=TODAY)
    outcome = next(o for o in result.outcomes if o.question == "12(a)")
    assert outcome.action == "updated"
    assert "submitted" in outcome.message
    entry = _data(root, "KP2MI")["follow_up"][0]
    assert (entry["implementation"], entry["status"]) == ("implemented", "submitted")
    assert entry["text"]["en"] == "Two licences were revoked."
