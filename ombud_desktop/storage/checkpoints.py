"""Copying the WAL back into the database beside the saves, not inside one of them.

SQLite's automatic checkpoint runs in the commit that takes the WAL past its limit: with an
answer writing six pages, one save in ~170 also copied a thousand pages back into the database
and fsynced it, and those saves were the slowest hundredth (issue 19: an answer's p99 1.4 ms
against 0.9 ms without). A :class:`Checkpointer` runs a PASSIVE checkpoint on its own
connection every half second instead, on a thread: a PASSIVE checkpoint never waits for a
writer or a reader and never makes one wait, and copies only what no reader still needs. The
writer keeps SQLite's own checkpoint as a safety net, at a size the thread never lets the WAL
reach (``Workspace.AUTOCHECKPOINT_PAGES``). Durability is unchanged: every commit is fsynced
into the WAL before it returns, and a WAL left by a killed process is replayed when the
database is next opened.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

logger = logging.getLogger(__name__)

INTERVAL_S = 0.5
MAX_FAILURES = 20  # failures before the thread gives up (a read-only disk, a damaged file)


class Checkpointer:
    """A thread that checkpoints one database's WAL every ``interval`` seconds."""

    def __init__(self, path: Path, *, interval: float = INTERVAL_S) -> None:
        self.path = path
        self.interval = interval
        self.checkpoints = 0  # checkpoints that copied frames back (for tests and logs)
        self.failures = 0
        self._stop = threading.Event()
        self._pauses = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(
            target=self._run, name=f"wal-checkpoint {path.parent}", daemon=True
        )

    def start(self) -> None:
        """Start checkpointing."""
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the thread to stop after the checkpoint under way, if any; do not wait."""
        self._stop.set()

    def stop(self) -> None:
        """Stop, after the checkpoint under way if any (bounded: a PASSIVE one never waits)."""
        self.request_stop()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()

    @property
    def running(self) -> bool:
        """Return True while the thread checkpoints (it gives up after MAX_FAILURES)."""
        return self._thread.is_alive()

    def wait_stopped(self, timeout: float) -> bool:
        """Wait (at most ``timeout`` seconds) for the thread to end; return True once it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Checkpoint nothing inside this block (a merge sets its own checkpoints)."""
        with self._lock:
            self._pauses += 1
        try:
            yield
        finally:
            with self._lock:
                self._pauses -= 1

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
        except sqlite3.Error as exc:  # the saves' own checkpoint (the safety net) remains
            logger.warning("WAL checkpoints beside the saves are off: %s", exc)
            self.failures += 1
            return
        try:
            while not self._stop.wait(self.interval):
                if self._pauses:
                    continue
                try:
                    _busy, frames, copied = conn.execute(
                        "PRAGMA wal_checkpoint(PASSIVE)"
                    ).fetchone()
                except sqlite3.Error as exc:  # tried again next time; nothing is lost
                    self.failures += 1
                    if self.failures == 1:
                        logger.warning("a WAL checkpoint failed: %s", exc)
                    if self.failures >= MAX_FAILURES:  # a read-only disk, say: the saves'
                        logger.warning("WAL checkpoints beside the saves stop: %s", exc)
                        return  # own checkpoint (the safety net) remains
                    continue
                if frames > 0 and copied > 0:
                    self.checkpoints += 1
        finally:
            conn.close()
