"""The module layout of docs/architecture.md, enforced: imports flow one way.

Every module of ``src/cmwreport`` is parsed with :mod:`ast`, and every ``import`` and
``from … import`` of a ``cmwreport`` module is collected at any depth (inside functions
and methods too, since a lazy import is still an import), except inside an
``if TYPE_CHECKING:`` block (read by the type checker only). A relative import is resolved
against the importing module's package; importing a package counts as importing its
``__init__``; ``from cmwreport.render import docx`` counts as importing
``cmwreport.render.docx`` when that is a module.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "cmwreport"


@dataclass(frozen=True)
class Import:
    """One import statement: who imports what, and where."""

    module: str
    """The importing module (``cmwreport.report``)."""
    target: str
    """The imported module (``cmwreport.render.docx``) or library (``docx.shared``)."""
    file: str
    """The importing file, from the package's folder on (``cmwreport/report.py``)."""
    line: int


def module_name(path: Path, src: Path = SRC) -> str:
    """``cmwreport.render.docx`` for ``…/cmwreport/render/docx.py``; a package: its ``__init__``."""
    parts = list(path.relative_to(src.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(src: Path = SRC) -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    return {module_name(path, src): path for path in sorted(src.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute name of the module a ``from`` import names (relative ones resolved)."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _statements(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement in *tree*, at any depth, outside ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)  # the `else:` of TYPE_CHECKING runs
            continue
        stack.extend(ast.iter_child_nodes(node))
    return found


def imports_of(name: str, path: Path, known: dict[str, Path], src: Path = SRC) -> list[Import]:
    """What module *name* (at *path*) imports: cmwreport modules and outside libraries."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    file = path.relative_to(src.parent).as_posix()
    result: list[Import] = []
    for node in _statements(tree):
        if isinstance(node, ast.Import):
            result.extend(Import(name, alias.name, file, node.lineno) for alias in node.names)
            continue
        base = _resolve(name, path.name == "__init__.py", node)
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            result.append(Import(name, sub if sub in known else base, file, node.lineno))
    return result


def import_graph(src: Path = SRC) -> dict[str, list[Import]]:
    """For each module, its imports of other modules of the package."""
    known = modules(src)
    graph: dict[str, list[Import]] = {}
    for name, path in known.items():
        graph[name] = [
            imp
            for imp in imports_of(name, path, known, src)
            if imp.target in known and imp.target != name
        ]
    return graph


def find_cycle(graph: dict[str, list[Import]]) -> list[Import] | None:
    """One import cycle of *graph* as the chain of imports that closes it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[Import] = []

    def visit(module: str) -> list[Import] | None:
        state[module] = 1
        for imp in graph.get(module, []):
            if state.get(imp.target) == 1:
                start = next(
                    (i for i, step in enumerate(path) if step.module == imp.target), len(path)
                )
                return [*path[start:], imp]
            if imp.target not in state:
                path.append(imp)
                found = visit(imp.target)
                if found:
                    return found
                path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def describe(chain: list[Import]) -> str:
    """``a → b (a.py:12) → a (b.py:3)``: a cycle as a person reads it."""
    steps = [chain[0].module]
    steps.extend(f"{imp.target} ({imp.file}:{imp.line})" for imp in chain)
    return " → ".join(steps)


def importers_of(library: str, src: Path = SRC) -> set[str]:
    """The modules that import *library* or any of its submodules (at any depth)."""
    known = modules(src)
    found: set[str] = set()
    for name, path in known.items():
        for imp in imports_of(name, path, known, src):
            if imp.target == library or imp.target.startswith(library + "."):
                found.add(name)
    return found


# ------------------------------------------------------------------------------ tests


def test_no_import_cycle() -> None:
    chain = find_cycle(import_graph())
    assert chain is None, "import cycle: " + describe(chain or [])


def test_the_cycle_test_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    # The cycle that report.py and render/docx.py once made: the import that closes it sits
    # inside a function, where a lazy import hides it from Python but not from this test.
    package = tmp_path / "cmwreport"
    (package / "render").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "render" / "__init__.py").write_text("", encoding="utf-8")
    (package / "report.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from cmwreport.templating import Templates\n"
        "\n"
        "def render_report():\n"
        "    from cmwreport.render.docx import render_docx\n"
        "    return render_docx\n",
        encoding="utf-8",
    )
    (package / "render" / "docx.py").write_text("from ..report import Report\n", encoding="utf-8")
    (package / "templating.py").write_text("from cmwreport import report\n", encoding="utf-8")
    chain = find_cycle(import_graph(package))
    assert chain is not None
    assert describe(chain) == (
        "cmwreport.render.docx → cmwreport.report (cmwreport/render/docx.py:1)"
        " → cmwreport.render.docx (cmwreport/report.py:6)"
    )


def test_type_checking_imports_are_no_cycle(tmp_path: Path) -> None:
    package = tmp_path / "cmwreport"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from cmwreport import b\n", encoding="utf-8")
    (package / "b.py").write_text(
        "import typing\nif typing.TYPE_CHECKING:\n    from cmwreport.a import A\n",
        encoding="utf-8",
    )
    assert find_cycle(import_graph(package)) is None


def test_the_graph_counts_lazy_and_relative_imports() -> None:
    graph = import_graph()
    targets = {imp.target for imp in graph["cmwreport.commands"]}
    # commands.py imports its heavy parts inside functions; they are edges all the same.
    assert {"cmwreport.render.docx", "cmwreport.report", "cmwreport.forms"} <= targets
    cli = {imp.target for imp in graph["cmwreport.cli"]}
    assert "cmwreport.commands" in cli
    assert "cmwreport" in cli  # `from cmwreport import __version__`: the package's __init__


def test_only_the_cli_imports_typer() -> None:
    assert importers_of("typer") == {"cmwreport.cli"}


def test_only_the_docx_renderer_and_the_forms_import_python_docx() -> None:
    allowed = {"cmwreport.render.docx", "cmwreport.render.ooxml"}
    outside = {
        name
        for name in importers_of("docx")
        if name not in allowed
        and name != "cmwreport.forms"
        and not name.startswith("cmwreport.forms.")
    }
    assert outside == set()
    assert "cmwreport.render.docx" in importers_of("docx")


@pytest.mark.parametrize("module", ["cmwreport.report"])
def test_the_report_model_imports_no_renderer(module: str) -> None:
    graph = import_graph()
    renderers = sorted(
        imp.target
        for imp in graph[module]
        if imp.target == "cmwreport.render" or imp.target.startswith("cmwreport.render.")
    )
    assert renderers == []


def test_the_cli_is_the_one_place_commands_are_called_from() -> None:
    # Nothing below the command line reaches back up to it or to the core functions.
    graph = import_graph()
    callers = {
        name
        for name, imports in graph.items()
        for imp in imports
        if imp.target in ("cmwreport.cli", "cmwreport.commands")
    }
    assert callers <= {"cmwreport.cli", "cmwreport.__main__"}
