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
from cmwreport.models import IMPLEMENTATIONS, Ministry, pick_text
from cmwreport.schema import SCHEMA_DIR, SCHEMA_FILES, write_schemas
from cmwreport.text import join_and, strip_illegal
from cmwreport.workspace import (
    ANSWERS_DIR,
    AnswerEntry,
    Unit,
    Workspace,
    load_workspace,
    units_of,
)
from cmwreport.yamledit import (
    insert_records,
    locked,
    read_bytes,
    replace_checked,
    yaml_data,
    yaml_readable,
)

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
    offered: list[str] = field(default_factory=list)
    """The units whose new answer starts with the body's follow-up text (issue 14, item 6)."""


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


def _raw_questions(data: Any, key: str = "answers", id_key: str = "question") -> list[str]:
    """The ``question`` (or *id_key*) of every record of the list *key* in an answers file."""
    found: list[str] = []
    records = data.get(key) if isinstance(data, dict) else None
    if isinstance(records, list):
        for record in records:
            if isinstance(record, dict) and record.get(id_key) is not None:
                found.append(str(record[id_key]))
    return found


def followed_up_units(view: Workspace, code: str, raw_recommendations: list[str]) -> set[str]:
    """Recommendations that *code* has a follow-up entry for (valid or not, empty or not).

    *view* is the workspace's :meth:`~cmwreport.workspace.Workspace.follow_up_view`.
    """
    done: set[str] = set()
    for entry in view.answers:
        if entry.ministry == code:
            done.update(entry.units)
    for recommendation in raw_recommendations:
        done.update(units_of(view, recommendation))
    return done


def recommendations_of(view: Workspace, code: str) -> list[Unit]:
    """The recommendations where *code* is lead or contributor, in the observations' order."""
    return [u for u in view.units if u.lead and code in u.assigned]


def _is_blank(content: bytes) -> bool:
    """Whether *content* holds no YAML at all: nothing, blank lines or comments only."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _dash_column(text: str, data: Any, line_of_first: int | None) -> int:
    """The column of the ``-`` of the list being extended in *text* (2 when there is none yet)."""
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


@dataclass(frozen=True)
class Offer:
    """Starting text for a new answer: the body's latest follow-up text on what it asks about."""

    entries: tuple[AnswerEntry, ...]
    """The follow-up entries the text comes from, one per recommendation named."""
    texts: dict[str, str]
    """The starting text by language (the entries' texts, in the order of the references)."""


def _updated(entry: AnswerEntry) -> dt.date:
    """When a follow-up entry was last updated (an entry without ``updated`` is the oldest)."""
    return entry.answer.updated or dt.date.min


def latest_follow_up(ws: Workspace, code: str, recommendation: str) -> AnswerEntry | None:
    """The latest of *code*'s follow-up entries with text on the unit *recommendation*.

    Latest: the most recent ``updated`` date; between entries of the same date (or none),
    the one further down the file, which was written later.
    """
    found = [
        e
        for e in ws.follow_ups
        if e.ministry == code
        and recommendation in e.units
        and any(v.strip() for v in e.texts.values())
    ]
    return max(found, key=lambda e: (_updated(e), e.line), default=None)


def _observation_units(ws: Workspace, reference: str) -> tuple[str, ...]:
    """The units of the concluding observations that *reference* (``"23"``) stands for."""
    return ws.observations.units_of(reference) if ws.observations else ()


def follow_up_offer(ws: Workspace, unit: Unit, code: str) -> Offer | None:
    """What to offer as the starting text of *code*'s answer to *unit* (item 6 of issue 14).

    A list-of-issues paragraph or item naming ``observations: ["23"]`` gets the body's
    latest follow-up text on each recommendation named (:func:`latest_follow_up`); one
    naming a paragraph with items, the latest on each of its items, in order.
    """
    entries: list[AnswerEntry] = []
    units = [u for ref in unit.observations for u in _observation_units(ws, ref)]
    for unit_id in dict.fromkeys(units):
        entry = latest_follow_up(ws, code, unit_id)
        if entry is not None and entry not in entries:
            entries.append(entry)
    if not entries:
        return None
    texts: dict[str, str] = {}
    for language in ws.drafting_languages:
        parts = [_as_block(e.texts.get(language, "")) for e in entries]
        if any(parts):
            texts[language] = "\n\n".join(p for p in parts if p)
    return Offer(tuple(entries), texts) if texts else None


def _offer_comments(offer: Offer, indent: str, lang: str) -> list[str]:
    """Comment lines saying where the starting text comes from (entry, file, date)."""
    lines: list[str] = []
    for entry in offer.entries:
        date = entry.answer.updated.isoformat() if entry.answer.updated else "—"
        note = t(
            "scaffold.offered",
            lang,
            recommendation=entry.question,
            file=entry.file,
            line=entry.line,
            date=date,
        )
        lines.extend(_comment_block("", note, indent))
    return lines


def _as_block(text: str) -> str:
    """*text* as a ``|`` block will hold it: no blank lines around, blank lines empty."""
    lines = [line if line.strip() else "" for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def _text_block(text: str, indent: str) -> list[str]:
    """The lines of a ``|`` block holding *text*, indented by *indent* (header not included)."""
    return [f"{indent}{line}" if line else "" for line in text.split("\n")]


def _block_header(text: str) -> str:
    """``|``, or ``|2`` when the text's first line starts with a space (YAML needs to know)."""
    return "|2" if text[:1] == " " else "|"


def skeleton_record(
    ws: Workspace,
    unit: Unit,
    code: str,
    *,
    dash: int,
    today: dt.date,
    lang: str,
    follow_up: bool = False,
    offer: Offer | None = None,
) -> str:
    """The text of one skeleton record for *unit*, comments included, ending with a newline.

    With *follow_up*, a ``follow_up:`` entry for the recommendation *unit* (*ws* is then the
    workspace's follow-up view); with an *offer*, the text starts as the offered text.
    """
    indent = " " * dash
    inner = " " * (dash + 2)
    deeper = " " * (dash + 4)
    text_indent = " " * (dash + 6)
    lines = _question_comments(ws, unit, code, indent, lang)
    if follow_up:
        lines.append(f'{indent}- recommendation: "{unit.id}"')
        lines.append(f"{inner}implementation: not-started  # {' | '.join(IMPLEMENTATIONS)}")
        lines.append(f"{inner}status: draft  # draft | submitted | approved")
    else:
        lines.append(f'{indent}- question: "{unit.id}"')
        lines.append(f"{inner}status: draft  # draft | submitted | approved")
    lines.append(f"{inner}updated: {today.isoformat()}")
    if offer is not None:
        lines.extend(_offer_comments(offer, inner, lang))
    lines.append(f"{inner}# " + t("scaffold.type_here", lang))
    lines.append(f"{inner}text:")
    for language in ws.drafting_languages:
        offered = offer.texts.get(language, "") if offer is not None else ""
        if offered:
            lines.append(f"{deeper}{language}: {_block_header(offered)}")
            lines.extend(_text_block(offered, text_indent))
        else:
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


def file_header(ws: Workspace, code: str, *, lang: str, key: str = "answers") -> str:
    """The first lines of a new answers file: the schema line, a short guide, ``ministry:``.

    The last line opens the list *key* (``answers:``, or ``follow_up:``).
    """
    ministry = ws.ministries[code]
    symbol = ws.loipr.symbol if ws.loipr else ""
    title, first = "scaffold.header_title", "scaffold.header_1"
    if key == FOLLOW_UP_LIST.key:  # a file begun for the follow-up speaks of recommendations
        symbol = ws.observations.symbol if ws.observations else symbol
        title, first = "scaffold.fu_header_title", "scaffold.fu_header_1"
    schema = f"../{SCHEMA_DIR}/{SCHEMA_FILES['answers']}"
    lines = [
        f"# yaml-language-server: $schema={schema}",
        "# " + t(title, lang, body=ministry_label(ministry, lang), symbol=symbol),
        "#",
    ]
    places = [f"`{c}: |` ({language_name(c, lang)})" for c in ws.drafting_languages]
    where = join_and(places, lang)
    for message in (first, "scaffold.header_2", "scaffold.header_3"):
        for wrapped in textwrap.wrap(
            t(message, lang, code=code, where=where), width=COMMENT_WIDTH - 2
        ):
            lines.append(f"# {wrapped}")
    lines.append(f"#     cmwreport check --ministry {code}")
    lines.append("# " + t("scaffold.header_guide", lang))
    lines.append("")
    lines.append(f"ministry: {code}")
    lines.append(f"{key}:")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Target:
    """The list of an answers file that scaffold extends, and the field naming a record."""

    key: str = "answers"
    id_key: str = "question"


ANSWERS_LIST = _Target()
FOLLOW_UP_LIST = _Target("follow_up", "recommendation")


def _verify(
    old_text: str,
    new_text: str,
    added: list[str],
    rel: str,
    lang: str,
    target: _Target = ANSWERS_LIST,
    texts: list[dict[str, str]] | None = None,
) -> None:
    """Check that *new_text* holds the old records unchanged followed by the new ones.

    Everything else in the file reads as before; each new record holds the *texts* offered.
    """
    key = target.key
    old = yaml_data(old_text, rel) if old_text.strip() else None
    new = yaml_data(new_text, rel)
    old_head = old if isinstance(old, dict) else {}
    old_records = old_head.get(key) or []
    new_records = new.get(key) if isinstance(new, dict) else None
    ok = (
        isinstance(new, dict)
        and isinstance(new_records, list)
        and len(new_records) == len(old_records) + len(added)
        and new_records[: len(old_records)] == old_records
        and [str(r.get(target.id_key)) for r in new_records[len(old_records) :]] == added
        and all(new.get(k) == v for k, v in old_head.items() if k != key)
        and set(new) <= {*old_head, key, "ministry", "answers"}
        and _texts_read_back(new_records[len(old_records) :], texts or [])
    )
    if not ok:
        raise ScaffoldError(rel, t("scaffold.not_appendable", lang), lang)


def _texts_read_back(records: list[Any], texts: list[dict[str, str]]) -> bool:
    """Whether each new record's text reads back as the text offered for it."""
    for record, offered in zip(records, texts, strict=False):
        written = record.get("text") if isinstance(record, dict) else None
        for language, text in offered.items():
            value = written.get(language) if isinstance(written, dict) else None
            if not isinstance(value, str) or value.rstrip("\n") != text:
                return False
    return True


def scaffold(
    root: Path,
    code: str,
    *,
    lang: str = "en",
    today: dt.date | None = None,
    follow_up: bool = False,
) -> ScaffoldResult:
    """Add a skeleton record to ``answers/<code>.yaml`` for each unanswered assigned unit.

    With *follow_up*, a skeleton ``follow_up:`` entry for each recommendation of the
    concluding observations the body leads or contributes to and has no entry for yet.
    The answers file is locked while it is read and extended, as ``import`` locks it.
    """
    root = Path(root)
    ws = load_workspace(root, lang=lang)
    if code not in ws.ministries:
        raise UnknownMinistryOption(code, list(ws.ministries), lang, option="CODE")
    if follow_up and ws.observations is None:
        raise UsageError(t("scaffold.no_observations", lang))
    rel = f"{ANSWERS_DIR}/{code}.yaml"
    with locked(root / rel, rel=rel, lang=lang):
        # Read again under the lock: another command may have written the file meanwhile.
        return _scaffold_locked(load_workspace(root, lang=lang), code, lang, today, follow_up)


def _read_existing(path: Path, rel: str, lang: str) -> tuple[Any, Any]:
    """The data of an existing, non-blank answers file and where it was read from."""
    loaded = read_yaml(path, rel)
    blocking = [p for p in loaded.problems if p.severity == "error"]
    if blocking:
        raise ScaffoldError(rel, blocking[0].format(lang), lang)
    data = loaded.data
    if not isinstance(data, dict) or any(
        not isinstance(data.get(key) or [], list) for key in ("answers", "follow_up")
    ):
        raise ScaffoldError(rel, t("scaffold.not_answers_file", lang), lang)
    return data, loaded.source


def _todo(ws: Workspace, code: str, data: Any, follow_up: bool) -> tuple[Workspace, list[Unit]]:
    """The workspace as the records see it and the units *code* still needs a record for."""
    if follow_up:
        view = ws.follow_up_view()
        units = recommendations_of(view, code)
        raw = _raw_questions(data, FOLLOW_UP_LIST.key, FOLLOW_UP_LIST.id_key)
        done = followed_up_units(view, code, raw)
        return view, [u for u in units if u.id not in done]
    units = assigned_units(ws, code)
    done = answered_units(ws, code, _raw_questions(data))
    return ws, [u for u in units if u.id not in done]


def _scaffold_locked(
    ws: Workspace, code: str, lang: str, today: dt.date | None, follow_up: bool = False
) -> ScaffoldResult:
    root = ws.root
    today = today or dt.date.today()
    target = FOLLOW_UP_LIST if follow_up else ANSWERS_LIST
    rel = f"{ANSWERS_DIR}/{code}.yaml"
    path = root / rel
    result = ScaffoldResult(path=path, created=not path.exists())
    expected = read_bytes(path, lang=lang)
    old_bytes = expected or b""
    blank = _is_blank(old_bytes)
    data: Any = None
    first_line: int | None = None
    if path.exists() and not blank:
        data, source = _read_existing(path, rel, lang)
        if data.get(target.key):
            first_line = source.line((target.key, 0))
    view, todo = _todo(ws, code, data, follow_up)
    result.assigned = len(recommendations_of(view, code) if follow_up else assigned_units(ws, code))
    if not todo:
        return result
    old_text = old_bytes.decode("utf-8-sig")
    dash = _dash_column(old_text, data, first_line)
    offers = [None if follow_up else follow_up_offer(ws, unit, code) for unit in todo]
    records = "".join(
        skeleton_record(
            view, unit, code, dash=dash, today=today, lang=lang, follow_up=follow_up, offer=offer
        )
        for unit, offer in zip(todo, offers, strict=True)
    )
    added = [u.id for u in todo]
    new_text = _extended(ws, code, old_text, blank, target, records, lang)
    if new_text is None:
        raise ScaffoldError(rel, t("scaffold.not_appendable", lang), lang)
    texts = [offer.texts if offer else {} for offer in offers]
    _verify(old_text, new_text, added, rel, lang, target, texts)
    bom = b"\xef\xbb\xbf" if old_bytes.startswith(b"\xef\xbb\xbf") else b""
    replace_checked(path, expected, bom + new_text.encode("utf-8"), rel=rel, lang=lang)
    result.schema_missing = not schema_present(root)
    result.added = added
    result.offered = [u.id for u, offer in zip(todo, offers, strict=True) if offer]
    return result


def _extended(
    ws: Workspace, code: str, old_text: str, blank: bool, target: _Target, records: str, lang: str
) -> str | None:
    """*old_text* with *records* added at the end of the list *target* (``None``: cannot)."""
    newline = "\r\n" if "\r\n" in old_text else "\n"
    if not blank:
        return insert_records(old_text, target.key, records)
    prefix = "\n" if old_text and not old_text.endswith("\n") else ""
    header = file_header(ws, code, lang=lang, key=target.key)
    return old_text + (prefix + header + records).replace("\n", newline)


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
