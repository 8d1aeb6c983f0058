"""One-off migration: write the gettext catalogues from the old ``(english, indonesian)`` tuples.

Run from the repository root while the modules in ``src/cmwreport/i18n/`` still hold
``MESSAGES`` dicts: ``python tools/po_from_tuples.py``. Each key becomes a message id;
en.po and id.po get the texts; an existing catalogue of another language (es.po) keeps
the translations whose English is unchanged and gains the other keys empty.
"""

from __future__ import annotations

import datetime
import importlib.util
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "src" / "cmwreport" / "i18n"
LOCALE = ROOT / "src" / "cmwreport" / "locale"
STAMP = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)


def _tuples() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for path in sorted(I18N.glob("*.py")):
        name = path.stem
        if name == "__init__":
            continue
        spec = importlib.util.spec_from_file_location(f"_old_{name}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for key, pair in module.MESSAGES.items():
            assert key not in merged, key
            merged[key] = pair
    return merged


def _write(lang: str, entries: dict[str, str], english: dict[str, str]) -> None:
    path = LOCALE / lang / "LC_MESSAGES" / "cmwreport.po"
    old: dict[str, str] = {}
    if path.exists():
        with path.open("rb") as fh:
            for m in read_po(fh):
                # a translation of an English text that has changed since is dropped, so
                # the message shows up empty (untranslated) instead of saying the old thing
                said = " ".join(c.removeprefix("en: ") for c in m.auto_comments)
                if m.id and " ".join(english.get(str(m.id), "").split()) == " ".join(said.split()):
                    old[str(m.id)] = str(m.string)
    catalog = Catalog(
        locale=lang,
        domain="cmwreport",
        header_comment=f"# cmwreport messages: {lang}. Edit msgstr only; keys are the msgids.",
        project="cmwreport",
        version="0.1",
        copyright_holder="cmwreport developers",
        msgid_bugs_address="",
        creation_date=STAMP,
        revision_date=STAMP,
        last_translator="cmwreport developers",
        language_team=lang,
        charset="utf-8",
        fuzzy=False,
    )
    for key in english:
        # a message ends without a newline (gettext wants msgid and msgstr to agree on it,
        # and the ids are keys): the code adds a final newline where a file needs one
        text = entries.get(key, old.get(key, "")).rstrip("\n")
        comments = [] if lang == "en" else [f"en: {english[key]}"]
        catalog.add(key, text, auto_comments=comments)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, sort_output=False)


def main() -> int:
    """Write every catalogue."""
    pairs = _tuples()
    english = {k: en for k, (en, _id) in pairs.items()}
    _write("en", english, english)
    _write("id", {k: id_ for k, (_en, id_) in pairs.items()}, english)
    for other in sorted(p.name for p in LOCALE.iterdir() if p.is_dir()):
        if other not in ("en", "id"):
            _write(other, {}, english)
    return 0


if __name__ == "__main__":
    sys.exit(main())
