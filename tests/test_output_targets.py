"""Writing never replaces what is not a regular file; through a link, the file it points to
is written and the link stays (SPEC.md section 4)."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from conftest import write_workspace


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "xlsx", "html"])
def test_output_to_a_fifo_is_refused_and_the_fifo_stays(
    ws_root: Path, cli: Any, tmp_path: Path, fmt: str
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = cli("coverage", "--format", fmt, "--output", str(fifo), "--root", str(ws_root))
    assert result.exit_code == 2
    assert "pipe (FIFO), not a regular file" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pipe")] == []


# These tests never name the real /dev/stdout or /dev/null: on a build without the guard
# (as root) that would replace the machine's own. They build the same things in tmp_path.


def test_output_to_a_link_to_the_standard_output_is_refused(
    ws_root: Path, cli: Any, tmp_path: Path
) -> None:
    stdout = tmp_path / "stdout"  # what /dev/stdout is: a link to /proc/self/fd/1
    stdout.symlink_to("/proc/self/fd/1")
    result = cli("coverage", "--format", "json", "--output", str(stdout), "--root", str(ws_root))
    assert result.exit_code == 2
    assert f"cannot write {stdout}" in result.stderr
    assert stdout.readlink() == Path("/proc/self/fd/1")


def test_render_to_a_device_is_refused(ws_root: Path, cli: Any, tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("creating a device node needs root")
    result = cli("render", "--output", str(device), "--root", str(ws_root))
    assert result.exit_code == 2
    assert "a device, not a regular file" in result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_render_to_a_link_to_a_fifo_is_refused(ws_root: Path, cli: Any, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "report.docx"
    link.symlink_to(fifo)
    result = cli("render", "--output", str(link), "--root", str(ws_root))
    assert result.exit_code == 2
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_to_a_folder_is_refused(ws_root: Path, cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "meeting"
    folder.mkdir()
    result = cli("coverage", "--format", "xlsx", "--output", str(folder), "--root", str(ws_root))
    assert result.exit_code == 2
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_output_through_a_link_writes_the_file_it_points_to(
    ws_root: Path, cli: Any, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "coverage.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    result = cli("coverage", "--format", "json", "--output", str(link), "--root", str(ws_root))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert json.loads(real.read_text(encoding="utf-8"))["totals"]["units"] == 4


def test_scaffold_keeps_a_symlinked_answers_file_a_link(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws", answers={})
    # The body keeps its answers in a shared drive folder, linked into the workspace.
    drive = tmp_path / "drive"
    drive.mkdir()
    real = drive / "KEMNAKER.yaml"
    real.write_text(
        'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n'
        "    text: |\n      Kebijakan nasional.\n",
        encoding="utf-8",
    )
    link = root / "answers" / "KEMNAKER.yaml"
    link.symlink_to(real)
    result = cli("scaffold", "KEMNAKER", "--root", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert link.is_symlink()
    text = real.read_text(encoding="utf-8")
    assert text.startswith("ministry: KEMNAKER\nanswers:\n")
    assert 'question: "1(b)"' in text and 'question: "3"' in text
    assert list(drive.iterdir()) == [real]


def test_a_fifo_as_answers_file_is_not_replaced_by_scaffold(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws", answers={})
    fifo = root / "answers" / "KEMNAKER.yaml"
    os.mkfifo(fifo)
    # Feed the reader once so that loading does not block.
    feeder = threading.Thread(target=lambda: fifo.write_text("", encoding="utf-8"), daemon=True)
    feeder.start()
    result = cli("scaffold", "KEMNAKER", "--root", str(root))
    assert result.exit_code != 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
