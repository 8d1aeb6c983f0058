"""The interface's words: gettext catalogues, one per language, looked up by key.

Every message a person reads (check messages, coverage labels, render markers, errors,
``--help``) has a key (``chk.unknown_question``); its text in each language lives in
``cmwreport/locale/<lang>/LC_MESSAGES/cmwreport.po``, compiled to ``.mo`` when the package
is built or installed (``setup.py``). A language is a matter of files: a new catalogue
directory is a new ``--ui-lang``. Problem codes and JSON keys are never translated.

Placeholders are ``str.format`` fields (``{count}``). A message with a count has plural
forms in the catalogue (``msgid_plural``) and is read with :func:`tn`.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "cmwreport"
DEFAULT_LANG = "en"


def _languages() -> tuple[str, ...]:
    found = sorted(
        p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    )
    # English first: it is the default and the fallback of every other catalogue
    return tuple(sorted(found, key=lambda code: code != DEFAULT_LANG))


UI_LANGS = _languages()


def _compile(po: Path) -> bytes:
    """The ``.mo`` bytes of catalogue *po* (Babel), for a source tree not yet built."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


@functools.cache
def catalogue(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of *lang*, falling back to English for a missing message."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
        data = mo.read_bytes()
    else:  # a checkout whose catalogues changed since the install compiled them
        data = _compile(po)
    translations = gettext.GNUTranslations(io.BytesIO(data))
    if lang != DEFAULT_LANG:
        translations.add_fallback(catalogue(DEFAULT_LANG))
    return translations


@functools.cache
def message_keys() -> frozenset[str]:
    """Every message key (the English catalogue's ids)."""
    po = LOCALE_DIR / DEFAULT_LANG / "LC_MESSAGES" / f"{DOMAIN}.po"
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        return frozenset(m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id)


def ui_lang(explicit: str | None = None) -> str:
    """Return the interface language: the explicit choice, else ``CMWREPORT_LANG``, else en."""
    for candidate in (explicit, os.environ.get("CMWREPORT_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in UI_LANGS:
                return code
    return DEFAULT_LANG


def _lookup(key: str, lang: str) -> str:
    text = catalogue(lang if lang in UI_LANGS else DEFAULT_LANG).gettext(key)
    if text == key:
        raise KeyError(f"no message {key!r} in the catalogues")
    return text


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """Return the message *key* in *lang*, formatted with *params*.

    A message with plural forms in the catalogue (``msgid_plural``) takes the form that
    the whole number ``count`` among *params* asks for in *lang* ("1 file", "2 files";
    Indonesian has one form): callers pass ``count`` and need not know which messages
    have plural forms.
    """
    count = params.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        cat = catalogue(lang if lang in UI_LANGS else DEFAULT_LANG)
        text = cat.ngettext(key, key, count)
        if text != key:
            return text.format(**{**params, "count": number(count, lang)})
    text = _lookup(key, lang)
    return text.format(**params) if params else text


def count_of(key: str, count: int, lang: str = DEFAULT_LANG) -> str:
    """A number with its noun in *lang*: ``count_of("n.files", 3)`` is "3 files"."""
    return t(key, lang, count=count)


def has_message(key: str) -> bool:
    """Whether *key* names a message."""
    return key in message_keys()


def language_name(code: str, lang: str = DEFAULT_LANG) -> str:
    """The name of language *code* in *lang* (``bahasa Indonesia``); unknown: the code."""
    key = f"rpt.lang.{code}"
    try:
        return _lookup(key, lang)
    except KeyError:
        return code


def number(value: int, lang: str = DEFAULT_LANG) -> str:
    """Format a whole number with the thousands separator of *lang* (7,548 / 7.548)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang in ("id", "es") else text
