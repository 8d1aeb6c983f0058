"""Answer Markdown → blocks the report model understands, via markdown-it-py.

What a desk officer may write, and what it becomes:

- a Markdown paragraph → one :class:`MdParagraph` (one numbered paragraph of the report);
- a bullet or numbered list → one :class:`MdList`; in the report its items are lettered
  (a), (b), (c) as in UN documents, and a list inside a list uses (i), (ii), (iii);
- ``**bold**``, ``*italic*`` → runs with those flags; ``[text](address)`` → the text only;
  inline code → plain text; a line break → a line break;
- ``# heading`` inside an answer → an :class:`MdHeading` (an unnumbered sub-heading);
- a pipe table → an :class:`MdTable`;
- ``[^1]`` with ``[^1]: text`` → a footnote reference and its footnote.

Raw HTML is shown as the characters typed, never interpreted. Characters a DOCX cannot
hold are removed before parsing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cmwreport.text import strip_illegal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass
class Run:
    """A stretch of text with one formatting, or a footnote reference, or a line break."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    footnote: int | None = None
    """Index of the footnote referred to (in the enclosing :class:`Parsed`, later the report)."""
    line_break: bool = False


@dataclass
class MdParagraph:
    """A paragraph of text."""

    runs: list[Run]


@dataclass
class MdHeading:
    """A heading written inside an answer."""

    runs: list[Run]


@dataclass
class MdListItem:
    """One list item: its depth (0 for the outer list) and its text."""

    level: int
    runs: list[Run]
    ordered: bool = False


@dataclass
class MdList:
    """A list with its items (nested items carry a higher level)."""

    items: list[MdListItem]


@dataclass
class MdTable:
    """A pipe table written in the Markdown itself."""

    header: list[list[Run]]
    rows: list[list[list[Run]]]


MdBlock = MdParagraph | MdHeading | MdList | MdTable


@dataclass
class Parsed:
    """An answer text as blocks, with its footnotes (each a list of paragraphs of runs)."""

    blocks: list[MdBlock] = field(default_factory=list)
    footnotes: list[list[list[Run]]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.use(footnote_plugin)
    md.enable("table")
    return md


def parse(text: str) -> Parsed:
    """Parse answer Markdown *text* into blocks and footnotes."""
    md = _parser()
    env: dict[str, Any] = {}
    tokens = md.parse(strip_illegal(text), env)
    return _Walker(tokens).run()


class _Walker:
    """Turn the flat token stream into blocks; footnote references become indexes."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.parsed = Parsed()
        # markdown-it numbers footnotes from 0 in order of first reference; every reference
        # gets its own footnote in the report (Word allows one reference per footnote).
        self.definitions: dict[int, list[list[Run]]] = {}
        self.references: list[tuple[Run, int]] = []

    def run(self) -> Parsed:
        tokens = self.tokens
        i = 0
        list_items: list[MdListItem] | None = None
        depth = 0
        ordered: list[bool] = []
        footnote_id: int | None = None
        heading = False
        table: MdTable | None = None
        in_head = False
        row: list[list[Run]] = []
        while i < len(tokens):
            tok = tokens[i]
            kind = tok.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                if list_items is None:
                    list_items = []
                ordered.append(kind == "ordered_list_open")
                depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
                ordered.pop()
                if depth == 0:
                    if list_items and footnote_id is None:
                        self.parsed.blocks.append(MdList(list_items))
                    list_items = None
            elif kind == "list_item_open" and list_items is not None:
                list_items.append(MdListItem(level=depth - 1, runs=[], ordered=ordered[-1]))
            elif kind == "footnote_open":
                footnote_id = int(tok.meta["id"])
                self.definitions[footnote_id] = []
            elif kind == "footnote_close":
                footnote_id = None
            elif kind == "heading_open":
                heading = True
            elif kind == "heading_close":
                heading = False
            elif kind == "table_open":
                table = MdTable(header=[], rows=[])
            elif kind == "table_close" and table is not None:
                self.parsed.blocks.append(table)
                table = None
            elif kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind == "tr_open":
                row = []
            elif kind == "tr_close" and table is not None:
                if in_head:
                    table.header = row
                else:
                    table.rows.append(row)
            elif kind == "inline":
                runs = self.inline(tok.children or [])
                if table is not None:
                    row.append(runs)
                elif footnote_id is not None:
                    self.definitions[footnote_id].append(runs)
                elif list_items is not None and list_items:
                    item = list_items[-1]
                    if item.runs:
                        item.runs.append(Run(line_break=True))
                    item.runs.extend(runs)
                elif heading:
                    self.parsed.blocks.append(MdHeading(runs))
                else:
                    self.parsed.blocks.append(MdParagraph(runs))
            elif kind in ("code_block", "fence"):
                code = tok.content.rstrip("\n")
                if footnote_id is not None:
                    self.definitions[footnote_id].append([Run(code)])
                else:
                    self.parsed.blocks.append(MdParagraph(_lines(code)))
            elif kind == "html_block":  # only when html is on; kept as text for safety
                self.parsed.blocks.append(MdParagraph(_lines(tok.content.rstrip("\n"))))
            i += 1
        self.finish()
        return self.parsed

    def inline(self, children: list[Token]) -> list[Run]:
        runs: list[Run] = []
        bold = 0
        italic = 0
        for child in children:
            kind = child.type
            if kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind in ("text", "code_inline", "html_inline"):
                _append(runs, Run(child.content, bold=bold > 0, italic=italic > 0))
            elif kind == "image":
                _append(runs, Run(child.content, bold=bold > 0, italic=italic > 0))
            elif kind == "softbreak":
                _append(runs, Run(" ", bold=bold > 0, italic=italic > 0))
            elif kind == "hardbreak":
                runs.append(Run(line_break=True))
            elif kind == "footnote_ref":
                ref = Run(footnote=-1)
                runs.append(ref)
                self.references.append((ref, int(child.meta["id"])))
            # link_open / link_close: the link's text is kept, its address dropped.
        return runs

    def finish(self) -> None:
        for ref, footnote_id in self.references:
            ref.footnote = len(self.parsed.footnotes)
            self.parsed.footnotes.append(self.definitions.get(footnote_id, []))


def _append(runs: list[Run], run: Run) -> None:
    """Add *run*, merging it into the previous run when the formatting is the same."""
    if not run.text:
        return
    if runs:
        last = runs[-1]
        if (
            last.footnote is None
            and not last.line_break
            and last.bold == run.bold
            and last.italic == run.italic
        ):
            last.text += run.text
            return
    runs.append(run)


def _lines(text: str) -> list[Run]:
    runs: list[Run] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            runs.append(Run(line_break=True))
        if line:
            runs.append(Run(line))
    return runs


def plain(runs: list[Run]) -> str:
    """The text of *runs* without formatting (line breaks as spaces)."""
    return "".join(" " if r.line_break else r.text for r in runs)
