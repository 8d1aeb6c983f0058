"""The report model → a Word document (DOCX). The only module that imports python-docx.

Styles, page setup, header and footer come from the reference DOCX (the workspace's
``templates/reference.docx`` or the packaged one); this module only picks style names.
Report paragraph numbers are written as text ("12." and a tab), never Word
auto-numbering, so they cannot restart or drift. Footnotes are real Word footnotes
(python-docx has no API for them: the footnotes part is added here); notes are Word
comments (drafts only). Text is stripped of characters XML cannot hold; ``&``, ``<`` and
quotes are written as text by lxml. Dates in the document properties and the timestamps
of the zip entries come from ``SOURCE_DATE_EPOCH`` when set, so identical input gives
identical bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmwreport.errors import CmwReportError
from cmwreport.i18n import t
from cmwreport.markdown import Run
from cmwreport.report import (
    Abbreviations,
    Heading,
    Paragraph,
    Placeholder,
    Report,
    TableBlock,
    Tag,
    TitleBlock,
)
from cmwreport.text import strip_illegal

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph as DocxParagraph

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMERAL = re.compile(r"^([IVXLCDM]+|[A-Z]|\d+)\.\s+(.+)$", re.DOTALL)
CONTROL = re.compile(r"([\t\r\n])")
"""The characters python-docx writes as elements of their own in a run."""
PLACEHOLDER_FIELD = re.compile(r"\{\{\s*(\w+)\s*\}\}")
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
LANG_TAGS = {
    "en": "en-GB",
    "id": "id-ID",
    "fr": "fr-FR",
    "es": "es-ES",
    "ar": "ar-SA",
    "ru": "ru-RU",
    "zh": "zh-CN",
}

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

FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
    'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)


class ReferenceDocxError(CmwReportError):
    """The reference DOCX cannot be opened."""

    def __init__(self, path: Path, reason: str, lang: str = "en") -> None:
        super().__init__(t("render.reference_error", lang, path=str(path), reason=reason))
        self.path = path


def source_date() -> dt.datetime:
    """The time to stamp on the document: ``SOURCE_DATE_EPOCH`` if set and valid, else now."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            stamp = dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            stamp = None
        if stamp is not None:
            return max(stamp, ZIP_EPOCH)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite the zip *data* with every entry stamped *when* and fixed attributes."""
    stamp = max(when, ZIP_EPOCH).astimezone(dt.UTC)
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_docx(report: Report, reference: Path, *, ui_lang: str = "en") -> bytes:
    """Render *report* with the styles of *reference* and return the DOCX bytes."""
    from docx import Document

    try:
        doc = Document(str(reference))
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same advice
        raise ReferenceDocxError(reference, f"{type(exc).__name__}: {exc}", ui_lang) from None
    when = source_date()
    writer = _Writer(doc, report, when)
    writer.write()
    _properties(doc, report, when)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue(), when)


class _Writer:
    """Append the report's blocks to a python-docx document."""

    def __init__(self, doc: DocxDocument, report: Report, when: dt.datetime) -> None:
        self.doc = doc
        self.report = report
        self.when = when
        """The time stamped on comments (``SOURCE_DATE_EPOCH`` when set)."""
        self.styles: dict[str, Any] = {}
        self.style_ids: dict[str, str | None] = {}
        self.footnote_ids: list[tuple[int, int]] = []
        """(Word id, index in the report's footnotes) of every footnote reference."""
        self.next_footnote = 1
        self.notes: tuple[Any, Any] | None = None
        """The footnotes part and its root element, once the first reference needs them."""
        self.footnote_style = self._style_id("Footnote Reference", character=True)
        self.body: Any = doc.element.body
        self.end: Any = None
        """The body's final ``w:sectPr``: new blocks go just before it (None: appended)."""
        self.block_width = 0
        """The width between the margins, in EMU, that python-docx gives a new table."""
        self.text_width: int | None = None
        """The width a table may take (2 cm indent, 1 cm spare), or None when unknown."""
        self.table_style: str | None = None
        """The style id of report tables (None: the document's default table style)."""

    # ------------------------------------------------------------------- plumbing

    def _style(self, name: str, fallback: str = "Normal") -> Any:
        """The style *name*; when the reference lacks it, *fallback*, then Normal, or None."""
        if name not in self.styles:
            found = None
            for candidate in (name, fallback, "Normal"):
                if not candidate:
                    continue
                try:
                    found = self.doc.styles[candidate]
                except KeyError:
                    continue
                break
            self.styles[name] = found
        return self.styles[name]

    def _style_id(self, name: str, *, character: bool = False) -> str | None:
        try:
            style = self.doc.styles[name]
        except KeyError:
            return None
        return str(style.style_id)

    def _set_style(self, paragraph: DocxParagraph, style: str, fallback: str = "Normal") -> None:
        """Give *paragraph* the style *style* (by id: python-docx's lookup by name is slow)."""
        key = f"{style}\0{fallback}"
        if key not in self.style_ids:
            found = self._style(style, fallback)
            self.style_ids[key] = str(found.style_id) if found is not None else None
        style_id = self.style_ids[key]
        if not style_id:
            return
        p = paragraph._p
        if len(p):
            p.get_or_add_pPr().style = style_id
        else:  # a new paragraph: what python-docx's (slow) setter would write
            from lxml import etree  # type: ignore[import-untyped]

            properties = etree.SubElement(p, f"{{{W_NS}}}pPr")
            etree.SubElement(properties, f"{{{W_NS}}}pStyle").set(f"{{{W_NS}}}val", style_id)

    def _add(self, element: Any) -> None:
        """Put *element* at the end of the body, before its final section properties.

        python-docx's ``add_paragraph`` and ``add_table`` do the same but look for the
        section properties among all the body's children each time, which makes a long
        report quadratic; here they are found once, in ``write``.
        """
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)

    def paragraph(self, style: str, text: str = "", fallback: str = "Normal") -> DocxParagraph:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph as DocxParagraph

        element = OxmlElement("w:p")
        self._add(element)
        paragraph = DocxParagraph(element, self.doc._body)
        self._set_style(paragraph, style, fallback)
        if text:
            _add_run(paragraph, strip_illegal(text))
        return paragraph

    def runs(self, paragraph: DocxParagraph, runs: list[Run]) -> None:
        for run in runs:
            if run.line_break:
                paragraph.add_run().add_break()
            elif run.footnote is not None:
                if 0 <= run.footnote < len(self.report.footnotes):
                    paragraph._p.append(self.footnote_reference(run.footnote))
            elif run.text:
                added = _add_run(paragraph, strip_illegal(run.text))
                if run.bold:
                    added.bold = True
                if run.italic:
                    added.italic = True

    # --------------------------------------------------------------------- blocks

    def write(self) -> None:
        body = self.doc.element.body
        for child in list(body):
            if child.tag != f"{{{W_NS}}}sectPr":
                body.remove(child)
        self.end = body.find(f"{{{W_NS}}}sectPr")
        self.geometry()
        self.clear_comments()
        if any(r.reltype.endswith("/footnotes") for r in self.doc.part.rels.values()):
            self.notes = self.footnotes_part()  # drop the reference document's own footnotes
        for block in self.report.blocks:
            if isinstance(block, Paragraph):
                self.numbered(block)
            elif isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Tag):
                self.tag(block)
            elif isinstance(block, TableBlock):
                self.table(block)
            elif isinstance(block, Placeholder):
                self.placeholder(block)
            elif isinstance(block, TitleBlock):
                self.title(block)
            elif isinstance(block, Abbreviations):
                self.abbreviations(block)
        self.footnotes()
        self.header_footer()
        self.language()
        self.line_breaks()

    def title(self, block: TitleBlock) -> None:
        if block.symbol:
            self.paragraph("Document Symbol", block.symbol)
        if block.committee:
            self.paragraph("Committee", block.committee)
        if block.title:
            self.paragraph("Report Title", block.title, "Title")
        if block.date_received:
            self.paragraph("Date Received", block.date_received)
        if block.notice:
            self.paragraph("Draft Notice", block.notice)

    def abbreviations(self, block: Abbreviations) -> None:
        self.paragraph("Heading 1", block.heading)
        for abbreviation, runs in block.rows:
            paragraph = self.paragraph("Abbreviation")
            _add_run(paragraph, strip_illegal(abbreviation) + "\t")
            self.runs(paragraph, runs)

    def heading(self, block: Heading) -> None:
        if block.kind == "part":
            style = "Heading 1"
        elif block.kind == "section":
            style = f"Heading {min(2 + block.depth, 4)}"
        elif block.kind == "reply":
            style = "Reply Heading"
        elif block.kind == "item":
            style = "Item Heading"
        else:
            style = "Sub Heading"
        fallback = {
            "Reply Heading": "Heading 5",
            "Item Heading": "Heading 6",
            "Sub Heading": "Normal",
        }.get(style, "Normal")
        text = block.text
        match = NUMERAL.match(text)
        if match and block.kind in ("part", "section"):
            text = f"{match.group(1)}.\t{match.group(2)}"
        if block.runs:
            self.runs(self.paragraph(style, fallback=fallback), block.runs)
        else:
            self.paragraph(style, text, fallback)

    def numbered(self, block: Paragraph) -> None:
        paragraph = self.paragraph("Report Paragraph")
        _add_run(paragraph, f"{block.number}.\t")
        items = list(block.items)
        if block.runs:
            self.runs(paragraph, block.runs)
        elif items:
            first = items.pop(0)
            _add_run(paragraph, f"{first.label} ")
            self.runs(paragraph, first.runs)
        for item in items:
            if item.level == 0:
                entry = self.paragraph("Report List", fallback="Report Paragraph")
            elif item.level == 1:
                entry = self.paragraph("Report List 2", fallback="Report List")
            else:
                entry = self.paragraph("Report List 3", fallback="Report List 2")
            _add_run(entry, f"{item.label}\t")
            self.runs(entry, item.runs)

    def tag(self, block: Tag) -> None:
        from docx.shared import RGBColor

        paragraph = self.paragraph("Draft Tag")
        run = _add_run(paragraph, strip_illegal(block.text))
        if block.untranslated:
            run.bold = True
            run.font.color.rgb = RGBColor(0xC0, 0x50, 0x00)
        if block.note:
            comment = self.doc.add_comment(
                run,
                text=block.note,
                author=block.body or "cmwreport",
                initials=(block.body or "CR")[:4],
            )
            comment._comment_elm.date = self.when

    def placeholder(self, block: Placeholder) -> None:
        from docx.enum.text import WD_COLOR_INDEX

        paragraph = self.paragraph("Placeholder")
        run = _add_run(paragraph, strip_illegal(block.text))
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def table(self, block: TableBlock) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.oxml.table import CT_Tbl
        from docx.shared import Emu
        from docx.table import Table, _Cell
        from docx.text.paragraph import Paragraph as DocxParagraph

        if block.title:
            self.paragraph("Table Title", block.title)
        columns = max([len(block.header), *(len(r) for r in block.rows)])
        element = CT_Tbl.new_tbl(1 + len(block.rows), columns, Emu(self.block_width))
        self._add(element)
        table = Table(element, self.doc._body)
        if self.table_style is not None:
            element.tblStyle_val = self.table_style
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        tbl_pr = table._tbl.tblPr
        indent = OxmlElement("w:tblInd")
        indent.set(qn("w:w"), "1134")  # 2 cm: the table lines up with the report's text
        indent.set(qn("w:type"), "dxa")
        # the schema fixes the order of a table's properties; Word rejects others
        tbl_pr.insert_element_before(
            indent,
            *("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
            *("w:tblCaption", "w:tblDescription", "w:tblPrChange"),
        )
        self._widths(table, block, columns)
        # a new table is a plain grid: one w:tc per column in each w:tr, one w:p in each
        for row_index, tr in enumerate(element.tr_lst):
            values = block.header if row_index == 0 else block.rows[row_index - 1]
            if row_index == 0:
                tr_pr = tr.get_or_add_trPr()
                header = OxmlElement("w:tblHeader")
                tr_pr.append(header)
            for column, tc in enumerate(tr.tc_lst):
                cell = _Cell(tc, table)
                paragraph = DocxParagraph(tc.p_lst[0], cell)
                self._set_style(paragraph, "Table Text")
                if column < len(block.numeric) and block.numeric[column]:
                    _align_right(paragraph, WD_ALIGN_PARAGRAPH.RIGHT)
                runs = values[column] if column < len(values) else []
                if row_index == 0:
                    runs = [Run(r.text, True, r.italic, r.footnote, r.line_break) for r in runs]
                    _cell_border(cell, "bottom")
                self.runs(paragraph, runs)
        if block.source:
            self.paragraph("Table Source", block.source)
        else:
            self.paragraph("Table Source")

    def geometry(self) -> None:
        """Read the page size and margins and the table style once, before any table."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.section import Section
        from docx.shared import Emu, Inches

        style = self._style("Report Table", "Table Grid")
        if style is not None and style.type == WD_STYLE_TYPE.TABLE:
            part: Any = self.doc.part  # as Table.style does: None for the default style
            self.table_style = part.get_style_id(style, WD_STYLE_TYPE.TABLE)
        if self.end is None:  # python-docx's defaults: a Letter page, 1-inch margins
            self.block_width = int(Inches(8.5) - Inches(1) - Inches(1))
            return
        section = Section(self.end, self.doc.part)
        page_width, left, right = section.page_width, section.left_margin, section.right_margin
        self.block_width = int(
            Emu((page_width or Inches(8.5)) - (left or Inches(1)) - (right or Inches(1)))
        )
        if page_width is not None and left is not None:
            text_width = int(page_width) - int(left) - int(right or 0)
            self.text_width = text_width - (720000 + 360000)  # 2 cm indent, 1 cm on the right

    def _widths(self, table: Any, block: TableBlock, columns: int) -> None:
        """Fit the table between the text's left edge (2 cm) and the right margin less 1 cm."""
        from docx.shared import Emu

        if self.text_width is None:
            return
        available = self.text_width
        weights = [
            1 if (i < len(block.numeric) and block.numeric[i]) else 2 for i in range(columns)
        ]
        total = sum(weights) or 1
        table.autofit = False
        widths = [Emu(available * weights[index] // total) for index in range(columns)]
        for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=False):
            grid_column.w = width
        for tr in table._tbl.tr_lst:
            for tc, width in zip(tr.tc_lst, widths, strict=False):
                tc.width = width

    def clear_comments(self) -> None:
        """Drop comments a reference document may carry (its body is not rendered)."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        for rel in self.doc.part.rels.values():
            if rel.reltype == RT.COMMENTS:
                element = getattr(rel.target_part, "element", None)
                if element is not None:
                    for comment in list(element):
                        element.remove(comment)

    # ------------------------------------------------------------------ footnotes

    def footnote_reference(self, index: int) -> Any:
        """A run holding a reference to footnote *index* of the report."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        if self.notes is None:
            self.notes = self.footnotes_part()
        number = self.next_footnote
        self.next_footnote += 1
        self.footnote_ids.append((number, index))
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        if self.footnote_style:
            rstyle = OxmlElement("w:rStyle")
            rstyle.set(qn("w:val"), self.footnote_style)
            rpr.append(rstyle)
        vert = OxmlElement("w:vertAlign")
        vert.set(qn("w:val"), "superscript")
        rpr.append(vert)
        run.append(rpr)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(number))
        run.append(ref)
        return run

    def footnotes_part(self) -> tuple[Any, Any]:
        """The footnotes part (the reference document's, emptied, or a new one) and its root.

        Its separators stay; the report's footnotes get the ids above theirs (Word writes
        them as -1 and 0, LibreOffice as 0 and 1).
        """
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml.parser import parse_xml

        doc_part = self.doc.part
        existing = [r for r in doc_part.rels.values() if r.reltype == RT.FOOTNOTES]
        part: Any
        if existing:
            part = existing[0].target_part
            root = part._element if isinstance(part, XmlPart) else parse_xml(part.blob)
            for note in list(root):
                if note.get(f"{{{W_NS}}}type") is None:
                    root.remove(note)
        else:
            root = parse_xml(FOOTNOTES_XML)
            part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, doc_part.package)
            doc_part.relate_to(part, RT.FOOTNOTES)
        kept = [_int(note.get(f"{{{W_NS}}}id")) for note in root]
        self.next_footnote = max([0, *kept]) + 1
        return part, root

    def footnotes(self) -> None:
        """Fill the footnotes part with every footnote referred to in the body."""
        if self.notes is None:
            return
        from docx.opc.part import XmlPart

        part, root = self.notes
        if self.footnote_ids:
            self.footnote_settings(root)
        text_style = self._style_id("Footnote Text")
        for number, index in self.footnote_ids:
            root.append(self.footnote(number, self.report.footnotes[index], text_style))
        if not isinstance(part, XmlPart):
            from lxml import etree

            part._blob = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )

    def footnote_settings(self, root: Any) -> None:
        """Name the separator footnotes of *root* in the settings, as Word itself does."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        settings = self.doc.settings.element
        if settings.find(qn("w:footnotePr")) is not None:
            return
        kinds = ("separator", "continuationSeparator")
        separators = [n.get(qn("w:id")) for n in root if n.get(qn("w:type")) in kinds]
        properties = OxmlElement("w:footnotePr")
        for number in separators:
            separator = OxmlElement("w:footnote")
            separator.set(qn("w:id"), number)
            properties.append(separator)
        # the schema's order: footnotePr comes right before these (when present)
        following = ("endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema")
        for name in following:
            found = settings.find(qn(f"w:{name}"))
            if found is not None:
                found.addprevious(properties)
                return
        settings.append(properties)

    def footnote(self, number: int, paragraphs: list[list[Run]], style: str | None) -> Any:
        from lxml import etree

        w = f"{{{W_NS}}}"
        note = etree.Element(f"{w}footnote", nsmap={"w": W_NS})
        note.set(f"{w}id", str(number))
        for index, runs in enumerate(paragraphs or [[]]):
            p = etree.SubElement(note, f"{w}p")
            if style:
                ppr = etree.SubElement(p, f"{w}pPr")
                etree.SubElement(ppr, f"{w}pStyle").set(f"{w}val", style)
            if index == 0:
                r = etree.SubElement(p, f"{w}r")
                rpr = etree.SubElement(r, f"{w}rPr")
                if self.footnote_style:
                    etree.SubElement(rpr, f"{w}rStyle").set(f"{w}val", self.footnote_style)
                etree.SubElement(rpr, f"{w}vertAlign").set(f"{w}val", "superscript")
                etree.SubElement(r, f"{w}footnoteRef")
                space = etree.SubElement(p, f"{w}r")
                text = etree.SubElement(space, f"{w}t")
                text.text = " "
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            for run in runs:
                if run.footnote is not None:
                    continue
                r = etree.SubElement(p, f"{w}r")
                if run.bold or run.italic:
                    rpr = etree.SubElement(r, f"{w}rPr")
                    if run.bold:
                        etree.SubElement(rpr, f"{w}b")
                    if run.italic:
                        etree.SubElement(rpr, f"{w}i")
                if run.line_break:
                    etree.SubElement(r, f"{w}br")
                    continue
                text = etree.SubElement(r, f"{w}t")
                text.text = strip_illegal(run.text)
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return note

    # ------------------------------------------------------------ header, language

    def header_footer(self) -> None:
        """Fill ``{{ symbol }}`` (and other report values) in the headers and footers."""
        values = self.report.header
        for section in self.doc.sections:
            parts = (
                section.header,
                section.first_page_header,
                section.even_page_header,
                section.footer,
                section.first_page_footer,
                section.even_page_footer,
            )
            for part in parts:
                if part.is_linked_to_previous:
                    continue
                for paragraph in part.paragraphs:
                    for run in paragraph.runs:
                        if "{{" in run.text:
                            run.text = PLACEHOLDER_FIELD.sub(
                                lambda m: strip_illegal(values.get(m.group(1), "")), run.text
                            )

    def line_breaks(self) -> None:
        """Keep a line that ends in a line break (code, a hard break) from being justified."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        settings = self.doc.settings.element
        compat = settings.find(qn("w:compat"))
        if compat is None:
            compat = OxmlElement("w:compat")
            _insert_before(settings, compat, SETTINGS_AFTER_COMPAT)
        if compat.find(qn("w:doNotExpandShiftReturn")) is None:
            _insert_before(
                compat, OxmlElement("w:doNotExpandShiftReturn"), COMPAT_AFTER_SHIFT_RETURN
            )

    def language(self) -> None:
        """Mark the text's language (spelling and hyphenation) as the report's."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        tag = LANG_TAGS.get(self.report.lang, self.report.lang)
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
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


def _add_run(paragraph: DocxParagraph, text: str) -> Any:
    """Append a run holding *text* to *paragraph* and return it (a python-docx ``Run``).

    Writes what python-docx's ``add_run(text)`` writes (a tab becomes ``w:tab``, a line
    end ``w:br``, the rest ``w:t``, space-preserving when it starts or ends with a
    space), without its character-by-character loop.
    """
    from docx.text.run import Run as DocxRun
    from lxml import etree

    w = f"{{{W_NS}}}"
    r = etree.SubElement(paragraph._p, f"{w}r")
    for piece in CONTROL.split(text):
        if piece == "\t":
            etree.SubElement(r, f"{w}tab")
        elif piece in ("\r", "\n"):
            etree.SubElement(r, f"{w}br")
        elif piece:
            element = etree.SubElement(r, f"{w}t")
            element.text = piece
            if len(piece.strip()) < len(piece):
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return DocxRun(r, paragraph)


def _align_right(paragraph: DocxParagraph, right: Any) -> None:
    """Align *paragraph* right; directly when its properties hold no more than a style."""
    from lxml import etree

    p = paragraph._p
    properties = p.pPr
    if properties is not None and all(c.tag == f"{{{W_NS}}}pStyle" for c in properties):
        etree.SubElement(properties, f"{{{W_NS}}}jc").set(f"{{{W_NS}}}val", "right")
    else:
        paragraph.alignment = right


def _insert_before(parent: Any, child: Any, following: tuple[str, ...]) -> None:
    """Put *child* into *parent* before the first of the elements *following* it, or last."""
    from docx.oxml.ns import qn

    tags = {qn(name) for name in following}
    for element in parent:
        if element.tag in tags:
            element.addprevious(child)
            return
    parent.append(child)


def _int(value: str | None) -> int:
    """*value* as a whole number (0 when it is none)."""
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _cell_border(cell: Any, edge: str) -> None:
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


def _properties(doc: DocxDocument, report: Report, when: dt.datetime) -> None:
    core = doc.core_properties
    core.title = strip_illegal(report.title)[:255]
    core.subject = strip_illegal(report.symbol)
    core.author = "cmwreport"
    core.comments = ""
    core.last_modified_by = "cmwreport"
    core.language = LANG_TAGS.get(report.lang, report.lang)
    core.keywords = "final" if report.final else "draft"
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)
    core.created = naive
    core.modified = naive
    core.last_printed = naive
    core.revision = 1
