"""Guards against breakage the rest of the suite let through (issue 12, items 11-17).

Each test here was written by breaking the code on purpose and checking that the test
fails; the docstring of each test names the breakage it guards against. They go through
the command line and the files it writes (JSON, DOCX parts), never through internal
functions, so a refactoring that keeps the behaviour keeps them green.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import time_machine
import yaml
from lxml import etree

from conftest import ANSWERS, write_workspace

ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}  # 31 July 2025
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCX = "CMW-C-TST-2-en.docx"


def _render(cli: Any, root: Path, *args: str) -> Path:
    result = cli("render", "--root", str(root), *args, env=ENV)
    assert result.exit_code == 0, result.stdout + result.stderr
    return root / "build" / DOCX


def _json(cli: Any, *args: str) -> tuple[int, dict[str, Any]]:
    result = cli(*args, "--format", "json")
    data: dict[str, Any] = json.loads(result.stdout)
    return result.exit_code, data


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t"))


# ------------------------------------------------ 11. footnotes numbered across answers


def _footnote_targets(path: Path) -> dict[str, list[str]]:
    """For each body paragraph holding footnote references: the texts of the notes they reach."""
    with zipfile.ZipFile(path) as docx:
        body = etree.fromstring(docx.read("word/document.xml"))
        notes = etree.fromstring(docx.read("word/footnotes.xml"))
    note_text = {
        note.get(W + "id"): _text(note).strip()
        for note in notes.iter(W + "footnote")
        if note.get(W + "type") in (None, "normal")
    }
    targets: dict[str, list[str]] = {}
    for paragraph in body.iter(W + "p"):
        ids = [r.get(W + "id") for r in paragraph.iter(W + "footnoteReference")]
        if ids:
            targets[_text(paragraph)] = [note_text.get(i, f"<no note {i}>") for i in ids]
    return targets


def test_each_footnote_reference_leads_to_its_own_note_across_answers(
    cli: Any, tmp_path: Path
) -> None:
    """Breakage: ``report._shift`` not adding its offset (every answer's [^1] became note 1)."""
    answers: dict[str, Any] = {
        "KEMLU": {
            "ministry": "KEMLU",
            "answers": [
                {
                    "question": "1(a)",
                    "status": "draft",
                    "text": "Alpha law was adopted.[^1]\n\n[^1]: Alpha note.",
                }
            ],
        },
        "KEMNAKER": {
            "ministry": "KEMNAKER",
            "answers": [
                {
                    "question": "2",
                    "status": "draft",
                    "text": "Beta policy applies.[^x] Beta again.[^y]\n\n"
                    "[^x]: Beta first note.\n[^y]: Beta second note.",
                }
            ],
        },
        "KP2MI": {
            "ministry": "KP2MI",
            "answers": [
                {
                    "question": "3",
                    "status": "draft",
                    "text": "Gamma remedies exist.[^1]\n\n[^1]: Gamma note.",
                }
            ],
        },
    }
    root = write_workspace(tmp_path / "ws", answers=answers)
    targets = _footnote_targets(_render(cli, root))
    by_answer = {
        name: notes
        for text, notes in targets.items()
        for name in re.findall(r"Alpha|Beta|Gamma", text)[:1]
    }
    assert by_answer == {
        "Alpha": ["Alpha note."],
        "Beta": ["Beta first note.", "Beta second note."],
        "Gamma": ["Gamma note."],
    }
    assert len(targets) == 3


# ------------------------------------------- 12. check --ministry keeps the body's errors


def test_check_for_one_body_keeps_the_errors_in_its_own_file(cli: Any, tmp_path: Path) -> None:
    """Breakage: ``unknown-question`` (and the body's other errors) not attributed to it."""
    answers: dict[str, Any] = copy.deepcopy(ANSWERS)
    answers["KEMNAKER"] = (
        "ministry: KEMNAKER\n"
        "answers:\n"
        '  - question: "40"\n'
        "    status: draft\n"
        "    text: Answer to a question the list does not have.\n"
        '  - question: "2"\n'
        "    status: draft\n"
        "    text: Policy.\n"
        '  - question: "2"\n'
        "    status: submitted\n"
        "    text: Policy again.\n"
    )
    root = write_workspace(tmp_path / "ws", answers=answers)
    code, data = _json(cli, "check", "--root", str(root), "--ministry", "KEMNAKER")
    assert code == 1
    errors = [
        (p["file"], p["line"], p["code"]) for p in data["problems"] if p["severity"] == "error"
    ]
    assert errors == [
        ("answers/KEMNAKER.yaml", 3, "unknown-question"),
        ("answers/KEMNAKER.yaml", 9, "duplicate-answer"),
    ]
    assert data["errors"] == 2
    text = cli("check", "--root", str(root), "--ministry", "KEMNAKER", env=ENV)
    assert text.exit_code == 1
    assert (
        'answers/KEMNAKER.yaml:3: error[unknown-question] question "40" is not in the list '
        "of issues" in text.stdout
    )
    # another body is not told about them, and is not blamed for them
    code, other = _json(cli, "check", "--root", str(root), "--ministry", "KEMLU")
    assert code == 0
    assert [p for p in other["problems"] if p["file"] == "answers/KEMNAKER.yaml"] == []


@pytest.mark.parametrize(
    ("content", "line", "code"),
    [
        ('ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: final\n    text: P.\n',
         4, "invalid-record"),
        ('ministry: KEMNAKER\nanswers:\n  - question: "2"\n    text: "Policy\n',
         4, "yaml-syntax"),
    ],
    ids=["invalid-record", "yaml-syntax"],
)  # fmt: skip
def test_check_for_one_body_keeps_a_reading_error_in_its_own_file(
    cli: Any, tmp_path: Path, content: str, line: int, code: str
) -> None:
    """Breakage: errors found while reading a body's file not attributed to the body."""
    answers: dict[str, Any] = copy.deepcopy(ANSWERS)
    answers["KEMNAKER"] = content
    root = write_workspace(tmp_path / "ws", answers=answers)
    status, data = _json(cli, "check", "--root", str(root), "--ministry", "KEMNAKER")
    assert status == 1
    errors = [
        (p["file"], p["line"], p["code"]) for p in data["problems"] if p["severity"] == "error"
    ]
    assert errors == [("answers/KEMNAKER.yaml", line, code)]


# -------------------------------------------------- 13. the header's {{ symbol }} filled


def _parts(path: Path, prefix: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as docx:
        return {
            name: _text(etree.fromstring(docx.read(name)))
            for name in docx.namelist()
            if re.fullmatch(rf"word/{prefix}\d*\.xml", name)
        }


def test_reference_header_shows_the_report_symbol(cli: Any, ws_root: Path) -> None:
    """Breakage: the ``{{ symbol }}`` placeholder of reference.docx's header left unfilled."""
    path = _render(cli, ws_root)
    headers = _parts(path, "header")
    assert headers, "the packaged reference document has a header"
    assert any("CMW/C/TST/2" in text for text in headers.values()), headers
    for text in (*headers.values(), *_parts(path, "footer").values()):
        assert "{{" not in text and "}}" not in text


def test_header_follows_the_symbol_in_the_list_of_issues(cli: Any, tmp_path: Path) -> None:
    """The header is filled from the workspace, not from a fixed value."""
    root = write_workspace(tmp_path / "ws")
    loipr = yaml.safe_load((root / "questions" / "loipr.yaml").read_text(encoding="utf-8"))
    loipr["report"]["symbol"] = "CMW/C/TST/3"
    write_workspace(root, loipr=loipr)
    headers = _parts(_render(cli, root, "-o", str(root / "build" / DOCX)), "header")
    assert any("CMW/C/TST/3" in text for text in headers.values()), headers


# ------------------------ 14. an import never gives the answers file an error it lacked


def _fill_english(form: Path, answers: dict[str, str]) -> None:
    """Type answers into the English column of an XLSX form, as a desk officer would."""
    from openpyxl import load_workbook

    wb = load_workbook(form)
    sheet = wb.worksheets[0]
    header = next(r for r in range(1, 30) if str(sheet.cell(r, 1).value or "").startswith("No."))
    titles = {c: str(sheet.cell(header, c).value or "") for c in range(1, sheet.max_column + 1)}
    (english,) = [c for c, h in titles.items() if re.search(r"Inggris|English", h.split("\n")[0])]
    for row in range(header + 1, sheet.max_row + 1):
        question = str(sheet.cell(row, 1).value or "")
        if question in answers:
            sheet.cell(row, english, answers.pop(question))
    assert answers == {}, "every answer found its row"
    wb.save(form)


def test_import_refuses_to_add_an_error_the_answers_file_did_not_have(
    cli: Any, tmp_path: Path
) -> None:
    """Breakage: the import guard "never turns a valid file into an invalid one" disabled.

    The form was issued for paragraph 3; the list of issues was renumbered before the
    body sent it back. Importing would add an answer to a question the list no longer has.
    """
    answers: dict[str, Any] = copy.deepcopy(ANSWERS)
    answers["KEMNAKER"] = (
        'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n'
        "    text: National policy.\n"
    )
    root = write_workspace(tmp_path / "ws", answers=answers)
    form = tmp_path / "KEMNAKER.xlsx"
    issued = cli("form", "KEMNAKER", "--root", str(root), "--output", str(form))
    assert issued.exit_code == 0, issued.stdout + issued.stderr
    _fill_english(form, {"3": "Complaints are heard online.", "2": "National policy, updated."})
    loipr = yaml.safe_load((root / "questions" / "loipr.yaml").read_text(encoding="utf-8"))
    loipr["sections"][1]["sections"][0]["paragraphs"][0]["number"] = 4
    write_workspace(root, loipr=loipr, answers={})
    target = root / "answers" / "KEMNAKER.yaml"
    before = target.read_bytes()
    _, checked = _json(cli, "check", "--root", str(root), "--ministry", "KEMNAKER")
    assert checked["errors"] == 0

    result = cli("import", str(form), "--root", str(root), env=ENV)
    assert result.exit_code == 1
    message = result.stdout + result.stderr
    assert "nothing was written" in message
    # either guard may speak: the one naming the questions the list lost, or check's own
    assert (
        "the form answers 3, which the list of issues no longer has" in message
        or 'question "3" is not in the list of issues' in message
    )
    assert target.read_bytes() == before
    assert not (root / "build" / "backups").exists()
    _, checked = _json(cli, "check", "--root", str(root), "--ministry", "KEMNAKER")
    assert checked["errors"] == 0


# ------------------------------------- 15. same bytes whatever the clock says (DOCX too)


def test_draft_is_the_same_bytes_on_another_day_and_hour(cli: Any, tmp_path: Path) -> None:
    """Breakage: a DOCX stamp (comment, properties, zip entries) taken from the clock."""
    answers: dict[str, Any] = copy.deepcopy(ANSWERS)
    answers["KP2MI"]["answers"][0]["note"] = "Check the 2024 figures with BPS."
    root = write_workspace(tmp_path / "ws", answers=answers)
    runs = []
    for clock in ("2025-08-04 09:00:01+07:00", "2026-01-15 17:42:39+07:00"):
        with time_machine.travel(dt.datetime.fromisoformat(clock), tick=False):
            runs.append(_render(cli, root).read_bytes())
    assert runs[0] == runs[1]
    with zipfile.ZipFile(root / "build" / DOCX) as docx:
        comments = docx.read("word/comments.xml").decode()
        core = docx.read("docProps/core.xml").decode()
        assert {i.date_time[:3] for i in docx.infolist()} == {(2025, 7, 31)}
    assert 'w:date="2025-07-31T' in comments
    assert "2025-07-31T" in core and "2026" not in core


# ------------------------------------------ 16. coverage --ministry keeps unassigned units


def test_coverage_for_one_body_keeps_units_it_answered_unasked(cli: Any, tmp_path: Path) -> None:
    """Breakage: ``coverage --ministry`` dropping units the body answered but is not assigned to."""
    answers: dict[str, Any] = copy.deepcopy(ANSWERS)
    answers["KEMNAKER"] = {
        "ministry": "KEMNAKER",
        "answers": [
            {"question": "1(a)", "status": "submitted", "text": "Manpower on the law."},
            {"question": "2", "status": "draft", "text": "Policy."},
        ],
    }
    root = write_workspace(tmp_path / "ws", answers=answers)
    code, data = _json(cli, "coverage", "--root", str(root), "--ministry", "KEMNAKER")
    assert code == 0
    units = {u["id"]: u for u in data["units"]}
    # 1(a) is KEMLU's with KP2MI; KEMNAKER answered it anyway
    assert list(units) == ["1(a)", "1(b)", "2", "3"]
    assert units["1(a)"]["answered_by"] == ["KEMLU", "KEMNAKER"]
    assert data["totals"]["units"] == 4
    (body,) = data["ministries"]
    assert body["given"] == {"1(a)": "submitted", "2": "draft"}
    csv = cli("coverage", "--root", str(root), "--ministry", "KEMNAKER", "--format", "csv")
    assert [line.split(",")[0] for line in csv.stdout.splitlines()[1:]] == list(units)


# --------------------------------------------------- 17. tables: alignment, bad characters


def _table_cells(path: Path) -> list[list[list[tuple[str, str | None]]]]:
    """Each table's rows as (text, w:jc of the cell's paragraph) pairs."""
    with zipfile.ZipFile(path) as docx:
        body = etree.fromstring(docx.read("word/document.xml"))
    tables = []
    for table in body.iter(W + "tbl"):
        rows = []
        for row in table.iter(W + "tr"):
            cells = []
            for cell in row.iter(W + "tc"):
                paragraph = cell.find(W + "p")
                assert paragraph is not None
                jc = paragraph.find(f"{W}pPr/{W}jc")
                cells.append((_text(cell), None if jc is None else jc.get(W + "val")))
            rows.append(cells)
        tables.append(rows)
    return tables


@pytest.mark.parametrize("written_as", ["tables", "markdown"])
def test_numeric_table_columns_are_right_aligned(cli: Any, tmp_path: Path, written_as: str) -> None:
    """Breakage: numeric columns of a statistics table no longer right-aligned in the DOCX."""
    answers: dict[str, Any] = copy.deepcopy(ANSWERS)
    record = answers["KP2MI"]["answers"][0]
    if written_as == "tables":
        record["tables"] = [
            {
                "title": "Placements by destination",
                "columns": ["Destination", "Men", "Women"],
                "rows": [["Malaysia", 100, 2200], ["Saudi Arabia", 110, 3.5]],
            }
        ]
        expected = [["Malaysia", "100", "2,200"], ["Saudi Arabia", "110", "3.5"]]
    else:
        del record["tables"]
        record["text"] = {
            "en": "Placements:\n\n| Destination | Men | Women |\n|---|---|---|\n"
            "| Malaysia | 100 | 2,200 |\n| Saudi Arabia | 110 | 3.5 |\n"
        }
        expected = [["Malaysia", "100", "2,200"], ["Saudi Arabia", "110", "3.5"]]
    root = write_workspace(tmp_path / "ws", answers=answers)
    (table,) = _table_cells(_render(cli, root))
    assert [[text for text, _ in row] for row in table] == [
        ["Destination", "Men", "Women"],
        *expected,
    ]
    for row in table:  # the heading row too
        (_, first), *numbers = row
        assert first in (None, "left", "start", "both")
        assert [jc for _, jc in numbers] == ["right", "right"]


@pytest.mark.parametrize(
    ("field", "line_in_table"),
    [("title", 0), ("column", 1), ("cell", 3), ("source", 4)],
)
def test_control_characters_in_a_table_are_found(
    cli: Any, tmp_path: Path, field: str, line_in_table: int
) -> None:
    """Breakage: check no longer looking at table titles, headings, cells and sources."""
    values = {
        "title": '"Placements\\x0b by sex"',
        "column": '[Year, "Men\\x0c", Women]',
        "cell": '[2023, "1\\x07", 200]',
        "source": '"KP2MI\\x1f data"',
    }
    title = values["title"] if field == "title" else "Placements by sex"
    columns = values["column"] if field == "column" else "[Year, Men, Women]"
    row = values["cell"] if field == "cell" else "[2023, 100, 200]"
    source = values["source"] if field == "source" else "KP2MI data"
    answers: dict[str, Any] = copy.deepcopy(ANSWERS)
    answers["KP2MI"] = (
        "ministry: KP2MI\n"
        "answers:\n"
        '  - question: "1(b)"\n'
        "    status: submitted\n"
        "    text: Agreements were signed with two States.\n"
        "    tables:\n"
        f"      - title: {title}\n"  # line 7
        f"        columns: {columns}\n"
        "        rows:\n"
        f"          - {row}\n"
        f"        source: {source}\n"
    )
    root = write_workspace(tmp_path / "ws", answers=answers)
    code, data = _json(cli, "check", "--root", str(root))
    assert code == 0
    found = [
        (p["file"], p["line"], p["severity"])
        for p in data["problems"]
        if p["code"] == "control-character"
    ]
    assert len(found) == 1
    file, line, severity = found[0]
    assert (file, severity) == ("answers/KP2MI.yaml", "warning")
    # the table's own line, or the line of the field itself
    assert line in (7, 7 + line_in_table)
