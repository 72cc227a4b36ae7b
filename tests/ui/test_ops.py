"""The store threads: writes in order on one thread; long reads beside them, never in the way.

Nothing here measures time: each test counts or orders what happened.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.errors import StorageError
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.services.changes import Changes
from ombud_desktop.ui.ops import StoreThread, open_store_at
from tests.ui.conftest import call

NEW = NewAssessment(category="kota", entity_name="Kota Cilegon", province="Banten",
                    locus_name="Disdukcapil", period_year=2024)


def test_a_long_read_does_not_hold_up_a_write(qtbot: Any, store: StoreThread) -> None:
    reading = threading.Event()
    release = threading.Event()
    order: list[str] = []

    def slow_read(s: Any) -> int:
        reading.set()
        # The read goes on until the write has finished: were the write queued behind it,
        # this would wait in vain and the order below would be ["read", "write"].
        release.wait(60)
        order.append("read")
        return s.lists.count()

    def write(s: Any) -> Changes:
        changes = s.set_profile("Budi", None)
        order.append("write")
        release.set()
        return changes

    store.submit(slow_read, write=False)
    assert reading.wait(60)
    store.submit(write)
    qtbot.waitUntil(lambda: store.pending == 0, timeout=60_000)
    assert order == ["write", "read"]
    assert call(store, lambda s: s.profile())["name"] == "Budi"


def test_every_write_says_what_it_changed_with_its_initiator(
    qtbot: Any, store: StoreThread
) -> None:
    seen: list[tuple[Changes, object]] = []
    store.changed.connect(lambda changes, initiator: seen.append((changes, initiator)))
    me = object()
    created = call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), NEW))
    aid = created.value
    store.submit(lambda s: s.assessments.set_note(aid, "general", "x"), initiator=me)
    store.submit(lambda s: s.lists.count(), write=False)  # a read: no changes
    qtbot.waitUntil(lambda: store.pending == 0 and len(seen) >= 2, timeout=60_000)
    assert seen[0] == (Changes.of([aid], entities=True), None)
    assert seen[1] == (Changes.of([aid]), me)
    assert len(seen) == 2


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
            call(store, lambda s: s.profile())
    finally:
        store.close()


def test_a_commit_by_another_program_is_announced_once(qtbot: Any, store: StoreThread) -> None:
    """Another connection commits; the app announces that everything changed, once."""
    call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), NEW))
    folder = call(store, lambda s: str(s.workspace.root))
    seen: list[tuple[Changes, object]] = []
    store.changed.connect(lambda changes, initiator: seen.append((changes, initiator)))
    store.poll()
    qtbot.waitUntil(lambda: not store._polling, timeout=60_000)
    assert store.external_commits == 0  # the app's own create is not "from elsewhere"
    other = sqlite3.connect(Path(folder) / "workspace.sqlite")
    other.execute("UPDATE profile SET name = 'Budi' WHERE id = 1")
    other.commit()
    other.close()
    qtbot.waitUntil(lambda: store.external_commits >= 1, timeout=60_000)
    assert (Changes.everything(), None) in seen
    before = store.external_commits
    for _ in range(3):  # nothing else commits: no more announcements
        store.poll()
        qtbot.waitUntil(lambda: not store._polling, timeout=60_000)
    assert store.external_commits == before


def test_the_readers_own_cache_writes_are_not_taken_for_another_program(
    qtbot: Any, demo_store: StoreThread
) -> None:
    """Scoring on the reader fills the score cache; that must not start a refresh loop."""
    cached = call(demo_store, lambda s: len(s.workspace.cached_locus_scores()))
    call(demo_store, lambda s: (s.workspace.db.execute("DELETE FROM locus_score_cache"),
                               s.workspace.db.conn.commit()))
    demo_store.poll()
    qtbot.waitUntil(lambda: not demo_store._polling, timeout=60_000)
    results: list[Any] = []
    demo_store.submit(lambda s: s.lists.results(), on_done=results.append, write=False)
    qtbot.waitUntil(lambda: bool(results) and demo_store.pending == 0, timeout=60_000)
    demo_store.wait_idle()  # the cache entries the reader kept are stored by the writer
    assert call(demo_store, lambda s: len(s.workspace.cached_locus_scores())) == max(cached, 14)
    for _ in range(3):
        demo_store.poll()
        qtbot.waitUntil(lambda: not demo_store._polling, timeout=60_000)
    assert demo_store.external_commits == 0
