"""Security: sandboxed templates, bounded imports, no network, writes only where expected.

* A coordinator's template runs in Jinja's sandbox: it cannot reach ``os``, files, the
  interpreter's internals (``__class__``, ``__globals__``) or run huge loops; each attempt
  fails with a clear message (exit 1, no traceback) and the previous report stays.
* ``import`` refuses zip bombs, containers with too many parts, XML with entity
  declarations (external entities) and oversized files, quickly and with a clear message.
* No command touches the network.
* Every command writes only under the workspace's ``build/`` or the path the user named
  (``scaffold`` and ``import`` write the body's own answers file: that is their job), and
  every file is written through a rename (atomically).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import socket
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from conftest import write_workspace

TODAY = dt.date.today().isoformat()
DEFAULT_DOCX = "build/CMW-C-TST-2-en.docx"


def _calm(result: Any) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


# ------------------------------------------------------------------ Jinja sandbox


def _with_template(root: Path, body: str, name: str = "en/reply_heading.j2") -> Path:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_a_workspace_template_is_really_used(cli: Any, ws_root: Path) -> None:
    """The hostile templates below are rendered, not ignored: a benign one shows up."""
    _with_template(ws_root, "Jawaban atas paragraf {{ number }}")
    result = cli("render", "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 0, result.stderr
    text = _docx_text(ws_root / DEFAULT_DOCX)
    assert "Jawaban atas paragraf 1" in text
    assert "Reply to paragraph 1" not in text


HOSTILE = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ number.__class__.__base__.__subclasses__() }}",
    "{{ os.system('touch {marker}') }}",
    "{{ open('{secret}').read() }}",
    "{{ cycler.__init__.__globals__.os.system('touch {marker}') }}",
    "{{ joiner.__init__.__globals__['os'].popen('touch {marker}').read() }}",
    "{{ namespace.__init__.__globals__.os.system('touch {marker}') }}",
    "{{ lipsum.__globals__['os'].system('touch {marker}') }}",
    "{{ self._TemplateReference__context }}",
    "{{ '{0.__class__}'.format(number) }}",
    "{{ range.__self__ }}",
    "{% for i in range(10**6) %}x{% endfor %}",
    "{% include '../../../../../../../../{secret}' %}",
    "{% import '{secret}' as s %}",
]

_UNSAFE = "access to attribute '{}' of '{}' object is unsafe"
_LOOP_STOPPED = (
    "Range too big. The sandbox blocks ranges larger than MAX_RANGE",  # Jinja's own bound
    "the template was stopped after 500,000 steps",  # cmwreport's budget, behind it
)
STOPPED_BY: dict[str, tuple[str, ...]] = {
    HOSTILE[0]: (_UNSAFE.format("__class__", "str"),),
    HOSTILE[1]: (_UNSAFE.format("__class__", "int"),),
    HOSTILE[2]: ("'os' is undefined",),
    HOSTILE[3]: ("'open' is undefined",),
    HOSTILE[4]: (_UNSAFE.format("__init__", "type"),),
    HOSTILE[5]: (_UNSAFE.format("__init__", "type"),),
    HOSTILE[6]: (_UNSAFE.format("__init__", "type"),),
    HOSTILE[7]: ("'lipsum' is undefined",),
    HOSTILE[8]: (_UNSAFE.format("_TemplateReference__context", "TemplateReference"),),
    HOSTILE[9]: (_UNSAFE.format("__class__", "int"),),
    HOSTILE[10]: ("has no attribute '__self__'",),
    HOSTILE[11]: _LOOP_STOPPED,
    HOSTILE[12]: ("reply_heading.j2:1: ../../../../../../../../{secret}",),
    HOSTILE[13]: ("'{secret}' not found in search paths",),
}
"""What stops each hostile template: the sandbox's refusal or the budget's, never the clock."""


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_template_fails_clearly_and_keeps_the_previous_report(
    cli: Any, ws_root: Path, body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cmwreport import templating

    first = cli("render", "--root", str(ws_root))
    assert first.exit_code == 0, first.stderr
    target = ws_root / DEFAULT_DOCX
    before = target.read_bytes()
    marker = ws_root.parent / "pwned"
    secret = ws_root.parent / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    _with_template(ws_root, body.replace("{marker}", str(marker)).replace("{secret}", str(secret)))
    # The clock is out of play: what stops the template is the sandbox or the budget of
    # steps, and the work the template did is bounded by that budget.
    monkeypatch.setattr(templating, "MAX_TEMPLATE_SECONDS", 10.0**9)
    most_steps = 0
    spend = templating._Budget.spend

    def counted(budget: Any, steps: int = 1) -> None:
        nonlocal most_steps
        most_steps = max(most_steps, budget.steps + steps)
        spend(budget, steps)

    monkeypatch.setattr(templating._Budget, "spend", counted)
    result = cli("render", "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    assert result.stderr.startswith("cmwreport: ")
    # the message names the template at fault (or the file it tried to include)
    assert "reply_heading.j2" in result.stderr or "secret.txt" in result.stderr
    stopped_by = [s.replace("{secret}", str(secret)) for s in STOPPED_BY[body]]
    assert any(s in result.stderr for s in stopped_by), result.stderr
    assert most_steps <= templating.MAX_TEMPLATE_STEPS + 1
    assert "TOP-SECRET-CONTENT" not in result.stdout + result.stderr
    assert not marker.exists()
    assert target.read_bytes() == before
    assert "Reply to paragraph 1" in _docx_text(target)


def test_template_syntax_error_names_file_and_line(cli: Any, ws_root: Path) -> None:
    _with_template(ws_root, "Reply to\nparagraph {{ number ")
    result = cli("render", "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    assert "reply_heading.j2:2" in result.stderr


# ----------------------------------------------------------------- import bounds


def _form(cli: Any, root: Path, fmt: str = "xlsx") -> Path:
    out = root / "build" / f"form.{fmt}"
    result = cli("form", "KP2MI", "--format", fmt, "--root", str(root), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def _fill_xlsx(path: Path, text: str) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    meta = json.loads(wb["_cmwreport"]["A2"].value)
    layout = meta["layout"]
    sheet = wb.worksheets[0]
    row = layout["first_row"]
    assert sheet.cell(row, layout["columns"]["question"]).value == "1(a)"
    sheet.cell(row, layout["columns"]["en"]).value = text
    wb.save(path)


def _rezip(path: Path, change: dict[str, bytes], extra: dict[str, bytes] | None = None) -> None:
    """Rewrite the zip at *path* with some members replaced and others added."""
    with zipfile.ZipFile(path) as src:
        members = [(i, src.read(i.filename)) for i in src.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in members:
            dst.writestr(info, change.get(info.filename, data))
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _answers_bytes(root: Path) -> bytes:
    return (root / "answers" / "KP2MI.yaml").read_bytes()


def test_a_filled_form_is_imported(cli: Any, ws_root: Path) -> None:
    """The refusals below are about the file, not a broken import: a clean form goes in."""
    form = _form(cli, ws_root)
    _fill_xlsx(form, "The new law entered into force in 2024.")
    result = cli("import", str(form), "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "The new law entered into force in 2024." in _answers_bytes(ws_root).decode()


def _inflation_counter(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[int]]:
    """Count what is read out of any zip from now on: the members opened, bytes inflated.

    Every read of a member goes through :meth:`zipfile.ZipExtFile.read` or ``read1``
    (``readinto``, ``peek`` and ``readline`` call ``read``), so their results add up to at
    least every byte decompressed.
    """
    opened: list[str] = []
    inflated = [0]
    open_member = zipfile.ZipFile.open
    read = zipfile.ZipExtFile.read
    read1 = zipfile.ZipExtFile.read1

    def counted_open(archive: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else str(name))
        return open_member(archive, name, *args, **kwargs)

    def counted_read(handle: zipfile.ZipExtFile, n: int = -1) -> bytes:
        data = read(handle, n)
        inflated[0] += len(data)
        return data

    def counted_read1(handle: zipfile.ZipExtFile, n: int = -1) -> bytes:
        data = read1(handle, n)
        inflated[0] += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipFile, "open", counted_open)
    monkeypatch.setattr(zipfile.ZipExtFile, "read", counted_read)
    monkeypatch.setattr(zipfile.ZipExtFile, "read1", counted_read1)
    return opened, inflated


BOMB_SIZE = 150 * 1024 * 1024


@pytest.mark.parametrize(
    "member",
    [
        "xl/media/bomb.bin",
        "customXml/bomb.xml",  # an XML part: the safety check would read it through
    ],
)
def test_zip_bomb_is_refused_unopened(
    cli: Any, ws_root: Path, monkeypatch: pytest.MonkeyPatch, member: str
) -> None:
    form = _form(cli, ws_root)
    _fill_xlsx(form, "Text that must not arrive.")
    if member.endswith(".xml"):
        _rezip(form, {}, {member: b"<a>" + b" " * BOMB_SIZE + b"</a>"})
    else:
        _rezip(form, {}, {member: b"\0" * BOMB_SIZE})
    assert form.stat().st_size < 2 * 1024 * 1024
    before = _answers_bytes(ws_root)
    opened, inflated = _inflation_counter(monkeypatch)
    result = cli("import", str(form), "--root", str(ws_root))
    # refused from the sizes the zip declares: the bomb is never opened, and next to
    # nothing is decompressed (less than one chunk of the XML scan, 1 MiB)
    assert member not in opened
    assert inflated[0] < 1024 * 1024
    _calm(result)
    assert result.exit_code == 1
    assert "not opened" in result.stderr
    assert _answers_bytes(ws_root) == before


def test_high_ratio_entry_below_the_total_limit_is_refused(cli: Any, ws_root: Path) -> None:
    form = _form(cli, ws_root)
    _rezip(form, {}, {"xl/media/zeros.bin": b"\0" * (20 * 1024 * 1024)})
    result = cli("import", str(form), "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    assert "not opened" in result.stderr


def test_container_with_too_many_parts_is_refused(cli: Any, ws_root: Path) -> None:
    form = _form(cli, ws_root)
    _rezip(form, {}, {f"customXml/item{i}.bin": b"x" for i in range(1500)})
    result = cli("import", str(form), "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    assert "1" in result.stderr and "not opened" in result.stderr


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_external_entity_is_refused_and_never_read(cli: Any, ws_root: Path, fmt: str) -> None:
    secret = ws_root.parent / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    form = _form(cli, ws_root, fmt)
    member = "xl/worksheets/sheet1.xml" if fmt == "xlsx" else "word/document.xml"
    with zipfile.ZipFile(form) as archive:
        xml = archive.read(member)
    if xml.startswith(b"<?xml"):
        xml = xml.split(b"?>", 1)[1].lstrip()
    root_tag = xml[1 : xml.index(b" ")].decode()
    declaration = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<!DOCTYPE {root_tag} [<!ENTITY leak SYSTEM "file://{secret}">]>'
    ).encode()
    xml = declaration + xml
    _rezip(form, {member: xml})
    before = _answers_bytes(ws_root)
    result = cli("import", str(form), "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    assert "DOCTYPE" in result.stderr
    assert "TOP-SECRET-CONTENT" not in result.stdout + result.stderr
    assert _answers_bytes(ws_root) == before


@pytest.mark.parametrize(
    "content", [b"", b"not a zip at all", b"PK\x03\x04" + b"\0" * 100, b"\x89PNG\r\n\x1a\n"]
)
def test_not_an_office_file(cli: Any, ws_root: Path, content: bytes) -> None:
    path = ws_root / "build" / "form.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    result = cli("import", str(path), "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    assert result.stderr.startswith("cmwreport: ")


def test_oversized_form_is_refused_unread(
    cli: Any, ws_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cmwreport.forms import safety

    form = _form(cli, ws_root)
    _fill_xlsx(form, "Text that must not arrive.")
    before = _answers_bytes(ws_root)
    monkeypatch.setattr(safety, "MAX_FORM_BYTES", form.stat().st_size - 1)
    result = cli("import", str(form), "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    assert result.stderr.startswith("cmwreport: ") and form.name in result.stderr
    assert _answers_bytes(ws_root) == before


def _stretch_sheet(form: Path, rows: int) -> None:
    """Add *rows* filled rows to the form's sheet, written straight into its XML (fast)."""
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(form) as archive:
        xml = archive.read(member).decode("utf-8")
    extra = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{r}</t></is></c>'
        f'<c r="E{r}" t="inlineStr"><is><t>filler text {r}</t></is></c></row>'
        for r in range(1000, 1000 + rows)
    )
    _rezip(form, {member: xml.replace("</sheetData>", extra + "</sheetData>").encode("utf-8")})


def _rows_parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the rows openpyxl parses out of each sheet it streams, one count a sheet.

    Every row a read-only sheet gives comes from its parser's ``parse`` (the one of the
    rich-text parser of :mod:`cmwreport.forms.xlsx` included: it inherits it).
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    counts: list[int] = []
    parse = WorkSheetParser.parse

    def counted(parser: Any) -> Iterator[Any]:
        counts.append(0)
        index = len(counts) - 1
        for row in parse(parser):
            counts[index] += 1
            yield row

    monkeypatch.setattr(WorkSheetParser, "parse", counted)
    return counts


def _rows_in_file(form: Path) -> int:
    """The rows written in all the sheets of the workbook *form*."""
    with zipfile.ZipFile(form) as archive:
        return sum(
            archive.read(name).count(b"<row ")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        )


def test_huge_sheet_never_reaches_the_answers(
    cli: Any, ws_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = _form(cli, ws_root)
    _fill_xlsx(form, "Text typed in the right place.")
    _stretch_sheet(form, 5_000)
    rows = _rows_parsed(monkeypatch)
    result = cli("import", str(form), "--root", str(ws_root))
    _calm(result)
    # each sheet is streamed once, each row parsed once: the work grows with the rows
    # written, no more; and the 5,000 rows skipped are told in one line, not 5,000
    assert len(rows) == 2
    assert sum(rows) == _rows_in_file(form) > 5_000
    assert "5,000 rows skipped" in result.stdout
    assert len((result.stdout + result.stderr).splitlines()) < 50
    answers = _answers_bytes(ws_root).decode()
    assert "filler text" not in answers
    assert "Text typed in the right place." in answers


def test_huge_sheet_is_refused_with_one_clear_message(
    cli: Any, ws_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cmwreport.forms.xlsx import MAX_FORM_ROWS

    form = _form(cli, ws_root)
    _stretch_sheet(form, 20_000)
    before = _answers_bytes(ws_root)
    rows = _rows_parsed(monkeypatch)
    result = cli("import", str(form), "--root", str(ws_root))
    # reading stops at the row past the limit: the 10,000 rows beyond it are never parsed
    assert _rows_in_file(form) > 2 * MAX_FORM_ROWS
    assert rows and max(rows) <= MAX_FORM_ROWS + 1
    _calm(result)
    assert result.exit_code == 1
    assert len((result.stdout + result.stderr).splitlines()) < 50
    assert "more than 10,000 rows" in result.stderr and form.name in result.stderr
    assert _answers_bytes(ws_root) == before


def test_huge_sheet_refusal_in_indonesian(cli: Any, ws_root: Path) -> None:
    form = _form(cli, ws_root)
    _stretch_sheet(form, 20_000)
    result = cli("import", str(form), "--root", str(ws_root), "--ui-lang", "id")
    _calm(result)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "lebih dari 10.000 baris" in result.stderr


def test_declared_sheet_size_alone_is_enough_to_refuse(cli: Any, ws_root: Path) -> None:
    """A sheet declaring a million rows is refused before a single row is read."""
    form = _form(cli, ws_root)
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(form) as archive:
        xml = archive.read(member).decode("utf-8")
    xml = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:F1048576"', xml, count=1)
    assert 'ref="A1:F1048576"' in xml
    _rezip(form, {member: xml.encode("utf-8")})
    result = cli("import", str(form), "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    assert "more than 10,000 rows" in result.stderr


def test_skipped_rows_are_summarised_in_one_line(cli: Any, ws_root: Path) -> None:
    form = _form(cli, ws_root)
    _fill_xlsx(form, "Text typed in the right place.")
    _stretch_sheet(form, 3_000)
    result = cli("import", str(form), "--root", str(ws_root))
    _calm(result)
    assert result.exit_code == 1
    skipped = [line for line in result.stdout.splitlines() if "skipped" in line]
    assert skipped[0] == (
        "rows 1000–3999: question number not on the form as issued; 3,000 rows skipped"
    )
    assert "3000 skipped" in skipped[1]  # the summary line counts every skipped row
    assert len(result.stdout.splitlines()) < 10


# ---------------------------------------------------------------------- no network


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every way out to the network fail loudly and record the attempts."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def blocked(*args: object, **kwargs: object) -> Any:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network access attempted: {name}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urlopen"))
    return attempts


def _every_command(root: Path, outside: Path, form: Path) -> list[list[str]]:
    """One invocation of every command and output format, on the workspace *root*."""
    r = ["--root", str(root)]
    runs = [["check", *r], ["check", "--format", "json", *r], ["check", "--strict", *r]]
    for fmt in ("table", "markdown", "csv", "json", "html"):
        runs.append(["coverage", "--format", fmt, *r])
        runs.append(["coverage", "--format", fmt, "--output", str(outside / f"cov.{fmt}"), *r])
    runs += [
        ["coverage", "--format", "xlsx", *r],
        ["coverage", "--format", "json", "--since", str(outside / "cov.json"), *r],
        ["render", *r],
        ["render", "--final", "--allow-gaps", "--output", str(outside / "final.docx"), *r],
        ["render", "--lang", "id", *r],
        ["form", "KP2MI", *r],
        ["form", "KEMNAKER", "--format", "docx", "--output", str(outside / "form.docx"), *r],
        ["schema", *r],
        ["schema", "--output", str(outside / "schemas"), *r],
        ["scaffold", "KEMNAKER", *r],
        ["import", str(form), *r],
        ["init", str(outside / "new-workspace"), *r],
    ]
    return runs


def _prepare(cli: Any, tmp_path: Path) -> tuple[Path, Path, Path]:
    root = write_workspace(tmp_path / "ws")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    form = outside / "filled.xlsx"
    result = cli("form", "KP2MI", "--root", str(root), "--output", str(form))
    assert result.exit_code == 0, result.stderr
    _fill_xlsx(form, "Filled in by the ministry.")
    return root, outside, form


def test_no_command_touches_the_network(cli: Any, tmp_path: Path, no_network: list[str]) -> None:
    root, outside, form = _prepare(cli, tmp_path)
    for args in _every_command(root, outside, form):
        result = cli(*args)
        _calm(result)
        assert result.exit_code in (0, 1), (args, result.stdout, result.stderr)
        assert "network access attempted" not in result.stdout + result.stderr, args
    assert no_network == []


def test_help_of_every_command_touches_no_network(cli: Any, no_network: list[str]) -> None:
    for command in ("check", "coverage", "render", "form", "import", "scaffold", "schema",
                    "init"):  # fmt: skip
        result = cli(command, "--help")
        assert result.exit_code == 0, command
    assert no_network == []


# ------------------------------------------------------- where and how files are written


def _tree(*folders: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def replaced(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every file put in place by a rename (``os.replace``)."""
    done: list[str] = []
    real = os.replace

    def recording(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        real(src, dst, *args, **kwargs)
        done.append(str(Path(dst)))

    monkeypatch.setattr(os, "replace", recording)
    yield done


def _allowed(args: list[str], root: Path, outside: Path) -> list[Path]:
    """Where the command *args* may write: build/, the path named, its own answers file."""
    allowed = [root / "build"]
    for option in ("--output",):
        if option in args:
            allowed.append(Path(args[args.index(option) + 1]))
    command = args[0]
    if command == "scaffold":
        # scaffold appends skeletons to the body's file, and writes nothing else
        allowed.append(root / "answers" / f"{args[1]}.yaml")
    if command == "import":
        allowed.append(root / "answers" / "KP2MI.yaml")
    if command == "init":
        allowed.append(Path(args[1]))
    return allowed


def test_every_write_is_atomic_and_where_the_user_expects(
    cli: Any, tmp_path: Path, replaced: list[str]
) -> None:
    root, outside, form = _prepare(cli, tmp_path)
    for args in _every_command(root, outside, form):
        before = _tree(tmp_path)
        replaced.clear()
        result = cli(*args)
        _calm(result)
        after = _tree(tmp_path)
        changed = sorted(p for p in after if before.get(p) != after[p])
        removed = sorted(p for p in before if p not in after)
        assert removed == [], (args, removed)
        allowed = _allowed(args, root, outside)
        for path in changed:
            assert any(Path(path).is_relative_to(a) for a in allowed), (args, path)
            assert path in replaced, f"{args}: {path} was not written through a rename"
            assert not Path(path).name.endswith(".tmp"), (args, path)
    # nothing half-written is left behind anywhere
    assert [p for p in _tree(tmp_path) if p.endswith(".tmp")] == []


def test_read_only_commands_write_nothing(cli: Any, tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws")
    before = _tree(tmp_path)
    for args in (["check"], ["check", "--format", "json"], ["coverage"],
                 ["coverage", "--format", "json"], ["schema"]):  # fmt: skip
        result = cli(*args, "--root", str(root))
        _calm(result)
    assert _tree(tmp_path) == before
    assert not (root / "build").exists()
