"""The one place that edits a user's answers file in place, shared by ``scaffold`` and ``import``.

* :func:`locked` — one lock per answers file: a second command that wants to write the same
  file waits for the first (saying so after a second) and gives up after a timeout
  (:data:`LOCK_TIMEOUT_ENV`, default :data:`DEFAULT_LOCK_TIMEOUT` seconds).
* :func:`replace_checked` — the new content replaces the file atomically, and only if the
  file still holds exactly the bytes the command read: a file changed on disk in between
  (by an editor, say) is never overwritten with stale content.
* :func:`yaml_readable` — the text as the YAML libraries can parse it: characters YAML
  refuses (pasted from Word or PDF) blanked out one for one, as ``check`` and ``render``
  read them, so line and column numbers stay the same.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cmwreport.errors import CmwReportError
from cmwreport.files import writable_target, write_atomic
from cmwreport.i18n import t
from cmwreport.text import YAML_UNREADABLE

LOCK_TIMEOUT_ENV = "CMWREPORT_LOCK_TIMEOUT"
"""Environment variable: seconds a command waits for another one writing the same file."""
DEFAULT_LOCK_TIMEOUT = 120.0
LOCK_NOTICE_AFTER = 1.0
"""Seconds of waiting after which the command says it is waiting."""
_POLL = 0.05


class LockTimeout(CmwReportError):
    """Another command kept the answers file locked for longer than the timeout."""


class ChangedOnDisk(CmwReportError):
    """The answers file changed on disk after it was read; nothing was written."""


def lock_path(path: Path) -> Path:
    """The lock file beside *path* (a dot-file, which ``check`` leaves alone)."""
    return path.parent / f".{path.name}.lock"


def _timeout() -> float:
    value = os.environ.get(LOCK_TIMEOUT_ENV, "")
    try:
        return max(0.0, float(value)) if value.strip() else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on the open file *fd* without waiting; whether it was taken."""
    try:
        import fcntl
    except ImportError:  # Windows
        msvcrt: Any = importlib.import_module("msvcrt")
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        msvcrt: Any = importlib.import_module("msvcrt")
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _default_notice(message: str) -> None:
    print(f"cmwreport: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def locked(
    path: Path,
    *,
    rel: str,
    lang: str = "en",
    notice: Callable[[str], None] | None = None,
    timeout: float | None = None,
) -> Iterator[None]:
    """Hold the lock of the answers file *path* (shown as *rel*) while the block runs."""
    target = lock_path(Path(path))
    limit = _timeout() if timeout is None else timeout
    started = time.monotonic()
    told = False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LockTimeout(t("edit.lock_failed", lang, path=rel, reason=str(exc))) from exc
    while True:
        try:
            fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise LockTimeout(t("edit.lock_failed", lang, path=rel, reason=str(exc))) from exc
        if _try_lock(fd):
            # The lock file may have been removed and made anew by another command
            # between our open and our lock: then this lock protects nothing; try again.
            try:
                same = os.path.samestat(os.fstat(fd), target.stat())
            except OSError:
                same = False
            if same:
                break
            _unlock(fd)
        os.close(fd)
        waited = time.monotonic() - started
        if waited >= limit:
            raise LockTimeout(t("edit.lock_timeout", lang, path=rel, seconds=round(limit)))
        if not told and waited >= LOCK_NOTICE_AFTER:
            (notice or _default_notice)(t("edit.lock_waiting", lang, path=rel))
            told = True
        time.sleep(_POLL)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            target.unlink()
        _unlock(fd)
        os.close(fd)


def read_bytes(path: Path, *, lang: str = "en") -> bytes | None:
    """The bytes of *path*, or ``None`` when there is no such file.

    Only a regular file (or a link to one) is read: a pipe or a device in its place is
    refused (:class:`~cmwreport.errors.OutputRefusedError`) before anything could block.
    """
    try:
        mode = Path(path).stat().st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(mode):
        writable_target(Path(path), lang=lang)  # raises, naming what is there instead
    return Path(path).read_bytes()


def replace_checked(
    path: Path, expected: bytes | None, new: bytes, *, rel: str, lang: str = "en"
) -> Path:
    """Write *new* to *path* atomically, unless *path* no longer holds *expected*."""
    if read_bytes(path, lang=lang) != expected:
        raise ChangedOnDisk(t("edit.changed_on_disk", lang, path=rel))
    return write_atomic(path, new, lang=lang)


def yaml_readable(text: str) -> str:
    """*text* with every character YAML refuses replaced by a space (positions unchanged)."""
    return YAML_UNREADABLE.sub(" ", text)
