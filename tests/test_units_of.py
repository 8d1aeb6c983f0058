"""``workspace.units_of``: the one mapping from a question id to the units it answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmwreport.scaffold import answered_units
from cmwreport.workspace import Workspace, load_workspace, units_of

LOIPR = """\
committee: CMW
state: Indonesia
symbol: CMW/C/IDN/QPR/2
report:
  title: Second periodic report submitted by Indonesia
  language: en
  drafting_languages: [id, en]
sections:
  - id: I-A
    title: General information
    paragraphs:
      - number: 1
        lead: KEMLU
        text: Please provide information on the legal framework.
        items:
          - letter: a
            text: Laws adopted since the previous concluding observations.
          - letter: b
            text: Bilateral agreements.
      - number: 2
        lead: KEMNAKER
        text: Please provide statistics on placements.
"""

MINISTRIES = """\
ministries:
  - code: KEMLU
    name: {en: Ministry of Foreign Affairs, id: Kementerian Luar Negeri}
  - code: KEMNAKER
    name: {en: Ministry of Manpower, id: Kementerian Ketenagakerjaan}
"""


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    (tmp_path / "questions").mkdir()
    (tmp_path / "answers").mkdir()
    (tmp_path / "questions" / "loipr.yaml").write_text(LOIPR, encoding="utf-8")
    (tmp_path / "questions" / "ministries.yaml").write_text(MINISTRIES, encoding="utf-8")
    return load_workspace(tmp_path)


def test_a_paragraph_with_items_answers_each_of_its_items(ws: Workspace) -> None:
    assert units_of(ws, "1") == ("1(a)", "1(b)")


def test_a_paragraph_without_items_answers_itself(ws: Workspace) -> None:
    assert units_of(ws, "2") == ("2",)


@pytest.mark.parametrize("question", ["1(a)", "1(b)"])
def test_an_item_answers_itself(ws: Workspace, question: str) -> None:
    assert units_of(ws, question) == (question,)


@pytest.mark.parametrize("question", ["3", "1(c)", "2(a)", "seven", "", "1(A)", "(a)"])
def test_a_question_the_list_lacks_answers_nothing(ws: Workspace, question: str) -> None:
    assert units_of(ws, question) == ()


def test_scaffold_counts_a_record_for_a_paragraph_as_all_its_items(ws: Workspace) -> None:
    # The questions of records as written, valid or not: scaffold must not add a second
    # record for a unit that one of them already names.
    assert answered_units(ws, "KEMLU", ["1", "40", "not a question"]) == {"1(a)", "1(b)"}
    assert answered_units(ws, "KEMLU", ["1(b)"]) == {"1(b)"}


def test_an_answer_to_a_paragraph_covers_its_items(tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    (tmp_path / "answers").mkdir()
    (tmp_path / "questions" / "loipr.yaml").write_text(LOIPR, encoding="utf-8")
    (tmp_path / "questions" / "ministries.yaml").write_text(MINISTRIES, encoding="utf-8")
    (tmp_path / "answers" / "KEMLU.yaml").write_text(
        "ministry: KEMLU\n"
        "answers:\n"
        '  - question: "1"\n'
        "    status: draft\n"
        "    text: |\n"
        "      Pemerintah telah mengesahkan undang-undang.\n",
        encoding="utf-8",
    )
    ws = load_workspace(tmp_path)
    assert [entry.units for entry in ws.answers] == [("1(a)", "1(b)")]
    assert [e.question for e in ws.answers_by_unit["1(b)"]] == ["1"]
