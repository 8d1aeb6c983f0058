"""Data safety under faults: a render or an import that fails midway loses nothing.

Faults are injected where files are written: the final rename fails (disk full, file
locked by Word), the bytes stop halfway (disk full while writing), the document
builder crashes, or the whole process is killed. Each time the previous file must still
be there, byte for byte, and open in python-docx (or load as YAML), and no half-written
temporary file may be left behind where cleanup was possible.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from conftest import write_workspace

DEFAULT_DOCX = "build/CMW-C-TST-2-en.docx"
OLD = "Law No. 18 of 2017 protects migrant workers."
NEW = "A sentence that only the failed render would contain."


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def _change_answer(root: Path) -> None:
    path = root / "answers" / "KEMLU.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")


@pytest.fixture
def rendered(cli: Any, ws_root: Path) -> tuple[Path, bytes]:
    """The small workspace rendered once, then edited: (target, bytes of the first render)."""
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 0, result.stderr
    target = ws_root / DEFAULT_DOCX
    assert OLD in _docx_text(target)
    first = target.read_bytes()
    _change_answer(ws_root)
    return target, first


def _assert_previous_intact(target: Path, first: bytes) -> None:
    assert target.read_bytes() == first
    text = _docx_text(target)
    assert OLD in text and NEW not in text
    assert _leftovers(target.parent) == []


# --------------------------------------------------------------------------- render


def test_render_failing_at_the_rename_keeps_the_previous_report(
    cli: Any, ws_root: Path, rendered: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, first = rendered

    def disk_full(src: Any, dst: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 1
    assert result.stderr.startswith("cmwreport: ")
    assert "No space left on device" in result.stderr
    assert target.name in result.stderr
    assert "Traceback" not in result.stderr
    _assert_previous_intact(target, first)


def test_render_failing_halfway_through_the_bytes_keeps_the_previous_report(
    cli: Any, ws_root: Path, rendered: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, first = rendered
    real_fdopen = os.fdopen

    class HalfWriter:
        """A file that takes half of what it is given, then reports the disk full."""

        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k)))
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    _assert_previous_intact(target, first)


def test_render_crashing_while_saving_the_document_keeps_the_previous_report(
    cli: Any, ws_root: Path, rendered: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx.document

    target, first = rendered

    def crash(*args: object, **kwargs: object) -> None:
        raise MemoryError("injected fault while saving the document")

    monkeypatch.setattr(docx.document.Document, "save", crash)
    # An injected crash is a bug in cmwreport: exit 3 (SPEC.md section 3).
    result = cli("render", "--root", str(ws_root), internal_ok=True)
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    _assert_previous_intact(target, first)


def test_render_interrupted_keeps_the_previous_report(
    cli: Any, ws_root: Path, rendered: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C during the write: the temporary file goes, the report stays."""
    target, first = rendered

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code != 0
    _assert_previous_intact(target, first)


@pytest.mark.parametrize("delay", [0.4, 0.9])
def test_render_killed_at_any_moment_leaves_a_readable_report(
    ws_root: Path, rendered: tuple[Path, bytes], delay: float
) -> None:
    """SIGKILL (power cut, task manager): whenever it lands, the report opens."""
    target, first = rendered
    proc = subprocess.Popen(
        [sys.executable, "-m", "cmwreport", "render", "--root", str(ws_root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    text = _docx_text(target)  # opens: either the old report or the complete new one
    if target.read_bytes() == first:
        assert OLD in text
    else:
        assert NEW in text and OLD not in text
    # a temporary file may survive a kill, but never under the report's own name,
    # and the next render still works
    after = subprocess.run(
        [sys.executable, "-m", "cmwreport", "render", "--root", str(ws_root)],
        capture_output=True,
        check=False,
    )
    assert after.returncode == 0, after.stderr
    assert NEW in _docx_text(target)


# --------------------------------------------------------------------------- import


@pytest.fixture
def filled_form(cli: Any, ws_root: Path) -> Path:
    """A KP2MI form with a new English answer to 1(a) typed in."""
    import json

    from openpyxl import load_workbook

    form = ws_root.parent / "KP2MI-filled.xlsx"
    result = cli("form", "KP2MI", "--root", str(ws_root), "--output", str(form))
    assert result.exit_code == 0, result.stderr
    wb = load_workbook(form)
    layout = json.loads(wb["_cmwreport"]["A2"].value)["layout"]
    sheet = wb.worksheets[0]
    row = layout["first_row"]
    assert sheet.cell(row, layout["columns"]["question"]).value == "1(a)"
    sheet.cell(row, layout["columns"]["en"]).value = NEW
    wb.save(form)
    return form


def _answers(root: Path) -> Path:
    return root / "answers" / "KP2MI.yaml"


def _assert_answers_intact(root: Path, before: bytes) -> None:
    path = _answers(root)
    assert path.read_bytes() == before
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["ministry"] == "KP2MI"
    assert NEW not in path.read_text(encoding="utf-8")
    assert _leftovers(root) == []


def test_import_works_without_faults(cli: Any, ws_root: Path, filled_form: Path) -> None:
    """The fault tests below would pass vacuously if import never wrote: it does."""
    result = cli("import", str(filled_form), "--root", str(ws_root))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert NEW in _answers(ws_root).read_text(encoding="utf-8")


@pytest.mark.parametrize("failing", ["answers", "backup", "every"])
def test_import_failing_at_the_write_keeps_the_answers_file(
    cli: Any,
    ws_root: Path,
    filled_form: Path,
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    before = _answers(ws_root).read_bytes()
    real = os.replace

    def flaky(src: Any, dst: Any) -> None:
        is_answers = Path(dst).resolve() == _answers(ws_root).resolve()
        if failing == "every" or (failing == "answers") == is_answers:
            raise OSError(errno.EACCES, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    result = cli("import", str(filled_form), "--root", str(ws_root))
    assert result.exit_code == 1
    assert result.stderr.startswith("cmwreport: ")
    assert "Permission denied" in result.stderr
    assert "Traceback" not in result.stderr
    _assert_answers_intact(ws_root, before)
    check = cli("check", "--root", str(ws_root), "--format", "json")
    assert check.exit_code == 0


def test_import_failing_halfway_through_the_bytes_keeps_the_answers_file(
    cli: Any, ws_root: Path, filled_form: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _answers(ws_root).read_bytes()
    real_fsync = os.fsync
    calls: list[int] = []

    def fail_second(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the backup is written first, then the answers file
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fail_second)
    result = cli("import", str(filled_form), "--root", str(ws_root))
    assert result.exit_code == 1
    assert "Input/output error" in result.stderr
    _assert_answers_intact(ws_root, before)


def test_import_crashing_before_the_write_keeps_the_answers_file(
    cli: Any, ws_root: Path, filled_form: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ruamel.yaml import YAML

    before = _answers(ws_root).read_bytes()

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected fault while serialising the answers")

    monkeypatch.setattr(YAML, "dump", crash)
    result = cli("import", str(filled_form), "--root", str(ws_root), internal_ok=True)
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    _assert_answers_intact(ws_root, before)


# ----------------------------------------------------------------- coverage snapshot


def test_coverage_snapshot_failing_at_the_rename_keeps_the_previous_one(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_workspace(tmp_path / "ws")
    snapshot = root / "build" / "rakor-1.json"
    assert cli("coverage", "--format", "json", "--output", str(snapshot), "--root",
               str(root)).exit_code == 0  # fmt: skip
    before = snapshot.read_bytes()
    _change_answer(root)
    (root / "answers" / "KEMNAKER.yaml").write_text(
        'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n    text: Ada.\n',
        encoding="utf-8",
    )

    def locked(src: Any, dst: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    result = cli("coverage", "--format", "json", "--output", str(snapshot), "--root", str(root))
    assert result.exit_code == 1
    assert snapshot.read_bytes() == before
    assert _leftovers(root) == []
