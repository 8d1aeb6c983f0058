"""The rendered report's layout as UN documents have it (issue 13, item 7).

Headings take their style by kind, on the UN Editorial Manual's scale (I. 14 pt bold,
A. 12 pt bold, 1. and (a) 10 pt bold, (i) 10 pt italic), not by how deep they sit; the
date line is left out of a final without a date; odd and even pages carry the symbol and
the page number on their outer edge.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from lxml import etree

from cmwreport.render.docx import render_docx
from cmwreport.report import Heading, Report, section_kind
from cmwreport.templating import PACKAGED

ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

LOIPR = """\
committee: CMW
state: Testland
symbol: CMW/C/TST/QPR/2
adopted: 2025-01-10
report:
  title: Second periodic report submitted by Testland under article 73 of the Convention
  symbol: CMW/C/TST/2
  due: 2022
  kind: periodic
  language: en
  drafting_languages: [id, en]
{date}
sections:
  - id: I
    title: Section I
    sections:
      - id: I-A
        title: A. General information
        paragraphs:
          - number: 1
            lead: KEMLU
            text: Please describe the legal framework.
            items:
              - letter: a
                text: Laws adopted since the last review.
              - letter: b
                text: Bilateral agreements.
      - id: I-B
        title: B. Information relating to each of the articles of the Convention
        sections:
          - id: I-B-1
            title: 1. General principles
            paragraphs:
              - number: 2
                lead: KEMLU
                text: Please describe remedies.
"""

ANSWERS = """\
ministry: KEMLU
answers:
  - question: 1(a)
    status: approved
    text:
      en: Law No. 18 of 2017 protects migrant workers.
      id: UU No. 18 Tahun 2017 melindungi pekerja migran.
  - question: 1(b)
    status: approved
    text:
      en: Agreements were signed with two States.
      id: Perjanjian ditandatangani dengan dua negara.
  - question: "2"
    status: approved
    text:
      en: Complaints can be filed online with MoFA.
      id: Pengaduan dapat disampaikan daring kepada MoFA.
"""

MINISTRIES = """\
ministries:
  - code: KEMLU
    name: Ministry of Foreign Affairs
    abbreviation: MoFA
    coordinator: true
"""


def _workspace(root: Path, date: str = "") -> Path:
    """A workspace as a coordinator types it: Section I, A., B., 1., items (a) and (b)."""
    (root / "questions").mkdir(parents=True)
    (root / "answers").mkdir()
    line = f"  date_received: {date}" if date else ""
    (root / "questions" / "loipr.yaml").write_text(LOIPR.format(date=line), encoding="utf-8")
    (root / "questions" / "ministries.yaml").write_text(MINISTRIES, encoding="utf-8")
    (root / "answers" / "KEMLU.yaml").write_text(ANSWERS, encoding="utf-8")
    return root


def _render(cli: Any, root: Path, *args: str) -> DocxDocument:
    target = root / "out.docx"
    result = cli("render", "--root", str(root), "-o", str(target), *args, env=ENV)
    assert result.exit_code == 0, result.stderr
    return Document(str(target))


def _look(style: Any) -> tuple[float | None, bool, bool]:
    """The size (pt), bold and italic a style gives, following its base styles."""
    size = bold = italic = None
    while style is not None:
        font = style.font
        size = size if size is not None else font.size
        bold = bold if bold is not None else font.bold
        italic = italic if italic is not None else font.italic
        style = style.base_style
    return (size.pt if size is not None else None, bool(bold), bool(italic))


def _headings(doc: Any) -> dict[str, tuple[str, tuple[float | None, bool, bool]]]:
    return {
        p.text: (p.style.name, _look(p.style))
        for p in doc.paragraphs
        if p.style is not None and ("Heading" in p.style.name)
    }


# ------------------------------------------------------------------ headings by kind


def test_headings_follow_the_un_scale_by_kind(cli: Any, tmp_path: Path) -> None:
    headings = _headings(_render(cli, _workspace(tmp_path / "ws")))
    assert headings["I.\tIntroduction"] == ("Heading 1", (14.0, True, False))
    part2 = "II.\tReplies to the list of issues prior to reporting (CMW/C/TST/QPR/2)"
    assert headings[part2] == ("Heading 1", (14.0, True, False))
    # "Section I" and "A." both take the UN's H1 level (12 pt); no 11 pt level any more
    assert headings["Section I"] == ("Heading 2", (12.0, True, False))
    assert headings["A.\tGeneral information"] == ("Heading 2", (12.0, True, False))
    article_part = "B.\tInformation relating to each of the articles of the Convention"
    assert headings[article_part] == ("Heading 2", (12.0, True, False))
    # "1." is H23, one level below, however deep it sits
    assert headings["1.\tGeneral principles"] == ("Heading 3", (10.0, True, False))
    assert headings["Reply to paragraph 1"] == ("Reply Heading", (10.0, True, False))
    # items "(a)" in bold, not italic
    assert headings["(a)"] == ("Item Heading", (10.0, True, False))
    assert headings["(b)"] == ("Item Heading", (10.0, True, False))
    sizes = {look[0] for _, look in headings.values()}
    assert sizes <= {14.0, 12.0, 10.0}, sizes


def test_sub_item_heading_is_italic(tmp_path: Path) -> None:
    report = Report(lang="en", final=False)
    report.blocks = [
        Heading("item", "(a)"),
        Heading("subitem", "(i)"),
        Heading("sub", "Written in an answer"),
    ]
    target = tmp_path / "sub.docx"
    target.write_bytes(render_docx(report, PACKAGED / "reference.docx"))
    headings = _headings(Document(str(target)))
    assert headings["(a)"] == ("Item Heading", (10.0, True, False))
    assert headings["(i)"] == ("Sub-item Heading", (10.0, False, True))
    assert headings["Written in an answer"] == ("Sub Heading", (10.0, False, True))


def test_sub_item_heading_falls_back_to_the_item_heading(tmp_path: Path) -> None:
    # a coordinator's older reference document, made before sub-items existed
    own = Document(str(PACKAGED / "reference.docx"))
    own.styles["Sub-item Heading"].delete()
    reference = tmp_path / "reference.docx"
    own.save(str(reference))
    report = Report(lang="en", final=False, blocks=[Heading("subitem", "(ii)")])
    target = tmp_path / "sub.docx"
    target.write_bytes(render_docx(report, reference))
    doc = Document(str(target))
    assert [(p.style.name if p.style else None, p.text) for p in doc.paragraphs] == [
        ("Item Heading", "(ii)")
    ]


@pytest.mark.parametrize(
    ("text", "depth", "kind"),
    [
        ("Section I", 0, "section"),
        ("Bagian II", 0, "section"),
        ("Sección III — Datos", 0, "section"),
        ("A. General information", 1, "section"),
        ("A. General information", 3, "section"),
        ("1. General principles", 1, "subsection"),
        ("12. Data", 0, "subsection"),
        ("General information", 0, "section"),
        ("Information", 1, "section"),
        ("General principles", 2, "subsection"),
    ],
)
def test_section_kind_comes_from_the_label(text: str, depth: int, kind: str) -> None:
    assert section_kind(text, depth) == kind


def test_indonesian_headings_take_the_same_styles(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws")
    loipr = root / "questions" / "loipr.yaml"
    text = loipr.read_text(encoding="utf-8")
    text = text.replace("title: Section I\n", "title: {en: Section I, id: Bagian I}\n")
    text = text.replace(
        "title: 1. General principles\n",
        "title: {en: 1. General principles, id: 1. Prinsip-prinsip umum}\n",
    )
    loipr.write_text(text, encoding="utf-8")
    headings = _headings(_render(cli, root, "--lang", "id"))
    assert headings["Bagian I"] == ("Heading 2", (12.0, True, False))
    assert headings["1.\tPrinsip-prinsip umum"] == ("Heading 3", (10.0, True, False))
    assert headings["(a)"] == ("Item Heading", (10.0, True, False))


# ------------------------------------------------------------------ date received


def _texts(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_final_without_a_date_has_no_date_line(cli: Any, tmp_path: Path) -> None:
    texts = _texts(_render(cli, _workspace(tmp_path / "ws"), "--final"))
    assert not any("Date received" in t for t in texts), texts
    assert not any("…" in t for t in texts)
    # the title block goes straight on to the next part
    title = "Second periodic report submitted by Testland under article 73 of the Convention, "
    at = texts.index(title + "due in 2022")
    assert texts[at + 1] == "Abbreviations"


def test_draft_without_a_date_keeps_a_visible_placeholder(cli: Any, tmp_path: Path) -> None:
    doc = _render(cli, _workspace(tmp_path / "ws"))
    lines = [(p.style.name, p.text) for p in doc.paragraphs if p.style is not None]
    assert ("Date Received", "[Date received: …]") in lines


def test_final_with_a_date_prints_it(cli: Any, tmp_path: Path) -> None:
    doc = _render(cli, _workspace(tmp_path / "ws", date="2025-07-31"), "--final")
    lines = [(p.style.name, p.text) for p in doc.paragraphs if p.style is not None]
    assert ("Date Received", "[Date received: 31 July 2025]") in lines


def test_indonesian_final_without_a_date_has_no_date_line(cli: Any, tmp_path: Path) -> None:
    texts = _texts(_render(cli, _workspace(tmp_path / "ws"), "--final", "--lang", "id"))
    assert not any("Tanggal diterima" in t for t in texts), texts


# ------------------------------------------------------------- odd and even headers


def _field_codes(part: Any) -> list[str]:
    return [(el.text or "").strip() for el in part._element.iter(f"{{{W}}}instrText")]


def test_odd_and_even_pages_carry_symbol_and_number_on_the_outer_edge(
    cli: Any, tmp_path: Path
) -> None:
    root = _workspace(tmp_path / "ws")
    doc = _render(cli, root)
    assert doc.settings.odd_and_even_pages_header_footer is True
    with zipfile.ZipFile(root / "out.docx") as docx:
        settings = etree.fromstring(docx.read("word/settings.xml"))
    assert settings.find(f"{{{W}}}evenAndOddHeaders") is not None
    section = doc.sections[0]
    assert section.different_first_page_header_footer is True
    odd, even = section.header, section.even_page_header
    assert not odd.is_linked_to_previous and not even.is_linked_to_previous
    assert [p.text for p in odd.paragraphs] == ["CMW/C/TST/2"]
    assert [p.text for p in even.paragraphs] == ["CMW/C/TST/2"]
    assert odd.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert all(r.bold and r.font.size == Pt(9) for r in odd.paragraphs[0].runs)
    # the page number: right on odd pages, left on even ones
    assert _field_codes(section.footer) == ["PAGE"]
    assert _field_codes(section.even_page_footer) == ["PAGE"]
    assert section.footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert section.even_page_footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    # page 1: the title block carries the symbol; no header text, no page number
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    assert _field_codes(section.first_page_footer) == []


def test_even_header_follows_the_workspace_symbol(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws")
    loipr = root / "questions" / "loipr.yaml"
    loipr.write_text(
        loipr.read_text(encoding="utf-8").replace("symbol: CMW/C/TST/2", "symbol: CMW/C/TST/3"),
        encoding="utf-8",
    )
    section = _render(cli, root).sections[0]
    assert section.even_page_header.paragraphs[0].text == "CMW/C/TST/3"
    assert section.header.paragraphs[0].text == "CMW/C/TST/3"


def test_heading_labels_hang_in_the_column_of_the_paragraph_numbers() -> None:
    styles = Document(str(PACKAGED / "reference.docx")).styles

    def columns(name: str) -> tuple[int, int]:
        fmt = styles[name].paragraph_format
        left = fmt.left_indent or 0
        return (left + (fmt.first_line_indent or 0), left)

    numbers = columns("Report Paragraph")
    for name in ("Heading 1", "Heading 2", "Heading 3", "Item Heading", "Sub-item Heading"):
        assert columns(name) == numbers, name
    # a heading that never has a label starts, and wraps, in the label column
    for name in ("Reply Heading", "Sub Heading"):
        assert columns(name) == (numbers[0], numbers[0]), name
