"""Answer Markdown → blocks: paragraphs, lists, emphasis, links, footnotes, raw HTML."""

from __future__ import annotations

from cmwreport.markdown import MdHeading, MdList, MdParagraph, MdTable, parse, plain


def test_each_markdown_paragraph_is_one_block() -> None:
    parsed = parse("First paragraph\ncontinues here.\n\nSecond paragraph.\n")
    assert [type(b) for b in parsed.blocks] == [MdParagraph, MdParagraph]
    first = parsed.blocks[0]
    assert isinstance(first, MdParagraph)
    assert plain(first.runs) == "First paragraph continues here."


def test_bold_italic_and_links_as_text() -> None:
    parsed = parse("The **Law** and *the* [regulation](https://example.org/x) apply.")
    block = parsed.blocks[0]
    assert isinstance(block, MdParagraph)
    assert plain(block.runs) == "The Law and the regulation apply."
    bold = [r.text for r in block.runs if r.bold]
    italic = [r.text for r in block.runs if r.italic]
    assert bold == ["Law"] and italic == ["the"]
    assert "example.org" not in plain(block.runs)


def test_raw_html_and_special_characters_stay_verbatim() -> None:
    parsed = parse('Use <b>tags</b> & "quotes" < here.')
    block = parsed.blocks[0]
    assert isinstance(block, MdParagraph)
    assert plain(block.runs) == 'Use <b>tags</b> & "quotes" < here.'


def test_lists_keep_levels_and_kinds() -> None:
    parsed = parse("Intro:\n\n- one\n  - inner\n- two\n\n1. first\n2. second\n")
    lists = [b for b in parsed.blocks if isinstance(b, MdList)]
    assert len(lists) == 2
    assert [(i.level, plain(i.runs)) for i in lists[0].items] == [
        (0, "one"),
        (1, "inner"),
        (0, "two"),
    ]
    assert all(item.ordered for item in lists[1].items)


def test_footnotes_are_numbered_by_reference() -> None:
    parsed = parse("A claim.[^src] Another.[^2]\n\n[^2]: Second *note*.\n[^src]: First note.\n")
    block = parsed.blocks[0]
    assert isinstance(block, MdParagraph)
    refs = [r.footnote for r in block.runs if r.footnote is not None]
    assert refs == [0, 1]
    assert plain(parsed.footnotes[0][0]) == "First note."
    assert plain(parsed.footnotes[1][0]) == "Second note."
    # footnote definitions never leak into the body
    assert "First note" not in plain(block.runs)


def test_repeated_footnote_reference_gets_its_own_footnote() -> None:
    parsed = parse("One[^1] two[^1].\n\n[^1]: Same.\n")
    assert len(parsed.footnotes) == 2


def test_control_characters_are_removed() -> None:
    parsed = parse("Pasted\x0bfrom\x0cWord\x01.")
    block = parsed.blocks[0]
    assert isinstance(block, MdParagraph)
    assert plain(block.runs) == "PastedfromWord."


def test_heading_and_pipe_table() -> None:
    parsed = parse("# Measures\n\n| Year | Total |\n|---|---|\n| 2024 | 12 |\n")
    assert isinstance(parsed.blocks[0], MdHeading)
    table = parsed.blocks[1]
    assert isinstance(table, MdTable)
    assert [plain(c) for c in table.header] == ["Year", "Total"]
    assert [[plain(c) for c in row] for row in table.rows] == [["2024", "12"]]


def test_list_inside_footnote_does_not_swallow_later_paragraphs() -> None:
    parsed = parse("Text.[^1]\n\n[^1]: Note:\n\n    - a\n\nAfter.\n")
    texts = [plain(b.runs) for b in parsed.blocks if isinstance(b, MdParagraph)]
    assert texts == ["Text.", "After."]
