"""Build ``src/cmwreport/templates/reference.docx``, the default look of the rendered report.

Run ``.venv/bin/python tools/make_reference.py`` after changing a style here. The result is
byte-identical from run to run (fixed dates and zip timestamps), so a rebuild without a
change shows no difference in version control.

It also carries the XML every report gets the same way (footnote separators and their
``w:footnotePr``, the ``doNotExpandShiftReturn`` compatibility option), written with
:mod:`cmwreport.render.ooxml`.

The page follows UN documents: A4, Times New Roman 10 pt on 12 pt lines, headings by kind on
the UN Editorial Manual's scale (14, 12 and 10 pt bold, 10 pt italic), numbered paragraphs
hanging-indented ("1." then the text), and from page 2 the report's symbol in the header and
the page number in the footer, on the outer edge of odd and even pages. Coordinators restyle
the copy in their workspace (``templates/reference.docx``) in Word; see docs/templates.md for
the style names.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from cmwreport.render import ooxml  # noqa: E402
from cmwreport.render.docx import normalise_zip  # noqa: E402

TARGET = REPO / "src" / "cmwreport" / "templates" / "reference.docx"
FONT = "Times New Roman"
GREY = RGBColor(0x6E, 0x6E, 0x6E)
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct "
    "autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing "
    "mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap "
    "outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
"""The order the schema fixes for a paragraph's properties (Word rejects any other)."""


def _insert_ppr(ppr: Any, child: Any, name: str) -> None:
    """Put *child* (``w:name``) into *ppr* at the place the schema gives it."""
    following = PPR_ORDER[PPR_ORDER.index(name) + 1 :]
    ppr.insert_element_before(child, *(f"w:{n}" for n in following))


def _fonts(rpr: Any) -> None:
    """Make *rpr* use Times New Roman in every script, without theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for name in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(name), FONT)


def _paragraph_style(
    doc: Any,
    name: str,
    *,
    base: str = "Normal",
    size: float = 10,
    bold: bool = False,
    italic: bool = False,
    color: RGBColor | None = None,
    left: float = 0,
    hanging: float = 0,
    right: float = 0,
    before: float = 0,
    after: float = 0,
    line: float | None = None,
    align: Any = None,
    keep_next: bool = False,
    tab: float | None = None,
) -> Any:
    """Create or reset paragraph style *name* with these properties."""
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles[base]
    style.quick_style = True
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = color if color is not None else RGBColor(0, 0, 0)
    _fonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.left_indent = Cm(left)
    fmt.right_indent = Cm(right)
    fmt.first_line_indent = Cm(-hanging) if hanging else Cm(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line if line is not None else size + 2)
    fmt.widow_control = True
    fmt.keep_with_next = keep_next
    if align is not None:
        fmt.alignment = align
    if tab is not None:
        fmt.tab_stops.add_tab_stop(Cm(tab))
    return style


def _character_style(doc: Any, name: str, **props: Any) -> Any:
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    for key, value in props.items():
        setattr(style.font, key, value)
    return style


def _shade(style: Any, fill: str) -> None:
    ppr = style.element.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    _insert_ppr(ppr, shd, "shd")


def _bottom_rule(style: Any) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    _insert_ppr(ppr, borders, "pBdr")


def _table_style(doc: Any) -> None:
    """``Report Table``: rules above and below the table, none inside (UN tables)."""
    try:
        style = doc.styles["Report Table"]
    except KeyError:
        style = doc.styles.add_style("Report Table", WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    el = style.element
    tblpr = el.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = OxmlElement("w:tblPr")
        el.append(tblpr)
    for child in list(tblpr):
        tblpr.remove(child)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        if edge in ("top", "bottom"):
            border.set(qn("w:val"), "single")
            border.set(qn("w:sz"), "8")
            border.set(qn("w:space"), "0")
            border.set(qn("w:color"), "000000")
        else:
            border.set(qn("w:val"), "nil")
        borders.append(border)
    tblpr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("left", "85"), ("right", "85")):
        mar = OxmlElement(f"w:{edge}")
        mar.set(qn("w:w"), width)
        mar.set(qn("w:type"), "dxa")
        margins.append(mar)
    tblpr.append(margins)


def _field(paragraph: Any, instruction: str, cached: str) -> None:
    """Append a field (``PAGE``) to *paragraph*, showing *cached* until Word updates it."""

    def run_with(child: Any) -> Any:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    text = OxmlElement("w:t")
    text.text = cached
    run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def build() -> bytes:
    """The reference document as bytes."""
    import io

    doc = Document()
    # Document defaults: Times New Roman everywhere, no theme fonts.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            _fonts(rpr)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    section.top_margin = Cm(2.5)
    section.bottom_margin = Cm(2.5)
    section.left_margin = Cm(2.2)
    section.right_margin = Cm(2.2)
    section.header_distance = Cm(1.3)
    section.footer_distance = Cm(1.3)
    section.different_first_page_header_footer = True

    _paragraph_style(doc, "Normal", size=10, line=12)
    # Title block
    symbol = _paragraph_style(
        doc, "Document Symbol", size=16, bold=True, after=6, line=20, align=WD_ALIGN_PARAGRAPH.RIGHT
    )
    _bottom_rule(symbol)
    _paragraph_style(doc, "Committee", size=12, bold=True, left=1.0, before=24, after=12, line=14)
    _paragraph_style(
        doc, "Report Title", size=17, bold=True, left=1.0, right=1.0, before=12, after=12, line=20
    )
    _paragraph_style(doc, "Date Received", left=1.0, after=24)
    notice = _paragraph_style(
        doc, "Draft Notice", size=9, italic=True, color=GREY, left=1.0, right=1.0, after=12, line=11
    )
    _shade(notice, "F2F2F2")
    # Headings, by kind, on the UN Editorial Manual's scale: I. 14 pt bold (HCh), A. 12 pt
    # bold (H1), 1. and (a) 10 pt bold (H23), (i) 10 pt italic (H4). A label ("II.", "A.")
    # hangs in the column of the paragraph numbers (1 cm), the text starts at 2 cm.
    heading = {"left": 2.0, "hanging": 1.0, "right": 1.0, "keep_next": True, "tab": 2.0}
    _paragraph_style(doc, "Heading 1", size=14, bold=True, before=18, after=12, line=16, **heading)
    _paragraph_style(doc, "Heading 2", size=12, bold=True, before=18, after=12, line=14, **heading)
    _paragraph_style(doc, "Heading 3", size=10, bold=True, before=12, after=6, line=12, **heading)
    _paragraph_style(doc, "Heading 4", size=10, italic=True, before=12, after=6, **heading)
    _paragraph_style(doc, "Heading 5", size=10, bold=True, before=12, after=6, **heading)
    _paragraph_style(doc, "Heading 6", size=10, italic=True, before=6, after=6, **heading)
    # Headings that never carry a label start in the label column and wrap there.
    plain = {"left": 1.0, "right": 1.0, "keep_next": True}
    _paragraph_style(
        doc, "Reply Heading", base="Heading 5", size=10, bold=True, before=12, after=6, **plain
    )
    _paragraph_style(
        doc, "Item Heading", base="Heading 5", size=10, bold=True, before=6, after=6, **heading
    )
    _paragraph_style(
        doc,
        "Sub-item Heading",
        base="Heading 6",
        size=10,
        italic=True,
        before=6,
        after=6,
        **heading,
    )
    _paragraph_style(
        doc, "Sub Heading", base="Normal", size=10, italic=True, before=6, after=6, **plain
    )
    # Body
    _paragraph_style(
        doc,
        "Report Paragraph",
        left=2.0,
        hanging=1.0,
        right=1.0,
        after=6,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        tab=2.0,
    )
    _paragraph_style(
        doc,
        "Report List",
        left=3.0,
        hanging=1.0,
        right=1.0,
        after=6,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        tab=3.0,
    )
    _paragraph_style(
        doc,
        "Report List 2",
        left=4.0,
        hanging=1.0,
        right=1.0,
        after=6,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        tab=4.0,
    )
    _paragraph_style(
        doc,
        "Report List 3",
        left=5.0,
        hanging=1.0,
        right=1.0,
        after=6,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        tab=5.0,
    )
    _paragraph_style(doc, "Abbreviation", left=6.5, hanging=4.5, after=2, tab=6.5)
    # Follow-up information: the recommendation quoted under its heading, in italic,
    # indented as the paragraphs' text; an item's "(a)" is followed by a tab.
    _paragraph_style(
        doc,
        "Recommendation",
        italic=True,
        left=2.0,
        right=1.0,
        after=6,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        tab=3.0,
    )
    # Tables
    _paragraph_style(
        doc, "Table Title", bold=True, left=2.0, right=1.0, before=6, after=4, keep_next=True
    )
    _paragraph_style(doc, "Table Text", size=9, line=11, before=2, after=2)
    _paragraph_style(
        doc, "Table Source", size=9, italic=True, left=2.0, right=1.0, before=3, after=8, line=11
    )
    _table_style(doc)
    # Draft markers
    _paragraph_style(
        doc, "Draft Tag", size=8, color=GREY, left=2.0, before=6, after=2, line=10, keep_next=True
    )
    placeholder = _paragraph_style(
        doc, "Placeholder", italic=True, left=2.0, right=1.0, before=3, after=6
    )
    _shade(placeholder, "FFF2CC")
    # Footnotes
    _paragraph_style(
        doc,
        "Footnote Text",
        size=9,
        left=2.0,
        hanging=0.4,
        line=11,
        after=2,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    _character_style(doc, "Footnote Reference", superscript=True)
    # Headers and footers as UN documents print them: from page 2, the symbol at the top
    # and the page number at the bottom, on the outer edge (left on even pages, right on
    # odd ones); page 1 has neither (its title block carries the symbol).
    doc.settings.odd_and_even_pages_header_footer = True
    for part, side in (
        (section.header, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = part.paragraphs[0]
        paragraph.text = "{{ symbol }}"
        paragraph.alignment = side
        for run in paragraph.runs:
            run.font.bold = True
            run.font.size = Pt(9)
    for part, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = part.paragraphs[0]
        paragraph.alignment = side
        _field(paragraph, "PAGE", "2")
        for run in paragraph._p.findall(qn("w:r")):
            rpr = OxmlElement("w:rPr")
            bold = OxmlElement("w:b")
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "18")
            rpr.append(bold)
            rpr.append(size)
            run.insert(0, rpr)
    section.first_page_header.is_linked_to_previous = False
    section.first_page_footer.is_linked_to_previous = False
    # What every report needs the same way, so the renderer finds it here: the footnote
    # separators, named in the settings as Word does, and lines ending in a line break
    # left unjustified. (The renderer adds them to a workspace reference that lacks them.)
    _part, notes = ooxml.footnotes_part(doc)
    ooxml.name_separators(doc, notes)
    ooxml.keep_shift_return_lines(doc)
    core = doc.core_properties
    fixed = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    core.author = "cmwreport"
    core.last_modified_by = "cmwreport"
    core.title = "cmwreport reference document"
    core.created = fixed
    core.modified = fixed
    core.last_printed = fixed
    core.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue(), fixed)


def main() -> None:
    """Write the reference document into the package's templates folder."""
    TARGET.write_bytes(build())
    print(f"wrote {TARGET.relative_to(REPO)}")


if __name__ == "__main__":
    main()
