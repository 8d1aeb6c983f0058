"""What the statistics are broken down by (SPEC 6): ``by:`` on tables, ``missing-disaggregation``.

Every workspace here is written as raw YAML, as a desk officer types it; assertions are on
the exact ``FILE:LINE: SEVERITY[CODE]``, the message, the coverage JSON, CSV, Markdown,
the XLSX cells and the dashboard's HTML.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cmwreport.breakdowns import gives, missing_breakdowns
from cmwreport.models import Table
from conftest import EXAMPLE

LOIPR = """\
committee: CMW
state: Indonesia
symbol: CMW/C/IDN/QPR/2
report:
  title: Second periodic report submitted by Indonesia
  language: en
  drafting_languages: [id, en]
sections:
  - id: III
    title: Data
    paragraphs:
      - number: 11
        lead: BPS
        contributors: [KP2MI]
        text: Please provide statistical data, for the years 2020 to 2024, on
        items:
          - letter: a
            data: [sex, age, destination, sector, year]
            text: The number of Indonesian migrant workers placed abroad;
          - letter: b
            text: The number of returning migrant workers.
      - number: 12
        lead: KP2MI
        data: [sex, country of destination]
        text: Please provide data on complaints.
"""

MINISTRIES = """\
ministries:
  - code: BPS
    name: Statistics Indonesia
  - code: KP2MI
    name: {en: Ministry for the Protection of Indonesian Migrant Workers, id: KP2MI}
"""

BPS_BY = """\
ministry: BPS
answers:
  - question: "11(a)"
    status: submitted
    text:
      en: |
        Placements fell in 2020 and 2021 and recovered from 2022.
    tables:
      - title: Placements abroad, 2020-2024
        by: [sex, destination, year]
        columns: [Year, Destination, Men, Women]
        rows:
          - [2024, Malaysia, 35000, 20000]
"""


def _workspace(root: Path, **answers: str) -> Path:
    (root / "questions").mkdir(parents=True)
    (root / "answers").mkdir()
    (root / "questions" / "loipr.yaml").write_text(LOIPR, encoding="utf-8")
    (root / "questions" / "ministries.yaml").write_text(MINISTRIES, encoding="utf-8")
    for code, text in answers.items():
        (root / "answers" / f"{code}.yaml").write_text(text, encoding="utf-8")
    return root


def _check(cli: Any, root: Path, *extra: str) -> list[dict[str, Any]]:
    result = cli("check", "--format", "json", "--root", str(root), *extra)
    problems: list[dict[str, Any]] = json.loads(result.stdout)["problems"]
    return problems


def _coded(problems: list[dict[str, Any]], code: str) -> list[dict[str, Any]]:
    return [p for p in problems if p["code"] == code]


def _units(cli: Any, root: Path, *extra: str) -> dict[str, dict[str, Any]]:
    result = cli("coverage", "--format", "json", "--root", str(root), *extra)
    return {u["id"]: u for u in json.loads(result.stdout)["units"]}


# ------------------------------------------------------------------------------ check


def test_the_real_case_names_age_and_sector(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_BY)
    result = cli("check", "--root", str(root))
    lines = [line for line in result.stdout.splitlines() if "missing-disaggregation" in line]
    assert lines == [
        "answers/BPS.yaml:3: warning[missing-disaggregation] 11(a) asks for statistics by "
        "sex, age, destination, sector and year, but no table of its answers is broken down "
        "by age and sector: name them in the `by:` of the tables that give them, or add a table"
    ]
    assert result.exit_code == 0  # a warning
    assert cli("check", "--strict", "--root", str(root)).exit_code == 1


def test_the_message_in_indonesian_and_spanish(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_BY)
    (found,) = _coded(_check(cli, root, "--ui-lang", "id"), "missing-disaggregation")
    assert found["message"] == (
        "11(a) meminta data statistik menurut sex, age, destination, sector dan year, tetapi "
        "belum ada tabel dalam jawabannya yang dirinci menurut age dan sector: sebutkan "
        "rinciannya di `by:` pada tabel yang memuatnya, atau tambahkan tabel"
    )
    (found,) = _coded(_check(cli, root, "--ui-lang", "es"), "missing-disaggregation")
    assert "desglosa por age y sector" in found["message"]
    assert "indique esos desgloses" in found["message"]


def test_one_missing_breakdown_is_said_in_the_singular(cli: Any, tmp_path: Path) -> None:
    bps = BPS_BY.replace("by: [sex, destination, year]", "by: [Sex, AGE, Destination, year]")
    (found,) = _coded(_check(cli, _workspace(tmp_path / "ws", BPS=bps)), "missing-disaggregation")
    assert found["message"].endswith(
        "broken down by sector: name it in the `by:` of the table that gives it, or add a table"
    )


def test_a_table_without_by_is_read_by_its_title_and_headings(cli: Any, tmp_path: Path) -> None:
    bps = (
        BPS_BY.replace("        by: [sex, destination, year]\n", "")
        .replace(
            "title: Placements abroad, 2020-2024",
            "title: Placements abroad by sex and main destination, 2020-2024",
        )
        .replace(
            "columns: [Year, Destination, Men, Women]", "columns: [Year, Age group, Men, Women]"
        )
    )
    (found,) = _coded(_check(cli, _workspace(tmp_path / "ws", BPS=bps)), "missing-disaggregation")
    assert "broken down by sector:" in found["message"]


def test_by_is_the_tables_own_word_title_and_headings_are_then_not_read(
    cli: Any, tmp_path: Path
) -> None:
    bps = BPS_BY.replace(
        "title: Placements abroad, 2020-2024", "title: Placements by age and sector, 2020-2024"
    )
    (found,) = _coded(_check(cli, _workspace(tmp_path / "ws", BPS=bps)), "missing-disaggregation")
    assert "broken down by age and sector:" in found["message"]


def test_the_tables_of_all_answers_count_together_and_the_lead_is_told(
    cli: Any, tmp_path: Path
) -> None:
    kp2mi = """\
ministry: KP2MI
answers:
  - question: "11"
    status: draft
    text: {en: Placements by sector are compiled by KP2MI.}
    tables:
      - title: Placements by sector and age group, 2024
        columns: [Sector, "15-24", "25-39", "40+"]
        rows:
          - [Domestic work, 1, 2, 3]
"""
    root = _workspace(tmp_path / "ws", BPS=BPS_BY, KP2MI=kp2mi)
    assert _coded(_check(cli, root), "missing-disaggregation") == []
    assert _units(cli, root)["11(a)"]["missing_breakdowns"] == []
    # Without BPS's table, the unit still lacks destination; said at KP2MI's answer (the
    # lead did not answer), for both the lead and KP2MI.
    (root / "answers" / "BPS.yaml").unlink()
    (found,) = _coded(_check(cli, root), "missing-disaggregation")
    assert (found["file"], found["line"]) == ("answers/KP2MI.yaml", 3)
    assert "broken down by sex, destination and year:" in found["message"]
    for body in ("BPS", "KP2MI"):
        assert _coded(_check(cli, root, "--ministry", body), "missing-disaggregation")


def test_said_at_the_leads_answer_and_not_for_a_contributor_who_has_no_part(
    cli: Any, tmp_path: Path
) -> None:
    kp2mi = """\
ministry: KP2MI
answers:
  - question: "11(a)"
    status: draft
    text: {en: KP2MI adds the placements by sector.}
    tables:
      - title: Placements by sector, 2024
        columns: [Sector, Total]
        rows:
          - [Domestic work, 100]
"""
    root = _workspace(tmp_path / "ws", KP2MI=kp2mi, BPS=BPS_BY)
    (found,) = _coded(_check(cli, root), "missing-disaggregation")
    assert (found["file"], found["line"]) == ("answers/BPS.yaml", 3)
    assert "broken down by age:" in found["message"]
    assert _coded(_check(cli, root, "--ministry", "BPS"), "missing-disaggregation")
    assert _coded(_check(cli, root, "--ministry", "KP2MI"), "missing-disaggregation") == []


def test_no_table_at_all_is_missing_data_only_and_no_answer_is_unanswered(
    cli: Any, tmp_path: Path
) -> None:
    prose = """\
ministry: BPS
answers:
  - question: "11(a)"
    status: draft
    text: {en: Figures will follow.}
"""
    problems = _check(cli, _workspace(tmp_path / "a", BPS=prose))
    assert [(p["file"], p["line"]) for p in _coded(problems, "missing-data")] == [
        ("questions/loipr.yaml", 18),  # 11(a)'s data
        ("questions/loipr.yaml", 24),  # 12's, unanswered
    ]
    assert _coded(problems, "missing-disaggregation") == []
    problems = _check(cli, _workspace(tmp_path / "b"))
    assert {p["code"] for p in problems} == {"unanswered", "missing-data"}


def test_data_inherited_from_the_paragraph_is_checked(cli: Any, tmp_path: Path) -> None:
    kp2mi = """\
ministry: KP2MI
answers:
  - question: "12"
    status: draft
    text: {en: Complaints by sex.}
    tables:
      - title: Complaints by sex and destination country, 2024
        columns: [Year, Men, Women]
        rows:
          - [2024, 5, 7]
"""
    (found,) = _coded(
        _check(cli, _workspace(tmp_path / "ws", KP2MI=kp2mi)), "missing-disaggregation"
    )
    assert found["message"].startswith("12 asks for statistics by sex and country of destination")
    assert "broken down by country of destination:" in found["message"]


def test_an_unreadable_answers_file_of_an_assigned_body_holds_the_warning_back(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_BY, KP2MI="ministry: KP2MI\nanswers: [\n")
    problems = _check(cli, root)
    assert _coded(problems, "missing-disaggregation") == []
    assert _coded(problems, "yaml-syntax")


def test_by_of_the_wrong_type_is_an_invalid_record(cli: Any, tmp_path: Path) -> None:
    bps = BPS_BY.replace("by: [sex, destination, year]", "by: {sex: true}")
    problems = _check(cli, _workspace(tmp_path / "ws", BPS=bps))
    (found,) = _coded(problems, "invalid-record")
    assert (found["file"], found["line"]) == ("answers/BPS.yaml", 10)
    assert "by" in found["message"]


# --------------------------------------------------------------------------- the rule


def _table(**fields: Any) -> Table:
    return Table.model_validate({"title": "", "columns": ["A"], **fields})


@pytest.mark.parametrize(
    ("table", "breakdown", "given"),
    [
        ({"by": ["SEX"]}, "sex", True),
        ({"by": ["age group"]}, "age", True),
        ({"by": ["destination"]}, "country of destination", False),
        ({"by": ["countries of destination"]}, "country of destination", True),
        ({"by": ["sectors"]}, "sector", True),
        ({"by": ["sex"], "title": "by age"}, "age", False),
        ({"title": "Placements by sex, 2024"}, "sex", True),
        ({"title": "Placements by sexual orientation"}, "sex", False),
        ({"columns": ["Year", "Men", "Women"]}, "sex", False),
        ({"columns": ["Jenis kelamin", "Usia"]}, "jenis kelamin", True),
        ({"title": "Sex ratio", "columns": ["Age"]}, "sex age", False),
        ({"by": []}, "year", False),
        ({"by": [], "columns": ["Year"]}, "year", True),
    ],
)
def test_what_a_table_gives(table: dict[str, Any], breakdown: str, given: bool) -> None:
    assert gives(_table(**table), breakdown) is given


def test_missing_breakdowns_keep_the_order_of_data_and_name_each_once() -> None:
    tables = [_table(by=["sex"]), _table(title="by year")]
    assert missing_breakdowns(["sex", "Age", "year", "age", "sector"], tables) == (
        "Age",
        "sector",
    )
    assert missing_breakdowns(["sex", "age"], []) == ("sex", "age")
    assert missing_breakdowns([], tables) == ()


# -------------------------------------------------------------------------- coverage


def test_coverage_json_csv_and_markdown_carry_the_missing_breakdowns(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_BY)
    units = _units(cli, root)
    assert units["11(a)"]["missing_breakdowns"] == ["age", "sector"]
    assert units["11(a)"]["data"] == ["sex", "age", "destination", "sector", "year"]
    assert units["11(b)"]["missing_breakdowns"] == [] and units["11(b)"]["data"] == []
    # no table yet: everything asked for is still missing
    assert units["12"]["missing_breakdowns"] == ["sex", "country of destination"]
    # the SPEC's keys are unchanged
    assert {"id", "paragraph", "item", "section", "lead", "contributors", "state"} <= set(
        units["12"]
    )
    out = cli("coverage", "--format", "csv", "--root", str(root)).stdout
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["11(a)"]["missing_breakdowns"] == "age; sector"
    assert rows["12"]["data"] == "sex; country of destination"
    assert rows["11(b)"]["missing_breakdowns"] == ""
    md = cli("coverage", "--format", "markdown", "--root", str(root)).stdout
    header = next(line for line in md.splitlines() if line.startswith("| Unit | State"))
    assert header.endswith("| Question | Missing breakdowns |")
    row = next(line for line in md.splitlines() if line.startswith("| 11(a) |"))
    assert row.endswith("| age and sector |")
    assert next(line for line in md.splitlines() if line.startswith("| 11(b) |")).endswith("| — |")


def test_the_terminal_marks_the_units_with_a_flag(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_BY)
    out = cli("coverage", "--root", str(root), "--ui-lang", "id").stdout
    part = out[out.index("Data statistik yang masih kurang") :].splitlines()
    assert part[1].split()[0] == "Unit" and part[1].endswith("Rincian yang belum ada")
    assert part[2].split() == ["⚑", "11(a)", "BPS", "age", "dan", "sector"]
    assert part[3].split() == ["⚑", "12", "KP2MI", "sex", "dan", "country", "of", "destination"]


def test_the_xlsx_units_sheet_ends_with_the_missing_breakdowns(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_BY)
    target = tmp_path / "out" / "matrix.xlsx"
    cli("coverage", "--format", "xlsx", "--output", str(target), "--root", str(root))
    ws = openpyxl.load_workbook(target)["Units"]
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["Statistics asked for", "Missing breakdowns"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert rows["11(a)"][-2].value == "sex, age, destination, sector, year"
    assert rows["11(a)"][-1].value == "age and sector"
    assert str(rows["11(a)"][-1].fill.start_color.rgb).endswith("F8D3CF")
    assert rows["11(b)"][-1].value is None
    assert str(rows["11(b)"][-1].fill.start_color.rgb).endswith("000000")


def test_the_dashboard_lists_the_statistics_still_missing(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_BY)
    target = tmp_path / "out" / "dashboard.html"
    cli("coverage", "--format", "html", "--output", str(target), "--root", str(root))
    html = target.read_text(encoding="utf-8")
    part = html[html.index('<section class="breakdowns"') :]
    part = part[: part.index("</section>")]
    assert "<h2>Statistics still missing</h2>" in part
    assert (
        '<tr data-unit="11(a)" data-missing-breakdowns="2"><td><b>11(a)</b></td><td>BPS</td>'
        in part
    )
    assert "<td>sex, age, destination, sector, year</td>" in part
    assert '<td class="missing-breakdowns">⚑ age and sector</td>' in part
    assert 'data-unit="12" data-missing-breakdowns="2"' in part
    assert 'data-unit="11(b)"' not in part


def test_a_body_page_lists_only_its_units(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_BY)
    target = tmp_path / "out" / "bps.html"
    cli(
        "coverage", "--format", "html", "--ministry", "BPS", "--output", str(target),
        "--root", str(root),
    )  # fmt: skip
    html = target.read_text(encoding="utf-8")
    part = html[html.index('<section class="breakdowns"') :]
    assert 'data-unit="11(a)"' in part and 'data-unit="12"' not in part


def test_no_unit_asks_for_statistics_no_part_on_the_dashboard(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws")
    loipr = (root / "questions" / "loipr.yaml").read_text(encoding="utf-8")
    loipr = loipr.replace("            data: [sex, age, destination, sector, year]\n", "")
    loipr = loipr.replace("        data: [sex, country of destination]\n", "")
    (root / "questions" / "loipr.yaml").write_text(loipr, encoding="utf-8")
    target = tmp_path / "out" / "d.html"
    cli("coverage", "--format", "html", "--output", str(target), "--root", str(root))
    assert 'class="breakdowns"' not in target.read_text(encoding="utf-8")
    assert "Statistics still missing" not in cli("coverage", "--root", str(root)).stdout


def test_everything_given_says_so(cli: Any, tmp_path: Path) -> None:
    kp2mi = """\
ministry: KP2MI
answers:
  - question: "12"
    status: draft
    text: {en: Complaints.}
    tables:
      - title: Complaints
        by: [sex, country of destination]
        columns: [Country, Men, Women]
        rows:
          - [Malaysia, 5, 7]
"""
    bps = BPS_BY.replace(
        "by: [sex, destination, year]", "by: [sex, age, destination, sector, year]"
    )
    root = _workspace(tmp_path / "ws", BPS=bps, KP2MI=kp2mi)
    target = tmp_path / "out" / "d.html"
    cli("coverage", "--format", "html", "--output", str(target), "--root", str(root))
    html = target.read_text(encoding="utf-8")
    assert "<p>Every breakdown asked for is in a table.</p>" in html
    assert _coded(_check(cli, root), "missing-disaggregation") == []


# --------------------------------------------------------------------------- example


def test_the_example_shows_the_real_case_on_its_dashboard(cli: Any) -> None:
    problems = _coded(_check(cli, EXAMPLE), "missing-disaggregation")
    by_unit = {p["message"].split()[0]: p for p in problems}
    assert "broken down by age and sector:" in by_unit["33(a)"]["message"]
    assert by_unit["33(a)"]["file"] == "answers/BPS.yaml"
    target = Path(tempfile.mkdtemp(prefix="cmwreport-html-")) / "dashboard.html"
    cli("coverage", "--format", "html", "--output", str(target), "--root", str(EXAMPLE))
    html = target.read_text(encoding="utf-8")
    assert '<td class="missing-breakdowns">⚑ age and sector</td>' in html


# ------------------------------------------------------------------------- follow-up

OBSERVATIONS = """\
symbol: CMW/C/IDN/CO/2
adopted: 2026-01-20
report: CMW/C/IDN/2
follow_up:
  due: 2028-01-20
  paragraphs: ["23"]
sections:
  - id: C-1
    title: Data collection
    paragraphs:
      - number: 23
        lead: BPS
        data: [sex, age]
        text: The Committee recommends that the State party collect data by sex and age.
"""

BPS_FOLLOW_UP = """\
ministry: BPS
follow_up:
  - recommendation: "23"
    implementation: partial
    status: draft
    text: {en: A survey by sex was run in 2026.}
    tables:
      - title: Migrant workers surveyed, 2026
        by: [sex]
        columns: [Sex, Number]
        rows:
          - [Women, 10]
"""


def test_follow_up_entries_tables_are_checked_alike(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws", BPS=BPS_FOLLOW_UP)
    (root / "questions" / "observations.yaml").write_text(OBSERVATIONS, encoding="utf-8")
    (found,) = _coded(_check(cli, root), "missing-disaggregation")
    assert (found["file"], found["line"]) == ("answers/BPS.yaml", 3)
    assert found["message"].startswith("23 asks for statistics by sex and age,")
    assert "broken down by age:" in found["message"]
    fixed = BPS_FOLLOW_UP.replace("by: [sex]", "by: [sex, age]")
    (root / "answers" / "BPS.yaml").write_text(fixed, encoding="utf-8")
    assert _coded(_check(cli, root), "missing-disaggregation") == []


def test_a_sub_item_inherits_the_items_data(cli: Any, tmp_path: Path) -> None:
    loipr = LOIPR.replace(
        "            text: The number of returning migrant workers.\n",
        "            text: The number of returning migrant workers.\n"
        "            data: [sex, year]\n"
        "            items:\n"
        "              - numeral: i\n"
        "                text: From Malaysia;\n"
        "              - numeral: ii\n"
        "                text: From elsewhere.\n",
    )
    kp2mi = """\
ministry: KP2MI
answers:
  - question: "11(b)(ii)"
    status: draft
    text: {en: Returns from elsewhere.}
    tables:
      - title: Returns by year
        columns: [Year, Total]
        rows:
          - [2024, 10]
"""
    root = _workspace(tmp_path / "ws", KP2MI=kp2mi)
    (root / "questions" / "loipr.yaml").write_text(loipr, encoding="utf-8")
    units = _units(cli, root)
    assert units["11(b)(i)"]["missing_breakdowns"] == ["sex", "year"]
    assert units["11(b)(ii)"]["missing_breakdowns"] == ["sex"]
    (found,) = _coded(_check(cli, root), "missing-disaggregation")
    assert found["message"].startswith("11(b)(ii) asks for statistics by sex and year,")
