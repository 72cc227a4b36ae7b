"""Guard against a Qt binding that leaks references to None (PySide6 6.12.0 on Python < 3.12).

That build drops one reference to None on every Qt call returning nothing; after a few hundred
answers the app aborted with "Fatal Python error: none_dealloc". pyproject.toml excludes it;
this test fails if such a build is installed again.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5_000):
        label.setText("x")  # returns None
    assert abs(sys.getrefcount(None) - before) < 100
