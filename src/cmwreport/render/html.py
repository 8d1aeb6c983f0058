"""The coverage dashboard: one self-contained HTML page for a coordination meeting (rakor).

Everything is inline (CSS, no script, no font, no external address), so the file works
offline and from a USB stick. It is laid out to be projected at 1280×720 (large type, high
contrast) and printed on A4. States are told apart by colour *and* by a glyph, a pattern
and a word, so the page reads in black and white and for colour-blind people.
Every text that comes from the workspace is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from cmwreport.coverage import (
    STATES,
    Coverage,
    MinistryCoverage,
    UnitCoverage,
    own_statuses,
)
from cmwreport.i18n import number as format_number
from cmwreport.i18n import t
from cmwreport.render.tables import (
    since_heading,
    since_not_counted,
    since_summary,
    state_label,
)
from cmwreport.text import percent

GLYPHS = {"unanswered": "○", "draft": "◔", "submitted": "◑", "approved": "●"}
"""A state's glyph: the circle fills up as the answer matures."""

CSS = """
:root { --ink:#111; --muted:#3d3d3d; --line:#8a8a8a; --bg:#fff; --band:#eef1f5;
  --un:#b3261e; --dr:#f2c230; --su:#2f6fce; --ap:#17753a; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 20px/1.35 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1260px; margin: 0 auto; padding: 14px 22px 28px; }
h1 { font-size: 34px; margin: 0; line-height: 1.15; }
h2 { font-size: 26px; margin: 26px 0 10px; padding-bottom: 4px;
  border-bottom: 3px solid var(--ink); }
h3 { font-size: 21px; margin: 0 0 6px; }
.top { display: flex; justify-content: space-between; align-items: flex-end; gap: 20px;
  border-bottom: 5px solid var(--ink); padding-bottom: 8px; }
.sub { margin: 4px 0 0; color: var(--muted); font-size: 20px; }
.asof { text-align: right; font-size: 18px; color: var(--muted); white-space: nowrap; }
.asof strong { display: block; font-size: 26px; color: var(--ink); }
.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin: 14px 0 10px; }
.tile { border: 3px solid var(--ink); border-radius: 8px; padding: 8px 12px; }
.tile .n { font-size: 46px; font-weight: 800; line-height: 1; }
.tile .l { font-size: 19px; font-weight: 600; }
.tile .p { font-size: 17px; color: var(--muted); }
.tile.total { background: var(--band); }
.tile.s-approved .p, .tile.s-submitted .p { color: inherit; }
.bar { display: flex; height: 34px; border: 2px solid var(--ink); border-radius: 6px;
  overflow: hidden; background: #fff; }
.bar.thin { height: 26px; }
.bar > span { display: flex; align-items: center; justify-content: center; font-weight: 700;
  font-size: 16px; white-space: nowrap; overflow: hidden; min-width: 0; }
.bar > span + span { border-left: 2px solid var(--ink); }
.s-unanswered { background: #fff repeating-linear-gradient(135deg, #f7d4d0 0 5px, #fff 5px 12px);
  color: #7a1410; }
.s-draft { background: #fde68a radial-gradient(#b38a00 1px, transparent 1.4px) 0 0/8px 8px;
  color: #3d2c00; }
.s-submitted { background: #bcd5fb; color: #0d2f66; }
.s-approved { background: var(--ap); color: #fff; }
.tile.s-unanswered { border-color: var(--un); border-style: dashed; }
.tile.s-draft { border-color: #a87d00; border-style: dotted; }
.tile.s-submitted { border-color: var(--su); }
.tile.s-approved { border-color: #0b4a22; }
.words { display: grid; grid-template-columns: 220px 1fr 400px; gap: 14px; align-items: center;
  margin-top: 12px; }
.words .bar { position: relative; }
.words .fill { background: #3b3b3b; }
.words .fill.over { background: var(--un); }
.words .mark { position: absolute; top: -2px; bottom: -2px; left: 90%;
  border-left: 3px dashed var(--un); }
.label { font-weight: 700; }
.note { color: var(--muted); font-size: 17px; margin: 4px 0 0; }
.legend { display: flex; flex-wrap: wrap; gap: 10px 18px; margin: 4px 0 12px; font-size: 18px; }
.legend .cell { width: auto; padding: 0 10px; }
.cols { columns: 3 360px; column-gap: 22px; }
.sec { break-inside: avoid; break-after: avoid; font-weight: 700; font-size: 17px;
  margin: 8px 0 3px; padding: 2px 6px; background: var(--band); border-left: 5px solid var(--ink); }
.cols > .sec:first-child { margin-top: 0; }
.prow { display: grid; gap: 4px; margin: 0 0 4px; break-inside: avoid; align-items: stretch; }
.pno { font-weight: 800; text-align: right; padding-right: 6px; font-size: 19px; }
.cell { display: inline-flex; align-items: center; justify-content: center; gap: 4px;
  height: 30px; border: 2px solid var(--ink); border-radius: 5px; font-weight: 700;
  font-size: 17px; }
.cell.s-unanswered { border-style: dashed; border-color: var(--un); }
.cell.s-draft { border-style: dotted; border-color: #6b5000; }
.cell .g { font-size: 19px; }
.cell.wide { justify-content: flex-start; padding-left: 8px; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 26px; }
.rows { display: grid; grid-template-columns: auto 1fr auto; gap: 6px 12px; align-items: center; }
.rows .name { font-weight: 700; white-space: nowrap; max-width: 300px; overflow: hidden;
  text-overflow: ellipsis; }
.rows .fig { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap;
  font-size: 18px; }
.rows .indent1 { padding-left: 18px; } .rows .indent2 { padding-left: 36px; }
.rows .indent3 { padding-left: 54px; }
.bodies { columns: 2 520px; column-gap: 22px; }
.bodies.single { columns: 1; }
.single ul { columns: 2 460px; column-gap: 28px; } .single li { break-inside: avoid; }
.body { break-inside: avoid; border: 2px solid var(--ink); border-radius: 8px; padding: 10px 12px;
  margin: 0 0 14px; }
.body h3 { display: flex; justify-content: space-between; gap: 10px; }
.body h3 .owe { white-space: nowrap; color: var(--un); }
.body h3 .owe.done { color: var(--ap); }
.body .full { font-size: 17px; color: var(--muted); margin: -4px 0 6px; }
.body ul { margin: 8px 0 0; padding: 0; list-style: none; }
.body li { padding: 3px 0; border-top: 1px solid #c9c9c9; font-size: 18px; }
.body li b { display: inline-block; min-width: 3.4em; }
.body li .role { font-size: 15px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 18px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left;
  vertical-align: top; }
th { background: var(--band); border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.pill { display: inline-block; padding: 0 8px; border-radius: 5px; border: 2px solid var(--ink);
  font-weight: 700; font-size: 16px; white-space: nowrap; }
.pill.s-unanswered { border-style: dashed; border-color: var(--un); }
.pill.s-draft { border-style: dotted; }
.since { border: 3px solid var(--su); border-radius: 8px; padding: 10px 14px; margin-top: 16px; }
.since h2 { margin-top: 0; border-bottom-color: var(--su); }
.delta { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 6px 0 10px; }
.delta div { border: 2px solid var(--line); border-radius: 6px; padding: 4px 10px;
  font-size: 18px; }
.delta b { font-size: 24px; }
.up { color: var(--ap); font-weight: 800; } .down { color: var(--un); font-weight: 800; }
.notes { margin: 6px 0; padding-left: 22px; }
.errors { border: 4px solid var(--un); border-radius: 8px; padding: 8px 14px; margin: 14px 0;
  background: #fdecea; }
.errors p { margin: 0 0 6px; font-weight: 800; color: #7a1410; }
.errors ul { margin: 0; padding-left: 22px; } .errors li { font-size: 18px; }
.errors code { font-size: 16px; white-space: pre-wrap; }
footer { margin-top: 24px; border-top: 2px solid var(--ink); padding-top: 6px; font-size: 15px;
  color: var(--muted); }
@media print {
  @page { size: A4; margin: 12mm 11mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 12pt; } h3 { font-size: 11pt; }
  .sub, .asof { font-size: 10pt; } .asof strong { font-size: 13pt; }
  .tile .n { font-size: 22pt; } .tile .l, .tile .p { font-size: 9pt; }
  .tile { padding: 4pt 6pt; }
  .bar { height: 16pt; } .bar.thin { height: 13pt; } .bar > span { font-size: 8pt; }
  .words { grid-template-columns: 40mm 1fr 55mm; }
  .legend, .note, .rows .fig, .body li, table, .delta div, .pill { font-size: 9pt; }
  .cols { columns: 3; }
  .cell { height: 15pt; font-size: 8.5pt; } .cell .g { font-size: 10pt; } .pno { font-size: 10pt; }
  .sec { font-size: 9pt; }
  .bodies { columns: 2; }
  .body { padding: 5pt 7pt; } .body .full, .body li .role { font-size: 8.5pt; }
  .delta b { font-size: 12pt; }
  h2 { break-after: avoid; }
  .grid-part { break-before: page; }
  .body { break-inside: auto; } .body li, .body h3 { break-inside: avoid; }
  footer { font-size: 8pt; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _state_word(state: str, lang: str) -> str:
    word = t("state." + state, lang)
    return word[:1].upper() + word[1:]


def _pill(state: str | None, lang: str, *, removed: bool = False) -> str:
    if state is None:
        return f'<span class="pill">{_e(state_label(None, lang, removed=removed))}</span>'
    return (
        f'<span class="pill s-{state}" data-state="{state}">{GLYPHS[state]} '
        f"{_e(t('state.' + state, lang))}</span>"
    )


def _stacked(counts: dict[str, int], total: int, lang: str, *, thin: bool = False) -> str:
    """A bar split by state, each part labelled with its count when there is room."""
    parts = []
    for state in STATES:
        n = counts.get(state, 0)
        if not n or not total:
            continue
        share = 100 * n / total
        label = f"{GLYPHS[state]} {n}" if share >= (13 if thin else 6) else ""
        title = f"{t('state.' + state, lang)}: {n}"
        parts.append(
            f'<span class="s-{state}" style="width:{share:.2f}%" title="{_e(title)}">{label}</span>'
        )
    return f'<div class="bar{" thin" if thin else ""}">{"".join(parts)}</div>'


def _header(cov: Coverage, lang: str, body: MinistryCoverage | None) -> str:
    if body is not None:
        title = t("cov.title_ministry", lang, code=cov.ministry)
        sub = body.name if body.name and body.name != body.code else ""
    else:
        title = t("cov.title", lang)
        sub = t("cov.dashboard", lang)
    facts = [cov.state, f"{t('cov.list_of_issues', lang)} {cov.symbol}"]
    if cov.report_symbol:
        facts.append(f"{t('cov.report_symbol', lang)} {cov.report_symbol}")
    subtitle = " · ".join(x for x in [sub, *facts] if x)
    return (
        f'<header class="top"><div><h1>{_e(title)}</h1><p class="sub">{_e(subtitle)}</p></div>'
        f'<div class="asof">{_e(t("cov.generated_on", lang))}'
        f"<strong>{_e(cov.generated.isoformat())}</strong></div></header>"
    )


def _overview(cov: Coverage, lang: str, body: MinistryCoverage | None) -> str:
    """The big figures: units by state (on a body's page, its own answers) and words."""
    if body is not None:
        counts = own_statuses(body.code, cov.units)
        total = body.assigned
        total_label = t("cov.assigned", lang)
    else:
        counts = {s: cov.totals[s] for s in STATES}
        total = cov.totals["units"]
        total_label = t("cov.units", lang).capitalize()
    done = t("cov.percent_done", lang, percent=percent(total - counts["unanswered"], total))
    tiles = [
        f'<div class="tile total" data-total="{total}"><div class="n">{total}</div>'
        f'<div class="l">{_e(total_label)}</div><div class="p">{_e(done)}</div></div>'
    ]
    for state in STATES:
        n = counts[state]
        tiles.append(
            f'<div class="tile s-{state}" data-state="{state}" data-count="{n}">'
            f'<div class="n">{n}</div><div class="l">{GLYPHS[state]} '
            f'{_e(_state_word(state, lang))}</div><div class="p">{percent(n, total)} %</div></div>'
        )
    out = [f'<section class="overview"><div class="tiles">{"".join(tiles)}</div>']
    out.append(_stacked(counts, total, lang))
    if body is not None:
        out.append(f'<p class="note">{_e(t("cov.body_tiles_note", lang, code=body.code))}</p>')
    else:
        out.append(_words(cov, lang))
    out.append("</section>")
    return "".join(out)


def _words(cov: Coverage, lang: str) -> str:
    share = percent(cov.words, cov.limit)
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
        percent=share,
    )
    return (
        f'<div class="words" data-words="{cov.words}" data-limit="{cov.limit}">'
        f'<div class="label">{_e(t("cov.words_title", lang))}</div>'
        f'<div class="bar"><span class="fill{" over" if over else ""}" '
        f'style="width:{width:.2f}%"></span><span class="mark"></span></div>'
        f'<div><span class="label">{_e(figures)}</span><br>'
        f'<span class="{"down" if over else "note"}">{_e(rest)}</span></div></div>'
        f'<p class="note">{_e(t("cov.words_note", lang, lang=cov.language))}</p>'
    )


def _legend(lang: str) -> str:
    items = "".join(
        f'<span class="cell s-{s}"><span class="g">{GLYPHS[s]}</span> '
        f"{_e(t('state.' + s, lang))}</span>"
        for s in STATES
    )
    return f'<div class="legend" aria-label="{_e(t("cov.legend", lang))}">{items}</div>'


def _grid(cov: Coverage, lang: str) -> str:
    """Every unit as a coloured cell: a row per paragraph, a cell per item, LOIPR order."""
    titles = {s.id: s.title for s in cov.sections}
    rows: list[tuple[str, int, list[UnitCoverage]]] = []
    for unit in cov.units:
        if rows and rows[-1][1] == unit.paragraph and rows[-1][0] == unit.section:
            rows[-1][2].append(unit)
        else:
            rows.append((unit.section, unit.paragraph, [unit]))
    slots = max((len(r[2]) for r in rows), default=1)
    template = f"grid-template-columns: 2.6em repeat({slots}, 1fr)"
    out = [f'<section class="grid-part"><h2>{_e(t("cov.grid", lang))}</h2>', _legend(lang)]
    out.append('<div class="cols">')
    current = None
    for section, number, units in rows:
        if section != current:
            current = section
            label = f"{section} · {titles.get(section, '')}".rstrip(" ·")
            out.append(f'<div class="sec">{_e(label)}</div>')
        cells = []
        for unit in units:
            title = f"{unit.id} — {t('state.' + unit.state, lang)} — {unit.question}"
            if unit.item is None:
                text = f'<span class="g">{GLYPHS[unit.state]}</span> {_e(t("state." + unit.state, lang))}'  # noqa: E501
                span = f"grid-column: span {slots}"
                extra = " wide"
            else:
                text = f'{_e(unit.item)} <span class="g">{GLYPHS[unit.state]}</span>'
                span = ""
                extra = ""
            cells.append(
                f'<span class="cell s-{unit.state}{extra}" data-unit="{_e(unit.id)}" '
                f'data-state="{unit.state}" title="{_e(title)}" style="{span}">{text}</span>'
            )
        out.append(
            f'<div class="prow" style="{template}"><span class="pno">{number}</span>'
            f"{''.join(cells)}</div>"
        )
    out.append("</div></section>")
    return "".join(out)


def _listed(cov: Coverage) -> list[MinistryCoverage]:
    return [m for m in cov.ministries if m.assigned or m.given]


def _progress(cov: Coverage, lang: str) -> str:
    """A bar per section and a bar per body."""
    sec_rows = []
    for s in cov.sections:
        done = s.units - s.unanswered
        sec_rows.append(
            f'<div class="name indent{min(s.depth, 3)}" title="{_e(s.title)}" '
            f'data-section="{_e(s.id)}">{_e(s.id)}</div>'
            f"{_stacked(s.states, s.units, lang, thin=True)}"
            f'<div class="fig">{done}/{s.units} · {percent(done, s.units)} %</div>'
        )
    body_rows = []
    for m in _listed(cov):
        counts = own_statuses(m.code, cov.units)
        body_rows.append(
            f'<div class="name" title="{_e(m.name)}">{_e(m.code)}</div>'
            f"{_stacked(counts, m.assigned, lang, thin=True)}"
            f'<div class="fig">{m.answered}/{m.assigned} · '
            f"{percent(m.answered, m.assigned)} %</div>"
        )
    return (
        '<section class="two">'
        f'<div><h2>{_e(t("cov.by_section", lang))}</h2><div class="rows">{"".join(sec_rows)}</div></div>'  # noqa: E501
        f'<div><h2>{_e(t("cov.by_body", lang))}</h2><div class="rows">{"".join(body_rows)}</div>'
        f'<p class="note">{_e(t("cov.body_bar_note", lang))}</p></div>'
        "</section>"
    )


def _role(code: str, unit: UnitCoverage, lang: str) -> str:
    if unit.lead == code:
        return t("cov.role_lead", lang)
    if code in unit.contributors:
        return t("cov.role_contributor", lang)
    return t("cov.role_other", lang)


def _owed(cov: Coverage, lang: str) -> str:
    """Per body, the units it still owes with the question's first words."""
    by_id = {u.id: u for u in cov.units}
    cards = []
    for m in _listed(cov):
        count = len(m.unanswered)
        owe = t("cov.owes_count", lang, count=count)
        items = []
        for uid in m.unanswered:
            unit = by_id.get(uid)
            question = unit.question if unit else ""
            role = _role(m.code, unit, lang) if unit else ""
            items.append(
                f'<li data-unit="{_e(uid)}"><b>{_e(uid)}</b> {_e(question)} '
                f'<span class="role">({_e(role)})</span></li>'
            )
        body = (
            f"<ul>{''.join(items)}</ul>" if items else f"<p>{_e(t('cov.owes_nothing', lang))}</p>"
        )
        name = f'<p class="full">{_e(m.name)}</p>' if m.name and m.name != m.code else ""
        cards.append(
            f'<div class="body" data-body="{_e(m.code)}" data-owes="{count}">'
            f'<h3><span>{_e(m.code)}</span><span class="owe{" done" if not count else ""}">'
            f"{_e(owe)}</span></h3>{name}"
            f"{_stacked(own_statuses(m.code, cov.units), m.assigned, lang, thin=True)}"
            f"{body}</div>"
        )
    single = " single" if cov.ministry else ""
    return (
        f"<section><h2>{_e(t('cov.owed_title', lang))}</h2>"
        f'<div class="bodies{single}">{"".join(cards)}</div></section>'
    )


def _given(cov: Coverage, lang: str, body: MinistryCoverage) -> str:
    """On a body's page: what it has given, its status and the unit's state."""
    by_id = {u.id: u for u in cov.units}
    rows = []
    for uid, status in body.given.items():
        unit = by_id.get(uid)
        rows.append(
            f'<tr data-unit="{_e(uid)}" data-status="{status}"><td><b>{_e(uid)}</b></td>'
            f"<td>{_e(_role(body.code, unit, lang) if unit else '')}</td>"
            f"<td>{_pill(status, lang)}</td><td>{_pill(unit.state if unit else None, lang)}</td>"
            f"<td>{_e(unit.question if unit else '')}</td></tr>"
        )
    head = "".join(
        f"<th>{_e(t(k, lang))}</th>"
        for k in ("cov.unit", "cov.role", "cov.its_status", "cov.unit_state", "cov.question")
    )
    content = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else f"<p>{_e(t('cov.given_none', lang))}</p>"
    )
    return f'<section class="given"><h2>{_e(t("cov.given_title", lang))}</h2>{content}</section>'


def _since(cov: Coverage, lang: str) -> str:
    since = cov.since
    if since is None:
        return ""
    deltas = []
    for state in STATES:
        before, now = since.totals.get(state, 0), cov.totals[state]
        diff = now - before
        cls = ""
        if state in ("unanswered", "approved") and diff:
            cls = "up" if (diff > 0) == (state == "approved") else "down"
        sign = f' <span class="{cls}">({diff:+d})</span>' if diff else ""
        deltas.append(
            f'<div data-state="{state}" data-before="{before}" data-now="{now}">'
            f"{GLYPHS[state]} {_e(t('state.' + state, lang))}<br>"
            f"<b>{before} → {now}</b>{sign}</div>"
        )
    out = [
        f'<section class="since" id="since"><h2>{_e(since_heading(cov, lang))}</h2>',
        f'<div class="delta">{"".join(deltas)}</div>' if cov.ministry is None else "",
        f'<p class="label">{_e(since_summary(cov, lang))}</p>',
    ]
    notes = since_not_counted(cov, lang)
    if since.added:
        notes.append(t("since.added", lang, ids=", ".join(since.added)))
    if since.removed:
        notes.append(t("since.removed", lang, ids=", ".join(since.removed)))
    if notes:
        out.append('<ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>")
    moved = [c for c in cov.changes or [] if c.before is not None and c.after is not None]
    body_rows = [b for b in since.bodies if b.moved]
    tables = []
    if moved:
        rows = "".join(
            f'<tr data-change="{_e(c.id)}" data-from="{c.before}" data-to="{c.after}">'
            f"<td><b>{_e(c.id)}</b></td><td>{_pill(c.before, lang)} → {_pill(c.after, lang)}</td></tr>"  # noqa: E501
            for c in moved
        )
        tables.append(
            f"<div><h3>{_e(t('since.changes', lang))}</h3><table><thead><tr>"
            f"<th>{_e(t('cov.unit', lang))}</th><th>{_e(t('since.then_now', lang))}</th>"
            f"</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    if body_rows:
        rows = "".join(
            f'<tr data-body="{_e(b.code)}"><td><b>{_e(b.code)}</b></td>'
            f"<td>{_ids(b.newly_answered)}</td><td>{_ids(b.newly_approved)}</td>"
            f"<td>{_ids(b.went_back)}</td></tr>"
            for b in body_rows
        )
        tables.append(
            f"<div><h3>{_e(t('since.by_body', lang))}</h3><table><thead><tr>"
            f"<th>{_e(t('cov.body', lang))}</th><th>{_e(t('since.newly_answered', lang))}</th>"
            f"<th>{_e(t('since.newly_approved', lang))}</th>"
            f"<th>{_e(t('since.went_back', lang))}</th></tr></thead><tbody>{rows}</tbody>"
            "</table></div>"
        )
    else:
        tables.append(f"<div><p>{_e(t('since.no_body_moved', lang))}</p></div>")
    out.append(f'<div class="two">{"".join(tables)}</div></section>')
    return "".join(out)


def _ids(ids: Sequence[str]) -> str:
    return _e(", ".join(ids)) if ids else "—"


def render_coverage_html(cov: Coverage, lang: str = "en") -> str:
    """The dashboard (or, with ``cov.ministry``, one body's page) as a complete HTML file."""
    body = next((m for m in cov.ministries if m.code == cov.ministry), None)
    title = (
        t("cov.title_ministry", lang, code=cov.ministry) if cov.ministry else t("cov.title", lang)
    )
    parts = [
        _header(cov, lang, body),
        _errors(cov, lang),
        _overview(cov, lang, body),
        _since(cov, lang),
    ]
    if body is not None:
        parts.append(_owed(cov, lang))
        parts.append(_given(cov, lang, body))
        parts.append(_grid(cov, lang))
    else:
        parts.append(_progress(cov, lang))
        parts.append(_grid(cov, lang))
        parts.append(_owed(cov, lang))
    parts.append(f"<footer>{_e(t('cov.footer', lang))}</footer>")
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)} — {_e(cov.state)} — {_e(cov.generated.isoformat())}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(p for p in parts if p)
        + "\n</main>\n</body>\n</html>\n"
    )


def _errors(cov: Coverage, lang: str, shown: int = 5) -> str:
    """A red box naming each file that could not be read or holds errors, above everything."""
    if not cov.errors:
        return ""
    items = []
    for file, problems in cov.error_files():
        lines = "".join(f"<br><code>{_e(p.format(lang))}</code>" for p in problems[:shown])
        if len(problems) > shown:
            lines += f"<br>{_e(t('cov.errors_more', lang, count=len(problems) - shown))}"
        items.append(
            f'<li data-file="{_e(file)}"><b>{_e(file)}</b> — '
            f"{_e(t('cov.errors_count', lang, count=len(problems)))}"
            f"{lines}</li>"
        )
    return (
        f'<section class="errors" id="errors" role="alert"><p>⚠ {_e(t("cov.errors_title", lang))}'
        f"</p><ul>{''.join(items)}</ul></section>"
    )
