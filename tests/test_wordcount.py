"""One word count (SPEC 6): check, coverage and render count the same words, the DOCX's own.

The count is everything the report prints in its language except the title block; the
report's own numbering (paragraph numbers, list labels, footnote marks) and a draft's
working marks (tags, placeholders) are not words. ``docx_words`` counts a rendered DOCX
that way, with python-docx: body paragraphs, table cells and the footnotes part.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree

from cmwreport.commands import run_coverage, run_render
from cmwreport.quicktemplates import QuickTemplates
from cmwreport.templating import PACKAGED, templates_for
from cmwreport.text import count_words
from cmwreport.wordcount import template_context
from cmwreport.workspace import load_workspace
from conftest import EXAMPLE, write_workspace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOT_COUNTED = {
    "Document Symbol",
    "Committee",
    "Report Title",
    "Date Received",
    "Draft Notice",
    "Draft Tag",
    "Placeholder",
}
"""The title block and a draft's working marks."""


def docx_words(path: Path) -> int:
    """The words of a rendered report outside its title block, read with python-docx.

    Also of the follow-up information: the label ``(a)`` of a quoted item is numbering.
    """
    doc = Document(str(path))
    total = 0
    for paragraph in doc.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        text = paragraph.text
        if style in NOT_COUNTED:
            continue
        if style == "Report Paragraph":  # the paragraph's number, a first item's label
            text = re.sub(r"^\d+\.\t(?:\(?[a-z]+\) )?", "", text)
        if style.startswith("Report List") or style in ("Recommendation", "Quote"):
            text = re.sub(r"^\(?[a-z]+\)\t", "", text)  # a list's label, a quoted item's
        total += count_words(text)
    for table in doc.tables:
        for row in table.rows:
            # python-docx gives a merged cell (a spanner head) once per column it spans
            cells = {id(cell._tc): cell for cell in row.cells}
            total += sum(count_words(cell.text) for cell in cells.values())
    with zipfile.ZipFile(path) as archive:
        if "word/footnotes.xml" in archive.namelist():
            root = etree.fromstring(archive.read("word/footnotes.xml"))
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator"):
                    continue
                total += count_words("".join(t.text or "" for t in note.iter(f"{W}t")))
    return total


def _example(tmp_path: Path, limit: int | None = None) -> Path:
    root = tmp_path / "example"
    for folder in ("questions", "answers"):
        shutil.copytree(EXAMPLE / folder, root / folder)
    if limit is not None:
        loipr = root / "questions" / "loipr.yaml"
        text = loipr.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(  kind: \w+)$", rf"\1\n  word_limit: {limit}", text, count=1)
        loipr.write_text(text, encoding="utf-8")
    return root


def _check_words(cli: Any, root: Path) -> int:
    """The count ``check --format json`` gives in its over-word-limit warning."""
    result = cli("check", "--root", str(root), "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    over = [p for p in problems if p["code"] == "over-word-limit"]
    assert len(over) == 1, problems
    match = re.search(r"has (\d+) words", over[0]["message"])
    assert match is not None, over[0]["message"]
    return int(match.group(1))


def test_the_example_counts_the_same_in_check_coverage_render_and_the_docx(
    tmp_path: Path, cli: Any
) -> None:
    root = _example(tmp_path, limit=1000)
    checked = _check_words(cli, root)
    coverage = json.loads(cli("coverage", "--root", str(root), "--format", "json").stdout)
    assert coverage["words"]["total"] == checked
    for fmt in ("table", "markdown"):
        shown = cli("coverage", "--root", str(root), "--format", fmt).stdout
        assert f"{checked:,}" in shown, fmt
    page = tmp_path / "dashboard.html"
    cli("coverage", "--root", str(root), "--format", "html", "--output", str(page))
    assert f"{checked:,}" in page.read_text(encoding="utf-8")
    out = tmp_path / "report.docx"
    rendered = cli("render", "--root", str(root), "--output", str(out))
    assert f"words (en): {checked:,} of 1,000" in rendered.stdout
    assert docx_words(out) == checked
    # More than the answers: the introduction, headings and the list of abbreviations count.
    answers = sum(e.words("en") for e in load_workspace(root).included_answers())
    assert checked > answers + 300


def test_the_example_counts_a_final_and_another_language_as_their_docx(tmp_path: Path) -> None:
    root = _example(tmp_path)
    for options in ({"final": True, "allow_gaps": True}, {"report_lang": "id"}):
        out = tmp_path / f"report-{len(options)}.docx"
        done = run_render(root=root, output=out, **options)
        assert done.report.words == docx_words(out) > 1000, options
        final = bool(options.get("final"))
        lang = str(options.get("report_lang", "en"))
        assert load_workspace(root).report_words(lang=lang, final=final) == done.report.words


ANSWER_AS_TYPED = """\
ministry: KEMNAKER
answers:
  - question: "2"
    status: approved
    text:
      en: |
        ## Recruitment fees

        Workers pay no placement fee.[^1] The fee, set by law,[^1] covers 1,200 items:

        1. the passport;
        2. the visa, and
           - its legalisation;

        | Year | Cases |
        |------|------:|
        | 2024 | 1,200 |

        [^1]: Law No. 18/2017, article 30.
      id: Pekerja tidak membayar biaya penempatan.
    tables:
      - title: Complaints by sex, 2024
        columns: [Sex, Cases]
        rows:
          - [Women, 1200]
          - [Men, 800.5]
          - [Total, null]
        source: KP2MI complaint data
  - question: "3"
    status: draft
    text: Pengaduan diterima melalui layanan daring dan kantor daerah.
"""


@pytest.mark.parametrize(
    "options", [{}, {"final": True, "allow_gaps": True}, {"report_lang": "id"}]
)
def test_every_kind_of_text_counts_as_the_docx_shows_it(
    tmp_path: Path, options: dict[str, Any]
) -> None:
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": ANSWER_AS_TYPED})
    out = tmp_path / "report.docx"
    done = run_render(root=root, output=out, **options)
    assert done.report.words == docx_words(out)
    lang = str(options.get("report_lang", "en"))
    ws = load_workspace(root)
    assert ws.report_words(lang=lang, final=bool(options.get("final"))) == done.report.words


def test_a_template_quick_evaluation_cannot_read_is_left_to_jinja(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": ANSWER_AS_TYPED})
    (root / "templates" / "en").mkdir(parents=True)
    (root / "templates" / "en" / "reply_heading.j2").write_text(
        "{% for word in ['Answer', 'to', 'question'] %}{{ word }} {% endfor %}{{ number }}\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.docx"
    done = run_render(root=root, output=out)
    assert done.report.words == docx_words(out)
    headings = [
        p.text
        for p in Document(str(out)).paragraphs
        if p.style is not None and p.style.name == "Reply Heading"
    ]
    assert headings[0] == "Answer to question 1"


def test_answers_under_the_limit_but_the_whole_report_over_it_warn(
    tmp_path: Path, cli: Any
) -> None:
    root = write_workspace(tmp_path / "ws")
    path = root / "questions" / "loipr.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  language: en\n", "  language: en\n  word_limit: 150\n")
    path.write_text(text, encoding="utf-8")
    assert "word_limit: 150" in text
    ws = load_workspace(root)
    answers = sum(e.words("en") for e in ws.included_answers())
    assert answers < 150 < ws.report_words()
    result = cli("check", "--root", str(root), "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    assert [(p["file"], p["severity"], p["code"]) for p in problems if "word" in p["code"]] == [
        ("questions/loipr.yaml", "warning", "over-word-limit")
    ]
    words = run_coverage(root=root, fmt="json").coverage.words
    assert f"has {words} words, over the limit of 150" in " ".join(p["message"] for p in problems)


def _names(lang: str) -> list[str]:
    return sorted(p.name for p in (PACKAGED / lang).glob("*.j2"))


@pytest.mark.parametrize("lang", ["en", "id", "es"])
def test_quick_templates_give_jinjas_text_for_every_packaged_template(lang: str) -> None:
    ws = load_workspace(EXAMPLE)
    templates = templates_for(EXAMPLE)
    quick = QuickTemplates(templates)
    context = template_context(ws, lang, False, "KP2MI")
    extras: dict[str, Any] = {
        "number": 7,
        "letter": "a",
        "title": "Placements",
        "source": "KP2MI data",
        "section": {"id": "I-A", "title": "General information", "depth": 0},
        "body": context["bodies"][0],
        "numeral": "ii",
        "note": "Figures are provisional.",
        "count": 2,
        "observations": {"symbol": "CMW/C/IDN/CO/2", "report": "CMW/C/IDN/2", "report_number": 2},
        "follow_up": {"symbol": "CMW/C/IDN/CO/2/Add.1", "due": None, "word_limit": None},
    }
    names = _names(lang)
    assert "introduction.md.j2" in names
    for final in (False, True):
        context["final"] = final
        for name in names:
            expected = templates.render(name, lang, **context, **extras)
            assert quick.render(name, lang, **context, **extras) == expected, name
            if not name.startswith("follow_up"):  # the report's: counted without Jinja
                quick_text = quick._text(f"{lang}/{name}", {"lang": lang, **context, **extras})
                assert quick_text is not None, name
    assert quick.lines("layout.j2", **context) == templates.lines("layout.j2", **context)


SUBITEMS_LOIPR = """\
committee: CMW
state: Testland
symbol: CMW/C/TST/QPR/2
report:
  title: Second periodic report
  symbol: CMW/C/TST/2
  language: en
sections:
  - id: I
    title: General information
    paragraphs:
      - number: 1
        lead: KEMLU
        text: Please provide information on the legal framework, in particular
        items:
          - letter: a
            text: Laws adopted;
          - letter: b
            text: Agreements concluded.
      - number: 7
        lead: KEMNAKER
        text: Please describe the participation of civil society
        items:
          - letter: a
            text: In the policies on labour migration, in particular
            items:
              - numeral: i
                text: In consultations on draft laws;
              - numeral: ii
                text: In the monitoring of services;
          - letter: b
            text: In the preparation of the present report.
"""

SUBITEMS_MINISTRIES = """\
ministries:
  - code: KEMLU
    name: Ministry of Foreign Affairs
  - code: KEMNAKER
    name: Ministry of Manpower
"""

KEMLU_ANSWERS = """\
ministry: KEMLU
answers:
  - question: "1"
    status: draft
    text: |
      Our legal framework rests on Law 18 of 2017, which covers both laws and agreements.
  - question: "1(a)"
    status: draft
    text: |
      Two laws were adopted in 2022.
"""

KEMNAKER_ANSWERS = """\
ministry: KEMNAKER
answers:
  - question: "7(a)"
    status: submitted
    text: |
      Civil society takes part in labour migration policy through a national forum.
  - question: "7(a)(i)"
    status: draft
    text: |
      Drafts of laws are published for comment for thirty days.
    tables:
      - title: Comments received on draft laws, 2023-2024
        columns: [Year, Unions, Associations, Other]
        column_groups:
          - {title: "", span: 1}
          - {title: Comments from civil society organizations, span: 2}
          - {title: "", span: 1}
        rows:
          - [2023, 1200, 340, ..]
          - [2024, 1530, 410, 12]
          - [Total, 2730, 750, 12]
        notes:
          - Figures for 2024 are provisional.
          - Two dots (..) indicate that data are not available.
        source: Ministry of Manpower, legislation unit
"""


def test_sub_items_introductions_and_un_tables_count_as_the_docx_prints_them(
    tmp_path: Path, cli: Any
) -> None:
    root = write_workspace(
        tmp_path / "ws",
        loipr=SUBITEMS_LOIPR,
        ministries=SUBITEMS_MINISTRIES,
        answers={"KEMLU": KEMLU_ANSWERS, "KEMNAKER": KEMNAKER_ANSWERS},
    )
    counted = load_workspace(root).report_words()
    out = tmp_path / "report.docx"
    rendered = cli("render", "--root", str(root), "--output", str(out))
    assert rendered.exit_code == 0, rendered.stderr
    assert f"words (en): {counted:,} of" in rendered.stdout
    assert docx_words(out) == counted
    texts = [p.text for p in Document(str(out)).paragraphs]
    # what this workspace exercises: a sub-item heading shown, item (b) of paragraph 1 left
    # out (its introduction answers it), the spanner head, both notes and the Total row
    assert "(i)" in texts and "(b)" in texts  # 7(a)(i) and 7(b)'s placeholder
    assert texts.count("(b)") == 1
    assert any(t.startswith("Notes:") for t in texts)
    cells = [c.text for table in Document(str(out)).tables for row in table.rows for c in row.cells]
    assert "Comments from civil society organizations" in cells and "Total" in cells
