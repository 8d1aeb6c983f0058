r"""Formatted text read from a form → answer Markdown (shared by the Word and Excel readers).

A form's answer arrives as paragraphs of *spans*: stretches of text that are bold, italic,
both or neither, plus manual line breaks and footnote references. :func:`paragraph_markdown`
writes one paragraph as Markdown (``**bold**``, ``*italic*``, a hard line break ``\\``),
:func:`blocks_markdown` joins paragraphs, keeping the lines of one list together, and turns
bullets typed by hand (``•``, ``-``, ``◦``, …) into Markdown list items, nested by indent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cmwreport.text import DOCX_ILLEGAL

BREAK = "\n"
"""The text of a span that is a manual line break (Shift+Enter, Alt+Enter)."""

_TYPED_BULLET = re.compile(r"^(?P<indent>[ \t\u00a0]*)(?P<mark>[•◦▪‣·●○■□–\-*])[ \t\u00a0]+")
_TYPED_NUMBER = re.compile(r"^(?P<indent>[ \t\u00a0]*)(?P<mark>\d{1,3})[.)][ \t\u00a0]+")
_BLOCK_START = re.compile(r"^(?:[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|[ \t]*#|[ \t]*>)")


@dataclass
class Span:
    """A stretch of text with one formatting (or a line break, whose text is :data:`BREAK`)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """One paragraph of a form's answer."""

    spans: list[Span] = field(default_factory=list)
    list_kind: str | None = None
    """``bullet`` or ``number`` for a paragraph of a Word list, else ``None``."""
    level: int = 0
    """The list level (0 = top) of a Word list paragraph."""


def clean(text: str) -> str:
    """*text* without the characters a DOCX cannot hold (as ``render`` drops them)."""
    return DOCX_ILLEGAL.sub("", text)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if (
            last is not None
            and span.text != BREAK
            and last.text != BREAK
            and (last.bold, last.italic) == (span.bold, span.italic)
        ):
            last.text += span.text
        else:
            merged.append(Span(span.text, span.bold, span.italic))
    return merged


def _emphasis(span: Span) -> str:
    """One span as Markdown, the marks hugging the text (spaces stay outside them)."""
    text = span.text
    if not (span.bold or span.italic) or not text.strip():
        return text
    mark = ("**" if span.bold else "") + ("*" if span.italic else "")
    stripped = text.strip()
    head = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()) :]
    return f"{head}{mark}{stripped}{mark[::-1]}{tail}"


def paragraph_markdown(spans: list[Span]) -> str:
    """One paragraph's *spans* as Markdown: emphasis marked, line breaks kept as hard breaks."""
    lines: list[str] = [""]
    for span in _merge(spans):
        if span.text == BREAK:
            lines.append("")
        else:
            lines[-1] += _emphasis(span)
    lines = [clean(line).replace("\u00a0", " ").rstrip() for line in lines]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    lines = [line for line in lines if line.strip()]
    out: list[str] = []
    for index, line in enumerate(lines):
        if index == 0:
            out.append(line)
            continue
        line = line.strip()
        # A line that would start a list, a heading or a quote stays inside the paragraph.
        if _BLOCK_START.match(line):
            line = re.sub(r"^(\d+)([.)])", r"\1\\\2", line) if line[:1].isdigit() else "\\" + line
        out[-1] += "\\"
        out.append(line)
    return "\n".join(out)


def _indent_width(indent: str) -> int:
    return sum(4 if ch == "\t" else 1 for ch in indent)


def blocks_markdown(blocks: list[Block]) -> str:
    """Paragraphs → Markdown: one paragraph per block, consecutive list items kept together."""
    parts: list[str] = []
    columns: list[int] = []  # where the text of the open list item at each level starts
    typed_indents: list[int] = []
    for block in blocks:
        text = paragraph_markdown(block.spans)
        if not text.strip():
            columns = []
            continue
        item: tuple[str, int, str] | None = None  # (marker, level, rest)
        if block.list_kind is not None:
            marker = "-" if block.list_kind == "bullet" else "1."
            item = (marker, block.level, text.strip())
            typed_indents = []
        else:
            typed = _TYPED_BULLET.match(text) or _TYPED_NUMBER.match(text)
            if typed is not None:
                width = _indent_width(typed.group("indent"))
                while typed_indents and typed_indents[-1] > width:
                    typed_indents.pop()
                if not typed_indents or typed_indents[-1] < width:
                    typed_indents.append(width)
                marker = "1." if typed.group("mark").isdigit() else "-"
                item = (marker, len(typed_indents) - 1, text[typed.end() :].strip())
        if item is None:
            parts.append(text.strip())
            columns = []
            typed_indents = []
            continue
        in_list = bool(columns)
        marker, level, rest = item
        level = max(0, min(level, len(columns)))
        del columns[level:]
        pad = columns[-1] if columns else 0
        columns.append(pad + len(marker) + 1)
        rest = rest.replace("\n", "\n" + " " * columns[-1])
        line = f"{' ' * pad}{marker} {rest}"
        if in_list:
            parts[-1] += "\n" + line
        else:
            parts.append(line)
    return "\n\n".join(parts)
