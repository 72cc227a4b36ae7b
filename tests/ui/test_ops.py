"""The store threads: writes in order on one thread; long reads beside them, never in the way."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.errors import StorageError
from ombud_desktop.ui.ops import StoreThread, open_store_at
from tests.ui.conftest import call


def test_a_long_read_does_not_hold_up_a_write(qtbot: Any, store: StoreThread) -> None:
    reading = threading.Event()
    order: list[str] = []

    def slow_read(s: Any) -> int:
        reading.set()
        time.sleep(1.0)
        order.append("read")
        return len(s.workspace.assessment_rows())

    def write(s: Any) -> None:
        s.workspace.set_profile("Budi", None)
        order.append("write")

    store.submit(slow_read, write=False)
    assert reading.wait(5)
    started = time.perf_counter()
    call(store, write)  # the writer thread is free although a read is running
    assert time.perf_counter() - started < 0.5
    store.wait_idle()
    qtbot.waitUntil(lambda: store.pending == 0)
    assert order == ["write", "read"]
    assert call(store, lambda s: s.workspace.profile())["name"] == "Budi"


def test_a_workspace_that_cannot_be_opened_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workspace.sqlite").write_bytes(b"not a database" * 50)
    store = StoreThread(open_store_at(folder))
    try:
        with pytest.raises(StorageError) as info:
            store.opened()
        assert info.value.code == "workspace_corrupt"
        with pytest.raises(StorageError):
            call(store, lambda s: s.workspace.profile())
    finally:
        store.close()
