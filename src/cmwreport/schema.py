"""JSON Schemas of the workspace files, generated from the pydantic models.

The schemas are derived from :mod:`cmwreport.models` every time, so they cannot drift
from what ``cmwreport check`` accepts. They are meant for editors (VS Code with the YAML
extension reads them through a ``# yaml-language-server: $schema=...`` line): every field
carries a title and a description in the interface language, so hovering a field explains
it and completion offers the allowed values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from cmwreport.files import write_atomic
from cmwreport.i18n import has_message, t
from cmwreport.models import (
    QUESTION_ID_RE,
    STATUS_WORDS_ID,
    Abbreviation,
    AbbreviationsFile,
    Answer,
    AnswersFile,
    ColumnGroup,
    FollowUp,
    FollowUpSelection,
    Item,
    Loipr,
    MinistriesFile,
    Ministry,
    ObservationsFile,
    Paragraph,
    ReportMeta,
    Section,
    SubItem,
    Table,
)

SCHEMA_DIR = "schemas"
"""Where a workspace keeps its schemas (relative to the root)."""

SCHEMA_FILES: dict[str, str] = {
    "answers": "answers.schema.json",
    "loipr": "loipr.schema.json",
    "ministries": "ministries.schema.json",
    "abbreviations": "abbreviations.schema.json",
    "observations": "observations.schema.json",
}
"""The schema of each kind of file, by kind."""

_MODELS: dict[str, type[BaseModel]] = {
    "answers": AnswersFile,
    "loipr": Loipr,
    "ministries": MinistriesFile,
    "abbreviations": AbbreviationsFile,
    "observations": ObservationsFile,
}

_DESCRIBED: tuple[type[BaseModel], ...] = (
    AnswersFile,
    Answer,
    Table,
    ColumnGroup,
    Loipr,
    ReportMeta,
    Section,
    Paragraph,
    Item,
    SubItem,
    MinistriesFile,
    Ministry,
    AbbreviationsFile,
    Abbreviation,
    ObservationsFile,
    FollowUpSelection,
    FollowUp,
)

_FIELD_PATTERNS: dict[tuple[str, str], str] = {
    ("Answer", "question"): QUESTION_ID_RE.pattern,
    ("FollowUp", "recommendation"): QUESTION_ID_RE.pattern,
}


class _EditorSchema(GenerateJsonSchema):
    """Schema generator that describes what the YAML may hold, as the loader reads it.

    The loader accepts a whole number where text is expected (``question: 7``,
    ``articles: [84]``) and an empty value where text is expected (``en:``); the
    schema says so, so that an editor does not flag what ``check`` accepts.
    """

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        """Widen the inner schema by what the before-validator converts."""
        inner = self.generate_inner(schema["schema"])
        function = schema["function"].get("function")
        name = getattr(function, "__name__", "")
        if name == "_number_to_text":
            return {"anyOf": [inner, {"type": "integer"}]}
        if name == "_none_to_empty":
            return {"anyOf": [inner, {"type": "null"}]}
        if name == "_one_note":  # one note may be written as a plain text
            return {"anyOf": [inner, {"type": "string"}, {"type": "null"}]}
        if name == "_status_word" and "enum" in inner:
            # the Indonesian words check accepts (``status: diajukan``), offered beside the
            # English ones; check also takes any case (``Draft``), which an enum cannot say
            return inner | {"enum": [*inner["enum"], *STATUS_WORDS_ID]}
        return inner


def _describe(schema: dict[str, Any], lang: str) -> None:
    """Put the catalogue's titles and descriptions on every model and field."""
    defs: dict[str, Any] = schema.get("$defs", {})
    for model in _DESCRIBED:
        name = model.__name__
        target = schema if schema.get("title") == name else defs.get(name)
        if target is None:
            continue
        key = f"schema.{name}"
        if has_message(key):
            target["description"] = t(key, lang)
        for field_name, field_schema in target.get("properties", {}).items():
            field_key = f"schema.{name}.{field_name}"
            if has_message(field_key):
                field_schema["description"] = t(field_key, lang)
            pattern = _FIELD_PATTERNS.get((name, field_name))
            if pattern is not None:
                for option in field_schema.get("anyOf", [field_schema]):
                    if option.get("type") == "string":
                        option["pattern"] = pattern


def _close_mappings(node: Any) -> None:
    """Refuse keys outside ``patternProperties`` (``text: {en: …}`` takes language codes only)."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _close_mappings(value)
    elif isinstance(node, list):
        for value in node:
            _close_mappings(value)


def build_schema(kind: str, *, lang: str = "en") -> dict[str, Any]:
    """Return the JSON Schema of the file *kind* (answers, loipr, ministries, ...)."""
    model = _MODELS[kind]
    schema = model.model_json_schema(schema_generator=_EditorSchema, mode="validation")
    _describe(schema, lang)
    _close_mappings(schema)
    result: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": t(f"schema.title.{kind}", lang),
    }
    result.update({k: v for k, v in schema.items() if k != "title"})
    return result


def schema_text(kind: str, *, lang: str = "en") -> str:
    """The schema of *kind* as indented JSON text, ending with a newline."""
    return json.dumps(build_schema(kind, lang=lang), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path, *, kinds: list[str] | None = None, lang: str = "en") -> list[Path]:
    """Write the schemas of *kinds* (default: all) into *folder*; return the files written."""
    written: list[Path] = []
    for kind in kinds or list(SCHEMA_FILES):
        written.append(
            write_atomic(Path(folder) / SCHEMA_FILES[kind], schema_text(kind, lang=lang), lang=lang)
        )
    return written
