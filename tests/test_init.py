"""cmwreport init: a new workspace that checks clean, in one command."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from cmwreport.checks import check_workspace
from cmwreport.scaffold import init_workspace, packaged_templates
from cmwreport.workspace import load_workspace
from conftest import REPO, write_workspace


def test_init_creates_a_workspace_that_checks_clean(tmp_path: Path, cli: Any) -> None:
    target = tmp_path / "idn-3"
    result = cli("init", str(target))
    assert result.exit_code == 0, result.stderr
    assert "new workspace in" in result.stdout
    for rel in (
        "questions/loipr.yaml",
        "questions/ministries.yaml",
        "README.md",
        "schemas/answers.schema.json",
        "schemas/loipr.schema.json",
        "schemas/ministries.schema.json",
        ".vscode/settings.json",
    ):
        assert (target / rel).is_file(), rel
    assert (target / "answers").is_dir() and (target / "templates").is_dir()
    assert "build/" in (target / ".gitignore").read_text(encoding="utf-8").splitlines()
    loipr = yaml.safe_load((target / "questions" / "loipr.yaml").read_text(encoding="utf-8"))
    assert loipr["sections"][0]["paragraphs"][0]["number"] == 1
    assert loipr["report"]["drafting_languages"] == ["id", "en"]
    ministries = yaml.safe_load(
        (target / "questions" / "ministries.yaml").read_text(encoding="utf-8")
    )
    assert [m["code"] for m in ministries["ministries"]] == ["KEMENHAM"]
    check = cli("check", "--root", str(target))
    assert check.exit_code == 0, check.stdout
    assert "0 errors" in check.stdout
    result = check_workspace(load_workspace(target))
    assert result.errors == 0 and [p.code for p in result.problems] == ["unanswered"]
    settings = json.loads((target / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema_path in settings["yaml.schemas"]:
        assert (target / schema_path).is_file()


def test_loipr_skeleton_explains_each_field(tmp_path: Path) -> None:
    init_workspace(tmp_path / "en")
    text = (tmp_path / "en" / "questions" / "loipr.yaml").read_text(encoding="utf-8")
    for line in ("symbol: CMW/C/IDN/QPR/3", "kind: periodic", "lead: KEMENHAM"):
        assert any(
            row.startswith(line) or row.strip().startswith(line) and "#" in row
            for row in text.splitlines()
        ), line
    assert "# yaml-language-server: $schema=../schemas/loipr.schema.json" in text
    init_workspace(tmp_path / "id", lang="id")
    text_id = (tmp_path / "id" / "questions" / "loipr.yaml").read_text(encoding="utf-8")
    assert "penanggung jawab" in text_id and "tahun jatuh tempo laporan" in text_id


def test_templates_are_copied_from_the_package(tmp_path: Path) -> None:
    init_workspace(tmp_path / "w")
    source = packaged_templates()
    copied = sorted(
        p.relative_to(tmp_path / "w" / "templates")
        for p in (tmp_path / "w" / "templates").rglob("*")
        if p.is_file()
    )
    if source is None:
        assert copied == [Path("README.md")]
        return
    expected = sorted(
        p.relative_to(source)
        for p in source.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"
    )
    assert copied == expected
    for rel in expected:
        assert (tmp_path / "w" / "templates" / rel).read_bytes() == (source / rel).read_bytes()


def test_refuses_a_non_empty_folder(tmp_path: Path, cli: Any) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("init", str(target))
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("init", str(empty)).exit_code == 0


def test_new_workspace_supports_the_desk_officer_flow(tmp_path: Path, cli: Any) -> None:
    target = tmp_path / "ws"
    cli("init", str(target))
    result = cli("scaffold", "KEMENHAM", "--root", str(target))
    assert result.exit_code == 0, result.stderr
    path = target / "answers" / "KEMENHAM.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "id: |\n        \n", "id: |\n        Pemerintah telah menyusun kerangka hukum.\n"
    )
    text = text.replace("status: draft", "status: submitted")
    path.write_text(text, encoding="utf-8")
    check = cli("check", "--root", str(target), "--strict")
    assert check.exit_code == 0, check.stdout
    assert "no problems" in check.stdout


def _ci_commands() -> list[list[str]]:
    """Every ``cmwreport`` command line of the CI files and the pre-commit hook."""
    commands: list[list[str]] = []
    gitlab = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    github = yaml.safe_load(
        (REPO / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8")
    )
    lines: list[str] = []
    for job in ("check", "coverage-and-draft"):
        lines.extend(gitlab[job]["script"])
    for step in github["jobs"]["check"]["steps"]:
        lines.extend(str(step.get("run", "")).splitlines())
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    lines.extend(hook["entry"] for hook in hooks)
    for line in lines:
        line = re.split(r"\s(?:>>?|\|\|)\s", line.strip())[0]
        if line.startswith("cmwreport "):
            commands.append(shlex.split(line)[1:])
    return commands


def test_ci_files_and_hook_run_on_a_workspace(
    tmp_path: Path,
    cli: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gitlab = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert {"merge_request_event"} <= {
        word.strip('"') for rule in gitlab["workflow"]["rules"] for word in rule["if"].split()
    }
    assert gitlab["coverage-and-draft"]["artifacts"]["paths"] == ["build/"]
    github = yaml.safe_load(
        (REPO / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8")
    )
    assert "pull_request" in github[True]  # YAML 1.1 reads the key `on` as true
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "cmwreport-check" and hooks[0]["pass_filenames"] is False
    commands = _ci_commands()
    assert ["check"] in commands and ["render"] in commands
    root = write_workspace(tmp_path / "ws")
    monkeypatch.chdir(root)  # CI runs at the workspace's root
    for args in commands:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
    for name in ("coverage.json", "coverage.html", "coverage.xlsx"):
        assert (root / "build" / name).stat().st_size > 0
    assert list((root / "build").glob("*.docx"))


def test_ci_files_install_only_what_the_team_names() -> None:
    github = yaml.safe_load(
        (REPO / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8")
    )
    steps = github["jobs"]["check"]["steps"]
    setup = next(s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python"))
    # `cache: pip` fails in a repository without requirements.txt / pyproject.toml
    assert "cache" not in setup["with"] or "cache-dependency-path" in setup["with"]
    assert github["env"]["CMWREPORT_PACKAGE"] == "${{ vars.CMWREPORT_PACKAGE }}"
    install = next(s for s in steps if s.get("name") == "Install cmwreport")["run"]
    assert '[ -z "$CMWREPORT_PACKAGE" ]' in install and "exit 1" in install
    gitlab = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["CMWREPORT_PACKAGE"] == ""
    first = gitlab["default"]["before_script"][0]
    assert first.startswith('test -n "$CMWREPORT_PACKAGE"') and "exit 1" in first
