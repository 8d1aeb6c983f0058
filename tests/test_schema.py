"""cmwreport schema: JSON Schemas generated from the models, usable by editors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from cmwreport.models import Answer, AnswersFile, Loipr, Ministry, Paragraph
from cmwreport.schema import SCHEMA_FILES, build_schema
from conftest import EXAMPLE, write_workspace


def _plain(value: Any) -> Any:
    """YAML data as an editor's YAML server sees it (dates are text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _validator(kind: str, lang: str = "en") -> jsonschema.Draft202012Validator:
    schema = build_schema(kind, lang=lang)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(kind: str, data: Any) -> list[str]:
    return [e.message for e in _validator(kind).iter_errors(_plain(data))]


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("kind", "pattern"),
    [
        ("answers", "answers/*.yaml"),
        ("loipr", "questions/loipr.yaml"),
        ("ministries", "questions/ministries.yaml"),
        ("observations", "questions/observations.yaml"),
    ],
)
def test_example_files_are_valid(kind: str, pattern: str) -> None:
    files = sorted(EXAMPLE.glob(pattern))
    assert files
    for path in files:
        assert _errors(kind, _load(path)) == [], path


def test_small_workspace_is_valid(ws_root: Path) -> None:
    for path in (ws_root / "answers").glob("*.yaml"):
        assert _errors("answers", _load(path)) == []
    assert _errors("loipr", _load(ws_root / "questions" / "loipr.yaml")) == []


def test_unknown_field_wrong_status_and_bad_question_are_rejected() -> None:
    good = {"ministry": "KP2MI", "answers": [{"question": "7(a)", "status": "draft"}]}
    assert _errors("answers", good) == []
    typo = {"ministry": "KP2MI", "answers": [{"question": "7", "status": "draft", "txt": "x"}]}
    assert any("txt" in m for m in _errors("answers", typo))
    status = {"ministry": "KP2MI", "answers": [{"question": "7", "status": "final"}]}
    assert any("final" in m for m in _errors("answers", status))
    # the Indonesian words check accepts are not flagged by the editor either
    for word in ("draf", "diajukan", "disetujui"):
        entry = {"recommendation": "23", "implementation": "partial", "status": word}
        spoken = {
            "ministry": "KP2MI",
            "answers": [{"question": "7", "status": word}],
            "follow_up": [entry],
        }
        assert _errors("answers", spoken) == []
    question = {"ministry": "KP2MI", "answers": [{"question": "7a", "status": "draft"}]}
    assert _errors("answers", question)
    language = {
        "ministry": "KP2MI",
        "answers": [{"question": "7", "status": "draft", "text": {"English": "x"}}],
    }
    assert _errors("answers", language)
    date = {
        "ministry": "KP2MI",
        "answers": [{"question": "7", "status": "draft", "updated": "15/07/2025"}],
    }
    assert _errors("answers", date)
    # what the loader accepts, the schema accepts: a bare number as question, empty text
    loose = {
        "ministry": "KP2MI",
        "answers": [{"question": 7, "status": "draft", "text": {"en": None}}],
    }
    assert _errors("answers", loose) == []
    assert _errors("ministries", {"ministries": [{"code": "kemlu", "name": "x"}]})
    assert _errors(
        "loipr", {"state": "X", "symbol": "S", "report": {"title": "T"}, "sections": [], "extra": 1}
    )


def test_every_field_is_described_in_both_languages() -> None:
    for model in (AnswersFile, Answer, Paragraph, Ministry, Loipr):
        kind = {
            "AnswersFile": "answers",
            "Answer": "answers",
            "Paragraph": "loipr",
            "Ministry": "ministries",
            "Loipr": "loipr",
        }[model.__name__]
        for lang in ("en", "id"):
            schema = build_schema(kind, lang=lang)
            node = (
                schema
                if schema.get("properties") and model in (AnswersFile, Loipr)
                else (schema["$defs"][model.__name__])
            )
            for name in model.model_fields:
                assert node["properties"][name].get("description"), (model.__name__, name)
    en = build_schema("answers", lang="en")["$defs"]["Answer"]["properties"]["status"]
    id_ = build_schema("answers", lang="id")["$defs"]["Answer"]["properties"]["status"]
    assert en["description"] != id_["description"]
    assert "koordinator" in id_["description"]
    # the English values, then the Indonesian words check also accepts
    expected = ["draft", "submitted", "approved", "draf", "diajukan", "disetujui"]
    assert en["enum"] == id_["enum"] == expected


def test_cli_prints_and_writes_schemas(tmp_path: Path, cli: Any) -> None:
    root = write_workspace(tmp_path / "ws")
    result = cli("schema", "--root", str(root))
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed["title"].startswith("cmwreport answers file")
    assert "Answer" in printed["$defs"]
    result = cli("schema", "--file", "loipr", "--root", str(root))
    assert "Paragraph" in json.loads(result.stdout)["$defs"]
    result = cli("schema", "--output", "schemas", "--root", str(root), "--ui-lang", "id")
    assert result.exit_code == 0
    for name in SCHEMA_FILES.values():
        written = json.loads((root / "schemas" / name).read_text(encoding="utf-8"))
        assert written["$schema"].startswith("https://json-schema.org/")
    assert "skema ditulis" in result.stderr
    answers = json.loads((root / "schemas" / "answers.schema.json").read_text(encoding="utf-8"))
    assert answers["title"].startswith("Berkas jawaban")


def test_committed_schemas_of_the_example_are_current(cli: Any) -> None:
    """schemas/ at the repository root is what `cmwreport schema` writes today (no drift)."""
    folder = EXAMPLE / "schemas"
    assert sorted(p.name for p in folder.iterdir()) == sorted(SCHEMA_FILES.values())
    for kind, name in SCHEMA_FILES.items():
        result = cli("schema", "--file", kind, "--root", str(EXAMPLE))
        assert result.exit_code == 0, result.stderr
        committed = (folder / name).read_text(encoding="utf-8")
        assert committed == result.stdout, (
            f"schemas/{name} is out of date: run `cmwreport schema --output schemas` at the "
            "repository root and commit the result"
        )
        assert json.loads(committed)["$schema"].startswith("https://json-schema.org/")
