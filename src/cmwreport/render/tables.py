"""Plain-text renderers of the coverage: terminal table, Markdown and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from cmwreport.coverage import STATES, Coverage
from cmwreport.i18n import t


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


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
    if cov.ministry:
        return t("cov.title_ministry", lang, code=cov.ministry)
    return t("cov.title", lang)


def _subtitle(cov: Coverage, lang: str) -> str:
    return t(
        "cov.subtitle", lang, state=cov.state, symbol=cov.symbol, date=cov.generated.isoformat()
    )


def _totals_line(cov: Coverage, lang: str) -> str:
    total = cov.totals["units"]
    parts = [f"{total} {t('cov.units', lang)}"]
    for state in STATES:
        count = cov.totals[state]
        parts.append(f"{t('state.' + state, lang)} {count} ({_percent(count, total)} %)")
    return " · ".join(parts)


def _words_line(cov: Coverage, lang: str) -> str:
    return t(
        "cov.words",
        lang,
        lang=cov.language,
        words=f"{cov.words:,}",
        limit=f"{cov.limit:,}",
        percent=_percent(cov.words, cov.limit),
    )


def _owes(codes: Sequence[str], lang: str, limit: int = 12) -> str:
    if not codes:
        return "—"
    shown = ", ".join(codes[:limit])
    return shown + (f" … (+{len(codes) - limit})" if len(codes) > limit else "")


def render_table(cov: Coverage, lang: str = "en") -> str:
    """The readable terminal summary (the default ``coverage`` output)."""
    out = [
        _title(cov, lang),
        _subtitle(cov, lang),
        "",
        _totals_line(cov, lang),
        _words_line(cov, lang),
        "",
        t("cov.by_section", lang),
    ]
    rows = [[t("cov.section", lang), "", t("cov.units", lang), t("state.unanswered", lang), ""]]
    for s in cov.sections:
        done = s.units - s.unanswered
        rows.append(
            [
                "  " * s.depth + s.id,
                _short(s.title, 44),
                str(s.units),
                str(s.unanswered),
                f"{_bar(done, s.units)} {_percent(done, s.units):>3} %",
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
            [m.code, str(m.assigned), str(m.answered), str(m.approved), _owes(m.unanswered, lang)]
        )
    out += ["  " + line for line in _grid(rows, right=(1, 2, 3))]
    if cov.ministry:
        out += ["", t("cov.all_units", lang)]
        rows = [[t("cov.unit", lang), t("cov.state", lang), t("cov.question", lang)]]
        for u in cov.units:
            rows.append([u.id, t("state." + u.state, lang), _short(u.question, 60)])
        out += ["  " + line for line in _grid(rows)]
    return "\n".join(out) + "\n"


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
        f"**{_totals_line(cov, lang)}**",
        "",
        _words_line(cov, lang),
        "",
        f"## {t('cov.by_section', lang)}",
        "",
    ]
    out.append(
        f"| {t('cov.section', lang)} | | {t('cov.units', lang)} | "
        f"{t('state.unanswered', lang)} | % |"
    )
    out.append("|---|---|--:|--:|--:|")
    for s in cov.sections:
        indent = "&nbsp;&nbsp;" * s.depth
        out.append(
            f"| {indent}{_md(s.id)} | {_md(s.title)} | {s.units} | {s.unanswered} | "
            f"{_percent(s.units - s.unanswered, s.units)} |"
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
            f"| {m.code} | {m.assigned} | {m.answered} | {m.approved} | "
            f"{', '.join(m.unanswered) or '—'} |"
        )
    out += ["", f"## {t('cov.all_units', lang)}", ""]
    out.append(
        f"| {t('cov.unit', lang)} | {t('cov.state', lang)} | {t('cov.lead', lang)} | "
        f"{t('cov.answered_by', lang)} | {t('cov.missing', lang)} | "
        f"{t('cov.question', lang)} |"
    )
    out.append("|---|---|---|---|---|---|")
    for u in cov.units:
        out.append(
            f"| {u.id} | {t('state.' + u.state, lang)} | {u.lead or '—'} | "
            f"{', '.join(u.answered_by) or '—'} | {', '.join(u.missing) or '—'} | "
            f"{_md(u.question)} |"
        )
    return "\n".join(out) + "\n"


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
)


def render_csv(cov: Coverage, lang: str = "en") -> str:
    """One row per unit, with the stable column names of the JSON output."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for u in cov.units:
        writer.writerow(
            [
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
            ]
        )
    return buffer.getvalue()
