"""Two commands writing one answers file at once: real processes, never a lost record."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from cmwreport.forms import import_form, importing
from cmwreport.yamledit import ChangedOnDisk, lock_path
from conftest import write_workspace
from officefiles import TODAY, fill_xlsx, issue
from test_forms import KP2MI_FILE

HOLDER = """
import sys, time, pathlib
from cmwreport.yamledit import locked
path, marker, release = (pathlib.Path(a) for a in sys.argv[1:4])
with locked(path, rel="answers/KP2MI.yaml"):
    marker.write_text("held")
    end = time.monotonic() + 120
    while not release.exists() and time.monotonic() < end:
        time.sleep(0.05)
    marker.write_text("released")
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_workspace(tmp_path / "ws", answers={"KP2MI": KP2MI_FILE})


def _records(root: Path) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8"))
    return {str(r["question"]): r for r in data["answers"]}


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "CMWREPORT_LANG": "en", **extra}


def _cmwreport(*args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "cmwreport", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(**env),
    )


def _hold(root: Path, tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    marker = tmp_path / "held"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLDER,
            str(root / "answers" / "KP2MI.yaml"),
            str(marker),
            str(tmp_path / "release"),
        ],
        env=_env(),
    )
    for _ in range(1200):
        if marker.exists() and marker.read_text() == "held":
            break
        time.sleep(0.05)
    assert marker.read_text() == "held"
    return holder, marker


def _release_once_waiting(process: subprocess.Popen[str], tmp_path: Path) -> str:
    """Let the holder go once *process* says it is waiting; return *process*'s stderr."""
    assert process.stderr is not None
    first = process.stderr.readline()  # blocks until the waiting notice (or the end)
    (tmp_path / "release").write_text("")
    _, rest = process.communicate(timeout=120)
    return first + rest


def test_a_second_writer_waits_for_the_first_and_says_so(root: Path, tmp_path: Path) -> None:
    path = issue(root, "xlsx")
    fill_xlsx(path, {"1(a)": {"id": "Undang-undang baru."}})
    holder, marker = _hold(root, tmp_path)
    importer = _cmwreport("import", str(path), "--root", str(root))
    err = _release_once_waiting(importer, tmp_path)
    holder.wait(timeout=60)
    assert importer.returncode == 0, err
    assert "answers/KP2MI.yaml is being changed by another cmwreport command; waiting" in err
    assert marker.read_text() == "released"  # the import wrote only after the holder let go
    assert _records(root)["1(a)"]["text"]["id"].strip() == "Undang-undang baru."
    assert not lock_path(root / "answers" / "KP2MI.yaml").exists()


def test_a_second_writer_gives_up_after_the_timeout(root: Path, tmp_path: Path) -> None:
    path = issue(root, "xlsx")
    fill_xlsx(path, {"1(a)": {"id": "Undang-undang baru."}})
    before = (root / "answers" / "KP2MI.yaml").read_bytes()
    holder, _ = _hold(root, tmp_path)
    importer = _cmwreport("import", str(path), "--root", str(root), CMWREPORT_LOCK_TIMEOUT="1")
    out, err = importer.communicate(timeout=120)
    (tmp_path / "release").write_text("")
    holder.wait(timeout=60)
    assert importer.returncode == 1
    assert "answers/KP2MI.yaml has been locked by another cmwreport command for 1 s" in err
    assert (root / "answers" / "KP2MI.yaml").read_bytes() == before


def test_scaffold_waits_for_the_lock_too(root: Path, tmp_path: Path) -> None:
    holder, marker = _hold(root, tmp_path)
    scaffold = _cmwreport("scaffold", "KP2MI", "--root", str(root))
    err = _release_once_waiting(scaffold, tmp_path)
    holder.wait(timeout=60)
    assert scaffold.returncode == 0, err
    assert "waiting" in err
    assert "1(a)" in _records(root)


def test_parallel_imports_into_one_file_keep_both(root: Path, tmp_path: Path) -> None:
    """Two desk officers' forms imported at the same moment: both answers arrive."""
    first = issue(root, "xlsx", name="KP2MI-a.xlsx")
    second = tmp_path / "KP2MI-b.xlsx"
    shutil.copy(first, second)
    fill_xlsx(first, {"1(a)": {"id": "Jawaban pertama."}})
    fill_xlsx(second, {"3": {"en": "Second answer."}})
    original = (root / "answers" / "KP2MI.yaml").read_bytes()
    for _ in range(3):
        (root / "answers" / "KP2MI.yaml").write_bytes(original)
        runs = [_cmwreport("import", str(p), "--root", str(root)) for p in (first, second)]
        results = [r.communicate(timeout=120) for r in runs]
        assert [r.returncode for r in runs] == [0, 0], results
        records = _records(root)
        assert records["1(a)"]["text"]["id"].strip() == "Jawaban pertama."
        assert records["3"]["text"]["en"].strip() == "Second answer."
        assert records["1(b)"]["tables"][0]["rows"] == [[2023, 100, 200]]


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves the answers file while the import runs: its save is kept."""
    path = issue(root, "xlsx")
    fill_xlsx(path, {"1(a)": {"id": "Dari formulir."}})
    answers = root / "answers" / "KP2MI.yaml"
    edited = KP2MI_FILE.replace("two States", "three States")
    real = importing._new_errors

    def editor_saves(*args: Any, **kwargs: Any) -> list[str]:
        answers.write_text(edited, encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "_new_errors", editor_saves)
    with pytest.raises(ChangedOnDisk) as caught:
        import_form(root, path, today=TODAY)
    assert "answers/KP2MI.yaml was changed on disk while this command was running" in str(
        caught.value
    )
    assert answers.read_text(encoding="utf-8") == edited
