"""The app's inbox keeps importing good packages after a bad one (a signed package whose change
breaks a rule of the database): the bad one is refused alone and the inbox goes on looking.

Real workspaces, keys, packages and store thread.
"""
# The fixtures come from tests/ui/supervision_fixtures.py; tests name them as parameters.
# ruff: noqa: F811

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import time
from pathlib import Path
from typing import Any

from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.ui.inbox import InboxSync
from tests.packages.doctored import doctor, document_of, reusing_change_id
from tests.ui.supervision_fixtures import (  # noqa: F401 (fixtures)
    Team,
    key_folders,
    running,
    team,
)


def _arrive(inbox: Path, name: str, source: Path) -> None:
    target = inbox / name
    shutil.copyfile(source, target)
    past = time.time() - 60  # settled already: no test waits for a file to settle
    os.utime(target, (past, past))


def test_the_inbox_keeps_importing_after_a_bad_package(qtbot: Any, team: Team) -> None:
    assessor = team.workspace("assessor", "Siti Aminah")
    generate_demo(assessor, builtin_instrument("ori-2023"), entities=1, seed=1)
    packages = [
        export_assessment(assessor, row["id"], team.root / f"out{n}", team.signer).path
        for n, row in enumerate(assessor.assessment_rows()[:4])
    ]
    assessor.close()
    reused = document_of(packages[0])["changes"][-1]["id"]
    bad = doctor(packages[1], team.root / "bad" / "bad.ombx", team.signer,
                 reusing_change_id(reused))
    supervisor = team.workspace("supervisor", "Budi Santoso")
    supervisor.close()
    inbox = team.root / "inbox"
    inbox.mkdir()
    _arrive(inbox, "1-good.ombx", packages[0])
    _arrive(inbox, "2-bad.ombx", bad)
    _arrive(inbox, "3-good.ombx", packages[2])
    with running(team.root / "supervisor") as store:
        sync = InboxSync(store, lambda: team.supervisor_keys, lambda: None,
                         interval_ms=100, settle=0.0)
        reports: list[Any] = []
        failures: list[Any] = []
        sync.imported.connect(reports.append)
        sync.failed.connect(failures.append)
        sync.set_folder(inbox)
        qtbot.waitUntil(lambda: len(reports) == 1, timeout=20_000)
        [first] = reports
        assert [p.name for p, _e in first.refused] == ["2-bad.ombx"]
        assert first.counts["new"] == 2
        # A good package arrives after the bad one: the inbox is still looking, and imports it.
        _arrive(inbox, "4-good.ombx", packages[3])
        qtbot.waitUntil(lambda: len(reports) == 2, timeout=20_000)
        assert reports[1].refused == []
        assert [r.path.name for r in reports[1].receipts] == ["4-good.ombx"]
        assert failures == []
        assert sync.timer.isActive()
        sync.set_folder(None)
        qtbot.waitUntil(lambda: not sync.busy, timeout=10_000)
        store.wait_idle()
    with Workspace.open(team.root / "supervisor", create=False) as ws:
        imported = {row["id"] for row in ws.assessment_rows()}
    assert imported == {document_of(p)["assessment_id"] for p in (packages[0], *packages[2:])}


def test_the_inbox_tells_of_a_conflict_copy_and_does_not_import_it(
    qtbot: Any, team: Team
) -> None:
    from ombud_desktop.ui.inbox import InboxNotice, left_alone_tooltip, notification_text

    assessor = team.workspace("assessor", "Siti Aminah")
    generate_demo(assessor, builtin_instrument("ori-2023"), entities=1, seed=1)
    first, second = (
        export_assessment(assessor, row["id"], team.root / f"out{n}", team.signer).path
        for n, row in enumerate(assessor.assessment_rows()[:2])
    )
    assessor.close()
    team.workspace("supervisor", "Budi Santoso").close()
    inbox = team.root / "inbox"
    (inbox / ".stversions").mkdir(parents=True)
    copy = "a.sync-conflict-20240902-101500-ABCDEFG.ombx"
    _arrive(inbox, copy, second)
    _arrive(inbox, ".stversions/b~20240902-101500.ombx", second)
    with running(team.root / "supervisor") as store:
        sync = InboxSync(store, lambda: team.supervisor_keys, lambda: None,
                         interval_ms=100, settle=0.0)
        reports: list[Any] = []
        sync.imported.connect(reports.append)
        sync.set_folder(inbox)
        # Only a conflict copy in the inbox: told, not imported.
        qtbot.waitUntil(lambda: len(reports) == 1, timeout=20_000)
        assert [p.name for p in reports[0].conflict_copies] == [copy]
        assert reports[0].receipts == []
        notice = InboxNotice()
        qtbot.addWidget(notice)
        notice.tell(reports[0])
        assert notice.label.text() == "1 conflict copy(ies) not imported"
        assert copy in left_alone_tooltip(reports[0])
        _arrive(inbox, "a.ombx", first)
        qtbot.waitUntil(lambda: len(reports) == 2, timeout=20_000)
        assert reports[1].conflict_copies == []  # told once
        assert notification_text(reports[1]) == "1 new package(s) imported"
        sync.set_folder(None)
        qtbot.waitUntil(lambda: not sync.busy, timeout=10_000)
        store.wait_idle()
    with Workspace.open(team.root / "supervisor", create=False) as ws:
        assert [row["id"] for row in ws.assessment_rows()] == [document_of(first)["assessment_id"]]
