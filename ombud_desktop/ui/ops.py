"""The store thread: the one thread that owns the workspace, and how the GUI talks to it.

SQLite connections belong to the thread that opened them, and the GUI thread must never wait
on disk long enough to be felt. So the workspace is opened, used and closed on one worker
thread (as Anki's collection thread), jobs run there one at a time in the order submitted, and
their results come back to the GUI thread through a queued Qt signal.

A job receives :class:`~ombud_desktop.services.store.Services`, the use cases (never the
workspace). Every use case that writes returns the
:class:`~ombud_desktop.services.changes.Changes` it made, alone or in a result's ``changes``;
after such a job the store thread emits ``changed(changes, initiator)`` on the GUI thread, and
each window refreshes what it shows from that one signal. Commits made by another program (the
``ombud`` command, a second app) are noticed by polling SQLite's ``PRAGMA data_version`` on the
writer's connection and the database files' size and time, and announced as
``changed(Changes.everything(), None)``. Nothing here waits for a job: reads are submitted like
writes, and their answer comes in a callback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ombud_desktop.services.changes import Changes

if TYPE_CHECKING:  # the store stack is imported on the store thread, after the window shows
    from ombud_desktop.services.store import Services

    Store = Services  # what a job receives
else:
    Store = Any

logger = logging.getLogger(__name__)
T = TypeVar("T")

Job = Callable[["Services"], Any]
POLL_MS = 1000  # how often commits made by other programs are looked for


def changes_of(result: Any) -> Changes | None:
    """Return the changes a job's result names (a Changes, or a result with ``changes``)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


class _Relay(QObject):
    """Lives on the GUI thread; runs callbacks posted from the store thread."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run)

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


class StoreThread(QObject):
    """Run jobs against the workspace on its own thread.

    ``submit`` queues a job and calls ``on_done(result)`` or ``on_error(exc)`` later on the GUI
    thread. There is no way to wait for a job from the GUI thread.
    """

    # (Changes, initiator): emitted on the GUI thread after every job whose result names
    # changes, before the job's own on_done; initiator is what submitted it (None: elsewhere).
    changed = Signal(object, object)
    failed = Signal(object)  # an exception from a job without its own on_error

    def __init__(self, open_store: Callable[[], Services], *, poll_ms: int = POLL_MS):
        super().__init__()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ombud-store")
        self._relay = _Relay()
        self._pending = 0
        self._store: Store | None = None
        # Reads that take long (scoring the whole list) run on a second thread with its own
        # connection, so they never hold up an answer or a window that is opening (WAL lets
        # readers and the writer work at the same time).
        self._open_store = open_store
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ombud-reader")
        self._reader_store: Store | None = None
        # Opening runs first on the store thread; the window need not wait for it. Jobs queue
        # behind it, and an error in opening is raised by the first ``call`` (see ``opened``).
        self._opening = self._executor.submit(self._open, open_store)
        self._data_version: int | None = None
        self._file_state: tuple[int, ...] | None = None  # after the app's last own job
        self._polling = False
        self.external_commits = 0  # how many times a commit from elsewhere was noticed
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(poll_ms)
        self._poll_timer.timeout.connect(self.poll)
        if poll_ms > 0:
            self._poll_timer.start()

    def opened(self) -> None:
        """Wait until the workspace is open; raise the error if it could not be opened."""
        self._opening.result()

    def _open(self, open_store: Callable[[], Services]) -> None:
        self._store = open_store()
        self._data_version = self._store.data_version()
        self._file_state = self._store.file_state()

    @property
    def pending(self) -> int:
        """Return how many submitted jobs have not reported back yet."""
        return self._pending

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        write: bool = True,
        initiator: object = None,
    ) -> Future[Any]:
        """Queue ``job``; report its result or error on the GUI thread.

        ``write=False`` marks a read: it runs on the reader thread, beside the writes, and sees
        what was committed when it starts. ``initiator`` is passed on with ``changed``, so a
        window can tell its own writes from others'.
        """
        self._pending += 1
        # The job and the callbacks often hold a window. Only ``box`` refers to them, and it
        # is emptied on the GUI thread after delivery, so the last reference to a window is
        # never dropped on a worker thread (a widget deleted there crashes Qt: "pure virtual
        # method called" while painting).
        box: dict[str, Any] = {
            "job": job, "on_done": on_done, "on_error": on_error, "initiator": initiator
        }
        run = self._run if write else self._run_read

        def run_boxed() -> Any:
            return run(box["job"])

        future = (self._executor if write else self._reader).submit(run_boxed)

        def report(done: Future[Any]) -> None:
            def deliver() -> None:
                try:
                    self._pending -= 1
                    error = done.exception()
                    if error is not None:
                        if box["on_error"] is not None:
                            box["on_error"](error)
                        else:
                            self.failed.emit(error)
                        return
                    result = done.result()
                    changes = changes_of(result)
                    if changes:
                        self.changed.emit(changes, box["initiator"])
                    if box["on_done"] is not None:
                        box["on_done"](result)
                finally:
                    box.clear()

            self._relay.posted.emit(deliver)

        future.add_done_callback(report)
        return future

    def poll(self) -> None:
        """Look (on the writer thread) for commits made by another program since the last look.

        The writer's own commits do not move its connection's data version; the reader's
        score-cache writes are handed to the writer (see ``_run_read``), so only a commit from
        elsewhere does, and the app announces it once. The data version was seen to stay put
        now and then after a commit from elsewhere, so the database files' size and time are
        compared too, with what they were after the app's last own job.
        """
        if self._polling or self._store is None:
            return
        self._polling = True

        def look() -> bool:
            if self._store is None:
                return False
            version, files = self._store.data_version(), self._store.file_state()
            moved = (self._data_version is not None and version != self._data_version) or (
                self._file_state is not None and files != self._file_state
            )
            self._data_version, self._file_state = version, files
            return moved

        def report(done: Future[bool]) -> None:
            def deliver() -> None:
                self._polling = False
                if done.exception() is None and done.result():
                    self.external_commits += 1
                    self.changed.emit(Changes.everything(), None)

            self._relay.posted.emit(deliver)

        try:
            self._executor.submit(look).add_done_callback(report)
        except RuntimeError:  # closed meanwhile
            self._polling = False

    def _run(self, job: Callable[[Services], T]) -> T:
        if self._store is None:
            self._opening.result()  # re-raises why the workspace could not be opened
        assert self._store is not None
        try:
            return job(self._store)
        finally:
            self._file_state = self._store.file_state()

    def _run_read(self, job: Callable[[Services], T]) -> T:
        if self._reader_store is None:
            self._opening.result()  # the writer creates and migrates the workspace first
            self._reader_store = self._open_store()
            self._reader_store.keep_reader_cache()
        try:
            return job(self._reader_store)
        finally:
            entries = self._reader_store.take_reader_cache()
            if entries:
                self._executor.submit(self._store_cache, entries)

    def _store_cache(self, entries: list[Any]) -> None:
        if self._store is not None:
            self._store.store_cache(entries)
            self._file_state = self._store.file_state()

    def wait_idle(self) -> None:
        """Block until every queued job has run (results may still be on their way)."""
        self._executor.submit(lambda: None).result()
        self._reader.submit(lambda: None).result()

    def close(self) -> None:
        """Finish queued jobs, close the workspace, stop the thread."""

        self._poll_timer.stop()

        def close_store() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        def close_reader() -> None:
            if self._reader_store is not None:
                self._reader_store.close()
                self._reader_store = None

        self._reader.submit(close_reader).result()
        self._reader.shutdown(wait=True)
        self._executor.submit(close_store).result()
        self._executor.shutdown(wait=True)


def open_store_at(
    path: Any, *, create: bool = True, lock: str | None = None
) -> Callable[[], Services]:
    """Return a function that opens the workspace at ``path`` (to run on the store thread).

    ``lock`` names the program that holds the workspace's lock while it is open ("Ombud
    Desktop"). The lock is the process's, counted: the reader connection opened with the same
    function shares it and never conflicts with the writer.
    """

    def open_store() -> Services:
        from ombud_desktop.services.store import open_services

        return open_services(path, create=create, lock=lock)

    return open_store
