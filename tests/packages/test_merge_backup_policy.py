"""A backup before merging: made when the merge could not be undone otherwise, counted (issue 19).

The guarantee: restoring a backup and merging again the packages that were good undoes any
merge, losing nothing made on this device. The newest backup keeps it while nothing was made
here since and every package merged since is kept beside it, on any later day, so the merges
after it make none; a change made here, a kept package gone, or a backup that is not of this
workspace's history each make the next merge back up again.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ombud_desktop.packages.export import export_assessment
from ombud_desktop.services.assessments import AssessmentService
from ombud_desktop.services.backup import (
    BackupPlace,
    back_up_before_merge,
    merge_undoable_from,
    restore,
)
from ombud_desktop.services.merge import MergeReport, merge_packages
from ombud_desktop.services.own_work import MARKS_FILE, PREFIX, kept_marks
from ombud_desktop.services.packages import PackageService, package_files
from ombud_desktop.storage import Workspace
from ombud_desktop.storage.backup import digests_of, list_backups, made_here_since, marks_of
from ombud_desktop.storage.kept_packages import all_kept_since, kept_files, kept_name
from tests.packages.conftest import SUPERVISOR_PASSPHRASE, People


def _packages(assessor_ws: Workspace, people: People, out: Path) -> list[Path]:
    recipient = people.assessor.recipient()
    return [
        export_assessment(assessor_ws, row["id"], out, people.signer, recipient=recipient).path
        for row in assessor_ws.assessment_rows()[:4]
    ]


def _merge(
    ws: Workspace,
    people: People,
    package: Path,
    place: BackupPlace,
    passphrase: str | None = SUPERVISOR_PASSPHRASE,
) -> MergeReport:
    report = merge_packages(
        PackageService(ws, people.supervisor), [package], passphrase=passphrase, backup=place
    )
    assert not report.refused
    return report


def _digests(ws: Workspace) -> dict[str, str]:
    return digests_of(ws.db.conn)


def test_one_backup_for_a_days_merges_until_something_is_made_here(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    place = BackupPlace(tmp_path / "cadangan")
    first, second, third, fourth = _packages(assessor_ws, people, tmp_path / "outbox")
    _merge(supervisor_ws, people, first, place)
    _merge(supervisor_ws, people, second, place)
    _merge(supervisor_ws, people, third, place)
    assert [b.reason for b in list_backups(place.folder)] == ["before_merge"]

    # a change made here, and no signing key unlocked to keep it beside the morning's backup
    # (no passphrase given): that backup would lose it, so the next merge backs up whole
    merged = supervisor_ws.assessment_rows()[0]["id"]
    AssessmentService(supervisor_ws).set_rating(merged, "IN07", 1)
    _merge(supervisor_ws, people, fourth, place, passphrase=None)
    made = list_backups(place.folder)
    assert [b.reason for b in made] == ["before_merge", "before_merge"]
    assert made[-1].digests[merged] == _digests(supervisor_ws)[merged]  # the change is in it


def test_the_days_backup_undoes_a_later_merge(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    place = BackupPlace(tmp_path / "cadangan")
    first, second, bad, _ = _packages(assessor_ws, people, tmp_path / "outbox")
    _merge(supervisor_ws, people, first, place)
    _merge(supervisor_ws, people, second, place)
    good = _digests(supervisor_ws)
    _merge(supervisor_ws, people, bad, place)  # the merge to undo; no backup made before it
    (backup,) = list_backups(place.folder)

    root = supervisor_ws.root
    supervisor_ws.close()
    restore(backup.path, root)
    restored = Workspace.open(root, create=False)
    try:
        _merge(restored, people, first, place)
        _merge(restored, people, second, place)
        assert _digests(restored) == good
    finally:
        restored.close()


def test_a_later_day_needs_no_new_backup_while_the_packages_are_kept(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    place = BackupPlace(tmp_path / "cadangan")
    first, second, *_ = _packages(assessor_ws, people, tmp_path / "outbox")
    _merge(supervisor_ws, people, first, place)
    (backup,) = list_backups(place.folder)
    assert len(kept_files(backup.path)) == 1

    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert merge_undoable_from(supervisor_ws, place, now=tomorrow) == backup
    assert back_up_before_merge(supervisor_ws, place, now=tomorrow) is None
    report = merge_packages(
        PackageService(supervisor_ws, people.supervisor), [second],
        passphrase=SUPERVISOR_PASSPHRASE, backup=place,
    )
    assert (report.backup, report.backup_made, report.kept) == (backup.path, False, 1)
    assert report.to_json()["backup"]["packages_kept"] == 1
    assert len(list_backups(place.folder)) == 1
    assert len(kept_files(backup.path)) == 2

    # a package merged since the backup that is no longer kept: the next merge backs up whole
    kept_files(backup.path)[0].unlink()
    assert merge_undoable_from(supervisor_ws, place, now=tomorrow) is None
    assert back_up_before_merge(supervisor_ws, place, now=tomorrow) is not None
    assert len(list_backups(place.folder)) == 2


def test_a_backup_and_its_kept_packages_undo_a_merge_days_later(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    place = BackupPlace(tmp_path / "cadangan")
    first, second, bad, _ = _packages(assessor_ws, people, tmp_path / "outbox")
    _merge(supervisor_ws, people, first, place)
    _merge(supervisor_ws, people, second, place)
    good = _digests(supervisor_ws)
    (receipt,) = _merge(supervisor_ws, people, bad, place).receipts  # the merge to undo
    (backup,) = list_backups(place.folder)
    for package in (first, second, bad):  # the inbox was emptied since
        package.unlink()

    kept = kept_files(backup.path)
    assert len(kept) == 3
    bad_name = kept_name(receipt.package_id, receipt.signer_fingerprint)
    root = supervisor_ws.root
    supervisor_ws.close()
    restore(backup.path, root)
    restored = Workspace.open(root, create=False)
    try:
        report = merge_packages(
            PackageService(restored, people.supervisor),
            [k for k in kept if k.name != bad_name],
            passphrase=SUPERVISOR_PASSPHRASE,
            backup=place,
        )
        assert not report.refused
        assert len(report.receipts) == 2
        assert _digests(restored) == good
    finally:
        restored.close()


def test_a_backup_without_an_import_mark_serves_on_its_day_only(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    place = BackupPlace(tmp_path / "cadangan")
    first, *_ = _packages(assessor_ws, people, tmp_path / "outbox")
    _merge(supervisor_ws, people, first, place)
    (backup,) = list_backups(place.folder)
    manifest = json.loads((backup.path / "manifest.json").read_text(encoding="utf-8"))
    del manifest["marks"]["imports_rowid"]  # as made by a version that kept no packages
    (backup.path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert merge_undoable_from(supervisor_ws, place) is not None
    assert merge_undoable_from(supervisor_ws, place, now=tomorrow) is None
    assert back_up_before_merge(supervisor_ws, place, now=tomorrow) is not None
    assert len(list_backups(place.folder)) == 2


def test_another_history_or_an_old_backup_backs_up_again(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    place = BackupPlace(tmp_path / "cadangan")
    first, *_ = _packages(assessor_ws, people, tmp_path / "outbox")
    _merge(supervisor_ws, people, first, place)
    assert merge_undoable_from(supervisor_ws, place) is not None
    assert back_up_before_merge(supervisor_ws, place) is None

    conn = supervisor_ws.db.conn
    marks = marks_of(conn)
    own = supervisor_ws.device_id
    assert not made_here_since(conn, marks, own)
    assert made_here_since(conn, {**marks, "changes_last_id": "another history"}, own)
    assert made_here_since(conn, {**marks, "changes_seq": True}, own)
    assert made_here_since(conn, None, own)
    assert not all_kept_since(supervisor_ws, tmp_path, {**marks, "imports_rowid": -1})
    assert not all_kept_since(supervisor_ws, tmp_path, {**marks, "imports_rowid": "0"})


def _answer(ws: Workspace, assessment_id: str, code: str) -> object:
    row = ws.db.execute(
        "SELECT value FROM responses WHERE assessment_id = ? AND indicator = ?",
        [assessment_id, code],
    ).fetchone()
    return row[0] if row else None


def test_work_made_here_is_kept_beside_the_backup_and_undoing_a_merge_keeps_it(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    place = BackupPlace(tmp_path / "cadangan")
    first, second, bad, _ = _packages(assessor_ws, people, tmp_path / "outbox")
    _merge(supervisor_ws, people, first, place)
    (backup,) = list_backups(place.folder)
    merged = supervisor_ws.assessment_rows()[0]["id"]
    AssessmentService(supervisor_ws).set_rating(merged, "IN07", 1)  # made here, after it

    report = _merge(supervisor_ws, people, second, place)
    assert (report.backup, report.backup_made) == (backup.path, False)  # no whole copy
    assert len(list_backups(place.folder)) == 1
    own = sorted((backup.path / "paket").glob(f"{PREFIX}*.ombx"))
    assert len(own) == 1  # the one assessment with a change made here
    assert kept_marks(backup.path) is not None
    assert merge_undoable_from(supervisor_ws, place) == backup
    good, rating = _digests(supervisor_ws), _answer(supervisor_ws, merged, "IN07")
    assert rating is not None

    (receipt,) = _merge(supervisor_ws, people, bad, place).receipts  # the merge to undo
    assert len(list_backups(place.folder)) == 1
    root = supervisor_ws.root
    supervisor_ws.close()
    restore(backup.path, root)
    restored = Workspace.open(root, create=False)
    try:
        assert _answer(restored, merged, "IN07") != rating  # the backup alone lacks it
        bad_name = kept_name(receipt.package_id, receipt.signer_fingerprint)
        again = [k for k in kept_files(backup.path) if k.name != bad_name]
        assert len(again) == 3  # first, second and this device's work
        # merged again in name order, as `ombud merge <backup>/paket` does: own work first
        assert [p.name.startswith(PREFIX) for p in package_files(again)] == [True, False, False]
        report = merge_packages(
            PackageService(restored, people.supervisor), again,
            passphrase=SUPERVISOR_PASSPHRASE, backup=place,
        )
        assert not report.refused
        assert _digests(restored) == good
        assert _answer(restored, merged, "IN07") == rating
    finally:
        restored.close()


def test_work_kept_beside_a_backup_serves_until_more_is_made_or_its_package_is_gone(
    assessor_ws: Workspace, supervisor_ws: Workspace, people: People, tmp_path: Path
) -> None:
    place = BackupPlace(tmp_path / "cadangan")
    first, second, third, fourth = _packages(assessor_ws, people, tmp_path / "outbox")
    _merge(supervisor_ws, people, first, place)
    (backup,) = list_backups(place.folder)
    merged = supervisor_ws.assessment_rows()[0]["id"]
    service = AssessmentService(supervisor_ws)
    service.set_rating(merged, "IN07", 1)
    _merge(supervisor_ws, people, second, place)
    assert merge_undoable_from(supervisor_ws, place) == backup

    service.set_rating(merged, "IN07", 2)  # more work: kept by the next merge, as a second
    assert merge_undoable_from(supervisor_ws, place) is None
    assert not _merge(supervisor_ws, people, third, place).backup_made
    assert len(list(backup.path.glob(f"paket/{PREFIX}*.ombx"))) == 2
    assert merge_undoable_from(supervisor_ws, place) == backup

    next(backup.path.glob(f"paket/{PREFIX}*.ombx")).unlink()  # a kept package of it gone
    assert kept_marks(backup.path) is None
    assert merge_undoable_from(supervisor_ws, place) is None
    report = _merge(supervisor_ws, people, fourth, place)
    # made again: the work since the backup is kept whole once more, beside the same backup
    assert (report.backup, report.backup_made) == (backup.path, False)
    assert merge_undoable_from(supervisor_ws, place) == backup

    (backup.path / "paket" / MARKS_FILE).write_text("{not json", encoding="utf-8")
    assert kept_marks(backup.path) is None
    assert merge_undoable_from(supervisor_ws, place) is None
