"""The store thread: the one thread that owns the workspace, and how the GUI talks to it.

SQLite connections belong to the thread that opened them, and the GUI thread must never wait
on disk long enough to be felt. So the workspace is opened, used and closed on one worker
thread (as Anki's collection thread), jobs run there one at a time in the order submitted, and
their results come back to the GUI thread through a queued Qt signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:  # the store stack is imported on the store thread, after the window shows
    from ombud_desktop.services.assessments import AssessmentService
    from ombud_desktop.storage import Workspace

logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class Store:
    """What a job receives: the workspace and the use cases over it (store thread only)."""

    workspace: Workspace
    service: AssessmentService


Job = Callable[[Store], Any]


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
    thread. ``call`` runs a job and waits for it: only for quick reads where the GUI cannot go
    on without the answer (opening a window), never for writes.
    """

    saved = Signal(object)  # emitted (on the GUI thread) after every successful write job
    failed = Signal(object)  # an exception from a job without its own on_error

    def __init__(self, open_store: Callable[[], Store]):
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

    def opened(self) -> None:
        """Wait until the workspace is open; raise the error if it could not be opened."""
        self._opening.result()

    def _open(self, open_store: Callable[[], Store]) -> None:
        self._store = open_store()

    @property
    def pending(self) -> int:
        """Return how many submitted jobs have not reported back yet."""
        return self._pending

    def call(self, job: Callable[[Store], T]) -> T:
        """Run ``job`` on the store thread and return its result (short reads only)."""
        return self._executor.submit(self._run, job).result()

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        write: bool = True,
    ) -> Future[Any]:
        """Queue ``job``; report its result or error on the GUI thread.

        ``write=False`` marks a read: it runs on the reader thread, beside the writes, and sees
        what was committed when it starts.
        """
        self._pending += 1
        # The job and the callbacks often hold a window. Only ``box`` refers to them, and it
        # is emptied on the GUI thread after delivery, so the last reference to a window is
        # never dropped on a worker thread (a widget deleted there crashes Qt: "pure virtual
        # method called" while painting).
        box: dict[str, Any] = {"job": job, "on_done": on_done, "on_error": on_error}
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
                    if write:
                        self.saved.emit(result)
                    if box["on_done"] is not None:
                        box["on_done"](result)
                finally:
                    box.clear()

            self._relay.posted.emit(deliver)

        future.add_done_callback(report)
        return future

    def _run(self, job: Callable[[Store], T]) -> T:
        if self._store is None:
            self._opening.result()  # re-raises why the workspace could not be opened
        assert self._store is not None
        return job(self._store)

    def _run_read(self, job: Callable[[Store], T]) -> T:
        if self._reader_store is None:
            self._opening.result()  # the writer creates and migrates the workspace first
            self._reader_store = self._open_store()
        return job(self._reader_store)

    def wait_idle(self) -> None:
        """Block until every queued job has run (results may still be on their way)."""
        self._executor.submit(lambda: None).result()
        self._reader.submit(lambda: None).result()

    def close(self) -> None:
        """Finish queued jobs, close the workspace, stop the thread."""

        def close_store() -> None:
            if self._store is not None:
                self._store.workspace.close()
                self._store = None

        def close_reader() -> None:
            if self._reader_store is not None:
                self._reader_store.workspace.close()
                self._reader_store = None

        self._reader.submit(close_reader).result()
        self._reader.shutdown(wait=True)
        self._executor.submit(close_store).result()
        self._executor.shutdown(wait=True)


def open_store_at(
    path: Any, *, create: bool = True, lock: str | None = None
) -> Callable[[], Store]:
    """Return a function that opens the workspace at ``path`` (to run on the store thread).

    ``lock`` names the program that holds the workspace's lock while it is open ("Ombud
    Desktop"). The lock is the process's, counted: the reader connection opened with the same
    function shares it and never conflicts with the writer.
    """

    def open_store() -> Store:
        from ombud_desktop.services.assessments import AssessmentService
        from ombud_desktop.storage import Workspace

        workspace = Workspace.open(path, create=create, lock=lock)
        return Store(workspace, AssessmentService(workspace))

    return open_store
