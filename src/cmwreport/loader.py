"""Read workspace YAML safely into plain data, remembering the line of every field.

The reader drives PyYAML's event parser (the C one where available) and builds the data
itself, so that it can refuse what a safe loader must refuse (``!!python`` tags, alias
bombs, deep nesting, duplicate keys) before any of it costs memory or time, and so that
every mapping key and list item keeps its line. Validation into pydantic records turns
each pydantic error into a :class:`~cmwreport.problems.Problem` in the user's terms.
Nothing here raises for a problem in the user's files: problems are collected.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from cmwreport.problems import Msg, Problem, error, warning
from cmwreport.text import YAML_UNREADABLE

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


@dataclass
class SourceMap:
    """Where each field of one file sits: the line of every mapping key and list item."""

    lines: dict[Path_, int] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    """The text of plain scalars that YAML read as something other than text."""

    def line(self, path: Path_) -> int:
        """The line of *path*, or of its nearest recorded parent."""
        lines = self.lines
        while path:
            found = lines.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return lines.get((), 1)


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
    if YAML_UNREADABLE.search(text) is None:
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
    detail = f"{context}: {problem}" if context else problem
    return error(rel, line, "yaml-syntax", "yaml.syntax", detail=detail)


class _Frame:
    """A list or mapping being built."""

    __slots__ = ("container", "path", "key", "key_line", "discard", "anchor", "start")

    def __init__(self, container: Any, path: Path_, anchor: str | None, start: int) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_line = 0
        self.discard = False
        self.anchor = anchor
        self.start = start


class _Builder:
    """Build plain data from parser events, with limits and a source map."""

    def __init__(self, rel: str, source: SourceMap, problems: list[Problem]) -> None:
        self.rel = rel
        self.source = source
        self.problems = problems
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.aliases = 0

    def _fail(self, line: int, key: str, **params: object) -> typing.NoReturn:
        self.problems.append(error(self.rel, line, "yaml-syntax", key, **params))
        raise _Abort

    def build(self, text: str) -> Any:
        """Read the single document of *text*."""
        parser = _Parser(text)
        try:
            return self._run(parser)
        finally:
            parser.dispose()

    def _events(self, parser: Any) -> Iterator[Any]:
        while parser.check_event():
            yield parser.get_event()

    def _run(self, parser: Any) -> Any:  # noqa: C901 - one loop over event kinds
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        lines = self.source.lines
        raw = self.source.raw
        for event in self._events(parser):
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                line = event.start_mark.line + 1
                if stack and isinstance(stack[-1].container, dict) and stack[-1].key is None:
                    self._take_key(stack[-1], event, line)
                    continue
                if kind is yaml.AliasEvent:
                    value = self._alias(event, line)
                    plain_text = None
                else:
                    value, plain_text = self._scalar(event, line)
                    self.nodes += 1
                    if event.anchor:
                        self.anchors[event.anchor] = (value, 1)
                path = self._place(stack, value, line)
                if plain_text is not None and path is not None:
                    raw[path] = plain_text
                elif not stack:
                    root = value
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                line = event.start_mark.line + 1
                if event.tag is not None and event.tag not in _COLLECTION_TAGS:
                    self._fail(line, "yaml.tag", tag=event.tag)
                if len(stack) >= MAX_DEPTH:
                    self._fail(line, "yaml.too_deep", limit=MAX_DEPTH)
                if stack and isinstance(stack[-1].container, dict) and stack[-1].key is None:
                    self._fail(line, "yaml.complex_key")
                container: Any = {} if kind is yaml.MappingStartEvent else []
                path = self._place(stack, container, line)
                if not stack:
                    root = container
                    lines[()] = line
                self.nodes += 1
                stack.append(_Frame(container, path or (), event.anchor, self.nodes))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    self.anchors[frame.anchor] = (frame.container, self.nodes - frame.start + 1)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._fail(event.start_mark.line + 1, "yaml.many_documents")
            if self.nodes > MAX_NODES:
                self._fail(event.start_mark.line + 1, "yaml.too_many_nodes", limit=MAX_NODES)
        return root

    def _take_key(self, frame: _Frame, event: Any, line: int) -> None:
        if type(event) is yaml.AliasEvent:
            self._fail(line, "yaml.complex_key")
        key = str(event.value)
        mapping = frame.container
        if key in mapping or (frame.path + (key,)) in self.source.lines and key in mapping:
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
        if isinstance(container, dict):
            key = frame.key
            assert key is not None
            frame.key = None
            if frame.discard:
                frame.discard = False
                return None
            container[key] = value
            path = frame.path + (key,)
            self.source.lines[path] = frame.key_line
            return path
        path = frame.path + (len(container),)
        container.append(value)
        self.source.lines[path] = line
        return path

    def _alias(self, event: Any, line: int) -> Any:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            self._fail(line, "yaml.too_many_aliases", limit=MAX_ALIASES)
        found = self.anchors.get(event.anchor)
        if found is None:
            self._fail(line, "yaml.syntax", detail=f"unknown alias *{event.anchor}")
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


def _resolve_plain(value: str) -> Any:
    """Resolve an unquoted scalar: YAML 1.2 core types, dates; ``yes``/``no`` stay text."""
    if value in _NULL:
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
    if value in _TRUE:
        return True
    if value in _FALSE:
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


def _problem_from_error(
    model: type[BaseModel], data: Any, source: SourceMap, rel: str, base: Path_, err: Any
) -> Problem:
    loc = tuple(err["loc"])
    path, rest = _data_path(data, loc)
    full = base + path
    line = source.line(full)
    kind = err["type"]
    name = _field_name(path, rest)
    value = err.get("input")
    hint: Msg | str = ""
    raw = source.raw.get(full)
    if raw is not None and not isinstance(value, dict | list):
        hint = Msg("hint.quote", {"raw": raw})
    if not name and kind in ("model_type", "dict_type", "model_attributes_type"):
        msg = Msg("ws.entry_not_mapping", {"value": _show(value)})
    elif kind == "missing":
        msg = Msg("invalid.missing", {"field": rest[-1] if rest else name})
    elif kind == "extra_forbidden":
        field_name = str(loc[-1])
        holder = _model_at(model, tuple(p for p in loc[:-1]))
        allowed = sorted(holder.model_fields) if holder else []
        close = difflib.get_close_matches(field_name, allowed, n=1)
        msg = Msg(
            "invalid.extra",
            {
                "field": field_name,
                "allowed": ", ".join(allowed),
                "suggest": Msg("hint.did_you_mean", {"name": close[0]}) if close else "",
            },
        )
    elif kind == "literal_error":
        msg = Msg(
            "invalid.choice",
            {
                "field": name,
                "value": _show(value),
                # pydantic words the choices in English ("'a', 'b' or 'c'"): list them plainly
                "expected": ", ".join(re.findall(r"'([^']*)'", str(err["ctx"]["expected"])))
                or err["ctx"]["expected"],
                "hint": hint,
            },
        )
    elif kind == "string_pattern_mismatch":
        msg = Msg(_pattern_key(name), {"field": name, "value": _show(value), "hint": hint})
    elif kind.startswith("date") or kind.startswith("datetime"):
        msg = Msg("invalid.date", {"field": name, "value": _show(value), "hint": hint})
    elif kind == "table_row":
        msg = Msg("invalid.table_row", dict(err["ctx"]))
    else:
        expected = next((v for k, v in _TYPE_NAMES.items() if kind.startswith(k)), None)
        if name in _LOCAL_TEXT_FIELDS and kind in ("string_type", "dict_type"):
            expected = "type.local_text"
        if expected is not None:
            msg = Msg(
                "invalid.type",
                {"field": name, "expected": Msg(expected), "value": _show(value), "hint": hint},
            )
        else:
            msg = Msg("invalid.other", {"field": name, "detail": err["msg"], "hint": hint})
    return Problem(rel, line, "error", "invalid-record", msg)


def _pattern_key(name: str) -> str:
    return {
        "question": "invalid.question_id",
        "ministry": "invalid.code",
        "code": "invalid.code",
        "lead": "invalid.code",
        "contributors": "invalid.code",
        "letter": "invalid.letter",
    }.get(name, "invalid.pattern")


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
