"""``render --follow-up`` (SPEC 7): the follow-up information as the UN lays it out.

Each workspace is written as raw YAML text, as coordinators and desk officers type it;
the assertions open the DOCX: its title block, one heading per selected recommendation
naming its paragraph, the recommendation quoted in its own style, the replies numbered
1..n across recommendations, a real table and a real footnote, draft against final, and
the Indonesian and Spanish wording.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from docx import Document

from cmwreport.commands import run_render
from cmwreport.workspace import load_workspace

MINISTRIES = """\
ministries:
  - code: KEMLU
    name:
      en: Ministry of Foreign Affairs
      id: Kementerian Luar Negeri
      es: Ministerio de Relaciones Exteriores
    coordinator: true
  - code: KEMNAKER
    name: {en: Ministry of Manpower, id: Kementerian Ketenagakerjaan, es: Ministerio de Trabajo}
  - code: KP2MI
    name: {en: Ministry for the Protection of Migrant Workers, id: KP2MI, es: Protección}
"""

LOIPR = """\
committee: CMW
state: Testland
symbol: CMW/C/TST/QPR/3
report:
  title: Third periodic report
  language: en
  drafting_languages: [id, en, es]
sections:
  - id: I-A
    title: General information
    paragraphs:
      - number: 1
        lead: KEMLU
        text: Please describe the follow-up to the previous concluding observations.
"""

OBSERVATIONS = """\
symbol: CMW/C/TST/CO/2
adopted: 2026-01-20
report: CMW/C/TST/2
follow_up:
  due: 2028-01-20
  paragraphs: ["37(b)", "23"]
  word_limit: 3500
sections:
  - id: C-1
    title: General measures of implementation
    paragraphs:
      - number: 9
        text: The Committee notes the adoption of Law No. 18 of 2017.
      - number: 23
        lead: KP2MI
        contributors: [KEMNAKER]
        text: |
          The Committee recommends that the State party:
        items:
          - letter: a
            text: Enforce the principle that workers bear no placement costs.
          - letter: b
            text: Revoke the licences of agencies that charged excessive fees.
      - number: 30
        lead: KEMLU
        text: Ratify the ILO Domestic Workers Convention, 2011 (No. 189).
      - number: 37
        lead: KEMNAKER
        text: The Committee recommends that the State party
        items:
          - letter: a
            text: Review the immigration law.
          - letter: b
            text:
              en: End the detention of children on the basis of their migration status.
              es: Ponga fin a la detención de niños por su situación migratoria.
"""

KP2MI = """\
ministry: KP2MI
answers: []
follow_up:
  - recommendation: "23(a)"
    implementation: partial
    status: approved
    updated: 2026-09-01
    text:
      id: |
        KP2MI memeriksa setiap perjanjian penempatan.
      en: |
        KP2MI checks every placement agreement for costs charged to the worker.[^1]

        Fees above the ceiling are refunded to the worker.
        [^1]: Regulation of the Minister No. 1 of 2025 on placement costs.
    tables:
      - title: Placement agreements checked, 2025
        columns: [Year, Checked, Refunds]
        rows:
          - [2025, 1200, 35]
        source: KP2MI placement data
"""

KEMNAKER = """\
ministry: KEMNAKER
follow_up:
  - recommendation: "23"
    implementation: not-started
    status: approved
    text:
      en: The Ministry of Manpower is drafting an amendment on placement costs.
  - recommendation: "37(b)"
    implementation: implemented
    status: {status}
    text:
      en: Since March 2026 no child has been placed in immigration detention.
  - recommendation: "30"
    implementation: partial
    status: approved
    text:
      en: This reply on an unselected recommendation stays out of the document.
"""


def _write(root: Path, *, status: str = "approved", **files: str | None) -> Path:
    """A workspace of raw YAML texts; a keyword replaces a file, None drops it."""
    texts: dict[str, str | None] = {
        "questions/ministries.yaml": MINISTRIES,
        "questions/loipr.yaml": LOIPR,
        "questions/observations.yaml": OBSERVATIONS,
        "answers/KP2MI.yaml": KP2MI,
        "answers/KEMNAKER.yaml": KEMNAKER.replace("{status}", status),
    }
    names = {
        "observations": "questions/observations.yaml",
        "kemnaker": "answers/KEMNAKER.yaml",
        "kp2mi": "answers/KP2MI.yaml",
    }
    texts.update({names[key]: text for key, text in files.items()})
    for rel, text in texts.items():
        if text is not None:
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style, text) of every paragraph of the DOCX body."""
    return [(p.style.name if p.style else "", p.text) for p in Document(str(path)).paragraphs]


def _numbers(paragraphs: list[tuple[str, str]]) -> list[int]:
    return [int(text.split(".")[0]) for style, text in paragraphs if style == "Report Paragraph"]


def test_draft_title_headings_quotes_and_replies(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    result = cli("render", "--follow-up", "--root", str(root))
    assert result.exit_code == 0, result.output
    target = root / "build" / "CMW-C-TST-CO-2-follow-up-en.docx"
    assert f"follow-up information written to {target}" in result.stdout
    paragraphs = _paragraphs(target)
    title = (
        "Information received from Testland on follow-up to the concluding observations on "
        "its second periodic report"
    )
    assert paragraphs[:3] == [
        (
            "Committee",
            "Committee on the Protection of the Rights of All Migrant Workers and Members of "
            "Their Families",
        ),
        ("Report Title", title),
        ("Draft Notice", paragraphs[2][1]),
    ]
    # One heading per selected recommendation, in the observations' order (not the selection's).
    headings = [text for style, text in paragraphs if style == "Reply Heading"]
    assert headings == [
        "Information on follow-up to paragraph 23 of the concluding observations",
        "Information on follow-up to paragraph 37 (b) of the concluding observations",
    ]
    # The recommendation quoted under its heading, in the Recommendation style (italic).
    quotes = [text for style, text in paragraphs if style == "Recommendation"]
    assert quotes == [
        "The Committee recommends that the State party:",
        "(a)\tEnforce the principle that workers bear no placement costs.",
        "(b)\tRevoke the licences of agencies that charged excessive fees.",
        "The Committee recommends that the State party",
        "(b)\tEnd the detention of children on the basis of their migration status.",
    ]
    style = Document(str(target)).styles["Recommendation"]
    assert style.font.italic is True
    at = [text for _, text in paragraphs].index(headings[0])
    assert paragraphs[at + 1] == ("Recommendation", quotes[0])
    # The replies, the lead's first, each with its draft tag; numbered 1..n across both.
    replies = [text for style, text in paragraphs if style == "Report Paragraph"]
    assert replies == [
        "1.\tThe Ministry of Manpower is drafting an amendment on placement costs.",
        "2.\tKP2MI checks every placement agreement for costs charged to the worker.",
        "3.\tFees above the ceiling are refunded to the worker.",
        "4.\tSince March 2026 no child has been placed in immigration detention.",
    ]
    assert _numbers(paragraphs) == [1, 2, 3, 4]
    tags = [text for style, text in paragraphs if style == "Draft Tag"]
    assert tags == ["KEMNAKER · approved", "KP2MI · approved", "KEMNAKER · approved"]
    # What was not selected stays out: paragraph 9, 30 and 37(a).
    every = "\n".join(text for _, text in paragraphs)
    assert "unselected recommendation" not in every
    assert "Law No. 18 of 2017" not in every
    assert "Review the immigration law" not in every
    # Under 23 the items keep their headings; under 37 (b) the heading already names it.
    items = [text for style, text in paragraphs if style == "Item Heading"]
    assert items == ["(a)"]


def test_table_and_footnote_as_in_the_report(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    assert cli("render", "--follow-up", "--root", str(root)).exit_code == 0
    target = root / "build" / "CMW-C-TST-CO-2-follow-up-en.docx"
    doc = Document(str(target))
    assert len(doc.tables) == 1
    cells = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert cells == [["Year", "Checked", "Refunds"], ["2025", "1,200", "35"]]
    paragraphs = _paragraphs(target)
    assert ("Table Title", "Table 1: Placement agreements checked, 2025") in paragraphs
    assert ("Table Source", "Source: KP2MI placement data") in paragraphs
    with zipfile.ZipFile(target) as docx:
        footnotes = docx.read("word/footnotes.xml").decode()
        body = docx.read("word/document.xml").decode()
    assert "Regulation of the Minister No. 1 of 2025 on placement costs." in footnotes
    assert '<w:footnoteReference w:id="1"/>' in body


def test_final_has_no_markers_and_its_own_file(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    result = cli("render", "--follow-up", "--final", "--root", str(root))
    assert result.exit_code == 0, result.output
    target = root / "build" / "CMW-C-TST-CO-2-follow-up-en-final.docx"
    paragraphs = _paragraphs(target)
    styles = {style for style, _ in paragraphs}
    assert "Draft Tag" not in styles and "Draft Notice" not in styles
    assert "Placeholder" not in styles
    assert _numbers(paragraphs) == [1, 2, 3, 4]
    assert not (root / "build" / "CMW-C-TST-CO-2-follow-up-en.docx").exists()


def test_final_refuses_gaps_unless_allowed(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path, status="draft")
    target = root / "build" / "CMW-C-TST-CO-2-follow-up-en-final.docx"
    refused = cli("render", "--follow-up", "--final", "--root", str(root))
    assert refused.exit_code == 1
    assert "37(b): no approved reply yet (lead KEMNAKER)" in refused.output
    assert not target.exists()
    allowed = cli("render", "--follow-up", "--final", "--allow-gaps", "--root", str(root))
    assert allowed.exit_code == 0, allowed.output
    paragraphs = _paragraphs(target)
    assert ("Placeholder", "[No approved reply to 37(b) — lead: KEMNAKER]") in paragraphs
    assert _numbers(paragraphs) == [1, 2, 3]
    # The draft shows the draft reply, tagged with its status.
    assert cli("render", "--follow-up", "--root", str(root)).exit_code == 0
    draft = _paragraphs(root / "build" / "CMW-C-TST-CO-2-follow-up-en.docx")
    assert ("Draft Tag", "KEMNAKER · draft") in draft


def test_the_follow_up_symbol_names_the_file_and_heads_the_document(
    tmp_path: Path, cli: Any
) -> None:
    observations = OBSERVATIONS.replace(
        "  word_limit: 3500\n", "  word_limit: 3500\n  symbol: CMW/C/TST/CO/2/Add.1\n"
    )
    root = _write(tmp_path, observations=observations)
    assert cli("render", "--follow-up", "--root", str(root)).exit_code == 0
    target = root / "build" / "CMW-C-TST-CO-2-Add.1-follow-up-en.docx"
    assert _paragraphs(target)[0] == ("Document Symbol", "CMW/C/TST/CO/2/Add.1")
    with zipfile.ZipFile(target) as docx:
        headers = [docx.read(n).decode() for n in docx.namelist() if "header" in n]
    assert any("CMW/C/TST/CO/2/Add.1" in h for h in headers)


def test_spanish_wording(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    result = cli("render", "--follow-up", "--lang", "es", "--root", str(root))
    assert result.exit_code == 0, result.output
    paragraphs = _paragraphs(root / "build" / "CMW-C-TST-CO-2-follow-up-es.docx")
    texts = [text for _, text in paragraphs]
    assert (
        "Información recibida de Testland sobre el seguimiento de las observaciones finales "
        "relativas a su segundo informe periódico"
    ) in texts
    headings = [text for style, text in paragraphs if style == "Reply Heading"]
    assert headings == [
        "Información sobre el seguimiento del párrafo 23 de las observaciones finales",
        "Información sobre el seguimiento del párrafo 37 b) de las observaciones finales",
    ]
    quotes = [text for style, text in paragraphs if style == "Recommendation"]
    assert "a)\tEnforce the principle that workers bear no placement costs." in quotes
    assert "b)\tPonga fin a la detención de niños por su situación migratoria." in quotes
    # No Spanish text yet: KP2MI's Indonesian one (one paragraph) stands in, tagged.
    assert _numbers(paragraphs) == [1, 2, 3]


def test_indonesian_wording(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    result = cli("render", "--follow-up", "--lang", "id", "--root", str(root))
    assert result.exit_code == 0, result.output
    paragraphs = _paragraphs(root / "build" / "CMW-C-TST-CO-2-follow-up-id.docx")
    texts = [text for _, text in paragraphs]
    assert (
        "Informasi yang diterima dari Testland tentang tindak lanjut observasi akhir atas "
        "laporan periodik kedua"
    ) in texts
    headings = [text for style, text in paragraphs if style == "Reply Heading"]
    assert headings == [
        "Informasi tentang tindak lanjut paragraf 23 observasi akhir",
        "Informasi tentang tindak lanjut paragraf 37 (b) observasi akhir",
    ]
    assert "2.\tKP2MI memeriksa setiap perjanjian penempatan." in texts


def test_word_limit_check_warns_and_render_reports_the_same_words(tmp_path: Path, cli: Any) -> None:
    observations = OBSERVATIONS.replace("word_limit: 3500", "word_limit: 40")
    root = _write(tmp_path, observations=observations)
    words = load_workspace(root).follow_up_words()
    checked = cli("check", "--format", "json", "--root", str(root))
    limits = [p for p in json.loads(checked.stdout)["problems"] if "word-limit" in p["code"]]
    assert [(p["file"], p["line"], p["code"]) for p in limits] == [
        ("questions/observations.yaml", 7, "over-word-limit")
    ]
    assert f"has {words} words, over its limit of 40" in limits[0]["message"]
    rendered = cli("render", "--follow-up", "--root", str(root))
    assert f"words (en): {words} of 40" in rendered.stdout
    assert f"exceed the word limit by {words - 40} words" in rendered.stdout
    done = run_render(root=root, follow_up=True)
    assert done.report.words == words
    # The reply on the unselected recommendation 30 is not counted, however long.
    longer = KEMNAKER.replace("{status}", "approved")
    longer = longer.replace("stays out of the document.", "stays out. " * 50)
    other = _write(tmp_path / "longer", observations=observations, kemnaker=longer)
    assert load_workspace(other).follow_up_words() == words


def test_without_a_word_limit_the_words_are_only_counted(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path, observations=OBSERVATIONS.replace("  word_limit: 3500\n", ""))
    result = cli("render", "--follow-up", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert "sets no word limit" in result.stdout
    checked = json.loads(cli("check", "--format", "json", "--root", str(root)).stdout)
    assert not [p for p in checked["problems"] if "word-limit" in p["code"]]


def test_without_observations_or_selection_a_clear_error(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path / "none", observations=None)
    result = cli("render", "--follow-up", "--root", str(root))
    assert result.exit_code == 1
    assert "there is no questions/observations.yaml" in result.output
    assert "Traceback" not in result.output
    unselected = OBSERVATIONS.replace('  paragraphs: ["37(b)", "23"]\n', "")
    root = _write(tmp_path / "unselected", observations=unselected)
    result = cli("render", "--follow-up", "--root", str(root))
    assert result.exit_code == 1
    assert "selects no recommendation for follow-up" in result.output


def test_a_failed_render_leaves_the_previous_file(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    assert cli("render", "--follow-up", "--root", str(root)).exit_code == 0
    target = root / "build" / "CMW-C-TST-CO-2-follow-up-en.docx"
    before = target.read_bytes()
    broken = root / "templates" / "en" / "follow_up_heading.j2"
    broken.parent.mkdir(parents=True)
    broken.write_text("Paragraph {{ numbr }}\n", encoding="utf-8")
    result = cli("render", "--follow-up", "--root", str(root))
    assert result.exit_code == 1
    assert "templates/en/follow_up_heading.j2:1: 'numbr' is undefined" in result.output
    assert target.read_bytes() == before


def test_workspace_template_changes_the_heading(tmp_path: Path, cli: Any) -> None:
    root = _write(tmp_path)
    own = root / "templates" / "en" / "follow_up_heading.j2"
    own.parent.mkdir(parents=True)
    own.write_text(
        "Follow-up to paragraph {{ number }}{% if letter %} ({{ letter }}){% endif %} "
        "of {{ observations.symbol }}\n",
        encoding="utf-8",
    )
    assert cli("render", "--follow-up", "--root", str(root)).exit_code == 0
    paragraphs = _paragraphs(root / "build" / "CMW-C-TST-CO-2-follow-up-en.docx")
    assert [text for style, text in paragraphs if style == "Reply Heading"] == [
        "Follow-up to paragraph 23 of CMW/C/TST/CO/2",
        "Follow-up to paragraph 37 (b) of CMW/C/TST/CO/2",
    ]


def test_the_example_follow_up_draft(tmp_path: Path) -> None:
    from conftest import EXAMPLE

    out = tmp_path / "follow-up.docx"
    done = run_render(root=EXAMPLE, follow_up=True, output=out)
    paragraphs = _paragraphs(out)
    headings = [text for style, text in paragraphs if style == "Reply Heading"]
    assert len(headings) == 3
    assert all("of the concluding observations" in h for h in headings)
    assert _numbers(paragraphs) == list(range(1, done.report.paragraphs + 1))


def test_a_draft_of_a_workspace_with_errors_names_them(tmp_path: Path, cli: Any) -> None:
    broken = KP2MI.replace("    implementation: partial\n", "    implementation: partial\n  oops\n")
    kemnaker = KEMNAKER.replace(
        '  - recommendation: "37(b)"\n    implementation: implemented\n    status: {status}\n'
        "    text:\n      en: Since March 2026 no child has been placed in immigration"
        " detention.\n",
        "",
    )
    root = _write(tmp_path, kp2mi=broken, kemnaker=kemnaker)
    result = cli("render", "--follow-up", "--root", str(root))
    assert result.exit_code == 1
    assert "answers/KP2MI.yaml:" in result.output
    paragraphs = _paragraphs(root / "build" / "CMW-C-TST-CO-2-follow-up-en.docx")
    placeholders = [text for style, text in paragraphs if style == "Placeholder"]
    assert placeholders[0].startswith("INCOMPLETE DRAFT: 1 file could not be read")
    assert placeholders[1].startswith("answers/KP2MI.yaml")
    assert placeholders[2:] == [
        "[The reply of KP2MI to 23(a) could not be read: answers/KP2MI.yaml holds errors]",
        "[The reply of KP2MI to 23(b) could not be read: answers/KP2MI.yaml holds errors]",
        "[No reply yet to 37(b) — lead: KEMNAKER]",
    ]
    refused = cli("render", "--follow-up", "--final", "--allow-gaps", "--root", str(root))
    assert refused.exit_code == 1
    assert not (root / "build" / "CMW-C-TST-CO-2-follow-up-en-final.docx").exists()


def test_a_selected_sub_item(tmp_path: Path, cli: Any) -> None:
    observations = OBSERVATIONS.replace('["37(b)", "23"]', '["40(a)(ii)"]') + (
        "      - number: 40\n"
        "        lead: KEMLU\n"
        "        text: The Committee recommends that the State party\n"
        "        items:\n"
        "          - letter: a\n"
        "            text: 'Protect domestic workers abroad, in particular:'\n"
        "            items:\n"
        "              - numeral: i\n"
        "                text: Through labour attachés.\n"
        "              - numeral: ii\n"
        "                text: Through shelters at the embassies.\n"
    )
    kemlu = (
        "ministry: KEMLU\n"
        "follow_up:\n"
        '  - recommendation: "40(a)(ii)"\n'
        "    implementation: implemented\n"
        "    status: approved\n"
        "    text:\n"
        "      en: Shelters now operate at 12 embassies.\n"
    )
    root = _write(tmp_path, observations=observations)
    (root / "answers" / "KEMLU.yaml").write_text(kemlu, encoding="utf-8")
    assert cli("render", "--follow-up", "--final", "--root", str(root)).exit_code == 0
    paragraphs = _paragraphs(root / "build" / "CMW-C-TST-CO-2-follow-up-en-final.docx")
    assert paragraphs[2:] == [
        (
            "Reply Heading",
            "Information on follow-up to paragraph 40 (a) (ii) of the concluding observations",
        ),
        ("Recommendation", "The Committee recommends that the State party"),
        ("Recommendation", "(a)\tProtect domestic workers abroad, in particular:"),
        ("Recommendation", "(ii)\tThrough shelters at the embassies."),
        ("Report Paragraph", "1.\tShelters now operate at 12 embassies."),
    ]
