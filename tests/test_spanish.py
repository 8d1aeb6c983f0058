"""Spanish: a language added by files only (es.po and templates/es), checked end to end.

A workspace whose report is in Spanish renders with the headings, title block, dates and
numbers of UN Spanish documents; ``--ui-lang es`` turns every command's messages into
Spanish while problem codes, severities and JSON keys stay English.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from cmwreport.i18n import UI_LANGS, count_of, number, t
from cmwreport.templating import format_date
from cmwreport.text import join_and
from conftest import write_workspace

COMMITTEE_ES = (
    "Comité de Protección de los Derechos de Todos los Trabajadores Migratorios y de Sus Familiares"
)

MINISTRIES_ES: list[dict[str, Any]] = [
    {
        "code": "SRE",
        "name": {"es": "Secretaría de Relaciones Exteriores"},
        "abbreviation": {"es": "SRE"},
        "coordinator": True,
    },
    {
        "code": "STPS",
        "name": {"es": "Secretaría del Trabajo y Previsión Social"},
        "abbreviation": {"es": "STPS"},
    },
    {
        "code": "INM",
        "name": {"es": "Instituto Nacional de Migración"},
        "abbreviation": {"es": "INM"},
    },
]

LOIPR_ES: dict[str, Any] = {
    "committee": "CMW",
    "state": "Testlandia",
    "symbol": "CMW/C/TST/QPR/2",
    "adopted": "2025-01-10",
    "report": {
        "title": "Segundo informe periódico de Testlandia",
        "symbol": "CMW/C/TST/2",
        "due": 2022,
        "kind": "periodic",
        "language": "es",
        "drafting_languages": ["es"],
        "date_received": "2025-07-31",
    },
    "sections": [
        {
            "id": "I-A",
            "title": "A. Información general",
            "paragraphs": [
                {
                    "number": 1,
                    "lead": "SRE",
                    "contributors": ["INM"],
                    "text": "Sírvanse proporcionar información sobre el marco jurídico.",
                    "items": [
                        {"letter": "a", "text": "Las leyes aprobadas desde el examen anterior."},
                        {
                            "letter": "b",
                            "text": "Los acuerdos bilaterales.",
                            "lead": "INM",
                            "data": ["sexo"],
                        },
                    ],
                },
                {
                    "number": 2,
                    "lead": "STPS",
                    "text": "Sírvanse describir las políticas laborales.",
                },
            ],
        },
    ],
}

ANSWERS_ES: dict[str, dict[str, Any]] = {
    "SRE": {
        "ministry": "SRE",
        "answers": [
            {
                "question": "1(a)",
                "status": "approved",
                "text": "La Ley de Migración de 2011 protege a los trabajadores migratorios "
                "y a sus familiares.[^1]\n\n"
                "[^1]: Publicada en el Diario Oficial el 25 de mayo de 2011.",
            }
        ],
    },
    "INM": {
        "ministry": "INM",
        "answers": [
            {
                "question": "1(b)",
                "status": "approved",
                "text": "Se firmaron acuerdos de contratación con dos Estados.",
                "tables": [
                    {
                        "title": "Trabajadores colocados en el extranjero, por sexo",
                        "columns": ["Año", "Hombres", "Mujeres", "Tasa (%)"],
                        "rows": [[2023, 12500, 9870, 4.5], [2024, 1234567, 220, 12.25]],
                        "source": "INM, registros administrativos",
                    }
                ],
            }
        ],
    },
    "STPS": {
        "ministry": "STPS",
        "answers": [
            {
                "question": "2",
                "status": "approved",
                "text": "La política laboral migratoria se actualizó en 2024 y prevé:\n\n"
                "- la inspección de los centros de trabajo;\n"
                "- la formación de los inspectores.",
            }
        ],
    },
}


def spanish_workspace(root: Path, **changes: Any) -> Path:
    """The small Spanish workspace above, written the way a desk officer writes YAML."""
    return write_workspace(
        root,
        loipr=changes.get("loipr", LOIPR_ES),
        ministries=changes.get("ministries", MINISTRIES_ES),
        answers=changes.get("answers", ANSWERS_ES),
    )


@pytest.fixture
def es_root(tmp_path: Path) -> Path:
    return spanish_workspace(tmp_path / "ws")


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    document = docx.Document(str(path))
    return [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]


def _styled(paragraphs: list[tuple[str, str]], style: str) -> list[str]:
    return [text for name, text in paragraphs if name == style]


# ------------------------------------------------------------------------------ the report


def test_a_spanish_workspace_renders_in_un_spanish(es_root: Path, cli: Any) -> None:
    out = es_root / "build" / "informe.docx"
    result = cli("render", "--root", str(es_root), "--final", "--output", str(out))
    assert result.exit_code == 0, result.output
    paragraphs = _paragraphs(out)

    # title block
    assert _styled(paragraphs, "Document Symbol") == ["CMW/C/TST/2"]
    assert _styled(paragraphs, "Committee") == [COMMITTEE_ES]
    assert _styled(paragraphs, "Report Title") == [
        "Segundo informe periódico de Testlandia, que debía presentarse en 2022"
    ]
    assert _styled(paragraphs, "Date Received") == ["[Fecha de recepción: 31 de julio de 2025]"]

    # parts and reply headings
    assert _styled(paragraphs, "Heading 1") == [
        "Siglas y abreviaturas",
        "I.\tIntroducción",
        "II.\tRespuestas a la lista de cuestiones previa a la presentación del informe "
        "(CMW/C/TST/QPR/2)",
    ]
    assert _styled(paragraphs, "Reply Heading") == [
        "Respuesta al párrafo 1 de la lista de cuestiones",
        "Respuesta al párrafo 2 de la lista de cuestiones",
    ]
    assert _styled(paragraphs, "Item Heading") == ["a)", "b)"]
    assert _styled(paragraphs, "Table Title") == [
        "Cuadro 1: Trabajadores colocados en el extranjero, por sexo"
    ]
    assert _styled(paragraphs, "Table Source") == ["Fuente: INM, registros administrativos"]
    assert _styled(paragraphs, "Report List") == [
        "a)\tla inspección de los centros de trabajo;",
        "b)\tla formación de los inspectores.",
    ]

    # the introduction: a date in Spanish, "y" turned "e" before an /i/ sound
    intro = " ".join(_styled(paragraphs, "Report Paragraph")[:2])
    assert "(CMW/C/TST/QPR/2) que el Comité aprobó el 10 de enero de 2025." in intro
    assert (
        "Coordinó la preparación del informe el siguiente organismo: "
        "Secretaría de Relaciones Exteriores." in intro
    )
    assert (
        "Aportaron contribuciones los siguientes organismos: Secretaría del Trabajo y "
        "Previsión Social e Instituto Nacional de Migración." in intro
    )

    # numbers in UN Spanish style: period for thousands, comma for decimals, years as written
    document = docx.Document(str(out))
    assert [[c.text for c in row.cells] for row in document.tables[-1].rows] == [
        ["Año", "Hombres", "Mujeres", "Tasa (%)"],
        ["2023", "12.500", "9.870", "4,5"],
        ["2024", "1.234.567", "220", "12,25"],
    ]
    assert document.core_properties.language == "es-ES"


def test_render_reports_in_spanish(es_root: Path, cli: Any) -> None:
    out = es_root / "build" / "borrador.docx"
    result = cli("render", "--root", str(es_root), "--ui-lang", "es", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert f"informe guardado en {out} (borrador de trabajo, español)" in result.stdout
    assert re.search(r"palabras \(es\): \d+ de 21\.200 \(\d+ %\)", result.stdout)
    paragraphs = _paragraphs(out)
    texts = [text for _, text in paragraphs]
    assert any(
        text.startswith("BORRADOR DE TRABAJO: no apto para su presentación.") for text in texts
    )
    assert "SRE · aprobada" in texts


def test_a_missing_reply_is_marked_in_spanish(es_root: Path, cli: Any) -> None:
    (es_root / "answers" / "STPS.yaml").unlink()
    out = es_root / "build" / "borrador.docx"
    result = cli("render", "--root", str(es_root), "--output", str(out))
    assert result.exit_code == 0, result.output
    texts = [text for _, text in _paragraphs(out)]
    assert "[Aún no hay respuesta a la pregunta 2; responsable: STPS]" in texts


# ------------------------------------------------------------------------------ messages


def test_check_speaks_spanish_and_keeps_the_codes(es_root: Path, cli: Any) -> None:
    (es_root / "answers" / "STPS.yaml").write_text(
        "ministry: STPS\n"
        "answers:\n"
        '  - question: "9"\n'
        "    status: draft\n"
        "    text: Respuesta a una pregunta que no existe.\n",
        encoding="utf-8",
    )
    result = cli("check", "--root", str(es_root), "--ui-lang", "es")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        'answers/STPS.yaml:3: error[unknown-question] la pregunta "9" no figura en la lista '
        "de cuestiones"
    ) in lines
    assert any(
        re.fullmatch(
            r"questions/loipr\.yaml:\d+: warning\[unanswered\] "
            r"la pregunta 2 aún no tiene respuesta \(responsable: STPS\)",
            line,
        )
        for line in lines
    )
    assert re.search(
        r"^\d+ (error|errores) y \d+ advertencias? en \d+ archivos?$", result.stdout, re.M
    )

    as_json = json.loads(
        cli("check", "--root", str(es_root), "--ui-lang", "es", "--format", "json").stdout
    )
    english = json.loads(cli("check", "--root", str(es_root), "--format", "json").stdout)
    assert set(as_json) == {"problems", "errors", "warnings"}
    assert [(p["file"], p["line"], p["severity"], p["code"]) for p in as_json["problems"]] == [
        (p["file"], p["line"], p["severity"], p["code"]) for p in english["problems"]
    ]


def test_check_by_environment_and_the_language_list(es_root: Path, cli: Any) -> None:
    assert "es" in UI_LANGS
    result = cli("check", "--root", str(es_root), env={"CMWREPORT_LANG": "es_MX.UTF-8"})
    assert result.exit_code == 0
    assert result.stdout.strip().lower() == "no hay problemas en 5 archivos"
    bad = cli("check", "--root", str(es_root), "--ui-lang", "fr")
    assert bad.exit_code == 2
    assert "choose one of en, es, id" in bad.output


def test_coverage_labels_in_spanish(es_root: Path, cli: Any) -> None:
    (es_root / "answers" / "STPS.yaml").unlink()
    result = cli("coverage", "--root", str(es_root), "--format", "markdown", "--ui-lang", "es")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Estado de las respuestas\n")
    assert "## Por sección" in out and "## Por organismo" in out
    assert "| Organismo | Asignadas | Respondidas | Aprobadas | Pendientes |" in out
    assert re.search(r"Palabras \(es\): \d+ de 21\.200 \(\d+ %\)", out)
    assert "sin respuesta" in out
    assert "By body" not in out and "Still owes" not in out


def test_coverage_table_and_html_in_spanish(es_root: Path, cli: Any) -> None:
    table = cli("coverage", "--root", str(es_root), "--ui-lang", "es").stdout
    assert "Por organismo" in table and "Respondidas" in table
    html = es_root / "build" / "avance.html"
    done = cli(
        "coverage",
        "--root",
        str(es_root),
        "--ui-lang",
        "es",
        "--format",
        "html",
        "--output",
        str(html),
    )
    assert done.exit_code == 0
    assert f"resumen del estado de las respuestas guardado en {html}" in done.output
    page = html.read_text(encoding="utf-8")
    assert '<html lang="es">' in page and "Panel de coordinación" in page


def test_scaffold_in_spanish(es_root: Path, cli: Any) -> None:
    loipr = json.loads(json.dumps(LOIPR_ES))
    loipr["report"]["drafting_languages"] = ["es", "en"]
    root = spanish_workspace(es_root.parent / "ws2", loipr=loipr, answers={})
    result = cli("scaffold", "INM", "--root", str(root), "--ui-lang", "es")
    assert result.exit_code == 0, result.output
    assert "se ha creado answers/INM.yaml con 2 respuestas en blanco: 1(a), 1(b)" in result.stdout
    text = (root / "answers" / "INM.yaml").read_text(encoding="utf-8")
    assert "# Respuestas a la lista de cuestiones CMW/C/TST/QPR/2: Instituto Nacional" in text
    assert "`es: |` (español) y `en: |` (inglés)" in " ".join(text.replace("# ", "").split())
    assert "párrafo 1, apartado b) · su organismo es el responsable" in text


def test_init_and_form_in_spanish(tmp_path: Path, es_root: Path, cli: Any) -> None:
    new = tmp_path / "nuevo"
    result = cli("init", str(new), "--ui-lang", "es")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"nuevo espacio de trabajo en {new} (")
    loipr = (new / "questions" / "loipr.yaml").read_text(encoding="utf-8")
    assert "# el Estado parte que presenta el informe" in loipr
    form = tmp_path / "f.xlsx"
    done = cli(
        "form",
        "STPS",
        "--root",
        str(es_root),
        "--format",
        "xlsx",
        "--output",
        str(form),
        "--ui-lang",
        "es",
    )
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith(f"formulario de STPS guardado en {form} (1 pregunta)")
    back = cli("import", str(form), "--root", str(es_root), "--ui-lang", "es")
    assert "no hay nada que importar" in back.output


# ------------------------------------------------------------------------------ building blocks


def test_spanish_dates_numbers_and_joiner() -> None:
    assert format_date(dt.date(2025, 7, 31), "es") == "31 de julio de 2025"
    assert format_date("2025-01-01", "es") == "1 de enero de 2025"
    assert number(21200, "es") == "21.200" and number(7548, "es") == "7.548"
    assert join_and(["Justicia", "Interior"], "es") == "Justicia e Interior"
    assert join_and(["A", "B", "Hacienda"], "es") == "A, B y Hacienda"
    assert join_and(["Trabajo", "Hijos"], "es") == "Trabajo e Hijos"
    assert join_and(["Agua", "hielo"], "es") == "Agua y hielo"
    pieces = {
        "errors": count_of("n.errors", 1, "es"),
        "warnings": count_of("n.warnings", 2, "es"),
        "files": count_of("n.files", 3, "es"),
    }
    assert t("check.summary", "es", **pieces) == ("1 error y 2 advertencias en 3 archivos")


def test_the_spanish_introduction_agrees_with_the_number_of_bodies(
    tmp_path: Path, cli: Any
) -> None:
    ministries = [dict(m) for m in MINISTRIES_ES[:2]]  # SRE coordinates, STPS alone contributes
    ministries.append({"code": "INM", "name": {"es": "Instituto Nacional de Migración"}})
    ministries[0] = {**ministries[0], "coordinator": False}
    root = spanish_workspace(tmp_path / "ws", ministries=ministries)
    out = root / "build" / "informe.docx"
    assert cli("render", "--root", str(root), "--output", str(out)).exit_code == 0
    intro = _styled(_paragraphs(out), "Report Paragraph")[1]
    assert intro.startswith(
        "2.\tAportaron contribuciones los siguientes organismos: Secretaría de Relaciones "
        "Exteriores, Secretaría del Trabajo y Previsión Social e Instituto Nacional de Migración."
    )
    assert "Coordin" not in intro

    ministries = [{**MINISTRIES_ES[0]}, {**MINISTRIES_ES[2]}]
    loipr = json.loads(json.dumps(LOIPR_ES))
    loipr["sections"][0]["paragraphs"][1]["lead"] = "INM"
    root = spanish_workspace(tmp_path / "ws2", ministries=ministries, loipr=loipr, answers={})
    out = root / "build" / "informe.docx"
    assert cli("render", "--root", str(root), "--output", str(out)).exit_code == 0
    intro = _styled(_paragraphs(out), "Report Paragraph")[1]
    assert intro.startswith(
        "2.\tCoordinó la preparación del informe el siguiente organismo: Secretaría de "
        "Relaciones Exteriores. Aportó contribuciones el siguiente organismo: Instituto "
        "Nacional de Migración. Durante su preparación"
    )
