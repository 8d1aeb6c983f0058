"""The command line contract: exit statuses, options anywhere, no tracebacks, light imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import DATA, EXAMPLE, REPO


def test_exit_statuses(cli: Any, tmp_path: Path) -> None:
    assert cli("check", "--root", str(DATA / "valid")).exit_code == 0
    assert cli("check", "--root", str(DATA / "warnings")).exit_code == 0
    assert cli("check", "--root", str(DATA / "duplicates")).exit_code == 1
    missing = cli("check", "--root", str(tmp_path))
    assert missing.exit_code == 2
    assert "no workspace at" in missing.stderr
    assert cli("check", "--format", "yaml", "--root", str(DATA / "valid")).exit_code == 2
    assert cli("check", "--bogus").exit_code == 2
    assert cli("check", "--ui-lang", "fr", "--root", str(DATA / "valid")).exit_code == 2
    assert cli("coverage", "--root", str(tmp_path / "nowhere")).exit_code == 2


def test_options_anywhere_among_arguments(cli: Any) -> None:
    a = cli("check", "--format", "json", "--root", str(DATA / "warnings"))
    b = cli("check", "--root", str(DATA / "warnings"), "--format", "json")
    assert json.loads(a.stdout) == json.loads(b.stdout)


def test_json_shape(cli: Any) -> None:
    data = json.loads(cli("check", "--format", "json", "--root", str(DATA / "warnings")).stdout)
    assert set(data) == {"problems", "errors", "warnings"}
    assert data["errors"] == 0 and data["warnings"] == len(data["problems"]) == 9
    assert set(data["problems"][0]) == {"file", "line", "severity", "code", "message"}


def test_indonesian_interface_keeps_codes(cli: Any) -> None:
    data = json.loads(
        cli("check", "--format", "json", "--ui-lang", "id", "--root", str(DATA / "warnings")).stdout
    )
    unanswered = next(p for p in data["problems"] if p["code"] == "unanswered")
    assert unanswered["message"] == "1(b) belum dijawab (penanggung jawab: KEMLU)"
    out = cli("check", "--root", str(DATA / "warnings"), env={"CMWREPORT_LANG": "id"}).stdout
    assert out.splitlines()[-1] == "0 galat, 9 peringatan dalam 4 berkas"


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CMWREPORT_LANG="")
    return subprocess.run(
        [sys.executable, "-m", "cmwreport", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_python_dash_m_and_no_traceback_on_bad_files() -> None:
    result = _run("check", "--root", str(DATA / "broken-yaml"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "answers/KEMLU.yaml:5: error[yaml-syntax]" in result.stdout


def test_check_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from cmwreport.cli import main\n"
        "sys.argv = ['cmwreport', 'check', '--root', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('docx', 'jinja2', 'openpyxl', 'markdown_it', 'lxml', 'ruamel')"
        " if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, timeout=120
    )
    assert "HEAVY=\n" in result.stdout, result.stdout[-500:]


def test_example_has_warnings_and_no_errors(cli: Any) -> None:
    data = json.loads(cli("check", "--format", "json", "--root", str(EXAMPLE)).stdout)
    assert data["errors"] == 0
    codes = {p["code"] for p in data["problems"]}
    assert {
        "unanswered",
        "lead-missing",
        "not-assigned",
        "missing-translation",
        "missing-data",
        "empty-answer",
    } <= codes


def test_output_piped_into_a_reader_that_stops_early_is_quiet() -> None:
    # Like `cmwreport check | head -1`: every write to stdout fails with a broken pipe.
    code = (
        "import io, sys\n"
        "class Closed(io.TextIOWrapper):\n"
        "    def write(self, s):\n"
        "        raise BrokenPipeError(32, 'Broken pipe')\n"
        "sys.stdout = Closed(io.BytesIO())\n"
        "from cmwreport.cli import main\n"
        "sys.argv = ['cmwreport', 'check', '--root', sys.argv[1]]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_wrong_body_code_names_the_argument_not_an_option(cli: Any, tmp_path: Path) -> None:
    from conftest import write_workspace

    root = write_workspace(tmp_path / "ws")
    for command in (["scaffold", "kemnaker"], ["form", "NOPE"]):
        result = cli(*command, "--root", str(root))
        assert result.exit_code == 2
        assert result.stderr.startswith(f"cmwreport: CODE {command[1]}: no such body")
        assert "--ministry" not in result.stderr


def test_schema_into_a_relative_folder_needs_a_workspace(cli: Any, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = cli("schema", "--output", "schemas", "--root", str(missing))
    assert result.exit_code == 2
    assert not missing.exists()


def test_empty_report_language_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    from conftest import write_workspace

    root = write_workspace(tmp_path / "ws")
    result = cli("render", "--lang", "", "--root", str(root))
    assert result.exit_code == 2
    assert not (root / "build").exists()
