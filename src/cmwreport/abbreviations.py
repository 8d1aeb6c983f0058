"""Abbreviations: ``questions/abbreviations.yaml`` and the report's list of abbreviations.

The list of abbreviations holds the bodies' (``ministries.yaml``) and the entries of the
optional ``questions/abbreviations.yaml`` (laws, programmes: JKK, BPJS), and only those
that appear in the report's text.

**Which short form a body goes by** (one rule, for the list and for the templates' text):
the first of its abbreviation in the report's language, its abbreviations in the other
languages (drafting order) and its code that the replies use; when the replies use none,
the report language's. So a body written "KP2MI" in the English replies is listed as
"KP2MI", and the introduction's ``bodies | abbreviations`` says "KP2MI" too.

Light: no heavy imports (``check`` reads the file and counts the list's words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cmwreport.loader import read_yaml, validate, validate_list
from cmwreport.models import (
    Abbreviation,
    AbbreviationsFile,
    Ministry,
    pick_text,
    texts_by_language,
)
from cmwreport.problems import error

if TYPE_CHECKING:
    from cmwreport.workspace import Workspace

ABBREVIATIONS_FILE = "questions/abbreviations.yaml"


@dataclass(frozen=True)
class AbbreviationEntry:
    """One entry of ``questions/abbreviations.yaml`` with where it is written."""

    short: dict[str, str]
    """The short form by language; a plain string is stored under ``"*"`` (every language)."""
    long: dict[str, str]
    line: int
    field_lines: dict[str, int]
    """The line of ``short`` and of ``long``."""

    def short_in(self, lang: str, *fallback: str) -> str:
        """The short form in *lang* (else the first of *fallback*, else any)."""
        for code in (lang, "*", *fallback):
            value = self.short.get(code, "").strip()
            if value:
                return value
        return next((v.strip() for v in self.short.values() if v.strip()), "")


def load_abbreviations(ws: Workspace) -> None:
    """Read ``questions/abbreviations.yaml`` when it exists; every problem is collected."""
    path = ws.root / ABBREVIATIONS_FILE
    if not path.is_file():
        return
    rel = ABBREVIATIONS_FILE
    ws.files.append(rel)
    loaded = read_yaml(path, rel)
    ws.problems.extend(loaded.problems)
    ws.yaml_sources.append((rel, loaded.data, loaded.source, frozenset()))
    data = loaded.data
    if data is None:
        return
    if not isinstance(data, dict):
        ws.problems.append(
            error(rel, 1, "invalid-record", "ws.not_mapping", fields="abbreviations")
        )
        return
    head = {k: v for k, v in data.items() if k != "abbreviations"}
    ws.problems.extend(validate(AbbreviationsFile, head, loaded.source, rel)[1])
    raw = data.get("abbreviations")
    if not isinstance(raw, list):
        field = "abbreviations"
        line = loaded.source.line((field,)) if raw is not None else 1
        key = "invalid.missing" if raw is None else "invalid.type_simple"
        ws.problems.append(
            error(rel, line, "invalid-record", key, field=field, expected="type.list")
        )
        return
    good, problems = validate_list(Abbreviation, raw, loaded.source, rel, ("abbreviations",))
    ws.problems.extend(problems)
    default = ws.drafting_languages[0] if ws.drafting_languages else ws.language
    for index, record in good:
        short = {"*": record.short} if isinstance(record.short, str) else dict(record.short)
        long = texts_by_language(record.long, default)
        where: tuple[str | int, ...] = ("abbreviations", index)
        line = loaded.source.line(where)
        lines = {name: loaded.source.line((*where, name)) for name in ("short", "long")}
        ws.abbreviations.append(AbbreviationEntry(short, long, line, lines))
        for value in [*short.values(), *long.values()]:
            ws.text_fields.append((rel, line, value, frozenset()))


# ------------------------------------------------------------------ the report's list


class TextIndex:
    """A text to ask whether a short form appears in it as a word of its own."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, bool] = {}
        self._searched: dict[str, int] = {}
        """How much of the text each answer in ``_found`` has looked at."""

    def extend(self, text: str) -> None:
        """Add *text* to the text asked about.

        A short form found stays found; one not found is looked for in the added text only,
        when it cannot run across the line break that joins the two texts.
        """
        self.text += "\n" + text
        for short, found in list(self._found.items()):
            if not found and not _WORD_RUN.fullmatch(short):
                del self._found[short]

    def has(self, short: str) -> bool:
        """Whether *short* is written in the text as a word of its own (case counts).

        Found with ``str.find`` (fast); only where it is found are the characters around
        it looked at. A short form asked again after :meth:`extend` is looked for in the
        added text only (see there).
        """
        short = short.strip()
        if not short:
            return False
        found = self._found.get(short)
        if found is None:
            found = self._search(short, 0)
        elif not found and self._searched[short] < len(self.text):
            found = self._search(short, self._searched[short])
        self._found[short] = found
        self._searched[short] = len(self.text)
        return found

    def _search(self, short: str, start: int) -> bool:
        text = self.text
        at = text.find(short, start)
        while at >= 0:
            end = at + len(short)
            before = at == 0 or not _word_char(text[at - 1])
            if before and (end == len(text) or not _word_char(text[end])):
                return True
            at = text.find(short, at + 1)
        return False


_WORD_RUN = re.compile(r"\w+")
"""A run of word characters: those :func:`_word_char` accepts (``str.isalnum`` or ``_``)."""


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def body_context(
    ministry: Ministry, lang: str, fallback: list[str], short: str | None = None
) -> dict[str, Any]:
    """A body as the templates see it: code, name, abbreviation (in *lang*) and coordinator.

    *short* is the short form the report uses for the body (:func:`body_short_forms`).
    """
    names = texts_by_language(ministry.name, fallback[0] if fallback else lang)
    abbreviations = texts_by_language(ministry.abbreviation, fallback[0] if fallback else lang)
    others = [code for code in names if code != lang]
    other = others[0] if others else ""
    own = pick_text(ministry.abbreviation, lang, *fallback) or ministry.code
    return {
        "code": ministry.code,
        "name": pick_text(ministry.name, lang, *fallback),
        "abbreviation": short or own,
        "other_name": names.get(other, "") if other else "",
        "other_abbreviation": abbreviations.get(other, "") if other else "",
        "names": names,
        "coordinator": ministry.coordinator,
    }


def body_short_forms(
    ws: Workspace, lang: str, fallback: list[str], text: str | TextIndex
) -> dict[str, str]:
    """The short form the report uses for each body, by the module's one rule."""
    index = TextIndex(text) if isinstance(text, str) else text
    chosen: dict[str, str] = {}
    for code, ministry in ws.ministries.items():
        forms = texts_by_language(ministry.abbreviation, fallback[0] if fallback else lang)
        candidates = [forms.get(lang, ""), *(forms.get(o, "") for o in fallback), *forms.values()]
        candidates = [c.strip() for c in candidates if c and c.strip()] + [code]
        chosen[code] = next((c for c in candidates if index.has(c)), candidates[0])
    return chosen


def entry_context(entry: AbbreviationEntry, lang: str, fallback: list[str]) -> dict[str, Any]:
    """An entry of ``abbreviations.yaml`` as the ``abbreviation.j2`` template sees a body."""
    short = entry.short_in(lang, *fallback)
    others = [code for code in entry.long if code != lang]
    other = next((code for code in fallback if code in others), others[0] if others else "")
    return {
        "code": short,
        "name": pick_text(entry.long, lang, *fallback),
        "abbreviation": short,
        "other_name": entry.long.get(other, "") if other else "",
        "other_abbreviation": entry.short_in(other) if other else "",
        "names": dict(entry.long),
        "coordinator": False,
    }


def listed(
    ws: Workspace,
    bodies: Iterable[dict[str, Any]],
    lang: str,
    fallback: list[str],
    text: str | TextIndex,
) -> list[dict[str, Any]]:
    """The rows of the list: *bodies* and entries whose short form appears in *text*, sorted.

    A short form listed twice (a body and an entry) is listed once, the body's.
    """
    index = TextIndex(text) if isinstance(text, str) else text
    rows: dict[str, dict[str, Any]] = {}
    for body in bodies:
        short = str(body["abbreviation"])
        if short not in rows and index.has(short):
            rows[short] = body
    for entry in ws.abbreviations:
        row = entry_context(entry, lang, fallback)
        short = str(row["abbreviation"])
        if short not in rows and index.has(short):
            rows[short] = row
    return sorted(rows.values(), key=lambda row: str(row["abbreviation"]).casefold())
