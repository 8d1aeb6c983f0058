"""Files in answers/ that would not be read are reported (``ignored-file``), never skipped.

Each test saves the answers the way a desk officer's program does: Notepad's "Save as"
(``KEMNAKER.yaml.txt``), Windows Explorer's copy (``KEMNAKER - Copy.yaml``), a browser's
second download (``KEMNAKER (1).yaml``), an Indonesian Windows copy (``Salinan ...``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cmwreport.checks import check_workspace
from cmwreport.workspace import load_workspace
from conftest import write_workspace

KEMNAKER_TEXT = (
    "ministry: KEMNAKER\n"
    "answers:\n"
    '  - question: "2"\n'
    "    status: submitted\n"
    "    text:\n"
    "      en: |\n"
    "        A national policy on placement is in force.\n"
)


def _errors(root: Path, cli: Any, *extra: str) -> tuple[int, list[dict[str, Any]]]:
    result = cli("check", "--format", "json", "--root", str(root), *extra)
    data = json.loads(result.stdout)
    return result.exit_code, [p for p in data["problems"] if p["severity"] == "error"]


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("KEMNAKER.YAML", "KEMNAKER.yaml"),
        ("KEMNAKER.Yaml", "KEMNAKER.yaml"),
        ("KEMNAKER.yml", "KEMNAKER.yaml"),
        ("KEMNAKER.yaml.txt", "KEMNAKER.yaml"),
        ("kemnaker.yaml", "KEMNAKER.yaml"),
    ],
)
def test_another_spelling_is_an_error_naming_the_rename(
    tmp_path: Path, cli: Any, name: str, target: str
) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / name).write_text(KEMNAKER_TEXT, encoding="utf-8")
    code, errors = _errors(root, cli)
    assert code == 1
    assert [(e["file"], e["line"], e["code"]) for e in errors] == [
        (f"answers/{name}", 1, "ignored-file")
    ]
    assert f"rename it to answers/{target}" in errors[0]["message"]
    # Not read: KEMNAKER's unit 2 stays unanswered.
    cov = json.loads(cli("coverage", "--format", "json", "--root", str(root)).stdout)
    assert {u["id"]: u["state"] for u in cov["units"]}["2"] == "unanswered"
    indonesian = cli("check", "--ui-lang", "id", "--root", str(root)).stdout
    assert f"ganti namanya menjadi answers/{target}" in indonesian


@pytest.mark.parametrize(
    "name",
    [
        "KEMNAKER (1).yaml",
        "KEMNAKER(2).yaml",
        "KEMNAKER - Copy.yaml",
        "KEMNAKER - Copy (2).yaml",
        "KEMNAKER - Salinan.yaml",
        "Salinan KEMNAKER.yaml",
        "Copy of KEMNAKER.yaml",
        "KEMNAKER copy.yaml",
    ],
)
def test_a_copy_is_not_read_as_the_body(tmp_path: Path, cli: Any, name: str) -> None:
    root = write_workspace(tmp_path / "ws")
    original = root / "answers" / "KEMNAKER.yaml"
    original.write_text(KEMNAKER_TEXT, encoding="utf-8")
    (root / "answers" / name).write_text(
        KEMNAKER_TEXT.replace("submitted", "approved"), encoding="utf-8"
    )
    code, errors = _errors(root, cli)
    assert code == 1
    # Only the copy is named: no duplicate-answer pointing at the original's own line.
    assert [(e["file"], e["line"], e["code"]) for e in errors] == [
        (f"answers/{name}", 1, "ignored-file")
    ]
    assert "copy of answers/KEMNAKER.yaml" in errors[0]["message"]
    ws = load_workspace(root)
    assert [(a.file, a.status) for a in ws.answers if a.ministry == "KEMNAKER"] == [
        ("answers/KEMNAKER.yaml", "submitted")
    ]
    # check --ministry KEMNAKER shows the body its stray copy.
    code, errors = _errors(root, cli, "--ministry", "KEMNAKER")
    assert code == 1 and [e["file"] for e in errors] == [f"answers/{name}"]


def test_a_copy_without_the_original_is_to_be_renamed(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KEMNAKER (1).yaml").write_text(KEMNAKER_TEXT, encoding="utf-8")
    _, errors = _errors(root, cli)
    assert errors[0]["message"] == (
        "this file looks like a copy of answers/KEMNAKER.yaml and is not read; "
        "rename it to answers/KEMNAKER.yaml"
    )


def test_a_name_that_is_no_body_code_lists_the_codes(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "jawaban kemnaker.yaml").write_text(KEMNAKER_TEXT, encoding="utf-8")
    _, errors = _errors(root, cli)
    assert [(e["file"], e["code"]) for e in errors] == [
        ("answers/jawaban kemnaker.yaml", "ignored-file")
    ]
    assert "KEMLU, KEMNAKER, KP2MI" in errors[0]["message"]


def test_dot_files_and_other_documents_are_left_alone(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    answers = root / "answers"
    (answers / ".KEMNAKER.yaml.swp").write_bytes(b"\x00\x01")
    (answers / ".hidden.yaml").write_text("not: [answers", encoding="utf-8")
    (answers / "README.md").write_text("# Answers\n", encoding="utf-8")
    (answers / "KEMNAKER-form.xlsx").write_bytes(b"PK\x03\x04")
    (answers / "catatan rapat.txt").write_text("rakor 3 Juli\n", encoding="utf-8")
    (answers / "old").mkdir()
    code, errors = _errors(root, cli)
    assert (code, errors) == (0, [])


def test_a_text_file_named_after_a_body_is_reported(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KEMNAKER.txt").write_text(KEMNAKER_TEXT, encoding="utf-8")
    _, errors = _errors(root, cli)
    assert [(e["file"], e["code"]) for e in errors] == [("answers/KEMNAKER.txt", "ignored-file")]


def test_a_well_formed_unknown_code_stays_unknown_ministry(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "BPS.yaml").write_text(
        KEMNAKER_TEXT.replace("KEMNAKER", "BPS"), encoding="utf-8"
    )
    _, errors = _errors(root, cli)
    assert ("answers/BPS.yaml", "unknown-ministry") in [(e["file"], e["code"]) for e in errors]
    assert "ignored-file" not in [e["code"] for e in errors]


def test_duplicate_answer_names_both_files_and_lines(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KEMNAKER.yaml").write_text(
        KEMNAKER_TEXT + '  - question: "2"\n    status: draft\n    text:\n      en: Again.\n',
        encoding="utf-8",
    )
    ws = load_workspace(root)
    dups = [p for p in check_workspace(ws).problems if p.code == "duplicate-answer"]
    assert [p.format() for p in dups] == [
        "answers/KEMNAKER.yaml:8: error[duplicate-answer] this body already answered 2 in "
        'answers/KEMNAKER.yaml:3 (question "2"); merge the two answers into one'
    ]
    assert "di answers/KEMNAKER.yaml:3" in dups[0].message("id")


def test_duplicate_answer_across_two_files_names_the_other_file(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KEMNAKER.yaml").write_text(KEMNAKER_TEXT, encoding="utf-8")
    # A body's answers pasted into another body's file, `ministry:` left as it was.
    (root / "answers" / "KP2MI.yaml").write_text(KEMNAKER_TEXT, encoding="utf-8")
    ws = load_workspace(root)
    dups = [p for p in check_workspace(ws).problems if p.code == "duplicate-answer"]
    assert len(dups) == 1
    other = ({"answers/KEMNAKER.yaml", "answers/KP2MI.yaml"} - {dups[0].file}).pop()
    assert f"{other}:3" in dups[0].message()


def test_a_link_to_a_missing_file_is_reported(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    # The body's answers live on a shared drive that is not connected today.
    (root / "answers" / "KEMNAKER.yaml").symlink_to(tmp_path / "drive" / "KEMNAKER.yaml")
    code, errors = _errors(root, cli)
    assert code == 1
    assert [(e["file"], e["line"], e["code"]) for e in errors] == [
        ("answers/KEMNAKER.yaml", 1, "ignored-file")
    ]
    assert "drive/KEMNAKER.yaml, which cannot be found" in errors[0]["message"]
    code, errors = _errors(root, cli, "--ministry", "KEMNAKER")
    assert [e["file"] for e in errors] == ["answers/KEMNAKER.yaml"]
