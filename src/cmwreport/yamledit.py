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
import re
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


def yaml_data(text: str, rel: str = "<text>") -> Any:
    """*text* read as ``check`` reads YAML (1.2, :func:`cmwreport.loader.read_yaml_text`).

    ``None`` when *text* cannot be read; the problems of a readable text do not matter here.
    """
    from cmwreport.loader import read_yaml_text

    return read_yaml_text(text, rel).data


def dash_column(text: str, key: str = "answers") -> int:
    """Column of the ``-`` of the list *key* (``answers``, ``follow_up``) in *text* (2 if none)."""
    inside = False
    for line in text.splitlines():
        if inside and is_top_level_key(line):
            break
        if re.match(rf"^{re.escape(key)}\s*:", line):
            inside = True
            continue
        if inside and line.lstrip().startswith("- "):
            return len(line) - len(line.lstrip())
    return 2


def record_lines(records: Any) -> list[int]:
    """The 0-based line where each record of a round-trip list starts (empty if unknown)."""
    try:
        return [int(records.lc.item(i)[0]) for i in range(len(records))]
    except (AttributeError, KeyError, TypeError):
        return []


def _dash_line(lines: list[str], line: int) -> int:
    """The line of the ``-`` that opens the list item whose first key is on *line*."""
    while line > 0 and not lines[line].lstrip().startswith("-"):
        line -= 1
    return line


def is_top_level_key(line: str) -> bool:
    """Whether *line* starts a key of the file's top mapping (at column 0, not a list item)."""
    return bool(line[:1].strip()) and not line.startswith(("#", "-", "...", "---"))


def list_block(lines: list[str], key: str) -> tuple[int, int] | None:
    """The top-level list *key* in *lines*: (line of ``key:``, line after its block), 0-based.

    The block ends at the next key of the top mapping (or at the end of the file); the
    comment and blank lines at column 0 just above that key belong to the key.
    """
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    top = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
    if top is None:
        return None
    end = next((i for i in range(top + 1, len(lines)) if is_top_level_key(lines[i])), len(lines))
    if end < len(lines):
        while end - 1 > top and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
    return top, end


def _dumped_starts(dumped: str, key: str = "answers") -> list[int]:
    """The 0-based line of the ``-`` of each record of the list *key* in ruamel's *dumped* text.

    ruamel writes every record's dash at one column, deeper than anything but the records'
    own content; a wrong guess is caught by :func:`splice`, which then keeps the dump.
    """
    lines = dumped.splitlines()
    found = list_block(lines, key)
    top = found[0] if found is not None else None
    if top is None:
        return []
    dash: int | None = None
    starts: list[int] = []
    for index in range(top + 1, len(lines)):
        line = lines[index]
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        is_item = body.startswith("- ") or body == "-"
        if dash is None:
            if not is_item:
                break
            dash = indent
        if indent == dash and is_item:
            starts.append(index)
        elif indent < dash or (indent == 0 and not is_item):
            break
    return starts


def splice(
    old_text: str, old_starts: list[int], changed: set[int], dumped: str, key: str = "answers"
) -> str:
    """The old file with only the *changed* records (and the new ones) taken from *dumped*.

    ruamel's dump normalises the layout of the whole file (indentation, spacing, escapes);
    splicing keeps every byte of the records the command did not touch, and of the rest of
    the file around the list *key* (``answers`` or ``follow_up``, in either order). Falls
    back to *dumped* whenever the two cannot be matched record by record, or whenever the
    spliced text does not read (as ``check`` reads it, :func:`yaml_data`) as the same data.
    """
    crlf = "\r\n" in old_text
    whole = dumped.replace("\n", "\r\n") if crlf else dumped
    new_starts = _dumped_starts(dumped, key) if old_text and old_starts else []
    if len(new_starts) < len(old_starts) or not new_starts:
        return whole
    spliced = _spliced(old_text, old_starts, changed, dumped, new_starts, key)
    same = yaml_data(dumped)
    return spliced if same is not None and yaml_data(spliced) == same else whole


def _block_end(lines: list[str], key: str) -> int:
    """The line after the list *key*'s block in *lines* (the end of the file if unknown)."""
    block = list_block([line.rstrip("\r\n") for line in lines], key)
    return block[1] if block is not None else len(lines)


def _spliced(
    old_text: str,
    old_starts: list[int],
    changed: set[int],
    dumped: str,
    new_starts: list[int],
    key: str = "answers",
) -> str:
    """The records of *old_text*, those in *changed* and the ones after replaced from *dumped*."""
    crlf = "\r\n" in old_text
    old_lines = old_text.splitlines(keepends=True)
    new_lines = dumped.splitlines(keepends=True)
    if crlf:
        new_lines = [line.replace("\n", "\r\n") for line in new_lines]
    old_end, new_end = _block_end(old_lines, key), _block_end(new_lines, key)
    old_cuts = [_dash_line(old_lines, n) for n in old_starts] + [old_end]
    new_cuts = [_dash_line(new_lines, n) for n in new_starts] + [new_end]
    out = old_lines[: old_cuts[0]]
    for index in range(len(old_starts)):
        if index in changed:
            out.extend(new_lines[new_cuts[index] : new_cuts[index + 1]])
        else:
            out.extend(old_lines[old_cuts[index] : old_cuts[index + 1]])
    appended = new_lines[new_cuts[len(old_starts)] : new_end]
    if appended and out and not out[-1].endswith("\n"):
        out[-1] += "\r\n" if crlf else "\n"
    out.extend(appended)
    out.extend(old_lines[old_end:])  # what follows the list, kept byte for byte
    return "".join(out)


def insert_records(text: str, key: str, block: str) -> str | None:
    """*text* with *block* (whole lines of new records) added at the end of the list *key*.

    The list may be anywhere in the file (``follow_up:`` before or after ``answers:``);
    nothing already in the file changes. A missing list is added at the end of the file.
    ``None`` when the list is written in a way records cannot be added to without changing
    it (flow style: ``key: []``).
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    found = list_block([line.rstrip("\r\n") for line in lines], key)
    if found is None:
        head = "" if not text or text.endswith("\n") else newline
        return text + head + f"{key}:{newline}" + block.replace("\n", newline)
    top, end = found
    if not re.match(rf"^{re.escape(key)}\s*:\s*(#.*)?$", lines[top].rstrip("\r\n")):
        return None
    while end - 1 > top and not lines[end - 1].strip():
        end -= 1  # blank lines before the next key stay after the new records
    if lines[end - 1 : end] and not lines[end - 1].endswith("\n"):
        lines[end - 1] += newline
    lines[end:end] = [block.replace("\n", newline)]
    return "".join(lines)
