"""The command line: options → one core call → output. The one error boundary.

This is the only module that imports typer. Each command parses its options, calls the
core function of its module, prints or writes the result, and maps errors to exit
statuses: 0 nothing wrong, 1 problems found or a gate not met, 2 usage error or no
workspace, 3 an internal error (a bug in cmwreport, said so in the message). A problem in
the user's files never shows a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from cmwreport import __version__
from cmwreport.errors import (
    CmwReportError,
    NoWorkspaceError,
    UnknownMinistryOption,
    UsageError,
)
from cmwreport.i18n import UI_LANGS, count_of, t, ui_lang

# Help texts are declared in English; the key of each is kept so that the command line,
# once it knows the --ui-lang asked for, shows them in that language (_HelpInLanguage).
_HELP_KEYS: dict[str, str] = {}


def _h(key: str) -> str:
    text = t(key, "en")
    _HELP_KEYS[text] = key
    return text


def _asked_lang(args: list[str]) -> str:
    """The ``--ui-lang`` among *args* (``--ui-lang id`` or ``--ui-lang=id``), else the default."""
    for index, arg in enumerate(args):
        if arg == "--ui-lang" and index + 1 < len(args):
            return ui_lang(args[index + 1])
        if arg.startswith("--ui-lang="):
            return ui_lang(arg.partition("=")[2])
    return ui_lang()


def _translate_help(command: Any, lang: str) -> None:
    """Put every help text of *command* and its subcommands into *lang*."""

    def tr(text: object) -> object:
        key = _HELP_KEYS.get(text) if isinstance(text, str) else None
        return t(key, lang) if key is not None else text

    command.help = tr(command.help)
    command.short_help = tr(getattr(command, "short_help", None))
    for param in getattr(command, "params", []):
        if hasattr(param, "help"):
            param.help = tr(param.help)
    for sub in getattr(command, "commands", {}).values():
        _translate_help(sub, lang)


class _HelpInLanguage(TyperGroup):
    """The command group whose ``--help`` speaks the ``--ui-lang`` of the command line."""

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        """Translate the help texts, then run as usual."""
        argv = list(sys.argv[1:] if args is None else args)
        if _asked_lang(argv) != "en":
            _translate_help(self, _asked_lang(argv))
        return super().main(args, *rest, **kwargs)


app = typer.Typer(
    cls=_HelpInLanguage,
    help=_h("cli.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])

INTERNAL_ERROR = 3
"""Exit status of a bug in cmwreport (never of a problem in the user's files)."""

RootOpt = Annotated[
    Path | None,
    typer.Option("--root", help=_h("cli.root"), file_okay=False, show_default=False),
]
UiLangOpt = Annotated[str | None, typer.Option("--ui-lang", help=_h("cli.ui_lang"))]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help=_h("cli.output"), dir_okay=False)
]


class CheckFormat(StrEnum):
    """Output formats of ``check``."""

    text = "text"
    json = "json"


class CoverageFormat(StrEnum):
    """Output formats of ``coverage``."""

    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    html = "html"
    xlsx = "xlsx"


def _lang(value: str | None) -> str:
    if value is not None and value.strip().lower() not in UI_LANGS:
        choices = ", ".join(UI_LANGS)
        raise UsageError(
            t("err.bad_option", ui_lang(), option="--ui-lang", value=value, choices=choices)
        )
    return ui_lang(value)


def boundary(func: F) -> F:
    """Run a command, turning every error into a message and an exit status."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CmwReportError as exc:
            typer.echo(f"cmwreport: {exc.message}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader went away (`cmwreport check | head`): stop quietly.
            _silence_stdout()
            raise typer.Exit(1) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if os.environ.get("CMWREPORT_DEBUG"):
                traceback.print_exc()
            detail = f"{type(exc).__name__}: {exc}"
            chosen = kwargs.get("ui")
            lang = ui_lang(chosen if isinstance(chosen, str) else None)
            typer.echo(f"cmwreport: {t('err.internal', lang, detail=detail)}", err=True)
            raise typer.Exit(INTERNAL_ERROR) from None

    return wrapper  # type: ignore[return-value]


def _emit(text: str, output: Path | None, lang: str) -> None:
    """Print *text*, or write it atomically to *output*."""
    if output is None or str(output) == "-":
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from cmwreport.files import write_atomic

    write_atomic(output, text, lang=lang)
    typer.echo(t("cov.written", lang, path=str(output)), err=True)


def _workspace_root(root: Path | None) -> Path:
    """``--root``, else the current folder or the nearest one above holding a workspace."""
    if root is not None:
        return root
    from cmwreport.workspace import find_workspace

    return find_workspace(Path.cwd())


def _require_ministry(ws: Any, code: str | None, lang: str) -> None:
    from cmwreport.workspace import MINISTRIES_FILE

    if not ws.ministries_readable or any(
        p.file == MINISTRIES_FILE and p.severity == "error" for p in ws.problems
    ):
        return  # the list of bodies is broken: its errors are shown, not "no such body"
    if code is not None and code not in ws.ministries:
        raise UnknownMinistryOption(code, list(ws.ministries), lang)


@app.callback(invoke_without_command=True)
def _root_callback(
    version: Annotated[bool, typer.Option("--version", help=_h("cli.version"))] = False,
    ui: UiLangOpt = None,  # `cmwreport --ui-lang id --help`: read by _HelpInLanguage
) -> None:
    _lang(ui)
    if version:
        typer.echo(f"cmwreport {__version__}")
        raise typer.Exit(0)


@app.command(help=_h("cli.check"))
@boundary
def check(
    ministry: Annotated[
        str | None, typer.Option("--ministry", help=_h("cli.check.ministry"))
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=_h("cli.check.strict"))] = False,
    fmt: Annotated[CheckFormat, typer.Option("--format", help=_h("cli.format"))] = (
        CheckFormat.text
    ),
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Check every file of the workspace."""
    from cmwreport.problems import check_workspace
    from cmwreport.workspace import load_workspace

    lang = _lang(ui)
    root = _workspace_root(root)
    ws = load_workspace(root, lang=lang)
    _require_ministry(ws, ministry, lang)
    result = check_workspace(ws, ministry=ministry)
    if fmt is CheckFormat.json:
        typer.echo(json.dumps(result.as_json(lang), ensure_ascii=False, indent=2))
    else:
        for problem in result.problems:
            typer.echo(problem.format(lang))
        if result.problems:
            summary = t(
                "check.summary",
                lang,
                errors=count_of("n.errors", result.errors, lang),
                warnings=count_of("n.warnings", result.warnings, lang),
                files=count_of("n.files", result.files, lang),
            )
        else:
            summary = t("check.summary_ok", lang, count=result.files)
        if result.hidden:
            summary += " " + t("check.hidden", lang, count=result.hidden)
        typer.echo(summary)
    raise typer.Exit(1 if result.failed(strict=strict) else 0)


@app.command(help=_h("cli.coverage"))
@boundary
def coverage(
    fmt: Annotated[CoverageFormat, typer.Option("--format", help=_h("cli.format"))] = (
        CoverageFormat.table
    ),
    output: OutputOpt = None,
    since: Annotated[
        Path | None, typer.Option("--since", help=_h("cli.coverage.since"), dir_okay=False)
    ] = None,
    ministry: Annotated[
        str | None, typer.Option("--ministry", help=_h("cli.coverage.ministry"))
    ] = None,
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Summarise who still owes what."""
    from cmwreport.coverage import compute_coverage
    from cmwreport.workspace import load_workspace

    lang = _lang(ui)
    root = _workspace_root(root)
    ws = load_workspace(root, lang=lang)
    _require_ministry(ws, ministry, lang)
    cov = compute_coverage(ws, ministry=ministry, lang=lang)
    if since is not None:
        from cmwreport.coverage import apply_snapshot

        apply_snapshot(cov, since, lang=lang)
    if fmt is CoverageFormat.json:
        _emit(json.dumps(cov.as_json(lang), ensure_ascii=False, indent=2) + "\n", output, lang)
    elif fmt is CoverageFormat.markdown:
        from cmwreport.render.tables import render_markdown

        _emit(render_markdown(cov, lang), output, lang)
    elif fmt is CoverageFormat.csv:
        from cmwreport.render.tables import render_csv

        _emit(render_csv(cov, lang), output, lang)
    elif fmt is CoverageFormat.html:
        from cmwreport.render.html import render_coverage_html
        from cmwreport.templating import templates_for

        # A web page is not for the terminal: without --output it goes to build/.
        page = render_coverage_html(cov, lang, templates_for(root, ui_lang=lang))
        _emit(page, output or root / "build" / "coverage.html", lang)
    elif fmt is CoverageFormat.xlsx:
        from cmwreport.files import write_atomic
        from cmwreport.render.xlsx import render_coverage_xlsx

        target = output or root / "build" / "coverage.xlsx"
        write_atomic(target, render_coverage_xlsx(cov, lang), lang=lang)
        typer.echo(t("cov.written", lang, path=str(target)), err=True)
    else:
        from cmwreport.render.tables import render_table

        _emit(render_table(cov, lang), output, lang)
    if cov.errors:
        # A broken file never looks like a body that simply answered nothing.
        if not (fmt is CoverageFormat.table and output is None):
            typer.echo(t("cov.errors_stderr", lang, count=len(cov.errors)), err=True)
            for problem in cov.errors:
                typer.echo(problem.format(lang), err=True)
        raise typer.Exit(1)


class SchemaKind(StrEnum):
    """The files ``schema`` describes."""

    answers = "answers"
    loipr = "loipr"
    ministries = "ministries"
    observations = "observations"


class FormFormat(StrEnum):
    """Formats of ``form``."""

    docx = "docx"
    xlsx = "xlsx"


@app.command(help=_h("cli.scaffold"))
@boundary
def scaffold(
    code: Annotated[str, typer.Argument(help=_h("cli.scaffold.code"), show_default=False)],
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Append skeleton answers for a body."""
    from cmwreport.scaffold import scaffold as run_scaffold
    from cmwreport.scaffold import schema_hint

    lang = _lang(ui)
    root = _workspace_root(root)
    result = run_scaffold(root, code, lang=lang)
    rel = f"answers/{code}.yaml"
    if result.added:
        key = "scaffold.created" if result.created else "scaffold.appended"
        typer.echo(t(key, lang, path=rel, count=len(result.added), units=", ".join(result.added)))
        typer.echo(t("scaffold.next", lang, code=code))
    elif result.assigned == 0:
        typer.echo(t("scaffold.none_assigned", lang, code=code))
    else:
        typer.echo(t("scaffold.nothing", lang, path=rel, code=code, count=result.assigned))
    if result.schema_missing:
        typer.echo(schema_hint(code, lang=lang), err=True)


@app.command(help=_h("cli.schema"))
@boundary
def schema(
    kind: Annotated[SchemaKind, typer.Option("--file", help=_h("cli.schema.kind"))] = (
        SchemaKind.answers
    ),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=_h("cli.schema.output"), file_okay=False),
    ] = None,
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Print or write the JSON Schemas of the workspace files."""
    from cmwreport.schema import schema_text, write_schemas

    lang = _lang(ui)
    root = _workspace_root(root)
    if output is None:
        typer.echo(schema_text(kind.value, lang=lang), nl=False)
        return
    if not output.is_absolute() and not (root / "questions" / "loipr.yaml").is_file():
        # A relative folder is placed in the workspace, so there must be one.
        raise NoWorkspaceError(root, lang)
    folder = output if output.is_absolute() else root / output
    for path in write_schemas(folder, lang=lang):
        typer.echo(t("schema.written", lang, path=str(path)), err=True)


@app.command(help=_h("cli.form"))
@boundary
def form(
    code: Annotated[str, typer.Argument(help=_h("cli.scaffold.code"), show_default=False)],
    fmt: Annotated[FormFormat | None, typer.Option("--format", help=_h("cli.form.format"))] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=_h("cli.form.output"), dir_okay=False),
    ] = None,
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Write an answer form for a body."""
    from cmwreport.files import write_atomic
    from cmwreport.forms import default_form_path, make_form

    lang = _lang(ui)
    root = _workspace_root(root)
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    by_name = suffix if suffix in ("docx", "xlsx") else None
    if fmt is not None and by_name is not None and fmt.value != by_name:
        raise UsageError(
            t("form.format_mismatch", lang, format=fmt.value, path=str(output), ext=suffix)
        )
    chosen = fmt.value if fmt is not None else (by_name or "xlsx")
    data, filled = make_form(root, code, chosen, lang=lang)
    target = output or default_form_path(root, code, chosen)
    write_atomic(target, data, lang=lang)
    typer.echo(t("form.written", lang, code=code, path=str(target), count=len(filled.rows)))


@app.command("import", help=_h("cli.import"))
@boundary
def import_(
    file: Annotated[
        Path, typer.Argument(help=_h("cli.import.file"), dir_okay=False, show_default=False)
    ],
    force: Annotated[bool, typer.Option("--force", help=_h("cli.import.force"))] = False,
    approve: Annotated[bool, typer.Option("--approve", help=_h("cli.import.approve"))] = False,
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Read a filled form back into the body's answers file."""
    from cmwreport.forms import import_form
    from cmwreport.problems import check_workspace
    from cmwreport.workspace import load_workspace

    lang = _lang(ui)
    root = _workspace_root(root)
    result = import_form(root, file, force=force, approve=approve, lang=lang)
    rel = f"answers/{result.code}.yaml"
    for outcome in result.outcomes:
        if outcome.action == "unchanged":
            continue
        typer.echo(
            t(f"import.{outcome.action}", lang, question=outcome.question, message=outcome.message)
        )
        if outcome.action in ("added", "updated") and outcome.message:
            typer.echo(f"  {outcome.message}")
    if not result.written:
        key = "import.none_written" if result.failed else "import.nothing"
        typer.echo(t(key, lang, path=rel))
    else:
        typer.echo(
            t(
                "import.summary",
                lang,
                path=rel,
                added=result.count("added"),
                updated=result.count("updated"),
                unchanged=result.count("unchanged"),
                refused=result.count("refused"),
                invalid=result.count("invalid"),
            )
        )
        if result.backup is not None:
            typer.echo(t("import.backup", lang, path=str(result.backup)))
        if result.schema_missing:
            from cmwreport.scaffold import schema_hint

            typer.echo(schema_hint(result.code, lang=lang), err=True)
        checked = check_workspace(load_workspace(root, lang=lang), ministry=result.code)
        typer.echo(
            t(
                "import.check",
                lang,
                code=result.code,
                errors=count_of("n.errors", checked.errors, lang),
                warnings=count_of("n.warnings", checked.warnings, lang),
            )
        )
    raise typer.Exit(1 if result.failed else 0)


@app.command(help=_h("cli.init"))
@boundary
def init(
    directory: Annotated[
        Path | None,
        typer.Argument(help=_h("cli.init.dir"), file_okay=False, show_default=False),
    ] = None,
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Create a new workspace."""
    from cmwreport.scaffold import init_workspace

    lang = _lang(ui)
    target = directory if directory is not None else (root or Path())
    written = init_workspace(target, lang=lang)
    typer.echo(t("init.done", lang, path=str(target), count=len(written)))


@app.command(help=_h("cli.render"))
@boundary
def render(
    final: Annotated[bool, typer.Option("--final", help=_h("cli.render.final"))] = False,
    allow_gaps: Annotated[
        bool, typer.Option("--allow-gaps", help=_h("cli.render.allow_gaps"))
    ] = False,
    report_lang: Annotated[str | None, typer.Option("--lang", help=_h("cli.render.lang"))] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=_h("cli.render.output"), dir_okay=False),
    ] = None,
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Render the consolidated report as DOCX."""
    from cmwreport.i18n import language_name, number
    from cmwreport.report import render_report
    from cmwreport.workspace import load_workspace

    lang = _lang(ui)
    root = _workspace_root(root)
    ws = load_workspace(root, lang=lang)
    done = render_report(
        ws, final=final, allow_gaps=allow_gaps, lang=report_lang, output=output, ui_lang=lang
    )
    report = done.report
    mode = t("render.mode.final" if final else "render.mode.draft", lang)
    language = language_name(report.lang, lang)
    typer.echo(t("render.written", lang, path=str(done.path), mode=mode, language=language))
    from cmwreport.text import percent

    share = percent(report.words, report.limit)
    typer.echo(
        t(
            "render.words",
            lang,
            language=report.lang,
            words=number(report.words, lang),
            limit=number(report.limit, lang),
            percent=share,
            intro=number(report.intro_words, lang),
        )
    )
    if report.words > report.limit:
        typer.echo(t("render.over_limit", lang, over=number(report.words - report.limit, lang)))
    tables = report.tables
    typer.echo(
        t(
            "render.counts",
            lang,
            gaps=count_of("n.units", len(report.gaps), lang),
            untranslated=count_of("n.units", len(report.untranslated), lang),
            paragraphs=count_of("n.numbered_paragraphs", report.paragraphs, lang),
            footnotes=count_of("n.footnotes", len(report.footnotes), lang),
            tables=count_of("n.tables", tables, lang),
        )
    )
    if final and report.gaps:
        typer.echo(t("render.gaps_allowed", lang, count=len(report.gaps)))
        for gap in report.gaps:
            typer.echo(f"  {gap.describe(lang, report.lang)}")
    if done.errors:
        typer.echo(t("render.broken", lang, count=len(done.errors)), err=True)
        for problem in done.errors:
            typer.echo(problem.format(lang), err=True)
        raise typer.Exit(1)


def _silence_stdout() -> None:
    """Point stdout at the null device so that the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def main() -> None:
    """Entry point of the ``cmwreport`` console script."""
    try:
        app()
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except SystemExit as exc:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
        sys.exit(exc.code)
