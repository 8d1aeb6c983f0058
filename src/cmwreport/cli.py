"""The command line: options → one core call → output. The one error boundary.

This is the only module that imports typer. Each command parses its options, makes ONE
call to its core function in :mod:`cmwreport.commands` (which does the work and returns
data), prints the result, and maps errors to exit statuses: 0 nothing wrong, 1 problems
found or a gate not met, 2 usage error or no workspace, 3 an internal error (a bug in
cmwreport, said so in the message). A problem in the user's files never shows a traceback.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from cmwreport import __version__
from cmwreport.errors import (
    CmwReportError,
    UsageError,
)
from cmwreport.i18n import UI_LANGS, count_of, t, ui_lang

if TYPE_CHECKING:
    from cmwreport.checks import CheckResult
    from cmwreport.commands import ImportOutcome, RenderOutcome
    from cmwreport.forms import ImportResult
    from cmwreport.report import Report

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
        except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug exits 3
            if os.environ.get("CMWREPORT_DEBUG"):
                traceback.print_exc()
            detail = f"{type(exc).__name__}: {exc}"
            chosen = kwargs.get("ui")
            lang = ui_lang(chosen if isinstance(chosen, str) else None)
            typer.echo(f"cmwreport: {t('err.internal', lang, detail=detail)}", err=True)
            raise typer.Exit(INTERNAL_ERROR) from None

    return wrapper  # type: ignore[return-value]


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
    from cmwreport.commands import run_check

    lang = _lang(ui)
    done = run_check(root=root, ministry=ministry, strict=strict, lang=lang)
    result = done.result
    if fmt is CheckFormat.json:
        typer.echo(json.dumps(result.as_json(lang), ensure_ascii=False, indent=2))
    else:
        for problem in result.problems:
            typer.echo(problem.format(lang))
        typer.echo(_check_summary(result, lang))
    raise typer.Exit(1 if done.failed else 0)


def _check_summary(result: CheckResult, lang: str) -> str:
    """The last line of ``check``: how many errors, warnings and files, or "no problems"."""
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
    return summary


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
    follow_up: Annotated[
        bool, typer.Option("--follow-up", help=_h("cli.coverage.follow_up"))
    ] = False,
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Summarise who still owes what."""
    from cmwreport.commands import run_coverage

    lang = _lang(ui)
    done = run_coverage(
        root=root,
        fmt=fmt.value,
        output=output,
        since=since,
        ministry=ministry,
        follow_up=follow_up,
        lang=lang,
    )
    if done.text is not None:
        typer.echo(done.text, nl=not done.text.endswith("\n"))
    if done.written is not None:
        typer.echo(t("cov.written", lang, path=str(done.written)), err=True)
    if done.failed:
        # A broken file never looks like a body that simply answered nothing; the terminal
        # table names the broken files itself.
        if not (fmt is CoverageFormat.table and output is None):
            typer.echo(t("cov.errors_stderr", lang, count=len(done.errors)), err=True)
            for problem in done.errors:
                typer.echo(problem.format(lang), err=True)
        raise typer.Exit(1)


class SchemaKind(StrEnum):
    """The files ``schema`` describes."""

    answers = "answers"
    loipr = "loipr"
    ministries = "ministries"
    abbreviations = "abbreviations"
    observations = "observations"


class FormFormat(StrEnum):
    """Formats of ``form``."""

    docx = "docx"
    xlsx = "xlsx"


_SCAFFOLD_KEYS: dict[bool, dict[str, str]] = {
    False: {
        "created": "scaffold.created",
        "appended": "scaffold.appended",
        "next": "scaffold.next",
        "none_assigned": "scaffold.none_assigned",
        "nothing": "scaffold.nothing",
    },
    True: {
        "created": "scaffold.fu_created",
        "appended": "scaffold.fu_appended",
        "next": "scaffold.fu_next",
        "none_assigned": "scaffold.fu_none_assigned",
        "nothing": "scaffold.fu_nothing",
    },
}
"""What ``scaffold`` prints, for answers (False) and for follow-up entries (True)."""


@app.command(help=_h("cli.scaffold"))
@boundary
def scaffold(
    code: Annotated[str, typer.Argument(help=_h("cli.scaffold.code"), show_default=False)],
    root: RootOpt = None,
    ui: UiLangOpt = None,
    follow_up: Annotated[
        bool, typer.Option("--follow-up", help=_h("cli.scaffold.follow_up"))
    ] = False,
) -> None:
    """Append skeleton answers for a body."""
    from cmwreport.commands import run_scaffold

    lang = _lang(ui)
    done = run_scaffold(code=code, root=root, lang=lang, follow_up=follow_up)
    result = done.result
    if result.offered:
        units = ", ".join(result.offered)
        typer.echo(t("scaffold.offered_summary", lang, count=len(result.offered), units=units))
    keys = _SCAFFOLD_KEYS[follow_up]  # the follow-up's own wording
    if result.added:
        key = keys["created" if result.created else "appended"]
        units = ", ".join(result.added)
        typer.echo(t(key, lang, path=done.file, count=len(result.added), units=units))
        typer.echo(t(keys["next"], lang, code=code))
    elif result.assigned == 0:
        typer.echo(t(keys["none_assigned"], lang, code=code))
    else:
        typer.echo(t(keys["nothing"], lang, path=done.file, code=code, count=result.assigned))
    if done.schema_hint is not None:
        typer.echo(done.schema_hint, err=True)


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
    from cmwreport.commands import run_schema

    lang = _lang(ui)
    done = run_schema(kind=kind.value, output=output, root=root, lang=lang)
    if done.text is not None:
        typer.echo(done.text, nl=False)
    for path in done.written:
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
    follow_up: Annotated[bool, typer.Option("--follow-up", help=_h("cli.form.follow_up"))] = False,
) -> None:
    """Write an answer form for a body."""
    from cmwreport.commands import run_form

    lang = _lang(ui)
    chosen = fmt.value if fmt is not None else None
    done = run_form(code=code, fmt=chosen, output=output, root=root, lang=lang, follow_up=follow_up)
    key = "form.fu_written" if follow_up else "form.written"
    typer.echo(t(key, lang, code=code, path=str(done.path), count=done.rows))


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
    from cmwreport.commands import run_import

    lang = _lang(ui)
    done = run_import(file=file, force=force, approve=approve, root=root, lang=lang)
    _print_import_rows(done.result, lang)
    if done.checked is None:
        key = "import.none_written" if done.failed else "import.nothing"
        typer.echo(t(key, lang, path=done.file))
    else:
        _print_import_summary(done, done.checked, lang)
    raise typer.Exit(1 if done.failed else 0)


def _print_import_rows(result: ImportResult, lang: str) -> None:
    """One line per row that import added, updated, refused or found invalid."""
    for outcome in result.outcomes:
        if outcome.action == "unchanged":
            continue
        key = f"import.{outcome.action}"
        if result.follow_up and outcome.action in ("added", "updated"):
            key += "_follow_up"  # "follow-up entry updated", not "answer updated"
        typer.echo(t(key, lang, question=outcome.question, message=outcome.message))
        if outcome.action in ("added", "updated") and outcome.message:
            typer.echo(f"  {outcome.message}")


def _print_import_summary(done: ImportOutcome, checked: CheckResult, lang: str) -> None:
    """What import wrote, where the backup is, and what ``check`` now says of the body."""
    result = done.result
    counts = {
        action: result.count(action)
        for action in ("added", "updated", "unchanged", "refused", "invalid")
    }
    typer.echo(t("import.summary", lang, path=done.file, **counts))
    if result.backup is not None:
        typer.echo(t("import.backup", lang, path=str(result.backup)))
    if done.schema_hint is not None:
        typer.echo(done.schema_hint, err=True)
    typer.echo(
        t(
            "import.check",
            lang,
            code=result.code,
            errors=count_of("n.errors", checked.errors, lang),
            warnings=count_of("n.warnings", checked.warnings, lang),
        )
    )


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
    from cmwreport.commands import run_init

    lang = _lang(ui)
    done = run_init(directory=directory, root=root, lang=lang)
    typer.echo(t("init.done", lang, path=str(done.path), count=len(done.written)))


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
    follow_up: Annotated[
        bool, typer.Option("--follow-up", help=_h("cli.render.follow_up"))
    ] = False,
    root: RootOpt = None,
    ui: UiLangOpt = None,
) -> None:
    """Render the consolidated report as DOCX."""
    from cmwreport.commands import run_render

    lang = _lang(ui)
    done = run_render(
        root=root,
        final=final,
        allow_gaps=allow_gaps,
        report_lang=report_lang,
        output=output,
        follow_up=follow_up,
        lang=lang,
    )
    _print_render(done, lang)
    if done.failed:
        typer.echo(t("render.broken", lang, count=len(done.errors)), err=True)
        for problem in done.errors:
            typer.echo(problem.format(lang), err=True)
        raise typer.Exit(1)


def _print_render(done: RenderOutcome, lang: str) -> None:
    """Where the report went, its words against the limit, its counts, the gaps let through."""
    from cmwreport.i18n import language_name, number
    from cmwreport.text import percent

    report = done.report
    mode = t("render.mode.final" if report.final else "render.mode.draft", lang)
    language = language_name(report.lang, lang)
    written = "render.written_follow_up" if report.follow_up else "render.written"
    typer.echo(t(written, lang, path=str(done.path), mode=mode, language=language))
    if report.follow_up:
        _print_follow_up_words(report, lang)
    else:
        typer.echo(
            t(
                "render.words",
                lang,
                language=report.lang,
                words=number(report.words, lang),
                limit=number(report.limit, lang),
                percent=percent(report.words, report.limit),
                intro=number(report.intro_words, lang),
            )
        )
    counted = "n.recommendations" if report.follow_up else "n.units"
    if report.limit and report.words > report.limit:
        key = "render.over_limit_follow_up" if report.follow_up else "render.over_limit"
        typer.echo(t(key, lang, over=number(report.words - report.limit, lang)))
    typer.echo(
        t(
            "render.counts",
            lang,
            gaps=count_of(counted, len(report.gaps), lang),
            untranslated=count_of(counted, len(report.untranslated), lang),
            paragraphs=count_of("n.numbered_paragraphs", report.paragraphs, lang),
            footnotes=count_of("n.footnotes", len(report.footnotes), lang),
            tables=count_of("n.tables", report.tables, lang),
        )
    )
    if report.final and report.gaps:
        typer.echo(t("render.gaps_allowed", lang, count=len(report.gaps)))
        for gap in report.gaps:
            typer.echo(f"  {gap.describe(lang, report.lang)}")


def _print_follow_up_words(report: Report, lang: str) -> None:
    """The follow-up information's words, against its word limit when observations.yaml sets one."""
    from cmwreport.i18n import number
    from cmwreport.text import percent

    words = number(report.words, lang)
    if not report.limit:
        typer.echo(t("render.words_no_limit", lang, language=report.lang, words=words))
        return
    typer.echo(
        t(
            "render.words_follow_up",
            lang,
            language=report.lang,
            words=words,
            limit=number(report.limit, lang),
            percent=percent(report.words, report.limit),
        )
    )


_GC_THRESHOLD = 100_000
"""New objects between two collections of the youngest generation (Python's default: 700)."""


def _silence_stdout() -> None:
    """Point stdout at the null device so that the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def main() -> None:
    """Entry point of the ``cmwreport`` console script.

    The garbage collector runs far less often than Python's default (every 700 new
    objects): reading a workspace makes hundreds of thousands of objects that live until
    the command ends and hold no reference cycles, and each full collection walked all of
    them again (about a tenth of ``check``'s time at scale 30; docs/performance.md).
    Memory that reference counting frees is freed as before.
    """
    gc.set_threshold(_GC_THRESHOLD, 20, 100)
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
