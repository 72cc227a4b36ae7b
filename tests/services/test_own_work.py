"""A supervisor's own work since the newest backup is kept beside it as signed packages, so the
first merge after it copies no years (issue 19); restoring the backup and merging its packages
again undoes a bad merge and brings that work back: answers and supervisor records alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ombud_desktop.packages.certificates import issue
from ombud_desktop.services.backup import BackupPlace, merge_undoable_from, restore
from ombud_desktop.services.merge import MergeReport, merge_packages
from ombud_desktop.services.own_work import PREFIX, _assessments_made_here, kept_marks
from ombud_desktop.services.packages import PackageService
from ombud_desktop.services.records import RecordService
from ombud_desktop.services.scoring import ranked_entities
from ombud_desktop.storage import Workspace
from ombud_desktop.storage import records as store
from ombud_desktop.storage.backup import digests_of, list_backups, marks_of
from ombud_desktop.storage.changes import Edit
from ombud_desktop.storage.kept_packages import kept_files, kept_name
from tests.packages.test_custody import Locus, _create

PASSPHRASE = "kunci supervisor Banten"
ENTITY = "Kabupaten Serang"


class Province:
    """Siti answers an assessment in Banten; Budi, a certified supervisor, merges her packages."""

    def __init__(self, locus: Locus):
        self.locus = locus
        self.siti_ws = locus.workspace("siti", "Siti Aminah")
        self.assessment_id = _create(self.siti_ws)
        self.keys = locus.keys("budi")
        info = self.keys.create_signing_key(PASSPHRASE, owner="Budi Santoso")
        self.keys.create_receiving_key(PASSPHRASE, owner="Budi Santoso")
        certificate = issue(
            locus.national_key, info.public_key, subject_name="Budi Santoso",
            role="supervisor", province="Banten",
        )
        self.keys.set_certificates([certificate.to_json()])
        self.ws = locus.workspace("budi", "Budi Santoso")
        self.place = BackupPlace(locus.root / "cadangan")
        self.sent = 0

    def siti_sends(self, code: str, value: int) -> Path:
        """Siti answers one more indicator and sends her package."""
        self.siti_ws.write(self.assessment_id, [Edit("response", code, "value", value)])
        self.sent += 1
        siti = self.locus.assessors[0]
        return siti.export(self.siti_ws, self.assessment_id, self.locus.root / f"out{self.sent}")

    def merge(self, ws: Workspace, packages: list[Path]) -> MergeReport:
        report = merge_packages(
            PackageService(ws, self.keys), packages, passphrase=PASSPHRASE, backup=self.place
        )
        assert not report.refused, [str(e) for _p, e in report.refused]
        return report


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Province]:
    locus = Locus(tmp_path)
    yield Province(locus)
    locus.close()


def _results(ws: Workspace) -> list[tuple[object, ...]]:
    return [
        (e.entity, e.score, [(c.kind, c.points, c.reason) for c in e.corrections])
        for e in ranked_entities(ws)
    ]


def test_a_correction_made_here_is_kept_and_comes_back_when_a_merge_is_undone(
    province: Province,
) -> None:
    province.merge(province.ws, [province.siti_sends("IN07", 2)])
    (backup,) = list_backups(province.place.folder)
    RecordService(province.ws, province.keys).add_correction(
        ENTITY, "2024", points=3, reason="Data tidak valid"
    )  # made here after the backup: a record, no change

    report = province.merge(province.ws, [province.siti_sends("IN08", 3)])
    assert (report.backup, report.backup_made) == (backup.path, False)
    assert len(list(backup.path.glob(f"paket/{PREFIX}*.ombx"))) == 1
    assert report.to_json()["backup"]["own_work_kept"] == 1
    good_digests, good_results = digests_of(province.ws.db.conn), _results(province.ws)
    assert good_results[0][2] == [("points", 3.0, "Data tidak valid")]

    (bad,) = province.merge(province.ws, [province.siti_sends("IN09", 1)]).receipts
    root = province.ws.root
    province.ws.close()
    restore(backup.path, root)
    restored = Workspace.open(root, create=False)
    try:
        assert store.records_of(restored) == []  # the backup alone lacks the correction
        again = [
            k for k in kept_files(backup.path)
            if k.name != kept_name(bad.package_id, bad.signer_fingerprint)
        ]
        assert len(again) == 3  # Siti's first two packages and Budi's own work
        province.merge(restored, again)
        assert digests_of(restored.db.conn) == good_digests
        assert _results(restored) == good_results
    finally:
        restored.close()


def test_a_record_with_no_assessment_to_travel_in_makes_a_whole_backup(
    province: Province,
) -> None:
    province.merge(province.ws, [province.siti_sends("IN07", 2)])
    marks = marks_of(province.ws.db.conn)
    device = province.ws.device_id
    assert _assessments_made_here(province.ws.db.conn, marks, device) == []
    entity_id = province.ws.assessment_rows()[0]["entity"]["id"]
    # A plan for a period with no assessment of the entity here yet (made as the app does).
    record = store.new_record(province.ws, entity_id, "2025", "plan", {"loci": ["Dinas Sosial"]})
    store.add_record(province.ws, entity_id, record)
    assert _assessments_made_here(province.ws.db.conn, marks, device) is None

    report = province.merge(province.ws, [province.siti_sends("IN08", 3)])
    assert report.backup_made  # nothing could carry the plan: the whole workspace copied
    assert len(list_backups(province.place.folder)) == 2
    assert kept_marks(list_backups(province.place.folder)[0].path) is None


def test_without_a_receiving_key_of_ones_own_a_whole_backup_is_made(
    province: Province,
) -> None:
    province.merge(province.ws, [province.siti_sends("IN07", 2)])
    province.ws.write(province.assessment_id, [Edit("response", "IN10", "value", 1)])
    without = province.locus.keys("no-receiving")  # signs, but could not open it again
    without.create_signing_key(PASSPHRASE, owner="Budi Santoso")
    report = merge_packages(
        PackageService(province.ws, without), [province.siti_sends("IN08", 3)],
        passphrase=PASSPHRASE, backup=province.place,
    )
    assert not report.refused
    assert report.backup_made
    assert len(list_backups(province.place.folder)) == 2
    assert merge_undoable_from(province.ws, province.place) is not None


def test_work_in_much_of_the_workspace_is_kept_by_a_whole_backup(
    province: Province, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ombud_desktop.services import own_work

    province.merge(province.ws, [province.siti_sends("IN07", 2)])
    province.ws.write(province.assessment_id, [Edit("response", "IN10", "value", 1)])
    monkeypatch.setattr(own_work, "FEW", 0)  # work in the one assessment of one: all of it
    report = province.merge(province.ws, [province.siti_sends("IN08", 3)])
    assert report.backup_made
    assert not list(list_backups(province.place.folder)[0].path.glob(f"paket/{PREFIX}*"))


def test_what_was_made_since_a_mark_is_read_from_the_mark_on(province: Province) -> None:
    from ombud_desktop.services.own_work import CHANGES_SINCE, RECORDS_SINCE

    province.merge(province.ws, [province.siti_sends("IN07", 2)])
    db = province.ws.db.conn
    db.execute("ANALYZE")  # whatever the planner knows of the tables, the keys are used
    for sql in (CHANGES_SINCE, RECORDS_SINCE):
        plan = " ".join(str(row[-1]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", [0, "x"]))
        assert "INTEGER PRIMARY KEY (rowid>?)" in plan, plan


def test_a_fault_while_keeping_the_work_makes_a_whole_backup_and_the_merge_goes_on(
    province: Province, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from ombud_desktop.services.packages import PackageService as Service

    province.merge(province.ws, [province.siti_sends("IN07", 2)])
    province.ws.write(province.assessment_id, [Edit("response", "IN10", "value", 1)])

    def broken(*_args: object, **_kwargs: object) -> list[object]:  # a bug met by the export
        raise ZeroDivisionError("a respondent's name, say")

    monkeypatch.setattr(Service, "export_signed", broken)
    report = province.merge(province.ws, [province.siti_sends("IN08", 3)])
    assert report.backup_made
    assert report.receipts
    assert "ZeroDivisionError" in caplog.text
    assert "respondent" not in caplog.text  # the message is not logged
    (first, _second) = list_backups(province.place.folder)
    assert kept_marks(first.path) is None
    assert not list(first.path.glob(f"paket/{PREFIX}*"))  # nothing half kept


def test_an_approval_made_here_holds_a_later_package_again_after_an_undo(
    province: Province,
) -> None:
    from ombud_desktop.services.merge import approve
    from ombud_desktop.storage.review import pending_counts

    province.merge(province.ws, [province.siti_sends("IN07", 2)])
    (backup,) = list_backups(province.place.folder)
    aid = province.assessment_id
    approve(province.ws, aid, "baik", despite_doubts=True)  # made here, after the backup
    late = province.merge(province.ws, [province.siti_sends("IN08", 3)])  # held: approved
    assert not late.backup_made
    assert late.receipts[0].assessments[0].status == "pending"
    held = pending_counts(province.ws, [aid])
    assert held == {aid: 1}
    good = digests_of(province.ws.db.conn)
    bad = province.merge(province.ws, [province.siti_sends("IN09", 1)]).receipts[0]

    root = province.ws.root
    province.ws.close()
    restore(backup.path, root)
    restored = Workspace.open(root, create=False)
    try:
        bad_name = kept_name(bad.package_id, bad.signer_fingerprint)
        # As `ombud merge <backup>/paket` does: every package kept, in name order.
        again = [p for p in kept_files(backup.path) if p.name != bad_name]
        assert again[0].name.startswith(PREFIX)
        province.merge(restored, again)
        assert digests_of(restored.db.conn) == good
        assert pending_counts(restored, [aid]) == held  # the late answer waits again
        status = restored.db.execute(
            "SELECT review_status FROM assessments WHERE id = ?", [aid]
        ).fetchone()[0]
        assert status == "approved"
    finally:
        restored.close()
