"""Read an answer cell of a Word form as Word displays it, with every tracked change accepted.

python-docx's ``paragraph.text`` skips tracked insertions, content controls and field
results; this reader walks the cell's WordprocessingML itself:

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

import re
from dataclasses import dataclass, field
from typing import Any

from cmwreport.forms.inline import BREAK, Block, Span, blocks_markdown, paragraph_markdown

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_FOOTNOTE_OPEN, _FOOTNOTE_CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_FOOTNOTE_OPEN}(\\w+):(-?\\d+){_FOOTNOTE_CLOSE}")
_LABEL = re.compile(r"\[\^([^\]\s]+)\]")

_WALK_INTO = {"ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"}
_SKIP = {"del", "moveFrom"}


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
        from docx.oxml import parse_xml

        part = document.part
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
        try:
            styles = document.styles.element
        except (AttributeError, KeyError, NotImplementedError):
            return
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
        for style_id in list(based):  # inherit numbering along basedOn, a few steps deep
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
                block = self._paragraph(child)
                if merging is not None:
                    block.spans[:0] = merging
                    merging = None
                props = child.find(f"{_w('pPr')}/{_w('rPr')}")
                if props is not None and (
                    props.find(_w("del")) is not None or props.find(_w("moveFrom")) is not None
                ):
                    merging = block.spans  # the paragraph mark was deleted: join the next one
                    continue
                blocks.append(block)
            elif ns == W and name == "tbl":
                self._refused.append("table")
            elif ns == W and name in ("sdt",):
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
        if merging is not None:
            blocks.append(Block(merging))

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
        props = run.find(_w("rPr"))
        bold = italic = False
        if props is not None:
            style = props.find(_w("rStyle"))
            if style is not None:
                bold, italic = self._style_emphasis.get(style.get(_w("val"), ""), (False, False))
            b, i = props.find(_w("b")), props.find(_w("i"))
            bold = _on(b) if b is not None else bold
            italic = _on(i) if i is not None else italic
        for child in run:
            ns, name = _local(child)
            if ns == MC and name == "AlternateContent":
                self._alternate(child)
                continue
            if ns != W:
                continue
            if name == "fldChar":
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    self._fields.append("code")
                elif kind == "separate" and self._fields:
                    self._fields[-1] = "result"
                elif kind == "end" and self._fields:
                    self._fields.pop()
                continue
            if "code" in self._fields:
                continue  # the field's instruction, not what Word shows
            if name == "t":
                spans.append(Span(child.text or "", bold, italic))
            elif name in ("tab", "ptab"):
                spans.append(Span(" ", bold, italic))
            elif name in ("br", "cr"):
                spans.append(Span(BREAK))
            elif name == "noBreakHyphen":
                spans.append(Span("-", bold, italic))
            elif name == "sym":
                code = child.get(_w("char"), "")
                try:
                    value = int(code, 16)
                except ValueError:
                    continue
                if value >= 0xF000:  # a symbol font's private area maps onto ASCII
                    value -= 0xF000
                if value >= 0x20:
                    spans.append(Span(chr(value), bold, italic))
            elif name in ("footnoteReference", "endnoteReference"):
                note = name[: -len("Reference")]
                marker = f"{_FOOTNOTE_OPEN}{note}:{child.get(_w('id'), '')}{_FOOTNOTE_CLOSE}"
                spans.append(Span(marker, bold, italic))
            elif name in ("drawing", "pict", "object"):
                self._refused.append(_drawing_kind(child) if name != "object" else "object")


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
