"""The app shows a filled home list without loading the libraries only some actions need.

Counted in a fresh interpreter (this test process has imported everything already): the real
entry point ``ombud_desktop.ui.app.main`` starts on a small workspace, and when the home list
has arrived the child prints which of the heavy libraries are in ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services import lists
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace

ROOT = Path(__file__).resolve().parents[2]
# Loaded only when used: PDF reports, spreadsheets, XLSForms, keys and signatures, PDF previews;
# instruments (pydantic) and photos (PIL, pillow_heif) when an assessment opens or a row of the
# list is not in the score cache.
NOT_AT_START = ("reportlab", "openpyxl", "pyxform", "cryptography", "pypdfium2", "pydantic",
                "PIL", "pillow_heif")

CHILD = textwrap.dedent(
    """
    import json
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ombud_desktop.ui.app import main

    qt = QApplication([sys.argv[0]])
    heavy = json.loads(sys.argv[1])

    def ready():
        window = next(w for w in qt.topLevelWidgets() if type(w).__name__ == "MainWindow")
        home = window.home

        def loaded():
            found = sorted({m.split(".")[0] for m in sys.modules} & set(heavy))
            print("LOADED", home.model.rowCount(), json.dumps(found), flush=True)
            window.store.wait_idle()  # then the warm-up asked for after the list has run
            warm = "ombud_desktop.services.assessments" in sys.modules
            print("WARMED", "yes" if warm else "no", flush=True)
            qt.quit()

        if home.loading:
            home.loaded.connect(loaded)
        else:
            loaded()

    QTimer.singleShot(0, ready)
    sys.exit(main(sys.argv[2:]))
    """
)


def test_the_filled_home_list_needs_no_heavy_library(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Siti Aminah", None)
        generate_demo(workspace, builtin_instrument("ori-2023"), entities=1, seed=1)
        lists.assessment_rows(workspace, False)  # the score cache is warm, as after any use
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    args = [json.dumps(NOT_AT_START), "--workspace", str(folder),
            "--settings", str(tmp_path / "settings.json")]
    done = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("LOADED"))
    _, rows, found = line.split(" ", 2)
    assert int(rows) == 7
    assert json.loads(found) == []
    # once the list is shown, what opening an assessment needs is loaded ahead
    assert "WARMED yes" in done.stdout
