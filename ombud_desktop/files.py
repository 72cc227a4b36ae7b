"""Writing files so that a reader never sees half of one: temporary name, fsync, rename."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
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
