"""The checks of ``cmwreport check``: one small function per problem code, over a workspace.

Each ``check_*`` function takes a loaded :class:`~cmwreport.workspace.Workspace` and yields
:class:`~cmwreport.problems.Problem` records; :func:`check_workspace` runs them all and
keeps, with ``--ministry``, what one body owes and wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cmwreport.breakdowns import unit_inputs, unit_missing_breakdowns
from cmwreport.models import parse_question_id, parse_unit_id, texts_by_language
from cmwreport.problems import Msg, Problem, error, warning
from cmwreport.text import join_and, percent, search_docx_illegal

if TYPE_CHECKING:
    from cmwreport.abbreviations import AbbreviationEntry
    from cmwreport.loader import SourceMap
    from cmwreport.workspace import AnswerEntry, Workspace

LOIPR = "questions/loipr.yaml"


def check_duplicate_ids(ws: Workspace) -> Iterator[Problem]:
    """``duplicate-id``: a paragraph number, item letter, section id or body code twice."""
    for dup in ws.duplicates:
        yield error(
            dup.file, dup.line, "duplicate-id", f"dup.{dup.kind}", id=dup.id, first=dup.first_line
        )


def check_unknown_ministries(ws: Workspace) -> Iterator[Problem]:
    """``unknown-ministry``: a code missing from ministries.yaml, or file and code differ."""
    known = ", ".join(ws.ministries) or "—"
    for unknown in ws.unknown_codes:
        problem = error(
            unknown.file,
            unknown.line,
            "unknown-ministry",
            f"unknown_ministry.{unknown.where}",
            code=unknown.code,
            other=unknown.other,
            known=known,
        )
        yield replace(problem, ministries=frozenset({unknown.code, unknown.other} - {""}))


def check_unknown_questions(ws: Workspace) -> Iterator[Problem]:
    """``unknown-question``: an answer names a question the list of issues lacks."""
    for entry in ws.unknown_questions:
        number, letter = parse_question_id(entry.question)
        paragraph = ws.paragraph_by_number.get(number)
        item = ws.item_by_id.get(f"{number}({letter})")
        if item is not None and parse_unit_id(entry.question)[2] is not None:
            key = (
                "unknown_question.subitem" if item.has_subitems else "unknown_question.no_subitems"
            )
            letters = ", ".join(u.id for u in item.units)
        elif paragraph is not None and letter is not None and paragraph.has_items:
            key = "unknown_question.item"
            letters = ", ".join(f"{u.id}" for u in paragraph.units)
        elif paragraph is not None and letter is not None:
            key = "unknown_question.no_items"
            letters = str(number)
        else:
            key = "unknown_question.paragraph"
            letters = ""
        yield _owned(
            error(
                entry.file,
                entry.field_lines.get("question", entry.line),
                "unknown-question",
                key,
                question=entry.question,
                known=letters,
            ),
            entry.ministry,
        )


def check_duplicate_answers(ws: Workspace) -> Iterator[Problem]:
    """``duplicate-answer``: one body answers the same unit twice."""
    first: dict[tuple[str, str], AnswerEntry] = {}
    reported: set[int] = set()
    for entry in ws.answers:
        # An introduction whose parts were all answered by name still names its question.
        for unit_id in entry.units or (entry.question,):
            earlier = first.setdefault((entry.ministry, unit_id), entry)
            if earlier is not entry and id(entry) not in reported:
                reported.add(id(entry))
                yield _owned(
                    error(
                        entry.file,
                        entry.line,
                        "duplicate-answer",
                        "dup.answer_file",
                        unit=unit_id,
                        first_file=earlier.file,
                        first=earlier.line,
                        question=entry.question,
                        earlier=earlier.question,
                    ),
                    entry.ministry,
                )


def check_unanswered(ws: Workspace) -> Iterator[Problem]:
    """``unanswered``: nobody has answered a unit (empty skeletons do not count)."""
    for unit in ws.units:
        if _judged_elsewhere(ws, unit.assigned) or unit.id in ws.rejected:
            continue
        if ws.best_status(unit) == "unanswered":
            yield warning(
                LOIPR,
                unit.line,
                "unanswered",
                "check.unanswered",
                frozenset(unit.assigned),
                unit=unit.id,
                lead=unit.lead or "—",
            )


def check_lead_missing(ws: Workspace) -> Iterator[Problem]:
    """``lead-missing``: others answered a unit but its lead did not."""
    for unit in ws.units:
        if unit.lead is None or unit.lead in ws.unread_bodies:
            continue
        if unit.lead in ws.rejected.get(unit.id, ()):
            continue  # the lead did answer: its record has an error, said at its line
        entries = [a for a in ws.answers_by_unit[unit.id] if not a.empty]
        if not entries or any(a.answer.consolidated for a in entries):
            continue
        if all(a.ministry != unit.lead for a in entries):
            others = ", ".join(sorted({a.ministry for a in entries}))
            yield warning(
                unit.file,
                unit.line,
                "lead-missing",
                "check.lead_missing",
                frozenset({unit.lead}),
                unit=unit.id,
                lead=unit.lead,
                others=others,
            )


def check_not_assigned(ws: Workspace) -> Iterator[Problem]:
    """``not-assigned``: a body answers a unit it is neither lead nor contributor of.

    A coordinating body's ``consolidated`` answer is its job, not an intrusion; nor is an
    answer to a whole paragraph (or item) by a body assigned to that paragraph (or item),
    even where one of its parts names other bodies.
    """
    for entry in ws.answers:
        ministry = ws.ministries.get(entry.ministry)
        if entry.answer.consolidated and ministry is not None and ministry.coordinator:
            continue
        if entry.ministry in ws.assigned_to(entry.question):
            continue
        stray = [u for u in entry.units if entry.ministry not in ws.unit_by_id[u].assigned]
        if stray:
            yield _owned(
                warning(
                    entry.file,
                    entry.line,
                    "not-assigned",
                    "check.not_assigned",
                    code=entry.ministry,
                    units=", ".join(stray),
                ),
                entry.ministry,
            )


def check_missing_translation(ws: Workspace) -> Iterator[Problem]:
    """``missing-translation``: an approved answer lacks text in the report's language."""
    lang = ws.language
    for entry in ws.answers:
        if entry.status == "approved" and not entry.empty and not entry.text_in(lang).strip():
            if not any(v.strip() for v in entry.texts.values()):
                continue  # a table-only answer has no text to translate
            have = ", ".join(k for k, v in entry.texts.items() if v.strip())
            yield _owned(
                warning(
                    entry.file,
                    entry.field_lines.get("text", entry.line),
                    "missing-translation",
                    "check.missing_translation",
                    question=entry.question,
                    lang=lang,
                    have=have,
                ),
                entry.ministry,
            )


def check_missing_data(ws: Workspace) -> Iterator[Problem]:
    """``missing-data``: a unit asks for statistics and no answer has a table."""
    for unit in ws.units:
        if not unit.data or _judged_elsewhere(ws, unit.assigned) or unit.id in ws.rejected:
            continue
        entries = [a for a in ws.answers_by_unit[unit.id] if not a.empty]
        if not any(a.answer.tables for a in entries):
            yield warning(
                unit.file,
                unit.data_line,
                "missing-data",
                "check.missing_data",
                frozenset(unit.assigned),
                unit=unit.id,
                data=", ".join(unit.data),
            )


@dataclass(frozen=True, slots=True)
class Listed(Msg):
    """Values shown as a list in the reader's language: ``age and sector``, ``usia dan sektor``."""

    key: str = ""
    values: tuple[object, ...] = ()

    def render(self, lang: str) -> str:
        """The values joined with the one joiner, :func:`~cmwreport.text.join_and`."""
        return join_and(self.values, lang)


def check_missing_disaggregation(ws: Workspace) -> Iterator[Problem]:
    """``missing-disaggregation``: the unit's tables lack a breakdown its ``data:`` asks for.

    Only where some answer has a table (no table at all is ``missing-data``, nobody's
    answer is ``unanswered``). One warning per unit, at the line of the first answer in the
    report's order (the lead's, when it answered), for the lead and that answer's body:
    the tables of all the unit's answers together count.
    """
    for unit in ws.units:
        if not unit.data or _judged_elsewhere(ws, unit.assigned) or unit.id in ws.rejected:
            continue
        entries = [a for a in ws.answers_by_unit[unit.id] if not a.empty]
        if not any(a.answer.tables for a in entries):
            continue  # missing-data says so
        inputs = unit_inputs(ws, unit)
        missing = unit_missing_breakdowns(ws, unit, inputs)
        if not missing or not inputs:
            continue
        at = inputs[0]  # the lead's answer when it answered: the report's order
        yield warning(
            at.file,
            at.line,
            "missing-disaggregation",
            "check.missing_disaggregation",
            frozenset({at.ministry, *((unit.lead,) if unit.lead else ())}),
            unit=unit.id,
            data=Listed(values=tuple(unit.data)),
            missing=Listed(values=missing),
            count=len(missing),
        )


def check_empty_answers(ws: Workspace) -> Iterator[Problem]:
    """``empty-answer``: an answer record whose text is empty."""
    for entry in ws.answers:
        if entry.empty:
            yield _owned(
                warning(
                    entry.file,
                    entry.line,
                    "empty-answer",
                    "check.empty_answer",
                    question=entry.question,
                ),
                entry.ministry,
            )


def check_control_characters(ws: Workspace) -> Iterator[Problem]:
    """``control-character``: text holds characters a DOCX cannot hold."""
    seen: set[tuple[str, int]] = set()
    for file, line, value, owners in ws.text_fields:
        match = search_docx_illegal(value)
        if match is None or (file, line) in seen:
            continue
        seen.add((file, line))
        yield warning(
            file,
            line,
            "control-character",
            "check.control_character",
            owners,
            char=f"U+{ord(match.group()):04X}",
        )


def check_word_limit(ws: Workspace) -> Iterator[Problem]:
    """``over-word-limit`` / ``near-word-limit``: the report-language text is too long."""
    if ws.loipr is None:
        return
    words = ws.report_words()
    limit = ws.word_limit
    if words > limit:
        yield warning(
            LOIPR,
            ws.meta_line,
            "over-word-limit",
            "check.over_word_limit",
            words=words,
            limit=limit,
            lang=ws.language,
        )
    elif words > 0.9 * limit:
        yield warning(
            LOIPR,
            ws.meta_line,
            "near-word-limit",
            "check.near_word_limit",
            words=words,
            limit=limit,
            percent=percent(words, limit),
            lang=ws.language,
        )


ABBREVIATIONS = "questions/abbreviations.yaml"


def check_abbreviations(ws: Workspace) -> Iterator[Problem]:
    """``duplicate-id`` and ``missing-translation`` in ``questions/abbreviations.yaml``.

    A short form written twice, or one a body already goes by, is a ``duplicate-id``; an
    entry without the report's language is a ``missing-translation``.
    """
    bodies: dict[str, str] = {}
    for code, ministry in ws.ministries.items():
        for form in texts_by_language(ministry.abbreviation, ws.language).values():
            bodies.setdefault(form.strip(), code)
    seen: dict[str, int] = {}
    for entry in ws.abbreviations:
        line = entry.field_lines.get("short", entry.line)
        for form in sorted({v.strip() for v in entry.short.values() if v.strip()}):
            if form in seen:
                yield error(
                    ABBREVIATIONS,
                    line,
                    "duplicate-id",
                    "dup.abbreviation",
                    id=form,
                    first=seen[form],
                )
            elif form in bodies:
                first = ws.ministry_lines.get(bodies[form], 1)
                key = "dup.abbreviation_body"
                yield error(
                    ABBREVIATIONS,
                    line,
                    "duplicate-id",
                    key,
                    id=form,
                    code=bodies[form],
                    first=first,
                )
            else:
                seen[form] = line
        yield from _abbreviation_languages(ws, entry)


def _abbreviation_languages(ws: Workspace, entry: AbbreviationEntry) -> Iterator[Problem]:
    lang = ws.language
    for name, texts in (("short", entry.short), ("long", entry.long)):
        if texts.get(lang, "").strip() or texts.get("*", "").strip():
            continue
        yield warning(
            ABBREVIATIONS,
            entry.field_lines.get(name, entry.line),
            "missing-translation",
            "check.abbreviation_language",
            short=entry.short_in(lang, *ws.drafting_languages) or "—",
            field=name,
            lang=lang,
            have=", ".join(code for code, text in texts.items() if text.strip()) or "—",
        )


def _judged_elsewhere(ws: Workspace, codes: Iterable[str]) -> bool:
    """True when one of *codes* has an answers file that could not be read.

    Its answers are unknown, so saying the unit is unanswered would be noise above the
    one error that matters (the file's own).
    """
    return bool(ws.unread_bodies) and any(code in ws.unread_bodies for code in codes)


_THOUSANDS = re.compile(r"^[-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?$")
_TEXT_FIELDS = frozenset(
    {"text", "title", "name", "abbreviation", "note", "sources", "source", "columns", "rows"}
)
_LOCAL_FIELDS = frozenset({"text", "title", "name", "abbreviation"})


def _row_cells(data: object) -> Iterator[tuple[tuple[str | int, ...], list[object], object]]:
    """Every table of an answers file: (path of the table, its columns, its rows)."""
    if not isinstance(data, dict):
        return
    for kind in ("answers", "follow_up"):
        records = data.get(kind)
        if not isinstance(records, list):
            continue
        for index, record in enumerate(records):
            tables = record.get("tables") if isinstance(record, dict) else None
            if not isinstance(tables, list):
                continue
            for t_index, table in enumerate(tables):
                if isinstance(table, dict):
                    columns = table.get("columns")
                    yield (
                        (kind, index, "tables", t_index),
                        columns if isinstance(columns, list) else [],
                        table.get("rows"),
                    )


def check_ambiguous_numbers(ws: Workspace) -> Iterator[Problem]:
    """``ambiguous-number``: a table cell YAML may have read as another number or as text."""
    for file, data, source, owners in ws.yaml_sources:
        for base, columns, rows in _row_cells(data):
            if isinstance(rows, list):
                for problem in _ambiguous_in_table(file, source, base, columns, rows):
                    yield replace(problem, ministries=owners)


def _ambiguous_in_table(
    file: str,
    source: SourceMap,
    base: tuple[str | int, ...],
    columns: list[object],
    rows: list[object],
) -> Iterator[Problem]:
    """The ambiguous numbers of one table at *base*: dotted cells, then split cells, by row."""
    told = _row_told(columns, rows)
    for r_index, row in enumerate(rows):
        if not isinstance(row, list):
            continue
        row_path = base + ("rows", r_index)
        yield from _dotted_cells(file, source, row_path, row)
        if r_index != told:
            yield from _split_cells(file, source, row_path, fits=len(row) == len(columns))


def _row_told(columns: list[object], rows: list[object]) -> int:
    """The row whose splits the table's own check already names, or -1.

    That check names the first row of the wrong length (and the comma that split it); the
    splits of the other rows are said here.
    """
    if not columns or not all(isinstance(row, list) for row in rows):
        return -1
    return next(
        (r for r, row in enumerate(rows) if isinstance(row, list) and len(row) != len(columns)),
        -1,
    )


def _dotted_cells(
    file: str, source: SourceMap, row_path: tuple[str | int, ...], row: list[object]
) -> Iterator[Problem]:
    """Cells of *row* written with ``.`` grouping digits in threes (``110.300``)."""
    for c_index, cell in enumerate(row):
        path = row_path + (c_index,)
        written = source.raw.get(path) or source.numeric_text.get(path)
        if written is None or not _THOUSANDS.match(written):
            continue
        whole, _, decimals = written.partition(",")
        fixed = whole.replace(".", "") + (f".{decimals}" if decimals else "")
        key = "check.ambiguous_text" if isinstance(cell, str) else "check.ambiguous_float"
        yield error(
            file,
            source.line(path),
            "ambiguous-number",
            key,
            written=written,
            read=cell,
            fixed=fixed,
        )


def _split_cells(
    file: str, source: SourceMap, row_path: tuple[str | int, ...], *, fits: bool
) -> Iterator[Problem]:
    """Numbers of the row at *row_path* that a comma without a space split into cells.

    When every comma of the row is written the same way and the row *fits* its columns
    (``[2024,100,200]``), the commas are meant as separators.
    """
    for split in source.splits.get(row_path, ()):
        if not split.mixed and fits:
            continue
        parts = _short(split.text).split(",")
        advice = (
            Msg("hint.comma_two", {"decimal": ".".join(parts), "whole": "".join(parts)})
            if len(parts) == 2
            else Msg("hint.comma_many", {"whole": "".join(parts)})
        )
        yield error(
            file,
            source.line(row_path + (split.first,)),
            "ambiguous-number",
            "check.ambiguous_split",
            written=_short(split.text),
            count=Msg(f"count.{split.cells}") if 2 <= split.cells <= 9 else split.cells,
            cells=" | ".join(parts),
            advice=advice,
        )


def _text_field(path: tuple[str | int, ...]) -> str | None:
    """The field a text at *path* belongs to (``text`` for ``answers.0.text.id``), or None."""
    names = [part for part in path if isinstance(part, str)]
    if not names:
        return None
    last = names[-1]
    if isinstance(path[-1], str) and len(names) > 1 and names[-2] in _LOCAL_FIELDS:
        if path[-2] == names[-2]:
            return names[-2]  # text: {id: ...}: the language's entry
    return last if last in _TEXT_FIELDS else None


def check_cut_by_comment(ws: Workspace) -> Iterator[Problem]:
    """``cut-by-comment``: unquoted text holding `` #``, the rest dropped as a comment."""
    for file, data, source, owners in ws.yaml_sources:
        for path, line in source.cut.items():
            name = _text_field(path)
            if name is None:
                continue
            kept = _value_at(data, path)
            yield warning(
                file,
                line,
                "cut-by-comment",
                "check.cut_by_comment" if isinstance(path[-1], str) else "check.cut_item",
                owners,
                field=path[-1] if isinstance(path[-1], str) else name,
                kept=f"“{kept}”" if kept else "—",
            )


def check_merged_paragraphs(ws: Workspace) -> Iterator[Problem]:
    """``merged-paragraphs``: answer text folded by ``>`` or a plain value, paragraphs joined."""
    for file, _, source, owners in ws.yaml_sources:
        for path, style in source.folded.items():
            if _text_field(path) != "text" or path[:1] not in (("answers",), ("follow_up",)):
                continue
            yield warning(
                file,
                source.line(path),
                "merged-paragraphs",
                "check.merged_folded" if style == ">" else "check.merged_plain",
                owners,
                field=path[-1],
            )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value_at(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def check_unsupported_markdown(ws: Workspace) -> Iterator[Problem]:
    """``unsupported-markdown``: answer text the report shows as typed, not as meant.

    Raw HTML, images, link reference definitions, footnotes never referred to, table rows
    with too many cells, nesting too deep: one warning per kind and text, at the line of
    its first occurrence. The text goes through the renderer's own Markdown reading (which
    imports markdown-it) only when :func:`~cmwreport.markdown.may_fall_back` says it must.
    """
    from cmwreport.markdown import fallbacks, may_fall_back

    lines = {id(value): line for _file, line, value, _owners in ws.text_fields}
    sources: dict[str, list[str]] = {}
    for entry in ws.answers:
        for text in entry.texts.values():
            if not may_fall_back(text):
                continue
            found = fallbacks(text)
            if not found:
                continue
            start = lines.get(id(text), entry.field_lines.get("text", entry.line))
            if entry.file not in sources:
                sources[entry.file] = _source_lines(ws, entry.file)
            block = _block_scalar(sources[entry.file], start)
            firsts: dict[str, int] = {}
            counts: dict[str, int] = {}
            for fallback in found:
                firsts.setdefault(fallback.kind, fallback.line)
                counts[fallback.kind] = counts.get(fallback.kind, 0) + 1
            for kind, first in firsts.items():
                more = counts[kind] - 1
                yield _owned(
                    warning(
                        entry.file,
                        start + 1 + first if block else start,
                        "unsupported-markdown",
                        f"check.unsupported_markdown.{kind}",
                        question=entry.question,
                        more=Msg("check.unsupported_markdown.more", {"count": more})
                        if more
                        else "",
                    ),
                    entry.ministry,
                )


def check_question_footnotes(ws: Workspace) -> Iterator[Problem]:
    """``unsupported-markdown``: a footnote of a question's text that is shown as typed.

    A marker ``[^1]`` without its definition, or a definition never cited (or given twice),
    in the list of issues or the concluding observations: one warning each, at its line.
    """
    from cmwreport.markdown import noted_text

    sources: dict[str, list[str]] = {}
    for file, line, value, owners in ws.text_fields:
        if owners or not file.startswith("questions/") or "[^" not in value:
            continue
        for issue in noted_text(value, []).issues:
            if file not in sources:
                sources[file] = _source_lines(ws, file)
            block = _block_scalar(sources[file], line)
            kind = "question_undefined" if issue.kind == "undefined" else "question_unused"
            yield warning(
                file,
                line + 1 + issue.line if block else line,
                "unsupported-markdown",
                f"check.unsupported_markdown.{kind}",
                label=issue.label,
            )


_LITERAL_BLOCK = re.compile(r"(?:^|[:-])[ \t]+\|[-+1-9]{0,2}$")


def _source_lines(ws: Workspace, file: str) -> list[str]:
    try:
        return (ws.root / file).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def _block_scalar(source: list[str], line: int) -> bool:
    """Whether the text on *line* of *source* is a ``|`` block, whose lines are the file's."""
    if not 1 <= line <= len(source):
        return False
    return _LITERAL_BLOCK.search(source[line - 1].split(" #", 1)[0].rstrip()) is not None


# ------------------------------------------- concluding observations and follow-up (SPEC 7)
# Follow-up entries are checked by the very checks of answers, run over the workspace as
# the follow-up sees it (recommendations as units, entries as answers); the file-level
# checks (control characters, ambiguous numbers, cut and merged text) already read every
# record of every file. Two codes are the follow-up's own.

_CHECKS_OF_ENTRIES: tuple[Callable[[Workspace], Iterable[Problem]], ...] = (
    check_duplicate_answers,
    check_lead_missing,
    check_not_assigned,
    check_missing_translation,
    check_missing_data,
    check_missing_disaggregation,
    check_empty_answers,
    check_unsupported_markdown,
)


def check_follow_up_entries(ws: Workspace) -> Iterator[Problem]:
    """Every check of answers, over the follow-up entries and the recommendations."""
    if ws.observations is None or not ws.follow_ups:
        return
    view = ws.follow_up_view()
    for check in _CHECKS_OF_ENTRIES:
        yield from check(view)


def check_unknown_recommendations(ws: Workspace) -> Iterator[Problem]:
    """``unknown-recommendation``: an entry or a reference names no unit of the observations."""
    if not ws.observations_readable:
        return
    obs = ws.observations
    for entry in ws.unknown_follow_ups:
        line = entry.field_lines.get("recommendation", entry.line)
        yield _owned(_unknown_recommendation(ws, entry.file, line, entry.question), entry.ministry)
    if not ws.questions_readable:
        refs = [r for r in ws.observation_refs if r.kind != "loipr"]
    else:
        refs = ws.observation_refs
    for ref in refs:
        if obs is not None and obs.units_of(ref.id):
            continue
        if obs is not None and parse_question_id(ref.id)[0] in obs.broken_questions:
            continue  # its paragraph has an error of its own
        problem = _unknown_recommendation(ws, ref.file, ref.line, ref.id)
        yield replace(problem, ministries=ref.ministries)


def _unknown_recommendation(ws: Workspace, file: str, line: int, unit_id: str) -> Problem:
    obs = ws.observations
    if obs is None:
        return error(
            file, line, "unknown-recommendation", "unknown_recommendation.no_file", unit=unit_id
        )
    number, letter = parse_question_id(unit_id)
    paragraph = obs.paragraph_by_number.get(number)
    if paragraph is not None and letter is not None and paragraph.has_items:
        known = ", ".join(u.id for u in paragraph.units)
        return error(
            file,
            line,
            "unknown-recommendation",
            "unknown_recommendation.item",
            unit=unit_id,
            known=known,
        )
    if paragraph is not None and letter is not None:
        return error(
            file,
            line,
            "unknown-recommendation",
            "unknown_recommendation.no_items",
            unit=unit_id,
            paragraph=number,
        )
    return error(
        file,
        line,
        "unknown-recommendation",
        "unknown_recommendation.paragraph",
        unit=unit_id,
        symbol=obs.symbol,
    )


def check_follow_up_missing(ws: Workspace) -> Iterator[Problem]:
    """``follow-up-missing``: a unit selected for follow-up has no entry from anyone."""
    obs = ws.observations
    if obs is None:
        return
    for unit in obs.units:
        if unit.id not in obs.selected or _judged_elsewhere(ws, unit.assigned):
            continue
        if unit.id in ws.follow_up_rejected:
            continue  # an entry was meant: its error is said at its line
        if any(not e.empty for e in ws.follow_ups_by_unit.get(unit.id, ())):
            continue
        due = obs.due.isoformat() if obs.due else "—"
        yield warning(
            unit.file,
            unit.line,
            "follow-up-missing",
            "check.follow_up_missing",
            frozenset(unit.assigned),
            unit=unit.id,
            lead=unit.lead or "—",
            due=due,
        )


def check_follow_up_word_limit(ws: Workspace) -> Iterator[Problem]:
    """``over-word-limit`` / ``near-word-limit`` of the follow-up information.

    Only when ``follow_up.word_limit`` is given in observations.yaml; the words are those
    ``render --follow-up`` counts (``Workspace.follow_up_words``).
    """
    obs = ws.observations
    selection = obs.record.follow_up if obs is not None else None
    if obs is None or selection is None or not selection.word_limit:
        return
    words = ws.follow_up_words()
    limit = selection.word_limit
    if words > limit:
        key, code = "check.over_follow_up_limit", "over-word-limit"
    elif words > 0.9 * limit:
        key, code = "check.near_follow_up_limit", "near-word-limit"
    else:
        return
    yield warning(
        "questions/observations.yaml",
        obs.limit_line,
        code,
        key,
        words=words,
        limit=limit,
        percent=percent(words, limit),
        lang=ws.language,
    )


CHECKS: tuple[Callable[[Workspace], Iterable[Problem]], ...] = (
    check_duplicate_ids,
    check_unknown_ministries,
    check_unknown_questions,
    check_duplicate_answers,
    check_unanswered,
    check_lead_missing,
    check_not_assigned,
    check_missing_translation,
    check_missing_data,
    check_missing_disaggregation,
    check_empty_answers,
    check_control_characters,
    check_word_limit,
    check_ambiguous_numbers,
    check_cut_by_comment,
    check_merged_paragraphs,
    check_unsupported_markdown,
    check_abbreviations,
    check_follow_up_entries,
    check_unknown_recommendations,
    check_follow_up_missing,
    check_question_footnotes,
    check_follow_up_word_limit,
)


@dataclass(frozen=True)
class CheckResult:
    """What ``cmwreport check`` found: the problems shown and the summary figures."""

    problems: list[Problem]
    files: int
    hidden: int = 0

    @property
    def errors(self) -> int:
        """Number of errors shown."""
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        """Number of warnings shown."""
        return sum(1 for p in self.problems if p.severity == "warning")

    def failed(self, *, strict: bool = False) -> bool:
        """True when the exit status must be 1."""
        return self.errors > 0 or (strict and self.warnings > 0)

    def as_json(self, lang: str = "en") -> dict[str, object]:
        """The JSON document of SPEC.md."""
        return {
            "problems": [p.as_json(lang) for p in self.problems],
            "errors": self.errors,
            "warnings": self.warnings,
        }


def all_problems(ws: Workspace) -> list[Problem]:
    """Every problem of the workspace: those found while loading, then every check, sorted."""
    problems = list(ws.problems)
    for check in CHECKS:
        problems.extend(check(ws))
    order = {name: i for i, name in enumerate(ws.files)}
    problems.sort(key=lambda p: (order.get(p.file, len(order)), p.file, p.line, p.code))
    return problems


def check_workspace(ws: Workspace, *, ministry: str | None = None) -> CheckResult:
    """Run every check; with *ministry*, keep what that body owes and wrote.

    Errors in ``questions/`` concern every body, so they are always kept.
    """
    problems = all_problems(ws)
    hidden = 0
    if ministry is not None:
        kept = [p for p in problems if ministry in p.ministries or _everyones(p)]
        hidden = len(problems) - len(kept)
        problems = kept
    return CheckResult(problems=problems, files=len(ws.files), hidden=hidden)


def _everyones(problem: Problem) -> bool:
    """Whether *problem* is an error in ``questions/``, which affects every body."""
    return problem.severity == "error" and problem.file.startswith("questions/")


def _owned(problem: Problem, code: str) -> Problem:
    return replace(problem, ministries=problem.ministries | {code})
