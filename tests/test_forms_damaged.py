"""Damaged forms: whatever python-docx or openpyxl raise on them, the person reads a message.

Each file here passes the container checks (a zip of well-formed XML parts) and is damaged
inside, as a file repaired by hand, cut by a mail gateway or saved by a third-party tool
can be. The libraries fail on them with unrelated error types; the import must name the
file and say it is damaged, never print a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cmwreport.errors import InputFileError
from cmwreport.forms import read_form
from conftest import write_workspace
from officefiles import issue

DAMAGED = "not a Word (.docx) or Excel (.xlsx) file, or it is damaged"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_workspace(tmp_path / "ws")


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rezip(path: Path, entries: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    path.write_bytes(buffer.getvalue())
    return path


def _without(entries: dict[str, bytes], name: str) -> dict[str, bytes]:
    return {k: v for k, v in entries.items() if k != name}


DAMAGES: dict[str, tuple[str, Any, type[BaseException]]] = {
    # the workbook's relationships are gone: openpyxl fails with a KeyError
    "xlsx-without-relationships": (
        "xlsx",
        lambda e: _without(e, "xl/_rels/workbook.xml.rels"),
        KeyError,
    ),
    # a cell format with a number format that is not a number: a TypeError from a descriptor
    "xlsx-with-a-bad-style": (
        "xlsx",
        lambda e: {
            **e,
            "xl/styles.xml": b'<styleSheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="abc"/></cellXfs>'
            b"</styleSheet>",
        },
        TypeError,
    ),
    # a number cell that holds text: a ValueError only once the rows are streamed
    "xlsx-with-text-in-a-number-cell": (
        "xlsx",
        lambda e: {
            **e,
            "xl/worksheets/sheet1.xml": re.sub(
                rb'(<row r="11"[^>]*>)',
                rb'\1<c r="A11" t="n"><v>not a number</v></c>',
                e["xl/worksheets/sheet1.xml"],
                count=1,
            ),
        },
        ValueError,
    ),
    # the package lists no content types: python-docx fails with a KeyError
    "docx-without-content-types": (
        "docx",
        lambda e: {
            **e,
            "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/content-types"/>',
        },
        KeyError,
    ),
    # a list level whose number is not a number: a ValueError while the numbering is read
    "docx-with-a-bad-list-level": (
        "docx",
        lambda e: {
            **e,
            "word/numbering.xml": f'<w:numbering xmlns:w="{W}"><w:abstractNum '
            'w:abstractNumId="1"><w:lvl w:ilvl="x"/></w:abstractNum></w:numbering>'.encode(),
        },
        ValueError,
    ),
    # the document part holds something else: python-docx opens it, then fails on its body
    "docx-whose-document-is-not-one": (
        "docx",
        lambda e: {**e, "word/document.xml": b"<foo/>"},
        AttributeError,
    ),
}


def _damaged(root: Path, name: str) -> tuple[Path, type[BaseException]]:
    fmt, damage, raised = DAMAGES[name]
    form = issue(root, fmt)
    return _rezip(root.parent / f"KP2MI-{name}.{fmt}", damage(_entries(form))), raised


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_a_damaged_form_is_refused_by_name(root: Path, name: str) -> None:
    path, raised = _damaged(root, name)
    with pytest.raises(InputFileError) as caught:
        read_form(path)
    assert DAMAGED in caught.value.message
    assert path.name in str(caught.value)
    # what the library raised: an error type of its own choosing, not one of cmwreport's
    assert isinstance(caught.value.__cause__, raised)


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_importing_a_damaged_form_says_so_and_writes_nothing(
    root: Path, name: str, cli: Any
) -> None:
    path, _ = _damaged(root, name)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert DAMAGED in result.stderr
    assert path.name in result.stderr
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
