"""Translations: Qt .ts sources ship with the package; .qm files are built on first use.

A language has the app's own words (``ombud_<lang>.ts``, kept in step with the code by
scripts/update_translations) and, beside them, Qt's own words that the app shows
(``qt_<lang>.ts``: standard dialog buttons, the file dialog, input dialogs, wizard buttons,
key names), under Qt's own contexts (QPlatformTheme, QFileDialog, ...). Qt ships no Indonesian
translation of these. They are kept apart because lupdate drops every message it does not find
in the app's code; both are compiled into the one .qm of the language.

The .ts files are the sources kept in the repository (resources/translations). A compiled
.qm is never committed: the first start in a language compiles it with the lrelease tool that
PySide6 ships, into the user's cache folder, named by the source's hash so an update of the
translation is picked up automatically. An installed bundle has no lrelease: its build compiles
the .qm beside the .ts under the same hashed name (:func:`qm_name`), and that one is used.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QTranslator

logger = logging.getLogger(__name__)

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"


def translation_source(language: str) -> bytes | None:
    """Return the .ts source for ``language`` (None for English, the source language)."""
    entry = resources.files("ombud_desktop.resources").joinpath(
        "translations", f"ombud_{language}.ts"
    )
    return entry.read_bytes() if entry.is_file() else None


def translation_sources(language: str) -> list[tuple[str, bytes]]:
    """Return the .ts sources of ``language`` as (file name, content): the app's, then Qt's."""
    folder = resources.files("ombud_desktop.resources").joinpath("translations")
    found = []
    for name in (f"ombud_{language}.ts", f"qt_{language}.ts"):
        entry = folder.joinpath(name)
        if entry.is_file():
            found.append((name, entry.read_bytes()))
    return found


def compile_sources(sources: list[tuple[str, bytes]], target: Path) -> bool:
    """Compile ``sources`` into the one .qm ``target`` (written whole or not at all)."""
    work = target.with_name(target.name + ".src")
    work.mkdir(parents=True, exist_ok=True)
    files = []
    for name, content in sources:
        (work / name).write_bytes(content)
        files.append(str(work / name))
    partial = target.with_suffix(".qm.part")
    result = subprocess.run(
        [str(lrelease_path()), "-silent", *files, "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    for name in files:
        Path(name).unlink(missing_ok=True)
    work.rmdir()
    if result.returncode != 0 or not partial.exists():
        logger.warning("lrelease failed for %s: %s", target.name, result.stderr.strip())
        return False
    os.replace(partial, target)
    return True


def lrelease_path() -> Path:
    """Return the lrelease tool shipped inside the PySide6 wheel."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).parent / name


def qm_name(language: str, source: bytes) -> str:
    """Return the file name of the .qm compiled from ``source`` (it carries the source's hash)."""
    return f"ombud_{language}-{hashlib.sha256(source).hexdigest()[:16]}.qm"


def compiled_translation(language: str, cache_dir: Path) -> Path | None:
    """Return the .qm for ``language``: the bundle's own, or one compiled into ``cache_dir``."""
    sources = translation_sources(language)
    if not sources or translation_source(language) is None:
        return None
    name = qm_name(language, b"".join(content for _name, content in sources))
    shipped = resources.files("ombud_desktop.resources").joinpath("translations", name)
    if shipped.is_file():  # built with the bundle from these very sources
        return Path(str(shipped))
    target = cache_dir / name
    if target.exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    return target if compile_sources(sources, target) else None


def install_translator(language: str, cache_dir: Path) -> QTranslator | None:
    """Install the translator for ``language`` in the running application; return it."""
    app = QCoreApplication.instance()
    if app is None or language == "en":
        return None
    path = compiled_translation(language, cache_dir)
    if path is None:
        return None
    translator = QTranslator(app)
    if not translator.load(str(path)):
        logger.warning("could not load translation %s", path)
        return None
    app.installTranslator(translator)
    return translator


def current_language() -> str:
    """Return the language the app speaks now: that of the installed translation, else English.

    Words kept outside Qt translation (``ombud_desktop.words``) are looked up in this language,
    so they always match the rest of the window, also right after a change of language.
    """
    # The translation of this marker is its language code ("id" in ombud_id.ts).
    code = QCoreApplication.translate("i18n", "en", "language code of this translation")
    return code if code in LANGUAGES else "en"
