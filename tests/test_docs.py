"""Every command has help text and a section in docs/commands.md; docs links resolve."""

from __future__ import annotations

import re
from typing import Any

from cmwreport.cli import app
from conftest import REPO


def _commands() -> list[str]:
    names = []
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        names.append(name.rstrip("_").replace("_", "-"))
    return names


def test_every_command_has_help_and_docs(cli: Any) -> None:
    docs = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    commands = _commands()
    assert {"check", "coverage"} <= set(commands)
    for name in commands:
        result = cli(name, "--help")
        assert result.exit_code == 0, name
        assert "--root" in result.stdout and "--ui-lang" in result.stdout, name
        assert re.search(rf"^## cmwreport {name}\b", docs, re.MULTILINE), name


def test_readme_and_docs_links_resolve() -> None:
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)\)", text):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.name}: {target}"
