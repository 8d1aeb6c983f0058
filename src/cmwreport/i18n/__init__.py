"""Message catalogues for the user interface, in English and Indonesian.

Every message a person reads (check messages, coverage labels, render markers, errors)
is looked up here by key. Problem codes and JSON keys are not translated. Each catalogue
module maps a key to an ``(english, indonesian)`` pair; a test fails if either is empty.
"""

from __future__ import annotations

import os

from cmwreport.i18n import core, coverage, integrity, render, workflow

UI_LANGS = ("en", "id")
DEFAULT_LANG = "en"

CATALOG: dict[str, tuple[str, str]] = {}
for _module in (core, coverage, render, workflow, integrity):
    for _key, _pair in _module.MESSAGES.items():
        if _key in CATALOG:  # pragma: no cover - guarded by a test
            raise RuntimeError(f"message key {_key!r} defined twice")
        CATALOG[_key] = _pair


def ui_lang(explicit: str | None = None) -> str:
    """Return the interface language: the explicit choice, else ``CMWREPORT_LANG``, else en."""
    for candidate in (explicit, os.environ.get("CMWREPORT_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in UI_LANGS:
                return code
    return DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """Return the message *key* in *lang*, formatted with *params*."""
    pair = CATALOG[key]
    text = pair[1] if lang == "id" else pair[0]
    return text.format(**params) if params else text


def language_name(code: str, lang: str = DEFAULT_LANG) -> str:
    """The name of language *code* in *lang* (``bahasa Indonesia``); unknown: the code."""
    pair = CATALOG.get(f"rpt.lang.{code}")
    if pair is None:
        return code
    return pair[1] if lang == "id" else pair[0]


def number(value: int, lang: str = DEFAULT_LANG) -> str:
    """Format a whole number with the thousands separator of *lang* (7,548 / 7.548)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "id" else text
