"""The packages merged after a backup, kept beside it: the backup and they undo any later merge.

A merge only appends: changes to the log, records, imports; the materialised rows follow from
them. So the newest backup of a workspace together with every package merged since it holds
all the workspace holds, as long as nothing was made on this device since (checked by
``storage.backup.made_here_since``): restoring the backup and merging the kept packages again
(all of them, or all but a bad one) rebuilds it. Keeping a package costs a hard link (a copy
where the backup folder is on another disk), not a copy of the years the workspace holds.

Kept as ``<backup>/paket/<name>.ombx``, the name a digest of the package id and its signer's
fingerprint (the ``imports`` table records both), so the check reads one name per import made
since the backup's mark and never trusts a name that came in a package.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ombud_desktop.files import sync_folder
from ombud_desktop.storage.workspace import Workspace

FOLDER = "paket"


def kept_name(package_id: str, signer_fingerprint: str) -> str:
    """Return the file name a package is kept under (safe whatever the ids hold)."""
    digest = hashlib.sha256(f"{package_id}\n{signer_fingerprint}".encode()).hexdigest()
    return f"{digest[:40]}.ombx"


def keep(backup: Path, packages: Iterable[tuple[Path, str, str]]) -> int:
    """Keep each (file, package id, signer fingerprint) in ``backup``; return how many are new.

    Hard-linked, or copied (fsynced, renamed into place) when a link cannot be made. Raises
    OSError when one cannot be kept: the next merge then finds it missing and backs up whole.
    """
    folder = Path(backup) / FOLDER
    folder.mkdir(exist_ok=True)
    added = 0
    for source, package_id, signer in packages:
        target = folder / kept_name(package_id, signer)
        if target.exists():
            continue
        try:
            os.link(source, target)
        except OSError:
            part = target.with_name(f".{target.name}.part")
            shutil.copyfile(source, part)
            with open(part, "rb+") as stream:
                os.fsync(stream.fileno())
            os.replace(part, target)
        added += 1
    if added:
        sync_folder(folder)
    return added


def kept_files(backup: Path) -> list[Path]:
    """Return the packages kept beside a backup (to merge again after restoring it)."""
    folder = Path(backup) / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.ombx") if p.is_file())


def all_kept_since(workspace: Workspace, backup: Path, marks: Any) -> bool:
    """Return True when every package imported after the backup's mark is kept beside it.

    False for marks without an import mark (a backup made before packages were kept).
    Reads only the imports after the mark (rowid is the table's key).
    """
    if not isinstance(marks, dict):
        return False
    mark = marks.get("imports_rowid")
    if not isinstance(mark, int) or isinstance(mark, bool) or mark < 0:
        return False
    folder = Path(backup) / FOLDER
    rows = workspace.db.execute(
        "SELECT package_id, signer_fingerprint FROM imports WHERE rowid > ?", [mark]
    )
    return all((folder / kept_name(p, s or "")).is_file() for p, s in rows)
