"""Modules keep to their role in the one-way data flow (DESIGN.md's module table).

``problems.py`` is a leaf holding the ``Problem`` record; the checks live in ``checks.py``;
``coverage.py`` is pure computation and snapshots are read in ``snapshot.py``.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import cmwreport
from cmwreport import checks, coverage, problems, snapshot

SRC = Path(cmwreport.__file__).resolve().parent

FILE_READERS = frozenset(
    {"open", "read_text", "read_bytes", "stat", "is_file", "exists", "iterdir", "glob", "loads"}
)
"""Calls that read a file or parse what was read from one."""


def _tree(name: str) -> ast.Module:
    return ast.parse((SRC / name).read_text(encoding="utf-8"))


def _imports(tree: ast.AST) -> set[str]:
    """Every module imported anywhere in *tree*, inside functions too."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _called(tree: ast.AST) -> set[str]:
    """The names of every function or method called in *tree*."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute):
                names.add(func.attr)
    return names


def test_problems_is_a_leaf_holding_the_record_only() -> None:
    tree = _tree("problems.py")
    ours = {m for m in _imports(tree) if m.startswith("cmwreport")}
    assert ours <= {"cmwreport.i18n", "cmwreport.text", "cmwreport.models"}
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    classes = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    assert functions == {"error", "warning"}
    assert classes == {"Msg", "Problem"}


def test_every_check_lives_in_checks() -> None:
    assert checks.CHECKS
    for check in checks.CHECKS:
        assert check.__module__ == "cmwreport.checks"
        assert check.__name__.startswith("check_")
    for name in ("check_workspace", "all_problems", "CheckResult"):
        assert not hasattr(problems, name)
        assert getattr(checks, name).__module__ == "cmwreport.checks"


def test_coverage_reads_no_file() -> None:
    tree = _tree("coverage.py")
    assert not _imports(tree) & {"json", "pathlib", "io", "shutil", "cmwreport.loader"}
    assert not _called(tree) & FILE_READERS
    assert "Path" not in {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


def test_snapshots_are_read_in_snapshot() -> None:
    for name in ("read_snapshot", "compare_snapshot", "apply_snapshot", "SnapshotNotFoundError"):
        assert not hasattr(coverage, name)
        assert getattr(snapshot, name).__module__ == "cmwreport.snapshot"
    assert _called(ast.parse(inspect.getsource(snapshot.read_snapshot))) & FILE_READERS
