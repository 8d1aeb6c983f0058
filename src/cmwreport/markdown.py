"""Answer Markdown → blocks the report model understands, via markdown-it-py.

What a desk officer may write, and what it becomes:

- a Markdown paragraph → one :class:`MdParagraph` (one numbered paragraph of the report);
- a bullet or numbered list → one :class:`MdList`; in the report its items are lettered
  (a), (b), (c) as in UN documents, and a list inside a list uses (i), (ii), (iii);
- ``**bold**``, ``*italic*`` → runs with those flags; ``[text](address)`` → the text only
  (a title, ``[text](address "title")``, follows it in brackets);
  inline code → plain text; a line break → a line break;
- ``# heading`` inside an answer → an :class:`MdHeading` (an unnumbered sub-heading);
- a pipe table → an :class:`MdTable`;
- ``[^1]`` with ``[^1]: text`` → a footnote reference and its footnote.

Lines beginning with a bullet pasted from Word (``•``, ``◦``, ``▪``, ``‣``) are list items,
like ``- ``; ``◦`` under ``•`` (or a deeper indentation) is a nested item.

What the report cannot show as such is shown as the characters typed, never dropped, and
recorded as a :class:`Fallback` (``check`` reports each as ``unsupported-markdown``):
raw HTML, images, link reference definitions (``[1]: https://…``), a footnote defined
but never referred to (or defined twice), a pipe table whose row has more cells than its
heading, containers (quotes, lists, footnotes) nested more than :data:`MAX_NESTING` deep,
and list items deeper than :data:`MAX_LIST_DEPTH` levels (shown at the deepest level, with
the marker typed). Characters a DOCX cannot hold are removed before parsing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from cmwreport.text import strip_illegal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

MAX_NESTING = 20
"""How deep quotes, lists and footnotes may nest (as markdown-it counts: a list and its
item count two); a container that would open deeper is shown as the characters typed."""

MAX_LIST_DEPTH = 3
"""List levels the report shows: (a), (i) and a third; deeper items keep their marker."""

INLINE_NESTING = 8
"""How deep links, images and notes may nest inside one another; deeper ones stay text."""

FallbackKind = Literal[
    "html", "image", "link-definition", "footnote", "table", "nesting", "list-depth"
]


@dataclass(frozen=True, order=True)
class Fallback:
    """Markdown the report cannot show as such, shown as typed: what, and on which line.

    *line* counts from 0, the first line of the text.
    """

    line: int
    kind: FallbackKind


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
    marker: str = ""
    """The marker typed (``-``, ``3.``), shown instead of a letter: for an item nested deeper
    than the report shows, and in a numbered list that does not start at 1."""


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
    fallbacks: list[Fallback] = field(default_factory=list)
    """What was shown as typed because the report cannot show it as such."""


# ------------------------------------------------------------------ bullets from Word

WORD_BULLETS = {"•": 0, "‣": 0, "◦": 1, "▪": 2}
"""Bullets Word leaves in pasted text, with the list level each usually marks."""

_BULLET_LINE = re.compile(r"([ \t]*)([•◦▪‣])[ \t]+")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _columns(indent: str) -> int:
    width = 0
    for char in indent:
        width = width + 4 - width % 4 if char == "\t" else width + 1
    return width


def word_bullets(text: str) -> str:
    """*text* with lines that begin with a bullet pasted from Word written as ``- `` items.

    An item is nested under the one before when it is indented further or, at the same
    indentation, has a bullet Word uses for a deeper level (``◦`` under ``•``). A line
    without a bullet right after an item starts a new paragraph, as it did in Word.
    """
    return _word_bullets(text)[0]


_MARKDOWN_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _word_bullets(text: str) -> tuple[str, list[int] | None]:
    """:func:`word_bullets`, and where each line of the result comes from in *text*.

    The second value lists, for each line of the result, its line in *text* (``None``
    when the lines are the same).
    """
    if not any(bullet in text for bullet in WORD_BULLETS):
        return text, None
    lines = _BulletLines()
    for index, line in enumerate(text.split("\n")):
        lines.feed(index, line)
    return "\n".join(lines.out), lines.origins


def _closes(fence: str, opened: str) -> bool:
    """Whether the code fence *fence* closes the block opened with *opened*."""
    return fence[0] == opened[0] and len(fence) >= len(opened)


class _BulletLines:
    """The lines of a text being rewritten by :func:`_word_bullets`, one at a time."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.origins: list[int] = []
        self.stack: list[tuple[int, int]] = []
        """(indentation, bullet level) of the open items, outermost first."""
        self.fence = ""
        """The fence of the code block the lines are in (``` or ~~~), or empty."""
        self.after_item = False

    def feed(self, index: int, line: str) -> None:
        """Rewrite the line *index* of the text and add it."""
        opening = _FENCE.match(line)
        match = None if self.fence or opening else _BULLET_LINE.match(line)
        if self.fence:
            if opening and _closes(opening.group(1), self.fence):
                self.fence = ""
        elif opening:
            self.fence = opening.group(1)
            self._end_list()
        elif match:
            line = self._item(line, match)
        else:
            line = self._other(index, line)
        self.out.append(line)
        self.origins.append(index)

    def _end_list(self) -> None:
        self.stack.clear()
        self.after_item = False

    def _item(self, line: str, match: re.Match[str]) -> str:
        """A line with a Word bullet, as a ``- `` item nested as deep as it belongs."""
        key = (_columns(match.group(1)), WORD_BULLETS[match.group(2)])
        while self.stack and self.stack[-1] >= key:
            self.stack.pop()
        line = "  " * len(self.stack) + "- " + line[match.end() :]
        self.stack.append(key)
        self.after_item = True
        return line

    def _other(self, index: int, line: str) -> str:
        """A line without a Word bullet: blank, indented, or where the list ends."""
        if not line.strip():
            self.after_item = False
        elif line[:1] in (" ", "\t"):
            if self.stack and not self.after_item:  # a paragraph of the item, after a blank
                line = "  " * len(self.stack) + line.lstrip(" \t")
        elif self.after_item and not _MARKDOWN_ITEM.match(line):
            self.out.append("")  # the list ends here: a new paragraph, not part of the item
            self.origins.append(index)
            self._end_list()
        elif not self.after_item:
            self.stack.clear()
        return line


# ------------------------------------------------------------------ the light pre-check

_PREFIX_CHARS = r"[ \t>*+\-0-9.)]"
_DEEP_PREFIX = re.compile(rf"\n(?={_PREFIX_CHARS}{{6}}|{_PREFIX_CHARS}*\t)({_PREFIX_CHARS}+)")
"""The indentation and list or quote markers starting a line, where they may be six
columns wide (six characters, or a tab among them). Searched for in ``"\\n" + text``: a
pattern starting with a line break is found much faster than one starting with ``^``."""
_INDENT = re.compile(r"\n(?=[ \t]{4}|[ \t]*\t)([ \t]+)")
"""Indentation that may be four columns wide, searched for as :data:`_DEEP_PREFIX` is."""
_FOOTNOTE_DEF = re.compile(r"^[ \t>*+\-0-9.)]*\[\^([^\[\]\s]+)\]:", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^([^\[\]\s]+)\](?!:)")


def may_fall_back(text: str) -> bool:
    """False only when *text* surely has nothing :func:`parse` would show as typed.

    Cheap and without markdown-it, so that ``check`` parses (and imports markdown-it)
    only the texts that need it: those holding ``<``, ``|``, ``![``, ``^[``, a definition
    (``[x]:``) other than a footnote referred to once defined, or indentation and list or
    quote markers deep enough for a fourth list level.
    """
    text = word_bullets(text)
    if "<" in text or "|" in text or "![" in text or "^[" in text:
        return True
    # a fourth list level: a prefix six columns wide (every character is one column or,
    # a tab, up to four, so only prefixes of six characters or with a tab can be)
    lines = "\n" + text
    if any(_columns(m.group(1)) >= 6 for m in _DEEP_PREFIX.finditer(lines)):
        return True
    if "]:" not in text:
        return False
    if any(_columns(m.group(1)) >= 4 for m in _INDENT.finditer(lines)) or any(
        c in text for c in ("`", "~~~", "\\", "](")
    ):
        return True  # code, escapes, links or notes could hide a footnote reference
    definitions = list(_FOOTNOTE_DEF.finditer(text))
    labels = [match.group(1) for match in definitions]
    if len(labels) != len(set(labels)) or len(labels) != text.count("]:"):
        return True
    # only references above the first definition surely stand outside every note
    referred = set(_FOOTNOTE_REF.findall(text, 0, definitions[0].start() if definitions else 0))
    return not set(labels) <= referred


# ---------------------------------------------------------------------------- parsing


def _record(env: MutableMapping[str, Any], kind: FallbackKind, line: int) -> None:
    env.setdefault("cmw_fallbacks", []).append(Fallback(line, kind))


def _inline_line(state: StateInline, pos: int) -> int:
    """The line (from 0, in the whole text) of position *pos* of an inline source."""
    env = state.env
    cached = env.get("cmw_newlines")
    if cached is None or cached[0] is not state.src:
        src = state.src
        cached = (src, [i for i, char in enumerate(src) if char == "\n"])
        env["cmw_newlines"] = cached
    return int(env.get("cmw_line", 0)) + bisect.bisect_left(cached[1], pos)


BlockRule = Callable[["StateBlock", int, int, bool], bool]
InlineRule = Callable[["StateInline", bool], bool]


def _container(rule: BlockRule) -> BlockRule:
    """*rule* (quote, list, footnote) refusing to open a container past the nesting cap."""

    def guarded(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.level >= MAX_NESTING:
            if rule(state, start, end, True):
                _record(state.env, "nesting", start)
            return False
        return rule(state, start, end, silent)

    return guarded


def _reference(rule: BlockRule) -> BlockRule:
    """Link reference definitions are kept as the lines typed, and never resolve."""

    def literal(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if not rule(state, start, end, silent):
            return False
        if silent:
            return True
        state.env.pop("references", None)
        state.env.pop("duplicate_refs", None)
        _record(state.env, "link-definition", start)
        token = state.push("cmw_literal", "", 0)
        token.map = [start, state.line]
        token.content = state.getLines(start, state.line, state.blkIndent, False).rstrip("\n")
        return True

    return literal


def _html_block(rule: BlockRule) -> BlockRule:
    """Raw HTML blocks are never made: the lines are read as text (and recorded)."""

    def text(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if not silent and rule(state, start, end, True):
            _record(state.env, "html", start)
        return False

    return text


def _table(rule: BlockRule) -> BlockRule:
    """A pipe table whose row has more cells than its heading is left as typed."""

    def whole(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent:
            return rule(state, start, end, True)
        from markdown_it.rules_block.table import escapedSplit

        tokens = len(state.tokens)
        level = state.level
        if not rule(state, start, end, False):
            return False
        heads = sum(1 for t in state.tokens[tokens:] if t.type == "th_open")
        for line in range(start + 2, state.line):
            text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
            cells = escapedSplit(text.strip())
            if cells and cells[0] == "":
                cells.pop(0)
            if cells and cells[-1] == "":
                cells.pop()
            if len(cells) > heads:
                del state.tokens[tokens:]
                state.level = level
                _record(state.env, "table", line)
                token = state.push("cmw_literal", "", 0)
                token.map = [start, state.line]
                token.content = state.getLines(start, state.line, state.blkIndent, False)
                token.content = token.content.rstrip("\n")
                return True
        return True

    return whole


def _typed(rule: InlineRule, kind: FallbackKind) -> InlineRule:
    """Inline *rule* (an image, inline HTML) shown as the characters typed, recorded as *kind*."""

    def typed(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if not rule(state, True):
            return False
        if not silent:
            token = state.push("text", "", 0)
            token.content = state.src[start : state.pos]
            _record(state.env, kind, _inline_line(state, start))
        return True

    return typed


def _inline_with_lines(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, telling inline rules which line they are on.

    Inline, markdown-it's nesting cap only limits how deep brackets are tried as links
    (beyond it they are text, never dropped); on text full of brackets (``![![![``) each
    character costs work in proportion to the cap, so it is lower here than for blocks.
    """
    options = state.md.options
    block_nesting = options["maxNesting"]
    options["maxNesting"] = INLINE_NESTING
    try:
        for token in state.tokens:
            if token.type == "inline":
                if token.children is None:
                    token.children = []
                if token.map:
                    state.env["cmw_line"] = token.map[0]
                state.md.inline.parse(token.content, state.md, state.env, token.children)
    finally:
        options["maxNesting"] = block_nesting


def _footnotes_kept(state: StateCore) -> None:
    """Footnote definitions the plugin would drop are kept as text instead.

    Those never referred to from the text (only from a note, or not at all), those defined
    twice, and those written inside another. Runs before the plugin's ``footnote_tail``.
    """
    last, referred = _definitions_and_references(state.tokens)
    if last:
        _definitions_as_text(state, last, referred)


def _definitions_and_references(tokens: list[Token]) -> tuple[dict[str, int], set[str]]:
    """Where each footnote label is last defined, and the labels the text (not a note) uses."""
    last: dict[str, int] = {}
    referred: set[str] = set()
    inside = 0
    for index, token in enumerate(tokens):
        if token.type == "footnote_reference_open":
            last[token.meta["label"]] = index
            inside += 1
        elif token.type == "footnote_reference_close":
            inside -= 1
        elif token.type == "inline" and not inside and token.children:
            referred.update(
                str(child.meta.get("label"))
                for child in token.children
                if child.type == "footnote_ref"
            )
    return last, referred


def _definitions_as_text(state: StateCore, last: dict[str, int], referred: set[str]) -> None:
    """Turn the definitions the plugin would drop into text, recording each one's line."""
    converted: list[bool] = []
    waiting = 0  # kept definitions whose line is not known yet
    line = 0
    for index, token in enumerate(state.tokens):
        if token.type == "footnote_reference_open":
            label = token.meta["label"]
            as_text = label not in referred or last[label] != index or bool(converted)
            converted.append(as_text)
            if as_text:
                token.type = "cmw_footnote_text_open"
                waiting += 1
        elif token.type == "footnote_reference_close" and converted and converted.pop():
            token.type = "cmw_footnote_text_close"
        if token.map:
            line = token.map[0]
            _record_footnotes(state.env, waiting, line)
            waiting = 0
    _record_footnotes(state.env, waiting, line)


def _record_footnotes(env: MutableMapping[str, Any], count: int, line: int) -> None:
    for _ in range(count):
        _record(env, "footnote", line)


def _wrap(ruler: Any, name: str, wrapper: Callable[[Any], Any]) -> None:
    rule = next(r for r in ruler.__rules__ if r.name == name)
    rule.fn = wrapper(rule.fn)
    ruler.__cache__ = None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    # HTML is recognised only to be shown as typed (and reported); markdown-it's own
    # nesting cap, which drops the rest of the text, is never reached: containers stop at
    # MAX_NESTING and show the rest as typed.
    md = MarkdownIt(
        "commonmark", {"html": True, "typographer": False, "maxNesting": MAX_NESTING + 4}
    )
    md.use(footnote_plugin)
    md.enable("table")
    for name in ("blockquote", "list", "footnote_def"):
        _wrap(md.block.ruler, name, _container)
    _wrap(md.block.ruler, "reference", _reference)
    _wrap(md.block.ruler, "html_block", _html_block)
    _wrap(md.block.ruler, "table", _table)
    _wrap(md.inline.ruler, "image", lambda rule: _typed(rule, "image"))
    _wrap(md.inline.ruler, "html_inline", lambda rule: _typed(rule, "html"))
    _wrap(md.core.ruler, "inline", lambda _rule: _inline_with_lines)
    md.core.ruler.before("footnote_tail", "cmw_footnotes_kept", _footnotes_kept)
    return md


def parse(text: str) -> Parsed:
    """Parse answer Markdown *text* into blocks and footnotes."""
    md = _parser()
    env: dict[str, Any] = {}
    source, origins = _word_bullets(strip_illegal(text))
    tokens = md.parse(source, env)
    parsed = _Walker(tokens).run()
    found = [*parsed.fallbacks, *env.get("cmw_fallbacks", [])]
    if origins is not None:
        last = len(origins) - 1
        found = [Fallback(origins[min(f.line, last)], f.kind) for f in found]
    parsed.fallbacks = sorted(set(found))
    return parsed


def fallbacks(text: str) -> list[Fallback]:
    """What of *text* is shown as typed because the report cannot show it as such."""
    return parse(text).fallbacks


class _Walker:
    """Turn the flat token stream into blocks; footnote references become indexes."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.parsed = Parsed()
        # markdown-it numbers footnotes from 0 in order of first reference; every reference
        # gets its own footnote in the report (Word allows one reference per footnote).
        self.definitions: dict[int, list[list[Run]]] = {}
        self.references: list[tuple[Run, dict[str, Any]]] = []
        self.fallbacks: list[Fallback] = []
        self.nested: list[tuple[Run, dict[str, Any], int]] = []
        self.in_footnote = False
        self.line = 0
        # where the walk is: the list, footnote, heading or table it is in
        self.list_items: list[MdListItem] | None = None
        self.depth = 0
        self.ordered: list[bool] = []
        self.typed: list[bool] = []
        self.footnote_id: int | None = None
        self.heading = False
        self.table: MdTable | None = None
        self.in_head = False
        self.row: list[list[Run]] = []
        self.prefix = ""

    def run(self) -> Parsed:
        for tok in self.tokens:
            if tok.map:
                self.line = tok.map[0]
            self.in_footnote = self.footnote_id is not None or tok.type == "footnote_open"
            handler = _BLOCK_TOKENS.get(tok.type)
            if handler is not None:
                handler(self, tok)
        self.finish()
        self.parsed.fallbacks.extend(self.fallbacks)
        return self.parsed

    # ------------------------------------------------------------- one per token kind

    def _list_open(self, tok: Token) -> None:
        if self.list_items is None:
            self.list_items = []
        self.ordered.append(tok.type == "ordered_list_open")
        # a numbered list not starting at 1 (``2024. …``) keeps the numbers typed
        self.typed.append(tok.type == "ordered_list_open" and "start" in tok.attrs)
        self.depth += 1

    def _list_close(self, tok: Token) -> None:
        self.depth -= 1
        self.ordered.pop()
        self.typed.pop()
        if self.depth == 0:
            if self.list_items and self.footnote_id is None:
                self.parsed.blocks.append(MdList(self.list_items))
            self.list_items = None

    def _item_open(self, tok: Token) -> None:
        if self.list_items is None:
            return
        level = self.depth - 1
        marker = ""
        if level >= MAX_LIST_DEPTH:
            level = MAX_LIST_DEPTH - 1
            marker = (tok.info + tok.markup) if self.ordered[-1] else tok.markup
            self.fallbacks.append(Fallback(tok.map[0] if tok.map else 0, "list-depth"))
        elif self.typed[-1]:
            marker = tok.info + tok.markup
        self.list_items.append(
            MdListItem(level=level, runs=[], ordered=self.ordered[-1], marker=marker)
        )

    def _footnote_open(self, tok: Token) -> None:
        self.footnote_id = int(tok.meta["id"])
        self.definitions[self.footnote_id] = []

    def _footnote_close(self, tok: Token) -> None:
        self.footnote_id = None

    def _heading(self, tok: Token) -> None:
        self.heading = tok.type == "heading_open"

    def _table_open(self, tok: Token) -> None:
        self.table = MdTable(header=[], rows=[])

    def _table_close(self, tok: Token) -> None:
        if self.table is not None:
            self.parsed.blocks.append(self.table)
            self.table = None

    def _thead(self, tok: Token) -> None:
        self.in_head = tok.type == "thead_open"

    def _row_open(self, tok: Token) -> None:
        self.row = []

    def _row_close(self, tok: Token) -> None:
        if self.table is None:
            return
        if self.in_head:
            self.table.header = self.row
        else:
            self.table.rows.append(self.row)

    def _note_as_text(self, tok: Token) -> None:
        self.prefix = f"[^{tok.meta['label']}]: "

    def _text(self, tok: Token) -> None:
        if tok.type == "inline":
            runs = self.inline(tok.children or [])
        else:
            runs = _lines(tok.content)
        if self.prefix:
            runs.insert(0, Run(self.prefix))
            self.prefix = ""
        self._place(runs)

    def _place(self, runs: list[Run]) -> None:
        """Put the runs of one paragraph where the walk is: cell, note, item or block."""
        if self.table is not None:
            self.row.append(runs)
        elif self.footnote_id is not None:
            self.definitions[self.footnote_id].append(runs)
        elif self.list_items:
            item = self.list_items[-1]
            if item.runs:
                item.runs.append(Run(line_break=True))
            item.runs.extend(runs)
        elif self.heading:
            self.parsed.blocks.append(MdHeading(runs))
        else:
            self.parsed.blocks.append(MdParagraph(runs))

    def _code(self, tok: Token) -> None:
        code = tok.content.rstrip("\n")
        if tok.type == "fence" and tok.info.strip():  # words after ``` are words too
            code = tok.info.strip() + "\n" + code
        code = self.prefix + code
        self.prefix = ""
        if self.footnote_id is not None:
            self.definitions[self.footnote_id].append([Run(code)])
        else:
            self.parsed.blocks.append(MdParagraph(_lines(code)))

    def _html_block(self, tok: Token) -> None:  # only when html is on; kept as text for safety
        self.parsed.blocks.append(MdParagraph(_lines(tok.content.rstrip("\n"))))

    # ------------------------------------------------------------------------ inline

    def inline(self, children: list[Token]) -> list[Run]:
        runs: list[Run] = []
        bold = 0
        italic = 0
        titles: list[str] = []
        for child in children:
            kind = child.type
            if kind in _EMPHASIS:
                bold += _EMPHASIS[kind][0]
                italic += _EMPHASIS[kind][1]
            elif kind in _AS_TEXT:
                text = _AS_TEXT[kind] or child.content
                _append(runs, Run(text, bold=bold > 0, italic=italic > 0))
            elif kind == "hardbreak":
                runs.append(Run(line_break=True))
            elif kind == "footnote_ref":
                self._footnote_ref(runs, child)
            elif kind == "link_open":
                titles.append(str(child.attrs.get("title") or ""))
            elif kind == "link_close" and titles:
                title = titles.pop()
                if title:  # a title is words the person wrote: kept after the link's text
                    _append(runs, Run(f" ({title})", bold=bold > 0, italic=italic > 0))
            # the link's address is not printed
        return runs

    def _footnote_ref(self, runs: list[Run], child: Token) -> None:
        ref = Run(footnote=-1)
        runs.append(ref)
        if self.in_footnote:  # a note inside a note: Word has no such thing
            self.nested.append((ref, child.meta, self.line))
        else:
            self.references.append((ref, child.meta))

    def finish(self) -> None:
        referred: set[int] = set()
        for ref, meta in self.references:
            footnote_id = int(meta["id"])
            definition = self.definitions.get(footnote_id, [])
            if not any(definition):  # its definition is shown as typed, or empty
                ref.footnote = None
                ref.text = f"[^{meta['label']}]" if "label" in meta else "^[]"
                continue
            referred.add(footnote_id)
            ref.footnote = len(self.parsed.footnotes)
            self.parsed.footnotes.append(definition)
        for ref, meta, line in self.nested:
            # The marker of a note that is also in the text is left out; the words of one
            # that is only here are shown as typed.
            ref.footnote = None
            footnote_id = int(meta["id"])
            if footnote_id in referred:
                continue
            if "label" in meta:
                ref.text = f"[^{meta['label']}]"
            else:
                paragraphs = self.definitions.get(footnote_id, [])
                ref.text = "^[" + " ".join(plain(p) for p in paragraphs) + "]"
                self.fallbacks.append(Fallback(line, "footnote"))


_BLOCK_TOKENS: dict[str, Callable[[_Walker, Token], None]] = {
    "bullet_list_open": _Walker._list_open,
    "ordered_list_open": _Walker._list_open,
    "bullet_list_close": _Walker._list_close,
    "ordered_list_close": _Walker._list_close,
    "list_item_open": _Walker._item_open,
    "footnote_open": _Walker._footnote_open,
    "footnote_close": _Walker._footnote_close,
    "heading_open": _Walker._heading,
    "heading_close": _Walker._heading,
    "table_open": _Walker._table_open,
    "table_close": _Walker._table_close,
    "thead_open": _Walker._thead,
    "thead_close": _Walker._thead,
    "tr_open": _Walker._row_open,
    "tr_close": _Walker._row_close,
    "cmw_footnote_text_open": _Walker._note_as_text,
    "inline": _Walker._text,
    "cmw_literal": _Walker._text,
    "code_block": _Walker._code,
    "fence": _Walker._code,
    "html_block": _Walker._html_block,
}
"""What :meth:`_Walker.run` does with each kind of block token (others are skipped)."""

_EMPHASIS = {
    "strong_open": (1, 0),
    "strong_close": (-1, 0),
    "em_open": (0, 1),
    "em_close": (0, -1),
}
"""How an inline token changes the (bold, italic) nesting."""

_AS_TEXT: dict[str, str | None] = {
    "text": None,
    "code_inline": None,
    "html_inline": None,
    "image": None,
    "softbreak": " ",
}
"""Inline tokens written as text: their content (None), or the text given."""


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


# ------------------------------------------------------------ footnotes of a question's text

_QUESTION_NOTE = re.compile(r" {0,3}\[\^([^\[\]\s]+)\]:[ \t]*(.*)")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

NoteIssueKind = Literal["undefined", "unused", "twice"]


@dataclass(frozen=True)
class NoteIssue:
    """A footnote of a question's text that is shown as typed.

    Cited but never defined (``undefined``), defined but never cited (``unused``), or
    defined again (``twice``).
    """

    kind: NoteIssueKind
    label: str
    line: int
    """The line of the text (from 0) where it stands."""


@dataclass(frozen=True)
class NotedText:
    """A question's text with its footnotes taken out: pieces of text and note numbers."""

    parts: tuple[str | int, ...]
    """Text, and where a note is cited its index in the notes list given (from 0)."""
    issues: tuple[NoteIssue, ...] = ()


def superscript(number: int) -> str:
    """*number* in superscript digits (``12`` → ``¹²``), as a note's marker in plain text."""
    return str(number).translate(_SUPERSCRIPT)


def noted_plain(parts: Iterable[str | int]) -> str:
    """The plain text of *parts*: each cited note as its number in superscript."""
    return "".join(p if isinstance(p, str) else superscript(p + 1) for p in parts)


def _definition_blocks(lines: list[str]) -> list[tuple[str, int, int, str]]:
    """Each footnote definition of *lines*: (label, first line, line after it, its text).

    A definition runs on over the lines that follow it (Markdown's lazy continuation) and
    over indented paragraphs after a blank line, up to the next definition. Its lines are
    joined into paragraphs, a list item keeping a line of its own.
    """
    blocks: list[tuple[str, int, int, str]] = []
    index = 0
    while index < len(lines):
        match = _QUESTION_NOTE.fullmatch(lines[index])
        if match is None:
            index += 1
            continue
        start, paragraphs = index, [[match.group(2).strip()]]
        index += 1
        while index < len(lines) and not _QUESTION_NOTE.fullmatch(lines[index]):
            line = lines[index]
            if line.strip():
                paragraphs[-1].append(line.strip())
            elif index + 1 < len(lines) and lines[index + 1][:4] in ("    ", "\t"):
                paragraphs.append([])
            else:
                break
            index += 1
        note = "\n".join(_note_lines(p) for p in paragraphs if any(p))
        blocks.append((match.group(1), start, index, note))
    return blocks


def _note_lines(lines: list[str]) -> str:
    """One paragraph of a note: its lines joined, each list item (``- ``, ``1.``) on a line."""
    joined = ""
    for line in lines:
        if not line:
            continue
        if joined:
            joined += "\n" if _MARKDOWN_ITEM.match(line) else " "
        joined += line
    return joined


def noted_text(text: str, notes: list[str]) -> NotedText:
    """*text* (a question's Markdown) with its footnotes taken out into *notes*.

    Each cited label's note is appended to *notes* (a note already there, word for word,
    keeps its number) and its markers become that index. What cannot be read as a footnote
    stays as typed and is named in ``issues``: a marker without definition, a definition
    never cited or given twice. Light: no markdown-it, so ``check`` can use it.
    """
    lines = text.split("\n")
    blocks = _definition_blocks(lines)
    in_block = [False] * len(lines)
    for _, start, end, _ in blocks:
        in_block[start:end] = [True] * (end - start)
    outside = "\n".join(line for line, inside in zip(lines, in_block, strict=True) if not inside)
    cited = set(_FOOTNOTE_REF.findall(outside))
    issues: list[NoteIssue] = []
    defined: dict[str, str] = {}
    dropped = [False] * len(lines)
    for label, start, end, note in blocks:
        if label in defined:
            issues.append(NoteIssue("twice", label, start))
        elif label not in cited:
            issues.append(NoteIssue("unused", label, start))
        else:
            defined[label] = note
            dropped[start:end] = [True] * (end - start)
    kept = [n for n, gone in enumerate(dropped) if not gone]
    body = "\n".join(lines[n] for n in kept)
    numbers = {note: index for index, note in enumerate(notes)}
    parts: list[str | int] = []
    position = counted = line = 0
    for match in _FOOTNOTE_REF.finditer(body):
        label = match.group(1)
        line += body.count("\n", counted, match.start())
        counted = match.start()
        if label not in defined:
            issues.append(NoteIssue("undefined", label, kept[line]))
            continue  # the marker stays in the text, as typed
        parts.append(body[position : match.start()])
        note = defined[label]
        if note not in numbers:
            numbers[note] = len(notes)
            notes.append(note)
        parts.append(numbers[note])
        position = match.end()
    parts.append(body[position:])
    if isinstance(parts[0], str):
        parts[0] = parts[0].lstrip()
    if isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip()
    return NotedText(tuple(p for p in parts if p != ""), tuple(issues))
