"""One core function per command: keyword-only options in, data out.

``run_check``, ``run_coverage``, ``run_render``, ``run_scaffold``, ``run_form``,
``run_import``, ``run_schema`` and ``run_init`` are what ``cmwreport`` runs; tests and
scripts call them without the command line. This is the only module that orchestrates the
steps load → check → build → render → write. Each function returns a small frozen record
of what it found or wrote; none prints, and the command line (``cli.py``) turns the record
into lines and an exit status. Errors that stop a command are raised as
:class:`~cmwreport.errors.CmwReportError`; problems in the user's files are data.

Every function takes ``root`` (the workspace; ``None``: the current folder or the nearest
one above holding ``questions/loipr.yaml``) and ``lang``, the interface language of the
messages it builds. Heavy libraries are imported inside the functions that need them, so
that ``run_check`` never loads python-docx, Jinja2, openpyxl, markdown-it or ruamel.yaml.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cmwreport.errors import (
    GateError,
    NoWorkspaceError,
    UnknownMinistryOption,
    UsageError,
    WorkspaceInvalidError,
)
from cmwreport.i18n import t

if TYPE_CHECKING:
    from cmwreport.checks import CheckResult
    from cmwreport.coverage import Coverage
    from cmwreport.forms import ImportResult
    from cmwreport.problems import Problem
    from cmwreport.report import Report
    from cmwreport.scaffold import ScaffoldResult
    from cmwreport.workspace import Workspace

COVERAGE_FORMATS = ("table", "markdown", "csv", "json", "html", "xlsx")
"""The formats of ``coverage``; the first is the default."""

FORM_FORMATS = ("docx", "xlsx")
"""The formats of ``form``; without ``--format`` or a telling ``--output``, the last."""

SCHEMA_KINDS = ("answers", "loipr", "ministries")
"""The files ``schema`` describes."""


# ---------------------------------------------------------------------- the workspace


def workspace_root(root: Path | None) -> Path:
    """*root*, else the current folder or the nearest one above holding a workspace."""
    if root is not None:
        return root
    from cmwreport.workspace import find_workspace

    return find_workspace(Path.cwd())


def _require_ministry(ws: Workspace, code: str | None, lang: str) -> None:
    """Refuse ``--ministry CODE`` for a body the (readable) list of bodies lacks."""
    from cmwreport.workspace import MINISTRIES_FILE

    if not ws.ministries_readable or any(
        p.file == MINISTRIES_FILE and p.severity == "error" for p in ws.problems
    ):
        return  # the list of bodies is broken: its errors are shown, not "no such body"
    if code is not None and code not in ws.ministries:
        raise UnknownMinistryOption(code, list(ws.ministries), lang)


def _load(root: Path | None, lang: str, ministry: str | None = None) -> Workspace:
    """The workspace at *root*, with ``--ministry`` *ministry* checked against its bodies."""
    from cmwreport.workspace import load_workspace

    ws = load_workspace(workspace_root(root), lang=lang)
    _require_ministry(ws, ministry, lang)
    return ws


def _schema_hint(code: str, missing: bool, lang: str) -> str | None:
    """The hint to write the editor schema, when the answers file points to a missing one."""
    if not missing:
        return None
    from cmwreport.scaffold import schema_hint

    return schema_hint(code, lang=lang)


# ------------------------------------------------------------------------------ check


@dataclass(frozen=True)
class CheckOutcome:
    """What ``check`` found."""

    result: CheckResult
    """The problems shown and the summary figures."""
    failed: bool
    """Whether the exit status is 1: an error, or a warning under ``--strict``."""


def run_check(
    *,
    root: Path | None = None,
    ministry: str | None = None,
    strict: bool = False,
    lang: str = "en",
) -> CheckOutcome:
    """Check every file of the workspace (``cmwreport check``)."""
    from cmwreport.checks import check_workspace

    ws = _load(root, lang, ministry)
    result = check_workspace(ws, ministry=ministry)
    return CheckOutcome(result, result.failed(strict=strict))


# --------------------------------------------------------------------------- coverage


@dataclass(frozen=True)
class CoverageOutcome:
    """What ``coverage`` computed, and the output: text to show, or the file written."""

    coverage: Coverage
    format: str
    text: str | None
    """The rendered summary when it goes to the terminal (no file written)."""
    written: Path | None
    """The file written, when the output went to a file."""

    @property
    def errors(self) -> list[Problem]:
        """The errors of the files that could not be read whole (they make the exit 1)."""
        return self.coverage.errors

    @property
    def failed(self) -> bool:
        """Whether the exit status is 1: a broken file never looks like a silent body."""
        return bool(self.coverage.errors)


def default_coverage_output(root: Path, fmt: str, *, follow_up: bool = False) -> Path | None:
    """Where a format that is not for the terminal goes without ``--output``.

    A web page and a workbook go to ``build/coverage.html`` and ``build/coverage.xlsx``
    (with *follow_up*, ``build/follow-up-coverage.html`` and ``.xlsx``); the other formats
    go to the terminal (``None``).
    """
    if fmt in ("html", "xlsx"):
        name = "follow-up-coverage" if follow_up else "coverage"
        return root / "build" / f"{name}.{fmt}"
    return None


def _coverage_content(cov: Coverage, fmt: str, lang: str, root: Path) -> str | bytes:
    """*cov* rendered in *fmt*: text, or the bytes of a workbook."""
    if fmt == "json":
        return json.dumps(cov.as_json(lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        from cmwreport.render.tables import render_markdown

        return render_markdown(cov, lang)
    if fmt == "csv":
        from cmwreport.render.tables import render_csv

        return render_csv(cov, lang)
    if fmt == "html":
        from cmwreport.render.html import render_coverage_html
        from cmwreport.templating import templates_for

        return render_coverage_html(cov, lang, templates_for(root, ui_lang=lang))
    if fmt == "xlsx":
        from cmwreport.render.xlsx import render_coverage_xlsx

        return render_coverage_xlsx(cov, lang)
    from cmwreport.render.tables import render_table

    return render_table(cov, lang)


def _follow_up_coverage(ws: Workspace, ministry: str | None, lang: str) -> Coverage:
    """The coverage of the recommendations; without observations, a usage error."""
    from cmwreport.coverage import compute_follow_up_coverage
    from cmwreport.workspace import OBSERVATIONS_FILE

    if ws.observations is None and not any(p.file == OBSERVATIONS_FILE for p in ws.problems):
        raise UsageError(t("fu.no_observations", lang, file=OBSERVATIONS_FILE))
    return compute_follow_up_coverage(ws, ministry=ministry, lang=lang)


def run_coverage(
    *,
    root: Path | None = None,
    fmt: str = "table",
    output: Path | None = None,
    since: Path | None = None,
    ministry: str | None = None,
    follow_up: bool = False,
    lang: str = "en",
) -> CoverageOutcome:
    """Summarise who still owes what (``cmwreport coverage``).

    The summary is returned as text for the terminal, or written atomically to *output*
    (``-``: the terminal) or, for HTML and XLSX, to :func:`default_coverage_output`.
    *since* (a JSON snapshot) adds what moved since then. With *follow_up*, the summary is
    that of the recommendations of ``questions/observations.yaml`` (``--follow-up``).
    """
    from cmwreport.coverage import compute_coverage
    from cmwreport.snapshot import apply_snapshot

    if fmt not in COVERAGE_FORMATS:
        choices = ", ".join(COVERAGE_FORMATS)
        raise UsageError(t("err.bad_option", lang, option="--format", value=fmt, choices=choices))
    ws = _load(root, lang, ministry)
    if follow_up:
        cov = _follow_up_coverage(ws, ministry, lang)
    else:
        cov = compute_coverage(ws, ministry=ministry, lang=lang)
    if since is not None:
        apply_snapshot(cov, since, lang=lang)
    content = _coverage_content(cov, fmt, lang, ws.root)
    default = default_coverage_output(ws.root, fmt, follow_up=follow_up)
    target = output if output is not None else default
    if isinstance(content, str) and (target is None or str(target) == "-"):
        return CoverageOutcome(cov, fmt, content, None)
    from cmwreport.files import write_atomic

    assert target is not None  # a workbook always has a default file
    write_atomic(target, content, lang=lang)
    return CoverageOutcome(cov, fmt, None, target)


# ----------------------------------------------------------------------------- render


@dataclass(frozen=True)
class RenderOutcome:
    """What ``render`` wrote: where, the report model (words, gaps, counts), how long."""

    path: Path
    report: Report
    seconds: float
    errors: tuple[Problem, ...] = ()
    """The workspace's errors: a draft was written from what could be read (exit 1)."""

    @property
    def failed(self) -> bool:
        """Whether the exit status is 1 (a draft written from a workspace with errors)."""
        return bool(self.errors)


def default_output(ws: Workspace, lang: str, *, final: bool = False) -> Path:
    """``build/<report symbol or "report">-<lang>.docx`` with ``/`` replaced by ``-``.

    A final is ``…-<lang>-final.docx``, so that it never overwrites the draft.
    """
    symbol = ws.meta.symbol if ws.meta and ws.meta.symbol else "report"
    suffix = "-final" if final else ""
    return ws.root / "build" / _file_safe(f"{symbol}-{lang}{suffix}.docx")


def _file_safe(name: str) -> str:
    """*name* with the slashes of a UN symbol replaced by ``-``."""
    return name.replace("/", "-").replace("\\", "-")


def default_follow_up_output(ws: Workspace, lang: str, *, final: bool = False) -> Path:
    """``build/<follow-up symbol, else the observations' symbol>-follow-up-<lang>.docx``.

    ``/`` is replaced by ``-`` as in :func:`default_output`; a final is
    ``…-follow-up-<lang>-final.docx``, so that it never overwrites the draft.
    """
    obs = ws.observations
    selection = obs.record.follow_up if obs is not None else None
    symbol = (selection.symbol if selection else None) or (obs.symbol if obs else "") or "report"
    suffix = "-final" if final else ""
    return ws.root / "build" / _file_safe(f"{symbol}-follow-up-{lang}{suffix}.docx")


def report_language(ws: Workspace, asked: str | None, lang: str = "en") -> str:
    """The language to render: *asked* (``--lang``), else the report's; one the workspace has."""
    language = (ws.language if asked is None else asked).strip().lower()
    if not language.isalpha() or not 2 <= len(language) <= 3:
        raise UsageError(t("render.bad_lang", lang, value=asked))
    known = {ws.language, *ws.drafting_languages}
    if language not in known:
        raise UsageError(
            t("render.unknown_lang", lang, value=language, known=", ".join(sorted(known)))
        )
    return language


def _gate(report: Report, lang: str) -> None:
    """Refuse a final that has gaps: list them and write nothing."""
    gaps = [gap.describe(lang, report.lang) for gap in report.gaps]
    key = "render.gate_follow_up" if report.follow_up else "render.gate"
    message = t(key, lang, count=len(gaps)) + "\n" + "\n".join(f"  {g}" for g in gaps)
    raise GateError(message, [gap.unit for gap in report.gaps])


def _workspace_errors(ws: Workspace, *, final: bool, lang: str) -> list[Problem]:
    """The errors of *ws*, which a draft names and a final refuses."""
    from cmwreport.checks import check_workspace

    result = check_workspace(ws)
    if result.errors and final:
        raise WorkspaceInvalidError(result.errors, lang)
    return [p for p in result.problems if p.severity == "error"]


def run_render(
    *,
    root: Path | None = None,
    final: bool = False,
    allow_gaps: bool = False,
    report_lang: str | None = None,
    output: Path | None = None,
    follow_up: bool = False,
    lang: str = "en",
) -> RenderOutcome:
    """Render the consolidated report as DOCX and write it atomically (``cmwreport render``).

    A draft of a workspace with errors is written from what could be read, naming the
    broken files at the top (the outcome's ``errors``; the command exits 1). A final
    refuses a workspace with errors, and anything while a unit has no approved reply in
    the report's language, unless *allow_gaps*. *report_lang* is the language of the
    report (default: the one loipr.yaml names); *lang* that of the messages.
    *follow_up* renders the follow-up information on the recommendations selected in
    questions/observations.yaml instead (SPEC 7), by the same rules.
    """
    from cmwreport.files import write_atomic
    from cmwreport.render.docx import render_docx
    from cmwreport.report import build_follow_up, build_report
    from cmwreport.templating import templates_for

    started = time.perf_counter()
    ws = _load(root, lang)
    language = report_language(ws, report_lang, lang)
    errors = _workspace_errors(ws, final=final, lang=lang)
    templates = templates_for(ws.root, ui_lang=lang)
    build = build_follow_up if follow_up else build_report
    report = build(ws, templates, lang=language, final=final, errors=errors)
    if final and report.gaps and not allow_gaps:
        _gate(report, lang)
    data = render_docx(report, templates.reference_docx(), ui_lang=lang)
    default = default_follow_up_output if follow_up else default_output
    target = output if output is not None else default(ws, language, final=final)
    write_atomic(target, data, lang=lang)
    return RenderOutcome(target, report, time.perf_counter() - started, tuple(errors))


# --------------------------------------------------------------------------- scaffold


@dataclass(frozen=True)
class ScaffoldOutcome:
    """What ``scaffold`` appended to a body's answers file."""

    code: str
    file: str
    """The answers file, relative to the workspace (``answers/CODE.yaml``)."""
    result: ScaffoldResult
    schema_hint: str | None = None
    """How to write the editor schema the file points to, when it is missing."""


def run_scaffold(
    *, code: str, root: Path | None = None, lang: str = "en", follow_up: bool = False
) -> ScaffoldOutcome:
    """Append a skeleton answer for every unit assigned to *code* and not yet answered.

    With *follow_up*, a skeleton follow-up entry for every recommendation of *code* instead.
    """
    from cmwreport.scaffold import scaffold

    result = scaffold(workspace_root(root), code, lang=lang, follow_up=follow_up)
    hint = _schema_hint(code, result.schema_missing, lang)
    return ScaffoldOutcome(code, f"answers/{code}.yaml", result, hint)


# ------------------------------------------------------------------------------- form


@dataclass(frozen=True)
class FormOutcome:
    """The form ``form`` wrote."""

    code: str
    format: str
    path: Path
    rows: int
    """How many questions the form asks."""
    follow_up: bool = False
    """Whether it is a follow-up form (its rows are recommendations)."""


def form_format(fmt: str | None, output: Path | None, lang: str = "en") -> str:
    """The form's format: *fmt*, else *output*'s extension, else xlsx; a mismatch is refused."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    by_name = suffix if suffix in FORM_FORMATS else None
    if fmt is not None and by_name is not None and fmt != by_name:
        raise UsageError(t("form.format_mismatch", lang, format=fmt, path=str(output), ext=suffix))
    return fmt if fmt is not None else (by_name or FORM_FORMATS[-1])


def run_form(
    *,
    code: str,
    fmt: str | None = None,
    output: Path | None = None,
    root: Path | None = None,
    lang: str = "en",
    follow_up: bool = False,
) -> FormOutcome:
    """Write the answer form of *code* as DOCX or XLSX (``cmwreport form``).

    With *follow_up*, the form of its follow-up entries on its recommendations.
    """
    from cmwreport.files import write_atomic
    from cmwreport.forms import default_form_path, make_form

    chosen = form_format(fmt, output, lang)
    folder = workspace_root(root)
    data, filled = make_form(folder, code, chosen, lang=lang, follow_up=follow_up)
    target = output or default_form_path(folder, code, chosen, follow_up=follow_up)
    write_atomic(target, data, lang=lang)
    return FormOutcome(code, chosen, target, len(filled.rows), follow_up)


# ----------------------------------------------------------------------------- import


@dataclass(frozen=True)
class ImportOutcome:
    """What ``import`` did with a filled form, and what ``check`` then says of the body."""

    file: str
    """The answers file, relative to the workspace (``answers/CODE.yaml``)."""
    result: ImportResult
    checked: CheckResult | None = None
    """``check --ministry CODE`` after the file was rewritten (None: nothing written)."""
    schema_hint: str | None = None

    @property
    def failed(self) -> bool:
        """Whether the exit status is 1: some rows were refused or invalid."""
        return self.result.failed


def run_import(
    *,
    file: Path,
    force: bool = False,
    approve: bool = False,
    root: Path | None = None,
    lang: str = "en",
) -> ImportOutcome:
    """Read a filled form back into its body's answers file (``cmwreport import``)."""
    from cmwreport.checks import check_workspace
    from cmwreport.forms import import_form
    from cmwreport.workspace import load_workspace

    folder = workspace_root(root)
    result = import_form(folder, file, force=force, approve=approve, lang=lang)
    rel = f"answers/{result.code}.yaml"
    if not result.written:
        return ImportOutcome(rel, result)
    checked = check_workspace(load_workspace(folder, lang=lang), ministry=result.code)
    hint = _schema_hint(result.code, result.schema_missing, lang)
    return ImportOutcome(rel, result, checked, hint)


# ----------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class SchemaOutcome:
    """The JSON Schema text to show, or the schema files written."""

    text: str | None
    written: tuple[Path, ...] = ()


def run_schema(
    *,
    kind: str = "answers",
    output: Path | None = None,
    root: Path | None = None,
    lang: str = "en",
) -> SchemaOutcome:
    """The JSON Schema of *kind*, or every schema written into the folder *output*.

    A relative *output* is placed in the workspace, so there must be one.
    """
    from cmwreport.schema import schema_text, write_schemas

    folder = workspace_root(root)
    if output is None:
        return SchemaOutcome(schema_text(kind, lang=lang))
    if not output.is_absolute() and not (folder / "questions" / "loipr.yaml").is_file():
        raise NoWorkspaceError(folder, lang)
    target = output if output.is_absolute() else folder / output
    return SchemaOutcome(None, tuple(write_schemas(target, lang=lang)))


# ------------------------------------------------------------------------------- init


@dataclass(frozen=True)
class InitOutcome:
    """The new workspace and the files written into it."""

    path: Path
    written: tuple[Path, ...]


def run_init(
    *, directory: Path | None = None, root: Path | None = None, lang: str = "en"
) -> InitOutcome:
    """Create a new workspace in *directory* (else *root*, else the current folder)."""
    from cmwreport.scaffold import init_workspace

    target = directory if directory is not None else (root or Path())
    return InitOutcome(target, tuple(init_workspace(target, lang=lang)))
