"""The report's wording templates evaluated without Jinja, for counting words in ``check``.

``check`` and ``coverage`` count the words of the whole report (:mod:`cmwreport.wordcount`),
headings and introduction included, which come from the wording templates. Loading Jinja
would cost ``check`` its speed, so the plain subset the wording templates use is evaluated
here: text, ``{# comments #}``, ``{{ expression }}`` and ``{% if %}`` / ``{% elif %}`` /
``{% else %}`` / ``{% endif %}``, with Jinja's whitespace control (``-``, ``trim_blocks``,
``lstrip_blocks``). An expression may use names, ``a.b``, literals, tuples and lists,
``==``/``!=``/``<``/``>``/``in``/``not in``, ``and``/``or``/``not``, ``x if c else y`` and the
registered filters (plus ``length``). Anything else — a loop, a macro, an unknown name —
is left to Jinja itself (:meth:`Templates.render`), so the text is always Jinja's.
``tests/test_wordcount.py`` holds every packaged template to giving Jinja's text.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cmwreport.errors import CmwReportError
from cmwreport.templating import FILTERS
from cmwreport.text import strip_illegal

if TYPE_CHECKING:
    from cmwreport.templating import Templates


class Unsupported(Exception):
    """The template uses more than this module evaluates: Jinja renders it."""


_TAG = re.compile(r"\{([{%#])(-?)(.*?)(-?)([}%#])\}", re.S)
_CLOSERS = {"{": "}", "%": "%", "#": "#"}

_LENGTH: Callable[..., Any] = len
_FILTERS: dict[str, Callable[..., Any]] = {**FILTERS, "length": _LENGTH, "count": _LENGTH}

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.Gt: operator.gt,
    ast.LtE: operator.le,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_CONSTANTS = {"true": True, "false": False, "none": None, "True": True, "False": False}


@dataclass
class _If:
    """An ``{% if %}`` chain: (condition or None for else, body) branches."""

    branches: list[tuple[ast.expr | None, list[Any]]] = field(default_factory=list)


def _expression(source: str) -> ast.expr:
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError:
        raise Unsupported(source) from None
    return tree.body


def _parse(source: str) -> list[Any]:
    """The template as nested nodes: text, expressions (``ast.expr``) and :class:`_If`."""
    pieces: list[tuple[str, str]] = []
    pos = 0
    strip_next = False
    for match in _TAG.finditer(source):
        opener, minus_left, inner, minus_right, closer = match.groups()
        if _CLOSERS[opener] != closer:
            raise Unsupported(match.group(0))
        text = source[pos : match.start()]
        if strip_next:
            text = text.lstrip()
        if minus_left:
            text = text.rstrip()
        elif opener in "%#":  # lstrip_blocks: blanks from the line's start to the tag
            line_start = text.rfind("\n") + 1
            if not text[line_start:].strip(" \t"):
                text = text[:line_start]
        pieces.append(("text", text))
        pieces.append((opener, inner))
        pos = match.end()
        strip_next = bool(minus_right)
        if not strip_next and opener in "%#" and source.startswith("\n", pos):
            pos += 1  # trim_blocks: the first newline after a block tag
    tail = source[pos:]
    pieces.append(("text", tail.lstrip() if strip_next else tail))
    return _nest(pieces)


def _nest(pieces: list[tuple[str, str]]) -> list[Any]:
    root: list[Any] = []
    stack: list[tuple[_If, list[Any]]] = []
    body = root
    for kind, inner in pieces:
        if kind == "text":
            if inner:
                body.append(inner)
        elif kind == "{":
            body.append(_expression(inner))
        elif kind == "%":
            word, _, rest = inner.strip().partition(" ")
            if word == "if":
                chain = _If()
                stack.append((chain, body))
                body.append(chain)
                body = []
                chain.branches.append((_expression(rest), body))
            elif word in ("elif", "else") and stack:
                body = []
                stack[-1][0].branches.append((_expression(rest) if word == "elif" else None, body))
            elif word == "endif" and stack:
                body = stack.pop()[1]
            else:
                raise Unsupported(inner)
    if stack:
        raise Unsupported("if without endif")
    return root


def _value(node: ast.expr, context: dict[str, Any]) -> Any:  # noqa: C901 - one case per node
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in context:
            return context[node.id]
        if node.id in _CONSTANTS:
            return _CONSTANTS[node.id]
        raise Unsupported(node.id)
    if isinstance(node, ast.Attribute):
        return _attribute(_value(node.value, context), node.attr)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _filter(_value(node.left, context), node.right, context)
    if isinstance(node, ast.BoolOp):
        result: Any = None
        for value in node.values:
            result = _value(value, context)
            if bool(result) == isinstance(node.op, ast.Or):
                return result
        return result
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _value(node.operand, context)
    if isinstance(node, ast.Compare):
        return _compare(node, context)
    if isinstance(node, ast.IfExp):
        test = _value(node.test, context)
        return _value(node.body if test else node.orelse, context)
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(_value(e, context) for e in node.elts)
    raise Unsupported(type(node).__name__)


def _compare(node: ast.Compare, context: dict[str, Any]) -> bool:
    left = _value(node.left, context)
    for op, right_node in zip(node.ops, node.comparators, strict=True):
        right = _value(right_node, context)
        if not _COMPARE[type(op)](left, right):
            return False
        left = right
    return True


def _attribute(value: Any, name: str) -> Any:
    if name.startswith("_"):
        raise Unsupported(name)
    if isinstance(value, dict):
        if name in value:
            return value[name]
        raise Unsupported(name)
    if hasattr(value, name) and not callable(getattr(value, name)):
        return getattr(value, name)
    raise Unsupported(name)


def _filter(value: Any, node: ast.expr, context: dict[str, Any]) -> Any:
    args: list[Any] = []
    if isinstance(node, ast.Call) and not node.keywords:
        args = [_value(a, context) for a in node.args]
        node = node.func
    if not isinstance(node, ast.Name) or node.id not in _FILTERS:
        raise Unsupported(ast.dump(node))
    return _FILTERS[node.id](value, *args)


def _run(nodes: list[Any], context: dict[str, Any], out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _If):
            for test, body in node.branches:
                if test is None or _value(test, context):
                    _run(body, context, out)
                    break
        else:
            out.append(str(_value(node, context)))


@dataclass
class QuickTemplates:
    """The wording templates of one workspace, evaluated here where they can be."""

    templates: Templates
    lenient: bool = False
    """Count a template Jinja cannot render as empty instead of raising (``check``: the
    template's error is ``render``'s to report)."""
    _parsed: dict[str, list[Any] | None] = field(default_factory=dict)
    _chosen: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def _nodes(self, name: str) -> list[Any] | None:
        if name not in self._parsed:
            path = self.templates.find(name)
            try:
                source = path.read_text(encoding="utf-8") if path else None
                self._parsed[name] = _parse(source) if source is not None else None
            except (Unsupported, OSError, UnicodeDecodeError):
                self._parsed[name] = None
        return self._parsed[name]

    def _text(self, name: str, context: dict[str, Any]) -> str | None:
        nodes = self._nodes(name)
        if nodes is None:
            return None
        out: list[str] = []
        try:
            _run(nodes, context, out)
        except (Unsupported, TypeError, ValueError, KeyError, AttributeError):
            return None
        return "".join(out)

    def render(self, name: str, lang: str, /, **context: Any) -> str:
        """What :meth:`Templates.render` gives for the wording template *name* in *lang*."""
        key = (name, lang)
        if key not in self._chosen:
            names = self.templates.names(name, lang)
            self._chosen[key] = next((n for n in names if self.templates.find(n)), None)
        chosen = self._chosen[key]
        text = self._text(chosen, {"lang": lang, **context}) if chosen else None
        if text is None:
            return self._jinja(lambda: self.templates.render(name, lang, **context))
        return strip_illegal(text).strip()

    def _jinja(self, render: Callable[[], str]) -> str:
        try:
            return render()
        except CmwReportError:
            if not self.lenient:
                raise
            return ""

    def lines(self, name: str, /, **context: Any) -> list[str]:
        """What :meth:`Templates.lines` gives for the language-neutral template *name*."""
        text = self._text(name, dict(context))
        if text is None:
            page = self._jinja(lambda: "\n".join(self.templates.lines(name, **context)))
            return page.splitlines()
        return [line.strip() for line in text.splitlines() if line.strip()]
