"""The raw WordprocessingML that :mod:`cmwreport.render.docx` writes, in one place.

Everything here depends on python-docx *internals* — private attributes (``._p``,
``._body``, ``._tbl``, ``._tc``, ``._element``, ``._blob``), its oxml element classes and
parser — and on the element orders the OOXML schema fixes, which python-docx does not
keep for the elements it has no API for (footnotes, compatibility settings, a table's
indent). python-docx is pinned in ``requirements.lock``; when it is upgraded, this module
is the one to review. Besides render/docx.py (and the reference builder
``tools/make_reference.py``), nothing else in the renderer imports docx.

The static parts that every document gets the same way — the footnote separators, the
``w:footnotePr`` naming them, the ``w:doNotExpandShiftReturn`` compatibility option — are
in the packaged ``templates/reference.docx`` (built by ``tools/make_reference.py`` with
the functions below). A workspace's own reference made by an older cmwreport or edited in
Word may lack them: :func:`footnotes_part`, :func:`name_separators` and
:func:`keep_shift_return_lines` add what is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from cmwreport.markdown import Run
from cmwreport.text import strip_illegal

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph as DocxParagraph

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CONTROL = re.compile(r"([\t\r\n])")
"""The characters python-docx writes as elements of their own in a run."""

SETTINGS_AFTER_COMPAT = tuple(
    f"w:{name}"
    for name in (
        "docVars rsids m:mathPr attachedSchema themeFontLang clrSchemeMapping "
        "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
        "readModeInkLockDown smartTagType sl:schemaLibrary shapeDefaults "
        "doNotEmbedSmartTags decimalSymbol listSeparator"
    ).split()
    if ":" not in name
)
"""Settings that the schema puts after ``w:compat``."""

SETTINGS_AFTER_FOOTNOTE_PR = ("endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema")
"""Settings that the schema puts right after ``w:footnotePr`` (when present)."""

COMPAT_AFTER_SHIFT_RETURN = tuple(
    f"w:{name}"
    for name in (
        "spacingInWholePoints lineWrapLikeWord6 printBodyTextBeforeHeader printColBlack "
        "wpSpaceWidth showBreaksInFrames subFontBySize suppressBottomSpacing "
        "suppressTopSpacing suppressSpacingAtTopOfPage suppressTopSpacingWP "
        "suppressSpBfAfterPgBrk swapBordersFacingPages convMailMergeEsc "
        "truncateFontHeightsLikeWP6 mwSmallCaps usePrinterMetrics "
        "doNotSuppressParagraphBorders wrapTrailSpaces footnoteLayoutLikeWW8 "
        "shapeLayoutLikeWW8 alignTablesRowByRow forgetLastTabAlignment "
        "adjustLineHeightInTable autoSpaceLikeWord95 noSpaceRaiseLower "
        "doNotUseHTMLParagraphAutoSpacing layoutRawTableWidth layoutTableRowsApart "
        "useWord97LineBreakRules doNotBreakWrappedTables doNotSnapToGridInCell "
        "selectFldWithFirstOrLastChar applyBreakingRules doNotWrapTextWithPunct "
        "doNotUseEastAsianBreakRules useWord2002TableStyleRules growAutofit useFELayout "
        "useNormalStyleForList doNotUseIndentAsNumberingTabStop "
        "useAltKinsokuLineBreakRules allowSpaceOfSameStyleInTable "
        "doNotSuppressIndentation doNotAutofitConstrainedTables "
        "autofitToFirstFixedWidthCell underlineTabInNumList displayHangulFixedWidth "
        "splitPgBreakAndParaMark doNotVertAlignCellWithSp doNotBreakConstrainedForcedTable "
        "doNotVertAlignInTxbx useAnsiKerningPairs cachedColBandSize compatSetting"
    ).split()
)
"""Compatibility options that the schema puts after ``w:doNotExpandShiftReturn``."""

TBL_PR_AFTER_IND = (
    *("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
    *("w:tblCaption", "w:tblDescription", "w:tblPrChange"),
)
"""A table's properties that the schema puts after ``w:tblInd``."""

FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
    'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)
"""The footnotes part of a reference that has none: only the two separators."""


# ------------------------------------------------------------------------ paragraphs


def new_paragraph(doc: DocxDocument) -> tuple[Any, DocxParagraph]:
    """A new, empty ``w:p`` (not yet placed anywhere) and the python-docx paragraph on it."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph as DocxParagraph

    element = OxmlElement("w:p")
    return element, DocxParagraph(element, doc._body)


def set_paragraph_style(paragraph: DocxParagraph, style_id: str) -> None:
    """Give *paragraph* the style with id *style_id* (python-docx's lookup by name is slow)."""
    from lxml import etree

    p = paragraph._p
    if len(p):
        p.get_or_add_pPr().style = style_id
    else:  # a new paragraph: what python-docx's (slow) setter would write
        properties = etree.SubElement(p, f"{W}pPr")
        etree.SubElement(properties, f"{W}pStyle").set(f"{W}val", style_id)


def add_run(paragraph: DocxParagraph, text: str) -> Any:
    """Append a run holding *text* to *paragraph* and return it (a python-docx ``Run``).

    Writes what python-docx's ``add_run(text)`` writes (a tab becomes ``w:tab``, a line
    end ``w:br``, the rest ``w:t``, space-preserving when it starts or ends with a
    space), without its character-by-character loop.
    """
    from docx.text.run import Run as DocxRun
    from lxml import etree

    r = etree.SubElement(paragraph._p, f"{W}r")
    for piece in CONTROL.split(text):
        if piece == "\t":
            etree.SubElement(r, f"{W}tab")
        elif piece in ("\r", "\n"):
            etree.SubElement(r, f"{W}br")
        elif piece:
            element = etree.SubElement(r, f"{W}t")
            element.text = piece
            if len(piece.strip()) < len(piece):
                element.set(XML_SPACE, "preserve")
    return DocxRun(r, paragraph)


def append_element(paragraph: DocxParagraph, element: Any) -> None:
    """Put *element* (a run made here) at the end of *paragraph*."""
    paragraph._p.append(element)


def align_right(paragraph: DocxParagraph, right: Any) -> None:
    """Align *paragraph* right; directly when its properties hold no more than a style."""
    from lxml import etree

    p = paragraph._p
    properties = p.pPr
    if properties is not None and all(c.tag == f"{W}pStyle" for c in properties):
        etree.SubElement(properties, f"{W}jc").set(f"{W}val", "right")
    else:
        paragraph.alignment = right


def date_comment(comment: Any, when: dt.datetime) -> None:
    """Stamp *comment* with *when* (python-docx stamps the time of rendering)."""
    comment._comment_elm.date = when


def insert_before(parent: Any, child: Any, following: tuple[str, ...]) -> None:
    """Put *child* into *parent* before the first of the elements *following* it, or last."""
    from docx.oxml.ns import qn

    tags = {qn(name) for name in following}
    for element in parent:
        if element.tag in tags:
            element.addprevious(child)
            return
    parent.append(child)


def int_or_zero(value: str | None) -> int:
    """*value* as a whole number (0 when it is none)."""
    try:
        return int(value or 0)
    except ValueError:
        return 0


# ---------------------------------------------------------------------------- tables


def table_style_id(doc: DocxDocument, style: Any) -> str | None:
    """The id of table style *style*, as ``Table.style`` sets it (None: the default style)."""
    from docx.enum.style import WD_STYLE_TYPE

    part: Any = doc.part
    return part.get_style_id(style, WD_STYLE_TYPE.TABLE)  # type: ignore[no-any-return]


def section(sect_pr: Any, doc: DocxDocument) -> Any:
    """The python-docx section of the body's final ``w:sectPr``."""
    from docx.section import Section

    return Section(sect_pr, doc.part)


def new_table(
    doc: DocxDocument, rows: int, columns: int, width: int, style_id: str | None
) -> tuple[Any, Any]:
    """A new plain grid ``w:tbl`` (not yet placed) and the python-docx table on it.

    It is indented 2 cm, so it lines up with the report's text, and aligned left.
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.oxml.table import CT_Tbl
    from docx.shared import Emu
    from docx.table import Table

    element = CT_Tbl.new_tbl(rows, columns, Emu(width))
    table = Table(element, doc._body)
    if style_id is not None:
        element.tblStyle_val = style_id
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), "1134")  # 2 cm: the table lines up with the report's text
    indent.set(qn("w:type"), "dxa")
    # the schema fixes the order of a table's properties; Word rejects others
    table._tbl.tblPr.insert_element_before(indent, *TBL_PR_AFTER_IND)
    return element, table


def table_widths(table: Any, widths: list[int]) -> None:
    """Give the columns of *table* (a new plain grid) the *widths*, in EMU."""
    from docx.shared import Emu

    table.autofit = False
    sizes = [Emu(width) for width in widths]
    for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, sizes, strict=False):
        grid_column.w = width
    for tr in table._tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, sizes, strict=False):
            tc.width = width


def merge_cells(tr: Any, spans: list[int]) -> None:
    """Merge the cells of the table row *tr* from left to right, *spans* cells at a time.

    Each merged cell is Word's horizontal merge (``w:gridSpan``), as wide as the cells it
    replaces; the row must have as many cells as the spans add up to.
    """
    cells = list(tr.tc_lst)
    start = 0
    for span in spans:
        first, rest = cells[start], cells[start + 1 : start + span]
        if rest:
            widths = [tc.width for tc in (first, *rest)]
            first.grid_span = span
            if all(width is not None for width in widths):
                first.width = sum(widths)
            for tc in rest:
                tr.remove(tc)
        start += span


def table_cells(
    element: Any, table: Any, header_rows: int = 1
) -> list[list[tuple[Any, DocxParagraph]]]:
    """Row by row, each cell of a new plain grid and the paragraph it holds.

    The first *header_rows* rows are marked as the heading rows Word repeats on every page.
    """
    from docx.oxml import OxmlElement
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as DocxParagraph

    rows = []
    # a new table is a plain grid (its first row maybe merged): one w:p in each w:tc
    for row_index, tr in enumerate(element.tr_lst):
        if row_index < header_rows:
            tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        cells = []
        for tc in tr.tc_lst:
            cell = _Cell(tc, table)
            cells.append((cell, DocxParagraph(tc.p_lst[0], cell)))
        rows.append(cells)
    return rows


def cell_border(cell: Any, edge: str) -> None:
    """Draw a thin black line on the *edge* (``bottom``…) of *cell*."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tc_pr.append(borders)
    border = OxmlElement(f"w:{edge}")
    border.set(qn("w:val"), "single")
    border.set(qn("w:sz"), "6")
    border.set(qn("w:space"), "0")
    border.set(qn("w:color"), "000000")
    borders.append(border)


# ------------------------------------------------------------------------- footnotes


def has_footnotes_part(doc: DocxDocument) -> bool:
    """Whether *doc* has a footnotes part."""
    return any(r.reltype.endswith("/footnotes") for r in doc.part.rels.values())


def footnotes_part(doc: DocxDocument) -> tuple[Any, Any]:
    """The footnotes part of *doc* (its own, emptied, or a new one) and its root element.

    Its separators stay; a new part gets :data:`FOOTNOTES_XML`'s two.
    """
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    doc_part = doc.part
    existing = [r for r in doc_part.rels.values() if r.reltype == RT.FOOTNOTES]
    part: Any
    if existing:
        part = existing[0].target_part
        root = part._element if isinstance(part, XmlPart) else parse_xml(part.blob)
        for note in list(root):
            if note.get(f"{W}type") is None:
                root.remove(note)
    else:
        root = parse_xml(FOOTNOTES_XML)
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, doc_part.package)
        doc_part.relate_to(part, RT.FOOTNOTES)
    return part, root


def store_footnotes(part: Any, root: Any) -> None:
    """Write *root* back into *part* when python-docx keeps that part as bytes only."""
    from docx.opc.part import XmlPart

    if not isinstance(part, XmlPart):
        from lxml import etree

        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def footnote_reference(number: int, style_id: str | None) -> Any:
    """A run holding a reference to footnote *number*, superscript, in *style_id*."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if style_id:
        rstyle = OxmlElement("w:rStyle")
        rstyle.set(qn("w:val"), style_id)
        rpr.append(rstyle)
    vert = OxmlElement("w:vertAlign")
    vert.set(qn("w:val"), "superscript")
    rpr.append(vert)
    run.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    run.append(ref)
    return run


def name_separators(doc: DocxDocument, root: Any) -> None:
    """Name the separator footnotes of *root* in the settings, as Word itself does.

    Nothing is done when the settings already have a ``w:footnotePr``.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    kinds = ("separator", "continuationSeparator")
    separators = [n.get(qn("w:id")) for n in root if n.get(qn("w:type")) in kinds]
    properties = OxmlElement("w:footnotePr")
    for number in separators:
        separator = OxmlElement("w:footnote")
        separator.set(qn("w:id"), number)
        properties.append(separator)
    for name in SETTINGS_AFTER_FOOTNOTE_PR:
        found = settings.find(qn(f"w:{name}"))
        if found is not None:
            found.addprevious(properties)
            return
    settings.append(properties)


def footnote(
    number: int, paragraphs: list[list[Run]], style_id: str | None, reference_style: str | None
) -> Any:
    """The ``w:footnote`` *number*: its paragraphs in *style_id*, the first with its mark."""
    from lxml import etree

    note = etree.Element(f"{W}footnote", nsmap={"w": W_NS})
    note.set(f"{W}id", str(number))
    for index, runs in enumerate(paragraphs or [[]]):
        p = etree.SubElement(note, f"{W}p")
        if style_id:
            ppr = etree.SubElement(p, f"{W}pPr")
            etree.SubElement(ppr, f"{W}pStyle").set(f"{W}val", style_id)
        if index == 0:
            _footnote_mark(p, reference_style)
        for run in runs:
            if run.footnote is None:
                _footnote_run(p, run)
    return note


def _footnote_mark(p: Any, reference_style: str | None) -> None:
    """The note's own number (in *reference_style*, superscript) and a space, in *p*."""
    from lxml import etree

    r = etree.SubElement(p, f"{W}r")
    rpr = etree.SubElement(r, f"{W}rPr")
    if reference_style:
        etree.SubElement(rpr, f"{W}rStyle").set(f"{W}val", reference_style)
    etree.SubElement(rpr, f"{W}vertAlign").set(f"{W}val", "superscript")
    etree.SubElement(r, f"{W}footnoteRef")
    space = etree.SubElement(p, f"{W}r")
    text = etree.SubElement(space, f"{W}t")
    text.text = " "
    text.set(XML_SPACE, "preserve")


def _footnote_run(p: Any, run: Run) -> None:
    """*run* of a note's text (bold, italic, or a line break), at the end of *p*."""
    from lxml import etree

    r = etree.SubElement(p, f"{W}r")
    if run.bold or run.italic:
        rpr = etree.SubElement(r, f"{W}rPr")
        if run.bold:
            etree.SubElement(rpr, f"{W}b")
        if run.italic:
            etree.SubElement(rpr, f"{W}i")
    if run.line_break:
        etree.SubElement(r, f"{W}br")
        return
    text = etree.SubElement(r, f"{W}t")
    text.text = strip_illegal(run.text)
    text.set(XML_SPACE, "preserve")


# -------------------------------------------------------------------------- settings


def keep_shift_return_lines(doc: DocxDocument) -> None:
    """Keep a line that ends in a line break from being justified (``doNotExpandShiftReturn``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        insert_before(settings, compat, SETTINGS_AFTER_COMPAT)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        insert_before(compat, OxmlElement("w:doNotExpandShiftReturn"), COMPAT_AFTER_SHIFT_RETURN)


def set_language(doc: DocxDocument, tag: str) -> None:
    """Mark the text's default language (spelling and hyphenation) as *tag*."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
