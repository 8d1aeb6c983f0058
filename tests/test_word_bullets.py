"""Bullets pasted from Word (``•``, ``◦``, ``▪``, ``‣``) are list items, like ``- ``.

Word's "Keep text only" paste gives one line per paragraph, the bullet, then a tab (or a
space); a second-level item gets ``◦`` (``o`` in Word's own font) and usually a tab in
front. The answers files here are written as a desk officer pastes into Notepad.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document

from cmwreport.markdown import MdList, MdParagraph, parse, plain, word_bullets
from conftest import answers_with_text, write_workspace

ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}

PASTED = (
    "Program pelindungan meliputi:\n"
    "•\tpelatihan sebelum keberangkatan;\n"
    "•\tsertifikasi kompetensi;\n"
    "\t◦\tuji kompetensi di LSP;\n"
    "\t◦\tpenerbitan sertifikat;\n"
    "•\tpenempatan melalui SISKOP2MI.\n"
    "Paragraf berikutnya menjelaskan hasilnya.\n"
)


_answers = answers_with_text


def _rendered(cli: Any, tmp_path: Path, text: str) -> list[tuple[str, str]]:
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": _answers(text)})
    out = root / "out.docx"
    result = cli("render", "--root", str(root), "--output", str(out), env=ENV)
    assert result.exit_code == 0, result.output
    doc = Document(io.BytesIO(out.read_bytes()))
    return [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]


def test_pasted_bullets_render_as_a_real_list(cli: Any, tmp_path: Path) -> None:
    paragraphs = _rendered(cli, tmp_path, PASTED)
    start = next(i for i, (_, t) in enumerate(paragraphs) if "Program pelindungan" in t)
    assert paragraphs[start][1].endswith("Program pelindungan meliputi:")
    assert paragraphs[start + 1 : start + 6] == [
        ("Report List", "(a)\tpelatihan sebelum keberangkatan;"),
        ("Report List", "(b)\tsertifikasi kompetensi;"),
        ("Report List 2", "(i)\tuji kompetensi di LSP;"),
        ("Report List 2", "(ii)\tpenerbitan sertifikat;"),
        ("Report List", "(c)\tpenempatan melalui SISKOP2MI."),
    ]
    style, text = paragraphs[start + 6]
    assert style == "Report Paragraph"
    assert text.endswith("\tParagraf berikutnya menjelaskan hasilnya.")
    assert not any("•" in t or "◦" in t for _, t in paragraphs)
    # no warning: Word bullets are ordinary lists
    root = tmp_path / "ws"
    checked = cli("check", "--root", str(root), env=ENV)
    assert "answers/KEMNAKER.yaml" not in checked.stdout


def test_unindented_second_level_bullet_nests_under_the_first() -> None:
    parsed = parse("• one\n◦ under one\n▪ under that\n• two\n‣ three\n")
    (block,) = parsed.blocks
    assert isinstance(block, MdList)
    assert [(i.level, plain(i.runs)) for i in block.items] == [
        (0, "one"),
        (1, "under one"),
        (2, "under that"),
        (0, "two"),
        (0, "three"),
    ]


def test_space_after_bullet_and_blank_lines_between_items() -> None:
    parsed = parse("Intro.\n\n• first\n\n• second\n   ◦ nested by indentation\n")
    lists = [b for b in parsed.blocks if isinstance(b, MdList)]
    assert [(i.level, plain(i.runs)) for i in lists[0].items] == [
        (0, "first"),
        (0, "second"),
        (1, "nested by indentation"),
    ]


def test_only_a_bullet_then_a_space_outside_code_makes_an_item() -> None:
    parsed = parse("•not a bullet\n\n• an item\n\n```\n• kept as typed\n```\n")
    assert [type(b) for b in parsed.blocks] == [MdParagraph, MdList, MdParagraph]
    first, items, code = parsed.blocks
    assert isinstance(first, MdParagraph) and plain(first.runs) == "•not a bullet"
    assert isinstance(items, MdList) and [plain(i.runs) for i in items.items] == ["an item"]
    assert isinstance(code, MdParagraph) and plain(code.runs) == "• kept as typed"


def test_conversion_keeps_every_line() -> None:
    assert word_bullets("a\n• b\nc") == "a\n- b\n\nc"
    assert word_bullets("no bullets here") == "no bullets here"


def test_problem_lines_still_point_into_the_pasted_text(cli: Any, tmp_path: Path) -> None:
    text = "• one\nAfter the list.\n• two <b>bold</b>\n"
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": _answers(text)})
    result = cli("check", "--root", str(root), env=ENV)
    assert "answers/KEMNAKER.yaml:9: warning[unsupported-markdown]" in result.stdout


def test_word_bullets_four_levels_deep_are_reported(cli: Any, tmp_path: Path) -> None:
    text = "• one\n◦ two\n▪ three\n\t• four\n"
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": _answers(text)})
    result = cli("check", "--root", str(root), env=ENV)
    assert (
        "answers/KEMNAKER.yaml:10: warning[unsupported-markdown] a list in the answer to "
        '"2" has more than three levels;'
    ) in result.stdout
