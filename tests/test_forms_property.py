"""Property: whatever formatted text a Word form holds, its words reach the Markdown in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmwreport.forms import read_form
from cmwreport.markdown import MdHeading, MdList, MdParagraph, parse, plain
from conftest import write_workspace
from officefiles import dele, fill_docx_xml, footnote_ref, ins, issue, numbered, para, run

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéABCDEFGHIJ", min_size=1, max_size=8)
PIECE = st.tuples(
    WORD,
    st.booleans(),  # bold
    st.booleans(),  # italic
    st.sampled_from(["plain", "plain", "ins", "del"]),
    st.booleans(),  # a manual line break after it
)
PARAGRAPH = st.tuples(
    st.sampled_from(["plain", "plain", "bullet", "nested", "number"]),
    st.lists(PIECE, min_size=1, max_size=5),
    st.one_of(st.none(), st.lists(WORD, min_size=1, max_size=4)),  # a footnote
)


@pytest.fixture(scope="module")
def blank_form(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    root = write_workspace(tmp_path_factory.mktemp("prop") / "ws")
    path = issue(root, "docx")
    return path, path.read_bytes()


def _markdown_words(text: str) -> list[str]:
    parsed = parse(text)
    words: list[str] = []
    for block in parsed.blocks:
        if isinstance(block, MdList):
            runs_list = [item.runs for item in block.items]
        else:
            assert isinstance(block, MdParagraph | MdHeading), block
            runs_list = [block.runs]
        for runs in runs_list:
            words.extend(plain(runs).split())
    for note in parsed.footnotes:
        for paragraph in note:
            words.extend(plain(paragraph).split())
    return words


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(PARAGRAPH, min_size=1, max_size=4))
def test_formatted_tracked_text_keeps_its_words_in_order(
    blank_form: tuple[Path, bytes],
    paragraphs: list[tuple[str, list[tuple[str, bool, bool, str, bool]], list[str] | None]],
) -> None:
    path, blank = blank_form
    path.write_bytes(blank)
    xml: list[str] = []
    expected: list[str] = []
    notes: dict[int, str] = {}
    note_words: list[str] = []
    for kind, pieces, footnote in paragraphs:
        inner = ""
        for n, (word, bold, italic, change, brk) in enumerate(pieces):
            text = f"{word} "
            if change == "del":
                inner += dele(text, n=100 + n)
            else:
                piece = run(text, b=bold, i=italic)
                inner += ins(piece, n=200 + n) if change == "ins" else piece
                expected.append(word)
            if brk:
                inner += "<w:r><w:br/></w:r>"
        if footnote is not None:
            number = len(notes) + 1
            notes[number] = " ".join(footnote)
            inner += footnote_ref(number)
            note_words.extend(footnote)
        ppr = {
            "plain": "",
            "bullet": numbered(41, 0),
            "nested": numbered(41, 1),
            "number": numbered(42, 0),
        }[kind]
        xml.append(para(inner, ppr))
    fill_docx_xml(
        path,
        {("3", "en"): xml},
        lists={41: ["bullet", "bullet"], 42: ["decimal"]},
        footnotes=notes or None,
    )
    rows = {r.question: r for r in read_form(path).rows}
    text = rows["3"].texts.get("en", "")
    assert not rows["3"].refused
    # A footnote whose paragraph lost all its words still reaches the Markdown.
    assert _markdown_words(text) == expected + note_words, text
    assert not re.search(r"\ue000|\ue001", text)
