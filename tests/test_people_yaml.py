"""YAML as desk officers write it: nothing silently changed, every slip told plainly.

Each test writes the answers file as a person types it (Indonesian thousands separators,
hashtags, text folded with ``>``, a missing colon, a dedented line) and runs
``cmwreport check --format json``, asserting the exact ``FILE:LINE: SEVERITY[CODE]`` and
what the message says, in English and in Indonesian.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from cmwreport import loader, models
from cmwreport.workspace import load_workspace
from conftest import ANSWERS, write_workspace

FILE = "answers/KP2MI.yaml"
HEAD = 'ministry: KP2MI\nanswers:\n  - question: "1(b)"\n    status: submitted\n'
"""The first four lines of KP2MI's answers file; the record goes on from line 5."""

Row = tuple[str, int, str, str]


def _ws(tmp_path: Path, **files: str) -> Path:
    answers: dict[str, Any] = dict(ANSWERS)
    answers.update(files)
    return write_workspace(tmp_path / "ws", answers=answers)


def _check(cli: Any, root: Path, lang: str = "en") -> tuple[int, dict[str, Any]]:
    result = cli("check", "--root", str(root), "--format", "json", "--ui-lang", lang)
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stdout + result.stderr
    return result.exit_code, json.loads(result.stdout)


def _rows(data: dict[str, Any], file: str = FILE) -> list[Row]:
    return [
        (p["file"], p["line"], p["severity"], p["code"])
        for p in data["problems"]
        if p["file"] == file
    ]


def _messages(data: dict[str, Any], code: str, file: str = FILE) -> list[tuple[int, str]]:
    return [
        (p["line"], p["message"])
        for p in data["problems"]
        if p["file"] == file and p["code"] == code
    ]


def _table(rows: str, columns: str = "[Tahun, Laki-laki, Perempuan]") -> str:
    """KP2MI's answer with a table whose rows (lines 11 on) are written as given."""
    return (
        HEAD
        + "    text: Penempatan pekerja migran.\n"  # 5
        + "    tables:\n"  # 6
        + "      - title: Penempatan PMI menurut jenis kelamin\n"  # 7
        + f"        columns: {columns}\n"  # 8
        + "        by: [sex, destination]\n"  # 9
        + "        rows:\n"  # 10
        + rows
    )


# ------------------------------------------------------------------ 1. ambiguous-number


def test_dotted_thousands_are_errors_that_say_what_yaml_read(cli: Any, tmp_path: Path) -> None:
    text = _table(
        "          - [2024, 110.300, 187.100]\n"  # 11
        "          - [2023, 1.200.000, 190.000]\n"  # 12
        "          -\n"  # 13
        "            - 2022\n"  # 14
        "            - 95.500\n"  # 15
        '            - "101.250"\n'  # 16: quoted on purpose: text, as written
    )
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data) == [
        (FILE, 11, "error", "ambiguous-number"),
        (FILE, 11, "error", "ambiguous-number"),
        (FILE, 12, "error", "ambiguous-number"),
        (FILE, 12, "error", "ambiguous-number"),
        (FILE, 15, "error", "ambiguous-number"),
    ]
    by_line = _messages(data, "ambiguous-number")
    assert by_line[0] == (
        11,
        "YAML read `110.300` as the number 110.3; if you mean 110300, write 110300 "
        "(no dots between thousands); if you mean the decimal, write 110.3",
    )
    assert by_line[2] == (
        12,
        "YAML read `1.200.000` as text, not as a number; write 1200000 "
        "(no dots between thousands, a point for decimals)",
    )
    assert "`190.000`" in by_line[3][1] and "write 190000" in by_line[3][1]
    assert "`95.500`" in by_line[4][1] and "write 95500" in by_line[4][1]
    _, data_id = _check(cli, _ws(tmp_path / "id", KP2MI=text), "id")
    assert (
        "YAML membaca `110.300` sebagai angka 110.3" in _messages(data_id, "ambiguous-number")[0][1]
    )


def test_plain_numbers_and_decimals_are_not_ambiguous(cli: Any, tmp_path: Path) -> None:
    text = _table(
        "          - [2024, 110300, 187100]\n"
        "          - [2023, 12.5, 0.125]\n"
        "          - [2022,100,200]\n"  # no spaces anywhere: three cells, as meant
        "          - [2021, 1200000.5, ..]\n"
    )
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == []
    assert status == 0


def test_a_decimal_comma_that_split_a_row_is_named(cli: Any, tmp_path: Path) -> None:
    text = _table("          - [2024, 1,5, 3]\n", columns="[Tahun, Rasio, Jumlah]")
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data) == [(FILE, 11, "error", "invalid-record")]
    [(_, message)] = _messages(data, "invalid-record")
    assert "row 1 of the table has 4 cells but the table has 3 columns" in message
    assert "the comma in 1,5 split it into two cells" in message
    assert "1.5" in message
    _, data_id = _check(cli, _ws(tmp_path / "id", KP2MI=text), "id")
    [(_, message_id)] = _messages(data_id, "invalid-record")
    assert "koma pada 1,5 memecahnya menjadi dua sel" in message_id


def test_a_comma_split_that_happens_to_fit_the_columns_is_still_an_error(
    cli: Any, tmp_path: Path
) -> None:
    # Three columns, and "1,5" made the two cells the row seemed to lack: silently wrong.
    text = _table(
        "          - [2024, 10, 20]\n          - [2025, 1,5]\n",
        columns="[Tahun, Rasio, Jumlah]",
    )
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data) == [(FILE, 12, "error", "ambiguous-number")]
    [(_, message)] = _messages(data, "ambiguous-number")
    assert message.startswith("the comma in 1,5 split it into two cells (1 | 5)")


def test_every_split_row_is_named_not_only_the_first(cli: Any, tmp_path: Path) -> None:
    text = _table("          - [2024, 1,5, 3]\n          - [2025, 2,25, 4]\n")
    _, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == [
        (FILE, 11, "error", "invalid-record"),
        (FILE, 12, "error", "ambiguous-number"),
    ]
    assert "2,25" in _messages(data, "ambiguous-number")[0][1]


# -------------------------------------------------------------------- 2. cut-by-comment


def test_a_hashtag_in_unquoted_text_is_a_warning_at_its_line(cli: Any, tmp_path: Path) -> None:
    text = (
        HEAD
        + "    text:\n"  # 5
        + "      id: Kampanye #MigranAman diluncurkan pada 2024.\n"  # 6
        + "      en: |\n"  # 7
        + "        The #SafeMigration campaign was launched in 2024.\n"  # 8
        + "    sources:\n"  # 9
        + "      - Laporan KP2MI #2024\n"  # 10
        + '      - "Siaran pers #MigranAman"\n'  # 11
    )
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 0
    assert _rows(data) == [
        (FILE, 6, "warning", "cut-by-comment"),
        (FILE, 10, "warning", "cut-by-comment"),
    ]
    message = _messages(data, "cut-by-comment")[0][1]
    assert "“Kampanye”" in message and "`id: |`" in message and "quotes" in message
    item = _messages(data, "cut-by-comment")[1][1]
    assert "“Laporan KP2MI”" in item and "put the whole text in quotes" in item
    loaded = load_workspace(tmp_path / "ws")
    entry = next(a for a in loaded.answers if a.ministry == "KP2MI" and a.question == "1(b)")
    assert entry.texts["id"] == "Kampanye"  # what YAML kept: the warning is about this
    _, data_id = _check(cli, _ws(tmp_path / "id", KP2MI=text), "id")
    assert "membuang sisanya sebagai komentar" in _messages(data_id, "cut-by-comment")[0][1]


def test_a_comment_that_starts_the_next_line_of_a_text_cuts_it_too(
    cli: Any, tmp_path: Path
) -> None:
    text = (
        HEAD
        + "    text: Kampanye\n"  # 5
        + "      #MigranAman diluncurkan pada 2024.\n"  # 6
        + "# ── the next record ──\n"  # 7: a real comment, not indented under text:
        + '  - question: "3"\n'
        + "    status: draft  # draft | submitted | approved\n"
        + "    text: Pengaduan dapat disampaikan daring.\n"
    )
    _, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == [(FILE, 6, "warning", "cut-by-comment")]


def test_comments_after_codes_and_in_literal_text_are_not_cut(cli: Any, tmp_path: Path) -> None:
    text = (
        HEAD.replace("submitted\n", "submitted  # draft | submitted | approved\n")
        + "    updated: 2025-07-15  # last edit\n"
        + "    text: |\n"
        + "      Kampanye #MigranAman diluncurkan.\n"
    )
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == []
    assert status == 0


# ----------------------------------------------------------------- 3. merged-paragraphs


def test_text_folded_with_gt_warns_that_paragraphs_merge(cli: Any, tmp_path: Path) -> None:
    text = (
        HEAD
        + "    text:\n"  # 5
        + "      en: >\n"  # 6
        + "        The Government launched a campaign.\n"
        + "\n"
        + "        It reached two million people.\n"
        + "      id: >\n"  # 10: one paragraph over two lines: nothing merges
        + "        Pemerintah meluncurkan\n"
        + "        kampanye.\n"
    )
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 0
    assert _rows(data) == [(FILE, 6, "warning", "merged-paragraphs")]
    assert "write `|` instead of `>`" in _messages(data, "merged-paragraphs")[0][1]


def test_plain_multi_line_text_and_folded_lists_warn(cli: Any, tmp_path: Path) -> None:
    text = (
        HEAD
        + "    text: Pemerintah telah bertindak.\n"  # 5
        + "\n"
        + "      Paragraf kedua.\n"
        + '  - question: "3"\n'  # 8
        + "    status: draft\n"
        + "    text: >\n"  # 10
        + "      Langkah yang diambil:\n"
        + "      - pelatihan\n"
        + "      - pengawasan\n"
    )
    _, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == [
        (FILE, 5, "warning", "merged-paragraphs"),
        (FILE, 10, "warning", "merged-paragraphs"),
    ]
    assert "`text: |`" in _messages(data, "merged-paragraphs")[0][1]
    _, data_id = _check(cli, _ws(tmp_path / "id", KP2MI=text), "id")
    assert "menjadi satu paragraf laporan" in _messages(data_id, "merged-paragraphs")[0][1]


def test_literal_text_does_not_warn(cli: Any, tmp_path: Path) -> None:
    text = HEAD + "    text: |\n      Satu.\n\n      Dua.\n\n      - butir\n      - butir\n"
    _, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == []


def test_init_writes_text_with_a_literal_block(tmp_path: Path, cli: Any) -> None:
    target = tmp_path / "new"
    assert cli("init", str(target)).exit_code == 0
    loipr = (target / "questions" / "loipr.yaml").read_text(encoding="utf-8")
    assert ": >" not in loipr
    assert "en: |" in loipr and "id: |" in loipr


# ---------------------------------------------------------------- 10. syntax mistakes

SYNTAX_CASES = {
    # name: (text after HEAD's 4 lines, line to edit, catalogue key, English words, Indonesian)
    "missing colon": (
        "    text Pemerintah telah bertindak.\n",
        5,
        "yaml.missing_colon",
        "write `text: Pemerintah telah bertindak.`",
        "tidak memiliki titik dua",
    ),
    "missing colon mid-record": (
        "    updated 2025-07-15\n    text: Isi.\n",
        5,
        "yaml.missing_colon",
        "write `updated: 2025-07-15`",
        "tulis `updated: 2025-07-15`",
    ),
    "colon in text": (
        "    text: Catatan: pemerintah telah bertindak.\n",
        5,
        "yaml.colon_in_text",
        "`text: |`",
        "titik dua diikuti spasi",
    ),
    "colon in a continued line": (
        "    text: Pemerintah telah\n      bertindak sebagai berikut: satu.\n",
        6,
        "yaml.colon_in_text",
        "`text: |`",
        "`text: |`",
    ),
    "text starting with a star": (
        "    text: *Penting* pemerintah telah bertindak.\n",
        5,
        "yaml.starts_with",
        "starts with `*`",
        "diawali `*`",
    ),
    "text starting with a quote": (
        '    text:\n      id: "Pekerja migran" adalah istilah resmi.\n',
        6,
        "yaml.starts_with",
        'starts with `"`',
        "`id: |`",
    ),
    "a star alone": (
        "    text: *penting\n",
        5,
        "yaml.unknown_alias",
        "put it on the next lines under `|`",
        "di bawah `|`",
    ),
    "dedented line in a text block": (
        "    text: |\n      Paragraf satu.\n\n    Paragraf dua tanpa indentasi.\n"
        '  - question: "3"\n    status: draft\n',
        8,
        "yaml.dedented_text",
        "indent it by 6 spaces",
        "jorokkan 6 spasi",
    ),
    "dedented line in a plain text": (
        "    text: Paragraf satu\n    paragraf dua.\n",
        6,
        "yaml.dedented_plain",
        "`text: |`",
        "`text: |`",
    ),
    "list item too far in": (
        '   - question: "3"\n    status: draft\n',
        5,
        "yaml.item_misaligned",
        "start it with 2 spaces like that one",
        "awali dengan 2 spasi",
    ),
    "list item too far out": (
        ' - question: "3"\n   status: draft\n',
        5,
        "yaml.item_misaligned",
        "dash is not under the one on line 3",
        "tidak sejajar dengan tanda di baris 3",
    ),
    "bullet among the fields": (
        "    text: Langkah:\n    - pelatihan\n",
        5,
        "yaml.colon_in_text",
        "`text: |`",
        "`text: |`",
    ),
    "bullet after a text": (
        "    text: Langkah yang diambil\n    - pelatihan\n",
        6,
        "yaml.item_misaligned",
        "put that text under `|`",
        "di bawah `|`",
    ),
    "missing colon before a field": (
        "    text Isi\n    updated: 2025-07-15\n",
        5,
        "yaml.missing_colon",
        "write `text: Isi`",
        "tulis `text: Isi`",
    ),
    "list item starting with a quote": (
        '    text: Isi.\n    sources:\n      - "UU 18" tahun 2017\n',
        7,
        "yaml.item_starts_with",
        "write `- |`",
        "tulis `- |`",
    ),
    "list item starting with a star": (
        "    text: Isi.\n    sources:\n      - *Penting* UU 18\n",
        7,
        "yaml.item_starts_with",
        "starts with `*`",
        "diawali `*`",
    ),
    "a bullet right after the colon": (
        "    text: - pelatihan\n      - pengawasan\n",
        5,
        "yaml.starts_with",
        "starts with `-`",
        "diawali `-`",
    ),
    "text on the line of its `>`": (
        "    text: >Pemerintah telah bertindak.\n",
        5,
        "yaml.starts_with",
        "starts with `>`",
        "diawali `>`",
    ),
    "a stray line in a text block": (
        "    text: |\n      Paragraf satu.\n    *\n      Paragraf dua.\n",
        7,
        "yaml.dedented_text",
        "indent it by 6 spaces",
        "jorokkan 6 spasi",
    ),
    "a heading line dedented in a text block": (
        "    text: |\n      Paragraf satu.\n  # Judul\n      Paragraf dua.\n",
        7,
        "yaml.dedented_text",
        "belongs to the text under `text:` (line 5)",
        "bagian dari teks di bawah `text:` (baris 5)",
    ),
    "a field moved to the left edge": (
        '    updated: 2025-07-15\ntext: Isi.\n  - question: "3"\n    status: draft\n',
        6,
        "yaml.field_misaligned",
        "`text:` is not lined up with `updated:` on line 5; start it with 4 spaces",
        "awali dengan 4 spasi",
    ),
    "a cell starting with a percent sign": (
        "    text: Isi.\n    tables:\n      - title: T\n        columns: [Tahun, Naik]\n"
        "        rows:\n          - [2024, %15]\n",
        10,
        "yaml.cell_starts_with",
        "inside `[...]` starts with `%`",
        "beri tanda kutip",
    ),
    "stray text between records": (
        '    text: Isi.\n\n   Catatan untuk koordinator\n  - question: "3"\n    status: draft\n',
        7,
        "yaml.stray_text",
        "text outside any field",
        "di luar kolom mana pun",
    ),
    "field indented too far": (
        "     text: Isi.\n",
        5,
        "yaml.field_indented",
        "`text:` is indented further than `status:` on line 4",
        "menjorok lebih dalam daripada `status:` di baris 4",
    ),
    "field indented too little": (
        "   text: Isi.\n",
        5,
        "yaml.field_misaligned",
        "start it with 4 spaces",
        "awali dengan 4 spasi",
    ),
}


@pytest.mark.parametrize("name", sorted(SYNTAX_CASES))
def test_common_yaml_mistakes_are_told_plainly(cli: Any, tmp_path: Path, name: str) -> None:
    tail, line, key, english, indonesian = SYNTAX_CASES[name]
    root = _ws(tmp_path, KP2MI=HEAD + tail)
    found = loader.read_yaml(root / FILE, FILE)
    assert [(p.line, p.code, p.msg.key) for p in found.problems] == [(line, "yaml-syntax", key)]
    status, data = _check(cli, root)
    assert status == 1
    assert _rows(data) == [(FILE, line, "error", "yaml-syntax")]
    [(_, message)] = _messages(data, "yaml-syntax")
    assert english in message
    for libyaml in ("could not find", "did not find", "mapping values", "while scanning"):
        assert libyaml not in message
    _, data_id = _check(cli, root, "id")
    [(_, message_id)] = _messages(data_id, "yaml-syntax")
    assert indonesian in message_id
    assert "YAML tidak dapat dibaca di sini" not in message_id


def test_an_unclosed_bracket_names_the_line_it_opened(cli: Any, tmp_path: Path) -> None:
    text = _table("          - [2024, 10, 20\n          - [2025, 11, 21]\n")
    _, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == [(FILE, 11, "error", "yaml-syntax")]
    assert "`[` opened on this line is never closed" in _messages(data, "yaml-syntax")[0][1]


def test_a_list_item_where_a_field_belongs(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("ministry: KP2MI\n- question: 3\n", encoding="utf-8")
    [problem] = loader.read_yaml(path, "f.yaml").problems
    assert (problem.line, problem.msg.key) == (2, "yaml.item_unexpected")
    assert "where a field (`name: value`) is expected" in problem.message()


def test_a_field_in_the_column_of_a_list(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("sources:\n  - UU 18/2017\n  note: x\n", encoding="utf-8")
    [problem] = loader.read_yaml(path, "f.yaml").problems
    assert (problem.line, problem.msg.key) == (3, "yaml.line_misaligned")
    assert "`note:` is not lined up" in problem.message()


def test_other_parser_errors_keep_libyaml_words_inside_a_translated_frame(
    tmp_path: Path,
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a: b\n%YAML 1.1\n", encoding="utf-8")
    [problem] = loader.read_yaml(path, "f.yaml").problems
    assert (problem.line, problem.code, problem.msg.key) == (2, "yaml-syntax", "yaml.syntax")
    assert problem.message("id").startswith("YAML tidak dapat dibaca di sini: ")


# ------------------------------------------------------------------ 11. follow-on noise


def test_an_unreadable_answers_file_gets_one_message_and_no_unit_noise(
    cli: Any, tmp_path: Path
) -> None:
    # KP2MI leads 1(b) and 3 and contributes to 1(a); its file has a missing colon.
    broken = HEAD + "    text Pemerintah telah bertindak.\n"
    status, data = _check(cli, _ws(tmp_path, KP2MI=broken))
    assert status == 1
    assert _rows(data, "answers/KP2MI.yaml") == [(FILE, 5, "error", "yaml-syntax")]
    [(_, message)] = _messages(data, "yaml-syntax")
    assert "none of KP2MI's answers could be read" in message
    loipr = [(p["code"], p["message"]) for p in data["problems"] if p["file"].startswith("q")]
    # Only unit 2 (KEMNAKER's alone) is really unanswered; 1(b) and 3 are KP2MI's.
    assert loipr == [("unanswered", "2 has no answer yet (lead: KEMNAKER)")]
    _, data_id = _check(cli, _ws(tmp_path / "id", KP2MI=broken), "id")
    assert "tidak satu pun jawaban KP2MI dapat dibaca" in _messages(data_id, "yaml-syntax")[0][1]


def test_an_answers_file_that_is_a_list_is_unread_too(cli: Any, tmp_path: Path) -> None:
    _, data = _check(cli, _ws(tmp_path, KP2MI='- question: "3"\n  status: draft\n'))
    assert _rows(data) == [(FILE, 1, "error", "invalid-record")]
    assert "none of KP2MI's answers could be read" in _messages(data, "invalid-record")[0][1]
    assert all(p["code"] != "lead-missing" for p in data["problems"])


# ------------------------------------------------------------------- 12. precise hints


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Draft", "draft"),
        ("SUBMITTED", "submitted"),
        ("Approved", "approved"),
        ("draf", "draft"),
        ("diajukan", "submitted"),
        ("Disetujui", "approved"),
    ],
)
def test_status_in_any_case_or_in_indonesian_is_read_as_the_english_word(
    cli: Any, tmp_path: Path, written: str, stored: str
) -> None:
    text = (
        HEAD.replace("status: submitted", f"status: {written}") + "    text: {en: Isi., id: Isi.}\n"
    )
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == []
    assert status == 0
    ws = load_workspace(tmp_path / "ws")
    entry = next(a for a in ws.answers if a.ministry == "KP2MI" and a.question == "1(b)")
    assert entry.status == stored
    assert models.Answer.model_validate({"question": "1", "status": written}).status == stored


@pytest.mark.parametrize(
    ("written", "english", "indonesian"),
    [
        ("drfat", "not 'drfat' (did you mean `draft`?)", "(maksud Anda `draft`?)"),
        ("submited", "(did you mean `submitted`?)", "(maksud Anda `submitted`?)"),
        ("diajukn", "(did you mean `submitted`?)", "(maksud Anda `submitted`?)"),
        ("", "`status` is empty; write one of draft, submitted, approved", "masih kosong"),
    ],
)
def test_status_slips_get_a_precise_hint(
    cli: Any, tmp_path: Path, written: str, english: str, indonesian: str
) -> None:
    text = HEAD.replace("status: submitted", f"status: {written}".rstrip()) + "    text: Isi.\n"
    root = _ws(tmp_path, KP2MI=text)
    _, data = _check(cli, root)
    assert _rows(data) == [(FILE, 4, "error", "invalid-record")]
    assert english in _messages(data, "invalid-record")[0][1]
    _, data_id = _check(cli, root, "id")
    assert indonesian in _messages(data_id, "invalid-record")[0][1]


@pytest.mark.parametrize(
    ("date", "english", "indonesian"),
    [
        (
            "2025-02-30",
            "February has no 30th (it has 28 days)",
            "Februari tidak memiliki tanggal 30",
        ),
        ("2025-04-31", "April has no 31st", "April tidak memiliki tanggal 31"),
        ("2025-02-29", "2025 is not a leap year, so February has no 29th", "bukan tahun kabisat"),
        ("2025-13-01", "there is no month 13", "tidak ada bulan ke-13"),
    ],
)
def test_impossible_dates_say_why(
    cli: Any, tmp_path: Path, date: str, english: str, indonesian: str
) -> None:
    text = HEAD + f"    updated: {date}\n    text: Isi.\n"
    root = _ws(tmp_path, KP2MI=text)
    _, data = _check(cli, root)
    assert _rows(data) == [(FILE, 5, "error", "invalid-record")]
    assert english in _messages(data, "invalid-record")[0][1]
    _, data_id = _check(cli, root, "id")
    assert indonesian in _messages(data_id, "invalid-record")[0][1]


def test_a_leap_day_is_a_date(cli: Any, tmp_path: Path) -> None:
    _, data = _check(cli, _ws(tmp_path, KP2MI=HEAD + "    updated: 2024-02-29\n    text: Isi.\n"))
    assert _rows(data) == []


def test_a_row_without_brackets_is_told_to_use_them(cli: Any, tmp_path: Path) -> None:
    text = _table("          - [2024, 110300, 187100]\n          - 2025, 120000, 130000\n")
    root = _ws(tmp_path, KP2MI=text)
    _, data = _check(cli, root)
    assert _rows(data) == [(FILE, 12, "error", "invalid-record")]
    message = _messages(data, "invalid-record")[0][1]
    assert "row 2 is written `2025, 120000, 130000`" in message
    assert "put the row in brackets: `- [2025, 120000, 130000]`" in message
    _, data_id = _check(cli, root, "id")
    assert "beri tanda kurung siku" in _messages(data_id, "invalid-record")[0][1]


def test_field_names_of_the_missing_colon_hint_match_the_models() -> None:
    names: set[str] = set()
    for model in (
        models.Ministry,
        models.MinistriesFile,
        models.Item,
        models.Paragraph,
        models.Section,
        models.ReportMeta,
        models.Loipr,
        models.Table,
        models.ColumnGroup,
        models.Answer,
        models.AnswersFile,
        models.ObservationsFile,
        models.FollowUpSelection,
        models.FollowUp,
    ):
        names.update(model.model_fields)
    assert names <= loader.FIELD_NAMES


def test_a_record_with_an_error_does_not_also_make_its_unit_unanswered(
    cli: Any, tmp_path: Path
) -> None:
    # KP2MI answered 1(b) (its lead unit) and 3, but wrote a status check cannot read.
    text = (
        HEAD.replace("status: submitted", "status: drfat")
        + "    text: Isi.\n"
        + '  - question: "3"\n'
        + "    status: draft\n"
        + "    text: Pengaduan dapat disampaikan daring.\n"
    )
    _, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert _rows(data) == [(FILE, 4, "error", "invalid-record")]
    units = [p["message"].split()[0] for p in data["problems"] if p["code"] == "unanswered"]
    assert units == ["2"]  # 1(b) is not "unanswered": its answer's error is said above
    assert all(p["code"] not in ("lead-missing", "missing-data") for p in data["problems"])


def test_a_missing_colon_is_found_on_the_line_above_the_error(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("ministry KP2MI\nanswers: []\n", encoding="utf-8")
    [problem] = loader.read_yaml(path, "f.yaml").problems
    assert (problem.line, problem.msg.key) == (1, "yaml.missing_colon")
    assert "write `ministry: KP2MI`" in problem.message()


def test_text_starting_with_an_ampersand_is_not_silently_shortened(
    cli: Any, tmp_path: Path
) -> None:
    text = HEAD + "    text: &copy Pemerintah 2024, hak cipta dilindungi.\n"
    status, data = _check(cli, _ws(tmp_path, KP2MI=text))
    assert status == 1
    assert _rows(data) == [(FILE, 5, "error", "yaml-syntax")]
    assert "starts with `&copy`" in _messages(data, "yaml-syntax")[0][1]
    # An anchor that is referred to is YAML's own feature, not lost text.
    path = tmp_path / "f.yaml"
    path.write_text("a: &x lol\nb: *x\n", encoding="utf-8")
    assert loader.read_yaml(path, "f.yaml").problems == []


def test_a_comment_that_lost_its_hash_at_the_top_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        "# Jawaban KP2MI\n Catatan: diisi oleh Direktorat\n\nministry: KP2MI\nanswers: []\n",
        encoding="utf-8",
    )
    [problem] = loader.read_yaml(path, "f.yaml").problems
    assert (problem.line, problem.msg.key) == (2, "yaml.root_text")


def test_explaining_syntax_errors_never_fails_on_slips_in_real_files(tmp_path: Path) -> None:
    """Random slips (a colon dropped, a line shifted, a sign typed) in the example files."""
    repo = Path(__file__).resolve().parent.parent
    sources = [p.read_text(encoding="utf-8") for p in sorted((repo / "answers").glob("*.yaml"))]
    signs = [*":\"'*&!@`%[]{}#-|>,", "  ", "- ", ": ", "\n"]
    path = tmp_path / "f.yaml"
    explained = 0
    for seed in range(300):
        rng = random.Random(seed)
        lines = rng.choice(sources).split("\n")
        for _ in range(rng.randint(1, 3)):
            index = rng.randrange(len(lines))
            line = lines[index]
            choice = rng.randrange(4)
            if choice == 0 and ":" in line:
                lines[index] = line.replace(":", "", 1)
            elif choice == 1:
                lines[index] = " " * rng.randint(0, 3) + line.lstrip()
            elif choice == 2:
                at = rng.randint(0, len(line))
                lines[index] = line[:at] + rng.choice(signs) + line[at:]
            else:
                lines.insert(index, " " * rng.randint(0, 8) + rng.choice(["- x", "teks", "*a*"]))
        path.write_text("\n".join(lines), encoding="utf-8")
        for problem in loader.read_yaml(path, "f.yaml").problems:
            assert 1 <= problem.line <= len(lines) + 1
            assert problem.message("en") and problem.message("id")
            explained += problem.code == "yaml-syntax" and problem.msg.key != "yaml.syntax"
    assert explained > 100
