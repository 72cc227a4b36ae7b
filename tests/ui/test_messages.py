"""Core errors are worded in the user's language by their code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from ombud_desktop.errors import EvidenceError, StorageError, ValidationError
from ombud_desktop.ui.i18n import install_translator
from ombud_desktop.ui.messages import describe


def test_known_codes_are_translated_with_their_details(qtbot: Any, tmp_path: Path) -> None:
    error = EvidenceError("video.mp4: 250 MB is larger than the 100 MB allowed",
                          code="evidence_too_large", filename="video.mp4",
                          size=250 * 1024 * 1024, limit=100 * 1024 * 1024)
    assert describe(error) == (
        "video.mp4 is larger than the 100 MB allowed.",
        "Attach a smaller file: a photo, or a PDF of only the pages that matter.",
    )
    translator = install_translator("id", tmp_path)
    assert translator is not None
    try:
        text, hint = describe(error)
        assert text == "video.mp4 lebih besar dari batas 100 MB."
        assert hint.startswith("Lampirkan berkas yang lebih kecil")
        text, _hint = describe(StorageError("disk full", code="disk_full"))
        assert text == "Disk penuh."
    finally:
        QCoreApplication.instance().removeTranslator(translator)


def test_unknown_codes_keep_the_core_words(qtbot: Any) -> None:
    error = ValidationError("IN07: 7 is not a level 0-3", hint="Choose a whole number from 0 to 3.")
    assert describe(error) == ("IN07: 7 is not a level 0-3", "Choose a whole number from 0 to 3.")
