"""Writing output files safely: atomically, so a failure never leaves a broken file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from cmwreport.errors import OutputError
from cmwreport.i18n import t

SYSTEM_FOLDERS = ("/dev", "/proc", "/sys")
"""Nothing under these is a report: ``/dev/stdout``, ``/dev/null``, ``/proc/self/fd/1``."""


class OutputRefusedError(OutputError):
    """The output names what is not a regular file (a usage error, exit 2)."""

    exit_code = 2


def writable_target(path: Path, *, lang: str = "en") -> Path:
    """The file to write for *path*, or :class:`OutputError` when it must not be replaced.

    A folder, a pipe (FIFO), a device, a socket or anything under ``/dev`` or ``/proc`` is
    refused: renaming a new file over it would replace what is not a regular file (as
    root, the real ``/dev/null``). A symbolic link is followed, so that the file it points
    to is written and the link itself stays a link.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    absolute = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputRefusedError(path, t("out.not_regular", lang, kind=_kind(mode, lang)), lang)
    for hop in (*_link_chain(path), absolute):
        if any(hop.is_relative_to(folder) for folder in SYSTEM_FOLDERS):
            raise OutputRefusedError(path, t("out.system", lang, folder=str(hop)), lang)
    return target


def _link_chain(path: Path, limit: int = 40) -> list[Path]:
    """*path* made absolute and every place its chain of symbolic links goes through."""
    hop = Path(os.path.abspath(path))  # noqa: PTH100 - normalise "..", keep links
    chain = [hop]
    for _ in range(limit):
        if not hop.is_symlink():
            break
        hop = Path(os.path.abspath(hop.parent / hop.readlink()))  # noqa: PTH100
        chain.append(hop)
    return chain


def _kind(mode: int, lang: str) -> str:
    if stat.S_ISDIR(mode):
        return t("out.kind.folder", lang)
    if stat.S_ISFIFO(mode):
        return t("out.kind.pipe", lang)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return t("out.kind.device", lang)
    return t("out.kind.other", lang)


def write_atomic(path: Path, data: bytes | str, *, lang: str = "en") -> Path:
    """Write *data* to *path* through a temporary file renamed into place.

    The previous file, if any, stays intact until the new one is complete; on failure
    the temporary file is removed and :class:`OutputError` is raised. Only a regular file
    is ever replaced (see :func:`writable_target`); through a symbolic link, the file it
    points to is written and the link stays. Returns the path written.
    """
    path = writable_target(Path(path), lang=lang)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc), lang) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                tmp.chmod(path.stat().st_mode & 0o777)
        else:
            tmp.chmod(0o644)
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(path, exc.strerror or str(exc), lang) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path
