"""Plain-text renderers of the coverage: terminal table, Markdown and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from cmwreport.coverage import IMPLEMENTATION_STATES, STATES, Coverage
from cmwreport.i18n import number, t
from cmwreport.text import csv_cell, join_and, percent


def _bar(part: int, whole: int, width: int = 20) -> str:
    filled = round(width * part / whole) if whole else 0
    return "█" * filled + "░" * (width - filled)


def _grid(rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def _title(cov: Coverage, lang: str) -> str:
    if cov.follow_up is not None:
        return follow_up_title(cov, lang)
    if cov.ministry:
        return t("cov.title_ministry", lang, code=cov.ministry)
    return t("cov.title", lang)


def _subtitle(cov: Coverage, lang: str) -> str:
    if cov.follow_up is not None:
        return t(
            "fu.subtitle",
            lang,
            state=cov.state,
            symbol=cov.follow_up.observations,
            date=cov.generated.isoformat(),
        )
    return t(
        "cov.subtitle", lang, state=cov.state, symbol=cov.symbol, date=cov.generated.isoformat()
    )


def units_word(cov: Coverage, lang: str) -> str:
    """What the units are called in totals and headings: "units", or "recommendations"."""
    return t("fu.units" if cov.follow_up is not None else "cov.units", lang)


def _totals_line(cov: Coverage, lang: str) -> str:
    total = cov.totals["units"]
    parts = [f"{total} {units_word(cov, lang)}"]
    for state in STATES:
        count = cov.totals[state]
        parts.append(f"{t('state.' + state, lang)} {count} ({percent(count, total)} %)")
    return " · ".join(parts)


def _words_line(cov: Coverage, lang: str) -> str:
    if cov.follow_up is not None:
        return follow_up_words(cov, lang)
    return t(
        "cov.words",
        lang,
        lang=cov.language,
        words=number(cov.words, lang),
        limit=number(cov.limit, lang),
        percent=percent(cov.words, cov.limit),
    )


def _owes(codes: Sequence[str], lang: str, limit: int = 12) -> str:
    if not codes:
        return "—"
    shown = ", ".join(codes[:limit])
    more = f" … (+{len(codes) - limit})" if len(codes) > limit else ""
    return f"{len(codes):>2}: {shown}{more}"


def error_lines(cov: Coverage, lang: str, shown: int = 3) -> list[str]:
    """The files with errors, each with its first errors: ``[]`` when there are none."""
    if not cov.errors:
        return []
    out = [t("cov.errors_title", lang)]
    for file, problems in cov.error_files():
        out.append("  " + t("cov.errors_file", lang, file=file, count=len(problems)))
        out += ["    " + p.format(lang) for p in problems[:shown]]
        if len(problems) > shown:
            out.append("    " + t("cov.errors_more", lang, count=len(problems) - shown))
    return out


def _body_code(cov: Coverage, code: str) -> str:
    """The body's code, marked ⚠ when its answers file could not be read whole."""
    return f"{code} ⚠" if code in cov.unreadable else code


def render_table(cov: Coverage, lang: str = "en") -> str:
    """The readable terminal summary (the default ``coverage`` output)."""
    errors = error_lines(cov, lang)
    out = [
        _title(cov, lang),
        _subtitle(cov, lang),
        "",
        *([*errors, ""] if errors else []),
        _totals_line(cov, lang),
        *follow_up_lines(cov, lang),
        _words_line(cov, lang),
        "",
        t("cov.by_section", lang),
    ]
    rows = [[t("cov.section", lang), "", units_word(cov, lang), t("state.unanswered", lang), ""]]
    for s in cov.sections:
        done = s.units - s.unanswered
        rows.append(
            [
                "  " * s.depth + s.id,
                _short(s.title, 44),
                str(s.units),
                str(s.unanswered),
                f"{_bar(done, s.units)} {percent(done, s.units):>3} %",
            ]
        )
    out += ["  " + line for line in _grid(rows, right=(2, 3))]
    out += ["", t("cov.by_body", lang)]
    rows = [
        [
            t("cov.body", lang),
            t("cov.assigned", lang),
            t("cov.answered", lang),
            t("cov.approved_col", lang),
            t("cov.owes", lang),
        ]
    ]
    for m in cov.ministries:
        if m.assigned == 0 and not m.given:
            continue
        rows.append(
            [
                _body_code(cov, m.code),
                str(m.assigned),
                str(m.answered),
                str(m.approved),
                _owes(m.unanswered, lang),
            ]
        )
    out += ["  " + line for line in _grid(rows, right=(1, 2, 3))]
    out += _breakdowns_table(cov, lang)
    if cov.follow_up is not None:
        return "\n".join(out + _follow_up_table(cov, lang) + _since_table(cov, lang)) + "\n"
    if cov.ministry:
        out += ["", t("cov.all_units", lang)]
        rows = [[t("cov.unit", lang), t("cov.state", lang), t("cov.question", lang)]]
        for u in cov.units:
            rows.append([u.id, t("state." + u.state, lang), _short(u.question, 60)])
        out += ["  " + line for line in _grid(rows)]
    out += _since_table(cov, lang)
    return "\n".join(out) + "\n"


def _breakdowns_table(cov: Coverage, lang: str) -> list[str]:
    """The units whose tables still lack a breakdown asked for, marked ⚑ (none: nothing)."""
    rows = [
        [f"⚑ {u.id}", u.lead or "—", join_and(u.missing_breakdowns, lang)]
        for u in cov.units
        if u.missing_breakdowns
    ]
    if not rows:
        return []
    head = [t("cov.unit", lang), t("cov.lead", lang), t("cov.missing_breakdowns", lang)]
    return ["", t("cov.breakdowns_title", lang)] + ["  " + line for line in _grid([head, *rows])]


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(cov: Coverage, lang: str = "en") -> str:
    """The summary as Markdown (for a meeting's minutes or a merge request)."""
    out = [
        f"# {_title(cov, lang)}",
        "",
        _subtitle(cov, lang),
        "",
        *[f"> {_md(line.strip())}  " for line in error_lines(cov, lang)],
        *([""] if cov.errors else []),
        f"**{_totals_line(cov, lang)}**",
        "",
        *[f"{line}  " for line in follow_up_lines(cov, lang)],
        _words_line(cov, lang),
        "",
        f"## {t('cov.by_section', lang)}",
        "",
    ]
    out.append(
        f"| {t('cov.section', lang)} | | {units_word(cov, lang)} | "
        f"{t('state.unanswered', lang)} | % |"
    )
    out.append("|---|---|--:|--:|--:|")
    for s in cov.sections:
        indent = "&nbsp;&nbsp;" * s.depth
        out.append(
            f"| {indent}{_md(s.id)} | {_md(s.title)} | {s.units} | {s.unanswered} | "
            f"{percent(s.units - s.unanswered, s.units)} |"
        )
    out += ["", f"## {t('cov.by_body', lang)}", ""]
    out.append(
        f"| {t('cov.body', lang)} | {t('cov.assigned', lang)} | "
        f"{t('cov.answered', lang)} | {t('cov.approved_col', lang)} | "
        f"{t('cov.owes', lang)} |"
    )
    out.append("|---|--:|--:|--:|---|")
    for m in cov.ministries:
        if m.assigned == 0 and not m.given:
            continue
        out.append(
            f"| {_body_code(cov, m.code)} | {m.assigned} | {m.answered} | {m.approved} | "
            f"{', '.join(m.unanswered) or '—'} |"
        )
    if cov.follow_up is not None:
        return "\n".join(out + _follow_up_markdown(cov, lang) + _since_markdown(cov, lang)) + "\n"
    out += ["", f"## {t('cov.all_units', lang)}", ""]
    out.append(
        f"| {t('cov.unit', lang)} | {t('cov.state', lang)} | {t('cov.lead', lang)} | "
        f"{t('cov.answered_by', lang)} | {t('cov.missing', lang)} | "
        f"{t('cov.question', lang)} | {t('cov.missing_breakdowns', lang)} |"
    )
    out.append("|---|---|---|---|---|---|---|")
    for u in cov.units:
        out.append(
            f"| {u.id} | {t('state.' + u.state, lang)} | {u.lead or '—'} | "
            f"{', '.join(u.answered_by) or '—'} | {', '.join(u.missing) or '—'} | "
            f"{_md(u.question)} | {_md(join_and(u.missing_breakdowns, lang)) or '—'} |"
        )
    out += _since_markdown(cov, lang)
    return "\n".join(out) + "\n"


def since_heading(cov: Coverage, lang: str) -> str:
    """The heading of the "since the last meeting" part, naming the snapshot."""
    since = cov.since
    if since is None:
        return t("since.title", lang)
    name = Path(since.file).name
    if since.generated:
        what = t("since.snapshot", lang, date=since.generated.isoformat(), file=name)
    else:
        what = t("since.snapshot_nodate", lang, file=name)
    return f"{t('since.title', lang)} — {what}"


def since_summary(cov: Coverage, lang: str) -> str:
    """One sentence: how many units moved, forward and back."""
    since = cov.since
    if since is not None and since.implementation and not (since.forward or since.back):
        return t("since.implementation_only", lang, count=len(since.implementation))
    if since is None or not cov.changes:
        return t("since.nothing", lang)
    moved = len(since.forward) + len(since.back)
    if not moved:
        return t("since.nothing", lang)
    return t("since.moved", lang, count=moved, forward=len(since.forward), back=len(since.back))


def state_label(state: str | None, lang: str, *, removed: bool = False) -> str:
    """A unit state in words; ``None`` is a unit new since, or removed since, the snapshot."""
    if state is None:
        return t("since.removed_unit" if removed else "since.new_unit", lang)
    return t("state." + state, lang)


def _since_rows(cov: Coverage, lang: str) -> tuple[list[list[str]], list[list[str]]]:
    """The changed units and the bodies that moved, as rows of words."""
    changes = [
        [c.id, state_label(c.before, lang), state_label(c.after, lang, removed=True)]
        for c in (cov.changes or [])
        if c.before is not None and c.after is not None
    ]
    bodies = [
        [b.code, _ids(b.newly_answered), _ids(b.newly_approved), _ids(b.went_back)]
        for b in (cov.since.bodies if cov.since else ())
        if b.moved
    ]
    return changes, bodies


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "—"


def _since_notes(cov: Coverage, lang: str) -> list[str]:
    since = cov.since
    notes = since_not_counted(cov, lang)
    if since and since.added:
        notes.append(t("since.added", lang, ids=", ".join(since.added)))
    if since and since.removed:
        notes.append(t("since.removed", lang, ids=", ".join(since.removed)))
    notes += implementation_moves(cov, lang)
    return notes


def _since_totals(cov: Coverage, lang: str) -> str:
    since = cov.since
    assert since is not None
    parts = []
    for state in STATES:
        before, now = since.totals.get(state, 0), cov.totals[state]
        delta = f" ({now - before:+d})" if now != before else ""
        parts.append(f"{t('state.' + state, lang)} {before} → {now}{delta}")
    return " · ".join(parts)


def _since_table(cov: Coverage, lang: str) -> list[str]:
    if cov.since is None:
        return []
    out = [
        "",
        since_heading(cov, lang),
        "  " + _since_totals(cov, lang),
        "  " + since_summary(cov, lang),
    ]
    out += ["  " + note for note in _since_notes(cov, lang)]
    changes, bodies = _since_rows(cov, lang)
    if changes:
        head = [t("cov.unit", lang), t("since.then", lang), "", t("since.now", lang)]
        out += ["", "  " + t("since.changes", lang)]
        rows = [head] + [[c[0], c[1], "→", c[2]] for c in changes]
        out += ["    " + line for line in _grid(rows)]
    out += ["", "  " + t("since.by_body", lang)]
    if bodies:
        head = [
            t("cov.body", lang),
            t("since.newly_answered", lang),
            t("since.newly_approved", lang),
            t("since.went_back", lang),
        ]
        out += ["    " + line for line in _grid([head, *bodies])]
    else:
        out.append("    " + t("since.no_body_moved", lang))
    return out


def _since_markdown(cov: Coverage, lang: str) -> list[str]:
    if cov.since is None:
        return []
    out = [
        "",
        f"## {_md(since_heading(cov, lang))}",
        "",
        _since_totals(cov, lang),
        "",
        since_summary(cov, lang),
        "",
    ]
    out += [f"- {_md(note)}" for note in _since_notes(cov, lang)]
    changes, bodies = _since_rows(cov, lang)
    if changes:
        out += [
            "",
            f"### {t('since.changes', lang)}",
            "",
            f"| {t('cov.unit', lang)} | {t('since.then', lang)} | {t('since.now', lang)} |",
            "|---|---|---|",
        ]
        out += [f"| {c[0]} | {c[1]} | {c[2]} |" for c in changes]
    out += ["", f"### {t('since.by_body', lang)}", ""]
    if bodies:
        out += [
            f"| {t('cov.body', lang)} | {t('since.newly_answered', lang)} | "
            f"{t('since.newly_approved', lang)} | {t('since.went_back', lang)} |",
            "|---|---|---|---|",
        ]
        out += [f"| {' | '.join(b)} |" for b in bodies]
    else:
        out.append(t("since.no_body_moved", lang))
    return out


CSV_COLUMNS = (
    "id",
    "paragraph",
    "item",
    "section",
    "lead",
    "contributors",
    "state",
    "answered_by",
    "missing",
    "question",
    "data",
    "missing_breakdowns",
)


def render_csv(cov: Coverage, lang: str = "en") -> str:
    """One row per unit, with the stable column names of the JSON output."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS + (FOLLOW_UP_CSV_COLUMNS if cov.follow_up else ()))
    for u in cov.units:
        cells = [
            u.id,
            u.paragraph,
            u.item or "",
            u.section,
            u.lead or "",
            " ".join(u.contributors),
            u.state,
            " ".join(u.answered_by),
            " ".join(u.missing),
            u.question,
            "; ".join(u.data),
            "; ".join(u.missing_breakdowns),
        ]

        if cov.follow_up is not None:
            cells += [u.implementation or "", "true" if u.selected else "false"]
        writer.writerow([csv_cell(c) for c in cells])  # never a formula in a spreadsheet
    return buffer.getvalue()


def since_not_counted(cov: Coverage, lang: str) -> list[str]:
    """The note on units whose change is only a file repaired (or broken), if any."""
    since = cov.since
    if since is None or not since.not_counted:
        return []
    bodies = sorted(set(since.unreadable_then) | cov.unreadable)
    return [
        t("since.not_counted", lang, ids=", ".join(since.not_counted), bodies=", ".join(bodies))
    ]


# ------------------------------------------------------------ follow-up (coverage --follow-up)

FOLLOW_UP_CSV_COLUMNS = ("implementation", "selected")
"""The columns the follow-up CSV adds, with the names and values of the JSON output."""


def follow_up_title(cov: Coverage, lang: str) -> str:
    """The title of the follow-up summary (of one body's, with ``--ministry``)."""
    symbol = cov.follow_up.observations if cov.follow_up else ""
    if cov.ministry:
        return t("fu.title_ministry", lang, symbol=symbol, code=cov.ministry)
    return t("fu.title", lang, symbol=symbol)


def implementation_label(implementation: str | None, lang: str) -> str:
    """A recommendation's implementation in words."""
    return t("impl." + (implementation or "unknown"), lang)


def due_text(cov: Coverage, lang: str) -> str:
    """When the follow-up information is due and how many days are left (or overdue)."""
    info = cov.follow_up
    if info is None or info.due is None or info.days_left is None:
        return t("fu.no_due", lang)
    date = info.due.isoformat()
    if info.days_left < 0:
        return t("fu.overdue", lang, date=date, count=-info.days_left)
    if info.days_left == 0:
        return t("fu.due_today", lang, date=date)
    return t("fu.due", lang, date=date, count=info.days_left)


def implementation_totals(cov: Coverage, lang: str) -> str:
    """The recommendations by implementation, in one line."""
    info = cov.follow_up
    counts = info.implementation if info else {}
    total = cov.totals["units"]
    parts = [
        f"{implementation_label(s, lang)} {counts.get(s, 0)} ({percent(counts.get(s, 0), total)} %)"
        for s in IMPLEMENTATION_STATES
    ]
    return f"{t('fu.implementation', lang)}: " + " · ".join(parts)


def follow_up_lines(cov: Coverage, lang: str) -> list[str]:
    """The lines a follow-up summary adds under its totals: due date, implementation."""
    if cov.follow_up is None:
        return []
    selected = len(cov.follow_up.selected)
    return [
        due_text(cov, lang),
        t("fu.selected_count", lang, count=selected),
        implementation_totals(cov, lang),
    ]


def follow_up_words(cov: Coverage, lang: str) -> str:
    """The words of the replies on the selected recommendations, against the limit if any."""
    if not cov.limit:
        return t("fu.words_no_limit", lang, lang=cov.language, words=number(cov.words, lang))
    return t(
        "fu.words",
        lang,
        lang=cov.language,
        words=number(cov.words, lang),
        limit=number(cov.limit, lang),
        percent=percent(cov.words, cov.limit),
    )


def _follow_up_rows(cov: Coverage, lang: str, *, width: int | None) -> list[list[str]]:
    """One row per recommendation, selected first: mark, id, implementation, review, who."""
    rows = []
    for u in cov.units:
        question = u.question if width is None else _short(u.question, width)
        rows.append(
            [
                "★" if u.selected else "",
                u.id,
                implementation_label(u.implementation, lang),
                t("state." + u.state, lang),
                u.lead or "—",
                ", ".join(u.missing) or "—",
                question,
            ]
        )
    return rows


def _follow_up_head(lang: str) -> list[str]:
    keys = ("fu.recommendation", "fu.implementation", "fu.review", "cov.lead", "cov.missing")
    return ["★", *(t(k, lang) for k in keys), t("fu.text", lang)]


def _follow_up_table(cov: Coverage, lang: str) -> list[str]:
    """The recommendations as a terminal table, the selected ones (★) first."""
    rows = [_follow_up_head(lang), *_follow_up_rows(cov, lang, width=50)]
    return [
        "",
        t("fu.recommendations", lang),
        "  " + t("fu.selected_note", lang),
        *("  " + line for line in _grid(rows)),
    ]


def _follow_up_markdown(cov: Coverage, lang: str) -> list[str]:
    """The recommendations as a Markdown table, the selected ones (★) first."""
    head = _follow_up_head(lang)
    out = [
        "",
        f"## {t('fu.recommendations', lang)}",
        "",
        t("fu.selected_note", lang),
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for row in _follow_up_rows(cov, lang, width=None):
        out.append("| " + " | ".join(_md(cell) for cell in row) + " |")
    return out


def implementation_moves(cov: Coverage, lang: str) -> list[str]:
    """One line per recommendation whose implementation moved since the snapshot."""
    if cov.since is None:
        return []
    return [
        t(
            "since.implementation",
            lang,
            id=c.id,
            before=implementation_label(c.before, lang),
            after=implementation_label(c.after, lang),
        )
        for c in cov.since.implementation
    ]
