"""``cmwreport render``: open the DOCX it writes and check what a coordinator would check."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from cmwreport.templating import PACKAGED
from conftest import ANSWERS, EXAMPLE, LOIPR, write_workspace

ENV = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}  # 31 July 2025


def _report_number(text: str) -> int:
    """The number written before a report paragraph ("12." and a tab)."""
    found = re.match(r"(\d+)\.\t", text)
    assert found is not None, text
    return int(found.group(1))


def _render(cli: Any, root: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    return cli("render", "--root", str(root), *args, env=env or ENV)


def _texts(path: Path) -> list[tuple[str, str]]:
    doc = Document(str(path))
    return [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]


def _with_note(tmp_path: Path) -> Path:
    answers = copy.deepcopy(ANSWERS)
    answers["KP2MI"]["answers"][0]["note"] = "Check the 2024 figures with BPS."
    return write_workspace(tmp_path / "ws", answers=answers)


def test_draft_layout(cli: Any, ws_root: Path) -> None:
    result = _render(cli, ws_root)
    assert result.exit_code == 0, result.stderr
    path = ws_root / "build" / "CMW-C-TST-2-en.docx"
    assert str(path) in result.stdout
    assert "words (en): " in result.stdout and "of 21,200" in result.stdout
    assert "gaps: 1 unit; untranslated: 1 unit" in result.stdout
    paragraphs = _texts(path)
    styles = dict((text, style) for style, text in paragraphs)
    texts = [text for _, text in paragraphs]
    assert texts[0] == "CMW/C/TST/2"
    assert (
        "Second periodic report submitted by Testland under article 73 of the Convention, "
        "due in 2022" in texts
    )
    assert styles["I.\tIntroduction"] == "Heading 1"
    part2 = "II.\tReplies to the list of issues prior to reporting (CMW/C/TST/QPR/2)"
    assert styles[part2] == "Heading 1"
    replies = [t for t in texts if t.startswith("Reply to paragraph")]
    assert replies == ["Reply to paragraph 1", "Reply to paragraph 2", "Reply to paragraph 3"]
    assert styles["Reply to paragraph 1"] == "Reply Heading"
    numbered = [t for s, t in paragraphs if s == "Report Paragraph"]
    numbers = [_report_number(t) for t in numbered]
    assert numbers == list(range(1, len(numbers) + 1))
    assert "3.\tLaw No. 18 of 2017 protects migrant workers." in texts
    # draft markers
    assert "KEMLU · approved" in texts
    assert "[No reply yet to 2 — lead: KEMNAKER]" in texts


def test_numbers_are_text_not_word_numbering(cli: Any, ws_root: Path) -> None:
    _render(cli, ws_root)
    with zipfile.ZipFile(ws_root / "build" / "CMW-C-TST-2-en.docx") as docx:
        body = docx.read("word/document.xml").decode()
    assert "<w:numPr>" not in body


def test_tables_are_real_word_tables(cli: Any, ws_root: Path) -> None:
    _render(cli, ws_root)
    path = ws_root / "build" / "CMW-C-TST-2-en.docx"
    doc = Document(str(path))
    (table,) = doc.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [["Year", "Men", "Women"], ["2023", "100", "200"], ["2024", "110", "220"]]
    texts = [p.text for p in doc.paragraphs]
    title = texts.index("Table 1: Placements by sex")
    assert texts[title + 1] == "Source: KP2MI"  # the table sits between the two
    body = doc.element.body
    order = [child.tag.split("}")[1] for child in body]
    assert "tbl" in order


def test_footnotes_are_real_word_footnotes(cli: Any, ws_root: Path) -> None:
    _render(cli, ws_root)
    with zipfile.ZipFile(ws_root / "build" / "CMW-C-TST-2-en.docx") as docx:
        names = docx.namelist()
        assert "word/footnotes.xml" in names
        footnotes = docx.read("word/footnotes.xml").decode()
        types = docx.read("[Content_Types].xml").decode()
        rels = docx.read("word/_rels/document.xml.rels").decode()
        body = docx.read("word/document.xml").decode()
        settings = docx.read("word/settings.xml").decode()
    assert "Replacing Law No. 39 of 2004." in footnotes
    assert '<w:footnote w:type="separator" w:id="-1">' in footnotes
    assert '<w:footnote w:type="continuationSeparator" w:id="0">' in footnotes
    assert (
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat>'
        in (settings)
    )
    assert 'w:id="1"' in footnotes and "<w:footnoteRef/>" in footnotes
    assert "footnotes+xml" in types
    assert "relationships/footnotes" in rels
    assert '<w:footnoteReference w:id="1"/>' in body
    assert "Replacing Law No. 39" not in body


def test_comments_only_in_drafts(cli: Any, tmp_path: Path) -> None:
    root = _with_note(tmp_path)
    assert _render(cli, root).exit_code == 0
    draft = Document(str(root / "build" / "CMW-C-TST-2-en.docx"))
    comments = list(draft.comments)
    assert [c.text for c in comments] == ["Check the 2024 figures with BPS."]
    assert comments[0].author == "KP2MI"
    result = _render(cli, root, "--final", "--allow-gaps", "--output", str(root / "f.docx"))
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(root / "f.docx") as docx:
        assert "word/comments.xml" not in docx.namelist()
        body = docx.read("word/document.xml").decode()
    assert "Check the 2024 figures" not in body
    assert "KEMLU · approved" not in body


def test_final_gate_writes_nothing_and_lists_gaps(cli: Any, ws_root: Path) -> None:
    target = ws_root / "build" / "CMW-C-TST-2-en-final.docx"
    result = _render(cli, ws_root, "--final")
    assert result.exit_code == 1
    assert not target.exists()
    assert "final report not written: 3 units" in result.stderr
    assert "1(b): no approved reply yet (lead KP2MI)" in result.stderr
    assert "2: no reply from anyone (lead KEMNAKER)" in result.stderr
    assert "Traceback" not in result.stderr
    allowed = _render(cli, ws_root, "--final", "--allow-gaps")
    assert allowed.exit_code == 0
    texts = [t for _, t in _texts(target)]
    assert "[No approved reply to 2 — lead: KEMNAKER]" in texts
    assert not any(t.startswith("WORKING DRAFT") for t in texts)


def test_final_gate_passes_when_everything_is_approved(cli: Any, tmp_path: Path) -> None:
    answers = copy.deepcopy(ANSWERS)
    answers["KP2MI"]["answers"][0]["status"] = "approved"
    answers["KP2MI"]["answers"][1] = {
        "question": "3",
        "status": "approved",
        "text": {"en": "Complaints can be filed online."},
    }
    answers["KEMNAKER"] = {
        "ministry": "KEMNAKER",
        "answers": [{"question": "2", "status": "approved", "text": "Kebijakan nasional.\n"}],
    }
    root = write_workspace(tmp_path / "ws", answers=answers)
    # 2 is approved but has Indonesian text only: still a gap for an English final
    result = _render(cli, root, "--final")
    assert result.exit_code == 1
    assert "2: the approved reply of KEMNAKER has no text in English" in result.stderr
    answers["KEMNAKER"]["answers"][0]["text"] = {"en": "National policy.", "id": "Kebijakan."}
    root = write_workspace(tmp_path / "ws", answers=answers)
    result = _render(cli, root, "--final")
    assert result.exit_code == 0, result.stderr
    assert "gaps: 0 units" in result.stdout


def test_identical_input_gives_identical_bytes(cli: Any, ws_root: Path, tmp_path: Path) -> None:
    first = tmp_path / "a.docx"
    second = tmp_path / "b.docx"
    assert _render(cli, ws_root, "-o", str(first)).exit_code == 0
    assert _render(cli, ws_root, "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    doc = Document(str(first))
    assert doc.core_properties.modified.year == 2025
    assert doc.core_properties.title.startswith("Second periodic report")
    with zipfile.ZipFile(first) as docx:
        assert {i.date_time[:3] for i in docx.infolist()} == {(2025, 7, 31)}


def test_failure_leaves_previous_file_intact(cli: Any, ws_root: Path) -> None:
    assert _render(cli, ws_root).exit_code == 0
    target = ws_root / "build" / "CMW-C-TST-2-en.docx"
    before = target.read_bytes()
    broken = ws_root / "templates" / "en"
    broken.mkdir(parents=True)
    (broken / "reply_heading.j2").write_text("Reply {{ nope }}\n", encoding="utf-8")
    result = _render(cli, ws_root)
    assert result.exit_code == 1
    assert "template templates/en/reply_heading.j2:1: 'nope' is undefined" in result.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_workspace_templates_change_the_wording(cli: Any, ws_root: Path) -> None:
    own = ws_root / "templates" / "en"
    own.mkdir(parents=True)
    (own / "reply_heading.j2").write_text("Response to question {{ number }}\n", "utf-8")
    assert _render(cli, ws_root).exit_code == 0
    texts = [t for _, t in _texts(ws_root / "build" / "CMW-C-TST-2-en.docx")]
    assert "Response to question 2" in texts
    assert not any(t.startswith("Reply to paragraph") for t in texts)


def test_special_and_control_characters(cli: Any, tmp_path: Path) -> None:
    answers: dict[str, Any] = {
        "KEMNAKER": {
            "ministry": "KEMNAKER",
            "answers": [
                {
                    "question": "2",
                    "status": "draft",
                    "text": {
                        "en": 'Wages & "fees" < 5 % of <b>pay</b> \u2019ok\u2019.\n',
                        "id": "Upah\\x0b.",
                    },
                }
            ],
        }
    }
    root = write_workspace(tmp_path / "ws", answers=answers)
    (root / "answers" / "KEMNAKER.yaml").write_text(
        'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n'
        '    text:\n      en: "Wages & \\"fees\\" < 5 % of <b>pay</b>\\x0b ok."\n',
        encoding="utf-8",
    )
    result = _render(cli, root)
    assert result.exit_code == 0, result.stderr
    texts = [t for _, t in _texts(root / "build" / "CMW-C-TST-2-en.docx")]
    assert any(t.endswith('Wages & "fees" < 5 % of <b>pay</b> ok.') for t in texts)


def test_refuses_a_final_of_a_workspace_with_errors(cli: Any, tmp_path: Path) -> None:
    answers = copy.deepcopy(ANSWERS)
    answers["KEMLU"]["answers"][0]["question"] = "40"
    root = write_workspace(tmp_path / "ws", answers=answers)
    result = _render(cli, root, "--final", "--allow-gaps")
    assert result.exit_code == 1
    assert "cmwreport check" in result.stderr
    assert not (root / "build").exists()
    # A draft is written from what could be read, and still exits 1 (SPEC.md section 3).
    draft = _render(cli, root)
    assert draft.exit_code == 1
    assert 'answers/KEMLU.yaml:3: error[unknown-question] question "40"' in draft.stderr
    assert (root / "build" / "CMW-C-TST-2-en.docx").is_file()


def test_unknown_language_is_a_usage_error(cli: Any, ws_root: Path) -> None:
    result = _render(cli, ws_root, "--lang", "fr")
    assert result.exit_code == 2
    assert "--lang fr" in result.stderr


def test_indonesian_working_draft(cli: Any, ws_root: Path) -> None:
    result = _render(cli, ws_root, "--lang", "id", "--ui-lang", "id")
    assert result.exit_code == 0, result.stderr
    assert "laporan ditulis ke" in result.stdout
    texts = [t for _, t in _texts(ws_root / "build" / "CMW-C-TST-2-id.docx")]
    assert "I.\tPendahuluan" in texts
    assert "II.\tJawaban atas daftar pertanyaan sebelum pelaporan (CMW/C/TST/QPR/2)" in texts
    assert [t for t in texts if t.startswith("Jawaban atas paragraf")] == [
        "Jawaban atas paragraf 1",
        "Jawaban atas paragraf 2",
        "Jawaban atas paragraf 3",
    ]
    assert any(t.endswith("UU No. 18 Tahun 2017 melindungi pekerja migran.") for t in texts)
    assert "[Belum ada jawaban atas 2 — penanggung jawab: KEMNAKER]" in texts


def test_date_received_in_title_block(cli: Any, tmp_path: Path) -> None:
    loipr = copy.deepcopy(LOIPR)
    loipr["report"]["date_received"] = "2025-07-31"
    root = write_workspace(tmp_path / "ws", loipr=loipr)
    _render(cli, root)
    texts = [t for _, t in _texts(root / "build" / "CMW-C-TST-2-en.docx")]
    assert "[Date received: 31 July 2025]" in texts


def test_example_renders_every_paragraph(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "example.docx"
    result = cli("render", "--root", str(EXAMPLE), "--output", str(target), env=ENV)
    assert result.exit_code == 0, result.stderr
    texts = [t for _, t in _texts(target)]
    replies = [t for t in texts if t.startswith("Reply to paragraph")]
    assert replies == [f"Reply to paragraph {n}" for n in range(1, 37)]
    assert "II.\tReplies to the list of issues prior to reporting (CMW/C/IDN/QPR/2)" in texts


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext not installed",
)
def test_libreoffice_reads_it_with_footnotes(cli: Any, ws_root: Path, tmp_path: Path) -> None:
    _render(cli, ws_root)
    source = ws_root / "build" / "CMW-C-TST-2-en.docx"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "CMW-C-TST-2-en.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Reply to paragraph 1" in text
    assert "Replacing Law No. 39 of 2004." in text


def test_reference_saved_with_footnotes_and_comments_is_reused(cli: Any, tmp_path: Path) -> None:
    root = _with_note(tmp_path)
    assert _render(cli, root).exit_code == 0
    own = root / "templates" / "reference.docx"
    own.parent.mkdir()
    shutil.copy(root / "build" / "CMW-C-TST-2-en.docx", own)
    assert _render(cli, root, "-o", str(root / "again.docx")).exit_code == 0
    with zipfile.ZipFile(root / "again.docx") as docx:
        footnotes = docx.read("word/footnotes.xml").decode()
        body = docx.read("word/document.xml").decode()
    assert footnotes.count("Replacing Law No. 39 of 2004.") == 1
    assert footnotes.count('w:id="1"') == 1
    assert body.count("Reply to paragraph 1<") == 1
    again = Document(str(root / "again.docx"))
    assert [c.text for c in again.comments] == ["Check the 2024 figures with BPS."]


def test_broken_reference_docx_is_a_clear_error(cli: Any, ws_root: Path) -> None:
    own = ws_root / "templates" / "reference.docx"
    own.parent.mkdir()
    own.write_text("not a word file", encoding="utf-8")
    result = _render(cli, ws_root)
    assert result.exit_code == 1
    assert "reference document" in result.stderr and "Traceback" not in result.stderr


def test_draft_with_notes_is_byte_identical_and_dated_from_source_date_epoch(
    cli: Any, tmp_path: Path
) -> None:
    root = _with_note(tmp_path)
    first = tmp_path / "a.docx"
    second = tmp_path / "b.docx"
    assert _render(cli, root, "-o", str(first)).exit_code == 0
    assert _render(cli, root, "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    doc = Document(str(first))
    (comment,) = list(doc.comments)
    assert comment.timestamp is not None
    assert comment.timestamp.date().isoformat() == "2025-07-31"
    assert doc.core_properties.comments == ""  # no "generated by python-docx"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish "
    "oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark",
}


def test_properties_are_in_the_order_word_requires(cli: Any, tmp_path: Path) -> None:
    from lxml import etree

    root = _with_note(tmp_path)
    assert _render(cli, root).exit_code == 0
    wrong = []
    with zipfile.ZipFile(root / "build" / "CMW-C-TST-2-en.docx") as docx:
        for name in docx.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            tree = etree.fromstring(docx.read(name))
            for tag, order in _SCHEMA_ORDER.items():
                known = order.split()
                for element in tree.iter(_W + tag):
                    children = [c.tag.replace(_W, "") for c in element if isinstance(c.tag, str)]
                    places = [known.index(c) if c in known else -1 for c in children]
                    if -1 in places or places != sorted(places):
                        wrong.append((name, tag, children))
    assert wrong == []


def _footnote_ids(path: Path) -> tuple[list[tuple[str | None, str]], list[str]]:
    """(type, id) of every footnote in the footnotes part, and the ids the body refers to."""
    from lxml import etree

    with zipfile.ZipFile(path) as docx:
        footnotes = etree.fromstring(docx.read("word/footnotes.xml"))
        body = docx.read("word/document.xml").decode()
    notes = [(note.get(_W + "type"), note.get(_W + "id")) for note in footnotes]
    return notes, re.findall(r'<w:footnoteReference w:id="(-?\d+)"/>', body)


def test_footnote_ids_stay_clear_of_a_reference_documents_separators(
    cli: Any, tmp_path: Path
) -> None:
    # LibreOffice saves the separators as footnotes 0 and 1 (Word as -1 and 0)
    root = _with_note(tmp_path)
    assert _render(cli, root).exit_code == 0
    own = root / "templates" / "reference.docx"
    own.parent.mkdir()
    with (
        zipfile.ZipFile(root / "build" / "CMW-C-TST-2-en.docx") as source,
        zipfile.ZipFile(own, "w") as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/footnotes.xml":
                text = data.decode()
                text = text.replace('w:type="continuationSeparator" w:id="0"', "CONT")
                text = text.replace('w:type="separator" w:id="-1"', 'w:id="0" w:type="separator"')
                text = text.replace("CONT", 'w:id="1" w:type="continuationSeparator"')
                data = text.encode()
            if info.filename == "word/settings.xml":
                text = re.sub(r"<w:footnotePr>.*?</w:footnotePr>", "", data.decode())
                data = text.encode()
            target.writestr(info, data)
    assert _render(cli, root, "-o", str(root / "again.docx")).exit_code == 0
    notes, references = _footnote_ids(root / "again.docx")
    assert notes == [("separator", "0"), ("continuationSeparator", "1"), (None, "2")]
    assert references == ["2"]
    with zipfile.ZipFile(root / "again.docx") as docx:
        settings = docx.read("word/settings.xml").decode()
    assert '<w:footnotePr><w:footnote w:id="0"/><w:footnote w:id="1"/></w:footnotePr>' in settings


def test_footnote_in_a_heading_inside_an_answer_is_kept(cli: Any, tmp_path: Path) -> None:
    answers = copy.deepcopy(ANSWERS)
    answers["KEMLU"]["answers"][0]["text"]["en"] = (
        "# Legal *framework*[^h]\n\nLaw No. 18 of 2017.\n\n[^h]: As amended in 2024.\n"
    )
    root = write_workspace(tmp_path / "ws", answers=answers)
    assert _render(cli, root).exit_code == 0
    path = root / "build" / "CMW-C-TST-2-en.docx"
    heading = next(p for p in Document(str(path)).paragraphs if p.text == "Legal framework")
    assert heading.style is not None and heading.style.name == "Sub Heading"
    assert [r.italic for r in heading.runs if r.text] == [None, True]
    with zipfile.ZipFile(path) as docx:
        assert "As amended in 2024." in docx.read("word/footnotes.xml").decode()
    notes, references = _footnote_ids(path)
    assert references == ["1"] and (None, "1") in notes


def test_reference_without_the_report_styles_falls_back(cli: Any, tmp_path: Path) -> None:
    # a coordinator's own Word document, made without any of cmwreport's styles
    answers = copy.deepcopy(ANSWERS)
    answers["KEMLU"]["answers"][0]["text"]["en"] = (
        "Law No. 18 of 2017 protects migrant workers.\n\n- first;\n- second.\n"
    )
    root = write_workspace(tmp_path / "ws", answers=answers)
    own = root / "templates" / "reference.docx"
    own.parent.mkdir()
    plain = Document()
    plain.add_paragraph("Our letterhead")
    plain.save(str(own))
    result = _render(cli, root)
    assert result.exit_code == 0, result.stderr
    doc = Document(str(root / "build" / "CMW-C-TST-2-en.docx"))
    styles = {p.text: p.style.name if p.style is not None else "" for p in doc.paragraphs}
    assert "Our letterhead" not in styles
    assert styles["3.\tLaw No. 18 of 2017 protects migrant workers."] == "Normal"
    assert styles["Reply to paragraph 1"] == "Heading 5"
    assert styles["(a)\tfirst;"] == "Normal"
    assert len(doc.tables) == 1
    assert [c.text for c in doc.tables[0].rows[1].cells] == ["2023", "100", "200"]


def test_code_lines_and_deep_lists(cli: Any, tmp_path: Path) -> None:
    answers = copy.deepcopy(ANSWERS)
    answers["KEMLU"]["answers"][0]["text"]["en"] = (
        "Measures:\n\n- outer\n  - inner\n    - innermost\n\n```\nline one\nline two\n```\n"
    )
    root = write_workspace(tmp_path / "ws", answers=answers)
    assert _render(cli, root).exit_code == 0
    path = root / "build" / "CMW-C-TST-2-en.docx"
    paragraphs = [(p.style.name if p.style else "", p.text) for p in Document(str(path)).paragraphs]
    assert ("Report List", "(a)\touter") in paragraphs
    assert ("Report List 2", "(i)\tinner") in paragraphs
    assert ("Report List 3", "(a)\tinnermost") in paragraphs
    assert ("Report Paragraph", "4.\tline one\nline two") in paragraphs
    with zipfile.ZipFile(path) as docx:
        settings = docx.read("word/settings.xml").decode()
    # a justified line that ends in a line break is not stretched across the page
    assert "<w:compat><w:doNotExpandShiftReturn/>" in settings


def test_reference_footnotes_are_dropped_when_the_report_has_none(cli: Any, tmp_path: Path) -> None:
    root = _with_note(tmp_path)
    assert _render(cli, root).exit_code == 0
    answers = copy.deepcopy(ANSWERS)
    answers["KEMLU"]["answers"][0]["text"]["en"] = "Law No. 18 of 2017 protects workers."
    other = write_workspace(tmp_path / "other", answers=answers)
    (other / "templates").mkdir()
    shutil.copy(root / "build" / "CMW-C-TST-2-en.docx", other / "templates" / "reference.docx")
    assert _render(cli, other).exit_code == 0
    notes, references = _footnote_ids(other / "build" / "CMW-C-TST-2-en.docx")
    assert references == []
    assert notes == [("separator", "-1"), ("continuationSeparator", "0")]


def _old_reference(target: Path) -> None:
    """The packaged reference as cmwreport made it before it carried the static XML.

    No footnotes part, no ``w:footnotePr``, no ``w:doNotExpandShiftReturn``: what a
    workspace's reference made by an older cmwreport (or saved by Word) may look like.
    """
    from cmwreport.templating import PACKAGED

    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        zipfile.ZipFile(PACKAGED / "reference.docx") as source,
        zipfile.ZipFile(target, "w") as out,
    ):
        assert "word/footnotes.xml" in source.namelist()
        for info in source.infolist():
            if info.filename == "word/footnotes.xml":
                continue
            text = source.read(info.filename)
            if info.filename == "word/settings.xml":
                settings = text.decode()
                assert "<w:footnotePr>" in settings and "<w:doNotExpandShiftReturn/>" in settings
                settings = re.sub(r"<w:footnotePr>.*?</w:footnotePr>", "", settings)
                text = settings.replace("<w:doNotExpandShiftReturn/>", "").encode()
            elif info.filename == "word/_rels/document.xml.rels":
                text = re.sub(rb"<Relationship [^>]*footnotes[^>]*/>", b"", text)
            elif info.filename == "[Content_Types].xml":
                text = re.sub(rb"<Override [^>]*footnotes[^>]*/>", b"", text)
            out.writestr(info, text)


def test_a_reference_without_the_static_xml_gives_the_same_report(cli: Any, tmp_path: Path) -> None:
    """The renderer adds the footnote separators and settings an older reference lacks."""
    root = _with_note(tmp_path)
    assert _render(cli, root).exit_code == 0
    _old_reference(root / "templates" / "reference.docx")
    assert _render(cli, root, "-o", str(root / "old.docx")).exit_code == 0
    parts = ("word/document.xml", "word/footnotes.xml", "word/settings.xml", "word/styles.xml")
    with (
        zipfile.ZipFile(root / "build" / "CMW-C-TST-2-en.docx") as new,
        zipfile.ZipFile(root / "old.docx") as old,
    ):
        assert "footnotes+xml" in old.read("[Content_Types].xml").decode()
        assert "relationships/footnotes" in old.read("word/_rels/document.xml.rels").decode()
        for part in parts:
            assert old.read(part) == new.read(part), part
        settings = old.read("word/settings.xml").decode()
        footnotes = old.read("word/footnotes.xml").decode()
    assert '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' in settings
    assert "<w:compat><w:doNotExpandShiftReturn/>" in settings
    assert '<w:footnote w:type="separator" w:id="-1">' in footnotes
    assert "Replacing Law No. 39 of 2004." in footnotes


def _damaged_reference(target: Path, part: str, damage: Any) -> None:
    """The packaged reference with *part* changed by *damage* (None: the part left out)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        zipfile.ZipFile(PACKAGED / "reference.docx") as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy_,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                if damage is None:
                    continue
                data = damage(data)
            copy_.writestr(info.filename, data)


def _corrupt_compressed_bytes(path: Path, part: str) -> None:
    """Overwrite bytes inside *part*'s compressed data, as a broken download does."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 20
    data[start : start + 60] = b"\x00" * 60
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("part", "damage", "reason"),
    [
        ("word/document.xml", lambda d: d[: len(d) // 2], "XMLSyntaxError"),
        ("word/styles.xml", lambda d: b"<w:styles", "XMLSyntaxError"),
        ("[Content_Types].xml", None, "KeyError"),
        ("_rels/.rels", None, "KeyError"),
        (
            "[Content_Types].xml",
            lambda d: d.replace(b"wordprocessingml.document.main", b"spreadsheetml.sheet.main"),
            "is not a Word file",
        ),
        ("word/document.xml", "corrupt", "Error -3 while decompressing"),
    ],
)
def test_a_damaged_reference_docx_is_a_clear_error_naming_it(
    cli: Any, ws_root: Path, part: str, damage: Any, reason: str
) -> None:
    own = ws_root / "templates" / "reference.docx"
    if damage == "corrupt":
        _damaged_reference(own, part, lambda d: d)
        _corrupt_compressed_bytes(own, part)
    else:
        _damaged_reference(own, part, damage)
    result = _render(cli, ws_root)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"cmwreport: the reference document {own} cannot be used: "), (
        result.stderr
    )
    assert reason in result.stderr
    assert not (ws_root / "build").exists()
