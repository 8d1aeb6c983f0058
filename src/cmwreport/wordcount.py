"""The one word count of the report: the UN's count for General Assembly resolution 68/268.

:func:`report_words` counts everything the report prints in its language except the title
block: the list of abbreviations, the introduction, the headings ("I. Introduction",
section titles, "Reply to paragraph N", "(a)"), the replies' text with their lists,
headings and footnotes, and every table's title, heading and data cells, notes and source.
Not counted: the title block (symbol, committee, title, date), the numbering the report
adds (paragraph numbers ``12.``, list labels ``(a)``, footnote marks), and a draft's
working marks (body and status tags, placeholders, the notice of broken files, notes as
comments), and text not in the report's language (an untranslated draft reply).

``check`` (``over-word-limit``), ``coverage`` (every format) and ``render`` all call this
function, so they give the same number. It follows the report's structure as
:mod:`cmwreport.report` builds it, without building it: the wording templates are
evaluated by :mod:`cmwreport.quicktemplates` (no Jinja for the packaged templates) and the
replies' Markdown is counted as text (no markdown-it), so ``check`` stays fast.
``tests/test_wordcount.py`` holds this count equal to the words of the rendered DOCX.

:func:`follow_up_words` is the same count for the follow-up information (``render
--follow-up``, SPEC 7): everything it prints except the title block — each selected
recommendation's heading, its quoted text with the text's footnotes, and the replies as
the report counts them. ``check``, ``coverage --follow-up`` and ``render --follow-up``
all call it; ``tests/test_follow_up_wordcount.py`` holds it equal to the rendered DOCX.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cmwreport.abbreviations import TextIndex, body_context, body_short_forms, listed
from cmwreport.markdown import noted_text
from cmwreport.models import pick_text
from cmwreport.quicktemplates import QuickTemplates
from cmwreport.text import count_words, has_text, strip_illegal

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from cmwreport.models import ColumnGroup, Table
    from cmwreport.templating import Templates
    from cmwreport.workspace import (
        AnswerEntry,
        ItemNode,
        Observations,
        ParagraphNode,
        SectionNode,
        Unit,
        Workspace,
    )

_LIST_MARKER = re.compile(r"\n[ \t>]*\d{1,9}[.)](?=[ \t\n]|\Z)")
"""An ordered-list marker ``1.`` at the start of a line: the report letters the item instead.

Searched for in ``"\\n" + text`` (:func:`list_markers`): a pattern starting with a line
break is found much faster than one starting with ``^``."""


def list_markers(text: str) -> int:
    """How many ordered-list markers (:data:`_LIST_MARKER`) *text* holds."""
    return len(_LIST_MARKER.findall("\n" + text))


_DELIMITER_CELL = re.compile(r"[ \t]*:?-+:?[ \t]*")
"""A cell of the line under a pipe table's heading (``|---|:--:|``)."""


def _delimiter_row(line: str) -> bool:
    """Whether *line* is the line under a pipe table's heading (linear time)."""
    cells = line.strip().removeprefix("|").removesuffix("|").split("|")
    return all(_DELIMITER_CELL.fullmatch(cell) for cell in cells)


def markdown_words(text: str) -> int:
    """Words of answer Markdown as the report prints them (list numbers are labels)."""
    return count_words(text) - list_markers(text)


def repeated_note_words(text: str) -> int:
    """Words of the footnotes *text* cites more than once, for each citation after the first.

    The report prints a footnote at each of its markers (Word has no footnote referred to
    twice), so a note cited twice is printed, and counted, twice. ``0`` at once for the
    usual text: one marker and its definition are two ``[^``.
    """
    if text.count("[^") <= 2:
        return 0
    notes: list[str] = []
    seen: set[int] = set()
    extra = 0
    for part in noted_text(text, notes).parts:
        if isinstance(part, int):
            if part in seen:
                extra += markdown_words(notes[part])
            seen.add(part)
    return extra


def pipe_tables(text: str) -> int:
    """How many pipe tables a Markdown text holds (each gets a "Table N" title)."""
    if "|" not in text:
        return 0
    lines = text.splitlines()
    return sum(
        1
        for i in range(1, len(lines))
        if "-" in lines[i] and "|" in lines[i - 1] and _delimiter_row(lines[i])
    )


def template_context(
    ws: Workspace, lang: str, final: bool, text: str | TextIndex
) -> dict[str, Any]:
    """What the wording templates see (the report's builder uses the same).

    *text* is the replies' text, which decides each body's short form.
    """
    loipr = ws.loipr
    assert loipr is not None  # callers check
    meta = loipr.report
    fallback = [code for code in ws.drafting_languages if code != lang]
    shorts = body_short_forms(ws, lang, fallback, text)
    bodies = [
        body_context(m, lang, fallback, shorts.get(code)) for code, m in ws.ministries.items()
    ]
    return {
        "state": loipr.state,
        "committee": loipr.committee,
        "loipr": {"symbol": loipr.symbol, "adopted": loipr.adopted},
        "report": {
            "title": pick_text(meta.title, lang, *fallback),
            "symbol": meta.symbol or "",
            "due": meta.due,
            "date_received": meta.date_received,
            "kind": meta.kind,
            "word_limit": meta.limit,
            "language": meta.language,
        },
        "bodies": bodies,
        "coordinators": [b for b in bodies if b["coordinator"]],
        "contributors": [b for b in bodies if not b["coordinator"]],
        "final": final,
    }


def shown_text(entry: AnswerEntry, lang: str, fallback: list[str], final: bool) -> str:
    """The text of *entry* the report shows: in *lang*; in a draft, else in another language.

    As :meth:`cmwreport.report._Builder.text_of` chooses it. A draft's reply not yet
    translated is counted in the language it is shown in, as an estimate of its translation.
    """
    return shown_language(entry, lang, fallback, final)[1]


def shown_language(
    entry: AnswerEntry, lang: str, fallback: list[str], final: bool
) -> tuple[str, str]:
    """The language and the text of :func:`shown_text` (``("", "")`` when none shows)."""
    own = entry.texts.get(lang, "")
    if has_text(own):
        return lang, own
    if final:
        return "", ""
    for code in [*fallback, *entry.texts]:
        text = entry.texts.get(code, "")
        if has_text(text):
            return code, text
    return "", ""


def replies_text(
    ws: Workspace, lang: str, final: bool, included: Iterable[AnswerEntry] | None = None
) -> str:
    """The replies' text as shown: answers, their tables, the list's section titles.

    What decides a body's short form (:mod:`cmwreport.abbreviations`). *included*: the
    answers the report holds, when the caller has them (else ``ws.included_answers``).
    """
    fallback = [code for code in ws.drafting_languages if code != lang]
    parts = [pick_text(s.title, lang, *fallback) for top in ws.sections for s in top.walk()]
    if included is None:
        included = ws.included_answers(final=final)
    for entry in included:
        parts.append(shown_text(entry, lang, fallback, final))
        for table in entry.answer.tables:
            parts.extend((strip_illegal(table.title), strip_illegal(table.source or "")))
            parts.extend(_table_texts(table))
            parts.extend(strip_illegal(n) for n in table.notes)
            parts.extend(strip_illegal(g.title) for g in table.column_groups or ())
    return "\n".join(parts)


class _Counter:
    """Walk the workspace in the report's order and count what the report prints."""

    inputs: dict[str, list[AnswerEntry]]
    """The inputs of each unit the walk reaches, in the report's order."""
    index: TextIndex
    """The replies' text, which decides each body's short form."""
    context: dict[str, Any]
    """What the wording templates see."""

    def __init__(
        self, ws: Workspace, templates: Templates, lang: str, final: bool, lenient: bool = False
    ) -> None:
        self.start(ws, templates, lang, final, lenient)
        self.inputs = {u.id: ws.inputs(u, final=final) for u in ws.units}
        included = {id(e): e for entries in self.inputs.values() for e in entries}
        self.index = TextIndex(replies_text(ws, lang, final, included.values()))
        self.context = template_context(ws, lang, final, self.index)

    def start(
        self, ws: Workspace, templates: Templates, lang: str, final: bool, lenient: bool
    ) -> None:
        """What every count starts from (the caller then sets inputs, index and context)."""
        self.ws = ws
        self.lang = lang
        self.final = final
        self.fallback = [code for code in ws.drafting_languages if code != lang]
        self.quick = QuickTemplates(templates, lenient)
        self.rendered: set[int] = set()
        """The inputs shown so far (the follow-up shows an answer to a whole once)."""
        self.texts: list[str] = []
        """The report's text beyond the replies' own (introduction, headings, titles)."""
        self.words = 0
        self.tables = 0
        self.rows: list[dict[str, Any]] = []
        self.shown = 0
        """Blocks shown under the current headings so far (a heading nothing follows goes)."""

    def render(self, name: str, **extra: Any) -> str:
        return self.quick.render(name, self.lang, **self.context, **extra)

    def plain(self, text: str) -> None:
        self.texts.append(text)
        self.words += count_words(text)

    def count(self) -> int:
        parts = self.quick.lines("layout.j2", **self.context)
        for part in parts:
            if part == "introduction":
                self.plain(self.render("introduction_heading.j2"))
                self.plain(self.render("introduction.md.j2"))
            elif part == "replies":
                self.plain(self.render("replies_heading.j2"))
                for section in self.ws.sections:
                    self.section(section)
        if "abbreviations" in parts:
            self.index.extend("\n".join(self.texts))
            bodies = self.context["bodies"]
            self.rows = listed(self.ws, bodies, self.lang, self.fallback, self.index)
            shown = 0
            for row in self.rows:
                text = self.render("abbreviation.j2", body=row)
                if text:
                    shown += 1
                    self.words += count_words(str(row["abbreviation"])) + count_words(text)
            if shown:
                self.words += count_words(self.render("abbreviations_heading.j2"))
        return self.words

    def section(self, section: SectionNode) -> None:
        title = pick_text(section.title, self.lang, *self.fallback)
        self.plain(
            self.render(
                "section_heading.j2",
                section={"id": section.id, "title": title, "depth": section.depth},
            )
        )
        for paragraph in section.paragraphs:
            self.paragraph(paragraph)
        for child in section.sections:
            self.section(child)

    def paragraph(self, paragraph: ParagraphNode) -> None:
        """The "Reply to paragraph N" heading, then the replies."""
        self.plain(self.render("reply_heading.j2", number=paragraph.number))
        self.replies_to(paragraph)

    def replies_to(self, paragraph: ParagraphNode) -> None:
        """As :meth:`cmwreport.report._Builder.replies_to` lays the reply out."""
        if not paragraph.has_items:
            for unit in paragraph.units:
                self.unit_reply(unit.id)
            return
        covered = self.opening(paragraph.id)
        for item in paragraph.items:
            self.item_reply(item, covered)

    def item_reply(self, item: ItemNode, covered: set[str], heading_shown: bool = True) -> None:
        """The heading (a) when anything follows it, the whole item's answers, (i) …

        *heading_shown*: False where a heading above already names the item (follow-up).
        """
        heading = self.render("item_heading.j2", number=item.number, letter=item.letter)
        before = self.shown
        if not item.has_subitems:
            for unit in item.units:
                self.unit_reply(unit.id, covered)
        else:
            reached = covered | self.opening(item.id)
            for unit in item.units:
                sub_before = self.shown
                self.unit_reply(unit.id, reached)
                if self.shown > sub_before:
                    numeral = self.render(
                        "subitem_heading.j2",
                        number=item.number,
                        letter=item.letter,
                        numeral=unit.subitem,
                    )
                    self.plain(numeral)
        if self.shown > before and heading_shown:
            self.plain(heading)

    def opening(self, question: str) -> set[str]:
        """Count the answers to the whole of *question*; return the units they answer."""
        covered: set[str] = set()
        for entry in self.ws.openers(question, final=self.final):
            if self.entry(entry):
                covered.update(entry.units)
        return covered

    def unit_reply(self, unit_id: str, covered: set[str] | None = None) -> None:
        """The inputs naming the unit itself; a placeholder (no words) when none shows."""
        shown = [self.entry(e) for e in self.inputs[unit_id] if e.question == unit_id]
        if not any(shown) and unit_id not in (covered or set()):
            self.shown += 1  # a placeholder (or a broken file's): it keeps its headings

    def entry(self, entry: AnswerEntry) -> bool:
        """Count one input as :meth:`cmwreport.report._Builder.entry` shows it."""
        code, own = shown_language(entry, self.lang, self.fallback, self.final)
        tables = entry.answer.tables
        if not has_text(own) and not tables:
            return False
        self.shown += 1
        self.rendered.add(id(entry))
        if has_text(own):
            # markdown_words(own), the text's words counted once per entry and language
            self.words += entry.text_words(code) - list_markers(own) + repeated_note_words(own)
            for _ in range(pipe_tables(own)):
                self.tables += 1
                self.plain(self.render("table_title.j2", number=self.tables, title=""))
        for table in tables:
            self.tables += 1
            title = self.render(
                "table_title.j2", number=self.tables, title=strip_illegal(table.title)
            )
            self.plain(title)
            self.words += sum(count_words(text) for text in _table_texts(table))
            self.words += sum(count_words(str(g.title)) for g in _groups_shown(table))
            notes = [strip_illegal(n) for n in table.notes if n.strip()]
            for number, note in enumerate(notes, start=1):
                self.plain(self.render("table_note.j2", note=note, number=number, count=len(notes)))
            if table.source:
                self.plain(self.render("table_source.j2", source=strip_illegal(table.source)))
        return True


def _groups_shown(table: Table) -> list[ColumnGroup]:
    """The spanner heads the report prints: none when the spans do not fit or none has a title."""
    groups = list(table.column_groups or ())
    if sum(g.span for g in groups) != len(table.columns) or not any(
        g.title.strip() for g in groups
    ):
        return []
    return groups


def _table_texts(table: Table) -> Iterator[str]:
    """A table's heading and cells (title, spanner heads, notes and source apart)."""
    yield " ".join(str(c) for c in table.columns)
    for row in table.rows:
        yield " ".join(str(c) for c in row if c is not None)


@dataclass(frozen=True)
class ReportCount:
    """The report's words, the rows of its list of abbreviations, the templates' context."""

    words: int
    rows: list[dict[str, Any]]
    context: dict[str, Any]


def count_report(
    ws: Workspace, templates: Templates, *, lang: str, final: bool, lenient: bool = False
) -> ReportCount:
    """Count the report of *ws* in *lang* (the one count; ``ws.loipr`` must be read).

    *lenient*: a template that cannot be rendered counts as empty (``render`` reports it).
    """
    counter = _Counter(ws, templates, lang, final, lenient)
    words = counter.count()
    return ReportCount(words, counter.rows, counter.context)


def report_words(
    ws: Workspace,
    templates: Templates | None = None,
    *,
    lang: str | None = None,
    final: bool = False,
) -> int:
    """The words of the report of *ws* in *lang* (default: its language), as the UN counts.

    *final*: the final report (approved replies only); otherwise the draft. Without
    *templates*, the workspace's (its ``templates/`` over the packaged defaults); a
    template that cannot be rendered then counts as empty, as ``check`` has no business
    failing on it (``render`` names its error).
    """
    if ws.loipr is None:
        return 0
    lenient = templates is None
    if templates is None:
        from cmwreport.templating import templates_for

        templates = templates_for(ws.root)
    language = lang or ws.language
    return count_report(ws, templates, lang=language, final=final, lenient=lenient).words


# ---------------------------------------------------------------- follow-up information

_REPORT_NUMBER = re.compile(r"/(\d+)$")
"""The report's number at the end of its symbol: ``CMW/C/IDN/2`` is the second report."""


def report_number(symbol: str | None) -> int | None:
    """Which report of the State *symbol* names (``CMW/C/IDN/2`` → 2), or None."""
    found = _REPORT_NUMBER.search((symbol or "").strip())
    return int(found.group(1)) if found else None


def follow_up_context(ws: Workspace) -> dict[str, Any]:
    """What the follow-up's wording templates see beyond the report's.

    ``observations:`` and ``follow_up:``; ``ws.observations`` must be read.
    """
    obs = ws.observations
    assert obs is not None  # callers check
    record = obs.record
    selection = record.follow_up
    meta = ws.meta
    report = record.report or (meta.symbol if meta else None) or ""
    return {
        "observations": {
            "symbol": record.symbol,
            "adopted": record.adopted,
            "report": report,
            "report_number": report_number(report),
        },
        "follow_up": {
            "symbol": (selection.symbol if selection else None) or "",
            "due": selection.due if selection else None,
            "word_limit": selection.word_limit if selection else None,
            "paragraphs": list(selection.paragraphs) if selection else [],
        },
    }


@dataclass(frozen=True)
class FollowUpTarget:
    """A selected recommendation: a whole paragraph, one of its items, or one sub-item."""

    paragraph: ParagraphNode
    item: ItemNode | None = None
    unit: Unit | None = None

    @property
    def units(self) -> list[Unit]:
        """The units the recommendation stands for."""
        if self.unit is not None:
            return [self.unit]
        return self.item.units if self.item is not None else self.paragraph.units


def follow_up_targets(obs: Observations) -> Iterator[FollowUpTarget]:
    """The selected recommendations, in the order of the concluding observations."""
    selection = obs.record.follow_up
    chosen = set(selection.paragraphs) if selection else set()
    for paragraph in obs.paragraphs:
        if paragraph.id in chosen:
            yield FollowUpTarget(paragraph)
            continue
        for item in paragraph.items:
            if item.id in chosen:
                yield FollowUpTarget(paragraph, item)
                continue
            for unit in item.units if item.has_subitems else ():
                if unit.id in chosen:
                    yield FollowUpTarget(paragraph, item, unit)


class _FollowUpCounter(_Counter):
    """Walk the selected recommendations as :class:`cmwreport.report._FollowUpBuilder` does.

    The workspace is seen through :meth:`~cmwreport.workspace.Workspace.follow_up_view`
    (recommendations as units, follow-up entries as answers), so the replies are counted by
    the report's own walk; added here: each recommendation's heading and its quoted text.
    """

    def __init__(
        self, ws: Workspace, templates: Templates, lang: str, final: bool, lenient: bool = False
    ) -> None:
        obs = ws.observations
        assert obs is not None  # callers check
        view = ws.follow_up_view()
        self.start(view, templates, lang, final, lenient)
        self.targets = list(follow_up_targets(obs))
        self.inputs = {u.id: view.inputs(u, final=final) for t in self.targets for u in t.units}
        self.index = TextIndex(replies_text(view, lang, final))
        self.context = template_context(view, lang, final, self.index) | follow_up_context(ws)

    def count(self) -> int:
        for part in self.quick.lines("follow_up_layout.j2", **self.context):
            if part == "recommendations":
                for target in self.targets:
                    self.recommendation(target)
        return self.words

    def recommendation(self, target: FollowUpTarget) -> None:
        """As :meth:`cmwreport.report._FollowUpBuilder.recommendation` lays it out."""
        paragraph, item, unit = target.paragraph, target.item, target.unit
        heading = self.render(
            "follow_up_heading.j2",
            number=paragraph.number,
            letter=item.letter if item else None,
            numeral=unit.subitem if unit else None,
        )
        self.plain(heading)
        self.quote(target)
        if item is None:
            self.replies_to(paragraph)
            return
        wanted = {u.id for u in target.units}
        covered = self.openers_on(paragraph.id, wanted)
        if unit is not None:
            covered |= self.openers_on(item.id, wanted)
            self.unit_reply(unit.id, covered)
        else:
            self.item_reply(item, covered, heading_shown=False)  # the heading names the item

    def quote(self, target: FollowUpTarget) -> None:
        """The recommendation's text with its footnotes (the labels ``(a)`` are numbering)."""
        paragraph, item, unit = target.paragraph, target.item, target.unit
        texts = [paragraph.text]
        for part in [item] if item is not None else paragraph.items:
            texts.append(part.text)
            if part.has_subitems:
                texts.extend(sub.text for sub in ([unit] if unit is not None else part.units))
        for text in texts:
            notes: list[str] = []
            chosen = pick_text(text, self.lang, *self.fallback)
            for piece in noted_text(chosen, notes).parts:
                if isinstance(piece, str):  # whitespace folded first, as the quote prints it
                    self.words += count_words(strip_illegal(" ".join(piece.split())))
                else:  # each marker prints its note, a note cited twice twice
                    self.words += markdown_words(strip_illegal(notes[piece]))

    def openers_on(self, question: str, wanted: set[str]) -> set[str]:
        """The replies to the whole of *question* on *wanted*, each counted once."""
        covered: set[str] = set()
        for entry in self.ws.openers(question, final=self.final):
            if not set(entry.scope or entry.units) & wanted:
                continue
            if id(entry) in self.rendered or self.entry(entry):
                covered.update(entry.units)
        return covered


def count_follow_up(
    ws: Workspace, templates: Templates, *, lang: str, final: bool, lenient: bool = False
) -> ReportCount:
    """Count the follow-up information of *ws* in *lang* (the one count of SPEC 7).

    ``ws.loipr`` and ``ws.observations`` must be read. Its context is what the
    follow-up's wording templates see (``render --follow-up`` renders with it).
    """
    counter = _FollowUpCounter(ws, templates, lang, final, lenient)
    words = counter.count()
    return ReportCount(words, [], counter.context)


def follow_up_words(
    ws: Workspace,
    templates: Templates | None = None,
    *,
    lang: str | None = None,
    final: bool = False,
) -> int:
    """The words of the follow-up information of *ws* in *lang*, as the UN counts.

    Everything ``render --follow-up`` prints but the title block, counted as
    :func:`report_words` counts the report.

    0 without a list of issues or concluding observations. Without *templates*, the
    workspace's, and a template that cannot be rendered counts as empty (as in
    :func:`report_words`).
    """
    if ws.loipr is None or ws.observations is None:
        return 0
    lenient = templates is None
    if templates is None:
        from cmwreport.templating import templates_for

        templates = templates_for(ws.root)
    language = lang or ws.language
    return count_follow_up(ws, templates, lang=language, final=final, lenient=lenient).words
