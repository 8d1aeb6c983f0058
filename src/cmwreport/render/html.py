"""The coverage dashboard: one self-contained HTML page for a coordination meeting (rakor).

Everything is inline (CSS, no script, no font, no external address), so the file works
offline and from a USB stick. It is laid out to be projected at 1280×720 (large type, high
contrast) and printed on A4. States are told apart by colour *and* by a glyph, a pattern
and a word, so the page reads in black and white and for colour-blind people.

The page is written by the Jinja template ``html/dashboard.html.j2`` (with its partials in
``templates/html/``) through the one environment of :mod:`cmwreport.templating`, which
escapes everything an HTML template prints; a workspace may override it in its own
``templates/html/``. This module only prepares plain data for it: rows, labels, numbers
already formatted, class names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cmwreport.coverage import (
    IMPLEMENTATION_STATES,
    STATES,
    Coverage,
    MinistryCoverage,
    UnitCoverage,
    own_statuses,
)
from cmwreport.i18n import number as format_number
from cmwreport.i18n import t
from cmwreport.markdown import superscript
from cmwreport.render.tables import (
    due_text,
    follow_up_title,
    implementation_label,
    implementation_moves,
    since_heading,
    since_not_counted,
    since_summary,
    state_label,
)
from cmwreport.text import join_and, percent

if TYPE_CHECKING:
    from cmwreport.templating import Templates

DASHBOARD = "html/dashboard.html.j2"
"""The template of the dashboard page (and of one body's page)."""

GLYPHS = {"unanswered": "○", "draft": "◔", "submitted": "◑", "approved": "●"}
"""A state's glyph: the circle fills up as the answer matures."""

IMPLEMENTATION_GLYPHS = {"not-started": "✗", "partial": "½", "implemented": "✓", "unknown": "?"}
"""A recommendation's implementation as a glyph (told apart without colour)."""

Data = dict[str, Any]
"""What a template is given: plain values, lists and dicts (no objects to call)."""


def render_coverage_html(
    cov: Coverage, lang: str = "en", templates: Templates | None = None
) -> str:
    """The dashboard (or, with ``cov.ministry``, one body's page) as a complete HTML file.

    *templates* are the workspace's (its ``templates/html/`` first); without them, the
    packaged defaults.
    """
    if templates is None:
        from cmwreport.templating import templates_for

        templates = templates_for(None, ui_lang=lang)
    return templates.page(DASHBOARD, **dashboard(cov, lang))


def dashboard(cov: Coverage, lang: str) -> Data:
    """Everything the dashboard template shows, prepared and formatted."""
    body = next((m for m in cov.ministries if m.code == cov.ministry), None)
    title = (
        t("cov.title_ministry", lang, code=cov.ministry) if cov.ministry else t("cov.title", lang)
    )
    if cov.follow_up is not None:
        title = follow_up_title(cov, lang)
    return {
        "lang": lang,
        "title": f"{title} — {cov.state} — {cov.generated.isoformat()}",
        "header": _header(cov, lang, body),
        "errors": _errors(cov, lang),
        "overview": _overview(cov, lang, body),
        "since": _since(cov, lang),
        "body_page": body is not None,
        "progress": _progress(cov, lang) if body is None else None,
        "grid": _grid(cov, lang),
        "owed": _owed(cov, lang),
        "given": _given(cov, lang, body) if body is not None else None,
        "breakdowns": _breakdowns(cov, lang),
        "footer": t("cov.footer", lang),
        "follow_up": _follow_up(cov, lang) if cov.follow_up is not None else None,
    }


def _state_word(state: str, lang: str) -> str:
    word = t("state." + state, lang)
    return word[:1].upper() + word[1:]


def _pill(state: str | None, lang: str, *, removed: bool = False) -> Data:
    """A state in a small box: ``{state, glyph, word}`` (no state: only its label)."""
    if state is None:
        return {"state": None, "glyph": "", "word": state_label(None, lang, removed=removed)}
    return {"state": state, "glyph": GLYPHS[state], "word": t("state." + state, lang)}


def _stacked(counts: dict[str, int], total: int, lang: str, *, thin: bool = False) -> Data:
    """A bar split by state, each part labelled with its count when there is room."""
    parts = []
    for state in STATES:
        n = counts.get(state, 0)
        if not n or not total:
            continue
        share = 100 * n / total
        parts.append(
            {
                "state": state,
                "width": f"{share:.2f}",
                "title": f"{t('state.' + state, lang)}: {n}",
                "label": f"{GLYPHS[state]} {n}" if share >= (13 if thin else 6) else "",
            }
        )
    return {"thin": thin, "parts": parts}


def _header(cov: Coverage, lang: str, body: MinistryCoverage | None) -> Data:
    if cov.follow_up is not None:
        return _follow_up_header(cov, lang, body)
    if body is not None:
        title = t("cov.title_ministry", lang, code=cov.ministry)
        sub = body.name if body.name and body.name != body.code else ""
    else:
        title = t("cov.title", lang)
        sub = t("cov.dashboard", lang)
    facts = [cov.state, f"{t('cov.list_of_issues', lang)} {cov.symbol}"]
    if cov.report_symbol:
        facts.append(f"{t('cov.report_symbol', lang)} {cov.report_symbol}")
    return {
        "title": title,
        "subtitle": " · ".join(x for x in [sub, *facts] if x),
        "generated_on": t("cov.generated_on", lang),
        "generated": cov.generated.isoformat(),
    }


def _overview(cov: Coverage, lang: str, body: MinistryCoverage | None) -> Data:
    """The big figures: units by state (on a body's page, its own answers) and words."""
    if body is not None:
        counts = own_statuses(body.code, cov.units)
        total = body.assigned
        total_label = t("cov.assigned", lang)
    else:
        counts = {s: cov.totals[s] for s in STATES}
        total = cov.totals["units"]
        total_label = t("cov.units", lang).capitalize()
        if cov.follow_up is not None:
            total_label = t("fu.recommendation_count", lang)
    tiles = [
        {
            "state": state,
            "count": counts[state],
            "glyph": GLYPHS[state],
            "word": _state_word(state, lang),
            "percent": f"{percent(counts[state], total)} %",
        }
        for state in STATES
    ]
    return {
        "total": total,
        "total_label": total_label,
        "done": t("cov.percent_done", lang, percent=percent(total - counts["unanswered"], total)),
        "tiles": tiles,
        "bar": _stacked(counts, total, lang),
        "note": t("cov.body_tiles_note", lang, code=body.code) if body is not None else None,
        "words": _words(cov, lang) if body is None and cov.limit else None,
    }


def _words(cov: Coverage, lang: str) -> Data:
    over = cov.words > cov.limit
    width = min(100, 100 * cov.words / cov.limit) if cov.limit else 0
    if over:
        rest = t("cov.words_over", lang, over=format_number(cov.words - cov.limit, lang))
    else:
        rest = t("cov.words_left", lang, left=format_number(cov.limit - cov.words, lang))
    figures = t(
        "cov.words_short",
        lang,
        words=format_number(cov.words, lang),
        limit=format_number(cov.limit, lang),
        percent=percent(cov.words, cov.limit),
    )
    return {
        "words": cov.words,
        "limit": cov.limit,
        "title": t("cov.words_title", lang),
        "over": over,
        "width": f"{width:.2f}",
        "figures": figures,
        "rest": rest,
        "note": t("fu.words_note" if cov.follow_up else "cov.words_note", lang, lang=cov.language),
    }


def _legend(lang: str) -> Data:
    return {
        "label": t("cov.legend", lang),
        "states": [{"state": s, "glyph": GLYPHS[s], "word": t("state." + s, lang)} for s in STATES],
        "extra": [],
    }


def _part_label(unit: UnitCoverage) -> str | None:
    """How a unit's cell in a paragraph's row is labelled: ``a``, or ``a(i)`` for a sub-item."""
    if unit.item is None or unit.subitem is None:
        return unit.item
    return f"{unit.item}({unit.subitem})"


def _grid(cov: Coverage, lang: str) -> Data:
    """Every unit as a coloured cell: a row per paragraph, a cell per item, LOIPR order.

    Each entry of ``rows`` is a paragraph's row, preceded by its section's label when the
    section changes (``section`` is then that label, else None).
    """
    titles = {s.id: s.title for s in cov.sections}
    grouped: list[tuple[str, int, list[UnitCoverage]]] = []
    for unit in _in_order(cov):
        if grouped and grouped[-1][1] == unit.paragraph and grouped[-1][0] == unit.section:
            grouped[-1][2].append(unit)
        else:
            grouped.append((unit.section, unit.paragraph, [unit]))
    slots = max((len(r[2]) for r in grouped), default=1)
    rows = []
    current = None
    for section, paragraph, units in grouped:
        label = None
        if section != current:
            current = section
            label = f"{section} · {titles.get(section, '')}".rstrip(" ·")
        cells = [
            {
                "id": unit.id,
                "state": unit.state,
                "glyph": GLYPHS[unit.state],
                "item": _part_label(unit),
                "word": t("state." + unit.state, lang),
                "title": " ".join(
                    [
                        f"{unit.id} — {t('state.' + unit.state, lang)} — {unit.question}",
                        *(f"{n['mark']} {n['text']}" for n in _notes(unit)),
                    ]
                ),
                "wide": unit.item is None,
                "style": f"grid-column: span {slots}" if unit.item is None else "",
                **_follow_up_cell(unit, lang),
            }
            for unit in units
        ]
        rows.append({"section": label, "number": paragraph, "cells": cells})
    legend = _legend(lang)
    if cov.follow_up is not None:
        legend["extra"] = [_implementation_pill(s, lang) for s in IMPLEMENTATION_STATES]
    return {
        "title": t("fu.grid" if cov.follow_up else "cov.grid", lang),
        "legend": legend,
        "columns": f"grid-template-columns: 2.6em repeat({slots}, 1fr)",
        "rows": rows,
    }


def _notes(unit: UnitCoverage | None) -> list[Data]:
    """The footnotes cited in a unit's question words: ``{mark, text}`` each (``¹``, …)."""
    if unit is None:
        return []
    return [
        {"mark": superscript(n), "text": note}
        for n, note in enumerate(unit.question_notes, start=1)
    ]


def _listed(cov: Coverage) -> list[MinistryCoverage]:
    return [m for m in cov.ministries if m.assigned or m.given]


def _progress(cov: Coverage, lang: str) -> Data:
    """A bar per section and a bar per body."""
    sections = []
    for s in cov.sections:
        done = s.units - s.unanswered
        sections.append(
            {
                "id": s.id,
                "title": s.title,
                "indent": min(s.depth, 3),
                "bar": _stacked(s.states, s.units, lang, thin=True),
                "figure": f"{done}/{s.units} · {percent(done, s.units)} %",
            }
        )
    bodies = [
        {
            "code": m.code,
            "name": m.name,
            "bar": _stacked(own_statuses(m.code, cov.units), m.assigned, lang, thin=True),
            "figure": f"{m.answered}/{m.assigned} · {percent(m.answered, m.assigned)} %",
        }
        for m in _listed(cov)
    ]
    return {
        "by_section": t("cov.by_section", lang),
        "sections": sections,
        "by_body": t("cov.by_body", lang),
        "bodies": bodies,
        "note": t("cov.body_bar_note", lang),
    }


def _role(code: str, unit: UnitCoverage, lang: str) -> str:
    if unit.lead == code:
        return t("cov.role_lead", lang)
    if code in unit.contributors:
        return t("cov.role_contributor", lang)
    return t("cov.role_other", lang)


def _owed(cov: Coverage, lang: str) -> Data:
    """Per body, the units it still owes with the question's first words."""
    by_id = {u.id: u for u in cov.units}
    cards = []
    for m in _listed(cov):
        items = []
        for uid in m.unanswered:
            unit = by_id.get(uid)
            items.append(
                {
                    "id": uid,
                    "question": unit.question if unit else "",
                    "notes": _notes(unit),
                    "role": _role(m.code, unit, lang) if unit else "",
                    "selected": bool(unit and unit.selected),
                }
            )
        cards.append(
            {
                "code": m.code,
                "name": m.name if m.name and m.name != m.code else "",
                "count": len(m.unanswered),
                "owes": t("cov.owes_count", lang, count=len(m.unanswered)),
                "bar": _stacked(own_statuses(m.code, cov.units), m.assigned, lang, thin=True),
                "units": items,
            }
        )
    return {
        "title": t("cov.owed_title", lang),
        "single": bool(cov.ministry),
        "cards": cards,
        "nothing": t("cov.owes_nothing", lang),
    }


def _given(cov: Coverage, lang: str, body: MinistryCoverage) -> Data:
    """On a body's page: what it has given, its status and the unit's state."""
    by_id = {u.id: u for u in cov.units}
    rows = []
    for uid, status in body.given.items():
        unit = by_id.get(uid)
        rows.append(
            {
                "id": uid,
                "status": status,
                "role": _role(body.code, unit, lang) if unit else "",
                "its_status": _pill(status, lang),
                "unit_state": _pill(unit.state if unit else None, lang),
                "question": unit.question if unit else "",
                "notes": _notes(unit),
            }
        )
    keys = ("cov.unit", "cov.role", "cov.its_status", "cov.unit_state", "cov.question")
    return {
        "title": t("cov.given_title", lang),
        "head": [t(k, lang) for k in keys],
        "rows": rows,
        "none": t("cov.given_none", lang),
    }


def _breakdowns(cov: Coverage, lang: str) -> Data | None:
    """The units whose tables still lack a breakdown asked for; None if no unit asks any."""
    asking = [u for u in cov.units if u.data]
    if not asking:
        return None
    rows = [
        {
            "id": u.id,
            "lead": u.lead or "—",
            "state": _pill(u.state, lang),
            "asked": ", ".join(u.data),
            "missing": join_and(u.missing_breakdowns, lang),
            "count": len(u.missing_breakdowns),
        }
        for u in asking
        if u.missing_breakdowns
    ]
    keys = ("cov.unit", "cov.lead", "cov.state", "cov.data_asked", "cov.missing_breakdowns")
    return {
        "title": t("cov.breakdowns_title", lang),
        "head": [t(k, lang) for k in keys],
        "rows": rows,
        "note": t("cov.breakdowns_note", lang),
        "none": t("cov.breakdowns_none", lang),
    }


def _since(cov: Coverage, lang: str) -> Data | None:
    since = cov.since
    if since is None:
        return None
    deltas = []
    for state in STATES:
        before, now = since.totals.get(state, 0), cov.totals[state]
        diff = now - before
        direction = ""
        if state in ("unanswered", "approved") and diff:
            direction = "up" if (diff > 0) == (state == "approved") else "down"
        deltas.append(
            {
                "state": state,
                "before": before,
                "now": now,
                "glyph": GLYPHS[state],
                "word": t("state." + state, lang),
                "diff": f"({diff:+d})" if diff else "",
                "direction": direction,
            }
        )
    notes = since_not_counted(cov, lang)
    if since.added:
        notes.append(t("since.added", lang, ids=", ".join(since.added)))
    if since.removed:
        notes.append(t("since.removed", lang, ids=", ".join(since.removed)))
    notes += implementation_moves(cov, lang)
    moved = [c for c in cov.changes or [] if c.before is not None and c.after is not None]
    return {
        "heading": since_heading(cov, lang),
        "deltas": deltas if cov.ministry is None else [],
        "summary": since_summary(cov, lang),
        "notes": notes,
        "changes": [
            {
                "id": c.id,
                "before": c.before,
                "after": c.after,
                "before_pill": _pill(c.before, lang),
                "after_pill": _pill(c.after, lang),
            }
            for c in moved
        ],
        "bodies": [
            {
                "code": b.code,
                "newly_answered": _ids(b.newly_answered),
                "newly_approved": _ids(b.newly_approved),
                "went_back": _ids(b.went_back),
            }
            for b in since.bodies
            if b.moved
        ],
        "labels": {
            "changes": t("since.changes", lang),
            "unit": t("cov.unit", lang),
            "then_now": t("since.then_now", lang),
            "by_body": t("since.by_body", lang),
            "body": t("cov.body", lang),
            "newly_answered": t("since.newly_answered", lang),
            "newly_approved": t("since.newly_approved", lang),
            "went_back": t("since.went_back", lang),
            "no_body_moved": t("since.no_body_moved", lang),
        },
    }


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "—"


def _errors(cov: Coverage, lang: str, shown: int = 5) -> Data | None:
    """A red box naming each file that could not be read or holds errors, above everything."""
    if not cov.errors:
        return None
    files = []
    for file, problems in cov.error_files():
        more = len(problems) - shown
        files.append(
            {
                "file": file,
                "count": t("cov.errors_count", lang, count=len(problems)),
                "lines": [p.format(lang) for p in problems[:shown]],
                "more": t("cov.errors_more", lang, count=more) if more > 0 else "",
            }
        )
    return {"title": t("cov.errors_title", lang), "files": files}


# ------------------------------------------------------------ follow-up (coverage --follow-up)


def _in_order(cov: Coverage) -> list[UnitCoverage]:
    """The units in the order of their file (the follow-up lists the selected ones first)."""
    if cov.follow_up is None or not cov.follow_up.order:
        return cov.units
    rank = {uid: i for i, uid in enumerate(cov.follow_up.order)}
    return sorted(cov.units, key=lambda u: rank.get(u.id, len(rank)))


def _follow_up_cell(unit: UnitCoverage, lang: str) -> Data:
    """What a recommendation's grid cell adds: selected, implementation (nothing for a unit)."""
    if unit.implementation is None:
        return {"selected": False, "implementation": None}
    return {
        "selected": bool(unit.selected),
        "implementation": _implementation_pill(unit.implementation, lang),
        "title": (
            f"{unit.id} — {implementation_label(unit.implementation, lang)} — "
            f"{t('state.' + unit.state, lang)} — {unit.question}"
        ),
    }


def _implementation_pill(implementation: str | None, lang: str) -> Data:
    key = implementation or "unknown"
    return {
        "implementation": key,
        "glyph": IMPLEMENTATION_GLYPHS[key],
        "word": implementation_label(key, lang),
    }


def _follow_up_header(cov: Coverage, lang: str, body: MinistryCoverage | None) -> Data:
    info = cov.follow_up
    assert info is not None
    sub = body.name if body is not None and body.name != body.code else t("fu.dashboard", lang)
    facts = [cov.state, f"{t('fu.observations', lang)} {info.observations}"]
    if info.symbol:
        facts.append(f"{t('fu.symbol', lang)} {info.symbol}")
    return {
        "title": follow_up_title(cov, lang),
        "subtitle": " · ".join(x for x in [sub, *facts] if x),
        "generated_on": t("cov.generated_on", lang),
        "generated": cov.generated.isoformat(),
    }


def _follow_up(cov: Coverage, lang: str) -> Data:
    """The follow-up panel: days left until due, implementation, the selected recommendations."""
    info = cov.follow_up
    assert info is not None
    total = cov.totals["units"]
    tiles = [
        {
            **_implementation_pill(state, lang),
            "count": info.implementation.get(state, 0),
            "percent": f"{percent(info.implementation.get(state, 0), total)} %",
        }
        for state in IMPLEMENTATION_STATES
    ]
    days = info.days_left
    if days is None:
        countdown = ""
    elif days < 0:
        countdown = t("fu.days_overdue", lang, count=-days)
    else:
        countdown = t("fu.days", lang, count=days)
    by_id = {u.id: u for u in cov.units}
    selected = [
        {
            "id": uid,
            "implementation": _implementation_pill(by_id[uid].implementation, lang),
            "state": _pill(by_id[uid].state, lang),
            "lead": by_id[uid].lead or "—",
            "missing": ", ".join(by_id[uid].missing) or "—",
            "question": by_id[uid].question,
        }
        for uid in info.selected
        if uid in by_id
    ]
    keys = ("fu.recommendation", "fu.implementation", "fu.review", "cov.lead", "cov.missing")
    return {
        "title": t("fu.selected_title", lang),
        "due": due_text(cov, lang) if days is None else f"{t('fu.due_label', lang)} {info.due}",
        "days_left": days,
        "overdue": info.overdue,
        "countdown": countdown,
        "implementation_title": t("fu.implementation_title", lang),
        "tiles": tiles,
        "head": [*(t(k, lang) for k in keys), t("fu.text", lang)],
        "selected": selected,
        "none": t("fu.selected_none", lang),
        "note": t("fu.selected_note", lang),
        "owes_note": t("fu.body_owes_note", lang),
    }
