"""The Jinja environment: workspace templates first, defaults second, strict and sandboxed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from cmwreport.templating import (
    PACKAGED,
    TemplateError,
    format_date,
    templates_for,
)
from cmwreport.text import join_and


def test_packaged_wording_in_both_languages(tmp_path: Path) -> None:
    templates = templates_for(tmp_path)
    assert templates.render("reply_heading.j2", "en", number=7) == "Reply to paragraph 7"
    assert templates.render("reply_heading.j2", "id", number=7) == "Jawaban atas paragraf 7"


def test_workspace_template_overrides_the_default_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "templates" / "en").mkdir(parents=True)
    (tmp_path / "templates" / "en" / "reply_heading.j2").write_text(
        "Response to question {{ number }}\n", encoding="utf-8"
    )
    templates = templates_for(tmp_path)
    assert templates.render("reply_heading.j2", "en", number=3) == "Response to question 3"
    # other templates keep their defaults
    assert templates.render("table_source.j2", "en", source="BPS") == "Source: BPS"


def test_language_without_templates_falls_back_to_english(tmp_path: Path) -> None:
    templates = templates_for(tmp_path)
    assert templates.render("reply_heading.j2", "fr", number=2) == "Reply to paragraph 2"


def test_unknown_variable_is_an_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "templates" / "en").mkdir(parents=True)
    (tmp_path / "templates" / "en" / "reply_heading.j2").write_text(
        "Reply to {{ numbr }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateError) as info:
        templates_for(tmp_path).render("reply_heading.j2", "en", number=1)
    assert "en/reply_heading.j2" in info.value.message
    assert "numbr" in info.value.message


def test_syntax_error_reports_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "templates" / "en").mkdir(parents=True)
    (tmp_path / "templates" / "en" / "title.j2").write_text("ok\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        templates_for(tmp_path).render("title.j2", "en", report={})
    assert info.value.line == 2
    assert "title.j2:2" in info.value.message


def test_sandbox_refuses_unsafe_attributes(tmp_path: Path) -> None:
    (tmp_path / "templates" / "en").mkdir(parents=True)
    (tmp_path / "templates" / "en" / "title.j2").write_text(
        "{{ report.__class__.__mro__ }}", encoding="utf-8"
    )
    with pytest.raises(TemplateError):
        templates_for(tmp_path).render("title.j2", "en", report={})


def test_missing_template_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        templates_for(tmp_path).render("nothing.j2", "en")
    assert "nothing.j2" in info.value.message


def test_layout_lists_the_parts_in_order(tmp_path: Path) -> None:
    assert templates_for(tmp_path).lines("layout.j2") == [
        "title",
        "abbreviations",
        "introduction",
        "replies",
    ]


def test_filters() -> None:
    day = dt.date(2025, 7, 31)
    assert format_date(day, "en") == "31 July 2025"
    assert format_date(day, "id") == "31 Juli 2025"
    assert join_and(["A", "B", "C"], "en") == "A, B and C"
    assert join_and(["A", "B"], "id") == "A dan B"
    assert join_and(["A"], "en") == "A"


def test_reference_docx_prefers_the_workspace_copy(tmp_path: Path) -> None:
    assert templates_for(tmp_path).reference_docx() == PACKAGED / "reference.docx"
    own = tmp_path / "templates" / "reference.docx"
    own.parent.mkdir()
    own.write_bytes((PACKAGED / "reference.docx").read_bytes())
    assert templates_for(tmp_path).reference_docx() == own


def test_error_while_rendering_names_the_workspace_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "en"
    folder.mkdir(parents=True)
    (folder / "reply_heading.j2").write_text(
        "{#- a comment -#}\nReply to\n{{ report.nope.deeper }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateError) as info:
        templates_for(tmp_path).render("reply_heading.j2", "en", number=1, report={})
    assert info.value.line == 3
    assert info.value.message.startswith("template templates/en/reply_heading.j2:3: ")
    assert "nope" in info.value.message


def test_error_in_an_included_template_names_that_template(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "en"
    folder.mkdir(parents=True)
    (folder / "reply_heading.j2").write_text('{% include "en/part.j2" %}\n', encoding="utf-8")
    (folder / "part.j2").write_text("fine\n{{ missing }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        templates_for(tmp_path).render("reply_heading.j2", "en", number=1)
    assert "templates/en/part.j2:2: 'missing' is undefined" in info.value.message


def test_a_bug_in_our_own_filter_is_not_the_coordinators_template_error(
    ws_root: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter of cmwreport that fails is a bug (exit 3), never "your template is wrong"."""
    import cmwreport.templating

    def broken_date(value: object, lang: str = "en") -> str:
        return {"en": "x"}[lang + "-GB"]  # a KeyError, as a real slip would raise

    monkeypatch.setitem(cmwreport.templating.FILTERS, "date", broken_date)
    result = cli("render", "--root", str(ws_root), internal_ok=True)
    assert result.exit_code == 3
    assert result.stderr.startswith("cmwreport: internal error in cmwreport")
    assert "KeyError" in result.stderr
    assert "template" not in result.stderr
    assert not (ws_root / "build").exists()


def test_a_template_with_an_undefined_name_is_still_the_coordinators_error(
    ws_root: Path, cli: Any
) -> None:
    folder = ws_root / "templates" / "en"
    folder.mkdir(parents=True)
    (folder / "reply_heading.j2").write_text("Reply to paragraph {{ numbr }}\n", encoding="utf-8")
    result = cli("render", "--root", str(ws_root))
    assert result.exit_code == 1
    assert result.stderr == (
        "cmwreport: template templates/en/reply_heading.j2:1: 'numbr' is undefined\n"
    )


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Reply {{ 1 / 0 }}\n", "division by zero"),
        ('Reply {{ "a" + number }}\n', "can only concatenate str"),
        ('Reply {{ "%(a)s" % {} }}\n', "'a'"),
        ("Reply {{ number | date(1, 2) }}\n", "positional argument"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}\n", "recursion"),
    ],
)
def test_python_errors_of_the_template_itself_are_the_coordinators(
    tmp_path: Path, text: str, detail: str
) -> None:
    """What the template's own expressions raise is reported as its error, file and line."""
    folder = tmp_path / "templates" / "en"
    folder.mkdir(parents=True)
    (folder / "reply_heading.j2").write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        templates_for(tmp_path).render("reply_heading.j2", "en", number=1)
    assert info.value.message.startswith("template templates/en/reply_heading.j2:1: ")
    assert detail in info.value.message
