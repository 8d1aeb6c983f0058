"""The locked install: every package needed is pinned, and installed at its pin.

``make report`` and ``make test`` install with ``-c requirements.lock``; these tests fail when
a package the project needs is missing from the lock or installed at another version (a
dependency added to pyproject.toml without ``make lock``, or a venv that drifted). ``make
test-latest`` sets ``CMWREPORT_UNLOCKED=1`` to run the suite against the newest releases.
"""

from __future__ import annotations

import os
import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for number, raw in enumerate(LOCK.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"requirements.lock:{number}: not a NAME==VERSION pin: {line!r}"
        name = canonicalize_name(match.group(1))
        assert name not in pins, f"requirements.lock:{number}: {name} pinned twice"
        pins[name] = match.group(2)
    return pins


def _environment() -> dict[str, str]:
    """The marker environment of this interpreter (a TypedDict; markers take a plain dict)."""
    return {key: str(value) for key, value in default_environment().items()}


def _needed(root: str, extras: tuple[str, ...]) -> set[str]:
    """Every distribution *root* with *extras* needs on this platform, transitively."""
    seen: set[str] = set()
    todo: list[tuple[str, tuple[str, ...]]] = [(root, extras)]
    while todo:
        name, wanted = todo.pop()
        for spec in metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker is not None and not any(
                req.marker.evaluate({**_environment(), "extra": extra}) for extra in ("", *wanted)
            ):
                continue
            key = canonicalize_name(req.name)
            if key not in seen:
                seen.add(key)
                todo.append((req.name, tuple(req.extras)))
    return seen


def test_lock_file_is_well_formed_and_pins_the_build_tools() -> None:
    pins = _pins()
    assert {"pip", "setuptools"} <= pins.keys()
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", v) for v in pins.values())


def test_every_needed_package_is_locked() -> None:
    missing = sorted(_needed("cmwreport", ("test",)) - _pins().keys())
    assert not missing, f"not in requirements.lock (run `make lock`): {', '.join(missing)}"


@pytest.mark.skipif(
    bool(os.environ.get("CMWREPORT_UNLOCKED")), reason="make test-latest runs unlocked"
)
def test_installed_versions_are_the_locked_ones() -> None:
    pins = _pins()
    drift = []
    for name in sorted(_needed("cmwreport", ("test",)) | {"pip", "setuptools"}):
        installed = metadata.version(name)
        if pins.get(name) != installed:
            drift.append(f"{name} {installed} (lock: {pins.get(name)})")
    assert not drift, "installed versions differ from requirements.lock: " + "; ".join(drift)
