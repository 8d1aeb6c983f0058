"""``coverage --follow-up`` (SPEC 7, issue 14 item 3): the recommendations in every format.

Each workspace is written as raw YAML text, as a coordinator and the desk officers type it.
The assertions are on content: the parsed JSON (``implementation``, ``selected``, ``due``,
``totals.implementation``), CSV cells, XLSX cells and the dashboard's marked elements.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl

from conftest import FOLLOW_UP_LOIPR, THREE_BODIES

MINISTRIES = THREE_BODIES


OBSERVATIONS = """\
symbol: CMW/C/TST/CO/2
adopted: 2026-01-20
report: CMW/C/TST/2
follow_up:
  due: 2028-01-20
  paragraphs: ["11", "12(b)"]
  word_limit: 3500
sections:
  - id: C-1
    title: General measures of implementation
    paragraphs:
      - number: 9
        text: The Committee notes the adoption of Law No. 18 of 2017.
      - number: 10
        lead: KEMLU
        contributors: [KP2MI]
        text: Ratify the conventions.
  - id: C-2
    title: Labour migration
    paragraphs:
      - number: 11
        lead: KEMNAKER
        text: Strengthen labour inspection.
      - number: 12
        lead: KP2MI
        contributors: [KEMNAKER]
        text: Ensure that recruitment agencies are monitored.
        items:
          - letter: a
            text: Licensing of agencies.
          - letter: b
            text: Placement fees charged to workers.
"""

KP2MI = """\
ministry: KP2MI
follow_up:
  - recommendation: "12(a)"
    implementation: partial
    status: submitted
    text:
      id: Izin agen dicabut.
      en: Licences were revoked.
  - recommendation: "12(b)"
    implementation: implemented
    status: approved
    text:
      id: Biaya penempatan dihapus.
      en: Placement fees were abolished.
  - recommendation: "10"
    implementation: not-started
    status: draft
    text: Belum dimulai.
"""

KEMNAKER = """\
ministry: KEMNAKER
follow_up:
  - recommendation: "12(b)"
    implementation: partial
    status: draft
    text:
      en: Inspectors check the fees of twenty agencies a year.
"""

KEMLU = """\
ministry: KEMLU
follow_up:
  - recommendation: "10"
    implementation: implemented
    status: approved
    text:
      en: The conventions were ratified.
"""

DUE = dt.date(2028, 1, 20)


def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()))


def _env(day: dt.date = DUE - dt.timedelta(days=30), lang: str = "") -> dict[str, str]:
    return {"CMWREPORT_LANG": lang, "SOURCE_DATE_EPOCH": _epoch(day)}


def _write(root: Path, files: dict[str, str | None] | None = None) -> Path:
    """A workspace of raw YAML texts; ``None`` leaves a file out."""
    texts: dict[str, str | None] = {
        "questions/ministries.yaml": MINISTRIES,
        "questions/loipr.yaml": FOLLOW_UP_LOIPR,
        "questions/observations.yaml": OBSERVATIONS,
        "answers/KP2MI.yaml": KP2MI,
        "answers/KEMNAKER.yaml": KEMNAKER,
        "answers/KEMLU.yaml": KEMLU,
    }
    texts.update(files or {})
    for rel, text in texts.items():
        if text is not None:
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (root / "answers").mkdir(exist_ok=True)
    return root


def _run(cli: Any, root: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    return cli("coverage", "--follow-up", "--root", str(root), *args, env=env or _env())


def _json(cli: Any, root: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = _run(cli, root, "--format", "json", *args, env=env)
    assert result.exit_code == 0, result.stdout + result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_implementation_selected_due(tmp_path: Path, cli: Any) -> None:
    data = _json(cli, _write(tmp_path))
    # The selected recommendations first, each part in the observations' order; paragraph 9
    # (no lead) is context, not a recommendation.
    assert [u["id"] for u in data["units"]] == ["11", "12(b)", "10", "12(a)"]
    units = {u["id"]: u for u in data["units"]}
    assert {k: (u["implementation"], u["state"], u["selected"]) for k, u in units.items()} == {
        "11": ("unknown", "unanswered", True),
        "12(b)": ("partial", "approved", True),  # least advanced: KEMNAKER's partial
        "10": ("not-started", "approved", False),  # KP2MI not started, KEMLU implemented
        "12(a)": ("partial", "submitted", False),
    }
    assert units["12(b)"]["statuses"] == {"KP2MI": "approved", "KEMNAKER": "draft"}
    assert units["12(a)"]["missing"] == ["KEMNAKER"]
    assert data["totals"]["units"] == 4
    assert data["totals"]["implementation"] == {
        "not-started": 1,
        "partial": 2,
        "implemented": 0,
        "unknown": 1,
    }
    assert data["due"] == "2028-01-20"
    assert data["days_left"] == 30
    assert data["follow_up"]["observations"] == "CMW/C/TST/CO/2"
    assert data["follow_up"]["selected"] == ["11", "12(b)"]
    assert data["follow_up"]["overdue"] is False
    owed = {m["code"]: m["unanswered"] for m in data["ministries"]}
    assert owed == {"KEMLU": [], "KEMNAKER": ["11", "12(a)"], "KP2MI": []}
    assert [s["id"] for s in data["sections"]] == ["C-1", "C-2"]
    # Words: all the follow-up information prints but its title block, in the report's
    # language: each selected recommendation's heading, its text quoted, the replies.
    assert data["words"]["limit"] == 3500
    printed = [
        "Information on follow-up to paragraph 11 of the concluding observations",
        "Strengthen labour inspection.",
        "Information on follow-up to paragraph 12 (b) of the concluding observations",
        "Ensure that recruitment agencies are monitored.",
        "Placement fees charged to workers.",
        "Placement fees were abolished.",
        "Inspectors check the fees of twenty agencies a year.",
    ]
    assert data["words"]["total"] == len(" ".join(printed).split()) == 48


def test_overdue_says_so(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    late = _env(DUE + dt.timedelta(days=12))
    data = _json(cli, root, env=late)
    assert data["days_left"] == -12
    assert data["follow_up"]["overdue"] is True
    text = _run(cli, root, env=late).stdout
    assert "Follow-up information was due 2028-01-20: OVERDUE by 12 days" in text
    page = _run(cli, root, "--format", "html", "--output", "-", env=late).stdout
    assert 'class="due overdue" data-days-left="-12"' in page
    assert "overdue by 12 days" in page


def test_ministry_limits_to_its_recommendations(tmp_path: Path, cli: Any) -> None:
    data = _json(cli, _write(tmp_path), "--ministry", "KEMNAKER")
    assert [u["id"] for u in data["units"]] == ["11", "12(b)", "12(a)"]
    assert [m["code"] for m in data["ministries"]] == ["KEMNAKER"]
    assert data["ministries"][0]["unanswered"] == ["11", "12(a)"]
    assert data["follow_up"]["selected"] == ["11", "12(b)"]
    assert data["totals"]["implementation"]["unknown"] == 1
    assert data["report"]["ministry"] == "KEMNAKER"


def test_csv_cells(tmp_path: Path, cli: Any) -> None:
    result = _run(cli, _write(tmp_path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[-2:] == ["implementation", "selected"]
    cells = {r["id"]: (r["state"], r["implementation"], r["selected"]) for r in rows}
    assert cells == {
        "11": ("unanswered", "unknown", "true"),
        "12(b)": ("approved", "partial", "true"),
        "10": ("approved", "not-started", "false"),
        "12(a)": ("submitted", "partial", "false"),
    }
    assert [r["id"] for r in rows] == ["11", "12(b)", "10", "12(a)"]


def test_xlsx_matrix(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    result = _run(cli, root, "--format", "xlsx")
    assert result.exit_code == 0, result.stderr
    target = root / "build" / "follow-up-coverage.xlsx"  # the default, beside coverage.xlsx
    wb = openpyxl.load_workbook(target)
    units = wb.worksheets[1]
    head = [c.value for c in units[1]]
    assert head[-2:] == ["Selected", "Implementation"]
    rows = {
        r[0]: (r[head.index("State")], r[-2], r[-1])
        for r in units.iter_rows(min_row=2, values_only=True)
    }
    assert rows == {
        "11": ("unanswered", "★", "no information"),
        "12(b)": ("approved", "★", "partially implemented"),
        "10": ("approved", None, "not started"),
        "12(a)": ("submitted", None, "partially implemented"),
    }
    summary = {r[0]: r[1] for r in wb.worksheets[0].iter_rows(values_only=True) if r[0] is not None}
    assert summary["Follow-up to the concluding observations CMW/C/TST/CO/2"] is None
    assert summary["Due"] == dt.datetime(2028, 1, 20)
    assert summary["Days left"] == 30
    assert summary["not started"] == 1 and summary["no information"] == 1


class Dashboard(HTMLParser):
    """The follow-up panel's rows, the grid's cells in order, and the days left."""

    def __init__(self) -> None:
        super().__init__()
        self.selected: list[tuple[str, str, str]] = []
        self.grid: list[str] = []
        self.starred: list[str] = []
        self.days_left: str | None = None
        self.implementation_tiles: dict[str, int] = {}
        self._cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "tr" and "selected" in classes:
            self.selected.append(
                (str(a["data-unit"]), str(a["data-implementation"]), str(a["data-state"]))
            )
        if tag == "span" and "cell" in classes and a.get("data-unit"):
            self._cell = str(a["data-unit"])
            self.grid.append(self._cell)
        if tag == "span" and "star" in classes and self._cell:
            self.starred.append(self._cell)
        if tag == "div" and "due" in classes:
            self.days_left = a.get("data-days-left")
        if tag == "div" and "tile" in classes and a.get("data-implementation"):
            self.implementation_tiles[str(a["data-implementation"])] = int(a["data-count"] or 0)


def test_dashboard_selected_first_with_days_left(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    result = _run(cli, root, "--format", "html")
    assert result.exit_code == 0, result.stderr
    html = (root / "build" / "follow-up-coverage.html").read_text(encoding="utf-8")
    page = Dashboard()
    page.feed(html)
    assert page.selected == [("11", "unknown", "unanswered"), ("12(b)", "partial", "approved")]
    assert page.days_left == "30"
    assert "30 days left" in html
    assert page.implementation_tiles == {
        "not-started": 1,
        "partial": 2,
        "implemented": 0,
        "unknown": 1,
    }
    # The grid keeps the observations' order; the selected cells carry a star.
    assert page.grid == ["10", "11", "12(a)", "12(b)"]
    assert page.starred == ["11", "12(b)"]
    assert "<h1>Follow-up to the concluding observations CMW/C/TST/CO/2</h1>" in html
    # The selected panel comes before the progress bars and the grid.
    assert html.index('id="follow-up"') < html.index('class="grid-part"')


def test_table_and_markdown(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    text = _run(cli, root).stdout
    assert "Follow-up information due 2028-01-20: 30 days left" in text
    assert "2 recommendations selected for follow-up" in text
    assert (
        "Implementation: not started 1 (25 %) · partially implemented 2 (50 %) · "
        "implemented 0 (0 %) · no information 1 (25 %)"
    ) in text
    table = text.split("Recommendations, the selected ones first\n")[1].splitlines()[2:]
    assert [line.replace("★", "").split()[0] for line in table] == ["11", "12(b)", "10", "12(a)"]
    assert [line.startswith("  ★") for line in table] == [True, True, False, False]
    md = _run(cli, root, "--format", "markdown").stdout
    assert "| ★ | 11 | no information | unanswered | KEMNAKER | KEMNAKER |" in md
    assert "| ★ | 12(b) | partially implemented | approved | KP2MI | — |" in md
    assert md.index("| ★ | 12(b)") < md.index("|  | 10 | not started | approved |")


def test_indonesian_labels(tmp_path: Path, cli: Any) -> None:
    text = _run(cli, _write(tmp_path), env=_env(lang="id")).stdout
    assert "Tindak lanjut observasi akhir CMW/C/TST/CO/2" in text
    assert "jatuh tempo 2028-01-20: sisa 30 hari" in text
    assert "belum dimulai 1" in text


def test_since_a_follow_up_snapshot(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    snapshot = tmp_path / "rakor-1.json"
    first = _run(cli, root, "--format", "json", "--output", str(snapshot))
    assert first.exit_code == 0, first.stderr
    # Between the meetings KEMNAKER reports on 11 and its entry on 12(b) is implemented.
    (root / "answers" / "KEMNAKER.yaml").write_text(
        KEMNAKER.replace("implementation: partial", "implementation: implemented")
        + '  - recommendation: "11"\n'
        "    implementation: partial\n"
        "    status: draft\n"
        "    text: Inspeksi diperkuat.\n",
        encoding="utf-8",
    )
    data = _json(cli, root, "--since", str(snapshot))
    assert data["changes"] == [{"id": "11", "from": "unanswered", "to": "draft"}]
    assert data["since"]["implementation"] == [
        {"id": "11", "from": "unknown", "to": "partial"},
        {"id": "12(b)", "from": "partial", "to": "implemented"},
    ]
    kemnaker = next(b for b in data["since"]["bodies"] if b["code"] == "KEMNAKER")
    assert kemnaker["newly_answered"] == ["11"]
    text = _run(cli, root, "--since", str(snapshot)).stdout
    assert "Implementation of 12(b): partially implemented → implemented" in text
    assert "1 unit changed state: 1 moved forward, 0 moved back" in text
    page = _run(cli, root, "--format", "html", "--output", "-", "--since", str(snapshot)).stdout
    assert 'data-change="11" data-from="unanswered" data-to="draft"' in page


def test_snapshots_of_report_and_follow_up_are_kept_apart(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    report_snap = tmp_path / "report.json"
    follow_snap = tmp_path / "follow-up.json"
    made = cli("coverage", "--root", str(root), "--format", "json", "--output", str(report_snap))
    assert made.exit_code == 0, made.stderr
    assert _run(cli, root, "--format", "json", "--output", str(follow_snap)).exit_code == 0
    refused = _run(cli, root, "--since", str(report_snap))
    assert refused.exit_code == 1
    assert "snapshot of the report's coverage, not of the follow-up" in refused.stderr
    refused = cli("coverage", "--root", str(root), "--since", str(follow_snap))
    assert refused.exit_code == 1
    assert "snapshot of the follow-up coverage" in refused.stderr


def test_no_observations_is_a_usage_error(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path, {"questions/observations.yaml": None})
    result = _run(cli, root)
    assert result.exit_code == 2
    assert "no concluding observations yet: write questions/observations.yaml first" in (
        result.stderr
    )


def test_a_broken_answers_file_is_named_and_exits_1(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path, {"answers/KEMNAKER.yaml": "ministry: KEMNAKER\nfollow_up: [\n"})
    result = _run(cli, root, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {e["file"] for e in data["errors"]} == {"answers/KEMNAKER.yaml"}
    assert "answers/KEMNAKER.yaml" in result.stderr


def test_only_implementation_moved_is_not_nothing(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    snapshot = tmp_path / "rakor-1.json"
    assert _run(cli, root, "--format", "json", "--output", str(snapshot)).exit_code == 0
    (root / "answers" / "KEMNAKER.yaml").write_text(
        KEMNAKER.replace("implementation: partial", "implementation: implemented"),
        encoding="utf-8",
    )
    text = _run(cli, root, "--since", str(snapshot)).stdout
    assert "No review state moved; the implementation of 1 recommendation moved." in text
    assert "Nothing moved" not in text


def test_the_report_coverage_is_unchanged(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    result = cli("coverage", "--root", str(root), "--format", "json", env=_env())
    data = json.loads(result.stdout)
    assert [u["id"] for u in data["units"]] == ["1"]
    assert "implementation" not in data["units"][0] and "selected" not in data["units"][0]
    assert "due" not in data and "follow_up" not in data
    assert "implementation" not in data["totals"]
    made = cli("coverage", "--root", str(root), "--format", "html", env=_env())
    assert made.exit_code == 0, made.stderr
    assert (root / "build" / "coverage.html").is_file()
    assert not (root / "build" / "follow-up-coverage.html").exists()
