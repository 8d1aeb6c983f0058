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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmwreport.errors import CmwReportError
from cmwreport.i18n import t
from cmwreport.text import strip_illegal

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
            self._env = _environment(self.dirs)
        return self._env

    def find(self, name: str) -> Path | None:
        """The first file called *name* in the lookup folders, or None."""
        for folder in self.dirs:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        return None

    def reference_docx(self) -> Path:
        """The reference DOCX: the workspace's own, else the packaged one."""
        found = self.find(REFERENCE_DOCX)
        return found if found is not None else PACKAGED / REFERENCE_DOCX

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
        except Exception as exc:  # noqa: BLE001 - syntax errors in a coordinator's file
            raise self._error(exc, names[0]) from None
        try:
            text = template.render(lang=lang, **context)
        except Exception as exc:  # noqa: BLE001 - undefined names, sandbox refusals
            raise self._error(exc, template.name or names[0]) from None
        return strip_illegal(text).strip()

    def lines(self, name: str, /, **context: Any) -> list[str]:
        """Render the language-neutral template *name* and return its non-empty lines."""
        from jinja2 import TemplateNotFound

        try:
            template = self.env.get_template(name)
            text = template.render(**context)
        except TemplateNotFound:
            raise TemplateError(
                name, t("render.template_missing", self.ui_lang), lang=self.ui_lang
            ) from None
        except Exception as exc:  # noqa: BLE001
            raise self._error(exc, name) from None
        return [line.strip() for line in text.splitlines() if line.strip()]

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


def _environment(dirs: list[Path]) -> SandboxedEnvironment:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(d) for d in dirs], encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


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


_I_SOUND = re.compile(r"(?i)(?:i|í|hi|hí)(?![aeiouáéó])")
"""A word starting with the vowel /i/ (``Interior``, ``Hijos``), not ``hielo`` or ``Iowa``."""


def join_and(values: Iterable[object], lang: str = "en") -> str:
    """``A, B and C`` (``A, B dan C`` in Indonesian, ``A, B y C`` in Spanish)."""
    items = [str(v) for v in values if v not in (None, "")]
    if len(items) <= 1:
        return "".join(items)
    conjunction = t("rpt.and", lang)
    if lang == "es" and _I_SOUND.match(items[-1]):
        conjunction = "e"  # Spanish "y" becomes "e" before an /i/ sound: "Justicia e Interior"
    return ", ".join(items[:-1]) + " " + conjunction + " " + items[-1]


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
