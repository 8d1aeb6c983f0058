"""questions/abbreviations.yaml (SPEC 6): read, checked, and listed when the text uses them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docx import Document

from cmwreport.commands import run_render
from cmwreport.schema import SCHEMA_FILES, build_schema
from conftest import EXAMPLE, write_workspace

ABBREVIATIONS_AS_TYPED = """\
# Laws and programmes
abbreviations:
  - short: JKK
    long: {en: Employment injury programme, id: Jaminan Kecelakaan Kerja}
  - short: JKM
    long:
      en: Death benefit programme
      id: Jaminan Kematian
  - short: {en: UN, id: PBB}
    long: {en: United Nations, id: Perserikatan Bangsa-Bangsa}
  - short: JHT
    long: {en: Old-age savings programme, id: Jaminan Hari Tua}
"""

KEMNAKER_AS_TYPED = """\
ministry: KEMNAKER
answers:
  - question: "2"
    status: approved
    text:
      en: |
        Workers abroad join JKK and JKM before departure; KP2MI checks it.
      id: |
        Pekerja di luar negeri ikut JKK dan JKM sebelum berangkat; KP2MI memeriksanya, PBB mencatat.
"""


def _workspace(tmp_path: Path, abbreviations: str = ABBREVIATIONS_AS_TYPED) -> Path:
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": KEMNAKER_AS_TYPED})
    (root / "questions" / "abbreviations.yaml").write_text(abbreviations, encoding="utf-8")
    return root


def _problems(cli: Any, root: Path) -> list[str]:
    result = cli("check", "--root", str(root))
    return [line for line in result.stdout.splitlines() if "abbreviations.yaml" in line]


def _listed(path: Path) -> list[str]:
    return [
        p.text
        for p in Document(str(path)).paragraphs
        if p.style is not None and p.style.name == "Abbreviation"
    ]


def test_a_clean_file_gives_no_problem(tmp_path: Path, cli: Any) -> None:
    root = _workspace(tmp_path)
    assert _problems(cli, root) == []


def test_duplicates_missing_languages_and_unknown_fields_name_their_line(
    tmp_path: Path, cli: Any
) -> None:
    text = """\
abbreviations:
  - short: JKK
    long: {en: Employment injury programme, id: Jaminan Kecelakaan Kerja}
  - short: JKK
    long: {en: Work accident insurance}
  - short: MoM
    long: {en: Ministry of Manpower}
  - short: JHT
    long: {id: Jaminan Hari Tua}
  - short: JKM
    lomg: {en: Death benefit programme}
"""
    root = _workspace(tmp_path, text)
    problems = _problems(cli, root)
    assert problems == [
        "questions/abbreviations.yaml:4: error[duplicate-id] abbreviation JKK appears twice "
        "(first on line 2)",
        "questions/abbreviations.yaml:6: error[duplicate-id] abbreviation MoM is already the "
        "short form of body KEMNAKER (questions/ministries.yaml, line 10); list it once",
        "questions/abbreviations.yaml:9: warning[missing-translation] abbreviation JHT has no "
        "`long` in the report's language (en); it has: id",
        "questions/abbreviations.yaml:10: error[invalid-record] the required field `long` is "
        "missing",
        "questions/abbreviations.yaml:11: error[invalid-record] unknown field `lomg` (did you "
        "mean `long`?); allowed here: long, short",
    ]
    assert cli("check", "--root", str(root)).exit_code == 1


def test_a_file_yaml_cannot_read_is_a_yaml_syntax_error(tmp_path: Path, cli: Any) -> None:
    root = _workspace(tmp_path, "abbreviations:\n  - short: JKK\n   long: x\n")
    problems = _problems(cli, root)
    assert problems and problems[0].startswith("questions/abbreviations.yaml:3: error[yaml-syntax]")


def test_the_list_holds_only_what_the_text_uses_with_the_bodies(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    out = tmp_path / "en.docx"
    run_render(root=root, output=out)
    assert _listed(out) == [
        "JKK\tEmployment injury programme (Jaminan Kecelakaan Kerja)",
        "JKM\tDeath benefit programme (Jaminan Kematian)",
        "KP2MI\tMinistry for the Protection of Indonesian Migrant Workers (Kementerian "
        "Pelindungan Pekerja Migran Indonesia)",
    ]
    run_render(root=root, output=tmp_path / "id.docx", report_lang="id")
    assert _listed(tmp_path / "id.docx") == [
        "JKK\tJaminan Kecelakaan Kerja (Employment injury programme)",
        "JKM\tJaminan Kematian (Death benefit programme)",
        "KP2MI\tKementerian Pelindungan Pekerja Migran Indonesia (Ministry for the Protection of "
        "Indonesian Migrant Workers, MoPIMW)",
        "PBB\tPerserikatan Bangsa-Bangsa (United Nations, UN)",
    ]


def test_a_body_goes_by_the_short_form_its_text_uses_in_the_list_and_the_templates(
    tmp_path: Path,
) -> None:
    root = write_workspace(tmp_path / "ws", answers={"KEMNAKER": KEMNAKER_AS_TYPED})
    (root / "templates" / "en").mkdir(parents=True)
    (root / "templates" / "en" / "introduction.md.j2").write_text(
        "Contributions came from {{ contributors | abbreviations | join_and(lang) }}.\n",
        encoding="utf-8",
    )
    out = tmp_path / "en.docx"
    run_render(root=root, output=out)
    listed = _listed(out)
    assert (
        "KP2MI\tMinistry for the Protection of Indonesian Migrant Workers (Kementerian "
        "Pelindungan Pekerja Migran Indonesia)" in listed
    )
    assert not any(row.startswith("MoPIMW") for row in listed)
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    assert "1.\tContributions came from MoM and KP2MI." in paragraphs
    # MoM appears in the introduction only: listed, in the report language's form.
    assert any(row.startswith("MoM\tMinistry of Manpower") for row in listed)


def test_the_example_lists_its_programmes(tmp_path: Path) -> None:
    out = tmp_path / "example.docx"
    run_render(root=EXAMPLE, output=out)
    listed = [row.split("\t")[0] for row in _listed(out)]
    assert {"BPJS", "JHT", "JKK", "JKM", "KP2MI", "LTSA"} <= set(listed)
    assert "MoPIMW" not in listed and "UN" not in listed
    assert listed == sorted(listed, key=str.casefold)


def test_schema_describes_the_file(cli: Any) -> None:
    schema = build_schema("abbreviations")
    item = schema["$defs"]["Abbreviation"]
    assert set(item["properties"]) == {"short", "long"} and item["additionalProperties"] is False
    assert item["required"] == ["short", "long"]
    printed = json.loads(cli("schema", "--file", "abbreviations").stdout)
    assert printed == schema
    assert SCHEMA_FILES["abbreviations"] == "abbreviations.schema.json"
    committed = EXAMPLE / "schemas" / "abbreviations.schema.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == schema
