"""A form in either format: make one (:func:`make_form`) and read one back (:func:`read_form`).

The format of a form is chosen when it is made (``docx`` or ``xlsx``) and found from the
file itself when it is read back, after :func:`cmwreport.forms.safety.check_container`
has checked the file is safe to open.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cmwreport.forms.collect import (
    ANSWERS,
    FOLLOW_UP,
    FilledForm,
    FormData,
    FormError,
    collect_form,
)
from cmwreport.forms.docx import read_docx, write_docx
from cmwreport.forms.safety import check_container
from cmwreport.forms.xlsx import read_xlsx, write_xlsx
from cmwreport.i18n import t
from cmwreport.workspace import load_workspace


def make_form(
    root: Path,
    code: str,
    fmt: str,
    *,
    lang: str = "en",
    today: dt.date | None = None,
    follow_up: bool = False,
) -> tuple[bytes, FormData]:
    """Build the form of *code* as DOCX or XLSX bytes; return them with the form's data.

    With *follow_up*, the form of the body's follow-up entries on its recommendations.
    """
    ws = load_workspace(Path(root), lang=lang)
    kind = FOLLOW_UP if follow_up else ANSWERS
    form = collect_form(ws, code, lang=lang, today=today or dt.date.today(), kind=kind)
    if fmt == "docx":
        return write_docx(form), form
    if fmt == "xlsx":
        return write_xlsx(form), form
    raise FormError(t("err.bad_option", lang, option="--format", value=fmt, choices="docx, xlsx"))


def default_form_path(
    root: Path, code: str, fmt: str, today: dt.date | None = None, *, follow_up: bool = False
) -> Path:
    """``build/forms/<CODE>-<date>.<fmt>`` (``<CODE>-follow-up-<date>.<fmt>`` for follow-up)."""
    day = (today or dt.date.today()).isoformat()
    name = f"{code}-follow-up-{day}" if follow_up else f"{code}-{day}"
    return Path(root) / "build" / "forms" / f"{name}.{fmt}"


def read_form(path: Path, *, lang: str = "en") -> FilledForm:
    """Read a filled form after checking the file is safe and is a cmwreport form."""
    path = Path(path)
    kind = check_container(path, lang)
    return read_xlsx(path, lang) if kind == "xlsx" else read_docx(path, lang)
