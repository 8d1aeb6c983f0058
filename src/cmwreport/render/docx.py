"""The report model → a Word document (DOCX), with python-docx.

Raw WordprocessingML and python-docx internals are kept in :mod:`cmwreport.render.ooxml`;
this module walks the report's blocks and uses python-docx's public API and that module.

Styles, page setup, header and footer come from the reference DOCX (the workspace's
``templates/reference.docx`` or the packaged one); this module only picks style names.
Report paragraph numbers are written as text ("12." and a tab), never Word
auto-numbering, so they cannot restart or drift. Footnotes are real Word footnotes
(python-docx has no API for them: the footnotes part is filled by ``ooxml``); notes are Word
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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmwreport.errors import CmwReportError
from cmwreport.i18n import t
from cmwreport.markdown import Run
from cmwreport.render import ooxml
from cmwreport.render.ooxml import W_NS
from cmwreport.report import (
    NONE_CELLS,
    Abbreviations,
    Heading,
    Paragraph,
    Placeholder,
    Quote,
    Report,
    TableBlock,
    Tag,
    TitleBlock,
)
from cmwreport.text import strip_illegal

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph as DocxParagraph

NUMERAL = re.compile(r"^([IVXLCDM]+|[A-Z]|\d+)\.\s+(.+)$", re.DOTALL)
PLACEHOLDER_FIELD = re.compile(r"\{\{\s*(\w+)\s*\}\}")
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
HEADING_STYLES: dict[str, tuple[str, str]] = {
    "part": ("Heading 1", "Normal"),
    "section": ("Heading 2", "Normal"),
    "subsection": ("Heading 3", "Normal"),
    "reply": ("Reply Heading", "Heading 5"),
    "item": ("Item Heading", "Heading 6"),
    "subitem": ("Sub-item Heading", "Item Heading"),
    "sub": ("Sub Heading", "Normal"),
}
"""The style of each kind of heading (and the one used when the reference lacks it).

The kinds follow the UN Editorial Manual's scale, not the nesting depth: parts HCh
(Heading 1), "Section I" and "A." H1 (Heading 2), "1." H23 (Heading 3), replies and items
H23, sub-items H4 (see docs/templates.md).
"""
LANG_TAGS = {
    "en": "en-GB",
    "id": "id-ID",
    "fr": "fr-FR",
    "es": "es-ES",
    "ar": "ar-SA",
    "ru": "ru-RU",
    "zh": "zh-CN",
}


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
    doc = _open_reference(reference, ui_lang)
    when = source_date()
    writer = _Writer(doc, report, when)
    writer.write()
    _properties(doc, report, when)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue(), when)


def _reference_errors() -> tuple[type[Exception], ...]:
    """What python-docx raises for a file that is no readable DOCX.

    Read from python-docx 1.2's source and tried on damaged copies of the packaged
    reference: a missing file (``PackageNotFoundError``), a damaged zip (``BadZipFile``,
    ``zlib.error``, ``EOFError``), a missing part (``KeyError``), another Office file
    (``ValueError``), XML that does not parse (lxml's ``XMLSyntaxError``), and python-docx's
    own ``InvalidXmlError``.
    """
    import zlib

    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml.etree import Error as LxmlError

    return (
        OpcError,
        PythonDocxError,
        LxmlError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        KeyError,
        ValueError,
    )


def _open_reference(reference: Path, ui_lang: str) -> DocxDocument:
    """The reference DOCX opened with python-docx, or :class:`ReferenceDocxError`."""
    from docx import Document

    try:
        return Document(str(reference))
    except _reference_errors() as exc:  # every unreadable file gets the same advice
        raise ReferenceDocxError(reference, f"{type(exc).__name__}: {exc}", ui_lang) from None


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
        self.table_points: float | None = None
        """The size of the Table Text style, in points (read at the first decimal tab)."""

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
        ooxml.set_paragraph_style(paragraph, style_id)

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
        element, paragraph = ooxml.new_paragraph(self.doc)
        self._add(element)
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
                    ooxml.append_element(paragraph, self.footnote_reference(run.footnote))
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
        if ooxml.has_footnotes_part(self.doc):
            self.notes = self.footnotes_part()  # drop the reference document's own footnotes
        writers: dict[type, Callable[[Any], None]] = {
            Paragraph: self.numbered,
            Heading: self.heading,
            Tag: self.tag,
            TableBlock: self.table,
            Placeholder: self.placeholder,
            TitleBlock: self.title,
            Abbreviations: self.abbreviations,
            Quote: self.quote,
        }
        for block in self.report.blocks:
            writer = writers.get(type(block))
            if writer is not None:
                writer(block)
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
        style, fallback = HEADING_STYLES.get(block.kind, ("Sub Heading", "Normal"))
        text = block.text
        match = NUMERAL.match(text)
        if match and block.kind in ("part", "section", "subsection"):
            text = f"{match.group(1)}.\t{match.group(2)}"
        if block.runs:
            self.runs(self.paragraph(style, fallback=fallback), block.runs)
        elif block.kind == "subitem":
            # "(i)" in italic, not bold, under the bold "(a)" (UN Editorial Manual).
            for run in self.paragraph(style, text, fallback).runs:
                run.italic, run.bold = True, False
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

    def quote(self, block: Quote) -> None:
        """A recommendation quoted in the follow-up information ("Recommendation", or Quote)."""
        paragraph = self.paragraph("Recommendation", fallback="Quote")
        if block.label:
            _add_run(paragraph, f"{block.label}\t")
        self.runs(paragraph, block.runs)

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
            ooxml.date_comment(comment, self.when)

    def placeholder(self, block: Placeholder) -> None:
        from docx.enum.text import WD_COLOR_INDEX

        paragraph = self.paragraph("Placeholder")
        run = _add_run(paragraph, strip_illegal(block.text))
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def table(self, block: TableBlock) -> None:
        """A statistics table: title, spanner heads, headings, rows, notes, then source.

        The heading rows (spanner heads and column headings) repeat at the top of every
        page the table runs onto; a total row is bold with a rule above it.
        """
        if block.title:
            self.paragraph("Table Title", block.title)
        columns = max([len(block.header), *(len(r) for r in block.rows)])
        heads = 2 if block.groups else 1
        element, table = ooxml.new_table(
            self.doc, heads + len(block.rows), columns, self.block_width, self.table_style
        )
        self._add(element)
        widths = self._widths(table, block, columns)
        if block.groups:
            ooxml.merge_cells(element.tr_lst[0], [span for _, span in block.groups])
        rows = ooxml.table_cells(element, table, heads)
        if block.groups:
            self._group_row(rows[0], block.groups)
        for column, (cell, paragraph) in enumerate(rows[heads - 1]):
            self._table_cell(paragraph, block, column, None)
            ooxml.cell_border(cell, "bottom")
            self._cell_runs(paragraph, block.header, column, bold=True)
        for index, (cells, values) in enumerate(zip(rows[heads:], block.rows, strict=False)):
            total = index < len(block.totals) and block.totals[index]
            for column, (cell, paragraph) in enumerate(cells):
                self._table_cell(paragraph, block, column, widths, values)
                if total:
                    ooxml.cell_border(cell, "top")
                self._cell_runs(paragraph, values, column, bold=total)
        for note in block.notes:
            self.paragraph("Table Note", note, "Table Source")
        if block.source:
            self.paragraph("Table Source", block.source)
        else:
            self.paragraph("Table Source")

    def _group_row(
        self, cells: list[tuple[Any, DocxParagraph]], groups: list[tuple[str, int]]
    ) -> None:
        """The spanner heads: centred over their columns, a rule under each one with a title."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for (cell, paragraph), (title, _) in zip(cells, groups, strict=False):
            self._set_style(paragraph, "Table Text")
            if title.strip():
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                ooxml.cell_border(cell, "bottom")
                _add_run(paragraph, title).bold = True

    def _table_cell(
        self,
        paragraph: DocxParagraph,
        block: TableBlock,
        column: int,
        widths: list[int] | None,
        values: list[list[Run]] | None = None,
    ) -> None:
        """Style and align the paragraph of one cell: numbers right, or on a decimal tab.

        A column whose figures have different numbers of decimals lines them up on a
        decimal tab stop, leaving room for the most decimals on the right; its signs for
        no figure (``..``, ``-``) stay aligned right. Headings (*values* None) align right.
        """
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
        from docx.shared import Emu, Twips

        self._set_style(paragraph, "Table Text")
        if column >= len(block.numeric) or not block.numeric[column]:
            return
        decimals = block.decimals[column] if column < len(block.decimals) else 0
        text = _plain(values[column]) if values is not None and column < len(values) else ""
        if decimals and widths is not None and values is not None and text not in NONE_CELLS:
            size = self._table_text_points()
            room = int(decimals * size * 10 + size * 5) + 30  # digits, the sign, a margin
            position = Emu(widths[column]).twips - 2 * CELL_MARGIN - room
            if position > 0:
                paragraph.paragraph_format.tab_stops.add_tab_stop(
                    Twips(position), WD_TAB_ALIGNMENT.DECIMAL
                )
                return
        _align_right(paragraph, WD_ALIGN_PARAGRAPH.RIGHT)

    def _cell_runs(
        self, paragraph: DocxParagraph, values: list[list[Run]], column: int, *, bold: bool
    ) -> None:
        runs = values[column] if column < len(values) else []
        if bold:
            runs = [Run(r.text, True, r.italic, r.footnote, r.line_break) for r in runs]
        self.runs(paragraph, runs)

    def _table_text_points(self) -> float:
        """The size of Table Text in points (9 when the reference does not say)."""
        if self.table_points is None:
            style = self._style("Table Text")
            size = style.font.size if style is not None else None
            self.table_points = size.pt if size is not None else 9.0
        return self.table_points

    def geometry(self) -> None:
        """Read the page size and margins and the table style once, before any table."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Emu, Inches

        style = self._style("Report Table", "Table Grid")
        if style is not None and style.type == WD_STYLE_TYPE.TABLE:
            self.table_style = ooxml.table_style_id(self.doc, style)
        if self.end is None:  # python-docx's defaults: a Letter page, 1-inch margins
            self.block_width = int(Inches(8.5) - Inches(1) - Inches(1))
            return
        section = ooxml.section(self.end, self.doc)
        page_width, left, right = section.page_width, section.left_margin, section.right_margin
        self.block_width = int(
            Emu((page_width or Inches(8.5)) - (left or Inches(1)) - (right or Inches(1)))
        )
        if page_width is not None and left is not None:
            text_width = int(page_width) - int(left) - int(right or 0)
            self.text_width = text_width - (720000 + 360000)  # 2 cm indent, 1 cm on the right

    def _widths(self, table: Any, block: TableBlock, columns: int) -> list[int] | None:
        """Fit the table between the text's left edge (2 cm) and the right margin less 1 cm.

        Returns the columns' widths in EMU, or None when the page size is unknown.
        """
        if self.text_width is None:
            return None
        available = self.text_width
        weights = [
            1 if (i < len(block.numeric) and block.numeric[i]) else 2 for i in range(columns)
        ]
        total = sum(weights) or 1
        widths = [available * weights[i] // total for i in range(columns)]
        ooxml.table_widths(table, widths)
        return widths

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
        if self.notes is None:
            self.notes = self.footnotes_part()
        number = self.next_footnote
        self.next_footnote += 1
        self.footnote_ids.append((number, index))
        return ooxml.footnote_reference(number, self.footnote_style)

    def footnotes_part(self) -> tuple[Any, Any]:
        """The footnotes part (the reference document's, emptied, or a new one) and its root.

        Its separators stay; the report's footnotes get the ids above theirs (Word writes
        them as -1 and 0, LibreOffice as 0 and 1).
        """
        part, root = ooxml.footnotes_part(self.doc)
        kept = [ooxml.int_or_zero(note.get(f"{{{W_NS}}}id")) for note in root]
        self.next_footnote = max([0, *kept]) + 1
        return part, root

    def footnotes(self) -> None:
        """Fill the footnotes part with every footnote referred to in the body."""
        if self.notes is None:
            return
        part, root = self.notes
        if self.footnote_ids:
            ooxml.name_separators(self.doc, root)
        text_style = self._style_id("Footnote Text")
        for number, index in self.footnote_ids:
            root.append(
                ooxml.footnote(
                    number, self.report.footnotes[index], text_style, self.footnote_style
                )
            )
        ooxml.store_footnotes(part, root)

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
        ooxml.keep_shift_return_lines(self.doc)

    def language(self) -> None:
        """Mark the text's language (spelling and hyphenation) as the report's."""
        ooxml.set_language(self.doc, LANG_TAGS.get(self.report.lang, self.report.lang))


_add_run = ooxml.add_run
_align_right = ooxml.align_right

CELL_MARGIN = 108
"""A table cell's inner margin on each side, in twips, as Word's Table Grid has it (the
packaged Report Table has 85): the room a decimal tab stop leaves on the right."""


def _plain(runs: list[Run]) -> str:
    """The text of *runs*, stripped."""
    return "".join(r.text for r in runs).strip()


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
