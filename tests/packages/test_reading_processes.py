"""A merge of many packages reads them on other processes: the same result as on one thread.

What needs no workspace (the package's signature and hashes, its JSON, the batches and every
value as if nothing were here) is checked on a reading process; the merging process trusts
those findings only where they hold, and reads the file again, hashing what it reads, for what
it copies (photos). These tests run the same merges both ways and compare everything stored.
"""

from __future__ import annotations

import os
import pickle
import zipfile
from pathlib import Path

import pytest

from ombud_desktop.errors import OmbudError
from ombud_desktop.merge.batch import Readers, merge_in_batches
from ombud_desktop.packages.export import export_assessment
from ombud_desktop.packages.format import PackageError
from ombud_desktop.packages.reader import PackageReader
from ombud_desktop.services.merge import merge_packages
from ombud_desktop.services.packages import PackageService
from ombud_desktop.storage import Workspace
from tests.packages.conftest import People, read_members, with_evidence, write_members
from tests.packages.doctored import doctor, document_of, invalid_status, reusing_change_id
from tests.packages.test_one_bad_package import _contents, _supervisor


@pytest.fixture
def packages(assessor_ws: Workspace, people: People, tmp_path: Path) -> list[Path]:
    """Five good packages, and three bad ones: each refused at another step."""
    first = with_evidence(assessor_ws)  # the first package carries photos
    ids = [first, *[r["id"] for r in assessor_ws.assessment_rows() if r["id"] != first][:4]]
    good = [
        export_assessment(assessor_ws, assessment_id, tmp_path / f"out{n}", people.signer).path
        for n, assessment_id in enumerate(ids)
    ]
    bad = tmp_path / "bad"
    # Refused while read: a photo's bytes changed after signing.
    altered = _altered_photo(good[0], bad / "altered.ombx")
    # Refused while applied, by the value check made on the reading process.
    status = doctor(good[2], bad / "status.ombx", people.signer, invalid_status)
    # Refused while applied, by what only the workspace knows: a change id already here.
    reused = doctor(
        good[3],
        bad / "reused.ombx",
        people.signer,
        reusing_change_id(document_of(good[0])["changes"][-1]["id"]),
    )
    return [good[0], altered, good[1], status, good[2], reused, good[3], good[4]]


def _altered_photo(source: Path, target: Path) -> Path:
    members = read_members(source)
    changed = []
    for info, data in members:
        if info.filename.startswith("evidence/") and data:
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        changed.append((info, data))
    assert changed != members, "the package carries a photo"
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_members(target, changed)


def _merge(folder: Path, people: People, packages: list[Path], *, processes: bool):
    ws = _supervisor(folder)
    report = merge_packages(
        PackageService(ws, people.supervisor),
        packages,
        batch=3,
        processes_from=1 if processes else len(packages) + 1,
    )
    return ws, report


def test_a_merge_read_on_processes_stores_what_one_read_on_a_thread_stores(
    packages: list[Path], people: People, tmp_path: Path
) -> None:
    thread_ws, on_thread = _merge(tmp_path / "thread", people, packages, processes=False)
    process_ws, on_processes = _merge(tmp_path / "processes", people, packages, processes=True)
    assert on_thread.reading_processes == 0
    assert on_processes.reading_processes >= 1
    assert not on_processes.readers_broke
    refused = [(path.name, exc.code, exc.message) for path, exc in on_thread.refused]
    assert [(p.name, e.code, e.message) for p, e in on_processes.refused] == refused
    assert [name for name, _code, _message in refused] == [
        "altered.ombx",
        "status.ombx",
        "reused.ombx",
    ]
    assert on_processes.counts == on_thread.counts
    assert on_processes.counts["new"] == 5
    # Every table (change log with its custody, rows, imports, batches) and every photo.
    assert _contents(process_ws) == _contents(thread_ws)
    assert process_ws.integrity_check() == "ok"
    thread_ws.close()
    process_ws.close()


def test_a_reader_checked_elsewhere_hashes_what_it_reads_again(
    packages: list[Path], tmp_path: Path
) -> None:
    path = tmp_path / "copy.ombx"
    path.write_bytes(packages[0].read_bytes())
    with PackageReader(path) as reader:
        reader.verify()
        assert reader.report.only_untrusted  # no trust given here: the rest checked
        members = reader.report.manifest.members
        photo = next(m.path for m in members if m.path.startswith("evidence/"))
        expected = reader.read_member(photo)
        travelled = pickle.loads(pickle.dumps(reader))
    assert travelled.read_member(photo) == expected  # the file opened again
    travelled.close()
    _altered_photo(packages[0], path)  # the same names and sizes, another photo
    with pytest.raises(PackageError) as info:
        travelled.read_member(photo)
    assert info.value.code == "member_altered"
    path.unlink()
    with pytest.raises(PackageError) as gone:
        travelled.read_member(photo)
    assert gone.value.code == "member_altered"
    assert travelled.report.only_untrusted  # the report of the check is left as it was


class _Opened:
    def __init__(self, path: Path):
        self.path = path

    def close(self) -> None:
        pass


def _dies(path: Path) -> _Opened:
    """A reading process killed while it reads (out of memory, say)."""
    os._exit(9)


def test_readers_that_stop_hand_over_to_a_thread(tmp_path: Path) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    files = [tmp_path / f"{n}.ombx" for n in range(7)]
    ws = Workspace.open(tmp_path / "ws")
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        result = merge_in_batches(
            ws,
            files,
            _Opened,
            lambda opened, _placed: opened.path,
            batch=3,
            readers=Readers(pool, _dies, 3),
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    assert result.readers_broke
    assert result.applied == files  # every file, in order, none refused
    assert result.refused == []
    ws.close()


def test_a_refusal_travels_whole_from_a_reading_process(packages: list[Path]) -> None:
    error = OmbudError("x was refused", code="member_altered", hint="Copy it again.", member="m")
    back = pickle.loads(pickle.dumps(error))
    assert (back.message, back.code, back.hint, back.data) == (
        "x was refused", "member_altered", "Copy it again.", {"member": "m"}
    )
    with zipfile.ZipFile(packages[0]) as archive:
        assert any(n.startswith("evidence/") for n in archive.namelist())


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_reading_processes_give_way_to_the_merging_process(tmp_path: Path) -> None:
    from ombud_desktop.packages.importer import READER_NICENESS, ReadingSetup
    from ombud_desktop.services.merge import reading_processes

    setup = ReadingSetup(str(tmp_path / "keys"), None, None, 1 << 20, frozenset())
    with reading_processes(setup, True) as readers:
        assert readers is not None
        theirs = {readers.pool.submit(os.nice, 0).result() for _ in range(4)}
    assert theirs == {min(19, os.nice(0) + READER_NICENESS)}
    with reading_processes(setup, False) as none:
        assert none is None


def test_changes_read_ahead_travel_as_records_and_come_back_the_same(
    packages: list[Path], people: People
) -> None:
    from ombud_desktop.packages.importer import (
        ReadingSetup,
        open_package,
        read_ahead,
        receiving_bytes,
        start_reading,
        unlock_receiving_key,
    )
    from tests.packages.conftest import SUPERVISOR_PASSPHRASE

    receiving = unlock_receiving_key(people.supervisor, SUPERVISOR_PASSPHRASE)
    assert receiving is not None
    good = [packages[i] for i in (0, 2, 4, 6, 7)]
    setup = ReadingSetup(
        str(people.supervisor.folder), receiving_bytes(receiving), None, 1 << 30, frozenset()
    )
    start_reading(setup)
    compared = 0
    for path in good:
        here = open_package(path, people.supervisor, receiving=receiving)
        here.close()
        travelled = pickle.loads(pickle.dumps(read_ahead(path)))
        for mine, theirs in zip(here.incoming, travelled.incoming, strict=True):
            assert theirs.changes == []  # not sent twice
            theirs.changes_from_records()
            assert theirs.changes == mine.changes
            assert [type(c) for c in theirs.changes] == [type(c) for c in mine.changes]
            compared += len(mine.changes)
            theirs.changes_from_records()  # made once: a second call changes nothing
            assert theirs.changes == mine.changes
    assert compared > 100  # five assessments' logs, each change compared
