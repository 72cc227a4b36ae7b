"""The work made on this device since the newest backup, kept beside it as signed packages.

A merge must be undoable: restoring the backup that covers it and merging again the packages
kept beside that backup (``storage/kept_packages.py``) must give back everything but the bad
merge, losing nothing made on this device. Without this module the first merge after work done
here (an answer, a review decision, a resolution, a supervisor record) makes a whole backup
first: a copy of every year the workspace holds (7 GB and 85 s in a decade, issue 19). It keeps
that work instead, the way the merged packages are kept: each assessment with a change made here
since the backup's marks, and one of each entity and period with a record made here since, is
exported as a package signed by this user's key, with its personal data sealed to this user's
own receiving key among the usual recipients, into ``<backup>/paket/0-sendiri-<id>.ombx``. The
file ``<backup>/paket/sendiri.json``, written last, says how far the log was kept (the marks
taken before the export: anything made while it ran is kept by the next one). Restoring the
backup and merging its ``paket`` folder again then brings back this device's work through the
same checks as any package.

It is kept only when all of it can be: with the signing key unlocked and a receiving key of
one's own, every assessment exported with its personal data sealed (never "withheld"), every
record with an assessment of its entity and period to travel in; and only while it is small
beside the workspace (``SHARE``), when exporting it is the quicker. Otherwise, or on any
failure (a full disk), nothing is claimed and the merge makes a whole backup as before.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ombud_desktop.errors import OmbudError
from ombud_desktop.files import sync_folder, write_atomically
from ombud_desktop.packages.export import Signer
from ombud_desktop.storage import backup as backups
from ombud_desktop.storage.kept_packages import FOLDER
from ombud_desktop.storage.workspace import Workspace

logger = logging.getLogger(__name__)

MARKS_FILE = "sendiri.json"
# Named to sort before every merged package kept beside the backup (their names are hex
# digests, and "0-" comes before any of them: "-" sorts before every digit and letter), and
# among themselves by time (package ids are UUIDv7):
# merging the folder again then brings this device's work back first, each assessment whole as
# it was then, and a package that arrived after an approval made here is held again as it was.
PREFIX = "0-sendiri-"
FORMAT = "ombud-desktop-own-work"
# Exporting an assessment took 13 ms (its log signed and zipped, its photos hashed); a whole
# backup of a national year 1.8 ms an assessment (benchmarks/README.md, issue 19). Work in more
# than one assessment in twenty (and more than FEW) is kept by a whole backup: at one in twenty
# the export is still about three times the quicker, a margin for assessments rich in photos.
SHARE = 20
FEW = 50
# What this device made after a mark: read by the tables' keys from the mark on.
CHANGES_SINCE = "SELECT assessment_id FROM changes WHERE seq > ? AND device_id = ? ORDER BY seq"
RECORDS_SINCE = (
    "SELECT entity_id, period_id FROM entity_records WHERE rowid > ? AND device_id = ? "
    "ORDER BY rowid"
)


@dataclass
class OwnWork:
    """What keeping this device's work needs: the package service (workspace and keys) and
    the user's signer, unlocked when asked (None when it cannot be); ``kept`` counts the
    packages of this device's work kept (by :func:`keep_own_work`)."""

    service: Any  # services.packages.PackageService
    signer: Callable[[], Signer | None]
    kept: int = 0


def kept_marks(backup: Path) -> dict[str, Any] | None:
    """Return the marks up to which this device's work is kept beside ``backup``, or None.

    Anything unreadable or malformed counts as nothing kept (the merge then backs up whole).
    """
    data = _marks_file(Path(backup) / FOLDER)
    marks = data.get("marks")
    if not isinstance(marks, dict):
        return None
    numbers = (marks.get("changes_seq"), marks.get("records_rowid"))
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
        return None
    if not (marks.get("changes_last_id") is None or isinstance(marks["changes_last_id"], str)):
        return None
    names = data.get("packages")
    folder = Path(backup) / FOLDER
    if not isinstance(names, list) or not all(
        isinstance(n, str) and n.startswith(PREFIX) and "/" not in n and (folder / n).is_file()
        for n in names
    ):
        return None  # a package of that work gone: it is no longer kept
    return marks


def _marks_file(folder: Path) -> dict[str, Any]:
    """Return what ``sendiri.json`` in ``folder`` holds ({} when unreadable or not ours)."""
    try:
        data = json.loads((folder / MARKS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("format") == FORMAT else {}


def keep_own_work(workspace: Workspace, backup: backups.Backup, own: OwnWork) -> bool:
    """Keep what was made here since ``backup``'s marks (or since the work kept beside it)
    as packages beside it; return True when all of it is kept, False when nothing is claimed.

    The caller has checked that ``backup`` is this workspace's newest and that every package
    merged since it is kept beside it.
    """
    db = workspace.db.conn
    since = kept_marks(backup.path)
    if since is None or not backups.same_history(db, since):
        since = backup.manifest.get("marks")
    if not isinstance(since, dict) or not backups.same_history(db, since):
        return False
    # Taken before exporting: what is made while the export runs is kept by the next one.
    now_marks = backups.marks_of(db)
    ids = _assessments_made_here(db, since, workspace.device_id)
    if ids is None:
        return False
    if len(ids) > FEW:
        total = db.execute("SELECT COUNT(*) FROM assessments").fetchone()[0]
        if len(ids) * SHARE > total:
            return False
    keys = own.service.keys
    if ids and not keys.has_receiving_key():
        return False  # its personal data could not be opened again here
    signer = own.signer() if ids else None
    if ids and signer is None:
        return False
    folder = backup.path / FOLDER
    building = folder / f".{PREFIX}{uuid.uuid4().hex}.partial"
    try:
        kept = []
        if ids:
            building.mkdir(parents=True)
            results = own.service.export_signed(ids, building, signer)
            if any(r.personal == "withheld" for r in results):
                return False
            for result in results:
                target = folder / f"{PREFIX}{result.package_id}.ombx"
                result.path.replace(target)
                kept.append(target.name)
            sync_folder(folder)
        previous = _kept_names(folder)
        write_atomically(
            folder / MARKS_FILE,
            json.dumps(
                {"format": FORMAT, "marks": now_marks, "packages": sorted({*previous, *kept})},
                indent=1,
            ).encode("utf-8"),
        )
    except (OmbudError, OSError, sqlite3.Error) as exc:
        logger.warning("this device's work could not be kept beside %s: %s", backup.path, exc)
        return False
    except Exception as exc:  # a fault of the export: the merge makes a whole backup instead
        # Its type only: an unexpected message could quote what was being exported.
        logger.error("keeping this device's work failed (%s); a whole backup is made instead",
                     type(exc).__name__)
        return False
    finally:
        shutil.rmtree(building, ignore_errors=True)
    own.kept += len(kept)
    return True


def _assessments_made_here(
    db: sqlite3.Connection, since: dict[str, Any], device_id: str
) -> list[str] | None:
    """Return the assessments to export for what this device made after ``since``: those with
    a change made here, and one of each entity and period with a record made here; None when
    a record has no assessment to travel in."""
    # The rows after the marks, by their keys (seq, rowid), made distinct here: with DISTINCT
    # SQLite walks the index that orders by assessment, every change of a decade (5 s warm,
    # 29 s cold), where the rows after a mark are a few.
    ids = list(
        dict.fromkeys(
            row[0] for row in db.execute(CHANGES_SINCE, [since["changes_seq"], device_id])
        )
    )
    places = dict.fromkeys(
        db.execute(RECORDS_SINCE, [since["records_rowid"], device_id]).fetchall()
    )
    for entity_id, period_id in places:
        carrier = db.execute(
            "SELECT a.id FROM assessments a JOIN loci l ON l.id = a.locus_id "
            "WHERE l.entity_id = ? AND a.period_id = ? "
            "AND EXISTS (SELECT 1 FROM changes c WHERE c.assessment_id = a.id) "
            "ORDER BY a.deleted_at IS NOT NULL, a.id LIMIT 1",
            [entity_id, period_id],
        ).fetchone()
        if carrier is None:
            return None
        if carrier[0] not in ids:
            ids.append(carrier[0])
    return ids


def _kept_names(folder: Path) -> list[str]:
    """Return the packages ``sendiri.json`` lists that are still there."""
    names = _marks_file(folder).get("packages")
    if not isinstance(names, list):
        return []
    return [n for n in names if isinstance(n, str) and (folder / n).is_file()]
