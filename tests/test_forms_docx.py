"""Word forms as ministries fill them in: Track Changes, content controls, lists, footnotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document

from cmwreport.forms import import_form
from cmwreport.markdown import MdList, MdParagraph, parse, plain
from conftest import write_workspace
from officefiles import (
    TODAY,
    answer_records,
    dele,
    fill_docx_xml,
    footnote_ref,
    ins,
    issue,
    numbered,
    para,
    resave,
    run,
    soffice,
)
from test_forms import KP2MI_FILE


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_workspace(tmp_path / "ws", answers={"KP2MI": KP2MI_FILE})


_records = answer_records


def _text(root: Path, question: str, lang: str) -> str:
    return str(_records(root)[question]["text"][lang]).strip()


# --------------------------------------------------------------------------- tracked changes


def test_tracked_insertions_are_kept_and_deletions_dropped(root: Path) -> None:
    path = issue(root, "docx")
    fill_docx_xml(
        path,
        {
            ("3", "en"): [
                para(
                    run("The Government waived fees for ")
                    + dele("eight ")
                    + ins(run("ten "))
                    + run("occupations.")
                )
            ],
            ("1(a)", "id"): [para(ins(run("Undang-undang baru disahkan.")))],
        },
    )
    result = import_form(root, path, today=TODAY)
    actions = {o.question: o.action for o in result.outcomes}
    assert actions == {"3": "updated", "1(a)": "added", "1(b)": "unchanged"}
    assert _text(root, "3", "en") == "The Government waived fees for ten occupations."
    assert _text(root, "1(a)", "id") == "Undang-undang baru disahkan."


def test_moves_deleted_paragraph_marks_and_a_deleted_paragraph(root: Path) -> None:
    path = issue(root, "docx")
    moved_from = (
        '<w:moveFrom w:id="5" w:author="A" w:date="2025-07-30T10:00:00Z">'
        + run("Moved words.")
        + "</w:moveFrom>"
    )
    moved_to = (
        '<w:moveTo w:id="6" w:author="A" w:date="2025-07-30T10:00:00Z">'
        + run(" Moved words.")
        + "</w:moveTo>"
    )
    joined = '<w:rPr><w:del w:id="7" w:author="A" w:date="2025-07-30T10:00:00Z"/></w:rPr>'
    fill_docx_xml(
        path,
        {
            ("3", "en"): [
                para(run("First part") + moved_from, ppr=joined),
                para(run(" continues here.") + moved_to),
                para(dele("A whole deleted paragraph.")),
                para(run("Last.")),
            ]
        },
    )
    import_form(root, path, today=TODAY)
    assert _text(root, "3", "en") == "First part continues here. Moved words.\n\nLast."


def test_content_controls_fields_hyperlinks_and_smart_tags_are_read(root: Path) -> None:
    path = issue(root, "docx")
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF law_18 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("Law No. 18")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    fill_docx_xml(
        path,
        {
            ("3", "en"): [
                '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                "<w:sdtPr><w:alias w:val='Answer'/></w:sdtPr><w:sdtContent>"
                + para(run("Inside a content control."))
                + "</w:sdtContent></w:sdt>",
                para(
                    run("See ")
                    + complex_field
                    + run(", ")
                    + '<w:fldSimple w:instr=" DOCPROPERTY Year ">'
                    + run("2024")
                    + "</w:fldSimple>"
                    + run(", ")
                    + '<w:hyperlink r:id="rId999">'
                    + run("the portal")
                    + "</w:hyperlink>"
                    + run(" and ")
                    + '<w:smartTag w:uri="urn:x" w:element="place">'
                    + run("Jakarta")
                    + "</w:smartTag>"
                    + "<w:sdt><w:sdtContent>"
                    + run(" (inline control)")
                    + "</w:sdtContent></w:sdt>"
                    + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                    + run("Click or tap here to enter text.")
                    + "</w:sdtContent></w:sdt>"
                    + run(".")
                ),
            ]
        },
    )
    import_form(root, path, today=TODAY)
    assert _text(root, "3", "en") == (
        "Inside a content control.\n\nSee Law No. 18, 2024, the portal and Jakarta "
        "(inline control)."
    )


# --------------------------------------------------------------------------- formatting


def test_bold_and_italic_become_markdown(root: Path) -> None:
    path = issue(root, "docx")
    fill_docx_xml(
        path,
        {
            ("3", "en"): [
                para(
                    run("Fees were ")
                    + run("waived ", b=True)
                    + run("for all", i=True)
                    + run(" workers", b=True, i=True)
                    + run(".")
                )
            ]
        },
    )
    import_form(root, path, today=TODAY)
    text = _text(root, "3", "en")
    assert text == "Fees were **waived** *for all* ***workers***."
    block = parse(text).blocks[0]
    assert isinstance(block, MdParagraph)
    runs = block.runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Fees were ", False, False),
        ("waived", True, False),
        (" ", False, False),
        ("for all", False, True),
        (" ", False, False),
        ("workers", True, True),
        (".", False, False),
    ]


def test_word_lists_with_levels_and_typed_bullets_become_markdown_lists(root: Path) -> None:
    path = issue(root, "docx")
    fill_docx_xml(
        path,
        {
            ("3", "en"): [
                para(run("Measures:")),
                para(run("placement"), numbered(41, 0)),
                para(run("pre-departure training"), numbered(41, 1)),
                para(run("insurance"), numbered(41, 0)),
                para(run("Steps:")),
                para(run("register"), numbered(42, 0)),
                para(run("sign the contract"), numbered(42, 0)),
            ],
            ("3", "id"): [
                para(run("• butir satu")),
                para(run("\t◦ butir bersarang")),
                para(run("• butir dua")),
            ],
        },
        lists={41: ["bullet", "bullet"], 42: ["decimal"]},
    )
    import_form(root, path, today=TODAY)
    assert _text(root, "3", "en") == (
        "Measures:\n\n- placement\n  - pre-departure training\n- insurance\n\n"
        "Steps:\n\n1. register\n1. sign the contract"
    )
    assert _text(root, "3", "id") == "- butir satu\n  - butir bersarang\n- butir dua"
    blocks = parse(_text(root, "3", "id")).blocks
    assert len(blocks) == 1
    assert isinstance(blocks[0], MdList)
    assert [(i.level, plain(i.runs)) for i in blocks[0].items] == [
        (0, "butir satu"),
        (1, "butir bersarang"),
        (0, "butir dua"),
    ]


def test_list_bullet_style_of_python_docx_is_a_list(root: Path) -> None:
    """A paragraph whose style carries the numbering (Word's "List Bullet") is a list item."""
    path = issue(root, "docx")
    doc = Document(str(path))
    for table in doc.tables:
        if table.rows[0].cells[0].text.strip() == "3":
            cell = next(r for r in table.rows if "bahasa Inggris" in r.cells[0].text).cells[1]
            cell.paragraphs[0].add_run("Two channels:")
            cell.add_paragraph("a ", style="List Bullet").add_run("hotline").bold = True
            cell.add_paragraph("an online portal", style="List Bullet")
    doc.save(str(path))
    import_form(root, path, today=TODAY)
    assert _text(root, "3", "en") == "Two channels:\n\n- a **hotline**\n- an online portal"


def test_shift_enter_stays_inside_its_paragraph(root: Path) -> None:
    path = issue(root, "docx")
    fill_docx_xml(
        path,
        {
            ("3", "en"): [
                para(run("Address: Jl. Gatot Subroto") + "<w:r><w:br/></w:r>" + run("Jakarta")),
                para(run("Second paragraph.")),
            ]
        },
    )
    import_form(root, path, today=TODAY)
    text = _text(root, "3", "en")
    blocks = parse(text).blocks
    assert len(blocks) == 2
    assert isinstance(blocks[0], MdParagraph)
    runs = blocks[0].runs
    assert [r.line_break for r in runs] == [False, True, False]
    assert plain(runs) == "Address: Jl. Gatot Subroto Jakarta"


# --------------------------------------------------------------------------- footnotes


def test_word_footnotes_become_markdown_footnotes(root: Path) -> None:
    path = issue(root, "docx")
    fill_docx_xml(
        path,
        {
            ("3", "en"): [
                para(run("Complaints are handled online.") + footnote_ref(1)),
                para(run("And by phone.") + footnote_ref(2)),
            ]
        },
        footnotes={1: "Regulation No. 9 of 2020.", 2: "Hotline 1500-123."},
    )
    import_form(root, path, today=TODAY)
    text = _text(root, "3", "en")
    assert text == (
        "Complaints are handled online.[^1]\n\nAnd by phone.[^2]\n\n"
        "[^1]: Regulation No. 9 of 2020.\n\n[^2]: Hotline 1500-123."
    )
    parsed = parse(text)
    assert [plain(p) for note in parsed.footnotes for p in note] == [
        "Regulation No. 9 of 2020.",
        "Hotline 1500-123.",
    ]


def test_an_answers_existing_footnote_survives_and_new_ones_do_not_clash(tmp_path: Path) -> None:
    answers = {
        "KEMLU": {
            "ministry": "KEMLU",
            "answers": [
                {
                    "question": "1(a)",
                    "status": "submitted",
                    "text": {
                        "en": "Law No. 18 of 2017 protects migrant workers.[^1]\n\n"
                        "[^1]: Replacing Law No. 39 of 2004.",
                    },
                }
            ],
        }
    }
    root = write_workspace(tmp_path / "ws", answers=answers)
    path = issue(root, "docx", code="KEMLU")
    fill_docx_xml(
        path,
        {
            ("1(a)", "en"): [
                para(run("Law No. 18 of 2017 protects migrant workers.[^1]")),
                para(run("It is implemented by regulations.") + footnote_ref(3)),
            ]
        },
        footnotes={3: "Government Regulation No. 59 of 2021."},
    )
    import_form(root, path, today=TODAY)
    text = _records(root, "KEMLU")["1(a)"]["text"]["en"]
    assert "[^1]: Replacing Law No. 39 of 2004." in text
    assert "It is implemented by regulations.[^2]" in text
    assert "[^2]: Government Regulation No. 59 of 2021." in text
    assert len(parse(text).footnotes) == 2


# --------------------------------------------------------------------------- refused


DRAWING = (
    '<w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/><wp:docPr id="1" name="P"/>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    "<pic:pic/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
)
CHART = DRAWING.replace("drawingml/2006/picture", "drawingml/2006/chart").replace("<pic:pic/>", "")
TEXT_BOX = (
    "<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)
INNER_TABLE = (
    '<w:tbl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)


@pytest.mark.parametrize(
    ("content", "what"),
    [
        ([para(run("See the picture: ") + DRAWING)], "a picture"),
        ([para(run("See the chart: ") + CHART)], "a chart"),
        ([para(run("See the box: ") + TEXT_BOX)], "a text box"),
        ([para(run("See the table:")), INNER_TABLE, para(run("end"))], "a table"),
        ([para(run("Object: ") + "<w:r><w:object/></w:r>")], "an embedded object"),
    ],
)
def test_what_markdown_cannot_carry_is_refused_naming_the_question(
    root: Path, cli: Any, content: list[str], what: str
) -> None:
    path = issue(root, "docx")
    fill_docx_xml(
        path,
        {("3", "en"): content, ("1(a)", "id"): [para(run("Jawaban lain."))]},
    )
    before = _records(root)["3"]
    result = cli("import", str(path), "--root", str(root))
    assert result.exit_code == 1
    assert f"3: refused — the answer to 3 holds {what}" in result.stdout
    assert _records(root)["3"] == before  # nothing of that answer was imported
    assert _text(root, "1(a)", "id") == "Jawaban lain."  # the others were


def test_edit_in_the_grey_current_answer_is_refused_not_ignored(root: Path, cli: Any) -> None:
    path = issue(root, "docx")
    doc = Document(str(path))
    for table in doc.tables:
        if table.rows[0].cells[0].text.strip() == "3":
            table.rows[1].cells[1].paragraphs[-1].add_run(" Dan melalui telepon.")
    doc.save(str(path))
    result = cli("import", str(path), "--root", str(root), "--ui-lang", "id")
    assert result.exit_code == 1
    assert "3: ditolak — bagian abu-abu “jawaban saat ini” pada 3 diubah" in result.stdout
    assert _records(root)["3"]["text"] == "Pengaduan dapat disampaikan daring."


# --------------------------------------------------------------------------- LibreOffice


needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")


@needs_soffice
def test_a_form_resaved_by_libreoffice_imports_with_formatting(root: Path, tmp_path: Path) -> None:
    path = issue(root, "docx")
    fill_docx_xml(
        path,
        {
            ("3", "en"): [
                para(
                    run("Fees were ")
                    + run("waived", b=True)
                    + run(" for ")
                    + dele("eight ")
                    + ins(run("ten "))
                    + run("occupations", i=True)
                    + run(".")
                    + footnote_ref(1)
                ),
                para(run("placement"), numbered(41, 0)),
                para(run("training"), numbered(41, 1)),
                para(run("Line one") + "<w:r><w:br/></w:r>" + run("line two")),
            ]
        },
        lists={41: ["bullet", "bullet"]},
        footnotes={1: "Decree No. 228 of 2019."},
    )
    resaved = resave(path, "docx", tmp_path)
    import_form(root, resaved, today=TODAY)
    text = _text(root, "3", "en")
    assert text == (
        "Fees were **waived** for ten *occupations*.[^1]\n\n- placement\n  - training\n\n"
        "Line one\\\nline two\n\n[^1]: Decree No. 228 of 2019."
    )


def test_a_copied_answer_without_its_footnote_line_changes_nothing(tmp_path: Path) -> None:
    """The footnote's definition the desk officer left out of the copy is kept, not lost."""
    text = "Law No. 18 of 2017 protects migrant workers.[^1]\n\n[^1]: Replacing Law No. 39."
    answers = {
        "KEMLU": {
            "ministry": "KEMLU",
            "answers": [{"question": "1(a)", "status": "submitted", "text": {"en": text}}],
        }
    }
    root = write_workspace(tmp_path / "ws", answers=answers)
    path = issue(root, "docx", code="KEMLU")
    fill_docx_xml(
        path, {("1(a)", "en"): [para(run("Law No. 18 of 2017 protects migrant workers.[^1]"))]}
    )
    result = import_form(root, path, today=TODAY)
    assert {o.question: o.action for o in result.outcomes}["1(a)"] == "unchanged"
    assert _records(root, "KEMLU")["1(a)"]["text"]["en"] == text
