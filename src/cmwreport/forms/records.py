"""Editing one answer record in ruamel.yaml's round-trip data, as ``import`` changes it.

Texts are written as ``|`` blocks, ``status`` and ``updated`` set in place, a new record
built in the order people write one, the comment lines that follow a record kept after
it, and a text shared with other records through a YAML alias split off first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cmwreport.models import canonical_status


def _literal(text: str) -> Any:
    """*text* as a ``|`` block, ending with one newline."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(text.rstrip("\n") + "\n")


def set_texts(record: Any, texts: dict[str, str], first_lang: str) -> None:
    """Put *texts* (by language) into *record*'s ``text`` mapping, making one if needed."""
    from ruamel.yaml.comments import CommentedMap

    current = record.get("text")
    if not isinstance(current, dict):
        mapping = CommentedMap()
        if isinstance(current, str) and current.strip():
            mapping[first_lang] = current
        if "text" in record:
            record["text"] = mapping
        else:
            keys = list(record.keys())
            position = keys.index("updated") + 1 if "updated" in keys else len(keys)
            record.insert(position, "text", mapping)
        current = mapping
    for code, text in texts.items():
        current[code] = _literal(text)


def _last_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where ruamel keeps the comment that follows *node*: (container, key, slot index).

    The comment lines written after a record (often about the next record) are attached
    to the deepest last value of the record.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and len(node):
        key = list(node.keys())[-1]
        return _last_slot(node[key]) or (node, key, 2)
    if isinstance(node, CommentedSeq) and len(node):
        index = len(node) - 1
        return _last_slot(node[index]) or (node, index, 0)
    return None


def _is_block(value: Any) -> bool:
    """Whether *value* is written as a ``|`` or ``>`` block."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, LiteralScalarString | FoldedScalarString)


def take_tail(record: Any) -> str | None:
    """Detach the comment lines that follow *record* (its end-of-line comment stays)."""
    slot = _last_slot(record)
    if slot is None:
        return None
    node, key, index = slot
    entry = node.ca.items.get(key)
    if not entry or len(entry) <= index or entry[index] is None:
        return None
    token = entry[index]
    if _is_block(node[key]):
        head, rest = "", str(token.value)
    else:
        first, newline, rest = str(token.value).partition("\n")
        head = first + newline if first.strip() else ""
    if not rest:
        return None
    if head:
        token.value = head
    else:
        entry[index] = None
    return rest


def put_tail(record: Any, rest: str | None) -> None:
    """Attach *rest* (from :func:`take_tail`) after the record's new last value."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slot = _last_slot(record) if rest else None
    if slot is None or rest is None:
        return
    node, key, index = slot
    entry = node.ca.items.setdefault(key, [None, None, None, None] if index == 2 else [None, None])
    token = entry[index]
    if token is None:
        value = rest if _is_block(node[key]) else "\n" + rest
        entry[index] = CommentToken(value, CommentMark(0), None)
    elif str(token.value).endswith("\n"):
        token.value = str(token.value) + rest
    else:
        token.value = f"{token.value}\n{rest}"


def touch(record: Any, status: str | None, today: dt.date) -> None:
    """Set *record*'s status (when given) and its ``updated`` date to *today*."""
    if status is not None and canonical_status(record.get("status")) != status:
        record["status"] = status  # a status that already means the same keeps its word
    today = dt.date(today.year, today.month, today.day)  # a new object: no YAML anchor
    if "updated" in record:
        record["updated"] = today
    else:
        keys = list(record.keys())
        position = keys.index("status") + 1 if "status" in keys else len(keys)
        record.insert(position, "updated", today)


def new_record(
    question: str,
    status: str,
    texts: dict[str, str],
    today: dt.date,
    *,
    id_key: str = "question",
    implementation: str | None = None,
) -> Any:
    """A new answer record for *question* (a follow-up entry: *id_key* ``recommendation``)."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    record = CommentedMap()
    record[id_key] = DoubleQuotedScalarString(question)
    if implementation is not None:
        record["implementation"] = implementation
    record["status"] = status
    record["updated"] = dt.date(today.year, today.month, today.day)
    text = CommentedMap()
    for code, value in texts.items():
        text[code] = _literal(value)
    record["text"] = text
    return record


def set_implementation(record: Any, implementation: str) -> None:
    """Set a follow-up entry's ``implementation`` in place (added after its first key if absent)."""
    if "implementation" in record:
        if record.get("implementation") != implementation:
            record["implementation"] = implementation
    else:
        record.insert(1 if len(record) else 0, "implementation", implementation)


def shared_with(records: list[Any], index: int) -> list[str]:
    """Questions of the other records that share (through a YAML alias) a value of record *index*.

    The value a form changes — the record's ``text`` — is split from them first, so the other
    records keep their text (see :func:`split_text`).
    """
    mine = _anchored_in(records[index].get("text"))
    if not mine:
        return []
    return [
        str(record.get("question"))
        for other_index, record in enumerate(records)
        if other_index != index and isinstance(record, dict) and _anchored_in(record) & mine
    ]


def _anchored_in(node: Any) -> set[int]:
    """The identities of *node* and of every value inside it that carries a YAML anchor."""
    found: set[int] = set()
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue  # a value reached twice (an alias): walked once
        seen.add(id(current))
        if _anchored(current):
            found.add(id(current))
        if isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return found


def _anchored(node: Any) -> bool:
    """Whether *node* carries a YAML anchor (``&name``)."""
    anchor = getattr(node, "anchor", None)
    return anchor is not None and getattr(anchor, "value", None) is not None


def split_text(record: Any) -> None:
    """Give *record* its own copy of its ``text`` mapping (no longer shared through an alias)."""
    from ruamel.yaml.comments import CommentedMap

    current = record.get("text")
    if isinstance(current, dict) and _anchored(current):
        copy = CommentedMap()
        for key, value in current.items():
            copy[key] = value
        record["text"] = copy
