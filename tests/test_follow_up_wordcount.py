"""One word count for the follow-up information (SPEC 6 and 7): the document's own words.

``check`` (``over-word-limit`` at ``follow_up.word_limit``), ``coverage --follow-up`` and
``render --follow-up`` count everything ``render --follow-up`` prints except the title
block: each selected recommendation's heading, its text quoted with the text's footnotes,
and the replies with their lists, headings, tables and footnotes, as the report's count
does. Not counted: the numbering the document adds (paragraph numbers, the labels ``(a)``
before a quoted item), a draft's tags and placeholders. Each workspace is written as raw
YAML text; the count is held equal to the rendered DOCX's words (``docx_words``).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cmwreport.commands import run_render
from cmwreport.quicktemplates import QuickTemplates
from cmwreport.templating import templates_for
from cmwreport.text import count_words
from cmwreport.wordcount import follow_up_context, template_context
from cmwreport.workspace import load_workspace
from conftest import EXAMPLE, FOLLOW_UP_LOIPR, THREE_BODIES
from test_wordcount import docx_words

OBSERVATIONS_FILE = "questions/observations.yaml"


def _example(tmp_path: Path, limit: int) -> Path:
    """The bundled example, its follow-up word limit set to *limit*."""
    root = tmp_path / "example"
    for folder in ("questions", "answers"):
        shutil.copytree(EXAMPLE / folder, root / folder)
    path = root / OBSERVATIONS_FILE
    text = path.read_text(encoding="utf-8")
    text, found = re.subn(r"(?m)^  word_limit: \d+$", f"  word_limit: {limit}", text)
    assert found == 1
    path.write_text(text, encoding="utf-8")
    return root


def _limit_line(root: Path) -> int:
    lines = (root / OBSERVATIONS_FILE).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if "word_limit:" in line)


def _checked(cli: Any, root: Path) -> tuple[dict[str, Any], int]:
    """The follow-up's over-word-limit problem of ``check --format json`` and its count."""
    result = cli("check", "--root", str(root), "--format", "json")
    problems = json.loads(result.stdout)["problems"]
    over = [
        p for p in problems if p["code"] == "over-word-limit" and p["file"] == OBSERVATIONS_FILE
    ]
    assert len(over) == 1, problems
    match = re.search(r"has (\d+) words", over[0]["message"])
    assert match is not None, over[0]["message"]
    return over[0], int(match.group(1))


def _replies_only(root: Path, *, final: bool = False) -> int:
    """What the follow-up count once was: the words of the shown entries alone."""
    ws = load_workspace(root)
    assert ws.observations is not None
    shown = ws.follow_up_view().included_answers(final=final)
    selected = ws.observations.selected
    return sum(a.words("en") for a in shown if selected.intersection(a.scope or a.units))


def test_the_example_counts_the_same_in_check_coverage_render_and_the_docx(
    tmp_path: Path, cli: Any
) -> None:
    root = _example(tmp_path, limit=100)
    problem, checked = _checked(cli, root)
    assert problem["line"] == _limit_line(root)
    assert problem["severity"] == "warning"
    coverage = json.loads(
        cli("coverage", "--follow-up", "--root", str(root), "--format", "json").stdout
    )
    assert coverage["words"] == {"total": checked, "limit": 100, "language": "en"}
    out = tmp_path / "follow-up.docx"
    rendered = cli("render", "--follow-up", "--root", str(root), "--output", str(out))
    assert f"words (en): {checked:,} of 100" in rendered.stdout
    assert docx_words(out) == checked
    # More than the replies: three headings and three recommendations quoted.
    heading = "Information on follow-up to paragraph {} of the concluding observations"
    headings = sum(count_words(heading.format(n)) for n in ("23", "37 (b)", "45"))
    assert checked > _replies_only(root) + headings + 3


@pytest.mark.parametrize(
    "options",
    [
        {"final": True, "allow_gaps": True},
        {"report_lang": "id"},
        {"report_lang": "id", "final": True, "allow_gaps": True},
    ],
)
def test_the_example_counts_a_final_and_other_languages_as_their_docx(
    tmp_path: Path, options: dict[str, Any]
) -> None:
    root = _example(tmp_path, limit=3500)
    out = tmp_path / "follow-up.docx"
    done = run_render(root=root, output=out, follow_up=True, **options)
    assert done.report.words == docx_words(out) > 0, options
    lang = str(options.get("report_lang", "en"))
    final = bool(options.get("final"))
    ws = load_workspace(root)
    assert ws.follow_up_words(lang=lang, final=final) == done.report.words


OBSERVATIONS = """\
symbol: CMW/C/TST/CO/2
adopted: 2026-01-20
report: CMW/C/TST/2
follow_up:
  due: 2028-01-20
  paragraphs: ["23", "37(b)", "40(a)(ii)"]
  word_limit: 3500
sections:
  - id: C-1
    title: General measures of implementation
    paragraphs:
      - number: 9
        text: The Committee notes the adoption of Law No. 18 of 2017.
      - number: 23
        lead: KP2MI
        contributors: [KEMNAKER]
        text: |
          Recalling its general comment No. 1,[^gc] the Committee recommends that the State party:

          [^gc]: General comment No. 1 (2011) on migrant domestic workers.
        items:
          - letter: a
            text: Enforce the principle that workers bear no placement costs;
          - letter: b
            text: Revoke the licences of agencies that charged excessive fees.
      - number: 37
        lead: KEMNAKER
        contributors: [KP2MI]
        text: The Committee recommends that the State party
        items:
          - letter: a
            text: Review the immigration law;
          - letter: b
            text: Ensure that migrant workers in detention
            items:
              - numeral: i
                text: Have access to consular assistance;
              - numeral: ii
                text: Are informed of their rights in a language they understand.
      - number: 40
        lead: KEMLU
        contributors: [KP2MI]
        text: The Committee recommends that the State party
        items:
          - letter: a
            text: Strengthen its consular services, in particular by
            items:
              - numeral: i
                text: Opening offices in countries of destination;
              - numeral: ii
                text: Training consular staff on the Convention.
"""

KP2MI = """\
ministry: KP2MI
follow_up:
  - recommendation: "23"
    implementation: partial
    status: approved
    text:
      en: |
        ## Placement costs

        KP2MI checks every placement agreement for costs charged to the worker.[^1]

        1. Agreements checked: 1,200;
        2. Refunds ordered: 35.

        | Year | Refunds |
        |------|--------:|
        | 2025 | 35 |

        [^1]: Regulation of the Minister No. 1 of 2025 on placement costs.
      id: KP2MI memeriksa setiap perjanjian penempatan.
    tables:
      - title: Placement agreements checked, 2025
        columns: [Year, Checked, Refunds]
        column_groups: [{title: "", span: 1}, {title: Agreements, span: 2}]
        rows:
          - [2025, 1200, 35]
        notes: [Figures are provisional.]
        source: KP2MI placement data
  - recommendation: "37(b)(i)"
    implementation: not-started
    status: draft
    text:
      id: Akses kekonsuleran sedang dibahas.
  - recommendation: "37(b)(ii)"
    implementation: implemented
    status: submitted
    text:
      en: Detained workers receive a leaflet on their rights in eleven languages.
  - recommendation: "40(a)(ii)"
    implementation: implemented
    status: approved
    text:
      en: In 2025, 310 consular officers completed a course on the Convention.
"""

KEMNAKER = """\
ministry: KEMNAKER
follow_up:
  - recommendation: "37"
    implementation: partial
    status: approved
    text:
      en: The immigration law is under review, with the rights of detained workers in view.
"""

KEMLU = """\
ministry: KEMLU
follow_up:
  - recommendation: "40(a)"
    implementation: partial
    status: approved
    text:
      en: Consular staff are trained every year.
"""


def _write(root: Path, **files: str) -> Path:
    """A workspace of raw YAML texts; a keyword (``observations``, a body) replaces a file."""
    texts = {
        "questions/ministries.yaml": THREE_BODIES,
        "questions/loipr.yaml": FOLLOW_UP_LOIPR,
        OBSERVATIONS_FILE: files.pop("observations", OBSERVATIONS),
        "answers/KP2MI.yaml": files.pop("KP2MI", KP2MI),
        "answers/KEMNAKER.yaml": files.pop("KEMNAKER", KEMNAKER),
        "answers/KEMLU.yaml": files.pop("KEMLU", KEMLU),
    }
    assert not files
    for rel, text in texts.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "options", [{}, {"final": True, "allow_gaps": True}, {"report_lang": "id"}]
)
def test_every_part_of_the_follow_up_counts_as_the_docx_shows_it(
    tmp_path: Path, options: dict[str, Any]
) -> None:
    # A whole paragraph with a quoted footnote, a whole item with sub-items and an answer
    # to its paragraph, one sub-item; Markdown lists, headings, a pipe table, a table with
    # spanner heads, a note and a source; a reply only in Indonesian.
    root = _write(tmp_path / "ws")
    out = tmp_path / "follow-up.docx"
    done = run_render(root=root, output=out, follow_up=True, **options)
    assert done.report.words == docx_words(out)
    lang = str(options.get("report_lang", "en"))
    ws = load_workspace(root)
    assert ws.follow_up_words(lang=lang, final=bool(options.get("final"))) == done.report.words


def test_the_follow_up_counts_headings_quotes_and_footnotes(tmp_path: Path) -> None:
    root = _write(tmp_path / "ws")
    full = load_workspace(root).follow_up_words(final=True)
    # Without the quoted footnote, its words go from the count (and only those).
    definition = "          [^gc]: General comment No. 1 (2011) on migrant domestic workers.\n"
    assert definition in OBSERVATIONS
    bare = OBSERVATIONS.replace(definition, "").replace("[^gc]", "")
    without_note = load_workspace(_write(tmp_path / "bare", observations=bare))
    note = count_words("General comment No. 1 (2011) on migrant domestic workers.")
    assert without_note.follow_up_words(final=True) == full - note
    # A heading counts as the template prints it.
    own = root / "templates" / "en" / "follow_up_heading.j2"
    own.parent.mkdir(parents=True)
    own.write_text("Follow-up to paragraph {{ number }}\n", encoding="utf-8")
    packaged = "Information on follow-up to paragraph {} of the concluding observations"
    before = sum(count_words(packaged.format(n)) for n in ("23", "37 (b)", "40 (a) (ii)"))
    after = sum(count_words(f"Follow-up to paragraph {n}") for n in ("23", "37", "40"))
    assert load_workspace(root).follow_up_words(final=True) == full - before + after


def test_replies_under_the_limit_but_the_whole_document_over_it_warn(
    tmp_path: Path, cli: Any
) -> None:
    whole = load_workspace(_write(tmp_path / "probe")).follow_up_words()
    replies = _replies_only(tmp_path / "probe")
    assert replies < whole
    limit = (replies + whole) // 2
    observations = OBSERVATIONS.replace("word_limit: 3500", f"word_limit: {limit}")
    root = _write(tmp_path / "ws", observations=observations)
    problem, counted = _checked(cli, root)
    assert (problem["file"], problem["line"], problem["code"]) == (
        OBSERVATIONS_FILE,
        7,
        "over-word-limit",
    )
    assert _limit_line(root) == 7
    assert counted == whole
    assert f"has {whole} words, over its limit of {limit}" in problem["message"]
    text = cli("check", "--root", str(root)).stdout
    assert f"{OBSERVATIONS_FILE}:7: warning[over-word-limit]" in text


@pytest.mark.parametrize("lang", ["en", "id", "es"])
def test_check_counts_the_follow_up_templates_without_jinja(lang: str) -> None:
    ws = load_workspace(EXAMPLE)
    templates = templates_for(EXAMPLE)
    quick = QuickTemplates(templates)
    context = template_context(ws, lang, False, "KP2MI") | follow_up_context(ws)
    for letter, numeral in ((None, None), ("b", None), ("a", "ii")):
        extra = {"number": 23, "letter": letter, "numeral": numeral}
        name = f"{lang}/follow_up_heading.j2"
        quick_text = quick._text(name, {"lang": lang, **context, **extra})
        assert quick_text is not None
        expected = templates.render("follow_up_heading.j2", lang, **context, **extra)
        assert quick.render("follow_up_heading.j2", lang, **context, **extra) == expected
    layout = templates.lines("follow_up_layout.j2", **context)
    assert quick._text("follow_up_layout.j2", dict(context)) is not None
    assert quick.lines("follow_up_layout.j2", **context) == layout


QUOTED_23 = """\
        text: |
          Recalling its general comment No. 1,[^gc] the Committee recommends that the State party:

          [^gc]: General comment No. 1 (2011) on migrant domestic workers.
"""


@pytest.mark.parametrize(
    "quoted",
    [
        # a footnote cited twice is printed twice
        '        text: "Recalling[^n] the Committee recommends[^n] that:\\n\\n[^n]: Same note."\n',
        # control characters that are also whitespace separate the words the quote prints
        '        text: "The Committee recommends\\x1fthat\\x0bthe State party:"\n',
        # a list inside a quoted footnote keeps its words in the Word footnote
        "        text: |\n"
        "          The Committee recommends[^n] that the State party:\n"
        "\n"
        "          [^n]: See:\n"
        "\n"
        "              - first law;\n"
        "              1. second law, 2017.\n",
    ],
)
def test_a_quoted_recommendation_counts_as_its_docx_shows_it(tmp_path: Path, quoted: str) -> None:
    assert QUOTED_23 in OBSERVATIONS
    root = _write(tmp_path / "ws", observations=OBSERVATIONS.replace(QUOTED_23, quoted))
    out = tmp_path / "follow-up.docx"
    done = run_render(root=root, output=out, follow_up=True)
    assert done.report.words == docx_words(out) == load_workspace(root).follow_up_words()
    if "second law" in quoted:  # nothing of the note is left out, each item its own line
        assert _footnote_paragraphs(out)[:3] == ["See:", "first law;", "second law, 2017."]


def _footnote_paragraphs(path: Path) -> list[str]:
    """The text of each paragraph of the DOCX's footnotes."""
    with zipfile.ZipFile(path) as docx_zip:
        xml = docx_zip.read("word/footnotes.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.DOTALL)
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)).strip() for p in paragraphs]
    return [text for text in texts if text]
