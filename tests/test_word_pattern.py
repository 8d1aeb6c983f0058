"""The fast word count, bad-character searches and abbreviations' search equal the plain ones."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cmwreport.abbreviations import TextIndex
from cmwreport.text import (
    _CLASSES,
    DOCX_ILLEGAL,
    YAML_UNREADABLE,
    count_words,
    search_docx_illegal,
    search_yaml_unreadable,
)
from cmwreport.wordcount import list_markers

# The pattern of the one word count before it lost its look-behind (the reference).
_REFERENCE = re.compile(r"[^\W_]+(?:(?:['’.\-/]|(?<=\d),(?=\d))[^\W_]+)*")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\[\]\s]*\]:?")
_LINK_TARGET = re.compile(r"\]\([^)\[\]\s]*\)")


def reference_words(text: str) -> int:
    if "]" in text:
        text = _FOOTNOTE_MARK.sub(" ", text)
        text = _LINK_TARGET.sub("]", text)
    return len(_REFERENCE.findall(text))


# Characters that matter to the pattern: letters, digits (also non-ASCII), the joiners,
# the comma, "_", spaces, Markdown's brackets and a few others.
_CHARS = st.sampled_from(
    list("aZé1٣9,,,..'’-/_ \n[]^()x*|:;²½ßǅ—“") + ["1,2", ",0", "a,", "\u0301", "\ud800"]
)
_TEXT = st.lists(_CHARS, max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_count_words_equals_the_pattern_on_words_and_joiners(text: str) -> None:
    assert count_words(text) == reference_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_count_words_equals_the_reference_on_any_text(text: str) -> None:
    assert count_words(text) == reference_words(text)


def test_digit_commas_join_numbers_only() -> None:
    assert count_words("1,200 and 9,4 and a,b and 1, 2 and ,5 and 1,2,3") == 13
    assert count_words("x1,2") == 1


def _reference_has(text: str, short: str) -> bool:
    short = short.strip()
    return bool(short) and any(
        (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"))
        and (
            at + len(short) == len(text)
            or not (text[at + len(short)].isalnum() or text[at + len(short)] == "_")
        )
        for at in range(len(text))
        if text.startswith(short, at)
    )


_ABBR_TEXT = st.lists(
    st.sampled_from(["BPS", "BPJS", "bps", "_", " ", "\n", "P.P.", "x", "ſ", "2"]), max_size=12
).map("".join)
_SHORT = st.sampled_from(["BPS", "BPJS", "bps", "P.P.", "S\nB", " BPS ", "B", "2", "P.", ""])


@settings(max_examples=1500, deadline=None)
@given(_ABBR_TEXT, _ABBR_TEXT, st.lists(_SHORT, max_size=4), st.lists(_SHORT, max_size=4))
def test_text_index_equals_a_plain_search_before_and_after_extending(
    first: str, added: str, before: list[str], after: list[str]
) -> None:
    index = TextIndex(first)
    for short in before:
        assert index.has(short) == _reference_has(first, short)
    index.extend(added)
    whole = first + "\n" + added
    for short in [*before, *after, *before]:
        assert index.has(short) == _reference_has(whole, short), (whole, short)


def test_a_short_form_across_the_join_is_found_after_extending() -> None:
    index = TextIndex("the S")
    assert not index.has("S\nB") and not index.has("S\nKP2MI") and not index.has("KP2MI")
    index.extend("B of KP2MI")
    assert index.has("S\nB") and index.has("KP2MI") and not index.has("S\nKP2MI")


_CONTROL_TEXT = st.lists(
    st.sampled_from(
        list("a \t\n\r\x00\x07\x0b\x0c\x1f\x7f\x80\x84\x85\x86\x9f\xa0é’\ufffd\ufffe\uffff")
        + ["\ud800", "\udfff", "\U0001f600", "\u00c2", "\u0100"]
    ),
    max_size=20,
).map("".join)


# The YAML reader's printable set, as first written (its complement is what it refuses).
_NOT_YAML_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def test_refused_characters_are_the_complement_of_the_printable_set() -> None:
    everything = "".join(map(chr, range(0x110000)))
    assert YAML_UNREADABLE.findall(everything) == _NOT_YAML_PRINTABLE.findall(everything)


@settings(max_examples=2000, deadline=None)
@given(_CONTROL_TEXT)
def test_fast_searches_for_bad_characters_equal_their_patterns(text: str) -> None:
    for fast, pattern in [
        (search_docx_illegal, DOCX_ILLEGAL),
        (search_yaml_unreadable, YAML_UNREADABLE),
    ]:
        found, expected = fast(text), pattern.search(text)
        assert (found and found.start()) == (expected and expected.start()), (text, pattern)


# The ordered-list marker as first written, with ``^`` and ``$`` at every line.
_MARKER_AT_LINE_START = re.compile(r"^[ \t>]*(?:\d{1,9}[.)])(?=[ \t]|$)", re.MULTILINE)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*"12 \t>.)\na", "1234567890"]), max_size=16).map("".join))
def test_list_markers_equal_the_pattern_at_every_line_start(text: str) -> None:
    assert list_markers(text) == len(_MARKER_AT_LINE_START.findall(text))


def test_every_code_point_gets_the_class_the_pattern_gives_it() -> None:
    everything = "".join(map(chr, range(0x110000)))
    classes = everything.encode("ascii", "cmwreport.word_classes").translate(_CLASSES)
    assert len(classes) == len(everything)  # one class per character
    letters = {at for at, c in enumerate(classes) if c == ord("a")}
    joiners = {at for at, c in enumerate(classes) if c == ord("j")}
    assert letters == {m.start() for m in re.finditer(r"[^\W_]", everything)}
    assert joiners == {ord(c) for c in "'’.-/"}
