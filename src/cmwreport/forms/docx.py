"""The Word form: written with one table per question, read back as Word displays it.

:func:`write_docx` writes the form (a small table per question, yellow cells to type in,
the form's data in a hidden paragraph); :func:`read_docx` reads a filled one back.
:class:`DocxReader` reads an answer cell as Word displays it, with every tracked change
accepted. python-docx's ``paragraph.text`` skips tracked insertions, content controls
and field results; this reader walks the cell's WordprocessingML itself:

* tracked changes accepted: ``w:ins`` and ``w:moveTo`` kept, ``w:del`` and ``w:moveFrom``
  dropped, a deleted paragraph mark joins its paragraph to the next;
* text in content controls (``w:sdt``), simple and complex fields (the result, not the
  field code), hyperlinks, smart tags and custom XML is read;
* bold and italic (direct or from a character style) become ``**…**`` and ``*…*``;
  Word's own lists (``w:numPr``, on the paragraph or its style, with their levels) and
  bullets typed by hand become Markdown lists; a manual line break (Shift+Enter) stays
  inside its paragraph; Word footnotes and endnotes become Markdown footnotes;
* what Markdown cannot carry (an image, a chart, a text box, a table, an embedded object,
  an equation) is *refused*: the answer is not imported and the import names it.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmwreport.errors import InputFileError
from cmwreport.forms.collect import (
    DOCX_MARK_PREFIX,
    FORM_MARK,
    FilledForm,
    FilledRow,
    FormData,
    FormRow,
    current_text,
    kind_of,
    read_meta_json,
    status_shown,
    verify_meta,
)
from cmwreport.forms.inline import BREAK, Block, Span, blocks_markdown, paragraph_markdown
from cmwreport.forms.labels import answer_label, both, instructions
from cmwreport.i18n import t
from cmwreport.text import strip_illegal

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_FOOTNOTE_OPEN, _FOOTNOTE_CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_FOOTNOTE_OPEN}(\\w+):(-?\\d+){_FOOTNOTE_CLOSE}")
_LABEL = re.compile(r"\[\^([^\]\s]+)\]")

_WALK_INTO = {"ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"}
_SKIP = {"del", "moveFrom"}
_RUN_CHARACTERS = {"tab": " ", "ptab": " ", "noBreakHyphen": "-"}
"""Run elements that Word shows as one character."""


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _local(element: Any) -> tuple[str, str]:
    """(namespace, local name) of an lxml element (comments and PIs give empty names)."""
    tag = element.tag
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def _on(element: Any) -> bool:
    """Whether a toggle property (``w:b``, ``w:i``) is switched on."""
    if element is None:
        return False
    value = element.get(_w("val"))
    return value is None or value.lower() not in ("0", "false", "off", "none")


@dataclass
class CellText:
    """What one answer cell says: its Markdown, and what could not be carried (if anything)."""

    markdown: str
    refused: list[str] = field(default_factory=list)
    """Kinds of content Markdown cannot carry: ``image``, ``chart``, ``textbox``, ``table``,
    ``object``, ``equation``."""


class DocxReader:
    """Reads cells of one open python-docx document (its numbering, styles and notes)."""

    def __init__(self, document: Any) -> None:
        self._list_kinds: dict[tuple[str, int], str | None] = {}
        self._numbered: set[str] = set()
        self._style_numbering: dict[str, tuple[str, int]] = {}
        self._style_emphasis: dict[str, tuple[bool, bool]] = {}
        self._notes: dict[str, dict[str, Any]] = {"footnote": {}, "endnote": {}}
        self._load(document)
        self._fields: list[str] = []
        self._refused: list[str] = []

    # ------------------------------------------------------------------ the parts

    def _load(self, document: Any) -> None:
        """Read the document's numbering, notes and styles, as far as they are there."""
        self._load_parts(document.part)
        try:
            styles = document.styles.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        self._load_styles(styles)

    def _load_parts(self, part: Any) -> None:
        """Read the numbering part and the footnotes and endnotes parts of the document."""
        from docx.oxml import parse_xml

        for rel in part.rels.values():
            if rel.is_external:
                continue
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind not in ("numbering", "footnotes", "endnotes"):
                continue
            target = rel.target_part
            element = getattr(target, "element", None)
            if element is None:
                element = parse_xml(target.blob)
            if kind == "numbering":
                self._load_numbering(element)
            else:
                note = kind[:-1]
                for child in element.iter(_w(note)):
                    self._notes[note][child.get(_w("id"), "")] = child

    def _load_styles(self, styles: Any) -> None:
        """Read the numbering and the bold and italic each style gives."""
        based: dict[str, str] = {}
        for style in styles.iter(_w("style")):
            style_id = style.get(_w("styleId"), "")
            parent = style.find(_w("basedOn"))
            if parent is not None:
                based[style_id] = parent.get(_w("val"), "")
            num = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num is not None:
                self._style_numbering[style_id] = self._num_pr(num, 0)
            props = style.find(_w("rPr"))
            if props is not None:
                self._style_emphasis[style_id] = (
                    _on(props.find(_w("b"))),
                    _on(props.find(_w("i"))),
                )
        self._inherit_numbering(based)

    def _inherit_numbering(self, based: dict[str, str]) -> None:
        """Give a style the numbering of the style it is based on, a few steps deep."""
        for style_id in list(based):
            seen, current = {style_id}, based.get(style_id)
            while current and current not in seen and style_id not in self._style_numbering:
                seen.add(current)
                if current in self._style_numbering:
                    self._style_numbering[style_id] = self._style_numbering[current]
                current = based.get(current)

    def _load_numbering(self, element: Any) -> None:
        abstract: dict[str, dict[int, str | None]] = {}
        for node in element.iter(_w("abstractNum")):
            levels: dict[int, str | None] = {}
            for level in node.iter(_w("lvl")):
                fmt = level.find(_w("numFmt"))
                value = fmt.get(_w("val"), "decimal") if fmt is not None else "decimal"
                kind = None if value == "none" else ("bullet" if value == "bullet" else "number")
                levels[int(level.get(_w("ilvl"), "0") or 0)] = kind
            abstract[node.get(_w("abstractNumId"), "")] = levels
        for num in element.iter(_w("num")):
            num_id = num.get(_w("numId"), "")
            if num_id not in ("", "0"):
                self._numbered.add(num_id)
            ref = num.find(_w("abstractNumId"))
            levels = abstract.get(ref.get(_w("val"), "") if ref is not None else "", {})
            for ilvl, kind in levels.items():
                self._list_kinds[(num_id, ilvl)] = kind
            for override in num.iter(_w("lvlOverride")):
                level = override.find(_w("lvl"))
                fmt = level.find(_w("numFmt")) if level is not None else None
                if fmt is not None:
                    value = fmt.get(_w("val"), "decimal")
                    kind = (
                        None if value == "none" else ("bullet" if value == "bullet" else "number")
                    )
                    self._list_kinds[(num_id, int(override.get(_w("ilvl"), "0") or 0))] = kind

    @staticmethod
    def _num_pr(num: Any, default_level: int) -> tuple[str, int]:
        num_id = num.find(_w("numId"))
        ilvl = num.find(_w("ilvl"))
        level = default_level
        if ilvl is not None:
            try:
                level = int(ilvl.get(_w("val"), "0"))
            except ValueError:
                level = default_level
        return (num_id.get(_w("val"), "") if num_id is not None else "", level)

    # ------------------------------------------------------------------ cells

    def cell(self, tc: Any) -> CellText:
        """The Markdown of the answer cell *tc* (a ``w:tc`` element)."""
        self._fields = []
        self._refused = []
        blocks: list[Block] = []
        self._blocks(tc, blocks)
        notes: list[tuple[str, str]] = []
        body = blocks_markdown(blocks)
        used = set(_LABEL.findall(body))
        labels: dict[tuple[str, str], str] = {}

        def label_for(match: re.Match[str]) -> str:
            key = (match.group(1), match.group(2))
            if key not in labels:
                number = len(labels) + 1
                while str(number) in used:
                    number += 1
                used.add(str(number))
                labels[key] = str(number)
                notes.append((labels[key], self._note_text(*key)))
            return f"[^{labels[key]}]"

        body = _PLACEHOLDER.sub(label_for, body)
        for label, text in notes:
            body += f"\n\n[^{label}]: {text}" if body else f"[^{label}]: {text}"
        refused = list(dict.fromkeys(self._refused))
        return CellText(body.strip(), refused)

    def plain(self, tc: Any) -> str:
        """The text of the cell *tc* as Word shows it, without formatting marks."""
        self._fields = []
        blocks: list[Block] = []
        self._blocks(tc, blocks)
        lines = []
        for block in blocks:
            text = "".join(" " if s.text == BREAK else s.text for s in block.spans)
            lines.append(_PLACEHOLDER.sub("", text))
        return "\n".join(lines)

    def _note_text(self, kind: str, note_id: str) -> str:
        note = self._notes.get(kind, {}).get(note_id)
        if note is None:
            return ""
        blocks: list[Block] = []
        self._blocks(note, blocks)
        paragraphs = [paragraph_markdown(b.spans) for b in blocks]
        paragraphs = [p.strip() for p in paragraphs if p.strip()]
        # Later paragraphs of a footnote are indented, so Markdown keeps them in the note.
        return "\n\n    ".join(p.replace("\n", "\n    ") for p in paragraphs)

    def _blocks(self, parent: Any, blocks: list[Block]) -> None:
        merging: list[Span] | None = None
        for child in parent:
            ns, name = _local(child)
            if ns == W and name == "p":
                merging = self._add_paragraph(child, blocks, merging)
            else:
                self._other_block(ns, name, child, blocks)
        if merging is not None:
            blocks.append(Block(merging))

    def _add_paragraph(
        self, p: Any, blocks: list[Block], merging: list[Span] | None
    ) -> list[Span] | None:
        """Add the paragraph *p* (after the *merging* spans); its spans if its mark was deleted."""
        block = self._paragraph(p)
        if merging is not None:
            block.spans[:0] = merging
        props = p.find(f"{_w('pPr')}/{_w('rPr')}")
        if props is not None and (
            props.find(_w("del")) is not None or props.find(_w("moveFrom")) is not None
        ):
            return block.spans  # the paragraph mark was deleted: join the next one
        blocks.append(block)
        return None

    def _other_block(self, ns: str, name: str, child: Any, blocks: list[Block]) -> None:
        """A block other than a paragraph: walked into when it holds text, else refused."""
        if ns == W and name == "tbl":
            self._refused.append("table")
        elif ns == W and name == "sdt":
            content = _control_content(child)
            if content is not None:
                self._blocks(content, blocks)
        elif ns == W and name in ("customXml", "ins", "moveTo"):
            self._blocks(child, blocks)
        elif ns == MC and name == "AlternateContent":
            choice = child.find(f"{{{MC}}}Choice")
            if choice is not None:
                self._blocks(choice, blocks)
        elif ns == M:
            self._refused.append("equation")

    def _paragraph(self, p: Any) -> Block:
        block = Block()
        props = p.find(_w("pPr"))
        numbering: tuple[str, int] | None = None
        if props is not None:
            num = props.find(_w("numPr"))
            style = props.find(_w("pStyle"))
            style_id = style.get(_w("val"), "") if style is not None else ""
            from_style = self._style_numbering.get(style_id)
            if num is not None:
                numbering = self._num_pr(num, from_style[1] if from_style else 0)
                if not numbering[0] and from_style:
                    numbering = (from_style[0], numbering[1])
            elif from_style is not None:
                numbering = from_style
        if numbering is not None and numbering[0] in self._numbered:
            key = numbering if numbering in self._list_kinds else (numbering[0], 0)
            block.list_kind = self._list_kinds.get(key, "bullet")
            block.level = max(0, numbering[1]) if block.list_kind else 0
        self._inline(p, block.spans, (False, False))
        return block

    def _inline(self, parent: Any, spans: list[Span], emphasis: tuple[bool, bool]) -> None:
        for child in parent:
            ns, name = _local(child)
            if ns == W:
                if name == "r":
                    self._run(child, spans)
                elif name in _WALK_INTO:
                    self._inline(child, spans, emphasis)
                elif name == "sdt":
                    content = _control_content(child)
                    if content is not None:
                        self._inline(content, spans, emphasis)
                elif name in _SKIP or name == "pPr":
                    continue
            elif ns == MC and name == "AlternateContent":
                self._alternate(child)
            elif ns == M:
                self._refused.append("equation")

    def _alternate(self, element: Any) -> None:
        """Classify what a markup-compatibility block holds (drawings, mostly)."""
        self._refused.append(_drawing_kind(element))

    def _run(self, run: Any, spans: list[Span]) -> None:
        bold, italic = self._emphasis(run.find(_w("rPr")))
        for child in run:
            ns, name = _local(child)
            if ns == MC and name == "AlternateContent":
                self._alternate(child)
            elif ns != W:
                continue
            elif name == "fldChar":
                self._field_char(child.get(_w("fldCharType")))
            elif "code" not in self._fields:  # else the field's instruction, not what Word shows
                self._run_content(name, child, spans, bold, italic)

    def _emphasis(self, props: Any) -> tuple[bool, bool]:
        """Bold and italic of a run with properties *props*: its own, else its style's."""
        if props is None:
            return False, False
        bold = italic = False
        style = props.find(_w("rStyle"))
        if style is not None:
            bold, italic = self._style_emphasis.get(style.get(_w("val"), ""), (False, False))
        b, i = props.find(_w("b")), props.find(_w("i"))
        return (_on(b) if b is not None else bold, _on(i) if i is not None else italic)

    def _field_char(self, kind: str | None) -> None:
        """Follow a complex field: its code first, then (after ``separate``) its result."""
        if kind == "begin":
            self._fields.append("code")
        elif kind == "separate" and self._fields:
            self._fields[-1] = "result"
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _run_content(
        self, name: str, child: Any, spans: list[Span], bold: bool, italic: bool
    ) -> None:
        """Add what the run's element *child* (``w:name``) shows to *spans*."""
        if name == "t":
            spans.append(Span(child.text or "", bold, italic))
        elif name in _RUN_CHARACTERS:
            spans.append(Span(_RUN_CHARACTERS[name], bold, italic))
        elif name in ("br", "cr"):
            spans.append(Span(BREAK))
        elif name == "sym":
            symbol = _symbol(child)
            if symbol is not None:
                spans.append(Span(symbol, bold, italic))
        elif name in ("footnoteReference", "endnoteReference"):
            note = name[: -len("Reference")]
            marker = f"{_FOOTNOTE_OPEN}{note}:{child.get(_w('id'), '')}{_FOOTNOTE_CLOSE}"
            spans.append(Span(marker, bold, italic))
        elif name in ("drawing", "pict", "object"):
            self._refused.append(_drawing_kind(child) if name != "object" else "object")


def _symbol(sym: Any) -> str | None:
    """The character a ``w:sym`` shows (``None`` for no printable character)."""
    try:
        value = int(sym.get(_w("char"), ""), 16)
    except ValueError:
        return None
    if value >= 0xF000:  # a symbol font's private area maps onto ASCII
        value -= 0xF000
    return chr(value) if value >= 0x20 else None


def _control_content(sdt: Any) -> Any:
    """What a content control holds, or ``None`` while it shows only its placeholder text."""
    props = sdt.find(_w("sdtPr"))
    if props is not None and _on(props.find(_w("showingPlcHdr"))):
        return None  # "Click or tap here to enter text.": nothing was typed
    return sdt.find(_w("sdtContent"))


def _drawing_kind(element: Any) -> str:
    """``chart``, ``textbox``, ``image`` or ``object``: what a drawing element shows."""
    kinds = set()
    for node in element.iter():
        _, name = _local(node)
        kinds.add(name)
        if name == "graphicData":
            uri = node.get("uri", "")
            if "chart" in uri or "diagram" in uri:
                return "chart"
    if "txbx" in kinds or "textbox" in kinds:
        return "textbox"
    if "OLEObject" in kinds or "object" in kinds:
        return "object"
    return "image"


# --------------------------------------------------------------------------- writing


def write_docx(form: FormData) -> bytes:
    """The Word form: one small table per question, answers typed in the yellow cells."""
    from docx import Document

    doc = Document()
    _page_setup(doc)
    _title_block(doc, form)
    notes = _Notes(doc)
    for form_row in form.rows:
        doc.add_paragraph()
        _question_table(doc, form_row, form.languages, notes, follow_up=form.kind.follow_up)
    notes.store()
    doc.add_paragraph()
    _hidden_data(doc, form)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _page_setup(doc: Any) -> None:
    """A4 portrait, 2 cm margins, Calibri 10.5 pt."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)


def _shade(cell: Any, color: str) -> None:
    """Fill a table cell with *color* (hex)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), color)
    props.append(fill)


def _english(paragraph: Any, text: str) -> None:
    """Add the English half of a label: italic, grey."""
    from docx.shared import RGBColor

    run = paragraph.add_run(text)
    run.italic = True
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _label(cell: Any, text_id: str, text_en: str) -> None:
    """A label cell: Indonesian in bold, English below it."""
    cell.paragraphs[0].add_run(text_id).bold = True
    _english(cell.add_paragraph(), text_en)


def _put_text(cell: Any, text: str) -> None:
    """*text* in *cell*, one paragraph per line."""
    chunks = [c for c in text.split("\n") if c.strip()] or [""]
    cell.paragraphs[0].add_run(chunks[0])
    for chunk in chunks[1:]:
        cell.add_paragraph(chunk)


class _Notes:
    """The Word footnotes of a form: those of its questions' texts, made as they are cited."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.part: Any = None
        self.root: Any = None
        self.next_id = 1

    def reference(self, text: str) -> Any:
        """A run citing a new footnote that says *text*."""
        from cmwreport.markdown import Run
        from cmwreport.render import ooxml

        if self.part is None:
            self.part, self.root = ooxml.footnotes_part(self.doc)
            ooxml.name_separators(self.doc, self.root)
        number, self.next_id = self.next_id, self.next_id + 1
        paragraphs = [[Run(line)] for line in text.split("\n") if line.strip()]
        self.root.append(ooxml.footnote(number, paragraphs, None, None))
        return ooxml.footnote_reference(number, None)

    def store(self) -> None:
        """Write the footnotes into their part (when python-docx keeps it as bytes)."""
        from cmwreport.render import ooxml

        if self.part is not None:
            ooxml.store_footnotes(self.part, self.root)


def _put_parts(
    cell: Any, parts: tuple[str | int, ...], notes: _Notes, note_texts: tuple[str, ...] = ()
) -> None:
    """The question's text in *cell*, one paragraph per line, its footnotes real footnotes."""
    paragraph = cell.paragraphs[0]
    started = False
    for part in parts:
        if isinstance(part, int):
            paragraph._p.append(notes.reference(note_texts[part]))
            started = True
            continue
        for index, chunk in enumerate(part.split("\n")):
            if index:
                if started:
                    paragraph = cell.add_paragraph()
                started = False
            if chunk:
                paragraph.add_run(chunk)
                started = True


def _title_block(doc: Any, form: FormData) -> None:
    """The form's title, its body and list, and the instructions in a shaded box."""
    title = doc.add_heading(level=1)
    title.add_run(both(_title_key(form), code=form.code))
    sub = doc.add_paragraph()
    sub_run = sub.add_run(
        strip_illegal(f"{form.body} — {form.state} — {form.symbol} — ")
        + both("form.issued", date=form.issued)
    )
    sub_run.italic = True
    box = doc.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    cell = box.cell(0, 0)
    _shade(cell, "E8F0F8")
    for index, (text_id, text_en) in enumerate(instructions(form.languages, form.kind.follow_up)):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run("• " + text_id).bold = False
        _english(cell.add_paragraph(), "   " + text_en)


def _title_key(form: FormData) -> str:
    """The message key of the form's title."""
    return "form.title_follow_up" if form.kind.follow_up else "form.title"


def _question_table(
    doc: Any, form_row: FormRow, languages: list[str], notes: _Notes, *, follow_up: bool = False
) -> None:
    """One question's table: its text, the current answer, a yellow row per language, status.

    The footnotes of the question's text are real Word footnotes (*notes*). A follow-up
    form's table has one more yellow row at the end: the implementation state.
    """
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=3 + len(languages) + (1 if follow_up else 0), cols=2)
    table.style = "Table Grid"
    table.autofit = False
    table.columns[0].width = Cm(4.5)
    table.columns[1].width = Cm(12.5)
    for row in table.rows:
        row.cells[0].width = Cm(4.5)
        row.cells[1].width = Cm(12.5)
    id_cell, text_cell = table.cell(0, 0), table.cell(0, 1)
    id_run = id_cell.paragraphs[0].add_run(form_row.question)
    id_run.bold = True
    id_run.font.size = Pt(13)
    _put_parts(text_cell, form_row.parts or (form_row.text,), notes, form_row.notes)
    if form_row.data:
        text_cell.add_paragraph(both("form.data_hint", data=", ".join(form_row.data)))
    _shade(id_cell, "DDDDDD")
    _shade(text_cell, "EEEEEE")
    _label(table.cell(1, 0), t("form.col.current", "id"), t("form.col.current", "en"))
    _put_text(table.cell(1, 1), current_text(form_row))
    _shade(table.cell(1, 1), "EEEEEE")
    for index, code in enumerate(languages, start=2):
        _label(table.cell(index, 0), *answer_label(code))
        table.rows[index].height = Cm(3)
        table.rows[index].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        _shade(table.cell(index, 1), "FFF6CC")
    status_row = 2 + len(languages)
    _label(table.cell(status_row, 0), t("form.col.status", "id"), t("form.col.status", "en"))
    table.cell(status_row, 1).paragraphs[0].add_run(status_shown(form_row))
    _shade(table.cell(status_row, 1), "FFF6CC")
    if follow_up:
        label = (t("form.col.implementation", "id"), t("form.col.implementation", "en"))
        _label(table.cell(status_row + 1, 0), *label)
        table.cell(status_row + 1, 1).paragraphs[0].add_run(form_row.implementation)
        _shade(table.cell(status_row + 1, 1), "FFF6CC")


def _hidden_data(doc: Any, form: FormData) -> None:
    """The form's data in a hidden paragraph at the end, and its mark in the properties."""
    from docx.shared import Pt

    mark = doc.add_paragraph()
    run = mark.add_run(DOCX_MARK_PREFIX + json.dumps(form.meta(), separators=(",", ":")))
    run.font.hidden = True
    run.font.size = Pt(6)
    doc.core_properties.title = both(_title_key(form), code=form.code)[:250]
    doc.core_properties.subject = FORM_MARK
    doc.core_properties.keywords = f"{FORM_MARK} {form.code} {form.symbol}"[:250]


# --------------------------------------------------------------------------- reading


def read_docx(path: Path, lang: str) -> FilledForm:
    """Read a filled Word form (checked by :func:`cmwreport.forms.safety.check_container`).

    python-docx has no error type of its own for a damaged document: a missing part is a
    ``KeyError``, a wrong content type a ``ValueError``, bad XML lxml's ``XMLSyntaxError``,
    a part of the wrong kind an ``AttributeError`` (often only once its body is read), a
    damaged style or numbering part a ``TypeError`` or ``ValueError``. Every one of them
    means "damaged" to the person who sent the form, and is reported as such.
    """
    from docx import Document

    try:
        doc = Document(str(path))
        return _read_document(doc, DocxReader(doc), path, lang)
    except InputFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx has no common error type (see above)
        raise InputFileError(path, t("form.not_office", lang), lang) from exc


def _read_document(doc: Any, reader: DocxReader, path: Path, lang: str) -> FilledForm:
    """The hidden data and the filled tables of an open Word form."""
    meta = _hidden_meta(doc, path, lang)
    languages: list[str] = list(meta.get("languages", []))
    known = {r["question"] for r in meta.get("rows", [])}
    follow_up = kind_of(meta).follow_up
    filled = FilledForm(meta=meta, rows=[])
    for table in doc.tables:
        rows = table.rows
        if len(rows) < 3 + len(languages) + follow_up or len(rows[0].cells) < 2:
            continue
        question = reader.plain(rows[0].cells[0]._tc).strip()
        if question in known:
            number = len(filled.rows) + 1
            row = _filled_row(reader, rows, question, number, languages, lang)
            if follow_up:
                chosen = reader.plain(rows[3 + len(languages)].cells[1]._tc).strip()
                row.implementation = chosen or None
            filled.rows.append(row)
    return filled


def _hidden_meta(doc: Any, path: Path, lang: str) -> dict[str, Any]:
    """The form's data, from the last paragraph that starts with :data:`DOCX_MARK_PREFIX`."""
    prefix = DOCX_MARK_PREFIX.strip()
    for paragraph in reversed(doc.paragraphs):
        text = paragraph.text.strip()
        if text.startswith(prefix):
            meta = read_meta_json(text[len(prefix) :].strip(), path, lang)
            verify_meta(meta, path, lang)
            return meta
    raise InputFileError(path, t("form.foreign", lang), lang)


def _filled_row(
    reader: DocxReader, rows: Any, question: str, number: int, languages: list[str], lang: str
) -> FilledRow:
    """What the table of *question* (the *number*-th on the form) says."""
    place = t("form.place_table", lang, question=question, number=number)
    texts: dict[str, str] = {}
    refused: dict[str, list[str]] = {}
    for index, code in enumerate(languages, start=2):
        cell = reader.cell(rows[index].cells[1]._tc)
        if cell.refused:
            refused[code] = cell.refused
        if cell.markdown:
            texts[code] = cell.markdown
    status = reader.plain(rows[2 + len(languages)].cells[1]._tc).strip() or None
    shown = reader.plain(rows[1].cells[1]._tc)
    return FilledRow(question, texts, status, place, shown=shown, refused=refused)
