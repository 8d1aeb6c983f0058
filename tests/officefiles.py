"""Build filled forms as Word, Excel and LibreOffice write them (raw WordprocessingML too)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from openpyxl import load_workbook

from cmwreport.forms import make_form

TODAY = dt.date(2025, 8, 1)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
LANG_LABEL = {"id": "bahasa Indonesia", "en": "bahasa Inggris"}
TRACK = 'w:id="{n}" w:author="Desk officer" w:date="2025-07-30T10:00:00Z"'


def issue(root: Path, fmt: str, code: str = "KP2MI", name: str | None = None) -> Path:
    """Write the form of *code* next to the workspace, as the coordinators send it out."""
    data, _ = make_form(root, code, fmt, today=TODAY)
    path = root.parent / (name or f"{code}.{fmt}")
    path.write_bytes(data)
    return path


def run(text: str, *, b: bool = False, i: bool = False, extra: str = "") -> str:
    """A ``w:r`` holding *text* (bold/italic as Word writes them)."""
    props = ("<w:b/>" if b else "") + ("<w:i/>" if i else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'{extra}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(inner: str, n: int = 1) -> str:
    """A tracked insertion."""
    return f"<w:ins {TRACK.format(n=n)}>{inner}</w:ins>"


def dele(text: str, n: int = 2) -> str:
    """A tracked deletion of *text*."""
    return (
        f"<w:del {TRACK.format(n=n)}><w:r>"
        f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def para(inner: str, ppr: str = "") -> str:
    """A ``w:p`` with *inner* runs and optional paragraph properties."""
    return f"<w:p {NS}>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{inner}</w:p>"


def numbered(num_id: int, level: int = 0) -> str:
    """Paragraph properties of a Word list paragraph."""
    return (
        '<w:pStyle w:val="ListParagraph"/>'
        f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    )


def _answer_cell(doc: Any, question: str, lang: str) -> Any:
    for table in doc.tables:
        if table.rows[0].cells[0].text.strip() != question:
            continue
        for row in table.rows:
            if LANG_LABEL[lang] in row.cells[0].text.split("\n")[0]:
                return row.cells[1]
    raise AssertionError(f"no answer cell for {question} {lang}")


def _status_cell(doc: Any, question: str) -> Any:
    for table in doc.tables:
        if table.rows[0].cells[0].text.strip() == question:
            return table.rows[-1].cells[1]
    raise AssertionError(question)


def fill_docx_xml(
    path: Path,
    answers: dict[tuple[str, str], list[str]],
    *,
    status: dict[str, str] | None = None,
    lists: dict[int, list[str]] | None = None,
    footnotes: dict[int, str] | None = None,
) -> None:
    """Put raw paragraphs (``w:p`` XML) in answer cells, as Word saves them.

    *lists* adds Word numbering definitions: numId → the format of each level (``bullet``,
    ``decimal``); *footnotes* adds a footnotes part: id → text.
    """
    doc = Document(str(path))
    for (question, lang), paragraphs in answers.items():
        tc = _answer_cell(doc, question, lang)._tc
        for p in tc.findall(f"{{{W_NS}}}p"):
            tc.remove(p)
        for xml in paragraphs:
            tc.append(parse_xml(xml))
    for question, value in (status or {}).items():
        cell = _status_cell(doc, question)
        for r in cell.paragraphs[0].runs:
            r.text = ""
        cell.paragraphs[0].add_run(value)
    if lists:
        numbering = doc.part.numbering_part.element
        for num_id, levels in lists.items():
            abstract = "".join(
                f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{"•" if fmt == "bullet" else "%" + str(n + 1) + "."}"/></w:lvl>'
                for n, fmt in enumerate(levels)
            )
            numbering.insert(
                0,
                parse_xml(
                    f'<w:abstractNum {NS} w:abstractNumId="{900 + num_id}">{abstract}'
                    "</w:abstractNum>"
                ),
            )
            numbering.append(
                parse_xml(
                    f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{900 + num_id}"/>'
                    "</w:num>"
                )
            )
    doc.save(str(path))
    if footnotes:
        add_footnotes(path, footnotes)


def add_footnotes(path: Path, notes: dict[int, str]) -> None:
    """Add a footnotes part to the DOCX at *path*, as Word has it."""
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for n, text in notes.items()
    )
    part = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>"
    )
    source = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            zout.writestr(info, data)
        zout.writestr("word/footnotes.xml", part.encode("utf-8"))
    path.write_bytes(out.getvalue())


def footnote_ref(n: int) -> str:
    """The run Word writes where a footnote is cited."""
    return (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{n}"/></w:r>'
    )


def xlsx_columns(sheet: Any) -> tuple[int, dict[str, int]]:
    """The heading row of a form's sheet and the column of each needed heading."""
    header = next(r for r in range(1, 30) if str(sheet.cell(r, 1).value or "").startswith("No."))
    found: dict[str, int] = {}
    for c in range(1, sheet.max_column + 1):
        head = str(sheet.cell(header, c).value or "")
        first = head.split("\n")[0]
        if "bahasa Indonesia" in first:
            found["id"] = c
        elif "bahasa Inggris" in first:
            found["en"] = c
        elif head.startswith("Status"):
            found["status"] = c
        elif head.startswith("No."):
            found["question"] = c
        elif head.startswith("Jawaban saat ini"):
            found["current"] = c
    return header, found


def fill_xlsx(path: Path, answers: dict[str, dict[str, Any]]) -> None:
    """Type into the Excel form by heading, as a desk officer would."""
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    header, col = xlsx_columns(sheet)
    for row in range(header + 1, sheet.max_row + 1):
        question = str(sheet.cell(row, col["question"]).value)
        for key, value in answers.get(question, {}).items():
            sheet.cell(row, col[key], value)
    wb.save(path)


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def resave(path: Path, fmt: str, tmp: Path) -> Path:
    """Open *path* in LibreOffice headless and save it again as *fmt* (as a person would)."""
    program = soffice()
    assert program is not None
    out = tmp / "resaved"
    out.mkdir(exist_ok=True)
    filters = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
    subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{tmp / 'lo-profile'}",
            "--headless",
            "--convert-to",
            filters[fmt],
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = out / (path.stem + "." + fmt)
    assert result.is_file()
    return result


def cell_xml_text(path: Path) -> str:
    """The document.xml of a DOCX (to see what LibreOffice wrote)."""
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def answer_records(root: Path, code: str = "KP2MI") -> dict[str, dict[str, Any]]:
    """The records of ``answers/CODE.yaml`` by question, as the file holds them now."""
    import yaml

    data = yaml.safe_load((root / "answers" / f"{code}.yaml").read_text(encoding="utf-8"))
    return {str(r["question"]): r for r in data["answers"]}
