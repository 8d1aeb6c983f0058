"""``check --ministry CODE`` never says "no problems" about a workspace that cannot be loaded.

The scaffold header tells desk officers to run exactly ``cmwreport check --ministry CODE``;
an error in ``questions/`` concerns every body, so it is always shown (SPEC.md section 3).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import write_workspace

LOIPR_TEXT = """\
committee: CMW
state: Testland
symbol: CMW/C/TST/QPR/2
report:
  title: Second periodic report
  language: en
  drafting_languages: [id, en]
sections:
  - id: I-A
    title: General information
    paragraphs:
      - number: 1
        lead: KEMLU
        text: Please describe the legal framework.
      - number: 2
        lead: KEMNAKER
        text: Please describe the policies.
"""

KEMNAKER = 'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n    text: Ada.\n'


def _check(root: Path, cli: Any, *extra: str) -> tuple[int, list[str], str]:
    result = cli("check", "--ministry", "KEMNAKER", "--root", str(root), *extra)
    lines = result.stdout.splitlines()
    return result.exit_code, lines[:-1], lines[-1] if lines else ""


def test_unparsable_loipr_is_shown_to_every_body(tmp_path: Path, cli: Any) -> None:
    # A question pasted with ": " inside it, without quotes: YAML cannot parse the file.
    broken = LOIPR_TEXT.replace("Please describe the policies.", "Policies: please describe.")
    root = write_workspace(tmp_path / "ws", loipr=broken, answers={"KEMNAKER": KEMNAKER})
    code, lines, summary = _check(root, cli)
    assert code == 1
    assert lines and all(line.startswith("questions/loipr.yaml:") for line in lines)
    assert any("error[yaml-syntax]" in line for line in lines)
    assert "no problems" not in summary and "error" in summary
    data = json.loads(
        cli("check", "--ministry", "KEMNAKER", "--format", "json", "--root", str(root)).stdout
    )
    assert data["errors"] >= 1
    assert {p["file"] for p in data["problems"] if p["severity"] == "error"} == {
        "questions/loipr.yaml"
    }


def test_a_duplicated_paragraph_number_is_shown_to_every_body(tmp_path: Path, cli: Any) -> None:
    doubled = LOIPR_TEXT.replace("number: 2", "number: 1")
    root = write_workspace(tmp_path / "ws", loipr=doubled, answers={"KEMNAKER": KEMNAKER})
    code, lines, summary = _check(root, cli)
    assert code == 1
    assert "questions/loipr.yaml:15: error[duplicate-id]" in "\n".join(lines)
    assert "no problems" not in summary


def test_a_broken_list_of_bodies_is_shown_not_a_usage_error(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": KEMNAKER})
    (root / "questions" / "ministries.yaml").write_text(
        "ministries:\n  - code: KEMNAKER\n\tname: Ministry of Manpower\n", encoding="utf-8"
    )
    code, lines, _ = _check(root, cli)
    assert code == 1
    assert any(line.startswith("questions/ministries.yaml:") and "error[" in line for line in lines)


def test_other_bodies_problems_stay_hidden(tmp_path: Path, cli: Any) -> None:
    # Errors in another body's answers file remain that body's business.
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KP2MI.yaml").write_text("ministry: KP2MI\nanswers: [\n", encoding="utf-8")
    result = cli("check", "--ministry", "KEMLU", "--root", str(root))
    assert "answers/KP2MI.yaml" not in result.stdout
    assert result.exit_code == 0
