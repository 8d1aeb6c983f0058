"""Build hook: compile the gettext catalogues (``.po`` → ``.mo``) when the package is built.

Everything else about the package is in ``pyproject.toml``. The hook runs for wheels,
sdists installed with pip, and editable installs (there it compiles next to the ``.po``
files in the source tree, where the editable package reads them).
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path("src") / "cmwreport" / "locale"


class BuildWithCatalogues(build_py):
    """``build_py`` that also writes a ``.mo`` beside every ``.po``."""

    def run(self) -> None:
        """Build the Python files, then compile the catalogues."""
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        editable = getattr(self, "editable_mode", False)
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to("src").with_suffix(".mo")
            target = po.with_suffix(".mo") if editable else Path(self.build_lib) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as fh:
                catalog = read_po(fh, abort_invalid=True)
            with target.open("wb") as out:
                write_mo(out, catalog)


setup(cmdclass={"build_py": BuildWithCatalogues})
