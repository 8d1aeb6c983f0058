"""Shared test helpers: build small workspaces inline, run the CLI, find the example."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from cmwreport.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO  # the bundled example workspace lives at the repository root
DATA = Path(__file__).resolve().parent / "data"

MINISTRIES: list[dict[str, Any]] = [
    {
        "code": "KEMLU",
        "name": {"en": "Ministry of Foreign Affairs", "id": "Kementerian Luar Negeri"},
        "abbreviation": {"en": "MoFA", "id": "Kemlu"},
        "coordinator": True,
    },
    {
        "code": "KEMNAKER",
        "name": {"en": "Ministry of Manpower", "id": "Kementerian Ketenagakerjaan"},
        "abbreviation": {"en": "MoM", "id": "Kemnaker"},
    },
    {
        "code": "KP2MI",
        "name": {
            "en": "Ministry for the Protection of Indonesian Migrant Workers",
            "id": "Kementerian Pelindungan Pekerja Migran Indonesia",
        },
        "abbreviation": {"en": "MoPIMW", "id": "KP2MI"},
    },
]

LOIPR: dict[str, Any] = {
    "committee": "CMW",
    "state": "Testland",
    "symbol": "CMW/C/TST/QPR/2",
    "adopted": "2025-01-10",
    "report": {
        "title": "Second periodic report submitted by Testland under article 73 of the Convention",
        "symbol": "CMW/C/TST/2",
        "due": 2022,
        "kind": "periodic",
        "language": "en",
        "drafting_languages": ["id", "en"],
    },
    "sections": [
        {
            "id": "I-A",
            "title": "General information",
            "paragraphs": [
                {
                    "number": 1,
                    "articles": [73, 84],
                    "lead": "KEMLU",
                    "contributors": ["KP2MI"],
                    "text": "Please describe the legal framework.",
                    "items": [
                        {"letter": "a", "text": "Laws adopted since the last review."},
                        {
                            "letter": "b",
                            "text": "Bilateral agreements.",
                            "lead": "KP2MI",
                            "contributors": ["KEMLU", "KEMNAKER"],
                            "data": ["sex", "destination"],
                        },
                    ],
                },
                {"number": 2, "lead": "KEMNAKER", "text": "Please describe the policies."},
            ],
        },
        {
            "id": "I-B",
            "title": "Articles of the Convention",
            "sections": [
                {
                    "id": "I-B-1",
                    "title": "General principles",
                    "paragraphs": [
                        {
                            "number": 3,
                            "lead": "KP2MI",
                            "contributors": ["KEMNAKER"],
                            "text": {
                                "en": "Please describe remedies.",
                                "id": "Jelaskan pemulihan.",
                            },
                        },
                    ],
                },
            ],
        },
    ],
}

ANSWERS: dict[str, dict[str, Any]] = {
    "KEMLU": {
        "ministry": "KEMLU",
        "answers": [
            {
                "question": "1(a)",
                "status": "approved",
                "updated": "2025-07-01",
                "text": {
                    "en": "Law No. 18 of 2017 protects migrant workers.[^1]\n\n"
                    "[^1]: Replacing Law No. 39 of 2004.",
                    "id": "UU No. 18 Tahun 2017 melindungi pekerja migran.",
                },
            },
        ],
    },
    "KP2MI": {
        "ministry": "KP2MI",
        "answers": [
            {
                "question": "1(b)",
                "status": "submitted",
                "text": {"en": "Agreements were signed with two States."},
                "tables": [
                    {
                        "title": "Placements by sex",
                        "by": ["sex", "destination"],
                        "columns": ["Year", "Men", "Women"],
                        "rows": [[2023, 100, 200], [2024, 110, 220]],
                        "source": "KP2MI",
                    }
                ],
            },
            {"question": "3", "status": "draft", "text": "Pengaduan dapat disampaikan daring."},
        ],
    },
}


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def write_workspace(
    root: Path,
    *,
    loipr: dict[str, Any] | str | None = None,
    ministries: list[dict[str, Any]] | str | None = None,
    answers: Mapping[str, Mapping[str, Any] | str | bytes] | None = None,
) -> Path:
    """Write a workspace under *root*; dicts are dumped as YAML, str/bytes written as is.

    Defaults are the small valid workspace above (deep copies, so tests may mutate them).
    """
    (root / "questions").mkdir(parents=True, exist_ok=True)
    (root / "answers").mkdir(exist_ok=True)
    loipr_data = copy.deepcopy(LOIPR) if loipr is None else loipr
    (root / "questions" / "loipr.yaml").write_text(
        loipr_data if isinstance(loipr_data, str) else _dump(loipr_data), encoding="utf-8"
    )
    min_data = {"ministries": copy.deepcopy(MINISTRIES)} if ministries is None else ministries
    if isinstance(min_data, list):
        min_data = {"ministries": min_data}
    (root / "questions" / "ministries.yaml").write_text(
        min_data if isinstance(min_data, str) else _dump(min_data), encoding="utf-8"
    )
    for code, content in (copy.deepcopy(ANSWERS) if answers is None else answers).items():
        path = root / "answers" / f"{code}.yaml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(_dump(content), encoding="utf-8")
    return root


@pytest.fixture
def ws_root(tmp_path: Path) -> Path:
    """A small valid workspace (3 bodies, 3 paragraphs, 4 units) in a temporary folder."""
    return write_workspace(tmp_path / "ws")


@pytest.fixture
def cli() -> Any:
    """Run ``cmwreport`` in-process: ``cli("check", "--root", str(path))``."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None, internal_ok: bool = False) -> Any:
        result = runner.invoke(
            app, list(args), env=env or {"CMWREPORT_LANG": ""}, catch_exceptions=False
        )
        if not internal_ok:
            # A crash is never an answer: a test asserting exit 1 must not pass on a bug.
            output = result.stdout + result.stderr
            assert result.exit_code != 3, output
            assert "internal error" not in output and "kesalahan internal" not in output, output
            assert "Traceback" not in output, output
        return result

    return run


def answers_with_text(text: str) -> str:
    """KEMNAKER's answers file, as typed, with *text* as the English answer to 2 under ``|``.

    The text starts on line 7 of the file.
    """
    body = "\n".join(("        " + line) if line else "" for line in text.split("\n"))
    return (
        "ministry: KEMNAKER\n"
        "answers:\n"
        '  - question: "2"\n'
        "    status: draft\n"
        "    text:\n"
        "      en: |\n"
        f"{body}\n"
    )


THREE_BODIES = """\
ministries:
  - code: KEMLU
    name: {en: Ministry of Foreign Affairs, id: Kementerian Luar Negeri}
    coordinator: true
  - code: KEMNAKER
    name: {en: Ministry of Manpower, id: Kementerian Ketenagakerjaan}
  - code: KP2MI
    name: {en: Ministry for the Protection of Indonesian Migrant Workers, id: KP2MI}
"""
"""ministries.yaml with three bodies (KEMLU coordinating, KEMNAKER, KP2MI), as typed."""

FOLLOW_UP_LOIPR = """\
committee: CMW
state: Testland
symbol: CMW/C/TST/QPR/3
report:
  title: Third periodic report
  symbol: CMW/C/TST/3
  language: en
  drafting_languages: [id, en]
sections:
  - id: I-A
    title: General information
    paragraphs:
      - number: 1
        lead: KEMLU
        text: Please describe the follow-up to the previous concluding observations.
"""
"""A list of issues of one paragraph, beside the concluding observations of follow-up tests."""
