"""One writer per workspace: the lock a process holds while it may write a workspace.

The lock is ``workspace.lock`` beside the database. It says who holds it (process id, host,
program, user, since when), but its *contents never decide*: the operating system's lock on the
file does (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows). The OS drops that lock when
the holding process ends in any way, a ``kill -9`` or a power cut included, so a lock left behind
by a dead process is simply free again and is taken over with no manual step.

The lock belongs to the process, not to a connection: a process that opens the same workspace
twice (the app's writer and reader connections) holds it once, counted, and lets it go when
the last holder is released. Read-only openers never take it.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ombud_desktop.errors import StorageError, WorkspaceLockedError

logger = logging.getLogger(__name__)

LOCK_NAME = "workspace.lock"
FORMAT = 1
MAX_HOLDER_BYTES = 4096  # what is read of a lock file; the holder's record is ~200 bytes
# Windows locks byte ranges, and another process cannot read a locked range. The lock is taken
# on one byte far beyond the holder's record (locking past the end of a file is allowed), so
# the record stays readable to the process that is refused. Below 2**31: _lseek takes a long.
WINDOWS_LOCK_OFFSET = 1 << 30


@dataclass(frozen=True)
class Holder:
    """Who holds a workspace's lock, as its lock file says."""

    pid: int
    host: str
    program: str
    user: str
    started_at: str  # ISO 8601 UTC

    def to_json(self) -> dict[str, Any]:
        """Return the record written into the lock file."""
        return {
            "format": FORMAT,
            "pid": self.pid,
            "host": self.host,
            "program": self.program,
            "user": self.user,
            "started_at": self.started_at,
        }

    @classmethod
    def from_json(cls, data: Any) -> Holder | None:
        """Return the holder in a lock file's record, or None when it is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        try:
            return cls(
                pid=int(data["pid"]),
                host=str(data["host"]),
                program=str(data["program"]),
                user=str(data["user"]),
                started_at=str(data["started_at"]),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def since(self) -> str:
        """Return when the lock was taken, in local time to the minute (for messages)."""
        try:
            moment = datetime.fromisoformat(self.started_at.replace("Z", "+00:00"))
        except ValueError:
            return self.started_at
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def this_process(program: str) -> Holder:
    """Return the holder record of this process, taking the lock now as ``program``."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (a service, a container)
        user = ""
    return Holder(
        pid=os.getpid(),
        host=socket.gethostname(),
        program=program,
        user=user,
        started_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )


def lock_path(root: Path) -> Path:
    """Return the lock file of the workspace in folder ``root``."""
    return Path(root) / LOCK_NAME


# -- the OS lock ---------------------------------------------------------------------------------

if os.name == "nt":  # pragma: no cover - tested on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        """Take the OS lock on ``fd`` without waiting; return False when another holds it."""
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            # EACCES or EDEADLOCK: another handle holds the byte. (LK_NBLCK fails at once;
            # LK_LOCK would retry for 10 s, which is not what a refused opener wants.)
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _same_file(fd: int, path: Path) -> bool:
        # Windows does not delete a file another process has open, so the file locked is the
        # file at ``path``.
        return True

else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        """Take the OS lock on ``fd`` without waiting; return False when another holds it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            # A file system without locks (ENOLCK, EOPNOTSUPP on some network shares): go on
            # without one; SQLite still keeps the database whole, only the warning is lost.
            logger.warning("the workspace cannot be locked on this file system: %s", exc)
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

    def _same_file(fd: int, path: Path) -> bool:
        """Return True when ``fd`` is still the file at ``path`` (not deleted or replaced)."""
        try:
            named, held = os.stat(path), os.fstat(fd)
        except OSError:
            return False
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _open(path: Path) -> int:
    try:
        # O_BINARY on Windows: a text-mode descriptor would write "\r\n" and the record's
        # length (used to truncate) would be off by one.
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    except OSError as exc:
        raise StorageError(
            f"cannot write the workspace's lock file {path}: {exc.strerror}",
            code="read_only",
            hint="Check that the workspace folder is writable; nothing was changed.",
        ) from None


def _write_holder(fd: int, holder: Holder | None) -> None:
    """Replace the lock file's record, in place.

    Not written atomically (temporary name and rename) on purpose: the OS lock is on this very
    file, and a renamed one would be a new, unlocked file. A reader that meets a half-written
    record only loses the holder's details (see :func:`read_holder`).
    """
    data = b"" if holder is None else json.dumps(holder.to_json()).encode("utf-8") + b"\n"
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.ftruncate(fd, len(data))
    with contextlib.suppress(OSError):
        os.fsync(fd)


def read_holder(root: Path) -> Holder | None:
    """Return who the workspace's lock file names, or None (no file, empty, unreadable).

    Only says who *wrote* the record; whether they still hold the lock is the OS lock's answer.
    """
    try:
        with open(lock_path(root), "rb") as stream:
            data = stream.read(MAX_HOLDER_BYTES)
        return Holder.from_json(json.loads(data.decode("utf-8")))
    except (OSError, ValueError):
        return None


# -- holding it for the process ------------------------------------------------------------------


class WorkspaceLock:
    """This process's hold on one workspace's lock; release it once per :func:`acquire`."""

    def __init__(self, path: Path, fd: int, holder: Holder):
        self.path = path
        self.holder = holder
        self._fd = fd
        self._count = 1

    def release(self) -> None:
        """Let go of one hold; the last one empties the file and drops the OS lock."""
        with _registry_guard:
            if self._count == 0:
                return
            self._count -= 1
            if self._count:
                return
            _registry.pop(self.path, None)
            # Emptied while still held: an empty file is "nobody", even before the unlock.
            with contextlib.suppress(OSError):
                _write_holder(self._fd, None)
            _unlock(self._fd)
            os.close(self._fd)


_registry: dict[Path, WorkspaceLock] = {}
_registry_guard = threading.Lock()


def acquire(root: Path, program: str) -> WorkspaceLock:
    """Hold the lock of the workspace in folder ``root`` for this process, as ``program``.

    Re-entrant within a process (counted). Raises WorkspaceLockedError when another process
    holds it, StorageError ``read_only`` when the lock file cannot be written.
    """
    path = Path(os.path.realpath(lock_path(root)))
    with _registry_guard:
        held = _registry.get(path)
        if held is not None:
            held._count += 1
            return held
        fd = _take(path, root)
        holder = this_process(program)
        previous = read_holder(root)
        if previous is not None:
            # Its process ended without letting go (killed, crashed, power cut).
            logger.info(
                "taking over the workspace lock left by %s (pid %s on %s)",
                previous.program,
                previous.pid,
                previous.host,
            )
        try:
            _write_holder(fd, holder)
        except OSError as exc:
            _unlock(fd)
            os.close(fd)
            raise StorageError(
                f"cannot write the workspace's lock file {path}: {exc.strerror}",
                code="read_only",
                hint="Check that the workspace folder is writable, with free space; "
                "nothing was changed.",
            ) from None
        lock = WorkspaceLock(path, fd, holder)
        _registry[path] = lock
        return lock


def _take(path: Path, root: Path) -> int:
    """Open the lock file and take its OS lock; return the descriptor, or raise if held."""
    for _attempt in range(5):
        fd = _open(path)
        if not _try_lock(fd):
            os.close(fd)
            raise locked_error(root, read_holder(root))
        if _same_file(fd, path):
            return fd
        # Someone deleted or replaced the file between our open and our lock: the lock we got
        # is on a file nobody else will look at. Try again on the one at ``path``.
        _unlock(fd)
        os.close(fd)
    raise locked_error(root, read_holder(root))


def locked_error(root: Path, holder: Holder | None) -> WorkspaceLockedError:
    """Return the error that says who holds the workspace and what to do."""
    if holder is None:  # the record is being written, or was damaged
        return WorkspaceLockedError(
            f"the workspace {root} is already open in another program",
            code="workspace_locked_unknown",
            hint="Close it there first, then try again.",
            program="",
            host="",
            since="",
            pid=0,
            user="",
        )
    return WorkspaceLockedError(
        f"the workspace {root} is already open in {holder.program} on {holder.host} "
        f"since {holder.since()} (process {holder.pid})",
        code="workspace_locked",
        hint="Close it there first, then try again.",
        program=holder.program,
        host=holder.host,
        since=holder.since(),
        pid=holder.pid,
        user=holder.user,
    )


def stale_holder(root: Path) -> Holder | None:
    """Return the holder a lock file still names though nobody holds its OS lock, else None.

    Harmless (the next opener takes such a lock over), but worth saying: the program it names
    ended without closing the workspace. None while a process, this one included, holds it.
    """
    holder = read_holder(root)
    if holder is None:
        return None
    path = Path(os.path.realpath(lock_path(root)))
    with _registry_guard:
        if path in _registry:
            return None
        try:
            fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except OSError:
            return None
        try:
            if not _try_lock(fd):
                return None
            _unlock(fd)
        finally:
            os.close(fd)
    return holder


def clear_stale(root: Path) -> Holder | None:
    """Empty a stale lock file (see :func:`stale_holder`); return the holder it named."""
    holder = stale_holder(root)
    if holder is not None:
        lock = acquire(root, "ombud doctor")
        lock.release()  # the last release empties the record
    return holder
