"""Questions with footnotes, and sub-items and introductions in the intake forms.

Issue 13 item 8: ``[^1]`` in a question's text is a footnote in the forms (XLSX: the note
after the question in its cell; DOCX: a real Word footnote) and on the dashboard (a
superscript marker and the note under the question), never raw Markdown; a broken one is
shown as typed and ``check`` warns. Issue 13 items 1-2 in the forms: one row per record,
introductions before their parts, sub-items with their text, read back by ``import``.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from cmwreport.forms import FormError, import_form
from conftest import write_workspace
from officefiles import (
    W_NS,
    answer_records,
    dele,
    fill_docx_xml,
    fill_xlsx,
    footnote_ref,
    ins,
    issue,
    para,
    resave,
    run,
    soffice,
    xlsx_columns,
)

ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}
NOTE = "See CMW/C/TST/CO/1, para. 9."

LOIPR = """\
committee: CMW
state: Testland
symbol: CMW/C/TST/QPR/2
report:
  title: Second periodic report
  symbol: CMW/C/TST/2
  language: en
  drafting_languages: [id, en]
sections:
  - id: I
    title: General information
    paragraphs:
      - number: 1
        lead: KEMLU
        contributors: [KP2MI]
        text: Please provide information on the legal framework, in particular
        items:
          - letter: a
            text: |
              Laws adopted since the previous concluding observations;[^1]

              [^1]: See CMW/C/TST/CO/1, para. 9.
          - letter: b
            lead: KP2MI
            data: [sex]
            text: Agreements concluded.
      - number: 7
        lead: KEMNAKER
        contributors: [KP2MI]
        text: Please describe the participation of civil society
        items:
          - letter: a
            text: In the policies on labour migration, in particular
            data: [sex, year]
            items:
              - numeral: i
                text: In consultations on draft laws;
              - numeral: ii
                lead: KP2MI
                data: [age]
                text: In the monitoring of services;
          - letter: b
            text: In the preparation of the present report.
"""

MINISTRIES = """\
ministries:
  - code: KEMLU
    name: {en: Ministry of Foreign Affairs, id: Kementerian Luar Negeri}
  - code: KEMNAKER
    name: {en: Ministry of Manpower, id: Kementerian Ketenagakerjaan}
  - code: KP2MI
    name: {en: Ministry for the Protection of Migrant Workers, id: Kementerian P2MI}
"""

KP2MI = """\
ministry: KP2MI
answers:
  - question: "1"
    status: draft
    text:
      en: |
        Indonesia's framework rests on Law No. 18 of 2017.
  - question: "1(b)"
    status: submitted
    text:
      en: |
        Agreements were concluded with Malaysia and Saudi Arabia.
  - question: "7(a)"
    status: draft
    text:
      en: |
        Civil society takes part in the labour migration policies.
  - question: "7(a)(ii)"
    status: draft
    text:
      en: |
        Migrant workers' organizations monitor services in the regions.
"""
"""An introduction to 1 and an answer to 1(b); an introduction to 7(a) and 7(a)(ii)."""


def _workspace(tmp_path: Path, loipr: str = LOIPR, answers: str | None = KP2MI) -> Path:
    files: dict[str, dict[str, Any] | str | bytes] = {}
    if answers is not None:
        files["KP2MI"] = answers
    return write_workspace(tmp_path / "ws", loipr=loipr, ministries=MINISTRIES, answers=files)


def _xlsx_rows(path: Path) -> dict[str, str]:
    """The question cell of each row of an Excel form, by question number, in order."""
    sheet = load_workbook(path).worksheets[0]
    header, col = xlsx_columns(sheet)
    rows: dict[str, str] = {}
    for row in range(header + 1, sheet.max_row + 1):
        question = sheet.cell(row, col["question"]).value
        if question is not None:
            rows[str(question)] = str(sheet.cell(row, col["question"] + 1).value)
    return rows


def _check_lines(cli: Any, root: Path) -> list[str]:
    result = cli("check", "--root", str(root), env=ENV)
    return [line for line in result.stdout.splitlines() if "[" in line]


# ------------------------------------------------------------ sub-items and introductions


def test_the_form_has_a_row_per_record_introductions_before_their_parts(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    rows = _xlsx_rows(issue(root, "xlsx"))
    # 1(a) is answered by the introduction "1"; 7(a)(i) by the introduction "7(a)"
    assert list(rows) == ["1", "1(b)", "7(a)", "7(a)(ii)", "7(b)"]
    assert rows["7(a)(ii)"].split("\n") == [
        "Please describe the participation of civil society",
        "(a) In the policies on labour migration, in particular",
        "(ii) In the monitoring of services;",
        "",
        "Data statistik yang diminta: age (kirim tabelnya kepada koordinator) / "
        "Statistics asked for: age (send tables to the coordinators)",
    ]
    assert rows["7(a)"].split("\n")[:4] == [
        "Please describe the participation of civil society",
        "(a) In the policies on labour migration, in particular",
        "(i) In consultations on draft laws;",
        "(ii) In the monitoring of services;",
    ]
    assert "Statistics asked for: sex, year, age " in rows["7(a)"]  # its sub-items' data
    assert "Statistics asked for: sex " in rows["1"]  # 1(b)'s


def test_without_records_the_form_lists_the_sub_items_assigned(tmp_path: Path) -> None:
    root = _workspace(tmp_path, answers=None)
    rows = _xlsx_rows(issue(root, "xlsx"))
    assert list(rows) == ["1(a)", "1(b)", "7(a)(i)", "7(a)(ii)", "7(b)"]
    assert rows["7(a)(i)"].split("\n") == [
        "Please describe the participation of civil society",
        "(a) In the policies on labour migration, in particular",
        "(i) In consultations on draft laws;",
        "",
        "Data statistik yang diminta: sex, year (kirim tabelnya kepada koordinator) / "
        "Statistics asked for: sex, year (send tables to the coordinators)",
    ]


def test_xlsx_answers_to_sub_items_and_introductions_are_imported(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    wb.worksheets[0].insert_cols(2)  # a column inserted by the desk officer
    wb.save(path)
    fill_xlsx(
        path,
        {
            "1": {"en": "The framework rests on Law No. 18 of 2017 and its regulations."},
            "7(a)(ii)": {
                "en": "Organizations monitor services in 12 provinces.",
                "status": "diajukan",
            },
            "7(b)": {"en": "Civil society was consulted on this report."},
        },
    )
    result = import_form(root, path)
    assert [(o.question, o.action) for o in result.outcomes if o.action != "unchanged"] == [
        ("1", "updated"),
        ("7(a)(ii)", "updated"),
        ("7(b)", "added"),
    ]
    records = answer_records(root)
    assert list(records) == ["1", "1(b)", "7(a)", "7(a)(ii)", "7(b)"]
    assert records["1"]["text"]["en"].strip() == (
        "The framework rests on Law No. 18 of 2017 and its regulations."
    )
    assert records["7(a)(ii)"]["text"]["en"].strip() == (
        "Organizations monitor services in 12 provinces."
    )
    assert records["7(a)(ii)"]["status"] == "submitted"
    assert records["7(b)"]["text"]["en"].strip() == "Civil society was consulted on this report."
    assert records["7(a)"]["text"]["en"].strip() == (
        "Civil society takes part in the labour migration policies."
    )


def test_docx_answer_to_a_sub_item_is_read_with_track_changes(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    path = issue(root, "docx")
    fill_docx_xml(
        path,
        {
            ("7(a)(ii)", "en"): [
                para(run("Organizations ") + dele("sometimes ") + ins(run("monitor services.")))
            ],
            ("7(a)", "en"): [para(run("Civil society ") + ins(run("is consulted.")))],
        },
        status={"7(a)(ii)": "submitted"},
    )
    import_form(root, path)
    records = answer_records(root)
    assert records["7(a)(ii)"]["text"]["en"].strip() == "Organizations monitor services."
    assert records["7(a)(ii)"]["status"] == "submitted"
    assert records["7(a)"]["text"]["en"].strip() == "Civil society is consulted."
    assert list(records) == ["1", "1(b)", "7(a)", "7(a)(ii)"]


def test_a_sub_item_the_list_no_longer_has_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    root = _workspace(tmp_path, answers=None)
    path = issue(root, "xlsx")
    fill_xlsx(path, {"7(a)(ii)": {"en": "Services are monitored."}})
    revised = LOIPR.replace(
        "              - numeral: ii\n                lead: KP2MI\n                data: [age]\n"
        "                text: In the monitoring of services;\n",
        "",
    )
    assert revised != LOIPR
    (root / "questions" / "loipr.yaml").write_text(revised, encoding="utf-8")
    with pytest.raises(FormError, match=re.escape("7(a)(ii)")):
        import_form(root, path)
    assert not (root / "answers" / "KP2MI.yaml").exists()


def test_a_form_row_edited_to_a_sub_item_that_was_not_on_it_is_skipped(tmp_path: Path) -> None:
    root = _workspace(tmp_path, answers=None)
    path = issue(root, "xlsx")
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    row = next(r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == "7(b)")
    sheet.cell(row, col["question"], "7(b)(i)")  # an item without sub-items
    sheet.cell(row, col["en"], "Text typed against a made-up number.")
    wb.save(path)
    result = import_form(root, path)
    assert [(o.action, o.rows) for o in result.outcomes if o.action != "unchanged"] == [
        ("invalid", 1)
    ]
    assert not (root / "answers" / "KP2MI.yaml").exists()


# ------------------------------------------------------------------ footnotes in the forms


def test_xlsx_form_shows_a_question_footnote_after_the_question(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    cell = _xlsx_rows(issue(root, "xlsx"))["1"]
    assert "[^" not in cell
    lines = cell.split("\n")
    assert lines[:3] == [
        "Please provide information on the legal framework, in particular",
        "(a) Laws adopted since the previous concluding observations;¹",
        "(b) Agreements concluded.",
    ]
    assert lines[-1] == f"¹ {NOTE}"  # the note last, under the statistics asked for


def _docx_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def _footnotes(xml: str) -> dict[str, str]:
    """The text of each numbered footnote of a footnotes part, by its id."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    w = f"{{{W_NS}}}"
    return {
        str(n.get(f"{w}id")): "".join(t.text or "" for t in n.iter(f"{w}t")).strip()
        for n in root.iter(f"{w}footnote")
        if n.get(f"{w}type") is None
    }


def test_docx_form_shows_a_question_footnote_as_a_word_footnote(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    path = issue(root, "docx")
    assert _footnotes(_docx_part(path, "word/footnotes.xml")) == {"1": NOTE}
    doc = Document(str(path))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.strip() == "1")
    cell = table.cell(0, 1)
    assert [p.text for p in cell.paragraphs][:3] == [
        "Please provide information on the legal framework, in particular",
        "(a) Laws adopted since the previous concluding observations;",
        "(b) Agreements concluded.",
    ]
    refs = cell.paragraphs[1]._p.findall(f".//{{{W_NS}}}footnoteReference")
    assert [r.get(f"{{{W_NS}}}id") for r in refs] == ["1"]
    assert "[^" not in _docx_part(path, "word/document.xml")


def _add_word_footnote(path: Path, number: int, text: str) -> None:
    """Add footnote *number* to the form's own footnotes part, as Word does."""
    note = (
        f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/footnotes.xml":
                data = data.replace(b"</w:footnotes>", note.encode("utf-8"))
            zout.writestr(info, data)
    path.write_bytes(out.getvalue())


def test_question_footnotes_never_reach_the_answers_a_word_footnote_of_the_answer_does(
    tmp_path: Path,
) -> None:
    root = _workspace(tmp_path)
    path = issue(root, "docx")
    fill_docx_xml(
        path, {("1", "en"): [para(run("The framework is set by law.") + footnote_ref(2))]}
    )
    _add_word_footnote(path, 2, "Law No. 18 of 2017.")
    import_form(root, path)
    text = answer_records(root)["1"]["text"]["en"].strip()
    assert text == "The framework is set by law.[^1]\n\n[^1]: Law No. 18 of 2017."
    assert NOTE not in (root / "answers" / "KP2MI.yaml").read_text(encoding="utf-8")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_a_docx_form_with_question_footnotes_resaved_by_libreoffice_imports(
    tmp_path: Path,
) -> None:
    root = _workspace(tmp_path)
    path = issue(root, "docx")
    fill_docx_xml(path, {("7(a)(ii)", "en"): [para(run("Services are monitored."))]})
    again = resave(path, "docx", tmp_path)
    assert NOTE in _footnotes(_docx_part(again, "word/footnotes.xml")).values()
    import_form(root, again)
    assert answer_records(root)["7(a)(ii)"]["text"]["en"].strip() == "Services are monitored."


# ---------------------------------------------------------------- footnotes on the dashboard


class _Collect(HTMLParser):
    """The text of each ``data-unit`` list item of the dashboard, and its notes."""

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, str] = {}
        self.notes: dict[str, list[str]] = {}
        self._unit: str | None = None
        self._note: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "li" and found.get("data-unit"):
            self._unit = str(found["data-unit"])
            self.items[self._unit] = ""
            self.notes[self._unit] = []
        elif tag == "small" and found.get("class") == "qnote" and self._unit:
            self._note = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "small" and self._note is not None and self._unit:
            self.notes[self._unit].append("".join(self._note))
            self._note = None
        elif tag == "li":
            self._unit = None

    def handle_data(self, data: str) -> None:
        if self._note is not None:
            self._note.append(data)
        elif self._unit:
            self.items[self._unit] += data


def test_dashboard_shows_a_superscript_marker_and_the_note_under_the_question(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(tmp_path, answers=None)
    target = tmp_path / "dashboard.html"
    result = cli("coverage", "--root", str(root), "--format", "html", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    html = target.read_text(encoding="utf-8")
    assert "[^" not in html
    page = _Collect()
    page.feed(html)
    assert "1(a) Laws adopted since the previous concluding observations;¹" in " ".join(
        page.items["1(a)"].split()
    )
    assert page.notes["1(a)"] == [f"¹ {NOTE}"]
    assert page.notes["1(b)"] == []
    data = json.loads(cli("coverage", "--root", str(root), "--format", "json").stdout)
    unit = next(u for u in data["units"] if u["id"] == "1(a)")
    assert unit["question"] == "Laws adopted since the previous concluding observations;¹"
    assert unit["question_notes"] == [NOTE]


# ------------------------------------------------------------------------- broken footnotes


BROKEN = LOIPR.replace(
    "              Laws adopted since the previous concluding observations;[^1]\n",
    "              Laws adopted since the previous concluding observations;[^2]\n",
).replace(
    "            text: Agreements concluded.\n",
    "            text: |\n              Agreements concluded.\n\n"
    "              [^b]: Never cited.\n",
)


def test_check_warns_where_a_question_footnote_is_shown_as_typed(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path, loipr=BROKEN, answers=None)
    lines = [line for line in _check_lines(cli, root) if "unsupported-markdown" in line]
    assert lines == [
        "questions/loipr.yaml:20: warning[unsupported-markdown] the question's text cites "
        "footnote [^2] but never defines it; forms and the dashboard show it as typed — add "
        '"[^2]: …" at the end of the text, after a blank line',
        "questions/loipr.yaml:22: warning[unsupported-markdown] the question's text defines "
        "footnote [^1] but never cites it, or defines it twice; forms and the dashboard show "
        "the definition as typed — put [^1] where the note belongs, once per definition",
        "questions/loipr.yaml:29: warning[unsupported-markdown] the question's text defines "
        "footnote [^b] but never cites it, or defines it twice; forms and the dashboard show "
        "the definition as typed — put [^b] where the note belongs, once per definition",
    ]
    rows = _xlsx_rows(issue(root, "xlsx", code="KEMLU"))
    assert "(a) Laws adopted since the previous concluding observations;[^2]" in rows["1(a)"]
    assert "[^1]: See CMW/C/TST/CO/1, para. 9." in rows["1(a)"]  # shown as typed


def test_check_is_silent_on_well_formed_question_footnotes(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    assert [line for line in _check_lines(cli, root) if "unsupported-markdown" in line] == []


def test_a_folded_question_text_keeps_its_footnote(cli: Any, tmp_path: Path) -> None:
    folded = LOIPR.replace(
        "            text: |\n              Laws adopted since the previous concluding "
        "observations;[^1]\n",
        "            text: >-\n              Laws adopted since the previous concluding\n"
        "              observations;[^1]\n",
    )
    assert folded != LOIPR
    root = _workspace(tmp_path, loipr=folded, answers=None)
    assert [line for line in _check_lines(cli, root) if "unsupported-markdown" in line] == []
    rows = _xlsx_rows(issue(root, "xlsx", code="KEMLU"))
    assert "(a) Laws adopted since the previous concluding observations;¹" in rows["1(a)"]
    assert rows["1(a)"].endswith(f"¹ {NOTE}")


def test_scaffold_quotes_a_question_footnote_as_a_note_under_it(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path, answers=None)
    result = cli("scaffold", "KEMLU", "--root", str(root), env=ENV)
    assert result.exit_code == 0, result.stderr
    text = (root / "answers" / "KEMLU.yaml").read_text(encoding="utf-8")
    assert "[^" not in text
    comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    at = comments.index("# (a) Laws adopted since the previous concluding observations;¹")
    assert comments[at + 1] == f"# ¹ {NOTE}"
