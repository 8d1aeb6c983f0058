"""Small text utilities shared by checks, coverage and rendering: words, lists, bad characters.

Kept free of heavy imports so that ``cmwreport check`` stays fast.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from typing import Any

from cmwreport.i18n import t

# Characters XML 1.0 (and so a DOCX) cannot hold, even when written as YAML escapes.
DOCX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Characters the YAML reader refuses outright (the complement of its printable set: tab,
# line feed, carriage return, \x20-\x7e, \x85, \xa0-\ud7ff, \ue000-\ufffd and the astral
# planes); they usually arrive pasted from Word (vertical tab, form feed) or PDF (C1
# controls). Written as the characters refused: compiling the complement took 12-20 ms
# at every start (tests/test_word_pattern.py holds the two equal).
YAML_UNREADABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)


def _ascii_kept(bad: str) -> bytes:
    """Every byte but the ASCII characters in *bad* (what ``bytes.translate`` deletes)."""
    return bytes(b for b in range(256) if chr(b) not in bad)


_DOCX_ILLEGAL_BYTES = (
    _ascii_kept("".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")),
    re.compile(rb"\xef\xbf[\xbe\xbf]"),  # U+FFFE, U+FFFF in UTF-8
)
_YAML_UNREADABLE_BYTES = (
    _ascii_kept("".join(chr(c) for c in [*range(0x20), 0x7F] if chr(c) not in "\t\n\r")),
    re.compile(rb"\xef\xbf[\xbe\xbf]|\xc2[\x80-\x84\x86-\x9f]"),  # and C1 controls
)


def _may_hold(text: str, kind: tuple[bytes, re.Pattern[bytes]]) -> bool:
    """False when *text* surely holds none of the characters of *kind* (fast, in UTF-8).

    The ASCII ones are what ``bytes.translate`` leaves when it deletes every other byte;
    those outside ASCII are found by their UTF-8 bytes; a lone surrogate (which UTF-8
    cannot hold) is in both sets. Several times faster than the pattern over the text.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    kept, outside = kind
    return bool(data.translate(None, kept)) or (
        not data.isascii() and outside.search(data) is not None
    )


def search_docx_illegal(text: str) -> re.Match[str] | None:
    """The first character of *text* a DOCX cannot hold (``DOCX_ILLEGAL.search``), fast."""
    return DOCX_ILLEGAL.search(text) if _may_hold(text, _DOCX_ILLEGAL_BYTES) else None


def search_yaml_unreadable(text: str) -> re.Match[str] | None:
    """The first character of *text* YAML refuses (``YAML_UNREADABLE.search``), fast."""
    return YAML_UNREADABLE.search(text) if _may_hold(text, _YAML_UNREADABLE_BYTES) else None


# Neither pattern may scan past the next bracket: on text like "](](](" or "[^[^[^" a
# pattern that did would rescan the rest of the text from every bracket (quadratic time).
_FOOTNOTE_MARK = re.compile(r"\[\^[^\[\]\s]*\]:?")
_LINK_TARGET = re.compile(r"\]\([^)\[\]\s]*\)")
_DIGIT_COMMA = re.compile(r",(?<=\d,)(?=\d)")
"""A comma between two digits: it joins the two words around it into one (``1,200``)."""


def _word_classes(error: UnicodeError) -> tuple[str, int]:
    r"""Encoding error handler: each character ASCII cannot hold, as its class for the count.

    ``a`` for a letter or digit (what ``str.isalnum`` and so the ``\w`` of :mod:`re` take),
    ``'`` for the typographic apostrophe ``’`` (it joins words), a space for anything else.
    """
    assert isinstance(error, UnicodeEncodeError)
    chunk = error.object[error.start : error.end]
    classes = "".join("a" if c.isalnum() else "'" if c == "’" else " " for c in chunk)
    return classes, error.end


codecs.register_error("cmwreport.word_classes", _word_classes)

_CLASSES = bytes(
    ord("a") if chr(b).isascii() and chr(b).isalnum() else ord("j") if chr(b) in "'.-/" else 32
    for b in range(256)
)
"""Each ASCII character as its class: ``a`` a letter or digit, ``j`` a joiner, else a space."""


def count_words(text: str) -> int:
    r"""Count the words of Markdown *text* as a reader of the report would count them.

    A word is letters and digits, joined by an apostrophe, ``.``, ``-``, ``/`` (``e-KTP``,
    ``No.18/2017``) or, between digits, ``,`` (``1,200``, ``9,4``: a number is one word in
    every language, as the report prints it); ``_`` is not part of a word. Footnote markers
    and link targets are not words; footnote definitions are (the UN word limit counts
    footnotes). ``tests/test_word_pattern.py`` holds this count equal to the regular
    expression ``[^\W_]+(?:(?:['’.\-/]|(?<=\d),(?=\d))[^\W_]+)*`` on any text.

    How: each character becomes its class (``a`` word, ``j`` joiner, space), with
    ``bytes.translate`` (characters outside ASCII go through :func:`_word_classes`). A word
    starts at an ``a`` that follows a space, or a joiner that does not itself follow an
    ``a`` (a joiner between two ``a`` joins them): three ``bytes.count``. Then each comma
    between two digits joins two words into one. About four times faster than the regular
    expression, which took a sixth of ``check``'s time at scale 30.
    """
    if not text:
        return 0
    if "]" in text:  # both a footnote marker and a link target hold one
        text = _FOOTNOTE_MARK.sub(" ", text)
        text = _LINK_TARGET.sub("]", text)
    classes = b" " + text.encode("ascii", "cmwreport.word_classes").translate(_CLASSES)
    words = classes.count(b" a") + classes.count(b" ja") + classes.count(b"jja")
    if "," in text:
        words -= _DIGIT_COMMA.subn("", text)[1]
    return words


def count_words_in(values: Iterable[object]) -> int:
    """Count the words of several values (table titles and cells), numbers included."""
    return sum(count_words(str(v)) for v in values if v is not None)


def percent(part: int, whole: int) -> int:
    """*part* as a whole percentage of *whole* (0 when *whole* is 0)."""
    return round(100 * part / whole) if whole else 0


_I_SOUND = re.compile(r"(?i)(?:i|í|hi|hí)(?![aeiouáéó])")
"""A word starting with the vowel /i/ (``Interior``, ``Hijos``), not ``hielo`` or ``Iowa``."""


def join_and(values: Iterable[object], lang: str = "en") -> str:
    """*values* as ``A, B and C`` in *lang*: ``A, B dan C`` in Indonesian, ``A, B y C`` in Spanish.

    The one joiner of lists for people to read. Empty values are left out. The conjunction
    is the catalogue's ``rpt.and``, or ``rpt.and_before_i`` before a word starting with the
    sound /i/, where Spanish writes ``e`` for ``y`` (``Justicia e Interior``).
    """
    items = [str(v) for v in values if v is not None and v != ""]
    if len(items) <= 1:
        return "".join(items)
    key = "rpt.and_before_i" if _I_SOUND.match(items[-1]) else "rpt.and"
    return ", ".join(items[:-1]) + " " + t(key, lang) + " " + items[-1]


def has_text(text: str) -> bool:
    """Whether *text* holds anything but whitespace (``bool(text.strip())`` without a copy)."""
    return bool(text) and not text.isspace()


def strip_illegal(text: str) -> str:
    """Remove the characters a DOCX cannot hold."""
    return DOCX_ILLEGAL.sub("", text)


def first_words(text: str, limit: int = 12) -> str:
    """Return the first *limit* words of *text*, with an ellipsis when cut."""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    return " ".join(words[:limit]) + " …"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet program may take as the start of a formula when it opens a CSV file."""


def csv_cell(value: object) -> object:
    """*value* as a CSV cell that no spreadsheet turns into a formula (text behind ``'``)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def text_not_formula(workbook: Any) -> None:
    """Store every text of an openpyxl *workbook* that starts with ``=`` as text, not a formula.

    cmwreport writes no formulas of its own: whatever openpyxl took for one is text from a
    user's file (a body's name, a question) and must stay text.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
