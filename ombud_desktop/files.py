"""Writing files so that a reader never sees half of one: temporary name, fsync, rename."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_output(target: Path, *, private: bool = False) -> Iterator[BinaryIO]:
    """Yield a stream whose bytes appear at ``target`` only once all are written and synced.

    The bytes go to a temporary file in the same folder, which is fsynced and renamed over
    ``target``; on any error the temporary file is removed and ``target`` is untouched.
    ``private`` makes the file readable by its owner only (keys). Raises OSError.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if private:
            os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(target.parent)


def write_atomically(target: Path, content: bytes, *, private: bool = False) -> None:
    """Write ``content`` to ``target`` atomically (see :func:`atomic_output`). Raises OSError."""
    with atomic_output(target, private=private) as stream:
        stream.write(content)


def sync_folder(folder: Path) -> None:
    """Fsync a folder so a rename in it survives a power cut (a no-op where unsupported)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def is_disk_full(exc: OSError) -> bool:
    """Return True when ``exc`` says the disk (or quota) is full."""
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


# A temporary file of atomic_output older than this was left by a process that was killed: no
# write of one file (a package, a PDF) takes that long, so removing it harms nobody's work.
LEFTOVER_AGE_SECONDS = 15 * 60


def leftover_parts(folder: Path, *, now: float | None = None) -> list[Path]:
    """Return the temporary files (``.name.xxxx.part``) a killed writer left in ``folder``."""
    now = time.time() if now is None else now
    found = []
    with contextlib.suppress(OSError):
        for path in folder.glob(".*.part"):
            with contextlib.suppress(OSError):
                if path.is_file() and now - path.stat().st_mtime > LEFTOVER_AGE_SECONDS:
                    found.append(path)
    return sorted(found)


def remove_leftover_parts(folder: Path) -> list[Path]:
    """Remove the temporary files a killed writer left in ``folder``; return those removed."""
    removed = []
    for path in leftover_parts(folder):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed
