"""Every problem code of SPEC.md, produced by a scenario workspace under tests/data/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cmwreport.checks import check_workspace
from cmwreport.workspace import load_workspace
from conftest import DATA, write_workspace

SCENARIOS = sorted(p.name for p in DATA.iterdir() if (p / "expected.txt").is_file())

ALL_CODES = {
    "yaml-syntax",
    "invalid-record",
    "duplicate-id",
    "unknown-question",
    "unknown-ministry",
    "duplicate-answer",
    "unanswered",
    "lead-missing",
    "not-assigned",
    "missing-translation",
    "missing-data",
    "empty-answer",
    "control-character",
    "over-word-limit",
}


def _prefixes(root: Path, cli: Any) -> list[str]:
    result = cli("check", "--format", "json", "--root", str(root))
    data = json.loads(result.stdout)
    return [f"{p['file']}:{p['line']}: {p['severity']}[{p['code']}]" for p in data["problems"]]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_scenario_reports_exactly_the_expected_problems(scenario: str, cli: Any) -> None:
    root = DATA / scenario
    expected = (root / "expected.txt").read_text(encoding="utf-8").split("\n")
    assert _prefixes(root, cli) == [line for line in expected if line]


def test_scenarios_cover_every_problem_code() -> None:
    seen = set()
    for scenario in SCENARIOS:
        for line in (DATA / scenario / "expected.txt").read_text().splitlines():
            seen.add(line.split("[", 1)[1].rstrip("]"))
    assert ALL_CODES <= seen


def test_every_problem_names_an_existing_file() -> None:
    for scenario in SCENARIOS:
        result = check_workspace(load_workspace(DATA / scenario))
        for problem in result.problems:
            assert (DATA / scenario / problem.file).is_file(), problem.format()


def test_text_output_is_file_line_severity_code_message(cli: Any) -> None:
    result = cli("check", "--root", str(DATA / "unknown-codes"))
    lines = result.stdout.splitlines()
    assert (
        'answers/KEMLU.yaml:3: error[unknown-question] question "40" is not in the list of issues'
        in lines
    )
    assert lines[-1] == "7 errors, 4 warnings in 5 files"
    assert result.exit_code == 1


def test_messages_say_what_to_do(cli: Any) -> None:
    out = cli("check", "--root", str(DATA / "invalid-records")).stdout
    assert "(did you mean `text`?)" in out
    assert 'put it in quotes: "1.10"' in out
    assert "`status` must be one of draft, submitted, approved, not 'no'" in out
    assert "row 2 of the table has 2 cells but the table has 3 columns" in out
    out = cli("check", "--root", str(DATA / "broken-yaml")).stdout
    assert "answers/KEMNAKER.yaml:4: error[yaml-syntax] a tab character" in out
    assert "answers/KEMLU.yaml:5: error[yaml-syntax] a quotation mark opened on this line" in out


def test_near_word_limit(tmp_path: Path, cli: Any) -> None:
    from conftest import LOIPR

    loipr = dict(LOIPR, report=dict(LOIPR["report"], word_limit=190))
    root = write_workspace(tmp_path, loipr=loipr)
    data = json.loads(cli("check", "--format", "json", "--root", str(root)).stdout)
    words = [p for p in data["problems"] if p["code"].endswith("word-limit")]
    # the whole report: 197 words (replies 33, the rest introduction, headings, list, table
    # title and source, and 3's Indonesian draft until translated)
    assert [p["code"] for p in words] == ["over-word-limit"]
    loipr["report"]["word_limit"] = 210
    root = write_workspace(tmp_path, loipr=loipr)
    data = json.loads(cli("check", "--format", "json", "--root", str(root)).stdout)
    words = [p for p in data["problems"] if p["code"].endswith("word-limit")]
    assert [(p["code"], p["severity"]) for p in words] == [("near-word-limit", "warning")]
    assert "197 words" in words[0]["message"]
    assert "94 %" in words[0]["message"]


def test_consolidated_answer_from_coordinator_is_not_flagged(tmp_path: Path) -> None:
    answers = {
        "KEMLU": {
            "ministry": "KEMLU",
            "answers": [
                {
                    "question": "2",
                    "status": "approved",
                    "consolidated": True,
                    "text": {"en": "Consolidated text."},
                },
            ],
        },
        "KP2MI": {
            "ministry": "KP2MI",
            "answers": [
                {"question": "2", "status": "draft", "text": {"en": "Input."}},
            ],
        },
    }
    ws = load_workspace(write_workspace(tmp_path, answers=answers))
    codes = {(p.code, p.file) for p in check_workspace(ws).problems}
    assert ("not-assigned", "answers/KEMLU.yaml") not in codes
    assert ("not-assigned", "answers/KP2MI.yaml") in codes
    assert ("lead-missing", "questions/loipr.yaml") not in {
        (p.code, p.file) for p in check_workspace(ws).problems if "2 " in p.message()
    }
    unit = ws.unit_by_id["2"]
    assert [a.ministry for a in ws.inputs(unit)] == ["KEMLU"]


def test_ministry_filter_keeps_what_the_body_owes_and_wrote(cli: Any) -> None:
    data = json.loads(
        cli(
            "check", "--format", "json", "--ministry", "KP2MI", "--root", str(DATA / "warnings")
        ).stdout
    )
    files = {p["file"] for p in data["problems"]}
    assert "answers/KEMNAKER.yaml" not in files
    codes = sorted(p["code"] for p in data["problems"])
    # KP2MI wrote KP2MI.yaml; it contributes to 1(b) (unanswered, missing-data)
    assert codes == sorted(
        [
            "control-character",
            "empty-answer",
            "missing-data",
            "missing-translation",
            "not-assigned",
            "unanswered",
        ]
    )
    text = cli("check", "--ministry", "KP2MI", "--root", str(DATA / "warnings")).stdout
    assert "of other bodies not shown" in text.splitlines()[-1]


def test_strict_turns_warnings_into_failure(cli: Any) -> None:
    assert cli("check", "--root", str(DATA / "warnings")).exit_code == 0
    assert cli("check", "--strict", "--root", str(DATA / "warnings")).exit_code == 1
    assert cli("check", "--strict", "--root", str(DATA / "valid")).exit_code == 0


def test_unreadable_questions_do_not_flood_answers_with_unknown_question(tmp_path: Path) -> None:
    root = write_workspace(tmp_path, loipr='committee: CMW\nstate: "X\n')
    problems = check_workspace(load_workspace(root)).problems
    assert [(p.file, p.line, p.code) for p in problems] == [
        ("questions/loipr.yaml", 2, "yaml-syntax")
    ]


def test_unreadable_ministries_do_not_flood_codes_with_unknown_ministry(tmp_path: Path) -> None:
    root = write_workspace(tmp_path, ministries="ministries:\n  - code: [\n")
    problems = check_workspace(load_workspace(root)).problems
    assert [p.code for p in problems if p.severity == "error"] == ["yaml-syntax"]
    (root / "questions" / "ministries.yaml").unlink()
    problems = check_workspace(load_workspace(root)).problems
    errors = [(p.file, p.code, p.msg.key) for p in problems if p.severity == "error"]
    assert errors == [("questions/loipr.yaml", "invalid-record", "ws.no_ministries")]


def test_text_in_a_language_the_report_never_shows_is_an_error(tmp_path: Path) -> None:
    answers = {
        "KEMNAKER": 'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n'
        "    text:\n      en: Policy.\n      fr: Politique.\n"
    }
    ws = load_workspace(write_workspace(tmp_path, answers=answers))
    found = [
        (p.file, p.line, p.code) for p in check_workspace(ws).problems if p.severity == "error"
    ]
    assert found == [("answers/KEMNAKER.yaml", 7, "invalid-record")]
    assert ws.best_status(ws.unit_by_id["2"]) == "draft"  # the English text still counts
