"""The interface in English and Indonesian: complete catalogues, chosen by --ui-lang / env."""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from cmwreport.i18n import CATALOG, t, ui_lang
from conftest import REPO, write_workspace

SRC = REPO / "src" / "cmwreport"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    english, indonesian = CATALOG[key]
    assert english.strip(), f"{key}: English text is empty"
    assert indonesian.strip(), f"{key}: Indonesian text is empty"
    assert _fields(english) == _fields(indonesian), key


def test_long_messages_are_translated_not_copied() -> None:
    same = [
        k
        for k, (en, id_) in CATALOG.items()
        if en == id_ and len(re.sub(r"\{[^}]*\}|`[^`]*`", "", en).split()) > 2
    ]
    assert same == []


_KEY = re.compile(r"""["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")
_LITERALS = {"yaml.schemas"}  # VS Code's settings key written by init, not a message
_NOT_KEYS = re.compile(r"\.(json|yaml|yml|docx|xlsx|html|md|csv|py|j2|xml|rels|txt|png|pdf)$")


def test_every_key_used_in_the_code_is_in_the_catalogue() -> None:
    prefixes = {k.split(".")[0] for k in CATALOG}
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        if "i18n" in path.parts:
            continue
        for key in _KEY.findall(path.read_text(encoding="utf-8")):
            if key.split(".")[0] in prefixes and not _NOT_KEYS.search(key):
                if key in _LITERALS:
                    continue
                if key not in CATALOG and not any(k.startswith(key + ".") for k in CATALOG):
                    missing.append(f"{path.name}: {key}")
    assert missing == []


def test_ui_lang_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CMWREPORT_LANG", raising=False)
    assert ui_lang("id") == "id" and ui_lang("ID") == "id" and ui_lang("en") == "en"
    # a language without a catalogue falls back to CMWREPORT_LANG, else to English
    assert ui_lang("fr") == "en" and ui_lang("") == "en" and ui_lang(None) == "en"
    monkeypatch.setenv("CMWREPORT_LANG", "id")
    assert ui_lang("fr") == "id" and ui_lang(None) == "id" and ui_lang("en") == "en"
    assert t("check.summary_ok", "id", files=3) == "tidak ada masalah dalam 3 berkas"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    answers = {
        "KP2MI": {
            "ministry": "KP2MI",
            "answers": [
                {"question": "9", "status": "draft", "text": "x"},
                {"question": "3", "status": "final", "text": "y"},
                {"question": "1(b)", "status": "draft", "text": ""},
            ],
        }
    }
    return write_workspace(tmp_path / "ws", answers=answers)


def test_check_in_indonesian_keeps_codes_and_json_keys(broken: Path, cli) -> None:  # type: ignore[no-untyped-def]
    english = cli("check", "--root", str(broken), "--format", "json")
    indonesian = cli("check", "--root", str(broken), "--format", "json", "--ui-lang", "id")
    env = cli("check", "--root", str(broken), "--format", "json", env={"CMWREPORT_LANG": "id"})
    en, id_, by_env = (json.loads(r.stdout) for r in (english, indonesian, env))
    assert english.exit_code == indonesian.exit_code == env.exit_code == 1
    assert id_ == by_env
    assert set(en) == set(id_) == {"problems", "errors", "warnings"}
    assert [(p["file"], p["line"], p["severity"], p["code"]) for p in en["problems"]] == [
        (p["file"], p["line"], p["severity"], p["code"]) for p in id_["problems"]
    ]
    codes = {p["code"] for p in id_["problems"]}
    assert {"unknown-question", "invalid-record", "empty-answer", "unanswered"} <= codes
    for a, b in zip(en["problems"], id_["problems"], strict=True):
        assert set(a) == set(b)
        assert a["message"] != b["message"], a["code"]
    messages = " ".join(p["message"] for p in id_["problems"])
    assert "tidak ada dalam daftar pertanyaan" in messages
    assert "belum dijawab" in messages


def test_check_text_summary_and_env_override(broken: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("check", "--root", str(broken), env={"CMWREPORT_LANG": "id"})
    assert re.search(r"\d+ galat, \d+ peringatan dalam \d+ berkas", result.stdout)
    assert "error[unknown-question]" in result.stdout  # codes and severities never change
    result = cli("check", "--root", str(broken), "--ui-lang", "en", env={"CMWREPORT_LANG": "id"})
    assert "error(s)" in result.stdout
    bad = cli("check", "--root", str(broken), "--ui-lang", "fr")
    assert bad.exit_code == 2


def test_coverage_labels_in_indonesian(ws_root: Path, cli) -> None:  # type: ignore[no-untyped-def]
    english = cli("coverage", "--root", str(ws_root), "--format", "markdown")
    indonesian = cli("coverage", "--root", str(ws_root), "--format", "markdown", "--ui-lang", "id")
    assert english.exit_code == indonesian.exit_code == 0
    assert t("cov.by_body", "id") in indonesian.stdout
    assert t("cov.by_body", "en") not in indonesian.stdout
    as_json = cli("coverage", "--root", str(ws_root), "--format", "json", "--ui-lang", "id")
    assert set(json.loads(as_json.stdout)) >= {"totals", "units", "ministries", "sections"}


def _help(*args: str, lang: str) -> str:
    env = {**os.environ, "CMWREPORT_LANG": lang}
    done = subprocess.run(
        [sys.executable, "-m", "cmwreport", *args, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


def test_help_follows_cmwreport_lang() -> None:
    top_id = _help(lang="id")
    assert "Menyusun laporan berkala" in " ".join(top_id.split())
    top_en = _help(lang="en")
    assert "Draft the periodic report" in " ".join(top_en.split())
    check_id = " ".join(_help("check", lang="id").split())
    assert t("cli.check.strict", "id") in check_id
    assert t("cli.root", "id") in check_id
    scaffold_id = " ".join(_help("scaffold", lang="id").split())
    assert "Menambahkan kerangka jawaban" in scaffold_id
