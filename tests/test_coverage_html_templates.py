"""The dashboard comes from Jinja templates (``templates/html/``): what it prints is escaped,
a workspace can override them like the report's other templates, and the report's text
templates (``.j2``) are still not escaped."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cmwreport.templating import PACKAGED, templates_for
from conftest import write_workspace

# A body and a question as a desk officer might write them: markup-like text and "&".
NAME = 'Kementerian <script>alert("x")</script> & "Co"'
NAME_ESCAPED = "Kementerian &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot;"
QUESTION = "Describe the <b>laws</b> & <script>steal()</script> rules."
QUESTION_ESCAPED = (
    "Describe the &lt;b&gt;laws&lt;/b&gt; &amp; &lt;script&gt;steal()&lt;/script&gt; rules."
)


MINISTRIES_YAML = """\
ministries:
  - code: KEMLU
    name: Ministry of Foreign Affairs
    coordinator: true
  - code: KEMNAKER
    name: Ministry of Manpower
  - code: KP2MI
    name: 'Kementerian <script>alert("x")</script> & "Co"'
"""


def _workspace(tmp_path: Path) -> Path:
    root = write_workspace(tmp_path / "ws", ministries=MINISTRIES_YAML, answers={})
    loipr = root / "questions" / "loipr.yaml"
    text = loipr.read_text(encoding="utf-8")
    assert "Bilateral agreements." in text
    loipr.write_text(text.replace("Bilateral agreements.", f"'{QUESTION}'"), encoding="utf-8")
    return root


def _html(cli: Any, root: Path, *extra: str) -> str:
    result = cli("coverage", "--root", str(root), "--format", "html", "--output", "-", *extra)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def test_body_name_and_question_with_markup_come_out_escaped(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    page = _html(cli, root, "--ministry", "KP2MI")
    assert "<script>" not in page and "<b>laws</b>" not in page
    # The body's full name in the subtitle and on its card, escaped like before (&quot;).
    assert page.count(NAME_ESCAPED) >= 2
    assert f'<p class="full">{NAME_ESCAPED}</p>' in page
    # The question's text in the list of what the body still owes, and in a cell's title.
    assert f"<b>1(b)</b> {QUESTION_ESCAPED} <span" in page
    assert f'title="1(b) — unanswered — {QUESTION_ESCAPED}"' in page
    dashboard = _html(cli, root)
    assert "<script>" not in dashboard and f"<b>1(b)</b> {QUESTION_ESCAPED}" in dashboard


def test_a_workspace_overrides_the_dashboard_template(cli: Any, tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    own = root / "templates" / "html" / "dashboard.html.j2"
    own.parent.mkdir(parents=True)
    default = (PACKAGED / "html" / "dashboard.html.j2").read_text(encoding="utf-8")
    assert "<footer>{{ footer }}</footer>" in default
    own.write_text(
        default.replace(
            "<footer>{{ footer }}</footer>",
            "<footer>Rakor Kemlu — {{ header.subtitle }} — {{ footer }}</footer>",
        ),
        encoding="utf-8",
    )
    page = _html(cli, root, "--ministry", "KP2MI")
    footer = re.search(r"<footer>(.*)</footer>", page)
    assert footer is not None
    assert footer.group(1).startswith(f"Rakor Kemlu — {NAME_ESCAPED} · Testland · ")
    assert "<script>" not in page  # a workspace's own HTML template is escaped too
    # The other parts still come from the packaged partials.
    assert 'class="tile s-unanswered"' in page and 'class="grid-part"' in page


def test_a_mistake_in_the_workspace_dashboard_template_is_named(cli: Any, tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws")
    own = root / "templates" / "html" / "dashboard.html.j2"
    own.parent.mkdir(parents=True)
    own.write_text("<!DOCTYPE html>\n<p>{{ header.title }}</p>\n<p>{{ no_such }}</p>\n")
    target = tmp_path / "rakor.html"
    result = cli("coverage", "--root", str(root), "--format", "html", "--output", str(target))
    assert result.exit_code != 0
    assert not target.exists()
    assert "templates/html/dashboard.html.j2:3" in result.stderr
    assert "no_such" in result.stderr


def test_only_html_templates_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "en").mkdir(parents=True)
    (folder / "html").mkdir()
    (folder / "en" / "note.j2").write_text("{{ text }}\n", encoding="utf-8")
    (folder / "html" / "note.html.j2").write_text("<p>{{ text }}</p>\n", encoding="utf-8")
    templates = templates_for(tmp_path)
    text = 'Pasal 73 & 84: "<i>lihat</i>"'
    # The report's wording goes into a DOCX as text: never escaped.
    assert templates.render("note.j2", "en", text=text) == text
    assert templates.lines("en/note.j2", text=text) == [text]
    # An HTML template escapes what it prints.
    assert templates.page("html/note.html.j2", text=text) == (
        "<p>Pasal 73 &amp; 84: &quot;&lt;i&gt;lihat&lt;/i&gt;&quot;</p>"
    )
