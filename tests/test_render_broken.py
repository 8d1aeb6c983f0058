"""render on a workspace with errors: a draft from what could be read, with a notice naming
each broken file and placeholders, exit 1; --final still refuses (SPEC.md section 3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document

from conftest import write_workspace

KP2MI_BROKEN = (
    "ministry: KP2MI\n"
    "answers:\n"
    '  - question: "1(b)"\n'
    "    status: submitted\n"
    "\ttext: Perjanjian ditandatangani dengan dua negara.\n"
)
DRAFT = Path("build") / "CMW-C-TST-2-en.docx"


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def _broken(tmp_path: Path) -> Path:
    root = write_workspace(tmp_path / "ws")
    (root / "answers" / "KP2MI.yaml").write_text(KP2MI_BROKEN, encoding="utf-8")
    return root


def test_a_draft_is_written_with_a_notice_and_placeholders(tmp_path: Path, cli: Any) -> None:
    root = _broken(tmp_path)
    result = cli("render", "--root", str(root))
    assert result.exit_code == 1
    assert "answers/KP2MI.yaml:5: error[yaml-syntax]" in result.stderr
    texts = _texts(root / DRAFT)
    notice = next(i for i, t in enumerate(texts) if t.startswith("INCOMPLETE DRAFT"))
    assert notice < texts.index("I.\tIntroduction")
    assert texts[notice + 1].startswith("answers/KP2MI.yaml: 1 error; the first, on line 5:")
    # KEMLU's reply is there; KP2MI's replies are marked as unreadable, not as missing.
    assert any("Law No. 18 of 2017 protects migrant workers." in t for t in texts)
    assert (
        "[The reply of KP2MI to 1(b) could not be read: answers/KP2MI.yaml holds errors]" in texts
    )
    assert "[The reply of KP2MI to 3 could not be read: answers/KP2MI.yaml holds errors]" in texts
    assert not any(t.startswith("[No reply yet to 3") for t in texts)


def test_the_notice_is_in_the_report_language(tmp_path: Path, cli: Any) -> None:
    root = _broken(tmp_path)
    out = tmp_path / "draf.docx"
    result = cli("render", "--lang", "id", "--output", str(out), "--root", str(root))
    assert result.exit_code == 1
    texts = _texts(out)
    assert any(t.startswith("DRAF TIDAK LENGKAP: 1 berkas") for t in texts)
    assert "[Jawaban KP2MI atas 1(b) tidak dapat dibaca: answers/KP2MI.yaml mengandung galat]" in (
        texts
    )


def test_an_ignored_copy_is_named_at_the_top(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    copy = root / "answers" / "KEMNAKER (1).yaml"
    copy.write_text(
        'ministry: KEMNAKER\nanswers:\n  - question: "2"\n    status: draft\n    text: Ada.\n',
        encoding="utf-8",
    )
    result = cli("render", "--root", str(root))
    assert result.exit_code == 1
    texts = _texts(root / DRAFT)
    assert any(t.startswith("answers/KEMNAKER (1).yaml: 1 error") for t in texts)
    assert any(t.startswith("[The reply of KEMNAKER to 2 could not be read") for t in texts)


def test_final_still_refuses_and_writes_nothing(tmp_path: Path, cli: Any) -> None:
    root = _broken(tmp_path)
    result = cli("render", "--final", "--allow-gaps", "--root", str(root))
    assert result.exit_code == 1
    assert "error" in result.stderr
    assert not (root / "build").exists()


def test_final_does_not_overwrite_the_draft(ws_root: Path, cli: Any) -> None:
    draft = cli("render", "--root", str(ws_root))
    assert draft.exit_code == 0
    before = (ws_root / DRAFT).read_bytes()
    final = cli("render", "--final", "--allow-gaps", "--root", str(ws_root))
    assert final.exit_code == 0, final.stderr
    assert (ws_root / DRAFT).read_bytes() == before
    final_path = ws_root / "build" / "CMW-C-TST-2-en-final.docx"
    assert "build/CMW-C-TST-2-en-final.docx" in final.stdout
    assert not any(t.startswith("WORKING DRAFT") for t in _texts(final_path))


def test_a_body_whose_other_replies_were_read_gets_no_placeholder_there(
    tmp_path: Path, cli: Any
) -> None:
    root = write_workspace(tmp_path / "ws")
    # KEMLU's file holds one bad record (a question the list lacks) and one good reply.
    (root / "answers" / "KEMLU.yaml").write_text(
        "ministry: KEMLU\nanswers:\n"
        '  - question: "1(a)"\n    status: approved\n    text:\n      en: Law No. 18 applies.\n'
        '  - question: "40"\n    status: draft\n    text: Salah nomor.\n',
        encoding="utf-8",
    )
    result = cli("render", "--root", str(root))
    assert result.exit_code == 1
    texts = _texts(root / DRAFT)
    assert any("Law No. 18 applies." in t for t in texts)
    assert not any(t.startswith("[The reply of KEMLU to 1(a)") for t in texts)
    # 1(b) has KEMLU as contributor and nothing from it: its reply may be the broken one.
    assert any(t.startswith("[The reply of KEMLU to 1(b) could not be read") for t in texts)
