"""The coordinator's path of issue 14, end to end, exactly as docs/workflow.md tells it.

"From concluding observations to the follow-up information": a fresh ``cmwreport init``
workspace; the observations pasted (four recommendations, one paragraph with items, two
selected); ``scaffold --follow-up`` for two bodies; one fills its entry in YAML, the other
a ``form --follow-up`` Excel file (filled with openpyxl as a person fills it) read back with
``import``; ``check``; ``coverage --follow-up`` as text, JSON, HTML and XLSX; approval in
YAML; ``render --follow-up --final``. Every step goes through the CLI and is asserted on
content: messages, the JSON's ``implementation``/``selected``/``due``, the final DOCX's
headings, quoted recommendations (with a real footnote) and continuous numbering.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl

BODIES = """\
  - code: KP2MI
    name:
      en: Ministry of Protection of Indonesian Migrant Workers
      id: Kementerian Pelindungan Pekerja Migran Indonesia
  - code: KEMNAKER
    name:
      en: Ministry of Manpower
      id: Kementerian Ketenagakerjaan
"""

OBSERVATIONS = """\
symbol: CMW/C/IDN/CO/2
adopted: 2026-01-20
report: CMW/C/IDN/2
follow_up:
  due: 2028-01-20
  paragraphs: ["12(a)", "14"]
sections:
  - id: C-1
    title: General measures of implementation
    paragraphs:
      - number: 9
        text: The Committee notes the adoption of Law No. 18/2017.
      - number: 10
        lead: KEMENHAM
        text: The Committee recommends that the State party ratify ILO Convention No. 189.
  - id: C-2
    title: Recruitment
    paragraphs:
      - number: 12
        lead: KEMNAKER
        contributors: [KP2MI]
        text: "The Committee recommends that the State party:"
        items:
          - letter: a
            text: Monitor recruitment agencies and sanction those that charge fees;
          - letter: b
            lead: KP2MI
            text: Provide pre-departure training in the language of the country of employment.
      - number: 14
        lead: KP2MI
        text: |
          The Committee recommends that the State party strengthen consular assistance.[^1]

          [^1]: See also general comment No. 1, para. 5.
"""


def _fill_yaml(path: Path) -> None:
    """KEMNAKER types its entry under the scaffolded lines, as the docs show."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("implementation: not-started", "implementation: partial")
    text = text.replace("status: draft", "status: submitted")
    text = text.replace(
        "      id: |\n        \n",
        "      id: |\n        Kementerian memeriksa 120 agen perekrutan pada 2026.\n",
        1,
    )
    text = text.replace(
        "      en: |\n        \n",
        "      en: |\n        The Ministry inspected 120 recruitment agencies in 2026.\n\n"
        "        Eleven licences were revoked.\n",
        1,
    )
    path.write_text(text, encoding="utf-8")


def _fill_xlsx(path: Path) -> None:
    """KP2MI fills the yellow cells of its Excel form, choosing from the drop-downs."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    head = next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == "No.")
    columns = {str(c.value).split("\n")[-1]: c.column for c in ws[head] if c.value}
    assert "Recommendation" in columns  # the form's text column names what it holds
    rows = {ws.cell(row=r, column=1).value: r for r in range(head + 1, ws.max_row + 1)}
    assert set(rows) == {"12(a)", "12(b)", "14"}
    english = columns["Your answer in English"]
    indonesian = columns["Your answer in Indonesian"]
    state = next(c for k, c in columns.items() if k.startswith("Implementation"))
    status = next(c for k, c in columns.items() if k.startswith("Status"))
    ws.cell(row=rows["12(b)"], column=indonesian, value="Pelatihan kini dalam bahasa tujuan.")
    ws.cell(row=rows["12(b)"], column=english, value="Training is now in the local language.")
    ws.cell(row=rows["12(b)"], column=state, value="terlaksana")
    ws.cell(row=rows["12(b)"], column=status, value="diajukan")
    ws.cell(row=rows["14"], column=indonesian, value="Atase ditempatkan di 12 perwakilan.")
    ws.cell(
        row=rows["14"],
        column=english,
        value="Labour attachés were posted to 12 missions.\nA hotline opened in 2026.",
    )
    ws.cell(row=rows["14"], column=state, value="partial")
    ws.cell(row=rows["14"], column=status, value="submitted")
    wb.save(path)


def test_from_concluding_observations_to_the_final_follow_up(tmp_path: Path, cli: Any) -> None:
    root = tmp_path / "cmw-idn"
    r = str(root)

    # 1. A new workspace, the bodies listed, the observations pasted.
    assert cli("init", r).exit_code == 0
    ministries = root / "questions" / "ministries.yaml"
    ministries.write_text(ministries.read_text(encoding="utf-8") + BODIES, encoding="utf-8")
    (root / "questions" / "observations.yaml").write_text(OBSERVATIONS, encoding="utf-8")
    result = cli("check", "--root", r)
    assert result.exit_code == 0, result.stdout
    assert (
        "questions/observations.yaml:24: warning[follow-up-missing] 12(a) is selected for "
        "follow-up (due 2028-01-20) but nobody has reported on it yet; its lead is KEMNAKER"
    ) in result.stdout

    # 2. Scaffold the entries each body owes.
    result = cli("scaffold", "KP2MI", "--follow-up", "--root", r)
    assert result.exit_code == 0, result.stderr
    assert "answers/KP2MI.yaml with 3 skeleton follow-up entries: 12(a), 12(b), 14" in (
        result.stdout
    )
    result = cli("scaffold", "KEMNAKER", "--follow-up", "--root", r)
    assert result.exit_code == 0, result.stderr
    kemnaker = root / "answers" / "KEMNAKER.yaml"
    header = kemnaker.read_text(encoding="utf-8").splitlines()[1:4]
    assert header[0] == (
        "# Follow-up information of Ministry of Manpower (KEMNAKER) on the concluding "
        "observations CMW/C/IDN/CO/2."
    )
    assert "list of issues" not in "\n".join(header)
    assert "reports on one recommendation" in header[2]

    # 3a. KEMNAKER fills its entry in YAML.
    _fill_yaml(kemnaker)
    assert cli("check", "--ministry", "KEMNAKER", "--root", r).exit_code == 0

    # 3b. KP2MI gets an Excel form, fills it, the coordinators import it.
    result = cli("form", "KP2MI", "--follow-up", "--format", "xlsx", "--root", r)
    assert result.exit_code == 0, result.stderr
    (form,) = (root / "build" / "forms").glob("KP2MI-follow-up-*.xlsx")
    assert f"build/forms/{form.name} (3 recommendations)" in result.stdout
    _fill_xlsx(form)
    result = cli("import", str(form), "--root", r)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "answers/KP2MI.yaml: 0 added, 2 updated, 1 unchanged, 0 refused, 0 skipped" in (
        result.stdout
    )
    assert list((root / "build" / "backups").glob("KP2MI-*.yaml"))

    # 4. Check: no errors; KP2MI's untouched skeleton on 12(a) is still empty.
    result = cli("check", "--root", r)
    assert result.exit_code == 0, result.stdout
    assert 'answers/KP2MI.yaml:19: warning[empty-answer] the answer to "12(a)"' in result.stdout
    assert "follow-up-missing" not in result.stdout

    # 5. Coverage of the follow-up: terminal, JSON, dashboard, Excel matrix.
    result = cli("coverage", "--follow-up", "--root", r)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[3].startswith("4 recommendations · unanswered 1 (25 %) · draft 0 (0 %)")
    assert "Follow-up information due 2028-01-20" in result.stdout
    assert "2 recommendations selected for follow-up" in result.stdout
    assert " units" not in result.stdout
    snapshot = root / "build" / "rakor" / "fu-2026-12-01.json"
    result = cli(
        "coverage", "--follow-up", "--format", "json", "--output", str(snapshot), "--root", r
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    assert data["due"] == "2028-01-20"
    assert data["days_left"] == (dt.date(2028, 1, 20) - dt.date.today()).days
    assert [(u["id"], u["implementation"], u["selected"], u["state"]) for u in data["units"]] == [
        ("12(a)", "partial", True, "submitted"),
        ("14", "partial", True, "submitted"),
        ("10", "unknown", False, "unanswered"),
        ("12(b)", "implemented", False, "submitted"),
    ]
    assert data["totals"]["implementation"] == {
        "not-started": 0,
        "partial": 2,
        "implemented": 1,
        "unknown": 1,
    }
    result = cli("coverage", "--follow-up", "--format", "html", "--root", r)
    assert result.exit_code == 0, result.stderr
    page = (root / "build" / "follow-up-coverage.html").read_text(encoding="utf-8")
    assert "CMW/C/IDN/CO/2" in page and "2028-01-20" in page
    result = cli("coverage", "--follow-up", "--format", "xlsx", "--root", r)
    assert result.exit_code == 0, result.stderr
    wb = openpyxl.load_workbook(root / "build" / "follow-up-coverage.xlsx")
    head = [c.value for c in wb.worksheets[1][1]]
    assert "Recommendation" in head and "Question" not in head

    # 6. A final before approval writes nothing and names what is missing.
    result = cli("render", "--follow-up", "--final", "--root", r)
    assert result.exit_code == 1
    assert (
        "final follow-up information not written: 2 selected recommendations have no approved "
        "reply in the report's language."
    ) in result.stderr
    assert "12(a)" in result.stderr and "14" in result.stderr
    assert not list((root / "build").glob("*.docx"))
    result = cli("render", "--follow-up", "--root", r)  # a working draft takes submitted texts
    assert result.exit_code == 0, result.stderr
    assert "gaps: 0 recommendations; untranslated: 0 recommendations;" in result.stdout

    # 7. The coordinators approve the entries, then write the final follow-up information.
    for name in ("KEMNAKER", "KP2MI"):
        path = root / "answers" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("status: submitted", "status: approved"), encoding="utf-8")
    result = cli("render", "--follow-up", "--final", "--root", r)
    assert result.exit_code == 0, result.stdout + result.stderr
    target = root / "build" / "CMW-C-IDN-CO-2-follow-up-en-final.docx"
    assert "build/CMW-C-IDN-CO-2-follow-up-en-final.docx (final, English)" in result.stdout
    assert "4 numbered paragraphs, 1 footnote, 0 tables" in result.stdout
    # the whole document but its title block, as docs/workflow.md shows it
    assert "words (en): 79 (questions/observations.yaml sets no word limit)" in result.stdout
    paragraphs = [
        (p.style.name if p.style else "", p.text) for p in docx.Document(str(target)).paragraphs
    ]
    assert paragraphs[1:] == [
        (
            "Report Title",
            "Information received from Indonesia on follow-up to the concluding observations "
            "on its second periodic report",
        ),
        (
            "Reply Heading",
            "Information on follow-up to paragraph 12 (a) of the concluding observations",
        ),
        ("Recommendation", "The Committee recommends that the State party:"),
        (
            "Recommendation",
            "(a)\tMonitor recruitment agencies and sanction those that charge fees;",
        ),
        ("Report Paragraph", "1.\tThe Ministry inspected 120 recruitment agencies in 2026."),
        ("Report Paragraph", "2.\tEleven licences were revoked."),
        (
            "Reply Heading",
            "Information on follow-up to paragraph 14 of the concluding observations",
        ),
        (
            "Recommendation",
            "The Committee recommends that the State party strengthen consular assistance.",
        ),
        ("Report Paragraph", "3.\tLabour attachés were posted to 12 missions."),
        ("Report Paragraph", "4.\tA hotline opened in 2026."),
    ]
    with zipfile.ZipFile(target) as package:
        document = package.read("word/document.xml").decode("utf-8")
        notes = package.read("word/footnotes.xml").decode("utf-8")
    assert document.count("<w:footnoteReference") == 1
    assert "See also general comment No. 1, para. 5." in notes
    assert "[^1]" not in document and "[^1]" not in notes


def test_a_quoted_recommendation_keeps_its_footnotes_in_the_draft(tmp_path: Path, cli: Any) -> None:
    """Two notes in one paragraph, one cited twice, text after a marker."""
    root = tmp_path / "ws"
    r = str(root)
    assert cli("init", r).exit_code == 0
    ministries = root / "questions" / "ministries.yaml"
    ministries.write_text(ministries.read_text(encoding="utf-8") + BODIES, encoding="utf-8")
    (root / "questions" / "observations.yaml").write_text(
        OBSERVATIONS.replace(
            "strengthen consular assistance.[^1]\n",
            "strengthen consular assistance[^1] and shelters,[^2] as before.[^1]\n",
        ).replace(
            "          [^1]: See also general comment No. 1, para. 5.\n",
            "          [^1]: See also general comment No. 1, para. 5.\n"
            "          [^2]: Including *safe houses*.\n",
        ),
        encoding="utf-8",
    )
    result = cli("render", "--follow-up", "--allow-gaps", "--root", r)
    assert result.exit_code == 0, result.stdout + result.stderr
    target = root / "build" / "CMW-C-IDN-CO-2-follow-up-en.docx"
    quoted = [
        p.text
        for p in docx.Document(str(target)).paragraphs
        if p.style and p.style.name == "Recommendation" and "consular" in p.text
    ]
    assert quoted == [
        "The Committee recommends that the State party strengthen consular assistance and "
        "shelters, as before."
    ]
    with zipfile.ZipFile(target) as package:
        document = package.read("word/document.xml").decode("utf-8")
        notes = package.read("word/footnotes.xml").decode("utf-8")
    assert document.count("<w:footnoteReference") == 3
    # one Word footnote per reference, as for the report's answers; the note's Markdown shown
    assert notes.count("See also general comment No. 1, para. 5.") == 2
    assert "*" not in notes and '<w:i/></w:rPr><w:t xml:space="preserve">safe houses' in notes
