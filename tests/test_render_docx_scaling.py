"""``render/docx.py`` stays linear: it never walks the whole body per block, and its fast
paths write exactly what python-docx's own (slower) calls would write."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.document import CT_Body, CT_Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cmwreport.render.docx import _add_run, _align_right
from cmwreport.text import strip_illegal
from conftest import write_workspace

ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}

TRICKY = [
    "plain",
    " leading",
    "trailing ",
    "\tNo. 1.\t",
    "a\tb\tc",
    "line\nbreak\r\nand\rreturn",
    "\n",
    "\t",
    "  ",
    "\u00a0non-breaking\u00a0",
    "<w:t>&amp; \"quotes\" 'single'</w:t>",
    "حقوق العمال المهاجرين",
    "emoji 👩🏽‍🌾 and combining e\u0301",
]


def _xml(element: Any) -> bytes:
    return bytes(etree.tostring(element))


def _both(text: str) -> tuple[bytes, bytes]:
    """The paragraph XML python-docx writes for *text*, and the one ``_add_run`` writes."""
    doc = Document()
    slow = doc.add_paragraph()
    slow.add_run(text)
    fast = doc.add_paragraph()
    run = _add_run(fast, text)
    assert run._r is fast._p[-1]
    return _xml(slow._p), _xml(fast._p)


@pytest.mark.parametrize("text", TRICKY)
def test_runs_are_written_as_python_docx_writes_them(text: str) -> None:
    slow, fast = _both(text)
    assert fast == slow
    assert b"<w:t" in fast or b"<w:tab/>" in fast or b"<w:br/>" in fast


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_the_same_run(text: str) -> None:
    clean = strip_illegal(text)
    if not clean:
        return
    slow, fast = _both(clean)
    assert fast == slow


def test_fast_run_can_still_be_made_bold() -> None:
    paragraph = Document().add_paragraph()
    run = _add_run(paragraph, "bold text")
    run.bold = True
    assert run.text == "bold text"
    assert paragraph._p.xpath("./w:r/w:rPr/w:b")


def test_right_alignment_after_a_style_matches_python_docx() -> None:
    doc = Document()
    slow = doc.add_paragraph()
    slow._p.get_or_add_pPr().style = "TableText"
    slow.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fast = doc.add_paragraph()
    fast._p.get_or_add_pPr().style = "TableText"
    _align_right(fast, WD_ALIGN_PARAGRAPH.RIGHT)
    assert _xml(fast._p) == _xml(slow._p)
    assert b'<w:jc w:val="right"/>' in _xml(fast._p)
    # a paragraph with other properties goes through python-docx, keeping the order
    other = doc.add_paragraph()
    other.paragraph_format.keep_with_next = True
    _align_right(other, WD_ALIGN_PARAGRAPH.RIGHT)
    properties = other._p.pPr
    assert properties is not None
    tags = [child.tag for child in properties]
    assert tags == [qn("w:keepNext"), qn("w:jc")]


def test_render_never_scans_the_whole_body(
    cli: Any, ws_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-docx's add_paragraph/add_table walk every block already written (quadratic)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("python-docx's whole-body insert was used")

    monkeypatch.setattr(CT_Body, "add_p", refuse)
    monkeypatch.setattr(CT_Body, "_insert_tbl", refuse)
    lookups: list[int] = []
    original = cast(property, CT_Document.sectPr_lst)  # python-docx types it as its value
    getter = original.fget
    assert getter is not None

    def counted(self: Any) -> Any:
        lookups.append(1)
        return getter(self)

    monkeypatch.setattr(CT_Document, "sectPr_lst", property(counted))
    result = cli("render", "--root", str(ws_root), env=ENV)
    assert result.exit_code == 0, result.stderr
    assert len(lookups) <= 2  # the headers and footers, once per document, not per table
    doc = Document(str(ws_root / "build" / "CMW-C-TST-2-en.docx"))
    assert len(doc.tables) == 1
    body = list(doc.element.body)
    assert body[-1].tag == qn("w:sectPr")  # everything went in before the section end
    assert sum(1 for child in body if child.tag == qn("w:sectPr")) == 1


def test_table_widths_follow_the_page(cli: Any, ws_root: Path) -> None:
    result = cli("render", "--root", str(ws_root), env=ENV)
    assert result.exit_code == 0, result.stderr
    doc = Document(str(ws_root / "build" / "CMW-C-TST-2-en.docx"))
    section = doc.sections[-1]
    assert section.page_width is not None and section.left_margin is not None
    available = (
        int(section.page_width) - int(section.left_margin) - int(section.right_margin or 0)
    ) - 1080000
    (table,) = doc.tables
    grid = [int(col.w or 0) for col in table._tbl.tblGrid.gridCol_lst]
    # "Year", "Men", "Women" are numbers: equal weights, the grid fills the space
    assert len(set(grid)) == 1 and abs(sum(grid) - available) < 3 * 635
    for row in table.rows:
        assert [int(cell.width or 0) for cell in row.cells] == grid


def test_reference_without_section_properties(cli: Any, tmp_path: Path) -> None:
    # a reference document whose body has no w:sectPr (python-docx's sections are empty)
    root = write_workspace(tmp_path / "ws")
    own = root / "templates" / "reference.docx"
    own.parent.mkdir()
    plain = Document()
    body = plain.element.body
    body.remove(body.find(qn("w:sectPr")))
    plain.save(str(own))
    result = cli("render", "--root", str(root), env=ENV)
    assert result.exit_code == 0, result.stderr
    doc = Document(str(root / "build" / "CMW-C-TST-2-en.docx"))
    assert len(doc.sections) == 0
    texts = [p.text for p in doc.paragraphs]
    assert "Reply to paragraph 1" in texts
    (table,) = doc.tables
    assert [c.text for c in table.rows[1].cells] == ["2023", "100", "200"]
    # python-docx's default block width (Letter, 1-inch margins) shared by the columns
    grid = [int(col.w or 0) for col in table._tbl.tblGrid.gridCol_lst]
    assert grid == [5943600 // 3] * 3  # 8.5 in - 2 × 1 in = 6.5 in
