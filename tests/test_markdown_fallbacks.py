"""Markdown the report cannot show as such is shown as typed, never dropped, and ``check``
says so (``unsupported-markdown``) at the line where it was written.

Each test starts from an answers file as a desk officer writes it (raw YAML, text under
``|``), runs ``check`` and ``render``, and reads the DOCX back.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmwreport import report as report_module
from cmwreport.checks import check_workspace
from cmwreport.markdown import Fallback, fallbacks, may_fall_back, parse
from cmwreport.render.docx import render_docx
from cmwreport.report import build_report
from cmwreport.templating import templates_for
from cmwreport.workspace import load_workspace
from conftest import answers_with_text, write_workspace

ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}
FIRST_TEXT_LINE = 7
"""The line of the answers file on which the text below starts (see :func:`_answers`)."""


_answers = answers_with_text


def _workspace(tmp_path: Path, text: str) -> Path:
    return write_workspace(tmp_path / "ws", answers={"KEMNAKER": _answers(text)})


def _docx_text(data: bytes) -> str:
    """Every text of a DOCX: body paragraphs, table cells and footnotes."""
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/footnotes.xml" in package.namelist():
            xml = package.read("word/footnotes.xml").decode()
            parts.extend(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    return "\n".join(parts)


def _check(cli: Any, root: Path, *args: str) -> list[str]:
    result = cli("check", "--root", str(root), *args, env=ENV)
    assert "internal error" not in result.output
    return [line for line in result.stdout.splitlines() if "unsupported-markdown" in line]


def _render(cli: Any, root: Path) -> tuple[str, list[tuple[str, str]]]:
    result = cli("render", "--root", str(root), "--output", str(root / "out.docx"), env=ENV)
    assert result.exit_code == 0, result.output
    data = (root / "out.docx").read_bytes()
    doc = Document(io.BytesIO(data))
    styled = [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]
    return _docx_text(data), styled


# ------------------------------------------------------------------ each construct


def test_link_reference_definitions_are_shown_and_reported(cli: Any, tmp_path: Path) -> None:
    root = _workspace(
        tmp_path,
        "Placements rose in 2024 [1].\n\n"
        "[1]: https://bps.go.id/statistics/placements\n"
        '[2]: https://bps.go.id/statistics/returns "BPS returns"\n',
    )
    warnings = _check(cli, root)
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"answers/KEMNAKER.yaml:{FIRST_TEXT_LINE + 2}: warning[unsupported-markdown] "
        'the answer to "2" has a line like "[1]: https://…" (and 1 more place in this text)'
    )
    text, styled = _render(cli, root)
    assert "[1]: https://bps.go.id/statistics/placements" in text
    assert '[2]: https://bps.go.id/statistics/returns "BPS returns"' in text
    assert any(t.endswith("Placements rose in 2024 [1].") for _, t in styled)


def test_list_nested_ten_deep_keeps_its_deepest_item_and_the_paragraph_after(
    cli: Any, tmp_path: Path
) -> None:
    lines = [("  " * depth) + f"- level{depth}" for depth in range(10)]
    root = _workspace(tmp_path, "\n".join(lines) + "\n\nThe paragraph after the list.\n")
    warnings = _check(cli, root)
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"answers/KEMNAKER.yaml:{FIRST_TEXT_LINE + 3}: warning[unsupported-markdown] "
        'a list in the answer to "2" has more than three levels (and 6 more places'
    )
    text, styled = _render(cli, root)
    for depth in range(10):
        assert f"level{depth}" in text
    assert any(t.endswith("The paragraph after the list.") for _, t in styled)
    entries = [(s, t) for s, t in styled if "level" in t]
    assert entries[1] == ("Report List 2", "(i)\tlevel1")
    assert entries[2] == ("Report List 3", "(a)\tlevel2")
    # deeper items: at the third level, with the marker typed
    assert entries[3] == ("Report List 3", "-\tlevel3")
    assert entries[9] == ("Report List 3", "-\tlevel9")


def test_quotes_nested_21_deep_keep_their_text(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path, "Intro.\n\n" + ">" * 21 + " Quoted words.\n\nAfter.\n")
    warnings = _check(cli, root)
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"answers/KEMNAKER.yaml:{FIRST_TEXT_LINE + 2}: warning[unsupported-markdown] "
        'quotes or lists in the answer to "2" are nested deeper'
    )
    text, _ = _render(cli, root)
    assert "> Quoted words." in text
    assert "After." in text


def test_raw_html_and_images_are_shown_as_typed(cli: Any, tmp_path: Path) -> None:
    root = _workspace(
        tmp_path,
        "Coverage rose.\n\nSee <b>the chart</b>:\n![Coverage by province](chart.png)\n",
    )
    warnings = _check(cli, root)
    assert [w.split(" the answer")[0] for w in warnings] == [
        f"answers/KEMNAKER.yaml:{FIRST_TEXT_LINE + 2}: warning[unsupported-markdown]",
        f"answers/KEMNAKER.yaml:{FIRST_TEXT_LINE + 3}: warning[unsupported-markdown]",
    ]
    assert "HTML tags" in warnings[0] and "image" in warnings[1]
    text, _ = _render(cli, root)
    assert "See <b>the chart</b>: ![Coverage by province](chart.png)" in text


def test_footnote_never_referred_to_or_defined_twice(cli: Any, tmp_path: Path) -> None:
    root = _workspace(
        tmp_path,
        "Claim one.[^a]\n\n"
        "[^a]: First version of the note.\n"
        "[^a]: Second version of the note.\n"
        "[^b]: A note nobody refers to.\n",
    )
    warnings = _check(cli, root)
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"answers/KEMNAKER.yaml:{FIRST_TEXT_LINE + 2}: warning[unsupported-markdown] "
        'the answer to "2" defines a footnote ("[^…]: …") that the text never refers to, '
        "or defines it twice (and 1 more place in this text)"
    )
    text, _ = _render(cli, root)
    assert "[^a]: First version of the note." in text
    assert "Second version of the note." in text  # the footnote itself
    assert "[^b]: A note nobody refers to." in text


def test_table_row_with_more_cells_than_its_heading(cli: Any, tmp_path: Path) -> None:
    root = _workspace(
        tmp_path,
        "| Year | Men |\n|---|---|\n| 2023 | 100 |\n| 2024 | 110 | 220 |\n",
    )
    warnings = _check(cli, root)
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"answers/KEMNAKER.yaml:{FIRST_TEXT_LINE + 3}: warning[unsupported-markdown] "
        'a row of the table in the answer to "2" has more cells than its heading'
    )
    text, _ = _render(cli, root)
    assert "| 2024 | 110 | 220 |" in text


def test_numbers_of_a_list_not_starting_at_1_and_link_titles_are_kept(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(
        tmp_path,
        "2024. The programme was launched.\n"
        "2025. It was extended.\n\n"
        'Data: [BPS](https://bps.go.id/x "Statistics Indonesia").\n',
    )
    assert _check(cli, root) == []
    text, styled = _render(cli, root)
    assert any(t.endswith("\t2024. The programme was launched.") for _, t in styled)
    assert ("Report List", "2025.\tIt was extended.") in styled
    assert "Data: BPS (Statistics Indonesia)." in text


def test_messages_in_indonesian(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path, "Sumber:\n\n[1]: https://bps.go.id/x\n")
    (warning,) = _check(cli, root, "--ui-lang", "id")
    assert 'jawaban atas "2" memuat baris seperti "[1]: https://…"' in warning


def test_json_output_carries_the_code(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path, "Text with <i>html</i>.\n")
    result = cli("check", "--root", str(root), "--format", "json", env=ENV)
    problems = json.loads(result.stdout)["problems"]
    found = [p for p in problems if p["code"] == "unsupported-markdown"]
    assert found == [
        {
            "file": "answers/KEMNAKER.yaml",
            "line": FIRST_TEXT_LINE,
            "severity": "warning",
            "code": "unsupported-markdown",
            "message": found[0]["message"],
        }
    ]


def test_only_what_the_report_cannot_show_is_reported(cli: Any, tmp_path: Path) -> None:
    root = _workspace(
        tmp_path,
        "The **Law** and *the* [regulation](https://example.org/x) apply.[^1]\n\n"
        "- one\n  - inner\n    - innermost\n- two\n\n"
        "| Year | Men |\n|---|---|\n| 2023 | 100 |\n\n"
        "> A quotation.\n\n"
        "Coverage 1 < 2 and `<code>` stay as they are; this <u>tag</u> does not.\n\n"
        "[^1]: Law No. 18 of 2017.\n",
    )
    (warning,) = _check(cli, root)
    assert warning.startswith(
        f"answers/KEMNAKER.yaml:{FIRST_TEXT_LINE + 13}: warning[unsupported-markdown] "
        'the answer to "2" holds HTML tags;'
    )


def test_line_of_a_text_that_is_not_a_block(cli: Any, tmp_path: Path) -> None:
    answers = (
        "ministry: KEMNAKER\n"
        "answers:\n"
        '  - question: "2"\n'
        "    status: draft\n"
        '    text: "See <b>this</b>."\n'
    )
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": answers})
    (warning,) = _check(cli, root)
    assert warning.startswith("answers/KEMNAKER.yaml:5: warning[unsupported-markdown]")


def test_check_imports_markdown_it_only_for_texts_that_need_it(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cmwreport.checks import check_workspace\n"
        "from cmwreport.workspace import load_workspace\n"
        "check_workspace(load_workspace(Path(sys.argv[1])))\n"
        "print('MD=' + str('markdown_it' in sys.modules))\n"
    )
    plain = _workspace(tmp_path / "a", "Plain **text** with a note.[^1]\n\n[^1]: The note.\n")
    html = _workspace(tmp_path / "b", "Text with <b>html</b>.\n")
    outputs = [
        subprocess.run(
            [sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=120
        ).stdout
        for root in (plain, html)
    ]
    assert outputs == ["MD=False\n", "MD=True\n"]


# ------------------------------------------------------------- random Markdown


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=9)
INLINE = st.sampled_from(
    [
        "*", "**", "_", "__", "`", "``", "[", "]", "](https://example.org/x)", "![", "!",
        "[^1]", "[^2]", "^[", "<b>", "</b>", "<br/>", "<!--", "-->", "|", "\\", "&amp;",
        "[1]", "]:", ">", "<", "#", "~~~",
    ]
)  # fmt: skip
PREFIX = st.sampled_from(
    [
        "", "", "", "- ", "* ", "1. ", "2) ", "  - ", "    - ", "      - ", "        - ",
        "          - ", "> ", ">> ", "> - ", ">" * 12 + " ", ">" * 22 + " ", "- " * 6,
        "# ", "## ", "[1]: https://example.org/", "[^1]: ", "[^2]: ", "    [^1]: ",
        "| ", "|---|---|\n", "|---|\n", "    ", "\t", "```", "~~~", "• ", "◦ ", "▪ ",
        "\t• ", "\t\t◦ ", "---\n", "===\n", "<div>", "<!-- ", "2024. ", "  7) ",
    ]
)  # fmt: skip


@st.composite
def markdown_texts(draw: Any) -> tuple[str, list[str]]:
    """Random Markdown: words with syntax between them; returns the text and its words."""
    words: list[str] = []
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 10))):
        if draw(st.booleans()) and lines:
            lines.append("")
        line = draw(PREFIX)
        words.extend(number for number in ("2024", "7") if f"{number}" in line)
        previous_word = False
        for _ in range(draw(st.integers(0, 7))):
            if not draw(st.integers(0, 12)):  # a link with a title: the title is words
                label, title = draw(WORD), draw(WORD)
                words += [label, title]
                line += f' [{label}](https://example.org/x "{title}")'
                previous_word = False
            elif draw(st.integers(0, 2)):
                word = draw(WORD)
                words.append(word)
                line += (" " if previous_word else draw(st.sampled_from(["", " "]))) + word
                previous_word = True
            else:
                line += draw(st.sampled_from(["", " "])) + draw(INLINE)
                previous_word = False
        lines.append(line)
    return "\n".join(lines), words


@pytest.fixture(scope="module")
def random_ws() -> Any:
    with tempfile.TemporaryDirectory() as folder:
        yield write_workspace(Path(folder) / "ws")


def _render_bytes(root: Path) -> tuple[bytes, list[Any], list[Fallback]]:
    """Check and render the workspace; return the DOCX, the problems, what the renderer
    showed as typed (the fallbacks of every text it parsed)."""
    seen: list[Fallback] = []

    def recording(text: str) -> Any:
        parsed = parse(text)
        seen.extend(parsed.fallbacks)
        return parsed

    ws = load_workspace(root)
    problems = check_workspace(ws).problems
    with mock.patch.object(report_module, "parse", recording):
        report = build_report(ws, templates_for(root))
    data = render_docx(report, templates_for(root).reference_docx())
    return data, problems, seen


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(markdown_texts())
def test_every_word_reaches_the_docx_and_check_agrees(
    random_ws: Path, sample: tuple[str, list[str]]
) -> None:
    text, words = sample
    import yaml

    (random_ws / "answers" / "KEMNAKER.yaml").write_text(
        yaml.safe_dump(
            {
                "ministry": "KEMNAKER",
                "answers": [{"question": "2", "status": "draft", "text": {"en": text}}],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    data, problems, seen = _render_bytes(random_ws)
    assert not [p for p in problems if p.severity == "error"], problems
    rendered = _docx_text(data)
    missing = [word for word in words if word not in rendered]
    assert not missing, (missing, text)
    # check warns exactly when, and about what, the renderer showed as typed
    warned = {p.msg.key.rsplit(".", 1)[1] for p in problems if p.code == "unsupported-markdown"}
    assert warned == {f.kind for f in seen}
    assert warned == {f.kind for f in fallbacks(text)}
    if not may_fall_back(text):
        assert not seen


@pytest.mark.parametrize(
    "text",
    [
        "- - - - deep on one line",
        "1. a\n   1. b\n      1. c\n         1. d",
        "> - > - > - > - quoted lists",
        "- a\n\t- b\n\t\t- c\n\t\t\t- d",
        "-\t-\t-\t- tabs after the markers",
        "Note.[^1]\n\n[^1]: One.\n[^1]: Twice.",
        "Text.[^1]\n\n[^1]: Note with a [^2] inside.\n[^2]: Only referred to by a note.",
        "Text ^[an inline note with ^[another] inside].",
    ],
)
def test_quick_look_catches_what_the_renderer_shows_as_typed(text: str) -> None:
    assert fallbacks(text)
    assert may_fall_back(text)


@settings(max_examples=150, deadline=None)
@given(markdown_texts())
def test_quick_look_never_misses_a_fallback(sample: tuple[str, list[str]]) -> None:
    text, _ = sample
    if not may_fall_back(text):
        assert fallbacks(text) == []
