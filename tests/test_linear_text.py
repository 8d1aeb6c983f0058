"""No answer text makes ``check`` or the report's Markdown reading take more than linear time.

Each pathological text goes through ``check`` (load, every check, word count) and through
``render``'s Markdown conversion; four times the input may take about four times as long,
never sixteen (what a backtracking regular expression would take). Times are the best of a
few runs of this process's own CPU time, with the garbage collector paused (as ``timeit``
does: its sweeps grow with everything alive and made the ratio jump), at sizes where that
best is well above the timer's noise; no wall-clock limit.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cmwreport.checks import check_workspace
from cmwreport.markdown import parse
from cmwreport.workspace import load_workspace
from conftest import answers_with_text, write_workspace

PATTERNS = ["](", "[^", "*", "_", "`", "[", "![", "<a ", "[^1]: x\n", "| a ", "• "]
STEP = 4
"""How many times larger the second input is."""
MAX_RATIO = 8.0
"""Halfway (geometrically) between linear growth (4) and quadratic growth (16)."""


def _seconds(run: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        run()
        return time.process_time() - start
    finally:
        gc.enable()


def _growth(make: Callable[[int], Callable[[], object]], size: int = 250) -> float:
    """How much longer :data:`STEP` times the input takes, each time the best of a few runs.

    What the run costs without the text (an empty answer) is taken off both times. The
    size doubles until the smaller run is well above that and the timer's noise. The two
    sizes are timed in turn, so that a busy moment of the machine slows both; a ratio over
    the bound is measured again (twice at most) before it counts: a quadratic stays at 16.
    """
    empty = make(0)
    base = min(_seconds(empty) for _ in range(3))
    while min(_seconds(make(size)) for _ in range(2)) - base < 0.03 and size < 4_000_000:
        size *= 2
    small, large = make(size), make(STEP * size)
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
