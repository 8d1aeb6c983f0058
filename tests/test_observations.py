"""Concluding observations and follow-up (SPEC 7): the file, the entries and their checks.

Every workspace here is written as raw YAML text, as a coordinator or a desk officer
types it; the assertions are on the exact ``FILE:LINE: SEVERITY[CODE]`` of each problem.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from cmwreport.checks import check_workspace
from cmwreport.scaffold import init_workspace
from cmwreport.schema import build_schema
from cmwreport.workspace import load_workspace
from conftest import EXAMPLE, THREE_BODIES

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
        lead: KEMLU
        observations: ["10", "37(b)"]
        text: Please describe the follow-up to the previous concluding observations.
        items:
          - letter: a
            text: Laws adopted.
            observations: ["12(c)"]
          - letter: b
            text: Measures taken.
"""

OBSERVATIONS = """\
symbol: CMW/C/TST/CO/2
adopted: 2026-01-20
report: CMW/C/TST/2
follow_up:
  due: 2028-01-20
  paragraphs: ["10", "11", "12", "50"]
sections:
  - id: C-1
    title: General measures of implementation
    paragraphs:
      - number: 9
        text: The Committee notes the adoption of Law No. 18 of 2017.
      - number: 10
        lead: KEMLU
        contributors: [KP2MI]
        text: Ratify the conventions.
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

KP2MI = """\
ministry: KP2MI
follow_up:
  - recommendation: "12(a)"
    implementation: partial
    status: submitted
    updated: 2026-09-01
    text:
      id: Izin agen dicabut.
      en: Licences were revoked.
  - recommendation: "12(a)"
    implementation: implemented
    status: draft
    text: Lagi.
  - recommendation: "13"
    implementation: partial
    status: draft
    text: Tidak ada.
  - recommendation: "12(c)"
    implementation: partial
    status: draft
    text: Tidak ada.
"""

KEMNAKER = """\
ministry: KEMNAKER
follow_up:
  - recommendation: "10"
    implementation: not-started
    status: draft
    text: Belum dimulai.
  - recommendation: "11"
    implementation: partial
    status: draft
    text:
  - recommendation: "12(b)"
    implementation: partial
    status: approved
    text:
      id: Biaya penempatan dihapus.
"""


def _write(root: Path, files: dict[str, str | None]) -> Path:
    """A workspace of raw YAML texts; ``None`` leaves a file out."""
    texts: dict[str, str | None] = {
        "questions/ministries.yaml": MINISTRIES,
        "questions/loipr.yaml": LOIPR,
        "questions/observations.yaml": OBSERVATIONS,
    }
    texts.update(files)
    for rel, text in texts.items():
        if text is not None:
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (root / "answers").mkdir(exist_ok=True)
    return root


def _problems(root: Path, cli: Any, *args: str) -> list[str]:
    result = cli("check", "--format", "json", "--root", str(root), *args)
    data = json.loads(result.stdout)
    return [f"{p['file']}:{p['line']}: {p['severity']}[{p['code']}]" for p in data["problems"]]


def test_every_follow_up_problem_at_its_file_and_line(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path, {"answers/KP2MI.yaml": KP2MI, "answers/KEMNAKER.yaml": KEMNAKER})
    found = [p for p in _problems(root, cli) if "[unanswered]" not in p]
    assert found == [
        "questions/loipr.yaml:14: error[unknown-recommendation]",  # "37(b)"
        "questions/loipr.yaml:19: error[unknown-recommendation]",  # "12(c)" of item 1(a)
        "questions/observations.yaml:6: error[unknown-recommendation]",  # selected "50"
        "questions/observations.yaml:13: warning[lead-missing]",  # 10: KEMNAKER, not KEMLU
        "questions/observations.yaml:17: warning[follow-up-missing]",  # 11: only a skeleton
        "questions/observations.yaml:27: warning[lead-missing]",  # 12(b): not KP2MI
        "answers/KEMNAKER.yaml:3: warning[not-assigned]",
        "answers/KEMNAKER.yaml:7: warning[empty-answer]",
        "answers/KEMNAKER.yaml:14: warning[missing-translation]",
        "answers/KP2MI.yaml:10: error[duplicate-answer]",
        "answers/KP2MI.yaml:14: error[unknown-recommendation]",
        "answers/KP2MI.yaml:18: error[unknown-recommendation]",
    ]
    text = cli("check", "--root", str(root)).stdout
    assert (
        'answers/KP2MI.yaml:18: error[unknown-recommendation] recommendation "12(c)" is not in '
        "the concluding observations (that paragraph has: 12(a), 12(b))"
    ) in text
    assert (
        "questions/observations.yaml:17: warning[follow-up-missing] 11 is selected for "
        "follow-up (due 2028-01-20) but nobody has reported on it yet; its lead is KEMNAKER"
    ) in text
    assert 'answers/KP2MI.yaml:14: error[unknown-recommendation] recommendation "13"' in text


def test_check_ministry_keeps_what_the_body_owes_and_wrote(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path, {"answers/KP2MI.yaml": KP2MI, "answers/KEMNAKER.yaml": KEMNAKER})
    assert [p for p in _problems(root, cli, "--ministry", "KEMNAKER")] == [
        # errors in questions/ concern every body
        "questions/loipr.yaml:14: error[unknown-recommendation]",
        "questions/loipr.yaml:19: error[unknown-recommendation]",
        "questions/observations.yaml:6: error[unknown-recommendation]",
        "questions/observations.yaml:17: warning[follow-up-missing]",  # KEMNAKER leads 11
        "answers/KEMNAKER.yaml:3: warning[not-assigned]",
        "answers/KEMNAKER.yaml:7: warning[empty-answer]",
        "answers/KEMNAKER.yaml:14: warning[missing-translation]",
    ]
    kp2mi = _problems(root, cli, "--ministry", "KP2MI")
    assert "questions/observations.yaml:27: warning[lead-missing]" in kp2mi  # KP2MI leads 12
    assert "answers/KP2MI.yaml:10: error[duplicate-answer]" in kp2mi
    assert not any("KEMNAKER.yaml" in p for p in kp2mi)


def test_a_selected_paragraph_selects_its_items(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path, {})
    ws = load_workspace(root)
    assert ws.observations is not None
    assert ws.observations.selected == {"10", "11", "12(a)", "12(b)"}
    assert ws.observations.due == dt.date(2028, 1, 20)
    assert [u.id for u in ws.follow_up_units] == ["10", "11", "12(a)", "12(b)"]  # 9: no lead
    assert ws.observations.unit_by_id["12(b)"].assigned == ("KP2MI", "KEMNAKER")
    assert ws.unit_by_id["1(a)"].observations == ("12(c)",)
    assert ws.unit_by_id["1(b)"].observations == ("10", "37(b)")  # its paragraph's
    missing = [p for p in _problems(root, cli) if "follow-up-missing" in p]
    assert missing == [
        "questions/observations.yaml:13: warning[follow-up-missing]",
        "questions/observations.yaml:17: warning[follow-up-missing]",
        "questions/observations.yaml:25: warning[follow-up-missing]",
        "questions/observations.yaml:27: warning[follow-up-missing]",
    ]


def test_entries_carry_implementation_and_the_least_advanced_wins(tmp_path: Path) -> None:
    entries = """\
ministry: KEMNAKER
answers: []
follow_up:
  - recommendation: "12"
    implementation: implemented
    status: diajukan
    text: Pengawasan agen diperketat.
"""
    root = _write(tmp_path, {"answers/KEMNAKER.yaml": entries, "answers/KP2MI.yaml": KP2MI})
    ws = load_workspace(root)
    by_unit = ws.follow_ups_by_unit
    assert [e.ministry for e in by_unit["12(b)"]] == ["KEMNAKER"]
    assert by_unit["12(b)"][0].implementation == "implemented"
    assert by_unit["12(b)"][0].status == "submitted"  # Indonesian status word
    assert ws.implementation(ws.observations.unit_by_id["12(a)"]) == "partial"  # type: ignore[union-attr]
    assert ws.implementation(ws.observations.unit_by_id["12(b)"]) == "implemented"  # type: ignore[union-attr]
    assert ws.implementation(ws.observations.unit_by_id["11"]) == "unknown"  # type: ignore[union-attr]


def test_entry_fields_are_checked_like_answers(tmp_path: Path, cli: Any) -> None:
    entries = """\
ministry: KEMNAKER
follow_up:
  - recommendation: "11"
    implementation: partly
    status: draft
    text: Pengawasan.
  - recommendation: "11"
    status: draft
    texts: Pengawasan.
"""
    root = _write(tmp_path, {"answers/KEMNAKER.yaml": entries})
    result = cli("check", "--root", str(root))
    assert (
        "answers/KEMNAKER.yaml:4: error[invalid-record] implementation: 'partly' is not one of "
        in result.stdout
    ) or "answers/KEMNAKER.yaml:4: error[invalid-record]" in result.stdout
    assert "not-started, partial, implemented" in result.stdout
    found = [p for p in _problems(root, cli) if "[unanswered]" not in p]
    assert "answers/KEMNAKER.yaml:4: error[invalid-record]" in found
    assert "answers/KEMNAKER.yaml:7: error[invalid-record]" in found  # implementation missing
    assert "answers/KEMNAKER.yaml:9: error[invalid-record]" in found  # texts: unknown field
    # the entries meant 11: no follow-up-missing on top of their errors
    assert not any("follow-up-missing" in p and ":17:" in p for p in found)


def test_text_checks_fire_on_follow_up_entries(tmp_path: Path, cli: Any) -> None:
    entries = (
        "ministry: KP2MI\n"  # 1
        "follow_up:\n"  # 2
        '  - recommendation: "12(a)"\n'  # 3
        "    implementation: partial\n"  # 4
        "    status: draft\n"  # 5
        "    text: Kampanye #MigranAman diluncurkan di 12 provinsi\n"  # 6
        '  - recommendation: "12(b)"\n'  # 7
        "    implementation: partial\n"  # 8
        "    status: draft\n"  # 9
        "    text: >\n"  # 10
        "      Biaya dihapus.\n"  # 11
        "\n"  # 12
        "      Agen diawasi.\n"  # 13
        "    tables:\n"  # 14
        "      - title: Agen yang diperiksa\n"  # 15
        "        columns: [Tahun, Jumlah]\n"  # 16
        "        rows:\n"  # 17
        "          - [2025, 110.300]\n"  # 18
        '  - recommendation: "10"\n'  # 19
        "    implementation: partial\n"  # 20
        "    status: draft\n"  # 21
        '    text: "Ratifikasi\\vdisiapkan <b>segera</b>."\n'  # 22
    )
    root = _write(tmp_path, {"answers/KP2MI.yaml": entries})
    found = [p for p in _problems(root, cli) if "answers/" in p]
    assert found == [
        "answers/KP2MI.yaml:6: warning[cut-by-comment]",
        "answers/KP2MI.yaml:10: warning[merged-paragraphs]",
        "answers/KP2MI.yaml:18: error[ambiguous-number]",
        "answers/KP2MI.yaml:22: warning[control-character]",
        "answers/KP2MI.yaml:22: warning[unsupported-markdown]",
    ]


def test_entries_without_observations_are_unknown(tmp_path: Path, cli: Any) -> None:
    entries = """\
ministry: KEMNAKER
answers: []
follow_up:
  - recommendation: "11"
    implementation: partial
    status: draft
    text: Pengawasan ketenagakerjaan diperkuat.
"""
    root = _write(tmp_path, {"questions/observations.yaml": None, "answers/KEMNAKER.yaml": entries})
    found = [p for p in _problems(root, cli) if "[unanswered]" not in p]
    assert found == [
        "questions/loipr.yaml:14: error[unknown-recommendation]",
        "questions/loipr.yaml:14: error[unknown-recommendation]",
        "questions/loipr.yaml:19: error[unknown-recommendation]",
        "answers/KEMNAKER.yaml:4: error[unknown-recommendation]",
    ]
    text = cli("check", "--root", str(root)).stdout
    assert (
        'answers/KEMNAKER.yaml:4: error[unknown-recommendation] "11" names a recommendation, but '
        "this workspace has no concluding observations (questions/observations.yaml)"
    ) in text


def test_a_workspace_without_observations_is_unchanged(tmp_path: Path, cli: Any) -> None:
    plain = LOIPR.replace('        observations: ["10", "37(b)"]\n', "").replace(
        '            observations: ["12(c)"]\n', ""
    )
    root = _write(tmp_path, {"questions/observations.yaml": None, "questions/loipr.yaml": plain})
    ws = load_workspace(root)
    assert ws.observations is None and ws.follow_up_units == [] and ws.follow_ups == []
    assert {p.split("[")[1] for p in _problems(root, cli)} == {"unanswered]"}


def test_broken_observations_file_is_reported_not_judged(tmp_path: Path, cli: Any) -> None:
    root = _write(
        tmp_path,
        {
            "questions/observations.yaml": "symbol: CMW/C/TST/CO/2\nsections: [\n",
            "answers/KEMNAKER.yaml": KEMNAKER,
        },
    )
    found = [p for p in _problems(root, cli) if "[unanswered]" not in p]
    assert found[0].startswith("questions/observations.yaml:") and "[yaml-syntax]" in found[0]
    assert not any("unknown-recommendation" in p for p in found)


def test_observations_file_errors_have_lines(tmp_path: Path, cli: Any) -> None:
    broken = OBSERVATIONS.replace("  due: 2028-01-20\n", "  due: 2028-02-30\n").replace(
        "        lead: KEMNAKER\n", "        lead: KEMNAKERR\n        contributers: [KP2MI]\n"
    )
    root = _write(tmp_path, {"questions/observations.yaml": broken})
    found = [p for p in _problems(root, cli) if "[unanswered]" not in p]
    assert "questions/observations.yaml:5: error[invalid-record]" in found  # 30 February
    assert "questions/observations.yaml:19: error[invalid-record]" in found  # contributers
    # paragraph 11 could not be read: its selection is not said to be unknown
    assert not any(p.startswith("questions/observations.yaml:6:") for p in found)
    text = cli("check", "--root", str(root)).stdout
    assert "contributers" in text and "contributors" in text


def test_schema_validates_the_example_and_refuses_typos() -> None:
    schema = build_schema("observations")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    example = yaml.safe_load((EXAMPLE / "questions/observations.yaml").read_text("utf-8"))
    assert [e.message for e in validator.iter_errors(plain(example))] == []
    typo = plain(yaml.safe_load(OBSERVATIONS))
    typo["follow_up"]["deu"] = "2028-01-20"
    assert list(validator.iter_errors(typo))
    answers = jsonschema.Draft202012Validator(build_schema("answers"))
    entry = plain(yaml.safe_load(KEMNAKER))
    assert list(answers.iter_errors(entry)) == []
    entry["follow_up"][0]["implementation"] = "done"
    assert list(answers.iter_errors(entry))


def test_init_writes_a_commented_observations_file(tmp_path: Path, cli: Any) -> None:
    target = tmp_path / "new"
    init_workspace(target, today=dt.date(2026, 2, 1))
    path = target / "questions" / "observations.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/observations.schema.json")
    assert all(line.startswith("#") for line in text.splitlines() if line.strip())
    assert (target / "schemas" / "observations.schema.json").is_file()
    ws = load_workspace(target)
    assert ws.observations is None and "questions/observations.yaml" not in ws.files
    # Removing the marks (as the comment says) gives a file in use, checked like any other.
    body = text.split("\n\n", 1)[1]
    path.write_text("".join(line[2:] + "\n" for line in body.splitlines()), encoding="utf-8")
    ws = load_workspace(target)
    assert ws.observations is not None and ws.observations.symbol == "CMW/C/IDN/CO/3"
    assert ws.observations.due == dt.date(2030, 2, 1)
    result = check_workspace(ws)
    assert result.errors == 0
    assert [p.format() for p in result.problems if p.code == "follow-up-missing"] == [
        "questions/observations.yaml:13: warning[follow-up-missing] 10 is selected for "
        "follow-up (due 2030-02-01) but nobody has reported on it yet; its lead is KEMENHAM"
    ]
    init_workspace(tmp_path / "id", lang="id")
    text_id = (tmp_path / "id" / "questions" / "observations.yaml").read_text(encoding="utf-8")
    assert "penanggung jawab" in text_id and "observasi" in text_id


def test_observations_field_inside_the_observations_is_an_error(tmp_path: Path, cli: Any) -> None:
    odd = OBSERVATIONS.replace(
        "        lead: KEMNAKER\n", '        lead: KEMNAKER\n        observations: ["12"]\n'
    )
    root = _write(tmp_path, {"questions/observations.yaml": odd})
    text = cli("check", "--root", str(root)).stdout
    assert (
        "questions/observations.yaml:19: error[invalid-record] observations: links a question "
        "of the list of issues to recommendations; it has no meaning in "
        "questions/observations.yaml: remove it"
    ) in text
