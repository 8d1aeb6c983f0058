"""yamledit's splice: only the records a command changed are rewritten, read as check reads."""

from __future__ import annotations

from pathlib import Path

import yaml

from cmwreport.loader import read_yaml
from cmwreport.yamledit import splice, yaml_data

OLD = """\
ministry: KP2MI
answers:
  - question: "1"
    note: yes
    text:   {en: "First,  as typed."}
  - question: "2"
    text: {en: Second}
"""


def test_yaml_data_reads_text_as_check_reads_the_file(tmp_path: Path) -> None:
    text = "a: yes\nb: 1_000\nc: 1:20\nd: 2025-01-10\ne: ~\nf: 0o17\n"
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    data = yaml_data(text)
    assert data == read_yaml(path, "answers.yaml").data
    assert data["a"] == "yes" and data["b"] == "1_000" and data["c"] == "1:20"
    # PyYAML's safe_load reads YAML 1.1, which check does not: the two disagree here
    assert yaml.safe_load(text)["a"] is True


def test_untouched_records_keep_their_bytes() -> None:
    dumped = OLD.replace("{en: Second}", "{en: Changed}").replace(
        'text:   {en: "First,  as typed."}', "text: {en: 'First,  as typed.'}"
    )
    spliced = splice(OLD, [2, 5], {1}, dumped)
    assert 'text:   {en: "First,  as typed."}' in spliced
    assert "{en: Changed}" in spliced


def test_a_splice_check_would_read_otherwise_falls_back_to_the_whole_dump() -> None:
    # The dump says `note: true`. Kept from the old file, `note: yes` is the same for
    # YAML 1.1 (PyYAML), but for check (YAML 1.2) it is the text "yes": no splice then.
    dumped = OLD.replace("note: yes", "note: true").replace("{en: Second}", "{en: Changed}")
    assert yaml.safe_load(dumped) != yaml.safe_load(OLD)
    spliced = splice(OLD, [2, 5], {1}, dumped)
    assert spliced == dumped
    assert yaml_data(spliced)["answers"][0]["note"] is True


def test_a_splice_that_loses_a_change_falls_back_to_the_whole_dump() -> None:
    dumped = OLD.replace("{en: Second}", "{en: Changed}")
    # told (wrongly) that no record changed, the splice would keep "Second"
    assert splice(OLD, [2, 5], set(), dumped) == dumped
