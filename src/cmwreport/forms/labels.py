"""The words a form shows, in Indonesian then English: forms travel between people.

Shared by the Excel and Word writers and by the Excel reader, which finds a sheet's
columns by these same headings.
"""

from __future__ import annotations

from cmwreport.i18n import language_name, t
from cmwreport.text import join_and


def both(key: str, sep: str = " / ", **params: object) -> str:
    """A label in Indonesian then English (forms travel between people)."""
    text_id, text_en = t(key, "id", **params), t(key, "en", **params)
    return text_id if text_id == text_en else f"{text_id}{sep}{text_en}"


def lang_tag(code: str) -> str:
    """``[bahasa Inggris / English]`` for ``en``."""
    return f"[{language_name(code, 'id')} / {language_name(code, 'en')}]"


def answer_label(code: str) -> tuple[str, str]:
    """The label of the answer place for language *code*: (Indonesian, English)."""
    return (
        t("form.col.answer_in", "id", lang=language_name(code, "id")),
        t("form.col.answer_in", "en", lang=language_name(code, "en")),
    )


def instructions(languages: list[str], follow_up: bool = False) -> list[tuple[str, str]]:
    """The short instructions on top of a form: (Indonesian, English) pairs.

    A follow-up form's speak of recommendations, entries and their implementation state.
    """
    langs_id = join_and([language_name(c, "id") for c in languages], "id")
    langs_en = join_and([language_name(c, "en") for c in languages], "en")
    own = "form.howto_fu" if follow_up else "form.howto"
    return [
        (t(f"{own}.1", "id", langs=langs_id), t(f"{own}.1", "en", langs=langs_en)),
        (t(f"{own}.2", "id"), t(f"{own}.2", "en")),
        (t("form.howto.3", "id"), t("form.howto.3", "en")),
        (t(f"{own}.4", "id"), t(f"{own}.4", "en")),
    ]
