"""The duplicates tab of the conflicts window: both assessments listed, one kept."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester

from ombud_desktop.domain.ids import short_id
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.scoring import score_workspace
from ombud_desktop.storage import Workspace
from ombud_desktop.ui import alerts
from ombud_desktop.ui.conflicts import ConflictsWindow
from ombud_desktop.ui.duplicates import DuplicateColumn
from tests.ui.conftest import call
from tests.ui.supervision_fixtures import running


@pytest.fixture
def twice(tmp_path: Path) -> tuple[Path, list[str]]:
    """A workspace where Kota Serang's Disdukcapil is assessed twice in 2024."""
    path = tmp_path / "ws"
    with Workspace.open(path) as ws:
        ws.set_profile("Budi Santoso")
        service = AssessmentService(ws)
        ids = []
        for rating in (3, 0):
            aid = service.create(builtin_instrument("ori-2023"), NewAssessment(
                "kota", "Kota Serang", "Banten", "Disdukcapil", 2024)).value
            service.set_rating(aid, "IN07", rating)
            ids.append(aid)
    return path, ids


def test_duplicates_are_listed_and_one_is_kept(
    qtbot: Any, twice: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []
    monkeypatch.setattr(alerts, "error", lambda _parent, error: shown.append(error))
    path, (first, second) = twice
    with running(path) as store:
        window = ConflictsWindow(store, "en")
        qtbot.addWidget(window)
        panel = window.duplicates
        with qtbot.waitSignal(panel.loaded, timeout=10_000):
            window.show()
        ModelTester(None).check(panel.model)
        assert panel.model.rowCount() == 2
        assert window.tabs.tabText(1) == "Duplicates (1 not decided)"
        place = panel.model.index(0, DuplicateColumn.PLACE).data()
        assert place == "Kota Serang › Disdukcapil (2024)"
        standing = {panel.model.index(n, DuplicateColumn.STANDING).data() for n in range(2)}
        assert standing == {"Not counted: decide"}
        row = next(n for n in range(2) if panel.model.row_data(n)["assessment_id"] == second)
        panel.table.selectRow(row)
        assert panel.keep_button.isEnabled()
        with qtbot.waitSignal(panel.decided, timeout=10_000):
            panel.keep_button.click()
        qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Duplicates (0 not decided)",
                        timeout=10_000)
        words = {panel.model.row_data(n)["assessment_id"]:
                 panel.model.index(n, DuplicateColumn.STANDING).data() for n in range(2)}
        assert words[second] == "Counts (kept)"
        assert words[first].startswith("Set aside (")
        scores = call(store, lambda s: score_workspace(s.workspace).to_json())
        [entity] = scores["entities"]
        kept = next(x for x in scores["loci"] if x["assessment_id"] == second)
        assert entity["score_exact"] == kept["score_exact"]
        window.resize(1024, 600)
        window.tabs.setCurrentIndex(1)
        qtbot.wait(50)
        if os.environ.get("OMBUD_SCREENSHOTS"):
            window.grab().save(os.environ["OMBUD_SCREENSHOTS"])
    assert shown == []


def test_the_import_receipt_names_the_duplicate(qtbot: Any, tmp_path: Path) -> None:
    from ombud_desktop.packages.importer import AssessmentReceipt, Receipt
    from ombud_desktop.ui.dialogs.package_results import ReceiptDialog

    other = "01a23b67-8a33-75a0-a5a6-fad621732671"
    receipt = Receipt(
        path=tmp_path / "a.ombx", package_id="p", signer_name="Andi Wijaya",
        signer_fingerprint="ab" * 32,
        assessments=[AssessmentReceipt("a1", "Kota Serang", "Disdukcapil", "2024", "new",
                                       added=4, duplicate_of=other)],
    )
    dialog = ReceiptDialog(None, [receipt], [])
    qtbot.addWidget(dialog)
    top = dialog.tree.topLevelItem(0)
    texts = []
    stack = [top]
    while stack:
        item = stack.pop()
        texts.append(item.text(0))
        stack.extend(item.child(n) for n in range(item.childCount()))
    wanted = f"Duplicate: assessment {short_id(other)} assesses the same locus"
    assert any(t.startswith(wanted) for t in texts)
