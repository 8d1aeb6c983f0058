"""Read workspace YAML safely into plain data, remembering the line of every field.

The reader drives PyYAML's event parser (the C one where available) and builds the data
itself, so that it can refuse what a safe loader must refuse (``!!python`` tags, alias
bombs, deep nesting, duplicate keys) before any of it costs memory or time, and so that
every mapping key and list item keeps its line. Validation into pydantic records turns
each pydantic error into a :class:`~cmwreport.problems.Problem` in the user's terms.
Nothing here raises for a problem in the user's files: problems are collected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from cmwreport.problems import Msg, Problem, error, warning
from cmwreport.text import YAML_UNREADABLE, search_yaml_unreadable

try:  # the C parser is much faster; fall back cleanly where libyaml is missing
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Largest YAML file read (10 MiB, far beyond any real answers file)."""
MAX_DEPTH = 64
"""Deepest nesting of lists and mappings accepted."""
MAX_NODES = 2_000_000
"""Most values a file may expand to, aliases counted at their expanded size."""
MAX_ALIASES = 10_000
"""Most alias uses (``*name``) in one file."""

Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_STD}{n}" for n in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {f"{_STD}map", f"{_STD}seq", f"{_STD}omap"}
_NUMBER_START = frozenset("0123456789+-.")
_SAME_LINE_COMMENT = re.compile(r"[ \t]+#")
_LATER_COMMENT = re.compile(r"[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)*(?:\r\n|\r|\n)([ \t]*)#")
_BREAK = re.compile(r"\r\n|\r|\n")
_INDENT = re.compile(r"[ ]*")
_BLOCK_START = re.compile(r"(?:[-*+•◦▪‣]|\d{1,9}[.)]|#{1,6})(?:[ \t]|$)")


@dataclass
class SourceMap:
    """Where each field of one file sits: the line of every mapping key and list item."""

    lines: dict[Path_, int] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    """The text of plain scalars that YAML read as something other than text."""
    numeric_text: dict[Path_, str] = field(default_factory=dict)
    """Plain scalars that start like a number but YAML read as text (``1.200.000``)."""
    cut: dict[Path_, int] = field(default_factory=dict)
    """Unquoted text followed by a comment YAML dropped (`` #MigranAman``): the comment's line."""
    folded: dict[Path_, str] = field(default_factory=dict)
    """Text whose blank lines or list lines YAML folded away: its style (``>`` or plain)."""
    splits: dict[Path_, list[Split]] = field(default_factory=dict)
    """Flow lists (``[2024, 1,5]``) where a comma with no space after it split a number."""

    def line(self, path: Path_) -> int:
        """The line of *path*, or of its nearest recorded parent."""
        lines = self.lines
        while path:
            found = lines.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return lines.get((), 1)


@dataclass(frozen=True)
class Split:
    """Cells of a flow list joined by commas without spaces, as written (``1,5``)."""

    first: int
    """Index of the first of the cells."""
    cells: int
    """How many cells YAML made of it."""
    text: str
    """The text as written."""
    mixed: bool
    """Whether other commas of the same list are followed by a space."""


@dataclass
class YamlFile:
    """One file read: its data (``None`` when unreadable), its source map, its problems."""

    rel: str
    data: Any
    source: SourceMap
    problems: list[Problem]


class _Abort(Exception):
    """Reading stops: the file is unusable (the problem is already recorded)."""


def read_yaml(path: Path, rel: str) -> YamlFile:
    """Read the YAML file *path* (shown to users as *rel*) into plain data."""
    source = SourceMap()
    problems: list[Problem] = []
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                error(rel, 1, "yaml-syntax", "yaml.too_big", size=size, limit=MAX_FILE_BYTES)
            )
            return YamlFile(rel, None, source, problems)
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(error(rel, 1, "yaml-syntax", "yaml.unreadable", reason=exc.strerror))
        return YamlFile(rel, None, source, problems)
    text = _decode(raw, rel, problems)
    if text is None:
        return YamlFile(rel, None, source, problems)
    return read_yaml_text(text, rel, problems)


def read_yaml_text(text: str, rel: str, problems: list[Problem] | None = None) -> YamlFile:
    """Read YAML *text* (shown to users as *rel*) as :func:`read_yaml` reads a file's text.

    The one YAML 1.2 reading of ``check``, for text not (yet) in a file: what ``scaffold``
    and ``import`` would write is verified with it (:mod:`cmwreport.yamledit`).
    """
    source = SourceMap()
    problems = [] if problems is None else problems
    text = _replace_unreadable(text, rel, problems)
    if not text.strip():
        problems.append(error(rel, 1, "yaml-syntax", "yaml.empty"))
        return YamlFile(rel, None, source, problems)
    builder = _Builder(rel, source, problems)
    try:
        data = builder.build(text)
    except _Abort:
        data = None
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(rel, exc, text))
        data = None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        problems.append(error(rel, 1, "yaml-syntax", "yaml.syntax", detail=str(exc)))
        data = None
    if data is None and not any(p.severity == "error" for p in problems):
        problems.append(error(rel, 1, "yaml-syntax", "yaml.empty"))
    return YamlFile(rel, data, source, problems)


def _decode(raw: bytes, rel: str, problems: list[Problem]) -> str | None:
    """Decode UTF-8 (a byte-order mark is accepted); report the line of a bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        byte = raw[exc.start : exc.start + 1].hex().upper()
        problems.append(error(rel, line, "yaml-syntax", "yaml.not_utf8", byte=byte))
        return None


def _replace_unreadable(text: str, rel: str, problems: list[Problem]) -> str:
    """Warn about characters YAML refuses (pasted from Word or PDF) and blank them out."""
    if search_yaml_unreadable(text) is None:
        return text
    seen: set[int] = set()
    for match in YAML_UNREADABLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line not in seen:
            seen.add(line)
            problems.append(
                warning(
                    rel,
                    line,
                    "control-character",
                    "check.control_character_raw",
                    char=f"U+{ord(match.group()):04X}",
                )
            )
    return YAML_UNREADABLE.sub(" ", text)


def _syntax_problem(rel: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """Turn a parser error into a ``yaml-syntax`` problem at the most useful line."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    line = min(line, max(1, len(text.splitlines())))  # the end of a file without a last newline
    at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    if at_tab or "tab" in problem or "\\t" in problem:
        return error(rel, line, "yaml-syntax", "yaml.tab")
    if "quoted scalar" in context and "end of stream" in problem and exc.context_mark is not None:
        return error(rel, exc.context_mark.line + 1, "yaml-syntax", "yaml.unclosed_quote")
    if "unknown escape" in problem or "escape" in problem and "quoted" in context:
        return error(rel, line, "yaml-syntax", "yaml.escape")
    found = _explain_syntax(exc, _BREAK.split(text))
    if found is not None:
        where, key, params = found
        return error(rel, where, "yaml-syntax", key, **params)
    detail = f"{context}: {problem}" if context else problem
    return error(rel, line, "yaml-syntax", "yaml.syntax", detail=detail)


# Every field name of the workspace's files: a line ``status draft`` is a missing colon.
FIELD_NAMES = frozenset(
    "abbreviation adopted answers articles by code columns committee consolidated contributors "
    "coordinator data date_received drafting_languages due follow_up id implementation items "
    "kind language lead letter ministries ministry name note number observations paragraphs "
    "question recommendation report rows sections source sources state status symbol tables "
    "text title updated word_limit "
    "column_groups notes span".split()  # a table's spanner heads and notes
)
_SPECIAL_START = "*&!@`%\"'[{,"
_BLOCK_INDICATOR = re.compile(r"^[|>][-+0-9]*[ ]*(?:#.*)?$")
_BLOCK_HEADER = re.compile(r"^[ ]*(?:-[ ]+)*[^#\s][^#]*?:[ ]+[|>][-+0-9]*[ ]*(?:#.*)?$")
_KEY_LIKE = re.compile(r"^[A-Za-z_][\w-]*$")
_LOOK_BACK = 400
"""Lines looked back over to explain a syntax error (bounds the work on huge files)."""


@dataclass(frozen=True)
class _Line:
    """One source line taken apart: indentation, list dashes, key and value."""

    indent: int
    dashes: int
    body: str
    key: str | None
    value: str

    @property
    def column(self) -> int:
        """The column where the key (or the text after the dashes) starts."""
        return self.indent + self.dashes


def _parse_line(raw: str) -> _Line:
    stripped = raw.lstrip(" ")
    indent = len(raw) - len(stripped)
    rest = stripped
    while rest.startswith("- ") or rest == "-":
        rest = rest[1:].lstrip(" ")
    dashes = len(stripped) - len(rest)
    key: str | None = None
    value = ""
    colon = rest.find(": ")
    if colon < 0 and rest.endswith(":"):
        colon = len(rest) - 1
    if colon > 0 and rest[0] not in "\"'#":
        key = rest[:colon].strip()
        value = rest[colon + 1 :].strip()
    return _Line(indent, dashes, rest.rstrip(), key, value)


_Explanation = tuple[int, str, dict[str, object]]
"""(line to edit, message key, parameters): a syntax error in a desk officer's words."""


def _explain_syntax(exc: yaml.MarkedYAMLError, lines: list[str]) -> _Explanation | None:
    """The common mistakes behind a parser syntax, in words a desk officer can act on.

    Returns (line to edit, message key, parameters), or None when the syntax is none of
    the known mistakes.
    """
    if (exc.problem_mark is None and exc.context_mark is None) or not lines:
        return None
    syntax = _SyntaxAt(exc, lines)
    found = _text_starting_badly(syntax) or _unclosed_bracket(syntax)
    if found is not None:
        return found
    for words, explain in _BY_PROBLEM:
        if words in syntax.problem:
            found = explain(syntax)
            if found is not None:
                return found
    return None


@dataclass(frozen=True)
class _SyntaxAt:
    """A parser syntax and the lines of the file it was found in."""

    exc: yaml.MarkedYAMLError
    lines: list[str]

    @property
    def problem(self) -> str:
        return self.exc.problem or ""

    @property
    def context(self) -> str:
        return self.exc.context or ""

    @property
    def mark(self) -> yaml.Mark:
        """Where the parser stopped (the problem's mark, else the context's)."""
        mark = self.exc.problem_mark or self.exc.context_mark
        assert mark is not None
        return mark

    @property
    def index(self) -> int:
        """The line (from 0) where the parser stopped."""
        return int(self.mark.line)

    def at(self, index: int) -> str:
        """The line *index* (from 0), or an empty one past either end of the file."""
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    @property
    def here(self) -> _Line:
        """The line where the parser stopped, taken apart."""
        return _parse_line(self.at(self.index))


def _text_starting_badly(syntax: _SyntaxAt) -> _Explanation | None:
    """Text whose first character means something to YAML: *bold*, "quoted" rest, [1] ..."""
    candidates = [syntax.index]
    context_mark = syntax.exc.context_mark
    if context_mark is not None and ("alias" in syntax.context or "next token" in syntax.context):
        candidates.insert(0, context_mark.line)
    for index in candidates:
        found = _line_starting_badly(syntax, index)
        if found is not None:
            return found
    return None


def _line_starting_badly(syntax: _SyntaxAt, index: int) -> _Explanation | None:
    parsed = _parse_line(syntax.at(index))
    if parsed.key is None and not parsed.dashes and parsed.body:
        # A line of text with no field: a dedented line of a `|` text, or stray text.
        block = _enclosing_block(syntax.lines, index)
        if block is not None:
            return _dedented(syntax.lines, index, *block)
        if _starts_badly(parsed.body):
            return index + 1, "yaml.line_starts_with", {"char": _shown(parsed.body[0])}
    if parsed.key and parsed.value and _starts_badly(parsed.value):
        char = _shown(parsed.value[0])
        return index + 1, "yaml.starts_with", {"field": parsed.key, "char": char}
    if parsed.key is None and parsed.dashes and parsed.body and _starts_badly(parsed.body):
        return index + 1, "yaml.item_starts_with", {"char": _shown(parsed.body[0])}
    return None


def _unclosed_bracket(syntax: _SyntaxAt) -> _Explanation | None:
    context = syntax.context
    context_mark = syntax.exc.context_mark
    if context_mark is None or not ("flow sequence" in context or "flow mapping" in context):
        return None
    opened = "[" if "sequence" in context else "{"
    return context_mark.line + 1, "yaml.unclosed_bracket", {"char": opened}


def _cell_starting_badly(syntax: _SyntaxAt) -> _Explanation | None:
    """A cell of a ``[...]`` row that starts with a character YAML does not take."""
    line, column = syntax.at(syntax.index), syntax.mark.column
    if "[" not in line[:column]:
        return None
    return syntax.index + 1, "yaml.cell_starts_with", {"char": _shown(line[column : column + 1])}


def _root_text(syntax: _SyntaxAt) -> _Explanation | None:
    """Text before the file's first field (the file's top is not a mapping)."""
    first = next(
        (
            i
            for i, raw in enumerate(syntax.lines[:_LOOK_BACK])
            if raw.strip() and raw.lstrip()[0] != "#"
        ),
        None,
    )
    if first is None or first >= syntax.index:
        return None
    top = _parse_line(syntax.lines[first])
    if top.key is None or (top.indent > 0 and top.key not in FIELD_NAMES):
        return first + 1, "yaml.root_text", {}
    return None


def _colon_where_none_may_be(syntax: _SyntaxAt) -> _Explanation:
    """``mapping values are not allowed``: a field indented under another, or a colon in text."""
    index = syntax.index
    before = syntax.at(index)[: syntax.mark.column]
    head = _parse_line(before + ":")
    if head.key is not None and _KEY_LIKE.match(head.key) and ": " not in before.strip():
        above = _previous_line(syntax.lines, index)
        if above is not None:
            return _field_under_another(syntax, above, head.key)
    inside = _dedent_inside_block(syntax.lines, index)
    if inside is not None:
        return _dedented(syntax.lines, *inside)
    return index + 1, "yaml.colon_in_text", {"field": _owner_key(syntax.lines, index)}


def _field_under_another(syntax: _SyntaxAt, above: int, key: str) -> _Explanation:
    """The field *key* where the parser stopped stands under the line *above*."""
    prev = _parse_line(syntax.at(above))
    if prev.key is None:
        fixed = _field_without_colon(above, prev)
        if fixed is not None:
            return fixed
    if prev.key in FIELD_NAMES and prev.indent < syntax.here.indent:
        moved = _moved_out(syntax.lines, above)
        if moved is not None:
            return moved
    return (
        syntax.index + 1,
        "yaml.field_indented",
        {"field": key, "other": prev.key or prev.body[:30], "first": above + 1},
    )


def _field_without_colon(index: int, parsed: _Line) -> _Explanation | None:
    """``status draft``: a field's name and value with the colon left out."""
    words = parsed.body.split()
    if not words or words[0] not in FIELD_NAMES:
        return None
    fixed = f"{words[0]}: {' '.join(words[1:])}".rstrip()
    return index + 1, "yaml.missing_colon", {"written": parsed.body, "fixed": fixed}


def _no_colon(syntax: _SyntaxAt) -> _Explanation | None:
    """``could not find expected ':'``: a line that YAML took for the start of a key."""
    context_mark = syntax.exc.context_mark
    if context_mark is None:
        return None
    index = context_mark.line
    line = _parse_line(syntax.at(index))
    if ":" not in line.body:
        fixed = _field_without_colon(index, line)
        if fixed is not None:
            return fixed
    block = _enclosing_block(syntax.lines, index)
    if block is not None:
        return _dedented(syntax.lines, index, *block)
    above = _previous_line(syntax.lines, index)
    if above is not None:
        prev = _parse_line(syntax.at(above))
        plain = prev.key is not None and prev.value and prev.value[0] not in "|>\"'"
        if plain and line.indent <= prev.column:
            return index + 1, "yaml.dedented_plain", {"field": prev.key, "first": above + 1}
    return index + 1, "yaml.no_colon", {"written": line.body[:40]}


def _misaligned(syntax: _SyntaxAt) -> _Explanation | None:
    """``expected '-' indicator``, ``did not find expected key``: a line out of line."""
    here = syntax.here
    if here.key is None and not here.dashes and here.body:
        inside = _dedent_inside_block(syntax.lines, syntax.index)
        if inside is not None:
            return _dedented(syntax.lines, *inside)
        return syntax.index + 1, "yaml.stray_text", {}
    if here.dashes:
        return _misaligned_item(syntax, here)
    if here.key is not None and syntax.exc.context_mark is not None:
        return _misaligned_field(syntax, here.key, syntax.exc.context_mark)
    return None


def _misaligned_item(syntax: _SyntaxAt, here: _Line) -> _Explanation:
    index = syntax.index
    context_mark = syntax.exc.context_mark
    if context_mark is not None:
        column = min(context_mark.column, here.indent - 1)
        moved = _dedented_field(syntax.lines, index, column)
        if moved is not None:
            return moved
    item = _sibling_item(syntax.lines, index)
    if item is not None:
        spaces = _parse_line(syntax.at(item)).indent
        return index + 1, "yaml.item_misaligned", {"first": item + 1, "spaces": spaces}
    return index + 1, "yaml.item_unexpected", {}


def _misaligned_field(syntax: _SyntaxAt, key: str, context_mark: yaml.Mark) -> _Explanation | None:
    index = syntax.index
    c_line = context_mark.line
    c_col = context_mark.column
    sibling_key = _parse_line(syntax.at(c_line)).key or ""
    if "'-' indicator" in syntax.problem:  # the mark is the list's first dash
        above = _previous_line(syntax.lines, index)
        if above is None:
            return None
        prev = _parse_line(syntax.at(above))
        c_line, c_col, sibling_key = above, prev.column, prev.key or ""
    if not sibling_key:
        return index + 1, "yaml.line_misaligned", {"field": key, "first": c_line + 1}
    return (
        index + 1,
        "yaml.field_misaligned",
        {"field": key, "other": sibling_key, "first": c_line + 1, "spaces": c_col},
    )


_BY_PROBLEM: list[tuple[str, typing.Callable[[_SyntaxAt], _Explanation | None]]] = [
    ("cannot start any token", _cell_starting_badly),
    ("expected <document start>", _root_text),
    ("mapping values are not allowed", _colon_where_none_may_be),
    ("could not find expected ':'", _no_colon),
    ("expected '-' indicator", _misaligned),
    ("did not find expected key", _misaligned),
]
"""The explanations tried for a parser syntax, by the words of its problem."""


def _shown(char: str) -> str:
    """A character as shown between backticks (a backtick itself needs spaces)."""
    return "` `" if char == "`" else char


def _dedented(
    lines: list[str], index: int, header: int, spaces: int
) -> tuple[int, str, dict[str, object]]:
    key = _parse_line(lines[header]).key or "text"
    return index + 1, "yaml.dedented_text", {"field": key, "first": header + 1, "spaces": spaces}


def _dedent_inside_block(lines: list[str], index: int) -> tuple[int, int, int] | None:
    """A less indented line between a ``key: |`` and the text line *index* that follows it.

    Such a line (text, a stray character, a ``#`` line) ends the block early, and YAML
    then stumbles on the text after it. Returns (that line, the header, the text's
    indentation), or None.
    """
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    culprit: int | None = None
    for above in range(index - 1, max(-1, index - _LOOK_BACK), -1):
        raw = lines[above]
        if not raw.strip():
            continue
        own = len(raw) - len(raw.lstrip(" "))
        if own >= indent:
            continue
        if _BLOCK_HEADER.match(raw):
            return (culprit, above, indent) if culprit is not None else None
        parsed = _parse_line(raw)
        if (parsed.key is not None and parsed.key in FIELD_NAMES) or parsed.dashes:
            return None
        culprit = above
    return None


_TOP_FIELDS = frozenset(
    "ministry answers ministries committee state symbol adopted report sections".split()
)


def _dedented_field(
    lines: list[str], index: int, column: int
) -> tuple[int, str, dict[str, object]] | None:
    """A field of an entry written at the level of the file's own fields (or further out).

    YAML reads it as a field of the outer mapping, and stumbles only at the next entry
    (line *index*).
    """
    for above in range(index - 1, max(-1, index - _LOOK_BACK), -1):
        raw = lines[above]
        body = raw.strip()
        if not body or body.startswith("#"):
            continue
        if _parse_line(raw).indent > column:
            continue
        return _moved_out(lines, above, _parse_line(lines[index]).indent)
    return None


def _moved_out(
    lines: list[str], index: int, beyond: int = -1
) -> tuple[int, str, dict[str, object]] | None:
    """``field_misaligned`` for the field at *index* when it stands left of the field above.

    The field above must stand further right than *beyond* (the next entry's dash).
    """
    parsed = _parse_line(lines[index])
    if parsed.key is None or parsed.key in _TOP_FIELDS or parsed.key not in FIELD_NAMES:
        return None
    sibling = _previous_line(lines, index)
    if sibling is None:
        return None
    before = _parse_line(lines[sibling])
    if before.key not in FIELD_NAMES or before.column <= max(beyond, parsed.indent):
        return None
    return (
        index + 1,
        "yaml.field_misaligned",
        {"field": parsed.key, "other": before.key, "first": sibling + 1, "spaces": before.column},
    )


def _starts_badly(value: str) -> bool:
    """Whether a value's first character makes YAML read it as something other than text.

    A complete quoted text or ``[...]`` list with nothing after it is fine; text that only
    starts with a quotation or a bracket (``"Pekerja migran" adalah ...``) is not.
    """
    first = value[0]
    if first == "-":
        return value.startswith("- ")
    if first in "|>":  # `|` or `>` then text on the same line: `text: >Pemerintah`
        return _BLOCK_INDICATOR.match(value) is None
    if first not in _SPECIAL_START:
        return False
    if first in "\"'[{":
        end = _closing(value)
        if end is None:
            return first in "\"'"  # an unclosed [ may continue on the next lines
        rest = value[end + 1 :].strip()
        return bool(rest) and not rest.startswith("#")
    return True


def _closing(value: str) -> int | None:
    """Index of what closes the quotation or bracket opening *value*, or None."""
    if value[0] == '"':
        return _closing_double_quote(value)
    if value[0] == "'":
        return _closing_single_quote(value)
    return _closing_bracket(value)


def _closing_double_quote(value: str) -> int | None:
    """Index of the ``"`` closing *value*'s opening one (a backslash escapes), or None."""
    index = 1
    while index < len(value):
        if value[index] == "\\":
            index += 2
            continue
        if value[index] == '"':
            return index
        index += 1
    return None


def _closing_single_quote(value: str) -> int | None:
    """Index of the ``'`` closing *value*'s opening one (``''`` is escaped), or None."""
    index = 1
    while index < len(value):
        if value[index] == "'":
            if value[index + 1 : index + 2] != "'":
                return index
            index += 1
        index += 1
    return None


def _closing_bracket(value: str) -> int | None:
    """Index of the bracket closing *value*'s opening ``[`` or ``{``, or None."""
    depth = 0
    quote = ""
    for index, char in enumerate(value):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index
    return None


def _owner_key(lines: list[str], index: int) -> str:
    """The field whose text the line *index* holds (walking up over continuation lines)."""
    here = _parse_line(lines[index])
    if here.key is not None and _KEY_LIKE.match(here.key):
        return here.key
    for above in range(index - 1, max(-1, index - _LOOK_BACK), -1):
        parsed = _parse_line(lines[above])
        if parsed.key is not None and _KEY_LIKE.match(parsed.key) and parsed.column < here.indent:
            return parsed.key
    return "text"


def _previous_line(lines: list[str], index: int) -> int | None:
    """The nearest line above *index* holding something other than blanks or a comment."""
    for above in range(index - 1, max(-1, index - _LOOK_BACK), -1):
        body = lines[above].strip()
        if body and not body.startswith("#"):
            return above
    return None


def _enclosing_block(lines: list[str], index: int) -> tuple[int, int] | None:
    """The ``key: |`` block that the less indented line *index* was meant to continue.

    Returns the header's line index and the indentation of the block's text.
    """
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    lowest: int | None = None
    for above in range(index - 1, max(-1, index - _LOOK_BACK), -1):
        raw = lines[above]
        if not raw.strip():
            continue
        own = len(raw) - len(raw.lstrip(" "))
        if lowest is not None and own < lowest and _BLOCK_HEADER.match(raw):
            return above, lowest
        if lowest is None:
            if own <= indent:
                return None
            lowest = own
        elif own < lowest:
            if own <= indent:
                return None
            lowest = own
    return None


def _sibling_item(lines: list[str], index: int) -> int | None:
    """The nearest list item above *index* whose dash stands in another column."""
    own = _parse_line(lines[index]).indent
    for above in range(index - 1, max(-1, index - _LOOK_BACK), -1):
        parsed = _parse_line(lines[above])
        if parsed.dashes and parsed.indent != own and lines[above].strip():
            return above
    return None


class _Frame:
    """A list or mapping being built."""

    __slots__ = (
        "container",
        "path",
        "key",
        "key_line",
        "discard",
        "anchor",
        "start",
        "flow",
        "last_end",
        "spaced",
        "joined",
        "last_start",
        "is_map",
    )

    def __init__(
        self, container: Any, path: Path_, anchor: str | None, start: int, flow: bool = False
    ) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_line = 0
        self.discard = False
        self.anchor = anchor
        self.start = start
        self.flow = flow
        self.last_end = -1  # flow lists: where the previous item ended in the text
        self.spaced = False  # flow lists: some comma is followed by a space
        self.joined: list[list[Any]] = []  # flow lists: [first, cells, start, end] of runs
        self.last_start = -1
        self.is_map = isinstance(container, dict)


class _Builder:
    """Build plain data from parser events, with limits and a source map."""

    def __init__(self, rel: str, source: SourceMap, problems: list[Problem]) -> None:
        self.rel = rel
        self.source = source
        self.lines = source.lines
        self.problems = problems
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.aliases = 0
        self.text_anchors: dict[str, int] = {}
        """Unquoted texts with an anchor (``&name``) not yet referred to: name -> line."""
        self.root: Any = None
        self.documents = 0

    def _fail(self, line: int, key: str, **params: object) -> typing.NoReturn:
        self.problems.append(error(self.rel, line, "yaml-syntax", key, **params))
        raise _Abort

    def build(self, text: str) -> Any:
        """Read the single document of *text*."""
        self.text = text
        parser = _Parser(text)
        try:
            return self._run(parser)
        finally:
            parser.dispose()

    def _run(self, parser: Any) -> Any:
        stack: list[_Frame] = []
        check_event = parser.check_event
        get_event = parser.get_event
        while check_event():
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                self._value(stack, event, kind)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._open(stack, event, kind)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self._close(stack.pop())
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self._fail(event.start_mark.line + 1, "yaml.many_documents")
            if self.nodes > MAX_NODES:
                self._fail(event.start_mark.line + 1, "yaml.too_many_nodes", limit=MAX_NODES)
        for name, at_line in self.text_anchors.items():
            # `&copy pemerintah` never referred to: YAML took `&copy` as a label and
            # dropped it from the text without a word.
            self.problems.append(
                error(self.rel, at_line, "yaml-syntax", "yaml.anchor_text", name=name)
            )
        return self.root

    def _value(self, stack: list[_Frame], event: Any, kind: type) -> None:
        """A scalar or an alias: a mapping's key, or a value put in its container."""
        line = event.start_mark.line + 1
        if stack and stack[-1].is_map and stack[-1].key is None:
            self._take_key(stack[-1], event, line)
            return
        plain_text: str | None = None
        if kind is yaml.AliasEvent:
            value = self._alias(event, line)
        else:
            value, plain_text = self._new_scalar(event, line)
        path = self._place(stack, value, line)
        if plain_text is not None and path is not None:
            self.source.raw[path] = plain_text
        elif not stack:
            self.root = value
        if kind is yaml.ScalarEvent and path is not None:
            if stack and stack[-1].flow and not stack[-1].is_map:
                self._flow_item(stack[-1], event)
            if isinstance(value, str) or value is None:
                self._text_source(path, event, value)

    def _new_scalar(self, event: Any, line: int) -> tuple[Any, str | None]:
        """The value of a scalar, counted and, with an anchor, kept for its aliases."""
        value, plain_text = self._scalar(event, line)
        self.nodes += 1
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
            if isinstance(value, str) and event.style == "":
                self.text_anchors[event.anchor] = line
        return value, plain_text

    def _open(self, stack: list[_Frame], event: Any, kind: type) -> None:
        """The start of a mapping or a list: checked, placed, and pushed on *stack*."""
        line = event.start_mark.line + 1
        if event.tag is not None and event.tag not in _COLLECTION_TAGS:
            self._fail(line, "yaml.tag", tag=event.tag)
        if len(stack) >= MAX_DEPTH:
            self._fail(line, "yaml.too_deep", limit=MAX_DEPTH)
        if stack and stack[-1].is_map and stack[-1].key is None:
            self._fail(line, "yaml.complex_key")
        container: Any = {} if kind is yaml.MappingStartEvent else []
        path = self._place(stack, container, line)
        if not stack:
            self.root = container
            self.source.lines[()] = line
        self.nodes += 1
        flow = bool(event.flow_style)
        stack.append(_Frame(container, path or (), event.anchor, self.nodes, flow))

    def _close(self, frame: _Frame) -> None:
        """The end of a mapping or a list."""
        if frame.joined:
            self._record_splits(frame)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, self.nodes - frame.start + 1)

    def _flow_item(self, frame: _Frame, event: Any) -> None:
        """Note, in a flow list, cells that a comma with no space after it split apart."""
        start = event.start_mark.index
        end = event.end_mark.index
        text = self.text
        joined = (
            event.style == ""
            and frame.last_end == start - 1
            and text[start - 1 : start] == ","
            and text[start - 2 : start - 1].isdigit()
            and text[start : start + 1].isdigit()
        )
        if joined:
            if frame.joined and frame.joined[-1][3] == start - 1:
                frame.joined[-1][1] += 1
                frame.joined[-1][3] = end
            else:
                index = len(frame.container) - 2
                frame.joined.append([index, 2, frame.last_start, end])
        elif text[start - 1 : start] in (" ", "\t") and frame.last_end >= 0:
            frame.spaced = True
        frame.last_end = end if event.style == "" else -1
        frame.last_start = start

    def _record_splits(self, frame: _Frame) -> None:
        self.source.splits[frame.path] = [
            Split(first, cells, self.text[start:end], frame.spaced)
            for first, cells, start, end in frame.joined
        ]

    def _text_source(self, path: Path_, event: Any, value: str | None) -> None:
        """Keep what the checks need to know about how a text scalar was written."""
        style = event.style
        if style == "" and value and value[0] in _NUMBER_START:
            self.source.numeric_text[path] = value
        if style == "":
            self._comment_after(path, event, value)
        if value and (
            style == ">" or (style == "" and event.end_mark.line > event.start_mark.line)
        ):
            if _merged(self.text[event.start_mark.index : event.end_mark.index], value, style):
                self.source.folded[path] = style

    def _comment_after(self, path: Path_, event: Any, value: str | None) -> None:
        """Note a comment right after unquoted text: YAML dropped it from the text."""
        text = self.text
        end = event.end_mark.index
        same_line = _SAME_LINE_COMMENT.match(text, end)
        if same_line is not None:
            if value or text[same_line.end() : same_line.end() + 1].isalnum():
                self.source.cut[path] = event.end_mark.line + 1
            return
        if not value:
            return
        later = _LATER_COMMENT.match(text, end)
        if later is None:
            return
        line_start = event.start_mark.index - event.start_mark.column
        indent = _INDENT.match(text, line_start).end() - line_start  # type: ignore[union-attr]
        if len(later.group(1)) > indent:
            breaks = len(_BREAK.findall(later.group(0)))
            self.source.cut[path] = event.end_mark.line + 1 + breaks

    def _take_key(self, frame: _Frame, event: Any, line: int) -> None:
        if type(event) is yaml.AliasEvent:
            self._fail(line, "yaml.complex_key")
        key = str(event.value)
        if key in frame.container:
            first = self.source.lines.get(frame.path + (key,), line)
            self.problems.append(
                error(self.rel, line, "yaml-syntax", "yaml.duplicate_key", key=key, first=first)
            )
            frame.discard = True
        frame.key = key
        frame.key_line = line

    def _place(self, stack: list[_Frame], value: Any, line: int) -> Path_ | None:
        """Attach *value* to the innermost container; return its path."""
        if not stack:
            return ()
        frame = stack[-1]
        container = frame.container
        if frame.is_map:
            key = frame.key
            assert key is not None
            frame.key = None
            if frame.discard:
                frame.discard = False
                return None
            container[key] = value
            path = frame.path + (key,)
            self.lines[path] = frame.key_line
            return path
        path = frame.path + (len(container),)
        container.append(value)
        self.lines[path] = line
        return path

    def _alias(self, event: Any, line: int) -> Any:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            self._fail(line, "yaml.too_many_aliases", limit=MAX_ALIASES)
        self.text_anchors.pop(event.anchor, None)
        found = self.anchors.get(event.anchor)
        if found is None:
            self._fail(line, "yaml.unknown_alias", name=event.anchor)
        value, size = found
        self.nodes += size
        return value

    def _scalar(self, event: Any, line: int) -> tuple[Any, str | None]:
        """Return the scalar's value, and its text when YAML read it as a non-text value."""
        value: str = event.value
        tag = event.tag
        if tag is None and event.style == "" and event.implicit[0]:
            resolved = _resolve_plain(value)
            return resolved, (None if isinstance(resolved, str) else value)
        if tag is None or tag == "!" or tag == f"{_STD}str":
            return value, None
        if tag not in _SCALAR_TAGS:
            self._fail(line, "yaml.tag", tag=tag)
        resolved = _resolve_plain(value)
        return resolved, None


def _merged(source: str, value: str, style: str) -> bool:
    """Whether YAML folded away paragraphs or list lines that *source* shows.

    *source* is the scalar as written (from its ``>`` indicator, or its first character
    when plain); *value* is what YAML made of it. A blank line in the source is a
    paragraph break to the person who wrote it, and a line starting with ``-`` or ``1.``
    a list item: if the value has fewer of them, they were joined into one paragraph.
    """
    lines = _BREAK.split(source)
    if style == ">":
        lines = lines[1:]
        content = next((ln for ln in lines if ln.strip()), "")
        indent = len(content) - len(content.lstrip(" "))
        kept: list[str] = []
        for ln in lines:
            if ln.strip() and len(ln) - len(ln.lstrip(" ")) < indent:
                break
            kept.append(ln)
        lines = kept
    paragraphs, listed = _shape(lines)
    value_paragraphs, value_listed = _shape(value.split("\n"))
    return value_paragraphs < paragraphs or value_listed < listed


def _shape(lines: list[str]) -> tuple[int, int]:
    """(paragraphs, list lines) of the Markdown text *lines*, as a reader sees them."""
    paragraphs = 0
    listed = 0
    previous_blank = True
    for line in lines:
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if previous_blank:
            paragraphs += 1
        previous_blank = False
        if _BLOCK_START.match(stripped):
            listed += 1
    return paragraphs, listed


def _resolve_plain(value: str) -> Any:
    """Resolve an unquoted scalar: YAML 1.2 core types, dates; ``yes``/``no`` stay text."""
    short = len(value) <= 5  # no need to hash a long text to find it is not null or a bool
    if short and value in _NULL:
        return None
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        if _DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        return value
    if short and value in _TRUE:
        return True
    if short and value in _FALSE:
        return False
    return value


# --------------------------------------------------------------------------- validation


def validate(
    model: type[M], data: Any, source: SourceMap, rel: str, base: Path_ = ()
) -> tuple[M | None, list[Problem]]:
    """Validate *data* (found at *base* in the file) as *model*; problems in user terms."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[object] = set()
        for err in exc.errors():
            path, rest = _data_path(data, tuple(err["loc"]))
            key = (path, rest[-1]) if err["type"] == "missing" and rest else path
            if key in seen:  # a union reports once per member; say it once
                continue
            seen.add(key)
            problems.append(_problem_from_error(model, data, source, rel, base, err))
        return None, problems


def validate_list(
    model: type[M], items: Any, source: SourceMap, rel: str, base: Path_
) -> tuple[list[tuple[int, M]], list[Problem]]:
    """Validate each element of the list *items* on its own, so one bad record spares the rest."""
    good: list[tuple[int, M]] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        record, found = validate(model, item, source, rel, base + (index,))
        problems.extend(found)
        if record is not None:
            good.append((index, record))
    return good, problems


_LOCAL_TEXT_FIELDS = {"text", "title", "name", "abbreviation"}
_TYPE_NAMES = {
    "string": "type.text",
    "int": "type.number",
    "float": "type.number",
    "bool": "type.bool",
    "list": "type.list",
    "dict": "type.mapping",
    "model": "type.mapping",
    "date": "type.date",
}


def _data_path(data: Any, loc: tuple[str | int, ...]) -> tuple[Path_, list[str | int]]:
    """Follow *loc* through *data*, skipping pydantic's union-member labels."""
    path: list[str | int] = []
    current = data
    rest: list[str | int] = []
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        else:
            rest.append(part)
    return tuple(path), rest


def _field_name(path: Path_, rest: list[str | int]) -> str:
    """The user's name for the field in error: the last key of the data path.

    What pydantic adds after it (``str``, ``dict[...]``, ``function-after[...]``) labels
    the members of a union, not fields, and is never shown.
    """
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return ""


def _model_at(model: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    """The model class that holds the field at *loc* (for listing allowed fields)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return current
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, types.UnionType):  # pragma: no cover - handled by get_args
        return None
    return None


@dataclass(frozen=True)
class _Invalid:
    """One of pydantic's errors, placed in the file: what its message is made from."""

    model: type[BaseModel]
    err: Any
    full: Path_
    """The path of the offending value in the file."""
    rest: list[str | int]
    name: str
    """The field's name, as the message shows it."""
    value: Any
    hint: Msg | str
    source: SourceMap

    @property
    def kind(self) -> str:
        return str(self.err["type"])

    @property
    def row_path(self) -> Path_:
        """The path of the table row a ``table_row`` error is about."""
        return self.full + ("rows", int(self.err["ctx"]["row"]) - 1)


def _problem_from_error(
    model: type[BaseModel], data: Any, source: SourceMap, rel: str, base: Path_, err: Any
) -> Problem:
    path, rest = _data_path(data, tuple(err["loc"]))
    full = base + path
    value = err.get("input")
    raw = source.raw.get(full)
    hint: Msg | str = ""
    if raw is not None and not isinstance(value, dict | list):
        hint = Msg("hint.quote", {"raw": raw})
    bad = _Invalid(model, err, full, rest, _field_name(path, rest), value, hint, source)
    line = source.line(full)
    if bad.kind == "table_row":
        line = source.lines.get(bad.row_path, line)
    return Problem(rel, line, "error", "invalid-record", _invalid_message(bad))


def _invalid_message(bad: _Invalid) -> Msg:
    """The message for *bad*, by the kind of pydantic error."""
    if not bad.name and bad.kind in ("model_type", "dict_type", "model_attributes_type"):
        return Msg("ws.entry_not_mapping", {"value": _show(bad.value)})
    handler = _MESSAGES.get(bad.kind)
    if handler is None and bad.kind.startswith(("date", "datetime")):
        handler = _date_message
    if handler is None and bad.kind.startswith("invalid."):
        # a model's own rule, its message key as the kind
        return Msg(bad.kind, dict(bad.err.get("ctx") or {}))
    if handler is None and _row_written_as_text(bad):
        handler = _row_not_list_message
    return (handler or _type_message)(bad)


def _missing_message(bad: _Invalid) -> Msg:
    return Msg("invalid.missing", {"field": bad.rest[-1] if bad.rest else bad.name})


def _extra_message(bad: _Invalid) -> Msg:
    loc = tuple(bad.err["loc"])
    field_name = str(loc[-1])
    holder = _model_at(bad.model, loc[:-1])
    allowed = sorted(holder.model_fields) if holder else []
    close = difflib.get_close_matches(field_name, allowed, n=1)
    return Msg(
        "invalid.extra",
        {
            "field": field_name,
            "allowed": ", ".join(allowed),
            "suggest": Msg("hint.did_you_mean", {"name": close[0]}) if close else "",
        },
    )


def _choice_message(bad: _Invalid) -> Msg:
    # pydantic words the choices in English ("'a', 'b' or 'c'"): list them plainly
    choices = re.findall(r"'([^']*)'", str(bad.err["ctx"]["expected"]))
    expected = ", ".join(choices) or bad.err["ctx"]["expected"]
    value = bad.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return Msg("invalid.choice_empty", {"field": bad.name, "expected": expected})
    hint = bad.hint
    if not hint and isinstance(value, str):
        hint = _suggest_choice(value, choices)
    return Msg(
        "invalid.choice",
        {"field": bad.name, "value": _show(value), "expected": expected, "hint": hint},
    )


def _pattern_message(bad: _Invalid) -> Msg:
    return Msg(
        _pattern_key(bad.name), {"field": bad.name, "value": _show(bad.value), "hint": bad.hint}
    )


def _date_message(bad: _Invalid) -> Msg:
    reason = _impossible_date(bad.value)
    if reason is not None:
        return Msg(
            "invalid.date_impossible", {"field": bad.name, "value": bad.value, "reason": reason}
        )
    return Msg("invalid.date", {"field": bad.name, "value": _show(bad.value), "hint": bad.hint})


def _table_row_message(bad: _Invalid) -> Msg:
    split = next(iter(bad.source.splits.get(bad.row_path, ())), None)
    if split is not None:
        return Msg("invalid.table_row_comma", {**bad.err["ctx"], **_split_params(split)})
    return Msg("invalid.table_row", dict(bad.err["ctx"]))


def _row_written_as_text(bad: _Invalid) -> bool:
    """A table row written as ``2020, 100, 200`` instead of a list."""
    full = bad.full
    return (
        bad.kind == "list_type"
        and len(full) >= 2
        and full[-2] == "rows"
        and isinstance(bad.value, str)
        and "," in bad.value
    )


def _row_not_list_message(bad: _Invalid) -> Msg:
    value = str(bad.value).strip()
    return Msg(
        "invalid.row_not_list",
        {"row": int(bad.full[-1]) + 1, "value": value, "fixed": f"[{value}]"},
    )


def _type_message(bad: _Invalid) -> Msg:
    kind = bad.kind
    expected = next((v for k, v in _TYPE_NAMES.items() if kind.startswith(k)), None)
    if bad.name in _LOCAL_TEXT_FIELDS and kind in ("string_type", "dict_type"):
        expected = "type.local_text"
    if expected is not None:
        return Msg(
            "invalid.type",
            {
                "field": bad.name,
                "expected": Msg(expected),
                "value": _show(bad.value),
                "hint": bad.hint,
            },
        )
    return Msg("invalid.other", {"field": bad.name, "detail": bad.err["msg"], "hint": bad.hint})


_MESSAGES: dict[str, typing.Callable[[_Invalid], Msg]] = {
    "missing": _missing_message,
    "extra_forbidden": _extra_message,
    "literal_error": _choice_message,
    "string_pattern_mismatch": _pattern_message,
    "table_row": _table_row_message,
}
"""The message of each kind of pydantic error that has its own (others: :func:`_type_message`)."""


_CHOICE_ALIASES = {"draf": "draft", "diajukan": "submitted", "disetujui": "approved"}


def _suggest_choice(value: str, choices: list[str]) -> Msg | str:
    """``(did you mean `draft`?)`` for a misspelt choice, Indonesian words included."""
    words = {c: c for c in choices}
    words.update({k: v for k, v in _CHOICE_ALIASES.items() if v in words})
    close = difflib.get_close_matches(value.strip().lower(), list(words), n=1, cutoff=0.6)
    return Msg("hint.did_you_mean", {"name": words[close[0]]}) if close else ""


def _impossible_date(value: Any) -> Msg | None:
    """Why a date written YYYY-MM-DD does not exist (``February has no 30th``), or None."""
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        return None
    year, month, day = (int(part) for part in value.strip().split("-"))
    if not 1 <= month <= 12:
        return Msg("date.no_month", {"month": month})
    if day < 1:
        return Msg("date.no_day_zero")
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if day <= days:
        return None
    if month == 2 and day == 29:
        return Msg("date.not_leap", {"year": year})
    suffix = "th" if 10 <= day % 100 <= 20 else _ORDINAL.get(day % 10, "th")
    nth = Msg(f"ordinal.{suffix}", {"day": day})
    return Msg("date.no_such_day", {"month": Msg(f"month.{month}"), "nth": nth, "days": days})


_ORDINAL = {1: "st", 2: "nd", 3: "rd"}


def _split_params(split: Split) -> dict[str, object]:
    """How to speak of a number that commas split into cells (``1,5`` -> 1 and 5)."""
    written = split.text if len(split.text) <= 40 else split.text[:39] + "…"
    parts = written.split(",")
    whole = "".join(parts)
    advice = (
        Msg("hint.comma_two", {"decimal": ".".join(parts), "whole": whole})
        if len(parts) == 2
        else Msg("hint.comma_many", {"whole": whole})
    )
    return {"written": written, "count": count_word(split.cells), "advice": advice}


def count_word(count: int) -> Msg | int:
    """*count* as a word (``two``) up to nine, as a number beyond."""
    return Msg(f"count.{count}") if 2 <= count <= 9 else count


def _pattern_key(name: str) -> str:
    return {
        "question": "invalid.question_id",
        "ministry": "invalid.code",
        "code": "invalid.code",
        "lead": "invalid.code",
        "contributors": "invalid.code",
        "letter": "invalid.letter",
        "numeral": "invalid.numeral",
    }.get(name, "invalid.pattern")


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
