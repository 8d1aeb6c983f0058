"""No answer text makes ``check`` or the report's Markdown reading take more than linear time.

Each pathological text goes through ``check`` (load, every check, word count) and through
``render``'s Markdown conversion; doubling the input may at most about double the time
(a backtracking regular expression would quadruple it). Times are the best of a few runs,
at sizes where that best is well above the timer's noise; no wall-clock limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cmwreport.checks import check_workspace
from cmwreport.markdown import parse
from cmwreport.workspace import load_workspace
from conftest import answers_with_text, write_workspace

PATTERNS = ["](", "[^", "*", "_", "`", "[", "![", "<a ", "[^1]: x\n", "| a ", "• "]
MAX_RATIO = 2.5


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _growth(make: Callable[[int], Callable[[], object]], size: int = 250) -> float:
    """How much longer twice the input takes, each time the best of a few runs.

    What the run costs without the text (an empty answer) is taken off both times. The
    size doubles until the smaller run is well above that and the timer's noise. The two
    sizes are timed in turn, so that a busy moment of the machine slows both; a ratio over
    the bound is measured again (twice at most) before it counts: a quadratic stays at 4.
    """
    empty = make(0)
    base = min(_seconds(empty) for _ in range(3))
    while min(_seconds(make(size)) for _ in range(2)) - base < 0.03 and size < 4_000_000:
        size *= 2
    small, large = make(size), make(2 * size)
    ratio = float("inf")
    for _ in range(3):
        best_small = best_large = float("inf")
        for _ in range(3):
            best_small = min(best_small, _seconds(small))
            best_large = min(best_large, _seconds(large))
        ratio = min(ratio, (best_large - base) / max(best_small - base, 1e-9))
        if ratio <= MAX_RATIO:
            break
    return ratio


_answers = answers_with_text


@pytest.mark.parametrize("pattern", PATTERNS)
def test_check_is_linear_on_pathological_text(tmp_path: Path, pattern: str) -> None:
    def make(size: int) -> Callable[[], object]:
        root = write_workspace(
            tmp_path / f"ws{size}", answers={"KEMNAKER": _answers(pattern * size)}
        )
        return lambda: check_workspace(load_workspace(root))

    assert _growth(make) <= MAX_RATIO


@pytest.mark.parametrize("pattern", PATTERNS)
def test_markdown_reading_is_linear_on_pathological_text(pattern: str) -> None:
    def make(size: int) -> Callable[[], object]:
        text = pattern * size
        return lambda: parse(text)

    assert _growth(make) <= MAX_RATIO
