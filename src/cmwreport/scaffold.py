"""Start the work of a body and of a workspace: ``cmwreport scaffold`` and ``cmwreport init``.

:func:`scaffold` appends to ``answers/<CODE>.yaml`` one skeleton record per unit assigned
to the body that it has not answered yet, with the question's text as comments above it.
It only ever appends: the bytes already in the file never change, and the whole new file
is written atomically, so a crash never leaves half a record. It writes no other file: the
editor schema that the file's first line points to (``schemas/``) is the workspace's own,
written once with ``cmwreport schema --output schemas``; when it is missing the command
prints a hint (:func:`schema_hint`). :func:`init_workspace` creates a new workspace, its
``schemas/`` included, that passes ``cmwreport check``.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from cmwreport.errors import CmwReportError, UnknownMinistryOption, UsageError
from cmwreport.files import write_atomic
from cmwreport.i18n import language_name, t
from cmwreport.loader import read_yaml
from cmwreport.markdown import noted_plain, noted_text, superscript
from cmwreport.models import Ministry, pick_text
from cmwreport.schema import SCHEMA_DIR, SCHEMA_FILES, write_schemas
from cmwreport.text import join_and, strip_illegal
from cmwreport.workspace import ANSWERS_DIR, Unit, Workspace, load_workspace, units_of
from cmwreport.yamledit import locked, read_bytes, replace_checked, yaml_data, yaml_readable

COMMENT_WIDTH = 92
"""Width of the comment lines that quote a question."""


class ScaffoldError(CmwReportError):
    """The answers file cannot be extended safely; nothing was written."""

    def __init__(self, path: str, reason: str, lang: str = "en") -> None:
        super().__init__(t("scaffold.refused", lang, path=path, reason=reason))
        self.path = path


class InitError(UsageError):
    """``init`` was asked to write into a folder that is not empty."""


@dataclass
class ScaffoldResult:
    """What :func:`scaffold` did."""

    path: Path
    created: bool
    added: list[str] = field(default_factory=list)
    assigned: int = 0
    schema_missing: bool = False
    """Whether the editor schema the file's first line points to is absent."""


def ministry_label(ministry: Ministry, lang: str) -> str:
    """``full name (CODE)`` in *lang*."""
    name = pick_text(ministry.name, lang, "en")
    return f"{name} ({ministry.code})" if name else ministry.code


def answered_units(ws: Workspace, code: str, raw_questions: list[str]) -> set[str]:
    """Units that *code* has a record for (valid or not, empty or not)."""
    done: set[str] = set()
    for entry in ws.answers:
        if entry.ministry == code:
            done.update(entry.scope or entry.units)
    for question in raw_questions:
        done.update(units_of(ws, question))
    return done


def drafting_order(ws: Workspace, codes: list[str]) -> list[str]:
    """The language *codes* without repeats, the drafting languages first in their order."""
    unique = list(dict.fromkeys(codes))
    rank = {code: n for n, code in enumerate(ws.drafting_languages)}
    return sorted(unique, key=lambda code: rank.get(code, len(rank)))


def assigned_units(ws: Workspace, code: str) -> list[Unit]:
    """The units where *code* is lead or contributor, in the list's order."""
    return [u for u in ws.units if code in u.assigned]


def _raw_questions(data: Any) -> list[str]:
    """The ``question`` of every record in the raw data of an answers file."""
    found: list[str] = []
    records = data.get("answers") if isinstance(data, dict) else None
    if isinstance(records, list):
        for record in records:
            if isinstance(record, dict) and record.get("question") is not None:
                found.append(str(record["question"]))
    return found


def _is_blank(content: bytes) -> bool:
    """Whether *content* holds no YAML at all: nothing, blank lines or comments only."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _dash_column(text: str, data: Any, line_of_first: int | None) -> int:
    """The column of the ``-`` of the answers list in *text* (2 when there is none yet)."""
    if line_of_first is None:
        return 2
    lines = text.splitlines()
    if 0 < line_of_first <= len(lines):
        line = lines[line_of_first - 1]
        stripped = line.lstrip(" ")
        if stripped.startswith("-"):
            return len(line) - len(stripped)
    return 2


def _comment_block(label: str, body: str, indent: str) -> list[str]:
    """*body* wrapped as comment lines, the first starting with *label*."""
    lines: list[str] = []
    hang = " " * (len(label) + 1) if label else ""
    body = _printable(body)
    for n, paragraph in enumerate(p for p in body.split("\n") if p.strip()):
        first = (f"{label} " if label else "") if n == 0 else hang
        wrapped = textwrap.wrap(
            " ".join(paragraph.split()),
            width=COMMENT_WIDTH - len(indent) - 2,
            initial_indent=first,
            subsequent_indent=hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(f"{indent}# {w}".rstrip() for w in wrapped)
    return lines


def _printable(text: str) -> str:
    """*text* without the characters that YAML or a DOCX cannot hold (as render drops them)."""
    return yaml_readable(strip_illegal(text))


def _question_parts(ws: Workspace, unit: Unit, lang: str) -> list[str]:
    """The question of *unit* in *lang* as the list puts it: paragraph, "(a) …", "(i) …"."""
    paragraph = ws.paragraph_by_number[unit.paragraph]
    if unit.item is None or not paragraph.text.get(lang):
        return [unit.text.get(lang, "")]
    parts = [paragraph.text[lang]]
    if unit.subitem is not None:
        item = ws.item_by_id[f"{unit.paragraph}({unit.item})"]
        parts.append(f"({unit.item}) {item.text.get(lang, '')}".rstrip())
        parts.append(f"({unit.subitem}) {unit.text.get(lang, '')}".rstrip())
    else:
        parts.append(f"({unit.item}) {unit.text.get(lang, '')}".rstrip())
    return parts


def _question_comments(ws: Workspace, unit: Unit, code: str, indent: str, lang: str) -> list[str]:
    """Comment lines that quote the question of *unit* in every language it is written in."""
    paragraph = ws.paragraph_by_number[unit.paragraph]
    key = "scaffold.record_head_lead" if unit.lead == code else "scaffold.record_head_contributor"
    if unit.subitem:
        where = t(
            "scaffold.where_subitem",
            lang,
            paragraph=unit.paragraph,
            item=unit.item,
            numeral=unit.subitem,
        )
    elif unit.item:
        where = t("scaffold.where_item", lang, paragraph=unit.paragraph, item=unit.item)
    else:
        where = t("scaffold.where_paragraph", lang, paragraph=unit.paragraph)
    head = t(key, lang, unit=unit.id, where=where, lead=unit.lead or "—")
    rule = "─" * max(0, COMMENT_WIDTH - len(indent) - len(head) - 6)
    lines = ["", f"{indent}# ── {head} {rule}".rstrip()]
    languages = drafting_order(ws, [*paragraph.text, *unit.text])
    for code_lang in languages:
        notes: list[str] = []  # the question's footnotes: ¹ in the text, the note below it
        parts = [
            noted_plain(noted_text(p, notes).parts) for p in _question_parts(ws, unit, code_lang)
        ]
        marks = [f"{superscript(n)} {note}" for n, note in enumerate(notes, start=1)]
        text = "\n".join(p for p in [*parts, *marks] if p.strip())
        if text:
            tag = f"[{code_lang}]" if len(languages) > 1 else ""
            lines.extend(_comment_block(tag, text, indent))
    if unit.data:
        hint = t("scaffold.data_hint", lang, data=", ".join(unit.data))
        lines.extend(_comment_block("", hint, indent))
    return lines


def skeleton_record(
    ws: Workspace, unit: Unit, code: str, *, dash: int, today: dt.date, lang: str
) -> str:
    """The text of one skeleton record for *unit*, comments included, ending with a newline."""
    indent = " " * dash
    inner = " " * (dash + 2)
    deeper = " " * (dash + 4)
    text_indent = " " * (dash + 6)
    lines = _question_comments(ws, unit, code, indent, lang)
    lines.append(f'{indent}- question: "{unit.id}"')
    lines.append(f"{inner}status: draft  # draft | submitted | approved")
    lines.append(f"{inner}updated: {today.isoformat()}")
    lines.append(f"{inner}# " + t("scaffold.type_here", lang))
    lines.append(f"{inner}text:")
    for language in ws.drafting_languages:
        lines.append(f"{deeper}{language}: |")
        lines.append(text_indent)
    return "\n".join(lines) + "\n"


def schema_present(root: Path) -> bool:
    """Whether the workspace has the editor schema of answers files (``schemas/``)."""
    return (Path(root) / SCHEMA_DIR / SCHEMA_FILES["answers"]).is_file()


def schema_hint(code: str, *, lang: str) -> str:
    """The one-line advice to write the editor schemas once (``cmwreport schema``)."""
    return t(
        "scaffold.schema_hint",
        lang,
        path=f"{SCHEMA_DIR}/{SCHEMA_FILES['answers']}",
        file=f"{ANSWERS_DIR}/{code}.yaml",
    )


def file_header(ws: Workspace, code: str, *, lang: str) -> str:
    """The first lines of a new answers file: the schema line, a short guide, ``ministry:``."""
    ministry = ws.ministries[code]
    symbol = ws.loipr.symbol if ws.loipr else ""
    schema = f"../{SCHEMA_DIR}/{SCHEMA_FILES['answers']}"
    lines = [
        f"# yaml-language-server: $schema={schema}",
        "# " + t("scaffold.header_title", lang, body=ministry_label(ministry, lang), symbol=symbol),
        "#",
    ]
    places = [f"`{c}: |` ({language_name(c, lang)})" for c in ws.drafting_languages]
    where = join_and(places, lang)
    for key in ("scaffold.header_1", "scaffold.header_2", "scaffold.header_3"):
        for wrapped in textwrap.wrap(t(key, lang, code=code, where=where), width=COMMENT_WIDTH - 2):
            lines.append(f"# {wrapped}")
    lines.append(f"#     cmwreport check --ministry {code}")
    lines.append("# " + t("scaffold.header_guide", lang))
    lines.append("")
    lines.append(f"ministry: {code}")
    lines.append("answers:")
    return "\n".join(lines) + "\n"


def _verify(old_text: str, new_text: str, added: list[str], rel: str, lang: str) -> None:
    """Check that *new_text* holds the old records unchanged followed by the new ones."""
    old = yaml_data(old_text, rel) if old_text.strip() else None
    new = yaml_data(new_text, rel)
    old_head = old if isinstance(old, dict) else {}
    old_records = old_head.get("answers") or []
    new_records = new.get("answers") if isinstance(new, dict) else None
    ok = (
        isinstance(new, dict)
        and isinstance(new_records, list)
        and len(new_records) == len(old_records) + len(added)
        and new_records[: len(old_records)] == old_records
        and [str(r.get("question")) for r in new_records[len(old_records) :]] == added
        and all(new.get(k) == v for k, v in old_head.items() if k != "answers")
    )
    if not ok:
        raise ScaffoldError(rel, t("scaffold.not_appendable", lang), lang)


def scaffold(
    root: Path, code: str, *, lang: str = "en", today: dt.date | None = None
) -> ScaffoldResult:
    """Append a skeleton record to ``answers/<code>.yaml`` for each unanswered assigned unit.

    The answers file is locked while it is read and extended, as ``import`` locks it.
    """
    root = Path(root)
    ws = load_workspace(root, lang=lang)
    if code not in ws.ministries:
        raise UnknownMinistryOption(code, list(ws.ministries), lang, option="CODE")
    rel = f"{ANSWERS_DIR}/{code}.yaml"
    with locked(root / rel, rel=rel, lang=lang):
        # Read again under the lock: another command may have written the file meanwhile.
        return _scaffold_locked(load_workspace(root, lang=lang), code, lang, today)


def _scaffold_locked(ws: Workspace, code: str, lang: str, today: dt.date | None) -> ScaffoldResult:
    root = ws.root
    today = today or dt.date.today()
    rel = f"{ANSWERS_DIR}/{code}.yaml"
    path = root / rel
    result = ScaffoldResult(path=path, created=not path.exists())
    expected = read_bytes(path, lang=lang)
    old_bytes = expected or b""
    blank = _is_blank(old_bytes)
    data: Any = None
    first_line: int | None = None
    if path.exists() and not blank:
        loaded = read_yaml(path, rel)
        blocking = [p for p in loaded.problems if p.severity == "error"]
        if blocking:
            raise ScaffoldError(rel, blocking[0].format(lang), lang)
        data = loaded.data
        if not isinstance(data, dict) or not isinstance(data.get("answers", []) or [], list):
            raise ScaffoldError(rel, t("scaffold.not_answers_file", lang), lang)
        if data.get("answers"):
            first_line = loaded.source.line(("answers", 0))
    units = assigned_units(ws, code)
    result.assigned = len(units)
    done = answered_units(ws, code, _raw_questions(data))
    todo = [u for u in units if u.id not in done]
    if not todo:
        return result
    old_text = old_bytes.decode("utf-8-sig")
    prefix = "\n" if old_bytes and not old_bytes.endswith(b"\n") else ""
    if blank:
        prefix += file_header(ws, code, lang=lang)
    elif data.get("answers") is None and "answers" not in data:
        prefix += "answers:\n"
    dash = _dash_column(old_text, data, first_line)
    records = "".join(
        skeleton_record(ws, unit, code, dash=dash, today=today, lang=lang) for unit in todo
    )
    added = [u.id for u in todo]
    new_text = prefix + records
    if b"\r\n" in old_bytes:  # keep a Windows file's line endings
        new_text = new_text.replace("\n", "\r\n")
    appended = new_text.encode("utf-8")
    _verify(old_text, (old_bytes + appended).decode("utf-8-sig"), added, rel, lang)
    replace_checked(path, expected, old_bytes + appended, rel=rel, lang=lang)
    result.schema_missing = not schema_present(root)
    result.added = added
    return result


# --------------------------------------------------------------------------- init


def _commented(pairs: list[tuple[str, str]], column: int = 36) -> str:
    """YAML lines with their comment aligned at *column*."""
    lines = []
    for code, comment in pairs:
        if not comment:
            lines.append(code)
        else:
            lines.append(f"{code:<{column - 1}} # {comment}" if code else f"# {comment}")
    return "\n".join(lines) + "\n"


def _wrapped_comment(text: str) -> str:
    return "\n".join(f"# {line}" for line in textwrap.wrap(text, width=COMMENT_WIDTH - 2))


def _loipr_skeleton(lang: str, code: str, today: dt.date) -> str:
    """The commented ``questions/loipr.yaml`` of a new workspace."""
    c = [t(f"init.loipr.{n}", lang) for n in range(1, 17)]
    head = (
        f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{SCHEMA_FILES['loipr']}\n"
        f"{_wrapped_comment(c[0])}\n{_wrapped_comment(c[1])}\n\n"
    )
    body = _commented(
        [
            ("committee: CMW", c[2]),
            ("state: Indonesia", c[3]),
            ("symbol: CMW/C/IDN/QPR/3", c[4]),
            (f"adopted: {today.isoformat()}", c[5]),
            ("report:", ""),
            (
                "  title: Third periodic report submitted by Indonesia under article 73 "
                "of the Convention",
                "",
            ),
            ("  symbol: CMW/C/IDN/3", c[6]),
            (f"  due: {today.year + 1}", c[7]),
            ("  kind: periodic", c[8]),
            ("  language: en", c[9]),
            ("  drafting_languages: [id, en]", c[10]),
            ("", ""),
        ]
    )
    questions = _commented(
        [
            ("sections:", ""),
            ("  - id: I-A", ""),
            ("    title: General information", ""),
            ("    paragraphs:", ""),
            ("      - number: 1", c[12]),
            (f"        lead: {code}", c[13]),
            ("        contributors: []", c[14]),
            ("        text:", c[15]),
            # `|` keeps paragraphs apart (`>` would fold them into one): one line each.
            ("          en: |", ""),
            (
                "            Please provide information on the legal framework for the "
                "protection of migrant workers and members of their families.",
                "",
            ),
            ("          id: |", ""),
            (
                "            Mohon disampaikan informasi mengenai kerangka hukum pelindungan "
                "pekerja migran dan anggota keluarganya.",
                "",
            ),
        ]
    )
    return head + body + _wrapped_comment(c[11]) + "\n" + questions


def _observations_skeleton(lang: str, code: str, today: dt.date) -> str:
    """The commented-out ``questions/observations.yaml`` of a new workspace (SPEC 7).

    Every line is a comment, so the file is not in use until a coordinator pastes the
    concluding observations and removes the ``# `` marks.
    """
    c = [t(f"init.observations.{n}", lang) for n in range(1, 10)]
    adopted = dt.date(today.year + 2, today.month, min(today.day, 28))
    body = _commented(
        [
            ("symbol: CMW/C/IDN/CO/3", c[2]),
            (f"adopted: {adopted.isoformat()}", c[3]),
            ("report: CMW/C/IDN/3", c[4]),
            ("follow_up:", ""),
            (f"  due: {adopted.replace(year=adopted.year + 2).isoformat()}", c[5]),
            ('  paragraphs: ["10"]', c[6]),
            ("sections:", ""),
            ("  - id: C-1", ""),
            ("    title: General measures of implementation", ""),
            ("    paragraphs:", ""),
            ("      - number: 9", c[7]),
            ("        text: The Committee notes ...", ""),
            ("      - number: 10", ""),
            (f"        lead: {code}", c[8]),
            ("        contributors: []", ""),
            ("        text: |", ""),
            ("          The Committee recommends that the State party ...", ""),
        ]
    )
    commented = "".join(f"# {line}\n" for line in body.splitlines())
    return (
        f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{SCHEMA_FILES['observations']}\n"
        f"{_wrapped_comment(c[0])}\n{_wrapped_comment(c[1])}\n\n{commented}"
    )


def _ministries_skeleton(lang: str, code: str) -> str:
    """The commented ``questions/ministries.yaml`` of a new workspace."""
    c = [t(f"init.ministries.{n}", lang) for n in range(1, 6)]
    head = (
        f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{SCHEMA_FILES['ministries']}\n"
        f"{_wrapped_comment(c[0])}\n\n"
    )
    return head + _commented(
        [
            ("ministries:", ""),
            (f"  - code: {code}", c[1]),
            ("    name:", c[2]),
            ("      en: Ministry of Human Rights", ""),
            ("      id: Kementerian Hak Asasi Manusia", ""),
            ("    abbreviation: {en: MoHR, id: KemenHAM}", c[3]),
            ("    coordinator: true", c[4]),
        ],
        column=46,
    )


_VSCODE_SETTINGS = f"""\
{{
  "yaml.schemas": {{
    "./{SCHEMA_DIR}/{SCHEMA_FILES["answers"]}": "answers/*.yaml",
    "./{SCHEMA_DIR}/{SCHEMA_FILES["loipr"]}": "questions/loipr.yaml",
    "./{SCHEMA_DIR}/{SCHEMA_FILES["ministries"]}": "questions/ministries.yaml",
    "./{SCHEMA_DIR}/{SCHEMA_FILES["abbreviations"]}": "questions/abbreviations.yaml",
    "./{SCHEMA_DIR}/{SCHEMA_FILES["observations"]}": "questions/observations.yaml"
  }},
  "files.encoding": "utf8",
  "[yaml]": {{
    "editor.insertSpaces": true,
    "editor.tabSize": 2
  }}
}}
"""


_VSCODE_TASKS = """\
{
  "version": "2.0.0",
  "tasks": [
    {
      "label": "cmwreport check",
      "type": "shell",
      "command": "cmwreport check",
      "group": {"kind": "test", "isDefault": true},
      "problemMatcher": {
        "owner": "cmwreport",
        "fileLocation": ["relative", "${workspaceFolder}"],
        "pattern": {
          "regexp": "^(.+?):(\\\\d+): (error|warning)\\\\[([a-z-]+)\\\\] (.*)$",
          "file": 1,
          "line": 2,
          "severity": 3,
          "code": 4,
          "message": 5
        }
      }
    }
  ]
}
"""


def packaged_templates() -> Path | None:
    """The folder of the packaged default templates, when the package has one."""
    folder = resources.files("cmwreport") / "templates"
    path = Path(str(folder))
    return path if path.is_dir() else None


def init_workspace(target: Path, *, lang: str = "en", today: dt.date | None = None) -> list[Path]:
    """Create a new workspace in *target* (absent or empty); return the files written."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(t("init.not_empty", lang, path=str(target)))
    today = today or dt.date.today()
    code = "KEMENHAM"
    files: dict[str, str] = {
        "questions/loipr.yaml": _loipr_skeleton(lang, code, today),
        "questions/ministries.yaml": _ministries_skeleton(lang, code),
        "questions/observations.yaml": _observations_skeleton(lang, code, today),
        f"{ANSWERS_DIR}/.gitkeep": "",
        ".gitignore": "build/\n~$*.docx\n~$*.xlsx\n",
        "README.md": t("init.readme", lang, answers=ANSWERS_DIR) + "\n",
        ".vscode/settings.json": _VSCODE_SETTINGS,
        ".vscode/tasks.json": _VSCODE_TASKS,
    }
    written: list[Path] = []
    for rel, content in files.items():
        written.append(write_atomic(target / rel, content, lang=lang))
    written.extend(write_schemas(target / SCHEMA_DIR, lang=lang))
    templates = target / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    source = packaged_templates()
    if source is not None:
        for item in sorted(source.rglob("*")):
            if item.is_file() and "__pycache__" not in item.parts and item.suffix != ".py":
                dest = templates / item.relative_to(source)
                written.append(write_atomic(dest, item.read_bytes(), lang=lang))
    if not any(templates.iterdir()):
        written.append(
            write_atomic(templates / "README.md", t("init.templates_readme", lang) + "\n")
        )
    return written
