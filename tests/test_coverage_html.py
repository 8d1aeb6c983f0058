"""The HTML dashboard: every unit and body with the right state, self-contained, escaped."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import time_machine

from cmwreport.coverage import compute_coverage
from cmwreport.render.html import GLYPHS, render_coverage_html
from cmwreport.workspace import load_workspace
from conftest import EXAMPLE, LOIPR, write_workspace


class Page(HTMLParser):
    """Collects the dashboard's marked elements and all text."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, str] = {}
        self.cell_text: dict[str, str] = {}
        self.owed: dict[str, list[str]] = {}
        self.owes_count: dict[str, int] = {}
        self.given: dict[str, str] = {}
        self.changes: list[tuple[str, str, str]] = []
        self.tiles: dict[str, int] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._body: str | None = None
        self._cell: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        classes = (a.get("class") or "").split()
        if tag == "div" and "body" in classes:
            self._body = a["data-body"]
            self.owed[str(self._body)] = []
            self.owes_count[str(self._body)] = int(a["data-owes"] or 0)
        if tag == "li" and self._body and a.get("data-unit"):
            self.owed[self._body].append(str(a["data-unit"]))
        if tag == "span" and "cell" in classes and a.get("data-unit"):
            uid = str(a["data-unit"])
            assert uid not in self.cells, f"unit {uid} twice in the grid"
            self.cells[uid] = str(a["data-state"])
            assert f"s-{a['data-state']}" in classes
            self._cell = uid
            self.cell_text[uid] = ""
        if tag == "tr" and a.get("data-status"):
            self.given[str(a["data-unit"])] = str(a["data-status"])
        if tag == "tr" and a.get("data-change"):
            self.changes.append((str(a["data-change"]), str(a["data-from"]), str(a["data-to"])))
        if tag == "div" and "tile" in classes and a.get("data-state"):
            self.tiles[str(a["data-state"])] = int(a["data-count"] or 0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._body = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self.cell_text[self._cell] += data

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def _run(cli: Any, root: Path, *extra: str) -> str:
    result = cli("coverage", "--root", str(root), "--format", "html", "--output", "-", *extra)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def _coverage_json(cli: Any, root: Path, *extra: str) -> dict[str, Any]:
    result = cli("coverage", "--root", str(root), "--format", "json", *extra)
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("root", [EXAMPLE, None], ids=["example", "small"])
def test_every_unit_and_body_with_its_state(cli: Any, ws_root: Path, root: Path | None) -> None:
    root = root or ws_root
    data = _coverage_json(cli, root)
    page = _page(_run(cli, root))
    assert page.cells == {u["id"]: u["state"] for u in data["units"]}
    assert list(page.cells) == [u["id"] for u in data["units"]]  # the LOIPR's order
    for uid, state in page.cells.items():
        assert GLYPHS[state] in page.cell_text[uid]
    listed = {m["code"]: m for m in data["ministries"] if m["assigned"] or m["given"]}
    assert set(page.owed) == set(listed)
    for code, body in listed.items():
        assert page.owed[code] == body["unanswered"], code
        assert page.owes_count[code] == len(body["unanswered"])
    assert page.tiles == {
        s: data["totals"][s] for s in ("unanswered", "draft", "submitted", "approved")
    }
    text = " ".join(page.text)
    assert f"{data['words']['total']:,} of {data['words']['limit']:,} words" in text


def test_self_contained_no_external_resources(cli: Any) -> None:
    html = _run(cli, EXAMPLE)
    page = _page(html)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert all("src" not in attrs and "href" not in attrs for _, attrs in page.tags)
    lowered = html.lower()
    assert "url(" not in lowered and "@import" not in lowered and "@font-face" not in lowered
    assert "http://" not in lowered and "https://" not in lowered
    assert "@media print" in html and "size: A4" in html
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html


def test_states_are_told_apart_without_colour(cli: Any, ws_root: Path) -> None:
    html = _run(cli, ws_root)
    page = _page(html)
    text = "".join(page.text)
    for state, glyph in GLYPHS.items():
        assert f"{glyph} {state}" in text  # the legend names each glyph
    # unanswered and draft differ by border style and pattern, not only by hue
    assert "repeating-linear-gradient" in html and "radial-gradient" in html
    titles = {
        str(a.get("data-unit")): str(a.get("title"))
        for t, a in page.tags
        if a.get("data-unit") and t == "span"
    }
    assert titles["2"].startswith("2 — unanswered — Please describe the policies.")


def test_user_text_is_escaped(cli: Any, tmp_path: Path) -> None:
    loipr = copy.deepcopy(LOIPR)
    loipr["sections"][0]["title"] = "General <b>info</b> & more"
    loipr["sections"][0]["paragraphs"][1]["text"] = '<script>alert("x")</script> & "quotes"'
    root = write_workspace(tmp_path / "ws", loipr=loipr)
    html = _run(cli, root)
    assert "<script>" not in html and "<b>info</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    page = _page(html)
    assert '<script>alert("x")</script> & "quotes"' in " ".join(page.text)
    assert "General <b>info</b> & more" in "".join(page.text)


def test_ministry_page(cli: Any, ws_root: Path) -> None:
    data = _coverage_json(cli, ws_root, "--ministry", "KP2MI")
    html = _run(cli, ws_root, "--ministry", "KP2MI")
    page = _page(html)
    assert list(page.owed) == ["KP2MI"]
    body = data["ministries"][0]
    assert page.owed["KP2MI"] == body["unanswered"] == ["1(a)"]
    assert page.given == body["given"] == {"1(b)": "submitted", "3": "draft"}
    assert page.cells == {u["id"]: u["state"] for u in data["units"]}
    # its own answers: 3 units assigned, 1 owed, 1 draft, 1 submitted
    assert page.tiles == {"unanswered": 1, "draft": 1, "submitted": 1, "approved": 0}
    assert "Coverage of the replies — KP2MI" in html
    assert "Ministry for the Protection of Indonesian Migrant Workers" in html


def test_since_part_in_html(cli: Any, ws_root: Path) -> None:
    snap = ws_root / "snap.json"
    cli("coverage", "--root", str(ws_root), "--format", "json", "--output", str(snap))
    answers = {
        "KEMNAKER": {
            "ministry": "KEMNAKER",
            "answers": [{"question": "2", "status": "approved", "text": "Kebijakan."}],
        }
    }
    for old in (ws_root / "answers").glob("*.yaml"):
        old.unlink()
    write_workspace(ws_root, answers=answers)
    page = _page(_run(cli, ws_root, "--since", str(snap)))
    assert page.changes == [
        ("1(a)", "approved", "unanswered"),
        ("1(b)", "submitted", "unanswered"),
        ("2", "unanswered", "approved"),
        ("3", "draft", "unanswered"),
    ]
    text = " ".join(page.text)
    assert "Since the last meeting" in text
    assert "4 units changed state: 1 moved forward, 3 moved back" in text


def test_indonesian_dashboard(cli: Any) -> None:
    html = _run(cli, EXAMPLE, "--ui-lang", "id")
    assert '<html lang="id">' in html
    for label in (
        "Cakupan jawaban",
        "Belum dijawab",
        "Per instansi",
        "Yang masih terutang, per instansi",
        "Jumlah kata terhadap batas",
    ):
        assert label in html


def test_written_to_a_file(cli: Any, ws_root: Path) -> None:
    target = ws_root / "build" / "dashboard.html"
    result = cli("coverage", "--root", str(ws_root), "--format", "html", "--output", str(target))
    assert result.exit_code == 0
    assert f"coverage written to {target}" in result.stderr
    assert _page(target.read_text(encoding="utf-8")).cells


def test_core_renderer_is_deterministic(cli: Any, ws_root: Path) -> None:
    import datetime as dt

    cov = compute_coverage(load_workspace(ws_root), today=dt.date(2025, 7, 1))
    # the page depends on the coverage only, never on when it is rendered
    pages_of_cov = []
    for clock in ("2025-08-04 09:00:01", "2026-01-15 17:42:39"):
        with time_machine.travel(dt.datetime.fromisoformat(clock + "+07:00"), tick=False):
            pages_of_cov.append(render_coverage_html(cov, "en"))
    assert pages_of_cov[0] == pages_of_cov[1]
    assert "2025-07-01" in render_coverage_html(cov, "en")
    # two runs on different days and at different times give the same page, dated from
    # SOURCE_DATE_EPOCH: a timestamp taken from the clock would tell them apart
    env = {"CMWREPORT_LANG": "", "SOURCE_DATE_EPOCH": "1753920000"}  # 31 July 2025
    pages = []
    for clock in ("2025-08-04 09:00:01", "2026-01-15 17:42:39"):
        with time_machine.travel(dt.datetime.fromisoformat(clock + "+07:00"), tick=False):
            result = cli("coverage", "--root", str(ws_root), "--format", "html", env=env)
        assert result.exit_code == 0, result.stderr
        pages.append((ws_root / "build" / "coverage.html").read_text(encoding="utf-8"))
    assert pages[0] == pages[1]
    assert "2025-07-31" in pages[0]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_screenshot_and_print(cli: Any, tmp_path: Path) -> None:
    html = tmp_path / "dashboard.html"
    cli("coverage", "--root", str(EXAMPLE), "--format", "html", "--output", str(html))
    common = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    png, pdf = tmp_path / "shot.png", tmp_path / "print.pdf"
    subprocess.run(
        [*common, f"--screenshot={png}", "--window-size=1280,720", str(html)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    subprocess.run(
        [*common, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", str(html)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 720)
    assert len(data) > 30_000  # a page with content, not a blank screen
    document = pdf.read_bytes()
    assert document.startswith(b"%PDF")
    assert b"/MediaBox [0 0 594.95996 841.91998]" in document or b"595" in document


def test_indonesian_dashboard_uses_indonesian_thousands_separators(cli: Any) -> None:
    html = _run(cli, EXAMPLE, "--ui-lang", "id")
    assert "9.302 dari 21.200 kata" in html
    assert "9,302" not in html
