"""Generate synthetic cmwreport workspaces for the benchmark and the fuzz tests.

Scale 1 is the size of one real reporting cycle: 36 paragraphs of the list of issues
(about 90 answerable units), 15 contributing bodies, about 160 answers and about 20,000
English words of answer text. Scale N multiplies paragraphs, units, answers and words by
N; the number of bodies stays 15. The output is deterministic for a given scale and
seed, written the way people write these files (block scalars, quoted question ids,
comments), and valid: ``cmwreport check`` reports warnings only (``near-word-limit`` or
``over-word-limit``, ``unanswered``, ``lead-missing`` and the like), never an error.

With ``--follow-up`` it also writes the cycle after the report: a
``questions/observations.yaml`` of concluding observations shaped like the bundled
example's (about 20 recommendations per cycle, times the scale, with leads, contributors,
lettered items, context paragraphs without a lead, a few selected for follow-up and a due
date), and ``follow_up:`` entries in the bodies' answers files at mixed implementation and
review states, with Markdown text and now and then a table. The list of issues and the
answers are the same as without the option (the follow-up uses a random stream of its own).

Usage::

    python bench/gen.py DIR [--scale N] [--seed S] [--follow-up]
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

BODIES: list[tuple[str, str, str, bool]] = [
    ("KEMENHAM", "Ministry of Human Rights", "Kementerian Hak Asasi Manusia", True),
    ("KEMLU", "Ministry of Foreign Affairs", "Kementerian Luar Negeri", True),
    ("KEMNAKER", "Ministry of Manpower", "Kementerian Ketenagakerjaan", False),
    (
        "KP2MI",
        "Ministry for the Protection of Indonesian Migrant Workers",
        "Kementerian Pelindungan Pekerja Migran Indonesia",
        False,
    ),
    (
        "KEMENIMIPAS",
        "Ministry of Immigration and Corrections",
        "Kementerian Imigrasi dan Pemasyarakatan",
        False,
    ),
    ("POLRI", "Indonesian National Police", "Kepolisian Negara Republik Indonesia", False),
    ("KEMENSOS", "Ministry of Social Affairs", "Kementerian Sosial", False),
    (
        "KEMENPPPA",
        "Ministry of Women's Empowerment and Child Protection",
        "Kementerian Pemberdayaan Perempuan dan Pelindungan Anak",
        False,
    ),
    ("BPS", "Statistics Indonesia", "Badan Pusat Statistik", False),
    ("BPJSTK", "Employment Social Security Agency", "BPJS Ketenagakerjaan", False),
    ("KPU", "General Elections Commission", "Komisi Pemilihan Umum", False),
    ("KEMENDAGRI", "Ministry of Home Affairs", "Kementerian Dalam Negeri", False),
    ("KEMENKES", "Ministry of Health", "Kementerian Kesehatan", False),
    (
        "KEMENDIKDASMEN",
        "Ministry of Primary and Secondary Education",
        "Kementerian Pendidikan Dasar dan Menengah",
        False,
    ),
    ("KOMNASHAM", "National Human Rights Commission", "Komisi Nasional Hak Asasi Manusia", False),
]

# Sentence parts for English answer text: subject, verb phrase, object, closing phrase.
_SUBJECTS = [
    "The Government",
    "The Ministry",
    "The national task force",
    "Each provincial office",
    "The labour inspectorate",
    "The one-stop integrated service centre",
    "The regulation",
    "The bilateral arrangement",
    "The national action plan",
    "The complaints unit",
    "Village administrations",
    "The embassy in the country of destination",
    "The placement agency",
    "The social security programme",
    "The immigration office",
]
_VERBS = [
    "provides for",
    "has strengthened",
    "now requires",
    "ensures",
    "sets out",
    "has introduced",
    "monitors",
    "coordinates",
    "finances",
    "reviews every year",
    "has extended",
    "publishes",
    "supervises",
    "guarantees",
    "records",
]
_OBJECTS = [
    "the protection of migrant workers before, during and after employment",
    "free legal aid for workers in an irregular situation",
    "pre-departure training on rights and obligations",
    "the registration of prospective migrant workers at village level",
    "written employment contracts in a language the worker understands",
    "access to health care for members of migrant workers' families",
    "the repatriation of workers in distress",
    "the inspection of recruitment agencies and training centres",
    "the payment of wages through bank accounts",
    "data disaggregated by sex, age, nationality and country of destination",
    "shelters for victims of trafficking in persons",
    "the right of children of migrant workers to a birth certificate",
    "the participation of workers abroad in general elections",
    "complaints lodged by workers and their families",
    "the prohibition on charging recruitment fees to workers",
]
_CLOSINGS = [
    "in line with Law No. 18 of 2017",
    "in all provinces",
    "since 2021",
    "in cooperation with local governments",
    "with the support of civil society",
    "through an online system",
    "at no cost to the worker",
    "in the main countries of destination",
    "as set out in the implementing regulations",
    "for women and men alike",
]
_ID_WORDS = (
    "pemerintah pelindungan pekerja migran indonesia keluarga hak layanan daerah pusat "
    "peraturan undang-undang pelaksanaan penempatan pengaduan bantuan hukum pelatihan "
    "kerja sama negara tujuan data perempuan anak kesehatan pendidikan sosial desa"
).split()
_TABLE_TITLES = [
    "Placement of Indonesian migrant workers by sex",
    "Complaints received by type and sex",
    "Workers repatriated by country of destination",
    "Victims of trafficking assisted, by sex and age group",
    "Participants in pre-departure training, by province",
]
_ROW_LABELS = [
    "Malaysia",
    "Taiwan Province of China",
    "Hong Kong, China",
    "Saudi Arabia",
    "Republic of Korea",
    "Japan",
    "Singapore",
]
_SECTION_TITLES = [
    "General information",
    "General principles",
    "Part III of the Convention",
    "Part IV of the Convention",
    "Part V of the Convention",
    "Part VI of the Convention",
    "Data",
    "Recent developments",
]


@dataclass
class Stats:
    """What was generated: counts to check against the intended scale."""

    scale: int
    seed: int
    paragraphs: int = 0
    units: int = 0
    bodies: int = len(BODIES)
    answers: int = 0
    words_en: int = 0
    tables: int = 0
    footnotes: int = 0
    bytes: int = 0
    recommendations: int = 0
    selected: int = 0
    follow_up_entries: int = 0
    follow_up_tables: int = 0
    files: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The counts as a JSON-ready mapping."""
        return {
            "scale": self.scale,
            "seed": self.seed,
            "paragraphs": self.paragraphs,
            "units": self.units,
            "bodies": self.bodies,
            "answers": self.answers,
            "words_en": self.words_en,
            "tables": self.tables,
            "footnotes": self.footnotes,
            "bytes": self.bytes,
            "recommendations": self.recommendations,
            "selected": self.selected,
            "follow_up_entries": self.follow_up_entries,
            "follow_up_tables": self.follow_up_tables,
            "files": len(self.files),
        }


@dataclass
class _Unit:
    id: str
    lead: str
    contributors: list[str]
    data: bool


def _sentence(rng: random.Random) -> str:
    text = (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
        f"{rng.choice(_CLOSINGS)}."
    )
    if rng.random() < 0.08:
        text = text.replace("the ", "the **", 1).replace(" of", "** of", 1)
        if text.count("**") != 2:
            text = text.replace("**", "")
    return text


def _words(text: str) -> int:
    return len(text.split())


def _english(rng: random.Random, target: int, stats: Stats) -> str:
    """Markdown English text of about *target* words: paragraphs, lists, footnotes."""
    blocks: list[str] = []
    words = 0
    notes: list[str] = []
    while words < target:
        kind = rng.random()
        if kind < 0.12 and words > 0:
            intro = "The main measures are the following:"
            items = [_sentence(rng).rstrip(".") + ";" for _ in range(rng.randint(2, 4))]
            items[-1] = items[-1].rstrip(";") + "."
            numbered = rng.random() < 0.4
            lines = [f"{i}. {item}" if numbered else f"- {item}" for i, item in enumerate(items, 1)]
            blocks.append(intro)
            blocks.append("\n".join(lines))
            words += _words(intro) + sum(_words(item) for item in items)
        else:
            sentences = [_sentence(rng) for _ in range(rng.randint(2, 5))]
            if rng.random() < 0.15:
                number = len(notes) + 1
                sentences[0] = sentences[0][:-1] + f"[^{number}]."
                note = (
                    f"Government Regulation No. {rng.randint(1, 99)} of {rng.randint(2017, 2025)}."
                )
                notes.append(f"[^{number}]: {note}")
                words += _words(note)
            paragraph = " ".join(sentences)
            blocks.append(paragraph)
            words += _words(paragraph)
    stats.words_en += words
    stats.footnotes += len(notes)
    return "\n\n".join(blocks + notes)


def _indonesian(rng: random.Random, target: int) -> str:
    paragraphs = []
    left = target
    while left > 0:
        count = min(left, rng.randint(25, 70))
        words = [rng.choice(_ID_WORDS) for _ in range(count)]
        paragraphs.append(" ".join(words).capitalize() + ".")
        left -= count
    return "\n\n".join(paragraphs)


def _block(text: str, indent: str) -> str:
    """A YAML literal block scalar holding *text*, indented by *indent*."""
    lines = [(indent + line) if line else "" for line in text.split("\n")]
    return "|\n" + "\n".join(lines) + "\n"


def _plan_units(rng: random.Random, scale: int, stats: Stats) -> tuple[str, list[_Unit]]:
    """Write the list of issues; return its YAML and the units with their assignment."""
    codes = [b[0] for b in BODIES]
    paragraphs = 36 * scale
    per_section = 6
    out = [
        "# Synthetic list of issues generated by bench/gen.py (benchmark data, not real).",
        "committee: CMW",
        "state: Indonesia",
        "symbol: CMW/C/IDN/QPR/2",
        "adopted: 2025-01-10",
        "report:",
        "  title: Second periodic report submitted by Indonesia under article 73 of the Convention",
        "  symbol: CMW/C/IDN/2",
        "  due: 2022",
        "  kind: periodic",
        "  language: en",
        "  drafting_languages: [id, en]",
        "sections:",
    ]
    units: list[_Unit] = []
    number = 0
    section_index = 0
    while number < paragraphs:
        section_index += 1
        out.append(f"  - id: S{section_index}")
        out.append(f"    title: {_SECTION_TITLES[section_index % len(_SECTION_TITLES)]}")
        out.append("    paragraphs:")
        for _ in range(min(per_section, paragraphs - number)):
            number += 1
            lead = rng.choice(codes)
            contributors = rng.sample([c for c in codes if c != lead], rng.randint(1, 3))
            out.append(f"      - number: {number}")
            out.append(f"        articles: [{rng.randint(1, 93)}]")
            out.append(f"        lead: {lead}")
            out.append(f"        contributors: [{', '.join(contributors)}]")
            out.append(f"        text: Please provide information on {rng.choice(_OBJECTS)}.")
            n_items = rng.choices([0, 2, 3, 4], weights=[20, 30, 35, 15])[0]
            if n_items == 0:
                data = rng.random() < 0.2
                if data:
                    out.append("        data: [sex, age, nationality]")
                units.append(_Unit(str(number), lead, contributors, data))
                continue
            out.append("        items:")
            for letter in "abcd"[:n_items]:
                out.append(f"          - letter: {letter}")
                out.append(f"            text: The measures taken on {rng.choice(_OBJECTS)};")
                data = rng.random() < 0.15
                if data:
                    out.append("            data: [sex, destination]")
                units.append(_Unit(f"{number}({letter})", lead, contributors, data))
    stats.paragraphs = paragraphs
    stats.units = len(units)
    return "\n".join(out) + "\n", units


def _ministries_yaml() -> str:
    out = ["# Synthetic bodies generated by bench/gen.py.", "ministries:"]
    for code, en, idn, coordinator in BODIES:
        out.append(f"  - code: {code}")
        out.append(f'    name: {{en: "{en}", id: "{idn}"}}')
        out.append(f"    coordinator: {'true' if coordinator else 'false'}")
    return "\n".join(out) + "\n"


def _table(rng: random.Random) -> list[str]:
    years = list(range(2020, 2025))
    by_year = rng.random() < 0.5
    lines = [f"      - title: {rng.choice(_TABLE_TITLES)}, 2020-2024"]
    if by_year:
        lines.append("        columns: [Year, Men, Women, Total]")
        labels: list[str] = [str(y) for y in years]
    else:
        lines.append("        columns: [Country or area, Men, Women, Total]")
        labels = [f'"{label}"' for label in rng.sample(_ROW_LABELS, 4)]
    lines.append("        rows:")
    for label in labels:
        men, women = rng.randint(100, 90000), rng.randint(100, 150000)
        lines.append(f"          - [{label}, {men}, {women}, {men + women}]")
    lines.append("        source: Administrative data (synthetic)")
    return lines


def _plan_answers(rng: random.Random, units: list[_Unit]) -> list[tuple[str, _Unit]]:
    """Who answers what: the lead mostly, each contributor sometimes (~1.8 answers a unit)."""
    plan: list[tuple[str, _Unit]] = []
    for unit in units:
        if rng.random() < 0.9:
            plan.append((unit.lead, unit))
        for code in unit.contributors:
            if rng.random() < 0.45:
                plan.append((code, unit))
    return plan


def _answer(rng: random.Random, unit: _Unit, words_per_answer: int, stats: Stats) -> str:
    """One answer record to *unit*, as YAML lines of an answers file."""
    status = rng.choices(["draft", "submitted", "approved"], weights=[40, 30, 30])[0]
    day = rng.randint(1, 28)
    lines = [
        f'  - question: "{unit.id}"',
        f"    status: {status}",
        f"    updated: 2025-{rng.randint(3, 9):02d}-{day:02d}",
    ]
    has_en = status == "approved" or rng.random() < 0.85
    has_id = not has_en or rng.random() < 0.5
    target = max(15, round(rng.gauss(words_per_answer, words_per_answer / 3)))
    lines.append("    text:")
    if has_id:
        lines.append("      id: " + _block(_indonesian(rng, target), "        ").rstrip("\n"))
    if has_en:
        lines.append("      en: " + _block(_english(rng, target, stats), "        ").rstrip("\n"))
    if unit.data or rng.random() < 0.05:
        lines.append("    tables:")
        lines.extend(_table(rng))
        stats.tables += 1
    if rng.random() < 0.3:
        lines.append(
            f"    sources: [Law No. 18 of 2017, Government Regulation No. "
            f"{rng.randint(1, 99)} of 2021]"
        )
    if rng.random() < 0.1:
        lines.append("    note: to be confirmed with the legal bureau before the next rakor")
    return "\n".join(lines)


# Concluding observations: what the Committee notes (context, no lead) and recommends.
_CO_CONTEXT = [
    "The Committee welcomes the legislative reforms on {obj} adopted since its previous dialogue.",
    "The Committee notes the information provided on {obj}, but regrets the lack of data.",
    "The Committee is concerned that the measures on {obj} are not applied in all provinces.",
    "The Committee is concerned about reports that the measures on {obj} seldom reach women.",
]
_CO_RECOMMENDS = [
    "The Committee recommends that the State party ensure {obj}.",
    "The Committee recommends that the State party strengthen {obj}, with adequate resources.",
    "The Committee recommends that the State party review its legislation on {obj}.",
    "The Committee recommends that the State party monitor {obj} and publish the results.",
]
_CO_ITEMS = [
    "Adopt the implementing regulations on {obj};",
    "Allocate sufficient human, technical and financial resources to {obj};",
    "Train officials at national and regional level on {obj};",
    "Collect data on {obj}, disaggregated by sex, age and country of destination;",
]
_CO_SECTIONS = [
    "General measures of implementation (arts. 73 and 84)",
    "General principles (arts. 7 and 83)",
    "Human rights of all migrant workers and members of their families (arts. 8-35)",
    "Other rights of migrant workers in a documented or regular situation (arts. 36-56)",
    "Promotion of sound, equitable, humane and lawful conditions (arts. 64-71)",
    "Dissemination and follow-up",
]
_IMPLEMENTATION = ["not-started", "partial", "implemented"]


def _plan_observations(
    rng: random.Random, scale: int, stats: Stats
) -> tuple[str, list[_Unit], list[str]]:
    """Write the concluding observations; return the YAML, the recommendations, the selected.

    One cycle has 18 paragraphs in 3 sections: 6 notes or concerns without a lead, 7
    recommendations without items and 5 with two to three lettered items (about 20
    recommendations). The Committee selects three per cycle for follow-up: one whole
    paragraph with items and two single recommendations.
    """
    codes = [b[0] for b in BODIES]
    out = [
        "# Synthetic concluding observations generated by bench/gen.py (benchmark data, not",
        "# real): the layout of the bundled example's questions/observations.yaml, scaled.",
        "symbol: CMW/C/IDN/CO/2",
        "adopted: 2026-01-20",
        "report: CMW/C/IDN/2",
        "follow_up:",
        "  due: 2028-01-20",
        "  paragraphs: [SELECTED]",
        f"  word_limit: {3500 * scale}",
        "sections:",
    ]
    recommendations: list[_Unit] = []
    selected: list[str] = []
    number = 8
    for cycle in range(scale):
        kinds = ["context"] * 6 + ["single"] * 7 + ["items"] * 5
        rng.shuffle(kinds)
        # A concern comes first in each section, as the Committee writes them.
        with_items: list[str] = []
        singles: list[str] = []
        for section in range(3):
            out.append(f"  - id: C-{cycle * 3 + section + 1}")
            out.append(f"    title: {_CO_SECTIONS[(cycle * 3 + section) % len(_CO_SECTIONS)]}")
            out.append("    paragraphs:")
            for kind in kinds[section * 6 : section * 6 + 6]:
                number += rng.choice([1, 1, 1, 2])
                obj = rng.choice(_OBJECTS)
                out.append(f"      - number: {number}")
                if kind == "context":
                    text = rng.choice(_CO_CONTEXT).format(obj=obj)
                    out.append("        text: >-")
                    out.append(f"          {text}")
                    continue
                lead = rng.choice(codes)
                contributors = rng.sample([c for c in codes if c != lead], rng.randint(0, 3))
                out.append(f"        lead: {lead}")
                if contributors:
                    out.append(f"        contributors: [{', '.join(contributors)}]")
                if kind == "single":
                    out.append("        text: >-")
                    out.append(f"          {rng.choice(_CO_RECOMMENDS).format(obj=obj)}")
                    recommendations.append(_Unit(str(number), lead, contributors, False))
                    singles.append(str(number))
                    continue
                out.append("        text: The Committee recommends that the State party")
                out.append("        items:")
                with_items.append(str(number))
                n_items = rng.choice([2, 2, 3])
                for index, letter in enumerate("abc"[:n_items]):
                    item_lead, item_contributors = lead, contributors
                    out.append(f"          - letter: {letter}")
                    if rng.random() < 0.2:
                        item_lead = rng.choice([c for c in codes if c != lead])
                        item_contributors = [lead]
                        out.append(f"            lead: {item_lead}")
                        out.append(f"            contributors: [{lead}]")
                    end = "." if index == n_items - 1 else ";"
                    item = rng.choice(_CO_ITEMS).format(obj=rng.choice(_OBJECTS))
                    out.append("            text: >-")
                    out.append(f"              {item[:-1]}{end}")
                    recommendations.append(
                        _Unit(f"{number}({letter})", item_lead, item_contributors, False)
                    )
        selected.append(rng.choice(with_items))
        selected.extend(rng.sample(singles, 2))
    out[out.index("  paragraphs: [SELECTED]")] = (
        "  paragraphs: [" + ", ".join(f'"{s}"' for s in selected) + "]"
    )
    stats.recommendations = len(recommendations)
    stats.selected = len(selected)
    return "\n".join(out) + "\n", recommendations, selected


def _follow_up_entry(rng: random.Random, unit: _Unit, stats: Stats) -> str:
    """One follow-up entry on *unit*, as YAML lines of an answers file."""
    implementation = rng.choices(_IMPLEMENTATION, weights=[25, 50, 25])[0]
    status = rng.choices(["draft", "submitted", "approved"], weights=[40, 35, 25])[0]
    lines = [
        f'  - recommendation: "{unit.id}"',
        f"    implementation: {implementation}",
        f"    status: {status}",
        f"    updated: 2026-{rng.randint(2, 11):02d}-{rng.randint(1, 28):02d}",
    ]
    has_en = status == "approved" or rng.random() < 0.8
    has_id = not has_en or rng.random() < 0.6
    target = max(20, round(rng.gauss(140, 50)))
    lines.append("    text:")
    if has_id:
        lines.append("      id: " + _block(_indonesian(rng, target), "        ").rstrip("\n"))
    if has_en:
        english = _english(rng, target, Stats(scale=stats.scale, seed=stats.seed))
        lines.append("      en: " + _block(english, "        ").rstrip("\n"))
    if rng.random() < 0.12:
        lines.append("    tables:")
        lines.extend(_table(rng))
        stats.follow_up_tables += 1
    if rng.random() < 0.25:
        lines.append(f"    sources: [Regulation No. {rng.randint(1, 20)} of 2025]")
    if rng.random() < 0.08:
        lines.append("    note: figures for 2026 to be confirmed before the rakor")
    stats.follow_up_entries += 1
    return "\n".join(lines)


def _follow_up_entries(
    rng: random.Random, units: list[_Unit], stats: Stats
) -> dict[str, list[str]]:
    """The follow-up entries of each body: the lead mostly, each contributor sometimes."""
    by_body: dict[str, list[str]] = {b[0]: [] for b in BODIES}
    for unit in units:
        if rng.random() < 0.85:
            by_body[unit.lead].append(_follow_up_entry(rng, unit, stats))
        for code in unit.contributors:
            if rng.random() < 0.4:
                by_body[code].append(_follow_up_entry(rng, unit, stats))
    return by_body


def generate(root: Path, *, scale: int = 1, seed: int = 1, follow_up: bool = False) -> Stats:
    """Write a synthetic workspace of *scale* under *root* and return what it holds.

    With *follow_up*, also the concluding observations and the bodies' follow-up entries
    (the rest of the workspace is the same as without).
    """
    rng = random.Random(f"cmwreport-bench-{seed}-{scale}")
    stats = Stats(scale=scale, seed=seed)
    (root / "questions").mkdir(parents=True, exist_ok=True)
    (root / "answers").mkdir(parents=True, exist_ok=True)
    loipr, units = _plan_units(rng, scale, stats)
    files: dict[str, str] = {
        "questions/loipr.yaml": loipr,
        "questions/ministries.yaml": _ministries_yaml(),
    }
    by_body: dict[str, list[str]] = {b[0]: [] for b in BODIES}
    plan = _plan_answers(rng, units)
    words_per_answer = max(20, round(20_000 * scale / max(1, len(plan)) / 0.9 * 0.7))
    for code, unit in plan:
        by_body[code].append(_answer(rng, unit, words_per_answer, stats))
        stats.answers += 1
    follow_ups: dict[str, list[str]] = {}
    if follow_up:
        fu_rng = random.Random(f"cmwreport-bench-follow-up-{seed}-{scale}")
        observations, recommendations, _ = _plan_observations(fu_rng, scale, stats)
        files["questions/observations.yaml"] = observations
        follow_ups = _follow_up_entries(fu_rng, recommendations, stats)
    for index, (code, answers) in enumerate(by_body.items()):
        head = f"# Synthetic answers of {code} generated by bench/gen.py.\nministry: {code}\n"
        body = "answers:\n" + "\n\n".join(answers) + "\n" if answers else "answers: []\n"
        entries = follow_ups.get(code)
        if entries:
            # Some bodies keep follow_up: above their answers, others below.
            block = "follow_up:\n" + "\n\n".join(entries) + "\n"
            body = block + "\n" + body if index % 2 else body + "\n" + block
        files[f"answers/{code}.yaml"] = head + body
    for rel, text in files.items():
        data = text.encode("utf-8")
        (root / rel).write_bytes(data)
        stats.bytes += len(data)
        stats.files.append(rel)
    return stats


def main() -> None:
    """Command line: write a workspace and print its counts as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--follow-up",
        action="store_true",
        help="also write questions/observations.yaml and follow_up: entries",
    )
    args = parser.parse_args()
    stats = generate(args.root, scale=args.scale, seed=args.seed, follow_up=args.follow_up)
    print(json.dumps(stats.as_json(), indent=2))


if __name__ == "__main__":
    main()
