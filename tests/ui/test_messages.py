"""Core errors are worded in the app's language by their code (the shared words)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ombud_desktop.errors import EvidenceError, OmbudError, StorageError, ValidationError
from ombud_desktop.storage.evidence import store_evidence_file
from ombud_desktop.ui import alerts
from ombud_desktop.ui.i18n import current_language, install_translator
from ombud_desktop.ui.messages import describe
from ombud_desktop.ui.packages.wording import describe_problem


def too_large(tmp_path: Path) -> EvidenceError:
    """Return the error the core raises for a 2 MB file where 1 MB is allowed."""
    video = tmp_path / "video.mp4"
    video.write_bytes(b"\0" * (2 * 1024 * 1024))
    with pytest.raises(EvidenceError) as raised:
        store_evidence_file(video, tmp_path / "evidence", max_bytes=1024 * 1024)
    return raised.value


def test_known_codes_are_worded_in_the_app_language_with_their_details(
    qtbot: Any, tmp_path: Path
) -> None:
    error = too_large(tmp_path)
    assert current_language() == "en"  # no translation installed: the source language
    assert describe(error) == (
        "video.mp4 is larger than the 1 MB allowed.",
        "Attach a smaller file: a photo, or a PDF of only the pages that matter.",
    )
    translator = install_translator("id", tmp_path / "qm")
    assert translator is not None
    try:
        assert current_language() == "id"
        text, hint = describe(error)
        assert text == "video.mp4 lebih besar dari batas 1 MB."
        assert hint.startswith("Lampirkan berkas yang lebih kecil")
        text, _hint = describe(StorageError("disk full", code="disk_full"))
        assert text == "Disk penuh."
        # A code that showed the core's English before it had one of its own.
        text, _hint = describe(ValidationError("x", code="unknown_role", role="R9"))
        assert text == "Jabatan R9 tidak dikenal."
        # A package problem, in the same words.
        text, _hint = describe_problem({"code": "zip_bomb", "member": "a.json"})
        assert text.startswith("Sebuah berkas dalam paket dimampatkan")
        assert text.endswith("(a.json)")
    finally:
        QCoreApplication.instance().removeTranslator(translator)
    assert current_language() == "en"
    assert describe(error, "id")[0] == "video.mp4 lebih besar dari batas 1 MB."


@pytest.mark.parametrize(("language", "expected"), [
    ("id", ("Penilaian ini sudah selesai dan terkunci.",
            "Buka kembali (dengan alasan) untuk mengubahnya.")),
    ("en", ("This assessment is complete and locked.", "Reopen it (with a reason) to change it.")),
])
def test_the_error_box_shows_the_words_of_the_language(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str,
    expected: tuple[str, str],
) -> None:
    shown: list[tuple[str, str]] = []

    def capture(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    translator = install_translator(language, tmp_path) if language != "en" else None
    try:
        alerts.error(None, ValidationError("the assessment is signed and locked", code="locked"))
    finally:
        if translator is not None:
            QApplication.instance().removeTranslator(translator)
    assert shown == [expected]


def test_unknown_codes_keep_the_core_words(qtbot: Any) -> None:
    error = OmbudError("IN07: 7 is not a level 0-3", code="not_worded",
                       hint="Choose a whole number from 0 to 3.")
    assert describe(error) == ("IN07: 7 is not a level 0-3", "Choose a whole number from 0 to 3.")
