"""Helpers for bulk work over a whole workspace."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small, acyclic objects are built.

    Reading and scoring a national workspace creates millions of objects that live until the
    end; the collector would rescan them again and again (about 20 % of the run) and find no
    cycles. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
