"""Reading YAML: lines kept, bad input reported clearly, nothing executed or silently dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cmwreport import loader
from cmwreport.checks import check_workspace
from cmwreport.loader import read_yaml
from cmwreport.workspace import load_workspace
from conftest import write_workspace

GOOD = 'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n    text: Isi.\n'


def _read(tmp_path: Path, content: bytes | str) -> loader.YamlFile:
    path = tmp_path / "f.yaml"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return read_yaml(path, "f.yaml")


def _codes(found: loader.YamlFile) -> list[tuple[int, str, str]]:
    return [(p.line, p.code, p.msg.key) for p in found.problems]


def test_lines_of_fields_and_items_are_kept(tmp_path: Path) -> None:
    found = _read(tmp_path, GOOD)
    assert found.data["answers"][0]["text"] == "Isi."
    assert found.source.line(("answers", 0)) == 3
    assert found.source.line(("answers", 0, "status")) == 4
    assert found.source.line(("answers", 0, "nothing", "deeper")) == 3


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    found = _read(tmp_path, b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert found.problems == []
    assert found.data["ministry"] == "KP2MI"
    assert found.source.line(("answers", 0, "text")) == 5


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    found = _read(tmp_path, b"ministry: KP2MI\nanswers:\n  - text: caf\xe9\n")
    assert found.data is None
    assert _codes(found) == [(3, "yaml-syntax", "yaml.not_utf8")]
    assert "UTF-8" in found.problems[0].message()


@pytest.mark.parametrize("content", ["", "   \n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    found = _read(tmp_path, content)
    assert found.data is None
    assert [p.code for p in found.problems] == ["yaml-syntax"]


def test_python_tags_are_refused_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    found = _read(
        tmp_path,
        f"ministry: !!python/object/apply:os.system ['touch {marker}']\nanswers: []\n",
    )
    assert found.data is None
    assert _codes(found) == [(1, "yaml-syntax", "yaml.tag")]
    assert not marker.exists()
    found = _read(tmp_path, "a: !!python/name:os.system\n")
    assert _codes(found) == [(1, "yaml-syntax", "yaml.tag")]


def test_alias_bomb_is_refused_unexpanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    # count the loader's steps: the aliases it resolves (and whether any is a copy of the
    # anchored value, an expansion), and its own count of values when it stops
    resolved: list[bool] = []
    stopped_at: list[int] = []
    build = loader._Builder.build
    resolve = loader._Builder._alias

    def counted_build(builder: Any, text: str) -> Any:
        try:
            return build(builder, text)
        finally:
            stopped_at.append(builder.nodes)

    def counted_alias(builder: Any, event: Any, line: int) -> Any:
        value = resolve(builder, event, line)
        resolved.append(value is builder.anchors[event.anchor][0])
        return value

    monkeypatch.setattr(loader._Builder, "build", counted_build)
    monkeypatch.setattr(loader._Builder, "_alias", counted_alias)
    found = _read(tmp_path, "\n".join(lines) + "\n")
    # 9**12 values written: every alias shares its anchored list (none copied), none is
    # resolved twice (9 a line at most), and reading stops within one step of the node limit
    assert resolved and all(resolved)
    assert len(resolved) <= 9 * len(lines)
    assert loader.MAX_NODES < stopped_at[0] <= 2 * loader.MAX_NODES
    assert found.data is None
    # a5 expands to ~590,000 values: the third alias of a6 (line 7) passes the limit
    assert (found.problems[0].file, found.problems[0].line) == ("f.yaml", 7)
    assert [p.msg.key for p in found.problems] in (
        ["yaml.too_many_nodes"],
        ["yaml.too_many_aliases"],
    )


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    found = _read(tmp_path, "a: " + "x" * 200 + "\n")
    assert found.data is None
    assert _codes(found) == [(1, "yaml-syntax", "yaml.too_big")]


def test_duplicate_keys_are_an_error_not_last_wins(tmp_path: Path) -> None:
    found = _read(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert _codes(found) == [(3, "yaml-syntax", "yaml.duplicate_key")]
    assert "line 1" in found.problems[0].message()


def test_yes_no_stay_text_and_numbers_keep_their_source(tmp_path: Path) -> None:
    found = _read(tmp_path, "s: no\nq: 1.10\nd: 2025-07-15\nn: ~\nb: true\n")
    data = found.data
    assert data["s"] == "no"
    assert data["q"] == 1.1
    assert found.source.raw[("q",)] == "1.10"
    assert str(data["d"]) == "2025-07-15"
    assert data["n"] is None and data["b"] is True


def test_deep_nesting_is_refused_without_crashing(tmp_path: Path) -> None:
    # deeper than cmwreport's own limit but well under libyaml's (about 1,000), so this
    # tests our limit and its message, not the parser's
    depth = loader.MAX_DEPTH * 8
    found = _read(tmp_path, "[" * depth + "]" * depth + "\n")
    assert [p.msg.key for p in found.problems] == ["yaml.too_deep"]
    assert found.data is None


def test_nesting_past_the_parsers_own_limit_is_one_clear_problem(tmp_path: Path) -> None:
    # far past libyaml's own limit: whatever libyaml says, one yaml-syntax problem at the
    # line where the nesting is, and nothing read
    found = _read(tmp_path, "a: 1\nb: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert [(p.line, p.code) for p in found.problems] == [(2, "yaml-syntax")]
    assert found.data is None


def test_many_documents(tmp_path: Path) -> None:
    found = _read(tmp_path, "a: 1\n---\nb: 2\n")
    assert _codes(found) == [(2, "yaml-syntax", "yaml.many_documents")]


@pytest.mark.parametrize(
    ("content", "key"),
    [("- a\n- b\n", "ws.not_mapping"), ("just text\n", "ws.not_mapping")],
)
def test_list_or_scalar_where_a_mapping_belongs(tmp_path: Path, content: str, key: str) -> None:
    root = write_workspace(tmp_path, answers={"KP2MI": content})
    problems = check_workspace(load_workspace(root)).problems
    mine = [p for p in problems if p.file == "answers/KP2MI.yaml"]
    assert [(p.line, p.code, p.msg.key) for p in mine] == [(1, "invalid-record", key)]


def test_answers_must_be_a_list(tmp_path: Path) -> None:
    root = write_workspace(tmp_path, answers={"KP2MI": "ministry: KP2MI\nanswers:\n  a: b\n"})
    problems = [
        p for p in check_workspace(load_workspace(root)).problems if p.file == "answers/KP2MI.yaml"
    ]
    assert [(p.line, p.code) for p in problems] == [(2, "invalid-record")]


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    answers: dict[str, str | bytes] = {
        "KEMLU": b'ministry: KEMLU\nanswers:\n  - question: "1\n',
        "KP2MI": 'ministry: KP2MI\nanswers:\n  - question: "9"\n    status: draft\n',
        "KEMNAKER": "ministry: KEMNAKER\nanswers:\n  - question: 2\n    status: maybe\n"
        '  - question: "2"\n    status: draft\n    text: Baik.\n',
    }
    root = write_workspace(tmp_path, answers=answers)
    ws = load_workspace(root)
    found = {(p.file, p.line, p.code) for p in check_workspace(ws).problems}
    assert ("answers/KEMLU.yaml", 3, "yaml-syntax") in found
    assert ("answers/KP2MI.yaml", 3, "unknown-question") in found
    assert ("answers/KEMNAKER.yaml", 4, "invalid-record") in found
    # the valid second record of KEMNAKER still counts: unit 2 is answered
    assert ws.best_status(ws.unit_by_id["2"]) == "draft"


def test_broken_loipr_paragraph_spares_the_rest(tmp_path: Path) -> None:
    import copy

    from conftest import LOIPR

    loipr = copy.deepcopy(LOIPR)
    loipr["sections"][0]["paragraphs"][1]["colour"] = "red"
    ws = load_workspace(write_workspace(tmp_path, loipr=loipr))
    problems = check_workspace(ws).problems
    assert [p.code for p in problems if p.severity == "error"] == ["invalid-record"]
    # paragraph 2 is broken, so answers to it are not "unknown"; paragraph 3 still exists
    assert "3" in ws.unit_by_id and "2" not in ws.unit_by_id


def test_question_given_as_number_is_accepted(tmp_path: Path) -> None:
    answers = {
        "KEMNAKER": "ministry: KEMNAKER\nanswers:\n  - question: 2\n    status: draft\n"
        "    text: Baik.\n"
    }
    ws = load_workspace(write_workspace(tmp_path, answers=answers))
    assert [a.question for a in ws.answers if a.ministry == "KEMNAKER"] == ["2"]


def test_field_names_never_show_pydantic_union_labels(tmp_path: Path) -> None:
    content = (
        'ministry: KP2MI\nanswers:\n  - just text\n  - question: "3"\n    status: draft\n'
        "    text: [a, b]\n"
    )
    root = write_workspace(tmp_path, answers={"KP2MI": content})
    mine = [
        (p.line, p.message())
        for p in check_workspace(load_workspace(root)).problems
        if p.file == "answers/KP2MI.yaml"
    ]
    assert mine == [
        (
            3,
            "each entry here must be a mapping of fields (`name: value` lines under `- `), "
            "not 'just text'",
        ),
        (6, "`text` must be text, or a mapping by language (`en: …`, `id: …`), not […]"),
    ]


def test_backslash_in_double_quotes_gets_its_own_advice(tmp_path: Path) -> None:
    found = _read(tmp_path, 'a: ok\nb: "C:\\Data\\report"\n')
    assert _codes(found) == [(2, "yaml-syntax", "yaml.escape")]
    assert "single quotes" in found.problems[0].message()
    assert "tanda kutip tunggal" in found.problems[0].message("id")


def test_yml_spelling_is_refused_loudly_not_read(tmp_path: Path) -> None:
    root = write_workspace(tmp_path, answers={})
    (root / "answers" / "KP2MI.yml").write_text(
        'ministry: KP2MI\nanswers:\n  - question: "3"\n    status: draft\n    text: Isi.\n',
        encoding="utf-8",
    )
    ws = load_workspace(root)
    errors = [
        (p.file, p.line, p.code) for p in check_workspace(ws).problems if p.severity == "error"
    ]
    assert errors == [("answers/KP2MI.yml", 1, "ignored-file")]
    assert ws.answers == []
