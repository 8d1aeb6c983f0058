"""``cmwreport import``: a filled form read back into its body's answers file.

New answers are appended, changed ones updated in place with ruamel.yaml's round trip
(comments and layout kept, :mod:`cmwreport.forms.records`), and only the records the
import changed are taken from ruamel's dump (:func:`cmwreport.yamledit.splice`); a record
that changed in the YAML since the form was issued is refused unless ``force``. The file
rewritten is always backed up first under ``build/backups/``; no other file of the
workspace is written (a new answers file's editor schema is left to ``cmwreport schema``,
as for ``scaffold``).

What reaches the YAML is guarded: ``approved`` comes only with ``approve``, and an
approved answer whose text changes becomes ``submitted``; a form is imported only into the
body it was issued to (its hidden data carries a checksum); the answers file is locked
while it is read and rewritten and is never overwritten when it changed on disk meanwhile
(:mod:`cmwreport.yamledit`); and nothing is written when the result would give ``check``
an error it does not report now.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmwreport.errors import InputFileError
from cmwreport.files import write_atomic
from cmwreport.forms.collect import (
    IMPLEMENTATION_WORDS_ID,
    FilledForm,
    FilledRow,
    FormError,
    FormKind,
    answers_path,
    fingerprint,
    form_symbol,
    form_workspace,
    has_question,
    kind_of,
    load_records,
    record_for,
    round_trip_yaml,
    shown_key,
    texts_of,
)
from cmwreport.forms.formats import read_form
from cmwreport.forms.records import (
    new_record,
    put_tail,
    set_implementation,
    set_texts,
    shared_with,
    split_text,
    take_tail,
    touch,
)
from cmwreport.i18n import t
from cmwreport.models import IMPLEMENTATIONS, canonical_status
from cmwreport.scaffold import file_header, schema_present
from cmwreport.workspace import ANSWERS_DIR, Workspace, load_workspace
from cmwreport.yamledit import (
    dash_column,
    locked,
    read_bytes,
    record_lines,
    replace_checked,
    splice,
)

BACKUP_DIR = "build/backups"
"""Where import keeps a copy of every answers file before rewriting it."""


@dataclass
class RowOutcome:
    """What import did with one row of the form, or with a group of skipped rows.

    The rows whose question number was not on the form as issued are reported together:
    one outcome whose *question* says where they are (``rows 40–95``) and *rows* how many.
    """

    question: str
    action: str  # "added", "updated", "unchanged", "refused", "invalid"
    message: str = ""
    rows: int = 1


@dataclass
class ImportResult:
    """What :func:`import_form` did."""

    code: str
    path: Path
    backup: Path | None
    outcomes: list[RowOutcome]
    created: bool = False
    """Whether the answers file was created by this import."""
    schema_missing: bool = False
    """Whether the file was created while the workspace has no editor schema."""
    follow_up: bool = False
    """Whether the form was a follow-up form (its rows are ``follow_up:`` entries)."""

    @property
    def written(self) -> bool:
        """Whether the answers file was rewritten."""
        return any(o.action in ("added", "updated") for o in self.outcomes)

    @property
    def failed(self) -> bool:
        """Whether some rows were refused or invalid."""
        return any(o.action in ("refused", "invalid") for o in self.outcomes)

    def count(self, action: str) -> int:
        """How many rows had *action*."""
        return sum(o.rows for o in self.outcomes if o.action == action)


def _implementation_of(value: str | None) -> str | None:
    """The implementation state a form's cell names (Indonesian words too); ``None`` if unknown."""
    if value is None:
        return None
    word = " ".join(value.strip().lower().replace("_", "-").split())
    if word in IMPLEMENTATIONS:
        return word
    return IMPLEMENTATION_WORDS_ID.get(word) or IMPLEMENTATION_WORDS_ID.get(word.replace("-", " "))


def _status_of(value: str | None) -> str | None:
    """The status a form's status cell names (Indonesian words too); ``None`` if unknown."""
    return canonical_status(value)


def _backup_path(root: Path, code: str, now: dt.datetime) -> Path:
    """A new file under :data:`BACKUP_DIR` for the answers file of *code*."""
    folder = root / BACKUP_DIR
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{code}-{stamp}.yaml"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{code}-{stamp}-{counter}.yaml"
    return candidate


def _already_there(
    record: Any,
    texts: dict[str, str],
    status: str | None,
    first: str,
    implementation: str | None = None,
) -> bool:
    """Whether *record* already says what the form says (the form was imported before)."""
    current = texts_of(record, first)
    same_text = all(current.get(k, "").strip() == v.strip() for k, v in texts.items())
    same_state = implementation is None or record.get("implementation") == implementation
    same_status = status is None or canonical_status(record.get("status")) == status
    return same_text and same_state and same_status


MAX_PLACES_LISTED = 6
"""How many rows (or runs of rows) the line about skipped rows names before ``…``."""


def _places(rows: list[FilledRow], lang: str) -> str:
    """Where the *rows* are, briefly: ``rows 7, 40–95`` (runs of rows joined)."""
    numbers = sorted({r.row for r in rows if r.row is not None})
    if not numbers:
        shown = [r.place for r in rows[:MAX_PLACES_LISTED]]
        return ", ".join(shown) + (", …" if len(rows) > MAX_PLACES_LISTED else "")
    runs: list[list[int]] = []
    for value in numbers:
        if runs and value == runs[-1][1] + 1:
            runs[-1][1] = value
        else:
            runs.append([value, value])
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:MAX_PLACES_LISTED]]
    listed = ", ".join(parts) + (", …" if len(runs) > MAX_PLACES_LISTED else "")
    if len(numbers) == 1:
        return t("form.place_row", lang, row=listed)
    return t("form.place_rows", lang, rows=listed)


def _iter_rows(filled: FilledForm) -> Iterator[tuple[FilledRow, dict[str, str] | None]]:
    """Each row of the filled form, with what the form said of it when issued (if it did)."""
    issued = {r["question"]: r for r in filled.meta.get("rows", [])}
    for row in filled.rows:
        yield row, issued.get(row.question)


_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:.*(?:\n(?:[ ]{4}|\t).*|\n[ \t]*(?=\n[ ]{4}))*", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def _keep_footnotes(new: str, old: str) -> str:
    """*new*, with the definitions of footnotes it cites but lacks taken over from *old*."""
    defined = {m.group(1) for m in _FOOTNOTE_DEF.finditer(new)}
    cited = [label for label in dict.fromkeys(_FOOTNOTE_REF.findall(new)) if label not in defined]
    if not cited:
        return new
    previous = {m.group(1): m.group(0).rstrip() for m in _FOOTNOTE_DEF.finditer(old)}
    extra = [previous[label] for label in cited if label in previous]
    return "\n\n".join([new.rstrip(), *extra]) if extra else new


def _check_owner(form_path: Path, code: str, ws: Workspace, lang: str) -> None:
    """Refuse a form whose file name says it belongs to another body than its hidden code."""
    stem = form_path.stem.upper()
    owners = [
        c for c in ws.ministries if stem == c or re.match(rf"^{re.escape(c)}(?![A-Z0-9])", stem)
    ]
    if owners and code not in owners:
        longest = max(owners, key=len)
        if not (stem.startswith(code) and len(code) >= len(longest)):
            raise FormError(
                t("form.other_body_file", lang, file=form_path.name, code=code, other=longest)
            )


def _errors_by_code(ws: Workspace) -> dict[str, int]:
    """How many errors of each code ``check`` reports on *ws*."""
    from cmwreport.checks import all_problems

    counts: dict[str, int] = {}
    for problem in all_problems(ws):
        if problem.severity == "error":
            counts[problem.code] = counts.get(problem.code, 0) + 1
    return counts


def _new_errors(ws: Workspace, rel: str, text: str, lang: str) -> list[str]:
    """The errors ``check`` would report if *rel* held *text* and does not report now."""
    from cmwreport.checks import all_problems

    before = _errors_by_code(ws)
    with tempfile.TemporaryDirectory(prefix="cmwreport-import-") as folder:
        candidate = Path(folder) / Path(rel).name
        candidate.write_text(text, encoding="utf-8")
        trial = ws.with_answers_file(rel, candidate)
    after = _errors_by_code(trial)
    grown = {code for code, count in after.items() if count > before.get(code, 0)}
    if not grown:
        return []
    return [
        p.format(lang) for p in all_problems(trial) if p.severity == "error" and p.code in grown
    ]


def import_form(
    root: Path,
    form_path: Path,
    *,
    force: bool = False,
    approve: bool = False,
    lang: str = "en",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    notice: Any = None,
) -> ImportResult:
    """Read the filled form *form_path* into its body's answers file.

    The answers file is locked while it is read and rewritten (:func:`cmwreport.yamledit.locked`).
    """
    root = Path(root)
    filled = read_form(Path(form_path), lang=lang)
    code = str(filled.meta.get("code", ""))
    if not _CODE.match(code):
        raise InputFileError(Path(form_path), t("form.meta_edited", lang), lang)
    rel = f"{ANSWERS_DIR}/{code}.yaml"
    if not (root / "questions" / "loipr.yaml").is_file():
        load_workspace(root, lang=lang)  # raises the usual "no workspace here"
    with locked(root / rel, rel=rel, lang=lang, notice=notice):
        return _import_locked(
            root,
            Path(form_path),
            filled,
            force=force,
            approve=approve,
            lang=lang,
            today=today or dt.date.today(),
            now=now or dt.datetime.now(),
        )


def _import_locked(
    root: Path,
    form_path: Path,
    filled: FilledForm,
    *,
    force: bool,
    approve: bool,
    lang: str,
    today: dt.date,
    now: dt.datetime,
) -> ImportResult:
    ws = load_workspace(root, lang=lang)
    kind = kind_of(filled.meta)
    code = _form_code(filled.meta, ws, form_path, lang)
    rel, path = answers_path(ws, code)
    old_bytes = read_bytes(path, lang=lang)
    data, old_text = _answers_data(ws, code, rel, old_bytes, lang, kind)
    records = data[kind.key]
    old_starts = record_lines(records)
    run = _Run(
        ws=form_workspace(ws, kind, lang),
        kind=kind,
        records=records,
        languages=[c for c in filled.meta.get("languages", []) if c in ws.drafting_languages],
        force=force,
        approve=approve,
        lang=lang,
        today=today,
    )
    for row, issued in _iter_rows(filled):
        run.take(row, issued)
    if run.gone:
        raise FormError(t("form.questions_gone", lang, questions=", ".join(run.gone), path=rel))
    if run.unknown:
        message = t("form.unknown_rows", lang, count=len(run.unknown))
        run.outcomes.append(
            RowOutcome(_places(run.unknown, lang), "invalid", message, len(run.unknown))
        )
    result = ImportResult(
        code=code, path=path, backup=None, outcomes=run.outcomes, follow_up=kind.follow_up
    )
    if result.written:
        layout = old_text or file_header(ws, code, lang=lang, key=kind.key)
        dumped = _dump(data, layout, kind.key)
        new_text = splice(old_text, old_starts, run.changed, dumped, kind.key)
        _write(root, ws, result, rel, old_bytes, new_text, now, lang)
    return result


def _form_code(meta: dict[str, Any], ws: Workspace, form_path: Path, lang: str) -> str:
    """The body the form was issued to; refused unless it is this workspace's and list's."""
    code = str(meta.get("code", ""))
    if code not in ws.ministries:
        raise FormError(
            t("form.unknown_body", lang, code=code, known=", ".join(ws.ministries) or "—")
        )
    symbol = form_symbol(ws, kind_of(meta))
    if meta.get("symbol") != symbol:
        raise FormError(
            t("form.other_list", lang, form=meta.get("symbol"), workspace=symbol, code=code)
        )
    _check_owner(form_path, code, ws, lang)
    return code


def _answers_data(
    ws: Workspace, code: str, rel: str, old_bytes: bytes | None, lang: str, kind: FormKind
) -> tuple[Any, str]:
    """The answers file as round-trip data, with the list of *kind*, and its old text."""
    data, old_text = load_records(ws, code, lang, raw=old_bytes)
    if data is None:
        data = round_trip_yaml().load(file_header(ws, code, lang=lang, key=kind.key))
        old_text = ""
    declared = data.get("ministry")
    if declared is not None and str(declared) != code:
        raise FormError(
            t("form.file_of_other_body", lang, path=rel, code=code, other=str(declared))
        )
    if data.get(kind.key) is None:
        from ruamel.yaml.comments import CommentedSeq

        data[kind.key] = CommentedSeq()
    return data, old_text


@dataclass
class _Run:
    """One import going through the rows of a form, in the order a person reads them."""

    ws: Workspace
    """The workspace as the form sees it (its follow-up view for a follow-up form)."""
    kind: FormKind
    records: Any
    """The ``answers:`` (or ``follow_up:``) list of the answers file, as round-trip data."""
    languages: list[str]
    """The form's languages that the workspace drafts in."""
    force: bool
    approve: bool
    lang: str
    today: dt.date
    changed: set[int] = field(default_factory=set)
    """The index of every record rewritten."""
    outcomes: list[RowOutcome] = field(default_factory=list)
    unknown: list[FilledRow] = field(default_factory=list)
    """Rows whose question was not on the form as issued."""
    gone: list[str] = field(default_factory=list)
    """Questions the list of issues no longer has."""

    @property
    def first_lang(self) -> str:
        """The first drafting language: the language of a text written as a plain string."""
        return self.ws.drafting_languages[0]

    def take(self, row: FilledRow, issued: dict[str, str] | None) -> None:
        """Carry one row of the form into the records, or say why not."""
        if issued is None:
            self.unknown.append(row)
            return
        question = row.question
        status = _status_of(row.status)
        state = _implementation_of(row.implementation)
        texts = {k: v for k, v in row.texts.items() if k in self.languages}
        outcome = _form_refusal(row, issued, status, self.lang) or _state_refusal(
            row, state, self.lang
        )
        if outcome is None and _nothing_new(texts, status, issued, state):
            outcome = RowOutcome(question, "unchanged")
        if outcome is not None:
            self.outcomes.append(outcome)
            return
        found = record_for(list(self.records), question, self.kind)
        if found is not None:
            old_texts = texts_of(found[1], self.first_lang)
            texts = {k: _keep_footnotes(v, old_texts.get(k, "")) for k, v in texts.items()}
        outcome = self._record_refusal(question, found, texts, status, issued, state)
        if outcome is not None:
            self.outcomes.append(outcome)
        elif not has_question(self.ws, question):
            self.gone.append(question)
        elif found is None:
            self.outcomes.append(self._add(question, texts, status, state))
        else:
            self.outcomes.append(self._update(question, *found, texts, status, state))

    def _add(
        self, question: str, texts: dict[str, str], status: str | None, state: str | None
    ) -> RowOutcome:
        """Append a new record for the row; a follow-up entry needs its implementation state."""
        if self.kind.follow_up and state is None:
            message = t("form.implementation_missing", self.lang, question=question)
            return RowOutcome(question, "invalid", message)
        record = new_record(
            question,
            status or "draft",
            texts,
            self.today,
            id_key=self.kind.id_key,
            implementation=state if self.kind.follow_up else None,
        )
        self.records.append(record)
        return RowOutcome(question, "added")

    def _record_refusal(
        self,
        question: str,
        found: tuple[int, Any] | None,
        texts: dict[str, str],
        status: str | None,
        issued: dict[str, str],
        state: str | None = None,
    ) -> RowOutcome | None:
        """Why the row does not change the record (already there, approved, changed since)."""
        if found is not None and _already_there(found[1], texts, status, self.first_lang, state):
            return RowOutcome(question, "unchanged")
        if status == "approved" and not self.approve:
            message = t("form.approved_refused", self.lang, question=question)
            return RowOutcome(question, "refused", message)
        issued_fp = issued.get("fingerprint") or ""
        current_fp = fingerprint(found[1]) if found else ""
        if current_fp != issued_fp and not self.force:
            key = "form.conflict_removed" if issued_fp and not found else "form.conflict"
            return RowOutcome(question, "refused", t(key, self.lang, question=question))
        return None

    def _update(
        self,
        question: str,
        index: int,
        record: Any,
        texts: dict[str, str],
        status: str | None,
        state: str | None = None,
    ) -> RowOutcome:
        """Rewrite the record at *index* with the row's *texts*, *status* and *state*."""
        notes: list[str] = []
        old_texts = texts_of(record, self.first_lang)
        text_changes = any(old_texts.get(k, "").strip() != v.strip() for k, v in texts.items())
        # a follow-up entry's implementation state is part of what was approved, as its text
        text_changes = text_changes or (state is not None and record.get("implementation") != state)
        approved = canonical_status(record.get("status")) == "approved"  # also `disetujui`
        if approved and text_changes and status in (None, "approved"):
            if status is None or not self.approve:
                status = "submitted"
                notes.append(t("form.approved_now_submitted", self.lang, question=question))
        if texts:
            notes.extend(self._split_shared(question, index, record))
        self.changed.add(index)
        tail = take_tail(record)
        if texts:
            set_texts(record, texts, self.first_lang)
        if state is not None and self.kind.follow_up:
            set_implementation(record, state)
        touch(record, status, self.today)
        put_tail(record, tail)
        return RowOutcome(question, "updated", " ".join(notes))

    def _split_shared(self, question: str, index: int, record: Any) -> list[str]:
        """Give the record its own text when it shares it with others through an alias."""
        sharing = shared_with(list(self.records), index)
        if not sharing:
            return []
        for other in sharing:
            other_found = record_for(list(self.records), other)
            if other_found is not None:
                self.changed.add(other_found[0])
        split_text(record)
        others, count = ", ".join(sharing), len(sharing)
        return [t("form.alias_split", self.lang, question=question, others=others, count=count)]


def _form_refusal(
    row: FilledRow, issued: dict[str, str], status: str | None, lang: str
) -> RowOutcome | None:
    """Why the row cannot be read at all (content Markdown cannot carry, grey text, status)."""
    question = row.question
    if row.refused:
        kinds = sorted({k for v in row.refused.values() for k in v})
        what = ", ".join(t(f"form.kind.{k}", lang) for k in kinds)
        return RowOutcome(
            question, "refused", t("form.cannot_carry", lang, question=question, what=what)
        )
    shown_key_issued = issued.get("shown")
    if shown_key_issued and row.shown is not None and shown_key(row.shown) != shown_key_issued:
        return RowOutcome(question, "refused", t("form.grey_edited", lang, question=question))
    if row.status is not None and status is None:
        message = t("form.bad_status", lang, place=row.place, value=row.status)
        return RowOutcome(question, "invalid", message)
    return None


def _state_refusal(row: FilledRow, state: str | None, lang: str) -> RowOutcome | None:
    """Why a follow-up row's implementation state cannot be read (a word the form lacks)."""
    if row.implementation is not None and state is None:
        message = t("form.bad_implementation", lang, place=row.place, value=row.implementation)
        return RowOutcome(row.question, "invalid", message)
    return None


def _nothing_new(
    texts: dict[str, str], status: str | None, issued: dict[str, str], state: str | None = None
) -> bool:
    """Whether the row says nothing new: no text, and no new status or state for an entry."""
    status_changed = status is not None and status != (issued.get("status") or "draft")
    state_changed = state is not None and state != (issued.get("implementation") or "")
    changed = status_changed or state_changed
    return not texts and not (changed and issued.get("fingerprint"))


def _dump(data: Any, layout_from: str, key: str = "answers") -> str:
    """The whole answers file as ruamel writes it, its list indented as in *layout_from*."""
    yaml = round_trip_yaml()
    dash = dash_column(layout_from, key)
    yaml.indent(mapping=2, sequence=dash + 2, offset=dash)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _write(
    root: Path,
    ws: Workspace,
    result: ImportResult,
    rel: str,
    old_bytes: bytes | None,
    new_text: str,
    now: dt.datetime,
    lang: str,
) -> None:
    """Back up the answers file and replace it with *new_text*, unless that adds errors."""
    problems = _new_errors(ws, rel, new_text, lang)
    if problems:
        raise FormError(t("form.would_break", lang, path=rel, problems="\n  ".join(problems[:10])))
    new_bytes = new_text.encode("utf-8")
    if old_bytes is not None and old_bytes.startswith(b"\xef\xbb\xbf"):  # keep a byte order mark
        new_bytes = b"\xef\xbb\xbf" + new_bytes
    if old_bytes is not None:
        result.backup = write_atomic(_backup_path(root, result.code, now), old_bytes, lang=lang)
    else:
        result.created = True
        result.schema_missing = not schema_present(root)
    replace_checked(result.path, old_bytes, new_bytes, rel=rel, lang=lang)
