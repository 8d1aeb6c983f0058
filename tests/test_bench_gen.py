"""The benchmark's synthetic workspace with the follow-up cycle (``bench/gen.py --follow-up``).

``make bench`` times ``check`` on it at scale 30 (issue 14's speed requirement); these tests
make sure it is what the benchmark claims: the same list of issues and answers as without
the option, plus concluding observations and follow-up entries that ``check`` reads without
an error, at mixed implementation and review states, deterministic.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent.parent / "bench" / "gen.py"


def _gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_gen", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _load(path: Path) -> Any:
    return yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def test_follow_up_adds_observations_and_entries_and_keeps_the_rest(tmp_path: Path) -> None:
    gen = _gen()
    plain = gen.generate(tmp_path / "plain", scale=1)
    fu = gen.generate(tmp_path / "fu", scale=1, follow_up=True)
    assert not (tmp_path / "plain" / "questions" / "observations.yaml").exists()
    for name in ("loipr.yaml", "ministries.yaml"):
        assert (tmp_path / "fu" / "questions" / name).read_bytes() == (
            tmp_path / "plain" / "questions" / name
        ).read_bytes()
    entries = 0
    above = below = 0
    for path in sorted((tmp_path / "plain" / "answers").glob("*.yaml")):
        before = _load(path)
        text = (tmp_path / "fu" / "answers" / path.name).read_text(encoding="utf-8")
        after = yaml.load(text, Loader=yaml.CSafeLoader)
        assert after["answers"] == before["answers"]
        assert "follow_up" not in before
        entries += len(after.get("follow_up") or [])
        if "follow_up" in after:
            if text.index("follow_up:") < text.index("answers:"):
                above += 1
            else:
                below += 1
    assert entries == fu.follow_up_entries > 20
    assert above and below  # both places in a file, as people keep them
    assert (plain.answers, plain.units) == (fu.answers, fu.units)

    obs = _load(tmp_path / "fu" / "questions" / "observations.yaml")
    assert obs["symbol"] == "CMW/C/IDN/CO/2"
    assert str(obs["follow_up"]["due"]) == "2028-01-20"
    assert len(obs["follow_up"]["paragraphs"]) == fu.selected == 3
    paragraphs = [p for s in obs["sections"] for p in s["paragraphs"]]
    context = [p for p in paragraphs if "lead" not in p]
    with_items = [p for p in paragraphs if p.get("items")]
    assert len(paragraphs) == 18 and len(context) == 6 and len(with_items) == 5
    assert 17 <= fu.recommendations <= 22


def test_check_and_follow_up_coverage_read_it_without_errors(tmp_path: Path, cli: Any) -> None:
    root = tmp_path / "fu"
    stats = _gen().generate(root, scale=1, follow_up=True)
    checked = cli("check", "--root", str(root), "--format", "json")
    assert checked.exit_code == 0, checked.stdout
    report = json.loads(checked.stdout)
    assert report["errors"] == 0
    assert all(p["severity"] == "warning" for p in report["problems"])

    covered = cli("coverage", "--follow-up", "--format", "json", "--root", str(root))
    assert covered.exit_code == 0, covered.stdout
    cov = json.loads(covered.stdout)
    assert cov["totals"]["units"] == stats.recommendations
    assert cov["due"] == "2028-01-20"
    states = {unit["implementation"] for unit in cov["units"]}
    assert {"not-started", "partial", "implemented"} <= states
    reviews = {s for unit in cov["units"] for s in unit["statuses"].values()}
    assert reviews == {"draft", "submitted", "approved"}
    assert sum(1 for unit in cov["units"] if unit["selected"]) >= 3

    texts = [
        entry
        for path in sorted((root / "answers").glob("*.yaml"))
        for entry in _load(path).get("follow_up") or []
    ]
    english = [e["text"]["en"] for e in texts if isinstance(e["text"], dict) and "en" in e["text"]]
    assert any("\n\n" in t for t in english)  # several Markdown paragraphs
    assert any("\n- " in t or "\n1. " in t for t in english)  # lists
    assert any(e.get("tables") for e in texts)


def test_follow_up_scales_and_is_deterministic(tmp_path: Path) -> None:
    gen = _gen()
    one = gen.generate(tmp_path / "a", scale=2, follow_up=True)
    two = gen.generate(tmp_path / "b", scale=2, follow_up=True)
    assert one.as_json() == two.as_json()
    for rel in one.files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    assert one.selected == 6
    assert 34 <= one.recommendations <= 44
    obs = _load(tmp_path / "a" / "questions" / "observations.yaml")
    numbers = [p["number"] for s in obs["sections"] for p in s["paragraphs"]]
    assert numbers == sorted(set(numbers))
