"""The interface in English and Indonesian: complete catalogues, chosen by --ui-lang / env."""

from __future__ import annotations

import json
import os
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from cmwreport.i18n import LOCALE_DIR, UI_LANGS, message_keys, t, ui_lang
from conftest import REPO, write_workspace

SRC = REPO / "src" / "cmwreport"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "cmwreport.po"


def _entries(lang: str) -> dict[str, tuple[str, ...]]:
    """Key -> its text(s) in *lang* (one per plural form)."""
    with _po(lang).open("rb") as fh:
        catalog = read_po(fh)
    out: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        out[key] = tuple(str(text) for text in strings)
    return out


CATALOG = {lang: _entries(lang) for lang in UI_LANGS}


def test_the_interface_languages_are_the_catalogues() -> None:
    assert UI_LANGS[0] == "en" and "id" in UI_LANGS
    assert sorted(UI_LANGS) == sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/*/*.po"))


@pytest.mark.parametrize("lang", [lang for lang in UI_LANGS if lang != "en"])
def test_every_message_exists_in_every_language_with_the_same_placeholders(lang: str) -> None:
    english = CATALOG["en"]
    other = CATALOG[lang]
    assert sorted(other) == sorted(english), f"{lang}: keys differ from en.po"
    problems = []
    for key, texts in english.items():
        assert all(text.strip() for text in texts), f"en: {key} is empty"
        for text in other[key]:
            if not text.strip():
                problems.append(f"{key}: empty")
            elif _fields(text) != _fields(texts[0]):
                problems.append(f"{key}: placeholders {_fields(text)} != {_fields(texts[0])}")
    assert problems == [], f"{lang}.po: " + "; ".join(problems)


@pytest.mark.parametrize("lang", UI_LANGS)
def test_catalogues_compile_cleanly(lang: str) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:  # Babel's own reader refuses an invalid catalogue too
        with _po(lang).open("rb") as fh:
            read_po(fh, abort_invalid=True)
        return
    result = subprocess.run(
        [msgfmt, "--check", "-o", os.devnull, str(_po(lang))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_long_messages_are_translated_not_copied() -> None:
    english = CATALOG["en"]
    for lang in UI_LANGS[1:]:
        same = [
            k
            for k, texts in CATALOG[lang].items()
            if texts == english[k] and len(re.sub(r"\{[^}]*\}|`[^`]*`", "", texts[0]).split()) > 2
        ]
        assert same == [], lang


_KEY = re.compile(r"""["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")
_LITERALS = {"yaml.schemas"}  # VS Code's settings key written by init, not a message
_NOT_KEYS = re.compile(r"\.(json|yaml|yml|docx|xlsx|html|md|csv|py|j2|xml|rels|txt|png|pdf)$")


def test_every_key_used_in_the_code_is_in_the_catalogue() -> None:
    keys = message_keys()
    prefixes = {k.split(".")[0] for k in keys}
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        if "i18n" in path.parts:
            continue
        for key in _KEY.findall(path.read_text(encoding="utf-8")):
            if key.split(".")[0] in prefixes and not _NOT_KEYS.search(key):
                if key in _LITERALS:
                    continue
                if key not in keys and not any(k.startswith(key + ".") for k in keys):
                    missing.append(f"{path.name}: {key}")
    assert missing == []


def test_ui_lang_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CMWREPORT_LANG", raising=False)
    assert ui_lang("id") == "id" and ui_lang("ID") == "id" and ui_lang("en") == "en"
    # a language without a catalogue falls back to CMWREPORT_LANG, else to English
    assert ui_lang("fr") == "en" and ui_lang("") == "en" and ui_lang(None) == "en"
    monkeypatch.setenv("CMWREPORT_LANG", "id")
    assert ui_lang("fr") == "id" and ui_lang(None) == "id" and ui_lang("en") == "en"
    assert t("check.summary_ok", "id", count=3) == "tidak ada masalah dalam 3 berkas"
    assert t("check.summary_ok", "en", count=1) == "no problems in 1 file"
    assert t("check.summary_ok", "en", count=3) == "no problems in 3 files"
    assert t("check.summary_ok", "es", count=1_000_000) == "no hay problemas en 1.000.000 archivos"


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


def test_check_in_indonesian_keeps_codes_and_json_keys(broken: Path, cli: Any) -> None:
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


def test_check_text_summary_and_env_override(broken: Path, cli: Any) -> None:
    result = cli("check", "--root", str(broken), env={"CMWREPORT_LANG": "id"})
    assert re.search(r"\d+ galat, \d+ peringatan dalam \d+ berkas", result.stdout)
    assert "error[unknown-question]" in result.stdout  # codes and severities never change
    result = cli("check", "--root", str(broken), "--ui-lang", "en", env={"CMWREPORT_LANG": "id"})
    assert "errors" in result.stdout
    bad = cli("check", "--root", str(broken), "--ui-lang", "fr")
    assert bad.exit_code == 2


def test_coverage_labels_in_indonesian(ws_root: Path, cli: Any) -> None:
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


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--ui-lang", "id", "--help"], {}, "Tampilkan versi lalu keluar"),
        (["check", "--help", "--ui-lang", "id"], {}, "Memeriksa semua berkas"),
        (["check", "--ui-lang=es", "--help"], {}, "Comprobar todos los archivos"),
        (["--help"], {"CMWREPORT_LANG": "es"}, "Comprobar todos los archivos"),
        (["render", "--help"], {"CMWREPORT_LANG": "id"}, "Render laporan konsolidasi"),
    ],
)
def test_help_speaks_the_interface_language(
    cli: Any, args: list[str], env: dict[str, str], expected: str
) -> None:
    result = cli(*args, env=env)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert expected in " ".join(result.stdout.split())
    assert "Check every file" not in result.stdout


def test_help_is_english_by_default(cli: Any) -> None:
    result = cli("check", "--help", env={"CMWREPORT_LANG": ""})
    assert "Check every file" in " ".join(result.stdout.split())
