"""Merge many files into a workspace: read ahead, commit in batches, one savepoint per file.

Files are opened (verified and parsed) one or two ahead on a second thread, while the previous
one is written to the database: hashing, inflating and reading let go of the GIL. For speed,
the files of one batch share one commit; each file is applied inside its own savepoint, so a
file that is refused for any reason (a broken rule of the database such as a reused change
id, a value the workspace does not accept, a bug met by that one file) leaves no trace: its
savepoint is rolled back, the evidence files it placed are removed, it is reported with a
code, and the batch goes on. Only a failure of the workspace itself (a full disk, a read-only
or damaged database, another program holding it) stops the merge; then the whole batch is
rolled back, and the batches committed before it stay.

What a file is and how it is applied is the caller's: ``packages`` opens and applies
packages and calls this module, so this module never imports ``packages``.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from ombud_desktop.errors import OmbudError
from ombud_desktop.storage.workspace import Workspace, bulk_writing, storage_errors

logger = logging.getLogger(__name__)

READ_AHEAD = 2
# Failures of the workspace, not of one file: every later file would fail the same way.
WORKSPACE_FAILURES = frozenset({"disk_full", "read_only", "busy", "workspace_corrupt"})

Progress = Callable[[int, int, str], None]


class Opened(Protocol):
    """A file opened for merging: it holds the file open until closed."""

    def close(self) -> None:
        """Close the file."""


OpenedT = TypeVar("OpenedT", bound=Opened)
R = TypeVar("R")


@dataclass
class BatchResult(Generic[R]):
    """What a batched merge did: one result per applied file, and the refused files."""

    applied: list[R] = field(default_factory=list)
    refused: list[tuple[Path, OmbudError]] = field(default_factory=list)
    readers_broke: bool = False  # the reading processes stopped; a thread read the rest


def merge_in_batches(
    workspace: Workspace,
    files: Sequence[Path],
    open_one: Callable[[Path], OpenedT],
    apply_one: Callable[[OpenedT, list[Path]], R],
    *,
    batch: int = 200,
    progress: Progress | None = None,
    readers: Readers[OpenedT] | None = None,
) -> BatchResult[R]:
    """Open every file (on a reader thread) and apply it (here); return what happened.

    ``open_one(path)`` must not touch the database (it runs on another thread) and raises an
    OmbudError to refuse a file. With ``readers``, files are opened on its processes instead
    (the caller starts and shuts them down); if they break (a reading process killed), the
    files not yet opened are opened with ``open_one`` on a thread as without them.
    ``apply_one(opened, placed)`` writes one file inside the savepoint this module holds, and
    adds to ``placed`` each file it creates outside the database (removed if its savepoint or
    its batch is rolled back). Raises the OmbudError of a failure of the workspace itself (see
    ``WORKSPACE_FAILURES``).
    """
    result: BatchResult[R] = BatchResult()
    with contextlib.ExitStack() as stack:
        stack.enter_context(bulk_writing(workspace))
        thread = stack.enter_context(
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-reader")
        )
        ahead_count = READ_AHEAD if readers is None else readers.ahead
        pool: Executor = thread if readers is None else readers.pool
        opener: Callable[[Path], OpenedT] = open_one if readers is None else readers.open_one
        ahead: deque[tuple[Path, Future[OpenedT]]] = deque(
            (path, pool.submit(opener, path)) for path in files[:ahead_count]
        )
        for start in range(0, len(files), batch):
            placed: list[Path] = []  # created by the files of this batch, kept if it commits
            try:
                with storage_errors("merging packages"), workspace.db.atomic():
                    for number in range(start, min(start + batch, len(files))):
                        if pool is not thread and _broken(ahead[0][1]):
                            logger.warning("the package readers stopped; reading on a thread")
                            result.readers_broke = True
                            pool, opener = thread, open_one
                            ahead = deque((p, pool.submit(opener, p)) for p, _f in ahead)
                        _path, future = ahead.popleft()
                        if number + ahead_count < len(files):
                            path = files[number + ahead_count]
                            ahead.append((path, pool.submit(opener, path)))
                        _merge_one(workspace, files[number], future, apply_one, placed, result)
                        if progress:
                            progress(number + 1, len(files), files[number].name)
            except BaseException:
                _remove(placed)
                for _pending_path, pending in ahead:
                    with contextlib.suppress(Exception):
                        pending.result().close()
                raise
    return result


@dataclass(frozen=True)
class Readers(Generic[OpenedT]):
    """Processes that open files ahead: ``open_one`` is picklable (a module's function)."""

    pool: Executor
    open_one: Callable[[Path], OpenedT]
    ahead: int  # files opened ahead of the one applied
    count: int = 1  # processes


def _broken(future: Future[Any]) -> bool:
    """Return True when the future failed because its executor broke (not its file)."""
    try:
        future.result()
    except BrokenExecutor:
        return True
    except BaseException:  # the file's own failure: reported as it is
        return False
    return False


def _merge_one(
    workspace: Workspace,
    path: Path,
    future: Future[OpenedT],
    apply_one: Callable[[OpenedT, list[Path]], R],
    placed: list[Path],
    result: BatchResult[R],
) -> None:
    try:
        opened = future.result()
    except OmbudError as exc:  # refused, or a member changed while read
        result.refused.append((path, exc))
        return
    except Exception as exc:  # a bug met by this one file: the others are still merged
        result.refused.append((path, _crashed(path, exc)))
        return
    mine: list[Path] = []
    try:
        with storage_errors(f"importing {path.name}"), workspace.db.atomic():
            applied = apply_one(opened, mine)
    except Exception as exc:
        _remove(mine)
        if _workspace_failed(workspace, exc):
            raise  # stop: the batch is rolled back, the files it placed removed
        error = exc if isinstance(exc, OmbudError) else _crashed(path, exc)
        result.refused.append((path, error))
    else:
        placed.extend(mine)
        result.applied.append(applied)
    finally:
        opened.close()


def _workspace_failed(workspace: Workspace, exc: BaseException) -> bool:
    """Return True when ``exc`` is the workspace's failure, not the file's: stop the merge."""
    if isinstance(exc, OmbudError) and exc.code in WORKSPACE_FAILURES:
        return True
    # A rolled-back savepoint leaves the batch's transaction open. An error that ended the
    # transaction itself (SQLite does so for some I/O errors) would let the batch's earlier
    # files commit half-way: stop, and the whole batch is rolled back.
    return not workspace.db.conn.in_transaction


def _crashed(path: Path, exc: Exception) -> OmbudError:
    # The frames say where, without the message (it could quote a value from the file, and
    # respondents' personal data never goes into logs).
    logger.error(
        "importing %s failed with %s\n%s",
        path.name,
        type(exc).__name__,
        "".join(traceback.format_tb(exc.__traceback__)),
    )
    return OmbudError(
        f"{path.name} could not be imported: an unexpected error ({type(exc).__name__})",
        code="package_failed",
        hint="Nothing of this file was imported; the other files were. Please report this "
        "with the file.",
    )


def _remove(paths: list[Path]) -> None:
    for created in paths:
        with contextlib.suppress(OSError):
            created.unlink()
