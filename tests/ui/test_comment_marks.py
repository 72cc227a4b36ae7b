"""The assessor sees the supervisor's comments where they are, as soon as they arrive.

A comment on a role-interview indicator (asked on R1-R4) is marked once, on the role interviews'
heading, and the mark names the indicator; the supervisor's comment dialog chooses no indicator
by itself (a default IN01 put comments on the wrong indicator); an open assessment shows the
comments of a returned package as soon as the package is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.importer import import_package
from ombud_desktop.services import merge as merging
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.review import ReturnDialog, commentable_indicators
from tests.ui.conftest import call, open_view
from tests.ui.supervision_fixtures import (  # noqa: F401 (fixtures)
    NEW,
    SUPERVISOR_PASSPHRASE,
    Team,
    key_folders,
    running,
    team,
)


def test_a_role_interview_comment_is_marked_with_its_indicator(
    qtbot: Any, store: StoreThread
) -> None:
    def returned(s: Any) -> str:
        aid = AssessmentService(s.workspace).create(
            builtin_instrument("ori-2023"),
            NewAssessment("kota", "Kota Cilegon", "Banten", "Disdukcapil", 2024),
        ).value
        merging.return_for_correction(s.workspace, aid, "", {"IN04": "Tanyakan lagi"})
        return aid

    view = open_view(qtbot, store, call(store, returned))
    qtbot.waitUntil(lambda: bool(view.review), timeout=10_000)
    heading = view.items["R1"].parent()
    assert heading.text(0).startswith("✎ ")
    assert heading.text(0).endswith("(IN04)")  # which indicator, not "every role"
    assert not any("✎" in item.text(0) for item in view.items.values())


def test_the_return_dialog_chooses_no_indicator_by_itself(qtbot: Any) -> None:
    instrument = builtin_instrument("ori-2023")
    dialog = ReturnDialog(None, commentable_indicators(instrument, "en"), "Kota Cilegon")
    qtbot.addWidget(dialog)
    assert dialog.indicator_combo.currentIndex() == -1
    dialog.indicator_text.setText("Papan tidak terbaca")
    assert not dialog.add_button.isEnabled()  # on which indicator? the supervisor says
    dialog.add_comment()
    assert dialog.answer().indicator_comments == {}
    combo = dialog.indicator_combo
    combo.setCurrentIndex(combo.findText("IN07", Qt.MatchFlag.MatchStartsWith))
    assert dialog.add_button.isEnabled()
    dialog.add_button.click()
    assert dialog.answer().indicator_comments == {"IN07": "Papan tidak terbaca"}
    looking = ReturnDialog(None, commentable_indicators(instrument, "en"), "", current="PR06b")
    qtbot.addWidget(looking)
    assert looking.indicator_combo.currentData()[0] == "PR06b"


def test_the_open_assessment_shows_a_returned_package_when_it_is_imported(
    qtbot: Any, team: Team, tmp_path: Path  # noqa: F811
) -> None:
    ws = team.workspace("assessor", "Siti Aminah")
    aid = AssessmentService(ws).create(builtin_instrument("ori-2023"), NEW).value
    sent = team.export(ws, aid, "sent")
    ws.close()
    supervisor = team.workspace("supervisor", "Budi Santoso")
    import_package(supervisor, sent, team.supervisor_keys)
    merging.return_for_correction(supervisor, aid, "Lengkapi", {"IN07": "Papan tidak terbaca"})
    signer = Signer(team.supervisor_keys.signing_key(SUPERVISOR_PASSPHRASE), "Budi Santoso")
    returned = export_assessment(supervisor, aid, tmp_path / "back", signer).path
    supervisor.close()
    with running(tmp_path / "assessor") as store:
        view = open_view(qtbot, store, aid, "en")
        view.show()
        view.show_page("IN07")
        qtbot.wait(50)
        assert "✎" not in view.items["IN07"].text(0)
        # Imported as the app's inbox and import menu do: a store job whose changes it reports.
        store.submit(lambda s: s.packages(team.assessor_keys).import_one(returned))
        qtbot.waitUntil(lambda: "✎" in view.items["IN07"].text(0), timeout=15_000)
        assert view.review_banner.isVisibleTo(view)
        assert "Lengkapi" in view.review_banner.text()
        qtbot.waitUntil(lambda: getattr(view.pages["IN07"], "review_box", None) is not None)
        assert "Papan tidak terbaca" in view.pages["IN07"].review_box.text()
