"""No template or reference DOCX makes render hang or eat the memory (SPEC.md section 4)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cmwreport.templating import PACKAGED

HEADING = "templates/en/reply_heading.j2"


def _template(root: Path, text: str) -> None:
    path = root / HEADING
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # two nested loops: 10 000 000 000 rounds
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
            "Reply to paragraph {{ number }}\n",
            f"{HEADING}:1: the template was stopped after",
        ),
        (  # a macro calling itself twice: 2**40 calls
            "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}\n"
            "{{ f(40) }}Reply to paragraph {{ number }}\n",
            # steps or seconds, whichever comes first on a busy machine
            "the template was stopped after",
        ),
        (
            '{{ "x" * 10000000000 }}Reply to paragraph {{ number }}\n',
            f"{HEADING}:1: the template would write more than 5,000,000 characters",
        ),
        (
            "{{ 9 ** 999999999 }}Reply to paragraph {{ number }}\n",
            "the template would write more than 5,000,000 characters",
        ),
        (
            '{% for i in range(60000) %}{{ "x" * 1000 }}{% endfor %}{{ number }}\n',
            "the template would write more than 5,000,000 characters",
        ),
    ],
)
def test_a_runaway_template_is_stopped_with_its_name(
    ws_root: Path, cli: Any, text: str, expected: str
) -> None:
    _template(ws_root, text)
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert not (ws_root / "build").exists()


def test_a_long_but_finite_loop_is_fine(ws_root: Path, cli: Any) -> None:
    _template(
        ws_root,
        "{% set ns = namespace(n=0) %}{% for i in range(1000) %}{% set ns.n = ns.n + i %}"
        "{% endfor %}Reply to paragraph {{ number }} ({{ ns.n }})\n",
    )
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 0, result.stderr


def test_the_indonesian_message(ws_root: Path, cli: Any) -> None:
    _template(
        ws_root,
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
    )
    result = cli("render", "--ui-lang", "id", "--root", str(ws_root))
    assert "templat dihentikan setelah 500.000 langkah" in result.stderr


def _reference(root: Path, extra: dict[str, bytes], *, level: int = 9) -> Path:
    """The packaged reference DOCX re-zipped with *extra* entries, as a person might."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(PACKAGED / "reference.docx") as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        for name, data in extra.items():
            target.writestr(name, data)
    path = root / "templates" / "reference.docx"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path


def test_a_zip_bomb_reference_is_refused_before_it_is_opened(
    ws_root: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    path = _reference(ws_root, {"word/media/image1.emf": bytes(16 * 1024 * 1024)})
    assert path.stat().st_size < 600 * 1024  # a small file that unpacks to 16 MiB
    opened: list[object] = []
    monkeypatch.setattr(docx, "Document", lambda *a, **k: opened.append(a))
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 1
    assert "templates/reference.docx: the reference document would unpack to" in result.stderr
    assert "zip bomb" in result.stderr
    assert opened == []


def test_a_reference_with_too_many_parts_is_refused(ws_root: Path, cli: Any) -> None:
    _reference(ws_root, {f"customXml/extra{i}.xml": b"<a/>" for i in range(1200)})
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 1
    assert "holds 1,2" in result.stderr and "parts" in result.stderr


def test_a_reference_saved_as_something_else_is_refused(ws_root: Path, cli: Any) -> None:
    path = ws_root / "templates" / "reference.docx"
    path.parent.mkdir(parents=True)
    with zipfile.ZipFile(path, "w") as archive:  # an .xlsx renamed to .docx
        archive.writestr("xl/workbook.xml", "<workbook/>")
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 1
    assert "is not a Word document" in result.stderr


def test_a_reference_with_a_logo_is_accepted(ws_root: Path, cli: Any) -> None:
    _reference(ws_root, {"word/media/image1.png": os.urandom(3 * 1024 * 1024)})
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 0, result.stderr
