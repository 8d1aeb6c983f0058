"""The one Jinja environment of cmwreport: the report's wording, order and structure.

Templates are looked up in the workspace's ``templates/`` folder first, then in the
defaults packaged with cmwreport (``cmwreport/templates/``), file by file: a coordinator
copies one default into the workspace's ``templates/`` and edits it, and every other
template keeps its default. Wording lives in one folder per language
(``templates/en/reply_heading.j2``, ``templates/id/reply_heading.j2``); a language without
its own folder uses the English wording. The environment is sandboxed, an undefined
variable is an error (never silently empty text), and filters are registered here by name.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmwreport.errors import CmwReportError
from cmwreport.i18n import number, t
from cmwreport.text import join_and, strip_illegal

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

PACKAGED = Path(__file__).resolve().parent / "templates"
"""The packaged default templates and reference DOCX."""

TEMPLATES_DIR = "templates"
"""The folder of a workspace that overrides the packaged defaults."""

REFERENCE_DOCX = "reference.docx"


class TemplateError(CmwReportError):
    """A template cannot be read or rendered (syntax error, unknown variable, missing file)."""

    def __init__(self, name: str, detail: str, line: int | None = None, lang: str = "en") -> None:
        where = f"{name}:{line}" if line else name
        super().__init__(t("render.template_error", lang, where=where, detail=detail))
        self.name = name
        self.line = line


@dataclass
class Templates:
    """The template folders of one workspace, in lookup order, and their Jinja environment."""

    dirs: list[Path]
    ui_lang: str = "en"
    _env: SandboxedEnvironment | None = field(default=None, repr=False)

    @property
    def env(self) -> SandboxedEnvironment:
        """The sandboxed Jinja environment over :attr:`dirs` (built on first use)."""
        if self._env is None:
            self._env = _environment(self.dirs, self.ui_lang)
        return self._env

    def find(self, name: str) -> Path | None:
        """The first file called *name* in the lookup folders, or None."""
        for folder in self.dirs:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        return None

    def reference_docx(self) -> Path:
        """The reference DOCX: the workspace's own, else the packaged one.

        The workspace's own is checked first (:func:`check_reference_docx`): a zip bomb or
        a file that is no DOCX gives a clear error before python-docx opens it.
        """
        found = self.find(REFERENCE_DOCX)
        if found is None:
            return PACKAGED / REFERENCE_DOCX
        check_reference_docx(found, f"{TEMPLATES_DIR}/{REFERENCE_DOCX}", lang=self.ui_lang)
        return found

    def names(self, name: str, lang: str) -> list[str]:
        """The template names tried for *name* in *lang*: that language's, then English."""
        candidates = [f"{lang}/{name}"]
        if lang != "en":
            candidates.append(f"en/{name}")
        return candidates

    def render(self, name: str, lang: str, /, **context: Any) -> str:
        """Render the wording template *name* in *lang* with *context*, trimmed."""
        from jinja2 import TemplateNotFound, TemplatesNotFound

        names = self.names(name, lang)
        try:
            template = self.env.select_template(names)
        except (TemplateNotFound, TemplatesNotFound):
            raise TemplateError(
                names[0], t("render.template_missing", self.ui_lang), lang=self.ui_lang
            ) from None
        except _caught() as exc:  # syntax errors, unreadable files
            raise self._users_error(exc, names[0]) from None
        try:
            text = _bounded_render(self.env, template, {"lang": lang, **context})
        except _caught() as exc:  # undefined names, sandbox refusals, 1 / 0
            raise self._users_error(exc, template.name or names[0]) from None
        return strip_illegal(text).strip()

    def lines(self, name: str, /, **context: Any) -> list[str]:
        """Render the language-neutral template *name* and return its non-empty lines."""
        text = self.page(name, **context)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def page(self, name: str, /, **context: Any) -> str:
        """Render the language-neutral template *name*, a whole page, and return its text.

        Used for the HTML dashboard (``html/dashboard.html.j2``); the text is kept exactly
        as the template wrote it.
        """
        from jinja2 import TemplateNotFound

        try:
            template = self.env.get_template(name)
            text = _bounded_render(self.env, template, context)
        except TemplateNotFound:
            raise TemplateError(
                name, t("render.template_missing", self.ui_lang), lang=self.ui_lang
            ) from None
        except _caught() as exc:
            raise self._users_error(exc, name) from None
        return text

    def _users_error(self, exc: Exception, name: str) -> TemplateError:
        """*exc* as the coordinator's :class:`TemplateError`, or *exc* itself if it is our bug.

        Jinja's own errors, the limits' and endless recursion are always the template's
        (the last wherever the interpreter happened to stop it). Another Python error
        (``1 / 0``, ``"a" + 1``) is the template's when the template's code or Jinja
        running it raised it; raised inside a filter or global of ours, it is a bug in
        cmwreport and goes on to the command line's internal-error report.
        """
        from jinja2 import TemplateError as JinjaError

        always = JinjaError | TemplateLimitError | RecursionError  # a macro calling itself
        if isinstance(exc, always) or _raised_by_template(exc, self.dirs):
            return self._error(exc, name)
        raise exc

    def _error(self, exc: Exception, name: str) -> TemplateError:
        """A :class:`TemplateError` for *exc*, naming the file and line at fault.

        Jinja gives the line of a syntax error; for an error while rendering (an unknown
        variable, a failing filter) the line is the template frame's in the traceback.
        A workspace template is named by its path in the workspace (``templates/en/…``).
        """
        filename = getattr(exc, "filename", None)
        name = str(getattr(exc, "name", None) or name)
        line = getattr(exc, "lineno", None)
        if not isinstance(line, int) or not line:
            line = None
            found = _template_frame(exc, self.dirs)
            if found is not None:
                name, line = found
                filename = None
        if len(self.dirs) > 1:
            own = self.dirs[0] / name
            if own.is_file() and (filename is None or Path(filename) == own):
                name = f"{TEMPLATES_DIR}/{name}"
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        return TemplateError(name, str(message), line, lang=self.ui_lang)


def templates_for(root: Path | None, *, ui_lang: str = "en") -> Templates:
    """The templates of the workspace at *root* (its ``templates/`` first), then the defaults."""
    dirs: list[Path] = []
    if root is not None:
        dirs.append(Path(root) / TEMPLATES_DIR)
    dirs.append(PACKAGED)
    return Templates(dirs=dirs, ui_lang=ui_lang)


_PYTHON_ERRORS: tuple[type[Exception], ...] = (
    ArithmeticError,  # 1 / 0, 10.0 ** 1000
    LookupError,  # "%(a)s" % {}
    TypeError,  # "a" + 1, a filter given the wrong arguments
    ValueError,  # "x" | int(base=99), a template file that is not UTF-8
    RecursionError,  # a macro calling itself without end
    OSError,  # an included template that cannot be read
)
"""Python errors a template's own expressions can cause."""


def _caught() -> tuple[type[Exception], ...]:
    """What rendering a template may raise because of the template: Jinja's and the above."""
    from jinja2 import TemplateError as JinjaError

    return (JinjaError, TemplateLimitError, *_PYTHON_ERRORS)


def _raised_by_template(exc: BaseException, dirs: list[Path]) -> bool:
    """Whether *exc* came from a template's code or Jinja running it, not from our Python.

    The innermost Python frame of the traceback tells: a template (compiled from a file in
    *dirs*, or from a string), or Jinja's own modules, versus anything else — a filter or
    global function that cmwreport gave the templates.
    """
    import jinja2

    tb = exc.__traceback__
    if tb is None:
        return True
    while tb.tb_next is not None:
        tb = tb.tb_next
    filename = tb.tb_frame.f_code.co_filename
    if filename.startswith("<"):  # <template>, <string>: code Jinja compiled
        return True
    path = Path(filename)
    trusted = [Path(jinja2.__file__).parent, *dirs]
    return any(path.is_relative_to(folder) for folder in trusted)


def _template_frame(exc: BaseException, dirs: list[Path]) -> tuple[str, int] | None:
    """The template (its name in the lookup folders) and line where *exc* was raised."""
    found: tuple[str, int] | None = None
    tb = exc.__traceback__
    while tb is not None:
        path = Path(tb.tb_frame.f_code.co_filename)
        for folder in dirs:
            if path.is_relative_to(folder):
                found = (path.relative_to(folder).as_posix(), tb.tb_lineno)
                break
        tb = tb.tb_next
    return found


# ------------------------------------------------------------------ bounded execution
# A coordinator's template runs in Jinja's sandbox, which keeps it away from Python's
# internals but not from running for ever (two nested `range(100000)` loops) or building
# gigabytes of text. Every call, attribute or item lookup, arithmetic operation and item
# of a `range` spends one step of a budget; the budget also has a time limit, checked as
# steps are spent, and the text a template writes is counted as it is produced.

MAX_TEMPLATE_STEPS = 500_000
"""Steps one rendering of a template may take (the defaults take a few hundred)."""
MAX_TEMPLATE_SECONDS = 10.0
"""Time one rendering of a template may take."""
MAX_TEMPLATE_OUTPUT = 5_000_000
"""Characters one rendering of a template may write (and longest text an operation makes)."""
MAX_POWER_BITS = 100_000
"""Largest number (in bits) that ``**`` may make."""


class TemplateLimitError(Exception):
    """A template went over its budget of steps, time or size."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class _Budget:
    """What one rendering has spent, and its limits."""

    lang: str = "en"
    steps: int = 0
    deadline: float = 0.0

    def spend(self, steps: int = 1) -> None:
        self.steps += steps
        if self.steps > MAX_TEMPLATE_STEPS:
            raise TemplateLimitError(
                t("render.template_steps", self.lang, limit=number(MAX_TEMPLATE_STEPS, self.lang))
            )
        if self.steps % 1024 == 0 and time.monotonic() > self.deadline:
            raise TemplateLimitError(
                t("render.template_time", self.lang, seconds=int(MAX_TEMPLATE_SECONDS))
            )


def _bounded_render(env: SandboxedEnvironment, template: Any, context: dict[str, Any]) -> str:
    """Render *template* within a fresh budget, counting the text as it is written."""
    budget = _Budget(lang=getattr(env, "ui_lang", "en"))
    budget.deadline = time.monotonic() + MAX_TEMPLATE_SECONDS
    env.budget = budget  # type: ignore[attr-defined]
    parts: list[str] = []
    size = 0
    try:
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > MAX_TEMPLATE_OUTPUT:
                raise TemplateLimitError(
                    t(
                        "render.template_size",
                        budget.lang,
                        limit=number(MAX_TEMPLATE_OUTPUT, budget.lang),
                    )
                )
            budget.spend()
            parts.append(chunk)
    finally:
        env.budget = _Budget(lang=budget.lang, deadline=float("inf"))  # type: ignore[attr-defined]
    return "".join(parts)


class _Range:
    """``range()`` in a template: each item it gives spends a step."""

    def __init__(self, env: Any, values: range) -> None:
        self.env = env
        self.values = values

    def __iter__(self) -> Iterator[int]:
        for value in self.values:
            self.env.budget.spend()
            yield value

    def __len__(self) -> int:
        return len(self.values)

    def __contains__(self, value: object) -> bool:
        return value in self.values


def _make_bounded_environment(**options: Any) -> SandboxedEnvironment:
    from jinja2.sandbox import SandboxedEnvironment, safe_range

    class BoundedEnvironment(SandboxedEnvironment):
        """The sandbox with a budget of steps, time and size (see above)."""

        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.budget = _Budget(deadline=float("inf"))
            self.globals["range"] = lambda *args: _Range(self, safe_range(*args))
            self.globals.pop("lipsum", None)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            __self.budget.spend()
            return super().call(__context, __obj, *args, **kwargs)

        def getattr(self, obj: Any, attribute: str) -> Any:
            self.budget.spend()
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            self.budget.spend()
            return super().getitem(obj, argument)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.budget.spend()
            _check_binop(operator, left, right, self.budget.lang)
            return super().call_binop(context, operator, left, right)

    return BoundedEnvironment(**options)


def _check_binop(operator: str, left: Any, right: Any, lang: str) -> None:
    """Refuse an operation whose result would be too big to make."""
    too_big = False
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                too_big = too_big or len(seq) * times > MAX_TEMPLATE_OUTPUT
    elif operator == "**" and isinstance(left, int) and isinstance(right, int):
        too_big = right > 0 and max(abs(left), 2).bit_length() * right > MAX_POWER_BITS
    elif operator == "%" and isinstance(left, str):
        widths = re.findall(r"%[-+ #0]*(\d+)", left) + re.findall(r"\.(\d+)", left)
        too_big = any(len(w) > 6 or int(w) > MAX_TEMPLATE_OUTPUT for w in widths)
    elif operator == "+" and isinstance(left, (str, list)) and isinstance(right, (str, list)):
        too_big = len(left) + len(right) > MAX_TEMPLATE_OUTPUT
    if too_big:
        raise TemplateLimitError(
            t("render.template_size", lang, limit=number(MAX_TEMPLATE_OUTPUT, lang))
        )


# ------------------------------------------------------------------ the reference DOCX

MAX_REFERENCE_BYTES = 50 * 1024 * 1024
"""Largest reference DOCX accepted (a real one, with fonts and a logo, is far smaller)."""
MAX_REFERENCE_ENTRIES = 1000
"""Most entries its zip container may hold."""
MAX_REFERENCE_UNCOMPRESSED = 200 * 1024 * 1024
"""Largest total size its entries may unpack to."""
MAX_REFERENCE_RATIO = 200
"""Largest compression ratio of an entry over 1 MiB (text compresses 5-20 times)."""


def check_reference_docx(path: Path, name: str, *, lang: str = "en") -> None:
    """Raise :class:`TemplateError` unless *path* is a DOCX safe to open.

    Checks, before python-docx opens it, that it is a zip archive, its size, the number of
    entries and what each declares it unpacks to (zip bombs). Python's zip reader never
    unpacks more than an entry declares, so the declared sizes bound the real cost.
    """
    import zipfile

    def refuse(key: str, **params: object) -> TemplateError:
        return TemplateError(name, t(key, lang, **params), lang=lang)

    try:
        size = path.stat().st_size
        if size > MAX_REFERENCE_BYTES:
            raise refuse("render.reference_too_big", size=number(size, lang))
        if not zipfile.is_zipfile(path):
            raise refuse("render.reference_not_docx")
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, RuntimeError) as exc:
        raise refuse("render.reference_unreadable", reason=str(exc)) from None
    if len(infos) > MAX_REFERENCE_ENTRIES:
        raise refuse("render.reference_entries", count=number(len(infos), lang))
    total = sum(info.file_size for info in infos)
    bomb = total > MAX_REFERENCE_UNCOMPRESSED or any(
        info.file_size > 1024 * 1024
        and info.file_size > MAX_REFERENCE_RATIO * max(info.compress_size, 1)
        for info in infos
    )
    if bomb:
        raise refuse("render.reference_bomb", size=number(total, lang))
    if "word/document.xml" not in {info.filename for info in infos}:
        raise refuse("render.reference_not_docx")


def _environment(dirs: list[Path], ui_lang: str = "en") -> SandboxedEnvironment:
    from jinja2 import FileSystemLoader, StrictUndefined, pass_eval_context, select_autoescape

    env = _make_bounded_environment(
        loader=FileSystemLoader([str(d) for d in dirs], encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=HTML_EXTENSIONS, default=False),
        finalize=pass_eval_context(_escape_as_html),
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.ui_lang = ui_lang  # type: ignore[attr-defined]
    return env


HTML_EXTENSIONS = ("html", "html.j2")
"""Templates whose output is HTML (``html/dashboard.html.j2``): everything they print is
escaped. The report's wording templates (``.j2``) write plain text and are not escaped."""


def _escape_as_html(eval_ctx: Any, value: Any) -> Any:
    """What ``{{ value }}`` prints: in an HTML template, *value* escaped; elsewhere unchanged.

    Escaped as :func:`html.escape` does (``&quot;`` and ``&#x27;``, as the dashboard has
    always written them); Jinja's own escaping then leaves the result alone (it is markup).
    """
    if not eval_ctx.autoescape or value is None or hasattr(value, "__html__"):
        return value
    from html import escape

    from markupsafe import Markup

    return Markup(escape(str(value), quote=True))


# ------------------------------------------------------------------------------ filters


_DATE_PATTERNS = {"es": "{day} de {month} de {year}"}
"""How a language writes a date, where it is not ``{day} {month} {year}``."""


def format_date(value: object, lang: str = "en") -> str:
    """A date as in UN documents: ``31 July 2025``, ``31 Juli 2025``, ``31 de julio de 2025``."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if not isinstance(value, dt.date):
        return "" if value is None else str(value)
    month = t(f"rpt.month.{value.month}", lang)
    pattern = _DATE_PATTERNS.get(lang, "{day} {month} {year}")
    return pattern.format(day=value.day, month=month, year=value.year)


def _names(bodies: Iterable[Mapping[str, Any]]) -> list[str]:
    """The names of *bodies* (as passed to the templates)."""
    return [str(body.get("name", "")) for body in bodies]


def _abbreviations(bodies: Iterable[Mapping[str, Any]]) -> list[str]:
    """The abbreviations of *bodies*, or their codes when they have none."""
    return [str(body.get("abbreviation") or body.get("code", "")) for body in bodies]


def _prefix(values: Iterable[object], text: str) -> list[str]:
    """Each of *values* with *text* put in front (``names | prefix("the ")``)."""
    return [f"{text}{v}" for v in values]


FILTERS: dict[str, Callable[..., Any]] = {
    "date": format_date,
    "join_and": join_and,
    "names": _names,
    "abbreviations": _abbreviations,
    "prefix": _prefix,
}
"""Filters the templates may use, registered explicitly by name."""
