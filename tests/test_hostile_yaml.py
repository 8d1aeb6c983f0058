"""Hostile and broken YAML files: the loader's limits hold, and every problem is exact.

Each test runs ``cmwreport check --format json`` on a workspace with one or more bad
files and asserts the exact ``(file, line, severity, code)`` the user is shown, that the
other files are still checked, and that nothing crashes, hangs or executes. Limits
(file size, nesting depth, alias count and alias expansion) are tested at their edges.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from cmwreport import loader
from cmwreport.loader import MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, read_yaml
from conftest import ANSWERS, write_workspace

GOOD_KP2MI = 'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n    text: Isi.\n'

Row = tuple[str, int, str, str]


def _check(cli: Any, root: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    result = cli("check", "--root", str(root), "--format", "json", *extra)
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr
    return result.exit_code, json.loads(result.stdout)


def _rows(data: dict[str, Any], file: str | None = None) -> list[Row]:
    return [
        (p["file"], p["line"], p["severity"], p["code"])
        for p in data["problems"]
        if file is None or p["file"] == file
    ]


def _message(data: dict[str, Any], file: str, line: int) -> str:
    return str(
        next(p["message"] for p in data["problems"] if p["file"] == file and p["line"] == line)
    )


def _ws(tmp_path: Path, **files: str | bytes) -> Path:
    """The small valid workspace with answer files replaced or added (by body code)."""
    answers: dict[str, Any] = dict(ANSWERS)
    answers.update(files)
    return write_workspace(tmp_path / "ws", answers=answers)


# ------------------------------------------------------------------------- file size


class _Counted:
    """An open file that adds the bytes (or characters) read through it to *total*."""

    def __init__(self, handle: Any, total: list[int]) -> None:
        self._handle = handle
        self._total = total

    def _count(self, data: Any) -> Any:
        self._total[0] += len(data)
        return data

    def read(self, *args: Any) -> Any:
        return self._count(self._handle.read(*args))

    def read1(self, *args: Any) -> Any:
        return self._count(self._handle.read1(*args))

    def readline(self, *args: Any) -> Any:
        return self._count(self._handle.readline(*args))

    def readlines(self, *args: Any) -> list[Any]:
        return [self._count(line) for line in self._handle.readlines(*args)]

    def readinto(self, buffer: Any) -> int:
        count = int(self._handle.readinto(buffer))
        self._total[0] += count
        return count

    def __iter__(self) -> Iterator[Any]:
        return (self._count(line) for line in self._handle)

    def __enter__(self) -> _Counted:
        self._handle.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.__exit__(*exc)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._handle, attribute)


def _bytes_read(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """From now on, the bytes read from files called *name*, however they are opened.

    ``open``, ``io.open`` and so :meth:`Path.open`, :meth:`Path.read_bytes` and
    :meth:`Path.read_text` all return a handle that counts what is read through it.
    """
    total = [0]
    real_open = io.open

    def counted_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, *args, **kwargs)
        if isinstance(file, str | os.PathLike) and Path(file).name == name:
            return _Counted(handle, total)
        return handle

    monkeypatch.setattr(io, "open", counted_open)
    monkeypatch.setattr(builtins, "open", counted_open)
    return total


def test_file_over_the_size_limit_is_refused_unread_and_the_others_are_checked(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = b"ministry: KEMLU\nanswers:\n" + b"# padding\n" * (MAX_FILE_BYTES // 10 + 1)
    assert len(big) > MAX_FILE_BYTES + 1
    root = _ws(tmp_path, KEMLU=big)
    read = _bytes_read(monkeypatch, "KEMLU.yaml")
    status, data = _check(cli, root)
    # refused by its size on disk: never read past the limit (today, not read at all)
    assert read[0] <= MAX_FILE_BYTES + 1
    assert status == 1
    assert _rows(data, "answers/KEMLU.yaml") == [("answers/KEMLU.yaml", 1, "error", "yaml-syntax")]
    assert str(MAX_FILE_BYTES) in _message(data, "answers/KEMLU.yaml", 1)
    # KP2MI's file is still read: its draft answer to 3 counts, so 3 is not unanswered.
    assert not any(p["message"].startswith("3 ") for p in data["problems"])
    assert ("questions/loipr.yaml", 38, "warning", "unanswered") in _rows(data)


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_size_limit_edge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: int, refused: bool
) -> None:
    content = b"a: " + b"x" * 97 + b"\n"
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", len(content) - extra)
    path = tmp_path / "f.yaml"
    path.write_bytes(content)
    found = read_yaml(path, "f.yaml")
    assert [p.msg.key for p in found.problems] == (["yaml.too_big"] if refused else [])
    assert (found.data is None) is refused


# ---------------------------------------------------------------------- nesting depth


def _nested_block(depth: int) -> str:
    """A mapping nested *depth* levels deep in block style (one key per line)."""
    lines = [f"{'  ' * level}k{level}:" for level in range(depth - 1)]
    lines.append(f"{'  ' * (depth - 1)}leaf: 1")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("style", ["block", "flow"])
def test_nesting_depth_limit_is_exact(tmp_path: Path, style: str) -> None:
    path = tmp_path / "f.yaml"
    for depth, refused in ((MAX_DEPTH, False), (MAX_DEPTH + 1, True)):
        if style == "block":
            path.write_text(_nested_block(depth), encoding="utf-8")
        else:
            path.write_text("[" * depth + "]" * depth + "\n", encoding="utf-8")
        found = read_yaml(path, "f.yaml")
        keys = [(p.line, p.code, p.msg.key) for p in found.problems]
        if not refused:
            assert keys == []
            continue
        # block style: the 65th mapping starts on line 65 (one level per line)
        line = MAX_DEPTH + 1 if style == "block" else 1
        assert keys == [(line, "yaml-syntax", "yaml.too_deep")]
        assert found.data is None


def _deep_answer(depth: int) -> str:
    head = 'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n    text: '
    return head + "[" * depth + "]" * depth + "\n"


def test_deep_nesting_in_an_answer_file_through_check(cli: Any, tmp_path: Path) -> None:
    # past cmwreport's limit, well under libyaml's own (about 1,000): our message, our limit
    status, data = _check(cli, _ws(tmp_path, KP2MI=_deep_answer(MAX_DEPTH * 8)))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 5, "error", "yaml-syntax")]
    assert str(MAX_DEPTH) in _message(data, "answers/KP2MI.yaml", 5)


def test_nesting_past_libyamls_own_limit_through_check(cli: Any, tmp_path: Path) -> None:
    # far past any parser's limit: one yaml-syntax problem at the right line, no traceback
    # (_check asserts that), whatever words the parser of the day uses
    status, data = _check(cli, _ws(tmp_path, KP2MI=_deep_answer(100_000)))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 5, "error", "yaml-syntax")]
    assert _message(data, "answers/KP2MI.yaml", 5)


# ----------------------------------------------------------------------------- aliases


def test_alias_count_limit_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    head = "a: &x lol\nlist:\n"
    path.write_text(head + "  - *x\n" * MAX_ALIASES, encoding="utf-8")
    found = read_yaml(path, "f.yaml")
    assert found.problems == []
    assert len(found.data["list"]) == MAX_ALIASES
    path.write_text(head + "  - *x\n" * (MAX_ALIASES + 1), encoding="utf-8")
    found = read_yaml(path, "f.yaml")
    # the first alias is on line 3, so the one over the limit is on line MAX_ALIASES + 3
    assert [(p.line, p.code, p.msg.key) for p in found.problems] == [
        (MAX_ALIASES + 3, "yaml-syntax", "yaml.too_many_aliases")
    ]
    assert found.data is None


@dataclass
class _Work:
    """What the loader did reading one file, counted step by step."""

    rel: str
    events: int = 0
    """Parser events taken: each builds at most one value (a scalar, a list, a mapping)."""
    last_line: int = 0
    """The line of the last event taken: where reading stopped."""
    aliases: int = 0
    """Aliases (``*name``) resolved."""
    copies: int = 0
    """Aliases resolved to anything but the anchored value itself (a copy: an expansion)."""
    nodes: int = 0
    """The loader's own count of values when reading stopped, aliases at expanded size."""
    finished: bool = False
    """Whether the whole file was read into data (not refused)."""


def _loader_work(monkeypatch: pytest.MonkeyPatch) -> list[_Work]:
    """From now on, what the loader does for each file it reads, one record a file.

    Every event comes from the parser's ``get_event`` and every alias is resolved by the
    builder's ``_alias``: counting there counts all the reading and all the alias work.
    """
    works: list[_Work] = []
    build = loader._Builder.build
    resolve = loader._Builder._alias

    parser: Any = loader._Parser  # type: ignore[attr-defined]  # libyaml's, if installed

    class CountedParser(parser):  # type: ignore[misc]
        def get_event(self) -> Any:
            event = super().get_event()
            works[-1].events += 1
            works[-1].last_line = event.start_mark.line + 1
            return event

    def counted_build(builder: Any, text: str) -> Any:
        works.append(_Work(builder.rel))
        try:
            data = build(builder, text)
        finally:
            works[-1].nodes = builder.nodes
        works[-1].finished = True
        return data

    def counted_alias(builder: Any, event: Any, line: int) -> Any:
        value = resolve(builder, event, line)
        works[-1].aliases += 1
        if value is not builder.anchors[event.anchor][0]:
            works[-1].copies += 1
        return value

    monkeypatch.setattr(loader, "_Parser", CountedParser)
    monkeypatch.setattr(loader._Builder, "build", counted_build)
    monkeypatch.setattr(loader._Builder, "_alias", counted_alias)
    return works


def _events_in(text: str) -> int:
    """The parser events in the whole of *text* (what reading it to the end takes)."""
    return sum(1 for _ in yaml.parse(text, Loader=yaml.SafeLoader))


def _refused_early(work: _Work, line: int, text: str) -> None:
    """*work* was refused at the step that crossed the node limit, on *line*, no later.

    Aliases share the anchored value (none is copied), so the values built are no more
    than the events taken; the count stopped within one step of the limit (a step adds
    at most one anchored value, itself within the limit: twice the limit at most); and
    nothing after the refusing line was read.
    """
    assert not work.finished
    assert work.aliases > 0 and work.copies == 0
    assert MAX_NODES < work.nodes <= 2 * MAX_NODES
    assert work.last_line == line
    assert work.events < _events_in(text)


def _billion_laughs() -> str:
    lines = ["ministry: KP2MI", 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*l{i - 1}"] * 9)
        lines.append(f"l{i}: &l{i} [{refs}]")
    lines.append("answers: [*l9]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_unexpanded_with_bounded_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.yaml"
    text = _billion_laughs()
    path.write_text(text, encoding="utf-8")
    works = _loader_work(monkeypatch)
    tracemalloc.start()
    try:
        found = read_yaml(path, "answers/KP2MI.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    assert found.data is None
    # l5 expands to ~590,000 values; the third alias of l6 (line 8) passes the limit
    assert [(p.line, p.code, p.msg.key) for p in found.problems] == [
        (8, "yaml-syntax", "yaml.too_many_nodes")
    ]
    assert str(MAX_NODES) in found.problems[0].message()
    assert found.problems[0].file == "answers/KP2MI.yaml"
    # a billion values written, not one built: one read of a hundred-odd events, 5 lists
    # of 9 aliases and 3 more each resolved in one step, and a stop at line 8
    [work] = works
    _refused_early(work, 8, text)
    assert work.aliases == 5 * 9 + 3
    assert work.events < 150


def test_billion_laughs_through_check_spares_the_other_files(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _ws(tmp_path, KP2MI=_billion_laughs())
    works = _loader_work(monkeypatch)
    status, data = _check(cli, root)
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 8, "error", "yaml-syntax")]
    assert str(MAX_NODES) in _message(data, "answers/KP2MI.yaml", 8)
    # KEMLU's approved answer to 1(a) is still read: 1(a) is answered
    assert not any("1(a) has no answer" in p["message"] for p in data["problems"])
    # the bomb is read once and refused at line 8 unexpanded; no later stage gets data
    # from it to walk; every other file is read to its end
    bombs = [w for w in works if w.rel == "answers/KP2MI.yaml"]
    assert len(bombs) == 1
    _refused_early(bombs[0], 8, _billion_laughs())
    others = [w for w in works if w.rel != "answers/KP2MI.yaml"]
    assert "answers/KEMLU.yaml" in {w.rel for w in others}
    assert all(w.finished and w.nodes <= 1_000 for w in others)


def test_quadratic_alias_expansion_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    width = 1000
    uses = MAX_NODES // width + 10
    assert uses < MAX_ALIASES  # refused by expansion, not by the alias count
    text = "base: &b [" + ",".join(["x"] * width) + "]\nmany:\n" + "  - *b\n" * uses
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    works = _loader_work(monkeypatch)
    found = read_yaml(path, "f.yaml")
    assert [(p.code, p.msg.key) for p in found.problems] == [("yaml-syntax", "yaml.too_many_nodes")]
    assert 3 < found.problems[0].line <= uses + 2
    # each use of the list resolved in one step, the list never copied but counted at
    # its full size (1,001 values): refused at the use that crossed the limit, no later
    [work] = works
    _refused_early(work, found.problems[0].line, text)
    assert work.aliases == found.problems[0].line - 2
    assert work.nodes == (width + 3) + work.aliases * (width + 1)
    assert work.events == (width + 8) + work.aliases


def test_unknown_alias_is_a_syntax_error(cli: Any, tmp_path: Path) -> None:
    text = GOOD_KP2MI + '  - question: "1(b)"\n    status: draft\n    text: *nowhere\n'
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 8, "error", "yaml-syntax")]
    assert "nowhere" in _message(data, "answers/KP2MI.yaml", 8)


# ------------------------------------------------------------------------ code tags


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("!!python/object/apply:os.system ['touch {marker}']", 4),
        ("!!python/object/apply:subprocess.call [['touch', '{marker}']]", 4),
        ("!!python/object/new:os.system ['touch {marker}']", 4),
        ("!!python/name:os.system", 4),
        ("!!python/module:os", 4),
        ("!!python/object:builtins.dict {{a: 1}}", 4),
        ("!!python/tuple [1, 2]", 4),
        ("!include /etc/passwd", 4),
        ("!!binary aGVsbG8=", 4),
    ],
)
def test_code_tags_are_refused_and_nothing_runs(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, line: int
) -> None:
    marker = tmp_path / "pwned"

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML reader started a process")

    monkeypatch.setattr(os, "system", forbidden)
    monkeypatch.setattr(subprocess, "call", forbidden)
    monkeypatch.setattr(subprocess, "Popen", forbidden)
    text = (
        'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: '
        + value.format(marker=marker)
        + "\n    text: Isi.\n"
    )
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", line, "error", "yaml-syntax")
    ]
    assert "nothing was executed" in _message(data, "answers/KP2MI.yaml", line)
    assert not marker.exists()


def test_code_tag_message_in_indonesian(cli: Any, tmp_path: Path) -> None:
    text = "ministry: !!python/name:os.system\nanswers: []\n"
    root = _ws(tmp_path, KP2MI=text)
    result = cli("check", "--root", str(root), "--ui-lang", "id")
    line = next(x for x in result.stdout.splitlines() if x.startswith("answers/KP2MI.yaml"))
    assert line.startswith("answers/KP2MI.yaml:1: error[yaml-syntax] ")
    assert "tidak ada yang dijalankan" in line


# -------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("content", "line", "byte"),
    [
        # Latin-1 (old Windows "ANSI" save) with an é on line 5
        (
            'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n'
            "    text: caf\xe9\n".encode("latin-1"),
            5,
            "E9",
        ),
        # Windows-1252 curly quotes pasted from Word, on line 5
        (
            'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n'
            "    text: \u201cPemerintah\u201d\n".encode("cp1252"),
            5,
            "93",
        ),
        # UTF-16 with its byte-order mark (Notepad "Unicode")
        (GOOD_KP2MI.encode("utf-16"), 1, "FF"),
    ],
)
def test_non_utf8_files_name_the_line_and_byte(
    cli: Any, tmp_path: Path, content: bytes, line: int, byte: str
) -> None:
    status, data = _check(cli, _ws(tmp_path, KP2MI=content))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", line, "error", "yaml-syntax")
    ]
    message = _message(data, "answers/KP2MI.yaml", line)
    assert f"0x{byte}" in message and "UTF-8" in message


def test_bom_and_crlf_keep_exact_lines(cli: Any, tmp_path: Path) -> None:
    text = 'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: finished\n    text: Isi.\n'
    content = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    status, data = _check(cli, _ws(tmp_path, KP2MI=content))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", 4, "error", "invalid-record")
    ]
    assert "finished" in _message(data, "answers/KP2MI.yaml", 4)


def test_old_mac_line_endings_still_count_lines(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\rb: 2\rc: d: e\r")
    found = read_yaml(path, "f.yaml")
    assert [(p.line, p.code) for p in found.problems] == [(3, "yaml-syntax")]


# ------------------------------------------------------------------- syntax slips


def test_tab_indentation_names_the_tab_line(cli: Any, tmp_path: Path) -> None:
    text = 'ministry: KP2MI\nanswers:\n  - question: "3"\n\tstatus: draft\n'
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 4, "error", "yaml-syntax")]
    assert "tab" in _message(data, "answers/KP2MI.yaml", 4)


def test_unclosed_quote_names_the_line_where_it_opened(cli: Any, tmp_path: Path) -> None:
    text = GOOD_KP2MI + '  - question: "1(b)"\n    status: draft\n    text: "Pemerintah telah\n'
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 8, "error", "yaml-syntax")]
    assert "never closed" in _message(data, "answers/KP2MI.yaml", 8)


def test_backslash_in_double_quotes_is_not_called_an_unclosed_quote(
    cli: Any, tmp_path: Path
) -> None:
    text = GOOD_KP2MI + '  - question: "1(b)"\n    status: draft\n    text: "C:\\Data\\qq"\n'
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 8, "error", "yaml-syntax")]
    message = _message(data, "answers/KP2MI.yaml", 8)
    assert "never closed" not in message
    assert "escape" in message


@pytest.mark.parametrize(
    "content", ["", "\n\n   \n", "# nothing yet\n", "---\n", "~\n", "---\n...\n"]
)
def test_empty_answer_file(cli: Any, tmp_path: Path, content: str) -> None:
    status, data = _check(cli, _ws(tmp_path, KP2MI=content))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 1, "error", "yaml-syntax")]
    assert "empty" in _message(data, "answers/KP2MI.yaml", 1)


# --------------------------------------------------------------------- wrong shapes


def test_list_where_the_list_of_issues_belongs(cli: Any, tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", loipr="- 1\n- 2\n")
    status, data = _check(cli, root)
    assert status == 1
    assert _rows(data, "questions/loipr.yaml") == [
        ("questions/loipr.yaml", 1, "error", "invalid-record")
    ]
    # the answers files are still read (and named in the file count)
    result = cli("check", "--root", str(root))
    assert "in 4 files" in result.stdout.splitlines()[-1]


def test_scalar_where_ministries_belong(cli: Any, tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", ministries="ministries: KEMLU, KP2MI\n")
    status, data = _check(cli, root)
    assert status == 1
    assert ("questions/ministries.yaml", 1, "error", "invalid-record") in _rows(data)


def test_scalar_and_list_where_an_answer_record_belongs(cli: Any, tmp_path: Path) -> None:
    text = GOOD_KP2MI + "  - just a sentence\n  - [3, draft]\n"
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", 6, "error", "invalid-record"),
        ("answers/KP2MI.yaml", 7, "error", "invalid-record"),
    ]


def test_list_where_text_belongs(cli: Any, tmp_path: Path) -> None:
    text = GOOD_KP2MI + '  - question: "1(b)"\n    status: draft\n    text:\n      - one\n'
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", 8, "error", "invalid-record")
    ]


def test_duplicate_key_in_an_answer_keeps_the_first_value(cli: Any, tmp_path: Path) -> None:
    text = (
        'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n'
        "    text: Isi.\n    status: approved\n"
    )
    root = _ws(tmp_path, KP2MI=text)
    status, data = _check(cli, root)
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [("answers/KP2MI.yaml", 6, "error", "yaml-syntax")]
    assert "line 4" in _message(data, "answers/KP2MI.yaml", 6)
    result = cli("coverage", "--root", str(root), "--format", "json")
    states = {u["id"]: u["state"] for u in json.loads(result.stdout)["units"]}
    assert states["3"] == "draft"  # the second `status:` never silently wins


# ---------------------------------------------------------------------- YAML traps


def test_question_1_10_is_not_read_as_paragraph_1_1(cli: Any, tmp_path: Path) -> None:
    text = GOOD_KP2MI + "  - question: 1.10\n    status: draft\n    text: Isi.\n"
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", 6, "error", "invalid-record")
    ]
    assert '"1.10"' in _message(data, "answers/KP2MI.yaml", 6)


@pytest.mark.parametrize("word", ["no", "yes", "off", "on", "n", "y"])
def test_status_words_that_yaml_1_1_calls_booleans(cli: Any, tmp_path: Path, word: str) -> None:
    text = GOOD_KP2MI.replace("status: draft", f"status: {word}")
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", 4, "error", "invalid-record")
    ]
    message = _message(data, "answers/KP2MI.yaml", 4)
    assert f"'{word}'" in message and "draft" in message


def test_numbers_yaml_1_1_would_mangle_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a: 0x1F\nb: 0o17\nc: 1_000\nd: .inf\ne: 2025-02-30\nf: 12:30\n")
    found = read_yaml(path, "f.yaml")
    assert found.problems == []
    assert found.data == {
        "a": "0x1F",
        "b": "0o17",
        "c": "1_000",
        "d": ".inf",
        "e": "2025-02-30",
        "f": "12:30",
    }


# ---------------------------------------------------------------- pasted characters


def test_raw_control_characters_are_blanked_with_a_warning(cli: Any, tmp_path: Path) -> None:
    text = GOOD_KP2MI.replace("text: Isi.", "text: Isi\x00 dan\x0c lain.")
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 0
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", 5, "warning", "control-character")
    ]
    assert "U+0000" in _message(data, "answers/KP2MI.yaml", 5)


def test_escaped_control_characters_warn_at_the_text_line(cli: Any, tmp_path: Path) -> None:
    text = GOOD_KP2MI.replace("text: Isi.", 'text: "Isi\\x07 lain."')
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 0
    assert _rows(data, "answers/KP2MI.yaml") == [
        ("answers/KP2MI.yaml", 5, "warning", "control-character")
    ]


def test_a_10000_character_word_is_fine(cli: Any, tmp_path: Path) -> None:
    text = GOOD_KP2MI.replace("text: Isi.", "text: " + "a" * 10_000)
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 0
    assert _rows(data, "answers/KP2MI.yaml") == []


# ------------------------------------------------------------- many bad files at once


def test_every_hostile_file_is_reported_in_one_run(cli: Any, tmp_path: Path) -> None:
    files: dict[str, dict[str, Any] | str | bytes] = {
        "KEMLU": _billion_laughs().replace("KP2MI", "KEMLU"),
        "KP2MI": "ministry: !!python/object/apply:os.system ['true']\n",
        "KEMNAKER": 'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n'
        "    text: caf\xe9\n".encode("latin-1"),
        "NOBODY": 'ministry: NOBODY\nanswers:\n  - question: "2"\n    status: draft\n'
        "    text: Ada.\n",
    }
    root = write_workspace(tmp_path / "ws", answers=files)
    status, data = _check(cli, root)
    assert status == 1
    rows = _rows(data)
    assert ("answers/KEMLU.yaml", 8, "error", "yaml-syntax") in rows
    assert ("answers/KP2MI.yaml", 1, "error", "yaml-syntax") in rows
    assert ("answers/KEMNAKER.yaml", 5, "error", "yaml-syntax") in rows
    assert ("answers/NOBODY.yaml", 1, "error", "unknown-ministry") in rows
    assert data["errors"] == sum(1 for r in rows if r[2] == "error")
    for row in rows:
        assert (root / row[0]).is_file()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_answer_file_linked_to_an_endless_device_does_not_hang(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KEMNAKER.yaml").symlink_to("/dev/zero")
    proc = subprocess.run(
        [sys.executable, "-m", "cmwreport", "check", "--root", str(root), "--format", "json"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    json.loads(proc.stdout)
