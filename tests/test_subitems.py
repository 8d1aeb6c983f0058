"""Sub-items ``7(a)(i)`` and introduction-plus-items answers (SPEC 6), from raw YAML."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from docx import Document

from conftest import write_workspace

ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}

LOIPR = """\
committee: CMW
state: Testland
symbol: CMW/C/TST/QPR/2
report:
  title: Second periodic report
  symbol: CMW/C/TST/2
  language: en
sections:
  - id: I
    title: General information
    paragraphs:
      - number: 1
        lead: KEMLU
        contributors: [KP2MI]
        text: Please provide information on the legal framework, in particular
        items:
          - letter: a
            text: Laws adopted;
          - letter: b
            lead: KP2MI
            text: Agreements concluded.
      - number: 7
        lead: KEMNAKER
        contributors: [KEMLU]
        text: Please describe the participation of civil society
        items:
          - letter: a
            text: In the policies on labour migration, in particular
            data: [sex, year]
            items:
              - numeral: i
                text: In consultations on draft laws;
              - numeral: ii
                lead: KP2MI
                text: In the monitoring of services;
          - letter: b
            text: In the preparation of the present report.
"""
"""Paragraph 1 with items; paragraph 7 with item (a) split into (i) and (ii)."""

MINISTRIES = """\
ministries:
  - code: KEMLU
    name: Ministry of Foreign Affairs
  - code: KEMNAKER
    name: Ministry of Manpower
  - code: KP2MI
    name: Ministry for the Protection of Migrant Workers
"""


def _answers(code: str, *records: str) -> str:
    """An answers file as a desk officer types it: one record per (question, status, text)."""
    return f"ministry: {code}\nanswers:\n" + "".join(records)


def _record(question: str, text: str, status: str = "draft") -> str:
    return f'  - question: "{question}"\n    status: {status}\n    text: |\n      {text}\n'


def _workspace(tmp_path: Path, answers: dict[str, str], loipr: str = LOIPR) -> Path:
    files: dict[str, dict[str, Any] | str | bytes] = dict(answers)
    return write_workspace(tmp_path / "ws", loipr=loipr, ministries=MINISTRIES, answers=files)


def _check(cli: Any, root: Path) -> list[str]:
    result = cli("check", "--root", str(root), env=ENV)
    return [line for line in result.stdout.splitlines() if "[" in line]


def _coverage(cli: Any, root: Path, *extra: str) -> dict[str, Any]:
    result = cli("coverage", "--root", str(root), "--format", "json", *extra, env=ENV)
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _docx(cli: Any, root: Path) -> list[tuple[str, str, Any]]:
    """(style, text, italic of the first run) of each paragraph of the rendered draft."""
    target = root / "build" / "report.docx"
    result = cli("render", "--root", str(root), "--output", str(target), env=ENV)
    assert result.exit_code in (0, 1), result.stderr
    return [
        (p.style.name if p.style is not None else "", p.text, p.runs[0].italic if p.runs else None)
        for p in Document(str(target)).paragraphs
    ]


# --------------------------------------------------------------------------- sub-items


def test_sub_items_are_units_with_inherited_lead_contributors_and_data(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        {
            "KEMNAKER": _answers("KEMNAKER", _record("7(a)", "Unions are consulted.")),
            "KP2MI": _answers("KP2MI", _record("7(a)(ii)", "Monitoring boards.", "approved")),
        },
    )
    data = _coverage(cli, root)
    units = {u["id"]: u for u in data["units"]}
    assert [u for u in units if u.startswith("7")] == ["7(a)(i)", "7(a)(ii)", "7(b)"]
    first, second = units["7(a)(i)"], units["7(a)(ii)"]
    assert (first["paragraph"], first["item"], first["subitem"]) == (7, "a", "i")
    assert (first["lead"], first["contributors"]) == ("KEMNAKER", ["KEMLU"])
    assert (second["lead"], second["contributors"]) == ("KP2MI", ["KEMLU"])
    # An answer to 7(a) counts for every sub-item, as one to 7 counts for every item.
    assert first["state"] == "draft"
    assert first["answered_by"] == ["KEMNAKER"]
    assert second["state"] == "approved"
    assert second["statuses"] == {"KP2MI": "approved", "KEMNAKER": "draft"}
    assert units["7(b)"]["state"] == "unanswered"
    assert "subitem" not in units["7(b)"]
    # data: [sex, year] on item (a) is asked of both sub-items.
    lines = _check(cli, root)
    missing = [line.split(" and ")[0] for line in lines if "missing-data" in line]
    assert missing == [
        "questions/loipr.yaml:31: warning[missing-data] 7(a)(i) asks for statistics (sex, year)",
        "questions/loipr.yaml:33: warning[missing-data] 7(a)(ii) asks for statistics (sex, year)",
    ]


def test_a_numeral_twice_is_a_duplicate_id_at_its_line(cli: Any, tmp_path: Path) -> None:
    loipr = LOIPR.replace("              - numeral: ii\n", "              - numeral: i\n")
    root = _workspace(tmp_path, {}, loipr=loipr)
    lines = _check(cli, root)
    assert (
        "questions/loipr.yaml:33: error[duplicate-id] sub-item 7(a)(i) appears twice in its item"
        " (first on line 31)"
    ) in lines


def test_a_numeral_that_is_not_roman_is_an_invalid_record_at_its_line(
    cli: Any, tmp_path: Path
) -> None:
    loipr = LOIPR.replace("- numeral: ii\n", "- numeral: iiii\n").replace(
        "- numeral: i\n", "- numeral: a\n"
    )
    root = _workspace(tmp_path, {}, loipr=loipr)
    lines = _check(cli, root)
    assert (
        "questions/loipr.yaml:31: error[invalid-record] `numeral`: 'a' is not a sub-item numeral "
        "(i, ii, iii … xx)"
    ) in lines
    assert (
        "questions/loipr.yaml:33: error[invalid-record] `numeral`: 'iiii' is not a sub-item "
        "numeral (i, ii, iii … xx)"
    ) in lines


def test_answers_to_sub_items_the_list_lacks_are_unknown_questions(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        {
            "KEMNAKER": _answers(
                "KEMNAKER", _record("7(a)(iii)", "Text."), _record("7(b)(i)", "Text.")
            )
        },
    )
    lines = _check(cli, root)
    assert (
        'answers/KEMNAKER.yaml:3: error[unknown-question] question "7(a)(iii)" is not in the '
        "list of issues (that item has: 7(a)(i), 7(a)(ii))"
    ) in lines
    assert (
        'answers/KEMNAKER.yaml:7: error[unknown-question] question "7(b)(i)" is not in the list '
        'of issues: item 7(b) has no sub-items (i), (ii); answer "7(b)"'
    ) in lines


def test_a_sub_item_answer_is_rendered_under_an_italic_numeral_after_the_item_introduction(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        {
            "KEMNAKER": _answers(
                "KEMNAKER",
                _record("7(a)", "Civil society takes part in labour migration policy."),
                _record("7(a)(i)", "Unions are heard on every draft law."),
            ),
        },
    )
    paragraphs = _docx(cli, root)
    at = next(i for i, p in enumerate(paragraphs) if p[1] == "Reply to paragraph 7")
    reply = [(style, text.split("\t")[-1]) for style, text, _ in paragraphs[at + 1 : at + 8]]
    assert reply == [
        ("Item Heading", "(a)"),
        ("Draft Tag", "KEMNAKER · draft"),
        ("Report Paragraph", "Civil society takes part in labour migration policy."),
        ("Sub-item Heading", "(i)"),
        ("Draft Tag", "KEMNAKER · draft"),
        ("Report Paragraph", "Unions are heard on every draft law."),
        ("Item Heading", "(b)"),
    ]
    # (ii) is answered by the introduction to (a): no heading and no placeholder of its own.
    numeral = next(p for p in paragraphs if p[1] == "(i)")
    assert numeral[2] is True
    letter = next(p for p in paragraphs[at:] if p[1] == "(a)")
    assert letter[2] is not True


# --------------------------------------------------------------- introduction and items


def test_an_introduction_plus_items_is_no_duplicate_and_counts_for_the_other_items(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        {
            "KEMLU": _answers(
                "KEMLU",
                _record("1", "Our legal framework rests on Law 18.", "approved"),
                _record("1(a)", "Two laws were adopted."),
            ),
        },
    )
    lines = _check(cli, root)
    assert not any("duplicate-answer" in line for line in lines)
    # KEMLU leads paragraph 1: its introduction answering 1(b), which KP2MI leads, is its job.
    assert not any("not-assigned" in line for line in lines)
    units = {u["id"]: u for u in _coverage(cli, root)["units"]}
    assert units["1(a)"]["statuses"] == {"KEMLU": "draft"}
    assert units["1(b)"]["statuses"] == {"KEMLU": "approved"}
    assert units["1(b)"]["state"] == "approved"


def test_the_reply_to_a_paragraph_opens_with_the_introduction_then_the_items(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        {
            "KEMLU": _answers(
                "KEMLU",
                _record("1(b)", "Three agreements were signed."),
                _record("1", "Our legal framework rests on Law 18."),
                _record("1(a)", "Two laws were adopted."),
            ),
        },
    )
    paragraphs = _docx(cli, root)
    at = next(i for i, p in enumerate(paragraphs) if p[1] == "Reply to paragraph 1")
    reply = [text.split("\t")[-1] for _, text, _ in paragraphs[at + 1 : at + 9]]
    assert reply == [
        "KEMLU · draft",
        "Our legal framework rests on Law 18.",
        "(a)",
        "KEMLU · draft",
        "Two laws were adopted.",
        "(b)",
        "KEMLU · draft",
        "Three agreements were signed.",
    ]
    # The introduction is a reply of its own, numbered and counted.
    number, text = paragraphs[at + 2][1].split("\t")
    assert (number[-1], text) == (".", "Our legal framework rests on Law 18.")
    words = _coverage(cli, root)["words"]["total"]
    without = _workspace(
        tmp_path / "without",
        {
            "KEMLU": _answers(
                "KEMLU",
                _record("1(b)", "Three agreements were signed."),
                _record("1(a)", "Two laws were adopted."),
            ),
        },
    )
    # The introduction counts, though it answers no item (the count is the whole report's).
    assert words - _coverage(cli, without)["words"]["total"] == 7


def test_the_same_unit_answered_twice_is_still_a_duplicate_answer(cli: Any, tmp_path: Path) -> None:
    root = _workspace(
        tmp_path,
        {
            "KEMLU": _answers(
                "KEMLU",
                _record("1(a)", "Two laws were adopted."),
                _record("1(a)", "Two laws were adopted in 2023."),
            ),
        },
    )
    lines = _check(cli, root)
    assert [line for line in lines if "duplicate-answer" in line] == [
        "answers/KEMLU.yaml:7: error[duplicate-answer] this body already answered 1(a) in "
        'answers/KEMLU.yaml:3 (question "1(a)"); merge the two answers into one'
    ]


def test_two_introductions_to_the_same_paragraph_are_a_duplicate_answer(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        {
            "KEMLU": _answers(
                "KEMLU",
                _record("1", "Introduction."),
                _record("1(a)", "Two laws."),
                _record("1(b)", "Three agreements."),
                _record("1", "Another introduction."),
            ),
        },
    )
    lines = _check(cli, root)
    assert [line.split(" ", 1)[0] for line in lines if "duplicate-answer" in line] == [
        "answers/KEMLU.yaml:15:"
    ]


def test_an_introduction_to_an_item_counts_for_its_other_sub_items(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        {
            "KP2MI": _answers(
                "KP2MI",
                _record("7(a)", "Introduction to (a).", "submitted"),
                _record("7(a)(ii)", "Monitoring boards."),
            ),
        },
    )
    lines = _check(cli, root)
    assert not any("duplicate-answer" in line for line in lines)
    units = {u["id"]: u for u in _coverage(cli, root)["units"]}
    assert units["7(a)(i)"]["statuses"] == {"KP2MI": "submitted"}
    assert units["7(a)(ii)"]["statuses"] == {"KP2MI": "draft"}


# ------------------------------------------------------------- snapshots, dashboard, matrix


def test_since_a_snapshot_names_sub_items(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path, {})
    snapshot = tmp_path / "rakor.json"
    result = cli("coverage", "--root", str(root), "--format", "json", "--output", str(snapshot))
    assert result.exit_code == 0, result.stderr
    (root / "answers" / "KP2MI.yaml").write_text(
        _answers("KP2MI", _record("7(a)(ii)", "Monitoring boards.")), encoding="utf-8"
    )
    changes = _coverage(cli, root, "--since", str(snapshot))["changes"]
    assert {"id": "7(a)(ii)", "from": "unanswered", "to": "draft"} in changes
    assert [c["id"] for c in changes] == ["7(a)(ii)"]


def test_dashboard_and_matrix_list_the_sub_items(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path, {})
    html = cli("coverage", "--root", str(root), "--format", "html", "--output", "-").stdout
    assert 'title="7(a)(i) — unanswered' in html
    assert 'title="7(a)(ii) — unanswered' in html
    target = Path(tempfile.mkdtemp(prefix="cmwreport-xlsx-")) / "matrix.xlsx"
    cli("coverage", "--root", str(root), "--format", "xlsx", "--output", str(target))
    rows = list(openpyxl.load_workbook(target)["Units"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2], r[5]) for r in rows if str(r[0]).startswith("7")] == [
        ("7(a)(i)", 7, "a", "KEMNAKER"),
        ("7(a)(ii)", 7, "a", "KP2MI"),
        ("7(b)", 7, "b", "KEMNAKER"),
    ]


def test_scaffold_writes_a_record_per_sub_item_quoting_its_question(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(tmp_path, {})
    result = cli("scaffold", "KP2MI", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    text = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    assert '- question: "7(a)(ii)"' in text
    assert '- question: "7(a)(i)"' not in text  # (i) is KEMNAKER's and KEMLU's
    assert "# (a) In the policies on labour migration, in particular" in text
    assert "# (ii) In the monitoring of services;" in text
    assert "paragraph 7, item (a), sub-item (ii)" in text
    check = cli("check", "--root", str(root))
    assert check.exit_code == 0
    assert check.stdout.splitlines()[-1].startswith("0 errors, ")


def test_schema_describes_sub_items(cli: Any) -> None:
    schema = json.loads(cli("schema", "--file", "loipr").stdout)
    sub = schema["$defs"]["SubItem"]
    assert sub["properties"]["numeral"]["pattern"].startswith("^(?:i|ii|iii|iv|v|")
    assert schema["$defs"]["Item"]["properties"]["items"]["items"] == {"$ref": "#/$defs/SubItem"}
    answers = json.loads(cli("schema", "--file", "answers").stdout)
    question = answers["$defs"]["Answer"]["properties"]["question"]
    patterns = [o.get("pattern") for o in question.get("anyOf", [question]) if "pattern" in o]
    assert patterns and __import__("re").match(patterns[0], "7(a)(i)")


def test_check_json_names_the_sub_item_and_its_line(cli: Any, tmp_path: Path) -> None:
    loipr = LOIPR.replace("              - numeral: ii\n", "              - numeral: i\n")
    root = _workspace(tmp_path, {}, loipr=loipr)
    result = cli("check", "--root", str(root), "--format", "json", env=ENV)
    problems = json.loads(result.stdout)["problems"]
    assert {
        "file": "questions/loipr.yaml",
        "line": 33,
        "severity": "error",
        "code": "duplicate-id",
        "message": "sub-item 7(a)(i) appears twice in its item (first on line 31)",
    } in problems
    assert result.exit_code == 1


def test_a_paragraph_answer_by_a_body_not_assigned_to_it_is_still_not_assigned(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        {
            "KEMNAKER": _answers("KEMNAKER", _record("1", "Framework.")),
            "KP2MI": _answers("KP2MI", _record("1", "Agreements and laws.")),
        },
    )
    stray = [line for line in _check(cli, root) if "not-assigned" in line]
    assert [line.split(" but ")[0] for line in stray] == [
        "answers/KEMNAKER.yaml:3: warning[not-assigned] KEMNAKER answers 1(a), 1(b)"
    ]
