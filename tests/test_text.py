"""``text.join_and``: the one "A, B and C" joiner, worded by the message catalogues."""

from __future__ import annotations

import pytest

from cmwreport import templating
from cmwreport.text import join_and

CASES = [
    ("en", ["Kemnaker"], "Kemnaker"),
    ("en", ["Kemnaker", "Kemlu"], "Kemnaker and Kemlu"),
    ("en", ["Kemnaker", "Kemlu", "KP2MI"], "Kemnaker, Kemlu and KP2MI"),
    ("id", ["Kemnaker"], "Kemnaker"),
    ("id", ["Kemnaker", "Kemlu"], "Kemnaker dan Kemlu"),
    ("id", ["Kemnaker", "Kemlu", "KP2MI"], "Kemnaker, Kemlu dan KP2MI"),
    ("es", ["Trabajo"], "Trabajo"),
    ("es", ["Trabajo", "Justicia"], "Trabajo y Justicia"),
    ("es", ["Trabajo", "Justicia", "Hacienda"], "Trabajo, Justicia y Hacienda"),
]


@pytest.mark.parametrize(("lang", "values", "joined"), CASES)
def test_join_and_in_each_language(lang: str, values: list[str], joined: str) -> None:
    assert join_and(values, lang) == joined


def test_nothing_to_join_is_empty() -> None:
    assert join_and([], "en") == ""
    assert join_and(["", None], "id") == ""


def test_empty_values_are_left_out() -> None:
    assert join_and(["Kemnaker", "", None, "Kemlu"], "en") == "Kemnaker and Kemlu"


def test_spanish_writes_e_before_the_sound_i_in_every_language_s_own_word() -> None:
    assert join_and(["Trabajo", "Justicia", "Interior"], "es") == "Trabajo, Justicia e Interior"
    assert join_and(["Labour", "Interior"], "en") == "Labour and Interior"
    assert join_and(["Tenaga Kerja", "Imigrasi"], "id") == "Tenaga Kerja dan Imigrasi"


def test_the_template_filter_is_the_same_joiner() -> None:
    assert templating.FILTERS["join_and"] is join_and
