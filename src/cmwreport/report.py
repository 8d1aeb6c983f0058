"""The report model: the consolidated report as an ordered list of blocks.

:func:`build_report` reads a :class:`~cmwreport.workspace.Workspace` and the templates and
returns a :class:`Report`: the title block, the list of abbreviations, the introduction,
the section headings, a "Reply to paragraph N" heading per paragraph of the list of
issues, lettered sub-replies, and the report's own paragraphs numbered 1, 2, 3 …
continuously through the whole document, with lists, tables and footnotes. In a draft it
also holds the markers (body and status of each input, "untranslated", placeholders for
unanswered units, notes as comments). It counts the words and lists the gaps. Renderers
only render this model, and this module imports none of them: ``cmwreport render`` is
:func:`cmwreport.commands.run_render`.

How inputs are combined for a unit: a ``consolidated: true`` answer replaces the others;
otherwise the lead's text, then the contributors' in their listed order, then any other
body's (``Workspace.inputs``). An answer to a whole paragraph that has items is rendered
once, right under the paragraph's heading, before the lettered sub-replies; an answer to a
whole item that has sub-items, right under the item's heading, before the "(i)" replies.
A body that answers both a paragraph and some of its items has its paragraph answer shown
first, as the introduction (``Workspace.openers``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cmwreport.errors import CmwReportError, UsageError
from cmwreport.i18n import language_name, t
from cmwreport.markdown import (
    MdBlock,
    MdHeading,
    MdList,
    MdParagraph,
    MdTable,
    Parsed,
    Run,
    noted_text,
    parse,
)
from cmwreport.models import Table, pick_text
from cmwreport.text import count_words, strip_illegal
from cmwreport.wordcount import (
    FollowUpTarget,
    count_follow_up,
    count_report,
    follow_up_targets,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cmwreport.problems import Problem
    from cmwreport.templating import Templates
    from cmwreport.workspace import (
        AnswerEntry,
        ItemNode,
        ParagraphNode,
        SectionNode,
        Unit,
        Workspace,
    )

PARTS = ("title", "abbreviations", "introduction", "replies")
"""The parts ``templates/layout.j2`` may list, in the order it lists them."""

ROMAN_LETTERS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


# ------------------------------------------------------------------------------- blocks


@dataclass
class TitleBlock:
    """The first lines of the report: symbol, committee, title, date received."""

    symbol: str
    committee: str
    title: str
    date_received: str
    notice: str = ""
    """In a draft, a line saying that this is a working draft."""


HeadingKind = Literal["part", "section", "subsection", "reply", "item", "subitem", "sub"]
"""What a heading is; each kind has its own style, on the UN Editorial Manual's scale.

``part`` "I. Introduction" (HCh) · ``section`` "Section I", "A. General information" (H1) ·
``subsection`` "1. General principles" (H23) · ``reply`` "Reply to paragraph 7" (H23) ·
``item`` "(a)" (H23, bold) · ``subitem`` "(i)" (H4, italic) · ``sub`` a heading written in
an answer (italic).
"""

NUMBERED_SECTION = re.compile(r"^\d+[.)]\s")
"""A section heading numbered "1." — the UN's second level below the chapter (H23)."""


LETTERED_SECTION = re.compile(r"^(?:[A-Z]|[IVXLC]+)[.)]\s|^\w+\s+[IVXLC]+\b")
"""A section heading "A. …", "I. …" or "Section I" / "Bagian I" / "Sección I" (H1)."""


def section_kind(text: str, depth: int) -> HeadingKind:
    """The kind of a section heading of the list of issues, from its label.

    "1. …" is a ``subsection``; "Section I", "A. …" (and "I. …") are ``section``; a heading
    without a label is a ``section`` near the top (depth 0 or 1) and a ``subsection`` below.
    """
    if NUMBERED_SECTION.match(text):
        return "subsection"
    if LETTERED_SECTION.match(text) or depth <= 1:
        return "section"
    return "subsection"


@dataclass
class Heading:
    """A heading: a part (I., II.), a section of the list, a reply, an item, a sub-heading."""

    kind: HeadingKind
    text: str
    depth: int = 0
    """For sections: how deep the section sits in the list of issues (0 = top)."""
    runs: list[Run] = field(default_factory=list)
    """For a heading written in an answer: its text with formatting and footnotes."""


@dataclass
class ListEntry:
    """One lettered entry of a list inside a report paragraph."""

    label: str
    level: int
    runs: list[Run]


@dataclass
class Paragraph:
    """A numbered paragraph of the report (its number written as text), with its list."""

    number: int
    runs: list[Run]
    items: list[ListEntry] = field(default_factory=list)


@dataclass
class TableBlock:
    """A statistics table: title above, source below, header row and data rows."""

    number: int
    title: str
    header: list[list[Run]]
    rows: list[list[list[Run]]]
    source: str = ""
    numeric: list[bool] = field(default_factory=list)
    """Per column: True when every cell is a number or a sign for none (aligned right)."""
    groups: list[tuple[str, int]] = field(default_factory=list)
    """Spanner heads over the column headings: (title, how many columns); empty: none."""
    notes: list[str] = field(default_factory=list)
    """The lines printed under the table, before the source ("Note: …")."""
    totals: list[bool] = field(default_factory=list)
    """Per data row: True for a total row (its first cell says "Total"), set apart."""
    decimals: list[int] = field(default_factory=list)
    """Per column: 0, or the most decimals of its numbers when they differ in number."""


@dataclass
class Tag:
    """Draft only: who wrote the input that follows and in what state; a note as comment."""

    text: str
    note: str | None = None
    untranslated: bool = False
    body: str = ""


@dataclass
class Placeholder:
    """A unit with nothing to show: a highlighted line naming its lead."""

    text: str


@dataclass
class Abbreviations:
    """The list of abbreviations: bodies and abbreviations.yaml, those the text uses."""

    heading: str
    rows: list[tuple[str, list[Run]]]


@dataclass
class Quote:
    """A recommendation of the concluding observations, quoted (follow-up only; not numbered)."""

    runs: list[Run]
    label: str = ""
    """``(a)`` before the text of an item, ``(i)`` before a sub-item's; empty for a paragraph."""


Block = TitleBlock | Heading | Paragraph | TableBlock | Tag | Placeholder | Abbreviations | Quote


@dataclass(frozen=True)
class Gap:
    """A unit the report cannot answer yet: unanswered, or (final) not approved or untranslated."""

    unit: str
    reason: Literal["unanswered", "not-approved", "untranslated"]
    lead: str | None
    bodies: tuple[str, ...] = ()

    def describe(self, lang: str, report_lang: str) -> str:
        """One line for the terminal: ``1(b): no approved reply (lead KP2MI)``."""
        return t(
            f"render.gap.{self.reason}",
            lang,
            unit=self.unit,
            lead=self.lead or "—",
            bodies=", ".join(self.bodies),
            language=language_name(report_lang, lang),
        )


@dataclass
class Report:
    """The whole report, ready for a renderer."""

    lang: str
    final: bool
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[list[list[Run]]] = field(default_factory=list)
    words: int = 0
    """The report's words as the UN counts them (:func:`cmwreport.wordcount.report_words`)."""
    intro_words: int = 0
    limit: int = 21200
    gaps: list[Gap] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    """Units shown (in a draft) with text from another language."""
    title: str = ""
    symbol: str = ""
    header: dict[str, str] = field(default_factory=dict)
    """Values a reference DOCX's header and footer may name: ``{{ symbol }}`` and others."""
    follow_up: bool = False
    """True for the follow-up information on the concluding observations (``--follow-up``)."""

    @property
    def paragraphs(self) -> int:
        """How many numbered paragraphs the report has."""
        return sum(1 for b in self.blocks if isinstance(b, Paragraph))

    @property
    def tables(self) -> int:
        """How many statistics tables the report has."""
        return sum(1 for b in self.blocks if isinstance(b, TableBlock))


# ------------------------------------------------------------------------------ builder


class _Builder:
    """Walk the workspace in the list's order and append blocks to a :class:`Report`."""

    def __init__(
        self,
        ws: Workspace,
        templates: Templates,
        *,
        lang: str,
        final: bool,
        errors: Sequence[Problem] = (),
    ) -> None:
        self.errors = list(errors)
        self.broken = broken_bodies(self.errors)
        self.ws = ws
        self.templates = templates
        self.lang = lang
        self.final = final
        self.fallback = [code for code in ws.drafting_languages if code != lang]
        self.report = Report(lang=lang, final=final, limit=ws.word_limit)
        self.number = 0
        self.tables = 0
        self.rendered: dict[int, AnswerEntry] = {}
        self.untranslated: set[str] = set()
        self.counted = count_report(ws, templates, lang=lang, final=final)
        self.context = self.counted.context

    def render(self, name: str, **extra: Any) -> str:
        """Render the wording template *name* in the report's language."""
        return self.templates.render(name, self.lang, **self.context, **extra)

    # ---------------------------------------------------------------------- the parts

    def lay_out(self, layout: str, known: Sequence[str], unknown_key: str) -> None:
        """Build the parts the *layout* template lists, in its order, then the broken notice.

        A part the report does not know is the coordinator's error (*unknown_key*).
        """
        for part in self.templates.lines(layout, **self.context):
            if part not in known:
                raise UsageError(
                    t(unknown_key, self.templates.ui_lang, part=part, parts=", ".join(known))
                )
            getattr(self, f"part_{part}")()
        self.broken_notice()

    def build(self) -> Report:
        report = self.report
        loipr = self.ws.loipr
        assert loipr is not None
        report.symbol = loipr.report.symbol or ""
        report.title = self.context["report"]["title"]
        report.header = {
            "symbol": report.symbol,
            "loipr_symbol": loipr.symbol,
            "state": loipr.state,
            "title": report.title,
        }
        self.lay_out("layout.j2", PARTS, "render.layout_unknown")
        report.words = self.counted.words
        report.untranslated = [u.id for u in self.ws.units if u.id in self.untranslated]
        return report

    def part_title(self) -> None:
        notice = ""
        if not self.final:
            notice = t("rpt.draft_notice", self.lang)
        # A final leaves the date line out until the date is known; a draft shows "…".
        dated = not self.final or self.context["report"]["date_received"] is not None
        self.report.blocks.append(
            TitleBlock(
                symbol=self.render("symbol.j2"),
                committee=self.render("committee.j2"),
                title=self.render("title.j2"),
                date_received=self.render("date_received.j2") if dated else "",
                notice=notice,
            )
        )

    def broken_notice(self) -> None:
        """At the top, below the title: each file that could not be read or holds errors."""
        if not self.errors:
            return
        files: dict[str, list[Problem]] = {}
        for problem in self.errors:
            files.setdefault(problem.file, []).append(problem)
        notice: list[Block] = [Placeholder(t("rpt.broken_notice", self.lang, count=len(files)))]
        for file, problems in files.items():
            first = problems[0]
            notice.append(
                Placeholder(
                    t(
                        "rpt.broken_file",
                        self.lang,
                        file=file,
                        count=len(problems),
                        line=first.line,
                        message=f"{first.severity}[{first.code}] {first.message(self.lang)}",
                    )
                )
            )
        blocks = self.report.blocks
        at = next((i + 1 for i, b in enumerate(blocks) if isinstance(b, TitleBlock)), 0)
        blocks[at:at] = notice

    def broken_placeholder(self, unit: Unit, inputs: list[AnswerEntry]) -> bool:
        """Add a placeholder for bodies whose file holds errors and who show nothing here.

        Returns whether one was added.
        """
        shown = {entry.ministry for entry in inputs}
        bodies = [code for code in unit.assigned if code in self.broken and code not in shown]
        if not bodies:
            return False
        files = sorted({f for code in bodies for f in self.broken[code]})
        self.report.blocks.append(
            Placeholder(
                t(
                    "rpt.broken_placeholder",
                    self.lang,
                    bodies=", ".join(bodies),
                    unit=unit.id,
                    files=", ".join(files),
                )
            )
        )
        return True

    def part_abbreviations(self) -> None:
        """The bodies and entries of abbreviations.yaml that the report's text uses."""
        rows: list[tuple[str, list[Run]]] = []
        for row in self.counted.rows:  # drawn from the whole text by the word count
            text = self.render("abbreviation.j2", body=row)
            if text:
                rows.append((str(row["abbreviation"]), _first_runs(parse(text))))
        if rows:
            self.report.blocks.append(Abbreviations(self.render("abbreviations_heading.j2"), rows))

    def part_introduction(self) -> None:
        self.report.blocks.append(Heading("part", self.render("introduction_heading.j2")))
        text = self.render("introduction.md.j2")
        self.report.intro_words = count_words(text)
        self.add_markdown(parse(text))

    def part_replies(self) -> None:
        self.report.blocks.append(Heading("part", self.render("replies_heading.j2")))
        for section in self.ws.sections:
            self.section(section)

    # ------------------------------------------------------------------ the replies

    def section(self, section: SectionNode) -> None:
        title = pick_text(section.title, self.lang, *self.fallback)
        text = self.render(
            "section_heading.j2", section={"id": section.id, "title": title, "depth": section.depth}
        )
        if text:
            kind = section_kind(text, section.depth)
            self.report.blocks.append(Heading(kind, text, depth=section.depth))
        for paragraph in section.paragraphs:
            self.paragraph(paragraph)
        for child in section.sections:
            self.section(child)

    def paragraph(self, paragraph: ParagraphNode) -> None:
        blocks = self.report.blocks
        blocks.append(Heading("reply", self.render("reply_heading.j2", number=paragraph.number)))
        self.replies_to(paragraph)

    def replies_to(self, paragraph: ParagraphNode) -> None:
        """Every reply to *paragraph*: its units', its items' (a), (b), or placeholders."""
        ws = self.ws
        inputs = {u.id: ws.inputs(u, final=self.final) for u in paragraph.units}
        for unit in paragraph.units:
            self.note_gaps(unit, inputs[unit.id])
        if not paragraph.has_items:
            for unit in paragraph.units:
                self.unit_reply(unit, inputs, set())
            return
        covered = self.opening(paragraph.id)
        for item in paragraph.items:
            self.item_reply(item, inputs, covered)

    def item_reply(
        self, item: ItemNode, inputs: dict[str, list[AnswerEntry]], covered: set[str]
    ) -> None:
        """The heading (a), the answers to the whole item, then each sub-item under (i)."""
        heading = self.render("item_heading.j2", number=item.number, letter=item.letter)
        at = self.heading_at(Heading("item", heading))
        if not item.has_subitems:
            for unit in item.units:
                self.unit_reply(unit, inputs, covered)
            self.drop_bare_heading(at)
            return
        reached = covered | self.opening(item.id)
        for unit in item.units:
            numeral = self.render(
                "subitem_heading.j2", number=item.number, letter=item.letter, numeral=unit.subitem
            )
            sub_at = self.heading_at(Heading("subitem", numeral))
            self.unit_reply(unit, inputs, reached)
            self.drop_bare_heading(sub_at)
        self.drop_bare_heading(at)

    def opening(self, question: str) -> set[str]:
        """Show the answers to the whole of *question*; return the units they answer."""
        covered: set[str] = set()
        for entry in self.ws.openers(question, final=self.final):
            if self.entry(entry):
                covered.update(entry.units)
        return covered

    def heading_at(self, heading: Heading) -> int:
        """Append *heading*; return where it sits (see :meth:`drop_bare_heading`)."""
        self.report.blocks.append(heading)
        return len(self.report.blocks) - 1

    def drop_bare_heading(self, at: int) -> None:
        """Take away the heading at *at* when nothing followed it (its part is answered above)."""
        if len(self.report.blocks) == at + 1:
            self.report.blocks.pop()

    def unit_reply(
        self, unit: Unit, inputs: dict[str, list[AnswerEntry]], covered: set[str]
    ) -> None:
        """The inputs that name *unit* itself, or a placeholder when nothing answers it."""
        own = [e for e in inputs[unit.id] if e.question == unit.id]
        shown = [self.entry(e) for e in own]
        if self.broken_placeholder(unit, inputs[unit.id]):
            return
        if not any(shown) and unit.id not in covered:
            self.report.blocks.append(Placeholder(self.placeholder(unit, inputs[unit.id])))

    def note_gaps(self, unit: Unit, inputs: list[AnswerEntry]) -> None:
        """Record *unit* as a gap when the report cannot answer it."""
        gaps = self.report.gaps
        if not inputs:
            any_answer = any(not e.empty for e in self.ws.answers_by_unit.get(unit.id, []))
            reason: Literal["unanswered", "not-approved"] = (
                "not-approved" if self.final and any_answer else "unanswered"
            )
            gaps.append(Gap(unit.id, reason, unit.lead))
            return
        missing = [e.ministry for e in inputs if self.text_of(e)[1]]
        if missing:
            if self.final:
                gaps.append(Gap(unit.id, "untranslated", unit.lead, tuple(missing)))
            else:
                self.untranslated.add(unit.id)

    def placeholder(self, unit: Unit, inputs: list[AnswerEntry]) -> str:
        lead = unit.lead or "—"
        if not self.final:
            return t("rpt.placeholder", self.lang, unit=unit.id, lead=lead)
        if inputs:
            return t(
                "rpt.placeholder_untranslated",
                self.lang,
                unit=unit.id,
                lead=lead,
                language=language_name(self.lang, self.lang),
            )
        return t("rpt.placeholder_final", self.lang, unit=unit.id, lead=lead)

    def text_of(self, entry: AnswerEntry) -> tuple[str, str | None]:
        """The text to show for *entry* and, when not in the report's language, its language."""
        own = entry.text_in(self.lang)
        if own.strip():
            return own, None
        for code in [*self.fallback, *entry.texts]:
            text = entry.texts.get(code, "")
            if text.strip():
                return text, code
        return "", None

    def entry(self, entry: AnswerEntry) -> bool:
        """Append one input (tag, text, tables); return whether anything was shown."""
        text, other = self.text_of(entry)
        if self.final and other is not None:
            text = ""
        tables = entry.answer.tables
        if not text.strip() and not tables:
            return False
        self.rendered.setdefault(id(entry), entry)
        if not self.final:
            self.report.blocks.append(self.tag(entry, other))
        if text.strip():
            self.add_markdown(parse(text))
        for table in tables:
            self.add_table(table)
        return True

    def add_table(self, table: Table) -> None:
        """Append a statistics table of an answer: spanner heads, rows, notes and source."""
        self.tables += 1
        columns = range(len(table.columns))
        grouped = [not _years([row[i] for row in table.rows if i < len(row)]) for i in columns]
        cells = [[_cell(c, self.lang, grouped[i]) for i, c in enumerate(row)] for row in table.rows]
        groups = [(strip_illegal(g.title), g.span) for g in table.column_groups or ()]
        if sum(span for _, span in groups) != len(table.columns) or not any(
            title.strip() for title, _ in groups
        ):
            groups = []  # spans that do not fit (an error in check), or no head to show
        block = TableBlock(
            number=self.tables,
            title=self.render(
                "table_title.j2", number=self.tables, title=strip_illegal(table.title)
            ),
            header=[[Run(strip_illegal(str(c)))] for c in table.columns],
            rows=[[[Run(strip_illegal(text))] for text in row] for row in cells],
            source=(
                self.render("table_source.j2", source=strip_illegal(table.source))
                if table.source
                else ""
            ),
            numeric=[
                bool(table.rows) and all(_is_number(row[i]) for row in table.rows) for i in columns
            ],
            groups=groups,
            notes=self.table_notes([strip_illegal(n) for n in table.notes if n.strip()]),
            totals=[_is_total(row[0] if row else "") for row in cells],
        )
        block.decimals = _decimal_columns(table.rows, block.numeric)
        self.report.blocks.append(block)

    def table_notes(self, notes: list[str]) -> list[str]:
        """The lines under a table: "Note: …", or "Notes: …" then one line per further note."""
        return [
            self.render("table_note.j2", note=note, number=number, count=len(notes))
            for number, note in enumerate(notes, start=1)
        ]

    def tag(self, entry: AnswerEntry, other: str | None) -> Tag:
        status = t(f"state.{entry.status}", self.lang)
        parts = [t("rpt.tag", self.lang, body=entry.ministry, status=status)]
        if entry.answer.consolidated:
            parts.append(t("rpt.tag_consolidated", self.lang))
        if other is not None:
            parts.append(
                t(
                    "rpt.tag_untranslated",
                    self.lang,
                    language=language_name(self.lang, self.lang),
                    source=language_name(other, self.lang),
                )
            )
        if entry.answer.sources:
            parts.append(t("rpt.tag_sources", self.lang, sources="; ".join(entry.answer.sources)))
        note = strip_illegal(entry.answer.note) if entry.answer.note else None
        return Tag(
            " · ".join(strip_illegal(p) for p in parts),
            note=note,
            untranslated=other is not None,
            body=entry.ministry,
        )

    # ------------------------------------------------------------------ Markdown blocks

    def add_markdown(self, parsed: Parsed) -> None:
        """Append parsed Markdown: paragraphs numbered, lists lettered, footnotes renumbered."""
        offset = len(self.report.footnotes)
        for footnote in parsed.footnotes:
            self.report.footnotes.append([_shift(p, offset) for p in footnote])
        current: Paragraph | None = None
        for block in parsed.blocks:
            if isinstance(block, MdParagraph):
                current = self.numbered(_shift(block.runs, offset))
            elif isinstance(block, MdList):
                if current is None:  # a list opening a reply gets a number of its own
                    current = self.numbered([])
                self.add_list(current, block, offset)
            elif isinstance(block, MdHeading):
                runs = _shift(block.runs, offset)
                self.report.blocks.append(Heading("sub", "".join(r.text for r in runs), runs=runs))
                current = None
            else:
                self.add_md_table(block, offset)
                current = None

    def numbered(self, runs: list[Run]) -> Paragraph:
        """Append the report's next numbered paragraph, holding *runs*."""
        self.number += 1
        paragraph = Paragraph(self.number, runs)
        self.report.blocks.append(paragraph)
        return paragraph

    def add_list(self, paragraph: Paragraph, block: MdList, offset: int) -> None:
        """Add the items of *block* to *paragraph*, lettered ``(a)``, ``(i)`` by depth."""
        counters: list[int] = []
        for item in block.items:
            runs = _shift(item.runs, offset)
            if item.marker:  # shown with the marker typed, not lettered
                paragraph.items.append(ListEntry(item.marker, item.level, runs))
                continue
            del counters[item.level + 1 :]
            while len(counters) <= item.level:
                counters.append(0)
            counters[item.level] += 1
            label = _label(counters[item.level], item.level, self.lang)
            paragraph.items.append(ListEntry(label, item.level, runs))

    def add_md_table(self, block: MdTable, offset: int) -> None:
        """Append a pipe table written in the answer's Markdown as a numbered table."""
        self.tables += 1
        rows = [[_shift(cell, offset) for cell in row] for row in block.rows]
        numeric = [
            bool(rows)
            and all(i < len(row) and _is_number("".join(r.text for r in row[i])) for row in rows)
            for i in range(len(block.header))
        ]
        texts = [["".join(r.text for r in cell) for cell in row] for row in rows]
        self.report.blocks.append(
            TableBlock(
                self.tables,
                self.render("table_title.j2", number=self.tables, title=""),
                [_shift(c, offset) for c in block.header],
                rows,
                "",
                numeric,
                totals=[_is_total(row[0] if row else "") for row in texts],
                decimals=_decimal_columns(texts, numeric),
            )
        )


_LABEL_FORMS = {"es": "{})"}
"""How a language marks a list item, where it is not ``(a)``: UN Spanish writes ``a)``."""


def _label(count: int, level: int, lang: str = "en") -> str:
    """``(a)`` … ``(z)``, ``(aa)`` for the outer list; ``(i)``, ``(ii)`` … below it."""
    form = _LABEL_FORMS.get(lang, "({})")
    if level % 2 == 1:
        roman = ROMAN_LETTERS[count - 1] if count <= len(ROMAN_LETTERS) else str(count)
        return form.format(roman)
    letters = ""
    while count > 0:
        count, rest = divmod(count - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return form.format(letters)


def _quoted_paragraphs(text: str, footnotes: list[list[list[Run]]]) -> list[list[Run]]:
    """*text* (a recommendation's Markdown) as paragraphs of runs, its footnotes made real.

    A cited ``[^1]: …`` definition becomes a footnote of the report (appended to
    *footnotes*) and its marker a reference to it; what cannot be read as a footnote stays
    as typed (``check`` warns about it). Whitespace inside a paragraph is folded.
    """
    notes: list[str] = []
    noted = noted_text(text, notes)
    offset = len(footnotes)
    for note in notes:  # a note's own Markdown (bold, italic) is shown as such
        runs = _note_paragraphs(parse(note).blocks)
        footnotes.append(runs or [[Run(strip_illegal(" ".join(note.split())))]])
    paragraphs: list[list[Run]] = [[]]
    for part in noted.parts:
        if isinstance(part, int):
            paragraphs[-1].append(Run(footnote=offset + part))
            continue
        for index, chunk in enumerate(re.split(r"\n\s*\n", part)):
            if index:
                paragraphs.append([])
            words = re.sub(r"\s+", " ", chunk)
            if words.strip():
                paragraphs[-1].append(Run(strip_illegal(words)))
    return [_trimmed(runs) for runs in paragraphs if _has_content(runs)]


def _note_paragraphs(blocks: list[MdBlock]) -> list[list[Run]]:
    """A quoted footnote's blocks as the paragraphs of a Word footnote.

    As in an answer's footnotes, a list item or a heading is a paragraph of its own (Word
    footnotes hold paragraphs only) and a table's rows are paragraphs of their cells: none
    of the note's words is left out.
    """
    paragraphs: list[list[Run]] = []
    for block in blocks:
        if isinstance(block, MdParagraph | MdHeading):
            paragraphs.append(block.runs)
        elif isinstance(block, MdList):
            paragraphs.extend(item.runs for item in block.items)
        else:  # a table: each row one paragraph, its cells apart
            for row in [block.header, *block.rows]:
                joined: list[Run] = []
                for cell in row:
                    joined.extend([Run(" "), *cell] if joined else cell)
                if _has_content(joined):
                    paragraphs.append(joined)
    return paragraphs


def _has_content(runs: list[Run]) -> bool:
    return any(r.text.strip() or r.footnote is not None for r in runs)


def _trimmed(runs: list[Run]) -> list[Run]:
    """*runs* without the spaces at the start and end of their paragraph."""
    runs[0].text = runs[0].text.lstrip()
    runs[-1].text = runs[-1].text.rstrip()
    return runs


def _shift(runs: list[Run], offset: int) -> list[Run]:
    """Copies of *runs* with footnote indexes moved by *offset*."""
    if not offset:
        return runs
    return [
        Run(
            r.text,
            r.bold,
            r.italic,
            None if r.footnote is None else r.footnote + offset,
            r.line_break,
        )
        for r in runs
    ]


def _first_runs(parsed: Parsed) -> list[Run]:
    for block in parsed.blocks:
        if isinstance(block, (MdParagraph, MdHeading)):
            return block.runs
    return []


def _whole(value: object) -> int | None:
    """*value* as a whole number, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _years(values: list[object]) -> bool:
    """Whether a table column holds years: its whole numbers all lie between 1800 and 2100."""
    wholes = [w for w in (_whole(v) for v in values) if w is not None]
    return bool(wholes) and all(1800 <= w <= 2100 for w in wholes)


def _cell(value: object, lang: str, grouped: bool) -> str:
    """A table cell as text.

    Numbers from 1,000 up get thousands separators, the same way down a whole column (a
    column of years stays as written); Indonesian and Spanish swap the marks: ``1.200`` and
    ``9,4``.
    """
    if value is None:
        return ""
    whole = _whole(value)
    if whole is not None:
        text = f"{whole:,}" if grouped and abs(whole) >= 1000 else str(whole)
    elif isinstance(value, float) and math.isfinite(value):
        text = f"{value:,}" if grouped else str(value)
    else:
        return str(value)
    if lang in ("id", "es"):
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


NONE_CELLS = frozenset({"", "..", "-", "–", "—", "…", "..."})
"""Cells that stand for no figure and keep a column of numbers numeric: the UN's ``..``
(not available), ``-`` and ``—`` (nil; ``–`` too), ``…`` (also typed ``...``) and empty."""

TOTAL_LABELS = frozenset(
    {
        "total",
        "totals",
        "grand total",
        "subtotal",
        "sub-total",
        "jumlah",
        "jumlah total",
        "jumlah keseluruhan",
        "total keseluruhan",
        "subjumlah",
        "total general",
        "totales",
        "subtotales",
    }
)
"""First cells that make a row a total row, in English, Indonesian and Spanish, whatever
the case and with or without a final colon ("Total", "JUMLAH", "Total general:")."""


def _is_total(first: object) -> bool:
    """Whether a row whose first cell is *first* is a total row."""
    if not isinstance(first, str):
        return False
    return first.strip().rstrip(":").strip().casefold() in TOTAL_LABELS


def _is_none_cell(value: object) -> bool:
    """Whether *value* is empty or a sign for no figure (``..``, ``-``, ``—``, ``…``)."""
    return value is None or (isinstance(value, str) and value.strip() in NONE_CELLS)


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)) or _is_none_cell(value):
        return True
    text = str(value).strip().replace(",", "").replace(" ", "").rstrip("%")
    try:
        float(text)
    except ValueError:
        return False
    return True


_DECIMAL_TEXT = re.compile(r"^[-+−]?(\d+)(?:\.(\d+))?\s*%?$")
"""A figure written as text without thousands marks: ``12.5``, ``-3``, ``35 %``."""


def _decimals_of(value: object) -> int | None:
    """How many decimals *value* shows, or None when a decimal tab could misplace it.

    None for a figure from 1,000 up (its thousands mark could be taken for the decimal
    sign), for text with a comma or other marks, and for a figure in powers of ten.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        match = _DECIMAL_TEXT.match(value.strip())
        if match is None or len(match.group(1).lstrip("0")) > 3:
            return None
        return len(match.group(2) or "")
    if not isinstance(value, (int, float)) or not math.isfinite(value) or abs(value) >= 1000:
        return None
    if _whole(value) is not None:
        return 0
    text = repr(value)
    return None if "e" in text else len(text.partition(".")[2])


def _decimal_columns(rows: Sequence[Sequence[object]], numeric: list[bool]) -> list[int]:
    """Per column, the decimals to line up on a decimal tab: 0 when right alignment does.

    Right alignment lines the decimal signs up when every figure of a column has the same
    number of decimals; only a numeric column whose figures differ (``9.4``, ``14.25``,
    ``3``) needs a decimal tab, and only when none of them could mislead it (see
    :func:`_decimals_of`). No figure is padded or rounded.
    """
    found: list[int] = []
    for column, is_numeric in enumerate(numeric):
        values = [row[column] for row in rows if column < len(row)]
        counts = [_decimals_of(v) for v in values if not _is_none_cell(v)]
        usable = is_numeric and None not in counts and len(set(counts)) > 1
        found.append(max(c for c in counts if c is not None) if usable else 0)
    return found


def build_report(
    ws: Workspace,
    templates: Templates,
    *,
    lang: str | None = None,
    final: bool = False,
    errors: Sequence[Problem] = (),
) -> Report:
    """Build the report model of *ws* in *lang* (default: the report's language).

    *errors* (a draft of a workspace with errors) are named in a notice at the top, and a
    placeholder stands where the replies of a body whose file holds errors would be.
    """
    if ws.loipr is None:
        raise CmwReportError(t("render.no_loipr", templates.ui_lang))
    builder = _Builder(ws, templates, lang=lang or ws.language, final=final, errors=errors)
    return builder.build()


def broken_bodies(errors: Sequence[Problem]) -> dict[str, tuple[str, ...]]:
    """Each body whose answers file could not be read whole, with the files at fault."""
    from cmwreport.workspace import unreadable_bodies

    found: dict[str, set[str]] = {}
    for problem in errors:
        if problem.severity != "error" or not problem.file.startswith("answers/"):
            continue
        for code in problem.ministries or unreadable_bodies([problem.file]):
            found.setdefault(code, set()).add(problem.file)
    return {code: tuple(sorted(files)) for code, files in found.items()}


# ---------------------------------------------------------------- follow-up information

FOLLOW_UP_PARTS = ("title", "recommendations")
"""The parts ``templates/follow_up_layout.j2`` may list, in the order it lists them."""


class _FollowUpBuilder(_Builder):
    """The follow-up information on the selected recommendations, as the report is built.

    Title block; then for each selected recommendation, in the observations' order, a
    heading naming its paragraph, its text quoted, and the replies of every body (the lead
    first), numbered 1, 2, 3 … through the document, with tables, footnotes, draft tags and
    placeholders exactly as in the report: the workspace is seen through
    :meth:`~cmwreport.workspace.Workspace.follow_up_view`, where recommendations are the
    units and follow-up entries the answers.
    """

    def __init__(
        self,
        ws: Workspace,
        templates: Templates,
        *,
        lang: str,
        final: bool,
        errors: Sequence[Problem] = (),
    ) -> None:
        # The report's own context and counts are not the follow-up's: set up here instead.
        assert ws.observations is not None  # checked by build_follow_up
        self.obs = ws.observations
        self.errors = list(errors)
        self.broken = broken_bodies(self.errors)
        self.ws = ws.follow_up_view()
        self.templates = templates
        self.lang = lang
        self.final = final
        self.fallback = [code for code in ws.drafting_languages if code != lang]
        selection = self.obs.record.follow_up
        limit = selection.word_limit if selection and selection.word_limit else 0
        self.report = Report(lang=lang, final=final, limit=limit, follow_up=True)
        self.number = 0
        self.tables = 0
        self.rendered: dict[int, AnswerEntry] = {}
        self.untranslated: set[str] = set()
        self.counted = count_follow_up(ws, templates, lang=lang, final=final)
        self.context = self.counted.context

    def build(self) -> Report:
        report = self.report
        loipr = self.ws.loipr
        assert loipr is not None
        report.symbol = self.context["follow_up"]["symbol"]
        report.title = self.render("follow_up_title.j2")
        report.header = {
            "symbol": report.symbol,
            "observations_symbol": self.obs.symbol,
            "loipr_symbol": loipr.symbol,
            "state": loipr.state,
            "title": report.title,
        }
        self.lay_out("follow_up_layout.j2", FOLLOW_UP_PARTS, "render.follow_up_layout_unknown")
        report.words = self.counted.words  # the one count (cmwreport.wordcount)
        report.untranslated = [u.id for u in self.ws.units if u.id in self.untranslated]
        return report

    def part_title(self) -> None:
        notice = "" if self.final else t("rpt.draft_notice", self.lang)
        self.report.blocks.append(
            TitleBlock(
                symbol=self.render("follow_up_symbol.j2"),
                committee=self.render("committee.j2"),
                title=self.report.title,
                date_received="",
                notice=notice,
            )
        )

    def part_recommendations(self) -> None:
        for target in follow_up_targets(self.obs):
            self.recommendation(target)

    def recommendation(self, target: FollowUpTarget) -> None:
        """The heading naming the paragraph, the recommendation quoted, then the replies."""
        paragraph, item, unit = target.paragraph, target.item, target.unit
        heading = self.render(
            "follow_up_heading.j2",
            number=paragraph.number,
            letter=item.letter if item else None,
            numeral=unit.subitem if unit else None,
        )
        self.report.blocks.append(Heading("reply", heading))
        self.quote(target)
        if item is None:
            self.replies_to(paragraph)
        else:
            self.item_replies(target, item)

    def quote(self, target: FollowUpTarget) -> None:
        """The recommendation's text, paragraph by paragraph; its items' and sub-items' too."""
        paragraph, item, unit = target.paragraph, target.item, target.unit
        self.quoted("", paragraph.text)
        items = [item] if item is not None else paragraph.items
        for part in items:
            self.quoted(_label_of(part.letter, self.lang), part.text)
            if not part.has_subitems:
                continue
            for sub in [unit] if unit is not None else part.units:
                self.quoted(_label_of(sub.subitem or "", self.lang), sub.text)

    def quoted(self, label: str, text: dict[str, str]) -> None:
        """Append *text* (the recommendation's language, else a drafting one) as quotes."""
        chosen = pick_text(text, self.lang, *self.fallback)
        paragraphs = _quoted_paragraphs(chosen, self.report.footnotes)
        for index, runs in enumerate(paragraphs):
            self.report.blocks.append(Quote(runs, label if index == 0 else ""))

    def item_replies(self, target: FollowUpTarget, item: ItemNode) -> None:
        """The replies to a selected item or sub-item, after those to its whole paragraph."""
        units = [target.unit] if target.unit is not None else item.units
        inputs = {u.id: self.ws.inputs(u, final=self.final) for u in units}
        for unit in units:
            self.note_gaps(unit, inputs[unit.id])
        wanted = {u.id for u in units}
        covered = self.openers_on(target.paragraph.id, wanted)
        if target.unit is not None:
            covered |= self.openers_on(item.id, wanted)
            self.unit_reply(target.unit, inputs, covered)
            return
        at = len(self.report.blocks)
        self.item_reply(item, inputs, covered)
        blocks = self.report.blocks
        first = blocks[at] if len(blocks) > at else None
        if isinstance(first, Heading) and first.kind == "item":
            del blocks[at]  # the heading above already names the item

    def openers_on(self, question: str, wanted: set[str]) -> set[str]:
        """Show the replies to the whole of *question* that report on *wanted*, once each.

        Returns the units they answer (those shown earlier, under another selected item,
        count too).
        """
        covered: set[str] = set()
        for entry in self.ws.openers(question, final=self.final):
            reach = set(entry.scope or entry.units)
            if not reach & wanted:
                continue
            if id(entry) in self.rendered or self.entry(entry):
                covered.update(entry.units)
        return covered


def _label_of(letter: str, lang: str) -> str:
    """``(a)`` (UN Spanish ``a)``) before the text of an item or sub-item."""
    return _LABEL_FORMS.get(lang, "({})").format(letter)


def build_follow_up(
    ws: Workspace,
    templates: Templates,
    *,
    lang: str | None = None,
    final: bool = False,
    errors: Sequence[Problem] = (),
) -> Report:
    """Build the follow-up information of *ws* in *lang* (default: the report's language).

    The same model as :func:`build_report`, for ``render --follow-up`` (SPEC 7).
    """
    if ws.loipr is None:
        raise CmwReportError(t("render.no_loipr", templates.ui_lang))
    obs = ws.observations
    if obs is None:
        key = "render.no_observations" if ws.observations_readable else "render.bad_observations"
        raise CmwReportError(t(key, templates.ui_lang))
    if not obs.record.follow_up or not obs.record.follow_up.paragraphs:
        raise CmwReportError(t("render.no_selection", templates.ui_lang))
    builder = _FollowUpBuilder(ws, templates, lang=lang or ws.language, final=final, errors=errors)
    return builder.build()
