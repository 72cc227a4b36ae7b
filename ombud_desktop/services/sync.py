"""Sync by folder: the supervisor's inbox is watched and new packages are imported.

The inbox can be a shared folder on the office network, a folder kept in sync by a file-sync
tool, or a USB stick: nothing here needs a network. A file is imported once it has stopped
changing (same size and time at two looks, ``settle`` seconds apart), so a package still being
copied is not read half-way; a file refused as damaged is tried again if it changes later.
A refused file, whatever the reason, is reported and never holds up the files after it (each
is merged in its own savepoint, ``ombud_desktop.merge.batch``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ombud_desktop.packages.format import SUFFIX
from ombud_desktop.services.merge import MergeReport, merge_packages
from ombud_desktop.services.packages import PackageService

Clock = Callable[[], float]


@dataclass
class InboxWatcher:
    """Remembers what it has seen in one inbox folder and imports what is new and settled."""

    inbox: Path
    settle: float = 2.0
    clock: Clock = time.time
    _seen: dict[Path, tuple[int, int]] = field(default_factory=dict)
    _pending: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def ready(self) -> list[Path]:
        """Return the package files that are new (or changed) and have stopped changing."""
        if not self.inbox.is_dir():
            return []
        now = self.clock()
        ready = []
        present = set()
        for path in sorted(self.inbox.rglob(f"*{SUFFIX}")):
            if path.name.startswith(".") or not path.is_file():
                continue  # temporary names used while a file is written or synced
            present.add(path)
            try:
                info = path.stat()
            except OSError:
                continue
            signature = (info.st_size, info.st_mtime_ns)
            if self._seen.get(path) == signature:
                continue
            if self._pending.get(path) == signature and now - info.st_mtime >= self.settle:
                ready.append(path)
            else:
                self._pending[path] = signature
        for gone in set(self._pending) - present:
            del self._pending[gone]
        return ready

    def waiting(self) -> bool:
        """Return True when files were seen that have not settled yet."""
        return bool(self._pending)

    def mark(self, paths: list[Path]) -> None:
        """Remember files as handled (imported or refused) until they change."""
        for path in paths:
            signature = self._pending.pop(path, None)
            if signature is not None:
                self._seen[path] = signature

    def sync(self, service: PackageService, *, passphrase: str | None = None) -> MergeReport | None:
        """Import what is ready; return the report, or None when there was nothing."""
        paths = self.ready()
        if not paths:
            return None
        report = merge_packages(service, paths, passphrase=passphrase)
        self.mark(paths)
        return report
