"""Write a small Spanish workspace (report language ``es``) to look at the Spanish report.

``python tools/spanish_sample.py DIR`` then ``cmwreport render --root DIR --ui-lang es``.
docs/img/report-es-page2.png is page 2 of its working draft, converted with LibreOffice
(``soffice --headless --convert-to pdf``) and ``pdftoppm -f 2 -l 2 -scale-to-x 497
-scale-to-y 702 -png``. The State, the bodies and the figures are invented.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

MINISTRIES: list[dict[str, Any]] = [
    {
        "code": "SRE",
        "name": {"es": "Secretaría de Relaciones Exteriores"},
        "abbreviation": {"es": "SRE"},
        "coordinator": True,
    },
    {"code": "SEGOB", "name": {"es": "Secretaría de Gobernación"}, "abbreviation": {"es": "SEGOB"}},
    {
        "code": "STPS",
        "name": {"es": "Secretaría del Trabajo y Previsión Social"},
        "abbreviation": {"es": "STPS"},
    },
    {
        "code": "DIF",
        "name": {"es": "Sistema Nacional para el Desarrollo Integral de la Familia"},
        "abbreviation": {"es": "SNDIF"},
    },
    {
        "code": "CNDH",
        "name": {"es": "Comisión Nacional de los Derechos Humanos"},
        "abbreviation": {"es": "CNDH"},
    },
    {
        "code": "INM",
        "name": {"es": "Instituto Nacional de Migración"},
        "abbreviation": {"es": "INM"},
    },
]

LOIPR: dict[str, Any] = {
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
            "id": "I",
            "title": "Sección I",
            "sections": [
                {
                    "id": "I-A",
                    "title": "A. Información general",
                    "paragraphs": [
                        {
                            "number": 1,
                            "lead": "SRE",
                            "contributors": ["SEGOB", "INM"],
                            "text": "Sírvanse proporcionar información sobre el marco jurídico.",
                            "items": [
                                {"letter": "a", "text": "Las leyes aprobadas."},
                                {"letter": "b", "text": "Los acuerdos bilaterales.", "lead": "INM"},
                            ],
                        },
                        {
                            "number": 2,
                            "lead": "STPS",
                            "contributors": ["DIF"],
                            "text": "Sírvanse describir las políticas.",
                        },
                        {
                            "number": 3,
                            "lead": "CNDH",
                            "text": "Sírvanse informar sobre las denuncias.",
                        },
                    ],
                }
            ],
        }
    ],
}

ANSWERS: dict[str, dict[str, Any]] = {
    "SRE": {
        "ministry": "SRE",
        "answers": [
            {
                "question": "1(a)",
                "status": "approved",
                "text": "Desde el examen del informe inicial, el Estado parte ha reforzado su "
                "marco jurídico. La Ley de Migración de 2011[^1] reconoce a los trabajadores "
                "migratorios y a sus familiares los derechos enunciados en la Convención, con "
                "independencia de su situación migratoria.\n\n"
                "La reforma de 2021 de la Ley de Migración introdujo, entre otras, las "
                "siguientes medidas:\n\n"
                "- la prohibición de alojar a niñas, niños y adolescentes en estaciones "
                "migratorias;\n"
                "- el acceso a la atención de la salud y a la educación sin requisitos de "
                "documentación;\n"
                "- la regularización por razones humanitarias de las víctimas de delitos.\n\n"
                "El Reglamento de la Ley, reformado en 2023[^2], establece los procedimientos "
                "para solicitar la residencia temporal y permanente.\n\n"
                "[^1]: Publicada en el Diario Oficial el 25 de mayo de 2011.\n"
                "[^2]: Decreto publicado el 14 de febrero de 2023.",
            }
        ],
    },
    "INM": {
        "ministry": "INM",
        "answers": [
            {
                "question": "1(b)",
                "status": "approved",
                "text": "El Estado parte firmó acuerdos de contratación temporal con dos Estados "
                "de destino. Los acuerdos garantizan la igualdad de trato en materia de salario, "
                "jornada de trabajo y seguridad social.",
                "tables": [
                    {
                        "title": "Trabajadores colocados en el extranjero, por sexo",
                        "columns": ["Año", "Hombres", "Mujeres", "Total", "Mujeres (%)"],
                        "rows": [
                            [2022, 18240, 9870, 28110, 35.1],
                            [2023, 21305, 11462, 32767, 35.0],
                            [2024, 24118, 14273, 38391, 37.2],
                        ],
                        "source": "Instituto Nacional de Migración, registros administrativos",
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
                "status": "submitted",
                "text": "La Política Nacional de Migración Laboral, aprobada en 2024, tiene por "
                "objeto garantizar una migración segura, ordenada y regular. En 2024 se "
                "asignaron 1.250 millones de pesos a su aplicación.\n\n"
                "La Secretaría del Trabajo y Previsión Social realizó 4.318 inspecciones en "
                "centros de trabajo que emplean a trabajadores migratorios.",
            }
        ],
    },
    "CNDH": {
        "ministry": "CNDH",
        "answers": [
            {
                "question": "3",
                "status": "draft",
                "text": "La Comisión Nacional de los Derechos Humanos recibió 2.764 quejas de "
                "trabajadores migratorios en 2024.",
            }
        ],
    },
}


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def main(argv: list[str]) -> int:
    """Write the workspace into the folder named by the only argument."""
    if len(argv) != 1:
        print("usage: python tools/spanish_sample.py DIR", file=sys.stderr)
        return 2
    root = Path(argv[0])
    (root / "questions").mkdir(parents=True, exist_ok=True)
    (root / "answers").mkdir(exist_ok=True)
    (root / "questions" / "loipr.yaml").write_text(_dump(LOIPR), encoding="utf-8")
    ministries = _dump({"ministries": MINISTRIES})
    (root / "questions" / "ministries.yaml").write_text(ministries, encoding="utf-8")
    for code, answers in ANSWERS.items():
        (root / "answers" / f"{code}.yaml").write_text(_dump(answers), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
