"""The checks every form file passes before python-docx or openpyxl opens it.

A form comes from outside: a ministry's computer, e-mail, a USB stick. Before either
library reads it, :func:`check_container` refuses a file that is too big, that is not a
zip, that holds too many entries or declares more uncompressed bytes than any form (zip
bombs), and any XML part that declares a DTD, an entity or an external reference, read
with defusedxml piece by piece (:func:`_part_verdict`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from cmwreport.errors import InputFileError
from cmwreport.i18n import t

MAX_FORM_BYTES = 20 * 1024 * 1024
"""Largest form file accepted (20 MiB)."""
MAX_ZIP_ENTRIES = 1000
"""Most entries a form's zip container may hold."""
MAX_ZIP_UNCOMPRESSED = 100 * 1024 * 1024
"""Largest total uncompressed size a form's zip may declare (100 MiB)."""
MAX_ZIP_RATIO = 200
"""Largest compression ratio of one entry bigger than 1 MiB."""


def _mb(size: int, lang: str) -> str:
    """*size* as people read it: ``20 MB``, ``1.5 MB``, or ``7586 bytes`` under 1 MB."""
    megabytes = size / (1024 * 1024)
    if megabytes < 1:
        return t("form.bytes", lang, count=size)
    return f"{megabytes:.0f} MB" if megabytes >= 10 else f"{megabytes:.1f} MB"


_SCAN_CHUNK = 1024 * 1024
"""Bytes of an XML part handed to the parser at a time."""
_CONTENT_HANDLERS = (
    "StartElementHandler",
    "EndElementHandler",
    "CharacterDataHandler",
    "ProcessingInstructionHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
)
"""The expat callbacks that only report content: left out, so a big part is read fast."""


def _part_verdict(handle: IO[bytes]) -> str | None:
    """What is wrong with the XML part read from *handle*: ``dtd``, ``malformed`` or nothing.

    defusedxml's expat parser reads the part piece by piece (memory stays small however
    big the part is; expat itself tells UTF-8 from UTF-16) and stops at the first DTD,
    entity declaration or external reference (``dtd``). A part that is not well-formed
    XML up to that point is ``malformed``.
    """
    from xml.sax import SAXException
    from xml.sax.handler import ContentHandler

    from defusedxml import DefusedXmlException
    from defusedxml.expatreader import DefusedExpatParser

    class Parser(DefusedExpatParser):
        """defusedxml's guards only: no Python call for each element or piece of text."""

        def reset(self) -> None:
            super().reset()
            expat = self._parser  # type: ignore[attr-defined]  # xml.sax.expatreader's own
            for name in _CONTENT_HANDLERS:
                setattr(expat, name, None)

    parser = Parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(ContentHandler())
    try:
        while chunk := handle.read(_SCAN_CHUNK):
            parser.feed(chunk)
        parser.close()
    except DefusedXmlException:
        return "dtd"
    except SAXException:
        return "malformed"
    return None


def _part_declares_dtd(handle: IO[bytes]) -> bool:
    """Whether the XML part read from *handle* declares a DTD, entity or external reference."""
    return _part_verdict(handle) == "dtd"


def check_container(path: Path, lang: str) -> str:
    """Refuse oversized, foreign or dangerous files; return ``docx`` or ``xlsx``."""
    _check_size(path, lang)
    if not zipfile.is_zipfile(path):
        raise InputFileError(path, t("form.not_office", lang), lang)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_entries(infos, path, lang)
            for info in infos:
                _check_part(archive, info, path, lang)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise InputFileError(path, t("form.not_office", lang), lang) from exc
    names = {i.filename for i in infos}
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    raise InputFileError(path, t("form.not_office", lang), lang)


def _check_size(path: Path, lang: str) -> None:
    """Refuse a missing file, or one bigger than :data:`MAX_FORM_BYTES`."""
    if not path.is_file():
        raise InputFileError(path, t("form.missing", lang), lang)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputFileError(path, exc.strerror or str(exc), lang) from exc
    if size > MAX_FORM_BYTES:
        raise InputFileError(
            path,
            t("form.too_big", lang, size=_mb(size, lang), limit=_mb(MAX_FORM_BYTES, lang)),
            lang,
        )


def _check_entries(infos: list[zipfile.ZipInfo], path: Path, lang: str) -> None:
    """Refuse a zip with too many entries, or one that would unpack to too much (a bomb)."""
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputFileError(path, t("form.too_many_entries", lang, count=len(infos)), lang)
    total = sum(i.file_size for i in infos)
    too_much = total > MAX_ZIP_UNCOMPRESSED or any(
        i.file_size > 1024 * 1024 and i.file_size / max(1, i.compress_size) > MAX_ZIP_RATIO
        for i in infos
    )
    if too_much:
        limit = _mb(MAX_ZIP_UNCOMPRESSED, lang)
        raise InputFileError(path, t("form.bomb", lang, size=_mb(total, lang), limit=limit), lang)


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, lang: str) -> None:
    """Refuse an XML part that declares a DTD or entity, or that is not XML at all."""
    if not info.filename.endswith((".xml", ".rels", ".vml")):
        return
    with archive.open(info) as handle:
        verdict = _part_verdict(handle)
    if verdict == "dtd":
        raise InputFileError(path, t("form.doctype", lang), lang)
    # legacy VML drawings are kept as bytes, never parsed as XML
    if verdict == "malformed" and not info.filename.endswith(".vml"):
        raise InputFileError(path, t("form.not_office", lang), lang)
