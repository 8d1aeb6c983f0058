"""The report model: order, numbering, combining inputs, markers, gaps and words."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from cmwreport.commands import default_output
from cmwreport.markdown import plain
from cmwreport.report import (
    Abbreviations,
    Heading,
    Paragraph,
    Placeholder,
    Report,
    TableBlock,
    Tag,
    TitleBlock,
    build_report,
)
from cmwreport.templating import templates_for
from cmwreport.workspace import load_workspace
from conftest import ANSWERS, write_workspace


def _build(root: Path, **options: Any) -> Report:
    ws = load_workspace(root)
    return build_report(ws, templates_for(root), **options)


def _of(report: Report, kind: type) -> list[Any]:
    return [b for b in report.blocks if isinstance(b, kind)]


def _texts(report: Report) -> list[str]:
    return [plain(p.runs) for p in _of(report, Paragraph)]


def test_title_block_and_parts(ws_root: Path) -> None:
    report = _build(ws_root)
    title = report.blocks[0]
    assert isinstance(title, TitleBlock)
    assert title.symbol == "CMW/C/TST/2"
    assert title.title == (
        "Second periodic report submitted by Testland under article 73 of the Convention, "
        "due in 2022"
    )
    assert title.date_received == "[Date received: …]"
    parts = [h.text for h in _of(report, Heading) if h.kind == "part"]
    assert parts == [
        "I. Introduction",
        "II. Replies to the list of issues prior to reporting (CMW/C/TST/QPR/2)",
    ]


def test_abbreviations_pair_the_languages(ws_root: Path) -> None:
    # The list holds the short forms the text uses: MoM in English, Kemnaker in Indonesian.
    answers = copy.deepcopy(ANSWERS)
    answers["KEMNAKER"] = {
        "ministry": "KEMNAKER",
        "answers": [
            {
                "question": "2",
                "status": "draft",
                "text": {"en": "MoM inspects agencies.", "id": "Kemnaker memeriksa agen."},
            }
        ],
    }
    write_workspace(ws_root, answers=answers)
    report = _build(ws_root)
    (abbreviations,) = _of(report, Abbreviations)
    rows = {abbr: plain(runs) for abbr, runs in abbreviations.rows}
    assert rows["MoM"] == "Ministry of Manpower (Kementerian Ketenagakerjaan, Kemnaker)"
    assert list(rows) == sorted(rows, key=str.casefold)
    report_id = _build(ws_root, lang="id")
    (abbreviations_id,) = _of(report_id, Abbreviations)
    rows_id = {abbr: plain(runs) for abbr, runs in abbreviations_id.rows}
    assert rows_id["Kemnaker"] == "Kementerian Ketenagakerjaan (Ministry of Manpower, MoM)"


def test_one_reply_heading_per_paragraph_in_order_and_numbers_continuous(
    ws_root: Path,
) -> None:
    report = _build(ws_root)
    replies = [h.text for h in _of(report, Heading) if h.kind == "reply"]
    assert replies == ["Reply to paragraph 1", "Reply to paragraph 2", "Reply to paragraph 3"]
    numbers = [p.number for p in _of(report, Paragraph)]
    assert numbers == list(range(1, len(numbers) + 1))
    # the introduction holds paragraphs 1 and 2; the first reply starts at 3
    first_reply = next(
        i for i, b in enumerate(report.blocks) if isinstance(b, Heading) and b.kind == "reply"
    )
    after = [b for b in report.blocks[first_reply:] if isinstance(b, Paragraph)]
    assert after[0].number == 3
    assert plain(after[0].runs).startswith("Law No. 18 of 2017 protects migrant workers.")


def test_items_get_lettered_sub_replies(ws_root: Path) -> None:
    report = _build(ws_root)
    items = [h.text for h in _of(report, Heading) if h.kind == "item"]
    assert items == ["(a)", "(b)"]


def test_draft_marks_inputs_placeholders_and_untranslated(ws_root: Path) -> None:
    report = _build(ws_root)
    tags = [t.text for t in _of(report, Tag)]
    assert tags[0] == "KEMLU · approved"
    assert tags[1] == "KP2MI · submitted"
    assert tags[2].startswith("KP2MI · draft · UNTRANSLATED")
    # paragraph 2 has no answer: a placeholder naming its lead
    placeholders = [p.text for p in _of(report, Placeholder)]
    assert placeholders == ["[No reply yet to 2 — lead: KEMNAKER]"]
    assert report.untranslated == ["3"]
    assert [g.unit for g in report.gaps] == ["2"]
    # the Indonesian-only text is shown in a draft
    assert "Pengaduan dapat disampaikan daring." in _texts(report)


def test_final_keeps_approved_only_and_lists_gaps(ws_root: Path) -> None:
    report = _build(ws_root, final=True)
    assert not _of(report, Tag)
    texts = _texts(report)
    assert any(t.startswith("Law No. 18 of 2017") for t in texts)
    assert "Agreements were signed with two States." not in texts
    gaps = {g.unit: g.reason for g in report.gaps}
    assert gaps == {"1(b)": "not-approved", "2": "unanswered", "3": "not-approved"}


def test_final_treats_missing_report_language_as_gap(tmp_path: Path) -> None:
    answers = copy.deepcopy(ANSWERS)
    answers["KP2MI"]["answers"][1]["status"] = "approved"  # 3: Indonesian only
    root = write_workspace(tmp_path / "ws", answers=answers)
    report = _build(root, final=True)
    gaps = {g.unit: g for g in report.gaps}
    assert gaps["3"].reason == "untranslated"
    assert gaps["3"].bodies == ("KP2MI",)
    assert "Pengaduan dapat disampaikan daring." not in _texts(report)
    # rendering in Indonesian, the same answer is no gap
    report_id = _build(root, final=True, lang="id")
    assert "3" not in {g.unit for g in report_id.gaps}


def test_inputs_order_lead_contributors_others_and_consolidated(tmp_path: Path) -> None:
    answers: dict[str, dict[str, Any]] = {
        "KEMNAKER": {
            "ministry": "KEMNAKER",
            "answers": [{"question": "3", "status": "draft", "text": {"en": "Other body text."}}],
        },
        "KP2MI": {
            "ministry": "KP2MI",
            "answers": [{"question": "3", "status": "draft", "text": {"en": "Lead text."}}],
        },
        "KEMLU": {
            "ministry": "KEMLU",
            "answers": [{"question": "3", "status": "draft", "text": {"en": "Not assigned text."}}],
        },
    }
    root = write_workspace(tmp_path / "ws", answers=answers)
    texts = _texts(_build(root))
    # 3: lead KP2MI, contributor KEMNAKER, then any other body
    start = texts.index("Lead text.")
    assert texts[start : start + 3] == ["Lead text.", "Other body text.", "Not assigned text."]
    answers["KEMLU"]["answers"][0]["consolidated"] = True
    answers["KEMLU"]["answers"][0]["text"] = {"en": "Consolidated text."}
    root2 = write_workspace(tmp_path / "ws2", answers=answers)
    report = _build(root2)
    texts2 = _texts(report)
    assert "Consolidated text." in texts2
    assert "Lead text." not in texts2 and "Other body text." not in texts2


def test_paragraph_answer_with_items_is_rendered_once(tmp_path: Path) -> None:
    answers = copy.deepcopy(ANSWERS)
    answers["KEMLU"]["answers"].append(
        {"question": "1", "status": "draft", "text": {"en": "Overview of the framework."}}
    )
    root = write_workspace(tmp_path / "ws", answers=answers)
    report = _build(root)
    texts = _texts(report)
    assert texts.count("Overview of the framework.") == 1
    # it comes right after the reply heading, before the "(a)" sub-reply
    index = next(
        i
        for i, b in enumerate(report.blocks)
        if isinstance(b, Paragraph) and plain(b.runs) == "Overview of the framework."
    )
    before = report.blocks[index - 2]
    assert isinstance(before, Heading) and before.text == "Reply to paragraph 1"
    items = [h.text for h in _of(report, Heading) if h.kind == "item"]
    assert items == ["(a)", "(b)"]


def test_lists_are_lettered_inside_their_paragraph(tmp_path: Path) -> None:
    answers: dict[str, dict[str, Any]] = {
        "KEMNAKER": {
            "ministry": "KEMNAKER",
            "answers": [
                {
                    "question": "2",
                    "status": "draft",
                    "text": {"en": "Measures include:\n\n- one;\n  - detail;\n- two.\n\nClosing."},
                }
            ],
        }
    }
    root = write_workspace(tmp_path / "ws", answers=answers)
    report = _build(root)
    paragraph = next(p for p in _of(report, Paragraph) if plain(p.runs) == "Measures include:")
    assert [(i.label, plain(i.runs)) for i in paragraph.items] == [
        ("(a)", "one;"),
        ("(i)", "detail;"),
        ("(b)", "two."),
    ]
    closing = next(p for p in _of(report, Paragraph) if plain(p.runs) == "Closing.")
    assert closing.number == paragraph.number + 1


def test_tables_and_footnotes_are_collected(ws_root: Path) -> None:
    report = _build(ws_root)
    (table,) = _of(report, TableBlock)
    assert table.title == "Table 1: Placements by sex"
    assert table.source == "Source: KP2MI"
    assert [plain(c) for c in table.header] == ["Year", "Men", "Women"]
    assert [[plain(c) for c in row] for row in table.rows] == [
        ["2023", "100", "200"],
        ["2024", "110", "220"],
    ]
    assert table.numeric == [True, True, True]
    assert [plain(p) for fn in report.footnotes for p in fn] == ["Replacing Law No. 39 of 2004."]


def test_words_agree_with_check(ws_root: Path) -> None:
    ws = load_workspace(ws_root)
    report = build_report(ws, templates_for(ws_root))
    assert report.words == ws.report_words(lang="en") > 0
    final = build_report(ws, templates_for(ws_root), final=True)
    assert final.words == ws.report_words(lang="en", final=True)
    assert report.intro_words > 50


def test_default_output_name(ws_root: Path) -> None:
    ws = load_workspace(ws_root)
    assert default_output(ws, "id") == ws_root / "build" / "CMW-C-TST-2-id.docx"


def test_indonesian_headings_from_templates(ws_root: Path) -> None:
    report = _build(ws_root, lang="id")
    replies = [h.text for h in _of(report, Heading) if h.kind == "reply"]
    assert replies[0] == "Jawaban atas paragraf 1"
    parts = [h.text for h in _of(report, Heading) if h.kind == "part"]
    assert parts[0] == "I. Pendahuluan"
    tags = [t.text for t in _of(report, Tag)]
    assert tags[0] == "KEMLU · disetujui"


def _with_tables(tmp_path: Path) -> Path:
    answers = copy.deepcopy(ANSWERS)
    answers["KEMNAKER"] = {
        "ministry": "KEMNAKER",
        "answers": [
            {
                "question": "2",
                "status": "draft",
                "text": {"en": "Claims paid:\n\n| Kind | Number |\n|---|---|\n| JKK | 12 |\n"},
                "tables": [
                    {
                        "title": "Claims",
                        "columns": ["Year", "Claims", "Participants", "Note", "USD million"],
                        "rows": [
                            [2020, 900, 250000, "first", 9.4],
                            [2021, 1200, 300000, None, 12345.5],
                            ["Total", 2100, 550000, "", 12354.9],
                        ],
                    }
                ],
            }
        ],
    }
    return write_workspace(tmp_path / "ws", answers=answers)


def test_every_table_has_its_numbered_title_line(tmp_path: Path) -> None:
    report = _build(_with_tables(tmp_path))
    titles = [t.title for t in _of(report, TableBlock)]
    # 1(b)'s statistics, the pipe table of 2, then 2's statistics: no number is skipped
    assert titles == ["Table 1: Placements by sex", "Table 2", "Table 3: Claims"]


def test_thousands_separators_are_the_same_down_a_column(tmp_path: Path) -> None:
    root = _with_tables(tmp_path)
    for lang, sep, point in (("en", ",", "."), ("id", ".", ",")):
        table = _of(_build(root, lang=lang), TableBlock)[2]
        columns = list(zip(*[[plain(c) for c in row] for row in table.rows], strict=True))
        assert columns[0] == ("2020", "2021", "Total")  # years stay as written
        assert columns[1] == ("900", f"1{sep}200", f"2{sep}100")
        assert columns[2] == (f"250{sep}000", f"300{sep}000", f"550{sep}000")
        assert columns[3] == ("first", "", "")
        assert columns[4] == (f"9{point}4", f"12{sep}345{point}5", f"12{sep}354{point}9")
