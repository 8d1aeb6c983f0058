"""cmwreport scaffold: skeleton answers appended, existing bytes never changed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cmwreport.checks import check_workspace
from cmwreport.coverage import compute_coverage
from cmwreport.scaffold import ScaffoldError, scaffold
from cmwreport.workspace import load_workspace
from conftest import LOIPR, write_workspace

TODAY = dt.date(2025, 8, 1)

COMMENTED = """\
# Our answers — kept by hand, with comments that must survive.
ministry: KP2MI   # the body
answers:
  # the first one
  - question: "1(b)"
    status: submitted
    text:
      en: Agreements were signed with two States.   # trailing remark
"""


def _problems(root: Path) -> list[tuple[str, str, int]]:
    result = check_workspace(load_workspace(root))
    return [(p.code, p.file, p.line) for p in result.problems]


def test_new_file_has_schema_line_header_and_one_record_per_assigned_unit(ws_root: Path) -> None:
    result = scaffold(ws_root, "KEMNAKER", today=TODAY)
    assert result.created and result.added == ["1(b)", "2", "3"]
    text = (ws_root / "answers" / "KEMNAKER.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/answers.schema.json"
    # the schema line stays, but scaffold writes nothing besides the body's own file
    assert not (ws_root / "schemas").exists()
    assert result.schema_missing
    data = yaml.safe_load(text)
    assert data["ministry"] == "KEMNAKER"
    assert [r["question"] for r in data["answers"]] == ["1(b)", "2", "3"]
    for record in data["answers"]:
        assert record["status"] == "draft"
        assert record["updated"] == TODAY
        assert record["text"] == {"id": "", "en": ""}
    # the question's text is quoted as comments above its record, with its data request
    before_1b = text.split('- question: "1(b)"')[0]
    assert "  # Please describe the legal framework.\n" in before_1b
    assert "(b) Bilateral agreements." in before_1b
    assert "sex, destination" in before_1b
    assert "# [en] Please describe remedies." in text and "# [id] Jelaskan pemulihan." in text


def test_result_passes_check_with_empty_answer_warnings_only(ws_root: Path) -> None:
    before = _problems(ws_root)
    assert not [p for p in before if p[0] == "empty-answer"]
    scaffold(ws_root, "KEMNAKER", today=TODAY)
    result = check_workspace(load_workspace(ws_root))
    assert result.errors == 0
    new = [p for p in result.problems if (p.code, p.file, p.line) not in before]
    assert [p.code for p in new] == ["empty-answer"] * 3
    assert all(p.file == "answers/KEMNAKER.yaml" for p in new)


def test_skeleton_does_not_count_as_an_answer(ws_root: Path) -> None:
    scaffold(ws_root, "KEMNAKER", today=TODAY)
    coverage = compute_coverage(load_workspace(ws_root))
    states = {u.id: u.state for u in coverage.units}
    assert states["2"] == "unanswered"


def test_existing_bytes_are_kept_byte_for_byte(ws_root: Path) -> None:
    path = ws_root / "answers" / "KP2MI.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    old = path.read_bytes()
    result = scaffold(ws_root, "KP2MI", today=TODAY)
    assert not result.created and result.added == ["1(a)", "3"]
    new = path.read_bytes()
    assert new.startswith(old) and len(new) > len(old)
    data = yaml.safe_load(new)
    assert data["answers"][0]["text"] == {"en": "Agreements were signed with two States."}
    assert [r["question"] for r in data["answers"]] == ["1(b)", "1(a)", "3"]
    # appended at the file's own indentation (dash in column 2)
    assert '\n  - question: "1(a)"\n' in new.decode()


def test_second_run_adds_nothing_and_changes_nothing(ws_root: Path, cli: Any) -> None:
    scaffold(ws_root, "KP2MI", today=TODAY)
    path = ws_root / "answers" / "KP2MI.yaml"
    once = path.read_bytes()
    result = cli("scaffold", "KP2MI", "--root", str(ws_root))
    assert result.exit_code == 0
    assert "nothing to add" in result.stdout
    assert path.read_bytes() == once


def test_indentless_list_and_missing_final_newline(ws_root: Path) -> None:
    path = ws_root / "answers" / "KEMLU.yaml"
    body = 'ministry: KEMLU\nanswers:\n- question: "1(a)"\n  status: draft\n  text: Ada.'
    path.write_bytes(body.encode())
    scaffold(ws_root, "KEMLU", today=TODAY)
    new = path.read_bytes()
    assert new.startswith(body.encode() + b"\n")
    assert b'\n- question: "1(b)"\n' in new
    assert [r["question"] for r in yaml.safe_load(new)["answers"]] == ["1(a)", "1(b)"]
    assert check_workspace(load_workspace(ws_root)).errors == 0


def test_file_with_ministry_only_gets_an_answers_key(ws_root: Path) -> None:
    path = ws_root / "answers" / "KEMNAKER.yaml"
    path.write_text("ministry: KEMNAKER\n", encoding="utf-8")
    scaffold(ws_root, "KEMNAKER", today=TODAY)
    new = path.read_text(encoding="utf-8")
    assert new.startswith("ministry: KEMNAKER\nanswers:\n")
    assert len(yaml.safe_load(new)["answers"]) == 3


@pytest.mark.parametrize(
    "content",
    [
        'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n    text: "open\n',
        "ministry: KP2MI\nanswers: []\n",
        "- just\n- a list\n",
    ],
    ids=["syntax-error", "flow-list", "not-a-mapping"],
)
def test_refuses_a_file_it_cannot_extend_safely(ws_root: Path, cli: Any, content: str) -> None:
    path = ws_root / "answers" / "KP2MI.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ScaffoldError):
        scaffold(ws_root, "KP2MI", today=TODAY)
    result = cli("scaffold", "KP2MI", "--root", str(ws_root))
    assert result.exit_code == 1
    assert "answers/KP2MI.yaml was not changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == content


def test_answers_not_last_get_their_records_inside_the_list(ws_root: Path) -> None:
    # Before issue 14, `answers:` had to be the last part of the file; now records go at
    # the end of the list wherever it is, and what follows it is kept byte for byte.
    path = ws_root / "answers" / "KP2MI.yaml"
    content = 'answers:\n  - question: "3"\n    status: draft\n\n# who we are\nministry: KP2MI\n'
    path.write_text(content, encoding="utf-8")
    result = scaffold(ws_root, "KP2MI", today=TODAY)
    new = path.read_text(encoding="utf-8")
    assert new.startswith('answers:\n  - question: "3"\n    status: draft\n')
    assert new.endswith("\n\n# who we are\nministry: KP2MI\n")
    data = yaml.safe_load(new)
    assert [r["question"] for r in data["answers"]] == ["3", *result.added]
    assert data["ministry"] == "KP2MI"


def test_filled_skeleton_counts(ws_root: Path) -> None:
    scaffold(ws_root, "KEMNAKER", today=TODAY)
    path = ws_root / "answers" / "KEMNAKER.yaml"
    text = path.read_text(encoding="utf-8")
    marker = '- question: "2"'
    head, tail = text.split(marker)
    # a desk officer types on the (already indented) empty line under "id: |"
    tail = tail.replace(
        "id: |\n        \n", "id: |\n        Kebijakan nasional telah disusun.\n", 1
    )
    path.write_text(head + marker + tail, encoding="utf-8")
    ws = load_workspace(ws_root)
    result = check_workspace(ws)
    assert result.errors == 0
    empties = [p for p in result.problems if p.code == "empty-answer"]
    assert len(empties) == 2
    assert ws.best_status(ws.unit_by_id["2"]) == "draft"


def test_cli_unknown_body_and_indonesian_messages(ws_root: Path, cli: Any) -> None:
    result = cli("scaffold", "NOPE", "--root", str(ws_root))
    assert result.exit_code == 2
    assert "NOPE" in result.stderr and "KEMNAKER" in result.stderr
    result = cli("scaffold", "KEMNAKER", "--root", str(ws_root), "--ui-lang", "id")
    assert result.exit_code == 0, result.stderr
    assert "dibuat dengan 3 kerangka jawaban" in result.stdout
    text = (ws_root / "answers" / "KEMNAKER.yaml").read_text(encoding="utf-8")
    assert "Anda penanggung jawab" in text and "Tulis jawaban di bawah" in text


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_cli_writes_only_the_answers_file_and_hints_at_the_schema(ws_root: Path, cli: Any) -> None:
    before = _files(ws_root)
    result = cli("scaffold", "KEMNAKER", "--root", str(ws_root))
    assert result.exit_code == 0, result.stderr
    assert _files(ws_root) - before == {"answers/KEMNAKER.yaml"}
    hint = result.stderr.strip()
    assert len(result.stderr.splitlines()) == 1
    assert "schemas/answers.schema.json is missing" in hint
    assert "answers/KEMNAKER.yaml" in hint and "`cmwreport schema --output schemas`" in hint
    # in Indonesian too
    (ws_root / "answers" / "KEMNAKER.yaml").unlink()
    result = cli("scaffold", "KEMNAKER", "--root", str(ws_root), "--ui-lang", "id")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("saran: schemas/answers.schema.json belum ada")
    assert "`cmwreport schema --output schemas` satu kali" in result.stderr


def test_no_hint_once_the_schemas_are_there(ws_root: Path, cli: Any) -> None:
    written = cli("schema", "--output", "schemas", "--root", str(ws_root))
    assert written.exit_code == 0, written.stderr
    schema = (ws_root / "schemas" / "answers.schema.json").read_bytes()
    result = cli("scaffold", "KEMNAKER", "--root", str(ws_root))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "created answers/KEMNAKER.yaml" in result.stdout
    assert (ws_root / "schemas" / "answers.schema.json").read_bytes() == schema


def test_body_without_assignments(tmp_path: Path, cli: Any) -> None:
    ministries = [
        {"code": "KEMLU", "name": "Foreign Affairs"},
        {"code": "BPS", "name": "Statistics"},
    ]
    loipr = json.loads(json.dumps(LOIPR))
    for section in loipr["sections"]:
        for paragraph in section.get("paragraphs", []):
            paragraph["lead"], paragraph["contributors"] = "KEMLU", []
            for item in paragraph.get("items", []):
                item.pop("lead", None)
                item.pop("contributors", None)
        for sub in section.get("sections", []):
            for paragraph in sub["paragraphs"]:
                paragraph["lead"], paragraph["contributors"] = "KEMLU", []
    root = write_workspace(tmp_path / "w", loipr=loipr, ministries=ministries, answers={})
    result = cli("scaffold", "BPS", "--root", str(root))
    assert result.exit_code == 0
    assert "not lead or contributor" in result.stdout
    assert not (root / "answers" / "BPS.yaml").exists()


def test_windows_line_endings_are_kept(ws_root: Path) -> None:
    path = ws_root / "answers" / "KP2MI.yaml"
    old = COMMENTED.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(old)
    scaffold(ws_root, "KP2MI", today=TODAY)
    new = path.read_bytes()
    assert new.startswith(old)
    assert b"\n" not in new.replace(b"\r\n", b"")
    assert [r["question"] for r in yaml.safe_load(new)["answers"]] == ["1(b)", "1(a)", "3"]


@pytest.mark.parametrize(
    "content",
    [b"", b"\n\n", b"# answers of KEMNAKER, to be written\n", b"\xef\xbb\xbf# no final newline"],
    ids=["empty", "blank-lines", "comment-only", "bom-comment-no-newline"],
)
def test_empty_or_comment_only_file_gets_the_header_appended(ws_root: Path, content: bytes) -> None:
    path = ws_root / "answers" / "KEMNAKER.yaml"
    path.write_bytes(content)
    result = scaffold(ws_root, "KEMNAKER", today=TODAY)
    assert result.added == ["1(b)", "2", "3"]
    new = path.read_bytes()
    assert new.startswith(content)
    text = new.decode("utf-8-sig")
    assert "# yaml-language-server: $schema=../schemas/answers.schema.json" in text
    assert [r["question"] for r in yaml.safe_load(text)["answers"]] == ["1(b)", "2", "3"]
    assert not (ws_root / "schemas").exists()
    assert not [
        p for p in _problems(ws_root) if p[1] == "answers/KEMNAKER.yaml" and p[0] != "empty-answer"
    ]


def test_record_heading_names_the_role_once(ws_root: Path) -> None:
    scaffold(ws_root, "KEMNAKER", today=TODAY, lang="id")
    text = (ws_root / "answers" / "KEMNAKER.yaml").read_text(encoding="utf-8")
    heads = [line for line in text.splitlines() if line.lstrip().startswith("# ──")]
    assert len(heads) == 3
    lead = next(h for h in heads if "── 2 ·" in h)
    assert "Anda penanggung jawab" in lead and "(penanggung jawab:" not in lead
    contributor = next(h for h in heads if "── 1(b) ·" in h)
    assert "Anda kontributor (penanggung jawab: KP2MI)" in contributor


def test_guide_names_the_workspaces_own_drafting_languages(tmp_path: Path) -> None:
    loipr = json.loads(json.dumps(LOIPR))
    loipr["report"]["drafting_languages"] = ["fr", "en"]
    root = write_workspace(tmp_path / "ws", loipr=loipr)
    scaffold(root, "KEMNAKER", today=TODAY)
    text = (root / "answers" / "KEMNAKER.yaml").read_text(encoding="utf-8")
    guide = " ".join(line.lstrip("# ") for line in text.splitlines()[:12])
    assert "`fr: |` (French) and `en: |` (English)" in guide
    assert "`id: |`" not in guide
    assert yaml.safe_load(text)["answers"][0]["text"] == {"fr": "", "en": ""}
