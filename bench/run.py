"""The performance benchmark behind ``make bench``.

For scales 1, 10 and 30 of the synthetic workspace (``bench/gen.py``) it times
``cmwreport check``, ``cmwreport coverage --format json`` and ``cmwreport render`` as whole
processes, each next to its *floor* measured in the same run:

* check and coverage: a fresh interpreter that only parses the same YAML files with
  PyYAML's C loader;
* render: a fresh interpreter that reads the same answers with the C loader and writes
  the same headings, paragraphs and tables with bare python-docx.

At the largest scale it also times ``check`` on the same workspace with concluding
observations and follow-up entries (``gen.py --follow-up``) against that workspace's own
YAML floor. It also times a fresh interpreter that merely imports typer, pydantic and yaml
(the start-up floor of ``check``) and measures the peak memory of ``check`` at scale 30. It
prints a table of ratios against the targets and writes everything to
``build/bench.json``. Each command runs several times; the minimum is compared (the
least disturbed run), the median is reported next to it.

Usage::

    python bench/run.py [--scales 1,10,30] [--runs N] [--output build/bench.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from gen import generate  # noqa: E402 - the generator lives next to this script

RUNS = {1: 7, 10: 5, 30: 3}
"""Runs per command at each scale (fewer where one run takes seconds)."""
FOLLOW_UP_RUNS = 3
"""Runs of check and its floor on the largest workspace with follow-up entries."""
BUDGET = 40.0
"""Seconds of runs after which a command is not repeated (it has run at least twice)."""

FLOOR_YAML = """
import sys, pathlib, yaml
root = pathlib.Path(sys.argv[1])
for path in sorted(root.glob("questions/*.yaml")) + sorted(root.glob("answers/*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""

FLOOR_DOCX = """
import sys, pathlib, yaml, docx
root = pathlib.Path(sys.argv[1])
load = lambda p: yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
loipr = load(root / "questions" / "loipr.yaml")
answers = {}
for path in sorted(root.glob("answers/*.yaml")):
    for answer in load(path).get("answers") or []:
        answers.setdefault(str(answer["question"]).split("(")[0], []).append(answer)
document = docx.Document()
document.add_heading(loipr["report"]["title"], 0)
def walk(sections):
    for section in sections:
        yield section
        yield from walk(section.get("sections") or [])
number = 0
for section in walk(loipr["sections"]):
    document.add_heading(section["title"], 1)
    for paragraph in section.get("paragraphs") or []:
        document.add_heading(f"Reply to paragraph {paragraph['number']}", 2)
        for answer in answers.get(str(paragraph["number"]), []):
            text = answer.get("text") or ""
            if isinstance(text, dict):
                text = text.get("en") or next(iter(text.values()), "")
            for block in text.split("\\n\\n"):
                if block.strip():
                    number += 1
                    document.add_paragraph(f"{number}.\\t{block.strip()}")
            for table in answer.get("tables") or []:
                document.add_paragraph(table["title"])
                grid = document.add_table(rows=1 + len(table["rows"]), cols=len(table["columns"]))
                for column, value in enumerate(table["columns"]):
                    grid.cell(0, column).text = str(value)
                for row_index, row in enumerate(table["rows"], start=1):
                    for column, value in enumerate(row):
                        grid.cell(row_index, column).text = str(value)
document.save(sys.argv[2])
"""

IMPORTS = "import typer, yaml\nfrom pydantic import BaseModel"
"""The start-up floor: what any typer + pydantic + PyYAML tool must import.

``import pydantic`` alone is lazy and loads almost nothing; ``BaseModel`` is what a tool
built on pydantic needs, so it is part of the floor.
"""

MEMORY = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@dataclass
class Timing:
    """Wall-clock times of one command over several runs."""

    name: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    status: int | None = None
    stderr: str = ""

    @property
    def ok(self) -> bool:
        """True when every run succeeded (exit status 0)."""
        return self.status == 0 and bool(self.times)

    @property
    def minimum(self) -> float:
        """The least disturbed run."""
        return min(self.times)

    @property
    def median(self) -> float:
        """The typical run."""
        return statistics.median(self.times)

    def as_json(self) -> dict[str, object]:
        """The timing as a JSON-ready mapping."""
        return {
            "argv": [_short(a) for a in self.argv],
            "runs": [round(t, 4) for t in self.times],
            "min": round(self.minimum, 4) if self.times else None,
            "median": round(self.median, 4) if self.times else None,
            "status": self.status,
            "stderr": self.stderr[-500:],
        }


def _short(arg: str) -> str:
    """Shorten absolute paths inside the repository and the long inline scripts."""
    if "\n" in arg:
        return "<inline script>"
    return arg.replace(str(REPO) + os.sep, "")


def _run_once(timing: Timing) -> None:
    start = time.perf_counter()
    proc = subprocess.run(timing.argv, capture_output=True, check=False, cwd=REPO)
    elapsed = time.perf_counter() - start
    timing.status = proc.returncode
    if proc.returncode == 0:
        timing.times.append(elapsed)
    else:
        timing.stderr = proc.stderr.decode("utf-8", "replace")


def measure(timings: list[Timing], runs: int) -> None:
    """Run each command *runs* times, interleaved so that drift hits all of them alike.

    A command whose runs already took :data:`BUDGET` seconds stops after two runs, so that
    the whole benchmark stays within five minutes.
    """
    for done in range(runs):
        for timing in timings:
            if timing.status is not None and not timing.ok:
                continue
            if done >= 2 and sum(timing.times) > BUDGET:
                continue
            _run_once(timing)


def warm_bytecode() -> str:
    """Compile cmwreport's modules to bytecode, as installing a package does; return the folder.

    The floors import typer, pydantic and PyYAML, whose bytecode pip wrote when it installed
    them. An editable install run with ``PYTHONDONTWRITEBYTECODE`` set (as some sandboxes and
    CI images do) would otherwise compile cmwreport's own modules from source on every run,
    which no installed copy does; measuring that would compare a cold start with a warm one.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("cmwreport")
    if spec is None or not spec.submodule_search_locations:
        return ""
    folder = next(iter(spec.submodule_search_locations))
    compileall.compile_dir(folder, quiet=1)
    return folder


def cmwreport_argv() -> list[str]:
    """How a user runs cmwreport: the console script next to this interpreter."""
    script = Path(sys.executable).parent / "cmwreport"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "cmwreport"]


def peak_memory_kib(argv: list[str]) -> int:
    """Peak resident memory (KiB) of the process *argv*, measured by a fresh parent."""
    proc = subprocess.run(
        [sys.executable, "-c", MEMORY, *argv], capture_output=True, check=True, cwd=REPO
    )
    return int(proc.stdout.decode().strip().splitlines()[-1])


def render_available(cli: list[str]) -> bool:
    """True when this cmwreport has a ``render`` command."""
    proc = subprocess.run([*cli, "render", "--help"], capture_output=True, check=False)
    return proc.returncode == 0


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) // 1024} MiB"
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "system": platform.platform(),
        "python": platform.python_version(),
    }


@dataclass
class Target:
    """One target of the issue: a measured value, its limit, and whether it is met."""

    name: str
    value: float | None
    limit: float
    unit: str
    note: str = ""

    @property
    def met(self) -> bool | None:
        """True / False, or None when it could not be measured."""
        return None if self.value is None else self.value <= self.limit

    def as_json(self) -> dict[str, object]:
        """The target as a JSON-ready mapping."""
        return {
            "name": self.name,
            "value": None if self.value is None else round(self.value, 3),
            "limit": self.limit,
            "unit": self.unit,
            "met": self.met,
            "note": self.note,
        }


def _ratio(a: Timing | None, b: Timing | None) -> float | None:
    if a is None or b is None or not a.ok or not b.ok:
        return None
    return a.minimum / b.minimum


FORM_READ_FLOOR = {
    "xlsx": "import sys, openpyxl\nopenpyxl.load_workbook(sys.argv[1], read_only=True).close()",
    "docx": "import sys, docx\ndocx.Document(sys.argv[1])",
}
"""Reading the filled form with openpyxl / python-docx alone (the other half of the floor)."""

FILL_FORM = """
import sys, shutil, pathlib, datetime as dt
from cmwreport.forms import make_form
from cmwreport.workspace import load_workspace
root, fmt, out = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3])
ws = load_workspace(root)
counts = {}
for unit in ws.units:
    for code in unit.assigned:
        counts[code] = counts.get(code, 0) + 1
code = max(sorted(counts), key=lambda c: counts[c])
data, form = make_form(root, code, fmt, today=dt.date(2025, 8, 1))
out.write_bytes(data)
words = ("Pemerintah telah menetapkan peraturan pelindungan pekerja migran dan keluarganya "
         "sejak tahun 2017 melalui layanan terpadu satu atap di setiap provinsi. ") * 4
english = ("The Government adopted regulations on the protection of migrant workers and "
           "their families in 2017 through one-stop service centres in every province. ") * 4
if fmt == "xlsx":
    import openpyxl
    wb = openpyxl.load_workbook(out)
    sheet = wb.worksheets[0]
    header = next(r for r in range(1, 30) if str(sheet.cell(r, 1).value or "").startswith("No."))
    heads = {c: str(sheet.cell(header, c).value or "") for c in range(1, sheet.max_column + 1)}
    cols = {k: next(c for c, h in heads.items() if k in h.split("\\n")[0])
            for k in ("bahasa Indonesia", "bahasa Inggris")}
    for r in range(header + 1, sheet.max_row + 1):
        sheet.cell(r, cols["bahasa Indonesia"], words + "\\n• butir satu\\n• butir dua")
        sheet.cell(r, cols["bahasa Inggris"], english)
    wb.save(out)
else:
    import docx
    doc = docx.Document(str(out))
    for table in doc.tables[1:]:
        for row in table.rows:
            label = row.cells[0].text.split("\\n")[0]
            if "bahasa Indonesia" in label or "bahasa Inggris" in label:
                cell = row.cells[1]
                text = words if "Indonesia" in label else english
                cell.paragraphs[0].add_run(text[:60]).bold = True
                cell.paragraphs[0].add_run(text[60:])
                cell.add_paragraph("butir satu", style="List Bullet")
                cell.add_paragraph("butir dua", style="List Bullet")
    doc.save(str(out))
print(code, len(form.rows))
"""
"""Write the form of the body with the most units and fill every row, in both languages."""


def forms_batch(cli: list[str], work: Path) -> tuple[list[Timing], dict[str, str]]:
    """Timings of importing a fully filled XLSX and DOCX form of the bundled example.

    Each import starts from the example's own answers file (restored before every run), in
    a copy of the example; the floor is ``check`` on the same copy plus reading the form
    with openpyxl / python-docx alone.
    """
    copy = work / "example"
    shutil.copytree(REPO / "questions", copy / "questions")
    shutil.copytree(REPO / "answers", copy / "answers")
    batch: list[Timing] = [Timing("form check", [*cli, "check", "--root", str(copy)])]
    bodies: dict[str, str] = {}
    for fmt in ("xlsx", "docx"):
        form = work / f"form.{fmt}"
        made = subprocess.run(
            [sys.executable, "-c", FILL_FORM, str(copy), fmt, str(form)],
            capture_output=True,
            check=True,
            text=True,
        )
        code, rows = made.stdout.split()
        bodies[fmt] = f"{code} ({rows} questions)"
        saved = work / f"{code}.yaml.orig"
        shutil.copy(copy / "answers" / f"{code}.yaml", saved)
        restore_and_import = f'cp "{saved}" "{copy / "answers" / (code + ".yaml")}" && exec "$@"'
        batch.append(
            Timing(
                f"import {fmt}",
                [
                    "sh",
                    "-c",
                    restore_and_import,
                    "sh",
                    *cli,
                    "import",
                    str(form),
                    "--root",
                    str(copy),
                ],
            )
        )
        batch.append(Timing(f"read {fmt}", [sys.executable, "-c", FORM_READ_FLOOR[fmt], str(form)]))
    return batch, bodies


def main() -> int:  # noqa: C901 - one straight script
    """Run the benchmark; exit 0 when every measured target is met, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,30")
    parser.add_argument("--runs", type=int, default=0, help="runs per command (default: by scale)")
    parser.add_argument("--output", type=Path, default=REPO / "build" / "bench.json")
    parser.add_argument(
        "--only-check", action="store_true", help="time check, coverage and the floors only"
    )
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    started = time.perf_counter()
    package = warm_bytecode()
    print(f"bytecode compiled in {package}", flush=True)
    cli = cmwreport_argv()
    python = [sys.executable]
    has_render = not args.only_check and render_available(cli)
    work = Path(tempfile.mkdtemp(prefix="cmwreport-bench-"))
    results: dict[int, dict[str, object]] = {}
    timings: dict[tuple[int, str], Timing] = {}
    memory: dict[int, int] = {}
    try:
        imports = Timing("imports", [*python, "-c", IMPORTS])
        imports_bare = Timing(
            "imports (import pydantic only)", [*python, "-c", "import typer, pydantic, yaml"]
        )
        for scale in scales:
            root = work / f"scale-{scale}"
            stats = generate(root, scale=scale)
            docx_out = work / f"scale-{scale}.docx"
            floor_out = work / f"scale-{scale}-floor.docx"
            ws = str(root)
            batch = [
                Timing("check", [*cli, "check", "--root", ws]),
                Timing("coverage", [*cli, "coverage", "--format", "json", "--root", ws]),
                Timing("yaml floor", [*python, "-c", FLOOR_YAML, ws]),
            ]
            if has_render:
                batch += [
                    Timing("render", [*cli, "render", "--root", ws, "--output", str(docx_out)]),
                    Timing("docx floor", [*python, "-c", FLOOR_DOCX, ws, str(floor_out)]),
                ]
            if scale == 1:
                batch += [imports, imports_bare]
            runs = args.runs or RUNS.get(scale, 3)
            print(
                f"scale {scale}: {stats.units} units, {stats.answers} answers, "
                f"{stats.words_en} English words, {stats.bytes / 1e6:.1f} MB of YAML; "
                f"{runs} runs",
                flush=True,
            )
            measure(batch, runs)
            for timing in batch:
                timings[(scale, timing.name)] = timing
                if not timing.ok:
                    print(
                        f"  {timing.name} failed (exit {timing.status}): "
                        f"{timing.stderr.strip()[-300:]}",
                        flush=True,
                    )
            memory[scale] = peak_memory_kib([*cli, "check", "--root", ws])
            results[scale] = {
                "workspace": stats.as_json(),
                "commands": {t.name: t.as_json() for t in batch},
                "check_peak_rss_kib": memory[scale],
            }
        # The cycle after the report: the largest workspace again, with concluding
        # observations and follow-up entries (issue 14), timed against its own YAML floor.
        fu_scale = max(scales)
        fu_root = work / f"scale-{fu_scale}-follow-up"
        fu_stats = generate(fu_root, scale=fu_scale, follow_up=True)
        fu_ws = str(fu_root)
        fu_batch = [
            Timing("check follow-up", [*cli, "check", "--root", fu_ws]),
            Timing("yaml floor follow-up", [*python, "-c", FLOOR_YAML, fu_ws]),
        ]
        fu_runs = args.runs or FOLLOW_UP_RUNS
        print(
            f"scale {fu_scale} with follow-up: {fu_stats.recommendations} recommendations "
            f"({fu_stats.selected} selected), {fu_stats.follow_up_entries} follow-up entries, "
            f"{fu_stats.bytes / 1e6:.1f} MB of YAML; {fu_runs} runs",
            flush=True,
        )
        measure(fu_batch, fu_runs)
        for timing in fu_batch:
            timings[(fu_scale, timing.name)] = timing
            if not timing.ok:
                print(
                    f"  {timing.name} failed (exit {timing.status}): "
                    f"{timing.stderr.strip()[-300:]}",
                    flush=True,
                )
        results[fu_scale]["follow_up"] = {
            "workspace": fu_stats.as_json(),
            "commands": {t.name: t.as_json() for t in fu_batch},
        }
        form_batch, form_bodies = ([], {}) if args.only_check else forms_batch(cli, work)
        print(f"forms: import of a filled form of {form_bodies or '(skipped)'}", flush=True)
        measure(form_batch, args.runs or 5)
        for timing in form_batch:
            timings[(0, timing.name)] = timing
            if not timing.ok:
                print(
                    f"  {timing.name} failed (exit {timing.status}): "
                    f"{timing.stderr.strip()[-300:]}",
                    flush=True,
                )
        results[0] = {
            "forms": form_bodies,
            "commands": {t.name: t.as_json() for t in form_batch},
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def get(scale: int, name: str) -> Timing | None:
        return timings.get((scale, name))

    top = max(scales)
    low = min(scales)
    targets = [
        Target(
            f"check / YAML floor at scale {top}",
            _ratio(get(top, "check"), get(top, "yaml floor")),
            2.0,
            "x",
        ),
        Target(
            f"check at scale {top} with follow-up / YAML floor",
            _ratio(get(top, "check follow-up"), get(top, "yaml floor follow-up")),
            2.0,
            "x",
        ),
        Target(
            f"check at scale {low} / importing typer, pydantic, yaml",
            _ratio(get(low, "check"), get(low, "imports")),
            1.5,
            "x",
        ),
        Target(
            f"render / python-docx floor at scale {low}",
            _ratio(get(low, "render"), get(low, "docx floor")),
            2.5,
            "x",
            ""
            if has_render
            else ("skipped (--only-check)" if args.only_check else "render command not available"),
        ),
        Target(
            f"peak memory of check at scale {top}", memory.get(top, 0) / 1024 or None, 300.0, "MiB"
        ),
    ]
    # Linear growth of render: time per step of scale may not grow more than 25 %
    # beyond proportional (start-up makes small scales look slower, never faster).
    rendered = [s for s in sorted(scales) if (t := get(s, "render")) is not None and t.ok]
    for a, b in zip(rendered, rendered[1:], strict=False):
        ta, tb = get(a, "render"), get(b, "render")
        assert ta is not None and tb is not None
        targets.append(
            Target(
                f"render growth from scale {a} to {b} (1.0 = linear)",
                (tb.minimum / ta.minimum) / (b / a),
                1.25,
                "x",
            )
        )
    check_form = get(0, "form check")
    for fmt in ("xlsx", "docx"):
        imported, read = get(0, f"import {fmt}"), get(0, f"read {fmt}")
        floor = None
        if imported and read and check_form and imported.ok and read.ok and check_form.ok:
            floor = imported.minimum / (check_form.minimum + read.minimum)
        targets.append(
            Target(f"import of a filled {fmt} form / (check + reading it alone)", floor, 2.0, "x")
        )
    if not rendered:
        targets.append(
            Target("render growth with scale", None, 1.25, "x", "render command not available")
        )
    elapsed = time.perf_counter() - started

    # ------------------------------------------------------------------ the report
    print()
    head = (
        f"{'scale':>5}  {'command':<10} {'min s':>7} {'median s':>9}  {'floor':<10} "
        f"{'floor s':>8} {'ratio':>6}"
    )
    print(head)
    print("-" * len(head))
    pairs = [("check", "yaml floor"), ("coverage", "yaml floor"), ("render", "docx floor")]
    rows = [(scale, pair) for scale in scales for pair in pairs]
    rows.append((top, ("check follow-up", "yaml floor follow-up")))
    for scale, (name, floor_name) in rows:
        measured, floor = get(scale, name), get(scale, floor_name)
        if measured is None or not measured.ok:
            continue
        ratio = _ratio(measured, floor)
        floor_s = f"{floor.minimum:8.3f}" if floor is not None and floor.ok else "       -"
        label, floor_label = (
            ("check+fu", "yaml+fu") if name.endswith("follow-up") else (name, floor_name)
        )
        print(
            f"{scale:>5}  {label:<10} {measured.minimum:7.3f} {measured.median:9.3f}  "
            f"{floor_label:<10} {floor_s} {ratio or 0:6.2f}"
        )
    check_form = get(0, "form check")
    for fmt in ("xlsx", "docx"):
        imported, read = get(0, f"import {fmt}"), get(0, f"read {fmt}")
        if imported and read and check_form and imported.ok and read.ok and check_form.ok:
            floor_s = check_form.minimum + read.minimum
            print(
                f"{'ex.':>5}  {'import ' + fmt:<10} {imported.minimum:7.3f} "
                f"{imported.median:9.3f}  {'check+read':<10} {floor_s:8.3f} "
                f"{imported.minimum / floor_s:6.2f}"
            )
    start_up = get(low, "imports")
    if start_up is not None and start_up.ok:
        print(
            f"{low:>5}  {'imports':<10} {start_up.minimum:7.3f} {start_up.median:9.3f}  "
            "(typer + pydantic.BaseModel + yaml in a fresh interpreter)"
        )
    print()
    for target in targets:
        verdict = {True: "MET", False: "MISSED", None: "NOT MEASURED"}[target.met]
        value = "-" if target.value is None else f"{target.value:.2f} {target.unit}"
        extra = f"  ({target.note})" if target.note else ""
        print(
            f"{verdict:<13} {target.name}: {value} (target <= {target.limit} {target.unit}){extra}"
        )
    print(f"\nbenchmark took {elapsed:.0f} s")

    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "cmwreport": cli,
        "seconds": round(elapsed, 1),
        "scales": {str(k): v for k, v in results.items()},
        "targets": [t.as_json() for t in targets],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_name(args.output.name + ".tmp")
    tmp.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    print(f"written {_short(str(args.output))}")
    return 0 if all(t.met is not False for t in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
