"""Intake forms for bodies that will not edit YAML: ``cmwreport form`` and ``cmwreport import``.

:func:`make_form` writes a Word or Excel form listing a body's questions, its current
answers, and a place to type each answer in every drafting language; :func:`import_form`
reads a filled form back into ``answers/<CODE>.yaml``. The package is split by concern:

* :mod:`~cmwreport.forms.collect` — what a form holds (:func:`collect_form`, the records
  it returns, the hidden data and its checksum);
* :mod:`~cmwreport.forms.labels` — the words a form shows, in Indonesian then English;
* :mod:`~cmwreport.forms.xlsx`, :mod:`~cmwreport.forms.docx` — the Excel and Word writers
  and readers (:mod:`~cmwreport.forms.inline` turns formatted text into Markdown for both);
* :mod:`~cmwreport.forms.safety` — the size, zip and XML checks every form file passes
  before python-docx or openpyxl opens it (defusedxml);
* :mod:`~cmwreport.forms.formats` — making a form in either format and reading one back;
* :mod:`~cmwreport.forms.importing` — the import: rules, backup, the guard against new
  errors; :mod:`~cmwreport.forms.records` edits one answer record, and
  :mod:`cmwreport.yamledit` locks, splices and replaces the file.

Besides the renderers, forms are the one place that imports python-docx and openpyxl,
because forms are also *read back* from those formats. Both are imported lazily.
"""

from __future__ import annotations

from cmwreport.forms.collect import (
    FilledForm,
    FilledRow,
    FormData,
    FormError,
    FormRow,
    collect_form,
    fingerprint,
)
from cmwreport.forms.formats import default_form_path, make_form, read_form
from cmwreport.forms.importing import ImportResult, RowOutcome, import_form

__all__ = [
    "FilledForm",
    "FilledRow",
    "FormData",
    "FormError",
    "FormRow",
    "ImportResult",
    "RowOutcome",
    "collect_form",
    "default_form_path",
    "fingerprint",
    "import_form",
    "make_form",
    "read_form",
]
