"""Tables as the UN prints them (SPEC 6): spanner heads, notes, signs for no figure, totals.

Each test starts from an answers file as a desk officer writes it and reads the rendered
DOCX's own XML: merged heading cells, the paragraphs' alignment and tab stops, the order of
title, table, notes and source.
"""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree

from cmwreport.checks import check_workspace
from cmwreport.workspace import load_workspace
from conftest import LOIPR, write_workspace
from officefiles import NS, fill_docx_xml, fill_xlsx, issue

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1750000000"}

TABLE = """\
ministry: KP2MI
answers:
  - question: "1(b)"
    status: submitted
    text:
      en: Agreements were signed with two States.
    tables:
      - title: Placements by destination and sex, 2024
        columns: [Destination, Men, Women, Total, Share of all (%)]
        column_groups:
          - {title: "", span: 1}
          - {title: Migrant workers placed, span: 3}
          - {title: "", span: 1}
        rows:
          - [Malaysia, 1200, .., 1200, 12.5]
          - [Saudi Arabia, -, 300, 300, 3]
          - ["Hong Kong, China", —, …, "", 9.25]
          - [Total, 1200, 300, 1500, 24.75]
        notes:
          - Provisional figures.
          - Two dots (..) mean that the figure is not available.
        source: KP2MI placement data
  - question: "3"
    status: draft
    text: Pengaduan dapat disampaikan daring.
"""
"""A table with a spanner head over three columns, the UN's signs, a total row, two notes."""

SPANS_LINE = 10
"""The line of ``column_groups:`` in :data:`TABLE`."""


def _workspace(tmp_path: Path, text: str = TABLE) -> Path:
    loipr = copy.deepcopy(LOIPR)
    loipr["report"]["drafting_languages"] = ["id", "en", "es"]
    return write_workspace(tmp_path / "ws", loipr=loipr, answers={"KP2MI": text})


def _render(cli: Any, root: Path, *args: str) -> Path:
    out = root / "build" / "report.docx"
    result = cli("render", "--root", str(root), "--output", str(out), *args, env=ENV)
    assert result.exit_code == 0, result.stdout + result.stderr
    return out


def _body(path: Path) -> Any:
    with zipfile.ZipFile(path) as docx:
        return etree.fromstring(docx.read("word/document.xml")).find(f"{W}body")


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _jc(paragraph: Any) -> str | None:
    jc = paragraph.find(f"{W}pPr/{W}jc")
    return None if jc is None else str(jc.get(f"{W}val"))


def _tabs(paragraph: Any) -> list[str]:
    return [str(tab.get(f"{W}val")) for tab in paragraph.iterfind(f"{W}pPr/{W}tabs/{W}tab")]


def _bold(paragraph: Any) -> bool:
    runs = [r for r in paragraph.iter(f"{W}r") if _text(r)]
    return bool(runs) and all(r.find(f"{W}rPr/{W}b") is not None for r in runs)


def _border(cell: Any, edge: str) -> bool:
    return cell.find(f"{W}tcPr/{W}tcBorders/{W}{edge}") is not None


def _first_table(path: Path) -> Any:
    return next(_body(path).iter(f"{W}tbl"))


def _rows(table: Any) -> list[list[Any]]:
    return [row.findall(f"{W}tc") for row in table.iter(f"{W}tr")]


# ------------------------------------------------------------------------------ schema


def test_check_accepts_spanner_heads_notes_and_signs_for_no_figure(
    cli: Any, tmp_path: Path
) -> None:
    """The new fields load, and ``..``, ``-``, ``—``, ``…``, empty cells raise no problem."""
    root = _workspace(tmp_path)
    result = cli("check", "--root", str(root), "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    assert [p for p in problems if p["file"] == "answers/KP2MI.yaml"] == []
    (table,) = load_workspace(root).answers_by_unit["1(b)"][0].answer.tables
    assert [(g.title, g.span) for g in table.column_groups or ()] == [
        ("", 1),
        ("Migrant workers placed", 3),
        ("", 1),
    ]
    assert table.notes == [
        "Provisional figures.",
        "Two dots (..) mean that the figure is not available.",
    ]
    assert table.rows[0] == ["Malaysia", 1200, "..", 1200, 12.5]
    assert table.rows[2] == ["Hong Kong, China", "—", "…", "", 9.25]


def test_signs_written_without_spaces_or_on_their_own_lines_are_no_ambiguous_numbers(
    tmp_path: Path,
) -> None:
    text = TABLE.replace("[Malaysia, 1200, .., 1200, 12.5]", "[Malaysia,1200,..,1200,12.5]")
    text = text.replace(
        "          - [Saudi Arabia, -, 300, 300, 3]\n",
        "          - - Saudi Arabia\n            - '-'\n            - 300\n            - 300\n"
        "            -\n",
    )
    result = check_workspace(load_workspace(_workspace(tmp_path, text)))
    assert [p for p in result.problems if p.file == "answers/KP2MI.yaml"] == []


def test_a_single_note_may_be_written_as_plain_text(tmp_path: Path) -> None:
    text = TABLE.replace(
        "        notes:\n          - Provisional figures.\n"
        "          - Two dots (..) mean that the figure is not available.\n",
        "        notes: Provisional figures.\n",
    )
    ws = load_workspace(_workspace(tmp_path, text))
    assert ws.answers_by_unit["1(b)"][0].answer.tables[0].notes == ["Provisional figures."]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "the spans of column_groups add up to 4, but the table has 5 columns "
            "(Destination, Men, Women, Total, Share of all (%)): make them add up to 5, giving "
            'a column with no head above it a group of its own with an empty title (title: "", '
            "span: 1)",
        ),
        (
            "id",
            "jumlah span pada column_groups adalah 4, padahal tabel memiliki 5 kolom "
            "(Destination, Men, Women, Total, Share of all (%)): sesuaikan agar jumlahnya 5, "
            "dan beri kolom yang tidak memiliki judul di atasnya kelompok tersendiri dengan "
            'judul kosong (title: "", span: 1)',
        ),
    ],
)
def test_spans_that_do_not_add_up_are_an_error_at_the_line_of_column_groups(
    cli: Any, tmp_path: Path, lang: str, expected: str
) -> None:
    root = _workspace(tmp_path, TABLE.replace('          - {title: "", span: 1}\n', "", 1))
    result = cli("check", "--root", str(root), "--ui-lang", lang)
    assert result.exit_code == 1
    line = f"answers/KP2MI.yaml:{SPANS_LINE}: error[invalid-record] {expected}"
    assert line in result.stdout.splitlines()
    data = json.loads(cli("check", "--root", str(root), "--format", "json").stdout)
    (problem,) = [p for p in data["problems"] if p["code"] == "invalid-record"]
    assert (problem["file"], problem["line"], problem["severity"]) == (
        "answers/KP2MI.yaml",
        SPANS_LINE,
        "error",
    )
    assert "add up to 4" in problem["message"] and "5 columns" in problem["message"]


def test_a_span_below_one_and_an_unknown_field_of_a_group_are_errors(
    cli: Any, tmp_path: Path
) -> None:
    text = TABLE.replace("{title: Migrant workers placed, span: 3}", "{titel: Placed, span: 0}")
    result = cli("check", "--root", str(_workspace(tmp_path, text)), "--format", "json")
    problems = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "invalid-record"]
    assert {p["line"] for p in problems} == {SPANS_LINE + 2}
    messages = " ".join(p["message"] for p in problems)
    assert "titel" in messages and "span" in messages


# ------------------------------------------------------------------------------ DOCX


def test_spanner_heads_are_merged_cells_in_a_second_heading_row_repeated_on_each_page(
    cli: Any, tmp_path: Path
) -> None:
    table = _first_table(_render(cli, _workspace(tmp_path)))
    rows = _rows(table)
    spanners, headings = rows[0], rows[1]
    assert [_text(c) for c in spanners] == ["", "Migrant workers placed", ""]
    spans = [c.find(f"{W}tcPr/{W}gridSpan") for c in spanners]
    assert [None if s is None else s.get(f"{W}val") for s in spans] == [None, "3", None]
    assert _jc(spanners[1].find(f"{W}p")) == "center"
    assert _bold(spanners[1].find(f"{W}p"))
    assert _border(spanners[1], "bottom") and not _border(spanners[0], "bottom")
    assert [_text(c) for c in headings] == [
        "Destination",
        "Men",
        "Women",
        "Total",
        "Share of all (%)",
    ]
    # the merged cell is as wide as the three columns under it
    width = [int(c.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for c in headings]
    merged = int(spanners[1].find(f"{W}tcPr/{W}tcW").get(f"{W}w"))
    assert merged == sum(width[1:4])
    # both heading rows, and only they, repeat at the top of each page
    repeated = [row.find(f"{W}trPr/{W}tblHeader") is not None for row in table.iter(f"{W}tr")]
    assert repeated == [True, True, False, False, False, False]


def test_signs_for_no_figure_keep_a_numeric_column_right_aligned_and_narrow(
    cli: Any, tmp_path: Path
) -> None:
    table = _first_table(_render(cli, _workspace(tmp_path)))
    rows = _rows(table)[1:]
    cells = [[(_text(c), _jc(c.find(f"{W}p"))) for c in row] for row in rows]
    assert [text for text, _ in cells[1]] == ["Malaysia", "1,200", "..", "1,200", "12.5"]
    assert [text for text, _ in cells[2]] == ["Saudi Arabia", "-", "300", "300", "3"]
    assert [text for text, _ in cells[3]] == ["Hong Kong, China", "—", "…", "", "9.25"]
    for row in cells:  # headings too: Men, Women and Total are right-aligned, whatever they hold
        assert [jc for _, jc in row[1:4]] == ["right", "right", "right"]
        assert row[0][1] in (None, "left", "start", "both")
    # the column holding .. and … is as narrow as the other numeric columns
    widths = [int(c.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for c in _rows(table)[1]]
    assert widths[1] == widths[2] == widths[3] < widths[0]


def test_notes_follow_the_table_and_come_before_the_source(cli: Any, tmp_path: Path) -> None:
    body = _body(_render(cli, _workspace(tmp_path)))
    blocks = list(body)
    at = next(i for i, b in enumerate(blocks) if b.tag == f"{W}tbl")
    after = ["<table>" if b.tag == f"{W}tbl" else _text(b) for b in blocks[at - 1 : at + 5]]
    assert after == [
        "Table 1: Placements by destination and sex, 2024",
        "<table>",
        "Notes: Provisional figures.",
        "Two dots (..) mean that the figure is not available.",
        "Source: KP2MI placement data",
        "Reply to paragraph 2",
    ]


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "Note: Provisional figures.", "Notes: Provisional figures."),
        ("id", "Catatan: Provisional figures.", "Catatan: Provisional figures."),
        ("es", "Nota: Provisional figures.", "Notas: Provisional figures."),
    ],
)
def test_notes_are_introduced_in_the_report_language(
    cli: Any, tmp_path: Path, lang: str, one: str, two: str
) -> None:
    root = _workspace(tmp_path)
    texts = [_text(p) for p in _body(_render(cli, root, "--lang", lang)).iter(f"{W}p")]
    assert two in texts
    single = TABLE.replace("          - Two dots (..) mean that the figure is not available.\n", "")
    (root / "answers" / "KP2MI.yaml").write_text(single, encoding="utf-8")
    texts = [_text(p) for p in _body(_render(cli, root, "--lang", lang)).iter(f"{W}p")]
    assert one in texts


def test_a_total_row_is_bold_with_a_rule_above(cli: Any, tmp_path: Path) -> None:
    rows = _rows(_first_table(_render(cli, _workspace(tmp_path))))[2:]
    total, others = rows[-1], rows[:-1]
    assert [_text(c) for c in total] == ["Total", "1,200", "300", "1,500", "24.75"]
    assert all(_bold(c.find(f"{W}p")) for c in total)
    assert all(_border(c, "top") for c in total)
    for row in others:
        assert not any(_bold(c.find(f"{W}p")) for c in row if _text(c))
        assert not any(_border(c, "top") for c in row)


@pytest.mark.parametrize("label", ["TOTAL", "Jumlah", "jumlah:", "Total general", "Totales"])
def test_total_rows_are_found_in_any_case_and_the_three_languages(
    cli: Any, tmp_path: Path, label: str
) -> None:
    root = _workspace(tmp_path, TABLE.replace("[Total, 1200", f"[{label!r}, 1200"))
    total = _rows(_first_table(_render(cli, root)))[-1]
    assert _text(total[0]) == label
    assert all(_bold(c.find(f"{W}p")) for c in total)


def test_a_row_merely_starting_with_total_is_not_a_total_row(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path, TABLE.replace("[Total, 1200", '["Total placements abroad", 1200'))
    total = _rows(_first_table(_render(cli, root)))[-1]
    assert not any(_bold(c.find(f"{W}p")) for c in total)


def test_figures_with_different_decimals_line_up_on_a_decimal_tab_unchanged(
    cli: Any, tmp_path: Path
) -> None:
    rows = _rows(_first_table(_render(cli, _workspace(tmp_path))))[2:]
    share = [c[4].find(f"{W}p") for c in rows]
    assert [_text(p) for p in share] == ["12.5", "3", "9.25", "24.75"]  # never padded
    assert [_tabs(p) for p in share] == [["decimal"]] * 4
    assert [_jc(p) for p in share] == [None] * 4
    # whole numbers only (Men): right alignment lines them up, no tab stop
    assert all(_tabs(c[1].find(f"{W}p")) == [] for c in rows)


def test_equal_decimals_and_figures_from_a_thousand_up_stay_right_aligned(
    cli: Any, tmp_path: Path
) -> None:
    text = TABLE.replace("12.5]", "12.50]").replace(", 3]", ", 3.25]")
    text = text.replace("9.25]", "1009.25]").replace("24.75]", "1025.0]")
    rows = _rows(_first_table(_render(cli, _workspace(tmp_path, text))))[2:]
    share = [c[4].find(f"{W}p") for c in rows]
    assert [_text(p) for p in share] == ["12.5", "3.25", "1,009.25", "1,025"]
    assert [_tabs(p) for p in share] == [[]] * 4
    assert [_jc(p) for p in share] == ["right"] * 4


def test_signs_in_a_decimal_column_stay_right_aligned(cli: Any, tmp_path: Path) -> None:
    text = TABLE.replace(", 3]", ", ..]")
    rows = _rows(_first_table(_render(cli, _workspace(tmp_path, text))))[2:]
    sign = rows[1][4].find(f"{W}p")
    assert (_text(sign), _jc(sign), _tabs(sign)) == ("..", "right", [])
    assert _tabs(rows[0][4].find(f"{W}p")) == ["decimal"]


@pytest.mark.parametrize("groups", ["none", "untitled"])
def test_a_table_without_spanner_titles_has_one_heading_row(
    cli: Any, tmp_path: Path, groups: str
) -> None:
    text = TABLE.replace(
        '        column_groups:\n          - {title: "", span: 1}\n'
        "          - {title: Migrant workers placed, span: 3}\n"
        '          - {title: "", span: 1}\n',
        "" if groups == "none" else "        column_groups: [{span: 2}, {title: '', span: 3}]\n",
    )
    table = _first_table(_render(cli, _workspace(tmp_path, text)))
    rows = _rows(table)
    assert [_text(c) for c in rows[0]] == [
        "Destination",
        "Men",
        "Women",
        "Total",
        "Share of all (%)",
    ]
    repeated = [row.find(f"{W}trPr/{W}tblHeader") is not None for row in table.iter(f"{W}tr")]
    assert repeated == [True, False, False, False, False]


def test_a_pipe_table_keeps_signs_numeric_and_sets_its_total_apart(
    cli: Any, tmp_path: Path
) -> None:
    text = TABLE.replace(
        "      en: Agreements were signed with two States.\n",
        "      en: |\n        Agreements were signed.\n\n"
        "        | Destination | Men | Women |\n        |---|---|---|\n"
        "        | Malaysia | 1,200 | .. |\n        | Qatar | - | 300 |\n"
        "        | **Total** | 1,200 | 300 |\n",
    )
    table = _first_table(_render(cli, _workspace(tmp_path, text)))
    rows = _rows(table)
    assert [[_text(c) for c in row] for row in rows] == [
        ["Destination", "Men", "Women"],
        ["Malaysia", "1,200", ".."],
        ["Qatar", "-", "300"],
        ["Total", "1,200", "300"],
    ]
    assert [[_jc(c.find(f"{W}p")) for c in row[1:]] for row in rows] == [["right", "right"]] * 4
    assert all(_bold(c.find(f"{W}p")) and _border(c, "top") for c in rows[-1])


# ----------------------------------------------------------------- words, characters


def test_notes_and_spanner_heads_are_counted_alike_by_check_and_render(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(tmp_path)
    ws = load_workspace(root)
    with_all = ws.report_words(lang="en")
    bare = TABLE.replace("Migrant workers placed", "").replace(
        "        notes:\n          - Provisional figures.\n"
        "          - Two dots (..) mean that the figure is not available.\n",
        "",
    )
    (root / "answers" / "KP2MI.yaml").write_text(bare, encoding="utf-8")
    without = load_workspace(root).report_words(lang="en")
    # "Migrant workers placed" 3, "Provisional figures" 2, "Two dots mean that … available" 9,
    # and the "Notes:" the report prints before the first of two notes 1
    assert with_all - without == 3 + 2 + 9 + 1
    (root / "answers" / "KP2MI.yaml").write_text(TABLE, encoding="utf-8")
    result = cli("render", "--root", str(root), env=ENV)
    assert f"words (en): {with_all} of" in result.stdout


def test_a_control_character_in_a_note_is_found(cli: Any, tmp_path: Path) -> None:
    text = TABLE.replace("- Provisional figures.", '- "Provisional\\x0b figures."')
    result = cli("check", "--root", str(_workspace(tmp_path, text)), "--format", "json")
    codes = [p["code"] for p in json.loads(result.stdout)["problems"]]
    assert "control-character" in codes
    texts = [_text(p) for p in _body(_render(cli, _workspace(tmp_path / "b", text))).iter(f"{W}p")]
    assert "Notes: Provisional figures." in texts


# ------------------------------------------------------------------------------ forms


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_import_of_a_form_keeps_the_table_as_written(cli: Any, tmp_path: Path, fmt: str) -> None:
    """Forms do not show tables: an import changing the text leaves every line of it alone."""
    root = _workspace(tmp_path)
    path = issue(root, fmt)
    new = "Agreements were signed with three States."
    if fmt == "xlsx":
        fill_xlsx(path, {"1(b)": {"en": new}})
    else:
        fill_docx_xml(path, {("1(b)", "en"): [f"<w:p {NS}><w:r><w:t>{new}</w:t></w:r></w:p>"]})
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    text = (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")
    record = yaml.safe_load(text)["answers"][0]
    assert record["text"]["en"] == "Agreements were signed with three States.\n"
    assert record["tables"] == yaml.safe_load(TABLE)["answers"][0]["tables"]
    # every line as written, but for the lone - that the rewritten record quotes ('-')
    table_lines = TABLE.splitlines()[7:22]
    assert table_lines[0].strip() == "- title: Placements by destination and sex, 2024"
    saudi = "          - [Saudi Arabia, -, 300, 300, 3]"
    assert "\n".join(table_lines).replace(saudi, saudi.replace("-,", "'-',")) in text
    assert check_workspace(load_workspace(root)).errors == 0


def test_the_editors_schema_accepts_the_new_fields_and_refuses_typos() -> None:
    import jsonschema

    from cmwreport.schema import build_schema

    validator = jsonschema.Draft202012Validator(build_schema("answers"))
    data = yaml.safe_load(TABLE)
    assert list(validator.iter_errors(data)) == []
    data["answers"][0]["tables"][0]["notes"] = "Provisional figures."
    assert list(validator.iter_errors(data)) == []
    data["answers"][0]["tables"][0]["column_groups"][1] = {"titel": "Placed", "span": 3}
    (error,) = validator.iter_errors(data)
    assert any("'titel' was unexpected" in e.message for e in error.context or ())
    table = build_schema("answers", lang="id")["$defs"]["Table"]["properties"]
    assert table["notes"]["description"].startswith("Catatan yang dicetak di bawah tabel")
