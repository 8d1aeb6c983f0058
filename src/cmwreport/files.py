"""Writing output files safely: atomically, so a failure never leaves a broken file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cmwreport.errors import OutputError


def write_atomic(path: Path, data: bytes | str, *, lang: str = "en") -> Path:
    """Write *data* to *path* through a temporary file renamed into place.

    The previous file, if any, stays intact until the new one is complete; on failure
    the temporary file is removed and :class:`OutputError` is raised.
    """
    path = Path(path)
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
