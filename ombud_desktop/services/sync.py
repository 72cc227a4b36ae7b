"""Sync by folder: the supervisor's inbox is watched and new packages are imported.

The inbox can be a shared folder on the office network, a folder kept in sync by a file-sync
tool (Syncthing, Google Drive, OneDrive), or a USB stick: nothing here needs a network. A file
is imported once it has stopped changing (same size and time at two looks, ``settle`` seconds
apart), so a package still being copied is not read half-way; a file refused as damaged is
tried again if it changes later. A refused file, whatever the reason, is reported and never
holds up the files after it (each is merged in its own savepoint, ``ombud_desktop.merge.batch``).

What sync tools leave beside the packages is never imported (``inbox_kind``): their temporary
files, anything inside a dot-folder (Syncthing keeps deleted and replaced files in
``.stversions``: importing from there would bring a deleted package back), and files a cloud
drive has not downloaded yet (placeholders). Conflict copies (``*.sync-conflict-*``, Dropbox's
"conflicted copy") are reported, once each, instead of being imported as new packages: two
versions of one file name mean someone must look.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ombud_desktop.packages.format import SUFFIX
from ombud_desktop.services.backup import BackupPlace
from ombud_desktop.services.merge import MergeReport, merge_packages
from ombud_desktop.services.packages import PackageService

Clock = Callable[[], float]

# Names sync tools and office programs give to files that are not (yet) what they seem. Only
# ``.ombx`` files are ever imported; these catch the ones that end so anyway.
TEMPORARY_NAMES = (
    "~syncthing~*",  # Syncthing on Windows, while a file arrives
    "*.tmp",
    "*.partial",
    "*.part",
    "*.crdownload",
    "~$*",  # Office lock files, and OneDrive's while uploading
    "desktop.ini",
    "thumbs.db",
    "icon\r",
)
CONFLICT_MARKERS = (".sync-conflict-", "(conflicted copy")
# Windows file attributes of a cloud file that is not on the disk (OneDrive, Google Drive).
_NOT_DOWNLOADED = 0x1000 | 0x40000 | 0x400000  # OFFLINE, RECALL_ON_OPEN, RECALL_ON_DATA_ACCESS

PACKAGE, CONFLICT_COPY, IGNORED = "package", "conflict_copy", "ignored"


def inbox_kind(relative: Path) -> str:
    """Say what a file found in the inbox is: a package, a conflict copy, or to be ignored.

    ``relative`` is its path inside the inbox. Anything in a dot-folder (``.stversions``,
    ``.stfolder``, ``.trash``, ``.tmp.drivedownload``) or with a dot-name (Syncthing's
    ``.syncthing.NAME.tmp``) is ignored, and so are temporary names and non-packages.
    """
    if any(part.startswith(".") for part in relative.parts):
        return IGNORED
    name = relative.name.lower()
    if not name.endswith(SUFFIX) or any(fnmatch.fnmatchcase(name, p) for p in TEMPORARY_NAMES):
        return IGNORED
    if any(marker in name for marker in CONFLICT_MARKERS):
        return CONFLICT_COPY
    return PACKAGE


def _walk(inbox: Path) -> Iterator[Path]:
    """Yield every file under ``inbox`` (sorted), never entering a dot-folder or a link."""
    for folder, dirs, files in os.walk(inbox):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            yield Path(folder) / name


def not_downloaded(info: os.stat_result) -> bool:
    """Return True for a cloud drive's placeholder: a file whose contents are not here yet."""
    return bool(getattr(info, "st_file_attributes", 0) & _NOT_DOWNLOADED)


@dataclass
class SyncReport(MergeReport):
    """What one look at the inbox did: the merge, and the files it left alone on purpose."""

    conflict_copies: list[Path] = field(default_factory=list)
    not_downloaded: list[Path] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON data, with the conflict copies and placeholders."""
        data = super().to_json()
        data["conflict_copies"] = [str(p) for p in self.conflict_copies]
        data["not_downloaded"] = [str(p) for p in self.not_downloaded]
        return data


@dataclass
class InboxWatcher:
    """Remembers what it has seen in one inbox folder and imports what is new and settled."""

    inbox: Path
    settle: float = 2.0
    clock: Clock = time.time
    _seen: dict[Path, tuple[int, int]] = field(default_factory=dict)
    _pending: dict[Path, tuple[int, int]] = field(default_factory=dict)
    _told: dict[Path, tuple[int, int]] = field(default_factory=dict)  # conflict copies, cloud
    conflict_copies: list[Path] = field(default_factory=list)  # new since the last sync
    not_downloaded: list[Path] = field(default_factory=list)

    def ready(self) -> list[Path]:
        """Return the package files that are new (or changed) and have stopped changing.

        Conflict copies and placeholders seen for the first time (or changed) are collected
        in ``conflict_copies`` and ``not_downloaded`` until the next ``sync`` reports them.
        """
        if not self.inbox.is_dir():
            return []
        now = self.clock()
        ready = []
        present = set()
        for path in _walk(self.inbox):
            kind = inbox_kind(path.relative_to(self.inbox))
            if kind == IGNORED:
                continue
            try:
                info = path.lstat()  # never follow a link: the reader refuses it by name
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                continue
            present.add(path)
            signature = (info.st_size, info.st_mtime_ns)
            if kind == CONFLICT_COPY or not_downloaded(info):
                if self._told.get(path) != signature:
                    self._told[path] = signature
                    aside = self.conflict_copies if kind == CONFLICT_COPY else self.not_downloaded
                    if path not in aside:
                        aside.append(path)
                continue
            if self._seen.get(path) == signature:
                continue
            if self._pending.get(path) == signature and now - info.st_mtime >= self.settle:
                ready.append(path)
            else:
                self._pending[path] = signature
        for gone in set(self._pending) - present:
            del self._pending[gone]
        for gone in set(self._told) - present:
            del self._told[gone]
        return ready

    def left_alone(self) -> bool:
        """Return True when conflict copies or placeholders wait to be reported."""
        return bool(self.conflict_copies or self.not_downloaded)

    def waiting(self) -> bool:
        """Return True when files were seen that have not settled yet."""
        return bool(self._pending)

    def mark(self, paths: list[Path]) -> None:
        """Remember files as handled (imported or refused) until they change."""
        for path in paths:
            signature = self._pending.pop(path, None)
            if signature is not None:
                self._seen[path] = signature

    def sync(
        self,
        service: PackageService,
        *,
        passphrase: str | None = None,
        backup: BackupPlace | None = None,
    ) -> SyncReport | None:
        """Import what is ready; return the report, or None when there was nothing to say.

        ``backup``: where the backup that undoes the merge goes (default: beside the workspace).
        """
        paths = self.ready()
        copies, self.conflict_copies = self.conflict_copies, []
        cloud, self.not_downloaded = self.not_downloaded, []
        if not paths:
            if copies or cloud:
                return SyncReport(conflict_copies=copies, not_downloaded=cloud)
            return None
        merged = merge_packages(service, paths, passphrase=passphrase, backup=backup)
        self.mark(paths)
        return SyncReport(
            receipts=merged.receipts,
            refused=merged.refused,
            conflict_copies=copies,
            not_downloaded=cloud,
        )
